//! The record does not depend on how the ingest is scheduled: one thread or
//! two (analysis of the next batch overlapping the linking and commit of the
//! previous one) store the same documents, stories, duplicate groups, link
//! state and furniture; and the furniture lines a run keeps in memory between
//! batches are those the store would give (one run in batches of one input
//! equals one run per input).

use std::path::{Path, PathBuf};

use chronicle_core::Document;
use chronicle_pipeline::Pipeline;
use chronicle_store::{StateEntry, Store};

const TEMPLATE: &str = "The harbour office publishes a fresh tide table for every port along this coast each morning.";

/// The fixture, as files in reading order: the demo articles, trimmed copies of
/// two of them (near-duplicates), two small stories of three reports each, and
/// eight pages of one site sharing a template line (furniture from the sixth).
fn corpus(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut write = |folder: &str, name: &str, body: &str| {
        let dir = root.join(folder);
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(name);
        std::fs::write(&p, body).unwrap();
        files.push(p);
    };
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/istanbul-talks");
    let mut demos: Vec<PathBuf> = std::fs::read_dir(&demo).unwrap().map(|e| e.unwrap().path()).collect();
    demos.sort();
    for (i, f) in demos.iter().enumerate() {
        let body = std::fs::read_to_string(f).unwrap();
        write(&format!("demo{i}"), "a.txt", &body);
        if i < 2 {
            let cut: String = body.chars().take(body.chars().count() * 3 / 4).collect();
            write(&format!("copy{i}"), "a.txt", &format!("{cut}\n\nThis report was shortened by the desk."));
        }
    }
    for (k, (a, b, city)) in [("France", "Germany", "Paris"), ("Japan", "Brazil", "Tokyo")].iter().enumerate() {
        for j in 0..3 {
            let body = format!(
                "{a} and {b} hold talks in {city}\n\n{city}, May {}, 2025 - The foreign ministers of {a} and {b} met in \
                 {city} for talks on trade and security, officials said. {a} accused {b} of breaking the ceasefire \
                 agreed last year. The minister of {b} rejected the accusation.\n\nCorrespondent {j} filed this report.",
                10 + k
            );
            write(&format!("talks{k}_{j}"), "a.txt", &body);
        }
    }
    for (i, town) in ["Arden", "Brill", "Corran", "Dunmore", "Elgin", "Fenwick", "Garth", "Hollin"].iter().enumerate() {
        let body = format!(
            "{town} council opens new ferry pier\n\
             The council of {town} opened its new ferry pier on Tuesday after two years of building work, the mayor said at a ceremony attended by several hundred residents.\n\
             {TEMPLATE}\n\
             Ferries to the islands will leave {town} four times a day from next week, and the old wooden jetty will be taken down before the winter storms, officials said.\n"
        );
        write("site-a", &format!("p{i}.txt"), &body);
    }
    files
}

/// Everything stored: every document whole (story and duplicate group included),
/// the link state and the furniture counts.
#[derive(Debug, PartialEq)]
struct Record {
    docs: Vec<Document>,
    state: Vec<StateEntry>,
    furniture: Vec<(String, u64)>,
}

fn record(store: &Store) -> Record {
    let mut ids = store.document_ids().unwrap();
    ids.sort();
    let docs = ids.iter().map(|id| store.document(id.as_str()).unwrap().unwrap()).collect();
    let mut furniture = store.furniture(1).unwrap();
    furniture.sort();
    Record { docs, state: store.state_entries("").unwrap(), furniture }
}

fn ingest_on(threads: usize, pipeline: &mut Pipeline, files: &[PathBuf]) -> Record {
    pipeline.set_threads(threads).unwrap();
    assert_eq!(pipeline.threads(), threads);
    let mut store = Store::open_in_memory().unwrap();
    let summary = pipeline.ingest(&mut store, files, |_| {}).unwrap();
    assert!(summary.rejected.is_empty(), "{:?}", summary.rejected);
    record(&store)
}

#[test]
fn one_and_two_threads_store_the_same_record() {
    let dir = tempfile::tempdir().unwrap();
    let files = corpus(dir.path());
    let mut pipeline = Pipeline::load().unwrap();
    pipeline.batch_size = 3;
    let one = ingest_on(1, &mut pipeline, &files);
    assert!(one.docs.len() >= files.len(), "every input is stored (with the articles salvaged from them)");
    assert!(one.docs.iter().any(|d| d.meta.duplicate_of.is_some()), "the fixture has duplicate groups");
    let stories: std::collections::BTreeSet<_> = one.docs.iter().filter_map(|d| d.meta.story.clone()).collect();
    assert!(stories.len() > 1 && stories.len() < files.len(), "the fixture has stories of several reports: {}", stories.len());
    assert!(one.docs.iter().any(|d| !d.body().contains(TEMPLATE) && d.source.contains("site-a")), "furniture was learnt");
    for _ in 0..2 {
        assert_eq!(ingest_on(2, &mut pipeline, &files), one, "two threads store what one does");
    }
}

#[test]
fn furniture_kept_between_batches_is_the_stores() {
    let dir = tempfile::tempdir().unwrap();
    let files = corpus(dir.path());
    let mut pipeline = Pipeline::load().unwrap();
    pipeline.batch_size = 1;
    let one_run = ingest_on(2, &mut pipeline, &files);
    // one run per input: each reads the furniture from the store
    let mut store = Store::open_in_memory().unwrap();
    for f in &files {
        pipeline.ingest(&mut store, std::slice::from_ref(f), |_| {}).unwrap();
    }
    let per_input = record(&store);
    assert!(per_input.docs.iter().filter(|d| d.source.contains("site-a")).any(|d| !d.body().contains(TEMPLATE)));
    assert_eq!(one_run, per_input);
}

#[test]
fn story_summaries_read_from_a_few_entries_equal_the_whole_index() {
    let dir = tempfile::tempdir().unwrap();
    let files = corpus(dir.path());
    let mut pipeline = Pipeline::load().unwrap();
    pipeline.batch_size = 4;
    let mut store = Store::open_in_memory().unwrap();
    pipeline.ingest(&mut store, &files, |_| {}).unwrap();
    let whole = chronicle_pipeline::story_index(&store).unwrap().stories();
    assert!(whole.len() > 1 && whole.iter().all(|s| !s.title.is_empty()), "{whole:?}");
    assert_eq!(chronicle_pipeline::story_summaries(&store).unwrap(), whole);
}

/// An ingest that waits for the store's writer lock waits on its own thread,
/// not on one of the pipeline's pool threads: on a pool of one thread, the
/// pool still analyses while an ingest is queued behind another writer. (A
/// pool thread blocked on the lock could also be the one that stole the
/// waiting ingest into the stack of the ingest holding it: a deadlock.)
#[test]
fn an_ingest_waiting_for_the_writer_holds_no_pool_thread() {
    use std::sync::mpsc;
    use std::time::Duration;
    let dir = tempfile::tempdir().unwrap();
    let files = corpus(dir.path());
    let db = dir.path().join("queued.db");
    let mut pipeline = Pipeline::load().unwrap();
    pipeline.set_threads(1).unwrap();
    let holder = Store::open(&db).unwrap();
    let held = holder.lock_writer(|| panic!("nobody else writes yet")).unwrap();
    let (waiting_tx, waiting) = mpsc::channel();
    let (analysed_tx, analysed) = mpsc::channel();
    let got = std::thread::scope(|s| {
        let (pipeline, files, db) = (&pipeline, &files, &db);
        s.spawn(move || {
            let mut store = Store::open(db).unwrap();
            pipeline
                .ingest(&mut store, &files[..1], |p| {
                    if p.store_busy {
                        waiting_tx.send(()).unwrap();
                    }
                })
                .unwrap();
        });
        waiting.recv_timeout(Duration::from_secs(60)).expect("the ingest reports that it waits for the writer");
        s.spawn(move || {
            let body = std::fs::read_to_string(&files[0]).unwrap();
            let input = chronicle_core::RawInput {
                source: files[0].display().to_string(),
                format: chronicle_core::InputFormat::Text,
                raw: body.as_bytes().to_vec(),
                text: body,
                is_html: false,
                encoding: "utf-8".into(),
                hints: chronicle_core::Metadata::default(),
            };
            let docs = pipeline.documents(vec![input]);
            analysed_tx.send(docs.len()).unwrap();
        });
        let got = analysed.recv_timeout(Duration::from_secs(60));
        drop(held);
        got
    });
    let n = got.expect("the pool analysed while the ingest waited");
    assert!(n > 0);
    assert_eq!(Store::open(&db).unwrap().count_documents().unwrap() as usize, n, "and the queued ingest then stored the same input");
}
