//! Debug view of event coreference and the brief on stored documents.
//!
//! `sqlite3 STORE "select doc from documents" > docs.jsonl` then
//! `cargo run -p chronicle-link --release --example coref_dump -- docs.jsonl [brief|timeline|merged]`:
//! prints every merged event with more than one report (each report's trigger
//! and sentence), the timeline, or the brief of the largest story.

use std::collections::BTreeMap;

use chronicle_core::Document;
use chronicle_link::story::StorySummary;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: coref_dump DOCS.jsonl [brief|timeline|merged]");
        std::process::exit(2);
    };
    let what = args.next().unwrap_or_else(|| "merged".into());
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let docs: Vec<Document> = text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    let events = chronicle_link::coref::merge(&docs);
    let mut stories: BTreeMap<String, Vec<chronicle_core::DocId>> = BTreeMap::new();
    for d in &docs {
        if let Some(s) = &d.meta.story {
            stories.entry(s.clone()).or_default().push(d.id.clone());
        }
    }
    let Some((sid, members)) = stories.into_iter().max_by_key(|s| s.1.len()) else { return };
    match what.as_str() {
        "brief" => {
            let title = docs.iter().find(|d| members.contains(&d.id) && d.meta.appended_to.is_none()).and_then(|d| d.meta.title.clone()).unwrap_or_default();
            let story = StorySummary { id: sid, title, documents: members, from: None, to: None };
            print!("{}", chronicle_link::brief::brief(&story, &docs, &events));
        }
        "timeline" => {
            let f = chronicle_link::timeline::TimelineFilter { story: Some(sid), actor: None };
            print!("{}", chronicle_link::timeline::render(&chronicle_link::timeline::timeline(&events, &f)));
        }
        _ => {
            for e in events.iter().filter(|e| e.reports.len() > 1) {
                println!("== {} {} {} n={} {:?}", e.event.event_type.as_str(), e.event.modality.as_str(), e.date.display(), e.num_sources, e.contradictions.iter().map(|c| c.field.as_str()).collect::<Vec<_>>());
                for r in &e.reports {
                    let Some(d) = docs.iter().find(|d| d.id == r.doc) else { continue };
                    let s: String = r.sentence.text(d.body()).chars().take(140).collect();
                    println!("    {} [{}] {}", &r.doc.to_string()[2..8], r.trigger.text(d.body()), s.replace('\n', " "));
                }
            }
            println!("{} merged events", events.len());
        }
    }
}
