//! The pipeline: read → clean → annotate → code events → link → store.
//!
//! This crate owns no analysis of its own. It builds each stage once, streams
//! inputs through them in bounded batches (so memory does not grow with the
//! corpus), runs the per-document stages in parallel with rayon, links each
//! batch, and writes its documents together with the link state they changed in
//! one store transaction: a document is stored exactly when it is linked, so a
//! run killed at any point resumes to the state an uninterrupted run reaches.
//! One ingest writes to a store at a time (the store's writer lock). The CLI and
//! the HTTP server both call [`Pipeline::ingest`], so every entry point accounts
//! for input the same way.
//!
//! Architecture invariant: stage crates never call each other; only this crate
//! knows the order of the stages.

mod error;
pub mod reuters;
pub mod sample;
mod timings;
mod worker;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::time::Instant;

use chronicle_clean::{Cleaner, Furniture};
use chronicle_core::{DocId, Document, RawInput};
use chronicle_events::EventCoder;
use chronicle_ingest::{IngestOptions, Item};
use chronicle_language::Language;
use chronicle_core::record::{MergedEvent, StorySummary};
use chronicle_link::coref;
use chronicle_link::dedup::{DupIndex, Fingerprint};
use chronicle_link::entity_index::EntityIndex;
use chronicle_link::story::{StoryIndex, StoryTerms};
use chronicle_link::state::StateRow;
use chronicle_store::{Batch, StateEntry, Store};
use rayon::prelude::*;

pub use error::PipelineError;
pub use timings::StageTimes;
pub use worker::{AnalysedBatch, WorkerState};
use timings::{Stage, Timings};

/// Inputs cleaned, annotated and written together; one store transaction each.
pub const DEFAULT_BATCH: usize = 256;

/// Store meta key under which stores before schema 3 kept the near-duplicate
/// index as one JSON value (moved into the link state on the next ingest).
pub const DUP_INDEX_KEY: &str = "link.dup_index";
/// Store meta key under which stores before schema 3 kept the story index.
pub const STORY_INDEX_KEY: &str = "link.story_index";

/// The stack of each analysis thread. A stack overflow is no panic — `catch_unwind`
/// cannot turn it into one document's rejection, it ends the process — so the threads
/// that analyse and link documents get far more stack than any walk needs (the default
/// is 2 MiB), and the recursive walks have depth budgets of their own (the cleaner's
/// `html_max_dom_depth`, the language layer's `max_sentence_tokens`). Untouched stack
/// costs address space, not memory.
pub const ANALYSIS_STACK_BYTES: usize = 64 << 20;

/// Every stage, loaded once.
pub struct Pipeline {
    cleaner: Cleaner,
    language: Language,
    coder: EventCoder,
    /// The threads every ingest and batch analysis runs on ([`ANALYSIS_STACK_BYTES`] each).
    pool: rayon::ThreadPool,
    /// Inputs per batch.
    pub batch_size: usize,
    /// Reader limits.
    pub ingest_options: IngestOptions,
}

/// One input that was not ingested, with the one-line reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// Path, `path#Lnn` or `path@offset`.
    pub source: String,
    /// Short key for counting (`empty`, `binary`, …).
    pub kind: String,
    /// The reason, one line.
    pub reason: String,
}

/// What an ingest run did with every input.
#[derive(Clone, Debug, Default)]
pub struct IngestSummary {
    /// Host articles newly stored.
    pub ingested: Vec<DocId>,
    /// Articles salvaged from the end of other pages, newly stored.
    pub appended: Vec<DocId>,
    /// Inputs already in the store (or twice in this run): source and id.
    pub duplicates: Vec<(String, DocId)>,
    /// Inputs that could not be ingested.
    pub rejected: Vec<Rejected>,
    /// Where the run's time went, per stage (`chronicle ingest --timings`).
    pub times: StageTimes,
}

impl IngestSummary {
    /// Rejections counted by kind, sorted by kind.
    pub fn rejected_by_kind(&self) -> BTreeMap<String, usize> {
        let mut by = BTreeMap::new();
        for r in &self.rejected {
            *by.entry(r.kind.clone()).or_insert(0) += 1;
        }
        by
    }

    /// The closing summary line.
    pub fn render(&self) -> String {
        let mut s = format!(
            "ingested {} document(s) (+{} appended article(s) salvaged), {} duplicate(s) skipped, {} rejected",
            self.ingested.len(),
            self.appended.len(),
            self.duplicates.len(),
            self.rejected.len()
        );
        let by = self.rejected_by_kind();
        if !by.is_empty() {
            let parts: Vec<String> = by.iter().map(|(k, n)| format!("{k}: {n}")).collect();
            s.push_str(&format!(" ({})", parts.join(", ")));
        }
        s
    }
}

/// Progress reported after each batch.
#[derive(Clone, Copy, Debug, Default)]
pub struct Progress {
    /// Inputs read so far (articles and rejections).
    pub inputs: usize,
    /// Bytes of raw input read so far.
    pub bytes: u64,
    /// True in the one report made before waiting for another writer of the store.
    pub store_busy: bool,
}

/// The analysis threads: `threads` of them (rayon's default when `None`), each with
/// [`ANALYSIS_STACK_BYTES`] of stack.
fn analysis_pool(threads: Option<usize>) -> Result<rayon::ThreadPool, PipelineError> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .stack_size(ANALYSIS_STACK_BYTES)
        .thread_name(|i| format!("analysis-{i}"))
        .build()
        .map_err(|e| PipelineError::Threads(e.to_string()))
}

/// Runs one document's analysis so that a panic in it becomes that
/// document's rejection (kind `panic`) instead of ending the batch.
fn isolated<T>(source: &str, work: impl FnOnce() -> T) -> Result<T, Rejected> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|cause| {
        let what = cause
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| cause.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".into());
        Rejected {
            source: source.to_string(),
            kind: "panic".into(),
            reason: format!("analysis failed (a bug, please report it): {}", what.lines().next().unwrap_or("")),
        }
    })
}

impl Pipeline {
    /// Loads every stage's built-in data.
    pub fn load() -> Result<Pipeline, PipelineError> {
        Ok(Pipeline {
            cleaner: Cleaner::builtin(),
            language: Language::load().map_err(|e| PipelineError::Stage(e.to_string()))?,
            coder: EventCoder::builtin().map_err(|e| PipelineError::Stage(e.to_string()))?,
            pool: analysis_pool(None)?,
            batch_size: DEFAULT_BATCH,
            ingest_options: IngestOptions::default(),
        })
    }

    /// Runs the analysis on `n` threads (by default: `RAYON_NUM_THREADS`, else every
    /// core). The record is the same whatever the number.
    pub fn set_threads(&mut self, n: usize) -> Result<(), PipelineError> {
        self.pool = analysis_pool(Some(n.max(1)))?;
        Ok(())
    }

    /// The number of analysis threads.
    pub fn threads(&self) -> usize {
        self.pool.current_num_threads()
    }

    /// The language layer (for evaluations and ad-hoc annotation).
    pub fn language(&self) -> &Language {
        &self.language
    }

    /// Cleans, annotates and codes a batch of inputs without storing them.
    /// Per input: the host document and any salvaged appended articles, or a rejection.
    pub fn process(&self, inputs: Vec<RawInput>) -> Vec<Result<Vec<Document>, Rejected>> {
        self.process_with(inputs, &Furniture::default())
    }

    /// [`Pipeline::process`] with the template lines the store knows per site.
    pub fn process_with(&self, inputs: Vec<RawInput>, furniture: &Furniture) -> Vec<Result<Vec<Document>, Rejected>> {
        self.pool.install(|| self.process_on_pool(inputs, furniture))
    }

    fn process_on_pool(&self, inputs: Vec<RawInput>, furniture: &Furniture) -> Vec<Result<Vec<Document>, Rejected>> {
        let timings = Timings::default();
        let sources: Vec<String> = inputs.iter().map(|i| i.source.clone()).collect();
        let cleaned = self.cleaner.clean_batch_with(inputs, furniture);
        cleaned
            .into_par_iter()
            .zip(sources)
            .map(|(result, source)| match result {
                Ok(mut docs) => isolated(&source, || {
                    docs.iter_mut().for_each(|doc| self.annotate(doc, &timings));
                    docs
                }),
                Err(e) => Err(Rejected { source, kind: e.kind().into(), reason: e.to_string() }),
            })
            .collect()
    }

    /// The per-document stages after cleaning: the language layer, then (for a
    /// genre that reports events) event coding and event places.
    fn annotate(&self, doc: &mut Document, timings: &Timings) {
        timings.time(Stage::Syntax, || self.language.annotate_sentences(doc));
        timings.time(Stage::Entities, || self.language.annotate_entities(doc));
        timings.time(Stage::RestOfLanguage, || self.language.annotate_after_entities(doc));
        if doc.meta.genre.reports_events() {
            timings.time(Stage::Events, || self.coder.code(doc));
            timings.time(Stage::Place, || self.language.place_events(doc));
        }
    }

    /// The documents of a batch ([`Pipeline::process`]), rejections dropped:
    /// for evaluations that annotate a set in memory.
    pub fn documents(&self, inputs: Vec<RawInput>) -> Vec<Document> {
        self.process(inputs).into_iter().flatten().flatten().collect()
    }

    /// Ingests every path into the store: streaming, in batches, one
    /// transaction per batch. Bad inputs are accounted for and the run goes on;
    /// only a store failure stops it.
    ///
    /// Three stages overlap (see ARCHITECTURE.md): a reader thread reads and
    /// hashes inputs ahead into a bounded channel; batch N+1 is cleaned,
    /// annotated and fingerprinted in parallel (rayon) while batch N is linked
    /// and committed ([`rayon::join`]). Everything that depends on more than one
    /// document — which inputs are already stored, the furniture lines, linking,
    /// the store — runs in input order on one thread, so the record is the same
    /// whatever the thread count.
    pub fn ingest(
        &self,
        store: &mut Store,
        paths: &[PathBuf],
        progress: impl FnMut(Progress) + Send,
    ) -> Result<IngestSummary, PipelineError> {
        let mut progress = progress;
        // Held for the whole run: linking needs the indexes as the store has
        // them. Taken on the calling thread, never on a pool thread: a pool
        // thread waiting inside a join may steal another ingest's job, which
        // would then block on this lock above the job that holds it.
        let _writer = store.lock_writer(|| progress(Progress { store_busy: true, ..Progress::default() }))?;
        self.pool.install(|| self.ingest_on_pool(store, paths, progress))
    }

    fn ingest_on_pool(
        &self,
        store: &mut Store,
        paths: &[PathBuf],
        mut progress: impl FnMut(Progress),
    ) -> Result<IngestSummary, PipelineError> {
        let timings = Timings::default();
        // Bounded: the reader is at most one batch ahead (memory stays flat).
        let (tx, rx) = mpsc::sync_channel(self.batch_size.max(1));
        let options = self.ingest_options;
        let result = std::thread::scope(|scope| {
            let timings = &timings;
            scope.spawn(move || read_ahead(paths, &options, &tx, timings));
            // `rx` is dropped when the run returns, early or not: the reader then stops.
            self.run(store, Batcher::new(rx), timings, &mut progress)
        });
        let mut summary = result?;
        summary.times = timings.snapshot();
        Ok(summary)
    }

    /// The coordinating loop of [`Pipeline::ingest`]: batch N is linked and
    /// committed while batch N+1 is analysed.
    fn run(
        &self,
        store: &mut Store,
        mut reader: Batcher,
        timings: &Timings,
        progress: &mut impl FnMut(Progress),
    ) -> Result<IngestSummary, PipelineError> {
        let mut summary = IngestSummary::default();
        let mut link = LinkState::load(store)?;
        if store.lacks_event_inputs()? {
            backfill_merged_events(store)?;
        }
        let mut mergers = StoryMergers::default();
        let threshold = self.cleaner.config().furniture_min_docs;
        // The store's furniture lines, kept here: a batch's analysis must start
        // before the previous batch is committed, so the lines each batch makes
        // furniture are added as soon as it is linked.
        let mut furniture = Furniture::from_keys(store.furniture(threshold)?);
        let mut pending: Option<Analysed> = None;
        loop {
            let inputs = reader.next_batch(store, self.batch_size, &mut summary, timings)?;
            let Some(mut batch) = pending.take() else {
                if inputs.is_empty() {
                    break;
                }
                pending = Some(self.analyse(inputs, &furniture, timings));
                continue;
            };
            summary.rejected.append(&mut batch.rejected);
            let ready = self.reach_furniture(store, batch, threshold, timings)?;
            furniture.extend(&ready.reached);
            let started = Instant::now();
            let (committed, next) = rayon::join(
                || {
                    let started = Instant::now();
                    self.link_and_commit(store, &mut link, &mut mergers, ready, threshold, timings).map(|c| (c, started.elapsed()))
                },
                || (!inputs.is_empty()).then(|| self.analyse(inputs, &furniture, timings)),
            );
            let (committed, own) = committed?;
            timings.add(Stage::WaitAnalysis, started.elapsed().saturating_sub(own));
            committed.record(&mut summary);
            progress(reader.done);
            pending = next;
        }
        if link.has_changes() {
            // an old store's indexes, moved into the link state though nothing was new
            store.commit_batch(Batch { state: link.take_entries(), retire_meta: link.take_retired(), ..Batch::default() })?;
        }
        progress(reader.done);
        Ok(summary)
    }

    /// The parallel step of a batch: cleaning (with the furniture known), the
    /// per-document stages, and what linking needs of each document alone (its
    /// duplicate fingerprint, story terms and furniture line keys).
    fn analyse(&self, inputs: Vec<RawInput>, furniture: &Furniture, timings: &Timings) -> Analysed {
        let sources: Vec<String> = inputs.iter().map(|i| i.source.clone()).collect();
        let cleaned = timings.time(Stage::Clean, || self.cleaner.clean_batch_with(inputs, furniture));
        let results: Vec<Result<Vec<AnalysedDoc>, Rejected>> = cleaned
            .into_par_iter()
            .zip(sources)
            .map(|(result, source)| match result {
                Ok(docs) => isolated(&source, || {
                    docs.into_iter()
                        .map(|mut doc| {
                            self.annotate(&mut doc, timings);
                            let prints = timings.time(Stage::Fingerprints, || Prints::of(&doc));
                            let lines = self.cleaner.line_keys(&doc);
                            (doc, prints, lines)
                        })
                        .collect()
                }),
                Err(e) => Err(Rejected { source, kind: e.kind().into(), reason: e.to_string() }),
            })
            .collect();
        let mut out = Analysed::default();
        for result in results {
            match result {
                Ok(found) => {
                    for (doc, prints, lines) in found {
                        if let Some((site, keys)) = lines {
                            out.lines.push((doc.id.clone(), site, keys));
                        }
                        out.docs.push(doc);
                        out.prints.push(prints);
                    }
                }
                Err(r) => out.rejected.push(r),
            }
        }
        out
    }

    /// Lines that become furniture with this batch (the store as the previous
    /// batch left it): retracted from this batch's documents now, and from the
    /// stored documents that held them before when the batch is committed.
    fn reach_furniture(
        &self,
        store: &Store,
        mut batch: Analysed,
        threshold: usize,
        timings: &Timings,
    ) -> Result<Ready, PipelineError> {
        timings.time(Stage::Furniture, || {
            let (reached, earlier) = reached_furniture(store, &batch.lines, threshold)?;
            if !reached.is_empty() {
                for (doc, prints) in batch.docs.iter_mut().zip(&mut batch.prints) {
                    if self.cleaner.mark_furniture(doc, &reached) {
                        // its facts inside the template lines are gone: the entity terms change
                        prints.story = StoryTerms::of(doc);
                    }
                }
            }
            Ok(Ready { batch, reached, earlier })
        })
    }

    /// The sequential step of a batch: linking, in input order (each document
    /// meets the indexes as they were after the previous one), then the
    /// documents, furniture counts, corrections and link state in one transaction.
    fn link_and_commit(
        &self,
        store: &mut Store,
        link: &mut LinkState,
        mergers: &mut StoryMergers,
        ready: Ready,
        threshold: usize,
        timings: &Timings,
    ) -> Result<Committed, PipelineError> {
        let Ready { batch, reached, earlier } = ready;
        let Analysed { mut docs, prints, lines, .. } = batch;
        for (doc, print) in docs.iter_mut().zip(prints) {
            doc.meta.duplicate_of = timings.time(Stage::Dedup, || link.dups.check_and_insert_fingerprint(&doc.id, print.dup));
            doc.meta.story = Some(timings.time(Stage::Stories, || link.stories.assign_terms(&print.story)));
            // entities (issue 15/17): each mention's cluster, once its story is known;
            // a person's country stated elsewhere in the record where this report leaves it unsaid
            timings.time(Stage::EntityIndex, || {
                link.entities.add_document(doc);
                link.entities.fill_countries(doc);
            });
        }
        let corrected = timings.time(Stage::Furniture, || -> Result<Vec<Document>, PipelineError> {
            let mut corrected = Vec::new();
            for id in earlier {
                if let Some(mut doc) = store.document(id.as_str())? {
                    if self.cleaner.mark_furniture(&mut doc, &reached) {
                        corrected.push(doc);
                    }
                }
            }
            Ok(corrected)
        })?;
        let appended: HashSet<DocId> = docs.iter().filter(|d| d.meta.appended_to.is_some()).map(|d| d.id.clone()).collect();
        let (event_inputs, merged) = timings.time(Stage::Merge, || merge_touched_stories(store, mergers, &docs, &corrected))?;
        // Documents, furniture counts, corrections, link state and the merged
        // events of the stories they touched: one transaction.
        let outcome = timings.time(Stage::Commit, || {
            store.commit_batch(Batch {
                docs,
                lines,
                keep_first: threshold,
                corrected,
                state: link.take_entries(),
                retire_meta: link.take_retired(),
                event_inputs,
                merged,
            })
        })?;
        Ok(Committed { outcome, appended })
    }
}

/// One analysed document: itself, what linking needs of it, its furniture lines.
type AnalysedDoc = (Document, Prints, Option<(String, Vec<u64>)>);

/// What the linker needs of one document that depends on that document alone,
/// computed in the parallel step.
struct Prints {
    dup: Option<Fingerprint>,
    story: StoryTerms,
}

impl Prints {
    fn of(doc: &Document) -> Prints {
        Prints { dup: Fingerprint::of(doc.body()), story: StoryTerms::of(doc) }
    }
}

/// A batch after the parallel step.
#[derive(Default)]
struct Analysed {
    docs: Vec<Document>,
    /// One per document.
    prints: Vec<Prints>,
    /// Per host document: its site and distinct furniture line keys.
    lines: Vec<(DocId, String, Vec<u64>)>,
    rejected: Vec<Rejected>,
}

/// A batch whose furniture lines are settled, ready for the linker.
struct Ready {
    batch: Analysed,
    /// Lines that became furniture with it.
    reached: Furniture,
    /// Stored documents that held those lines before.
    earlier: Vec<DocId>,
}

/// What a committed batch reports.
struct Committed {
    outcome: chronicle_store::BatchOutcome,
    appended: HashSet<DocId>,
}

impl Committed {
    fn record(self, summary: &mut IngestSummary) {
        for id in self.outcome.ingested {
            if self.appended.contains(&id) {
                summary.appended.push(id);
            } else {
                summary.ingested.push(id);
            }
        }
        summary.duplicates.extend(self.outcome.duplicates);
    }
}

/// One item of the reader thread: an input with its id, or a rejection.
enum ReadItem {
    Input(RawInput, DocId),
    Rejected(chronicle_ingest::Rejection),
}

/// The reader thread: reads every path in order, hashing each input's id, and
/// sends the items down a bounded channel; stops when the receiver is gone.
fn read_ahead(paths: &[PathBuf], options: &IngestOptions, tx: &SyncSender<ReadItem>, timings: &Timings) {
    let mut items = chronicle_ingest::read_paths(paths, options);
    loop {
        let started = Instant::now();
        let Some(item) = items.next() else { break };
        let item = match item {
            Item::Input(input) => {
                // The host id is the hash of the raw text: a re-ingested
                // article is known before any work is spent on it.
                let id = DocId::from_text(&input.text);
                ReadItem::Input(input, id)
            }
            Item::Rejected(r) => ReadItem::Rejected(r),
        };
        timings.add(Stage::Read, started.elapsed());
        if tx.send(item).is_err() {
            break;
        }
    }
}

/// Makes batches of new inputs from the reader's items, in order.
struct Batcher {
    rx: Receiver<ReadItem>,
    seen: HashSet<DocId>,
    done: Progress,
}

impl Batcher {
    fn new(rx: Receiver<ReadItem>) -> Batcher {
        Batcher { rx, seen: HashSet::new(), done: Progress::default() }
    }

    /// Up to `size` inputs neither stored nor seen earlier in this run (empty at
    /// the end); rejections and duplicates go to the summary.
    fn next_batch(
        &mut self,
        store: &Store,
        size: usize,
        summary: &mut IngestSummary,
        timings: &Timings,
    ) -> Result<Vec<RawInput>, PipelineError> {
        let mut batch = Vec::with_capacity(size);
        while batch.len() < size.max(1) {
            let started = Instant::now();
            let Ok(item) = self.rx.recv() else { break };
            timings.add(Stage::WaitRead, started.elapsed());
            self.done.inputs += 1;
            match item {
                ReadItem::Rejected(r) => summary.rejected.push(Rejected {
                    source: r.source,
                    kind: r.reason.kind().to_string(),
                    reason: r.reason.to_string(),
                }),
                ReadItem::Input(input, id) => {
                    self.done.bytes += input.raw.len() as u64;
                    let known = !self.seen.insert(id.clone()) || timings.time(Stage::Known, || store.has_document(&id))?;
                    if known {
                        summary.duplicates.push((input.source, id));
                    } else {
                        batch.push(input);
                    }
                }
            }
        }
        Ok(batch)
    }
}

/// The merged events of one story per entry.
type StoryEvents = Vec<(String, Vec<MergedEvent>)>;

/// Inputs of event coreference the stories' mergers of one run hold at most
/// (about 10 kB each with their clusters); the least recently touched stories'
/// mergers are dropped beyond it and rebuilt from the store when touched again.
const MAX_HELD_INPUTS: usize = 20_000;

/// The event mergers of the stories an ingest run touched, kept between its
/// batches so that a batch adds its reports to a story's clusters instead of
/// merging the whole story again. Each is what merging the story's stored
/// inputs in storage order gives; a story whose stored document was corrected
/// is rebuilt from the store.
#[derive(Default)]
struct StoryMergers {
    held: HashMap<String, (coref::Merger, u64)>,
    clock: u64,
}

impl StoryMergers {
    /// Drops the least recently touched mergers while more than [`MAX_HELD_INPUTS`] inputs are held.
    fn trim(&mut self) {
        let mut total: usize = self.held.values().map(|(m, _)| m.documents().len()).sum();
        while total > MAX_HELD_INPUTS {
            let Some(oldest) = self.held.iter().min_by_key(|(_, (_, used))| *used).map(|(k, _)| k.clone()) else { break };
            if let Some((m, _)) = self.held.remove(&oldest) {
                total -= m.documents().len();
            }
        }
    }
}

/// What event coreference reads of a batch's new documents with events and of
/// its corrected documents, and the merged events of every story they touch:
/// each such story's merger (kept from earlier batches, else built from the
/// story's stored inputs) takes the batch's reports after the stored ones. The
/// rule is the same for every story and store size: a report of a later batch
/// meets the story's reports as one run over the story would have it meet them.
fn merge_touched_stories(
    store: &Store,
    mergers: &mut StoryMergers,
    docs: &[Document],
    corrected: &[Document],
) -> Result<(Vec<Document>, StoryEvents), PipelineError> {
    let mut ids: HashSet<&DocId> = HashSet::new();
    let mut fresh = Vec::new();
    for d in docs.iter().filter(|d| !d.events.is_empty()) {
        // a salvaged article stored before is not stored again
        if ids.insert(&d.id) && !store.has_document(&d.id)? {
            fresh.push(coref::merge_input(d));
        }
    }
    let fixed: Vec<Document> = corrected.iter().map(coref::merge_input).collect();
    let touched: BTreeSet<String> = fresh.iter().chain(&fixed).filter_map(|d| d.meta.story.clone()).collect();
    // (story, its merger if kept, its stored inputs otherwise, the batch's reports)
    let mut work: Vec<(String, Option<coref::Merger>, Vec<Document>, Vec<Document>)> = Vec::with_capacity(touched.len());
    for story in touched {
        let in_story = |d: &&Document| d.meta.story.as_deref() == Some(story.as_str());
        let kept = mergers.held.remove(&story).map(|(m, _)| m).filter(|_| !fixed.iter().any(|f| in_story(&f)));
        let stored = match kept {
            Some(_) => Vec::new(),
            None => {
                let mut stored = store.event_inputs(&story)?;
                for d in &mut stored {
                    if let Some(f) = fixed.iter().find(|f| f.id == d.id) {
                        *d = f.clone();
                    }
                }
                stored
            }
        };
        let new: Vec<Document> = fresh.iter().filter(in_story).cloned().collect();
        work.push((story, kept, stored, new));
    }
    let done: Vec<(String, coref::Merger, Vec<MergedEvent>)> = work
        .into_par_iter()
        .map(|(story, kept, stored, new)| {
            let mut merger = kept.unwrap_or_default();
            merger.add(stored);
            merger.add(new);
            let events = merger.events();
            (story, merger, events)
        })
        .collect();
    let mut merged = Vec::with_capacity(done.len());
    for (story, merger, events) in done {
        mergers.clock += 1;
        mergers.held.insert(story.clone(), (merger, mergers.clock));
        merged.push((story, events));
    }
    mergers.trim();
    fresh.extend(fixed);
    Ok((fresh, merged))
}

/// Computes the merged events of a store written before schema 4 (documents
/// with events but no stored inputs of event coreference): every story merged
/// from its documents in storage order, written in one transaction.
fn backfill_merged_events(store: &mut Store) -> Result<(), PipelineError> {
    let order: HashMap<DocId, usize> = store.storage_order()?.into_iter().enumerate().map(|(i, id)| (id, i)).collect();
    let mut inputs: Vec<(usize, Document)> = Vec::new();
    store.for_each_document(|d| {
        if !d.events.is_empty() {
            inputs.push((order.get(&d.id).copied().unwrap_or(usize::MAX), coref::merge_input(&d)));
        }
        Ok(())
    })?;
    inputs.sort_by_key(|(at, _)| *at);
    let mut by_story: BTreeMap<String, Vec<Document>> = BTreeMap::new();
    for (_, d) in &inputs {
        by_story.entry(d.meta.story.clone().unwrap_or_default()).or_default().push(d.clone());
    }
    let merged: StoryEvents = by_story.into_par_iter().map(|(story, docs)| (story, coref::merge(&docs))).collect();
    let event_inputs = inputs.into_iter().map(|(_, d)| d).collect();
    store.commit_batch(Batch { event_inputs, merged, ..Batch::default() })?;
    Ok(())
}

/// The lines of a batch (document, site, distinct line keys) whose stored count reaches
/// `threshold` with this batch, and the stored documents that held them before.
fn reached_furniture(
    store: &Store,
    lines: &[(DocId, String, Vec<u64>)],
    threshold: usize,
) -> Result<(Furniture, Vec<DocId>), PipelineError> {
    let mut in_batch: BTreeMap<(&str, u64), usize> = BTreeMap::new();
    for (_, site, keys) in lines {
        for &k in keys {
            *in_batch.entry((site.as_str(), k)).or_default() += 1;
        }
    }
    let keys: Vec<(String, u64)> = in_batch.keys().map(|&(site, key)| (site.to_string(), key)).collect();
    let mut counts = store.line_counts(&keys)?;
    let mut reached = Vec::new();
    let mut earlier = Vec::new();
    for (line, n) in keys.into_iter().zip(in_batch.into_values()) {
        let (stored, first) = counts.remove(&line).unwrap_or_default();
        if stored < threshold && stored + n >= threshold {
            reached.push(line);
            earlier.extend(first);
        }
    }
    earlier.sort();
    earlier.dedup();
    Ok((Furniture::from_keys(reached), earlier))
}

/// The cross-document indexes. The store keeps them as state entries written
/// with the documents that changed them; stores before schema 3 kept each as
/// one JSON value in `meta`, moved into entries by the next ingest's first write.
struct LinkState {
    dups: DupIndex,
    stories: StoryIndex,
    /// Entity clusters (`entity.*` spaces; own module, `link::entity_index`).
    entities: EntityIndex,
    /// Rows of an index read from its old JSON value, not yet written.
    moved: Vec<StateRow>,
    /// Meta keys to retire with the next write.
    retired: Vec<String>,
}

impl LinkState {
    fn load(store: &Store) -> Result<LinkState, PipelineError> {
        let entries = store.state_entries("")?;
        if !entries.is_empty() {
            let rows = || entries.iter().map(|e| (e.space.as_str(), e.key.as_str(), e.value.as_str()));
            let state = |e: chronicle_link::LinkError| PipelineError::State(e.to_string());
            let dups = DupIndex::from_rows(rows()).map_err(state)?;
            let stories = StoryIndex::from_rows(rows()).map_err(state)?;
            let entities = EntityIndex::from_rows(rows()).map_err(state)?;
            return Ok(LinkState { dups, stories, entities, moved: Vec::new(), retired: Vec::new() });
        }
        let old = |key: &str| -> Result<Option<String>, PipelineError> { Ok(store.get_meta(key)?) };
        let parse = |key: &str, e: serde_json::Error| PipelineError::State(format!("{key}: {e}"));
        let (dup_json, story_json) = (old(DUP_INDEX_KEY)?, old(STORY_INDEX_KEY)?);
        let dups: DupIndex = match &dup_json {
            Some(json) => serde_json::from_str(json).map_err(|e| parse(DUP_INDEX_KEY, e))?,
            None => DupIndex::default(),
        };
        let mut stories: StoryIndex = match &story_json {
            Some(json) => serde_json::from_str(json).map_err(|e| parse(STORY_INDEX_KEY, e))?,
            None => StoryIndex::default(),
        };
        let mut moved = Vec::new();
        let mut retired = Vec::new();
        if dup_json.is_some() || story_json.is_some() {
            moved = dups.all_rows();
            moved.extend(stories.all_rows());
            retired = vec![DUP_INDEX_KEY.to_string(), STORY_INDEX_KEY.to_string()];
        }
        Ok(LinkState { dups, stories, entities: EntityIndex::default(), moved, retired })
    }

    /// True when rows or retirements wait to be written.
    fn has_changes(&self) -> bool {
        !self.moved.is_empty() || !self.retired.is_empty()
    }

    /// Brings a state held since state version `since` up to date with the
    /// entries other writers committed after it; false when they do not
    /// continue it (the caller then reads the state whole).
    fn refresh(&mut self, store: &Store, since: i64) -> Result<bool, PipelineError> {
        let entries = store.state_since(since)?;
        let rows = || entries.iter().map(|e| (e.space.as_str(), e.key.as_str(), e.value.as_str()));
        Ok(self.dups.apply_rows(rows()).is_ok() && self.stories.apply_rows(rows()).is_ok() && self.entities.apply_rows(rows()).is_ok())
    }

    /// The state entries changed since the last call.
    fn take_entries(&mut self) -> Vec<StateEntry> {
        let mut rows = std::mem::take(&mut self.moved);
        rows.extend(self.dups.take_rows());
        rows.extend(self.stories.take_rows());
        rows.extend(self.entities.take_rows());
        rows.into_iter().map(|r| StateEntry { space: r.space.to_string(), key: r.key, value: r.value }).collect()
    }

    fn take_retired(&mut self) -> Vec<String> {
        std::mem::take(&mut self.retired)
    }
}

/// The story index of a store, as the last committed batch left it (for the
/// views that list stories).
pub fn story_index(store: &Store) -> Result<StoryIndex, PipelineError> {
    let entries = store.state_entries("story.")?;
    if entries.is_empty() {
        // a store from before schema 3 keeps the index in `meta`
        return Ok(LinkState::load(store)?.stories);
    }
    let rows = entries.iter().map(|e| (e.space.as_str(), e.key.as_str(), e.value.as_str()));
    StoryIndex::from_rows(rows).map_err(|e| PipelineError::State(e.to_string()))
}

/// Every document in the store (for the cross-document views).
pub fn all_documents(store: &Store) -> Result<Vec<Document>, PipelineError> {
    let mut docs = Vec::new();
    store.for_each_document(|d| {
        docs.push(d);
        Ok(())
    })?;
    Ok(docs)
}

/// The cross-document picture of a store: documents, their stories, and the
/// events merged across reports, all read from the store as the last batch
/// left them (nothing is merged at read time).
pub struct CrossView {
    /// Every stored document.
    pub docs: Vec<Document>,
    /// Stories, largest first.
    pub stories: Vec<chronicle_link::story::StorySummary>,
    /// Events merged across reports, with sources and contradictions, as stored.
    pub events: Vec<MergedEvent>,
    /// The entity clusters decided at ingest (`Store::entity_clusters`).
    pub clusters: chronicle_core::record::EntityClusters,
}

/// The stories of a store as the last commit left them, largest first (pages
/// over the glued articles salvaged from them); no document is decoded.
pub fn stories(store: &Store) -> Result<Vec<StorySummary>, PipelineError> {
    let appended: HashSet<DocId> = store.documents()?.into_iter().filter(|d| d.appended_to.is_some()).map(|d| d.id).collect();
    stories_with(store, &appended)
}

/// [`stories`] for a caller that already holds the ids of the salvaged
/// (appended) documents.
pub fn stories_with(store: &Store, appended: &HashSet<DocId>) -> Result<Vec<StorySummary>, PipelineError> {
    Ok(order_stories(story_summaries(store)?, appended))
}

/// Every story with its title, documents and date span, in creation order — what
/// [`story_index`]`(store).stories()` gives — read from the few link-state entries the
/// summaries need ([`chronicle_link::story::StorySummaries`]), not the whole index.
pub fn story_summaries(store: &Store) -> Result<Vec<StorySummary>, PipelineError> {
    use chronicle_link::story::{StorySummaries, DF_SPACE, SUMMARY_SPACES, VOCAB_SPACE};
    let triples = |entries: &[StateEntry]| -> Vec<(String, String, String)> {
        entries.iter().map(|e| (e.space.clone(), e.key.clone(), e.value.clone())).collect()
    };
    let mut entries = Vec::new();
    for space in SUMMARY_SPACES {
        entries.extend(store.state_space(space)?);
    }
    if entries.is_empty() {
        // a store from before schema 3 keeps the index in `meta`
        return Ok(story_index(store)?.stories());
    }
    let state = |e: chronicle_link::LinkError| PipelineError::State(e.to_string());
    let rows = triples(&entries);
    let mut summaries = StorySummaries::new(rows.iter().map(|(s, k, v)| (s.as_str(), k.as_str(), v.as_str()))).map_err(state)?;
    let vocab = triples(&store.state_keys(VOCAB_SPACE, &summaries.vocab_keys())?);
    let df_keys = summaries.add_vocab(vocab.iter().map(|(s, k, v)| (s.as_str(), k.as_str(), v.as_str()))).map_err(state)?;
    let df = triples(&store.state_keys(DF_SPACE, &df_keys)?);
    summaries.add_df(df.iter().map(|(s, k, v)| (s.as_str(), k.as_str(), v.as_str()))).map_err(state)?;
    Ok(summaries.stories())
}

/// Stories in the order [`stories`] gives: most host (not appended)
/// documents first, then most documents, then id.
pub fn order_stories(mut stories: Vec<StorySummary>, appended: &HashSet<DocId>) -> Vec<StorySummary> {
    let hosts = |s: &StorySummary| s.documents.iter().filter(|id| !appended.contains(id)).count();
    stories.sort_by_cached_key(|s| (std::cmp::Reverse(hosts(s)), std::cmp::Reverse(s.documents.len()), s.id.clone()));
    stories
}

/// What the exports add to the documents: the stories ([`stories`]) and the
/// stored merged events, read without decoding any document.
pub fn cross_records(store: &Store) -> Result<(Vec<StorySummary>, Vec<MergedEvent>), PipelineError> {
    Ok((stories(store)?, store.merged_events()?))
}

impl CrossView {
    /// Builds the view from the store.
    pub fn load(store: &Store) -> Result<CrossView, PipelineError> {
        let docs = all_documents(store)?;
        let (stories, events) = cross_records(store)?;
        let clusters = store.entity_clusters()?;
        Ok(CrossView { docs, stories, events, clusters })
    }

    /// The story whose id starts with `prefix` (with or without `s:`); the
    /// largest story when `prefix` is None.
    pub fn story(&self, prefix: Option<&str>) -> Option<&chronicle_link::story::StorySummary> {
        match prefix {
            None => self.stories.first(),
            Some(p) => {
                let want = if p.starts_with("s:") { p.to_string() } else { format!("s:{p}") };
                self.stories.iter().find(|s| s.id.to_string().starts_with(&want))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_core::{InputFormat, Metadata};

    fn doc(id: &str, body: &str) -> Document {
        let meta = Metadata { title: Some(format!("Report {id}")), ..Default::default() };
        Document::new(DocId::parse(id), id.into(), InputFormat::Text, Vec::new(), body.into(), body.into(), meta)
    }

    #[test]
    fn an_old_stores_json_indexes_move_into_the_link_state_once() {
        let mut dups = DupIndex::default();
        let mut stories = StoryIndex::default();
        let bodies = [
            "Delegations of two countries met in Istanbul for direct peace talks and agreed to exchange prisoners of war.",
            "Heavy rain flooded villages in the north, forcing thousands of families from their homes overnight.",
            "Delegations of two countries met in Istanbul for direct peace talks and agreed to exchange prisoners of war!",
        ];
        for (i, body) in bodies.iter().enumerate() {
            let d = doc(&format!("d:{i}"), body);
            dups.check_and_insert(&d.id, d.body());
            stories.assign(&d);
        }
        let mut store = Store::open_in_memory().unwrap();
        store.put_meta(DUP_INDEX_KEY, &serde_json::to_string(&dups).unwrap()).unwrap();
        store.put_meta(STORY_INDEX_KEY, &serde_json::to_string(&stories).unwrap()).unwrap();
        let mut old = LinkState::load(&store).unwrap();
        assert!(old.has_changes(), "the old values wait to be moved");
        let batch = Batch { state: old.take_entries(), retire_meta: old.take_retired(), ..Batch::default() };
        store.commit_batch(batch).unwrap();
        assert_eq!(store.get_meta(STORY_INDEX_KEY).unwrap(), None, "the old values are retired");
        let moved = LinkState::load(&store).unwrap();
        assert!(!moved.has_changes());
        let _ = (dups.take_rows(), stories.take_rows());
        assert_eq!((moved.dups, moved.stories), (dups, stories));
    }

    #[test]
    fn a_panic_in_one_document_becomes_its_rejection() {
        let r: Result<u8, _> = isolated("a.txt", || panic!("index out of bounds"));
        let rejected = r.expect_err("the panic is caught");
        assert_eq!((rejected.source.as_str(), rejected.kind.as_str()), ("a.txt", "panic"));
        assert!(rejected.reason.contains("index out of bounds"), "{}", rejected.reason);
        // work that finishes passes its value through
        assert_eq!(isolated("b.txt", || 7u8).ok(), Some(7));
    }
}
