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
