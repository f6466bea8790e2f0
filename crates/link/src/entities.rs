//! Entities across documents: one canonical entity per real-world actor.
//!
//! Mentions are grouped first by KB id, else by type and the transliteration
//! key of their canonical name (diacritics folded, `y`/`i`, `w`/`v`, doubled
//! letters collapsed). Groups of the same type then merge when their names
//! agree word by word up to one edit per word (Zelensky/Zelenskyy,
//! Kiev/Kyiv, Erdogan/Erdoğan), and a one-word person name (a surname) joins
//! the single full name of the same country that ends with it. Groups with two
//! different KB ids, or two different countries, never merge. Roles stated in
//! the documents attach to the entity with their date and evidence, so a
//! person whose office changed between articles shows both.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chronicle_core::{entity_id, DocId, Document, EntityType, Span, UncertainDate};
use serde::{Deserialize, Serialize};

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
    entity_type: Option<EntityType>,
    kb: Option<String>,
    country: Option<String>,
    sector: Option<String>,
    names: BTreeMap<String, usize>,
    aliases: BTreeSet<String>,
    docs: BTreeSet<DocId>,
    mentions: usize,
    key_words: Vec<String>,
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

fn compatible(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

fn names_agree(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && !a.is_empty() && a.iter().zip(b).all(|(x, y)| similar_word_keys(x, y))
}

/// Canonical entities of a set of documents.
pub fn canonicalise(docs: &[Document]) -> Vec<CanonicalEntity> {
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut add = |key: String, ty: EntityType, canonical: &str, surface: &str, kb: Option<&String>, country: Option<&String>, sector: Option<&String>, doc: Option<&DocId>, groups: &mut Vec<Group>| {
        let gi = *by_key.entry(key).or_insert_with(|| {
            groups.push(Group {
                entity_type: Some(ty),
                key_words: translit_key(canonical).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect(),
                ..Default::default()
            });
            groups.len() - 1
        });
        let Some(g) = groups.get_mut(gi) else { return };
        if g.kb.is_none() {
            g.kb = kb.cloned();
        }
        if g.country.is_none() {
            g.country = country.cloned();
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
        g.aliases.insert(canonical.to_string());
        if !surface.trim().is_empty() {
            g.aliases.insert(surface.trim().to_string());
        }
        if let Some(d) = doc {
            g.docs.insert(d.clone());
        }
    };
    let key_of = |kb: Option<&String>, ty: EntityType, name: &str| match kb {
        Some(k) if !k.is_empty() => format!("kb:{k}"),
        _ => format!("{}:{}", ty.as_str(), translit_key(name)),
    };
    for doc in docs {
        for m in &doc.mentions {
            if translit_key(&m.canonical).is_empty() {
                continue;
            }
            let key = key_of(m.kb_id.as_ref(), m.entity_type, &m.canonical);
            add(key, m.entity_type, &m.canonical, m.span.text(doc.body()), m.kb_id.as_ref(), m.country.as_ref(), m.sector.as_ref(), Some(&doc.id), &mut groups);
        }
        for r in &doc.roles {
            if translit_key(&r.person).is_empty() {
                continue;
            }
            let key = key_of(r.kb_id.as_ref(), EntityType::Person, &r.person);
            add(key, EntityType::Person, &r.person, "", r.kb_id.as_ref(), None, None, None, &mut groups);
        }
    }
    // merge groups
    let n = groups.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut blocks: HashMap<(EntityType, char), Vec<usize>> = HashMap::new();
    for (i, g) in groups.iter().enumerate() {
        let (Some(ty), Some(first)) = (g.entity_type, g.key_words.last().and_then(|w| w.chars().next())) else { continue };
        blocks.entry((ty, first)).or_default().push(i);
    }
    let mut block_list: Vec<_> = blocks.into_iter().collect();
    block_list.sort_by(|a, b| (a.0 .0, a.0 .1).cmp(&(b.0 .0, b.0 .1)));
    // cluster-level kb/country, kept at roots
    let mut kb: Vec<Option<String>> = groups.iter().map(|g| g.kb.clone()).collect();
    let mut country: Vec<Option<String>> = groups.iter().map(|g| g.country.clone()).collect();
    let union = |parent: &mut Vec<usize>, kb: &mut Vec<Option<String>>, country: &mut Vec<Option<String>>, a: usize, b: usize| -> bool {
        let (ra, rb) = (find(parent, a), find(parent, b));
        if ra == rb {
            return true;
        }
        if !compatible(&kb[ra], &kb[rb]) || !compatible(&country[ra], &country[rb]) {
            return false;
        }
        let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[gone] = keep;
        if kb[keep].is_none() {
            kb[keep] = kb[gone].clone();
        }
        if country[keep].is_none() {
            country[keep] = country[gone].clone();
        }
        true
    };
    // full names agreeing word by word
    for (_, members) in &block_list {
        for (x, &i) in members.iter().enumerate() {
            for &j in members.iter().skip(x + 1) {
                if names_agree(&groups[i].key_words, &groups[j].key_words) {
                    union(&mut parent, &mut kb, &mut country, i, j);
                }
            }
        }
    }
    // surnames: a one-word person name joins the single compatible full name ending with it
    for (&(ty, _), members) in block_list.iter().map(|(k, v)| (k, v)) {
        if ty != EntityType::Person {
            continue;
        }
        for &i in members {
            if groups[i].key_words.len() != 1 {
                continue;
            }
            let w = &groups[i].key_words[0];
            let mut targets: BTreeSet<usize> = BTreeSet::new();
            for &j in members {
                let kw = &groups[j].key_words;
                if kw.len() > 1 && kw.last().is_some_and(|l| similar_word_keys(l, w)) {
                    let rj = find(&mut parent, j);
                    let ri = find(&mut parent, i);
                    if compatible(&kb[ri], &kb[rj]) && compatible(&country[ri], &country[rj]) {
                        targets.insert(rj);
                    }
                }
            }
            if targets.len() == 1 {
                if let Some(&t) = targets.iter().next() {
                    union(&mut parent, &mut kb, &mut country, i, t);
                }
            }
        }
    }
    // collect clusters
    let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        clusters.entry(r).or_default().push(i);
    }
    let mut name_index: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<CanonicalEntity> = Vec::new();
    for (root, members) in clusters {
        let mut names: BTreeMap<String, usize> = BTreeMap::new();
        let mut aliases = BTreeSet::new();
        let mut documents = BTreeSet::new();
        let mut mentions = 0;
        let mut sector = None;
        let mut ty = EntityType::Person;
        for &m in &members {
            let g = &groups[m];
            for (k, v) in &g.names {
                *names.entry(k.clone()).or_default() += v;
            }
            aliases.extend(g.aliases.iter().cloned());
            documents.extend(g.docs.iter().cloned());
            mentions += g.mentions;
            if sector.is_none() {
                sector = g.sector.clone();
            }
            if let Some(t) = g.entity_type {
                ty = t;
            }
        }
        let name = names
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(a.0.len().cmp(&b.0.len())).then(b.0.cmp(a.0)))
            .map(|(k, _)| k.clone())
            .unwrap_or_default();
        let kb_id = kb[root].clone();
        for a in &aliases {
            name_index.insert(format!("{}:{}", ty.as_str(), translit_key(a)), out.len());
        }
        if let Some(k) = &kb_id {
            name_index.insert(format!("kb:{k}"), out.len());
        }
        out.push(CanonicalEntity {
            id: entity_id(kb_id.as_deref(), ty, &name),
            name,
            entity_type: ty,
            kb_id,
            aliases: aliases.into_iter().collect(),
            country: country[root].clone(),
            sector,
            roles: Vec::new(),
            documents: documents.into_iter().collect(),
            mentions,
        });
    }
    // roles
    for doc in docs {
        for r in &doc.roles {
            let idx = r
                .kb_id
                .as_ref()
                .and_then(|k| name_index.get(&format!("kb:{k}")))
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
