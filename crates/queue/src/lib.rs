//! The work queue on NATS JetStream: `chronicle submit` publishes raw inputs,
//! any number of `chronicle worker` processes (on any machines) analyse them
//! in parallel and link and commit them one batch at a time under the store's
//! writer lock, and `chronicle status` reports the queue and the record's rate.
//!
//! Names and limits (streams, subjects, the consumer, `max_deliver`,
//! `ack_wait`) are `data/queue/queue.tsv`; docs/QUEUE.md describes the streams
//! and messages. The API is synchronous: each call runs a small tokio runtime
//! of its own, so no async code reaches the callers.
//!
//! Architecture invariant: only this crate knows NATS; the analysis, linking
//! and the transaction are the pipeline's own functions
//! ([`chronicle_pipeline::Pipeline::analyse_inputs`],
//! [`chronicle_pipeline::Pipeline::commit_analysed`]), never copies.
#![deny(missing_docs)]

mod config;
mod envelope;
mod error;
mod nats;
mod status;
mod submit;
mod worker;

pub use config::QueueConfig;
pub use envelope::{decode_input, encode_input, RejectionRecord};
pub use error::QueueError;
pub use status::{status, Status};
pub use submit::{submit, SubmitSummary};
pub use worker::{work, BatchReport, WorkerOptions, WorkerSummary};
