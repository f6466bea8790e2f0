//! Speaker phrases of reported speech read with the dependency tree, on
//! invented news sentences (sentences, syntax, times and quotes, no mention
//! layer: only the speaker phrase as written is checked).
use chronicle_core::{DocId, Document, InputFormat, Metadata};

fn quotes(text: &str) -> Vec<(String, String)> {
    let mut doc = Document::new(DocId::from_text(text), "t".into(), InputFormat::Text, vec![], text.into(), text.into(), Metadata::default());
    chronicle_language::sentence::annotate(&mut doc);
    chronicle_syntax::Syntax::builtin().expect("syntax weights").annotate(&mut doc);
    chronicle_language::time::annotate(&mut doc);
    chronicle_language::quote::annotate(&mut doc);
    doc.quotes.iter().map(|q| (q.span.text(text).to_string(), q.speaker_text.clone().unwrap_or_default())).collect()
}

fn speaker_of(text: &str, content: &str) -> String {
    let qs = quotes(text);
    // the quote whose words are exactly `content`, else the first holding them
    qs.iter().find(|(c, _)| c == content).or_else(|| qs.iter().find(|(c, _)| c.contains(content))).map(|(_, s)| s.clone()).unwrap_or_else(|| panic!("no quote with {content:?} in {qs:?}"))
}

#[test]
fn a_party_and_state_tag_stays_in_the_speaker() {
    let t = "Rep. Ann Lee (R-S.C.) said that the claim smacked of hypocrisy.";
    assert_eq!(speaker_of(t, "smacked"), "Rep. Ann Lee (R-S.C.)");
}

#[test]
fn a_name_before_an_apposition_is_no_reported_clause() {
    let t = "Rep. Ann Lee (R-Ohio), a member of the oversight panel, said the rules were broken.";
    let qs = quotes(t);
    assert!(qs.iter().all(|(c, _)| c != "Rep. Ann Lee (R-Ohio)"), "{qs:?}");
    assert_eq!(speaker_of(t, "rules were broken"), "Rep. Ann Lee (R-Ohio), a member of the oversight panel");
}

#[test]
fn a_time_hung_on_the_speaker_is_not_part_of_it() {
    let t = "Senator Brown on Tuesday said the tax plan would fail.";
    assert_eq!(speaker_of(t, "the tax plan would fail"), "Senator Brown");
}

#[test]
fn a_noun_predicate_holds_no_view_its_subject_does() {
    let t = "Senator Brown said the claim was unfair, because Democrats have been at the forefront of questioning the agency's decisions.";
    assert_eq!(speaker_of(t, "the agency's decisions"), "Democrats");
}

#[test]
fn a_verb_is_no_speaker_when_the_cue_is_a_noun() {
    // "faces calls for": the calls are a noun the verb takes, no one speaks
    let t = "Anger grew at the mining firm, which faces calls for its Peruvian mines to be seized.";
    let qs = quotes(t);
    assert!(qs.iter().all(|(_, s)| s != "faces"), "{qs:?}");
    // a cue verb keeps its speaker
    assert_eq!(speaker_of("The ministry calls for the mines to be seized.", "the mines to be seized"), "The ministry");
}
