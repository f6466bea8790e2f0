//! Codes of entities on unseen news: a country or capital inside an
//! organisation's name is its country only where it names it (opening the
//! name, after "of", the second of two words), not as a word of another name.
//! Made-up sentences, annotated as in production.
mod common;

use chronicle_core::Document;
use common::annotate;

/// (text, country) of every mention.
fn countries(doc: &Document) -> Vec<(String, Option<String>)> {
    doc.mentions.iter().map(|m| (m.span.text(doc.body()).to_string(), m.country.clone())).collect()
}

#[test]
fn a_country_word_inside_another_name_is_not_the_organisations_country() {
    let doc = annotate("Militants bombed the Shell Trans Niger Pipeline near Port Harcourt on Monday.");
    let found = countries(&doc);
    assert!(!found.iter().any(|(t, c)| t.contains("Trans Niger") && c.as_deref() == Some("NER")), "{found:?}");
}

#[test]
fn a_country_ending_a_name_of_two_words_is_its_country() {
    let doc = annotate("The Kyiv City Administration closed schools on Thursday, and Air France cut flights.");
    let found = countries(&doc);
    assert!(found.iter().any(|(t, c)| t == "Air France" && c.as_deref() == Some("FRA")), "{found:?}");
}

/// (text, sector) of every person mention.
fn person_sectors(doc: &Document) -> Vec<(String, Option<String>)> {
    doc.mentions
        .iter()
        .filter(|m| m.entity_type == chronicle_core::EntityType::Person)
        .map(|m| (m.span.text(doc.body()).to_string(), m.sector.clone()))
        .collect()
}

#[test]
fn a_person_titled_in_a_company_is_of_its_sector() {
    let doc = annotate("Shell Oil Company chairman Marvin Odum met the governor on Monday.");
    let found = person_sectors(&doc);
    assert!(found.iter().any(|(t, s)| t.ends_with("Odum") && s.as_deref() == Some("BUS")), "{found:?} {:#?}", doc.mentions);
    let doc = annotate("Marvin Odum, chairman of Shell Oil Company, met the governor on Monday.");
    let found = person_sectors(&doc);
    assert!(found.iter().any(|(t, s)| t.ends_with("Odum") && s.as_deref() == Some("BUS")), "{found:?} {:#?}", doc.mentions);
    // a title alone says nothing: a chairman may chair a committee of parliament
    let doc = annotate("The chairman, Marvin Odum, met the governor on Monday.");
    let found = person_sectors(&doc);
    assert!(found.iter().all(|(_, s)| s.as_deref() != Some("BUS")), "{found:?}");
}

#[test]
fn a_department_before_a_title_is_no_organisation_hiding_the_person() {
    for body in ["Interior Secretary Ken Salazar visited Alabama on Monday.", "International Development Secretary Douglas Alexander met aid agencies on Thursday."] {
        let doc = annotate(body);
        let found = person_sectors(&doc);
        assert!(found.iter().any(|(t, s)| (t == "Ken Salazar" || t == "Douglas Alexander") && s.as_deref() == Some("GOV")), "{found:?} {:#?}", doc.mentions);
    }
}

#[test]
fn a_region_of_several_countries_is_no_one_country() {
    // "American" inside "Latin American" is no word for the United States
    let doc = annotate("Latin American and Central American ministers met in Quito, and American officials watched.");
    let found = countries(&doc);
    assert!(found.iter().all(|(t, c)| !(t.contains("Latin") || t.contains("Central")) || c.is_none()), "{found:?}");
    assert!(found.iter().any(|(t, c)| t == "American" && c.as_deref() == Some("USA")), "{found:?}");
}
