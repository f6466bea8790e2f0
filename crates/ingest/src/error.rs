//! Why an input was not turned into a [`chronicle_core::RawInput`].

use std::fmt;

/// Why an input (a file, a JSONL line, a WARC record, a sidecar) was rejected.
///
/// The `Display` form is one line meant for the user; [`RejectReason::kind`]
/// is a short stable key for summaries.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RejectReason {
    /// No content, or only whitespace.
    #[error("empty: no content or only whitespace")]
    Empty,
    /// NUL bytes or a binary file signature in the first 8 KiB.
    #[error("binary content (NUL bytes or a binary file signature in the first 8 KiB)")]
    Binary,
    /// The bytes do not decode to plausible text in any encoding tried.
    #[error("invalid text encoding: {0}")]
    BadEncoding(String),
    /// Larger than the configured limit.
    #[error("too large: {} (limit {})", human_bytes(*bytes), human_bytes(*limit))]
    TooLarge {
        /// Size of the input in bytes.
        bytes: u64,
        /// The limit it exceeded.
        limit: u64,
    },
    /// The input stops in the middle (a cut `.warc.gz`, a WARC record cut short).
    #[error("truncated: {0}")]
    Truncated(String),
    /// The container is not well formed (bad JSON, bad WARC headers, bad sidecar).
    #[error("malformed: {0}")]
    Malformed(String),
    /// The path could not be read (missing, permission denied, symlink loop).
    #[error("unreadable: {0}")]
    Unreadable(String),
    /// A file whose extension names no format chronicle reads (the extension, lowercased, without dot).
    #[error("unknown extension `.{0}` (chronicle reads .txt, .html, .htm, .jsonl, .ndjson, .warc, .warc.gz and extension-less text)")]
    UnknownExtension(String),
    /// A FIFO, socket or device: refused before it is opened (opening a FIFO blocks
    /// until someone writes to it; a device never ends).
    #[error("not a regular file: {0}")]
    NotRegular(String),
    /// A record that carries no article text (a JSONL line without `text` or `html`).
    #[error("no article text (neither a `text` nor an `html` field)")]
    NoText,
}

impl RejectReason {
    /// Short key for summaries: `empty`, `binary`, `bad-encoding`, `too-large`,
    /// `truncated`, `malformed`, `unreadable`, `unknown-extension`, `not-regular`, `no-text`.
    pub fn kind(&self) -> &'static str {
        match self {
            RejectReason::Empty => "empty",
            RejectReason::Binary => "binary",
            RejectReason::BadEncoding(_) => "bad-encoding",
            RejectReason::TooLarge { .. } => "too-large",
            RejectReason::Truncated(_) => "truncated",
            RejectReason::Malformed(_) => "malformed",
            RejectReason::Unreadable(_) => "unreadable",
            RejectReason::UnknownExtension(_) => "unknown-extension",
            RejectReason::NotRegular(_) => "not-regular",
            RejectReason::NoText => "no-text",
        }
    }
}

/// One rejected input: where it was and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    /// The path, `path#L12` for a JSONL line, `path@OFFSET` for a WARC record.
    pub source: String,
    /// Why it was rejected.
    pub reason: RejectReason,
}

impl Rejection {
    /// A rejection of `source` for `reason`.
    pub fn new(source: impl Into<String>, reason: RejectReason) -> Rejection {
        Rejection { source: source.into(), reason }
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source, self.reason)
    }
}

/// `1234 bytes`, `3.2 KiB`, `200.0 MiB`, `1.5 GiB`.
fn human_bytes(n: u64) -> String {
    const KIB: f64 = 1024.0;
    let x = n as f64;
    if x < KIB {
        format!("{n} bytes")
    } else if x < KIB * KIB {
        format!("{:.1} KiB", x / KIB)
    } else if x < KIB * KIB * KIB {
        format!("{:.1} MiB", x / (KIB * KIB))
    } else {
        format!("{:.1} GiB", x / (KIB * KIB * KIB))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_stable_keys() {
        assert_eq!(RejectReason::Empty.kind(), "empty");
        assert_eq!(RejectReason::TooLarge { bytes: 1, limit: 0 }.kind(), "too-large");
        assert_eq!(RejectReason::UnknownExtension("png".into()).kind(), "unknown-extension");
        assert_eq!(RejectReason::NoText.kind(), "no-text");
    }

    #[test]
    fn display_is_one_line() {
        let r = RejectReason::TooLarge { bytes: 200 * 1024 * 1024, limit: 50 * 1024 * 1024 };
        assert_eq!(r.to_string(), "too large: 200.0 MiB (limit 50.0 MiB)");
        let j = Rejection::new("a.jsonl#L7", RejectReason::Malformed("JSONL line 7: expected a JSON object".into()));
        assert_eq!(j.to_string(), "a.jsonl#L7: malformed: JSONL line 7: expected a JSON object");
        for r in [RejectReason::Empty, RejectReason::Binary, RejectReason::NoText, RejectReason::UnknownExtension("png".into())] {
            assert!(!r.to_string().contains('\n'));
        }
    }
}
