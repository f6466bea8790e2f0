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

/// Rows with later entries replacing earlier ones, as the store's upsert keeps
/// them, in (space, key) order (for tests that replay a store's catch-up).
#[cfg(test)]
pub(crate) fn latest(rows: &[StateRow]) -> Vec<(String, String, String)> {
    let mut out: std::collections::BTreeMap<(String, String), String> = std::collections::BTreeMap::new();
    for r in rows {
        out.insert((r.space.to_string(), r.key.clone()), r.value.clone());
    }
    out.into_iter().map(|((s, k), v)| (s, k, v)).collect()
}

/// Two writers taking turns on one store, for tests of catching up: each
/// batch's rows are logged, and a writer misses the rows logged since its own last batch.
#[cfg(test)]
#[derive(Default)]
pub(crate) struct TwoWriters {
    log: Vec<Vec<StateRow>>,
    seen: [usize; 2],
}

#[cfg(test)]
impl TwoWriters {
    /// The rows writer `w` has not seen, as the store would hand them over.
    pub(crate) fn missed(&self, w: usize) -> Vec<(String, String, String)> {
        latest(&self.log[self.seen[w]..].concat())
    }

    /// Writer `w` committed these rows.
    pub(crate) fn wrote(&mut self, w: usize, rows: Vec<StateRow>) {
        self.log.push(rows);
        self.seen[w] = self.log.len();
    }

    /// Every row written, as the store keeps them.
    pub(crate) fn all(&self) -> Vec<(String, String, String)> {
        latest(&self.log.concat())
    }
}
