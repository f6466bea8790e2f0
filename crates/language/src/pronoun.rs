//! Personal pronouns resolved to the person they stand for, as mentions.
//!
//! "Obama said on Monday that BP must pay. He also ordered rigs to be
//! inspected": "He" becomes a Person mention of "Barack Obama"
//! (`MentionSource::Pronoun`), so every later layer (events, entities) reads
//! the party it names. Only "he"/"she" and their forms are resolved
//! (`data/language/pronouns.tsv`), by the rules news English follows:
//!
//! - a person named earlier in the same sentence, preferring a subject
//!   ("Obama said he …"), but never the subject of the pronoun's own verb
//!   when the pronoun is its object ("Obama praised him");
//! - else the person who is the subject of the previous sentence;
//! - never a person its own clause names after it when the pronoun is the
//!   clause's subject ("He criticized Udall's plan": he is not Udall);
//! - nothing otherwise: an unresolved pronoun names no one.
//!
//! "it" as the subject of a verb only a party does (`data/language/party_verbs.tsv`:
//! one agrees, asks, accuses; a spill does not) stands for the last
//! organisation or state that is a subject before it in the sentence, else
//! for the one that is the subject of the previous sentence: "BP said the
//! leak was slowing. It also agreed to pay …" → BP. So does "its" owning the
//! noun of an act only a party makes (`data/language/party_acts.tsv`: "its
//! pledge", "its request"; not "its flow").
//!
//! Third-person pronouns inside direct quotations are left alone: there the
//! speaker's "he" may be anyone. The first person singular inside one ("I",
//! "me", "my") is the quote's speaker, when that is a person mention. Parsed
//! sentences only.

use std::collections::HashMap;
use std::sync::LazyLock;

use chronicle_core::{Document, EntityType, Mention, MentionSource, Upos};
use chronicle_syntax::tree::Tree;

const PRONOUNS_TSV: &str = include_str!("../../../data/language/pronouns.tsv");
const PARTY_VERBS_TSV: &str = include_str!("../../../data/language/party_verbs.tsv");
const PARTY_ACTS_TSV: &str = include_str!("../../../data/language/party_acts.tsv");

/// The lemmas of a one-lemma-per-line list.
fn lemma_list(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.starts_with('#') && !l.is_empty()).map(str::to_lowercase).collect()
}

/// Lemmas of the verbs whose subject is always a party (`party_verbs.tsv`).
static PARTY_VERBS: LazyLock<Vec<String>> = LazyLock::new(|| lemma_list(PARTY_VERBS_TSV));

/// Lemmas of the nouns of acts only a party makes (`party_acts.tsv`).
static PARTY_ACTS: LazyLock<Vec<String>> = LazyLock::new(|| lemma_list(PARTY_ACTS_TSV));

/// Pronoun word → its form (subject, object, possessive …).
static PRONOUNS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    PRONOUNS_TSV
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(w, f)| (w.trim().to_lowercase(), f.trim().to_string()))
        .collect()
});

/// Adds a Person mention over every resolvable personal pronoun of `doc`.
pub fn annotate(doc: &mut Document) {
    let persons = Candidates::persons(doc);
    let parties = Candidates::parties(doc);
    let mut found = Vec::new();
    let mut previous_subject: Option<usize> = None;
    let mut previous_party: Option<usize> = None;
    for range in doc.sentence_token_ranges() {
        let tree = Tree::over(doc, range.clone());
        if !tree.is_parsed() {
            (previous_subject, previous_party) = (None, None);
            continue;
        }
        for t in range.clone() {
            let person = antecedent(doc, &tree, &persons, t, previous_subject);
            if let Some(m) = person.or_else(|| party_antecedent(doc, &tree, &parties, t, previous_party)) {
                let mention = &doc.mentions[m];
                found.push(Mention { span: doc.tokens[t].span, source: MentionSource::Pronoun, ..mention.clone() });
            }
        }
        previous_subject = range.clone().filter_map(|t| persons.at(doc, t)).find(|&m| is_subject(doc, &tree, m));
        previous_party = range.clone().filter_map(|t| parties.at(doc, t)).find(|&m| is_subject(doc, &tree, m));
    }
    doc.mentions.extend(found);
    doc.sort_layers();
    // after the third-person pass: a quote's speaker may be a resolved "he"
    let speakers = speaker_pronouns(doc);
    if !speakers.is_empty() {
        doc.mentions.extend(speakers);
        doc.sort_layers();
    }
}

/// "I", "me", "my" (`speaker` in `pronouns.tsv`) inside a direct quotation
/// whose speaker is a person mention: in a quotation the first person is the
/// one quoted ("'I will not resign,' Hayward said").
fn speaker_pronouns(doc: &Document) -> Vec<Mention> {
    let mut out = Vec::new();
    for tok in &doc.tokens {
        let word = tok.span.text(doc.body()).to_lowercase();
        if PRONOUNS.get(&word).map(String::as_str) != Some("speaker") || tok.syntax.as_ref().is_none_or(|s| s.upos != Upos::Pron) {
            continue;
        }
        // a mention over the word starts at or before it (the mentions are sorted here)
        let start = doc.mentions.partition_point(|m| m.span.start() <= tok.span.start());
        if doc.mentions[start.saturating_sub(8)..start].iter().any(|m| tok.span.end() <= m.span.end()) {
            continue;
        }
        let at = tok.span.start();
        // the layers are sorted by start: look only at the few that start before the word
        let before = doc.quotes.partition_point(|q| q.span.start() <= at);
        let Some(q) = doc.quotes[before.saturating_sub(4)..before].iter().rev().find(|q| q.direct && at < q.span.end()) else { continue };
        let Some(who) = q.speaker_span else { continue };
        let upto = doc.mentions.partition_point(|m| m.span.start() < who.end());
        let person = doc.mentions[upto.saturating_sub(4)..upto]
            .iter()
            .find(|m| m.entity_type == EntityType::Person && m.span.overlaps(who) && !q.span.contains(m.span));
        if let Some(m) = person {
            out.push(Mention { span: tok.span, source: MentionSource::Pronoun, ..m.clone() });
        }
    }
    out
}

/// The mention token `t` (a pronoun) refers to, when the rules find one.
fn antecedent(doc: &Document, tree: &Tree, persons: &Candidates, t: usize, previous_subject: Option<usize>) -> Option<usize> {
    let word = tree.word(t).to_lowercase();
    let third_person = PRONOUNS.get(&word).is_some_and(|form| form != "speaker");
    if tree.upos(t) != Some(Upos::Pron) || !third_person || covered(doc, t) || in_direct_quote(doc, t) {
        return None;
    }
    // a pronoun object of a verb never is that verb's own subject
    let own_subjects: Vec<usize> = match (tree.base_rel(t), tree.head(t)) {
        ("obj" | "iobj" | "obl", Some(v)) => tree.subjects(v),
        _ => Vec::new(),
    };
    let start = doc.tokens[t].span.start();
    let before: Vec<usize> = (tree.tokens().start..t)
        .filter_map(|k| persons.at(doc, k))
        .filter(|&m| doc.mentions[m].span.end() <= start)
        .filter(|&m| !own_subjects.iter().any(|&s| head_token(doc, m) == Some(s)))
        .filter(|&m| !in_direct_quote(doc, head_token(doc, m).unwrap_or(t)))
        .collect();
    before
        .iter()
        .copied()
        .filter(|&m| is_subject(doc, tree, m))
        .last()
        .or_else(|| before.first().copied())
        .or(previous_subject)
        .filter(|&m| !named_after_in_clause(doc, tree, persons, t, m))
}

/// True when pronoun `t`, a clause's subject, is followed in its own clause
/// by a name of mention `m`'s person: a subject pronoun never stands for a
/// person its clause names after it ("He also criticized Udall's plan": he is
/// not Udall). Its own apposition names it ("He (President Obama) said"); a
/// clause set beside the pronoun's by a conjunction, or off by a dash, colon
/// or semicolon wherever the parser hung it, is another clause.
fn named_after_in_clause(doc: &Document, tree: &Tree, persons: &Candidates, t: usize, m: usize) -> bool {
    let (true, Some(v)) = (tree.base_rel(t) == "nsubj", tree.head(t)) else { return false };
    let own = tree.subtree(t);
    let beside: Vec<usize> = tree.children(v).into_iter().filter(|&c| matches!(tree.base_rel(c), "parataxis" | "conj" | "dep" | "list")).flat_map(|c| tree.subtree(c)).collect();
    let stop = tree.tokens().find(|&k| k > t && matches!(tree.word(k), "-" | "--" | "—" | "–" | ";" | ":")).unwrap_or(usize::MAX);
    tree.subtree(v)
        .into_iter()
        .filter(|&k| k > t && k < stop && !own.contains(&k) && !beside.contains(&k))
        .filter_map(|k| persons.at(doc, k))
        .any(|x| doc.mentions[x].canonical == doc.mentions[m].canonical)
}

/// The organisation or state a subject "it" of a party verb, or an "its"
/// owning the noun of a party's act, stands for: the last such subject
/// before it in the sentence, else the previous sentence's (see the module
/// docs). Outside direct quotations only.
fn party_antecedent(doc: &Document, tree: &Tree, parties: &Candidates, t: usize, previous: Option<usize>) -> Option<usize> {
    let head_in = |list: &[String]| tree.head(t).is_some_and(|h| list.contains(&tree.lemma(h).to_lowercase()));
    let word = tree.word(t).to_lowercase();
    let party = tree.upos(t) == Some(Upos::Pron)
        && match word.as_str() {
            "it" => tree.base_rel(t) == "nsubj" && head_in(&PARTY_VERBS),
            "its" => tree.deprel(t) == "nmod:poss" && head_in(&PARTY_ACTS),
            _ => false,
        };
    if !party || covered(doc, t) || in_direct_quote(doc, t) {
        return None;
    }
    let start = doc.tokens[t].span.start();
    (tree.tokens().start..t)
        .filter_map(|k| parties.at(doc, k))
        .filter(|&m| doc.mentions[m].span.end() <= start && is_subject(doc, tree, m))
        .last()
        .or(previous)
}

/// The mentions (not pronouns) a pronoun may stand for, by start offset,
/// indexed once per document: persons for "he" and "she", organisations
/// and states for "it".
struct Candidates(HashMap<usize, usize>);

impl Candidates {
    fn of(doc: &Document, keep: impl Fn(&Mention) -> bool) -> Candidates {
        let mut by_start = HashMap::new();
        for (i, m) in doc.mentions.iter().enumerate() {
            if m.source != MentionSource::Pronoun && keep(m) {
                by_start.entry(m.span.start()).or_insert(i);
            }
        }
        Candidates(by_start)
    }

    fn persons(doc: &Document) -> Candidates {
        Candidates::of(doc, |m| m.entity_type == EntityType::Person)
    }

    /// Organisations, and places that are states (the mention's id is its
    /// country code).
    fn parties(doc: &Document) -> Candidates {
        Candidates::of(doc, |m| m.entity_type == EntityType::Organization || m.is_state())
    }

    /// The candidate mention whose span starts at token `t`.
    fn at(&self, doc: &Document, t: usize) -> Option<usize> {
        self.0.get(&doc.tokens.get(t)?.span.start()).copied()
    }
}

/// True when a mention already covers token `t`.
pub(crate) fn covered(doc: &Document, t: usize) -> bool {
    let s = doc.tokens[t].span;
    doc.mentions.iter().any(|m| m.span.start() <= s.start() && s.end() <= m.span.end())
}

/// The last token of mention `m` (the head of an English name).
fn head_token(doc: &Document, m: usize) -> Option<usize> {
    let end = doc.mentions[m].span.end();
    let k = doc.tokens.partition_point(|t| t.span.end() <= end);
    k.checked_sub(1)
}

/// True when mention `m` heads a subject in `tree`.
fn is_subject(doc: &Document, tree: &Tree, m: usize) -> bool {
    let Some(h) = head_token(doc, m) else { return false };
    if !tree.tokens().contains(&h) {
        return false;
    }
    // the name's head, or the word the name is a modifier of ("President Obama")
    let span = doc.mentions[m].span;
    let inside = |k: usize| doc.tokens.get(k).is_some_and(|t| span.start() <= t.span.start() && t.span.end() <= span.end());
    let mut top = h;
    while let (Some(up), "flat" | "compound") = (tree.head(top), tree.base_rel(top)) {
        if !inside(up) {
            break;
        }
        top = up;
    }
    tree.base_rel(top) == "nsubj"
}

/// True when token `t` lies inside a direct quotation.
fn in_direct_quote(doc: &Document, t: usize) -> bool {
    let at = doc.tokens[t].span.start();
    doc.quotes.iter().any(|q| q.direct && q.span.start() <= at && at < q.span.end())
}

/// Adds a knowledge-base mention over the first `surface` of the body (for tests).
#[cfg(test)]
pub(crate) fn kb_mention(doc: &mut Document, surface: &str, entity_type: EntityType, canonical: &str, country: &str, sector: &str) {
    let start = doc.body().find(surface).expect("in text");
    doc.mentions.push(Mention {
        span: chronicle_core::Span::new(doc.body(), start, start + surface.len()).unwrap(),
        entity_type,
        canonical: canonical.into(),
        kb_id: None,
        country: Some(country.into()),
        sector: Some(sector.into()),
        source: MentionSource::Kb,
    });
    doc.sort_layers();
}

/// The surface and canonical name of each mention from `source` (for tests).
#[cfg(test)]
pub(crate) fn resolved_from(doc: &Document, source: MentionSource) -> Vec<(&str, &str)> {
    doc.mentions.iter().filter(|m| m.source == source).map(|m| (m.span.text(doc.body()), m.canonical.as_str())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_core::{Sentence, Span};
    use chronicle_syntax::fixture::parsed;
    use Upos::*;

    fn person(doc: &mut Document, surface: &str, canonical: &str) {
        kb_mention(doc, surface, EntityType::Person, canonical, "USA", "GOV");
    }

    fn resolved(doc: &Document) -> Vec<(&str, &str)> {
        resolved_from(doc, MentionSource::Pronoun)
    }

    /// Splits a one-sentence fixture into two sentences before word `at` (0-based).
    fn two_sentences(mut doc: Document, at: usize) -> Document {
        let cut = doc.tokens[at].span.start();
        let body = doc.body().to_string();
        doc.sentences = vec![
            Sentence { span: Span::new(&body, 0, cut - 1).unwrap() },
            Sentence { span: Span::new(&body, cut, body.len()).unwrap() },
        ];
        doc
    }

    #[test]
    fn he_in_the_next_sentence_is_the_previous_subject() {
        let words = ["Senator", "Reed", "met", "Jones", ".", "He", "demanded", "a", "vote", "."];
        let arcs = [
            (2, "compound", Propn), (3, "nsubj", Propn), (0, "root", Verb), (3, "obj", Propn), (3, "punct", Punct),
            (7, "nsubj", Pron), (0, "root", Verb), (9, "det", Det), (7, "obj", Noun), (7, "punct", Punct),
        ];
        let mut doc = two_sentences(parsed(&words, &arcs), 5);
        person(&mut doc, "Senator Reed", "Jack Reed");
        person(&mut doc, "Jones", "Ann Jones");
        annotate(&mut doc);
        assert_eq!(resolved(&doc), [("He", "Jack Reed")]);
    }

    #[test]
    fn an_object_pronoun_is_never_its_own_verbs_subject() {
        // "Reed said Jones praised him": him = Reed, not Jones
        let words = ["Reed", "said", "Jones", "praised", "him", "."];
        let arcs = [(2, "nsubj", Propn), (0, "root", Verb), (4, "nsubj", Propn), (2, "ccomp", Verb), (4, "obj", Pron), (2, "punct", Punct)];
        let mut doc = parsed(&words, &arcs);
        person(&mut doc, "Reed", "Jack Reed");
        person(&mut doc, "Jones", "Ann Jones");
        annotate(&mut doc);
        assert_eq!(resolved(&doc), [("him", "Jack Reed")]);
    }

    #[test]
    fn no_person_before_means_no_antecedent() {
        // "it" is never resolved, and "she" with no person named before stays unresolved
        let words = ["She", "said", "it", "failed", "."];
        let arcs = [(2, "nsubj", Pron), (0, "root", Verb), (4, "nsubj", Pron), (2, "ccomp", Verb), (2, "punct", Punct)];
        let mut doc = parsed(&words, &arcs);
        annotate(&mut doc);
        assert!(resolved(&doc).is_empty());
    }
}
