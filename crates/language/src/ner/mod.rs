//! Named-entity recognition (in progress).
use crate::{kb::Kb, LanguageError};
use chronicle_core::Document;

pub mod tagger;

/// Tagger plus rules.
pub struct Recognizer {}

impl Recognizer {
    /// Loads the built-in tagger weights.
    pub fn builtin() -> Result<Recognizer, LanguageError> {
        Ok(Recognizer {})
    }

    /// Fills `doc.mentions` and `doc.roles`.
    pub fn annotate(&self, _kb: &Kb, _doc: &mut Document) {}
}
