//! Randomized robustness of the language layer (#17): arbitrary UTF-8 — words, markup,
//! quotation marks, dates, numbers, names, control and multi-byte characters, long
//! unpunctuated runs — through sentence splitting, tokenizing and the whole
//! `Language::annotate`, which must never panic and must leave well-formed layers.
//! Deterministic (xorshift). `CHRONICLE_FUZZ_CASES=N` runs more cases and
//! `CHRONICLE_FUZZ_SEED=S` another stream (how it is run for minutes; see
//! crates/language/README or ARCHITECTURE.md).

use std::sync::LazyLock;

use chronicle_core::{DocId, Document, InputFormat, Metadata};
use chronicle_language::{sentence, Language};

static LANGUAGE: LazyLock<Language> = LazyLock::new(|| Language::load().expect("language data"));

use chronicle_core::rng::XorShift64 as Rng;

fn env_usize(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

const PIECES: &[&str] = &[
    "The", "talks", "were", "held", "on", "Monday", "in", "Geneva", "said", "Prime Minister", "John Smith", "Iran", "Iraq",
    "Russia", "Ukraine", "U.S.", "Mr.", "Dr", "Jan.", "2024", "0", "-5000", "12,000", "$5 billion", "3.5%", "May 16",
    "last week", "next Friday", "1800 GMT", "he", "she", "'s", "n't", "\"", "“", "”", "'", "‘", "’", "(", ")", "—", "-",
    ",", ";", ":", ".", "...", "…", "!", "?", "\n", "\n\n", "\r\n", "\t", " ", "  ", "<p>", "</div>", "&amp;", "\u{0}",
    "\u{200b}", "\u{feff}", "\u{301}", "é", "ß", "İ", "ﬁ", "日本", "مرحبا", "עברית", "🙂", "👩‍👩‍👧", "\u{10ffff}", "ǅ",
    "attack", "agreed", "ceasefire", "according to", "told reporters", "adding that", "A", "I", "we",
];

/// A random text: pieces joined by spaces or glued, now and then a long run.
fn random_text(rng: &mut Rng) -> String {
    let mut out = String::new();
    let n = rng.below(120);
    for _ in 0..n {
        match rng.below(40) {
            0 => {
                // a long unpunctuated run, longer than the sentence budget
                let w = PIECES[rng.below(PIECES.len())];
                for _ in 0..(300 + rng.below(200)) {
                    out.push_str(w);
                    out.push(' ');
                }
            }
            1 => out.push(char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('x')),
            _ => {
                out.push_str(PIECES[rng.below(PIECES.len())]);
                if rng.below(3) > 0 {
                    out.push(' ');
                }
            }
        }
    }
    out
}

fn document(text: &str) -> Document {
    Document::new(DocId::from_text(text), "fuzz".into(), InputFormat::Text, text.as_bytes().to_vec(), text.into(), text.into(), Metadata::default())
}

#[test]
fn segmentation_of_random_text_is_well_formed() {
    let cases = env_usize("CHRONICLE_FUZZ_CASES", 400);
    let mut rng = Rng(env_usize("CHRONICLE_FUZZ_SEED", 0x2545_f491_4f6c_dd1d) | 1);
    let max = sentence::max_sentence_tokens();
    for _ in 0..cases {
        let text = random_text(&mut rng);
        let seg = sentence::segment(&text);
        let mut last_end = 0;
        for t in &seg.tokens {
            assert!(t.start < t.end && t.start >= last_end && text.get(t.clone()).is_some(), "token {t:?} in {text:?}");
            last_end = t.end;
        }
        let mut next = 0;
        for s in &seg.sentences {
            assert_eq!(s.start, next, "sentences tile the tokens in {text:?}");
            assert!(!s.is_empty() && s.len() <= max, "sentence {s:?} in {text:?}");
            next = s.end;
        }
        assert_eq!(next, seg.tokens.len(), "every token in a sentence: {text:?}");
    }
}

#[test]
fn annotating_random_text_never_panics_and_keeps_layers_in_the_body() {
    let cases = env_usize("CHRONICLE_FUZZ_CASES", 60);
    let mut rng = Rng(env_usize("CHRONICLE_FUZZ_SEED", 0x9e37_79b9_7f4a_7c15) | 1);
    for _ in 0..cases {
        let text = random_text(&mut rng);
        let mut doc = document(&text);
        LANGUAGE.annotate(&mut doc);
        let len = doc.body().len();
        let inside = |s: chronicle_core::Span| s.start() <= s.end() && s.end() <= len;
        assert!(doc.sentences.iter().all(|s| inside(s.span)), "{text:?}");
        assert!(doc.tokens.iter().all(|t| inside(t.span)), "{text:?}");
        assert!(doc.mentions.iter().all(|m| inside(m.span)), "{text:?}");
        assert!(doc.times.iter().all(|t| inside(t.span)), "{text:?}");
        assert!(doc.quotes.iter().all(|q| inside(q.span)), "{text:?}");
        assert!(doc.tokens.windows(2).all(|w| w[0].span.start() <= w[1].span.start()), "tokens sorted: {text:?}");
        for range in doc.sentence_token_ranges() {
            for k in range.clone() {
                if let Some(head) = doc.tokens.get(k).and_then(|t| t.syntax.as_ref()).and_then(|s| s.head) {
                    assert!(range.contains(&(head as usize)), "a head stays in its sentence: {text:?}");
                }
            }
        }
    }
}
