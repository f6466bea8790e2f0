//! Lists the PolNeAR attributions (dev split) whose source the quote
//! annotator misses, by reason, to guide cue and pattern work. Research data
//! outside the repository; absent data is skipped.
//!
//! `cargo run --release -p chronicle-language --example polnear_misses [DIR] [kind]`
//! (DIR defaults to `../shared/data/polnear`; kind = uncovered | nospeaker | wrong | fp).
use std::path::PathBuf;

use chronicle_language::eval::polnear::{articles, Article};

fn main() {
    let dir = std::env::args().nth(1).map_or_else(|| PathBuf::from("../shared/data/polnear"), PathBuf::from);
    let want = std::env::args().nth(2).unwrap_or_default();
    let Ok((_, articles)) = articles(&dir) else {
        eprintln!("no PolNeAR under {} (skipped)", dir.display());
        return;
    };
    let mut counts = std::collections::BTreeMap::new();
    for Article { text, gold, doc, .. } in &articles {
        let ov = |a: (usize, usize), b: (usize, usize)| a.1.min(b.1).saturating_sub(a.0.max(b.0));
        let piece = |r: &[(usize, usize)]| r.iter().map(|x| text.get(x.0..x.1).unwrap_or("")).collect::<Vec<_>>().join(" … ");
        for g in gold.iter().filter(|g| !g.source.is_empty()) {
            let qs: Vec<_> = doc.quotes.iter().filter(|q| g.content.iter().any(|c| ov(*c, (q.span.start(), q.span.end())) > 0)).collect();
            let gs = piece(&g.source);
            let kind = if qs.is_empty() {
                "uncovered"
            } else if qs.iter().all(|q| q.speaker_text.is_none()) {
                "nospeaker"
            } else if qs.iter().any(|q| q.speaker_text.as_deref().map(|s| s.trim_matches(|c: char| !c.is_alphanumeric())) == Some(gs.trim_matches(|c: char| !c.is_alphanumeric()))) {
                "ok"
            } else {
                "wrong"
            };
            *counts.entry(kind).or_insert(0) += 1;
            if kind == want {
                let got: Vec<String> = qs.iter().map(|q| format!("{:?}/{:?}", q.speaker_text, q.cue)).collect();
                let ctx_start = g.content.iter().chain(&g.source).map(|r| r.0).min().unwrap_or(0);
                let ctx_end = g.content.iter().chain(&g.source).chain(&g.cue).map(|r| r.1).max().unwrap_or(0);
                let ctx: String = text.get(ctx_start..ctx_end).unwrap_or("").chars().take(300).collect();
                println!("SRC {gs:?} CUE {:?} GOT {got:?}\n    {}", piece(&g.cue), ctx.replace('\n', " "));
            }
        }
        if want == "fp" {
            for q in &doc.quotes {
                let Some(sp) = q.speaker_text.as_deref() else { continue };
                let hit = gold.iter().any(|g| g.content.iter().any(|c| ov(*c, (q.span.start(), q.span.end())) > 0));
                if !hit {
                    println!("FP {sp:?} cue {:?}: {}", q.cue, q.span.text(&text).chars().take(160).collect::<String>());
                }
            }
        }
    }
    println!("{counts:?}");
    if let Ok(r) = chronicle_language::eval::polnear::run(&dir) {
        for d in &r.details {
            println!("{d}");
        }
        println!("{}: P={:.3} R={:.3} F1={:.3}", r.task, r.counts.precision(), r.counts.recall(), r.counts.f1());
    }
}
