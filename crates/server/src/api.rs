//! Routes and handlers. Every answer is JSON (errors included) except the
//! embedded web UI assets.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{DefaultBodyLimit, FromRequestParts, Path, Query, Request, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

use crate::json::Json;
use chrono::NaiveDate;
use chronicle_core::{CharOffsets, Document, Modality, PloverType};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::search::SearchParams;
use crate::snapshot::{entity_roles, DateView, EventHead, EventPart, EventView, Snapshot, StoryPart};
use chronicle_store::Store;
use crate::net::REQUEST_TIMEOUT;
use crate::{ApiError, AppState, DEFAULT_LIMIT, MAX_BODY_BYTES, MAX_LIMIT, MAX_QUERY_CHARS, MAX_URI_BYTES};

type Shared = Arc<AppState>;
type ApiResult<T> = Result<T, ApiError>;

const INDEX_HTML: &str = include_str!("../assets/index.html");
const APP_JS: &str = include_str!("../assets/app.js");
const APP_CSS: &str = include_str!("../assets/app.css");
const OPENAPI: &str = include_str!("../assets/openapi.json");

/// Content Security Policy of every answer: only this origin's scripts and
/// styles, no inline script, no plug-ins, no framing.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// The service: API, OpenAPI document and web UI.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(index_html))
        .route("/assets/app.js", get(|| async { asset("text/javascript; charset=utf-8", APP_JS) }))
        .route("/assets/app.css", get(|| async { asset("text/css; charset=utf-8", APP_CSS) }))
        .route("/api", get(api_root))
        .route("/api/openapi.json", get(|| async { asset("application/json", OPENAPI) }))
        .route("/api/stats", get(stats))
        .route("/api/documents", get(list_documents))
        .route("/api/documents/{id}", get(get_document))
        .route("/api/entities", get(list_entities))
        .route("/api/entities/{id}", get(get_entity))
        .route("/api/events", get(list_events))
        .route("/api/events/{id}", get(get_event))
        .route("/api/stories", get(list_stories))
        .route("/api/stories/{id}", get(get_story))
        .route("/api/stories/{id}/timeline", get(story_timeline))
        .route("/api/stories/{id}/positions", get(story_positions))
        .route("/api/stories/{id}/brief", get(story_brief))
        .route("/api/stories/{id}/summary", get(story_summary))
        .route("/api/positions", get(list_positions))
        .route("/api/search", get(search))
        .route("/api/ingest", post(ingest))
        .route("/api/ingest/jobs/{id}", get(ingest_job))
        .fallback(|| async { ApiError::not_found("no such resource") })
        .method_not_allowed_fallback(|| async {
            ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method not allowed on this resource")
        })
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn_with_state(Arc::clone(&state), guard))
        .with_state(state)
}

/// Refuses requests for other host names (DNS rebinding) and over-long URIs,
/// cuts off requests slower than [`REQUEST_TIMEOUT`], and adds security
/// headers to every answer.
async fn guard(State(st): State<Shared>, req: Request, next: Next) -> Response {
    let host = req.headers().get(header::HOST).and_then(|h| h.to_str().ok());
    let mut res = if !st.serves_host(host) {
        ApiError::new(
            StatusCode::MISDIRECTED_REQUEST,
            "this server does not answer that host name (start it with --allow-host NAME to add one)",
        )
        .into_response()
    } else if req.uri().to_string().len() > MAX_URI_BYTES {
        ApiError::new(StatusCode::URI_TOO_LONG, format!("request URI longer than {MAX_URI_BYTES} bytes")).into_response()
    } else {
        match tokio::time::timeout(REQUEST_TIMEOUT, next.run(req)).await {
            Ok(res) => res,
            Err(_) => ApiError::new(StatusCode::REQUEST_TIMEOUT, "the request took too long").into_response(),
        }
    };
    let h = res.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    res
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "no-cache")], body).into_response()
}

async fn index_html() -> Response {
    asset("text/html; charset=utf-8", INDEX_HTML)
}

/// Query string extraction whose failures are JSON errors.
struct ApiQuery<T>(T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        Query::<T>::try_from_uri(&parts.uri)
            .map(|Query(v)| ApiQuery(v))
            .map_err(|e| ApiError::bad_request(e.body_text()))
    }
}

fn path_id(p: Result<Path<String>, PathRejection>) -> ApiResult<String> {
    match p {
        Ok(Path(id)) if !id.is_empty() && id.len() <= 256 => Ok(id),
        Ok(_) => Err(ApiError::bad_request("bad id")),
        Err(e) => Err(ApiError::bad_request(e.body_text())),
    }
}

/// `?limit=&offset=`.
#[derive(Debug, Default, Deserialize)]
struct PageParams {
    limit: Option<usize>,
    offset: Option<usize>,
}

impl PageParams {
    fn resolve(&self) -> ApiResult<(usize, usize)> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if limit == 0 || limit > MAX_LIMIT {
            return Err(ApiError::bad_request(format!("limit must be between 1 and {MAX_LIMIT}")));
        }
        Ok((limit, self.offset.unwrap_or(0)))
    }
}

/// A page of items.
#[derive(Serialize)]
struct Page<T: Serialize> {
    total: usize,
    limit: usize,
    offset: usize,
    items: Vec<T>,
}

fn page<T: Serialize + Clone>(all: impl Iterator<Item = T>, limit: usize, offset: usize) -> Page<T> {
    let mut total = 0;
    let mut items = Vec::new();
    for x in all {
        if total >= offset && items.len() < limit {
            items.push(x);
        }
        total += 1;
    }
    Page { total, limit, offset, items }
}

fn parse_day(name: &str, v: &Option<String>) -> ApiResult<Option<NaiveDate>> {
    match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| ApiError::bad_request(format!("{name} must be a date YYYY-MM-DD"))),
    }
}

fn nonempty(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> ApiResult<T> + Send + 'static) -> ApiResult<T> {
    tokio::task::spawn_blocking(f).await.map_err(|e| ApiError::internal("running a task", e))?
}

/// Runs `f` off the request threads with the current read model and a pooled
/// store connection (what reading a story's documents needs).
async fn with_model<T: Send + 'static>(
    st: &Shared,
    f: impl FnOnce(&AppState, &Snapshot, &Store) -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    let st = Arc::clone(st);
    blocking(move || {
        let snap = st.snapshot();
        st.with_store(|store| f(&st, &snap, store)).map_err(|e| ApiError::internal("opening the store", e))?
    })
    .await
}

/// The views of one story (cached until it changes).
fn story_part(st: &AppState, snap: &Snapshot, store: &Store, story: &str) -> ApiResult<Arc<StoryPart>> {
    st.parts().get(snap, store, story).map_err(|e| match e {
        crate::ServerError::Missing(_) => ApiError::not_found("no such story"),
        other => ApiError::internal("reading a story", other),
    })
}

/// The full JSON of the merged events at these indices, in order.
fn events_json(st: &AppState, snap: &Snapshot, store: &Store, chosen: &[usize]) -> ApiResult<Vec<Arc<EventPart>>> {
    let mut out = Vec::with_capacity(chosen.len());
    for &i in chosen {
        if let Some(e) = st.parts().event(snap, store, i).map_err(|e| ApiError::internal("reading an event", e))? {
            out.push(e);
        }
    }
    Ok(out)
}

async fn api_root(State(st): State<Shared>) -> Json<Value> {
    let s = st.snapshot();
    Json(json!({
        "name": "chronicle",
        "version": env!("CARGO_PKG_VERSION"),
        "openapi": "/api/openapi.json",
        "writable": st.token.is_some(),
        "documents": s.docs.len(),
    }))
}

async fn stats(State(st): State<Shared>) -> Json<Value> {
    let s = st.snapshot();
    let mut outlets: HashMap<&str, usize> = HashMap::new();
    for d in &s.docs {
        *outlets.entry(d.outlet.as_deref().unwrap_or("(unknown)")).or_default() += 1;
    }
    let mut by_type: HashMap<&str, usize> = HashMap::new();
    for e in &s.events {
        *by_type.entry(e.event_type.as_str()).or_default() += 1;
    }
    Json(json!({
        "documents": s.docs.len(),
        "events": s.events.len(),
        "entities": s.entities_if_ready().map(|e| e.len()),
        "search_indexed": st.search().len(),
        "stories": s.stories.len(),
        "outlets": outlets,
        "events_by_type": by_type,
        "writable": st.token.is_some(),
    }))
}

#[derive(Debug, Default, Deserialize)]
struct DocParams {
    limit: Option<usize>,
    offset: Option<usize>,
    story: Option<String>,
    outlet: Option<String>,
}

async fn list_documents(State(st): State<Shared>, ApiQuery(p): ApiQuery<DocParams>) -> ApiResult<impl IntoResponse> {
    let (limit, offset) = PageParams { limit: p.limit, offset: p.offset }.resolve()?;
    let s = st.snapshot();
    let story = nonempty(&p.story);
    let outlet = nonempty(&p.outlet).map(|o| o.to_lowercase());
    let empty: Vec<u32> = Vec::new();
    let by_story = story.as_ref().map(|x| s.ix.docs_by_story.get(x).unwrap_or(&empty));
    let by_outlet = outlet.as_ref().map(|x| s.ix.docs_by_outlet.get(x).unwrap_or(&empty));
    let keep = |i: usize| {
        s.docs.get(i).is_some_and(|d| {
            story.as_ref().map_or(true, |x| d.story.as_ref() == Some(x))
                && outlet.as_ref().map_or(true, |x| d.outlet.as_ref().is_some_and(|o| o.to_lowercase() == *x))
        })
    };
    let res = match by_story.into_iter().chain(by_outlet).min_by_key(|l| l.len()) {
        Some(list) => page_of_indices(list.iter().map(|&i| i as usize), keep, &s.ix.doc_json, limit, offset),
        None => page_of_indices(0..s.docs.len(), |_| true, &s.ix.doc_json, limit, offset),
    };
    Ok(res)
}

async fn get_document(State(st): State<Shared>, id: Result<Path<String>, PathRejection>) -> ApiResult<Json<Value>> {
    let id = path_id(id)?;
    let st2 = Arc::clone(&st);
    let doc = blocking(move || {
        st2.with_store(|store| store.document(&id))?.map_err(|e| match e {
            chronicle_store::StoreError::Ambiguous { .. } => ApiError::bad_request("ambiguous id prefix"),
            other => ApiError::internal("reading a document", other),
        })
    })
    .await?
    .ok_or_else(|| ApiError::not_found("no such document"))?;
    Ok(Json(document_json(&doc, &st.snapshot())))
}

/// A document with every annotation layer, offsets in characters.
fn document_json(d: &Document, s: &Snapshot) -> Value {
    let body = d.body();
    let co = CharOffsets::new(body);
    let sp = |span: chronicle_core::Span| co.span(span);
    let summary = s.doc_index.get(d.id.as_str()).and_then(|&i| s.docs.get(i));
    let merged_of: HashMap<usize, &str> = s
        .doc_reports
        .get(d.id.as_str())
        .map(Vec::as_slice)
        .unwrap_or(&[])
        .iter()
        .filter_map(|&(start, i)| s.events.get(i).map(|e| (start, e.id.as_str())))
        .collect();
    let mentions: Vec<Value> = d
        .mentions
        .iter()
        .map(|m| {
            let (a, b) = sp(m.span);
            json!({
                "start": a, "end": b, "text": m.span.text(body),
                "entity_type": m.entity_type.as_str(), "canonical": m.canonical,
                "entity": s.clusters.map(chronicle_core::entity_id(m.kb_id.as_deref(), m.entity_type, &m.canonical), d.meta.story.as_deref()),
                "kb_id": m.kb_id, "country": m.country,
            })
        })
        .collect();
    let times: Vec<Value> = d
        .times
        .iter()
        .map(|t| {
            let (a, b) = sp(t.span);
            json!({"start": a, "end": b, "text": t.span.text(body), "type": t.time_type.as_str(),
                   "value": t.value, "resolved": DateView::of(&t.resolved)})
        })
        .collect();
    let quantities: Vec<Value> = d
        .quantities
        .iter()
        .map(|q| {
            let (a, b) = sp(q.span);
            json!({"start": a, "end": b, "text": q.span.text(body), "value": q.value,
                   "approx": q.approx.map(|x| x.as_str()), "unit": q.unit, "counts": q.counts, "ordinal": q.ordinal})
        })
        .collect();
    let quotes: Vec<Value> = d
        .quotes
        .iter()
        .map(|q| {
            let (a, b) = sp(q.span);
            json!({"start": a, "end": b, "text": q.span.text(body), "direct": q.direct, "cue": q.cue,
                   "speaker": q.speaker, "speaker_text": q.speaker_text, "affiliation": q.affiliation})
        })
        .collect();
    let ids = chronicle_store::export::event_ids(d);
    let events: Vec<Value> = d
        .events
        .iter()
        .zip(ids)
        .map(|(e, id)| {
            let (ts, te) = sp(e.trigger);
            let (ss, se) = sp(e.sentence);
            json!({
                "id": id,
                "merged": merged_of.get(&e.trigger.start()),
                "event_type": e.event_type.as_str(), "modality": e.modality.as_str(), "mode": e.mode,
                "date": DateView::of(&e.date),
                "actors": e.actors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(),
                "recipients": e.recipients.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(),
                "location": e.location.as_ref().map(|a| a.name.as_str()),
                "items": e.items, "attributed_to": e.attributed_to,
                "trigger": e.trigger.text(body), "trigger_start": ts, "trigger_end": te,
                "sentence": e.sentence.text(body), "sentence_start": ss, "sentence_end": se,
                "rule": e.rule,
            })
        })
        .collect();
    let roles: Vec<Value> = d
        .roles
        .iter()
        .map(|r| {
            let (a, b) = sp(r.evidence);
            json!({"person": r.person, "title": r.title, "of": r.of, "start": a, "end": b, "as_of": DateView::of(&r.as_of)})
        })
        .collect();
    let sentences: Vec<[usize; 2]> = d.sentences.iter().map(|x| {
        let (a, b) = sp(x.span);
        [a, b]
    }).collect();
    json!({
        "id": d.id.as_str(),
        "title": d.meta.title,
        "outlet": d.meta.outlet,
        "url": d.meta.url,
        "published": DateView::of(&d.meta.published.date),
        "date_basis": d.meta.published.basis.as_str(),
        "language": d.meta.language,
        "story": d.meta.story,
        "appended_to": d.meta.appended_to.as_ref().map(|x| x.as_str()),
        "duplicate_of": d.meta.duplicate_of.as_ref().map(|x| x.as_str()),
        "format": d.format.as_str(),
        "summary": summary,
        "body": body,
        "sentences": sentences,
        "mentions": mentions,
        "times": times,
        "quantities": quantities,
        "quotes": quotes,
        "events": events,
        "roles": roles,
    })
}

#[derive(Debug, Default, Deserialize)]
struct EntityParams {
    limit: Option<usize>,
    offset: Option<usize>,
    q: Option<String>,
    #[serde(rename = "type")]
    entity_type: Option<String>,
}

async fn list_entities(State(st): State<Shared>, ApiQuery(p): ApiQuery<EntityParams>) -> ApiResult<impl IntoResponse> {
    let (limit, offset) = PageParams { limit: p.limit, offset: p.offset }.resolve()?;
    let q = bounded(&p.q)?.map(|x| x.to_lowercase());
    let ty = nonempty(&p.entity_type);
    if let Some(t) = &ty {
        if chronicle_core::EntityType::parse(t).is_none() {
            return Err(ApiError::bad_request("type must be person, organization, location or group"));
        }
    }
    let entities = with_model(&st, |_, s, store| s.entities(store).map_err(|e| ApiError::internal("reading entities", e))).await?;
    let it = entities
        .iter()
        .filter(|e| ty.as_ref().map_or(true, |t| chronicle_core::EntityType::parse(t).map(|x| x.as_str()) == Some(e.entity_type.as_str())))
        .filter(|e| {
            q.as_ref().map_or(true, |q| e.name.to_lowercase().contains(q) || e.aliases.iter().any(|a| a.to_lowercase().contains(q)))
        })
        .map(|e| {
            json!({"id": e.id, "name": e.name, "entity_type": e.entity_type, "kb_id": e.kb_id, "country": e.country,
                   "aliases": e.aliases, "mentions": e.mentions, "documents": e.n_documents, "n_events": e.n_events})
        });
    Ok(Json(page(it, limit, offset)))
}

async fn get_entity(
    State(st): State<Shared>,
    id: Result<Path<String>, PathRejection>,
    ApiQuery(p): ApiQuery<PageParams>,
) -> ApiResult<Json<Value>> {
    let id = path_id(id)?;
    let (limit, offset) = p.resolve()?;
    with_model(&st, move |st, s, store| {
        let entities = s.entities(store).map_err(|e| ApiError::internal("reading entities", e))?;
        let mut e = entities.iter().find(|e| e.id == id).cloned().ok_or_else(|| ApiError::not_found("no such entity"))?;
        let ids = store.documents_mentioning(&e.id, &s.clusters).map_err(|x| ApiError::internal("reading an entity", x))?;
        e.documents = ids.iter().take(ENTITY_DOCS).map(|d| d.to_string()).collect();
        // roles, country and sector as its first documents state them
        let docs = store.documents_by_id(&e.documents).map_err(|x| ApiError::internal("reading an entity", x))?;
        e.roles = entity_roles(&e.id, &docs, &s.clusters);
        let mut aliases: std::collections::BTreeSet<String> = e.aliases.iter().cloned().collect();
        for (d, m) in docs.iter().flat_map(|d| d.mentions.iter().map(move |m| (d, m))).filter(|(d, m)| {
            s.clusters.cluster_of(&chronicle_core::entity_id(m.kb_id.as_deref(), m.entity_type, &m.canonical), d.meta.story.as_deref()) == e.id
        }) {
            e.country = e.country.take().or_else(|| m.country.clone());
            e.sector = e.sector.take().or_else(|| m.sector.clone());
            let surface = m.span.text(d.body()).trim();
            if !surface.is_empty() && surface != e.name {
                aliases.insert(surface.to_string());
            }
        }
        e.aliases = aliases.into_iter().collect();
        let evs: Vec<usize> = s.entity_events.get(&e.id.to_lowercase()).map(|l| l.iter().map(|&i| i as usize).collect()).unwrap_or_default();
        let chosen: Vec<usize> = evs.iter().copied().skip(offset).take(limit).collect();
        let mut items = Vec::with_capacity(chosen.len());
        for (i, json) in chosen.iter().zip(events_json(st, s, store, &chosen)?) {
            let mut v: Value = serde_json::to_value(&json.view).unwrap_or(Value::Null);
            let as_actor = s.events.get(*i).is_some_and(|h| h.keys.actors.iter().any(|k| *k == e.id.to_lowercase()));
            if let Value::Object(m) = &mut v {
                m.insert("role".into(), json!(if as_actor { "actor" } else { "recipient" }));
            }
            items.push(v);
        }
        let events = Page { total: evs.len(), limit, offset, items };
        let docs: Vec<_> = e.documents.iter().filter_map(|d| s.doc_index.get(d.as_str()).and_then(|&i| s.docs.get(i))).collect();
        let mut v = serde_json::to_value(&e).map_err(|x| ApiError::internal("encoding an entity", x))?;
        if let Value::Object(m) = &mut v {
            m.insert("events".into(), serde_json::to_value(events).unwrap_or(Value::Null));
            m.insert("document_list".into(), json!(docs));
        }
        Ok(Json(v))
    })
    .await
}

/// Documents of an entity listed (and read for its roles) on its page.
const ENTITY_DOCS: usize = 100;

#[derive(Debug, Default, Deserialize)]
struct EventParams {
    limit: Option<usize>,
    offset: Option<usize>,
    actor: Option<String>,
    recipient: Option<String>,
    #[serde(rename = "type")]
    event_type: Option<String>,
    modality: Option<String>,
    since: Option<String>,
    until: Option<String>,
    story: Option<String>,
    text: Option<String>,
}

/// Checked event filters.
struct EventFilter {
    actor: Option<String>,
    recipient: Option<String>,
    event_type: Option<&'static str>,
    modality: Option<String>,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
    story: Option<String>,
    text: Option<String>,
}

const MODALITIES: [Modality; 6] =
    [Modality::Asserted, Modality::Demanded, Modality::Proposed, Modality::Planned, Modality::Hypothetical, Modality::Negated];

fn bounded(v: &Option<String>) -> ApiResult<Option<String>> {
    let v = nonempty(v);
    if v.as_ref().is_some_and(|s| s.chars().count() > MAX_QUERY_CHARS) {
        return Err(ApiError::bad_request(format!("query parameters are limited to {MAX_QUERY_CHARS} characters")));
    }
    Ok(v)
}

impl EventFilter {
    fn from_params(p: &EventParams) -> ApiResult<EventFilter> {
        let event_type = match nonempty(&p.event_type) {
            None => None,
            Some(t) => Some(
                PloverType::parse(&t)
                    .ok_or_else(|| ApiError::bad_request(format!("unknown event type {t:?} (PLOVER types: AGREE, CONSULT, …)")))?
                    .as_str(),
            ),
        };
        let modality = match nonempty(&p.modality) {
            None => None,
            Some(m) => {
                let m = m.to_lowercase();
                if !MODALITIES.iter().any(|x| x.as_str() == m) {
                    return Err(ApiError::bad_request(
                        "modality must be asserted, demanded, proposed, planned, hypothetical or negated",
                    ));
                }
                Some(m)
            }
        };
        let since = parse_day("since", &p.since)?;
        let until = parse_day("until", &p.until)?;
        if let (Some(a), Some(b)) = (since, until) {
            if a > b {
                return Err(ApiError::bad_request("since is after until"));
            }
        }
        Ok(EventFilter {
            actor: bounded(&p.actor)?.map(|s| s.to_lowercase()),
            recipient: bounded(&p.recipient)?.map(|s| s.to_lowercase()),
            event_type,
            modality,
            since,
            until,
            story: bounded(&p.story)?,
            text: bounded(&p.text)?.map(|s| s.to_lowercase()),
        })
    }

    fn admits(&self, e: &EventHead) -> bool {
        let k = &e.keys;
        let who = |keys: &[String], q: &str| keys.iter().any(|x| x == q || x.contains(q));
        self.event_type.map_or(true, |t| e.event_type == t)
            && self.modality.as_ref().map_or(true, |m| &e.modality == m)
            && self.story.as_ref().map_or(true, |s| e.stories.iter().any(|x| x == s))
            && self.actor.as_ref().map_or(true, |q| who(&k.actors, q))
            && self.recipient.as_ref().map_or(true, |q| who(&k.recipients, q))
            && self.text.as_ref().map_or(true, |q| k.text.contains(q.as_str()))
            && self.dates_admit(k.range)
    }

    /// The event's possible days meet `[since, until]`; unknown dates never do.
    fn dates_admit(&self, range: (Option<NaiveDate>, Option<NaiveDate>)) -> bool {
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        if range.0.is_none() && range.1.is_none() {
            return false;
        }
        self.since.map_or(true, |s| range.1.map_or(true, |hi| hi >= s))
            && self.until.map_or(true, |u| range.0.map_or(true, |lo| lo <= u))
    }
}

/// A page of pre-serialised items: `{"total","limit","offset","items"}`,
/// the same JSON as [`Page`].
fn raw_page<'a>(total: usize, limit: usize, offset: usize, items: impl Iterator<Item = &'a [u8]>) -> Response {
    let mut out = format!("{{\"total\":{total},\"limit\":{limit},\"offset\":{offset},\"items\":[").into_bytes();
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(item);
    }
    out.extend_from_slice(b"]}");
    ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], out).into_response()
}

/// Pages the indices `candidates` (ascending) that pass `keep`: the total
/// and the chosen indices.
fn choose(candidates: impl Iterator<Item = usize>, keep: impl Fn(usize) -> bool, limit: usize, offset: usize) -> (usize, Vec<usize>) {
    let mut total = 0;
    let mut chosen: Vec<usize> = Vec::with_capacity(limit.min(64));
    for i in candidates {
        if keep(i) {
            if total >= offset && chosen.len() < limit {
                chosen.push(i);
            }
            total += 1;
        }
    }
    (total, chosen)
}

/// Pages the indices `candidates` (ascending) that pass `keep`, answering
/// with their JSON.
fn page_of_indices(
    candidates: impl Iterator<Item = usize>,
    keep: impl Fn(usize) -> bool,
    json: &[Box<[u8]>],
    limit: usize,
    offset: usize,
) -> Response {
    let (total, chosen) = choose(candidates, keep, limit, offset);
    raw_page(total, limit, offset, chosen.iter().filter_map(|&i| json.get(i)).map(|b| &b[..]))
}

/// A page of merged events at the chosen indices.
async fn events_page(st: &Shared, total: usize, chosen: Vec<usize>, limit: usize, offset: usize) -> ApiResult<Response> {
    // cached views answer on the worker; a page with any miss reads the store off it
    let snap = st.snapshot();
    let cached: Option<Vec<Arc<EventPart>>> = chosen.iter().map(|&i| st.parts().cached_event(&snap, i)).collect();
    let json = match cached {
        Some(all) => all,
        None => with_model(st, move |st, s, store| events_json(st, s, store, &chosen)).await?,
    };
    Ok(raw_page(total, limit, offset, json.iter().map(|e| &e.json[..])))
}

async fn list_events(State(st): State<Shared>, ApiQuery(p): ApiQuery<EventParams>) -> ApiResult<Response> {
    let (limit, offset) = PageParams { limit: p.limit, offset: p.offset }.resolve()?;
    let f = EventFilter::from_params(&p)?;
    let s = st.snapshot();
    // the smallest posting list among the indexed filters, then every filter on it
    let empty: Vec<u32> = Vec::new();
    let mut lists: Vec<Arc<Vec<u32>>> = Vec::new();
    let mut borrowed: Vec<&Vec<u32>> = Vec::new();
    if let Some(t) = f.event_type {
        borrowed.push(s.ix.events_by_type.get(t).unwrap_or(&empty));
    }
    if let Some(st) = &f.story {
        borrowed.push(s.ix.events_by_story.get(st).unwrap_or(&empty));
    }
    if let Some(q) = &f.actor {
        lists.push(s.ix.events_with_key(false, q));
    }
    if let Some(q) = &f.recipient {
        lists.push(s.ix.events_with_key(true, q));
    }
    let smallest = borrowed.iter().copied().chain(lists.iter().map(|a| &**a)).min_by_key(|l| l.len());
    let keep = |i: usize| s.events.get(i).is_some_and(|e| f.admits(e));
    let (total, chosen) = match smallest {
        Some(list) => choose(list.iter().map(|&i| i as usize), keep, limit, offset),
        None => choose(0..s.events.len(), keep, limit, offset),
    };
    events_page(&st, total, chosen, limit, offset).await
}

async fn get_event(State(st): State<Shared>, id: Result<Path<String>, PathRejection>) -> ApiResult<Json<EventView>> {
    let id = path_id(id)?;
    with_model(&st, move |st, s, store| {
        let i = *s.event_index.get(&id).ok_or_else(|| ApiError::not_found("no such event"))?;
        let part = st.parts().event(s, store, i).map_err(|e| ApiError::internal("reading an event", e))?;
        part.map(|p| Json(p.view.clone())).ok_or_else(|| ApiError::not_found("no such event"))
    })
    .await
}

async fn list_stories(State(st): State<Shared>, ApiQuery(p): ApiQuery<PageParams>) -> ApiResult<impl IntoResponse> {
    let (limit, offset) = p.resolve()?;
    let s = st.snapshot();
    Ok(page_of_indices(0..s.story_json.len(), |_| true, &s.story_json, limit, offset))
}

fn story_of<'a>(s: &'a Snapshot, id: &str) -> ApiResult<&'a crate::snapshot::StoryView> {
    s.story(id).map(|e| &e.view).ok_or_else(|| ApiError::not_found("no such story"))
}

async fn get_story(State(st): State<Shared>, id: Result<Path<String>, PathRejection>) -> ApiResult<Json<Value>> {
    let id = path_id(id)?;
    let s = st.snapshot();
    let story = story_of(&s, &id)?;
    let docs: Vec<_> =
        story.documents.iter().filter_map(|d| s.doc_index.get(d.as_str()).and_then(|&i| s.docs.get(i))).collect();
    let mut v = serde_json::to_value(story).map_err(|x| ApiError::internal("encoding a story", x))?;
    if let Value::Object(m) = &mut v {
        m.insert("document_list".into(), json!(docs));
    }
    Ok(Json(v))
}

async fn story_timeline(
    State(st): State<Shared>,
    id: Result<Path<String>, PathRejection>,
    ApiQuery(p): ApiQuery<PageParams>,
) -> ApiResult<Response> {
    let id = path_id(id)?;
    let (limit, offset) = PageParams { limit: p.limit.or(Some(MAX_LIMIT)), offset: p.offset }.resolve()?;
    let s = st.snapshot();
    story_of(&s, &id)?;
    let list = s.ix.events_by_story.get(&id).map(Vec::as_slice).unwrap_or(&[]);
    let (total, chosen) = choose(list.iter().map(|&i| i as usize), |_| true, limit, offset);
    events_page(&st, total, chosen, limit, offset).await
}

async fn story_positions(
    State(st): State<Shared>,
    id: Result<Path<String>, PathRejection>,
    ApiQuery(p): ApiQuery<PageParams>,
) -> ApiResult<impl IntoResponse> {
    let id = path_id(id)?;
    let (limit, offset) = PageParams { limit: p.limit.or(Some(MAX_LIMIT)), offset: p.offset }.resolve()?;
    let part = with_model(&st, move |st, s, store| story_part(st, s, store, &id)).await?;
    Ok(Json(page(part.positions().iter().cloned(), limit, offset)))
}

async fn story_brief(State(st): State<Shared>, id: Result<Path<String>, PathRejection>) -> ApiResult<Json<Value>> {
    let id = path_id(id)?;
    let story = id.clone();
    let part = with_model(&st, move |st, s, store| story_part(st, s, store, &id)).await?;
    let markdown = blocking(move || Ok(part.brief().to_string())).await?;
    Ok(Json(json!({ "story": story, "markdown": markdown })))
}

/// The story's summary timeline: its most important dates, each with a cited sentence.
async fn story_summary(State(st): State<Shared>, id: Result<Path<String>, PathRejection>) -> ApiResult<Json<Value>> {
    let id = path_id(id)?;
    let story = id.clone();
    let part = with_model(&st, move |st, s, store| story_part(st, s, store, &id)).await?;
    let dates = blocking(move || Ok(part.summary().get("dates").cloned().unwrap_or_else(|| json!([])))).await?;
    Ok(Json(json!({ "story": story, "dates": dates })))
}

#[derive(Debug, Default, Deserialize)]
struct PositionParams {
    limit: Option<usize>,
    offset: Option<usize>,
    story: Option<String>,
    actor: Option<String>,
}

async fn list_positions(State(st): State<Shared>, ApiQuery(p): ApiQuery<PositionParams>) -> ApiResult<impl IntoResponse> {
    let (limit, offset) = PageParams { limit: p.limit, offset: p.offset }.resolve()?;
    let story = bounded(&p.story)?.unwrap_or_default();
    let actor = bounded(&p.actor)?.map(|a| a.to_lowercase());
    let list = with_model(&st, move |st, s, store| {
        if story.is_empty() {
            s.all_positions(st.parts(), store).map_err(|e| ApiError::internal("reading positions", e))
        } else {
            Ok(Arc::new(story_part(st, s, store, &story)?.positions().to_vec()))
        }
    })
    .await?;
    let it = list.iter().filter(|x| actor.as_ref().map_or(true, |a| x.actor.to_lowercase().contains(a.as_str()))).cloned();
    Ok(Json(page(it, limit, offset)))
}

#[derive(Debug, Default, Deserialize)]
struct SearchQuery {
    q: Option<String>,
    outlet: Option<String>,
    story: Option<String>,
    since: Option<String>,
    until: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

async fn search(State(st): State<Shared>, ApiQuery(p): ApiQuery<SearchQuery>) -> ApiResult<impl IntoResponse> {
    let (limit, offset) = PageParams { limit: p.limit.or(Some(20)), offset: p.offset }.resolve()?;
    let q = bounded(&p.q)?.ok_or_else(|| ApiError::bad_request("missing query: ?q=words"))?;
    let params = SearchParams {
        q,
        outlet: bounded(&p.outlet)?,
        story: bounded(&p.story)?,
        since: parse_day("since", &p.since)?,
        until: parse_day("until", &p.until)?,
        limit,
        offset: offset.min(10_000),
    };
    // CPU-bound and short (about a millisecond): run on the worker rather
    // than handing off to the blocking pool, whose threads would outnumber
    // the cores under load.
    let page = st.search().search(&params).map_err(|e| ApiError::internal("searching", e))?;
    Ok(Json(page))
}

/// The file extension the pipeline's readers expect for a content type.
fn upload_kind(headers: &HeaderMap) -> ApiResult<&'static str> {
    let ct = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("text/plain");
    let mime = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    match mime.as_str() {
        "text/plain" | "" => Ok("txt"),
        "text/html" | "application/xhtml+xml" => Ok("html"),
        "application/json" => Ok("json"),
        "application/jsonl" | "application/x-ndjson" | "application/ndjson" | "application/jsonlines" => Ok("jsonl"),
        other => Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("unsupported content type {other:?}: send text/plain, text/html, application/json or application/jsonl"),
        )),
    }
}

fn check_token(st: &AppState, headers: &HeaderMap) -> ApiResult<()> {
    let Some(expected) = &st.token else {
        return Err(ApiError::new(StatusCode::FORBIDDEN, "this server is read-only (start it with a token to accept articles)"));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim);
    match given {
        Some(t) if constant_time_eq(t.as_bytes(), expected.as_bytes()) => Ok(()),
        _ => Err(ApiError::new(StatusCode::UNAUTHORIZED, "missing or wrong bearer token")),
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `POST /api/ingest?wait=false`: answer 202 with the job at once instead of
/// the summary when the ingest ends.
#[derive(Debug, Default, Deserialize)]
struct IngestParams {
    wait: Option<bool>,
}

async fn ingest(
    State(st): State<Shared>,
    ApiQuery(params): ApiQuery<IngestParams>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Response> {
    check_token(&st, &headers)?;
    let body = body.map_err(|r| {
        let status = r.status();
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(status, format!("request body larger than {MAX_BODY_BYTES} bytes"))
        } else {
            ApiError::new(status, r.body_text())
        }
    })?;
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ApiError::bad_request("empty body: send the article"));
    }
    let kind = upload_kind(&headers)?;
    let (ext, bytes) = if kind == "json" {
        // one JSON object (or an array of them) becomes JSONL lines
        let v: Value = serde_json::from_slice(&body).map_err(|e| ApiError::bad_request(format!("invalid JSON: {e}")))?;
        let items = match v {
            Value::Array(a) => a,
            other => vec![other],
        };
        let mut out = Vec::new();
        for it in items {
            out.extend(serde_json::to_vec(&it).map_err(|e| ApiError::internal("encoding JSON", e))?);
            out.push(b'\n');
        }
        ("jsonl", out)
    } else {
        (kind, body.to_vec())
    };
    let job = st.jobs.start();
    let (st2, job2) = (Arc::clone(&st), job.clone());
    let task = tokio::task::spawn_blocking(move || {
        let outcome = run_ingest(&st2, &job2, ext, &bytes);
        st2.jobs.finish(&job2, outcome.as_ref().map(Clone::clone).map_err(|e| e.message.clone()));
        outcome
    });
    if params.wait == Some(false) {
        let status = format!("/api/ingest/jobs/{job}");
        return Ok((StatusCode::ACCEPTED, Json(json!({ "job": job, "status": status }))).into_response());
    }
    let mut summary = task.await.map_err(|e| ApiError::internal("running a task", e))??;
    summary["job"] = json!(job);
    Ok(Json(summary).into_response())
}

/// `GET /api/ingest/jobs/{id}`: where an ingest job stands (needs the token).
async fn ingest_job(State(st): State<Shared>, headers: HeaderMap, id: Result<Path<String>, PathRejection>) -> ApiResult<Json<Value>> {
    check_token(&st, &headers)?;
    let id = path_id(id)?;
    let job = st.jobs.get(&id).ok_or_else(|| ApiError::not_found("no such ingest job"))?;
    Ok(Json(serde_json::to_value(job).map_err(|e| ApiError::internal("encoding the job", e))?))
}

/// Writes the upload to a temp file, ingests it with the pipeline, rebuilds
/// the read model. One ingest at a time (the pipeline lock).
fn run_ingest(st: &AppState, job: &str, ext: &str, bytes: &[u8]) -> ApiResult<Value> {
    let mut guard = st.pipeline.lock().map_err(|_| ApiError::internal("ingesting", "pipeline lock poisoned"))?;
    if guard.is_none() {
        *guard = Some(chronicle_pipeline::Pipeline::load().map_err(|e| ApiError::internal("loading the pipeline", e))?);
    }
    let pipeline = guard.as_ref().ok_or_else(|| ApiError::internal("ingesting", "no pipeline"))?;
    let dir = tempfile::tempdir().map_err(|e| ApiError::internal("creating a temp dir", e))?;
    let name = format!("upload.{ext}");
    let file = dir.path().join(&name);
    std::fs::write(&file, bytes).map_err(|e| ApiError::internal("writing the upload", e))?;
    let mut store = chronicle_store::Store::open(&st.store_path).map_err(|e| ApiError::internal("opening the store", e))?;
    let summary = pipeline
        .ingest(&mut store, &[file.clone()], |p| st.jobs.progress(job, p.inputs, p.bytes))
        .map_err(|e| ApiError::internal("ingesting", e))?;
    st.note_own_write();
    let snapshot = Snapshot::build(&store).map_err(|e| ApiError::internal("reading the read model", e))?;
    st.replace_snapshot(snapshot);
    st.catch_up_search().map_err(|e| ApiError::internal("indexing for search", e))?;
    // name the upload, never the temp path
    let dir_text = dir.path().display().to_string();
    let clean = |s: &str| s.replace(&dir_text, "upload").replace("upload/upload", "upload");
    let ids = |v: &[chronicle_core::DocId]| v.iter().map(|d| d.to_string()).collect::<Vec<_>>();
    Ok(json!({
        "ingested": ids(&summary.ingested),
        "appended": ids(&summary.appended),
        "duplicates": summary.duplicates.iter().map(|(s, d)| json!({"source": clean(s), "id": d.as_str()})).collect::<Vec<_>>(),
        "rejected": summary.rejected.iter().map(|r| json!({"source": clean(&r.source), "kind": r.kind, "reason": clean(&r.reason)})).collect::<Vec<_>>(),
        "summary": clean(&summary.render()),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_count_everything_and_slice() {
        let p = page(0..10, 3, 4);
        assert_eq!((p.total, p.items), (10, vec![4, 5, 6]));
        assert!(PageParams { limit: Some(0), offset: None }.resolve().is_err());
        assert!(PageParams { limit: Some(MAX_LIMIT + 1), offset: None }.resolve().is_err());
    }

    #[test]
    fn date_filter_uses_ranges_and_drops_unknown_dates() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let f = EventFilter {
            actor: None,
            recipient: None,
            event_type: None,
            modality: None,
            since: d("2025-05-20"),
            until: d("2025-05-31"),
            story: None,
            text: None,
        };
        assert!(f.dates_admit((d("2025-05-27"), d("2025-06-19"))), "overlapping range");
        assert!(!f.dates_admit((d("2025-05-16"), d("2025-05-16"))));
        assert!(!f.dates_admit((None, None)));
        assert!(f.dates_admit((None, d("2025-05-25"))), "open lower bound");
    }

    #[test]
    fn content_types_map_to_reader_extensions() {
        let mut h = HeaderMap::new();
        assert_eq!(upload_kind(&h).unwrap(), "txt");
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
        assert_eq!(upload_kind(&h).unwrap(), "html");
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/x-ndjson"));
        assert_eq!(upload_kind(&h).unwrap(), "jsonl");
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/png"));
        assert_eq!(upload_kind(&h).unwrap_err().status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert!(constant_time_eq(b"abc", b"abc") && !constant_time_eq(b"abc", b"abd") && !constant_time_eq(b"a", b"ab"));
    }
}
