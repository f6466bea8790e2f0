//! Serves a store, ingesting directories first if asked:
//! `cargo run -p chronicle-server --example serve -- STORE.db [--bind 127.0.0.1:8080] [--token T] [--ingest PATH]...`
//! (The `chronicle serve` command is the real entry point; this is for development.)

use std::net::SocketAddr;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let store = PathBuf::from(args.next().ok_or("usage: serve STORE.db [--bind ADDR] [--token T] [--ingest PATH]...")?);
    let mut bind: SocketAddr = "127.0.0.1:8080".parse()?;
    let mut token = std::env::var("CHRONICLE_TOKEN").ok();
    let mut ingest = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bind" => bind = args.next().ok_or("--bind needs an address")?.parse()?,
            "--token" => token = args.next(),
            "--ingest" => ingest.push(PathBuf::from(args.next().ok_or("--ingest needs a path")?)),
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    if !ingest.is_empty() {
        let mut s = chronicle_store::Store::open(&store)?;
        let summary = chronicle_pipeline::Pipeline::load()?.ingest(&mut s, &ingest, |_| {})?;
        eprintln!("{}", summary.render());
    }
    chronicle_server::serve(&store, bind, token, &[])?;
    Ok(())
}
