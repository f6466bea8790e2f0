//! Training the tagger from CoNLL-2003 data (`chronicle train ner`).
//!
//! The gazetteer bits come from the same knowledge base the recognizer uses
//! at run time, so a model trained here matches production features.

use std::path::{Path, PathBuf};

use super::clusters::{self, ClusterConfig};
use super::lexicon::WorldNames;
use chronicle_syntax::clusters::Clusters;
use super::tagger::{self, Example, Model, TrainConfig};
use super::Recognizer;
use crate::kb::{token_key, Kb};
use crate::LanguageError;

/// Reads a CoNLL file (`word###TAG` lines or column format) into training
/// examples with gazetteer bits from `kb`.
pub fn examples(path: &Path, kb: &Kb) -> Result<Vec<Example>, LanguageError> {
    let world = WorldNames::new(kb);
    let text = std::fs::read_to_string(path).map_err(|source| LanguageError::Io { file: path.display().to_string(), source })?;
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut sink = Vec::new();
    for (words, tags) in tagger::read_conll(&text) {
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let keys: Vec<u64> = refs.iter().map(|w| token_key(w, &mut buf)).collect();
        let mut gaz = vec![0u16; refs.len()];
        sink.clear();
        Recognizer::kb_pass(kb, &refs, &keys, 0..refs.len(), None, &mut gaz, &mut sink);
        world.mark(&keys, &refs, &mut gaz);
        out.push(Example { words, tags, gaz });
    }
    Ok(out)
}

/// Trains a model on the CoNLL file at `path` (a file, or a directory
/// holding `train.txt`).
pub fn train(path: &Path, kb: &Kb, cfg: TrainConfig, clusters: Clusters) -> Result<Model, LanguageError> {
    let file = if path.is_dir() { path.join("train.txt") } else { path.to_path_buf() };
    let ex = examples(&file, kb)?;
    if ex.is_empty() {
        return Err(LanguageError::BadData { file: file.display().to_string(), line: 0, reason: "no sentences".into() });
    }
    Ok(tagger::train(&ex, cfg, clusters))
}

/// Learns word clusters from the raw text under `sources` (folders or
/// files, see [`clusters::text_files`]) and returns the cluster file's text,
/// with its provenance in the header.
pub fn learn_clusters(sources: &[PathBuf], cfg: &ClusterConfig, log: &mut dyn FnMut(&str)) -> Result<String, LanguageError> {
    let mut texts = Vec::new();
    let mut header = vec![
        "word clusters for the entity tagger (data/ner/README.md), learned by chronicle's own code".to_string(),
        "(chronicle_language::ner::clusters, `chronicle train ner`) from raw news text, never from".to_string(),
        "CoNLL-2003 valid.txt. Columns: word (digits folded to 0, case kept), then the cluster at".to_string(),
        format!("{:?} clusters (coarse to fine); most frequent word first. Settings: {cfg:?}.", cfg.sizes),
        "Sources (file count):".to_string(),
    ];
    for src in sources {
        let files = clusters::text_files(src);
        for f in &files {
            texts.push(clusters::read_text(f)?);
        }
        let name = src.file_name().map_or_else(|| src.display().to_string(), |n| n.to_string_lossy().into_owned());
        header.push(format!("  {name} ({} files)", files.len()));
        log(&format!("{}: {} files", src.display(), files.len()));
    }
    if texts.is_empty() {
        return Err(LanguageError::BadData { file: "clusters".into(), line: 0, reason: "no raw text found".into() });
    }
    let rows = clusters::learn(&texts, cfg);
    log(&format!("{} words clustered", rows.len()));
    Ok(clusters::to_tsv(&rows, &header))
}

/// What [`train_all`] did.
#[derive(Clone, Debug)]
pub struct Trained {
    /// Words in the cluster file.
    pub cluster_words: usize,
    /// Features kept in the tagger.
    pub features: usize,
    /// The model, with its clusters.
    pub model: Model,
}

/// The whole training of the entity tagger: clusters from `raw` (skipped
/// when empty: the cluster file already in `out` is used), then the tagger
/// on CoNLL-2003 `train.txt` under `conll`; writes `clusters.tsv` and
/// `tagger.bin` into `out` (e.g. `data/ner`).
pub fn train_all(conll: &Path, raw: &[PathBuf], out: &Path, log: &mut dyn FnMut(&str)) -> Result<Trained, LanguageError> {
    let io = |file: &Path| {
        let file = file.display().to_string();
        move |source| LanguageError::Io { file, source }
    };
    let cpath = out.join("clusters.tsv");
    let ctext = if raw.is_empty() {
        std::fs::read_to_string(&cpath).map_err(io(&cpath))?
    } else {
        let t = learn_clusters(raw, &ClusterConfig::default(), log)?;
        std::fs::write(&cpath, &t).map_err(io(&cpath))?;
        t
    };
    let cl = Clusters::parse(&ctext, &cpath.display().to_string())?;
    let cluster_words = cl.len();
    let kb = Kb::builtin()?;
    let model = train(conll, &kb, TrainConfig::default(), cl)?;
    let tpath = out.join("tagger.bin");
    std::fs::write(&tpath, model.to_bytes()).map_err(io(&tpath))?;
    log(&format!("tagger: {} features -> {}", model.len(), tpath.display()));
    Ok(Trained { cluster_words, features: model.len(), model })
}
