//! Shared helpers for the ingest tests: fixtures written into temp dirs.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};

use chronicle_ingest::{read_paths, IngestOptions, Item};
use flate2::write::GzEncoder;
use flate2::Compression;

/// Writes `bytes` to `dir/name` and returns the path.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

/// A good article every test puts next to its bad input.
pub fn write_good(dir: &Path) -> PathBuf {
    write(dir, "good.txt", b"Talks ended on Friday.\nBoth delegations agreed to meet again.\n")
}

/// Reads `paths` with default options.
pub fn read(paths: &[PathBuf]) -> Vec<Item> {
    read_paths(paths, &IngestOptions::default()).collect()
}

/// One line per item: `NAME ok` or `NAME KIND`, with `dir/` stripped from sources.
pub fn summary(items: &[Item], dir: &Path) -> Vec<String> {
    let prefix = format!("{}/", dir.display());
    items
        .iter()
        .map(|item| match item {
            Item::Input(i) => format!("{} ok", i.source.strip_prefix(&prefix).unwrap_or(&i.source)),
            Item::Rejected(r) => format!("{} {}", r.source.strip_prefix(&prefix).unwrap_or(&r.source), r.reason.kind()),
        })
        .collect()
}

/// One WARC/1.0 record.
pub fn warc_record(kind: &str, uri: &str, date: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\nWARC-Record-ID: <urn:uuid:{kind}-{len}>\r\nContent-Type: {content_type}\r\nContent-Length: {len}\r\n\r\n",
        len = block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// A `response` record with an HTTP 200 `text/html` payload.
pub fn html_response(uri: &str, date: &str, html: &str) -> Vec<u8> {
    let block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}", html.len());
    warc_record("response", uri, date, "application/http; msgtype=response", block.as_bytes())
}

/// A `request` record.
pub fn request(uri: &str, date: &str) -> Vec<u8> {
    let block = format!("GET / HTTP/1.1\r\nHost: {}\r\n\r\n", uri.trim_start_matches("https://"));
    warc_record("request", uri, date, "application/http; msgtype=request", block.as_bytes())
}

/// Gzips `bytes` as one member.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).expect("gzip in memory");
    enc.finish().expect("gzip in memory")
}
