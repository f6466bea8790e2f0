//! Lemmas: an exceptions table (form and Penn tag → lemma, derived from the
//! treebank by `train`), then the irregular verbs of English
//! (`data/syntax/irregular_verbs.tsv`), then English inflection rules by Penn tag.
//! Where the rules must guess a verb's stem ("decid" or "decide", "charg" or
//! "charge", "stopp" or "stop"), a lexicon of verb base forms settles it: the
//! rows tagged `BASE` in the table (the treebank's verb lemmas and the
//! PETRARCH-2 dictionary's verbs).

use rustc_hash::{FxHashMap, FxHashSet};

use crate::SyntaxError;

/// The lemmatizer.
#[derive(Clone, Debug, Default)]
pub struct Lemmatizer {
    exceptions: FxHashMap<(String, String), String>,
    /// Past and participle forms of irregular verbs → base form.
    irregular: FxHashMap<String, String>,
    /// Verb base forms (`BASE` rows), for choosing a stem.
    bases: FxHashSet<String>,
}

/// The Penn-tag column of a table row that lists a verb base form.
const BASE: &str = "BASE";

/// The irregular verbs of English, embedded.
const IRREGULAR_TSV: &str = include_str!("../../../data/syntax/irregular_verbs.tsv");

/// The `base<TAB>past<TAB>participle` rows of an irregular-verb table
/// (alternatives split by `|`), each with its line number; a row without
/// three columns is an error.
fn irregular_rows(text: &str) -> impl Iterator<Item = Result<[&str; 3], usize>> {
    text.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty()).map(|(n, line)| {
        let cols: Vec<&str> = line.split('\t').collect();
        <[&str; 3]>::try_from(cols).map_err(|_| n + 1)
    })
}

/// Reads the irregular-verb rows into form → base.
fn parse_irregular(text: &str, file: &str) -> Result<FxHashMap<String, String>, SyntaxError> {
    let mut forms = FxHashMap::default();
    for row in irregular_rows(text) {
        let [base, past, participle] = row.map_err(|line| SyntaxError::BadData { file: file.to_string(), line, reason: "expected base, past, participle".into() })?;
        for form in past.split('|').chain(participle.split('|')) {
            // the first row naming a form wins ("lay": past of lie, listed before lay)
            forms.entry(form.to_string()).or_insert_with(|| base.to_string());
        }
    }
    Ok(forms)
}

fn builtin_irregular() -> FxHashMap<String, String> {
    // the embedded table is checked by a unit test; a broken edit yields no irregulars, not a panic
    parse_irregular(IRREGULAR_TSV, "data/syntax/irregular_verbs.tsv").unwrap_or_default()
}

/// The simple past forms of the irregular verbs of English (their second column).
static IRREGULAR_PAST: std::sync::LazyLock<FxHashSet<String>> = std::sync::LazyLock::new(|| {
    irregular_rows(IRREGULAR_TSV).flatten().flat_map(|[_, past, _]| past.split('|')).map(str::to_string).collect()
});

/// True when `form` can be an English simple past: a regular form in "-ed" or
/// an irregular past of `data/syntax/irregular_verbs.tsv` ("said", "put").
/// "withdraw" cannot, whatever a tagger made of it.
pub fn can_be_past(form: &str) -> bool {
    let lower = form.to_lowercase();
    (lower.len() > 3 && lower.ends_with("ed")) || IRREGULAR_PAST.contains(&lower)
}

fn lower(form: &str) -> String {
    form.to_lowercase()
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Undoes consonant doubling (`stopped` → `stop`) and restores a silent `e`
/// (`hoped` → `hope`) on a stem from which `-ed`/`-ing`/`-er`/`-est` was cut.
fn repair_stem(stem: &str) -> String {
    // The rules below index bytes: a stem with a non-ASCII letter ("c’" from "c’ed") is
    // left as it is rather than sliced inside a character.
    if !stem.is_ascii() {
        return stem.to_string();
    }
    let b = stem.as_bytes();
    let n = b.len();
    if n >= 3 && b[n - 1] == b[n - 2] && !is_vowel(b[n - 1]) && !matches!(b[n - 1], b'l' | b's' | b'z' | b'f') {
        return stem[..n - 1].to_string();
    }
    // consonant + vowel + one of v/c/g/z/s at the end, or a "u" before it: needs a final e
    if n >= 2 && (matches!(&stem[n - 1..], "v" | "z" | "u") || stem.ends_with("us") || stem.ends_with("uc") || stem.ends_with("dg")) {
        return format!("{stem}e");
    }
    if n >= 3 && !is_vowel(b[n - 1]) && is_vowel(b[n - 2]) && !is_vowel(b[n - 3]) && matches!(b[n - 1], b'c' | b'g' | b's' | b'k' | b't' | b'r' | b'p' | b'd' | b'b' | b'm' | b'n' | b'l') {
        // CVC: short monosyllables ("hop") are doubled before -ed, so a single
        // consonant here usually had a silent e ("hoped", "voted", "cared") —
        // except after -en/-er/-on/-el endings of longer stems ("opened", "offered").
        let longer = n >= 4 && matches!(&stem[n - 2..], "en" | "er" | "on" | "el" | "it" | "et" | "al" | "or" | "om" | "ad" | "id");
        if !longer && !matches!(b[n - 1], b'w' | b'x' | b'y') {
            return format!("{stem}e");
        }
    }
    stem.to_string()
}

/// The rule lemma of `form` with Penn tag `xpos` (no exceptions table).
pub fn rule_lemma(form: &str, upos: &str, xpos: &str) -> String {
    if upos == "PROPN" || xpos.starts_with("NNP") {
        return form.to_string();
    }
    let w = lower(form);
    let strip = |suffix: &str| w.strip_suffix(suffix).filter(|s| s.len() >= 2);
    match xpos {
        "NNS" => {
            if let Some(s) = strip("ies") {
                format!("{s}y")
            } else if let Some(s) = w.strip_suffix("es").filter(|s| s.ends_with("ss") || s.ends_with("sh") || s.ends_with("ch") || s.ends_with('x') || s.ends_with('z')) {
                s.to_string()
            } else if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
                w
            } else {
                strip("s").map(str::to_string).unwrap_or(w)
            }
        }
        "VBZ" => {
            if let Some(s) = strip("ies") {
                format!("{s}y")
            } else if let Some(s) = w.strip_suffix("es").filter(|s| s.ends_with("ss") || s.ends_with("sh") || s.ends_with("ch") || s.ends_with('x') || s.ends_with('z') || s.ends_with('o')) {
                s.to_string()
            } else {
                strip("s").map(str::to_string).unwrap_or(w)
            }
        }
        "VBD" | "VBN" => {
            if let Some(s) = strip("ied") {
                format!("{s}y")
            } else if let Some(s) = strip("eed") {
                format!("{s}ee")
            } else if let Some(s) = strip("ed") {
                repair_stem(s)
            } else {
                w
            }
        }
        "VBG" => match strip("ing") {
            Some(s) if s.ends_with('y') || s.ends_with("ee") => s.to_string(),
            Some(s) => repair_stem(s),
            None => w,
        },
        "JJR" | "RBR" => match strip("ier") {
            Some(s) => format!("{s}y"),
            None => strip("er").map(repair_stem).unwrap_or(w),
        },
        "JJS" | "RBS" => match strip("iest") {
            Some(s) => format!("{s}y"),
            None => strip("est").map(repair_stem).unwrap_or(w),
        },
        _ => w,
    }
}

impl Lemmatizer {
    /// Reads the exceptions table: `form<TAB>xpos<TAB>lemma` lines, `#` comments.
    pub fn parse(text: &str, file: &str) -> Result<Lemmatizer, SyntaxError> {
        let mut exceptions = FxHashMap::default();
        let mut bases = FxHashSet::default();
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 3 {
                return Err(SyntaxError::BadData { file: file.to_string(), line: n + 1, reason: "expected form, xpos, lemma".into() });
            }
            if cols[1] == BASE {
                bases.insert(cols[2].to_string());
            } else {
                exceptions.insert((cols[0].to_string(), cols[1].to_string()), cols[2].to_string());
            }
        }
        Ok(Lemmatizer { exceptions, irregular: builtin_irregular(), bases })
    }

    /// Builds the table from treebank words `(form, upos, xpos, lemma)`: the
    /// most frequent lemma of each lower-cased form and tag, kept where the
    /// rules would get it wrong.
    pub fn learn<'a>(words: impl Iterator<Item = (&'a str, &'a str, &'a str, &'a str)>) -> Lemmatizer {
        let mut counts: FxHashMap<(String, String), FxHashMap<String, usize>> = FxHashMap::default();
        let mut bases = FxHashSet::default();
        for (form, upos, xpos, lemma) in words {
            if lemma == "_" || upos == "PROPN" {
                continue;
            }
            if upos == "VERB" && lemma.chars().all(|c| c.is_ascii_lowercase()) && lemma.len() >= 2 {
                bases.insert(lemma.to_string());
            }
            *counts.entry((lower(form), xpos.to_string())).or_default().entry(lemma.to_string()).or_default() += 1;
        }
        let mut exceptions = FxHashMap::default();
        for ((form, xpos), lemmas) in counts {
            let mut v: Vec<(String, usize)> = lemmas.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let lemma = v.swap_remove(0).0;
            if rule_lemma(&form, "", &xpos) != lemma {
                exceptions.insert((form, xpos), lemma);
            }
        }
        Lemmatizer { exceptions, irregular: builtin_irregular(), bases }
    }

    /// The table as a data file (sorted): the exceptions, then the verb base forms.
    pub fn to_tsv(&self, header: &str) -> String {
        let mut rows: Vec<_> = self.exceptions.iter().collect();
        rows.sort();
        let mut out = header.to_string();
        for ((f, x), l) in rows {
            out.push_str(&format!("{f}\t{x}\t{l}\n"));
        }
        let mut bases: Vec<&String> = self.bases.iter().collect();
        bases.sort();
        for b in bases {
            out.push_str(&format!("{b}\t{BASE}\t{b}\n"));
        }
        out
    }

    /// This table with the verb base forms of `other` (the rest of this one kept).
    pub fn with_bases_of(mut self, other: &Lemmatizer) -> Lemmatizer {
        self.bases = other.bases.clone();
        self
    }

    /// Number of verb base forms known.
    pub fn bases_len(&self) -> usize {
        self.bases.len()
    }

    /// Unless the rule's guess is a known verb base form, the first of the
    /// stems an inflected verb may have — the cut stem with a silent "e"
    /// restored, the cut stem itself, with a doubled consonant undone — that
    /// is one ("deciding" → "decide", "charged" → "charge", "invaded" → "invade").
    fn known_stem(&self, form: &str, xpos: &str, guess: &str) -> Option<String> {
        if self.bases.is_empty() || self.bases.contains(guess) {
            return None;
        }
        let w = lower(form);
        let stem = match xpos {
            "VBD" | "VBN" => w.strip_suffix("ed")?,
            "VBG" => w.strip_suffix("ing")?,
            _ => return None,
        };
        let undoubled = stem.len() >= 3 && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2];
        // the silent "e" first: a verb whose stem ends in one vowel and one
        // consonant doubles it before -ed unless its last syllable is unstressed
        // ("hoped" is hope's, "hopped" hop's; "opened" stays open)
        let candidates = [format!("{stem}e"), stem.to_string(), if undoubled { stem[..stem.len() - 1].to_string() } else { String::new() }];
        candidates.into_iter().find(|c| !c.is_empty() && self.bases.contains(c))
    }

    /// Number of exceptions.
    pub fn len(&self) -> usize {
        self.exceptions.len()
    }

    /// True without exceptions.
    pub fn is_empty(&self) -> bool {
        self.exceptions.is_empty()
    }

    /// The lemma of `form` tagged `upos`/`xpos`.
    pub fn lemma(&self, form: &str, upos: &str, xpos: &str) -> String {
        if upos != "PROPN" {
            if let Some(l) = self.exceptions.get(&(lower(form), xpos.to_string())) {
                return l.clone();
            }
            if matches!(xpos, "VBD" | "VBN") {
                if let Some(base) = self.irregular.get(&lower(form)) {
                    return base.clone();
                }
            }
        }
        let guess = rule_lemma(form, upos, xpos);
        if upos == "PROPN" {
            return guess;
        }
        self.known_stem(form, xpos, &guess).unwrap_or(guess)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_past_is_regular_or_listed_irregular() {
        for past in ["demanded", "said", "put", "withdrew", "fled"] {
            assert!(super::can_be_past(past), "{past}");
        }
        for base in ["withdraw", "resign", "come", "withdrawn"] {
            assert!(!super::can_be_past(base), "{base}");
        }
    }

    use super::*;

    #[test]
    fn a_known_verb_base_settles_the_stem() {
        let table = "decide\tBASE\tdecide\ncharge\tBASE\tcharge\nstop\tBASE\tstop\ntrade\tBASE\ttrade\nopen\tBASE\topen\nhop\tBASE\thop\nhope\tBASE\thope\n";
        let l = Lemmatizer::parse(table, "t").unwrap();
        assert_eq!(l.bases_len(), 7);
        assert_eq!(l.lemma("hoped", "VERB", "VBD"), "hope");
        assert_eq!(l.lemma("hopped", "VERB", "VBD"), "hop");
        assert_eq!(l.lemma("deciding", "VERB", "VBG"), "decide");
        assert_eq!(l.lemma("charged", "VERB", "VBD"), "charge");
        assert_eq!(l.lemma("traded", "VERB", "VBN"), "trade");
        assert_eq!(l.lemma("stopped", "VERB", "VBD"), "stop");
        assert_eq!(l.lemma("opened", "VERB", "VBD"), "open");
        // an unknown verb keeps the rules' guess
        assert_eq!(l.lemma("snorkelled", "VERB", "VBD"), rule_lemma("snorkelled", "VERB", "VBD"));
        // without the lexicon the rules guess
        assert_eq!(Lemmatizer::parse("", "t").unwrap().lemma("deciding", "VERB", "VBG"), rule_lemma("deciding", "", "VBG"));
        // the table round-trips its bases, and learning collects them from verbs
        assert_eq!(Lemmatizer::parse(&l.to_tsv(""), "t").unwrap().bases_len(), 7);
        let learned = Lemmatizer::learn([("decided", "VERB", "VBD", "decide"), ("Kyiv", "PROPN", "NNP", "Kyiv")].into_iter());
        assert_eq!(learned.bases_len(), 1);
    }

    #[test]
    fn non_ascii_stems_are_not_sliced_inside_a_character() {
        assert_eq!(repair_stem("c’"), "c’");
        assert_eq!(repair_stem("a\u{1000}"), "a\u{1000}");
    }

    #[test]
    fn inflection_rules() {
        for (form, xpos, lemma) in [
            ("talks", "NNS", "talk"),
            ("casualties", "NNS", "casualty"),
            ("churches", "NNS", "church"),
            ("attacked", "VBD", "attack"),
            ("stopped", "VBD", "stop"),
            ("hoped", "VBD", "hope"),
            ("voted", "VBN", "vote"),
            ("opened", "VBD", "open"),
            ("killed", "VBN", "kill"),
            ("agreed", "VBD", "agree"),
            ("carried", "VBD", "carry"),
            ("meeting", "VBG", "meet"),
            ("shelling", "VBG", "shell"),
            ("making", "VBG", "make"),
            ("rescuing", "VBG", "rescue"),
            ("argued", "VBD", "argue"),
            ("pursued", "VBN", "pursue"),
            ("says", "VBZ", "say"),
            ("pushes", "VBZ", "push"),
            ("bigger", "JJR", "big"),
            ("Troops", "NNS", "troop"),
        ] {
            assert_eq!(rule_lemma(form, "", xpos), lemma, "{form}/{xpos}");
        }
        assert_eq!(rule_lemma("Kyiv", "PROPN", "NNP"), "Kyiv");
    }

    #[test]
    fn exceptions_win_and_round_trip() {
        let words = [("was", "AUX", "VBD", "be"), ("was", "AUX", "VBD", "be"), ("children", "NOUN", "NNS", "child"), ("talks", "NOUN", "NNS", "talk")];
        let l = Lemmatizer::learn(words.iter().copied());
        assert_eq!(l.len(), 2, "talks follows the rules");
        assert_eq!(l.lemma("Was", "AUX", "VBD"), "be");
        let back = Lemmatizer::parse(&l.to_tsv("# test\n"), "t").unwrap();
        assert_eq!(back.lemma("children", "NOUN", "NNS"), "child");
        assert!(Lemmatizer::parse("a\tb\n", "t").is_err());
    }

    #[test]
    fn irregular_pasts_and_participles_get_their_base_form() {
        let table = parse_irregular(IRREGULAR_TSV, "irregular_verbs.tsv").expect("the embedded table parses");
        assert!(table.len() > 200, "{}", table.len());
        let l = Lemmatizer::parse("", "t").unwrap();
        assert_eq!(l.lemma("blew", "VERB", "VBD"), "blow");
        assert_eq!(l.lemma("Overthrown", "VERB", "VBN"), "overthrow");
        assert_eq!(l.lemma("struck", "VERB", "VBD"), "strike");
        assert_eq!(l.lemma("lay", "VERB", "VBD"), "lie");
        // only past forms: "lay" as a present-tense verb is its own lemma
        assert_eq!(l.lemma("lay", "VERB", "VBP"), "lay");
        // the treebank's exceptions win over the table
        let l = Lemmatizer::parse("found\tVBD\tfound\n", "t").unwrap();
        assert_eq!(l.lemma("found", "VERB", "VBD"), "found");
        assert!(parse_irregular("go\twent\n", "t").is_err());
    }
}
