//! Text helpers shared by the modules: folding, words, content terms, hashing,
//! transliteration keys and edit distance.

use std::collections::HashSet;
use std::sync::LazyLock;

const STOPWORDS: &str = include_str!("../../../data/link/stopwords.txt");

static STOP: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    STOPWORDS
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect()
});

/// The ASCII form of a Latin letter with a diacritic, or `None` when the
/// character needs no folding.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        _ => return None,
    })
}

/// Lower-cases and folds diacritics (`Erdoğan` → `erdogan`).
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match fold_char(c) {
            Some(f) => out.push_str(f),
            None => out.push(c),
        }
    }
    out
}

/// Folded lower-case words (letters and digits), in order.
pub(crate) fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                match fold_char(l) {
                    Some(f) => cur.push_str(f),
                    None => cur.push(l),
                }
            }
        } else if c == '\'' || c == '’' {
            // "Russia's" → "russia": drop the possessive tail
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out.retain(|w| !(w.len() == 1 && w.chars().all(|c| c.is_alphabetic()) && (w == "s" || w == "t")));
    out
}

/// True for function words and reporting verbs.
pub(crate) fn is_stopword(w: &str) -> bool {
    STOP.contains(w)
}

/// A light plural strip so "talks"/"talk" and "prisoners"/"prisoner" meet.
pub(crate) fn stem(w: &str) -> String {
    if w.len() > 4 && w.ends_with("ies") {
        format!("{}y", &w[..w.len() - 3])
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    }
}

/// Content terms: folded words without stop words or bare numbers, stemmed.
pub(crate) fn content_terms(s: &str) -> Vec<String> {
    words(s)
        .into_iter()
        .filter(|w| w.len() > 1 && !is_stopword(w) && !w.chars().all(|c| c.is_ascii_digit()))
        .map(|w| stem(&w))
        .collect()
}

/// 64-bit FNV-1a with a final avalanche (stable across runs and platforms).
pub(crate) fn hash64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix64(h)
}

/// SplitMix64 finaliser.
pub(crate) fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A transliteration-tolerant key of one word: folded, then the name-key
/// rules of `data/names/variants.tsv` (`chronicle_core::name`: `y`→`i`,
/// `w`→`v`, `kh`→`h`, `dh`→`d`, `q`→`k`, …, doubled letters collapsed; an
/// article such as "al" has an empty key). Zelensky/Zelenskyy/Zelenskiy,
/// Gaddafi/Gadhafi/Qaddafi and Kiev/Kyiv meet or come within one edit.
pub(crate) fn translit_word(w: &str) -> String {
    chronicle_core::name::name_word_key(&fold(w))
}

/// The transliteration key of a name: its words' keys joined by a space.
pub(crate) fn translit_key(name: &str) -> String {
    words(name).iter().map(|w| translit_word(w)).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Levenshtein distance over chars.
pub(crate) fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// True when two word keys are the same name up to a transliteration slip:
/// equal, or one edit apart when both have at least five letters (three
/// when first and last letters agree).
pub(crate) fn similar_word_keys(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.abs_diff(lb) > 1 || levenshtein(a, b) > 1 {
        return false;
    }
    let ends_agree = a.chars().next() == b.chars().next() && a.chars().last() == b.chars().last();
    la.min(lb) >= 5 || (la.min(lb) >= 3 && ends_agree)
}

/// Cosine similarity of two sparse vectors sorted by key.
pub(crate) fn cosine_sorted(a: &[(u32, f32)], b: &[(u32, f32)]) -> f64 {
    // scaling by one changes no weight, so this is the plain cosine to the bit
    cosine_scaled(a, b, |_| 1.0)
}

/// [`cosine_sorted`] of `a` and `b` with each weight of `b` multiplied by
/// `scale(term)`, without building the scaled vector: the same products and sums
/// in the same order, so the same value to the last bit.
pub(crate) fn cosine_scaled(a: &[(u32, f32)], b: &[(u32, f32)], scale: impl Fn(u32) -> f32) -> f64 {
    let (mut i, mut dot, mut nb) = (0, 0f64, 0f64);
    for &(t, w) in b {
        let w = f64::from(w * scale(t));
        nb += w * w;
        while i < a.len() && a[i].0 < t {
            i += 1;
        }
        if i < a.len() && a[i].0 == t {
            dot += f64::from(a[i].1) * w;
            i += 1;
        }
    }
    let na: f64 = a.iter().map(|x| f64::from(x.1) * f64::from(x.1)).sum::<f64>().sqrt();
    let nb = nb.sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

/// Cosine of two bags of words (used for sentence similarity).
/// A bag of words prepared for many cosine comparisons: (term hash, count)
/// sorted by hash, and its norm.
#[derive(Clone, Debug, Default)]
pub(crate) struct Bag {
    terms: Vec<(u64, f64)>,
    norm: f64,
}

impl Bag {
    /// The bag of `words`.
    pub(crate) fn of(words: &[String]) -> Bag {
        let mut hs: Vec<u64> = words.iter().map(|w| hash64(w.as_bytes())).collect();
        hs.sort_unstable();
        let mut terms: Vec<(u64, f64)> = Vec::new();
        for h in hs {
            match terms.last_mut() {
                Some(last) if last.0 == h => last.1 += 1.0,
                _ => terms.push((h, 1.0)),
            }
        }
        let norm = terms.iter().map(|t| t.1 * t.1).sum::<f64>().sqrt();
        Bag { terms, norm }
    }

    /// True when the bag holds `term`.
    pub(crate) fn contains(&self, term: &str) -> bool {
        let h = hash64(term.as_bytes());
        self.terms.binary_search_by_key(&h, |t| t.0).is_ok()
    }

    /// The distinct term hashes.
    pub(crate) fn keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.terms.iter().map(|t| t.0)
    }

    /// Cosine similarity (0 when either bag is empty); equals [`bag_cosine`]
    /// of the words.
    pub(crate) fn cosine(&self, other: &Bag) -> f64 {
        if self.norm == 0.0 || other.norm == 0.0 {
            return 0.0;
        }
        let (a, b) = (&self.terms, &other.terms);
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        dot / (self.norm * other.norm)
    }
}

/// Cosine similarity of two bags of words.
pub(crate) fn bag_cosine(a: &[String], b: &[String]) -> f64 {
    use std::collections::HashMap;
    let mut ca: HashMap<&str, f64> = HashMap::new();
    for w in a {
        *ca.entry(w).or_default() += 1.0;
    }
    let mut cb: HashMap<&str, f64> = HashMap::new();
    for w in b {
        *cb.entry(w).or_default() += 1.0;
    }
    let dot: f64 = ca.iter().map(|(k, v)| v * cb.get(k).copied().unwrap_or(0.0)).sum();
    let na: f64 = ca.values().map(|v| v * v).sum::<f64>().sqrt();
    let nb: f64 = cb.values().map(|v| v * v).sum::<f64>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scaled_cosine_equals_the_cosine_of_the_scaled_vector_bit_for_bit() {
        let scale = |t: u32| ((1.0 + 40.0f32) / (1.0 + t as f32)).ln() + 1.0;
        let a = vec![(1, 0.3f32), (4, 0.25), (7, 0.1), (9, 0.35)];
        let b = vec![(0, 0.5f32), (4, 0.125), (5, 0.2), (9, 0.7), (12, 0.05)];
        let scaled: Vec<(u32, f32)> = b.iter().map(|&(t, w)| (t, w * scale(t))).collect();
        let direct = cosine_sorted(&a, &scaled);
        assert!(direct > 0.0);
        assert_eq!(cosine_scaled(&a, &b, scale).to_bits(), direct.to_bits());
        // nothing shared, or an empty side
        assert_eq!(cosine_scaled(&a, &[(2, 1.0)], scale), 0.0);
        assert_eq!(cosine_scaled(&[], &b, scale), 0.0);
        assert_eq!(cosine_scaled(&a, &[], scale), 0.0);
    }

    #[test]
    fn prepared_bags_give_the_same_cosine() {
        let a: Vec<String> = ["talk", "istanbul", "talk", "prisoner"].iter().map(|s| s.to_string()).collect();
        let b: Vec<String> = ["talk", "prisoner", "swap"].iter().map(|s| s.to_string()).collect();
        let (x, y) = (Bag::of(&a), Bag::of(&b));
        assert!((x.cosine(&y) - bag_cosine(&a, &b)).abs() < 1e-12);
        assert_eq!(x.keys().count(), 3);
        assert_eq!(Bag::of(&[]).cosine(&y), 0.0);
    }

    #[test]
    fn folding_and_keys_meet_variants() {
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(translit_key("Zelensky"), translit_key("Zelenskyy"));
        assert_eq!(translit_key("Zelenskiy"), translit_key("Zelensky"));
        assert!(similar_word_keys(&translit_word("Kiev"), &translit_word("Kyiv")));
        assert!(!similar_word_keys(&translit_word("Paris"), &translit_word("Peru")));
        assert_eq!(words("Russia's talks, in Kyiv."), vec!["russia", "talks", "in", "kyiv"]);
        assert_eq!(stem("prisoners"), "prisoner");
        assert_eq!(levenshtein("kitten", "sitting"), 3);
    }
}
