//! The plain types of the cross-document record: events merged across their
//! reports, and stories. `link` computes them at ingest, `store` keeps them,
//! and every view reads them; none of these types does any analysis.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{DocId, Event, Span, UncertainDate};

/// One report of an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The reporting document.
    pub doc: DocId,
    /// The evidence sentence (byte span of the body).
    pub sentence: Span,
    /// The trigger words.
    pub trigger: Span,
    /// The document's outlet.
    pub outlet: Option<String>,
}

/// Reports that disagree on one field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contradiction {
    /// `quantity:<what is counted>`, `location`, `date` or `actor`.
    pub field: String,
    /// Each value with the document that gives it.
    pub values: Vec<(String, DocId)>,
}

/// One real-world event with all its reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MergedEvent {
    /// `v:` plus 16 hex digits of its first report (the earliest stored; doc id and trigger).
    pub id: String,
    /// The representative report's event, with the merged date.
    pub event: Event,
    /// Every report.
    pub reports: Vec<Report>,
    /// Distinct outlets (duplicates and glued-on articles whose host reports it excluded).
    pub num_sources: usize,
    /// Fields the reports disagree on.
    pub contradictions: Vec<Contradiction>,
    /// The intersection of the reports' dates.
    pub date: UncertainDate,
    /// The representative evidence sentence.
    pub summary: String,
    /// Stories of the reporting documents (`meta.story`).
    pub stories: Vec<String>,
}

/// A story's id: `s:` and hex digits.
pub type StoryId = String;

/// A story for display.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StorySummary {
    /// `s:…`.
    pub id: StoryId,
    /// The title (else the opening words) of its most central document: the
    /// one whose label terms best match the story's title-and-lede centroid.
    pub title: String,
    /// Its documents in the order they joined.
    pub documents: Vec<DocId>,
    /// Earliest publication date of its documents.
    pub from: Option<NaiveDate>,
    /// Latest publication date of its documents.
    pub to: Option<NaiveDate>,
}

/// The link-state space of the entity index's decisions: key a mention's
/// entity id ([`crate::entity_id`]), or that id, a tab and a story id for a
/// family name said alone (joined by its story); value a JSON object whose
/// `to` is the cluster's id.
pub const ENTITY_ALIAS_SPACE: &str = "entity.alias";

/// Which entity (cluster) each mention's own entity id belongs to, as link's
/// entity index decided at ingest: one actor, one id in every view. An id the
/// index never saw is its own entity.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntityClusters {
    /// Mention id → cluster id (ids that are their own cluster are left out).
    plain: std::collections::HashMap<String, String>,
    /// Mention id → story → cluster id: a family name said alone, in a story.
    in_story: std::collections::HashMap<String, std::collections::HashMap<String, String>>,
}

impl EntityClusters {
    /// Reads the rows of [`ENTITY_ALIAS_SPACE`] (key, JSON value); a row
    /// whose value has no `to` is skipped.
    pub fn from_entries<'a>(rows: impl IntoIterator<Item = (&'a str, &'a str)>) -> EntityClusters {
        let mut out = EntityClusters::default();
        for (key, value) in rows {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(value) else { continue };
            let Some(to) = v.get("to").and_then(|t| t.as_str()) else { continue };
            out.insert(key, to);
        }
        out
    }

    /// Records that the mention id (or `id\tstory`) of `key` belongs to `cluster`.
    pub fn insert(&mut self, key: &str, cluster: &str) {
        match key.split_once('\t') {
            Some((id, story)) => {
                self.in_story.entry(id.to_string()).or_default().insert(story.to_string(), cluster.to_string());
            }
            None if key != cluster => {
                self.plain.insert(key.to_string(), cluster.to_string());
            }
            None => {}
        }
    }

    /// True when no mention id belongs to another entity.
    pub fn is_empty(&self) -> bool {
        self.plain.is_empty() && self.in_story.is_empty()
    }

    /// The entity a mention's own id belongs to in a document of `story`.
    pub fn cluster_of<'a>(&'a self, id: &'a str, story: Option<&str>) -> &'a str {
        if let Some(c) = story.and_then(|s| self.in_story.get(id)?.get(s)) {
            return c;
        }
        self.plain.get(id).map_or(id, String::as_str)
    }

    /// [`EntityClusters::cluster_of`], owned.
    pub fn map(&self, id: String, story: Option<&str>) -> String {
        match self.cluster_of(&id, story) {
            c if c == id => id,
            c => c.to_string(),
        }
    }

    /// The mention ids that belong to `cluster` in some story or in all
    /// (the cluster's own id first, the rest sorted).
    pub fn members(&self, cluster: &str) -> Vec<String> {
        let mut out: Vec<String> = self.plain.iter().filter(|(_, c)| *c == cluster).map(|(id, _)| id.clone()).collect();
        out.extend(self.in_story.iter().filter(|(_, m)| m.values().any(|c| c == cluster)).map(|(id, _)| id.clone()));
        out.sort();
        out.dedup();
        out.retain(|id| id != cluster);
        out.insert(0, cluster.to_string());
        out
    }
}

#[cfg(test)]
mod entity_cluster_tests {
    use super::*;

    #[test]
    fn a_story_decision_outranks_the_plain_one_and_unknown_ids_are_their_own() {
        let rows = [
            ("e:person:mr-okafor", r#"{"to":"e:person:okafor"}"#),
            ("e:person:okafor\ts:1", r#"{"to":"e:person:jane-okafor"}"#),
            ("e:person:jane-okafor", r#"{"to":"e:person:jane-okafor","w":"jane okafor"}"#),
            ("e:person:broken", "not json"),
        ];
        let c = EntityClusters::from_entries(rows);
        assert_eq!(c.cluster_of("e:person:okafor", Some("s:1")), "e:person:jane-okafor");
        assert_eq!(c.cluster_of("e:person:okafor", Some("s:2")), "e:person:okafor");
        assert_eq!(c.cluster_of("e:person:okafor", None), "e:person:okafor");
        assert_eq!(c.cluster_of("e:person:mr-okafor", Some("s:1")), "e:person:okafor");
        assert_eq!(c.cluster_of("e:person:broken", None), "e:person:broken");
        assert_eq!(c.map("e:nobody".into(), Some("s:1")), "e:nobody");
        assert_eq!(c.members("e:person:jane-okafor"), vec!["e:person:jane-okafor".to_string(), "e:person:okafor".to_string()]);
        assert_eq!(c.members("e:person:okafor"), vec!["e:person:okafor".to_string(), "e:person:mr-okafor".to_string()]);
        assert!(!c.is_empty() && EntityClusters::default().is_empty());
    }
}
