//! Countries the text states for persons and groups that no table knows,
//! and the sharing of a country among the mentions of one name.
//!
//! A person or organisation mention still without a country after the
//! knowledge base and the world tables takes the one country its stated
//! affiliation names, read from the sentence:
//!
//! - an apposition: "X, a spokesman for the Libyan rebels", "a member of
//!   Hamas, X" (the country of the names inside the appositive phrase);
//! - the words before the name in its noun phrase: "Libyan rebel commander
//!   X", "Syria's opposition leader X";
//! - an `of`/`from` phrase right after the name: "X of the Syrian National
//!   Council".
//!
//! The names that state it are nationality adjectives, places and
//! organisations with a country; when they name more than one country the
//! mention stays without one. Then, within the document, mentions of one
//! name (compared by name key, so short forms that coreference gave the full
//! name count) share the country their other mentions agree on. Nothing is
//! guessed from the story's main country: a name no phrase ties to a country
//! stays unknown.
//!
//! A person without a sector named with a title of an organisation that has
//! one ("BP chairman X", "X, chairman of BP"), or whose apposition names one
//! ("X, a spokesman for BP", "X, an analyst at the Pentagon"), takes the
//! organisation's sector.

use std::collections::HashSet;
use std::sync::LazyLock;

use chronicle_core::{Document, EntityType, Upos};
use chronicle_syntax::tree::Tree;

use super::rules::Titles;
use super::{Cand, View};
use crate::kb::{name_key, Kb};

/// The agent nouns (first column) of the PETRARCH-2 agents dictionary that
/// the event coder reads as well (MIT licence, Open Event Data Alliance).
const AGENTS_TSV: &str = include_str!("../../../../data/events/agents.tsv");

static AGENT_NOUNS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    AGENTS_TSV
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').next())
        .map(|w| w.trim().to_lowercase())
        .collect()
});

/// True for a noun naming someone by role or membership: an agent noun
/// ("commander", "rebel", by lemma) or a title ("leader", "spokesman").
fn is_role_noun(titles: &Titles, word: &str, lemma: &str) -> bool {
    let lower = word.to_lowercase();
    AGENT_NOUNS.contains(&lower) || AGENT_NOUNS.contains(&lemma.to_lowercase()) || titles.office_of(&lower).is_some()
}

/// Gives countries stated by affiliation, then shares them by name.
pub(crate) fn resolve(kb: &Kb, titles: &Titles, doc: &Document, v: &View<'_>, cands: &mut [Cand]) {
    let mut found: Vec<(usize, String)> = Vec::new();
    let mut employed: Vec<(usize, String)> = Vec::new();
    for s in &v.sentences {
        let tree = Tree::over(doc, s.clone());
        let a = cands.partition_point(|c| c.start < s.start);
        let b = cands.partition_point(|c| c.start < s.end);
        for k in a..b {
            let c = &cands[k];
            if !matches!(c.etype, EntityType::Person | EntityType::Organization) || super::names::is_kin_named(v, c) {
                continue;
            }
            let here = &cands[a..b];
            let nouns = appositive_nouns(titles, v, &tree, c);
            // whom the person works for gives the sector, and a country where no role word does
            let employer = (c.etype == EntityType::Person && c.sector.is_none()).then(|| employer(&tree, here, &nouns)).flatten();
            if let Some(sector) = employer.and_then(|o| o.sector.clone()) {
                employed.push((k, sector));
            }
            if c.country.is_some() {
                continue;
            }
            let stated = appositive(kb, titles, v, &tree, here, c, &nouns)
                .or_else(|| before(kb, titles, v, &tree, here, c))
                .or_else(|| of_after(kb, v, &tree, here, c))
                .or_else(|| employer.and_then(|o| country_of(kb, o)));
            if let Some(country) = stated {
                found.push((k, country));
            }
        }
    }
    for (k, country) in found {
        cands[k].country = Some(country);
    }
    let mut officers: Vec<(usize, String)> =
        (0..cands.len()).filter(|&k| cands[k].etype == EntityType::Person && cands[k].sector.is_none()).filter_map(|k| officer_sector(titles, v, cands, k).map(|s| (k, s))).collect();
    let titled: Vec<usize> = officers.iter().map(|(k, _)| *k).collect();
    officers.extend(employed.into_iter().filter(|(k, _)| !titled.contains(k)));
    for (k, sector) in officers {
        cands[k].sector = Some(sector);
    }
    share(cands);
}

/// "BP chairman Carl-Henric Svanberg", "BP's chairman, Carl-Henric
/// Svanberg", "Svanberg, BP's chairman", "Svanberg, chairman of BP": a
/// person named with a title of an organisation that has a sector holds
/// the title in it, so is of its sector (a company's chairman `BUS`, a
/// ministry's spokesman `GOV`); the titles that companies and governments
/// share (`titles.tsv` with no sector) say nothing by themselves.
fn officer_sector(titles: &Titles, v: &View<'_>, cands: &[Cand], k: usize) -> Option<String> {
    let c = &cands[k];
    let w = |t: usize| v.words.get(t).copied().unwrap_or("");
    let is_title = |t: usize| w(t).starts_with(char::is_lowercase) && titles.office_of(&w(t).to_lowercase()).is_some();
    let org_ending = |end: usize| cands.iter().find(|o| o.end == end && o.etype == EntityType::Organization && o.sector.is_some());
    let org_at = |start: usize| cands.iter().find(|o| o.start == start && o.etype == EntityType::Organization && o.sector.is_some());
    let possessed = |t: usize| if matches!(w(t), "'s" | "\u{2019}s") { t } else { t + 1 };
    // before the name: ORG ['s] TITLE [,] NAME
    let mut t = c.start;
    if t > 0 && w(t - 1) == "," {
        t -= 1;
    }
    if t > 0 && is_title(t - 1) {
        let p = possessed(t.saturating_sub(2));
        if let Some(o) = (p > 0).then(|| org_ending(p)).flatten().filter(|_| p <= t - 1) {
            return o.sector.clone();
        }
    }
    // after it: NAME , [the] ORG 's TITLE  |  NAME , [the] TITLE of [the] ORG
    if w(c.end) != "," {
        return None;
    }
    let skip_the = |t: usize| if w(t).eq_ignore_ascii_case("the") { t + 1 } else { t };
    let at = skip_the(c.end + 1);
    if let Some(o) = org_at(at).filter(|o| matches!(w(o.end), "'s" | "\u{2019}s") && is_title(o.end + 1)) {
        return o.sector.clone();
    }
    let title = (at..at + 3).find(|&t| is_title(t) && w(t + 1) == "of")?;
    org_at(skip_the(title + 2)).and_then(|o| o.sector.clone())
}

/// The country a candidate states for itself, when it is a real country.
fn country_of(kb: &Kb, c: &Cand) -> Option<String> {
    c.country.clone().filter(|iso| kb.country(iso).is_some())
}

/// The one country the candidates of `tokens` state (None for none or several).
fn one_country(kb: &Kb, here: &[Cand], me: &Cand, tokens: impl Iterator<Item = usize>) -> Option<String> {
    let mut out: Option<String> = None;
    let mut seen: Vec<usize> = Vec::new();
    for t in tokens {
        let Some(i) = here.iter().position(|o| o.start <= t && t < o.end) else { continue };
        if seen.contains(&i) || (here[i].start == me.start && here[i].end == me.end) {
            continue;
        }
        seen.push(i);
        let Some(c) = country_of(kb, &here[i]) else { continue };
        match &out {
            Some(o) if *o != c => return None,
            _ => out = Some(c),
        }
    }
    out
}

/// The token of the candidate whose head lies outside it.
fn head_token(tree: &Tree<'_>, c: &Cand) -> Option<usize> {
    (c.start..c.end).find(|&t| tree.head(t).map_or(true, |h| !(c.start..c.end).contains(&h)))
}

/// "X, a spokesman for the Libyan rebels" (the noun in apposition to the
/// name) or "a spokesman for the rebels, X" (the name in apposition to it):
/// the one country named inside the appositive phrase. The noun must name a
/// role ("spokesman", "commander"): "the London concerts Omar Hariza
/// announced", misparsed as an apposition, states nothing.
/// `nouns` are the candidate's [`appositive_nouns`].
fn appositive(kb: &Kb, titles: &Titles, v: &View<'_>, tree: &Tree<'_>, here: &[Cand], c: &Cand, nouns: &[usize]) -> Option<String> {
    // a role noun's phrase: a country named anywhere in "a spokesman for the Libyan rebels"
    let role = |n: &&usize| is_role_noun(titles, v.words.get(**n).copied().unwrap_or(""), tree.lemma(**n));
    let phrase = nouns.iter().filter(role).flat_map(|&n| phrase_of(tree, n)).filter(|t| !(c.start..c.end).contains(t));
    one_country(kb, here, c, phrase)
}

/// The head nouns of the noun phrases in apposition to candidate `c` that
/// describe it (see [`appositive`]): headed by a role noun, or set off by a
/// comma and opened by an article ("X, a senior EPA policy analyst,", "X,
/// an analyst at the Pentagon,": a comma-set-off apposition says who the
/// named one is). Empty for an unparsed sentence.
fn appositive_nouns(titles: &Titles, v: &View<'_>, tree: &Tree<'_>, c: &Cand) -> Vec<usize> {
    let Some(h) = tree.is_parsed().then(|| head_token(tree, c)).flatten() else { return Vec::new() };
    let word = |t: usize| v.words.get(t).copied().unwrap_or("");
    let mut nouns: Vec<usize> = tree.children_with(h, "appos").into_iter().filter(|t| !(c.start..c.end).contains(t)).collect();
    if tree.base_rel(h) == "appos" {
        // "a spokeswoman for the World Food Programme, Emilia Casella": the parser hangs the
        // name on the nearest noun, the name in the role noun's phrase
        let x = tree.head(h).filter(|n| !(c.start..c.end).contains(n));
        let role = |n: usize| tree.upos(n) == Some(Upos::Noun) && is_role_noun(titles, word(n), tree.lemma(n));
        let holder = x.filter(|&n| tree.upos(n) != Some(Upos::Noun) && tree.base_rel(n) == "nmod").and_then(|n| tree.head(n)).filter(|&r| role(r));
        nouns.extend(holder.or(x.filter(|&n| tree.upos(n) == Some(Upos::Noun))));
    }
    if matches!(tree.base_rel(h), "nsubj") && c.start > 0 && word(c.start - 1) == "," {
        // "A spokesman for BP, Scott Dean, said": an apposition the parser read as a second
        // subject of the same verb, the role noun's phrase ending at the comma before the name
        let verb = tree.head(h);
        nouns.extend(tree.tokens().filter(|&t| t < c.start && tree.head(t) == verb && tree.base_rel(t) == "nsubj" && tree.upos(t) == Some(Upos::Noun)));
    }
    let described = |n: usize| {
        let phrase = phrase_of(tree, n);
        let first = phrase.iter().copied().filter(|&t| tree.upos(t) != Some(Upos::Punct)).min().unwrap_or(n);
        let article = matches!(word(first).to_lowercase().as_str(), "a" | "an" | "the");
        let comma = (first > 0 && word(first - 1) == ",") || word(c.end) == "," || (c.start > 0 && word(c.start - 1) == ",");
        tree.upos(n) == Some(Upos::Noun) && article && comma
    };
    nouns.retain(|&n| !(c.start..c.end).contains(&n) && (is_role_noun(titles, word(n), tree.lemma(n)) || described(n)));
    nouns
}

/// "X, a spokesman for BP", "a senior EPA policy analyst, X", "X, an analyst
/// at the Pentagon", "X, BP's spokesman": the one organisation (by sector)
/// with a sector that the person's apposition names as whom the person works
/// for — a modifier of its head noun (compound or possessor) or a phrase of
/// it after for/at/with/of/from; not one further down ("the lawyer
/// responsible for BP's fund" does not work for BP). `nouns` are the
/// person's [`appositive_nouns`]. None when it names none or several.
fn employer<'c>(tree: &Tree<'_>, here: &'c [Cand], nouns: &[usize]) -> Option<&'c Cand> {
    let serves = |t: usize| tree.case_of(t).is_some_and(|p| matches!(p.to_lowercase().as_str(), "for" | "at" | "with" | "of" | "from"));
    let employs = |o: &Cand| {
        let Some(oh) = head_token(tree, o) else { return false };
        let Some(h) = tree.head(oh) else { return false };
        // the head noun itself, or a compound noun before it ("EPA policy analyst")
        let head_noun = nouns.contains(&h) || (tree.deprel(h) == "compound" && tree.head(h).is_some_and(|g| nouns.contains(&g)));
        head_noun && (matches!(tree.deprel(oh), "compound" | "nmod:poss") || (tree.base_rel(oh) == "nmod" && serves(oh)))
    };
    let mut out: Option<&Cand> = None;
    for o in here.iter().filter(|o| o.etype == EntityType::Organization && o.sector.is_some() && employs(o)) {
        match out {
            Some(p) if p.sector != o.sector => return None,
            _ => out = Some(o),
        }
    }
    out
}

/// The tokens of the noun phrase headed by `n`, less its clauses, the
/// nouns coordinated with `n` itself (a second apposition) and the phrases
/// of a topic ("an expert on Libya").
fn phrase_of(tree: &Tree<'_>, n: usize) -> Vec<usize> {
    let mut out = vec![n];
    let mut k = 0;
    while k < out.len() && out.len() <= tree.tokens().len() {
        let t = out[k];
        for c in tree.children(t) {
            let clause = matches!(tree.base_rel(c), "acl" | "advcl" | "ccomp" | "parataxis") || (t == n && tree.base_rel(c) == "conj");
            let topic = tree.case_of(c).is_some_and(super::names::is_topic);
            if !clause && !topic {
                out.push(c);
            }
        }
        k += 1;
    }
    out
}

/// "Libyan rebel commander X", "Syria's opposition leader X": the names
/// among the lower-case nouns and adjectives right before the name (at most
/// five words, none of them a verb, a determiner or a punctuation mark).
fn before(kb: &Kb, titles: &Titles, v: &View<'_>, tree: &Tree<'_>, here: &[Cand], c: &Cand) -> Option<String> {
    let sentence_start = tree.tokens().start;
    let mut t = c.start;
    let mut words = Vec::new();
    while t > sentence_start && words.len() < 5 {
        t -= 1;
        let in_name = here.iter().any(|o| o.start <= t && t < o.end);
        let w = v.words.get(t).copied().unwrap_or("");
        let modifier = w.starts_with(char::is_lowercase)
            && (!tree.is_parsed() || matches!(tree.upos(t), Some(Upos::Noun | Upos::Adj)));
        let possessive = matches!(w, "'s" | "\u{2019}s");
        if !(in_name || modifier || possessive) {
            break;
        }
        words.push(t);
    }
    // the word right before the name names a role: "Libyan X" or "London concerts X" is no affiliation
    let last = c.start.checked_sub(1).filter(|t| words.contains(t))?;
    let word = v.words.get(last).copied().unwrap_or("");
    if !word.starts_with(char::is_lowercase) || !is_role_noun(titles, word, tree.lemma(last)) {
        return None;
    }
    one_country(kb, here, c, words.into_iter())
}

/// "X of the Syrian National Council", "X from Homs": the name right after
/// `of`/`from` (and an optional article) following the candidate. A name
/// that modifies a noun after it states the country only when that noun is
/// no other name and belongs to the candidate ("X of the Syrian opposition";
/// "leased by BP from Swiss drilling giant Transocean": "Swiss" is
/// Transocean's, not BP's).
fn of_after(kb: &Kb, v: &View<'_>, tree: &Tree<'_>, here: &[Cand], c: &Cand) -> Option<String> {
    let w = |t: usize| v.words.get(t).map(|w| w.to_lowercase()).unwrap_or_default();
    if !matches!(w(c.end).as_str(), "of" | "from") {
        return None;
    }
    let at = if w(c.end + 1) == "the" { c.end + 2 } else { c.end + 1 };
    let o = here.iter().find(|o| o.start == at && o.etype != EntityType::Person)?;
    // a name modifying a noun after it ("the Syrian opposition") states the country only
    // when that noun is no other name and hangs on the candidate itself
    let modified = head_token(tree, o).and_then(|h| tree.head(h)).filter(|&h| tree.is_parsed() && h >= o.end);
    if let Some(noun) = modified {
        let named = here.iter().any(|x| x.start <= noun && noun < x.end);
        if named || tree.head(noun) != head_token(tree, c) {
            return None;
        }
    }
    country_of(kb, o)
}

/// Mentions of one name (person, organisation or group, by name key) take
/// the country, and the sector, their other mentions agree on ("Tony
/// Hayward, BP's chief executive, … Hayward insisted": BUS both times).
fn share(cands: &mut [Cand]) {
    share_field(cands, |c| &mut c.country);
    share_field(cands, |c| &mut c.sector);
}

/// One field of [`share`]: the value every mention of a name that has one
/// agrees on, given to the mentions of the name without one.
fn share_field(cands: &mut [Cand], field: impl Fn(&mut Cand) -> &mut Option<String>) {
    let mut known: std::collections::HashMap<(EntityType, String), Option<String>> = std::collections::HashMap::new();
    for c in cands.iter_mut().filter(|c| matches!(c.etype, EntityType::Person | EntityType::Organization | EntityType::Group)) {
        let key = (c.etype, name_key(&c.canonical));
        let Some(value) = field(c).clone() else { continue };
        known
            .entry(key)
            .and_modify(|k| {
                if k.as_ref() != Some(&value) {
                    *k = None;
                }
            })
            .or_insert_with(|| Some(value));
    }
    for c in cands.iter_mut() {
        let key = (c.etype, name_key(&c.canonical));
        if let (true, Some(Some(value))) = (field(c).is_none(), known.get(&key)) {
            *field(c) = Some(value.clone());
        }
    }
}
