//! The statistical tagger: a greedy averaged perceptron over hashed features
//! with BIO tags for PER, ORG, LOC and MISC (the CoNLL-2003 scheme).
//!
//! Features (hashed to `u32`, no strings allocated per feature): the word
//! (lower-cased, digits folded to `0`) and its neighbours at ±1 and ±2, word
//! bigrams, the word shape and neighbouring shapes, prefixes 1–3 and suffixes
//! 1–4, sentence-initial position, an all-caps-sentence flag, whether a
//! capitalised word is usually written in lower case in raw text, gazetteer
//! membership of the word and its neighbours (bits supplied by the caller:
//! the hand-made knowledge base's names, and [`super::lexicon::WorldNames`]'
//! world-table names, given names and surnames), the word clusters of the
//! word and its neighbours ([`chronicle_syntax::clusters::Clusters`], held by the model),
//! and the previous one and two predicted tags. Decoding is greedy, left to
//! right, with the BIO constraint (an `I-X` only after `B-X`/`I-X`).
//!
//! Weights file (`data/ner/tagger.bin`): see [`Model::to_bytes`].

use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;

use super::lexicon;
use chronicle_syntax::clusters::{self as cluster_table, Clusters, LEVELS};
use crate::LanguageError;

/// Number of tags.
pub const N_TAGS: usize = 9;

/// The tags, in model order.
pub const TAGS: [&str; N_TAGS] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];

/// Index of a tag name.
pub fn tag_index(name: &str) -> Option<u8> {
    TAGS.iter().position(|t| *t == name).map(|i| i as u8)
}

/// The entity class of a tag (`PER`, `ORG`, `LOC`, `MISC`), `None` for `O`.
pub fn tag_class(tag: u8) -> Option<&'static str> {
    TAGS.get(tag as usize).and_then(|t| t.get(2..))
}

/// True for a `B-` tag.
pub fn is_begin(tag: u8) -> bool {
    matches!(tag, 1 | 3 | 5 | 7)
}

/// Entity chunks `(class, start, end)` of a BIO tag sequence.
pub fn chunks(tags: &[u8]) -> Vec<(u8, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let t = tags[i];
        if t == 0 {
            i += 1;
            continue;
        }
        let class = t.div_ceil(2);
        let mut j = i + 1;
        while j < tags.len() && tags[j] != 0 && !is_begin(tags[j]) && tags[j].div_ceil(2) == class {
            j += 1;
        }
        out.push((class, i, j));
        i = j;
    }
    out
}

/// Gazetteer bits per token (set by the caller from the knowledge base).
pub mod gaz {
    /// Part of a location name (country, capital, region).
    pub const LOC: u16 = 1;
    /// Part of a person name.
    pub const PER: u16 = 2;
    /// Part of an organisation name.
    pub const ORG: u16 = 4;
    /// A demonym.
    pub const DEMONYM: u16 = 8;
    /// First token of a match.
    pub const FIRST: u16 = 16;
}

const MAGIC: &[u8; 8] = b"CHRNER1\n";

/// Averaged-perceptron weights: feature hash → one weight per tag; with the
/// word clusters its cluster features read.
#[derive(Clone, Debug, Default)]
pub struct Model {
    weights: FxHashMap<u32, [f32; N_TAGS]>,
    clusters: Clusters,
}

/// Per-sentence feature scratch space, reused across sentences.
#[derive(Default)]
pub struct Scratch {
    norm: String,
    cased: String,
    cl: Vec<Option<[u16; LEVELS]>>,
    norm_ranges: Vec<(usize, usize)>,
    shapes: String,
    shape_ranges: Vec<(usize, usize)>,
    feats: Vec<u32>,
    offsets: Vec<usize>,
}

fn hash_parts(template: u8, parts: &[&[u8]]) -> u32 {
    let mut h = FxHasher::default();
    h.write_u8(template);
    for p in parts {
        h.write(p);
        h.write_u8(0xff);
    }
    let v = h.finish();
    (v ^ (v >> 32)) as u32
}

/// Lower-cases, folds digits to `0` and curly quotes to straight ones.
fn push_norm(out: &mut String, w: &str) {
    let lone_quote = matches!(w, "'" | "\u{2018}" | "\u{2019}" | "\u{201C}" | "\u{201D}" | "``" | "''");
    if lone_quote {
        out.push('"');
        return;
    }
    for c in w.chars() {
        match c {
            '0'..='9' => out.push('0'),
            '\u{2019}' | '\u{2018}' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// Compressed word shape: `Xx`, `X`, `x`, `0`, with runs collapsed
/// (`Zelensky` → `Xx`, `U.S.` → `X.X.`, `1,000` → `0,0`).
fn push_shape(out: &mut String, w: &str) {
    let mut last = '\0';
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            '0'
        } else {
            c
        };
        if s != last {
            out.push(s);
            last = s;
        }
    }
}

const T_PREV: u8 = 40;
const T_PREV2: u8 = 41;
const T_PREV_W: u8 = 42;
const T_PREV_SHAPE: u8 = 43;

impl Scratch {
    /// Computes the static features of every token of a sentence.
    fn prepare(&mut self, words: &[&str], gaz: &[u16], clusters: &Clusters) {
        self.norm.clear();
        self.norm_ranges.clear();
        self.shapes.clear();
        self.shape_ranges.clear();
        self.feats.clear();
        self.offsets.clear();
        for w in words {
            let a = self.norm.len();
            push_norm(&mut self.norm, w);
            self.norm_ranges.push((a, self.norm.len()));
            let b = self.shapes.len();
            push_shape(&mut self.shapes, w);
            self.shape_ranges.push((b, self.shapes.len()));
        }
        let letters = words.iter().filter(|w| w.chars().any(char::is_alphabetic)).count();
        let caps = words
            .iter()
            .filter(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase))
            .count();
        let all_caps = letters >= 3 && caps * 10 >= letters * 8;
        let n = words.len();
        let norm = |i: isize| -> &[u8] {
            if i < 0 {
                b"<s>"
            } else if i as usize >= n {
                b"</s>"
            } else {
                let (a, b) = self.norm_ranges[i as usize];
                &self.norm.as_bytes()[a..b]
            }
        };
        let shape = |i: isize| -> &[u8] {
            if i < 0 {
                b"<s>"
            } else if i as usize >= n {
                b"</s>"
            } else {
                let (a, b) = self.shape_ranges[i as usize];
                &self.shapes.as_bytes()[a..b]
            }
        };
        let g = |i: isize| -> u16 {
            if i < 0 {
                0
            } else {
                gaz.get(i as usize).copied().unwrap_or(0)
            }
        };
        let mut feats = std::mem::take(&mut self.feats);
        let mut offsets = std::mem::take(&mut self.offsets);
        let mut cased = std::mem::take(&mut self.cased);
        let mut cl = std::mem::take(&mut self.cl);
        cl.clear();
        if !clusters.is_empty() {
            for (i, w) in words.iter().enumerate() {
                cluster_table::digits_folded(w, &mut cased);
                cl.push(clusters.get(cased.as_bytes(), norm(i as isize)).copied());
            }
        }
        for i in 0..n {
            offsets.push(feats.len());
            let ii = i as isize;
            let w = norm(ii);
            feats.push(hash_parts(0, &[]));
            feats.push(hash_parts(1, &[w]));
            feats.push(hash_parts(2, &[norm(ii - 1)]));
            feats.push(hash_parts(3, &[norm(ii + 1)]));
            feats.push(hash_parts(4, &[norm(ii - 2)]));
            feats.push(hash_parts(5, &[norm(ii + 2)]));
            feats.push(hash_parts(6, &[shape(ii)]));
            feats.push(hash_parts(7, &[shape(ii - 1), shape(ii)]));
            feats.push(hash_parts(8, &[shape(ii), shape(ii + 1)]));
            feats.push(hash_parts(9, &[norm(ii - 1), w]));
            feats.push(hash_parts(10, &[w, norm(ii + 1)]));
            feats.push(hash_parts(11, &[words[i].as_bytes()]));
            affix_features(&mut feats, w);
            if i == 0 {
                feats.push(hash_parts(21, &[shape(ii)]));
            }
            if all_caps {
                feats.push(hash_parts(22, &[w]));
            }
            cluster_features(&mut feats, &cl, i);
            if !clusters.is_empty() && words[i].starts_with(char::is_uppercase) {
                // capitalised here; is the word usually written in lower case?
                cluster_table::digits_folded(words[i], &mut cased);
                let lower = match (clusters.rank(w), clusters.rank(cased.as_bytes())) {
                    (None, _) => 0,
                    (Some(l), Some(c)) if l > c => 1,
                    (Some(_), Some(_)) => 2,
                    (Some(_), None) => 3,
                };
                feats.push(hash_parts(57, &[&[lower, (i == 0) as u8], shape(ii)]));
            }
            kb_features(&mut feats, g(ii - 1), g(ii), g(ii + 1), shape(ii));
            world_features(&mut feats, g(ii - 1), g(ii), g(ii + 1), shape(ii));
        }
        offsets.push(feats.len());
        self.cased = cased;
        self.cl = cl;
        self.feats = feats;
        self.offsets = offsets;
    }

    fn dynamic(&self, i: usize, prev: u8, prev2: u8, out: &mut [u32; 4]) {
        let (a, b) = self.norm_ranges[i];
        let (c, d) = self.shape_ranges[i];
        out[0] = hash_parts(T_PREV, &[&[prev]]);
        out[1] = hash_parts(T_PREV2, &[&[prev2, prev]]);
        out[2] = hash_parts(T_PREV_W, &[&[prev], &self.norm.as_bytes()[a..b]]);
        out[3] = hash_parts(T_PREV_SHAPE, &[&[prev], &self.shapes.as_bytes()[c..d]]);
    }
}

/// Prefixes 1–3 and suffixes 1–4 of the normalised word, over chars (never
/// the whole word).
fn affix_features(feats: &mut Vec<u32>, w: &[u8]) {
    let ws = std::str::from_utf8(w).unwrap_or("");
    let mut fwd = ws.char_indices().skip(1);
    for k in 1..=3u8 {
        if let Some((end, _)) = fwd.next() {
            feats.push(hash_parts(12 + k, &[&w[..end]]));
        }
    }
    let mut back = ws.char_indices().rev();
    for k in 1..=4u8 {
        match back.next() {
            Some((start, _)) if start > 0 => feats.push(hash_parts(16 + k, &[&w[start..]])),
            _ => break,
        }
    }
}

/// Features of the hand-made knowledge base's gazetteer bits ([`gaz`]) of
/// the word and its neighbours.
fn kb_features(feats: &mut Vec<u32>, prev: u16, cur: u16, next: u16, shape: &[u8]) {
    const KB: u16 = gaz::LOC | gaz::PER | gaz::ORG | gaz::DEMONYM | gaz::FIRST;
    let (p, c, n) = ((prev & KB) as u8, (cur & KB) as u8, (next & KB) as u8);
    if c != 0 {
        feats.push(hash_parts(23, &[&[c]]));
        feats.push(hash_parts(24, &[&[c], shape]));
    }
    if p != 0 {
        feats.push(hash_parts(25, &[&[p]]));
    }
    if n != 0 {
        feats.push(hash_parts(26, &[&[n]]));
    }
}

/// Cluster ids of the word (every granularity) and of its neighbours (the
/// two finer ones).
fn cluster_features(feats: &mut Vec<u32>, cl: &[Option<[u16; LEVELS]>], i: usize) {
    let at = |k: Option<usize>| k.and_then(|k| cl.get(k).copied().flatten());
    if let Some(c) = at(Some(i)) {
        for (l, id) in c.iter().enumerate() {
            feats.push(hash_parts(44 + l as u8, &[&id.to_le_bytes()]));
        }
    } else {
        feats.push(hash_parts(44, &[b"none"]));
    }
    if let (Some(a), Some(b)) = (at(i.checked_sub(1)), at(Some(i))) {
        feats.push(hash_parts(58, &[&a[1].to_le_bytes(), &b[1].to_le_bytes()]));
    }
    if let (Some(a), Some(b)) = (at(Some(i)), at(Some(i + 1))) {
        feats.push(hash_parts(59, &[&a[1].to_le_bytes(), &b[1].to_le_bytes()]));
    }
    for (t, k) in [(47u8, i.checked_sub(1)), (50u8, Some(i + 1))] {
        if let Some(c) = at(k) {
            for (l, id) in c.iter().enumerate().skip(1) {
                feats.push(hash_parts(t + l as u8, &[&id.to_le_bytes()]));
            }
        }
    }
}

/// Features of the world-table gazetteer bits of the word and its neighbours.
fn world_features(feats: &mut Vec<u32>, prev: u16, cur: u16, next: u16, shape: &[u8]) {
    let part = |x: u16| ((x & lexicon::bits::ALL) >> 5) as u8;
    let (p, c, n) = (part(prev), part(cur), part(next));
    if c != 0 {
        feats.push(hash_parts(53, &[&[c]]));
        feats.push(hash_parts(54, &[&[c], shape]));
    }
    if p != 0 {
        feats.push(hash_parts(55, &[&[p, c]]));
    }
    if n != 0 {
        feats.push(hash_parts(56, &[&[c, n]]));
    }
    let name = |x: u16| ((x & (lexicon::bits::GIVEN | lexicon::bits::SURNAME)) >> 8) as u8;
    let (p, c, n) = (name(prev), name(cur), name(next));
    if c != 0 {
        feats.push(hash_parts(60, &[&[c], shape]));
    }
    if p | c | n != 0 {
        feats.push(hash_parts(61, &[&[p, c, n]]));
    }
}

/// True when `tag` may follow `prev` under BIO.
fn allowed(prev: u8, tag: u8) -> bool {
    match tag {
        2 | 4 | 6 | 8 => prev == tag || prev + 1 == tag,
        _ => true,
    }
}

impl Model {
    /// An empty model (tags everything `O`).
    pub fn empty() -> Model {
        Model::default()
    }

    /// The model with the word clusters its features read (weights trained
    /// with other clusters, or none, tag worse).
    pub fn with_clusters(mut self, clusters: Clusters) -> Model {
        self.clusters = clusters;
        self
    }

    /// The word clusters.
    pub fn clusters(&self) -> &Clusters {
        &self.clusters
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// True when the model has no weights.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    fn add_scores(&self, feats: &[u32], scores: &mut [f32; N_TAGS]) {
        for f in feats {
            if let Some(w) = self.weights.get(f) {
                for (s, x) in scores.iter_mut().zip(w) {
                    *s += x;
                }
            }
        }
    }

    /// Tags one sentence. `gaz` holds the gazetteer bits of each word (may be
    /// shorter than `words`; missing entries count as 0). Returns tag indices.
    pub fn tag(&self, words: &[&str], gaz: &[u16], scratch: &mut Scratch) -> Vec<u8> {
        let mut tags = Vec::with_capacity(words.len());
        if words.is_empty() {
            return tags;
        }
        scratch.prepare(words, gaz, &self.clusters);
        let mut dynf = [0u32; 4];
        let (mut prev, mut prev2) = (9u8, 9u8); // 9 = start
        for i in 0..words.len() {
            let mut scores = [0f32; N_TAGS];
            let (a, b) = (scratch.offsets[i], scratch.offsets[i + 1]);
            self.add_scores(&scratch.feats[a..b], &mut scores);
            scratch.dynamic(i, prev, prev2, &mut dynf);
            self.add_scores(&dynf, &mut scores);
            let p = if prev == 9 { 0 } else { prev };
            let mut best = 0u8;
            let mut best_s = f32::NEG_INFINITY;
            for (t, s) in scores.iter().enumerate() {
                if allowed(p, t as u8) && *s > best_s {
                    best_s = *s;
                    best = t as u8;
                }
            }
            tags.push(best);
            prev2 = prev;
            prev = best;
        }
        tags
    }

    /// Serialises the model: the 8-byte magic `CHRNER1\n`, the tag count
    /// (u32 LE), the weight scale (f32 LE), the entry count (u32 LE), then per
    /// entry, sorted by key: the feature hash (u32 LE) and one weight per tag
    /// as i16 LE (weight = i16 × scale).
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self
            .weights
            .values()
            .flat_map(|w| w.iter())
            .fold(0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut keys: Vec<u32> = self.weights.keys().copied().collect();
        keys.sort_unstable();
        let mut out = Vec::with_capacity(20 + keys.len() * (4 + 2 * N_TAGS));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for k in keys {
            out.extend_from_slice(&k.to_le_bytes());
            let w = &self.weights[&k];
            for x in w {
                let q = (x / scale).round().clamp(-32767.0, 32767.0) as i16;
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model written by [`Model::to_bytes`]. `file` names it in errors.
    pub fn from_bytes(bytes: &[u8], file: &str) -> Result<Model, LanguageError> {
        let bad = |reason: &str| LanguageError::BadData { file: file.to_string(), line: 0, reason: reason.to_string() };
        if bytes.len() < 20 || &bytes[..8] != MAGIC {
            return Err(bad("not a chronicle tagger file (bad magic)"));
        }
        let u32_at = |i: usize| -> Option<u32> { bytes.get(i..i + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])) };
        let n_tags = u32_at(8).ok_or_else(|| bad("truncated header"))? as usize;
        if n_tags != N_TAGS {
            return Err(bad("unexpected tag count"));
        }
        let scale = f32::from_bits(u32_at(12).ok_or_else(|| bad("truncated header"))?);
        let n = u32_at(16).ok_or_else(|| bad("truncated header"))? as usize;
        let entry = 4 + 2 * N_TAGS;
        if bytes.len() != 20 + n * entry {
            return Err(bad("length does not match the entry count"));
        }
        let mut weights = FxHashMap::with_capacity_and_hasher(n, Default::default());
        for e in 0..n {
            let base = 20 + e * entry;
            let k = u32_at(base).ok_or_else(|| bad("truncated entry"))?;
            let mut w = [0f32; N_TAGS];
            for (t, x) in w.iter_mut().enumerate() {
                let o = base + 4 + 2 * t;
                let q = i16::from_le_bytes([bytes[o], bytes[o + 1]]);
                *x = q as f32 * scale;
            }
            weights.insert(k, w);
        }
        Ok(Model { weights, clusters: Clusters::default() })
    }
}

/// One training sentence: words, gold tag indices, gazetteer bits.
pub struct Example {
    /// The words.
    pub words: Vec<String>,
    /// Gold tags (indices into [`TAGS`]).
    pub tags: Vec<u8>,
    /// Gazetteer bits per word.
    pub gaz: Vec<u16>,
}

/// Training options.
#[derive(Clone, Copy, Debug)]
pub struct TrainConfig {
    /// Passes over the data.
    pub epochs: usize,
    /// Features whose largest absolute averaged weight is below this are dropped.
    pub prune: f32,
    /// Shuffle seed.
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig { epochs: 16, prune: 0.05, seed: 7 }
    }
}

struct Acc {
    w: [f32; N_TAGS],
    total: [f64; N_TAGS],
    stamp: [u64; N_TAGS],
}

/// Trains an averaged perceptron on `examples`, with cluster features from
/// `clusters` (may be empty).
pub fn train(examples: &[Example], cfg: TrainConfig, clusters: Clusters) -> Model {
    let mut acc: FxHashMap<u32, Acc> = FxHashMap::default();
    let mut step: u64 = 0;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = cfg.seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let mut scratch = Scratch::default();
    let mut feats: Vec<u32> = Vec::new();
    for _epoch in 0..cfg.epochs {
        // Fisher–Yates with an LCG
        for i in (1..order.len()).rev() {
            rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let j = ((rng >> 33) as usize) % (i + 1);
            order.swap(i, j);
        }
        for &ex in &order {
            let ex = &examples[ex];
            let words: Vec<&str> = ex.words.iter().map(String::as_str).collect();
            scratch.prepare(&words, &ex.gaz, &clusters);
            let (mut prev, mut prev2) = (9u8, 9u8);
            let mut dynf = [0u32; 4];
            for i in 0..words.len() {
                step += 1;
                feats.clear();
                feats.extend_from_slice(&scratch.feats[scratch.offsets[i]..scratch.offsets[i + 1]]);
                scratch.dynamic(i, prev, prev2, &mut dynf);
                feats.extend_from_slice(&dynf);
                let mut scores = [0f32; N_TAGS];
                for f in &feats {
                    if let Some(a) = acc.get(f) {
                        for (s, x) in scores.iter_mut().zip(&a.w) {
                            *s += x;
                        }
                    }
                }
                let p = if prev == 9 { 0 } else { prev };
                let mut guess = 0u8;
                let mut best = f32::NEG_INFINITY;
                for (t, s) in scores.iter().enumerate() {
                    if allowed(p, t as u8) && *s > best {
                        best = *s;
                        guess = t as u8;
                    }
                }
                let gold = ex.tags[i];
                if guess != gold {
                    for f in &feats {
                        let a = acc.entry(*f).or_insert(Acc { w: [0.0; N_TAGS], total: [0.0; N_TAGS], stamp: [0; N_TAGS] });
                        for (t, d) in [(gold as usize, 1.0f32), (guess as usize, -1.0f32)] {
                            a.total[t] += (step - a.stamp[t]) as f64 * a.w[t] as f64;
                            a.stamp[t] = step;
                            a.w[t] += d;
                        }
                    }
                }
                // train with the predicted history (as at test time)
                prev2 = prev;
                prev = guess;
            }
        }
    }
    let mut weights = FxHashMap::default();
    for (k, a) in acc {
        let mut w = [0f32; N_TAGS];
        let mut max = 0f32;
        for t in 0..N_TAGS {
            let total = a.total[t] + (step - a.stamp[t]) as f64 * a.w[t] as f64;
            w[t] = (total / step.max(1) as f64) as f32;
            max = max.max(w[t].abs());
        }
        if max >= cfg.prune {
            weights.insert(k, w);
        }
    }
    Model { weights, clusters }
}

/// Reads CoNLL-2003 sentences in the `word###TAG word###TAG …` one-line
/// format (as in `/work/shared/data/conll2003`) or the classic column format
/// (word first, tag last, blank line between sentences). Returns words and
/// tag indices; unknown tags count as `O`.
pub fn read_conll(text: &str) -> Vec<(Vec<String>, Vec<u8>)> {
    let mut out = Vec::new();
    let mut words = Vec::new();
    let mut tags = Vec::new();
    let mut flush = |words: &mut Vec<String>, tags: &mut Vec<u8>| {
        if !words.is_empty() {
            out.push((std::mem::take(words), std::mem::take(tags)));
        }
    };
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with("-DOCSTART-") {
            flush(&mut words, &mut tags);
            continue;
        }
        if line.contains("###") {
            for item in line.split(' ') {
                if let Some((w, t)) = item.rsplit_once("###") {
                    words.push(w.to_string());
                    tags.push(tag_index(t).unwrap_or(0));
                }
            }
            flush(&mut words, &mut tags);
        } else {
            let cols: Vec<&str> = line.split_whitespace().collect();
            if let (Some(w), Some(t)) = (cols.first(), cols.last()) {
                words.push(w.to_string());
                tags.push(tag_index(t).unwrap_or(0)); // IOB1 is upgraded below
            }
        }
    }
    flush(&mut words, &mut tags);
    // IOB1 → IOB2: an I-X not after X becomes B-X
    for (_, tags) in &mut out {
        let mut prev = 0u8;
        for t in tags.iter_mut() {
            if matches!(*t, 2 | 4 | 6 | 8) && !(prev == *t || prev + 1 == *t) {
                *t -= 1;
            }
            prev = *t;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(s: &str) -> Example {
        let (words, tags) = read_conll(s).remove(0);
        let gaz = vec![0; words.len()];
        Example { words, tags, gaz }
    }

    #[test]
    fn learns_a_toy_set_and_round_trips() {
        let data = vec![
            ex("Peter###B-PER Smith###I-PER visited###O Paris###B-LOC .###O"),
            ex("Anna###B-PER Jones###I-PER left###O Berlin###B-LOC today###O .###O"),
            ex("The###O EU###B-ORG met###O in###O Rome###B-LOC .###O"),
        ];
        let m = train(&data, TrainConfig { epochs: 10, prune: 0.0, seed: 1 }, Clusters::default());
        let mut s = Scratch::default();
        let tags = m.tag(&["Peter", "Smith", "visited", "Paris", "."], &[], &mut s);
        assert_eq!(tags, vec![1, 2, 0, 5, 0]);
        let back = Model::from_bytes(&m.to_bytes(), "t").unwrap();
        assert_eq!(back.tag(&["Peter", "Smith", "visited", "Paris", "."], &[], &mut s), tags);
        assert!(Model::from_bytes(b"nonsense", "t").is_err());
    }

    #[test]
    fn reads_both_formats_and_upgrades_iob1() {
        let a = read_conll("EU###B-ORG rejects###O German###B-MISC call###O");
        assert_eq!(a[0].1, vec![3, 0, 7, 0]);
        let b = read_conll("EU NNP B-NP I-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP I-PER\n");
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].1, vec![3, 0]);
        assert_eq!(b[1].1, vec![1]);
    }
}
