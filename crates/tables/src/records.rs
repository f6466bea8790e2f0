//! Reading the JSONL export's records: a `Write` that hands each line over as
//! a parsed record, field helpers, and the [`Catalog`] of what event rows need
//! from earlier records (documents, entities, mentions).
//!
//! The tables are projections of those records, so an id, a name or a date in
//! a table is exactly what the JSONL export says.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;

use chrono::NaiveDate;
use serde_json::Value;

use crate::TablesError;

/// A `Write` that parses each complete line as JSON and passes it to `handle`.
/// The first error stops the stream; [`RecordSink::finish`] returns it typed.
pub(crate) struct RecordSink<F: FnMut(Value) -> Result<(), TablesError>> {
    handle: F,
    line: Vec<u8>,
    error: Option<TablesError>,
}

impl<F: FnMut(Value) -> Result<(), TablesError>> RecordSink<F> {
    pub(crate) fn new(handle: F) -> Self {
        RecordSink { handle, line: Vec::new(), error: None }
    }

    fn take_line(&mut self) -> Result<(), TablesError> {
        let line = std::mem::take(&mut self.line);
        if line.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        let record = serde_json::from_slice(&line).map_err(|e| TablesError::Record(e.to_string()))?;
        (self.handle)(record)
    }

    /// Handles a last line without its newline; returns the first error met.
    pub(crate) fn finish(mut self) -> Result<(), TablesError> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        self.take_line()
    }

    /// The error that stopped the stream, if any (to report instead of the
    /// `io::Error` the exporter saw).
    pub(crate) fn take_error(&mut self) -> Option<TablesError> {
        self.error.take()
    }
}

impl<F: FnMut(Value) -> Result<(), TablesError>> Write for RecordSink<F> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for chunk in buf.split_inclusive(|b| *b == b'\n') {
            self.line.extend_from_slice(chunk);
            if chunk.ends_with(b"\n") {
                if let Err(e) = self.take_line() {
                    let msg = e.to_string();
                    self.error = Some(e);
                    return Err(std::io::Error::other(msg));
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A text field; `None` when absent, null or not text.
pub(crate) fn text(rec: &Value, key: &str) -> Option<String> {
    rec.get(key).and_then(Value::as_str).map(str::to_string)
}

/// An integer field.
pub(crate) fn int(rec: &Value, key: &str) -> Option<i64> {
    rec.get(key).and_then(Value::as_i64)
}

/// A list of texts; absent or null is empty.
pub(crate) fn list(rec: &Value, key: &str) -> Vec<String> {
    rec.get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect())
        .unwrap_or_default()
}

/// A day written `YYYY-MM-DD`; a month, a year or anything else is `None`.
pub(crate) fn day(v: Option<&Value>) -> Option<NaiveDate> {
    let s = v?.as_str()?;
    if s.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// What is known of an uncertain date record (`value`, `earliest`, `latest`).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct DateFacts {
    /// The ISO value at its precision (`2025-05-16`, `2025-05`, `2025`).
    pub value: Option<String>,
    /// The day, when the value is one.
    pub day: Option<NaiveDate>,
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
}

impl DateFacts {
    pub(crate) fn of(date: Option<&Value>) -> DateFacts {
        let Some(d) = date else { return DateFacts::default() };
        DateFacts {
            value: text(d, "value"),
            day: day(d.get("value")),
            earliest: day(d.get("earliest")),
            latest: day(d.get("latest")),
        }
    }
}

/// What the catalog keeps of a document.
#[derive(Clone, Debug, Default)]
pub(crate) struct DocInfo {
    pub source: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub language: Option<String>,
    pub published: DateFacts,
    pub story: Option<String>,
}

/// What the catalog keeps of an entity.
#[derive(Clone, Debug, Default)]
pub(crate) struct EntityInfo {
    pub name: Option<String>,
    pub entity_type: Option<String>,
    pub country: Option<String>,
    pub sector: Option<String>,
}

/// Documents, entities and which entities each document mentions: read from
/// the records that precede the events in the export.
#[derive(Default)]
pub(crate) struct Catalog {
    docs: HashMap<String, DocInfo>,
    entities: HashMap<String, EntityInfo>,
    doc_entities: HashMap<String, BTreeSet<String>>,
    story_docs: HashMap<String, BTreeSet<String>>,
}

impl Catalog {
    /// Notes what a record tells (documents, entities, mentions; others are ignored).
    pub(crate) fn note(&mut self, rec: &Value) {
        match rec.get("kind").and_then(Value::as_str) {
            Some("document") => self.note_document(rec),
            Some("entity") => {
                let Some(id) = text(rec, "id") else { return };
                let info = EntityInfo {
                    name: text(rec, "name"),
                    entity_type: text(rec, "type"),
                    country: text(rec, "country"),
                    sector: text(rec, "sector"),
                };
                self.entities.insert(id, info);
            }
            Some("mention") => {
                if let (Some(doc), Some(entity)) = (text(rec, "doc"), text(rec, "entity")) {
                    self.doc_entities.entry(doc).or_default().insert(entity);
                }
            }
            _ => {}
        }
    }

    fn note_document(&mut self, rec: &Value) {
        let Some(id) = text(rec, "id") else { return };
        let story = text(rec, "story");
        if let Some(s) = &story {
            self.story_docs.entry(s.clone()).or_default().insert(id.clone());
        }
        let info = DocInfo {
            source: text(rec, "source"),
            url: text(rec, "url"),
            outlet: text(rec, "outlet"),
            title: text(rec, "title"),
            language: text(rec, "language"),
            published: DateFacts::of(rec.get("published")),
            story,
        };
        self.docs.insert(id, info);
    }

    pub(crate) fn doc(&self, id: &str) -> Option<&DocInfo> {
        self.docs.get(id)
    }

    pub(crate) fn entity(&self, id: &str) -> Option<&EntityInfo> {
        self.entities.get(id)
    }

    /// The entity's name, else its id.
    pub(crate) fn name_of(&self, id: &str) -> String {
        self.entity(id).and_then(|e| e.name.clone()).unwrap_or_else(|| id.to_string())
    }

    /// The stories of these documents, sorted, without repeats.
    pub(crate) fn stories_of(&self, docs: &[String]) -> Vec<String> {
        let set: BTreeSet<&String> = docs.iter().filter_map(|d| self.doc(d)?.story.as_ref()).collect();
        set.into_iter().cloned().collect()
    }

    /// The names of the entities of `entity_type` mentioned in these documents
    /// or in any document of their stories, sorted, without repeats.
    pub(crate) fn story_names(&self, docs: &[String], entity_type: &str) -> Vec<String> {
        let mut all: BTreeSet<&String> = docs.iter().collect();
        for story in self.stories_of(docs) {
            all.extend(self.story_docs.get(&story).into_iter().flatten());
        }
        let names: BTreeSet<String> = all
            .into_iter()
            .filter_map(|d| self.doc_entities.get(d))
            .flatten()
            .filter(|id| self.entity(id).and_then(|e| e.entity_type.as_deref()) == Some(entity_type))
            .map(|id| self.name_of(id))
            .collect();
        names.into_iter().collect()
    }
}

/// The documents an event record's reports come from, in order, without repeats.
pub(crate) fn report_docs(event: &Value) -> Vec<String> {
    let mut docs: Vec<String> = Vec::new();
    for r in event.get("reports").and_then(Value::as_array).into_iter().flatten() {
        if let Some(d) = text(r, "doc") {
            if !docs.contains(&d) {
                docs.push(d);
            }
        }
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_sink_parses_lines_split_across_writes() {
        let mut seen = Vec::new();
        let mut sink = RecordSink::new(|v| {
            seen.push(v);
            Ok(())
        });
        sink.write_all(b"{\"kind\":\"doc").unwrap();
        sink.write_all(b"ument\"}\n{\"kind\":\"story\"}\n{\"a\":1}").unwrap();
        sink.finish().unwrap();
        assert_eq!(seen, vec![json!({"kind": "document"}), json!({"kind": "story"}), json!({"a": 1})]);
    }

    #[test]
    fn the_sink_reports_a_malformed_line() {
        let mut sink = RecordSink::new(|_| Ok(()));
        assert!(sink.write_all(b"{not json\n").is_err());
        assert!(matches!(sink.take_error(), Some(TablesError::Record(_))));
    }

    #[test]
    fn dates_keep_their_precision_and_days_parse() {
        let d = DateFacts::of(Some(&json!({"value": "2025-05", "earliest": "2025-05-01", "latest": null})));
        assert_eq!(d.value.as_deref(), Some("2025-05"));
        assert_eq!(d.day, None, "a month is not a day");
        assert_eq!(d.earliest, NaiveDate::from_ymd_opt(2025, 5, 1));
        assert_eq!(d.latest, None);
    }

    #[test]
    fn story_names_gather_mentions_of_the_whole_story() {
        let mut c = Catalog::default();
        for rec in [
            json!({"kind": "document", "id": "d:1", "story": "s:a"}),
            json!({"kind": "document", "id": "d:2", "story": "s:a"}),
            json!({"kind": "entity", "id": "e:p", "name": "Ann", "type": "person"}),
            json!({"kind": "entity", "id": "e:l", "name": "Oslo", "type": "location"}),
            json!({"kind": "mention", "doc": "d:2", "entity": "e:p"}),
            json!({"kind": "mention", "doc": "d:1", "entity": "e:l"}),
        ] {
            c.note(&rec);
        }
        assert_eq!(c.story_names(&["d:1".into()], "person"), ["Ann"]);
        assert_eq!(c.story_names(&["d:1".into()], "location"), ["Oslo"]);
        assert_eq!(c.stories_of(&["d:1".into(), "d:2".into()]), ["s:a"]);
    }
}
