//! Writes each dragnet page's cleaned body to OUT/NAME.txt and its non-body blocks, with
//! labels and reasons, to OUT/NAME.blocks, for reading the per-page errors against the gold
//! files: `cargo run --release -p chronicle-clean --example dragnet_bodies -- [DRAGNET] OUT`.
use chronicle_clean::eval::decode_html;
use chronicle_clean::Cleaner;
use chronicle_core::{InputFormat, Metadata, RawInput};

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let dir = std::path::PathBuf::from(a.get(1).cloned().unwrap_or_else(|| "/work/shared/data/dragnet".into()));
    let out = std::path::PathBuf::from(a.get(2).cloned().unwrap_or_else(|| "/tmp/dragnet_bodies".into()));
    let _ = std::fs::create_dir_all(&out);
    let mut names: Vec<_> = std::fs::read_dir(dir.join("input")).into_iter().flatten().flatten().map(|e| e.path()).collect();
    names.sort();
    // MODEL=FILE: clean with that block model instead of the embedded one.
    let cleaner = match std::env::var("MODEL") {
        Ok(m) => {
            let text = std::fs::read_to_string(&m).unwrap_or_default();
            let model = chronicle_clean::BlockModel::parse(&text, &m).unwrap_or_default();
            Cleaner::new(chronicle_clean::CleanConfig { block_model: std::sync::Arc::new(model), ..chronicle_clean::CleanConfig::default() })
        }
        Err(_) => Cleaner::builtin(),
    };
    for p in names {
        let Some(stem) = p.file_stem().map(|s| s.to_string_lossy().to_string()) else { continue };
        let Ok(raw) = std::fs::read(&p) else { continue };
        let (text, encoding) = decode_html(&raw);
        let input = RawInput { source: stem.clone(), format: InputFormat::Html, raw, text, is_html: true, encoding, hints: Metadata::default() };
        let (body, blocks) = match cleaner.clean(input) {
            Ok(docs) => docs
                .first()
                .map(|d| {
                    let other: String = d
                        .blocks
                        .iter()
                        .filter(|b| b.label != chronicle_core::BlockLabel::Body)
                        .map(|b| format!("{}\t{}\t{}\n", b.label.as_str(), b.span.text(&d.extracted).replace('\n', " "), b.reason))
                        .collect();
                    (d.body().to_string(), other)
                })
                .unwrap_or_default(),
            Err(e) => (String::new(), format!("error\t{e}\n")),
        };
        let _ = std::fs::write(out.join(format!("{stem}.txt")), body);
        let _ = std::fs::write(out.join(format!("{stem}.blocks")), blocks);
    }
}
