//! Store and export throughput: writes documents in batches of 100 to a fresh
//! file, streams them back, and exports them, printing documents per second.
//!
//! Bodies come from `../shared/data/reuters21578/*.sgm` (the `<BODY>`
//! elements) when that directory exists, else from generated text.
//!
//! `cargo run --release -p chronicle-store --example store_bench [DIR]`

use std::path::PathBuf;
use std::time::Instant;

use chronicle_core::{DocId, Document, InputFormat, Metadata, Sentence, Span};
use chronicle_store::export::{write_jsonl, ExportOptions};
use chronicle_store::Store;

fn reuters_bodies(dir: &PathBuf) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut paths: Vec<PathBuf> =
        entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "sgm")).collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let Ok(bytes) = std::fs::read(&p) else { continue };
        let text = String::from_utf8_lossy(&bytes);
        for chunk in text.split("<BODY>").skip(1) {
            if let Some(end) = chunk.find("</BODY>") {
                out.push(chunk[..end].to_string());
            }
        }
    }
    out
}

fn document(body: String) -> Document {
    let mut doc = Document::new(
        DocId::from_text(&body),
        "bench".to_string(),
        InputFormat::Text,
        body.clone().into_bytes(),
        body.clone(),
        body,
        Metadata::default(),
    );
    let text = doc.body().to_string();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        if let Ok(span) = Span::new(&text, start, i + 1) {
            doc.sentences.push(Sentence { span });
        }
        start = i + 2;
    }
    doc
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/reuters21578"));
    let mut bodies = reuters_bodies(&dir);
    let corpus = if bodies.is_empty() {
        bodies = (0..5000).map(|i| format!("Generated article {i}. It has two sentences. And a third one.")).collect();
        "generated".to_string()
    } else {
        dir.display().to_string()
    };
    let docs: Vec<Document> = bodies.into_iter().map(document).collect();
    let bytes: usize = docs.iter().map(|d| d.raw.len()).sum();
    let tmp = std::env::temp_dir().join(format!("chronicle-store-bench-{}.db", std::process::id()));
    let mut store = Store::open(&tmp).expect("open");

    let t = Instant::now();
    let mut ingested = 0;
    for batch in docs.chunks(100) {
        ingested += store.write_batch(batch.to_vec()).expect("write").ingested.len();
    }
    let write_s = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let mut read = 0;
    store.for_each_document(|_| {
        read += 1;
        Ok(())
    })
    .expect("read");
    let read_s = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let mut sink = std::io::sink();
    let counts = write_jsonl(&store, &mut sink, &ExportOptions::default()).expect("export");
    let export_s = t.elapsed().as_secs_f64();
    let size = store.stats().map(|s| s.store_bytes).unwrap_or(0);
    drop(store);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", tmp.display()));
    }

    println!("corpus: {corpus} ({} documents, {:.1} MB raw, {ingested} distinct)", docs.len(), bytes as f64 / 1e6);
    println!("write (batches of 100): {:.0} docs/s", ingested as f64 / write_s);
    println!("read back:              {:.0} docs/s", read as f64 / read_s);
    println!("export jsonl:           {:.0} docs/s ({} records)", counts.documents as f64 / export_s, counts.total());
    println!("store size:             {:.1} MB", size as f64 / 1e6);
}
