//! Runs one of chronicle-link's evaluations and prints its report.
//!
//! `cargo run -p chronicle-link --release --example link_eval -- timeline17|ecbplus|reuters-dups|speed [PATH]`
//! (`speed` links 100,000 documents built from the Reuters bodies and reports ms/doc)
//! (PATH defaults to `../shared/data/<set>`).

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let task = args.next().unwrap_or_else(|| "reuters-dups".into());
    let (set, run): (&str, fn(&std::path::Path) -> Result<chronicle_core::EvalReport, String>) = match task.as_str() {
        "timeline17" => ("timeline17", chronicle_link::eval::timeline17),
        "ecbplus" => ("ecbplus", chronicle_link::eval::ecbplus),
        "reuters-dups" | "reuters" => ("reuters21578", chronicle_link::eval::reuters_dups),
        "speed" => ("reuters21578", |p: &std::path::Path| chronicle_link::eval::link_speed(p, 100_000)),
        other => {
            eprintln!("unknown task {other:?}: expected timeline17, ecbplus or reuters-dups");
            std::process::exit(2);
        }
    };
    let path = args.next().map(PathBuf::from).unwrap_or_else(|| PathBuf::from("../shared/data").join(set));
    match run(&path) {
        Ok(r) => print!("{}", r.render()),
        Err(e) => {
            eprintln!("{task}: {e}");
            std::process::exit(1);
        }
    }
}
