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
    /// Longer than the cleaner reads (`max_text_bytes`, `max_html_bytes`): no article is
    /// that long, and the analysis after cleaning grows with the text.
    #[error("{origin}: too long for an article: {why}")]
    TooLong {
        /// Where the page came from.
        origin: String,
        /// The size and the limit.
        why: String,
    },
    /// The parsed page nests deeper than the cleaner walks (`html_max_dom_depth`).
    #[error("{origin}: nested too deeply for an article: {why}")]
    TooDeep {
        /// Where the page came from.
        origin: String,
        /// The depth and the limit.
        why: String,
    },
    /// Cleaning the page panicked (here or in the HTML extractor): a bug, caught at the
    /// page so that the other pages of the batch are cleaned.
    #[error("{origin}: cleaning failed (a bug, please report it): {why}")]
    Panic {
        /// Where the page came from.
        origin: String,
        /// The panic's message, first line.
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

impl CleanError {
    /// Short key for counting rejections: `too-long` for a page over the size limits,
    /// `too-deep` for one nested beyond the DOM depth limit, `panic` for a caught panic, `no-text` for the others.
    pub fn kind(&self) -> &'static str {
        match self {
            CleanError::TooLong { .. } => "too-long",
            CleanError::TooDeep { .. } => "too-deep",
            CleanError::Panic { .. } => "panic",
            _ => "no-text",
        }
    }
}
