//! The POLECAT layout: one tab-separated line per event with POLECAT's
//! PLOVER fields (names as in POLECAT's published files), then chronicle's
//! extras. Several actors or recipients are listed in order, joined by `;`,
//! their countries and sectors in the same positions (empty where unknown).

use serde_json::Value;

use crate::cell::Cell;
use crate::lookup::{EventPlace, Places};
use crate::records::{int, list, report_docs, text, Catalog, DateFacts};

/// The POLECAT columns, in order; the last nine are chronicle's extras.
pub const COLUMNS: [&str; 34] = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Contexts",
    "Actor Name", "Actor Country", "Primary Actor Sector",
    "Recipient Name", "Recipient Country", "Primary Recipient Sector",
    "Placename", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Source", "Source URL", "Publication Date", "Story ID", "Headline",
    "Story People", "Story Organizations", "Story Locations", "Language",
    // chronicle extras
    "Modality", "Attributed To", "Event Date Earliest", "Event Date Latest",
    "Evidence Doc", "Evidence Start", "Evidence End", "Evidence Text", "Num Sources",
];

/// Lists inside a field are joined by this.
pub(crate) const LIST_SEP: &str = ";";

/// The row of one event record.
pub(crate) fn row(rec: &Value, catalog: &Catalog, places: &Places) -> Vec<Cell> {
    let date = DateFacts::of(rec.get("date"));
    let docs = report_docs(rec);
    let doc = docs.first().and_then(|d| catalog.doc(d));
    let first = rec.get("reports").and_then(|r| r.get(0));
    let place = EventPlace::of(rec, catalog, places);
    let story = |t: &str| Cell::List(catalog.story_names(&docs, t));
    let mut row = vec![
        Cell::Text(text(rec, "id")),
        Cell::Text(date.value),
        Cell::Text(text(rec, "type")),
        Cell::Text(text(rec, "mode")),
        Cell::List(list(rec, "context")),
    ];
    row.extend(party_cells(&list(rec, "actors"), catalog));
    row.extend(party_cells(&list(rec, "recipients"), catalog));
    row.extend([
        Cell::Text(place.as_ref().map(|p| p.name.clone())),
        Cell::Text(place.as_ref().and_then(|p| p.country.clone())),
        Cell::Float(place.as_ref().and_then(|p| p.point).map(|(lat, _)| lat)),
        Cell::Float(place.as_ref().and_then(|p| p.point).map(|(_, lon)| lon)),
        Cell::Text(place.as_ref().and_then(|p| p.geonames_id.clone())),
        Cell::Text(doc.and_then(|d| d.outlet.clone())),
        Cell::Text(doc.and_then(|d| d.url.clone())),
        Cell::Text(doc.and_then(|d| d.published.value.clone())),
        Cell::List(catalog.stories_of(&docs)),
        Cell::Text(doc.and_then(|d| d.title.clone())),
        story("person"),
        story("organization"),
        story("location"),
        Cell::Text(doc.and_then(|d| d.language.clone())),
        Cell::Text(text(rec, "modality")),
        Cell::Text(text(rec, "attributed_to")),
        Cell::Date(date.earliest),
        Cell::Date(date.latest),
        Cell::Text(first.and_then(|r| text(r, "doc"))),
        Cell::Int(first.and_then(|r| int(r, "start"))),
        Cell::Int(first.and_then(|r| int(r, "end"))),
        Cell::Text(text(rec, "summary")),
        Cell::Int(int(rec, "num_sources")),
    ]);
    debug_assert_eq!(row.len(), COLUMNS.len());
    row
}

/// Name, country and sector of every party, position by position.
fn party_cells(ids: &[String], catalog: &Catalog) -> [Cell; 3] {
    let field = |f: fn(&crate::records::EntityInfo) -> Option<String>| {
        ids.iter().map(|id| catalog.entity(id).and_then(f).unwrap_or_default()).collect::<Vec<_>>()
    };
    let names = ids.iter().map(|id| catalog.name_of(id)).collect();
    let all_empty = |v: Vec<String>| if v.iter().all(String::is_empty) { Vec::new() } else { v };
    [Cell::List(names), Cell::List(all_empty(field(|e| e.country.clone()))), Cell::List(all_empty(field(|e| e.sector.clone())))]
}
