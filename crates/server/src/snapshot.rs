//! The read model: what the API lists, read from the store's rows without
//! decoding documents ([`Snapshot`]: document summaries, the stories as
//! `pipeline::stories` gives them — the CLI's — and the stored merged
//! events), plus what needs document text, built per story on demand and
//! cached until that story changes ([`StoryPart`], [`StoryParts`]).
//! Nothing is merged or linked here. Offsets on the wire are character
//! offsets into the body.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use chrono::NaiveDate;
use chronicle_core::{entity_id, CharOffsets, DocId, Document, EntityType, EventArg, Span, UncertainDate};
use chronicle_events::positions::{positions, Position};
use chronicle_link::brief::brief_stored;
use chronicle_link::coref::MergedEvent;
use chronicle_link::story::StorySummary;
use chronicle_link::timeline::date_text;
use chronicle_core::record::EntityClusters;
use chronicle_store::export::EntityIds;
use chronicle_store::{DocSummary, Store};
use serde::Serialize;

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
    /// Lower-cased summary (the representative evidence sentence).
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
    /// Documents mentioning it (the first hundred, on the entity's own page).
    pub documents: Vec<String>,
    /// How many documents mention it.
    pub n_documents: usize,
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


/// A story with its version (what invalidates its cached views).
#[derive(Clone, Debug)]
pub struct StoryEntry {
    /// The list item.
    pub view: StoryView,
    /// Its document count: a batch that adds to a story (and so merges its
    /// events again) changes it; corrections of stored documents are
    /// forgotten explicitly ([`StoryParts::forget`]).
    pub version: u64,
}

/// A merged event as lists filter it: its keys and the story that holds its
/// full view (built on demand, see [`StoryPart`]).
#[derive(Clone, Debug)]
pub struct EventHead {
    /// `v:` id.
    pub id: String,
    /// The story whose row holds it.
    pub story: String,
    /// PLOVER type.
    pub event_type: String,
    /// Modality.
    pub modality: String,
    /// Stories of its reports.
    pub stories: Vec<String>,
    /// Filter keys.
    pub keys: EventKeys,
}

/// The read model's resident part: what every list filters and orders by,
/// read from the store's rows without decoding any document (documents
/// summaries, the stories as `pipeline::stories` gives them, and the stored
/// merged events). Views that need document text — an event's reports, a
/// story's positions, brief and summary — are built per story on demand
/// ([`StoryPart`]) and cached until that story changes.
pub struct Snapshot {
    /// Documents, by publication date.
    pub docs: Vec<DocView>,
    /// Document index by id.
    pub doc_index: HashMap<String, usize>,
    /// Merged events, by date.
    pub events: Vec<EventHead>,
    /// Event index by id.
    pub event_index: HashMap<String, usize>,
    /// Per document: (trigger start in bytes, merged event index) of its reports.
    pub doc_reports: HashMap<String, Vec<(usize, usize)>>,
    /// Stories, most recent first.
    pub stories: Vec<StoryEntry>,
    /// Story index by id.
    pub story_index: HashMap<String, usize>,
    /// Events per entity id (indices into `events`), from the arguments.
    pub entity_events: HashMap<String, Vec<u32>>,
    /// The store's entity clusters (link's entity index): every entity id a
    /// view gives is a mention's cluster.
    pub clusters: Arc<EntityClusters>,
    /// Request-time indexes and pre-serialised JSON.
    pub ix: ReadIndexes,
    /// Each story's list JSON (same order as `stories`).
    pub story_json: Vec<Box<[u8]>>,
    /// The entities, read from the mentions table on first use.
    entities: OnceLock<Arc<Vec<EntityView>>>,
    /// Positions over every story, built on first use.
    all_positions: OnceLock<Arc<Vec<PositionView>>>,
}

/// Posting lists (ascending indices) and each document summary serialised
/// once as HTML-safe JSON, so that a page is a concatenation, not a scan and clone.
#[derive(Default)]
pub struct ReadIndexes {
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
    fn build(docs: &[DocView], events: &[EventHead]) -> Result<ReadIndexes, ServerError> {
        let mut ix = ReadIndexes::default();
        for (i, e) in events.iter().enumerate() {
            let i = i as u32;
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
            for (i, e) in events.iter().enumerate() {
                for key in pick(&e.keys) {
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

/// The entity id of an argument as the export gives it when the document's
/// mentions are not at hand: the cluster of its knowledge-base id, else of
/// its type and name, in the event's story.
fn head_entity(a: &EventArg, fallback: EntityType, clusters: &EntityClusters, story: Option<&str>) -> String {
    clusters.map(entity_id(a.kb_id.as_deref(), fallback, &a.name), story)
}

fn arg_keys(a: &EventArg, entity: &str) -> Vec<String> {
    let mut k = vec![a.name.to_lowercase()];
    k.extend(a.kb_id.iter().map(|s| s.to_lowercase()));
    k.extend(a.country.iter().map(|s| s.to_lowercase()));
    k.push(entity.to_lowercase());
    k
}

fn event_head(m: &MergedEvent, clusters: &EntityClusters) -> EventHead {
    let e = &m.event;
    let story = m.stories.first().map(String::as_str);
    let keys = |args: &[EventArg]| -> Vec<String> {
        args.iter().flat_map(|a| arg_keys(a, &head_entity(a, EntityType::Group, clusters, story))).collect()
    };
    EventHead {
        id: m.id.clone(),
        story: m.stories.first().cloned().unwrap_or_default(),
        event_type: e.event_type.as_str().to_string(),
        modality: e.modality.as_str().to_string(),
        stories: m.stories.clone(),
        keys: EventKeys {
            actors: keys(&e.actors),
            recipients: keys(&e.recipients),
            text: m.summary.to_lowercase(),
            range: m.date.bounds(),
        },
    }
}

fn doc_view(d: &DocSummary) -> DocView {
    DocView {
        id: d.id.to_string(),
        title: d.title.clone(),
        outlet: d.outlet.clone(),
        url: d.url.clone(),
        published: DateView::of(&d.published.date),
        date_basis: d.published.basis.as_str().to_string(),
        language: d.language.clone(),
        story: d.story.clone(),
        appended_to: d.appended_to.as_ref().map(|x| x.to_string()),
        duplicate_of: d.duplicate_of.as_ref().map(|x| x.to_string()),
        body_chars: d.body_chars,
        n_events: d.n_events,
        n_mentions: d.n_mentions,
    }
}

/// A story's span: its events dated within weeks, else the publication days
/// of its documents, else any bound at all.
fn story_span(heads: &[&EventHead], docs: &[&DocView]) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let mut days: Vec<NaiveDate> = Vec::new();
    let mut vague: Vec<NaiveDate> = Vec::new();
    for h in heads {
        match h.keys.range {
            (Some(a), Some(b)) if (b - a).num_days() <= PRECISE_DAYS => days.extend([a, b]),
            (a, b) => vague.extend(a.into_iter().chain(b)),
        }
    }
    if days.is_empty() {
        days.extend(docs.iter().filter_map(|d| d.published.earliest.as_deref().and_then(|s| s.parse::<NaiveDate>().ok())));
    }
    if days.is_empty() {
        days = vague;
    }
    (days.iter().min().copied(), days.iter().max().copied())
}

impl Snapshot {
    /// Builds the resident read model from the store's rows: the story
    /// index on a second connection while this one reads the documents and
    /// merged events.
    pub fn build(store: &Store) -> Result<Snapshot, ServerError> {
        let (stories, read) = std::thread::scope(|scope| {
            let stories = store.path().map(|path| {
                scope.spawn(move || -> Result<Vec<StorySummary>, ServerError> {
                    let other = Store::open(path)?;
                    Ok(chronicle_pipeline::story_summaries(&other)?)
                })
            });
            let read = Snapshot::read_rows(store);
            let stories = match stories {
                Some(h) => h.join().unwrap_or_else(|_| Err(ServerError::Search("reading stories panicked".into()))),
                None => chronicle_pipeline::story_summaries(store).map_err(ServerError::from),
            };
            (stories, read)
        });
        let (docs, merged, reports, appended, clusters) = read?;
        let stories = chronicle_pipeline::order_stories(stories?, &appended);
        Snapshot::assemble(docs, merged, reports, stories, clusters)
    }

    /// Document summaries, event heads, reports and the salvaged documents' ids.
    #[allow(clippy::type_complexity)]
    fn read_rows(
        store: &Store,
    ) -> Result<(Vec<DocView>, Vec<EventHead>, Vec<(String, usize, String)>, std::collections::HashSet<DocId>, EntityClusters), ServerError> {
        let clusters = store.entity_clusters()?;
        let summaries = store.documents()?;
        let appended = summaries.iter().filter(|d| d.appended_to.is_some()).map(|d| d.id.clone()).collect();
        let docs: Vec<DocView> = summaries.iter().map(doc_view).collect();
        drop(summaries);
        let mut merged: Vec<EventHead> = Vec::new();
        let mut reports: Vec<(String, usize, String)> = Vec::new();
        store.for_each_merged_event(|m| {
            for r in &m.reports {
                reports.push((r.doc.to_string(), r.trigger.start(), m.id.clone()));
            }
            merged.push(event_head(&m, &clusters));
            Ok(())
        })?;
        Ok((docs, merged, reports, appended, clusters))
    }

    /// Orders and indexes what [`Snapshot::build`] read.
    fn assemble(
        docs: Vec<DocView>,
        mut events: Vec<EventHead>,
        reports: Vec<(String, usize, String)>,
        stories: Vec<StorySummary>,
        clusters: EntityClusters,
    ) -> Result<Snapshot, ServerError> {
        let doc_index: HashMap<String, usize> = docs.iter().enumerate().map(|(i, d)| (d.id.clone(), i)).collect();
        events.sort_by(|a, b| {
            let (x, y) = (a.keys.range, b.keys.range);
            x.0.is_none().cmp(&y.0.is_none()).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)).then(a.id.cmp(&b.id))
        });
        let event_index: HashMap<String, usize> = events.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        let mut doc_reports: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (doc, start, id) in reports {
            if let Some(&i) = event_index.get(&id) {
                doc_reports.entry(doc).or_default().push((start, i));
            }
        }
        let mut entity_events: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, e) in events.iter().enumerate() {
            for k in e.keys.actors.iter().chain(&e.keys.recipients).filter(|k| k.starts_with("e:")) {
                let list = entity_events.entry(k.clone()).or_default();
                if list.last() != Some(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
        let ix = ReadIndexes::build(&docs, &events)?;
        let mut entries: Vec<StoryEntry> = stories
            .into_iter()
            .map(|s| {
                let heads: Vec<&EventHead> = ix
                    .events_by_story
                    .get(&s.id)
                    .map(|l| l.iter().filter_map(|&i| events.get(i as usize)).collect())
                    .unwrap_or_default();
                let members: Vec<&DocView> = ix
                    .docs_by_story
                    .get(&s.id)
                    .map(|l| l.iter().filter_map(|&i| docs.get(i as usize)).collect())
                    .unwrap_or_default();
                let (from, to) = story_span(&heads, &members);
                let outlets: BTreeSet<String> = members.iter().filter_map(|d| d.outlet.clone()).collect();
                let title = Some(s.title.clone())
                    .filter(|t| !t.trim().is_empty())
                    .or_else(|| members.iter().find_map(|d| d.title.clone()))
                    .unwrap_or_else(|| s.id.clone());
                StoryEntry {
                    version: members.len() as u64,
                    view: StoryView {
                        id: s.id.clone(),
                        title,
                        documents: members.iter().map(|d| d.id.clone()).collect(),
                        outlets: outlets.into_iter().collect(),
                        from: from.map(|d| d.to_string()),
                        to: to.map(|d| d.to_string()),
                        n_events: heads.len(),
                    },
                }
            })
            .collect();
        entries.sort_by(|a, b| {
            let (a, b) = (&a.view, &b.view);
            b.to.cmp(&a.to).then(b.documents.len().cmp(&a.documents.len())).then(a.id.cmp(&b.id))
        });
        let story_index = entries.iter().enumerate().map(|(i, s)| (s.view.id.clone(), i)).collect();
        let story_json = entries
            .iter()
            .map(|s| crate::json::to_safe_vec(&s.view).map(Vec::into_boxed_slice))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Snapshot {
            docs,
            doc_index,
            events,
            event_index,
            doc_reports,
            stories: entries,
            story_index,
            entity_events,
            clusters: Arc::new(clusters),
            ix,
            story_json,
            entities: OnceLock::new(),
            all_positions: OnceLock::new(),
        })
    }

    /// The story with this id.
    pub fn story(&self, id: &str) -> Option<&StoryEntry> {
        self.story_index.get(id).and_then(|&i| self.stories.get(i))
    }

    /// The entities (from the mentions table, the export's ids), most
    /// mentioned first; read on first use.
    pub fn entities(&self, store: &Store) -> Result<Arc<Vec<EntityView>>, ServerError> {
        if let Some(e) = self.entities.get() {
            return Ok(Arc::clone(e));
        }
        let rows = store.entity_rows()?;
        let views: Vec<EntityView> = rows
            .into_iter()
            .map(|r| {
                let name = r.names.first().map(|n| n.0.clone()).unwrap_or_default();
                let kb_id = r.id.strip_prefix("e:").filter(|k| !k.contains(':')).map(str::to_string);
                EntityView {
                    n_events: self.entity_events.get(&r.id.to_lowercase()).map_or(0, Vec::len),
                    id: r.id,
                    aliases: r.names.iter().skip(1).map(|n| n.0.clone()).collect(),
                    name,
                    entity_type: r.entity_type.as_str().to_string(),
                    kb_id,
                    country: None,
                    sector: None,
                    roles: Vec::new(),
                    documents: Vec::new(),
                    n_documents: r.documents as usize,
                    mentions: r.mentions as usize,
                }
            })
            .collect();
        Ok(Arc::clone(self.entities.get_or_init(|| Arc::new(views))))
    }

    /// The entities when already read.
    pub fn entities_if_ready(&self) -> Option<Arc<Vec<EntityView>>> {
        self.entities.get().cloned()
    }

    /// Positions over every story (each story's, in story order), built on
    /// first use from the stories' parts.
    pub fn all_positions(&self, parts: &StoryParts, store: &Store) -> Result<Arc<Vec<PositionView>>, ServerError> {
        if let Some(p) = self.all_positions.get() {
            return Ok(Arc::clone(p));
        }
        let mut all = Vec::new();
        for s in &self.stories {
            all.extend(parts.get(self, store, &s.view.id)?.positions().iter().cloned());
        }
        Ok(Arc::clone(self.all_positions.get_or_init(|| Arc::new(all))))
    }
}

/// What one story's positions, brief and summary timeline need: its
/// documents (decoded from the store on first use, without raw bytes,
/// tokens and blocks, which none of them reads) and merged events; each
/// view is built when first asked.
pub struct StoryPart {
    id: String,
    version: u64,
    docs: Vec<Document>,
    merged: Vec<MergedEvent>,
    title: String,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    positions: OnceLock<Vec<PositionView>>,
    brief: OnceLock<String>,
    summary: OnceLock<serde_json::Value>,
    /// The store's entity clusters (the brief's people).
    clusters: Arc<EntityClusters>,
}

/// A document as the views keep it: without what none of them reads.
fn slim(mut d: Document) -> Document {
    d.raw = Vec::new();
    d.tokens = Vec::new();
    d.blocks = Vec::new();
    d.extracted = String::new();
    d
}

impl StoryPart {
    fn load(store: &Store, entry: &StoryEntry, clusters: Arc<EntityClusters>) -> Result<StoryPart, ServerError> {
        let id = entry.view.id.clone();
        let docs: Vec<Document> = store.story_documents(&id)?.into_iter().map(slim).collect();
        let merged = store.merged_events_of(&id)?;
        let day = |s: &Option<String>| s.as_deref().and_then(|x| x.parse().ok());
        Ok(StoryPart {
            version: entry.version,
            title: entry.view.title.clone(),
            from: day(&entry.view.from),
            to: day(&entry.view.to),
            id,
            docs,
            merged,
            positions: OnceLock::new(),
            brief: OnceLock::new(),
            summary: OnceLock::new(),
            clusters,
        })
    }

    /// Negotiation positions of the story's documents.
    pub fn positions(&self) -> &[PositionView] {
        self.positions.get_or_init(|| {
            let by_id: HashMap<&DocId, &Document> = self.docs.iter().map(|d| (&d.id, d)).collect();
            let offsets = Offsets::new(&self.docs);
            positions(&self.docs).iter().map(|p| position_view(p, &by_id, &offsets)).collect()
        })
    }

    /// The cited Markdown brief.
    pub fn brief(&self) -> &str {
        self.brief.get_or_init(|| {
            let summary = StorySummary {
                id: self.id.clone(),
                title: self.title.clone(),
                documents: self.docs.iter().map(|d| d.id.clone()).collect(),
                from: self.from,
                to: self.to,
            };
            brief_stored(&summary, &self.docs, &self.merged, &self.clusters)
        })
    }

    /// The summary timeline (see [`summary_json`]).
    pub fn summary(&self) -> &serde_json::Value {
        self.summary.get_or_init(|| summary_json(&self.docs))
    }
}

/// Documents the cached story parts may hold together before the cache is
/// emptied (a bound on memory, whatever the stories' sizes).
const PARTS_MAX_DOCS: usize = 5_000;
/// Merged event views kept before that cache is emptied.
const EVENTS_MAX: usize = 20_000;

/// A merged event's full view and its JSON, with the version of its story.
pub struct EventPart {
    version: u64,
    /// The view.
    pub view: EventView,
    /// Its HTML-safe JSON.
    pub json: Box<[u8]>,
}

/// The caches of what needs document text: [`StoryPart`]s and merged event
/// views (an event's reports need only its reporting documents). An entry is
/// reused while its story's version is the snapshot's, and read again from
/// the store when the story changed — an ingest invalidates only the stories
/// it touched.
#[derive(Default)]
pub struct StoryParts {
    parts: Mutex<(HashMap<String, Arc<StoryPart>>, usize)>,
    events: Mutex<HashMap<String, Arc<EventPart>>>,
}

fn locked<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    match m.lock() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    }
}

impl StoryParts {
    /// The part of story `id` as of `snap`.
    pub fn get(&self, snap: &Snapshot, store: &Store, id: &str) -> Result<Arc<StoryPart>, ServerError> {
        let Some(entry) = snap.story(id) else {
            return Err(ServerError::Missing(id.to_string()));
        };
        let hit = locked(&self.parts).0.get(id).filter(|p| p.version == entry.version).cloned();
        if let Some(p) = hit {
            return Ok(p);
        }
        let part = Arc::new(StoryPart::load(store, entry, Arc::clone(&snap.clusters))?);
        let mut g = locked(&self.parts);
        let (parts, docs) = &mut *g;
        if *docs + part.docs.len() > PARTS_MAX_DOCS {
            parts.clear();
            *docs = 0;
        }
        *docs += part.docs.len();
        if let Some(old) = parts.insert(id.to_string(), Arc::clone(&part)) {
            *docs = docs.saturating_sub(old.docs.len());
        }
        Ok(part)
    }

    /// The cached view of the merged event at `index` of `snap`'s events,
    /// when it is cached and current.
    pub fn cached_event(&self, snap: &Snapshot, index: usize) -> Option<Arc<EventPart>> {
        let head = snap.events.get(index)?;
        let version = snap.story(&head.story).map_or(0, |s| s.version);
        locked(&self.events).get(&head.id).filter(|e| e.version == version).cloned()
    }

    /// The full view of the merged event at `index` of `snap`'s events.
    pub fn event(&self, snap: &Snapshot, store: &Store, index: usize) -> Result<Option<Arc<EventPart>>, ServerError> {
        let Some(head) = snap.events.get(index) else { return Ok(None) };
        let version = snap.story(&head.story).map_or(0, |s| s.version);
        if let Some(hit) = self.cached_event(snap, index) {
            return Ok(Some(hit));
        }
        let Some(m) = store.merged_event(&head.id)? else { return Ok(None) };
        let mut ids: Vec<String> = m.reports.iter().map(|r| r.doc.to_string()).collect();
        ids.sort();
        ids.dedup();
        let docs: Vec<Document> = store.documents_by_id(&ids)?.into_iter().map(slim).collect();
        let by_id: HashMap<&DocId, &Document> = docs.iter().map(|d| (&d.id, d)).collect();
        let view = event_view(&m, &by_id, &Offsets::new(&docs), &snap.clusters);
        let json = crate::json::to_safe_vec(&view).map_err(ServerError::Json)?.into_boxed_slice();
        let part = Arc::new(EventPart { version, view, json });
        let mut events = locked(&self.events);
        if events.len() >= EVENTS_MAX {
            events.clear();
        }
        events.insert(head.id.clone(), Arc::clone(&part));
        Ok(Some(part))
    }

    /// Drops what is cached of these stories (their documents were corrected).
    pub fn forget(&self, stories: &std::collections::HashSet<String>, snap: &Snapshot) {
        {
            let mut g = locked(&self.parts);
            let (parts, docs) = &mut *g;
            for s in stories {
                if let Some(old) = parts.remove(s) {
                    *docs = docs.saturating_sub(old.docs.len());
                }
            }
        }
        let mut events = locked(&self.events);
        for s in stories {
            for &i in snap.ix.events_by_story.get(s).map(Vec::as_slice).unwrap_or(&[]) {
                if let Some(h) = snap.events.get(i as usize) {
                    events.remove(&h.id);
                }
            }
        }
    }

    /// Cached story parts.
    pub fn len(&self) -> usize {
        locked(&self.parts).0.len()
    }

    /// True when no story part is cached.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
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

/// An argument as the export names it: its entity resolved against the
/// mentions of the reporting document.
fn arg_view(a: &EventArg, doc: Option<&&Document>, fallback: EntityType, clusters: &EntityClusters, story: Option<&str>) -> ArgView {
    let entity = match doc {
        Some(d) => chronicle_store::export::arg_entity(EntityIds::of(clusters, d), &d.mentions, a, fallback),
        None => head_entity(a, fallback, clusters, story),
    };
    ArgView { name: a.name.clone(), kb_id: a.kb_id.clone(), country: a.country.clone(), entity: Some(entity) }
}

fn event_view(m: &MergedEvent, by_id: &HashMap<&DocId, &Document>, offsets: &Offsets<'_>, clusters: &EntityClusters) -> EventView {
    let e = &m.event;
    let story = m.stories.first().map(String::as_str);
    // the representative report's document resolves the arguments
    let rep = m.reports.iter().find(|r| r.sentence == e.sentence).or(m.reports.first()).and_then(|r| by_id.get(&r.doc));
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
    EventView {
        id: m.id.clone(),
        event_type: e.event_type.as_str().to_string(),
        modality: e.modality.as_str().to_string(),
        mode: e.mode.clone(),
        date: DateView::of(&m.date),
        actors: e.actors.iter().map(|a| arg_view(a, rep, EntityType::Group, clusters, story)).collect(),
        recipients: e.recipients.iter().map(|a| arg_view(a, rep, EntityType::Group, clusters, story)).collect(),
        location: e.location.as_ref().map(|a| arg_view(a, rep, EntityType::Location, clusters, story)),
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
    }
}

/// An entity's roles as its documents state them (the holder resolved as
/// the export resolves it), from the documents given.
pub fn entity_roles(id: &str, docs: &[Document], clusters: &EntityClusters) -> Vec<RoleView> {
    let mut out = Vec::new();
    for d in docs {
        let co = CharOffsets::new(d.body());
        for r in &d.roles {
            if chronicle_store::export::role_holder(EntityIds::of(clusters, d), &d.mentions, &r.person, r.kb_id.as_deref()) != id {
                continue;
            }
            let (start, end) = co.span(r.evidence);
            out.push(RoleView {
                title: r.title.clone(),
                of: r.of.clone(),
                as_of: DateView::of(&r.as_of),
                evidence: vec![EvidenceView { doc: d.id.to_string(), text: r.evidence.text(d.body()).to_string(), start, end }],
            });
        }
    }
    out
}

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
        assert!(s.entities(&store).unwrap().is_empty());
        let parts = StoryParts::default();
        assert!(matches!(parts.get(&s, &store, "s:none"), Err(ServerError::Missing(_))));
    }
}
