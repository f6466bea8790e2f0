//! Training the tagger from CoNLL-2003 data (`chronicle train-ner`).
//!
//! The gazetteer bits come from the same knowledge base the recognizer uses
//! at run time, so a model trained here matches production features.

use std::path::Path;

use super::tagger::{self, Example, Model, TrainConfig};
use super::Recognizer;
use crate::kb::{token_key, Kb};
use crate::LanguageError;

/// Reads a CoNLL file (`word###TAG` lines or column format) into training
/// examples with gazetteer bits from `kb`.
pub fn examples(path: &Path, kb: &Kb) -> Result<Vec<Example>, LanguageError> {
    let text = std::fs::read_to_string(path).map_err(|source| LanguageError::Io { file: path.display().to_string(), source })?;
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut sink = Vec::new();
    for (words, tags) in tagger::read_conll(&text) {
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let keys: Vec<u64> = refs.iter().map(|w| token_key(w, &mut buf)).collect();
        let mut gaz = vec![0u8; refs.len()];
        sink.clear();
        Recognizer::kb_pass(kb, &refs, &keys, 0..refs.len(), None, &mut gaz, &mut sink);
        out.push(Example { words, tags, gaz });
    }
    Ok(out)
}

/// Trains a model on the CoNLL file at `path` (a file, or a directory
/// holding `train.txt`).
pub fn train(path: &Path, kb: &Kb, cfg: TrainConfig) -> Result<Model, LanguageError> {
    let file = if path.is_dir() { path.join("train.txt") } else { path.to_path_buf() };
    let ex = examples(&file, kb)?;
    if ex.is_empty() {
        return Err(LanguageError::BadData { file: file.display().to_string(), line: 0, reason: "no sentences".into() });
    }
    Ok(tagger::train(&ex, cfg))
}

/// Trains with the default configuration and writes the weights to `out`
/// (e.g. `data/ner/tagger.bin`). Returns the number of features kept.
pub fn train_to_file(path: &Path, out: &Path) -> Result<usize, LanguageError> {
    let kb = Kb::builtin()?;
    let model = train(path, &kb, TrainConfig::default())?;
    std::fs::write(out, model.to_bytes()).map_err(|source| LanguageError::Io { file: out.display().to_string(), source })?;
    Ok(model.len())
}
