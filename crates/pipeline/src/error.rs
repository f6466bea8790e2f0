//! Errors that stop a pipeline run (bad input never does: it is accounted for).
use thiserror::Error;

/// A failure of the run itself.
#[derive(Debug, Error)]
pub enum PipelineError {
    /// The store failed; nothing of the failed batch was written.
    #[error("store: {0}")]
    Store(#[from] chronicle_store::StoreError),
    /// A stage could not load its data.
    #[error("loading a stage: {0}")]
    Stage(String),
    /// Saved cross-document state could not be read or written.
    #[error("cross-document state: {0}")]
    State(String),
    /// The analysis threads could not be started.
    #[error("starting the analysis threads: {0}")]
    Threads(String),
    /// A sample could not be drawn: the store's layer sizes disagree with its documents.
    #[error("sample: {0}")]
    Sample(String),
}
