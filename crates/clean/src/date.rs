//! Publication dates: explicit strings, relative stamps against a crawl time, and bounds
//! inferred from the dates a text mentions.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime};
use chronicle_core::{DateBasis, PublishedDate, UncertainDate};
use regex::{Captures, Regex};

use crate::lexicon::{Unit, LEXICON};

/// A date the text mentions, at the precision written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mention {
    /// A full date with its year.
    Full(NaiveDate),
    /// A month and day without a year.
    MonthDay(u32, u32),
    /// A month of a year.
    MonthYear(i32, u32),
    /// A year.
    Year(i32),
}

/// A relative stamp ("4 days ago", "yesterday").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stamp {
    /// `n` units before the crawl.
    Ago(i64, Unit),
    /// A day offset from the crawl date (yesterday = -1).
    Day(i64),
}

impl Stamp {
    /// The day(s) the stamp can mean, given the crawl time.
    pub(crate) fn resolve(self, crawled: NaiveDateTime) -> UncertainDate {
        let day = crawled.date();
        match self {
            Stamp::Day(off) => UncertainDate::day(day + Duration::days(off)),
            Stamp::Ago(n, unit) => {
                let (lo, hi) = match unit {
                    Unit::Minute => (crawled - Duration::minutes(n + 1), crawled - Duration::minutes(n)),
                    Unit::Hour => (crawled - Duration::hours(n + 1), crawled - Duration::hours(n)),
                    Unit::Day => (crawled - Duration::days(n + 1), crawled - Duration::days(n)),
                    Unit::Week => (crawled - Duration::days(7 * (n + 1)), crawled - Duration::days(7 * n)),
                    Unit::Month => (crawled - Duration::days(31 * (n + 1)), crawled - Duration::days(28 * n)),
                    Unit::Year => (crawled - Duration::days(366 * (n + 1)), crawled - Duration::days(365 * n)),
                };
                UncertainDate::between(Some(lo.date()), Some(hi.date()))
            }
        }
    }
}

/// The first relative stamp in a line, with its byte range.
pub(crate) fn find_stamp(line: &str) -> Option<(usize, usize, Stamp)> {
    let lx = &*LEXICON;
    for re in &lx.relative {
        if let Some(c) = re.captures(line) {
            let m = c.get(0)?;
            let n_text = c.name("n")?.as_str().to_lowercase();
            let n = n_text.parse::<i64>().ok().or_else(|| lx.numbers.get(&n_text).copied())?;
            let unit = *lx.units.get(&c.name("unit")?.as_str().to_lowercase())?;
            // The number may be glued to a preceding word ("timea day ago"); the
            // match itself starts at the number.
            return Some((m.start(), m.end(), Stamp::Ago(n, unit)));
        }
    }
    let c = lx.dayword.captures(line)?;
    let w = c.name("w")?;
    // "Today" inside a name ("Example Today") is not a stamp: a capitalised day word must
    // open the line.
    let first_word = line.get(..w.start())?.chars().all(|ch| !ch.is_alphanumeric());
    if !first_word && w.as_str().chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let off = *lx.daywords.get(&w.as_str().to_lowercase())?;
    Some((w.start(), w.end(), Stamp::Day(off)))
}

fn month_of(word: &str, must_be_capitalised: bool) -> Option<u32> {
    let (m, english) = *LEXICON.months.get(&word.to_lowercase())?;
    // English month names double as words ("may", "march"): require a capital.
    if english && must_be_capitalised && !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    Some(m)
}

fn num(c: &Captures, name: &str) -> Option<i64> {
    c.name(name)?.as_str().parse().ok()
}

/// Every date mention in a text, with byte ranges, longest forms first, not overlapping.
pub(crate) fn mentions(text: &str) -> Vec<(usize, usize, Mention)> {
    let lx = &*LEXICON;
    let mut out: Vec<(usize, usize, Mention)> = Vec::new();
    let free = |out: &Vec<(usize, usize, Mention)>, s: usize, e: usize| out.iter().all(|&(a, b, _)| e <= a || b <= s);
    for c in lx.iso.captures_iter(text) {
        let (Some(y), Some(m), Some(d), Some(all)) = (num(&c, "y"), num(&c, "m"), num(&c, "d"), c.get(0)) else { continue };
        if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m as u32, d as u32) {
            out.push((all.start(), all.end(), Mention::Full(date)));
        }
    }
    for re in [&lx.mdy, &lx.dmy] {
        for c in re.captures_iter(text) {
            let Some(all) = c.get(0) else { continue };
            if !free(&out, all.start(), all.end()) {
                continue;
            }
            let Some(m) = c.name("mon").and_then(|w| month_of(w.as_str(), true)) else { continue };
            let Some(d) = num(&c, "d").filter(|d| (1..=31).contains(d)) else { continue };
            let mention = match num(&c, "y") {
                Some(y) => match NaiveDate::from_ymd_opt(y as i32, m, d as u32) {
                    Some(date) => Mention::Full(date),
                    None => continue,
                },
                None => Mention::MonthDay(m, d as u32),
            };
            out.push((all.start(), all.end(), mention));
        }
    }
    for c in lx.numeric.captures_iter(text) {
        let (Some(a), Some(b), Some(y), Some(all)) = (num(&c, "a"), num(&c, "b"), num(&c, "y"), c.get(0)) else { continue };
        // Day-first or month-first is only certain when one side exceeds 12.
        let date = match (a > 12, b > 12) {
            (true, false) => NaiveDate::from_ymd_opt(y as i32, b as u32, a as u32),
            (false, true) => NaiveDate::from_ymd_opt(y as i32, a as u32, b as u32),
            _ if a == b => NaiveDate::from_ymd_opt(y as i32, a as u32, b as u32),
            _ => None,
        };
        if let Some(date) = date.filter(|_| free(&out, all.start(), all.end())) {
            out.push((all.start(), all.end(), Mention::Full(date)));
        }
    }
    for c in lx.month_year.captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        if !free(&out, all.start(), all.end()) {
            continue;
        }
        if let (Some(m), Some(y)) = (c.name("mon").and_then(|w| month_of(w.as_str(), true)), num(&c, "y")) {
            out.push((all.start(), all.end(), Mention::MonthYear(y as i32, m)));
        }
    }
    for c in lx.year.captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        if free(&out, all.start(), all.end()) {
            if let Some(y) = num(&c, "y") {
                out.push((all.start(), all.end(), Mention::Year(y as i32)));
            }
        }
    }
    out.sort_by_key(|m| m.0);
    out
}

/// True when every bound of `d` lies in `years`.
pub(crate) fn within(d: &UncertainDate, years: &std::ops::RangeInclusive<i32>) -> bool {
    [d.earliest, d.latest].iter().flatten().all(|day| years.contains(&day.year()))
}

/// Parses a date string from metadata (ISO 8601 / RFC 3339, RFC 2822, "May 16, 2025",
/// "16 May 2025", "2025-05"). `None` when nothing usable is there. A minus sign
/// before a year makes no date.
pub(crate) fn parse_date_string(s: &str) -> Option<UncertainDate> {
    let s = s.trim();
    if s.starts_with('-') {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(UncertainDate::day(dt.date_naive()));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(UncertainDate::day(dt.date_naive()));
    }
    if let Some(day) = parse_datetime(s).map(|d| d.date()) {
        return Some(UncertainDate::day(day));
    }
    for (_, _, m) in mentions(s) {
        match m {
            Mention::Full(d) => return Some(UncertainDate::day(d)),
            Mention::MonthYear(y, m) => return UncertainDate::parse_value(&format!("{y:04}-{m:02}")).ok(),
            _ => {}
        }
    }
    if s.len() == 7 || s.len() == 4 {
        return UncertainDate::parse_value(s).ok();
    }
    None
}

/// Parses a crawl time ("2025-06-06T10:00:00Z", "2025-06-06 10:00:00", "2025-06-06").
pub(crate) fn parse_datetime(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.naive_utc());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.naive_utc());
    }
    // the last: wire archives' "26-FEB-1987 15:01:01.79" (Reuters-21578's <DATE>)
    for f in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%dT%H:%M", "%Y%m%d%H%M%S", "%d-%b-%Y %H:%M:%S%.f"] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, f) {
            return Some(dt);
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().and_then(|d| d.and_hms_opt(12, 0, 0))
}

/// True when the words around a mention place it in the past: the sentence reports
/// something done (a past-tense word) and no future word sits in it or just before the date.
fn past_context(text: &str, start: usize, end: usize) -> bool {
    let lx = &*LEXICON;
    let before = text.get(..start).unwrap_or("");
    let after = text.get(end..).unwrap_or("");
    let s_start = before.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
    let s_end = after.find(['.', '!', '?', '\n']).map_or(text.len(), |i| end + i);
    let sentence = text.get(s_start..s_end).unwrap_or("");
    let words: Vec<String> = sentence
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let near: Vec<String> = before
        .get(s_start..)
        .unwrap_or("")
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let near_future = near.iter().rev().take(4).any(|w| lx.future.contains(w));
    let sentence_future = words.iter().any(|w| w == "will" || w == "next" || w == "shall");
    let past = words.iter().any(|w| lx.past.contains(w) || (w.len() > 4 && w.ends_with("ed")));
    past && !near_future && !sentence_future
}

/// Weekday names and sure-future words from `data/clean/dates.tsv`, with the regexes
/// that find a weekday written next to a date.
struct WeekdayCues {
    /// Lower-case weekday name → 1 (Monday)..7.
    weekdays: HashMap<String, u32>,
    /// Words that put a date a few words later in the future for certain.
    sure_future: Vec<String>,
    /// A weekday right before a date: "Monday, ", "Friday (", "Monday the ".
    before: Option<Regex>,
    /// A weekday in brackets right after a date: " (Monday)".
    after: Option<Regex>,
}

static CUES: LazyLock<WeekdayCues> = LazyLock::new(|| {
    let mut weekdays = HashMap::new();
    let mut sure_future = Vec::new();
    for line in include_str!("../../../data/clean/dates.tsv").lines() {
        if line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        match (f.first().copied(), f.get(1).copied(), f.get(2).map(|w| w.trim().to_lowercase()), f.get(3)) {
            (Some("weekday"), Some("en"), Some(w), Some(v)) => {
                if let Ok(n) = v.trim().parse::<u32>() {
                    weekdays.insert(w, n);
                }
            }
            (Some("sure_future"), Some("en"), Some(w), _) if !w.is_empty() => sure_future.push(w),
            _ => {}
        }
    }
    let mut names: Vec<&String> = weekdays.keys().collect();
    names.sort();
    let alt = names.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|");
    let before = (!alt.is_empty())
        .then(|| Regex::new(&format!(r"(?i)(?-u:\b)({alt})(?:\s*,\s*|\s*\(\s*|\s+)(?:the\s+)?$")).ok())
        .flatten();
    let after = (!alt.is_empty()).then(|| Regex::new(&format!(r"(?i)^\s*\(\s*({alt})\s*\)")).ok()).flatten();
    WeekdayCues { weekdays, sure_future, before, after }
});

/// The weekday (1 = Monday) written right next to the date at `start..end`:
/// "Monday, June 2", "Monday (June 2)", "June 2 (Monday)".
fn stated_weekday(text: &str, start: usize, end: usize) -> Option<u32> {
    let cues = &*CUES;
    let mut from = start.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (end + 16).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let found = cues
        .before
        .as_ref()
        .and_then(|re| re.captures(text.get(from..start)?))
        .or_else(|| cues.after.as_ref().and_then(|re| re.captures(text.get(end..to)?)))?;
    cues.weekdays.get(&found.get(1)?.as_str().to_lowercase()).copied()
}

/// The only day in `years` on which month `mo`, day `d` falls on weekday `wd`.
fn pin_year(mo: u32, d: u32, wd: u32, years: std::ops::RangeInclusive<i32>) -> Option<NaiveDate> {
    let mut hits = years.filter_map(|y| NaiveDate::from_ymd_opt(y, mo, d)).filter(|x| x.weekday().number_from_monday() == wd);
    let first = hits.next()?;
    hits.next().is_none().then_some(first)
}

/// True when the date at `start` is surely after the document: a sure-future word
/// ("will") at most five words before it, the date introduced by a time preposition
/// ("on", "in", "from"), and no past-tense verb in between ("will discuss what
/// happened on May 16" is not future; "will be held on" is).
fn future_context(text: &str, start: usize) -> bool {
    let lx = &*LEXICON;
    let cues = &*CUES;
    let before = text.get(..start).unwrap_or("");
    let s_start = before.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
    let mut words: Vec<String> = before
        .get(s_start..)
        .unwrap_or("")
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    // "on Monday, June 2": look past the weekday and an article
    while words.last().is_some_and(|w| cues.weekdays.contains_key(w) || w == "the") {
        words.pop();
    }
    if !words.last().is_some_and(|w| matches!(w.as_str(), "on" | "in" | "from" | "at")) {
        return false;
    }
    let n = words.len();
    let window = &words[n.saturating_sub(6)..];
    let Some(k) = window.iter().rposition(|w| cues.sure_future.iter().any(|f| f == w.trim_start_matches('\''))) else {
        return false;
    };
    let between = &window[k + 1..];
    !between.iter().enumerate().any(|(i, w)| {
        let past = lx.past.contains(w) || (w.len() > 4 && w.ends_with("ed"));
        let passive = i > 0 && between.get(i - 1).is_some_and(|p| p == "be" || p == "been");
        past && !passive
    })
}

/// Bounds on the publication date from the dates a text mentions as past. English only;
/// `crawled` caps the upper bound. `value` is never set here: content alone rarely pins
/// one day, and a false exact date is worse than none.
pub(crate) fn infer_from_content(text: &str, language: Option<&str>, crawled: Option<NaiveDate>) -> PublishedDate {
    let latest = crawled;
    if language.is_some_and(|l| l != "en") {
        return bounds(None, latest);
    }
    let found = mentions(text);
    let past: Vec<Mention> = found
        .iter()
        .filter(|(s, e, _)| past_context(text, *s, *e))
        .map(|m| m.2)
        .collect();
    let mut earliest: Option<NaiveDate> = None;
    let mut bump = |d: Option<NaiveDate>| {
        if let Some(d) = d {
            if earliest.is_none_or(|e| d > e) {
                earliest = Some(d);
            }
        }
    };
    let mut max_year: Option<i32> = None;
    for m in &past {
        let (d, y) = match *m {
            Mention::Full(d) => (Some(d), Some(d.year())),
            Mention::MonthYear(y, mo) => (NaiveDate::from_ymd_opt(y, mo, 1), Some(y)),
            Mention::Year(y) => (NaiveDate::from_ymd_opt(y, 1, 1), Some(y)),
            Mention::MonthDay(..) => (None, None),
        };
        bump(d);
        if let Some(y) = y {
            max_year = max_year.max(Some(y));
        }
    }
    // Month-day mentions need a year: the crawl year, else the latest year the text
    // mentions as past (the document cannot be older than that year). Mentions that
    // straddle a new year are ambiguous and skipped.
    let month_days: Vec<(u32, u32)> = past
        .iter()
        .filter_map(|m| if let Mention::MonthDay(mo, d) = *m { Some((mo, d)) } else { None })
        .collect();
    let straddles = month_days.iter().any(|m| m.0 >= 11) && month_days.iter().any(|m| m.0 <= 2);
    if !straddles {
        for (mo, d) in month_days {
            let resolved = match crawled {
                Some(c) => NaiveDate::from_ymd_opt(c.year(), mo, d)
                    .and_then(|x| if x <= c { Some(x) } else { NaiveDate::from_ymd_opt(c.year() - 1, mo, d) }),
                None => max_year.and_then(|y| NaiveDate::from_ymd_opt(y, mo, d)),
            };
            bump(resolved);
        }
    }
    // A weekday written with a year-less date ("Monday, June 2") pins its year among
    // the few the text allows: around the crawl year, else from the latest year the
    // text mentions as past up to five years on. Past: the document is on or after
    // it; said with no tense: within a year of it (the writer left the year out).
    let window = match (crawled, max_year) {
        (Some(c), _) => Some((c.year() - 1)..=(c.year() + 1)),
        (None, Some(y)) => Some(y..=(y + 5)),
        (None, None) => None,
    };
    let mut caps: Vec<NaiveDate> = Vec::new();
    for &(s, e, m) in &found {
        let future = future_context(text, s);
        if let Mention::MonthDay(mo, d) = m {
            let (Some(wd), Some(years)) = (stated_weekday(text, s, e), window.clone()) else { continue };
            let Some(day) = pin_year(mo, d, wd, years) else { continue };
            if future {
                // only a window anchored on the crawl keeps a cap safe
                if crawled.is_some() {
                    caps.push(day);
                }
            } else if past_context(text, s, e) {
                bump(Some(day));
            } else {
                bump(day.checked_sub_signed(Duration::days(366)));
            }
        } else if future {
            // A dated future event ("will be held on July 9, 2026") is after the document.
            let cap = match m {
                Mention::Full(d) => Some(d),
                Mention::MonthYear(y, mo) => NaiveDate::from_ymd_opt(if mo == 12 { y + 1 } else { y }, if mo == 12 { 1 } else { mo + 1 }, 1)
                    .and_then(|x| x.pred_opt()),
                Mention::Year(y) => NaiveDate::from_ymd_opt(y, 12, 31),
                Mention::MonthDay(..) => None,
            };
            caps.extend(cap);
        }
    }
    // A cap below what the past mentions prove is a misreading: ignore it.
    let mut latest = latest;
    for cap in caps {
        if earliest.is_none_or(|e| e <= cap) && latest.is_none_or(|l| cap < l) {
            latest = Some(cap);
        }
    }
    bounds(earliest, latest)
}

fn bounds(earliest: Option<NaiveDate>, latest: Option<NaiveDate>) -> PublishedDate {
    let earliest = earliest.filter(|e| latest.is_none_or(|l| *e <= l));
    if earliest.is_none() && latest.is_none() {
        return PublishedDate::default();
    }
    let mut date = UncertainDate::between(earliest, latest);
    // Bounds that meet do not make an inferred exact day.
    date.value = None;
    PublishedDate { date, basis: DateBasis::Inferred }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_minus_sign_makes_no_date() {
        // Regression (#17 item 9): "-5000-01-01" was read as the year 5000.
        assert_eq!(parse_date_string("-5000-01-01"), None);
        assert_eq!(parse_date_string("2024-03-02").and_then(|d| d.value), Some("2024-03-02".to_string()));
        let years = 1600..=2200;
        assert!(!within(&parse_date_string("0000-01-01").unwrap_or_default(), &years));
        assert!(within(&parse_date_string("2024-03").unwrap_or_default(), &years));
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn mentions_at_each_precision() {
        let m = mentions("On May 16, 2025 and 3 June they met; in September 2022 and 2019; may 5 people.");
        let kinds: Vec<Mention> = m.iter().map(|x| x.2).collect();
        assert_eq!(
            kinds,
            vec![
                Mention::Full(d("2025-05-16")),
                Mention::MonthDay(6, 3),
                Mention::MonthYear(2022, 9),
                Mention::Year(2019)
            ]
        );
    }

    #[test]
    fn date_strings_from_metadata() {
        assert_eq!(parse_date_string("2025-05-17T08:00:00+02:00").unwrap().value.as_deref(), Some("2025-05-17"));
        assert_eq!(parse_date_string("26-FEB-1987 15:01:01.79").and_then(|d| d.value).as_deref(), Some("1987-02-26"));
        assert_eq!(parse_date_string(" 8-MAR-1987 09:10:11.00").and_then(|d| d.value).as_deref(), Some("1987-03-08"));
        assert_eq!(parse_date_string("Sat, 17 May 2025 10:00:00 GMT").unwrap().value.as_deref(), Some("2025-05-17"));
        assert_eq!(parse_date_string("July 24, 2012 12:11 AM").unwrap().value.as_deref(), Some("2012-07-24"));
        assert_eq!(parse_date_string("2025-05").unwrap().value.as_deref(), Some("2025-05"));
        assert!(parse_date_string("soon").is_none());
    }

    #[test]
    fn relative_stamps_resolve_only_to_what_they_support() {
        let crawl = d("2025-06-06").and_hms_opt(9, 0, 0).unwrap();
        let (_, _, s) = find_stamp("Example Wire4 days ago").unwrap();
        let u = s.resolve(crawl);
        assert_eq!((u.earliest, u.latest), (Some(d("2025-06-01")), Some(d("2025-06-02"))));
        assert_eq!(u.value, None);
        let (_, _, y) = find_stamp("Ayer 18:00").unwrap();
        assert_eq!(y.resolve(crawl).value.as_deref(), Some("2025-06-05"));
    }

    #[test]
    fn inferred_lower_bound_skips_future_dates() {
        let text = "The first round on May 16 ended without a deal. On May 26, the president described him as crazy in 2025 remarks he made. Further talks were proposed for a date between June 20 and June 30. Elections will be held on July 9.";
        let p = infer_from_content(text, Some("en"), None);
        assert_eq!(p.basis, DateBasis::Inferred);
        assert_eq!(p.date.earliest, Some(d("2025-05-26")));
        assert_eq!(p.date.value, None);
        let with_crawl = infer_from_content(text, Some("en"), Some(d("2025-06-06")));
        assert_eq!(with_crawl.date.latest, Some(d("2025-06-06")));
        assert!(infer_from_content("Nothing dated here.", Some("en"), None).date.is_unknown());
    }

    // Invented sentences. 2025-06-02 and 2025-06-30 are Mondays; June 2 is a Monday in no
    // other year from 2022 to 2027.
    #[test]
    fn stated_weekday_pins_the_year_of_a_past_date() {
        let text = "The war began in 2022. The delegations met on Monday, June 2, in the port city.";
        let p = infer_from_content(text, Some("en"), None);
        assert_eq!(p.date.earliest, Some(d("2025-06-02")));
        assert_eq!(p.date.value, None);
        let bracketed = "The war began in 2022. The delegations met on June 2 (Monday) in the port city.";
        assert_eq!(infer_from_content(bracketed, Some("en"), None).date.earliest, Some(d("2025-06-02")));
        // without the weekday only the year the text gives is known
        let plain = "The war began in 2022. The delegations met on June 2 in the port city.";
        assert_eq!(infer_from_content(plain, Some("en"), None).date.earliest, Some(d("2022-06-02")));
        // a weekday no candidate year fits adds nothing
        let wrong = "The war began in 2022. The delegations met on Saturday, June 2, in the port city.";
        assert_eq!(infer_from_content(wrong, Some("en"), None).date.earliest, Some(d("2022-06-02")));
        // no year anywhere and no crawl: nothing to pin against
        assert!(infer_from_content("They met on Monday, June 2.", Some("en"), None).date.is_unknown());
    }

    #[test]
    fn surely_future_dates_cap_the_document_date() {
        let text = "The war began in 2022. Elections will be held on July 9, 2026.";
        let p = infer_from_content(text, Some("en"), None);
        assert_eq!((p.date.earliest, p.date.latest), (Some(d("2022-01-01")), Some(d("2026-07-09"))));
        let month = infer_from_content("A vote will take place in March 2027.", Some("en"), None);
        assert_eq!(month.date.latest, Some(d("2027-03-31")));
        // not future: a past verb between "will" and the date, or no time preposition
        let past = infer_from_content("They will discuss what happened on May 16, 2025.", Some("en"), None);
        assert_eq!(past.date.latest, None);
        let noun = infer_from_content("The court will review the 2014 ruling.", Some("en"), None);
        assert_eq!(noun.date.latest, None);
        // a cap below a proven lower bound is ignored
        let clash = "The talks ended on May 3, 2025. Talks will resume on April 1, 2025.";
        let c = infer_from_content(clash, Some("en"), None);
        assert_eq!((c.date.earliest, c.date.latest), (Some(d("2025-05-03")), None));
    }

    #[test]
    fn future_weekday_date_caps_only_around_the_crawl() {
        let text = "The envoys will meet on Monday, June 30, in the port city.";
        let p = infer_from_content(text, Some("en"), Some(d("2025-07-10")));
        assert_eq!(p.date.latest, Some(d("2025-06-30")));
        let loose = "The war began in 2022. The envoys will meet on Monday, June 30, in the port city.";
        assert_eq!(infer_from_content(loose, Some("en"), None).date.latest, None);
    }
}
