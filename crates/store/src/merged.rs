//! The merged events of the record: per story, the events merged across their
//! reports at ingest (written by [`crate::Store::commit_batch`] in the batch
//! transaction), what event coreference reads of each document to merge a story
//! again, and the reads every view shares ([`Store::merged_events`]).
//!
//! The store does not merge: the caller (the pipeline, through `link`) hands it
//! each touched story's merged events whole, and the store replaces that
//! story's rows.

use std::collections::{BTreeSet, HashMap};

use chronicle_core::record::MergedEvent;
use chronicle_core::{DocId, Document};
use crate::db::{params, Row, Tx, Value};
use crate::error::{sql_err, StoreError};
use crate::store::{stored_ids, Store};

/// Upserts what event coreference reads of documents (each under its story),
/// for stored documents only.
pub(crate) fn write_event_inputs(tx: &Tx<'_>, inputs: &[Document]) -> Result<(), StoreError> {
    let ctx = |e| sql_err("writing the inputs of event coreference", e);
    let stored = stored_ids(tx, inputs.iter().map(|d| d.id.as_str())).map_err(ctx)?;
    // one row per document, the last input winning, as upserts one by one would
    let mut last: HashMap<&str, usize> = HashMap::new();
    for (i, doc) in inputs.iter().enumerate() {
        last.insert(doc.id.as_str(), i);
    }
    let mut rows = Vec::new();
    for (i, doc) in inputs.iter().enumerate() {
        if last.get(doc.id.as_str()) != Some(&i) || !stored.contains(doc.id.as_str()) {
            continue;
        }
        let json = serde_json::to_string(doc).map_err(|e| StoreError::Invalid { id: doc.id.to_string(), reason: e.to_string() })?;
        rows.push(vec![Value::from(doc.id.as_str()), Value::from(doc.meta.story.as_deref().unwrap_or_default()), Value::Text(json)]);
    }
    tx.insert_rows(
        "INSERT INTO event_inputs (doc_id, story, doc)",
        3,
        rows,
        "ON CONFLICT (doc_id) DO UPDATE SET story = excluded.story, doc = excluded.doc",
    )
    .map_err(ctx)
}

/// Replaces the merged events of each story given. A row equal to the stored
/// one at its place is left as it is — a batch adds reports to a few of a
/// story's events, and rewriting the others would cost what the story holds —
/// so the rows afterwards are exactly those of deleting the story's rows and
/// inserting every event. New rows go in multi-row statements after the
/// deletions and updates.
pub(crate) fn replace_merged(tx: &Tx<'_>, stories: &[(String, Vec<MergedEvent>)]) -> Result<(), StoreError> {
    let ctx = |e| sql_err("writing merged events", e);
    let rowids = report_rowids(tx, stories)?;
    let mut stored = stored_rows(tx, stories)?;
    let (mut events_in, mut reports_in) = (Vec::new(), Vec::new());
    for (story, events) in stories {
        let stored = stored.remove(story.as_str()).unwrap_or_default();
        for (seq, event) in events.iter().enumerate() {
            let seq = seq as i64;
            let first = event.reports.iter().filter_map(|r| rowids.get(r.doc.as_str())).min().copied().unwrap_or(0);
            let json = serde_json::to_string(event).map_err(|e| StoreError::InvalidEvent { id: event.id.clone(), reason: e.to_string() })?;
            match stored.get(&seq) {
                Some((id, at, old)) if (id.as_str(), *at, old.as_str()) == (event.id.as_str(), first, json.as_str()) => continue,
                Some(_) => {
                    tx.execute("DELETE FROM merged_reports WHERE story = ?1 AND seq = ?2", params![story, seq]).map_err(ctx)?;
                    tx.execute(
                        "UPDATE merged_events SET id = ?3, first_doc = ?4, event = ?5 WHERE story = ?1 AND seq = ?2",
                        params![story, seq, event.id.as_str(), first, json],
                    )
                    .map_err(ctx)?;
                }
                None => events_in.push(vec![Value::from(story.as_str()), Value::Int(seq), Value::from(event.id.as_str()), Value::Int(first), Value::Text(json)]),
            }
            for (ri, r) in event.reports.iter().enumerate() {
                reports_in.push(vec![Value::from(story.as_str()), Value::Int(seq), Value::Int(ri as i64), Value::from(r.doc.as_str())]);
            }
        }
        // the story's rows past its events
        let n = events.len() as i64;
        tx.execute("DELETE FROM merged_reports WHERE story = ?1 AND seq >= ?2", params![story, n]).map_err(ctx)?;
        tx.execute("DELETE FROM merged_events WHERE story = ?1 AND seq >= ?2", params![story, n]).map_err(ctx)?;
    }
    tx.insert_rows("INSERT INTO merged_events (story, seq, id, first_doc, event)", 5, events_in, "").map_err(ctx)?;
    tx.insert_rows("INSERT INTO merged_reports (story, seq, report, doc_id)", 4, reports_in, "").map_err(ctx)
}

/// The stored rows of the stories' merged events: story → seq → (id, first_doc, event JSON).
type StoredRows = HashMap<String, HashMap<i64, (String, i64, String)>>;

/// [`StoredRows`] of the given stories, in one statement per few hundred stories.
fn stored_rows(tx: &Tx<'_>, stories: &[(String, Vec<MergedEvent>)]) -> Result<StoredRows, StoreError> {
    let ctx = |e| sql_err("reading the stories' merged events", e);
    let names = stories.iter().map(|(s, _)| Value::from(s.as_str())).collect();
    let rows = tx.query_in("SELECT story, seq, id, first_doc, event FROM merged_events WHERE story", &[], names, "").map_err(ctx)?;
    let mut out: StoredRows = HashMap::new();
    for r in &rows {
        out.entry(r.text(0).map_err(ctx)?).or_default().insert(r.int(1).map_err(ctx)?, (r.text(2).map_err(ctx)?, r.int(3).map_err(ctx)?, r.text(4).map_err(ctx)?));
    }
    Ok(out)
}

/// The storage position (`documents.rowid`) of every stored document reporting
/// an event of the stories (documents keep their rowid).
fn report_rowids(tx: &Tx<'_>, stories: &[(String, Vec<MergedEvent>)]) -> Result<HashMap<String, i64>, StoreError> {
    let ctx = |e| sql_err("writing merged events", e);
    let docs: BTreeSet<&str> = stories.iter().flat_map(|(_, events)| events.iter().flat_map(|e| e.reports.iter().map(|r| r.doc.as_str()))).collect();
    let rows = tx.query_in("SELECT id, rowid FROM documents WHERE id", &[], docs.into_iter().map(Value::from).collect(), "").map_err(ctx)?;
    rows.iter().map(|r| Ok((r.text(0)?, r.int(1)?))).collect::<Result<HashMap<_, _>, _>>().map_err(ctx)
}

/// Merged events read per page by [`Store::for_each_merged_event`].
const PAGE: i64 = 512;

impl Store {
    /// What event coreference reads of each document of `story` that has
    /// events, in the order the documents were stored.
    pub fn event_inputs(&self, story: &str) -> Result<Vec<Document>, StoreError> {
        let ctx = |e| sql_err(format!("reading the inputs of event coreference of {story}"), e);
        let rows = self
            .db
            .query(
                "SELECT e.doc_id, e.doc FROM event_inputs e JOIN documents d ON d.id = e.doc_id
                 WHERE e.story = ?1 ORDER BY d.rowid",
                params![story],
            )
            .map_err(ctx)?;
        let mut docs = Vec::new();
        for row in rows {
            let (id, json) = (row.text(0).map_err(ctx)?, row.text(1).map_err(ctx)?);
            let doc: Document = serde_json::from_str(&json)
                .map_err(|e| StoreError::CorruptRecord { what: format!("event input {id}"), reason: e.to_string() })?;
            docs.push(doc);
        }
        Ok(docs)
    }

    /// Every stored document id, in the order the documents were stored.
    pub fn storage_order(&self) -> Result<Vec<DocId>, StoreError> {
        let ctx = |e| sql_err("reading the storage order", e);
        let rows = self.db.query("SELECT id FROM documents ORDER BY rowid", params![]).map_err(ctx)?;
        rows.iter().map(|r| r.text(0).map(|id| DocId::parse(&id))).collect::<Result<Vec<_>, _>>().map_err(ctx)
    }

    /// True when some stored document with events has no stored input of event
    /// coreference (a store written before schema 4, whose merged events are
    /// still to be computed).
    pub fn lacks_event_inputs(&self) -> Result<bool, StoreError> {
        self.db
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM documents d WHERE d.n_events > 0
                   AND NOT EXISTS (SELECT 1 FROM event_inputs e WHERE e.doc_id = d.id))",
                params![],
            )
            .and_then(|r| r.bool(0))
            .map_err(|e| sql_err("checking the inputs of event coreference", e))
    }

    /// Every stored merged event, in order of its first report's storage (then
    /// its order in its story).
    pub fn merged_events(&self) -> Result<Vec<MergedEvent>, StoreError> {
        let mut events = Vec::new();
        self.for_each_merged_event(|e| {
            events.push(e);
            Ok(())
        })?;
        Ok(events)
    }

    /// The stored merged events of one story, in their order in the story.
    pub fn merged_events_of(&self, story: &str) -> Result<Vec<MergedEvent>, StoreError> {
        self.read_merged("SELECT story, seq, event FROM merged_events WHERE story = ?1 ORDER BY seq", Some(story))
    }

    /// Calls `f` with every stored merged event, in the order of [`Store::merged_events`].
    pub fn for_each_merged_event(
        &self,
        mut f: impl FnMut(MergedEvent) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let ctx = |e| sql_err("reading merged events", e);
        let mut after: Option<(i64, String, i64)> = None;
        loop {
            // keyset pages on (first_doc, story, seq), so that `f` may use the store
            let rows = match &after {
                None => self.db.query(
                    "SELECT story, seq, event, first_doc FROM merged_events ORDER BY first_doc, story, seq LIMIT ?1",
                    params![PAGE],
                ),
                Some((first, story, seq)) => self.db.query(
                    "SELECT story, seq, event, first_doc FROM merged_events
                     WHERE first_doc > ?1 OR (first_doc = ?1 AND (story > ?2 OR (story = ?2 AND seq > ?3)))
                     ORDER BY first_doc, story, seq LIMIT ?4",
                    params![*first, story.as_str(), *seq, PAGE],
                ),
            }
            .map_err(ctx)?;
            let Some(last) = rows.last() else { return Ok(()) };
            after = Some((last.int(3).map_err(ctx)?, last.text(0).map_err(ctx)?, last.int(1).map_err(ctx)?));
            for row in &rows {
                f(decode_row(row)?)?;
            }
        }
    }

    fn read_merged(&self, sql: &str, story: Option<&str>) -> Result<Vec<MergedEvent>, StoreError> {
        let rows = match story {
            Some(s) => self.db.query(sql, params![s]),
            None => self.db.query(sql, params![]),
        }
        .map_err(|e| sql_err("reading merged events", e))?;
        rows.iter().map(decode_row).collect()
    }

    /// The ids of the merged events `doc` reports, in their stored order.
    pub fn merged_events_reported_by(&self, doc: &DocId) -> Result<Vec<String>, StoreError> {
        let ctx = |e| sql_err("reading merged events of a document", e);
        let rows = self
            .db
            .query(
                "SELECT m.id FROM merged_reports r JOIN merged_events m ON m.story = r.story AND m.seq = r.seq
                 WHERE r.doc_id = ?1 GROUP BY m.id, m.first_doc, m.story, m.seq ORDER BY m.first_doc, m.story, m.seq",
                params![doc.as_str()],
            )
            .map_err(ctx)?;
        let mut ids: Vec<String> = Vec::new();
        for r in &rows {
            let id = r.text(0).map_err(ctx)?;
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        Ok(ids)
    }
}

/// Decodes one `(story, seq, event)` row.
fn decode_row(row: &Row) -> Result<MergedEvent, StoreError> {
    let ctx = |e| sql_err("reading merged events", e);
    let story = row.text(0).map_err(ctx)?;
    let seq = row.int(1).map_err(ctx)?;
    let json = row.text(2).map_err(ctx)?;
    serde_json::from_str(&json)
        .map_err(|e| StoreError::CorruptRecord { what: format!("merged event {story} #{seq}"), reason: e.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdb::each_engine;
    use crate::record::Batch;
    use crate::sample;
    use chronicle_core::record::Report;

    fn merged_of(doc: &Document, ei: usize, id: &str) -> MergedEvent {
        let event = doc.events[ei].clone();
        MergedEvent {
            id: id.into(),
            reports: vec![Report { doc: doc.id.clone(), sentence: event.sentence, trigger: event.trigger, outlet: doc.meta.outlet.clone() }],
            num_sources: 1,
            contradictions: Vec::new(),
            date: event.date.clone(),
            summary: event.sentence.text(doc.body()).to_string(),
            stories: doc.meta.story.iter().cloned().collect(),
            event,
        }
    }

    #[test]
    fn merged_events_round_trip_and_a_story_s_rows_are_replaced_whole() {
        each_engine("merged_events_round_trip_and_a_story_s_rows_are_replaced_whole", |mut store| {
            let doc = sample::full();
            assert!(!doc.events.is_empty(), "the sample reports events");
            let story = doc.meta.story.clone().unwrap();
            let first = merged_of(&doc, 0, "v:0000000000000001");
            let batch = Batch {
                docs: vec![doc.clone()],
                event_inputs: vec![doc.clone()],
                merged: vec![(story.clone(), vec![first.clone()])],
                ..Batch::default()
            };
            store.fail_after_commits(0);
            assert!(matches!(store.commit_batch(batch.clone()), Err(StoreError::Injected)));
            assert!(store.merged_events().unwrap().is_empty(), "merged events roll back with their batch");
            assert!(store.event_inputs(&story).unwrap().is_empty());
            store.commits_left = None;
            store.commit_batch(batch).unwrap();
            assert_eq!(store.merged_events().unwrap(), vec![first.clone()]);
            assert_eq!(store.event_inputs(&story).unwrap(), vec![doc.clone()], "the input reads back as written");
            assert!(!store.lacks_event_inputs().unwrap());
            assert_eq!(store.merged_events_reported_by(&doc.id).unwrap(), vec![first.id.clone()]);

            // a later batch re-merged the story: its rows are replaced, not added to
            let mut second = merged_of(&doc, 0, "v:0000000000000002");
            second.num_sources = 2;
            let again = Batch { merged: vec![(story.clone(), vec![second.clone(), first.clone()])], ..Batch::default() };
            store.commit_batch(again).unwrap();
            assert_eq!(store.merged_events_of(&story).unwrap(), vec![second.clone(), first.clone()]);
            assert_eq!(store.merged_events().unwrap().len(), 2);
            assert_eq!(store.merged_events_reported_by(&doc.id).unwrap(), vec![second.id.clone(), first.id.clone()]);
            assert_eq!(store.stats().unwrap().merged_events, 2);

            // the same events again leave the rows as they are; a shorter list drops the rows past it
            store.commit_batch(Batch { merged: vec![(story.clone(), vec![second.clone(), first.clone()])], ..Batch::default() }).unwrap();
            assert_eq!(store.merged_events_of(&story).unwrap(), vec![second.clone(), first.clone()]);
            store.commit_batch(Batch { merged: vec![(story.clone(), vec![first.clone()])], ..Batch::default() }).unwrap();
            assert_eq!(store.merged_events_of(&story).unwrap(), vec![first.clone()]);
            assert_eq!(store.merged_events_reported_by(&doc.id).unwrap(), vec![first.id.clone()]);
            let reports = store.connection().query_one("SELECT count(*) FROM merged_reports", params![]).unwrap().int(0).unwrap();
            assert_eq!(reports, first.reports.len() as i64, "the reports of the dropped row went with it");
            assert_eq!(store.stats().unwrap().merged_events, 1);
        });
    }

    #[test]
    fn a_store_with_events_but_no_inputs_says_so() {
        each_engine("a_store_with_events_but_no_inputs_says_so", |mut store| {
            store.write_batch(vec![sample::full()]).unwrap();
            assert!(store.lacks_event_inputs().unwrap(), "documents written without their inputs (before schema 4)");
            store.write_batch(vec![sample::plain("b.txt", "Nothing happened here at all.")]).unwrap();
            assert!(store.lacks_event_inputs().unwrap());
        });
    }

    #[test]
    fn an_unreadable_merged_event_is_an_error_not_a_panic() {
        each_engine("an_unreadable_merged_event_is_an_error_not_a_panic", |store| {
            store
                .connection()
                .execute("INSERT INTO merged_events (story, seq, id, first_doc, event) VALUES ('s:1', 0, 'v:1', 0, '{nope')", params![])
                .unwrap();
            assert!(matches!(store.merged_events(), Err(StoreError::CorruptRecord { .. })));
        });
    }
}
