//! Errors of the syntax step: each names the file (and line) and the reason.

/// What went wrong loading, reading or training.
#[derive(Debug, thiserror::Error)]
pub enum SyntaxError {
    /// A file could not be read or written.
    #[error("{file}: {source}")]
    Io {
        /// The file.
        file: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A CoNLL-U or lexicon line is malformed.
    #[error("{file}:{line}: {reason}")]
    BadData {
        /// The file.
        file: String,
        /// 1-based line number (0 when not known).
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// A weights file is not in the expected format.
    #[error("{file}: bad weights: {reason}")]
    BadWeights {
        /// The file.
        file: String,
        /// What is wrong.
        reason: String,
    },
}

impl SyntaxError {
    pub(crate) fn io(file: &std::path::Path, source: std::io::Error) -> SyntaxError {
        SyntaxError::Io { file: file.display().to_string(), source }
    }
}
