//! Dumps everything the cleaner outputs for a folder (one batch per folder, and each page
//! alone), for before/after comparisons of refactors:
//! `cargo run --release -p chronicle-clean --example golden -- DIR [MAX_PAGES] > out.txt`.
use chronicle_clean::Cleaner;
use chronicle_core::{InputFormat, Metadata, RawInput};

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
    let dir = std::env::args().nth(1).unwrap_or_else(|| "examples/istanbul-talks".into());
    let max: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(usize::MAX);
    let mut paths: Vec<_> = std::fs::read_dir(&dir).into_iter().flatten().flatten().map(|e| e.path()).collect();
    paths.sort();
    let sgml = paths.iter().any(|p| p.extension().is_some_and(|e| e == "sgm"));
    let mut inputs: Vec<RawInput> = paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "html" || e == "htm"))
        .take(max)
        .filter_map(|p| {
            let raw = std::fs::read(p).ok()?;
            let is_html = p.extension().is_some_and(|e| e == "html" || e == "htm");
            let (text, encoding) = if is_html { chronicle_clean::eval::decode_html(&raw) } else { (String::from_utf8_lossy(&raw).to_string(), "utf-8".into()) };
            Some(RawInput { source: p.display().to_string(), format: if is_html { InputFormat::Html } else { InputFormat::Text }, raw, text, is_html, encoding, hints: Metadata::default() })
        })
        .collect();
    if sgml {
        // Short wire stories: as plain text (hard-wrapped lines) and as declared article
        // text (a JSONL field).
        inputs = reuters(&dir, max);
        let mut jsonl = inputs.clone();
        jsonl.iter_mut().for_each(|i| i.format = InputFormat::Jsonl);
        inputs.extend(jsonl);
    }
    let cleaner = Cleaner::builtin();
    let mut runs = vec![("batch", cleaner.clean_batch(inputs.clone()))];
    runs.push(("single", inputs.into_iter().map(|i| cleaner.clean(i)).collect()));
    for (mode, out) in runs {
        for r in out {
            match r {
                Err(e) => println!("[{mode}] ERROR {e}"),
                Ok(docs) => {
                    for d in docs {
                        println!("[{mode}] === {} {}", d.id, d.source);
                        println!("meta={:?}", d.meta);
                        println!("extracted_len={} body={:?}", d.extracted.len(), d.body());
                        for b in &d.blocks {
                            println!("  {:?} {:?} {:?} | {}", b.span, b.label, b.span.text(&d.extracted), b.reason);
                        }
                    }
                }
            }
        }
    }
}
