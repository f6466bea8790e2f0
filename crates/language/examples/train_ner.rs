//! Trains the entity tagger as `chronicle train ner` does: word clusters
//! from raw news text, then the tagger on CoNLL-2003 `train.txt`; writes
//! `clusters.tsv` and `tagger.bin` into OUT.
//!
//! `cargo run --release -p chronicle-language --example train_ner -- [CONLL_DIR] [OUT] [RAW_DIR…]`
//! (no RAW_DIR: the clusters already in OUT are kept).
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "/work/shared/data/conll2003".into()));
    let out = PathBuf::from(args.next().unwrap_or_else(|| "data/ner".into()));
    let raw: Vec<PathBuf> = args.map(PathBuf::from).collect();
    if !dir.join("train.txt").is_file() {
        eprintln!("no CoNLL data at {}; skipping", dir.display());
        return;
    }
    let t0 = std::time::Instant::now();
    match chronicle_language::ner::train::train_all(&dir, &raw, &out, &mut |l| eprintln!("{l} ({:?})", t0.elapsed())) {
        Ok(t) => eprintln!("{} cluster words, {} features in {:?}", t.cluster_words, t.features, t0.elapsed()),
        Err(e) => {
            eprintln!("training failed: {e}");
            std::process::exit(1);
        }
    }
}
