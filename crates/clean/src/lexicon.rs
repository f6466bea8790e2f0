//! Word lists and patterns loaded once from `data/clean/` (embedded with `include_str!`).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use regex::Regex;

const STOPWORDS: &str = include_str!("../../../data/clean/stopwords.tsv");
const CUES: &str = include_str!("../../../data/clean/cues.tsv");
const PROMO: &str = include_str!("../../../data/clean/promo.tsv");
const DATES: &str = include_str!("../../../data/clean/dates.tsv");
const LANGUAGES: &str = include_str!("../../../data/clean/languages.tsv");
const COMMENTS: &str = include_str!("../../../data/clean/comments.tsv");
const PICTURE_CREDITS: &str = include_str!("../../../data/clean/credits.tsv");
/// The particles of names ("de", "van") are the NER's (`particle`).
const NAME_WORDS: &str = include_str!("../../../data/ner/name_words.tsv");

/// What a cue line says about the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// The article is over (related links, comments, tags).
    End,
    /// Chrome that may sit inside an article (advertisement, share).
    Inline,
}

/// What a line says about reader comments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CommentCue {
    /// Opens a comment thread ("Comments", "12 comments", "Leave a reply").
    Heading,
    /// Only occurs inside a thread ("Reply", "Report abuse", "3 likes", "Posted by …").
    Marker,
    /// A marker that is one comment's own header glued to its text ("At 4:41 pm on 18 Jan
    /// 2010 , Alice wrote : …"): where it stands, a comment starts.
    Header,
    /// A site's notice about its reader comments ("We welcome comments that …", "Views
    /// expressed in the comments do not represent …"), alone or glued to the line before or
    /// after it: it stands at a thread's top or bottom, never in an article.
    Notice,
}

impl CommentCue {
    /// True for a line that only occurs inside a thread.
    pub(crate) fn is_marker(self) -> bool {
        matches!(self, CommentCue::Marker | CommentCue::Header)
    }

    /// True for a line that opens a thread: a heading, or a notice (which may also close
    /// one: a thread ends at the first end cue that is neither).
    pub(crate) fn opens_thread(self) -> bool {
        matches!(self, CommentCue::Heading | CommentCue::Notice)
    }
}

/// A glued-header phrase or line head as it is compared: lower case, one space between
/// words, a colon or bar its own word ("wrote:" → "wrote :").
fn glued_form(text: &str) -> String {
    let spaced = text.to_lowercase().replace(':', " : ").replace('|', " | ");
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when `head` (in [`glued_form`]) holds a clock time: "4 : 41" (a colon between
/// digits) or an "am"/"pm" word after a number.
fn has_clock_time(head: &str) -> bool {
    let words: Vec<&str> = head.split(' ').collect();
    let number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    words.windows(3).any(|w| number(w[0]) && w[1] == ":" && number(w[2]))
        || words.windows(2).any(|w| number(w[0]) && matches!(w[1], "am" | "pm" | "a.m." | "p.m."))
}

/// The comment-thread word groups of `data/clean/comments.tsv`.
#[derive(Default)]
pub(crate) struct CommentWords {
    pub headings: WordSet,
    pub markers: WordSet,
    /// Single words of the markers, for lines made only of them ("Like Reply 3").
    pub marker_words: WordSet,
    pub counts: WordSet,
    pub prefixes: Vec<String>,
    pub suffixes: Vec<String>,
    /// Header phrases of a comment glued to its text on one line (`glued`).
    pub glued: Vec<String>,
    /// Openings of a comment's time stamp glued to its text (`stamp`).
    pub stamps: Vec<String>,
    /// Phrases of a site's comment notice, anywhere in a line (`notice`).
    pub notices: Vec<String>,
    pub chat: WordSet,
    /// Reporting words ("said", "told"): a line with them reads as news again (`report`).
    pub report: WordSet,
}

/// How many words from a line's start a glued comment header may end (one that opens
/// with a bar may stand anywhere).
const GLUED_HEADER_WORDS: usize = 20;

/// How many words before a glued comment header's last words its time stamp may stand
/// ("At 4:41 pm on 18 Jan 2010 , Alice wrote :" — the colons are words of their own).
const GLUED_STAMP_WORDS: usize = 16;

impl CommentWords {
    fn load(text: &str) -> CommentWords {
        let mut c = CommentWords::default();
        for f in data_lines(text) {
            let [kind, _lang, phrase] = f.as_slice() else { continue };
            let n = normalise_line(phrase);
            match *kind {
                "heading" => {
                    c.headings.insert(n);
                }
                "marker" => {
                    if !n.contains(' ') {
                        c.marker_words.insert(n.clone());
                    }
                    c.markers.insert(n);
                }
                "count" => {
                    c.counts.insert(n);
                }
                "prefix" => c.prefixes.push(format!("{n} ")),
                "suffix" => c.suffixes.push(format!(" {n}")),
                "glued" => c.glued.push(glued_form(phrase)),
                "stamp" => c.stamps.push(format!("{} ", glued_form(phrase))),
                "notice" => c.notices.push(normalise_line(phrase)),
                "chat" => {
                    c.chat.insert(phrase.trim().to_lowercase());
                }
                "report" => {
                    c.report.insert(phrase.trim().to_lowercase());
                }
                _ => {}
            }
        }
        c
    }

    /// True when the line (in [`glued_form`]) holds a comment's header glued to
    /// its text, as sentence-per-line dumps leave them: a `glued` phrase ("wrote :", "| report
    /// abuse") after the header's time stamp (a clock time among the
    /// [`GLUED_STAMP_WORDS`] words before it). A phrase is looked for among the line's
    /// first [`GLUED_HEADER_WORDS`] words ("At 4:41 pm on 18 Jan 2010 , Alice wrote : I
    /// think …"); one that opens with a bar, the signature of a comment widget, anywhere
    /// in the line — a thread of short comments runs text, signature, text … on one line
    /// ("… drill now . Posted by : bob | June 7 , 2010 3:31 PM | Report abuse How was …").
    fn glued_header(&self, line: &str) -> bool {
        let head_end = line.match_indices(' ').nth(GLUED_HEADER_WORDS - 1).map_or(line.len(), |(i, _)| i);
        self.glued.iter().any(|g| {
            let within = if g.starts_with('|') { line.len() } else { head_end };
            line[..within].match_indices(g.as_str()).any(|(at, _)| {
                let before: Vec<&str> = line[..at].split_whitespace().collect();
                at > 0 && line.as_bytes()[at - 1] == b' ' && has_clock_time(&before[before.len().saturating_sub(GLUED_STAMP_WORDS)..].join(" "))
            })
        })
    }

    /// True when the line (in [`glued_form`]) opens with a `stamp` phrase and a clock
    /// time follows among its next [`GLUED_STAMP_WORDS`] words: a comment's time stamp
    /// glued to its text ("Added : Tuesday , 19 January , 2010 , 17:47 GMT 17:47 UK It is …").
    fn stamp_header(&self, line: &str) -> bool {
        self.stamps.iter().any(|st| {
            line.strip_prefix(st.as_str()).is_some_and(|rest| {
                let head: Vec<&str> = rest.split(' ').take(GLUED_STAMP_WORDS).collect();
                has_clock_time(&head.join(" "))
            })
        })
    }

    /// True when the line (`norm`: in [`normalise_line`]) holds a `notice` phrase as whole words.
    fn notice(&self, norm: &str) -> bool {
        let b = norm.as_bytes();
        let whole = |at: usize, len: usize| (at == 0 || b[at - 1] == b' ') && (at + len == b.len() || b[at + len] == b' ');
        self.notices.iter().any(|n| !n.is_empty() && norm.match_indices(n.as_str()).any(|(at, _)| whole(at, n.len())))
    }

    /// The comment cue of a line (`norm` = its [`normalise_line`] form, `words` its word count).
    pub fn cue(&self, text: &str, norm: &str, words: usize) -> Option<CommentCue> {
        if !self.glued.is_empty() || !self.stamps.is_empty() {
            let line = glued_form(text);
            if self.glued_header(&line) || self.stamp_header(&line) {
                return Some(CommentCue::Header);
            }
        }
        if self.notice(norm) {
            return Some(CommentCue::Notice);
        }
        if words > 12 || norm.is_empty() {
            return None;
        }
        if words <= 6 {
            if self.headings.contains(norm) {
                return Some(CommentCue::Heading);
            }
            if self.markers.contains(norm) {
                return Some(CommentCue::Marker);
            }
            if let Some(k) = self.count_word(norm) {
                let heading = self.headings.contains(k);
                return Some(if heading { CommentCue::Heading } else { CommentCue::Marker });
            }
            if norm.split(' ').all(|w| self.marker_words.contains(w) || w.bytes().all(|b| b.is_ascii_digit()))
                && norm.split(' ').any(|w| self.marker_words.contains(w))
            {
                return Some(CommentCue::Marker);
            }
            if text.trim_end().ends_with(':') && self.suffixes.iter().any(|s| norm.ends_with(s.as_str())) {
                return Some(CommentCue::Marker);
            }
        }
        // "Posted by jsmith on 3 May": short, not a sentence.
        let short = words <= 8 && !text.trim_end().ends_with(['.', '!', '?']);
        (short && self.prefixes.iter().any(|p| norm.starts_with(p.as_str()))).then_some(CommentCue::Marker)
    }

    /// The count word of "12 comments" or "comments 12", if the line is one.
    fn count_word<'a>(&self, norm: &'a str) -> Option<&'a str> {
        let (a, b) = norm.split_once(' ')?;
        let number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
        if number(a) && self.counts.contains(b) {
            Some(b)
        } else if number(b) && self.counts.contains(a) {
            Some(a)
        } else {
            None
        }
    }
}

/// A unit of a relative time stamp.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// The Fx hash (rustc's multiply-rotate hash): much cheaper than SipHash for the short
/// word keys looked up once per word of every line; the keys come from embedded lists,
/// so hash flooding is no concern.
#[derive(Clone, Copy, Default)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A set of words hashed with [`FxHasher`].
pub(crate) type WordSet = HashSet<String, BuildHasherDefault<FxHasher>>;
/// A map from words hashed with [`FxHasher`].
pub(crate) type WordMap<V> = HashMap<String, V, BuildHasherDefault<FxHasher>>;

/// Every list and compiled pattern the cleaner uses.
pub(crate) struct Lexicon {
    pub stop: HashMap<String, WordSet>,
    /// Union of all stop lists, for languages without their own.
    pub cues: WordMap<CueKind>,
    /// Openings of a line that ends the article whatever follows on it (`end-opening` in
    /// cues.tsv: "A version appeared on p18 of …"), in [`normalise_line`] form with a space after.
    pub end_openings: Vec<String>,
    /// First words of byline lines ("By", "Por").
    pub byline_prefixes: WordSet,
    /// Programme credit roles ("presenter", "producer"), lower case (`cues.tsv` `credit`).
    pub credits: Vec<String>,
    pub promo_words: WordSet,
    pub promo_phrases: Vec<String>,
    /// Comment-thread word groups.
    pub comments: CommentWords,
    /// Picture credit and caption words (`credits.tsv`).
    pub pictures: crate::credit::PictureWords,
    /// Month name → (month, is English).
    pub months: HashMap<String, (u32, bool)>,
    pub units: HashMap<String, Unit>,
    pub numbers: HashMap<String, i64>,
    pub daywords: HashMap<String, i64>,
    pub future: HashSet<String>,
    pub past: HashSet<String>,
    pub lang3to1: HashMap<String, String>,
    /// Relative stamps ("4 days ago", "hace 2 horas"), each with groups `n` and `unit`.
    pub relative: Vec<Regex>,
    /// "yesterday", "Ayer 18:00", "today".
    pub dayword: Regex,
    /// ISO dates and date-times.
    pub iso: Regex,
    /// "May 16, 2025", "May 16".
    pub mdy: Regex,
    /// "16 May 2025", "16 de mayo de 2025", "16 May".
    pub dmy: Regex,
    /// "September 2022".
    pub month_year: Regex,
    /// A year 1900–2099.
    pub year: Regex,
    /// "16/05/2025", "16.05.2025".
    pub numeric: Regex,
    /// A clock time "18:00", "12:11 AM".
    pub clock: Regex,
}

impl Lexicon {
    /// How many programme credits a line holds: a credit role right before a slash or a
    /// colon ("Presenter/Dermot O'Leary , Producer/Ben Walker", "Producer: Jo Smith").
    pub fn credits_in(&self, line: &str) -> usize {
        let lower = line.to_lowercase();
        self.credits
            .iter()
            .map(|role| {
                lower
                    .match_indices(role.as_str())
                    .filter(|&(at, _)| at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphanumeric())
                    .filter(|&(at, _)| lower[at + role.len()..].trim_start_matches(['\\', ' ']).starts_with(['/', ':']))
                    .count()
            })
            .sum()
    }
}

fn data_lines(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn alternation<'a>(words: impl Iterator<Item = &'a String>) -> String {
    let mut w: Vec<&String> = words.collect();
    w.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    w.dedup();
    w.iter().map(|s| regex::escape(s)).collect::<Vec<_>>().join("|")
}

// The patterns are built from embedded data and checked by the unit tests, so a
// failure to compile is a build defect, not an input error.
#[allow(clippy::expect_used)]
fn compile(p: &str) -> Regex {
    Regex::new(p).expect("pattern built from embedded data compiles")
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut stop: HashMap<String, WordSet> = HashMap::new();
        for f in data_lines(STOPWORDS) {
            if let [lang, words] = f.as_slice() {
                stop.entry(lang.to_string()).or_default().extend(words.split_whitespace().map(str::to_string));
            }
        }
        let mut cues = WordMap::default();
        let mut byline_prefixes = WordSet::default();
        let mut credits = Vec::new();
        let mut end_openings = Vec::new();
        for f in data_lines(CUES) {
            if let [kind, _lang, phrase] = f.as_slice() {
                if *kind == "byline" {
                    byline_prefixes.insert(normalise_line(phrase));
                    continue;
                }
                if *kind == "credit" {
                    credits.push(phrase.trim().to_lowercase());
                    continue;
                }
                if *kind == "end-opening" {
                    end_openings.push(format!("{} ", normalise_line(phrase)));
                    continue;
                }
                let k = if *kind == "end" { CueKind::End } else { CueKind::Inline };
                cues.insert(normalise_line(phrase), k);
            }
        }
        let (mut promo_words, mut promo_phrases) = (WordSet::default(), Vec::new());
        for f in data_lines(PROMO) {
            if let [_lang, w] = f.as_slice() {
                let w = w.trim().to_lowercase();
                if w.contains(' ') {
                    promo_phrases.push(w);
                } else {
                    promo_words.insert(w);
                }
            }
        }
        let mut months = HashMap::new();
        let mut units = HashMap::new();
        let mut numbers = HashMap::new();
        let mut daywords = HashMap::new();
        let mut future = HashSet::new();
        let mut past = HashSet::new();
        let mut templates = Vec::new();
        for f in data_lines(DATES) {
            let kind = f.first().copied().unwrap_or("");
            let lang = f.get(1).copied().unwrap_or("");
            let word = f.get(2).map(|w| w.trim().to_lowercase()).unwrap_or_default();
            let value = f.get(3).map(|v| v.trim()).unwrap_or("");
            match kind {
                "month" => {
                    if let Ok(m) = value.parse() {
                        months.insert(word, (m, lang == "en"));
                    }
                }
                "unit" => {
                    let u = match value {
                        "minute" => Unit::Minute,
                        "hour" => Unit::Hour,
                        "day" => Unit::Day,
                        "week" => Unit::Week,
                        "month" => Unit::Month,
                        _ => Unit::Year,
                    };
                    units.insert(word, u);
                }
                "number" => {
                    if let Ok(n) = value.parse() {
                        numbers.insert(word, n);
                    }
                }
                "dayword" => {
                    if let Ok(n) = value.parse() {
                        daywords.insert(word, n);
                    }
                }
                "future" => {
                    future.insert(word);
                }
                "past" => {
                    past.insert(word);
                }
                "template" => templates.push(word),
                _ => {}
            }
        }
        let mut lang3to1 = HashMap::new();
        for f in data_lines(LANGUAGES) {
            if let [three, one] = f.as_slice() {
                lang3to1.insert(three.trim().to_string(), one.trim().to_string());
            }
        }
        let num_alt = format!(r"\d+|{}", alternation(numbers.keys()));
        let unit_alt = alternation(units.keys());
        let relative = templates
            .iter()
            .map(|t| {
                let p = regex::escape(t)
                    .replace(r"\{n\}", &format!("(?P<n>{num_alt})"))
                    .replace(r"\{unit\}", &format!("(?P<unit>{unit_alt})"))
                    .replace(' ', r"\s+");
                compile(&format!(r"(?i){p}(?-u:\b)"))
            })
            .collect();
        let day_alt = alternation(daywords.keys());
        let dayword = compile(&format!(r"(?i)(?:^|[^\p{{L}}])(?P<w>{day_alt})(?:$|[^\p{{L}}])"));
        let mon_alt = alternation(months.keys());
        Lexicon {
            stop,
            cues,
            end_openings,
            byline_prefixes,
            credits,
            promo_words,
            promo_phrases,
            comments: CommentWords::load(COMMENTS),
            pictures: crate::credit::PictureWords::load(PICTURE_CREDITS, NAME_WORDS),
            units,
            numbers,
            daywords,
            future,
            past,
            lang3to1,
            relative,
            dayword,
            iso: compile(r"(?-u:\b)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?-u:\b)"),
            mdy: compile(&format!(
                r"(?i)(?-u:\b)(?P<mon>{mon_alt})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<y>\d{{4}})(?-u:\b))?"
            )),
            dmy: compile(&format!(
                r"(?i)(?-u:\b)(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?(?P<mon>{mon_alt})(?-u:\b)\.?(?:,?\s+(?:de\s+)?(?P<y>\d{{4}})(?-u:\b))?"
            )),
            month_year: compile(&format!(r"(?i)(?-u:\b)(?P<mon>{mon_alt})\.?,?\s+(?:of\s+|de\s+)?(?P<y>\d{{4}})(?-u:\b)")),
            year: compile(r"(?-u:\b)(?P<y>19\d\d|20\d\d)(?-u:\b)"),
            numeric: compile(r"(?-u:\b)(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./](?P<y>\d{4})(?-u:\b)"),
            clock: compile(r"(?i)(?-u:\b)\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?-u:\b)"),
            months,
        }
    }

    /// The stop list for a language (ISO 639-1), if there is one.
    pub fn stop_list(&self, lang: &str) -> Option<&WordSet> {
        self.stop.get(lang)
    }
}

/// The shared lexicon, loaded on first use.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

/// A line reduced for comparison: lowercase letters and digits, single spaces, no
/// bullets or punctuation ("- ABC News" and "ABC News" compare equal).
pub fn normalise_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    if line.is_ascii() {
        // Whole-line ASCII fast path: the same result as the loop below.
        let mut bytes = Vec::with_capacity(line.len());
        for b in line.bytes() {
            if b.is_ascii_alphanumeric() {
                if space && !bytes.is_empty() {
                    bytes.push(b' ');
                }
                space = false;
                bytes.push(b.to_ascii_lowercase());
            } else {
                space = true;
            }
        }
        return String::from_utf8(bytes).unwrap_or_default();
    }
    for ch in line.chars() {
        if ch.is_ascii() {
            // ASCII fast path: the same result as the general branch below.
            if ch.is_ascii_alphanumeric() {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(ch.to_ascii_lowercase());
            } else {
                space = true;
            }
        } else if ch.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(ch.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_loads_every_table() {
        let l = &*LEXICON;
        assert!(l.stop_list("en").is_some_and(|s| s.contains("the")));
        assert_eq!(l.cues.get("related articles"), Some(&CueKind::End));
        assert_eq!(l.cues.get("advertisement"), Some(&CueKind::Inline));
        assert!(l.promo_words.contains("subscribe"));
        assert_eq!(l.months.get("september"), Some(&(9, true)));
        assert_eq!(l.lang3to1.get("eng").map(String::as_str), Some("en"));
        assert!(l.relative.len() >= 4);
        assert!(l.comments.chat.contains("i"));
    }

    #[test]
    fn comment_cues() {
        let c = &LEXICON.comments;
        let cue = |t: &str| c.cue(t, &normalise_line(t), t.split_whitespace().count());
        assert_eq!(cue("Comments"), Some(CommentCue::Heading));
        assert_eq!(cue("37 comments"), Some(CommentCue::Heading));
        assert_eq!(cue("Report abuse"), Some(CommentCue::Marker));
        assert_eq!(cue("Like  Reply  3"), Some(CommentCue::Marker));
        assert_eq!(cue("12 likes"), Some(CommentCue::Marker));
        assert_eq!(cue("Posted by jsmith on 3 May"), Some(CommentCue::Marker));
        assert_eq!(cue("Jane Doe says:"), Some(CommentCue::Marker));
        assert_eq!(cue("The minister says the vote will go ahead."), None);
        assert_eq!(cue("Reply to the ministry's letter was sent on Monday by the council"), None);
    }

    #[test]
    fn a_sites_comment_notice_is_found_glued_and_as_whole_words() {
        let c = &LEXICON.comments;
        let cue = |t: &str| c.cue(t, &normalise_line(t), t.split_whitespace().count());
        assert_eq!(cue("(Editing by Jo Smith) We welcome comments that advance the story."), Some(CommentCue::Notice));
        assert_eq!(cue("Views expressed in the comments do not represent those of the Example Post."), Some(CommentCue::Notice));
        assert_eq!(cue("Nobody listened to the engineers.This discussion is now closed."), Some(CommentCue::Notice));
        assert_eq!(cue("This debate is now closed."), Some(CommentCue::Notice), "a readers' debate page");
        assert_eq!(cue("The ministry said its views expressed in the commentsection were its own."), None, "whole words only");
        assert_eq!(cue("The council said it would welcome comments from residents on the plan."), None);
    }

    #[test]
    fn programme_credits_are_counted_before_a_slash_or_colon() {
        let l = &*LEXICON;
        assert_eq!(l.credits_in("Presenter/Dermot O'Leary , Producer\\/Ben Walker for Labora TV"), 2);
        assert_eq!(l.credits_in("Producer: Jo Smith"), 1);
        assert_eq!(l.credits_in("The producer said the film was finished ."), 0);
        assert_eq!(l.credits_in("Coproducer/Jo"), 0, "inside a word");
    }

    #[test]
    fn a_comment_header_glued_to_its_text_is_a_marker() {
        let c = &LEXICON.comments;
        let cue = |t: &str| c.cue(t, &normalise_line(t), t.split_whitespace().count());
        assert_eq!(cue("At 4:41 pm on 18 Jan 2010 , Alice_B wrote : This idea is stupid , frankly ."), Some(CommentCue::Header));
        assert_eq!(cue("He will not win ... Posted by : sam77 | June 7 , 2010 3:31 PM | Report abuse How was he to fix it ?"), Some(CommentCue::Header));
        // a time stamp and a report link glued before the comment's first sentence
        assert_eq!(cue("Jun 15 , 2010 8:45 pm EDT -- Report as abuse The ministers would say anything ."), Some(CommentCue::Header));
        // news prose quoting a letter has no clock time before "wrote :"
        assert_eq!(cue("In a 2003 memo , Rumsfeld wrote : we lack metrics ."), None);
        // nor does the header phrase count far into a long line
        let long = format!("{} at 4:41 pm he wrote : yes", "word ".repeat(25));
        assert_eq!(cue(&long), None);
        // a widget's signature (bar-delimited) ends a comment anywhere in a line of them
        let thread = format!("{} Posted by : kim_2 | May 27 , 2010 11:40 PM | Report abuse Drill now .", "they should have burnt it off at once ".repeat(5));
        assert_eq!(cue(&thread), Some(CommentCue::Header));
        // a bar and a time far from the phrase are no signature
        let far = format!("Updated 4:41 pm | {} | Reply to critics", "word ".repeat(20));
        assert_eq!(cue(&far), None);
        // a time stamp that opens the line, glued to the comment's text
        assert_eq!(cue("Added : Tuesday , 19 January , 2010 , 17:47 GMT 17:47 UK It is good that they help ."), Some(CommentCue::Header));
        // the opening words without a clock time, or a clock time without them, are prose
        assert_eq!(cue("Added to the list on Tuesday were three more firms and two banks of the region ."), None);
        assert_eq!(cue("The minister added : talks resume at 17:47 GMT on Tuesday , said an aide ."), None);
    }

    #[test]
    fn relative_stamps_match_glued_and_other_languages() {
        let l = &*LEXICON;
        let hit = |s: &str| l.relative.iter().find_map(|r| r.captures(s)).map(|c| (c["n"].to_string(), c["unit"].to_string()));
        assert_eq!(hit("Example News3 hours ago"), Some(("3".into(), "hours".into())));
        assert_eq!(hit("posteda day ago"), Some(("a".into(), "day".into())));
        assert_eq!(hit("hace 2 horas"), Some(("2".into(), "horas".into())));
        assert_eq!(hit("The meeting was long."), None);
        assert!(l.dayword.is_match("Ayer 18:00"));
        assert!(!l.dayword.is_match("Mayerling"));
    }

    #[test]
    fn normalised_lines_ignore_bullets_and_case() {
        assert_eq!(normalise_line("  • Example Times "), "example times");
        assert_eq!(normalise_line("Be the first to reply..."), "be the first to reply");
        assert_eq!(normalise_line("-- Über  ALLES, 2024!"), "über alles 2024");
        assert_eq!(normalise_line("-- Uber  ALLES, 2024!"), "uber alles 2024");
    }
}
