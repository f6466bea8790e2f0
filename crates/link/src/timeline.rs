//! Timelines: merged events ordered by event date (never publication date),
//! filtered by story or actor, with their date uncertainty shown.

use chronicle_core::{Modality, UncertainDate};
use serde::{Deserialize, Serialize};

use crate::coref::MergedEvent;
use crate::text::{similar_word_keys, translit_key};

/// Which events a timeline shows. Empty fields do not filter.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TimelineFilter {
    /// Only events reported by documents of this story (`s:…`).
    pub story: Option<String>,
    /// Only events with this actor or recipient (name, KB id or `e:` id).
    pub actor: Option<String>,
}

/// One line of a timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// The merged event id.
    pub event: String,
    /// Its date.
    pub date: UncertainDate,
    /// The date as shown ("2025-05-16", "between 2025-05-27 and 2025-06-19").
    pub date_text: String,
    /// PLOVER type.
    pub event_type: String,
    /// Modality ("asserted", "planned", …).
    pub modality: String,
    /// Actor names.
    pub actors: Vec<String>,
    /// Recipient names.
    pub recipients: Vec<String>,
    /// The representative evidence sentence.
    pub summary: String,
    /// Distinct outlets.
    pub num_sources: usize,
    /// First report: document id.
    pub doc: String,
}

/// A date as a reader sees it: the exact value, a range, an open bound, or "date unknown".
pub fn date_text(d: &UncertainDate) -> String {
    if let Some(v) = &d.value {
        return v.clone();
    }
    let range = match (d.earliest, d.latest) {
        (Some(a), Some(b)) => format!("between {a} and {b}"),
        (Some(a), None) => format!("on or after {a}"),
        (None, Some(b)) => format!("on or before {b}"),
        (None, None) => return "date unknown".to_string(),
    };
    let mut named = Vec::new();
    if let Some(w) = d.weekday_name() {
        named.push(format!("a {w}"));
    }
    if let Some(md) = d.month_day_name() {
        named.push(format!("{md} (year not stated)"));
    }
    if named.is_empty() {
        range
    } else {
        format!("{} {range}", named.join(", "))
    }
}

/// The day an event sorts by ([`UncertainDate::order_key`]).
pub fn order_key(d: &UncertainDate) -> Option<chrono::NaiveDate> {
    d.order_key()
}

fn actor_matches(e: &MergedEvent, query: &str) -> bool {
    let q = query.trim();
    let qk: Vec<String> = translit_key(q.strip_prefix("e:").unwrap_or(q)).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
    e.event.actors.iter().chain(&e.event.recipients).any(|a| {
        if a.kb_id.as_deref().is_some_and(|k| k == q || q.strip_prefix("e:") == Some(k)) {
            return true;
        }
        if a.country.as_deref().is_some_and(|c| c.eq_ignore_ascii_case(q)) {
            return true;
        }
        let ak: Vec<String> = translit_key(&a.name).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
        // every query word matches some name word (a surname finds the full name)
        !qk.is_empty() && qk.iter().all(|w| ak.iter().any(|x| similar_word_keys(x, w)))
    })
}

/// The events passing the filter, ordered by event date ([`order_key`];
/// events with unknown dates last), then by id.
pub fn timeline(events: &[MergedEvent], filter: &TimelineFilter) -> Vec<TimelineEntry> {
    let mut picked: Vec<&MergedEvent> = events
        .iter()
        .filter(|e| filter.story.as_ref().map_or(true, |s| e.stories.iter().any(|x| x == s)))
        .filter(|e| filter.actor.as_ref().map_or(true, |a| actor_matches(e, a)))
        .collect();
    picked.sort_by(|a, b| {
        let ka = order_key(&a.date);
        let kb = order_key(&b.date);
        match (ka, kb) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then(a.date.latest.cmp(&b.date.latest))
        .then(a.id.cmp(&b.id))
    });
    picked
        .into_iter()
        .map(|e| TimelineEntry {
            event: e.id.clone(),
            date: e.date.clone(),
            date_text: date_text(&e.date),
            event_type: e.event.event_type.as_str().to_string(),
            modality: e.event.modality.as_str().to_string(),
            actors: e.event.actors.iter().map(|a| a.name.clone()).collect(),
            recipients: e.event.recipients.iter().map(|a| a.name.clone()).collect(),
            summary: e.summary.clone(),
            num_sources: e.num_sources,
            doc: e.reports.first().map(|r| r.doc.to_string()).unwrap_or_default(),
        })
        .collect()
}

/// Plain-text rendering, one event per line:
/// `DATE  TYPE[ (modality)]  ACTORS → RECIPIENTS  "summary"  [N sources, DOC]`.
pub fn render(entries: &[TimelineEntry]) -> String {
    let mut out = String::new();
    for e in entries {
        let modality = if e.modality == Modality::Asserted.as_str() { String::new() } else { format!(" ({})", e.modality) };
        let who = match (e.actors.is_empty(), e.recipients.is_empty()) {
            (false, false) => format!("{} → {}", e.actors.join(", "), e.recipients.join(", ")),
            (false, true) => e.actors.join(", "),
            (true, false) => format!("→ {}", e.recipients.join(", ")),
            (true, true) => "-".to_string(),
        };
        let summary: String = e.summary.split_whitespace().collect::<Vec<_>>().join(" ");
        out.push_str(&format!(
            "{}  {}{}  {}  \"{}\"  [{} source{}, {}]\n",
            e.date_text,
            e.event_type,
            modality,
            who,
            summary,
            e.num_sources,
            if e.num_sources == 1 { "" } else { "s" },
            e.doc
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coref::{merge, tests::doc};
    use chronicle_core::PloverType;

    #[test]
    fn ordered_by_event_date_not_publication_date() {
        // published late, about an early event; published early, about a later one
        let s_early = "Ukraine and Russia met in Istanbul for talks on May 16.";
        let s_late = "Ukraine and Russia agreed in Istanbul on June 2 to swap the bodies of soldiers.";
        let s_range = "Ukraine and Russia will hold further talks in Istanbul before the summer.";
        let a = doc("a", "BBC", "2025-06-20", s_early, vec![(s_early, PloverType::Consult, Modality::Asserted, "2025-05-16", vec![])]);
        let b = doc("b", "Reuters", "2025-06-03", s_late, vec![(s_late, PloverType::Agree, Modality::Asserted, "2025-06-02", vec![])]);
        let mut c = doc("c", "AP", "2025-05-20", s_range, vec![(s_range, PloverType::Consult, Modality::Planned, "", vec![])]);
        c.events[0].date = UncertainDate::between(chrono::NaiveDate::from_ymd_opt(2025, 5, 27), chrono::NaiveDate::from_ymd_opt(2025, 6, 19));
        let events = merge(&[a, b, c]);
        let t = timeline(&events, &TimelineFilter::default());
        let dates: Vec<&str> = t.iter().map(|e| e.date_text.as_str()).collect();
        assert_eq!(dates, vec!["2025-05-16", "between 2025-05-27 and 2025-06-19", "2025-06-02"]);
        let text = render(&t);
        assert_eq!(text.lines().count(), 3);
        assert!(text.lines().next().unwrap().starts_with("2025-05-16  CONSULT  Ukraine → Russia"));
        assert!(text.contains("CONSULT (planned)"));
        let only = timeline(&events, &TimelineFilter { story: None, actor: Some("russia".into()) });
        assert_eq!(only.len(), 3);
        let none = timeline(&events, &TimelineFilter { story: Some("s:none".into()), actor: None });
        assert!(none.is_empty());
    }

    #[test]
    fn wide_ranges_order_by_their_latest_day() {
        let p = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        // "May 16" read against a publication date known only within half a year
        let wide = UncertainDate::between(p("2024-05-16"), p("2025-05-16"));
        assert_eq!(order_key(&wide), p("2025-05-16"));
        let narrow = UncertainDate::between(p("2025-05-27"), p("2025-06-19"));
        assert_eq!(order_key(&narrow), p("2025-05-27"));
        assert_eq!(order_key(&UncertainDate::between(None, p("2025-07-17"))), p("2025-07-17"));
        assert_eq!(order_key(&UncertainDate::parse_value("2025-06").unwrap()), p("2025-06-01"));
        let s1 = "Ukraine and Russia met for talks in Istanbul on May 16.";
        let s2 = "Ukraine and Russia met again in Istanbul on June 2 for a second round.";
        let mut a = doc("a", "BBC", "2025-06-03", s1, vec![(s1, PloverType::Consult, Modality::Asserted, "", vec![])]);
        a.events[0].date = wide;
        let b = doc("b", "Reuters", "2025-06-03", s2, vec![(s2, PloverType::Consult, Modality::Asserted, "2025-06-02", vec![])]);
        let c = doc("c", "AP", "2025-04-02", "Talks were held on April 1.", vec![("Talks were held on April 1.", PloverType::Consult, Modality::Asserted, "2025-04-01", vec![])]);
        let t = timeline(&merge(&[b, a, c]), &TimelineFilter::default());
        let dates: Vec<&str> = t.iter().map(|e| e.date_text.as_str()).collect();
        assert_eq!(dates, vec!["2025-04-01", "between 2024-05-16 and 2025-05-16", "2025-06-02"]);
    }
}
