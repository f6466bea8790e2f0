//! `chronicle worker`: pulls inputs from the shared durable consumer, analyses
//! a batch of them (no lock), links and commits it under the store's writer
//! lock (one transaction), and acknowledges the messages only after the commit.

use std::time::{Duration, Instant};

use async_nats::jetstream::{self, consumer::pull, consumer::Consumer, AckKind};
use futures_util::StreamExt;
use chronicle_pipeline::{Pipeline, StageTimes, WorkerState};
use chronicle_store::Store;

use crate::config::QueueConfig;
use crate::envelope::{decode_input, RejectionRecord};
use crate::error::QueueError;
use crate::nats::{connect, input_stream, js, publish, runtime, side_streams, workers_consumer};

/// How a worker runs.
#[derive(Clone, Debug, Default)]
pub struct WorkerOptions {
    /// Messages per batch (default: the queue settings').
    pub batch: Option<usize>,
    /// Stop when the consumer has nothing pending and nothing unacknowledged.
    pub drain: bool,
}

/// What one batch did.
#[derive(Clone, Debug, Default)]
pub struct BatchReport {
    /// Messages taken.
    pub messages: usize,
    /// Documents stored (hosts and salvaged articles).
    pub stored: usize,
    /// Inputs already stored.
    pub duplicates: usize,
    /// Inputs rejected.
    pub rejected: usize,
    /// Messages sent to the dead letters.
    pub dead: usize,
    /// Linked before an earlier input was committed (its turn did not come in time).
    pub out_of_order: bool,
}

/// What a worker did until it stopped.
#[derive(Clone, Debug, Default)]
pub struct WorkerSummary {
    /// Batches committed.
    pub batches: usize,
    /// Messages acknowledged or dead-lettered.
    pub messages: usize,
    /// Documents stored.
    pub stored: usize,
    /// Inputs already stored.
    pub duplicates: usize,
    /// Inputs rejected.
    pub rejected: usize,
    /// Messages dead-lettered.
    pub dead: usize,
    /// Wall time analysing (no lock held).
    pub analysis: Duration,
    /// Wall time holding the writer lock: linking and committing.
    pub serial: Duration,
    /// Wall time waiting for earlier inputs to be committed by other workers.
    pub turn_wait: Duration,
    /// Batches linked before an earlier input was committed.
    pub out_of_order: usize,
    /// Wall time from the first message taken to the last batch committed.
    pub busy: Duration,
    /// Time per pipeline stage (`--timings`), with `wait:writer-lock`.
    pub times: StageTimes,
}

impl WorkerSummary {
    /// The closing line.
    pub fn render(&self) -> String {
        format!(
            "worker: {} batch(es) ({} out of submission order), {} message(s): stored {} document(s), {} duplicate(s), {} rejected, \
             {} dead-lettered; busy {:.1} s: analysis {:.1} s, waiting for earlier batches {:.1} s, link+commit under the lock {:.1} s",
            self.batches,
            self.out_of_order,
            self.messages,
            self.stored,
            self.duplicates,
            self.rejected,
            self.dead,
            self.busy.as_secs_f64(),
            self.analysis.as_secs_f64(),
            self.turn_wait.as_secs_f64(),
            self.serial.as_secs_f64()
        )
    }

    fn add(&mut self, r: &BatchReport) {
        self.batches += 1;
        self.messages += r.messages;
        self.stored += r.stored;
        self.duplicates += r.duplicates;
        self.rejected += r.rejected;
        self.dead += r.dead;
        self.out_of_order += usize::from(r.out_of_order);
    }
}

/// Works the queue at `url` into `store` until stopped (or, with
/// `options.drain`, until the queue is empty). Messages delivered for the
/// first time are taken in batches; a redelivered message (its worker died or
/// its batch failed) is processed alone, so that a message that kills its
/// worker takes no other down with it; a message on its last allowed delivery
/// (`max_deliver`) or one that does not decode goes to the dead letters with
/// the reason and is terminated. `report` is called after each batch.
pub fn work(
    url: &str,
    config: &QueueConfig,
    store: &mut Store,
    pipeline: &Pipeline,
    options: &WorkerOptions,
    mut report: impl FnMut(&BatchReport),
) -> Result<WorkerSummary, QueueError> {
    let size = options.batch.unwrap_or(config.batch).max(1);
    // The store (the sync `postgres` crate runs a runtime of its own) and the
    // pipeline are called outside this runtime; only NATS calls run in it.
    let rt = runtime()?;
    let (client, js_ctx, mut consumer) = rt.block_on(async {
        let (client, js_ctx) = connect(url).await?;
        let input = input_stream(&js_ctx, config).await?;
        side_streams(&js_ctx, config).await?;
        let consumer = workers_consumer(&input, config).await?;
        Ok::<_, QueueError>((client, js_ctx, consumer))
    })?;
    let mut worker = Worker { rt: &rt, js_ctx: &js_ctx, consumer: consumer.clone(), config, store, pipeline, state: WorkerState::default(), summary: WorkerSummary::default() };
    let mut first_message: Option<Instant> = None;
    loop {
        let messages = rt.block_on(fetch(&consumer, size, config.fetch_wait))?;
        if !messages.is_empty() {
            first_message.get_or_insert_with(Instant::now);
        }
        if messages.is_empty() {
            if options.drain && rt.block_on(idle(&mut consumer))? {
                break;
            }
            continue;
        }
        let (first, again): (Vec<_>, Vec<_>) = messages.into_iter().partition(|m| deliveries(m) <= 1);
        let mut groups = vec![first];
        groups.extend(again.into_iter().map(|m| vec![m]));
        // earlier inputs first: a redelivered message is usually older than the batch
        groups.sort_by_key(|g| g.first().map(sequence));
        for group in groups.into_iter().filter(|g| !g.is_empty()) {
            let r = worker.process(group)?;
            worker.summary.add(&r);
            worker.summary.busy = first_message.map(|t| t.elapsed()).unwrap_or_default();
            report(&r);
        }
    }
    rt.block_on(client.flush()).map_err(js("flushing"))?;
    Ok(worker.summary)
}

/// Up to `size` messages, waiting at most `wait` for them.
async fn fetch(consumer: &Consumer<pull::Config>, size: usize, wait: Duration) -> Result<Vec<jetstream::Message>, QueueError> {
    let mut batch = consumer.batch().max_messages(size).expires(wait).messages().await.map_err(js("fetching messages"))?;
    let mut out = Vec::with_capacity(size);
    while let Some(m) = batch.next().await {
        out.push(m.map_err(js("fetching messages"))?);
    }
    Ok(out)
}

/// True when the consumer holds nothing to deliver and nothing unacknowledged.
async fn idle(consumer: &mut Consumer<pull::Config>) -> Result<bool, QueueError> {
    let info = consumer.info().await.map_err(js("reading the consumer"))?;
    Ok(info.num_pending == 0 && info.num_ack_pending == 0)
}

/// The message's place in the input stream.
fn sequence(m: &jetstream::Message) -> u64 {
    m.info().map(|i| i.stream_sequence).unwrap_or(0)
}

/// Waits, at most `limit`, until every input before stream sequence `first`
/// is acknowledged (committed, or dead-lettered); false when the limit passed.
async fn wait_turn(consumer: &mut Consumer<pull::Config>, first: u64, limit: Duration) -> Result<bool, QueueError> {
    let started = Instant::now();
    loop {
        let info = consumer.info().await.map_err(js("reading the consumer"))?;
        if info.ack_floor.stream_sequence + 1 >= first {
            return Ok(true);
        }
        if started.elapsed() >= limit {
            return Ok(false);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// How many times this message has been delivered (1 the first time).
fn deliveries(m: &jetstream::Message) -> i64 {
    m.info().map(|i| i.delivered).unwrap_or(1)
}

/// One worker's connection, store and link state.
struct Worker<'a> {
    rt: &'a tokio::runtime::Runtime,
    js_ctx: &'a jetstream::Context,
    consumer: Consumer<pull::Config>,
    config: &'a QueueConfig,
    store: &'a mut Store,
    pipeline: &'a Pipeline,
    state: WorkerState,
    summary: WorkerSummary,
}

impl Worker<'_> {
    /// One batch: dead letters out, the rest analysed, linked and committed,
    /// the rejections published, then every message acknowledged.
    fn process(&mut self, messages: Vec<jetstream::Message>) -> Result<BatchReport, QueueError> {
        let mut report = BatchReport { messages: messages.len(), ..BatchReport::default() };
        let mut inputs = Vec::with_capacity(messages.len());
        let mut held = Vec::with_capacity(messages.len());
        for m in messages {
            let delivered = deliveries(&m);
            if delivered >= self.config.max_deliver {
                self.rt.block_on(self.dead_letter(&m, &format!("delivered {delivered} times without a commit")))?;
                report.dead += 1;
                continue;
            }
            match decode_input(&m.payload) {
                Ok(input) => {
                    inputs.push(input);
                    held.push(m);
                }
                Err(reason) => {
                    self.rt.block_on(self.dead_letter(&m, &format!("undecodable message: {reason}")))?;
                    report.dead += 1;
                }
            }
        }
        if held.is_empty() {
            return Ok(report);
        }
        let started = Instant::now();
        let analysed = self.pipeline.analyse_inputs(self.store, inputs);
        self.summary.analysis += started.elapsed();
        let analysed = match analysed {
            Ok(a) => a,
            Err(e) => return Err(self.rt.block_on(give_back(held, e.into()))),
        };
        // the analysis may have taken a while: the messages are still being worked on
        self.rt.block_on(async {
            for m in &held {
                m.ack_with(AckKind::Progress).await.map_err(js("extending the acknowledgement wait"))?;
            }
            Ok::<_, QueueError>(())
        })?;
        // Link in submission order where possible: wait for the batches before
        // this one (other workers') to be committed, at most half the
        // acknowledgement wait (a dead worker's batch comes back only after it).
        let first = held.iter().map(sequence).min().unwrap_or(0);
        let started = Instant::now();
        if !self.rt.block_on(wait_turn(&mut self.consumer, first, self.config.ack_wait / 2))? {
            report.out_of_order = true;
        }
        self.summary.turn_wait += started.elapsed();
        let started = Instant::now();
        let committed = self.pipeline.commit_analysed(self.store, &mut self.state, analysed, || eprintln!("worker: waiting for the store's writer lock"));
        let summary = match committed {
            Ok(s) => s,
            Err(e) => return Err(self.rt.block_on(give_back(held, e.into()))),
        };
        self.summary.serial += started.elapsed().saturating_sub(summary.times.get("wait:writer-lock"));
        self.summary.times = self.summary.times.plus(&summary.times);
        self.rt.block_on(async {
            for r in &summary.rejected {
                let record = RejectionRecord { source: r.source.clone(), kind: r.kind.clone(), reason: r.reason.clone() };
                publish(self.js_ctx, self.config.rejected_subject_of(&r.kind), &record.message_id(), &[], record.encode()).await?;
            }
            // committed: now, and only now, the messages are done
            for m in &held {
                m.ack().await.map_err(js("acknowledging"))?;
            }
            Ok::<_, QueueError>(())
        })?;
        report.stored = summary.ingested.len() + summary.appended.len();
        report.duplicates = summary.duplicates.len();
        report.rejected = summary.rejected.len();
        Ok(report)
    }

    /// Publishes a message to the dead letters with the reason, then terminates it.
    async fn dead_letter(&self, m: &jetstream::Message, reason: &str) -> Result<(), QueueError> {
        let sequence = m.info().map(|i| i.stream_sequence).unwrap_or(0);
        let headers = [("Chronicle-Dead-Reason", reason.to_string()), ("Chronicle-Input-Sequence", sequence.to_string())];
        publish(self.js_ctx, self.config.dead_subject.clone(), &format!("d:{sequence}"), &headers, m.payload.to_vec()).await?;
        m.ack_with(AckKind::Term).await.map_err(js("terminating a dead letter"))?;
        Ok(())
    }

}

/// A batch that failed (the store): its messages are handed back for
/// redelivery at once, and the error is returned.
async fn give_back(held: Vec<jetstream::Message>, error: QueueError) -> QueueError {
    for m in held {
        let _ = m.ack_with(AckKind::Nak(None)).await;
    }
    error
}
