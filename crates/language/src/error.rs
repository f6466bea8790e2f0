//! Errors of the language layer.
use thiserror::Error;

/// A data file of the language layer could not be loaded.
#[derive(Debug, Error)]
pub enum LanguageError {
    /// A line of a data file is malformed.
    #[error("{file}:{line}: {reason}")]
    BadData {
        /// The data file.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// A data file could not be read.
    #[error("{file}: {source}")]
    Io {
        /// The data file.
        file: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The syntax models could not be loaded.
    #[error(transparent)]
    Syntax(#[from] chronicle_syntax::SyntaxError),
}
