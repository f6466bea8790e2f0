//! Throughput of the cleaner on one core:
//! `cargo run --release -p chronicle-clean --example bench -- [TEXT_DIR] [HTML_DIR]`.
//! Text: the pages of TEXT_DIR (default the demo corpus) cleaned one at a time, repeatedly.
//! HTML: every `.html` page of HTML_DIR (default the dragnet inputs, when present), once.
use std::time::Instant;

use chronicle_clean::Cleaner;
use chronicle_core::{InputFormat, Metadata, RawInput};

fn load(dir: &str, html: bool) -> Vec<RawInput> {
    let mut paths: Vec<_> = std::fs::read_dir(dir).into_iter().flatten().flatten().map(|e| e.path()).collect();
    paths.sort();
    paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| if html { e == "html" } else { e == "txt" }))
        .filter_map(|p| {
            let raw = std::fs::read(&p).ok()?;
            let (text, encoding) = chronicle_clean::eval::decode_html(&raw);
            Some(RawInput { source: p.display().to_string(), format: if html { InputFormat::Html } else { InputFormat::Text }, raw, text, is_html: html, encoding, hints: Metadata::default() })
        })
        .collect()
}

fn main() {
    let text_dir = std::env::args().nth(1).unwrap_or_else(|| "examples/istanbul-talks".into());
    let html_dir = std::env::args().nth(2).unwrap_or_else(|| "/work/shared/data/dragnet/input".into());
    let cleaner = Cleaner::builtin();
    let pages = load(&text_dir, false);
    let bytes: usize = pages.iter().map(|p| p.raw.len()).sum();
    let rounds = 400;
    let t = Instant::now();
    let mut n = 0usize;
    for _ in 0..rounds {
        for p in &pages {
            n += cleaner.clean(p.clone()).map(|d| d.len()).unwrap_or(0);
        }
    }
    let s = t.elapsed().as_secs_f64();
    let docs = rounds * pages.len();
    println!("text: {docs} pages ({} KB avg) in {s:.2}s = {:.0} pages/s/core ({n} documents out)", bytes / pages.len().max(1) / 1024, docs as f64 / s);
    let html = load(&html_dir, true);
    if html.is_empty() {
        println!("html: no pages at {html_dir}");
        return;
    }
    let t = Instant::now();
    let ok = html.iter().filter(|p| cleaner.clean((*p).clone()).is_ok()).count();
    let s = t.elapsed().as_secs_f64();
    println!("html: {} pages in {s:.2}s = {:.1} pages/s/core ({ok} cleaned)", html.len(), html.len() as f64 / s);
}
