//! Errors of the event layer.

use thiserror::Error;

/// What can go wrong when loading the event lexicons.
#[derive(Debug, Error)]
pub enum EventsError {
    /// A line of a lexicon file could not be read.
    #[error("{file}:{line}: {reason}")]
    Lexicon {
        /// File name (`triggers.tsv`, or the user's path).
        file: String,
        /// 1-based line number.
        line: usize,
        /// Why.
        reason: String,
    },
    /// A user override file exists but could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}
