//! Load generator for `chronicle serve`: starts the server on a store, times
//! how long it takes to answer, runs N concurrent keep-alive clients against
//! the list endpoints, and reports p50/p99 latency per endpoint and the
//! server's peak RSS (VmHWM).
//!
//! ```text
//! cargo run --release -p chronicle-bench --example serve_load -- \
//!     --bin target/release/chronicle --db /tmp/srv/100k.db [--clients 64] [--requests 20]
//! ```
//!
//! `--requests` is per client and endpoint. Plain std (threads and blocking
//! sockets, HTTP/1.1 keep-alive): one thread per client measures the full
//! round trip as a browser tab would see it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

struct Args {
    bin: PathBuf,
    db: PathBuf,
    clients: usize,
    requests: usize,
    url: Option<SocketAddr>,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args { bin: "target/release/chronicle".into(), db: PathBuf::new(), clients: 64, requests: 20, url: None };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--bin" => a.bin = value()?.into(),
            "--db" => a.db = value()?.into(),
            "--clients" => a.clients = value()?.parse().map_err(|e| format!("--clients: {e}"))?,
            "--requests" => a.requests = value()?.parse().map_err(|e| format!("--requests: {e}"))?,
            "--addr" => a.url = Some(value()?.parse().map_err(|e| format!("--addr: {e}"))?),
            other => return Err(format!("unknown flag {other}")),
        }
    }
    if a.url.is_none() && a.db.as_os_str().is_empty() {
        return Err("--db PATH (or --addr HOST:PORT of a running server) is required".into());
    }
    Ok(a)
}

/// One GET on a keep-alive connection: status and body length.
fn get(conn: &mut BufReader<TcpStream>, addr: SocketAddr, path: &str) -> std::io::Result<(u16, usize)> {
    let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: keep-alive\r\n\r\n");
    conn.get_mut().write_all(req.as_bytes())?;
    let mut line = String::new();
    conn.read_line(&mut line)?;
    let status: u16 = line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut len: Option<usize> = None;
    let mut chunked = false;
    loop {
        line.clear();
        if conn.read_line(&mut line)? == 0 {
            return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "connection closed"));
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        let lower = l.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            len = v.trim().parse().ok();
        }
        if lower.starts_with("transfer-encoding:") && lower.contains("chunked") {
            chunked = true;
        }
    }
    let mut total = 0;
    if chunked {
        loop {
            line.clear();
            conn.read_line(&mut line)?;
            let n = usize::from_str_radix(line.trim(), 16).unwrap_or(0);
            let mut buf = vec![0u8; n + 2];
            conn.read_exact(&mut buf)?;
            total += n;
            if n == 0 {
                break;
            }
        }
    } else if let Some(n) = len {
        let mut buf = vec![0u8; n];
        conn.read_exact(&mut buf)?;
        total = n;
    }
    Ok((status, total))
}

fn connect(addr: SocketAddr) -> std::io::Result<BufReader<TcpStream>> {
    let s = TcpStream::connect(addr)?;
    s.set_nodelay(true)?;
    s.set_read_timeout(Some(Duration::from_secs(120)))?;
    Ok(BufReader::new(s))
}

fn free_port() -> std::io::Result<SocketAddr> {
    let l = TcpListener::bind("127.0.0.1:0")?;
    l.local_addr()
}

/// Starts the server and waits until `/api/stats` answers; the elapsed time.
fn start_server(a: &Args, addr: SocketAddr) -> Result<(Child, Duration), String> {
    let t = Instant::now();
    let mut child = Command::new(&a.bin)
        .arg("--db")
        .arg(&a.db)
        .arg("serve")
        .arg("--bind")
        .arg(addr.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("starting {}: {e}", a.bin.display()))?;
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!("the server exited: {status}"));
        }
        if let Ok(mut c) = connect(addr) {
            if let Ok((200, _)) = get(&mut c, addr, "/api/stats") {
                return Ok((child, t.elapsed()));
            }
        }
        if t.elapsed() > Duration::from_secs(600) {
            let _ = child.kill();
            return Err("the server did not answer within 600 s".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn peak_rss_mb(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Runs `clients` threads, each sending `requests` GETs of the paths in turn;
/// latencies sorted, plus error count.
fn load(addr: SocketAddr, clients: usize, requests: usize, paths: &[String]) -> (Vec<Duration>, usize, Duration) {
    let barrier = Arc::new(Barrier::new(clients));
    let paths = Arc::new(paths.to_vec());
    let t = Instant::now();
    let handles: Vec<_> = (0..clients)
        .map(|c| {
            let barrier = Arc::clone(&barrier);
            let paths = Arc::clone(&paths);
            std::thread::spawn(move || {
                let mut lat = Vec::with_capacity(requests);
                let mut errors = 0;
                let mut conn = connect(addr).ok();
                barrier.wait();
                for r in 0..requests {
                    let path = &paths[(c + r) % paths.len()];
                    if conn.is_none() {
                        conn = connect(addr).ok();
                    }
                    let Some(cn) = conn.as_mut() else {
                        errors += 1;
                        continue;
                    };
                    let t = Instant::now();
                    match get(cn, addr, path) {
                        Ok((200, _)) => lat.push(t.elapsed()),
                        Ok(_) => errors += 1,
                        Err(_) => {
                            errors += 1;
                            conn = None;
                        }
                    }
                }
                (lat, errors)
            })
        })
        .collect();
    let mut all = Vec::new();
    let mut errors = 0;
    for h in handles {
        if let Ok((l, e)) = h.join() {
            all.extend(l);
            errors += e;
        }
    }
    let wall = t.elapsed();
    all.sort();
    (all, errors, wall)
}

fn pct(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)].as_secs_f64() * 1000.0
}

/// Waits until `/api/stats` reports every document searchable and the
/// entities read (a server that warms up after it starts answering),
/// printing how long.
fn wait_for_search(addr: SocketAddr) {
    let t = Instant::now();
    loop {
        let Some(v) = get_json(addr, "/api/stats") else { return };
        let (docs, indexed) = (v["documents"].as_u64(), v["search_indexed"].as_u64());
        match (docs, indexed) {
            (Some(d), Some(i)) if i >= d && !v["entities"].is_null() => break,
            (_, None) => return,
            _ => std::thread::sleep(Duration::from_millis(100)),
        }
    }
    println!("warm: every document searchable and the entities read {:.1} s after the first answer", t.elapsed().as_secs_f64());
}

fn get_json(addr: SocketAddr, path: &str) -> Option<serde_json::Value> {
    let mut c = connect(addr).ok()?;
    let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    c.get_mut().write_all(req.as_bytes()).ok()?;
    let mut text = String::new();
    c.read_to_string(&mut text).ok()?;
    serde_json::from_str(text.split("\r\n\r\n").nth(1)?).ok()
}

/// Story ids and a few search words from the live server, for realistic paths.
fn story_ids(addr: SocketAddr) -> Vec<String> {
    let v = get_json(addr, "/api/stories?limit=200").unwrap_or_default();
    v.get("items")
        .and_then(|x| x.as_array())
        .map(|a| a.iter().filter_map(|s| s.get("id").and_then(|i| i.as_str()).map(str::to_string)).collect())
        .unwrap_or_default()
}

fn main() {
    let a = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("serve_load: {e}");
            std::process::exit(2);
        }
    };
    let (mut child, addr) = match a.url {
        Some(addr) => (None, addr),
        None => {
            let addr = match free_port() {
                Ok(x) => x,
                Err(e) => {
                    eprintln!("serve_load: no free port: {e}");
                    std::process::exit(1);
                }
            };
            match start_server(&a, addr) {
                Ok((c, took)) => {
                    println!("start: {:.2} s until /api/stats answered", took.as_secs_f64());
                    if let Some(mb) = peak_rss_mb(c.id()) {
                        println!("rss after start: {mb:.0} MB (VmHWM)");
                    }
                    (Some(c), addr)
                }
                Err(e) => {
                    eprintln!("serve_load: {e}");
                    std::process::exit(1);
                }
            }
        }
    };
    wait_for_search(addr);
    let stories = story_ids(addr);
    let words = ["oil", "bank", "trade", "talks", "japan", "dollar", "wheat", "strike", "minister", "shares"];
    let mut endpoints: Vec<(&str, Vec<String>)> = vec![
        ("stories", (0..10).map(|i| format!("/api/stories?limit=50&offset={}", i * 50)).collect()),
        ("events", (0..10).map(|i| format!("/api/events?limit=50&offset={}", i * 50)).collect()),
        ("search", words.iter().map(|w| format!("/api/search?q={w}")).collect()),
    ];
    if !stories.is_empty() {
        endpoints.push(("story", stories.iter().take(50).map(|s| format!("/api/stories/{s}")).collect()));
        endpoints.push(("events?story", stories.iter().take(50).map(|s| format!("/api/events?story={s}")).collect()));
    }
    println!("{:<14} {:>8} {:>8} {:>8} {:>8} {:>7}", "endpoint", "p50 ms", "p99 ms", "max ms", "req/s", "errors");
    for (name, paths) in &endpoints {
        // one warm-up pass (first use of a lazily built cache is its own figure)
        let (warm, _, _) = load(addr, 1, paths.len(), paths);
        let (lat, errors, wall) = load(addr, a.clients, a.requests, paths);
        println!(
            "{:<14} {:>8.1} {:>8.1} {:>8.1} {:>8.0} {:>7}   (first pass p50 {:.1} ms, max {:.1} ms)",
            name,
            pct(&lat, 0.5),
            pct(&lat, 0.99),
            pct(&lat, 1.0),
            lat.len() as f64 / wall.as_secs_f64(),
            errors,
            pct(&warm, 0.5),
            pct(&warm, 1.0)
        );
    }
    if let Some(c) = child.as_mut() {
        if let Some(mb) = peak_rss_mb(c.id()) {
            println!("rss peak: {mb:.0} MB (VmHWM)");
        }
        let _ = c.kill();
        let _ = c.wait();
    }
}
