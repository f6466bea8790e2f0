use serde::{Deserialize, Serialize};

use crate::{Quantity, Span, UncertainDate};

/// PLOVER 2.0 event types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[allow(missing_docs)]
pub enum PloverType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

impl PloverType {
    /// All sixteen, in PLOVER's order.
    pub const ALL: [PloverType; 16] = [
        PloverType::Agree,
        PloverType::Consult,
        PloverType::Support,
        PloverType::Concede,
        PloverType::Cooperate,
        PloverType::Aid,
        PloverType::Retreat,
        PloverType::Request,
        PloverType::Accuse,
        PloverType::Reject,
        PloverType::Threaten,
        PloverType::Protest,
        PloverType::Sanction,
        PloverType::Mobilize,
        PloverType::Coerce,
        PloverType::Assault,
    ];

    /// Upper-case PLOVER name.
    pub fn as_str(self) -> &'static str {
        match self {
            PloverType::Agree => "AGREE",
            PloverType::Consult => "CONSULT",
            PloverType::Support => "SUPPORT",
            PloverType::Concede => "CONCEDE",
            PloverType::Cooperate => "COOPERATE",
            PloverType::Aid => "AID",
            PloverType::Retreat => "RETREAT",
            PloverType::Request => "REQUEST",
            PloverType::Accuse => "ACCUSE",
            PloverType::Reject => "REJECT",
            PloverType::Threaten => "THREATEN",
            PloverType::Protest => "PROTEST",
            PloverType::Sanction => "SANCTION",
            PloverType::Mobilize => "MOBILIZE",
            PloverType::Coerce => "COERCE",
            PloverType::Assault => "ASSAULT",
        }
    }

    /// Parses the name, any case.
    pub fn parse(s: &str) -> Option<PloverType> {
        PloverType::ALL.into_iter().find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// Whether the text says an event happened, or something short of that.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Reported as having happened or happening.
    Asserted,
    /// Someone demands it.
    Demanded,
    /// Someone proposes or offers it.
    Proposed,
    /// Scheduled or intended.
    Planned,
    /// Conditional, wished, possible ("would like to meet").
    Hypothetical,
    /// Said not to have happened, or refused.
    Negated,
}

impl Modality {
    /// Export name.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Demanded => "demanded",
            Modality::Proposed => "proposed",
            Modality::Planned => "planned",
            Modality::Hypothetical => "hypothetical",
            Modality::Negated => "negated",
        }
    }
}

/// An actor, recipient or location of an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventArg {
    /// Canonical name.
    pub name: String,
    /// Knowledge-base id when known.
    pub kb_id: Option<String>,
    /// ISO alpha-3 country or IGO code.
    pub country: Option<String>,
    /// PLOVER sector code.
    pub sector: Option<String>,
    /// Where the argument is named in the body (None when it comes from
    /// linked context such as a resolved pronoun outside the sentence).
    pub span: Option<Span>,
}

/// Where an event happened, resolved against a gazetteer (GeoNames): the
/// named place with its id and coordinates when the gazetteer knows them. A
/// country is placed at the population-weighted centre of its gazetteer
/// places and has no GeoNames id of its own here; a place the gazetteer does
/// not know keeps its name only.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// The place's name (the gazetteer's, else as the text names it).
    pub name: String,
    /// GeoNames id of a populated place.
    pub geonames_id: Option<u32>,
    /// ISO alpha-3 country.
    pub country: Option<String>,
    /// Latitude, WGS84 degrees.
    pub lat: Option<f64>,
    /// Longitude, WGS84 degrees.
    pub lon: Option<f64>,
    /// What says the event happened there (absent in stores written before
    /// the field existed).
    #[serde(default)]
    pub basis: Option<PlaceBasis>,
}

/// What places an event: its own sentence, the article's dateline, or the
/// place the rest of the document is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceBasis {
    /// The event's sentence names the place.
    Sentence,
    /// The sentence names no other place; the article's dateline does.
    Dateline,
    /// The sentence names no place; the document is about one country, the
    /// country of the event's parties.
    Document,
}

impl PlaceBasis {
    /// The export's word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceBasis::Sentence => "sentence",
            PlaceBasis::Dateline => "dateline",
            PlaceBasis::Document => "document",
        }
    }
}

/// One event coded from one sentence of one document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// PLOVER type.
    pub event_type: PloverType,
    /// PLOVER mode (e.g. `release`, `ceasefire`, `airstrike`).
    pub mode: Option<String>,
    /// PLOVER contexts.
    pub context: Vec<String>,
    /// CAMEO root code ("04") for GDELT users.
    pub cameo: Option<String>,
    /// Who acts.
    pub actors: Vec<EventArg>,
    /// Who is acted upon.
    pub recipients: Vec<EventArg>,
    /// When, as far as the text says.
    pub date: UncertainDate,
    /// Where: the place mention.
    pub location: Option<EventArg>,
    /// Where, resolved: the location's gazetteer place (set after coding, by
    /// the language layer's knowledge base).
    #[serde(default)]
    pub place: Option<Place>,
    /// Numbers attached to the event.
    pub quantities: Vec<Quantity>,
    /// Asserted, demanded, proposed, …
    pub modality: Modality,
    /// Who claims it: a speaker's name or words; None when the outlet asserts it.
    pub attributed_to: Option<String>,
    /// Items listed in a demand or offer ("Donetsk", "Luhansk", …).
    pub items: Vec<String>,
    /// The evidence sentence.
    pub sentence: Span,
    /// The trigger words.
    pub trigger: Span,
    /// Which rule or lexicon entry fired (explainability).
    pub rule: String,
}
