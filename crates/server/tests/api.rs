//! API tests against the router (no sockets) on a store ingested from the
//! demo corpus with the real pipeline.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use chronicle_server::{router, AppState};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

fn demo_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/istanbul-talks")
}

/// The demo store, ingested once per test binary.
fn demo_store() -> &'static Path {
    static STORE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &STORE
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("temp dir");
            let path = dir.path().join("demo.db");
            let mut store = chronicle_store::Store::open(&path).expect("store");
            let pipeline = chronicle_pipeline::Pipeline::load().expect("pipeline");
            let summary = pipeline.ingest(&mut store, &[demo_dir()], |_| {}).expect("ingest");
            assert!(summary.ingested.len() >= 5, "demo corpus ingested: {}", summary.render());
            (dir, path)
        })
        .1
}

fn demo_state() -> Arc<AppState> {
    static STATE: OnceLock<Arc<AppState>> = OnceLock::new();
    Arc::clone(STATE.get_or_init(|| Arc::new(AppState::open(demo_store(), None).expect("state"))))
}

/// Sends one request; returns status, content type and the body.
async fn send(state: Arc<AppState>, req: Request<Body>) -> (StatusCode, String, Vec<u8>) {
    let res = router(state).oneshot(req).await.expect("infallible");
    let status = res.status();
    let ct = res.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let body = res.into_body().collect().await.expect("body").to_bytes().to_vec();
    (status, ct, body)
}

async fn get(uri: &str) -> (StatusCode, Value) {
    let (status, ct, body) = send(demo_state(), Request::get(uri).body(Body::empty()).unwrap()).await;
    assert!(ct.starts_with("application/json"), "{uri}: content type {ct}");
    (status, serde_json::from_slice(&body).unwrap_or_else(|e| panic!("{uri}: not JSON ({e})")))
}

async fn get_ok(uri: &str) -> Value {
    let (status, v) = get(uri).await;
    assert_eq!(status, StatusCode::OK, "{uri}: {v}");
    v
}

/// Asserts a JSON error with this status.
fn check_error(status: StatusCode, v: &Value, want: StatusCode) {
    assert_eq!(status, want, "{v}");
    assert_eq!(v["status"].as_u64(), Some(u64::from(want.as_u16())), "{v}");
    assert!(v["error"].as_str().is_some_and(|m| !m.is_empty()), "{v}");
}

fn chars_slice(text: &str, a: u64, b: u64) -> String {
    text.chars().skip(a as usize).take((b - a) as usize).collect()
}

#[tokio::test]
async fn documents_are_listed_with_pagination() {
    let all = get_ok("/api/documents?limit=500").await;
    let total = all["total"].as_u64().unwrap();
    assert!(total >= 5, "{all}");
    let page = get_ok("/api/documents?limit=2&offset=1").await;
    assert_eq!(page["total"].as_u64(), Some(total));
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
    assert_eq!(page["items"][0]["id"], all["items"][1]["id"]);
    assert!(all["items"][0].get("source").is_none(), "file paths are never served");
}

#[tokio::test]
async fn a_document_comes_with_annotations_in_character_offsets() {
    let list = get_ok("/api/documents?limit=500").await;
    let id = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .max_by_key(|d| d["n_events"].as_u64())
        .and_then(|d| d["id"].as_str())
        .unwrap()
        .to_string();
    // a unique prefix works too
    let doc = get_ok(&format!("/api/documents/{}", &id[..8])).await;
    assert_eq!(doc["id"].as_str(), Some(id.as_str()));
    let body = doc["body"].as_str().unwrap();
    assert!(!body.is_empty());
    let mentions = doc["mentions"].as_array().unwrap();
    assert!(!mentions.is_empty());
    for m in mentions {
        assert_eq!(chars_slice(body, m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap()), m["text"].as_str().unwrap());
    }
    let events = doc["events"].as_array().unwrap();
    assert!(!events.is_empty());
    for e in events {
        let s = chars_slice(body, e["sentence_start"].as_u64().unwrap(), e["sentence_end"].as_u64().unwrap());
        assert_eq!(s, e["sentence"].as_str().unwrap());
        let t = chars_slice(body, e["trigger_start"].as_u64().unwrap(), e["trigger_end"].as_u64().unwrap());
        assert!(s.contains(&t), "trigger inside its sentence");
    }
    assert!(doc["sentences"].as_array().is_some_and(|s| !s.is_empty()));
}

#[tokio::test]
async fn events_filter_by_type_actor_date_and_text() {
    let all = get_ok("/api/events?limit=500").await;
    let items = all["items"].as_array().unwrap();
    assert!(!items.is_empty());
    let first_type = items[0]["event_type"].as_str().unwrap();
    let typed = get_ok(&format!("/api/events?type={}&limit=500", first_type.to_lowercase())).await;
    assert!(typed["total"].as_u64().unwrap() >= 1);
    assert!(typed["items"].as_array().unwrap().iter().all(|e| e["event_type"] == first_type));

    let with_actor = items.iter().find(|e| e["actors"].as_array().is_some_and(|a| !a.is_empty())).expect("an event with an actor");
    let actor = with_actor["actors"][0]["name"].as_str().unwrap();
    let by_actor = get_ok(&format!("/api/events?actor={}&limit=500", urlencode(actor))).await;
    assert!(by_actor["items"].as_array().unwrap().iter().any(|e| e["id"] == with_actor["id"]));
    assert!(by_actor["total"].as_u64() <= all["total"].as_u64());

    let dated = items.iter().find(|e| e["date"]["earliest"].is_string()).expect("a dated event");
    let day = dated["date"]["earliest"].as_str().unwrap();
    let by_day = get_ok(&format!("/api/events?since={day}&until={day}&limit=500")).await;
    assert!(by_day["items"].as_array().unwrap().iter().any(|e| e["id"] == dated["id"]));

    let (status, v) = get("/api/events?text=zzzqqqxxx").await;
    assert_eq!((status, v["total"].as_u64()), (StatusCode::OK, Some(0)));
    // every merged event has its evidence
    for e in items {
        assert!(!e["reports"].as_array().unwrap().is_empty());
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

#[tokio::test]
async fn search_returns_highlighted_snippets_and_filters() {
    let v = get_ok("/api/search?q=talks").await;
    assert!(v["total"].as_u64().unwrap() >= 2, "{v}");
    let hit = &v["items"][0];
    let snippet = hit["snippet"].as_str().unwrap();
    let hl = hit["highlights"].as_array().unwrap();
    assert!(!hl.is_empty(), "{hit}");
    let word = chars_slice(snippet, hl[0][0].as_u64().unwrap(), hl[0][1].as_u64().unwrap());
    assert!(word.to_lowercase().starts_with("talk"), "{word}");
    assert!(hit["snippet_html"].as_str().unwrap().contains("<b>"));

    let outlet = v["items"].as_array().unwrap().iter().find_map(|h| h["outlet"].as_str()).expect("some demo articles have outlets");
    let only = get_ok(&format!("/api/search?q=talks&outlet={}", urlencode(outlet))).await;
    assert!(only["items"].as_array().unwrap().iter().all(|h| h["outlet"].as_str() == Some(outlet)));
    let none = get_ok("/api/search?q=talks&until=1900-01-01").await;
    assert_eq!(none["total"].as_u64(), Some(0));
}

#[tokio::test]
async fn stories_timeline_positions_and_brief() {
    let stories = get_ok("/api/stories").await;
    let first = &stories["items"][0];
    let id = first["id"].as_str().expect("a story");
    let story = get_ok(&format!("/api/stories/{id}")).await;
    assert!(!story["document_list"].as_array().unwrap().is_empty());
    let tl = get_ok(&format!("/api/stories/{id}/timeline")).await;
    let days: Vec<&str> = tl["items"].as_array().unwrap().iter().filter_map(|e| e["date"]["earliest"].as_str()).collect();
    assert!(days.windows(2).all(|w| w[0] <= w[1]), "timeline ordered by date: {days:?}");
    get_ok(&format!("/api/stories/{id}/positions")).await;
    get_ok("/api/positions").await;
    let brief = get_ok(&format!("/api/stories/{id}/brief")).await;
    let md = brief["markdown"].as_str().unwrap();
    assert!(md.starts_with("# ") && md.contains("[d:"), "a cited brief: {md}");
    let (status, v) = get("/api/stories/s:nope/timeline").await;
    check_error(status, &v, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn entities_have_aliases_roles_and_events() {
    let list = get_ok("/api/entities?limit=5").await;
    let items = list["items"].as_array().unwrap();
    assert!(!items.is_empty());
    let all = get_ok("/api/entities?limit=500").await;
    let with_events: Vec<&Value> = all["items"].as_array().unwrap().iter().filter(|e| e["n_events"].as_u64() > Some(0)).collect();
    assert!(!with_events.is_empty(), "an entity taking part in events");
    // its page names it as its documents do (aliases: other names and surface forms)
    let mut pages = Vec::new();
    for x in &with_events {
        pages.push(get_ok(&format!("/api/entities/{}", urlencode(x["id"].as_str().unwrap()))).await);
    }
    assert!(pages.iter().any(|e| !e["aliases"].as_array().unwrap().is_empty()), "some entity has aliases");
    let e = &pages[0];
    assert!(!e["document_list"].as_array().unwrap().is_empty());
    assert!(e["events"]["total"].as_u64() >= Some(1));
    let role = e["events"]["items"][0]["role"].as_str().unwrap();
    assert!(role == "actor" || role == "recipient");
    let (status, v) = get("/api/entities?type=planet").await;
    check_error(status, &v, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn bad_requests_get_json_errors() {
    for (uri, want) in [
        ("/api/events?limit=abc", StatusCode::BAD_REQUEST),
        ("/api/events?limit=0", StatusCode::BAD_REQUEST),
        ("/api/events?since=yesterday", StatusCode::BAD_REQUEST),
        ("/api/events?type=DANCE", StatusCode::BAD_REQUEST),
        ("/api/events?modality=maybe", StatusCode::BAD_REQUEST),
        ("/api/events?since=2025-06-01&until=2025-05-01", StatusCode::BAD_REQUEST),
        ("/api/search", StatusCode::BAD_REQUEST),
        ("/api/search?q=%20", StatusCode::BAD_REQUEST),
        ("/api/documents/d:ffffffffffffffff", StatusCode::NOT_FOUND),
        ("/api/events/v:nope", StatusCode::NOT_FOUND),
        ("/api/nothing-here", StatusCode::NOT_FOUND),
        ("/etc/passwd", StatusCode::NOT_FOUND),
        ("/assets/../../Cargo.toml", StatusCode::NOT_FOUND),
    ] {
        let (status, v) = get(uri).await;
        check_error(status, &v, want);
    }
    let long_q = "a".repeat(600);
    let (status, v) = get(&format!("/api/search?q={long_q}")).await;
    check_error(status, &v, StatusCode::BAD_REQUEST);
    let long_uri = format!("/api/events?text={}", "b".repeat(5000));
    let (status, v) = get(&long_uri).await;
    check_error(status, &v, StatusCode::URI_TOO_LONG);
    let (status, _, body) =
        send(demo_state(), Request::builder().method(Method::DELETE).uri("/api/documents").body(Body::empty()).unwrap()).await;
    check_error(status, &serde_json::from_slice(&body).unwrap(), StatusCode::METHOD_NOT_ALLOWED);
    // and the server still answers
    get_ok("/api/stats").await;
}

#[tokio::test]
async fn openapi_document_lists_every_route() {
    let v = get_ok("/api/openapi.json").await;
    assert!(v["openapi"].as_str().unwrap().starts_with("3."));
    let paths = v["paths"].as_object().unwrap();
    for p in [
        "/api/documents",
        "/api/documents/{id}",
        "/api/entities",
        "/api/entities/{id}",
        "/api/events",
        "/api/events/{id}",
        "/api/stories",
        "/api/stories/{id}",
        "/api/stories/{id}/timeline",
        "/api/stories/{id}/positions",
        "/api/stories/{id}/brief",
        "/api/positions",
        "/api/search",
        "/api/ingest",
        "/api/ingest/jobs/{id}",
        "/api/stats",
    ] {
        assert!(paths.contains_key(p), "openapi lacks {p}");
    }
}

#[tokio::test]
async fn web_ui_is_served_with_a_strict_policy_and_builds_no_html_from_data() {
    let res = router(demo_state()).oneshot(Request::get("/").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let csp = res.headers().get(header::CONTENT_SECURITY_POLICY).unwrap().to_str().unwrap().to_string();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    let (status, ct, js) = send(demo_state(), Request::get("/assets/app.js").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(ct.starts_with("text/javascript"));
    let js = String::from_utf8(js).unwrap();
    for banned in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"] {
        assert!(!js.contains(banned), "app.js must not use {banned}");
    }
}

// ---------------------------------------------------------------- ingest

fn post(uri: &str, token: Option<&str>, content_type: &str, body: Vec<u8>) -> Request<Body> {
    let mut b = Request::builder().method(Method::POST).uri(uri).header(header::CONTENT_TYPE, content_type);
    if let Some(t) = token {
        b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    b.body(Body::from(body)).unwrap()
}

const CRAFTED: &str = "Envoys meet again in Geneva <script>alert('pwned')</script>\n\
Negotiators from both governments met in Geneva on Monday for a second round of talks, officials said. \
<img src=x onerror=alert(1)> The delegations agreed to exchange prisoners next week, the foreign ministry said.\n";

#[tokio::test]
async fn ingest_needs_the_token_and_serves_crafted_text_escaped() {
    // read-only server
    let ro = demo_state();
    let (status, _, body) = send(ro, post("/api/ingest", Some("x"), "text/plain", CRAFTED.into())).await;
    check_error(status, &serde_json::from_slice(&body).unwrap(), StatusCode::FORBIDDEN);

    let dir = tempfile::tempdir().unwrap();
    let state = Arc::new(AppState::open(&dir.path().join("w.db"), Some("s3cret".into())).unwrap());
    for token in [None, Some("wrong")] {
        let (status, _, body) = send(Arc::clone(&state), post("/api/ingest", token, "text/plain", CRAFTED.into())).await;
        check_error(status, &serde_json::from_slice(&body).unwrap(), StatusCode::UNAUTHORIZED);
    }
    let (status, _, body) =
        send(Arc::clone(&state), post("/api/ingest", Some("s3cret"), "image/png", CRAFTED.into())).await;
    check_error(status, &serde_json::from_slice(&body).unwrap(), StatusCode::UNSUPPORTED_MEDIA_TYPE);

    let (status, _, body) = send(Arc::clone(&state), post("/api/ingest", Some("s3cret"), "text/plain", CRAFTED.into())).await;
    let v: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(v["ingested"].as_array().map(Vec::len), Some(1), "{v}");
    let text = String::from_utf8_lossy(&body);
    assert!(!text.contains("/tmp") && !text.contains(&dir.path().display().to_string()), "no paths: {text}");
    let id = v["ingested"][0].as_str().unwrap().to_string();

    // the same again is a duplicate, same accounting as the CLI
    let (_, _, body) = send(Arc::clone(&state), post("/api/ingest", Some("s3cret"), "text/plain", CRAFTED.into())).await;
    let again: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(again["duplicates"].as_array().map(Vec::len), Some(1), "{again}");

    // served escaped: no markup in the raw bytes, the text intact once parsed
    let (status, ct, raw) = send(Arc::clone(&state), Request::get(format!("/api/documents/{id}")).body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(ct.starts_with("application/json"));
    let raw_text = String::from_utf8(raw.clone()).unwrap();
    assert!(!raw_text.contains("<script") && !raw_text.contains("<img"), "raw JSON must not carry markup");
    let doc: Value = serde_json::from_slice(&raw).unwrap();
    let body = doc["body"].as_str().unwrap();
    assert!(body.contains("onerror=alert(1)"), "the article text is kept, not rewritten");
    // and the read model was rebuilt: the new article is listed and searchable
    let (_, _, list) = send(Arc::clone(&state), Request::get("/api/documents").body(Body::empty()).unwrap()).await;
    let list: Value = serde_json::from_slice(&list).unwrap();
    assert_eq!(list["total"].as_u64(), Some(1));
    let (_, _, hits) = send(Arc::clone(&state), Request::get("/api/search?q=geneva").body(Body::empty()).unwrap()).await;
    let hits: Value = serde_json::from_slice(&hits).unwrap();
    assert_eq!(hits["total"].as_u64(), Some(1), "{hits}");
    assert!(!String::from_utf8_lossy(&serde_json::to_vec(&hits).unwrap()).is_empty());
}

#[tokio::test]
async fn oversize_bodies_are_refused_with_413() {
    let dir = tempfile::tempdir().unwrap();
    let state = Arc::new(AppState::open(&dir.path().join("w.db"), Some("t".into())).unwrap());
    let big = vec![b'a'; chronicle_server::MAX_BODY_BYTES + 1];
    let (status, _, body) = send(state, post("/api/ingest", Some("t"), "text/plain", big)).await;
    check_error(status, &serde_json::from_slice(&body).unwrap(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn json_uploads_become_records() {
    let dir = tempfile::tempdir().unwrap();
    let state = Arc::new(AppState::open(&dir.path().join("w.db"), Some("t".into())).unwrap());
    let record = serde_json::json!({
        "title": "Ministers hold talks",
        "text": "Foreign ministers held talks in Vienna on Tuesday.\n\nThey agreed to meet again next month, officials said.",
        "outlet": "Example Wire",
    });
    let (status, _, body) =
        send(Arc::clone(&state), post("/api/ingest", Some("t"), "application/json", serde_json::to_vec_pretty(&record).unwrap())).await;
    let v: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(status, StatusCode::OK, "{v}");
    let accounted = v["ingested"].as_array().unwrap().len() + v["rejected"].as_array().unwrap().len();
    assert_eq!(accounted, 1, "one record, accounted for: {v}");
    let (status, _, body) = send(state, post("/api/ingest", Some("t"), "application/json", b"{not json".to_vec())).await;
    check_error(status, &serde_json::from_slice(&body).unwrap(), StatusCode::BAD_REQUEST);
}

/// DNS rebinding: a server bound to loopback answers its own names and
/// refuses a request that names any other host, before any handler runs.
#[tokio::test]
async fn a_request_for_another_host_name_is_refused() {
    let policy = chronicle_server::HostPolicy::for_bind("127.0.0.1:8080".parse().unwrap(), &["news.example.org".to_string()]);
    let state = Arc::new(AppState::open(demo_store(), None).expect("state").with_hosts(policy));
    let with_host = |host: Option<&str>| {
        let mut r = Request::get("/api/stats");
        if let Some(h) = host {
            r = r.header("host", h);
        }
        r.body(Body::empty()).unwrap()
    };
    for ok in ["127.0.0.1:8080", "localhost:8080", "news.example.org"] {
        let (status, _, _) = send(Arc::clone(&state), with_host(Some(ok))).await;
        assert_eq!(status, StatusCode::OK, "{ok}");
    }
    for bad in [Some("rebind.attacker.example:8080"), None] {
        let (status, _, body) = send(Arc::clone(&state), with_host(bad)).await;
        check_error(status, &serde_json::from_slice(&body).unwrap(), StatusCode::MISDIRECTED_REQUEST);
    }
}

/// `?wait=false`: the ingest runs in the background; the client gets 202 and
/// the job, follows it, and finds the summary there; reads go on meanwhile.
#[tokio::test]
async fn a_background_ingest_is_followed_through_its_job() {
    let dir = tempfile::tempdir().unwrap();
    let state = Arc::new(AppState::open(&dir.path().join("w.db"), Some("t".into())).unwrap());
    let (status, _, body) = send(Arc::clone(&state), post("/api/ingest?wait=false", Some("t"), "text/plain", CRAFTED.into())).await;
    let v: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(status, StatusCode::ACCEPTED, "{v}");
    let url = v["status"].as_str().unwrap().to_string();
    assert_eq!(url, format!("/api/ingest/jobs/{}", v["job"].as_str().unwrap()));
    // the job needs the token like the ingest
    let (status, _, body) = send(Arc::clone(&state), Request::get(url.as_str()).body(Body::empty()).unwrap()).await;
    check_error(status, &serde_json::from_slice(&body).unwrap(), StatusCode::UNAUTHORIZED);
    let job = loop {
        let req = Request::get(url.as_str()).header(header::AUTHORIZATION, "Bearer t").body(Body::empty()).unwrap();
        let (status, _, body) = send(Arc::clone(&state), req).await;
        assert_eq!(status, StatusCode::OK);
        let job: Value = serde_json::from_slice(&body).unwrap();
        if job["state"] != "running" {
            break job;
        }
        // reads are answered while the ingest runs
        let (status, _, _) = send(Arc::clone(&state), Request::get("/api/stats").body(Body::empty()).unwrap()).await;
        assert_eq!(status, StatusCode::OK);
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert_eq!(job["state"], "done", "{job}");
    assert_eq!(job["result"]["ingested"].as_array().map(Vec::len), Some(1), "{job}");
    assert!(job["inputs_read"].as_u64().unwrap() >= 1, "{job}");
    // the new document is served once the job is done
    let (_, _, body) = send(Arc::clone(&state), Request::get("/api/stats").body(Body::empty()).unwrap()).await;
    let stats: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(stats["documents"], 1, "{stats}");
    let (status, _, body) = send(state, Request::get("/api/ingest/jobs/j:999").header(header::AUTHORIZATION, "Bearer t").body(Body::empty()).unwrap()).await;
    check_error(status, &serde_json::from_slice(&body).unwrap(), StatusCode::NOT_FOUND);
}

/// A write by another process (here: another connection ingesting) reaches
/// the served read model at the next check, and only then is it rebuilt.
#[tokio::test]
async fn the_server_follows_writes_made_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.db");
    let state = Arc::new(AppState::open(&path, None).unwrap());
    assert!(!state.follow_writes().unwrap(), "the first check records the version");
    assert!(!state.follow_writes().unwrap(), "nothing changed");
    assert_eq!(state.snapshot().docs.len(), 0);
    let article = dir.path().join("a.txt");
    std::fs::write(&article, CRAFTED).unwrap();
    let mut other = chronicle_store::Store::open(&path).unwrap();
    let pipeline = chronicle_pipeline::Pipeline::load().unwrap();
    pipeline.ingest(&mut other, &[article], |_| {}).unwrap();
    assert!(state.follow_writes().unwrap(), "another connection committed");
    assert_eq!(state.snapshot().docs.len(), 1);
    assert!(!state.follow_writes().unwrap());
}

/// One read model: the API lists the stories `chronicle stories` prints
/// (same ids, titles and documents) and the merged events the store keeps
/// (same ids, summaries and reports), whatever their order on the page.
#[tokio::test]
async fn the_api_gives_the_clis_stories_and_the_stored_merged_events() {
    let store = chronicle_store::Store::open(demo_store()).unwrap();
    let cli = chronicle_pipeline::stories(&store).unwrap();
    let api = get_ok("/api/stories?limit=500").await;
    let items = api["items"].as_array().unwrap();
    assert_eq!(items.len(), cli.len());
    for s in &cli {
        let a = items.iter().find(|x| x["id"] == s.id.as_str()).unwrap_or_else(|| panic!("{} listed", s.id));
        assert_eq!(a["title"].as_str(), Some(s.title.as_str()).filter(|t| !t.trim().is_empty()).or(a["title"].as_str()));
        let mut want: Vec<String> = s.documents.iter().map(|d| d.to_string()).collect();
        let mut got: Vec<String> = a["documents"].as_array().unwrap().iter().map(|d| d.as_str().unwrap().to_string()).collect();
        want.sort();
        got.sort();
        assert_eq!(got, want, "documents of {}", s.id);
    }
    let stored = store.merged_events().unwrap();
    let events = get_ok("/api/events?limit=500").await;
    let listed = events["items"].as_array().unwrap();
    assert_eq!(events["total"].as_u64(), Some(stored.len() as u64));
    for m in &stored {
        let e = listed.iter().find(|x| x["id"] == m.id.as_str()).unwrap_or_else(|| panic!("{} listed", m.id));
        assert_eq!(e["summary"].as_str(), Some(m.summary.as_str()));
        assert_eq!(e["reports"].as_array().unwrap().len(), m.reports.len());
        assert_eq!(e["num_sources"].as_u64(), Some(m.num_sources as u64));
    }
}

/// An ingest beside the server invalidates only the stories it touched: the
/// views of the others are the same cached ones afterwards.
#[tokio::test]
async fn a_write_invalidates_only_the_stories_it_touched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    std::fs::copy(demo_store(), &path).unwrap();
    let state = Arc::new(AppState::open(&path, None).unwrap());
    state.follow_writes().unwrap();
    let before = state.snapshot();
    let store = chronicle_store::Store::open(&path).unwrap();
    let parts: Vec<_> = before.stories.iter().map(|s| state.parts().get(&before, &store, &s.view.id).unwrap()).collect();
    assert_eq!(state.parts().len(), before.stories.len());
    let article = dir.path().join("a.txt");
    std::fs::write(&article, CRAFTED).unwrap();
    let mut other = chronicle_store::Store::open(&path).unwrap();
    chronicle_pipeline::Pipeline::load().unwrap().ingest(&mut other, &[article], |_| {}).unwrap();
    assert!(state.follow_writes().unwrap());
    let after = state.snapshot();
    assert_eq!(after.docs.len(), before.docs.len() + 1);
    let touched = after.docs.iter().find(|d| !before.doc_index.contains_key(&d.id)).and_then(|d| d.story.clone());
    for (s, old) in before.stories.iter().zip(&parts) {
        let now = state.parts().get(&after, &store, &s.view.id).unwrap();
        assert_eq!(Arc::ptr_eq(old, &now), Some(&s.view.id) != touched.as_ref(), "{}", s.view.id);
    }
    // the new article is searchable once followed
    let (_, _, hits) = send(Arc::clone(&state), Request::get("/api/search?q=geneva").body(Body::empty()).unwrap()).await;
    let hits: Value = serde_json::from_slice(&hits).unwrap();
    assert!(hits["items"].as_array().unwrap().iter().any(|h| Some(h["doc"].as_str().unwrap()) == after.docs.iter().find(|d| !before.doc_index.contains_key(&d.id)).map(|d| d.id.as_str())), "{hits}");
}
