//! Blocks of a text and their features (jusText-style: length, stop-word density,
//! punctuation, list shape, stamps and header shapes).

use std::sync::OnceLock;

use crate::date::{find_stamp, mentions, Mention, Stamp};
use crate::lexicon::{normalise_line, CommentCue, CueKind, WordSet, LEXICON};

/// One block (a non-empty line) of the segmented text.
#[derive(Clone, Debug)]
pub(crate) struct Block<'a> {
    /// The language's stop list, for topic words computed on demand.
    pub stops: Option<&'a WordSet>,
    /// Content words, computed on first use (see [`Block::content`]).
    content: OnceLock<WordSet>,
    /// The trimmed text.
    pub text: &'a str,
    /// Byte range in the segmented text.
    pub start: usize,
    pub end: usize,
    /// The text without bullets, case or punctuation.
    pub norm: String,
    pub chars: usize,
    pub words: usize,
    /// Share of words in the language's stop list (1.0 when there is no list).
    pub stop: f64,
    /// Ends like a sentence (. ! ? … or a closing quote after one).
    pub terminal: bool,
    /// Starts with a list bullet.
    pub bullet: bool,
    pub cue: Option<CueKind>,
    /// Promotional words (subscribe, app, free …) in the block.
    pub promo_hits: usize,
    /// A relative or explicit time stamp makes up the line, with at most a short label or
    /// name around it; the name, when capitalised, is kept as a possible outlet.
    pub stamp_line: Option<StampLine>,
    /// The line starts with an explicit date followed by more text.
    pub dateline: Option<chrono::NaiveDate>,
    /// Short capitalised name with no sentence shape ("Example News").
    pub name_like: bool,
    /// Opens with a byline word ("By …").
    pub byline: bool,
    /// Upper-case only.
    pub all_caps: bool,
    /// Seen in many documents of the same site in this batch, or marked by the user.
    pub repeated: bool,
    pub user_chrome: bool,
    /// A comment-thread line ("Comments", "Reply", "12 likes", "Posted by …").
    pub comment_cue: Option<CommentCue>,
    /// First- and second-person words ("I", "my", "you"): chat, after an article's end.
    pub chat_hits: usize,
    /// Reporting words ("said", "told", "according"): a line that reads as news reporting.
    pub report_hits: usize,
    /// Text of an HTML comment container (class or id with "comment", UserComments, Disqus).
    pub in_comment_container: bool,
    /// Chosen by the HTML block classifier, which already weighed link lists and pitches.
    pub classified: bool,
    /// A template line: seen on many stored pages of this site (see `furniture`).
    pub furniture: bool,
    /// Mostly figures: a digit-bearing line that is not a sentence ("Net 807,000 vs 2,858,000").
    pub figures: bool,
    /// Programme credits in the line ("Presenter/Dermot O'Leary , Producer/Ben Walker").
    pub credits: usize,
    /// A picture credit or caption makes up the line ("Photograph: Jo Smith/AFP").
    pub caption: bool,
}

/// A header line made of a stamp.
#[derive(Clone, Debug)]
pub(crate) struct StampLine {
    /// A relative stamp, when there is one.
    pub relative: Option<Stamp>,
    /// An explicit full date, when there is one.
    pub explicit: Option<chrono::NaiveDate>,
    /// A capitalised name glued before the stamp ("Example News4 days ago").
    pub name: Option<String>,
}

const BULLETS: &[char] = &['-', '•', '*', '·', '–', '—', '►', '▪', '>', '|'];

/// Splits text into blocks: each non-empty line, trimmed.
pub(crate) fn split(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            out.push((pos + lead, pos + lead + trimmed.len()));
        }
        pos += line.len();
    }
    out
}

fn is_capitalised(w: &str) -> bool {
    w.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// True for a short capitalised name: 1–5 words, each capitalised or a joiner, no sentence end.
pub(crate) fn name_shape(s: &str) -> bool {
    let s = s.trim_matches(|c: char| BULLETS.contains(&c) || c.is_whitespace());
    // Cheap rejections first (more than 40 characters always fails).
    if s.len() > 160 || s.chars().count() > 40 {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    if s.ends_with(['.', '!', '?', ':', ',', ';']) {
        return false;
    }
    let joiners = ["of", "the", "&", "and", "de", "du", "la", "el", "der", "die", "news"];
    words.iter().all(|w| is_capitalised(w) || joiners.contains(&w.to_lowercase().as_str()))
        && words.iter().any(|w| is_capitalised(w))
}

/// Computes a block's features. `stops` is the document language's stop list.
pub(crate) fn features<'a>(text: &'a str, start: usize, end: usize, stops: Option<&'a WordSet>) -> Block<'a> {
    let lx = &*LEXICON;
    let t = text.get(start..end).unwrap_or("");
    let norm = normalise_line(t);
    let mut words = 0usize;
    let mut stop_hits = 0usize;
    let mut promo_hits = 0usize;
    let mut chat_hits = 0usize;
    let mut report_hits = 0usize;
    // One lowercase buffer for every word of the line.
    let mut lw = String::new();
    for w in t.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-') {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() || !w.chars().any(char::is_alphabetic) {
            continue;
        }
        words += 1;
        lw.clear();
        if w.is_ascii() {
            lw.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            lw.push_str(&w.to_lowercase());
        }
        if stops.is_some_and(|s| s.contains(lw.as_str())) {
            stop_hits += 1;
        }
        if lx.promo_words.contains(lw.as_str()) {
            promo_hits += 1;
        }
        if lx.comments.chat.contains(lw.as_str()) {
            chat_hits += 1;
        }
        if lx.comments.report.contains(lw.as_str()) {
            report_hits += 1;
        }
    }
    let lower = if t.is_ascii() { t.to_ascii_lowercase() } else { t.to_lowercase() };
    promo_hits += lx.promo_phrases.iter().filter(|p| lower.contains(p.as_str())).count();
    let stop = match stops {
        Some(_) if words > 0 => stop_hits as f64 / words as f64,
        Some(_) => 0.0,
        None => 1.0,
    };
    let core = t.trim_end_matches(['"', '\'', '”', '’', '»', ')', ' ']);
    let terminal = core.ends_with(['.', '!', '?', '…', '。']);
    let bullet = t.starts_with(BULLETS) && t.chars().nth(1).is_some_and(char::is_whitespace)
        || t.starts_with('•');
    let cue = if words <= 6 { lx.cues.get(&norm).copied() } else { None };
    let cue = cue.or_else(|| lx.end_openings.iter().any(|o| norm.starts_with(o.as_str())).then_some(CueKind::End));
    let (mut letters, mut upper) = (0usize, true);
    for c in t.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper &= c.is_uppercase();
    }
    let all_caps = letters >= 3 && upper;
    let dateline = dateline_of(t);
    let comment_cue = lx.comments.cue(t, &norm, words);
    // A comment heading or notice also ends the article, like the end cues of cues.tsv.
    let cue = cue.or(comment_cue.is_some_and(CommentCue::opens_thread).then_some(CueKind::End));
    Block {
        stops,
        content: OnceLock::new(),
        text: t,
        start,
        end,
        chars: t.chars().count(),
        words,
        stop,
        terminal,
        bullet,
        cue,
        promo_hits,
        stamp_line: stamp_line(t),
        dateline,
        name_like: name_shape(t),
        all_caps,
        byline: words <= 12 && norm.split(' ').next().is_some_and(|w| lx.byline_prefixes.contains(w)) && t.split_whitespace().nth(1).is_some_and(is_capitalised),
        repeated: false,
        user_chrome: false,
        comment_cue,
        chat_hits,
        report_hits,
        in_comment_container: false,
        classified: false,
        furniture: false,
        figures: figures_line(t, terminal),
        credits: lx.credits_in(t),
        caption: crate::credit::is_credit_line(t),
        norm,
    }
}

/// A line of figures: at least a third of its tokens carry a digit and it does not end
/// like a sentence ("Shr 34 cts vs 1.19 dlrs", "Revs 10.6 mln vs 7,024,000").
fn figures_line(t: &str, terminal: bool) -> bool {
    if terminal {
        return false;
    }
    let (mut tokens, mut numeric) = (0usize, 0usize);
    for w in t.split_whitespace() {
        tokens += 1;
        numeric += usize::from(w.bytes().any(|b| b.is_ascii_digit()));
    }
    numeric > 0 && numeric * 3 >= tokens
}

impl Block<'_> {
    /// Words for topic comparison: lowercase, not stop words, three letters or more
    /// (computed once per block).
    pub(crate) fn content(&self) -> &WordSet {
        self.content.get_or_init(|| {
            self.text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() >= 3 && w.chars().nth(2).is_some() && w.chars().any(char::is_alphabetic))
                .map(|w| if w.is_ascii() { w.to_ascii_lowercase() } else { w.to_lowercase() })
                .filter(|w| !self.stops.is_some_and(|s| s.contains(w)))
                .collect()
        })
    }
}

/// Strips a leading bullet and spaces.
pub(crate) fn strip_bullet(t: &str) -> &str {
    t.trim_start_matches(|c: char| BULLETS.contains(&c) || c.is_whitespace())
}

/// Words left in `t` once the byte ranges in `cut` are removed.
fn rest_words(t: &str, cut: &[(usize, usize)]) -> (String, String) {
    let mut before = String::new();
    let mut after = String::new();
    let first = cut.iter().map(|c| c.0).min().unwrap_or(t.len());
    let mut pos = 0;
    let mut sorted = cut.to_vec();
    sorted.sort();
    for (s, e) in sorted {
        if s > pos {
            let piece = t.get(pos..s).unwrap_or("");
            if pos < first { before.push_str(piece) } else { after.push(' '); after.push_str(piece) }
        }
        pos = pos.max(e);
    }
    after.push(' ');
    after.push_str(t.get(pos..).unwrap_or(""));
    (before, after)
}

/// A line that is a time stamp with at most a short label or name around it.
pub(crate) fn stamp_line(t: &str) -> Option<StampLine> {
    let lx = &*LEXICON;
    let body = strip_bullet(t);
    if body.chars().count() > 80 {
        return None;
    }
    let mut cut: Vec<(usize, usize)> = Vec::new();
    let mut relative = None;
    let mut explicit = None;
    if let Some((s, e, st)) = find_stamp(body) {
        cut.push((s, e));
        relative = Some(st);
    }
    // Only full dates count here, and a full date always has a number in it.
    let full_dates = if has_digit(body) { mentions(body) } else { Vec::new() };
    for (s, e, m) in full_dates {
        if let Mention::Full(d) = m {
            if cut.iter().all(|c| e <= c.0 || c.1 <= s) {
                cut.push((s, e));
                explicit.get_or_insert(d);
            }
        }
    }
    if relative.is_none() && explicit.is_none() {
        return None;
    }
    for m in lx.clock.find_iter(body) {
        if cut.iter().all(|c| m.end() <= c.0 || c.1 <= m.start()) {
            cut.push((m.start(), m.end()));
        }
    }
    let (before, after) = rest_words(body, &cut);
    let words = |s: &str| s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count();
    if words(&before) + words(&after) > 4 {
        return None;
    }
    let name = before
        .trim()
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .trim();
    let name = (name_shape(name) && !name.to_lowercase().starts_with("by ")).then(|| name.to_string());
    Some(StampLine { relative, explicit, name })
}

/// True when the text has an ASCII digit: a full date (day, month and year) always has
/// one, so lines without are not searched for full dates.
fn has_digit(t: &str) -> bool {
    t.bytes().any(|b| b.is_ascii_digit())
}

/// A line that opens with an explicit date (after at most two label words) and goes on
/// with text: "date 2025-05-17 Negotiators met …".
pub(crate) fn dateline_of(t: &str) -> Option<chrono::NaiveDate> {
    let head = t.char_indices().nth(60).map_or(t, |(i, _)| t.get(..i).unwrap_or(t));
    // A full date always has a number in it: skip the date patterns on lines whose head has none.
    if !has_digit(head) {
        return None;
    }
    let (s, e, m) = mentions(head).into_iter().next()?;
    let Mention::Full(d) = m else { return None };
    let label_words = head.get(..s)?.split_whitespace().count();
    let rest_words = t.get(e..)?.split_whitespace().count();
    (label_words <= 2 && rest_words >= 4).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> Option<&'static WordSet> {
        LEXICON.stop_list("en")
    }

    fn block(t: &str) -> Block<'_> {
        features(t, 0, t.len(), en())
    }

    #[test]
    fn body_sentence_has_stop_words_and_terminal() {
        let b = block("The minister said on Tuesday that the talks would resume in the spring.");
        assert!(b.stop > 0.3, "{}", b.stop);
        assert!(b.terminal && !b.bullet && b.cue.is_none() && b.stamp_line.is_none());
    }

    #[test]
    fn stamp_lines_with_glued_names_and_labels() {
        let s = block("Example Wire4 days ago").stamp_line.unwrap();
        assert_eq!(s.name.as_deref(), Some("Example Wire"));
        assert!(s.relative.is_some());
        let s = block("posteda day ago").stamp_line.unwrap();
        assert_eq!(s.name, None);
        assert!(block("March 3, 2021 10:15 AM").stamp_line.unwrap().explicit.is_some());
        assert!(block("- Yesterday 10:00 Council approves a new budget for the harbour district").stamp_line.is_none());
    }

    #[test]
    fn cues_names_and_datelines() {
        assert_eq!(block("Related Articles").cue, Some(CueKind::End));
        let print = "A version appeared on p4 of the Home section of the Example Herald on Monday Follow our reporters on Twitter : the vote is today";
        assert_eq!(block(print).cue, Some(CueKind::End), "a print-edition notice, whatever is glued to it");
        assert_eq!(block("The minister said a version appeared on the site before the vote .").cue, None);
        assert_eq!(block("Read more").cue, Some(CueKind::Inline));
        assert!(block("• Example Times").name_like);
        assert!(!block("The vote was close.").name_like);
        assert!(block("updated 2024-03-02 Voters went to the polls in record numbers").dateline.is_some());
        assert!(block("DOWNLOAD OUR APP").all_caps);
        assert!(block("Subscribe today for unlimited access to our app").promo_hits >= 3);
    }

    #[test]
    fn figures_and_chat() {
        assert!(block("Net 807,000 vs 2,858,000").figures);
        assert!(!block("Profit rose to 807,000 dlrs from 2,858,000.").figures);
        assert_eq!(block("I think you are wrong, my friend.").chat_hits, 3);
        assert_eq!(block("Report abuse").comment_cue, Some(CommentCue::Marker));
    }

    #[test]
    fn full_dates_have_digits() {
        for t in ["March 3, 2021", "16 de mayo de 2025", "2024-03-02", "16.05.2025", "3 March 2021 10:15"] {
            assert!(mentions(t).iter().any(|m| matches!(m.2, Mention::Full(_))) && has_digit(t), "{t}");
        }
        assert!(mentions("on the third of March").iter().all(|m| !matches!(m.2, Mention::Full(_))));
    }

    #[test]
    fn split_keeps_offsets_of_trimmed_lines() {
        let t = "  One\n\nTwo  \n";
        let b = split(t);
        assert_eq!(b.len(), 2);
        assert_eq!(&t[b[0].0..b[0].1], "One");
        assert_eq!(&t[b[1].0..b[1].1], "Two");
    }
}
