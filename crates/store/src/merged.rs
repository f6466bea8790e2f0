//! The merged events of the record: per story, the events merged across their
//! reports at ingest (written by [`crate::Store::commit_batch`] in the batch
//! transaction), what event coreference reads of each document to merge a story
//! again, and the reads every view shares ([`Store::merged_events`]).
//!
//! The store does not merge: the caller (the pipeline, through `link`) hands it
//! each touched story's merged events whole, and the store replaces that
//! story's rows.

use chronicle_core::record::MergedEvent;
use chronicle_core::{DocId, Document};
use rusqlite::{params, OptionalExtension, Transaction};

use crate::error::{sql_err, StoreError};
use crate::store::Store;

/// Upserts what event coreference reads of documents (each under its story),
/// for stored documents only.
pub(crate) fn write_event_inputs(tx: &Transaction<'_>, inputs: &[Document]) -> Result<(), StoreError> {
    let ctx = |e| sql_err("writing the inputs of event coreference", e);
    let mut stmt = tx
        .prepare_cached(
            "INSERT INTO event_inputs (doc_id, story, doc) SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM documents WHERE id = ?1)
             ON CONFLICT (doc_id) DO UPDATE SET story = excluded.story, doc = excluded.doc",
        )
        .map_err(ctx)?;
    for doc in inputs {
        let json = serde_json::to_string(doc).map_err(|e| StoreError::Invalid { id: doc.id.to_string(), reason: e.to_string() })?;
        stmt.execute(params![doc.id.as_str(), doc.meta.story.as_deref().unwrap_or_default(), json]).map_err(ctx)?;
    }
    Ok(())
}

/// Replaces the merged events of each story given.
pub(crate) fn replace_merged(tx: &Transaction<'_>, stories: &[(String, Vec<MergedEvent>)]) -> Result<(), StoreError> {
    let ctx = |e| sql_err("writing merged events", e);
    let mut rowid = tx.prepare_cached("SELECT rowid FROM documents WHERE id = ?1").map_err(ctx)?;
    for (story, events) in stories {
        tx.execute("DELETE FROM merged_reports WHERE story = ?1", [story]).map_err(ctx)?;
        tx.execute("DELETE FROM merged_events WHERE story = ?1", [story]).map_err(ctx)?;
        let mut insert = tx
            .prepare_cached("INSERT INTO merged_events (story, seq, id, first_doc, event) VALUES (?1, ?2, ?3, ?4, ?5)")
            .map_err(ctx)?;
        let mut report = tx
            .prepare_cached("INSERT INTO merged_reports (story, seq, report, doc_id) VALUES (?1, ?2, ?3, ?4)")
            .map_err(ctx)?;
        for (seq, event) in events.iter().enumerate() {
            let mut first: Option<i64> = None;
            for r in &event.reports {
                let at: Option<i64> = rowid.query_row([r.doc.as_str()], |row| row.get(0)).optional().map_err(ctx)?;
                first = match (first, at) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
            let json = serde_json::to_string(event).map_err(|e| StoreError::InvalidEvent { id: event.id.clone(), reason: e.to_string() })?;
            insert.execute(params![story, seq as i64, event.id, first.unwrap_or(0), json]).map_err(ctx)?;
            for (ri, r) in event.reports.iter().enumerate() {
                report.execute(params![story, seq as i64, ri as i64, r.doc.as_str()]).map_err(ctx)?;
            }
        }
    }
    Ok(())
}

impl Store {
    /// What event coreference reads of each document of `story` that has
    /// events, in the order the documents were stored.
    pub fn event_inputs(&self, story: &str) -> Result<Vec<Document>, StoreError> {
        let ctx = || format!("reading the inputs of event coreference of {story}");
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT e.doc_id, e.doc FROM event_inputs e JOIN documents d ON d.id = e.doc_id
                 WHERE e.story = ?1 ORDER BY d.rowid",
            )
            .map_err(|e| sql_err(ctx(), e))?;
        let rows = stmt.query_map([story], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))).map_err(|e| sql_err(ctx(), e))?;
        let mut docs = Vec::new();
        for row in rows {
            let (id, json) = row.map_err(|e| sql_err(ctx(), e))?;
            let doc: Document = serde_json::from_str(&json)
                .map_err(|e| StoreError::CorruptRecord { what: format!("event input {id}"), reason: e.to_string() })?;
            docs.push(doc);
        }
        Ok(docs)
    }

    /// Every stored document id, in the order the documents were stored.
    pub fn storage_order(&self) -> Result<Vec<DocId>, StoreError> {
        let ctx = "reading the storage order";
        let mut stmt = self.conn.prepare("SELECT id FROM documents ORDER BY rowid").map_err(|e| sql_err(ctx, e))?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).map_err(|e| sql_err(ctx, e))?;
        rows.map(|r| r.map(|id| DocId::parse(&id))).collect::<Result<Vec<_>, _>>().map_err(|e| sql_err(ctx, e))
    }

    /// True when some stored document with events has no stored input of event
    /// coreference (a store written before schema 4, whose merged events are
    /// still to be computed).
    pub fn lacks_event_inputs(&self) -> Result<bool, StoreError> {
        self.conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM documents d WHERE d.n_events > 0
                   AND NOT EXISTS (SELECT 1 FROM event_inputs e WHERE e.doc_id = d.id))",
                [],
                |r| r.get::<_, bool>(0),
            )
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
        let ctx = "reading merged events";
        let mut stmt = self
            .conn
            .prepare("SELECT story, seq, event FROM merged_events ORDER BY first_doc, story, seq")
            .map_err(|e| sql_err(ctx, e))?;
        let mut rows = stmt.query([]).map_err(|e| sql_err(ctx, e))?;
        while let Some(row) = rows.next().map_err(|e| sql_err(ctx, e))? {
            f(decode_row(row)?)?;
        }
        Ok(())
    }

    fn read_merged(&self, sql: &str, story: Option<&str>) -> Result<Vec<MergedEvent>, StoreError> {
        let ctx = "reading merged events";
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| sql_err(ctx, e))?;
        let mut rows = match story {
            Some(s) => stmt.query([s]),
            None => stmt.query([]),
        }
        .map_err(|e| sql_err(ctx, e))?;
        let mut events = Vec::new();
        while let Some(row) = rows.next().map_err(|e| sql_err(ctx, e))? {
            events.push(decode_row(row)?);
        }
        Ok(events)
    }

    /// The ids of the merged events `doc` reports, in their stored order.
    pub fn merged_events_reported_by(&self, doc: &DocId) -> Result<Vec<String>, StoreError> {
        let ctx = "reading merged events of a document";
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT DISTINCT m.id FROM merged_reports r JOIN merged_events m ON m.story = r.story AND m.seq = r.seq
                 WHERE r.doc_id = ?1 ORDER BY m.first_doc, m.story, m.seq",
            )
            .map_err(|e| sql_err(ctx, e))?;
        let rows = stmt.query_map([doc.as_str()], |r| r.get::<_, String>(0)).map_err(|e| sql_err(ctx, e))?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|e| sql_err(ctx, e))
    }
}

/// Decodes one `(story, seq, event)` row.
fn decode_row(row: &rusqlite::Row<'_>) -> Result<MergedEvent, StoreError> {
    let ctx = "reading merged events";
    let story: String = row.get(0).map_err(|e| sql_err(ctx, e))?;
    let seq: i64 = row.get(1).map_err(|e| sql_err(ctx, e))?;
    let json: String = row.get(2).map_err(|e| sql_err(ctx, e))?;
    serde_json::from_str(&json)
        .map_err(|e| StoreError::CorruptRecord { what: format!("merged event {story} #{seq}"), reason: e.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let mut store = Store::open_in_memory().unwrap();
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
    }

    #[test]
    fn a_store_with_events_but_no_inputs_says_so() {
        let mut store = Store::open_in_memory().unwrap();
        store.write_batch(vec![sample::full()]).unwrap();
        assert!(store.lacks_event_inputs().unwrap(), "documents written without their inputs (before schema 4)");
        store.write_batch(vec![sample::plain("b.txt", "Nothing happened here at all.")]).unwrap();
        assert!(store.lacks_event_inputs().unwrap());
    }

    #[test]
    fn an_unreadable_merged_event_is_an_error_not_a_panic() {
        let store = Store::open_in_memory().unwrap();
        store
            .conn
            .execute("INSERT INTO merged_events (story, seq, id, first_doc, event) VALUES ('s:1', 0, 'v:1', 0, '{nope')", [])
            .unwrap();
        assert!(matches!(store.merged_events(), Err(StoreError::CorruptRecord { .. })));
    }
}
