//! Entities across documents: one canonical entity per real-world actor.
//!
//! Mentions are grouped by the rules of [`EntityIndex`] (one home for them:
//! the same index groups a store's mentions at ingest): a KB id, else type
//! and name; names of one type that agree word by word up to a
//! transliteration slip or an initial per word (Zelensky/Zelenskyy,
//! Kiev/Kyiv, Erdogan/Erdoğan, G. W. Bush/George W. Bush); a family name said
//! alone joins the person of its story whose full name ends with it, else the
//! only or the dominant bearer. Clusters with two different KB ids, or two
//! different countries, never merge. An entity's country is the one most of
//! its mentions state (on a tie, a knowledge-base mention's, else the first
//! seen); its type the one most of its mentions have. Roles stated in the
//! documents attach to the entity with their date and evidence, so a person
//! whose office changed between articles shows both.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::LazyLock;

use chronicle_core::record::EntityClusters;
use chronicle_core::{entity_id, DocId, Document, EntityType, Span, UncertainDate};
use serde::{Deserialize, Serialize};

use crate::entity_index::EntityIndex;
use crate::text::{similar_word_keys, translit_key};

/// Where a fact was read: a document and a span of its body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The document.
    pub doc: DocId,
    /// The words (byte span of the body).
    pub span: Span,
}

/// A role reported for an entity, as of a date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityRole {
    /// The title, lower case.
    pub title: String,
    /// Country or organisation the role is of.
    pub of: Option<String>,
    /// When it was reported true.
    pub as_of: UncertainDate,
    /// Where it was stated.
    pub evidence: Vec<Evidence>,
}

/// One real-world actor across documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CanonicalEntity {
    /// `e:` id (KB id when known).
    pub id: String,
    /// The canonical name (the most frequent canonical form).
    pub name: String,
    /// The type.
    pub entity_type: EntityType,
    /// KB id when known.
    pub kb_id: Option<String>,
    /// Every canonical and surface form seen, sorted.
    pub aliases: Vec<String>,
    /// Country (ISO alpha-3 or IGO code).
    pub country: Option<String>,
    /// PLOVER sector.
    pub sector: Option<String>,
    /// Reported roles, each with its date and evidence, ordered by date.
    pub roles: Vec<EntityRole>,
    /// Documents mentioning it.
    pub documents: Vec<DocId>,
    /// Number of mentions.
    pub mentions: usize,
}

#[derive(Default)]
struct Group {
    /// The cluster that grouped its mentions.
    key: String,
    kb: Option<String>,
    /// The countries its mentions state, in the order first seen: how many
    /// mentions state each, and whether a knowledge-base mention does.
    countries: Vec<(String, usize, bool)>,
    sector: Option<String>,
    names: BTreeMap<String, usize>,
    aliases: BTreeSet<String>,
    docs: BTreeSet<DocId>,
    mentions: usize,
    /// Mentions per type (a role's holder counts none).
    types: BTreeMap<EntityType, usize>,
}

impl Group {
    /// The country most of its mentions state; on a tie, the one a
    /// knowledge-base mention states, else the first seen. One stray
    /// reading ("leased by BP from Swiss …" giving BP Switzerland) does not
    /// outvote the rest.
    fn country(&self) -> Option<String> {
        let mut best: Option<&(String, usize, bool)> = None;
        for c in &self.countries {
            if best.map_or(true, |b| (c.1, c.2) > (b.1, b.2)) {
                best = Some(c);
            }
        }
        best.map(|b| b.0.clone())
    }

    fn count_country(&mut self, country: &str, from_kb: bool) {
        match self.countries.iter_mut().find(|c| c.0 == country) {
            Some(c) => {
                c.1 += 1;
                c.2 |= from_kb;
            }
            None => self.countries.push((country.to_string(), 1, from_kb)),
        }
    }
}

/// Courtesy titles ("Mr", "Dr", "Dame"): the `honorific` rows of the title
/// table the entity tagger reads (`data/ner/titles.tsv`).
static HONORIFICS: LazyLock<BTreeSet<String>> = LazyLock::new(|| {
    include_str!("../../../data/ner/titles.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|(_, kind)| kind.trim() == "honorific")
        .map(|(w, _)| translit_key(w))
        .filter(|w| !w.is_empty())
        .collect()
});

/// The transliterated words of a name, and how many leading ones are
/// courtesy titles a person's name drops (none when they are all it has).
pub(crate) fn key_words(name: &str) -> (Vec<String>, usize) {
    let words: Vec<String> = translit_key(name).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
    let courtesy = words.iter().take_while(|w| HONORIFICS.contains(w.as_str())).count();
    let courtesy = if courtesy < words.len() { courtesy } else { 0 };
    (words, courtesy)
}

pub(crate) fn compatible<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// Two names agree word by word: each pair the same up to a transliteration
/// slip, or an initial and a word it starts ("G. W. Bush" = "George W.
/// Bush"); the last words (family names) in full.
pub(crate) fn names_agree(a: &[String], b: &[String]) -> bool {
    a.len() == b.len()
        && !a.is_empty()
        && a.last().zip(b.last()).is_some_and(|(x, y)| similar_word_keys(x, y))
        && a.iter().zip(b).all(|(x, y)| similar_word_keys(x, y) || chronicle_core::name::initial_matches(x, y))
}

/// Canonical entities of a set of documents, grouped by the rules above:
/// the documents are placed, in the order given, by the same
/// [`EntityIndex`] that groups a store's mentions at ingest (one home for the
/// name-matching rules), and an entity's id is its KB id, else its type and
/// most frequent name.
pub fn canonicalise(docs: &[Document]) -> Vec<CanonicalEntity> {
    let mut index = EntityIndex::default();
    docs.iter().for_each(|d| index.add_document(d));
    canonicalise_in(docs, &index.clusters(), Naming::ByName)
}

/// Canonical entities of a set of documents of a store: grouped by the
/// clusters link's entity index decided at ingest (ids, and family names
/// said alone, joined as the whole record joined them), no rule applied
/// again. An id the index never saw is its own entity.
pub fn canonicalise_stored(docs: &[Document], clusters: &EntityClusters) -> Vec<CanonicalEntity> {
    canonicalise_in(docs, clusters, Naming::ByCluster)
}

/// Which id an entity gets.
#[derive(Clone, Copy, PartialEq)]
enum Naming {
    /// Its cluster's id (the first name that made it), as the store keeps it.
    ByCluster,
    /// Its KB id, else its type and most frequent name.
    ByName,
}

fn canonicalise_in(docs: &[Document], stored: &EntityClusters, naming: Naming) -> Vec<CanonicalEntity> {
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut add = |key: String, ty: EntityType, canonical: &str, surface: &str, kb: Option<&String>, country: Option<&String>, sector: Option<&String>, doc: Option<&DocId>, groups: &mut Vec<Group>| {
        let gi = *by_key.entry(key.clone()).or_insert_with(|| {
            groups.push(Group { key: key.clone(), ..Default::default() });
            groups.len() - 1
        });
        let Some(g) = groups.get_mut(gi) else { return };
        if g.kb.is_none() {
            g.kb = kb.cloned();
        }
        if let Some(c) = country {
            g.count_country(c, kb.is_some());
        }
        if g.sector.is_none() {
            g.sector = sector.cloned();
        }
        if doc.is_some() {
            *g.names.entry(canonical.to_string()).or_default() += 1;
            g.mentions += 1;
        } else {
            g.names.entry(canonical.to_string()).or_default();
        }
        *g.types.entry(ty).or_default() += usize::from(doc.is_some());
        g.aliases.insert(canonical.to_string());
        if !surface.trim().is_empty() {
            g.aliases.insert(surface.trim().to_string());
        }
        if let Some(d) = doc {
            g.docs.insert(d.clone());
        }
    };
    // a document of no story is placed under the empty story
    let key_of = |kb: Option<&String>, ty: EntityType, name: &str, story: Option<&str>| stored.map(entity_id(kb.map(String::as_str), ty, name), Some(story.unwrap_or("")));
    for doc in docs {
        for m in &doc.mentions {
            if translit_key(&m.canonical).is_empty() {
                continue;
            }
            let key = key_of(m.kb_id.as_ref(), m.entity_type, &m.canonical, doc.meta.story.as_deref());
            add(key, m.entity_type, &m.canonical, m.span.text(doc.body()), m.kb_id.as_ref(), m.country.as_ref(), m.sector.as_ref(), Some(&doc.id), &mut groups);
        }
        for r in &doc.roles {
            if translit_key(&r.person).is_empty() {
                continue;
            }
            let key = key_of(r.kb_id.as_ref(), EntityType::Person, &r.person, doc.meta.story.as_deref());
            add(key, EntityType::Person, &r.person, "", r.kb_id.as_ref(), None, None, None, &mut groups);
        }
    }
    let mut name_index: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<CanonicalEntity> = Vec::with_capacity(groups.len());
    for g in groups {
        // the type most mentions have (a family name the tagger once read as a place stays a person)
        let ty = g.types.iter().max_by_key(|(t, n)| (**n, std::cmp::Reverse(**t))).map_or(EntityType::Person, |(t, _)| *t);
        let name = g
            .names
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(a.0.len().cmp(&b.0.len())).then(b.0.cmp(a.0)))
            .map(|(k, _)| k.clone())
            .unwrap_or_default();
        name_index.insert(g.key.clone(), out.len());
        for a in &g.aliases {
            name_index.insert(format!("{}:{}", ty.as_str(), translit_key(a)), out.len());
        }
        if let Some(k) = &g.kb {
            name_index.insert(format!("kb:{k}"), out.len());
        }
        let country = g.country();
        out.push(CanonicalEntity {
            id: match naming {
                Naming::ByCluster => g.key,
                Naming::ByName => entity_id(g.kb.as_deref(), ty, &name),
            },
            name,
            entity_type: ty,
            kb_id: g.kb,
            aliases: g.aliases.into_iter().collect(),
            country,
            sector: g.sector,
            roles: Vec::new(),
            documents: g.docs.into_iter().collect(),
            mentions: g.mentions,
        });
    }
    // roles
    for doc in docs {
        for r in &doc.roles {
            let idx = name_index
                .get(&key_of(r.kb_id.as_ref(), EntityType::Person, &r.person, doc.meta.story.as_deref()))
                .or_else(|| r.kb_id.as_ref().and_then(|k| name_index.get(&format!("kb:{k}"))))
                .or_else(|| name_index.get(&format!("person:{}", translit_key(&r.person))));
            let Some(e) = idx.and_then(|&i| out.get_mut(i)) else { continue };
            let title = r.title.trim().to_lowercase();
            let ev = Evidence { doc: doc.id.clone(), span: r.evidence };
            match e.roles.iter_mut().find(|x| x.title == title && x.of == r.of && x.as_of == r.as_of) {
                Some(x) => {
                    if !x.evidence.contains(&ev) {
                        x.evidence.push(ev);
                    }
                }
                None => e.roles.push(EntityRole { title, of: r.of.clone(), as_of: r.as_of.clone(), evidence: vec![ev] }),
            }
        }
    }
    for e in &mut out {
        e.roles.sort_by(|a, b| a.as_of.sort_key().cmp(&b.as_of.sort_key()).then(a.title.cmp(&b.title)));
    }
    out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.id.cmp(&b.id)));
    out
}

/// The entity an actor name or id refers to, by KB id, `e:` id, or a name
/// matching one of its aliases up to transliteration.
pub fn resolve<'a>(entities: &'a [CanonicalEntity], query: &str) -> Option<&'a CanonicalEntity> {
    let q = query.trim();
    if let Some(e) = entities.iter().find(|e| e.id == q || e.kb_id.as_deref() == Some(q)) {
        return Some(e);
    }
    let key: Vec<String> = translit_key(q).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
    if key.is_empty() {
        return None;
    }
    entities.iter().find(|e| {
        e.aliases.iter().any(|a| {
            let ak: Vec<String> = translit_key(a).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
            names_agree(&ak, &key)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_core::{InputFormat, Mention, MentionSource, Metadata, RoleClaim};

    fn doc_with(id: &str, body: &str, date: &str, names: &[(&str, &str, EntityType, Option<&str>, Option<&str>)]) -> Document {
        let mut meta = Metadata::default();
        meta.published.date = UncertainDate::parse_value(date).unwrap();
        let mut d = Document::new(DocId::parse(id), id.into(), InputFormat::Text, Vec::new(), body.into(), body.into(), meta);
        for (surface, canonical, ty, kb, country) in names {
            let start = body.find(surface).unwrap();
            d.mentions.push(Mention {
                span: Span::new(body, start, start + surface.len()).unwrap(),
                entity_type: *ty,
                canonical: canonical.to_string(),
                kb_id: kb.map(str::to_string),
                country: country.map(str::to_string),
                sector: None,
                source: MentionSource::Tagger,
            });
        }
        d
    }

    #[test]
    fn spelling_and_transliteration_variants_merge() {
        let a = doc_with("a", "Zelensky met Erdogan in Kiev.", "2025-05-10", &[
            ("Zelensky", "Volodymyr Zelensky", EntityType::Person, None, Some("UKR")),
            ("Erdogan", "Recep Tayyip Erdogan", EntityType::Person, None, Some("TUR")),
            ("Kiev", "Kiev", EntityType::Location, None, Some("UKR")),
        ]);
        let b = doc_with("b", "Zelenskyy thanked Erdoğan from Kyiv.", "2025-05-11", &[
            ("Zelenskyy", "Volodymyr Zelenskyy", EntityType::Person, None, Some("UKR")),
            ("Erdoğan", "Recep Tayyip Erdoğan", EntityType::Person, None, None),
            ("Kyiv", "Kyiv", EntityType::Location, Some("kyiv"), Some("UKR")),
        ]);
        let c = doc_with("c", "Mr Zelenskyy spoke.", "2025-05-12", &[("Zelenskyy", "Zelenskyy", EntityType::Person, None, Some("UKR"))]);
        let ents = canonicalise(&[a, b, c]);
        assert_eq!(ents.len(), 3, "{ents:#?}");
        let z = resolve(&ents, "Zelensky").unwrap();
        assert_eq!(z.documents.len(), 3);
        assert!(z.aliases.contains(&"Volodymyr Zelenskyy".to_string()) && z.aliases.contains(&"Volodymyr Zelensky".to_string()));
        let k = resolve(&ents, "Kiev").unwrap();
        assert_eq!(k.kb_id.as_deref(), Some("kyiv"), "the KB id of one variant holds for all");
        assert_eq!(k.id, "e:kyiv");
        let e = resolve(&ents, "Erdogan").unwrap();
        assert_eq!(e.documents.len(), 2);
        assert_eq!(e.country.as_deref(), Some("TUR"));
    }

    #[test]
    fn the_country_is_the_one_most_mentions_state_not_the_first_seen() {
        let org = EntityType::Organization;
        let a = doc_with("a", "Norvik leased the rig from Swiss owners.", "2010-05-01", &[("Norvik", "Norvik", org, None, Some("CHE"))]);
        let b = doc_with("b", "Norvik shares fell.", "2010-05-02", &[("Norvik", "Norvik", org, None, Some("GBR"))]);
        let c = doc_with("c", "Norvik said.", "2010-05-03", &[("Norvik", "Norvik", org, None, Some("GBR"))]);
        let d = doc_with("d", "Norvik paid.", "2010-05-04", &[("Norvik", "Norvik", org, None, None)]);
        let ents = canonicalise(&[a.clone(), b, c, d]);
        assert_eq!(resolve(&ents, "Norvik").and_then(|e| e.country.clone()).as_deref(), Some("GBR"), "{ents:#?}");
        // a tie: the country a knowledge-base mention states wins, else the first seen
        let e = doc_with("e", "Kestrel said.", "2010-05-01", &[("Kestrel", "Kestrel", EntityType::Person, None, Some("CHE"))]);
        let f = doc_with("f", "Kestrel said.", "2010-05-02", &[("Kestrel", "Kestrel", EntityType::Person, None, Some("GBR"))]);
        let ents = canonicalise(&[e.clone(), f.clone()]);
        assert_eq!(resolve(&ents, "Kestrel").and_then(|e| e.country.clone()).as_deref(), Some("CHE"), "{ents:#?}");
        let ents = canonicalise(&[f, e]);
        assert_eq!(resolve(&ents, "Kestrel").and_then(|e| e.country.clone()).as_deref(), Some("GBR"), "{ents:#?}");
    }

    fn in_story(mut d: Document, story: &str) -> Document {
        d.meta.story = Some(story.to_string());
        d
    }

    #[test]
    fn transliterations_initials_and_articles_merge() {
        let per = EntityType::Person;
        let a = doc_with("a", "Muammar Gaddafi spoke.", "2011-03-01", &[("Muammar Gaddafi", "Muammar Gaddafi", per, None, None)]);
        let b = doc_with("b", "Moammar Gadhafi spoke.", "2011-03-02", &[("Moammar Gadhafi", "Moammar Gadhafi", per, None, None)]);
        let c = doc_with("c", "Muammar Qaddafi spoke.", "2011-03-03", &[("Muammar Qaddafi", "Muammar Qaddafi", per, None, None)]);
        let d = doc_with("d", "G. W. Bush and Bashar al-Assad", "2005-01-01", &[
            ("G. W. Bush", "G. W. Bush", per, None, Some("USA")),
            ("Bashar al-Assad", "Bashar al-Assad", per, None, Some("SYR")),
        ]);
        let e = doc_with("e", "George W. Bush and Bashar Assad", "2005-01-02", &[
            ("George W. Bush", "George W. Bush", per, None, Some("USA")),
            ("Bashar Assad", "Bashar Assad", per, None, Some("SYR")),
        ]);
        let ents = canonicalise(&[a, b, c, d, e]);
        assert_eq!(ents.len(), 3, "{ents:#?}");
        assert_eq!(resolve(&ents, "Kadhafi").map(|x| x.documents.len()), None, "a surname alone is no full name");
        assert_eq!(resolve(&ents, "Muammar Kaddafi").map(|x| x.documents.len()), Some(3));
        assert_eq!(resolve(&ents, "George Bush").map(|x| x.documents.len()), None, "two words are not three");
        assert_eq!(resolve(&ents, "George W. Bush").map(|x| x.documents.len()), Some(2));
        assert_eq!(resolve(&ents, "Bashar Assad").map(|x| x.documents.len()), Some(2));
    }

    #[test]
    fn a_family_name_alone_joins_the_person_of_its_story_or_the_only_one() {
        let per = EntityType::Person;
        let father = in_story(doc_with("a", "Muammar Gaddafi", "2011-03-01", &[("Muammar Gaddafi", "Muammar Gaddafi", per, None, None)]), "s:libya");
        let son = in_story(doc_with("b", "Saif Gaddafi", "2011-03-01", &[("Saif Gaddafi", "Saif Gaddafi", per, None, None)]), "s:football");
        let bare = in_story(doc_with("c", "Gadhafi", "2011-03-02", &[("Gadhafi", "Gadhafi", per, None, None)]), "s:libya");
        let ents = canonicalise(&[father.clone(), son.clone(), bare.clone()]);
        assert_eq!(ents.len(), 2, "{ents:#?}");
        assert!(resolve(&ents, "Muammar Gaddafi").is_some_and(|e| e.documents.len() == 2));
        // no story shared: two people fit, the family name stays apart
        let elsewhere = in_story(bare, "s:other");
        assert_eq!(canonicalise(&[father, son, elsewhere]).len(), 3);
        // a family name the tagger read as a place (no place of that name known)
        let full = doc_with("d", "Carl-Henric Svanberg", "2010-06-01", &[("Carl-Henric Svanberg", "Carl-Henric Svanberg", per, None, None)]);
        let place = doc_with("e", "Svanberg said", "2010-06-02", &[("Svanberg", "Svanberg", EntityType::Location, None, None)]);
        let real = doc_with("f", "Hayward", "2010-06-02", &[("Hayward", "Hayward", EntityType::Location, Some("geonames-5355933"), Some("USA"))]);
        let ceo = doc_with("g", "Tony Hayward", "2010-06-02", &[("Tony Hayward", "Tony Hayward", per, None, Some("GBR"))]);
        let ents = canonicalise(&[full, place, real, ceo]);
        assert_eq!(ents.len(), 3, "{ents:#?}");
        let s = resolve(&ents, "Carl-Henric Svanberg").unwrap();
        assert_eq!((s.entity_type, s.documents.len()), (per, 2));
    }

    #[test]
    fn a_courtesy_title_and_a_dominant_bearer_join_a_family_name_to_its_person() {
        let per = EntityType::Person;
        let ceo = |id: &str| doc_with(id, "Oskar Lindqvist", "2012-03-01", &[("Oskar Lindqvist", "Oskar Lindqvist", per, None, Some("SWE"))]);
        let other = doc_with("o", "Greta Lindqvist", "2012-03-01", &[("Greta Lindqvist", "Greta Lindqvist", per, None, None)]);
        let mr = doc_with("m", "Mr Lindqvist", "2012-03-02", &[("Mr Lindqvist", "Mr Lindqvist", per, None, None)]);
        let bare = doc_with("b", "Lindqvist", "2012-03-02", &[("Lindqvist", "Lindqvist", per, None, None)]);
        let docs = [ceo("a"), ceo("c"), ceo("d"), ceo("e"), ceo("f"), other.clone(), mr, bare];
        let ents = canonicalise(&docs);
        assert_eq!(ents.len(), 2, "{ents:#?}");
        assert!(resolve(&ents, "Oskar Lindqvist").is_some_and(|e| e.documents.len() == 7), "{ents:#?}");
        // two bearers of like weight: the family name alone stays apart
        let docs = [ceo("a"), other, doc_with("b", "Lindqvist", "2012-03-02", &[("Lindqvist", "Lindqvist", per, None, None)])];
        assert_eq!(canonicalise(&docs).len(), 3);
    }

    #[test]
    fn a_wife_and_her_husband_stay_two() {
        let per = EntityType::Person;
        let a = in_story(doc_with("a", "Rene Preval and Preval", "2010-01-15", &[("Rene Preval", "Rene Preval", per, Some("rene-preval"), Some("HTI")), ("Preval", "Rene Preval", per, Some("rene-preval"), Some("HTI"))]), "s:h");
        let b = in_story(doc_with("b", "Elisabeth Preval", "2010-01-16", &[("Elisabeth Preval", "Elisabeth Preval", per, None, None)]), "s:h");
        let c = in_story(doc_with("c", "Preval", "2010-01-17", &[("Preval", "Preval", per, None, None)]), "s:h");
        let ents = canonicalise(&[a, b, c]);
        let wife = resolve(&ents, "Elisabeth Preval").unwrap();
        assert_eq!((wife.kb_id.as_deref(), wife.documents.len()), (None, 1), "{ents:#?}");
        assert_eq!(ents.len(), 3, "the family name alone fits both in the story: {ents:#?}");
    }

    #[test]
    fn different_countries_or_kb_ids_stay_apart() {
        let a = doc_with("a", "Georgia", "2025-01-01", &[("Georgia", "Georgia", EntityType::Location, Some("GEO"), Some("GEO"))]);
        let b = doc_with("b", "Georgia", "2025-01-01", &[("Georgia", "Georgia", EntityType::Location, Some("us-georgia"), Some("USA"))]);
        let c = doc_with("c", "Smith", "2025-01-01", &[("Smith", "John Smith", EntityType::Person, None, Some("USA"))]);
        let d = doc_with("d", "Smith", "2025-01-01", &[("Smith", "Jane Smith", EntityType::Person, None, Some("USA"))]);
        let e = doc_with("e", "Smith", "2025-01-01", &[("Smith", "Smith", EntityType::Person, None, Some("USA"))]);
        let ents = canonicalise(&[a, b, c, d, e]);
        assert_eq!(ents.len(), 5, "two Georgias, two Smiths and an ambiguous surname: {ents:#?}");
    }

    #[test]
    fn person_with_two_offices_at_two_dates_shows_both() {
        let t1 = "Defence Minister Rustem Umerov led the delegation.";
        let t2 = "Rustem Umerov, secretary of the security council, led the delegation.";
        let mut a = doc_with("a", t1, "2025-05-16", &[("Rustem Umerov", "Rustem Umerov", EntityType::Person, None, Some("UKR"))]);
        let mut b = doc_with("b", t2, "2025-07-23", &[("Rustem Umerov", "Rustem Umerov", EntityType::Person, None, Some("UKR"))]);
        a.roles.push(RoleClaim {
            person: "Rustem Umerov".into(),
            kb_id: None,
            title: "defence minister".into(),
            of: Some("UKR".into()),
            evidence: Span::new(t1, 0, 30).unwrap(),
            as_of: UncertainDate::parse_value("2025-05-16").unwrap(),
        });
        b.roles.push(RoleClaim {
            person: "Rustem Umerov".into(),
            kb_id: None,
            title: "Secretary of the Security Council".into(),
            of: Some("UKR".into()),
            evidence: Span::new(t2, 15, 48).unwrap(),
            as_of: UncertainDate::parse_value("2025-07-23").unwrap(),
        });
        let ents = canonicalise(&[b, a]);
        let u = resolve(&ents, "Rustem Umerov").unwrap();
        assert_eq!(u.roles.len(), 2);
        assert_eq!(u.roles[0].title, "defence minister");
        assert_eq!(u.roles[0].evidence[0].doc, DocId::parse("a"));
        assert_eq!(u.roles[1].title, "secretary of the security council");
        assert_eq!(u.roles[1].as_of.value.as_deref(), Some("2025-07-23"));
    }
}
