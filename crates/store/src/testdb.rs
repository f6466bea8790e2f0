//! Test helpers: the store tests run on SQLite always and on PostgreSQL when
//! `CHRONICLE_TEST_PG` names a server (a URL, e.g.
//! `postgres://postgres@127.0.0.1:5544/postgres`); each PostgreSQL test gets a
//! fresh schema of its own. Without the variable the PostgreSQL half is skipped
//! with a printed notice.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::Store;

/// The test server's URL, if one is named.
pub(crate) fn pg_url() -> Option<String> {
    std::env::var("CHRONICLE_TEST_PG").ok().filter(|s| !s.trim().is_empty())
}

/// A fresh schema name, unique across test runs against one server.
pub(crate) fn fresh_schema() -> String {
    static N: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    format!("t_{}_{}_{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed), nanos % 1_000_000_000_000)
}

/// A fresh PostgreSQL store in a schema of its own, with the schema's name;
/// `None` (and a notice) when no server is named.
pub(crate) fn fresh_pg(test: &str) -> Option<(Store, String)> {
    let Some(url) = pg_url() else {
        eprintln!("{test}: PostgreSQL half skipped (set CHRONICLE_TEST_PG to a server URL to run it)");
        return None;
    };
    let schema = fresh_schema();
    let store = Store::open_postgres(&url, Some(&schema)).unwrap_or_else(|e| panic!("{test}: opening {url}: {e}"));
    Some((store, schema))
}

/// Runs `f` on a fresh in-memory SQLite store, then on a fresh PostgreSQL one
/// when a server is named.
pub(crate) fn each_engine(test: &str, mut f: impl FnMut(Store)) {
    eprintln!("{test}: on SQLite");
    f(Store::open_in_memory().expect("an in-memory store"));
    if let Some((store, schema)) = fresh_pg(test) {
        eprintln!("{test}: on PostgreSQL, schema {schema}");
        f(store);
    }
}
