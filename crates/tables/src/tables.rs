//! The six research tables (CSV and Parquet): their columns, and the row each
//! JSONL record becomes. `docs/TABLES.md` documents every column.

use serde_json::Value;

use crate::cell::{col, required, Cell, Column, Kind};
use crate::lookup::Places;
use crate::records::{int, list, report_docs, text, Catalog, DateFacts};

/// A table of `chronicle export --format csv|parquet`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Table {
    /// One row per event (merged across reports, or per report with `--reports`).
    Events,
    /// One row per document.
    Documents,
    /// One row per entity.
    Entities,
    /// One row per quote.
    Quotes,
    /// One row per quantity.
    Quantities,
    /// One row per story.
    Stories,
}

impl Table {
    /// All six.
    pub const ALL: [Table; 6] = [Table::Events, Table::Documents, Table::Entities, Table::Quotes, Table::Quantities, Table::Stories];

    /// The name (`events`, …), also the file stem in an output folder.
    pub fn as_str(self) -> &'static str {
        match self {
            Table::Events => "events",
            Table::Documents => "documents",
            Table::Entities => "entities",
            Table::Quotes => "quotes",
            Table::Quantities => "quantities",
            Table::Stories => "stories",
        }
    }

    /// The JSONL record kind each row comes from.
    pub fn kind(self) -> &'static str {
        match self {
            Table::Events => "event",
            Table::Documents => "document",
            Table::Entities => "entity",
            Table::Quotes => "quote",
            Table::Quantities => "quantity",
            Table::Stories => "story",
        }
    }

    /// The columns, in order.
    pub fn columns(self) -> &'static [Column] {
        match self {
            Table::Events => EVENT_COLUMNS,
            Table::Documents => DOCUMENT_COLUMNS,
            Table::Entities => ENTITY_COLUMNS,
            Table::Quotes => QUOTE_COLUMNS,
            Table::Quantities => QUANTITY_COLUMNS,
            Table::Stories => STORY_COLUMNS,
        }
    }

    /// The row a record becomes, `None` for records of another kind.
    pub(crate) fn row(self, rec: &Value, catalog: &Catalog, places: &Places) -> Option<Vec<Cell>> {
        if rec.get("kind").and_then(Value::as_str) != Some(self.kind()) {
            return None;
        }
        Some(match self {
            Table::Events => event_row(rec, catalog, places),
            Table::Documents => document_row(rec),
            Table::Entities => entity_row(rec),
            Table::Quotes => quote_row(rec, catalog),
            Table::Quantities => quantity_row(rec),
            Table::Stories => story_row(rec),
        })
    }
}

const EVENT_COLUMNS: &[Column] = &[
    required("id", Kind::Text),
    required("type", Kind::Text),
    col("mode", Kind::Text),
    col("context", Kind::List),
    col("cameo", Kind::Text),
    required("modality", Kind::Text),
    col("actors", Kind::List),
    col("actor_names", Kind::List),
    col("recipients", Kind::List),
    col("recipient_names", Kind::List),
    col("date", Kind::Text),
    col("date_day", Kind::Date),
    col("date_earliest", Kind::Date),
    col("date_latest", Kind::Date),
    col("location", Kind::Text),
    col("location_name", Kind::Text),
    col("latitude", Kind::Float),
    col("longitude", Kind::Float),
    col("attributed_to", Kind::Text),
    col("summary", Kind::Text),
    col("evidence_doc", Kind::Text),
    col("evidence_start", Kind::Int),
    col("evidence_end", Kind::Int),
    required("num_sources", Kind::Int),
    required("num_reports", Kind::Int),
    col("documents", Kind::List),
    col("stories", Kind::List),
    col("items", Kind::List),
    col("rule", Kind::Text),
];

fn t(rec: &Value, key: &str) -> Cell {
    Cell::Text(text(rec, key))
}

fn event_row(rec: &Value, catalog: &Catalog, places: &Places) -> Vec<Cell> {
    let date = DateFacts::of(rec.get("date"));
    let names = |ids: &[String]| ids.iter().map(|id| catalog.name_of(id)).collect::<Vec<_>>();
    let (actors, recipients) = (list(rec, "actors"), list(rec, "recipients"));
    let location = text(rec, "location");
    let point = location.as_deref().and_then(|l| places.of_entity(l));
    let first = rec.get("reports").and_then(|r| r.get(0));
    let docs = report_docs(rec);
    let num_reports = rec.get("reports").and_then(Value::as_array).map_or(0, Vec::len);
    let (actor_names, recipient_names) = (names(&actors), names(&recipients));
    let location_name = location.as_deref().map(|l| catalog.name_of(l));
    let stories = catalog.stories_of(&docs);
    vec![
        t(rec, "id"),
        t(rec, "type"),
        t(rec, "mode"),
        Cell::List(list(rec, "context")),
        t(rec, "cameo"),
        t(rec, "modality"),
        Cell::List(actors),
        Cell::List(actor_names),
        Cell::List(recipients),
        Cell::List(recipient_names),
        Cell::Text(date.value),
        Cell::Date(date.day),
        Cell::Date(date.earliest),
        Cell::Date(date.latest),
        Cell::Text(location),
        Cell::Text(location_name),
        Cell::Float(point.map(|p| p.lat)),
        Cell::Float(point.map(|p| p.lon)),
        t(rec, "attributed_to"),
        t(rec, "summary"),
        Cell::Text(first.and_then(|r| text(r, "doc"))),
        Cell::Int(first.and_then(|r| int(r, "start"))),
        Cell::Int(first.and_then(|r| int(r, "end"))),
        Cell::Int(int(rec, "num_sources")),
        Cell::Int(Some(num_reports as i64)),
        Cell::List(docs),
        Cell::List(stories),
        Cell::List(list(rec, "items")),
        t(rec, "rule"),
    ]
}

const DOCUMENT_COLUMNS: &[Column] = &[
    required("id", Kind::Text),
    col("source", Kind::Text),
    col("url", Kind::Text),
    col("outlet", Kind::Text),
    col("title", Kind::Text),
    col("published", Kind::Text),
    col("published_day", Kind::Date),
    col("published_earliest", Kind::Date),
    col("published_latest", Kind::Date),
    col("published_basis", Kind::Text),
    col("language", Kind::Text),
    col("format", Kind::Text),
    col("appended_to", Kind::Text),
    col("duplicate_of", Kind::Text),
    col("story", Kind::Text),
    col("body", Kind::Text),
];

fn document_row(rec: &Value) -> Vec<Cell> {
    let published = DateFacts::of(rec.get("published"));
    let basis = rec.get("published").and_then(|p| text(p, "basis"));
    vec![
        t(rec, "id"),
        t(rec, "source"),
        t(rec, "url"),
        t(rec, "outlet"),
        t(rec, "title"),
        Cell::Text(published.value),
        Cell::Date(published.day),
        Cell::Date(published.earliest),
        Cell::Date(published.latest),
        Cell::Text(basis),
        t(rec, "language"),
        t(rec, "format"),
        t(rec, "appended_to"),
        t(rec, "duplicate_of"),
        t(rec, "story"),
        t(rec, "body"),
    ]
}

const ENTITY_COLUMNS: &[Column] = &[
    required("id", Kind::Text),
    col("name", Kind::Text),
    col("type", Kind::Text),
    col("aliases", Kind::List),
    col("country", Kind::Text),
    col("sector", Kind::Text),
    col("roles", Kind::List),
];

fn entity_row(rec: &Value) -> Vec<Cell> {
    let roles = rec
        .get("roles")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(role_text)
        .collect();
    vec![t(rec, "id"), t(rec, "name"), t(rec, "type"), Cell::List(list(rec, "aliases")), t(rec, "country"), t(rec, "sector"), Cell::List(roles)]
}

/// A role as one text: `finance minister of DNK as of 2024-03-04`.
fn role_text(role: &Value) -> String {
    let mut s = text(role, "title").unwrap_or_default();
    if let Some(of) = text(role, "of") {
        s.push_str(" of ");
        s.push_str(&of);
    }
    let as_of = role.get("as_of");
    if let Some(d) = as_of.and_then(|d| text(d, "value")).or_else(|| as_of.and_then(|d| text(d, "earliest"))) {
        s.push_str(" as of ");
        s.push_str(&d);
    }
    s
}

const QUOTE_COLUMNS: &[Column] = &[
    required("doc", Kind::Text),
    required("start", Kind::Int),
    required("end", Kind::Int),
    col("text", Kind::Text),
    col("speaker", Kind::Text),
    col("speaker_name", Kind::Text),
    col("speaker_text", Kind::Text),
    col("cue", Kind::Text),
    col("direct", Kind::Bool),
];

fn quote_row(rec: &Value, catalog: &Catalog) -> Vec<Cell> {
    let speaker = text(rec, "speaker");
    vec![
        t(rec, "doc"),
        Cell::Int(int(rec, "start")),
        Cell::Int(int(rec, "end")),
        t(rec, "text"),
        Cell::Text(speaker.clone()),
        Cell::Text(speaker.as_deref().map(|s| catalog.name_of(s))),
        t(rec, "speaker_text"),
        t(rec, "cue"),
        Cell::Bool(rec.get("direct").and_then(Value::as_bool)),
    ]
}

const QUANTITY_COLUMNS: &[Column] = &[
    required("doc", Kind::Text),
    required("start", Kind::Int),
    required("end", Kind::Int),
    col("text", Kind::Text),
    col("value", Kind::Float),
    col("approx", Kind::Text),
    col("unit", Kind::Text),
    col("counts", Kind::Text),
    required("ordinal", Kind::Bool),
];

fn quantity_row(rec: &Value) -> Vec<Cell> {
    vec![
        t(rec, "doc"),
        Cell::Int(int(rec, "start")),
        Cell::Int(int(rec, "end")),
        t(rec, "text"),
        Cell::Float(rec.get("value").and_then(Value::as_f64)),
        t(rec, "approx"),
        t(rec, "unit"),
        t(rec, "counts"),
        Cell::Bool(Some(rec.get("ordinal").and_then(Value::as_bool).unwrap_or(false))),
    ]
}

const STORY_COLUMNS: &[Column] = &[
    required("id", Kind::Text),
    col("title", Kind::Text),
    col("documents", Kind::List),
    col("events", Kind::List),
    required("num_documents", Kind::Int),
    required("num_events", Kind::Int),
    col("from", Kind::Date),
    col("to", Kind::Date),
];

fn story_row(rec: &Value) -> Vec<Cell> {
    let (documents, events) = (list(rec, "documents"), list(rec, "events"));
    let span = rec.get("span");
    vec![
        t(rec, "id"),
        t(rec, "title"),
        Cell::List(documents.clone()),
        Cell::List(events.clone()),
        Cell::Int(Some(documents.len() as i64)),
        Cell::Int(Some(events.len() as i64)),
        Cell::Date(crate::records::day(span.and_then(|s| s.get("from")))),
        Cell::Date(crate::records::day(span.and_then(|s| s.get("to")))),
    ]
}
