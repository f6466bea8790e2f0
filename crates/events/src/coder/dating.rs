//! Event dating: the day an event took place, as far as its sentence and
//! the publication date tell — the sentence's time nearest the trigger (each
//! of several coordinated days), skipping a year that dates another noun;
//! else, from the tense, bounds at the publication date; else unknown.

use std::sync::LazyLock;

use chronicle_core::{Document, Modality, Span, TimeExpr, TimeType, UncertainDate};
use chronicle_syntax::tree::Tree;

use super::{Ctx, Trig};

const DATING_TSV: &str = include_str!("../../../../data/events/dating.tsv");

/// The word groups of `data/events/dating.tsv`.
#[derive(Default)]
struct Words {
    future_aux: Vec<String>,
    future_to: Vec<String>,
    after: Vec<String>,
    before: Vec<String>,
    reported: Vec<String>,
    clause: Vec<String>,
    occasion: Vec<String>,
    same: Vec<String>,
    purpose: Vec<String>,
    reason: Vec<String>,
    deadline: Vec<String>,
    possible: Vec<String>,
    relative: Vec<String>,
    asked: Vec<String>,
    implicative: Vec<String>,
    estimate: Vec<String>,
}

impl Words {
    /// The groups, and the lines that could not be read ("line N: why").
    fn parse(text: &str) -> (Words, Vec<String>) {
        let mut w = Words::default();
        let mut problems = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let Some((group, list)) = line.split_once('\t') else {
                problems.push(format!("line {}: no tab", n + 1));
                continue;
            };
            let slot = match group.trim() {
                "future_aux" => &mut w.future_aux,
                "future_to" => &mut w.future_to,
                "after" => &mut w.after,
                "before" => &mut w.before,
                "reported" => &mut w.reported,
                "clause" => &mut w.clause,
                "occasion" => &mut w.occasion,
                "same" => &mut w.same,
                "purpose" => &mut w.purpose,
                "reason" => &mut w.reason,
                "deadline" => &mut w.deadline,
                "possible" => &mut w.possible,
                "relative" => &mut w.relative,
                "asked" => &mut w.asked,
                "implicative" => &mut w.implicative,
                "estimate" => &mut w.estimate,
                other => {
                    problems.push(format!("line {}: unknown group '{other}'", n + 1));
                    continue;
                }
            };
            slot.extend(list.split(',').map(|x| x.trim().to_string()).filter(|x| !x.is_empty()));
        }
        (w, problems)
    }
}

static WORDS: LazyLock<Words> = LazyLock::new(|| Words::parse(DATING_TSV).0);

fn listed(group: &[String], word: &str) -> bool {
    group.iter().any(|g| g.eq_ignore_ascii_case(word))
}

/// The head of the trigger's words in the sentence's tree ("attack" of
/// "drone attack"): the one whose head lies outside them.
fn trigger_token(ctx: &Ctx, tree: &Tree, trig: &Trig) -> Option<usize> {
    let start = ctx.toks.get(trig.start)?.start;
    let end = ctx.toks.get(trig.end.checked_sub(1)?)?.end;
    let words: Vec<usize> = tree.tokens().filter(|&t| ctx.doc.tokens[t].span.start() >= start && ctx.doc.tokens[t].span.end() <= end).collect();
    words.iter().copied().find(|&t| tree.head(t).is_none_or(|h| !words.contains(&h))).or(words.first().copied())
}

/// `Some(true)` when the trigger is told as still to come: its predicate — or one
/// it is the subject, object or complement of, up to the edge of its clause —
/// has a future auxiliary ("will be held"), or is the to-infinitive of a
/// future-making word not in the past tense ("is to meet", "is due to meet",
/// "is expected to be a topic of discussion"). `Some(false)` when the tree
/// says it is not: "was due to meet", or an event noun in a phrase other than
/// the occasion's under a future verb ("will look into a request": the
/// request came first). `None` when the words say nothing (the modality
/// decides). Without a tree, "will"/"shall" or "is to"/"are to" right
/// before the trigger, or nothing.
fn is_future(ctx: &Ctx, trig: &Trig) -> Option<bool> {
    let w = &*WORDS;
    let Some(tree) = ctx.tree.as_ref().filter(|t| t.is_parsed()) else {
        let lo = trig.start.saturating_sub(3);
        let future = (lo..trig.start).any(|j| listed(&w.future_aux, ctx.word(j)))
            || (trig.start >= 2 && ctx.word(trig.start - 1) == "to" && matches!(ctx.word(trig.start - 2), "is" | "are"));
        return future.then_some(true);
    };
    let t = trigger_token(ctx, tree, trig)?;
    // "is to blame" is a state now, no plan
    if super::arguments::be_to_blame(tree, t) {
        return Some(false);
    }
    let past = |h: usize| {
        tree.xpos(h) == "VBD" || tree.children(h).into_iter().any(|c| matches!(tree.base_rel(c), "aux" | "cop") && tree.xpos(c) == "VBD")
    };
    // an event noun in a prepositional phrase other than the occasion's, below
    // the future form ("will look into a request"), was there before the act
    let mut prior = false;
    for n in tree.ancestors(t).into_iter().take(8) {
        let kids = tree.children(n);
        if kids.iter().any(|&c| tree.base_rel(c) == "aux" && listed(&w.future_aux, tree.lemma(c))) {
            return Some(!prior);
        }
        let to = kids.iter().any(|&c| tree.base_rel(c) == "mark" && tree.lemma(c) == "to");
        if to {
            // "is to meet" read as an auxiliary "is" on "meet"
            if kids.iter().any(|&c| tree.base_rel(c) == "aux" && tree.lemma(c) == "be" && matches!(tree.xpos(c), "VBZ" | "VBP")) {
                return Some(!prior);
            }
            if let Some(h) = tree.head(n).filter(|&h| tree.base_rel(n) == "xcomp" && listed(&w.future_to, tree.lemma(h))) {
                return Some(!past(h) && !prior);
            }
            // "seems unlikely to ban": a forecast is of what is to come — the act forecast,
            // not a noun it governs ("likely to overshadow the visit")
            if n == t && estimated(tree, n) {
                return Some(true);
            }
        }
        if listed(&w.clause, tree.base_rel(n)) && tree.base_rel(n) != "xcomp" {
            break;
        }
        // (one the future act comes before — "will meet on Monday before a summit" —
        // is later still; with no future form above, the noun tells nothing of its
        // time: "pledged $10m in aid" is the pledge's content)
        let nominal = matches!(tree.upos(n), Some(chronicle_core::Upos::Noun | chronicle_core::Upos::Propn));
        if nominal && tree.base_rel(n) == "obl" && !tree.case_of(n).is_some_and(at_or_ahead) {
            prior = true;
        }
    }
    None
}

/// True when the trigger's act is the to-infinitive of a word of the
/// writer's estimate (`estimate` in `dating.tsv`: "is likely to meet",
/// "seems unlikely to ban"): a forecast, not what its actor announces.
pub(super) fn forecast(ctx: &Ctx, trig: &Trig) -> bool {
    let Some((tree, t)) = parsed_trigger(ctx, trig) else { return false };
    tree.ancestors(t).into_iter().take(3).any(|n| estimated(tree, n))
}

/// True when `n` is the to-infinitive complement of a word of estimate.
fn estimated(tree: &Tree, n: usize) -> bool {
    tree.base_rel(n) == "xcomp" && tree.has_mark(n, "to") && tree.head(n).is_some_and(|h| listed(&WORDS.estimate, &tree.lemma(h).to_lowercase()))
}

/// True when the tree tells the trigger's act as still to come ("is to
/// triple its aid", "will be held"): see [`is_future`].
/// An event noun counts only as the future verb's object or occasion ("is
/// to triple its aid", "will speak at a meeting"), or as what it comes
/// before ("will meet on Monday before a summit"): one in its subject or in
/// another noun's phrase ("Mexico's withdrawal will be cheered", "the role
/// in the release will come up") may have happened already.
pub(super) fn told_as_future(ctx: &Ctx, trig: &Trig) -> bool {
    let Some((tree, t)) = parsed_trigger(ctx, trig) else { return false };
    let nominal = matches!(tree.upos(t), Some(chronicle_core::Upos::Noun | chronicle_core::Upos::Propn));
    let occasion = tree.base_rel(t) == "obl" && tree.case_of(t).is_some_and(at_or_ahead);
    (!nominal || tree.base_rel(t) == "obj" || occasion) && is_future(ctx, trig) == Some(true)
}

/// True for the preposition of an event noun a future act takes place at
/// (`occasion`: "will speak at a meeting") or comes before (`before`: "will
/// meet on Monday before a summit"): that noun's event is still to come too.
fn at_or_ahead(case: &str) -> bool {
    listed(&WORDS.occasion, case) || listed(&WORDS.before, &case.to_lowercase())
}

/// The sentence's tree, when parsed, and the trigger's head token in it.
pub(super) fn parsed_trigger<'t, 'a>(ctx: &'t Ctx<'a>, trig: &Trig) -> Option<(&'t Tree<'a>, usize)> {
    let tree = ctx.tree.as_ref().filter(|t| t.is_parsed())?;
    Some((tree, trigger_token(ctx, tree, trig)?))
}

/// True when the trigger is a verb told in the past or the perfect ("ordered
/// … until 6 May", "has asked … by May 18", "was convicted of blowing up …,
/// killing 270"): it happened, whatever later day its clause names (a
/// deadline, a misread date).
pub(super) fn verb_told_as_past(ctx: &Ctx, trig: &Trig) -> bool {
    let Some((tree, t)) = parsed_trigger(ctx, trig) else { return false };
    if tree.upos(t) != Some(chronicle_core::Upos::Verb) {
        return false;
    }
    // the verb itself, or the verb whose clause a subjectless participle or gerund completes
    let participle = matches!(tree.xpos(t), "VBG" | "VBN")
        && matches!(tree.base_rel(t), "advcl" | "xcomp" | "acl")
        && !tree.children(t).into_iter().any(|c| tree.base_rel(c) == "nsubj");
    let past = |v: usize| told_as_past(tree, v) && !has_future_aux(tree, v);
    past(t) || (participle && tree.head(t).is_some_and(|h| tree.upos(h) == Some(chronicle_core::Upos::Verb) && past(h)))
}

/// True when verb `v` carries a future auxiliary ("will meet").
pub(super) fn has_future_aux(tree: &Tree, v: usize) -> bool {
    tree.children(v).into_iter().any(|c| tree.base_rel(c) == "aux" && listed(&WORDS.future_aux, tree.lemma(c)))
}

/// True when the trigger's verb, or a verb its to-infinitive completes
/// ("could seek to fine"), carries a modal of possibility (`possible` in
/// `dating.tsv`: "could sue", "might pull out", "may be asked") without a
/// perfect "have" ("could have stopped" looks back): what may yet happen
/// has not happened when it is told.
fn possible_later(ctx: &Ctx, trig: &Trig) -> bool {
    let Some((tree, t)) = parsed_trigger(ctx, trig) else { return false };
    let w = &*WORDS;
    for n in tree.ancestors(t).into_iter().take(6) {
        let auxes: Vec<usize> = tree.children(n).into_iter().filter(|&c| tree.base_rel(c) == "aux").collect();
        if auxes.iter().any(|&a| listed(&w.possible, &tree.lemma(a).to_lowercase())) {
            return !auxes.iter().any(|&a| tree.lemma(a) == "have");
        }
        if listed(&w.clause, tree.base_rel(n)) && tree.base_rel(n) != "xcomp" {
            break;
        }
    }
    false
}

/// True when the verb above the trigger — the demand or offer it completes —
/// is told in the present ("advises Obama to close", "are pressing him to
/// resign"): what it asks for is still to come when the article is written.
fn asked_now(ctx: &Ctx, trig: &Trig) -> bool {
    let Some((tree, t)) = parsed_trigger(ctx, trig) else { return false };
    let Some(v) = tree.ancestors(t).into_iter().skip(1).take(4).find(|&n| tree.upos(n) == Some(chronicle_core::Upos::Verb)) else {
        return false;
    };
    let auxes: Vec<usize> = tree.children(v).into_iter().filter(|&c| tree.base_rel(c) == "aux").collect();
    let present = |x: usize| matches!(tree.xpos(x), "VBZ" | "VBP");
    let past_or_perfect = auxes.iter().any(|&a| tree.xpos(a) == "VBD" || tree.lemma(a) == "have");
    !past_or_perfect && !has_future_aux(tree, v) && (present(v) || (tree.xpos(v) == "VBG" && auxes.iter().any(|&a| present(a))))
}

/// True when the trigger is a verb in the simple present with no auxiliary,
/// outside a clause told by a past verb: news tells the day's acts so
/// ("Clinton urges Americans to donate", a headline's "Obama visits the
/// Gulf"), so the act is on the publication day or, for a headline written
/// overnight, the day before.
fn told_in_present(ctx: &Ctx, trig: &Trig) -> bool {
    let Some((tree, v)) = parsed_trigger(ctx, trig) else { return false };
    let bare = tree.upos(v) == Some(chronicle_core::Upos::Verb)
        && matches!(tree.xpos(v), "VBZ" | "VBP")
        && !tree.children(v).into_iter().any(|c| matches!(tree.base_rel(c), "aux" | "mark"));
    // "said that Iran supports": the present of a past telling
    let told_by_past = tree.head(v).is_some_and(|h| listed(&WORDS.reported, tree.base_rel(v)) && tree.xpos(h) == "VBD");
    bare && !told_by_past
}

/// True when the trigger's verb (an event noun's: the first verb above it)
/// is a present progressive, "are providing", "has been touring": an act
/// going on when the article was written.
fn going_on(ctx: &Ctx, trig: &Trig) -> bool {
    let Some(tree) = ctx.tree.as_ref().filter(|t| t.is_parsed()) else { return false };
    let Some(t) = trigger_token(ctx, tree, trig) else { return false };
    // "is sending ships at the request of the UN": the request came before
    if super::arguments::in_circumstances(tree, tree.first_conjunct(t)) {
        return false;
    }
    let Some(mut v) = tree.ancestors(t).into_iter().take(5).find(|&n| tree.upos(n) == Some(chronicle_core::Upos::Verb)) else {
        return false;
    };
    let aux_of = |v: usize| -> Vec<usize> { tree.children(v).into_iter().filter(|&c| tree.base_rel(c) == "aux").collect() };
    // a bare participle takes the time of the clause it hangs on ("troops are
    // escorting agencies delivering aid")
    if tree.xpos(v) == "VBG" && aux_of(v).is_empty() && tree.base_rel(v) == "acl" {
        match tree.head(v).map(|h| clause_of(tree, h)) {
            Some(c) if c != v => v = c,
            _ => return false,
        }
    }
    let auxes = aux_of(v);
    let present = |c: usize| matches!(tree.xpos(c), "VBZ" | "VBP");
    let be_now = auxes.iter().any(|&c| tree.lemma(c) == "be" && present(c));
    let been = auxes.iter().any(|&c| tree.lemma(c) == "be" && tree.xpos(c) == "VBN") && auxes.iter().any(|&c| tree.lemma(c) == "have" && present(c));
    tree.xpos(v) == "VBG" && (be_now || been)
}

/// How a time expression of the sentence bears on the trigger's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reach {
    /// It dates the trigger: in the trigger's clause, attached to it or its
    /// clause head, or to a verb coordinated with that head.
    Own,
    /// It dates a clause after whose act the trigger's happened ("after
    /// striking down the ban on Tuesday, the judge rejected …").
    Earliest,
    /// It dates an act on or before which the trigger's happened: a clause
    /// before whose act it happened, or the telling of a past act ("said on
    /// Monday that troops had fired").
    Latest,
    /// It is the latest day of the act, whatever its tense: a time after
    /// "until" or "before" in the act's own clause ("will hold consultations
    /// until mid-February", "shelled the city until May 5").
    Deadline,
    /// It is the day by which an act still to come is due ("will decide by
    /// Friday"); for an act told as done it is the due day of what the act
    /// asked or promised ("asked Shell for information by May 18"), not the
    /// act's.
    Due,
    /// It dates something else: another noun ("last Tuesday's earthquake"),
    /// another clause ("said yesterday it was unfair" for the criticism told
    /// beside it), a caption before the sentence.
    Other,
}

/// The head of the clause `t` is in: the first of `t` and its heads that is
/// a verb or opens a clause (`clause` in `dating.tsv`).
fn clause_of(tree: &Tree, t: usize) -> usize {
    let w = &*WORDS;
    tree.ancestors(t)
        .into_iter()
        .find(|&n| tree.upos(n) == Some(chronicle_core::Upos::Verb) || listed(&w.clause, tree.base_rel(n)))
        .unwrap_or(t)
}

/// The clause heads from `c` up to the root: `c`, the clause its head is in, …
fn clause_chain(tree: &Tree, c: usize) -> Vec<usize> {
    let mut out = vec![c];
    let mut cur = c;
    while let Some(h) = tree.head(cur) {
        let next = clause_of(tree, h);
        if out.contains(&next) || out.len() > 32 {
            break;
        }
        out.push(next);
        cur = next;
    }
    out
}

/// "April 29 - Obama pledges …": a time that opens the sentence and is
/// followed by a dash or a colon heads a timeline's entry, whatever the
/// parser made of it (it may hang the date on the subject's name).
fn heads_entry(tree: &Tree, inside: &[usize]) -> bool {
    let (Some(&first), Some(&last)) = (inside.iter().min(), inside.iter().max()) else { return false };
    first == tree.tokens().start && tree.heading_mark() == Some(last + 1)
}

/// Where the time expression `time` stands to the trigger token `trigger` in
/// the tree: a time dates an act only in that act's own clause — or, when
/// `purpose` (the act is told as done or planned), in the clause its
/// to-infinitive serves ("will meet on Tuesday to discuss").
fn reach(tree: &Tree, doc: &Document, trigger: usize, time: Span, purpose: bool) -> Reach {
    let (inside, head) = time_tokens(tree, doc, time);
    let Some(head) = head else { return Reach::Own };
    match clause_reach(tree, trigger, &inside, head, purpose) {
        Reach::Own => bound_by_preposition(tree, head),
        r => r,
    }
}

/// A time that dates the act's clause, read with its preposition: after
/// "after", "since" or "following" it is the act's earliest day ("attacked
/// the city after May 5"), after "before", "until" or "till" its latest
/// ("shelled it until May 5"), after "by" the day it is due ("will decide by
/// Friday"); otherwise its day. "Did not meet until Monday" met on Monday: a
/// negated clause keeps it.
fn bound_by_preposition(tree: &Tree, head: usize) -> Reach {
    let w = &*WORDS;
    let Some(case) = tree.case_of(head).map(str::to_lowercase) else { return Reach::Own };
    // "did not begin until Monday", "it was not until 1981 that …": on the time or its verb
    let verb = tree.ancestors(head).into_iter().skip(1).find(|&n| tree.upos(n) == Some(chronicle_core::Upos::Verb));
    let negated = [Some(head), verb].into_iter().flatten().any(|n| {
        tree.children(n).into_iter().any(|c| tree.base_rel(c) == "advmod" && matches!(tree.lemma(c).to_lowercase().as_str(), "not" | "n't" | "never"))
    });
    if listed(&w.after, &case) {
        Reach::Earliest
    } else if !negated && listed(&w.before, &case) {
        Reach::Deadline
    } else if !negated && listed(&w.deadline, &case) {
        Reach::Due
    } else {
        Reach::Own
    }
}

/// The noun a time modifies when that noun is the occasion of a clause, an
/// oblique after "at" or "during" (`occasion`): "during Thursday's hearing",
/// "at Monday's summit". `head` is the time's head token.
fn occasion_of_time(tree: &Tree, head: usize) -> Option<usize> {
    let w = &*WORDS;
    let n = tree.head(head).filter(|_| matches!(tree.deprel(head), "nmod:poss" | "compound" | "amod" | "nummod"))?;
    (tree.base_rel(n) == "obl" && tree.case_of(n).is_some_and(|c| listed(&w.occasion, &c.to_lowercase()))).then_some(n)
}

/// True when the time expression `time` dates a noun that is the object or
/// an oblique of the trigger `k` ("condemned Sunday's attack", "an
/// investigation into Friday's fire"): what a reaction answers came first.
fn reacted_to(tree: &Tree, doc: &Document, k: usize, time: Span) -> bool {
    let Some(head) = time_tokens(tree, doc, time).1 else { return false };
    let noun = tree.head(head).filter(|_| matches!(tree.deprel(head), "nmod:poss" | "compound" | "amod" | "nummod"));
    noun.is_some_and(|n| n != k && tree.head(n) == Some(k) && matches!(tree.base_rel(n), "obj" | "obl" | "nmod"))
}

/// [`occasion_of_time`] for the time expression `time` of the document.
fn occasion_noun(tree: &Tree, doc: &Document, time: Span) -> Option<usize> {
    occasion_of_time(tree, time_tokens(tree, doc, time).1?)
}

/// The tokens of the time expression `time` in the tree, and the one of them
/// whose head lies outside it (none when the time covers no token).
fn time_tokens(tree: &Tree, doc: &Document, time: Span) -> (Vec<usize>, Option<usize>) {
    let inside: Vec<usize> = tree.tokens().filter(|&t| time.contains(doc.tokens[t].span)).collect();
    let head = inside.iter().copied().find(|&t| tree.head(t).is_none_or(|h| !inside.contains(&h)));
    (inside, head)
}

/// Where the time whose tokens are `inside` (headed by `head`) stands to the
/// trigger's clause: see [`reach`].
fn clause_reach(tree: &Tree, trigger: usize, inside: &[usize], head: usize, purpose: bool) -> Reach {
    let w = &*WORDS;
    // the trigger's own words, a time heading the sentence ("June 10 - the
    // minister says …", a timeline's entry), or a time inside an event noun's
    // phrase ("the summit, which is to be held in June")
    let nominal = |t: usize| matches!(tree.upos(t), Some(chronicle_core::Upos::Noun | chronicle_core::Upos::Propn));
    if inside.contains(&trigger) || tree.base_rel(head) == "root" || heads_entry(tree, inside) {
        return Reach::Own;
    }
    if nominal(trigger) && tree.ancestors(head).contains(&trigger) {
        // "his third visit since the rig exploded April 20": a time clause on
        // the event noun bounds it, as it would a verb's
        let clause = clause_of(tree, head);
        let timed = clause != trigger && tree.ancestors(clause).contains(&trigger);
        return match mark_of(tree, clause).filter(|_| timed) {
            Some(m) if listed(&w.after, &m) => Reach::Earliest,
            Some(m) if listed(&w.before, &m) => Reach::Latest,
            _ => Reach::Own,
        };
    }
    // a time modifying a noun before it ("last Tuesday's earthquake", "the
    // 2022 invasion") dates that noun — unless the noun's preposition stands
    // before the time ("stressed on Sunday BP was …" read as "on [Sunday
    // BP]"): a preposition opens its phrase, so the time is the phrase
    let mut head = head;
    if tree.head(head).is_some_and(nominal) && matches!(tree.deprel(head), "nmod:poss" | "compound" | "amod" | "nummod") && !misread_compound(tree, head) {
        // … unless that noun is the occasion of a clause ("during Thursday's hearing, X
        // apologised", "at Monday's summit X pledged"): the occasion's day is the clause's
        // — for that clause's own act, or one in a clause of the same time right below it
        // ("stunned lawmakers when he apologised"), not for acts told deeper down
        let Some(n) = occasion_of_time(tree, head).filter(|&n| n != trigger) else { return Reach::Other };
        let (occasion_clause, trig_clause) = (clause_of(tree, n), clause_of(tree, trigger));
        let same_time_below = tree.head(trig_clause) == Some(occasion_clause)
            && tree.base_rel(trig_clause) == "advcl"
            && mark_of(tree, trig_clause).is_some_and(|m| listed(&w.same, &m));
        if occasion_clause != trig_clause && !same_time_below {
            return Reach::Other;
        }
        head = n;
    }
    let time_clause = clause_of(tree, head);
    let trig_clause = clause_of(tree, trigger);
    // the clause is a relative on the time itself: "in 1991, when Iraqi
    // forces destroyed the wells", "the day the talks collapsed"
    let on_the_time = |c: usize| tree.head(c).is_some_and(|h| inside.contains(&h)) && (listed(&w.relative, tree.deprel(c)) || listed(&w.relative, tree.base_rel(c)));
    if on_the_time(trig_clause) {
        return Reach::Own;
    }
    if time_clause == trig_clause || tree.first_predicate(time_clause) == tree.first_predicate(trig_clause) {
        return Reach::Own;
    }
    // coordinated predicates in one tense are one clause for the times of
    // the clauses around them ("commended them Sunday and said the U.S.
    // remains committed"); "headed the EPA and now serves" are two times
    let same = |a: usize, b: usize| a == b || (tree.first_predicate(a) == tree.first_predicate(b) && told_as_past(tree, a) == told_as_past(tree, b));
    // the time's clause below the trigger's: a time clause ("after …") bounds it
    let down = clause_chain(tree, time_clause);
    // only a time in the clause right below: one deeper ("to address the
    // disaster, which began when the rig sank on 20 April") dates that clause
    if down.get(1).is_some_and(|&c| same(c, trig_clause)) {
        // a participle's own time, not one inside its object ("setting a court date of 22 March")
        if simultaneous_participle(tree, time_clause) && tree.head(head) != Some(time_clause) {
            return Reach::Other;
        }
        return below(tree, time_clause, trig_clause, purpose);
    }
    // the trigger's clause below the time's: told by the dated act (a state
    // told in the present holds on that day), or planned on it ("agreed on
    // Monday to meet")
    let up = clause_chain(tree, trig_clause);
    // a relative or past-participle clause on a noun between them tells that
    // noun's own act ("refused on Thursday to review the decisions that lifted
    // the ban": the lifting came before); a present participle describes the
    // noun as it is then ("said Wednesday that planes carrying aid …")
    let through_noun = |i: usize| up[..i.saturating_sub(1)].iter().any(|&c| tree.base_rel(c) == "acl" && tree.xpos(c) != "VBG");
    let at = up.iter().position(|&c| same(c, time_clause)).filter(|&i| !through_noun(i));
    if let Some((i, k)) = at.and_then(|i| i.checked_sub(1)).map(|i| (i, up[i])) {
        if listed(&w.reported, tree.base_rel(k)) {
            // "warned Sunday that the spill is a disaster, as he pledged …": a clause of the same
            // time set off by a comma at the end tells the sayer's own circumstances, wherever
            // the parser hung it
            if up[..=i].iter().any(|&c| same_time_aside(tree, c)) {
                return Reach::Own;
            }
            return if told_as_past(tree, trig_clause) { Reach::Latest } else { Reach::Own };
        }
        // "agreed on Monday to meet": planned then, done after; "managed in
        // June to agree": a verb of doing or trying does its complement then
        if tree.base_rel(k) == "xcomp" {
            let doing = tree.head(k).is_some_and(|h| listed(&w.implicative, &tree.lemma(h).to_lowercase()));
            return if doing { Reach::Own } else { Reach::Earliest };
        }
        // the trigger's act in a time clause of the dated one: "on May 26 he
        // spoke after Moscow launched an attack" puts the attack before it
        if tree.base_rel(k) == "advcl" {
            return match mark_of(tree, k) {
                Some(m) if listed(&w.after, &m) => Reach::Latest,
                Some(m) if listed(&w.before, &m) => Reach::Earliest,
                Some(m) if listed(&w.same, &m) => Reach::Own,
                // the to-infinitive of the dated act: its purpose, else what it asks for
                Some(m) if listed(&w.purpose, &m) => if purpose { Reach::Own } else { Reach::Earliest },
                // "on Monday he toured the coast, praising the crews": a present participle at its time
                None if simultaneous_participle(tree, k) => Reach::Own,
                _ => Reach::Other,
            };
        }
    }
    Reach::Other
}

/// The subordinator of clause `k` ("after", "when"), lower-case: the first
/// of its markers that a time group of `dating.tsv` lists, else its first.
/// UD makes a wh-subordinator an adverb of its clause ("when Iraqi forces
/// destroyed the wells": `advmod`); such an adverb counts when a time group
/// lists it.
fn mark_of(tree: &Tree, k: usize) -> Option<String> {
    let w = &*WORDS;
    let timed = |m: &String| [&w.after, &w.before, &w.same].iter().any(|g| listed(g, m));
    let kids = tree.children(k);
    let marks: Vec<String> = kids.iter().filter(|&&c| tree.base_rel(c) == "mark").map(|&c| tree.lemma(c).to_lowercase()).collect();
    let wh = kids.iter().filter(|&&c| tree.base_rel(c) == "advmod" && tree.xpos(c) == "WRB" && c < k).map(|&c| tree.lemma(c).to_lowercase()).find(|m| timed(m));
    marks.iter().find(|m| timed(m)).cloned().or(wh).or(marks.first().cloned())
}

/// How a time in clause `k`, right below the trigger's clause `trig_clause`,
/// bears on the trigger: a time clause ("after …", "before …") bounds it; a
/// clause on the noun of the occasion the act took place at dates it ("met at
/// a conference held on Monday"); any other clause dates its own act.
fn below(tree: &Tree, k: usize, trig_clause: usize, purpose: bool) -> Reach {
    let w = &*WORDS;
    match tree.base_rel(k) {
        "advcl" => match mark_of(tree, k) {
            Some(m) if listed(&w.after, &m) => Reach::Earliest,
            Some(m) if listed(&w.before, &m) => Reach::Latest,
            Some(m) if listed(&w.same, &m) => Reach::Own,
            // a time inside the act's purpose ("met to discuss it on Monday")
            Some(m) if purpose && listed(&w.purpose, &m) => Reach::Own,
            // the deed the act answers ("apologized for saying on Sunday …") came first
            Some(m) if listed(&w.reason, &m) && tree.xpos(k) == "VBG" => Reach::Earliest,
            // a present participle with no subordinator is at the main act's time ("speaking
            // on Saturday, Obama blamed …"), as is being asked ("asked about it on Monday, he
            // blamed …")
            None if simultaneous_participle(tree, k) || asked_participle(tree, k) => Reach::Own,
            _ => Reach::Other,
        },
        "acl" => {
            let occasion = tree.head(k).filter(|&n| tree.head(n) == Some(trig_clause) && tree.base_rel(n) == "obl");
            let case = occasion.and_then(|n| tree.case_of(n)).map(str::to_lowercase);
            if case.is_some_and(|c| listed(&w.occasion, &c)) { Reach::Own } else { Reach::Other }
        }
        _ => Reach::Other,
    }
}

/// True for an adverbial clause opened by a subordinator of the same time
/// ("as", "while") right after a comma, not in a perfect: ", as he pledged …".
fn same_time_aside(tree: &Tree, c: usize) -> bool {
    let w = &*WORDS;
    let mark = tree.children(c).into_iter().find(|&m| tree.base_rel(m) == "mark" && m < c);
    // ("as OPEC has requested": a perfect tells an earlier act, in the manner of "as")
    let perfect = tree.children(c).into_iter().any(|a| tree.base_rel(a) == "aux" && tree.lemma(a) == "have");
    tree.base_rel(c) == "advcl"
        && !perfect
        && mark.is_some_and(|m| listed(&w.same, &tree.lemma(m).to_lowercase()) && tree.after_comma(m))
}

/// True for a present participle (no subject, no subordinator, no
/// auxiliary) heading an adverbial clause: English puts it at the time of the
/// clause it hangs on ("Speaking on Saturday, Obama blamed BP", "toured the
/// coast on Monday, praising the crews").
fn simultaneous_participle(tree: &Tree, k: usize) -> bool {
    tree.base_rel(k) == "advcl"
        && tree.xpos(k) == "VBG"
        && !tree.children(k).into_iter().any(|c| matches!(tree.base_rel(c), "nsubj" | "mark" | "aux" | "csubj"))
}

/// True for a past participle of being asked (`asked` in `dating.tsv`) with
/// no subject, subordinator or auxiliary heading an adverbial clause: news
/// writes the occasion of a statement so ("Asked about the strike on
/// Monday, the minister said …", "Interviewed on television yesterday, he
/// suggested …"), and the statement is that occasion's.
fn asked_participle(tree: &Tree, k: usize) -> bool {
    tree.base_rel(k) == "advcl"
        && tree.xpos(k) == "VBN"
        && listed(&WORDS.asked, &tree.lemma(k).to_lowercase())
        && !tree.children(k).into_iter().any(|c| matches!(tree.base_rel(c), "nsubj" | "nsubj:pass" | "mark" | "aux" | "aux:pass" | "csubj"))
}

/// True when time `head`, a compound of a proper noun, comes after that
/// noun's own preposition ("on Sunday BP"): the parser joined a time to the
/// name after it, and the preposition is the time's.
fn misread_compound(tree: &Tree, head: usize) -> bool {
    let Some(noun) = tree.head(head) else { return false };
    tree.deprel(head) == "compound"
        && tree.upos(noun) == Some(chronicle_core::Upos::Propn)
        && tree.children(noun).into_iter().any(|c| tree.base_rel(c) == "case" && c < head)
}

/// True when the clause headed by `c` tells an act in a past or perfect
/// form ("had fired", "attacked"). A state — an adjective or noun predicate,
/// "was ready", "stood ready to help" — is never: a past tense after a past
/// reporting verb is the present of the telling.
fn told_as_past(tree: &Tree, c: usize) -> bool {
    let state = matches!(tree.upos(c), Some(chronicle_core::Upos::Adj | chronicle_core::Upos::Noun | chronicle_core::Upos::Propn));
    !state
        && (matches!(tree.xpos(c), "VBD" | "VBN")
            || tree.children(c).into_iter().any(|a| tree.base_rel(a) == "aux" && (tree.lemma(a) == "have" || tree.xpos(a) == "VBD")))
}

/// True for a day of a month whose year the text leaves open ("May 16",
/// "2 June"): still one calendar day, unlike "May" or "last week".
fn names_a_day(text: &str) -> bool {
    const MONTHS: &[&str] = &[
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let month = words.iter().any(|w| MONTHS.contains(&w.as_str()));
    let day = words.iter().any(|w| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (1..=2).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit()) && digits.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
    });
    words.len() <= 3 && month && day
}

/// True when a date's words include a number of three or more digits (its year).
fn writes_a_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit()).any(|d| d.len() >= 3)
}

/// Words after a year that do not make it a noun modifier ("in 2022 and",
/// "2022 when", "2022 was").
const NOT_MODIFIED: &[&str] = &[
    "and", "or", "but", "to", "in", "on", "at", "for", "with", "when", "after", "before", "until", "as", "that",
    "which", "was", "were", "is", "are", "had", "has", "have", "the", "a", "an", "by", "from", "of", "while", "so",
];

/// When the expression is a bare year written before a lower-case noun
/// ("the 2022 invasion", "its 2014 annexation"), the span of that noun.
fn attributive_year(body: &str, span: Span) -> Option<Span> {
    let text = span.text(body);
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    noun_after(body, span)
}

/// The lower-case word right after `span` (one space between) when it can be
/// a noun the expression modifies: not a word of [`NOT_MODIFIED`].
fn noun_after(body: &str, span: Span) -> Option<Span> {
    let after = body.get(span.end()..)?.strip_prefix(' ')?;
    let word: String = after.chars().take_while(|c| c.is_alphabetic() || *c == '-').collect();
    if word.is_empty() || !word.chars().next().is_some_and(char::is_lowercase) || NOT_MODIFIED.contains(&word.as_str()) {
        return None;
    }
    let start = span.end() + 1;
    Span::new(body, start, start + word.len()).ok()
}

/// When the expression is a year-less day after "the" or a possessive and
/// before a lower-case noun ("the September 11 attacks", "Iran's June 12
/// election"), the span of that noun: the day names that happening, as a
/// year before a noun does, and does not date the sentence's act.
fn attributive_day(body: &str, span: Span) -> Option<Span> {
    let text = span.text(body);
    if !names_a_day(text) || writes_a_year(text) {
        return None;
    }
    let before = body.get(..span.start())?.trim_end();
    let det = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    if !(det.eq_ignore_ascii_case("the") || det.ends_with("'s") || det.ends_with("\u{2019}s")) {
        return None;
    }
    noun_after(body, span)
}

/// When a time is a possessor ("Friday's fire", "Sunday 's vote", "last
/// week's deadly raid"), the span of the lower-case words it possesses (at
/// most three, up to a function word): it dates that thing, not the
/// sentence's act.
fn possessed_by_time(body: &str, span: Span) -> Option<Span> {
    let rest = body.get(span.end()..)?;
    let spaced = rest.trim_start_matches(' ');
    let after = spaced.strip_prefix("'s").or_else(|| spaced.strip_prefix("\u{2019}s"))?.strip_prefix(' ')?;
    let start = span.end() + (rest.len() - after.len());
    let (mut len, mut at) = (0, 0);
    for w in after.split(' ').take(3) {
        let core = w.trim_end_matches(|c: char| !c.is_alphabetic());
        let noun_word = core.chars().next().is_some_and(char::is_lowercase) && core.chars().all(|c| c.is_alphabetic() || c == '-');
        if !noun_word || NOT_MODIFIED.contains(&core) {
            break;
        }
        len = at + core.len();
        if core.len() < w.len() {
            break;
        }
        at += w.len() + 1;
    }
    (len > 0).then(|| Span::new(body, start, start + len).ok()).flatten()
}

/// The event's date: the time of the sentence that dates the trigger (see
/// [`reach`]; each of several when they are coordinated: "on May 16 and June
/// 2"), nearest the trigger, skipping a year that dates another noun; else
/// bounds: from the tense — an act told as happened or happening is on or
/// before the publication date, one told as still to come on or after it —
/// narrowed by the times of clauses it follows or precedes. Returns the date
/// and, for coordinated dates, each with its words.
pub(super) fn event_date(
    doc: &Document,
    ctx: &Ctx,
    trig: &Trig,
    trigger: Span,
    sentence_span: Span,
    (modality, reaction): (Modality, bool),
    notes: &mut Vec<String>,
) -> (UncertainDate, Vec<(UncertainDate, String)>) {
    // a purpose infinitive happens with the act it serves; a demanded,
    // offered, wished or refused one does not
    let purpose = matches!(modality, Modality::Asserted | Modality::Planned);
    let (mut own, bounds) = sentence_times(doc, ctx, trig, (trigger, sentence_span), (purpose, reaction));
    // "has now proposed": in the perfect, "now" is the time the act is seen from, not its day
    if perfect(ctx, trig) {
        own.retain(|t| !t.span.text(ctx.body).eq_ignore_ascii_case("now"));
    }
    let mut dates: Vec<(UncertainDate, String)> = Vec::new();
    if let Some(t) = own.iter().min_by_key(|t| t.span.start().abs_diff(trigger.start())) {
        let group = coordinated_dates(ctx.body, &own, t.span);
        if group.len() >= 2 {
            notes.push(format!("date: one of {} coordinated dates", group.len()));
            dates = group.iter().map(|g| (g.resolved.clone(), g.span.text(ctx.body).to_string())).collect();
        } else {
            notes.push(format!("date: '{}'", t.span.text(ctx.body)));
        }
        if let Some(back) = done_a_year_before(doc, ctx, trig, modality, t) {
            notes.push("date: the year before (a year-less day after the document date, told as done)".into());
            return (back, dates);
        }
        if let Some(ahead) = scheduled_in_the_present(doc, ctx, trig, modality, t) {
            notes.push("date: the coming such day (a weekday with a verb in the simple present: a schedule)".into());
            return (ahead, dates);
        }
        if let Some(ahead) = weekday_of_a_future_act(doc, ctx, trig, modality, t) {
            notes.push("date: the coming such day (a weekday in the clause of an act told in a future form)".into());
            return (ahead, dates);
        }
        if let Some(done) = done_by_the_writing(doc, ctx, trig, modality, t) {
            notes.push("date: up to the document date (a stretch of time running past it, told as done)".into());
            return (done, dates);
        }
        return (t.resolved.clone(), dates);
    }
    (tense_bounds(doc, ctx, trig, modality, &bounds, notes), dates)
}

/// True when the trigger is a verb in the perfect ("has proposed", "have
/// been calling"): told as done before the time it is seen from.
fn perfect(ctx: &Ctx, trig: &Trig) -> bool {
    let Some((tree, v)) = parsed_trigger(ctx, trig) else { return false };
    matches!(tree.xpos(v), "VBN" | "VBG") && tree.children(v).into_iter().any(|a| tree.base_rel(a) == "aux" && tree.lemma(a).eq_ignore_ascii_case("have"))
}

/// A day written without a year ("freed on August 20") that the time layer
/// put after the document date, dating an act the tree tells as done (a past
/// or perfect verb): what is told as done happened before it was told, so it
/// is the last such day before the document date — the year before. (The
/// time layer, without the verb's tense, lets a year-less day fall up to a
/// month after the document date.)
fn done_a_year_before(doc: &Document, ctx: &Ctx, trig: &Trig, modality: Modality, t: &TimeExpr) -> Option<UncertainDate> {
    let text = t.span.text(ctx.body);
    if writes_a_year(text) || !names_a_day(text) || !matches!(modality, Modality::Asserted | Modality::Negated) {
        return None;
    }
    let day = t.resolved.exact_day()?;
    let written = last_day_written(doc)?;
    if day <= written || !verb_told_as_past(ctx, trig) {
        return None;
    }
    use chrono::Datelike;
    chrono::NaiveDate::from_ymd_opt(day.year() - 1, day.month(), day.day()).map(UncertainDate::day)
}

/// The last day the document can have been written: its publication day,
/// or the latest of its bounds.
fn last_day_written(doc: &Document) -> Option<chrono::NaiveDate> {
    let published = &doc.meta.published.date;
    published.latest.or_else(|| published.exact_day())
}

/// "criticised … earlier this week", "expelled … this month": a stretch of
/// time that runs past the document date, dating an act the tree tells as
/// done, holds it only up to that date — what was told as done had happened
/// when it was written.
fn done_by_the_writing(doc: &Document, ctx: &Ctx, trig: &Trig, modality: Modality, t: &TimeExpr) -> Option<UncertainDate> {
    let written = last_day_written(doc)?;
    let (earliest, latest) = (t.resolved.earliest?, t.resolved.latest?);
    let runs_past = earliest <= written && written < latest;
    (runs_past && matches!(modality, Modality::Asserted | Modality::Negated) && verb_told_as_past(ctx, trig))
        .then(|| UncertainDate::between(Some(earliest), Some(written)))
}

/// "Obama meets Hayward at the White House on Wednesday" in Monday's paper,
/// "the meeting that matters takes place on Wednesday": a weekday dating a
/// verb in the simple present with no auxiliary (the trigger, or the verb an
/// event noun is the subject or object of) tells a schedule, so it is the coming such day, not the last (news writes what
/// happened in the past tense). The time layer, without the verb's tense,
/// read it backwards.
fn scheduled_in_the_present(doc: &Document, ctx: &Ctx, trig: &Trig, modality: Modality, t: &TimeExpr) -> Option<UncertainDate> {
    // a weekday's full name ("Monday"; chrono reads "Mon" too)
    let word = t.span.text(ctx.body);
    if modality != Modality::Asserted || word.len() <= 3 || word.parse::<chrono::Weekday>().is_err() {
        return None;
    }
    let (tree, trigger) = parsed_trigger(ctx, trig)?;
    // the weekday hangs on the verb itself, not on a verb reporting it ("announced
    // Wednesday that it supports …") — or on the verb an event noun is the subject or
    // object of, or that describes it ("the meeting … takes place on Wednesday")
    let at = ctx.doc.tokens.partition_point(|x| x.span.start() < t.span.start());
    let v = tree.head(at)?;
    let nominal = matches!(tree.upos(trigger), Some(chronicle_core::Upos::Noun));
    let holds_noun = nominal
        && ((tree.head(trigger) == Some(v) && matches!(tree.base_rel(trigger), "nsubj" | "obj")) || (tree.head(v) == Some(trigger) && tree.base_rel(v) == "acl"));
    if v != trigger && !holds_noun {
        return None;
    }
    let present = matches!(tree.xpos(v), "VBZ" | "VBP") && tree.upos(v) == Some(chronicle_core::Upos::Verb);
    let bare = tree.children(v).into_iter().all(|c| tree.base_rel(c) != "aux");
    let day = t.resolved.exact_day()?;
    let written = doc.meta.published.date.exact_day()?;
    let gap = (written - day).num_days();
    (present && bare && (1..7).contains(&gap)).then(|| UncertainDate::day(day + chrono::Duration::days(7)))
}

/// "Obama will visit three states during a trip beginning on Monday" in
/// Saturday's paper: a weekday inside the clause of an act told in a future
/// form ("will", "is to") is a day still to come, so the coming such day. The
/// time layer reads the tense of the words before the weekday, up to a comma,
/// and can miss the future verb of a longer clause. The weekday must hang
/// under the trigger through words that carry no tense of their own (nouns,
/// participles, infinitives), so "said on Monday that he will visit" keeps
/// its Monday.
fn weekday_of_a_future_act(doc: &Document, ctx: &Ctx, trig: &Trig, modality: Modality, t: &TimeExpr) -> Option<UncertainDate> {
    let word = t.span.text(ctx.body);
    if modality != Modality::Planned || word.len() <= 3 || word.parse::<chrono::Weekday>().is_err() || !told_as_future(ctx, trig) {
        return None;
    }
    let (tree, v) = parsed_trigger(ctx, trig)?;
    let at = ctx.doc.tokens.partition_point(|x| x.span.start() < t.span.start());
    let path = tree.ancestors(at);
    let to_trigger = path.iter().position(|&n| n == v)?;
    let untensed = |n: usize| tree.upos(n) != Some(chronicle_core::Upos::Verb) || matches!(tree.xpos(n), "VBG" | "VBN" | "VB");
    if !path[1..to_trigger].iter().all(|&n| untensed(n)) {
        return None;
    }
    let day = t.resolved.exact_day()?;
    let written = doc.meta.published.date.exact_day()?;
    let gap = (written - day).num_days();
    (1..7).contains(&gap).then(|| UncertainDate::day(day + chrono::Duration::days(7)))
}

/// The sentence's times that date the trigger, and those that only bound it
/// (with how). A year that modifies another noun ("Moscow's 2022 invasion",
/// "the 1989 Exxon Valdez accident") is neither (the time layer marks it;
/// documents stored before it did are read by the surface rule). Without a
/// tree every time dates the trigger.
fn sentence_times<'d>(
    doc: &'d Document,
    ctx: &Ctx,
    trig: &Trig,
    (trigger, sentence_span): (Span, Span),
    (purpose, reaction): (bool, bool),
) -> (Vec<&'d TimeExpr>, Vec<(&'d TimeExpr, Reach)>) {
    // the layer is sorted: only the times starting inside the sentence
    let first = doc.times.partition_point(|t| t.span.start() < sentence_span.start());
    let modifier = |t: &TimeExpr| {
        t.modifies.or_else(|| attributive_year(ctx.body, t.span)).or_else(|| attributive_day(ctx.body, t.span)).or_else(|| possessed_by_time(ctx.body, t.span)).is_some_and(|noun| !noun.overlaps(trigger))
    };
    let tree = ctx.tree.as_ref().filter(|t| t.is_parsed());
    let at = tree.and_then(|tree| Some((tree, trigger_token(ctx, tree, trig)?)));
    // "condemned Sunday's attack", "an investigation into Friday's fire": on or after it
    let answered = |t: &TimeExpr| reaction && modifier(t) && at.is_some_and(|(tree, k)| reacted_to(tree, doc, k, t.span));
    let times = doc
        .times
        .get(first..)
        .unwrap_or_default()
        .iter()
        .take_while(|t| t.span.start() <= sentence_span.end())
        // a stretch back from the document date ("in the past few days") bounds the act too
        .filter(|t| sentence_span.contains(t.span) && matches!(t.time_type, TimeType::Date | TimeType::Time | TimeType::Duration) && !t.resolved.is_unknown())
        .filter(|t| !modifier(t) || answered(t) || at.is_some_and(|(tree, k)| occasion_noun(tree, doc, t.span).is_some_and(|n| n != k)));
    let (mut own, mut bounds) = (Vec::new(), Vec::new());
    for t in times {
        if answered(t) {
            bounds.push((t, Reach::Earliest));
            continue;
        }
        match at.map_or(Reach::Own, |(tree, k)| reach(tree, doc, k, t.span, purpose)) {
            Reach::Own => own.push(t),
            Reach::Other => {}
            r => bounds.push((t, r)),
        }
    }
    (own, bounds)
}

/// Bounds from the tense and the publication date, narrowed by `bounds`:
/// a present progressive is the publication day; an act told as still to
/// come (a future form, or planned) is on or after the publication date; one
/// told as done or going on (asserted or negated, or one the tree shows is
/// not to come) on or before it — never a demanded or offered one, which
/// follows its asking; any other (hypothetical, proposed, demanded) unknown.
fn tense_bounds(doc: &Document, ctx: &Ctx, trig: &Trig, modality: Modality, bounds: &[(&TimeExpr, Reach)], notes: &mut Vec<String>) -> UncertainDate {
    let published = &doc.meta.published.date;
    let told = is_future(ctx, trig);
    let future = told.unwrap_or(modality == Modality::Planned);
    let asked_for = matches!(modality, Modality::Demanded | Modality::Proposed);
    // going on when written, unless a time bounds it ("have been investigating since 2006")
    if modality == Modality::Asserted && !future && bounds.is_empty() && going_on(ctx, trig) {
        if let Some(day) = published.exact_day() {
            notes.push("date: the document date (going on when written)".into());
            return UncertainDate::day(day);
        }
    }
    if modality == Modality::Asserted && !future && bounds.is_empty() && told_in_present(ctx, trig) {
        if let Some(day) = published.exact_day() {
            notes.push("date: the document date or the day before (told in the present)".into());
            return UncertainDate::between(day.pred_opt(), Some(day));
        }
    }
    let (mut earliest, mut latest) = if future {
        notes.push("date: on or after the document date (still to come)".into());
        (published.earliest.or_else(|| published.exact_day()), None)
    } else if asked_for && asked_now(ctx, trig) {
        // what a demand or offer made now asks for is still to come, whatever
        // the tree makes of the noun that names it ("is calling for a meeting")
        notes.push("date: on or after the document date (asked for or offered in the present)".into());
        (published.earliest.or_else(|| published.exact_day()), None)
    } else if (told == Some(false) && !asked_for) || matches!(modality, Modality::Asserted | Modality::Negated) {
        notes.push("date: on or before the document date (told as done or going on)".into());
        (None, published.latest.or_else(|| published.exact_day()))
    } else if possible_later(ctx, trig) {
        notes.push("date: on or after the document date (told as possible)".into());
        (published.earliest.or_else(|| published.exact_day()), None)
    } else {
        (None, None)
    };
    for (t, r) in bounds {
        // a plan told on a day comes after it
        let r = match *r {
            Reach::Latest if future => Reach::Earliest,
            Reach::Deadline => Reach::Latest,
            Reach::Due if !future && matches!(modality, Modality::Asserted | Modality::Negated) => continue,
            Reach::Due => Reach::Latest,
            r => r,
        };
        let (e, l) = match r {
            Reach::Earliest => (t.resolved.earliest.max(earliest), latest),
            _ => (earliest, match (t.resolved.latest, latest) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            }),
        };
        if e.zip(l).is_none_or(|(e, l)| e <= l) && (e, l) != (earliest, latest) {
            notes.push(format!("date: {} '{}'", if r == Reach::Earliest { "after" } else { "by" }, t.span.text(ctx.body)));
            (earliest, latest) = (e, l);
        }
    }
    UncertainDate::between(earliest, latest)
}

/// The exact dates coordinated with the time at `at` ("on May 16 and June 2",
/// "on May 16 and on June 2", "May 16, June 2 and June 23"), in text order;
/// empty unless every one of them is an exact day and they are joined only
/// by "and" and commas (an optional "on" after the joiner).
fn coordinated_dates<'t>(body: &str, times: &[&'t chronicle_core::TimeExpr], at: Span) -> Vec<&'t chronicle_core::TimeExpr> {
    let mut sorted: Vec<&chronicle_core::TimeExpr> = times.to_vec();
    sorted.sort_by_key(|t| t.span.start());
    let Some(i) = sorted.iter().position(|t| t.span == at) else { return Vec::new() };
    let joined = |a: &chronicle_core::TimeExpr, b: &chronicle_core::TimeExpr| {
        let gap = body.get(a.span.end()..b.span.start()).unwrap_or("x").to_lowercase();
        let words: Vec<&str> = gap.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect();
        let words: Vec<&str> = words.iter().map(|w| w.trim_end_matches(',')).filter(|w| !w.is_empty()).collect();
        let comma = gap.contains(',');
        match words.as_slice() {
            [] => comma,
            ["and"] | ["and", "on"] | ["on"] => words.first() == Some(&"and") || comma,
            _ => false,
        }
    };
    let (mut lo, mut hi) = (i, i);
    while lo > 0 && joined(sorted[lo - 1], sorted[lo]) {
        lo -= 1;
    }
    while hi + 1 < sorted.len() && joined(sorted[hi], sorted[hi + 1]) {
        hi += 1;
    }
    let group = &sorted[lo..=hi];
    if group.len() < 2 || !group.iter().all(|t| t.resolved.exact_day().is_some() || names_a_day(t.span.text(body))) {
        return Vec::new();
    }
    // "between June 20 and June 30", "from May 1 to May 5": a range, not several dates
    let before = body.get(..group[0].span.start()).unwrap_or("").trim_end().to_lowercase();
    if before.ends_with("between") || before.ends_with("from") {
        return Vec::new();
    }
    group.to_vec()
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::coder::tests::{coded, doc_with, span_of};
    use chronicle_core::{EntityType, EntityType::Location, Event, PloverType, TimeExpr, Token, TokenSyntax, Upos, Upos::*};

    fn main_of(doc: &Document) -> &Event {
        crate::eval::main_event(&doc.events).expect("an event")
    }

    /// The event whose trigger contains `word`.
    pub(in crate::coder) fn triggered<'d>(doc: &'d Document, word: &str) -> &'d Event {
        doc.events.iter().find(|e| e.trigger.text(doc.body()).contains(word)).unwrap_or_else(|| panic!("no '{word}': {:#?}", doc.events))
    }

    /// The event of type `ty`.
    fn of_type(doc: &Document, ty: PloverType) -> &Event {
        doc.events.iter().find(|e| e.event_type == ty).unwrap_or_else(|| panic!("no {ty:?}: {:#?}", doc.events))
    }

    /// One token: head (1-based, 0 for the root), relation, UPOS, Penn tag, lemma (`""`: the lower-case word).
    pub(in crate::coder) type Arc = (usize, &'static str, Upos, &'static str, &'static str);

    /// A one-sentence document over `text` (tokens split on spaces) with the
    /// given tree and mentions, published on 2025-05-17 (a Saturday).
    pub(in crate::coder) fn parsed(text: &str, arcs: &[Arc], mentions: &[(&str, EntityType, Option<&str>)]) -> Document {
        let mut doc = doc_with(text, mentions);
        let words: Vec<&str> = text.split(' ').collect();
        assert_eq!(words.len(), arcs.len(), "one arc per word");
        let mut at = 0;
        for (w, &(head, rel, upos, xpos, lemma)) in words.iter().zip(arcs) {
            let mut tok = Token::new(Span::new(doc.body(), at, at + w.len()).unwrap());
            tok.syntax = Some(TokenSyntax {
                upos,
                xpos: xpos.into(),
                lemma: if lemma.is_empty() { w.to_lowercase() } else { lemma.into() },
                head: (head > 0).then(|| (head - 1) as u32),
                deprel: rel.into(),
            });
            doc.tokens.push(tok);
            at += w.len() + 1;
        }
        doc.meta.published.date = day(2025, 5, 17);
        doc.sort_layers();
        doc
    }

    /// How the time `time` bears on the word `trigger` in `doc`'s tree.
    fn reach_of(doc: &Document, trigger: &str, time: &str) -> Reach {
        let at = span_of(doc, trigger);
        let t = doc.tokens.iter().position(|t| t.span == at).expect("trigger token");
        let tree = Tree::of_token(doc, t).expect("tree");
        reach(&tree, doc, t, span_of(doc, time), true)
    }

    /// The span of the first `w` in `body`.
    fn word_span(body: &str, w: &str) -> Span {
        let a = body.find(w).unwrap();
        Span::new(body, a, a + w.len()).unwrap()
    }

    fn ymd(y: i32, m: u32, d: u32) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn the_words_file_reads_cleanly() {
        let (w, problems) = Words::parse(DATING_TSV);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(listed(&w.future_aux, "will") && listed(&w.after, "after") && listed(&w.reported, "ccomp"));
        let (_, problems) = Words::parse("future_aux will\nnonsense\tx\n");
        assert_eq!(problems.len(), 2, "{problems:?}");
    }

    #[test]
    fn a_time_dates_only_its_own_clause() {
        // a time clause before the main act: "after" gives a lower bound
        let doc = parsed(
            "After closing the border on Monday , Ruritania expelled the envoys .",
            &[
                (2, "mark", Sconj, "IN", "after"), (9, "advcl", Verb, "VBG", "close"), (4, "det", Det, "DT", ""),
                (2, "obj", Noun, "NN", ""), (6, "case", Adp, "IN", ""), (2, "obl", Propn, "NNP", ""),
                (9, "punct", Punct, ",", ""), (9, "nsubj", Propn, "NNP", ""), (0, "root", Verb, "VBD", "expel"),
                (11, "det", Det, "DT", ""), (9, "obj", Noun, "NNS", "envoy"), (9, "punct", Punct, ".", ""),
            ],
            &[],
        );
        assert_eq!(reach_of(&doc, "closing", "Monday"), Reach::Own);
        assert_eq!(reach_of(&doc, "expelled", "Monday"), Reach::Earliest);
        assert_eq!(reach_of(&doc, "envoys", "Monday"), Reach::Earliest, "an event noun takes its verb's clause");
        // the telling is dated, not the act told: a past act told is on or before it
        let doc = parsed(
            "Ruritania said on Monday that its troops had attacked the village .",
            &[
                (2, "nsubj", Propn, "NNP", ""), (0, "root", Verb, "VBD", "say"), (4, "case", Adp, "IN", ""),
                (2, "obl", Propn, "NNP", ""), (9, "mark", Sconj, "IN", ""), (7, "nmod:poss", Pron, "PRP$", ""),
                (9, "nsubj", Noun, "NNS", "troop"), (9, "aux", Aux, "VBD", "have"), (2, "ccomp", Verb, "VBN", "attack"),
                (11, "det", Det, "DT", ""), (9, "obj", Noun, "NN", ""), (2, "punct", Punct, ".", ""),
            ],
            &[],
        );
        assert_eq!(reach_of(&doc, "said", "Monday"), Reach::Own);
        assert_eq!(reach_of(&doc, "attacked", "Monday"), Reach::Latest);
    }

    #[test]
    fn a_time_clause_on_an_event_noun_bounds_it() {
        // "since" hangs its clause on the noun: the day is the blast's, the visit after it
        let doc = parsed(
            "In his visit since the dam burst on May 3 , Kamau praised the crews .",
            &[
                (3, "case", Adp, "IN", ""), (3, "nmod:poss", Pron, "PRP$", ""), (12, "obl", Noun, "NN", "visit"),
                (7, "mark", Sconj, "IN", "since"), (6, "det", Det, "DT", ""), (7, "nsubj", Noun, "NN", "dam"),
                (3, "advcl", Verb, "VBD", "burst"), (9, "case", Adp, "IN", ""), (7, "obl", Propn, "NNP", ""),
                (9, "nummod", Num, "CD", ""), (12, "punct", Punct, ",", ""), (12, "nsubj", Propn, "NNP", ""),
                (0, "root", Verb, "VBD", "praise"), (14, "det", Det, "DT", ""), (12, "obj", Noun, "NNS", "crew"),
                (12, "punct", Punct, ".", ""),
            ],
            &[],
        );
        assert_eq!(reach_of(&doc, "visit", "May 3"), Reach::Earliest);
        assert_eq!(reach_of(&doc, "burst", "May 3"), Reach::Own);
        // a time of the noun's own phrase dates it
        let doc = parsed(
            "His visit on May 3 ended the dispute .",
            &[
                (2, "nmod:poss", Pron, "PRP$", ""), (6, "nsubj", Noun, "NN", "visit"), (4, "case", Adp, "IN", ""),
                (2, "nmod", Propn, "NNP", ""), (4, "nummod", Num, "CD", ""), (0, "root", Verb, "VBD", "end"),
                (8, "det", Det, "DT", ""), (6, "obj", Noun, "NN", ""), (6, "punct", Punct, ".", ""),
            ],
            &[],
        );
        assert_eq!(reach_of(&doc, "visit", "May 3"), Reach::Own);
    }

    #[test]
    fn a_clause_of_the_same_time_or_of_means_shares_its_time() {
        let doc = parsed(
            "As he delivered the update on Sunday , the minister defended the decision .",
            &[
                (3, "mark", Sconj, "IN", "as"), (3, "nsubj", Pron, "PRP", ""), (11, "advcl", Verb, "VBD", "deliver"),
                (5, "det", Det, "DT", ""), (3, "obj", Noun, "NN", ""), (7, "case", Adp, "IN", ""), (3, "obl", Propn, "NNP", ""),
                (11, "punct", Punct, ",", ""), (10, "det", Det, "DT", ""), (11, "nsubj", Noun, "NN", ""),
                (0, "root", Verb, "VBD", "defend"), (13, "det", Det, "DT", ""), (11, "obj", Noun, "NN", ""), (11, "punct", Punct, ".", ""),
            ],
            &[],
        );
        assert_eq!(reach_of(&doc, "defended", "Sunday"), Reach::Own);
        let doc = parsed(
            "Ruritania ended the war on Monday by signing the accord .",
            &[
                (2, "nsubj", Propn, "NNP", ""), (0, "root", Verb, "VBD", "end"), (4, "det", Det, "DT", ""), (2, "obj", Noun, "NN", ""),
                (6, "case", Adp, "IN", ""), (2, "obl", Propn, "NNP", ""), (8, "mark", Sconj, "IN", "by"), (2, "advcl", Verb, "VBG", "sign"),
                (10, "det", Det, "DT", ""), (8, "obj", Noun, "NN", ""), (2, "punct", Punct, ".", ""),
            ],
            &[],
        );
        assert_eq!(reach_of(&doc, "signing", "Monday"), Reach::Own);
    }

    #[test]
    fn a_time_modifying_another_noun_or_an_infinitive_does_not_date_the_act() {
        // "last Tuesday's flood" dates the flood; "to hold talks in March" the talks
        let doc = parsed(
            "Ruritania sent aid after last Tuesday 's flood and agreed to hold talks in March .",
            &[
                (2, "nsubj", Propn, "NNP", ""), (0, "root", Verb, "VBD", "send"), (2, "obj", Noun, "NN", ""),
                (8, "case", Adp, "IN", ""), (6, "amod", Adj, "JJ", ""), (8, "nmod:poss", Propn, "NNP", ""),
                (6, "case", Part, "POS", ""), (2, "obl", Noun, "NN", ""), (10, "cc", Cconj, "CC", ""),
                (2, "conj", Verb, "VBD", "agree"), (12, "mark", Part, "TO", ""), (10, "xcomp", Verb, "VB", ""),
                (12, "obj", Noun, "NNS", "talk"), (15, "case", Adp, "IN", ""), (12, "obl", Propn, "NNP", ""),
                (2, "punct", Punct, ".", ""),
            ],
            &[],
        );
        assert_eq!(reach_of(&doc, "sent", "last Tuesday"), Reach::Other);
        assert_eq!(reach_of(&doc, "flood", "last Tuesday"), Reach::Own);
        assert_eq!(reach_of(&doc, "agreed", "March"), Reach::Other);
        assert_eq!(reach_of(&doc, "talks", "March"), Reach::Own);
    }

    #[test]
    fn a_state_told_plans_made_occasions_and_headings_take_the_time() {
        // a state told in the present holds on the day it is told
        let doc = parsed(
            "Ruritania said on Monday that it is ready for talks .",
            &[
                (2, "nsubj", Propn, "NNP", ""), (0, "root", Verb, "VBD", "say"), (4, "case", Adp, "IN", ""),
                (2, "obl", Propn, "NNP", ""), (8, "mark", Sconj, "IN", ""), (8, "nsubj", Pron, "PRP", ""),
                (8, "cop", Aux, "VBZ", "be"), (2, "ccomp", Adj, "JJ", ""), (10, "case", Adp, "IN", ""),
                (8, "obl", Noun, "NNS", "talk"), (2, "punct", Punct, ".", ""),
            ],
            &[],
        );
        assert_eq!(reach_of(&doc, "ready", "Monday"), Reach::Own);
        assert_eq!(reach_of(&doc, "talks", "Monday"), Reach::Own);
        // … also backshifted after a past reporting verb
        let doc = parsed(
            "Ruritania said on Monday that it was ready for talks .",
            &[
                (2, "nsubj", Propn, "NNP", ""), (0, "root", Verb, "VBD", "say"), (4, "case", Adp, "IN", ""),
                (2, "obl", Propn, "NNP", ""), (8, "mark", Sconj, "IN", ""), (8, "nsubj", Pron, "PRP", ""),
                (8, "cop", Aux, "VBD", "be"), (2, "ccomp", Adj, "JJ", ""), (10, "case", Adp, "IN", ""),
                (8, "obl", Noun, "NNS", "talk"), (2, "punct", Punct, ".", ""),
            ],
            &[],
        );
        assert_eq!(reach_of(&doc, "ready", "Monday"), Reach::Own);
        // what is agreed on a day comes after it
        let doc = parsed(
            "Ruritania agreed on Monday to free the prisoners .",
            &[
                (2, "nsubj", Propn, "NNP", ""), (0, "root", Verb, "VBD", "agree"), (4, "case", Adp, "IN", ""),
                (2, "obl", Propn, "NNP", ""), (6, "mark", Part, "TO", "to"), (2, "xcomp", Verb, "VB", ""),
                (8, "det", Det, "DT", ""), (6, "obj", Noun, "NNS", "prisoner"), (2, "punct", Punct, ".", ""),
            ],
            &[],
        );
        assert_eq!(reach_of(&doc, "free", "Monday"), Reach::Earliest);
        // the day of the occasion an act takes place at, or of an event noun's own clause
        let doc = parsed(
            "Ministers will discuss aid at a summit to be held on Monday .",
            &[
                (3, "nsubj", Noun, "NNS", "minister"), (3, "aux", Aux, "MD", "will"), (0, "root", Verb, "VB", ""),
                (3, "obj", Noun, "NN", ""), (7, "case", Adp, "IN", ""), (7, "det", Det, "DT", ""),
                (3, "obl", Noun, "NN", ""), (10, "mark", Part, "TO", "to"), (10, "aux:pass", Aux, "VB", "be"),
                (7, "acl", Verb, "VBN", "hold"), (12, "case", Adp, "IN", ""), (10, "obl", Propn, "NNP", ""),
                (3, "punct", Punct, ".", ""),
            ],
            &[],
        );
        assert_eq!(reach_of(&doc, "discuss", "Monday"), Reach::Own);
        assert_eq!(reach_of(&doc, "summit", "Monday"), Reach::Own);
        assert_eq!(reach_of(&doc, "aid", "Monday"), Reach::Own, "the object shares its verb's clause");
        // a date heading the sentence, as in a timeline's entries
        let doc = parsed(
            "June 10 : Ruritania expels the envoys .",
            &[
                (0, "root", Propn, "NNP", ""), (1, "nummod", Num, "CD", ""), (1, "punct", Punct, ":", ""),
                (5, "nsubj", Propn, "NNP", ""), (1, "parataxis", Verb, "VBZ", "expel"), (7, "det", Det, "DT", ""),
                (5, "obj", Noun, "NNS", "envoy"), (1, "punct", Punct, ".", ""),
            ],
            &[],
        );
        assert_eq!(reach_of(&doc, "expels", "June 10"), Reach::Own);
        // … also where the parser hangs the date on the subject's name
        let doc = parsed(
            "June 10 - Ruritania expels the envoys .",
            &[
                (4, "compound", Propn, "NNP", ""), (1, "nummod", Num, "CD", ""), (1, "punct", Punct, "HYPH", ""),
                (5, "nsubj", Propn, "NNP", ""), (0, "root", Verb, "VBZ", "expel"), (7, "det", Det, "DT", ""),
                (5, "obj", Noun, "NNS", "envoy"), (5, "punct", Punct, ".", ""),
            ],
            &[],
        );
        assert_eq!(reach_of(&doc, "expels", "June 10"), Reach::Own);
        // a date opening the sentence with no dash after it is no heading
        let doc = parsed(
            "June 10 Ruritania expels the envoys .",
            &[
                (3, "compound", Propn, "NNP", ""), (1, "nummod", Num, "CD", ""),
                (4, "nsubj", Propn, "NNP", ""), (0, "root", Verb, "VBZ", "expel"), (6, "det", Det, "DT", ""),
                (4, "obj", Noun, "NNS", "envoy"), (4, "punct", Punct, ".", ""),
            ],
            &[],
        );
        assert_ne!(reach_of(&doc, "expels", "June 10"), Reach::Own);
        // an act in a time clause of the dated act: "after" puts it before that day
        let doc = parsed(
            "On Monday Ruritania protested after Moldova shelled the border .",
            &[
                (2, "case", Adp, "IN", ""), (4, "obl", Propn, "NNP", ""), (4, "nsubj", Propn, "NNP", ""),
                (0, "root", Verb, "VBD", "protest"), (7, "mark", Sconj, "IN", "after"), (7, "nsubj", Propn, "NNP", ""),
                (4, "advcl", Verb, "VBD", "shell"), (9, "det", Det, "DT", ""), (7, "obj", Noun, "NN", ""),
                (4, "punct", Punct, ".", ""),
            ],
            &[],
        );
        assert_eq!(reach_of(&doc, "shelled", "Monday"), Reach::Latest);
        assert_eq!(reach_of(&doc, "protested", "Monday"), Reach::Own);
    }

    #[test]
    fn coordinated_verbs_share_their_time() {
        let doc = parsed(
            "Ruritania met Moldova on Monday and signed a truce .",
            &[
                (2, "nsubj", Propn, "NNP", ""), (0, "root", Verb, "VBD", "meet"), (2, "obj", Propn, "NNP", ""),
                (5, "case", Adp, "IN", ""), (2, "obl", Propn, "NNP", ""), (7, "cc", Cconj, "CC", ""),
                (2, "conj", Verb, "VBD", "sign"), (9, "det", Det, "DT", ""), (7, "obj", Noun, "NN", ""),
                (2, "punct", Punct, ".", ""),
            ],
            &[],
        );
        assert_eq!(reach_of(&doc, "signed", "Monday"), Reach::Own);
        assert_eq!(reach_of(&doc, "truce", "Monday"), Reach::Own);
    }

    #[test]
    fn a_told_act_is_bounded_by_the_day_of_its_telling() {
        let doc = parsed(
            "Ruritania said on Monday that Moldova had attacked its border .",
            &[
                (2, "nsubj", Propn, "NNP", ""), (0, "root", Verb, "VBD", "say"), (4, "case", Adp, "IN", ""),
                (2, "obl", Propn, "NNP", ""), (8, "mark", Sconj, "IN", ""), (8, "nsubj", Propn, "NNP", ""),
                (8, "aux", Aux, "VBD", "have"), (2, "ccomp", Verb, "VBN", "attack"), (10, "nmod:poss", Pron, "PRP$", ""),
                (8, "obj", Noun, "NN", ""), (2, "punct", Punct, ".", ""),
            ],
            &[("Ruritania", Location, Some("RUR")), ("Moldova", Location, Some("MDA"))],
        );
        let doc = coded(with_time(doc, "Monday", day(2025, 5, 12)));
        let e = of_type(&doc, PloverType::Assault);
        assert_eq!((e.date.value.as_deref(), e.date.earliest, e.date.latest), (None, None, ymd(2025, 5, 12)), "{}", e.rule);
    }

    #[test]
    fn a_year_less_day_after_the_telling_of_a_done_act_is_the_year_before() {
        // published 2025-05-17; "May 20" read as 2025-05-20 by the time layer
        let arcs: &[Arc] = &[
            (2, "nsubj", Propn, "NNP", ""), (0, "root", Verb, "VBD", "free"), (4, "det", Det, "DT", ""),
            (2, "obj", Noun, "NNS", "hostage"), (6, "case", Adp, "IN", ""), (2, "obl", Propn, "NNP", ""),
            (6, "nummod", Num, "CD", ""), (2, "punct", Punct, ".", ""),
        ];
        let mentions = [("Ruritania", Location, Some("RUR"))];
        let doc = parsed("Ruritania freed the hostages on May 20 .", arcs, &mentions);
        let doc = coded(with_time(doc, "May 20", day(2025, 5, 20)));
        let e = triggered(&doc, "freed");
        assert_eq!(e.date.value.as_deref(), Some("2024-05-20"), "{}", e.rule);
        // a day before the telling stays
        let doc = parsed("Ruritania freed the hostages on May 10 .", arcs, &mentions);
        let doc = coded(with_time(doc, "May 10", day(2025, 5, 10)));
        assert_eq!(triggered(&doc, "freed").date.value.as_deref(), Some("2025-05-10"));
        // a plan keeps its day
        let doc = parsed(
            "Ruritania will free the hostages on May 20 .",
            &[
                (3, "nsubj", Propn, "NNP", ""), (3, "aux", Aux, "MD", "will"), (0, "root", Verb, "VB", "free"),
                (5, "det", Det, "DT", ""), (3, "obj", Noun, "NNS", "hostage"), (7, "case", Adp, "IN", ""),
                (3, "obl", Propn, "NNP", ""), (7, "nummod", Num, "CD", ""), (3, "punct", Punct, ".", ""),
            ],
            &mentions,
        );
        let doc = coded(with_time(doc, "May 20", day(2025, 5, 20)));
        assert_eq!(triggered(&doc, "free").date.value.as_deref(), Some("2025-05-20"));
    }

    #[test]
    fn a_weekday_of_a_verb_in_the_simple_present_is_the_coming_one() {
        // published Saturday 2025-05-17; "Monday" read backwards as 2025-05-12
        let arcs: &[Arc] = &[
            (2, "nsubj", Propn, "NNP", ""), (0, "root", Verb, "VBZ", "meet"), (2, "obj", Propn, "NNP", ""),
            (5, "case", Adp, "IN", ""), (2, "obl", Propn, "NNP", ""), (2, "punct", Punct, ".", ""),
        ];
        let mentions = [("Ruritania", Location, Some("RUR")), ("Moldova", Location, Some("MDA"))];
        let doc = parsed("Ruritania meets Moldova on Monday .", arcs, &mentions);
        let doc = coded(with_time(doc, "Monday", day(2025, 5, 12)));
        let e = triggered(&doc, "meets");
        assert_eq!(e.date.value.as_deref(), Some("2025-05-19"), "{}", e.rule);
        assert_eq!(e.modality, Modality::Planned, "{}", e.rule);
        // told in the past, it stays
        let mut past = arcs.to_vec();
        past[1] = (0, "root", Verb, "VBD", "meet");
        let doc = parsed("Ruritania met Moldova on Monday .", &past, &mentions);
        let doc = coded(with_time(doc, "Monday", day(2025, 5, 12)));
        assert_eq!(triggered(&doc, "met").date.value.as_deref(), Some("2025-05-12"));
        // a weekday of the verb that reports it is not the present verb's
        let doc = parsed(
            "Ruritania said Monday it supports Moldova .",
            &[
                (2, "nsubj", Propn, "NNP", ""), (0, "root", Verb, "VBD", "say"), (2, "obl:tmod", Propn, "NNP", ""),
                (5, "nsubj", Pron, "PRP", ""), (2, "ccomp", Verb, "VBZ", "support"), (5, "obj", Propn, "NNP", ""),
                (2, "punct", Punct, ".", ""),
            ],
            &mentions,
        );
        let doc = coded(with_time(doc, "Monday", day(2025, 5, 12)));
        assert_ne!(triggered(&doc, "supports").date.value.as_deref(), Some("2025-05-19"));
    }

    #[test]
    fn a_weekday_in_the_clause_of_an_act_told_in_the_future_is_the_coming_one() {
        // published Saturday 2025-05-17; "Monday" read backwards as 2025-05-12
        let arcs: &[Arc] = &[
            (3, "nsubj", Propn, "NNP", ""), (3, "aux", Aux, "MD", "will"), (0, "root", Verb, "VB", "visit"),
            (3, "obj", Propn, "NNP", ""), (7, "case", Adp, "IN", ""), (7, "det", Det, "DT", ""),
            (3, "obl", Noun, "NN", "trip"), (7, "acl", Verb, "VBG", "begin"), (10, "case", Adp, "IN", ""),
            (8, "obl", Propn, "NNP", ""), (3, "punct", Punct, ".", ""),
        ];
        let mentions = [("Ruritania", Location, Some("RUR")), ("Moldova", Location, Some("MDA"))];
        let doc = parsed("Ruritania will visit Moldova during a trip beginning on Monday .", arcs, &mentions);
        let doc = coded(with_time(doc, "Monday", day(2025, 5, 12)));
        let e = triggered(&doc, "visit");
        assert_eq!(e.modality, Modality::Planned, "{}", e.rule);
        assert_eq!(e.date.value.as_deref(), Some("2025-05-19"), "{}", e.rule);
        // the weekday of the verb that tells of the plan stays
        let doc = parsed(
            "Ruritania said Monday it will visit Moldova .",
            &[
                (2, "nsubj", Propn, "NNP", ""), (0, "root", Verb, "VBD", "say"), (2, "obl:tmod", Propn, "NNP", ""),
                (6, "nsubj", Pron, "PRP", ""), (6, "aux", Aux, "MD", "will"), (2, "ccomp", Verb, "VB", "visit"),
                (6, "obj", Propn, "NNP", ""), (2, "punct", Punct, ".", ""),
            ],
            &mentions,
        );
        let doc = coded(with_time(doc, "Monday", day(2025, 5, 12)));
        assert_ne!(triggered(&doc, "visit").date.value.as_deref(), Some("2025-05-19"));
    }

    #[test]
    fn a_day_before_a_noun_names_that_happening() {
        let body = "Since the September 11 attacks and Iran's June 12 election, talks on June 3 failed.";
        let at = |w: &str| word_span(body, w);
        assert_eq!(attributive_day(body, at("September 11")), Some(at("attacks")));
        assert_eq!(attributive_day(body, at("June 12")), Some(at("election")));
        assert_eq!(attributive_day(body, at("June 3")), None, "'on June 3' dates the act");
        let body = "He ordered an inquiry into Friday's deadly fire on Monday, after Sunday 's vote.";
        let at = |w: &str| word_span(body, w);
        assert_eq!(possessed_by_time(body, at("Friday")), Some(at("deadly fire")));
        assert_eq!(possessed_by_time(body, at("Sunday")), Some(at("vote")));
        assert_eq!(possessed_by_time(body, at("Monday")), None);
    }

    #[test]
    fn a_purpose_takes_the_time_of_the_act_it_serves_and_a_demand_only_follows() {
        // "will meet on Tuesday to sign": the signing is on Tuesday, planned
        let doc = parsed(
            "Ruritania will meet Moldova on Tuesday to sign a treaty .",
            &[
                (3, "nsubj", Propn, "NNP", ""), (3, "aux", Aux, "MD", "will"), (0, "root", Verb, "VB", ""),
                (3, "obj", Propn, "NNP", ""), (6, "case", Adp, "IN", ""), (3, "obl", Propn, "NNP", ""),
                (8, "mark", Part, "TO", "to"), (3, "advcl", Verb, "VB", ""), (10, "det", Det, "DT", ""),
                (8, "obj", Noun, "NN", ""), (3, "punct", Punct, ".", ""),
            ],
            &[("Ruritania", Location, Some("RUR")), ("Moldova", Location, Some("MDA"))],
        );
        assert_eq!(reach_of(&doc, "sign", "Tuesday"), Reach::Own);
        let doc = coded(with_time(doc, "Tuesday", day(2025, 5, 20)));
        let e = triggered(&doc, "sign");
        assert_eq!(e.modality, Modality::Planned, "{}", e.rule);
        assert_eq!(e.date, day(2025, 5, 20), "{}", e.rule);
        // "urged … on Monday to release": what is asked for comes after the asking
        let doc = parsed(
            "Ruritania pressed Moldova on Monday to release the prisoners .",
            &[
                (2, "nsubj", Propn, "NNP", ""), (0, "root", Verb, "VBD", "press"), (2, "obj", Propn, "NNP", ""),
                (5, "case", Adp, "IN", ""), (2, "obl", Propn, "NNP", ""), (7, "mark", Part, "TO", "to"),
                (2, "advcl", Verb, "VB", ""), (9, "det", Det, "DT", ""), (7, "obj", Noun, "NNS", "prisoner"),
                (2, "punct", Punct, ".", ""),
            ],
            &[("Ruritania", Location, Some("RUR")), ("Moldova", Location, Some("MDA"))],
        );
        let t = doc.tokens.iter().position(|t| t.span == span_of(&doc, "release")).unwrap();
        let tree = Tree::of_token(&doc, t).unwrap();
        assert_eq!(reach(&tree, &doc, t, span_of(&doc, "Monday"), false), Reach::Earliest);
        let doc = coded(with_time(doc, "Monday", day(2025, 5, 12)));
        let e = triggered(&doc, "release");
        assert_eq!(e.modality, Modality::Demanded, "{}", e.rule);
        assert_eq!((e.date.earliest, e.date.latest), (ymd(2025, 5, 12), None), "{}", e.rule);
    }

    #[test]
    fn an_act_asked_for_in_the_present_is_still_to_come() {
        // "advises … to close": demanded, on or after publication; the same told in
        // the past says nothing of the publication date
        for (verb, xpos, bounds) in [("advises", "VBZ", (ymd(2025, 5, 17), None)), ("advised", "VBD", (None, None))] {
            let doc = parsed(
                &format!("Ruritania {verb} Moldova to close the border ."),
                &[
                    (2, "nsubj", Propn, "NNP", ""), (0, "root", Verb, xpos, "advise"), (2, "obj", Propn, "NNP", ""),
                    (5, "mark", Part, "TO", "to"), (2, "xcomp", Verb, "VB", ""), (7, "det", Det, "DT", ""),
                    (5, "obj", Noun, "NN", ""), (2, "punct", Punct, ".", ""),
                ],
                &[("Ruritania", Location, Some("RUR")), ("Moldova", Location, Some("MDA"))],
            );
            let doc = coded(doc);
            let e = triggered(&doc, "close");
            assert_eq!(e.modality, Modality::Demanded, "{verb}: {}", e.rule);
            assert_eq!((e.date.earliest, e.date.latest), bounds, "{verb}: {}", e.rule);
        }
    }

    #[test]
    fn an_act_told_in_the_simple_present_is_on_the_publication_day_or_the_day_before() {
        let arcs = |xpos: &'static str| -> Vec<Arc> {
            vec![
                (2, "nsubj", Propn, "NNP", ""), (0, "root", Verb, xpos, "accuse"), (2, "obj", Propn, "NNP", ""),
                (5, "mark", Sconj, "IN", ""), (2, "advcl", Verb, "VBG", "shell"), (7, "det", Det, "DT", ""),
                (5, "obj", Noun, "NN", ""), (2, "punct", Punct, ".", ""),
            ]
        };
        let mentions = [("Ruritania", Location, Some("RUR")), ("Moldova", Location, Some("MDA"))];
        let doc = coded(parsed("Ruritania accuses Moldova of shelling the border .", &arcs("VBZ"), &mentions));
        let e = of_type(&doc, PloverType::Accuse);
        assert_eq!((e.date.earliest, e.date.latest), (ymd(2025, 5, 16), ymd(2025, 5, 17)), "{}", e.rule);
        // the past tense is only bounded by it
        let doc = coded(parsed("Ruritania accused Moldova of shelling the border .", &arcs("VBD"), &mentions));
        let e = of_type(&doc, PloverType::Accuse);
        assert_eq!((e.date.earliest, e.date.latest), (None, ymd(2025, 5, 17)), "{}", e.rule);
    }

    #[test]
    fn an_act_still_to_come_is_on_or_after_publication() {
        // "is to meet": no "will", no time expression
        let doc = parsed(
            "Ruritania is to meet Moldova .",
            &[
                (4, "nsubj", Propn, "NNP", ""), (4, "aux", Aux, "VBZ", "be"), (4, "mark", Part, "TO", "to"),
                (0, "root", Verb, "VB", ""), (4, "obj", Propn, "NNP", ""), (4, "punct", Punct, ".", ""),
            ],
            &[("Ruritania", Location, Some("RUR")), ("Moldova", Location, Some("MDA"))],
        );
        let doc = coded(doc);
        let e = main_of(&doc);
        assert_eq!((e.date.earliest, e.date.latest), (ymd(2025, 5, 17), None), "{}", e.rule);
    }

    #[test]
    fn a_present_progressive_is_going_on_at_publication() {
        let doc = parsed(
            "Ruritania is blockading Moldova .",
            &[
                (3, "nsubj", Propn, "NNP", ""), (3, "aux", Aux, "VBZ", "be"), (0, "root", Verb, "VBG", "blockade"),
                (3, "obj", Propn, "NNP", ""), (3, "punct", Punct, ".", ""),
            ],
            &[("Ruritania", Location, Some("RUR")), ("Moldova", Location, Some("MDA"))],
        );
        let doc = coded(doc);
        let e = main_of(&doc);
        assert_eq!(e.date, day(2025, 5, 17), "{}", e.rule);
        // "has been …ing" too; "has blockaded" is done, on or before
        let doc = parsed(
            "Ruritania has been blockading Moldova .",
            &[
                (4, "nsubj", Propn, "NNP", ""), (4, "aux", Aux, "VBZ", "have"), (4, "aux", Aux, "VBN", "be"),
                (0, "root", Verb, "VBG", "blockade"), (4, "obj", Propn, "NNP", ""), (4, "punct", Punct, ".", ""),
            ],
            &[("Ruritania", Location, Some("RUR")), ("Moldova", Location, Some("MDA"))],
        );
        assert_eq!(main_of(&coded(doc)).date, day(2025, 5, 17));
        let doc = parsed(
            "Ruritania has blockaded Moldova .",
            &[
                (3, "nsubj", Propn, "NNP", ""), (3, "aux", Aux, "VBZ", "have"), (0, "root", Verb, "VBN", "blockade"),
                (3, "obj", Propn, "NNP", ""), (3, "punct", Punct, ".", ""),
            ],
            &[("Ruritania", Location, Some("RUR")), ("Moldova", Location, Some("MDA"))],
        );
        let e = main_of(&coded(doc)).date.clone();
        assert_eq!((e.value, e.earliest, e.latest), (None, None, ymd(2025, 5, 17)));
        // a bare participle on a noun of a progressive clause goes on with it
        let doc = parsed(
            "Ruritania is escorting convoys blockading Moldova .",
            &[
                (3, "nsubj", Propn, "NNP", ""), (3, "aux", Aux, "VBZ", "be"), (0, "root", Verb, "VBG", "escort"),
                (3, "obj", Noun, "NNS", "convoy"), (4, "acl", Verb, "VBG", "blockade"), (5, "obj", Propn, "NNP", ""),
                (3, "punct", Punct, ".", ""),
            ],
            &[("Ruritania", Location, Some("RUR")), ("Moldova", Location, Some("MDA"))],
        );
        let doc = coded(doc);
        assert!(!doc.events.is_empty());
        assert!(doc.events.iter().all(|e| e.date == day(2025, 5, 17)), "{:#?}", doc.events);
    }

    #[test]
    fn an_event_noun_a_future_act_looks_into_came_before_it() {
        // "will look into the request": the request was made; "will attend the summit": still to come
        let doc = parsed(
            "Ruritania will look into the request by Moldova .",
            &[
                (3, "nsubj", Propn, "NNP", ""), (3, "aux", Aux, "MD", "will"), (0, "root", Verb, "VB", ""),
                (6, "case", Adp, "IN", ""), (6, "det", Det, "DT", ""), (3, "obl", Noun, "NN", ""),
                (8, "case", Adp, "IN", ""), (6, "nmod", Propn, "NNP", ""), (3, "punct", Punct, ".", ""),
            ],
            &[("Ruritania", Location, Some("RUR")), ("Moldova", Location, Some("MDA"))],
        );
        let doc = coded(doc);
        let e = doc.events.iter().find(|e| e.trigger.text(doc.body()) == "request").unwrap_or_else(|| panic!("{:#?}", doc.events));
        assert_eq!((e.date.earliest, e.date.latest), (None, ymd(2025, 5, 17)), "{}", e.rule);
    }

    #[test]
    fn a_perfect_or_a_participle_without_a_time_is_on_or_before_publication() {
        // no finite past verb governs "accusing": told as done, it is bounded all the same
        let doc = parsed(
            "Ruritania has protested , accusing Moldova of fraud .",
            &[
                (3, "nsubj", Propn, "NNP", ""), (3, "aux", Aux, "VBZ", "have"), (0, "root", Verb, "VBN", "protest"),
                (3, "punct", Punct, ",", ""), (3, "advcl", Verb, "VBG", "accuse"), (5, "obj", Propn, "NNP", ""),
                (8, "case", Adp, "IN", ""), (5, "obl", Noun, "NN", ""), (3, "punct", Punct, ".", ""),
            ],
            &[("Ruritania", Location, Some("RUR")), ("Moldova", Location, Some("MDA"))],
        );
        let doc = coded(doc);
        assert!(!doc.events.is_empty());
        for e in &doc.events {
            assert_eq!((e.date.earliest, e.date.latest), (None, ymd(2025, 5, 17)), "{}", e.rule);
        }
    }

    #[test]
    fn past_event_without_date_is_bounded_by_publication() {
        let mut doc = doc_with("Russia attacked Ukraine.", &[("Russia", Location, Some("RUS")), ("Ukraine", Location, Some("UKR"))]);
        let d = chrono::NaiveDate::from_ymd_opt(2025, 5, 17).unwrap();
        doc.meta.published.date = UncertainDate::day(d);
        let doc = coded(doc);
        let e = &doc.events[0];
        assert_eq!(e.date.value, None);
        assert_eq!(e.date.latest, Some(d));
    }

    fn with_time(mut doc: Document, part: &str, resolved: UncertainDate) -> Document {
        let span = span_of(&doc, part);
        doc.times.push(TimeExpr { span, time_type: TimeType::Date, value: resolved.value.clone(), resolved, modifies: None });
        doc.sort_layers();
        doc
    }

    fn day(y: i32, m: u32, d: u32) -> UncertainDate {
        UncertainDate::day(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn coordinated_exact_dates_give_one_event_per_date() {
        let doc = doc_with(
            // talks on stated days at a stated place, whose parties the story gives
            "At the talks in Geneva on May 3 and June 9, Armenia and Azerbaijan swapped prisoners.",
            &[("Geneva", Location, Some("CHE")), ("Armenia", Location, Some("ARM")), ("Azerbaijan", Location, Some("AZE"))],
        );
        let doc = with_time(with_time(doc, "May 3", day(2025, 5, 3)), "June 9", day(2025, 6, 9));
        let doc = coded(doc);
        let talks: Vec<&Event> = doc.events.iter().filter(|e| e.event_type == PloverType::Consult).collect();
        assert_eq!(talks.len(), 2, "{:#?}", doc.events);
        assert_eq!(talks[0].date.value.as_deref(), Some("2025-05-03"));
        assert_eq!(talks[1].date.value.as_deref(), Some("2025-06-09"));
        assert!(talks[1].rule.contains("2 of 2 coordinated dates"), "{}", talks[1].rule);
        assert_eq!(talks[0].trigger, talks[1].trigger);
        // a range is one event
        let doc = doc_with("Armenia proposed talks between June 20 and June 30.", &[("Armenia", Location, Some("ARM"))]);
        let doc = coded(with_time(with_time(doc, "June 20", day(2025, 6, 20)), "June 30", day(2025, 6, 30)));
        assert_eq!(doc.events.iter().filter(|e| e.event_type == PloverType::Consult || e.event_type == PloverType::Agree).count(), 2);
        assert!(doc.events.iter().all(|e| !e.rule.contains("coordinated")));
        // days whose year is open are still days
        let open = |d: u32, m: u32| UncertainDate::between(chrono::NaiveDate::from_ymd_opt(2025, m, d), None);
        let doc = doc_with("Armenia and Azerbaijan met on May 3 and June 9.", &[("Armenia", Location, Some("ARM")), ("Azerbaijan", Location, Some("AZE"))]);
        let doc = coded(with_time(with_time(doc, "May 3", open(3, 5)), "June 9", open(9, 6)));
        assert_eq!(doc.events.len(), 2, "{:#?}", doc.events);
        assert!(names_a_day("16 May") && names_a_day("June 2nd") && !names_a_day("May") && !names_a_day("last week"));
        // an inexact date in the coordination: no copies
        let doc = doc_with("Armenia and Azerbaijan met on May 3 and in June.", &[("Armenia", Location, Some("ARM")), ("Azerbaijan", Location, Some("AZE"))]);
        let doc = coded(with_time(with_time(doc, "May 3", day(2025, 5, 3)), "June", UncertainDate::parse_value("2025-06").unwrap()));
        assert_eq!(doc.events.len(), 1, "{:#?}", doc.events);
    }

    #[test]
    fn a_weekday_only_date_passes_through() {
        let monday = UncertainDate::on_weekday(
            chrono::NaiveDate::from_ymd_opt(2025, 5, 20),
            chrono::NaiveDate::from_ymd_opt(2025, 7, 14),
            1,
        )
        .unwrap();
        assert_eq!(monday.weekday, Some(1));
        let doc = doc_with("Armenia and Azerbaijan met on Monday.", &[("Armenia", Location, Some("ARM")), ("Azerbaijan", Location, Some("AZE"))]);
        let doc = coded(with_time(doc, "Monday", monday.clone()));
        assert_eq!(doc.events[0].date, monday);
    }

    #[test]
    fn a_year_marked_as_modifying_another_noun_never_dates_the_event() {
        // issue 14: "the 1989 Exxon Valdez accident" dated a later event to 1989
        let doc = doc_with(
            "Armenia and Azerbaijan met in Vienna after the 1989 Exxon Valdez accident.",
            &[("Armenia", Location, Some("ARM")), ("Azerbaijan", Location, Some("AZE")), ("Vienna", Location, Some("AUT"))],
        );
        let mut doc = with_time(doc, "1989", UncertainDate::parse_value("1989").unwrap());
        let noun = span_of(&doc, "accident");
        doc.times[0].modifies = Some(noun);
        let doc = coded(doc);
        let e = main_of(&doc);
        assert_ne!(e.date.value.as_deref(), Some("1989"), "{}", e.rule);
        assert!(e.date.earliest.map_or(true, |d| chrono::Datelike::year(&d) != 1989), "{:?}", e.date);
    }

    #[test]
    fn a_year_before_a_noun_modifies_that_noun() {
        let body = "The first talks since Moscow's 2022 invasion ended on Friday, as in 2014 when talks failed.";
        let at = |w: &str| word_span(body, w);
        assert_eq!(attributive_year(body, at("2022")), Some(at("invasion")));
        assert_eq!(attributive_year(body, at("2014")), None, "'2014 when' is no modifier");
        assert_eq!(attributive_year(body, at("Friday")), None);
    }

    #[test]
    fn a_relative_clause_on_a_time_happens_then() {
        // the parser may hang "when …" on the year itself: what the clause tells happened then
        let doc = parsed(
            "Fighting peaked in 1995 when troops attacked posts .",
            &[
                (2, "nsubj", Noun, "NN", "fighting"), (0, "root", Verb, "VBD", "peak"), (4, "case", Adp, "IN", ""),
                (2, "obl", Num, "CD", ""), (7, "advmod", Sconj, "WRB", ""), (7, "nsubj", Noun, "NNS", "troop"),
                (4, "acl:relcl", Verb, "VBD", "attack"), (7, "obj", Noun, "NNS", "post"), (2, "punct", Punct, ".", ""),
            ],
            &[],
        );
        assert_eq!(reach_of(&doc, "attacked", "1995"), Reach::Own);
        assert_eq!(reach_of(&doc, "posts", "1995"), Reach::Own, "an event noun in the clause takes it too");
    }

    #[test]
    fn a_time_after_a_preposition_of_order_bounds_the_act() {
        // "after" gives the earliest day, "until" the latest; "not until" is the day itself
        let doc = parsed(
            "Troops attacked Lima after Monday and shelled Quito until Friday .",
            &[
                (2, "nsubj", Noun, "NNS", "troop"), (0, "root", Verb, "VBD", "attack"), (2, "obj", Propn, "NNP", ""),
                (5, "case", Adp, "IN", ""), (2, "obl", Propn, "NNP", ""), (7, "cc", Cconj, "CC", ""),
                (2, "conj", Verb, "VBD", "shell"), (7, "obj", Propn, "NNP", ""), (10, "case", Adp, "IN", ""),
                (7, "obl", Propn, "NNP", ""), (2, "punct", Punct, ".", ""),
            ],
            &[],
        );
        assert_eq!(reach_of(&doc, "attacked", "Monday"), Reach::Earliest);
        assert_eq!(reach_of(&doc, "shelled", "Friday"), Reach::Deadline);
        let doc = parsed(
            "Troops did not attack Lima until Monday .",
            &[
                (4, "nsubj", Noun, "NNS", "troop"), (4, "aux", Aux, "VBD", "do"), (4, "advmod", Part, "RB", ""),
                (0, "root", Verb, "VB", ""), (4, "obj", Propn, "NNP", ""), (7, "case", Adp, "IN", ""),
                (4, "obl", Propn, "NNP", ""), (4, "punct", Punct, ".", ""),
            ],
            &[],
        );
        assert_eq!(reach_of(&doc, "attack", "Monday"), Reach::Own);
    }

    #[test]
    fn a_time_two_clauses_down_dates_only_its_own_clause() {
        // Monday is when the dams collapsed, in a relative clause inside the
        // pledge's purpose: not when the laws were pledged
        let doc = parsed(
            "Ministers pledged laws to address causes which began when dams collapsed on Monday .",
            &[
                (2, "nsubj", Noun, "NNS", "minister"), (0, "root", Verb, "VBD", "pledge"), (2, "obj", Noun, "NNS", "law"),
                (5, "mark", Part, "TO", ""), (2, "advcl", Verb, "VB", ""), (5, "obj", Noun, "NNS", "cause"),
                (8, "nsubj", Pron, "WDT", ""), (6, "acl:relcl", Verb, "VBD", "begin"), (11, "advmod", Sconj, "WRB", ""),
                (11, "nsubj", Noun, "NNS", "dam"), (8, "advcl", Verb, "VBD", "collapse"), (13, "case", Adp, "IN", ""),
                (11, "obl", Propn, "NNP", ""), (2, "punct", Punct, ".", ""),
            ],
            &[],
        );
        assert_eq!(reach_of(&doc, "pledged", "Monday"), Reach::Other);
        assert_eq!(reach_of(&doc, "collapsed", "Monday"), Reach::Own);
    }

    #[test]
    fn a_clause_on_a_noun_tells_that_nouns_own_time() {
        // the blocking was on Monday; the decisions that lifted the bans came before
        let doc = parsed(
            "Ministers met on Monday when judges blocked decisions that lifted bans .",
            &[
                (2, "nsubj", Noun, "NNS", "minister"), (0, "root", Verb, "VBD", "meet"), (4, "case", Adp, "IN", ""),
                (2, "obl", Propn, "NNP", ""), (7, "advmod", Sconj, "WRB", ""), (7, "nsubj", Noun, "NNS", "judge"),
                (2, "advcl", Verb, "VBD", "block"), (7, "obj", Noun, "NNS", "decision"), (10, "nsubj", Pron, "WDT", ""),
                (8, "acl:relcl", Verb, "VBD", "lift"), (10, "obj", Noun, "NNS", "ban"), (2, "punct", Punct, ".", ""),
            ],
            &[],
        );
        assert_eq!(reach_of(&doc, "blocked", "Monday"), Reach::Own);
        assert_eq!(reach_of(&doc, "lifted", "Monday"), Reach::Other);
    }
}
