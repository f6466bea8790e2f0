//! JSONL / NDJSON: one article per line.

use std::io::BufRead;

use chronicle_core::{InputFormat, Metadata, RawInput};
use serde_json::{Map, Value};

use crate::decode::decode;
use crate::line::read_bounded_line;
use crate::meta::{apply_fields, json_kind};
use crate::{IngestOptions, Item, RejectReason, Rejection};

/// Streams the records of a JSONL file, one [`Item`] per non-blank line.
///
/// Lines are read with a bounded buffer: a line longer than
/// [`IngestOptions::max_record_bytes`] is skipped without being held in
/// memory and reported as [`RejectReason::TooLarge`]. A read error ends the
/// stream with one rejection.
pub struct JsonlReader<R> {
    path: String,
    reader: R,
    line_no: u64,
    limit: u64,
    done: bool,
}

impl<R: BufRead> JsonlReader<R> {
    /// A reader over `reader`; `path` names the file in each record's source (`path#L12`).
    pub fn new(path: impl Into<String>, reader: R, opts: &IngestOptions) -> JsonlReader<R> {
        JsonlReader { path: path.into(), reader, line_no: 0, limit: opts.max_record_bytes, done: false }
    }

    fn record(&self, line: &[u8]) -> Result<RawInput, RejectReason> {
        let n = self.line_no;
        let line = if n == 1 { line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line) } else { line };
        // JSON is UTF-8; a line in another encoding is decoded first.
        let (value, encoding) = match std::str::from_utf8(line) {
            Ok(s) => (serde_json::from_str::<Value>(s), "utf-8".to_string()),
            Err(_) => {
                let decoded = decode(line, None).map_err(|reason| match reason {
                    RejectReason::BadEncoding(m) => RejectReason::BadEncoding(format!("JSONL line {n}: {m}")),
                    other => other,
                })?;
                (serde_json::from_str::<Value>(&decoded.text), decoded.encoding)
            }
        };
        let value = value.map_err(|e| RejectReason::Malformed(format!("JSONL line {n}: invalid JSON: {e}")))?;
        let Value::Object(obj) = value else {
            return Err(RejectReason::Malformed(format!("JSONL line {n}: expected a JSON object, found {}", json_kind(&value))));
        };
        let (text, is_html) = article_text(&obj, n)?;
        let mut hints = Metadata { encoding: Some(encoding.clone()), ..Metadata::default() };
        // Metadata fields of the wrong type are left out; the article is still read.
        let _ = apply_fields(&mut hints, &obj);
        Ok(RawInput {
            source: format!("{}#L{n}", self.path),
            format: InputFormat::Jsonl,
            raw: line.to_vec(),
            text,
            is_html,
            encoding,
            hints,
        })
    }
}

/// The article body: `text` when it has non-blank content, else `html`.
fn article_text(obj: &Map<String, Value>, n: u64) -> Result<(String, bool), RejectReason> {
    let mut saw_blank = false;
    for (field, is_html) in [("text", false), ("html", true)] {
        let (field, value) = match crate::meta::field_value(obj, field) {
            Some((name, value)) => (name, Some(value)),
            None => (field, None),
        };
        match value {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) => {
                let text = crate::decode::without_nul(s.clone());
                if text.trim().is_empty() {
                    saw_blank = true;
                } else {
                    return Ok((text, is_html));
                }
            }
            Some(other) => {
                return Err(RejectReason::Malformed(format!(
                    "JSONL line {n}: field `{field}` should be a string, found {}",
                    json_kind(other)
                )))
            }
        }
    }
    Err(if saw_blank { RejectReason::Empty } else { RejectReason::NoText })
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.done {
            let line = match read_bounded_line(&mut self.reader, self.limit) {
                Ok(Some(line)) => line,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    let reason = if e.kind() == std::io::ErrorKind::UnexpectedEof {
                        RejectReason::Truncated(format!("stream ends inside line {}: {e}", self.line_no + 1))
                    } else {
                        RejectReason::Unreadable(format!("read error after line {}: {e}", self.line_no))
                    };
                    return Some(Item::Rejected(Rejection::new(self.path.clone(), reason)));
                }
            };
            self.line_no += 1;
            let source = || format!("{}#L{}", self.path, self.line_no);
            if line.overflow {
                return Some(Item::Rejected(Rejection::new(
                    source(),
                    RejectReason::TooLarge { bytes: line.len, limit: self.limit },
                )));
            }
            if line.bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(match self.record(&line.bytes) {
                Ok(input) => Item::Input(input),
                Err(reason) => Item::Rejected(Rejection::new(source(), reason)),
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(data: &str) -> Vec<Item> {
        JsonlReader::new("a.jsonl", data.as_bytes(), &IngestOptions::default()).collect()
    }

    #[test]
    fn a_crawler_body_field_is_the_text() {
        // news-please writes `maintext`, schema.org `articleBody`; `content` of the wrong type is reported
        let items = read(concat!(
            "{\"maintext\":\"The port reopened on Monday.\",\"date_publish\":\"2019-05-06\"}\n",
            "{\"content\":{\"x\":1}}\n",
        ));
        let Some(Item::Input(r)) = items.first() else { panic!("{items:?}") };
        assert_eq!((r.text.as_str(), r.hints.published_hint.as_deref()), ("The port reopened on Monday.", Some("2019-05-06")));
        assert!(matches!(items.get(1), Some(Item::Rejected(r)) if matches!(&r.reason, RejectReason::Malformed(m) if m.contains("`content`"))), "{items:?}");
    }

    #[test]
    fn nul_characters_never_reach_the_record() {
        // Regression (#17 item 9): JSON `\u0000` in the text and metadata was stored.
        let items = read(concat!(
            "{\"title\":\"Harbour\\u0000 reopens\",\"outlet\":\"Ex\\u0000ample\",\"text\":\"The qu\\u0000ay reopened.\"}\n",
            "{\"text\":\"\\u0000\\u0000 \"}\n",
        ));
        let Some(Item::Input(r)) = items.first() else { panic!("{items:?}") };
        assert_eq!(r.text, "The quay reopened.");
        assert_eq!((r.hints.title.as_deref(), r.hints.outlet.as_deref()), (Some("Harbour reopens"), Some("Example")));
        assert!(matches!(items.get(1), Some(Item::Rejected(r)) if r.reason == RejectReason::Empty), "{items:?}");
    }

    #[test]
    fn reads_records_and_rejects_bad_lines() {
        let items = read(concat!(
            "{\"url\":\"https://x.org/1\",\"title\":\"T\",\"text\":\"Body one.\",\"crawled\":\"2025-05-17T08:00:00Z\"}\n",
            "\n",
            "{not json\n",
            "[1,2]\n",
            "{\"title\":\"no body\"}\n",
            "{\"html\":\"<p>Body two</p>\",\"text\":\"  \"}\r\n",
            "{\"text\":\"   \"}\n",
            "{\"text\":42}",
        ));
        let summary: Vec<String> = items
            .iter()
            .map(|i| match i {
                Item::Input(r) => format!("{} ok html={}", r.source, r.is_html),
                Item::Rejected(r) => format!("{} {}", r.source, r.reason.kind()),
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                "a.jsonl#L1 ok html=false",
                "a.jsonl#L3 malformed",
                "a.jsonl#L4 malformed",
                "a.jsonl#L5 no-text",
                "a.jsonl#L6 ok html=true",
                "a.jsonl#L7 empty",
                "a.jsonl#L8 malformed",
            ]
        );
        let Item::Input(first) = &items[0] else { panic!("first is an input") };
        assert_eq!(first.hints.url.as_deref(), Some("https://x.org/1"));
        assert_eq!(first.hints.title.as_deref(), Some("T"));
        assert!(first.hints.crawled.is_some());
        assert_eq!(first.raw.first(), Some(&b'{'));
        assert_eq!(first.raw.last(), Some(&b'}'));
        let Item::Rejected(r) = &items[2] else { panic!("line 4 is rejected") };
        assert_eq!(r.reason.to_string(), "malformed: JSONL line 4: expected a JSON object, found an array");
    }

    #[test]
    fn long_lines_are_too_large() {
        let opts = IngestOptions { max_record_bytes: 32, ..IngestOptions::default() };
        let data = format!("{{\"text\":\"{}\"}}\n{{\"text\":\"ok\"}}\n", "x".repeat(100));
        let items: Vec<Item> = JsonlReader::new("b.jsonl", data.as_bytes(), &opts).collect();
        assert_eq!(items.len(), 2);
        assert!(matches!(&items[0], Item::Rejected(r) if r.reason == RejectReason::TooLarge { bytes: 111, limit: 32 }));
        assert!(matches!(&items[1], Item::Input(r) if r.text == "ok" && r.source == "b.jsonl#L2"));
    }
}
