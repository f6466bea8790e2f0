//! The persisted form of the link indexes: rows of (space, key, value).
//!
//! An index records which of its entries a change touched; [`StateRow`]s of
//! those entries are what the pipeline writes in the same store transaction as
//! the documents that changed them, so a batch's documents and its link state
//! are committed together. Loading replays the rows into the index. A space
//! names the kind of entry (`dup.doc`, `story.df`, …), the key the entry inside
//! it; the value is the entry as JSON. Rows of a space are independent of each
//! other and small, so writing a batch's rows costs what the batch touched, not
//! what the store holds.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::LinkError;

/// One entry of an index's persisted state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StateRow {
    /// Which kind of entry (`dup.doc`, `story.df`, …).
    pub space: &'static str,
    /// The entry inside the space.
    pub key: String,
    /// The entry, JSON.
    pub value: String,
}

impl StateRow {
    /// A row whose value is `value` as JSON.
    pub(crate) fn new(space: &'static str, key: impl Into<String>, value: &impl Serialize) -> StateRow {
        // Index entries are numbers, strings, vectors and maps with string or
        // number keys: serialising them cannot fail.
        let value = serde_json::to_string(value).unwrap_or_else(|_| "null".into());
        StateRow { space, key: key.into(), value }
    }
}

/// Decodes one row's value.
pub(crate) fn decode<T: DeserializeOwned>(space: &str, key: &str, value: &str) -> Result<T, LinkError> {
    serde_json::from_str(value).map_err(|e| bad(space, key, e))
}

/// Parses a numeric key.
pub(crate) fn number_key<T: std::str::FromStr>(space: &str, key: &str) -> Result<T, LinkError> {
    key.parse().map_err(|_| bad(space, key, "not a number"))
}

pub(crate) fn bad(space: &str, key: &str, reason: impl std::fmt::Display) -> LinkError {
    LinkError::BadState { space: space.to_string(), key: key.to_string(), reason: reason.to_string() }
}
