//! `chronicle eval ud`: UPOS, XPOS and lemma accuracy, UAS and LAS over every
//! word, punctuation included (CoNLL 2018 shared-task style, gold
//! tokenisation). Labels compare in full, subtypes included.

use std::path::{Path, PathBuf};

use crate::conllu::{self, Sentence};
use crate::train::{is_held_out, is_training_file};
use crate::{Syntax, SyntaxError};

/// Counts over the words scored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UdScores {
    /// Sentences.
    pub sentences: usize,
    /// Words.
    pub words: usize,
    /// Right UPOS.
    pub upos: usize,
    /// Right XPOS.
    pub xpos: usize,
    /// Right lemma.
    pub lemma: usize,
    /// Right head.
    pub uas: usize,
    /// Right head and label.
    pub las: usize,
}

impl UdScores {
    fn ratio(&self, k: usize) -> f64 {
        k as f64 / self.words.max(1) as f64
    }

    /// Adds another count.
    pub fn add(&mut self, o: UdScores) {
        self.sentences += o.sentences;
        self.words += o.words;
        self.upos += o.upos;
        self.xpos += o.xpos;
        self.lemma += o.lemma;
        self.uas += o.uas;
        self.las += o.las;
    }

    /// LAS as a fraction.
    pub fn las_score(&self) -> f64 {
        self.ratio(self.las)
    }

    /// The summary line: `ud: UPOS=… UAS=… LAS=… F1=<LAS>`.
    pub fn summary(&self) -> String {
        format!(
            "ud: UPOS={:.4} UAS={:.4} LAS={:.4} F1={:.4}",
            self.ratio(self.upos),
            self.ratio(self.uas),
            self.ratio(self.las),
            self.ratio(self.las)
        )
    }

    /// Detail line (XPOS, lemmas, counts).
    pub fn detail(&self) -> String {
        format!(
            "{} sentences, {} words; XPOS={:.4} lemma={:.4}",
            self.sentences,
            self.words,
            self.ratio(self.xpos),
            self.ratio(self.lemma)
        )
    }
}

/// Scores `syntax` on gold sentences.
pub fn score(syntax: &Syntax, gold: &[Sentence]) -> UdScores {
    let mut out = UdScores::default();
    for s in gold {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let pred = syntax.analyse(&words);
        out.sentences += 1;
        for (k, g) in s.words.iter().enumerate() {
            out.words += 1;
            let Some(p) = pred.get(k) else { continue };
            out.upos += usize::from(p.upos.as_str() == g.upos);
            out.xpos += usize::from(p.xpos == g.xpos);
            out.lemma += usize::from(p.lemma == g.lemma);
            let head = p.head.map_or(0, |h| h + 1);
            if head == g.head {
                out.uas += 1;
                out.las += usize::from(p.deprel == g.deprel);
            }
        }
    }
    out
}

/// The gold sentences `path` names: a CoNLL-U file, or every `*.conllu` in a
/// folder. From the treebank files training reads, only held-out documents
/// count. Returns the sentences and a line saying what was read.
pub fn gold_sentences(path: &Path) -> Result<(Vec<Sentence>, Vec<String>), SyntaxError> {
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| SyntaxError::io(path, e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
            .collect();
        v.sort();
        v
    } else {
        vec![path.to_path_buf()]
    };
    let mut out = Vec::new();
    let mut notes = Vec::new();
    for f in files {
        let all = conllu::read(&f)?;
        let n = all.len();
        if is_training_file(&f) {
            let held: Vec<Sentence> = all.into_iter().filter(is_held_out).collect();
            notes.push(format!("{}: {} of {} sentences (held-out documents only)", f.display(), held.len(), n));
            out.extend(held);
        } else {
            notes.push(format!("{}: {} sentences", f.display(), n));
            out.extend(all);
        }
    }
    Ok((out, notes))
}

/// The report of `chronicle eval ud PATH`: detail lines, then the summary.
pub fn report(syntax: &Syntax, path: &Path) -> Result<Vec<String>, SyntaxError> {
    let (gold, mut lines) = gold_sentences(path)?;
    if !syntax.is_ready() {
        lines.push("no syntax weights loaded (data/syntax/*.bin are empty): run `chronicle train syntax`".into());
    }
    let scores = score(syntax, &gold);
    lines.push(scores.detail());
    lines.push(scores.summary());
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_has_the_required_shape() {
        let s = UdScores { sentences: 1, words: 4, upos: 4, xpos: 3, lemma: 4, uas: 3, las: 2 };
        assert_eq!(s.summary(), "ud: UPOS=1.0000 UAS=0.7500 LAS=0.5000 F1=0.5000");
    }

    #[test]
    fn an_unloaded_model_scores_zero_not_a_panic() {
        let syntax = Syntax::assemble(None, None, Default::default(), Default::default());
        let gold = conllu::parse("1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n", "t").unwrap();
        let s = score(&syntax, &gold);
        assert_eq!((s.words, s.uas, s.upos), (1, 0, 0));
    }
}
