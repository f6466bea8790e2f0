//! Shared set-up for chronicle's benchmarks: where the dev data lives, and the
//! Reuters-21578 documents prepared up to each stage, so that every benchmark
//! times one stage on its real input.
//!
//! The dev data is not part of the repository: every loader returns `None`
//! when it is absent, and the benchmarks then print a notice and skip.

use std::path::{Path, PathBuf};

use chronicle_clean::Cleaner;
use chronicle_core::{Document, RawInput};
use chronicle_events::EventCoder;
use chronicle_language::Language;

/// The shared dev-data folder (`../shared/data` next to the workspace root),
/// or `$CHRONICLE_EVAL_DATA` when set.
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CHRONICLE_EVAL_DATA") {
        return PathBuf::from(dir);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

/// The Reuters-21578 folder, when present.
pub fn reuters_dir() -> Option<PathBuf> {
    let dir = data_dir().join("reuters21578");
    dir.is_dir().then_some(dir)
}

/// The first `limit` Reuters stories as raw inputs, or `None` (with a notice
/// on stderr) when the corpus is absent or unreadable.
pub fn reuters_inputs(limit: usize) -> Option<Vec<RawInput>> {
    let Some(dir) = reuters_dir() else {
        eprintln!("chronicle-bench: skipped, {} not found", data_dir().join("reuters21578").display());
        return None;
    };
    match chronicle_pipeline::reuters::read_dir(&dir, Some(limit)) {
        Ok(inputs) if !inputs.is_empty() => Some(inputs.into_iter().map(reflow_input).collect()),
        Ok(_) => {
            eprintln!("chronicle-bench: skipped, no Reuters stories in {}", dir.display());
            None
        }
        Err(e) => {
            eprintln!("chronicle-bench: skipped, {e}");
            None
        }
    }
}

/// Reuters bodies are hard-wrapped wire copy: lines of ~70 characters, a new
/// paragraph marked only by an indented line. The cleaner rejects that layout
/// ("no block looks like article text"), so the benchmarks reflow it first:
/// the wrapped lines of a paragraph joined with spaces, paragraphs separated
/// by a blank line (the title block stays as it is).
pub fn reflow(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut para = String::new();
    let flush = |para: &mut String, out: &mut String| {
        if !para.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(para);
            para.clear();
        }
    };
    for line in text.lines() {
        let starts_para = line.starts_with(char::is_whitespace) || line.trim().is_empty();
        if starts_para {
            flush(&mut para, &mut out);
        }
        let t = line.trim();
        if !t.is_empty() {
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(t);
        }
    }
    flush(&mut para, &mut out);
    out
}

/// [`reflow`] applied to an input's text and raw bytes.
pub fn reflow_input(mut input: RawInput) -> RawInput {
    input.text = reflow(&input.text);
    input.raw = input.text.as_bytes().to_vec();
    input
}

/// How far the documents of a [`Prepared`] set have been taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Upto {
    /// Cleaned only.
    Clean,
    /// Cleaned, split into sentences and tokens.
    Sentences,
    /// … with tags, lemmas and dependency trees.
    Syntax,
    /// … and entities.
    Entities,
    /// The whole language layer (times, quantities, quotes, layers sorted).
    Language,
    /// … and events coded.
    Events,
}

/// The loaded stages, built once.
pub struct Stages {
    /// Boilerplate removal.
    pub cleaner: Cleaner,
    /// The language layer.
    pub language: Language,
    /// The event coder.
    pub coder: EventCoder,
}

impl Stages {
    /// Loads every stage's built-in data.
    pub fn load() -> Result<Stages, String> {
        Ok(Stages {
            cleaner: Cleaner::builtin(),
            language: Language::load().map_err(|e| e.to_string())?,
            coder: EventCoder::builtin().map_err(|e| e.to_string())?,
        })
    }

    /// Cleans the inputs and takes every document up to `upto` (sequentially).
    pub fn prepare(&self, inputs: Vec<RawInput>, upto: Upto) -> Vec<Document> {
        let mut docs: Vec<Document> =
            self.cleaner.clean_batch(inputs).into_iter().filter_map(Result::ok).flatten().collect();
        for doc in &mut docs {
            self.advance(doc, Upto::Clean, upto);
        }
        docs
    }

    /// Runs the steps after `from` up to and including `to` on one document,
    /// in the order `Language::annotate` runs them (sentences then syntax is
    /// `Language::annotate_sentences`).
    pub fn advance(&self, doc: &mut Document, from: Upto, to: Upto) {
        if from < Upto::Sentences && to >= Upto::Sentences {
            chronicle_language::sentence::annotate(doc);
        }
        if from < Upto::Syntax && to >= Upto::Syntax {
            self.language.syntax.annotate(doc);
        }
        if from < Upto::Entities && to >= Upto::Entities {
            self.language.ner.annotate(&self.language.kb, doc);
        }
        if from < Upto::Language && to >= Upto::Language {
            rest_of_language(&self.language, doc);
        }
        if from < Upto::Events && to >= Upto::Events {
            self.coder.code(doc);
        }
    }
}

/// The language steps after entities, exactly as `Language::annotate` runs
/// them: the document date bounded, times, quantities, quotes, the date
/// bounded again by reported dates, the layers sorted.
pub fn rest_of_language(language: &Language, doc: &mut Document) {
    language.annotate_after_entities(doc);
}

/// Total sentences over a set of documents.
pub fn sentence_count(docs: &[Document]) -> usize {
    docs.iter().map(|d| d.sentences.len()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_dir_is_next_to_the_workspace() {
        if std::env::var_os("CHRONICLE_EVAL_DATA").is_none() {
            assert!(data_dir().ends_with("shared/data"));
        }
    }

    #[test]
    fn reflow_joins_wrapped_lines_and_splits_at_indents() {
        let text = "TITLE HERE\n\nShowers continued in\nthe zone, it said.\n    The dry period\nmeans delays.";
        assert_eq!(reflow(text), "TITLE HERE\n\nShowers continued in the zone, it said.\n\nThe dry period means delays.");
    }

    #[test]
    fn prepared_steps_match_the_full_language_layer() {
        let Some(inputs) = reuters_inputs(5) else { return };
        let stages = Stages::load().unwrap();
        let stepwise = stages.prepare(inputs.clone(), Upto::Language);
        let mut whole: Vec<Document> =
            stages.cleaner.clean_batch(inputs).into_iter().filter_map(Result::ok).flatten().collect();
        for doc in &mut whole {
            stages.language.annotate(doc);
        }
        assert_eq!(stepwise.len(), whole.len());
        for (a, b) in stepwise.iter().zip(&whole) {
            assert_eq!(a.sentences.len(), b.sentences.len());
            assert_eq!(a.tokens, b.tokens, "tokens and their syntax");
            assert_eq!(a.mentions.len(), b.mentions.len());
            assert_eq!(a.times.len(), b.times.len());
        }
    }
}
