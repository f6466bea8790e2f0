//! The knowledge base (not yet implemented).
use crate::LanguageError;

/// Countries, organisations, office holders.
pub struct Kb {}

impl Kb {
    /// Loads the built-in data files.
    pub fn builtin() -> Result<Kb, LanguageError> {
        Ok(Kb {})
    }
}
