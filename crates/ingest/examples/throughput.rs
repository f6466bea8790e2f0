//! Measures read throughput: `cargo run --release -p chronicle-ingest --example throughput -- [PATH...]`.
//!
//! With no paths, writes a synthetic corpus (plain-text files, a JSONL file
//! and a gzipped WARC) to a temp dir and reads that.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use chronicle_ingest::{read_paths, IngestOptions, Item};

fn paragraph(i: usize) -> String {
    format!(
        "Officials from both delegations met for the {i}th round of talks on Tuesday, a spokesperson said. \
         The meeting lasted {} hours and ended without a joint statement, according to two people familiar \
         with the discussions. Further meetings are expected next week.\n",
        i % 9 + 1
    )
}

fn synthetic() -> std::io::Result<(tempfile::TempDir, Vec<PathBuf>)> {
    let dir = tempfile::tempdir()?;
    let body = |i: usize| (0..12).map(|k| paragraph(i + k)).collect::<String>();
    let texts = dir.path().join("texts");
    std::fs::create_dir(&texts)?;
    for i in 0..2000 {
        std::fs::write(texts.join(format!("{i:05}.txt")), body(i))?;
    }
    let mut jsonl = std::io::BufWriter::new(std::fs::File::create(dir.path().join("feed.jsonl"))?);
    for i in 0..20_000 {
        let rec = serde_json::json!({"url": format!("https://news.example/{i}"), "published": "2025-05-16", "text": body(i)});
        writeln!(jsonl, "{rec}")?;
    }
    jsonl.flush()?;
    let mut warc = flate2::write::GzEncoder::new(std::fs::File::create(dir.path().join("crawl.warc.gz"))?, flate2::Compression::fast());
    for i in 0..5000 {
        let html = format!("<html><body><p>{}</p></body></html>", body(i));
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
        write!(
            warc,
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/{i}\r\nWARC-Date: 2025-05-16T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            http.len()
        )?;
    }
    warc.finish()?;
    let paths = vec![texts, dir.path().join("feed.jsonl"), dir.path().join("crawl.warc.gz")];
    Ok((dir, paths))
}

fn main() -> std::io::Result<()> {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let (_keep, paths) = if args.is_empty() {
        let (dir, paths) = synthetic()?;
        (Some(dir), paths)
    } else {
        (None, args)
    };
    let start = Instant::now();
    let mut inputs = 0usize;
    let mut bytes = 0usize;
    let mut rejected: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut encodings: BTreeMap<String, usize> = BTreeMap::new();
    for item in read_paths(&paths, &IngestOptions::default()) {
        match item {
            Item::Input(i) => {
                inputs += 1;
                bytes += i.raw.len();
                *encodings.entry(i.encoding).or_default() += 1;
            }
            Item::Rejected(r) => *rejected.entry(r.reason.kind()).or_default() += 1,
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "read {inputs} inputs ({:.1} MiB) in {secs:.2} s: {:.0} docs/s, {:.1} MiB/s; rejected {rejected:?}",
        bytes as f64 / 1048576.0,
        inputs as f64 / secs,
        bytes as f64 / 1048576.0 / secs
    );
    println!("encodings: {encodings:?}");
    Ok(())
}
