use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::CoreError;

/// Ranges wider than this order by their latest day ([`UncertainDate::order_key`]).
const WIDE_RANGE_DAYS: i64 = 31;

/// A date known only within bounds.
///
/// `value` is set only when the text supports one exact day (or a month or a
/// year at that precision, written `YYYY-MM` / `YYYY`). `earliest`/`latest`
/// bound what is known; both `None` means unknown. A false exact date is worse
/// than none: code that cannot pin a day leaves `value` empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UncertainDate {
    /// ISO 8601 at the precision the text supports (`2025-05-16`, `2025-05`, `2025`).
    pub value: Option<String>,
    /// Earliest possible day.
    pub earliest: Option<NaiveDate>,
    /// Latest possible day.
    pub latest: Option<NaiveDate>,
    /// The weekday the text names (1 = Monday … 7 = Sunday) when it names one
    /// but not the date ("on Monday" in an article whose own date is only
    /// bounded). The bounds are then days of that weekday; two reports of one
    /// event can pin the day together ([`UncertainDate::intersect`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekday: Option<u8>,
    /// The month and day the text names when the year stays open ("on June 2"
    /// in an article whose own year is not known): the bounds are then that
    /// day of the first and last possible year, and only that day of a year
    /// in between is possible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month_day: Option<(u8, u8)>,
}

impl UncertainDate {
    /// Nothing known.
    pub fn unknown() -> UncertainDate {
        UncertainDate::default()
    }

    /// Exactly one day.
    pub fn day(d: NaiveDate) -> UncertainDate {
        UncertainDate { value: Some(d.format("%Y-%m-%d").to_string()), earliest: Some(d), latest: Some(d), weekday: None, month_day: None }
    }

    /// Somewhere in `[earliest, latest]` (either side open).
    pub fn between(earliest: Option<NaiveDate>, latest: Option<NaiveDate>) -> UncertainDate {
        match (earliest, latest) {
            (Some(a), Some(b)) if a == b => UncertainDate::day(a),
            _ => UncertainDate { value: None, earliest, latest, weekday: None, month_day: None },
        }
    }

    /// Somewhere in `[earliest, latest]` on the given weekday (1 = Monday):
    /// the bounds move inwards to days of that weekday, and when one day is
    /// left it becomes the value. `None` when no such day is in the range.
    pub fn on_weekday(earliest: Option<NaiveDate>, latest: Option<NaiveDate>, weekday: u8) -> Option<UncertainDate> {
        UncertainDate::constrained(earliest, latest, Some(weekday), None)
    }

    /// Somewhere in `[earliest, latest]` on the given month and day of an
    /// open year ("June 2"): the bounds move inwards to that day, and when one
    /// year is left the day becomes the value. `None` when no year fits.
    pub fn on_month_day(earliest: Option<NaiveDate>, latest: Option<NaiveDate>, month: u8, day: u8) -> Option<UncertainDate> {
        UncertainDate::constrained(earliest, latest, None, Some((month, day)))
    }

    /// The days in `[earliest, latest]` that fall on `weekday` and on
    /// `month_day` (either may be absent), as an uncertain date.
    fn constrained(
        earliest: Option<NaiveDate>,
        latest: Option<NaiveDate>,
        weekday: Option<u8>,
        month_day: Option<(u8, u8)>,
    ) -> Option<UncertainDate> {
        let weekday = weekday.filter(|w| (1..=7).contains(w));
        let month_day = month_day.filter(|&(m, d)| NaiveDate::from_ymd_opt(2024, m as u32, d as u32).is_some());
        let fits = |d: NaiveDate| {
            weekday.map_or(true, |w| d.weekday().number_from_monday() == w as u32)
                && month_day.map_or(true, |(m, day)| d.month() == m as u32 && d.day() == day as u32)
        };
        // the next (or previous) fitting day from `d`: by years for a month-day
        // (a weekday repeats on a date within 28 years), else by days
        let step = |d: NaiveDate, forward: bool| -> Option<NaiveDate> {
            match month_day {
                Some((m, day)) => {
                    let years: Box<dyn Iterator<Item = i32>> =
                        if forward { Box::new(d.year()..d.year() + 29) } else { Box::new((d.year() - 28..=d.year()).rev()) };
                    years
                        .filter_map(|y| NaiveDate::from_ymd_opt(y, m as u32, day as u32))
                        .filter(|x| if forward { *x >= d } else { *x <= d })
                        .find(|x| fits(*x))
                }
                None => {
                    let days: Box<dyn Iterator<Item = i64>> = Box::new(0..7);
                    days.map(|k| if forward { d + chrono::Duration::days(k) } else { d - chrono::Duration::days(k) }).find(|x| fits(*x))
                }
            }
        };
        if weekday.is_none() && month_day.is_none() {
            return Some(UncertainDate::between(earliest, latest));
        }
        let lo = match earliest {
            Some(d) => Some(step(d, true)?),
            None => None,
        };
        let hi = match latest {
            Some(d) => Some(step(d, false)?),
            None => None,
        };
        match (lo, hi) {
            (Some(a), Some(b)) if a > b => None,
            (Some(a), Some(b)) if a == b => Some(UncertainDate::day(a)),
            _ => Some(UncertainDate { value: None, earliest: lo, latest: hi, weekday, month_day }),
        }
    }

    /// Earliest and latest possible day (a month or year value gives its
    /// first and last day).
    pub fn bounds(&self) -> (Option<NaiveDate>, Option<NaiveDate>) {
        if let Some(v) = self.value.as_deref().and_then(bounds_of_value) {
            return (Some(v.0), Some(v.1));
        }
        (self.earliest, self.latest)
    }

    /// What both dates allow, or `None` when they cannot be the same day.
    /// Weekdays count: a Monday known only within weeks and a report dated
    /// to one Monday inside them agree on that day; a Monday and a Friday
    /// never do. An open side takes the other's bound; when nothing at all
    /// is known on either side the result is unknown.
    pub fn intersect(&self, other: &UncertainDate) -> Option<UncertainDate> {
        let (a, b) = (self.bounds(), other.bounds());
        let lo = match (a.0, b.0) {
            (Some(x), Some(y)) => Some(x.max(y)),
            (x, y) => x.or(y),
        };
        let hi = match (a.1, b.1) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        };
        if let (Some(l), Some(h)) = (lo, hi) {
            if l > h {
                return None;
            }
        }
        let weekday = match (self.weekday, other.weekday) {
            (Some(x), Some(y)) if x != y => return None,
            (x, y) => x.or(y),
        };
        let month_day = match (self.month_day, other.month_day) {
            (Some(x), Some(y)) if x != y => return None,
            (x, y) => x.or(y),
        };
        // the value survives when the intersection is exactly its span
        for d in [self, other] {
            if let Some((vl, vh)) = d.value.as_deref().and_then(bounds_of_value) {
                if lo == Some(vl) && hi == Some(vh) && weekday.is_none() && month_day.is_none() {
                    return Some(d.clone());
                }
            }
        }
        UncertainDate::constrained(lo, hi, weekday, month_day)
    }

    /// A value at the precision of the string (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`),
    /// with bounds covering it.
    pub fn parse_value(s: &str) -> Result<UncertainDate, CoreError> {
        let (earliest, latest) = bounds_of_value(s).ok_or_else(|| CoreError::BadDate(s.to_string()))?;
        Ok(UncertainDate { value: Some(s.to_string()), earliest: Some(earliest), latest: Some(latest), weekday: None, month_day: None })
    }

    /// True when nothing is known.
    pub fn is_unknown(&self) -> bool {
        self.value.is_none() && self.earliest.is_none() && self.latest.is_none()
    }

    /// The exact day, when `value` is a full date.
    pub fn exact_day(&self) -> Option<NaiveDate> {
        self.value.as_deref().and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
    }

    /// A representative day for ordering: the value's first day, else the
    /// earliest bound, else the latest.
    pub fn sort_key(&self) -> Option<NaiveDate> {
        self.value
            .as_deref()
            .and_then(|v| bounds_of_value(v).map(|b| b.0))
            .or(self.earliest)
            .or(self.latest)
    }

    /// The day an event sorts by in timelines: an exact or month/year value's
    /// first day; a range's earliest day, except that a range wider than a
    /// month (typically a day resolved against an uncertain publication date,
    /// "May 16" of one of two years) sorts by its latest day, the reading
    /// nearest the reports; an open range by its one bound.
    pub fn order_key(&self) -> Option<NaiveDate> {
        if self.value.is_some() {
            return self.sort_key();
        }
        match (self.earliest, self.latest) {
            (Some(a), Some(b)) if (b - a).num_days() > WIDE_RANGE_DAYS => Some(b),
            (a, b) => a.or(b),
        }
    }

    /// True when the day `d` is consistent with what is known.
    pub fn admits(&self, d: NaiveDate) -> bool {
        if let Some(v) = self.value.as_deref().and_then(bounds_of_value) {
            return v.0 <= d && d <= v.1;
        }
        self.earliest.map_or(true, |e| e <= d)
            && self.latest.map_or(true, |l| d <= l)
            && self.weekday.map_or(true, |w| d.weekday().number_from_monday() == w as u32)
            && self.month_day.map_or(true, |(m, day)| d.month() == m as u32 && d.day() == day as u32)
    }

    /// Human form: `2025-05-16`, `2025-05-27..2025-06-19`, `≥ 2025-05-27`,
    /// `a Monday, 2025-05-26..2025-07-14`, `unknown`.
    pub fn display(&self) -> String {
        if let Some(v) = &self.value {
            return v.clone();
        }
        let range = match (self.earliest, self.latest) {
            (Some(a), Some(b)) => format!("{a}..{b}"),
            (Some(a), None) => format!("≥ {a}"),
            (None, Some(b)) => format!("≤ {b}"),
            (None, None) => "unknown".to_string(),
        };
        let mut named = Vec::new();
        if let Some(w) = self.weekday_name() {
            named.push(format!("a {w}"));
        }
        if let Some(md) = self.month_day_name() {
            named.push(format!("{md} of a year not stated"));
        }
        if named.is_empty() || self.is_unknown() {
            range
        } else {
            format!("{}, {range}", named.join(", "))
        }
    }

    /// The month and day of an open year in words ("June 2").
    pub fn month_day_name(&self) -> Option<String> {
        let (m, d) = self.month_day?;
        let date = NaiveDate::from_ymd_opt(2024, m as u32, d as u32)?;
        Some(format!("{} {}", date.format("%B"), d))
    }

    /// The English name of the known weekday.
    pub fn weekday_name(&self) -> Option<&'static str> {
        let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        self.weekday.and_then(|w| names.get((w as usize).checked_sub(1)?).copied())
    }
}

/// First and last day covered by an ISO value of day, month or year precision.
pub(crate) fn bounds_of_value(s: &str) -> Option<(NaiveDate, NaiveDate)> {
    let parts: Vec<&str> = s.split('-').collect();
    match parts.as_slice() {
        [y] if y.len() == 4 => {
            let y: i32 = y.parse().ok()?;
            Some((NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?))
        }
        [y, m] if y.len() == 4 && m.len() == 2 => {
            let first = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1)?;
            let next = if first.month() == 12 {
                NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)?
            };
            Some((first, next.pred_opt()?))
        }
        [_, _, _] => {
            let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
            Some((d, d))
        }
        _ => None,
    }
}

/// How a document's publication date was established.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateBasis {
    /// Stated in the page or its metadata.
    Explicit,
    /// A relative stamp ("4 days ago") resolved against a known crawl time.
    Relative,
    /// Bounded from the content (dates it mentions, tense).
    Inferred,
    /// Nothing known.
    #[default]
    Unknown,
}

impl DateBasis {
    /// The export name.
    pub fn as_str(self) -> &'static str {
        match self {
            DateBasis::Explicit => "explicit",
            DateBasis::Relative => "relative",
            DateBasis::Inferred => "inferred",
            DateBasis::Unknown => "unknown",
        }
    }
}

/// A document's publication date with the way it was found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedDate {
    /// The date, possibly only bounded.
    pub date: UncertainDate,
    /// How it was found.
    pub basis: DateBasis,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn month_value_has_month_bounds() {
        let u = UncertainDate::parse_value("2024-02").unwrap();
        assert_eq!(u.earliest, Some(d("2024-02-01")));
        assert_eq!(u.latest, Some(d("2024-02-29")));
        assert!(u.admits(d("2024-02-10")));
        assert!(!u.admits(d("2024-03-01")));
        assert!(UncertainDate::parse_value("May 2024").is_err());
    }

    #[test]
    fn bounds_without_value_display_as_range() {
        let u = UncertainDate::between(Some(d("2025-05-27")), Some(d("2025-06-19")));
        assert_eq!(u.value, None);
        assert_eq!(u.display(), "2025-05-27..2025-06-19");
        assert_eq!(UncertainDate::between(Some(d("2025-05-27")), Some(d("2025-05-27"))).value.as_deref(), Some("2025-05-27"));
        assert_eq!(UncertainDate::unknown().display(), "unknown");
    }

    #[test]
    fn a_weekday_narrows_bounds_and_can_pin_the_day() {
        // 2025-05-26 and 2025-06-02 are Mondays
        let monday = UncertainDate::on_weekday(Some(d("2025-05-24")), Some(d("2025-06-05")), 1).unwrap();
        assert_eq!((monday.earliest, monday.latest), (Some(d("2025-05-26")), Some(d("2025-06-02"))));
        assert_eq!(monday.value, None);
        assert_eq!(monday.display(), "a Monday, 2025-05-26..2025-06-02");
        assert!(monday.admits(d("2025-06-02")) && !monday.admits(d("2025-05-30")));
        let one = UncertainDate::on_weekday(Some(d("2025-05-27")), Some(d("2025-06-05")), 1).unwrap();
        assert_eq!(one.value.as_deref(), Some("2025-06-02"));
        assert!(UncertainDate::on_weekday(Some(d("2025-05-27")), Some(d("2025-05-31")), 1).is_none());
    }

    #[test]
    fn intersect_uses_weekdays_and_keeps_values() {
        let monday = UncertainDate::on_weekday(Some(d("2025-05-20")), Some(d("2025-07-14")), 1).unwrap();
        let june2 = UncertainDate::day(d("2025-06-02"));
        let friday = UncertainDate::day(d("2025-05-16"));
        assert_eq!(monday.intersect(&june2), Some(june2.clone()));
        assert_eq!(june2.intersect(&monday), Some(june2.clone()));
        assert_eq!(monday.intersect(&friday), None);
        let may = UncertainDate::parse_value("2025-05").unwrap();
        assert_eq!(may.intersect(&UncertainDate::between(None, Some(d("2025-07-01")))), Some(may.clone()));
        // a Monday in May after the 20th: only the 26th
        assert_eq!(monday.intersect(&may).unwrap().value.as_deref(), Some("2025-05-26"));
        assert_eq!(UncertainDate::unknown().intersect(&UncertainDate::unknown()), Some(UncertainDate::unknown()));
        let other_weekday = UncertainDate::on_weekday(Some(d("2025-05-20")), Some(d("2025-07-14")), 3).unwrap();
        assert_eq!(monday.intersect(&other_weekday), None);
    }

    #[test]
    fn a_month_day_of_an_open_year_meets_a_weekday_in_one_year() {
        // "June 2" said in an article known only to be from 2025-07-18 or later
        let june2 = UncertainDate::on_month_day(Some(d("2025-05-01")), None, 6, 2).unwrap();
        assert_eq!((june2.earliest, june2.latest, june2.value.as_deref()), (Some(d("2025-06-02")), None, None));
        assert_eq!(june2.display(), "June 2 of a year not stated, ≥ 2025-06-02");
        assert!(june2.admits(d("2026-06-02")) && !june2.admits(d("2025-06-03")));
        // and "met on Monday" in an article from 2025-05-26..2025-07-14
        let monday = UncertainDate::on_weekday(Some(d("2025-05-26")), Some(d("2025-07-14")), 1).unwrap();
        assert_eq!(june2.intersect(&monday).unwrap().value.as_deref(), Some("2025-06-02"));
        // a June 2 within two years: the bounds are that day of each year
        let two = UncertainDate::on_month_day(Some(d("2024-01-01")), Some(d("2025-12-31")), 6, 2).unwrap();
        assert_eq!((two.earliest, two.latest), (Some(d("2024-06-02")), Some(d("2025-06-02"))));
        assert!(!two.admits(d("2024-12-02")));
        assert_eq!(two.intersect(&UncertainDate::parse_value("2025").unwrap()).unwrap().value.as_deref(), Some("2025-06-02"));
        assert!(UncertainDate::on_month_day(Some(d("2025-06-03")), Some(d("2026-06-01")), 6, 2).is_none());
        assert_eq!(june2.intersect(&UncertainDate::on_month_day(None, None, 5, 16).unwrap()), None);
    }

    #[test]
    fn weekday_is_optional_in_json() {
        let old: UncertainDate = serde_json::from_str(r#"{"value":null,"earliest":"2025-05-01","latest":null}"#).unwrap();
        assert_eq!(old.weekday, None);
        let s = serde_json::to_string(&UncertainDate::day(d("2025-06-02"))).unwrap();
        assert!(!s.contains("weekday"), "{s}");
    }
}
