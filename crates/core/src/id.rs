use serde::{Deserialize, Serialize};
use std::fmt;

/// A document id, derived from a hash of the document's normalised text so
/// that re-ingesting the same article yields the same id. Displays as `d:…`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DocId(String);

impl DocId {
    /// The id of a text: 16 hex digits of BLAKE3 over [`normalise_for_id`].
    pub fn from_text(text: &str) -> DocId {
        let hash = blake3::hash(normalise_for_id(text).as_bytes());
        DocId(format!("d:{}", &hash.to_hex()[..16]))
    }

    /// Wraps an id string read back from the store or a user (`d:` prefix added if missing).
    pub fn parse(s: &str) -> DocId {
        if s.starts_with("d:") {
            DocId(s.to_string())
        } else {
            DocId(format!("d:{s}"))
        }
    }

    /// The id as a string, with its `d:` prefix.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The text form that ids hash: line endings unified, runs of whitespace
/// collapsed to one space, ends trimmed. Two saves of the same article that
/// differ only in spacing or CRLF get the same id.
pub fn normalise_for_id(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.chars() {
        if ch.is_whitespace() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_ignores_whitespace_and_line_endings_only() {
        let a = DocId::from_text("Talks ended.\r\n\r\nBoth sides  met.");
        let b = DocId::from_text("  Talks ended.\n\nBoth sides met.\n");
        let c = DocId::from_text("Talks ended. Both sides met again.");
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(a.as_str().starts_with("d:") && a.as_str().len() == 18);
    }
}
