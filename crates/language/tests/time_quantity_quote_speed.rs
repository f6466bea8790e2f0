//! Throughput of the time, quantity and quote annotators (not a timed test:
//! it asserts nothing about speed). Run in release mode with output to see
//! the figures:
//!
//! `CHRONICLE_BENCH=1 cargo test -p chronicle-language --release --test time_quantity_quote_speed -- --nocapture`
//!
//! Without `CHRONICLE_BENCH` it only checks that the annotators run on the
//! repeated demo corpus.
use std::time::Instant;

use chronicle_core::{DocId, Document, InputFormat, Metadata, UncertainDate};
use chrono::NaiveDate;

fn corpus(copies: usize) -> Vec<Document> {
    let dir = format!("{}/../../examples/istanbul-talks", env!("CARGO_MANIFEST_DIR"));
    let Ok(rd) = std::fs::read_dir(&dir) else { return Vec::new() };
    let mut bodies: Vec<String> = rd
        .filter_map(|e| e.ok())
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    bodies.sort();
    let mut meta = Metadata::default();
    meta.published.date = UncertainDate::day(NaiveDate::from_ymd_opt(2025, 5, 16).unwrap_or_default());
    let mut docs = Vec::new();
    for i in 0..copies {
        for b in &bodies {
            let body = format!("{b}\n{i}");
            let mut doc = Document::new(DocId::from_text(&body), String::new(), InputFormat::Text, Vec::new(), body.clone(), body, meta.clone());
            chronicle_language::sentence::annotate(&mut doc);
            docs.push(doc);
        }
    }
    docs
}

#[test]
fn throughput() {
    let bench = std::env::var_os("CHRONICLE_BENCH").is_some();
    let mut docs = corpus(if bench { 200 } else { 2 });
    if docs.is_empty() {
        return;
    }
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let bytes: usize = docs.iter().map(|d| d.body().len()).sum();
    let mut report = Vec::new();
    type Step = fn(&mut Document);
    let steps: [(&str, Step); 3] = [
        ("time", chronicle_language::time::annotate),
        ("quantity", chronicle_language::quantity::annotate),
        ("quote", chronicle_language::quote::annotate),
    ];
    let mut total = 0.0;
    for (name, step) in steps {
        let t = Instant::now();
        for d in docs.iter_mut() {
            step(d);
        }
        let s = t.elapsed().as_secs_f64();
        total += s;
        report.push(format!("{name}: {:.0} sentences/s ({:.1} MB/s)", sentences as f64 / s, bytes as f64 / s / 1e6));
    }
    report.push(format!("all three: {:.0} sentences/s on one core ({sentences} sentences, {:.1} MB)", sentences as f64 / total, bytes as f64 / 1e6));
    assert!(docs.iter().all(|d| !d.times.is_empty() && !d.quantities.is_empty() && !d.quotes.is_empty()));
    if bench {
        for l in report {
            println!("{l}");
        }
    }
}
