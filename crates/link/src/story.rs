//! Online story clustering (after Miranda et al. 2018, "Multilingual
//! clustering of streaming news").
//!
//! Each document becomes three sparse TF-IDF vectors — body tokens, entities
//! (mention canonicals and KB ids; capitalised word runs when the document has
//! no mention layer) and title tokens — with IDF from the document frequencies
//! seen so far. A story keeps a capped centroid (the summed, length-normalised
//! term frequencies of its documents, pruned to the heaviest terms). A new
//! document is compared only with the stories an inverted index (term →
//! recent stories, capped) returns for its heaviest terms; the similarity is a
//! weighted sum of the three cosines times a time factor that decays with the
//! gap between the document's date and the story's date span. Above the
//! threshold it joins the best story, otherwise it starts a new one. Adding a
//! document touches one story and a few postings: nothing is recomputed.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use chronicle_core::{DocId, Document};
use serde::{Deserialize, Serialize};

use crate::settings::SETTINGS;
use crate::text::{content_terms, cosine_sorted, fold, hash64, is_stopword, stem};

/// A story id: `s:` plus 16 hex digits.
pub type StoryId = String;

/// Feature spaces, used as term prefixes.
const SPACES: [char; 3] = ['b', 'e', 't'];
/// Centroid entries kept per space.
const CENTROID_CAP: [usize; 3] = [120, 40, 30];
/// Query terms taken from the document per space.
const QUERY_TERMS: [usize; 3] = [12, 8, 6];
/// Stories kept per posting list (most recent).
const POSTING_CAP: usize = 48;
/// Candidate stories scored per document.
const MAX_CANDIDATES: usize = 60;
/// Titles kept per story for choosing the most central one.
const TITLE_CAP: usize = 24;

/// One story as the index knows it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct StoryState {
    id: StoryId,
    docs: Vec<DocId>,
    /// Summed normalised term frequencies, per space, sorted by term id.
    centroid: [Vec<(u32, f32)>; 3],
    /// Publication span of its documents.
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    /// Event-date span (falls back to publication dates).
    event_first: Option<NaiveDate>,
    event_last: Option<NaiveDate>,
    titles: Vec<(DocId, String)>,
    /// Opening words of the first document, when no title is known.
    fallback_title: String,
}

/// A story for display.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StorySummary {
    /// `s:…`.
    pub id: StoryId,
    /// The title of its most central document (the one whose title best
    /// matches the story's title terms), else the opening words of its first.
    pub title: String,
    /// Its documents in the order they joined.
    pub documents: Vec<DocId>,
    /// Earliest event (or publication) date.
    pub from: Option<NaiveDate>,
    /// Latest event (or publication) date.
    pub to: Option<NaiveDate>,
}

/// The incremental story index: plain serde data the pipeline persists.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct StoryIndex {
    vocab: HashMap<String, u32>,
    df: Vec<u32>,
    n_docs: u32,
    stories: Vec<StoryState>,
    /// term → stories (indices), most recent last.
    postings: HashMap<u32, Vec<u32>>,
    doc_story: HashMap<DocId, u32>,
}

/// The publication date of a document, else the middle of its dated events.
pub fn doc_date(doc: &Document) -> Option<NaiveDate> {
    doc.meta.published.date.sort_key().or_else(|| event_dates(doc).first().copied())
}

fn event_dates(doc: &Document) -> Vec<NaiveDate> {
    let mut ds: Vec<NaiveDate> = doc.events.iter().filter_map(|e| e.date.exact_day()).collect();
    ds.sort();
    ds
}

/// Entity terms of a document: KB ids and folded canonicals of its mentions;
/// capitalised word runs not opening a sentence when it has no mentions.
fn entity_terms(doc: &Document) -> Vec<String> {
    if !doc.mentions.is_empty() {
        let mut out = Vec::new();
        for m in &doc.mentions {
            match &m.kb_id {
                Some(k) if !k.is_empty() => out.push(format!("kb:{k}")),
                _ => out.push(fold(m.canonical.trim())),
            }
        }
        return out;
    }
    capitalised_runs(doc.body())
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
        i
    }

    fn idf(&self, t: u32) -> f32 {
        let df = self.df.get(t as usize).copied().unwrap_or(0) as f32;
        ((1.0 + self.n_docs as f32) / (1.0 + df)).ln() + 1.0
    }

    /// The document's normalised term frequencies per space (sorted by term id).
    fn features(&mut self, doc: &Document) -> [Vec<(u32, f32)>; 3] {
        let title = title_of(doc).unwrap_or_default();
        let body_terms = content_terms(doc.body());
        let ent_terms = entity_terms(doc);
        let title_terms = content_terms(&title);
        let lists = [body_terms, ent_terms, title_terms];
        let mut out: [Vec<(u32, f32)>; 3] = Default::default();
        for (k, terms) in lists.iter().enumerate() {
            let mut tf: BTreeMap<u32, f32> = BTreeMap::new();
            for t in terms {
                let id = self.term_id(&format!("{}:{}", SPACES[k], t));
                *tf.entry(id).or_default() += 1.0;
            }
            let total: f32 = tf.values().sum();
            if total > 0.0 {
                out[k] = tf.into_iter().map(|(t, v)| (t, v / total)).collect();
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
    fn similarity(&self, dv: &[Vec<(u32, f32)>; 3], s: &StoryState, date: Option<NaiveDate>) -> f64 {
        let st = &*SETTINGS;
        let weights = [st.story_weight_body, st.story_weight_entities, st.story_weight_title];
        let (mut sum, mut wsum) = (0.0, 0.0);
        for k in 0..3 {
            if dv[k].is_empty() {
                continue;
            }
            let c = self.weighted(&s.centroid[k]);
            sum += weights[k] * cosine_sorted(&dv[k], &c);
            wsum += weights[k];
        }
        if wsum == 0.0 {
            return 0.0;
        }
        (sum / wsum) * self.time_factor(s, date)
    }

    /// Assigns a document to a story (joining the most similar one above the
    /// threshold, or starting a new one) and returns the story id. Assigning a
    /// document already seen returns its story unchanged. Ids are stable: a
    /// story's id is derived from its first document's id.
    pub fn assign(&mut self, doc: &Document) -> StoryId {
        if let Some(id) = self.story_of(&doc.id) {
            return id;
        }
        let tf = self.features(doc);
        // update document frequencies first, so the doc's own terms are known
        for space in &tf {
            for &(t, _) in space {
                if let Some(d) = self.df.get_mut(t as usize) {
                    *d += 1;
                }
            }
        }
        self.n_docs += 1;
        let dv: [Vec<(u32, f32)>; 3] = [self.weighted(&tf[0]), self.weighted(&tf[1]), self.weighted(&tf[2])];
        let date = doc_date(doc);
        // query terms: the heaviest of each space
        let mut query: Vec<u32> = Vec::new();
        for k in 0..3 {
            let mut v = dv[k].clone();
            v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            query.extend(v.iter().take(QUERY_TERMS[k]).map(|x| x.0));
        }
        let mut hits: HashMap<u32, usize> = HashMap::new();
        for t in &query {
            if let Some(p) = self.postings.get(t) {
                for &s in p {
                    *hits.entry(s).or_default() += 1;
                }
            }
        }
        let mut cands: Vec<(u32, usize)> = hits.into_iter().collect();
        cands.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
        cands.truncate(MAX_CANDIDATES);
        let mut best: Option<(u32, f64)> = None;
        for (s, _) in cands {
            let Some(state) = self.stories.get(s as usize) else { continue };
            let sim = self.similarity(&dv, state, date);
            if best.map_or(true, |(bs, b)| sim > b || (sim == b && s < bs)) {
                best = Some((s, sim));
            }
        }
        let si = match best {
            Some((s, sim)) if sim >= SETTINGS.story_threshold => s,
            _ => {
                let id = format!("s:{:016x}", hash64(doc.id.as_str().as_bytes()));
                let fallback: String = doc.body().split_whitespace().take(12).collect::<Vec<_>>().join(" ");
                self.stories.push(StoryState { id, fallback_title: fallback, ..Default::default() });
                (self.stories.len() - 1) as u32
            }
        };
        self.add_to_story(si, doc, &tf, date);
        // postings for the query terms
        for t in query {
            let p = self.postings.entry(t).or_default();
            if !p.contains(&si) {
                p.push(si);
                if p.len() > POSTING_CAP {
                    p.remove(0);
                }
            }
        }
        self.doc_story.insert(doc.id.clone(), si);
        self.stories.get(si as usize).map(|s| s.id.clone()).unwrap_or_default()
    }

    fn add_to_story(&mut self, si: u32, doc: &Document, tf: &[Vec<(u32, f32)>; 3], date: Option<NaiveDate>) {
        let idfs: HashMap<u32, f32> = {
            let Some(s) = self.stories.get(si as usize) else { return };
            s.centroid.iter().flatten().chain(tf.iter().flatten()).map(|&(t, _)| (t, self.idf(t))).collect()
        };
        let Some(s) = self.stories.get_mut(si as usize) else { return };
        for k in 0..3 {
            let mut m: BTreeMap<u32, f32> = s.centroid[k].iter().copied().collect();
            for &(t, w) in &tf[k] {
                *m.entry(t).or_default() += w;
            }
            let mut v: Vec<(u32, f32)> = m.into_iter().collect();
            if v.len() > CENTROID_CAP[k] {
                v.sort_by(|a, b| {
                    let wa = a.1 * idfs.get(&a.0).copied().unwrap_or(1.0);
                    let wb = b.1 * idfs.get(&b.0).copied().unwrap_or(1.0);
                    wb.total_cmp(&wa).then(a.0.cmp(&b.0))
                });
                v.truncate(CENTROID_CAP[k]);
                v.sort_by_key(|x| x.0);
            }
            s.centroid[k] = v;
        }
        s.docs.push(doc.id.clone());
        if let Some(d) = date {
            s.first = Some(s.first.map_or(d, |f| f.min(d)));
            s.last = Some(s.last.map_or(d, |l| l.max(d)));
        }
        let evs = event_dates(doc);
        for d in evs.iter().copied().chain(if evs.is_empty() { date } else { None }) {
            s.event_first = Some(s.event_first.map_or(d, |f| f.min(d)));
            s.event_last = Some(s.event_last.map_or(d, |l| l.max(d)));
        }
        if let Some(t) = title_of(doc) {
            if s.titles.len() < TITLE_CAP {
                s.titles.push((doc.id.clone(), t));
            }
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

    fn summary(&self, s: &StoryState) -> StorySummary {
        // most central title: highest mean centroid weight of its terms
        let weights: HashMap<u32, f32> = s.centroid[2].iter().map(|&(t, w)| (t, w * self.idf(t))).collect();
        let mut best: Option<(f32, &str)> = None;
        for (_, t) in &s.titles {
            let terms = content_terms(t);
            if terms.is_empty() {
                continue;
            }
            let score: f32 = terms
                .iter()
                .filter_map(|w| self.vocab.get(&format!("t:{}", stem(w))).and_then(|id| weights.get(id)))
                .sum::<f32>()
                / (terms.len() as f32).sqrt();
            if best.map_or(true, |(b, _)| score > b) {
                best = Some((score, t));
            }
        }
        StorySummary {
            id: s.id.clone(),
            title: best.map(|(_, t)| t.to_string()).unwrap_or_else(|| s.fallback_title.clone()),
            documents: s.docs.clone(),
            from: s.event_first.or(s.first),
            to: s.event_last.or(s.last),
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

    #[test]
    fn capitalised_runs_skip_sentence_openers() {
        let runs = capitalised_runs("Talks began. The delegation met Vladimir Medinsky in Istanbul today.");
        assert!(runs.contains(&"vladimir medinsky".to_string()));
        assert!(runs.contains(&"istanbul".to_string()));
        assert!(!runs.iter().any(|r| r.contains("talks")));
    }
}
