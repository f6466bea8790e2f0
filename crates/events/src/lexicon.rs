//! The user-editable trigger lexicon (`triggers.tsv`) and modality cues
//! (`cues.tsv`), the light stemmer both are matched with, and the sentence
//! tokenizer the coder runs them over.

use std::collections::HashMap;

use chronicle_core::{Modality, PloverType};

use crate::EventsError;

/// The built-in trigger lexicon.
pub const TRIGGERS_TSV: &str = include_str!("../../../data/events/triggers.tsv");
/// The built-in CAMEO verb dictionary rows (`crates/events/scripts/cameo_verbs.py`).
pub const CAMEO_VERBS_TSV: &str = include_str!("../../../data/events/cameo_verbs.tsv");
/// The built-in modality cues.
pub const CUES_TSV: &str = include_str!("../../../data/events/cues.tsv");

/// Most words a `...` gap may skip.
const MAX_GAP: usize = 4;

/// A light, deterministic stem used on both lexicon words and text words, so
/// "agreed", "agrees", "agreeing" and "agree" meet. Not a linguistic lemma.
pub fn stem(word: &str) -> String {
    let mut w: String = word
        .chars()
        .map(|c| if c == '’' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    if let Some(s) = w.strip_suffix("'s") {
        w = s.to_string();
    }
    let n = w.chars().count();
    let stripped: Option<String> = if n > 4 && (w.ends_with("ies") || w.ends_with("ied")) {
        Some(format!("{}y", &w[..w.len() - 3]))
    } else if n > 5 && w.ends_with("ing") {
        Some(w[..w.len() - 3].to_string())
    } else if n > 4 && (w.ends_with("ed") || w.ends_with("es")) {
        Some(w[..w.len() - 2].to_string())
    } else if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        Some(w[..w.len() - 1].to_string())
    } else {
        None
    };
    let pop_e = match &stripped {
        None => true,
        Some(_) => w.ends_with("ing"),
    };
    if let Some(s) = stripped {
        w = s;
    }
    if pop_e && w.chars().count() > 3 && w.ends_with('e') {
        w.pop();
    }
    // undouble a final double consonant ("swapp" → "swap", "kill" → "kil")
    let b = w.as_bytes();
    if b.len() > 3 {
        let (x, y) = (b[b.len() - 1], b[b.len() - 2]);
        if x == y && x.is_ascii_alphabetic() && !b"aeiou".contains(&x) {
            w.pop();
        }
    }
    w
}

/// A token of a sentence: a word or one punctuation character.
#[derive(Clone, Debug)]
pub struct Tok {
    /// Byte offset in the body.
    pub start: usize,
    /// End byte offset in the body.
    pub end: usize,
    /// Lower-case form (curly apostrophes folded).
    pub lower: String,
    /// Stem ([`stem`]).
    pub stem: String,
    /// True for punctuation.
    pub punct: bool,
}

/// Splits `text` (which starts at byte `base` of the body) into tokens.
pub fn tokenize(text: &str, base: usize) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    chars.next();
                } else if matches!(d, '-' | '\'' | '’' | '.' | ',') {
                    // keep internal joiners when a letter or digit follows
                    let next = text[j + d.len_utf8()..].chars().next();
                    let joins = match d {
                        ',' => c.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
                        // "1.5", "U.S", "U.N"
                        '.' => {
                            (c.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()))
                                || (j - i <= 3 && c.is_uppercase() && next.is_some_and(char::is_uppercase))
                        }
                        _ => next.is_some_and(char::is_alphanumeric),
                    };
                    if joins {
                        chars.next();
                        end = j + d.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let surface = &text[i..end];
            let lower: String = surface
                .chars()
                .map(|c| if c == '’' { '\'' } else { c })
                .flat_map(char::to_lowercase)
                .collect();
            match surface.rfind('n') {
                // split "don't" → "do" + "n't" so negation cues see it
                Some(n) if n > 0 && lower.len() > 3 && lower.ends_with("n't") => {
                    let head = lower[..lower.len() - 3].to_string();
                    out.push(Tok { start: base + i, end: base + i + n, stem: stem(&head), lower: head, punct: false });
                    out.push(Tok { start: base + i + n, end: base + end, lower: "n't".into(), stem: "n't".into(), punct: false });
                }
                _ => {
                    let stem = stem(&lower);
                    out.push(Tok { start: base + i, end: base + end, lower, stem, punct: false });
                }
            }
        } else if !c.is_whitespace() {
            let end = i + c.len_utf8();
            out.push(Tok {
                start: base + i,
                end: base + end,
                lower: c.to_string(),
                stem: c.to_string(),
                punct: true,
            });
        }
    }
    out
}

/// One word of a pattern: alternatives, each a stem or a lower-case prefix.
#[derive(Clone, Debug)]
pub enum Alt {
    /// Matches a token whose stem equals this.
    Stem(String),
    /// Matches a token whose lower-case form starts with this.
    Prefix(String),
}

/// An element of a pattern.
#[derive(Clone, Debug)]
pub enum Elem {
    /// One word with alternatives.
    Word(Vec<Alt>),
    /// Skip up to [`MAX_GAP`] words.
    Gap,
}

/// How arguments are found for an entry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Frame {
    /// Every party is an actor ("talks with X", "X and Y met").
    pub mutual: bool,
    /// Actor is the subject of a reporting verb before the trigger ("X said Y must …").
    pub reported: bool,
    /// A demand, offer or refusal: keep the listed items.
    pub speech: bool,
    /// The trigger is a verb: passive voice is possible.
    pub verb: bool,
    /// A row of the CAMEO verb dictionary (`cameo_verbs.tsv`): matched only
    /// on a token the tagger calls a verb, and coded only when the tree gives
    /// it a party on both sides.
    pub dictionary: bool,
}

/// One line of `triggers.tsv`.
#[derive(Clone, Debug)]
pub struct TriggerEntry {
    /// The pattern as written.
    pub pattern: String,
    /// The file it was read from (its label).
    pub file: String,
    /// 1-based line in its file.
    pub line: usize,
    /// Parsed pattern.
    pub elems: Vec<Elem>,
    /// PLOVER type.
    pub event_type: PloverType,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// CAMEO root code.
    pub cameo: Option<String>,
    /// Modality given to an event right after this one.
    pub governs: Option<Modality>,
    /// Argument frame.
    pub frame: Frame,
    /// Stems a quantity's counted noun must start with.
    pub counts: Vec<String>,
    /// PLOVER contexts.
    pub context: Vec<String>,
}

impl TriggerEntry {
    /// True for an offer, proposal, invitation, demand or request: an entry
    /// that makes the act after it proposed or demanded.
    pub fn offers_or_demands(&self) -> bool {
        matches!(self.governs, Some(Modality::Proposed | Modality::Demanded))
    }
}

/// One line of `cues.tsv`.
#[derive(Clone, Debug)]
pub struct Cue {
    /// Words as stems.
    pub words: Vec<String>,
    /// For each word written as a participle ("planned", "going"), the ending
    /// a word of the text must keep to match it ([`Cue::at`]).
    endings: Vec<Option<&'static str>>,
    /// The cue as written.
    pub text: String,
    /// Modality it signals.
    pub modality: Modality,
    /// True when the cue follows the trigger.
    pub after: bool,
    /// True for a cue that only applies to a bare event noun ("the need for a
    /// ceasefire", "a possible truce"), right before its noun phrase.
    pub noun: bool,
    /// True for a word (a lemma) whose to-infinitive complement the act is,
    /// found in the tree ("advises Obama to close"), never by position.
    pub governor: bool,
    /// True for a word (a lemma) whose that-clause or gerund complement the
    /// act is, found in the tree ("denied that troops had attacked",
    /// "denied attacking"), never by position.
    pub content: bool,
}

/// The loaded lexicon.
#[derive(Clone, Debug)]
pub struct Lexicon {
    /// Trigger entries, in file order.
    pub entries: Vec<TriggerEntry>,
    /// Entry indexes by the stem of their first word.
    by_stem: HashMap<String, Vec<usize>>,
    /// Entries whose first word has a prefix alternative.
    by_prefix: Vec<usize>,
    /// Modality cues.
    pub cues: Vec<Cue>,
}

/// Parses a modality name.
pub fn parse_modality(s: &str) -> Option<Modality> {
    Some(match s {
        "asserted" => Modality::Asserted,
        "demanded" => Modality::Demanded,
        "proposed" => Modality::Proposed,
        "planned" => Modality::Planned,
        "hypothetical" => Modality::Hypothetical,
        "negated" => Modality::Negated,
        _ => return None,
    })
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s != "-").then(|| s.to_string())
}

fn list(s: &str) -> Vec<String> {
    opt(s)
        .map(|s| s.split(',').map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect())
        .unwrap_or_default()
}

fn parse_word(w: &str) -> Vec<Alt> {
    w.split('|')
        .filter(|a| !a.is_empty())
        .map(|a| match a.strip_suffix('*') {
            Some(p) => Alt::Prefix(p.to_lowercase()),
            None => Alt::Stem(stem(a)),
        })
        .collect()
}

impl Lexicon {
    /// Parses the two files' contents. `names` label errors.
    pub fn parse(triggers: &str, cues: &str, names: (&str, &str)) -> Result<Lexicon, EventsError> {
        let entries = parse_triggers(triggers, names.0)?;
        let cues = parse_cues(cues, names.1)?;
        let mut lex = Lexicon { entries, by_stem: HashMap::new(), by_prefix: Vec::new(), cues };
        lex.index();
        Ok(lex)
    }

    /// Adds the trigger rows of another file (`name` labels errors and rules)
    /// after those loaded.
    pub fn add_triggers(&mut self, text: &str, name: &str) -> Result<(), EventsError> {
        self.entries.extend(parse_triggers(text, name)?);
        self.index();
        Ok(())
    }

    /// Rebuilds the first-word indexes over every entry.
    fn index(&mut self) {
        let mut by_stem: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_prefix = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            if let Some(Elem::Word(alts)) = e.elems.first() {
                let mut has_prefix = false;
                for a in alts {
                    match a {
                        Alt::Stem(s) => by_stem.entry(s.clone()).or_default().push(i),
                        Alt::Prefix(_) => has_prefix = true,
                    }
                }
                if has_prefix {
                    by_prefix.push(i);
                }
            }
        }
        for v in by_stem.values_mut() {
            v.dedup();
        }
        self.by_stem = by_stem;
        self.by_prefix = by_prefix;
    }

    /// The first REQUEST entry with a speech frame (the generic demand), used
    /// by code rules that recognise a demand the lexicon cannot pattern.
    pub fn request_entry(&self) -> Option<usize> {
        self.entries
            .iter()
            .position(|e| e.event_type == chronicle_core::PloverType::Request && e.frame.speech && e.governs.is_some())
    }

    /// Entries that may start at `tok`.
    pub fn candidates<'a>(&'a self, tok: &Tok) -> impl Iterator<Item = usize> + 'a {
        let direct = self.by_stem.get(&tok.stem).map(|v| v.as_slice()).unwrap_or(&[]);
        direct.iter().copied().chain(self.by_prefix.iter().copied())
    }
}

/// A lexicon load error at `line` of `file`.
fn lexicon_error(file: &str, line: usize, reason: String) -> EventsError {
    EventsError::Lexicon { file: file.to_string(), line, reason }
}

/// The data rows of a TSV text (comments and blank lines skipped) as
/// (1-based line, columns), each with at least `min_cols` columns.
fn data_rows<'t>(text: &'t str, name: &str, min_cols: usize) -> Result<Vec<(usize, Vec<&'t str>)>, EventsError> {
    let mut rows = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = raw.split('\t').collect();
        if cols.len() < min_cols {
            let reason = format!("expected {min_cols} tab-separated columns, found {}", cols.len());
            return Err(lexicon_error(name, i + 1, reason));
        }
        rows.push((i + 1, cols));
    }
    Ok(rows)
}

/// Parses trigger rows (`triggers.tsv` format); `name` labels errors.
/// Parses a pattern (words with `a|b` alternatives and `word*` prefixes,
/// `...` for a gap) into its elements, or says why it is malformed.
pub(crate) fn parse_pattern(pattern: &str) -> Result<Vec<Elem>, String> {
    let mut elems = Vec::new();
    for w in pattern.split_whitespace() {
        if w == "..." {
            if elems.is_empty() {
                return Err("a pattern cannot start with `...`".into());
            }
            elems.push(Elem::Gap);
        } else {
            let alts = parse_word(w);
            if alts.is_empty() {
                return Err(format!("empty word in pattern `{pattern}`"));
            }
            elems.push(Elem::Word(alts));
        }
    }
    if elems.is_empty() || matches!(elems.last(), Some(Elem::Gap)) {
        return Err(format!("bad pattern `{pattern}`"));
    }
    Ok(elems)
}

fn parse_triggers(triggers: &str, name: &str) -> Result<Vec<TriggerEntry>, EventsError> {
    let err = |line: usize, reason: String| lexicon_error(name, line, reason);
    let mut entries = Vec::new();
    for (line, cols) in data_rows(triggers, name, 8)? {
        let pattern = cols[0].trim().to_string();
        let elems = parse_pattern(&pattern).map_err(|why| err(line, why))?;
        let event_type = PloverType::parse(cols[1])
            .ok_or_else(|| err(line, format!("unknown PLOVER type `{}`", cols[1])))?;
        let governs = match opt(cols[4]) {
            None => None,
            Some(g) => Some(
                parse_modality(&g).ok_or_else(|| err(line, format!("unknown modality `{g}`")))?,
            ),
        };
        let mut frame = Frame::default();
        for f in list(cols[5]) {
            match f.as_str() {
                "mutual" => frame.mutual = true,
                "reported" => frame.reported = true,
                "speech" => frame.speech = true,
                "verb" => frame.verb = true,
                "dictionary" => frame.dictionary = true,
                other => return Err(err(line, format!("unknown frame `{other}`"))),
            }
        }
        entries.push(TriggerEntry {
            pattern,
            file: name.to_string(),
            line,
            elems,
            event_type,
            mode: opt(cols[2]),
            cameo: opt(cols[3]),
            governs,
            frame,
            counts: list(cols[6]).iter().map(|c| c.to_lowercase()).collect(),
            context: list(cols[7]),
        });
    }
    Ok(entries)
}

/// Parses modality cue rows (`cues.tsv` format); `name` labels errors.
fn parse_cues(cues: &str, name: &str) -> Result<Vec<Cue>, EventsError> {
    let err = |line: usize, reason: String| lexicon_error(name, line, reason);
    let mut cue_list = Vec::new();
    for (line, cols) in data_rows(cues, name, 3)? {
        let modality = parse_modality(cols[1].trim())
            .ok_or_else(|| err(line, format!("unknown modality `{}`", cols[1])))?;
        let (after, noun, governor, content) = match cols[2].trim() {
            "before" => (false, false, false, false),
            "after" => (true, false, false, false),
            "noun" => (false, true, false, false),
            "governor" => (false, false, true, false),
            "content" => (false, false, false, true),
            other => return Err(err(line, format!("unknown position `{other}`"))),
        };
        let text = cols[0].trim().to_string();
        let toks = tokenize(&text, 0);
        let words: Vec<String> = toks.iter().map(|t| t.stem.clone()).collect();
        if words.is_empty() {
            return Err(err(line, "empty cue".into()));
        }
        let endings = toks.iter().map(|t| PARTICIPLE_ENDINGS.iter().copied().find(|e| t.lower.ends_with(e))).collect();
        cue_list.push(Cue { words, endings, text, modality, after, noun, governor, content });
    }
    Ok(cue_list)
}

fn alt_matches(alts: &[Alt], tok: &Tok) -> bool {
    !tok.punct
        && alts.iter().any(|a| match a {
            Alt::Stem(s) => *s == tok.stem,
            Alt::Prefix(p) => tok.lower.starts_with(p.as_str()),
        })
}

/// Matches `elems` at token `at`; returns the index one past the last matched
/// token (the shortest match for gaps, so a trigger stays compact).
pub fn match_at(elems: &[Elem], toks: &[Tok], at: usize) -> Option<usize> {
    match elems.split_first() {
        None => Some(at),
        Some((Elem::Word(alts), rest)) => {
            let tok = toks.get(at)?;
            if alt_matches(alts, tok) {
                match_at(rest, toks, at + 1)
            } else {
                None
            }
        }
        Some((Elem::Gap, rest)) => {
            for skip in 0..=MAX_GAP {
                let i = at + skip;
                if i > at && toks.get(i - 1).is_some_and(|t| t.punct && t.lower != "-") {
                    break; // a gap never crosses punctuation
                }
                if let Some(end) = match_at(rest, toks, i) {
                    return Some(end);
                }
            }
            None
        }
    }
}

/// The endings of a cue word written as a participle ([`Cue::endings`]).
const PARTICIPLE_ENDINGS: [&str; 2] = ["ed", "ing"];

impl Cue {
    /// True when the cue's words stand at `toks[at..]`, each matched by its
    /// stem — a word written as a participle ("planned", "scheduled", "going")
    /// only by a participle of the same ending: the light stem joins "planned"
    /// with "planes" and "going" with "go", the cue means only the first.
    pub fn at(&self, toks: &[Tok], at: usize) -> bool {
        self.words
            .iter()
            .zip(&self.endings)
            .enumerate()
            .all(|(k, (w, e))| toks.get(at + k).is_some_and(|t| t.stem == *w && e.is_none_or(|e| t.lower.ends_with(e))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet_across_inflections() {
        for (a, b) in [
            ("agreed", "agree"),
            ("agrees", "agree"),
            ("agreeing", "agree"),
            ("talks", "talk"),
            ("swapped", "swap"),
            ("exchanged", "exchange"),
            ("releasing", "release"),
            ("killed", "kill"),
            ("ceasefires", "ceasefire"),
            ("Russia's", "russia"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} vs {b}");
        }
        assert_ne!(stem("meet"), stem("met"));
    }

    #[test]
    fn tokenizer_keeps_numbers_and_splits_negation() {
        let toks = tokenize("They don't swap 1,000 prisoners with the U.S. now.", 0);
        let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(words, ["they", "do", "n't", "swap", "1,000", "prisoners", "with", "the", "u.s", ".", "now", "."]);
    }

    #[test]
    fn builtin_files_parse_and_gaps_match() {
        let lex = Lexicon::parse(TRIGGERS_TSV, CUES_TSV, ("triggers.tsv", "cues.tsv")).unwrap();
        assert!(lex.entries.len() > 100);
        let toks = tokenize("lifted a night curfew", 0);
        let e = lex.entries.iter().find(|e| e.pattern.starts_with("lift|")).unwrap();
        assert_eq!(match_at(&e.elems, &toks, 0), Some(4));
        assert!(Lexicon::parse("x\tNOPE\t-\t-\t-\t-\t-\t-", "", ("t", "c")).is_err());
    }
}
