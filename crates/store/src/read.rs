//! The read queries of the record that the views share (the server's read
//! model, and through `pipeline` the CLI and the exports): one story's
//! documents, what changed per story, and the entities as the mentions table
//! keeps them. Plain SQL a second backend can run as written (no SQLite-only
//! functions); each query is served by an index of the schema.

use std::collections::{BTreeMap, BTreeSet};

use chronicle_core::record::{EntityClusters, MergedEvent, ENTITY_ALIAS_SPACE};
use chronicle_core::{Document, EntityType};

use crate::db::params;
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

/// An entity as the record groups its mentions: the export's entity id (the
/// cluster of link's entity index), with every canonical name it is
/// mentioned under.
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
        let ctx = |e| sql_err(format!("reading the documents of {story}"), e);
        let rows = self
            .db
            .query(
                "SELECT id, doc FROM documents WHERE story = ?1
                 ORDER BY published_sort IS NULL, published_sort, id",
                params![story],
            )
            .map_err(ctx)?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let (id, json) = (row.text(0).map_err(ctx)?, row.text(1).map_err(ctx)?);
            out.push(decode(&id, Vec::new(), &json)?);
        }
        Ok(out)
    }

    /// The documents with these ids that are stored, in the order given;
    /// raw bytes left out.
    pub fn documents_by_id(&self, ids: &[String]) -> Result<Vec<Document>, StoreError> {
        let ctx = |e| sql_err("reading documents by id", e);
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(row) = self.db.query_opt("SELECT doc FROM documents WHERE id = ?1", params![id]).map_err(ctx)? {
                out.push(decode(id, Vec::new(), &row.text(0).map_err(ctx)?)?);
            }
        }
        Ok(out)
    }

    /// The stored merged event with this id.
    pub fn merged_event(&self, id: &str) -> Result<Option<MergedEvent>, StoreError> {
        let ctx = |e| sql_err(format!("reading merged event {id}"), e);
        let rows = self
            .db
            .query("SELECT event FROM merged_events WHERE id = ?1 ORDER BY story, seq", params![id])
            .map_err(ctx)?;
        let Some(row) = rows.first() else { return Ok(None) };
        serde_json::from_str(&row.text(0).map_err(ctx)?)
            .map(Some)
            .map_err(|e| StoreError::CorruptRecord { what: format!("merged event {id}"), reason: e.to_string() })
    }

    /// Every story's [`StoryVersion`], by story id.
    pub fn story_versions(&self) -> Result<Vec<StoryVersion>, StoreError> {
        let ctx = |e| sql_err("reading story versions", e);
        let rows = self
            .db
            .query(
                "SELECT story, count(*), max(updated_at) FROM documents
                 WHERE story IS NOT NULL GROUP BY story ORDER BY story",
                params![],
            )
            .map_err(ctx)?;
        rows.iter()
            .map(|r| {
                Ok(StoryVersion {
                    story: r.text(0).map_err(ctx)?,
                    documents: r.int(1).map_err(ctx)?.max(0) as u64,
                    updated: r.opt_text(2).map_err(ctx)?,
                })
            })
            .collect()
    }

    /// The ids of the documents corrected after `since` (an `updated_at`
    /// value; every corrected one when `None`), with the latest correction.
    pub fn documents_updated_since(&self, since: Option<&str>) -> Result<(Vec<String>, Option<String>), StoreError> {
        let ctx = |e| sql_err("reading corrected documents", e);
        let rows = self
            .db
            .query(
                "SELECT id, updated_at FROM documents WHERE updated_at IS NOT NULL AND updated_at > ?1 ORDER BY id",
                params![since.unwrap_or("")],
            )
            .map_err(ctx)?;
        let mut ids = Vec::new();
        let mut latest: Option<String> = since.map(str::to_string);
        for row in rows {
            let (id, at) = (row.text(0).map_err(ctx)?, row.text(1).map_err(ctx)?);
            if latest.as_ref().map_or(true, |l| at > *l) {
                latest = Some(at);
            }
            ids.push(id);
        }
        Ok((ids, latest))
    }

    /// The entity clusters link's entity index decided at ingest (the
    /// [`ENTITY_ALIAS_SPACE`] rows): which entity each mention's own id
    /// belongs to. Empty for a store ingested before the index existed.
    pub fn entity_clusters(&self) -> Result<EntityClusters, StoreError> {
        let rows = self.state_space(ENTITY_ALIAS_SPACE)?;
        Ok(EntityClusters::from_entries(rows.iter().map(|r| (r.key.as_str(), r.value.as_str()))))
    }

    /// Every entity of the record (the ids the export and the document
    /// views give: each mention's cluster, [`Store::entity_clusters`]), most
    /// mentioned first, then id.
    pub fn entity_rows(&self) -> Result<Vec<EntityRow>, StoreError> {
        let ctx = |e| sql_err("reading entities", e);
        let clusters = self.entity_clusters()?;
        // per document (its story decides a family name's entity): each id and name with its count
        let rows = self
            .db
            .query(
                "SELECT m.doc_id, COALESCE(d.story, ''), m.entity_id, m.entity_type, m.canonical, count(*)
                 FROM mentions m JOIN documents d ON d.id = m.doc_id
                 GROUP BY m.doc_id, d.story, m.entity_id, m.entity_type, m.canonical ORDER BY m.doc_id",
                params![],
            )
            .map_err(ctx)?;
        let mut by_id: BTreeMap<String, (BTreeMap<EntityType, u64>, BTreeMap<String, u64>, u64)> = BTreeMap::new();
        let mut last_doc = String::new();
        let mut in_doc: BTreeSet<String> = BTreeSet::new();
        for row in rows {
            let doc = row.text(0).map_err(ctx)?;
            let story = row.text(1).map_err(ctx)?;
            let (id, ty, name) = (row.text(2).map_err(ctx)?, row.text(3).map_err(ctx)?, row.text(4).map_err(ctx)?);
            let n = row.int(5).map_err(ctx)?.max(0) as u64;
            if doc != last_doc {
                in_doc.clear();
                last_doc = doc;
            }
            let cluster = clusters.map(id, (!story.is_empty()).then_some(story.as_str()));
            let e = by_id.entry(cluster.clone()).or_default();
            *e.0.entry(EntityType::parse(&ty).unwrap_or(EntityType::Organization)).or_default() += n;
            *e.1.entry(name).or_default() += n;
            if in_doc.insert(cluster) {
                e.2 += 1;
            }
        }
        let mut out: Vec<EntityRow> = by_id
            .into_iter()
            .map(|(id, (types, names, documents))| {
                // the type most mentions have; on a tie the first in type order
                let entity_type = types.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map_or(EntityType::Organization, |t| *t.0);
                let mut names: Vec<(String, u64)> = names.into_iter().collect();
                names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                EntityRow { id, entity_type, mentions: names.iter().map(|n| n.1).sum(), names, documents }
            })
            .collect();
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
    fn entities_are_the_stored_clusters_of_the_mentions_in_their_stories() {
        crate::testdb::each_engine("entities_are_the_stored_clusters", |mut store| {
            let a = in_story(sample::full(), "s:1");
            let mut b = in_story(sample::full(), "s:2");
            b.id = chronicle_core::DocId::parse("d:second");
            let (kjaer, erdogan) = ("e:person:søren-kjær", "e:recep-tayyip-erdogan");
            let per_doc = |id: &str| a.mentions.iter().filter(|m| chronicle_core::entity_id(m.kb_id.as_deref(), m.entity_type, &m.canonical) == id).count() as u64;
            let (nk, ne) = (per_doc(kjaer), per_doc(erdogan));
            assert!(nk > 0 && ne > 0);
            // in story s:1 (only) the index joined Erdogan's id to Kjær's entity
            let alias = crate::StateEntry { space: ENTITY_ALIAS_SPACE.into(), key: format!("{erdogan}\ts:1"), value: format!(r#"{{"to":"{kjaer}"}}"#) };
            store.commit_batch(crate::Batch { docs: vec![a.clone(), b.clone()], state: vec![alias], ..crate::Batch::default() }).unwrap();
            let clusters = store.entity_clusters().unwrap();
            assert_eq!(clusters.cluster_of(erdogan, Some("s:1")), kjaer);
            let rows = store.entity_rows().unwrap();
            let row = |id: &str| rows.iter().find(|r| r.id == id).cloned().unwrap();
            assert_eq!((row(kjaer).mentions, row(kjaer).documents), (2 * nk + ne, 2));
            assert_eq!((row(erdogan).mentions, row(erdogan).documents), (ne, 1));
            let mut both = vec![a.id.clone(), b.id.clone()];
            both.sort();
            assert_eq!(store.documents_mentioning(kjaer, &clusters).unwrap(), both, "in id order");
            assert_eq!(store.documents_mentioning(erdogan, &clusters).unwrap(), vec![b.id.clone()]);
        });
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
