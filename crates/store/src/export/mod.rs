//! The JSONL export, following `EXPORT-FORMAT.md` (the contract).
//!
//! The records here are the wire format: their own serde structs, never the
//! model's serde form. All offsets are converted at this edge from the model's
//! byte spans to **character** offsets with one [`CharOffsets`] per document.
//!
//! Order of the output: every `document` record, then every `entity` record
//! (aggregated over all documents, ordered by id), then per document its
//! `sentence` records (each with its tokens' tags, lemmas and dependency arcs;
//! unless disabled), `mention` (unless disabled), `time`, `quantity` and
//! `quote` records, then
//! the `event` records (merged across reports by [`write_jsonl_merged`], or one
//! per report by [`write_jsonl`]), then the `story` records.
//!
//! Entity ids are the clusters link's entity index decided at ingest
//! ([`Store::entity_clusters`]) of the ids [`chronicle_core::entity_id`] gives
//! over the mention's knowledge-base id, type and canonical name ("Tony
//! Hayward", "Mr Hayward" and "Hayward" in his story are one entity), so
//! mentions, entities, quote speakers, roles and event arguments agree; a
//! mention record keeps its own surface form. An event argument, quote speaker
//! or role holder is resolved to a mention of its document: first by span, then
//! by knowledge-base id, then by canonical name. A quote speaker or claimant
//! that matches no mention stays unresolved (`speaker: null`, `attributed_to`
//! keeps the words); an event argument that matches none still gets an id (its
//! knowledge-base id, else its name with type `location` for the event location
//! and `group` for actors and recipients) and an entity record, so no id in the
//! export dangles.
//!
//! Per-report event ids are `v:` plus 16 hex digits of BLAKE3 over
//! `"{doc id}|{trigger start}|{trigger end}"` (character offsets): stable
//! across reruns as long as the body and the trigger are. Merged events keep
//! the id the ingest stored them with (from their first stored report).

mod validate;

pub use validate::validate_record;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use chrono::NaiveDate;
use chronicle_core::{
    entity_id, CharOffsets, Document, EntityType, EventArg, Mention, Quantity, Span, UncertainDate,
};
use serde::Serialize;

use chronicle_core::record::{EntityClusters, MergedEvent, StorySummary};

use crate::{Store, StoreError};

/// How one document's entity ids map to the record's entities: the store's
/// clusters, in the document's story.
#[derive(Clone, Copy)]
pub struct EntityIds<'a> {
    clusters: &'a EntityClusters,
    story: Option<&'a str>,
}

impl<'a> EntityIds<'a> {
    /// The ids of `doc`'s entities under `clusters`.
    pub fn of(clusters: &'a EntityClusters, doc: &'a Document) -> EntityIds<'a> {
        EntityIds { clusters, story: doc.meta.story.as_deref() }
    }

    /// The entity a mention's own id belongs to.
    pub fn map(&self, id: String) -> String {
        self.clusters.map(id, self.story)
    }

    /// The entity of a mention.
    pub fn mention(&self, m: &Mention) -> String {
        self.map(mention_entity(m))
    }
}

/// What to export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    /// Write `mention` records (`--no-mentions` turns this off).
    pub mentions: bool,
    /// Write `sentence` records with their tokens and syntax
    /// (`--no-sentences` turns this off).
    pub sentences: bool,
    /// Where the layer records wait while the entities are gathered (an anonymous
    /// temporary file, as large as those records): beside the output file, so the
    /// export never fills the system's temporary folder; that folder when `None`.
    pub spill_dir: Option<std::path::PathBuf>,
}

impl Default for ExportOptions {
    fn default() -> ExportOptions {
        ExportOptions { mentions: true, sentences: true, spill_dir: None }
    }
}

/// How many records of each kind were written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportCounts {
    /// `document` records.
    pub documents: u64,
    /// `entity` records.
    pub entities: u64,
    /// `sentence` records.
    pub sentences: u64,
    /// `mention` records.
    pub mentions: u64,
    /// `time` records.
    pub times: u64,
    /// `quantity` records.
    pub quantities: u64,
    /// `quote` records.
    pub quotes: u64,
    /// `event` records.
    pub events: u64,
    /// `story` records.
    pub stories: u64,
}

impl ExportCounts {
    /// All records.
    pub fn total(&self) -> u64 {
        self.documents + self.entities + self.sentences + self.mentions + self.times + self.quantities + self.quotes + self.events + self.stories
    }
}

impl ExportCounts {
    fn add(&mut self, o: &ExportCounts) {
        self.documents += o.documents;
        self.entities += o.entities;
        self.sentences += o.sentences;
        self.mentions += o.mentions;
        self.times += o.times;
        self.quantities += o.quantities;
        self.quotes += o.quotes;
        self.events += o.events;
        self.stories += o.stories;
    }
}

/// What one document contributes, rendered off the main thread.
struct DocPart<R> {
    document: Vec<u8>,
    layers: Vec<u8>,
    counts: ExportCounts,
    entities: BTreeMap<String, EntityAgg>,
    extra: R,
}

/// The one pass over the documents both exports share: every `document`
/// record, then the `entity` records aggregated over all documents, then per
/// document its layer records (with per-report events when `events`). Each
/// document is decoded once and rendered on all cores; its layer lines wait in
/// an anonymous temporary file until the entities are written. `extra` runs
/// beside the rendering and `take` receives its results in document order.
fn write_documents_entities_layers<R: Send>(
    store: &Store,
    out: &mut dyn Write,
    opts: &ExportOptions,
    events: bool,
    extra: impl Fn(&Document, EntityIds<'_>, &CharOffsets) -> R + Sync,
    mut take: impl FnMut(R),
) -> Result<ExportCounts, StoreError> {
    use std::io::{Seek, SeekFrom};
    let mut counts = ExportCounts::default();
    let mut layer_counts = ExportCounts::default();
    let mut entities: BTreeMap<String, EntityAgg> = BTreeMap::new();
    let spill = match &opts.spill_dir {
        Some(dir) => tempfile::tempfile_in(dir)?,
        None => tempfile::tempfile()?,
    };
    let mut spill = std::io::BufWriter::new(spill);
    let clusters = store.entity_clusters()?;
    store.for_each_document_mapped(
        |doc| {
            let offsets = CharOffsets::new(doc.body());
            let ids = EntityIds::of(&clusters, &doc);
            let mut document = Vec::new();
            write_line(&mut document, &document_record(&doc))?;
            let mut ents = BTreeMap::new();
            collect_entities(&doc, ids, &offsets, &mut ents);
            let (mut layers, mut c) = (Vec::new(), ExportCounts::default());
            write_layers_with(&doc, ids, &mut layers, opts, &mut c, events)?;
            let extra = extra(&doc, ids, &offsets);
            Ok(DocPart { document, layers, counts: c, entities: ents, extra })
        },
        |part| {
            out.write_all(&part.document)?;
            counts.documents += 1;
            for (id, agg) in part.entities {
                match entities.entry(id) {
                    std::collections::btree_map::Entry::Vacant(v) => {
                        v.insert(agg);
                    }
                    std::collections::btree_map::Entry::Occupied(mut o) => o.get_mut().merge(agg),
                }
            }
            spill.write_all(&part.layers)?;
            layer_counts.add(&part.counts);
            take(part.extra);
            Ok(())
        },
    )?;
    for (id, agg) in &entities {
        write_line(out, &agg.record(id))?;
        counts.entities += 1;
    }
    let mut file = spill.into_inner().map_err(|e| e.into_error())?;
    file.seek(SeekFrom::Start(0))?;
    std::io::copy(&mut file, out)?;
    counts.add(&layer_counts);
    Ok(counts)
}

/// One report of a merged event found in a document: (event, report, report
/// record, the event's fields when this is its representative report).
type FoundReport = (usize, usize, serde_json::Value, Option<serde_json::Map<String, serde_json::Value>>);

/// The cross-document results to export with the store: events merged across
/// reports (as stored, [`Store::merged_events`]) and stories.
pub struct CrossRecords<'a> {
    /// One event per real-world event, with all its reports.
    pub events: &'a [MergedEvent],
    /// Stories.
    pub stories: &'a [StorySummary],
}

/// Writes the whole store as JSONL to `out`, with one `event` record per
/// merged event (every report in `reports`, `num_sources`, `contradictions`)
/// and one `story` record per story: the contract's meaning of an event.
/// Documents stream from the store; only the merged events are in memory.
pub fn write_jsonl_merged(
    store: &Store,
    out: &mut dyn Write,
    opts: &ExportOptions,
    cross: &CrossRecords<'_>,
) -> Result<ExportCounts, StoreError> {
    // which reports each document holds, and which report is each event's representative
    let mut by_doc: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    let mut rep_of: Vec<usize> = Vec::with_capacity(cross.events.len());
    for (ei, e) in cross.events.iter().enumerate() {
        for (ri, r) in e.reports.iter().enumerate() {
            by_doc.entry(r.doc.as_str()).or_default().push((ei, ri));
        }
        rep_of.push(e.reports.iter().position(|r| r.sentence == e.event.sentence && r.trigger == e.event.trigger).unwrap_or(0));
    }
    let mut reports: Vec<Vec<Option<serde_json::Value>>> = cross.events.iter().map(|e| vec![None; e.reports.len()]).collect();
    let mut fields: Vec<Option<serde_json::Map<String, serde_json::Value>>> = vec![None; cross.events.len()];
    let found_in = |doc: &Document, ids: EntityIds<'_>, offsets: &CharOffsets| -> Vec<FoundReport> {
        let body = doc.body();
        let mut found = Vec::new();
        for &(ei, ri) in by_doc.get(doc.id.as_str()).map(Vec::as_slice).unwrap_or(&[]) {
            let (Some(e), Some(r)) = (cross.events.get(ei), cross.events.get(ei).and_then(|e| e.reports.get(ri))) else { continue };
            if !fits(body, r.sentence) || !fits(body, r.trigger) {
                continue;
            }
            let (start, end) = offsets.span(r.sentence);
            let (trigger_start, trigger_end) = offsets.span(r.trigger);
            let report = serde_json::json!({
                "doc": doc.id.as_str(), "start": start, "end": end, "trigger_start": trigger_start, "trigger_end": trigger_end
            });
            let rep = (rep_of.get(ei) == Some(&ri)).then(|| event_fields(doc, ids, offsets, &e.event));
            found.push((ei, ri, report, rep));
        }
        found
    };
    let take = |found: Vec<FoundReport>| {
        for (ei, ri, report, rep) in found {
            reports[ei][ri] = Some(report);
            if rep.is_some() {
                fields[ei] = rep;
            }
        }
    };
    let mut counts = write_documents_entities_layers(store, out, opts, false, found_in, take)?;
    for (ei, e) in cross.events.iter().enumerate() {
        let Some(mut rec) = fields[ei].take() else { continue };
        let reps: Vec<serde_json::Value> = reports[ei].iter_mut().filter_map(Option::take).collect();
        if reps.is_empty() {
            continue;
        }
        rec.insert("id".into(), e.id.clone().into());
        rec.insert("date".into(), serde_json::to_value(DateRecord::of(&e.date)).unwrap_or_default());
        rec.insert("summary".into(), e.summary.clone().into());
        rec.insert("reports".into(), reps.into());
        rec.insert("num_sources".into(), e.num_sources.into());
        let contradictions: Vec<serde_json::Value> = e
            .contradictions
            .iter()
            .map(|c| {
                let values: Vec<serde_json::Value> = c.values.iter().map(|(v, d)| serde_json::json!({"value": v, "doc": d.as_str()})).collect();
                serde_json::json!({"field": c.field, "values": values})
            })
            .collect();
        rec.insert("contradictions".into(), contradictions.into());
        write_line(out, &serde_json::Value::Object(rec))?;
        counts.events += 1;
    }
    // stories, their events ordered by event date
    for st in cross.stories {
        let story_id = st.id.to_string();
        let mut evs: Vec<&MergedEvent> = cross.events.iter().filter(|e| e.stories.contains(&story_id)).collect();
        evs.sort_by(|a, b| {
            let (x, y) = (a.date.order_key(), b.date.order_key());
            x.is_none().cmp(&y.is_none()).then(x.cmp(&y)).then(a.id.cmp(&b.id))
        });
        let rec = serde_json::json!({
            "kind": "story",
            "id": st.id.to_string(),
            "title": st.title,
            "documents": st.documents.iter().map(|d| d.as_str()).collect::<Vec<_>>(),
            "events": evs.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
            "span": {"from": st.from.map(iso), "to": st.to.map(iso)},
        });
        write_line(out, &rec)?;
        counts.stories += 1;
    }
    out.flush()?;
    Ok(counts)
}

/// The fields of an event record that come from its representative report
/// (resolved against that report's document), without id, date, summary,
/// reports, sources or contradictions.
fn event_fields(doc: &Document, ids: EntityIds<'_>, offsets: &CharOffsets, e: &chronicle_core::Event) -> serde_json::Map<String, serde_json::Value> {
    let body = doc.body();
    let attributed_to = e.attributed_to.as_deref().filter(|a| !a.is_empty()).map(|a| {
        resolve(&doc.mentions, Some(a), None, None).map_or_else(|| a.to_string(), |m| ids.mention(m))
    });
    let quantities: Vec<serde_json::Value> = e
        .quantities
        .iter()
        .filter_map(|q| quantity_body(body, offsets, q))
        .filter_map(|q| serde_json::to_value(q).ok())
        .collect();
    let v = serde_json::json!({
        "kind": "event",
        "type": e.event_type.as_str(),
        "mode": e.mode,
        "context": e.context,
        "cameo": e.cameo,
        "actors": e.actors.iter().map(|a| arg_entity(ids, &doc.mentions, a, EntityType::Group)).collect::<Vec<_>>(),
        "recipients": e.recipients.iter().map(|a| arg_entity(ids, &doc.mentions, a, EntityType::Group)).collect::<Vec<_>>(),
        "location": e.location.as_ref().map(|a| arg_entity(ids, &doc.mentions, a, EntityType::Location)),
        "place": e.place.as_ref().map(PlaceRecord::of),
        "quantities": quantities,
        "modality": e.modality.as_str(),
        "attributed_to": attributed_to,
        "items": e.items,
        "rule": e.rule,
    });
    match v {
        serde_json::Value::Object(m) => m,
        _ => serde_json::Map::new(),
    }
}

/// Writes the whole store as JSONL to `out`, one `event` record per report
/// (each with one report and `num_sources` 1): the streaming form for stores
/// too large to merge, `chronicle export --reports`.
pub fn write_jsonl(store: &Store, out: &mut dyn Write, opts: &ExportOptions) -> Result<ExportCounts, StoreError> {
    let counts = write_documents_entities_layers(store, out, opts, true, |_, _, _| (), |()| ())?;
    out.flush()?;
    Ok(counts)
}

/// The id of an event: `v:` + 16 hex of BLAKE3 over doc id and the trigger's
/// character offsets.
pub fn event_id(doc: &str, trigger_start: usize, trigger_end: usize) -> String {
    let hash = blake3::hash(format!("{doc}|{trigger_start}|{trigger_end}").as_bytes());
    format!("v:{}", &hash.to_hex()[..16])
}

/// The id of the `k`-th event (from 0) of a document coded from one trigger:
/// the first keeps [`event_id`]; later ones (another type from the same words,
/// one copy per date of "talks on May 16 and June 2") add their rank.
pub fn event_id_nth(doc: &str, trigger_start: usize, trigger_end: usize, k: usize) -> String {
    if k == 0 {
        return event_id(doc, trigger_start, trigger_end);
    }
    let hash = blake3::hash(format!("{doc}|{trigger_start}|{trigger_end}|{k}").as_bytes());
    format!("v:{}", &hash.to_hex()[..16])
}

/// The ids of a document's events, in order (character offsets of the triggers).
pub fn event_ids(doc: &chronicle_core::Document) -> Vec<String> {
    let body = doc.body();
    let offsets = chronicle_core::CharOffsets::new(body);
    let mut seen: std::collections::HashMap<(usize, usize), usize> = std::collections::HashMap::new();
    doc.events
        .iter()
        .map(|e| {
            let (a, b) = offsets.span(e.trigger);
            let k = seen.entry((a, b)).or_insert(0);
            let id = event_id_nth(doc.id.as_str(), a, b, *k);
            *k += 1;
            id
        })
        .collect()
}

fn write_line<T: Serialize>(out: &mut dyn Write, record: &T) -> Result<(), StoreError> {
    serde_json::to_writer(&mut *out, record).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    Ok(())
}

// ---------------------------------------------------------------- records

/// An uncertain date on the wire.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
struct DateRecord {
    value: Option<String>,
    earliest: Option<String>,
    latest: Option<String>,
    /// Added field: the weekday the text names when it names no date
    /// ("Monday"); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    weekday: Option<&'static str>,
    /// Added field: the month and day the text names when the year stays open
    /// (`--06-02`, ISO 8601's form without a year); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    month_day: Option<String>,
}

impl DateRecord {
    /// The wire form. A `value` that is not an ISO date of year, month or day
    /// precision is dropped (null: unknown) rather than exported malformed.
    fn of(d: &UncertainDate) -> DateRecord {
        let value = d.value.clone().filter(|v| validate::iso_value(v, "value").is_ok());
        let weekday = if value.is_none() { d.weekday_name() } else { None };
        let month_day = d.month_day.filter(|_| value.is_none()).map(|(m, day)| format!("--{m:02}-{day:02}"));
        DateRecord { value, earliest: d.earliest.map(iso), latest: d.latest.map(iso), weekday, month_day }
    }
}

/// True for a code of `n` ASCII letters passing `ok` (ISO 639-1 `en`, ISO 3166 `RUS`).
fn is_code(s: &str, n: usize, ok: impl Fn(u8) -> bool) -> bool {
    s.len() == n && s.bytes().all(ok)
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

#[derive(Serialize)]
struct PublishedRecord {
    value: Option<String>,
    earliest: Option<String>,
    latest: Option<String>,
    basis: &'static str,
}

#[derive(Serialize)]
struct DocumentRecord<'a> {
    kind: &'static str,
    id: &'a str,
    source: &'a str,
    outlet: Option<&'a str>,
    title: Option<&'a str>,
    published: PublishedRecord,
    language: Option<&'a str>,
    body: &'a str,
    appended_to: Option<&'a str>,
    duplicate_of: Option<&'a str>,
    story: Option<&'a str>,
    // extras
    url: Option<&'a str>,
    format: &'static str,
    genre: &'static str,
}

fn document_record(doc: &Document) -> DocumentRecord<'_> {
    let m = &doc.meta;
    let d = DateRecord::of(&m.published.date);
    DocumentRecord {
        kind: "document",
        id: doc.id.as_str(),
        source: &doc.source,
        outlet: m.outlet.as_deref(),
        title: m.title.as_deref(),
        published: PublishedRecord { value: d.value, earliest: d.earliest, latest: d.latest, basis: m.published.basis.as_str() },
        language: m.language.as_deref().filter(|l| is_code(l, 2, |b| b.is_ascii_lowercase())),
        body: doc.body(),
        appended_to: m.appended_to.as_ref().map(|i| i.as_str()),
        duplicate_of: m.duplicate_of.as_ref().map(|i| i.as_str()),
        story: m.story.as_deref().filter(|s| s.len() > 2 && s.starts_with("s:")),
        url: m.url.as_deref(),
        format: doc.format.as_str(),
        genre: m.genre.as_str(),
    }
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
struct SpanRef {
    doc: String,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct RoleRecord<'a> {
    title: &'a str,
    of: Option<&'a str>,
    as_of: &'a DateRecord,
    evidence: &'a [SpanRef],
}

#[derive(Serialize)]
struct EntityRecord<'a> {
    kind: &'static str,
    id: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    entity_type: &'static str,
    aliases: Vec<&'a str>,
    country: Option<&'a str>,
    sector: Option<&'a str>,
    roles: Vec<RoleRecord<'a>>,
}

/// A sentence with its tokens.
#[derive(Serialize)]
struct SentenceRecord<'a> {
    kind: &'static str,
    doc: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    tokens: Vec<TokenRecord<'a>>,
}

/// A token of a sentence record: its span, and (null when the syntax step did
/// not run) tags, lemma and arc, CoNLL-U style: `head` is the 1-based position
/// of the head token in the sentence's `tokens`, 0 for the root.
#[derive(Serialize)]
struct TokenRecord<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    upos: Option<&'static str>,
    xpos: Option<&'a str>,
    lemma: Option<&'a str>,
    head: Option<usize>,
    deprel: Option<&'a str>,
}

#[derive(Serialize)]
struct MentionRecord<'a> {
    kind: &'static str,
    doc: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    entity: String,
    // extras
    #[serde(rename = "type")]
    entity_type: &'static str,
}

#[derive(Serialize)]
struct TimeRecord<'a> {
    kind: &'static str,
    doc: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    time_type: &'static str,
    value: Option<&'a str>,
    // extras
    resolved: DateRecord,
}

/// A quantity without its document (inside events) …
#[derive(Serialize)]
struct QuantityBody<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    value: f64,
    approx: Option<&'static str>,
    unit: Option<&'a str>,
    counts: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    ordinal: bool,
}

/// … and as a record of its own.
#[derive(Serialize)]
struct QuantityRecord<'a> {
    kind: &'static str,
    doc: &'a str,
    #[serde(flatten)]
    quantity: QuantityBody<'a>,
}

#[derive(Serialize)]
struct QuoteRecord<'a> {
    kind: &'static str,
    doc: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    speaker: Option<String>,
    speaker_text: Option<&'a str>,
    cue: Option<&'a str>,
    direct: bool,
}

#[derive(Serialize)]
struct ReportRecord<'a> {
    doc: &'a str,
    start: usize,
    end: usize,
    trigger_start: usize,
    trigger_end: usize,
}

#[derive(Serialize)]
struct EventRecord<'a> {
    kind: &'static str,
    id: String,
    #[serde(rename = "type")]
    event_type: &'static str,
    mode: Option<&'a str>,
    context: &'a [String],
    cameo: Option<&'a str>,
    actors: Vec<String>,
    recipients: Vec<String>,
    date: DateRecord,
    location: Option<String>,
    place: Option<PlaceRecord<'a>>,
    quantities: Vec<QuantityBody<'a>>,
    modality: &'static str,
    attributed_to: Option<String>,
    summary: &'a str,
    reports: Vec<ReportRecord<'a>>,
    num_sources: usize,
    contradictions: Vec<serde_json::Value>,
    // extras
    items: &'a [String],
    rule: &'a str,
}

/// An event's resolved place: `{name, geonames_id, country, lat, lon, basis}`
/// (`basis` left out for places stored before it existed).
#[derive(Serialize)]
struct PlaceRecord<'a> {
    name: &'a str,
    geonames_id: Option<u32>,
    country: Option<&'a str>,
    lat: Option<f64>,
    lon: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    basis: Option<&'static str>,
}

impl<'a> PlaceRecord<'a> {
    fn of(p: &'a chronicle_core::Place) -> PlaceRecord<'a> {
        PlaceRecord {
            name: &p.name,
            geonames_id: p.geonames_id,
            country: p.country.as_deref(),
            lat: p.lat,
            lon: p.lon,
            basis: p.basis.map(chronicle_core::PlaceBasis::as_str),
        }
    }
}

// ---------------------------------------------------------------- entities

/// What the export learns about one entity across all documents.
#[derive(Default)]
struct EntityAgg {
    names: BTreeMap<String, usize>,
    types: BTreeMap<EntityType, usize>,
    aliases: BTreeSet<String>,
    countries: BTreeMap<String, usize>,
    sectors: BTreeMap<String, usize>,
    /// (title, of, as_of) → evidence.
    roles: BTreeMap<(String, Option<String>, DateRecord), Vec<SpanRef>>,
}

impl EntityAgg {
    fn note(&mut self, name: &str, entity_type: EntityType, country: Option<&str>, sector: Option<&str>) {
        *self.names.entry(name.to_string()).or_default() += 1;
        *self.types.entry(entity_type).or_default() += 1;
        if let Some(c) = country.filter(|c| !c.is_empty()) {
            *self.countries.entry(c.to_string()).or_default() += 1;
        }
        if let Some(s) = sector.filter(|s| !s.is_empty()) {
            *self.sectors.entry(s.to_string()).or_default() += 1;
        }
    }

    /// Adds what another document learnt. Evidence spans name their document,
    /// so those of two documents never coincide and simply append in order.
    fn merge(&mut self, other: EntityAgg) {
        fn add<K: Ord>(into: &mut BTreeMap<K, usize>, from: BTreeMap<K, usize>) {
            for (k, n) in from {
                *into.entry(k).or_default() += n;
            }
        }
        add(&mut self.names, other.names);
        add(&mut self.types, other.types);
        add(&mut self.countries, other.countries);
        add(&mut self.sectors, other.sectors);
        self.aliases.extend(other.aliases);
        for (key, evidence) in other.roles {
            self.roles.entry(key).or_default().extend(evidence);
        }
    }

    fn record<'a>(&'a self, id: &'a str) -> EntityRecord<'a> {
        EntityRecord {
            kind: "entity",
            id,
            name: most_frequent(&self.names).map_or("", String::as_str),
            entity_type: most_frequent(&self.types).copied().unwrap_or(EntityType::Group).as_str(),
            aliases: self.aliases.iter().map(String::as_str).collect(),
            country: most_frequent(&self.countries)
                .map(String::as_str)
                .filter(|c| is_code(c, 3, |b| b.is_ascii_uppercase())),
            sector: most_frequent(&self.sectors).map(String::as_str),
            roles: self
                .roles
                .iter()
                .map(|((title, of, as_of), evidence)| RoleRecord {
                    title,
                    of: of.as_deref(),
                    as_of,
                    evidence,
                })
                .collect(),
        }
    }
}

/// The key with the highest count; ties go to the smallest key.
fn most_frequent<K: Ord>(counts: &BTreeMap<K, usize>) -> Option<&K> {
    let mut best: Option<(&K, usize)> = None;
    for (k, &n) in counts {
        let better = match best {
            None => true,
            Some((_, b)) => n > b,
        };
        if better {
            best = Some((k, n));
        }
    }
    best.map(|(k, _)| k)
}

/// Resolves an argument, speaker or role holder to a mention of the document:
/// by span, then knowledge-base id, then canonical name.
fn resolve<'d>(
    mentions: &'d [Mention],
    name: Option<&str>,
    kb: Option<&str>,
    span: Option<Span>,
) -> Option<&'d Mention> {
    if let Some(s) = span {
        if let Some(m) = mentions.iter().find(|m| m.span == s).or_else(|| mentions.iter().find(|m| m.span.overlaps(s))) {
            return Some(m);
        }
    }
    if let Some(kb) = kb.filter(|k| !k.is_empty()) {
        if let Some(m) = mentions.iter().find(|m| m.kb_id.as_deref() == Some(kb)) {
            return Some(m);
        }
    }
    let name = name.filter(|n| !n.is_empty())?;
    mentions.iter().find(|m| m.canonical == name)
}

fn mention_entity(m: &Mention) -> String {
    entity_id(m.kb_id.as_deref(), m.entity_type, &m.canonical)
}

/// The entity id of an event argument (see the module docs), with the type
/// used when it matches no mention.
pub fn arg_entity(ids: EntityIds<'_>, mentions: &[Mention], arg: &EventArg, fallback: EntityType) -> String {
    match resolve(mentions, Some(&arg.name), arg.kb_id.as_deref(), arg.span) {
        Some(m) => ids.mention(m),
        None => ids.map(entity_id(arg.kb_id.as_deref(), fallback, &arg.name)),
    }
}

/// The entity id of a quote's speaker, `None` when unresolved.
fn speaker_entity(ids: EntityIds<'_>, mentions: &[Mention], q: &chronicle_core::Quote) -> Option<String> {
    if q.speaker.is_none() && q.speaker_kb_id.is_none() {
        return None;
    }
    if let Some(m) = resolve(mentions, q.speaker.as_deref(), q.speaker_kb_id.as_deref(), None) {
        return Some(ids.mention(m));
    }
    // Unresolved: an id without an entity record would dangle, so none.
    None
}

/// The entity id of a role's holder, as the export's role records give it.
pub fn role_holder(ids: EntityIds<'_>, mentions: &[Mention], person: &str, kb: Option<&str>) -> String {
    role_entity(ids, mentions, person, kb).0
}

/// The holder of a role: a matching mention, else a person entity.
fn role_entity<'d>(ids: EntityIds<'_>, mentions: &'d [Mention], person: &str, kb: Option<&str>) -> (String, Option<&'d Mention>) {
    match resolve(mentions, Some(person), kb, None) {
        Some(m) => (ids.mention(m), Some(m)),
        None => (ids.map(entity_id(kb, EntityType::Person, person)), None),
    }
}

fn collect_entities(doc: &Document, ids: EntityIds<'_>, offsets: &CharOffsets, entities: &mut BTreeMap<String, EntityAgg>) {
    let body = doc.body();
    for m in &doc.mentions {
        if !fits(body, m.span) {
            continue;
        }
        let agg = entities.entry(ids.mention(m)).or_default();
        agg.note(&m.canonical, m.entity_type, m.country.as_deref(), m.sector.as_deref());
        agg.aliases.insert(m.span.text(body).to_string());
    }
    for r in &doc.roles {
        if !fits(body, r.evidence) {
            continue;
        }
        let (id, mention) = role_entity(ids, &doc.mentions, &r.person, r.kb_id.as_deref());
        let agg = entities.entry(id).or_default();
        if mention.is_none() {
            agg.note(&r.person, EntityType::Person, None, None);
        }
        let (start, end) = offsets.span(r.evidence);
        let evidence = agg.roles.entry((r.title.clone(), r.of.clone(), DateRecord::of(&r.as_of))).or_default();
        let span = SpanRef { doc: doc.id.to_string(), start, end };
        if !evidence.contains(&span) {
            evidence.push(span);
        }
    }
    for e in &doc.events {
        let args = e.actors.iter().chain(&e.recipients).map(|a| (a, EntityType::Group));
        for (arg, fallback) in args.chain(e.location.iter().map(|a| (a, EntityType::Location))) {
            if resolve(&doc.mentions, Some(&arg.name), arg.kb_id.as_deref(), arg.span).is_some() {
                continue; // its mention already made the entity
            }
            let agg = entities.entry(arg_entity(ids, &doc.mentions, arg, fallback)).or_default();
            agg.note(&arg.name, fallback, arg.country.as_deref(), arg.sector.as_deref());
            if let Some(s) = arg.span.filter(|s| fits(body, *s)) {
                agg.aliases.insert(s.text(body).to_string());
            }
        }
    }
}

// ---------------------------------------------------------------- layers

/// True when `span` lies inside `text` on character boundaries.
fn fits(text: &str, span: Span) -> bool {
    Span::new(text, span.start(), span.end()).is_ok()
}

fn quantity_body<'a>(body: &'a str, offsets: &CharOffsets, q: &'a Quantity) -> Option<QuantityBody<'a>> {
    if !fits(body, q.span) || !q.value.is_finite() {
        return None;
    }
    let (start, end) = offsets.span(q.span);
    Some(QuantityBody {
        start,
        end,
        text: q.span.text(body),
        value: q.value,
        approx: q.approx.map(|a| a.as_str()),
        unit: q.unit.as_deref(),
        counts: q.counts.as_deref(),
        ordinal: q.ordinal,
    })
}

/// The `sentence` records of a document: every sentence with the tokens inside
/// it. A sentence any of whose spans falls outside the body is left out.
fn sentence_records<'a>(doc: &'a Document, offsets: &CharOffsets) -> Vec<SentenceRecord<'a>> {
    let body = doc.body();
    let id = doc.id.as_str();
    let ranges = doc.sentence_token_ranges();
    let mut out = Vec::with_capacity(doc.sentences.len());
    for (sentence, range) in doc.sentences.iter().zip(ranges) {
        let tokens = &doc.tokens[range.clone()];
        if !fits(body, sentence.span) || !tokens.iter().all(|t| fits(body, t.span)) {
            continue;
        }
        let (start, end) = offsets.span(sentence.span);
        let tokens = tokens
            .iter()
            .map(|t| {
                let (start, end) = offsets.span(t.span);
                let syntax = t.syntax.as_ref();
                let head = syntax.and_then(|s| match s.head {
                    None => Some(0),
                    Some(h) => range.contains(&(h as usize)).then(|| h as usize - range.start + 1),
                });
                TokenRecord {
                    start,
                    end,
                    text: t.span.text(body),
                    upos: syntax.map(|s| s.upos.as_str()),
                    xpos: syntax.map(|s| s.xpos.as_str()).filter(|x| !x.is_empty()),
                    lemma: syntax.map(|s| s.lemma.as_str()).filter(|l| !l.is_empty()),
                    head,
                    deprel: syntax.map(|s| s.deprel.as_str()).filter(|d| !d.is_empty()),
                }
            })
            .collect();
        out.push(SentenceRecord { kind: "sentence", doc: id, start, end, text: sentence.span.text(body), tokens });
    }
    out
}

fn write_layers_with(
    doc: &Document,
    ids: EntityIds<'_>,
    out: &mut dyn Write,
    opts: &ExportOptions,
    counts: &mut ExportCounts,
    events: bool,
) -> Result<(), StoreError> {
    let body = doc.body();
    let id = doc.id.as_str();
    let offsets = CharOffsets::new(body);

    if opts.sentences {
        for rec in sentence_records(doc, &offsets) {
            write_line(out, &rec)?;
            counts.sentences += 1;
        }
    }
    if opts.mentions {
        for m in doc.mentions.iter().filter(|m| fits(body, m.span)) {
            let (start, end) = offsets.span(m.span);
            let rec = MentionRecord {
                kind: "mention",
                doc: id,
                start,
                end,
                text: m.span.text(body),
                entity: ids.mention(m),
                entity_type: m.entity_type.as_str(),
            };
            write_line(out, &rec)?;
            counts.mentions += 1;
        }
    }
    for t in doc.times.iter().filter(|t| fits(body, t.span)) {
        let (start, end) = offsets.span(t.span);
        let rec = TimeRecord {
            kind: "time",
            doc: id,
            start,
            end,
            text: t.span.text(body),
            time_type: t.time_type.as_str(),
            value: t.value.as_deref(),
            resolved: DateRecord::of(&t.resolved),
        };
        write_line(out, &rec)?;
        counts.times += 1;
    }
    for q in &doc.quantities {
        if let Some(quantity) = quantity_body(body, &offsets, q) {
            write_line(out, &QuantityRecord { kind: "quantity", doc: id, quantity })?;
            counts.quantities += 1;
        }
    }
    for q in doc.quotes.iter().filter(|q| fits(body, q.span)) {
        let (start, end) = offsets.span(q.span);
        let rec = QuoteRecord {
            kind: "quote",
            doc: id,
            start,
            end,
            text: q.span.text(body),
            speaker: speaker_entity(ids, &doc.mentions, q),
            speaker_text: q.speaker_text.as_deref(),
            cue: q.cue.as_deref(),
            direct: q.direct,
        };
        write_line(out, &rec)?;
        counts.quotes += 1;
    }
    if !events {
        return Ok(());
    }
    let event_ids = event_ids(doc);
    for (e, event_id) in doc.events.iter().zip(event_ids).filter(|(e, _)| fits(body, e.sentence) && fits(body, e.trigger)) {
        let (start, end) = offsets.span(e.sentence);
        let (trigger_start, trigger_end) = offsets.span(e.trigger);
        let attributed_to = e.attributed_to.as_deref().filter(|a| !a.is_empty()).map(|a| {
            resolve(&doc.mentions, Some(a), None, None).map_or_else(|| a.to_string(), |m| ids.mention(m))
        });
        let rec = EventRecord {
            kind: "event",
            id: event_id,
            event_type: e.event_type.as_str(),
            mode: e.mode.as_deref(),
            context: &e.context,
            cameo: e.cameo.as_deref(),
            actors: e.actors.iter().map(|a| arg_entity(ids, &doc.mentions, a, EntityType::Group)).collect(),
            recipients: e.recipients.iter().map(|a| arg_entity(ids, &doc.mentions, a, EntityType::Group)).collect(),
            date: DateRecord::of(&e.date),
            location: e.location.as_ref().map(|a| arg_entity(ids, &doc.mentions, a, EntityType::Location)),
            place: e.place.as_ref().map(PlaceRecord::of),
            quantities: e.quantities.iter().filter_map(|q| quantity_body(body, &offsets, q)).collect(),
            modality: e.modality.as_str(),
            attributed_to,
            summary: e.sentence.text(body),
            reports: vec![ReportRecord { doc: id, start, end, trigger_start, trigger_end }],
            num_sources: 1,
            contradictions: Vec::new(),
            items: &e.items,
            rule: &e.rule,
        };
        write_line(out, &rec)?;
        counts.events += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;
    use serde_json::Value;

    /// Exports `docs` from a fresh store and returns the lines parsed, after
    /// checking every line against the contract.
    fn check(docs: Vec<Document>, opts: &ExportOptions) -> (Vec<Value>, ExportCounts) {
        let mut store = Store::open_in_memory().unwrap();
        store.write_batch(docs).unwrap();
        let mut out = Vec::new();
        let counts = write_jsonl(&store, &mut out, opts).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<Value> = text
            .lines()
            .map(|l| {
                if let Err(e) = validate_record(l) {
                    panic!("invalid line {l}: {e}");
                }
                serde_json::from_str(l).unwrap()
            })
            .collect();
        assert_eq!(lines.len() as u64, counts.total());
        (lines, counts)
    }

    fn of_kind<'a>(lines: &'a [Value], kind: &str) -> Vec<&'a Value> {
        lines.iter().filter(|l| l["kind"] == kind).collect()
    }

    fn chars(s: &str, start: &Value, end: &Value) -> String {
        let (a, b) = (start.as_u64().unwrap() as usize, end.as_u64().unwrap() as usize);
        s.chars().skip(a).take(b - a).collect()
    }

    #[test]
    fn full_document_exports_valid_lines_in_order() {
        let doc = sample::full();
        let (lines, counts) = check(vec![doc.clone()], &ExportOptions::default());
        assert_eq!(
            counts,
            ExportCounts {
                documents: 1,
                entities: 4,
                sentences: 3,
                mentions: 5,
                times: 1,
                quantities: 2,
                quotes: 1,
                events: 2,
                stories: 0
            }
        );
        let kinds: Vec<&str> = lines.iter().map(|l| l["kind"].as_str().unwrap()).collect();
        assert_eq!(kinds[0], "document");
        assert!(kinds[1..5].iter().all(|k| *k == "entity"), "{kinds:?}");
        let d = &lines[0];
        assert_eq!(d["id"], doc.id.as_str());
        assert_eq!(d["body"], sample::BODY);
        assert_eq!(d["published"]["value"], "2024-03-04");
        assert_eq!(d["published"]["basis"], "explicit");
        assert_eq!(d["story"], "s:0123456789abcdef");
        assert!(d["appended_to"].is_null());
        assert_eq!(d["genre"], "article");
    }

    #[test]
    fn spans_are_character_offsets() {
        let (lines, _) = check(vec![sample::full()], &ExportOptions::default());
        let body = sample::BODY;
        for kind in ["mention", "time", "quantity", "quote"] {
            for l in of_kind(&lines, kind) {
                assert_eq!(chars(body, &l["start"], &l["end"]), l["text"].as_str().unwrap(), "{l}");
            }
        }
        let zurich = of_kind(&lines, "mention").into_iter().find(|m| m["text"] == "Zürich").unwrap();
        let byte = body.find("Zürich").unwrap();
        let char_start = body[..byte].chars().count();
        assert_eq!(zurich["start"], char_start);
        assert!(char_start < byte, "non-ASCII before it makes the offsets differ");
        let event = of_kind(&lines, "event")[0];
        let r = &event["reports"][0];
        assert_eq!(chars(body, &r["trigger_start"], &r["trigger_end"]), "met");
        assert_eq!(chars(body, &r["start"], &r["end"]), event["summary"].as_str().unwrap());
    }

    #[test]
    fn entities_aggregate_mentions_roles_and_arguments() {
        let (lines, _) = check(vec![sample::full()], &ExportOptions::default());
        let entities = of_kind(&lines, "entity");
        let by_id = |id: &str| *entities.iter().find(|e| e["id"] == id).unwrap_or_else(|| panic!("no {id}"));
        let kjaer = by_id("e:person:søren-kjær");
        assert_eq!(kjaer["name"], "Søren Kjær");
        assert_eq!(kjaer["type"], "person");
        assert_eq!(kjaer["aliases"], serde_json::json!(["Kjær", "Søren Kjær"]));
        assert_eq!(kjaer["country"], "DNK");
        let role = &kjaer["roles"][0];
        assert_eq!(role["title"], "finance minister");
        assert_eq!(role["of"], "DNK");
        assert_eq!(role["as_of"]["value"], "2024-03-04");
        let ev = &role["evidence"][0];
        assert_eq!(chars(sample::BODY, &ev["start"], &ev["end"]), "Finance minister Søren Kjær");
        assert_eq!(by_id("e:recep-tayyip-erdogan")["aliases"], serde_json::json!(["Erdoğan"]));
        assert_eq!(by_id("e:location:zürich")["type"], "location");
        // An argument that matches no mention still gets an entity record.
        assert_eq!(by_id("e:group:aid-convoy-committee")["name"], "aid convoy committee");

        // Every id a record points at has an entity record.
        let known: BTreeSet<&str> = entities.iter().map(|e| e["id"].as_str().unwrap()).collect();
        let mut referenced = Vec::new();
        for m in of_kind(&lines, "mention") {
            referenced.push(m["entity"].as_str().unwrap());
        }
        for q in of_kind(&lines, "quote") {
            referenced.extend(q["speaker"].as_str());
        }
        for e in of_kind(&lines, "event") {
            for key in ["actors", "recipients"] {
                referenced.extend(e[key].as_array().unwrap().iter().filter_map(Value::as_str));
            }
            referenced.extend(e["location"].as_str());
        }
        assert!(referenced.len() > 8);
        for id in referenced {
            assert!(known.contains(id), "{id} dangles");
        }
    }

    #[test]
    fn sentences_carry_tokens_with_conllu_heads() {
        let (lines, _) = check(vec![sample::full()], &ExportOptions::default());
        let sentences = of_kind(&lines, "sentence");
        assert_eq!(sentences.len(), 3);
        let first = sentences[0];
        assert_eq!(first["text"], "Erdoğan met Søren Kjær in Zürich on 3 March 2024.");
        assert_eq!(chars(sample::BODY, &first["start"], &first["end"]), first["text"].as_str().unwrap());
        let tokens = first["tokens"].as_array().unwrap();
        let words: Vec<&str> = tokens.iter().map(|t| t["text"].as_str().unwrap()).collect();
        assert_eq!(words, ["Erdoğan", "met", "Søren", "Kjær"]);
        for t in tokens {
            assert_eq!(chars(sample::BODY, &t["start"], &t["end"]), t["text"].as_str().unwrap(), "{t}");
        }
        // character offsets: "Søren" starts after the non-ASCII "Erdoğan met "
        assert_eq!(tokens[2]["start"], 12);
        let heads: Vec<u64> = tokens.iter().map(|t| t["head"].as_u64().unwrap()).collect();
        assert_eq!(heads, [2, 0, 2, 3], "1-based in the sentence, 0 for the root");
        assert_eq!(tokens[1]["deprel"], "root");
        assert_eq!((tokens[1]["upos"].as_str(), tokens[1]["xpos"].as_str(), tokens[1]["lemma"].as_str()), (Some("VERB"), Some("VBD"), Some("meet")));
        // sentences without tokens still export, with an empty list
        assert_eq!(sentences[1]["tokens"], serde_json::json!([]));
        let kinds: Vec<&str> = lines.iter().map(|l| l["kind"].as_str().unwrap()).collect();
        let first_sentence = kinds.iter().position(|k| *k == "sentence").unwrap();
        assert!(kinds[..first_sentence].iter().all(|k| *k == "document" || *k == "entity"), "{kinds:?}");
        assert_eq!(kinds[first_sentence + 3], "mention", "a document's sentences come before its other layers");
        let (_, counts) = check(vec![sample::full()], &ExportOptions { sentences: false, ..ExportOptions::default() });
        assert_eq!(counts.sentences, 0);
    }

    #[test]
    fn tokens_without_syntax_export_nulls() {
        let mut doc = sample::full();
        for t in &mut doc.tokens {
            t.syntax = None;
        }
        let (lines, _) = check(vec![doc], &ExportOptions::default());
        let token = &of_kind(&lines, "sentence")[0]["tokens"][0];
        assert_eq!(token["text"], "Erdoğan");
        for key in ["upos", "xpos", "lemma", "head", "deprel"] {
            assert!(token[key].is_null(), "{key}: {token}");
        }
    }

    #[test]
    fn layer_records_carry_their_payload() {
        let (lines, _) = check(vec![sample::full()], &ExportOptions::default());
        let quote = of_kind(&lines, "quote")[0];
        assert_eq!(quote["speaker"], "e:person:søren-kjær");
        assert_eq!(quote["speaker_text"], "Kjær");
        assert_eq!(quote["cue"], "said");
        assert_eq!(quote["direct"], true);
        let time = of_kind(&lines, "time")[0];
        assert_eq!((time["type"].as_str(), time["value"].as_str()), (Some("DATE"), Some("2024-03-03")));
        let q = of_kind(&lines, "quantity");
        assert_eq!(q[0]["value"], 200.0);
        assert_eq!(q[0]["approx"], "about");
        assert_eq!(q[0]["counts"], "trucks of aid");
        assert!(q[0].get("ordinal").is_none());
        assert_eq!(q[1]["ordinal"], true);

        let events = of_kind(&lines, "event");
        let consult = events.iter().find(|e| e["type"] == "CONSULT").unwrap();
        assert_eq!(consult["actors"], serde_json::json!(["e:recep-tayyip-erdogan"]));
        assert_eq!(consult["recipients"], serde_json::json!(["e:person:søren-kjær"]));
        assert_eq!(consult["location"], "e:location:zürich");
        assert_eq!(consult["place"]["geonames_id"], 2657896);
        assert_eq!((consult["place"]["country"].as_str(), consult["place"]["lat"].as_f64()), (Some("CHE"), Some(47.3667)));
        assert_eq!(consult["num_sources"], 1);
        assert_eq!(consult["contradictions"], serde_json::json!([]));
        let aid = events.iter().find(|e| e["type"] == "AID").unwrap();
        assert_eq!(aid["modality"], "proposed");
        assert_eq!(aid["attributed_to"], "e:person:søren-kjær");
        assert_eq!(aid["date"], serde_json::json!({"value": null, "earliest": "2024-03-04", "latest": null}));
        assert_eq!(aid["quantities"][0]["text"], "about 200 trucks of aid");
        assert!(aid["quantities"][0].get("doc").is_none());
    }

    #[test]
    fn events_from_one_trigger_get_distinct_ids_and_the_first_keeps_its_own() {
        let mut doc = sample::full();
        let first = doc.events[0].clone();
        let mut copy = first.clone();
        copy.date = UncertainDate::parse_value("2024-03-05").unwrap();
        doc.events.push(copy);
        let ids = event_ids(&doc);
        assert_eq!(ids.len(), doc.events.len());
        let distinct: std::collections::BTreeSet<&String> = ids.iter().collect();
        assert_eq!(distinct.len(), ids.len(), "{ids:?}");
        let (a, b) = CharOffsets::new(doc.body()).span(first.trigger);
        assert_eq!(ids[0], event_id(doc.id.as_str(), a, b));
    }

    #[test]
    fn event_ids_are_stable_and_mentions_optional() {
        let (a, _) = check(vec![sample::full()], &ExportOptions::default());
        let (b, counts) = check(vec![sample::full()], &ExportOptions { mentions: false, ..ExportOptions::default() });
        let ids = |lines: &[Value]| -> Vec<String> {
            of_kind(lines, "event").iter().map(|e| e["id"].as_str().unwrap().to_string()).collect()
        };
        assert_eq!(ids(&a), ids(&b));
        assert!(ids(&a).iter().all(|id| id.starts_with("v:") && id.len() == 18));
        assert_ne!(ids(&a)[0], ids(&a)[1]);
        assert_eq!(counts.mentions, 0);
        assert!(of_kind(&b, "mention").is_empty());
        assert_eq!(of_kind(&b, "entity").len(), 4, "entities do not depend on mention records");
    }

    #[test]
    fn malformed_metadata_exports_as_unknown_not_as_broken_records() {
        let mut doc = sample::plain("odd.txt", "An article with odd metadata.");
        doc.meta.language = Some("english".to_string());
        doc.meta.story = Some("12".to_string());
        doc.meta.published.date = UncertainDate { value: Some("May 2024".to_string()), earliest: None, latest: None, weekday: None, month_day: None };
        let (lines, _) = check(vec![doc], &ExportOptions::default());
        let d = &lines[0];
        assert!(d["language"].is_null());
        assert!(d["story"].is_null());
        assert!(d["published"]["value"].is_null());
    }

    #[test]
    fn merging_per_document_aggregates_equals_aggregating_in_one_map() {
        let a = sample::full();
        let mut b = sample::full();
        b.id = chronicle_core::DocId::parse("d:second");
        let (mut one, mut parts) = (BTreeMap::new(), Vec::new());
        for doc in [&a, &b] {
            let offsets = CharOffsets::new(doc.body());
            let none = EntityClusters::default();
            collect_entities(doc, EntityIds::of(&none, doc), &offsets, &mut one);
            let mut own = BTreeMap::new();
            collect_entities(doc, EntityIds::of(&none, doc), &offsets, &mut own);
            parts.push(own);
        }
        let mut merged: BTreeMap<String, EntityAgg> = BTreeMap::new();
        for part in parts {
            for (id, agg) in part {
                merged.entry(id).or_default().merge(agg);
            }
        }
        let render = |m: &BTreeMap<String, EntityAgg>| -> Vec<String> {
            m.iter().map(|(id, agg)| serde_json::to_string(&agg.record(id)).unwrap()).collect()
        };
        assert_eq!(render(&merged), render(&one));
        let kjaer = &merged["e:person:søren-kjær"];
        assert_eq!(kjaer.names.values().sum::<usize>(), 2 * one_doc_count(&a, "e:person:søren-kjær"));
        assert_eq!(kjaer.roles.values().next().map(Vec::len), Some(2), "one evidence span from each document");
    }

    fn one_doc_count(doc: &Document, id: &str) -> usize {
        let mut m = BTreeMap::new();
        let none = EntityClusters::default();
        collect_entities(doc, EntityIds::of(&none, doc), &CharOffsets::new(doc.body()), &mut m);
        m[id].names.values().sum()
    }

    #[test]
    fn documents_without_layers_export_and_validate() {
        let mut plain = sample::plain("plain.txt", "Nothing but text — with a dash.");
        plain.meta.appended_to = Some(sample::full().id);
        let (lines, counts) = check(vec![plain, sample::full()], &ExportOptions::default());
        assert_eq!(counts.documents, 2);
        assert_eq!(of_kind(&lines, "document").len(), 2);
        let kinds: Vec<&str> = lines.iter().map(|l| l["kind"].as_str().unwrap()).collect();
        assert_eq!(&kinds[..2], &["document", "document"], "documents come first");
    }
}
