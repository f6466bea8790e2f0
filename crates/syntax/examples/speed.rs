//! Speed of the syntax step on one core: tags, lemmatises and parses every
//! sentence of a CoNLL-U file (gold tokenisation) a few times and prints
//! sentences and words per second.
//!
//! `cargo run --release -p chronicle-syntax --example speed -- FILE.conllu [WEIGHTS_DIR] [ROUNDS]`
//! (weights: the built-in ones unless a folder is named; `-` keeps the built-in).

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(file) = args.get(1) else {
        eprintln!("usage: speed FILE.conllu [WEIGHTS_DIR|-] [ROUNDS]");
        std::process::exit(2);
    };
    let syntax = match args.get(2).filter(|d| *d != "-") {
        Some(dir) => chronicle_syntax::Syntax::from_dir(dir.as_ref()),
        None => chronicle_syntax::Syntax::builtin(),
    };
    let syntax = syntax.unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1);
    });
    let rounds: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(3);
    let sentences = chronicle_syntax::conllu::read(file.as_ref()).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1);
    });
    let words: Vec<Vec<&str>> = sentences.iter().map(|s| s.words.iter().map(|w| w.form.as_str()).collect()).collect();
    let n_words: usize = words.iter().map(Vec::len).sum();
    let started = Instant::now();
    let mut heads = 0usize;
    for _ in 0..rounds {
        for w in &words {
            heads += syntax.analyse(w).iter().filter(|a| a.head.is_some()).count();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let n = (sentences.len() * rounds) as f64;
    println!(
        "{} sentences ({:.1} words each) × {rounds}: {:.0} sentences/s, {:.0} words/s on one thread ({heads} arcs)",
        sentences.len(),
        n_words as f64 / sentences.len().max(1) as f64,
        n / secs,
        (n_words * rounds) as f64 / secs
    );
}
