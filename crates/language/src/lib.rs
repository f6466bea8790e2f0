//! The language layer: sentences, tokens, named entities (knowledge base +
//! statistical tagger + rules, with in-document coreference and stated roles),
//! time expressions, quantities and quotes, all as stand-off spans on the
//! clean body of a [`chronicle_core::Document`].
//!
//! Build one [`Language`] per process (it loads the knowledge base and the
//! tagger weights once) and call [`Language::annotate`] per document.
//!
//! The syntax step ([`chronicle_syntax`]: tags, lemmas, dependency trees) runs
//! right after sentences and tokens, so every later step can read the trees.
//!
//! Reads: `Document::body`, `Document::meta.published`.
//! Writes: `sentences`, `tokens` (with their `syntax`), `mentions`, `roles`,
//! `times`, `quantities`, `quotes`.

pub mod codes;
pub mod cue_model;
pub mod dating;
pub mod definite;
pub mod error;
pub mod eval;
pub mod kb;
pub mod ner;
pub mod place;
pub mod pronoun;
pub mod quantity;
pub mod quote;
pub mod sentence;
pub mod time;

pub use error::LanguageError;

use chronicle_core::Document;

/// The loaded language layer. Cheap to share across threads (`Sync`).
pub struct Language {
    /// Knowledge base of countries, organisations and office holders.
    pub kb: kb::Kb,
    /// Entity recogniser (tagger + rules).
    pub ner: ner::Recognizer,
    /// Part-of-speech tagger, lemmatiser and dependency parser (does nothing
    /// when `data/syntax/` holds no weights).
    pub syntax: chronicle_syntax::Syntax,
}

impl Language {
    /// Loads the built-in data (embedded at compile time from `data/`).
    pub fn load() -> Result<Language, LanguageError> {
        let kb = kb::Kb::builtin()?;
        let ner = ner::Recognizer::builtin()?;
        let syntax = chronicle_syntax::Syntax::builtin()?;
        Ok(Language { kb, ner, syntax })
    }

    /// Annotates one document in place: sentences and tokens with their
    /// syntax, then entities (with coreference and roles), times, quantities
    /// and quotes.
    pub fn annotate(&self, doc: &mut Document) {
        self.annotate_sentences(doc);
        self.annotate_entities(doc);
        self.annotate_after_entities(doc);
    }

    /// The step of [`Language::annotate`] after sentences: entities, with
    /// in-document coreference, stated roles and the world tables' facts.
    pub fn annotate_entities(&self, doc: &mut Document) {
        self.ner.annotate(&self.kb, doc);
    }

    /// The first steps of [`Language::annotate`]: sentences and tokens, then
    /// each sentence's tags, lemmas and dependency tree.
    pub fn annotate_sentences(&self, doc: &mut Document) {
        sentence::annotate(doc);
        self.syntax.annotate(doc);
    }

    /// After event coding: the country of each unnamed national institution
    /// among the events' parties ([`codes`]: "the government", "a federal
    /// court"), then each event's location resolved to a GeoNames place with
    /// its coordinates ([`place`]).
    pub fn place_events(&self, doc: &mut Document) {
        codes::annotate(&self.kb, doc);
        place::annotate(&self.kb, doc);
    }

    /// The steps of [`Language::annotate`] after sentences and entities: the
    /// document date bounded by stated roles, times, quantities, quotes, the
    /// date bounded again by the dates the text reports (times then resolved
    /// again), and the layers sorted.
    pub fn annotate_after_entities(&self, doc: &mut Document) {
        // Stated roles may bound the document date; times resolve against it.
        let titles = self.ner.titles();
        dating::refine_published(doc, &self.kb, &|t| titles.office_of(t).map(str::to_string));
        time::annotate(doc);
        quantity::annotate(doc);
        quote::annotate(doc);
        // After quotes: a pronoun inside a direct quotation is not resolved.
        pronoun::annotate(doc);
        // "the company" after a firm was named: that firm (definite descriptions)
        definite::annotate(doc);
        // Dates the text reports as past (or still to come) bound the document
        // date too; times are then resolved again against the narrowed date.
        dating::bound_by_reported_dates(doc);
        doc.sort_layers();
    }
}
