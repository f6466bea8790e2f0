//! Robustness: mutated text dumps (with comment threads, wire items, tables) and HTML pages
//! (with comment containers) through the cleaner, with and without known furniture, must
//! never panic (deterministic xorshift, a few hundred cases each); random UTF-8 and markup
//! (deep nesting, unclosed and stray tags, scripts, comments, entities, control and
//! multi-byte characters) must clean to well-formed documents, the same alone as in a
//! batch. `CHRONICLE_FUZZ_CASES=N` / `CHRONICLE_FUZZ_SEED=S` run more cases or another
//! stream (#17).

use chronicle_clean::{Cleaner, Furniture};
use chronicle_core::{InputFormat, Metadata, RawInput};

use chronicle_core::rng::XorShift64 as Rng;

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

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

const PIECES: &[&str] = &[
    "<div>", "</div>", "<p>", "</p>", "<span class=\"comment\">", "</span>", "<article>", "</article>", "<h1>", "</h1>",
    "<script>var a = '<div>';</script>", "<style>p{}</style>", "<!-- <div> -->", "<br>", "<img src=x>", "<a href=\"/\">",
    "</a>", "<table><tr><td>", "</td></tr></table>", "<meta property=\"article:published_time\" content=\"-5000-01-01\">",
    "<title>", "</title>", "&amp;", "&nbsp;", "&#0;", "<", ">", "\"", "'", "=", "\n", "\n\n", "\r\n", "\t", " ",
    "The harbour reopened on Saturday after three weeks of repairs, the port authority said.", "Reply", "12 comments",
    "3 hours ago", "By Jane Roe", "LONDON (Reuters) -", "Copyright 2024", "Subscribe now", "2024-03-02", "0000-01-01",
    "\u{0}", "\u{200b}", "\u{feff}", "é", "日本", "مرحبا", "🙂", "\u{10ffff}", "\u{301}",
];

fn random_page(rng: &mut Rng) -> (String, bool) {
    let html = rng.below(2) == 0;
    let mut out = String::new();
    if html && rng.below(2) == 0 {
        out.push_str("<html><head><title>Harbour</title></head><body>");
    }
    for _ in 0..rng.below(150) {
        match rng.below(30) {
            0 => {
                let n = 200 + rng.below(400);
                out.push_str(&"<div>".repeat(n));
                out.push_str("<p>A deep paragraph of text about the harbour works, officials said.</p>");
                out.push_str(&"</div>".repeat(rng.below(n + 1)));
            }
            1 => out.push(char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('x')),
            _ => out.push_str(PIECES[rng.below(PIECES.len())]),
        }
    }
    (out, html)
}

#[test]
fn random_pages_clean_to_well_formed_documents_whatever_the_batch() {
    let cleaner = Cleaner::builtin();
    let cases = env_u64("CHRONICLE_FUZZ_CASES", 300);
    let mut rng = Rng(env_u64("CHRONICLE_FUZZ_SEED", 0x2545_f491_4f6c_dd1d) | 1);
    let mut batch = Vec::new();
    let mut alone = Vec::new();
    for i in 0..cases {
        let (text, html) = random_page(&mut rng);
        // one site per page: the batch's repeated-line rule needs several pages of a site
        let page = input(text, html, &format!("site{i}/p.txt"));
        let result = cleaner.clean(page.clone());
        if let Ok(docs) = &result {
            for doc in docs {
                assert!(!doc.body().trim().is_empty(), "an empty body from {:?}", page.text);
                assert!(doc.blocks.iter().all(|b| b.span.end() <= doc.extracted.len()), "blocks inside the extracted text");
            }
        }
        alone.push(result.map(|docs| docs.into_iter().map(|d| (d.id.clone(), d.body().to_string())).collect::<Vec<_>>()));
        batch.push(page);
    }
    let together: Vec<_> = cleaner
        .clean_batch(batch)
        .into_iter()
        .map(|r| r.map(|docs| docs.into_iter().map(|d| (d.id.clone(), d.body().to_string())).collect::<Vec<_>>()))
        .collect();
    assert_eq!(together, alone, "a page cleans the same alone and in a batch");
}
