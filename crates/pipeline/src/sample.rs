//! Fixed-seed uniform samples of annotation items (events, quotes, mentions)
//! across a whole store: what a judging sheet is drawn from.
//!
//! Every item of the layer, over all documents, has the same chance; the
//! documents are taken in id order and the generator is our own SplitMix64,
//! so the same seed over the same store draws the same items in the same
//! order, on any machine and with any build.

use std::collections::{BTreeMap, HashMap};

use chronicle_core::record::MergedEvent;
use chronicle_core::{DocId, Document};
use chronicle_store::{Layer, Store};

use crate::PipelineError;

/// One item of a layer: the document and the item's index in that layer.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemRef {
    /// The document.
    pub doc: DocId,
    /// Index into the document's layer (`events`, `quotes` or `mentions`).
    pub index: usize,
}

/// Items drawn from a store, in draw order, with the documents they are in.
#[derive(Clone, Debug)]
pub struct Sample {
    /// The layer drawn from.
    pub layer: Layer,
    /// The seed.
    pub seed: u64,
    /// How many items the layer holds over the whole store.
    pub total: usize,
    /// The drawn items, in draw order (at most the requested number).
    pub items: Vec<ItemRef>,
    /// Every document an item is in.
    pub docs: BTreeMap<DocId, Document>,
}

/// Draws `n` distinct items (all of them, shuffled, when there are fewer)
/// uniformly from documents with `sizes` items each, in a random order fixed
/// by `seed`. `sizes` must be in a fixed order (the store gives id order).
pub fn draw(sizes: &[(DocId, usize)], n: usize, seed: u64) -> Vec<ItemRef> {
    let total: usize = sizes.iter().map(|(_, k)| k).sum();
    let n = n.min(total);
    // a partial Fisher–Yates shuffle of 0..total, the swaps kept sparse
    let mut rng = SplitMix64::new(seed);
    let mut swapped: HashMap<usize, usize> = HashMap::new();
    let mut picked = Vec::with_capacity(n);
    for i in 0..n {
        let j = i + rng.below((total - i) as u64) as usize;
        let at_j = *swapped.get(&j).unwrap_or(&j);
        let at_i = *swapped.get(&i).unwrap_or(&i);
        swapped.insert(j, at_i);
        picked.push(at_j);
    }
    // global index → (document, index in it), through the running sums
    let mut starts = Vec::with_capacity(sizes.len());
    let mut acc = 0usize;
    for (_, k) in sizes {
        starts.push(acc);
        acc += k;
    }
    picked
        .into_iter()
        .map(|g| {
            let d = starts.partition_point(|&s| s <= g) - 1;
            ItemRef { doc: sizes[d].0.clone(), index: g - starts[d] }
        })
        .collect()
}

/// Draws `n` items of `layer` from the store with `seed` and loads the
/// documents they are in.
pub fn sample(store: &Store, layer: Layer, n: usize, seed: u64) -> Result<Sample, PipelineError> {
    let sizes = store.layer_sizes(layer)?;
    let total = sizes.iter().map(|(_, k)| k).sum();
    let items = draw(&sizes, n, seed);
    let mut docs = BTreeMap::new();
    for item in &items {
        if docs.contains_key(&item.doc) {
            continue;
        }
        let Some(doc) = store.document(item.doc.as_str())? else {
            return Err(PipelineError::Sample(format!("{} is listed but cannot be read", item.doc)));
        };
        docs.insert(item.doc.clone(), doc);
    }
    for item in &items {
        let len = docs.get(&item.doc).map_or(0, |d| layer_len(d, layer));
        if item.index >= len {
            return Err(PipelineError::Sample(format!(
                "{} holds {len} items of {layer:?} but its stored count is larger",
                item.doc
            )));
        }
    }
    Ok(Sample { layer, seed, total, items, docs })
}

/// Reports shown per merged event on a sheet; the rest are counted.
pub const REPORTS_SHOWN: usize = 6;

/// Merged events with two or more reports, drawn from a store: what a judge
/// reads to say whether each one joins reports of one happening.
#[derive(Clone, Debug)]
pub struct MergeSample {
    /// The seed.
    pub seed: u64,
    /// How many merged events with two or more reports the store holds.
    pub total: usize,
    /// The drawn merged events, in draw order.
    pub items: Vec<MergedEvent>,
    /// Every document of a shown report (the first [`REPORTS_SHOWN`] of each).
    pub docs: BTreeMap<DocId, Document>,
}

/// Draws `n` of the stored merged events that have two or more reports,
/// uniformly with `seed` (in id order, so the draw does not depend on the
/// store's row order), and loads the documents of their shown reports.
pub fn sample_merges(store: &Store, n: usize, seed: u64) -> Result<MergeSample, PipelineError> {
    let mut merged: Vec<MergedEvent> = store.merged_events()?.into_iter().filter(|m| m.reports.len() >= 2).collect();
    merged.sort_by(|a, b| a.id.cmp(&b.id));
    let total = merged.len();
    // one list of all of them: the draw's item index is the position in it
    let whole = [(DocId::parse("merged-events"), total)];
    let items: Vec<MergedEvent> = draw(&whole, n, seed).into_iter().map(|r| merged[r.index].clone()).collect();
    let mut docs = BTreeMap::new();
    for report in items.iter().flat_map(|m| m.reports.iter().take(REPORTS_SHOWN)) {
        if docs.contains_key(&report.doc) {
            continue;
        }
        let Some(doc) = store.document(report.doc.as_str())? else {
            return Err(PipelineError::Sample(format!("{} reports a merged event but cannot be read", report.doc)));
        };
        docs.insert(report.doc.clone(), doc);
    }
    Ok(MergeSample { seed, total, items, docs })
}

fn layer_len(doc: &Document, layer: Layer) -> usize {
    match layer {
        Layer::Mentions => doc.mentions.len(),
        Layer::Quotes => doc.quotes.len(),
        Layer::Events => doc.events.len(),
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): small, fast, and fixed here so that
/// samples do not change with a dependency's version.
struct SplitMix64(u64);

impl SplitMix64 {
    fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`), without modulo bias.
    fn below(&mut self, n: u64) -> u64 {
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let x = self.next();
            if x < zone {
                return x % n;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes(ks: &[usize]) -> Vec<(DocId, usize)> {
        ks.iter().enumerate().map(|(i, &k)| (DocId::from_text(&format!("document {i}")), k)).collect()
    }

    #[test]
    fn same_seed_draws_the_same_items_in_the_same_order() {
        let s = sizes(&[3, 0, 7, 1, 12]);
        assert_eq!(draw(&s, 10, 7), draw(&s, 10, 7));
        assert_ne!(draw(&s, 10, 7), draw(&s, 10, 8));
    }

    #[test]
    fn draws_distinct_items_inside_their_documents() {
        let s = sizes(&[3, 0, 7, 1, 12]);
        let got = draw(&s, 23, 1);
        assert_eq!(got.len(), 23, "all of them when n is the total");
        let mut seen: Vec<_> = got.clone();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 23);
        for item in &got {
            let k = s.iter().find(|(d, _)| *d == item.doc).map(|(_, k)| *k).unwrap();
            assert!(item.index < k);
        }
        assert_eq!(draw(&s, 100, 1).len(), 23, "never more than there are");
        assert!(draw(&s, 0, 1).is_empty());
        assert!(draw(&[], 5, 1).is_empty());
    }

    #[test]
    fn a_larger_sample_extends_a_smaller_one() {
        let s = sizes(&[50, 50, 50]);
        assert_eq!(draw(&s, 20, 7)[..10], draw(&s, 10, 7)[..]);
    }

    #[test]
    fn every_item_is_equally_likely() {
        // 2 of 4 items, over many seeds: each item is drawn about half the time
        let s = sizes(&[1, 3]);
        let mut hits: HashMap<ItemRef, usize> = HashMap::new();
        for seed in 0..4000 {
            for item in draw(&s, 2, seed) {
                *hits.entry(item).or_default() += 1;
            }
        }
        assert_eq!(hits.len(), 4);
        for (item, n) in hits {
            assert!((1800..2200).contains(&n), "{item:?} drawn {n} times of 4000");
        }
    }

    #[test]
    fn below_stays_in_range() {
        let mut rng = SplitMix64::new(42);
        for n in [1u64, 2, 3, 10, 1 << 40] {
            for _ in 0..100 {
                assert!(rng.below(n) < n);
            }
        }
    }
}
