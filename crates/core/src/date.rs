use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::CoreError;

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
}

impl UncertainDate {
    /// Nothing known.
    pub fn unknown() -> UncertainDate {
        UncertainDate::default()
    }

    /// Exactly one day.
    pub fn day(d: NaiveDate) -> UncertainDate {
        UncertainDate { value: Some(d.format("%Y-%m-%d").to_string()), earliest: Some(d), latest: Some(d) }
    }

    /// Somewhere in `[earliest, latest]` (either side open).
    pub fn between(earliest: Option<NaiveDate>, latest: Option<NaiveDate>) -> UncertainDate {
        match (earliest, latest) {
            (Some(a), Some(b)) if a == b => UncertainDate::day(a),
            _ => UncertainDate { value: None, earliest, latest },
        }
    }

    /// A value at the precision of the string (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`),
    /// with bounds covering it.
    pub fn parse_value(s: &str) -> Result<UncertainDate, CoreError> {
        let (earliest, latest) = bounds_of_value(s).ok_or_else(|| CoreError::BadDate(s.to_string()))?;
        Ok(UncertainDate { value: Some(s.to_string()), earliest: Some(earliest), latest: Some(latest) })
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

    /// True when the day `d` is consistent with what is known.
    pub fn admits(&self, d: NaiveDate) -> bool {
        if let Some(v) = self.value.as_deref().and_then(bounds_of_value) {
            return v.0 <= d && d <= v.1;
        }
        self.earliest.map_or(true, |e| e <= d) && self.latest.map_or(true, |l| d <= l)
    }

    /// Human form: `2025-05-16`, `2025-05-27..2025-06-19`, `≥ 2025-05-27`, `unknown`.
    pub fn display(&self) -> String {
        if let Some(v) = &self.value {
            return v.clone();
        }
        match (self.earliest, self.latest) {
            (Some(a), Some(b)) => format!("{a}..{b}"),
            (Some(a), None) => format!("≥ {a}"),
            (None, Some(b)) => format!("≤ {b}"),
            (None, None) => "unknown".to_string(),
        }
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
}
