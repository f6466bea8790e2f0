//! The readers on good input: the demo corpus, sidecars, HTML, WARC, JSONL.

mod common;

use std::path::{Path, PathBuf};

use chronicle_core::{InputFormat, RawInput};
use chronicle_ingest::{Item, RejectReason};
use common::*;

fn inputs(items: &[Item]) -> Vec<&RawInput> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Input(r) => Some(r),
            Item::Rejected(_) => None,
        })
        .collect()
}

#[test]
fn demo_dir_yields_five_inputs() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/istanbul-talks");
    let items = read(std::slice::from_ref(&demo));
    assert_eq!(items.len(), 5, "{:?}", summary(&items, &demo));
    let got = inputs(&items);
    assert_eq!(got.len(), 5);
    let mut sources: Vec<&str> = got.iter().map(|r| r.source.as_str()).collect();
    let sorted = {
        let mut s = sources.clone();
        s.sort();
        s
    };
    assert_eq!(sources, sorted, "directories are read in sorted order");
    sources.dedup();
    assert_eq!(sources.len(), 5);
    for r in got {
        assert_eq!(r.format, InputFormat::Text);
        assert!(!r.is_html);
        assert!(r.encoding.starts_with("utf-8"), "{}", r.encoding);
        assert_eq!(std::fs::read(&r.source).unwrap(), r.raw, "raw is the file's bytes");
        assert!(!r.text.trim().is_empty());
    }
}

#[test]
fn sidecar_metadata_is_applied() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "story.txt", b"Ministers met on Tuesday.\n");
    write(
        dir.path(),
        "story.meta.json",
        br#"{"url":"https://news.example/story","outlet":"Example News","title":"Ministers meet","published":"2025-05-16","crawled":"2025-05-17T06:30:00+02:00"}"#,
    );
    write(dir.path(), "other.txt", b"Another story without a sidecar.\n");
    write(dir.path(), "broken.html", b"<html><body><p>A page with a bad sidecar.</p></body></html>");
    write(dir.path(), "broken.meta.json", b"{\"url\": ");
    let items = read(&[dir.path().to_path_buf()]);
    assert_eq!(
        summary(&items, dir.path()),
        vec!["broken.html ok", "broken.meta.json malformed", "other.txt ok", "story.txt ok"],
        "sidecars are not inputs; a bad one is reported and its article still read"
    );
    let got = inputs(&items);
    let story = got.iter().find(|r| r.source.ends_with("story.txt")).unwrap();
    assert_eq!(story.hints.url.as_deref(), Some("https://news.example/story"));
    assert_eq!(story.hints.outlet.as_deref(), Some("Example News"));
    assert_eq!(story.hints.title.as_deref(), Some("Ministers meet"));
    assert_eq!(story.hints.published_hint.as_deref(), Some("2025-05-16"));
    assert_eq!(story.hints.crawled_hint.as_deref(), Some("2025-05-17T06:30:00+02:00"));
    assert_eq!(story.hints.crawled.map(|t| t.to_string()).as_deref(), Some("2025-05-17 04:30:00"));
    let other = got.iter().find(|r| r.source.ends_with("other.txt")).unwrap();
    assert_eq!(other.hints.url, None);
    let broken = got.iter().find(|r| r.source.ends_with("broken.html")).unwrap();
    assert!(broken.is_html);
    assert_eq!(broken.hints.url, None);
}

#[test]
fn warc_gz_with_two_responses_and_a_request() {
    let dir = tempfile::tempdir().unwrap();
    let records = [
        request("https://news.example/a", "2025-05-16T10:00:00Z"),
        html_response("https://news.example/a", "2025-05-16T10:00:01Z", "<html><body><p>First story.</p></body></html>"),
        warc_record("metadata", "https://news.example/a", "2025-05-16T10:00:01Z", "application/warc-fields", b"via: x\r\n"),
        html_response("https://news.example/b", "2025-05-16T10:05:00Z", "<html><body><p>Second story.</p></body></html>"),
    ];
    let bytes: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
    write(dir.path(), "crawl.warc.gz", &bytes);
    let items = read(&[dir.path().to_path_buf()]);
    let first = records[0].len();
    let second = first + records[1].len() + records[2].len();
    assert_eq!(summary(&items, dir.path()), vec![format!("crawl.warc.gz@{first} ok"), format!("crawl.warc.gz@{second} ok")]);
    let got = inputs(&items);
    assert_eq!(got[0].hints.url.as_deref(), Some("https://news.example/a"));
    assert_eq!(got[0].hints.crawled.map(|t| t.to_string()).as_deref(), Some("2025-05-16 10:00:01"));
    assert_eq!(got[0].hints.crawled_hint.as_deref(), Some("2025-05-16T10:00:01Z"));
    assert_eq!(got[1].hints.url.as_deref(), Some("https://news.example/b"));
    for r in &got {
        assert_eq!(r.format, InputFormat::Warc);
        assert!(r.is_html);
        assert!(r.text.starts_with("<html>"), "HTTP headers are stripped: {}", r.text);
        assert_eq!(r.raw, r.text.as_bytes());
        assert_eq!(r.encoding, "utf-8");
    }
}

#[test]
fn warc_skips_non_articles_and_undoes_http_encodings() {
    let dir = tempfile::tempdir().unwrap();
    let http = |status: &str, headers: &str, body: &[u8]| -> Vec<u8> {
        let mut b = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
        b.extend_from_slice(body);
        warc_record("response", "https://news.example/x", "2025-05-16T10:00:00Z", "application/http; msgtype=response", &b)
    };
    let latin1_body = b"<html><head><title>Caf\xe9</title></head><body>Le caf\xe9 \xe9tait ferm\xe9.</body></html>";
    let chunked = b"6\r\nPlain \r\n5\r\ntext.\r\n0\r\n\r\n";
    let records = [
        warc_record("warcinfo", "", "2025-05-16T10:00:00Z", "application/warc-fields", b"software: test\r\n"),
        http("404 Not Found", "Content-Type: text/html\r\n", b"<html>gone</html>"),
        http("200 OK", "Content-Type: image/png\r\n", b"\x89PNG\r\n\x1a\n"),
        http("301 Moved", "Location: /y\r\n", b""),
        http("200 OK", "Content-Type: text/html; charset=ISO-8859-1\r\n", latin1_body),
        http("200 OK", "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n", chunked),
        http("200 OK", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", &gzip(b"<html><body>Zipped story.</body></html>")),
        http("200 OK", "Content-Type: text/html\r\n", b"   \r\n"),
    ];
    write(dir.path(), "mixed.warc", &records.concat());
    let items = read(&[dir.path().to_path_buf()]);
    let kinds: Vec<String> = summary(&items, dir.path()).iter().map(|s| s.split(' ').nth(1).unwrap_or("").to_string()).collect();
    assert_eq!(kinds, vec!["ok", "ok", "ok", "empty"]);
    let got = inputs(&items);
    assert!(got[0].text.contains("Le café était fermé."), "{}", got[0].text);
    assert_eq!(got[0].encoding, "windows-1252 (declared as iso-8859-1)");
    assert_eq!(got[1].text, "Plain text.");
    assert!(!got[1].is_html);
    assert!(got[2].text.contains("Zipped story."));
}

#[test]
fn html_files_and_sniffing() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "page.htm", b"<!DOCTYPE html><html><head><meta charset=\"windows-1251\"></head><body>\xcf\xf0\xe8\xe2\xe5\xf2</body></html>");
    write(dir.path(), "noext", b"\n<!doctype html>\n<html><body>Sniffed.</body></html>");
    write(dir.path(), "dump.txt", b"<html><body>A .txt that is HTML.</body></html>");
    let items = read(&[dir.path().to_path_buf()]);
    assert_eq!(summary(&items, dir.path()), vec!["dump.txt ok", "noext ok", "page.htm ok"]);
    let got = inputs(&items);
    assert!(got.iter().all(|r| r.is_html && r.format == InputFormat::Html));
    assert!(got[2].text.contains("Привет"), "{}", got[2].text);
    assert_eq!(got[2].encoding, "windows-1251 (declared)");
}

#[test]
fn gzipped_jsonl_streams() {
    let dir = tempfile::tempdir().unwrap();
    let lines = "{\"text\":\"one\",\"published\":\"2025-05-16\"}\n{\"text\":\"two\"}\n";
    write(dir.path(), "feed.jsonl.gz", &gzip(lines.as_bytes()));
    let items = read(&[dir.path().join("feed.jsonl.gz")]);
    assert_eq!(summary(&items, dir.path()), vec!["feed.jsonl.gz#L1 ok", "feed.jsonl.gz#L2 ok"]);
    assert_eq!(inputs(&items)[0].hints.published_hint.as_deref(), Some("2025-05-16"));
}

#[test]
fn a_path_given_twice_is_read_twice_and_order_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", b"Alpha.");
    let items = read(&[a.clone(), PathBuf::from(&a)]);
    assert_eq!(summary(&items, dir.path()), vec!["a.txt ok", "a.txt ok"]);
    assert!(!items.iter().any(|i| matches!(i, Item::Rejected(r) if r.reason == RejectReason::Empty)));
}
