//! The dependency parser: arc-hybrid transitions (Kuhlmann et al. 2011) with
//! the root at the end of the buffer (Ballesteros & Nivre 2013), greedy
//! decoding, and an averaged perceptron trained with the dynamic oracle of
//! Goldberg & Nivre (2013) and error exploration. Features follow Zhang &
//! Nivre (2011): words, tags, leftmost/rightmost children and their labels,
//! distance, valency and label sets; and Koo et al. (2008): the same
//! templates with word clusters ([`crate::clusters`]) in place of words.
//!
//! Transitions over a stack `S` (top `s0`) and a buffer `B` (front `b0`,
//! the last buffer item is the artificial root):
//! - `SHIFT` moves `b0` onto the stack (never the root);
//! - `LEFT l` attaches `s0` to `b0` with label `l` and pops it;
//! - `RIGHT l` attaches `s0` to `s1` with label `l` and pops it.
//!
//! The root may take a dependent only when it is the last item on the stack,
//! and only with the label `root`, so every sentence gets one root.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::features::{feat, Lexeme};
use crate::perceptron::{key, Model, Rng, Trainer};
use crate::SyntaxError;

/// Magic of the parser file (cluster fingerprint, vocabulary, then the
/// weights) whose weights are for [`FeatureSet::Arcs`].
pub const FILE_MAGIC: [u8; 8] = *b"CHRDEP4\n";
/// Magic of the same layout with weights for [`FeatureSet::Base`].
pub const FILE_MAGIC_V3: [u8; 8] = *b"CHRDEP3\n";
/// Magic of the earlier parser file, without the cluster fingerprint (read
/// as trained without clusters).
pub const FILE_MAGIC_V2: [u8; 8] = *b"CHRDEP2\n";
/// Magic of the weights inside the parser file.
pub const MAGIC: [u8; 8] = *b"CHRDEP1\n";

const NONE: usize = usize::MAX;

/// The feature templates a parser's weights were trained for; the file's
/// magic says which, so weights are never read with templates they were not
/// trained with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeatureSet {
    /// Zhang & Nivre (2011) templates over s0, s1 and the buffer, with
    /// distance and valency between s0 and b0, plus word clusters
    /// (`CHRDEP2` and `CHRDEP3` files).
    Base,
    /// `Base` plus the templates arc-hybrid needs for its right arcs, which
    /// join s1 and s0 rather than s0 and b0: the s1–s0 distance, s1's
    /// valency and label sets, and s1's rightmost children (`CHRDEP4`).
    Arcs,
}
const ROOT_WORD: u64 = 0x524f_4f54;
const NONE_VAL: u64 = 0x4e4f_4e45;

/// A trained parser.
#[derive(Clone, Debug)]
pub struct Parser {
    model: Model,
    labels: Vec<String>,
    root_label: u16,
    /// Keys of the words seen often enough in training to be features by
    /// themselves; other words are represented by their shape. Empty: every
    /// word is a feature by itself.
    vocab: FxHashSet<u32>,
    /// [`crate::clusters::Clusters::fingerprint`] of the cluster table the
    /// parser (and the tagger beside it) was trained with.
    clusters: u64,
    /// The feature templates the weights are for.
    set: FeatureSet,
}

/// Training settings.
#[derive(Clone, Copy, Debug)]
pub struct ParseTrainConfig {
    /// Passes over the data.
    pub epochs: usize,
    /// Shuffle and exploration seed.
    pub seed: u64,
    /// From this epoch (0-based) on, a wrong prediction is followed with
    /// probability `explore` (error exploration).
    pub explore_from: usize,
    /// Probability of following a wrong prediction.
    pub explore: f64,
    /// Averaged weights smaller than this are dropped.
    pub prune: f32,
    /// Words seen fewer times than this in training are features only
    /// through their shape (keeps the model small and general).
    pub min_word_count: usize,
    /// The feature templates to train.
    pub features: FeatureSet,
}

impl Default for ParseTrainConfig {
    fn default() -> Self {
        ParseTrainConfig { epochs: 15, seed: 7, explore_from: 1, explore: 0.9, prune: 3.0, min_word_count: 3, features: FeatureSet::Base }
    }
}

/// One training sentence: lexemes, (predicted) tag ids, gold heads (index of
/// the head word, or `None` for the root) and gold labels.
#[derive(Clone, Debug)]
pub struct ParseExample {
    /// The words' lexemes.
    pub lex: Vec<Lexeme>,
    /// Tag ids (as the tagger gives them).
    pub tags: Vec<u16>,
    /// Gold heads.
    pub heads: Vec<Option<usize>>,
    /// Gold labels.
    pub labels: Vec<String>,
}

/// A parsing configuration.
struct State {
    n: usize,
    stack: Vec<usize>,
    b: usize,
    heads: Vec<usize>,
    labels: Vec<u16>,
    lefts: Vec<[usize; 2]>,
    rights: Vec<[usize; 2]>,
    nleft: Vec<u8>,
    nright: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
}

impl State {
    fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::with_capacity(n),
            b: 0,
            heads: vec![NONE; n + 1],
            labels: vec![0; n + 1],
            lefts: vec![[NONE; 2]; n + 1],
            rights: vec![[NONE; 2]; n + 1],
            nleft: vec![0; n + 1],
            nright: vec![0; n + 1],
            lset: vec![0; n + 1],
            rset: vec![0; n + 1],
        }
    }

    fn terminal(&self) -> bool {
        self.stack.is_empty() && self.b == self.n
    }

    fn s(&self, k: usize) -> usize {
        if k < self.stack.len() {
            self.stack[self.stack.len() - 1 - k]
        } else {
            NONE
        }
    }

    fn add_arc(&mut self, head: usize, dep: usize, label: u16) {
        self.heads[dep] = head;
        self.labels[dep] = label;
        let bit = 1u64 << (label % 64);
        if dep < head {
            let l = &mut self.lefts[head];
            if l[0] == NONE || dep < l[0] {
                l[1] = l[0];
                l[0] = dep;
            } else if l[1] == NONE || dep < l[1] {
                l[1] = dep;
            }
            self.nleft[head] = self.nleft[head].saturating_add(1);
            self.lset[head] |= bit;
        } else {
            let r = &mut self.rights[head];
            if r[0] == NONE || dep > r[0] {
                r[1] = r[0];
                r[0] = dep;
            } else if r[1] == NONE || dep > r[1] {
                r[1] = dep;
            }
            self.nright[head] = self.nright[head].saturating_add(1);
            self.rset[head] |= bit;
        }
    }

    fn apply(&mut self, m: Move) {
        match m {
            Move::Shift => {
                self.stack.push(self.b);
                self.b += 1;
            }
            Move::Left(l) => {
                let s0 = self.stack.pop().expect("left needs a stack");
                self.add_arc(self.b, s0, l);
            }
            Move::Right(l) => {
                let s0 = self.stack.pop().expect("right needs two on the stack");
                let s1 = *self.stack.last().expect("right needs two on the stack");
                self.add_arc(s1, s0, l);
            }
        }
    }

    /// Which of shift / left / right are allowed.
    fn valid(&self) -> [bool; 3] {
        let at_root = self.b == self.n;
        [
            !at_root,
            !self.stack.is_empty() && (!at_root || self.stack.len() == 1),
            self.stack.len() >= 2,
        ]
    }

    /// Unlabelled costs of shift / left / right (Goldberg & Nivre 2013, arc-hybrid).
    fn costs(&self, gold: &[usize]) -> [usize; 3] {
        let mut c = [0usize; 3];
        let (s0, s1, b) = (self.s(0), self.s(1), self.b);
        let in_buffer = |k: usize| k != NONE && k >= b;
        if b < self.n {
            let h = gold[b];
            let below = &self.stack[..self.stack.len().saturating_sub(1)];
            c[0] = usize::from(below.contains(&h)) + self.stack.iter().filter(|&&d| gold[d] == b).count();
        }
        if s0 != NONE {
            let h = gold[s0];
            let deps_in_buffer = (b..self.n).filter(|&d| gold[d] == s0).count();
            c[1] = usize::from(h != b && (in_buffer(h) || (s1 != NONE && h == s1))) + deps_in_buffer;
            c[2] = usize::from(in_buffer(h)) + deps_in_buffer;
        }
        c
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Move {
    Shift,
    Left(u16),
    Right(u16),
}

/// Class numbering: 0 = shift, 1 + l = left l, 1 + L + l = right l.
fn move_of(class: usize, n_labels: usize) -> Move {
    if class == 0 {
        Move::Shift
    } else if class <= n_labels {
        Move::Left((class - 1) as u16)
    } else {
        Move::Right((class - 1 - n_labels) as u16)
    }
}

fn class_names(labels: &[String]) -> Vec<String> {
    let mut out = vec!["S".to_string()];
    out.extend(labels.iter().map(|l| format!("L {l}")));
    out.extend(labels.iter().map(|l| format!("R {l}")));
    out
}

struct Ctx<'a> {
    /// Each word's feature value: its form when in the vocabulary, else its shape.
    words: Vec<u64>,
    tags: &'a [u16],
    lex: &'a [Lexeme],
    set: FeatureSet,
    /// The model the features are for, when parsing: each key's weights are
    /// asked for from memory as soon as the key is known.
    model: Option<&'a Model>,
}

impl<'a> Ctx<'a> {
    fn new(lex: &'a [Lexeme], tags: &'a [u16], vocab: &FxHashSet<u32>, set: FeatureSet) -> Ctx<'a> {
        let words = lex
            .iter()
            .map(|l| if vocab.is_empty() || vocab.contains(&key(l.norm)) { l.norm } else { l.shape ^ 0x554e_4b00 })
            .collect();
        Ctx { words, tags, lex, set, model: None }
    }

    fn for_model(self, model: &'a Model) -> Ctx<'a> {
        Ctx { model: Some(model), ..self }
    }

    /// Adds feature `key` to `out`, asking for its weights at once.
    #[inline(always)]
    fn push(&self, out: &mut Vec<u32>, key: u32) {
        if let Some(m) = self.model {
            m.prefetch(key);
        }
        out.push(key);
    }
}

impl Ctx<'_> {
    fn w(&self, st: &State, t: usize) -> u64 {
        if t == NONE {
            NONE_VAL
        } else if t == st.n {
            ROOT_WORD
        } else {
            self.words[t]
        }
    }
    fn p(&self, st: &State, t: usize) -> u64 {
        if t == NONE {
            NONE_VAL
        } else if t == st.n {
            ROOT_WORD
        } else {
            u64::from(self.tags[t]) + 2
        }
    }
    /// The word's cluster at granularity `level` (see [`Lexeme::cluster`]).
    fn c(&self, st: &State, t: usize, level: usize) -> u64 {
        if t == NONE {
            NONE_VAL
        } else if t == st.n {
            ROOT_WORD
        } else {
            self.lex.get(t).map_or(NONE_VAL, |l| l.cluster[level])
        }
    }
    fn wp(&self, st: &State, t: usize) -> u64 {
        self.w(st, t).rotate_left(7) ^ self.p(st, t).wrapping_mul(0x9E37_79B9)
    }
}

fn label_val(st: &State, t: usize) -> u64 {
    if t == NONE || st.heads[t] == NONE {
        NONE_VAL
    } else {
        u64::from(st.labels[t]) + 2
    }
}

fn child(st: &State, t: usize, left: bool, k: usize) -> usize {
    if t == NONE {
        NONE
    } else if left {
        st.lefts[t][k]
    } else {
        st.rights[t][k]
    }
}

fn features(cx: &Ctx, st: &State, out: &mut Vec<u32>) {
    out.clear();
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let b0 = if st.b <= st.n { st.b } else { NONE };
    let b1 = if st.b + 1 < st.n { st.b + 1 } else { NONE };
    let b2 = if st.b + 2 < st.n { st.b + 2 } else { NONE };
    let (s0w, s0p, s0wp) = (cx.w(st, s0), cx.p(st, s0), cx.wp(st, s0));
    let (s1w, s1p, s1wp) = (cx.w(st, s1), cx.p(st, s1), cx.wp(st, s1));
    let (b0w, b0p, b0wp) = (cx.w(st, b0), cx.p(st, b0), cx.wp(st, b0));
    let (b1w, b1p) = (cx.w(st, b1), cx.p(st, b1));
    let (b2w, b2p) = (cx.w(st, b2), cx.p(st, b2));
    let s2p = cx.p(st, s2);
    let s0lc1 = child(st, s0, true, 0);
    let s0lc2 = child(st, s0, true, 1);
    let s0rc1 = child(st, s0, false, 0);
    let s0rc2 = child(st, s0, false, 1);
    let s1lc1 = child(st, s1, true, 0);
    let s1rc1 = child(st, s1, false, 0);
    let b0lc1 = child(st, b0, true, 0);
    let b0lc2 = child(st, b0, true, 1);
    let d = if s0 != NONE && b0 != NONE { (b0 - s0).min(10) as u64 } else { 0 };
    let mut f = |t: u8, a: u64, b: u64, c: u64| cx.push(out, feat(t, a, b, c));
    f(0, 0, 0, 0);
    f(1, s0w, 0, 0);
    f(2, s0p, 0, 0);
    f(3, s0wp, 0, 0);
    f(4, s1w, 0, 0);
    f(5, s1p, 0, 0);
    f(6, s1wp, 0, 0);
    f(7, b0w, 0, 0);
    f(8, b0p, 0, 0);
    f(9, b0wp, 0, 0);
    f(10, b1w, 0, 0);
    f(11, b1p, 0, 0);
    f(12, b1w, b1p, 0);
    f(13, b2p, 0, 0);
    f(14, s2p, 0, 0);
    f(15, s0wp, b0wp, 0);
    f(16, s0wp, b0w, 0);
    f(17, s0w, b0wp, 0);
    f(18, s0wp, b0p, 0);
    f(19, s0p, b0wp, 0);
    f(20, s0w, b0w, 0);
    f(21, s0p, b0p, 0);
    f(22, b0p, b1p, 0);
    f(23, s1p, s0p, 0);
    f(24, s1w, s0w, 0);
    f(25, s1p, s0wp, 0);
    f(26, s1wp, s0p, 0);
    f(27, b0p, b1p, b2p);
    f(28, s0p, b0p, b1p);
    f(29, s1p, s0p, b0p);
    f(30, s2p, s1p, s0p);
    f(31, s0p, cx.p(st, s0lc1), b0p);
    f(32, s0p, cx.p(st, s0rc1), b0p);
    f(33, s0p, b0p, cx.p(st, b0lc1));
    f(34, s1p, s0p, cx.p(st, s0rc1));
    f(35, s1p, cx.p(st, s1rc1), s0p);
    f(36, s0p, cx.p(st, s0lc1), cx.p(st, s0lc2));
    f(37, s0p, cx.p(st, s0rc1), cx.p(st, s0rc2));
    f(38, b0p, cx.p(st, b0lc1), cx.p(st, b0lc2));
    f(39, s0w, d, 0);
    f(40, s0p, d, 0);
    f(41, b0w, d, 0);
    f(42, b0p, d, 0);
    f(43, s0w, b0w, d);
    f(44, s0p, b0p, d);
    let (s0vl, s0vr) = if s0 != NONE { (u64::from(st.nleft[s0]), u64::from(st.nright[s0])) } else { (0, 0) };
    let b0vl = if b0 != NONE { u64::from(st.nleft[b0]) } else { 0 };
    f(45, s0w, s0vr, 0);
    f(46, s0p, s0vr, 0);
    f(47, s0w, s0vl, 0);
    f(48, s0p, s0vl, 0);
    f(49, b0w, b0vl, 0);
    f(50, b0p, b0vl, 0);
    for (k, t) in [s0lc1, s0lc2, s0rc1, s0rc2, b0lc1, b0lc2, s1lc1, s1rc1].into_iter().enumerate() {
        let base = 51 + 3 * k as u8;
        f(base, cx.w(st, t), 0, 0);
        f(base + 1, cx.p(st, t), 0, 0);
        f(base + 2, label_val(st, t), 0, 0);
    }
    let (s0ls, s0rs) = if s0 != NONE { (st.lset[s0], st.rset[s0]) } else { (0, 0) };
    let b0ls = if b0 != NONE { st.lset[b0] } else { 0 };
    f(75, s0w, s0ls, 0);
    f(76, s0p, s0ls, 0);
    f(77, s0w, s0rs, 0);
    f(78, s0p, s0rs, 0);
    f(79, b0w, b0ls, 0);
    f(80, b0p, b0ls, 0);
    f(81, st.stack.len().min(3) as u64, u64::from(st.b == st.n), 0);
    f(82, s0p, label_val(st, s0lc1), label_val(st, s0rc1));
    f(83, b0w, b1w, 0);
    f(84, s0w, b2w, 0);
    cluster_features(cx, st, [s0, s1, b0, b1], [s0lc1, s0rc1, b0lc1], d, out);
    if cx.set == FeatureSet::Arcs {
        right_arc_features(cx, st, out);
    }
}

/// Templates for the right arc (s1 → s0), which the Zhang & Nivre set,
/// written for arc-eager, sees only through s0–b0: their distance, s1's
/// valency and label sets, and s1's two rightmost children.
fn right_arc_features(cx: &Ctx, st: &State, out: &mut Vec<u32>) {
    let mut f = |t: u8, a: u64, b: u64, c: u64| cx.push(out, feat(t, a, b, c));
    let (s0, s1) = (st.s(0), st.s(1));
    let d = if s0 != NONE && s1 != NONE { s0.abs_diff(s1).min(10) as u64 } else { 0 };
    let (s0w, s0p, s1w, s1p) = (cx.w(st, s0), cx.p(st, s0), cx.w(st, s1), cx.p(st, s1));
    let b0p = cx.p(st, if st.b <= st.n { st.b } else { NONE });
    let (s1vl, s1vr, s1ls, s1rs) = if s1 != NONE {
        (u64::from(st.nleft[s1]), u64::from(st.nright[s1]), st.lset[s1], st.rset[s1])
    } else {
        (0, 0, 0, 0)
    };
    let (s1rc1, s1rc2) = (child(st, s1, false, 0), child(st, s1, false, 1));
    f(100, s1p, s0p, d);
    f(101, s1w, s0w, d);
    f(102, s1w, s0p, d);
    f(103, s1p, s0w, d);
    f(104, s1p, s0p, d ^ b0p.rotate_left(8));
    f(105, s1p, s1vr, 0);
    f(106, s1w, s1vr, 0);
    f(107, s1p, s1vl, 0);
    f(108, s1p, s1rs, 0);
    f(109, s1w, s1rs, 0);
    f(110, s1p, s1ls, s0p);
    f(111, s1p, label_val(st, s1rc1), s0p);
    f(112, s1p, cx.p(st, s1rc2), cx.p(st, s1rc1));
    f(113, s1p, label_val(st, s1rc1), label_val(st, s1rc2));
    f(114, cx.w(st, s1rc1), s0p, 0);
    f(115, s1p, s1rs, s0p);
}

/// Word-cluster features (Koo et al. 2008): the single-word and pair
/// templates again with clusters in place of words, so that words seen
/// rarely or never in training count through the words they are like.
fn cluster_features(cx: &Ctx, st: &State, [s0, s1, b0, b1]: [usize; 4], [s0lc1, s0rc1, b0lc1]: [usize; 3], d: u64, out: &mut Vec<u32>) {
    let mut f = |t: u8, a: u64, b: u64, c: u64| cx.push(out, feat(t, a, b, c));
    let (s0c1, s0c2, s0p) = (cx.c(st, s0, 1), cx.c(st, s0, 2), cx.p(st, s0));
    let (b0c1, b0c2, b0p) = (cx.c(st, b0, 1), cx.c(st, b0, 2), cx.p(st, b0));
    let (s1c1, s1c2, s1p) = (cx.c(st, s1, 1), cx.c(st, s1, 2), cx.p(st, s1));
    f(85, s0c2, s0p, 0);
    f(86, b0c2, b0p, 0);
    f(87, s1c2, s1p, 0);
    f(88, cx.c(st, b1, 2), cx.p(st, b1), 0);
    f(89, s0c1, b0c1, 0);
    f(90, s0c2, b0p, 0);
    f(91, s0p, b0c2, 0);
    f(92, s0c1, b0c1, d);
    f(93, s1c1, s0c1, 0);
    f(94, s1c2, s0p, 0);
    f(95, s1p, s0c2, 0);
    f(96, s0p, cx.c(st, s0lc1, 1), b0p);
    f(97, s0p, cx.c(st, s0rc1, 1), b0p);
    f(98, s0p, b0p, cx.c(st, b0lc1, 1));
    f(99, cx.c(st, s0, 0), cx.c(st, b0, 0), cx.c(st, b1, 0));
}

/// The one class of `n` that `allow` lets through, when there is exactly one
/// (as with an empty stack, where only shift is allowed): [`best`] picks it
/// whatever the scores, so they need not be computed.
fn only(n: usize, allow: impl Fn(usize) -> bool) -> Option<usize> {
    let mut allowed = (0..n).filter(|&c| allow(c));
    let first = allowed.next();
    allowed.next().map_or(first, |_| None)
}

/// Best allowed class by score; `allow` filters classes.
fn best(scores: &[f32], allow: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (c, s) in scores.iter().enumerate() {
        if allow(c) && best.map_or(true, |b| *s > scores[b]) {
            best = Some(c);
        }
    }
    best
}

impl Parser {
    /// Reads the parser file: magic, u64 fingerprint of the word clusters
    /// it was trained with (0: none; absent in the earlier `CHRDEP2` files),
    /// u32 vocabulary size, that many u32 word keys, then the weights (see
    /// [`crate::perceptron`]).
    pub fn from_bytes(bytes: &[u8], file: &str) -> Result<Parser, SyntaxError> {
        let bad = |reason: &str| SyntaxError::BadWeights { file: file.to_string(), reason: reason.to_string() };
        let fingerprint = || bytes.get(8..16).and_then(|b| b.try_into().ok()).map(u64::from_le_bytes).ok_or_else(|| bad("truncated"));
        let (clusters, at, set) = match bytes.get(..8) {
            Some(m) if m == FILE_MAGIC => (fingerprint()?, 16, FeatureSet::Arcs),
            Some(m) if m == FILE_MAGIC_V3 => (fingerprint()?, 16, FeatureSet::Base),
            Some(m) if m == FILE_MAGIC_V2 => (0, 8, FeatureSet::Base),
            _ => return Err(bad("wrong magic")),
        };
        let n = bytes.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).ok_or_else(|| bad("truncated"))? as usize;
        let end = n.checked_mul(4).and_then(|x| x.checked_add(at + 4)).filter(|&e| e <= bytes.len()).ok_or_else(|| bad("truncated"))?;
        let vocab: FxHashSet<u32> = bytes[at + 4..end].chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
        let model = Model::from_bytes(&bytes[end..], MAGIC, file)?;
        let labels: Vec<String> =
            model.classes.iter().filter_map(|c| c.strip_prefix("L ")).map(str::to_string).collect();
        if model.classes.len() != 1 + 2 * labels.len() || class_names(&labels) != model.classes {
            return Err(bad("classes are not shift + left/right per label"));
        }
        let root_label = labels.iter().position(|l| l == "root").ok_or_else(|| bad("no root label"))? as u16;
        Ok(Parser { model, labels, root_label, vocab, clusters, set })
    }

    /// The parser file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut words: Vec<u32> = self.vocab.iter().copied().collect();
        words.sort_unstable();
        let mut out = match self.set {
            FeatureSet::Arcs => FILE_MAGIC.to_vec(),
            FeatureSet::Base => FILE_MAGIC_V3.to_vec(),
        };
        out.extend_from_slice(&self.clusters.to_le_bytes());
        out.extend_from_slice(&(words.len() as u32).to_le_bytes());
        for w in words {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.extend_from_slice(&self.model.to_bytes());
        out
    }

    /// A copy without weights smaller than `min`.
    pub fn pruned(&self, min: f32) -> Parser {
        Parser { model: self.model.pruned(min), labels: self.labels.clone(), root_label: self.root_label, vocab: self.vocab.clone(), clusters: self.clusters, set: self.set }
    }

    /// The fingerprint of the word clusters the parser was trained with.
    pub fn clusters(&self) -> u64 {
        self.clusters
    }

    /// The feature templates the weights are for.
    pub fn feature_set(&self) -> FeatureSet {
        self.set
    }

    /// Records the fingerprint of the word clusters it was trained with.
    pub fn with_clusters(self, fingerprint: u64) -> Parser {
        Parser { clusters: fingerprint, ..self }
    }

    /// Dependency labels in label-id order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.model.len()
    }

    /// True when the parser has no weights.
    pub fn is_empty(&self) -> bool {
        self.model.is_empty()
    }

    fn allowed(&self, st: &State, class: usize) -> bool {
        self.allowed_in(st.valid(), st.b == st.n, class)
    }

    /// Whether `class` is allowed given which moves are valid and whether `b0` is the root.
    fn allowed_in(&self, v: [bool; 3], at_root: bool, class: usize) -> bool {
        match move_of(class, self.labels.len()) {
            Move::Shift => v[0],
            Move::Left(l) => v[1] && ((l == self.root_label) == at_root),
            Move::Right(l) => v[2] && l != self.root_label,
        }
    }

    /// Parses one sentence: for each word its head (`None` for the root) and
    /// label id.
    pub fn parse(&self, lex: &[Lexeme], tags: &[u16]) -> Vec<(Option<usize>, u16)> {
        let n = lex.len().min(tags.len());
        let cx = Ctx::new(&lex[..n], tags, &self.vocab, self.set).for_model(&self.model);
        let mut st = State::new(n);
        let mut f = Vec::with_capacity(128);
        let mut scores = Vec::with_capacity(self.model.classes.len());
        while !st.terminal() {
            let (v, at_root) = (st.valid(), st.b == st.n);
            let allowed = |c: usize| self.allowed_in(v, at_root, c);
            let c = match only(self.model.classes.len(), allowed) {
                Some(c) => c,
                None => {
                    features(&cx, &st, &mut f);
                    self.model.scores(&f, &mut scores);
                    let Some(c) = best(&scores, allowed) else { break };
                    c
                }
            };
            st.apply(move_of(c, self.labels.len()));
        }
        (0..n)
            .map(|i| match st.heads[i] {
                h if h == n || h == NONE => (None, self.root_label),
                h => (Some(h), st.labels[i]),
            })
            .collect()
    }
}

/// Trains a parser. Non-projective sentences are left out (the oracle is
/// exact only for projective trees).
pub fn train(examples: &[ParseExample], cfg: ParseTrainConfig) -> Parser {
    let mut labels: Vec<String> = examples.iter().flat_map(|e| e.labels.iter().cloned()).collect();
    labels.push("root".to_string());
    labels.sort();
    labels.dedup();
    let n_labels = labels.len();
    let root_label = labels.iter().position(|l| l == "root").expect("pushed") as u16;
    let mut counts: FxHashMap<u32, usize> = FxHashMap::default();
    for e in examples {
        for l in &e.lex {
            *counts.entry(key(l.norm)).or_default() += 1;
        }
    }
    let vocab: FxHashSet<u32> = if cfg.min_word_count <= 1 {
        FxHashSet::default()
    } else {
        counts.into_iter().filter(|(_, c)| *c >= cfg.min_word_count).map(|(w, _)| w).collect()
    };
    let mut parser = Parser {
        model: Trainer::new(0).finish(class_names(&labels), MAGIC, 0.0),
        labels: labels.clone(),
        root_label,
        vocab,
        clusters: 0,
        set: cfg.features,
    };
    let gold: Vec<(Vec<usize>, Vec<u16>)> = examples
        .iter()
        .map(|e| {
            let n = e.lex.len();
            let heads = e.heads.iter().map(|h| h.unwrap_or(n)).collect();
            let labs = e
                .labels
                .iter()
                .map(|l| labels.binary_search(l).expect("label from the data") as u16)
                .collect();
            (heads, labs)
        })
        .collect();
    let mut trainer = Trainer::new(1 + 2 * n_labels);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng::new(cfg.seed);
    let mut f = Vec::with_capacity(128);
    let mut scores = Vec::new();
    let mut costs = Vec::new();
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let ex = &examples[k];
            let (gh, gl) = &gold[k];
            let n = ex.lex.len();
            let cx = Ctx::new(&ex.lex, &ex.tags, &parser.vocab, parser.set);
            let mut st = State::new(n);
            while !st.terminal() {
                features(&cx, &st, &mut f);
                trainer.tick();
                trainer.scores(&f, &mut scores);
                let base = st.costs(gh);
                costs.clear();
                costs.extend((0..scores.len()).map(|c| match move_of(c, n_labels) {
                    Move::Shift => base[0],
                    Move::Left(l) => {
                        let s0 = st.s(0);
                        base[1] + usize::from(s0 != NONE && gh[s0] == st.b && gl[s0] != l)
                    }
                    Move::Right(l) => {
                        let (s0, s1) = (st.s(0), st.s(1));
                        base[2] + usize::from(s0 != NONE && s1 != NONE && gh[s0] == s1 && gl[s0] != l)
                    }
                }));
                let allowed = |c: usize| parser.allowed(&st, c);
                let Some(guess) = best(&scores, allowed) else { break };
                let Some(truth) = best(&scores, |c| allowed(c) && costs[c] == 0) else { break };
                let next = if costs[guess] == 0 {
                    guess
                } else {
                    trainer.update(&f, truth, guess);
                    if epoch >= cfg.explore_from && rng.unit() < cfg.explore {
                        guess
                    } else {
                        truth
                    }
                };
                st.apply(move_of(next, n_labels));
            }
        }
    }
    parser.model = trainer.finish(class_names(&labels), MAGIC, cfg.prune);
    parser
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(words: &str, tags: &[u16], heads: &[usize], labels: &str) -> ParseExample {
        ParseExample {
            lex: words.split(' ').map(Lexeme::of).collect(),
            tags: tags.to_vec(),
            heads: heads.iter().map(|&h| if h == 0 { None } else { Some(h - 1) }).collect(),
            labels: labels.split(' ').map(str::to_string).collect(),
        }
    }

    #[test]
    fn oracle_costs_are_zero_along_the_gold_path() {
        // "troops fired shells": troops ← fired → shells
        let gold = vec![1, 3, 1]; // root at index 3
        let mut st = State::new(3);
        assert_eq!(st.costs(&gold)[0], 0);
        st.apply(Move::Shift); // [troops]
        let c = st.costs(&gold);
        assert_eq!(c[1], 0, "troops ← fired is gold");
        assert_eq!(c[0], 1, "shifting fired loses troops as its dependent");
        st.apply(Move::Left(0));
        st.apply(Move::Shift); // [fired]
        st.apply(Move::Shift); // [fired shells], b0 = root
        let c = st.costs(&gold);
        assert_eq!(c[2], 0, "shells → fired by right");
        st.apply(Move::Right(0));
        assert_eq!(st.costs(&gold)[1], 0, "fired ← root");
        st.apply(Move::Left(0));
        assert!(st.terminal());
    }

    #[test]
    fn learns_subjects_and_objects_and_round_trips() {
        // tags: 0 NOUN, 1 VERB, 2 DET
        let data = vec![
            example("troops fired shells", &[0, 1, 0], &[2, 0, 2], "nsubj root obj"),
            example("rebels seized towns", &[0, 1, 0], &[2, 0, 2], "nsubj root obj"),
            example("the army shelled the city", &[2, 0, 1, 2, 0], &[2, 3, 0, 5, 3], "det nsubj root det obj"),
            example("police arrested protesters", &[0, 1, 0], &[2, 0, 2], "nsubj root obj"),
            example("the police arrested the protesters", &[2, 0, 1, 2, 0], &[2, 3, 0, 5, 3], "det nsubj root det obj"),
            example("the rebels seized a town", &[2, 0, 1, 2, 0], &[2, 3, 0, 5, 3], "det nsubj root det obj"),
        ];
        let cfg = ParseTrainConfig { epochs: 10, seed: 3, explore_from: 2, explore: 0.9, prune: 0.0, min_word_count: 1, features: FeatureSet::Arcs };
        let p = train(&data, cfg);
        let back = Parser::from_bytes(&p.to_bytes(), "t").unwrap();
        assert_eq!((&p.to_bytes()[..8], back.feature_set()), (&FILE_MAGIC[..], FeatureSet::Arcs));
        let lex: Vec<Lexeme> = "the militia bombed the bridge".split(' ').map(Lexeme::of).collect();
        let out = back.parse(&lex, &[2, 0, 1, 2, 0]);
        let heads: Vec<Option<usize>> = out.iter().map(|o| o.0).collect();
        assert_eq!(heads, [Some(1), Some(2), None, Some(4), Some(2)]);
        let labels: Vec<&str> = out.iter().map(|o| back.labels()[o.1 as usize].as_str()).collect();
        assert_eq!(labels, ["det", "nsubj", "root", "det", "obj"]);
        // the cluster fingerprint round-trips; an earlier file without one reads as 0
        let bytes = p.with_clusters(0xabcd).to_bytes();
        assert_eq!(Parser::from_bytes(&bytes, "t").unwrap().clusters(), 0xabcd);
        let v2: Vec<u8> = FILE_MAGIC_V2.iter().chain(&bytes[16..]).copied().collect();
        let old = Parser::from_bytes(&v2, "t").unwrap();
        assert_eq!((old.clusters(), old.parse(&lex, &[2, 0, 1, 2, 0])), (0, out));
        assert!(Parser::from_bytes(&bytes[..12], "t").is_err());
        // weights for the base templates are written and read as such, and parse as trained
        let base = train(&data, ParseTrainConfig { features: FeatureSet::Base, ..cfg });
        let bytes = base.to_bytes();
        assert_eq!(&bytes[..8], &FILE_MAGIC_V3[..]);
        let back = Parser::from_bytes(&bytes, "t").unwrap();
        assert_eq!(back.feature_set(), FeatureSet::Base);
        assert_eq!(back.parse(&lex, &[2, 0, 1, 2, 0]), base.parse(&lex, &[2, 0, 1, 2, 0]));
    }

    #[test]
    fn the_arc_templates_add_features_only_to_their_set() {
        let lex: Vec<Lexeme> = "troops fired shells".split(' ').map(Lexeme::of).collect();
        let mut st = State::new(3);
        st.apply(Move::Shift);
        st.apply(Move::Shift);
        let count = |set| {
            let mut out = Vec::new();
            features(&Ctx::new(&lex, &[0, 1, 0], &FxHashSet::default(), set), &st, &mut out);
            out
        };
        let (base, arcs) = (count(FeatureSet::Base), count(FeatureSet::Arcs));
        assert_eq!(&arcs[..base.len()], &base[..]);
        assert!(arcs.len() > base.len());
    }

    #[test]
    fn a_state_with_one_allowed_move_needs_no_scores() {
        let labels = ["nsubj".to_string(), "root".to_string()];
        let p = Parser { model: Trainer::new(0).finish(class_names(&labels), MAGIC, 0.0), labels: labels.to_vec(), root_label: 1, vocab: FxHashSet::default(), clusters: 0, set: FeatureSet::Arcs };
        let n = p.model.classes.len();
        let mut st = State::new(2);
        // empty stack: only shift
        assert_eq!(only(n, |c| p.allowed(&st, c)), Some(0));
        st.apply(Move::Shift);
        // one on the stack, a word in the buffer: shift or a left arc
        assert_eq!(only(n, |c| p.allowed(&st, c)), None);
        st.apply(Move::Left(0));
        st.apply(Move::Shift);
        // the root in the buffer, one on the stack: only the root's left arc
        assert_eq!(only(n, |c| p.allowed(&st, c)), Some(1 + 1));
    }

    #[test]
    fn always_one_root_and_a_tree_even_untrained() {
        let p = train(&[example("a b", &[0, 0], &[0, 1], "root dep")], ParseTrainConfig { epochs: 0, ..Default::default() });
        for n in [0usize, 1, 2, 7, 40] {
            let lex: Vec<Lexeme> = (0..n).map(|i| Lexeme::of(&format!("w{i}"))).collect();
            let out = p.parse(&lex, &vec![0; n]);
            assert_eq!(out.len(), n);
            assert_eq!(out.iter().filter(|o| o.0.is_none()).count(), usize::from(n > 0));
        }
    }
}
