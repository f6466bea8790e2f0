//! The chronicle document model.
//!
//! One [`Document`] owns the raw input bytes, the text the cleaner segmented,
//! the clean `body`, and typed annotation layers. Every annotation points at the
//! body only through a [`Span`] (byte offsets, end exclusive, checked on
//! creation), so provenance is never lost: any fact can be traced back to the
//! exact characters it came from.
//!
//! Architecture invariant: this crate depends on no other chronicle crate and
//! knows nothing about files, SQL, HTTP or the export wire format.
#![deny(missing_docs)]

mod annotation;
mod date;
mod document;
mod entity;
mod error;
mod event;
mod id;
pub mod name;
pub mod record;
pub mod rng;
mod span;
pub mod treebank;

pub use annotation::{
    Approx, Block, BlockLabel, Mention, MentionSource, Quantity, Quote, RoleClaim, Sentence,
    TimeExpr, TimeType, Token, TokenSyntax, Upos,
};
pub use date::{DateBasis, PublishedDate, UncertainDate};
pub use document::{Document, Genre, InputFormat, Metadata, RawInput};
pub use entity::{entity_id, slug, EntityType};
pub use error::CoreError;
pub use event::{Event, EventArg, Modality, Place, PlaceBasis, PloverType};
pub use id::{normalise_for_id, DocId};
pub use span::{char_offsets, CharOffsets, Span};

mod eval;
pub use eval::{Counts, EvalReport};
