//! Modality from the tree for an act told as the to-infinitive complement of
//! another word: "advises Obama **to close** the border", "pressed the ministry
//! **to reopen** talks", "tried to arrange for him **to surrender**" — the
//! governing word says whether the act is demanded, planned or only wished,
//! however many words stand between them (the positional cues of `cues.tsv`
//! look six words back). A purpose infinitive ("will meet on Tuesday **to
//! discuss** …") takes the plan of the act it serves. The governing words are
//! the `governor` rows of `data/events/cues.tsv`.

use chronicle_core::{Modality, Span, Upos};

use super::dating::{has_future_aux, parsed_trigger};
use super::{Ctx, Trig};
use crate::lexicon::Lexicon;

/// Relations by which a to-infinitive completes the word above it (parsers
/// attach object-control complements as `xcomp` or `advcl`; a noun's as `acl`).
const COMPLEMENT_RELS: &[&str] = &["xcomp", "advcl", "ccomp", "acl"];

/// The modality a to-infinitive trigger takes from the word it completes, with
/// a note; `None` when the trigger is not such an infinitive, or its governor
/// says nothing.
pub(super) fn complement_modality(lex: &Lexicon, ctx: &Ctx, trig: &Trig) -> Option<(Modality, String)> {
    let (tree, mut v) = parsed_trigger(ctx, trig)?;
    if super::arguments::be_to_blame(tree, v) {
        return None;
    }
    if let Some(told) = content_modality(lex, tree, v) {
        return Some(told);
    }
    // climb a chain of infinitives ("tried to arrange for him to surrender")
    for _ in 0..4 {
        if tree.upos(v) != Some(Upos::Verb) || !tree.has_mark(v, "to") || !COMPLEMENT_RELS.contains(&tree.base_rel(v)) {
            return None;
        }
        let h = tree.head(v)?;
        if let Some(cue) = lex.cues.iter().find(|c| c.governor && c.text.eq_ignore_ascii_case(tree.lemma(h))) {
            return Some((cue.modality, format!("{} (complement of '{}')", cue.modality.as_str(), tree.word(h))));
        }
        // a purpose infinitive of an act told as still to come
        if tree.base_rel(v) == "advcl" && tree.upos(h) == Some(Upos::Verb) && has_future_aux(tree, h) {
            return Some((Modality::Planned, format!("planned (purpose of '{}')", tree.word(h))));
        }
        v = h;
    }
    None
}

/// The modality a word of denial gives the clause it governs (`content`
/// rows of `cues.tsv`): the act is the that-clause or gerund complement of
/// the word — the trigger's own clause, or that of the verb an event noun
/// is an argument of ("denied that troops had attacked the post", "denied
/// attacking it", "denies there were any discussions"). What is denied is
/// told as not having happened.
fn content_modality(lex: &Lexicon, tree: &chronicle_syntax::tree::Tree, t: usize) -> Option<(Modality, String)> {
    let clause = tree.ancestors(t).into_iter().take(4).find(|&n| tree.upos(n) == Some(Upos::Verb) || matches!(tree.base_rel(n), "ccomp" | "xcomp" | "advcl"))?;
    if !matches!(tree.base_rel(clause), "ccomp" | "xcomp" | "advcl") || tree.has_mark(clause, "to") {
        return None;
    }
    let h = tree.head(clause)?;
    let cue = lex.cues.iter().find(|c| c.content && c.text.eq_ignore_ascii_case(tree.lemma(h)))?;
    Some((cue.modality, format!("{} (what '{}' says)", cue.modality.as_str(), tree.word(h))))
}

/// True when the trigger's clause is what a verb of saying in the past tense
/// or a perfect reports ("Obama said he would meet BP executives", "had
/// announced it would appeal"): there "would" is the
/// future of that telling, a plan, not a condition — unless an "if" clause
/// makes it one.
pub(super) fn future_of_past_telling(ctx: &Ctx, trig: &Trig) -> bool {
    let Some((tree, t)) = parsed_trigger(ctx, trig) else { return false };
    if tree.tokens().any(|n| tree.word(n).eq_ignore_ascii_case("if") || tree.word(n).eq_ignore_ascii_case("unless")) {
        return false;
    }
    tree.ancestors(t).into_iter().take(5).any(|n| {
        REPORTED_RELS.contains(&tree.base_rel(n)) && tree.head(n).is_some_and(|h| told_before(tree, h) && super::arguments::is_reporting(tree.lemma(h)))
    })
}

/// True when verb `h` is told as past: a simple past ("announced") or a
/// perfect ("had announced", "has said").
fn told_before(tree: &chronicle_syntax::tree::Tree, h: usize) -> bool {
    tree.xpos(h) == "VBD" || (tree.xpos(h) == "VBN" && tree.children(h).into_iter().any(|c| tree.base_rel(c) == "aux" && tree.lemma(c) == "have"))
}

/// Relations by which a reporting verb's clause holds what it reports:
/// "said (that) Moscow accused …", "Moscow accused, officials said".
const REPORTED_RELS: &[&str] = &["ccomp", "parataxis", "csubj"];

/// True unless the tree shows that the indirect quote cued at `cue` does not
/// report the trigger: the trigger hangs below the cue by an object, an
/// adjunct, an unmarked participle or the speaker's own infinitive ("issued
/// statements condemning X", "criticised the address, with Steele accusing
/// Y", "pledged to sue, alleging …") — the cue's own act and its
/// circumstances, told in the outlet's voice, not a claim the cue's speaker
/// makes. A clause the cue reports ("said Moscow accused …") or its "of"
/// complement ("accused Russia of shelling") is reported. Without a tree, or
/// when the cue is not above the trigger, nothing is known and the quote
/// stands.
pub(super) fn reports_trigger(ctx: &Ctx, trig: &Trig, cue: Span) -> bool {
    let Some((tree, t)) = parsed_trigger(ctx, trig) else { return true };
    let path = tree.ancestors(t);
    let Some(at) = path.iter().position(|&n| cue.contains(ctx.doc.tokens[n].span)) else { return true };
    let Some(&below) = at.checked_sub(1).and_then(|i| path.get(i)) else { return true };
    let rel = tree.base_rel(below);
    REPORTED_RELS.contains(&rel) || (matches!(rel, "advcl" | "acl") && tree.has_mark(below, "of"))
}

#[cfg(test)]
mod tests {
    use crate::coder::dating::tests::{parsed, triggered};
    use crate::coder::tests::coded;
    use chronicle_core::{EntityType::Location, Modality, Upos::*};

    /// The modality coded for the event whose trigger contains `word`.
    fn modality_of(doc: &chronicle_core::Document, word: &str) -> (Modality, String) {
        let e = triggered(doc, word);
        (e.modality, e.rule.clone())
    }

    #[test]
    fn a_chain_of_infinitives_takes_the_nearest_governing_word() {
        // "tried to arrange for Moldova to free the prisoners": the freeing is arranged
        // (planned); "tried" governs nothing (an attempt happened)
        let doc = coded(parsed(
            "Ruritania tried to arrange for Moldova to free the prisoners .",
            &[
                (2, "nsubj", Propn, "NNP", ""), (0, "root", Verb, "VBD", "try"), (4, "mark", Part, "TO", "to"),
                (2, "xcomp", Verb, "VB", "arrange"), (6, "case", Adp, "IN", ""), (4, "obl", Propn, "NNP", ""),
                (8, "mark", Part, "TO", "to"), (4, "advcl", Verb, "VB", ""), (10, "det", Det, "DT", ""),
                (8, "obj", Noun, "NNS", "prisoner"), (2, "punct", Punct, ".", ""),
            ],
            &[("Ruritania", Location, Some("RUR")), ("Moldova", Location, Some("MDA"))],
        ));
        let (m, rule) = modality_of(&doc, "free");
        assert_eq!(m, Modality::Planned, "{rule}");
        assert!(rule.contains("complement of 'arrange'"), "{rule}");
    }

    #[test]
    fn an_infinitive_of_a_word_that_governs_nothing_keeps_its_own_modality() {
        // "came to free": "come" is no governing word, and nothing is to come
        let doc = coded(parsed(
            "Ruritania came to free the prisoners .",
            &[
                (2, "nsubj", Propn, "NNP", ""), (0, "root", Verb, "VBD", "come"), (4, "mark", Part, "TO", "to"),
                (2, "xcomp", Verb, "VB", ""), (6, "det", Det, "DT", ""), (4, "obj", Noun, "NNS", "prisoner"),
                (2, "punct", Punct, ".", ""),
            ],
            &[("Ruritania", Location, Some("RUR"))],
        ));
        let (m, rule) = modality_of(&doc, "free");
        assert_eq!(m, Modality::Asserted, "{rule}");
    }

    #[test]
    fn be_with_a_to_infinitive_is_an_arrangement_still_to_come() {
        // "Ruritania's envoy is to meet Moldova's foreign minister": planned, not told as done
        let doc = coded(parsed(
            "Ruritania is to meet Moldova on Friday .",
            &[
                (2, "nsubj", Propn, "NNP", ""), (0, "root", Aux, "VBZ", "be"), (4, "mark", Part, "TO", "to"),
                (2, "xcomp", Verb, "VB", "meet"), (4, "obj", Propn, "NNP", ""), (7, "case", Adp, "IN", ""),
                (4, "obl", Propn, "NNP", ""), (2, "punct", Punct, ".", ""),
            ],
            &[("Ruritania", Location, Some("RUR")), ("Moldova", Location, Some("MDA"))],
        ));
        let (m, rule) = modality_of(&doc, "meet");
        assert_eq!(m, Modality::Planned, "{rule}");
        assert!(rule.contains("complement of 'is'"), "{rule}");
    }
}
