use serde::{Deserialize, Serialize};

use crate::{EntityType, Span, UncertainDate};

/// What a block of the extracted text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockLabel {
    /// The headline.
    Title,
    /// Author or outlet line, often with a time stamp.
    Byline,
    /// A date line ("date 2025-05-17 …", "KYIV, May 16 (Reuters) -").
    Dateline,
    /// Article text.
    Body,
    /// Site chrome: navigation, pitches, comment boxes, link lists.
    Boilerplate,
    /// A separate article glued to the end of the page.
    Appended,
    /// Reader comments and other user content (comment threads, "Reply", vote counts,
    /// usernames with time stamps): never body text, never salvaged as an article.
    Comment,
    /// A picture credit or caption ("Photograph: Jo Smith/AFP", "Image caption …"): it
    /// describes a picture, not the news, so it is never body text.
    Caption,
}

impl BlockLabel {
    /// Lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            BlockLabel::Title => "title",
            BlockLabel::Byline => "byline",
            BlockLabel::Dateline => "dateline",
            BlockLabel::Body => "body",
            BlockLabel::Boilerplate => "boilerplate",
            BlockLabel::Appended => "appended",
            BlockLabel::Comment => "comment",
            BlockLabel::Caption => "caption",
        }
    }
}

/// A block (line or paragraph) of the extracted text with its label and the
/// reason the cleaner gave, so a user can audit it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Block {
    /// Span over `Document::extracted`.
    pub span: Span,
    /// The label.
    pub label: BlockLabel,
    /// Why: the features or rule that decided the label.
    pub reason: String,
}

/// A sentence of the body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Span over the body.
    pub span: Span,
}

/// A token of the body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Span over the body.
    pub span: Span,
    /// Part of speech, lemma and dependency arc, when the syntax step ran.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub syntax: Option<TokenSyntax>,
}

impl Token {
    /// A token with no syntax yet.
    pub fn new(span: Span) -> Token {
        Token { span, syntax: None }
    }
}

/// Universal POS tag (Universal Dependencies v2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[allow(missing_docs)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

impl Upos {
    /// All tags, in model order.
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The UD name (`NOUN`, `PROPN`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    /// Parses a UD name; `None` for anything else.
    pub fn parse(name: &str) -> Option<Upos> {
        Upos::ALL.iter().copied().find(|u| u.as_str() == name)
    }
}

/// The syntax of one token: tags, lemma and its arc in the sentence's
/// dependency tree (Universal Dependencies v2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenSyntax {
    /// Universal POS tag.
    pub upos: Upos,
    /// Penn Treebank tag (`NNS`, `VBD`, …).
    pub xpos: String,
    /// Lemma (`talks` → `talk`, `was` → `be`).
    pub lemma: String,
    /// Index in `Document::tokens` of the head; `None` for the sentence's root.
    /// The head is always in the same sentence.
    pub head: Option<u32>,
    /// UD relation to the head, with its subtype (`nsubj`, `obl:agent`,
    /// `nmod:poss`, `root` for the root).
    pub deprel: String,
}

/// Which component found a mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionSource {
    /// The knowledge base (gazetteer).
    Kb,
    /// The statistical tagger.
    Tagger,
    /// A title, honorific or apposition rule.
    Rule,
    /// A short form or role noun resolved to an earlier mention.
    Coref,
    /// A personal pronoun ("he", "she") resolved to the person it stands for.
    Pronoun,
}

/// A named-entity mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Span over the body.
    pub span: Span,
    /// Person, organisation, location or group.
    pub entity_type: EntityType,
    /// The name of the entity this mention refers to, after in-document
    /// coreference ("Mr Zelensky" → "Volodymyr Zelensky").
    pub canonical: String,
    /// Knowledge-base id when known (`vladimir-putin`, `RUS`, `nato`).
    pub kb_id: Option<String>,
    /// ISO 3166-1 alpha-3 country (or IGO code) the entity belongs to.
    pub country: Option<String>,
    /// PLOVER sector code (`GOV`, `MIL`, …).
    pub sector: Option<String>,
    /// Which component found it.
    pub source: MentionSource,
}

impl Mention {
    /// True for a country named as such: a place whose knowledge-base id is
    /// its country code ("Peru", "the United States"), not a city or region.
    pub fn is_state(&self) -> bool {
        self.entity_type == EntityType::Location && self.kb_id.is_some() && self.kb_id == self.country
    }
}

/// A role the text states for a person ("Defence Minister Rustem Umerov").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoleClaim {
    /// The person's canonical name.
    pub person: String,
    /// Knowledge-base id of the person, when known.
    pub kb_id: Option<String>,
    /// The title, lower case ("defence minister", "lead negotiator").
    pub title: String,
    /// Country (ISO alpha-3) or organisation code the role is of.
    pub of: Option<String>,
    /// The words that state it.
    pub evidence: Span,
    /// The document's date: roles are true as of when they were reported.
    pub as_of: UncertainDate,
}

/// TIMEX3 type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeType {
    /// A calendar date or period.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurrence.
    Set,
}

impl TimeType {
    /// Upper-case TIMEX3 name.
    pub fn as_str(self) -> &'static str {
        match self {
            TimeType::Date => "DATE",
            TimeType::Time => "TIME",
            TimeType::Duration => "DURATION",
            TimeType::Set => "SET",
        }
    }
}

/// A time expression with its normalised value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// Span over the body.
    pub span: Span,
    /// TIMEX3 type.
    pub time_type: TimeType,
    /// TIMEX3 value (`2025-05-16`, `P21Y`, `2025-W21`, `PRESENT_REF`), when it
    /// can be normalised.
    pub value: Option<String>,
    /// For dates: the calendar days it may denote. Carries the uncertainty of
    /// the document date when the expression is relative to it.
    pub resolved: UncertainDate,
    /// For a bare year that modifies a noun ("the 1989 Exxon Valdez
    /// accident", "its 2014 annexation"): the span of that noun. The year
    /// dates that thing, not the event of its sentence. `None` for every
    /// other expression (and in documents stored before this field existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifies: Option<Span>,
}

/// How a quantity is hedged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// "at least".
    AtLeast,
    /// "more than", "over".
    MoreThan,
    /// "about", "nearly", "around", "some".
    About,
    /// "up to".
    UpTo,
    /// "less than", "fewer than", "under".
    LessThan,
}

impl Approx {
    /// Export name.
    pub fn as_str(self) -> &'static str {
        match self {
            Approx::AtLeast => "at_least",
            Approx::MoreThan => "more_than",
            Approx::About => "about",
            Approx::UpTo => "up_to",
            Approx::LessThan => "less_than",
        }
    }
}

/// A number with what it counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Span over the body (the whole phrase: hedge, number, unit, noun).
    pub span: Span,
    /// The number.
    pub value: f64,
    /// Hedge, if any.
    pub approx: Option<Approx>,
    /// Unit or currency (`USD`, `%`, `km`).
    pub unit: Option<String>,
    /// The noun phrase counted ("prisoners of war", "drones").
    pub counts: Option<String>,
    /// True for ordinals ("18th sanctions package"): a rank, not a count.
    pub ordinal: bool,
}

/// A quote, direct or reported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted (or reported) words.
    pub span: Span,
    /// True for words inside quotation marks.
    pub direct: bool,
    /// The reporting verb ("said", "told").
    pub cue: Option<String>,
    /// Where the cue is.
    pub cue_span: Option<Span>,
    /// The words naming the speaker ("a source in the Ukrainian delegation").
    pub speaker_text: Option<String>,
    /// Where they are.
    pub speaker_span: Option<Span>,
    /// The speaker's canonical name when resolved to a named entity; `None`
    /// for anonymous or unresolved speakers (never guessed).
    pub speaker: Option<String>,
    /// Knowledge-base id of the speaker, when known.
    pub speaker_kb_id: Option<String>,
    /// Country or organisation the speaker is affiliated with, when stated.
    pub affiliation: Option<String>,
}
