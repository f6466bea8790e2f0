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
