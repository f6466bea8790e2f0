use thiserror::Error;

/// Why a page could not be cleaned, or a configuration could not be read.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum CleanError {
    /// Nothing in the page looked like article text.
    #[error("{origin}: no article text found ({why})")]
    NoArticle {
        /// Where the page came from.
        origin: String,
        /// What the cleaner saw.
        why: String,
    },
    /// The HTML extractor failed.
    #[error("{origin}: HTML extraction failed: {why}")]
    Html {
        /// Where the page came from.
        origin: String,
        /// The extractor's message.
        why: String,
    },
    /// A settings or override file could not be read or parsed.
    #[error("{file}:{line}: {why}")]
    Config {
        /// The file.
        file: String,
        /// Line number (1-based; 0 when unknown).
        line: usize,
        /// The problem.
        why: String,
    },
}
