//! Tags the sentence given as arguments with the built-in tagger and prints
//! word/tag pairs (a debugging aid).
//!
//! `cargo run --release -p chronicle-language --example ner_tag -- Obama spoke to reporters .`
use chronicle_language::kb::Kb;
use chronicle_language::ner::tagger::{Scratch, TAGS};
use chronicle_language::ner::Recognizer;

fn main() {
    let words: Vec<String> = std::env::args().skip(1).collect();
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let (Ok(kb), Ok(rec)) = (Kb::builtin(), Recognizer::builtin()) else {
        eprintln!("language data failed to load");
        std::process::exit(1);
    };
    let tags = rec.tag_words(&kb, &refs, &mut Scratch::default());
    for (w, t) in refs.iter().zip(tags) {
        println!("{w}\t{}", TAGS[t as usize]);
    }
}
