//! The built-in knowledge base: date-ranged offices, folding, gazetteer.
use chrono::NaiveDate;
use chronicle_language::kb::{fold, Kb};
use std::sync::LazyLock;

static KB: LazyLock<Kb> = LazyLock::new(|| Kb::builtin().expect("built-in KB loads"));

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn ids(v: Vec<&chronicle_language::kb::Person>) -> Vec<&str> {
    v.into_iter().map(|p| p.id.as_str()).collect()
}

#[test]
fn office_holders_change_with_the_date() {
    let before = ids(KB.holders_of("UKR", "defence minister", d("2022-06-01")));
    let after = ids(KB.holders_of("UKR", "Defense Minister", d("2024-06-01")));
    assert_eq!(before.len(), 1);
    assert_eq!(after.len(), 1);
    assert_ne!(before, after);
    let id = after[0];
    assert!(KB.offices_of(id, d("2024-06-01")).iter().any(|o| o.office == "defence minister" && o.iso3 == "UKR"));
    assert!(KB.offices_of(before[0], d("2024-06-01")).iter().all(|o| o.office != "defence minister" || o.iso3 != "UKR"));
}

#[test]
fn names_fold_diacritics_and_transliterations() {
    assert_eq!(fold("Erdoğan"), fold("Erdogan"));
    assert_eq!(fold("Zelenskyy"), fold("Zelenskiy"));
    let a = KB.persons_named("Recep Tayyip Erdoğan");
    let b = KB.persons_named("RECEP TAYYIP ERDOGAN");
    assert_eq!(a.len(), 1);
    assert_eq!(a, b);
    assert!(!KB.persons_with_surname("Erdogan").is_empty());
}

#[test]
fn countries_resolve_from_names_demonyms_capitals_and_metonyms() {
    for (name, iso3) in [("Kiev", "UKR"), ("Kyiv", "UKR"), ("Ukrainians", "UKR"), ("the Kremlin", "RUS"), ("Britain", "GBR"), ("U.S.", "USA")] {
        assert_eq!(KB.country_of_name(name).map(|c| c.iso3.as_str()), Some(iso3), "{name}");
    }
    assert!(KB.country_of_name("Atlantis").is_none());
}
