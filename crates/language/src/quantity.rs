//! Quantities: the number, its hedge ("at least", "nearly"), unit or currency,
//! and the noun phrase it counts.
//!
//! Decisions:
//! - Numbers in digits ("1,000", "3.4", "1.5 million") and words ("three",
//!   "a dozen", "forty-seven", "two hundred") are read; vague plurals
//!   ("hundreds", "thousands", "tens of thousands") are read as their lower
//!   bound with the hedge `at_least` ("hundreds" = at least 200).
//! - `counts` is the noun phrase right after the number, up to and including the
//!   first plural head noun ("1,000 captive troops set to…" → "captive troops").
//!   In "the remains of 6,000 soldiers" the number counts "soldiers". A partitive
//!   "10 of them" counts "them" (the pronoun, unresolved).
//! - Ordinals in digits ("18th sanctions package") have `ordinal` set and count
//!   the phrase they rank ("sanctions package"). Word ordinals ("first") are not
//!   quantities.
//! - Not quantities: numbers inside DATE/TIME/SET expressions (the time layer
//!   runs first; when it is empty this module finds times itself), ages after
//!   names ("Skiek, 40,"), list numbering, parts of names and codes ("F-16",
//!   "G20", "Covid-19"), times of day. Durations ("21 years") are quantities
//!   with unit `year`.
//!
//! Reads: `body`, `times`. Writes: `quantities`.
use std::collections::HashMap;
use std::sync::LazyLock;

use chronicle_core::{Approx, Document, Quantity, Span, TimeType};
use regex::Regex;

struct Tables {
    /// Number word → (value, is scale word).
    words: HashMap<String, (f64, bool)>,
    /// Unit surface (lower case) → code, longest first.
    units: Vec<(String, String)>,
    /// Currency prefix → code, longest first.
    currencies: Vec<(String, String)>,
}

fn data_lines(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut words = HashMap::new();
    for f in data_lines(include_str!("../../../data/quantity/numbers.tsv")) {
        if let [w, v, kind] = f.as_slice() {
            if let Ok(v) = v.trim().parse::<f64>() {
                words.insert(w.to_string(), (v, kind.trim() == "scale"));
            }
        }
    }
    let mut units: Vec<(String, String)> = data_lines(include_str!("../../../data/quantity/units.tsv"))
        .filter_map(|f| match f.as_slice() {
            [s, c] => Some((s.to_string(), c.trim().to_string())),
            _ => None,
        })
        .collect();
    units.sort_by(|a, b| b.0.len().cmp(&a.0.len()));
    let mut currencies: Vec<(String, String)> =
        data_lines(include_str!("../../../data/quantity/currency.tsv"))
            .filter_map(|f| match f.as_slice() {
                [s, c] => Some((s.to_string(), c.trim().to_string())),
                _ => None,
            })
            .collect();
    currencies.sort_by(|a, b| b.0.len().cmp(&a.0.len()));
    Tables { words, units, currencies }
});

/// The value of one number word ("three" → 3, "thousand" → 1000), if it is one.
pub fn word_value(word: &str) -> Option<f64> {
    TABLES.words.get(word).map(|x| x.0)
}

/// Numbers: digits with separators, or runs of number words.
static NUMBER_RE: LazyLock<Regex> = LazyLock::new(|| {
    let words = "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen|hundred|thousand";
    let src = format!(
        r"(?i)(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<ord>st|nd|rd|th)?\b|\b(?P<vague>(?:tens|hundreds) of thousands|hundreds|thousands|millions|billions|dozens)\b|\b(?P<words>(?:a\s+)?(?:{words})(?:(?:-|\s+|\s+and\s+)(?:{words}))*)\b"
    );
    Regex::new(&crate::time::ascii_boundaries(&src)).expect("number regex")
});

/// Scale words after a number ("1.5 million").
static SCALE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&crate::time::ascii_boundaries(r"^(?:\s+|-)?(million|billion|trillion|thousand|bn|m|k)\b")).expect("scale regex")
});

/// Hedges before a number, longest first, with their kind.
const HEDGES: &[(&str, Approx)] = &[
    ("more than", Approx::MoreThan),
    ("upwards of", Approx::MoreThan),
    ("in excess of", Approx::MoreThan),
    ("over", Approx::MoreThan),
    ("at least", Approx::AtLeast),
    ("no fewer than", Approx::AtLeast),
    ("no less than", Approx::AtLeast),
    ("nearly", Approx::About),
    ("almost", Approx::About),
    ("about", Approx::About),
    ("around", Approx::About),
    ("approximately", Approx::About),
    ("roughly", Approx::About),
    ("an estimated", Approx::About),
    ("estimated", Approx::About),
    ("close to", Approx::About),
    ("some", Approx::About),
    ("up to", Approx::UpTo),
    ("as many as", Approx::UpTo),
    ("as much as", Approx::UpTo),
    ("less than", Approx::LessThan),
    ("fewer than", Approx::LessThan),
    ("under", Approx::LessThan),
    ("below", Approx::LessThan),
];

/// Words that end a counted noun phrase.
const STOP: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "or", "but",
    "that", "which", "who", "whom", "whose", "were", "was", "is", "are", "be", "been", "being", "have",
    "has", "had", "will", "would", "could", "should", "can", "may", "might", "must", "said", "says",
    "as", "than", "into", "onto", "over", "under", "after", "before", "since", "during", "each",
    "per", "while", "when", "where", "if", "this", "these", "those", "their", "its", "his", "her",
    "our", "your", "my", "not", "no", "also", "more", "less", "only", "all", "both", "such",
    "about", "up", "down", "out", "off", "so", "then", "there", "here", "it", "they", "he", "she",
    "we", "you", "i", "across", "between", "against", "through", "within", "without", "including",
    "set", "used", "killed", "injured", "wounded", "left", "fired", "launched", "stationed",
    "do", "does", "did", "what", "how", "why", "again", "ago", "earlier", "later", "already",
    "still", "yet", "just", "last", "next", "this", "every", "almost", "nearly", "around", "some",
];

/// Plural nouns without a final "s".
const IRREGULAR_PLURALS: &[&str] = &[
    "people", "children", "men", "women", "police", "personnel", "staff", "cattle", "feet",
    "teeth", "mice", "geese", "persons", "data", "media", "aircraft", "livestock", "sheep",
    "fish", "crew", "militia", "civilians",
];

/// Determiners that make "one" a pronoun ("no one", "the one").
const ONE_PRONOUN_BEFORE: &[&str] = &["no", "any", "every", "some", "each", "the", "this", "that", "which", "anyone", "someone"];

fn is_plural_head(w: &str) -> bool {
    let l = w.to_lowercase();
    if IRREGULAR_PLURALS.contains(&l.as_str()) {
        return true;
    }
    l.len() > 3
        && l.ends_with('s')
        && !l.ends_with("ss")
        && !l.ends_with("us")
        && !l.ends_with("is")
        && !l.ends_with("'s")
        && !l.ends_with("’s")
        && w.chars().next().map_or(false, |c| c.is_lowercase())
}

/// Parses a digits number ("1,000", "3.4").
fn parse_digits(s: &str) -> Option<f64> {
    s.replace(',', "").parse().ok()
}

/// Parses a run of number words ("a dozen", "forty-seven", "two hundred").
fn parse_words(s: &str) -> Option<f64> {
    let mut total: f64 = 0.0;
    let mut current: f64 = 0.0;
    let mut any = false;
    for w in s.split(|c: char| c == '-' || c.is_whitespace()).filter(|w| !w.is_empty()) {
        let l = w.to_ascii_lowercase();
        if l == "a" || l == "and" {
            if l == "a" {
                current = current.max(1.0);
            }
            continue;
        }
        let (v, scale) = *TABLES.words.get(&l)?;
        any = true;
        if scale || l == "dozen" {
            let base = if current == 0.0 { 1.0 } else { current };
            if v >= 1000.0 {
                total += base * v;
                current = 0.0;
            } else {
                current = base * v;
            }
        } else {
            current += v;
        }
    }
    any.then_some(total + current)
}

fn hedge_before(text: &str, at: usize) -> Option<(usize, Approx)> {
    let before = text.get(..at)?;
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() && at > 0 {
        return None; // hedge must be separated by a space
    }
    let lower_tail: String = trimmed
        .get(trimmed.len().saturating_sub(16)..)
        .or_else(|| {
            let mut i = trimmed.len().saturating_sub(16);
            while !trimmed.is_char_boundary(i) {
                i += 1;
            }
            trimmed.get(i..)
        })
        .unwrap_or("")
        .to_lowercase();
    for (h, a) in HEDGES {
        if lower_tail.ends_with(h) {
            let start = trimmed.len() - h.len();
            let ok_boundary = trimmed[..start].chars().next_back().map_or(true, |c| !c.is_alphanumeric());
            if ok_boundary && trimmed.is_char_boundary(start) {
                return Some((start, *a));
            }
        }
    }
    None
}

/// Words of `text` from `at`: (start, end) byte ranges of alphabetic words,
/// stopping at the first punctuation other than hyphen and apostrophe.
fn words_after(text: &str, at: usize, max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = at;
    let b = text.as_bytes();
    while out.len() < max {
        // skip spaces (not newlines)
        while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
            i += 1;
        }
        let s = i;
        while i < text.len() {
            let Some(c) = text[i..].chars().next() else { break };
            if c.is_alphanumeric() || c == '-' || ((c == '\'' || c == '’') && text[i + c.len_utf8()..].starts_with(|n: char| n.is_alphabetic())) {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        if i == s {
            break;
        }
        out.push((s, i));
    }
    out
}

/// The counted noun phrase after `at`: (start, end) or None.
fn counted_phrase(text: &str, at: usize, ordinal: bool, value: f64) -> Option<(usize, usize)> {
    let words = words_after(text, at, 7);
    let first = *words.first()?;
    let w0 = &text[first.0..first.1];
    let l0 = w0.to_lowercase();
    // partitive: "10 of them", "20 of whom", "five of the soldiers"
    if l0 == "of" && !ordinal {
        let w1 = words.get(1)?;
        let t1 = text[w1.0..w1.1].to_lowercase();
        if ["them", "us", "whom", "which", "these", "those"].contains(&t1.as_str()) {
            return Some(*w1);
        }
        if t1 == "the" || t1 == "their" || t1 == "its" {
            let rest = counted_phrase(text, w1.1, false, value)?;
            return Some(rest);
        }
        return None;
    }
    let mut end: Option<usize> = None;
    let mut start: Option<usize> = None;
    let mut pending_and = false;
    for (k, &(s, e)) in words.iter().enumerate() {
        let w = &text[s..e];
        let l = w.to_lowercase();
        if l.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
            break;
        }
        if (l == "and" || l == "or") && start.is_some() && !ordinal {
            pending_and = true;
            continue;
        }
        if STOP.contains(&l.as_str()) {
            break;
        }
        // a past participle after the first word is a verb ("one country refused")
        if k > 0 && l.len() > 4 && (l.ends_with("ed") || l.ends_with("ing")) {
            break;
        }
        // a gap (punctuation) between words ends the phrase
        if k > 0 {
            let prev_end = words[k - 1].1;
            if text[prev_end..s].trim() != "" {
                break;
            }
        }
        // a capitalised word after a lower-case one starts something else ("one reason Russia")
        if k > 0 && (ordinal || value == 1.0) && start.is_some() && w.chars().next().map_or(false, char::is_uppercase) {
            let prev = &text[words[k - 1].0..words[k - 1].1];
            if prev.chars().next().map_or(false, char::is_lowercase) {
                break;
            }
        }
        if start.is_none() {
            start = Some(s);
        }
        let _ = pending_and;
        pending_and = false;
        end = Some(e);
        if !ordinal && value != 1.0 && is_plural_head(w) {
            return Some((start?, e));
        }
        if k >= 4 {
            break;
        }
        // singular noun followed by a verb-like word: stop after 3 words
        if (ordinal || value == 1.0) && k >= 2 {
            break;
        }
    }
    let (s, e) = (start?, end?);
    if pending_and {
        // trailing conjunction without a head: keep what came before
    }
    if !ordinal && value != 1.0 {
        // no plural head found: accept a single capitalised or lower-case noun-ish word only
        let only = &text[s..e];
        if only.split_whitespace().count() > 2 {
            let first_end = words.iter().find(|w| w.0 == s).map(|w| w.1)?;
            return Some((s, first_end));
        }
    }
    Some((s, e))
}

/// Finds the quantities of `text`, skipping numbers inside `excluded` spans
/// (dates, times, sets).
pub fn find(text: &str, excluded: &[Span]) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    let mut last_end = 0usize;
    for c in NUMBER_RE.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let (mut nstart, mut nend) = (m.start(), m.end());
        if nstart < last_end {
            continue;
        }
        if excluded.iter().any(|x| x.start() < nend && nstart < x.end()) {
            continue;
        }
        let prev = text[..nstart].chars().next_back();
        let next = text[nend..].chars().next();
        let mut value;
        let mut approx = None;
        let mut ordinal = false;
        let mut is_word = false;
        if let Some(d) = c.name("digits") {
            // codes and names: "F-16", "G20", "Covid-19", times "18:00", versions "1.2.3"
            if matches!(prev, Some(c) if c.is_alphabetic()) {
                continue;
            }
            if prev == Some('-') && text[..nstart.saturating_sub(1)].chars().next_back().map_or(false, |c| c.is_alphabetic()) {
                continue;
            }
            if matches!(next, Some(':' | '/')) || prev == Some(':') || prev == Some('/') {
                continue;
            }
            if matches!(next, Some(c) if c.is_alphabetic()) && c.name("ord").is_none() {
                // "3rd" handled; "10km" allowed below
                let rest = &text[nend..];
                if !rest.starts_with("km") && !rest.starts_with("kg") && !rest.starts_with("bn") && !rest.starts_with('m') {
                    continue;
                }
            }
            // list numbering at line start: "1." / "2)"
            let line_start = text[..nstart].rfind('\n').map_or(0, |i| i + 1);
            if text[line_start..nstart].trim().is_empty() && (text[nend..].starts_with(". ") || text[nend..].starts_with(") ")) {
                continue;
            }
            // age after a name: "Mohammed Skiek, 40, told"
            if text[..nstart].ends_with(", ") && text[nend..].starts_with(',') {
                let before = text[..nstart - 2].trim_end();
                let name_like = before
                    .rsplit(|c: char| c.is_whitespace())
                    .next()
                    .and_then(|w| w.chars().next())
                    .map_or(false, |c| c.is_uppercase());
                if name_like && parse_digits(d.as_str()).map_or(false, |v| v < 120.0) {
                    continue;
                }
            }
            // "-year-old" ages
            if text[nend..].starts_with("-year-old") || text[nend..].starts_with("-month-old") {
                continue;
            }
            let Some(v) = parse_digits(d.as_str()) else { continue };
            value = v;
            ordinal = c.name("ord").is_some();
        } else if let Some(vg) = c.name("vague") {
            let l = vg.as_str().to_ascii_lowercase();
            value = match l.as_str() {
                "tens of thousands" => 20_000.0,
                "hundreds of thousands" => 200_000.0,
                "hundreds" => 200.0,
                "thousands" => 2_000.0,
                "millions" => 2_000_000.0,
                "billions" => 2_000_000_000.0,
                _ => 24.0,
            };
            approx = Some(Approx::AtLeast);
            is_word = true;
        } else if let Some(w) = c.name("words") {
            let Some(v) = parse_words(w.as_str()) else { continue };
            let l = w.as_str().to_ascii_lowercase();
            if l == "one" || l == "a" {
                let before = last_word(&text[..nstart]).to_ascii_lowercase();
                if ONE_PRONOUN_BEFORE.contains(&before.as_str()) {
                    continue;
                }
            }
            if l.starts_with("a ") && !["dozen", "hundred", "thousand"].iter().any(|x| l.ends_with(x)) {
                continue;
            }
            value = v;
            is_word = true;
        } else {
            continue;
        }
        // scale: "1.5 million", "$200 billion", "200bn"
        if let Some(sm) = SCALE_RE.captures(&text[nend..]) {
            if let (Some(all), Some(w)) = (sm.get(0), sm.get(1)) {
                let scale = match w.as_str() {
                    "thousand" | "k" => 1e3,
                    "million" | "m" => 1e6,
                    "billion" | "bn" => 1e9,
                    _ => 1e12,
                };
                // "m" only right after a currency number ("$5m"), not "5 m" (metres)
                let tight = all.start() == 0 && !all.as_str().starts_with(' ');
                if !(w.as_str() == "m" || w.as_str() == "k") || tight {
                    value *= scale;
                    nend += all.end();
                }
            }
        }
        // currency prefix
        let mut unit: Option<String> = None;
        for (sym, code) in &TABLES.currencies {
            if text[..nstart].ends_with(sym.as_str()) {
                nstart -= sym.len();
                unit = Some(code.clone());
                break;
            }
        }
        // hedge
        let mut start = nstart;
        if approx.is_none() {
            if let Some((hs, a)) = hedge_before(text, nstart) {
                approx = Some(a);
                start = hs;
            }
        }
        // unit suffix
        let mut end = nend;
        if unit.is_none() && !ordinal {
            let rest = &text[nend..];
            let (sep, rest2) = if let Some(r) = rest.strip_prefix('-') {
                (1, r)
            } else {
                let t = rest.trim_start_matches([' ', '\t']);
                (rest.len() - t.len(), t)
            };
            let lower: String = rest2.chars().take(24).collect::<String>().to_lowercase();
            for (surface, code) in &TABLES.units {
                if lower.starts_with(surface.as_str()) {
                    let after = lower[surface.len()..].chars().next();
                    let boundary = surface == "%" || after.map_or(true, |c| !c.is_alphanumeric());
                    // currency words that are also nouns of count ("pounds") only after digits
                    if boundary && (sep > 0 || surface == "%" || !surface.chars().all(|c| c.is_alphabetic()) || surface.len() <= 3) {
                        if surface == "%" && sep > 0 {
                            continue;
                        }
                        unit = Some(code.clone());
                        end = nend + sep + surface.len();
                        break;
                    }
                }
            }
        }
        if matches!(unit.as_deref(), Some("year" | "month" | "week" | "day" | "hour" | "minute")) && text[end..].starts_with("-old") {
            last_end = end;
            continue;
        }
        if unit.is_none() && text[nend..].starts_with('-') {
            last_end = nend;
            continue; // "two-thirds", "two-timing": part of a compound word
        }
        let mut counts = None;
        let is_time_unit = matches!(unit.as_deref(), Some("year" | "month" | "week" | "day" | "hour" | "minute"));
        let vague_of = c.name("vague").is_some() && text[end..].starts_with(" of ");
        if vague_of {
            if let Some((cs, ce)) = counted_phrase(text, end + 4, false, value) {
                counts = Some(text[cs..ce].to_string());
                end = ce;
            }
        } else if unit.is_none() || (is_time_unit && text[nend..].starts_with('-')) {
            let after = if ordinal { nend } else { end };
            if let Some((cs, ce)) = counted_phrase(text, after, ordinal, if unit.is_some() { 1.0 } else { value }) {
                counts = Some(text[cs..ce].to_string());
                end = ce;
            }
        }
        if is_word && counts.is_none() && unit.is_none() && value <= 1.0 {
            continue; // a bare "one" is a pronoun
        }
        if let Ok(span) = Span::new(text, start, end) {
            out.push(Quantity { span, value, approx, unit, counts, ordinal });
            last_end = end;
        }
        let _ = &mut nstart;
    }
    out
}

fn last_word(s: &str) -> &str {
    let t = s.trim_end();
    let start = t
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &t[start..]
}

/// Fills `doc.quantities`. Uses `doc.times` to skip dates; when the time layer
/// is empty it finds the time expressions itself.
pub fn annotate(doc: &mut Document) {
    let excluded: Vec<Span> = if doc.times.is_empty() {
        let s = crate::time::sentence_ranges(doc);
        crate::time::find(doc.body(), &doc.meta.published.date, &s)
            .into_iter()
            .filter(|t| t.1 != TimeType::Duration)
            .map(|t| t.0)
            .collect()
    } else {
        doc.times.iter().filter(|t| t.time_type != TimeType::Duration).map(|t| t.span).collect()
    };
    doc.quantities = find(doc.body(), &excluded);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Vec<Quantity> {
        let s = crate::time::split_sentences(text);
        let ex: Vec<Span> = crate::time::find(text, &chronicle_core::UncertainDate::unknown(), &s)
            .into_iter()
            .filter(|t| t.1 != TimeType::Duration)
            .map(|t| t.0)
            .collect();
        find(text, &ex)
    }

    fn one(text: &str) -> Quantity {
        let v = q(text);
        assert_eq!(v.len(), 1, "{text:?}: {v:?}");
        v.into_iter().next().unwrap()
    }

    fn check(text: &str, value: f64, approx: Option<Approx>, unit: Option<&str>, counts: Option<&str>) {
        let x = one(text);
        assert!((x.value - value).abs() < 1e-6 * value.abs().max(1.0), "{text:?}: value {}", x.value);
        assert_eq!(x.approx, approx, "{text:?}");
        assert_eq!(x.unit.as_deref(), unit, "{text:?}");
        assert_eq!(x.counts.as_deref(), counts, "{text:?}");
    }

    #[test]
    fn counts_noun_phrases() {
        check("with 1,000 captive troops set to be exchanged", 1000.0, None, None, Some("captive troops"));
        check("the remains of 6,000 soldiers killed in combat", 6000.0, None, None, Some("soldiers"));
        check("a list of nearly 400 abducted Ukrainian children that Kyiv wanted", 400.0, Some(Approx::About), None, Some("abducted Ukrainian children"));
        check("destroyed more than 40 Russian warplanes.", 40.0, Some(Approx::MoreThan), None, Some("Russian warplanes"));
        check("Russia fired 71 drones at regions", 71.0, None, None, Some("drones"));
        check("cut power to more than 220,000 people", 220000.0, Some(Approx::MoreThan), None, Some("people"));
    }

    #[test]
    fn partitive_counts_the_pronoun() {
        let v = q("returning only 10 of them.");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].value, 10.0);
        assert_eq!(v[0].counts.as_deref(), Some("them"));
    }

    #[test]
    fn money_and_percent() {
        check("the equivalent of about $200 billion.", 200e9, Some(Approx::About), Some("USD"), None);
        check("spending has risen 3.4% over 2024", 3.4, None, Some("%"), None);
        check("left 93 per cent of the strip", 93.0, None, Some("%"), None);
        check("Over 1.5 million drones were delivered", 1.5e6, Some(Approx::MoreThan), None, Some("drones"));
        check("a range of about 2,000 kilometers", 2000.0, Some(Approx::About), Some("km"), None);
        check("a loan of €70 million", 70e6, None, Some("EUR"), None);
    }

    #[test]
    fn ordinals_rank() {
        let x = one("work had begun on an 18th sanctions package.");
        assert!(x.ordinal);
        assert_eq!(x.value, 18.0);
        assert_eq!(x.counts.as_deref(), Some("sanctions package"));
    }

    #[test]
    fn number_words() {
        check("injuries to four men", 4.0, None, None, Some("men"));
        check("a dozen drones", 12.0, None, None, Some("drones"));
        check("Only one country refused", 1.0, None, None, Some("country"));
        assert!(q("No one expects an easy road.").is_empty());
    }

    #[test]
    fn not_quantities() {
        assert!(q("The war began in 2022 and talks were held on May 16.").is_empty());
        assert!(q("Mohammed Skiek, 40, told the ABC.").is_empty());
        assert!(q("The F-16 and the G20 met at 18:00.").is_empty());
        assert!(q("a 55-year-old woman").is_empty());
    }

    #[test]
    fn durations_have_time_units() {
        let x = one("Moscow could fight for 21 years.");
        assert_eq!(x.unit.as_deref(), Some("year"));
        assert_eq!(x.value, 21.0);
    }
}
