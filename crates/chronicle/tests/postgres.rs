//! The record on PostgreSQL (`--db postgres://…`) equals the record on SQLite:
//! the same inputs ingested by the CLI into both give the same documents,
//! stories, duplicate groups, link state, merged events, `stories` and export; an
//! ingest killed with SIGKILL and run again ends in the uninterrupted record; two
//! ingests on one database serialise through the advisory writer lock.
//!
//! Runs when `CHRONICLE_TEST_PG` names a PostgreSQL server (a URL; `.ci/run`
//! starts one); each test works in a fresh schema of its own. Without it the
//! tests print a notice and pass without checking anything.

use std::path::Path;
use std::process::Stdio;

use chronicle_store::Store;

mod common;
use common::{bin, corpus, fresh_database, ingest_cli, record, run, text, BATCH};

fn count(db: &Path) -> u64 {
    Store::open(db).and_then(|s| s.count_documents()).unwrap_or(0)
}

#[test]
fn the_record_on_postgres_equals_the_record_on_sqlite() {
    let Some(pg) = fresh_database("the_record_on_postgres_equals_the_record_on_sqlite") else { return };
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path(), None);
    let sqlite = dir.path().join("reference.db");
    ingest_cli(&sqlite, &corpus);
    ingest_cli(&pg, &corpus);
    let reference = record(&sqlite);
    assert!(reference.docs.len() >= 20 && reference.docs.iter().any(|d| d.2.is_some()), "the fixture has duplicate groups");
    assert!(reference.merged.iter().any(|e| e.reports.len() > 1), "and merged events");
    assert_eq!(record(&pg), reference);
    let stats = run(&pg, &["stats"]);
    assert!(stats.status.success(), "{}", text(&stats.stderr));
    assert!(text(&stats.stdout).contains(&format!("{}", reference.docs.len())), "{}", text(&stats.stdout));
    // a second ingest of the same inputs adds nothing
    ingest_cli(&pg, &corpus);
    assert_eq!(count(&pg), reference.docs.len() as u64);
}

#[test]
fn an_ingest_into_postgres_killed_midway_resumes_to_the_uninterrupted_record() {
    let Some(pg) = fresh_database("an_ingest_into_postgres_killed_midway") else { return };
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path(), None);
    let sqlite = dir.path().join("reference.db");
    ingest_cli(&sqlite, &corpus);
    let reference = record(&sqlite);
    let mut child = bin()
        .arg("--db")
        .arg(&pg)
        .args(["ingest", "--batch", BATCH])
        .arg(&corpus)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    while child.try_wait().unwrap().is_none() && count(&pg) < 7 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let _ = child.kill(); // SIGKILL: the server rolls back its open transaction and frees its lock
    child.wait().unwrap();
    let stored = count(&pg);
    assert!(stored < reference.docs.len() as u64, "the kill landed mid-run ({stored} stored)");
    ingest_cli(&pg, &corpus);
    assert_eq!(record(&pg), reference);
}

#[test]
fn two_ingests_into_one_postgres_database_serialise() {
    let Some(pg) = fresh_database("two_ingests_into_one_postgres_database_serialise") else { return };
    let dir = tempfile::tempdir().unwrap();
    let parts = [corpus(dir.path(), Some(0)), corpus(dir.path(), Some(1))];
    let sequential = |first: usize| {
        let db = dir.path().join(format!("seq{first}.db"));
        for p in [first, 1 - first] {
            ingest_cli(&db, &parts[p]);
        }
        record(&db)
    };
    let orders = [sequential(0), sequential(1)];
    let spawned: Vec<_> = parts
        .iter()
        .map(|p| {
            bin().arg("--db").arg(&pg).args(["ingest", "--batch", BATCH]).arg(p).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap()
        })
        .collect();
    for child in spawned {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let both = record(&pg);
    assert!(both == orders[0] || both == orders[1], "two processes give one of the sequential records");
}
