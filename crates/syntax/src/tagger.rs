//! The part-of-speech tagger: a greedy, left-to-right averaged perceptron
//! whose classes are joint `UPOS XPOS` pairs (`NOUN NNS`), in the manner of
//! Collins (2002) with the feature set of Honnibal's "A good POS tagger in
//! about 200 lines", plus the word clusters of the word and its neighbours
//! ([`crate::clusters`]; Koo et al. 2008 show the gain for parsers, and
//! clusters are the usual fix for words unseen in small training sets).

use crate::features::{feat, Lexeme};
use crate::perceptron::{Model, Rng, Trainer};
use crate::SyntaxError;

/// Magic of the tagger weights file.
pub const MAGIC: [u8; 8] = *b"CHRPOS1\n";

const START: u64 = 0x5354_4152;

/// A trained tagger.
#[derive(Clone, Debug)]
pub struct Tagger {
    model: Model,
}

/// Training settings.
#[derive(Clone, Copy, Debug)]
pub struct TagTrainConfig {
    /// Passes over the data.
    pub epochs: usize,
    /// Shuffle seed.
    pub seed: u64,
    /// Averaged weights smaller than this are dropped.
    pub prune: f32,
}

impl Default for TagTrainConfig {
    fn default() -> Self {
        TagTrainConfig { epochs: 10, seed: 7, prune: 1.5 }
    }
}

fn features(lex: &[Lexeme], i: usize, prev: u64, prev2: u64, out: &mut Vec<u32>) {
    out.clear();
    let w = |k: isize| -> Option<&Lexeme> { lex.get(usize::try_from(i as isize + k).ok()?) };
    let none = 0x4e4f_4e45u64;
    let me = &lex[i];
    let (p1, p2) = (w(-1), w(-2));
    let (n1, n2) = (w(1), w(2));
    out.push(feat(0, 0, 0, 0));
    out.push(feat(1, me.norm, 0, 0));
    out.push(feat(2, me.suffix[2], 0, 0));
    out.push(feat(3, me.suffix[1], 0, 0));
    out.push(feat(4, me.suffix[3], 0, 0));
    out.push(feat(5, me.suffix[0], 0, 0));
    out.push(feat(6, me.prefix1, 0, 0));
    out.push(feat(7, me.shape, 0, 0));
    out.push(feat(8, prev, 0, 0));
    out.push(feat(9, prev2, 0, 0));
    out.push(feat(10, prev, prev2, 0));
    out.push(feat(11, prev, me.norm, 0));
    out.push(feat(12, p1.map_or(none, |l| l.norm), 0, 0));
    out.push(feat(13, p1.map_or(none, |l| l.suffix[2]), 0, 0));
    out.push(feat(14, p2.map_or(none, |l| l.norm), 0, 0));
    out.push(feat(15, n1.map_or(none, |l| l.norm), 0, 0));
    out.push(feat(16, n1.map_or(none, |l| l.suffix[2]), 0, 0));
    out.push(feat(17, n2.map_or(none, |l| l.norm), 0, 0));
    out.push(feat(18, me.title as u64, (i == 0) as u64, 0));
    out.push(feat(19, me.digit as u64, me.hyphen as u64, 0));
    out.push(feat(20, p1.map_or(none, |l| l.norm), me.norm, 0));
    out.push(feat(21, me.norm, n1.map_or(none, |l| l.norm), 0));
    out.push(feat(22, n1.map_or(none, |l| l.shape), me.shape, 0));
    out.push(feat(23, prev, me.suffix[2], 0));
    // word clusters (coarse to fine) of the word and its neighbours
    let cl = |l: Option<&Lexeme>, k: usize| l.map_or(none, |l| l.cluster[k]);
    out.push(feat(24, me.cluster[0], 0, 0));
    out.push(feat(25, me.cluster[1], 0, 0));
    out.push(feat(26, me.cluster[2], 0, 0));
    out.push(feat(27, cl(p1, 1), 0, 0));
    out.push(feat(28, cl(n1, 1), 0, 0));
    out.push(feat(29, cl(p1, 2), 0, 0));
    out.push(feat(30, cl(n1, 2), 0, 0));
    out.push(feat(31, cl(n2, 1), 0, 0));
    out.push(feat(32, prev, me.cluster[2], 0));
    out.push(feat(33, me.cluster[1], cl(n1, 1), 0));
}

impl Tagger {
    /// Reads the weights file.
    pub fn from_bytes(bytes: &[u8], file: &str) -> Result<Tagger, SyntaxError> {
        Ok(Tagger { model: Model::from_bytes(bytes, MAGIC, file)? })
    }

    /// The weights file.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.model.to_bytes()
    }

    /// A copy without weights smaller than `min`.
    pub fn pruned(&self, min: f32) -> Tagger {
        Tagger { model: self.model.pruned(min) }
    }

    /// Tag names (`UPOS XPOS`) in class order.
    pub fn classes(&self) -> &[String] {
        &self.model.classes
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.model.len()
    }

    /// True when the tagger has no weights.
    pub fn is_empty(&self) -> bool {
        self.model.is_empty()
    }

    /// Class ids for the words with lexemes `lex`.
    pub fn tag(&self, lex: &[Lexeme]) -> Vec<u16> {
        let mut out = Vec::with_capacity(lex.len());
        let (mut prev, mut prev2) = (START, START + 1);
        let mut f = Vec::with_capacity(32);
        let mut scores = Vec::with_capacity(self.model.classes.len());
        for i in 0..lex.len() {
            features(lex, i, prev, prev2, &mut f);
            self.model.scores(&f, &mut scores);
            let best = argmax(&scores);
            out.push(best as u16);
            prev2 = prev;
            prev = best as u64 + 2;
        }
        out
    }
}

fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, s) in scores.iter().enumerate() {
        if *s > scores[best] {
            best = i;
        }
    }
    best
}

/// Trains a tagger on sentences of lexemes with gold tag names.
pub fn train(sentences: &[(Vec<Lexeme>, Vec<String>)], cfg: TagTrainConfig) -> Tagger {
    let mut classes: Vec<String> = sentences.iter().flat_map(|(_, t)| t.iter().cloned()).collect();
    classes.sort();
    classes.dedup();
    let id = |t: &str| classes.binary_search_by(|c| c.as_str().cmp(t)).expect("class from the data");
    let gold: Vec<Vec<usize>> = sentences.iter().map(|(_, t)| t.iter().map(|t| id(t)).collect()).collect();
    let mut trainer = Trainer::new(classes.len());
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = Rng::new(cfg.seed);
    let mut f = Vec::new();
    let mut scores = Vec::new();
    for _ in 0..cfg.epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let lex = &sentences[k].0;
            let (mut prev, mut prev2) = (START, START + 1);
            for i in 0..lex.len() {
                features(lex, i, prev, prev2, &mut f);
                trainer.tick();
                trainer.scores(&f, &mut scores);
                let guess = argmax(&scores);
                trainer.update(&f, gold[k][i], guess);
                prev2 = prev;
                prev = guess as u64 + 2;
            }
        }
    }
    Tagger { model: trainer.finish(classes, MAGIC, cfg.prune) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(words: &str, tags: &str) -> (Vec<Lexeme>, Vec<String>) {
        (words.split(' ').map(Lexeme::of).collect(), tags.split(' ').map(|t| t.replace('_', " ")).collect())
    }

    #[test]
    fn learns_tags_from_context_and_suffixes() {
        let data = vec![
            sent("the troops fired", "DET_DT NOUN_NNS VERB_VBD"),
            sent("the rebels attacked", "DET_DT NOUN_NNS VERB_VBD"),
            sent("the army shelled", "DET_DT NOUN_NN VERB_VBD"),
            sent("a convoy retreated", "DET_DT NOUN_NN VERB_VBD"),
        ];
        let t = train(&data, TagTrainConfig { epochs: 8, seed: 1, prune: 0.0 });
        let back = Tagger::from_bytes(&t.to_bytes(), "t").unwrap();
        let lex: Vec<Lexeme> = "the militias bombed".split(' ').map(Lexeme::of).collect();
        let tags: Vec<&str> = back.tag(&lex).into_iter().map(|c| back.classes()[c as usize].as_str()).collect();
        assert_eq!(tags, ["DET DT", "NOUN NNS", "VERB VBD"]);
    }

    #[test]
    fn an_unseen_word_takes_the_tag_of_its_cluster() {
        let c = crate::clusters::Clusters::parse("# t\nzorp\t1\t1\t1\nblick\t1\t1\t1\nquan\t2\t2\t2\nvrel\t2\t2\t2\n", "t").unwrap();
        let one = |w: &str, t: &str| (vec![Lexeme::with_clusters(w, &c)], vec![t.to_string()]);
        let data = vec![one("zorp", "VERB VB"), one("quan", "NOUN NN"), one("zorp", "VERB VB"), one("quan", "NOUN NN")];
        let t = train(&data, TagTrainConfig { epochs: 5, seed: 1, prune: 0.0 });
        let tag = |w: &str| t.classes()[t.tag(&[Lexeme::with_clusters(w, &c)])[0] as usize].clone();
        assert_eq!((tag("blick"), tag("vrel")), ("VERB VB".to_string(), "NOUN NN".to_string()));
    }
}
