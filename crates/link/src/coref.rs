//! Event coreference across documents.
//!
//! Events coded from single sentences merge into one [`MergedEvent`] when
//! they have the same PLOVER type and modality, compatible parties (side by
//! side: the actors of one report name the same party as the other's actors —
//! a KB id, a transliterated name, or the same country with no sector
//! disagreement — and so do the recipients; no side may name another party,
//! nor may both sides name a counterpart the other lacks; for mutual types
//! the two sides are one group of participants), dates that agree (their
//! uncertain ranges intersect: reports of two different exact days never
//! merge; reports whose days lie more than a few days apart merge only on an
//! explicit date both state), compatible places and some shared content —
//! without dates that narrow or pin the day, beyond the parties and the act.
//! A visit, a phone call and a meeting are different acts (the CONSULT
//! modes), a report of several happenings ("four visits", "met twice") joins
//! no other unless word for word, an ordinal ("his first visit") joins only
//! reports naming a party in common, two events of one sentence are one act
//! only when they share a party, two statement predicates of one sentence
//! are two statements, and two triggers of one article are two acts when an
//! occasion word sets one apart ("after previous talks stalled") or, with
//! different words, one lies in a relative or purpose clause the other is not
//! in ("imposed bans to prevent exposure"; the input of event coreference
//! keeps the triggers' paths in the tree for this), or when the same act word
//! stands under itself ("apologised for apologising"). A sentence copied into
//! two articles holds two acts when each report is on another of its
//! predicates.
//! Reports keep their document, sentence, trigger and outlet; `num_sources`
//! counts independent outlets, leaving out duplicates, articles glued to a
//! host page that also reports the event, and reports whose sentence is word
//! for word one already counted from another outlet (shared boilerplate or
//! wire copy is not corroboration). Where reports disagree on a number or a
//! place the event lists every value with its document.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::LazyLock;

use chronicle_core::{
    DocId, Document, EntityType, Event, EventArg, Modality, Place, PlaceBasis, PloverType, Span, UncertainDate,
};
use chrono::NaiveDate;

use crate::settings::SETTINGS;
use crate::text::{content_terms, hash64, stem, translit_key, words, Bag};

pub use chronicle_core::record::{Contradiction, MergedEvent, Report};

/// Earliest and latest possible day.
type Bounds = (Option<NaiveDate>, Option<NaiveDate>);

#[derive(Clone)]
struct Cluster {
    event_type: PloverType,
    modality: Modality,
    actor_keys: BTreeSet<String>,
    strong_keys: BTreeSet<String>,
    country_keys: BTreeSet<String>,
    place_keys: BTreeSet<String>,
    place_countries: BTreeSet<String>,
    /// Content terms of each member's evidence sentence.
    member_terms: Vec<Bag>,
    /// Each member's sentence, trigger stem, actor keys and exact day.
    member_facts: Vec<MemberFacts>,
    /// The intersection of the members' dates (weekdays included).
    date: UncertainDate,
    /// Ordinals the members give the event ("the first round", "second talks").
    ordinals: BTreeSet<u32>,
    pub_dates: Vec<NaiveDate>,
    docs: BTreeSet<DocId>,
    members: Vec<(usize, usize)>,
    /// Earliest and latest day of its reports (each report's exact date, else
    /// its exact publication day).
    days: Option<(NaiveDate, NaiveDate)>,
}

#[derive(Clone)]
struct MemberFacts {
    doc: DocId,
    sentence: Span,
    trigger: String,
    /// Where the trigger stands: two triggers of one sentence are two predicates.
    trigger_span: Span,
    /// The PLOVER mode ("visit", "phone"), `None` for the type's plain act.
    mode: Option<String>,
    /// The trigger counts several happenings ("four visits").
    iterated: bool,
    /// Where a visit went, when its own sentence names the place (latitude, longitude).
    visited: Option<(f64, f64)>,
    /// What the sentence says beyond its parties and trigger ([`said_terms`]).
    said: Bag,
    actor_keys: BTreeSet<String>,
    day: Option<NaiveDate>,
    date: UncertainDate,
    parties: Parties,
    /// The calendar days the sentence states in full, year included ([`stated_days`]).
    stated: BTreeSet<NaiveDate>,
    /// The word placing the trigger on another occasion ("previous talks"), if any ([`occasion_word`]).
    occasion: Option<String>,
    /// The trigger's token and its heads up to the root ([`head_path`]).
    path: Vec<u32>,
    /// The lemma of the trigger's first token in the tree, if parsed.
    lemma: Option<String>,
    /// The trigger heads a clause or phrase depending on its head (`advcl`,
    /// `xcomp`, `ccomp`, `obl`, `acl`).
    heads_a_clause: bool,
    /// The head of the relative or purpose clause the trigger lies in, if any ([`embedding_clause`]).
    embedded_in: Option<u32>,
}

/// One event argument as comparable facts.
#[derive(Clone, Debug, Default)]
struct Party {
    /// KB id and transliterated name keys ([`arg_keys`]).
    names: BTreeSet<String>,
    country: Option<String>,
    sector: Option<String>,
}

/// The two sides of an event.
#[derive(Clone, Debug, Default)]
struct Parties {
    actors: Vec<Party>,
    recipients: Vec<Party>,
}

impl Parties {
    fn of(e: &Event) -> Parties {
        let side = |args: &[EventArg]| -> Vec<Party> {
            args.iter()
                .map(|a| Party { names: arg_keys(a).into_iter().collect(), country: a.country.clone(), sector: a.sector.clone() })
                .collect()
        };
        Parties { actors: side(&e.actors), recipients: side(&e.recipients) }
    }

    fn is_empty(&self) -> bool {
        self.actors.is_empty() && self.recipients.is_empty()
    }

    /// Both sides as one list.
    fn all(&self) -> Vec<Party> {
        self.actors.iter().chain(&self.recipients).cloned().collect()
    }
}

/// How two reports' sides compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum SideMatch {
    /// A side names a party the other report's same side does not.
    Conflict,
    /// No side is named by both reports.
    Unknown,
    /// A side is named by both and agrees; none conflicts.
    Agree,
}

/// Two arguments name the same party: a shared KB id or name key, or the
/// same country with no sector disagreement ("Syria" and "the Syrian
/// government" agree; "Syrian troops" and "Syrian rebels" do not).
fn same_party(a: &Party, b: &Party) -> bool {
    if !a.names.is_disjoint(&b.names) {
        return true;
    }
    match (&a.country, &b.country) {
        (Some(x), Some(y)) if x == y => match (&a.sector, &b.sector) {
            (Some(s), Some(t)) => s == t,
            _ => true,
        },
        _ => false,
    }
}

/// One side against the other report's same side: unknown when either names
/// none; a conflict when they share no party, or when each names a party the
/// other does not (a counterpart of its own: "met the cabinet" and "met the
/// oil company's chiefs" are two meetings of one president); else agreement.
/// A side that only adds to the other ("met the envoy" and "met the envoy and
/// his deputy") agrees.
fn compare_side(a: &[Party], b: &[Party]) -> SideMatch {
    if a.is_empty() || b.is_empty() {
        return SideMatch::Unknown;
    }
    let unmatched = |x: &[Party], y: &[Party]| x.iter().any(|p| !y.iter().any(|q| same_party(p, q)));
    let shared = a.iter().any(|x| b.iter().any(|y| same_party(x, y)));
    if !shared || (unmatched(a, b) && unmatched(b, a)) {
        SideMatch::Conflict
    } else {
        SideMatch::Agree
    }
}

/// Actors against actors and recipients against recipients: a conflict on
/// either side wins, else an agreement on either.
fn compare_sides(a: (&[Party], &[Party]), b: (&[Party], &[Party])) -> SideMatch {
    let (x, y) = (compare_side(a.0, b.0), compare_side(a.1, b.1));
    if x == SideMatch::Conflict || y == SideMatch::Conflict {
        SideMatch::Conflict
    } else {
        x.max(y)
    }
}

/// Types whose events are speech acts — demands, accusations, offers,
/// refusals, threats, praise (PLOVER's verbal types). A leader makes many in a
/// week, so the same speaker and day say little: their content must agree.
fn is_statement(t: PloverType) -> bool {
    matches!(
        t,
        PloverType::Request
            | PloverType::Accuse
            | PloverType::Agree
            | PloverType::Reject
            | PloverType::Threaten
            | PloverType::Support
    )
}

/// Types whose two sides do the same thing to each other ("A and B met"), so
/// one report's actor may be another's recipient.
fn is_mutual(t: PloverType) -> bool {
    matches!(t, PloverType::Consult | PloverType::Agree | PloverType::Cooperate)
}

/// How the parties of two reports of one type compare. The two sides of a
/// mutual type are one group of participants, so they are compared pooled
/// ("A met B" and "B and A held talks" agree; "A met B" and "A met C" do not).
fn compare_parties(t: PloverType, a: &Parties, b: &Parties) -> SideMatch {
    if !is_mutual(t) {
        return compare_sides((&a.actors, &a.recipients), (&b.actors, &b.recipients));
    }
    compare_side(&a.all(), &b.all())
}

/// A report may join a cluster only if its parties conflict with none of the
/// compared members' and, when it names parties, agree with some member's
/// (one shared name in a pooled set is not enough).
fn parties_fit(c: &Cluster, x: &MemberFacts) -> bool {
    if x.parties.is_empty() {
        return true;
    }
    let mut agreed = false;
    let mut any_named = false;
    for m in compared(&c.member_facts) {
        if m.parties.is_empty() {
            continue;
        }
        any_named = true;
        match compare_parties(c.event_type, &m.parties, &x.parties) {
            SideMatch::Conflict => return false,
            SideMatch::Agree => agreed = true,
            SideMatch::Unknown => {}
        }
    }
    agreed || !any_named
}

/// The members a report is compared with: the first and the latest ones of a
/// large cluster (a wire's boilerplate can gather hundreds).
fn compared<T>(members: &[T]) -> impl Iterator<Item = &T> {
    let half = MAX_COMPARED_MEMBERS / 2;
    let n = members.len();
    members.iter().take(half).chain(members.iter().skip(n.saturating_sub(half).max(half)))
}

/// The day a report speaks of, for the span of a cluster: its exact date,
/// else its exact publication day.
fn report_day(date: &UncertainDate, published: Option<NaiveDate>) -> Option<NaiveDate> {
    date.exact_day().or(published)
}

/// True when a date states something of its own (a day, a weekday, a day of a month).
fn is_stated(d: &UncertainDate) -> bool {
    d.exact_day().is_some() || d.weekday.is_some() || d.month_day.is_some()
}

/// Reports whose days lie more than `coref_max_span_days` apart merge only
/// on an explicit date both state and that pins one day.
fn span_allows(c: &Cluster, x: &Candidate<'_>, merged: &UncertainDate) -> bool {
    let Some(day) = report_day(x.date, x.pub_date) else { return true };
    let Some((lo, hi)) = c.days else { return true };
    let span = (hi.max(day) - lo.min(day)).num_days();
    span <= SETTINGS.coref_max_span_days || (merged.exact_day().is_some() && is_stated(x.date) && is_stated(&c.date))
}

fn arg_keys(a: &EventArg) -> Vec<String> {
    let mut k = Vec::new();
    if let Some(kb) = a.kb_id.as_deref().filter(|s| !s.is_empty()) {
        k.push(format!("kb:{kb}"));
    }
    let n = translit_key(&a.name);
    if !n.is_empty() {
        k.push(format!("n:{n}"));
        // surname alone, so "Medinsky" meets "Vladimir Medinsky"
        if let Some(last) = n.rsplit(' ').next() {
            if last.len() >= 4 && n.contains(' ') {
                k.push(format!("n:{last}"));
            }
        }
    }
    k
}

/// True when an argument names a specific person or organisation (not a
/// country, place or nationality, which many unrelated events share): its
/// mention in the document is typed Person or Organization.
fn is_specific(doc: &Document, a: &EventArg) -> bool {
    let Some(sp) = a.span else { return false };
    doc.mentions
        .iter()
        .filter(|m| m.span.start() < sp.end() && sp.start() < m.span.end())
        .any(|m| matches!(m.entity_type, EntityType::Person | EntityType::Organization))
}

/// A quantity's key: the head noun of what it counts ("prisoners of war" →
/// "prisoner"), else its unit, else "number".
fn quantity_key(q: &chronicle_core::Quantity) -> String {
    if let Some(c) = q.counts.as_deref() {
        let head = c.split(" of ").next().unwrap_or(c);
        if let Some(w) = words(head).last() {
            return stem(w);
        }
    }
    q.unit.clone().unwrap_or_else(|| "number".to_string())
}

fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The stem of a trigger's last word ("held talks" → "talk").
fn trigger_stem(doc: &Document, e: &Event) -> String {
    words(e.trigger.text(doc.body()))
        .last()
        .map(|w| stem(w))
        .unwrap_or_default()
}

/// Ordinal words that number an event in a series ("the first round of
/// talks", "the third meeting").
const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("1st", 1),
    ("second", 2),
    ("2nd", 2),
    ("third", 3),
    ("3rd", 3),
    ("fourth", 4),
    ("4th", 4),
    ("fifth", 5),
    ("5th", 5),
    ("sixth", 6),
    ("6th", 6),
    ("seventh", 7),
    ("7th", 7),
    ("eighth", 8),
    ("8th", 8),
    ("ninth", 9),
    ("9th", 9),
    ("tenth", 10),
    ("10th", 10),
];

/// How many words before the trigger an ordinal may stand ("the first round of
/// direct talks": four).
const ORDINAL_WINDOW: usize = 4;

/// The ordinal the sentence gives the event right before its trigger ("the
/// first direct peace talks", "a second round of negotiations"), if any.
fn event_ordinal(doc: &Document, e: &Event) -> Option<u32> {
    let body = doc.body();
    let (start, end) = (e.sentence.start(), e.trigger.start());
    let before = body.get(start.min(end)..end)?;
    let ws = words(before);
    ws.iter().rev().take(ORDINAL_WINDOW).find_map(|w| {
        let l = w.to_lowercase();
        ORDINALS.iter().find(|(o, _)| *o == l).map(|(_, n)| *n)
    })
}

/// What one report brings to the comparison with a cluster.
struct Candidate<'a> {
    doc: &'a Document,
    bounds: Bounds,
    actor_keys: &'a BTreeSet<String>,
    strong_keys: &'a BTreeSet<String>,
    country_keys: &'a BTreeSet<String>,
    place_keys: &'a BTreeSet<String>,
    place_countries: &'a BTreeSet<String>,
    terms: &'a Bag,
    facts: &'a MemberFacts,
    pub_date: Option<NaiveDate>,
    date: &'a UncertainDate,
    ordinal: Option<u32>,
}

/// A match of a report with a cluster.
struct Match {
    score: f64,
    date: UncertainDate,
    /// The merged day was pinned only by a partial date ("on Monday" against a
    /// dated report, or against "June 2" of an open year).
    pinned_by_weekday: Option<NaiveDate>,
}

/// How strongly a report matches a cluster, or None when they must stay apart.
///
/// Same type and modality are required (the caller checks). Within one
/// document a report joins only the same sentence's event, or one with the
/// same trigger, the same actors and the same exact day. Across documents the
/// dates must intersect (or, for near-identical sentences, lie a day apart —
/// a date contradiction) and there must be real evidence: near-identical
/// sentences; or a narrow date on both sides with shared participants or
/// similar sentences; or, when a date is wide or missing, very similar
/// sentences about the same sides, or shared specific actors (people,
/// organisations) with similar sentences. Reports with neither actors nor a date merge only on
/// near-identical sentences.
fn match_score(c: &Cluster, x: &Candidate<'_>) -> Option<Match> {
    let st = &*SETTINGS;
    // "the first round" and "the second round" are two events
    if let Some(o) = x.ordinal {
        if !c.ordinals.is_empty() && !c.ordinals.contains(&o) {
            return None;
        }
    }
    let same_doc = c.docs.contains(&x.doc.id);
    let intersection = x.date.intersect(&c.date);
    // dates that do not intersect (two different exact days) are two events
    if !same_doc && intersection.is_none() {
        return None;
    }
    // the best similarity to a compared member sentence
    let content = compared(&c.member_terms).map(|t| x.terms.cosine(t)).fold(0.0, f64::max);
    if same_doc {
        // "talks begin after previous talks stalled": another occasion is another act
        let same = c.member_facts.iter().any(|m| {
            m.doc == x.doc.id
                && m.occasion == x.facts.occasion
                && (one_act_in_one_sentence(c.event_type, m, x.facts)
                    || (m.trigger == x.facts.trigger
                        && !m.actor_keys.is_empty()
                        && m.actor_keys == x.facts.actor_keys
                        && m.day.is_some()
                        && m.day == x.facts.day)
                    || (same_meeting_in_one_article(c.event_type, m, x.facts)
                        && (x.actor_keys.is_empty() || c.actor_keys.is_empty() || !x.actor_keys.is_disjoint(&c.actor_keys))))
        });
        if !same {
            return None;
        }
        // one sentence can report two events on two dates ("talks on May 16 and June 2")
        let date = intersection?;
        return Some(Match {
            score: 2.0 + content,
            date,
            pinned_by_weekday: None,
        });
    }
    let merged_date = intersection?;
    if !parties_fit(c, x.facts) || !span_allows(c, x, &merged_date) {
        return None;
    }
    // two sentences that each give their own full dates, days apart, report two happenings
    if compared(&c.member_facts).any(|m| stated_apart(m, x.facts)) {
        return None;
    }
    // a visit is not a phone call or a meeting
    if compared(&c.member_facts).any(|m| modes_clash(c.event_type, m, x.facts)) {
        return None;
    }
    // a visit to one region and a visit to another far away are two trips
    if compared(&c.member_facts).any(|m| visits_apart(m, x.facts)) {
        return None;
    }
    // "four visits" are not one; only a copy of the same words joins them
    let iterated = x.facts.iterated || compared(&c.member_facts).any(|m| m.iterated);
    if iterated && content < st.coref_near_identical {
        return None;
    }
    let date_known = x.bounds.0.is_some() || x.bounds.1.is_some();
    let cluster_known = !c.date.is_unknown();
    let near = content >= st.coref_near_identical;
    // a copy of a sentence joins the report on the same predicate, never one on
    // another (only a near-identical member, which `near` says there is, is a copy)
    if near {
        let copies: Vec<(&MemberFacts, &Bag)> =
            compared(&c.member_facts).zip(compared(&c.member_terms)).filter(|(_, terms)| x.terms.cosine(terms) >= st.coref_near_identical).collect();
        if !copies.iter().any(|(m, _)| m.trigger == x.facts.trigger) && copies.iter().any(|(m, terms)| two_predicates_of_one_text(m, terms, x.facts, x.terms)) {
            return None;
        }
    }
    let merged_bounds = merged_date.bounds();
    // A partial date pinned the day: "met on Monday" (within weeks) and a report
    // dated to one Monday, or "June 2" of an open year and that Monday. Never
    // two plain ranges meeting at an edge.
    let partial = |d: &UncertainDate| d.exact_day().is_none() && (d.weekday.is_some() || d.month_day.is_some());
    let kinds_differ = (x.date.weekday.is_some() && c.date.month_day.is_some()) || (x.date.month_day.is_some() && c.date.weekday.is_some());
    let pins = (partial(x.date) && c.date.exact_day().is_some())
        || (partial(&c.date) && x.date.exact_day().is_some())
        || (partial(x.date) && partial(&c.date) && kinds_differ);
    let pinned_by_weekday = if pins { merged_date.exact_day() } else { None };
    let same_ordinal = x.ordinal.is_some_and(|o| c.ordinals.contains(&o));
    let pub_close = match x.pub_date {
        Some(p) => c
            .pub_dates
            .iter()
            .any(|q| (p - *q).num_days().abs() <= st.coref_max_pub_gap_days),
        None => false,
    };
    let both_known = date_known && cluster_known;
    // each side's own date is narrow (an intersection of two wide ranges is no evidence)
    let width = |b: Bounds| match b {
        (Some(l), Some(h)) => Some((h - l).num_days()),
        _ => None,
    };
    let narrow = both_known
        && [
            width(x.bounds),
            width(c.date.bounds()),
            width(merged_bounds),
        ]
        .iter()
        .all(|w| w.is_some_and(|w| w <= st.coref_narrow_date_days));
    // participants
    let name_overlap = x.actor_keys.intersection(&c.actor_keys).count();
    let country_overlap = x.country_keys.intersection(&c.country_keys).count();
    let strong_overlap = x.strong_keys.intersection(&c.strong_keys).count();
    let has_args = !x.actor_keys.is_empty() && !c.actor_keys.is_empty();
    if has_args && name_overlap == 0 && country_overlap == 0 && !near {
        return None;
    }
    // places
    let place_clash = !x.place_keys.is_empty()
        && !c.place_keys.is_empty()
        && x.place_keys.is_disjoint(&c.place_keys);
    if place_clash && (x.place_countries.is_disjoint(&c.place_countries) || name_overlap == 0) {
        return None;
    }
    let no_args = x.actor_keys.is_empty() && c.actor_keys.is_empty();
    let no_date = !date_known && !cluster_known;
    // one speaker says many things in a day: what was said, not who said it to
    // whom, tells statements apart
    let said = compared(&c.member_facts).map(|m| x.facts.said.cosine(&m.said)).fold(0.0, f64::max);
    let (topic, least) = if is_statement(c.event_type) {
        (said, st.coref_statement_content)
    } else {
        (content, st.coref_min_content)
    };
    let related = topic >= least;
    // Without dates that pin or narrow the day, likeness must also lie in what
    // the sentences say beyond the parties and the act, as much as for two
    // reports of one statement: the parties and the act are what every report
    // of that party's acts of that type shares ("Obama's visit to the Gulf" is
    // each of his visits there)
    let beyond = said >= st.coref_statement_content;
    let high = topic >= st.coref_high_content;
    // the same sides, or one report names none
    let sides_agree = name_overlap > 0
        || country_overlap > 0
        || x.actor_keys.is_empty()
        || c.actor_keys.is_empty();
    let evidence = if near {
        true
    } else if same_ordinal && name_overlap > 0 && (date_known || cluster_known) {
        // "the first direct talks" in two reports whose dates agree; an ordinal
        // counts one party's series ("Holder's first visit" is not "Cameron's
        // first visit"), so a party must be named by both
        true
    } else if pinned_by_weekday.is_some() && sides_agree && related {
        true
    } else if no_args && no_date {
        false
    } else if narrow {
        (has_args && (name_overlap > 0 || country_overlap > 0) && related)
            || high
    } else {
        // wide or missing dates: very similar sentences about the same sides, or
        // shared specific actors (people, organisations) with similar sentences
        // and a known date or a close publication day
        let shared = name_overlap > 0 || country_overlap > 0;
        beyond && ((shared && topic >= st.coref_similar_content) || (strong_overlap > 0 && high && (both_known || pub_close)))
    };
    if !evidence {
        return None;
    }
    // a glued-on article merges into its host's events only when independently about them
    if let Some(h) = x.doc.meta.appended_to.as_ref() {
        let exact_same_day = x.bounds.0.is_some()
            && x.bounds.0 == x.bounds.1
            && c.date.bounds() == x.bounds;
        if c.docs.contains(h) && !(exact_same_day && content >= 0.3) && !near {
            return None;
        }
    }
    let score = content
        + 0.5 * (name_overlap.min(3) as f64 / 3.0)
        + 0.2 * (country_overlap.min(2) as f64 / 2.0)
        + if narrow { 0.3 } else { 0.0 }
        + if same_ordinal { 0.5 } else { 0.0 };
    Some(Match {
        score,
        date: merged_date,
        pinned_by_weekday,
    })
}

/// The calendar days an event's sentence states in full: its time expressions
/// that name a year and resolve to one day ("June 16, 2010", "Thursday 5
/// August 2010"). A dateline, a caption's date or a timeline entry's date says
/// when the reported happening took place, or what else the sentence dates; a
/// day without a year ("on Friday", "June 16") may be resolved against an
/// uncertain document date and is left out.
fn stated_days(doc: &Document, e: &Event) -> BTreeSet<NaiveDate> {
    let body = doc.body();
    doc.times
        .iter()
        .filter(|t| t.span.start() >= e.sentence.start() && t.span.end() <= e.sentence.end())
        .filter(|t| t.span.text(body).split(|c: char| !c.is_ascii_digit()).any(|d| d.len() == 4))
        .filter_map(|t| t.resolved.exact_day())
        .collect()
}

/// Both sentences state full dates, none in common and none within
/// `coref_max_span_days` of one of the other's: a report dated 5 August and
/// one dated 16 December are two happenings, whatever else they share.
fn stated_apart(a: &MemberFacts, b: &MemberFacts) -> bool {
    if a.stated.is_empty() || b.stated.is_empty() {
        return false;
    }
    let near = |x: &NaiveDate| b.stated.iter().any(|y| (*x - *y).num_days().abs() <= SETTINGS.coref_max_span_days);
    !a.stated.iter().any(near)
}

/// The destination of a visit whose own sentence names where it went.
fn visit_point(ev: &Event) -> Option<(f64, f64)> {
    if ev.mode.as_deref() != Some("visit") {
        return None;
    }
    let p = ev.place.as_ref().filter(|p| p.basis == Some(PlaceBasis::Sentence))?;
    Some((p.lat?, p.lon?))
}

/// Two visits whose sentences name destinations farther apart than
/// `coref_visit_apart_km` ("toured Louisiana", "flew to Chicago").
fn visits_apart(a: &MemberFacts, b: &MemberFacts) -> bool {
    match (a.visited, b.visited) {
        (Some(p), Some(q)) => great_circle_km(p, q) > SETTINGS.coref_visit_apart_km,
        _ => false,
    }
}

/// The great-circle distance in kilometres between two (latitude, longitude) points.
fn great_circle_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// Two events coded from one sentence are one act when they are of one kind
/// (the same mode) and their sides do not name different parties: "accepted
/// Mexico's offer and a Dutch offer" holds two offers, "met … at the talks"
/// one meeting. A statement is made by its own predicate, so two statement
/// triggers of one sentence are two statements ("urged Congress to raise the
/// cap and pushed for a new regulator"); only copies of one trigger (one per
/// coordinated date or item) may be one.
fn one_act_in_one_sentence(event_type: PloverType, m: &MemberFacts, x: &MemberFacts) -> bool {
    m.sentence == x.sentence
        && !(is_statement(event_type) && m.trigger_span != x.trigger_span)
        && !(m.trigger_span != x.trigger_span && one_serves_the_other(m, x))
        && !(m.trigger_span != x.trigger_span && one_act_word_governs_itself(m, x))
        && !modes_clash(event_type, m, x)
        && compare_parties(event_type, &m.parties, &x.parties) != SideMatch::Conflict
        && (m.parties.is_empty() || x.parties.is_empty() || shares_a_party(&m.parties, &x.parties))
}

/// Two triggers of one sentence with different words tell two happenings
/// when one lies in a relative or purpose clause that does not hold the
/// other ("imposed bans to prevent exposure", "their meeting … the families
/// I met"). The same event noun named twice ("said in the meeting … who
/// attended the meeting") stays one. (Two occasions — "after previous talks
/// stalled" — never reach here: [`match_score`] keeps them apart.)
fn one_serves_the_other(m: &MemberFacts, x: &MemberFacts) -> bool {
    let outside = |a: &MemberFacts, b: &MemberFacts| a.embedded_in.is_some_and(|r| !b.path.contains(&r));
    m.trigger != x.trigger && (outside(m, x) || outside(x, m))
}

/// The same act word twice in one sentence, one heading a clause or phrase
/// that depends on the other, names two acts: the act and the act it is
/// about ("apologised for apologising", "denied having denied"). One act told
/// twice stands side by side, never one under the other.
fn one_act_word_governs_itself(m: &MemberFacts, x: &MemberFacts) -> bool {
    let under = |a: &MemberFacts, b: &MemberFacts| a.heads_a_clause && a.path.get(1).is_some_and(|h| b.path.first() == Some(h));
    m.lemma.is_some() && m.lemma == x.lemma && (under(m, x) || under(x, m))
}

/// One sentence copied into two articles, with each report on another of its
/// predicates: each trigger's word stands in the other's sentence too ("Biden
/// condemned the remarks and the leaders issued a statement denouncing them":
/// "condemned" in one copy, "denouncing" in the other). They are two acts.
fn two_predicates_of_one_text(m: &MemberFacts, m_terms: &Bag, x: &MemberFacts, x_terms: &Bag) -> bool {
    m.trigger != x.trigger && !m.trigger.is_empty() && !x.trigger.is_empty() && m_terms.contains(&x.trigger) && x_terms.contains(&m.trigger)
}

/// The trigger's first token and its heads up to the sentence root (at most
/// 32 steps); empty when the sentence has no tree.
fn head_path(doc: &Document, e: &Event) -> Vec<u32> {
    let first = doc.tokens.partition_point(|t| t.span.start() < e.trigger.start());
    let mut path = Vec::new();
    let mut at = (first < doc.tokens.len() && e.trigger.contains(doc.tokens[first].span)).then_some(first as u32);
    while let Some(t) = at.filter(|_| path.len() < 32) {
        path.push(t);
        at = doc.tokens.get(t as usize).and_then(|tok| tok.syntax.as_ref()).and_then(|s| s.head).filter(|h| !path.contains(h));
    }
    path
}

/// The head of the nearest clause on `path` that only describes or serves
/// another predicate: a relative or adnominal clause (`acl`, `acl:relcl`:
/// "the families I met") or a purpose infinitive (`advcl` marked by "to":
/// "to prevent exposure").
fn embedding_clause(doc: &Document, path: &[u32]) -> Option<u32> {
    let syntax = |t: u32| doc.tokens.get(t as usize).and_then(|tok| tok.syntax.as_ref());
    path.iter().copied().find(|&t| {
        let Some(s) = syntax(t) else { return false };
        let rel = s.deprel.split(':').next().unwrap_or("");
        let to_marked = || {
            let lo = (t as usize).saturating_sub(8);
            (lo..t as usize).any(|c| syntax(c as u32).is_some_and(|cs| cs.head == Some(t) && cs.deprel == "mark" && cs.lemma.eq_ignore_ascii_case("to")))
        };
        rel == "acl" || (rel == "advcl" && to_marked())
    })
}

/// An occasion word of `data/link/other_occasions.txt` modifying the trigger
/// in the tree (`amod`, `det`: "previous talks", "another attack").
fn occasion_word(doc: &Document, path: &[u32]) -> Option<String> {
    let &t = path.first()?;
    let lo = (t as usize).saturating_sub(6);
    doc.tokens.get(lo..t as usize)?.iter().find_map(|tok| {
        tok.syntax.as_ref().filter(|s| s.head == Some(t) && matches!(s.deprel.as_str(), "amod" | "det"))?;
        let w = tok.span.text(doc.body()).to_lowercase();
        OTHER_OCCASIONS.contains(w.as_str()).then_some(w)
    })
}

/// Words that place an event noun on another occasion (`data/link/other_occasions.txt`).
static OTHER_OCCASIONS: LazyLock<BTreeSet<&'static str>> = LazyLock::new(|| word_list(include_str!("../../../data/link/other_occasions.txt")));

/// The words of a one-word-per-line list (`#` comments and blank lines skipped).
fn word_list(text: &'static str) -> BTreeSet<&'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// Some party of one report, on either side, is a party of the other.
fn shares_a_party(a: &Parties, b: &Parties) -> bool {
    let theirs = b.all();
    a.all().iter().any(|x| theirs.iter().any(|y| same_party(x, y)))
}

/// Whether two reports of one type are different kinds of act. A mode of
/// CONSULT is a kind of contact — a visit (travel to the other side), a phone
/// call, a multilateral meeting, mediation — and the plain mode is a meeting,
/// so any two different modes are two acts. The modes of other types refine
/// one kind of act ("an attack" and "an air strike" may be one), so only two
/// different named modes clash.
fn modes_clash(event_type: PloverType, a: &MemberFacts, b: &MemberFacts) -> bool {
    if event_type == PloverType::Consult {
        return a.mode != b.mode;
    }
    matches!((&a.mode, &b.mode), (Some(x), Some(y)) if x != y)
}

/// The content terms of what an event's sentence says beyond who did it to
/// whom: the sentence's terms less those of its parties' names and of its
/// trigger. Two statements of one speaker to one listener differ here.
fn said_terms(doc: &Document, e: &Event) -> Bag {
    let body = doc.body();
    let mut named: BTreeSet<String> = content_terms(e.trigger.text(body)).into_iter().collect();
    for a in e.actors.iter().chain(&e.recipients) {
        named.extend(content_terms(&a.name));
        if let Some(span) = a.span {
            named.extend(content_terms(span.text(body)));
        }
    }
    let said: Vec<String> = content_terms(e.sentence.text(body)).into_iter().filter(|t| !named.contains(t)).collect();
    Bag::of(&said)
}

/// Words before a plural event noun that count several happenings
/// (`data/link/iterations.txt`).
static ITERATION_WORDS: LazyLock<BTreeSet<&'static str>> = LazyLock::new(|| word_list(include_str!("../../../data/link/iterations.txt")));

/// Adverbials of frequency after a trigger (`data/link/iteration_adverbials.tsv`):
/// the adverbs that count several happenings alone ("twice") and the nouns
/// that do after a count ("three times", "on four occasions").
static ITERATION_ADVERBIALS: LazyLock<(BTreeSet<&'static str>, BTreeSet<&'static str>)> = LazyLock::new(|| {
    let mut adverbs = BTreeSet::new();
    let mut units = BTreeSet::new();
    for line in include_str!("../../../data/link/iteration_adverbials.tsv").lines() {
        let mut parts = line.trim().split('\t');
        match (parts.next(), parts.next()) {
            (Some("adverb"), Some(w)) => {
                adverbs.insert(w.trim());
            }
            (Some("unit"), Some(w)) => {
                units.insert(w.trim());
            }
            _ => {}
        }
    }
    (adverbs, units)
});

/// How many words after a trigger an adverbial of frequency may end ("visited
/// the port on a number of occasions": seven).
const ITERATION_WINDOW: usize = 8;

/// A word that counts: a count word of `data/link/iterations.txt` or a number above one.
fn is_count_word(w: &str) -> bool {
    ITERATION_WORDS.contains(w) || w.replace(',', "").parse::<u64>().is_ok_and(|n| n > 1)
}

/// The trigger counts several happenings: a plural noun counted ("his four
/// visits", "several attacks", "12 raids", "dozens of strikes"), or an act
/// followed by an adverbial of frequency ("met twice", "has visited the coast
/// three times", "on a number of occasions"). Plural nouns that name one
/// happening ("talks", "negotiations") take no such count in news writing
/// ("four talks" is rare), and a count of one is one.
fn is_iterated(doc: &Document, e: &Event) -> bool {
    counted_noun(doc, e) || frequency_after(doc, e)
}

/// The trigger is a plural noun with a count before it.
fn counted_noun(doc: &Document, e: &Event) -> bool {
    let trigger = e.trigger.text(doc.body());
    let Some(last) = words(trigger).last().map(|w| w.to_lowercase()) else { return false };
    if !last.ends_with('s') || last.ends_with("ss") {
        return false;
    }
    let before = doc.body().get(e.sentence.start().min(e.trigger.start())..e.trigger.start()).unwrap_or("");
    let mut prior: Vec<String> = words(before).iter().rev().take(3).map(|w| w.to_lowercase()).collect();
    // "dozens of strikes": the count stands before "of"
    if prior.first().is_some_and(|w| w == "of") {
        prior.remove(0);
    }
    // the count right before the noun, or before one modifier ("four presidential visits")
    prior.first().is_some_and(|w| is_count_word(w)) || (prior.len() > 1 && is_count_word(&prior[1]) && !prior[0].ends_with('s'))
}

/// An adverbial of frequency follows the trigger in its sentence: "twice",
/// "repeatedly", or a count before "times" / "occasions" ("a number of times").
fn frequency_after(doc: &Document, e: &Event) -> bool {
    let body = doc.body();
    let after = body.get(e.trigger.end()..e.sentence.end().max(e.trigger.end())).unwrap_or("");
    let next: Vec<String> = words(after).iter().take(ITERATION_WINDOW).map(|w| w.to_lowercase()).collect();
    let (adverbs, units) = &*ITERATION_ADVERBIALS;
    next.iter().enumerate().any(|(i, w)| {
        if adverbs.contains(w.as_str()) {
            return true;
        }
        if !units.contains(w.as_str()) || i == 0 {
            return false;
        }
        // "a number of times": the count stands before "of"
        let k = if next[i - 1] == "of" && i >= 2 { i - 2 } else { i - 1 };
        is_count_word(&next[k])
    })
}

/// Within one article, two reports of talks on the same day ("met on Monday",
/// "Monday's talks") are one meeting when their sides agree: the same exact
/// day, or the same weekday within the same bounds (both resolved against the
/// article's date), and shared participants or none named on one side.
fn same_meeting_in_one_article(event_type: PloverType, m: &MemberFacts, x: &MemberFacts) -> bool {
    if event_type != PloverType::Consult || m.doc != x.doc {
        return false;
    }
    let same_day = match (m.date.exact_day(), x.date.exact_day()) {
        (Some(a), Some(b)) => a == b,
        (None, None) => m.date.weekday.is_some() && m.date == x.date,
        _ => false,
    };
    let sides = m.actor_keys.is_empty()
        || x.actor_keys.is_empty()
        || !m.actor_keys.is_disjoint(&x.actor_keys);
    same_day && sides
}

/// Member sentences a report is compared with, at most (half the first, half the latest).
const MAX_COMPARED_MEMBERS: usize = 16;

/// A content term held by more clusters than this (of one type and modality)
/// does not gather candidates: such a term is on every page of a wire's
/// boilerplate and similar sentences share rarer terms too.
const MAX_POSTING: usize = 2_000;

/// The keys a report is found by: its content terms, its ordinal, its document.
fn blocking_keys(terms: &Bag, ordinal: Option<u32>, doc: &DocId) -> Vec<u64> {
    let mut keys: Vec<u64> = terms.keys().collect();
    if let Some(o) = ordinal {
        keys.push(hash64(format!("\u{1}ordinal:{o}").as_bytes()));
    }
    keys.push(hash64(format!("\u{1}doc:{doc}").as_bytes()));
    keys
}

/// What event coreference reads of a document, and nothing else: id, source,
/// body, metadata, events, the mentions that overlap their arguments and the
/// time expressions of their sentences. The store keeps it for every document
/// with events, so that a story's events can be merged again when a later
/// batch adds to the story without decoding its documents' other layers. `merge` over these gives what it gives over the
/// documents themselves.
pub fn merge_input(doc: &Document) -> Document {
    let mut input = Document::new(
        doc.id.clone(),
        doc.source.clone(),
        doc.format,
        Vec::new(),
        String::new(),
        doc.body().to_string(),
        doc.meta.clone(),
    );
    let arg_spans: Vec<Span> = doc
        .events
        .iter()
        .flat_map(|e| e.actors.iter().chain(&e.recipients).chain(e.location.iter()))
        .filter_map(|a| a.span)
        .collect();
    input.mentions = doc
        .mentions
        .iter()
        .filter(|m| arg_spans.iter().any(|sp| m.span.start() < sp.end() && sp.start() < m.span.end()))
        .cloned()
        .collect();
    // the time expressions of event sentences ([`stated_days`])
    input.times = doc
        .times
        .iter()
        .filter(|t| doc.events.iter().any(|e| e.sentence.start() <= t.span.start() && t.span.end() <= e.sentence.end()))
        .cloned()
        .collect();
    input.tokens = trigger_tree_tokens(doc);
    input.events = doc.events.clone();
    input
}

/// The tokens the rules on two triggers of one sentence read ([`head_path`],
/// [`occasion_word`], [`embedding_clause`]): each trigger's path of heads and
/// the `amod`, `det` and `mark` words of the path, heads renumbered to the
/// kept tokens (a head is always kept: it is on the path).
fn trigger_tree_tokens(doc: &Document) -> Vec<chronicle_core::Token> {
    let path: BTreeSet<u32> = doc.events.iter().flat_map(|e| head_path(doc, e)).collect();
    let modifier = |tok: &chronicle_core::Token| {
        tok.syntax.as_ref().is_some_and(|s| s.head.is_some_and(|h| path.contains(&h)) && matches!(s.deprel.as_str(), "amod" | "det" | "mark"))
    };
    let kept: Vec<u32> = (0..doc.tokens.len() as u32).filter(|&i| path.contains(&i) || modifier(&doc.tokens[i as usize])).collect();
    kept.iter()
        .map(|&i| {
            let mut tok = doc.tokens[i as usize].clone();
            if let Some(s) = tok.syntax.as_mut() {
                s.head = s.head.and_then(|h| kept.binary_search(&h).ok().map(|k| k as u32));
                s.xpos.clear();
            }
            tok
        })
        .collect()
}

/// Merges the events of the documents of one story (or of any set: the rule
/// does not depend on how many documents there are), in order of first report.
/// The ingest merges story by story, with the story's documents in the order
/// they were stored (`chronicle_pipeline`), so reports of different stories
/// never merge.
pub fn merge(docs: &[Document]) -> Vec<MergedEvent> {
    let mut merger = Merger::default();
    merger.add(docs.iter().cloned());
    merger.events()
}

/// Event coreference fed document by document: [`Merger::events`] after any
/// sequence of [`Merger::add`] calls gives what [`merge`] gives over all the
/// documents added, in that order — so the ingest keeps a story's merger
/// between batches instead of merging the story again.
#[derive(Clone, Default)]
pub struct Merger {
    docs: Vec<Document>,
    /// Clusters of the reports with a date of their own (or none).
    placed: Clusters,
    /// Reports dated only by a weekday or a day of an open year: placed last
    /// ([`Merger::events`]), so that every dated report they might fit is
    /// already a cluster and an ambiguous weekday is seen as such.
    partial: Vec<(usize, usize)>,
}

impl Merger {
    /// Adds documents after those added before.
    pub fn add(&mut self, docs: impl IntoIterator<Item = Document>) {
        for doc in docs {
            let di = self.docs.len();
            let mut dated = Vec::new();
            for (ei, ev) in doc.events.iter().enumerate() {
                let partial = ev.date.exact_day().is_none() && (ev.date.weekday.is_some() || ev.date.month_day.is_some());
                if partial {
                    self.partial.push((di, ei));
                } else {
                    dated.push(ei);
                }
            }
            self.docs.push(doc);
            for ei in dated {
                self.placed.place(&self.docs, di, ei);
            }
        }
    }

    /// The documents added, in order.
    pub fn documents(&self) -> &[Document] {
        &self.docs
    }

    /// The merged events of every document added, in order of first report.
    pub fn events(&self) -> Vec<MergedEvent> {
        let mut clusters = self.placed.clone();
        for &(di, ei) in &self.partial {
            clusters.place(&self.docs, di, ei);
        }
        clusters.finish(&self.docs)
    }
}

/// What one report brings to clustering: its keys, content terms and facts.
struct ReportFacts {
    actor_keys: BTreeSet<String>,
    strong_keys: BTreeSet<String>,
    country_keys: BTreeSet<String>,
    place_keys: BTreeSet<String>,
    place_countries: BTreeSet<String>,
    terms: Bag,
    facts: MemberFacts,
    ordinal: Option<u32>,
    /// Only an exact publication day says two undated reports are close in time.
    pub_date: Option<NaiveDate>,
}

impl ReportFacts {
    fn of(doc: &Document, ev: &Event) -> ReportFacts {
        let args: Vec<&EventArg> = ev.actors.iter().chain(&ev.recipients).collect();
        let actor_keys: BTreeSet<String> = args.iter().flat_map(|a| arg_keys(a)).collect();
        let path = head_path(doc, ev);
        let syntax = path.first().and_then(|&t| doc.tokens.get(t as usize)).and_then(|t| t.syntax.as_ref());
        ReportFacts {
            strong_keys: args.iter().filter(|a| is_specific(doc, a)).flat_map(|a| arg_keys(a)).collect(),
            country_keys: args.iter().filter_map(|a| a.country.clone()).collect(),
            place_keys: ev.location.iter().flat_map(arg_keys).collect(),
            place_countries: ev.location.iter().filter_map(|l| l.country.clone()).collect(),
            terms: Bag::of(&content_terms(ev.sentence.text(doc.body()))),
            facts: MemberFacts {
                doc: doc.id.clone(),
                sentence: ev.sentence,
                trigger: trigger_stem(doc, ev),
                trigger_span: ev.trigger,
                mode: ev.mode.clone(),
                iterated: is_iterated(doc, ev),
                visited: visit_point(ev),
                said: said_terms(doc, ev),
                actor_keys: actor_keys.clone(),
                day: ev.date.exact_day(),
                date: ev.date.clone(),
                parties: Parties::of(ev),
                stated: stated_days(doc, ev),
                occasion: occasion_word(doc, &path),
                embedded_in: embedding_clause(doc, &path),
                lemma: syntax.map(|s| s.lemma.to_lowercase()),
                heads_a_clause: syntax.is_some_and(|s| matches!(s.deprel.split(':').next(), Some("advcl" | "xcomp" | "ccomp" | "obl" | "acl"))),
                path,
            },
            actor_keys,
            ordinal: event_ordinal(doc, ev),
            pub_date: doc.meta.published.date.exact_day(),
        }
    }

    fn candidate<'a>(&'a self, doc: &'a Document, ev: &'a Event) -> Candidate<'a> {
        Candidate {
            doc,
            bounds: ev.date.bounds(),
            actor_keys: &self.actor_keys,
            strong_keys: &self.strong_keys,
            country_keys: &self.country_keys,
            place_keys: &self.place_keys,
            place_countries: &self.place_countries,
            terms: &self.terms,
            facts: &self.facts,
            pub_date: self.pub_date,
            date: &ev.date,
            ordinal: self.ordinal,
        }
    }
}

impl Cluster {
    /// A new cluster of one report.
    fn open(r: ReportFacts, ev: &Event, day: Option<NaiveDate>, doc: &DocId, member: (usize, usize)) -> Cluster {
        Cluster {
            event_type: ev.event_type,
            modality: ev.modality,
            actor_keys: r.actor_keys,
            strong_keys: r.strong_keys,
            country_keys: r.country_keys,
            place_keys: r.place_keys,
            place_countries: r.place_countries,
            member_terms: vec![r.terms],
            member_facts: vec![r.facts],
            date: ev.date.clone(),
            ordinals: r.ordinal.into_iter().collect(),
            pub_dates: r.pub_date.into_iter().collect(),
            docs: BTreeSet::from([doc.clone()]),
            members: vec![member],
            days: day.map(|d| (d, d)),
        }
    }

    /// Adds a matched report; `date` is the merged date of the match.
    fn join(&mut self, r: ReportFacts, date: UncertainDate, day: Option<NaiveDate>, doc: &DocId, member: (usize, usize)) {
        self.actor_keys.extend(r.actor_keys);
        self.strong_keys.extend(r.strong_keys);
        self.country_keys.extend(r.country_keys);
        self.place_keys.extend(r.place_keys);
        self.place_countries.extend(r.place_countries);
        self.member_terms.push(r.terms);
        self.member_facts.push(r.facts);
        self.date = date;
        self.ordinals.extend(r.ordinal);
        self.days = match (self.days, day) {
            (Some((lo, hi)), Some(d)) => Some((lo.min(d), hi.max(d))),
            (None, Some(d)) => Some((d, d)),
            (days, None) => days,
        };
        self.pub_dates.extend(r.pub_date);
        self.docs.insert(doc.clone());
        self.members.push(member);
    }
}

/// Clusters of reports and the blocking index that finds them.
#[derive(Clone, Default)]
struct Clusters {
    clusters: Vec<Cluster>,
    /// Per type and modality: blocking key → clusters holding it.
    by_type: HashMap<(PloverType, Modality), HashMap<u64, Vec<usize>>>,
    /// The last candidate each cluster was gathered for (one stamp per report).
    seen: Vec<usize>,
    stamp: usize,
}

impl Clusters {
    /// Puts event `ei` of document `di` into its best-matching cluster, or a new one.
    fn place(&mut self, docs: &[Document], di: usize, ei: usize) {
        let (Some(doc), Some(ev)) = (docs.get(di), docs.get(di).and_then(|d| d.events.get(ei))) else {
            return;
        };
        let report = ReportFacts::of(doc, ev);
        // Blocking: every way to merge needs a shared content term, the same
        // ordinal or the same document, so only clusters sharing one are compared.
        let keys = blocking_keys(&report.terms, report.ordinal, &doc.id);
        let best = self.best_match(&report.candidate(doc, ev), (ev.event_type, ev.modality), &keys);
        let day = report_day(&ev.date, report.pub_date);
        let ci = match best {
            Some((ci, m)) => {
                if let Some(c) = self.clusters.get_mut(ci) {
                    c.join(report, m.date, day, &doc.id, (di, ei));
                }
                ci
            }
            None => {
                self.seen.push(usize::MAX);
                self.clusters.push(Cluster::open(report, ev, day, &doc.id, (di, ei)));
                self.clusters.len() - 1
            }
        };
        let postings = self.by_type.entry((ev.event_type, ev.modality)).or_default();
        for k in keys {
            let list = postings.entry(k).or_default();
            if list.last() != Some(&ci) {
                list.push(ci);
            }
        }
    }

    /// The cluster of this type and modality that shares a blocking key with
    /// the report and matches it best, if any.
    fn best_match(&mut self, cand: &Candidate<'_>, kind: (PloverType, Modality), keys: &[u64]) -> Option<(usize, Match)> {
        let mut candidates: Vec<usize> = Vec::new();
        if let Some(postings) = self.by_type.get(&kind) {
            for k in keys {
                let list = postings.get(k).map(Vec::as_slice).unwrap_or(&[]);
                if list.len() > MAX_POSTING {
                    continue;
                }
                for &ci in list {
                    if self.seen.get(ci).is_some_and(|&s| s != self.stamp) {
                        self.seen[ci] = self.stamp;
                        candidates.push(ci);
                    }
                }
            }
        }
        self.stamp += 1;
        candidates.sort_unstable();
        let mut matches: Vec<(usize, Match)> = candidates
            .into_iter()
            .filter_map(|ci| self.clusters.get(ci).and_then(|c| match_score(c, cand)).map(|m| (ci, m)))
            .collect();
        // a weekday that fits several dated events names none of them
        let pinned_days: BTreeSet<NaiveDate> = matches.iter().filter_map(|m| m.1.pinned_by_weekday).collect();
        if pinned_days.len() > 1 {
            matches.retain(|m| m.1.pinned_by_weekday.is_none());
        }
        matches.into_iter().max_by(|a, b| a.1.score.total_cmp(&b.1.score))
    }

    /// The merged events, in order of first report.
    fn finish(self, docs: &[Document]) -> Vec<MergedEvent> {
        let by_id: HashMap<&DocId, &Document> = docs.iter().map(|d| (&d.id, d)).collect();
        let mut clusters = self.clusters;
        // in order of first report
        clusters.sort_by_key(|c| c.members.iter().min().copied());
        let mut merged: Vec<MergedEvent> = clusters.iter().filter_map(|c| build(c, docs, &by_id)).collect();
        // events coded from one trigger (one copy per date of "talks on May 16 and
        // June 2") that stay apart keep distinct ids: later ones add their rank
        let mut seen: HashMap<String, usize> = HashMap::new();
        for m in &mut merged {
            let n = seen.entry(m.id.clone()).or_insert(0);
            if *n > 0 {
                m.id = format!("v:{:016x}", hash64(format!("{}#{}", m.id, n).as_bytes()));
            }
            *n += 1;
        }
        merged
    }
}

fn source_key(doc: &Document, by_id: &HashMap<&DocId, &Document>) -> String {
    let outlet = doc.meta.outlet.clone().or_else(|| {
        doc.meta
            .appended_to
            .as_ref()
            .and_then(|h| by_id.get(h))
            .and_then(|h| h.meta.outlet.clone())
    });
    match outlet {
        Some(o) if !o.trim().is_empty() => format!("o:{}", o.trim().to_lowercase()),
        _ => format!("d:{}", doc.id),
    }
}

fn build(
    c: &Cluster,
    docs: &[Document],
    by_id: &HashMap<&DocId, &Document>,
) -> Option<MergedEvent> {
    let _ = (c.event_type, c.modality);
    let mut reports = Vec::new();
    let mut sources: BTreeSet<String> = BTreeSet::new();
    let mut sentence_sources: BTreeMap<String, String> = BTreeMap::new();
    let report_docs: BTreeSet<&DocId> = c
        .members
        .iter()
        .filter_map(|&(d, _)| docs.get(d).map(|x| &x.id))
        .collect();
    let mut rep: Option<(&Document, &Event)> = None;
    let mut quantities: BTreeMap<String, Vec<(f64, bool, DocId)>> = BTreeMap::new();
    let mut places: Vec<(String, DocId)> = Vec::new();
    let mut stories: BTreeSet<String> = BTreeSet::new();
    let mut all_values_equal: Option<Option<String>> = None;
    for &(di, ei) in &c.members {
        let doc = docs.get(di)?;
        let ev = doc.events.get(ei)?;
        reports.push(Report {
            doc: doc.id.clone(),
            sentence: ev.sentence,
            trigger: ev.trigger,
            outlet: doc.meta.outlet.clone(),
        });
        let is_dup = doc.meta.duplicate_of.is_some();
        let host_reports = doc
            .meta
            .appended_to
            .as_ref()
            .is_some_and(|h| report_docs.contains(h));
        // the same sentence word for word from another outlet is copy, not corroboration
        let source = source_key(doc, by_id);
        let copied = match sentence_sources.entry(words(ev.sentence.text(doc.body())).join(" ")) {
            std::collections::btree_map::Entry::Occupied(e) => e.get() != &source,
            std::collections::btree_map::Entry::Vacant(e) => {
                e.insert(source.clone());
                false
            }
        };
        if !is_dup && !host_reports && !copied {
            sources.insert(source);
        }
        if rep.is_none() && !is_dup {
            rep = Some((doc, ev));
        }
        for q in ev.quantities.iter().filter(|q| !q.ordinal) {
            quantities.entry(quantity_key(q)).or_default().push((
                q.value,
                q.approx.is_some(),
                doc.id.clone(),
            ));
        }
        if let Some(l) = &ev.location {
            if !places.iter().any(|(p, d)| p == &l.name && d == &doc.id) {
                places.push((l.name.clone(), doc.id.clone()));
            }
        }
        if let Some(s) = &doc.meta.story {
            stories.insert(s.clone());
        }
        if ev.date.value.is_some() {
            all_values_equal = match all_values_equal {
                None => Some(ev.date.value.clone()),
                Some(v) if v == ev.date.value => Some(v),
                Some(_) => Some(None),
            };
        }
    }
    let (rep_doc, rep_ev) = match rep {
        Some(r) => r,
        None => {
            let &(di, ei) = c.members.first()?;
            let d = docs.get(di)?;
            (d, d.events.get(ei)?)
        }
    };
    let mut contradictions = quantity_contradictions(quantities);
    let distinct_places: BTreeSet<String> = places.iter().map(|p| translit_key(&p.0)).collect();
    if distinct_places.len() > 1 {
        contradictions.push(Contradiction {
            field: "location".into(),
            values: places,
        });
    }
    contradictions.extend(date_contradiction(c, docs));
    contradictions.extend(actor_contradiction(c, docs));
    let date = match (&c.date.value, all_values_equal) {
        // every report gives the same month (or year): keep that precision
        (None, Some(Some(v))) => UncertainDate::parse_value(&v)
            .ok()
            .filter(|d| c.date.intersect(d).is_some())
            .unwrap_or_else(|| c.date.clone()),
        _ => c.date.clone(),
    };
    let id = merged_id(c, docs)?;
    let mut event = rep_ev.clone();
    event.date = date.clone();
    let others = c.members.iter().filter_map(|&(di, ei)| docs.get(di)?.events.get(ei)?.place.as_ref());
    event.place = strongest_place(rep_ev.place.as_ref(), others).cloned();
    let summary = rep_ev.sentence.text(rep_doc.body()).trim().to_string();
    Some(MergedEvent {
        id,
        event,
        num_sources: sources.len().max(usize::from(!reports.is_empty())),
        reports,
        contradictions,
        date,
        summary,
        stories: stories.into_iter().collect(),
    })
}

/// Numbers the reports disagree on (hedged values within a tenth of each other agree).
fn quantity_contradictions(quantities: BTreeMap<String, Vec<(f64, bool, DocId)>>) -> Vec<Contradiction> {
    let mut contradictions = Vec::new();
    for (key, vals) in quantities {
        let distinct: BTreeSet<String> = vals.iter().map(|v| format_number(v.0)).collect();
        if distinct.len() < 2 {
            continue;
        }
        let (lo, hi) = vals
            .iter()
            .fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(v.0), h.max(v.0)));
        let hedged = vals.iter().any(|v| v.1);
        if hedged && hi > 0.0 && (hi - lo) / hi <= 0.1 {
            continue;
        }
        let mut values: Vec<(String, DocId)> = Vec::new();
        for (v, _, d) in vals {
            let s = format_number(v);
            if !values.iter().any(|(x, y)| x == &s && y == &d) {
                values.push((s, d));
            }
        }
        contradictions.push(Contradiction {
            field: format!("quantity:{key}"),
            values,
        });
    }
    contradictions
}

/// The members of a cluster as (document, event).
fn member_events<'a>(c: &'a Cluster, docs: &'a [Document]) -> impl Iterator<Item = (&'a Document, &'a Event)> + 'a {
    c.members.iter().filter_map(|&(di, ei)| docs.get(di).and_then(|d| d.events.get(ei).map(|e| (d, e))))
}

/// Reports giving different date values at the same precision.
fn date_contradiction(c: &Cluster, docs: &[Document]) -> Option<Contradiction> {
    let mut date_vals: Vec<(String, DocId)> = Vec::new();
    for (doc, ev) in member_events(c, docs) {
        if let Some(v) = ev.date.value.clone() {
            if !date_vals.iter().any(|(x, d)| x == &v && d == &doc.id) {
                date_vals.push((v, doc.id.clone()));
            }
        }
    }
    let precisions: BTreeSet<usize> = date_vals.iter().map(|v| v.0.len()).collect();
    let distinct_dates: BTreeSet<&str> = date_vals.iter().map(|v| v.0.as_str()).collect();
    (distinct_dates.len() > 1 && precisions.len() == 1).then(|| Contradiction { field: "date".into(), values: date_vals })
}

/// Reports whose actors come from disjoint sides: only actors placed in a
/// country are compared (a bare city or a group name is no evidence of another side).
fn actor_contradiction(c: &Cluster, docs: &[Document]) -> Option<Contradiction> {
    let mut actor_vals: Vec<(String, DocId, BTreeSet<String>)> = Vec::new();
    for (doc, ev) in member_events(c, docs) {
        let sides: BTreeSet<String> = ev.actors.iter().filter_map(|a| a.country.clone()).collect();
        if sides.is_empty() {
            continue;
        }
        let names = ev.actors.iter().map(|a| a.name.clone()).collect::<Vec<_>>().join(", ");
        if !actor_vals.iter().any(|(n, d, _)| n == &names && d == &doc.id) {
            actor_vals.push((names, doc.id.clone(), sides));
        }
    }
    let clash = actor_vals
        .iter()
        .enumerate()
        .any(|(i, a)| actor_vals.iter().skip(i + 1).any(|b| a.1 != b.1 && a.2.is_disjoint(&b.2)));
    clash.then(|| Contradiction { field: "actor".into(), values: actor_vals.into_iter().map(|(n, d, _)| (n, d)).collect() })
}

/// The id of a merged event: from its first report in the order given (the
/// earliest stored), so that an event keeps its id when later reports join it.
fn merged_id(c: &Cluster, docs: &[Document]) -> Option<String> {
    let &(fd, fe) = c.members.iter().min()?;
    let first_doc = docs.get(fd)?;
    let first_trigger = first_doc.events.get(fe)?.trigger;
    Some(format!("v:{:016x}", hash64(format!("{}#{}", first_doc.id, first_trigger.start()).as_bytes())))
}

/// The place of a merged event: the representative report's unless another
/// report states one on a stronger basis (its own sentence over the
/// dateline over the document's country), then the first such.
fn strongest_place<'a>(rep: Option<&'a Place>, reports: impl Iterator<Item = &'a Place>) -> Option<&'a Place> {
    let rank = |p: &Place| match p.basis {
        Some(PlaceBasis::Sentence) | None => 0,
        Some(PlaceBasis::Dateline) => 1,
        Some(PlaceBasis::Document) => 2,
    };
    let mut best = rep;
    for p in reports {
        if best.map_or(true, |b| rank(p) < rank(b)) {
            best = Some(p);
        }
    }
    best
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use chronicle_core::{InputFormat, Metadata, Quantity};

    pub(crate) fn arg(name: &str, country: &str) -> EventArg {
        EventArg {
            name: name.into(),
            kb_id: None,
            country: Some(country.into()),
            sector: Some("GOV".into()),
            span: None,
        }
    }

    /// A document whose body is `sentences` joined; one event per sentence given.
    pub(crate) fn doc(
        id: &str,
        outlet: &str,
        published: &str,
        body: &str,
        events: Vec<(&str, PloverType, Modality, &str, Vec<(f64, &str)>)>,
    ) -> Document {
        let mut meta = Metadata {
            outlet: Some(outlet.into()),
            title: Some(format!("Report {id}")),
            ..Default::default()
        };
        meta.published.date = UncertainDate::parse_value(published).unwrap();
        let mut d = Document::new(
            DocId::parse(id),
            id.into(),
            InputFormat::Text,
            Vec::new(),
            body.into(),
            body.into(),
            meta,
        );
        for (sentence, ty, modality, date, qs) in events {
            let start = body.find(sentence).unwrap();
            let span = Span::new(body, start, start + sentence.len()).unwrap();
            let quantities = qs
                .into_iter()
                .map(|(v, counts)| Quantity {
                    span,
                    value: v,
                    approx: None,
                    unit: None,
                    counts: Some(counts.into()),
                    ordinal: false,
                })
                .collect();
            d.events.push(Event {
                event_type: ty,
                mode: None,
                context: vec![],
                cameo: None,
                actors: vec![arg("Ukraine", "UKR")],
                recipients: vec![arg("Russia", "RUS")],
                date: if date.is_empty() {
                    UncertainDate::unknown()
                } else {
                    UncertainDate::parse_value(date).unwrap()
                },
                location: Some(EventArg {
                    name: "Istanbul".into(),
                    kb_id: None,
                    country: Some("TUR".into()),
                    sector: None,
                    span: None,
                }),
                place: None,
                quantities,
                modality,
                attributed_to: None,
                items: vec![],
                sentence: span,
                trigger: Span::new(body, start, start + 4).unwrap(),
                rule: "test".into(),
            });
        }
        d
    }

    const S1: &str = "Ukrainian and Russian delegations met for talks in Istanbul on Friday.";
    const S2: &str = "Delegations from Ukraine and Russia held talks in Istanbul on Friday.";
    const S3: &str = "Ukraine and Russia met for a second round of talks in Istanbul on Monday.";

    #[test]
    fn same_day_reports_from_two_outlets_merge_and_duplicates_do_not_count() {
        let a = doc(
            "a",
            "BBC",
            "2025-05-16",
            S1,
            vec![(
                S1,
                PloverType::Consult,
                Modality::Asserted,
                "2025-05-16",
                vec![],
            )],
        );
        let b = doc(
            "b",
            "Reuters",
            "2025-05-16",
            S2,
            vec![(
                S2,
                PloverType::Consult,
                Modality::Asserted,
                "2025-05-16",
                vec![],
            )],
        );
        let mut c = doc(
            "c",
            "Daily Copy",
            "2025-05-17",
            S2,
            vec![(
                S2,
                PloverType::Consult,
                Modality::Asserted,
                "2025-05-16",
                vec![],
            )],
        );
        c.meta.duplicate_of = Some(DocId::parse("b"));
        let merged = merge(&[a.clone(), b.clone()]);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].num_sources, 2);
        assert_eq!(merged[0].reports.len(), 2);
        assert_eq!(merged[0].date.value.as_deref(), Some("2025-05-16"));
        assert!(merged[0].id.starts_with("v:"));
        let merged = merge(&[a, b, c]);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].reports.len(), 3, "the duplicate is a report");
        assert_eq!(merged[0].num_sources, 2, "but not an independent source");
    }

    /// Three reports of one meeting, one of another day, and a document whose
    /// mentions and other layers coreference does not read.
    fn story_reports() -> Vec<Document> {
        let one = |id: &str, outlet: &str, s: &str, date: &str| {
            doc(id, outlet, "2025-05-16", s, vec![(s, PloverType::Consult, Modality::Asserted, date, vec![])])
        };
        vec![
            one("z", "BBC", S1, "2025-05-16"),
            one("m", "AP", S3, "2025-05-19"),
            one("a", "Reuters", S2, "2025-05-16"),
            one("b", "AFP", S2, "2025-05-16"),
        ]
    }

    #[test]
    fn a_report_of_a_later_batch_joins_the_event_one_run_forms_and_ids_stay() {
        let docs = story_reports();
        let at_once = merge(&docs);
        assert_eq!(at_once.len(), 2, "{at_once:#?}");
        // the first two documents stored in one batch, the rest in later ones:
        // the story is merged again from its stored inputs each time
        let early = merge(&docs[..2]);
        let middle = merge(&docs[..3]);
        assert_eq!(merge(&docs), at_once);
        assert_eq!(early.len(), 2);
        let id_of = |events: &[MergedEvent], doc: &str| {
            events.iter().find(|e| e.reports.iter().any(|r| r.doc.as_str() == doc)).map(|e| e.id.clone()).unwrap()
        };
        for e in &early {
            assert!(at_once.iter().any(|x| x.id == e.id), "an event keeps its id as reports join it");
        }
        assert_eq!(id_of(&middle, "d:a"), id_of(&early, "d:z"), "the later report joins the first event");
        assert_eq!(id_of(&at_once, "d:b"), id_of(&early, "d:z"));
        let first = at_once.iter().find(|e| e.reports.len() == 3).expect("three reports of one meeting");
        // the id comes from the first stored report, not from the smallest document id
        assert_eq!(first.id, format!("v:{:016x}", hash64(format!("d:z#{}", docs[0].events[0].trigger.start()).as_bytes())));
    }

    #[test]
    fn a_merger_fed_batch_by_batch_gives_what_one_merge_gives() {
        let mut docs = story_reports();
        // a report dated only by a weekday arrives first: it is still placed after every dated one
        let mut monday = doc("w", "DW", "2025-05-20", S3, vec![(S3, PloverType::Consult, Modality::Asserted, "", vec![])]);
        monday.events[0].date = UncertainDate {
            earliest: Some(d("2025-05-12")),
            latest: Some(d("2025-05-26")),
            weekday: Some(1),
            ..UncertainDate::unknown()
        };
        docs.insert(0, monday);
        let mut merger = Merger::default();
        let mut seen = Vec::new();
        for part in docs.chunks(2) {
            merger.add(part.iter().cloned());
            seen.extend(part.iter().cloned());
            assert_eq!(merger.events(), merge(&seen), "after {} documents", seen.len());
        }
        assert_eq!(merger.documents().len(), docs.len());
    }

    #[test]
    fn merging_the_stored_inputs_gives_what_the_documents_give() {
        let mut docs = story_reports();
        // layers coreference does not read, and a mention it does
        for d in &mut docs {
            let body = d.body().to_string();
            let at = body.find("Istanbul").unwrap();
            let span = Span::new(&body, at, at + "Istanbul".len()).unwrap();
            d.events[0].actors[0].span = Some(span);
            let mention = |span: Span, name: &str| chronicle_core::Mention {
                span,
                entity_type: EntityType::Organization,
                canonical: name.into(),
                kb_id: None,
                country: None,
                sector: None,
                source: chronicle_core::MentionSource::Tagger,
            };
            d.mentions.push(Span::new(&body, 0, 3).map(|sp| mention(sp, "Ukr")).unwrap());
            d.mentions.push(mention(span, "Istanbul"));
            d.extracted = format!("{body} and the page around it");
        }
        let inputs: Vec<Document> = docs.iter().map(merge_input).collect();
        assert!(inputs.iter().all(|d| d.mentions.len() == 1 && d.extracted.is_empty()), "only mentions under arguments are kept");
        assert_eq!(merge(&inputs), merge(&docs));
    }

    #[test]
    fn rounds_weeks_apart_stay_two_events() {
        let a = doc(
            "a",
            "BBC",
            "2025-05-16",
            S1,
            vec![(
                S1,
                PloverType::Consult,
                Modality::Asserted,
                "2025-05-16",
                vec![],
            )],
        );
        let b = doc(
            "b",
            "Reuters",
            "2025-06-02",
            S3,
            vec![(
                S3,
                PloverType::Consult,
                Modality::Asserted,
                "2025-06-02",
                vec![],
            )],
        );
        let merged = merge(&[a, b]);
        assert_eq!(merged.len(), 2);
        assert_ne!(merged[0].id, merged[1].id);
    }

    #[test]
    fn contradicting_numbers_are_listed_with_sources() {
        let s1 = "Both sides agreed in Istanbul to exchange 1,000 prisoners of war each.";
        let s2 = "In Istanbul the sides agreed to exchange 1,200 prisoners in total.";
        let a = doc(
            "a",
            "BBC",
            "2025-05-16",
            s1,
            vec![(
                s1,
                PloverType::Agree,
                Modality::Asserted,
                "2025-05-16",
                vec![(1000.0, "prisoners of war")],
            )],
        );
        let b = doc(
            "b",
            "Reuters",
            "2025-05-16",
            s2,
            vec![(
                s2,
                PloverType::Agree,
                Modality::Asserted,
                "2025-05-16",
                vec![(1200.0, "prisoners")],
            )],
        );
        let merged = merge(&[a, b]);
        assert_eq!(merged.len(), 1, "{merged:#?}");
        let c = &merged[0].contradictions;
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].field, "quantity:prisoner");
        assert_eq!(
            c[0].values,
            vec![
                ("1000".to_string(), DocId::parse("a")),
                ("1200".to_string(), DocId::parse("b"))
            ]
        );
    }

    #[test]
    fn glued_on_article_does_not_merge_into_host_or_count_twice() {
        let host_text =
            "Ukraine and Russia held talks in Istanbul on Friday. Analysts doubt progress.";
        let glued_text = "Earlier, officials said talks were possible in the coming weeks.";
        let host = doc(
            "h",
            "BBC",
            "2025-05-16",
            host_text,
            vec![(
                "Ukraine and Russia held talks in Istanbul on Friday.",
                PloverType::Consult,
                Modality::Asserted,
                "",
                vec![],
            )],
        );
        let mut glued = doc(
            "g",
            "BBC",
            "2025-05-16",
            glued_text,
            vec![(
                glued_text,
                PloverType::Consult,
                Modality::Asserted,
                "",
                vec![],
            )],
        );
        glued.meta.appended_to = Some(DocId::parse("h"));
        let merged = merge(&[host, glued]);
        assert_eq!(
            merged.len(),
            2,
            "the glued article is not independently about the host's event"
        );
    }

    fn range(d: &mut Document, i: usize, a: &str, b: &str) {
        let p = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        if let Some(e) = d.events.get_mut(i) {
            e.date = UncertainDate::between(p(a), p(b));
        }
    }

    #[test]
    fn unrelated_sentences_sharing_only_countries_and_a_wide_date_stay_apart() {
        let s1 = "Russia said its drones struck an airfield in western Ukraine overnight.";
        let s2 = "Ukraine accused Russia of shelling a hospital in Kharkiv after the talks.";
        let mut a = doc(
            "a",
            "BBC",
            "2025-05-16",
            s1,
            vec![(s1, PloverType::Assault, Modality::Asserted, "", vec![])],
        );
        let mut b = doc(
            "b",
            "Reuters",
            "2025-05-16",
            s2,
            vec![(s2, PloverType::Assault, Modality::Asserted, "", vec![])],
        );
        // both bounded only by an uncertain publication date: their intersection is narrow by chance
        range(&mut a, 0, "2025-01-20", "2025-07-17");
        range(&mut b, 0, "2025-07-16", "2025-12-31");
        assert_eq!(merge(&[a, b]).len(), 2);
    }

    #[test]
    fn near_identical_sentences_merge_without_actors_or_dates() {
        let s1 = "The talks lasted less than two hours and ended without a ceasefire agreement.";
        let s2 = "The talks lasted less than two hours and ended without any ceasefire agreement.";
        let s3 = "Analysts said the talks were a first step towards a broader settlement.";
        let mut a = doc(
            "a",
            "BBC",
            "2025-05-16",
            s1,
            vec![(s1, PloverType::Consult, Modality::Asserted, "", vec![])],
        );
        let mut b = doc(
            "b",
            "Reuters",
            "2025-05-16",
            s2,
            vec![(s2, PloverType::Consult, Modality::Asserted, "", vec![])],
        );
        let mut c = doc(
            "c",
            "AP",
            "2025-05-16",
            s3,
            vec![(s3, PloverType::Consult, Modality::Asserted, "", vec![])],
        );
        for d in [&mut a, &mut b, &mut c] {
            d.events[0].actors.clear();
            d.events[0].recipients.clear();
        }
        let merged = merge(&[a, b, c]);
        assert_eq!(merged.len(), 2, "{merged:#?}");
        assert_eq!(merged[0].num_sources, 2);
    }

    #[test]
    fn within_one_document_only_the_same_event_merges() {
        let body = "Ukraine and Russia held talks in Istanbul on Friday. Ukraine and Russia also held talks on prisoners on Friday.";
        let s1 = "Ukraine and Russia held talks in Istanbul on Friday.";
        let s2 = "Ukraine and Russia also held talks on prisoners on Friday.";
        let mut a = doc(
            "a",
            "BBC",
            "2025-05-16",
            body,
            vec![
                (
                    s1,
                    PloverType::Consult,
                    Modality::Asserted,
                    "2025-05-16",
                    vec![],
                ),
                (
                    s1,
                    PloverType::Consult,
                    Modality::Asserted,
                    "2025-05-16",
                    vec![],
                ),
                (
                    s2,
                    PloverType::Consult,
                    Modality::Asserted,
                    "2025-05-17",
                    vec![],
                ),
            ],
        );
        // two triggers in the first sentence ("held", "talks"): one event
        a.events[1].trigger = Span::new(body, 24, 29).unwrap();
        let merged = merge(&[a.clone()]);
        assert_eq!(merged.len(), 2, "{merged:#?}");
        assert_eq!(merged[0].reports.len(), 2);
        assert_eq!(merged[0].num_sources, 1);
        // the second sentence on the same day, same trigger and actors: the same event
        a.events[2].date = UncertainDate::parse_value("2025-05-16").unwrap();
        let t2 = body.find("Ukraine and Russia also").unwrap();
        a.events[2].trigger = Span::new(body, t2, t2 + 4).unwrap();
        a.events[0].trigger = Span::new(body, 0, 4).unwrap();
        assert_eq!(merge(&[a]).len(), 1);
    }

    fn party(name: &str, country: &str, sector: &str) -> EventArg {
        EventArg { sector: Some(sector.into()), ..arg(name, country) }
    }

    /// One report with one event of `ty` on `date` ("" for none), by `actors` to `recipients`.
    fn report(id: &str, outlet: &str, published: &str, sentence: &str, ty: PloverType, date: &str, actors: Vec<EventArg>, recipients: Vec<EventArg>) -> Document {
        let mut d = doc(id, outlet, published, sentence, vec![(sentence, ty, Modality::Asserted, date, vec![])]);
        d.events[0].actors = actors;
        d.events[0].recipients = recipients;
        d.events[0].location = None;
        d
    }

    #[test]
    fn reports_of_two_different_exact_days_are_refused_even_word_for_word() {
        let s = "Government forces shelled the harbour district of Port Vell overnight, killing nine civilians.";
        let army = || vec![party("Valdorian army", "VLD", "MIL")];
        let a = report("a", "Coastal Herald", "2031-04-12", s, PloverType::Assault, "2031-04-12", army(), vec![]);
        let b = report("b", "Inland Post", "2031-04-13", s, PloverType::Assault, "2031-04-13", army(), vec![]);
        assert_eq!(merge(&[a.clone(), b]).len(), 2, "two exact days are two events");
        // the same day from the second outlet merges
        let c = report("c", "Inland Post", "2031-04-12", s, PloverType::Assault, "2031-04-12", army(), vec![]);
        let m = merge(&[a, c]);
        assert_eq!(m.len(), 1, "{m:#?}");
    }

    #[test]
    fn reports_sharing_one_name_but_not_their_sides_are_refused() {
        let s1 = "The opposition council asked the Union of Northern States for food aid to the besieged towns.";
        let s2 = "The Valdorian government asked the Union of Northern States for food aid to the besieged towns.";
        let s3 = "The opposition council appealed to the Union of Northern States for food aid on Monday.";
        let union = || vec![party("Union of Northern States", "UNS", "IGO")];
        let council = || vec![party("opposition council", "VLD", "OPP")];
        let a = report("a", "Coastal Herald", "2031-08-02", s1, PloverType::Request, "2031-08-02", council(), union());
        let b = report("b", "Inland Post", "2031-08-02", s2, PloverType::Request, "2031-08-02", vec![party("Valdorian government", "VLD", "GOV")], union());
        let c = report("c", "Lake Gazette", "2031-08-02", s3, PloverType::Request, "2031-08-02", council(), union());
        let merged = merge(&[a, b, c]);
        assert_eq!(merged.len(), 2, "the government's request is not the council's: {merged:#?}");
        let council_ev = merged.iter().find(|m| m.reports.len() == 2).expect("the two council reports merge");
        assert!(council_ev.reports.iter().all(|r| r.doc != DocId::parse("b")));
        // the recipients differ while the actors agree: refused too
        let d = report("d", "Inland Post", "2031-08-02", s1, PloverType::Request, "2031-08-02", council(), vec![party("Kingdom of Esterra", "EST", "GOV")]);
        let e = report("e", "Coastal Herald", "2031-08-02", s1, PloverType::Request, "2031-08-02", council(), union());
        assert_eq!(merge(&[d, e]).len(), 2);
    }

    #[test]
    fn reports_weeks_apart_merge_only_on_a_date_both_state() {
        let s = "The opposition council asked the Union of Northern States to send observers to the border.";
        let union = || vec![party("Union of Northern States", "UNS", "IGO")];
        let council = || vec![party("opposition council", "VLD", "OPP")];
        // no stated date: a request in January and one in late February are two requests
        let a = report("a", "Coastal Herald", "2032-01-10", s, PloverType::Request, "", council(), union());
        let b = report("b", "Inland Post", "2032-02-20", s, PloverType::Request, "", council(), union());
        assert_eq!(merge(&[a.clone(), b]).len(), 2, "undated reports six weeks apart");
        // two days apart without a date: late reporting of one request
        let c = report("c", "Inland Post", "2032-01-12", s, PloverType::Request, "", council(), union());
        assert_eq!(merge(&[a, c]).len(), 1);
        // weeks apart, both stating the day: one request
        let d = report("d", "Coastal Herald", "2032-01-10", s, PloverType::Request, "2032-01-09", council(), union());
        let e = report("e", "Inland Post", "2032-02-20", s, PloverType::Request, "2032-01-09", council(), union());
        assert_eq!(merge(&[d, e]).len(), 1);
    }

    #[test]
    fn word_for_word_copies_from_other_outlets_are_not_corroboration() {
        let boiler = "Delegations of Valdoria and Esterra met in Lakeport on Tuesday for a third day of border talks.";
        let own = "Valdorian and Esterran negotiators met again in Lakeport on Tuesday to discuss the border.";
        let sides = || (vec![party("Valdoria", "VLD", "GOV")], vec![party("Esterra", "EST", "GOV")]);
        let (v, e) = sides();
        let a = report("a", "Coastal Herald", "2033-03-08", boiler, PloverType::Consult, "2033-03-08", v.clone(), e.clone());
        let b = report("b", "Inland Post", "2033-03-08", boiler, PloverType::Consult, "2033-03-08", v.clone(), e.clone());
        let c = report("c", "Lake Gazette", "2033-03-08", own, PloverType::Consult, "2033-03-08", v, e);
        let merged = merge(&[a, b, c]);
        assert_eq!(merged.len(), 1, "{merged:#?}");
        assert_eq!(merged[0].reports.len(), 3);
        assert_eq!(merged[0].num_sources, 2, "the copied sentence counts once");
    }

    /// `report` with the trigger on `word` and the event's `mode`.
    fn report_on(id: &str, outlet: &str, sentence: &str, word: &str, ty: PloverType, mode: Option<&str>, actors: Vec<EventArg>, recipients: Vec<EventArg>) -> Document {
        let mut r = report(id, outlet, "2034-05-02", sentence, ty, "2034-05-02", actors, recipients);
        let at = sentence.find(word).unwrap();
        r.events[0].trigger = Span::new(r.body(), at, at + word.len()).unwrap();
        r.events[0].mode = mode.map(str::to_string);
        r
    }

    #[test]
    fn a_visit_and_a_meeting_or_a_call_of_one_leader_on_one_day_are_different_acts() {
        let president = || vec![party("Ilse Marten", "VLD", "GOV")];
        let visit = "President Marten visited the flooded northern provinces on Tuesday, meeting rescue teams.";
        let visit2 = "Marten toured the flooded north on Tuesday in a visit to the worst-hit provinces.";
        let meeting = "On Tuesday Marten met the Esterran envoy in the capital to discuss the flooded border provinces.";
        let call = "Marten spoke by phone on Tuesday with the Esterran envoy about the flooded border provinces.";
        let a = report_on("a", "Coastal Herald", visit, "visited", PloverType::Consult, Some("visit"), president(), vec![]);
        let b = report_on("b", "Inland Post", visit2, "visit", PloverType::Consult, Some("visit"), president(), vec![]);
        let c = report_on("c", "Lake Gazette", meeting, "met", PloverType::Consult, None, president(), vec![party("Esterran envoy", "EST", "GOV")]);
        let e = report_on("e", "Hill Times", call, "spoke by phone", PloverType::Consult, Some("phone"), president(), vec![party("Esterran envoy", "EST", "GOV")]);
        let merged = merge(&[a, b, c, e]);
        assert_eq!(merged.len(), 3, "one visit in two reports, one meeting, one call: {merged:#?}");
        assert!(merged.iter().any(|m| m.reports.len() == 2 && m.event.mode.as_deref() == Some("visit")), "{merged:#?}");
        // modes that refine one kind of attack may be one act
        let army = || vec![party("Valdorian army", "VLD", "MIL")];
        let f = report_on("f", "Coastal Herald", "The army attacked rebel positions near Port Vell on Tuesday.", "attacked", PloverType::Assault, None, army(), vec![]);
        let g = report_on("g", "Inland Post", "Army jets bombed rebel positions near Port Vell on Tuesday.", "bombed", PloverType::Assault, Some("aerial"), army(), vec![]);
        assert_eq!(merge(&[f, g]).len(), 1);
    }

    fn visit_to(id: &str, outlet: &str, sentence: &str, place: (&str, f64, f64)) -> Document {
        let mut r = report_on(id, outlet, sentence, "visited", PloverType::Consult, Some("visit"), vec![party("Ilse Marten", "VLD", "GOV")], vec![]);
        r.events[0].place = Some(Place {
            name: place.0.into(),
            geonames_id: None,
            country: Some("VLD".into()),
            lat: Some(place.1),
            lon: Some(place.2),
            basis: Some(PlaceBasis::Sentence),
        });
        r
    }

    #[test]
    fn visits_to_destinations_far_apart_are_two_trips() {
        let a = visit_to("a", "Coastal Herald", "Ilse Marten visited the flooded south on Tuesday to meet rescue teams.", ("South Province", 30.5, -91.2));
        let b = visit_to("b", "Inland Post", "Ilse Marten visited the flooded east on Tuesday to meet rescue teams.", ("East Province", 32.8, -86.8));
        assert_eq!(merge(&[a.clone(), b]).len(), 2, "about 430 km apart: two trips");
        let c = visit_to("c", "Inland Post", "Ilse Marten visited the flooded port city on Tuesday to meet rescue teams.", ("Port City", 29.95, -90.07));
        assert_eq!(merge(&[a, c]).len(), 1, "a city in the province: the same trip");
        assert!((great_circle_km((0.0, 0.0), (0.0, 1.0)) - 111.2).abs() < 0.5);
    }

    #[test]
    fn one_speaker_s_two_statements_of_one_day_stay_two_and_one_statement_merges() {
        let president = || vec![party("Ilse Marten", "VLD", "GOV")];
        let mine = || vec![party("Northern Mining Company", "VLD", "BUS")];
        let a = report_on("a", "Coastal Herald", "President Marten demanded that the mining company pay for the cleanup of the river.", "demanded", PloverType::Request, None, president(), mine());
        let b = report_on("b", "Inland Post", "Marten also called on the mining company to halt exports until an inquiry reports.", "called on", PloverType::Request, None, president(), mine());
        let c = report_on("c", "Lake Gazette", "Marten demanded the company pay the full cost of the river cleanup.", "demanded", PloverType::Request, None, president(), mine());
        let merged = merge(&[a, b, c]);
        assert_eq!(merged.len(), 2, "{merged:#?}");
        assert!(merged.iter().any(|m| m.reports.len() == 2), "the two reports of the cleanup demand merge: {merged:#?}");
        // a meeting of the same sides on the same day needs no such overlap
        let d = report_on("d", "Coastal Herald", "Marten met the company's chief executive on Tuesday.", "met", PloverType::Consult, None, president(), mine());
        let e = report_on("e", "Inland Post", "The mining company's chief sat down with the president in the capital.", "sat down with", PloverType::Consult, None, president(), mine());
        assert_eq!(merge(&[d, e]).len(), 1);
    }

    #[test]
    fn a_report_of_several_happenings_does_not_join_a_report_of_one() {
        let president = || vec![party("Ilse Marten", "VLD", "GOV")];
        let one = "President Marten visited the flooded northern provinces on Tuesday.";
        let four = "Despite President Marten's four visits to the flooded northern provinces, voters blame her government.";
        let a = report_on("a", "Coastal Herald", one, "visited", PloverType::Consult, Some("visit"), president(), vec![]);
        let b = report_on("b", "Inland Post", four, "visits", PloverType::Consult, Some("visit"), president(), vec![]);
        assert_eq!(merge(&[a.clone(), b]).len(), 2);
        for (sentence, word, iterated) in [
            (four, "visits", true),
            ("Dozens of raids on the port were reported.", "raids", true),
            ("The army carried out 12 strikes on the port.", "strikes", true),
            ("Several deadly attacks hit the port.", "attacks", true),
            ("The two sides held talks in the port.", "talks", false),
            ("One of his visits ended early.", "visits", false),
            ("The president visited the port.", "visited", false),
            ("The four ministers held talks.", "talks", false),
        ] {
            let r = report_on("x", "Coastal Herald", sentence, word, PloverType::Consult, None, president(), vec![]);
            assert_eq!(is_iterated(&r, &r.events[0]), iterated, "{sentence}");
        }
        let _ = a;
    }

    #[test]
    fn two_acts_of_two_parties_named_in_one_sentence_stay_two() {
        let s = "In late May the government accepted Esterra's offer of two ships and a Lakeland offer of boom.";
        let mut d = report_on("a", "Coastal Herald", s, "offer of two", PloverType::Agree, None, vec![party("Esterra", "EST", "GOV")], vec![]);
        let mut second = d.events[0].clone();
        let at = s.find("offer of boom").unwrap();
        second.trigger = Span::new(d.body(), at, at + 5).unwrap();
        second.actors = vec![party("Lakeland", "LKL", "GOV")];
        d.events.push(second);
        assert_eq!(merge(&[d.clone()]).len(), 2, "two offerers, two offers");
        // the same act named twice in one sentence ("met … at the meeting") is one
        d.events[1].actors = vec![party("Esterra", "EST", "GOV")];
        for e in &mut d.events {
            e.event_type = PloverType::Consult;
        }
        assert_eq!(merge(&[d]).len(), 1);
    }

    #[test]
    fn two_statement_predicates_of_one_sentence_are_two_statements() {
        let s = "The governor urged the legislature to raise the cap and called for a new port authority.";
        let mut d = report_on("a", "Coastal Herald", s, "urged", PloverType::Request, None, vec![party("Ravel", "EST", "GOV")], vec![]);
        let mut second = d.events[0].clone();
        let at = s.find("called for").unwrap();
        second.trigger = Span::new(d.body(), at, at + "called for".len()).unwrap();
        d.events.push(second.clone());
        assert_eq!(merge(&[d.clone()]).len(), 2, "two demands by one speaker in one sentence");
        // copies of one trigger (one per coordinated item) stay one statement
        d.events[1].trigger = d.events[0].trigger;
        assert_eq!(merge(&[d]).len(), 1);
    }

    /// Gives `doc` one token per space-separated word of its body, with the
    /// (1-based head, relation) of each word (head 0: the root; lemma: the word).
    fn with_tree(mut doc: Document, arcs: &[(usize, &str)]) -> Document {
        let body = doc.body().to_string();
        let mut at = 0;
        for (w, &(head, rel)) in body.split(' ').zip(arcs) {
            let mut tok = chronicle_core::Token::new(Span::new(&body, at, at + w.len()).unwrap());
            tok.syntax = Some(chronicle_core::TokenSyntax {
                upos: chronicle_core::Upos::X,
                xpos: String::new(),
                lemma: w.to_lowercase(),
                head: (head > 0).then(|| (head - 1) as u32),
                deprel: rel.into(),
            });
            doc.tokens.push(tok);
            at += w.len() + 1;
        }
        assert_eq!(body.split(' ').count(), arcs.len(), "one arc per word");
        doc
    }

    /// A second event of `d`'s first event's sentence, triggered by `word`.
    fn second_trigger(d: &mut Document, word: &str, nth: usize) {
        let mut second = d.events[0].clone();
        let at = d.body().match_indices(word).nth(nth).unwrap().0;
        second.trigger = Span::new(d.body(), at, at + word.len()).unwrap();
        d.events.push(second);
    }

    #[test]
    fn a_trigger_on_another_occasion_or_in_a_clause_that_serves_another_is_another_act() {
        // "previous talks": another occasion of the same act
        let s = "Talks between Esterra and Lakeland begin today after previous talks stalled .";
        let d0 = report_on("a", "Coastal Herald", s, "Talks", PloverType::Consult, None, vec![party("Esterra", "EST", "GOV")], vec![]);
        let arcs = [(6, "nsubj"), (4, "case"), (1, "nmod"), (5, "cc"), (3, "conj"), (0, "root"), (6, "obl:tmod"), (11, "mark"), (10, "amod"), (11, "nsubj"), (6, "advcl"), (6, "punct")];
        let mut d = with_tree(d0, &arcs);
        second_trigger(&mut d, "talks", 0);
        assert_eq!(merge(&[d.clone()]).len(), 2, "the talks that begin and the previous ones");
        assert_eq!(merge(&[merge_input(&d)]).len(), 2);
        // the same noun twice without an occasion word is one act
        let mut plain = d.clone();
        let at = s.find("previous").unwrap();
        plain.tokens.iter_mut().find(|t| t.span.start() == at).unwrap().syntax.as_mut().unwrap().deprel = "advmod".into();
        assert_eq!(merge(&[plain]).len(), 1);
        // a purpose infinitive is an act of its own
        let s = "Esterra imposed bans on Lakeland pigs to prevent infection .";
        let d0 = report_on("b", "Coastal Herald", s, "bans", PloverType::Coerce, None, vec![party("Esterra", "EST", "GOV")], vec![]);
        let arcs = [(2, "nsubj"), (0, "root"), (2, "obj"), (6, "case"), (6, "compound"), (3, "nmod"), (8, "mark"), (2, "advcl"), (8, "obj"), (2, "punct")];
        let mut d = with_tree(d0, &arcs);
        second_trigger(&mut d, "prevent", 0);
        assert_eq!(merge(&[d.clone()]).len(), 2, "the ban and what it is to prevent");
        // the stored input of event coreference keeps what the rule reads
        let input = merge_input(&d);
        assert!(input.tokens.len() < d.tokens.len(), "only the trigger paths and their modifiers");
        assert_eq!(merge(&[input]).len(), 2);
        // without the clause (an untagged sentence) the two stay one, as before
        d.tokens.clear();
        assert_eq!(merge(&[d]).len(), 1);
    }

    fn d(s: &str) -> chrono::NaiveDate {
        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_weekday_within_weeks_takes_the_day_of_a_dated_report() {
        let s1 = "The delegations met on Monday at a palace in the city and agreed to exchange prisoners.";
        let s2 = "At the last talks on June 2 the two sides agreed to large prisoner exchanges.";
        let s3 = "The first round of talks on May 16 ended without a breakthrough.";
        let mut a = doc(
            "a",
            "Al Jazeera",
            "2025-06-03",
            s1,
            vec![(s1, PloverType::Consult, Modality::Asserted, "", vec![])],
        );
        a.events[0].date =
            UncertainDate::on_weekday(Some(d("2025-05-20")), Some(d("2025-07-14")), 1).unwrap();
        let b = doc(
            "b",
            "AFP",
            "2025-07-23",
            s2,
            vec![(
                s2,
                PloverType::Consult,
                Modality::Asserted,
                "2025-06-02",
                vec![],
            )],
        );
        let c = doc(
            "c",
            "BBC",
            "2025-05-16",
            s3,
            vec![(
                s3,
                PloverType::Consult,
                Modality::Asserted,
                "2025-05-16",
                vec![],
            )],
        );
        let merged = merge(&[a.clone(), b.clone(), c.clone()]);
        assert_eq!(merged.len(), 2, "{merged:#?}");
        let june = merged
            .iter()
            .find(|m| m.reports.len() == 2)
            .expect("the Monday joins June 2");
        assert_eq!(june.date.value.as_deref(), Some("2025-06-02"));
        assert_eq!(june.num_sources, 2);
        // a Friday never joins a Monday
        let mut friday = a.clone();
        friday.events[0].date =
            UncertainDate::on_weekday(Some(d("2025-05-12")), Some(d("2025-05-20")), 5).unwrap();
        assert_eq!(friday.events[0].date.value.as_deref(), Some("2025-05-16"));
        friday.events[0].date =
            UncertainDate::on_weekday(Some(d("2025-05-20")), Some(d("2025-07-14")), 5).unwrap();
        assert_eq!(merge(&[friday, b.clone()]).len(), 2);
        // two dated Mondays inside the range: the weekday names neither
        let s4 = "Earlier talks on May 26 ended with an agreement to exchange prisoners.";
        let e = doc(
            "e",
            "DW",
            "2025-05-27",
            s4,
            vec![(
                s4,
                PloverType::Consult,
                Modality::Asserted,
                "2025-05-26",
                vec![],
            )],
        );
        let merged = merge(&[b, e, a]);
        assert_eq!(
            merged.len(),
            3,
            "ambiguous weekday must stay apart: {merged:#?}"
        );
    }

    #[test]
    fn a_day_of_an_open_year_and_a_weekday_pin_each_other() {
        let s1 = "The delegations met on Monday at a palace in the city and agreed to exchange prisoners.";
        let s2 = "At the last talks on June 2 the two sides agreed to large prisoner exchanges.";
        let mut a = doc("a", "Al Jazeera", "2025-06-03", s1, vec![(s1, PloverType::Consult, Modality::Asserted, "", vec![])]);
        a.events[0].date = UncertainDate::on_weekday(Some(d("2025-05-26")), Some(d("2025-07-14")), 1).unwrap();
        let mut b = doc("b", "AFP", "2025-07-23", s2, vec![(s2, PloverType::Consult, Modality::Asserted, "", vec![])]);
        b.events[0].date = UncertainDate::on_month_day(Some(d("2025-05-01")), None, 6, 2).unwrap();
        let merged = merge(&[a.clone(), b.clone()]);
        assert_eq!(merged.len(), 1, "{merged:#?}");
        assert_eq!(merged[0].date.value.as_deref(), Some("2025-06-02"));
        // a plain range meeting a weekday at its edge pins nothing
        b.events[0].date = UncertainDate::between(Some(d("2025-07-14")), None);
        assert_eq!(merge(&[a, b]).len(), 2);
    }

    #[test]
    fn the_same_ordinal_joins_reports_and_different_ordinals_stay_apart() {
        let s1 =
            "The first direct peace talks between the two countries in years concluded on Friday.";
        let s2 =
            "The talks marked the first direct negotiations between the capitals in three years.";
        let s3 = "A second round of direct talks is planned in the city.";
        let mut a = doc(
            "a",
            "BBC",
            "2025-05-16",
            s1,
            vec![(s1, PloverType::Consult, Modality::Asserted, "", vec![])],
        );
        a.events[0].date =
            UncertainDate::on_weekday(Some(d("2025-01-21")), Some(d("2025-07-17")), 5).unwrap();
        let t = s1.find("talks").unwrap();
        a.events[0].trigger = Span::new(s1, t, t + 5).unwrap();
        let mut b = doc(
            "b",
            "Reuters",
            "2025-05-17",
            s2,
            vec![(
                s2,
                PloverType::Consult,
                Modality::Asserted,
                "2025-05-16",
                vec![],
            )],
        );
        let t = s2.find("negotiations").unwrap();
        b.events[0].trigger = Span::new(s2, t, t + 12).unwrap();
        let mut c = doc(
            "c",
            "AP",
            "2025-05-20",
            s3,
            vec![(s3, PloverType::Consult, Modality::Asserted, "", vec![])],
        );
        c.events[0].date = UncertainDate::between(Some(d("2025-05-01")), Some(d("2025-07-01")));
        let t = s3.find("talks").unwrap();
        c.events[0].trigger = Span::new(s3, t, t + 5).unwrap();
        let merged = merge(&[a, b, c]);
        assert_eq!(merged.len(), 2, "{merged:#?}");
        assert_eq!(merged[0].reports.len(), 2);
        assert_eq!(merged[0].date.value.as_deref(), Some("2025-05-16"));
    }

    #[test]
    fn events_from_one_trigger_on_two_dates_are_two_events_with_two_ids() {
        let s1 = "At the last talks on May 16 and June 2, the two sides agreed to exchange prisoners.";
        let mut a = doc("a", "AFP", "2025-07-23", s1, vec![
            (s1, PloverType::Consult, Modality::Asserted, "2025-05-16", vec![]),
            (s1, PloverType::Consult, Modality::Asserted, "2025-06-02", vec![]),
        ]);
        a.events[1].trigger = a.events[0].trigger;
        let merged = merge(&[a]);
        assert_eq!(merged.len(), 2, "{merged:#?}");
        assert_ne!(merged[0].id, merged[1].id);
    }

    #[test]
    fn one_article_s_talks_on_the_same_weekday_are_one_meeting() {
        let body = "The delegations met on Monday in the city. Little progress was made in Monday's talks, an analyst said.";
        let s1 = "The delegations met on Monday in the city.";
        let s2 = "Little progress was made in Monday's talks, an analyst said.";
        let mut a = doc(
            "a",
            "Al Jazeera",
            "2025-06-03",
            body,
            vec![
                (s1, PloverType::Consult, Modality::Asserted, "", vec![]),
                (s2, PloverType::Consult, Modality::Asserted, "", vec![]),
            ],
        );
        let monday =
            UncertainDate::on_weekday(Some(d("2025-05-20")), Some(d("2025-07-14")), 1).unwrap();
        a.events[0].date = monday.clone();
        a.events[1].date = monday;
        a.events[1].actors.clear();
        a.events[1].recipients.clear();
        assert_eq!(merge(&[a.clone()]).len(), 1);
        // not for attacks: two strikes on one day are two events
        for e in &mut a.events {
            e.event_type = PloverType::Assault;
        }
        assert_eq!(merge(&[a]).len(), 2);
    }

    #[test]
    fn a_merged_event_takes_the_place_on_the_strongest_basis() {
        let at = |name: &str, basis: Option<PlaceBasis>| Place { name: name.into(), geonames_id: None, country: None, lat: None, lon: None, basis };
        let country = at("Syria", Some(PlaceBasis::Document));
        let (homs, damascus) = (at("Homs", Some(PlaceBasis::Sentence)), at("Damascus", Some(PlaceBasis::Dateline)));
        let best = |rep: Option<&Place>, all: &[&Place]| strongest_place(rep, all.iter().copied()).map(|p| p.name.clone());
        assert_eq!(best(Some(&country), &[&country, &damascus, &homs]), Some("Homs".into()));
        assert_eq!(best(None, &[&country, &damascus]), Some("Damascus".into()));
        assert_eq!(best(Some(&homs), &[&homs, &at("Deraa", Some(PlaceBasis::Sentence))]), Some("Homs".into()), "ties keep the representative's");
        assert_eq!(best(None, &[]), None);
    }

    #[test]
    fn one_leader_s_meetings_with_different_counterparts_stay_two() {
        let marten = || party("Ilse Marten", "VLD", "GOV");
        let envoy = || party("Osk Branner", "EST", "GOV");
        let mine = || party("Northern Mining Company", "LKL", "BUS");
        let s1 = "President Marten met the Esterran envoy Osk Branner in the capital on Tuesday to discuss the border.";
        let s2 = "On Tuesday Marten met chiefs of the Northern Mining Company in the capital to discuss the border mines.";
        let a = report_on("a", "Coastal Herald", s1, "met", PloverType::Consult, None, vec![marten(), envoy()], vec![]);
        let b = report_on("b", "Inland Post", s2, "met", PloverType::Consult, None, vec![marten(), mine()], vec![]);
        assert_eq!(merge(&[a.clone(), b]).len(), 2, "a meeting with the envoy and one with the miners");
        // a report naming only one of the participants, or one more, is the same meeting
        let s3 = "Marten and Branner met in the capital on Tuesday, discussing the border.";
        let c = report_on("c", "Inland Post", s3, "met", PloverType::Consult, None, vec![marten()], vec![envoy()]);
        let e = report_on("e", "Lake Gazette", s3, "met", PloverType::Consult, None, vec![marten()], vec![]);
        assert_eq!(merge(&[a.clone(), c]).len(), 1, "the sides of a meeting may be named either way");
        assert_eq!(merge(&[a, e]).len(), 1);
        // a request to one counterpart is not the same request to another
        let s4 = "Marten asked the envoy and the mining company to reopen the border crossing.";
        let s5 = "Marten asked the envoy and the Lakeland navy to reopen the border crossing.";
        let navy = party("Lakeland navy", "LKL", "MIL");
        let f = report_on("f", "Coastal Herald", s4, "asked", PloverType::Request, None, vec![marten()], vec![envoy(), mine()]);
        let g = report_on("g", "Inland Post", s5, "asked", PloverType::Request, None, vec![marten()], vec![envoy(), navy]);
        assert_eq!(merge(&[f, g]).len(), 2);
    }

    #[test]
    fn an_ordinal_counts_one_party_s_series() {
        let ravel = || vec![party("Ana Ravel", "EST", "GOV")];
        let s1 = "Minister Ravel , on her first visit to the border region , promised new roads .";
        let s2 = "Ravel made her first visit to the border region , where she promised roads .";
        let s3 = "The bridge may open in time for Governor Osk 's first visit to the capital .";
        let dated = |id: &str, outlet: &str, s: &str, actors: Vec<EventArg>| {
            let mut r = report_on(id, outlet, s, "visit", PloverType::Consult, Some("visit"), actors, vec![]);
            r.events[0].date = UncertainDate::between(Some(d("2034-04-01")), Some(d("2034-06-30")));
            r
        };
        let a = dated("a", "Coastal Herald", s1, ravel());
        let b = dated("b", "Inland Post", s2, ravel());
        let c = dated("c", "Lake Gazette", s3, vec![]);
        assert_eq!(event_ordinal(&c, &c.events[0]), Some(1));
        let merged = merge(&[a, b, c]);
        assert_eq!(merged.len(), 2, "Ravel's first visit, and the governor's: {merged:#?}");
        assert!(merged.iter().any(|m| m.reports.len() == 2));
    }

    #[test]
    fn with_no_date_a_party_s_acts_need_more_in_common_than_the_party_and_the_act() {
        let marten = || vec![party("Ilse Marten", "VLD", "GOV")];
        let undated = |id: &str, outlet: &str, s: &str| {
            let mut r = report_on(id, outlet, s, "visited", PloverType::Consult, Some("visit"), marten(), vec![]);
            r.events[0].date = UncertainDate::unknown();
            r
        };
        let a = undated("a", "Coastal Herald", "Ilse Marten visited the Esterran border .");
        let b = undated("b", "Inland Post", "Ilse Marten visited the northern coast .");
        assert!(a.events[0].date.is_unknown());
        assert_eq!(merge(&[a.clone(), b]).len(), 2, "alike only in who and what: two visits");
        let c = undated("c", "Lake Gazette", "Ilse Marten visited the Esterran border , touring the new fence .");
        assert_eq!(merge(&[a, c]).len(), 1, "both say where she went: one visit");
    }

    #[test]
    fn an_act_followed_by_an_adverbial_of_frequency_is_several() {
        let marten = || vec![party("Ilse Marten", "VLD", "GOV")];
        for (sentence, word, iterated) in [
            ("The two foreign ministers met twice in the port .", "met", true),
            ("She has visited the flooded port three times since May .", "visited", true),
            ("He visited the port on a number of occasions .", "visited", true),
            ("The army attacked the port repeatedly .", "attacked", true),
            ("He visited the port for the first time .", "visited", false),
            ("The envoy met the minister at the port , three days after the storm .", "met", false),
        ] {
            let r = report_on("x", "Coastal Herald", sentence, word, PloverType::Consult, None, marten(), vec![]);
            assert_eq!(is_iterated(&r, &r.events[0]), iterated, "{sentence}");
        }
        let one = "Ilse Marten visited the flooded port on Tuesday to meet rescue teams .";
        let three = "Since the floods , Ilse Marten has visited the port three times .";
        let a = report_on("a", "Coastal Herald", one, "visited", PloverType::Consult, Some("visit"), marten(), vec![]);
        let b = report_on("b", "Inland Post", three, "visited", PloverType::Consult, Some("visit"), marten(), vec![]);
        assert_eq!(merge(&[a, b]).len(), 2);
    }

    /// `report` with no event date and the time expression `date` (its text in
    /// the sentence) resolved to the day `day`.
    fn report_stating(id: &str, outlet: &str, sentence: &str, date: &str, day: &str) -> Document {
        let marten = vec![party("Ilse Marten", "VLD", "GOV")];
        let mut r = report(id, outlet, "2032-01-10", sentence, PloverType::Consult, "", marten, vec![party("Northern Mining Company", "VLD", "BUS")]);
        let at = sentence.find(date).unwrap();
        r.times.push(chronicle_core::TimeExpr {
            span: Span::new(r.body(), at, at + date.len()).unwrap(),
            time_type: chronicle_core::TimeType::Date,
            value: Some(day.into()),
            resolved: UncertainDate::parse_value(day).unwrap(),
            modifies: None,
        });
        r
    }

    #[test]
    fn reports_stating_full_dates_days_apart_are_two_happenings() {
        let a = report_stating("a", "Coastal Herald", "Port Vell , 5 August 2031 : President Marten met the mining company 's board at the port .", "5 August 2031", "2031-08-05");
        let b = report_stating("b", "Inland Post", "Port Vell , 16 December 2031 : President Marten met the mining company 's board at the port .", "16 December 2031", "2031-12-16");
        assert_eq!(stated_days(&a, &a.events[0]).len(), 1);
        assert_eq!(merge(&[a.clone(), b]).len(), 2, "a meeting in August and one in December");
        // the same day, or the next (a later dateline), is no evidence of two
        let c = report_stating("c", "Inland Post", "Port Vell , 6 August 2031 : President Marten met the mining company 's board at the port .", "6 August 2031", "2031-08-06");
        assert_eq!(merge(&[a.clone(), c]).len(), 1);
        // a day without its year says nothing here
        let d = report_stating("d", "Inland Post", "Port Vell , 16 December : President Marten met the mining company 's board at the port .", "16 December", "2031-12-16");
        assert!(stated_days(&d, &d.events[0]).is_empty());
        // the stored inputs keep the time expressions of event sentences
        assert_eq!(merge_input(&a).times.len(), 1);
    }

    #[test]
    fn two_predicates_of_one_sentence_copied_into_two_articles_are_two_acts() {
        let s = "Hours later Osk withdrew his remark , after Minister Ana Ravel condemned it and party leaders issued a statement denouncing it .";
        let ravel = || vec![party("Ana Ravel", "EST", "GOV")];
        let a = report_on("a", "Coastal Herald", s, "condemned", PloverType::Accuse, None, ravel(), vec![]);
        let b = report_on("b", "Coastal Herald", s, "denouncing", PloverType::Accuse, None, ravel(), vec![]);
        assert_eq!(merge(&[a.clone(), b]).len(), 2, "the minister's condemnation and the leaders' statement");
        let c = report_on("c", "Inland Post", s, "condemned", PloverType::Accuse, None, ravel(), vec![]);
        assert_eq!(merge(&[a, c]).len(), 1, "the same predicate in two copies is one act");
        // two words for one meeting in each of two copies: one meeting
        let s = "The firm said it looked forward to Wednesday 's meeting with Ravel for a constructive discussion .";
        let mut e = report_on("e", "Coastal Herald", s, "meeting", PloverType::Consult, None, ravel(), vec![]);
        second_trigger(&mut e, "discussion", 0);
        let mut f = report_on("f", "Inland Post", s, "meeting", PloverType::Consult, None, ravel(), vec![]);
        second_trigger(&mut f, "discussion", 0);
        let m = merge(&[e, f]);
        assert_eq!(m.len(), 1, "{m:#?}");
        assert_eq!(m[0].reports.len(), 4);
    }

    #[test]
    fn the_same_act_word_under_itself_is_another_act() {
        let s = "Osk apologised for apologising to the company .";
        let d0 = report_on("a", "Coastal Herald", s, "apologised", PloverType::Concede, None, vec![party("Osk", "EST", "GOV")], vec![]);
        let arcs = [(2, "nsubj"), (0, "root"), (4, "mark"), (2, "advcl"), (7, "case"), (7, "det"), (4, "obl"), (2, "punct")];
        let mut d = with_tree(d0, &arcs);
        for t in d.tokens.iter_mut().filter(|t| t.syntax.as_ref().is_some_and(|s| s.lemma.starts_with("apologis"))) {
            t.syntax.as_mut().unwrap().lemma = "apologise".into();
        }
        second_trigger(&mut d, "apologising", 0);
        assert_eq!(merge(&[d.clone()]).len(), 2, "the apology and the apology it is for");
        // side by side, the same word twice is one act told twice
        let mut side = d.clone();
        let at = s.find("apologising").unwrap();
        side.tokens.iter_mut().find(|t| t.span.start() == at).unwrap().syntax.as_mut().unwrap().head = None;
        assert_eq!(merge(&[side]).len(), 1);
    }
}
