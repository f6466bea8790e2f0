//! Diagnostics: every block of every dragnet page with the model's probability and gold share,
//! tab-separated: `block_table MODEL [DRAGNET] > OUT`.
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let model = chronicle_clean::BlockModel::parse(&std::fs::read_to_string(&a[1]).unwrap_or_default(), &a[1]).unwrap_or_default();
    let dir = a.get(2).cloned().unwrap_or_else(|| "/work/shared/data/dragnet".into());
    if let (Some(name), Some(index)) = (a.get(3), a.get(4).and_then(|s| s.parse().ok())) {
        let mut rows = chronicle_clean::train::explain_block(std::path::Path::new(&dir), &model, name, index);
        rows.sort_by(|x, y| (f64::from(y.1) * y.2).abs().total_cmp(&(f64::from(x.1) * x.2).abs()));
        for (n, v, w) in rows {
            println!("{n}\t{v:.3}\t{w:.3}\t{:.3}", f64::from(v) * w);
        }
        return;
    }
    for (name, rows) in chronicle_clean::train::block_table(std::path::Path::new(&dir), &model).unwrap_or_default() {
        for (i, (p, g, h, t)) in rows.iter().enumerate() {
            println!("{name}\t{i}\t{p:.3}\t{g:.2}\t{h}\t{}\t{}", t.split_whitespace().count(), t.replace('\t', " "));
        }
    }
}
