//! Throughput of the cleaner on one core:
//! `cargo run --release -p chronicle-clean --example bench -- [TEXT_DIR] [HTML_DIR] [REUTERS_DIR]`.
//! Text: the pages of TEXT_DIR (default the demo corpus) cleaned one at a time, repeatedly.
//! Short texts: 2,000 Reuters-21578 stories (default the dev copy, when present), cleaned one at a time.
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

/// Reuters-21578 stories (title line, blank line, body) from the `reut2-*.sgm` files of
/// `dir`, as short text documents; empty when the folder is absent.
fn reuters(dir: &str, limit: usize) -> Vec<RawInput> {
    let mut files: Vec<_> = std::fs::read_dir(dir).into_iter().flatten().flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "sgm")).collect();
    files.sort();
    let between = |s: &str, open: &str, close: &str| -> Option<String> {
        let start = s.find(open)? + open.len();
        let end = s.get(start..)?.find(close)? + start;
        Some(s.get(start..end)?.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    };
    let mut out = Vec::new();
    for f in files {
        let Ok(bytes) = std::fs::read(&f) else { continue };
        let sgml = String::from_utf8_lossy(&bytes);
        for (i, chunk) in sgml.split("</REUTERS>").enumerate() {
            let Some(body) = between(chunk, "<BODY>", "</BODY>") else { continue };
            let body = body.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{3}').trim_end_matches("Reuter").trim_end().to_string();
            let title = between(chunk, "<TITLE>", "</TITLE>");
            let text = match &title { Some(t) => format!("{t}\n\n{body}"), None => body };
            let hints = Metadata { title, outlet: Some("Reuters".into()), published_hint: between(chunk, "<DATE>", "</DATE>").map(|d| d.trim().to_string()), ..Metadata::default() };
            out.push(RawInput { source: format!("{}#{}", f.display(), i + 1), format: InputFormat::Text, raw: text.as_bytes().to_vec(), text, is_html: false, encoding: "utf-8".into(), hints });
            if out.len() >= limit {
                return out;
            }
        }
    }
    out
}
fn main() {
    let text_dir = std::env::args().nth(1).unwrap_or_else(|| "examples/istanbul-talks".into());
    let html_dir = std::env::args().nth(2).unwrap_or_else(|| "/work/shared/data/dragnet/input".into());
    let reuters_dir = std::env::args().nth(3).unwrap_or_else(|| "/work/shared/data/reuters21578".into());
    let cleaner = Cleaner::builtin();
    let pages = load(&text_dir, false);
    let bytes: usize = pages.iter().map(|p| p.raw.len()).sum();
    let rounds: usize = std::env::var("BENCH_ROUNDS").ok().and_then(|s| s.parse().ok()).unwrap_or(400);
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
    let short = reuters(&reuters_dir, 2000);
    if short.is_empty() {
        println!("short texts: no Reuters files at {reuters_dir}");
    } else {
        let bytes: usize = short.iter().map(|p| p.raw.len()).sum();
        let t = Instant::now();
        let ok = short.iter().filter(|p| cleaner.clean((*p).clone()).is_ok()).count();
        let s = t.elapsed().as_secs_f64();
        println!("short texts: {} Reuters stories ({} B avg) as text in {s:.2}s = {:.0} docs/s/core ({ok} cleaned)", short.len(), bytes / short.len(), short.len() as f64 / s);
        let mut short = short;
        short.iter_mut().for_each(|i| i.format = InputFormat::Jsonl);
        let t = Instant::now();
        let ok = short.iter().filter(|p| cleaner.clean((*p).clone()).is_ok()).count();
        let s = t.elapsed().as_secs_f64();
        println!("short texts: the same as JSONL article text in {s:.2}s = {:.0} docs/s/core ({ok} cleaned)", short.len() as f64 / s);
    }
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
