//! Errors that stop a queue command (a bad input never does: it is a rejection).
use thiserror::Error;

/// A failure of `submit`, `worker` or `status` itself.
#[derive(Debug, Error)]
pub enum QueueError {
    /// The queue settings (`data/queue/queue.tsv`) do not parse.
    #[error("data/queue/queue.tsv line {line}: {reason}")]
    Config {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// The NATS server could not be reached or refused the connection.
    #[error("connecting to NATS at {url}: {reason}")]
    Connect {
        /// The server URL.
        url: String,
        /// The client's error.
        reason: String,
    },
    /// A JetStream request (a stream, a consumer, a publish, a fetch, an acknowledgement) failed.
    #[error("JetStream: {what}: {reason}")]
    JetStream {
        /// What was being done.
        what: String,
        /// The client's or server's error.
        reason: String,
    },
    /// The store failed.
    #[error("store: {0}")]
    Store(#[from] chronicle_store::StoreError),
    /// The pipeline failed (the store under it, or a stage's data).
    #[error("{0}")]
    Pipeline(#[from] chronicle_pipeline::PipelineError),
    /// The async runtime could not start.
    #[error("starting the async runtime: {0}")]
    Runtime(#[from] std::io::Error),
}

