//! Negotiation positions: each actor's demands, offers and red lines with
//! their items as listed in the text, and their status as reported over time
//! (proposed, rejected, accepted, implemented), every step with its evidence.
//!
//! Built from coded events only: REQUEST events are demands; AGREE events of
//! an offer or proposal are offers; REJECT events are red lines of the
//! rejecting actor and, when their object matches another actor's demand or
//! offer, a `rejected` step on it; AGREE events of acceptance add `accepted`;
//! asserted RETREAT events add `implemented`. Matching compares content words
//! of the items, the trigger and the mode.

use std::collections::BTreeSet;
use std::fmt;

use chronicle_core::{DocId, Document, Event, Modality, PloverType, Span, UncertainDate};

use crate::lexicon::tokenize;

/// What kind of position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PositionKind {
    /// Something the actor demands of others.
    Demand,
    /// Something the actor offers or proposes.
    Offer,
    /// Something the actor refuses.
    RedLine,
}

impl PositionKind {
    /// Lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            PositionKind::Demand => "demand",
            PositionKind::Offer => "offer",
            PositionKind::RedLine => "red line",
        }
    }
}

/// Status of a position as reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Put forward (or stated, for a red line).
    Proposed,
    /// Refused by another party.
    Rejected,
    /// Accepted or agreed.
    Accepted,
    /// Reported as carried out.
    Implemented,
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Status::Proposed => "proposed",
            Status::Rejected => "rejected",
            Status::Accepted => "accepted",
            Status::Implemented => "implemented",
        })
    }
}

/// One reported step in a position's history.
#[derive(Clone, Debug, PartialEq)]
pub struct StatusReport {
    /// The status this report gives.
    pub status: Status,
    /// Who did it (for rejected / accepted / implemented by another party).
    pub by: Option<String>,
    /// The document.
    pub doc: DocId,
    /// When, as far as the text says.
    pub date: UncertainDate,
    /// The evidence sentence.
    pub evidence: Span,
    /// The trigger words.
    pub trigger: Span,
    /// The evidence sentence's text.
    pub sentence: String,
    /// Who claims it (None: the outlet).
    pub attributed_to: Option<String>,
}

/// A demand, offer or red line of one actor.
#[derive(Clone, Debug, PartialEq)]
pub struct Position {
    /// Country code of the actor, else its name.
    pub actor: String,
    /// Demand, offer or red line.
    pub kind: PositionKind,
    /// Short description: the items joined, else the trigger words.
    pub summary: String,
    /// Items as listed in the text.
    pub items: Vec<String>,
    /// Status reports in order (date, then document order).
    pub history: Vec<StatusReport>,
}

impl Position {
    /// The latest status.
    pub fn status(&self) -> Status {
        self.history.last().map_or(Status::Proposed, |r| r.status)
    }
}

const STOP: &[&str] = &[
    "the", "and", "for", "from", "with", "that", "this", "their", "its", "into", "about", "any",
    "all", "more", "further", "possible", "some", "such", "which", "will", "would",
];

fn words(s: &str) -> BTreeSet<String> {
    tokenize(s, 0)
        .into_iter()
        .filter(|t| !t.punct && t.lower.chars().count() > 3 && !STOP.contains(&t.lower.as_str()))
        .map(|t| t.stem)
        .collect()
}

fn event_words(doc: &Document, e: &Event) -> BTreeSet<String> {
    let mut w = words(e.trigger.text(doc.body()));
    for i in &e.items {
        w.extend(words(i));
    }
    if let Some(m) = &e.mode {
        w.extend(words(m));
    }
    w
}

fn report(doc: &Document, e: &Event, status: Status, by: Option<String>) -> StatusReport {
    StatusReport {
        status,
        by,
        doc: doc.id.clone(),
        date: e.date.clone(),
        evidence: e.sentence,
        trigger: e.trigger,
        sentence: e.sentence.text(doc.body()).to_string(),
        attributed_to: e.attributed_to.clone(),
    }
}

fn actor_key(a: &chronicle_core::EventArg) -> String {
    a.country.clone().unwrap_or_else(|| a.name.clone())
}

const PAST: &[&str] = &["withdrew", "freed", "swapped", "met", "held", "gave", "made", "sent"];

const OFFER_WORDS: &[&str] = &["offer", "propos", "suggest", "ready", "willing", "prepared", "invit", "promis", "pledg"];

/// Positions of every actor across `docs`, in order of first report.
pub fn positions(docs: &[Document]) -> Vec<Position> {
    // every event with its document, ordered by date then document order
    let mut all: Vec<(usize, &Document, &Event)> = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        for e in &d.events {
            all.push((di, d, e));
        }
    }
    all.sort_by(|a, b| {
        (a.2.date.sort_key(), a.0, a.2.trigger).cmp(&(b.2.date.sort_key(), b.0, b.2.trigger))
    });
    let mut out: Vec<Position> = Vec::new();
    for (_, doc, e) in all {
        if e.modality != Modality::Asserted || e.actors.is_empty() {
            continue;
        }
        let trig = e.trigger.text(doc.body()).to_lowercase();
        let ew = event_words(doc, e);
        let summary = if e.items.is_empty() { trig.clone() } else { e.items.join(", ") };
        // a position needs its content: the listed items
        let new_kind = if e.items.is_empty() { None } else { match e.event_type {
            PloverType::Request if e.modality == Modality::Asserted => Some(PositionKind::Demand),
            PloverType::Agree if OFFER_WORDS.iter().any(|w| trig.starts_with(w)) => Some(PositionKind::Offer),
            PloverType::Reject => Some(PositionKind::RedLine),
            _ => None,
        } };
        // implementation needs a verb in the past ("exchanged", "withdrew"), not a bare noun
        let past_verb = trig.split_whitespace().next().is_some_and(|w| w.ends_with("ed") || PAST.contains(&w));
        // status steps on other actors' positions
        let step = match e.event_type {
            PloverType::Reject => Some(Status::Rejected),
            PloverType::Agree if trig.starts_with("agre") || trig.starts_with("accept") => Some(Status::Accepted),
            PloverType::Retreat if past_verb => Some(Status::Implemented),
            _ => None,
        };
        let keys: Vec<String> = e.actors.iter().map(actor_key).collect();
        if let Some(status) = step {
            let by = keys.join("+");
            for p in out.iter_mut() {
                let own = keys.contains(&p.actor);
                if p.kind == PositionKind::RedLine || (own && status == Status::Rejected) {
                    continue;
                }
                let pw: BTreeSet<String> = p.items.iter().flat_map(|i| words(i)).chain(words(&p.summary)).collect();
                let shared = pw.intersection(&ew).count();
                if shared >= 2 || (shared == 1 && pw.len().min(ew.len()) <= 2) {
                    p.history.push(report(doc, e, status, Some(by.clone())));
                }
            }
        }
        if let Some(kind) = new_kind {
            for key in keys {
                let existing = out.iter_mut().find(|p| p.actor == key && p.kind == kind && p.summary == summary);
                match existing {
                    Some(p) => p.history.push(report(doc, e, Status::Proposed, None)),
                    None => out.push(Position {
                        actor: key,
                        kind,
                        summary: summary.clone(),
                        items: e.items.clone(),
                        history: vec![report(doc, e, Status::Proposed, None)],
                    }),
                }
            }
        }
    }
    out
}

/// The actor × position table printed by `chronicle positions`.
pub fn render_table(positions: &[Position]) -> String {
    let mut rows: Vec<[String; 4]> = vec![[
        "ACTOR".into(),
        "KIND".into(),
        "POSITION".into(),
        "STATUS (date, doc, by)".into(),
    ]];
    let mut sorted: Vec<&Position> = positions.iter().collect();
    sorted.sort_by(|a, b| (&a.actor, a.kind).cmp(&(&b.actor, b.kind)));
    for p in sorted {
        let mut summary: String = p.summary.chars().take(60).collect();
        if p.summary.chars().count() > 60 {
            summary.push('…');
        }
        let history: Vec<String> = p
            .history
            .iter()
            .map(|r| {
                let by = r.by.as_deref().map(|b| format!(" by {b}")).unwrap_or_default();
                format!("{}{} {} {}", r.status, by, r.date.display(), r.doc)
            })
            .collect();
        rows.push([p.actor.clone(), p.kind.as_str().to_string(), summary, history.join("; ")]);
    }
    let widths: Vec<usize> = (0..3).map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for r in rows {
        for (c, w) in widths.iter().enumerate() {
            out.push_str(&r[c]);
            out.push_str(&" ".repeat(w - r[c].chars().count() + 2));
        }
        out.push_str(&r[3]);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coder::tests::{coded, doc_with};
    use chronicle_core::EntityType::{Location, Person};

    #[test]
    fn demand_then_rejection_gives_status_history() {
        let d1 = coded(doc_with(
            "Ukraine demanded an unconditional ceasefire.",
            &[("Ukraine", Location, Some("UKR"))],
        ));
        let d2 = coded(doc_with(
            "Russia rejected an unconditional ceasefire.",
            &[("Russia", Location, Some("RUS"))],
        ));
        let ps = positions(&[d1, d2]);
        let demand = ps.iter().find(|p| p.actor == "UKR" && p.kind == PositionKind::Demand).expect("demand");
        assert_eq!(demand.items, ["unconditional ceasefire"]);
        assert_eq!(demand.status(), Status::Rejected);
        assert_eq!(demand.history[1].by.as_deref(), Some("RUS"));
        assert!(ps.iter().any(|p| p.actor == "RUS" && p.kind == PositionKind::RedLine));
        let table = render_table(&ps);
        assert!(table.lines().count() >= 3);
        assert!(table.contains("rejected by RUS"), "{table}");
    }

    #[test]
    fn an_exchange_carried_out_marks_the_demand_implemented() {
        let d1 = coded(doc_with(
            "Ukraine demanded a prisoner exchange.",
            &[("Ukraine", Location, Some("UKR"))],
        ));
        let d2 = coded(doc_with(
            "Russia and Ukraine exchanged prisoners on Friday.",
            &[("Russia", Location, Some("RUS")), ("Ukraine", Location, Some("UKR"))],
        ));
        let ps = positions(&[d1, d2]);
        let demand = ps.iter().find(|p| p.kind == PositionKind::Demand).expect("demand");
        assert_eq!(demand.status(), Status::Implemented, "{ps:?}");
        assert_eq!(demand.history.last().and_then(|r| r.by.as_deref()), Some("RUS+UKR"));
    }

    #[test]
    fn offers_are_positions_and_hypotheticals_are_not_demands() {
        let d = coded(doc_with(
            "Trump offered to meet Putin.",
            &[("Trump", Person, Some("USA")), ("Putin", Person, Some("RUS"))],
        ));
        let ps = positions(&[d]);
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert_eq!((ps[0].actor.as_str(), ps[0].kind), ("USA", PositionKind::Offer));
        assert_eq!(ps[0].items, ["meet Putin"]);
    }
}
