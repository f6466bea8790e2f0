//! Word clusters: the table of `data/ner/clusters.tsv`, learned by our own
//! code from raw news text (`chronicle_language::ner::clusters`, `chronicle
//! train ner`). Words of one cluster occur in the same contexts, so a word
//! the tagger or parser never saw in training shares features with words
//! it did see ("Kinshasa" with the other cities, "shelled" with the other
//! past-tense verbs of attack).
//!
//! The table lives here, in the syntax crate, because both the syntax step
//! (tagger and parser features) and the entity tagger of the language crate
//! read it, and syntax may depend only on core. The file is embedded once
//! ([`BUILTIN_TSV`]).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::SyntaxError;

/// The built-in cluster table (`data/ner/clusters.tsv`).
pub const BUILTIN_TSV: &str = include_str!("../../../data/ner/clusters.tsv");

/// Where [`BUILTIN_TSV`] comes from, for error messages.
pub const BUILTIN_FILE: &str = "data/ner/clusters.tsv";

/// Number of granularities (coarse to fine: 64, 256 and 1,024 clusters).
pub const LEVELS: usize = 3;

/// Cluster ids of words (one id per granularity, coarse to fine).
#[derive(Clone, Debug, Default)]
pub struct Clusters {
    exact: FxHashMap<u64, u32>,
    folded: FxHashMap<u64, u32>,
    ids: Vec<[u16; LEVELS]>,
    fingerprint: u64,
}

/// Hash of a word for the cluster table.
fn word_hash(w: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(w);
    h.finish()
}

/// Lower-cases and folds digits to `0` (the case-folded lookup form).
pub fn fold_word(w: &str, out: &mut String) {
    out.clear();
    for c in w.chars() {
        match c {
            '0'..='9' => out.push('0'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// Folds digits to `0`, keeping case (the form clusters are learned on).
pub fn digits_folded(w: &str, out: &mut String) {
    out.clear();
    out.extend(w.chars().map(|c| if c.is_ascii_digit() { '0' } else { c }));
}

/// The built-in table, parsed once per process.
pub fn builtin() -> Result<&'static Clusters, SyntaxError> {
    static TABLE: OnceLock<Result<Clusters, String>> = OnceLock::new();
    TABLE
        .get_or_init(|| Clusters::parse(BUILTIN_TSV, BUILTIN_FILE).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|reason| SyntaxError::BadData { file: BUILTIN_FILE.to_string(), line: 0, reason: reason.clone() })
}

impl Clusters {
    /// Parses the cluster file: `# ` comment lines, then `word<TAB>id<TAB>id<TAB>id`
    /// rows, most frequent word first (the first casing of a word wins for
    /// the case-folded lookup).
    pub fn parse(text: &str, file: &str) -> Result<Clusters, SyntaxError> {
        let mut c = Clusters::default();
        let mut buf = String::new();
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with("# ") {
                continue;
            }
            let mut cols = line.split('\t');
            let word = cols.next().unwrap_or("");
            let mut ids = [0u16; LEVELS];
            for id in &mut ids {
                *id = cols.next().and_then(|x| x.parse().ok()).ok_or_else(|| SyntaxError::BadData {
                    file: file.to_string(),
                    line: n + 1,
                    reason: format!("want a word and {LEVELS} cluster ids"),
                })?;
            }
            let i = c.ids.len() as u32;
            c.fingerprint = ids.iter().fold((c.fingerprint ^ word_hash(word.as_bytes())).wrapping_mul(0x100_0000_01b3), |h, &id| {
                (h ^ u64::from(id)).wrapping_mul(0x100_0000_01b3)
            });
            c.ids.push(ids);
            c.exact.insert(word_hash(word.as_bytes()), i);
            fold_word(word, &mut buf);
            c.folded.entry(word_hash(buf.as_bytes())).or_insert(i);
        }
        Ok(c)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// A hash of the whole table (words and ids, in order): weights trained
    /// with one table record it, so that they refuse to run with another.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// True when the table is empty.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The frequency rank of the word written exactly so (digits folded;
    /// 0 = most frequent), if it has a cluster.
    pub fn rank(&self, w: &[u8]) -> Option<u32> {
        self.exact.get(&word_hash(w)).copied()
    }

    /// The cluster ids of a word: its digit-folded form as written, else
    /// its lower-cased form `norm` (an all-capitals headline word finds its
    /// usual casing).
    pub fn get(&self, digit_folded: &[u8], norm: &[u8]) -> Option<&[u16; LEVELS]> {
        self.exact
            .get(&word_hash(digit_folded))
            .or_else(|| self.folded.get(&word_hash(norm)))
            .map(|&i| &self.ids[i as usize])
    }

    /// The cluster ids of `word` as written (both lookup forms made here).
    pub fn of_word(&self, word: &str) -> Option<&[u16; LEVELS]> {
        if self.is_empty() {
            return None;
        }
        let (mut cased, mut folded) = (String::with_capacity(word.len()), String::with_capacity(word.len()));
        digits_folded(word, &mut cased);
        fold_word(word, &mut folded);
        self.get(cased.as_bytes(), folded.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters_parse_and_fall_back_to_the_folded_form() {
        let c = Clusters::parse("# test\nBrussels\t1\t2\t3\nbrussels\t4\t5\t6\nthe\t7\t8\t9\n", "t").unwrap();
        assert_eq!(c.len(), 3);
        assert_eq!(c.get(b"Brussels", b"brussels"), Some(&[1, 2, 3]));
        assert_eq!(c.get(b"BRUSSELS", b"brussels"), Some(&[1, 2, 3]));
        assert_eq!(c.get(b"Zzz", b"zzz"), None);
        assert_eq!((c.rank(b"brussels"), c.rank(b"the"), c.rank(b"BRUSSELS")), (Some(1), Some(2), None));
        assert!(Clusters::parse("word\t1\n", "t").is_err());
        assert_eq!(c.of_word("BRUSSELS"), Some(&[1, 2, 3]));
        assert_eq!(c.of_word("THE"), Some(&[7, 8, 9]));
        let other = Clusters::parse("# test\nBrussels\t1\t2\t3\nbrussels\t4\t5\t6\nthe\t7\t8\t8\n", "t").unwrap();
        assert_ne!(c.fingerprint(), other.fingerprint());
        assert_eq!(c.fingerprint(), Clusters::parse("Brussels\t1\t2\t3\nbrussels\t4\t5\t6\nthe\t7\t8\t9\n", "t").unwrap().fingerprint());
    }

    #[test]
    fn the_builtin_table_loads_and_digits_fold() {
        let c = builtin().unwrap();
        assert!(c.len() > 10_000, "{}", c.len());
        // years share a row: digits are folded before the lookup
        assert_eq!(c.of_word("1987"), c.of_word("2011"));
        assert!(c.of_word("1987").is_some());
        assert!(c.of_word("qzxvkjw").is_none());
    }
}
