//! Feature hashing shared by the tagger and the parser: each word is
//! reduced once to a few hashes (normalised form, affixes, shape, word
//! clusters), and a feature is a template number mixed with up to three
//! values.

use rustc_hash::FxHasher;
use std::hash::Hasher;

use crate::clusters::{Clusters, LEVELS};

/// The hashes of one word that features are built from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lexeme {
    /// Lower-cased form with digits folded to `0`.
    pub norm: u64,
    /// First character (lower-cased).
    pub prefix1: u64,
    /// Last 1, 2, 3 and 4 characters (lower-cased).
    pub suffix: [u64; 4],
    /// Word shape: character classes with runs collapsed (`Xx`, `d,d`, `x-x`).
    pub shape: u64,
    /// The word's cluster at each granularity of [`Clusters`] (coarse to
    /// fine); one value per level for words without a cluster.
    pub cluster: [u64; LEVELS],
    /// Starts with an upper-case letter.
    pub title: bool,
    /// Has a digit.
    pub digit: bool,
    /// Has a hyphen.
    pub hyphen: bool,
}

/// Hash of a string.
pub fn hash_str(s: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(s.as_bytes());
    h.write_u8(0xff);
    h.finish()
}

/// Cluster value of a word without a cluster, per level.
const NO_CLUSTER: u64 = 0x434c_5553_0000_0000;

impl Lexeme {
    /// The lexeme of `form`, without word clusters.
    pub fn of(form: &str) -> Lexeme {
        Lexeme::build(form, None)
    }

    /// The lexeme of `form` with its clusters from `clusters`.
    pub fn with_clusters(form: &str, clusters: &Clusters) -> Lexeme {
        Lexeme::build(form, Some(clusters))
    }

    fn build(form: &str, clusters: Option<&Clusters>) -> Lexeme {
        // the Penn Treebank's quotation marks read as the ASCII one
        let form = if matches!(form, "``" | "''") { "\"" } else { form };
        let mut norm = String::with_capacity(form.len() + 2);
        let mut cased = String::new();
        let mut shape = String::with_capacity(8);
        let mut last = '\0';
        let (mut digit, mut hyphen) = (false, false);
        for c in form.chars() {
            if clusters.is_some() {
                cased.push(if c.is_ascii_digit() { '0' } else { c });
            }
            // typographic quotes and apostrophes read as their ASCII forms
            let c = match c {
                '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
                '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' => '"',
                '\u{2013}' | '\u{2014}' => '-',
                c => c,
            };
            if c.is_ascii_digit() {
                norm.push('0');
                digit = true;
            } else {
                norm.extend(c.to_lowercase());
            }
            hyphen |= c == '-';
            let class = if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_numeric() {
                'd'
            } else {
                c
            };
            if class != last {
                shape.push(class);
                last = class;
            }
        }
        // the byte offsets where the last 1, 2, 3 and 4 characters start
        let mut starts = [0usize; 4];
        let mut back = norm.char_indices().rev().map(|(i, _)| i);
        for s in &mut starts {
            *s = back.next().unwrap_or(0);
        }
        let tail = |n: usize| hash_str(&norm[starts[n - 1]..]) ^ (n as u64);
        let cluster = match clusters.and_then(|c| c.get(cased.as_bytes(), norm.as_bytes())) {
            Some(ids) => std::array::from_fn(|l| ((l as u64 + 1) << 32) | u64::from(ids[l])),
            None => std::array::from_fn(|l| NO_CLUSTER | l as u64),
        };
        Lexeme {
            norm: hash_str(&norm),
            prefix1: norm.chars().next().map(|c| c as u64 + 1).unwrap_or(0),
            suffix: [tail(1), tail(2), tail(3), tail(4)],
            shape: hash_str(&shape),
            cluster,
            title: form.chars().next().is_some_and(char::is_uppercase),
            digit,
            hyphen,
        }
    }
}

/// A feature key from a template number and up to three values.
#[inline]
pub fn feat(template: u8, a: u64, b: u64, c: u64) -> u32 {
    let mut h = (template as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for v in [a, b, c] {
        h = (h ^ v).wrapping_mul(0xFF51_AFD7_ED55_8CCD);
        h ^= h >> 33;
    }
    crate::perceptron::key(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexemes_fold_case_and_digits_but_keep_shape() {
        let a = Lexeme::of("Talks");
        let b = Lexeme::of("talks");
        assert_eq!(a.norm, b.norm);
        assert_ne!(a.shape, b.shape);
        assert!(a.title && !b.title);
        assert_eq!(Lexeme::of("1,000").norm, Lexeme::of("2,345").norm);
        assert!(Lexeme::of("1,000").digit);
        assert_eq!(Lexeme::of("killed").suffix[1], Lexeme::of("fired").suffix[1]);
        assert!(Lexeme::of("far-right").hyphen);
        // empty and non-ASCII words do not panic
        let _ = Lexeme::of("");
        let _ = Lexeme::of("Zürich-Ünter");
        assert_eq!(Lexeme::of("\u{2019}s").norm, Lexeme::of("'s").norm);
        assert_eq!(Lexeme::of("``").norm, Lexeme::of("\"").norm);
        assert_eq!(Lexeme::of("''").shape, Lexeme::of("\u{201D}").shape);
        // suffixes of words shorter than four characters
        assert_eq!(Lexeme::of("an").suffix[1], Lexeme::of("AN").suffix[1]);
        assert_ne!(Lexeme::of("an").suffix[1], Lexeme::of("an").suffix[2]);
        assert_eq!(Lexeme::of("é").suffix[0] ^ 1, Lexeme::of("é").suffix[3] ^ 4);
    }

    #[test]
    fn clusters_join_words_of_like_contexts() {
        let c = Clusters::parse("# t\nMonday\t1\t2\t3\nTuesday\t1\t2\t3\nbank\t1\t9\t9\n", "t").unwrap();
        let (mon, tue, bank) = (Lexeme::with_clusters("Monday", &c), Lexeme::with_clusters("Tuesday", &c), Lexeme::with_clusters("bank", &c));
        assert_eq!(mon.cluster, tue.cluster);
        assert_ne!(mon.norm, tue.norm);
        assert_eq!(mon.cluster[0], bank.cluster[0]);
        assert_ne!(mon.cluster[2], bank.cluster[2]);
        // an unknown word and a word read without clusters share the no-cluster values
        assert_eq!(Lexeme::with_clusters("Zzyzx", &c).cluster, Lexeme::of("Monday").cluster);
        assert_eq!(Lexeme::with_clusters("MONDAY", &c).cluster, mon.cluster);
    }

    #[test]
    fn features_differ_by_template_and_value() {
        assert_ne!(feat(1, 5, 0, 0), feat(2, 5, 0, 0));
        assert_ne!(feat(1, 5, 0, 0), feat(1, 6, 0, 0));
        assert_eq!(feat(3, 1, 2, 3), feat(3, 1, 2, 3));
    }
}
