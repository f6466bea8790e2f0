//! `chronicle train clean`: learns the HTML block classifier (`classify`) from a dragnet-layout
//! folder (`input/NAME.html` + `GoldStandard/NAME.txt`) and measures it honestly by k-fold
//! cross-validation over sites: each fold's pages are cleaned by a model trained on the
//! other folds only, and the token-level P/R/F1 of the whole cleaner on them is summed. A
//! site's pages share one template, so folds by page index let a model learn a held-out
//! page's layout from its siblings; folds by site (`TrainOptions::by_site`, the default)
//! give the figure for sites never seen.
//!
//! A block's label: most of its word trigrams (a shorter block: its words as a whole) occur
//! in the gold article body (reader comments after the gold's comment mark are not body).
//! Examples are weighted by their word count, as the score counts words (the square root,
//! used before to keep headlines and datelines in view, gave about 0.001 less 5-fold CV F1
//! on dragnet dev, same features), and each page's examples are scaled so that every page
//! weighs the same (`page_power`). Deterministic: pages in name order, fold = the site's
//! index (sites in name order) or the page index mod k, fixed-step full-batch training.

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
    /// Folds by site (every page of a site in one fold: the figure for sites never seen)
    /// rather than by page index.
    pub by_site: bool,
    /// A page's examples together weigh its word count to this power less one (1: every
    /// page weighs the same; 0: every word does).
    pub page_power: f64,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions { folds: 5, epochs: 300, l2: 1e-4, min_gold_share: 0.5, weight_power: 1.0, min_probability: CleanConfig::default().block_min_probability, stack_folds: 0, by_site: true, page_power: 1.0 }
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
             labels: a block is article text when {:.0}% of its word trigrams are in the gold body; weights: words^{}, each page's scaled by (1000 / its words)^{}; {} full-batch AdaGrad steps, L2 {}; {}\n\
             whole cleaner, token level: {}-fold cross-validation over {} {}; trained on all pages {}; without the classifier {}",
            self.pages, self.blocks, self.positive, opts.min_gold_share * 100.0, opts.weight_power, opts.page_power, opts.epochs, opts.l2,
            if opts.stack_folds >= 2 { format!("second pass over {}-fold out-of-fold first-pass probabilities", opts.stack_folds) } else { "one pass".to_string() },
            opts.folds, if opts.by_site { "sites (each site's pages in one fold)" } else { "pages" }, f(&self.cv), f(&self.all), f(&self.baseline)
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
    // Each page weighs the same in all (scaled to a page of 1,000 words), to the power
    // `page_power`: a long page, or a site with many pages, does not teach its layout more.
    let page_words: usize = read.blocks.iter().map(|b| classify::words(&b.text).len()).sum();
    let norm = (1000.0 / page_words.max(1) as f64).powf(opts.page_power);
    let examples = read
        .blocks
        .iter()
        .zip(read.features)
        .map(|(b, features)| {
            let ws = classify::words(&b.text);
            Example { label: gold.share(&ws) >= opts.min_gold_share, weight: (ws.len().max(1) as f64).powf(opts.weight_power) * norm, features }
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

/// The site of a page: the host of its canonical or `og:url` address, else the host its
/// links name most often (dragnet pages carry no address of their own).
fn page_site(html: &[u8]) -> String {
    use std::sync::LazyLock;
    #[allow(clippy::expect_used)]
    static OWN: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r#"(?i)(?:rel=["']canonical["'][^>]*href|og:url["'][^>]*content)=["']https?://([^/"'>]+)"#).expect("static pattern")
    });
    #[allow(clippy::expect_used)]
    static LINK: LazyLock<regex::Regex> = LazyLock::new(|| regex::Regex::new(r#"(?i)href=["']https?://([^/"'>]+)"#).expect("static pattern"));
    let text = String::from_utf8_lossy(html);
    let host = OWN.captures(&text).and_then(|c| c.get(1)).map(|m| m.as_str().to_string()).or_else(|| {
        let mut count: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for c in LINK.captures_iter(&text) {
            if let Some(m) = c.get(1) {
                *count.entry(m.as_str()).or_default() += 1;
            }
        }
        count.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0))).map(|(h, _)| h.to_string())
    });
    let host = host.unwrap_or_default().to_lowercase();
    host.strip_prefix("www.").unwrap_or(&host).to_string()
}

/// Each page's fold: page index mod k, or with `by_site` its site's index (sites in name
/// order) mod k.
fn folds_of(pages: &[Page], opts: &TrainOptions) -> Vec<usize> {
    let k = opts.folds.max(1);
    if !opts.by_site {
        return (0..pages.len()).map(|i| i % k).collect();
    }
    let sites: Vec<String> = pages.iter().map(|p| page_site(&p.html)).collect();
    let mut names: Vec<&String> = sites.iter().collect();
    names.sort();
    names.dedup();
    sites.iter().map(|s| names.binary_search(&s).unwrap_or(0) % k).collect()
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
    let fold_of = folds_of(&pages, opts);
    if opts.folds >= 2 {
        for f in 0..opts.folds {
            let model = train_on(&|i| fold_of[i] != f);
            let held: Vec<&Page> = pages.iter().enumerate().filter(|(i, _)| fold_of[*i] == f).map(|(_, p)| p).collect();
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

/// Diagnostics: the features of block `index` of page `name` and each one's linear weight.
#[doc(hidden)]
pub fn explain_block(dir: &Path, model: &BlockModel, name: &str, index: usize) -> Vec<(String, f32, f64)> {
    let Ok(pages) = dragnet_pages(dir) else { return Vec::new() };
    let Some(p) = pages.iter().find(|p| p.name == name) else { return Vec::new() };
    let input = page_input(p);
    let Ok(read) = crate::html::read_page(&input.text, None, crate::html::Nesting::of(&CleanConfig::default())) else { return Vec::new() };
    read.features.get(index).map(|f| f.iter().map(|(n, v)| (n.to_string(), *v, model.weight(n))).collect()).unwrap_or_default()
}

/// Diagnostics: every block of every page with the model's probability, the share of its
/// trigrams in the gold body, its holder tag and its text.
#[doc(hidden)]
pub fn block_table(dir: &Path, model: &BlockModel) -> Result<Vec<(String, Vec<(f64, f64, String, String)>)>, String> {
    let pages = dragnet_pages(dir)?;
    let base = CleanConfig::default();
    Ok(pages
        .par_iter()
        .map(|p| {
            let input = page_input(p);
            let Ok(read) = crate::html::read_page(&input.text, None, crate::html::Nesting::of(&base)) else { return (p.name.clone(), Vec::new()) };
            let gold = Shingles::of(&p.gold);
            let probabilities = model.probabilities(&read.blocks, &read.features);
            let rows = read
                .blocks
                .iter()
                .zip(probabilities)
                .map(|(b, pr)| (pr, gold.share(&classify::words(&b.text)), crate::page_blocks::HOLDERS.get(b.holder).unwrap_or(&"?").to_string(), b.text.clone()))
                .collect();
            (p.name.clone(), rows)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(name: &str, html: &str) -> Page {
        Page { name: name.to_string(), html: html.as_bytes().to_vec(), gold: String::new(), comments: String::new() }
    }

    #[test]
    fn a_page_site_is_its_own_address_else_the_host_its_links_name_most() {
        assert_eq!(page_site(br#"<link rel="canonical" href="https://www.example.org/a/b">"#), "example.org");
        assert_eq!(page_site(br#"<meta property="og:url" content="http://news.example.com/x">"#), "news.example.com");
        let html = br#"<a href="http://ads.example.net/1">x</a><a href="http://blog.example.com/a">a</a><a href="https://blog.example.com/b">b</a>"#;
        assert_eq!(page_site(html), "blog.example.com");
        assert_eq!(page_site(b"<p>no links</p>"), "");
    }

    #[test]
    fn site_folds_keep_a_site_together() {
        let pages: Vec<Page> = ["a.example", "b.example", "a.example", "c.example", "b.example", "a.example"]
            .iter()
            .enumerate()
            .map(|(i, s)| page(&format!("p{i}"), &format!(r#"<link rel="canonical" href="https://{s}/{i}">"#)))
            .collect();
        let by_site = folds_of(&pages, &TrainOptions { folds: 2, by_site: true, ..TrainOptions::default() });
        assert_eq!(by_site, [0, 1, 0, 0, 1, 0], "sites in name order: a 0, b 1, c 2 mod 2 = 0");
        let by_page = folds_of(&pages, &TrainOptions { folds: 2, by_site: false, ..TrainOptions::default() });
        assert_eq!(by_page, [0, 1, 0, 1, 0, 1]);
    }
}
