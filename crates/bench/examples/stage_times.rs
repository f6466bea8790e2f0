//! Per-stage wall time on the first N Reuters stories, one thread, each stage
//! run over all documents before the next (the input for a callgrind profile).
//!
//! `cargo run --release -p chronicle-bench --example stage_times -- [N] [only-stage]`
//! where only-stage is one of clean, sentences, syntax, entities, rest, events (the
//! stages before it still run, untimed, so a profile shows mostly that stage).

use std::time::Instant;

use chronicle_bench::{reuters_inputs, rest_of_language, sentence_count, Stages};
use chronicle_core::Document;

/// One named step over one document.
type Step<'a> = (&'a str, &'a dyn Fn(&mut Document));

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(500);
    let only = args.next();
    let Some(inputs) = reuters_inputs(n) else { return };
    let stages = match Stages::load() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("stages failed to load: {e}");
            std::process::exit(1);
        }
    };
    let n_inputs = inputs.len();
    let t = Instant::now();
    let results = stages.cleaner.clean_batch(inputs);
    let clean = t.elapsed().as_secs_f64();
    let rejected: Vec<String> = results.iter().filter_map(|r| r.as_ref().err().map(|e| e.to_string())).collect();
    if let Some(first) = rejected.first() {
        eprintln!("{} input(s) rejected by the cleaner, e.g. {first}", rejected.len());
    }
    let mut docs: Vec<_> = results.into_iter().filter_map(Result::ok).flatten().collect();
    if only.as_deref() == Some("clean") {
        println!("clean: {n_inputs} inputs in {clean:.3} s");
        return;
    }
    let mut times = vec![("clean", clean)];
    let steps: [Step; 5] = [
        ("sentences", &|d| chronicle_language::sentence::annotate(d)),
        ("syntax", &|d| stages.language.syntax.annotate(d)),
        ("entities", &|d| stages.language.ner.annotate(&stages.language.kb, d)),
        ("rest", &|d| rest_of_language(&stages.language, d)),
        ("events", &|d| stages.coder.code(d)),
    ];
    for (name, step) in steps {
        let t = Instant::now();
        for d in &mut docs {
            step(d);
        }
        times.push((name, t.elapsed().as_secs_f64()));
        if only.as_deref() == Some(name) {
            break;
        }
    }
    let sents = sentence_count(&docs);
    println!("inputs {n_inputs}  documents {}  sentences {sents}", docs.len());
    let total: f64 = times.iter().map(|t| t.1).sum();
    for (name, secs) in &times {
        println!(
            "{name:<10} {secs:>8.3} s  {:>5.1}%  {:>9.0} docs/s  {:>9.0} sentences/s",
            100.0 * secs / total,
            docs.len() as f64 / secs,
            sents as f64 / secs
        );
    }
    println!("{:<10} {total:>8.3} s  {:>16.0} docs/s", "total", docs.len() as f64 / total);
}
