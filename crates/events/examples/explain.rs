//! Prints, for each line of standard input (one sentence or short text), its
//! dependency trees, mentions and events with the rule that fired, for
//! debugging argument rules:
//! `echo "Syrian troops shelled Homs." | cargo run --release -p chronicle-events --example explain`.
//! With `EXPLAIN_PUBLISHED=2010-06-04` the text is dated (publication day), and each
//! event's date is printed. With `EXPLAIN_DOC=1` all of standard input is one document
//! (to see rules that read the whole document), and with `EXPLAIN_GREP=words` only the
//! sentences holding those words are printed.
use std::io::BufRead;

fn main() {
    let lang = chronicle_language::Language::load().expect("language layer");
    let coder = chronicle_events::EventCoder::builtin().expect("lexicon");
    let published = std::env::var("EXPLAIN_PUBLISHED").ok().and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let lines: Vec<String> = std::io::stdin().lock().lines().map_while(Result::ok).collect();
    let texts_are_documents = std::env::var("EXPLAIN_DOC").is_ok();
    let texts = if texts_are_documents { vec![lines.join("\n")] } else { lines };
    let grep = std::env::var("EXPLAIN_GREP").ok();
    for line in texts {
        if line.trim().is_empty() {
            continue;
        }
        let mut doc = chronicle_events::eval::plain_document(&line);
        if let Some(day) = published {
            doc.meta.published = chronicle_core::PublishedDate { date: chronicle_core::UncertainDate::day(day), basis: chronicle_core::DateBasis::Explicit };
        }
        lang.annotate(&mut doc);
        coder.code(&mut doc);
        lang.place_events(&mut doc);
        let body = doc.body();
        let whole = texts_are_documents;
        if !whole {
            println!("== {line}");
        }
        for (i, t) in doc.tokens.iter().enumerate().filter(|_| !whole) {
            if let Some(s) = &t.syntax {
                let head = s.head.map_or("root".to_string(), |h| h.to_string());
                println!("   {i:>3} {:<16} {:<6} {:<4} {:>4} {} ({})", t.span.text(body), format!("{:?}", s.upos), s.xpos, head, s.deprel, s.lemma);
            }
        }
        for m in doc.mentions.iter().filter(|_| !whole) {
            println!("   m '{}' {:?} c={:?} s={:?}", m.span.text(body), m.entity_type, m.country, m.sector);
        }
        let names = |v: &[chronicle_core::EventArg]| {
            v.iter().map(|a| format!("{}[{} {}]", a.name, a.country.as_deref().unwrap_or("-"), a.sector.as_deref().unwrap_or("-"))).collect::<Vec<_>>().join("+")
        };
        for e in &doc.events {
            let sentence = e.sentence.text(body);
            if grep.as_deref().is_some_and(|g| !sentence.contains(g)) {
                continue;
            }
            if whole {
                println!("== {sentence}");
            }
            println!(
                "   → {} '{}' {} → {} ({}) [{}] @{} | {}",
                e.event_type.as_str(),
                e.trigger.text(body),
                names(&e.actors),
                names(&e.recipients),
                e.modality.as_str(),
                e.date.display(),
                e.location.as_ref().map_or("-", |l| l.name.as_str()),
                e.rule
            );
        }
    }
}
