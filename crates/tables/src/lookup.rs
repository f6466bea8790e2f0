//! Lookups the GDELT and POLECAT layouts need beyond the export's records:
//! place coordinates (GeoNames, from `data/kb/places.tsv` through the caller)
//! and Goldstein scores of CAMEO codes (`data/cameo/goldstein.tsv`).

use std::collections::HashMap;

use crate::TablesError;

/// Where a GeoNames place is.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacePoint {
    /// Latitude, WGS84 degrees.
    pub lat: f64,
    /// Longitude, WGS84 degrees.
    pub lon: f64,
    /// Country, ISO 3166-1 alpha-3.
    pub iso3: String,
}

/// Places by knowledge-base id (`geonames-<id>`): what an event location
/// resolves to. The caller fills it (the CLI from the language crate's
/// knowledge base), so this crate reads no gazetteer of its own.
#[derive(Clone, Debug, Default)]
pub struct Places {
    by_kb_id: HashMap<String, PlacePoint>,
}

impl Places {
    /// Places from `(kb id, point)` pairs.
    pub fn new(places: impl IntoIterator<Item = (String, PlacePoint)>) -> Places {
        Places { by_kb_id: places.into_iter().collect() }
    }

    /// The place of an entity id (`e:geonames-2214846`) or kb id.
    pub fn of_entity(&self, entity: &str) -> Option<&PlacePoint> {
        self.by_kb_id.get(entity.strip_prefix("e:").unwrap_or(entity))
    }

    /// The GeoNames id of an entity id, when it names a known place.
    pub fn geonames_id<'a>(&self, entity: &'a str) -> Option<&'a str> {
        self.of_entity(entity)?;
        entity.strip_prefix("e:").unwrap_or(entity).strip_prefix("geonames-")
    }
}

/// Where an event happened, as the event tables write it: the record's
/// resolved `place` (EXPORT-FORMAT.md: from the sentence's tree, the
/// dateline or the document's country, with GeoNames coordinates) when it has
/// one, else its `location` entity resolved through [`Places`].
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct EventPlace {
    /// The place's name.
    pub name: String,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// WGS84 degrees.
    pub point: Option<(f64, f64)>,
    /// GeoNames id of a populated place (None for a country or a region).
    pub geonames_id: Option<String>,
}

impl EventPlace {
    /// The event record's place (see the type's docs).
    pub(crate) fn of(rec: &serde_json::Value, catalog: &crate::records::Catalog, places: &Places) -> Option<EventPlace> {
        if let Some(p) = rec.get("place").filter(|p| p.is_object()) {
            let num = |k: &str| p.get(k).and_then(serde_json::Value::as_f64);
            let name = p.get("name").and_then(serde_json::Value::as_str)?.to_string();
            return Some(EventPlace {
                name,
                country: p.get("country").and_then(serde_json::Value::as_str).map(str::to_string),
                point: num("lat").zip(num("lon")),
                geonames_id: p.get("geonames_id").and_then(serde_json::Value::as_u64).map(|g| g.to_string()),
            });
        }
        let location = rec.get("location").and_then(serde_json::Value::as_str)?;
        let point = places.of_entity(location);
        Some(EventPlace {
            name: catalog.name_of(location),
            country: catalog.entity(location).and_then(|e| e.country.clone()).or_else(|| point.map(|p| p.iso3.clone())),
            point: point.map(|p| (p.lat, p.lon)),
            geonames_id: places.geonames_id(location).map(str::to_string),
        })
    }
}

const GOLDSTEIN_FILE: &str = "data/cameo/goldstein.tsv";
const GOLDSTEIN: &str = include_str!("../../../data/cameo/goldstein.tsv");

/// Goldstein (1992) scores of CAMEO event codes.
#[derive(Clone, Debug)]
pub struct Goldstein {
    by_code: HashMap<String, f64>,
}

impl Goldstein {
    /// The table shipped in `data/cameo/goldstein.tsv`.
    pub fn builtin() -> Result<Goldstein, TablesError> {
        Goldstein::parse(GOLDSTEIN_FILE, GOLDSTEIN)
    }

    /// Parses `code<TAB>score` lines; `#` lines are comments.
    pub fn parse(file: &'static str, text: &str) -> Result<Goldstein, TablesError> {
        let mut by_code = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let bad = |reason: String| TablesError::Data { file, line: i + 1, reason };
            let (code, score) = line.split_once('\t').ok_or_else(|| bad("expected code<TAB>goldstein".into()))?;
            if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad(format!("{code:?} is not a CAMEO event code")));
            }
            let score: f64 = score.trim().parse().map_err(|_| bad(format!("{score:?} is not a number")))?;
            if !(-10.0..=10.0).contains(&score) {
                return Err(bad(format!("{score} is outside -10..10")));
            }
            by_code.insert(code.to_string(), score);
        }
        Ok(Goldstein { by_code })
    }

    /// The score of a code; `None` for a code the table lacks (never its root's).
    pub fn score(&self, code: &str) -> Option<f64> {
        self.by_code.get(code).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_goldstein_table_covers_every_root_and_its_unspecified_code() {
        let g = Goldstein::builtin().unwrap();
        for root in 1..=20 {
            let code = format!("{root:02}");
            assert!(g.score(&code).is_some(), "{code}");
            assert!(g.score(&format!("{code}0")).is_some(), "{code}0");
        }
        assert_eq!(g.score("040"), Some(1.0));
        assert_eq!(g.score("190"), Some(-10.0));
        assert_eq!(g.score("0421"), None, "a code the table lacks gets no score, not its root's");
    }

    #[test]
    fn every_cameo_code_of_the_event_lexicons_has_a_goldstein_score() {
        let g = Goldstein::builtin().unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/events");
        let mut checked = 0;
        for file in ["triggers.tsv", "cameo_verbs.tsv"] {
            let Ok(text) = std::fs::read_to_string(dir.join(file)) else { continue };
            for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
                let Some(code) = line.split('\t').nth(3).filter(|c| *c != "-") else { continue };
                // a root-only code is written as its "not specified below" code
                let code = if code.len() == 2 { format!("{code}0") } else { code.to_string() };
                assert!(g.score(&code).is_some(), "{file}: CAMEO {code} has no Goldstein score in data/cameo/goldstein.tsv");
                checked += 1;
            }
        }
        assert!(checked > 100, "{checked}");
    }

    #[test]
    fn a_bad_goldstein_line_names_file_and_line() {
        let e = Goldstein::parse("x.tsv", "# c\n04\t1.0\n05\tmany\n").unwrap_err();
        assert_eq!(e.to_string(), "x.tsv line 3: \"many\" is not a number");
    }

    #[test]
    fn places_resolve_entity_ids() {
        let p = Places::new([("geonames-745044".to_string(), PlacePoint { lat: 41.0, lon: 28.9, iso3: "TUR".into() })]);
        assert_eq!(p.of_entity("e:geonames-745044").map(|p| p.lat), Some(41.0));
        assert_eq!(p.geonames_id("e:geonames-745044"), Some("745044"));
        assert!(p.of_entity("e:TUR").is_none());
    }

    #[test]
    fn an_event_s_resolved_place_comes_before_its_location() {
        let places = Places::new([("geonames-745044".to_string(), PlacePoint { lat: 41.0, lon: 28.9, iso3: "TUR".into() })]);
        let catalog = crate::records::Catalog::default();
        let placed = serde_json::json!({
            "location": "e:geonames-745044",
            "place": {"name": "Tripoli", "geonames_id": 2210247, "country": "LBY", "lat": 32.9, "lon": 13.2, "basis": "dateline"}
        });
        let p = EventPlace::of(&placed, &catalog, &places).unwrap();
        assert_eq!((p.name.as_str(), p.country.as_deref(), p.point, p.geonames_id.as_deref()), ("Tripoli", Some("LBY"), Some((32.9, 13.2)), Some("2210247")));
        // a store written before places: the location entity, resolved
        let old = serde_json::json!({"location": "e:geonames-745044", "place": null});
        let p = EventPlace::of(&old, &catalog, &places).unwrap();
        assert_eq!((p.country.as_deref(), p.point, p.geonames_id.as_deref()), (Some("TUR"), Some((41.0, 28.9)), Some("745044")));
        assert!(EventPlace::of(&serde_json::json!({"location": null}), &catalog, &places).is_none());
    }
}
