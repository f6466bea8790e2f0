//! An ingest split in two for the workers of a work queue (`chronicle
//! worker`): [`Pipeline::analyse_inputs`] cleans, annotates and fingerprints a
//! batch without any lock, in as many processes and machines as there are
//! workers; [`Pipeline::commit_analysed`] then takes the store's writer lock,
//! brings its link state up to the store's (when another writer committed since
//! this worker's last batch: the entries written since, applied to the indexes),
//! links the batch in its order and commits it in one transaction — the same
//! steps, in the same functions, as [`Pipeline::ingest`]. Linking and committing are therefore serialised across
//! all workers; analysis is not.

use super::*;

/// A batch analysed outside the writer lock, waiting to be linked and committed.
pub struct AnalysedBatch {
    analysed: Analysed,
    /// Inputs already stored, or repeated earlier in the batch: source and id.
    duplicates: Vec<(String, DocId)>,
    /// The store's data version when the batch's cleaning read the furniture.
    version: i64,
    /// The template lines the cleaning knew, and the inputs it cleaned: when
    /// other writers made more lines template before this batch's turn, the
    /// batch is analysed again with them, as [`Pipeline::ingest`] would have.
    furniture: Furniture,
    inputs: Vec<RawInput>,
    times: StageTimes,
}

impl AnalysedBatch {
    /// Documents (hosts and salvaged articles) waiting to be linked.
    pub fn len(&self) -> usize {
        self.analysed.docs.len()
    }

    /// True when no document waits (every input was a duplicate or rejected).
    pub fn is_empty(&self) -> bool {
        self.analysed.docs.is_empty()
    }
}

/// The link indexes as a worker's last commit left them, with the store's
/// data version and link-state version then.
struct Held {
    link: LinkState,
    data: i64,
    state: i64,
}

/// What a worker keeps between its batches: the link indexes and event
/// mergers as its last commit left them.
#[derive(Default)]
pub struct WorkerState {
    held: Option<Held>,
    mergers: StoryMergers,
    checked_backfill: bool,
}

impl Pipeline {
    /// The parallel half of a worker's batch: inputs already stored (or twice
    /// in the batch) become duplicates, as in [`Pipeline::ingest`]; the rest
    /// are cleaned with the furniture lines the store knows now, annotated and
    /// fingerprinted. Takes no lock and writes nothing.
    pub fn analyse_inputs(&self, store: &Store, inputs: Vec<RawInput>) -> Result<AnalysedBatch, PipelineError> {
        let timings = Timings::default();
        let ids: Vec<DocId> = inputs.iter().map(|i| DocId::from_text(&i.text)).collect();
        let stored = store.stored_among(&ids)?;
        let mut seen = HashSet::new();
        let mut fresh = Vec::with_capacity(inputs.len());
        let mut duplicates = Vec::new();
        for (input, id) in inputs.into_iter().zip(ids) {
            if !seen.insert(id.clone()) || stored.contains(&id) {
                duplicates.push((input.source, id));
            } else {
                fresh.push(input);
            }
        }
        let version = store.data_version()?;
        let threshold = self.cleaner.config().furniture_min_docs;
        let furniture = Furniture::from_keys(store.furniture(threshold)?);
        // kept for a second analysis, should furniture arrive before this batch's turn
        let inputs = fresh.clone();
        // on the pipeline's own pool, whose large stacks keep a deep input from aborting the worker
        let analysed = self.pool.install(|| self.analyse(fresh, &furniture, &timings));
        Ok(AnalysedBatch { analysed, duplicates, version, furniture, inputs, times: timings.snapshot() })
    }

    /// The serial half: under the store's writer lock (`on_wait` is called
    /// once first if another writer holds it), drops the documents another
    /// writer stored since the analysis, retracts the furniture lines that
    /// became template meanwhile, links the batch in its order and commits it
    /// with the link state, furniture counts, corrections and merged events in
    /// one transaction. The summary reports what this batch stored.
    pub fn commit_analysed(
        &self,
        store: &mut Store,
        state: &mut WorkerState,
        batch: AnalysedBatch,
        on_wait: impl FnOnce(),
    ) -> Result<IngestSummary, PipelineError> {
        let timings = Timings::default();
        let _writer = timings.time(Stage::WaitWriter, || store.lock_writer(on_wait))?;
        let version = store.data_version()?;
        let mut link = match state.held.take() {
            Some(held) if held.data == version => held.link,
            // another writer committed: its documents are in the indexes and stories only as stored
            held => {
                state.mergers = StoryMergers::default();
                timings.time(Stage::LoadState, || catch_up(store, held))?
            }
        };
        if !state.checked_backfill {
            if store.lacks_event_inputs()? {
                backfill_merged_events(store)?;
            }
            state.checked_backfill = true;
        }
        let AnalysedBatch { mut analysed, mut duplicates, version: analysed_at, furniture, inputs, times } = batch;
        let threshold = self.cleaner.config().furniture_min_docs;
        if analysed_at != version {
            let dropped = drop_stored(store, &mut analysed)?;
            let now = Furniture::from_keys(store.furniture(threshold)?);
            let stale = meeting_new_lines(&analysed.lines, &furniture, &now);
            if !stale.is_empty() {
                // cleaned again with the lines known now, as the single ingest cleans
                // a batch with the lines of every batch linked before it: only the
                // inputs holding such a line (a page without one cleans as it did)
                let redo: Vec<RawInput> = inputs.into_iter().filter(|i| stale.contains(&DocId::from_text(&i.text))).collect();
                let fresh = self.pool.install(|| self.analyse(redo, &now, &timings));
                analysed = replace_hosts(analysed, fresh, &stale);
            }
            duplicates.extend(dropped);
        }
        let mut summary = IngestSummary { rejected: std::mem::take(&mut analysed.rejected), ..IngestSummary::default() };
        summary.duplicates = duplicates;
        let ready = self.reach_furniture(store, analysed, threshold, &timings)?;
        let committed = self.link_and_commit(store, &mut link, &mut state.mergers, ready, threshold, &timings)?;
        committed.record(&mut summary);
        state.held = Some(Held { link, data: store.data_version()?, state: store.state_version()? });
        summary.times = times.plus(&timings.snapshot());
        Ok(summary)
    }
}

/// The link state as the store has it now: the held one brought up to date
/// with the entries other writers changed since it (what they linked), or,
/// when there is none or those entries do not continue it, the whole state read.
fn catch_up(store: &Store, held: Option<Held>) -> Result<LinkState, PipelineError> {
    if let Some(mut held) = held {
        if held.link.refresh(store, held.state)? {
            return Ok(held.link);
        }
    }
    LinkState::load(store)
}

/// The host documents of a batch holding a line that is template text in
/// `now` but was not in `then` (what their cleaning knew).
fn meeting_new_lines(lines: &[(DocId, String, Vec<u64>)], then: &Furniture, now: &Furniture) -> HashSet<DocId> {
    lines
        .iter()
        .filter(|(_, site, keys)| keys.iter().any(|&k| now.contains(site, k) && !then.contains(site, k)))
        .map(|(id, _, _)| id.clone())
        .collect()
}

/// The batch with the documents of the `stale` hosts (each host and its
/// appended articles) replaced, in their places, by those of `fresh` (the same
/// inputs analysed again); a host `fresh` rejects leaves its place empty.
fn replace_hosts(old: Analysed, fresh: Analysed, stale: &HashSet<DocId>) -> Analysed {
    let host = |d: &Document| d.meta.appended_to.clone().unwrap_or_else(|| d.id.clone());
    let mut redone: HashMap<DocId, Vec<(Document, Prints)>> = HashMap::new();
    for (doc, print) in fresh.docs.into_iter().zip(fresh.prints) {
        redone.entry(host(&doc)).or_default().push((doc, print));
    }
    let mut lines: HashMap<DocId, (DocId, String, Vec<u64>)> =
        old.lines.into_iter().filter(|l| !stale.contains(&l.0)).chain(fresh.lines).map(|l| (l.0.clone(), l)).collect();
    let mut out = Analysed { rejected: old.rejected, ..Analysed::default() };
    out.rejected.extend(fresh.rejected);
    let mut push = |out: &mut Analysed, doc: Document, print: Prints| {
        if let Some(l) = lines.remove(&doc.id) {
            out.lines.push(l);
        }
        out.docs.push(doc);
        out.prints.push(print);
    };
    for (doc, print) in old.docs.into_iter().zip(old.prints) {
        let h = host(&doc);
        if !stale.contains(&h) {
            push(&mut out, doc, print);
        } else if let Some(group) = redone.remove(&h) {
            // at the first document of the host, all of its new ones
            for (doc, print) in group {
                push(&mut out, doc, print);
            }
        }
    }
    out
}

/// Removes from a batch the documents whose host article is stored by now (by
/// another writer, after this batch was analysed); returns the hosts' sources and ids.
fn drop_stored(store: &Store, analysed: &mut Analysed) -> Result<Vec<(String, DocId)>, PipelineError> {
    let hosts: Vec<DocId> = analysed.docs.iter().map(|d| d.meta.appended_to.clone().unwrap_or_else(|| d.id.clone())).collect();
    let stored_hosts = store.stored_among(&hosts)?;
    let mut dropped = Vec::new();
    for doc in &analysed.docs {
        if doc.meta.appended_to.is_none() && stored_hosts.contains(&doc.id) {
            dropped.push((doc.source.clone(), doc.id.clone()));
        }
    }
    if stored_hosts.is_empty() {
        return Ok(dropped);
    }
    let keep: Vec<bool> = analysed.docs.iter().map(|d| !stored_hosts.contains(d.meta.appended_to.as_ref().unwrap_or(&d.id))).collect();
    let docs = std::mem::take(&mut analysed.docs);
    let prints = std::mem::take(&mut analysed.prints);
    let kept: HashSet<DocId> = docs.iter().zip(&keep).filter(|(_, k)| **k).map(|(d, _)| d.id.clone()).collect();
    for ((doc, print), k) in docs.into_iter().zip(prints).zip(keep) {
        if k {
            analysed.docs.push(doc);
            analysed.prints.push(print);
        }
    }
    analysed.lines.retain(|(id, _, _)| kept.contains(id));
    Ok(dropped)
}
