//! chronicle-link: the cross-document stage.
//!
//! - [`dedup`]: exact and near-duplicate detection (MinHash LSH + containment).
//! - [`story`]: incremental story clustering.
//! - [`delegation`]: who leads each side's delegation, sentence by sentence.
//! - [`entities`]: one canonical entity per real-world actor across documents.
//! - [`entity_index`]: the same decided once at ingest, incrementally, kept as link state.
//! - [`coref`]: event coreference across documents, corroboration, contradictions.
//! - [`timeline`]: timelines by event date, per story or actor.
//! - [`tls`]: timeline summarisation — the K most important dates, each with cited sentences.
//! - [`rouge`]: date F1 and alignment-based ROUGE of a summary timeline (tilse's measures).
//! - [`brief`]: extractive, cited Markdown briefs of a story.
//! - [`eval`]: evaluations on timeline17, ECB+ and Reuters-21578.
//!
//! Architecture invariant: depends only on `chronicle-core`; the persistent
//! state of [`dedup::DupIndex`], [`story::StoryIndex`] and
//! [`entity_index::EntityIndex`] leaves and enters
//! them as [`state::StateRow`]s (the entries a change touched), which the
//! pipeline stores with the documents; nothing here does I/O except [`eval`].
#![deny(missing_docs)]

pub mod brief;
pub mod coref;
pub mod dedup;
pub mod ecb_events;
pub mod delegation;
pub mod entities;
pub mod entity_index;
mod error;
pub mod eval;
pub mod rouge;
mod settings;
pub mod state;
pub mod story;
mod text;
pub mod timeline;
pub mod tls;

pub use error::LinkError;
