//! End-to-end: the server on the demo corpus, driven by headless Chromium
//! through chromedriver (W3C WebDriver over plain HTTP, no client crate).
//!
//! Skips (passes with a notice) when `chromium` or `chromedriver` is absent.
//! Override the binaries with `CHROMIUM` / `CHROMEDRIVER`.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,1200",
];

fn find_binary(env: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(env).map(PathBuf::from) {
        return p.is_file().then_some(p);
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for n in names {
            let p = dir.join(n);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

// ------------------------------------------------------------ tiny HTTP

fn dechunk(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut rest = body;
    loop {
        let Some(pos) = rest.windows(2).position(|w| w == b"\r\n") else { break };
        let size_text = String::from_utf8_lossy(&rest[..pos]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("0").trim(), 16).unwrap_or(0);
        rest = &rest[pos + 2..];
        if size == 0 || rest.len() < size {
            break;
        }
        out.extend_from_slice(&rest[..size]);
        rest = rest.get(size + 2..).unwrap_or(&[]);
    }
    out
}

/// One HTTP/1.1 request; returns status and parsed JSON body (Null if not JSON).
fn http(addr: SocketAddr, method: &str, path: &str, body: Option<&Value>) -> (u16, Value) {
    let mut stream = TcpStream::connect(addr).unwrap_or_else(|e| panic!("connect {addr}: {e}"));
    stream.set_read_timeout(Some(Duration::from_secs(90))).unwrap();
    let payload = body.map(|b| b.to_string()).unwrap_or_default();
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{payload}",
        payload.len()
    );
    stream.write_all(req.as_bytes()).unwrap();
    // read the header, then exactly the body (servers may keep the connection open)
    let mut raw = Vec::new();
    let mut buf = [0u8; 65536];
    let split = loop {
        if let Some(p) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break p;
        }
        let n = stream.read(&mut buf).expect("read header");
        assert!(n > 0, "connection closed before the header ended");
        raw.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let lower = head.to_ascii_lowercase();
    let mut body = raw[split + 4..].to_vec();
    let length = lower
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok());
    let chunked = lower.contains("transfer-encoding: chunked");
    loop {
        let done = match length {
            Some(n) => body.len() >= n,
            None if chunked => body.windows(5).any(|w| w == b"0\r\n\r\n"),
            None => false,
        };
        if done {
            break;
        }
        let n = stream.read(&mut buf).expect("read body");
        if n == 0 {
            break;
        }
        body.extend_from_slice(&buf[..n]);
    }
    if chunked {
        body = dechunk(&body);
    }
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

// ------------------------------------------------------------ WebDriver

struct Driver {
    child: Child,
    addr: SocketAddr,
    session: Option<String>,
}

impl Drop for Driver {
    fn drop(&mut self) {
        if let Some(s) = self.session.take() {
            let _ = http(self.addr, "DELETE", &format!("/session/{s}"), None);
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    fn start(chromedriver: &Path, chromium: &Path, profile: &Path) -> Driver {
        let port = free_port();
        let child = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let addr: SocketAddr = ([127, 0, 0, 1], port).into();
        let mut d = Driver { child, addr, session: None };
        let t0 = Instant::now();
        while TcpStream::connect(addr).is_err() {
            assert!(t0.elapsed() < Duration::from_secs(30), "chromedriver did not listen");
            std::thread::sleep(Duration::from_millis(100));
        }
        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|s| s.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let caps = json!({"capabilities": {"alwaysMatch": {
            "goog:chromeOptions": {"binary": chromium.display().to_string(), "args": args}
        }}});
        let (status, v) = http(addr, "POST", "/session", Some(&caps));
        assert_eq!(status, 200, "new session: {v}");
        d.session = Some(v["value"]["sessionId"].as_str().expect("session id").to_string());
        d
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let s = self.session.as_deref().unwrap_or("");
        let (status, v) = http(self.addr, method, &format!("/session/{s}{path}"), body.as_ref());
        assert_eq!(status, 200, "{method} {path}: {v}");
        v["value"].clone()
    }

    fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(json!({ "url": url })));
    }

    fn js(&self, script: &str) -> Value {
        self.cmd("POST", "/execute/sync", Some(json!({"script": script, "args": []})))
    }

    /// Polls a script until it returns something truthy.
    fn wait(&self, what: &str, script: &str) -> Value {
        let t0 = Instant::now();
        loop {
            let v = self.js(script);
            let truthy = match &v {
                Value::Null | Value::Bool(false) => false,
                Value::Number(n) => n.as_f64() != Some(0.0),
                Value::String(s) => !s.is_empty(),
                _ => true,
            };
            if truthy {
                return v;
            }
            assert!(t0.elapsed() < Duration::from_secs(30), "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    fn find(&self, css: &str) -> String {
        let v = self.cmd("POST", "/element", Some(json!({"using": "css selector", "value": css})));
        v.as_object()
            .and_then(|o| o.values().next())
            .and_then(|x| x.as_str())
            .expect("element reference")
            .to_string()
    }

    fn click(&self, css: &str) {
        let el = self.find(css);
        self.cmd("POST", &format!("/element/{el}/click"), Some(json!({})));
    }

    fn screenshot(&self, path: &Path) {
        let b64 = self.cmd("GET", "/screenshot", None);
        let bytes = base64_decode(b64.as_str().expect("base64 screenshot"));
        assert!(bytes.starts_with(b"\x89PNG"), "a PNG");
        std::fs::write(path, bytes).expect("write screenshot");
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes() {
        let Some(v) = val(c) else { continue };
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

// ------------------------------------------------------------ the test

const CRAFTED: &str = "Envoys resume talks in Geneva <script>window.__pwned = 'script'</script>\n\
Negotiators from both governments met in Geneva on Monday for a new round of talks, officials said. \
<img src=x onerror=\"window.__pwned = 'img'\"> The delegations agreed to exchange prisoners, the ministry said.\n";

fn build_store(dir: &Path) -> PathBuf {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/istanbul-talks");
    let crafted = dir.join("crafted.txt");
    std::fs::write(&crafted, CRAFTED).unwrap();
    let path = dir.join("demo.db");
    let mut store = chronicle_store::Store::open(&path).unwrap();
    let pipeline = chronicle_pipeline::Pipeline::load().unwrap();
    let s = pipeline.ingest(&mut store, &[demo, crafted], |_| {}).unwrap();
    assert!(s.ingested.len() >= 6, "{}", s.render());
    path
}

fn start_server(store: &Path) -> SocketAddr {
    let state = Arc::new(chronicle_server::AppState::open(store, None).expect("state"));
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        rt.block_on(async move {
            let l = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(l, chronicle_server::router(state)).await.unwrap();
        });
    });
    addr
}

#[test]
fn story_page_timeline_evidence_and_screenshot() {
    let (Some(chromium), Some(chromedriver)) = (
        find_binary("CHROMIUM", &["chromium", "chromium-browser", "google-chrome"]),
        find_binary("CHROMEDRIVER", &["chromedriver"]),
    ) else {
        eprintln!("SKIPPED browser test: chromium and chromedriver not found (apt-get install chromium chromium-driver)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let store = build_store(dir.path());
    let server = start_server(&store);
    let base = format!("http://{server}");

    // the story whose timeline has meetings (CONSULT) on the most days, from the API
    let (_, stories) = http(server, "GET", "/api/stories?limit=500", None);
    let mut best: Option<(usize, String, usize)> = None;
    for s in stories["items"].as_array().unwrap() {
        let id = s["id"].as_str().unwrap().to_string();
        let (_, tl) = http(server, "GET", &format!("/api/stories/{id}/timeline"), None);
        let items = tl["items"].as_array().unwrap();
        let is_dated = |e: &&Value| e["date"]["earliest"].is_string() || e["date"]["latest"].is_string();
        let meeting_days: std::collections::BTreeSet<String> = items
            .iter()
            .filter(is_dated)
            .filter(|e| e["event_type"] == "CONSULT")
            .map(|e| e["date"]["text"].to_string())
            .collect();
        let dated = items.iter().filter(is_dated).count();
        if best.as_ref().map_or(true, |b| meeting_days.len() > b.0) {
            best = Some((meeting_days.len(), id, dated));
        }
    }
    let (meeting_days, sid, dated) = best.expect("a story");
    assert!(meeting_days >= 2 && dated >= 3, "a demo story has talks on several dates");
    let profile = tempfile::tempdir().unwrap();
    let d = Driver::start(&chromedriver, &chromium, profile.path());

    // home lists the stories
    d.goto(&format!("{base}/#/"));
    d.wait("story cards", "return document.querySelectorAll('.story-card').length");

    // story page: it opens on the summary timeline, labelled dates with cited sentences
    d.goto(&format!("{base}/#/story/{sid}"));
    let key_dates = d.wait("summary timeline", "return document.querySelectorAll('.summary-axis .summary-item').length").as_u64().unwrap();
    let (_, summary) = http(server, "GET", &format!("/api/stories/{sid}/summary"), None);
    assert_eq!(key_dates as usize, summary["dates"].as_array().unwrap().len(), "one item per summary date");
    let labels = d.js("return Array.from(document.querySelectorAll('.summary-item')).map(i => [i.querySelector('.summary-date').textContent, i.querySelector('.summary-text') ? i.querySelector('.summary-text').textContent : '', i.querySelectorAll('a.cite').length])");
    for l in labels.as_array().unwrap() {
        assert!(!l[0].as_str().unwrap_or("").is_empty() && l[1].as_str().unwrap_or("").len() > 20 && l[2].as_u64() >= Some(1), "labelled, cited date: {l}");
    }
    let order: Vec<String> = summary["dates"].as_array().unwrap().iter().filter_map(|d| d["date"].as_str().map(str::to_string)).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted, "the summary runs in date order");
    // the summary comes first; the full timeline is one click away
    assert_eq!(d.js("return document.querySelectorAll('svg .tl-mark').length").as_u64(), Some(0));
    let first_section = d.js("return document.querySelector('#app section.card h2').textContent");
    assert_eq!(first_section.as_str(), Some("Key dates"));
    let summary_shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("chronicle-story-summary.png");
    d.screenshot(&summary_shot);
    println!("screenshot: {}", summary_shot.display());
    d.click("button.full-timeline-toggle");
    // one timeline mark per dated event
    let marks = d.wait("timeline marks", "return document.querySelectorAll('svg .tl-mark').length").as_u64().unwrap();
    let outside = d.js("return +document.querySelector('svg.timeline-svg').getAttribute('data-outside')").as_u64().unwrap();
    assert_eq!((marks + outside) as usize, dated, "one mark per dated event (or counted outside the axis)");
    assert!(marks >= 3, "{marks} marks");
    // the rounds of talks: meeting events (CONSULT) on at least two different dates
    let rounds = d.js(
        "return Array.from(new Set(Array.from(document.querySelectorAll('.tl-mark[data-type=\"CONSULT\"]')).map(m => m.getAttribute('data-date'))))",
    );
    let rounds: Vec<String> = rounds.as_array().unwrap().iter().filter_map(|v| v.as_str().map(str::to_string)).collect();
    assert!(rounds.len() >= 2, "talks on several dates: {rounds:?}");
    println!("rounds of talks on the timeline: {rounds:?}");

    // click a meeting: its evidence sentence appears
    d.click(".tl-mark[data-type=\"CONSULT\"]");
    let shown = d.wait("evidence", "const e = document.querySelector('#evidence .evidence-sentence'); return e ? e.textContent : ''");
    let shown = shown.as_str().unwrap().to_string();
    let event_id = d.js("return document.querySelector('.tl-mark.selected').getAttribute('data-event')");
    let (_, ev) = http(server, "GET", &format!("/api/events/{}", event_id.as_str().unwrap()), None);
    let sentences: Vec<&str> = ev["reports"].as_array().unwrap().iter().filter_map(|r| r["sentence"].as_str()).collect();
    assert!(sentences.iter().any(|s| *s == shown), "evidence {shown:?} is one of {sentences:?}");
    assert!(d.js("return document.querySelectorAll('.matrix, .sources').length").as_u64() >= Some(1));

    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let shot = shots.join("chronicle-story.png");
    d.screenshot(&shot);
    println!("screenshot: {}", shot.display());

    // evidence link → document view with the sentence highlighted
    d.click("#evidence .report a");
    let flashed = d.wait("highlighted sentence", "const e = document.querySelector('.sent.flash'); return e ? e.textContent : ''");
    assert!(!flashed.as_str().unwrap_or("").trim().is_empty());
    d.wait(
        "highlighted sentence scrolled into view",
        "const e = document.querySelector('.sent.flash'); if (!e) return false; const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight",
    );
    let doc_shot = shots.join("chronicle-document.png");
    d.screenshot(&doc_shot);
    println!("screenshot: {}", doc_shot.display());

    // the crafted article: shown as text, nothing injected, nothing run
    let (_, hits) = http(server, "GET", "/api/search?q=geneva", None);
    let crafted = hits["items"][0]["doc"].as_str().expect("crafted article indexed").to_string();
    d.goto(&format!("{base}/#/doc/{crafted}"));
    let body = d.wait("document body", "const b = document.getElementById('doc-body'); return b ? b.textContent : ''");
    assert!(body.as_str().unwrap().contains("onerror"), "the markup is shown as text");
    let injected = d.js("return [document.querySelectorAll('#app img, #app script').length, window.__pwned || null]");
    assert_eq!(injected, json!([0, null]), "nothing from the article became markup or ran");
}
