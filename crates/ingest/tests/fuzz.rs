//! Robustness: random and mutated bytes through the JSONL and WARC readers
//! and the decoder must never panic or hang (deterministic xorshift, a few
//! thousand cases each).

mod common;

use chronicle_ingest::{decode, IngestOptions, Item, JsonlReader, WarcReader};
use common::*;
use flate2::read::MultiGzDecoder;
use std::io::BufReader;

use chronicle_core::rng::XorShift64 as Rng;

/// Flips, inserts, deletes, duplicates or truncates a few spots in `seed`.
fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut out = seed.to_vec();
    for _ in 0..=rng.below(6) {
        let at = rng.below(out.len() + 1);
        match rng.below(6) {
            0 if at < out.len() => out[at] ^= 1 << rng.below(8),
            1 => {
                let n = rng.below(8) + 1;
                let junk = rng.bytes(n);
                out.splice(at..at, junk);
            }
            2 if at < out.len() => {
                let end = (at + rng.below(16) + 1).min(out.len());
                out.drain(at..end);
            }
            3 => out.truncate(at),
            4 => {
                // Interesting tokens for the parsers.
                let tokens: [&[u8]; 8] = [b"\n", b"\r\n\r\n", b"{", b"\"", b"Content-Length: 99999999\r\n", b"WARC/1.0\r\n", b"\x00", b"\xff\xfe"];
                let t = tokens[rng.below(tokens.len())];
                out.splice(at..at, t.iter().copied());
            }
            _ if at < out.len() => out[at] = rng.next() as u8,
            _ => {}
        }
    }
    out
}

fn small_opts() -> IngestOptions {
    IngestOptions { max_file_bytes: 1 << 20, max_record_bytes: 4096 }
}

fn drain<I: Iterator<Item = Item>>(it: I) -> usize {
    // Every reader ends: bound the items by the input size to catch loops.
    it.take(100_000).count()
}

fn jsonl_seed() -> Vec<u8> {
    concat!(
        "{\"url\":\"https://news.example/1\",\"title\":\"T\",\"outlet\":\"O\",\"published\":\"2025-05-16\",\"crawled\":\"2025-05-17T08:00:00Z\",\"text\":\"Body.\"}\n",
        "{\"html\":\"<p>x</p>\"}\n[1]\n\n{\"text\":\"caf\u{e9} \\u00e9\"}\r\n",
    )
    .as_bytes()
    .to_vec()
}

fn warc_seed() -> Vec<u8> {
    [
        request("https://news.example/a", "2025-05-16T10:00:00Z"),
        html_response("https://news.example/a", "2025-05-16T10:00:01Z", "<html><body><p>First story.</p></body></html>"),
        html_response("https://news.example/b", "2025-05-16T10:05:00Z", "<html><meta charset=latin1><p>Second.</p></html>"),
    ]
    .concat()
}

#[test]
fn jsonl_reader_survives_mutations() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let seed = jsonl_seed();
    for case in 0..3000 {
        let n = rng.below(600);
        let input = if case % 5 == 0 { rng.bytes(n) } else { mutate(&mut rng, &seed) };
        let n = drain(JsonlReader::new("fuzz.jsonl", BufReader::with_capacity(16, &input[..]), &small_opts()));
        assert!(n <= input.len() + 1, "more items than bytes in case {case}");
    }
}

#[test]
fn warc_reader_survives_mutations() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let seed = warc_seed();
    for case in 0..3000 {
        let n = rng.below(800);
        let input = if case % 5 == 0 { rng.bytes(n) } else { mutate(&mut rng, &seed) };
        let n = drain(WarcReader::new("fuzz.warc", BufReader::with_capacity(64, &input[..]), false, &small_opts()));
        assert!(n <= input.len() + 1, "more items than bytes in case {case}");
    }
}

#[test]
fn gzipped_warc_reader_survives_mutations() {
    let mut rng = Rng(0xdead_beef_cafe_f00d);
    let seed = gzip(&warc_seed());
    for case in 0..1000 {
        let input = mutate(&mut rng, &seed);
        let reader = BufReader::new(MultiGzDecoder::new(&input[..]));
        drain(WarcReader::new("fuzz.warc.gz", reader, true, &small_opts()));
        let _ = case;
    }
}

#[test]
fn decoder_survives_random_bytes() {
    let mut rng = Rng(0x0123_4567_89ab_cdef);
    for _ in 0..2000 {
        let n = rng.below(300);
        let bytes = rng.bytes(n);
        let label = ["utf-8", "latin1", "shift_jis", "utf-16", "bogus", ""][rng.below(6)];
        let _ = decode::decode(&bytes, Some(label));
        let _ = decode::html_charset(&bytes);
        let _ = decode::looks_like_html(&bytes);
    }
}
