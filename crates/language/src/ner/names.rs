//! Names whose reading the words around them decide (word groups in
//! `data/ner/name_words.tsv`):
//!
//! - **kinship and apposition** ([`kin_links`]): "Gaddafi's son Khamis",
//!   "his son Saif al-Islam", "Khamis, a son of Gaddafi". Read from the
//!   sentence's tree (the name in apposition to a kinship noun, or the
//!   kinship noun in apposition to the name; its possessor or `of` phrase is
//!   the relative), else from the words ("son Khamis"). Such a name is a
//!   person of their own: coreference and the knowledge base never give it
//!   another person who shares the name ([`is_kin_named`]); it takes the
//!   relative's country and, for blood relatives, the relative's family name
//!   ([`apply_kin`]: "Khamis" → "Khamis Gaddafi").
//! - **types that hold** ([`retype`]): a word for the followers of a faith
//!   is a group, not an organisation; a one-word place or organisation the
//!   tagger found that is the family name of a person the document names
//!   elsewhere ("Gaddafi's son" … "a son of Gaddafi") is that person; a person right
//!   before a noun that names a work or outlet, or ending in one ("the
//!   Andrew Marr Show"), is an organisation.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use chronicle_core::{Document, EntityType, MentionSource, Upos};
use chronicle_syntax::tree::Tree;

use super::{Cand, View};
use crate::kb::fold;

const NAME_WORDS_TSV: &str = include_str!("../../../../data/ner/name_words.tsv");

/// The word groups of `data/ner/name_words.tsv`.
#[derive(Debug, Default)]
pub(crate) struct NameWords {
    /// Kinship noun → whether the relative is called by the family name.
    kin: HashMap<String, bool>,
    faith: Vec<String>,
    work: Vec<String>,
    /// Storm word → whether a name opening with it is a storm's.
    storm: HashMap<String, bool>,
    institution: Vec<String>,
    topic: Vec<String>,
    part: Vec<String>,
    edge: Vec<String>,
    particle: Vec<String>,
    /// Nationality words of a region or union, not of one country → its code.
    demonym: HashMap<String, String>,
    /// The fewest letters of a one-word surname that may match another
    /// spelling of a dictionary surname (`threshold variant-surname-letters`).
    variant_surname_letters: Option<usize>,
}

impl NameWords {
    /// Parses the file; problems come back as "line N: why".
    pub(crate) fn parse(text: &str) -> (NameWords, Vec<String>) {
        let mut w = NameWords::default();
        let (rows, mut problems) = group_rows(text);
        for (line, group, word, value) in rows {
            let word = word.to_lowercase();
            match group {
                "kin" => {
                    w.kin.insert(word, value == "family");
                }
                "faith" => w.faith.push(word),
                "work" => w.work.push(word),
                "storm" => drop(w.storm.insert(word, value == "opens")),
                "institution" => w.institution.push(word),
                "topic" => w.topic.push(word),
                "part" => w.part.push(word),
                "edge" => w.edge.push(word),
                "particle" => w.particle.push(word),
                "demonym" => drop(w.demonym.insert(word, value.to_string())),
                "threshold" if word == "variant-surname-letters" => match value.parse() {
                    Ok(n) => w.variant_surname_letters = Some(n),
                    Err(_) => problems.push(format!("line {line}: {value:?} is not a count")),
                },
                other => problems.push(format!("line {line}: unknown group {other:?}")),
            }
        }
        (w, problems)
    }
}

/// The rows of a `GROUP<TAB>WORD<TAB>VALUE` word file (blank lines and `#`
/// comments skipped), each with its 1-based line number, and a "line N: why"
/// for each malformed line.
pub(crate) fn group_rows(text: &str) -> (Vec<(usize, &str, &str, &str)>, Vec<String>) {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate().filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        match cols[..] {
            [group, word, value] => rows.push((i + 1, group, word, value)),
            _ => problems.push(format!("line {}: want GROUP<TAB>WORD<TAB>VALUE", i + 1)),
        }
    }
    (rows, problems)
}

static WORDS: LazyLock<NameWords> = LazyLock::new(|| NameWords::parse(NAME_WORDS_TSV).0);

/// Nationality words of a union or region ("European"): a group mention
/// no table gave a country takes the code `demonym` in
/// `data/ner/name_words.tsv` gives it (`EUR`), so that "U.S. and European
/// companies" are two sides, never the one country twice.
pub(crate) fn regional_demonyms(cands: &mut [Cand]) {
    for c in cands.iter_mut().filter(|c| c.etype == EntityType::Group && c.country.is_none()) {
        if let Some(code) = WORDS.demonym.get(&c.canonical.to_lowercase()) {
            c.country = Some(code.clone());
        }
    }
}

/// The fewest letters of a one-word surname that may match a dictionary
/// surname spelled otherwise (6 when the file does not say).
pub(crate) fn variant_surname_letters() -> usize {
    WORDS.variant_surname_letters.unwrap_or(6)
}

/// A word that is never the first or last word of a person's name
/// (`edge` in `data/ner/name_words.tsv`, and adverbs by their ending:
/// "Thankfully", "Basically").
pub(crate) fn is_name_edge(word: &str) -> bool {
    let w = word.to_lowercase();
    let adverb = w.chars().count() >= 7 && ["fully", "ally", "ingly", "ately", "edly"].iter().any(|s| w.ends_with(s));
    adverb || WORDS.edge.contains(&w)
}

/// The words of a person's name the tagger found over `a..b`, less the
/// edge words it took in at either end ([`is_name_edge`]); never empty.
pub(crate) fn trim_person(words: &[&str], a: usize, b: usize) -> (usize, usize) {
    let (mut a, mut b) = (a, b);
    while b > a + 1 && words.get(a).is_some_and(|w| is_name_edge(w)) {
        a += 1;
    }
    while b > a + 1 && words.get(b - 1).is_some_and(|w| is_name_edge(w)) {
        b -= 1;
    }
    (a, b)
}

/// A word that may be part of a name: it has a letter or a digit ("Apollo
/// 13") and is no treebank bracket escape split from its hyphens ("LRB" of
/// "-LRB-", `core::treebank`).
fn is_name_word(w: &str) -> bool {
    w.chars().any(char::is_alphanumeric) && !chronicle_core::treebank::is_escape_letters(w)
}

/// A letter a name may be told by: a capital, or a letter of a script
/// without case.
fn is_capital(c: char) -> bool {
    c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase())
}

/// A word written in lower case only that is no name particle (`particle`
/// in `data/ner/name_words.tsv`: "al", "bin", "van", "de").
fn is_common_lower(w: &str) -> bool {
    w.chars().any(char::is_lowercase) && !w.chars().any(is_capital) && !WORDS.particle.contains(&w.to_lowercase())
}

/// The words of a name the tagger found over `a..b` (`person`: a person's
/// name), less what no name holds at its edges: punctuation ("#", "'"),
/// treebank bracket escapes, and a lower-case word that is no
/// name particle at its start — at a person's end too ("retorted Cullen",
/// "Malia knocks"); names are capitalised. `None` when no name is left: no
/// capital letter ("etc.", "interior department") or a lone letter ("C",
/// "J."); a letter with digits is one ("G8").
pub(crate) fn trim_name(words: &[&str], a: usize, b: usize, person: bool) -> Option<(usize, usize)> {
    let junk = |w: &str, at_end: bool| !is_name_word(w) || ((!at_end || person) && is_common_lower(w));
    let (mut a, mut b) = (a, b);
    while a < b && words.get(a).map_or(true, |w| junk(w, false)) {
        a += 1;
    }
    while b > a && words.get(b - 1).map_or(true, |w| junk(w, true)) {
        b -= 1;
    }
    let name = words.get(a..b)?;
    let letters: usize = name.iter().map(|w| w.chars().filter(|c| c.is_alphabetic()).count()).sum();
    let digits = name.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()));
    let capital = name.iter().any(|w| w.chars().any(is_capital));
    (capital && (letters >= 2 || digits)).then_some((a, b))
}

/// A word that, added to a country's name, names a part of that country
/// ("Northern Syria", "Greater Damascus"), as against a word that makes the
/// name another place ("Gulf", "New", "River").
pub(crate) fn is_place_part(word: &str) -> bool {
    let w = word.to_lowercase();
    WORDS.part.contains(&w)
}

/// A name read as someone's relative.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct KinLink {
    /// A token of the name.
    pub name: usize,
    /// The end of the name's words from `name` on (its `flat` dependents:
    /// "Saif al-Islam").
    pub name_end: usize,
    /// A token of the relative's name, when a name (not a pronoun) says who.
    pub relative: Option<usize>,
    /// The relative is called by the family name.
    pub family: bool,
}

fn kin_noun(doc: &Document, t: usize, words: &[&str]) -> Option<bool> {
    let lemma = doc.tokens.get(t)?.syntax.as_ref().map(|s| s.lemma.to_lowercase());
    let word = words.get(t)?.to_lowercase();
    WORDS.kin.get(&word).or_else(|| lemma.and_then(|l| WORDS.kin.get(&l))).copied()
}

fn is_proper(tree: &Tree<'_>, t: usize) -> bool {
    tree.upos(t) == Some(Upos::Propn)
}

/// The relative a kinship noun names: its possessor ("Gaddafi's son") or
/// its `of` phrase ("a son of Gaddafi"), when that is a name; else, as the
/// words say it, a name right before "'s" and the noun.
fn relative_of(tree: &Tree<'_>, kin: usize, words: &[&str]) -> Option<usize> {
    let of = tree.children_with(kin, "nmod").into_iter().find(|&n| tree.case_of(n).is_some_and(|c| c.eq_ignore_ascii_case("of")));
    let tree_says = tree.possessor(kin).or(of).filter(|&r| is_proper(tree, r));
    tree_says.or_else(|| possessor_before(kin, tree.tokens().start, words))
}

/// The end of the name at `t`: past the `flat` dependents right after it.
fn name_end(tree: &Tree<'_>, t: usize) -> usize {
    let mut end = t + 1;
    while tree.tokens().contains(&end) && tree.head(end) == Some(t) && tree.base_rel(end) == "flat" {
        end += 1;
    }
    end
}

/// "Mubarak 's son": the name token before "'s" right before the noun at `kin`.
fn possessor_before(kin: usize, start: usize, words: &[&str]) -> Option<usize> {
    kin.checked_sub(2)
        .filter(|&r| r >= start && matches!(words.get(r + 1).copied(), Some("'s" | "\u{2019}s")))
        .filter(|&r| words.get(r).is_some_and(|w| w.starts_with(char::is_uppercase)))
}

/// The kinship links of a document (see the module note).
pub(crate) fn kin_links(doc: &Document, words: &[&str], sentences: &[Range<usize>]) -> Vec<KinLink> {
    let mut out = Vec::new();
    for s in sentences {
        let tree = Tree::over(doc, s.clone());
        for t in s.clone() {
            if !words.get(t).is_some_and(|w| w.starts_with(char::is_uppercase)) {
                continue;
            }
            if tree.is_parsed() {
                if !is_proper(&tree, t) {
                    continue;
                }
                // "Gaddafi's son Khamis": the name in apposition to the kinship noun
                let head = tree.head(t).filter(|_| matches!(tree.base_rel(t), "appos" | "compound" | "flat"));
                if let Some((k, family)) = head.and_then(|h| Some((h, kin_noun(doc, h, words)?))) {
                    out.push(KinLink { name: t, name_end: name_end(&tree, t), relative: relative_of(&tree, k, words), family });
                    continue;
                }
                // "Khamis, a son of Gaddafi": the kinship noun in apposition to the name
                let appos = tree.children_with(t, "appos").into_iter().find_map(|k| Some((k, kin_noun(doc, k, words)?)));
                if let Some((k, family)) = appos {
                    out.push(KinLink { name: t, name_end: name_end(&tree, t), relative: relative_of(&tree, k, words), family });
                    continue;
                }
            }
            // no tree, or one that attaches the name elsewhere: a kinship noun
            // right before the name ("his brother Khamis"), the relative before "'s"
            if let Some(family) = t.checked_sub(1).filter(|&p| p >= s.start).and_then(|p| kin_noun(doc, p, words)) {
                let relative = possessor_before(t - 1, s.start, words);
                out.push(KinLink { name: t, name_end: t + 1, relative, family });
            }
        }
    }
    out
}

/// True for a word for the followers of a faith ("Muslims", "Shiites").
pub(crate) fn is_faith(word: &str) -> bool {
    WORDS.faith.contains(&fold(word))
}

/// True for a preposition that introduces a topic, not an affiliation ("an
/// expert on Libya").
pub(crate) fn is_topic(preposition: &str) -> bool {
    WORDS.topic.contains(&preposition.to_lowercase())
}

/// True when the candidate's name is read as someone's relative.
pub(crate) fn is_kin_named(v: &View<'_>, c: &Cand) -> bool {
    c.etype == EntityType::Person && v.kin.iter().any(|k| (c.start..c.end).contains(&k.name))
}

/// Gives each relative's name the relative's country and, for blood
/// relatives, family name; drops any knowledge-base id it was given. A name
/// the recognizer missed becomes a person mention (the apposition says it
/// is one).
pub(crate) fn apply_kin(v: &View<'_>, cands: &mut Vec<Cand>, body: &str) {
    for link in &v.kin {
        let free = !cands.iter().any(|c| c.start < link.name_end && link.name < c.end);
        if free {
            cands.push(Cand {
                start: link.name,
                end: link.name_end,
                etype: EntityType::Person,
                canonical: super::join_words(v, link.name, link.name_end, body),
                kb_id: None,
                country: None,
                sector: None,
                source: MentionSource::Rule,
            });
            cands.sort_by_key(|c| (c.start, c.end));
        }
        let Some(i) = cands.iter().position(|c| c.etype == EntityType::Person && (c.start..c.end).contains(&link.name)) else { continue };
        let relative = link.relative.and_then(|r| cands.iter().find(|c| c.etype == EntityType::Person && (c.start..c.end).contains(&r)));
        let (family, country) = match relative {
            Some(r) => (r.canonical.split_whitespace().last().map(String::from), r.country.clone()),
            None => (None, None),
        };
        let c = &mut cands[i];
        c.kb_id = None;
        c.sector = None;
        c.country = country;
        if let Some(f) = family.filter(|_| link.family) {
            let has = c.canonical.split_whitespace().last().is_some_and(|l| fold(l) == fold(&f));
            if !has && !c.canonical.is_empty() {
                c.canonical = format!("{} {f}", c.canonical);
            }
        }
    }
}

/// True when `word` ends an institution's name (`institution`: "Office",
/// "Department"): a name ending in it is no person's.
pub(crate) fn is_institution(word: &str) -> bool {
    WORDS.institution.contains(&word.to_lowercase())
}

fn work_at(v: &View<'_>, t: usize) -> bool {
    v.words.get(t).is_some_and(|w| WORDS.work.contains(&w.to_lowercase()))
}

/// Types that hold (see the module note). Runs before coreference, so a
/// family name made a person is resolved like one.
pub(crate) fn retype(v: &View<'_>, cands: &mut [Cand]) {
    let family_names: Vec<String> = cands
        .iter()
        .filter(|c| c.etype == EntityType::Person)
        .filter_map(|c| c.canonical.split_whitespace().last().map(fold))
        .filter(|k| !WORDS.faith.contains(k))
        .collect();
    for c in cands.iter_mut() {
        let one_word = c.end == c.start + 1;
        let key = fold(&c.canonical);
        // a faith's followers are a group, whatever the tagger called them
        if one_word && matches!(c.etype, EntityType::Organization | EntityType::Person) && WORDS.faith.contains(&key) {
            give_type(c, EntityType::Group);
        } else if one_word
            && c.source == MentionSource::Tagger
            && matches!(c.etype, EntityType::Location | EntityType::Organization)
            && family_names.contains(&key)
        {
            give_type(c, EntityType::Person);
            c.country = None;
        } else if c.etype == EntityType::Person && (work_at(v, c.end) || (c.end > c.start + 1 && work_at(v, c.end - 1))) {
            give_type(c, EntityType::Organization);
            c.country = None;
        } else if c.etype == EntityType::Person && c.end > c.start + 1 && v.words.get(c.end - 1).is_some_and(|w| is_institution(w)) {
            // "Land Office", "Justice Department": an institution, whatever the tagger said
            give_type(c, EntityType::Organization);
        }
    }
}

/// Gives a candidate another type: the knowledge-base facts found for the old
/// one no longer hold.
fn give_type(c: &mut Cand, etype: EntityType) {
    c.etype = etype;
    c.kb_id = None;
    c.sector = None;
}

/// The given names the document writes right before `surname` ("Janet" of
/// "Secretary Janet Napolitano"): capitalised words that start a dictionary
/// person's name, folded.
pub(crate) fn given_names_before(kb: &crate::kb::Kb, v: &View<'_>, surname: &str) -> Vec<String> {
    v.preceded_by.get(&fold(surname)).map(|ws| ws.iter().filter(|w| kb.is_given_name(w)).cloned().collect()).unwrap_or_default()
}

/// True when the document calls the bearer of a family name by a given name
/// none of `names` (a knowledge-base person's name and aliases) starts with:
/// "Janet Napolitano" is not "Giorgio Napolitano", so "Napolitano" alone
/// takes neither's facts from a family-name match.
pub(crate) fn named_otherwise<'n>(given: &[String], names: impl IntoIterator<Item = &'n String>) -> bool {
    let firsts: Vec<String> = names.into_iter().filter_map(|n| n.split_whitespace().next().map(fold)).collect();
    given.iter().any(|g| !firsts.contains(g))
}


/// "Hurricane Gordon", "Tropical Storm Noel": a name right after a
/// capitalised storm word (`storm`), or opening with one, is a storm's — no
/// mention of a person, place or body.
pub(crate) fn storm_name(words: &[&str], c: &Cand) -> bool {
    let storm = |w: &str| w.starts_with(char::is_uppercase).then(|| WORDS.storm.get(&w.to_lowercase()).copied()).flatten();
    let before = c.start.checked_sub(1).and_then(|i| words.get(i)).is_some_and(|w| storm(w).is_some());
    let opens = c.end > c.start + 1 && words.get(c.start).is_some_and(|w| storm(w) == Some(true));
    before || opens
}

/// "US $ 75m", "HK$ 2bn", "A$ 300m": a country's letters written before a
/// dollar sign name the currency (US dollars), not the country — no mention.
/// True for a US party-and-state tag as American news writes it after a
/// lawmaker's name: "R-Ga", "D-Calif", "I-Vt" (party initial, hyphen, the
/// state's abbreviation; its full stop is a token of its own).
fn party_state_tag(word: &str) -> bool {
    let mut parts = word.splitn(2, '-');
    let (Some(party), Some(state)) = (parts.next(), parts.next()) else { return false };
    matches!(party, "R" | "D" | "I")
        && (2..=6).contains(&state.len())
        && state.starts_with(|c: char| c.is_ascii_uppercase())
        && state.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
}

/// "Rep. Tom Price (R-Ga) accused …": a party-and-state tag in brackets
/// right after a person is no organisation of its own — it says the person
/// sits for a US state: the person's country, when none is known, is the
/// United States.
pub(crate) fn party_state_tags(words: &[&str], cands: &mut Vec<Cand>) {
    // the word after "(" (a full stop may follow it as a token of its own)
    let tags: Vec<usize> = (1..words.len())
        .filter(|&i| words[i - 1] == "(" && party_state_tag(words[i]))
        .filter(|&i| matches!(words.get(i + 1).copied(), Some(")")) || (words.get(i + 1) == Some(&".") && words.get(i + 2) == Some(&")")))
        .collect();
    for &at in &tags {
        let person = cands.iter_mut().find(|p| p.etype == EntityType::Person && p.end + 1 == at);
        if let Some(p) = person.filter(|p| p.country.is_none()) {
            p.country = Some("USA".to_string());
        }
    }
    cands.retain(|c| !(c.end == c.start + 1 && tags.contains(&c.start)));
}

pub(crate) fn currency_prefix(words: &[&str], c: &Cand) -> bool {
    let word = words.get(c.start).copied().unwrap_or("");
    let letters = word.len() <= 3 && !word.is_empty() && word.chars().all(|ch| ch.is_ascii_uppercase());
    c.end == c.start + 1 && letters && words.get(c.end).is_some_and(|w| w.starts_with('$'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_party_state_tag_is_a_party_initial_and_a_state() {
        for tag in ["R-Ga", "D-Calif", "I-Vt", "R-N.Y"] {
            assert!(party_state_tag(tag), "{tag}");
        }
        for word in ["R-", "Al-Qaeda", "X-Ray", "R-georgia", "R-Georgiaaa"] {
            assert!(!party_state_tag(word), "{word}");
        }
    }

    #[test]
    fn the_word_groups_parse() {
        let (w, problems) = NameWords::parse(NAME_WORDS_TSV);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(w.kin.get("son"), Some(&true));
        assert_eq!(w.kin.get("wife"), Some(&false));
        assert!(w.faith.iter().any(|f| f == "shiites") && w.work.iter().any(|f| f == "programme"));
        assert!(w.part.iter().any(|p| p == "northern") && w.edge.iter().any(|p| p == "sunday"));
        assert_eq!(w.variant_surname_letters, Some(6));
        assert_eq!(w.demonym.get("european").map(String::as_str), Some("EUR"));
        let (_, problems) = NameWords::parse("kin\tson\n#x\nclan\tx\t-\n");
        assert_eq!(problems.len(), 2, "{problems:?}");
    }

    #[test]
    fn a_persons_name_loses_the_words_the_tagger_took_in_at_its_edges() {
        let words = ["Behind", "Hayward", ",", "Thankfully", "Obama", "Sunday", "Kelly", "Ayotte", "An", "Obama"];
        assert_eq!(trim_person(&words, 0, 2), (1, 2), "a preposition at a sentence's start");
        assert_eq!(trim_person(&words, 3, 6), (4, 5), "an adverb before, a weekday after");
        assert_eq!(trim_person(&words, 6, 8), (6, 8), "a name that ends in -ly is a name");
        assert_eq!(trim_person(&words, 8, 9), (8, 9), "never empty");
        assert_eq!(trim_person(&words, 8, 10), (9, 10));
    }

    #[test]
    fn a_name_has_a_capital_letter_and_no_punctuation_or_bracket_escape_at_its_edges() {
        // "fares rose to # 40 -LRB- $ 52 -RRB- , retorted Ngozi Adeyemi of the ministry etc."
        let words = ["fares", "#", "40", "-", "LRB", "-", "$", "52", "-", "RRB", "-", ",", "retorted", "Ngozi", "Adeyemi", "etc.", "al-Rashid", "bin", "Saleh", "C", "G8", "summit"];
        assert_eq!(trim_name(&words, 1, 2, true), None, "a pound sign the treebank wrote as #");
        assert_eq!(trim_name(&words, 1, 3, false), None, "a number is no name");
        assert_eq!(trim_name(&words, 4, 5, false), None, "a bracket escape");
        assert_eq!(trim_name(&words, 3, 6, false), None, "a bracket escape with its hyphens");
        assert_eq!(trim_name(&words, 9, 11, true), None);
        assert_eq!(trim_name(&words, 12, 15, true), Some((13, 15)), "a verb before the name");
        assert_eq!(trim_name(&words, 13, 16, true), Some((13, 15)), "a lower-case word after a person");
        assert_eq!(trim_name(&words, 15, 16, false), None, "no capital: no name");
        assert_eq!(trim_name(&words, 16, 19, true), Some((16, 19)), "particles stay inside a name");
        assert_eq!(trim_name(&words, 19, 20, false), None, "a lone letter");
        assert_eq!(trim_name(&words, 20, 21, false), Some((20, 21)), "a letter with digits");
        assert_eq!(trim_name(&words, 20, 22, false), Some((20, 22)), "an organisation may end in a lower-case noun");
    }

    #[test]
    fn a_family_name_is_someone_else_when_the_text_gives_another_given_name() {
        let names = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<String>>();
        let giorgio = names(&["Giorgio Napolitano"]);
        assert!(named_otherwise(&["janet".to_string()], &giorgio));
        assert!(!named_otherwise(&["giorgio".to_string()], &giorgio));
        assert!(!named_otherwise(&[], &giorgio), "no given name in the text: the match stands");
        assert!(!named_otherwise(&["recep".to_string()], &names(&["Tayyip Erdogan", "Recep Tayyip Erdogan"])), "an alias's given name");
    }
}
