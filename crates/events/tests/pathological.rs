//! Pathological inputs through the language layer and the event coder (#17): each
//! was quadratic (or worse) in the old code and is linear now. Sized so the old code
//! took seconds to minutes; the assertions are on behaviour, never on time.
#![cfg(feature = "language")]

use std::sync::LazyLock;

use chronicle_core::{DateBasis, Document, EntityType, PublishedDate, UncertainDate};
use chronicle_events::{eval::plain_document, EventCoder};
use chronicle_language::Language;

static LANGUAGE: LazyLock<Language> = LazyLock::new(|| Language::load().expect("language data"));
static CODER: LazyLock<EventCoder> = LazyLock::new(|| EventCoder::builtin().expect("event lexicon"));

fn coded(text: &str) -> Document {
    let mut doc = plain_document(text);
    doc.meta.published =
        PublishedDate { date: UncertainDate::parse_value("2024-03-06").expect("a date"), basis: DateBasis::Explicit };
    LANGUAGE.annotate(&mut doc);
    CODER.code(&mut doc);
    doc
}

#[test]
fn held_on_monday_ten_thousand_times_in_one_run() {
    // One unpunctuated run: cut into sentences of the budget, every Monday dated.
    let text = format!("The talks were {}.", "held on Monday ".repeat(10_000));
    let doc = coded(&text);
    let max = chronicle_language::sentence::max_sentence_tokens();
    let ranges = doc.sentence_token_ranges();
    assert!(ranges.iter().all(|r| r.len() <= max), "no sentence over {max} tokens");
    assert_eq!(doc.tokens.len(), 30_004);
    assert_eq!(doc.times.len(), 10_000);
    assert!(doc.times.iter().all(|t| t.value.as_deref() == Some("2024-03-04")), "{:?}", doc.times.first());
}

#[test]
fn held_on_monday_in_thousands_of_sentences() {
    // Regression: the coder scanned every time expression of the document per trigger.
    let text = "The talks between Iran and Iraq were held on Monday in Geneva. ".repeat(6_000);
    let doc = coded(&text);
    assert_eq!(doc.sentences.len(), 6_000);
    assert_eq!(doc.events.len(), 6_000);
    assert!(doc.events.iter().all(|e| e.date.value.as_deref() == Some("2024-03-04")), "{:?}", doc.events.first().map(|e| &e.date));
    // the place names were resolved through a list of every place named (quadratic)
    let iran = doc.mentions.iter().filter(|m| m.entity_type == EntityType::Location && m.country.as_deref() == Some("IRN")).count();
    assert_eq!(iran, 6_000);
}

#[test]
fn thousands_of_quotations_on_one_line() {
    // Regression: each quotation searched to the end of its line and scanned every
    // quotation and mention of the document.
    let n = 4_000;
    let text = "\"We will attack the rebels on Monday,\" said Prime Minister John Smith. ".repeat(n);
    let doc = coded(&text);
    assert_eq!(doc.quotes.len(), n);
    assert!(doc.quotes.iter().all(|q| q.direct && q.speaker_text.as_deref() == Some("Prime Minister John Smith")));
}
