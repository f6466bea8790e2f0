use std::path::PathBuf;
use thiserror::Error;

/// Errors of the cross-document stage (only evaluation reads files).
#[derive(Debug, Error)]
pub enum LinkError {
    /// A data set or file is absent.
    #[error("{0} not found")]
    NotFound(PathBuf),
    /// A file could not be read.
    #[error("cannot read {path}: {reason}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// A line of a data file is malformed.
    #[error("{file}:{line}: {reason}")]
    BadData {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// Why.
        reason: String,
    },
    /// A persisted index row cannot be read back.
    #[error("link state {space}/{key}: {reason}")]
    BadState {
        /// The row's space.
        space: String,
        /// The row's key.
        key: String,
        /// Why.
        reason: String,
    },
}
