//! Times the entity tagger on the CoNLL-2003 valid sentences (as
//! `chronicle eval conll` runs it: production tagger with knowledge-base
//! features, best of R rounds, one thread) and writes one JSON line per
//! sentence to OUT, for `bench/side_by_side.py`: `{"words": […], "gold":
//! [[class, start, end], …], "pred": […]}` (class 1 PER, 2 ORG, 3 LOC, 4 MISC;
//! token indices, end exclusive).
//!
//! `cargo run --release -p chronicle-bench --example ner_conll -- VALID_TXT OUT [ROUNDS]`

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use chronicle_language::eval::conll::chunks;
use chronicle_language::kb::Kb;
use chronicle_language::ner::tagger::{read_conll, Scratch};
use chronicle_language::ner::Recognizer;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(file), Some(out)) = (args.next().map(PathBuf::from), args.next().map(PathBuf::from)) else {
        eprintln!("usage: ner_conll VALID_TXT OUT [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3);
    let Ok(text) = std::fs::read_to_string(&file) else {
        println!("skipped: {} not found", file.display());
        return;
    };
    let (kb, rec) = match (Kb::builtin(), Recognizer::builtin()) {
        (Ok(kb), Ok(rec)) => (kb, rec),
        _ => {
            eprintln!("language data failed to load");
            std::process::exit(1);
        }
    };
    let sents = read_conll(&text);
    let words: Vec<Vec<&str>> = sents.iter().map(|(w, _)| w.iter().map(String::as_str).collect()).collect();
    let mut scratch = Scratch::default();
    let mut best = f64::INFINITY;
    let mut preds = Vec::new();
    for _ in 0..rounds.max(1) {
        let t = Instant::now();
        preds = words.iter().map(|w| rec.tag_words(&kb, w, &mut scratch)).collect::<Vec<_>>();
        best = best.min(t.elapsed().as_secs_f64());
    }
    let write = || -> std::io::Result<()> {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&out)?);
        let as_json = |tags: &[u8]| -> serde_json::Value {
            chunks(tags).into_iter().map(|(k, s, e)| serde_json::json!([k, s, e])).collect()
        };
        for ((w, (_, gold)), p) in words.iter().zip(&sents).zip(&preds) {
            let line = serde_json::json!({"words": w, "gold": as_json(gold), "pred": as_json(p)});
            writeln!(f, "{line}")?;
        }
        f.flush()
    };
    if let Err(e) = write() {
        eprintln!("{}: {e}", out.display());
        std::process::exit(1);
    }
    let tokens: usize = words.iter().map(Vec::len).sum();
    println!(
        "{{\"sentences\": {}, \"tokens\": {tokens}, \"seconds\": {best:.6}, \"sentences_per_s\": {:.1}}}",
        words.len(),
        words.len() as f64 / best
    );
}
