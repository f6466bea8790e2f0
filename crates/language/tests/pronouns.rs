//! Pronouns resolved to the persons they stand for, through the real
//! language layer (tagger, parser, quotes). Made-up names.
mod common;

use chronicle_core::{DocId, Document, InputFormat, Metadata, MentionSource};
use common::LANG;

/// `body` through the whole language layer (quotes included).
fn annotate(body: &str) -> Document {
    let mut doc = Document::new(DocId::from_text(body), "t".into(), InputFormat::Text, Vec::new(), body.into(), body.into(), Metadata::default());
    LANG.annotate(&mut doc);
    doc
}

/// (pronoun, canonical name) of every resolved pronoun.
fn resolved(doc: &Document) -> Vec<(String, String)> {
    doc.mentions
        .iter()
        .filter(|m| m.source == MentionSource::Pronoun)
        .map(|m| (m.span.text(doc.body()).to_string(), m.canonical.clone()))
        .collect()
}

#[test]
fn the_first_person_in_a_quotation_is_its_speaker() {
    let doc = annotate("\"I will not resign and my ministers will stay,\" Kamal Barizi told reporters on Monday.");
    assert_eq!(resolved(&doc), vec![("I".to_string(), "Kamal Barizi".to_string()), ("my".to_string(), "Kamal Barizi".to_string())], "{:#?}", doc.quotes);
    // outside a quotation "I" is the writer: no one the story names
    let doc = annotate("I met Kamal Barizi in Nairobi on Monday.");
    assert_eq!(resolved(&doc), vec![]);
}

#[test]
fn it_as_the_subject_of_a_verb_only_a_party_does_is_the_party_before_it() {
    // the previous sentence's subject organisation urges; what threatens may be a thing
    let doc = annotate("The United Nations said the talks had failed. It also urged both sides to return to the table.");
    assert!(resolved(&doc).contains(&("It".to_string(), "United Nations".to_string())), "{:?}", resolved(&doc));
    let doc = annotate("The United Nations said the flood was spreading. It also threatened the fishing grounds of Chile.");
    assert!(!resolved(&doc).iter().any(|(p, _)| p == "It"), "{:?}", resolved(&doc));
}
