//! The connection under a [`crate::Store`]: SQLite (`rusqlite`, embedded, the
//! default) or PostgreSQL (the sync `postgres` crate, for a shared record).
//!
//! Every query of the store is written once, in a portable subset of SQL with
//! SQLite's numbered placeholders (`?1`, `?2`, …), and run through
//! [`Db::execute`], [`Db::query`] and [`Db::begin`]. On PostgreSQL a small
//! dialect step ([`pg_query`], [`pg_ddl`]) rewrites it:
//!
//! - placeholders `?N` → `$N`;
//! - in the schema: `INTEGER` → `BIGINT` (every integer column is 64-bit, as in
//!   SQLite), `BLOB` → `BYTEA`, `TEXT` → `TEXT COLLATE "C"` (byte order, as
//!   SQLite compares, whatever the database's locale), `WITHOUT ROWID` dropped,
//!   and `documents` gains the `rowid` SQLite gives every table (an identity
//!   column), so queries that order by storage order run unchanged;
//! - SQLite's `strftime('%Y-%m-%dT%H:%M:%SZ', 'now')` → the same text from `now()`.
//!
//! What the portable subset leaves out (write it another way): `INSERT OR
//! IGNORE`/`REPLACE` (use `ON CONFLICT`), `total()` (use `CAST(coalesce(sum(x), 0) AS
//! BIGINT)`), `json_extract` (decode in Rust), subqueries in `FROM` without an
//! alias, untyped placeholders whose type nothing fixes (`SELECT ?1`: cast them),
//! `PRAGMA`s, and relying on where NULLs sort (say `x IS NULL` first).
//!
//! Values cross the boundary as [`Value`] and come back as [`Row`]s.
//! Write transactions ([`Db::begin`]) are `BEGIN IMMEDIATE` on SQLite; on
//! PostgreSQL they take a transaction-scoped advisory lock first, so write
//! transactions run one at a time as they do in SQLite, and bump the commit
//! counter that [`crate::Store::data_version`] reads.

use std::cell::RefCell;
use std::collections::HashMap;

use postgres::types::{IsNull, ToSql, Type};
use thiserror::Error;

/// A failure of the database under the store.
#[derive(Debug, Error)]
pub enum DbError {
    /// SQLite said no.
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL said no (or could not be reached).
    #[error("{}", pg_message(.0))]
    Postgres(postgres::Error),
    /// A column held another type than the store expected.
    #[error("column {index}: {reason}")]
    Column {
        /// The column, 0-based.
        index: usize,
        /// What was found.
        reason: String,
    },
}

// Not `#[from]`: that would make the client's error the source too, and error
// chains would print its message twice.
impl From<postgres::Error> for DbError {
    fn from(e: postgres::Error) -> DbError {
        DbError::Postgres(e)
    }
}

/// A PostgreSQL error with the server's message (its `Display` alone says
/// only "db error").
fn pg_message(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => match db.detail() {
            Some(detail) => format!("{} ({}): {detail}", db.message(), db.code().code()),
            None => format!("{} ({})", db.message(), db.code().code()),
        },
        None => e.to_string(),
    }
}

/// One SQL value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Text(s.to_string())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Text(s)
    }
}
impl From<&String> for Value {
    fn from(s: &String) -> Value {
        Value::Text(s.clone())
    }
}
impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::Int(n)
    }
}
impl From<Option<String>> for Value {
    fn from(s: Option<String>) -> Value {
        s.map_or(Value::Null, Value::Text)
    }
}
impl From<Option<&str>> for Value {
    fn from(s: Option<&str>) -> Value {
        s.map_or(Value::Null, Value::from)
    }
}

/// Parameters for a query: `params![a, b]` turns each into a [`Value`].
macro_rules! params {
    () => { &[] as &[$crate::db::Value] };
    ($($v:expr),+ $(,)?) => { &[$($crate::db::Value::from($v)),+] as &[$crate::db::Value] };
}
pub(crate) use params;

/// One result row.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Row(Vec<Value>);

impl Row {
    fn at(&self, i: usize) -> Result<&Value, DbError> {
        self.0.get(i).ok_or_else(|| DbError::Column { index: i, reason: "no such column".into() })
    }

    fn mismatch(i: usize, want: &str, got: &Value) -> DbError {
        DbError::Column { index: i, reason: format!("expected {want}, found {got:?}") }
    }

    /// A non-NULL text column.
    pub(crate) fn text(&self, i: usize) -> Result<String, DbError> {
        self.opt_text(i)?.ok_or_else(|| Row::mismatch(i, "text", &Value::Null))
    }

    /// A text column that may be NULL.
    pub(crate) fn opt_text(&self, i: usize) -> Result<Option<String>, DbError> {
        match self.at(i)? {
            Value::Null => Ok(None),
            Value::Text(s) => Ok(Some(s.clone())),
            other => Err(Row::mismatch(i, "text", other)),
        }
    }

    /// An integer column (NULL reads as 0, as an empty aggregate does).
    pub(crate) fn int(&self, i: usize) -> Result<i64, DbError> {
        match self.at(i)? {
            Value::Null => Ok(0),
            Value::Int(n) => Ok(*n),
            other => Err(Row::mismatch(i, "an integer", other)),
        }
    }

    /// A boolean column (SQLite answers 0/1, PostgreSQL a boolean).
    pub(crate) fn bool(&self, i: usize) -> Result<bool, DbError> {
        self.int(i).map(|n| n != 0)
    }

    /// A non-NULL blob column.
    pub(crate) fn blob(&self, i: usize) -> Result<Vec<u8>, DbError> {
        match self.at(i)? {
            Value::Blob(b) => Ok(b.clone()),
            other => Err(Row::mismatch(i, "a blob", other)),
        }
    }
}

/// The PostgreSQL side: the client (queries need `&mut`, the store's reads
/// take `&self`: a `RefCell`, borrowed only inside one call) and its cache of
/// prepared statements.
pub(crate) struct Pg {
    client: postgres::Client,
    statements: HashMap<String, postgres::Statement>,
}

/// A connection to either engine.
pub(crate) enum Db {
    Sqlite(rusqlite::Connection),
    Postgres(RefCell<Pg>),
}

/// The most rows one statement of [`Db::insert_rows`] carries (a power of two).
/// On PostgreSQL each statement is a round trip, so a batch's rows go in few of them.
const MAX_ROWS: usize = 512;

/// The most parameters one statement binds: under SQLite's limit (32,766 since
/// 3.32; the bundled library is newer) and PostgreSQL's (65,535).
const MAX_PARAMS: usize = 32_000;

/// The rows of the next chunk when `rest` rows of `columns` values are left: a
/// power of two (so few statements stay prepared per table) within both limits.
fn chunk_rows(rest: usize, columns: usize) -> usize {
    let cap = MAX_ROWS.min(MAX_PARAMS / columns.max(1)).max(1);
    1 << rest.min(cap).ilog2()
}

/// `(?1, ?2), (?3, ?4)`: the placeholders of `rows` rows of `columns` values.
fn values_list(rows: usize, columns: usize) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(rows * columns * 6);
    for r in 0..rows {
        out.push_str(if r == 0 { "(" } else { ", (" });
        for c in 1..=columns {
            let sep = if c == 1 { "" } else { ", " };
            // writing into a String cannot fail
            let _ = write!(out, "{sep}?{}", r * columns + c);
        }
        out.push(')');
    }
    out
}

/// The advisory lock key that serialises write transactions on PostgreSQL
/// (per schema, so stores in different schemas of one database do not wait
/// for each other).
const COMMIT_LOCK: &str = "SELECT pg_advisory_xact_lock(hashtext('chronicle-commit:' || current_schema()))";

impl Db {
    /// Wraps a PostgreSQL client.
    pub(crate) fn postgres(client: postgres::Client) -> Db {
        Db::Postgres(RefCell::new(Pg { client, statements: HashMap::new() }))
    }

    /// True on PostgreSQL.
    pub(crate) fn is_postgres(&self) -> bool {
        matches!(self, Db::Postgres(_))
    }

    /// Runs one statement; the number of rows it changed.
    pub(crate) fn execute(&self, sql: &str, params: &[Value]) -> Result<u64, DbError> {
        match self {
            Db::Sqlite(c) => Ok(c.prepare_cached(sql)?.execute(rusqlite::params_from_iter(params))? as u64),
            Db::Postgres(pg) => {
                let mut pg = pg.borrow_mut();
                let stmt = pg.statement(sql)?;
                Ok(pg.client.execute(&stmt, &pg_params(params))?)
            }
        }
    }

    /// Runs one query; all its rows.
    pub(crate) fn query(&self, sql: &str, params: &[Value]) -> Result<Vec<Row>, DbError> {
        match self {
            Db::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let n = stmt.column_count();
                let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
                    (0..n).map(|i| r.get::<_, rusqlite::types::Value>(i).map(from_sqlite)).collect::<Result<Vec<_>, _>>()
                })?;
                Ok(rows.map(|r| r.map(Row)).collect::<Result<Vec<_>, _>>()?)
            }
            Db::Postgres(pg) => {
                let mut pg = pg.borrow_mut();
                let stmt = pg.statement(sql)?;
                let rows = pg.client.query(&stmt, &pg_params(params))?;
                rows.iter().map(from_pg).collect()
            }
        }
    }

    /// The first row of a query, if any.
    pub(crate) fn query_opt(&self, sql: &str, params: &[Value]) -> Result<Option<Row>, DbError> {
        Ok(self.query(sql, params)?.into_iter().next())
    }

    /// The first row of a query that always answers one (an aggregate).
    pub(crate) fn query_one(&self, sql: &str, params: &[Value]) -> Result<Row, DbError> {
        self.query_opt(sql, params)?.ok_or_else(|| DbError::Column { index: 0, reason: "the query returned no row".into() })
    }

    /// Inserts rows of `columns` values each with as few statements as it can:
    /// `head` (`INSERT INTO t (a, b)`), then `VALUES (…), (…)` of up to
    /// [`MAX_ROWS`] rows, then `tail` (an `ON CONFLICT` clause, or empty). Chunks
    /// are powers of two, so a handful of statements stays prepared per table
    /// (PostgreSQL answers each statement in one round trip, whatever its rows).
    /// The rows are taken by value: their values are bound as they are, not copied.
    pub(crate) fn insert_rows(&self, head: &str, columns: usize, rows: Vec<Vec<Value>>, tail: &str) -> Result<(), DbError> {
        let mut rest = rows.len();
        let mut rows = rows.into_iter();
        while rest > 0 {
            let n = chunk_rows(rest, columns);
            let params: Vec<Value> = rows.by_ref().take(n).flatten().collect();
            self.execute(&format!("{head} VALUES {} {tail}", values_list(n, columns)), &params)?;
            rest -= n;
        }
        Ok(())
    }

    /// The rows of `{head} IN (…){tail}` for every value of `list`, in as few
    /// statements as [`Db::insert_rows`] would use: `fixed` binds `?1`…`?k` of
    /// `head` and `tail`, the list's placeholders follow. Rows come chunk by chunk.
    pub(crate) fn query_in(&self, head: &str, fixed: &[Value], list: Vec<Value>, tail: &str) -> Result<Vec<Row>, DbError> {
        let mut out = Vec::new();
        let mut rest = list.len();
        let mut list = list.into_iter();
        while rest > 0 {
            let n = chunk_rows(rest, 1);
            let marks: Vec<String> = (fixed.len() + 1..=fixed.len() + n).map(|i| format!("?{i}")).collect();
            let mut params = fixed.to_vec();
            params.extend(list.by_ref().take(n));
            out.extend(self.query(&format!("{head} IN ({}){tail}", marks.join(", ")), &params)?);
            rest -= n;
        }
        Ok(out)
    }

    /// Runs several statements without parameters (a schema script), as written.
    pub(crate) fn batch(&self, sql: &str) -> Result<(), DbError> {
        match self {
            Db::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Db::Postgres(pg) => Ok(pg.borrow_mut().client.batch_execute(sql)?),
        }
    }

    /// Runs a schema script written for SQLite, translated for the engine.
    pub(crate) fn ddl(&self, sql: &str) -> Result<(), DbError> {
        match self {
            Db::Sqlite(_) => self.batch(sql),
            Db::Postgres(_) => self.batch(&pg_ddl(sql)),
        }
    }

    /// Starts a write transaction: rolled back when dropped uncommitted.
    pub(crate) fn begin(&self) -> Result<Tx<'_>, DbError> {
        match self {
            Db::Sqlite(_) => self.batch("BEGIN IMMEDIATE")?,
            Db::Postgres(_) => {
                self.batch("BEGIN")?;
                let tx = Tx { db: self, done: false };
                tx.execute(COMMIT_LOCK, &[])?;
                return Ok(tx);
            }
        }
        Ok(Tx { db: self, done: false })
    }
}

impl Pg {
    /// The prepared statement for a query in the portable dialect.
    fn statement(&mut self, sql: &str) -> Result<postgres::Statement, DbError> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        let stmt = self.client.prepare(&pg_query(sql))?;
        self.statements.insert(sql.to_string(), stmt.clone());
        Ok(stmt)
    }
}

/// A write transaction; derefs to its connection.
pub(crate) struct Tx<'a> {
    db: &'a Db,
    done: bool,
}

impl std::ops::Deref for Tx<'_> {
    type Target = Db;
    fn deref(&self) -> &Db {
        self.db
    }
}

impl Tx<'_> {
    /// Commits (on PostgreSQL, bumping the commit counter first).
    pub(crate) fn commit(mut self) -> Result<(), DbError> {
        if self.db.is_postgres() {
            self.db.execute("UPDATE chronicle_commits SET n = n + 1", &[])?;
        }
        self.done = true;
        self.db.batch("COMMIT")
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if !self.done {
            // nothing to do about a failed rollback: the connection's transaction
            // ends with it, and PostgreSQL rolls back on disconnect
            let _ = self.db.batch("ROLLBACK");
        }
    }
}

fn from_sqlite(v: rusqlite::types::Value) -> Value {
    use rusqlite::types::Value as V;
    match v {
        V::Null => Value::Null,
        V::Integer(n) => Value::Int(n),
        V::Real(x) => Value::Real(x),
        V::Text(s) => Value::Text(s),
        V::Blob(b) => Value::Blob(b),
    }
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Int(n) => ValueRef::Integer(*n),
            Value::Real(x) => ValueRef::Real(*x),
            Value::Text(s) => ValueRef::Text(s.as_bytes()),
            Value::Blob(b) => ValueRef::Blob(b),
        }))
    }
}

fn from_pg(row: &postgres::Row) -> Result<Row, DbError> {
    let mut out = Vec::with_capacity(row.len());
    for (i, col) in row.columns().iter().enumerate() {
        let t = col.type_();
        let v = if *t == Type::INT8 {
            row.try_get::<_, Option<i64>>(i)?.map(Value::Int)
        } else if *t == Type::INT4 {
            row.try_get::<_, Option<i32>>(i)?.map(|n| Value::Int(n.into()))
        } else if *t == Type::INT2 {
            row.try_get::<_, Option<i16>>(i)?.map(|n| Value::Int(n.into()))
        } else if *t == Type::BOOL {
            row.try_get::<_, Option<bool>>(i)?.map(|b| Value::Int(b.into()))
        } else if *t == Type::FLOAT8 {
            row.try_get::<_, Option<f64>>(i)?.map(Value::Real)
        } else if *t == Type::FLOAT4 {
            row.try_get::<_, Option<f32>>(i)?.map(|x| Value::Real(x.into()))
        } else if *t == Type::BYTEA {
            row.try_get::<_, Option<Vec<u8>>>(i)?.map(Value::Blob)
        } else if [Type::TEXT, Type::VARCHAR, Type::NAME, Type::BPCHAR, Type::UNKNOWN].contains(t) {
            row.try_get::<_, Option<String>>(i)?.map(Value::Text)
        } else {
            return Err(DbError::Column { index: i, reason: format!("the store does not read the type {t}") });
        };
        out.push(v.unwrap_or(Value::Null));
    }
    Ok(Row(out))
}

fn pg_params(params: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    params.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}

impl ToSql for Value {
    fn to_sql(&self, ty: &Type, out: &mut postgres::types::private::BytesMut) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        let wrong = || format!("cannot bind {self:?} to a {ty} parameter").into();
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(n) if *ty == Type::INT8 => n.to_sql(ty, out),
            Value::Int(n) if *ty == Type::INT4 => i32::try_from(*n)?.to_sql(ty, out),
            Value::Int(n) if *ty == Type::INT2 => i16::try_from(*n)?.to_sql(ty, out),
            Value::Int(n) if *ty == Type::FLOAT8 => (*n as f64).to_sql(ty, out),
            Value::Int(n) if *ty == Type::BOOL => (*n != 0).to_sql(ty, out),
            Value::Real(x) if *ty == Type::FLOAT8 => x.to_sql(ty, out),
            Value::Text(s) if <&str as ToSql>::accepts(ty) => s.as_str().to_sql(ty, out),
            Value::Blob(b) if *ty == Type::BYTEA => b.as_slice().to_sql(ty, out),
            _ => Err(wrong()),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

/// The SQLite expression for "now" as ISO 8601 text, and its PostgreSQL twin.
const NOW_SQLITE: &str = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";
const NOW_PG: &str = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";

/// A query in the portable dialect, for PostgreSQL: `?N` → `$N`, and "now".
pub(crate) fn pg_query(sql: &str) -> String {
    let sql = sql.replace(NOW_SQLITE, NOW_PG);
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if c == '\'' {
            quoted = !quoted;
        }
        if c == '?' && !quoted && chars.peek().is_some_and(|d| d.is_ascii_digit()) {
            out.push('$');
        } else {
            out.push(c);
        }
    }
    out
}

/// A schema script written for SQLite, for PostgreSQL (see the module docs).
pub(crate) fn pg_ddl(sql: &str) -> String {
    pg_query(sql)
        .replace("INTEGER", "BIGINT")
        .replace("BLOB", "BYTEA")
        .replace(" WITHOUT ROWID", "")
        .replace(" TEXT", " TEXT COLLATE \"C\"")
        .replace(
            "CREATE TABLE documents (",
            "CREATE TABLE documents (\n    rowid BIGINT GENERATED BY DEFAULT AS IDENTITY UNIQUE NOT NULL,",
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_numbered_dollars_outside_quotes() {
        assert_eq!(pg_query("SELECT a FROM t WHERE b = ?1 AND c = '?2' AND d = ?12"), "SELECT a FROM t WHERE b = $1 AND c = '?2' AND d = $12");
        assert_eq!(pg_query("UPDATE t SET u = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"), format!("UPDATE t SET u = {NOW_PG}"));
    }

    #[test]
    fn the_schema_translates_types_collation_and_rowid() {
        let ddl = pg_ddl("CREATE TABLE documents (\n    id TEXT PRIMARY KEY,\n    n INTEGER NOT NULL,\n    raw BLOB\n);\nCREATE TABLE s (k TEXT) WITHOUT ROWID;");
        assert!(ddl.contains("rowid BIGINT GENERATED BY DEFAULT AS IDENTITY"), "{ddl}");
        assert!(ddl.contains("id TEXT COLLATE \"C\" PRIMARY KEY"), "{ddl}");
        assert!(ddl.contains("n BIGINT NOT NULL") && ddl.contains("raw BYTEA"), "{ddl}");
        assert!(ddl.ends_with("CREATE TABLE s (k TEXT COLLATE \"C\");"), "{ddl}");
    }

    #[test]
    fn rows_read_typed_columns_and_refuse_the_wrong_type() {
        let db = Db::Sqlite(rusqlite::Connection::open_in_memory().unwrap());
        let row = db.query_one("SELECT ?1, ?2, NULL, x'00ff', 1 = 1", params!["a", 7i64]).unwrap();
        assert_eq!(row.text(0).unwrap(), "a");
        assert_eq!(row.int(1).unwrap(), 7);
        assert_eq!(row.opt_text(2).unwrap(), None);
        assert_eq!(row.blob(3).unwrap(), vec![0, 255]);
        assert!(row.bool(4).unwrap());
        assert!(matches!(row.text(1), Err(DbError::Column { index: 1, .. })));
        assert!(row.int(9).is_err());
    }

    #[test]
    fn rows_are_inserted_in_chunks_of_powers_of_two() {
        let db = Db::Sqlite(rusqlite::Connection::open_in_memory().unwrap());
        db.batch("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)").unwrap();
        let rows: Vec<Vec<Value>> = (0..100i64).map(|k| vec![Value::Int(k), Value::Text(format!("v{k}"))]).collect();
        db.insert_rows("INSERT INTO t (k, v)", 2, rows, "").unwrap();
        let again: Vec<Vec<Value>> = vec![vec![Value::Int(5), Value::from("new")]];
        db.insert_rows("INSERT INTO t (k, v)", 2, again, "ON CONFLICT (k) DO UPDATE SET v = excluded.v").unwrap();
        db.insert_rows("INSERT INTO t (k, v)", 2, Vec::new(), "").unwrap();
        assert_eq!(values_list(2, 3), "(?1, ?2, ?3), (?4, ?5, ?6)");
        let all = db.query("SELECT k, v FROM t ORDER BY k", params![]).unwrap();
        assert_eq!(all.len(), 100);
        assert_eq!((all[99].int(0).unwrap(), all[99].text(1).unwrap()), (99, "v99".to_string()));
        assert_eq!(all[5].text(1).unwrap(), "new");
    }

    #[test]
    fn a_dropped_transaction_rolls_back() {
        let db = Db::Sqlite(rusqlite::Connection::open_in_memory().unwrap());
        db.batch("CREATE TABLE t (x INTEGER)").unwrap();
        {
            let tx = db.begin().unwrap();
            tx.execute("INSERT INTO t VALUES (?1)", params![1i64]).unwrap();
        }
        assert_eq!(db.query_one("SELECT count(*) FROM t", params![]).unwrap().int(0).unwrap(), 0);
        let tx = db.begin().unwrap();
        tx.execute("INSERT INTO t VALUES (?1)", params![1i64]).unwrap();
        tx.commit().unwrap();
        assert_eq!(db.query_one("SELECT count(*) FROM t", params![]).unwrap().int(0).unwrap(), 1);
    }
}
