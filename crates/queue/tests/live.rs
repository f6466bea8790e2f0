//! The queue against a live nats-server (JetStream): what `submit` publishes,
//! a worker ingests into the record `chronicle ingest` makes of the same
//! inputs; rejections are recorded by kind; an undecodable message and one
//! delivered `max_deliver` times go to the dead letters.
//!
//! Runs when `CHRONICLE_TEST_NATS` names a server (`.ci/run` starts one); each
//! test uses a queue of its own on it. Without it the tests print a notice and
//! pass without checking anything. The store is an SQLite file (the worker's
//! PostgreSQL run is the end-to-end test in crates/chronicle/tests/scale_out.rs).

use std::path::{Path, PathBuf};
use std::time::Duration;

use async_nats::jetstream::{self, consumer};
use chronicle_ingest::IngestOptions;
use chronicle_pipeline::Pipeline;
use chronicle_queue::{status, submit, work, QueueConfig, WorkerOptions};
use chronicle_store::Store;
use futures_util::StreamExt;

fn server(test: &str) -> Option<String> {
    let url = std::env::var("CHRONICLE_TEST_NATS").ok().filter(|u| !u.trim().is_empty());
    if url.is_none() {
        eprintln!("{test}: skipped (set CHRONICLE_TEST_NATS to a nats-server URL with JetStream to run it)");
    }
    url
}

/// A queue of this test's own on the shared server.
fn queue(test: &str) -> QueueConfig {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    QueueConfig::builtin().unwrap().named(&format!("{test}_{}_{}", std::process::id(), nanos % 1_000_000_000))
}

/// Three short stories of two reports each, an empty file and one too large for a message.
fn corpus(root: &Path) -> PathBuf {
    let dir = root.join("corpus");
    let write = |name: &str, body: &str| {
        let folder = dir.join(name);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("article.txt"), body).unwrap();
    };
    for (k, (a, b, city)) in [("Russia", "Ukraine", "Istanbul"), ("France", "Germany", "Paris"), ("China", "India", "Geneva")].iter().enumerate() {
        for j in 0..2 {
            write(
                &format!("talks{k}_{j}"),
                &format!(
                    "{a} and {b} hold talks in {city}\n\n{city}, May {d}, 2025 - The foreign ministers of {a} and {b} met in {city} \
                     on May {d}, 2025, for talks on trade and security, officials said. {a} accused {b} of breaking the ceasefire. \
                     Both sides agreed to meet again in June.\n\nReport {j} of desk {k}.",
                    d = 10 + k
                ),
            );
        }
    }
    write("empty", "   \n");
    let big = "The talks went on. ".repeat(70_000);
    write("big", &format!("A very long report\n\n{big}"));
    dir
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

#[test]
fn a_worker_ingests_what_was_submitted_as_ingest_would() {
    let Some(url) = server("a_worker_ingests_what_was_submitted_as_ingest_would") else { return };
    let config = queue("ingest");
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let submitted = submit(&url, &config, &[corpus.clone()], &IngestOptions::default(), |_| {}).unwrap();
    assert_eq!(submitted.published, 6, "{submitted:?}");
    let kinds: Vec<&str> = submitted.rejected.iter().map(|r| r.kind.as_str()).collect();
    assert_eq!(kinds, ["too-large", "empty"], "{submitted:?}");
    assert!(submitted.rejected[0].reason.starts_with("too large: "), "the reader's wording: {}", submitted.rejected[0].reason);
    // submitting again stores nothing twice (the content id is the message id)
    let again = submit(&url, &config, &[corpus.clone()], &IngestOptions::default(), |_| {}).unwrap();
    assert_eq!((again.published, again.duplicates), (0, 6));
    // a message no worker can read
    runtime().block_on(async {
        let client = async_nats::connect(&url).await.unwrap();
        jetstream::new(client).publish(config.subject.clone(), "not an input".into()).await.unwrap().await.unwrap();
    });

    let pipeline = Pipeline::load().unwrap();
    let mut store = Store::open(&dir.path().join("worker.db")).unwrap();
    let options = WorkerOptions { batch: Some(4), drain: true };
    let done = work(&url, &config, &mut store, &pipeline, &options, |_| {}).unwrap();
    assert_eq!((done.stored, done.dead, done.messages), (6, 1, 7), "{done:?}");

    let mut reference = Store::open(&dir.path().join("ingest.db")).unwrap();
    let mut single = Pipeline::load().unwrap();
    single.batch_size = 4;
    let ingested = single.ingest(&mut reference, &[corpus], |_| {}).unwrap();
    let sources = |r: Vec<String>| -> Vec<String> {
        let mut r: Vec<String> = r.into_iter().map(|s| s.rsplit('/').nth(1).unwrap_or_default().to_string()).collect();
        r.sort();
        r
    };
    assert_eq!(
        sources(ingested.rejected.iter().map(|r| r.source.clone()).collect()),
        sources(submitted.rejected.iter().map(|r| r.source.clone()).collect()),
        "the same inputs are rejected (the big one by the cleaner's budget there, by the message limit here)"
    );
    let docs = |s: &Store| {
        let mut d: Vec<_> = s.documents().unwrap().into_iter().map(|d| (d.id.to_string(), d.story, d.duplicate_of.map(|i| i.to_string()))).collect();
        d.sort();
        d
    };
    assert_eq!(docs(&store), docs(&reference), "same documents, stories and duplicate groups (one worker, input order)");
    assert_eq!(store.merged_events().unwrap(), reference.merged_events().unwrap());

    let s = status(&url, &config, &store, Duration::from_millis(10)).unwrap();
    assert_eq!((s.queued, s.pending, s.ack_pending, s.dead, s.documents), (0, 0, 0, 1, 6), "{s:?}");
    assert_eq!(s.rejected.into_iter().collect::<Vec<_>>(), [("empty".to_string(), 1), ("too-large".to_string(), 1)]);
}

#[test]
fn a_message_delivered_max_deliver_times_goes_to_the_dead_letters() {
    let Some(url) = server("a_message_delivered_max_deliver_times_goes_to_the_dead_letters") else { return };
    let mut config = queue("poison");
    config.max_deliver = 2;
    config.ack_wait = Duration::from_secs(30);
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let one = corpus.join("talks0_0/article.txt");
    assert_eq!(submit(&url, &config, &[one], &IngestOptions::default(), |_| {}).unwrap().published, 1);
    // a worker takes it and dies before its commit: the server hands it out again (here at once)
    runtime().block_on(async {
        let js = jetstream::new(async_nats::connect(&url).await.unwrap());
        let stream = js.get_stream(&config.stream).await.unwrap();
        let pull: consumer::PullConsumer = stream
            .get_or_create_consumer(&config.consumer, config.pull_consumer())
            .await
            .unwrap();
        let mut batch = pull.batch().max_messages(1).expires(Duration::from_secs(2)).messages().await.unwrap();
        let m = batch.next().await.expect("the message is delivered").unwrap();
        // confirmed by the server before the runtime goes
        m.double_ack_with(jetstream::AckKind::Nak(None)).await.unwrap();
    });
    let pipeline = Pipeline::load().unwrap();
    let mut store = Store::open(&dir.path().join("w.db")).unwrap();
    let done = work(&url, &config, &mut store, &pipeline, &WorkerOptions { batch: Some(4), drain: true }, |_| {}).unwrap();
    assert_eq!((done.dead, done.stored), (1, 0), "its last delivery is not processed: {done:?}");
    assert_eq!(store.count_documents().unwrap(), 0);
    let s = status(&url, &config, &store, Duration::from_millis(10)).unwrap();
    assert_eq!((s.dead, s.queued, s.ack_pending), (1, 0, 0), "{s:?}");
}
