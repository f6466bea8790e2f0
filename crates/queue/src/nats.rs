//! The connection, the streams and the consumer, created when absent.

use async_nats::jetstream::{self, consumer, stream};

use crate::config::QueueConfig;
use crate::error::QueueError;

/// A JetStream error of `what`.
pub(crate) fn js_err(what: &str) -> impl FnOnce(&dyn std::fmt::Display) -> QueueError + '_ {
    move |e| QueueError::JetStream { what: what.to_string(), reason: e.to_string() }
}

/// Maps a client error to [`QueueError::JetStream`].
pub(crate) fn js<E: std::fmt::Display>(what: &str) -> impl FnOnce(E) -> QueueError + '_ {
    move |e| js_err(what)(&e)
}

/// A small runtime for one command: one thread beside the caller's, which
/// keeps the connection alive (pings, acknowledgements) while the caller runs
/// the synchronous pipeline inside `block_on`.
pub(crate) fn runtime() -> Result<tokio::runtime::Runtime, QueueError> {
    Ok(tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build()?)
}

/// Connects to the server at `url` and opens JetStream on it.
pub(crate) async fn connect(url: &str) -> Result<(async_nats::Client, jetstream::Context), QueueError> {
    let client = async_nats::ConnectOptions::new()
        .name("chronicle")
        .connect(url)
        .await
        .map_err(|e| QueueError::Connect { url: url.to_string(), reason: e.to_string() })?;
    let context = jetstream::new(client.clone());
    Ok((client, context))
}

/// The input stream (work-queue retention, on disk), created when absent.
pub(crate) async fn input_stream(js_ctx: &jetstream::Context, config: &QueueConfig) -> Result<stream::Stream, QueueError> {
    js_ctx
        .get_or_create_stream(stream::Config {
            name: config.stream.clone(),
            subjects: vec![config.subject.clone()],
            retention: stream::RetentionPolicy::WorkQueue,
            storage: stream::StorageType::File,
            ..Default::default()
        })
        .await
        .map_err(js(&format!("opening stream {}", config.stream)))
}

/// A stream that keeps what is published to `subjects` (limits retention, on disk).
pub(crate) async fn record_stream(js_ctx: &jetstream::Context, name: &str, subjects: Vec<String>) -> Result<stream::Stream, QueueError> {
    js_ctx
        .get_or_create_stream(stream::Config { name: name.to_string(), subjects, storage: stream::StorageType::File, ..Default::default() })
        .await
        .map_err(js(&format!("opening stream {name}")))
}

/// The rejection stream and the dead-letter stream.
pub(crate) async fn side_streams(js_ctx: &jetstream::Context, config: &QueueConfig) -> Result<(stream::Stream, stream::Stream), QueueError> {
    let rejected = record_stream(js_ctx, &config.rejected_stream, vec![format!("{}.>", config.rejected_subject)]).await?;
    let dead = record_stream(js_ctx, &config.dead_stream, vec![config.dead_subject.clone()]).await?;
    Ok((rejected, dead))
}

/// The workers' durable pull consumer (explicit acknowledgement), created when absent.
pub(crate) async fn workers_consumer(
    input: &stream::Stream,
    config: &QueueConfig,
) -> Result<consumer::Consumer<consumer::pull::Config>, QueueError> {
    input
        .get_or_create_consumer(&config.consumer, config.pull_consumer())
        .await
        .map_err(js(&format!("opening consumer {}", config.consumer)))
}

/// Publishes one message with a message id (JetStream stores a message id once
/// within its duplicate window) and waits for the stream's acknowledgement;
/// true when the stream already held that id.
pub(crate) async fn publish(
    js_ctx: &jetstream::Context,
    subject: String,
    id: &str,
    extra: &[(&str, String)],
    payload: Vec<u8>,
) -> Result<bool, QueueError> {
    let mut headers = async_nats::HeaderMap::new();
    headers.insert(async_nats::header::NATS_MESSAGE_ID, id);
    for (k, v) in extra {
        headers.insert(*k, v.as_str());
    }
    let ack = js_ctx.publish_with_headers(subject, headers, payload.into()).await.map_err(js("publishing"))?;
    let ack = ack.await.map_err(js("waiting for the stream's acknowledgement"))?;
    Ok(ack.duplicate)
}
