//! quantity annotation (not yet implemented).
use chronicle_core::Document;

/// Fills this layer of `doc`.
pub fn annotate(_doc: &mut Document) {}
