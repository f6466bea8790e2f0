//! Events coded on the dragnet pages whose evidence sentence lies outside the gold article
//! body (gold files hold the body, then optionally `!@#$%^&*()  COMMENTS` and the comments):
//! `cargo run --release -p chronicle-pipeline --example dragnet_events -- [DRAGNET_DIR]`.
//! A sentence is inside when its normalised words occur, in order, in the normalised gold body.
use std::path::Path;

use chronicle_core::{InputFormat, Metadata, RawInput};

fn norm(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/dragnet".into());
    let dir = Path::new(&dir);
    let mut names: Vec<_> = std::fs::read_dir(dir.join("input")).expect("input/").flatten().map(|e| e.path()).collect();
    names.sort();
    let pipeline = chronicle_pipeline::Pipeline::load().expect("pipeline");
    let (mut events, mut outside, mut in_comments, mut pages) = (0usize, 0usize, 0usize, 0usize);
    let mut examples = Vec::new();
    let mut inputs = Vec::new();
    let mut golds = Vec::new();
    for p in names {
        let stem = p.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        let Ok(gold) = std::fs::read(dir.join("GoldStandard").join(format!("{stem}.txt"))) else { continue };
        let (gold, _) = chronicle_clean::eval::decode_html(&gold);
        let (body, comments) = chronicle_clean::eval::split_dragnet_gold(&gold);
        golds.push((norm(body), norm(comments)));
        let html = std::fs::read(&p).expect("html");
        let (text, encoding) = chronicle_clean::eval::decode_html(&html);
        inputs.push(RawInput { source: stem, format: InputFormat::Html, raw: html, text, is_html: true, encoding, hints: Metadata::default() });
    }
    for (result, (body, comments)) in pipeline.process(inputs).into_iter().zip(&golds) {
        let Ok(docs) = result else { continue };
        pages += 1;
        for doc in &docs {
            for e in &doc.events {
                events += 1;
                let s = norm(e.sentence.text(doc.body()));
                if s.is_empty() || body.contains(&s) {
                    continue;
                }
                outside += 1;
                in_comments += usize::from(!comments.is_empty() && comments.contains(&s));
                if examples.len() < 15 {
                    examples.push(format!("{} {}: {}", doc.source, e.event_type.as_str(), e.sentence.text(doc.body()).chars().take(160).collect::<String>()));
                }
            }
        }
    }
    println!("pages cleaned: {pages}  events: {events}  outside the gold body: {outside} ({:.1} %), of them in the gold comments: {in_comments}",
        100.0 * outside as f64 / events.max(1) as f64);
    for e in examples {
        println!("- {e}");
    }
}
