//! Mentions the gazetteer left without facts, resolved through the
//! world-scale tables of the knowledge base: the PETRARCH-2 actors
//! (`actors.tsv`, `actor_roles.tsv`) and the GeoNames places (`places.tsv`).
//!
//! These tables are not in the gazetteer: they never make a mention, they
//! only give country, sector and id to a mention the tagger, the rules or
//! coreference already found, by its canonical name. The mention's type
//! decides which table is asked, so a name is never a place on the name
//! alone:
//!
//! - a person mention asks the dictionary persons (full name or alias, then
//!   a one-word surname of such a name);
//! - an organisation or group mention asks the dictionary organisations;
//! - a location mention asks the places. "Mobile", "Nice", "Reading",
//!   "Bath" or "Jackson" become places only where the recognizer read them
//!   as locations; read as a person ("Jackson said") or as no entity ("Nice
//!   to meet you"), they stay what they are. The name must start with a
//!   capital letter. Of the places with the name, the most populous in a
//!   country the document already names wins unless it is much smaller than
//!   the most populous, which wins otherwise (`place::choose`).
//!
//! Several actors under one name resolve only when they agree on country
//! and sector at the document date (then without an id unless they are one
//! actor). An actor the hand-made KB also lists (`same_as`) takes that
//! entry's id and facts.

use std::collections::HashMap;

use chrono::NaiveDate;
use chronicle_core::EntityType;

use super::{Cand, View};
use crate::kb::{ActorKind, Actor, Kb};

/// Fills kb id, country and sector of the candidates that have none (a name
/// read as someone's relative is left alone: see `names`).
pub(crate) fn resolve(kb: &Kb, cands: &mut [Cand], v: &View<'_>) {
    let date = v.date;
    // a set: looked up once per place mention (a list made this quadratic, #17)
    let named: std::collections::HashSet<String> = cands
        .iter()
        .filter(|c| c.etype == EntityType::Location)
        .filter_map(|c| c.country.clone())
        .collect();
    let named_times = named_times(cands);
    // "VENICE , Louisiana (Reuters) - … in Venice": a name the document once
    // qualifies by a region keeps that region wherever it stands alone
    let mut qualified: HashMap<String, &crate::kb::Region> = HashMap::new();
    for k in 0..cands.len() {
        if let Some(r) = qualifying_region(kb, v, cands, k) {
            qualified.entry(cands[k].canonical.to_lowercase()).or_insert(r);
        }
    }
    for k in 0..cands.len() {
        // "the Obama administration": the name is the person, never a place
        // or organisation of the name ("Obama", Japan)
        if v.words.get(cands[k].end).is_some_and(|w| super::sectors::is_leader_noun(w)) && cands[k].etype != EntityType::Person {
            if let Some(f) = person_facts(kb, v, &cands[k].canonical, date) {
                let c = &mut cands[k];
                c.etype = EntityType::Person;
                (c.kb_id, c.country, c.sector) = (f.kb_id, Some(f.country), f.sector);
                continue;
            }
        }
        if let Some(f) = leader_government(kb, v, &cands[k], date) {
            let c = &mut cands[k];
            (c.etype, c.country, c.sector) = (EntityType::Organization, Some(f.country), f.sector);
            continue;
        }
        let c = &mut cands[k];
        if c.kb_id.is_some() || c.country.is_some() || !c.canonical.starts_with(char::is_uppercase) || super::names::is_kin_named(v, c) {
            continue;
        }
        let region = qualifying_region(kb, v, cands, k).or_else(|| qualified.get(&cands[k].canonical.to_lowercase()).copied());
        let c = &mut cands[k];
        let found = match c.etype {
            EntityType::Person => person_facts(kb, v, &c.canonical, date).or_else(|| person_in_named(kb, v, &c.canonical, date, &named_times)),
            EntityType::Organization | EntityType::Group => organization_facts(kb, &c.canonical, date),
            EntityType::Location => match region {
                Some(r) => place_in_region(kb, &c.canonical, r),
                None => place_facts(kb, &c.canonical, &named),
            },
        };
        if let Some(f) = found {
            c.kb_id = f.kb_id;
            c.country = Some(f.country);
            c.sector = f.sector;
        }
    }
}

/// How often each country is named by a place or a nationality word.
pub(crate) fn named_times(cands: &[Cand]) -> HashMap<String, usize> {
    let mut named: HashMap<String, usize> = HashMap::new();
    for c in cands.iter().filter(|c| matches!(c.etype, EntityType::Location | EntityType::Group)).filter_map(|c| c.country.clone()) {
        *named.entry(c).or_default() += 1;
    }
    named
}

/// The country the document's places and nationality words name most: at
/// least twice and more often than any other.
pub(crate) fn home_country(named: &HashMap<String, usize>) -> Option<&str> {
    let (best, n) = named.iter().max_by_key(|&(c, n)| (*n, std::cmp::Reverse(c.as_str())))?;
    let tied = named.iter().any(|(c, m)| c != best && m == n);
    (*n >= 2 && !tied).then_some(best.as_str())
}

/// "The Obama administration", "the Assad regime": a capitalised word right
/// before a leader noun (`leader` in `data/ner/org_words.tsv`) that no
/// candidate covers and that names one dictionary person is that person's
/// government: an organisation over both words, of the person's country and
/// the noun's sector, as `leader_government` reads the tagger's "Bush
/// administration" (the tagger, trained on 1996 news, misses names it never
/// saw in this place). Added sorted by start with the others.
pub(crate) fn leader_names(kb: &Kb, cands: &mut Vec<Cand>, v: &View<'_>) {
    let covered = |i: usize, cands: &[Cand]| cands.iter().any(|c| c.start <= i + 1 && i < c.end);
    let mut found = Vec::new();
    for i in 0..v.words.len().saturating_sub(1) {
        let (word, noun) = (v.words[i], v.words[i + 1]);
        let Some(sector) = super::sectors::leader_sector(noun) else { continue };
        if !word.starts_with(char::is_uppercase) || word.len() < 3 || covered(i, cands) {
            continue;
        }
        let Some(f) = person_facts(kb, v, word, v.date).filter(|f| f.kb_id.is_some()) else { continue };
        found.push(Cand {
            start: i,
            end: i + 2,
            etype: EntityType::Organization,
            canonical: format!("{word} {noun}"),
            kb_id: None,
            country: Some(f.country),
            sector: Some(sector.to_string()),
            source: chronicle_core::MentionSource::Tagger,
        });
    }
    if !found.is_empty() {
        cands.extend(found);
        cands.sort_by_key(|c| (c.start, c.end));
    }
}

/// A name made of a person's name and a leader noun ("Obama
/// administration", "Assad regime") that the tables left without a country,
/// read as an organisation or (the noun capitalised) a person: that person's
/// government, an organisation of the person's country and the noun's sector.
fn leader_government(kb: &Kb, v: &View<'_>, c: &Cand, date: Option<NaiveDate>) -> Option<Facts> {
    if !matches!(c.etype, EntityType::Organization | EntityType::Person) || c.country.is_some() || c.kb_id.is_some() {
        return None;
    }
    let (person, noun) = c.canonical.rsplit_once(' ')?;
    let sector = super::sectors::leader_sector(noun)?;
    let f = person_facts(kb, v, person, date)?;
    Some(Facts { kb_id: None, country: f.country, sector: Some(sector.to_string()) })
}

/// What a table says about a name.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Facts {
    pub kb_id: Option<String>,
    pub country: String,
    pub sector: Option<String>,
}

/// A person mention: dictionary persons by full name or alias, else by
/// surname when the mention is one word — not persons whose given name
/// differs from the one the document writes before that surname. A surname
/// matches another spelling of itself ("Kadhafi" for "Qaddafi") only when it
/// is long enough to be told from other names (`variant-surname-letters` in
/// `data/ner/name_words.tsv`): a short word is a weak key ("Sony" is no
/// "Soni").
pub(crate) fn person_facts(kb: &Kb, v: &View<'_>, name: &str, date: Option<NaiveDate>) -> Option<Facts> {
    agreed(kb, &persons_named(kb, v, name), date)
}

/// The dictionary persons a person mention may be (see [`person_facts`]).
fn persons_named<'k>(kb: &'k Kb, v: &View<'_>, name: &str) -> Vec<&'k Actor> {
    let mut found = kb.actors_named(name);
    found.retain(|a| a.kind == ActorKind::Person);
    if found.is_empty() && !name.contains(char::is_whitespace) {
        let given = super::names::given_names_before(kb, v, name);
        found = kb.actors_with_surname(name, name.chars().count() >= super::names::variant_surname_letters());
        found.retain(|a| a.kind == ActorKind::Person && !super::names::named_otherwise(&given, std::iter::once(&a.name).chain(&a.aliases)));
    }
    found
}

/// A person mention several dictionary persons of different countries
/// answer to ("Calderon": Mexico's president, Costa Rica's, a Puerto Rican
/// governor's): those of the country the document's places and nationality
/// words name most — at least twice and more often than any other of their
/// countries.
fn person_in_named(kb: &Kb, v: &View<'_>, name: &str, date: Option<NaiveDate>, named: &HashMap<String, usize>) -> Option<Facts> {
    let mut found = persons_named(kb, v, name);
    let mut counts: Vec<(String, usize)> = Vec::new();
    for c in found.iter().filter_map(|a| actor_facts(kb, a, date)).map(|f| f.country) {
        if !counts.iter().any(|(k, _)| *k == c) {
            let n = named.get(&c).copied().unwrap_or(0);
            counts.push((c, n));
        }
    }
    counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let (best, n) = counts.first()?.clone();
    if n < 2 || counts.get(1).is_some_and(|(_, m)| *m == n) {
        return None;
    }
    found.retain(|a| actor_facts(kb, a, date).is_some_and(|f| f.country == best));
    agreed(kb, &found, date)
}

/// An organisation or group mention: dictionary organisations by name or alias.
pub(crate) fn organization_facts(kb: &Kb, name: &str, date: Option<NaiveDate>) -> Option<Facts> {
    let name = name.strip_prefix("the ").unwrap_or(name);
    let found: Vec<&Actor> = kb.actors_named(name).into_iter().filter(|a| a.kind == ActorKind::Organization).collect();
    agreed(kb, &found, date)
}

/// The region that qualifies the place candidate `k`: a region's name right
/// after it, past a comma ("VENICE , Louisiana", "Paris, Texas").
fn qualifying_region<'k>(kb: &'k Kb, v: &View<'_>, cands: &[Cand], k: usize) -> Option<&'k crate::kb::Region> {
    let (c, next) = (cands.get(k)?, cands.get(k + 1)?);
    let comma = v.words.get(c.end).is_some_and(|w| *w == ",") && next.start == c.end + 1;
    (c.etype == EntityType::Location && next.etype == EntityType::Location && comma).then_some(())?;
    kb.region_named(&next.canonical).filter(|r| !r.code.is_empty())
}

/// A place qualified by its region: the place of the name in that region,
/// else — a place the gazetteer does not list there — nothing: not a place
/// of that name elsewhere (placing reads the region: `place::resolve`).
fn place_in_region(kb: &Kb, name: &str, r: &crate::kb::Region) -> Option<Facts> {
    let p = kb.places_named(name).into_iter().find(|p| r.holds(p))?;
    Some(Facts { kb_id: Some(p.kb_id()), country: p.iso3.clone(), sector: None })
}

/// A location mention: the most populous place of the name in a country in
/// `named`, else the most populous.
pub(crate) fn place_facts(kb: &Kb, name: &str, named: &std::collections::HashSet<String>) -> Option<Facts> {
    let places = kb.places_named(name);
    let named: Vec<&str> = named.iter().map(String::as_str).collect();
    let p = crate::place::choose(&places, &named)?;
    Some(Facts { kb_id: Some(p.kb_id()), country: p.iso3.clone(), sector: None })
}

/// The facts of one actor at `date`: the hand-made entry's when it is
/// `same_as` one, else its own role.
fn actor_facts(kb: &Kb, a: &Actor, date: Option<NaiveDate>) -> Option<Facts> {
    let nonempty = |s: &str| (!s.is_empty()).then(|| s.to_string());
    if let Some(id) = a.same_as.as_deref() {
        if let Some(p) = kb.person(id) {
            let country = p.country_at(date).and_then(nonempty)?;
            return Some(Facts { kb_id: Some(p.id.clone()), country, sector: p.sector_at(date).and_then(nonempty) });
        }
        if let Some(o) = kb.organization(id) {
            let country = o.country.clone().unwrap_or_else(|| o.id.clone());
            return Some(Facts { kb_id: Some(o.id.clone()), country, sector: nonempty(&o.sector) });
        }
    }
    let r = a.role_at(date)?;
    Some(Facts { kb_id: Some(a.id.clone()), country: nonempty(&r.iso3)?, sector: nonempty(&r.sector) })
}

/// The facts all `found` actors agree on (with an id only when they are one).
fn agreed(kb: &Kb, found: &[&Actor], date: Option<NaiveDate>) -> Option<Facts> {
    let mut facts = found.iter().map(|a| actor_facts(kb, a, date));
    let mut first = facts.next()??;
    for f in facts {
        let f = f?;
        if f.country != first.country || f.sector != first.sector {
            return None;
        }
        if f.kb_id != first.kb_id {
            first.kb_id = None;
        }
    }
    Some(first)
}
