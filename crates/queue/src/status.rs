//! `chronicle status`: the queue's depth, the rate of the record, the
//! rejections by kind and the dead letters.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use futures_util::TryStreamExt;
use chronicle_store::Store;

use crate::config::QueueConfig;
use crate::error::QueueError;
use crate::nats::{connect, input_stream, js, runtime, side_streams, workers_consumer};

/// The state of the queue and of the record it feeds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Status {
    /// Messages in the input stream (not yet acknowledged by a worker).
    pub queued: u64,
    /// Of those, not yet delivered to any worker.
    pub pending: u64,
    /// Delivered and not yet acknowledged (a batch being worked on).
    pub ack_pending: u64,
    /// Messages delivered more than once.
    pub redelivered: u64,
    /// Workers waiting for messages right now.
    pub waiting_workers: u64,
    /// Documents in the store at the end of the interval.
    pub documents: u64,
    /// Documents committed per minute over the interval.
    pub per_minute: f64,
    /// Rejections recorded, by kind.
    pub rejected: BTreeMap<String, u64>,
    /// Messages in the dead letters.
    pub dead: u64,
}

impl Status {
    /// The report, one fact per line.
    pub fn render(&self) -> String {
        let rejected: u64 = self.rejected.values().sum();
        let kinds: Vec<String> = self.rejected.iter().map(|(k, n)| format!("{k}: {n}")).collect();
        let mut out = format!(
            "queue        {} message(s): {} pending, {} being worked on (ack-pending), {} redelivered; {} worker(s) waiting\n",
            self.queued, self.pending, self.ack_pending, self.redelivered, self.waiting_workers
        );
        out.push_str(&format!("rate         {:.1} document(s)/min; {} document(s) stored\n", self.per_minute, self.documents));
        out.push_str(&format!("rejected     {rejected}{}\n", if kinds.is_empty() { String::new() } else { format!(" ({})", kinds.join(", ")) }));
        out.push_str(&format!("dead letters {}\n", self.dead));
        out
    }
}

/// Reads the queue at `url` and counts the store's documents twice, `interval` apart, for the rate.
pub fn status(url: &str, config: &QueueConfig, store: &Store, interval: Duration) -> Result<Status, QueueError> {
    // the store is read outside the runtime (the sync `postgres` crate runs one of its own)
    let rt = runtime()?;
    let before = (Instant::now(), store.count_documents()?);
    let mut status = rt.block_on(read_queue(url, config))?;
    std::thread::sleep(interval.saturating_sub(before.0.elapsed()));
    status.documents = store.count_documents()?;
    let minutes = before.0.elapsed().as_secs_f64() / 60.0;
    status.per_minute = if minutes > 0.0 { status.documents.saturating_sub(before.1) as f64 / minutes } else { 0.0 };
    Ok(status)
}

/// The queue's side of the status: depth, consumer counters, rejections by kind, dead letters.
async fn read_queue(url: &str, config: &QueueConfig) -> Result<Status, QueueError> {
    let (_client, js_ctx) = connect(url).await?;
    let mut input = input_stream(&js_ctx, config).await?;
    let (rejected_stream, mut dead_stream) = side_streams(&js_ctx, config).await?;
    let queued = input.info().await.map_err(js("reading the input stream"))?.state.messages;
    let mut consumer = workers_consumer(&input, config).await?;
    let info = consumer.info().await.map_err(js("reading the consumer"))?;
    let mut status = Status {
        queued,
        pending: info.num_pending,
        ack_pending: info.num_ack_pending as u64,
        redelivered: info.num_redelivered as u64,
        waiting_workers: info.num_waiting as u64,
        ..Status::default()
    };
    let prefix = format!("{}.", config.rejected_subject);
    let mut subjects = rejected_stream.info_with_subjects(format!("{prefix}>")).await.map_err(js("reading the rejections"))?;
    while let Some((subject, n)) = subjects.try_next().await.map_err(js("reading the rejections"))? {
        let kind = subject.strip_prefix(&prefix).unwrap_or(&subject).to_string();
        *status.rejected.entry(kind).or_default() += n as u64;
    }
    status.dead = dead_stream.info().await.map_err(js("reading the dead letters"))?.state.messages;
    Ok(status)
}
