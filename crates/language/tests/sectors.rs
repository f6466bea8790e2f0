//! Companies and charities get their sector from their name or the words
//! around it; a family name the text gives another given name keeps no
//! knowledge-base person's codes; "X administration" is X's government.
//! Made-up sentences, parsed as in production.
mod common;

use chronicle_core::{Document, EntityType};
use common::annotate;

/// (type, kb id, country, sector) of every mention whose text is `text`.
fn all(doc: &Document, text: &str) -> Vec<(EntityType, Option<String>, Option<String>, Option<String>)> {
    doc.mentions
        .iter()
        .filter(|m| m.span.text(doc.body()) == text)
        .map(|m| (m.entity_type, m.kb_id.clone(), m.country.clone(), m.sector.clone()))
        .collect()
}

#[test]
fn a_company_named_by_its_context_is_business_in_every_mention() {
    let doc = annotate("The shipping company Maersk cut 300 jobs in Denmark on Tuesday. Maersk also cancelled a contract with the navy.");
    let maersk = all(&doc, "Maersk");
    assert!(!maersk.is_empty(), "{:#?}", doc.mentions);
    for m in maersk.iter().filter(|m| m.0 == EntityType::Organization) {
        assert_eq!(m.3.as_deref(), Some("BUS"), "{maersk:?}");
    }
    let doc = annotate("Kestrel Mining Corp signed a deal with the government of Peru.");
    assert!(doc.mentions.iter().any(|m| m.canonical.ends_with("Kestrel Mining Corp") && m.sector.as_deref() == Some("BUS")), "{:#?}", doc.mentions);
    // the short name of a company named with its ending
    let doc = annotate("Kestrel Plc said on Monday it would sell its Chilean mines. Kestrel hired new lawyers in London.");
    let short: Vec<_> = all(&doc, "Kestrel").into_iter().filter(|m| m.0 == EntityType::Organization).collect();
    assert!(short.iter().all(|m| m.3.as_deref() == Some("BUS")), "{:#?}", doc.mentions);
}

#[test]
fn a_family_name_given_another_given_name_is_not_the_knowledge_base_person() {
    // Giorgio Napolitano (Italy) is the knowledge base's Napolitano
    let doc = annotate("Senator Laura Napolitano visited the border on Monday. Napolitano told reporters the fence would be finished.");
    for m in all(&doc, "Napolitano") {
        assert_ne!(m.1.as_deref(), Some("giorgio-napolitano"), "{:#?}", doc.mentions);
        assert_ne!(m.2.as_deref(), Some("ITA"), "{:#?}", doc.mentions);
    }
}

#[test]
fn a_persons_administration_is_that_persons_country() {
    let doc = annotate("Critics said the Obama administration had moved too slowly on the border.");
    for m in all(&doc, "Obama") {
        assert_ne!(m.2.as_deref(), Some("JPN"), "{:#?}", doc.mentions);
    }
}

/// The (country, sector) of the person mentions whose canonical name ends with `name`.
fn person_codes(doc: &Document, name: &str) -> Vec<(Option<String>, Option<String>)> {
    doc.mentions
        .iter()
        .filter(|m| m.entity_type == EntityType::Person && m.canonical.ends_with(name))
        .map(|m| (m.country.clone(), m.sector.clone()))
        .collect()
}

#[test]
fn a_title_before_a_name_gives_the_person_its_sector() {
    let doc = annotate("Ohio Gov. Marvin Keller signed the bill on Friday.");
    assert!(person_codes(&doc, "Keller").iter().any(|c| c.1.as_deref() == Some("GOV")), "{:#?}", doc.mentions);
    let doc = annotate("District Judge Alma Rutherford halted the deportations on Monday.");
    assert!(person_codes(&doc, "Rutherford").iter().any(|c| c.1.as_deref() == Some("JUD")), "{:#?}", doc.mentions);
    let doc = annotate("Sen. Walter Brandt asked the Pentagon for the documents.");
    assert!(person_codes(&doc, "Brandt").iter().any(|c| c.1.as_deref() == Some("LEG")), "{:#?}", doc.mentions);
    let doc = annotate("Chief executive Ingrid Salo told shareholders that profits would fall. Later, Salo apologized to them.");
    let salo = person_codes(&doc, "Salo");
    assert!(salo.len() >= 2 && salo.iter().all(|c| c.1.as_deref() == Some("BUS")), "every mention of her name: {:#?}", doc.mentions);
    // a spokesman may speak for a company or a government: no sector from the title
    let doc = annotate("Spokesman Peter Aldane said the talks would resume.");
    assert!(person_codes(&doc, "Aldane").iter().all(|c| c.1.is_none()), "{:#?}", doc.mentions);
}

#[test]
fn an_official_of_the_united_nations_is_of_an_international_body() {
    let doc = annotate("UN Secretary-General Ban Ki-moon appealed for calm on Sunday.", );
    let ban = person_codes(&doc, "Ban Ki-moon");
    assert!(!ban.is_empty(), "{:#?}", doc.mentions);
    // the mention layer names the organisation by its knowledge-base id; the coder writes it UNO
    assert!(ban.iter().all(|c| matches!(c.0.as_deref(), Some("un" | "UNO")) && c.1.as_deref() == Some("IGO")), "{ban:?}");
}

#[test]
fn an_administration_named_by_its_leader_is_of_the_leaders_country() {
    // the tagger takes the noun into the name, as an organisation or as a person
    for (text, country) in [("The Bush administration said it would veto the farm bill.", "USA"), ("Farm groups said the Sarkozy Administration had ignored their warnings.", "FRA")] {
        let doc = annotate(text);
        let government: Vec<_> = doc.mentions.iter().filter(|m| m.canonical.to_lowercase().ends_with(" administration")).collect();
        assert_eq!(government.len(), 1, "{:#?}", doc.mentions);
        let m = government[0];
        assert_eq!((m.entity_type, m.country.as_deref(), m.sector.as_deref()), (EntityType::Organization, Some(country), Some("GOV")), "{:#?}", doc.mentions);
    }
}

#[test]
fn a_title_in_apposition_with_a_party_and_a_constituency_gives_the_sector() {
    // "a Republican congressman from Ohio": the party word and the constituency belong to the title
    let doc = annotate("Marvin Keller, a Republican congressman from Ohio, criticised the plan.");
    assert!(person_codes(&doc, "Marvin Keller").iter().any(|c| c.1.as_deref() == Some("LEG")), "{:#?}", doc.mentions);
    let doc = annotate("Marvin Keller, a congressman from Ohio, criticised the plan.");
    assert!(person_codes(&doc, "Marvin Keller").iter().any(|c| c.1.as_deref() == Some("LEG")), "{:#?}", doc.mentions);
}
