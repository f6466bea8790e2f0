//! What merging events story by story costs the ingest on a real store:
//! replays the store's documents in storage order in batches of N and, per
//! batch, (a) merges again every story the batch touched from the inputs stored
//! so far, reading them from the store, and (b) adds the batch's reports to
//! each touched story's kept merger and reads its events out (what
//! `Pipeline::ingest` does).
//!
//! `cargo run --release -p chronicle-pipeline --example remerge_cost -- STORE.db [BATCH]`

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::Instant;

use chronicle_core::Document;
use chronicle_link::coref;
use chronicle_store::Store;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let db = args.next().ok_or("usage: remerge_cost STORE.db [BATCH]")?;
    let batch: usize = args.next().map(|b| b.parse()).transpose()?.unwrap_or(chronicle_pipeline::DEFAULT_BATCH);
    let store = Store::open(std::path::Path::new(&db))?;
    let position: HashMap<_, usize> = store.storage_order()?.into_iter().enumerate().map(|(i, id)| (id, i)).collect();
    let index = chronicle_pipeline::story_index(&store)?;
    let read_start = Instant::now();
    let mut by_story: BTreeMap<String, Vec<(usize, Document)>> = BTreeMap::new();
    let mut inputs = 0usize;
    for s in index.stories() {
        let docs = store.event_inputs(&s.id)?;
        inputs += docs.len();
        by_story.insert(s.id.clone(), docs.into_iter().map(|d| (position.get(&d.id).copied().unwrap_or(usize::MAX), d)).collect());
    }
    let read_all = read_start.elapsed();
    let largest = by_story.values().map(Vec::len).max().unwrap_or(0);
    let mut touched_by_batch: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    for (story, docs) in &by_story {
        for (at, _) in docs {
            touched_by_batch.entry(at / batch).or_default().insert(story.as_str());
        }
    }
    let (mut merged_docs, mut worst, mut reading) = (0usize, 0f64, 0f64);
    let start = Instant::now();
    for (b, stories) in &touched_by_batch {
        let t = Instant::now();
        for story in stories {
            // the ingest reads the story's stored inputs each time (here all of
            // them, an upper bound: at that batch fewer were stored)
            let r = Instant::now();
            std::hint::black_box(store.event_inputs(story)?);
            reading += r.elapsed().as_secs_f64();
            let upto: Vec<Document> = by_story[*story].iter().filter(|(at, _)| at / batch <= *b).map(|(_, d)| d.clone()).collect();
            merged_docs += upto.len();
            std::hint::black_box(coref::merge(&upto));
        }
        worst = worst.max(t.elapsed().as_secs_f64());
    }
    let total = start.elapsed().as_secs_f64() - reading;
    // what the ingest does: each story's merger kept between batches, the
    // batch's reports added, the events read out
    let start = Instant::now();
    let mut mergers: HashMap<&str, coref::Merger> = HashMap::new();
    let mut worst_kept = 0f64;
    for (b, stories) in &touched_by_batch {
        let t = Instant::now();
        for story in stories {
            let new: Vec<Document> = by_story[*story].iter().filter(|(at, _)| at / batch == *b).map(|(_, d)| d.clone()).collect();
            let merger = mergers.entry(story).or_default();
            merger.add(new);
            std::hint::black_box(merger.events());
        }
        worst_kept = worst_kept.max(t.elapsed().as_secs_f64());
    }
    let kept = start.elapsed().as_secs_f64();
    println!(
        "{} documents, {inputs} with events in {} stories (largest {largest}); batches of {batch}: {} batches touched stories",
        position.len(),
        by_story.len(),
        touched_by_batch.len()
    );
    println!("reading every story's inputs once: {:.2} s", read_all.as_secs_f64());
    println!("reading the touched stories' inputs per batch: {reading:.2} s in all (upper bound)");
    println!(
        "re-merging every touched story per batch: {:.2} s in all ({merged_docs} document merges, {:.1} per input), worst batch {:.3} s (with its reads)",
        total,
        merged_docs as f64 / inputs.max(1) as f64,
        worst
    );
    println!("keeping each story's merger between batches (the ingest): {kept:.2} s in all, worst batch {worst_kept:.3} s");
    Ok(())
}
