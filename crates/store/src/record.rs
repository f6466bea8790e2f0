//! The ingest's write path: one batch — documents, their furniture line counts,
//! corrections of earlier documents, the link state they changed and the merged
//! events of the stories they touched — in one
//! transaction ([`Store::commit_batch`]); the link state read back
//! ([`Store::state_entries`]); and the writer lock that serialises ingests on one
//! store ([`Store::lock_writer`]).
//!
//! These are the query functions a second backend implements for the write
//! path: a batch is atomic, state entries are upserted by (space, key), and one
//! writer at a time holds the store.

use std::collections::{BTreeMap, HashSet};
use std::fs::{File, TryLockError};
use std::path::PathBuf;

use chronicle_core::record::MergedEvent;
use chronicle_core::{DocId, Document};
use crate::db::{params, Db, DbError, Row, Tx, Value};
use crate::error::{sql_err, StoreError};
use crate::merged::{replace_merged, write_event_inputs};
use crate::store::{count_lines, update_in, write_documents, BatchOutcome, Store};

/// One entry of a later stage's state: which kind (`space`), which entry
/// (`key`), and its value as JSON. Upserted by (space, key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StateEntry {
    /// The kind of entry (`dup.doc`, `story.df`, …).
    pub space: String,
    /// The entry inside its space.
    pub key: String,
    /// The entry, JSON.
    pub value: String,
}

impl StateEntry {
    /// An entry from a `SELECT space, key, value` row.
    fn of_row(r: &Row) -> Result<StateEntry, DbError> {
        Ok(StateEntry { space: r.text(0)?, key: r.text(1)?, value: r.text(2)? })
    }
}

/// Everything one ingest batch writes; committed together or not at all.
#[derive(Clone, Debug, Default)]
pub struct Batch {
    /// New documents (already stored ones are reported as duplicates, not rewritten).
    pub docs: Vec<Document>,
    /// Per new document: its site and distinct furniture line keys, counted in the
    /// furniture table.
    pub lines: Vec<(DocId, String, Vec<u64>)>,
    /// How many first documents a furniture line remembers.
    pub keep_first: usize,
    /// Stored documents rewritten (corrections that this batch's lines cause).
    pub corrected: Vec<Document>,
    /// State entries this batch changed.
    pub state: Vec<StateEntry>,
    /// Meta keys this batch retires (state moved into entries).
    pub retire_meta: Vec<String>,
    /// What event coreference reads of each new or corrected document with
    /// events (the document reduced by `link`, under its `meta.story`); kept
    /// for stored documents only.
    pub event_inputs: Vec<Document>,
    /// The merged events of every story this batch touched, each replacing
    /// that story's stored ones.
    pub merged: Vec<(String, Vec<MergedEvent>)>,
}

/// Held while one process writes to a store; dropping it (or the process
/// ending, however it ends) lets the next writer in.
pub struct WriterLock {
    _file: Option<File>,
    /// On PostgreSQL: the connection holding the session's advisory lock.
    _pg: Option<postgres::Client>,
}

impl std::fmt::Debug for WriterLock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WriterLock").field("file", &self._file).field("postgres", &self._pg.is_some()).finish()
    }
}

/// The page cache of the connection that holds the writer lock (SQLite), in KiB:
/// a batch of 256 documents writes about 6 MiB of pages (SQLite's default cache
/// is 2 MiB), and the link state's and indexes' pages it rewrites stay cached
/// from one batch to the next. Allocated as pages are read, freed with the store.
const WRITER_CACHE_KIB: u32 = 64 * 1024;

/// The log pages after which the writer's commit copies the log back into the
/// database (SQLite's default is 1,000, less than one batch writes, so every
/// commit would copy and sync): pages a run rewrites batch after batch (the link
/// state's, the indexes') are copied once per checkpoint, not once per batch.
const WRITER_CHECKPOINT_PAGES: u32 = 16 * 1024;

/// The advisory lock key of the writer lock on PostgreSQL (per schema).
const PG_WRITER_KEY: &str = "hashtext('chronicle-writer:' || current_schema())";

impl Store {
    /// Writes a batch in one transaction: the new documents with their index
    /// rows, the furniture counts of those stored, the corrections and the state
    /// entries. On any error nothing of the batch is written.
    pub fn commit_batch(&mut self, batch: Batch) -> Result<BatchOutcome, StoreError> {
        let fail = match self.commits_left.as_mut() {
            Some(0) => true,
            Some(n) => {
                *n -= 1;
                false
            }
            None => false,
        };
        let tx = self.db.begin().map_err(|e| sql_err("starting a write batch", e))?;
        let outcome = write_documents(&tx, batch.docs)?;
        let stored: HashSet<&DocId> = outcome.ingested.iter().collect();
        let mut lines: BTreeMap<(String, u64), Vec<DocId>> = BTreeMap::new();
        for (id, site, keys) in batch.lines.iter().filter(|l| stored.contains(&l.0)) {
            for &key in keys {
                lines.entry((site.clone(), key)).or_default().push(id.clone());
            }
        }
        count_lines(&tx, lines, batch.keep_first)?;
        update_in(&tx, &batch.corrected)?;
        write_event_inputs(&tx, &batch.event_inputs)?;
        replace_merged(&tx, &batch.merged)?;
        upsert_state(&tx, batch.state)?;
        for key in &batch.retire_meta {
            tx.execute("DELETE FROM meta WHERE key = ?1", params![key.as_str()]).map_err(|e| sql_err(format!("retiring meta {key:?}"), e))?;
        }
        if fail {
            // dropped unfinished: rolled back, as a crash before the commit would be
            return Err(StoreError::Injected);
        }
        tx.commit().map_err(|e| sql_err("committing a write batch", e))?;
        Ok(outcome)
    }

    /// Every state entry whose space starts with `prefix`, ordered by space and key.
    pub fn state_entries(&self, prefix: &str) -> Result<Vec<StateEntry>, StoreError> {
        let ctx = |e| sql_err(format!("reading the state {prefix}*"), e);
        let rows = self
            .db
            .query(
                "SELECT space, key, value FROM link_state WHERE substr(space, 1, length(CAST(?1 AS TEXT))) = ?1 ORDER BY space, key",
                params![prefix],
            )
            .map_err(ctx)?;
        rows.iter().map(StateEntry::of_row).collect::<Result<Vec<_>, _>>().map_err(ctx)
    }

    /// The state entries of one space, by key (a range of the primary key: unlike
    /// [`Store::state_entries`], no other space is read).
    pub fn state_space(&self, space: &str) -> Result<Vec<StateEntry>, StoreError> {
        let ctx = |e| sql_err(format!("reading the state {space}"), e);
        let rows = self
            .db
            .query("SELECT space, key, value FROM link_state WHERE space = ?1 ORDER BY key", params![space])
            .map_err(ctx)?;
        rows.iter().map(StateEntry::of_row).collect::<Result<Vec<_>, _>>().map_err(ctx)
    }

    /// The version of the link state: that of the latest commit that changed
    /// it (0 when none has). Read under the writer lock, it stays until the holder commits.
    pub fn state_version(&self) -> Result<i64, StoreError> {
        state_version_in(&self.db)
    }

    /// The state entries written by commits after state version `since`, by
    /// space and key: what a writer holding the state as of `since` lacks.
    pub fn state_since(&self, since: i64) -> Result<Vec<StateEntry>, StoreError> {
        let ctx = |e| sql_err("reading the link state's changes", e);
        let rows = self
            .db
            .query("SELECT space, key, value FROM link_state WHERE version > ?1 ORDER BY space, key", params![since])
            .map_err(ctx)?;
        rows.iter().map(StateEntry::of_row).collect::<Result<Vec<_>, _>>().map_err(ctx)
    }

    /// The state entries of `space` with these keys (those that exist), by key.
    pub fn state_keys(&self, space: &str, keys: &[String]) -> Result<Vec<StateEntry>, StoreError> {
        let ctx = |e| sql_err(format!("reading the state {space}"), e);
        let mut out = Vec::new();
        // a few hundred keys per statement: under every engine's limit of parameters
        for chunk in keys.chunks(500) {
            let marks: Vec<String> = (2..chunk.len() + 2).map(|i| format!("?{i}")).collect();
            let sql = format!("SELECT space, key, value FROM link_state WHERE space = ?1 AND key IN ({})", marks.join(", "));
            let mut values = vec![Value::from(space)];
            values.extend(chunk.iter().map(|k| Value::from(k.as_str())));
            let rows = self.db.query(&sql, &values).map_err(ctx)?;
            for r in &rows {
                out.push(StateEntry::of_row(r).map_err(ctx)?);
            }
        }
        out.sort_by(|a, b| a.key.cmp(&b.key));
        Ok(out)
    }

    /// Test hook: the next `n` batches commit, every later one fails with
    /// [`StoreError::Injected`] after writing its documents and before its commit.
    pub fn fail_after_commits(&mut self, n: u64) {
        self.commits_left = Some(n);
    }

    /// Takes the store's writer lock (a lock file beside the database,
    /// `NAME-writer.lock`), calling `on_wait` once first if another process holds
    /// it, then waiting for it. The operating system releases the lock when its
    /// holder ends, even by `kill -9`. A store in memory needs no lock. On
    /// PostgreSQL the lock is a session advisory lock held by a connection of
    /// its own, which the server releases when that connection ends (however
    /// the process ends).
    pub fn lock_writer(&self, on_wait: impl FnOnce()) -> Result<WriterLock, StoreError> {
        if let Some(target) = &self.pg {
            let mut client = target.connect()?;
            let ctx = |e| sql_err("taking the writer lock", e);
            let got: bool = client.query_one(&format!("SELECT pg_try_advisory_lock({PG_WRITER_KEY})"), &[]).and_then(|r| r.try_get(0)).map_err(ctx)?;
            if !got {
                on_wait();
                client.execute(&format!("SELECT pg_advisory_lock({PG_WRITER_KEY})"), &[]).map_err(ctx)?;
            }
            return Ok(WriterLock { _file: None, _pg: Some(client) });
        }
        let Some(db) = self.path() else { return Ok(WriterLock { _file: None, _pg: None }) };
        let mut name = db.file_name().unwrap_or_default().to_os_string();
        name.push("-writer.lock");
        let path: PathBuf = db.with_file_name(name);
        let lock_err = |source| StoreError::Lock { path: path.clone(), source };
        let file = File::options().create(true).truncate(false).write(true).open(&path).map_err(lock_err)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                on_wait();
                file.lock().map_err(lock_err)?;
            }
            Err(TryLockError::Error(e)) => return Err(lock_err(e)),
        }
        // The writer's page cache holds a whole batch: a smaller one spills dirty
        // pages to the log before the commit and reads index pages back again.
        self.db
            .batch(&format!("PRAGMA cache_size = -{WRITER_CACHE_KIB}; PRAGMA wal_autocheckpoint = {WRITER_CHECKPOINT_PAGES}"))
            .map_err(|e| sql_err("sizing the writer's page cache", e))?;
        Ok(WriterLock { _file: Some(file), _pg: None })
    }
}

/// The version of the latest commit that changed the link state (0: none did).
fn state_version_in(db: &Db) -> Result<i64, StoreError> {
    db.query_one("SELECT coalesce(max(version), 0) FROM link_state", params![])
        .and_then(|r| r.int(0))
        .map_err(|e| sql_err("reading the link state's version", e))
}

/// Upserts state entries inside a transaction, in key order (neighbouring
/// entries share b-tree pages, so a batch's rows touch each page once), each
/// stamped with the next state version (the batch's).
fn upsert_state(tx: &Tx<'_>, mut entries: Vec<StateEntry>) -> Result<(), StoreError> {
    if entries.is_empty() {
        return Ok(());
    }
    let version = state_version_in(tx)? + 1;
    // one row per (space, key), the last entry winning as upserts one by one
    // would (a statement may not upsert one row twice): a stable sort keeps
    // equal keys in their order, and of each run the last is written
    entries.sort_by(|a, b| (a.space.as_str(), a.key.as_str()).cmp(&(b.space.as_str(), b.key.as_str())));
    let mut rows = Vec::with_capacity(entries.len());
    let mut entries = entries.into_iter().peekable();
    while let Some(e) = entries.next() {
        if entries.peek().is_some_and(|next| next.space == e.space && next.key == e.key) {
            continue;
        }
        rows.push(vec![Value::Text(e.space), Value::Text(e.key), Value::Text(e.value), Value::Int(version)]);
    }
    tx.insert_rows(
        "INSERT INTO link_state (space, key, value, version)",
        4,
        rows,
        "ON CONFLICT (space, key) DO UPDATE SET value = excluded.value, version = excluded.version",
    )
    .map_err(|e| sql_err("writing the link state", e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdb::each_engine;
    use crate::sample;

    fn entry(space: &str, key: &str, value: &str) -> StateEntry {
        StateEntry { space: space.into(), key: key.into(), value: value.into() }
    }

    #[test]
    fn a_batch_and_its_state_commit_together_or_not_at_all() {
        each_engine("a_batch_and_its_state_commit_together_or_not_at_all", |mut store| {
            store.put_meta("link.old", "{}").unwrap();
            let doc = sample::full();
            let batch = Batch {
                docs: vec![doc.clone()],
                state: vec![entry("dup.doc", "0", "{\"a\":1}"), entry("story.df", "3", "2")],
                retire_meta: vec!["link.old".into()],
                ..Batch::default()
            };
            store.fail_after_commits(0);
            assert!(matches!(store.commit_batch(batch.clone()), Err(StoreError::Injected)));
            assert_eq!(store.count_documents().unwrap(), 0, "the documents were rolled back");
            assert!(store.state_entries("").unwrap().is_empty(), "and the state with them");
            assert!(store.get_meta("link.old").unwrap().is_some());

            store.commits_left = None;
            let out = store.commit_batch(batch).unwrap();
            assert_eq!(out.ingested, vec![doc.id.clone()]);
            assert_eq!(store.get_meta("link.old").unwrap(), None);
            let later = Batch { state: vec![entry("story.df", "3", "4"), entry("story.df", "3", "5")], ..Batch::default() };
            store.commit_batch(later).unwrap();
            assert_eq!(
                store.state_entries("story.").unwrap(),
                vec![entry("story.df", "3", "5")],
                "an entry is replaced, and the prefix selects the space"
            );
            assert_eq!(store.state_entries("").unwrap().len(), 2);
        });
    }

    /// Holds `a`'s writer lock and checks that `b` waits for it (and is told
    /// so) until it is released; `meanwhile` runs while `b` waits.
    fn second_writer_waits(a: Store, b: Store, meanwhile: impl FnOnce()) {
        let held = a.lock_writer(|| panic!("the first writer does not wait")).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let waiter = std::thread::spawn(move || {
            let mut waited = false;
            let lock = b.lock_writer(|| waited = true).unwrap();
            tx.send(waited).unwrap();
            drop(lock);
        });
        // the second writer cannot get in while the first holds the lock
        assert!(rx.recv_timeout(std::time::Duration::from_millis(300)).is_err());
        meanwhile();
        drop(held);
        assert!(rx.recv().unwrap(), "the second writer was told it waits");
        waiter.join().unwrap();
    }

    #[test]
    fn a_second_writer_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        second_writer_waits(Store::open(&path).unwrap(), Store::open(&path).unwrap(), || {});
    }

    #[test]
    fn a_second_writer_waits_for_the_first_on_postgres() {
        let Some((a, schema)) = crate::testdb::fresh_pg("a_second_writer_waits_for_the_first_on_postgres") else { return };
        let b = Store::open_postgres(&crate::testdb::pg_url().unwrap(), Some(&schema)).unwrap();
        second_writer_waits(a, b, || {
            // another schema is another store: its writer does not wait
            let (other, _) = crate::testdb::fresh_pg("a_second_writer_waits_for_the_first_on_postgres").unwrap();
            drop(other.lock_writer(|| panic!("a writer of another schema does not wait")).unwrap());
        });
    }
}
