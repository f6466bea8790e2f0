//! Definite descriptions of a firm resolved to the firm the text named last.
//!
//! News English names a company, then calls it by its kind: "BP said it would
//! pay. … The White House demanded that the company provide more
//! information." A singular noun of `data/language/definite_nouns.tsv` with
//! "the" and nothing that picks out another firm becomes an Organization
//! mention of the nearest earlier organisation of the noun's sector
//! (`MentionSource::Coref`), so the events and entities after it read the
//! party it names. Left alone:
//!
//! - another determiner or a possessor ("a company", "its company", "BP's company");
//! - a phrase that restricts the noun ("the company that owns the rig", "the
//!   company behind the rig"), or an apposition;
//! - a capitalised modifier ("the Chinese company": perhaps another firm) —
//!   unless it is a nationality the text names as such: "the British oil
//!   giant" is the nearest earlier firm of that country;
//! - plurals ("the companies": several);
//! - a noun already inside a mention, and any firm with no earlier mention of the sector.
//!
//! Parsed sentences only.

use std::collections::HashMap;
use std::sync::LazyLock;

use chronicle_core::{Document, EntityType, Mention, MentionSource, Span, Upos};
use chronicle_syntax::tree::Tree;

use crate::pronoun::covered;

const DEFINITE_TSV: &str = include_str!("../../../data/language/definite_nouns.tsv");

/// The rows of `definite_nouns.tsv` of one group: key → value.
fn group(name: &str) -> HashMap<String, String> {
    DEFINITE_TSV
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.split('\t').map(str::trim);
            let (g, k, v) = (cols.next()?, cols.next()?, cols.next()?);
            (g == name).then(|| (k.to_lowercase(), v.to_string()))
        })
        .collect()
}

/// Noun lemma → the CAMEO sector of the organisation it stands for.
static NOUNS: LazyLock<HashMap<String, String>> = LazyLock::new(|| group("noun"));

/// Country codes of international bodies (lower case): never a firm.
static INTERNATIONAL: LazyLock<HashMap<String, String>> = LazyLock::new(|| group("international"));

/// Adds an Organization mention over every resolvable definite description of `doc`.
pub fn annotate(doc: &mut Document) {
    let mut found = Vec::new();
    for range in doc.sentence_token_ranges() {
        let tree = Tree::over(doc, range.clone());
        if !tree.is_parsed() {
            continue;
        }
        for t in range {
            let Some((det, sector, country)) = description(doc, &tree, t) else { continue };
            let start = doc.tokens[det].span.start();
            let Some(m) = nearest_firm(doc, start, sector, country.as_deref()) else { continue };
            let Ok(span) = Span::new(doc.body(), start, doc.tokens[t].span.end()) else { continue };
            found.push(Mention { span, source: MentionSource::Coref, ..doc.mentions[m].clone() });
        }
    }
    if !found.is_empty() {
        doc.mentions.extend(found);
        doc.sort_layers();
    }
}

/// When token `t` heads a definite description of a listed noun: its "the",
/// the noun's sector, and the country a nationality modifier gives it.
fn description<'a>(doc: &Document, tree: &Tree, t: usize) -> Option<(usize, &'a str, Option<String>)> {
    let sector = NOUNS.get(&tree.lemma(t).to_lowercase())?;
    // singular: the word is its own lemma ("companies" is several firms)
    // a noun; the tagger may read "major" in "the oil major" as an adjective in a noun's role
    let nominal = tree.upos(t) == Some(Upos::Noun) || (tree.upos(t) == Some(Upos::Adj) && matches!(tree.base_rel(t), "nsubj" | "obj" | "obl" | "nmod" | "iobj"));
    if !nominal || !tree.word(t).eq_ignore_ascii_case(tree.lemma(t)) || covered(doc, t) {
        return None;
    }
    let mut det = None;
    let mut country = None;
    // "accused the oil giant of misleading": an object's 'of' phrase the parser hung on the
    // noun is the verb's second complement (accuse, suspect, warn, convict … X of Y)
    let verbs_of = |c: usize| tree.base_rel(t) == "obj" && tree.case_of(c).is_some_and(|p| p.eq_ignore_ascii_case("of"));
    for c in tree.children(t) {
        match tree.base_rel(c) {
            "det" if tree.word(c).eq_ignore_ascii_case("the") && det.is_none() => det = Some(c),
            "nmod" if verbs_of(c) => {}
            // another determiner, a possessor, a restricting phrase, an apposition
            "det" | "nmod" | "acl" | "appos" | "nummod" => return None,
            // "the oil company" names its kind; "the Chinese company" may be another
            // firm — the nearest of that country, when the word is a nationality
            "amod" | "compound" if tree.word(c).chars().next().is_some_and(char::is_uppercase) => {
                country = Some(nationality(doc, c)?);
            }
            _ => {}
        }
    }
    // the determiner opens the phrase ("the oil company"), nothing before it
    det.filter(|&d| d < t).map(|d| (d, sector.as_str(), country))
}

/// The country of a nationality or country word at token `c`: a mention over
/// it, no organisation or person, with a country code ("British" → GBR).
fn nationality(doc: &Document, c: usize) -> Option<String> {
    let s = doc.tokens[c].span;
    doc.mentions
        .iter()
        .filter(|m| m.span.start() <= s.start() && s.end() <= m.span.end())
        .filter(|m| !matches!(m.entity_type, EntityType::Organization | EntityType::Person))
        .find_map(|m| m.country.clone().filter(|k| k.len() == 3 && k.chars().all(|x| x.is_ascii_uppercase())))
}

/// The nearest Organization mention ending before byte `start` whose sector is
/// `sector` (and country `country`, when given), an international body excepted.
fn nearest_firm(doc: &Document, start: usize, sector: &str, country: Option<&str>) -> Option<usize> {
    // the mentions are sorted by start
    let upto = doc.mentions.partition_point(|m| m.span.start() < start);
    (0..upto).rev().find(|&i| {
        let m = &doc.mentions[i];
        m.span.end() <= start
            && m.entity_type == EntityType::Organization
            && m.sector.as_deref() == Some(sector)
            && country.is_none_or(|c| m.country.as_deref() == Some(c))
            && !m.country.as_deref().is_some_and(international)
    })
}

/// True for the country of an international body: a code of the `international`
/// group, or no country code at all (a KB organisation's own id stands there: "imf").
fn international(country: &str) -> bool {
    let code = country.len() == 3 && country.chars().all(|c| c.is_ascii_uppercase());
    !code || INTERNATIONAL.contains_key(&country.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_syntax::fixture::parsed;
    use Upos::*;

    fn org(doc: &mut Document, surface: &str, country: &str, sector: &str) {
        crate::pronoun::kb_mention(doc, surface, EntityType::Organization, surface, country, sector);
    }

    fn resolved(doc: &Document) -> Vec<(&str, &str)> {
        crate::pronoun::resolved_from(doc, MentionSource::Coref)
    }

    /// "Acme and the Senate met . The Senate asked the WORDS to pay ." with `words` as the object phrase.
    fn asked(object: &[(&'static str, usize, &'static str, Upos)]) -> Document {
        let mut words = vec!["Acme", "and", "the", "Senate", "met", ".", "The", "Senate", "asked"];
        let mut arcs = vec![
            (5, "nsubj", Propn), (4, "cc", Cconj), (4, "det", Det), (1, "conj", Propn), (0, "root", Verb), (5, "punct", Punct),
            (8, "det", Det), (9, "nsubj", Propn), (0, "root", Verb),
        ];
        for &(w, head, rel, upos) in object {
            words.push(w);
            arcs.push((head, rel, upos));
        }
        let n = words.len();
        words.extend(["to", "pay", "."]);
        arcs.extend([(n + 2, "mark", Part), (9, "xcomp", Verb), (9, "punct", Punct)]);
        let mut doc = parsed(&words, &arcs);
        org(&mut doc, "Acme", "GBR", "BUS");
        org(&mut doc, "Senate", "USA", "LEG");
        doc
    }

    #[test]
    fn the_company_is_the_firm_named_before() {
        // "the company" (object of asked, word 11; "the" word 10)
        let mut doc = asked(&[("the", 11, "det", Det), ("company", 9, "obj", Noun)]);
        annotate(&mut doc);
        assert_eq!(resolved(&doc), [("the company", "Acme")]);
        let m = doc.mentions.iter().find(|m| m.source == MentionSource::Coref).unwrap();
        assert_eq!((m.entity_type, m.country.as_deref(), m.sector.as_deref()), (EntityType::Organization, Some("GBR"), Some("BUS")));
        // "the oil company" names its kind
        let mut doc = asked(&[("the", 12, "det", Det), ("oil", 12, "compound", Noun), ("company", 9, "obj", Noun)]);
        annotate(&mut doc);
        assert_eq!(resolved(&doc), [("the oil company", "Acme")]);
    }

    #[test]
    fn a_nationality_picks_the_firm_of_that_country() {
        // "the British company" is the last British firm; "the Chinese company" is none here
        for (word, code, expected) in [("British", "GBR", vec![("the British company", "Acme")]), ("Chinese", "CHN", vec![])] {
            let mut doc = asked(&[("the", 12, "det", Det), (word, 12, "amod", Adj), ("company", 9, "obj", Noun)]);
            crate::pronoun::kb_mention(&mut doc, word, EntityType::Group, word, code, "");
            annotate(&mut doc);
            assert_eq!(resolved(&doc), expected, "{word}");
        }
        // the tagger's adjective in a noun's role: "the oil major"
        let mut doc = asked(&[("the", 12, "det", Det), ("oil", 12, "compound", Noun), ("major", 9, "obj", Adj)]);
        annotate(&mut doc);
        assert_eq!(resolved(&doc), [("the oil major", "Acme")]);
    }

    #[test]
    fn an_objects_of_phrase_is_the_verbs_complement_not_a_restriction() {
        // "The Senate asked the company of …": parsed with 'of' on the object noun (as in
        // "accused the company of lying"), the description still names the firm
        let mut doc = asked(&[("the", 11, "det", Det), ("company", 9, "obj", Noun), ("of", 13, "case", Adp), ("lies", 11, "nmod", Noun)]);
        annotate(&mut doc);
        assert_eq!(resolved(&doc), [("the company", "Acme")]);
    }

    #[test]
    fn other_descriptions_name_no_earlier_firm() {
        for object in [
            // several firms, any firm, perhaps another firm
            vec![("the", 11, "det", Det), ("companies", 9, "obj", Noun)],
            vec![("a", 11, "det", Det), ("company", 9, "obj", Noun)],
            vec![("the", 12, "det", Det), ("Chinese", 12, "amod", Adj), ("company", 9, "obj", Noun)],
            // a restricting phrase: "the company behind it"
            vec![("the", 11, "det", Det), ("company", 9, "obj", Noun), ("behind", 13, "case", Adp), ("it", 11, "nmod", Pron)],
        ] {
            let mut doc = asked(&object);
            if let Some(t) = doc.tokens.iter_mut().find(|t| t.syntax.as_ref().is_some_and(|s| s.lemma == "companies")) {
                t.syntax.as_mut().unwrap().lemma = "company".into();
            }
            annotate(&mut doc);
            assert!(resolved(&doc).is_empty(), "{:?}: {:?}", doc.body(), resolved(&doc));
        }
        // an international body is no firm, though a dictionary gives it a business sector
        let mut doc = asked(&[("the", 11, "det", Det), ("company", 9, "obj", Noun)]);
        doc.mentions.retain(|m| m.canonical != "Acme");
        org(&mut doc, "Acme", "imf", "BUS");
        annotate(&mut doc);
        assert!(resolved(&doc).is_empty(), "{:?}", resolved(&doc));
    }
}
