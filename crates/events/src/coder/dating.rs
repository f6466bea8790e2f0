//! Event dating: the day an event took place, as far as its sentence and
//! the publication date tell — the sentence's time nearest the trigger (each
//! of several coordinated days), skipping a year that dates another noun;
//! else, from the tense, bounds at the publication date; else unknown.

use chronicle_core::{Document, Modality, Span, TimeType, UncertainDate};
use chronicle_syntax::tree::Tree;

use super::{trigger_verb, Ctx, Trig};

const IRREGULAR_PAST: &[&str] = &[
    "met", "held", "sent", "fought", "struck", "shot", "took", "gave", "made", "began", "led",
    "brought", "drew", "withdrew", "threw", "broke", "won", "saw", "came", "went", "sought", "spoke",
    "blew", "beat", "hit", "put", "set", "cut", "left", "froze", "stole", "ran", "rose", "fell",
];

fn is_past(ctx: &Ctx, trig: &Trig) -> bool {
    if let Some(past) = ctx.tree.as_ref().and_then(|tree| tree_past(ctx, tree, trig)) {
        return past;
    }
    let lo = trig.start.saturating_sub(3);
    (lo..trig.end).any(|j| {
        let w = ctx.word(j);
        (w.len() > 4 && w.ends_with("ed"))
            || IRREGULAR_PAST.contains(&w)
            || matches!(w, "has" | "have" | "had")
    })
}

/// Tense from the tree: the trigger's verb — for an event noun, the verb
/// it depends on ("condemned the attack") — is past when it is a past form
/// (VBD, or a participle: "was attacked", "the accord signed Monday") or has
/// a perfect or past auxiliary ("has met", "did meet"). `None` when the
/// trigger's token or verb cannot be found (the surface rule decides).
fn tree_past(ctx: &Ctx, tree: &Tree, trig: &Trig) -> Option<bool> {
    let v = trigger_verb(ctx, tree, trig, |u| matches!(u, Some(chronicle_core::Upos::Verb | chronicle_core::Upos::Aux)))?;
    let aux_past = tree
        .children(v)
        .into_iter()
        .filter(|&c| tree.base_rel(c) == "aux")
        .any(|c| tree.lemma(c) == "have" || tree.xpos(c) == "VBD");
    let future = tree.children(v).into_iter().any(|c| tree.base_rel(c) == "aux" && matches!(tree.lemma(c), "will" | "shall" | "would"));
    Some(!future && (matches!(tree.xpos(v), "VBD" | "VBN") || aux_past))
}

/// True when the trigger's verb (for an event noun, the verb it depends on)
/// is in the present tense with no modal: "BP insists", "Obama is asking
/// Congress". A dated article tells such an act as going on when it was
/// written.
fn tree_present(ctx: &Ctx, trig: &Trig) -> bool {
    let Some(tree) = ctx.tree.as_ref() else { return false };
    let Some(v) = trigger_verb(ctx, tree, trig, |u| u == Some(chronicle_core::Upos::Verb)) else { return false };
    let auxes: Vec<usize> = tree.children(v).into_iter().filter(|&c| tree.base_rel(c) == "aux").collect();
    let modal = auxes.iter().any(|&c| tree.xpos(c) == "MD");
    let present_aux = auxes.iter().any(|&c| matches!(tree.xpos(c), "VBZ" | "VBP")) && tree.xpos(v) == "VBG";
    tree.upos(v) == Some(chronicle_core::Upos::Verb) && !modal && (matches!(tree.xpos(v), "VBZ" | "VBP") || present_aux)
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
    let rest = body.get(span.end()..)?;
    let after = rest.strip_prefix(' ')?;
    let word: String = after.chars().take_while(|c| c.is_alphabetic() || *c == '-').collect();
    if word.is_empty() || !word.chars().next().is_some_and(char::is_lowercase) || NOT_MODIFIED.contains(&word.as_str()) {
        return None;
    }
    let start = span.end() + 1;
    Span::new(body, start, start + word.len()).ok()
}

/// The event's date: the sentence's time nearest the trigger (one of several
/// when they are coordinated: "on May 16 and June 2"), skipping a year that
/// dates another noun; else, for an asserted past event, on or before the
/// document date; else unknown. Returns the date and, for coordinated
/// dates, each with its words.
pub(super) fn event_date(
    doc: &Document,
    ctx: &Ctx,
    trig: &Trig,
    trigger: Span,
    sentence_span: Span,
    modality: Modality,
    notes: &mut Vec<String>,
) -> (UncertainDate, Vec<(UncertainDate, String)>) {
    // the layer is sorted: only the times starting inside the sentence
    let first = doc.times.partition_point(|t| t.span.start() < sentence_span.start());
    let sentence_times: Vec<_> = doc
        .times
        .get(first..)
        .unwrap_or_default()
        .iter()
        .take_while(|t| t.span.start() <= sentence_span.end())
        .filter(|t| {
            sentence_span.contains(t.span)
                && matches!(t.time_type, TimeType::Date | TimeType::Time)
                && !t.resolved.is_unknown()
        })
        .collect();
    // a year that modifies another noun ("Moscow's 2022 invasion", "the 1989
    // Exxon Valdez accident") dates that noun, not this event (the time layer
    // marks it; documents stored before it did are read by the surface rule)
    let modifier = |t: &chronicle_core::TimeExpr| {
        t.modifies.or_else(|| attributive_year(ctx.body, t.span)).is_some_and(|noun| !noun.overlaps(trigger))
    };
    let sentence_times: Vec<_> = sentence_times.into_iter().filter(|t| !modifier(t)).collect();
    let mut dates: Vec<(UncertainDate, String)> = Vec::new();
    let date = if let Some(t) = sentence_times
        .iter()
        .min_by_key(|t| t.span.start().abs_diff(trigger.start()))
    {
        let group = coordinated_dates(ctx.body, &sentence_times, t.span);
        if group.len() >= 2 {
            notes.push(format!("date: one of {} coordinated dates", group.len()));
            dates = group.iter().map(|g| (g.resolved.clone(), g.span.text(ctx.body).to_string())).collect();
        } else {
            notes.push(format!("date: '{}'", t.span.text(ctx.body)));
        }
        t.resolved.clone()
    } else if modality == Modality::Asserted && (is_past(ctx, trig) || tree_present(ctx, trig)) {
        let pub_date = &doc.meta.published.date;
        let latest = pub_date.latest.or_else(|| pub_date.exact_day());
        if latest.is_some() {
            notes.push("date: on or before the document date (past or present tense)".into());
        }
        UncertainDate::between(None, latest)
    } else {
        UncertainDate::unknown()
    };
    (date, dates)
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
mod tests {
    use super::*;
    use crate::coder::tests::{coded, doc_with, span_of};
    use chronicle_core::{EntityType::Location, Event, PloverType, TimeExpr};

    fn main_of(doc: &Document) -> &Event {
        crate::eval::main_event(&doc.events).expect("an event")
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
        let at = |w: &str| {
            let a = body.find(w).unwrap();
            Span::new(body, a, a + w.len()).unwrap()
        };
        assert_eq!(attributive_year(body, at("2022")), Some(at("invasion")));
        assert_eq!(attributive_year(body, at("2014")), None, "'2014 when' is no modifier");
        assert_eq!(attributive_year(body, at("Friday")), None);
    }
}
