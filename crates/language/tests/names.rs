//! Names whose reading the words around them decide: kinship appositions,
//! faith words, a family name the tagger read as a place, a show named
//! after a person. Made-up sentences, parsed as in production.
mod common;

use chronicle_core::{Document, EntityType};
use common::annotate;

/// (type, canonical, kb id, country) of every mention whose text is `text`.
fn all(doc: &Document, text: &str) -> Vec<(EntityType, String, Option<String>, Option<String>)> {
    doc.mentions
        .iter()
        .filter(|m| m.span.text(doc.body()) == text)
        .map(|m| (m.entity_type, m.canonical.clone(), m.kb_id.clone(), m.country.clone()))
        .collect()
}

#[test]
fn a_son_named_beside_his_father_is_his_own_person_with_the_family_name() {
    let doc = annotate("Former president Hosni Mubarak's son Gamal was questioned by prosecutors. Gamal, a son of Mubarak, denied the charges.");
    let gamal = all(&doc, "Gamal");
    assert_eq!(gamal.len(), 2, "{:#?}", doc.mentions);
    for (ty, canonical, kb, country) in gamal {
        assert_eq!((ty, canonical.as_str(), kb, country.as_deref()), (EntityType::Person, "Gamal Mubarak", None, Some("EGY")));
    }
    let mubarak = all(&doc, "Mubarak");
    assert_eq!(mubarak[0].0, EntityType::Person, "the family name of a person named before is that person: {mubarak:?}");
}

#[test]
fn a_relative_never_takes_a_knowledge_base_person_of_the_same_name() {
    // "Khamis" alone is the surname of a Syrian prime minister in the knowledge base
    let alone = annotate("Khamis visited the port on Monday.");
    assert!(all(&alone, "Khamis").iter().any(|m| m.2.is_some()), "the surname alone links: {:#?}", alone.mentions);
    let doc = annotate("Mustafa Hamid's son Khamis visited the port on Monday. His brother Khamis said little.");
    for (ty, canonical, kb, _) in all(&doc, "Khamis") {
        assert_eq!((ty, kb), (EntityType::Person, None), "{canonical}");
    }
    assert_eq!(all(&doc, "Khamis")[0].1, "Khamis Hamid");
}

#[test]
fn faith_words_are_groups_and_a_show_is_no_person() {
    let doc = annotate("Attacks on Muslims and Shiites were condemned. The minister told the Andrew Marr Show that talks would go on.");
    assert_eq!(all(&doc, "Muslims").first().map(|m| m.0), Some(EntityType::Group), "{:#?}", doc.mentions);
    assert_eq!(all(&doc, "Shiites").first().map(|m| m.0), Some(EntityType::Group), "{:#?}", doc.mentions);
    let show: Vec<_> = doc.mentions.iter().filter(|m| m.span.text(doc.body()).contains("Marr")).map(|m| m.entity_type).collect();
    assert!(!show.is_empty() && show.iter().all(|t| *t != EntityType::Person), "{:#?}", doc.mentions);
}

#[test]
fn a_bare_surname_is_the_home_countrys_leader_not_an_unknown_namesake_named_in_full() {
    // news names its own country's head of state by surname alone; a relative named
    // in full whom no table knows does not take those mentions
    let body = "Gertrude Zuma opened a clinic on Sunday. Zuma met South African ministers in Pretoria on Monday.";
    let doc = common::annotate_on(body, "2010-06-01");
    let zuma = all(&doc, "Zuma");
    assert_eq!(zuma.len(), 1, "{:#?}", doc.mentions);
    assert_eq!((zuma[0].1.as_str(), zuma[0].3.as_deref()), ("Jacob Zuma", Some("ZAF")), "{:#?}", doc.mentions);
    // undated, the leader cannot be told: the namesake named in full keeps the surname
    let doc = annotate(body);
    assert_eq!(all(&doc, "Zuma")[0].1, "Gertrude Zuma", "{:#?}", doc.mentions);
}

#[test]
fn a_countrys_letters_before_a_dollar_sign_name_the_currency() {
    for text in ["The bank will lend Kenya US $ 300m over five years.", "The fund pledged HK$ 2bn to the city."] {
        let doc = annotate(text);
        assert!(doc.mentions.iter().all(|m| !matches!(m.span.text(doc.body()), "US" | "HK")), "{text}: {:#?}", doc.mentions);
    }
    // the country itself stays a place
    let doc = annotate("The US sent $ 300m to Kenya.");
    assert_eq!(all(&doc, "US").len(), 1, "{:#?}", doc.mentions);
}

#[test]
fn a_name_after_a_storm_word_is_a_storms() {
    for text in ["Hurricane Gordon killed hundreds in Haiti in 1994.", "Tropical Storm Noel triggered mudslides in Haiti.", "Typhoon Haiyan hit the Philippines."] {
        let doc = annotate(text);
        assert!(doc.mentions.iter().all(|m| !matches!(m.span.text(doc.body()), "Gordon" | "Noel" | "Haiyan" | "Hurricane Gordon" | "Tropical Storm Noel" | "Typhoon Haiyan")), "{text}: {:#?}", doc.mentions);
        // the places it hit stay places
        assert!(doc.mentions.iter().any(|m| m.entity_type == chronicle_core::EntityType::Location), "{text}: {:#?}", doc.mentions);
    }
    // a person named Storm keeps the name
    let doc = annotate("British designer Storm Thorgerson met Tony Blair.");
    assert!(doc.mentions.iter().any(|m| m.span.text(doc.body()).contains("Thorgerson")), "{:#?}", doc.mentions);
}
