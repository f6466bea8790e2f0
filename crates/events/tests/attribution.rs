//! Who claims an event (issue 13, docs/ANNOTATION.md "attribution"), read
//! from the tree on invented sentences through the real language layer: a
//! speaker claims what a clause of theirs reports, the innermost speaker a
//! nested report; a speech act's own circumstances — its object, an adjunct,
//! a participle hung on it — are told in the outlet's voice.
//! Needs the `language` feature.
#![cfg(feature = "language")]

mod common;

use common::{coded, triggered};

/// The attribution of the one event triggered by `word` in `text`.
fn attribution(text: &str, word: &str) -> Option<String> {
    let doc = coded(text);
    let events = triggered(&doc, word);
    assert_eq!(events.len(), 1, "one event for '{word}' in {text:?}: {:?}", doc.events);
    events[0].attributed_to.clone()
}

#[test]
fn a_claim_reported_by_a_clause_is_its_speakers() {
    assert_eq!(attribution("Ukraine accused Russia of shelling the city.", "shelling").as_deref(), Some("Ukraine"));
    // nested reports: the innermost speaker makes the claim
    assert_eq!(attribution("Officials said Moscow accused Kyiv of attacking the plant.", "attacking").as_deref(), Some("Moscow"));
}

#[test]
fn a_speech_acts_own_circumstances_are_the_outlets() {
    for (text, word) in [
        ("Mexico has issued strongly worded statements over the past few days condemning Beijing's actions.", "condemning"),
        ("The Republicans were quick to criticise the address, with party chairman Michael Steele accusing Obama of exploiting the crisis.", "accusing"),
        ("Last month Venezuela pledged to sue Colombia, alleging it had misled the court about the border.", "alleging"),
    ] {
        assert_eq!(attribution(text, word), None, "{text}");
    }
}
