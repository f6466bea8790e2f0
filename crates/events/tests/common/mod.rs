//! The harness the language-layer integration tests share: the real
//! language layer (tagger, parser, entities) and the built-in event coder,
//! loaded once per test binary.
#![allow(dead_code)]

use std::sync::LazyLock;

use chronicle_core::{Document, Event};
use chronicle_events::{eval::plain_document, EventCoder};
use chronicle_language::Language;

static LANGUAGE: LazyLock<Language> = LazyLock::new(|| Language::load().expect("language data"));
static CODER: LazyLock<EventCoder> = LazyLock::new(|| EventCoder::builtin().expect("event lexicon"));

/// `text` annotated by the language layer and coded.
pub fn coded(text: &str) -> Document {
    let mut doc = plain_document(text);
    LANGUAGE.annotate(&mut doc);
    CODER.code(&mut doc);
    doc
}

/// `text` published on `day` (YYYY-MM-DD), annotated and coded.
pub fn coded_on(text: &str, day: &str) -> Document {
    let mut doc = plain_document(text);
    let day = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").expect("a YYYY-MM-DD day");
    doc.meta.published = chronicle_core::PublishedDate { date: chronicle_core::UncertainDate::day(day), basis: chronicle_core::DateBasis::Explicit };
    LANGUAGE.annotate(&mut doc);
    CODER.code(&mut doc);
    doc
}

/// The events whose trigger is `word`.
pub fn triggered<'a>(doc: &'a Document, word: &str) -> Vec<&'a Event> {
    doc.events.iter().filter(|e| e.trigger.text(doc.body()) == word).collect()
}
