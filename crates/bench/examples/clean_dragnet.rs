//! Times the HTML cleaner on the dragnet pages (decode + clean, one thread,
//! best of R rounds) and writes each page's cleaned body to OUT/NAME.txt, for
//! `bench/side_by_side.py`.
//!
//! `cargo run --release -p chronicle-bench --example clean_dragnet -- DRAGNET_DIR OUT [ROUNDS]`

use std::path::PathBuf;
use std::time::Instant;

use chronicle_clean::eval::decode_html;
use chronicle_clean::Cleaner;
use chronicle_core::{InputFormat, Metadata, RawInput};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(out)) = (args.next().map(PathBuf::from), args.next().map(PathBuf::from)) else {
        eprintln!("usage: clean_dragnet DRAGNET_DIR OUT [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3);
    let input = dir.join("input");
    let Ok(entries) = std::fs::read_dir(&input) else {
        println!("skipped: {} not found", input.display());
        return;
    };
    let mut pages: Vec<(String, Vec<u8>)> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html" || e == "htm"))
        .filter_map(|p| {
            let stem = p.file_stem()?.to_string_lossy().to_string();
            dir.join("GoldStandard").join(format!("{stem}.txt")).is_file().then_some(())?;
            Some((stem, std::fs::read(&p).ok()?))
        })
        .collect();
    pages.sort();
    let cleaner = Cleaner::builtin();
    let mut best = f64::INFINITY;
    let mut bodies = Vec::new();
    for _ in 0..rounds.max(1) {
        let t = Instant::now();
        bodies = pages
            .iter()
            .map(|(name, html)| {
                let (text, encoding) = decode_html(html);
                let input = RawInput {
                    source: name.clone(),
                    format: InputFormat::Html,
                    raw: html.clone(),
                    text,
                    is_html: true,
                    encoding,
                    hints: Metadata::default(),
                };
                match cleaner.clean(input) {
                    Ok(docs) => docs.first().map(|d| d.body().to_string()).unwrap_or_default(),
                    Err(_) => String::new(),
                }
            })
            .collect();
        best = best.min(t.elapsed().as_secs_f64());
    }
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("{}: {e}", out.display());
        std::process::exit(1);
    }
    for ((name, _), body) in pages.iter().zip(&bodies) {
        if let Err(e) = std::fs::write(out.join(format!("{name}.txt")), body) {
            eprintln!("{name}: {e}");
        }
    }
    println!(
        "{{\"pages\": {}, \"seconds\": {best:.6}, \"pages_per_s\": {:.1}}}",
        pages.len(),
        pages.len() as f64 / best
    );
}
