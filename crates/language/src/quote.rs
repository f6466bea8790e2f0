//! Quotes, direct and reported, with cue verb and speaker.
//!
//! Direct quotes are words between matching quotation marks (straight or
//! curly, double or single; an apostrophe between letters, as in "Russia's" or
//! "don't", is never a mark). A quote is attributed by, in order:
//! 1. a cue right after it: "'…,' Peskov told reporters", "'…,' said Mr X";
//! 2. a cue right before it: "He said: '…'", "he asserted, \"…\"";
//! 3. a reported-speech frame of its sentence: "X said the position was '…'";
//! 4. the quote just before it, when nothing but its attribution lies between
//!    (a quote continued after "he said").
//!
//! Reported speech ("X said (that) …", "…, X said.", "according to X, …") gives
//! indirect quotes over the reported words.
//!
//! The speaker phrase is resolved through `doc.mentions`: a (non-possessive)
//! Person mention inside it; else an organisation/place mention heading it
//! ("the Kremlin said"); a pronoun ("he", "she") goes to the first Person mention
//! (outside quotes) of the same sentence before it, else of the previous
//! sentence. Otherwise `speaker` stays `None` (anonymous: "a source in the
//! Ukrainian delegation"), with `affiliation` from a country-bearing mention
//! inside the phrase. An outlet after "told" ("told AFP") is the addressee,
//! never the speaker.
//!
//! Where the sentence has a dependency tree (`tokens[].syntax`), the tree adds
//! what the surface rules miss: a speaker phrase widens to the cue verb's
//! whole subject ("Derek Mitchell, a former envoy,"; "A spokeswoman for the
//! campaign"), and a cue verb with a subject that no rule attributed gives an
//! indirect quote over what it reports: a clause ("Officials in Kyiv warned
//! that …"), an infinitive, an object or a prepositional phrase ("questioned
//! the health of …"), as PolNeAR and PARC mark attribution contents.
//!
//! Reads: `body`, `sentences` (splits itself when empty), `tokens` (their
//! syntax, when parsed), `mentions`, `times`.
//! Writes: `quotes`.
use std::collections::HashSet;
use std::sync::LazyLock;

use chronicle_core::{Document, EntityType, Mention, Quote, Span};
use regex::Regex;

/// Single-word cue verbs (`data/quote/cues.txt`).
static CUES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    include_str!("../../../data/quote/cues.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.contains(' '))
        .map(|l| l.split('\t').next().unwrap_or(l).to_string())
        .collect()
});

/// Cues that count only when "that" follows them (`cue<TAB>that` lines).
static THAT_CUES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    include_str!("../../../data/quote/cues.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|(_, req)| req.trim() == "that")
        .map(|(c, _)| c.trim().to_string())
        .collect()
});

/// True for a single-word reporting verb of `data/quote/cues.txt` that is a
/// cue by itself ("said", "told"; not "agreed", a cue only before "that").
pub(crate) fn is_cue_word(lower: &str) -> bool {
    CUES.contains(lower) && !THAT_CUES.contains(lower)
}

/// Nouns that report a statement after a possessor and before "that"
/// (`data/quote/noun_cues.txt`): "Trump's claim that …".
static NOUN_CUE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let nouns: Vec<String> = include_str!("../../../data/quote/noun_cues.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(regex::escape)
        .collect();
    Regex::new(&crate::time::ascii_boundaries(&format!(
        r"\b((?:[A-Z][\w.\-]*|of|the|and)(?:\s+(?:[A-Z][\w.\-]*|of|the|and))*)(?:'s|’s|'|’)\s+(?:(?:earlier|latest|recent|new|repeated|public|initial|original|false|unfounded|baseless)\s+)?({})\s+that\b",
        nouns.join("|")
    )))
    .expect("noun cue regex")
});

/// Labels that open a line with a colon but name no speaker (`data/quote/labels.txt`).
static LABELS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    include_str!("../../../data/quote/labels.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
});

/// A speaker heading a line with a colon: "PENCE: Well, look …", "Pat Caddell:
/// Democrat voters worried …". The name is one to five capitalised words.
fn colon_speaker(text: &str, ss: usize, body_end: usize) -> Option<(Attribution, (usize, usize))> {
    let seg = text.get(ss..body_end)?;
    let colon = seg.find(':')?;
    let head = seg[..colon].trim();
    let ws = words(text, ss, ss + colon);
    if ws.is_empty() || ws.len() > 5 || head.contains(['"', '“', '”', '(', ',']) || LABELS.contains(&head.to_lowercase()) {
        return None;
    }
    let capitalised = ws.iter().all(|w| text[w.0..w.1].starts_with(|c: char| c.is_uppercase()));
    if !capitalised || ws.iter().any(|w| text[w.0..w.1].chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let content_start = ss + colon + 1;
    let c = text.get(content_start..body_end)?.trim_start();
    if words(text, body_end - c.len(), body_end).len() < 3 {
        return None;
    }
    let sp = (ws.first()?.0, ws.last()?.1);
    let cue = (ss + colon, ss + colon + 1);
    Some((Attribution { cue, speaker: Some(sp) }, (body_end - c.len(), body_end)))
}

/// A possessor before a statement noun: "Donald Trump's claim that …"; the
/// speaker phrase keeps the possessive ending, the content runs to the end of
/// the sentence.
fn noun_cue(text: &str, ss: usize, body_end: usize, inside_direct: &dyn Fn(usize) -> bool) -> Option<(Attribution, (usize, usize))> {
    let seg = text.get(ss..body_end)?;
    let c = NOUN_CUE_RE.captures(seg)?;
    let (who, noun, all) = (c.get(1)?, c.get(2)?, c.get(0)?);
    let mut sp = (ss + who.start(), ss + noun.start());
    // drop leading function words ("the", "of") and trailing spaces
    let ws = words(text, sp.0, sp.1);
    let first = ws.iter().position(|w| text[w.0..w.1].starts_with(|ch: char| ch.is_uppercase()))?;
    sp.0 = ws.get(first)?.0;
    let trimmed = text[sp.0..sp.1].trim_end();
    let poss_end = trimmed.rfind(['s', '\'', '’']).map_or(trimmed.len(), |k| k + 1);
    sp.1 = sp.0 + poss_end.min(trimmed.len());
    if inside_direct(sp.0) || words(text, sp.0, sp.1).len() > 8 {
        return None;
    }
    let content = (ss + all.end(), body_end);
    let content_start = content.0 + (text[content.0..body_end].len() - text[content.0..body_end].trim_start().len());
    if words(text, content_start, body_end).len() < 3 {
        return None;
    }
    Some((Attribution { cue: (ss + noun.start(), ss + noun.end()), speaker: Some(sp) }, (content_start, body_end)))
}

static WORD_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*").expect("word regex"));

static ACCORDING_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&crate::time::ascii_boundaries(r"(?i)\baccording to\b")).expect("according regex"));

/// A participle continuing an attribution: ", adding that …".
static PARTICIPLE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&crate::time::ascii_boundaries(
        r",\s+(adding|saying|noting|arguing|insisting|warning|claiming|stressing|explaining|asserting)\b(?:\s+that\b)?\s*",
    ))
    .expect("participle regex")
});

/// Words that open an adverbial (non-speaker) chunk.
const ADVERBIAL: &[&str] = &[
    "after", "before", "when", "while", "as", "although", "though", "since", "until", "in", "on",
    "at", "for", "from", "with", "by", "during", "despite", "meanwhile", "however", "but", "so",
    "yet", "according", "earlier", "later", "then", "now", "still", "also", "instead",
    "separately", "previously", "similarly", "likewise", "again", "overnight", "today",
    "yesterday", "if", "once", "because", "where", "even", "asked", "speaking", "adding", "who", "which", "whose", "whom", "what",
    "addressing", "writing", "responding", "meanwhile", "moreover", "furthermore", "indeed",
    "nevertheless", "still", "thus", "therefore", "unlike", "like", "amid", "among", "under",
    "over", "without", "within", "through", "into", "last", "next", "this", "that",
];

/// Words stripped from the end of a speaker phrase.
const TRAILING: &[&str] = &[
    "also", "has", "have", "had", "reportedly", "previously", "then", "later", "further", "again",
    "repeatedly", "publicly", "officially", "recently", "separately", "earlier", "would", "will",
    "could", "may", "might", "did", "not", "once", "now", "still", "already", "even", "last",
    "on", "in", "at", "only", "himself", "herself", "itself", "had", "is", "are", "was", "were",
    "just", "first", "often", "always", "never", "sometimes", "long", "all", "both",
];

/// Words before a cue that make it a noun or a relative/passive verb.
const CUE_BLOCKERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "these", "those", "this", "who", "which",
    "that", "was", "were", "is", "are", "be", "been", "being", "to", "of", "and", "whom", "by",
];

const PRONOUNS: &[&str] = &["he", "she"];
const OTHER_PRONOUNS: &[&str] = &["they", "it", "we", "i", "you"];

/// Quote mark classes.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mark {
    OpenDouble,
    CloseDouble,
    OpenSingle,
    CloseSingle,
    /// `s'` followed by a space and a lower-case word: a plural possessive or a close.
    MaybeCloseSingle,
}

fn is_space_or_open_punct(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || "([{—–-:“‘\"".contains(c),
    }
}

fn is_close_follow(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || ",.;:!?)]}—–-…”’\"".contains(c),
    }
}

/// All quotation marks of `text` with their byte positions.
fn marks(text: &str) -> Vec<(usize, usize, Mark)> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|x| x.1);
        let w = c.len_utf8();
        match c {
            '“' => out.push((i, i + w, Mark::OpenDouble)),
            '”' => out.push((i, i + w, Mark::CloseDouble)),
            '"' => {
                if is_space_or_open_punct(prev) && next.map_or(false, |n| !n.is_whitespace()) {
                    out.push((i, i + w, Mark::OpenDouble));
                } else if prev.map_or(false, |p| !p.is_whitespace()) && is_close_follow(next) {
                    out.push((i, i + w, Mark::CloseDouble));
                }
            }
            '‘' | '\'' | '’' => {
                let letter_before = prev.map_or(false, |p| p.is_alphanumeric());
                let letter_after = next.map_or(false, |n| n.is_alphanumeric());
                if letter_before && letter_after {
                    // apostrophe: don't, Russia's
                } else if is_space_or_open_punct(prev) && next.map_or(false, |n| !n.is_whitespace()) && c != '’' || (c == '‘' && !letter_before) {
                    out.push((i, i + w, Mark::OpenSingle));
                } else if prev.map_or(false, |p| !p.is_whitespace()) && is_close_follow(next) {
                    let after = &text[i + w..];
                    let ambiguous = prev == Some('s')
                        && after.starts_with(' ')
                        && after[1..].chars().next().map_or(false, |n| n.is_lowercase());
                    out.push((i, i + w, if ambiguous { Mark::MaybeCloseSingle } else { Mark::CloseSingle }));
                }
            }
            _ => {}
        }
        prev = Some(c);
    }
    out
}

/// A direct quote's span: (open mark start, content start, content end, close mark end).
type Direct = (usize, usize, usize, usize);

// Direct quotations come sorted and disjoint (`direct_spans`), so each question about
// them is a binary search, not a scan: a body with many quotations stays linear (#17).

/// The direct quotation whose marks enclose byte `p` (opening mark included).
fn direct_at(directs: &[Direct], p: usize) -> Option<&Direct> {
    let i = directs.partition_point(|d| d.0 <= p);
    directs.get(i.checked_sub(1)?).filter(|d| p < d.3)
}

/// True when one direct quotation spans all of `a..b`, `slack` bytes beyond
/// each of its ends allowed.
fn within_direct(directs: &[Direct], a: usize, b: usize, slack: usize) -> bool {
    let i = directs.partition_point(|d| d.0 <= a + slack);
    (i.saturating_sub(2)..i).any(|k| directs.get(k).is_some_and(|d| b <= d.3 + slack))
}

/// Bytes of `c` inside direct quotations.
fn direct_overlap(directs: &[Direct], c: (usize, usize)) -> usize {
    let from = directs.partition_point(|d| d.3 <= c.0);
    let to = directs.partition_point(|d| d.0 < c.1).max(from);
    directs.get(from..to).unwrap_or_default().iter().map(|d| d.3.min(c.1).saturating_sub(d.0.max(c.0))).sum()
}

/// A document's mentions, looked up by position.
struct MentionIndex<'a> {
    mentions: &'a [Mention],
    /// Whether the mentions are sorted by start (windows need it).
    sorted: bool,
    /// The longest mention, in bytes.
    reach: usize,
}

impl<'a> MentionIndex<'a> {
    fn new(mentions: &'a [Mention]) -> MentionIndex<'a> {
        let sorted = mentions.windows(2).all(|w| w.first().map(|m| m.span.start()) <= w.get(1).map(|m| m.span.start()));
        let reach = mentions.iter().map(|m| m.span.end() - m.span.start()).max().unwrap_or(0);
        MentionIndex { mentions, sorted, reach }
    }

    /// The mentions that may lie in `lo..hi`, or cover it when `covering`: a
    /// window of the sorted slice, or the whole slice when it is not sorted.
    /// Callers still check each mention's bounds.
    fn near(&self, lo: usize, hi: usize, covering: bool) -> &'a [Mention] {
        if !self.sorted {
            return self.mentions;
        }
        let reach = if covering { self.reach } else { 0 };
        let from = self.mentions.partition_point(|m| m.span.start() < lo.saturating_sub(reach));
        let to = self.mentions.partition_point(|m| m.span.start() <= hi).max(from);
        self.mentions.get(from..to).unwrap_or_default()
    }
}

/// Direct quote spans.
/// Pairs single quotation marks (indices into `singles`, sorted by position): an
/// opening mark takes the first closing mark of its paragraph, unless a "maybe"
/// closing mark (an apostrophe-like `’`) comes first and another opening mark follows
/// it, in which case the maybe closes it; with no closing mark, the first maybe. Next-mark
/// tables make each opening mark a constant-time decision (a scan to the paragraph's end
/// per mark was quadratic on a line of apostrophes, #17).
fn pair_singles(singles: &[(usize, usize, Mark)], para_end: impl Fn(usize) -> usize) -> Vec<(usize, usize)> {
    let n = singles.len();
    let next_of = |kind: Mark| -> Vec<usize> {
        let mut next = vec![n; n + 1];
        for j in (0..n).rev() {
            next[j] = if singles.get(j).is_some_and(|s| s.2 == kind) { j } else { next[j + 1] };
        }
        next
    };
    let (next_close, next_maybe, next_open) = (next_of(Mark::CloseSingle), next_of(Mark::MaybeCloseSingle), next_of(Mark::OpenSingle));
    let at = |v: &Vec<usize>, j: usize| v.get(j).copied().unwrap_or(n);
    let mut out = Vec::new();
    let mut k = 0;
    while let Some(&(_, oe, m)) = singles.get(k) {
        if m != Mark::OpenSingle {
            k += 1;
            continue;
        }
        let end = para_end(oe);
        let jend = singles.partition_point(|s| s.0 < end).max(k + 1);
        let (c, maybe) = (at(&next_close, k + 1), at(&next_maybe, k + 1));
        let chosen = if maybe < c && maybe < jend {
            let o = at(&next_open, maybe + 1);
            if o < c && o < jend || c >= jend { Some(maybe) } else { Some(c) }
        } else if c < jend {
            Some(c)
        } else {
            None
        };
        match chosen {
            Some(cj) => {
                out.push((k, cj));
                k = cj + 1;
            }
            None => k += 1,
        }
    }
    out
}

fn direct_spans(text: &str) -> Vec<Direct> {
    let ms = marks(text);
    let mut out: Vec<(usize, usize, usize, usize)> = Vec::new();
    // doubles
    let mut open: Option<(usize, usize)> = None;
    for &(s, e, m) in &ms {
        match m {
            Mark::OpenDouble => {
                if let Some((os, oe)) = open {
                    // unclosed (new paragraph of the same quote, or a stray mark): close before this one
                    let content = text[oe..s].trim_end();
                    if content.split_whitespace().count() >= 3 {
                        out.push((os, oe, oe + content.len(), oe + content.len()));
                    }
                }
                open = Some((s, e));
            }
            Mark::CloseDouble => {
                if let Some((os, oe)) = open.take() {
                    out.push((os, oe, s, e));
                }
            }
            _ => {}
        }
        // a paragraph break closes an open double quote
    }
    if let Some((os, oe)) = open {
        let end = text[oe..].find('\n').map_or(text.len(), |k| oe + k);
        let content = text[oe..end].trim_end();
        if content.split_whitespace().count() >= 3 {
            out.push((os, oe, oe + content.len(), oe + content.len()));
        }
    }
    // singles
    let singles: Vec<&(usize, usize, Mark)> =
        ms.iter().filter(|x| matches!(x.2, Mark::OpenSingle | Mark::CloseSingle | Mark::MaybeCloseSingle)).collect();
    let breaks: Vec<usize> = text.match_indices('\n').map(|(k, _)| k).collect();
    let para_end = |oe: usize| breaks.get(breaks.partition_point(|&b| b < oe)).copied().unwrap_or(text.len());
    let marks: Vec<(usize, usize, Mark)> = singles.iter().map(|&&m| m).collect();
    for (o, c) in pair_singles(&marks, para_end) {
        if let (Some(&&(os, oe, _)), Some(&&(cs, ce, _))) = (singles.get(o), singles.get(c)) {
            out.push((os, oe, cs, ce));
        }
    }
    // keep outermost; drop nested and crossing later ones
    out.sort_by(|a, b| a.0.cmp(&b.0).then(b.3.cmp(&a.3)));
    let mut kept: Vec<(usize, usize, usize, usize)> = Vec::new();
    for q in out {
        if let Some(last) = kept.last() {
            if q.0 < last.3 {
                continue;
            }
        }
        if text[q.1..q.2].chars().any(|c| c.is_alphabetic()) {
            kept.push(q);
        }
    }
    kept
}

/// Words of `text[from..to]` as absolute byte ranges.
fn words(text: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    let Some(seg) = text.get(from..to) else { return Vec::new() };
    WORD_RE.find_iter(seg).map(|m| (from + m.start(), from + m.end())).collect()
}

fn lower(text: &str, w: (usize, usize)) -> String {
    text[w.0..w.1].to_lowercase()
}

fn is_cue_at(text: &str, ws: &[(usize, usize)], k: usize) -> bool {
    let Some(&w) = ws.get(k) else { return false };
    let l = lower(text, w);
    if !CUES.contains(&l) || !text[w.0..w.1].starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    if THAT_CUES.contains(&l) && !ws.get(k + 1).is_some_and(|n| lower(text, *n) == "that" && text[w.1..n.0].trim().is_empty()) {
        return false;
    }
    // passive: "are still believed", "was said" (a progressive "is demanding" is active)
    if !l.ends_with("ing") && ws[k.saturating_sub(2)..k].iter().any(|p| ["is", "are", "was", "were", "be", "been", "being"].contains(&lower(text, *p).as_str())) {
        return false;
    }
    if k > 0 {
        let prev = lower(text, ws[k - 1]);
        let gap = &text[ws[k - 1].1..w.0];
        let possessive = text[ws[k - 1].0..ws[k - 1].1].ends_with("'s") || text[ws[k - 1].0..ws[k - 1].1].ends_with("’s");
        // ", arguing that …" continues the sentence's subject: not a speaker of its own
        if l.ends_with("ing") && gap.contains(',') {
            return false;
        }
        let progressive = l.ends_with("ing") && ["is", "are", "was", "were", "been"].contains(&prev.as_str());
        if gap.trim().is_empty() && !progressive && (CUE_BLOCKERS.contains(&prev.as_str()) || possessive) {
            return false;
        }
    }
    true
}

/// Trims a speaker phrase: drops trailing adverbs/auxiliaries/time words and
/// leading conjunctions. Returns the narrowed range, or None when empty.
fn trim_speaker(text: &str, from: usize, to: usize, times: &[Span]) -> Option<(usize, usize)> {
    let mut ws = words(text, from, to);
    loop {
        let Some(&last) = ws.last() else { return None };
        let l = lower(text, last);
        let in_time = times.iter().any(|t| t.start() <= last.0 && last.1 <= t.end());
        if TRAILING.contains(&l.as_str()) || (l.ends_with("ly") && l.len() > 4 && l != "italy" && l != "family") || in_time {
            ws.pop();
        } else {
            break;
        }
    }
    while let Some(&first) = ws.first() {
        let l = lower(text, first);
        if ["but", "and", "so", "yet", "then", "however", "meanwhile"].contains(&l.as_str()) {
            ws.remove(0);
        } else {
            break;
        }
    }
    let (mut s, mut e) = (ws.first()?.0, ws.last()?.1);
    if ws.len() > 30 {
        return None;
    }
    // a dateline is not part of the speaker: "WASHINGTON -- President Obama"
    for dash in [" -- ", " — ", " – "] {
        if let Some(k) = text[s..e].find(dash) {
            let head = &text[s..s + k];
            if !head.is_empty() && head.chars().all(|c| c.is_uppercase() || c.is_whitespace() || ",.()".contains(c)) {
                s += k + dash.len();
                break;
            }
        }
    }
    // keep a closing parenthesis opened inside: "Sen. Lindsey Graham (R-S.C.)"
    if text[s..e].matches('(').count() > text[s..e].matches(')').count() {
        for close in [")", ".)"] {
            if text[e..].starts_with(close) {
                e += close.len();
                break;
            }
        }
    }
    Some((s, e))
}

/// True when `[from, to)` is only a name: capitalised words, perhaps with a
/// bracketed tag ("Rep. Jim Jordan (R-Ohio)"). What someone said is a clause,
/// never a bare name: before "…, a panel member, said the rules …" the name
/// is the speaker's, set off by an apposition.
fn name_only(text: &str, from: usize, to: usize) -> bool {
    let ws = words(text, from, to);
    let outside: Vec<&(usize, usize)> = ws.iter().filter(|w| text[from..w.0].matches('(').count() == text[from..w.0].matches(')').count()).collect();
    !outside.is_empty() && outside.len() <= 6 && outside.iter().all(|w| text[w.0..w.1].starts_with(char::is_uppercase))
}

fn chunk_is_adverbial(text: &str, s: usize, e: usize) -> bool {
    let ws = words(text, s, e);
    let Some(&first) = ws.first() else { return true };
    let l = lower(text, first);
    ADVERBIAL.contains(&l.as_str()) || l.ends_with("ing") || (l.ends_with("ly") && ws.len() == 1)
}

/// Words after which, inside the chunk right before a cue, the speaker starts
/// ("… that it said", "which the Kremlin said", "though he cautioned").
const CLAUSE_MARKERS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "because", "if", "when", "while", "where",
    "although", "though", "after", "before", "since", "until", "as", "but", "so",
];

/// Finite verbs and modals that cannot be inside a speaker phrase.
const CLAUSE_VERBS: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could", "did",
    "does", "do", "must", "should", "may", "might", "be", "been", "shall",
];

/// True when the phrase looks like a noun phrase (no finite verb, no cue, not too long).
fn np_like(text: &str, r: (usize, usize), max_words: usize) -> bool {
    let ws = words(text, r.0, r.1);
    !ws.is_empty()
        && ws.len() <= max_words
        && ws.iter().all(|w| {
            let l = lower(text, *w);
            !CLAUSE_VERBS.contains(&l.as_str()) && l != "that" && !(CUES.contains(&l) && text[w.0..w.1].starts_with(|c: char| c.is_lowercase()))
        })
}

/// The speaker phrase before a cue: see [`speaker_before_raw`]; a phrase that
/// opens with a preposition ("In a Bloomberg interview Trump") keeps only its
/// final capitalised name.
fn speaker_before(text: &str, clause_start: usize, cue_start: usize, times: &[Span]) -> Option<(usize, usize)> {
    let r = speaker_before_raw(text, clause_start, cue_start, times)?;
    let ws = words(text, r.0, r.1);
    let first = ws.first().map(|w| lower(text, *w)).unwrap_or_default();
    if ["in", "at", "on", "during", "after", "before", "from", "with", "for", "speaking", "following"].contains(&first.as_str()) {
        let k = ws.iter().rposition(|w| !text[w.0..w.1].starts_with(|c: char| c.is_uppercase()))?;
        let w = ws.get(k + 1)?;
        return Some((w.0, r.1));
    }
    Some(r)
}

/// The speaker phrase before a cue at `cue_start`, inside `[clause_start, cue_start)`.
fn speaker_before_raw(text: &str, clause_start: usize, cue_start: usize, times: &[Span]) -> Option<(usize, usize)> {
    let seg = text.get(clause_start..cue_start)?;
    if seg.contains(['"', '“', '”', '\n']) {
        return None;
    }
    // chunks split on ", " / "; " / " — "
    let mut chunks: Vec<(usize, usize)> = Vec::new();
    let mut s = clause_start;
    for (i, c) in seg.char_indices() {
        if c == ',' || c == ';' || c == ':' || c == '—' || c == '–' || c == '(' || c == ')' {
            chunks.push((s, clause_start + i));
            s = clause_start + i + c.len_utf8();
        }
    }
    chunks.push((s, cue_start));
    // the chunk right before the cue, cut after its last clause marker
    if let Some(&(ls, le)) = chunks.last() {
        let ws = words(text, ls, le);
        let cut = ws
            .iter()
            .rposition(|w| CLAUSE_MARKERS.contains(&lower(text, *w).as_str()))
            .map_or(ls, |k| ws[k].1);
        if let Some(r) = trim_speaker(text, cut, le, times) {
            return np_like(text, r, 12).then_some(r);
        }
    }
    // "X, Y, (also) said": walk back over adverbial chunks to a noun phrase,
    // joining an apposition "X, Y"
    let n = chunks.len();
    let mut idx = n - 1;
    let adverbial_phrase = |r: (usize, usize)| chunk_is_adverbial(text, r.0, r.1) && words(text, r.0, r.1).len() >= 2;
    while idx > 0 {
        idx -= 1;
        let (cs, ce) = chunks[idx];
        let Some(r) = trim_speaker(text, cs, ce, times) else { continue };
        if chunk_is_adverbial(text, r.0, r.1) {
            continue;
        }
        // a place after an adverbial phrase continues it ("speaking from Vilnius, Lithuania,")
        if idx > 0 {
            if let Some(p) = trim_speaker(text, chunks[idx - 1].0, chunks[idx - 1].1, times) {
                if adverbial_phrase(p) && words(text, r.0, r.1).len() <= 2 {
                    continue;
                }
                if !chunk_is_adverbial(text, p.0, p.1) && np_like(text, p, 8) && np_like(text, r, 20) {
                    return Some((p.0, r.1));
                }
            }
        }
        return np_like(text, r, 12).then_some(r);
    }
    None
}

/// The speaker phrase after an inverted cue ("said Mr Medinsky, whose …").
fn speaker_after(text: &str, from: usize, limit: usize) -> Option<(usize, usize)> {
    let end = phrase_end(text, from, limit, false);
    let mut r = trim_speaker(text, from, end, &[])?;
    if text[r.1..].starts_with(", ") {
        let after = r.1 + 2;
        let first = words(text, after, limit.min(after + 30)).first().map(|w| lower(text, *w)).unwrap_or_default();
        let first_raw = words(text, after, limit.min(after + 30)).first().map(|w| &text[w.0..w.1]).unwrap_or("");
        let apposition = ["a", "an", "the"].contains(&first.as_str())
            || (first_raw.starts_with(|c: char| c.is_lowercase())
                && !ADVERBIAL.contains(&first.as_str())
                && !["whose"].contains(&first.as_str())
                && !first.ends_with("ing")
                && !CUES.contains(&first));
        if apposition {
            // "said Kenneth Baer, a former official who runs …", "said Joseph, who has four
            // children": the apposition belongs to the source
            let e = phrase_end(text, after, limit, true);
            if let Some(t) = trim_speaker(text, after, e, &[]) {
                r.1 = t.1;
            }
            return Some(r);
        }
        // "said another military blogger, Alexander Kots." — take the name too
        let ws = words(text, after, limit.min(after + 60));
        let mut name: Vec<&(usize, usize)> = Vec::new();
        for w in &ws {
            let glued = name.last().map_or(true, |p| text[p.1..w.0] == *" " || text[p.1..w.0] == *". ");
            if glued && text[w.0..w.1].chars().next().map_or(false, char::is_uppercase) {
                name.push(w);
            } else {
                break;
            }
        }
        if let Some(last) = name.last() {
            let tail = &text[last.1..];
            if tail.starts_with('.') || tail.starts_with(',') || tail.is_empty() {
                r.1 = last.1;
            }
        }
    }
    Some(r)
}

/// Where a speaker phrase starting at `from` ends: at a comma (unless
/// `through_commas`), semicolon, quote mark or sentence end; a period after an
/// abbreviation or initial ("Sen.", "John D.") and a short parenthesis
/// ("(R-S.C.)") do not end it.
fn phrase_end(text: &str, from: usize, limit: usize, through_commas: bool) -> usize {
    let Some(seg) = text.get(from..limit) else { return from };
    let mut skip_to = 0usize;
    for (k, c) in seg.char_indices() {
        if k < skip_to {
            continue;
        }
        match c {
            ';' | '!' | '?' | '\n' | '"' | '“' | '”' => return from + k,
            ',' if !through_commas && !seg[k + 1..].starts_with(|d: char| d.is_ascii_digit()) => return from + k,
            '(' => match seg[k..].find(')') {
                Some(close) if close < 24 => skip_to = k + close + 1,
                _ => return from + k,
            },
            '.' => {
                let before = seg[..k].rsplit(|ch: char| !(ch.is_alphanumeric() || ch == '.' || ch == '-')).next().unwrap_or("");
                let abbrev = crate::time::is_abbreviation(before)
                    || (before.chars().count() == 1 && before.chars().all(char::is_uppercase))
                    || (before.contains('.') && before.chars().all(|ch| ch.is_uppercase() || ch == '.'));
                let glued = seg[k + 1..].starts_with(|ch: char| ch.is_alphanumeric());
                if !(abbrev || glued) {
                    return from + k;
                }
            }
            _ => {}
        }
    }
    limit
}

/// A found attribution: cue and speaker ranges.
#[derive(Clone, Copy, Debug)]
struct Attribution {
    cue: (usize, usize),
    speaker: Option<(usize, usize)>,
}

/// A byline dash after a closing mark: "”― Sonya Herridge", "” — Jane Roe": the
/// name (capitalised words) up to the end of the line is the speaker.
fn dash_attribution(text: &str, close_end: usize) -> Option<Attribution> {
    // only a dash right after the mark starts a byline: look no further than the line
    // needs (a search to the line's end on a one-line body made this quadratic, #17)
    let rest = text.get(close_end..)?;
    if !rest.trim_start().starts_with(['―', '—', '–', '-']) {
        return None;
    }
    let line_end = rest.find('\n').map_or(text.len(), |k| close_end + k);
    let rest = text.get(close_end..line_end)?;
    let t = rest.trim_start();
    let dash = t.chars().next().filter(|c| matches!(c, '―' | '—' | '–' | '-'))?;
    let dash_start = close_end + (rest.len() - t.len());
    let name_start = dash_start + dash.len_utf8();
    let ws = words(text, name_start, line_end);
    if ws.is_empty() || ws.len() > 6 || !ws.iter().all(|w| text[w.0..w.1].starts_with(|c: char| c.is_uppercase())) {
        return None;
    }
    let (s, e) = (ws.first()?.0, ws.last()?.1);
    if !text[e..line_end].trim_matches(|c: char| c.is_whitespace() || c == '.').is_empty() {
        return None;
    }
    Some(Attribution { cue: (dash_start, name_start), speaker: Some((s, e)) })
}

/// Where the words after a closing mark stop being its attribution: at a
/// sentence end, semicolon, line break or quotation mark; the period of a
/// title or initial ("Mr. Podesta said", "John D. Podesta said") or inside a
/// parenthesis ("Rep. John Mica (R-Fla.) said") does not stop it.
fn attribution_stop(text: &str, from: usize, limit: usize) -> usize {
    let Some(seg) = text.get(from..limit) else { return from };
    let mut depth = 0usize;
    for (k, c) in seg.char_indices() {
        match c {
            ';' | '!' | '?' | '\n' | '"' | '“' | '‘' => return from + k,
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            '.' if depth > 0 => {}
            '.' => {
                let before = seg[..k].rsplit(|ch: char| !ch.is_alphanumeric()).next().unwrap_or("");
                let initial = before.chars().count() == 1 && before.chars().all(char::is_uppercase);
                if !(crate::time::is_abbreviation(before) || initial) {
                    return from + k;
                }
            }
            _ => {}
        }
    }
    limit
}

/// Attribution right after a closing mark: ",' Peskov told" / ",' said X".
fn attribution_after(text: &str, close_end: usize, sent_end: usize, times: &[Span]) -> Option<Attribution> {
    let rest = text.get(close_end..sent_end.max(close_end))?;
    let lead = rest.len() - rest.trim_start_matches([',', ' ', '\t']).len();
    if rest.starts_with('.') || rest.starts_with('\n') || lead == 0 && !rest.is_empty() && !rest.starts_with(' ') {
        // quote ends a sentence, or is glued to text
        if !rest.starts_with(',') {
            return None;
        }
    }
    let from = close_end + lead;
    let stop = attribution_stop(text, from, sent_end.max(from));
    let ws = words(text, from, stop);
    for k in 0..ws.len().min(14) {
        if is_cue_at(text, &ws, k) {
            let cue = ws[k];
            if k == 0 {
                let sp = speaker_after(text, cue.1, sent_end.max(cue.1));
                return Some(Attribution { cue, speaker: sp });
            }
            let sp = trim_speaker(text, from, cue.0, times).filter(|r| !text[r.0..r.1].contains(','));
            let sp = sp.or_else(|| speaker_before(text, from, cue.0, times));
            return Some(Attribution { cue, speaker: sp });
        }
        // a comma after a few words ends the search ("…,' he added, …" is found before)
        if k > 0 && text[ws[k - 1].1..ws[k].0].contains(',') && k > 10 {
            break;
        }
    }
    None
}

/// Attribution right before an opening mark: "He said: '…'", "he asserted, \"…\"".
fn attribution_before(text: &str, open_start: usize, sent_start: usize, times: &[Span]) -> Option<Attribution> {
    let seg = text.get(sent_start..open_start)?;
    let t = seg.trim_end();
    let t = t.strip_suffix(':').or_else(|| t.strip_suffix(',')).unwrap_or(t).trim_end();
    let ws = words(text, sent_start, sent_start + t.len());
    let n = ws.len();
    if n == 0 {
        return None;
    }
    // "Caddell continued: '…'", "The Times reports: '…'": any verb right before a colon
    // introduces the quote when a noun phrase precedes it
    let colon = seg.trim_end().ends_with(':');
    if colon && n >= 2 {
        let last = ws[n - 1];
        let l = lower(text, last);
        let verb_like = text[last.0..last.1].starts_with(|c: char| c.is_lowercase())
            && (l.ends_with("ed") || l.ends_with('s') || CUES.contains(&l))
            && !CUE_BLOCKERS.contains(&lower(text, ws[n - 2]).as_str());
        if verb_like {
            if let Some(sp) = speaker_before(text, sent_start, last.0, times) {
                return Some(Attribution { cue: last, speaker: Some(sp) });
            }
        }
    }
    // "Trump tweeted that, '…'", "said via email that, '…'", "says of Clinton, '…'"
    if n >= 3 && (lower(text, ws[n - 1]) == "that" || seg.trim_end().ends_with(',')) {
        for back in 1..4.min(n) {
            let k = n - 1 - back;
            if is_cue_at(text, &ws, k) {
                let between = &ws[k + 1..];
                let plain = between.iter().all(|w| {
                    let lw = lower(text, *w);
                    lw == "that" || ["of", "via", "in", "to", "on", "about", "email", "a", "an", "the", "statement", "interview"].contains(&lw.as_str())
                        || text[w.0..w.1].starts_with(|c: char| c.is_uppercase())
                });
                if plain {
                    let sp = speaker_before(text, sent_start, ws[k].0, times);
                    return Some(Attribution { cue: ws[k], speaker: sp });
                }
            }
        }
    }
    // cue as last word (allow "said in a statement"? keep strict: last or second-to-last word)
    for back in 0..2.min(n) {
        let k = n - 1 - back;
        if is_cue_at(text, &ws, k) {
            // "told reporters:" — the addressee follows the cue
            if back == 1 && !["told", "tells", "asked"].contains(&lower(text, ws[k]).as_str()) {
                continue;
            }
            let sp = speaker_before(text, sent_start, ws[k].0, times);
            return Some(Attribution { cue: ws[k], speaker: sp });
        }
    }
    None
}

/// Reported speech in one sentence: (attribution, content range).
fn reported(text: &str, ss: usize, se: usize, directs: &[(usize, usize, usize, usize)], times: &[Span]) -> Option<(Attribution, (usize, usize))> {
    let inside_direct = |p: usize| direct_at(directs, p).is_some();
    let ws: Vec<(usize, usize)> = words(text, ss, se).into_iter().filter(|w| !inside_direct(w.0)).collect();
    let sentence = &text[ss..se];
    let body_end = ss + sentence.trim_end_matches(['.', '!', '?', ' ', '"', '”', '’', '\'']).len();
    // 0. "PENCE: Well, …" at the head of a line
    if ss == 0 || text[..ss].trim_end_matches([' ', '\t']).ends_with('\n') {
        if let Some(f) = colon_speaker(text, ss, body_end) {
            return Some(f);
        }
    }
    // 1. sentence-final "…, X said." / "…, said X." / "…, X told Reuters."
    let commas: Vec<usize> = text[ss..body_end]
        .match_indices(", ")
        .map(|(k, _)| ss + k)
        .filter(|c| !inside_direct(*c))
        .collect();
    for &comma in commas.iter().rev().take(3) {
        let tail: Vec<(usize, usize)> = ws.iter().copied().filter(|w| w.0 > comma && w.1 <= body_end).collect();
        let Some(k) = (0..tail.len().min(11)).find(|&k| is_cue_at(text, &tail, k)) else { continue };
        let cue = tail[k];
        let after_cue = words(text, cue.1, body_end).len();
        // "…, Michael Roe, a former ambassador, said of RT.": the speaker stands before the cue
        let after_word = words(text, cue.1, body_end).first().map(|w| lower(text, *w)).unwrap_or_default();
        if k == 0 && ["of", "about", "on", "in", "at", "to", "for", "with", "during", "after", "before", "from", "via"].contains(&after_word.as_str()) {
            if let Some(sp) = speaker_before(text, ss, cue.0, times) {
                let c = text[ss..sp.0].trim_end().trim_end_matches(',').trim_end();
                if sp.0 > ss && words(text, ss, ss + c.len()).len() >= 3 && np_like(text, sp, 25) {
                    return Some((Attribution { cue, speaker: Some(sp) }, (ss, ss + c.len())));
                }
            }
            continue;
        }
        let sp = if k == 0 {
            speaker_after(text, cue.1, body_end).filter(|r| {
                let rest = text[r.1..body_end].trim_start();
                np_like(text, *r, 10) && (rest.is_empty() || rest.starts_with(','))
            })
        } else {
            trim_speaker(text, comma + 2, cue.0, times).filter(|r| np_like(text, *r, 10) && after_cue <= 5)
        };
        if sp.is_some() && words(text, ss, comma).len() >= 3 && !name_only(text, ss, comma) {
            return Some((Attribution { cue, speaker: sp }, (ss, comma)));
        }
    }
    // 1b. parenthetical "…, Mr. Clarke said, …": content on both sides
    for pair in commas.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let inner: Vec<(usize, usize)> = ws.iter().copied().filter(|w| w.0 > a && w.1 <= b).collect();
        if inner.len() < 2 || inner.len() > 9 {
            continue;
        }
        let last = inner.len() - 1;
        let (cue, sp) = if is_cue_at(text, &inner, last) {
            (inner[last], trim_speaker(text, a + 2, inner[last].0, times))
        } else if is_cue_at(text, &inner, 0) {
            (inner[0], trim_speaker(text, inner[0].1, b, times))
        } else {
            continue;
        };
        let Some(sp) = sp.filter(|r| np_like(text, *r, 8)) else { continue };
        if words(text, ss, a).is_empty() || words(text, b, body_end).len() < 2 {
            continue;
        }
        return Some((Attribution { cue, speaker: Some(sp) }, (ss, body_end)));
    }
    // 2. "according to X"
    if let Some(m) = ACCORDING_RE.find(&text[ss..se]) {
        let (ms, me) = (ss + m.start(), ss + m.end());
        let cue_before = (0..ws.len()).any(|k| {
            ws[k].1 <= ms
                && is_cue_at(text, &ws, k)
                && ["said", "says", "told", "tells", "argued", "argues", "wrote", "added", "stressed", "insisted"].contains(&lower(text, ws[k]).as_str())
        });
        if !inside_direct(ms) && !cue_before {
            let after_end = text[me..body_end].find([',', ';']).map_or(body_end, |k| me + k);
            let sp = trim_speaker(text, me, after_end, times);
            // "…, according to an analysis by X, a former aide now at Y.": the whole tail
            let tail = words(text, me, body_end).len();
            let sp = if words(text, ss, ms).len() >= 3 && tail <= 25 && !text[me..body_end].contains(';') {
                trim_speaker(text, me, body_end, &[]).or(sp)
            } else {
                sp
            };
            let content = if words(text, ss, ms).len() >= 3 {
                let c = text[ss..ms].trim_end().trim_end_matches(',');
                Some((ss, ss + c.len()))
            } else if after_end < body_end {
                let c = text[after_end..body_end].trim_start_matches([',', ';', ' ']);
                Some((body_end - c.len(), body_end))
            } else {
                None
            };
            if let (Some(sp), Some(c)) = (sp, content) {
                if words(text, sp.0, sp.1).len() <= 25 {
                    return Some((Attribution { cue: (ms, me), speaker: Some(sp) }, c));
                }
            }
        }
    }
    // 2b. "Donald Trump's claim that …"
    if let Some(f) = noun_cue(text, ss, body_end, &inside_direct) {
        return Some(f);
    }
    // 3. "X said (that) …"
    for k in 1..ws.len() {
        if !is_cue_at(text, &ws, k) {
            continue;
        }
        let cue = ws[k];
        // "who has urged": a relative clause, not an attribution
        let rel = ws[k.saturating_sub(3)..k]
            .iter()
            .rev()
            .map(|w| lower(text, *w))
            .skip_while(|l| TRAILING.contains(&l.as_str()))
            .next()
            .is_some_and(|l| l == "who" || l == "which");
        if rel {
            continue;
        }
        let Some(sp) = speaker_before(text, ss, cue.0, times) else { continue };
        if inside_direct(sp.0) {
            return None;
        }
        let verb = lower(text, cue);
        let mut cstart = cue.1;
        let next: Vec<(usize, usize)> = words(text, cue.1, body_end).into_iter().take(9).collect();
        if let Some(p) = next.iter().position(|w| lower(text, *w) == "that") {
            if !text[cue.1..next[p].0].contains(',') {
                cstart = next[p].1;
            }
        } else if ["told", "tells", "asked", "urged", "warned"].contains(&verb.as_str()) {
            // skip the addressee: one word or a capitalised run
            if let Some(first) = next.first() {
                let mut end = first.1;
                for w in next.iter().skip(1) {
                    if text[w.0..w.1].chars().next().map_or(false, char::is_uppercase) && text[end..w.0].trim().is_empty() {
                        end = w.1;
                    } else {
                        break;
                    }
                }
                cstart = end;
            }
        }
        let c = text[cstart..body_end].trim_start_matches([',', ':', ' ']);
        let mut cs = body_end - c.len();
        let mut first = words(text, cs, body_end).first().map(|w| lower(text, *w)).unwrap_or_default();
        // "called for a ceasefire", "called on Moscow to …": the particle is part of the cue
        if verb.starts_with("call") && (first == "for" || first == "on") {
            if let Some(w) = words(text, cs, body_end).first() {
                cs = w.1 + (text[w.1..body_end].len() - text[w.1..body_end].trim_start().len());
                first = words(text, cs, body_end).first().map(|w| lower(text, *w)).unwrap_or_default();
            }
        }
        if ["about", "of", "on", "to", "for", "with", "at", "in", "from", "over", "by"].contains(&first.as_str()) {
            continue; // "complained about …": not reported content
        }
        if words(text, cs, body_end).len() < 3 {
            return None;
        }
        return Some((Attribution { cue, speaker: Some(sp) }, (cs, body_end)));
    }
    None
}

/// Resolves a speaker phrase to (speaker, kb id, affiliation).
fn resolve_speaker(
    text: &str,
    sp: (usize, usize),
    mentions: &MentionIndex,
    sentences: &[(usize, usize)],
    directs: &[(usize, usize, usize, usize)],
    anchor: usize,
) -> (Option<String>, Option<String>, Option<String>) {
    let phrase = text[sp.0..sp.1].to_lowercase();
    if PRONOUNS.contains(&phrase.as_str()) {
        let inside_direct = |p: usize| direct_at(directs, p).is_some();
        // the pronoun's sentence starts where its quote (or clause) does
        let si = sentences.partition_point(|s| s.1 <= anchor.min(sp.0));
        let persons_in = |range: (usize, usize), before: usize| -> Option<&Mention> {
            mentions.near(range.0, range.1, false).iter().find(|m| {
                m.entity_type == EntityType::Person
                    && m.span.start() >= range.0
                    && m.span.end() <= range.1.min(before)
                    && !inside_direct(m.span.start())
            })
        };
        let cur = sentences.get(si).map_or((sp.0.saturating_sub(300), sp.1), |s| (s.0, sp.1));
        // in the previous sentence only its subject counts: a person before its
        // first cue, or among its first words when it has none
        let subject_limit = |r: (usize, usize)| -> usize {
            let ws: Vec<(usize, usize)> = words(text, r.0, r.1).into_iter().filter(|w| !inside_direct(w.0)).collect();
            (0..ws.len())
                .find(|&k| is_cue_at(text, &ws, k))
                .map(|k| ws[k].0)
                .or_else(|| ws.get(8).map(|w| w.0))
                .unwrap_or(r.1)
        };
        let found = persons_in(cur, sp.0).or_else(|| {
            si.checked_sub(1)
                .and_then(|p| sentences.get(p))
                .and_then(|prev| persons_in(*prev, subject_limit(*prev).min(sp.0)))
        });
        return match found {
            Some(m) => (Some(m.canonical.clone()), m.kb_id.clone(), m.country.clone()),
            None => (None, None, None),
        };
    }
    if OTHER_PRONOUNS.contains(&phrase.as_str()) {
        return (None, None, None);
    }
    let near = mentions.near(sp.0, sp.1, true);
    let inside: Vec<&Mention> = near
        .iter()
        .filter(|m| sp.0 <= m.span.start() && m.span.end() <= sp.1)
        .filter(|m| {
            let after = &text[m.span.end()..];
            !(after.starts_with("'s") || after.starts_with("’s") || after.starts_with('\'') && m.span.text(text).ends_with('s'))
        })
        .collect();
    let covering = near.iter().find(|m| m.entity_type == EntityType::Person && m.span.start() <= sp.0 && sp.1 <= m.span.end());
    // a person inside the phrase is the speaker only where a head stands: at its
    // start, at its end, or right after a comma ("X, Russia's lead negotiator");
    // not inside a modifier ("negotiators sent by the Russian president for …")
    let head_position = |m: &Mention| {
        let before = text[sp.0..m.span.start()].trim_end();
        let before = before.strip_suffix("the").or_else(|| before.strip_suffix("The")).unwrap_or(before).trim_end();
        before.is_empty() || before.ends_with(',') || text[m.span.end()..sp.1].trim().is_empty()
    };
    let person = inside.iter().copied().find(|m| m.entity_type == EntityType::Person && head_position(m));
    if let Some(m) = covering.or(person) {
        return (Some(m.canonical.clone()), m.kb_id.clone(), m.country.clone());
    }
    let institution = |m: &&&Mention| matches!(m.entity_type, EntityType::Organization | EntityType::Location);
    if let Some(m) = inside.iter().filter(institution).find(|m| m.span.end() == sp.1) {
        // "the Kremlin said", "Ukraine said" — but not "the Ukrainian delegation"
        let before = text[sp.0..m.span.start()].trim().to_lowercase();
        if before.is_empty() || before == "the" {
            return (Some(m.canonical.clone()), m.kb_id.clone(), m.country.clone().or_else(|| m.kb_id.clone()));
        }
    }
    let affiliation = near
        .iter()
        .filter(|m| sp.0 <= m.span.start() && m.span.end() <= sp.1)
        .find_map(|m| m.country.clone());
    (None, None, affiliation)
}

/// Finds the quotes of a document body.
pub fn find(text: &str, sentences: &[(usize, usize)], mentions: &[Mention], times: &[Span]) -> Vec<Quote> {
    find_with(text, sentences, mentions, times, &direct_spans(text))
}

/// [`find`] with the body's quotation-mark spans already found.
fn find_with(text: &str, sentences: &[(usize, usize)], mentions: &[Mention], times: &[Span], directs: &[Direct]) -> Vec<Quote> {
    let sent_of = |p: usize| -> (usize, usize) {
        let i = sentences.partition_point(|s| s.1 <= p);
        sentences.get(i).copied().filter(|s| s.0 <= p).unwrap_or((p, p))
    };
    let mention_index = MentionIndex::new(mentions);
    let breaks: Vec<usize> = text.match_indices('\n').map(|(k, _)| k).collect();
    let para_of = |p: usize| -> (usize, usize) {
        let i = breaks.partition_point(|&k| k < p);
        let s = i.checked_sub(1).and_then(|j| breaks.get(j)).map_or(0, |k| k + 1);
        let e = breaks.get(i).copied().unwrap_or(text.len());
        (s, e)
    };
    let mut out: Vec<Quote> = Vec::new();
    let mut used_cues: std::collections::HashSet<(usize, usize)> = std::collections::HashSet::new();
    let mut atts: Vec<Attribution> = Vec::new();
    let make = |content: (usize, usize), direct: bool, att: Option<Attribution>, anchor: usize| -> Option<Quote> {
        let span = Span::new(text, content.0, content.1).ok()?;
        let mut q = Quote {
            span,
            direct,
            cue: None,
            cue_span: None,
            speaker_text: None,
            speaker_span: None,
            speaker: None,
            speaker_kb_id: None,
            affiliation: None,
        };
        if let Some(a) = att {
            q.cue = Some(text[a.cue.0..a.cue.1].to_lowercase());
            q.cue_span = Span::new(text, a.cue.0, a.cue.1).ok();
            if let Some(sp) = a.speaker {
                q.speaker_text = Some(text[sp.0..sp.1].to_string());
                q.speaker_span = Span::new(text, sp.0, sp.1).ok();
                let (s, k, aff) = resolve_speaker(text, sp, &mention_index, sentences, directs, anchor);
                q.speaker = s;
                q.speaker_kb_id = k;
                q.affiliation = aff;
            }
        }
        Some(q)
    };
    // reported frames per sentence, computed once
    let mut frames: Vec<Option<(Attribution, (usize, usize))>> =
        sentences.iter().map(|&(ss, se)| reported(text, ss, se, &directs, times)).collect();
    // a second clause after ";" or ", but" / ", while" may report a second speaker
    let mut more_frames: Vec<(Attribution, (usize, usize))> = Vec::new();
    for (i, &(ss, se)) in sentences.iter().enumerate() {
        let Some(seg) = text.get(ss..se) else { continue };
        for (k, sep) in seg.match_indices("; ").chain(seg.match_indices(", but ")).chain(seg.match_indices(", while ")).chain(seg.match_indices(", and ")) {
            let from = ss + k + sep.len();
            if direct_at(directs, from).is_some() {
                continue;
            }
            let Some(f) = reported(text, from, se, &directs, times) else { continue };
            let first = frames.get(i).copied().flatten();
            if first.is_some_and(|(a, _)| a.cue == f.0.cue) {
                continue;
            }
            // the first speaker's words end where the second clause begins
            if let Some(Some((a, c))) = frames.get_mut(i) {
                let cut = ss + k;
                if c.0 < cut && cut < c.1 && a.cue.1 <= cut {
                    c.1 = cut;
                }
            }
            more_frames.push(f);
        }
    }
    let mut prev_direct: Option<(usize, Option<Attribution>, usize)> = None; // (close end, attribution, attribution end)
    for &(os, cs, ce, close_end) in directs {
        let (ps, pe) = para_of(cs.min(text.len()));
        let sent_end = {
            let s = sent_of(close_end.min(text.len().saturating_sub(1)));
            s.1.max(close_end).min(pe.max(close_end))
        };
        let sent_start = {
            let s = sent_of(os);
            s.0.max(ps).min(os)
        };
        // a quote closed by a full stop ends its sentence: what follows is not its attribution
        let closed_sentence = text[cs..ce].trim_end().ends_with('.');
        let mut att = dash_attribution(text, close_end);
        if att.is_none() && !closed_sentence {
            att = attribution_after(text, close_end, pe.min(sent_end.max(close_end) + 200).max(close_end), times)
                .filter(|a| a.cue.0 < pe);
        }
        if att.is_none() {
            att = attribution_before(text, os, sent_start, times);
        }
        // a quote opening its own paragraph after "He said:" on the line before
        if att.is_none() && text[ps..os].trim().is_empty() && ps > 0 {
            let prev_end = text[..ps].trim_end().len();
            if text[..prev_end].ends_with(':') {
                let prev_start = sent_of(prev_end.saturating_sub(1)).0.min(prev_end);
                att = attribution_before(text, prev_end, prev_start, times);
            }
        }
        if att.is_none() {
            let si = sentences.partition_point(|s| s.1 <= os);
            if let Some(Some((a, c))) = frames.get(si) {
                if c.0 <= os + 1 && close_end <= c.1 + 8 {
                    att = Some(*a);
                }
            }
        }
        if att.is_none() {
            if let Some((pend, Some(pa), aend)) = prev_direct {
                let gap = &text[aend.max(pend).min(os)..os];
                let gap_words = words(text, aend.max(pend).min(os), os).len();
                let ends_sentence = gap.trim_end().ends_with(['.', ',', ':']) || gap.trim().is_empty();
                if pend <= os && gap_words <= 3 && ends_sentence && gap.matches('\n').count() <= 2 {
                    att = Some(pa);
                }
            }
        }
        // a quoted transcript line: "WALLACE: Let's start …"
        if att.is_none() {
            att = colon_speaker(text, cs, ce).map(|f| f.0);
        }
        // single-word scare quotes without attribution are not quotes
        let nwords = words(text, cs, ce).len();
        if att.is_none() && nwords < 2 {
            continue;
        }
        if let Some(a) = att {
            used_cues.insert(a.cue);
            atts.push(a);
        }
        let aend = att.map_or(close_end, |a| a.cue.1.max(a.speaker.map_or(0, |s| s.1)));
        prev_direct = Some((close_end, att, aend));
        let content = {
            let c = &text[cs..ce];
            let t = c.trim().trim_end_matches(',');
            let lead = c.len() - c.trim_start().len();
            (cs + lead, cs + lead + t.len())
        };
        if let Some(q) = make(content, true, att, os) {
            out.push(q);
        }
    }
    // reported speech
    for f in frames.iter().flatten().chain(more_frames.iter()) {
        let (a, c) = *f;
        if used_cues.contains(&a.cue) {
            continue;
        }
        let covered = direct_overlap(directs, c);
        if covered * 10 >= (c.1 - c.0) * 6 {
            continue;
        }
        if let Some(q) = make(c, false, Some(a), c.0.min(a.cue.0)) {
            out.push(q);
            atts.push(a);
        }
    }
    // ", adding that …": more reported words of the speaker just attributed
    let mut atts_by_cue = atts.clone();
    atts_by_cue.sort_by_key(|a| a.cue.0);
    for &(ss, se) in sentences {
        let Some(seg) = text.get(ss..se) else { continue };
        for m in PARTICIPLE_RE.captures_iter(seg) {
            let (Some(all), Some(verb)) = (m.get(0), m.get(1)) else { continue };
            let (ms, me) = (ss + all.start(), ss + all.end());
            if direct_at(directs, ms).is_some() {
                continue;
            }
            let (lo, hi) = (atts_by_cue.partition_point(|a| a.cue.0 < ss), atts_by_cue.partition_point(|a| a.cue.0 <= ms));
            let near = atts_by_cue.get(lo..hi.max(lo)).unwrap_or_default();
            let Some(a) = near.iter().filter(|a| a.speaker.is_some() && ss <= a.cue.0 && a.cue.1 <= ms).max_by_key(|a| a.cue.0).copied() else {
                continue;
            };
            let body_end = ss + seg.trim_end_matches(['.', '!', '?', ' ', '"', '”', '’', '\'']).len();
            if me >= body_end || words(text, me, body_end).len() < 3 {
                continue;
            }
            let c = (me, body_end);
            if within_direct(directs, c.0, c.1, 1) {
                continue; // the added words are a direct quote, already attributed
            }
            let cue = (ss + verb.start(), ss + verb.end());
            if let Some(q) = make(c, false, Some(Attribution { cue, speaker: a.speaker }), a.speaker.map_or(ms, |s| s.0.min(ms))) {
                out.push(q);
            }
        }
    }
    out.sort_by_key(|q| q.span);
    carry_pronoun_speakers(text, &mut out);
    out
}

/// A "he"/"she" speaker left unresolved takes the previous quote's named
/// speaker when that quote is at most 600 bytes before it and no other person
/// was quoted in between ("'…,' Peskov said. … 'It will be hard,' he added.").
fn carry_pronoun_speakers(text: &str, quotes: &mut [Quote]) {
    let mut last: Option<(usize, String, Option<String>, Option<String>)> = None;
    for q in quotes.iter_mut() {
        let at = q.speaker_span.map_or(q.span.start(), |s| s.start());
        let pronoun = q.speaker_span.is_some_and(|s| PRONOUNS.contains(&s.text(text).to_lowercase().as_str()));
        if q.speaker.is_some() {
            last = q.speaker.clone().map(|sp| (q.span.end(), sp, q.speaker_kb_id.clone(), q.affiliation.clone()));
        } else if pronoun {
            if let Some((end, sp, kb, aff)) = last.as_ref().filter(|l| at.saturating_sub(l.0) <= 600) {
                q.speaker = Some(sp.clone());
                q.speaker_kb_id = kb.clone();
                q.affiliation = aff.clone();
                last = Some((q.span.end().max(*end), sp.clone(), kb.clone(), aff.clone()));
            }
        } else if q.speaker_span.is_some() {
            last = None;
        }
    }
}

/// Fills `doc.quotes`.
pub fn annotate(doc: &mut Document) {
    let sentences = crate::time::sentence_ranges(doc);
    let times: Vec<Span> = doc.times.iter().map(|t| t.span).collect();
    let directs = direct_spans(doc.body());
    let mut quotes = find_with(doc.body(), &sentences, &doc.mentions, &times, &directs);
    tree_speakers(doc, &sentences, &directs, &mut quotes);
    tree_reported(doc, &sentences, &directs, &mut quotes);
    quotes.retain(|q| q.direct || !verb_speaker(doc, q));
    doc.quotes = quotes;
}

/// True when a quote's speaker is one word the tree tags as a verb ("the
/// company, which faces calls for …" read as "faces calls for"): a verb says
/// nothing; the cue was a noun.
fn verb_speaker(doc: &Document, q: &Quote) -> bool {
    let Some(sp) = q.speaker_span else { return false };
    let t = doc.tokens.partition_point(|tok| tok.span.start() < sp.start());
    let one_word = doc.tokens.get(t).is_some_and(|tok| tok.span == sp);
    one_word && doc.tokens[t].syntax.as_ref().is_some_and(|s| s.upos == chronicle_core::Upos::Verb)
}

/// The speaker phrase the dependency tree gives for a cue word at byte
/// `cue_start`: the whole subtree of the cue verb's subject ("A spokeswoman
/// for Hillary Clinton", "Scheiderman, a Democrat whose office oversees New
/// York charities,"); for a cue in a relative clause ("officials who said"),
/// the noun phrase the clause modifies. `None` when the sentence has no tree,
/// the cue is not a verb, or it has no subject.
fn tree_speaker(doc: &Document, cue_start: usize) -> Option<(usize, usize)> {
    let t = doc.tokens.partition_point(|tok| tok.span.start() < cue_start);
    if doc.tokens.get(t)?.span.start() != cue_start {
        return None;
    }
    let tree = chronicle_syntax::tree::Tree::of_token(doc, t)?;
    if !matches!(tree.upos(t), Some(chronicle_core::Upos::Verb | chronicle_core::Upos::Aux)) {
        return None;
    }
    // a passive cue's speaker is its agent ("was endorsed by dozens of papers")
    let own = if tree.is_passive(t) { tree.agents(t).first().copied() } else { tree.subjects(t).first().copied() };
    let Some(subject) = own.or_else(|| participle_holder(&tree, t)) else { return None };
    let subject = if matches!(tree.lemma(subject), "who" | "that" | "which") && tree.deprel(t) == "acl:relcl" {
        tree.head(t)?
    } else {
        subject
    };
    let span = if subject == tree.head(t).unwrap_or(usize::MAX) {
        tree.phrase(subject)?
    } else {
        let words = speaker_words(&tree, subject);
        let (first, last) = (*words.first()?, *words.last()?);
        Span::new(doc.body(), doc.tokens[first].span.start(), doc.tokens[last].span.end()).ok()?
    };
    Some((span.start(), span.end()))
}

/// Who holds the view of a participle cue with no subject of its own: the
/// subject of the clause it modifies ("McConnell left, citing …" → McConnell)
/// or the noun it modifies ("Republicans advocating NATO enlargement").
fn participle_holder(tree: &chronicle_syntax::tree::Tree, v: usize) -> Option<usize> {
    if tree.xpos(v) != "VBG" {
        return None;
    }
    let head = tree.head(v)?;
    match tree.deprel(v) {
        "advcl" | "xcomp" if tree.upos(head) == Some(chronicle_core::Upos::Verb) && !tree.is_passive(head) => tree.subjects(head).first().copied(),
        // a noun that is a clause's predicate holds nothing: its subject does
        // ("Democrats have been at the forefront of questioning …")
        "acl" if matches!(tree.upos(head), Some(chronicle_core::Upos::Noun | chronicle_core::Upos::Propn | chronicle_core::Upos::Pron)) => {
            tree.subjects(head).first().copied().or(Some(head))
        }
        _ => None,
    }
}

/// The words of the speaker phrase headed by `subject`: its subtree less its
/// case marker (the agent's "by"), a time hung on it after it ("Sanders on
/// Tuesday"), a participle or adverbial clause set off by a comma ("President
/// Obama, dedicating the museum,") and edge punctuation.
/// Appositions and relative clauses stay, as PolNeAR's annotators mostly mark
/// sources ("Michael Mulgrew, president of the union,"; "an official with the
/// board that oversees them"; "Luis Rubio, who heads the center").
fn speaker_words(tree: &chronicle_syntax::tree::Tree, subject: usize) -> Vec<usize> {
    let comma_before = |c: usize| {
        let first = tree.subtree(c).first().copied();
        first.is_some_and(|f| tree.word(f) == "," || f.checked_sub(1).is_some_and(|p| tree.word(p) == ","))
    };
    let mut drop: Vec<usize> = tree.children_with(subject, "case");
    // a time the parser hung on the speaker is no part of it ("Sanders on Tuesday said")
    for c in tree.children(subject) {
        if c > subject && tree.in_time(c) {
            drop.extend(tree.subtree(c));
        }
    }
    for c in tree.subtree(subject) {
        let set_off = c == subject || !drop.contains(&c);
        if set_off && c != subject && matches!(tree.base_rel(c), "acl" | "advcl" | "parataxis") && tree.deprel(c) != "acl:relcl" && comma_before(c) {
            drop.extend(tree.subtree(c));
        }
    }
    let mut words: Vec<usize> = tree.subtree(subject).into_iter().filter(|w| !drop.contains(w)).collect();
    let is_punct = |w: &usize| tree.upos(*w) == Some(chronicle_core::Upos::Punct) && !matches!(tree.word(*w), ")" | ".)");
    while words.last().is_some_and(is_punct) {
        words.pop();
    }
    while words.first().is_some_and(is_punct) {
        words.remove(0);
    }
    words
}

/// Reported speech and stance the surface rules missed, read from the tree:
/// a cue verb — listed in `data/quote/cues.txt` (a that-only cue such as
/// "found" only with "that") or taken for a cue by [`crate::cue_model`] — with
/// someone who holds the view gives an indirect quote over what it reports
/// ([`tree_content`]): "Officials in Kyiv warned that the talks could fail",
/// "Clinton supporters have questioned the health of Donald Trump", "Trump
/// apologized for his past statements", and in the passive "was endorsed by
/// dozens of papers" (the agent holds the view). A quote whose words overlap a
/// quote already found is not added twice.
fn tree_reported(doc: &Document, sentences: &[(usize, usize)], directs: &[Direct], quotes: &mut Vec<Quote>) {
    let text = doc.body();
    let mentions = MentionIndex::new(&doc.mentions);
    let mut used: Vec<usize> = quotes.iter().filter_map(|q| q.cue_span.map(|c| c.start())).collect();
    used.sort_unstable();
    let mut added = Vec::new();
    for tree in chronicle_syntax::tree::Tree::sentences(doc) {
        if !tree.is_parsed() {
            continue;
        }
        for v in tree.tokens() {
            if !is_tree_cue(&tree, v) {
                continue;
            }
            let Some((cs, ce)) = tree_content(doc, &tree, v) else { continue };
            let cue = doc.tokens[v].span;
            let i = used.partition_point(|&u| u < cue.start());
            let cue_used = used.get(i).is_some_and(|&u| u < cue.end());
            if cue_used || within_direct(directs, cs, ce, 0) {
                continue;
            }
            let Some(speaker) = tree_speaker(doc, cue.start()).filter(|sp| sp.1 <= cs || ce <= sp.0) else { continue };
            // the same speaker's words already reported under another cue
            // (quotes are sorted by start; one sentence's worth before it is enough)
            let (lo, hi) = (quotes.partition_point(|q| q.span.start() + SENTENCE_REACH < cs), quotes.partition_point(|q| q.span.start() < ce));
            let near = quotes.get(lo..hi.max(lo)).unwrap_or_default();
            let again = near.iter().any(|q| q.span.end() > cs && q.speaker_span.is_some_and(|s| (s.start(), s.end()) == speaker));
            if again {
                continue;
            }
            let Ok(span) = Span::new(text, cs, ce) else { continue };
            let mut q = Quote {
                span,
                direct: false,
                cue: Some(tree.word(v).to_lowercase()),
                cue_span: Some(cue),
                speaker_text: None,
                speaker_span: None,
                speaker: None,
                speaker_kb_id: None,
                affiliation: None,
            };
            set_speaker(&mut q, text, speaker, (&mentions, sentences, directs), cs.min(speaker.0));
            added.push(q);
        }
    }
    quotes.extend(added);
    quotes.sort_by_key(|q| q.span);
}

/// How far before a reported clause a quote of the same speaker may start and
/// still overlap it (bytes): a long sentence.
const SENTENCE_REACH: usize = 2000;

/// True when verb `v` is an attribution cue: a listed cue word (a that-only
/// cue with a "that" clause), else a verb the learned model takes for one.
fn is_tree_cue(tree: &chronicle_syntax::tree::Tree, v: usize) -> bool {
    if !matches!(tree.upos(v), Some(chronicle_core::Upos::Verb)) {
        return false;
    }
    let word = tree.word(v).to_lowercase();
    let that_clause = || tree.complement(v).is_some_and(|c| tree.children_with(c, "mark").iter().any(|&m| tree.lemma(m) == "that"));
    if CUES.contains(&word) && (!THAT_CUES.contains(&word) || that_clause()) {
        return true;
    }
    crate::cue_model::is_cue(tree, v)
}

/// What cue verb `v` reports, as a byte range: its dependents after it
/// (clause, infinitive, object, prepositional phrase, adverbial clause) but
/// not its subject, coordinated verbs or a parenthetical; for a passive cue
/// ("was endorsed by X") its passive subject. `None` when nothing is left.
fn tree_content(doc: &Document, tree: &chronicle_syntax::tree::Tree, v: usize) -> Option<(usize, usize)> {
    let keep = |c: usize| !matches!(tree.base_rel(c), "punct" | "conj" | "cc" | "parataxis" | "nsubj" | "csubj" | "aux" | "cop" | "mark" | "advmod" | "discourse" | "vocative" | "expl" | "dep");
    let after: Vec<usize> = tree.children(v).into_iter().filter(|&c| c > v && keep(c) && tree.deprel(c) != "obl:agent").collect();
    let heads = if tree.is_passive(v) && after.iter().all(|&c| matches!(tree.case_of(c), Some("by"))) {
        tree.children_with(v, "nsubj:pass")
    } else {
        after
    };
    let first = *tree.subtree(*heads.first()?).first()?;
    let last = *tree.subtree(*heads.last()?).last()?;
    Some((doc.tokens.get(first)?.span.start(), doc.tokens.get(last)?.span.end()))
}

/// Widens each quote's surface-rule speaker phrase to the one its cue's
/// dependency tree gives (see [`tree_speaker`]) when that phrase holds the
/// surface one (or there was none), and resolves it again. A tree speaker that
/// overlaps the quote's own words is ignored.
fn tree_speakers(doc: &Document, sentences: &[(usize, usize)], directs: &[Direct], quotes: &mut [Quote]) {
    let text = doc.body();
    let mentions = MentionIndex::new(&doc.mentions);
    for q in quotes.iter_mut() {
        let Some(cue) = q.cue_span else { continue };
        let Some(sp) = tree_speaker(doc, cue.start()) else { continue };
        let content = (q.span.start(), q.span.end());
        if sp.0 < content.1 && content.0 < sp.1 || within_direct(directs, sp.0, sp.1, 0) {
            continue;
        }
        // the tree may only widen the surface phrase (appositions, relative
        // clauses, "for …" complements): where the two disagree outright, the
        // parse is the likelier one to be wrong (datelines, long names)
        if q.speaker_span.is_some_and(|old| !(sp.0 <= old.start() && old.end() <= sp.1 || narrows(text, old, sp))) {
            continue;
        }
        set_speaker(q, text, sp, (&mentions, sentences, directs), content.0.min(sp.0));
    }
}

/// True when the tree's speaker phrase `sp` is the surface phrase `old` less
/// what only the surface rules took in: a clause set off by a comma after it
/// ("Mr. Kamin, who emphasized …"), or a dateline or a conjunction before it
/// ("WASHINGTON -- President Obama", "as Mr. Bown").
fn narrows(text: &str, old: Span, sp: (usize, usize)) -> bool {
    if !(old.start() <= sp.0 && sp.1 <= old.end()) || (old.start(), old.end()) == sp {
        return false;
    }
    let (Some(head), Some(tail)) = (text.get(old.start()..sp.0), text.get(sp.1..old.end())) else { return false };
    let (head, tail) = (head.trim(), tail.trim());
    let tail_ok = tail.is_empty() || tail.starts_with(',');
    let head_ok = head.is_empty() || head.ends_with([',', '-', '—', '–']) || (words(head, 0, head.len()).len() == 1 && head.starts_with(char::is_lowercase));
    tail_ok && head_ok
}

/// Makes the phrase at `sp` the quote's speaker and resolves it; a range that is
/// not on character boundaries changes nothing.
fn set_speaker(q: &mut Quote, text: &str, sp: (usize, usize), (mentions, sentences, directs): (&MentionIndex, &[(usize, usize)], &[(usize, usize, usize, usize)]), from: usize) {
    let (Some(phrase), Ok(span)) = (text.get(sp.0..sp.1), Span::new(text, sp.0, sp.1)) else { return };
    q.speaker_text = Some(phrase.to_string());
    q.speaker_span = Some(span);
    let (speaker, kb, aff) = resolve_speaker(text, sp, mentions, sentences, directs, from);
    q.speaker = speaker;
    q.speaker_kb_id = kb;
    q.affiliation = aff;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_marks_pair_as_the_scan_did() {
        // the scan `pair_singles` replaced, kept here as the reference
        fn scan(singles: &[(usize, usize, Mark)], para_end: impl Fn(usize) -> usize) -> Vec<(usize, usize)> {
            let mut out = Vec::new();
            let mut k = 0;
            while k < singles.len() {
                let (_, oe, m) = singles[k];
                if m != Mark::OpenSingle {
                    k += 1;
                    continue;
                }
                let pe = para_end(oe);
                let (mut close, mut first_maybe) = (None, None);
                let mut j = k + 1;
                while j < singles.len() && singles[j].0 < pe {
                    match singles[j].2 {
                        Mark::CloseSingle => {
                            close = Some(j);
                            break;
                        }
                        Mark::MaybeCloseSingle => {
                            first_maybe.get_or_insert(j);
                        }
                        Mark::OpenSingle if first_maybe.is_some() => break,
                        _ => {}
                    }
                    j += 1;
                }
                match close.or(first_maybe) {
                    Some(cj) => {
                        out.push((k, cj));
                        k = cj + 1;
                    }
                    None => k += 1,
                }
            }
            out
        }
        let mut seed = 0x2545_f491_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let kinds = [Mark::OpenSingle, Mark::CloseSingle, Mark::MaybeCloseSingle];
        for _ in 0..500 {
            let len = next(14) as usize;
            let singles: Vec<(usize, usize, Mark)> = (0..len).map(|i| (i * 10, i * 10 + 1, kinds[next(3) as usize])).collect();
            let breaks: Vec<usize> = (0..len * 10).filter(|_| next(12) == 0).collect();
            let para_end = |oe: usize| breaks.iter().copied().find(|&b| b >= oe).unwrap_or(len * 10 + 5);
            assert_eq!(pair_singles(&singles, para_end), scan(&singles, para_end), "{singles:?} {breaks:?}");
        }
        // a line of opening marks with nothing to close them: linear now
        let text = "'a ".repeat(200_000);
        assert!(direct_spans(&text).is_empty());
    }

    use chronicle_syntax::fixture::parsed;

    #[test]
    fn reported_speech_from_the_tree() {
        use chronicle_core::Upos::*;
        let words = ["Officials", "in", "Kyiv", "warned", "that", "the", "talks", "could", "fail", "."];
        let d = parsed(
            &words,
            &[(4, "nsubj", Noun), (3, "case", Adp), (1, "nmod", Propn), (0, "root", Verb), (9, "mark", Sconj), (7, "det", Det), (9, "nsubj", Noun), (9, "aux", Aux), (4, "ccomp", Verb), (4, "punct", Punct)],
        );
        let mut quotes = Vec::new();
        tree_reported(&d, &[(0, d.body().len())], &direct_spans(d.body()), &mut quotes);
        assert_eq!(quotes.len(), 1);
        let q = &quotes[0];
        assert_eq!(q.span.text(d.body()), "that the talks could fail");
        assert_eq!(q.speaker_text.as_deref(), Some("Officials in Kyiv"));
        assert_eq!(q.cue.as_deref(), Some("warned"));
        assert!(!q.direct);
        // a cue a quote already uses is not read twice
        tree_reported(&d, &[(0, d.body().len())], &direct_spans(d.body()), &mut quotes);
        assert_eq!(quotes.len(), 1);
        // nor are words the same speaker was found saying under another cue
        let mut other = vec![Quote { cue: None, cue_span: None, ..quotes[0].clone() }];
        tree_reported(&d, &[(0, d.body().len())], &direct_spans(d.body()), &mut other);
        assert_eq!(other.len(), 1);
        other[0].speaker_span = Span::new(d.body(), 0, 3).ok();
        tree_reported(&d, &[(0, d.body().len())], &direct_spans(d.body()), &mut other);
        assert_eq!(other.len(), 2, "another speaker's words are no repeat");
    }

    #[test]
    fn a_title_period_does_not_end_the_attribution_after_a_quote() {
        let text = "\"It will be first-order business,\" Mr. Podesta said. \"We start now,\" Dr. J. Ruiz (R-Fla.) added.";
        let quotes = run(text, &[]);
        assert_eq!(q(text, &quotes, "first-order").speaker_text.as_deref(), Some("Mr. Podesta"));
        assert_eq!(q(text, &quotes, "start now").speaker_text.as_deref(), Some("Dr. J. Ruiz (R-Fla.)"));
        assert_eq!(attribution_stop(text, 0, text.len()), 0, "a quotation mark stops it");
    }

    #[test]
    fn a_participle_cue_is_held_by_the_subject_of_its_clause() {
        use chronicle_core::Upos::*;
        let words = ["McConnell", "objected", ",", "citing", "the", "costs", "."];
        let mut d = parsed(&words, &[(2, "nsubj", Propn), (0, "root", Verb), (4, "punct", Punct), (2, "advcl", Verb), (6, "det", Det), (4, "obj", Noun), (2, "punct", Punct)]);
        if let Some(s) = d.tokens[3].syntax.as_mut() {
            s.xpos = "VBG".into();
        }
        let at = d.body().find("citing").unwrap();
        let sp = tree_speaker(&d, at).unwrap();
        assert_eq!(&d.body()[sp.0..sp.1], "McConnell");
        // a finite verb after the comma with no subject of its own is a predicate
        // coordinated with the one before ("McConnell objected, cited the costs")
        if let Some(s) = d.tokens[3].syntax.as_mut() {
            s.xpos = "VBD".into();
        }
        let sp = tree_speaker(&d, at).unwrap();
        assert_eq!(&d.body()[sp.0..sp.1], "McConnell");
        // a present participle with a subject of its own is held by that subject, not the clause's
        let words = ["McConnell", "objected", ",", "aides", "citing", "the", "costs", "."];
        let mut d = parsed(&words, &[(2, "nsubj", Propn), (0, "root", Verb), (5, "punct", Punct), (5, "nsubj", Noun), (2, "advcl", Verb), (7, "det", Det), (5, "obj", Noun), (2, "punct", Punct)]);
        if let Some(s) = d.tokens[4].syntax.as_mut() {
            s.xpos = "VBG".into();
        }
        let sp = tree_speaker(&d, d.body().find("citing").unwrap()).unwrap();
        assert_eq!(&d.body()[sp.0..sp.1], "aides");
    }

    #[test]
    fn a_cue_reports_its_object_phrase_and_a_passive_cue_its_subject() {
        use chronicle_core::Upos::*;
        let d = parsed(&["Republicans", "said", "the", "same", "thing", "."], &[(2, "nsubj", Noun), (0, "root", Verb), (5, "det", Det), (5, "amod", Adj), (2, "obj", Noun), (2, "punct", Punct)]);
        let mut quotes = Vec::new();
        tree_reported(&d, &[(0, d.body().len())], &direct_spans(d.body()), &mut quotes);
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].span.text(d.body()), "the same thing");
        assert_eq!(quotes[0].speaker_text.as_deref(), Some("Republicans"));
        // "Clinton was endorsed by the papers": what is endorsed is the subject
        let p = parsed(
            &["Clinton", "was", "endorsed", "by", "the", "papers", "."],
            &[(3, "nsubj:pass", Propn), (3, "aux:pass", Aux), (0, "root", Verb), (6, "case", Adp), (6, "det", Det), (3, "obl:agent", Noun), (3, "punct", Punct)],
        );
        let tree = &chronicle_syntax::tree::Tree::sentences(&p)[0];
        let c = tree_content(&p, tree, 2).unwrap();
        assert_eq!(&p.body()[c.0..c.1], "Clinton");
        // an intransitive verb with nothing after it reports nothing
        let i = parsed(&["Trump", "said", "."], &[(2, "nsubj", Propn), (0, "root", Verb), (2, "punct", Punct)]);
        assert_eq!(tree_content(&i, &chronicle_syntax::tree::Tree::sentences(&i)[0], 1), None);
    }

    #[test]
    fn tree_widens_a_speaker_to_its_apposition_but_never_replaces_it() {
        use chronicle_core::Upos::*;
        let words = ["Derek", "Mitchell", ",", "a", "former", "envoy", ",", "said", "talks", "failed", "."];
        let d = parsed(
            &words,
            &[(8, "nsubj", Propn), (1, "flat", Propn), (6, "punct", Punct), (6, "det", Det), (6, "amod", Adj), (1, "appos", Noun), (6, "punct", Punct), (0, "root", Verb), (10, "nsubj", Noun), (8, "ccomp", Verb), (8, "punct", Punct)],
        );
        let body = d.body();
        let at = |w: &str| body.find(w).unwrap();
        let quote = |speaker: (usize, usize)| Quote {
            span: Span::new(body, at("talks"), at(" .")).unwrap(),
            direct: false,
            cue: Some("said".into()),
            cue_span: Span::new(body, at("said"), at("said") + 4).ok(),
            speaker_text: None,
            speaker_span: Span::new(body, speaker.0, speaker.1).ok(),
            speaker: None,
            speaker_kb_id: None,
            affiliation: None,
        };
        let mut quotes = vec![quote((0, at(" ,")))];
        tree_speakers(&d, &[(0, body.len())], &direct_spans(body), &mut quotes);
        assert_eq!(quotes[0].speaker_span.unwrap().text(body), "Derek Mitchell , a former envoy", "edge punctuation is no part of it");
        // a surface speaker the tree's phrase does not hold stays as it was
        let mut other = vec![quote((at("envoy"), at("envoy") + 5))];
        other[0].speaker_span = Span::new(body, at("talks"), at("talks") + 5).ok();
        tree_speakers(&d, &[(0, body.len())], &direct_spans(body), &mut other);
        assert_eq!(other[0].speaker_span.unwrap().text(body), "talks");
    }
    use chronicle_core::MentionSource;

    fn mention(text: &str, s: &str, t: EntityType, canonical: &str, country: Option<&str>) -> Mention {
        let start = text.find(s).unwrap();
        Mention {
            span: Span::new(text, start, start + s.len()).unwrap(),
            entity_type: t,
            canonical: canonical.into(),
            kb_id: None,
            country: country.map(String::from),
            sector: None,
            source: MentionSource::Tagger,
        }
    }

    fn run(text: &str, mentions: &[Mention]) -> Vec<Quote> {
        let s = crate::time::split_sentences(text);
        find(text, &s, mentions, &[])
    }

    fn q<'a>(text: &'a str, quotes: &'a [Quote], containing: &str) -> &'a Quote {
        quotes
            .iter()
            .find(|x| x.span.text(text).contains(containing))
            .unwrap_or_else(|| panic!("no quote with {containing:?} in {quotes:?}"))
    }

    #[test]
    fn interrupted_by_cue_and_pronoun() {
        let t = "\"No one expects an easy road,\" Kremlin spokesman Dmitry Peskov told reporters when asked.\n\"It will be very difficult,\" he added.";
        let m = vec![mention(t, "Dmitry Peskov", EntityType::Person, "Dmitry Peskov", Some("RUS"))];
        let qs = run(t, &m);
        let a = q(t, &qs, "No one expects");
        assert_eq!(a.span.text(t), "No one expects an easy road");
        assert!(a.direct);
        assert_eq!(a.cue.as_deref(), Some("told"));
        assert_eq!(a.speaker_text.as_deref(), Some("Kremlin spokesman Dmitry Peskov"));
        assert_eq!(a.speaker.as_deref(), Some("Dmitry Peskov"));
        let b = q(t, &qs, "very difficult");
        assert_eq!(b.cue.as_deref(), Some("added"));
        assert_eq!(b.speaker_text.as_deref(), Some("he"));
        assert_eq!(b.speaker.as_deref(), Some("Dmitry Peskov"));
    }

    #[test]
    fn anonymous_source_with_affiliation_not_outlet() {
        let t = "\"Everything will depend on Russia,\" a source in the Ukrainian delegation told AFP.";
        let m = vec![
            mention(t, "Ukrainian", EntityType::Group, "Ukrainians", Some("UKR")),
            mention(t, "AFP", EntityType::Organization, "AFP", None),
        ];
        let qs = run(t, &m);
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].speaker, None);
        assert_eq!(qs[0].speaker_text.as_deref(), Some("a source in the Ukrainian delegation"));
        assert_eq!(qs[0].affiliation.as_deref(), Some("UKR"));
    }

    #[test]
    fn curly_single_quotes_and_apostrophes() {
        let t = "‘We don’t want war, but Russia’s army is ready,’ said Mr Medinsky, whose role is historical.";
        let m = vec![mention(t, "Mr Medinsky", EntityType::Person, "Vladimir Medinsky", Some("RUS"))];
        let qs = run(t, &m);
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].span.text(t), "We don’t want war, but Russia’s army is ready");
        assert_eq!(qs[0].cue.as_deref(), Some("said"));
        assert_eq!(qs[0].speaker_text.as_deref(), Some("Mr Medinsky"));
        assert_eq!(qs[0].speaker.as_deref(), Some("Vladimir Medinsky"));
    }

    #[test]
    fn straight_single_quotes_with_possessives() {
        let t = "'We agreed to return soldiers' bodies and Ukraine's prisoners,' Umerov said.";
        let qs = run(t, &[]);
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].span.text(t), "We agreed to return soldiers' bodies and Ukraine's prisoners");
        assert_eq!(qs[0].speaker_text.as_deref(), Some("Umerov"));
        assert_eq!(qs[0].speaker, None, "no mention layer: never guessed");
    }

    #[test]
    fn cue_before_with_colon_and_multi_sentence() {
        let t = "He said: 'The swap is a good thing. But we need pressure on Putin.'";
        let qs = run(t, &[]);
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].span.text(t), "The swap is a good thing. But we need pressure on Putin.");
        assert_eq!(qs[0].cue.as_deref(), Some("said"));
        assert_eq!(qs[0].speaker_text.as_deref(), Some("He"));
    }

    #[test]
    fn reported_speech_frames() {
        let t = "Ukraine said the priority was to implement a full ceasefire. Russia fired 71 drones at four regions, said the Ukrainian air force. Russia's invasion has claimed over 12,000 lives, according to the United Nations.";
        let m = vec![
            mention(t, "Ukraine", EntityType::Location, "Ukraine", Some("UKR")),
            mention(t, "United Nations", EntityType::Organization, "United Nations", None),
        ];
        let qs = run(t, &m);
        let a = q(t, &qs, "the priority");
        assert!(!a.direct);
        assert_eq!(a.span.text(t), "the priority was to implement a full ceasefire");
        assert_eq!(a.speaker.as_deref(), Some("Ukraine"));
        let b = q(t, &qs, "71 drones");
        assert_eq!(b.speaker_text.as_deref(), Some("the Ukrainian air force"));
        assert_eq!(b.span.text(t), "Russia fired 71 drones at four regions");
        let c = q(t, &qs, "12,000");
        assert_eq!(c.cue.as_deref(), Some("according to"));
        assert_eq!(c.speaker_text.as_deref(), Some("the United Nations"));
    }

    #[test]
    fn apposition_speaker() {
        let t = "Vladimir Medinsky, Russia's lead negotiator, also told Kyiv that Moscow could fight for years.";
        let m = vec![mention(t, "Vladimir Medinsky", EntityType::Person, "Vladimir Medinsky", Some("RUS"))];
        let qs = run(t, &m);
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].speaker_text.as_deref(), Some("Vladimir Medinsky, Russia's lead negotiator"));
        assert_eq!(qs[0].speaker.as_deref(), Some("Vladimir Medinsky"));
        assert_eq!(qs[0].span.text(t), "Moscow could fight for years");
    }

    #[test]
    fn adding_that_continues_the_speaker() {
        let t = "'Russia's plan is to intimidate us,' Zelenskyy said, adding that Moscow seeks to launch 1,000 drones a day.";
        let m = vec![mention(t, "Zelenskyy", EntityType::Person, "Volodymyr Zelenskyy", Some("UKR"))];
        let qs = run(t, &m);
        let added = q(t, &qs, "Moscow seeks");
        assert!(!added.direct);
        assert_eq!(added.cue.as_deref(), Some("adding"));
        assert_eq!(added.span.text(t), "Moscow seeks to launch 1,000 drones a day");
        assert_eq!(added.speaker.as_deref(), Some("Volodymyr Zelenskyy"));
    }

    #[test]
    fn person_in_a_modifier_is_not_the_speaker() {
        let t = "Negotiators sent by the Russian president for the talks said they expected a withdrawal as a 'minimum'.";
        let m = vec![mention(t, "the Russian president", EntityType::Person, "Vladimir Putin", Some("RUS"))];
        let qs = run(t, &m);
        let a = q(t, &qs, "minimum");
        assert_eq!(a.speaker, None);
        assert_eq!(a.affiliation.as_deref(), Some("RUS"));
    }

    #[test]
    fn possessive_role_is_not_the_person() {
        let t = "'A summit must be set up,' Putin's spokesman said.";
        let m = vec![mention(t, "Putin", EntityType::Person, "Vladimir Putin", Some("RUS"))];
        let qs = run(t, &m);
        assert_eq!(qs[0].speaker_text.as_deref(), Some("Putin's spokesman"));
        assert_eq!(qs[0].speaker, None);
        assert_eq!(qs[0].affiliation.as_deref(), Some("RUS"));
    }

    #[test]
    fn pronoun_prefers_subject_of_previous_sentence() {
        let t = "Earlier, Ursula von der Leyen vowed to keep pressure on Putin. 'We want peace and we have to increase the pressure,' she said.";
        let m = vec![
            mention(t, "Ursula von der Leyen", EntityType::Person, "Ursula von der Leyen", None),
            mention(t, "Putin", EntityType::Person, "Vladimir Putin", Some("RUS")),
        ];
        let qs = run(t, &m);
        let a = q(t, &qs, "We want peace");
        assert_eq!(a.speaker.as_deref(), Some("Ursula von der Leyen"));
    }

    #[test]
    fn a_pronoun_speaker_carries_the_previous_named_speaker() {
        let t = "'We are ready,' Dmitry Peskov told reporters on the plane. The talks went on into the night in the old palace. 'It will be very hard work,' he added later.";
        let m = vec![mention(t, "Dmitry Peskov", EntityType::Person, "Dmitry Peskov", Some("RUS"))];
        let qs = run(t, &m);
        let b = q(t, &qs, "very hard");
        assert_eq!(b.speaker_text.as_deref(), Some("he"));
        assert_eq!(b.speaker.as_deref(), Some("Dmitry Peskov"));
    }

    #[test]
    fn a_preposition_after_an_inverted_cue_sends_the_speaker_back() {
        let t = "The channel is a tool of the state, Jane Roe, a former ambassador to Russia, said of the network.";
        let qs = run(t, &[]);
        let a = q(t, &qs, "a tool of the state");
        assert_eq!(a.speaker_text.as_deref(), Some("Jane Roe, a former ambassador to Russia"));
        let t = "WASHINGTON -- President Jane Roe said the budget would pass this week.";
        let qs = run(t, &[]);
        assert_eq!(qs[0].speaker_text.as_deref(), Some("President Jane Roe"));
    }

    #[test]
    fn a_byline_dash_names_the_speaker() {
        let t = "“We were never asked about the plan at all.” ― Maria Lopez\nNext line.";
        let qs = run(t, &[]);
        assert_eq!(qs[0].speaker_text.as_deref(), Some("Maria Lopez"));
    }

    #[test]
    fn quotes_after_a_colon_or_that_comma() {
        let t = "The mayor continued: \"We will rebuild the bridge by winter.\"";
        let qs = run(t, &[]);
        assert_eq!(q(t, &qs, "rebuild").speaker_text.as_deref(), Some("The mayor"));
        let t = "The mayor tweeted that, \"We will rebuild the bridge by winter.\"";
        let qs = run(t, &[]);
        assert_eq!(q(t, &qs, "rebuild").speaker_text.as_deref(), Some("The mayor"));
        let t = "The mayor said:\n\"We will rebuild the bridge by winter.\"";
        let qs = run(t, &[]);
        assert_eq!(q(t, &qs, "rebuild").speaker_text.as_deref(), Some("The mayor"));
    }

    #[test]
    fn a_second_clause_may_report_a_second_speaker() {
        let t = "The mayor said the bridge would reopen in May; the governor said the money had run out.";
        let qs = run(t, &[]);
        assert_eq!(q(t, &qs, "bridge would reopen").speaker_text.as_deref(), Some("The mayor"));
        assert_eq!(q(t, &qs, "money had run out").speaker_text.as_deref(), Some("the governor"));
    }

    #[test]
    fn in_a_statement_the_speaker_follows() {
        let t = "In a statement, the defence ministry said the strikes hit only military targets.";
        let qs = run(t, &[]);
        let a = q(t, &qs, "the strikes hit");
        assert_eq!(a.speaker_text.as_deref(), Some("the defence ministry"));
        let t = "The strikes hit only military targets, the defence ministry said in a statement.";
        let qs = run(t, &[]);
        assert_eq!(q(t, &qs, "strikes hit").speaker_text.as_deref(), Some("the defence ministry"));
    }

    #[test]
    fn called_for_reports_what_was_called_for() {
        let t = "The senator called for an immediate halt to the arms sales.";
        let qs = run(t, &[]);
        let a = q(t, &qs, "immediate halt");
        assert_eq!(a.speaker_text.as_deref(), Some("The senator"));
        assert_eq!(a.span.text(t), "an immediate halt to the arms sales");
    }

    #[test]
    fn colon_speaker_heads_a_transcript_line() {
        let t = "Partial transcript follows.\nHARRIS: We never agreed to those terms at all.\nUpdate: The meeting ended late.";
        let qs = run(t, &[]);
        let a = q(t, &qs, "We never agreed");
        assert_eq!(a.speaker_text.as_deref(), Some("HARRIS"));
        assert_eq!(a.cue.as_deref(), Some(":"));
        assert!(qs.iter().all(|x| x.speaker_text.as_deref() != Some("Update")), "a label is not a speaker");
    }

    #[test]
    fn possessor_of_a_statement_noun_is_the_source() {
        let t = "Senator Jane Roe's claim that the budget was cut twice went unanswered.";
        let qs = run(t, &[]);
        let a = q(t, &qs, "the budget was cut");
        assert_eq!(a.speaker_text.as_deref(), Some("Senator Jane Roe's"));
        assert_eq!(a.cue.as_deref(), Some("claim"));
    }

    #[test]
    fn progressive_and_stance_verbs_are_cues() {
        let t = "The mayor is demanding that the council reopen the bridge before winter.";
        let qs = run(t, &[]);
        let a = q(t, &qs, "the council reopen");
        assert_eq!(a.speaker_text.as_deref(), Some("The mayor"));
        assert_eq!(a.cue.as_deref(), Some("demanding"));
        // ", arguing that …" is not a speaker of its own
        let t = "The mayor spoke in Tulsa, Oklahoma, arguing that the bridge must reopen soon.";
        let qs = run(t, &[]);
        assert!(qs.iter().all(|x| x.speaker_text.as_deref() != Some("Oklahoma")), "{qs:?}");
    }
}
