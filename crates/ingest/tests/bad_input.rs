//! One test per bad-input case: the reason kind is reported and a good file
//! in the same run is still read.

mod common;

use std::io::Write;
use std::path::PathBuf;

use chronicle_ingest::{read_paths, IngestOptions, Item, RejectReason};
use common::*;

fn assert_good_read(items: &[Item]) {
    assert!(
        items.iter().any(|i| matches!(i, Item::Input(r) if r.source.ends_with("good.txt"))),
        "the good file was not read: {items:?}"
    );
}

fn rejection(items: &[Item], name: &str) -> RejectReason {
    items
        .iter()
        .find_map(|i| match i {
            Item::Rejected(r) if r.source.contains(name) => Some(r.reason.clone()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no rejection for {name}: {items:?}"))
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    write_good(dir.path());
    write(dir.path(), "empty.txt", b"");
    write(dir.path(), "blank.txt", b"  \n\t\r\n");
    write(dir.path(), "empty.jsonl", b"");
    write(dir.path(), "empty.warc.gz", b"");
    let items = read(&[dir.path().to_path_buf()]);
    assert_eq!(
        summary(&items, dir.path()),
        vec!["blank.txt empty", "empty.jsonl empty", "empty.txt empty", "empty.warc.gz empty", "good.txt ok"]
    );
    assert_good_read(&items);
}

#[test]
fn binary_file() {
    let dir = tempfile::tempdir().unwrap();
    write_good(dir.path());
    write(dir.path(), "nul.txt", b"some text\x00\x00\x01\x02 more");
    write(dir.path(), "pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n");
    write(dir.path(), "png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    let items = read(&[dir.path().to_path_buf()]);
    assert_eq!(summary(&items, dir.path()), vec!["good.txt ok", "nul.txt binary", "pdf.txt binary", "png binary"]);
    assert_eq!(rejection(&items, "nul.txt").to_string(), "binary content (NUL bytes or a binary file signature in the first 8 KiB)");
}

#[test]
fn invalid_encoding_and_latin1() {
    let dir = tempfile::tempdir().unwrap();
    write_good(dir.path());
    // Random bytes without NULs: no text encoding turns them into plausible text.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let garbage: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % 255) as u8 + 1
        })
        .collect();
    write(dir.path(), "garbage.txt", &garbage);
    // ISO-8859-1 French text decodes fine and says how.
    let latin1_bytes: &[u8] = b"Le pr\xe9sident a d\xe9clar\xe9 que les n\xe9gociations \xe0 Gen\xe8ve \xe9taient termin\xe9es.\n";
    write(dir.path(), "latin1.txt", latin1_bytes);
    let items = read(&[dir.path().to_path_buf()]);
    assert_eq!(summary(&items, dir.path()), vec!["garbage.txt bad-encoding", "good.txt ok", "latin1.txt ok"]);
    let latin1 = items
        .iter()
        .find_map(|i| match i {
            Item::Input(r) if r.source.ends_with("latin1.txt") => Some(r),
            _ => None,
        })
        .unwrap();
    assert!(latin1.text.contains("négociations à Genève"), "{}", latin1.text);
    assert!(latin1.encoding.ends_with("(detected)"), "{}", latin1.encoding);
    assert!(latin1.encoding.starts_with("windows-1252") || latin1.encoding.starts_with("iso-8859"), "{}", latin1.encoding);
    assert_eq!(latin1.hints.encoding.as_deref(), Some(latin1.encoding.as_str()));
    assert_eq!(latin1.raw, latin1_bytes, "raw keeps the original bytes");
}

#[test]
fn file_of_200_mb_is_rejected_by_size() {
    let dir = tempfile::tempdir().unwrap();
    write_good(dir.path());
    let big = dir.path().join("big.txt");
    // Sparse: costs no disk, and is never read.
    std::fs::File::create(&big).unwrap().set_len(200 * 1024 * 1024).unwrap();
    let items = read(&[dir.path().to_path_buf()]);
    assert_eq!(summary(&items, dir.path()), vec!["big.txt too-large", "good.txt ok"]);
    let reason = rejection(&items, "big.txt");
    assert_eq!(reason, RejectReason::TooLarge { bytes: 200 * 1024 * 1024, limit: 50 * 1024 * 1024 });
    assert_eq!(reason.to_string(), "too large: 200.0 MiB (limit 50.0 MiB)");
}

#[test]
fn truncated_warc_gz() {
    let dir = tempfile::tempdir().unwrap();
    write_good(dir.path());
    let records = [
        html_response("https://news.example/a", "2025-05-16T10:00:00Z", "<html><body><p>First story.</p></body></html>"),
        html_response("https://news.example/b", "2025-05-16T10:01:00Z", "<html><body><p>Second story.</p></body></html>"),
        html_response("https://news.example/c", "2025-05-16T10:02:00Z", &"<p>Third story, long enough to be cut. </p>".repeat(50)),
    ];
    // One gzip member per record, as crawlers write them; cut inside the third.
    let members: Vec<Vec<u8>> = records.iter().map(|r| gzip(r)).collect();
    let mut bytes: Vec<u8> = members[..2].concat();
    bytes.extend_from_slice(&members[2][..members[2].len() / 2]);
    write(dir.path(), "cut.warc.gz", &bytes);
    // A single-member archive cut in the middle of its second record.
    // Sync-flush after the first record so the cut is known to fall after it.
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(&records[0]).unwrap();
    enc.flush().unwrap();
    let flushed = enc.get_ref().len();
    enc.write_all(&records[1]).unwrap();
    let one = enc.finish().unwrap();
    write(dir.path(), "cut1.warc.gz", &one[..(flushed + one.len()) / 2]);
    let items = read(&[dir.path().to_path_buf()]);
    let s = summary(&items, dir.path());
    let second = records[0].len();
    let third = second + records[1].len();
    assert_eq!(s[..3], ["cut.warc.gz@0 ok".to_string(), format!("cut.warc.gz@{second} ok"), format!("cut.warc.gz@{third} truncated")]);
    let Some(Item::Rejected(r)) = items.get(2) else { panic!("{s:?}") };
    assert!(r.reason.to_string().starts_with("truncated: gzip stream truncated after record 2"), "{}", r.reason);
    let Some(Item::Input(first)) = items.first() else { panic!("{s:?}") };
    assert_eq!(first.hints.url.as_deref(), Some("https://news.example/a"));
    // The single-member archive keeps its first record and reports the cut.
    assert_eq!(s[3..], ["cut1.warc.gz@0 ok".to_string(), format!("cut1.warc.gz@{second} truncated"), "good.txt ok".to_string()][..]);
    assert_good_read(&items);
}

#[test]
fn malformed_jsonl_lines() {
    let dir = tempfile::tempdir().unwrap();
    write_good(dir.path());
    write(
        dir.path(),
        "feed.jsonl",
        concat!(
            "{\"url\":\"https://news.example/1\",\"outlet\":\"Example News\",\"text\":\"A good record.\"}\n",
            "{\"url\": \"https://news.example/2\", \"text\": \"unterminated\n",
            "{\"url\":\"https://news.example/3\",\"title\":\"no body\"}\n",
            "\"just a string\"\n",
            "{\"html\":\"<p>Another good record.</p>\"}\n",
        )
        .as_bytes(),
    );
    let items = read(&[dir.path().to_path_buf()]);
    assert_eq!(
        summary(&items, dir.path()),
        vec![
            "feed.jsonl#L1 ok",
            "feed.jsonl#L2 malformed",
            "feed.jsonl#L3 no-text",
            "feed.jsonl#L4 malformed",
            "feed.jsonl#L5 ok",
            "good.txt ok",
        ]
    );
    assert!(rejection(&items, "#L2").to_string().starts_with("malformed: JSONL line 2: invalid JSON"));
    assert_eq!(rejection(&items, "#L4").to_string(), "malformed: JSONL line 4: expected a JSON object, found a string");
    let Some(Item::Input(first)) = items.first() else { panic!("line 1 is an input") };
    assert_eq!(first.hints.outlet.as_deref(), Some("Example News"));
    assert!(!first.is_html);
    assert!(matches!(&items[4], Item::Input(r) if r.is_html));
}

#[test]
fn jsonl_line_over_record_limit_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    write_good(dir.path());
    let long = format!("{{\"text\":\"{}\"}}\n{{\"text\":\"short\"}}\n", "word ".repeat(1000));
    write(dir.path(), "long.ndjson", long.as_bytes());
    let opts = IngestOptions { max_record_bytes: 1024, ..IngestOptions::default() };
    let items: Vec<Item> = read_paths(&[dir.path().to_path_buf()], &opts).collect();
    assert_eq!(summary(&items, dir.path()), vec!["good.txt ok", "long.ndjson#L1 too-large", "long.ndjson#L2 ok"]);
}

#[test]
fn huge_jsonl_line_streams_without_buffering() {
    let dir = tempfile::tempdir().unwrap();
    write_good(dir.path());
    // A sparse 256 MiB file of NUL bytes with no newline, then nothing: one
    // giant line, read through the bounded buffer and rejected by size.
    let big = dir.path().join("huge.jsonl");
    std::fs::File::create(&big).unwrap().set_len(256 * 1024 * 1024).unwrap();
    let items = read(&[dir.path().to_path_buf()]);
    assert_eq!(summary(&items, dir.path()), vec!["good.txt ok", "huge.jsonl#L1 too-large"]);
    assert_eq!(rejection(&items, "huge.jsonl"), RejectReason::TooLarge { bytes: 256 * 1024 * 1024, limit: 20 * 1024 * 1024 });
}

#[test]
fn unreadable_path() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    let missing = dir.path().join("missing.txt");
    let items = read(&[missing.clone(), good]);
    assert_eq!(summary(&items, dir.path()), vec!["missing.txt unreadable", "good.txt ok"]);
    let reason = rejection(&items, "missing.txt");
    assert!(reason.to_string().starts_with("unreadable: No such file"), "{reason}");

    // Permission denied, where the test does not run as root.
    let locked = write(dir.path(), "locked.txt", b"secret");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(&locked).is_err() {
            let items = read(std::slice::from_ref(&locked));
            assert_eq!(summary(&items, dir.path()), vec!["locked.txt unreadable"]);
        }
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn symlink_loop_does_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    write_good(dir.path());
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("nowhere"), dir.path().join("dangling.txt")).unwrap();
    let items = read(&[dir.path().to_path_buf()]);
    assert_eq!(summary(&items, dir.path()), vec!["dangling.txt unreadable", "good.txt ok", "sub/loop unreadable"]);
}

#[test]
fn unknown_extension() {
    let dir = tempfile::tempdir().unwrap();
    write_good(dir.path());
    write(dir.path(), "photo.png", b"\x89PNG\r\n\x1a\n");
    write(dir.path(), "report.docx", b"PK\x03\x04");
    write(dir.path(), "table.csv", b"a,b\n1,2\n");
    let items = read(&[dir.path().to_path_buf()]);
    assert_eq!(
        summary(&items, dir.path()),
        vec!["good.txt ok", "photo.png unknown-extension", "report.docx unknown-extension", "table.csv unknown-extension"]
    );
    assert_eq!(rejection(&items, "photo.png"), RejectReason::UnknownExtension("png".into()));
}

#[test]
fn explicit_paths_keep_their_order() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    let empty = write(dir.path(), "a.txt", b"");
    let items = read(&[good, PathBuf::from(&empty)]);
    assert_eq!(summary(&items, dir.path()), vec!["good.txt ok", "a.txt empty"]);
}

#[cfg(unix)]
#[test]
fn fifos_sockets_and_devices_are_refused_before_opening() {
    // Regression (#17): a FIFO named `.txt` blocked the run forever (open waits for
    // a writer), and with it every good file of its batch.
    let dir = tempfile::tempdir().unwrap();
    write_good(dir.path());
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    let _socket = std::os::unix::net::UnixListener::bind(dir.path().join("socket.jsonl")).unwrap();
    let mut paths = vec![dir.path().to_path_buf()];
    let zero = std::path::Path::new("/dev/zero");
    if zero.exists() {
        paths.push(zero.to_path_buf());
    }
    let items = read(&paths);
    let mut expected = vec!["good.txt ok"];
    if made {
        expected.push("pipe.txt not-regular");
    }
    expected.push("socket.jsonl not-regular");
    let got = summary(&items, dir.path());
    assert_eq!(got.get(..expected.len()), Some(&expected.iter().map(|s| s.to_string()).collect::<Vec<_>>()[..]), "{got:?}");
    if made {
        assert_eq!(rejection(&items, "pipe.txt").to_string(), "not a regular file: a FIFO (named pipe); chronicle reads regular files only");
    }
    assert_eq!(rejection(&items, "socket.jsonl").to_string(), "not a regular file: a socket; chronicle reads regular files only");
    if zero.exists() {
        assert_eq!(rejection(&items, "/dev/zero").kind(), "not-regular");
    }
}

#[cfg(unix)]
#[test]
fn a_file_symlink_loop_is_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    write_good(dir.path());
    std::os::unix::fs::symlink(dir.path().join("b.txt"), dir.path().join("a.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("a.txt"), dir.path().join("b.txt")).unwrap();
    // named on the command line and met in the directory
    let items = read(&[dir.path().join("a.txt"), dir.path().to_path_buf()]);
    let got = summary(&items, dir.path());
    assert_eq!(got, vec!["a.txt unreadable", "a.txt unreadable", "b.txt unreadable", "good.txt ok"], "{got:?}");
}
