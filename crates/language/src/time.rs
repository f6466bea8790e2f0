//! Time expressions: DATE, TIME, DURATION and SET with TIMEX3-like values,
//! resolved in news mode against the document's publication date.
//!
//! Resolution rules (the document date is the anchor):
//! - explicit dates ("16 May 2025", "2025-05-16", "May 2025", "1700") need no anchor;
//! - a month or month-day without a year takes the year that puts it closest to
//!   the anchor, moved a year back (past tense) or forward (future tense) when it
//!   would otherwise fall more than a month on the wrong side;
//! - a bare four-digit number is a year only with year evidence ("in 1989",
//!   "since 2011", "the summer of 2011", "2009 and 2011", "1989's", "the 1989
//!   accident"); never after an identifier noun ("Resolution 1973"), never a
//!   clock time ("1800 GMT", "at 2200"), a count, price or level ("between 1000
//!   and 2000", "closed at 1845"). Word groups in `data/time/numbers.tsv`. A
//!   year read before a noun ("the 1989 Exxon Valdez accident") is marked with
//!   the noun it modifies (`TimeExpr::modifies`): it dates that thing, not the
//!   sentence's event;
//! - a clock time takes the day of the nearest one-day expression of its
//!   sentence ("1800 GMT on Friday"), else the anchor day;
//! - a weekday is the most recent one on or before the anchor in a past-tense
//!   or unmarked context, the next one on or after it in a future context
//!   ("will", "would", "is to", "is due to", "plans"): the publication weekday itself is the
//!   publication day, as in TimeML news annotation (TempEval-3 gold: 89 such
//!   weekdays dated to the creation day, 2 a week before). A past verb right
//!   before the weekday outweighs a future marker after it ("said Monday they
//!   will …"), and a past verb between a future marker and the weekday makes
//!   it past. "next Monday" is strictly after, "last Monday" strictly before;
//!   so are "next August" and "last August" of the anchor's month (in July,
//!   "last August" is a year back, where a bare past "in August" may be the
//!   month ahead);
//! - "today", "last night" (the day before, `TNI`), "last week" (`2025-W20`), "earlier this month", "this year", "three
//!   days ago" are computed from the anchor; "more than a decade ago" keeps the
//!   value and resolves to on or before it, "less than a week ago" to on or after;
//! - "in the coming days" is `FUTURE_REF` bounded after the anchor; "recently" is
//!   `PAST_REF` bounded before it.
//!
//! - a weekday written with a year-less date ("Monday, June 2", "June 2 (Monday)",
//!   "Monday (June 2)") keeps only the years where that day is that weekday: when the
//!   document range leaves exactly one, both the date and the weekday take it;
//! - a year-less month or month-day the document range leaves open between years is
//!   settled when exactly one candidate fits the only weekday its sentence names
//!   (month-days), else the one year every other resolved year-less date or month
//!   of the document shares; otherwise the range stays.
//!
//! When the document date is only bounded, every anchor-relative expression is
//! computed from both bounds: if both give the same value it is kept, otherwise
//! `value` is null and the bounds are propagated. An unknown document date
//! gives unknown relative dates. No exact date is ever invented.
//!
//! Reads: `body`, `meta.published`, `sentences` (optional: splits itself when empty).
//! Writes: `times`.
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use chrono::{Datelike, Duration, Months, NaiveDate};
use chronicle_core::{Document, Span, TimeExpr, TimeType, UncertainDate};
use regex::Regex;

/// Month and weekday names (`data/time/lexicon.tsv`).
struct Lexicon {
    /// Surface form → month number 1-12.
    months: HashMap<String, u32>,
    /// Surface form → weekday (1 = Monday).
    weekdays: HashMap<String, u32>,
    /// Determiners and possessives, lower-case: a "plan" after one is a noun.
    determiners: Vec<String>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut months = HashMap::new();
    let mut weekdays = HashMap::new();
    let mut determiners = Vec::new();
    for line in include_str!("../../../data/time/lexicon.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if let [kind, surface, n] = f.as_slice() {
            if let Ok(n) = n.trim().parse::<u32>() {
                match *kind {
                    "month" => {
                        months.insert(surface.to_string(), n);
                    }
                    "weekday" => {
                        weekdays.insert(surface.to_string(), n);
                    }
                    "determiner" => determiners.push(surface.to_lowercase()),
                    _ => {}
                }
            }
        }
    }
    Lexicon { months, weekdays, determiners }
});

fn alternation<'a>(words: impl Iterator<Item = &'a String>) -> String {
    let mut v: Vec<&String> = words.collect();
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|")
}

/// Number words up to ninety-nine, as a regex alternation.
const NUMWORDS: &str = "(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten)";

/// The kinds of pattern the scanner knows.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Iso,
    DayMonth,
    MonthDay,
    MonthYear,
    Month,
    Year,
    /// A four-digit 24-hour time ("1800 GMT", "at 2200").
    Clock24,
    Decade,
    Weekday,
    Deictic,
    PartOfToday,
    RelUnit,
    /// "at the weekend", "over the weekend": the weekend nearest the writing.
    TheWeekend,
    Ago,
    Duration,
    VagueDuration,
    Ref,
    Set,
    Clock,
    Quarter,
    ReportQuarter,
}

struct Pattern {
    kind: Kind,
    re: Regex,
}

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    let m = alternation(LEXICON.months.keys());
    let w = alternation(LEXICON.weekdays.keys());
    // time-zone codes of data/time/numbers.tsv ("GMT", "EDT"); clock words
    // ("hours", "local time") only follow four-digit times
    let zones = alternation(NUMBER_WORDS.zone.iter().filter(|z| z.len() >= 3 && z.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '+')));
    let num = format!(r"(?:\d+(?:\.\d+)?|{NUMWORDS}|(?i:a|an))");
    let units = "second|minute|hour|day|night|week|month|year|decade|century|centuries";
    let specs: Vec<(Kind, String)> = vec![
        (Kind::Iso, r"\b(\d{4})-(\d{2})-(\d{2})\b".into()),
        (Kind::DayMonth, format!(r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({m})(?:\s*,?\s+(\d{{4}}))?(?:\b|$)")),
        (
            Kind::MonthDay,
            format!(r"\b(?:(?i:(early|mid|late))[\s-]+)?({m})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*,?\s+(\d{{4}})\b)?"),
        ),
        (Kind::MonthYear, format!(r"\b(?:(?i:(early|mid|late))[\s-]+)?({m})\s*,?\s+(\d{{4}})\b")),
        (Kind::Month, format!(r"\b(?:(?i:(early|mid|late))[\s-]+)?({m})(?:\b|$)")),
        (Kind::Year, r"\b(1[0-9]{3}|20[0-9]{2})\b".into()),
        (Kind::Clock24, r"\b([012][0-9][0-5][0-9])\b".into()),
        (Kind::Decade, r"\b(?:the\s+)?(1[5-9][0-9]|20[0-9])0s\b".into()),
        (
            Kind::Weekday,
            format!(r"\b(?:(?i:(last|next|this|coming|early|late))\s+)?({w})(?:\s+(morning|afternoon|evening|night))?\b"),
        ),
        (Kind::Deictic, r"\b(?i:(today|yesterday|tomorrow|tonight|last\s+night))(?:\s+(morning|afternoon|evening|night))?\b".into()),
        (Kind::PartOfToday, r"\b(?i:this)\s+(morning|afternoon|evening)\b".into()),
        (
            Kind::RelUnit,
            r"\b(?i:(last|next|this|earlier this|later this|the past|the coming|the next|past|coming|previous|current))\s+(week|month|year|weekend|quarter|decade|century|summer|winter|spring|autumn|fall)\b"
                .into(),
        ),
        (Kind::TheWeekend, r"\b(?i:at|over|during)\s+((?i:the)\s+weekend)\b".into()),
        (Kind::Ago, format!(r"\b({num})\s+({units})s?\s+(ago|earlier)\b")),
        (
            Kind::Duration,
            format!(
                r"\b(?i:(the\s+(?:past|last|next|coming|first|previous|following)\s+))?({num}|a few|several)(?:\s+|-)({units})s?(?:-(?:long|old)\b)?(?:\s+old\b)?\b"
            ),
        ),
        (
            Kind::VagueDuration,
            r"\b(?i:(several|many|a few|few|the past few|the last few|the next few|the coming|recent)\s+)(seconds|minutes|hours|days|weeks|months|years|decades)\b".into(),
        ),
        (Kind::Ref, r"\b(?i:(now|currently|nowadays|recently|the past|the future))\b".into()),
        (
            Kind::Set,
            r"\b(?i:(?:(every|each|per)\s+(day|week|month|year|night|morning))|(daily|weekly|monthly|yearly|annually|nightly|hourly))\b".into(),
        ),
        (
            Kind::Clock,
            format!(r"\b(\d{{1,2}})(?::(\d{{2}}))?\s*(?:([ap])\.?m\.?|(?i:({zones}))\b)|\b(\d{{1,2}}):(\d{{2}})\b|\b(?i:(noon|midnight))\b"),
        ),
        (
            Kind::Quarter,
            r"\b(?i:(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)(?:-|\s+)quarter)\b".into(),
        ),
        (
            Kind::ReportQuarter,
            r"\b(?i:the\s+(?:(latest|most recent|current)\s+|(year-earlier|year-ago|year earlier|year ago)\s+)?(?:fiscal\s+)?quarter)\b".into(),
        ),
    ];
    specs
        .into_iter()
        .filter_map(|(kind, src)| Regex::new(&ascii_boundaries(&src)).ok().map(|re| Pattern { kind, re }))
        .collect()
});

/// Makes `\b` an ASCII word boundary, which keeps the regex on its fast DFA
/// path on non-ASCII text (news text has curly quotes and dashes).
pub(crate) fn ascii_boundaries(src: &str) -> String {
    src.replace(r"\b", r"(?-u:\b)")
}

/// Word groups about four-digit numbers (`data/time/numbers.tsv`): what makes
/// one a year, a clock time, an identifier or a count.
struct NumberWords {
    /// Nouns that take a number as their name ("Resolution 1973", "Flight 1549").
    identifier: HashSet<String>,
    /// Time zones and clock words after a four-digit time ("1800 GMT"), longest first.
    zone: Vec<String>,
    /// Clock words that are also units ("hours"), longest first.
    clock_word: Vec<String>,
    /// Words before a four-digit clock time ("at 2200").
    clock_before: HashSet<String>,
    /// Words right before a year ("in", "since", "spring").
    year_before: HashSet<String>,
    /// Like `year_before`, for a year of 1900-2099 that is not a round hundred ("to", "for").
    year_before_modern: HashSet<String>,
    /// Nouns before "of" that make "of NNNN" a year ("the revolution of 1989").
    year_of: HashSet<String>,
    /// Determiners and possessives before an attributive year ("the 1989 accident").
    determiner: HashSet<String>,
    /// Words after a number that make it a count, price or measure ("people", "points").
    count_after: HashSet<String>,
    /// Words after a year that do not make it a noun modifier ("2022 and", "2022 was").
    not_modified: HashSet<String>,
    /// Verbs before "at"/"to" that make the number after them a level ("closed at 1845").
    level_before: HashSet<String>,
}

static NUMBER_WORDS: LazyLock<NumberWords> = LazyLock::new(|| {
    let mut w = NumberWords {
        identifier: HashSet::new(),
        zone: Vec::new(),
        clock_word: Vec::new(),
        clock_before: HashSet::new(),
        year_before: HashSet::new(),
        year_before_modern: HashSet::new(),
        year_of: HashSet::new(),
        determiner: HashSet::new(),
        count_after: HashSet::new(),
        not_modified: HashSet::new(),
        level_before: HashSet::new(),
    };
    for line in include_str!("../../../data/time/numbers.tsv").lines() {
        if line.starts_with('#') {
            continue;
        }
        let Some((kind, word)) = line.split_once('\t') else { continue };
        let word = word.trim();
        if word.is_empty() {
            continue;
        }
        let lower = word.to_lowercase();
        match kind {
            "identifier" => w.identifier.insert(lower),
            "zone" => {
                w.zone.push(word.to_string());
                true
            }
            "clock_word" => {
                w.clock_word.push(lower);
                true
            }
            "clock_before" => w.clock_before.insert(lower),
            "year_before" => w.year_before.insert(lower),
            "year_before_modern" => w.year_before_modern.insert(lower),
            "year_of" => w.year_of.insert(lower),
            "determiner" => w.determiner.insert(lower),
            "count_after" => w.count_after.insert(lower),
            "not_modified" => w.not_modified.insert(lower),
            "level_before" => w.level_before.insert(lower),
            _ => false,
        };
    }
    w.zone.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    w.clock_word.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    w
});

/// The whitespace-separated word right before byte `at`, lower-cased, with
/// opening brackets and quotes trimmed; `None` when no space separates it from
/// `at` or when it ends a clause (",", ";", ":").
fn word_before(text: &str, at: usize) -> Option<(String, usize)> {
    let head = text.get(..at)?;
    let trimmed = head.trim_end_matches([' ', '\t', '\u{a0}']);
    if trimmed.len() == head.len() {
        return None;
    }
    let start = trimmed.rfind(char::is_whitespace).map_or(0, |k| k + trimmed[k..].chars().next().map_or(1, char::len_utf8));
    let word = &trimmed[start..];
    if word.is_empty() || word.ends_with([',', ';', ':']) {
        return None;
    }
    let word = word.trim_start_matches(['(', '"', '“', '‘', '\'']);
    Some((word.to_lowercase(), start))
}

/// The word right after byte `at` (after spaces on the same line): letters,
/// digits, hyphens and apostrophes, as written. `None` when punctuation or the
/// end of the line comes first.
fn word_after(text: &str, at: usize) -> Option<&str> {
    let tail = text.get(at..)?;
    let rest = tail.trim_start_matches([' ', '\t', '\u{a0}']);
    if rest.len() == tail.len() {
        return None;
    }
    let end = rest
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')))
        .map_or(rest.len(), |(i, _)| i);
    let w = rest[..end].trim_end_matches(['-', '\'', '’']);
    (!w.is_empty()).then_some(w)
}

/// True for a word after a number that makes the number a count: a word of
/// `count_after` or a lower-case plural ("1500 troops").
fn counts(word: &str) -> bool {
    let lower = word.to_lowercase();
    NUMBER_WORDS.count_after.contains(&lower) || is_lowercase_plural(word)
}

fn is_lowercase_plural(word: &str) -> bool {
    word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && word.chars().all(|c| c.is_lowercase())
}

/// The word of `group` written right after a four-digit time ("GMT", "local
/// time", "hours"), as its end byte.
fn zone_after(text: &str, at: usize, group: &[String]) -> Option<usize> {
    let tail = text.get(at..)?;
    let rest = tail.trim_start_matches([' ', '\u{a0}']);
    let skip = tail.len() - rest.len();
    group.iter().find_map(|z| {
        let head = rest.get(..z.len())?;
        let same = if z.chars().any(char::is_uppercase) { head == z } else { head.eq_ignore_ascii_case(z) };
        let boundary = rest[z.len()..].chars().next().map_or(true, |c| !c.is_alphanumeric());
        (same && boundary).then_some(at + skip + z.len())
    })
}

/// True when the number at `start` is a price, index level or score: "at" or
/// "to" after a verb of `level_before` ("closed at 1845", "rose to 2011").
fn is_level(text: &str, start: usize) -> bool {
    let Some((prep, prep_start)) = word_before(text, start) else { return false };
    matches!(prep.as_str(), "at" | "to") && word_before(text, prep_start).is_some_and(|(verb, _)| NUMBER_WORDS.level_before.contains(&verb))
}

/// A four-digit number at `start..end` read as a 24-hour clock time ("1800
/// GMT", "0600 local time", "at 2200"): its hour, minute and end byte (the
/// zone included).
fn clock_reading(text: &str, start: usize, end: usize) -> Option<(u32, u32, usize)> {
    let digits = text.get(start..end)?;
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m): (u32, u32) = (digits[..2].parse().ok()?, digits[2..].parse().ok()?);
    if h > 24 || m > 59 || (h == 24 && m > 0) {
        return None;
    }
    if let Some(zone_end) = zone_after(text, end, &NUMBER_WORDS.zone) {
        return Some((h, m, zone_end));
    }
    let before = word_before(text, start).map(|w| w.0).unwrap_or_default();
    if let Some(word_end) = zone_after(text, end, &NUMBER_WORDS.clock_word) {
        let timed = NUMBER_WORDS.clock_before.contains(&before)
            || matches!(before.as_str(), "by" | "until" | "till" | "from" | "before" | "after" | "since" | "to")
            || digits.starts_with('0');
        return timed.then_some((h, m, word_end));
    }
    if before.is_empty() || is_level(text, start) || matches!(text[end..].chars().next(), Some('.' | ',')) && text[end + 1..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let on_the_quarter = m % 15 == 0;
    let own_word = word_after(text, end).is_some_and(|w| !matches!(w.to_lowercase().as_str(), "on" | "and" | "or" | "to" | "until" | "till" | "tonight" | "today" | "yesterday" | "tomorrow") && !is_weekday_name(w));
    (NUMBER_WORDS.clock_before.contains(&before) && on_the_quarter && !own_word).then_some((h, m, end))
}

/// How a bare four-digit number reads as a year.
#[derive(Clone, Copy, Debug, PartialEq)]
enum YearReading {
    /// Not a year: an identifier, a clock time, a count, or no year evidence.
    NotYear,
    /// A year the text uses as a time ("in 1989", "the summer of 2011").
    Year,
    /// A year that modifies the noun after it ("the 1989 Exxon Valdez accident").
    Attributive,
}

/// The other number of a pair ("between 2009 and 2011", "1000 to 2000",
/// "2009-2011"): its value (`None` when it is not a plain four-digit number)
/// and the word after the pair.
fn pair_partner(text: &str, start: usize, end: usize) -> Option<(Option<i32>, Option<String>)> {
    static AFTER_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\s+(?:and|or|to|through|until)\s+|\s*[–-]\s*)(\d[\d,.]*)\b").expect("pair-after regex")
    });
    static BEFORE_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(\d[\d,.]*)(?:\s+(?:and|or|to|through|until)\s+|\s*[–-]\s*)$").expect("pair-before regex")
    });
    let value = |s: &str| (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<i32>().ok()).flatten();
    let mut to = (end + 24).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    if let Some(c) = text.get(end..to).and_then(|t| AFTER_RE.captures(t)) {
        let other = c.get(1)?;
        let after = word_after(text, end + other.end()).map(str::to_string);
        return Some((value(other.as_str()), after));
    }
    let mut from = start.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    if let Some(c) = text.get(from..start).and_then(|t| BEFORE_RE.captures(t)) {
        let other = c.get(1)?;
        return Some((value(other.as_str()), word_after(text, end).map(str::to_string)));
    }
    None
}

/// Whether the bare four-digit number at `start..end` is a year. It is one
/// only with year evidence: a preposition or season before it ("in", "since",
/// "spring"), "of" after a noun of `year_of`, a year it is paired with ("2009
/// and 2011"), "'s" after it, or a determiner before it and a noun after it
/// (an attributive year). Never after an identifier noun ("Resolution 1973"),
/// never a clock time ("1800 GMT", "at 2200"), never a count, price or
/// measure ("1500 troops", "between 1000 and 2000"). A lower-case plural after
/// the number makes it a count unless the number is a year of 1900-2099 that is
/// not a round hundred and a preposition or determiner introduces it ("in 2011
/// elections", "the 2011 protests").
fn year_reading(text: &str, start: usize, end: usize) -> YearReading {
    let words = &*NUMBER_WORDS;
    let Some(y) = text.get(start..end).and_then(|d| d.parse::<i32>().ok()) else { return YearReading::NotYear };
    let prev_char = text[..start].chars().next_back();
    let next_char = text[end..].chars().next();
    if matches!(next_char, Some('-' | '/' | '%' | '+')) || text[end..].starts_with(",0") || text[end..].starts_with(".0") || text[end..].starts_with(":") {
        return YearReading::NotYear;
    }
    if prev_char == Some('-') {
        // "mid-2011", "pre-1990": a year prefix; "F-1600", "2009-2011" are left to other rules
        let head = &text[..start - 1];
        let prefix = head.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("").to_lowercase();
        return if words.year_before.contains(&format!("{prefix}-")) { YearReading::Year } else { YearReading::NotYear };
    }
    if matches!(prev_char, Some('$' | '€' | '£' | '.' | ',' | '/' | '#' | ':')) {
        return YearReading::NotYear;
    }
    if clock_reading(text, start, end).is_some() || is_level(text, start) {
        return YearReading::NotYear;
    }
    let before = word_before(text, start);
    let prev = before.as_ref().map(|b| b.0.as_str()).unwrap_or("");
    if words.identifier.contains(prev) || words.identifier.contains(prev.trim_end_matches('.')) {
        return YearReading::NotYear;
    }
    let next = word_after(text, end);
    let modern = (1900..=2099).contains(&y) && y % 100 != 0;
    if let Some(n) = next {
        let lower = n.to_lowercase();
        if words.count_after.contains(&lower) {
            return YearReading::NotYear;
        }
        if is_lowercase_plural(n) && !(modern && (words.year_before.contains(prev) || words.determiner.contains(prev) || prev.ends_with("'s") || prev.ends_with("’s"))) {
            return YearReading::NotYear;
        }
    }
    let mut paired_year = false;
    if let Some((other, after)) = pair_partner(text, start, end) {
        let both_round = other.is_some_and(|o| o % 100 == 0) && y % 100 == 0;
        let plausible = |v: i32| (1000..=2099).contains(&v);
        if other.map_or(true, |o| !plausible(o)) || both_round || after.as_deref().is_some_and(counts) {
            return YearReading::NotYear;
        }
        paired_year = true;
    }
    if words.year_before.contains(prev)
        || (modern && words.year_before_modern.contains(prev))
        || LEXICON.months.keys().any(|m| m.eq_ignore_ascii_case(prev))
        || paired_year
    {
        return YearReading::Year;
    }
    if text[end..].starts_with("'s") || text[end..].starts_with("’s") {
        return YearReading::Year;
    }
    if prev == "of" {
        let noun = before.as_ref().and_then(|b| word_before(text, b.1)).map(|w| w.0).unwrap_or_default();
        let noun = noun.trim_end_matches(['"', '”', ')']);
        return if words.year_of.contains(noun) { YearReading::Year } else { YearReading::NotYear };
    }
    // a determiner right before, or two words before past one lower-case
    // adjective ("his unsuccessful 1996 campaign")
    let determined = |w: &str| words.determiner.contains(w) || w.ends_with("'s") || w.ends_with("’s");
    let determiner_two_back = || {
        let Some((adj, adj_start)) = before.as_ref() else { return false };
        adj.chars().all(char::is_lowercase)
            && !words.not_modified.contains(adj)
            && text[*adj_start..].starts_with(|c: char| c.is_lowercase())
            && word_before(text, *adj_start).is_some_and(|w| determined(&w.0))
    };
    if (determined(prev) || determiner_two_back()) && (1800..=2099).contains(&y) {
        if let Some(n) = next {
            if !words.not_modified.contains(&n.to_lowercase()) && n.chars().next().is_some_and(char::is_alphabetic) {
                return YearReading::Attributive;
            }
        }
    }
    YearReading::NotYear
}

/// Sentence spans of the document: the sentence layer when it is filled, else
/// a light split on `.!?` followed by space and a capital or quote, and on line breaks.
pub(crate) fn sentence_ranges(doc: &Document) -> Vec<(usize, usize)> {
    if !doc.sentences.is_empty() {
        return doc.sentences.iter().map(|s| (s.span.start(), s.span.end())).collect();
    }
    split_sentences(doc.body())
}

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sir", "St", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Rep", "Sen",
    "Gov", "Prof", "Jr", "Sr", "No", "vs", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
    "Inc", "Corp", "Co", "Ltd", "a.m", "p.m", "U.S", "U.K", "U.N", "E.U", "i.e", "e.g", "etc",
    "Gov", "Atty", "Supt", "Cmdr", "Adm", "Rev", "Fr", "Mt", "Ft", "R-S.C", "D-N.C",
];

/// True for a news abbreviation written before a period ("Mr", "Sen", "U.S").
pub(crate) fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word)
}

/// Splits text into sentence ranges (byte offsets) without a model.
pub fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    let push = |out: &mut Vec<(usize, usize)>, s: usize, e: usize| {
        let seg = &text[s..e];
        let lead = seg.len() - seg.trim_start().len();
        let trail = seg.len() - seg.trim_end().len();
        if s + lead < e - trail {
            out.push((s + lead, e - trail));
        }
    };
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            push(&mut out, start, i);
            start = i + 1;
        } else if c == b'.' || c == b'!' || c == b'?' {
            // include closing quotes/brackets
            let mut j = i + 1;
            while j < b.len() {
                let rest = &text[j..];
                if rest.starts_with('"') || rest.starts_with('\'') || rest.starts_with(')') {
                    j += 1;
                } else if rest.starts_with('”') || rest.starts_with('’') {
                    j += 3;
                } else {
                    break;
                }
            }
            // a space, a tab or a no-break space (U+00A0, bytes C2 A0)
            let space_len = |k: usize| match (b.get(k), b.get(k + 1)) {
                (Some(b' ' | b'\t'), _) => 1,
                (Some(0xC2), Some(0xA0)) => 2,
                _ => 0,
            };
            let next_is_space = space_len(j) > 0;
            if next_is_space {
                let mut k = j;
                while space_len(k) > 0 {
                    k += space_len(k);
                }
                let rest = &text[k..];
                let next_ok = rest
                    .chars()
                    .next()
                    .map(|ch| ch.is_uppercase() || ch.is_ascii_digit() || "\"'“‘(".contains(ch))
                    .unwrap_or(false);
                let word_before = text[start..i]
                    .rsplit(|ch: char| ch.is_whitespace() || ch == '(')
                    .next()
                    .unwrap_or("");
                let abbrev = c == b'.'
                    && (ABBREVIATIONS.contains(&word_before)
                        || (word_before.len() == 1 && word_before.chars().all(|ch| ch.is_uppercase())));
                if next_ok && !abbrev {
                    push(&mut out, start, j);
                    start = k;
                    i = k;
                    continue;
                }
            }
        }
        i += 1;
    }
    push(&mut out, start, b.len());
    out
}

/// Future markers in the words before an expression (same sentence).
static FUTURE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&ascii_boundaries(r"(?i)\b(will|would|shall|'ll|is to|are to|is due to|are due to|was due to|were due to|plans?|planned|planning|scheduled|is expected to|are expected to|going to|set to|to be held|intends? to|upcoming)\b"))
        .expect("future regex")
});

/// The future markers of `clause` ([`FUTURE_RE`]), but for "plan" after a
/// determiner or possessive: "unveiled his plans for Afghanistan in March"
/// names a plan made, not one to come.
fn future_markers(clause: &str) -> impl Iterator<Item = regex::Match<'_>> {
    FUTURE_RE.find_iter(clause).filter(move |m| {
        let before = last_word(&clause[..m.start()]).to_lowercase();
        !(m.as_str().to_ascii_lowercase().starts_with("plan") && LEXICON.determiners.contains(&before))
    })
}

/// Future markers right after an expression ("On Monday, talks will…" is not
/// seen; "Monday will see…" is).
static FUTURE_AFTER_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&ascii_boundaries(r"(?i)\b(will|'ll|is due to|are due to|is expected to|are expected to)\b")).expect("future-after regex"));

/// A relative expression evaluated against one anchor day.
#[derive(Clone, Copy, Debug)]
enum Rel {
    /// Month-day without year.
    MonthDay { month: u32, day: u32, future: bool, past: bool },
    /// Month without year; `strict` ("last May", "next May") excludes the
    /// anchor's own month.
    Month { month: u32, future: bool, past: bool, strict: bool },
    /// Weekday: 0 = on/before anchor, 2 = on/after anchor, 1 = strictly after anchor, -1 = strictly before.
    Weekday { wd: u32, dir: i32 },
    /// Anchor plus `days`.
    DayOffset(i64),
    /// Anchor week plus n.
    Week(i64),
    /// Anchor weekend of week plus n.
    Weekend(i64),
    /// The weekend nearest the anchor: the coming one (`future`), else the
    /// last one on or before it (the anchor's own on a Saturday or Sunday).
    NearWeekend { future: bool },
    /// Anchor month plus n.
    MonthOffset(i64),
    /// Anchor year plus n.
    YearOffset(i64),
    /// Quarter q of the anchor year (previous year if past and after anchor).
    Quarter { q: u32, past: bool },
    /// Anchor quarter plus n.
    QuarterOffset(i64),
}

/// The value and first/last day of `rel` at `anchor`.
fn eval_rel(rel: Rel, anchor: NaiveDate) -> Option<(String, NaiveDate, NaiveDate)> {
    match rel {
        Rel::MonthDay { month, day, future, past } => {
            let mut best: Option<NaiveDate> = None;
            for y in [anchor.year() - 1, anchor.year(), anchor.year() + 1] {
                if let Some(d) = NaiveDate::from_ymd_opt(y, month, day) {
                    let dist = (d - anchor).num_days().abs();
                    if best.map_or(true, |b| dist < (b - anchor).num_days().abs()) {
                        best = Some(d);
                    }
                }
            }
            let mut d = best?;
            if past && (d - anchor).num_days() > 31 {
                d = NaiveDate::from_ymd_opt(d.year() - 1, month, day)?;
            } else if future && (anchor - d).num_days() > 31 {
                d = NaiveDate::from_ymd_opt(d.year() + 1, month, day)?;
            }
            Some((d.format("%Y-%m-%d").to_string(), d, d))
        }
        Rel::Month { month, future, past, strict } => {
            let am = anchor.month() as i32;
            let diff = month as i32 - am; // in -11..=11
            let mut y = anchor.year();
            if diff > 6 || (past && diff > 1) || (strict && past && !future && diff >= 0) {
                y -= 1;
            } else if (diff < -6 && !past) || (future && diff < -1) || (strict && future && diff <= 0) {
                y += 1;
            }
            let (a, b) = month_bounds(y, month)?;
            Some((format!("{y:04}-{month:02}"), a, b))
        }
        Rel::Weekday { wd, dir } => {
            let cur = anchor.weekday().number_from_monday() as i64;
            let w = wd as i64;
            let d = match dir {
                1 => {
                    let mut k = (w - cur).rem_euclid(7);
                    if k == 0 {
                        k = 7;
                    }
                    anchor + Duration::days(k)
                }
                -1 => {
                    let mut k = (cur - w).rem_euclid(7);
                    if k == 0 {
                        k = 7;
                    }
                    anchor - Duration::days(k)
                }
                2 => anchor + Duration::days((w - cur).rem_euclid(7)),
                _ => anchor - Duration::days((cur - w).rem_euclid(7)),
            };
            Some((d.format("%Y-%m-%d").to_string(), d, d))
        }
        Rel::DayOffset(n) => {
            let d = anchor + Duration::days(n);
            Some((d.format("%Y-%m-%d").to_string(), d, d))
        }
        Rel::Week(n) => {
            let monday = anchor - Duration::days(anchor.weekday().num_days_from_monday() as i64)
                + Duration::weeks(n);
            let iw = monday.iso_week();
            Some((format!("{:04}-W{:02}", iw.year(), iw.week()), monday, monday + Duration::days(6)))
        }
        Rel::NearWeekend { future } => {
            let weekend_day = anchor.weekday().number_from_monday() >= 6;
            eval_rel(Rel::Weekend(if future || weekend_day { 0 } else { -1 }), anchor)
        }
        Rel::Weekend(n) => {
            let monday = anchor - Duration::days(anchor.weekday().num_days_from_monday() as i64)
                + Duration::weeks(n);
            let iw = monday.iso_week();
            Some((
                format!("{:04}-W{:02}-WE", iw.year(), iw.week()),
                monday + Duration::days(5),
                monday + Duration::days(6),
            ))
        }
        Rel::MonthOffset(n) => {
            let total = anchor.year() as i64 * 12 + anchor.month0() as i64 + n;
            let y = total.div_euclid(12) as i32;
            let m = total.rem_euclid(12) as u32 + 1;
            let (a, b) = month_bounds(y, m)?;
            Some((format!("{y:04}-{m:02}"), a, b))
        }
        Rel::YearOffset(n) => {
            let y = anchor.year() + n as i32;
            Some((
                format!("{y:04}"),
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            ))
        }
        Rel::Quarter { q, past } => {
            let aq = anchor.month0() / 3 + 1;
            let y = if past && q > aq { anchor.year() - 1 } else { anchor.year() };
            quarter(y, q)
        }
        Rel::QuarterOffset(n) => {
            let total = anchor.year() as i64 * 4 + (anchor.month0() / 3) as i64 + n;
            quarter(total.div_euclid(4) as i32, total.rem_euclid(4) as u32 + 1)
        }
    }
}

fn quarter(y: i32, q: u32) -> Option<(String, NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(y, (q - 1) * 3 + 1, 1)?;
    let (_, last) = month_bounds(y, q * 3)?;
    Some((format!("{y:04}-Q{q}"), first, last))
}

fn month_bounds(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let next = if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1)? } else { NaiveDate::from_ymd_opt(y, m + 1, 1)? };
    Some((first, next.pred_opt()?))
}

/// The document date as anchor bounds: (earliest, latest); equal when exact.
fn anchor_bounds(doc_date: &UncertainDate) -> (Option<NaiveDate>, Option<NaiveDate>) {
    if let Some(d) = doc_date.exact_day() {
        return (Some(d), Some(d));
    }
    if let Some(v) = doc_date.value.as_deref() {
        if let Ok(u) = UncertainDate::parse_value(v) {
            return (u.earliest.or(doc_date.earliest), u.latest.or(doc_date.latest));
        }
    }
    (doc_date.earliest, doc_date.latest)
}

/// A calendar value (`2025-05-16`, `2025-05`, `2025`) as an uncertain date.
fn calendar(value: &str) -> UncertainDate {
    UncertainDate::parse_value(value).unwrap_or_else(|_| UncertainDate {
        value: None,
        ..UncertainDate::unknown()
    })
}

/// Resolves `rel` against the (possibly uncertain) anchor: the TIMEX value
/// and the uncertain date. A value is kept only when both bounds agree.
fn resolve(rel: Rel, anchor: (Option<NaiveDate>, Option<NaiveDate>), suffix: &str) -> (Option<String>, UncertainDate) {
    let lo = anchor.0.and_then(|a| eval_rel(rel, a));
    let hi = anchor.1.and_then(|a| eval_rel(rel, a));
    match (lo, hi) {
        (Some(a), Some(b)) if a.0 == b.0 => {
            let resolved = if is_calendar_value(&a.0) {
                calendar(&a.0)
            } else {
                UncertainDate::between(Some(a.1), Some(a.2))
            };
            (Some(format!("{}{}", a.0, suffix)), resolved)
        }
        (lo, hi) => {
            let (earliest, latest) = (lo.map(|x| x.1), hi.map(|x| x.2));
            // "on Monday" against a bounded document date: a Monday in the range
            let date = match rel {
                Rel::Weekday { wd, .. } if suffix.is_empty() => {
                    UncertainDate::on_weekday(earliest, latest, wd as u8).unwrap_or_else(|| UncertainDate::between(earliest, latest))
                }
                _ => UncertainDate::between(earliest, latest),
            };
            (None, date)
        }
    }
}

fn is_calendar_value(v: &str) -> bool {
    let b = v.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).map_or(false, |s| s.iter().all(u8::is_ascii_digit));
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// Value of a number written with digits or words ("21", "three", "a").
fn number_value(s: &str) -> Option<f64> {
    let l = s.to_ascii_lowercase();
    if l == "a" || l == "an" {
        return Some(1.0);
    }
    if let Ok(v) = l.parse::<f64>() {
        return Some(v);
    }
    let mut total = 0.0;
    for part in l.split('-') {
        total += crate::quantity::word_value(part)?;
    }
    Some(total)
}

fn unit_code(unit: &str) -> Option<(&'static str, bool)> {
    // (code, is time-of-day unit needing "T")
    let u = unit.to_ascii_lowercase();
    let u = u.trim_end_matches('s');
    Some(match u {
        "second" => ("S", true),
        "minute" => ("M", true),
        "hour" => ("H", true),
        "day" | "night" => ("D", false),
        "week" => ("W", false),
        "month" => ("M", false),
        "year" => ("Y", false),
        "decade" => ("0Y", false),
        "century" | "centurie" => ("00Y", false),
        _ => return None,
    })
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// A candidate before overlap removal.
struct Candidate {
    start: usize,
    end: usize,
    time_type: TimeType,
    value: Option<String>,
    resolved: UncertainDate,
    /// For a year-less month-day the document range leaves open: the dates it can be.
    open: Vec<NaiveDate>,
    /// For a year-less month or month-day resolved to one value: its year.
    yearless_year: Option<i32>,
    /// True when `open` holds first days of a year-less month, not month-days.
    whole_month: bool,
    /// True when the year was settled by a weekday named elsewhere in the
    /// sentence (which may belong to another event), not by the document
    /// range, a weekday written with the date or the year the document's
    /// other dates share.
    year_guessed: bool,
    /// True for a bare year that modifies the noun after it ("the 1989 accident").
    attributive: bool,
    /// For a clock time: its `T18:00` suffix (the day comes from its sentence).
    clock: Option<String>,
}

impl Candidate {
    /// A candidate over `start..end` with nothing left open or guessed.
    fn new(start: usize, end: usize, time_type: TimeType, value: Option<String>, resolved: UncertainDate) -> Candidate {
        Candidate {
            start,
            end,
            time_type,
            value,
            resolved,
            open: Vec::new(),
            yearless_year: None,
            whole_month: false,
            year_guessed: false,
            attributive: false,
            clock: None,
        }
    }
}

/// Finds and normalises the time expressions of `text` against `doc_date`,
/// using `sentences` (byte ranges) to judge tense. Sorted, non-overlapping.
pub fn find(text: &str, doc_date: &UncertainDate, sentences: &[(usize, usize)]) -> Vec<(Span, TimeType, Option<String>, UncertainDate)> {
    find_marked(text, doc_date, sentences).into_iter().map(|f| (f.span, f.time_type, f.value, f.resolved)).collect()
}

/// The time expressions of `doc` whose year-less date took its year from a
/// weekday named elsewhere in its sentence (a guess, see `settle_open_dates`).
pub(crate) fn year_guessed(doc: &Document) -> Vec<Span> {
    let sentences = sentence_ranges(doc);
    find_marked(doc.body(), &doc.meta.published.date, &sentences).into_iter().filter(|x| x.year_guessed).map(|x| x.span).collect()
}

/// One expression [`find_marked`] found.
struct Found {
    span: Span,
    time_type: TimeType,
    value: Option<String>,
    resolved: UncertainDate,
    /// The year was guessed from a weekday named elsewhere in the sentence.
    year_guessed: bool,
    /// A bare year that modifies the noun after it.
    attributive: bool,
}

/// Words that open a subordinate clause.
const SUBORDINATORS: &[&str] = &["that", "when", "if", "after", "before", "while", "once", "as", "until", "because", "although", "though", "since"];

/// The clause around a time expression, for its tense: which sentence it is
/// in and whether a future marker governs it.
struct Clauses<'t> {
    text: &'t str,
    sentences: &'t [(usize, usize)],
}

impl<'t> Clauses<'t> {
    fn sentence_start(&self, at: usize) -> usize {
        let i = self.sentences.partition_point(|s| s.1 <= at);
        self.sentences.get(i).filter(|s| s.0 <= at).map_or(at.saturating_sub(200), |s| s.0)
    }

    /// The words of the clause before `at` (up to 80 bytes back, from the
    /// last comma, semicolon, colon or bracket).
    fn clause_before(&self, at: usize) -> &'t str {
        let text = self.text;
        let s = self.sentence_start(at);
        let mut from = s.max(at.saturating_sub(80));
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let before = text.get(from..at).unwrap_or("");
        before.rfind([',', ';', ':', '(']).map_or(before, |k| &before[k + 1..])
    }

    /// True when a day named at `start..end` (a weekday, "the weekend") lies
    /// ahead: its own clause is future ([`Clauses::weekday_future`]), or it
    /// closes a fronted phrase before a future main clause
    /// ([`Clauses::main_clause_future`]).
    fn day_ahead(&self, start: usize, end: usize) -> bool {
        self.weekday_future(start) || self.main_clause_future(start, end)
    }

    /// True when the clause before `at` has a verb in a past form after its
    /// last subordinator ("protesters marched this weekend").
    fn own_clause_past(&self, at: usize) -> bool {
        let clause = self.clause_before(at);
        let mut own = clause.rsplit(|c: char| c.is_whitespace()).take_while(|w| !SUBORDINATORS.contains(&w.to_lowercase().as_str()));
        own.any(crate::dating::is_past_form)
    }

    /// Told in the past: a past verb before `at` in its own clause and no future marker.
    fn told_in_past(&self, at: usize) -> bool {
        self.own_clause_past(at) && !self.future_before(at)
    }

    /// A future marker right after the word at `at` ("Monday will see …").
    fn future_after(&self, at: usize) -> bool {
        let text = self.text;
        let rest = &text[at..];
        let word_end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
        let mut to = (at + word_end + 40).min(text.len());
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        let after = text.get(at + word_end..to).unwrap_or("");
        let after = after.find([',', ';', '.', ':']).map_or(after, |k| &after[..k]);
        // "on Wednesday promised the equipment will be tested": a past verb between the
        // time and the future marker is the verb the time dates
        FUTURE_AFTER_RE.find(after).is_some_and(|m| !after[..m.start()].split_whitespace().any(crate::dating::is_past_form))
    }

    /// Future when a future marker is in the same clause: before the
    /// expression (up to 80 bytes back), or right after it (up to 40 bytes).
    fn future_before(&self, at: usize) -> bool {
        future_markers(self.clause_before(at)).next().is_some() || self.future_after(at)
    }

    /// "In his meeting with X on Wednesday, Obama will press …", "when the
    /// president visits on Tuesday, he plans to …": a time closing a fronted
    /// phrase or clause with no past verb of its own (after its last
    /// subordinator) takes the tense of the main clause after its comma —
    /// future when that clause has a future marker within five words and no
    /// past verb before it ("On Monday, Russia said it will …" stays past).
    fn main_clause_future(&self, start: usize, end: usize) -> bool {
        if self.own_clause_past(start) {
            return false;
        }
        let rest = self.text.get(end..).unwrap_or("");
        let Some(comma) = rest.char_indices().take(16).find(|(_, c)| matches!(c, ',' | ';' | '.' | ':' | '(')).filter(|(_, c)| *c == ',').map(|(i, _)| i) else {
            return false;
        };
        let after = &rest[comma + 1..];
        let mut to = after.len().min(60);
        while !after.is_char_boundary(to) {
            to -= 1;
        }
        let after = &after[..to];
        let after = after.find([',', ';', '.', ':']).map_or(after, |k| &after[..k]);
        let Some(m) = future_markers(after).next() else { return false };
        // a marker told in the past ("planned to pay", "was due to") looks back
        let marker_past = m.as_str().split_whitespace().next().is_some_and(crate::dating::is_past_form);
        let lead: Vec<&str> = after[..m.start()].split_whitespace().collect();
        // the main clause itself, not another fronted clause ("On Friday, when X …, Y …")
        let subordinate = lead.first().is_some_and(|w| SUBORDINATORS.contains(&w.to_lowercase().as_str()));
        lead.len() <= 5 && !marker_past && !subordinate && !lead.iter().any(|w| crate::dating::is_past_form(w))
    }

    /// For a weekday: future when a future marker comes before it in its
    /// clause with no past-tense verb between ("said on Monday that talks will
    /// resume on Friday"; not "will say the attack happened on Friday"), or
    /// right after it unless a past verb governs it ("said Monday they will …"
    /// is past).
    fn weekday_future(&self, at: usize) -> bool {
        let clause = self.clause_before(at);
        if let Some(last) = future_markers(clause).last() {
            let past_between = clause[last.end()..].split_whitespace().any(|w| crate::dating::is_past_form(w));
            return !past_between;
        }
        let governing = clause
            .split_whitespace()
            .rev()
            .find(|w| !matches!(w.to_lowercase().as_str(), "on" | "late" | "early" | "since" | "by"));
        self.future_after(at) && !governing.is_some_and(crate::dating::is_past_form)
    }
}

/// [`find`], with a mark on the expressions whose year was guessed and on
/// attributive years.
fn find_marked(text: &str, doc_date: &UncertainDate, sentences: &[(usize, usize)]) -> Vec<Found> {
    let anchor = anchor_bounds(doc_date);
    let clauses = Clauses { text, sentences };
    let mut cands: Vec<Candidate> = Vec::new();
    for p in PATTERNS.iter() {
        for c in p.re.captures_iter(text) {
            let Some(m) = c.get(0) else { continue };
            let hit = Hit { c: &c, m, start: m.start(), end: m.end(), text, clauses: &clauses, anchor };
            cands.extend(hit.candidate(p.kind));
        }
    }
    settle_open_dates(text, &mut cands, sentences);
    date_clock_times(&mut cands, sentences);
    longest_first(text, &cands)
}

/// One match of a time pattern with what reading it needs: the text, the
/// clauses (for tense) and the document date's bounds.
struct Hit<'a, 't> {
    c: &'a regex::Captures<'t>,
    m: regex::Match<'t>,
    start: usize,
    end: usize,
    text: &'t str,
    clauses: &'a Clauses<'t>,
    anchor: (Option<NaiveDate>, Option<NaiveDate>),
}

impl Hit<'_, '_> {
    /// Capture group `i`'s text.
    fn g(&self, i: usize) -> Option<&str> {
        self.c.get(i).map(|x| x.as_str())
    }

    /// The plain candidate of this match.
    fn cand(&self, start: usize, end: usize, tt: TimeType, value: Option<String>, resolved: UncertainDate) -> Option<Candidate> {
        Some(Candidate::new(start, end, tt, value, resolved))
    }

    /// The candidate a match of a `kind` pattern makes, if it reads as a time.
    fn candidate(&self, kind: Kind) -> Option<Candidate> {
        match kind {
            Kind::Iso => self.iso(),
            Kind::DayMonth | Kind::MonthDay => self.day_month(kind),
            Kind::MonthYear => self.month_year(),
            Kind::Month => self.month(),
            Kind::Year => self.year(),
            Kind::Clock24 => self.clock24(),
            Kind::Decade => self.decade(),
            Kind::Weekday => self.weekday(),
            Kind::Deictic => self.deictic(),
            Kind::PartOfToday => self.part_of_today(),
            Kind::RelUnit => self.rel_unit(),
            Kind::TheWeekend => self.the_weekend(),
            Kind::Ago => self.ago(),
            Kind::Duration => self.duration(),
            Kind::VagueDuration => self.vague_duration(),
            Kind::Ref => self.reference(),
            Kind::Set => self.set(),
            Kind::Clock => self.clock(),
            Kind::ReportQuarter => self.report_quarter(),
            Kind::Quarter => self.quarter(),
        }
    }

    /// `Kind::Iso`.
    fn iso(&self) -> Option<Candidate> {
        let (start, end) = (self.start, self.end);
        let v = self.m.as_str();
        if UncertainDate::parse_value(v).is_ok() {
            return self.cand(start, end, TimeType::Date, Some(v.to_string()), calendar(v));
        }
        None
    }

    /// `Kind::DayMonth | Kind::MonthDay`.
    fn day_month(&self, kind: Kind) -> Option<Candidate> {
        let (start, end) = (self.start, self.end);
        let (day, month, year) = if kind == Kind::DayMonth {
            (self.g(1), self.g(2), self.g(3))
        } else {
            (self.g(3), self.g(2), self.g(4))
        };
        let (Some(day), Some(month)) = (day.and_then(|d| d.parse::<u32>().ok()), month.and_then(|mm| LEXICON.months.get(mm).copied())) else {
            return None;
        };
        if !(1..=31).contains(&day) {
            return None;
        }
        // "May 1,000" is not a date
        if self.text[end..].starts_with(",0") || self.text[end..].starts_with(",1") || self.text[end..].starts_with(",2") {
            if year.is_none() {
                return None;
            }
        }
        if let Some(y) = year.and_then(|y| y.parse::<i32>().ok()) {
            if let Some(d) = NaiveDate::from_ymd_opt(y, month, day) {
                return self.cand(start, end, TimeType::Date, Some(d.format("%Y-%m-%d").to_string()), UncertainDate::day(d));
            }
        } else {
            let fut = self.clauses.future_before(start) || self.clauses.main_clause_future(start, end);
            return Some(yearless_month_day(self.text, (start, end), (month, day), fut, self.anchor));
        }
        None
    }

    /// `Kind::MonthYear`.
    fn month_year(&self) -> Option<Candidate> {
        let (start, end) = (self.start, self.end);
        let (Some(month), Some(y)) = (self.g(2).and_then(|mm| LEXICON.months.get(mm).copied()), self.g(3).and_then(|y| y.parse::<i32>().ok())) else {
            return None;
        };
        let v = format!("{y:04}-{month:02}");
        let r = calendar(&v);
        self.cand(start, end, TimeType::Date, Some(v), r)
    }

    /// `Kind::Month`.
    fn month(&self) -> Option<Candidate> {
        let (start, end) = (self.start, self.end);
        let Some(mm) = self.g(2) else { return None };
        let Some(month) = LEXICON.months.get(mm).copied() else { return None };
        // "May" the modal verb: require a lead-in for May/March used bare
        let before = last_word(&self.text[..start]).to_ascii_lowercase();
        if (mm == "May" || mm == "March") && self.g(1).is_none() {
            let ok = ["in", "since", "by", "until", "till", "of", "from", "to", "early", "late", "mid", "and", "between", "before", "after", "during", "last", "next", "this"]
                .contains(&before.as_str());
            if !ok {
                return None;
            }
        }
        if mm.len() <= 4 && !mm.ends_with('.') && mm != "May" && mm != "June" && mm != "July" {
            return None; // bare abbreviations without dot ("Jan", "Dec") are too ambiguous
        }
        let fut = self.clauses.future_before(start) || before == "until" || before == "next";
        let past = !fut || before == "last" || before == "since";
        let strict = before == "last" || before == "next";
        let rel = Rel::Month { month, future: fut, past, strict };
        let (v, r) = resolve(rel, self.anchor, "");
        // the years a month the range leaves open can be in, as first days
        let open = match (v.is_none(), self.anchor.0.and_then(|a| eval_rel(rel, a)), self.anchor.1.and_then(|a| eval_rel(rel, a))) {
            (true, Some(lo), Some(hi)) if hi.1.year() - lo.1.year() <= 30 => {
                (lo.1.year()..=hi.1.year()).filter_map(|y| NaiveDate::from_ymd_opt(y, month, 1)).collect()
            }
            _ => Vec::new(),
        };
        let yearless_year = v.as_ref().and(r.earliest).map(|d| d.year());
        Some(Candidate { open, yearless_year, whole_month: true, ..Candidate::new(start, end, TimeType::Date, v, r) })
    }

    /// `Kind::Year`.
    fn year(&self) -> Option<Candidate> {
        let (start, end) = (self.start, self.end);
        let reading = year_reading(self.text, start, end);
        if reading == YearReading::NotYear {
            return None;
        }
        let y = self.m.as_str();
        let c = Candidate::new(start, end, TimeType::Date, Some(y.to_string()), calendar(y));
        Some(Candidate { attributive: reading == YearReading::Attributive, ..c })
    }

    /// `Kind::Clock24`.
    fn clock24(&self) -> Option<Candidate> {
        let (start, end) = (self.start, self.end);
        let Some((h, mi, clock_end)) = clock_reading(self.text, start, end) else { return None };
        let suffix = format!("T{h:02}:{mi:02}");
        let (v, r) = resolve(Rel::DayOffset(0), self.anchor, &suffix);
        Some(Candidate { clock: Some(suffix), ..Candidate::new(start, clock_end, TimeType::Time, v, r) })
    }

    /// `Kind::Decade`.
    fn decade(&self) -> Option<Candidate> {
        let (start, end) = (self.start, self.end);
        if let Some(d) = self.g(1) {
            return self.cand(start, end, TimeType::Date, Some(d.to_string()), UncertainDate::unknown());
        }
        None
    }

    /// `Kind::Weekday`.
    fn weekday(&self) -> Option<Candidate> {
        let (start, end) = (self.start, self.end);
        let Some(wd) = self.g(2).and_then(|w| LEXICON.weekdays.get(w).copied()) else { return None };
        let modifier = self.g(1).map(|s| s.to_ascii_lowercase());
        // TimeML/TempEval news convention: a weekday that is the
        // publication weekday is the publication day itself, in the
        // past (AP style: "said Friday" in a Friday story) and in the
        // future ("will meet Friday"); "next"/"last" move a week.
        let fut = self.clauses.day_ahead(start, end);
        let dir = match modifier.as_deref() {
            Some("next") | Some("coming") => 1,
            Some("last") => -1,
            _ if fut => 2,
            _ => 0,
        };
        let part = self.g(3).map(part_of_day);
        let (tt, suffix) = match part {
            Some(p) => (TimeType::Time, format!("T{p}")),
            None => (TimeType::Date, String::new()),
        };
        // "Monday, June 2": the weekday is that date when the date's
        // possible years leave exactly one where it falls on that weekday.
        if part.is_none() && modifier.is_none() {
            if let Some(day) = date_after_weekday(self.text, end, wd, fut, self.anchor) {
                return self.cand(start, end, tt, Some(day.format("%Y-%m-%d").to_string()), UncertainDate::day(day));
            }
        }
        let (v, r) = resolve(Rel::Weekday { wd, dir }, self.anchor, &suffix);
        self.cand(start, end, tt, v, r)
    }

    /// `Kind::Deictic`.
    fn deictic(&self) -> Option<Candidate> {
        let (start, end) = (self.start, self.end);
        let word = self.g(1).unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ").to_ascii_lowercase();
        let off = match word.as_str() {
            // "last night": the night before the day written (TimeML: the day before, TNI)
            "yesterday" | "last night" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        let part = if matches!(word.as_str(), "tonight" | "last night") { Some("NI") } else { self.g(2).map(part_of_day) };
        let (tt, suffix) = match part {
            Some(p) => (TimeType::Time, format!("T{p}")),
            None => (TimeType::Date, String::new()),
        };
        let (v, r) = resolve(Rel::DayOffset(off), self.anchor, &suffix);
        self.cand(start, end, tt, v, r)
    }

    /// `Kind::PartOfToday`.
    fn part_of_today(&self) -> Option<Candidate> {
        let (start, end) = (self.start, self.end);
        let p = part_of_day(self.g(1).unwrap_or(""));
        let (v, r) = resolve(Rel::DayOffset(0), self.anchor, &format!("T{p}"));
        self.cand(start, end, TimeType::Time, v, r)
    }

    /// `Kind::RelUnit`.
    fn rel_unit(&self) -> Option<Candidate> {
        let (start, end) = (self.start, self.end);
        let md = self.g(1).unwrap_or("").to_ascii_lowercase();
        let unit = self.g(2).unwrap_or("").to_ascii_lowercase();
        if matches!(md.as_str(), "the past" | "the coming" | "the next" | "past" | "coming") {
            if let Some((code, t)) = unit_code(&unit) {
                let v = format!("P{}1{}", if t { "T" } else { "" }, code);
                return self.cand(start, end, TimeType::Duration, Some(v), UncertainDate::unknown());
            }
            return None;
        }
        let n: i64 = match md.as_str() {
            "last" | "previous" => -1,
            "next" => 1,
            _ => 0,
        };
        let rel = match unit.as_str() {
            "week" => Rel::Week(n),
            // "marched this weekend" in a Wednesday story: the weekend just gone
            "weekend" if md == "this" && self.clauses.told_in_past(start) => Rel::NearWeekend { future: false },
            "weekend" => Rel::Weekend(n),
            "month" => Rel::MonthOffset(n),
            "year" => Rel::YearOffset(n),
            "quarter" => Rel::QuarterOffset(n),
            "summer" | "winter" | "spring" | "autumn" | "fall" => {
                let s = match unit.as_str() {
                    "summer" => "SU",
                    "winter" => "WI",
                    "spring" => "SP",
                    _ => "FA",
                };
                let (v, _) = resolve(Rel::YearOffset(n), self.anchor, "");
                return self.cand(start, end, TimeType::Date, v.map(|v| format!("{v}-{s}")), UncertainDate::unknown());
            }
            _ => return None, // decade/century relative: leave
        };
        let (v, r) = resolve(rel, self.anchor, "");
        self.cand(start, end, TimeType::Date, v, r)
    }

    /// `Kind::TheWeekend`: "met at the weekend", "will meet over the weekend" —
    /// the weekend before the writing, or after it when the clause is future
    /// (the preposition is not part of the expression).
    fn the_weekend(&self) -> Option<Candidate> {
        let m = self.c.get(1)?;
        let future = self.clauses.day_ahead(m.start(), m.end());
        let (v, r) = resolve(Rel::NearWeekend { future }, self.anchor, "");
        self.cand(m.start(), m.end(), TimeType::Date, v, r)
    }

    /// `Kind::Ago`.
    fn ago(&self) -> Option<Candidate> {
        let (start, end) = (self.start, self.end);
        let (Some(n), Some(unit)) = (self.g(1).and_then(number_value), self.g(2)) else { return None };
        let n = n as i64;
        let rel = match unit.to_ascii_lowercase().as_str() {
            "day" | "night" => Rel::DayOffset(-n),
            "week" => Rel::Week(-n),
            "month" => Rel::MonthOffset(-n),
            "year" => Rel::YearOffset(-n),
            "decade" => Rel::YearOffset(-10 * n),
            _ => {
                return self.cand(start, end, TimeType::Date, Some("PAST_REF".into()), past_bounds(self.anchor));
            }
        };
        let (v, r) = resolve(rel, self.anchor, "");
        // "more than a decade ago" is on or before that time, "less than a
        // week ago" on or after it: the value stays the point, the resolved
        // date becomes the side it bounds
        let r = match last_word(&self.text[..start]).to_ascii_lowercase().as_str() {
            "than" if self.text[..start].trim_end().to_ascii_lowercase().ends_with("more than") => UncertainDate::between(None, r.latest),
            "over" => UncertainDate::between(None, r.latest),
            "than" if self.text[..start].trim_end().to_ascii_lowercase().ends_with("less than") => UncertainDate::between(r.earliest, self.anchor.1),
            _ => r,
        };
        self.cand(start, end, TimeType::Date, v, r)
    }

    /// `Kind::Duration`.
    fn duration(&self) -> Option<Candidate> {
        let (start, end) = (self.start, self.end);
        let (Some(nw), Some(unit)) = (self.g(2), self.g(3)) else { return None };
        if self.m.as_str().ends_with("old") {
            return None; // an age ("55-year-old", "52 years old"), not a time expression
        }
        let Some((code, t)) = unit_code(unit) else { return None };
        let n = match nw.to_ascii_lowercase().as_str() {
            "a few" | "several" => None,
            other => number_value(other),
        };
        let v = format!("P{}{}{}", if t { "T" } else { "" }, n.map_or("X".to_string(), fmt_num), code);
        // "a day" in "1,000 drones a day" or "twice a week" is a rate
        let article = nw.eq_ignore_ascii_case("a") || nw.eq_ignore_ascii_case("an");
        let before = last_word(&self.text[..start]).to_ascii_lowercase();
        let rate = article
            && self.g(1).is_none()
            && (before.chars().next().is_some_and(|c| c.is_ascii_digit())
                || ["once", "twice", "times"].contains(&before.as_str())
                || (before.len() > 3 && before.ends_with('s') && !before.ends_with("ss")));
        let tt = if rate { TimeType::Set } else { TimeType::Duration };
        // "the past three days": the stretch back from the anchor it covers (the value stays P3D)
        let back = self.g(1).is_some_and(|m| matches!(m.split_whitespace().nth(1).map(str::to_ascii_lowercase).as_deref(), Some("past" | "last" | "previous")));
        let resolved = if back && !rate { past_window(self.anchor, unit, n) } else { UncertainDate::unknown() };
        self.cand(start, end, tt, Some(v), resolved)
    }

    /// `Kind::VagueDuration`.
    fn vague_duration(&self) -> Option<Candidate> {
        let (start, end) = (self.start, self.end);
        let md = self.g(1).unwrap_or("").to_ascii_lowercase();
        let unit = self.g(2).unwrap_or("");
        if md == "the coming" || md == "the next few" {
            return self.cand(start, end, TimeType::Date, Some("FUTURE_REF".into()), future_bounds(self.anchor));
        } else if let Some((code, t)) = unit_code(unit) {
            let v = format!("P{}X{}", if t { "T" } else { "" }, code);
            // "in the past few days", "in recent weeks": a stretch back from the anchor
            let back = matches!(md.as_str(), "the past few" | "the last few" | "recent");
            let resolved = if back { past_window(self.anchor, unit, None) } else { UncertainDate::unknown() };
            return self.cand(start, end, TimeType::Duration, Some(v), resolved);
        }
        None
    }

    /// `Kind::Ref`.
    fn reference(&self) -> Option<Candidate> {
        let (start, end) = (self.start, self.end);
        let w = self.g(1).unwrap_or("").to_ascii_lowercase();
        match w.as_str() {
            "recently" | "the past" => self.cand(start, end, TimeType::Date, Some("PAST_REF".into()), past_bounds(self.anchor)),
            "the future" => self.cand(start, end, TimeType::Date, Some("FUTURE_REF".into()), future_bounds(self.anchor)),
            _ => {
                let (_, r) = resolve(Rel::DayOffset(0), self.anchor, "");
                self.cand(start, end, TimeType::Date, Some("PRESENT_REF".into()), r)
            }
        }
    }

    /// `Kind::Set`.
    fn set(&self) -> Option<Candidate> {
        let (start, end) = (self.start, self.end);
        let unit = self.g(2).or(self.g(3)).unwrap_or("").to_ascii_lowercase();
        let v = match unit.as_str() {
            "day" | "daily" | "night" | "nightly" | "morning" => "P1D",
            "week" | "weekly" => "P1W",
            "month" | "monthly" => "P1M",
            "year" | "yearly" | "annually" => "P1Y",
            "hour" | "hourly" => "PT1H",
            _ => return None,
        };
        self.cand(start, end, TimeType::Set, Some(v.into()), UncertainDate::unknown())
    }

    /// `Kind::Clock`.
    fn clock(&self) -> Option<Candidate> {
        let (start, end) = (self.start, self.end);
        let (h, mi, ampm) = if let Some(h) = self.g(1) {
            (h, self.g(2).unwrap_or("00"), self.g(3))
        } else if let Some(h) = self.g(5) {
            (h, self.g(6).unwrap_or("00"), None)
        } else {
            let w = self.g(7).unwrap_or("").to_ascii_lowercase();
            if w == "noon" {
                ("12", "00", None)
            } else {
                ("24", "00", None)
            }
        };
        let (Ok(mut h), Ok(mi)) = (h.parse::<u32>(), mi.parse::<u32>()) else { return None };
        if self.g(5).is_some() {
            // bare "18:00": must not be a score or ratio; require hour < 24, minutes < 60
            let prev = self.text[..start].chars().next_back();
            if matches!(prev, Some(':' | '.' | ',')) || self.text[end..].starts_with(':') {
                return None;
            }
        }
        if ampm == Some("p") && h < 12 {
            h += 12;
        }
        if ampm == Some("a") && h == 12 {
            h = 0;
        }
        if h > 24 || mi > 59 {
            return None;
        }
        let suffix = format!("T{h:02}:{mi:02}");
        let (v, r) = resolve(Rel::DayOffset(0), self.anchor, &suffix);
        Some(Candidate { clock: Some(suffix), ..Candidate::new(start, end, TimeType::Time, v, r) })
    }

    /// `Kind::ReportQuarter`.
    fn report_quarter(&self) -> Option<Candidate> {
        let (start, end) = (self.start, self.end);
        // financial news: "the quarter" is the last reported one (past
        // tense) or the running one; "the year-ago quarter" four earlier
        let fut = self.clauses.future_before(start);
        let current = self.g(1).is_some_and(|x| x.eq_ignore_ascii_case("current"));
        let mut n = if fut || current { 0 } else { -1 };
        if self.g(2).is_some() {
            n -= 4;
        }
        let (v, r) = resolve(Rel::QuarterOffset(n), self.anchor, "");
        self.cand(start, end, TimeType::Date, v, r)
    }

    /// `Kind::Quarter`.
    fn quarter(&self) -> Option<Candidate> {
        let (start, end) = (self.start, self.end);
        let Some(q) = self.g(1).map(|q| match q.to_ascii_lowercase().as_str() {
            "first" | "1st" => 1,
            "second" | "2nd" => 2,
            "third" | "3rd" => 3,
            _ => 4,
        }) else {
            return None;
        };
        let fut = self.clauses.future_before(start);
        let (v, r) = resolve(Rel::Quarter { q, past: !fut }, self.anchor, "");
        self.cand(start, end, TimeType::Date, v, r)
    }
}

/// The candidates kept: longest first (earlier start on a tie), each only
/// where it overlaps none already kept; in text order.
fn longest_first(text: &str, cands: &[Candidate]) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut chosen: Vec<&Candidate> = Vec::new();
    // Prefer longer candidates globally: process by length desc, keep non-overlapping.
    let mut order: Vec<&Candidate> = cands.iter().collect();
    order.sort_by(|a, b| (b.end - b.start).cmp(&(a.end - a.start)).then(a.start.cmp(&b.start)));
    // The chosen spans are disjoint, so the one starting last before `c` ends is the
    // only one that can overlap it (a lookup, not a scan: many times stay linear).
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for c in order {
        let overlaps = if c.start == c.end {
            taken.range(..=c.start).next_back().is_some_and(|(&ks, &ke)| ks < c.start && c.start < ke)
        } else {
            taken.range(..c.end).next_back().is_some_and(|(&ks, &ke)| c.start < ke && ks < c.end)
        };
        if !overlaps {
            if c.start < c.end {
                taken.insert(c.start, c.end);
            }
            chosen.push(c);
        }
    }
    chosen.sort_by_key(|c| c.start);
    for c in chosen {
        if let Ok(span) = Span::new(text, c.start, c.end) {
            out.push(Found {
                span,
                time_type: c.time_type,
                value: c.value.clone(),
                resolved: c.resolved.clone(),
                year_guessed: c.year_guessed,
                attributive: c.attributive,
            });
        }
    }
    out
}

/// A weekday written right before a date: "Monday, June 2", "Friday (May 16", "Monday the 2nd".
static WD_BEFORE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let w = alternation(LEXICON.weekdays.keys());
    Regex::new(&ascii_boundaries(&format!(r"\b({w})(?:\s*,\s*|\s*\(\s*|\s+)(?:the\s+)?$"))).expect("weekday-before regex")
});

/// A weekday in brackets right after a date: "June 2 (Monday)".
static WD_AFTER_RE: LazyLock<Regex> = LazyLock::new(|| {
    let w = alternation(LEXICON.weekdays.keys());
    Regex::new(&ascii_boundaries(&format!(r"^\s*\(\s*({w})\s*\)"))).expect("weekday-after regex")
});

/// A date right after a weekday: ", June 2", " (2 June)", ", June 2, 2025".
static DATE_AFTER_WD_RE: LazyLock<Regex> = LazyLock::new(|| {
    let m = alternation(LEXICON.months.keys());
    Regex::new(&ascii_boundaries(&format!(
        r"^(?:\s*,\s*|\s*\(\s*|\s+)(?:the\s+)?(?:({m})\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)?\s+({m}))\b(?:\s*,?\s+(\d{{4}})\b)?"
    )))
    .expect("date-after-weekday regex")
});

/// Any weekday name.
static WEEKDAY_WORD_RE: LazyLock<Regex> = LazyLock::new(|| {
    let w = alternation(LEXICON.weekdays.keys());
    Regex::new(&ascii_boundaries(&format!(r"\b({w})\b"))).expect("weekday regex")
});

/// The weekday written right before `start` (1 = Monday), if any.
fn weekday_before(text: &str, start: usize) -> Option<u32> {
    let mut from = start.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let c = WD_BEFORE_RE.captures(text.get(from..start)?)?;
    LEXICON.weekdays.get(c.get(1)?.as_str()).copied()
}

/// The weekday written in brackets right after `end` (1 = Monday), if any.
fn weekday_after(text: &str, end: usize) -> Option<u32> {
    let mut to = (end + 16).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let c = WD_AFTER_RE.captures(text.get(end..to)?)?;
    LEXICON.weekdays.get(c.get(1)?.as_str()).copied()
}

/// The day a weekday names when a date follows it ("Monday, June 2"): the date itself
/// when a year is written and agrees with the weekday, else the only year the document
/// range allows in which that month-day falls on that weekday.
fn date_after_weekday(text: &str, end: usize, wd: u32, fut: bool, anchor: (Option<NaiveDate>, Option<NaiveDate>)) -> Option<NaiveDate> {
    let mut to = (end + 40).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let c = DATE_AFTER_WD_RE.captures(text.get(end..to)?)?;
    let month_word = c.get(1).or(c.get(4))?.as_str();
    let month = LEXICON.months.get(month_word).copied()?;
    let day: u32 = c.get(2).or(c.get(3))?.as_str().parse().ok()?;
    let fits = |d: &NaiveDate| d.weekday().number_from_monday() == wd;
    if let Some(y) = c.get(5).and_then(|y| y.as_str().parse::<i32>().ok()) {
        return NaiveDate::from_ymd_opt(y, month, day).filter(fits);
    }
    let fitting: Vec<NaiveDate> = month_day_candidates(month, day, fut, anchor).into_iter().filter(fits).collect();
    match fitting.as_slice() {
        [only] => Some(*only),
        _ => None,
    }
}

/// A day and month written without a year ("June 2"), dated from the
/// document date and tense: exact when one year fits (a stated weekday may
/// decide), else bounds that keep the month and day for other reports.
fn yearless_month_day(
    text: &str,
    (start, end): (usize, usize),
    (month, day): (u32, u32),
    fut: bool,
    anchor: (Option<NaiveDate>, Option<NaiveDate>),
) -> Candidate {
    let options = month_day_candidates(month, day, fut, anchor);
    // A weekday written with the date ("Monday, June 2", "June 2
    // (Monday)") keeps only the years where that day is that weekday.
    let stated = weekday_before(text, start).or_else(|| weekday_after(text, end));
    let fitting: Vec<NaiveDate> = match stated {
        Some(wd) => options.iter().copied().filter(|d| d.weekday().number_from_monday() == wd).collect(),
        None => options.clone(),
    };
    let (v, r) = match fitting.as_slice() {
        [only] if stated.is_some() || options.len() == 1 => {
            (Some(only.format("%Y-%m-%d").to_string()), UncertainDate::day(*only))
        }
        _ => resolve(Rel::MonthDay { month, day, future: fut, past: !fut }, anchor, ""),
    };
    // the year stays open: keep the month and day, so that
    // another report of the event can pin the year
    let r = match (&v, u8::try_from(month), u8::try_from(day)) {
        (None, Ok(m), Ok(dd)) if !r.is_unknown() => {
            UncertainDate::on_month_day(r.earliest, r.latest, m, dd).filter(|x| x.value.is_none()).unwrap_or(r)
        }
        _ => r,
    };
    let yearless_year = v.as_ref().and_then(|_| r.exact_day()).map(|d| d.year());
    let open = if v.is_none() && fitting.len() > 1 { fitting } else { Vec::new() };
    Candidate { open, yearless_year, ..Candidate::new(start, end, TimeType::Date, v, r) }
}

/// Every day a year-less month-day can be given the document range: from its reading
/// at the earliest anchor to its reading at the latest (tense applied). Empty when a
/// bound is missing or the range spans decades.
fn month_day_candidates(month: u32, day: u32, fut: bool, anchor: (Option<NaiveDate>, Option<NaiveDate>)) -> Vec<NaiveDate> {
    let rel = Rel::MonthDay { month, day, future: fut, past: !fut };
    let (Some(lo), Some(hi)) = (anchor.0.and_then(|a| eval_rel(rel, a)), anchor.1.and_then(|a| eval_rel(rel, a))) else {
        return Vec::new();
    };
    let (y0, y1) = (lo.1.year(), hi.1.year());
    if y1 < y0 || y1 - y0 > 30 {
        return Vec::new();
    }
    (y0..=y1).filter_map(|y| NaiveDate::from_ymd_opt(y, month, day)).collect()
}

/// Year-less months and month-days the document range leaves open between a few
/// years: the weekday the sentence names (only one; month-days only), else the year
/// every year-less date or month of the document that did resolve shares, picks one
/// when exactly one candidate fits. Otherwise the
/// honest range stays.
/// Per candidate: whether a longer candidate contains it. One sort and one sweep.
fn inside_longer(cands: &[Candidate]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&i| cands.get(i).map(|c| (c.start, std::cmp::Reverse(c.end))));
    let mut out = vec![false; cands.len()];
    // the largest end among candidates that start strictly earlier
    let mut end_before: Option<usize> = None;
    let mut k = 0;
    while let Some(&first) = order.get(k) {
        let Some(group_start) = cands.get(first).map(|c| c.start) else { break };
        // same start: ends descending, so the group's first is its longest
        let group_end = cands.get(first).map_or(group_start, |c| c.end);
        let mut j = k;
        while let Some(c) = order.get(j).and_then(|&i| cands.get(i)).filter(|c| c.start == group_start) {
            let by_earlier = end_before.is_some_and(|e| e >= c.end);
            let by_same_start = group_end > c.end;
            if let Some(flag) = order.get(j).and_then(|&i| out.get_mut(i)) {
                *flag = by_earlier || by_same_start;
            }
            j += 1;
        }
        end_before = Some(end_before.map_or(group_end, |e| e.max(group_end)));
        k = j;
    }
    out
}

fn settle_open_dates(text: &str, cands: &mut [Candidate], sentences: &[(usize, usize)]) {
    // only expressions that survive overlap removal count ("September" inside
    // "September 2022" is not a year-less month)
    let inside = inside_longer(cands);
    let years: std::collections::BTreeSet<i32> = cands
        .iter()
        .zip(&inside)
        .filter(|(_, inside)| !**inside)
        .filter_map(|(c, _)| c.yearless_year)
        .collect();
    for c in cands.iter_mut().filter(|c| !c.open.is_empty()) {
        let i = sentences.partition_point(|s| s.1 <= c.start);
        let (s0, s1) = sentences.get(i).filter(|s| s.0 <= c.start).copied().unwrap_or((c.start, c.end));
        let named: std::collections::BTreeSet<u32> = text
            .get(s0..s1)
            .map(|sent| {
                WEEKDAY_WORD_RE
                    .find_iter(sent)
                    .filter_map(|m| LEXICON.weekdays.get(m.as_str()).copied())
                    .collect()
            })
            .unwrap_or_default();
        let pick = |keep: &dyn Fn(&NaiveDate) -> bool| -> Option<NaiveDate> {
            let hits: Vec<NaiveDate> = c.open.iter().copied().filter(|d| keep(d)).collect();
            match hits.as_slice() {
                [only] => Some(*only),
                _ => None,
            }
        };
        let by_weekday = match named.iter().collect::<Vec<_>>().as_slice() {
            [wd] if !c.whole_month => pick(&|d: &NaiveDate| d.weekday().number_from_monday() == **wd),
            _ => None,
        };
        let by_year = match years.iter().collect::<Vec<_>>().as_slice() {
            [y] => pick(&|d: &NaiveDate| d.year() == **y),
            _ => None,
        };
        c.year_guessed = by_weekday.is_some();
        if let Some(day) = by_weekday.or(by_year) {
            if c.whole_month {
                let v = day.format("%Y-%m").to_string();
                c.resolved = calendar(&v);
                c.value = Some(v);
            } else {
                c.value = Some(day.format("%Y-%m-%d").to_string());
                c.resolved = UncertainDate::day(day);
            }
        }
    }
}

/// A clock time with no day of its own ("1800 GMT", "at 9 a.m.") is on the day
/// its sentence names — the nearest expression of the same sentence whose value
/// is one day ("shortly after 1800 GMT on Friday" → Friday 18:00) — else on the
/// document date.
fn date_clock_times(cands: &mut [Candidate], sentences: &[(usize, usize)]) {
    let mut days: Vec<(usize, usize, NaiveDate)> = cands
        .iter()
        .filter(|c| c.clock.is_none())
        .filter_map(|c| {
            let v = c.value.as_deref()?;
            let day = NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()?;
            (v.len() == 10 || v.as_bytes().get(10) == Some(&b'T')).then_some((c.start, c.end, day))
        })
        .collect();
    days.sort_by_key(|d| (d.0, d.1));
    let sentence_of = |at: usize| {
        let i = sentences.partition_point(|s| s.1 <= at);
        sentences.get(i).filter(|s| s.0 <= at).copied()
    };
    for c in cands.iter_mut() {
        let Some(suffix) = c.clock.clone() else { continue };
        let Some((s0, s1)) = sentence_of(c.start) else { continue };
        // only the days that start inside the sentence
        let from = days.partition_point(|d| d.0 < s0);
        let to = days.partition_point(|d| d.0 <= s1);
        let nearest = days
            .get(from..to.max(from))
            .unwrap_or_default()
            .iter()
            .filter(|(a, b, _)| s0 <= *a && *b <= s1 && (*b <= c.start || c.end <= *a))
            .min_by_key(|(a, b, _)| if *b <= c.start { c.start - b } else { a - c.end });
        if let Some((_, _, day)) = nearest {
            c.value = Some(format!("{}{suffix}", day.format("%Y-%m-%d")));
            c.resolved = UncertainDate::day(*day);
        }
    }
}

/// Units a vague count ("a few", "several", "recent") stands for at most.
const VAGUE_UNITS: u32 = 9;

/// The days a stretch of `n` units back from the anchor covers ("the past three
/// days": from three days before the anchor's earliest day to its latest; a vague
/// count, [`VAGUE_UNITS`]); unknown without both anchor bounds or for a unit
/// longer than a century.
fn past_window(anchor: (Option<NaiveDate>, Option<NaiveDate>), unit: &str, n: Option<f64>) -> UncertainDate {
    let (Some(first), Some(last)) = anchor else { return UncertainDate::unknown() };
    let n = n.map_or(VAGUE_UNITS, |n| n.ceil().clamp(1.0, 10_000.0) as u32);
    let u = unit.to_ascii_lowercase();
    let earliest = match u.trim_end_matches('s') {
        "second" | "minute" => first.pred_opt(),
        "hour" => first.checked_sub_signed(Duration::days(i64::from(n.div_ceil(24)))),
        "day" | "night" => first.checked_sub_signed(Duration::days(i64::from(n))),
        "week" => first.checked_sub_signed(Duration::days(7 * i64::from(n))),
        "month" => first.checked_sub_months(Months::new(n)),
        "year" => first.checked_sub_months(Months::new(12 * n)),
        "decade" => first.checked_sub_months(Months::new(120 * n)),
        _ => None,
    };
    earliest.map_or_else(UncertainDate::unknown, |e| UncertainDate::between(Some(e), Some(last)))
}

fn past_bounds(anchor: (Option<NaiveDate>, Option<NaiveDate>)) -> UncertainDate {
    UncertainDate::between(None, anchor.1)
}

fn future_bounds(anchor: (Option<NaiveDate>, Option<NaiveDate>)) -> UncertainDate {
    UncertainDate::between(anchor.0.and_then(|d| d.succ_opt()), None)
}

fn part_of_day(p: &str) -> &'static str {
    match p.to_ascii_lowercase().as_str() {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        _ => "NI",
    }
}

/// The last word of `s` (letters, digits, apostrophes), or "".
fn last_word(s: &str) -> &str {
    let t = s.trim_end();
    let start = t
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '\'' || *c == '’' || *c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &t[start..]
}

/// True for a weekday name of the lexicon ("Monday", "Fri.").
pub(crate) fn is_weekday_name(word: &str) -> bool {
    LEXICON.weekdays.contains_key(word)
}

/// True when a time expression's words name a calendar month or an ISO date
/// ("May 16", "in June", "2025-05-16", "Monday, June 2"): its value does not
/// come from the document date alone.
pub(crate) fn names_calendar_date(surface: &str) -> bool {
    static ISO_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d{4}-\d{2}").expect("iso regex"));
    ISO_RE.is_match(surface)
        || surface
            .split(|c: char| !(c.is_alphanumeric() || c == '.'))
            .any(|w| LEXICON.months.contains_key(w) || LEXICON.months.contains_key(w.trim_end_matches('.')))
}

/// The noun an attributive year modifies ("accident" in "the 1989 Exxon Valdez
/// accident"). From the dependency tree when the sentence is parsed: the
/// year's head, followed rightwards through names to the noun they modify
/// ("Exxon Valdez" → "accident"), when it is a noun after the year. Without a
/// tree: the first lower-case word after the year past any capitalised words,
/// at most four words on, unless it is a word of `not_modified`.
fn modified_noun(doc: &Document, year: Span) -> Option<Span> {
    use chronicle_core::Upos;
    let text = doc.body();
    let at = doc.tokens.partition_point(|t| t.span.start() < year.start());
    let parsed = doc.tokens.get(at).filter(|t| t.span == year).and_then(|t| t.syntax.as_ref());
    if let Some(syn) = parsed {
        let nominal = |i: usize| doc.tokens.get(i).and_then(|t| t.syntax.as_ref()).is_some_and(|s| matches!(s.upos, Upos::Noun | Upos::Propn));
        let mut head = syn.head.map(|h| h as usize).filter(|&h| h > at && nominal(h))?;
        for _ in 0..6 {
            let syn_h = doc.tokens[head].syntax.as_ref()?;
            match syn_h.head.map(|h| h as usize) {
                Some(next) if next > head && next <= at + 8 && nominal(next) && syn_h.upos == Upos::Propn => head = next,
                _ => break,
            }
        }
        return (head <= at + 8).then(|| doc.tokens[head].span);
    }
    let mut pos = year.end();
    for _ in 0..4 {
        let word = word_after(text, pos)?;
        let start = pos + text[pos..].find(word)?;
        let end = start + word.len();
        if word.chars().next().is_some_and(char::is_lowercase) {
            if NUMBER_WORDS.not_modified.contains(word) {
                return None;
            }
            return Span::new(text, start, end).ok();
        }
        pos = end;
    }
    None
}

/// Fills `doc.times`.
pub fn annotate(doc: &mut Document) {
    let sentences = sentence_ranges(doc);
    let found = find_marked(doc.body(), &doc.meta.published.date, &sentences);
    let times: Vec<TimeExpr> = found
        .into_iter()
        .map(|f| {
            let modifies = if f.attributive { modified_noun(doc, f.span) } else { None };
            TimeExpr { span: f.span, time_type: f.time_type, value: f.value, resolved: f.resolved, modifies }
        })
        .collect();
    doc.times = times;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(start: usize, end: usize) -> Candidate {
        Candidate::new(start, end, TimeType::Date, None, UncertainDate::default())
    }

    #[test]
    fn overlap_removal_agrees_with_the_pairwise_rules() {
        // the sweeps replaced pairwise scans (quadratic in the number of times, #17)
        let mut seed = 0x9e37_79b9_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        for _ in 0..200 {
            let cands: Vec<Candidate> = (0..next(12)).map(|_| {
                let s = next(30);
                cand(s, s + 1 + next(8))
            }).collect();
            let brute: Vec<bool> = cands
                .iter()
                .map(|c| cands.iter().any(|o| o.start <= c.start && c.end <= o.end && (o.end - o.start) > (c.end - c.start)))
                .collect();
            assert_eq!(inside_longer(&cands), brute);
            let text = "x".repeat(64);
            let kept: Vec<(usize, usize)> = longest_first(&text, &cands).iter().map(|f| (f.span.start(), f.span.end())).collect();
            let mut order: Vec<&Candidate> = cands.iter().collect();
            order.sort_by(|a, b| (b.end - b.start).cmp(&(a.end - a.start)).then(a.start.cmp(&b.start)));
            let mut chosen: Vec<(usize, usize)> = Vec::new();
            for c in order {
                if chosen.iter().all(|k| c.end <= k.0 || k.1 <= c.start) {
                    chosen.push((c.start, c.end));
                }
            }
            chosen.sort();
            assert_eq!(kept, chosen);
        }
    }

    #[test]
    fn last_and_next_month_exclude_the_month_of_writing_and_the_one_beside_it() {
        // in July, "last August" is a year back and "next June" a year ahead;
        // a bare "in August" may still be the coming month
        let value = |text: &str| values(text, "2010-07-10").into_iter().find(|(t, _)| t.contains("ugust") || t.contains("une")).and_then(|(_, v)| v);
        assert_eq!(value("He was freed last August.").as_deref(), Some("2009-08"));
        assert_eq!(value("He will be freed next June.").as_deref(), Some("2011-06"));
        assert_eq!(value("He will be freed in August.").as_deref(), Some("2010-08"));
        assert_eq!(value("He was freed last June.").as_deref(), Some("2010-06"));
    }

    #[test]
    fn plans_after_a_determiner_are_a_noun_not_a_future() {
        // a plan unveiled in March was unveiled in the March before a June paper
        let value = |text: &str| values(text, "2009-06-04").into_iter().find(|(t, _)| t == "March").and_then(|(_, v)| v);
        assert_eq!(value("The president unveiled his plans for the region in March.").as_deref(), Some("2009-03"));
        assert_eq!(value("The president plans to visit the region in March.").as_deref(), Some("2010-03"));
    }

    #[test]
    fn many_weekdays_in_one_text_stay_linear() {
        // Regression (#17): "held on Monday" ten thousand times was quadratic in the times.
        let text = "The talks were held on Monday. ".repeat(10_000);
        let found = values(&text, "2024-03-06");
        assert_eq!(found.len(), 10_000);
        assert!(found.iter().all(|(t, v)| t == "Monday" && v.as_deref() == Some("2024-03-04")), "{:?}", found.first());
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn run(text: &str, date: UncertainDate) -> Vec<(String, TimeType, Option<String>, UncertainDate)> {
        let s = split_sentences(text);
        find(text, &date, &s)
            .into_iter()
            .map(|(sp, t, v, r)| (sp.text(text).to_string(), t, v, r))
            .collect()
    }

    fn values(text: &str, date: &str) -> Vec<(String, Option<String>)> {
        run(text, UncertainDate::day(d(date))).into_iter().map(|x| (x.0, x.2)).collect()
    }

    fn check(text: &str, date: &str, expected: &[(&str, &str)]) {
        let got = values(text, date);
        let exp: Vec<(String, Option<String>)> =
            expected.iter().map(|(a, b)| (a.to_string(), Some(b.to_string()))).collect();
        assert_eq!(got, exp, "in {text:?}");
    }

    #[test]
    fn explicit_dates() {
        check("It began on 16 May 2025 and on 2025-05-16.", "2025-07-23", &[("16 May 2025", "2025-05-16"), ("2025-05-16", "2025-05-16")]);
        check("The talks on May 16 and June 2 ended.", "2025-07-23", &[("May 16", "2025-05-16"), ("June 2", "2025-06-02")]);
        check("They met in May 2025.", "2025-07-23", &[("May 2025", "2025-05")]);
        check("The war lasted from 1700 to 1721.", "2025-07-23", &[("1700", "1700"), ("1721", "1721")]);
        check("It was signed on May 16, 2024.", "2025-07-23", &[("May 16, 2024", "2024-05-16")]);
    }

    #[test]
    fn weekdays_follow_tense() {
        // 2025-05-17 is a Saturday
        check("The talks on Friday ended.", "2025-05-17", &[("Friday", "2025-05-16")]);
        check("They will meet on Monday.", "2025-05-17", &[("Monday", "2025-05-19")]);
        check("Talks are due to resume next Monday.", "2025-05-17", &[("next Monday", "2025-05-19")]);
        check("He said on Friday morning that it went well.", "2025-05-17", &[("Friday morning", "2025-05-16TMO")]);
        // a past verb between the weekday and a later "will" is the verb the weekday dates
        check("The firms on Thursday promised the pipes will be tested.", "2025-05-17", &[("Thursday", "2025-05-15")]);
        check("The firms on Thursday will test the pipes.", "2025-05-17", &[("Thursday", "2025-05-22")]);
    }

    #[test]
    fn the_weekend_is_the_one_nearest_the_writing_in_the_clause_tense() {
        // 2024-03-06 is a Wednesday: the weekend gone is 2–3 March, the coming one 9–10 March
        check("Farmers blocked the roads at the weekend.", "2024-03-06", &[("the weekend", "2024-W09-WE")]);
        check("The envoys met over the weekend in Oslo.", "2024-03-06", &[("the weekend", "2024-W09-WE")]);
        check("The envoys will meet over the weekend.", "2024-03-06", &[("the weekend", "2024-W10-WE")]);
        // a Sunday story's weekend is its own
        check("The envoys met during the weekend.", "2024-03-10", &[("the weekend", "2024-W10-WE")]);
        // "this weekend" told in the past is the weekend gone, else the coming one
        check("Farmers blocked the roads this weekend.", "2024-03-06", &[("this weekend", "2024-W09-WE")]);
        check("Farmers plan to block the roads this weekend.", "2024-03-06", &[("this weekend", "2024-W10-WE")]);
        // no preposition of time, no weekend date ("the weekend edition")
        assert!(values("Read the weekend edition.", "2024-03-06").is_empty());
    }

    #[test]
    fn deictic_and_relative_units() {
        check("Talks were held today, after yesterday's strike.", "2025-05-16", &[("today", "2025-05-16"), ("yesterday", "2025-05-15")]);
        check("The minister said last night that talks would resume.", "2025-05-16", &[("last night", "2025-05-15TNI")]);
        check("Trump last week gave Russia a deadline.", "2025-07-23", &[("last week", "2025-W29")]);
        check("Erdogan earlier this month called for talks this year.", "2025-07-23", &[("earlier this month", "2025-07"), ("this year", "2025")]);
        check("It happened three years ago.", "2025-07-23", &[("three years ago", "2022")]);
        // "more than … ago" bounds from above, "less than … ago" from below
        let got = run("It was banned more than a decade ago.", UncertainDate::day(d("2025-07-23")));
        assert_eq!(got[0].2.as_deref(), Some("2015"));
        assert_eq!((got[0].3.value.as_deref(), got[0].3.earliest, got[0].3.latest), (None, None, Some(d("2015-12-31"))));
        let got = run("It opened less than two years ago.", UncertainDate::day(d("2025-07-23")));
        assert_eq!((got[0].3.earliest, got[0].3.latest), (Some(d("2023-01-01")), Some(d("2025-07-23"))));
    }

    #[test]
    fn future_ref_bounds_after_doc_date() {
        let got = run("Troops will be exchanged in the coming days.", UncertainDate::day(d("2025-05-16")));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "the coming days");
        assert_eq!(got[0].2.as_deref(), Some("FUTURE_REF"));
        assert_eq!(got[0].3.earliest, Some(d("2025-05-17")));
        assert_eq!(got[0].3.latest, None);
    }

    #[test]
    fn ranges_give_two_dates() {
        check("Ukraine proposed talks between June 20 and June 30.", "2025-06-03", &[("June 20", "2025-06-20"), ("June 30", "2025-06-30")]);
    }

    #[test]
    fn durations_and_sets() {
        check("We fought Sweden for 21 years.", "2025-05-16", &[("21 years", "P21Y")]);
        check("a full, 30-day ceasefire", "2025-05-16", &[("30-day", "P30D")]);
        check("Trump gave Russia 50 days.", "2025-07-23", &[("50 days", "P50D")]);
        check("the first talks in three years", "2025-05-16", &[("three years", "P3Y")]);
        check("They meet every week and report weekly.", "2025-05-16", &[("every week", "P1W"), ("weekly", "P1W")]);
        check("less than two hours", "2025-05-16", &[("two hours", "PT2H")]);
        let rate = run("Moscow seeks to launch 1,000 drones a day.", UncertainDate::unknown());
        assert_eq!(rate[0].1, TimeType::Set);
        assert_eq!(rate[0].2.as_deref(), Some("P1D"));
        let within = run("It could happen within a day.", UncertainDate::unknown());
        assert_eq!(within[0].1, TimeType::Duration);
    }

    #[test]
    fn a_past_month_is_never_after_the_anchor() {
        // months later in the calendar than the anchor's are last year's
        check("The loss was recorded in April.", "2010-12-14", &[("April", "2010-04")]);
        check("The loss was recorded in November.", "2011-02-14", &[("November", "2010-11")]);
        check("Talks will resume in April.", "2010-12-14", &[("April", "2011-04")]);
    }

    #[test]
    fn until_month_is_future() {
        check("He gave Russia until September to strike a deal.", "2025-07-23", &[("September", "2025-09")]);
        check("Moscow annexed them in September 2022.", "2025-07-23", &[("September 2022", "2022-09")]);
    }

    #[test]
    fn a_stretch_back_from_the_anchor_bounds_what_happened_in_it() {
        let day = UncertainDate::day(d("2010-06-16"));
        let got = run("Officials met three times in the past three days.", day.clone());
        let past = got.iter().find(|x| x.0 == "the past three days").expect("a duration");
        assert_eq!((past.1, past.2.as_deref()), (TimeType::Duration, Some("P3D")), "the value stays a duration");
        assert_eq!(past.3, UncertainDate::between(Some(d("2010-06-13")), Some(d("2010-06-16"))));
        let vague = run("Talks have stalled in recent weeks.", day.clone());
        assert_eq!(vague[0].3, UncertainDate::between(Some(d("2010-04-14")), Some(d("2010-06-16"))), "a vague count is at most nine units");
        // a length with no anchor in time dates nothing
        let plain = run("The talks lasted three days.", day);
        assert!(plain[0].3.is_unknown());
    }

    #[test]
    fn not_times() {
        assert!(values("They fired 1000 drones and 200 tankers.", "2025-05-16").is_empty());
        assert!(values("You may go. The march was long.", "2025-05-16").is_empty());
    }

    #[test]
    fn bounded_doc_date_gives_bounds_not_value() {
        // 2025-05-27 is a Tuesday, 2025-06-19 a Thursday
        let doc = UncertainDate::between(Some(d("2025-05-27")), Some(d("2025-06-19")));
        let got = run("The talks on Friday ended.", doc.clone());
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].2, None);
        assert_eq!(got[0].3.value, None);
        assert_eq!(got[0].3.earliest, Some(d("2025-05-23")));
        assert_eq!(got[0].3.latest, Some(d("2025-06-13")));
        // absolute dates stay exact
        let got = run("They met on 16 May 2025.", doc.clone());
        assert_eq!(got[0].2.as_deref(), Some("2025-05-16"));
        // a month both bounds agree on keeps its value
        let got = run("It happened this year.", doc.clone());
        assert_eq!(got[0].2.as_deref(), Some("2025"));
        // unknown doc date: no value, unknown bounds
        let got = run("It happened yesterday.", UncertainDate::unknown());
        assert_eq!(got[0].2, None);
        assert!(got[0].3.is_unknown());
        // durations need no anchor
        let got = run("It lasted 50 days.", UncertainDate::unknown());
        assert_eq!(got[0].2.as_deref(), Some("P50D"));
    }

    // ---- numbers that are not dates (issue 14); 2011-03-21 is a Monday

    #[test]
    fn identifiers_are_not_years() {
        check("The council adopted Resolution 1973 on Thursday.", "2011-03-21", &[("Thursday", "2011-03-17")]);
        assert!(values("Under resolution No. 2009 the embargo stays in force.", "2011-03-21").is_empty());
        assert!(values("Flight 1549 landed safely and Route 2011 was closed.", "2011-03-21").is_empty());
        assert!(values("Article 2012 of the charter gives the court its powers.", "2011-03-21").is_empty());
    }

    #[test]
    fn counts_prices_and_scores_are_not_years() {
        assert!(values("Officials said they killed between 1000 and 2000.", "2011-03-21").is_empty());
        assert!(values("Between 1800 and 2000 protesters gathered.", "2011-03-21").is_empty());
        assert!(values("The index closed at 1845, and the rival gauge rose to 2011.", "2011-03-21").is_empty());
        assert!(values("Gold hit $1420 and the home side won by 1998 points.", "2011-03-21").is_empty());
        assert!(values("Some 2011 people were wounded, and 1999 more fled.", "2011-03-21").is_empty());
    }

    #[test]
    fn clock_times_are_not_years_and_take_the_day_of_their_sentence() {
        check(
            "Jets struck shortly after 1800 GMT on Friday.",
            "2011-03-21",
            &[("1800 GMT", "2011-03-18T18:00"), ("Friday", "2011-03-18")],
        );
        check(
            "The curfew starts at 2200 and ends at 0600 local time.",
            "2011-03-21",
            &[("2200", "2011-03-21T22:00"), ("0600 local time", "2011-03-21T06:00")],
        );
        check("On Saturday the ship left port at 9 a.m.", "2011-03-21", &[("Saturday", "2011-03-19"), ("9 a.m.", "2011-03-19T09:00")]);
        check("The patrol left at 2330 hours.", "2011-03-21", &[("2330 hours", "2011-03-21T23:30")]);
        // a unit after a count is a duration's, not a clock's
        check("Engineers spent 1200 hours on the repairs.", "2011-03-21", &[("1200 hours", "PT1200H")]);
    }

    #[test]
    fn a_bare_number_is_a_year_only_with_year_evidence() {
        check("The colonel has ruled since 1969 and fell in 2011.", "2011-10-21", &[("1969", "1969"), ("2011", "2011")]);
        check("Exports peaked in the summer of 2008 and again in mid-2010.", "2011-03-21", &[("2008", "2008"), ("2010", "2010")]);
        check("Prices climbed between 2009 and 2011.", "2011-03-21", &[("2009", "2009"), ("2011", "2011")]);
        check("Its 2011 uprising echoed the 1989 Exxon Valdez accident.", "2011-03-21", &[("2011", "2011"), ("1989", "1989")]);
        check("The bonds fall due 1993, after the year 2000.", "1990-03-21", &[("1993", "1993"), ("2000", "2000")]);
        assert!(values("Police counted 2011 in the square.", "2011-03-21").is_empty(), "no year evidence");
    }

    fn document(text: &str, date: &str) -> Document {
        let mut meta = chronicle_core::Metadata::default();
        meta.published.date = UncertainDate::day(d(date));
        let mut doc = Document::new(
            chronicle_core::DocId::from_text(text),
            "test".into(),
            chronicle_core::InputFormat::Text,
            Vec::new(),
            text.into(),
            text.into(),
            meta,
        );
        annotate(&mut doc);
        doc
    }

    #[test]
    fn an_attributive_year_names_the_noun_it_modifies() {
        let doc = document("The spill was the worst since the 1989 Exxon Valdez accident. Rebels took the port in 2011.", "2010-05-02");
        let body = doc.body();
        let by_text = |w: &str| doc.times.iter().find(|t| t.span.text(body) == w).expect(w);
        assert_eq!(by_text("1989").modifies.map(|s| s.text(body)), Some("accident"));
        assert_eq!(by_text("2011").modifies, None);
        let doc = document("Moscow's 2022 invasion ended the talks.", "2025-05-02");
        assert_eq!(doc.times[0].modifies.map(|s| s.text(doc.body())), Some("invasion"));
    }

    #[test]
    fn weekdays_take_the_direction_of_their_tense() {
        // past: the most recent such day on or before the publication day (the
        // publication weekday is that day itself, as in TimeML news)
        check("Rebels seized the town on Friday.", "2011-03-21", &[("Friday", "2011-03-18")]);
        check("Rebels said they seized the town on Monday.", "2011-03-21", &[("Monday", "2011-03-21")]);
        // a past reporting verb governs the weekday, not the future clause after it
        check("Officials said Monday they will hold talks.", "2011-03-21", &[("Monday", "2011-03-21")]);
        // future: the next such day, the publication day itself included
        check("The envoy will arrive on Friday.", "2011-03-21", &[("Friday", "2011-03-25")]);
        check("The envoy will arrive on Monday.", "2011-03-21", &[("Monday", "2011-03-21")]);
        check("He said on Saturday that talks will resume on Friday.", "2011-03-21", &[("Saturday", "2011-03-19"), ("Friday", "2011-03-25")]);
        check("They will say the attack happened on Friday.", "2011-03-21", &[("Friday", "2011-03-18")]);
        // the be-to future ("is to meet") looks forward like "will"
        check("The envoy is to meet the minister on Friday.", "2011-03-21", &[("Friday", "2011-03-25")]);
        check("The talks are to resume in Geneva on Thursday.", "2011-03-21", &[("Thursday", "2011-03-24")]);
        // the future of a past telling ("said he would …") looks forward from the writing day
        check("He said he would press the envoys at a meeting on Wednesday.", "2011-03-21", &[("Wednesday", "2011-03-23")]);
        // "next" and "last" move a week
        check("Talks resume next Monday after last Monday's clash.", "2011-03-21", &[("next Monday", "2011-03-28"), ("last Monday", "2011-03-14")]);
        // a fronted phrase or clause takes the tense of the main clause after its comma
        check("In his meeting with the envoy on Wednesday, the minister will press for a truce.", "2011-03-21", &[("Wednesday", "2011-03-23")]);
        check("When the envoy visits Gao on Thursday, he plans to meet the rebels.", "2011-03-21", &[("Thursday", "2011-03-24")]);
        check("On Friday, the envoy will fly to Gao.", "2011-03-21", &[("Friday", "2011-03-25")]);
        // but not past a verb told in the past, before or after the comma
        check("On Friday, the minister said he will resign.", "2011-03-21", &[("Friday", "2011-03-18")]);
        check("On Friday, the government planned to pay the first claims.", "2011-03-21", &[("Friday", "2011-03-18")]);
        check("On Friday, when the minister set aside his plans, the army withdrew.", "2011-03-21", &[("Friday", "2011-03-18")]);
        check("The envoy arrived on Friday, and he will meet the rebels.", "2011-03-21", &[("Friday", "2011-03-18")]);
    }

    #[test]
    fn sentence_split_keeps_abbreviations() {
        let t = "Mr. Smith met Lt. Gen. Kellogg in the U.S. on Friday. He left.";
        let s = split_sentences(t);
        assert_eq!(s.len(), 2);
    }
}
