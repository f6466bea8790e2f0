//! Timeline summarisation scores as the tilse toolkit defines them
//! (Martschat & Markert 2017, 2018), the measures the DATEWISE paper reports:
//!
//! - date precision, recall and F1: the predicted timeline's dates against the
//!   reference's (`tilse.evaluation.dates.evaluate_dates`);
//! - alignment-based ROUGE-1 and ROUGE-2 ("AR-1", "AR-2"): tilse's
//!   `evaluate_align_date_content_costs_many_to_one` with its ROUGE
//!   reimplementation (`RougeReimplementation`: tokens split on white space,
//!   lower-cased, the SMART stop words of ROUGE-1.5.5 and eight punctuation
//!   tokens dropped, stemmed). Each predicted date is aligned to the reference
//!   date of least cost (precision), each reference date to the predicted date
//!   of least cost (recall); the cost of a pair is
//!   `(1 - 1/(|days apart| + 1)) * (1 - approximate ROUGE-1 F1 of their summaries)`.
//!   An aligned pair's n-gram matches count `1/(|days apart| + 1)` each.
//!
//! One difference from tilse: tilse stems with NLTK's Porter stemmer, we with
//! the Snowball English stemmer (`rust-stemmers`, Porter's own revision of his
//! algorithm); the two agree on most English words.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

use chrono::NaiveDate;

const STOPWORDS: &str = include_str!("../../../data/link/rouge_stopwords.txt");

static STOP: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| STOPWORDS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect());

static STEMMER: LazyLock<rust_stemmers::Stemmer> = LazyLock::new(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English));

/// The tokens tilse's ROUGE reimplementation ignores besides stop words.
const PUNCTUATION_TOKENS: [&str; 8] = [".", ",", ";", ":", "``", "''", "-", "\""];

/// Python's `string.punctuation`: the content cost drops a token that is a
/// substring of it (tilse's `k not in string.punctuation`).
const PYTHON_PUNCTUATION: &str = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

/// A timeline: per day, the summary's sentences (tokens separated by spaces).
pub type Timeline = BTreeMap<NaiveDate, Vec<String>>;

/// Precision, recall and F1.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
}

impl Prf {
    fn of(p: f64, r: f64) -> Prf {
        let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        Prf { p, r, f1 }
    }

    /// The mean of each field over `scores` (macro average); zero when empty.
    pub fn mean(scores: &[Prf]) -> Prf {
        let n = scores.len().max(1) as f64;
        Prf {
            p: scores.iter().map(|s| s.p).sum::<f64>() / n,
            r: scores.iter().map(|s| s.r).sum::<f64>() / n,
            f1: scores.iter().map(|s| s.f1).sum::<f64>() / n,
        }
    }
}

/// The scores of one predicted timeline against one reference.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TlsScores {
    /// Date precision, recall and F1.
    pub date: Prf,
    /// Alignment-based ROUGE-1 (many-to-one, date and content costs).
    pub ar1: Prf,
    /// Alignment-based ROUGE-2.
    pub ar2: Prf,
}

/// Scores `pred` against `gold`.
pub fn score(pred: &Timeline, gold: &Timeline) -> TlsScores {
    TlsScores { date: date_scores(pred, gold), ar1: align_rouge(pred, gold, 1), ar2: align_rouge(pred, gold, 2) }
}

/// Date precision, recall and F1 (zero when either timeline is empty).
pub fn date_scores(pred: &Timeline, gold: &Timeline) -> Prf {
    if pred.is_empty() || gold.is_empty() {
        return Prf::default();
    }
    let both = pred.keys().filter(|d| gold.contains_key(d)).count() as f64;
    Prf::of(both / pred.len() as f64, both / gold.len() as f64)
}

/// The ROUGE tokens of a summary: split on white space, lower-cased, stop
/// words and punctuation tokens dropped, stemmed; sentences concatenated.
pub fn rouge_tokens(sentences: &[String]) -> Vec<String> {
    sentences
        .iter()
        .flat_map(|s| s.split_whitespace())
        .map(str::to_lowercase)
        .filter(|t| !STOP.contains(t.as_str()) && !PUNCTUATION_TOKENS.contains(&t.as_str()))
        .map(|t| STEMMER.stem(&t).into_owned())
        .collect()
}

/// n-gram counts of a token sequence.
fn ngrams(tokens: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut out: HashMap<&[String], usize> = HashMap::new();
    if n > 0 {
        for g in tokens.windows(n) {
            *out.entry(g).or_default() += 1;
        }
    }
    out
}

/// (matches, predicted n-grams, reference n-grams) of one pair of summaries.
fn rouge_counts(pred: &[String], gold: &[String], n: usize) -> (f64, f64, f64) {
    let (p, g) = (ngrams(pred, n), ngrams(gold, n));
    let hits: usize = p.iter().map(|(k, c)| (*c).min(g.get(k).copied().unwrap_or(0))).sum();
    (hits as f64, p.values().sum::<usize>() as f64, g.values().sum::<usize>() as f64)
}

/// tilse's approximate ROUGE-1 F1 between two summaries (raw tokens, only
/// Python-punctuation substrings dropped), used for the alignment costs.
fn approx_rouge1(pred: &[String], gold: &[String]) -> f64 {
    let toks = |s: &[String]| -> Vec<String> {
        s.iter().flat_map(|x| x.split_whitespace()).filter(|k| !PYTHON_PUNCTUATION.contains(k)).map(str::to_string).collect()
    };
    let (hits, pd, gd) = rouge_counts(&toks(pred), &toks(gold), 1);
    let p = if pd == 0.0 { 0.0 } else { hits / pd };
    let r = if gd == 0.0 { 0.0 } else { hits / gd };
    Prf::of(p, r).f1
}

fn days_apart(a: NaiveDate, b: NaiveDate) -> f64 {
    (a - b).num_days().abs() as f64
}

/// The reference date of least cost for each predicted date (`from` = the
/// timeline whose dates are aligned, `to` the other); ties go to the earliest.
fn align_many_to_one(from: &Timeline, to: &Timeline, from_is_pred: bool) -> Vec<(NaiveDate, NaiveDate)> {
    let mut out = Vec::new();
    for (d, s) in from {
        let mut best: Option<(f64, NaiveDate)> = None;
        for (e, t) in to {
            let date_factor = 1.0 - 1.0 / (days_apart(*d, *e) + 1.0);
            let content = if from_is_pred { approx_rouge1(s, t) } else { approx_rouge1(t, s) };
            let cost = date_factor * (1.0 - content);
            if best.map_or(true, |(c, _)| cost < c) {
                best = Some((cost, *e));
            }
        }
        if let Some((_, e)) = best {
            out.push((*d, e));
        }
    }
    out
}

/// Alignment-based ROUGE-`n` precision, recall and F1.
pub fn align_rouge(pred: &Timeline, gold: &Timeline, n: usize) -> Prf {
    let tokens = |t: &Timeline| -> BTreeMap<NaiveDate, Vec<String>> { t.iter().map(|(d, s)| (*d, rouge_tokens(s))).collect() };
    let (pt, gt) = (tokens(pred), tokens(gold));
    let (mut p_num, mut p_den) = (0.0, 0.0);
    for (d, e) in align_many_to_one(pred, gold, true) {
        let (hits, pd, _) = rouge_counts(&pt[&d], &gt[&e], n);
        p_num += hits / (days_apart(d, e) + 1.0);
        p_den += pd;
    }
    let (mut r_num, mut r_den) = (0.0, 0.0);
    for (e, d) in align_many_to_one(gold, pred, false) {
        let (hits, _, gd) = rouge_counts(&pt[&d], &gt[&e], n);
        r_num += hits / (days_apart(d, e) + 1.0);
        r_den += gd;
    }
    if pred.is_empty() {
        // no alignment: every reference n-gram is missed
        r_den = gt.values().map(|t| ngrams(t, n).values().sum::<usize>() as f64).sum();
    }
    let p = if p_den == 0.0 { 0.0 } else { p_num / p_den };
    let r = if r_den == 0.0 { 0.0 } else { r_num / r_den };
    Prf::of(p, r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("day")
    }

    fn tl(items: &[(&str, &[&str])]) -> Timeline {
        items.iter().map(|(d, s)| (day(d), s.iter().map(|x| x.to_string()).collect())).collect()
    }

    #[test]
    fn date_f1_counts_shared_days() {
        let pred = tl(&[("2010-04-20", &["x"]), ("2010-05-01", &["y"]), ("2010-06-01", &["z"])]);
        let gold = tl(&[("2010-04-20", &["x"]), ("2010-06-01", &["z"])]);
        let s = date_scores(&pred, &gold);
        assert!((s.p - 2.0 / 3.0).abs() < 1e-9);
        assert!((s.r - 1.0).abs() < 1e-9);
        assert!((s.f1 - 0.8).abs() < 1e-9);
        assert_eq!(date_scores(&Timeline::new(), &gold), Prf::default());
    }

    #[test]
    fn rouge_tokens_drop_stop_words_and_punctuation_and_stem() {
        let t = rouge_tokens(&["The wells were sealed , says Allen .".to_string()]);
        assert_eq!(t, vec!["well", "seal", "allen"]);
    }

    /// Hand-computed: one predicted day, one reference day a day later.
    /// Tokens after stop words: pred [oil leak stop], gold [oil leak cap].
    /// Only one alignment is possible; weight 1/2. ROUGE-1: 2 hits → P = 1/3,
    /// R = 1/3. ROUGE-2: bigrams (oil leak)(leak stop) vs (oil leak)(leak cap):
    /// 1 hit → P = R = 1/4.
    #[test]
    fn aligned_pair_a_day_apart_counts_half() {
        let pred = tl(&[("2010-07-15", &["oil leak stop"])]);
        let gold = tl(&[("2010-07-16", &["oil leak cap"])]);
        let s = score(&pred, &gold);
        assert_eq!(s.date, Prf::default());
        assert!((s.ar1.p - 1.0 / 3.0).abs() < 1e-9, "{:?}", s.ar1);
        assert!((s.ar1.r - 1.0 / 3.0).abs() < 1e-9);
        assert!((s.ar2.f1 - 0.25).abs() < 1e-9, "{:?}", s.ar2);
    }

    /// Hand-computed many-to-one: two predicted days both align to the one
    /// reference day (precision counts both), the reference day aligns to the
    /// exact-date prediction (cost 0). pred A (same day) [oil leak], pred B
    /// (10 days later) [oil spill]; gold [oil leak]. Precision: A 2 hits of 2,
    /// B 1 hit × 1/11 of 2 → (2 + 1/11) / 4. Recall: gold aligned to A,
    /// 2 of 2 → 1.
    #[test]
    fn many_to_one_alignment_weights_by_distance() {
        let pred = tl(&[("2010-05-01", &["oil leak"]), ("2010-05-11", &["oil spill"])]);
        let gold = tl(&[("2010-05-01", &["oil leak"])]);
        let s = align_rouge(&pred, &gold, 1);
        assert!((s.p - (2.0 + 1.0 / 11.0) / 4.0).abs() < 1e-9, "{s:?}");
        assert!((s.r - 1.0).abs() < 1e-9);
        let d = date_scores(&pred, &gold);
        assert!((d.p - 0.5).abs() < 1e-9 && (d.r - 1.0).abs() < 1e-9);
    }

    /// The content cost decides between two equally distant dates: the
    /// reference day aligns to the prediction that shares its words.
    #[test]
    fn content_breaks_ties_between_equally_distant_days() {
        let pred = tl(&[("2010-05-01", &["rig explodes"]), ("2010-05-03", &["oil leak capped"])]);
        let gold = tl(&[("2010-05-02", &["oil leak capped"])]);
        let s = align_rouge(&pred, &gold, 1);
        // recall: 3 hits × 1/2 of 3 reference tokens
        assert!((s.r - 0.5).abs() < 1e-9, "{s:?}");
        let empty = align_rouge(&Timeline::new(), &gold, 1);
        assert_eq!(empty, Prf::default());
    }

    /// The figures tilse 0.2.1 gives for these timelines
    /// (`evaluate_align_date_content_costs_many_to_one`, `rouge_computation="reimpl"`;
    /// `evaluate_dates`), checked once against it.
    #[test]
    fn agrees_with_tilse_on_a_small_timeline() {
        let pred = tl(&[
            ("2010-04-20", &["An oil rig exploded in the Gulf of Mexico , killing eleven workers ."]),
            ("2010-05-02", &["President Obama visited the coast to see the spill ."]),
            ("2010-07-15", &["BP said the cap had stopped the oil leak for the first time ."]),
        ]);
        let gold = tl(&[
            ("2010-04-20", &["The Deepwater Horizon rig explodes in the Gulf of Mexico , killing 11 workers ."]),
            ("2010-07-15", &["BP says the leak has stopped after a new cap is fitted ."]),
            ("2010-09-19", &["The well is sealed ."]),
        ]);
        let s = score(&pred, &gold);
        let close = |a: f64, b: f64| (a - b).abs() < 1e-6;
        assert!(close(s.date.f1, 0.666667), "{s:?}");
        assert!(close(s.ar1.p, 0.5) && close(s.ar1.r, 0.666667) && close(s.ar1.f1, 0.571429), "{s:?}");
        assert!(close(s.ar2.p, 0.235294) && close(s.ar2.r, 0.333333) && close(s.ar2.f1, 0.275862), "{s:?}");
        let tie = score(&tl(&[("2010-05-01", &["rig explodes"]), ("2010-05-03", &["oil leak capped"])]), &tl(&[("2010-05-02", &["oil leak capped"])]));
        assert!(close(tie.ar1.p, 0.3) && close(tie.ar2.p, 0.333333), "{tie:?}");
    }

    #[test]
    fn python_punctuation_is_a_substring_test() {
        assert!(PYTHON_PUNCTUATION.contains("."));
        assert!(PYTHON_PUNCTUATION.contains("()"));
        assert!(!PYTHON_PUNCTUATION.contains("``"));
    }
}
