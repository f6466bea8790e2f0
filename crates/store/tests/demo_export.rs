//! The demo articles through the store and the export: stored once, reported
//! as duplicates the second time, exported as valid records whose body is the
//! stored text.

use std::path::PathBuf;

use chronicle_core::{DocId, Document, InputFormat, Metadata};
use chronicle_store::export::{validate_record, write_jsonl, ExportOptions};
use chronicle_store::Store;

fn demo_documents() -> Vec<Document> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/istanbul-talks");
    let Ok(entries) = std::fs::read_dir(&dir) else { return Vec::new() };
    let mut paths: Vec<PathBuf> =
        entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let raw = std::fs::read(&p).unwrap();
            let text = String::from_utf8_lossy(&raw).into_owned();
            Document::new(
                DocId::from_text(&text),
                p.display().to_string(),
                InputFormat::Text,
                raw,
                text.clone(),
                text,
                Metadata::default(),
            )
        })
        .collect()
}

#[test]
fn demo_articles_store_once_and_export_valid_records() {
    let docs = demo_documents();
    if docs.is_empty() {
        eprintln!("skipped: examples/istanbul-talks not found");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chronicle.db");
    let mut store = Store::open(&path).unwrap();
    let first = store.write_batch(docs.clone()).unwrap();
    assert_eq!(first.ingested.len(), docs.len());
    drop(store);

    let mut store = Store::open(&path).unwrap();
    let second = store.write_batch(docs.clone()).unwrap();
    assert!(second.ingested.is_empty());
    assert_eq!(second.duplicates.len(), docs.len());
    assert_eq!(store.count_documents().unwrap(), docs.len() as u64);

    for d in &docs {
        assert_eq!(store.document(d.id.as_str()).unwrap().as_ref(), Some(d));
    }

    let mut out = Vec::new();
    let counts = write_jsonl(&store, &mut out, &ExportOptions::default()).unwrap();
    assert_eq!(counts.documents, docs.len() as u64);
    let text = String::from_utf8(out).unwrap();
    let mut bodies = Vec::new();
    for line in text.lines() {
        validate_record(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        if v["kind"] == "document" {
            bodies.push(v["body"].as_str().unwrap().to_string());
        }
    }
    let mut expected: Vec<String> = docs.iter().map(|d| d.body().to_string()).collect();
    expected.sort();
    bodies.sort();
    assert_eq!(bodies, expected);
}
