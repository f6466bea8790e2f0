//! The block classifier: logistic regression over per-block features of an HTML page
//! (length, link density, stop words, punctuation, first- and second-person talk, the holding
//! tag, tags and class/id word groups above it, position, whether the `rs-trafilatura`
//! main-content text holds it and whether it lies before or after that text, whether it lies
//! inside, before or after the page's main container (`page_blocks::main_container`), and
//! the same for its neighbours). Weights are learnt by `chronicle train clean` (see
//! `train.rs`) and live in `data/clean/block_model.tsv`.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::error::CleanError;
use crate::lexicon::LEXICON;
use crate::page_blocks::{PageBlock, Placement, ABOVE, GROUPS, HOLDERS};

/// A named feature value.
pub(crate) type Feature = (&'static str, f32);

/// Lowercase word tokens (letters and digits) of a text.
pub(crate) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

fn gram_key(ws: &[String]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    ws.hash(&mut h);
    h.finish()
}

/// The 1-, 2- and 3-word sequences of a text, for asking how much of a block it holds.
#[derive(Default)]
pub(crate) struct Shingles {
    sets: [HashSet<u64>; 3],
}

impl Shingles {
    /// The shingles of a text.
    pub fn of(text: &str) -> Shingles {
        let ws = words(text);
        let mut s = Shingles::default();
        for (k, set) in s.sets.iter_mut().enumerate() {
            for g in ws.windows(k + 1) {
                set.insert(gram_key(g));
            }
        }
        s
    }

    /// Share of a block's word sequences (trigrams; shorter blocks as a whole) found here.
    pub fn share(&self, ws: &[String]) -> f64 {
        if ws.is_empty() {
            return 0.0;
        }
        let k = ws.len().min(3);
        let grams: Vec<&[String]> = ws.windows(k).collect();
        let hits = grams.iter().filter(|g| self.sets[k - 1].contains(&gram_key(g))).count();
        hits as f64 / grams.len() as f64
    }
}

fn prefixed(prefix: &str, names: &[String]) -> Vec<String> {
    names.iter().map(|n| format!("{prefix}:{n}")).collect()
}

struct Names {
    holder: Vec<String>,
    above: Vec<String>,
    near: Vec<String>,
    far: Vec<String>,
}

static NAMES: LazyLock<Names> = LazyLock::new(|| {
    let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    Names {
        holder: prefixed("tag", &owned(HOLDERS)),
        above: prefixed("above", &owned(ABOVE)),
        near: prefixed("near", &GROUPS.names),
        far: prefixed("far", &GROUPS.names),
    }
});

/// Per-block measures the neighbours' features read.
#[derive(Clone, Copy, Default)]
struct Own {
    traf: f32,
    link: f32,
    log_chars: f32,
    terminal: f32,
    good: f32,
}

/// The bin of a value among ascending cut points.
fn bin(v: f32, cuts: &[f32]) -> usize {
    cuts.iter().take_while(|c| v >= **c).count()
}

const BINS_CHARS: [&str; 7] = ["chars<10", "chars<30", "chars<70", "chars<150", "chars<300", "chars<600", "chars>=600"];
const BINS_LINK: [&str; 6] = ["link=0", "link<0.1", "link<0.3", "link<0.6", "link<0.9", "link>=0.9"];
const BINS_TRAF: [&str; 5] = ["traf=0", "traf<0.3", "traf<0.6", "traf<0.9", "traf>=0.9"];
const BINS_STOP: [&str; 5] = ["stop<0.1", "stop<0.2", "stop<0.3", "stop<0.4", "stop>=0.4"];
static CROSS_TRAF_CHARS: LazyLock<Vec<String>> =
    LazyLock::new(|| BINS_TRAF.iter().flat_map(|t| BINS_CHARS.iter().map(move |c| format!("{t}&{c}"))).collect());
static CROSS_TRAF_TERMINAL: LazyLock<Vec<String>> =
    LazyLock::new(|| BINS_TRAF.iter().flat_map(|t| ["", "&terminal"].iter().map(move |e| format!("{t}{e}"))).collect());

/// Feature names of the holder's, parent's and grandparent's context: share of the page's
/// text, link density, share of the page's good text, good share of its own text.
const CONTEXT: [[&str; 4]; 3] = [
    ["holder:share", "holder:link", "holder:good_share", "holder:good"],
    ["parent:share", "parent:link", "parent:good_share", "parent:good"],
    ["grand:share", "grand:link", "grand:good_share", "grand:good"],
];

/// The walk's notion of a good block (see `page_blocks::Context::good_chars`).
fn is_good(b: &PageBlock) -> bool {
    let chars = b.text.chars().count();
    b.text.ends_with(['.', '!', '?', '"', '\u{201d}']) && chars > 80 && b.link_chars * 5 < chars
}

const NEIGHBOURS: [(isize, [&str; 5]); 4] = [
    (-2, ["p2:traf", "p2:link", "p2:log_chars", "p2:terminal", "p2:good"]),
    (-1, ["p1:traf", "p1:link", "p1:log_chars", "p1:terminal", "p1:good"]),
    (1, ["n1:traf", "n1:link", "n1:log_chars", "n1:terminal", "n1:good"]),
    (2, ["n2:traf", "n2:link", "n2:log_chars", "n2:terminal", "n2:good"]),
];

/// The features of every block of a page, given the extractor's main-content text and the
/// page title.
pub(crate) fn features(blocks: &[PageBlock], main_text: &str, title: Option<&str>) -> Vec<Vec<Feature>> {
    let main = Shingles::of(main_text);
    let title = Shingles::of(title.unwrap_or(""));
    let stops = LEXICON.stop_list("en");
    let n = blocks.len().max(1);
    let total_chars: usize = blocks.iter().map(|b| b.text.chars().count()).sum::<usize>().max(1);
    let mut seen_chars = 0usize;
    let good_total: usize = blocks.iter().filter(|b| is_good(b)).map(|b| b.text.chars().count()).sum();
    let (main_first, main_last) = main_span(blocks, &main);
    let mut own: Vec<Own> = Vec::with_capacity(blocks.len());
    let mut out: Vec<Vec<Feature>> = Vec::with_capacity(blocks.len());
    for (i, b) in blocks.iter().enumerate() {
        let ws = words(&b.text);
        let chars = b.text.chars().count().max(1);
        let nw = ws.len().max(1) as f32;
        let link = b.link_chars as f32 / chars as f32;
        let traf = main.share(&ws) as f32;
        let log_chars = ((1 + chars) as f32).ln() / 7.0;
        let trimmed = b.text.trim_end();
        let terminal = if trimmed.ends_with(['.', '!', '?', '"', '\u{201d}', ':']) { 1.0 } else { 0.0 };
        let stop = stops.map_or(0.0, |s| ws.iter().filter(|w| s.contains(w.as_str())).count() as f32 / nw);
        let sentences = b.text.matches(". ").count() as f32 + terminal;
        let caps = b.text.split_whitespace().filter(|w| w.starts_with(char::is_uppercase)).count() as f32 / nw;
        let digits = b.text.chars().filter(char::is_ascii_digit).count() as f32 / chars as f32;
        let good = if terminal > 0.0 && chars > 80 && link < 0.2 { 1.0 } else { 0.0 };
        let chat = ws.iter().filter(|w| LEXICON.comments.chat.contains(w.as_str())).count() as f32 / nw;
        let mut f: Vec<Feature> = vec![
            ("bias", 1.0),
            ("log_chars", log_chars),
            ("short", if chars < 30 { 1.0 } else { 0.0 }),
            ("long", if chars > 200 { 1.0 } else { 0.0 }),
            ("link", link),
            ("all_link", if link > 0.9 { 1.0 } else { 0.0 }),
            ("stop", stop),
            ("stop_high", if stop > 0.3 { 1.0 } else { 0.0 }),
            ("terminal", terminal),
            ("sentences", sentences.min(5.0) / 5.0),
            ("commas", (b.text.matches(',').count() as f32 / nw).min(1.0)),
            ("caps", caps.min(1.0)),
            ("digits", digits),
            ("separators", if b.text.contains(['|', '»', '›', '•']) { 1.0 } else { 0.0 }),
            ("copyright", if b.text.contains('©') { 1.0 } else { 0.0 }),
            ("position", i as f32 / n as f32),
            ("position_chars", seen_chars as f32 / total_chars as f32),
            ("traf", traf),
            ("traf_all", if traf >= 0.8 { 1.0 } else { 0.0 }),
            ("traf_none", if traf == 0.0 { 1.0 } else { 0.0 }),
            ("traf*log_chars", traf * log_chars),
            ("traf*link", traf * link),
            ("title", if ws.len() <= 30 { title.share(&ws) as f32 } else { 0.0 }),
            ("comment_container", if b.comment { 1.0 } else { 0.0 }),
            ("chat", chat.min(0.5) * 2.0),
            ("before_main", if main_first.is_some_and(|f| i < f) { 1.0 } else { 0.0 }),
            ("after_main", if main_last.is_some_and(|l| i > l) { 1.0 } else { 0.0 }),
        ];
        match b.main {
            Placement::Inside => f.push(("container:inside", 1.0)),
            Placement::Before => f.push(("container:before", 1.0)),
            Placement::After => f.push(("container:after", 1.0)),
            Placement::Unknown => {}
        }
        let page_good = good_total;
        for (c, names) in b.context.iter().zip(CONTEXT) {
            let held = c.chars.max(1) as f32;
            f.push((names[0], c.chars as f32 / total_chars as f32));
            f.push((names[1], c.link_chars as f32 / held));
            f.push((names[2], c.good_chars as f32 / page_good.max(1) as f32));
            f.push((names[3], c.good_chars as f32 / held));
        }
        seen_chars += chars;
        let cb = bin(chars as f32, &[10.0, 30.0, 70.0, 150.0, 300.0, 600.0]);
        let lb = bin(link, &[0.01, 0.1, 0.3, 0.6, 0.9]);
        let tb = bin(traf, &[0.01, 0.3, 0.6, 0.9]);
        let sb = bin(stop, &[0.1, 0.2, 0.3, 0.4]);
        f.push((BINS_CHARS[cb], 1.0));
        f.push((BINS_LINK[lb], 1.0));
        f.push((BINS_TRAF[tb], 1.0));
        f.push((BINS_STOP[sb], 1.0));
        f.push((CROSS_TRAF_CHARS[tb * 7 + cb].as_str(), 1.0));
        f.push((CROSS_TRAF_TERMINAL[tb * 2 + terminal as usize].as_str(), 1.0));
        if let Some(name) = NAMES.holder.get(b.holder) {
            f.push((name.as_str(), 1.0));
        }
        push_bits(&mut f, b.above, &NAMES.above);
        push_bits(&mut f, b.near, &NAMES.near);
        push_bits(&mut f, b.far, &NAMES.far);
        own.push(Own { traf, link, log_chars, terminal, good });
        out.push(f);
    }
    add_neighbours(&mut out, &own);
    out
}

/// The first and last block of the extractor's main text: blocks of ten words or more that
/// it holds almost whole. An article runs from its first paragraph to its last; what comes
/// before is the page's head, what follows its tail (comments, author boxes, sidebars), and
/// the model learns how far to trust the extractor's bounds (features `before_main`,
/// `after_main`; the share of first- and second-person `chat` words of `comments.tsv`,
/// the register of reader comments, is `chat`).
fn main_span(blocks: &[PageBlock], main: &Shingles) -> (Option<usize>, Option<usize>) {
    let held = |b: &PageBlock| {
        let ws = words(&b.text);
        ws.len() >= 10 && main.share(&ws) >= 0.9
    };
    (blocks.iter().position(held), blocks.iter().rposition(held))
}

fn push_bits(f: &mut Vec<Feature>, mask: u32, names: &'static [String]) {
    for (i, name) in names.iter().enumerate().take(32) {
        if mask & (1 << i) != 0 {
            f.push((name.as_str(), 1.0));
        }
    }
}

/// Each block reads its two neighbours on either side, and the mean main-text share and
/// share of good blocks within three blocks.
fn add_neighbours(out: &mut [Vec<Feature>], own: &[Own]) {
    let n = own.len() as isize;
    for i in 0..n {
        let f = &mut out[i as usize];
        for (d, names) in NEIGHBOURS {
            let j = i + d;
            let o = if (0..n).contains(&j) { own[j as usize] } else { Own::default() };
            for (name, v) in names.iter().zip([o.traf, o.link, o.log_chars, o.terminal, o.good]) {
                if v != 0.0 {
                    f.push((name, v));
                }
            }
        }
        let (lo, hi) = ((i - 3).max(0) as usize, ((i + 4).min(n)) as usize);
        let len = (hi - lo).max(1) as f32;
        f.push(("window:traf", own[lo..hi].iter().map(|o| o.traf).sum::<f32>() / len));
        f.push(("window:good", own[lo..hi].iter().map(|o| o.good).sum::<f32>() / len));
    }
}

/// Second-pass feature names: the first pass's probability of the block and of its
/// neighbours, the kept share of the text around it and of the elements holding it, and
/// where it lies against the first and last kept blocks.
const NEIGHBOURS_P: [(isize, &str); 4] = [(-2, "s:p2"), (-1, "s:p1"), (1, "s:n1"), (2, "s:n2")];
const OWNERS_P: [(&str, &str); 3] = [("s:holder", "s:holder_alone"), ("s:parent", "s:parent_alone"), ("s:grand", "s:grand_alone")];
/// How many blocks either side the second pass looks for kept text.
const REACH: usize = 10;

/// The second pass's features of every block, from the first pass's probabilities `p1`:
/// a block's neighbours' labels (the classifier's own reading of them) and how much of the
/// text of its holder, parent and grandparent element the first pass kept (a paragraph
/// among kept paragraphs is article text even when it is short or link-heavy; a lone
/// "good" block in a sidebar is not). Linear in the blocks.
pub(crate) fn second_features(blocks: &[PageBlock], p1: &[f64]) -> Vec<Vec<Feature>> {
    let n = blocks.len().min(p1.len());
    let chars: Vec<f64> = blocks.iter().map(|b| b.text.chars().count() as f64).collect();
    let mut held: HashMap<usize, (f64, f64)> = HashMap::new();
    for i in 0..n {
        for o in blocks[i].owners.iter().flatten() {
            let e = held.entry(*o).or_default();
            e.0 += chars[i] * p1[i];
            e.1 += chars[i];
        }
    }
    let first = p1.iter().position(|p| *p >= 0.5);
    let last = p1.iter().rposition(|p| *p >= 0.5);
    let at = |j: isize| if (0..n as isize).contains(&j) { p1[j as usize] } else { 0.0 };
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let p = p1[i];
        let logit = (p.max(1e-6) / (1.0 - p).max(1e-6)).ln();
        let mut f: Vec<Feature> = vec![("s:self", p as f32), ("s:logit", (logit / 4.0).clamp(-2.0, 2.0) as f32)];
        for (d, name) in NEIGHBOURS_P {
            f.push((name, at(i as isize + d) as f32));
        }
        let (lo, hi) = (i.saturating_sub(3), (i + 4).min(n));
        let (kept, all) = (lo..hi).fold((0.0, 0.0), |(k, a), j| (k + chars[j] * p1[j], a + chars[j]));
        f.push(("s:window", (kept / all.max(1.0)) as f32));
        let before = p1[i.saturating_sub(REACH)..i].iter().copied().fold(0.0, f64::max);
        let after = p1[(i + 1).min(n)..(i + 1 + REACH).min(n)].iter().copied().fold(0.0, f64::max);
        f.push(("s:before_max", before as f32));
        f.push(("s:after_max", after as f32));
        for (o, (name, alone)) in blocks[i].owners.iter().zip(OWNERS_P) {
            let Some((kp, kc)) = o.and_then(|o| held.get(&o)) else { continue };
            let others = kc - chars[i];
            if others > 0.0 {
                f.push((name, ((kp - chars[i] * p) / others).clamp(0.0, 1.0) as f32));
            } else {
                f.push((alone, 1.0));
            }
        }
        match (first, last) {
            (Some(a), Some(b)) if i > a && i < b => f.push(("s:inside", 1.0)),
            (Some(a), _) if i < a => f.push(("s:before_first", 1.0)),
            (_, Some(b)) if i > b => f.push(("s:after_last", 1.0)),
            (None, None) => f.push(("s:none_kept", 1.0)),
            _ => f.push(("s:edge", 1.0)),
        }
        out.push(f);
    }
    out
}

/// Prefix of the second pass's weights in the model file.
const SECOND: &str = "2|";

/// Learnt weights per feature name (`data/clean/block_model.tsv`): the first pass, and
/// optionally a second pass (names prefixed `2|`) that reads the first pass's probabilities
/// of the block's neighbours and containers (`second_features`) beside the same features.
/// An empty model selects nothing and leaves the extractor's text as it is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BlockModel {
    weights: HashMap<String, f64>,
    second: HashMap<String, f64>,
}

fn logistic(weights: &HashMap<String, f64>, f: &[Feature]) -> f64 {
    let z: f64 = f.iter().map(|(n, v)| weights.get(*n).copied().unwrap_or(0.0) * f64::from(*v)).sum();
    1.0 / (1.0 + (-z).exp())
}

impl BlockModel {
    /// Reads `NAME<TAB>WEIGHT` lines (`#` lines are comments).
    pub fn parse(text: &str, file: &str) -> Result<BlockModel, CleanError> {
        let mut m = BlockModel::default();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |why: &str| CleanError::Config { file: file.to_string(), line: i + 1, why: why.to_string() };
            let (name, w) = line.split_once('\t').ok_or_else(|| bad("expected NAME<TAB>WEIGHT"))?;
            let w: f64 = w.trim().parse().map_err(|_| bad("the weight is not a number"))?;
            if !w.is_finite() {
                return Err(bad("the weight is not finite"));
            }
            match name.strip_prefix(SECOND) {
                Some(n) => m.second.insert(n.to_string(), w),
                None => m.weights.insert(name.to_string(), w),
            };
        }
        Ok(m)
    }

    /// The model as TSV, names sorted (the first pass, then the second), after the given
    /// `#` header lines.
    pub fn to_tsv(&self, header: &str) -> String {
        let mut out = String::new();
        for l in header.lines() {
            out.push_str(&format!("# {l}\n"));
        }
        for (prefix, map) in [("", &self.weights), (SECOND, &self.second)] {
            let mut names: Vec<(&String, &f64)> = map.iter().collect();
            names.sort_by(|a, b| a.0.cmp(b.0));
            for (n, w) in names {
                out.push_str(&format!("{prefix}{n}\t{w:.6}\n"));
            }
        }
        out
    }

    /// The first pass's linear weight of a feature (0 when it has none).
    #[doc(hidden)]
    pub fn weight(&self, name: &str) -> f64 {
        self.weights.get(name).copied().unwrap_or(0.0)
    }

    /// True when no weight is set.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The first pass's probability that a block with these features is article text.
    pub(crate) fn probability(&self, f: &[Feature]) -> f64 {
        logistic(&self.weights, f)
    }

    /// The probability of every block of a page: the first pass, then, when the model has
    /// one, the second pass over the same features and the first pass's reading of the
    /// block's surroundings.
    pub(crate) fn probabilities(&self, blocks: &[PageBlock], features: &[Vec<Feature>]) -> Vec<f64> {
        let p1: Vec<f64> = features.iter().map(|f| self.probability(f)).collect();
        if self.second.is_empty() {
            return p1;
        }
        features
            .iter()
            .zip(second_features(blocks, &p1))
            .map(|(f, s)| logistic(&self.second, &[f.as_slice(), s.as_slice()].concat()))
            .collect()
    }

    /// A model from named weights.
    pub(crate) fn from_weights(weights: HashMap<String, f64>) -> BlockModel {
        BlockModel { weights, second: HashMap::new() }
    }

    /// This model as the first pass, with `second`'s weights as the second.
    pub(crate) fn with_second(self, second: BlockModel) -> BlockModel {
        BlockModel { weights: self.weights, second: second.weights }
    }
}

/// One training example: features, label, weight.
pub(crate) struct Example {
    pub features: Vec<Feature>,
    pub label: bool,
    pub weight: f64,
}

/// Logistic regression by full-batch AdaGrad with an L2 penalty; deterministic (fixed
/// order, fixed step count).
pub(crate) fn fit(examples: &[&Example], epochs: usize, l2: f64) -> BlockModel {
    let mut index: std::collections::BTreeMap<&'static str, usize> = std::collections::BTreeMap::new();
    for e in examples {
        for (n, _) in &e.features {
            let k = index.len();
            index.entry(*n).or_insert(k);
        }
    }
    // Reindex in name order so that the result does not depend on the example order.
    let names: Vec<&'static str> = index.keys().copied().collect();
    let pos: HashMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let rows: Vec<(Vec<(usize, f64)>, f64, f64)> = examples
        .iter()
        .map(|e| {
            let x = e.features.iter().filter_map(|(n, v)| pos.get(n).map(|&i| (i, f64::from(*v)))).collect();
            (x, if e.label { 1.0 } else { 0.0 }, e.weight)
        })
        .collect();
    let total: f64 = rows.iter().map(|r| r.2).sum::<f64>().max(1e-9);
    let mut w = vec![0.0f64; names.len()];
    let mut g2 = vec![0.0f64; names.len()];
    let rate = 0.5;
    for _ in 0..epochs {
        let mut grad: Vec<f64> = w.iter().map(|wi| l2 * wi).collect();
        for (x, y, weight) in &rows {
            let z: f64 = x.iter().map(|(i, v)| w[*i] * v).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let g = (p - y) * weight / total;
            for (i, v) in x {
                grad[*i] += g * v;
            }
        }
        for i in 0..w.len() {
            g2[i] += grad[i] * grad[i];
            w[i] -= rate * grad[i] / (g2[i].sqrt() + 1e-8);
        }
    }
    BlockModel::from_weights(names.iter().zip(w).map(|(n, wi)| (n.to_string(), wi)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingles_measure_how_much_of_a_block_a_text_holds() {
        let s = Shingles::of("The harbour reopened on Saturday after repairs.");
        assert_eq!(s.share(&words("the harbour reopened")), 1.0);
        assert_eq!(s.share(&words("Home")), 0.0);
        assert_eq!(s.share(&words("harbour")), 1.0);
        assert!((s.share(&words("the harbour reopened on Sunday")) - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn model_reads_its_own_tsv_and_names_a_bad_line() {
        let m = BlockModel::from_weights([("bias".to_string(), -0.5), ("link".to_string(), -2.0)].into());
        let text = m.to_tsv("source: test");
        assert_eq!(BlockModel::parse(&text, "m.tsv").unwrap(), m);
        let err = BlockModel::parse("bias\t1\nlink\tx\n", "m.tsv").unwrap_err();
        assert_eq!(err.to_string(), "m.tsv:2: the weight is not a number");
        assert!(m.probability(&[("bias", 1.0), ("link", 1.0)]) < 0.1);
    }

    #[test]
    fn second_pass_reads_the_first_pass_around_a_block() {
        let block = |text: &str, owners: [Option<usize>; 3]| PageBlock { text: text.to_string(), owners, ..PageBlock::default() };
        // Two paragraphs of one story div (element 1), then a sidebar line (element 2).
        let blocks = [block("aaaa", [Some(10), Some(1), None]), block("bbbbbbbb", [Some(11), Some(1), None]), block("cc", [Some(12), Some(2), None])];
        let f = second_features(&blocks, &[0.9, 0.3, 0.1]);
        let get = |i: usize, n: &str| f[i].iter().find(|(k, _)| *k == n).map(|(_, v)| *v);
        assert_eq!(get(1, "s:p1"), Some(0.9));
        assert_eq!(get(1, "s:n1"), Some(0.1));
        assert_eq!(get(0, "s:p1"), Some(0.0), "no block before the first");
        // the rest of block 1's parent (block 0 alone) was kept at 0.9
        assert!((get(1, "s:parent").unwrap() - 0.9).abs() < 1e-6);
        assert_eq!(get(2, "s:parent_alone"), Some(1.0));
        assert_eq!(get(2, "s:after_last"), Some(1.0));
        assert_eq!(get(1, "s:after_last"), Some(1.0));
        assert_eq!(get(0, "s:edge"), Some(1.0));
    }

    #[test]
    fn a_two_pass_model_reads_back_from_its_tsv() {
        let first = BlockModel::from_weights([("bias".to_string(), -1.0)].into());
        let second = BlockModel::from_weights([("s:p1".to_string(), 6.0), ("bias".to_string(), -3.0)].into());
        let m = first.with_second(second);
        let text = m.to_tsv("source: test");
        assert!(text.contains("2|s:p1\t6.000000"), "{text}");
        assert_eq!(BlockModel::parse(&text, "m.tsv").unwrap(), m);
        let blocks = [PageBlock { text: "a".into(), ..PageBlock::default() }, PageBlock { text: "b".into(), ..PageBlock::default() }];
        let p = m.probabilities(&blocks, &[vec![("bias", 1.0)], vec![("bias", 1.0)]]);
        // the second block follows a block the first pass gave 0.27: 6 * 0.27 - 3 < 0
        assert!(p[0] < 0.1 && p[1] < 0.5 && p[1] > p[0], "{p:?}");
    }

    #[test]
    fn blocks_read_the_extractor_bounds_and_first_person_talk() {
        let block = |text: &str| PageBlock { text: text.to_string(), ..PageBlock::default() };
        let lead = "The river authority said on Monday that the new flood barrier had held during the storm.";
        let blocks = [block("Home News Sport"), block(lead), block("I think you are wrong, my friend, and I said so.")];
        let f = features(&blocks, lead, None);
        let get = |i: usize, n: &str| f[i].iter().find(|(k, _)| *k == n).map(|(_, v)| *v);
        assert_eq!((get(0, "before_main"), get(1, "before_main"), get(2, "after_main")), (Some(1.0), Some(0.0), Some(1.0)));
        assert_eq!(get(1, "chat"), Some(0.0));
        assert!(get(2, "chat").unwrap() > 0.5, "{:?}", get(2, "chat"));
    }

    #[test]
    fn fit_separates_a_separable_feature() {
        let ex: Vec<Example> = (0..40)
            .map(|i| Example { features: vec![("bias", 1.0), ("link", if i % 2 == 0 { 1.0 } else { 0.0 })], label: i % 2 == 1, weight: 1.0 })
            .collect();
        let refs: Vec<&Example> = ex.iter().collect();
        let m = fit(&refs, 200, 1e-4);
        assert!(m.probability(&[("bias", 1.0), ("link", 1.0)]) < 0.2);
        assert!(m.probability(&[("bias", 1.0)]) > 0.8);
        assert_eq!(fit(&refs, 200, 1e-4), m, "deterministic");
    }
}
