//! The record survives crashes and shares a store: an ingest killed with
//! SIGKILL, or stopped by a store error, and run again ends in exactly the state
//! of an uninterrupted run (documents, stories, duplicate groups, link state,
//! merged events, export), and the merged events do not depend on how the
//! input was cut into batches; two ingests on one store serialise; a corrupt or foreign database
//! file is refused with a message. Small fixtures written into temporary
//! directories, so the whole file runs in seconds.

use std::process::Stdio;

use chronicle_pipeline::Pipeline;
use chronicle_store::Store;

mod common;
use common::{bin, corpus, ingest_cli, record, run, text, BATCH};

#[test]
fn an_ingest_killed_at_any_point_resumes_to_the_uninterrupted_record() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path(), None);
    let reference_db = dir.path().join("reference.db");
    ingest_cli(&reference_db, &corpus);
    let reference = record(&reference_db);
    let total = reference.docs.len();
    assert!(total >= 20, "the fixture is ingested: {total}");
    assert!(reference.docs.iter().any(|d| d.2.is_some()), "the fixture has duplicate groups");
    assert!(reference.state.iter().any(|e| e.space == "story.doc"), "the link state is stored");
    assert!(reference.merged.iter().any(|e| e.reports.len() > 1), "merged events are stored: {:?}", reference.merged.len());

    let mut interrupted = 0;
    for (i, stored_before_kill) in [1, 6, 13, 19].into_iter().enumerate() {
        let db = dir.path().join(format!("killed{i}.db"));
        let mut child = bin()
            .arg("--db")
            .arg(&db)
            .args(["ingest", "--batch", BATCH])
            .arg(&corpus)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait until the child has committed that many documents, then SIGKILL it.
        let store = loop {
            if let Ok(Some(_)) = child.try_wait() {
                break None;
            }
            if db.exists() {
                if let Ok(s) = Store::open(&db) {
                    break Some(s);
                }
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        };
        if let Some(store) = &store {
            while child.try_wait().unwrap().is_none() && store.count_documents().unwrap_or(0) < stored_before_kill {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
        }
        let _ = child.kill(); // SIGKILL
        child.wait().unwrap();
        if let Some(store) = store {
            if (store.count_documents().unwrap() as usize) < total {
                interrupted += 1;
            }
        }
        ingest_cli(&db, &corpus);
        assert_eq!(record(&db), reference, "killed after {stored_before_kill} stored documents");
    }
    assert!(interrupted > 0, "at least one kill landed before the run's end");
}

#[test]
fn merged_events_do_not_depend_on_the_batches() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path(), None);
    let small = dir.path().join("small.db");
    ingest_cli(&small, &corpus);
    let whole = dir.path().join("whole.db");
    let out = run(&whole, &["ingest", "--batch", "1000", corpus.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let (small, whole) = (record(&small), record(&whole));
    assert!(small.merged.iter().any(|e| e.reports.len() >= 4), "the talks of one desk are one event");
    assert_eq!(small.merged, whole.merged, "reports of later batches join the events one batch forms");
    assert_eq!(small.export, whole.export);
}

#[test]
fn an_ingest_stopped_by_a_store_error_resumes_to_the_uninterrupted_record() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path(), None);
    let mut pipeline = Pipeline::load().unwrap();
    pipeline.batch_size = 2;
    let reference_db = dir.path().join("reference.db");
    pipeline.ingest(&mut Store::open(&reference_db).unwrap(), std::slice::from_ref(&corpus), |_| {}).unwrap();
    let reference = record(&reference_db);
    for commits in [0, 1, 4, 9] {
        let db = dir.path().join(format!("failed{commits}.db"));
        let mut store = Store::open(&db).unwrap();
        store.fail_after_commits(commits);
        let err = pipeline.ingest(&mut store, std::slice::from_ref(&corpus), |_| {}).expect_err("the store fails");
        assert!(err.to_string().contains("injected"), "{err}");
        let stored = store.count_documents().unwrap() as usize;
        assert!(stored < reference.docs.len() && (commits > 0 || stored == 0), "the failed batch left nothing: {stored}");
        drop(store);
        pipeline.ingest(&mut Store::open(&db).unwrap(), std::slice::from_ref(&corpus), |_| {}).unwrap();
        assert_eq!(record(&db), reference, "failed after {commits} commits");
    }
}

#[test]
fn two_ingests_on_one_store_serialise() {
    let dir = tempfile::tempdir().unwrap();
    let parts = [corpus(dir.path(), Some(0)), corpus(dir.path(), Some(1))];
    let mut pipeline = Pipeline::load().unwrap();
    pipeline.batch_size = 2;
    // the two orders one at a time
    let sequential = |first: usize| {
        let db = dir.path().join(format!("seq{first}.db"));
        let mut store = Store::open(&db).unwrap();
        for p in [first, 1 - first] {
            pipeline.ingest(&mut store, std::slice::from_ref(&parts[p]), |_| {}).unwrap();
        }
        record(&db)
    };
    let orders = [sequential(0), sequential(1)];
    // two threads, each with its own connection
    let db = dir.path().join("together.db");
    drop(Store::open(&db).unwrap());
    std::thread::scope(|s| {
        for part in &parts {
            let (db, pipeline) = (&db, &pipeline);
            s.spawn(move || {
                let mut store = Store::open(db).unwrap();
                pipeline.ingest(&mut store, std::slice::from_ref(part), |_| {}).unwrap();
            });
        }
    });
    let together = record(&db);
    assert!(together == orders[0] || together == orders[1], "two writers give one of the sequential records");
    // two processes
    let spawned: Vec<_> = parts
        .iter()
        .map(|p| {
            bin()
                .arg("--db")
                .arg(dir.path().join("processes2.db"))
                .args(["ingest", "--batch", BATCH])
                .arg(p)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in spawned {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let both = record(&dir.path().join("processes2.db"));
    assert!(both == orders[0] || both == orders[1], "two processes give one of the sequential records");
}

#[test]
fn a_corrupt_or_foreign_database_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.db");
    ingest_cli(&good, &corpus(dir.path(), Some(0)));
    let bytes = std::fs::read(&good).unwrap();
    let mut header_then_garbage = bytes[..100].to_vec();
    header_then_garbage.extend(std::iter::repeat_n(0xA5u8, 8192));
    let cases: [(&str, Vec<u8>); 3] = [
        ("garbage.db", b"this is not a database at all, just words ".repeat(200)),
        ("torn.db", header_then_garbage),
        ("truncated.db", bytes[..bytes.len().min(4096 * 3)].to_vec()),
    ];
    for (name, content) in cases {
        let db = dir.path().join(name);
        std::fs::write(&db, content).unwrap();
        for args in [&["stats"][..], &["stories"], &["ingest", dir.path().join("part0").to_str().unwrap()]] {
            let out = run(&db, args);
            let err = text(&out.stderr);
            assert!(!out.status.success(), "{name} {args:?} is refused");
            assert!(!err.contains("panicked"), "{name} {args:?}: {err}");
            assert!(err.contains(name), "{name} {args:?}: the message names the file: {err}");
        }
    }
}
