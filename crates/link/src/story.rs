//! Online story clustering (after Miranda et al. 2018, "Multilingual
//! clustering of streaming news").
//!
//! Each document becomes three sparse TF-IDF vectors — body tokens, entities
//! (mention canonicals and KB ids; capitalised word runs when the document has
//! no mention layer) and its title with its lede (the opening words) — with
//! IDF from the document frequencies seen so far. Words of the document's own
//! outlet name are left out, and a term is down-weighted by how much it is its
//! outlet's furniture: the share of the outlet's documents that hold it times
//! the share of the term's documents that come from that outlet (a byline, a
//! site's menu, "Editing by" are in most of one outlet's pages and few
//! others'; a topic's words are spread over every outlet that covers it).
//!
//! A story keeps a capped centroid (the summed, length-normalised, outlet-
//! weighted term frequencies of its documents, pruned to the heaviest terms).
//! A new document is compared only with the stories an inverted index (term →
//! recent stories, capped) returns for its heaviest terms; the similarity is a
//! weighted sum of the three cosines times a time factor that decays with the
//! gap between the document's publication date and the story's publication
//! span. Above the threshold it joins the best story, otherwise it starts a new
//! one. Adding a document touches one story, a few postings and its outlet's
//! counts: nothing is recomputed.
//!
//! A story is named by its most central label (the title, else the lede, of
//! the member whose label terms best match the story's title-and-lede
//! centroid) and dated by its documents' publication dates only — never by
//! years the texts mention.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use chronicle_core::{DocId, Document};
use serde::{Deserialize, Serialize};

use crate::LinkError;

use crate::settings::SETTINGS;
use crate::state::{self, StateRow};
use crate::text::{content_terms, cosine_scaled, cosine_sorted, fold, hash64, is_stopword, stem, words};

pub use chronicle_core::record::{StoryId, StorySummary};

/// Feature spaces, used as term prefixes: body, entities, title and lede.
const SPACES: [char; 3] = ['b', 'e', 't'];
/// Centroid entries kept per space.
const CENTROID_CAP: [usize; 3] = [120, 40, 40];
/// Query terms taken from the document per space.
const QUERY_TERMS: [usize; 3] = [12, 8, 6];
/// Stories kept per posting list (most recent).
const POSTING_CAP: usize = 48;
/// Candidate stories scored per document.
const MAX_CANDIDATES: usize = 60;
/// Labels kept per story for choosing the most central one (those of the
/// members that joined it most strongly).
const LABEL_CAP: usize = 24;
/// Words of the body that make its lede.
const LEDE_WORDS: usize = 40;
/// Words of the body a label made from the lede keeps.
const LABEL_WORDS: usize = 16;

/// A candidate name of a story: a member's title (else its lede) and how
/// strongly that member joined.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Label {
    doc: DocId,
    text: String,
    joined_with: f32,
}

/// One story as the index knows it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct StoryState {
    id: StoryId,
    docs: Vec<DocId>,
    /// Summed normalised term frequencies, per space, sorted by term id.
    centroid: [Vec<(u32, f32)>; 3],
    /// Publication span of its documents.
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    labels: Vec<Label>,
}

/// How many of one outlet's documents hold each term.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct OutletStats {
    n: u32,
    df: HashMap<u32, u32>,
}


/// The incremental story index. Its persisted form is rows of the entries each
/// assignment touched ([`StoryIndex::take_rows`], [`StoryIndex::from_rows`]);
/// the serde form is read only to migrate stores that kept it as one JSON value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StoryIndex {
    vocab: HashMap<String, u32>,
    df: Vec<u32>,
    n_docs: u32,
    stories: Vec<StoryState>,
    /// term → stories (indices), most recent last.
    postings: HashMap<u32, Vec<u32>>,
    doc_story: HashMap<DocId, u32>,
    /// Per outlet (folded name): its document count and term frequencies.
    outlets: BTreeMap<String, OutletStats>,
    /// Entries changed since the last [`StoryIndex::take_rows`].
    #[serde(skip)]
    changed: Changed,
}

/// The entries assignments touched since the rows were last taken.
#[derive(Clone, Debug, Default, PartialEq)]
struct Changed {
    /// New terms (id, term).
    terms: Vec<(u32, String)>,
    /// Terms whose document frequency changed.
    df: BTreeSet<u32>,
    n_docs: bool,
    stories: BTreeSet<u32>,
    postings: BTreeSet<u32>,
    /// Per outlet, the terms whose frequency in it changed.
    outlets: BTreeMap<String, BTreeSet<u32>>,
    /// Newly assigned documents: id, story, position in the order of assignment.
    docs: Vec<(DocId, u32, u32)>,
}

/// The spaces of the story index's rows.
const VOCAB: &str = "story.vocab";
const DF: &str = "story.df";
const N_DOCS: &str = "story.n_docs";
const STORY: &str = "story.story";
const MEMBER: &str = "story.doc";
const POSTING: &str = "story.posting";
const OUTLET: &str = "story.outlet";
const OUTLET_DF: &str = "story.outlet_df";

/// A story's row: its state without the member list (members are rows of their own,
/// so a growing story's row does not grow). Weights are kept as their bits, so a
/// reloaded index computes exactly what the original would have.
#[derive(Serialize, Deserialize)]
struct StoryRow {
    id: StoryId,
    centroid: [Vec<(u32, u32)>; 3],
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    /// (document, text, bits of `joined_with`)
    labels: Vec<(DocId, String, u32)>,
}

impl StoryRow {
    fn of(s: &StoryState) -> StoryRow {
        let bits = |v: &Vec<(u32, f32)>| v.iter().map(|&(t, w)| (t, w.to_bits())).collect();
        StoryRow {
            id: s.id.clone(),
            centroid: [bits(&s.centroid[0]), bits(&s.centroid[1]), bits(&s.centroid[2])],
            first: s.first,
            last: s.last,
            labels: s.labels.iter().map(|l| (l.doc.clone(), l.text.clone(), l.joined_with.to_bits())).collect(),
        }
    }

    fn into_state(self) -> StoryState {
        let weights = |v: Vec<(u32, u32)>| v.into_iter().map(|(t, w)| (t, f32::from_bits(w))).collect();
        let [b, e, t] = self.centroid;
        StoryState {
            id: self.id,
            docs: Vec::new(),
            centroid: [weights(b), weights(e), weights(t)],
            first: self.first,
            last: self.last,
            labels: self
                .labels
                .into_iter()
                .map(|(doc, text, w)| Label { doc, text, joined_with: f32::from_bits(w) })
                .collect(),
        }
    }
}

/// The publication date of a document (the only date a story's span is made of).
pub fn doc_date(doc: &Document) -> Option<NaiveDate> {
    doc.meta.published.date.sort_key()
}

/// The folded words of the document's outlet name ("Fox News" → fox, news).
fn outlet_words(doc: &Document) -> BTreeSet<String> {
    doc.meta.outlet.as_deref().map(words).unwrap_or_default().into_iter().filter(|w| !is_stopword(w)).collect()
}

/// The folded outlet key of a document, if it names one.
fn outlet_key(doc: &Document) -> Option<String> {
    let k = fold(doc.meta.outlet.as_deref()?.trim());
    (!k.is_empty()).then_some(k)
}

/// Entity terms of a document: KB ids and folded canonicals of its mentions;
/// capitalised word runs not opening a sentence when it has no mentions.
/// Names made only of the outlet's own words are left out.
fn entity_terms(doc: &Document, own: &BTreeSet<String>) -> Vec<String> {
    let is_own = |name: &str| {
        let ws = words(name);
        !ws.is_empty() && ws.iter().all(|w| own.contains(w) || is_stopword(w))
    };
    if !doc.mentions.is_empty() {
        let mut out = Vec::new();
        for m in &doc.mentions {
            if is_own(&m.canonical) {
                continue;
            }
            match &m.kb_id {
                Some(k) if !k.is_empty() => out.push(format!("kb:{k}")),
                _ => out.push(fold(m.canonical.trim())),
            }
        }
        return out;
    }
    capitalised_runs(doc.body()).into_iter().filter(|r| !is_own(r)).collect()
}

/// Runs of capitalised words that do not open a sentence (a stand-in for
/// entities when the language layer has not run).
pub(crate) fn capitalised_runs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Vec<String> = Vec::new();
    let mut sentence_start = true;
    for raw in text.split_whitespace() {
        let w: String = raw.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
        let cap = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && !is_stopword(&fold(&w));
        if cap && !sentence_start {
            run.push(fold(&w));
        } else if !run.is_empty() {
            out.push(run.join(" "));
            run.clear();
        }
        let end = raw.trim_end_matches(|c: char| matches!(c, '"' | '\'' | '’' | '”' | ')' | ']'));
        sentence_start = end.ends_with(['.', '?', '!']);
        if sentence_start && !run.is_empty() {
            out.push(run.join(" "));
            run.clear();
        }
    }
    if !run.is_empty() {
        out.push(run.join(" "));
    }
    out
}

fn title_of(doc: &Document) -> Option<String> {
    doc.meta.title.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_string)
}

/// The opening words of the body.
fn lede(doc: &Document, n: usize) -> String {
    doc.body().split_whitespace().take(n).collect::<Vec<_>>().join(" ")
}

/// The terms of each space, before weighting: body, entities, title and lede.
fn term_lists(doc: &Document) -> [Vec<String>; 3] {
    let own = outlet_words(doc);
    let own_stems: BTreeSet<String> = own.iter().map(|w| stem(w)).collect();
    let not_own = |ts: Vec<String>| -> Vec<String> { ts.into_iter().filter(|t| !own_stems.contains(t)).collect() };
    let mut heading = content_terms(&title_of(doc).unwrap_or_default());
    heading.extend(content_terms(&lede(doc, LEDE_WORDS)));
    [not_own(content_terms(doc.body())), entity_terms(doc, &own), not_own(heading)]
}

/// What the story index reads of one document, all of it computed from the
/// document alone (so in parallel, ahead of the sequential
/// [`StoryIndex::assign_terms`]): its id, outlet key, publication date, the
/// terms of each space (prefixed with their space) and its label.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryTerms {
    id: DocId,
    outlet: Option<String>,
    date: Option<NaiveDate>,
    lists: [Vec<String>; 3],
    label: String,
}

impl StoryTerms {
    /// The terms of a document.
    pub fn of(doc: &Document) -> StoryTerms {
        let lists = term_lists(doc);
        let prefixed = |k: usize| lists[k].iter().map(|t| format!("{}:{}", SPACES[k], t)).collect();
        StoryTerms {
            id: doc.id.clone(),
            outlet: outlet_key(doc),
            date: doc_date(doc),
            lists: [prefixed(0), prefixed(1), prefixed(2)],
            label: title_of(doc).unwrap_or_else(|| lede(doc, LABEL_WORDS)),
        }
    }
}

/// Sparse (term, value) vectors of three spaces.
type Vectors = [Vec<(u32, f32)>; 3];

impl StoryIndex {
    /// An empty index.
    pub fn new() -> StoryIndex {
        StoryIndex::default()
    }

    /// Number of documents assigned.
    pub fn len(&self) -> usize {
        self.n_docs as usize
    }

    /// True when no document was assigned.
    pub fn is_empty(&self) -> bool {
        self.n_docs == 0
    }

    /// The story a document was assigned to.
    pub fn story_of(&self, doc: &DocId) -> Option<StoryId> {
        self.doc_story.get(doc).and_then(|&i| self.stories.get(i as usize)).map(|s| s.id.clone())
    }

    fn term_id(&mut self, t: &str) -> u32 {
        if let Some(&i) = self.vocab.get(t) {
            return i;
        }
        let i = self.df.len() as u32;
        self.vocab.insert(t.to_string(), i);
        self.df.push(0);
        self.changed.terms.push((i, t.to_string()));
        i
    }

    fn idf(&self, t: u32) -> f32 {
        let df = self.df.get(t as usize).copied().unwrap_or(0) as f32;
        ((1.0 + self.n_docs as f32) / (1.0 + df)).ln() + 1.0
    }

    /// The document's term counts per space (sorted by term id).
    fn counts(&mut self, terms: &StoryTerms) -> Vectors {
        let mut out: Vectors = Default::default();
        for (k, list) in terms.lists.iter().enumerate() {
            let mut tf: BTreeMap<u32, f32> = BTreeMap::new();
            for t in list {
                let id = self.term_id(t);
                *tf.entry(id).or_default() += 1.0;
            }
            out[k] = tf.into_iter().collect();
        }
        out
    }

    /// Counts the document's terms in the global and its outlet's frequencies.
    fn count_frequencies(&mut self, counts: &Vectors, outlet: Option<&str>) {
        let terms: BTreeSet<u32> = counts.iter().flatten().map(|x| x.0).collect();
        for &t in &terms {
            if let Some(d) = self.df.get_mut(t as usize) {
                *d += 1;
            }
        }
        self.n_docs += 1;
        self.changed.n_docs = true;
        if let Some(o) = outlet {
            let stats = self.outlets.entry(o.to_string()).or_default();
            stats.n += 1;
            for &t in &terms {
                *stats.df.entry(t).or_default() += 1;
            }
            self.changed.outlets.entry(o.to_string()).or_default().extend(terms.iter().copied());
        }
        self.changed.df.extend(terms);
    }

    /// How much a term counts in a document of `outlet`: near 1 for words
    /// spread over outlets, near 0 for the outlet's furniture (in most of its
    /// documents, and most of the term's documents are its).
    fn outlet_weight(&self, outlet: Option<&str>, t: u32) -> f32 {
        let st = &*SETTINGS;
        let Some(stats) = outlet.and_then(|o| self.outlets.get(o)) else { return 1.0 };
        if f64::from(stats.n) < st.story_outlet_min_docs {
            return 1.0;
        }
        let in_outlet = f64::from(stats.df.get(&t).copied().unwrap_or(0));
        let overall = f64::from(self.df.get(t as usize).copied().unwrap_or(0)).max(1.0);
        let furniture = (in_outlet / f64::from(stats.n)) * (in_outlet / overall);
        (1.0 / (1.0 + (furniture / st.story_outlet_furniture).powi(6))) as f32
    }

    /// Length-normalised, outlet-weighted term frequencies.
    fn frequencies(&self, counts: &Vectors, outlet: Option<&str>) -> Vectors {
        let mut out: Vectors = Default::default();
        for k in 0..3 {
            let total: f32 = counts[k].iter().map(|x| x.1).sum();
            if total > 0.0 {
                out[k] = counts[k].iter().map(|&(t, c)| (t, c / total * self.outlet_weight(outlet, t))).collect();
            }
        }
        out
    }

    fn weighted(&self, v: &[(u32, f32)]) -> Vec<(u32, f32)> {
        v.iter().map(|&(t, w)| (t, w * self.idf(t))).collect()
    }

    fn time_factor(&self, s: &StoryState, date: Option<NaiveDate>) -> f64 {
        let st = &*SETTINGS;
        let (Some(d), Some(a), Some(b)) = (date, s.first, s.last) else {
            return st.story_time_floor + (1.0 - st.story_time_floor) * 0.5;
        };
        let gap = if d < a { (a - d).num_days() } else if d > b { (d - b).num_days() } else { 0 };
        st.story_time_floor + (1.0 - st.story_time_floor) * (-(gap as f64) / st.story_time_tau_days).exp()
    }

    /// The content similarity of weighted document vectors to a story.
    fn similarity(&self, dv: &Vectors, s: &StoryState, date: Option<NaiveDate>) -> f64 {
        let st = &*SETTINGS;
        let weights = [st.story_weight_body, st.story_weight_entities, st.story_weight_title];
        let (mut sum, mut wsum) = (0.0, 0.0);
        for k in 0..3 {
            if dv[k].is_empty() {
                continue;
            }
            sum += weights[k] * cosine_scaled(&dv[k], &s.centroid[k], |t| self.idf(t));
            wsum += weights[k];
        }
        if wsum == 0.0 {
            return 0.0;
        }
        (sum / wsum) * self.time_factor(s, date)
    }

    /// The heaviest terms of each space: what the document is looked up by.
    fn query_terms(dv: &Vectors) -> Vec<u32> {
        let mut query: Vec<u32> = Vec::new();
        for k in 0..3 {
            let mut v = dv[k].clone();
            v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            query.extend(v.iter().take(QUERY_TERMS[k]).map(|x| x.0));
        }
        query
    }

    /// The most similar story among those the query terms reach, with its similarity.
    fn best_story(&self, dv: &Vectors, query: &[u32], date: Option<NaiveDate>) -> Option<(u32, f64)> {
        let mut hits: HashMap<u32, usize> = HashMap::new();
        for t in query {
            for &s in self.postings.get(t).map(Vec::as_slice).unwrap_or(&[]) {
                *hits.entry(s).or_default() += 1;
            }
        }
        let mut cands: Vec<(u32, usize)> = hits.into_iter().collect();
        cands.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
        cands.truncate(MAX_CANDIDATES);
        let mut best: Option<(u32, f64)> = None;
        for (s, _) in cands {
            let Some(state) = self.stories.get(s as usize) else { continue };
            let sim = self.similarity(dv, state, date);
            if best.map_or(true, |(bs, b)| sim > b || (sim == b && s < bs)) {
                best = Some((s, sim));
            }
        }
        best
    }

    /// Assigns a document to a story (joining the most similar one above the
    /// threshold, or starting a new one) and returns the story id. Assigning a
    /// document already seen returns its story unchanged. Ids are stable: a
    /// story's id is derived from its first document's id.
    pub fn assign(&mut self, doc: &Document) -> StoryId {
        self.assign_terms(&StoryTerms::of(doc))
    }

    /// [`StoryIndex::assign`] with the document's [`StoryTerms`] computed beforehand.
    pub fn assign_terms(&mut self, terms: &StoryTerms) -> StoryId {
        let doc = &terms.id;
        if let Some(id) = self.story_of(doc) {
            return id;
        }
        let outlet = terms.outlet.as_deref();
        let counts = self.counts(terms);
        // frequencies first, so the document's own terms are known
        self.count_frequencies(&counts, outlet);
        let tf = self.frequencies(&counts, outlet);
        let dv: Vectors = [self.weighted(&tf[0]), self.weighted(&tf[1]), self.weighted(&tf[2])];
        let date = terms.date;
        let query = Self::query_terms(&dv);
        let (si, joined_with) = match self.best_story(&dv, &query, date) {
            Some((s, sim)) if sim >= SETTINGS.story_threshold => (s, sim),
            _ => {
                let id = format!("s:{:016x}", hash64(doc.as_str().as_bytes()));
                self.stories.push(StoryState { id, ..Default::default() });
                ((self.stories.len() - 1) as u32, SETTINGS.story_threshold)
            }
        };
        self.add_to_story(si, terms, &tf, joined_with as f32);
        // postings for the query terms
        for t in query {
            let p = self.postings.entry(t).or_default();
            if !p.contains(&si) {
                p.push(si);
                if p.len() > POSTING_CAP {
                    p.remove(0);
                }
                self.changed.postings.insert(t);
            }
        }
        self.doc_story.insert(doc.clone(), si);
        self.changed.stories.insert(si);
        self.changed.docs.push((doc.clone(), si, self.n_docs - 1));
        self.stories.get(si as usize).map(|s| s.id.clone()).unwrap_or_default()
    }

    fn add_to_story(&mut self, si: u32, terms: &StoryTerms, tf: &Vectors, joined_with: f32) {
        let idfs: HashMap<u32, f32> = {
            let Some(s) = self.stories.get(si as usize) else { return };
            s.centroid.iter().flatten().chain(tf.iter().flatten()).map(|&(t, _)| (t, self.idf(t))).collect()
        };
        let Some(s) = self.stories.get_mut(si as usize) else { return };
        for k in 0..3 {
            s.centroid[k] = add_capped(&s.centroid[k], &tf[k], &idfs, CENTROID_CAP[k]);
        }
        s.docs.push(terms.id.clone());
        if let Some(d) = terms.date {
            s.first = Some(s.first.map_or(d, |f| f.min(d)));
            s.last = Some(s.last.map_or(d, |l| l.max(d)));
        }
        if !terms.label.is_empty() {
            keep_label(&mut s.labels, Label { doc: terms.id.clone(), text: terms.label.clone(), joined_with });
        }
    }

    /// Every story with its title, documents and date span, in creation order.
    pub fn stories(&self) -> Vec<StorySummary> {
        self.stories.iter().map(|s| self.summary(s)).collect()
    }

    /// One story by id.
    pub fn story(&self, id: &str) -> Option<StorySummary> {
        self.stories.iter().find(|s| s.id == id).map(|s| self.summary(s))
    }

    /// The label whose terms best match the story's title-and-lede centroid
    /// (cosine, both weighted by IDF); the earliest on a tie.
    fn central_label<'a>(&self, s: &'a StoryState) -> Option<&'a Label> {
        let centroid = self.weighted(&s.centroid[2]);
        let mut best: Option<(f64, &Label)> = None;
        for label in &s.labels {
            let mut tf: BTreeMap<u32, f32> = BTreeMap::new();
            for w in content_terms(&label.text) {
                if let Some(&id) = self.vocab.get(&format!("{}:{w}", SPACES[2])) {
                    *tf.entry(id).or_default() += self.idf(id);
                }
            }
            let v: Vec<(u32, f32)> = tf.into_iter().collect();
            let score = cosine_sorted(&v, &centroid);
            if best.map_or(true, |(b, _)| score > b) {
                best = Some((score, label));
            }
        }
        best.map(|b| b.1)
    }

    fn summary(&self, s: &StoryState) -> StorySummary {
        StorySummary {
            id: s.id.clone(),
            title: self.central_label(s).map(|l| l.text.clone()).unwrap_or_default(),
            documents: s.docs.clone(),
            from: s.first,
            to: s.last,
        }
    }
}

impl StoryIndex {
    /// The rows of the entries changed since the last call (persist them with
    /// the documents whose assignment changed them).
    pub fn take_rows(&mut self) -> Vec<StateRow> {
        let changed = std::mem::take(&mut self.changed);
        let mut rows = Vec::new();
        for (id, term) in changed.terms {
            rows.push(StateRow::new(VOCAB, term, &id));
        }
        for t in changed.df {
            rows.push(StateRow::new(DF, t.to_string(), &self.df.get(t as usize).copied().unwrap_or(0)));
        }
        if changed.n_docs {
            rows.push(StateRow::new(N_DOCS, "", &self.n_docs));
        }
        for si in changed.stories {
            let Some(s) = self.stories.get(si as usize) else { continue };
            rows.push(StateRow::new(STORY, si.to_string(), &StoryRow::of(s)));
        }
        for (doc, si, seq) in changed.docs {
            rows.push(StateRow::new(MEMBER, doc.as_str(), &(si, seq)));
        }
        for t in changed.postings {
            rows.push(StateRow::new(POSTING, t.to_string(), &self.postings.get(&t).cloned().unwrap_or_default()));
        }
        for (o, terms) in changed.outlets {
            let Some(stats) = self.outlets.get(&o) else { continue };
            rows.push(StateRow::new(OUTLET, o.clone(), &stats.n));
            for t in terms {
                rows.push(StateRow::new(OUTLET_DF, format!("{o}\t{t}"), &stats.df.get(&t).copied().unwrap_or(0)));
            }
        }
        rows
    }

    /// Every row of the index (to migrate an index read from its serde form).
    pub fn all_rows(&mut self) -> Vec<StateRow> {
        let mut terms: Vec<(u32, String)> = self.vocab.iter().map(|(t, &i)| (i, t.clone())).collect();
        terms.sort();
        let mut docs = Vec::new();
        for (si, s) in self.stories.iter().enumerate() {
            docs.extend(s.docs.iter().map(|d| (d.clone(), si as u32)));
        }
        self.changed = Changed {
            terms,
            df: (0..self.df.len() as u32).collect(),
            n_docs: true,
            stories: (0..self.stories.len() as u32).collect(),
            postings: self.postings.keys().copied().collect(),
            outlets: self.outlets.iter().map(|(o, s)| (o.clone(), s.df.keys().copied().collect())).collect(),
            docs: docs.into_iter().enumerate().map(|(seq, (d, si))| (d, si, seq as u32)).collect(),
        };
        self.take_rows()
    }

    /// Rebuilds the index from its rows (`space`, `key`, `value`), in any order.
    pub fn from_rows<'a>(rows: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Result<StoryIndex, LinkError> {
        let mut ix = StoryIndex::default();
        ix.apply_rows(rows)?;
        Ok(ix)
    }

    /// Brings the index up to date with rows another writer wrote since it was
    /// read: each row replaces its entry (a story keeps its members), and
    /// members not held yet join their stories in order of assignment. An error
    /// means the rows do not continue this index (a member held in another story): read it whole.
    pub fn apply_rows<'a>(&mut self, rows: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Result<(), LinkError> {
        let mut members: Vec<(u32, u32, DocId)> = Vec::new();
        for (space, key, value) in rows {
            let held = match space {
                STORY => self.stories.get_mut(state::number_key::<usize>(space, key)?).map(|s| std::mem::take(&mut s.docs)),
                _ => None,
            };
            self.load_row(space, key, value, &mut members)?;
            if let Some(docs) = held {
                let si: usize = state::number_key(space, key)?;
                self.stories[si].docs = docs;
            }
        }
        if self.vocab.len() != self.df.len() || self.stories.iter().any(|s| s.id.is_empty()) {
            return Err(state::bad("story", "", "terms or stories are missing"));
        }
        let mut fresh = Vec::with_capacity(members.len());
        for (seq, si, doc) in members {
            match self.doc_story.get(&doc) {
                Some(&held) if held == si => {}
                Some(_) => return Err(state::bad(MEMBER, doc.as_str(), "held in another story")),
                None => fresh.push((seq, si, doc)),
            }
        }
        self.attach(fresh)
    }

    /// Reads one row into the index; story members wait in `members` for [`StoryIndex::attach`].
    fn load_row(&mut self, space: &str, key: &str, value: &str, members: &mut Vec<(u32, u32, DocId)>) -> Result<(), LinkError> {
        match space {
            VOCAB => {
                self.vocab.insert(key.to_string(), state::decode(space, key, value)?);
            }
            DF => {
                let t: usize = state::number_key(space, key)?;
                if t >= self.df.len() {
                    self.df.resize(t + 1, 0);
                }
                self.df[t] = state::decode(space, key, value)?;
            }
            N_DOCS => self.n_docs = state::decode(space, key, value)?,
            STORY => {
                let si: usize = state::number_key(space, key)?;
                let row: StoryRow = state::decode(space, key, value)?;
                if si >= self.stories.len() {
                    self.stories.resize_with(si + 1, StoryState::default);
                }
                self.stories[si] = row.into_state();
            }
            MEMBER => {
                let (si, seq): (u32, u32) = state::decode(space, key, value)?;
                members.push((seq, si, DocId::parse(key)));
            }
            POSTING => {
                self.postings.insert(state::number_key(space, key)?, state::decode(space, key, value)?);
            }
            OUTLET => self.outlets.entry(key.to_string()).or_default().n = state::decode(space, key, value)?,
            OUTLET_DF => {
                let (o, t) = key.rsplit_once('\t').ok_or_else(|| state::bad(space, key, "no term"))?;
                let count = state::decode(space, key, value)?;
                self.outlets.entry(o.to_string()).or_default().df.insert(state::number_key(space, t)?, count);
            }
            _ => {}
        }
        Ok(())
    }

    /// Puts the members read by [`StoryIndex::load_row`] into their stories, in order of assignment.
    fn attach(&mut self, mut members: Vec<(u32, u32, DocId)>) -> Result<(), LinkError> {
        members.sort();
        for (_, si, doc) in members {
            let story = self.stories.get_mut(si as usize).ok_or_else(|| state::bad(MEMBER, doc.as_str(), "no such story"))?;
            story.docs.push(doc.clone());
            self.doc_story.insert(doc, si);
        }
        Ok(())
    }
}

/// The stories' summaries ([`StoryIndex::stories`], the same values) from the few
/// entries they read, for the views: the stories (`story.story`), their members
/// (`story.doc`), the document count (`story.n_docs`), and of the vocabulary only the
/// terms of the stories' labels and of their title centroids, where the whole index
/// also holds every term's postings and each outlet's frequencies. Steps: [`new`],
/// then the rows of [`vocab_keys`] to [`add_vocab`], then the rows of the keys that
/// returns to [`add_df`], then [`stories`].
///
/// [`new`]: StorySummaries::new
/// [`vocab_keys`]: StorySummaries::vocab_keys
/// [`add_vocab`]: StorySummaries::add_vocab
/// [`add_df`]: StorySummaries::add_df
/// [`stories`]: StorySummaries::stories
pub struct StorySummaries {
    ix: StoryIndex,
}

/// The `story.*` spaces [`StorySummaries::new`] reads whole.
pub const SUMMARY_SPACES: [&str; 3] = [STORY, MEMBER, N_DOCS];
/// The space of the rows [`StorySummaries::vocab_keys`] names.
pub const VOCAB_SPACE: &str = VOCAB;
/// The space of the rows [`StorySummaries::add_vocab`] names.
pub const DF_SPACE: &str = DF;

impl StorySummaries {
    /// From the rows of the [`SUMMARY_SPACES`] (other rows are ignored).
    pub fn new<'a>(rows: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Result<StorySummaries, LinkError> {
        let mut ix = StoryIndex::default();
        let mut members = Vec::new();
        for (space, key, value) in rows.into_iter().filter(|(space, _, _)| SUMMARY_SPACES.contains(space)) {
            ix.load_row(space, key, value, &mut members)?;
        }
        if ix.stories.iter().any(|s| s.id.is_empty()) {
            return Err(state::bad("story", "", "stories are missing"));
        }
        ix.attach(members)?;
        Ok(StorySummaries { ix })
    }

    /// The keys of the vocabulary rows the titles look up (`story.vocab`): the terms of every label.
    pub fn vocab_keys(&self) -> Vec<String> {
        let keys: BTreeSet<String> = self
            .ix
            .stories
            .iter()
            .flat_map(|s| &s.labels)
            .flat_map(|l| content_terms(&l.text))
            .map(|w| format!("{}:{w}", SPACES[2]))
            .collect();
        keys.into_iter().collect()
    }

    /// Adds the vocabulary rows; returns the keys of the document-frequency rows
    /// (`story.df`) the titles weigh by: the label terms found and every title centroid's terms.
    pub fn add_vocab<'a>(&mut self, rows: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Result<Vec<String>, LinkError> {
        let mut members = Vec::new();
        for (space, key, value) in rows.into_iter().filter(|(space, _, _)| *space == VOCAB) {
            self.ix.load_row(space, key, value, &mut members)?;
        }
        let terms: BTreeSet<u32> =
            self.ix.vocab.values().copied().chain(self.ix.stories.iter().flat_map(|s| s.centroid[2].iter().map(|&(t, _)| t))).collect();
        Ok(terms.into_iter().map(|t| t.to_string()).collect())
    }

    /// Adds the document-frequency rows.
    pub fn add_df<'a>(&mut self, rows: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Result<(), LinkError> {
        let mut members = Vec::new();
        for (space, key, value) in rows.into_iter().filter(|(space, _, _)| *space == DF) {
            self.ix.load_row(space, key, value, &mut members)?;
        }
        Ok(())
    }

    /// Every story with its title, documents and date span, in creation order: what
    /// [`StoryIndex::stories`] gives over the whole index.
    pub fn stories(&self) -> Vec<StorySummary> {
        self.ix.stories()
    }
}

/// `centroid + add`, pruned to the `cap` heaviest entries by IDF weight, sorted by term.
fn add_capped(centroid: &[(u32, f32)], add: &[(u32, f32)], idfs: &HashMap<u32, f32>, cap: usize) -> Vec<(u32, f32)> {
    let mut m: BTreeMap<u32, f32> = centroid.iter().copied().collect();
    for &(t, w) in add {
        *m.entry(t).or_default() += w;
    }
    let mut v: Vec<(u32, f32)> = m.into_iter().collect();
    if v.len() > cap {
        let weight = |x: &(u32, f32)| x.1 * idfs.get(&x.0).copied().unwrap_or(1.0);
        v.sort_by(|a, b| weight(b).total_cmp(&weight(a)).then(a.0.cmp(&b.0)));
        v.truncate(cap);
        v.sort_by_key(|x| x.0);
    }
    v
}

/// Keeps the labels of the members that joined most strongly: a new label
/// replaces the weakest one when the list is full and it joined more strongly.
fn keep_label(labels: &mut Vec<Label>, label: Label) {
    if labels.len() < LABEL_CAP {
        labels.push(label);
        return;
    }
    let weakest = labels
        .iter()
        .enumerate()
        .min_by(|a, b| a.1.joined_with.total_cmp(&b.1.joined_with).then(b.0.cmp(&a.0)))
        .map(|(i, l)| (i, l.joined_with));
    if let Some((i, w)) = weakest {
        if label.joined_with > w {
            labels[i] = label;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_core::{InputFormat, Metadata, UncertainDate};

    pub(crate) fn doc(id: &str, title: &str, body: &str, date: &str) -> Document {
        let mut meta = Metadata { title: Some(title.to_string()), ..Default::default() };
        meta.published.date = UncertainDate::parse_value(date).unwrap();
        Document::new(DocId::parse(id), id.into(), InputFormat::Text, Vec::new(), body.into(), body.into(), meta)
    }

    const TALKS1: &str = "Ukrainian and Russian delegations met in Istanbul for their first direct peace talks in three years. \
        The Ukrainian delegation was led by Defence Minister Rustem Umerov, while Vladimir Medinsky headed the Russian side. \
        The talks lasted less than two hours and ended with an agreement to exchange prisoners of war.";
    const TALKS2: &str = "Russia and Ukraine held their first direct peace talks since 2022 in Istanbul on Friday. \
        Negotiators agreed a large exchange of prisoners of war, Defence Minister Rustem Umerov said after the meeting with Vladimir Medinsky. \
        The Russian delegation demanded a Ukrainian withdrawal from four regions.";
    const FLOOD: &str = "Heavy monsoon rain flooded villages across Bangladesh, forcing thousands of families from their homes. \
        Rescue workers used boats to reach people stranded on rooftops near Sylhet, and officials said crops had been destroyed. \
        Forecasters expect more rain across the delta this week.";

    #[test]
    fn same_story_clusters_and_unrelated_does_not() {
        let mut ix = StoryIndex::new();
        let a = ix.assign(&doc("a", "Russia and Ukraine hold first direct talks in Istanbul", TALKS1, "2025-05-16"));
        let f = ix.assign(&doc("f", "Floods force thousands from homes in Bangladesh", FLOOD, "2025-05-16"));
        let b = ix.assign(&doc("b", "Istanbul talks: prisoners of war to be exchanged", TALKS2, "2025-05-16"));
        assert!(a.starts_with("s:") && a.len() == 18);
        assert_eq!(a, b, "two reports of the same talks share a story");
        assert_ne!(a, f, "an unrelated article starts its own story");
        let stories = ix.stories();
        assert_eq!(stories.len(), 2);
        let s = stories.iter().find(|s| s.id == a).unwrap();
        assert_eq!(s.documents.len(), 2);
        assert_eq!(s.from, NaiveDate::from_ymd_opt(2025, 5, 16));
        assert!(!s.title.is_empty());
    }

    #[test]
    fn terms_computed_ahead_assign_as_the_documents_do() {
        let docs = [
            doc("a", "Russia and Ukraine hold first direct talks in Istanbul", TALKS1, "2025-05-16"),
            doc("f", "Floods force thousands from homes in Bangladesh", FLOOD, "2025-05-16"),
            doc("b", "Istanbul talks: prisoners of war to be exchanged", TALKS2, "2025-05-17"),
        ];
        let terms: Vec<StoryTerms> = docs.iter().map(StoryTerms::of).collect();
        let mut direct = StoryIndex::new();
        let mut ahead = StoryIndex::new();
        for (d, t) in docs.iter().zip(&terms) {
            assert_eq!(ahead.assign_terms(t), direct.assign(d));
        }
        assert_eq!(ahead.story_of(&DocId::parse("a")), ahead.story_of(&DocId::parse("b")));
        assert_eq!(ahead.stories(), direct.stories());
        assert_eq!(ahead.take_rows(), direct.take_rows());
    }

    #[test]
    fn two_writers_catching_up_on_each_other_link_as_one() {
        let mut docs = Vec::new();
        for (i, (title, body, outlet)) in [
            ("Russia and Ukraine hold first direct talks in Istanbul", TALKS1, "Wire"),
            ("Floods force thousands from homes in Bangladesh", FLOOD, "Daily Star"),
            ("Istanbul talks: prisoners of war to be exchanged", TALKS2, "Wire"),
            ("Prisoner exchange agreed at Istanbul talks", TALKS2, "Post"),
            ("Bangladesh floods: aid arrives", FLOOD, "Post"),
        ]
        .into_iter()
        .enumerate()
        {
            let mut d = doc(&format!("d{i}"), title, body, &format!("2025-05-1{i}"));
            d.meta.outlet = Some(outlet.into());
            docs.push(d);
        }
        let rows_of = crate::state::latest;
        let mut one = StoryIndex::new();
        let assigned: Vec<StoryId> = docs.iter().map(|d| one.assign(d)).collect();
        let whole = rows_of(&one.take_rows());
        for batch in [1, 2] {
            let mut writers = [StoryIndex::new(), StoryIndex::new()];
            let mut store = crate::state::TwoWriters::default();
            let mut got = Vec::new();
            for (b, chunk) in docs.chunks(batch).enumerate() {
                let w = b % 2;
                let missed = store.missed(w);
                writers[w].apply_rows(missed.iter().map(|(s, k, v)| (s.as_str(), k.as_str(), v.as_str()))).unwrap();
                got.extend(chunk.iter().map(|d| writers[w].assign(d)));
                store.wrote(w, writers[w].take_rows());
            }
            assert_eq!(got, assigned, "batch {batch}");
            assert_eq!(store.all(), whole, "batch {batch}");
            // the writer whose turn is next, caught up, holds the one writer's index
            let w = docs.chunks(batch).count() % 2;
            let missed = store.missed(w);
            writers[w].apply_rows(missed.iter().map(|(s, k, v)| (s.as_str(), k.as_str(), v.as_str()))).unwrap();
            assert_eq!(writers[w], one, "batch {batch}");
        }
        // a member the held index keeps in another story does not continue it
        let moved = format!("[{},99]", one.stories().len());
        let mut held = one.clone();
        let first = docs[0].id.as_str().to_string();
        let bad = [(STORY, &*one.stories().len().to_string(), &*serde_json::to_string(&StoryRow::of(&held.stories[0])).unwrap()), (MEMBER, first.as_str(), moved.as_str())];
        assert!(held.apply_rows(bad.iter().map(|(s, k, v)| (*s, *k, *v))).is_err());
    }

    #[test]
    fn index_rebuilt_from_its_rows_equals_the_index_and_links_alike() {
        let docs = [
            ("a", "Russia and Ukraine hold first direct talks in Istanbul", TALKS1),
            ("f", "Floods force thousands from homes in Bangladesh", FLOOD),
            ("b", "Istanbul talks: prisoners of war to be exchanged", TALKS2),
        ];
        let mut ix = StoryIndex::new();
        let mut rows = Vec::new();
        for (id, title, body) in docs {
            let mut d = doc(id, title, body, "2025-05-16");
            d.meta.outlet = Some(if id == "f" { "Daily Star" } else { "Wire" }.into());
            ix.assign(&d);
            rows.extend(ix.take_rows());
        }
        assert!(ix.take_rows().is_empty(), "rows are taken once");
        // later rows of an entry replace earlier ones, as the store's upsert does
        let mut latest: BTreeMap<(&str, &str), &str> = BTreeMap::new();
        for r in &rows {
            latest.insert((r.space, r.key.as_str()), r.value.as_str());
        }
        let mut back = StoryIndex::from_rows(latest.iter().map(|(k, v)| (k.0, k.1, *v))).unwrap();
        assert_eq!(back, ix);
        assert_eq!(back.stories(), ix.stories());
        // the rebuilt index links the next document as the original does
        let next = doc("c", "Prisoner exchange agreed at Istanbul talks", TALKS2, "2025-05-17");
        assert_eq!(back.assign(&next), ix.assign(&next));
        assert_eq!(back.take_rows(), ix.take_rows());
        // the serde form (old stores) migrates to rows that rebuild it
        let mut old: StoryIndex = serde_json::from_str(&serde_json::to_string(&ix).unwrap()).unwrap();
        let all = old.all_rows();
        assert_eq!(StoryIndex::from_rows(all.iter().map(|r| (r.space, r.key.as_str(), r.value.as_str()))).unwrap(), ix);
        // a member of a story that is not there is an error
        let orphan = [(MEMBER, "d:x", "[7,0]")];
        assert!(matches!(StoryIndex::from_rows(orphan), Err(LinkError::BadState { .. })));
    }

    #[test]
    fn assignment_is_incremental_and_ids_are_stable() {
        let mut ix = StoryIndex::new();
        let a = ix.assign(&doc("a", "Russia and Ukraine hold first direct talks in Istanbul", TALKS1, "2025-05-16"));
        // persist and reload, then continue: same ids, no recompute
        let json = serde_json::to_string(&ix).unwrap();
        let mut back: StoryIndex = serde_json::from_str(&json).unwrap();
        let b = back.assign(&doc("b", "Istanbul talks: prisoners of war to be exchanged", TALKS2, "2025-05-16"));
        assert_eq!(a, b);
        assert_eq!(back.assign(&doc("a", "x", TALKS1, "2025-05-16")), a, "re-assigning is idempotent");
        assert_eq!(back.len(), 2);
        // a fresh index fed the same first document gives the same id
        let mut fresh = StoryIndex::new();
        assert_eq!(fresh.assign(&doc("a", "t", TALKS1, "2025-05-16")), a);
        assert_eq!(back.story_of(&DocId::parse("b")), Some(a));
    }

    #[test]
    fn demo_articles_about_the_istanbul_rounds_form_one_story() {
        let files = [
            (include_str!("../../../examples/istanbul-talks/000_dc37043c5ad9ffed.txt"), "2025-05-16"),
            (include_str!("../../../examples/istanbul-talks/001_c2f305a5063d9f21.txt"), "2025-05-16"),
            (include_str!("../../../examples/istanbul-talks/003_1ab1a1e8cfb25cf6.txt"), "2025-05-17"),
            (include_str!("../../../examples/istanbul-talks/004_b279f3c4a7ccf51b.txt"), "2025-06-02"),
            (include_str!("../../../examples/istanbul-talks/002_47f190533f14312e.txt"), "2025-07-23"),
        ];
        let mut ix = StoryIndex::new();
        let ids: Vec<StoryId> = files
            .iter()
            .enumerate()
            .map(|(i, (text, date))| {
                // what the cleaner keeps: the article before the glued-on link list
                let text = text.split("Related Articles").next().unwrap_or(text);
                let title = text.lines().map(str::trim).find(|l| l.len() > 20).unwrap_or("").to_string();
                ix.assign(&doc(&format!("demo{i}"), &title, text, date))
            })
            .collect();
        assert!(ids.iter().all(|s| s == &ids[0]), "{ids:?}");
        let flood = ix.assign(&doc("flood", "Floods force thousands from homes in Bangladesh", FLOOD, "2025-06-02"));
        assert_ne!(flood, ids[0]);
    }

    fn with_outlet(mut d: Document, outlet: &str) -> Document {
        d.meta.outlet = Some(outlet.to_string());
        d
    }

    /// Two outlets, each closing every page with its own furniture (sign-off,
    /// menu, copyright), and two topics covered by both: stories follow the
    /// topics once the outlets' furniture is known.
    #[test]
    fn outlet_furniture_and_names_do_not_make_stories() {
        let furniture = [
            ("Harbour Courier", "Harbour Courier newsroom: subscribe newsletter podcasts crosswords weather obituaries classifieds. Copyright Harbour Courier Media Group, reporting desk Halvorsen Pilkington Okonkwo."),
            ("Valley Wire", "Valley Wire service: editing Tremblay Nakamura, graphics desk, licensing syndication archive. Follow Valley Wire on every platform, app downloads and alerts."),
        ];
        let topics = [
            ("Dam talks", "Engineers and ministers of Ostravia and Belmark met again over the shared reservoir dam. The dam's spillway quotas, turbine output and downstream irrigation were discussed by the reservoir commission."),
            ("Locust swarm", "Locust swarms stripped millet and sorghum fields across the Sahelian plateau. Farmers burned tyres to drive the insects away while agronomists sprayed pesticide from light aircraft."),
        ];
        let mut ix = StoryIndex::new();
        // each outlet's earlier pages, on subjects of their own, teach the index its furniture
        for i in 0..24 {
            let (outlet, chrome) = furniture[i % 2];
            let own: Vec<String> = (0..14).map(|j| format!("subject{i}word{j}")).collect();
            let body = format!("{}. {chrome}", own.join(" "));
            ix.assign(&with_outlet(doc(&format!("early{i}"), &own[..3].join(" "), &body, "2030-03-01"), outlet));
        }
        let mut pages: Vec<(usize, StoryId)> = Vec::new();
        for i in 0..16 {
            let (outlet, chrome) = furniture[i % 2];
            let t = (i / 2) % 2;
            let (title, text) = topics[t];
            let body = format!("{text} {chrome}");
            pages.push((t, ix.assign(&with_outlet(doc(&format!("p{i}"), title, &body, "2030-03-02"), outlet))));
        }
        for (t, s) in &pages {
            for (u, r) in &pages {
                assert_eq!(t == u, s == r, "pages share a story exactly when their topics agree: {pages:?}");
            }
        }
        // the outlet's own name is no term of its pages
        assert!(!ix.vocab.contains_key("b:harbour") && !ix.vocab.contains_key("b:wire"));
    }

    #[test]
    fn a_story_is_named_by_its_central_label_and_dated_by_publication() {
        let mut ix = StoryIndex::new();
        let stray = "U.S. Northeast digs out from blizzard";
        let a = ix.assign(&doc("a", stray, &format!("{TALKS1} The first talks were held here in 1922."), "2025-05-15"));
        let b = ix.assign(&doc("b", "Russia and Ukraine hold first direct talks in Istanbul", TALKS2, "2025-05-16"));
        let c = ix.assign(&doc("c", "Istanbul talks end with prisoner exchange deal", TALKS1, "2025-05-18"));
        assert!(a == b && b == c);
        let s = ix.story(&a).unwrap();
        assert_ne!(s.title, stray, "a stray title does not name the story");
        assert_eq!((s.from, s.to), (NaiveDate::from_ymd_opt(2025, 5, 15), NaiveDate::from_ymd_opt(2025, 5, 18)), "never 1922");
    }

    #[test]
    fn capitalised_runs_skip_sentence_openers() {
        let runs = capitalised_runs("Talks began. The delegation met Vladimir Medinsky in Istanbul today.");
        assert!(runs.contains(&"vladimir medinsky".to_string()));
        assert!(runs.contains(&"istanbul".to_string()));
        assert!(!runs.iter().any(|r| r.contains("talks")));
    }
}
