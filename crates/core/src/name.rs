//! Name keys: one form for the spellings of a name that transliteration and
//! English usage produce (Gaddafi / Gadhafi / Qaddafi / Kadhafi / Kaddafi;
//! Zelensky / Zelenskyy / Zelenskiy; al-Assad / Assad). The rules are general
//! facts of transliteration, kept in `data/names/variants.tsv` (embedded at
//! build time) and applied to words the caller has already folded to lower
//! case without diacritics, so each stage keeps its own folding.
//!
//! A key only ever merges spellings: two names with the same key may still
//! be two people, and callers decide with context (type, country, KB id).

use std::sync::LazyLock;

const VARIANTS_TSV: &str = include_str!("../../../data/names/variants.tsv");

/// The rules of `data/names/variants.tsv`.
#[derive(Debug, Default)]
struct Rules {
    articles: Vec<String>,
    initial: Vec<(String, String)>,
    replace: Vec<(String, String)>,
}

fn parse(text: &str) -> (Rules, Vec<String>) {
    let mut r = Rules::default();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let (Some(kind), Some(from), Some(to)) = (cols.first(), cols.get(1).filter(|f| !f.is_empty()), cols.get(2)) else {
            problems.push(format!("data/names/variants.tsv:{}: want KIND<TAB>FROM<TAB>TO", i + 1));
            continue;
        };
        let pair = (from.to_lowercase(), to.to_lowercase());
        match *kind {
            "article" => r.articles.push(pair.0),
            "initial" => r.initial.push(pair),
            "replace" => r.replace.push(pair),
            other => problems.push(format!("data/names/variants.tsv:{}: unknown kind {other:?}", i + 1)),
        }
    }
    (r, problems)
}

static RULES: LazyLock<Rules> = LazyLock::new(|| parse(VARIANTS_TSV).0);

/// The words of a party's name, lower case, without punctuation around
/// them ("the U.S. Coast Guard" → the, u.s, coast, guard), for
/// [`ends_in_phrase`].
pub fn phrase_words(name: &str) -> Vec<String> {
    name.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).collect()
}

/// True when `words` end in `phrase` (lower case), its last word singular
/// or plural in -s, -es or -ies ("British aid agencies" ends in "aid
/// agency"; "agencies" alone does not).
pub fn ends_in_phrase(words: &[String], phrase: &[String]) -> bool {
    let Some((last, rest)) = phrase.split_last() else { return false };
    let n = phrase.len();
    if words.len() < n {
        return false;
    }
    let w = &words[words.len() - 1];
    let plural = |x: &str| {
        w == x || *w == format!("{x}s") || *w == format!("{x}es") || x.strip_suffix('y').is_some_and(|stem| *w == format!("{stem}ies"))
    };
    plural(last) && words[words.len() - n..words.len() - 1] == *rest
}

/// True for a word a name key leaves out (an article: "al", "el").
pub fn is_name_article(folded_word: &str) -> bool {
    RULES.articles.iter().any(|a| a == folded_word)
}

/// The key of one folded word (lower case, no diacritics): letters and
/// digits only, the rules applied, doubled letters collapsed. Empty for an
/// article.
pub fn name_word_key(folded_word: &str) -> String {
    let mut w: String = folded_word.chars().filter(|c| c.is_alphanumeric()).collect();
    if is_name_article(&w) {
        return String::new();
    }
    if let Some((from, to)) = RULES.initial.iter().find(|(from, _)| w.starts_with(from.as_str())) {
        w = format!("{to}{}", &w[from.len()..]);
    }
    for (from, to) in &RULES.replace {
        if w.contains(from.as_str()) {
            w = w.replace(from.as_str(), to);
        }
    }
    let mut out = String::with_capacity(w.len());
    let mut last = None;
    for c in w.chars() {
        if last != Some(c) {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// The key of a name given as folded words: each word's key, articles
/// left out, joined by single spaces.
pub fn name_key<'a>(folded_words: impl IntoIterator<Item = &'a str>) -> String {
    let keys: Vec<String> = folded_words.into_iter().map(name_word_key).filter(|k| !k.is_empty()).collect();
    keys.join(" ")
}

/// True when two word keys are the same name written with an initial: one
/// is a single letter and the other starts with it ("g" and "george").
pub fn initial_matches(a: &str, b: &str) -> bool {
    let one = |x: &str, y: &str| x.chars().count() == 1 && y.chars().count() > 1 && y.starts_with(x);
    one(a, b) || one(b, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> String {
        let lower = s.to_lowercase();
        name_key(lower.split(|c: char| c.is_whitespace() || c == '-'))
    }

    #[test]
    fn the_rules_parse() {
        let (r, problems) = parse(VARIANTS_TSV);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(!r.replace.is_empty() && !r.articles.is_empty());
        assert_eq!(parse("replace\tq\n").1.len(), 1);
        assert_eq!(parse("swap\tq\tk\n").1.len(), 1);
    }

    #[test]
    fn transliterations_of_one_name_share_a_key() {
        // the Libyan ruler's surname as five outlets spell it
        let keys: Vec<String> = ["Gaddafi", "Gadhafi", "Qaddafi", "Kadhafi", "Kaddafi"].iter().map(|n| key(n)).collect();
        assert!(keys.iter().all(|k| *k == keys[0]), "{keys:?}");
        let keys: Vec<String> = ["Zelensky", "Zelenskyy", "Zelenskiy"].iter().map(|n| key(n)).collect();
        assert!(keys.iter().all(|k| *k == keys[0]), "{keys:?}");
        assert_eq!(key("Bashar al-Assad"), key("Bashar Assad"));
        assert_eq!(key("Abdel Fattah el-Sisi"), key("Abdel Fattah Sisi"));
        assert_eq!(key("Amr Moussa"), key("Amr Musa"));
        assert_eq!(key("Djibril Bassole"), key("Jibril Bassole"));
    }

    #[test]
    fn different_names_keep_different_keys() {
        assert_ne!(key("Khamis"), key("Hamid"));
        assert_ne!(key("John Smith"), key("Jane Smith"));
        assert_ne!(key("Assad"), key("Asad Umar"));
        assert_eq!(name_word_key("al"), "", "an article alone has no key");
    }

    #[test]
    fn initials() {
        assert!(initial_matches("g", "george") && initial_matches("george", "g"));
        assert!(!initial_matches("g", "w") && !initial_matches("g", "harry") && !initial_matches("bush", "bush"));
    }

    #[test]
    fn a_phrase_ends_the_words_in_the_singular_or_the_plural() {
        let phrase = |p: &str| p.split(' ').map(String::from).collect::<Vec<_>>();
        let ends = |name: &str, p: &str| ends_in_phrase(&phrase_words(name), &phrase(p));
        assert!(ends("British aid agencies", "aid agency") && ends("the U.S. Coast Guard", "coast guard"));
        assert!(ends("charities", "charity") && ends("two churches", "church") && ends("an official", "official"));
        assert!(!ends("agencies", "aid agency") && !ends("aid agencies abroad", "aid agency") && !ends("guards", "coast guard"));
        assert!(!ends("anything", "") && !ends("officialdom", "official"));
    }
}
