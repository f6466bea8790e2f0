//! Accuracy and speed of the entity layer.
//!
//! `cargo run --release -p chronicle-language --example bench_language -- [CONLL_DIR] [TEXT_DIR]`
//!
//! Prints the CoNLL-2003 dev score (skipped when the data is absent) and the
//! throughput in sentences per second on one core of: segmentation alone,
//! segmentation + entities, and the whole language layer, over the `.txt`
//! files of TEXT_DIR (default `examples/istanbul-talks`) repeated.
use std::path::PathBuf;
use std::time::Instant;

use chronicle_core::{DocId, Document, InputFormat, Metadata};
use chronicle_language::{sentence, Language};

fn main() {
    let conll = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "/work/shared/data/conll2003".into()));
    let texts = PathBuf::from(std::env::args().nth(2).unwrap_or_else(|| "examples/istanbul-talks".into()));
    if conll.exists() {
        match chronicle_language::eval::conll::run(&conll) {
            Ok(r) => print!("{}", r.render()),
            Err(e) => println!("conll: {e}"),
        }
    } else {
        println!("conll: no data at {}; skipped", conll.display());
    }
    let mut bodies = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&texts) {
        for e in rd.flatten() {
            if e.path().extension().is_some_and(|x| x == "txt") {
                if let Ok(t) = std::fs::read_to_string(e.path()) {
                    bodies.push(t);
                }
            }
        }
    }
    if bodies.is_empty() {
        println!("speed: no texts in {}", texts.display());
        return;
    }
    let lang = Language::load().expect("language data");
    let docs: Vec<Document> = bodies
        .iter()
        .map(|b| Document::new(DocId::from_text(b), "bench".into(), InputFormat::Text, Vec::new(), b.clone(), b.clone(), Metadata::default()))
        .collect();
    let reps = 40;
    let run = |stage: &str, f: &dyn Fn(&mut Document)| {
        let t0 = Instant::now();
        let (mut sents, mut toks) = (0usize, 0usize);
        for _ in 0..reps {
            for d in &docs {
                let mut d = d.clone();
                f(&mut d);
                sents += d.sentences.len();
                toks += d.tokens.len();
            }
        }
        let s = t0.elapsed().as_secs_f64();
        println!(
            "{stage:<28} {:>9.0} sentences/s {:>10.0} tokens/s  ({sents} sentences, {:.1} tokens each, in {s:.2}s)",
            sents as f64 / s,
            toks as f64 / s,
            toks as f64 / sents.max(1) as f64
        );
    };
    run("segmentation", &|d| sentence::annotate(d));
    run("segmentation + syntax", &|d| lang.annotate_sentences(d));
    run("segmentation + entities", &|d| {
        sentence::annotate(d);
        lang.ner.annotate(&lang.kb, d);
    });
    run("whole language layer", &|d| lang.annotate(d));
}
