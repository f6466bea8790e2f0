//! A sparse multi-class averaged perceptron over hashed features, shared by
//! the tagger and the parser.
//!
//! Training keeps, per feature, only the classes it was ever updated for
//! (most features touch two or three), with lazy averaging by timestamps.
//! The trained [`Model`] holds the averaged weights, pruned and quantised:
//!
//! Weights file (little-endian): magic (8 bytes, per model kind); u32 class
//! count; then each class name as u16 length + UTF-8; f32 scale; u32 feature
//! count; then per feature, sorted by key: u32 key, u16 entry count, and that
//! many (u16 class, i16 weight) pairs (weight = i16 × scale).

use rustc_hash::FxHashMap;

use crate::SyntaxError;

/// Folds a 64-bit feature hash to the 32-bit key the model stores.
#[inline]
pub fn key(h: u64) -> u32 {
    (h ^ (h >> 32)) as u32
}

#[derive(Clone, Copy, Debug)]
struct Param {
    class: u16,
    w: f32,
    total: f64,
    stamp: u32,
}

/// Weights being trained.
#[derive(Debug)]
pub struct Trainer {
    n_classes: usize,
    rows: FxHashMap<u32, Vec<Param>>,
    now: u32,
}

impl Trainer {
    /// A trainer for `n_classes` classes.
    pub fn new(n_classes: usize) -> Trainer {
        Trainer { n_classes, rows: FxHashMap::default(), now: 0 }
    }

    /// Class scores for `features` with the current (not averaged) weights.
    pub fn scores(&self, features: &[u32], out: &mut Vec<f32>) {
        out.clear();
        out.resize(self.n_classes, 0.0);
        for f in features {
            if let Some(row) = self.rows.get(f) {
                for p in row {
                    out[p.class as usize] += p.w;
                }
            }
        }
    }

    /// Counts one training step (call once per decision, updated or not).
    pub fn tick(&mut self) {
        self.now += 1;
    }

    /// Moves weight towards `truth` and away from `guess` for `features`.
    pub fn update(&mut self, features: &[u32], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let now = self.now;
        for f in features {
            let row = self.rows.entry(*f).or_default();
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                let p = match row.iter_mut().position(|p| p.class as usize == class) {
                    Some(i) => &mut row[i],
                    None => {
                        row.push(Param { class: class as u16, w: 0.0, total: 0.0, stamp: now });
                        row.last_mut().expect("just pushed")
                    }
                };
                p.total += f64::from(now - p.stamp) * f64::from(p.w);
                p.stamp = now;
                p.w += delta;
            }
        }
    }

    /// The averaged weights as a model; entries whose averaged weight is
    /// below `prune` in magnitude are dropped.
    pub fn finish(&self, classes: Vec<String>, magic: [u8; 8], prune: f32) -> Model {
        let now = f64::from(self.now.max(1));
        let mut keys: Vec<u32> = self.rows.keys().copied().collect();
        keys.sort_unstable();
        let (mut index, mut entries) = (FxHashMap::default(), Vec::new());
        for k in keys {
            let start = entries.len();
            let mut row: Vec<(u16, f32)> = self.rows[&k]
                .iter()
                .map(|p| (p.class, ((p.total + (now - f64::from(p.stamp)) * f64::from(p.w)) / now) as f32))
                .filter(|(_, w)| w.abs() >= prune)
                .collect();
            row.sort_by_key(|e| e.0);
            if row.is_empty() {
                continue;
            }
            entries.extend(row);
            index.insert(k, (start as u32, (entries.len() - start) as u16));
        }
        Model::new(magic, classes, index, entries)
    }
}

/// Averaged, pruned weights.
#[derive(Clone, Debug)]
pub struct Model {
    magic: [u8; 8],
    /// Class names in class order.
    pub classes: Vec<String>,
    index: FxHashMap<u32, (u32, u16)>,
    entries: Vec<(u16, f32)>,
    table: Table,
}

/// The lookup structure scoring reads: an open-addressing table (linear
/// probing over buckets of four slots, one cache line each, at most half
/// full) from feature key to its row of weights. A row of at most three
/// entries (nine features in ten) is held in its slot, so that most features
/// cost one memory access, found or not; longer rows are in `long`, and
/// those with an entry for one class in eight or more (the frequent
/// features) are held dense, one weight per class, in `dense`, and added
/// without looking at classes. Scoring first asks for the home bucket of
/// every feature of a decision (a prefetch, which does not wait), then
/// resolves them, then asks for the long rows and sums them, so that cache
/// misses overlap instead of waiting on each other; a caller that knows the
/// keys one by one asks for each as it is made ([`Model::prefetch`]).
///
/// Weights are held as the file holds them, `i16` multiples of one scale, and
/// summed as integers, which is exact in any order; the scale is applied
/// once per class. The earlier scorer summed them in `f32`, also exact while
/// a sum stays below 2^24 (certain up to 512 features, which no model comes
/// near), so the scores are the same to the bit.
#[derive(Clone, Debug, Default)]
struct Table {
    shift: u32,
    scale: f32,
    n_classes: usize,
    buckets: Vec<Bucket>,
    /// The entries of the sparse long rows.
    long: Vec<(u16, i16)>,
    /// The dense rows, `n_classes` weights each.
    dense: Vec<i16>,
    /// The slot of key 0 (0 marks an empty slot).
    zero: Option<Slot>,
}

/// Classes of the largest model whose scores are summed on the stack.
const STACK_CLASSES: usize = 256;

/// Features scored in one batch (a decision has at most about 120).
const CHUNK: usize = 128;

/// The class in a slot's first entry that marks a long row (no model has
/// `u16::MAX + 1` classes; the file format refuses more).
const LONG: u16 = u16::MAX;

/// A feature's key and its row: up to three entries held here (unused ones
/// are class 0 with weight 0, which adds nothing), or, for a longer row,
/// `LONG` with 0 (sparse, in [`Table::long`]) or 1 (dense, in
/// [`Table::dense`]), the row's length, and its start (split in two halves).
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    key: u32,
    entries: [(u16, i16); 3],
}

/// Slots in a bucket.
const BUCKET: usize = 4;

/// The slots of one cache line; a key's home bucket holds it unless full.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(64))]
struct Bucket([Slot; BUCKET]);

/// Where a long row is.
#[derive(Clone, Copy, Debug, Default)]
struct LongRow {
    dense: bool,
    start: u32,
    end: u32,
}

impl Bucket {
    /// Puts `slot` in the first free place; false when the bucket is full.
    fn put(&mut self, slot: Slot) -> bool {
        let free = self.0.iter_mut().find(|s| s.key == 0);
        free.map(|s| *s = slot).is_some()
    }
}

impl Slot {
    fn short(key: u32, row: &[(u16, i16)]) -> Slot {
        let mut entries = [(0, 0); 3];
        let n = row.len().min(3);
        entries[..n].copy_from_slice(&row[..n]);
        Slot { key, entries }
    }

    fn long(key: u32, dense: bool, start: usize, len: usize) -> Slot {
        let start = start as u32;
        let entries = [(LONG, i16::from(dense)), (len as u16, 0), (start as u16, (start >> 16) as u16 as i16)];
        Slot { key, entries }
    }

    /// Where the row is, when it is long.
    #[inline]
    fn long_row(&self) -> Option<LongRow> {
        let [(mark, dense), (len, _), (low, high)] = self.entries;
        let start = u32::from(low) | (u32::from(high as u16) << 16);
        (mark == LONG).then_some(LongRow { dense: dense == 1, start, end: start + u32::from(len) })
    }
}

/// Asks the CPU to bring `x`'s cache line in, without waiting for it.
#[inline(always)]
fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: SSE, which the intrinsic needs, is part of every x86_64 CPU, and a prefetch
    // reads nothing and cannot fault (here the address is a live reference besides).
    unsafe { std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>((x as *const T).cast::<i8>()) };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// The scale that maps the largest weight to `i16::MAX` (1 when all are 0).
fn scale_of(entries: &[(u16, f32)]) -> f32 {
    let max = entries.iter().fold(0f32, |m, e| m.max(e.1.abs()));
    if max > 0.0 {
        max / f32::from(i16::MAX)
    } else {
        1.0
    }
}

/// `w` as a multiple of `scale`.
fn quantise(w: f32, scale: f32) -> i16 {
    (w / scale).round().clamp(f32::from(i16::MIN), f32::from(i16::MAX)) as i16
}

impl Table {
    fn build(index: &FxHashMap<u32, (u32, u16)>, entries: &[(u16, f32)], n_classes: usize) -> Table {
        let n_buckets = (index.len() * 2 / BUCKET).next_power_of_two().max(4);
        let shift = 64 - n_buckets.trailing_zeros();
        let scale = scale_of(entries);
        let buckets = vec![Bucket::default(); n_buckets];
        let mut t = Table { shift, scale, n_classes, buckets, long: Vec::new(), dense: Vec::new(), zero: None };
        let mut keys: Vec<u32> = index.keys().copied().collect();
        keys.sort_unstable();
        let mut row = Vec::new();
        for k in keys {
            let (start, len) = index[&k];
            row.clear();
            row.extend(entries[start as usize..start as usize + len as usize].iter().map(|&(c, w)| (c, quantise(w, scale))));
            if row.is_empty() {
                continue;
            }
            let slot = t.slot(k, &row);
            if k == 0 {
                t.zero = Some(slot);
                continue;
            }
            let mut b = t.home(k);
            while !t.buckets[b].put(slot) {
                b = (b + 1) & (n_buckets - 1);
            }
        }
        t
    }

    /// The slot of feature `k` with weights `row`, its row stored when long.
    fn slot(&mut self, k: u32, row: &[(u16, i16)]) -> Slot {
        if row.len() <= 3 {
            Slot::short(k, row)
        } else if row.len() * 8 >= self.n_classes {
            let start = self.dense.len();
            self.dense.resize(start + self.n_classes, 0);
            for &(c, w) in row {
                if let Some(d) = self.dense.get_mut(start + c as usize) {
                    *d = w;
                }
            }
            Slot::long(k, true, start, self.n_classes)
        } else {
            let start = self.long.len();
            self.long.extend_from_slice(row);
            Slot::long(k, false, start, row.len())
        }
    }

    #[inline]
    fn home(&self, k: u32) -> usize {
        (u64::from(k).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// Asks for the home bucket of each key of `keys` (prefetches, which
    /// the CPU does not wait for: their cache misses overlap each other and
    /// the work that follows). A prefetch, unlike a read, holds no place in
    /// the CPU's queue of instructions while its line is on the way.
    #[inline]
    fn touch_buckets(&self, keys: &[u32]) {
        for &k in keys {
            self.touch_bucket(k);
        }
    }

    /// Asks for the home bucket of key `k`.
    #[inline(always)]
    fn touch_bucket(&self, k: u32) {
        if let Some(b) = self.buckets.get(self.home(k) & self.buckets.len().wrapping_sub(1)) {
            prefetch(b);
        }
    }

    /// The slot of `k`.
    #[inline]
    fn find(&self, k: u32) -> Option<Slot> {
        if k == 0 {
            return self.zero;
        }
        let mask = self.buckets.len().wrapping_sub(1);
        let mut b = self.home(k) & mask;
        loop {
            for s in &self.buckets.get(b)?.0 {
                if s.key == k {
                    return Some(*s);
                }
                if s.key == 0 {
                    return None;
                }
            }
            b = (b + 1) & mask;
        }
    }

    /// Asks for every cache line of each long row, so that their misses
    /// overlap before the rows are summed.
    #[inline]
    fn touch(&self, rows: &[LongRow]) {
        for r in rows {
            let (start, end) = (r.start as usize, r.end as usize);
            if r.dense {
                for w in self.dense.get(start..end).unwrap_or_default().iter().step_by(32) {
                    prefetch(w);
                }
            } else {
                for e in self.long.get(start..end).unwrap_or_default().iter().step_by(16) {
                    prefetch(e);
                }
            }
        }
    }

    /// Adds the weights of `features` (at most [`CHUNK`]) to `acc`.
    #[inline]
    fn add(&self, features: &[u32], acc: &mut [i32]) {
        let mut rows = [LongRow::default(); CHUNK];
        self.touch_buckets(features);
        let mut n = 0;
        for &f in features {
            let Some(slot) = self.find(f) else { continue };
            if let Some(row) = slot.long_row() {
                rows[n] = row;
                n += 1;
                continue;
            }
            for (c, w) in slot.entries {
                if let Some(a) = acc.get_mut(c as usize) {
                    *a += i32::from(w);
                }
            }
        }
        let rows = &rows[..n];
        self.touch(rows);
        for r in rows {
            let (start, end) = (r.start as usize, r.end as usize);
            if r.dense {
                for (a, &w) in acc.iter_mut().zip(self.dense.get(start..end).unwrap_or_default()) {
                    *a += i32::from(w);
                }
            } else {
                for &(c, w) in self.long.get(start..end).unwrap_or_default() {
                    if let Some(a) = acc.get_mut(c as usize) {
                        *a += i32::from(w);
                    }
                }
            }
        }
    }
}

impl Model {
    fn new(magic: [u8; 8], classes: Vec<String>, index: FxHashMap<u32, (u32, u16)>, entries: Vec<(u16, f32)>) -> Model {
        let table = Table::build(&index, &entries, classes.len());
        Model { magic, classes, index, entries, table }
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// True when the model has no weights.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Asks for the weights of feature `key` from memory without waiting
    /// for them, so that a caller which knows a decision's keys one by one
    /// overlaps their cache misses with its own work.
    #[inline(always)]
    pub fn prefetch(&self, key: u32) {
        self.table.touch_bucket(key);
    }

    /// Class scores for `features`.
    #[inline]
    pub fn scores(&self, features: &[u32], out: &mut Vec<f32>) {
        out.clear();
        out.resize(self.classes.len(), 0.0);
        let n = self.classes.len();
        let (mut stack, mut heap) = ([0i32; STACK_CLASSES], Vec::new());
        let acc: &mut [i32] = if n <= STACK_CLASSES {
            &mut stack[..n]
        } else {
            heap.resize(n, 0);
            &mut heap
        };
        for chunk in features.chunks(CHUNK) {
            self.table.add(chunk, acc);
        }
        for (o, &a) in out.iter_mut().zip(acc.iter()) {
            *o = a as f32 * self.table.scale;
        }
    }

    /// A copy without entries smaller than `min` in magnitude (and without
    /// features left with none).
    pub fn pruned(&self, min: f32) -> Model {
        let mut keys: Vec<u32> = self.index.keys().copied().collect();
        keys.sort_unstable();
        let (mut index, mut entries) = (FxHashMap::default(), Vec::new());
        for k in keys {
            let (start, len) = self.index[&k];
            let from = entries.len();
            entries.extend(self.entries[start as usize..start as usize + len as usize].iter().filter(|e| e.1.abs() >= min));
            if entries.len() > from {
                index.insert(k, (from as u32, (entries.len() - from) as u16));
            }
        }
        Model::new(self.magic, self.classes.clone(), index, entries)
    }

    /// The weights file (see the module docs).
    pub fn to_bytes(&self) -> Vec<u8> {
        let scale = scale_of(&self.entries);
        let mut out = Vec::with_capacity(16 + self.index.len() * 6 + self.entries.len() * 4);
        out.extend_from_slice(&self.magic);
        out.extend_from_slice(&(self.classes.len() as u32).to_le_bytes());
        for c in &self.classes {
            out.extend_from_slice(&(c.len() as u16).to_le_bytes());
            out.extend_from_slice(c.as_bytes());
        }
        out.extend_from_slice(&scale.to_le_bytes());
        let mut keys: Vec<u32> = self.index.keys().copied().collect();
        keys.sort_unstable();
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for k in keys {
            let (start, len) = self.index[&k];
            let row = &self.entries[start as usize..start as usize + len as usize];
            let kept: Vec<(u16, i16)> =
                row.iter().map(|&(c, w)| (c, quantise(w, scale))).filter(|e| e.1 != 0).collect();
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&(kept.len() as u16).to_le_bytes());
            for (c, w) in kept {
                out.extend_from_slice(&c.to_le_bytes());
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Reads a weights file written by [`Model::to_bytes`]; `file` names it in errors.
    pub fn from_bytes(bytes: &[u8], magic: [u8; 8], file: &str) -> Result<Model, SyntaxError> {
        let bad = |reason: &str| SyntaxError::BadWeights { file: file.to_string(), reason: reason.to_string() };
        let mut r = Reader { bytes, at: 0 };
        if r.take(8).ok_or_else(|| bad("truncated"))? != magic {
            return Err(bad("wrong magic"));
        }
        let n = r.u32().ok_or_else(|| bad("truncated"))? as usize;
        if n > u16::MAX as usize {
            return Err(bad("too many classes"));
        }
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            let len = r.u16().ok_or_else(|| bad("truncated"))? as usize;
            let name = r.take(len).ok_or_else(|| bad("truncated"))?;
            classes.push(String::from_utf8(name.to_vec()).map_err(|_| bad("class name not UTF-8"))?);
        }
        let scale = f32::from_bits(r.u32().ok_or_else(|| bad("truncated"))?);
        let count = r.u32().ok_or_else(|| bad("truncated"))? as usize;
        let mut index = FxHashMap::with_capacity_and_hasher(count.min(bytes.len() / 6), Default::default());
        let mut entries = Vec::with_capacity(bytes.len() / 4);
        for _ in 0..count {
            let k = r.u32().ok_or_else(|| bad("truncated"))?;
            let len = r.u16().ok_or_else(|| bad("truncated"))?;
            let start = entries.len() as u32;
            for _ in 0..len {
                let c = r.u16().ok_or_else(|| bad("truncated"))?;
                let w = r.u16().ok_or_else(|| bad("truncated"))? as i16;
                if c as usize >= n {
                    return Err(bad("class out of range"));
                }
                entries.push((c, f32::from(w) * scale));
            }
            index.insert(k, (start, len));
        }
        if r.at != bytes.len() {
            return Err(bad("trailing bytes"));
        }
        Ok(Model::new(magic, classes, index, entries))
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }
    fn u16(&mut self) -> Option<u16> {
        self.take(2).map(|b| u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// A small deterministic random number generator (xorshift64*), so training
/// is reproducible without a dependency.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// Seeded generator (a zero seed is replaced).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    /// Next value.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Shuffles `items` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAGIC: [u8; 8] = *b"TESTPCP1";

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        // class = feature parity: features 10,12 → 0; 11,13 → 1
        let data = [(vec![10u32, 99], 0usize), (vec![11, 99], 1), (vec![12, 99], 0), (vec![13, 99], 1)];
        let mut t = Trainer::new(2);
        let mut s = Vec::new();
        for _ in 0..5 {
            for (f, y) in &data {
                t.tick();
                t.scores(f, &mut s);
                let guess = if s[1] > s[0] { 1 } else { 0 };
                t.update(f, *y, guess);
            }
        }
        let m = t.finish(vec!["even".into(), "odd".into()], MAGIC, 0.0);
        for (f, y) in &data {
            m.scores(f, &mut s);
            assert_eq!(if s[1] > s[0] { 1 } else { 0 }, *y);
        }
        let back = Model::from_bytes(&m.to_bytes(), MAGIC, "t").unwrap();
        assert_eq!(back.classes, m.classes);
        for (f, y) in &data {
            back.scores(f, &mut s);
            assert_eq!(if s[1] > s[0] { 1 } else { 0 }, *y);
        }
    }

    #[test]
    fn short_sparse_and_dense_rows_score_as_their_sum() {
        // 40 classes: a row of 4 is long and sparse, one of 5 or more dense
        let classes: Vec<String> = (0..40).map(|c| c.to_string()).collect();
        let rows: Vec<(u32, Vec<(u16, f32)>)> = vec![
            (0, vec![(3, 7.0)]),
            (5, vec![(0, -2.0), (39, 32767.0)]),
            (6, vec![(1, 1.0), (2, 2.0), (4, -4.0)]),
            (7, vec![(1, 10.0), (9, -20.0), (17, 30.0), (38, 40.0)]),
            (8, (0..40).map(|c| (c, f32::from(c) - 20.0)).collect()),
            (9, vec![(2, 5.0), (3, 6.0), (5, 7.0), (7, 8.0), (11, 9.0)]),
        ];
        let (mut index, mut entries) = (FxHashMap::default(), Vec::new());
        for (k, row) in &rows {
            index.insert(*k, (entries.len() as u32, row.len() as u16));
            entries.extend(row.iter().copied());
        }
        let m = Model::new(MAGIC, classes, index, entries);
        let features = [9u32, 0, 5, 6, 7, 8, 9, 12345];
        let mut want = vec![0f32; 40];
        for f in features {
            for (c, w) in rows.iter().filter(|r| r.0 == f).flat_map(|r| r.1.iter()) {
                want[*c as usize] += w;
            }
        }
        let mut got = Vec::new();
        m.scores(&features, &mut got);
        assert_eq!(got, want);
        let back = Model::from_bytes(&m.to_bytes(), MAGIC, "t").unwrap();
        back.scores(&features, &mut got);
        assert_eq!(got, want);
    }

    #[test]
    fn keys_past_a_full_bucket_are_found_and_absent_ones_are_not() {
        // six keys with one home in a table of four buckets: two overflow
        let home = |k: u32| u64::from(k).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 62;
        let same: Vec<u32> = (1..).filter(|&k| home(k) == home(1)).take(7).collect();
        let (keys, absent) = (&same[..6], same[6]);
        let classes: Vec<String> = (0..keys.len()).map(|c| c.to_string()).collect();
        let index = keys.iter().enumerate().map(|(i, &k)| (k, (i as u32, 1u16))).collect();
        let entries = (0..keys.len()).map(|i| (i as u16, 32767.0)).collect();
        let m = Model::new(MAGIC, classes, index, entries);
        assert_eq!(m.table.buckets.len(), 4);
        let mut s = Vec::new();
        for (i, &k) in keys.iter().enumerate() {
            m.scores(&[k], &mut s);
            assert_eq!(s.iter().position(|&x| x == 32767.0), Some(i), "key {k}");
        }
        m.scores(&[absent], &mut s);
        assert!(s.iter().all(|&x| x == 0.0));
    }

    #[test]
    fn rejects_truncated_and_foreign_files() {
        let m = Trainer::new(2).finish(vec!["a".into(), "b".into()], MAGIC, 0.0);
        let bytes = m.to_bytes();
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1], MAGIC, "t").is_err());
        assert!(Model::from_bytes(&bytes, *b"OTHERMAG", "t").is_err());
        assert!(Model::from_bytes(&[], MAGIC, "t").is_err());
    }

    #[test]
    fn rng_is_deterministic() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        let mut x: Vec<u32> = (0..20).collect();
        let mut y = x.clone();
        a.shuffle(&mut x);
        b.shuffle(&mut y);
        assert_eq!(x, y);
        assert_ne!(x, (0..20).collect::<Vec<_>>());
    }
}
