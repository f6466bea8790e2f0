use thiserror::Error;

/// Errors raised by the document model when an invariant would break.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum CoreError {
    /// A span does not fit the text it claims to cover.
    #[error("span {start}..{end} is invalid for a text of {len} bytes (out of range, reversed, or not on a character boundary)")]
    BadSpan {
        /// Start byte offset.
        start: usize,
        /// End byte offset (exclusive).
        end: usize,
        /// Length of the text in bytes.
        len: usize,
    },
    /// A date string could not be parsed.
    #[error("invalid date {0:?}: expected YYYY, YYYY-MM or YYYY-MM-DD")]
    BadDate(String),
}
