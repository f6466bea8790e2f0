//! Cross-document linking and the store on Reuters-21578: near-duplicate
//! check and story assignment per document into indexes already holding
//! `PREFILL` documents, and one `write_batch` of fully processed documents
//! into a fresh on-disk store. Skips with a notice when the corpus is absent.

use std::time::Duration;

use chronicle_bench::{reuters_inputs, Stages, Upto};
use chronicle_link::dedup::DupIndex;
use chronicle_link::story::StoryIndex;
use chronicle_store::Store;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

/// Documents already in the indexes before the timed ones arrive.
const PREFILL: usize = 2000;
/// Documents linked or written per timed iteration.
const BATCH: usize = 256;

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
}

fn link_store(c: &mut Criterion) {
    let Some(inputs) = reuters_inputs(PREFILL + BATCH) else { return };
    let stages = match Stages::load() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("chronicle-bench: skipped, stages failed to load: {e}");
            return;
        }
    };
    let docs = stages.prepare(inputs, Upto::Events);
    if docs.len() <= BATCH {
        eprintln!("chronicle-bench: skipped, only {} documents", docs.len());
        return;
    }
    let (prefill, timed) = docs.split_at(docs.len() - BATCH);
    let mut dups = DupIndex::default();
    let mut stories = StoryIndex::default();
    for d in prefill {
        dups.check_and_insert(&d.id, d.body());
        stories.assign(d);
    }
    eprintln!("chronicle-bench: indexes prefilled with {} documents; {} timed", prefill.len(), timed.len());

    let mut g = c.benchmark_group("link");
    g.throughput(Throughput::Elements(timed.len() as u64));
    g.bench_function(format!("dedup_into_{}", prefill.len()), |b| {
        b.iter_batched(
            || dups.clone(),
            |mut idx| {
                for d in timed {
                    idx.check_and_insert(&d.id, d.body());
                }
                idx
            },
            BatchSize::LargeInput,
        )
    });
    g.bench_function(format!("story_into_{}", prefill.len()), |b| {
        b.iter_batched(
            || stories.clone(),
            |mut idx| {
                for d in timed {
                    idx.assign(d);
                }
                idx
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();

    let mut g = c.benchmark_group("store");
    g.throughput(Throughput::Elements(timed.len() as u64));
    g.bench_function("write_batch", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("temp dir");
                let store = Store::open(&dir.path().join("bench.db")).expect("store");
                (dir, store, timed.to_vec())
            },
            |(dir, mut store, batch)| {
                store.write_batch(batch).expect("write");
                (dir, store)
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group! { name = benches; config = config(); targets = link_store }
criterion_main!(benches);
