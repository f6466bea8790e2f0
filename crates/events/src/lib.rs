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

use std::collections::HashMap;
use std::path::PathBuf;

use chronicle_core::Document;

pub use error::EventsError;
pub use lexicon::Lexicon;

/// The event coder: a loaded trigger lexicon and cue list. The knowledge-base
/// tables it also reads are the process's one copy ([`KB_TABLES`]).
#[derive(Clone, Debug)]
pub struct EventCoder {
    lexicon: Lexicon,
}

/// Tables from the language layer's knowledge base, read once per process
/// (parsing the KB is the costly part); all empty without the `language`
/// feature or when the KB does not load.
#[derive(Default)]
struct KbTables {
    /// Organisation knowledge-base id (`un`, `nato`, `who`) → actor code (the
    /// organisation's country when national, else its CAMEO code: `UNO`, `IGO`,
    /// `NGO` …). The language layer gives organisations their KB id as `country`;
    /// the coder reads the code when it weighs a side and writes it on the events.
    org_codes: HashMap<String, String>,
    /// Lower-case country names, aliases and nationality words → ISO alpha-3
    /// ("vietnamese" → `VNM`).
    countries: HashMap<String, String>,
    /// Lower-case capital city names.
    capitals: std::collections::HashSet<String>,
}

static KB_TABLES: std::sync::LazyLock<KbTables> = std::sync::LazyLock::new(kb_tables);

/// The actor code of an organisation's KB id given as a country (`who` →
/// `UNO`); any other country as it is.
pub(crate) fn actor_code(country: &str) -> &str {
    if country.chars().any(|ch| ch.is_lowercase()) {
        if let Some(code) = KB_TABLES.org_codes.get(&country.to_lowercase()) {
            return code;
        }
    }
    country
}

/// The [`KbTables`] of the built-in knowledge base.
fn kb_tables() -> KbTables {
    #[cfg(feature = "language")]
    {
        if let Ok(kb) = chronicle_language::kb::Kb::builtin() {
            let org_codes = kb
                .organizations
                .iter()
                .filter_map(|o| {
                    let code = o.country.clone().filter(|c| !c.is_empty()).unwrap_or_else(|| o.cameo.clone());
                    (!code.is_empty()).then(|| (o.id.to_lowercase(), code))
                })
                .collect();
            let mut countries = HashMap::new();
            for c in &kb.countries {
                for n in std::iter::once(&c.name).chain(&c.aliases).chain(&c.demonyms) {
                    countries.entry(n.to_lowercase()).or_insert_with(|| c.iso3.clone());
                }
            }
            let capitals = kb.countries.iter().flat_map(|c| c.capitals.iter().map(|n| n.to_lowercase())).collect();
            return KbTables { org_codes, countries, capitals };
        }
    }
    KbTables::default()
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
        let (dictionary, dname) = read("cameo_verbs.tsv", lexicon::CAMEO_VERBS_TSV)?;
        let mut coder = EventCoder::from_tsv(&triggers, &cues, (&tname, &cname))?;
        coder.lexicon.add_triggers(&dictionary, &dname)?;
        Ok(coder)
    }

    /// A coder from lexicon texts (`names` label errors).
    pub fn from_tsv(triggers: &str, cues: &str, names: (&str, &str)) -> Result<EventCoder, EventsError> {
        // read the KB tables now, while the coder is set up, not in the middle of the first batch
        std::sync::LazyLock::force(&KB_TABLES);
        Ok(EventCoder { lexicon: Lexicon::parse(triggers, cues, names)? })
    }

    /// The loaded lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Codes every sentence of `doc` and replaces `doc.events` (sorted by trigger).
    pub fn code(&self, doc: &mut Document) {
        let mut events = coder::code_document(&self.lexicon, (&KB_TABLES.countries, &KB_TABLES.capitals), doc);
        // the language layer gives organisations their KB id as `country`: use the org's code
        for e in &mut events {
            for a in e.actors.iter_mut().chain(e.recipients.iter_mut()).chain(e.location.iter_mut()) {
                if let Some(c) = a.country.as_deref() {
                    a.country = Some(actor_code(c).to_string());
                }
            }
        }
        doc.events = events;
    }
}
