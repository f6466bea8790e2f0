use std::path::PathBuf;

use thiserror::Error;

use crate::db::DbError;

/// Everything that can go wrong in the store or the export. Variants name the
/// file, document id or key involved and the reason.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The database file could not be opened or prepared.
    #[error("cannot open the store {}: {source}", path.display())]
    Open {
        /// The database file.
        path: PathBuf,
        /// The database's error.
        source: DbError,
    },
    /// A read found no store where it was pointed (nothing was created).
    #[error("no store at {address} (ingest first, or name one with --db)")]
    Missing {
        /// The file, or the database URL without its password.
        address: String,
    },
    /// A PostgreSQL address (URL, schema name) cannot be used.
    #[error("cannot use the store address {address}: {reason}")]
    Address {
        /// The address, without its password.
        address: String,
        /// Why.
        reason: String,
    },
    /// A SQL statement failed.
    #[error("store error while {context}: {source}")]
    Sql {
        /// What the store was doing ("writing d:…", "reading the document list").
        context: String,
        /// The database's error.
        source: DbError,
    },
    /// The file was written by a newer chronicle with a schema this one does not know.
    #[error("the store has schema version {found}, newer than the {supported} this chronicle knows; upgrade chronicle")]
    TooNew {
        /// Schema version found in the file.
        found: u32,
        /// Newest version this build supports.
        supported: u32,
    },
    /// The file (or PostgreSQL schema) is a database of something else (tables, but no chronicle schema).
    #[error("{} is a database, but not a chronicle store (it has tables of its own); refusing to change it", path.display())]
    Foreign {
        /// The database file.
        path: PathBuf,
    },
    /// The writer lock beside the store could not be taken.
    #[error("cannot lock the store for writing ({}): {source}", path.display())]
    Lock {
        /// The lock file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A failure injected by [`crate::Store::fail_after_commits`] (tests of crash safety).
    #[error("injected store failure")]
    Injected,
    /// A stored document could not be decoded.
    #[error("stored document {id} is unreadable: {reason}")]
    Corrupt {
        /// The document id.
        id: String,
        /// Why.
        reason: String,
    },
    /// A stored merged event (or a stored input of event coreference) could not be decoded.
    #[error("stored {what} is unreadable: {reason}")]
    CorruptRecord {
        /// Which row (`merged event s:… #3`, `event input d:…`).
        what: String,
        /// Why.
        reason: String,
    },
    /// A merged event handed to the store cannot be encoded.
    #[error("merged event {id} rejected by the store: {reason}")]
    InvalidEvent {
        /// The merged event id.
        id: String,
        /// Why.
        reason: String,
    },
    /// A document handed to the store breaks an invariant (span outside its
    /// text, non-finite number, malformed id); nothing of its batch is written.
    #[error("document {id} rejected by the store: {reason}")]
    Invalid {
        /// The document id.
        id: String,
        /// Why.
        reason: String,
    },
    /// An update named a document the store does not hold.
    #[error("no document {id} in the store")]
    NotFound {
        /// The document id.
        id: String,
    },
    /// A document prefix matches more than one document.
    #[error("{prefix:?} is ambiguous: it matches {}", candidates.join(", "))]
    Ambiguous {
        /// The prefix as given.
        prefix: String,
        /// Some of the matching ids.
        candidates: Vec<String>,
    },
    /// A meta value is not JSON.
    #[error("meta value for {key:?} is not JSON: {reason}")]
    BadMeta {
        /// The key.
        key: String,
        /// Why.
        reason: String,
    },
    /// Writing the export failed.
    #[error("cannot write the export: {0}")]
    Write(#[from] std::io::Error),
    /// A caller's callback stopped an iteration (see [`crate::Store::for_each_document`]).
    #[error("stopped: {0}")]
    Stopped(String),
}

/// Wraps a database error with what the store was doing.
pub(crate) fn sql_err(context: impl Into<String>, source: impl Into<DbError>) -> StoreError {
    StoreError::Sql { context: context.into(), source: source.into() }
}
