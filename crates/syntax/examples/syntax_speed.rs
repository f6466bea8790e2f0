//! Times the tagger and parser (with lemmas) on the UD EWT dev and test
//! sentences and prints a checksum of every analysis, so that a change meant
//! to be faster can be checked to give the same output to the bit:
//!
//! `cargo run --release -p chronicle-syntax --example syntax_speed -- [UD_DIR] [ROUNDS]`
//!
//! The time is this thread's CPU time (Linux scheduler statistics), the best
//! of the rounds. With `SAME=1` every sentence is the same one, so the
//! weights stay in the cache: the difference to a plain run is the time spent
//! waiting on memory. This binary uses the system allocator, the `chronicle`
//! binary mimalloc (which backs the weight tables with huge pages), so compare
//! builds of this example with each other only.
use std::hash::Hasher;

/// This thread's CPU seconds (0 where the scheduler's statistics are not readable).
fn cpu_s() -> f64 {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    s.split(' ').next().and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0) / 1e9
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/ud-english-ewt".to_string());
    let rounds: usize = std::env::args().nth(2).and_then(|r| r.parse().ok()).unwrap_or(3);
    let syntax = chronicle_syntax::Syntax::builtin()?;
    let mut sentences = Vec::new();
    for f in ["en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu"] {
        sentences.extend(chronicle_syntax::conllu::read(&std::path::Path::new(&dir).join(f))?);
    }
    let mut words: Vec<Vec<&str>> = sentences.iter().map(|s| s.words.iter().map(|w| w.form.as_str()).collect()).collect();
    if let (Ok(_), Some(one)) = (std::env::var("SAME"), words.get(7).cloned()) {
        words.iter_mut().for_each(|w| *w = one.clone());
    }
    let n: usize = words.iter().map(Vec::len).sum();
    let (mut best, mut checksum) = (f64::MAX, 0u64);
    for _ in 0..rounds {
        let start = cpu_s();
        let all: Vec<_> = words.iter().map(|w| syntax.analyse(w)).collect();
        best = best.min(cpu_s() - start);
        let mut h = rustc_hash::FxHasher::default();
        for a in all.iter().flatten() {
            h.write(format!("{a:?}").as_bytes());
        }
        checksum = h.finish();
    }
    println!("{} sentences, {n} words: best {best:.3} CPU-s ({:.2} µs a word), checksum {checksum:016x}", words.len(), best * 1e6 / n as f64);
    Ok(())
}
