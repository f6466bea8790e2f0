//! chronicle-server: the HTTP API, full-text search and the web UI, served by
//! one binary with no external assets.
//!
//! - [`serve`] opens the store, builds the read model ([`snapshot`]) and the
//!   search index ([`search`]) in memory, and serves until interrupted.
//! - [`router`] is the same service as an [`axum::Router`], for tests.
//!
//! The API is read-only unless a token is configured; then `POST /api/ingest`
//! (with `Authorization: Bearer TOKEN`) runs the same pipeline as
//! `chronicle ingest` and rebuilds the read model. The OpenAPI document is at
//! `/api/openapi.json`; the web UI (plain HTML, CSS and JS embedded in the
//! binary) is at `/`.
//!
//! Architecture invariant: this is the only crate that knows HTTP. It reads
//! the store through `chronicle-store` and never exposes file paths: document
//! sources are not served and ingest reports name uploads, not temp files.
#![deny(missing_docs)]

mod api;
mod error;
pub mod jobs;
mod json;
pub mod net;
pub mod search;
pub mod snapshot;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use chronicle_pipeline::Pipeline;
use chronicle_store::Store;

pub use api::router;
pub use error::{ApiError, ServerError};
pub use net::HostPolicy;
use snapshot::Snapshot;

/// Largest accepted request body (an uploaded article).
pub const MAX_BODY_BYTES: usize = 10 * 1024 * 1024;
/// Longest accepted request URI (path and query).
pub const MAX_URI_BYTES: usize = 4096;
/// Longest accepted search query, in characters.
pub const MAX_QUERY_CHARS: usize = 512;
/// Largest page.
pub const MAX_LIMIT: usize = 500;
/// Default page.
pub const DEFAULT_LIMIT: usize = 50;

/// Shared server state: the store location, the token, the current read
/// model, a small pool of store connections and the lazily loaded pipeline.
pub struct AppState {
    store_path: PathBuf,
    token: Option<String>,
    snapshot: RwLock<Arc<Snapshot>>,
    pool: Mutex<Vec<Store>>,
    pipeline: Mutex<Option<Pipeline>>,
    hosts: Option<HostPolicy>,
    jobs: jobs::Jobs,
    /// The connection that watches for other processes' commits, and the
    /// data version the snapshot was built at.
    watch: Mutex<Option<(Store, i64)>>,
}

impl AppState {
    /// Opens the store at `store_path` (creating it if missing) and builds
    /// the read model and search index from it.
    pub fn open(store_path: &Path, token: Option<String>) -> Result<AppState, ServerError> {
        let store = Store::open(store_path)?;
        let snapshot = Snapshot::build(&store)?;
        Ok(AppState {
            store_path: store_path.to_path_buf(),
            token: token.filter(|t| !t.is_empty()),
            snapshot: RwLock::new(Arc::new(snapshot)),
            pool: Mutex::new(vec![store]),
            pipeline: Mutex::new(None),
            hosts: None,
            jobs: jobs::Jobs::default(),
            watch: Mutex::new(None),
        })
    }

    /// Answers only requests whose `Host` is allowed by `policy` (others get
    /// 421). Without a policy (tests, in-process use) every host is answered.
    pub fn with_hosts(mut self, policy: HostPolicy) -> AppState {
        self.hosts = Some(policy);
        self
    }

    /// Whether a request naming `host` (None: no `Host` header) is answered.
    pub(crate) fn serves_host(&self, host: Option<&str>) -> bool {
        match (&self.hosts, host) {
            (None, _) => true,
            (Some(p), Some(h)) => p.allows(h),
            (Some(_), None) => false,
        }
    }

    /// The current read model.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        match self.snapshot.read() {
            Ok(g) => Arc::clone(&g),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    fn replace_snapshot(&self, s: Snapshot) {
        let mut g = match self.snapshot.write() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        };
        *g = Arc::new(s);
    }

    /// Follows writes made by other processes (a CLI ingest beside the
    /// server): when the store's data version moved since the last call, the
    /// snapshot is rebuilt from the store. True when it was. The first call
    /// only records the version.
    pub fn follow_writes(&self) -> Result<bool, ServerError> {
        let mut g = match self.watch.lock() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        };
        if g.is_none() {
            let store = Store::open(&self.store_path)?;
            let v = store.data_version()?;
            *g = Some((store, v));
            return Ok(false);
        }
        let Some((store, seen)) = g.as_mut() else { return Ok(false) };
        let now = store.data_version()?;
        if now == *seen {
            return Ok(false);
        }
        *seen = now;
        self.replace_snapshot(Snapshot::build(store)?);
        Ok(true)
    }

    /// Records the store's current data version as seen, before this
    /// process rebuilds its snapshot itself (after an API ingest): the
    /// watcher then rebuilds only for commits made after this point.
    pub(crate) fn note_own_write(&self) {
        let mut g = match self.watch.lock() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        };
        if let Some((store, seen)) = g.as_mut() {
            if let Ok(v) = store.data_version() {
                *seen = v;
            }
        }
    }

    /// Runs `f` with a pooled store connection (opened on demand).
    fn with_store<T>(&self, f: impl FnOnce(&Store) -> T) -> Result<T, ServerError> {
        let taken = self.pool.lock().ok().and_then(|mut p| p.pop());
        let store = match taken {
            Some(s) => s,
            None => Store::open(&self.store_path)?,
        };
        let out = f(&store);
        if let Ok(mut p) = self.pool.lock() {
            if p.len() < 16 {
                p.push(store);
            }
        }
        Ok(out)
    }
}

/// How often a serving server checks the store for other processes' writes.
pub const FOLLOW_INTERVAL: std::time::Duration = std::time::Duration::from_secs(2);

/// Checks the store every [`FOLLOW_INTERVAL`] and rebuilds the snapshot when
/// another process committed to it (off the request threads).
async fn follow_writes(state: Arc<AppState>) {
    let mut tick = tokio::time::interval(FOLLOW_INTERVAL);
    loop {
        tick.tick().await;
        let st = Arc::clone(&state);
        match tokio::task::spawn_blocking(move || st.follow_writes()).await {
            Ok(Ok(true)) => eprintln!("chronicle: the store changed; the read model is rebuilt"),
            Ok(Ok(false)) => {}
            Ok(Err(e)) => eprintln!("chronicle: following the store's writes: {e}"),
            Err(e) => eprintln!("chronicle: following the store's writes: {e}"),
        }
    }
}

/// Serves the store at `store_path` on `bind` until interrupted (Ctrl-C).
/// Blocking: builds its own multi-threaded tokio runtime. With a `token`,
/// `POST /api/ingest` accepts articles from clients presenting it. Requests
/// are answered only for the bound address's names and `allowed_hosts`
/// ([`HostPolicy`]); slow clients are cut off ([`net::HEADER_TIMEOUT`],
/// [`net::REQUEST_TIMEOUT`]).
pub fn serve(store_path: &Path, bind: SocketAddr, token: Option<String>, allowed_hosts: &[String]) -> Result<(), ServerError> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let state = Arc::new(AppState::open(store_path, token)?.with_hosts(HostPolicy::for_bind(bind, allowed_hosts)));
    let writable = state.token.is_some();
    state.follow_writes()?;
    let app = router(Arc::clone(&state));
    runtime.block_on(async move {
        let listener =
            tokio::net::TcpListener::bind(bind).await.map_err(|source| ServerError::Bind { addr: bind, source })?;
        let local = listener.local_addr()?;
        eprintln!(
            "chronicle: serving on http://{local}/ ({})",
            if writable { "POST /api/ingest enabled with the token" } else { "read-only" }
        );
        tokio::spawn(follow_writes(state));
        net::serve_connections(listener, app, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
        Ok(())
    })
}
