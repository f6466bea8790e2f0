//! The worker path links a batch that was analysed before the batches ahead of
//! it were committed (two workers analyse side by side). When those batches made
//! lines of its site template text, the record must still be the one a single
//! ingest of the same inputs builds (docs/QUEUE.md): the batch is cleaned again
//! with the lines known at its turn.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chronicle_ingest::{read_paths, IngestOptions, Item};
use chronicle_pipeline::{Pipeline, WorkerState};
use chronicle_store::Store;

const PROMO: &str = "Sign up for our morning briefing and get the day's top stories delivered to your inbox.";
const TOWNS: [&str; 12] = ["Arden", "Brill", "Corran", "Dunmore", "Elgin", "Fenwick", "Garth", "Hollin", "Ivel", "Jarrow", "Kells", "Lomond"];

/// A page of one site: a story of its own, the site's promo line, more story.
fn page(town: &str, i: usize) -> String {
    let (what, who) = [
        ("rebuild the harbour wall", "the mayor"),
        ("close two primary schools", "a teachers' union"),
        ("raise parking charges", "shop owners"),
        ("sell the old fire station", "the fire brigade"),
    ][i % 4];
    format!(
        "{town} council votes to {what}\n\
         The council of {town} voted on Tuesday to {what}, a decision {who} criticised as rushed after a debate of {n} hours.\n\
         {PROMO}\n\
         Councillors in {town} said the money saved would go to road repairs, and {who} said it would appeal to the regional court.\n",
        n = 2 + i
    )
}

fn write_corpus(dir: &Path) -> PathBuf {
    let site = dir.join("harbour-news");
    std::fs::create_dir_all(&site).unwrap();
    for (i, town) in TOWNS.iter().enumerate() {
        std::fs::write(site.join(format!("p{i:02}.txt")), page(town, i)).unwrap();
    }
    site
}

/// Every document (whole, as stored), the link state and the merged events.
fn record(store: &Store) -> Vec<String> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    for d in store.documents().unwrap() {
        let full = store.document(d.id.as_str()).unwrap().unwrap();
        out.insert(format!("doc {}", d.id), serde_json::to_string(&full).unwrap());
    }
    for e in store.state_entries("").unwrap() {
        out.insert(format!("state {} {}", e.space, e.key), e.value);
    }
    let mut lines: Vec<String> = out.into_iter().map(|(k, v)| format!("{k} {v}")).collect();
    lines.extend(store.merged_events().unwrap().iter().map(|m| serde_json::to_string(m).unwrap()));
    lines
}

#[test]
fn a_batch_analysed_before_its_turn_is_linked_as_the_single_ingest_links_it() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = write_corpus(tmp.path());
    let mut pipeline = Pipeline::load().unwrap();
    pipeline.batch_size = 3;
    let mut single = Store::open_in_memory().unwrap();
    pipeline.ingest(&mut single, std::slice::from_ref(&corpus), |_| {}).unwrap();

    let inputs: Vec<_> = read_paths(&[corpus], &IngestOptions::default())
        .filter_map(|i| if let Item::Input(r) = i { Some(r) } else { None })
        .collect();
    // two workers, each with its own connection; each analyses its next batch
    // before the other has committed the one ahead of it
    let db = tmp.path().join("workers.db");
    let mut stores = [Store::open(&db).unwrap(), Store::open(&db).unwrap()];
    let mut states = [WorkerState::default(), WorkerState::default()];
    let mut pending = None;
    for (k, batch) in inputs.chunks(3).enumerate() {
        let analysed = pipeline.analyse_inputs(&stores[k % 2], batch.to_vec()).unwrap();
        if let Some((j, earlier)) = pending.replace((k, analysed)) {
            pipeline.commit_analysed(&mut stores[j % 2], &mut states[j % 2], earlier, || {}).unwrap();
        }
    }
    let (j, last) = pending.unwrap();
    pipeline.commit_analysed(&mut stores[j % 2], &mut states[j % 2], last, || {}).unwrap();

    let (want, got) = (record(&single), record(&stores[0]));
    assert!(want.iter().any(|l| l.contains("template line: seen on many stored pages")), "the promo became template text");
    assert_eq!(want.len(), got.len());
    for (w, g) in want.iter().zip(&got) {
        assert_eq!(w, g);
    }
}
