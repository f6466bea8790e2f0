//! Trains the tagger in memory on CoNLL-2003 `train.txt` and scores it on
//! `valid.txt` (all entities, and the entities whose name never occurs in
//! train.txt), without writing weights: for comparing feature sets.
//!
//! `cargo run --release -p chronicle-language --example ner_experiment -- [CONLL_DIR]`
use std::path::PathBuf;

use chronicle_language::eval::conll::{entity_names, score, score_unseen};
use chronicle_language::kb::Kb;
use chronicle_language::ner::tagger::{read_conll, Scratch, TrainConfig};
use chronicle_language::ner::clusters::ClusterConfig;
use chronicle_syntax::clusters::Clusters;
use chronicle_language::ner::{train, Recognizer};

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "/work/shared/data/conll2003".into()));
    let (Ok(tr), Ok(va)) = (std::fs::read_to_string(dir.join("train.txt")), std::fs::read_to_string(dir.join("valid.txt"))) else {
        eprintln!("no CoNLL data at {}; skipping", dir.display());
        return;
    };
    let kb = Kb::builtin().expect("kb");
    let t0 = std::time::Instant::now();
    let env = |k: &str, d: usize| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
    let clusters = if let Ok(raw) = std::env::var("RAW") {
        let d = ClusterConfig::default();
        let cfg = ClusterConfig {
            min_count: env("MIN", d.min_count as usize) as u32,
            max_words: env("MAXW", d.max_words),
            contexts: env("CTX", d.contexts),
            sizes: [env("K0", d.sizes[0]), env("K1", d.sizes[1]), env("K2", d.sizes[2])],
            iterations: env("ITER", d.iterations),
        };
        let srcs: Vec<PathBuf> = raw.split(',').map(PathBuf::from).collect();
        let t = train::learn_clusters(&srcs, &cfg, &mut |l| eprintln!("{l}")).expect("clusters");
        Some(Clusters::parse(&t, "raw").expect("parse"))
    } else {
        None
    };
    let tcfg = TrainConfig { epochs: env("EPOCHS", 16), seed: env("SEED", 7) as u64, ..TrainConfig::default() };
    let clusters = clusters.or_else(|| std::env::var("CLUSTERS").ok().map(|p| Clusters::parse(&std::fs::read_to_string(&p).expect("clusters"), &p).expect("clusters"))).unwrap_or_default();
    let model = train::train(&dir.join("train.txt"), &kb, tcfg, clusters).expect("train");
    eprintln!("trained {} features in {:?}", model.len(), t0.elapsed());
    let rec = Recognizer::with_model(model).expect("rec");
    let seen = entity_names(&read_conll(&tr));
    let sents = read_conll(&va);
    let mut scratch = Scratch::default();
    let t1 = std::time::Instant::now();
    rec.tag_words(&kb, &["Warm-up"], &mut scratch);
    eprintln!("world names indexed in {:?}", t1.elapsed());
    let t1 = std::time::Instant::now();
    let preds: Vec<Vec<u8>> = sents
        .iter()
        .map(|(w, _)| rec.tag_words(&kb, &w.iter().map(String::as_str).collect::<Vec<_>>(), &mut scratch))
        .collect();
    eprintln!("tagged {} sentences in {:?}", sents.len(), t1.elapsed());
    let pairs: Vec<(Vec<u8>, Vec<u8>)> = sents.iter().zip(&preds).map(|((_, g), p)| (g.clone(), p.clone())).collect();
    let (all, per) = score(&pairs);
    let un = score_unseen(&seen, &sents, &preds);
    for (k, c) in ["PER", "ORG", "LOC", "MISC"].iter().zip(per) {
        println!("{k:<5} P={:.3} R={:.3} F1={:.3}", c.precision(), c.recall(), c.f1());
    }
    println!("unseen names: P={:.3} R={:.3} F1={:.3} (gold {})", un.precision(), un.recall(), un.f1(), un.tp + un.fn_);
    println!("all: P={:.3} R={:.3} F1={:.4}", all.precision(), all.recall(), all.f1());
}
