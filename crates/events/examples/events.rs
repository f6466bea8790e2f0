//! Codes plain-text files and prints their events and positions, with a
//! timing of the events layer alone:
//! `cargo run --release -p chronicle-events --example events -- FILE...`.
use std::time::Instant;

use chronicle_core::{PublishedDate, UncertainDate};

fn main() {
    let lang = chronicle_language::Language::load().expect("language layer");
    let coder = chronicle_events::EventCoder::builtin().expect("lexicon");
    let mut docs = Vec::new();
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let mut doc = chronicle_events::eval::plain_document(&text);
        doc.source = path.clone();
        if let Ok(d) = std::env::var("PUBLISHED") {
            if let Ok(u) = UncertainDate::parse_value(&d) {
                doc.meta.published = PublishedDate { date: u, basis: chronicle_core::DateBasis::Explicit };
            }
        }
        lang.annotate(&mut doc);
        coder.code(&mut doc);
        println!("== {path}: {} sentences, {} mentions, {} events", doc.sentences.len(), doc.mentions.len(), doc.events.len());
        for e in &doc.events {
            let names = |v: &[chronicle_core::EventArg]| {
                v.iter().map(|a| format!("{}[{}]", a.name, a.country.as_deref().unwrap_or("-"))).collect::<Vec<_>>().join("+")
            };
            println!(
                "{:<9} {:<12} {:<12} {} → {} | date {} | loc {} | q {:?} | attr {:?} | items {:?}\n    '{}' in: {}\n    rule: {}",
                e.event_type.as_str(),
                e.mode.as_deref().unwrap_or("-"),
                e.modality.as_str(),
                names(&e.actors),
                names(&e.recipients),
                e.date.display(),
                e.location.as_ref().map(|l| l.name.as_str()).unwrap_or("-"),
                e.quantities.iter().map(|q| q.span.text(doc.body())).collect::<Vec<_>>(),
                e.attributed_to,
                e.items,
                e.trigger.text(doc.body()),
                e.sentence.text(doc.body()).trim(),
                e.rule
            );
        }
        docs.push(doc);
    }
    print!("{}", chronicle_events::positions::render_table(&chronicle_events::positions::positions(&docs)));
    // timing of the events layer alone (language layers already filled)
    let sentences: usize = docs.iter().map(|d| d.sentences.len().max(1)).sum();
    if sentences == 0 {
        return;
    }
    let rounds = (20_000 / sentences).max(1);
    let start = Instant::now();
    for _ in 0..rounds {
        for d in docs.iter_mut() {
            coder.code(d);
        }
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "events layer: {} sentences in {:.3} s = {:.0} sentences/s (one core)",
        sentences * rounds,
        secs,
        (sentences * rounds) as f64 / secs
    );
}
