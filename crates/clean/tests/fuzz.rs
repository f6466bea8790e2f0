//! Robustness: mutated text dumps (with comment threads, wire items, tables) and HTML pages
//! (with comment containers) through the cleaner, with and without known furniture, must
//! never panic (deterministic xorshift, a few hundred cases each).

use chronicle_clean::{Cleaner, Furniture};
use chronicle_core::{InputFormat, Metadata, RawInput};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

const TOKENS: [&str; 12] = ["\n", "Reply\n", "12 comments\n", "3 hours ago\n", "Report abuse\n", "Net 807,000 vs 2,858,000\n", "I think you are wrong.\n", "’", "<div id=\"disqus_thread\">", "</div>", "2025-05-17 ", "\u{1000}"];

/// Inserts tokens, deletes runs and cuts the text at char boundaries.
fn mutate(rng: &mut Rng, seed: &str) -> String {
    let mut out: Vec<char> = seed.chars().collect();
    for _ in 0..=rng.below(8) {
        let at = rng.below(out.len() + 1);
        match rng.below(4) {
            0 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                out.splice(at..at, t.chars());
            }
            1 if at < out.len() => {
                let end = (at + rng.below(40) + 1).min(out.len());
                out.drain(at..end);
            }
            2 => out.truncate(at),
            _ => {}
        }
    }
    out.into_iter().collect()
}

fn input(text: String, html: bool, source: &str) -> RawInput {
    RawInput {
        source: source.into(),
        format: if html { InputFormat::Html } else { InputFormat::Text },
        raw: text.as_bytes().to_vec(),
        text,
        is_html: html,
        encoding: "utf-8".into(),
        hints: Metadata::default(),
    }
}

const TEXT: &str = "Ferry pier opens\nThe council opened its new ferry pier on Tuesday after two years of building work, the mayor said.\nFerries will leave four times a day from next week, officials said.\nComments\njsmith42\n3 hours ago\nApologies for a chatty post, but I think my town did it better.\nReply\n4 likes\nShr 34 cts vs 1.19 dlrs\nNet 807,000 vs 2,858,000\n";
const HTML: &str = "<html><body><article><h1>Ferry pier opens</h1><p>The council opened its new ferry pier on Tuesday after two years of building work, the mayor said.</p></article><section itemtype=\"http://schema.org/UserComments\"><p>I think my town did it better.</p></section><div id=\"disqus_thread\"><p>Reply</p></div></body></html>";

#[test]
fn cleaner_survives_mutated_pages() {
    let cleaner = Cleaner::builtin();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let furniture = Furniture::from_keys((0..50).map(|k| ("site".to_string(), k)));
    for i in 0..400 {
        let html = i % 4 == 0;
        let text = mutate(&mut rng, if html { HTML } else { TEXT });
        let _ = cleaner.clean_batch_with(vec![input(text, html, "site/p.txt")], &furniture);
    }
}
