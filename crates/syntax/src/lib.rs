//! The syntax step: universal and Penn part-of-speech tags, lemmas and a
//! labelled dependency tree (Universal Dependencies v2) for every sentence,
//! written as the `syntax` of each [`chronicle_core::Token`].
//!
//! Models are trained by this crate's own code ([`train`]) on the UD English
//! Web Treebank: a greedy averaged-perceptron tagger ([`tagger`]) and an
//! arc-hybrid transition parser trained with a dynamic oracle ([`parser`]).
//! [`tree`] is the query API other stages read trees through.
//!
//! Reads: `Document::body`, `sentences`, `tokens`. Writes: `tokens[].syntax`.
//!
//! Architecture invariant: depends only on `core`; weights are plain files in
//! `data/syntax/`, embedded at compile time; nothing is downloaded.
#![deny(missing_docs)]

pub mod clusters;
pub mod conllu;
pub mod error;
pub mod eval;
pub mod features;
pub mod fixture;
pub mod lemma;
pub mod parser;
pub mod perceptron;
pub mod tagger;
pub mod train;
pub mod tree;

use std::path::Path;
use std::sync::Arc;

use chronicle_core::{Document, TokenSyntax, Upos};

pub use error::SyntaxError;
use features::Lexeme;

const TAGGER_BIN: &[u8] = include_bytes!("../../../data/syntax/tagger.bin");
const PARSER_BIN: &[u8] = include_bytes!("../../../data/syntax/parser.bin");
const LEMMAS_TSV: &str = include_str!("../../../data/syntax/lemmas.tsv");

/// File names inside a syntax data folder.
pub const TAGGER_FILE: &str = "tagger.bin";
/// Parser weights file name.
pub const PARSER_FILE: &str = "parser.bin";
/// Lemma exceptions file name.
pub const LEMMAS_FILE: &str = "lemmas.tsv";

/// The analysis of one word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Analysis {
    /// Universal POS tag.
    pub upos: Upos,
    /// Penn tag.
    pub xpos: String,
    /// Lemma.
    pub lemma: String,
    /// Index of the head word in the sentence; `None` for the root.
    pub head: Option<usize>,
    /// UD relation (`root` for the root).
    pub deprel: String,
}

/// The loaded models. Cheap to share across threads (`Sync`).
#[derive(Clone, Debug)]
pub struct Syntax {
    tagger: Option<tagger::Tagger>,
    parser: Option<parser::Parser>,
    lemmas: lemma::Lemmatizer,
    /// (UPOS, XPOS) of each tagger class.
    tags: Vec<(Upos, String)>,
    /// The word clusters the models were trained with.
    clusters: Arc<clusters::Clusters>,
}

impl Syntax {
    /// The built-in models (embedded from `data/syntax/`) with the built-in
    /// word clusters (`data/ner/clusters.tsv`). Empty weight files are
    /// valid: the step then writes nothing.
    pub fn builtin() -> Result<Syntax, SyntaxError> {
        Syntax::from_parts(TAGGER_BIN, PARSER_BIN, LEMMAS_TSV, "data/syntax")
    }

    /// Models from a folder holding `tagger.bin`, `parser.bin` and
    /// `lemmas.tsv`, with the built-in word clusters.
    pub fn from_dir(dir: &Path) -> Result<Syntax, SyntaxError> {
        let read = |name: &str| std::fs::read(dir.join(name)).map_err(|e| SyntaxError::io(&dir.join(name), e));
        let lemmas = String::from_utf8_lossy(&read(LEMMAS_FILE)?).into_owned();
        Syntax::from_parts(&read(TAGGER_FILE)?, &read(PARSER_FILE)?, &lemmas, &dir.display().to_string())
    }

    /// Reads the parts; a parser trained with other word clusters than the
    /// built-in ones is refused (its features would be noise). One trained
    /// without clusters (fingerprint 0) has no cluster weights and runs with
    /// any table.
    fn from_parts(tagger: &[u8], parser: &[u8], lemmas: &str, dir: &str) -> Result<Syntax, SyntaxError> {
        let tagger = if tagger.is_empty() {
            None
        } else {
            Some(tagger::Tagger::from_bytes(tagger, &format!("{dir}/{TAGGER_FILE}"))?)
        };
        let parser = if parser.is_empty() {
            None
        } else {
            Some(parser::Parser::from_bytes(parser, &format!("{dir}/{PARSER_FILE}"))?)
        };
        let lemmas = lemma::Lemmatizer::parse(lemmas, &format!("{dir}/{LEMMAS_FILE}"))?;
        let clusters = clusters::builtin()?;
        if let Some(p) = parser.as_ref().filter(|p| p.clusters() != 0 && p.clusters() != clusters.fingerprint()) {
            return Err(SyntaxError::BadWeights {
                file: format!("{dir}/{PARSER_FILE}"),
                reason: format!(
                    "trained with other word clusters (fingerprint {:016x}, {} has {:016x}): retrain with `chronicle train syntax`",
                    p.clusters(),
                    clusters::BUILTIN_FILE,
                    clusters.fingerprint()
                ),
            });
        }
        Ok(Syntax::assemble(tagger, parser, lemmas, Arc::new(clusters.clone())))
    }

    /// Puts trained parts together with the word clusters they were trained with.
    pub fn assemble(
        tagger: Option<tagger::Tagger>,
        parser: Option<parser::Parser>,
        lemmas: lemma::Lemmatizer,
        clusters: Arc<clusters::Clusters>,
    ) -> Syntax {
        let tags = tagger
            .as_ref()
            .map(|t| {
                t.classes()
                    .iter()
                    .map(|c| {
                        let (u, x) = c.split_once(' ').unwrap_or((c.as_str(), "_"));
                        (Upos::parse(u).unwrap_or(Upos::X), x.to_string())
                    })
                    .collect()
            })
            .unwrap_or_default();
        Syntax { tagger, parser, lemmas, tags, clusters }
    }

    /// The word clusters the models read.
    pub fn clusters(&self) -> &clusters::Clusters {
        &self.clusters
    }

    /// True when both a tagger and a parser are loaded.
    pub fn is_ready(&self) -> bool {
        self.tagger.is_some() && self.parser.is_some()
    }

    /// The tagger, when loaded.
    pub fn tagger(&self) -> Option<&tagger::Tagger> {
        self.tagger.as_ref()
    }

    /// The parser, when loaded.
    pub fn parser(&self) -> Option<&parser::Parser> {
        self.parser.as_ref()
    }

    /// Tags, lemmatises and parses one sentence of words. Empty when no
    /// models are loaded.
    pub fn analyse(&self, words: &[&str]) -> Vec<Analysis> {
        let (Some(tagger), Some(parser)) = (&self.tagger, &self.parser) else { return Vec::new() };
        let lex: Vec<Lexeme> = words.iter().map(|w| Lexeme::with_clusters(w, &self.clusters)).collect();
        let tags = tagger.tag(&lex);
        let arcs = parser.parse(&lex, &tags);
        words
            .iter()
            .zip(tags)
            .zip(arcs)
            .map(|((w, t), (head, label))| {
                let (upos, xpos) = self.tags.get(t as usize).cloned().unwrap_or((Upos::X, "_".to_string()));
                let lemma = self.lemmas.lemma(w, upos.as_str(), &xpos);
                let deprel = parser.labels().get(label as usize).cloned().unwrap_or_else(|| "dep".to_string());
                Analysis { upos, xpos, lemma, head, deprel }
            })
            .collect()
    }

    /// Writes `syntax` on every token of every sentence of `doc`.
    pub fn annotate(&self, doc: &mut Document) {
        if !self.is_ready() {
            return;
        }
        let ranges = doc.sentence_token_ranges();
        for range in ranges {
            let body = doc.body();
            let words: Vec<&str> = doc.tokens[range.clone()].iter().map(|t| t.span.text(body)).collect();
            let analyses = self.analyse(&words);
            for (k, a) in analyses.into_iter().enumerate() {
                let head = a.head.map(|h| (range.start + h) as u32);
                doc.tokens[range.start + k].syntax =
                    Some(TokenSyntax { upos: a.upos, xpos: a.xpos, lemma: a.lemma, head, deprel: a.deprel });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny_parser() -> parser::Parser {
        let ex = parser::ParseExample {
            lex: vec![Lexeme::of("Troops"), Lexeme::of("fired")],
            tags: vec![0, 1],
            heads: vec![Some(1), None],
            labels: vec!["nsubj".into(), "root".into()],
        };
        parser::train(&[ex], parser::ParseTrainConfig { epochs: 1, ..Default::default() })
    }

    #[test]
    fn a_parser_trained_with_other_clusters_is_refused() {
        let builtin = clusters::builtin().unwrap().fingerprint();
        let ok = tiny_parser().with_clusters(builtin).to_bytes();
        assert!(Syntax::from_parts(&[], &ok, "", "t").is_ok());
        let other = tiny_parser().with_clusters(builtin ^ 1).to_bytes();
        let err = Syntax::from_parts(&[], &other, "", "t").unwrap_err().to_string();
        assert!(err.contains("other word clusters"), "{err}");
        // trained without clusters: runs with any table
        assert!(Syntax::from_parts(&[], &tiny_parser().with_clusters(0).to_bytes(), "", "t").is_ok());
    }
}
