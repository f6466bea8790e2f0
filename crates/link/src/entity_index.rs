//! The entity index: one entity per real-world actor across the whole record,
//! decided once, at ingest, as each document is linked in input order.
//!
//! Each mention's own entity id ([`chronicle_core::entity_id`]: KB id, else
//! type and name) is assigned to a cluster (these rules are the only ones:
//! [`crate::entities::canonicalise`] runs this index over its documents): a name already seen keeps its cluster; a
//! new full name joins the earliest cluster of its type with a name that
//! agrees word by word (a transliteration slip or an initial per word, family
//! names in full) and no other KB id or country; a family name said alone
//! ("Hayward", "Mr Hayward" — courtesy titles dropped; also a one-word place or
//! organisation no table resolved) joins the person whose full name ends with
//! it: the only one of its story, else the only one at all, else the bearer
//! holding `entity_family_name_share` of the candidates' mentions. That last
//! decision depends on the story, so it is kept per (id, story); until it can
//! be made the name is its own entity, and it is tried again at the name's
//! next mention in the story — once made, it holds for the story's earlier
//! mentions too (the rows are written in that mention's batch, in input
//! order, so the record does not depend on batch size). Nothing else is ever
//! revised: a cluster's id is the id of the first name that made it.
//!
//! State (link-state rows, written in the batch's transaction):
//! `entity.cluster` (cluster id → its ordinal, type, KB id, country and
//! mention count), [`ENTITY_ALIAS_SPACE`] (mention id, or id and story, →
//! cluster; the views read this space alone, [`EntityClusters`]) and
//! `entity.story` (cluster and story: the full-name clusters each story
//! mentions). Ties are broken by the cluster's ordinal, never by hash order,
//! so a resumed run decides exactly as an uninterrupted one.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chronicle_core::record::ENTITY_ALIAS_SPACE;
use std::sync::Arc;

use chronicle_core::{entity_id, slug, Document, EntityType, Span};
use serde::{Deserialize, Serialize};

pub use chronicle_core::record::EntityClusters;

use crate::entities::{compatible, key_words, names_agree};
use crate::settings::SETTINGS;
use crate::state::{self, StateRow};
use crate::text::similar_word_keys;
use crate::LinkError;

/// Space of the clusters.
pub const CLUSTER_SPACE: &str = "entity.cluster";
/// Space of the (cluster, story) pairs of full-name person clusters.
pub const STORY_SPACE: &str = "entity.story";

/// One cluster: what later decisions need of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Cluster {
    /// Creation order (the tie-break of every choice).
    #[serde(rename = "o")]
    ordinal: u32,
    #[serde(skip)]
    id: String,
    #[serde(rename = "t")]
    entity_type: EntityType,
    #[serde(rename = "kb", default, skip_serializing_if = "Option::is_none")]
    kb: Option<String>,
    #[serde(rename = "c", default, skip_serializing_if = "Option::is_none")]
    country: Option<String>,
    /// A person's sectors as its mentions state them, with how often.
    #[serde(rename = "s", default, skip_serializing_if = "BTreeMap::is_empty")]
    sectors: BTreeMap<String, u64>,
    /// Mentions assigned to it (the weight of the dominant-bearer rule).
    #[serde(rename = "n")]
    mentions: u64,
}

/// An alias row's value.
#[derive(Serialize, Deserialize)]
struct Alias {
    to: String,
    /// Type and name words of a plain (story-free) name, for matching later names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    t: Option<EntityType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    w: Option<String>,
}

/// One name of a document to place.
struct Name<'a> {
    id: String,
    entity_type: EntityType,
    words: Arc<[String]>,
    kb: Option<&'a str>,
    country: Option<&'a str>,
    /// The sector a person's mention states.
    sector: Option<&'a str>,
    /// A mention (counted), or a role's holder (not).
    counted: bool,
}

impl Name<'_> {
    /// A family name said alone: a one-word person, or a one-word place or
    /// organisation no table resolved.
    fn is_family_name(&self) -> bool {
        let bare = matches!(self.entity_type, EntityType::Location | EntityType::Organization) && self.kb.is_none() && self.country.is_none();
        self.words.len() == 1 && (self.entity_type == EntityType::Person || bare)
    }
}

/// The incremental entity index (see the module docs).
#[derive(Default)]
pub struct EntityIndex {
    clusters: Vec<Cluster>,
    by_id: HashMap<String, u32>,
    /// Mention id → cluster (every story-free name seen, roots included).
    plain: HashMap<String, u32>,
    /// Mention id → story → cluster (family names joined by their story).
    in_story: HashMap<String, HashMap<String, u32>>,
    /// Name variants by (type, word count, first letter of the last word).
    names: HashMap<(EntityType, usize, char), Vec<(Vec<String>, u32)>>,
    /// Last words of multi-word person names by first letter and length: (word, cluster).
    families: HashMap<(char, usize), BTreeSet<(String, u32)>>,
    /// First words (given names) of multi-word person names → their clusters.
    given: HashMap<String, BTreeSet<u32>>,
    /// Story → the full-name person clusters it mentions.
    stories: HashMap<String, HashSet<u32>>,
    /// The key words of names seen (a pure function of the name, kept
    /// because most mentions repeat a name; emptied when it grows large).
    words: HashMap<String, Cached>,
    dirty: BTreeSet<u32>,
    pending: Vec<StateRow>,
}

impl EntityIndex {
    /// Number of clusters.
    pub fn len(&self) -> usize {
        self.clusters.len()
    }

    /// True when no name was placed.
    pub fn is_empty(&self) -> bool {
        self.clusters.is_empty()
    }

    /// Places every mention and role holder of a linked document (its story
    /// assigned): full names first, then family names said alone.
    pub fn add_document(&mut self, doc: &Document) {
        let story = doc.meta.story.as_deref().unwrap_or("");
        let mut names: Vec<Name<'_>> = Vec::with_capacity(doc.mentions.len() + doc.roles.len());
        if self.words.len() > WORDS_CACHE_MAX {
            self.words.clear();
        }
        for m in &doc.mentions {
            let (slug, words) = self.words_of(m.entity_type, &m.canonical);
            names.push(Name {
                id: id_of(m.kb_id.as_deref(), m.entity_type, slug),
                entity_type: m.entity_type,
                words,
                kb: m.kb_id.as_deref().filter(|k| !k.is_empty()),
                country: m.country.as_deref().filter(|c| !c.is_empty()),
                sector: m.sector.as_deref().filter(|s| !s.is_empty() && m.entity_type == EntityType::Person),
                counted: true,
            });
        }
        for r in &doc.roles {
            let (slug, words) = self.words_of(EntityType::Person, &r.person);
            names.push(Name {
                id: id_of(r.kb_id.as_deref(), EntityType::Person, slug),
                entity_type: EntityType::Person,
                words,
                kb: r.kb_id.as_deref().filter(|k| !k.is_empty()),
                country: None,
                sector: None,
                counted: false,
            });
        }
        names.retain(|n| !n.words.is_empty());
        for family in [false, true] {
            for n in names.iter().filter(|n| n.is_family_name() == family) {
                let c = if family { self.place_family_name(n, story) } else { self.place(n) };
                self.note(c, n, story);
            }
        }
    }

    /// Counts a placed mention; a full-name person's story is remembered.
    fn note(&mut self, c: u32, n: &Name<'_>, story: &str) {
        let Some(cl) = self.clusters.get_mut(c as usize) else { return };
        if n.counted {
            cl.mentions += 1;
            if let Some(s) = n.sector {
                *cl.sectors.entry(s.to_string()).or_default() += 1;
            }
            self.dirty.insert(c);
        }
        if n.entity_type == EntityType::Person && n.words.len() > 1 && !story.is_empty() {
            let new = match self.stories.get_mut(story) {
                Some(set) => set.insert(c),
                None => {
                    self.stories.insert(story.to_string(), HashSet::from([c]));
                    true
                }
            };
            if new {
                self.pending.push(StateRow::new(STORY_SPACE, format!("{}\t{story}", cl.id), &1));
            }
        }
    }

    /// A name's slug and key words (a person's without courtesy titles).
    fn words_of(&mut self, ty: EntityType, name: &str) -> (Arc<str>, Arc<[String]>) {
        let c = match self.words.get(name) {
            Some(c) => c,
            None => {
                let (words, courtesy) = key_words(name);
                let c = Cached { slug: slug(name).into(), words: words.clone().into(), person: words[courtesy..].to_vec().into() };
                self.words.entry(name.to_string()).or_insert(c)
            }
        };
        let words = if ty == EntityType::Person { &c.person } else { &c.words };
        (Arc::clone(&c.slug), Arc::clone(words))
    }

    /// A name's cluster regardless of story: the one it has, else the
    /// earliest whose name agrees with it, else a new one.
    fn place(&mut self, n: &Name<'_>) -> u32 {
        if let Some(&c) = self.plain.get(&n.id) {
            // a KB id or country the name's cluster lacked, stated now, is its own
            self.adopt(c, n.kb, n.country);
            return c;
        }
        let block = block_of(n.entity_type, &n.words);
        let found = block
            .and_then(|b| self.names.get(&b))
            .and_then(|variants| variants.iter().filter(|(w, c)| names_agree(w, &n.words) && self.joinable(*c, n.kb, n.country)).map(|(_, c)| *c).min());
        let c = match found {
            Some(c) => {
                self.adopt(c, n.kb, n.country);
                c
            }
            None => self.new_cluster(n),
        };
        self.index_name(&n.id, n.entity_type, n.words.to_vec(), c);
        let alias = Alias { to: self.clusters[c as usize].id.clone(), t: Some(n.entity_type), w: Some(n.words.join(" ")) };
        self.pending.push(StateRow::new(ENTITY_ALIAS_SPACE, n.id.clone(), &alias));
        c
    }

    /// A family name said alone: its story's decision, else one made now,
    /// else (no decision yet) its story-free cluster.
    fn place_family_name(&mut self, n: &Name<'_>, story: &str) -> u32 {
        if let Some(&c) = self.in_story.get(&n.id).and_then(|m| m.get(story)) {
            return c;
        }
        let Some(c) = self.bearer(n, story) else { return self.place(n) };
        self.in_story.entry(n.id.clone()).or_default().insert(story.to_string(), c);
        let alias = Alias { to: self.clusters[c as usize].id.clone(), t: None, w: None };
        self.pending.push(StateRow::new(ENTITY_ALIAS_SPACE, format!("{}\t{story}", n.id), &alias));
        c
    }

    /// The person a family name means: the only candidate the story mentions,
    /// else the only candidate, else the dominant bearer — none when the word
    /// is the given name of a person the story mentions ("Michael" in a story
    /// of Michael Jackson is not Alun Michael).
    fn bearer(&self, n: &Name<'_>, story: &str) -> Option<u32> {
        let w = n.words.first()?;
        let told = self.stories.get(story);
        if self.given.get(w).is_some_and(|g| g.iter().any(|c| told.is_some_and(|t| t.contains(c)))) {
            return None;
        }
        let first = w.chars().next()?;
        let len = w.chars().count();
        // a slip is one edit: the length differs by one at most
        let candidates: BTreeSet<u32> = (len.saturating_sub(1)..=len + 1)
            .filter_map(|l| self.families.get(&(first, l)))
            .flatten()
            .filter(|(last, c)| similar_word_keys(last, w) && self.joinable(*c, n.kb, n.country))
            .map(|(_, c)| *c)
            .collect();
        let in_story: Vec<u32> = candidates.iter().copied().filter(|c| told.is_some_and(|t| t.contains(c))).collect();
        if let [c] = in_story.as_slice() {
            return Some(*c);
        }
        if candidates.len() == 1 {
            return candidates.first().copied();
        }
        let weight = |c: &u32| self.clusters.get(*c as usize).map_or(0, |x| x.mentions);
        let total: u64 = candidates.iter().map(weight).sum();
        // the heaviest; on a tie the earliest
        let top = candidates.iter().copied().max_by(|a, b| weight(a).cmp(&weight(b)).then(b.cmp(a)))?;
        (total > 0 && weight(&top) as f64 >= SETTINGS.entity_family_name_share * total as f64).then_some(top)
    }

    fn joinable(&self, c: u32, kb: Option<&str>, country: Option<&str>) -> bool {
        self.clusters.get(c as usize).is_some_and(|x| {
            compatible(&x.kb.as_deref(), &kb) && compatible(&x.country.as_deref(), &country)
        })
    }

    /// A KB id or country a cluster lacked becomes its own.
    fn adopt(&mut self, c: u32, kb: Option<&str>, country: Option<&str>) {
        let Some(x) = self.clusters.get_mut(c as usize) else { return };
        if x.kb.is_none() && kb.is_some() {
            x.kb = kb.map(str::to_string);
            self.dirty.insert(c);
        }
        if x.country.is_none() && country.is_some() {
            x.country = country.map(str::to_string);
            self.dirty.insert(c);
        }
    }

    fn new_cluster(&mut self, n: &Name<'_>) -> u32 {
        let c = self.clusters.len() as u32;
        self.clusters.push(Cluster {
            ordinal: c,
            id: n.id.clone(),
            entity_type: n.entity_type,
            kb: n.kb.map(str::to_string),
            country: n.country.map(str::to_string),
            sectors: BTreeMap::new(),
            mentions: 0,
        });
        self.by_id.insert(n.id.clone(), c);
        self.dirty.insert(c);
        c
    }

    /// Makes a story-free name findable by later names.
    fn index_name(&mut self, id: &str, ty: EntityType, words: Vec<String>, c: u32) {
        self.plain.insert(id.to_string(), c);
        if ty == EntityType::Person && words.len() > 1 {
            self.given.entry(words[0].clone()).or_default().insert(c);
            if let Some(last) = words.last() {
                if let Some(first) = last.chars().next() {
                    self.families.entry((first, last.chars().count())).or_default().insert((last.clone(), c));
                }
            }
        }
        if let Some(b) = block_of(ty, &words) {
            self.names.entry(b).or_default().push((words, c));
        }
    }

    /// The cluster of a mention's own id in a story (its own id when unseen).
    pub fn cluster_of<'a>(&'a self, id: &'a str, story: Option<&str>) -> &'a str {
        let c = story.and_then(|s| self.in_story.get(id)?.get(s)).or_else(|| self.plain.get(id));
        c.and_then(|&c| self.clusters.get(c as usize)).map_or(id, |x| x.id.as_str())
    }

    /// Gives a placed document's person mentions that state no country or no
    /// sector, and the event parties they name, those of their cluster: a
    /// person's nationality or standing stated in one report ("British chief
    /// executive Tony Hayward", "BP executive Bob Dudley") holds in the
    /// reports that leave it unsaid ("Mr Hayward"). The cluster's sector is the
    /// one its mentions state most often (on a tie the first in code order).
    /// Call it after [`EntityIndex::add_document`]; other types keep their own
    /// (a company's country is no fact its branches abroad share).
    pub fn fill_countries(&self, doc: &mut Document) {
        let story = doc.meta.story.clone();
        let mut filled: Vec<(Span, Option<&str>, Option<&str>, String)> = Vec::new();
        for m in doc.mentions.iter_mut().filter(|m| m.entity_type == EntityType::Person && (m.country.is_none() || m.sector.is_none())) {
            let id = entity_id(m.kb_id.as_deref(), m.entity_type, &m.canonical);
            let Some(cl) = self.cluster(&id, story.as_deref()) else { continue };
            let country = cl.country.as_deref().filter(|_| m.country.is_none());
            let sector = main_sector(cl).filter(|_| m.sector.is_none());
            if country.is_none() && sector.is_none() {
                continue;
            }
            m.country = m.country.take().or_else(|| country.map(str::to_string));
            m.sector = m.sector.take().or_else(|| sector.map(str::to_string));
            filled.push((m.span, country, sector, m.canonical.clone()));
        }
        if filled.is_empty() {
            return;
        }
        for e in &mut doc.events {
            for a in e.actors.iter_mut().chain(e.recipients.iter_mut()).filter(|a| a.country.is_none() || a.sector.is_none()) {
                let Some(at) = a.span else { continue };
                // the party is the mention, or its name is the mention's inside its words
                let found = filled.iter().find(|(s, _, _, name)| *s == at || (at.start() <= s.start() && s.end() <= at.end() && a.name == *name));
                if let Some((_, c, s, _)) = found {
                    a.country = a.country.take().or_else(|| c.map(str::to_string));
                    a.sector = a.sector.take().or_else(|| s.map(str::to_string));
                }
            }
        }
    }

    /// The cluster a mention's own id belongs to in a story.
    fn cluster(&self, id: &str, story: Option<&str>) -> Option<&Cluster> {
        let c = story.and_then(|s| self.in_story.get(id)?.get(s)).or_else(|| self.plain.get(id))?;
        self.clusters.get(*c as usize)
    }

    /// Every name's cluster, as the views read them from the store's alias rows.
    pub fn clusters(&self) -> EntityClusters {
        let mut out = EntityClusters::default();
        let id = |c: &u32| self.clusters.get(*c as usize).map(|x| x.id.as_str());
        for (name, c) in &self.plain {
            if let Some(cluster) = id(c) {
                out.insert(name, cluster);
            }
        }
        for (name, stories) in &self.in_story {
            for (story, c) in stories {
                if let Some(cluster) = id(c) {
                    out.insert(&format!("{name}\t{story}"), cluster);
                }
            }
        }
        out
    }

    /// The rows changed since the last call (persist them with the batch).
    pub fn take_rows(&mut self) -> Vec<StateRow> {
        let mut rows = std::mem::take(&mut self.pending);
        for c in std::mem::take(&mut self.dirty) {
            if let Some(x) = self.clusters.get(c as usize) {
                rows.push(StateRow::new(CLUSTER_SPACE, x.id.clone(), x));
            }
        }
        rows
    }

    /// Rebuilds the index from its rows (`space`, `key`, `value`), in any order.
    pub fn from_rows<'a>(rows: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Result<EntityIndex, LinkError> {
        let mut ix = EntityIndex::default();
        ix.apply_rows(rows)?;
        Ok(ix)
    }

    /// Brings the index up to date with rows another writer wrote since it was
    /// read: a cluster row replaces the cluster at its ordinal or adds the next
    /// one, names not held yet are indexed, story decisions replace their
    /// entries. An error means the rows do not continue this index (a gap in the
    /// clusters, a name held by another cluster): read it whole.
    pub fn apply_rows<'a>(&mut self, rows: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Result<(), LinkError> {
        let mut clusters: Vec<Cluster> = Vec::new();
        let mut aliases: Vec<(&str, Alias)> = Vec::new();
        let mut stories: Vec<(&str, &str)> = Vec::new();
        for (space, key, value) in rows {
            if space == CLUSTER_SPACE {
                let mut c: Cluster = state::decode(space, key, value)?;
                c.id = key.to_string();
                clusters.push(c);
            } else if space == ENTITY_ALIAS_SPACE {
                aliases.push((key, state::decode(space, key, value)?));
            } else if space == STORY_SPACE {
                stories.push(key.split_once('\t').ok_or_else(|| state::bad(space, key, "no story"))?);
            }
        }
        clusters.sort_by_key(|c| c.ordinal);
        for c in clusters {
            let (at, len) = (c.ordinal as usize, self.clusters.len());
            match self.clusters.get_mut(at) {
                Some(held) if held.id == c.id => *held = c,
                Some(_) => return Err(state::bad(CLUSTER_SPACE, &c.id, "another cluster holds its place")),
                None if at == len => {
                    self.by_id.insert(c.id.clone(), c.ordinal);
                    self.clusters.push(c);
                }
                None => return Err(state::bad(CLUSTER_SPACE, &c.id, "a cluster of the index is missing before it")),
            }
        }
        // names in the order their clusters were made, so matching lists are alike
        aliases.sort_by(|a, b| a.0.cmp(b.0));
        for (key, a) in aliases {
            let c = *self.by_id.get(&a.to).ok_or_else(|| state::bad(ENTITY_ALIAS_SPACE, key, "no such cluster"))?;
            match key.split_once('\t') {
                Some((id, story)) => {
                    self.in_story.entry(id.to_string()).or_default().insert(story.to_string(), c);
                }
                None => match self.plain.get(key) {
                    Some(&held) if held == c => {}
                    Some(_) => return Err(state::bad(ENTITY_ALIAS_SPACE, key, "held by another cluster")),
                    None => {
                        let ty = a.t.ok_or_else(|| state::bad(ENTITY_ALIAS_SPACE, key, "no type"))?;
                        let words = a.w.unwrap_or_default().split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
                        self.index_name(key, ty, words, c);
                    }
                },
            }
        }
        for (cluster, story) in stories {
            let c = *self.by_id.get(cluster).ok_or_else(|| state::bad(STORY_SPACE, cluster, "no such cluster"))?;
            self.stories.entry(story.to_string()).or_default().insert(c);
        }
        Ok(())
    }
}

/// Names whose key words [`EntityIndex`] keeps before starting afresh.
const WORDS_CACHE_MAX: usize = 200_000;

/// The cached keys of one name.
struct Cached {
    slug: Arc<str>,
    words: Arc<[String]>,
    /// Without leading courtesy titles.
    person: Arc<[String]>,
}

/// The sector a person cluster's mentions state most often; on a tie the
/// first in code order.
fn main_sector(c: &Cluster) -> Option<&str> {
    c.sectors.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(s, _)| s.as_str())
}

/// [`entity_id`] from a slug already made.
fn id_of(kb: Option<&str>, ty: EntityType, slug: Arc<str>) -> String {
    match kb {
        Some(k) if !k.is_empty() => format!("e:{k}"),
        _ => format!("e:{}:{slug}", ty.as_str()),
    }
}

/// The block a name is matched in: type, word count, first letter of its
/// last word (family names agree in full up to one slip, which keeps it).
fn block_of(ty: EntityType, words: &[String]) -> Option<(EntityType, usize, char)> {
    Some((ty, words.len(), words.last()?.chars().next()?))
}

/// Each mention's cluster (`id@doc` → cluster id) when `docs` are indexed in order.
#[cfg(test)]
pub(crate) fn cluster_ids(docs: &[Document]) -> BTreeMap<String, String> {
    let mut ix = EntityIndex::default();
    let mut out = BTreeMap::new();
    for d in docs {
        ix.add_document(d);
        for m in &d.mentions {
            let id = entity_id(m.kb_id.as_deref(), m.entity_type, &m.canonical);
            out.insert(format!("{}@{}", id, d.id.as_str().trim_start_matches("d:")), ix.cluster_of(&id, d.meta.story.as_deref()).to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_core::{DocId, InputFormat, Mention, MentionSource, Metadata, Span};

    const PER: EntityType = EntityType::Person;

    /// A document of `story` whose body is its names, each a mention
    /// (surface = canonical) with an optional KB id and country.
    fn doc(id: &str, story: &str, names: &[(&str, EntityType, Option<&str>, Option<&str>)]) -> Document {
        let body = names.iter().map(|n| n.0).collect::<Vec<_>>().join(". ");
        let mut d = Document::new(DocId::parse(id), id.into(), InputFormat::Text, Vec::new(), body.clone(), body.clone(), Metadata::default());
        d.meta.story = Some(story.to_string());
        let mut at = 0;
        for (name, ty, kb, country) in names {
            d.mentions.push(Mention {
                span: Span::new(&body, at, at + name.len()).unwrap(),
                entity_type: *ty,
                canonical: name.to_string(),
                kb_id: kb.map(str::to_string),
                country: country.map(str::to_string),
                sector: None,
                source: MentionSource::Tagger,
            });
            at += name.len() + 2;
        }
        d
    }

    fn fixture() -> Vec<Document> {
        vec![
            doc("a", "s:1", &[("Okafor", PER, None, None)]),
            doc("b", "s:1", &[("Ms Jane Okafor", PER, None, Some("NGA"))]),
            doc("c", "s:1", &[("Okafor", PER, None, None), ("Jane Okafor", PER, None, None)]),
            doc("d", "s:2", &[("David Okafor", PER, None, None), ("Okafor", PER, None, None)]),
            doc("e", "s:2", &[("Mr Okafor", PER, None, None)]),
            doc("f", "s:3", &[("Okafor", PER, None, None)]),
        ]
    }

    #[test]
    fn one_person_across_documents_of_a_story_and_two_bearers_apart() {
        let ids = cluster_ids(&fixture());
        let jane = "e:person:ms-jane-okafor";
        // the first "Okafor" is its own until a full name of its story is seen; then it is Jane's
        let mut ix = EntityIndex::default();
        let docs = fixture();
        ix.add_document(&docs[0]);
        assert_eq!(ix.cluster_of("e:person:okafor", Some("s:1")), "e:person:okafor");
        ix.add_document(&docs[1]);
        ix.add_document(&docs[2]);
        assert_eq!(ix.cluster_of("e:person:okafor", Some("s:1")), jane, "{ids:#?}");
        assert_eq!(ids["e:person:jane-okafor@c"], jane, "courtesy title dropped, names agree");
        assert_eq!(ids["e:person:okafor@c"], jane);
        // another Okafor in another story stays apart
        assert_eq!(ids["e:person:david-okafor@d"], "e:person:david-okafor");
        assert_eq!(ids["e:person:okafor@d"], "e:person:david-okafor");
        assert_eq!(ids["e:person:mr-okafor@e"], "e:person:david-okafor");
        // a story of neither: two bearers of like weight, the name stays its own
        assert_eq!(ids["e:person:okafor@f"], "e:person:okafor");
        assert_eq!(ix.cluster_of("e:person:okafor", Some("s:3")), "e:person:okafor");
    }

    #[test]
    fn a_given_name_of_someone_in_the_story_joins_no_family_name_bearer() {
        // "Michael" beside Michael Jordan is not the only "Michael" family name (Alun Michael)
        let docs = vec![
            doc("g", "s:4", &[("Alun Michael", PER, None, None)]),
            doc("h", "s:5", &[("Michael Jordan", PER, None, None), ("Michael", PER, None, None)]),
            doc("i", "s:6", &[("Michael", PER, None, None)]),
        ];
        let ids = cluster_ids(&docs);
        assert_eq!(ids["e:person:michael@h"], "e:person:michael", "{ids:#?}");
        // in a story of no other Michael the only bearer still takes it
        assert_eq!(ids["e:person:michael@i"], "e:person:alun-michael", "{ids:#?}");
    }

    #[test]
    fn a_dominant_bearer_takes_a_family_name_of_a_story_neither_is_in() {
        let mut docs: Vec<Document> = (0..5).map(|i| doc(&format!("a{i}"), "s:1", &[("Oskar Lindqvist", PER, None, None)])).collect();
        docs.push(doc("g", "s:2", &[("Greta Lindqvist", PER, None, None)]));
        docs.push(doc("x", "s:3", &[("Lindqvist", PER, None, None)]));
        assert_eq!(cluster_ids(&docs)["e:person:lindqvist@x"], "e:person:oskar-lindqvist");
        docs.truncate(1);
        docs.push(doc("g", "s:2", &[("Greta Lindqvist", PER, None, None)]));
        docs.push(doc("x", "s:3", &[("Lindqvist", PER, None, None)]));
        assert_eq!(cluster_ids(&docs)["e:person:lindqvist@x"], "e:person:lindqvist");
    }

    #[test]
    fn spellings_initials_kb_ids_and_countries() {
        let docs = vec![
            doc("a", "s:1", &[("Moammar Gadhafi", PER, None, None), ("G. W. Bush", PER, None, Some("USA"))]),
            doc("b", "s:2", &[("Muammar Qaddafi", PER, None, None), ("George W. Bush", PER, None, Some("USA"))]),
            doc("c", "s:3", &[("Georgia", EntityType::Location, Some("GEO"), Some("GEO"))]),
            doc("d", "s:3", &[("Georgia", EntityType::Location, Some("us-georgia"), Some("USA"))]),
            doc("e", "s:4", &[("John Smith", PER, None, Some("USA")), ("John Smith", PER, Some("john-smith-gb"), Some("GBR"))]),
        ];
        let ids = cluster_ids(&docs);
        assert_eq!(ids["e:person:muammar-qaddafi@b"], "e:person:moammar-gadhafi");
        assert_eq!(ids["e:person:george-w-bush@b"], "e:person:g-w-bush");
        assert_eq!(ids["e:us-georgia@d"], "e:us-georgia", "two KB ids never join");
        assert_eq!(ids["e:john-smith-gb@e"], "e:john-smith-gb", "two countries never join");
    }

    #[test]
    fn a_persons_country_stated_in_one_report_holds_in_the_others_of_its_cluster() {
        let first = doc("a", "s:1", &[("Ngozi Adeyemi", PER, None, Some("NGA")), ("Kwame Osei", PER, None, None)]);
        let mut second = doc("b", "s:1", &[("Ngozi Adeyemi", PER, None, None), ("Kwame Osei", PER, None, None), ("Adeyemi", PER, None, None), ("Lagos Port", EntityType::Organization, None, None)]);
        let party = |m: &chronicle_core::Mention| chronicle_core::EventArg { name: m.canonical.clone(), kb_id: None, country: None, sector: None, span: Some(m.span) };
        let sentence = Span::new(second.body(), 0, second.body().len()).unwrap();
        second.events.push(chronicle_core::Event {
            event_type: chronicle_core::PloverType::Consult,
            mode: None,
            context: vec![],
            cameo: None,
            actors: vec![party(&second.mentions[0]), party(&second.mentions[2])],
            recipients: vec![party(&second.mentions[1]), party(&second.mentions[3])],
            date: chronicle_core::UncertainDate::unknown(),
            location: None,
            place: None,
            quantities: vec![],
            modality: chronicle_core::Modality::Asserted,
            attributed_to: None,
            items: vec![],
            sentence,
            trigger: sentence,
            rule: "test".into(),
        });
        let mut ix = EntityIndex::default();
        ix.add_document(&first);
        ix.add_document(&second);
        ix.fill_countries(&mut second);
        let countries: Vec<Option<&str>> = second.mentions.iter().map(|m| m.country.as_deref()).collect();
        assert_eq!(countries, [Some("NGA"), None, Some("NGA"), None], "her full name and her family name alone; he and the port state none");
        let e = &second.events[0];
        assert_eq!(e.actors.iter().map(|a| a.country.as_deref()).collect::<Vec<_>>(), [Some("NGA"), Some("NGA")]);
        assert_eq!(e.recipients.iter().map(|a| a.country.as_deref()).collect::<Vec<_>>(), [None, None]);
        // stated only in a later report of a name already seen, it holds from then on
        let mut ix = EntityIndex::default();
        let mut later = doc("c", "s:2", &[("Kwame Osei", PER, None, None)]);
        ix.add_document(&doc("a", "s:2", &[("Kwame Osei", PER, None, None)]));
        ix.add_document(&doc("b", "s:2", &[("Kwame Osei", PER, None, Some("GHA"))]));
        ix.add_document(&later);
        ix.fill_countries(&mut later);
        assert_eq!(later.mentions[0].country.as_deref(), Some("GHA"));
    }

    #[test]
    fn a_persons_sector_stated_most_often_holds_where_a_report_leaves_it_unsaid() {
        // "shipping executive Ana Ferreira" twice, "minister Ana Ferreira" once, then "Ms Ferreira"
        let with = |id: &str, sector: &str| {
            let mut d = doc(id, "s:1", &[("Ana Ferreira", PER, None, Some("PRT"))]);
            d.mentions[0].sector = Some(sector.to_string());
            d
        };
        let mut later = doc("d", "s:1", &[("Ana Ferreira", PER, None, None), ("Ferreira", PER, None, None), ("Porto Lines", EntityType::Organization, None, None)]);
        let mut ix = EntityIndex::default();
        for d in [with("a", "BUS"), with("b", "GOV"), with("c", "BUS")] {
            ix.add_document(&d);
        }
        ix.add_document(&later);
        ix.fill_countries(&mut later);
        let codes: Vec<(Option<&str>, Option<&str>)> = later.mentions.iter().map(|m| (m.country.as_deref(), m.sector.as_deref())).collect();
        assert_eq!(codes, [(Some("PRT"), Some("BUS")), (Some("PRT"), Some("BUS")), (None, None)], "the company is no person: it keeps its own");
        // the sector survives a resumed index
        let rows = ix.take_rows();
        let resumed = EntityIndex::from_rows(rows.iter().map(|r| (r.space, r.key.as_str(), r.value.as_str()))).unwrap();
        let mut again = doc("e", "s:1", &[("Ana Ferreira", PER, None, None)]);
        resumed.fill_countries(&mut again);
        assert_eq!(again.mentions[0].sector.as_deref(), Some("BUS"));
    }

    #[test]
    fn two_writers_catching_up_on_each_other_decide_as_one() {
        use crate::state::{latest, TwoWriters};
        let mut docs = fixture();
        docs.extend((0..3).map(|i| doc(&format!("z{i}"), "s:9", &[("Okafor", PER, None, None), ("Okafer", PER, None, None)])));
        docs.push(doc("y", "s:2", &[("Jane Okafor", PER, None, Some("NGA")), ("David Okafor", PER, Some("Q1"), None)]));
        let mut one = EntityIndex::default();
        let mut decided = BTreeMap::new();
        for d in &docs {
            one.add_document(d);
            for m in &d.mentions {
                let id = entity_id(None, m.entity_type, &m.canonical);
                decided.insert(format!("{id}@{}", d.id.as_str()), one.cluster_of(&id, d.meta.story.as_deref()).to_string());
            }
        }
        let whole = latest(&one.take_rows());
        for batch in [1, 2, 3] {
            // batches alternate between two writers; each first applies what the other wrote since its own last batch
            let mut writers = [EntityIndex::default(), EntityIndex::default()];
            let mut store = TwoWriters::default();
            let mut ids = BTreeMap::new();
            for (b, chunk) in docs.chunks(batch).enumerate() {
                let w = b % 2;
                let missed = store.missed(w);
                writers[w].apply_rows(missed.iter().map(|(s, k, v)| (s.as_str(), k.as_str(), v.as_str()))).unwrap();
                for d in chunk {
                    writers[w].add_document(d);
                    for m in &d.mentions {
                        let id = entity_id(None, m.entity_type, &m.canonical);
                        ids.insert(format!("{id}@{}", d.id.as_str()), writers[w].cluster_of(&id, d.meta.story.as_deref()).to_string());
                    }
                }
                store.wrote(w, writers[w].take_rows());
            }
            assert_eq!(store.all(), whole, "batch {batch}");
            assert_eq!(ids, decided, "batch {batch}");
        }
        // a name the held index gives another cluster does not continue it
        let mut held = EntityIndex::default();
        held.add_document(&doc("q", "s:1", &[("Okafor", PER, None, None), ("Ines Duarte", PER, None, None)]));
        held.take_rows();
        let okafor = held.cluster_of("e:person:okafor", None).to_string();
        let duarte = held.cluster_of("e:person:ines-duarte", None).to_string();
        assert_ne!(okafor, duarte);
        let moved = format!(r#"{{"to":"{duarte}","t":"person","w":"okafor"}}"#);
        assert!(held.apply_rows([(ENTITY_ALIAS_SPACE, "e:person:okafor", moved.as_str())]).is_err());
        let same = format!(r#"{{"to":"{okafor}","t":"person","w":"okafor"}}"#);
        assert!(held.apply_rows([(ENTITY_ALIAS_SPACE, "e:person:okafor", same.as_str())]).is_ok(), "its own rows continue it");
    }

    #[test]
    fn a_resumed_index_decides_as_an_uninterrupted_one_at_any_batch_size() {
        let mut docs = fixture();
        docs.extend((0..3).map(|i| doc(&format!("z{i}"), "s:9", &[("Okafor", PER, None, None), ("Okafer", PER, None, None)])));
        let run = |batch: usize| -> (Vec<(String, String, String)>, BTreeMap<String, String>) {
            let mut rows: Vec<StateRow> = Vec::new();
            let mut ix = EntityIndex::default();
            let mut out = BTreeMap::new();
            for chunk in docs.chunks(batch) {
                for d in chunk {
                    ix.add_document(d);
                    for m in &d.mentions {
                        let id = entity_id(None, m.entity_type, &m.canonical);
                        out.insert(format!("{id}@{}", d.id.as_str().trim_start_matches("d:")), ix.cluster_of(&id, d.meta.story.as_deref()).to_string());
                    }
                }
                rows.extend(ix.take_rows());
                // reload from the rows as a new run would
                let mut latest: BTreeMap<(String, String), String> = BTreeMap::new();
                for r in &rows {
                    latest.insert((r.space.to_string(), r.key.clone()), r.value.clone());
                }
                ix = EntityIndex::from_rows(latest.iter().map(|((s, k), v)| (s.as_str(), k.as_str(), v.as_str()))).unwrap();
            }
            let mut latest: BTreeMap<(String, String), String> = BTreeMap::new();
            for r in rows {
                latest.insert((r.space.to_string(), r.key), r.value);
            }
            (latest.into_iter().map(|((s, k), v)| (s, k, v)).collect(), out)
        };
        let whole = run(docs.len());
        assert_eq!(run(1), whole);
        assert_eq!(run(4), whole);
        let (_, ids) = whole;
        assert_eq!(ids["e:person:okafer@z0"], "e:person:okafor", "one slip of a one-word name joins its own kind");
        assert!(EntityIndex::from_rows([(ENTITY_ALIAS_SPACE, "e:x", r#"{"to":"e:missing","t":"person","w":"x"}"#)]).is_err());
    }
}
