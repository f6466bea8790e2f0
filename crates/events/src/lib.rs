//! chronicle's event layer: PLOVER 2.0 event coding of single sentences.
//!
//! [`EventCoder`] reads the language layers of a [`Document`] (sentences,
//! mentions, times, quantities, quotes) and writes `doc.events`: one event per
//! trigger found by the user-editable lexicon `data/events/triggers.tsv`, with
//! actors and recipients, location, date, quantities, modality (asserted,
//! demanded, proposed, planned, hypothetical, negated), attribution, listed
//! items and the rule that fired. Every field comes from the trigger's own
//! sentence, or from explicitly linked context (a coreference mention, a
//! quote's speaker, the document date as an upper bound).
//!
//! Reads: `sentences`, `mentions`, `times`, `quantities`, `quotes`, `meta.published`.
//! Writes: `events`.
//!
//! [`positions`] turns events into negotiation positions (demands, offers, red
//! lines with their status over time); [`eval`] scores the coder on the PLOVER
//! gold-standard records.
#![deny(missing_docs)]

mod coder;
mod error;
/// Evaluation against the PLOVER gold-standard records.
pub mod eval;
pub mod lexicon;
/// Negotiation positions from events.
pub mod positions;

use std::path::PathBuf;

use chronicle_core::Document;

pub use error::EventsError;
pub use lexicon::Lexicon;

/// The event coder: a loaded trigger lexicon and cue list.
#[derive(Clone, Debug)]
pub struct EventCoder {
    lexicon: Lexicon,
}

impl EventCoder {
    /// The built-in lexicons (embedded from `data/events/`). A user copy of
    /// `triggers.tsv` or `cues.tsv` in `$CHRONICLE_DATA/events/` replaces the
    /// built-in file of the same name.
    pub fn builtin() -> Result<EventCoder, EventsError> {
        let dir = std::env::var_os("CHRONICLE_DATA").map(|d| PathBuf::from(d).join("events"));
        let read = |name: &str, default: &'static str| -> Result<(String, String), EventsError> {
            if let Some(dir) = &dir {
                let path = dir.join(name);
                if path.is_file() {
                    let text = std::fs::read_to_string(&path)
                        .map_err(|source| EventsError::Io { path: path.display().to_string(), source })?;
                    return Ok((text, path.display().to_string()));
                }
            }
            Ok((default.to_string(), name.to_string()))
        };
        let (triggers, tname) = read("triggers.tsv", lexicon::TRIGGERS_TSV)?;
        let (cues, cname) = read("cues.tsv", lexicon::CUES_TSV)?;
        EventCoder::from_tsv(&triggers, &cues, (&tname, &cname))
    }

    /// A coder from lexicon texts (`names` label errors).
    pub fn from_tsv(triggers: &str, cues: &str, names: (&str, &str)) -> Result<EventCoder, EventsError> {
        Ok(EventCoder { lexicon: Lexicon::parse(triggers, cues, names)? })
    }

    /// The loaded lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Codes every sentence of `doc` and replaces `doc.events` (sorted by trigger).
    pub fn code(&self, doc: &mut Document) {
        let events = coder::code_document(&self.lexicon, doc);
        doc.events = events;
    }
}
