//! Opening a store: an SQLite file (the embedded default), a fresh SQLite
//! database in memory, or a PostgreSQL database named by a URL
//! (`postgres://user@host:port/db`), optionally inside one schema of it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::db::{Db, DbError};
use crate::error::StoreError;
use crate::schema;
use crate::store::Store;

/// How long an SQLite writer waits for another process's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Where a PostgreSQL store lives: enough to open a second connection to it
/// (the writer lock holds its own).
#[derive(Clone)]
pub(crate) struct PgTarget {
    config: postgres::Config,
    schema: Option<String>,
    /// The URL without its password, for messages.
    shown: String,
}

/// True when `spec` names a PostgreSQL database (`postgres://…` or
/// `postgresql://…`) rather than an SQLite file.
pub fn is_postgres_url(spec: &str) -> bool {
    spec.starts_with("postgres://") || spec.starts_with("postgresql://")
}

impl Store {
    /// Opens (creating if missing) the store at `path`, in WAL mode, and
    /// brings its schema up to date. A `path` that is a PostgreSQL URL
    /// ([`is_postgres_url`]) opens that database instead ([`Store::open_postgres`]).
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(url) = path.to_str().filter(|s| is_postgres_url(s)) {
            return Store::open_postgres(url, None);
        }
        let opened = rusqlite::Connection::open(path).and_then(|c| configure(&c, true).map(|_| c));
        let db = Db::Sqlite(opened.map_err(|e| StoreError::Open { path: path.to_path_buf(), source: e.into() })?);
        migrate(&db, path)?;
        Ok(Store { db, path: Some(path.to_path_buf()), pg: None, commits_left: None })
    }

    /// Opens the store at `path` for reading: like [`Store::open`], but a path with
    /// no store — no file, or a PostgreSQL database (or schema) without chronicle's
    /// tables — is [`StoreError::Missing`] and nothing is created.
    pub fn open_existing(path: &Path) -> Result<Store, StoreError> {
        let Some(url) = path.to_str().filter(|s| is_postgres_url(s)) else {
            if !path.exists() {
                return Err(StoreError::Missing { address: shown_address(path) });
            }
            return Store::open(path);
        };
        Store::open_postgres_existing(url, None)
    }

    /// [`Store::open_postgres`] without creating anything: `Missing` when the
    /// database (or `schema`) holds no chronicle store.
    pub fn open_postgres_existing(url: &str, schema: Option<&str>) -> Result<Store, StoreError> {
        let target = PgTarget::parse(url, schema)?;
        let db = Db::postgres(target.connect_existing()?);
        if schema::version(&db)? == 0 {
            return Err(StoreError::Missing { address: target.shown.clone() });
        }
        migrate(&db, Path::new(&target.shown))?;
        Ok(Store { db, path: None, pg: Some(target), commits_left: None })
    }

    /// A fresh store in memory (tests, `chronicle demo`).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let opened = rusqlite::Connection::open_in_memory().and_then(|c| configure(&c, false).map(|_| c));
        let db = Db::Sqlite(opened.map_err(|e| StoreError::Open { path: PathBuf::from(":memory:"), source: e.into() })?);
        schema::migrate(&db)?;
        Ok(Store { db, path: None, pg: None, commits_left: None })
    }

    /// Opens the PostgreSQL database at `url` (its tables created or migrated
    /// as an SQLite file's are), in `schema` when given (created if missing:
    /// several stores in one database, e.g. one per test), else in the
    /// connection's default schema. A schema name is lower-case ASCII letters,
    /// digits and `_`.
    pub fn open_postgres(url: &str, schema: Option<&str>) -> Result<Store, StoreError> {
        let target = PgTarget::parse(url, schema)?;
        let db = Db::postgres(target.connect()?);
        migrate(&db, Path::new(&target.shown))?;
        Ok(Store { db, path: None, pg: Some(target), commits_left: None })
    }

    /// True when the store is a PostgreSQL database.
    pub fn is_postgres(&self) -> bool {
        self.db.is_postgres()
    }
}

/// Migrates, naming `path` in the errors of opening.
fn migrate(db: &Db, path: &Path) -> Result<(), StoreError> {
    schema::migrate(db).map_err(|e| match e {
        StoreError::Sql { source, .. } => StoreError::Open { path: path.to_path_buf(), source },
        StoreError::Foreign { .. } => StoreError::Foreign { path: path.to_path_buf() },
        other => other,
    })
}

impl PgTarget {
    fn parse(url: &str, schema: Option<&str>) -> Result<PgTarget, StoreError> {
        let bad = |reason: String| StoreError::Address { address: url_without_password(url), reason };
        let config: postgres::Config = url.parse().map_err(|e: postgres::Error| bad(e.to_string()))?;
        if let Some(s) = schema {
            let ok = !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !ok {
                return Err(bad(format!("the schema name {s:?} is not lower-case letters, digits and _")));
            }
        }
        let shown = match schema {
            Some(s) => format!("{} (schema {s})", url_without_password(url)),
            None => url_without_password(url),
        };
        Ok(PgTarget { config, schema: schema.map(str::to_string), shown })
    }

    /// A new connection, in the store's schema (created when missing).
    pub(crate) fn connect(&self) -> Result<postgres::Client, StoreError> {
        self.connect_with(true)
    }

    /// A new connection, in the store's schema, creating nothing.
    fn connect_existing(&self) -> Result<postgres::Client, StoreError> {
        self.connect_with(false)
    }

    fn connect_with(&self, create_schema: bool) -> Result<postgres::Client, StoreError> {
        let open_err = |e: postgres::Error| StoreError::Open { path: PathBuf::from(&self.shown), source: DbError::from(e) };
        let mut client = self.config.connect(postgres::NoTls).map_err(open_err)?;
        let mut setup = String::from("SET client_min_messages TO warning;");
        if let Some(s) = &self.schema {
            if create_schema {
                setup.push_str(&format!("CREATE SCHEMA IF NOT EXISTS {s};"));
            }
            setup.push_str(&format!("SET search_path TO {s};"));
        }
        client.batch_execute(&setup).map_err(open_err)?;
        // Documents are stored as JSON of tens of KB each, compressed as they are
        // written: LZ4 costs a fraction of the default's CPU (PostgreSQL 14+ built
        // with it, as Debian's is); where the server cannot, it keeps its default.
        let _ = client.batch_execute("SET default_toast_compression = 'lz4'");
        Ok(client)
    }
}

/// How to name the store at `spec` in messages: a file's path, or a PostgreSQL URL
/// without its password.
pub fn shown_address(spec: &Path) -> String {
    match spec.to_str().filter(|s| is_postgres_url(s)) {
        Some(url) => url_without_password(url),
        None => spec.display().to_string(),
    }
}

/// The URL with any password — in the user part or as a `password=` parameter —
/// replaced by `***`.
fn url_without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_string() };
    let (address, query) = match rest.split_once('?') {
        Some((a, q)) => (a, Some(q)),
        None => (rest, None),
    };
    let address = match address.rsplit_once('@') {
        Some((auth, host)) => match auth.split_once(':') {
            Some((user, _)) => format!("{user}:***@{host}"),
            None => format!("{auth}@{host}"),
        },
        None => address.to_string(),
    };
    let query = query.map(|q| {
        let params: Vec<String> = q
            .split('&')
            .map(|p| match p.split_once('=') {
                Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                _ => p.to_string(),
            })
            .collect();
        format!("?{}", params.join("&"))
    });
    format!("{scheme}://{address}{}", query.unwrap_or_default())
}

/// SQLite connection settings: wait on locks, WAL for files (readers never
/// block the writer; a crash loses at most the last commits, never
/// consistency), `synchronous=NORMAL` (safe in WAL), foreign keys on.
fn configure(conn: &rusqlite::Connection, file: bool) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // every statement of the write path stays prepared (the default keeps 16)
    conn.set_prepared_statement_cache_capacity(64);
    if file {
        wal_mode(conn)?;
    }
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// Switches a file database to WAL. SQLite answers `SQLITE_BUSY` at once,
/// without its busy handler, when another connection is switching the same
/// new file at the same moment (two ingests started together), so the switch
/// is retried for up to [`BUSY_TIMEOUT`]; once the file is in WAL it is a read.
fn wal_mode(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    let started = std::time::Instant::now();
    loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) && started.elapsed() < BUSY_TIMEOUT => {
                std::thread::sleep(Duration::from_millis(10));
            }
            other => return other.map(|_| ()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_files_and_passwords_are_not_shown() {
        assert!(is_postgres_url("postgres://u@h/db") && is_postgres_url("postgresql://h/db"));
        assert!(!is_postgres_url("chronicle.db") && !is_postgres_url("/tmp/postgres://x"));
        assert_eq!(url_without_password("postgres://u:secret@h:5432/db"), "postgres://u:***@h:5432/db");
        assert_eq!(url_without_password("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(url_without_password("postgres://h/db?user=u&password=secret&sslmode=disable"), "postgres://h/db?user=u&password=***&sslmode=disable");
        assert_eq!(shown_address(Path::new("postgresql://u:pw@h/db")), "postgresql://u:***@h/db");
        assert_eq!(shown_address(Path::new("news.db")), "news.db");
    }

    #[test]
    fn stores_opened_together_on_a_new_file_all_open() {
        // SQLite refuses one of two simultaneous switches of a new file to WAL
        // without waiting; every opener must still get the store
        let dir = tempfile::tempdir().unwrap();
        for round in 0..40 {
            let path = dir.path().join(format!("together{round}.db"));
            let barrier = std::sync::Barrier::new(4);
            let opened: Vec<Result<(), String>> = std::thread::scope(|s| {
                let openers: Vec<_> = (0..4)
                    .map(|_| {
                        s.spawn(|| {
                            barrier.wait();
                            Store::open(&path).map(|_| ()).map_err(|e| e.to_string())
                        })
                    })
                    .collect();
                openers.into_iter().map(|h| h.join().unwrap()).collect()
            });
            for result in opened {
                assert_eq!(result, Ok(()), "round {round}");
            }
        }
    }

    #[test]
    fn a_read_of_a_missing_store_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("none.db");
        assert!(matches!(Store::open_existing(&path), Err(StoreError::Missing { .. })));
        assert!(!path.exists(), "no empty store is left behind");
        Store::open(&path).unwrap();
        Store::open_existing(&path).unwrap();
        let Some(url) = crate::testdb::pg_url() else {
            eprintln!("a_read_of_a_missing_store_creates_nothing: PostgreSQL half skipped (set CHRONICLE_TEST_PG)");
            return;
        };
        let schema = crate::testdb::fresh_schema();
        match Store::open_postgres_existing(&url, Some(&schema)) {
            Err(StoreError::Missing { address }) => assert!(address.contains(&schema), "{address}"),
            Err(other) => panic!("expected Missing, got {other:?}"),
            Ok(_) => panic!("opened a store in an empty schema"),
        }
        let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        let created: i64 = client.query_one("SELECT count(*) FROM information_schema.schemata WHERE schema_name = $1", &[&schema]).unwrap().get(0);
        assert_eq!(created, 0, "the read created the schema");
        Store::open_postgres(&url, Some(&schema)).unwrap();
        Store::open_postgres_existing(&url, Some(&schema)).unwrap();
    }

    #[test]
    fn a_bad_schema_name_or_url_is_refused_before_connecting() {
        for (url, schema) in [("postgres://u@127.0.0.1:1/db", Some("Robert'); DROP")), ("postgres://u@h:notaport/db", None)] {
            match Store::open_postgres(url, schema) {
                Err(StoreError::Address { address, .. }) => assert!(address.starts_with("postgres://u@")),
                Err(other) => panic!("expected Address, got {other:?}"),
                Ok(_) => panic!("opened {url}"),
            }
        }
    }
}
