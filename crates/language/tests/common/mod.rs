//! Fixtures shared by the language crate's integration tests.

use chronicle_core::{DocId, Document, InputFormat, Metadata};
use chronicle_language::Language;
use std::sync::LazyLock;

/// The built-in language layer, loaded once per test binary.
pub static LANG: LazyLock<Language> = LazyLock::new(|| Language::load().expect("language data loads"));

/// `body` as a document with sentences, tokens, syntax and entities, parsed
/// as in production (no times, quotes or events).
pub fn annotate(body: &str) -> Document {
    let mut doc = Document::new(DocId::from_text(body), "t".into(), InputFormat::Text, Vec::new(), body.into(), body.into(), Metadata::default());
    LANG.annotate_sentences(&mut doc);
    LANG.ner.annotate(&LANG.kb, &mut doc);
    doc
}
