//! Lexical resources of the tagger beyond its training sentences, so that it
//! reads names it never saw:
//!
//! - [`WorldNames`]: "this token is inside a person / organisation / place
//!   name of the world-scale knowledge base" (the PETRARCH-2 actors and the
//!   GeoNames places of `data/kb/`, independent of the tagger's training
//!   data). Only a feature: it never makes a mention by itself.
//! - word clusters learned by our own code from raw news text
//!   ([`super::clusters`]), loaded from `data/ner/clusters.tsv` into a
//!   [`chronicle_syntax::clusters::Clusters`] table (the syntax step reads
//!   the same table). Words of one cluster occur in the same contexts, so an
//!   unseen surname shares a cluster with the surnames the tagger was
//!   trained on.

use rustc_hash::FxHashMap;

use crate::kb::{token_key, ActorKind, Kb};

/// Gazetteer bits of the world tables (the upper bits of the tagger's
/// per-token gazetteer byte; the lower ones are the hand-made KB's).
pub mod bits {
    /// Inside a person name of `actors.tsv`.
    pub const PER: u16 = 32;
    /// Inside an organisation name of `actors.tsv`.
    pub const ORG: u16 = 64;
    /// Inside a place name of `places.tsv`.
    pub const LOC: u16 = 128;
    /// All three.
    pub const ALL: u16 = PER | ORG | LOC;
    /// A first word of a two-or-more-word person name of `actors.tsv` or
    /// the office holders (a given name), at a capitalised word that starts
    /// a name match or is in none.
    pub const GIVEN: u16 = 256;
    /// A last word of such a name (a surname), likewise.
    pub const SURNAME: u16 = 512;
}

const MAX_NAME: usize = 8;

/// Multi-token names of the world tables, by the hash of their token keys.
#[derive(Clone, Debug, Default)]
pub struct WorldNames {
    names: FxHashMap<u64, u16>,
    longest: FxHashMap<u64, u8>,
    parts: FxHashMap<u64, u16>,
}

fn mix(h: u64, k: u64) -> u64 {
    (h.rotate_left(5) ^ k).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

/// True for a word that a name may hold in lower case ("Bank of England").
fn is_name_function_word(w: &str) -> bool {
    matches!(w, "of" | "the" | "and" | "for" | "de" | "del" | "la" | "le" | "von" | "der" | "van" | "al" | "el" | "bin" | "on" | "in" | "&" | "-")
}

impl WorldNames {
    /// Indexes the names and aliases of the KB's actors and places.
    pub fn new(kb: &Kb) -> WorldNames {
        let mut w = WorldNames::default();
        let mut buf = String::new();
        for a in &kb.actors {
            let bit = if a.kind == ActorKind::Person { bits::PER } else { bits::ORG };
            for n in std::iter::once(&a.name).chain(&a.aliases) {
                w.add(n, bit, &mut buf);
                if bit == bits::PER {
                    w.add_parts(n, &mut buf);
                }
            }
        }
        for p in &kb.persons {
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                w.add_parts(n, &mut buf);
            }
        }
        for p in &kb.places {
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                w.add(n, bits::LOC, &mut buf);
            }
        }
        w
    }

    fn add(&mut self, name: &str, bit: u16, buf: &mut String) {
        let toks = crate::sentence::tokenize(name);
        if toks.is_empty() || toks.len() > MAX_NAME || !name.starts_with(char::is_uppercase) {
            return;
        }
        let keys: Vec<u64> = toks.iter().map(|r| token_key(&name[r.clone()], buf)).collect();
        let h = keys.iter().fold(0, |h, &k| mix(h, k));
        *self.names.entry(h).or_default() |= bit;
        let l = self.longest.entry(keys[0]).or_default();
        *l = (*l).max(keys.len() as u8);
    }

    /// Marks the first and last word of a person name of two or more words.
    fn add_parts(&mut self, name: &str, buf: &mut String) {
        let words: Vec<&str> = name.split_whitespace().collect();
        if let [first, .., last] = words[..] {
            if first.chars().count() > 1 && first.starts_with(char::is_uppercase) {
                *self.parts.entry(token_key(first, buf)).or_default() |= bits::GIVEN;
            }
            if last.starts_with(char::is_uppercase) {
                *self.parts.entry(token_key(last, buf)).or_default() |= bits::SURNAME;
            }
        }
    }

    /// Number of names indexed.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True when no name is indexed.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// ORs the bits of the longest world name at each token into `gaz`
    /// (`keys` and `words` of one sentence, `gaz` as long). A name's words
    /// must be capitalised (function words aside).
    pub fn mark(&self, keys: &[u64], words: &[&str], gaz: &mut [u16]) {
        let n = keys.len().min(words.len()).min(gaz.len());
        let mut i = 0;
        while i < n {
            let capital = |k: usize| words[k].starts_with(|c: char| c.is_uppercase());
            if !capital(i) {
                i += 1;
                continue;
            }
            gaz[i] |= self.parts.get(&keys[i]).copied().unwrap_or(0);
            let Some(&max) = self.longest.get(&keys[i]) else {
                i += 1;
                continue;
            };
            let mut found = None;
            let mut h = 0;
            for len in 1..=(max as usize).min(n - i) {
                let k = i + len - 1;
                if len > 1 && !capital(k) && !is_name_function_word(words[k]) {
                    break;
                }
                h = mix(h, keys[k]);
                if let Some(&b) = self.names.get(&h) {
                    found = Some((len, b));
                }
            }
            match found {
                Some((len, b)) => {
                    for g in &mut gaz[i..i + len] {
                        *g |= b;
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn world_names_mark_the_longest_capitalised_match() {
        let kb = Kb::builtin().unwrap();
        let w = WorldNames::new(&kb);
        assert!(w.len() > 10_000);
        let words = ["Talks", "in", "Rio", "de", "Janeiro", "and", "rio", "de", "janeiro", "."];
        let mut buf = String::new();
        let keys: Vec<u64> = words.iter().map(|x| token_key(x, &mut buf)).collect();
        let mut gaz = vec![0u16; words.len()];
        w.mark(&keys, &words, &mut gaz);
        assert_eq!(gaz[2] & bits::LOC, bits::LOC);
        assert_eq!(gaz[4] & bits::LOC, bits::LOC);
        assert_eq!(gaz[6..9], [0, 0, 0]);
        assert_eq!(gaz[1], 0);
        // a given name of a dictionary person, alone: a name part, not a name
        let words = ["Kharis", "said"];
        let keys: Vec<u64> = words.iter().map(|x| token_key(x, &mut buf)).collect();
        let mut gaz = vec![0u16; 2];
        w.mark(&keys, &words, &mut gaz);
        assert_eq!(gaz, [bits::GIVEN, 0]);
    }
}
