//! `cargo run --release -p chronicle-clean --example train_blocks -- [DRAGNET] [OUT] [FOLDS] [EPOCHS] [L2] [WEIGHT_POWER] [MIN_P] [STACK_FOLDS]`:
//! what `chronicle train clean` does, without building the whole binary.
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let dir = a.get(1).cloned().unwrap_or_else(|| "/work/shared/data/dragnet".into());
    let out = a.get(2).cloned().unwrap_or_else(|| "/tmp/block_model.tsv".into());
    let mut opts = chronicle_clean::train::TrainOptions::default();
    if let Some(f) = a.get(3).and_then(|s| s.parse().ok()) { opts.folds = f; }
    if let Some(e) = a.get(4).and_then(|s| s.parse().ok()) { opts.epochs = e; }
    if let Some(p) = a.get(7).and_then(|s| s.parse().ok()) { opts.min_probability = p; }
    if let Some(w) = a.get(6).and_then(|s| s.parse().ok()) { opts.weight_power = w; }
    if let Some(k) = a.get(8).and_then(|s| s.parse().ok()) { opts.stack_folds = k; }
    if let Some(l) = a.get(5).and_then(|s| s.parse().ok()) { opts.l2 = l; }
    // PAGE_FOLDS=1: folds by page index (pages of one site on both sides) instead of by site.
    opts.by_site = std::env::var_os("PAGE_FOLDS").is_none();
    match chronicle_clean::train::train_blocks(std::path::Path::new(&dir), &opts, &mut |l| eprintln!("{l}")) {
        Ok(r) => {
            let show = |n: &str, c: &chronicle_core::Counts| println!("{n}: P={:.4} R={:.4} F1={:.4}", c.precision(), c.recall(), c.f1());
            show("cv", &r.cv);
            show("train-all", &r.all);
            show("baseline", &r.baseline);
            let _ = std::fs::write(&out, r.model_tsv("chronicle train clean <dragnet> --folds 5", &opts));
        }
        Err(e) => { eprintln!("error: {e}"); std::process::exit(2); }
    }
}
