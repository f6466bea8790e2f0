//! Countries stated by affiliation for persons no table knows, shared by
//! the later mentions of the name; and the unknown kept when nothing states
//! one. Made-up names, parsed as in production.
mod common;

use chronicle_core::{Document, EntityType};
use common::annotate;

/// The countries of the person mentions whose text contains `name`.
fn countries(doc: &Document, name: &str) -> Vec<Option<String>> {
    let found: Vec<Option<String>> = doc
        .mentions
        .iter()
        .filter(|m| m.entity_type == EntityType::Person && m.span.text(doc.body()).contains(name))
        .map(|m| m.country.clone())
        .collect();
    assert!(!found.is_empty(), "no person {name}: {:#?}", doc.mentions);
    found
}

#[test]
fn an_apposition_states_the_country_and_later_mentions_share_it() {
    let doc = annotate("Omar Hariza, a spokesman for the Libyan rebels, said the town had fallen. Hariza said more fighters were coming.");
    assert_eq!(countries(&doc, "Hariza"), vec![Some("LBY".to_string()); 2], "{:#?}", doc.mentions);
}

#[test]
fn nationality_and_role_words_before_the_name_state_it() {
    let doc = annotate("Syrian opposition leader Kamal Barizi called for a ceasefire on Monday.");
    assert_eq!(countries(&doc, "Barizi"), vec![Some("SYR".to_string())], "{:#?}", doc.mentions);
}

#[test]
fn an_of_phrase_after_the_name_states_it() {
    let doc = annotate("Kamal Barizi of Syria told reporters that the talks had failed.");
    assert_eq!(countries(&doc, "Barizi"), vec![Some("SYR".to_string())], "{:#?}", doc.mentions);
}

#[test]
fn the_story_country_alone_gives_no_country() {
    let doc = annotate("Fighting continued in Libya on Sunday. Omar Hariza said the town had fallen.");
    assert_eq!(countries(&doc, "Hariza"), vec![None], "{:#?}", doc.mentions);
    let two = annotate("Omar Hariza, an adviser to the French and British governments, said the talks would go on.");
    assert_eq!(countries(&two, "Hariza"), vec![None], "two countries stated: {:#?}", two.mentions);
}

#[test]
fn a_topic_or_a_noun_that_names_no_role_states_nothing() {
    let expert = annotate("Omar Hariza, an expert on Libya, said the talks would fail.");
    assert_eq!(countries(&expert, "Hariza"), vec![None], "{:#?}", expert.mentions);
    let concerts = annotate("Fans queued for the London concerts Omar Hariza announced last week.");
    assert_eq!(countries(&concerts, "Hariza"), vec![None], "{:#?}", concerts.mentions);
}

#[test]
fn a_from_phrase_whose_name_modifies_another_noun_states_nothing() {
    // the nationality belongs to the noun after it, not to the organisation before `from`
    let doc = annotate("The tanker, chartered by Norvik from Danish shipping group Maersk, sank on Friday.");
    let norvik: Vec<Option<String>> = doc.mentions.iter().filter(|m| m.span.text(doc.body()) == "Norvik").map(|m| m.country.clone()).collect();
    assert!(!norvik.is_empty(), "{:#?}", doc.mentions);
    assert!(norvik.iter().all(|c| c.as_deref() != Some("DNK")), "{:#?}", doc.mentions);
    let of = annotate("Kamal Barizi of the Syrian opposition told reporters that the talks had failed.");
    assert_eq!(countries(&of, "Barizi"), vec![Some("SYR".to_string())], "{:#?}", of.mentions);
}

/// The (country, sector) of the person mentions whose text contains `name`.
fn codes(doc: &Document, name: &str) -> Vec<(Option<String>, Option<String>)> {
    let found: Vec<_> = doc
        .mentions
        .iter()
        .filter(|m| m.entity_type == EntityType::Person && m.span.text(doc.body()).contains(name))
        .map(|m| (m.country.clone(), m.sector.clone()))
        .collect();
    assert!(!found.is_empty(), "no person {name}: {:#?}", doc.mentions);
    found
}

#[test]
fn an_apposition_set_off_by_commas_names_whom_the_person_works_for() {
    let code = |c: &str, s: &str| (Some(c.to_string()), Some(s.to_string()));
    // an article and commas make any noun an apposition that says who the person is
    let doc = annotate("Kamal Barizi, a senior Pentagon policy analyst, rejected the plan.");
    assert_eq!(codes(&doc, "Barizi"), vec![code("USA", "MIL")], "{:#?}", doc.mentions);
    let doc = annotate("Kamal Barizi, an analyst at the Pentagon, rejected the plan.");
    assert_eq!(codes(&doc, "Barizi"), vec![code("USA", "MIL")], "{:#?}", doc.mentions);
    // the role noun first, the name after it (parsed as a second subject, or hung on the organisation)
    let doc = annotate("A spokesman for the Pentagon, Kamal Barizi, rejected the plan.");
    assert_eq!(codes(&doc, "Barizi"), vec![code("USA", "MIL")], "{:#?}", doc.mentions);
    let doc = annotate("A spokesman for BP, Scott Dean, rejected the plan.");
    assert_eq!(codes(&doc, "Dean"), vec![code("GBR", "BUS")], "{:#?}", doc.mentions);
}

#[test]
fn later_mentions_of_a_name_share_the_sector_its_apposition_states() {
    let doc = annotate("Scott Dean, a spokesman for the Pentagon, spoke on Friday. Dean rejected the plan.");
    let code = (Some("USA".to_string()), Some("MIL".to_string()));
    assert_eq!(codes(&doc, "Dean"), vec![code.clone(), code], "{:#?}", doc.mentions);
}

#[test]
fn a_party_and_state_tag_after_a_lawmaker_is_no_organisation() {
    let doc = annotate("Rep. Dan Kildee (D-Mich.) accused the Interior Department of negligence.");
    assert!(doc.mentions.iter().all(|m| !m.span.text(doc.body()).contains("D-Mich")), "{:#?}", doc.mentions);
    assert_eq!(countries(&doc, "Kildee"), vec![Some("USA".to_string())], "{:#?}", doc.mentions);
}
