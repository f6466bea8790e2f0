//! Diagnostics for the block classifier: oracle blocks, model blocks and the extractor's
//! text against gold, before the line segmenter.
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let model = chronicle_clean::BlockModel::parse(&std::fs::read_to_string(&a[1]).unwrap_or_default(), &a[1]).unwrap_or_default();
    let opts = chronicle_clean::train::TrainOptions::default();
    if a.get(2).is_some_and(|s| s == "lost") {
        for (k, n, m, ex) in chronicle_clean::train::lost_by_reason(std::path::Path::new("/work/shared/data/dragnet"), model).unwrap_or_default().iter().take(40) {
            println!("{n}\t{m}\t{k}\t{ex}");
        }
        return;
    }
    if let Ok((o, m, t)) = chronicle_clean::train::block_bounds(std::path::Path::new("/work/shared/data/dragnet"), &model, &opts) {
        for (n, c) in [("oracle", o), ("model", m), ("extractor", t)] {
            println!("{n}: P={:.3} R={:.3} F1={:.3}", c.precision(), c.recall(), c.f1());
        }
    }
}
#[allow(dead_code)]
fn lost() {}
