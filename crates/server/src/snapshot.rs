//! The in-memory read model: everything the API lists, built once from the
//! store at start-up (and again after an ingest), so that requests never scan
//! the store. Offsets on the wire are character offsets into the body.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use chronicle_core::{CharOffsets, DocId, Document, EventArg, Span, UncertainDate};
use chronicle_events::positions::{positions, Position};
use chronicle_link::coref::MergedEvent;
use chronicle_link::entities::{canonicalise, CanonicalEntity};
use chronicle_link::brief::brief;
use chronicle_link::story::{StoryIndex, StorySummary};
use chronicle_link::timeline::date_text;
use chronicle_store::Store;
use serde::Serialize;

use crate::search::SearchIndex;
use crate::ServerError;

/// Events whose possible days span at most this many days set a story's span.
const PRECISE_DAYS: i64 = 45;

/// An uncertain date on the wire.
#[derive(Clone, Debug, Serialize)]
pub struct DateView {
    /// ISO value at the precision the text supports.
    pub value: Option<String>,
    /// Earliest possible day.
    pub earliest: Option<String>,
    /// Latest possible day.
    pub latest: Option<String>,
    /// Human form.
    pub text: String,
}

impl DateView {
    /// The wire form of a date, with the bounds of a month or year value filled in.
    pub fn of(d: &UncertainDate) -> DateView {
        let (lo, hi) = d.bounds();
        DateView {
            value: d.value.clone(),
            earliest: lo.map(|x| x.to_string()),
            latest: hi.map(|x| x.to_string()),
            text: date_text(d),
        }
    }
}

/// A document in lists.
#[derive(Clone, Debug, Serialize)]
pub struct DocView {
    /// `d:` id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Publisher.
    pub outlet: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Publication date.
    pub published: DateView,
    /// How the date was found.
    pub date_basis: String,
    /// Language.
    pub language: Option<String>,
    /// Story id.
    pub story: Option<String>,
    /// Host page when salvaged from one.
    pub appended_to: Option<String>,
    /// Near-duplicate of.
    pub duplicate_of: Option<String>,
    /// Body length in characters.
    pub body_chars: usize,
    /// Number of events.
    pub n_events: usize,
    /// Number of mentions.
    pub n_mentions: usize,
}

/// An actor, recipient or place of an event.
#[derive(Clone, Debug, Serialize)]
pub struct ArgView {
    /// Canonical name.
    pub name: String,
    /// KB id.
    pub kb_id: Option<String>,
    /// Country.
    pub country: Option<String>,
    /// The canonical entity, when resolved.
    pub entity: Option<String>,
}

/// One report of a merged event.
#[derive(Clone, Debug, Serialize)]
pub struct ReportView {
    /// Document id.
    pub doc: String,
    /// Outlet.
    pub outlet: Option<String>,
    /// Document title.
    pub title: Option<String>,
    /// Publication date.
    pub published: DateView,
    /// Evidence sentence text.
    pub sentence: String,
    /// Sentence start (characters).
    pub sentence_start: usize,
    /// Sentence end (characters).
    pub sentence_end: usize,
    /// Trigger words.
    pub trigger: String,
    /// Trigger start (characters).
    pub trigger_start: usize,
    /// Trigger end (characters).
    pub trigger_end: usize,
}

/// One value in a contradiction.
#[derive(Clone, Debug, Serialize)]
pub struct ClaimView {
    /// The value given.
    pub value: String,
    /// The document giving it.
    pub doc: String,
    /// Its outlet.
    pub outlet: Option<String>,
}

/// Reports disagreeing on a field.
#[derive(Clone, Debug, Serialize)]
pub struct ContradictionView {
    /// The field.
    pub field: String,
    /// The values.
    pub values: Vec<ClaimView>,
}

/// A real-world event merged across documents.
#[derive(Clone, Debug, Serialize)]
pub struct EventView {
    /// `v:` id.
    pub id: String,
    /// PLOVER type.
    pub event_type: String,
    /// Modality.
    pub modality: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// Date.
    pub date: DateView,
    /// Actors.
    pub actors: Vec<ArgView>,
    /// Recipients.
    pub recipients: Vec<ArgView>,
    /// Place.
    pub location: Option<ArgView>,
    /// Listed items.
    pub items: Vec<String>,
    /// Who claims it.
    pub attributed_to: Option<String>,
    /// Representative evidence sentence.
    pub summary: String,
    /// Distinct outlets.
    pub num_sources: usize,
    /// Stories.
    pub stories: Vec<String>,
    /// Disagreements between reports.
    pub contradictions: Vec<ContradictionView>,
    /// Every report.
    pub reports: Vec<ReportView>,
}

/// Precomputed filter keys of an event.
#[derive(Clone, Debug, Default)]
pub struct EventKeys {
    /// Lower-cased names, KB ids, countries and entity ids of actors.
    pub actors: Vec<String>,
    /// Same for recipients.
    pub recipients: Vec<String>,
    /// Lower-cased summary and trigger words.
    pub text: String,
    /// First and last possible day.
    pub range: (Option<NaiveDate>, Option<NaiveDate>),
}

/// A role with its evidence.
#[derive(Clone, Debug, Serialize)]
pub struct RoleView {
    /// Title.
    pub title: String,
    /// Of which country or organisation.
    pub of: Option<String>,
    /// As of.
    pub as_of: DateView,
    /// Evidence: document and the words.
    pub evidence: Vec<EvidenceView>,
}

/// Words of a document.
#[derive(Clone, Debug, Serialize)]
pub struct EvidenceView {
    /// Document id.
    pub doc: String,
    /// The words.
    pub text: String,
    /// Start (characters).
    pub start: usize,
    /// End (characters).
    pub end: usize,
}

/// A canonical entity.
#[derive(Clone, Debug, Serialize)]
pub struct EntityView {
    /// `e:` id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Type.
    pub entity_type: String,
    /// KB id.
    pub kb_id: Option<String>,
    /// Aliases.
    pub aliases: Vec<String>,
    /// Country.
    pub country: Option<String>,
    /// Sector.
    pub sector: Option<String>,
    /// Roles reported over time.
    pub roles: Vec<RoleView>,
    /// Documents mentioning it.
    pub documents: Vec<String>,
    /// Mention count.
    pub mentions: usize,
    /// Number of events it takes part in.
    pub n_events: usize,
}

/// One step of a position's history.
#[derive(Clone, Debug, Serialize)]
pub struct StepView {
    /// proposed / rejected / accepted / implemented.
    pub status: String,
    /// By whom.
    pub by: Option<String>,
    /// Document.
    pub doc: String,
    /// Outlet.
    pub outlet: Option<String>,
    /// Date.
    pub date: DateView,
    /// Evidence sentence.
    pub sentence: String,
    /// Sentence start (characters).
    pub sentence_start: usize,
    /// Sentence end (characters).
    pub sentence_end: usize,
    /// Who claims it.
    pub attributed_to: Option<String>,
}

/// A demand, offer or red line.
#[derive(Clone, Debug, Serialize)]
pub struct PositionView {
    /// Actor (country code or name).
    pub actor: String,
    /// demand / offer / red line.
    pub kind: String,
    /// Summary.
    pub summary: String,
    /// Items.
    pub items: Vec<String>,
    /// Latest status.
    pub status: String,
    /// History.
    pub history: Vec<StepView>,
}

/// A story.
#[derive(Clone, Debug, Serialize)]
pub struct StoryView {
    /// `s:` id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Documents, by publication date.
    pub documents: Vec<String>,
    /// Outlets reporting it.
    pub outlets: Vec<String>,
    /// First event or publication day.
    pub from: Option<String>,
    /// Last event or publication day.
    pub to: Option<String>,
    /// Merged events.
    pub n_events: usize,
}

/// The read model.
pub struct Snapshot {
    /// Documents, by publication date.
    pub docs: Vec<DocView>,
    /// Document index by id.
    pub doc_index: HashMap<String, usize>,
    /// Merged events, by date.
    pub events: Vec<EventView>,
    /// Their filter keys (same order).
    pub event_keys: Vec<EventKeys>,
    /// Event index by id.
    pub event_index: HashMap<String, usize>,
    /// Per document: (trigger start in characters, merged event index) of its reports.
    pub doc_reports: HashMap<String, Vec<(usize, usize)>>,
    /// Entities, most mentioned first.
    pub entities: Vec<EntityView>,
    /// Entity index by id.
    pub entity_index: HashMap<String, usize>,
    /// Events of each entity (indices into `events`).
    pub entity_events: Vec<Vec<usize>>,
    /// Stories, most recent first.
    pub stories: Vec<StoryView>,
    /// Story index by id.
    pub story_index: HashMap<String, usize>,
    /// Positions per story id ("" for all documents).
    pub positions: HashMap<String, Vec<PositionView>>,
    /// Cited Markdown brief per story id.
    pub briefs: HashMap<String, String>,
    /// Summary timeline per story id (its most important dates, each with a
    /// cited sentence; see [`summary_json`]).
    pub summaries: HashMap<String, serde_json::Value>,
    /// Full-text index.
    pub search: SearchIndex,
    /// Request-time indexes and pre-serialised JSON.
    pub ix: ReadIndexes,
}

/// Posting lists (ascending indices) and each list item serialised once as
/// HTML-safe JSON, so that a page is a concatenation, not a scan and clone.
#[derive(Default)]
pub struct ReadIndexes {
    /// Each event's JSON (same order as `events`).
    pub event_json: Vec<Box<[u8]>>,
    /// Events by PLOVER type.
    pub events_by_type: HashMap<String, Vec<u32>>,
    /// Events by story.
    pub events_by_story: HashMap<String, Vec<u32>>,
    /// Distinct actor keys with their events.
    pub actor_keys: Vec<(String, Vec<u32>)>,
    /// Distinct recipient keys with their events.
    pub recipient_keys: Vec<(String, Vec<u32>)>,
    /// Each document summary's JSON (same order as `docs`).
    pub doc_json: Vec<Box<[u8]>>,
    /// Documents by story.
    pub docs_by_story: HashMap<String, Vec<u32>>,
    /// Documents by lower-cased outlet.
    pub docs_by_outlet: HashMap<String, Vec<u32>>,
    /// Substring lookups already answered: (recipient?, query) → events.
    pub key_cache: std::sync::Mutex<HashMap<(bool, String), std::sync::Arc<Vec<u32>>>>,
}

/// Most cached key lookups before the cache is emptied.
const KEY_CACHE_MAX: usize = 4096;

impl ReadIndexes {
    fn build(docs: &[DocView], events: &[EventView], keys: &[EventKeys]) -> Result<ReadIndexes, ServerError> {
        let mut ix = ReadIndexes::default();
        for (i, e) in events.iter().enumerate() {
            let i = i as u32;
            ix.event_json.push(crate::json::to_safe_vec(e).map_err(ServerError::Json)?.into_boxed_slice());
            ix.events_by_type.entry(e.event_type.clone()).or_default().push(i);
            for st in &e.stories {
                let list = ix.events_by_story.entry(st.clone()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        let postings = |pick: &dyn Fn(&EventKeys) -> &Vec<String>| -> Vec<(String, Vec<u32>)> {
            let mut map: HashMap<&str, Vec<u32>> = HashMap::new();
            for (i, k) in keys.iter().enumerate() {
                for key in pick(k) {
                    let list = map.entry(key.as_str()).or_default();
                    if list.last() != Some(&(i as u32)) {
                        list.push(i as u32);
                    }
                }
            }
            let mut v: Vec<(String, Vec<u32>)> = map.into_iter().map(|(k, l)| (k.to_string(), l)).collect();
            v.sort_by(|a, b| a.0.cmp(&b.0));
            v
        };
        ix.actor_keys = postings(&|k| &k.actors);
        ix.recipient_keys = postings(&|k| &k.recipients);
        for (i, d) in docs.iter().enumerate() {
            let i = i as u32;
            ix.doc_json.push(crate::json::to_safe_vec(d).map_err(ServerError::Json)?.into_boxed_slice());
            if let Some(st) = &d.story {
                ix.docs_by_story.entry(st.clone()).or_default().push(i);
            }
            if let Some(o) = &d.outlet {
                ix.docs_by_outlet.entry(o.to_lowercase()).or_default().push(i);
            }
        }
        Ok(ix)
    }

    /// Events with an actor (or recipient) key containing `q` (lower-cased),
    /// ascending; answered from a bounded cache when asked before.
    pub fn events_with_key(&self, recipient: bool, q: &str) -> std::sync::Arc<Vec<u32>> {
        let cache_key = (recipient, q.to_string());
        if let Some(hit) = self.key_cache.lock().ok().and_then(|c| c.get(&cache_key).cloned()) {
            return hit;
        }
        let vocab = if recipient { &self.recipient_keys } else { &self.actor_keys };
        let mut out: Vec<u32> = Vec::new();
        for (k, list) in vocab {
            if k.contains(q) {
                out.extend_from_slice(list);
            }
        }
        out.sort_unstable();
        out.dedup();
        let out = std::sync::Arc::new(out);
        if let Ok(mut c) = self.key_cache.lock() {
            if c.len() >= KEY_CACHE_MAX {
                c.clear();
            }
            c.insert(cache_key, std::sync::Arc::clone(&out));
        }
        out
    }
}

fn arg_view(a: &EventArg, resolve: &dyn Fn(&EventArg) -> Option<usize>, entities: &[CanonicalEntity]) -> ArgView {
    ArgView {
        name: a.name.clone(),
        kb_id: a.kb_id.clone(),
        country: a.country.clone(),
        entity: resolve(a).and_then(|i| entities.get(i)).map(|e| e.id.clone()),
    }
}

fn arg_keys(a: &ArgView) -> Vec<String> {
    let mut k = vec![a.name.to_lowercase()];
    k.extend(a.kb_id.iter().map(|s| s.to_lowercase()));
    k.extend(a.country.iter().map(|s| s.to_lowercase()));
    k.extend(a.entity.iter().map(|s| s.to_lowercase()));
    k
}

/// Character offsets of a span, with one converter per document.
struct Offsets<'a> {
    by_doc: HashMap<&'a DocId, (CharOffsets, &'a Document)>,
}

impl<'a> Offsets<'a> {
    fn new(docs: &'a [Document]) -> Offsets<'a> {
        Offsets { by_doc: docs.iter().map(|d| (&d.id, (CharOffsets::new(d.body()), d))).collect() }
    }
    /// Text and char offsets of a span of a document.
    fn get(&self, doc: &DocId, span: Span) -> (String, usize, usize) {
        match self.by_doc.get(doc) {
            Some((co, d)) => {
                let (s, e) = co.span(span);
                (span.text(d.body()).to_string(), s, e)
            }
            None => (String::new(), 0, 0),
        }
    }
}

fn doc_view(d: &Document) -> DocView {
    DocView {
        id: d.id.to_string(),
        title: d.meta.title.clone(),
        outlet: d.meta.outlet.clone(),
        url: d.meta.url.clone(),
        published: DateView::of(&d.meta.published.date),
        date_basis: d.meta.published.basis.as_str().to_string(),
        language: d.meta.language.clone(),
        story: d.meta.story.clone(),
        appended_to: d.meta.appended_to.as_ref().map(|x| x.to_string()),
        duplicate_of: d.meta.duplicate_of.as_ref().map(|x| x.to_string()),
        body_chars: d.body().chars().count(),
        n_events: d.events.len(),
        n_mentions: d.mentions.len(),
    }
}

/// Loads every document (without raw bytes and tokens, which no view needs).
pub fn load_documents(store: &Store) -> Result<Vec<Document>, ServerError> {
    let mut docs = Vec::new();
    store.for_each_document(|mut d| {
        d.raw = Vec::new();
        d.tokens = Vec::new();
        d.blocks = Vec::new();
        d.extracted = String::new();
        docs.push(d);
        Ok(())
    })?;
    Ok(docs)
}

impl Snapshot {
    /// Builds the read model and the search index from the store.
    pub fn build(store: &Store) -> Result<Snapshot, ServerError> {
        let mut docs = load_documents(store)?;
        // grouped by story, so that per-story work borrows slices
        docs.sort_by(|a, b| a.meta.story.cmp(&b.meta.story).then_with(|| by_publication(a, b)));
        let story_index: StoryIndex = chronicle_pipeline::story_index(store)?;
        let merged = store.merged_events()?;
        Snapshot::from_documents(&docs, Some(&story_index), merged)
    }

    /// Builds the read model from documents and their merged events (as the
    /// store keeps them).
    pub fn from_documents(docs: &[Document], story_index: Option<&StoryIndex>, merged: Vec<MergedEvent>) -> Result<Snapshot, ServerError> {
        let search = SearchIndex::build(docs)?;
        let offsets = Offsets::new(docs);
        let by_id: HashMap<&DocId, &Document> = docs.iter().map(|d| (&d.id, d)).collect();

        // documents, by publication date then id
        let mut order_ix: Vec<usize> = (0..docs.len()).collect();
        order_ix.sort_by(|&a, &b| match (docs.get(a), docs.get(b)) {
            (Some(a), Some(b)) => by_publication(a, b),
            _ => a.cmp(&b),
        });
        let order: Vec<&Document> = order_ix.iter().filter_map(|&i| docs.get(i)).collect();
        let doc_views: Vec<DocView> = order.iter().map(|d| doc_view(d)).collect();
        let doc_index = doc_views.iter().enumerate().map(|(i, d)| (d.id.clone(), i)).collect();

        // entities and a resolver from event arguments to them
        let entities = canonicalise(docs);
        let mut by_kb: HashMap<String, usize> = HashMap::new();
        let mut by_alias: HashMap<String, usize> = HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            if let Some(kb) = &e.kb_id {
                by_kb.entry(kb.clone()).or_insert(i);
            }
            by_alias.entry(e.name.to_lowercase()).or_insert(i);
            for a in &e.aliases {
                by_alias.entry(a.to_lowercase()).or_insert(i);
            }
        }
        let resolve = |a: &EventArg| -> Option<usize> {
            a.kb_id
                .as_ref()
                .and_then(|k| by_kb.get(k))
                .or_else(|| by_alias.get(&a.name.to_lowercase()))
                .copied()
        };

        // Documents grouped by story (contiguous when `docs` is sorted by
        // story, as `build` does; otherwise each group is cloned once).
        let groups_ix = story_groups(docs, &order_ix);
        let large = docs.len() > GLOBAL_LINK_MAX_DOCS;

        // merged events (stored at ingest, story by story), by date
        let mut events: Vec<(EventView, EventKeys)> =
            merged.iter().map(|m| event_view(m, &by_id, &offsets, &resolve, &entities)).collect();
        events.sort_by(|a, b| {
            let (x, y) = (a.1.range, b.1.range);
            x.0.is_none().cmp(&y.0.is_none()).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)).then(a.0.id.cmp(&b.0.id))
        });
        let (events, event_keys): (Vec<EventView>, Vec<EventKeys>) = events.into_iter().unzip();
        let event_index = events.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        let mut doc_reports: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (i, e) in events.iter().enumerate() {
            for r in &e.reports {
                doc_reports.entry(r.doc.clone()).or_default().push((r.trigger_start, i));
            }
        }

        // events per entity
        let entity_pos: HashMap<&str, usize> = entities.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
        let mut entity_events: Vec<Vec<usize>> = vec![Vec::new(); entities.len()];
        for (i, ev) in events.iter().enumerate() {
            let mut seen = BTreeSet::new();
            for a in ev.actors.iter().chain(&ev.recipients) {
                if let Some(&k) = a.entity.as_deref().and_then(|id| entity_pos.get(id)) {
                    if seen.insert(k) {
                        if let Some(list) = entity_events.get_mut(k) {
                            list.push(i);
                        }
                    }
                }
            }
        }
        let entity_views: Vec<EntityView> = entities
            .iter()
            .zip(&entity_events)
            .map(|(e, evs)| EntityView {
                id: e.id.clone(),
                name: e.name.clone(),
                entity_type: e.entity_type.as_str().to_string(),
                kb_id: e.kb_id.clone(),
                aliases: e.aliases.clone(),
                country: e.country.clone(),
                sector: e.sector.clone(),
                roles: e
                    .roles
                    .iter()
                    .map(|r| RoleView {
                        title: r.title.clone(),
                        of: r.of.clone(),
                        as_of: DateView::of(&r.as_of),
                        evidence: r
                            .evidence
                            .iter()
                            .map(|ev| {
                                let (text, start, end) = offsets.get(&ev.doc, ev.span);
                                EvidenceView { doc: ev.doc.to_string(), text, start, end }
                            })
                            .collect(),
                    })
                    .collect(),
                documents: e.documents.iter().map(|d| d.to_string()).collect(),
                mentions: e.mentions,
                n_events: evs.len(),
            })
            .collect();
        let entity_index = entity_views.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();

        // stories: grouped by the documents' story, titled by the story index
        let mut groups: BTreeMap<String, Vec<&Document>> = BTreeMap::new();
        for d in &order {
            if let Some(s) = &d.meta.story {
                groups.entry(s.clone()).or_default().push(d);
            }
        }
        // events per story, and merged events per story of their reports
        let mut story_events: HashMap<&str, Vec<u32>> = HashMap::new();
        for (i, ev) in events.iter().enumerate() {
            for st in &ev.stories {
                story_events.entry(st.as_str()).or_default().push(i as u32);
            }
        }
        let mut merged_by_story: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, m) in merged.iter().enumerate() {
            let mut seen: BTreeSet<&str> = BTreeSet::new();
            for r in &m.reports {
                if let Some(st) = by_id.get(&r.doc).and_then(|d| d.meta.story.as_deref()) {
                    if seen.insert(st) {
                        merged_by_story.entry(st).or_default().push(i);
                    }
                }
            }
        }
        let group_of: HashMap<&str, usize> =
            groups_ix.iter().enumerate().filter_map(|(i, g)| g.story.as_deref().map(|s| (s, i))).collect();
        let mut all_positions: Vec<Position> = Vec::new();
        let mut stories: Vec<StoryView> = Vec::new();
        let mut positions_by: HashMap<String, Vec<PositionView>> = HashMap::new();
        let mut briefs: HashMap<String, String> = HashMap::new();
        let mut summaries: HashMap<String, serde_json::Value> = HashMap::new();
        for (id, members) in &groups {
            let title = story_index
                .and_then(|ix| ix.story(id))
                .map(|s| s.title)
                .filter(|t| !t.trim().is_empty())
                .or_else(|| members.iter().find_map(|d| d.meta.title.clone()))
                .unwrap_or_else(|| id.clone());
            let outlets: BTreeSet<String> = members.iter().filter_map(|d| d.meta.outlet.clone()).collect();
            // the span of the story: its events dated within weeks, else
            // the publication days, else any bound at all
            let mut days: Vec<NaiveDate> = Vec::new();
            let mut vague: Vec<NaiveDate> = Vec::new();
            let mut n_events = 0;
            for &i in story_events.get(id.as_str()).map(Vec::as_slice).unwrap_or(&[]) {
                let Some(k) = event_keys.get(i as usize) else { continue };
                {
                    n_events += 1;
                    match k.range {
                        (Some(a), Some(b)) if (b - a).num_days() <= PRECISE_DAYS => days.extend([a, b]),
                        (a, b) => vague.extend(a.into_iter().chain(b)),
                    }
                }
            }
            if days.is_empty() {
                days.extend(members.iter().filter_map(|d| d.meta.published.date.sort_key()));
            }
            if days.is_empty() {
                days = vague;
            }
            stories.push(StoryView {
                id: id.clone(),
                title,
                documents: members.iter().map(|d| d.id.to_string()).collect(),
                outlets: outlets.into_iter().collect(),
                from: days.iter().min().map(|d| d.to_string()),
                to: days.iter().max().map(|d| d.to_string()),
                n_events,
            });
            let group = group_of.get(id.as_str()).and_then(|&g| groups_ix.get(g));
            let story_positions = match group {
                Some(g) => with_group(docs, g, |slice| positions(slice)),
                None => Vec::new(),
            };
            positions_by.insert(id.clone(), story_positions.iter().map(|p| position_view(p, &by_id, &offsets)).collect());
            if large {
                all_positions.extend(story_positions);
            }
            let summary = story_index.and_then(|ix| ix.story(id)).unwrap_or_else(|| StorySummary {
                id: id.clone(),
                title: stories.last().map(|s| s.title.clone()).unwrap_or_default(),
                documents: members.iter().map(|d| d.id.clone()).collect(),
                from: days.iter().min().copied(),
                to: days.iter().max().copied(),
            });
            // only the merged events with a report in this story
            let story_merged: Vec<MergedEvent> = merged_by_story
                .get(id.as_str())
                .map(|v| v.iter().filter_map(|&i| merged.get(i).cloned()).collect())
                .unwrap_or_default();
            if let Some(g) = group {
                briefs.insert(id.clone(), with_group(docs, g, |slice| brief(&summary, slice, &story_merged)));
                summaries.insert(id.clone(), with_group(docs, g, summary_json));
            }
        }
        stories.sort_by(|a, b| b.to.cmp(&a.to).then(b.documents.len().cmp(&a.documents.len())).then(a.id.cmp(&b.id)));
        let story_index_map = stories.iter().enumerate().map(|(i, s)| (s.id.clone(), i)).collect();
        // positions over all documents: exact on a small store; on a large
        // one (`positions` is quadratic in events) the union of the stories'.
        if !large {
            all_positions = positions(docs);
        } else if let Some(g) = groups_ix.iter().find(|g| g.story.is_none()) {
            all_positions.extend(with_group(docs, g, |slice| positions(slice)));
        }
        positions_by.insert(String::new(), all_positions.iter().map(|p| position_view(p, &by_id, &offsets)).collect());

        let ix = ReadIndexes::build(&doc_views, &events, &event_keys)?;
        Ok(Snapshot {
            ix,
            docs: doc_views,
            doc_index,
            events,
            event_keys,
            event_index,
            doc_reports,
            entities: entity_views,
            entity_index,
            entity_events,
            stories,
            story_index: story_index_map,
            positions: positions_by,
            briefs,
            summaries,
            search,
        })
    }
}

/// Most dates in a story page's summary timeline.
const SUMMARY_DATES: usize = 12;

/// A story's summary timeline as the API serves it: `{"dates": [{"date",
/// "mentions", "sentences": [{"doc", "outlet", "text", "start", "end"}]}]}`,
/// `start`/`end` the sentence's character offsets in the document's body.
fn summary_json(docs: &[Document]) -> serde_json::Value {
    let opts = chronicle_link::tls::TlsOptions { dates: SUMMARY_DATES, sentences_per_date: 1 };
    let by_id: HashMap<String, &Document> = docs.iter().map(|d| (d.id.to_string(), d)).collect();
    let dates: Vec<serde_json::Value> = chronicle_link::tls::summarise(docs, &opts)
        .into_iter()
        .map(|d| {
            let sentences: Vec<serde_json::Value> = d
                .sentences
                .iter()
                .map(|s| {
                    let (start, end) = by_id.get(&s.doc).map_or((0, 0), |doc| chronicle_core::char_offsets(doc.body(), s.span));
                    serde_json::json!({ "doc": s.doc, "outlet": s.outlet, "text": s.text, "start": start, "end": end })
                })
                .collect();
            serde_json::json!({ "date": d.date.to_string(), "mentions": d.mentions, "sentences": sentences })
        })
        .collect();
    serde_json::json!({ "dates": dates })
}

/// Above this many documents, positions are followed story by story (see
/// [`Snapshot::from_documents`]); merged events are the store's, whatever the size.
pub const GLOBAL_LINK_MAX_DOCS: usize = 5_000;

/// The documents of one story (`None`: documents without a story).
struct Group {
    story: Option<String>,
    /// Indices into the documents.
    members: Vec<usize>,
    /// `Some(range)` when the members are contiguous.
    range: Option<std::ops::Range<usize>>,
}

/// Publication date (unknown last), then id.
fn by_publication(a: &Document, b: &Document) -> std::cmp::Ordering {
    let ka = a.meta.published.date.sort_key();
    let kb = b.meta.published.date.sort_key();
    ka.is_none().cmp(&kb.is_none()).then(ka.cmp(&kb)).then(a.id.cmp(&b.id))
}

/// Documents grouped by story, each group in `order`.
fn story_groups(docs: &[Document], order: &[usize]) -> Vec<Group> {
    let mut map: BTreeMap<Option<&str>, Vec<usize>> = BTreeMap::new();
    for &i in order {
        if let Some(d) = docs.get(i) {
            map.entry(d.meta.story.as_deref()).or_default().push(i);
        }
    }
    map.into_iter()
        .map(|(story, members)| {
            let contiguous = members.windows(2).all(|w| w[1] == w[0] + 1);
            let range = match (contiguous, members.first(), members.last()) {
                (true, Some(&a), Some(&b)) => Some(a..b + 1),
                _ => None,
            };
            Group { story: story.map(str::to_string), members, range }
        })
        .collect()
}

/// Runs `f` on the documents of a group: a borrowed slice when contiguous,
/// else a clone.
fn with_group<T>(docs: &[Document], g: &Group, f: impl FnOnce(&[Document]) -> T) -> T {
    match g.range.clone().and_then(|r| docs.get(r)) {
        Some(slice) => f(slice),
        None => {
            let owned: Vec<Document> = g.members.iter().filter_map(|&i| docs.get(i).cloned()).collect();
            f(&owned)
        }
    }
}

fn event_view(
    m: &MergedEvent,
    by_id: &HashMap<&DocId, &Document>,
    offsets: &Offsets<'_>,
    resolve: &dyn Fn(&EventArg) -> Option<usize>,
    entities: &[CanonicalEntity],
) -> (EventView, EventKeys) {
    let e = &m.event;
    let actors: Vec<ArgView> = e.actors.iter().map(|a| arg_view(a, resolve, entities)).collect();
    let recipients: Vec<ArgView> = e.recipients.iter().map(|a| arg_view(a, resolve, entities)).collect();
    let outlet_of = |d: &DocId| by_id.get(d).and_then(|x| x.meta.outlet.clone());
    let reports: Vec<ReportView> = m
        .reports
        .iter()
        .map(|r| {
            let (sentence, sentence_start, sentence_end) = offsets.get(&r.doc, r.sentence);
            let (trigger, trigger_start, trigger_end) = offsets.get(&r.doc, r.trigger);
            let doc = by_id.get(&r.doc);
            ReportView {
                doc: r.doc.to_string(),
                outlet: r.outlet.clone(),
                title: doc.and_then(|d| d.meta.title.clone()),
                published: DateView::of(&doc.map(|d| d.meta.published.date.clone()).unwrap_or_default()),
                sentence,
                sentence_start,
                sentence_end,
                trigger,
                trigger_start,
                trigger_end,
            }
        })
        .collect();
    let keys = EventKeys {
        actors: actors.iter().flat_map(arg_keys).collect(),
        recipients: recipients.iter().flat_map(arg_keys).collect(),
        text: {
            let mut t = m.summary.to_lowercase();
            for r in &reports {
                t.push(' ');
                t.push_str(&r.trigger.to_lowercase());
            }
            t
        },
        range: m.date.bounds(),
    };
    let view = EventView {
        id: m.id.clone(),
        event_type: e.event_type.as_str().to_string(),
        modality: e.modality.as_str().to_string(),
        mode: e.mode.clone(),
        date: DateView::of(&m.date),
        actors,
        recipients,
        location: e.location.as_ref().map(|a| arg_view(a, resolve, entities)),
        items: e.items.clone(),
        attributed_to: e.attributed_to.clone(),
        summary: m.summary.clone(),
        num_sources: m.num_sources,
        stories: m.stories.clone(),
        contradictions: m
            .contradictions
            .iter()
            .map(|c| ContradictionView {
                field: c.field.clone(),
                values: c
                    .values
                    .iter()
                    .map(|(v, d)| ClaimView { value: v.clone(), doc: d.to_string(), outlet: outlet_of(d) })
                    .collect(),
            })
            .collect(),
        reports,
    };
    (view, keys)
}

fn position_view(p: &Position, by_id: &HashMap<&DocId, &Document>, offsets: &Offsets<'_>) -> PositionView {
    PositionView {
        actor: p.actor.clone(),
        kind: p.kind.as_str().to_string(),
        summary: p.summary.clone(),
        items: p.items.clone(),
        status: p.status().to_string(),
        history: p
            .history
            .iter()
            .map(|h| {
                let (sentence, sentence_start, sentence_end) = offsets.get(&h.doc, h.evidence);
                StepView {
                    status: h.status.to_string(),
                    by: h.by.clone(),
                    doc: h.doc.to_string(),
                    outlet: by_id.get(&h.doc).and_then(|d| d.meta.outlet.clone()),
                    date: DateView::of(&h.date),
                    sentence: if sentence.is_empty() { h.sentence.clone() } else { sentence },
                    sentence_start,
                    sentence_end,
                    attributed_to: h.attributed_to.clone(),
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_values_get_their_bounds() {
        let d = UncertainDate::parse_value("2025-05").unwrap();
        let v = DateView::of(&UncertainDate { value: d.value.clone(), earliest: None, latest: None, weekday: None, month_day: None });
        assert_eq!(v.earliest.as_deref(), Some("2025-05-01"));
        assert_eq!(v.latest.as_deref(), Some("2025-05-31"));
        let u = DateView::of(&UncertainDate::unknown());
        assert_eq!((u.earliest, u.latest, u.text.as_str()), (None, None, "date unknown"));
    }

    #[test]
    fn story_groups_borrow_contiguous_runs_and_clone_the_rest() {
        let doc = |text: &str, story: Option<&str>| {
            let meta = chronicle_core::Metadata { story: story.map(str::to_string), ..Default::default() };
            Document::new(DocId::from_text(text), "t".into(), chronicle_core::InputFormat::Text, vec![], text.into(), text.into(), meta)
        };
        let docs = vec![doc("a", Some("s:1")), doc("b", Some("s:1")), doc("c", None), doc("d", Some("s:2")), doc("e", Some("s:2"))];
        let groups = story_groups(&docs, &[0, 1, 2, 3, 4]);
        assert_eq!(groups.len(), 3);
        let s1 = groups.iter().find(|g| g.story.as_deref() == Some("s:1")).unwrap();
        assert_eq!(s1.range, Some(0..2));
        assert_eq!(with_group(&docs, s1, |d| d.len()), 2);
        // out of order: not contiguous, cloned in the given order
        let groups = story_groups(&docs, &[3, 0, 2, 1, 4]);
        let s1 = groups.iter().find(|g| g.story.as_deref() == Some("s:1")).unwrap();
        assert_eq!(s1.members, vec![0, 1]);
        let s2 = groups.iter().find(|g| g.story.as_deref() == Some("s:2")).unwrap();
        assert_eq!(s2.range, Some(3..5));
        let none = groups.iter().find(|g| g.story.is_none()).unwrap();
        assert_eq!(with_group(&docs, none, |d| d.iter().map(|x| x.body().to_string()).collect::<Vec<_>>()), vec!["c"]);
    }

    #[test]
    fn key_lookups_match_substrings_and_are_cached() {
        let ix = ReadIndexes {
            actor_keys: vec![("japan".into(), vec![1, 4]), ("japanese".into(), vec![2, 4]), ("usa".into(), vec![3])],
            ..Default::default()
        };
        assert_eq!(*ix.events_with_key(false, "japan"), vec![1, 2, 4]);
        assert_eq!(*ix.events_with_key(false, "japan"), vec![1, 2, 4]);
        assert!(ix.events_with_key(true, "japan").is_empty());
        assert_eq!(ix.key_cache.lock().unwrap().len(), 2);
    }

    #[test]
    fn empty_store_gives_an_empty_model() {
        let store = Store::open_in_memory().unwrap();
        let s = Snapshot::build(&store).unwrap();
        assert!(s.docs.is_empty() && s.events.is_empty() && s.stories.is_empty());
        assert_eq!(s.search.search(&crate::search::SearchParams { q: "talks".into(), ..Default::default() }).unwrap().total, 0);
    }
}
