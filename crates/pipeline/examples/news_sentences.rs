//! Writes the sentences of Reuters-21578 stories, tokenized by chronicle's own
//! tokenizer, one per line as `word###O` tokens (the CoNLL-2003 line format the
//! syntax silver-tree script reads):
//! `cargo run --release -p chronicle-pipeline --example news_sentences -- REUTERS_DIR [MAX_STORIES] > out.txt`.
use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("REUTERS_DIR");
    let limit = args.next().map(|n| n.parse::<usize>().expect("a number"));
    let inputs = chronicle_pipeline::reuters::read_dir(dir.as_ref(), limit).unwrap_or_else(|e| panic!("{e}"));
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for input in inputs {
        // the body only: the title is an upper-case headline
        let body = input.text.split_once("\n\n").map_or(input.text.as_str(), |(_, b)| b);
        let seg = chronicle_language::sentence::segment(body);
        for s in &seg.sentences {
            let words: Vec<String> = seg.tokens[s.clone()].iter().map(|r| format!("{}###O", &body[r.clone()])).collect();
            writeln!(out, "{}", words.join(" ")).expect("stdout");
        }
    }
}
