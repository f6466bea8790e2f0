//! `chronicle submit`: reads inputs as `chronicle ingest` does and publishes
//! each one as one message to the input stream.

use std::path::PathBuf;

use chronicle_core::DocId;
use chronicle_ingest::{IngestOptions, Item, RejectReason};

use crate::config::QueueConfig;
use crate::envelope::{encode_input, RejectionRecord};
use crate::error::QueueError;
use crate::nats::{connect, input_stream, publish, runtime, side_streams};

/// What a submission did with every input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SubmitSummary {
    /// Inputs published.
    pub published: usize,
    /// Inputs the stream already held (the same content within its duplicate window).
    pub duplicates: usize,
    /// Inputs rejected while reading (published to the rejection stream).
    pub rejected: Vec<RejectionRecord>,
    /// Bytes of payload published.
    pub bytes: u64,
}

impl SubmitSummary {
    /// The closing line.
    pub fn render(&self) -> String {
        format!(
            "submitted {} input(s) ({:.1} MB), {} already queued, {} rejected",
            self.published,
            self.bytes as f64 / 1e6,
            self.duplicates,
            self.rejected.len()
        )
    }
}

/// Publishes every input under `paths` (read as `chronicle ingest` reads
/// them: one message per article file, JSONL line or WARC record) to the
/// input stream at `url`, creating the streams when absent. The message id is
/// the input's content id, so a re-submission within the stream's duplicate
/// window is stored once (and a later one is a duplicate no-op for the
/// workers). An input larger than the server's message limit is rejected
/// (`too-large`, as the reader words it) and the run goes on, as are the
/// reader's own rejections; every rejection is also published to the
/// rejection stream. `progress` is called after each input with the count so far.
pub fn submit(
    url: &str,
    config: &QueueConfig,
    paths: &[PathBuf],
    options: &IngestOptions,
    mut progress: impl FnMut(usize),
) -> Result<SubmitSummary, QueueError> {
    let rt = runtime()?;
    rt.block_on(async {
        let (client, js_ctx) = connect(url).await?;
        input_stream(&js_ctx, config).await?;
        side_streams(&js_ctx, config).await?;
        // the payload limit, less room for the headers
        let limit = client.server_info().max_payload.saturating_sub(1024) as u64;
        let mut summary = SubmitSummary::default();
        for (n, item) in chronicle_ingest::read_paths(paths, options).enumerate() {
            let rejection = match item {
                Item::Input(input) => {
                    let payload = encode_input(&input);
                    if payload.len() as u64 > limit {
                        let reason = RejectReason::TooLarge { bytes: payload.len() as u64, limit };
                        Some(RejectionRecord { source: input.source, kind: reason.kind().into(), reason: reason.to_string() })
                    } else {
                        let id = DocId::from_text(&input.text).to_string();
                        summary.bytes += payload.len() as u64;
                        if publish(&js_ctx, config.subject.clone(), &id, &[], payload).await? {
                            summary.duplicates += 1;
                        } else {
                            summary.published += 1;
                        }
                        None
                    }
                }
                Item::Rejected(r) => Some(RejectionRecord { source: r.source, kind: r.reason.kind().into(), reason: r.reason.to_string() }),
            };
            if let Some(r) = rejection {
                publish(&js_ctx, config.rejected_subject_of(&r.kind), &r.message_id(), &[], r.encode()).await?;
                summary.rejected.push(r);
            }
            progress(n + 1);
        }
        client.flush().await.map_err(crate::nats::js("flushing"))?;
        Ok(summary)
    })
}
