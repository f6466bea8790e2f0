//! `chronicle train clean`: learns the HTML block classifier (`classify`) from a dragnet-layout
//! folder (`input/NAME.html` + `GoldStandard/NAME.txt`) and measures it honestly by k-fold
//! cross-validation over pages: each fold's pages are cleaned by a model trained on the
//! other folds only, and the token-level P/R/F1 of the whole cleaner on them is summed.
//!
//! A block's label: most of its word trigrams (a shorter block: its words as a whole) occur
//! in the gold article body (reader comments after the gold's comment mark are not body).
//! Examples are weighted by their word count, as the score counts words (the square root,
//! used before to keep headlines and datelines in view, gave about 0.001 less 5-fold CV F1
//! on dragnet dev, same features). Deterministic: pages in name order,
//! fold = page index mod k, fixed-step full-batch training.

use std::path::Path;
use std::sync::Arc;

use chronicle_core::Counts;
use rayon::prelude::*;

use crate::classify::{self, BlockModel, Example, Shingles};
use crate::page_blocks::PageBlock;
use crate::eval::{clean_page, dragnet_pages, page_input, token_counts, Page};
use crate::{CleanConfig, Cleaner};

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Folds of the cross-validation (0 or 1: none).
    pub folds: usize,
    /// Full-batch steps.
    pub epochs: usize,
    /// L2 penalty.
    pub l2: f64,
    /// Share of a block's trigrams in the gold body that makes it article text.
    pub min_gold_share: f64,
    /// An example weighs its word count to this power.
    pub weight_power: f64,
    /// The cleaner's `block_min_probability` while scoring.
    pub min_probability: f64,
    /// Inner folds that give the second pass its training input (the first pass's
    /// probabilities on pages it was not trained on); 0 or 1: no second pass.
    pub stack_folds: usize,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions { folds: 5, epochs: 300, l2: 1e-4, min_gold_share: 0.5, weight_power: 1.0, min_probability: CleanConfig::default().block_min_probability, stack_folds: 0 }
    }
}

/// What training gives: the model on all pages, and the figures.
pub struct TrainReport {
    /// Trained on every page.
    pub model: BlockModel,
    /// Pages and blocks read.
    pub pages: usize,
    /// Blocks (examples) over all pages, and how many are article text.
    pub blocks: usize,
    /// Of which labelled article text.
    pub positive: usize,
    /// Cross-validated token counts of the whole cleaner (each page cleaned by a model that
    /// never saw it); zero when `folds` < 2.
    pub cv: Counts,
    /// The same with the model trained on all pages (a training-set figure).
    pub all: Counts,
    /// The cleaner without the classifier (the extractor's text), for comparison.
    pub baseline: Counts,
}

impl TrainReport {
    /// The model file: a source header naming the command and the figures, then the weights.
    pub fn model_tsv(&self, command: &str, opts: &TrainOptions) -> String {
        let f = |c: &Counts| format!("P={:.3} R={:.3} F1={:.3}", c.precision(), c.recall(), c.f1());
        let header = format!(
            "source: `{command}` (deterministic) on {} dragnet dev pages, {} blocks ({} article text)\n\
             labels: a block is article text when {:.0}% of its word trigrams are in the gold body; weights: words^{}; {} full-batch AdaGrad steps, L2 {}; {}\n\
             whole cleaner, token level: {}-fold cross-validation over pages {}; trained on all pages {}; without the classifier {}",
            self.pages, self.blocks, self.positive, opts.min_gold_share * 100.0, opts.weight_power, opts.epochs, opts.l2,
            if opts.stack_folds >= 2 { format!("second pass over {}-fold out-of-fold first-pass probabilities", opts.stack_folds) } else { "one pass".to_string() },
            opts.folds, f(&self.cv), f(&self.all), f(&self.baseline)
        );
        self.model.to_tsv(&header)
    }
}

/// One page's blocks and their labelled examples.
#[derive(Default)]
struct PageData {
    blocks: Vec<PageBlock>,
    examples: Vec<Example>,
}

fn examples_of(page: &Page, cfg: &CleanConfig, opts: &TrainOptions) -> PageData {
    let input = page_input(page);
    let Ok(read) = crate::html::read_page(&input.text, None, crate::html::Nesting::of(cfg)) else { return PageData::default() };
    let gold = Shingles::of(&page.gold);
    let examples = read
        .blocks
        .iter()
        .zip(read.features)
        .map(|(b, features)| {
            let ws = classify::words(&b.text);
            Example { label: gold.share(&ws) >= opts.min_gold_share, weight: (ws.len().max(1) as f64).powf(opts.weight_power), features }
        })
        .collect();
    PageData { blocks: read.blocks, examples }
}

fn fit_first(pages: &[&PageData], opts: &TrainOptions) -> BlockModel {
    let ex: Vec<&Example> = pages.iter().flat_map(|p| p.examples.iter()).collect();
    classify::fit(&ex, opts.epochs, opts.l2)
}

/// The model for these pages: the first pass on all of them; then, with `stack_folds` ≥ 2,
/// the second pass, trained on the first pass's probabilities of each page from a first
/// pass that never saw it (inner folds, page index mod k), as the cleaner will meet them.
fn fit_model(pages: &[&PageData], opts: &TrainOptions) -> BlockModel {
    let first = fit_first(pages, opts);
    let k = opts.stack_folds;
    if k < 2 {
        return first;
    }
    let inner: Vec<BlockModel> = (0..k)
        .into_par_iter()
        .map(|f| fit_first(&pages.iter().enumerate().filter(|(i, _)| i % k != f).map(|(_, p)| *p).collect::<Vec<_>>(), opts))
        .collect();
    let second_examples: Vec<Example> = pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            let p1: Vec<f64> = p.examples.iter().map(|e| inner[i % k].probability(&e.features)).collect();
            let second = classify::second_features(&p.blocks, &p1);
            p.examples.iter().zip(second).map(|(e, s)| Example {
                features: [e.features.as_slice(), s.as_slice()].concat(),
                label: e.label,
                weight: e.weight,
            }).collect::<Vec<_>>()
        })
        .collect();
    let refs: Vec<&Example> = second_examples.iter().collect();
    first.with_second(classify::fit(&refs, opts.epochs, opts.l2))
}

fn score(pages: &[&Page], cleaner: &Cleaner) -> Counts {
    let counts: Vec<Counts> = pages
        .par_iter()
        .map(|p| token_counts(&clean_page(cleaner, p).map(|c| c.body).unwrap_or_default(), &p.gold))
        .collect();
    let mut total = Counts::default();
    counts.into_iter().for_each(|c| total.add(c));
    total
}

fn cleaner_with(base: &CleanConfig, model: BlockModel) -> Cleaner {
    Cleaner::new(CleanConfig { block_model: Arc::new(model), ..base.clone() })
}

/// Trains the block classifier on the dragnet-layout folder `dir`; `progress` gets a line
/// per step.
pub fn train_blocks(dir: &Path, opts: &TrainOptions, progress: &mut dyn FnMut(&str)) -> Result<TrainReport, String> {
    let pages = dragnet_pages(dir)?;
    if pages.is_empty() {
        return Err(format!("{}: no pages with gold text", dir.display()));
    }
    let base = CleanConfig { block_model: Arc::new(BlockModel::default()), block_min_probability: opts.min_probability, ..CleanConfig::default() };
    progress(&format!("reading {} pages", pages.len()));
    let per_page: Vec<PageData> = pages.par_iter().map(|p| examples_of(p, &base, opts)).collect();
    let blocks = per_page.iter().map(|p| p.examples.len()).sum();
    let positive = per_page.iter().flat_map(|p| p.examples.iter()).filter(|e| e.label).count();
    progress(&format!("{blocks} blocks, {positive} article text"));
    let train_on = |keep: &dyn Fn(usize) -> bool| {
        let chosen: Vec<&PageData> = per_page.iter().enumerate().filter(|(i, _)| keep(*i)).map(|(_, p)| p).collect();
        fit_model(&chosen, opts)
    };
    let mut cv = Counts::default();
    if opts.folds >= 2 {
        for f in 0..opts.folds {
            let model = train_on(&|i| i % opts.folds != f);
            let held: Vec<&Page> = pages.iter().enumerate().filter(|(i, _)| i % opts.folds == f).map(|(_, p)| p).collect();
            let c = score(&held, &cleaner_with(&base, model));
            progress(&format!("fold {}/{}: {} pages, F1 {:.3}", f + 1, opts.folds, held.len(), c.f1()));
            cv.add(c);
        }
    }
    let model = train_on(&|_| true);
    let all_pages: Vec<&Page> = pages.iter().collect();
    let all = score(&all_pages, &cleaner_with(&base, model.clone()));
    let baseline = score(&all_pages, &cleaner_with(&base, BlockModel::default()));
    Ok(TrainReport { model, pages: pages.len(), blocks, positive, cv, all, baseline })
}

/// Diagnostics: token counts of the gold-labelled blocks (an upper bound for the block
/// reading) and of the model's blocks, both before the line segmenter.
#[doc(hidden)]
pub fn block_bounds(dir: &Path, model: &BlockModel, opts: &TrainOptions) -> Result<(Counts, Counts, Counts), String> {
    let pages = dragnet_pages(dir)?;
    let base = CleanConfig::default();
    let rows: Vec<(Counts, Counts, Counts)> = pages
        .par_iter()
        .map(|p| {
            let input = page_input(p);
            let Ok(read) = crate::html::read_page(&input.text, None, crate::html::Nesting::of(&base)) else { return Default::default() };
            let gold = Shingles::of(&p.gold);
            let mut oracle = String::new();
            let mut chosen = String::new();
            let probabilities = model.probabilities(&read.blocks, &read.features);
            for (b, p) in read.blocks.iter().zip(probabilities) {
                if gold.share(&classify::words(&b.text)) >= opts.min_gold_share {
                    oracle.push_str(&b.text);
                    oracle.push('\n');
                }
                if p >= base.block_min_probability {
                    chosen.push_str(&b.text);
                    chosen.push('\n');
                }
            }
            (token_counts(&oracle, &p.gold), token_counts(&chosen, &p.gold), token_counts(&read.page.text, &p.gold))
        })
        .collect();
    let mut out = (Counts::default(), Counts::default(), Counts::default());
    for r in rows {
        out.0.add(r.0);
        out.1.add(r.1);
        out.2.add(r.2);
    }
    Ok(out)
}

/// Diagnostics: what the cleaner's segmenter takes out of the body, by block label and the
/// first words of the reason: gold words lost (blocks mostly in the gold body), other words
/// rightly removed, and an example of a lost block.
#[doc(hidden)]
pub fn lost_by_reason(dir: &Path, model: BlockModel) -> Result<Vec<(String, usize, usize, String)>, String> {
    let pages = dragnet_pages(dir)?;
    let cleaner = cleaner_with(&CleanConfig::default(), model);
    let mut lost: std::collections::HashMap<String, (usize, usize, String)> = std::collections::HashMap::new();
    for p in &pages {
        let Ok(docs) = cleaner.clean(page_input(p)) else { continue };
        let Some(d) = docs.first() else { continue };
        let gold = Shingles::of(&p.gold);
        for b in &d.blocks {
            if b.label == chronicle_core::BlockLabel::Body {
                continue;
            }
            let t = b.span.text(&d.extracted);
            let ws = classify::words(t);
            let key = format!("{:?}: {}", b.label, b.reason.split_whitespace().take(4).collect::<Vec<_>>().join(" "));
            let e = lost.entry(key).or_insert((0, 0, String::new()));
            if gold.share(&ws) >= 0.5 {
                e.0 += ws.len();
                if e.2.is_empty() {
                    e.2 = format!("{}: {}", p.name, t.chars().take(100).collect::<String>());
                }
            } else {
                e.1 += ws.len();
            }
        }
    }
    let mut v: Vec<(String, usize, usize, String)> = lost.into_iter().map(|(k, (n, m, ex))| (k, n, m, ex)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok(v)
}
