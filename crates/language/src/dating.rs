//! Dating a document by the roles it states.
//!
//! A text that calls someone "US President Donald Trump" or "Defence Minister
//! Rustem Umerov" was written while that person held that office; "former
//! defence minister Rustem Umerov" was written after a tenure ended. The
//! knowledge base knows the tenures, so each stated role bounds the document
//! date. When the cleaner could only infer bounds from the content, these
//! bounds tighten them — and a tighter document date is what lets "May 16" or
//! "on Friday" resolve to a day later on.
//!
//! Only sure evidence is used: roles tied to a KB person, an office the KB
//! records for them, no "then"/"late" (the title is not about the present), and
//! no explicit year in the same sentence (a historical aside). When claims
//! disagree, the span that most claims support wins, and only if it is one
//! unbroken range; when they cannot be reconciled with the cleaner's bounds,
//! nothing changes. An exact day is never produced here.
//!
//! A second bound comes from the dates the text itself reports
//! ([`bound_by_reported_dates`]): "the first round of talks on May 16 ended
//! without a deal" was written on or after May 16; "the envoys will meet on
//! June 20" on or before June 20. Only calendar dates (a day or a month named
//! in the text, its year possibly chosen by the bounds above) count, only in a
//! clause whose tense is plain, and the time expressions are then resolved
//! again against the narrowed date.

use std::collections::HashSet;
use std::sync::LazyLock;

use chrono::NaiveDate;
use chronicle_core::{DateBasis, Document, RoleClaim, Span, TimeType, UncertainDate};

use crate::kb::Kb;

/// A closed range of days; `None` ends are open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Range {
    from: NaiveDate,
    to: NaiveDate,
}

const OPEN_START: NaiveDate = NaiveDate::MIN;
const OPEN_END: NaiveDate = NaiveDate::MAX;

/// How a title relates to the time of writing.
enum Tense {
    Current,
    Former,
}

fn tense_of(title: &str) -> Option<(Tense, &str)> {
    for (prefix, tense) in [("former ", Some(Tense::Former)), ("ex-", Some(Tense::Former)), ("then-", None), ("then ", None), ("late ", None)] {
        if let Some(rest) = title.strip_prefix(prefix) {
            return tense.map(|t| (t, rest.trim()));
        }
    }
    Some((Tense::Current, title))
}

/// The days a claim allows the document to have been written on, or None
/// when it says nothing sure.
fn allowed(claim: &RoleClaim, kb: &Kb, office_of: &dyn Fn(&str) -> Option<String>) -> Option<Vec<Range>> {
    let person = kb.person(claim.kb_id.as_deref()?)?;
    let (tense, title) = tense_of(&claim.title)?;
    let office = office_of(title)?;
    let tenures: Vec<_> = person
        .offices
        .iter()
        .filter(|o| o.office == office && claim.of.as_deref().map_or(true, |c| c == o.iso3))
        .collect();
    if tenures.is_empty() {
        return None;
    }
    match tense {
        Tense::Current => Some(
            tenures
                .iter()
                .map(|o| Range { from: o.from.unwrap_or(OPEN_START), to: o.to.unwrap_or(OPEN_END) })
                .collect(),
        ),
        Tense::Former => {
            let first_end = tenures.iter().filter_map(|o| o.to).min()?;
            Some(vec![Range { from: first_end.succ_opt()?, to: OPEN_END }])
        }
    }
}

fn has_explicit_year(sentence: &str) -> bool {
    sentence.split(|c: char| !c.is_ascii_digit()).any(|run| {
        run.len() == 4 && run.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
    })
}

/// The single range most constraints agree on, if it is unbroken.
fn best_supported(constraints: &[Vec<Range>]) -> Option<Range> {
    let mut points: Vec<NaiveDate> = constraints.iter().flatten().flat_map(|r| [r.from, r.to]).collect();
    points.sort();
    points.dedup();
    // Elementary pieces: each boundary point and each open gap between two points,
    // represented by a day inside it.
    let mut pieces: Vec<(Range, usize)> = Vec::new();
    for (i, &p) in points.iter().enumerate() {
        let support = |d: NaiveDate| constraints.iter().filter(|c| c.iter().any(|r| r.from <= d && d <= r.to)).count();
        pieces.push((Range { from: p, to: p }, support(p)));
        if let (Some(&next), Some(after)) = (points.get(i + 1), p.succ_opt()) {
            if let Some(before) = next.pred_opt() {
                if after <= before {
                    pieces.push((Range { from: after, to: before }, support(after)));
                }
            }
        }
    }
    let best = pieces.iter().map(|p| p.1).max().filter(|&b| b > 0)?;
    let mut run: Option<Range> = None;
    let mut runs = 0;
    for (r, s) in &pieces {
        if *s == best {
            match &mut run {
                Some(cur) if cur.to.succ_opt() == Some(r.from) => cur.to = r.to,
                _ => {
                    runs += 1;
                    run = Some(*r);
                }
            }
        }
    }
    (runs == 1).then_some(run).flatten()
}

/// Tightens `doc.meta.published` with the roles the text states, when the
/// date was only inferred or unknown. Returns true when it changed. Role
/// claims' `as_of` follow the new document date.
pub fn refine_published(doc: &mut Document, kb: &Kb, office_of: &dyn Fn(&str) -> Option<String>) -> bool {
    let published = &doc.meta.published;
    if matches!(published.basis, DateBasis::Explicit | DateBasis::Relative) || published.date.exact_day().is_some() {
        return false;
    }
    let constraints: Vec<Vec<Range>> = doc
        .roles
        .iter()
        .filter(|c| {
            let sentence = doc.sentence_at(c.evidence.start()).map(|s| s.span.text(doc.body())).unwrap_or("");
            !has_explicit_year(sentence)
        })
        .filter_map(|c| allowed(c, kb, office_of))
        .collect();
    let Some(best) = best_supported(&constraints) else { return false };
    let old = &published.date;
    let earliest = old.earliest.map_or(best.from, |e| e.max(best.from));
    let latest = old.latest.map_or(best.to, |l| l.min(best.to));
    if earliest > latest {
        return false; // the roles contradict what the cleaner found: keep the cleaner's bounds
    }
    let earliest = (earliest != OPEN_START).then_some(earliest);
    let latest = (latest != OPEN_END).then_some(latest);
    if earliest == old.earliest && latest == old.latest {
        return false;
    }
    // Roles bound the date; they never pin one day.
    let mut date = UncertainDate::between(earliest, latest);
    date.value = None;
    doc.meta.published.date = date.clone();
    doc.meta.published.basis = DateBasis::Inferred;
    for role in &mut doc.roles {
        role.as_of = date.clone();
    }
    true
}

/// Tense cue words (`data/time/tense.tsv`).
struct TenseLexicon {
    /// Irregular past forms ("said", "met", "was").
    past: HashSet<String>,
    /// Words ending in "-ed" that are not past verbs.
    not_verb: HashSet<String>,
    /// Hypothetical or proposed: no bound either way (word sequences).
    irrealis: Vec<Vec<String>>,
    /// Plans, promises, limits: no past bound.
    plan: Vec<Vec<String>>,
    /// Present forms of "be".
    present: HashSet<String>,
    /// Words right before a date that make it a limit.
    deadline: Vec<Vec<String>>,
    /// Present-tense future markers.
    future: Vec<Vec<String>>,
    /// Future after "is"/"are" ("is due", "are scheduled").
    future_be: HashSet<String>,
    /// The page's own history ("amended", "appeared"): no bound.
    page: Vec<Vec<String>>,
}

static TENSE: LazyLock<TenseLexicon> = LazyLock::new(|| {
    let mut lx = TenseLexicon {
        past: HashSet::new(),
        not_verb: HashSet::new(),
        irrealis: Vec::new(),
        plan: Vec::new(),
        present: HashSet::new(),
        deadline: Vec::new(),
        future: Vec::new(),
        future_be: HashSet::new(),
        page: Vec::new(),
    };
    for line in include_str!("../../../data/time/tense.tsv").lines() {
        if line.starts_with('#') {
            continue;
        }
        let Some((kind, word)) = line.split_once('\t') else { continue };
        let word = word.trim().to_lowercase();
        if word.is_empty() {
            continue;
        }
        let phrase = || word.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        match kind {
            "past" => {
                lx.past.insert(word);
            }
            "not_verb" => {
                lx.not_verb.insert(word);
            }
            "irrealis" => lx.irrealis.push(phrase()),
            "plan" => lx.plan.push(phrase()),
            "present" => {
                lx.present.insert(word);
            }
            "deadline" => lx.deadline.push(phrase()),
            "future" => lx.future.push(phrase()),
            "page" => lx.page.push(phrase()),
            "future_be" => {
                lx.future_be.insert(word);
            }
            _ => {}
        }
    }
    lx
});

/// True for a finite past-tense form as written ("said", "met", "attacked"):
/// an irregular past form of `data/time/tense.tsv`, or a lower-case word in
/// "-ed" that the lexicon does not list as a non-verb.
pub(crate) fn is_past_form(word: &str) -> bool {
    let lx = &*TENSE;
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    let lower = w.to_lowercase();
    lx.past.contains(&lower)
        || (lower.len() > 4 && lower.ends_with("ed") && !lx.not_verb.contains(&lower) && w.starts_with(|c: char| c.is_lowercase()))
}

/// Words before an "-ed" word that make it an adjective or a present/future passive.
const NOT_PAST_BEFORE: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "that", "these", "those",
    "is", "are", "am", "be", "being", "will", "to", "newly", "so",
];

/// When true, a year-less date whose year was only guessed from a weekday
/// named elsewhere in its sentence never bounds the document date. (A year
/// taken from the one year the document's other dates share is used.)
const STRICT_YEARS: bool = true;

/// How a clause places a dated event relative to the time of writing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reported {
    /// Reported as done ("talks on May 16 ended").
    Past,
    /// Reported as still to come ("will meet on June 20").
    Future,
}

/// One word of a clause window: lower-cased text, original text, start byte.
struct Word<'a> {
    lower: String,
    original: &'a str,
    start: usize,
}

fn window_words<'a>(text: &'a str, from: usize, to: usize, skip: &[(usize, usize)]) -> Vec<Word<'a>> {
    let Some(seg) = text.get(from..to) else { return Vec::new() };
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
    for (i, c) in seg.char_indices().chain(std::iter::once((seg.len(), ' '))) {
        match (is_word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let original = seg[s..i].trim_matches(|c: char| c == '\'' || c == '’' || c == '-');
                let at = from + s;
                if !original.is_empty() && !skip.iter().any(|r| r.0 <= at && at < r.1) {
                    out.push(Word { lower: original.to_lowercase(), original, start: at });
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// True when `phrase` occurs in `words` starting at `i`.
fn phrase_at(words: &[Word], i: usize, phrase: &[String]) -> bool {
    !phrase.is_empty()
        && phrase.iter().enumerate().all(|(k, p)| {
            words.get(i + k).is_some_and(|w| {
                // "may" the modal, never "May" the month
                w.lower == *p && !(p == "may" && w.original != "may")
            })
        })
}

fn any_phrase(words: &[Word], phrases: &[Vec<String>]) -> bool {
    (0..words.len()).any(|i| phrases.iter().any(|p| phrase_at(words, i, p)))
}

/// Words between a reporting verb and a date that make the date part of what
/// was said ("said the talks on June 20 …"), not the time of saying.
const CONTENT_START: &[&str] = &["that", "the", "a", "an", "this", "these", "those", "it", "they", "he", "she", "we"];

/// Past-tense evidence in `words` (one clause segment) for a date at byte
/// `date`: (an irregular past form, a regular "-ed" verb). A reporting verb
/// ("said", "told") counts only when the date is the time of saying ("told
/// reporters on May 15", or after a `fronted` date: "On May 26, Trump
/// described …"); an "-ed" word opening the segment (", recorded on
/// …") is a participle, not a finite verb.
fn past_evidence(words: &[&Word], date: usize, fronted: bool) -> (bool, bool) {
    let lx = &*TENSE;
    let mut strong = false;
    let mut weak = false;
    for (i, w) in words.iter().enumerate() {
        let reporting = crate::quote::is_cue_word(&w.lower);
        if reporting {
            // "told reporters on May 15", "On May 26, Trump described …"; not "said the talks on June 20 …"
            let said_then = if w.start > date {
                fronted
            } else {
                !words[i + 1..].iter().take_while(|x| x.start < date).any(|x| CONTENT_START.contains(&x.lower.as_str()))
            };
            if !said_then {
                continue;
            }
        }
        // "the agreed swap", "is held", "to be signed": an adjective or a present/future passive
        if i.checked_sub(1).and_then(|p| words.get(p)).is_some_and(|p| NOT_PAST_BEFORE.contains(&p.lower.as_str())) {
            continue;
        }
        if lx.past.contains(&w.lower) {
            strong = true;
        } else if i > 0
            && w.lower.len() > 4
            && w.lower.ends_with("ed")
            && !lx.not_verb.contains(&w.lower)
            && w.original.starts_with(|c: char| c.is_lowercase())
        {
            weak = true;
        }
    }
    (strong, weak)
}

/// Characters that close a clause segment.
fn is_segment_break(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–' | '"' | '“' | '”' | '\n')
}

/// Characters that close a clause.
fn is_clause_break(c: char) -> bool {
    matches!(c, ';' | ':' | '—' | '–' | '"' | '“' | '”' | '\n')
}

/// Words skipped when looking for the preposition that introduces a date
/// ("until Monday, June 2", "between 20 and 27 July", "by the end of May").
fn is_date_filler(w: &Word) -> bool {
    w.original.starts_with(|c: char| c.is_ascii_digit())
        || ["and", "the", "end", "of", "start", "beginning", "middle", "early", "late", "mid", "on"].contains(&w.lower.as_str())
        || crate::time::is_weekday_name(w.original)
}

/// Text right after a date that moves its year ("20 April last year").
static YEAR_AFTER_RE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?i)^\W{0,3}(?:of\s+)?(?:last|next|this|that|the\s+previous|the\s+following|the\s+same)\s+year\b").expect("year-after regex")
});

/// How the clause around the date at `expr` reports it, if plainly.
/// `sentence` bounds the search; `quote` is the direct quote holding the date,
/// if any; `walls` are the direct quotes the clause may not run into; words
/// inside `times` are not read.
fn reported_as(
    text: &str,
    sentence: (usize, usize),
    expr: (usize, usize),
    quote: Option<(usize, usize)>,
    walls: &[(usize, usize)],
    times: &[(usize, usize)],
) -> Option<Reported> {
    let lx = &*TENSE;
    let (mut lo, mut hi) = quote.map_or(sentence, |q| (q.0.max(sentence.0), q.1.min(sentence.1)));
    for w in walls {
        if w.1 <= expr.0 {
            lo = lo.max(w.1);
        } else if w.0 >= expr.1 {
            hi = hi.min(w.0);
        }
    }
    if lo > expr.0 || hi < expr.1 {
        return None;
    }
    let after = text.get(expr.1..hi)?;
    if YEAR_AFTER_RE.is_match(after) {
        return None;
    }
    let before = text.get(lo..expr.0)?;
    // "that February", "each May": a narrative or repeated month, not one the writer dates from now
    let prev = before.trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
    // "last August" may be this year's or last year's
    if ["that", "each", "every", "same", "following", "previous", "preceding", "last"].contains(&prev.as_str()) {
        return None;
    }
    let clause_start = before.rfind(is_clause_break).map_or(lo, |k| lo + k + 1);
    let seg_start = before.rfind(is_segment_break).map_or(lo, |k| lo + k + 1).max(clause_start);
    let mut seg_end = after.find(is_segment_break).map_or(hi, |k| expr.1 + k);
    // "Then, on May 26, Trump described …": a short fronted adverbial takes the clause after it
    let lead = window_words(text, clause_start, seg_start, times).len();
    let own = window_words(text, seg_start, seg_end, times).len();
    let fronted = lead <= 2 && own <= 5 && text[seg_end..hi].starts_with(',');
    if fronted {
        let next = seg_end + 1;
        seg_end = text.get(next..hi)?.find(is_segment_break).map_or(hi, |k| next + k);
    }
    let clause = window_words(text, clause_start, seg_end, times);
    let words = window_words(text, seg_start, seg_end, times);
    if any_phrase(&clause, &lx.irrealis) || any_phrase(&clause, &lx.page) {
        return None;
    }
    // future: a future word before the date with no past verb between them
    let future_at = (0..clause.len()).filter(|&i| clause[i].start < expr.0).find(|&i| {
        lx.future.iter().any(|p| phrase_at(&clause, i, p))
            || (lx.present.contains(&clause[i].lower)
                && clause.get(i + 1..i + 3).is_some_and(|n| n.iter().any(|w| lx.future_be.contains(&w.lower))))
    });
    if let Some(i) = future_at.filter(|_| prev != "last") {
        let between: Vec<&Word> = clause[i + 1..].iter().filter(|w| w.start < expr.0).collect();
        let (s, w) = past_evidence(&between, expr.0, false);
        return (quote.is_none() && !s && !w).then_some(Reported::Future);
    }
    if any_phrase(&clause, &lx.future) || any_phrase(&clause, &lx.plan) {
        return None;
    }
    if words.iter().any(|w| lx.present.contains(&w.lower)) {
        return None;
    }
    // "until June 1", "between 20 and 27 July", "postponed to July 31": a limit, not an event
    let mut before_date: Vec<&Word> = words.iter().filter(|w| w.start < expr.0).collect();
    while before_date.last().is_some_and(|w| is_date_filler(w)) {
        before_date.pop();
    }
    let n = before_date.len();
    let limit = lx.deadline.iter().any(|p| n >= p.len() && before_date[n - p.len()..].iter().zip(p).all(|(w, d)| w.lower == *d));
    if limit {
        return None;
    }
    let refs: Vec<&Word> = words.iter().collect();
    let (strong, weak) = past_evidence(&refs, expr.0, fronted);
    (strong || weak).then_some(Reported::Past)
}

/// The first and last day of a time value naming a day (`2025-05-16`,
/// `2025-05-16TMO`) or a month (`2025-05`).
fn value_days(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let day = value.get(..10).filter(|_| value.len() == 10 || value.as_bytes().get(10) == Some(&b'T'));
    if let Some(d) = day.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) {
        return Some((d, d));
    }
    if value.len() == 7 {
        return UncertainDate::parse_value(value).ok().and_then(|u| Some((u.earliest?, u.latest?)));
    }
    None
}

/// The calendar dates of `doc.times` that the text plainly reports as past or
/// as still to come, with the days they cover (first, last).
pub fn reported_dates(doc: &Document) -> Vec<(Span, Reported, NaiveDate, NaiveDate)> {
    let text = doc.body();
    let sentences = crate::time::sentence_ranges(doc);
    let directs: Vec<(usize, usize)> = doc.quotes.iter().filter(|q| q.direct).map(|q| (q.span.start(), q.span.end())).collect();
    let times: Vec<(usize, usize)> = doc.times.iter().map(|t| (t.span.start(), t.span.end())).collect();
    let guessed = if STRICT_YEARS { crate::time::year_guessed(doc) } else { Vec::new() };
    let mut out = Vec::new();
    for t in &doc.times {
        if guessed.contains(&t.span) {
            continue;
        }
        if !matches!(t.time_type, TimeType::Date | TimeType::Time) {
            continue;
        }
        let Some((first, last)) = t.value.as_deref().and_then(value_days) else { continue };
        let (s, e) = (t.span.start(), t.span.end());
        if !crate::time::names_calendar_date(t.span.text(text)) {
            continue;
        }
        let i = sentences.partition_point(|x| x.1 <= s);
        let Some(&sentence) = sentences.get(i).filter(|x| x.0 <= s) else { continue };
        let quote = directs.iter().copied().find(|q| q.0 <= s && e <= q.1);
        // a quoted fragment ("was on 9 February") has no clause to read
        if quote.is_some_and(|q| text.get(q.0..q.1).map_or(0, |c| c.split_whitespace().count()) < 8) {
            continue;
        }
        let walls: Vec<(usize, usize)> = directs.iter().copied().filter(|q| Some(*q) != quote).collect();
        if let Some(r) = reported_as(text, sentence, (s, e), quote, &walls, &times) {
            out.push((t.span, r, first, last));
        }
    }
    out
}

/// The bounds the document's own dated reports put on its date: the latest
/// day reported as past, the earliest reported as still to come.
fn reported_bounds(doc: &Document) -> (Option<(NaiveDate, Span)>, Option<(NaiveDate, Span)>) {
    let mut earliest: Option<(NaiveDate, Span)> = None;
    let mut latest: Option<(NaiveDate, Span)> = None;
    for (span, r, first, last) in reported_dates(doc) {
        match r {
            Reported::Past if earliest.as_ref().map_or(true, |x| first > x.0) => earliest = Some((first, span)),
            Reported::Future if latest.as_ref().map_or(true, |x| last < x.0) => latest = Some((last, span)),
            _ => {}
        }
    }
    (earliest, latest)
}

/// Narrows `doc.meta.published` with the dates the text reports as past (the
/// document is on or after the latest of them; a month counts from its first
/// day) or as still to come (on or before the earliest of them; a month until
/// its last day), then resolves `doc.times` again against the narrowed date.
///
/// Needs `times` (resolved against the current date) and, to tell quoted
/// words, `quotes`. Never touches an explicit or relative date or an exact
/// day; a bound that would leave no day is dropped; the resolution that
/// chose a date's year must not move after the narrowing, else nothing
/// changes. Returns true when the date changed.
pub fn bound_by_reported_dates(doc: &mut Document) -> bool {
    let published = &doc.meta.published;
    if matches!(published.basis, DateBasis::Explicit | DateBasis::Relative) || published.date.exact_day().is_some() {
        return false;
    }
    let (old_earliest, old_latest) = published.date.bounds();
    let (past, future) = reported_bounds(doc);
    let (mut past, mut future) = (past, future);
    if let (Some(p), Some(f)) = (&past, &future) {
        if p.0 > f.0 {
            // the reports contradict each other: trust neither
            past = None;
            future = None;
        }
    }
    let mut earliest = old_earliest;
    let mut latest = old_latest;
    if let Some((p, _)) = past {
        if old_latest.map_or(true, |l| p <= l) && old_earliest.map_or(true, |e| p > e) {
            earliest = Some(p);
        } else if old_latest.is_some_and(|l| p > l) {
            past = None;
        }
    }
    if let Some((f, _)) = future {
        if earliest.map_or(true, |e| e <= f) && old_latest.map_or(true, |l| f < l) {
            latest = Some(f);
        } else if earliest.is_some_and(|e| f < e) {
            future = None;
        }
    }
    if (earliest, latest) == (old_earliest, old_latest) {
        return false;
    }
    let old_date = doc.meta.published.clone();
    let old_times = doc.times.clone();
    let mut date = UncertainDate::between(earliest, latest);
    date.value = None;
    doc.meta.published.date = date.clone();
    doc.meta.published.basis = DateBasis::Inferred;
    crate::time::annotate(doc);
    // the dates that set the bounds must read the same against the narrowed date
    let value_at = |times: &[chronicle_core::TimeExpr], span: Span| times.iter().find(|t| t.span == span).and_then(|t| t.value.clone());
    let stable = [past.map(|p| p.1), future.map(|f| f.1)]
        .into_iter()
        .flatten()
        .all(|span| value_at(&doc.times, span).is_some() && value_at(&doc.times, span) == value_at(&old_times, span));
    if !stable {
        doc.meta.published = old_date;
        doc.times = old_times;
        return false;
    }
    for role in &mut doc.roles {
        role.as_of = date.clone();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_core::{DocId, InputFormat, Metadata, PublishedDate, Sentence, Span};

    const OFFICES: &str = "# columns: person_id\tname\taliases\tiso3\toffice\tfrom\tto\tsector\n\
        donald-trump\tDonald Trump\t\tUSA\thead of state\t2017-01-20\t2021-01-20\tGOV\n\
        donald-trump\tDonald Trump\t\tUSA\thead of state\t2025-01-20\t\tGOV\n\
        rustem-umerov\tRustem Umerov\t\tUKR\tdefence minister\t2023-09-06\t2025-07-17\tGOV\n";

    fn kb() -> Kb {
        let mut texts: Vec<(String, String)> = (0..4).map(|i| (format!("empty{i}.tsv"), String::new())).collect();
        texts.push(("office_holders.tsv".to_string(), OFFICES.to_string()));
        Kb::from_texts(&texts).expect("test KB")
    }

    fn office_of(title: &str) -> Option<String> {
        match title {
            "president" => Some("head of state".into()),
            "defence minister" => Some("defence minister".into()),
            _ => None,
        }
    }

    fn doc(body: &str, claims: &[(&str, &str, &str)]) -> Document {
        let mut meta = Metadata::default();
        meta.published = PublishedDate {
            date: UncertainDate::between(NaiveDate::from_ymd_opt(2022, 9, 1), None),
            basis: DateBasis::Inferred,
        };
        let mut d = Document::new(DocId::from_text(body), "t".into(), InputFormat::Text, vec![], body.into(), body.into(), meta);
        let mut at = 0;
        for sentence in body.split_inclusive(". ") {
            d.sentences.push(Sentence { span: Span::new(body, at, at + sentence.len()).unwrap() });
            at += sentence.len();
        }
        for (surface, kb_id, title) in claims {
            let start = body.find(surface).unwrap();
            d.roles.push(RoleClaim {
                person: surface.to_string(),
                kb_id: Some(kb_id.to_string()),
                title: title.to_string(),
                of: None,
                evidence: Span::new(body, start, start + surface.len()).unwrap(),
                as_of: UncertainDate::unknown(),
            });
        }
        d
    }

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn two_stated_roles_intersect_their_tenures() {
        let mut d = doc(
            "US President Donald Trump spoke. Defence Minister Rustem Umerov led the delegation. ",
            &[("Donald Trump", "donald-trump", "president"), ("Rustem Umerov", "rustem-umerov", "defence minister")],
        );
        assert!(refine_published(&mut d, &kb(), &office_of));
        assert_eq!(d.meta.published.date.earliest, ymd(2025, 1, 20));
        assert_eq!(d.meta.published.date.latest, ymd(2025, 7, 17));
        assert_eq!(d.meta.published.date.value, None, "roles never pin a day");
        assert_eq!(d.roles[0].as_of, d.meta.published.date);
    }

    #[test]
    fn former_title_bounds_from_the_end_of_the_tenure() {
        let mut d = doc("The talks were led by former defence minister Rustem Umerov. ", &[("Rustem Umerov", "rustem-umerov", "former defence minister")]);
        assert!(refine_published(&mut d, &kb(), &office_of));
        assert_eq!(d.meta.published.date.earliest, ymd(2025, 7, 18));
        assert_eq!(d.meta.published.date.latest, None);
    }

    #[test]
    fn one_role_with_two_tenures_is_ambiguous_and_changes_nothing() {
        let mut d = doc("President Donald Trump spoke. ", &[("Donald Trump", "donald-trump", "president")]);
        assert!(!refine_published(&mut d, &kb(), &office_of));
        assert_eq!(d.meta.published.date.earliest, ymd(2022, 9, 1));
    }

    #[test]
    fn historical_asides_and_explicit_dates_are_left_alone() {
        let mut d = doc("In 2024 Defence Minister Rustem Umerov spoke. ", &[("Rustem Umerov", "rustem-umerov", "defence minister")]);
        assert!(!refine_published(&mut d, &kb(), &office_of), "a sentence with a year is a historical aside");
        let mut d = doc("Defence Minister Rustem Umerov spoke. ", &[("Rustem Umerov", "rustem-umerov", "defence minister")]);
        d.meta.published = PublishedDate { date: UncertainDate::day(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()), basis: DateBasis::Explicit };
        assert!(!refine_published(&mut d, &kb(), &office_of), "an explicit date wins");
    }

    #[test]
    fn contradicting_the_cleaner_keeps_the_cleaner() {
        let mut d = doc("Defence Minister Rustem Umerov spoke. ", &[("Rustem Umerov", "rustem-umerov", "defence minister")]);
        d.meta.published.date = UncertainDate::between(ymd(2025, 8, 1), None);
        assert!(!refine_published(&mut d, &kb(), &office_of));
        assert_eq!(d.meta.published.date.earliest, ymd(2025, 8, 1));
    }

    /// A document over `body` dated only within the given bounds, with
    /// sentences, times and quotes.
    fn reported_doc(body: &str, earliest: &str, latest: &str) -> Document {
        let mut meta = Metadata::default();
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        meta.published = PublishedDate { date: UncertainDate::between(day(earliest), day(latest)), basis: DateBasis::Inferred };
        let mut d = Document::new(DocId::from_text(body), "t".into(), InputFormat::Text, vec![], body.into(), body.into(), meta);
        crate::sentence::annotate(&mut d);
        crate::time::annotate(&mut d);
        crate::quote::annotate(&mut d);
        d
    }

    fn bounds_after(body: &str, earliest: &str, latest: &str) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let mut d = reported_doc(body, earliest, latest);
        bound_by_reported_dates(&mut d);
        (d.meta.published.date.earliest, d.meta.published.date.latest)
    }

    #[test]
    fn a_date_reported_as_past_raises_the_earliest_day() {
        let (e, l) = bounds_after("Then, on March 3, the minister described the talks as a failure.", "2024-02-01", "2024-06-30");
        assert_eq!((e, l), (ymd(2024, 3, 3), ymd(2024, 6, 30)));
        let (e, _) = bounds_after("The first round of talks on March 3 also ended without a deal.", "2024-02-01", "2024-06-30");
        assert_eq!(e, ymd(2024, 3, 3));
        // a month counts from its first day
        let (e, _) = bounds_after("The two sides swapped prisoners at talks in April.", "2024-03-20", "2024-06-30");
        assert_eq!(e, ymd(2024, 4, 1));
        // the time of saying, not the content
        let (e, _) = bounds_after("The spokesman told reporters on March 3 that no deal was near.", "2024-02-01", "2024-06-30");
        assert_eq!(e, ymd(2024, 3, 3));
    }

    #[test]
    fn a_date_reported_as_still_to_come_lowers_the_latest_day() {
        let (e, l) = bounds_after("The envoys will meet on April 20, 2024 in Geneva.", "2024-02-01", "2024-06-30");
        assert_eq!((e, l), (ymd(2024, 2, 1), ymd(2024, 4, 20)));
        let (_, l) = bounds_after("The next round is scheduled for May 2, 2024 in Vienna.", "2024-02-01", "2024-06-30");
        assert_eq!(l, ymd(2024, 5, 2));
        // quoted plans may predate the article: no bound
        let (_, l) = bounds_after("'We will meet on April 20,' the envoy said.", "2024-02-01", "2024-06-30");
        assert_eq!(l, ymd(2024, 6, 30));
    }

    #[test]
    fn plans_limits_and_hypotheticals_give_no_bound() {
        for text in [
            "Ukraine proposed further talks on a date between April 20 and April 30.",
            "He gave Moscow until April 1 to reply, the officials said.",
            "The minister said the talks on April 20 would be difficult.",
            "The vote was postponed to May 12 because of the floods.",
            "If the ceasefire held, the troops left on April 2.",
            "The delegations agreed to meet on April 20.",
            "Officials are expected in Geneva on April 20, a diplomat said.",
            "Talks in the annexed regions start on April 20.",
            "This article was amended on April 20.",
        ] {
            assert_eq!(bounds_after(text, "2024-02-01", "2024-06-30"), (ymd(2024, 2, 1), ymd(2024, 6, 30)), "{text}");
        }
    }

    #[test]
    fn explicit_dates_and_empty_ranges_are_left_alone() {
        let mut d = reported_doc("The talks on March 3 ended without a deal.", "2024-02-01", "2024-06-30");
        d.meta.published = PublishedDate { date: UncertainDate::day(NaiveDate::from_ymd_opt(2024, 3, 1).unwrap()), basis: DateBasis::Explicit };
        assert!(!bound_by_reported_dates(&mut d));
        // a past date after the latest possible day is a misreading: dropped
        let (e, l) = bounds_after("The talks on June 3, 2024 ended without a deal.", "2024-02-01", "2024-04-30");
        assert_eq!((e, l), (ymd(2024, 2, 1), ymd(2024, 4, 30)));
        // reports that contradict each other give nothing
        let (e, l) = bounds_after("The talks on May 3, 2024 ended. The envoys will meet on April 20, 2024.", "2024-02-01", "2024-06-30");
        assert_eq!((e, l), (ymd(2024, 2, 1), ymd(2024, 6, 30)));
    }

    #[test]
    fn times_are_resolved_again_against_the_narrowed_date() {
        // 2024-03-03 is a Sunday: "on Monday" (past) is a Monday from 2024-02-26 on
        let body = "The first round on March 3 ended without a deal. The delegations met again on Monday.";
        let mut d = reported_doc(body, "2024-02-01", "2024-06-30");
        assert!(bound_by_reported_dates(&mut d));
        assert_eq!(d.meta.published.basis, DateBasis::Inferred);
        assert_eq!(d.meta.published.date.value, None);
        let monday = d.times.iter().find(|t| t.span.text(body) == "Monday").expect("monday");
        assert_eq!(monday.resolved.weekday, Some(1));
        assert_eq!(monday.resolved.earliest, ymd(2024, 2, 26));
        assert_eq!(monday.resolved.latest, ymd(2024, 6, 24));
    }
}
