//! chronicle's store — an SQLite file (through `rusqlite`, the embedded
//! default) or a PostgreSQL database (through `postgres`, for a record shared by
//! several processes and machines) — and the JSONL export.
//!
//! Architecture invariant: this is the only crate that knows SQL. Callers see
//! [`Store`] methods that take and return `chronicle_core` types. Every query
//! is written once and runs on both engines (`db.rs` has the connection type
//! and the dialect step; [`Store::open`] takes a file or a `postgres://` URL).
//!
//! # Storage design
//!
//! One SQLite file (WAL mode, `synchronous=NORMAL`, a busy timeout so the CLI
//! and the server can share it). Tables (see `schema.rs` for the exact DDL):
//!
//! - `documents`: one row per document. `raw` is a BLOB with the input bytes
//!   exactly as read; `doc` is the whole [`chronicle_core::Document`] in its own
//!   serde JSON form (the *internal* storage form, with `raw` emptied so bytes
//!   are not stored twice or blown up as a JSON array). Reading a document
//!   decodes `doc` and puts `raw` back, so documents round-trip exactly. The
//!   other columns (source, outlet, title, published value/bounds/basis and a
//!   sort key, language, appended_to, duplicate_of, story, body length and
//!   layer sizes) are copies used to list, sort and count without decoding.
//! - `mentions` and `events`: one index row per mention (with its export
//!   entity id) and per event (type, modality, date), rebuilt whenever a
//!   document is rewritten; they serve statistics now and entity and event
//!   queries later.
//! - `meta`: a key → JSON table for later stages' state.
//! - `furniture`: per site and line key, how many stored documents hold the line.
//! - `link_state`: the link indexes as (space, key, value) rows, written with
//!   the documents that changed them ([`Batch`], [`Store::commit_batch`]), each
//!   stamped with the state version of the batch that last wrote it (schema 6), so
//!   a writer holding the state reads only what others changed ([`Store::state_since`]).
//! - `merged_events`, `merged_reports` and `event_inputs`: each story's events
//!   merged across their reports (computed by `link` at ingest, handed over
//!   whole per touched story in the batch), the documents reporting each, and
//!   what event coreference reads of each document to merge its story again.
//!   Every view reads merged events from here ([`Store::merged_events`]).
//!
//! Schema versions are `PRAGMA user_version` (on PostgreSQL the row of
//! `chronicle_schema`) with numbered, append-only migrations, each in its own
//! transaction ([`SCHEMA_VERSION`]).
//!
//! Writes are crash-safe: each [`Store::commit_batch`], [`Store::write_batch`]
//! and [`Store::update_documents`] is one `BEGIN IMMEDIATE` transaction; an
//! error anywhere rolls the whole batch back (on PostgreSQL: `BEGIN` under a
//! transaction-scoped advisory lock). One process writes at a time:
//! an ingest holds [`Store::lock_writer`] for its run (a lock file beside an
//! SQLite store; a session advisory lock on PostgreSQL). Before writing, the store checks what it
//! relies on (a `d:` id, every span inside its text, finite numbers, every
//! token's syntactic head a token of its sentence) and refuses
//! the batch with [`StoreError::Invalid`] otherwise.
//!
//! The export ([`export`]) has its own record types, following
//! `EXPORT-FORMAT.md`, and converts byte spans to character offsets.
#![deny(missing_docs)]

mod db;
mod error;
pub mod export;
mod merged;
mod open;
mod read;
mod record;
mod schema;
mod store;

pub use db::DbError;
pub use error::StoreError;
pub use open::{is_postgres_url, shown_address};
pub use read::{EntityRow, StoryVersion};
pub use record::{Batch, StateEntry, WriterLock};
pub use schema::SCHEMA_VERSION;
pub use store::{BatchOutcome, DocSummary, Layer, LayerCounts, Stats, Store};

#[cfg(test)]
mod sample;
#[cfg(test)]
mod testdb;
