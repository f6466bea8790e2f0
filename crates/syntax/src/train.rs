//! Training the tagger, parser and lemma table from CoNLL-U treebanks
//! (`chronicle train syntax`, or `cargo run --release -p chronicle-syntax
//! --example train_syntax`). Deterministic: the same data and settings give
//! byte-identical weights.
//!
//! The parser trains on tags predicted by taggers that did not see the
//! sentence (k-fold jackknifing), so it learns to live with tagging errors as
//! it meets them at run time.
//!
//! Held-out split: of the UD English EWT files, every document whose id
//! hashes (FNV-1a) to 0 modulo [`HOLDOUT_MODULUS`] is held aside for
//! `chronicle eval ud`; training never sees it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::clusters::Clusters;
use crate::conllu::{self, Sentence};
use crate::features::Lexeme;
use crate::lemma::Lemmatizer;
use crate::parser::{self, ParseExample, ParseTrainConfig, Parser};
use crate::tagger::{self, TagTrainConfig, Tagger};
use crate::{Syntax, SyntaxError, LEMMAS_FILE, PARSER_FILE, TAGGER_FILE};

/// The treebank files training reads from a folder.
pub const EWT_FILES: [&str; 2] = ["en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu"];

/// One document in this many is held out.
pub const HOLDOUT_MODULUS: u64 = 10;

/// FNV-1a of a string (stable across platforms and versions).
fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// True when sentence `s` of a treebank file we train from is held out.
pub fn is_held_out(s: &Sentence) -> bool {
    fnv(s.doc_id()) % HOLDOUT_MODULUS == 0
}

/// True for the file names training reads.
pub fn is_training_file(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| EWT_FILES.contains(&n))
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// Tagger settings.
    pub tagger: TagTrainConfig,
    /// Parser settings.
    pub parser: ParseTrainConfig,
    /// Folds for the parser's predicted tags.
    pub folds: usize,
    /// CoNLL-U files of silver trees (news sentences parsed by another,
    /// permissively licensed parser and converted to UD; see
    /// `crates/syntax/train/silver.py`), trained on beside the gold trees.
    pub silver: Vec<PathBuf>,
    /// How many times each gold sentence counts against one silver sentence.
    pub gold_weight: usize,
    /// Threads for the taggers (the final one and the jackknife folds are
    /// trained side by side; the result does not depend on this).
    pub threads: usize,
    /// Tri-training filter (Søgaard 2010; Weiss et al. 2015): when set, a
    /// parser is first trained on the gold trees alone, and a silver
    /// sentence is kept only when that parser agrees with the silver tree
    /// on at least this share of its words (head and label). `None`: every
    /// silver sentence is kept.
    pub silver_agreement: Option<f64>,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            tagger: TagTrainConfig::default(),
            parser: ParseTrainConfig::default(),
            folds: 4,
            silver: Vec::new(),
            gold_weight: 2,
            threads: 2,
            silver_agreement: None,
        }
    }
}

/// The training sentences of the treebank folder `dir` (held-out documents
/// left out) and the held-out ones.
pub fn split(dir: &Path) -> Result<(Vec<Sentence>, Vec<Sentence>), SyntaxError> {
    let (mut train, mut held) = (Vec::new(), Vec::new());
    for name in EWT_FILES {
        for s in conllu::read(&dir.join(name))? {
            if is_held_out(&s) {
                held.push(s);
            } else {
                train.push(s);
            }
        }
    }
    Ok((train, held))
}

fn tag_name(w: &conllu::Word) -> String {
    format!("{} {}", w.upos, w.xpos)
}

fn tag_examples(sentences: &[&Sentence], clusters: &Clusters) -> Vec<(Vec<Lexeme>, Vec<String>)> {
    sentences
        .iter()
        .map(|s| {
            let lex = s.words.iter().map(|w| Lexeme::with_clusters(&w.form, clusters)).collect();
            (lex, s.words.iter().map(tag_name).collect())
        })
        .collect()
}

/// What training produced.
#[derive(Clone, Debug)]
pub struct Trained {
    /// The tagger (trained on all training sentences).
    pub tagger: Tagger,
    /// The parser.
    pub parser: Parser,
    /// The lemma exceptions.
    pub lemmas: Lemmatizer,
    /// Sentences the parser trained on (projective ones).
    pub parser_sentences: usize,
    /// Tagging accuracy of the jackknifed tags the parser trained on.
    pub jackknife_accuracy: f64,
    /// The word clusters the tagger and parser read.
    pub clusters: Arc<Clusters>,
}

/// Trains the final tagger (gold examples, the first `n_gold`, counted
/// `cfg.gold_weight` times) and the `cfg.folds` jackknife taggers, each on
/// the examples outside its fold, on `cfg.threads` threads. Returns the
/// tagger, every example's tags as predicted by the tagger that did not see
/// it, and their accuracy on the gold examples. Each tagger is trained alone
/// and deterministically, so the thread count does not change the result.
fn train_taggers(examples: &[(Vec<Lexeme>, Vec<String>)], n_gold: usize, cfg: &TrainConfig) -> (Tagger, Vec<Vec<String>>, f64) {
    let folds = cfg.folds.max(2);
    let weight = |i: usize| if i < n_gold { cfg.gold_weight.max(1) } else { 1 };
    // job 0 is the final tagger, job k the tagger of fold k - 1
    let job = |k: usize| -> Tagger {
        let chosen = examples.iter().enumerate().filter(|(i, _)| k == 0 || i % folds != k - 1);
        let data: Vec<_> = chosen.flat_map(|(i, e)| std::iter::repeat(e.clone()).take(if k == 0 { weight(i) } else { 1 })).collect();
        tagger::train(&data, cfg.tagger)
    };
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut trained: Vec<(usize, Tagger)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..cfg.threads.clamp(1, folds + 1))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        if k > folds {
                            return done;
                        }
                        done.push((k, job(k)));
                    }
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    });
    trained.sort_by_key(|(k, _)| *k);
    let mut predicted: Vec<Vec<String>> = vec![Vec::new(); examples.len()];
    let (mut right, mut total) = (0usize, 0usize);
    for (k, t) in &trained[1..] {
        for (i, (lex, gold)) in examples.iter().enumerate().filter(|(i, _)| i % folds == k - 1) {
            let tags: Vec<String> = t.tag(lex).into_iter().map(|c| t.classes()[c as usize].clone()).collect();
            if i < n_gold {
                right += tags.iter().zip(gold).filter(|(a, b)| a == b).count();
                total += gold.len();
            }
            predicted[i] = tags;
        }
    }
    let tagger = trained.swap_remove(0).1;
    (tagger, predicted, right as f64 / total.max(1) as f64)
}

/// Trains all three parts on gold `sentences` (each counted
/// `cfg.gold_weight` times) and `silver` ones, with the word clusters
/// `clusters`; `log` receives progress lines. The lemma table comes from the
/// gold sentences only.
pub fn train(
    sentences: &[Sentence],
    silver: &[Sentence],
    clusters: Arc<Clusters>,
    cfg: &TrainConfig,
    log: &mut dyn FnMut(&str),
) -> Trained {
    let all: Vec<&Sentence> = sentences.iter().chain(silver).collect();
    let examples = tag_examples(&all, &clusters);
    let (tagger, predicted, jackknife_accuracy) = train_taggers(&examples, sentences.len(), cfg);
    log(&format!("jackknifed tag accuracy on gold {jackknife_accuracy:.4}"));
    log(&format!("tagger: {} features", tagger.len()));
    let class_id = |name: &str| tagger.classes().iter().position(|c| c == name).unwrap_or(0) as u16;
    let (mut gold_examples, mut silver_examples) = (Vec::new(), Vec::new());
    for (i, ((s, (lex, _)), tags)) in all.iter().zip(&examples).zip(&predicted).enumerate() {
        if !s.is_projective() {
            continue;
        }
        let ex = ParseExample {
            lex: lex.clone(),
            tags: tags.iter().map(|t| class_id(t)).collect(),
            heads: s.words.iter().map(|w| w.head.checked_sub(1)).collect(),
            labels: s.words.iter().map(|w| w.deprel.clone()).collect(),
        };
        if i < sentences.len() {
            gold_examples.extend(std::iter::repeat(ex).take(cfg.gold_weight.max(1)));
        } else {
            silver_examples.push(ex);
        }
    }
    if let Some(min) = cfg.silver_agreement.filter(|_| !silver_examples.is_empty()) {
        let judge = parser::train(&gold_examples, cfg.parser);
        let before = silver_examples.len();
        silver_examples.retain(|ex| agreement(&judge, ex) >= min);
        log(&format!("silver kept by agreement >= {min} with a gold-only parser: {} of {before}", silver_examples.len()));
    }
    let mut parse_examples = gold_examples;
    parse_examples.extend(silver_examples);
    let parser_sentences = parse_examples.len();
    let parser = parser::train(&parse_examples, cfg.parser).with_clusters(clusters.fingerprint());
    log(&format!("parser: {parser_sentences} projective sentences (gold weighted), {} features", parser.len()));
    let lemmas = Lemmatizer::learn(
        sentences.iter().flat_map(|s| s.words.iter()).map(|w| (w.form.as_str(), w.upos.as_str(), w.xpos.as_str(), w.lemma.as_str())),
    );
    Trained { tagger, parser, lemmas, parser_sentences, jackknife_accuracy, clusters }
}

/// Share of the words of `ex` to which `parser` gives the example's head and
/// label (1 for an empty sentence).
fn agreement(parser: &Parser, ex: &ParseExample) -> f64 {
    let out = parser.parse(&ex.lex, &ex.tags);
    let same = out
        .iter()
        .zip(ex.heads.iter().zip(&ex.labels))
        .filter(|((h, l), (gh, gl))| h == *gh && parser.labels().get(usize::from(*l)) == Some(*gl))
        .count();
    if out.is_empty() {
        1.0
    } else {
        same as f64 / out.len() as f64
    }
}

/// Header of the generated lemma table.
pub const LEMMAS_HEADER: &str = "# data/syntax/lemmas.tsv — lemma exceptions: lower-cased form, Penn tag, lemma,\n\
# where English inflection rules (chronicle_syntax::lemma::rule_lemma) would be wrong;\n\
# then the treebank's verb base forms (`base<TAB>BASE<TAB>base`), which settle a stem\n\
# the rules must guess (\"deciding\": decide, not decid).\n\
# Derived by `chronicle train syntax` from the UD English Web Treebank (dev and test\n\
# files less held-out documents), Universal Dependencies, CC BY-SA 4.0.\n";

/// Trains only the tagger (gold sentences of `treebank` counted
/// `cfg.gold_weight` times, plus `cfg.silver`, with the built-in clusters),
/// as [`train`] trains its final tagger: for pairing a new tagger with a
/// parser trained before.
pub fn train_tagger(treebank: &Path, cfg: &TrainConfig, log: &mut dyn FnMut(&str)) -> Result<Tagger, SyntaxError> {
    let (train_set, _) = split(treebank)?;
    let mut silver = Vec::new();
    for f in &cfg.silver {
        silver.extend(conllu::read(f)?);
    }
    let clusters = crate::clusters::builtin()?;
    let all: Vec<&Sentence> = train_set.iter().chain(&silver).collect();
    let examples = tag_examples(&all, clusters);
    let weight = |i: usize| if i < train_set.len() { cfg.gold_weight.max(1) } else { 1 };
    let weighted: Vec<_> = examples.iter().enumerate().flat_map(|(i, e)| std::iter::repeat(e.clone()).take(weight(i))).collect();
    log(&format!("tagger only: {} gold, {} silver sentences", train_set.len(), silver.len()));
    Ok(tagger::train(&weighted, cfg.tagger))
}

/// Trains on the treebank folder `treebank` and writes the three files into
/// `out`. Returns what was trained.
pub fn train_to_dir(treebank: &Path, out: &Path, cfg: TrainConfig, log: &mut dyn FnMut(&str)) -> Result<Trained, SyntaxError> {
    let (train_set, held) = split(treebank)?;
    log(&format!("{} training sentences, {} held out", train_set.len(), held.len()));
    let mut silver = Vec::new();
    for f in &cfg.silver {
        let s = conllu::read(f)?;
        log(&format!("{}: {} silver sentences", f.display(), s.len()));
        silver.extend(s);
    }
    let clusters = Arc::new(crate::clusters::builtin()?.clone());
    log(&format!("{} word clusters ({})", clusters.len(), crate::clusters::BUILTIN_FILE));
    let trained = train(&train_set, &silver, clusters, &cfg, log);
    std::fs::create_dir_all(out).map_err(|e| SyntaxError::io(out, e))?;
    let write = |name: &str, bytes: &[u8]| std::fs::write(out.join(name), bytes).map_err(|e| SyntaxError::io(&out.join(name), e));
    write(TAGGER_FILE, &trained.tagger.to_bytes())?;
    write(PARSER_FILE, &trained.parser.to_bytes())?;
    write(LEMMAS_FILE, trained.lemmas.to_tsv(LEMMAS_HEADER).as_bytes())?;
    Ok(trained)
}

impl Trained {
    /// The trained parts as a loaded [`Syntax`] (round-tripped through their
    /// files, so it behaves exactly as the written weights will).
    pub fn to_syntax(&self) -> Result<Syntax, SyntaxError> {
        let tagger = Tagger::from_bytes(&self.tagger.to_bytes(), TAGGER_FILE)?;
        let parser = Parser::from_bytes(&self.parser.to_bytes(), PARSER_FILE)?;
        let lemmas = Lemmatizer::parse(&self.lemmas.to_tsv(""), LEMMAS_FILE)?;
        Ok(Syntax::assemble(Some(tagger), Some(parser), lemmas, self.clusters.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOLD: &str = "1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n2\tfired\tfire\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tshells\tshell\tNOUN\tNNS\t_\t2\tobj\t_\t_\n\n\
1\tRebels\trebel\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n2\twent\tgo\tVERB\tVBD\t_\t0\troot\t_\t_\n3\thome\thome\tADV\tRB\t_\t2\tadvmod\t_\t_\n";
    const SILVER: &str = "1\tPolice\tpolice\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n2\tbought\tbuy\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tcars\tcar\tNOUN\tNNS\t_\t2\tobj\t_\t_\n";

    /// Settings for a treebank of a few sentences: nothing pruned, every word kept.
    fn tiny_config(epochs: usize) -> TrainConfig {
        let mut cfg = TrainConfig::default();
        cfg.tagger.prune = 0.0;
        cfg.parser.prune = 0.0;
        cfg.parser.min_word_count = 1;
        cfg.tagger.epochs = epochs;
        cfg.parser.epochs = epochs;
        cfg
    }

    #[test]
    fn gold_counts_twice_and_lemmas_come_from_gold_only() {
        let gold = conllu::parse(GOLD, "gold").unwrap();
        let silver = conllu::parse(SILVER, "silver").unwrap();
        let cfg = tiny_config(3);
        let t = train(&gold, &silver, Arc::new(Clusters::default()), &cfg, &mut |_| {});
        assert_eq!(t.parser_sentences, 2 * 2 + 1);
        let lemmas = t.lemmas.to_tsv("");
        assert!(lemmas.contains("went\tVBD\tgo"), "{lemmas}");
        assert!(!lemmas.contains("bought"), "silver lemmas are not learned: {lemmas}");
        // the trained parts load back and analyse
        let syntax = t.to_syntax().unwrap();
        let out = syntax.analyse(&["Troops", "fired", "shells"]);
        assert_eq!(out.len(), 3);
        assert_eq!(out.iter().filter(|a| a.head.is_none()).count(), 1);
    }

    #[test]
    fn the_agreement_filter_keeps_only_silver_the_gold_parser_agrees_with() {
        let gold = conllu::parse(GOLD, "gold").unwrap();
        // the second silver tree calls the object an indirect one: a gold-only parser disagrees
        let odd = "1\tPolice\tpolice\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n2\tbought\tbuy\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tcars\tcar\tNOUN\tNNS\t_\t2\tiobj\t_\t_\n";
        let silver = conllu::parse(&format!("{SILVER}\n{odd}"), "silver").unwrap();
        let cfg = tiny_config(5);
        let kept = |min: Option<f64>| {
            let t = train(&gold, &silver, Arc::new(Clusters::default()), &TrainConfig { silver_agreement: min, ..cfg.clone() }, &mut |_| {});
            t.parser_sentences - 2 * 2
        };
        assert_eq!(kept(None), 2);
        assert_eq!(kept(Some(0.0)), 2);
        assert_eq!(kept(Some(0.99)), 1);
        assert_eq!(kept(Some(1.01)), 0);
    }

    #[test]
    fn the_thread_count_does_not_change_the_weights() {
        let gold = conllu::parse(GOLD, "gold").unwrap();
        let silver = conllu::parse(SILVER, "silver").unwrap();
        let mut cfg = TrainConfig::default();
        cfg.tagger.epochs = 2;
        cfg.parser.epochs = 2;
        let bytes = |threads: usize| {
            let t = train(&gold, &silver, Arc::new(Clusters::default()), &TrainConfig { threads, ..cfg.clone() }, &mut |_| {});
            (t.tagger.to_bytes(), t.parser.to_bytes(), t.jackknife_accuracy)
        };
        assert_eq!(bytes(1), bytes(3));
    }

    #[test]
    fn holdout_is_by_document_and_stable() {
        let s = |id: &str| Sentence { id: id.into(), ..Default::default() };
        assert_eq!(is_held_out(&s("doc-a-0001")), is_held_out(&s("doc-a-0002")));
        let held = (0..1000).filter(|i| is_held_out(&s(&format!("d{i}-0001")))).count();
        assert!((50..150).contains(&held), "{held}");
        assert_eq!(fnv("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
