//! Per-stage throughput on Reuters-21578: clean (docs/s), then the language
//! layer's steps (sentences, syntax, entities, the rest, the whole layer) and
//! the event coder (sentences/s), each on documents already taken up to that
//! stage. Skips with a notice when the corpus is absent. The syntax step does
//! nothing (and times nothing) when `data/syntax/` holds no weights.

use std::time::Duration;

use chronicle_bench::{reuters_inputs, rest_of_language, sentence_count, Stages, Upto};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

/// Stories per timed iteration.
const DOCS: usize = 300;

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
}

fn stages(c: &mut Criterion) {
    let Some(inputs) = reuters_inputs(DOCS) else { return };
    let stages = match Stages::load() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("chronicle-bench: skipped, stages failed to load: {e}");
            return;
        }
    };

    let cleaned = stages.prepare(inputs.clone(), Upto::Clean);
    let with_sentences = stages.prepare(inputs.clone(), Upto::Sentences);
    let with_syntax = stages.prepare(inputs.clone(), Upto::Syntax);
    let with_entities = stages.prepare(inputs.clone(), Upto::Entities);
    let annotated = stages.prepare(inputs.clone(), Upto::Language);
    let n_docs = cleaned.len() as u64;
    let n_sent = sentence_count(&with_sentences) as u64;
    eprintln!("chronicle-bench: {} inputs, {n_docs} documents, {n_sent} sentences", inputs.len());
    if !stages.language.syntax.is_ready() {
        eprintln!("chronicle-bench: no syntax weights in data/syntax/; language/syntax times an empty step");
    }

    let mut g = c.benchmark_group("clean");
    g.throughput(Throughput::Elements(inputs.len() as u64));
    g.bench_function("reuters_docs", |b| {
        b.iter_batched(|| inputs.clone(), |i| stages.cleaner.clean_batch(i), BatchSize::LargeInput)
    });
    g.finish();

    let mut g = c.benchmark_group("language");
    g.throughput(Throughput::Elements(n_sent));
    g.bench_function("sentences", |b| {
        b.iter_batched(
            || cleaned.clone(),
            |mut docs| {
                for d in &mut docs {
                    chronicle_language::sentence::annotate(d);
                }
                docs
            },
            BatchSize::LargeInput,
        )
    });
    g.bench_function("syntax", |b| {
        b.iter_batched(
            || with_sentences.clone(),
            |mut docs| {
                for d in &mut docs {
                    stages.language.syntax.annotate(d);
                }
                docs
            },
            BatchSize::LargeInput,
        )
    });
    g.bench_function("entities", |b| {
        b.iter_batched(
            || with_syntax.clone(),
            |mut docs| {
                for d in &mut docs {
                    stages.language.ner.annotate(&stages.language.kb, d);
                }
                docs
            },
            BatchSize::LargeInput,
        )
    });
    g.bench_function("times_quantities_quotes", |b| {
        b.iter_batched(
            || with_entities.clone(),
            |mut docs| {
                for d in &mut docs {
                    rest_of_language(&stages.language, d);
                }
                docs
            },
            BatchSize::LargeInput,
        )
    });
    g.bench_function("whole_layer", |b| {
        b.iter_batched(
            || cleaned.clone(),
            |mut docs| {
                for d in &mut docs {
                    stages.language.annotate(d);
                }
                docs
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();

    let mut g = c.benchmark_group("events");
    g.throughput(Throughput::Elements(n_sent));
    g.bench_function("code", |b| {
        b.iter_batched(
            || annotated.clone(),
            |mut docs| {
                for d in &mut docs {
                    stages.coder.code(d);
                }
                docs
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group! { name = benches; config = config(); targets = stages }
criterion_main!(benches);
