//! chronicle-server: the HTTP API, full-text search and the web UI, served by
//! one binary with no external assets.
//!
//! - [`serve`] opens the store, reads the resident read model ([`snapshot`])
//!   from its rows, answers at once, fills the search index ([`search`]) in
//!   the background, and serves until interrupted.
//! - [`router`] is the same service as an [`axum::Router`], for tests.
//!
//! The API is read-only unless a token is configured; then `POST /api/ingest`
//! (with `Authorization: Bearer TOKEN`) runs the same pipeline as
//! `chronicle ingest`; the read model then follows the store (the stories the
//! ingest touched are read again, the others keep their cached views). The OpenAPI document is at
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

use chronicle_core::Document;
use chronicle_pipeline::Pipeline;
use chronicle_store::Store;

pub use api::router;
pub use error::{ApiError, ServerError};
pub use net::HostPolicy;
use search::SearchIndex;
use snapshot::{Snapshot, StoryParts};

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
/// model, the per-story views, the search index, a small pool of store
/// connections and the lazily loaded pipeline.
pub struct AppState {
    store_path: PathBuf,
    token: Option<String>,
    snapshot: RwLock<Arc<Snapshot>>,
    parts: StoryParts,
    search: SearchIndex,
    /// What the search index holds: ids indexed and the latest correction seen.
    searched: Mutex<SearchSync>,
    pool: Mutex<Vec<Store>>,
    pipeline: Mutex<Option<Pipeline>>,
    hosts: Option<HostPolicy>,
    jobs: jobs::Jobs,
    /// The connection that watches for other processes' commits, and the
    /// data version the snapshot was built at.
    watch: Mutex<Option<(Store, i64)>>,
}

/// How far the search index has followed the store.
#[derive(Default)]
struct SearchSync {
    ids: std::collections::HashSet<String>,
    updated: Option<String>,
}

/// Documents decoded at a time by [`AppState::catch_up_search`].
const SEARCH_BATCH: usize = 512;
/// Batches indexed between two commits (each commit makes them searchable).
const SEARCH_COMMIT_EVERY: usize = 32;

impl AppState {
    /// Opens the store at `store_path` (creating it if missing), reads the
    /// read model and indexes every document for search before returning
    /// (tests, in-process use; [`serve`] answers first and indexes after).
    pub fn open(store_path: &Path, token: Option<String>) -> Result<AppState, ServerError> {
        let state = AppState::open_unindexed(store_path, token)?;
        state.catch_up_search()?;
        Ok(state)
    }

    /// Opens the store and reads the read model, with an empty search index.
    pub fn open_unindexed(store_path: &Path, token: Option<String>) -> Result<AppState, ServerError> {
        let store = Store::open(store_path)?;
        let snapshot = Snapshot::build(&store)?;
        Ok(AppState {
            store_path: store_path.to_path_buf(),
            token: token.filter(|t| !t.is_empty()),
            snapshot: RwLock::new(Arc::new(snapshot)),
            parts: StoryParts::default(),
            search: SearchIndex::empty()?,
            searched: Mutex::new(SearchSync::default()),
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
        drop(g);
        self.catch_up_search()?;
        Ok(true)
    }

    /// Indexes for search the documents stored (or corrected) since the last
    /// call, a batch at a time, each batch searchable once added. Returns how
    /// many were indexed.
    pub fn catch_up_search(&self) -> Result<usize, ServerError> {
        let mut sync = match self.searched.lock() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        };
        let (mut todo, updated) = self.with_store(|store| -> Result<_, ServerError> {
            let ids: Vec<String> = store.document_ids()?.into_iter().map(|d| d.to_string()).collect();
            let mut todo: Vec<String> = ids.into_iter().filter(|id| !sync.ids.contains(id)).collect();
            let (corrected, latest) = store.documents_updated_since(sync.updated.as_deref())?;
            let corrected: Vec<String> = corrected.into_iter().filter(|id| sync.ids.contains(id)).collect();
            // corrected documents: their stories' cached views are stale
            let snap = self.snapshot();
            let stories: std::collections::HashSet<String> = corrected
                .iter()
                .filter_map(|id| snap.doc_index.get(id).and_then(|&i| snap.docs.get(i)).and_then(|d| d.story.clone()))
                .collect();
            self.parts.forget(&stories, &snap);
            todo.extend(corrected);
            Ok((todo, latest))
        })??;
        todo.sort();
        todo.dedup();
        // decoded a batch at a time; searchable (committed) every few batches,
        // so that a large catch-up leaves a few segments, not hundreds
        for step in todo.chunks(SEARCH_BATCH * SEARCH_COMMIT_EVERY) {
            for chunk in step.chunks(SEARCH_BATCH) {
                let docs = self.with_store(|store| store.documents_by_id(chunk))??;
                let (again, new): (Vec<Document>, Vec<Document>) = docs.into_iter().partition(|d| sync.ids.contains(d.id.as_str()));
                self.search.stage(&new, false)?;
                self.search.stage(&again, true)?;
            }
            self.search.commit()?;
            sync.ids.extend(step.iter().cloned());
        }
        sync.updated = updated;
        Ok(todo.len())
    }

    /// The search index.
    pub fn search(&self) -> &SearchIndex {
        &self.search
    }

    /// The per-story views.
    pub fn parts(&self) -> &StoryParts {
        &self.parts
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
    pub(crate) fn with_store<T>(&self, f: impl FnOnce(&Store) -> T) -> Result<T, ServerError> {
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
    let state = Arc::new(AppState::open_unindexed(store_path, token)?.with_hosts(HostPolicy::for_bind(bind, allowed_hosts)));
    let writable = state.token.is_some();
    state.follow_writes()?;
    let st = Arc::clone(&state);
    std::thread::spawn(move || {
        match st.catch_up_search() {
            Ok(n) => eprintln!("chronicle: search index ready ({n} documents)"),
            Err(e) => eprintln!("chronicle: building the search index: {e}"),
        }
        if let Err(e) = st.with_store(|store| st.snapshot().entities(store).map(|_| ())) {
            eprintln!("chronicle: reading entities: {e}");
        }
    });
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
