//! Fixtures shared by the language crate's integration tests.

use chronicle_core::{DocId, Document, InputFormat, Metadata};
use chronicle_language::Language;
use std::sync::LazyLock;

/// The built-in language layer, loaded once per test binary.
pub static LANG: LazyLock<Language> = LazyLock::new(|| Language::load().expect("language data loads"));

/// `body` as a document with sentences, tokens, syntax and entities, parsed
/// as in production (no times, quotes or events).
#[allow(dead_code)]
pub fn annotate(body: &str) -> Document {
    annotate_with(body, Metadata::default())
}

/// [`annotate`] for a document published on `day` (`YYYY-MM-DD`).
#[allow(dead_code)]
pub fn annotate_on(body: &str, day: &str) -> Document {
    let mut meta = Metadata::default();
    meta.published.date = chronicle_core::UncertainDate::day(day.parse().expect("a YYYY-MM-DD day"));
    annotate_with(body, meta)
}

fn annotate_with(body: &str, meta: Metadata) -> Document {
    let mut doc = Document::new(DocId::from_text(body), "t".into(), InputFormat::Text, Vec::new(), body.into(), body.into(), meta);
    LANG.annotate_sentences(&mut doc);
    LANG.ner.annotate(&LANG.kb, &mut doc);
    doc
}
