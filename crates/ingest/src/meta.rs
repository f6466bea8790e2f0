//! Metadata hints: JSON fields (JSONL records, sidecar `NAME.meta.json`
//! files) and timestamp parsing.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime};
use chronicle_core::Metadata;
use serde_json::{Map, Value};

use crate::{RejectReason, Rejection};

/// Suffix of sidecar metadata files (`NAME.meta.json` next to `NAME.txt`).
pub const SIDECAR_SUFFIX: &str = ".meta.json";

/// Sidecars larger than this are not metadata.
const MAX_SIDECAR_BYTES: u64 = 1024 * 1024;

/// Parses a timestamp as RFC 3339, RFC 2822, ISO 8601 without offset
/// (`2025-05-16T14:03:00`, `2025-05-16 14:03`), a bare date (midnight) or
/// the 14-digit `YYYYMMDDhhmmss` of old WARC/ARC files. Offsets are
/// converted to UTC.
pub fn parse_timestamp(s: &str) -> Option<NaiveDateTime> {
    // Year 0, negative and five-digit years are no crawl time (#17 item 9).
    parse_any_timestamp(s).filter(|t| (1..=9999).contains(&t.year()))
}

fn parse_any_timestamp(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.naive_utc());
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        return Some(t.naive_utc());
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y%m%d%H%M%S"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(t);
        }
    }
    if let Some(stripped) = s.strip_suffix('Z') {
        if let Ok(t) = NaiveDateTime::parse_from_str(stripped, "%Y-%m-%dT%H:%M:%S%.f") {
            return Some(t);
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().and_then(|d| d.and_hms_opt(0, 0, 0))
}

/// Copies `url`, `title`, `outlet`, `published`, `crawled` from a JSON object
/// into `meta`; `crawled` is also parsed into `meta.crawled` when it is a
/// timestamp. Strings are taken trimmed (empty ones ignored), numbers are
/// accepted for the dates, nulls are ignored. Returns one message per field
/// of another type (the field is then left out).
pub fn apply_fields(meta: &mut Metadata, obj: &Map<String, Value>) -> Vec<String> {
    let mut problems = Vec::new();
    let mut field = |name: &str, numbers_ok: bool| -> Option<String> {
        let (alias, value) = field_value(obj, name)?;
        let name = alias;
        match value {
            Value::String(s) => Some(crate::decode::without_nul(s.trim().to_string())).filter(|s| !s.is_empty()),
            Value::Number(n) if numbers_ok => Some(n.to_string()),
            Value::Null => None,
            other => {
                problems.push(format!("field `{name}` should be a string, found {}", json_kind(other)));
                None
            }
        }
    };
    if let Some(v) = field("url", false) {
        meta.url = Some(v);
    }
    if let Some(v) = field("title", false) {
        meta.title = Some(v);
    }
    if let Some(v) = field("outlet", false) {
        meta.outlet = Some(v);
    }
    if let Some(v) = field("published", true) {
        meta.published_hint = Some(v);
    }
    if let Some(v) = field("crawled", true) {
        meta.crawled = parse_timestamp(&v);
        meta.crawled_hint = Some(v);
    }
    problems
}

/// The JSON names read as each input field (`data/ingest/fields.tsv`).
const FIELDS_TSV: &str = include_str!("../../../data/ingest/fields.tsv");

/// Field → its names, chronicle's own first.
static FIELD_NAMES: LazyLock<Vec<(&'static str, Vec<&'static str>)>> = LazyLock::new(|| {
    FIELDS_TSV
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .filter_map(|l| {
            let (field, names) = l.split_once('\t')?;
            Some((field.trim(), names.split(',').map(str::trim).filter(|n| !n.is_empty()).collect()))
        })
        .collect()
});

/// The first of `field`'s names (`fields.tsv`) that `obj` holds with a
/// string or number (else with any non-null value, for the caller to
/// report), and that value; the field's own name alone when the file does
/// not list it.
pub fn field_value<'o>(obj: &'o Map<String, Value>, field: &str) -> Option<(&'o str, &'o Value)> {
    let names = FIELD_NAMES.iter().find(|(f, _)| *f == field).map_or(std::slice::from_ref(&field), |(_, n)| &n[..]);
    let present = |usable: fn(&Value) -> bool| {
        names.iter().find_map(|n| obj.get_key_value(*n).filter(|(_, v)| usable(v)).map(|(k, v)| (k.as_str(), v)))
    };
    // a name holding text wins over an earlier one of another shape
    // (schema.org's `publisher` object beside a `site_name` string)
    present(|v| v.is_string() || v.is_number()).or_else(|| present(|v| !v.is_null()))
}

/// `an object`, `an array`, `a string`, `a number`, `a boolean`, `null`.
pub fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Object(_) => "an object",
        Value::Array(_) => "an array",
        Value::String(_) => "a string",
        Value::Number(_) => "a number",
        Value::Bool(_) => "a boolean",
        Value::Null => "null",
    }
}

/// True for a sidecar file name (`*.meta.json`).
pub fn is_sidecar(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.len() > SIDECAR_SUFFIX.len() && n.to_ascii_lowercase().ends_with(SIDECAR_SUFFIX))
}

/// The sidecar path for an article file: `dir/NAME.meta.json` for `dir/NAME.txt`.
pub fn sidecar_path(article: &Path) -> Option<PathBuf> {
    let stem = article.file_stem()?;
    let mut name = stem.to_os_string();
    name.push(SIDECAR_SUFFIX);
    Some(article.with_file_name(name))
}

/// Applies the sidecar of `article`, if one exists, to `meta`. A sidecar that
/// cannot be read or parsed, or has fields of the wrong type, yields a
/// rejection naming the sidecar; whatever valid fields it has are still applied.
pub fn apply_sidecar(article: &Path, meta: &mut Metadata) -> Option<Rejection> {
    let path = sidecar_path(article)?;
    if !path.is_file() {
        return None;
    }
    let source = path.display().to_string();
    let reject = |reason| Some(Rejection::new(source.clone(), reason));
    let mut bytes = Vec::new();
    let read = File::open(&path).and_then(|f| f.take(MAX_SIDECAR_BYTES + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        return reject(RejectReason::Unreadable(format!("sidecar: {e}")));
    }
    if bytes.len() as u64 > MAX_SIDECAR_BYTES {
        return reject(RejectReason::TooLarge { bytes: path.metadata().map_or(bytes.len() as u64, |m| m.len()), limit: MAX_SIDECAR_BYTES });
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    let value: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => return reject(RejectReason::Malformed(format!("sidecar is not valid JSON: {e}"))),
    };
    let Value::Object(obj) = value else {
        return reject(RejectReason::Malformed(format!("sidecar: expected a JSON object, found {}", json_kind(&value))));
    };
    let problems = apply_fields(meta, &obj);
    if problems.is_empty() {
        None
    } else {
        reject(RejectReason::Malformed(format!("sidecar: {}", problems.join("; "))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        let t = parse_timestamp("2025-05-16T14:03:00+03:00").unwrap();
        assert_eq!(t.to_string(), "2025-05-16 11:03:00");
        assert_eq!(parse_timestamp("2025-05-16T14:03:00Z").unwrap().to_string(), "2025-05-16 14:03:00");
        assert_eq!(parse_timestamp("2025-05-16 14:03").unwrap().to_string(), "2025-05-16 14:03:00");
        assert_eq!(parse_timestamp("2025-05-16").unwrap().to_string(), "2025-05-16 00:00:00");
        assert_eq!(parse_timestamp("Fri, 16 May 2025 14:03:00 GMT").unwrap().to_string(), "2025-05-16 14:03:00");
        assert_eq!(parse_timestamp("20250516140300").unwrap().to_string(), "2025-05-16 14:03:00");
        assert_eq!(parse_timestamp("last Friday"), None);
        // impossible years never reach the record (#17 item 9)
        assert_eq!(parse_timestamp("-5000-01-01T00:00:00Z"), None);
        assert_eq!(parse_timestamp("0000-01-01"), None);
        assert_eq!(parse_timestamp("+12000-01-01T00:00:00Z"), None);
        assert_eq!(parse_timestamp("0001-01-01").unwrap().to_string(), "0001-01-01 00:00:00");
    }

    #[test]
    fn fields_are_applied_and_bad_types_reported() {
        let obj: Map<String, Value> = serde_json::from_str(
            r#"{"url":" https://example.org/a ","title":["x"],"published":"2025-05-16","crawled":"2025-05-17T08:00:00Z","outlet":null}"#,
        )
        .unwrap();
        let mut m = Metadata::default();
        let problems = apply_fields(&mut m, &obj);
        assert_eq!(m.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(m.title, None);
        assert_eq!(m.outlet, None);
        assert_eq!(m.published_hint.as_deref(), Some("2025-05-16"));
        assert_eq!(m.crawled.map(|t| t.to_string()).as_deref(), Some("2025-05-17 08:00:00"));
        assert_eq!(problems, vec!["field `title` should be a string, found an array".to_string()]);
    }

    #[test]
    fn sidecar_names() {
        assert_eq!(sidecar_path(Path::new("d/a.txt")).unwrap(), Path::new("d/a.meta.json"));
        assert_eq!(sidecar_path(Path::new("d/a")).unwrap(), Path::new("d/a.meta.json"));
        assert!(is_sidecar(Path::new("d/a.meta.json")));
        assert!(!is_sidecar(Path::new("d/a.json")));
        assert!(!is_sidecar(Path::new(".meta.json")));
    }

    #[test]
    fn common_crawler_field_names_are_read() {
        let obj: Map<String, Value> = serde_json::from_str(
            r#"{"link":"https://example.org/b","headline":"Talks resume","date_publish":"2011-03-02 10:00:00","publisher":{"name":"X"},"source_domain":"example.org"}"#,
        )
        .unwrap_or_default();
        let mut meta = Metadata::default();
        assert!(apply_fields(&mut meta, &obj).is_empty());
        assert_eq!(meta.url.as_deref(), Some("https://example.org/b"));
        assert_eq!(meta.title.as_deref(), Some("Talks resume"));
        assert_eq!(meta.published_hint.as_deref(), Some("2011-03-02 10:00:00"));
        assert_eq!(meta.outlet.as_deref(), Some("example.org"));
        // chronicle's own name wins over an alias
        let obj: Map<String, Value> = serde_json::from_str(r#"{"date":"2011-01-01","published":"2011-03-02"}"#).unwrap_or_default();
        let mut meta = Metadata::default();
        apply_fields(&mut meta, &obj);
        assert_eq!(meta.published_hint.as_deref(), Some("2011-03-02"));
    }
}
