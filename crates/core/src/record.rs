//! The plain types of the cross-document record: events merged across their
//! reports, and stories. `link` computes them at ingest, `store` keeps them,
//! and every view reads them; none of these types does any analysis.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{DocId, Event, Span, UncertainDate};

/// One report of an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The reporting document.
    pub doc: DocId,
    /// The evidence sentence (byte span of the body).
    pub sentence: Span,
    /// The trigger words.
    pub trigger: Span,
    /// The document's outlet.
    pub outlet: Option<String>,
}

/// Reports that disagree on one field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contradiction {
    /// `quantity:<what is counted>`, `location`, `date` or `actor`.
    pub field: String,
    /// Each value with the document that gives it.
    pub values: Vec<(String, DocId)>,
}

/// One real-world event with all its reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MergedEvent {
    /// `v:` plus 16 hex digits of its first report (the earliest stored; doc id and trigger).
    pub id: String,
    /// The representative report's event, with the merged date.
    pub event: Event,
    /// Every report.
    pub reports: Vec<Report>,
    /// Distinct outlets (duplicates and glued-on articles whose host reports it excluded).
    pub num_sources: usize,
    /// Fields the reports disagree on.
    pub contradictions: Vec<Contradiction>,
    /// The intersection of the reports' dates.
    pub date: UncertainDate,
    /// The representative evidence sentence.
    pub summary: String,
    /// Stories of the reporting documents (`meta.story`).
    pub stories: Vec<String>,
}

/// A story's id: `s:` and hex digits.
pub type StoryId = String;

/// A story for display.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StorySummary {
    /// `s:…`.
    pub id: StoryId,
    /// The title (else the opening words) of its most central document: the
    /// one whose label terms best match the story's title-and-lede centroid.
    pub title: String,
    /// Its documents in the order they joined.
    pub documents: Vec<DocId>,
    /// Earliest publication date of its documents.
    pub from: Option<NaiveDate>,
    /// Latest publication date of its documents.
    pub to: Option<NaiveDate>,
}
