//! A small HTTP/1.1 keep-alive load generator for a running server:
//! `cargo run -p chronicle-server --example load -- 127.0.0.1:8080 [CLIENTS=64] [SECONDS=10] [PATHS.tsv]`
//! (`PATHS.tsv`: one `kind<TAB>path` a line; without it, a demo-corpus mix.)
//! Drives event queries and searches round-robin and prints p50/p99 and
//! throughput per kind of request.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const PATHS: &[(&str, &str)] = &[
    ("events", "/api/events?limit=50"),
    ("events", "/api/events?type=CONSULT&limit=50"),
    ("events", "/api/events?actor=russia&since=2025-01-01&limit=50"),
    ("search", "/api/search?q=talks"),
    ("search", "/api/search?q=prisoner%20swap&limit=10"),
    ("search", "/api/search?q=ceasefire%20demands"),
];

async fn get(stream: &mut TcpStream, addr: SocketAddr, path: &str, buf: &mut Vec<u8>) -> std::io::Result<u16> {
    stream.write_all(format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes()).await?;
    buf.clear();
    let mut chunk = [0u8; 16384];
    let head_end = loop {
        if let Some(p) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break p;
        }
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let len: usize = head.lines().find_map(|l| l.strip_prefix("content-length:")).and_then(|v| v.trim().parse().ok()).unwrap_or(0);
    while buf.len() < head_end + 4 + len {
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    Ok(status)
}

fn pct(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)].as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let addr: SocketAddr = args.next().ok_or("usage: load ADDR [CLIENTS] [SECONDS]")?.parse()?;
    let clients: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(64);
    let seconds: u64 = args.next().map(|s| s.parse()).transpose()?.unwrap_or(10);
    let paths: Vec<(&'static str, &'static str)> = match args.next() {
        None => PATHS.to_vec(),
        Some(file) => std::fs::read_to_string(file)?
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .map(|(k, p)| (&*Box::leak(k.trim().to_string().into_boxed_str()), &*Box::leak(p.trim().to_string().into_boxed_str())))
            .collect(),
    };
    if paths.is_empty() {
        return Err("no paths".into());
    }
    let paths: &'static [(&'static str, &'static str)] = Box::leak(paths.into_boxed_slice());
    let end = Instant::now() + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for c in 0..clients {
        tasks.push(tokio::spawn(async move {
            let mut out: Vec<(&'static str, Duration, u16)> = Vec::new();
            let mut stream = match TcpStream::connect(addr).await {
                Ok(s) => s,
                Err(_) => return out,
            };
            let mut buf = Vec::new();
            let mut i = c;
            while Instant::now() < end {
                let Some(&(kind, path)) = paths.get(i % paths.len()) else { break };
                i += 1;
                let t0 = Instant::now();
                match get(&mut stream, addr, path, &mut buf).await {
                    Ok(status) => out.push((kind, t0.elapsed(), status)),
                    Err(_) => break,
                }
            }
            out
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await?);
    }
    let mut kinds: Vec<&str> = paths.iter().map(|p| p.0).collect();
    kinds.dedup();
    for kind in kinds {
        let mut lat: Vec<Duration> = all.iter().filter(|r| r.0 == kind).map(|r| r.1).collect();
        let errors = all.iter().filter(|r| r.0 == kind && r.2 != 200).count();
        lat.sort();
        println!(
            "{kind:7} {:>8} requests  {:>8.0} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  non-200 {errors}",
            lat.len(),
            lat.len() as f64 / seconds as f64,
            pct(&lat, 0.50),
            pct(&lat, 0.99)
        );
    }
    Ok(())
}
