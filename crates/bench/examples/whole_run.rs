//! End to end (clean → language → events, rayon-parallel per document, in
//! batches of 256 as the pipeline runs them) on Reuters-21578, reflowed as
//! [`chronicle_bench::reflow`] says. Same figures as `chronicle bench`.
//!
//! `cargo run --release -p chronicle-bench --example whole_run -- [LIMIT] [THREADS]`

use std::time::Instant;

use chronicle_bench::{reuters_dir, reflow_input};
use chronicle_pipeline::Pipeline;

fn main() {
    let mut args = std::env::args().skip(1);
    let limit: Option<usize> = args.next().and_then(|a| a.parse().ok()).filter(|&n| n > 0);
    let threads: Option<usize> = args.next().and_then(|a| a.parse().ok());
    let Some(dir) = reuters_dir() else {
        println!("skipped: reuters21578 not found");
        return;
    };
    let inputs: Vec<_> = match chronicle_pipeline::reuters::read_dir(&dir, limit) {
        Ok(i) => i.into_iter().map(reflow_input).collect(),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let mut pipeline = match Pipeline::load() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    if let Some(n) = threads {
        if let Err(e) = pipeline.set_threads(n) {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
    let n_inputs = inputs.len();
    let started = Instant::now();
    let (mut docs, mut sentences, mut rejected) = (0usize, 0usize, 0usize);
    let mut iter = inputs.into_iter().peekable();
    while iter.peek().is_some() {
        let chunk: Vec<_> = iter.by_ref().take(pipeline.batch_size).collect();
        for r in pipeline.process(chunk) {
            match r {
                Ok(found) => {
                    docs += found.len();
                    sentences += found.iter().map(|d| d.sentences.len()).sum::<usize>();
                }
                Err(_) => rejected += 1,
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let threads = pipeline.threads();
    println!("inputs {n_inputs}  documents {docs}  rejected {rejected}  sentences {sentences}  threads {threads}");
    println!(
        "clean+annotate+events: {secs:.2} s  {:.0} docs/s  {:.0} sentences/s  ({:.0} docs/s per thread)",
        docs as f64 / secs,
        sentences as f64 / secs,
        docs as f64 / secs / threads as f64
    );
}
