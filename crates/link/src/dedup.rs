//! Exact and near-duplicate detection.
//!
//! Exact duplicates are found by a hash of the normalised word sequence.
//! Near-duplicates are found by MinHash LSH over 5-word shingles (128
//! permutations in 16 bands of 8 rows, so pairs with Jaccard ≈ 0.75 collide
//! with high probability) and, for trimmed syndicated copies whose Jaccard is
//! low but which are almost wholly contained in the original, through an
//! inverted index over a content-defined sample (one shingle in four) of every
//! document's shingles. Every candidate is verified on those samples: Jaccard
//! ≥ `dup_jaccard` or containment of the smaller in the larger ≥
//! `dup_containment` (thresholds in `data/link/thresholds.tsv`).
//!
//! Cost per insert: shingling and 128 hash mixes per shingle, 16 bucket
//! look-ups, one posting look-up per sampled shingle (postings capped), and
//! a merge of sorted samples per candidate — independent of the index size.

use std::collections::{HashMap, HashSet};

use chronicle_core::DocId;
use serde::{Deserialize, Serialize};

use crate::settings::SETTINGS;
use crate::state::{self, StateRow};
use crate::text::{hash64, mix64, words};
use crate::LinkError;

/// Words per shingle.
pub const SHINGLE: usize = 5;
/// MinHash permutations.
pub const PERMUTATIONS: usize = 128;
/// LSH bands (rows per band = PERMUTATIONS / BANDS).
pub const BANDS: usize = 16;
const ROWS: usize = PERMUTATIONS / BANDS;
/// One shingle in `SAMPLE_MOD` goes into the sample (content-defined).
const SAMPLE_MOD: u64 = 4;
/// A posting list stops growing at this many documents (a boilerplate phrase).
const POSTING_CAP: usize = 64;
/// At most this many documents are read from one LSH bucket.
const BUCKET_SCAN: usize = 200;

/// Space of the duplicate index's rows: one per indexed document, keyed by its
/// position, valued [`DocEntry`]. The maps are rebuilt from them in order.
const DOC_SPACE: &str = "dup.doc";

/// The duplicate index. Its persisted form is one [`StateRow`] per indexed
/// document ([`DupIndex::take_rows`], [`DupIndex::from_rows`]); the serde form
/// is read only to migrate stores that kept it as one JSON value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DupIndex {
    docs: Vec<DocId>,
    /// Sorted sampled shingle hashes of each document.
    sketches: Vec<Vec<u32>>,
    /// Hash of the normalised word sequence → first document with it.
    exact: HashMap<u64, u32>,
    /// LSH band key → documents.
    bands: HashMap<u64, Vec<u32>>,
    /// Sampled shingle → documents (capped).
    postings: HashMap<u32, Vec<u32>>,
    /// Documents indexed since the last [`DupIndex::take_rows`].
    #[serde(skip)]
    pending: Vec<(u32, DocEntry)>,
}

/// What indexing one document added: replaying these in order rebuilds the index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct DocEntry {
    id: DocId,
    exact: u64,
    bands: Vec<u64>,
    sketch: Vec<u32>,
}

/// The shingle hashes, MinHash signature and sample of one text: everything
/// the index needs of a document that depends on the document alone, so it
/// can be computed in parallel ahead of the sequential
/// [`DupIndex::check_and_insert_fingerprint`].
#[derive(Clone, Debug, PartialEq)]
pub struct Fingerprint {
    exact: u64,
    bands: Vec<u64>,
    sketch: Vec<u32>,
}

impl Fingerprint {
    /// The fingerprint of a body; `None` when it has no words.
    pub fn of(body: &str) -> Option<Fingerprint> {
        fingerprint(body)
    }
}

fn fingerprint(body: &str) -> Option<Fingerprint> {
    let ws = words(body);
    if ws.is_empty() {
        return None;
    }
    let exact = hash64(ws.join(" ").as_bytes());
    let word_hashes: Vec<u64> = ws.iter().map(|w| hash64(w.as_bytes())).collect();
    let mut shingles: HashSet<u64> = HashSet::new();
    if word_hashes.len() < SHINGLE {
        shingles.insert(word_hashes.iter().fold(0u64, |h, w| mix64(h.rotate_left(17) ^ w)));
    } else {
        for win in word_hashes.windows(SHINGLE) {
            shingles.insert(win.iter().fold(0u64, |h, w| mix64(h.rotate_left(17) ^ w)));
        }
    }
    let mut sig = [u64::MAX; PERMUTATIONS];
    for &s in &shingles {
        for (i, slot) in sig.iter_mut().enumerate() {
            let v = mix64(s ^ PERM_SEEDS[i]);
            if v < *slot {
                *slot = v;
            }
        }
    }
    let bands = sig
        .chunks(ROWS)
        .enumerate()
        .map(|(b, rows)| rows.iter().fold(mix64(b as u64 + 1), |h, r| mix64(h ^ (r >> 32))))
        .collect();
    let mut sketch: Vec<u32> =
        shingles.iter().filter(|&&s| (s >> 40) % SAMPLE_MOD == 0).map(|&s| s as u32).collect();
    sketch.sort_unstable();
    sketch.dedup();
    Some(Fingerprint { exact, bands, sketch })
}

/// Seeds of the 128 hash permutations (fixed, so indexes persist).
static PERM_SEEDS: [u64; PERMUTATIONS] = {
    let mut out = [0u64; PERMUTATIONS];
    let mut z: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut i = 0;
    while i < PERMUTATIONS {
        z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut x = z;
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        out[i] = x ^ (x >> 31);
        i += 1;
    }
    out
};

fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// How two documents relate, from their samples.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Resemblance {
    /// Estimated Jaccard of the shingle sets.
    pub jaccard: f64,
    /// Estimated fraction of the smaller set inside the larger.
    pub containment: f64,
}

impl DupIndex {
    /// An empty index.
    pub fn new() -> DupIndex {
        DupIndex::default()
    }

    /// Number of documents indexed (exact copies are not indexed again).
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Checks `body` against every earlier document and indexes it. Returns the
    /// earlier document this one duplicates (exactly, near-exactly, or as a
    /// trimmed copy), or `None`. Re-inserting a known id returns `None`.
    pub fn check_and_insert(&mut self, id: &DocId, body: &str) -> Option<DocId> {
        self.check_and_insert_fingerprint(id, fingerprint(body))
    }

    /// [`DupIndex::check_and_insert`] with the body's [`Fingerprint`] computed
    /// beforehand (`None`: a body without words, never a duplicate nor indexed).
    pub fn check_and_insert_fingerprint(&mut self, id: &DocId, fp: Option<Fingerprint>) -> Option<DocId> {
        let fp = fp?;
        if let Some(&first) = self.exact.get(&fp.exact) {
            let orig = self.docs.get(first as usize)?;
            return if orig == id { None } else { Some(orig.clone()) };
        }
        let found = self.best_match(&fp).map(|(i, _)| i);
        let entry = DocEntry { id: id.clone(), exact: fp.exact, bands: fp.bands, sketch: fp.sketch };
        let me = self.index(entry.clone());
        self.pending.push((me, entry));
        found.and_then(|i| self.docs.get(i as usize).cloned())
    }

    /// Adds one document's entry to the maps; its position.
    fn index(&mut self, entry: DocEntry) -> u32 {
        let me = self.docs.len() as u32;
        self.docs.push(entry.id);
        self.exact.insert(entry.exact, me);
        for b in &entry.bands {
            let bucket = self.bands.entry(*b).or_default();
            if bucket.len() < BUCKET_SCAN * 4 {
                bucket.push(me);
            }
        }
        for s in &entry.sketch {
            let p = self.postings.entry(*s).or_default();
            if p.len() < POSTING_CAP {
                p.push(me);
            }
        }
        self.sketches.push(entry.sketch);
        me
    }

    /// The rows of the documents indexed since the last call (persist them with
    /// those documents).
    pub fn take_rows(&mut self) -> Vec<StateRow> {
        std::mem::take(&mut self.pending)
            .into_iter()
            .map(|(i, entry)| StateRow::new(DOC_SPACE, i.to_string(), &entry))
            .collect()
    }

    /// Every row of the index (to migrate an index read from its serde form).
    /// The bands of each document are those whose bucket holds it, which
    /// rebuilds the same (capped) buckets.
    pub fn all_rows(&self) -> Vec<StateRow> {
        let mut entries: Vec<DocEntry> = self
            .docs
            .iter()
            .zip(&self.sketches)
            .map(|(id, sketch)| DocEntry { id: id.clone(), exact: 0, bands: Vec::new(), sketch: sketch.clone() })
            .collect();
        for (&hash, &i) in &self.exact {
            if let Some(e) = entries.get_mut(i as usize) {
                e.exact = hash;
            }
        }
        let mut bands: Vec<(&u64, &Vec<u32>)> = self.bands.iter().collect();
        bands.sort();
        for (&band, bucket) in bands {
            for &i in bucket {
                if let Some(e) = entries.get_mut(i as usize) {
                    e.bands.push(band);
                }
            }
        }
        entries.iter().enumerate().map(|(i, e)| StateRow::new(DOC_SPACE, i.to_string(), e)).collect()
    }

    /// Rebuilds the index from its rows (`space`, `key`, `value`), in any order.
    pub fn from_rows<'a>(rows: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Result<DupIndex, LinkError> {
        let mut ix = DupIndex::default();
        ix.apply_rows(rows)?;
        Ok(ix)
    }

    /// Brings the index up to date with rows another writer wrote since it was
    /// read (`dup.doc` rows past its last document; rows of documents it holds
    /// are its own). An error means the rows do not continue this index: read it whole.
    pub fn apply_rows<'a>(&mut self, rows: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Result<(), LinkError> {
        let mut entries: Vec<(u32, DocEntry)> = Vec::new();
        for (space, key, value) in rows {
            if space == DOC_SPACE {
                entries.push((state::number_key(space, key)?, state::decode(space, key, value)?));
            }
        }
        entries.sort_by_key(|e| e.0);
        for (i, entry) in entries {
            match self.docs.get(i as usize) {
                Some(held) if *held == entry.id => {}
                Some(_) => return Err(state::bad(DOC_SPACE, &i.to_string(), "another document holds its place")),
                None if i as usize == self.docs.len() => {
                    self.index(entry);
                }
                None => return Err(state::bad(DOC_SPACE, &i.to_string(), "a document of the index is missing before it")),
            }
        }
        Ok(())
    }

    /// The best earlier match of a fingerprint, with its resemblance.
    fn best_match(&self, fp: &Fingerprint) -> Option<(u32, Resemblance)> {
        let st = &*SETTINGS;
        let mut cands: Vec<u32> = Vec::new();
        for b in &fp.bands {
            if let Some(bucket) = self.bands.get(b) {
                cands.extend(bucket.iter().take(BUCKET_SCAN));
            }
        }
        let mut counts: HashMap<u32, usize> = HashMap::new();
        for s in &fp.sketch {
            if let Some(p) = self.postings.get(s) {
                for d in p {
                    *counts.entry(*d).or_default() += 1;
                }
            }
        }
        cands.extend(counts.iter().filter(|(_, &n)| n >= st.dup_min_sketch.min(st.dup_min_contained)).map(|(d, _)| *d));
        // each once, in document order: the near-tie rule below is then the same in every
        // process (a hash set's order is not), so a resumed or second writer names the same original
        cands.sort_unstable();
        cands.dedup();
        let mut best: Option<(u32, Resemblance, f64)> = None;
        for c in cands {
            let Some(other) = self.sketches.get(c as usize) else { continue };
            let r = resemblance(&fp.sketch, other);
            let small = fp.sketch.len().min(other.len());
            let common = shared(&fp.sketch, other);
            let near = small >= st.dup_min_sketch && r.jaccard >= st.dup_jaccard;
            let contained = small >= st.dup_min_contained && common >= st.dup_min_contained && r.containment >= st.dup_containment;
            if !(near || contained) {
                continue;
            }
            let score = r.jaccard + r.containment;
            let better = match &best {
                None => true,
                Some((bi, _, bs)) => score > *bs + 1e-12 || ((score - bs).abs() <= 1e-12 && c < *bi),
            };
            if better {
                best = Some((c, r, score));
            }
        }
        best.map(|(c, r, _)| (c, r))
    }
}

fn resemblance(a: &[u32], b: &[u32]) -> Resemblance {
    let s = shared(a, b);
    let union = a.len() + b.len() - s;
    let small = a.len().min(b.len());
    Resemblance {
        jaccard: if union == 0 { 0.0 } else { s as f64 / union as f64 },
        containment: if small == 0 { 0.0 } else { s as f64 / small as f64 },
    }
}

/// The resemblance of two texts (for explanations and tests).
pub fn compare(a: &str, b: &str) -> Option<Resemblance> {
    Some(resemblance(&fingerprint(a)?.sketch, &fingerprint(b)?.sketch))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "The central bank raised its main interest rate by half a percentage point on Thursday, \
        the third increase this year, saying inflation remained far above its target. \
        Economists had expected a smaller move after weak factory data last month. \
        The governor told reporters the bank was ready to act again if price pressures persisted into the summer. \
        Markets reacted calmly, with the currency edging higher against the dollar and bond yields little changed. \
        Opposition lawmakers criticised the decision, arguing that higher borrowing costs would hurt small businesses \
        and households already struggling with energy bills. The finance ministry said it respected the independence \
        of the central bank and would present new support measures for exporters next week.";

    const OTHER: &str = "Heavy rain flooded dozens of villages in the north of the country overnight, forcing \
        thousands of people from their homes and cutting power to several towns. Rescue teams used boats to reach \
        families stranded on rooftops, and the army sent helicopters to drop food and water. Officials said two \
        people had died and several were missing. Forecasters warned that more storms were expected over the \
        weekend and urged residents of low-lying districts to move to higher ground.";

    fn id(s: &str) -> DocId {
        DocId::parse(s)
    }

    #[test]
    fn exact_copy_with_other_spacing_is_found() {
        let mut ix = DupIndex::new();
        assert_eq!(ix.check_and_insert(&id("a"), ARTICLE), None);
        let copy = ARTICLE.replace(". ", ".\n\n");
        assert_eq!(ix.check_and_insert(&id("b"), &copy), Some(id("a")));
        assert_eq!(ix.check_and_insert(&id("a"), ARTICLE), None, "re-inserting the same id is not a duplicate");
    }

    #[test]
    fn trimmed_syndicated_copy_matches_its_original() {
        let mut ix = DupIndex::new();
        assert_eq!(ix.check_and_insert(&id("orig"), ARTICLE), None);
        // first half only, with an agency tag on top
        let cut = ARTICLE.find("Opposition").unwrap();
        let trimmed = format!("LONDON (Wire) - {}", &ARTICLE[..cut]);
        let r = compare(ARTICLE, &trimmed).unwrap();
        assert!(r.jaccard < 0.75, "low Jaccard {r:?} so only containment can find it");
        assert_eq!(ix.check_and_insert(&id("trim"), &trimmed), Some(id("orig")));
    }

    #[test]
    fn lightly_edited_copy_matches_and_different_articles_do_not() {
        let mut ix = DupIndex::new();
        assert_eq!(ix.check_and_insert(&id("a"), ARTICLE), None);
        assert_eq!(ix.check_and_insert(&id("o"), OTHER), None, "an unrelated article is not a duplicate");
        let edited = ARTICLE.replace("Thursday", "Wednesday").replace("next week", "on Monday");
        assert_eq!(ix.check_and_insert(&id("e"), &edited), Some(id("a")));
        let same_topic = "The central bank kept interest rates unchanged on Thursday, surprising economists who had \
            expected a cut. The governor said inflation was falling but wages were still rising quickly, and the \
            bank would wait for more data before moving. The currency rose sharply after the announcement.";
        assert_eq!(ix.check_and_insert(&id("s"), same_topic), None, "same topic, different article");
        assert_eq!(ix.len(), 4);
    }

    #[test]
    fn index_rebuilt_from_its_rows_equals_the_index() {
        let mut ix = DupIndex::new();
        let mut rows = Vec::new();
        for (i, text) in [ARTICLE, OTHER, &ARTICLE.replace("Thursday", "Friday")].iter().enumerate() {
            ix.check_and_insert(&id(&format!("d{i}")), text);
            rows.extend(ix.take_rows());
        }
        assert_eq!(rows.len(), 3);
        assert!(ix.take_rows().is_empty(), "rows are taken once");
        let back = DupIndex::from_rows(rows.iter().rev().map(|r| (r.space, r.key.as_str(), r.value.as_str()))).unwrap();
        assert_eq!(back, ix);
        // the serde form (old stores) migrates to the same rows
        let old: DupIndex = serde_json::from_str(&serde_json::to_string(&ix).unwrap()).unwrap();
        let all = old.all_rows();
        let again = DupIndex::from_rows(all.iter().map(|r| (r.space, r.key.as_str(), r.value.as_str()))).unwrap();
        assert_eq!(again, ix);
        // a gap is an error, not a silently shorter index
        let gap = DupIndex::from_rows(rows[1..].iter().map(|r| (r.space, r.key.as_str(), r.value.as_str())));
        assert!(matches!(gap, Err(LinkError::BadState { .. })));
    }

    #[test]
    fn a_writer_catching_up_on_another_finds_the_same_originals() {
        let copy = ARTICLE.replace("Thursday", "Friday");
        let bodies = [ARTICLE, OTHER, copy.as_str(), OTHER];
        let mut one = DupIndex::new();
        let found: Vec<_> = bodies.iter().enumerate().map(|(i, b)| one.check_and_insert(&id(&format!("d{i}")), b)).collect();
        // documents alternate between two writers, each applying the other's rows first
        let mut writers = [DupIndex::new(), DupIndex::new()];
        let mut log: Vec<Vec<StateRow>> = Vec::new();
        let mut seen = [0usize; 2];
        let mut got = Vec::new();
        for (i, b) in bodies.iter().enumerate() {
            let w = i % 2;
            let missed = log[seen[w]..].concat();
            writers[w].apply_rows(missed.iter().map(|r| (r.space, r.key.as_str(), r.value.as_str()))).unwrap();
            got.push(writers[w].check_and_insert(&id(&format!("d{i}")), b));
            log.push(writers[w].take_rows());
            seen[w] = log.len();
        }
        assert_eq!(got, found);
        assert!(found[2].is_some() && found[3].is_some(), "the fixture has duplicates to find");
        // its own rows again change nothing; another document in a held place is an error
        let mine = log.concat();
        let w = 1;
        let before = writers[w].clone();
        let own: Vec<&StateRow> = mine.iter().filter(|r| r.key == "1").collect();
        writers[w].apply_rows(own.iter().map(|r| (r.space, r.key.as_str(), r.value.as_str()))).unwrap();
        assert_eq!(writers[w], before);
        let stranger = mine[0].value.replace("d0", "dx");
        assert!(writers[w].apply_rows([(DOC_SPACE, "1", stranger.as_str())]).is_err());
    }

    #[test]
    fn fingerprints_computed_ahead_index_as_the_bodies_do() {
        let copy = ARTICLE.replace("Thursday", "Friday");
        let bodies = [ARTICLE, OTHER, copy.as_str(), ""];
        let mut direct = DupIndex::new();
        let found: Vec<_> = bodies.iter().enumerate().map(|(i, b)| direct.check_and_insert(&id(&format!("d{i}")), b)).collect();
        // fingerprints made first, in another order, then inserted in document order
        let mut prints: Vec<(usize, Option<Fingerprint>)> = bodies.iter().enumerate().rev().map(|(i, b)| (i, Fingerprint::of(b))).collect();
        prints.reverse();
        assert!(prints[3].1.is_none(), "a body without words has no fingerprint");
        let mut ahead = DupIndex::new();
        let found_ahead: Vec<_> =
            prints.into_iter().map(|(i, fp)| ahead.check_and_insert_fingerprint(&id(&format!("d{i}")), fp)).collect();
        assert_eq!(found_ahead, found);
        assert_eq!(found[2], Some(id("d0")), "the edited copy is found");
        assert_eq!((ahead.take_rows(), ahead), (direct.take_rows(), direct));
    }

    #[test]
    fn index_round_trips_through_serde() {
        let mut ix = DupIndex::new();
        ix.check_and_insert(&id("a"), ARTICLE);
        let json = serde_json::to_string(&ix).unwrap();
        let mut back: DupIndex = serde_json::from_str(&json).unwrap();
        assert_eq!(back.check_and_insert(&id("b"), ARTICLE), Some(id("a")));
        assert_eq!(back.check_and_insert(&id("c"), ""), None);
    }
}
