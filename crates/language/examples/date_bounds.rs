//! Checks the document-date bounds the language layer infers from reported
//! dates against articles whose publication date is known (Timeline17
//! `articles.jsonl` files, research data outside the repository).
//!
//! Each article gets a bounded, inferred date around its true one (a
//! deterministic spread of 20 to 200 days either side), is annotated, and the
//! narrowed bounds are checked to still hold the true date.
//!
//! `cargo run --release -p chronicle-language --example date_bounds [DIR]`
//! (DIR defaults to `../shared/data/timeline17`; absent data is skipped).
use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate};
use chronicle_core::{DateBasis, DocId, Document, InputFormat, Metadata, PublishedDate, UncertainDate};
use chronicle_language::Language;

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() && !p.ends_with("InputDocs") {
            files(&p, out);
        } else if p.file_name().is_some_and(|n| n == "articles.jsonl") {
            out.push(p);
        }
    }
}

/// Undoes the PTB tokenisation of the set (" , " → ", ", "`` " → "\"").
fn detokenize(s: &str) -> String {
    let mut t = s.replace("-LRB- ", "(").replace(" -RRB-", ")").replace("`` ", "\"").replace(" ''", "\"");
    for p in [",", ".", ";", ":", "?", "!", "'s", "n't", "'re", "'ve", "'ll", "'d", "%"] {
        t = t.replace(&format!(" {p}"), p);
    }
    t
}

fn main() {
    let dir = std::env::args().nth(1).map_or_else(|| PathBuf::from("../shared/data/timeline17"), PathBuf::from);
    let mut list = Vec::new();
    files(&dir, &mut list);
    if list.is_empty() {
        eprintln!("no articles.jsonl under {} (skipped)", dir.display());
        return;
    }
    let lang = Language::load().expect("language data");
    let (mut n, mut narrowed_lo, mut narrowed_hi, mut wrong, mut days_cut) = (0usize, 0usize, 0usize, 0usize, 0i64);
    let verbose = std::env::var_os("VERBOSE").is_some();
    let (mut spent, mut sentences) = (std::time::Duration::ZERO, 0usize);
    for f in &list {
        let Ok(content) = std::fs::read_to_string(f) else { continue };
        for line in content.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            let (Some(time), Some(text)) = (v["time"].as_str(), v["text"].as_str()) else { continue };
            let Ok(truth) = NaiveDate::parse_from_str(time, "%Y-%m-%d") else { continue };
            let text = detokenize(text);
            let before = 20 + (n as i64 * 37) % 180;
            let after = 20 + (n as i64 * 53) % 180;
            let (lo, hi) = (truth - Duration::days(before), truth + Duration::days(after));
            let mut meta = Metadata::default();
            meta.published = PublishedDate { date: UncertainDate::between(Some(lo), Some(hi)), basis: DateBasis::Inferred };
            let mut given = Document::new(DocId::from_text(&text), f.display().to_string(), InputFormat::Text, vec![], text.clone(), text.clone(), meta);
            let mut doc = given.clone();
            let t0 = std::time::Instant::now();
            lang.annotate(&mut doc);
            spent += t0.elapsed();
            sentences += doc.sentences.len();
            given.times = doc.times.clone();
            n += 1;
            let d = &doc.meta.published.date;
            let (e, l) = (d.earliest.unwrap_or(lo), d.latest.unwrap_or(hi));
            if e > lo {
                narrowed_lo += 1;
            }
            if l < hi {
                narrowed_hi += 1;
            }
            days_cut += (e - lo).num_days() + (hi - l).num_days();
            let bad = !(e <= truth && truth <= l);
            if bad {
                wrong += 1;
            }
            if bad || (verbose && (e > lo || l < hi)) {
                println!("{} {} true {truth} given {lo}..{hi} now {e}..{l}", if bad { "WRONG" } else { "ok" }, v["id"]);
                // what set the bounds (times resolved against the given date)
                let mut probe = given.clone();
                lang.annotate(&mut probe);
                probe.meta.published = given.meta.published.clone();
                chronicle_language::time::annotate(&mut probe);
                for (span, r, first, last) in chronicle_language::dating::reported_dates(&probe) {
                    let hit = match r {
                        chronicle_language::dating::Reported::Past => first > truth,
                        chronicle_language::dating::Reported::Future => last < truth,
                    };
                    if hit || verbose {
                        let sent = probe.sentence_at(span.start()).map_or("", |s| s.span.text(probe.body()));
                        println!("    {r:?} {first} [{}] {sent}", span.text(probe.body()));
                    }
                }
            }
        }
    }
    println!(
        "language layer: {sentences} sentences in {:.2} s, {:.0} sentences/s (one thread)",
        spent.as_secs_f64(),
        sentences as f64 / spent.as_secs_f64().max(1e-9)
    );
    println!("articles: {n}; lower bound raised: {narrowed_lo}; upper bound lowered: {narrowed_hi}; true date excluded: {wrong}; days cut in all: {days_cut}");
}
