//! The queue's names and limits, from `data/queue/queue.tsv` (embedded at build time).

use std::time::Duration;

use crate::error::QueueError;

const QUEUE_TSV: &str = include_str!("../../../data/queue/queue.tsv");

/// Stream, subject and consumer names and the delivery limits of the work queue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueueConfig {
    /// The stream of raw inputs (work-queue retention).
    pub stream: String,
    /// The subject inputs are published on.
    pub subject: String,
    /// The durable pull consumer the workers share.
    pub consumer: String,
    /// Deliveries of one message before it is dead-lettered.
    pub max_deliver: i64,
    /// How long a delivered message waits for its acknowledgement before redelivery.
    pub ack_wait: Duration,
    /// The stream of dead letters.
    pub dead_stream: String,
    /// The subject dead letters are published on.
    pub dead_subject: String,
    /// The stream of rejections.
    pub rejected_stream: String,
    /// Rejections are published on `REJECTED_SUBJECT.KIND`.
    pub rejected_subject: String,
    /// Messages a worker takes per batch.
    pub batch: usize,
    /// How long one fetch waits for messages.
    pub fetch_wait: Duration,
}

impl QueueConfig {
    /// The workers' durable pull consumer: explicit acknowledgement, this
    /// configuration's `ack_wait` and `max_deliver`. One definition, so that
    /// every client that opens the consumer asks for the same one.
    pub fn pull_consumer(&self) -> async_nats::jetstream::consumer::pull::Config {
        async_nats::jetstream::consumer::pull::Config {
            durable_name: Some(self.consumer.clone()),
            ack_policy: async_nats::jetstream::consumer::AckPolicy::Explicit,
            ack_wait: self.ack_wait,
            max_deliver: self.max_deliver,
            ..Default::default()
        }
    }

    /// The built-in settings.
    pub fn builtin() -> Result<QueueConfig, QueueError> {
        QueueConfig::parse(QUEUE_TSV)
    }

    /// Settings from `key<TAB>value` lines (`#` starts a comment); every key is required.
    pub fn parse(text: &str) -> Result<QueueConfig, QueueError> {
        let mut values = std::collections::HashMap::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((key, value)) = line.split_once('\t') else {
                return Err(QueueError::Config { line: i + 1, reason: "expected key<TAB>value".into() });
            };
            values.insert(key.trim().to_string(), (i + 1, value.trim().to_string()));
        }
        let text = |key: &str| -> Result<String, QueueError> {
            values.get(key).map(|(_, v)| v.clone()).ok_or_else(|| QueueError::Config { line: 0, reason: format!("missing key {key}") })
        };
        let number = |key: &str| -> Result<u64, QueueError> {
            let (line, v) = values.get(key).ok_or_else(|| QueueError::Config { line: 0, reason: format!("missing key {key}") })?;
            v.parse::<u64>().ok().filter(|n| *n > 0).ok_or_else(|| QueueError::Config { line: *line, reason: format!("{key}: expected a positive whole number, got {v:?}") })
        };
        Ok(QueueConfig {
            stream: text("stream")?,
            subject: text("subject")?,
            consumer: text("consumer")?,
            max_deliver: number("max_deliver")? as i64,
            ack_wait: Duration::from_secs(number("ack_wait_s")?),
            dead_stream: text("dead_stream")?,
            dead_subject: text("dead_subject")?,
            rejected_stream: text("rejected_stream")?,
            rejected_subject: text("rejected_subject")?,
            batch: number("batch")? as usize,
            fetch_wait: Duration::from_millis(number("fetch_wait_ms")?),
        })
    }

    /// The same settings for a queue of its own on the same server (several
    /// stores, or tests, side by side): streams and the consumer suffixed with
    /// `name`, subjects prefixed with it. `name` is made a subject token
    /// (letters, digits, `-` and `_`; others become `_`).
    pub fn named(mut self, name: &str) -> QueueConfig {
        let token = subject_token(name);
        for stream in [&mut self.stream, &mut self.dead_stream, &mut self.rejected_stream] {
            *stream = format!("{stream}_{token}");
        }
        self.consumer = format!("{}-{token}", self.consumer);
        for subject in [&mut self.subject, &mut self.dead_subject, &mut self.rejected_subject] {
            *subject = format!("{token}.{subject}");
        }
        self
    }

    /// The subject a rejection of `kind` is published on (the kind made a
    /// single subject token: letters, digits, `-` and `_` kept, others `_`).
    pub fn rejected_subject_of(&self, kind: &str) -> String {
        format!("{}.{}", self.rejected_subject, subject_token(kind))
    }
}

/// `text` as one subject token: letters, digits, `-` and `_` kept, others `_`.
fn subject_token(text: &str) -> String {
    let token: String = text.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    if token.is_empty() { "_".into() } else { token }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_settings_parse() {
        let c = QueueConfig::builtin().unwrap();
        assert_eq!(c.stream, "CHRONICLE_INPUTS");
        assert!(c.max_deliver >= 2, "a message is tried more than once");
        assert!(c.ack_wait >= Duration::from_secs(60));
        assert_eq!(c.rejected_subject_of("too-large"), "chronicle.rejected.too-large");
        assert_eq!(c.rejected_subject_of("a.b c"), "chronicle.rejected.a_b_c");
    }

    #[test]
    fn a_named_queue_shares_no_stream_subject_or_consumer() {
        let base = QueueConfig::builtin().unwrap();
        let named = base.clone().named("t.1");
        assert_eq!(named.stream, "CHRONICLE_INPUTS_t_1");
        assert_eq!(named.subject, "t_1.chronicle.inputs");
        assert_eq!(named.rejected_subject_of("empty"), "t_1.chronicle.rejected.empty");
        assert_eq!(named.consumer, "chronicle-workers-t_1");
        assert_ne!(named.dead_stream, base.dead_stream);
        assert!(!named.dead_subject.starts_with(&base.dead_subject), "subjects must not overlap");
        assert_eq!(named.max_deliver, base.max_deliver);
    }

    #[test]
    fn a_bad_line_names_its_number() {
        let bad = QUEUE_TSV.replace("max_deliver\t5", "max_deliver\tfive");
        match QueueConfig::parse(&bad) {
            Err(QueueError::Config { line, reason }) => {
                assert!(line > 1 && reason.contains("max_deliver"), "{line}: {reason}");
            }
            other => panic!("expected a config error, got {other:?}"),
        }
        let missing = QUEUE_TSV.replace("consumer\tchronicle-workers\n", "");
        assert!(matches!(QueueConfig::parse(&missing), Err(QueueError::Config { .. })));
        assert!(matches!(QueueConfig::parse("stream CHRONICLE"), Err(QueueError::Config { line: 1, .. })));
    }
}
