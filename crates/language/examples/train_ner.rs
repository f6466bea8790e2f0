//! Trains the tagger on CoNLL-2003 and writes `data/ner/tagger.bin`, then
//! prints the dev-set score (what `chronicle train-ner` and
//! `chronicle eval conll` do).
//!
//! `cargo run --release -p chronicle-language --example train_ner -- [CONLL_DIR] [OUT]`
use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "/work/shared/data/conll2003".into()));
    let out = PathBuf::from(std::env::args().nth(2).unwrap_or_else(|| "data/ner/tagger.bin".into()));
    if !dir.join("train.txt").is_file() {
        eprintln!("no CoNLL data at {}; skipping", dir.display());
        return;
    }
    let t0 = std::time::Instant::now();
    match chronicle_language::ner::train::train_to_file(&dir, &out) {
        Ok(n) => eprintln!("trained {n} features in {:?} -> {}", t0.elapsed(), out.display()),
        Err(e) => {
            eprintln!("training failed: {e}");
            std::process::exit(1);
        }
    }
}
