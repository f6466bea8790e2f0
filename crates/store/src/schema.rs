//! The schema and its numbered migrations.
//!
//! The schema version is SQLite's `PRAGMA user_version` (on PostgreSQL, the row
//! of `chronicle_schema`): migration `n` (1-based) brings a database from version
//! `n - 1` to `n`. The scripts are written for SQLite and translated for
//! PostgreSQL (`crate::db`). Each migration runs in its own write transaction
//! (SQLite's `BEGIN IMMEDIATE`; on PostgreSQL under an advisory lock) that
//! re-reads the version first, so two
//! processes opening the same old file at once apply it only once, and a crash
//! mid-migration leaves the previous version intact. Migrations are append-only:
//! never edit a released one, add the next.

use crate::db::{params, Db, DbError};
use crate::error::{sql_err, StoreError};

/// Migration 1: documents, their derived index tables, and the meta table.
///
/// `documents.doc` holds the whole [`chronicle_core::Document`] as serde JSON
/// with `raw` emptied; the exact input bytes live in `documents.raw`. The other
/// columns are copies of fields used to list, sort and count without decoding
/// the JSON. `mentions` and `events` are per-annotation index rows (entity ids
/// and event types), rebuilt whenever a document is rewritten.
const V1: &str = "
CREATE TABLE documents (
    id                 TEXT PRIMARY KEY NOT NULL,
    source             TEXT NOT NULL,
    format             TEXT NOT NULL,
    url                TEXT,
    outlet             TEXT,
    title              TEXT,
    published_value    TEXT,
    published_earliest TEXT,
    published_latest   TEXT,
    published_basis    TEXT NOT NULL,
    published_sort     TEXT,
    language           TEXT,
    appended_to        TEXT,
    duplicate_of       TEXT,
    story              TEXT,
    body_chars         INTEGER NOT NULL,
    n_blocks           INTEGER NOT NULL,
    n_sentences        INTEGER NOT NULL,
    n_tokens           INTEGER NOT NULL,
    n_mentions         INTEGER NOT NULL,
    n_roles            INTEGER NOT NULL,
    n_times            INTEGER NOT NULL,
    n_quantities       INTEGER NOT NULL,
    n_quotes           INTEGER NOT NULL,
    n_events           INTEGER NOT NULL,
    raw                BLOB NOT NULL,
    doc                TEXT NOT NULL,
    ingested_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at         TEXT
);
CREATE INDEX documents_published ON documents (published_sort, id);
CREATE INDEX documents_story ON documents (story);

CREATE TABLE mentions (
    doc_id      TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    entity_id   TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    canonical   TEXT NOT NULL,
    start_byte  INTEGER NOT NULL,
    end_byte    INTEGER NOT NULL,
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX mentions_entity ON mentions (entity_id);

CREATE TABLE events (
    doc_id      TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    event_type  TEXT NOT NULL,
    modality    TEXT NOT NULL,
    date_sort   TEXT,
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX events_type ON events (event_type);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
";

/// Migration 2: furniture across pages. Per site (URL host, else source folder) and per
/// line key (a hash of the normalised line, see `chronicle_clean::Furniture`): how many
/// distinct stored documents hold the line, and the ids of the first of them (JSON array,
/// at most the furniture threshold), so that the pages stored before a line became
/// template can be found and corrected. Written in the documents' batch transaction.
const V2: &str = "
CREATE TABLE furniture (
    site       TEXT NOT NULL,
    line_key   INTEGER NOT NULL,
    docs       INTEGER NOT NULL,
    first_docs TEXT NOT NULL,
    PRIMARY KEY (site, line_key)
);
CREATE INDEX furniture_docs ON furniture (docs);
";

/// Migration 3: the link state. The duplicate and story indexes as rows of
/// (space, key, value): one row per entry an assignment touched (a document's
/// fingerprint, a term's frequency, a story's centroid, a posting list, …), value JSON.
/// Written in the batch transaction of the documents that changed them, so a
/// document is stored exactly when it is linked. Stores that kept the indexes
/// as two JSON values in `meta` are moved here by the pipeline on its first write.
const V3: &str = "
CREATE TABLE link_state (
    space TEXT NOT NULL,
    key   TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (space, key)
) WITHOUT ROWID;
";

/// Migration 4: the merged events, a stored fact of the record. `event_inputs`
/// holds, per document with events, what event coreference reads of it (id,
/// body, metadata, events and the mentions under their arguments, serde JSON of
/// a reduced `Document`) with its story, so that a batch re-merges the stories
/// it touched without decoding whole documents. `merged_events` holds each
/// story's merged events (`seq` their order in the story, `first_doc` the
/// `documents.rowid` of the first report, the order views list them in;
/// `event` the `MergedEvent` as serde JSON), and `merged_reports` which
/// documents report each (for lookups by document). All three are written in
/// the batch transaction of the documents that changed them.
const V4: &str = "
CREATE TABLE event_inputs (
    doc_id TEXT PRIMARY KEY NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    story  TEXT NOT NULL,
    doc    TEXT NOT NULL
);
CREATE INDEX event_inputs_story ON event_inputs (story);

CREATE TABLE merged_events (
    story     TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    id        TEXT NOT NULL,
    first_doc INTEGER NOT NULL,
    event     TEXT NOT NULL,
    PRIMARY KEY (story, seq)
);
CREATE INDEX merged_events_id ON merged_events (id);
CREATE INDEX merged_events_order ON merged_events (first_doc, seq);

CREATE TABLE merged_reports (
    story  TEXT NOT NULL,
    seq    INTEGER NOT NULL,
    report INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    PRIMARY KEY (story, seq, report)
);
CREATE INDEX merged_reports_doc ON merged_reports (doc_id);
";

/// Migration 5: a covering index of the document list. `Store::documents` (every
/// view's list of documents, read at each server start) reads these columns of every
/// row in this order; from the table that meant a page of the file per document,
/// beside its raw bytes and JSON (1.2 s at 100k documents), from this index it is
/// one compact scan in the query's order.
const V5: &str = "
CREATE INDEX documents_summary ON documents (
    (published_sort IS NULL), published_sort, id, source, format, url, outlet, title,
    published_value, published_earliest, published_latest, published_basis, language,
    appended_to, duplicate_of, story, body_chars, n_sentences, n_mentions, n_events
);
";

/// Migration 6: each link-state entry carries the version of the commit that
/// last wrote it (1, 2, … per batch that changed the state; 0 for entries
/// written before), so a writer holding the state in memory reads only the
/// entries other writers changed since ([`crate::Store::state_since`]).
const V6: &str = "
ALTER TABLE link_state ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX link_state_version ON link_state (version);
";

/// All migrations, in order. The schema version of a fully migrated file is
/// `MIGRATIONS.len()`.
pub(crate) const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// The PostgreSQL side's bookkeeping, created with the first migration: the
/// schema version (SQLite keeps it in `PRAGMA user_version`) and the commit
/// counter behind [`crate::Store::data_version`].
const PG_BOOKKEEPING: &str = "
CREATE TABLE IF NOT EXISTS chronicle_schema (version BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS chronicle_commits (n BIGINT NOT NULL);
INSERT INTO chronicle_commits (n) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM chronicle_commits);
";

/// Reads the schema version (0: a new database).
pub(crate) fn version(db: &Db) -> Result<u32, StoreError> {
    let ctx = |e| sql_err("reading the schema version", e);
    let v = match db {
        Db::Sqlite(_) => db.query_one("PRAGMA user_version", params![]).and_then(|r| r.int(0)).map_err(ctx)?,
        Db::Postgres(_) => {
            let exists = db
                .query_one("SELECT to_regclass('chronicle_schema') IS NOT NULL", params![])
                .and_then(|r| r.bool(0))
                .map_err(ctx)?;
            if !exists {
                return Ok(0);
            }
            db.query_opt("SELECT version FROM chronicle_schema", params![]).map_err(ctx)?.map_or(Ok(0), |r| r.int(0)).map_err(ctx)?
        }
    };
    Ok(u32::try_from(v).unwrap_or(0))
}

/// True when the database holds any table of its own (a version-0 database with
/// tables is not ours).
fn has_tables(db: &Db) -> Result<bool, StoreError> {
    let sql = match db {
        Db::Sqlite(_) => "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
        Db::Postgres(_) => {
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()
             AND table_name NOT IN ('chronicle_schema', 'chronicle_commits')"
        }
    };
    db.query_one(sql, params![]).and_then(|r| r.int(0)).map(|n| n > 0).map_err(|e| sql_err("reading the schema", e))
}

/// Records the schema version inside the migration's transaction.
fn set_version(db: &Db, version: u32) -> Result<(), DbError> {
    match db {
        Db::Sqlite(_) => db.batch(&format!("PRAGMA user_version = {version}")),
        Db::Postgres(_) => {
            db.execute("DELETE FROM chronicle_schema", params![])?;
            db.execute("INSERT INTO chronicle_schema (version) VALUES (?1)", params![i64::from(version)]).map(|_| ())
        }
    }
}

/// Brings the database up to [`SCHEMA_VERSION`]; a no-op when it is there.
pub(crate) fn migrate(db: &Db) -> Result<(), StoreError> {
    loop {
        let current = version(db)?;
        if current > SCHEMA_VERSION {
            return Err(StoreError::TooNew { found: current, supported: SCHEMA_VERSION });
        }
        if current == SCHEMA_VERSION {
            return Ok(());
        }
        let tx = db.begin().map_err(|e| sql_err("starting a migration", e))?;
        if tx.is_postgres() {
            tx.batch(PG_BOOKKEEPING).map_err(|e| sql_err("creating the schema bookkeeping", e))?;
        }
        // Another process may have migrated while we waited for the lock, so
        // the version, and whether tables without one are someone else's, are
        // read again under it.
        let current = version(&tx)?;
        if current >= SCHEMA_VERSION {
            continue;
        }
        if current == 0 && has_tables(&tx)? {
            return Err(StoreError::Foreign { path: std::path::PathBuf::new() });
        }
        let next = current + 1;
        let script = MIGRATIONS.get(current as usize).copied().unwrap_or_default();
        tx.ddl(script).map_err(|e| sql_err(format!("applying migration {next}"), e))?;
        set_version(&tx, next).map_err(|e| sql_err(format!("recording migration {next}"), e))?;
        tx.commit().map_err(|e| sql_err(format!("committing migration {next}"), e))?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Row;

    /// A fresh SQLite database in memory, and a fresh PostgreSQL schema when a
    /// test server is named.
    fn databases(test: &str) -> Vec<Db> {
        let mut out = vec![Db::Sqlite(rusqlite::Connection::open_in_memory().unwrap())];
        match crate::testdb::pg_url() {
            Some(url) => {
                let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
                let schema = crate::testdb::fresh_schema();
                client.batch_execute(&format!("SET client_min_messages TO warning; CREATE SCHEMA {schema}; SET search_path TO {schema}")).unwrap();
                out.push(Db::postgres(client));
            }
            None => eprintln!("{test}: PostgreSQL half skipped (set CHRONICLE_TEST_PG to a server URL to run it)"),
        }
        out
    }

    fn has_table(db: &Db, name: &str) -> bool {
        let sql = match db {
            Db::Sqlite(_) => "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
            Db::Postgres(_) => "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?1",
        };
        db.query_one(sql, params![name]).and_then(|r: Row| r.int(0)).unwrap() > 0
    }

    #[test]
    fn fresh_connection_migrates_to_latest_once() {
        for db in databases("fresh_connection_migrates_to_latest_once") {
            assert_eq!(version(&db).unwrap(), 0);
            migrate(&db).unwrap();
            assert_eq!(version(&db).unwrap(), SCHEMA_VERSION);
            migrate(&db).unwrap();
            assert_eq!(version(&db).unwrap(), SCHEMA_VERSION);
            assert!(has_table(&db, "documents") && has_table(&db, "merged_reports"));
        }
    }

    #[test]
    fn foreign_database_is_refused_and_left_alone() {
        for db in databases("foreign_database_is_refused_and_left_alone") {
            db.batch("CREATE TABLE accounts (id INTEGER PRIMARY KEY)").unwrap();
            assert!(matches!(migrate(&db), Err(StoreError::Foreign { .. })));
            assert_eq!(version(&db).unwrap(), 0);
            assert!(!has_table(&db, "documents"));
        }
    }

    #[test]
    fn newer_file_is_refused() {
        for db in databases("newer_file_is_refused") {
            migrate(&db).unwrap();
            set_version(&db, SCHEMA_VERSION + 1).unwrap();
            match migrate(&db) {
                Err(StoreError::TooNew { found, supported }) => {
                    assert_eq!(found, SCHEMA_VERSION + 1);
                    assert_eq!(supported, SCHEMA_VERSION);
                }
                other => panic!("expected TooNew, got {other:?}"),
            }
        }
    }
}
