//! Cleans every `.txt`/`.html` file of a folder as one batch and prints each document's
//! blocks, labels and metadata: `cargo run -p chronicle-clean --example clean_dir -- DIR`.
use chronicle_clean::Cleaner;
use chronicle_core::{InputFormat, Metadata, RawInput};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "examples/istanbul-talks".into());
    let mut paths: Vec<_> = std::fs::read_dir(&dir).into_iter().flatten().flatten().map(|e| e.path()).collect();
    paths.sort();
    let inputs: Vec<RawInput> = paths
        .iter()
        .filter_map(|p| {
            let raw = std::fs::read(p).ok()?;
            let text = String::from_utf8_lossy(&raw).to_string();
            let is_html = p.extension().is_some_and(|e| e == "html" || e == "htm");
            Some(RawInput { source: p.display().to_string(), format: if is_html { InputFormat::Html } else { InputFormat::Text }, raw, text, is_html, encoding: "utf-8".into(), hints: Metadata::default() })
        })
        .collect();
    for r in Cleaner::builtin().clean_batch(inputs) {
        match r {
            Err(e) => println!("ERROR {e}"),
            Ok(docs) => {
                for d in docs {
                    println!("=== {} {} appended_to={:?}", d.id, d.source, d.meta.appended_to.as_ref().map(|i| i.to_string()));
                    println!("title={:?} outlet={:?} lang={:?} published={} ({})", d.meta.title, d.meta.outlet, d.meta.language, d.meta.published.date.display(), d.meta.published.basis.as_str());
                    for b in &d.blocks {
                        let t: String = b.span.text(&d.extracted).chars().take(70).collect();
                        println!("  {:<11} {:<70} | {}", b.label.as_str(), t, b.reason);
                    }
                }
            }
        }
    }
}
