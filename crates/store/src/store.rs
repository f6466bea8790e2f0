//! [`Store`]: open, migrate, write, read, count.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use chronicle_core::record::EntityClusters;
use chronicle_core::{
    entity_id, DateBasis, DocId, Document, InputFormat, PublishedDate, Span, UncertainDate,
};

use crate::db::{params, Db, DbError, Tx, Value};
use crate::error::{sql_err, StoreError};
use crate::schema;

/// How many candidates an [`StoreError::Ambiguous`] lists at most.
const MAX_CANDIDATES: usize = 5;

/// The embedded document store. See the crate docs for the storage design.
pub struct Store {
    pub(crate) db: Db,
    pub(crate) path: Option<PathBuf>,
    /// Where a PostgreSQL store lives, for the writer lock's own connection.
    pub(crate) pg: Option<crate::open::PgTarget>,
    /// Test hook: batches that may still commit before [`Store::commit_batch`] fails.
    pub(crate) commits_left: Option<u64>,
}

/// What [`Store::write_batch`] did with each document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BatchOutcome {
    /// Documents written, in batch order.
    pub ingested: Vec<DocId>,
    /// Documents not written because their id was already stored (or appeared
    /// earlier in the same batch): `(source, id)`.
    pub duplicates: Vec<(String, DocId)>,
}

/// One line of the document list: metadata and layer sizes, read without
/// decoding the document.
#[derive(Clone, Debug, PartialEq)]
pub struct DocSummary {
    /// The id.
    pub id: DocId,
    /// Where it came from.
    pub source: String,
    /// Input container format.
    pub format: InputFormat,
    /// The article's URL, when known.
    pub url: Option<String>,
    /// Publisher.
    pub outlet: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date with its basis.
    pub published: PublishedDate,
    /// ISO 639-1 language of the body.
    pub language: Option<String>,
    /// Host page, for an article found glued to another.
    pub appended_to: Option<DocId>,
    /// The document this one near-duplicates.
    pub duplicate_of: Option<DocId>,
    /// Story id (`s:…`).
    pub story: Option<String>,
    /// Length of the body in characters.
    pub body_chars: usize,
    /// Sentences in the body.
    pub n_sentences: usize,
    /// Entity mentions.
    pub n_mentions: usize,
    /// Events coded.
    pub n_events: usize,
}

/// Annotation counts per layer, summed over all documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LayerCounts {
    /// Cleaner blocks.
    pub blocks: u64,
    /// Sentences.
    pub sentences: u64,
    /// Tokens.
    pub tokens: u64,
    /// Entity mentions.
    pub mentions: u64,
    /// Role claims.
    pub roles: u64,
    /// Time expressions.
    pub times: u64,
    /// Quantities.
    pub quantities: u64,
    /// Quotes.
    pub quotes: u64,
    /// Events.
    pub events: u64,
}

/// An annotation layer whose items can be counted per document and sampled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layer {
    /// Entity mentions (`Document::mentions`).
    Mentions,
    /// Quotes (`Document::quotes`).
    Quotes,
    /// Events (`Document::events`).
    Events,
}

impl Layer {
    /// The `documents` column holding the layer's size.
    fn size_column(self) -> &'static str {
        match self {
            Layer::Mentions => "n_mentions",
            Layer::Quotes => "n_quotes",
            Layer::Events => "n_events",
        }
    }
}

/// What the store holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Documents stored.
    pub documents: u64,
    /// Documents that had at least one other article glued to their end.
    pub hosts: u64,
    /// Documents that were found glued to the end of another page.
    pub appended: u64,
    /// Documents marked as near-duplicates of another.
    pub near_duplicates: u64,
    /// Distinct stories.
    pub stories: u64,
    /// Documents per language (None: unknown), most frequent first.
    pub by_language: Vec<(Option<String>, u64)>,
    /// Documents per outlet (None: unknown), most frequent first.
    pub by_outlet: Vec<(Option<String>, u64)>,
    /// Annotation counts per layer.
    pub layers: LayerCounts,
    /// Events per PLOVER type, most frequent first.
    pub events_by_type: Vec<(String, u64)>,
    /// Events merged across reports (stored at ingest).
    pub merged_events: u64,
    /// Merged events with more than one report.
    pub merged_multi: u64,
    /// The merged events with the most reports (id, reports, first words of
    /// the summary), at most five, largest first.
    pub largest_merged: Vec<(String, u64, String)>,
    /// Size of the database in bytes (pages in use times page size).
    pub store_bytes: u64,
    /// Schema version of the file.
    pub schema_version: u32,
}

impl Store {
    /// The database file, `None` in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version of the file (equals [`crate::SCHEMA_VERSION`] once open).
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        schema::version(&self.db)
    }

    /// Which of these documents are stored (one lookup for a batch, where
    /// [`Store::has_document`] is one per document).
    pub fn stored_among(&self, ids: &[DocId]) -> Result<HashSet<DocId>, StoreError> {
        let stored = stored_ids(&self.db, ids.iter().map(DocId::as_str)).map_err(|e| sql_err("looking up documents", e))?;
        Ok(ids.iter().filter(|id| stored.contains(id.as_str())).cloned().collect())
    }

    /// True when a document with this exact id is stored.
    pub fn has_document(&self, id: &DocId) -> Result<bool, StoreError> {
        self.db
            .query_opt("SELECT 1 FROM documents WHERE id = ?1", params![id.as_str()])
            .map(|r| r.is_some())
            .map_err(|e| sql_err(format!("looking up {id}"), e))
    }

    /// Number of stored documents.
    pub fn count_documents(&self) -> Result<u64, StoreError> {
        self.db
            .query_one("SELECT count(*) FROM documents", params![])
            .and_then(|r| r.int(0))
            .map(|n| n.max(0) as u64)
            .map_err(|e| sql_err("counting documents", e))
    }

    /// Writes a batch of new documents in one transaction. A document whose id
    /// is already stored (or came earlier in the batch) is not rewritten and is
    /// reported as a duplicate. On any error nothing of the batch is written.
    pub fn write_batch(&mut self, docs: Vec<Document>) -> Result<BatchOutcome, StoreError> {
        let tx = self.db.begin().map_err(|e| sql_err("starting a write batch", e))?;
        let outcome = write_documents(&tx, docs)?;
        tx.commit().map_err(|e| sql_err("committing a write batch", e))?;
        Ok(outcome)
    }
}

/// The ids among `ids` of documents stored, in a few statements.
pub(crate) fn stored_ids<'a>(db: &Db, ids: impl Iterator<Item = &'a str>) -> Result<HashSet<String>, DbError> {
    let rows = db.query_in("SELECT id FROM documents WHERE id", &[], ids.map(Value::from).collect(), "")?;
    rows.iter().map(|r| r.text(0)).collect()
}

/// Inserts the documents not stored yet; the others are reported as duplicates.
/// A batch's documents, their mentions and their events go in a few multi-row
/// statements each (on PostgreSQL every statement is a round trip).
pub(crate) fn write_documents(tx: &Tx<'_>, docs: Vec<Document>) -> Result<BatchOutcome, StoreError> {
    let mut outcome = BatchOutcome::default();
    let mut stored = stored_ids(tx, docs.iter().map(|d| d.id.as_str())).map_err(|e| sql_err("looking up the batch's documents", e))?;
    let (mut rows, mut mentions, mut events) = (Vec::new(), Vec::new(), Vec::new());
    for mut doc in docs {
        // stored before, or earlier in this batch
        if !stored.insert(doc.id.as_str().to_string()) {
            outcome.duplicates.push((std::mem::take(&mut doc.source), doc.id));
            continue;
        }
        check_document(&doc)?;
        let raw = std::mem::take(&mut doc.raw);
        let mut values = document_columns(&doc);
        values.push(Value::Blob(raw));
        values.push(Value::Text(encode(&doc)?));
        rows.push(values);
        mentions.extend(mention_rows(&doc));
        events.extend(event_rows(&doc));
        outcome.ingested.push(doc.id);
    }
    tx.insert_rows(
        "INSERT INTO documents (id, source, format, url, outlet, title, published_value, published_earliest,
             published_latest, published_basis, published_sort, language, appended_to, duplicate_of, story,
             body_chars, n_blocks, n_sentences, n_tokens, n_mentions, n_roles, n_times, n_quantities,
             n_quotes, n_events, raw, doc)",
        27,
        rows,
        "",
    )
    .map_err(|e| sql_err("writing the batch's documents", e))?;
    tx.insert_rows("INSERT INTO mentions (doc_id, seq, entity_id, entity_type, canonical, start_byte, end_byte)", 7, mentions, "")
        .map_err(|e| sql_err("indexing the batch's mentions", e))?;
    tx.insert_rows("INSERT INTO events (doc_id, seq, event_type, modality, date_sort)", 5, events, "")
        .map_err(|e| sql_err("indexing the batch's events", e))?;
    Ok(outcome)
}

/// The stored count and first documents (JSON) of each line (site, line key)
/// among `lines` that the furniture table holds: one statement per site.
fn stored_line_counts<'a>(
    db: &Db,
    lines: impl Iterator<Item = &'a (String, u64)>,
) -> Result<HashMap<(String, u64), (i64, String)>, StoreError> {
    let mut by_site: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
    for (site, key) in lines {
        by_site.entry(site.as_str()).or_default().push(Value::Int(*key as i64));
    }
    let mut out = HashMap::new();
    for (site, keys) in by_site {
        let ctx = |e| sql_err(format!("reading the furniture counts of {site}"), e);
        let rows = db
            .query_in("SELECT line_key, docs, first_docs FROM furniture WHERE site = ?1 AND line_key", &[Value::from(site)], keys, "")
            .map_err(ctx)?;
        for r in rows {
            out.insert((site.to_string(), r.int(0).map_err(ctx)? as u64), (r.int(1).map_err(ctx)?, r.text(2).map_err(ctx)?));
        }
    }
    Ok(out)
}

/// Adds each document to the counts of its lines (`lines`: (site, line key) →
/// the documents holding it, in order), remembering the first `keep_first`
/// documents per line: one read and one multi-row upsert per batch.
pub(crate) fn count_lines(tx: &Tx<'_>, lines: BTreeMap<(String, u64), Vec<DocId>>, keep_first: usize) -> Result<(), StoreError> {
    let stored = stored_line_counts(tx, lines.keys())?;
    let mut rows = Vec::with_capacity(lines.len());
    for ((site, key), docs) in lines {
        let (n, mut first): (i64, Vec<String>) = match stored.get(&(site.clone(), key)) {
            Some((n, f)) => (*n, serde_json::from_str(f).unwrap_or_default()),
            None => (0, Vec::new()),
        };
        let room = keep_first.saturating_sub(first.len());
        first.extend(docs.iter().take(room).map(|d| d.as_str().to_string()));
        let first = serde_json::to_string(&first).unwrap_or_else(|_| "[]".into());
        rows.push(vec![Value::Text(site), Value::Int(key as i64), Value::Int(n + docs.len() as i64), Value::Text(first)]);
    }
    tx.insert_rows(
        "INSERT INTO furniture (site, line_key, docs, first_docs)",
        4,
        rows,
        "ON CONFLICT (site, line_key) DO UPDATE SET docs = excluded.docs, first_docs = excluded.first_docs",
    )
    .map_err(|e| sql_err("counting the batch's furniture lines", e))
}

impl Store {

    /// [`Store::write_batch`], and in the same transaction counts each newly stored
    /// document's line keys per site (`lines`: document id, site, its distinct keys) in
    /// the furniture table, keeping the ids of the first `keep_first` documents per line.
    pub fn write_batch_counting_lines(
        &mut self,
        docs: Vec<Document>,
        lines: &[(DocId, String, Vec<u64>)],
        keep_first: usize,
    ) -> Result<BatchOutcome, StoreError> {
        self.commit_batch(crate::Batch { docs, lines: lines.to_vec(), keep_first, ..Default::default() })
    }

    /// Every `(site, line key)` held by at least `min_docs` stored documents.
    pub fn furniture(&self, min_docs: usize) -> Result<Vec<(String, u64)>, StoreError> {
        let ctx = |e| sql_err("reading the furniture lines", e);
        let rows = self.db.query("SELECT site, line_key FROM furniture WHERE docs >= ?1", params![min_docs as i64]).map_err(ctx)?;
        rows.iter().map(|r| Ok((r.text(0)?, r.int(1)? as u64))).collect::<Result<Vec<_>, _>>().map_err(ctx)
    }

    /// The count and first documents of one line of a site (0 and none when unseen).
    pub fn line_count(&self, site: &str, key: u64) -> Result<(usize, Vec<DocId>), StoreError> {
        let line = (site.to_string(), key);
        Ok(self.line_counts(std::slice::from_ref(&line))?.remove(&line).unwrap_or_default())
    }

    /// [`Store::line_count`] of many lines at once (those unseen are left out).
    pub fn line_counts(&self, lines: &[(String, u64)]) -> Result<HashMap<(String, u64), (usize, Vec<DocId>)>, StoreError> {
        let stored = stored_line_counts(&self.db, lines.iter())?;
        Ok(stored
            .into_iter()
            .map(|(line, (n, first))| {
                let ids: Vec<String> = serde_json::from_str(&first).unwrap_or_default();
                (line, (count(n), ids.iter().map(|i| DocId::parse(i)).collect()))
            })
            .collect())
    }

    /// Rewrites stored documents (later stages set story, duplicate_of,
    /// layers) in one transaction. The raw bytes stay as first stored. Fails,
    /// writing nothing, when any of them is not stored.
    pub fn update_documents(&mut self, docs: &[Document]) -> Result<(), StoreError> {
        let tx = self.db.begin().map_err(|e| sql_err("starting an update", e))?;
        update_in(&tx, docs)?;
        tx.commit().map_err(|e| sql_err("committing an update", e))?;
        Ok(())
    }

    /// The document with this full id (`d:0123…`), or with this unique id
    /// prefix, with or without `d:`. `Ok(None)` when nothing matches (or the
    /// prefix is empty); [`StoreError::Ambiguous`] when several do.
    pub fn document(&self, id_or_prefix: &str) -> Result<Option<Document>, StoreError> {
        let wanted = id_or_prefix.trim().to_lowercase();
        let wanted = if wanted.starts_with("d:") { wanted } else { format!("d:{wanted}") };
        if wanted.len() <= 2 {
            return Ok(None);
        }
        if let Some(doc) = self.load(&wanted)? {
            return Ok(Some(doc));
        }
        let candidates: Vec<String> = {
            let rows = self
                .db
                .query("SELECT id FROM documents WHERE id >= ?1 ORDER BY id LIMIT ?2", params![wanted.as_str(), (MAX_CANDIDATES + 1) as i64])
                .map_err(|e| sql_err("looking up a prefix", e))?;
            let mut out = Vec::new();
            for row in rows {
                let id = row.text(0).map_err(|e| sql_err("looking up a prefix", e))?;
                if !id.starts_with(&wanted) {
                    break;
                }
                out.push(id);
            }
            out
        };
        match candidates.as_slice() {
            [] => Ok(None),
            [one] => self.load(one),
            _ => Err(StoreError::Ambiguous { prefix: id_or_prefix.to_string(), candidates }),
        }
    }

    /// Loads one document by exact id.
    fn load(&self, id: &str) -> Result<Option<Document>, StoreError> {
        let row = self
            .db
            .query_opt("SELECT raw, doc FROM documents WHERE id = ?1", params![id])
            .and_then(|r| r.map(|r| Ok((r.blob(0)?, r.text(1)?))).transpose())
            .map_err(|e| sql_err(format!("reading {id}"), e))?;
        row.map(|(raw, json)| decode(id, raw, &json)).transpose()
    }

    /// The document list's query: its columns and order are the covering index
    /// `documents_summary`'s (schema migration 5), so it never reads the table.
    const DOCUMENT_LIST: &'static str = "SELECT id, source, format, url, outlet, title, published_value, published_earliest,
            published_latest, published_basis, language, appended_to, duplicate_of, story,
            body_chars, n_sentences, n_mentions, n_events
        FROM documents ORDER BY published_sort IS NULL, published_sort, id";

    /// Every document's summary, ordered by publication date (its sort key;
    /// unknown dates last) then id.
    pub fn documents(&self) -> Result<Vec<DocSummary>, StoreError> {
        let ctx = |e| sql_err("reading the document list", e);
        let rows = self
            .db
            .query(Self::DOCUMENT_LIST, params![])
            .map_err(ctx)?;
        rows.iter().map(summary).collect::<Result<Vec<_>, _>>().map_err(ctx)
    }

    /// Every stored id, in order.
    pub fn document_ids(&self) -> Result<Vec<DocId>, StoreError> {
        let ctx = |e| sql_err("reading the document ids", e);
        let rows = self.db.query("SELECT id FROM documents ORDER BY id", params![]).map_err(ctx)?;
        rows.iter().map(|r| r.text(0).map(|s| DocId::parse(&s))).collect::<Result<Vec<_>, _>>().map_err(ctx)
    }

    /// Every document with at least one item of `layer`, in id order, with
    /// how many it has. Read from the layer sizes kept beside each document,
    /// without decoding it; the order is fixed, so a sample drawn over it with
    /// a fixed seed is the same for the same store.
    pub fn layer_sizes(&self, layer: Layer) -> Result<Vec<(DocId, usize)>, StoreError> {
        let ctx = |e| sql_err("reading layer sizes", e);
        let column = layer.size_column();
        let rows = self
            .db
            .query(&format!("SELECT id, {column} FROM documents WHERE {column} > 0 ORDER BY id"), params![])
            .map_err(ctx)?;
        rows.iter().map(|r| Ok((DocId::parse(&r.text(0)?), count(r.int(1)?)))).collect::<Result<Vec<_>, _>>().map_err(ctx)
    }

    /// Ids of the documents with a mention of the entity (its export id,
    /// `e:…`: a cluster of `clusters`, [`Store::entity_clusters`]), in id
    /// order: those mentioning one of its members, in a story where that
    /// member belongs to it. Served from the `mentions` index.
    pub fn documents_mentioning(&self, entity: &str, clusters: &EntityClusters) -> Result<Vec<DocId>, StoreError> {
        let ctx = |e| sql_err(format!("looking up documents mentioning {entity}"), e);
        let mut out: BTreeSet<String> = BTreeSet::new();
        for member in clusters.members(entity) {
            let rows = self
                .db
                .query(
                    "SELECT DISTINCT m.doc_id, COALESCE(d.story, '') FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.entity_id = ?1",
                    params![member.as_str()],
                )
                .map_err(ctx)?;
            for r in rows {
                let (doc, story) = (r.text(0).map_err(ctx)?, r.text(1).map_err(ctx)?);
                if clusters.cluster_of(&member, (!story.is_empty()).then_some(story.as_str())) == entity {
                    out.insert(doc);
                }
            }
        }
        Ok(out.iter().map(|s| DocId::parse(s)).collect())
    }

    /// Calls `f` with every document, one at a time, ordered by id. Stops at
    /// the first error, from the store or from `f`. Reads a page of documents
    /// at a time (keyset pages on the id), so `f` may use the store.
    pub fn for_each_document(
        &self,
        mut f: impl FnMut(Document) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.for_each_document_page(true, |page| {
            for (id, raw, json) in page {
                f(decode(&id, raw, &json)?)?;
            }
            Ok(())
        })
    }

    /// Like [`Store::for_each_document`], for readers that need no original
    /// bytes (`raw` stays empty): each page's documents are decoded and passed
    /// through `map` on all cores (rayon), and `each` gets the results one by
    /// one in id order, so output stays deterministic.
    pub fn for_each_document_mapped<T: Send>(
        &self,
        map: impl Fn(Document) -> Result<T, StoreError> + Sync,
        mut each: impl FnMut(T) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        use rayon::prelude::*;
        self.for_each_document_page(false, |page| {
            let mapped: Vec<Result<T, StoreError>> =
                page.into_par_iter().map(|(id, raw, json)| decode(&id, raw, &json).and_then(&map)).collect();
            for r in mapped {
                each(r?)?;
            }
            Ok(())
        })
    }

    /// Every stored document's (id, raw bytes — empty unless `with_raw` —,
    /// JSON), a page of [`PAGE`] rows at a time in id order (keyset pages on
    /// the id, so `f` may use the store).
    fn for_each_document_page(
        &self,
        with_raw: bool,
        mut f: impl FnMut(Vec<(String, Vec<u8>, String)>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let ctx = |e| sql_err("reading documents", e);
        let sql = if with_raw {
            "SELECT id, doc, raw FROM documents WHERE id > ?1 ORDER BY id LIMIT ?2"
        } else {
            "SELECT id, doc FROM documents WHERE id > ?1 ORDER BY id LIMIT ?2"
        };
        let mut after = String::new();
        loop {
            let rows = self.db.query(sql, params![after.as_str(), PAGE]).map_err(ctx)?;
            let Some(last) = rows.last() else { return Ok(()) };
            after = last.text(0).map_err(ctx)?;
            let mut page = Vec::with_capacity(rows.len());
            for row in &rows {
                let id = row.text(0).map_err(ctx)?;
                let json = row.text(1).map_err(|e| sql_err(format!("reading {id}"), e))?;
                let raw = if with_raw { row.blob(2).map_err(|e| sql_err(format!("reading {id}"), e))? } else { Vec::new() };
                page.push((id, raw, json));
            }
            drop(rows);
            f(page)?;
        }
    }

    /// Counts of what the store holds.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let ctx = "computing statistics";
        let one = |q: &str| -> Result<u64, StoreError> {
            self.db.query_one(q, params![]).and_then(|r| r.int(0)).map(|n| n.max(0) as u64).map_err(|e| sql_err(ctx, e))
        };
        let grouped = |q: &str| -> Result<Vec<(Option<String>, u64)>, StoreError> {
            let rows = self.db.query(q, params![]).map_err(|e| sql_err(ctx, e))?;
            rows.iter()
                .map(|r| Ok((r.opt_text(0)?, r.int(1)?.max(0) as u64)))
                .collect::<Result<Vec<_>, crate::db::DbError>>()
                .map_err(|e| sql_err(ctx, e))
        };
        let sum = |c: &str| format!("CAST(coalesce(sum({c}), 0) AS BIGINT)");
        let columns = ["n_blocks", "n_sentences", "n_tokens", "n_mentions", "n_roles", "n_times", "n_quantities", "n_quotes", "n_events"];
        let layers = self
            .db
            .query_one(&format!("SELECT {} FROM documents", columns.map(sum).join(", ")), params![])
            .and_then(|r| {
                    let g = |i: usize| r.int(i).map(|v| v.max(0) as u64);
                    Ok(LayerCounts {
                        blocks: g(0)?,
                        sentences: g(1)?,
                        tokens: g(2)?,
                        mentions: g(3)?,
                        roles: g(4)?,
                        times: g(5)?,
                        quantities: g(6)?,
                        quotes: g(7)?,
                        events: g(8)?,
                    })
            })
            .map_err(|e| sql_err(ctx, e))?;
        let events_by_type = grouped(
            "SELECT event_type, count(*) AS n FROM events GROUP BY event_type ORDER BY n DESC, event_type",
        )?
        .into_iter()
        .map(|(t, n)| (t.unwrap_or_default(), n))
        .collect();
        let largest_merged = {
            let rows = self
                .db
                .query(
                    "SELECT m.id, count(*) AS n, m.event FROM merged_reports r
                     JOIN merged_events m ON m.story = r.story AND m.seq = r.seq
                     GROUP BY m.story, m.seq ORDER BY n DESC, m.id LIMIT 5",
                    params![],
                )
                .map_err(|e| sql_err(ctx, e))?;
            let summary = |json: &str| {
                let event: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
                let text = event.get("summary").and_then(|s| s.as_str()).unwrap_or_default();
                text.split_whitespace().take(12).collect::<Vec<_>>().join(" ")
            };
            rows.iter()
                .map(|r| Ok((r.text(0)?, r.int(1)?.max(0) as u64, summary(&r.text(2)?))))
                .collect::<Result<Vec<_>, crate::db::DbError>>()
                .map_err(|e| sql_err(ctx, e))?
        };
        Ok(Stats {
            merged_events: one("SELECT count(*) FROM merged_events")?,
            merged_multi: one("SELECT count(*) FROM (SELECT 1 FROM merged_reports GROUP BY story, seq HAVING count(*) > 1) AS multi")?,
            largest_merged,
            documents: one("SELECT count(*) FROM documents")?,
            hosts: one(
                "SELECT count(*) FROM documents WHERE id IN (SELECT appended_to FROM documents WHERE appended_to IS NOT NULL)",
            )?,
            appended: one("SELECT count(*) FROM documents WHERE appended_to IS NOT NULL")?,
            near_duplicates: one("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL")?,
            stories: one("SELECT count(DISTINCT story) FROM documents")?,
            by_language: grouped(
                "SELECT language, count(*) AS n FROM documents GROUP BY language ORDER BY n DESC, language IS NOT NULL, language",
            )?,
            by_outlet: grouped("SELECT outlet, count(*) AS n FROM documents GROUP BY outlet ORDER BY n DESC, outlet IS NOT NULL, outlet")?,
            layers,
            events_by_type,
            store_bytes: one(match self.db {
                Db::Sqlite(_) => "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
                Db::Postgres(_) => "SELECT CAST(sum(pg_total_relation_size(c.oid)) AS BIGINT) FROM pg_class c
                                    JOIN pg_namespace n ON n.oid = c.relnamespace
                                    WHERE n.nspname = current_schema() AND c.relkind = 'r'",
            })?,
            schema_version: self.schema_version()?,
        })
    }

    /// Stores a later stage's state under `key`. `value` must be JSON.
    pub fn put_meta(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(value) {
            return Err(StoreError::BadMeta { key: key.to_string(), reason: e.to_string() });
        }
        let ctx = |e| sql_err(format!("writing meta {key:?}"), e);
        let tx = self.db.begin().map_err(ctx)?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )
        .map_err(ctx)?;
        tx.commit().map_err(ctx)
    }

    /// The JSON stored under `key`, if any.
    pub fn get_meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.db
            .query_opt("SELECT value FROM meta WHERE key = ?1", params![key])
            .and_then(|r| r.map(|r| r.text(0)).transpose())
            .map_err(|e| sql_err(format!("reading meta {key:?}"), e))
    }

    /// A number that changes whenever another connection (another process,
    /// or another `Store` in this one) commits to the database, and only
    /// then: SQLite's `data_version`. On PostgreSQL it is a counter every
    /// write transaction bumps, so this process's own commits move it too. A
    /// reader compares it with the value it last saw to learn that its view
    /// is stale.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        let sql = match self.db {
            Db::Sqlite(_) => "PRAGMA data_version",
            Db::Postgres(_) => "SELECT n FROM chronicle_commits",
        };
        self.db.query_one(sql, params![]).and_then(|r| r.int(0)).map_err(|e| sql_err("reading the data version", e))
    }

    /// The connection, for this crate's tests.
    #[cfg(test)]
    pub(crate) fn connection(&self) -> &Db {
        &self.db
    }
}

/// Rewrites stored documents inside a transaction (see [`Store::update_documents`]).
pub(crate) fn update_in(tx: &Tx<'_>, docs: &[Document]) -> Result<(), StoreError> {
    for doc in docs {
        check_document(doc)?;
        let mut shell = doc.clone();
        shell.raw = Vec::new();
        let json = encode(&shell)?;
        let mut values = document_columns(doc);
        values.push(Value::Text(json));
        let changed = tx
            .execute(
                "UPDATE documents SET source = ?2, format = ?3, url = ?4, outlet = ?5, title = ?6,
                 published_value = ?7, published_earliest = ?8, published_latest = ?9,
                 published_basis = ?10, published_sort = ?11, language = ?12, appended_to = ?13,
                 duplicate_of = ?14, story = ?15, body_chars = ?16, n_blocks = ?17,
                 n_sentences = ?18, n_tokens = ?19, n_mentions = ?20, n_roles = ?21, n_times = ?22,
                 n_quantities = ?23, n_quotes = ?24, n_events = ?25, doc = ?26,
                 updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
                 WHERE id = ?1",
                &values,
            )
            .map_err(|e| sql_err(format!("updating {}", doc.id), e))?;
        if changed == 0 {
            return Err(StoreError::NotFound { id: doc.id.to_string() });
        }
        for table in ["mentions", "events"] {
            tx.execute(&format!("DELETE FROM {table} WHERE doc_id = ?1"), params![doc.id.as_str()])
                .map_err(|e| sql_err(format!("clearing the {table} of {}", doc.id), e))?;
        }
        tx.insert_rows("INSERT INTO mentions (doc_id, seq, entity_id, entity_type, canonical, start_byte, end_byte)", 7, mention_rows(doc).collect(), "")
            .map_err(|e| sql_err(format!("indexing {}", doc.id), e))?;
        tx.insert_rows("INSERT INTO events (doc_id, seq, event_type, modality, date_sort)", 5, event_rows(doc).collect(), "")
            .map_err(|e| sql_err(format!("indexing {}", doc.id), e))?;
    }
    Ok(())
}

/// The values of the `documents` columns `id` … `n_events` (?1–?25), in the
/// order both the INSERT and the UPDATE name them; the callers append `raw`
/// and/or `doc`.
fn document_columns(doc: &Document) -> Vec<Value> {
    let d = &doc.meta.published.date;
    let text = |s: &Option<String>| Value::from(s.clone());
    let date = |d: Option<NaiveDate>| d.map_or(Value::Null, |d| Value::Text(day(d)));
    let count = |n: usize| Value::Int(n as i64);
    vec![
        Value::Text(doc.id.as_str().to_string()),
        Value::Text(doc.source.clone()),
        Value::Text(doc.format.as_str().to_string()),
        text(&doc.meta.url),
        text(&doc.meta.outlet),
        text(&doc.meta.title),
        text(&d.value),
        date(d.earliest),
        date(d.latest),
        Value::Text(doc.meta.published.basis.as_str().to_string()),
        date(d.sort_key()),
        text(&doc.meta.language),
        text(&doc.meta.appended_to.as_ref().map(|i| i.as_str().to_string())),
        text(&doc.meta.duplicate_of.as_ref().map(|i| i.as_str().to_string())),
        text(&doc.meta.story),
        count(doc.body().chars().count()),
        count(doc.blocks.len()),
        count(doc.sentences.len()),
        count(doc.tokens.len()),
        count(doc.mentions.len()),
        count(doc.roles.len()),
        count(doc.times.len()),
        count(doc.quantities.len()),
        count(doc.quotes.len()),
        count(doc.events.len()),
    ]
}

/// Rows of the `mentions` index table for one document.
fn mention_rows(doc: &Document) -> impl Iterator<Item = Vec<Value>> + '_ {
    doc.mentions.iter().enumerate().map(|(i, m)| {
        let eid = entity_id(m.kb_id.as_deref(), m.entity_type, &m.canonical);
        vec![
            Value::from(doc.id.as_str()),
            Value::Int(i as i64),
            Value::Text(eid),
            Value::from(m.entity_type.as_str()),
            Value::from(m.canonical.as_str()),
            Value::Int(m.span.start() as i64),
            Value::Int(m.span.end() as i64),
        ]
    })
}

/// Rows of the `events` index table for one document.
fn event_rows(doc: &Document) -> impl Iterator<Item = Vec<Value>> + '_ {
    doc.events.iter().enumerate().map(|(i, e)| {
        let date = Value::from(e.date.sort_key().map(day));
        vec![Value::from(doc.id.as_str()), Value::Int(i as i64), Value::from(e.event_type.as_str()), Value::from(e.modality.as_str()), date]
    })
}

/// The internal storage form: the document's own serde JSON.
fn encode(doc: &Document) -> Result<String, StoreError> {
    serde_json::to_string(doc).map_err(|e| StoreError::Invalid { id: doc.id.to_string(), reason: e.to_string() })
}

/// Rebuilds a stored document from its JSON and raw bytes.
pub(crate) fn decode(id: &str, raw: Vec<u8>, json: &str) -> Result<Document, StoreError> {
    let mut doc: Document =
        serde_json::from_str(json).map_err(|e| StoreError::Corrupt { id: id.to_string(), reason: e.to_string() })?;
    if doc.id.as_str() != id {
        return Err(StoreError::Corrupt { id: id.to_string(), reason: format!("its JSON carries the id {}", doc.id) });
    }
    doc.raw = raw;
    Ok(doc)
}

/// Checks what the store relies on: a `d:` id, every span inside the text it
/// covers (blocks over `extracted`, the rest over the body), finite numbers
/// (JSON has no NaN, so they would not read back), and every token's head
/// another token of its sentence.
pub(crate) fn check_document(doc: &Document) -> Result<(), StoreError> {
    let invalid = |reason: String| StoreError::Invalid { id: doc.id.to_string(), reason };
    let id = doc.id.as_str();
    if id.len() <= 2 || !id.starts_with("d:") {
        return Err(invalid("its id lacks the d: prefix or is empty".to_string()));
    }
    let fits = |text: &str, span: Span, what: &str| -> Result<(), StoreError> {
        Span::new(text, span.start(), span.end())
            .map(|_| ())
            .map_err(|e| invalid(format!("{what} {}..{}: {e}", span.start(), span.end())))
    };
    let body = doc.body();
    for b in &doc.blocks {
        fits(&doc.extracted, b.span, "block")?;
    }
    for s in &doc.sentences {
        fits(body, s.span, "sentence")?;
    }
    for t in &doc.tokens {
        fits(body, t.span, "token")?;
    }
    check_syntax(doc)?;
    for m in &doc.mentions {
        fits(body, m.span, "mention")?;
    }
    for r in &doc.roles {
        fits(body, r.evidence, "role evidence")?;
    }
    for t in &doc.times {
        fits(body, t.span, "time")?;
    }
    let quantity = |q: &chronicle_core::Quantity| -> Result<(), StoreError> {
        fits(body, q.span, "quantity")?;
        if q.value.is_finite() {
            Ok(())
        } else {
            Err(invalid(format!("quantity at {}..{} has the non-finite value {}", q.span.start(), q.span.end(), q.value)))
        }
    };
    for q in &doc.quantities {
        quantity(q)?;
    }
    for q in &doc.quotes {
        fits(body, q.span, "quote")?;
        for s in [q.cue_span, q.speaker_span].into_iter().flatten() {
            fits(body, s, "quote cue or speaker")?;
        }
    }
    for e in &doc.events {
        fits(body, e.sentence, "event sentence")?;
        fits(body, e.trigger, "event trigger")?;
        for arg in e.actors.iter().chain(&e.recipients).chain(&e.location) {
            if let Some(s) = arg.span {
                fits(body, s, "event argument")?;
            }
        }
        for q in &e.quantities {
            quantity(q)?;
        }
    }
    Ok(())
}

/// The syntax layer: every token's head is another token of its sentence
/// (for a token outside every sentence: another token of the document).
fn check_syntax(doc: &Document) -> Result<(), StoreError> {
    let invalid = |t: usize, reason: String| StoreError::Invalid { id: doc.id.to_string(), reason: format!("token {t}: {reason}") };
    for (t, token) in doc.tokens.iter().enumerate() {
        let Some(head) = token.syntax.as_ref().and_then(|s| s.head) else { continue };
        let head = head as usize;
        if head >= doc.tokens.len() {
            return Err(invalid(t, format!("head {head} is beyond the {} tokens", doc.tokens.len())));
        }
        if head == t {
            return Err(invalid(t, "is its own head".to_string()));
        }
    }
    for range in doc.sentence_token_ranges() {
        for t in range.clone() {
            let Some(head) = doc.tokens[t].syntax.as_ref().and_then(|s| s.head) else { continue };
            if !range.contains(&(head as usize)) {
                return Err(invalid(t, format!("head {head} is outside its sentence (tokens {}..{})", range.start, range.end)));
            }
        }
    }
    Ok(())
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn parse_day(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

/// Documents read per page by [`Store::for_each_document`].
const PAGE: i64 = 256;

/// One line of the document list from its row (see [`Store::documents`]).
fn summary(r: &crate::db::Row) -> Result<DocSummary, crate::db::DbError> {
    Ok(DocSummary {
        id: DocId::parse(&r.text(0)?),
        source: r.text(1)?,
        format: parse_format(&r.text(2)?),
        url: r.opt_text(3)?,
        outlet: r.opt_text(4)?,
        title: r.opt_text(5)?,
        published: PublishedDate {
            date: UncertainDate {
                value: r.opt_text(6)?,
                earliest: parse_day(r.opt_text(7)?),
                latest: parse_day(r.opt_text(8)?),
                weekday: None,
                month_day: None,
            },
            basis: parse_basis(&r.text(9)?),
        },
        language: r.opt_text(10)?,
        appended_to: r.opt_text(11)?.map(|s| DocId::parse(&s)),
        duplicate_of: r.opt_text(12)?.map(|s| DocId::parse(&s)),
        story: r.opt_text(13)?,
        body_chars: count(r.int(14)?),
        n_sentences: count(r.int(15)?),
        n_mentions: count(r.int(16)?),
        n_events: count(r.int(17)?),
    })
}

fn count(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

fn parse_format(s: &str) -> InputFormat {
    [InputFormat::Html, InputFormat::Jsonl, InputFormat::Warc]
        .into_iter()
        .find(|f| f.as_str() == s)
        .unwrap_or(InputFormat::Text)
}

fn parse_basis(s: &str) -> DateBasis {
    [DateBasis::Explicit, DateBasis::Relative, DateBasis::Inferred]
        .into_iter()
        .find(|b| b.as_str() == s)
        .unwrap_or(DateBasis::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdb::each_engine;

    #[test]
    fn the_document_list_reads_only_its_covering_index() {
        let store = Store::open_in_memory().unwrap();
        let plan = store.db.query(&format!("EXPLAIN QUERY PLAN {}", Store::DOCUMENT_LIST), params![]).unwrap();
        let steps: Vec<String> = plan.iter().map(|r| r.text(3).unwrap()).collect();
        assert_eq!(steps, vec!["SCAN documents USING COVERING INDEX documents_summary".to_string()], "no table read, no sort");
    }

    #[test]
    fn the_data_version_changes_when_another_connection_commits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.db");
        let mut writer = Store::open(&path).unwrap();
        let reader = Store::open(&path).unwrap();
        let before = reader.data_version().unwrap();
        assert_eq!(reader.data_version().unwrap(), before, "nothing committed");
        writer.put_meta("k", "1").unwrap();
        assert_ne!(reader.data_version().unwrap(), before, "another connection committed");

        let Some(url) = crate::testdb::pg_url() else { return };
        let schema = crate::testdb::fresh_schema();
        let mut writer = Store::open_postgres(&url, Some(&schema)).unwrap();
        let reader = Store::open_postgres(&url, Some(&schema)).unwrap();
        let before = reader.data_version().unwrap();
        assert_eq!(reader.data_version().unwrap(), before, "nothing committed");
        writer.put_meta("k", "1").unwrap();
        assert_ne!(reader.data_version().unwrap(), before, "another connection committed");
    }

    #[test]
    fn reopening_a_postgres_schema_keeps_data_and_does_not_migrate_again() {
        let Some((mut store, schema)) = crate::testdb::fresh_pg("reopening_a_postgres_schema") else { return };
        let url = crate::testdb::pg_url().unwrap();
        let doc = sample::full();
        store.write_batch(vec![doc.clone()]).unwrap();
        drop(store);
        let again = Store::open_postgres(&url, Some(&schema)).unwrap();
        assert_eq!(again.schema_version().unwrap(), crate::SCHEMA_VERSION);
        assert_eq!(again.document(doc.id.as_str()).unwrap().unwrap(), doc);
        assert!(again.is_postgres() && again.path().is_none());
        let other = Store::open_postgres(&url, Some(&crate::testdb::fresh_schema())).unwrap();
        assert_eq!(other.count_documents().unwrap(), 0, "another schema is another store");
    }
    use crate::sample;

    fn bad_span(start: usize, end: usize) -> Span {
        serde_json::from_str(&format!(r#"{{"start":{start},"end":{end}}}"#)).unwrap()
    }

    #[test]
    fn full_document_round_trips_exactly() {
        each_engine("full_document_round_trips_exactly", |mut store| {
            let doc = sample::full();
            let out = store.write_batch(vec![doc.clone()]).unwrap();
            assert_eq!(out.ingested, vec![doc.id.clone()]);
            assert!(out.duplicates.is_empty());
            assert!(store.has_document(&doc.id).unwrap());
            let back = store.document(doc.id.as_str()).unwrap().expect("stored");
            assert_eq!(back, doc);
            assert_eq!(back.raw, doc.raw, "raw bytes, invalid UTF-8 included, kept byte for byte");
            assert_eq!(back.mentions[0].span.text(back.body()), "Erdoğan");
            let mut streamed = Vec::new();
            store.for_each_document(|d| {
                streamed.push(d);
                Ok(())
            })
            .unwrap();
            assert_eq!(streamed, vec![doc]);
        });
    }

    #[test]
    fn layer_sizes_list_documents_with_items_in_id_order() {
        each_engine("layer_sizes_list_documents_with_items_in_id_order", |mut store| {
            let full = sample::full();
            let plain = sample::plain("b.txt", "An article with no layers.");
            store.write_batch(vec![plain, full.clone()]).unwrap();
            let id = full.id.clone();
            assert_eq!(store.layer_sizes(Layer::Events).unwrap(), vec![(id.clone(), full.events.len())]);
            assert_eq!(store.layer_sizes(Layer::Quotes).unwrap(), vec![(id.clone(), full.quotes.len())]);
            assert_eq!(store.layer_sizes(Layer::Mentions).unwrap(), vec![(id, full.mentions.len())]);
            assert!(full.events.len() * full.quotes.len() * full.mentions.len() > 0, "the sample fills every layer");
        });
    }

    #[test]
    fn second_batch_is_all_duplicates_and_changes_nothing() {
        each_engine("second_batch_is_all_duplicates_and_changes_nothing", |mut store| {
            let docs = vec![sample::plain("a.txt", "First article text."), sample::plain("b.txt", "Second article text.")];
            let first = store.write_batch(docs.clone()).unwrap();
            assert_eq!(first.ingested.len(), 2);
            let again: Vec<Document> = docs
                .iter()
                .map(|d| {
                    let mut d = d.clone();
                    d.source = format!("copy-of-{}", d.source);
                    d
                })
                .collect();
            let second = store.write_batch(again).unwrap();
            assert!(second.ingested.is_empty());
            assert_eq!(
                second.duplicates,
                vec![("copy-of-a.txt".to_string(), docs[0].id.clone()), ("copy-of-b.txt".to_string(), docs[1].id.clone())]
            );
            assert_eq!(store.count_documents().unwrap(), 2);
            assert_eq!(store.document(docs[0].id.as_str()).unwrap().unwrap().source, "a.txt", "not rewritten");

            let twice = vec![sample::plain("c.txt", "Third."), sample::plain("c2.txt", "Third.")];
            let out = store.write_batch(twice).unwrap();
            assert_eq!(out.ingested.len(), 1);
            assert_eq!(out.duplicates.len(), 1, "a repeat inside one batch is a duplicate too");
            assert_eq!(store.count_documents().unwrap(), 3);
        });
    }

    #[test]
    fn failed_batch_leaves_nothing() {
        each_engine("failed_batch_leaves_nothing", |mut store| {
            let good = sample::plain("good.txt", "A good article.");

            let mut broken = sample::full();
            broken.mentions[0].span = bad_span(0, 10_000);
            match store.write_batch(vec![good.clone(), broken]) {
                Err(StoreError::Invalid { reason, .. }) => assert!(reason.contains("mention"), "{reason}"),
                other => panic!("expected Invalid, got {other:?}"),
            }
            let mut nan = sample::full();
            nan.quantities[0].value = f64::NAN;
            assert!(matches!(store.write_batch(vec![good.clone(), nan]), Err(StoreError::Invalid { .. })));
            assert_eq!(store.count_documents().unwrap(), 0);

            // A failure inside the database after the first row was written.
            let other = sample::plain("other.txt", "Another article.");
            let boom = match store.connection() {
                Db::Sqlite(_) => format!(
                    "CREATE TEMP TRIGGER boom BEFORE INSERT ON documents WHEN NEW.id = '{}'
                     BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;",
                    other.id
                ),
                Db::Postgres(_) => format!("ALTER TABLE documents ADD CONSTRAINT simulated_failure CHECK (id <> '{}')", other.id),
            };
            store.connection().batch(&boom).unwrap();
            let err = store.write_batch(vec![good.clone(), other]).unwrap_err();
            assert!(err.to_string().contains("simulated failure") || err.to_string().contains("simulated_failure"), "{err}");
            assert_eq!(store.count_documents().unwrap(), 0);
            let rows = store.connection().query_one("SELECT count(*) FROM mentions", params![]).unwrap().int(0).unwrap();
            assert_eq!(rows, 0);
            assert!(!store.has_document(&good.id).unwrap());
        });
    }

    #[test]
    fn syntax_heads_must_be_tokens_of_their_sentence() {
        each_engine("syntax_heads_must_be_tokens_of_their_sentence", |mut store| {
            let head = |doc: &mut Document, t: usize, h: Option<u32>| {
                doc.tokens[t].syntax.as_mut().expect("the sample is parsed").head = h;
            };
            let reason = |store: &mut Store, doc: Document| match store.write_batch(vec![doc]) {
                Err(StoreError::Invalid { reason, .. }) => reason,
                other => panic!("expected Invalid, got {other:?}"),
            };
            let mut beyond = sample::full();
            head(&mut beyond, 0, Some(99));
            assert!(reason(&mut store, beyond).contains("token 0: head 99 is beyond"));
            let mut own = sample::full();
            head(&mut own, 2, Some(2));
            assert!(reason(&mut store, own).contains("its own head"));
            // a token of the second sentence may not hang from one of the first
            let mut across = sample::full();
            let mut later = across.tokens[1].clone();
            later.span = sample::span_of(sample::BODY, "Kjær", 1);
            across.tokens.push(later);
            head(&mut across, 4, Some(1));
            assert!(reason(&mut store, across).contains("outside its sentence"));
            assert_eq!(store.count_documents().unwrap(), 0);
        });
    }

    #[test]
    fn documents_stored_before_genre_load_as_articles_and_lines_are_counted() {
        each_engine("documents_stored_before_genre_load_as_articles_and_lines_are_counted", |mut store| {
            let doc = sample::full();
            let lines = vec![(doc.id.clone(), "site".to_string(), vec![7u64, 9])];
            store.write_batch_counting_lines(vec![doc.clone()], &lines, 5).unwrap();
            assert_eq!(store.line_count("site", 7).unwrap(), (1, vec![doc.id.clone()]));
            assert_eq!(store.furniture(1).unwrap().len(), 2);
            assert!(store.furniture(2).unwrap().is_empty());
            let mut old: serde_json::Value = serde_json::from_str(&encode(&doc).unwrap()).unwrap();
            old["meta"].as_object_mut().unwrap().remove("genre");
            store.connection().execute("UPDATE documents SET doc = ?1 WHERE id = ?2", params![old.to_string(), doc.id.as_str()]).unwrap();
            let back = store.document(doc.id.as_str()).unwrap().expect("stored");
            assert_eq!(back.meta.genre, chronicle_core::Genre::Article);
        });
    }

    #[test]
    fn documents_stored_before_the_syntax_layer_still_load() {
        each_engine("documents_stored_before_the_syntax_layer_still_load", |mut store| {
            let doc = sample::full();
            store.write_batch(vec![doc.clone()]).unwrap();
            // the JSON an older chronicle wrote: tokens are bare spans
            let mut old: serde_json::Value = serde_json::from_str(&encode(&doc).unwrap()).unwrap();
            for t in old["tokens"].as_array_mut().unwrap() {
                t.as_object_mut().unwrap().remove("syntax");
                assert_eq!(t.as_object().unwrap().len(), 1, "only the span is left: {t}");
            }
            store.connection().execute("UPDATE documents SET doc = ?1 WHERE id = ?2", params![old.to_string(), doc.id.as_str()]).unwrap();
            let back = store.document(doc.id.as_str()).unwrap().expect("stored");
            assert!(back.tokens.iter().all(|t| t.syntax.is_none()));
            let mut expected = doc;
            for t in &mut expected.tokens {
                t.syntax = None;
            }
            assert_eq!(back, expected);
        });
    }

    #[test]
    fn lookup_by_full_id_prefix_and_ambiguous_prefix() {
        each_engine("lookup_by_full_id_prefix_and_ambiguous_prefix", |mut store| {
            let docs: Vec<Document> =
                (0..20).map(|i| sample::plain(&format!("{i}.txt"), &format!("Article number {i}."))).collect();
            store.write_batch(docs.clone()).unwrap();
            let id = docs[0].id.as_str();
            let hex = &id[2..];
            assert_eq!(store.document(id).unwrap().unwrap().id, docs[0].id);
            // 20 ids over 16 hex digits: some first digit is shared; 10 digits are not.
            assert_eq!(store.document(&hex[..10]).unwrap().unwrap().id, docs[0].id);
            assert_eq!(store.document(&format!("d:{}", &hex[..10])).unwrap().unwrap().id, docs[0].id);
            assert_eq!(store.document(&hex[..10].to_uppercase()).unwrap().unwrap().id, docs[0].id);
            let shared = (0..docs.len())
                .find_map(|i| {
                    let c = &docs[i].id.as_str()[2..3];
                    (docs.iter().filter(|d| &d.id.as_str()[2..3] == c).count() > 1).then(|| c.to_string())
                })
                .expect("pigeonhole");
            match store.document(&shared) {
                Err(StoreError::Ambiguous { prefix, candidates }) => {
                    assert_eq!(prefix, shared);
                    assert!(candidates.len() >= 2 && candidates.iter().all(|c| c.starts_with(&format!("d:{shared}"))));
                }
                other => panic!("expected Ambiguous, got {other:?}"),
            }
            assert!(store.document("zzzz").unwrap().is_none());
            assert!(store.document("").unwrap().is_none());
            assert!(store.document("d:").unwrap().is_none());
        });
    }

    #[test]
    fn reopening_a_file_migrates_once_and_keeps_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chronicle.db");
        let doc = sample::full();
        {
            let mut store = Store::open(&path).unwrap();
            assert_eq!(store.schema_version().unwrap(), crate::SCHEMA_VERSION);
            let mode = store.connection().query_one("PRAGMA journal_mode", params![]).unwrap().text(0).unwrap();
            assert_eq!(mode, "wal");
            store.write_batch(vec![doc.clone()]).unwrap();
            store.put_meta("stage", r#"{"n":1}"#).unwrap();
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), crate::SCHEMA_VERSION);
        assert_eq!(store.count_documents().unwrap(), 1);
        assert_eq!(store.document(doc.id.as_str()).unwrap().unwrap(), doc);
        assert_eq!(store.get_meta("stage").unwrap().as_deref(), Some(r#"{"n":1}"#));
        drop(store);
        let again = Store::open(&path).unwrap();
        assert_eq!(again.count_documents().unwrap(), 1);
        assert_eq!(again.path(), Some(path.as_path()));
    }

    #[test]
    fn opening_a_non_database_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("not-a-db.txt");
        std::fs::write(&path, vec![b'x'; 4096]).unwrap();
        let err = Store::open(&path).err().expect("refused");
        assert!(matches!(err, StoreError::Open { .. }), "{err:?}");
        assert!(err.to_string().contains("not-a-db.txt"), "{err}");
    }

    #[test]
    fn update_rewrites_layers_and_fails_whole_on_missing_doc() {
        each_engine("update_rewrites_layers_and_fails_whole_on_missing_doc", |mut store| {
            let mut doc = sample::full();
            store.write_batch(vec![doc.clone()]).unwrap();
            doc.meta.story = Some("s:feedfacecafebeef".to_string());
            doc.meta.duplicate_of = Some(DocId::parse("d:00000000000000aa"));
            doc.events.truncate(1);
            store.update_documents(std::slice::from_ref(&doc)).unwrap();
            assert_eq!(store.document(doc.id.as_str()).unwrap().unwrap(), doc);
            let stats = store.stats().unwrap();
            assert_eq!(stats.events_by_type, vec![("CONSULT".to_string(), 1)]);
            assert_eq!(stats.near_duplicates, 1);

            let mut changed = doc.clone();
            changed.meta.story = Some("s:0000000000000000".to_string());
            let missing = sample::plain("missing.txt", "Never stored.");
            match store.update_documents(&[changed, missing]) {
                Err(StoreError::NotFound { id }) => assert!(id.starts_with("d:")),
                other => panic!("expected NotFound, got {other:?}"),
            }
            assert_eq!(store.document(doc.id.as_str()).unwrap().unwrap().meta.story, doc.meta.story, "rolled back");
        });
    }

    #[test]
    fn summaries_sort_by_date_with_unknown_last() {
        each_engine("summaries_sort_by_date_with_unknown_last", |mut store| {
            let full = sample::full(); // 2024-03-04
            let mut early = sample::plain("early.txt", "An early article.");
            early.meta.published = PublishedDate {
                date: UncertainDate::between(NaiveDate::from_ymd_opt(2023, 1, 1), NaiveDate::from_ymd_opt(2023, 6, 1)),
                basis: DateBasis::Inferred,
            };
            early.meta.appended_to = Some(full.id.clone());
            let unknown = sample::plain("unknown.txt", "An undated article.");
            store.write_batch(vec![unknown.clone(), full.clone(), early.clone()]).unwrap();
            let list = store.documents().unwrap();
            let ids: Vec<&DocId> = list.iter().map(|s| &s.id).collect();
            assert_eq!(ids, vec![&early.id, &full.id, &unknown.id]);
            let s = &list[1];
            assert_eq!(s.body_chars, sample::BODY.chars().count());
            assert!(s.body_chars < sample::BODY.len());
            assert_eq!((s.n_sentences, s.n_mentions, s.n_events), (3, 5, 2));
            assert_eq!(s.published, full.meta.published);
            assert_eq!(s.outlet.as_deref(), Some("Example News"));
            assert_eq!(s.format, InputFormat::Text);
            assert_eq!(list[0].published, early.meta.published);
            assert_eq!(list[0].appended_to.as_ref(), Some(&full.id));

            let stats = store.stats().unwrap();
            assert_eq!((stats.documents, stats.hosts, stats.appended), (3, 1, 1));
            assert_eq!(stats.by_language, vec![(Some("en".to_string()), 3)]);
            assert_eq!(stats.by_outlet[0], (None, 2));
            assert_eq!(stats.layers.mentions, 5);
            assert_eq!(stats.layers.quantities, 2);
            assert_eq!(stats.layers.blocks, 3);
            assert_eq!(stats.events_by_type, vec![("AID".to_string(), 1), ("CONSULT".to_string(), 1)]);
            assert_eq!(stats.stories, 1);
            assert!(stats.store_bytes > 0);
        });
    }

    #[test]
    fn mention_index_finds_documents_by_entity() {
        each_engine("mention_index_finds_documents_by_entity", |mut store| {
            let full = sample::full();
            store.write_batch(vec![full.clone(), sample::plain("x.txt", "No names here.")]).unwrap();
            assert_eq!(store.documents_mentioning("e:person:søren-kjær", &EntityClusters::default()).unwrap(), vec![full.id.clone()]);
            assert_eq!(store.documents_mentioning("e:recep-tayyip-erdogan", &EntityClusters::default()).unwrap(), vec![full.id]);
            assert!(store.documents_mentioning("e:nobody", &EntityClusters::default()).unwrap().is_empty());
        });
    }

    #[test]
    fn meta_holds_json_only() {
        each_engine("meta_holds_json_only", |mut store| {
            assert_eq!(store.get_meta("k").unwrap(), None);
            store.put_meta("k", "[1,2]").unwrap();
            store.put_meta("k", r#"{"a":"b"}"#).unwrap();
            assert_eq!(store.get_meta("k").unwrap().as_deref(), Some(r#"{"a":"b"}"#));
            assert!(matches!(store.put_meta("k", "not json"), Err(StoreError::BadMeta { .. })));
            assert_eq!(store.get_meta("k").unwrap().as_deref(), Some(r#"{"a":"b"}"#));
        });
    }

    #[test]
    fn iteration_is_ordered_and_stops_on_error() {
        each_engine("iteration_is_ordered_and_stops_on_error", |mut store| {
            let docs: Vec<Document> = (0..5).map(|i| sample::plain(&format!("{i}"), &format!("Text {i}."))).collect();
            store.write_batch(docs).unwrap();
            let mut seen = Vec::new();
            store
                .for_each_document(|d| {
                    seen.push(d.id);
                    Ok(())
                })
                .unwrap();
            let mut sorted = seen.clone();
            sorted.sort();
            assert_eq!(seen, sorted);
            assert_eq!(store.document_ids().unwrap(), sorted);
            let mut n = 0;
            let r = store.for_each_document(|_| {
                n += 1;
                if n == 2 { Err(StoreError::Stopped("enough".into())) } else { Ok(()) }
            });
            assert!(matches!(r, Err(StoreError::Stopped(_))));
            assert_eq!(n, 2);
        });
    }
}
