//! Prints, for each line of standard input (one sentence or short text), its
//! dependency trees, mentions and events with the rule that fired, for
//! debugging argument rules:
//! `echo "Syrian troops shelled Homs." | cargo run --release -p chronicle-events --example explain`.
//! With `EXPLAIN_PUBLISHED=2010-06-04` the text is dated (publication day), and each
//! event's date is printed.
use std::io::BufRead;

fn main() {
    let lang = chronicle_language::Language::load().expect("language layer");
    let coder = chronicle_events::EventCoder::builtin().expect("lexicon");
    let published = std::env::var("EXPLAIN_PUBLISHED").ok().and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        if line.trim().is_empty() {
            continue;
        }
        let mut doc = chronicle_events::eval::plain_document(&line);
        if let Some(day) = published {
            doc.meta.published = chronicle_core::PublishedDate { date: chronicle_core::UncertainDate::day(day), basis: chronicle_core::DateBasis::Explicit };
        }
        lang.annotate(&mut doc);
        coder.code(&mut doc);
        println!("== {line}");
        let body = doc.body();
        for (i, t) in doc.tokens.iter().enumerate() {
            if let Some(s) = &t.syntax {
                let head = s.head.map_or("root".to_string(), |h| h.to_string());
                println!("   {i:>3} {:<16} {:<6} {:<4} {:>4} {} ({})", t.span.text(body), format!("{:?}", s.upos), s.xpos, head, s.deprel, s.lemma);
            }
        }
        for m in &doc.mentions {
            println!("   m '{}' {:?} c={:?} s={:?}", m.span.text(body), m.entity_type, m.country, m.sector);
        }
        let names = |v: &[chronicle_core::EventArg]| {
            v.iter().map(|a| format!("{}[{} {}]", a.name, a.country.as_deref().unwrap_or("-"), a.sector.as_deref().unwrap_or("-"))).collect::<Vec<_>>().join("+")
        };
        for e in &doc.events {
            println!(
                "   → {} '{}' {} → {} ({}) [{}] | {}",
                e.event_type.as_str(),
                e.trigger.text(body),
                names(&e.actors),
                names(&e.recipients),
                e.modality.as_str(),
                e.date.display(),
                e.rule
            );
        }
    }
}
