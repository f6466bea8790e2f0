//! Growth of each stage's time with input size, on generated pathological inputs: the
//! check that every stage is linear (time at n, 2n, 4n should double, not quadruple).
//!
//! `cargo run --release -p chronicle-bench --example scaling -- CASE N [STEPS]`
//! where CASE is one of `divs` (N nested `<div>`s around a paragraph), `sentences`
//! (N ordinary sentences on one line), `words` (one sentence of N words, no full stop),
//! `held` ("held on Monday" N times in one sentence), `held-sentences` (N sentences
//! "The talks were held on Monday."), `quotes` (N quoted sentences with a speaker),
//! `tags` (N sibling `<p>`s). Each of STEPS sizes (default 3) doubles N.

use std::time::Instant;

use chronicle_bench::{Stages, Upto};
use chronicle_core::{InputFormat, Metadata, RawInput};

/// One named step over one document.
type Step<'a> = (&'a str, &'a dyn Fn(&mut chronicle_core::Document));

fn generate(case: &str, n: usize) -> Option<(String, bool)> {
    let html = |body: String| format!("<html><head><title>Harbour</title></head><body>{body}</body></html>");
    let para = "<p>The harbour reopened on Saturday after three weeks of repairs to the northern quay, the port authority said.</p>";
    Some(match case {
        "divs" => (html(format!("{}{para}{}", "<div>".repeat(n), "</div>".repeat(n))), true),
        "tags" => (html(format!("<article>{}</article>", para.repeat(n))), true),
        "sentences" => {
            ("Harbour reopens\n".to_string() + &"The harbour reopened on Saturday after repairs to the quay, the port authority said in Lisbon. ".repeat(n), false)
        }
        "words" => ("Harbour reopens\n".to_string() + &"the harbour reopened after repairs to the quay and ".repeat(n), false),
        "held" => ("Talks held\nThe talks were ".to_string() + &"held on Monday ".repeat(n) + ".", false),
        "held-sentences" => ("Talks held\n".to_string() + &"The talks between Iran and Iraq were held on Monday in Geneva. ".repeat(n), false),
        "quotes" => ("Talks held\n".to_string() + &"\"We will attack the rebels on Monday,\" said Prime Minister John Smith. ".repeat(n), false),
        _ => return None,
    })
}

fn input(text: String, is_html: bool) -> RawInput {
    RawInput {
        source: "generated".into(),
        format: if is_html { InputFormat::Html } else { InputFormat::Text },
        raw: text.as_bytes().to_vec(),
        text,
        is_html,
        encoding: "utf-8".into(),
        hints: Metadata::default(),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let case = args.first().map(String::as_str).unwrap_or("sentences");
    let n0: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
    let steps: u32 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(3);
    let stages = match Stages::load() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("stages failed to load: {e}");
            std::process::exit(1);
        }
    };
    let order = [Upto::Sentences, Upto::Syntax, Upto::Entities];
    let names = ["sentences", "syntax", "entities"];
    let language = &stages.language;
    let titles = language.ner.titles();
    let office_of = |t: &str| titles.office_of(t).map(str::to_string);
    let rest: [Step; 8] = [
        ("dating", &|d| {
            chronicle_language::dating::refine_published(d, &language.kb, &office_of);
        }),
        ("time", &|d| chronicle_language::time::annotate(d)),
        ("quantity", &|d| chronicle_language::quantity::annotate(d)),
        ("quote", &|d| chronicle_language::quote::annotate(d)),
        ("pronoun", &|d| chronicle_language::pronoun::annotate(d)),
        ("bound", &|d| {
            chronicle_language::dating::bound_by_reported_dates(d);
        }),
        ("sort", &|d| d.sort_layers()),
        ("events", &|d| stages.coder.code(d)),
    ];
    for step in 0..steps {
        let n = n0 << step;
        let Some((text, is_html)) = generate(case, n) else {
            eprintln!("unknown case {case}");
            std::process::exit(2);
        };
        let bytes = text.len();
        let t = Instant::now();
        let cleaned = stages.cleaner.clean_batch(vec![input(text, is_html)]);
        let mut line = format!("{case} n={n:<8} bytes={bytes:<10} clean={:>8.3}", t.elapsed().as_secs_f64());
        let mut docs: Vec<_> = match cleaned.into_iter().next() {
            Some(Ok(docs)) => docs,
            Some(Err(e)) => {
                println!("{line}  rejected: {e}");
                continue;
            }
            None => continue,
        };
        let mut from = Upto::Clean;
        for (to, name) in order.iter().zip(names) {
            let t = Instant::now();
            for d in &mut docs {
                stages.advance(d, from, *to);
            }
            line.push_str(&format!(" {name}={:>7.3}", t.elapsed().as_secs_f64()));
            from = *to;
        }
        for (name, step) in &rest {
            let t = Instant::now();
            docs.iter_mut().for_each(|d| step(d));
            line.push_str(&format!(" {name}={:>7.3}", t.elapsed().as_secs_f64()));
        }
        let sents: usize = docs.iter().map(|d| d.sentences.len()).sum();
        let events: usize = docs.iter().map(|d| d.events.len()).sum();
        println!("{line}  sentences={sents} events={events}");
    }
}
