//! The read queries of the record that the views share (the server's read
//! model, and through `pipeline` the CLI and the exports): one story's
//! documents, what changed per story, and the entities as the mentions table
//! keeps them. Plain SQL a second backend can run as written (no SQLite-only
//! functions); each query is served by an index of the schema.

use chronicle_core::record::MergedEvent;
use chronicle_core::{Document, EntityType};
use rusqlite::params;

use crate::error::{sql_err, StoreError};
use crate::store::{decode, Store};

/// What tells whether a story's derived views are still current: its
/// document count and the latest correction of any of its documents (the
/// merged events of a story change only in the batches that add to it).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StoryVersion {
    /// `s:…`.
    pub story: String,
    /// Documents assigned to it.
    pub documents: u64,
    /// The latest `updated_at` of its documents (cleaning corrections).
    pub updated: Option<String>,
}

/// An entity as the mentions table groups it: the export's entity id, with
/// every canonical name it is mentioned under.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityRow {
    /// `e:…` (the export's id).
    pub id: String,
    /// Its type.
    pub entity_type: EntityType,
    /// Canonical names with their mention counts, most mentioned first.
    pub names: Vec<(String, u64)>,
    /// Mentions in all.
    pub mentions: u64,
    /// Distinct documents mentioning it.
    pub documents: u64,
}

impl Store {
    /// The documents of one story, by publication date (unknown last) then
    /// id; raw bytes are left out (no view reads them).
    pub fn story_documents(&self, story: &str) -> Result<Vec<Document>, StoreError> {
        let ctx = || format!("reading the documents of {story}");
        let mut stmt = self.conn
            .prepare_cached(
                "SELECT id, doc FROM documents WHERE story = ?1
                 ORDER BY published_sort IS NULL, published_sort, id",
            )
            .map_err(|e| sql_err(ctx(), e))?;
        let mut rows = stmt.query(params![story]).map_err(|e| sql_err(ctx(), e))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(|e| sql_err(ctx(), e))? {
            let id: String = row.get(0).map_err(|e| sql_err(ctx(), e))?;
            let json: String = row.get(1).map_err(|e| sql_err(ctx(), e))?;
            out.push(decode(&id, Vec::new(), &json)?);
        }
        Ok(out)
    }

    /// The documents with these ids that are stored, in the order given;
    /// raw bytes left out.
    pub fn documents_by_id(&self, ids: &[String]) -> Result<Vec<Document>, StoreError> {
        let ctx = "reading documents by id";
        let mut stmt = self.conn.prepare_cached("SELECT doc FROM documents WHERE id = ?1").map_err(|e| sql_err(ctx, e))?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let mut rows = stmt.query(params![id]).map_err(|e| sql_err(ctx, e))?;
            if let Some(row) = rows.next().map_err(|e| sql_err(ctx, e))? {
                let json: String = row.get(0).map_err(|e| sql_err(ctx, e))?;
                out.push(decode(id, Vec::new(), &json)?);
            }
        }
        Ok(out)
    }

    /// The stored merged event with this id.
    pub fn merged_event(&self, id: &str) -> Result<Option<MergedEvent>, StoreError> {
        let ctx = || format!("reading merged event {id}");
        let mut stmt = self.conn.prepare_cached("SELECT event FROM merged_events WHERE id = ?1 ORDER BY story, seq").map_err(|e| sql_err(ctx(), e))?;
        let mut rows = stmt.query(params![id]).map_err(|e| sql_err(ctx(), e))?;
        match rows.next().map_err(|e| sql_err(ctx(), e))? {
            Some(row) => {
                let json: String = row.get(0).map_err(|e| sql_err(ctx(), e))?;
                serde_json::from_str(&json)
                    .map(Some)
                    .map_err(|e| StoreError::CorruptRecord { what: format!("merged event {id}"), reason: e.to_string() })
            }
            None => Ok(None),
        }
    }

    /// Every story's [`StoryVersion`], by story id.
    pub fn story_versions(&self) -> Result<Vec<StoryVersion>, StoreError> {
        let ctx = "reading story versions";
        let mut stmt = self.conn
            .prepare(
                "SELECT story, count(*), max(updated_at) FROM documents
                 WHERE story IS NOT NULL GROUP BY story ORDER BY story",
            )
            .map_err(|e| sql_err(ctx, e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(StoryVersion { story: r.get(0)?, documents: r.get::<_, i64>(1)?.max(0) as u64, updated: r.get(2)? })
            })
            .map_err(|e| sql_err(ctx, e))?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|e| sql_err(ctx, e))
    }

    /// The ids of the documents corrected after `since` (an `updated_at`
    /// value; every corrected one when `None`), with the latest correction.
    pub fn documents_updated_since(&self, since: Option<&str>) -> Result<(Vec<String>, Option<String>), StoreError> {
        let ctx = "reading corrected documents";
        let mut stmt = self.conn
            .prepare("SELECT id, updated_at FROM documents WHERE updated_at IS NOT NULL AND updated_at > ?1 ORDER BY id")
            .map_err(|e| sql_err(ctx, e))?;
        let rows = stmt
            .query_map(params![since.unwrap_or("")], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(|e| sql_err(ctx, e))?;
        let mut ids = Vec::new();
        let mut latest: Option<String> = since.map(str::to_string);
        for row in rows {
            let (id, at) = row.map_err(|e| sql_err(ctx, e))?;
            if latest.as_ref().map_or(true, |l| at > *l) {
                latest = Some(at);
            }
            ids.push(id);
        }
        Ok((ids, latest))
    }

    /// Every entity of the record as the mentions table keeps it (the ids
    /// the export and the document views give), most mentioned first, then id.
    pub fn entity_rows(&self) -> Result<Vec<EntityRow>, StoreError> {
        let ctx = "reading entities";
        let conn = &self.conn;
        let mut names = conn
            .prepare(
                "SELECT entity_id, entity_type, canonical, count(*) FROM mentions
                 GROUP BY entity_id, entity_type, canonical ORDER BY entity_id",
            )
            .map_err(|e| sql_err(ctx, e))?;
        let mut out: Vec<EntityRow> = Vec::new();
        let rows = names
            .query_map([], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, i64>(3)?.max(0) as u64))
            })
            .map_err(|e| sql_err(ctx, e))?;
        for row in rows {
            let (id, ty, name, n) = row.map_err(|e| sql_err(ctx, e))?;
            match out.last_mut() {
                Some(last) if last.id == id => {
                    last.names.push((name, n));
                    last.mentions += n;
                }
                _ => out.push(EntityRow {
                    id,
                    entity_type: EntityType::parse(&ty).unwrap_or(EntityType::Organization),
                    names: vec![(name, n)],
                    mentions: n,
                    documents: 0,
                }),
            }
        }
        let mut docs = conn
            .prepare("SELECT entity_id, count(DISTINCT doc_id) FROM mentions GROUP BY entity_id ORDER BY entity_id")
            .map_err(|e| sql_err(ctx, e))?;
        let counts = docs.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?.max(0) as u64))).map_err(|e| sql_err(ctx, e))?;
        let mut i = 0;
        for row in counts {
            let (id, n) = row.map_err(|e| sql_err(ctx, e))?;
            while out.get(i).is_some_and(|e| e.id < id) {
                i += 1;
            }
            if let Some(e) = out.get_mut(i).filter(|e| e.id == id) {
                e.documents = n;
            }
        }
        for e in &mut out {
            e.names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        }
        out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.id.cmp(&b.id)));
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    fn in_story(mut d: Document, story: &str) -> Document {
        d.meta.story = Some(story.to_string());
        d
    }

    #[test]
    fn a_story_reads_back_its_own_documents_only() {
        let mut store = Store::open_in_memory().unwrap();
        let a = in_story(sample::plain("a.txt", "Talks opened in Geneva on Monday."), "s:1");
        let b = in_story(sample::plain("b.txt", "Rain fell on the capital."), "s:2");
        let c = in_story(sample::plain("c.txt", "Talks in Geneva went on for a second day."), "s:1");
        store.write_batch(vec![a.clone(), b.clone(), c.clone()]).unwrap();
        let mut got: Vec<String> = store.story_documents("s:1").unwrap().into_iter().map(|d| d.id.to_string()).collect();
        got.sort();
        let mut want = vec![a.id.to_string(), c.id.to_string()];
        want.sort();
        assert_eq!(got, want);
        assert!(store.story_documents("s:9").unwrap().is_empty());
        let versions = store.story_versions().unwrap();
        assert_eq!(versions.iter().map(|v| (v.story.as_str(), v.documents)).collect::<Vec<_>>(), vec![("s:1", 2), ("s:2", 1)]);
        let by_id = store.documents_by_id(&[c.id.to_string(), "d:missing".into(), b.id.to_string()]).unwrap();
        assert_eq!(by_id.iter().map(|d| d.id.clone()).collect::<Vec<_>>(), vec![c.id, b.id]);
    }

    #[test]
    fn entities_group_mentions_by_export_id() {
        let mut store = Store::open_in_memory().unwrap();
        let doc = sample::full();
        let n_mentions = doc.mentions.len() as u64;
        store.write_batch(vec![doc]).unwrap();
        let rows = store.entity_rows().unwrap();
        assert!(!rows.is_empty());
        assert_eq!(rows.iter().map(|e| e.mentions).sum::<u64>(), n_mentions);
        assert!(rows.iter().all(|e| e.documents == 1 && e.id.starts_with("e:")));
        assert!(rows.windows(2).all(|w| w[0].mentions >= w[1].mentions));
        let (ids, latest) = store.documents_updated_since(None).unwrap();
        assert!(ids.is_empty() && latest.is_none());
    }
}
