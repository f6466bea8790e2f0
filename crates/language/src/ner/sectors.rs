//! The sector of an organisation its name or the words around it state
//! (`data/ner/org_words.tsv`): a company (CAMEO `BUS`) or a charity (`NGO`).
//!
//! Most companies are in no table ("BP", "Transocean"), yet news says what
//! they are: the last word of the name ("Anadarko Petroleum Corp", "BP
//! plc"), a noun right before it ("the oil company BP"), a noun right after
//! it or its possessive ("BP's shares"), a noun of "NOUN of NAME" ("the chief
//! executive of Transocean"), a stock ticker in brackets ("BP (BP.L)"). An
//! organisation so read, and every other organisation mention of its name in
//! the document, takes the sector — unless a table already gave it one.
//! The same file names the nouns that make a person's name stand for that
//! person's government ("the Obama administration": [`is_leader_noun`]).
//!
//! Persons take the sector of the role the text states for them
//! ([`from_roles`]: "Louisiana Gov. X" → `GOV`, "district judge X" → `JUD`,
//! "chief executive X" → `BUS`, by the titles of `data/ner/titles.tsv`); and
//! the officials and bodies of an international organisation are of its
//! sector, not a government's ([`international`]: the UN secretary-general
//! is `UNO IGO`, as CAMEO codes him, never `UNO GOV`).

use std::collections::HashMap;
use std::sync::LazyLock;

use chronicle_core::EntityType;

use super::names::group_rows;
use super::{Cand, View};
use crate::kb::fold;

const ORG_WORDS_TSV: &str = include_str!("../../../../data/ner/org_words.tsv");

/// The word groups of `data/ner/org_words.tsv`: word → sector.
#[derive(Debug, Default)]
pub(crate) struct OrgWords {
    end: HashMap<String, String>,
    before: HashMap<String, String>,
    after: HashMap<String, String>,
    head: HashMap<String, String>,
    exchange: HashMap<String, String>,
    leader: HashMap<String, String>,
    international: HashMap<String, String>,
}

impl OrgWords {
    /// Parses the file; problems come back as "line N: why".
    pub(crate) fn parse(text: &str) -> (OrgWords, Vec<String>) {
        let mut w = OrgWords::default();
        let (rows, mut problems) = group_rows(text);
        for (line, group, word, value) in rows {
            let (word, value) = (word.to_lowercase(), value.to_string());
            match group {
                "end" => drop(w.end.insert(word, value)),
                "before" => drop(w.before.insert(word, value)),
                "after" => drop(w.after.insert(word, value)),
                "head" => drop(w.head.insert(word, value)),
                "exchange" => drop(w.exchange.insert(word, value)),
                "leader" => drop(w.leader.insert(word, value)),
                "international" => drop(w.international.insert(word, value)),
                other => problems.push(format!("line {line}: unknown group {other:?}")),
            }
        }
        (w, problems)
    }
}

static WORDS: LazyLock<OrgWords> = LazyLock::new(|| OrgWords::parse(ORG_WORDS_TSV).0);

/// A noun that, right after a person's name, makes the phrase that person's
/// government ("the Obama administration").
pub(crate) fn is_leader_noun(word: &str) -> bool {
    leader_sector(word).is_some()
}

/// The sector of a person's government named by a leader noun ("the Obama
/// administration": `GOV`).
pub(crate) fn leader_sector(word: &str) -> Option<&'static str> {
    WORDS.leader.get(&word.to_lowercase()).map(String::as_str)
}

/// Gives organisations without a sector the one their name or its context
/// states, then every organisation mention of the same name that sector.
pub(crate) fn assign(v: &View<'_>, cands: &mut [Cand]) {
    let mut found: HashMap<String, String> = HashMap::new();
    for c in cands.iter_mut().filter(|c| c.etype == EntityType::Organization && c.sector.is_none() && c.kb_id.is_none()) {
        if let Some(s) = sector_of(&v.words, c.start, c.end) {
            c.sector = Some(s.to_string());
            found.entry(fold(&c.canonical)).or_insert_with(|| s.to_string());
            // "BP Plc" … "BP": the name without its company ending
            if let Some(short) = without_ending(&c.canonical) {
                found.entry(fold(short)).or_insert_with(|| s.to_string());
            }
        }
    }
    for c in cands.iter_mut().filter(|c| c.etype == EntityType::Organization && c.sector.is_none() && c.kb_id.is_none()) {
        if let Some(s) = found.get(&fold(&c.canonical)) {
            c.sector = Some(s.clone());
        }
    }
}

/// Persons without a sector take the sector of a title the text states for
/// them (a title before the name or in apposition, as the rules read it),
/// when the title has one: "mayor" is `GOV`, "senator" `LEG`, "judge" `JUD`,
/// "chief executive" `BUS`; "spokesman" or "chairman" say nothing (a
/// company's or a government's).
/// Every mention of such a person's name (after coreference: "Tony Hayward"
/// … "Hayward") takes it too, unless the titles disagree.
pub(crate) fn from_roles(titles: &super::rules::Titles, cands: &mut [Cand], roles: &[super::RoleFind]) {
    let mut by_name: HashMap<String, Option<String>> = HashMap::new();
    for r in roles {
        let Some(sector) = titles.sector_of(&r.title) else { continue };
        let person = cands.iter_mut().find(|c| c.etype == EntityType::Person && c.start <= r.person.start && r.person.end <= c.end);
        if let Some(c) = person.filter(|c| c.sector.is_none()) {
            by_name
                .entry(fold(&c.canonical))
                .and_modify(|s| {
                    if s.as_deref() != Some(sector) {
                        *s = None;
                    }
                })
                .or_insert_with(|| Some(sector.to_string()));
        }
    }
    for c in cands.iter_mut().filter(|c| c.etype == EntityType::Person && c.sector.is_none()) {
        if let Some(Some(sector)) = by_name.get(&fold(&c.canonical)) {
            c.sector = Some(sector.clone());
        }
    }
}

/// A person or organisation of an international organisation's code
/// (`international` in `data/ner/org_words.tsv`: `UNO`, `EUR`, `IGO`; an
/// official's organisation id of the knowledge base, `un`, by its code) with
/// a government's sector takes the organisation's sector instead.
pub(crate) fn international(kb: &crate::kb::Kb, cands: &mut [Cand]) {
    for c in cands.iter_mut().filter(|c| matches!(c.etype, EntityType::Person | EntityType::Organization)) {
        let code = c.country.as_deref().map(|k| kb.organization(k).map_or(k, |o| o.cameo.as_str()));
        let Some(code) = code.and_then(|k| WORDS.international.get(&k.to_lowercase())) else { continue };
        if c.sector.as_deref() == Some("GOV") {
            c.sector = Some(code.clone());
        }
    }
}

/// A name without its last word when that word is a company or charity
/// ending and at least one word is left ("BP Plc" → "BP").
fn without_ending(name: &str) -> Option<&str> {
    let (rest, last) = name.trim_end().rsplit_once(' ')?;
    (WORDS.end.contains_key(&last.to_lowercase()) && !rest.trim().is_empty()).then(|| rest.trim_end())
}

/// The sector the words of `start..end` (a name) or those around it state.
fn sector_of(words: &[&str], start: usize, end: usize) -> Option<&'static str> {
    let w = &*WORDS;
    let at = |i: usize| words.get(i).map(|x| x.to_lowercase());
    let look = |map: &'static HashMap<String, String>, i: Option<usize>| i.and_then(at).and_then(|x| map.get(&x)).map(String::as_str);
    // "BP's shares": the noun after the possessive
    let after = if at(end).is_some_and(|x| x == "'s" || x == "'" || x == "’s") { end + 1 } else { end };
    // "the chief executive of Transocean", "shares of the company X"
    let of = start.checked_sub(1).filter(|&i| at(i).is_some_and(|x| x == "of")).and_then(|i| i.checked_sub(1));
    look(&w.end, end.checked_sub(1).filter(|&i| i >= start && end - start > 1))
        .or_else(|| look(&w.before, start.checked_sub(1)))
        .or_else(|| look(&w.after, Some(after)))
        .or_else(|| look(&w.head, of))
        .or_else(|| ticker_after(words, end))
}

/// "BP (BP.L)", "Transocean (RIG.N)", "(NYSE: RIG)": a stock ticker in
/// brackets right after the name.
fn ticker_after(words: &[&str], end: usize) -> Option<&'static str> {
    if words.get(end) != Some(&"(") {
        return None;
    }
    let next = words.get(end + 1)?;
    if let Some(s) = WORDS.exchange.get(&next.to_lowercase()) {
        return (words.get(end + 2) == Some(&":")).then_some(s.as_str());
    }
    let (sym, market) = next.split_once('.')?;
    let upper = |s: &str, n: usize| !s.is_empty() && s.len() <= n && s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    (upper(sym, 5) && upper(market, 2) && market.chars().all(|c| c.is_ascii_uppercase()) && words.get(end + 2) == Some(&")")).then_some("BUS")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        s.split(' ').collect()
    }

    #[test]
    fn the_word_groups_parse() {
        let (w, problems) = OrgWords::parse(ORG_WORDS_TSV);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(w.end.get("plc").map(String::as_str), Some("BUS"));
        assert_eq!(w.end.get("foundation").map(String::as_str), Some("NGO"));
        assert_eq!(w.leader.get("administration").map(String::as_str), Some("GOV"));
        assert_eq!(w.international.get("uno").map(String::as_str), Some("IGO"));
        let (_, problems) = OrgWords::parse("end\tcorp\nclan\tx\t-\n");
        assert_eq!(problems.len(), 2, "{problems:?}");
    }

    #[test]
    fn a_name_loses_only_a_company_ending() {
        assert_eq!(without_ending("Kestrel Plc"), Some("Kestrel"));
        assert_eq!(without_ending("Kestrel Mining Corp"), Some("Kestrel Mining"));
        assert_eq!(without_ending("Kestrel Mining"), None);
        assert_eq!(without_ending("Plc"), None);
    }

    #[test]
    fn a_company_is_read_from_its_name_and_the_words_around_it() {
        // name ending in a company word
        assert_eq!(sector_of(&words("Kestrel Mining Corp said on Monday"), 0, 3), Some("BUS"));
        assert_eq!(sector_of(&words("Kestrel Mining said on Monday"), 0, 2), None);
        assert_eq!(sector_of(&words("yesterday Kestrel Mining Corp said"), 1, 4), Some("BUS"));
        assert_eq!(sector_of(&words("the shipping company Maersk laid off staff"), 3, 4), Some("BUS"));
        assert_eq!(sector_of(&words("Maersk 's shares fell"), 0, 1), Some("BUS"));
        assert_eq!(sector_of(&words("the chief executive of Maersk resigned"), 4, 5), Some("BUS"));
        assert_eq!(sector_of(&words("Maersk ( MAERSKb.CO ) fell"), 0, 1), None, "not a ticker's shape");
        assert_eq!(sector_of(&words("Maersk ( MAER.CO ) fell"), 0, 1), Some("BUS"));
        assert_eq!(sector_of(&words("Transocean ( NYSE : RIG ) fell"), 0, 1), Some("BUS"));
        assert_eq!(sector_of(&words("the charity Shelter warned the council"), 2, 3), Some("NGO"));
        assert_eq!(sector_of(&words("the Rowntree Foundation warned"), 1, 3), Some("NGO"));
        // a ministry, a central bank, a rebel group: no company
        assert_eq!(sector_of(&words("the Department of Energy said"), 1, 4), None);
        assert_eq!(sector_of(&words("the Central Bank said"), 1, 3), None);
        assert_eq!(sector_of(&words("the president of Kenya said"), 3, 4), None);
    }
}
