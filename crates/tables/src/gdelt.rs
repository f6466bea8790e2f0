//! The GDELT 2.0 Event table layout: one tab-separated line per event, the
//! 61 columns in GDELT's published order. What chronicle cannot know (tone,
//! ethnic and religious codes, actor geography, GDELT's own feature ids) is
//! left empty, never guessed. The rules are in `docs/TABLES.md`.

use chrono::{Datelike, NaiveDate};
use serde_json::Value;

use crate::cell::Cell;
use crate::lookup::{EventPlace, Goldstein, Places};
use crate::records::{list, report_docs, text, Catalog, DateFacts};

/// The 61 GDELT 2.0 Event columns, in order.
pub const COLUMNS: [&str; 61] = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
];

/// What a GDELT row needs beyond the event record.
pub(crate) struct GdeltContext<'a> {
    pub catalog: &'a Catalog,
    pub places: &'a Places,
    pub goldstein: &'a Goldstein,
}

fn empty(n: usize) -> impl Iterator<Item = Cell> {
    std::iter::repeat_with(|| Cell::Text(None)).take(n)
}

/// The row of one event record.
pub(crate) fn row(rec: &Value, cx: &GdeltContext<'_>) -> Vec<Cell> {
    let mut row = Vec::with_capacity(COLUMNS.len());
    row.push(Cell::Int(text(rec, "id").as_deref().and_then(global_event_id)));
    row.extend(date_cells(&DateFacts::of(rec.get("date"))));
    let first = |key: &str| list(rec, key).into_iter().next();
    row.extend(actor_cells(first("actors").as_deref(), cx.catalog));
    row.extend(actor_cells(first("recipients").as_deref(), cx.catalog));
    row.push(Cell::Text(None)); // IsRootEvent
    row.extend(event_code_cells(text(rec, "cameo").as_deref(), cx.goldstein));
    let reports = rec.get("reports").and_then(Value::as_array).map_or(0, Vec::len);
    let docs = report_docs(rec);
    row.push(Cell::Int(Some(reports as i64))); // NumMentions
    row.push(Cell::Int(rec.get("num_sources").and_then(Value::as_i64))); // NumSources
    row.push(Cell::Int(Some(docs.len() as i64))); // NumArticles
    row.push(Cell::Text(None)); // AvgTone
    row.extend(empty(16)); // Actor1Geo_*, Actor2Geo_*
    row.extend(action_geo_cells(EventPlace::of(rec, cx.catalog, cx.places).as_ref()));
    row.push(Cell::Text(None)); // DATEADDED
    let source = docs.first().and_then(|d| cx.catalog.doc(d)).and_then(|d| d.url.clone().or_else(|| d.source.clone()));
    row.push(Cell::Text(source));
    debug_assert_eq!(row.len(), COLUMNS.len());
    row
}

/// GLOBALEVENTID: the first 15 hex digits of the `v:` id as an integer, so
/// it fits GDELT's signed 64-bit column and stays stable across reruns.
pub(crate) fn global_event_id(id: &str) -> Option<i64> {
    let hex = id.strip_prefix("v:")?.get(..15)?;
    i64::from_str_radix(hex, 16).ok()
}

/// SQLDATE, MonthYear, Year, FractionDate: each only at a precision the
/// date supports (an exact day, or bounds inside one month or year).
fn date_cells(date: &DateFacts) -> [Cell; 4] {
    let exact = date.day.or_else(|| (date.earliest.is_some() && date.earliest == date.latest).then_some(date.earliest?));
    let value = date.value.as_deref().unwrap_or("");
    let same = |f: fn(&NaiveDate) -> (i32, u32)| match (date.earliest, date.latest) {
        (Some(a), Some(b)) if f(&a) == f(&b) => Some(a),
        _ => None,
    };
    let month = exact.or_else(|| parse_month(value)).or_else(|| same(|d| (d.year(), d.month())));
    let year = month.map(|d| d.year()).or_else(|| value.get(..4).filter(|_| value.len() == 4).and_then(|y| y.parse().ok())).or_else(|| same(|d| (d.year(), 0)).map(|d| d.year()));
    [
        Cell::Text(exact.map(|d| d.format("%Y%m%d").to_string())),
        Cell::Text(month.map(|d| d.format("%Y%m").to_string())),
        Cell::Int(year.map(i64::from)),
        Cell::Text(exact.map(|d| format!("{:.4}", d.year() as f64 + d.ordinal() as f64 / 365.0))),
    ]
}

fn parse_month(value: &str) -> Option<NaiveDate> {
    if value.len() != 7 {
        return None;
    }
    NaiveDate::parse_from_str(&format!("{value}-01"), "%Y-%m-%d").ok()
}

/// Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code,
/// Religion2Code, Type1Code, Type2Code, Type3Code of one actor.
fn actor_cells(entity: Option<&str>, catalog: &Catalog) -> [Cell; 10] {
    let info = entity.and_then(|id| catalog.entity(id));
    let country = info.and_then(|e| e.country.clone());
    let sector = info.and_then(|e| e.sector.clone());
    let code = match (&country, &sector) {
        (None, None) => None,
        (c, s) => Some(format!("{}{}", c.as_deref().unwrap_or(""), s.as_deref().unwrap_or(""))),
    };
    let name = entity.map(|id| catalog.name_of(id));
    [
        Cell::Text(code),
        Cell::Text(name),
        Cell::Text(country),
        Cell::Text(None),
        Cell::Text(None),
        Cell::Text(None),
        Cell::Text(None),
        Cell::Text(sector),
        Cell::Text(None),
        Cell::Text(None),
    ]
}

/// EventCode, EventBaseCode, EventRootCode, QuadClass, GoldsteinScale. A
/// root-only code (`04`) is written as its "not specified below" code (`040`).
fn event_code_cells(cameo: Option<&str>, goldstein: &Goldstein) -> [Cell; 5] {
    let Some(cameo) = cameo.filter(|c| c.len() >= 2 && c.bytes().all(|b| b.is_ascii_digit())) else {
        return [Cell::Text(None), Cell::Text(None), Cell::Text(None), Cell::Int(None), Cell::Float(None)];
    };
    let code = if cameo.len() == 2 { format!("{cameo}0") } else { cameo.to_string() };
    let base = code[..3].to_string();
    let root = code[..2].to_string();
    let quad = quad_class(&root);
    [Cell::Text(Some(code.clone())), Cell::Text(Some(base)), Cell::Text(Some(root)), Cell::Int(quad), Cell::Float(goldstein.score(&code))]
}

/// GDELT's QuadClass of a CAMEO root: 1 verbal cooperation (01–05),
/// 2 material cooperation (06–09), 3 verbal conflict (10–14), 4 material
/// conflict (15–20).
pub(crate) fn quad_class(root: &str) -> Option<i64> {
    match root.parse::<u8>().ok()? {
        1..=5 => Some(1),
        6..=9 => Some(2),
        10..=14 => Some(3),
        15..=20 => Some(4),
        _ => None,
    }
}

/// ActionGeo_* (Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long,
/// FeatureID) of the event's place ([`EventPlace`]: the resolved `place`,
/// else the `location`). A GeoNames populated place gives type 4 (world city;
/// 3 in the USA) and its coordinates; a place with coordinates but no GeoNames
/// id (a country placed at its centre) or a bare country gives type 1. GDELT's
/// country and ADM1 codes are FIPS 10-4 and its feature ids GNS/GNIS, which
/// chronicle does not have: empty.
fn action_geo_cells(place: Option<&EventPlace>) -> [Cell; 8] {
    let geo_type = place.and_then(|p| match (&p.geonames_id, p.country.as_deref()) {
        (Some(_), Some("USA")) => Some(3),
        (Some(_), _) => Some(4),
        (None, Some(_)) => Some(1),
        (None, None) => None,
    });
    [
        Cell::Int(geo_type),
        Cell::Text(place.map(|p| p.name.clone())),
        Cell::Text(None),
        Cell::Text(None),
        Cell::Text(None),
        Cell::Float(place.and_then(|p| p.point).map(|(lat, _)| lat)),
        Cell::Float(place.and_then(|p| p.point).map(|(_, lon)| lon)),
        Cell::Text(None),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(value: Option<&str>, earliest: Option<&str>, latest: Option<&str>) -> DateFacts {
        DateFacts::of(Some(&serde_json::json!({"value": value, "earliest": earliest, "latest": latest})))
    }

    fn rendered(cells: &[Cell]) -> Vec<String> {
        cells.iter().map(|c| c.render(None)).collect()
    }

    #[test]
    fn action_geo_types_follow_the_place() {
        let city = |country: &str| EventPlace { name: "X".into(), country: Some(country.into()), point: Some((1.5, 2.5)), geonames_id: Some("7".into()) };
        assert_eq!(rendered(&action_geo_cells(Some(&city("LBY"))))[..2], ["4", "X"]);
        assert_eq!(rendered(&action_geo_cells(Some(&city("USA"))))[0], "3");
        // a country placed at its centre: type 1, with the centre's coordinates
        let country = EventPlace { name: "Libya".into(), country: Some("LBY".into()), point: Some((26.0, 17.0)), geonames_id: None };
        let cells = rendered(&action_geo_cells(Some(&country)));
        assert_eq!((cells[0].as_str(), cells[5].as_str(), cells[6].as_str()), ("1", "26", "17"));
        assert!(rendered(&action_geo_cells(None)).iter().all(String::is_empty));
    }

    #[test]
    fn sqldate_only_for_an_exact_day() {
        assert_eq!(rendered(&date_cells(&facts(Some("2025-05-16"), None, None))), ["20250516", "202505", "2025", "2025.3726"]);
        assert_eq!(rendered(&date_cells(&facts(Some("2025-05"), None, None))), ["", "202505", "2025", ""]);
        assert_eq!(rendered(&date_cells(&facts(None, Some("2025-05-02"), Some("2025-05-20")))), ["", "202505", "2025", ""]);
        assert_eq!(rendered(&date_cells(&facts(None, Some("2025-05-02"), Some("2025-06-20")))), ["", "", "2025", ""]);
        assert_eq!(rendered(&date_cells(&facts(None, Some("2025-05-02"), None))), ["", "", "", ""], "open bounds pin nothing");
        assert_eq!(rendered(&date_cells(&facts(Some("2024"), None, None))), ["", "", "2024", ""]);
    }

    #[test]
    fn root_codes_become_unspecified_codes_with_quad_class_and_goldstein() {
        let g = Goldstein::builtin().unwrap();
        assert_eq!(rendered(&event_code_cells(Some("04"), &g)), ["040", "040", "04", "1", "1"]);
        assert_eq!(rendered(&event_code_cells(Some("19"), &g)), ["190", "190", "19", "4", "-10"]);
        assert_eq!(rendered(&event_code_cells(Some("112"), &g)), ["112", "112", "11", "3", "-2"]);
        assert_eq!(rendered(&event_code_cells(None, &g)), ["", "", "", "", ""]);
        assert_eq!(quad_class("07"), Some(2));
    }

    #[test]
    fn global_event_ids_fit_a_signed_64_bit_integer() {
        let id = global_event_id("v:ffffffffffffffff").unwrap();
        assert_eq!(id, 0x0fff_ffff_ffff_ffff);
        assert_eq!(global_event_id("v:0000000000000001"), Some(0));
        assert_eq!(global_event_id("d:0123"), None);
    }
}
