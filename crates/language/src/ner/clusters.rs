//! Learning word clusters from raw news text (`chronicle train ner`), for the
//! tagger's cluster features ([`chronicle_syntax::clusters::Clusters`]).
//!
//! Each word of the vocabulary (digit-folded, case kept) is described by the
//! words just before and just after it — positive pointwise mutual
//! information with the most frequent words as contexts, the rest pooled —
//! and the unit-length vectors are grouped by spherical k-means at several
//! granularities (coarse to fine). Like Brown clusters, words that occur in
//! the same contexts share a cluster: "Mandela" with the other surnames,
//! "Kinshasa" with the other cities. Everything is deterministic: files are
//! read in sorted order, ties are broken by word, the initial centres are
//! fixed ranks of the vocabulary.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;

use chronicle_syntax::clusters::{self as cluster_table, LEVELS};
use crate::LanguageError;

/// Options of the cluster learner.
#[derive(Clone, Debug)]
pub struct ClusterConfig {
    /// Words seen fewer times get no cluster.
    pub min_count: u32,
    /// At most this many words (the most frequent) get a cluster.
    pub max_words: usize,
    /// The most frequent words that serve as contexts.
    pub contexts: usize,
    /// Number of clusters per granularity, coarse to fine.
    pub sizes: [usize; LEVELS],
    /// K-means passes per granularity.
    pub iterations: usize,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig { min_count: 3, max_words: 60_000, contexts: 800, sizes: [64, 256, 1024], iterations: 10 }
    }
}

/// The raw-text files under `root` that [`read_text`] understands
/// (`.sgm`, `.txt`, READMEs aside), recursively, in sorted order.
pub fn text_files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        if d.is_file() {
            out.push(d);
            continue;
        }
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if matches!(p.extension().and_then(|x| x.to_str()), Some("sgm" | "txt"))
                && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("README"))
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The running text of one file: the `<TITLE>` and `<BODY>` of Reuters-21578
/// SGML, the words of CoNLL `word###TAG` lines (tags dropped), PTB bracket
/// tokens (`-LRB-`) restored, else the text as it is.
pub fn read_text(path: &Path) -> Result<String, LanguageError> {
    let bytes = std::fs::read(path).map_err(|source| LanguageError::Io { file: path.display().to_string(), source })?;
    let text = String::from_utf8_lossy(&bytes);
    if path.extension().is_some_and(|x| x == "sgm") {
        return Ok(sgml_bodies(&text));
    }
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        for w in line.split(' ') {
            let w = w.rsplit_once("###").map_or(w, |(w, _)| w);
            let w = chronicle_core::treebank::bracket_of(w).unwrap_or(w);
            out.push_str(w);
            out.push(' ');
        }
        out.push('\n');
    }
    Ok(out)
}

fn sgml_bodies(text: &str) -> String {
    let mut out = String::new();
    for tag in ["TITLE", "BODY"] {
        let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
        let mut rest = text;
        while let Some(a) = rest.find(&open) {
            let after = &rest[a + open.len()..];
            let b = after.find(&close).unwrap_or(after.len());
            let body = after[..b].replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&#3;", "");
            out.push_str(&body);
            out.push_str("\n\n");
            rest = &after[b..];
        }
    }
    out
}

/// Token ids of the texts (digit-folded words, case kept), `u32::MAX` between
/// texts, and the words by id.
fn tokens(texts: &[String]) -> (Vec<u32>, Vec<String>, Vec<u32>) {
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    let (mut words, mut counts, mut seq) = (Vec::new(), Vec::new(), Vec::new());
    let mut buf = String::new();
    for t in texts {
        for r in crate::sentence::tokenize(t) {
            cluster_table::digits_folded(&t[r], &mut buf);
            let id = match ids.get(buf.as_str()) {
                Some(&id) => id,
                None => {
                    let id = words.len() as u32;
                    ids.insert(buf.clone(), id);
                    words.push(buf.clone());
                    counts.push(0u32);
                    id
                }
            };
            counts[id as usize] += 1;
            seq.push(id);
        }
        seq.push(u32::MAX);
    }
    (seq, words, counts)
}

/// Sparse unit-length rows (CSR).
struct Rows {
    start: Vec<usize>,
    dim: Vec<u32>,
    val: Vec<f32>,
}

impl Rows {
    fn row(&self, i: usize) -> (&[u32], &[f32]) {
        let (a, b) = (self.start[i], self.start[i + 1]);
        (&self.dim[a..b], &self.val[a..b])
    }
}

/// PPMI context vectors of the vocabulary words (`rank[id]` = row or `NONE`).
fn context_vectors(seq: &[u32], rank: &[u32], n_vocab: usize, n_ctx: usize) -> Rows {
    let side = n_ctx as u32 + 2; // contexts, "other word", "text boundary"
    let ctx = |t: Option<&u32>| -> u32 {
        match t {
            None | Some(&u32::MAX) => side - 1,
            Some(&id) => match rank[id as usize] {
                r if (r as usize) < n_ctx => r,
                _ => side - 2,
            },
        }
    };
    let mut co: Vec<FxHashMap<u32, f32>> = vec![FxHashMap::default(); n_vocab];
    for (i, &id) in seq.iter().enumerate() {
        if id == u32::MAX || rank[id as usize] == NONE {
            continue;
        }
        let row = &mut co[rank[id as usize] as usize];
        let left = ctx(i.checked_sub(1).and_then(|k| seq.get(k)));
        *row.entry(left).or_default() += 1.0;
        *row.entry(side + ctx(seq.get(i + 1))).or_default() += 1.0;
    }
    let mut col = vec![0f64; 2 * side as usize];
    let mut total = 0f64;
    for row in &co {
        for (&d, &c) in row {
            col[d as usize] += c as f64;
            total += c as f64;
        }
    }
    let mut rows = Rows { start: vec![0], dim: Vec::new(), val: Vec::new() };
    for row in &co {
        let n: f64 = row.values().map(|&c| c as f64).sum();
        let mut cells: Vec<(u32, f32)> = row
            .iter()
            .map(|(&d, &c)| (d, ((c as f64 * total) / (n * col[d as usize])).ln() as f32))
            .filter(|&(_, v)| v > 0.0)
            .collect();
        cells.sort_unstable_by_key(|&(d, _)| d);
        let norm = cells.iter().map(|&(_, v)| v * v).sum::<f32>().sqrt().max(1e-9);
        for (d, v) in cells {
            rows.dim.push(d);
            rows.val.push(v / norm);
        }
        rows.start.push(rows.dim.len());
    }
    rows
}

const NONE: u32 = u32::MAX;

/// Spherical k-means with `k` centres (initially the rows at evenly spaced
/// ranks among the most frequent words). Returns each row's cluster.
fn kmeans(rows: &Rows, dims: usize, k: usize, iterations: usize) -> Vec<u16> {
    let n = rows.start.len() - 1;
    let k = k.min(n).max(1);
    // centres stored dimension-major: centre c of dimension d at d * k + c
    let mut centres = vec![0f32; dims * k];
    let pool = n.min(k * 20);
    for c in 0..k {
        let (ds, vs) = rows.row(c * pool / k);
        for (&d, &v) in ds.iter().zip(vs) {
            centres[d as usize * k + c] = v;
        }
    }
    let mut assign = vec![0u16; n];
    let mut scores = vec![0f32; k];
    for _ in 0..iterations {
        for (i, a) in assign.iter_mut().enumerate() {
            scores.iter_mut().for_each(|s| *s = 0.0);
            let (ds, vs) = rows.row(i);
            for (&d, &v) in ds.iter().zip(vs) {
                let c = &centres[d as usize * k..d as usize * k + k];
                for (s, x) in scores.iter_mut().zip(c) {
                    *s += v * x;
                }
            }
            let mut best = 0;
            for (c, s) in scores.iter().enumerate() {
                if *s > scores[best] {
                    best = c;
                }
            }
            *a = best as u16;
        }
        let mut next = vec![0f32; dims * k];
        for (i, &a) in assign.iter().enumerate() {
            let (ds, vs) = rows.row(i);
            for (&d, &v) in ds.iter().zip(vs) {
                next[d as usize * k + a as usize] += v;
            }
        }
        for c in 0..k {
            let norm = (0..dims).map(|d| next[d * k + c].powi(2)).sum::<f32>().sqrt();
            if norm == 0.0 {
                // an empty cluster keeps its centre
                (0..dims).for_each(|d| next[d * k + c] = centres[d * k + c]);
            } else {
                (0..dims).for_each(|d| next[d * k + c] /= norm);
            }
        }
        centres = next;
    }
    assign
}

/// Learns clusters from `texts`. Returns `(word, ids)` rows, most frequent
/// word first.
pub fn learn(texts: &[String], cfg: &ClusterConfig) -> Vec<(String, [u16; LEVELS])> {
    let (seq, words, counts) = tokens(texts);
    let mut vocab: Vec<u32> = (0..words.len() as u32).filter(|&i| counts[i as usize] >= cfg.min_count).collect();
    vocab.sort_by(|&a, &b| counts[b as usize].cmp(&counts[a as usize]).then_with(|| words[a as usize].cmp(&words[b as usize])));
    vocab.truncate(cfg.max_words);
    let mut rank = vec![NONE; words.len()];
    for (r, &id) in vocab.iter().enumerate() {
        rank[id as usize] = r as u32;
    }
    let rows = context_vectors(&seq, &rank, vocab.len(), cfg.contexts);
    let dims = 2 * (cfg.contexts + 2);
    let levels: Vec<Vec<u16>> = cfg.sizes.iter().map(|&k| kmeans(&rows, dims, k, cfg.iterations)).collect();
    vocab
        .iter()
        .enumerate()
        .map(|(r, &id)| {
            let mut ids = [0u16; LEVELS];
            for (l, a) in levels.iter().enumerate() {
                ids[l] = a[r];
            }
            (words[id as usize].clone(), ids)
        })
        .collect()
}

/// The cluster file: `header` lines as `#` comments, then one
/// `word<TAB>id<TAB>id<TAB>id` row per word.
pub fn to_tsv(rows: &[(String, [u16; LEVELS])], header: &[String]) -> String {
    let mut out = String::new();
    for h in header {
        out.push_str("# ");
        out.push_str(h);
        out.push('\n');
    }
    for (w, ids) in rows {
        out.push_str(w);
        for id in ids {
            out.push('\t');
            out.push_str(&id.to_string());
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_a_cluster() {
        let mut texts = Vec::new();
        for (i, city) in ["Paris", "Rome", "Madrid", "Lisbon"].iter().enumerate() {
            for (j, name) in ["Smith", "Jones", "Brown", "Green"].iter().enumerate() {
                texts.push(format!("He flew to {city} on Monday . Mr {name} said it was good . {i}{j}"));
            }
        }
        let cfg = ClusterConfig { min_count: 2, max_words: 1000, contexts: 20, sizes: [2, 4, 16], iterations: 10 };
        let rows = learn(&texts, &cfg);
        let id = |w: &str| rows.iter().find(|r| r.0 == w).map(|r| r.1).unwrap();
        assert_eq!(id("Paris")[2], id("Lisbon")[2]);
        assert_eq!(id("Smith")[2], id("Green")[2]);
        assert_ne!(id("Paris")[2], id("Smith")[2]);
        assert_eq!(learn(&texts, &cfg), rows, "deterministic");
        let tsv = to_tsv(&rows, &["test".into()]);
        let c = cluster_table::Clusters::parse(&tsv, "t").unwrap();
        assert_eq!(c.len(), rows.len());
    }

    #[test]
    fn reads_sgml_bodies_and_conll_words() {
        let s = sgml_bodies("<REUTERS><TITLE>A &lt;B&gt;</TITLE><BODY>Text &amp; more\n Reuter\n&#3;</BODY></REUTERS>");
        assert!(s.contains("A <B>") && s.contains("Text & more"));
        assert!(!s.contains("&#3;"));
    }
}
