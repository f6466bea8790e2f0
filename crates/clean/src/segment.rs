//! Block classification for one page: the host article's header and body, the chrome
//! around it, and the separate articles glued after it.
//!
//! The method, in order: (1) jusText-style classes per block from length, stop-word
//! density, punctuation, list shape, cue lines, promotional vocabulary and lines repeated
//! across the site's pages; (2) article headers found from time-stamp lines (relative or
//! explicit) with the outlet names, duplicated headlines and headline around them, each
//! followed by body text; (3) the host is the article whose body comes first; later headers
//! start appended articles once the host has ended (chrome or an end cue in between) or the
//! topic shifts; after an end cue, a headline followed by off-topic body text also starts
//! one; (4) jusText context smoothing inside each article, and everything after an
//! end-of-article cue is chrome.

use chronicle_core::{BlockLabel, Genre};

use crate::block::{Block, StampLine};
use crate::config::CleanConfig;
use crate::date::Stamp;
use crate::lexicon::{CommentCue, CueKind, WordSet, LEXICON};

/// jusText classes.
#[derive(Clone, Debug, PartialEq)]
enum Class {
    Bad(String),
    Short,
    NearGood,
    Good,
}

/// One article found in a page: a range of blocks with its header and body.
#[derive(Clone, Debug)]
pub(crate) struct Article {
    /// Block range `[first, end)`.
    pub first: usize,
    pub end: usize,
    /// Headline block.
    pub title: Option<usize>,
    /// Outlet named in the header (glued to the stamp or a name line).
    pub outlet: Option<String>,
    /// Relative stamp of the header.
    pub stamp: Option<Stamp>,
    /// Explicit date of the header (stamp line or dateline).
    pub explicit: Option<chrono::NaiveDate>,
    /// The text after a dateline's date, when the page has one.
    pub dateline_rest: Option<String>,
    /// Body blocks, in order.
    pub body: Vec<usize>,
    /// Label and reason for each block in `[first, end)` as part of this article.
    pub labels: Vec<(BlockLabel, String)>,
}

/// The analysis of one page.
pub(crate) struct Analysis<'a> {
    pub blocks: Vec<Block<'a>>,
    pub host: Article,
    pub appended: Vec<Article>,
    /// Label and reason of every block as seen from the host document.
    pub host_labels: Vec<(BlockLabel, String)>,
    /// What kind of page it is.
    pub genre: Genre,
}

fn base_class(b: &Block, cfg: &CleanConfig, in_list: bool, extracted: bool) -> Class {
    if b.user_chrome {
        return Class::Bad("site chrome (user override file)".into());
    }
    if b.in_comment_container {
        return Class::Bad("inside an HTML comment container".into());
    }
    if b.caption {
        return Class::Bad(CAPTION.into());
    }
    if b.comment_cue.is_some() {
        return Class::Bad("comment-thread line".into());
    }
    if b.furniture {
        return Class::Bad("template line: seen on many stored pages of this site".into());
    }
    if let Some(k) = b.cue {
        let kind = if k == CueKind::End { "end-of-article" } else { "chrome" };
        return Class::Bad(format!("{kind} cue line"));
    }
    if b.repeated {
        return Class::Bad("line repeated across many pages of this site in the batch".into());
    }
    if !b.classified
        && b.words > 0
        && b.promo_hits >= cfg.promo_min_hits
        && b.promo_hits as f64 / b.words as f64 >= cfg.promo_min_density
    {
        return Class::Bad(format!("promotional: {} promo words in {}", b.promo_hits, b.words));
    }
    if in_list && !b.classified {
        return Class::Bad("link-list item (run of short bulleted or time-stamped lines)".into());
    }
    if b.all_caps && b.words <= 8 {
        return Class::Bad("short all-caps line".into());
    }
    if b.stamp_line.is_some() {
        return Class::Bad("time-stamp line".into());
    }
    if b.words == 0 {
        return Class::Bad("no words".into());
    }
    if extracted {
        // HTML main content: the extractor already chose the text; only chrome lines go.
        return Class::Good;
    }
    if b.chars < cfg.length_low {
        return Class::Short;
    }
    if b.stop >= cfg.stop_high {
        if b.chars >= cfg.length_high || (b.terminal && b.chars >= (cfg.length_low + cfg.length_high) / 2) {
            return Class::Good;
        }
        return Class::NearGood;
    }
    if b.stop >= cfg.stop_low {
        return Class::NearGood;
    }
    // A sentence of ordinary length with few function words (names, figures) is left
    // to its neighbours rather than dropped outright.
    if b.terminal && b.chars < cfg.length_high {
        return Class::Short;
    }
    Class::Bad(format!("low stop-word density {:.2}", b.stop))
}

fn body_like(c: &Class, b: &Block, cfg: &CleanConfig) -> bool {
    matches!(c, Class::Good | Class::NearGood) && b.chars >= cfg.length_low && b.dateline.is_none()
}

fn headline_like(b: &Block, cfg: &CleanConfig) -> bool {
    b.words >= 3
        && !b.byline
        && b.words <= cfg.max_heading_words
        && b.chars <= cfg.max_heading_chars
        && b.cue.is_none()
        && b.stamp_line.is_none()
        && b.dateline.is_none()
        && !b.caption
        && b.text.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// A line that ends as prose does, not as a headline: a full stop after a word that starts
/// in lower case, a number, or a closing quote or bracket ("In a week I turn 55."), or a colon that opens
/// what follows ("The three features readers asked for were:"). Headlines drop the full
/// stop; one that ends in a point ends in a capitalised abbreviation ("Debris sighted off
/// Wash.").
fn ends_as_prose(text: &str) -> bool {
    let text = text.trim_end();
    if text.ends_with(':') {
        return true;
    }
    let Some(rest) = text.strip_suffix('.') else { return false };
    let rest = rest.trim_end();
    let last_word = rest.rsplit(char::is_whitespace).next().unwrap_or("");
    !rest.ends_with('.')
        && (last_word.starts_with(|c: char| c.is_lowercase() || c.is_numeric()) || rest.ends_with(['"', '\'', '\u{201d}', '\u{2019}', ')']))
}

/// First- and second-person chat: enough words and a high share of "I", "my", "you".
fn is_chat(b: &Block, cfg: &CleanConfig) -> bool {
    b.words >= 4 && b.chat_hits >= 2 && b.chat_hits as f64 / b.words as f64 >= cfg.comment_chat_min_share
}

/// A comment thread after the host's first body block: `[start, end)` and why.
///
/// It opens at a comment heading ("Comments", "12 comments") that is followed by comment
/// material or by less prose than came before, or at the first of `comment_min_markers`
/// marker lines ("Reply", "3 likes") within `comment_marker_window` blocks — or at the first
/// glued comment header before them — widened back over that first comment's header and
/// text. It runs to the next end cue that is not a comment heading, or the page end.
///
/// On an HTML page's text (`html`: the block classifier's, or the extractor's main text), a
/// heading no marker lines confirm is taken alone: the classifier or the extractor and the
/// comment containers have already judged the blocks after it, and there a lone "Comment" or "Discussion" line is more often an
/// article's own subhead than the top of a thread the page's markup did not mark
/// (dragnet dev: 670 article words after such headings, 25 others).
fn comment_thread(blocks: &[Block], from: usize, html: bool, cfg: &CleanConfig) -> Option<(usize, usize, String)> {
    let n = blocks.len();
    let need = cfg.comment_min_markers.max(1);
    let markers: Vec<usize> = (from..n).filter(|&x| blocks[x].comment_cue.is_some_and(CommentCue::is_marker)).collect();
    let run = markers.windows(need).find(|w| w[need - 1] - w[0] <= cfg.comment_marker_window).map(|w| w[0]);
    // a thread the run confirms began at the first comment header before it: long comments
    // keep their headers further apart than the window
    let first_header = markers.iter().copied().find(|&x| blocks[x].comment_cue == Some(CommentCue::Header));
    let run = run.map(|m| first_header.map_or(m, |h| h.min(m)));
    let heading = (from + 1..n).find(|&x| match blocks[x].comment_cue {
        Some(CommentCue::Heading) => heading_opens_thread(blocks, from, x, cfg),
        Some(CommentCue::Notice) => true,
        _ => false,
    });
    let notice = heading.is_some_and(|h| blocks[h].comment_cue == Some(CommentCue::Notice));
    let (start, why) = match (heading, run) {
        (Some(h), Some(m)) if m < h => (first_comment_start(blocks, from, m), "comment marker lines"),
        (Some(h), _) if notice => (h, "the site's comment notice"),
        (Some(h), _) => (h, "comment heading"),
        (None, Some(m)) => (first_comment_start(blocks, from, m), "comment marker lines"),
        (None, None) => return None,
    };
    if html && run.is_none() && !notice {
        return Some((start, start + 1, "reader comments heading (the HTML reading judged what follows)".to_string()));
    }
    // A comment heading ("Comments", "12 comments") or notice inside the thread does not end it.
    let end = (start + 1..n)
        .find(|&x| blocks[x].cue == Some(CueKind::End) && !blocks[x].comment_cue.is_some_and(CommentCue::opens_thread))
        .unwrap_or(n);
    Some((start, end, format!("reader comments (blocks {start}..{end}, opened by {why})")))
}

/// The page's reader comments: a thread (`comment_thread`), else, on a page's own text,
/// a tail of talk (`comment_tail`). A thread that a site's comment notice opened with no
/// other sign may stand below its comments (blogs put the notice under the thread): a
/// tail of talk that runs on into the notice starts the thread.
fn reader_comments(blocks: &[Block], from: usize, extracted: bool, cfg: &CleanConfig) -> Option<(usize, usize, String)> {
    let thread = comment_thread(blocks, from, extracted, cfg);
    if extracted {
        return thread;
    }
    let Some((start, end, why)) = thread else { return comment_tail(blocks, from, cfg) };
    if blocks[start].comment_cue != Some(CommentCue::Notice) {
        return Some((start, end, why));
    }
    match comment_tail(blocks, from, cfg) {
        Some((s, e, tail)) if s < start && e >= start => Some((s, end.max(e), format!("{tail}; the site's comment notice under it"))),
        _ => Some((start, end, why)),
    }
}

/// Lines that carry quoted speech: a quote mark on the line, or inside a quotation an
/// earlier line opened (sentence-per-line text splits "`` I will not resign . / I have
/// done nothing wrong , '' he said" over lines). An open quotation lasts at most 4 lines.
fn quoted_lines(blocks: &[Block]) -> Vec<bool> {
    let mut open = 0usize;
    blocks
        .iter()
        .map(|b| {
            let t = b.text;
            let opens = t.matches("``").count() + t.matches('“').count();
            let closes = t.matches("''").count() + t.matches('”').count();
            let straight = t.matches('"').count();
            let inside = open > 0;
            let marked = opens + closes + straight > 0;
            open = if opens > closes || straight % 2 == 1 { if inside && straight % 2 == 1 { 0 } else { 4 } } else if closes > opens { 0 } else { open.saturating_sub(1) };
            inside || marked
        })
        .collect()
}

/// Unquoted first- or second-person talk ("You 're attacking Obama", "Do n't talk to me").
fn is_talk(b: &Block, quoted: bool, cfg: &CleanConfig) -> bool {
    !quoted && b.words >= 3 && b.chat_hits >= 1 && b.chat_hits as f64 / b.words as f64 >= cfg.comment_chat_min_share
}

/// The comment tail of a text without thread markers (settings.toml, `comment_tail_*`):
/// from the first talk line whose window holds enough talk, after a lead that is mostly
/// not talk, to the end or to the first talk-free window with reporting-word lines again.
fn comment_tail(blocks: &[Block], from: usize, cfg: &CleanConfig) -> Option<(usize, usize, String)> {
    let n = blocks.len();
    let w = cfg.comment_tail_window.max(1);
    let quoted = quoted_lines(blocks);
    let talk: Vec<bool> = blocks.iter().zip(&quoted).map(|(b, &q)| is_talk(b, q, cfg)).collect();
    let count = |r: std::ops::Range<usize>| talk[r].iter().filter(|&&t| t).count();
    let start = (from + cfg.comment_tail_min_lead..n).find(|&x| talk[x] && count(x..(x + w).min(n)) >= cfg.comment_tail_min_talk)?;
    if count(from..start) as f64 > cfg.comment_tail_max_lead_share * (start - from) as f64 {
        return None;
    }
    // quotes alone do not count: readers quote the article and each other
    let reports = |x: usize| (x..(x + w).min(n)).filter(|&y| blocks[y].report_hits > 0).count();
    let end = (start + 1..n.saturating_sub(w - 1))
        .find(|&x| count(x..x + w) == 0 && reports(x) >= cfg.comment_tail_resume_reports)
        .unwrap_or(n);
    Some((start, end, format!("reader comments (blocks {start}..{end}, a tail of first- and second-person talk after the article)")))
}

/// Prose: a sentence of at least eight words that is not chat.
fn prose_chars(b: &Block, cfg: &CleanConfig) -> usize {
    if b.terminal && b.words >= 8 && !is_chat(b, cfg) && b.comment_cue.is_none() {
        b.chars
    } else {
        0
    }
}

/// A heading opens a thread when comment material follows it closely (markers, time
/// stamps, chat) or when less prose follows it than came before it.
fn heading_opens_thread(blocks: &[Block], from: usize, at: usize, cfg: &CleanConfig) -> bool {
    let near = blocks.iter().skip(at + 1).take(cfg.comment_marker_window);
    let material = near.clone().any(|b| b.comment_cue.is_some_and(CommentCue::is_marker) || b.stamp_line.is_some() || is_chat(b, cfg));
    let before: usize = blocks[from..at].iter().map(|b| prose_chars(b, cfg)).sum();
    let after: usize = blocks.iter().skip(at + 1).map(|b| prose_chars(b, cfg)).sum();
    material || after <= before
}

/// Where the first comment starts, given its first marker line at `m`: back over its text
/// (one or two blocks, when a header line stands before them) and its header lines (name,
/// time stamp, other comment lines), never onto the host's first body block.
fn first_comment_start(blocks: &[Block], from: usize, m: usize) -> usize {
    let header = |b: &Block| b.stamp_line.is_some() || (b.name_like && b.words <= 4) || b.comment_cue.is_some() || username_like(b);
    let mut s = m;
    for k in 1..=2 {
        if s > from + k && header(&blocks[s - k - 1]) && (s - k..s).all(|x| !header(&blocks[x])) {
            s -= k;
            break;
        }
    }
    while s > from + 1 && header(&blocks[s - 1]) {
        s -= 1;
    }
    s
}

/// A handle on its own line: one token, no sentence punctuation ("jsmith42", "@jane").
fn username_like(b: &Block) -> bool {
    b.words <= 1 && b.chars <= 30 && !b.text.contains(' ') && !b.terminal && b.text.chars().any(char::is_alphanumeric)
}

/// An appended candidate reads like an article: its body (the body-like blocks from
/// `body_start`) is not chat, and without a header it has several paragraphs.
fn reads_like_article(blocks: &[Block], classes: &[Class], body_start: usize, has_header: bool, cfg: &CleanConfig) -> bool {
    let body: Vec<&Block> = (body_start..blocks.len())
        .take_while(|&x| body_like(&classes[x], &blocks[x], cfg))
        .map(|x| &blocks[x])
        .collect();
    let words: usize = body.iter().map(|b| b.words).sum();
    let chat: usize = body.iter().map(|b| b.chat_hits).sum();
    let chatty = words == 0 || chat as f64 / words as f64 >= cfg.comment_chat_min_share;
    !chatty && (has_header || body.len() >= cfg.appended_min_paragraphs)
}

/// Relabels comment blocks in `[from, from + labels.len())` and drops them from `body`:
/// the thread's range, HTML comment-container text, and comment lines after the body began.
fn mark_comments(
    blocks: &[Block],
    thread: &Option<(usize, usize, String)>,
    body_from: usize,
    from: usize,
    labels: &mut [(BlockLabel, String)],
    body: &mut Vec<usize>,
) {
    for (i, label) in labels.iter_mut().enumerate() {
        let x = from + i;
        let Some(b) = blocks.get(x) else { continue };
        let why = match thread {
            Some((s, e, why)) if (*s..*e).contains(&x) => why.clone(),
            _ if b.in_comment_container => "inside an HTML comment container".to_string(),
            _ if x >= body_from && b.comment_cue.is_some() => "comment-thread line".to_string(),
            _ => continue,
        };
        *label = (BlockLabel::Comment, why);
    }
    body.retain(|&x| labels.get(x.wrapping_sub(from)).is_some_and(|l| l.0 == BlockLabel::Body));
}

/// The reason given to a picture credit or caption.
const CAPTION: &str = "picture credit or caption (credits.tsv)";

/// Labels every picture credit and caption `caption` that is not body (`base_class` takes
/// them for chrome, but on a page whose text the block classifier chose they are body again:
/// `trust_classifier`), except inside a comment thread or, as the host sees it, an appended
/// article.
pub(crate) fn mark_captions(a: &mut Analysis) {
    let relabel = |labels: &mut [(BlockLabel, String)], from: usize| {
        for (k, label) in labels.iter_mut().enumerate() {
            let caption = a.blocks.get(from + k).is_some_and(|b| b.caption);
            if caption && !matches!(label.0, BlockLabel::Body | BlockLabel::Comment | BlockLabel::Appended) {
                *label = (BlockLabel::Caption, CAPTION.to_string());
            }
        }
    };
    relabel(&mut a.host_labels, 0);
    relabel(&mut a.host.labels, a.host.first);
    for art in &mut a.appended {
        relabel(&mut art.labels, art.first);
    }
}

/// Reasons of the line reading that a page whose text the block classifier chose does not
/// follow: they judge a line by its place or shape (after an end cue, a second article,
/// before the headline, a time stamp or a short all-caps line), which the classifier already
/// weighed with the page's markup. On dragnet dev they took 2,600 gold words out for 450
/// others. Comment threads, comment containers and lines, cue lines, template and repeated
/// lines are still removed.
const OVERRULED_ON_CLASSIFIED: &[&str] = &[
    "after the end-of-article cue",
    "after the page's article",
    "page chrome before the",
    "time-stamp line",
    "short all-caps line",
    CAPTION,
];

/// On a page whose text the block classifier chose: every block taken out by a rule of
/// `OVERRULED_ON_CLASSIFIED` is body again, in page order.
pub(crate) fn trust_classifier(a: &mut Analysis) {
    let mut changed = false;
    for (i, (label, reason)) in a.host_labels.iter_mut().enumerate() {
        if *label == BlockLabel::Boilerplate && OVERRULED_ON_CLASSIFIED.iter().any(|r| reason.starts_with(r)) {
            *label = BlockLabel::Body;
            *reason = format!("kept by the block classifier (the line reading said: {reason})");
            a.host.body.push(i);
            changed = true;
        }
    }
    if changed {
        a.host.body.sort_unstable();
        a.host.body.dedup();
        a.host.end = a.host_labels.len();
        a.host.labels = a.host_labels.clone();
    }
}

/// On a page whose text the block classifier chose: a body block whose line repeats an
/// earlier body line is boilerplate. Pages carry the article twice (a print or mobile copy,
/// a hidden tab, a section label over every teaser); no article says a paragraph twice
/// (dragnet dev: 3,300 repeated words on 60 pages).
pub(crate) fn drop_repeated_lines(a: &mut Analysis) {
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    drop_body_lines(a, "repeats an earlier body line", |b| !b.norm.is_empty() && !seen.insert(b.norm.clone()));
}

/// On a page whose text the block classifier chose: a body line that opens with a copyright
/// notice ("© 2012 Example Media. All rights reserved. This material may not be
/// published…", "Copyright 2011 …") is the page's or the wire's legal furniture, never the
/// article's text. A page whose every body line opens so keeps them (a document has a body).
pub(crate) fn drop_copyright_lines(a: &mut Analysis) {
    if a.host.body.iter().all(|&i| a.blocks.get(i).is_none_or(|b| opens_with_copyright(b.text))) {
        return;
    }
    drop_body_lines(a, "copyright notice", |b| opens_with_copyright(b.text));
}

/// "©", "(c) 2012", "Copyright ©", "Copyright (c)" or "Copyright 2012" at the start of a line.
fn opens_with_copyright(text: &str) -> bool {
    let t = text.trim_start();
    let year_or_sign = |rest: &str| {
        let rest = rest.trim_start();
        rest.starts_with('\u{a9}') || rest.starts_with("(c)") || rest.starts_with("(C)") || rest.chars().take(4).filter(char::is_ascii_digit).count() == 4
    };
    t.starts_with('\u{a9}')
        || t.strip_prefix("(c)").or_else(|| t.strip_prefix("(C)")).is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        || t.get(..9).is_some_and(|h| h.eq_ignore_ascii_case("copyright")) && t.get(9..).is_some_and(year_or_sign)
}

/// Relabels as boilerplate, with `reason`, every host body block `drop` says so of, in page
/// order.
fn drop_body_lines(a: &mut Analysis, reason: &str, mut drop: impl FnMut(&Block) -> bool) {
    let blocks = &a.blocks;
    let mut dropped = false;
    for &i in &a.host.body {
        let (Some(b), Some(label)) = (blocks.get(i), a.host_labels.get_mut(i)) else { continue };
        if drop(b) {
            *label = (BlockLabel::Boilerplate, reason.to_string());
            dropped = true;
        }
    }
    if dropped {
        let labels = &a.host_labels;
        a.host.body.retain(|&i| labels.get(i).is_some_and(|l| l.0 == BlockLabel::Body));
        a.host.labels = labels.get(..a.host.end).map(<[_]>::to_vec).unwrap_or_default();
    }
}

/// The page's genre, by the first rule that holds (thresholds in settings.toml):
/// comments outweigh the body → comment thread; time-stamp lines inside the body range →
/// live blog; link-list items outweigh the body → listing; half the body lines open with a
/// date or clock time → schedule; half the body lines are figures → table; else article.
fn genre_of(blocks: &[Block], in_list: &[bool], labels: &[(BlockLabel, String)], body: &[usize], cfg: &CleanConfig) -> Genre {
    let chars = |f: &dyn Fn(usize) -> bool| -> usize { (0..blocks.len()).filter(|&x| f(x)).map(|x| blocks[x].chars).sum() };
    let body_chars: usize = body.iter().map(|&x| blocks[x].chars).sum();
    let comment_chars = chars(&|x| labels.get(x).is_some_and(|l| l.0 == BlockLabel::Comment));
    if comment_chars > body_chars && comment_chars >= cfg.length_high {
        return Genre::CommentThread;
    }
    if let (Some(&first), Some(&last)) = (body.first(), body.last()) {
        let stamps = (first..last).filter(|&x| blocks[x].stamp_line.is_some() || opens_with_clock(&blocks[x])).count();
        if stamps >= cfg.live_blog_min_stamps {
            return Genre::LiveBlog;
        }
    }
    let items = in_list.iter().filter(|&&l| l).count();
    if items >= cfg.listing_min_items && chars(&|x| in_list[x]) > body_chars {
        return Genre::Listing;
    }
    let dated = body.iter().filter(|&&x| blocks[x].dateline.is_some() || opens_with_clock(&blocks[x])).count();
    // credit lines are short, so rarely body themselves: count the whole page's
    let credits: usize = blocks.iter().map(|b| b.credits).sum();
    if (dated >= cfg.schedule_min_lines && dated * 2 >= body.len()) || credits >= cfg.schedule_min_credits {
        return Genre::Schedule;
    }
    let figures = body.iter().filter(|&&x| blocks[x].figures).count();
    if figures >= cfg.table_min_lines && figures * 2 >= body.len() {
        return Genre::Table;
    }
    Genre::Article
}

/// The line opens with a clock time ("10:32", "9.15am" is not matched).
fn opens_with_clock(b: &Block) -> bool {
    let t = crate::block::strip_bullet(b.text);
    t.starts_with(|c: char| c.is_ascii_digit()) && LEXICON.clock.find(t).is_some_and(|m| m.start() == 0)
}

/// The reading of a page the strict analysis found no article in: short wire items,
/// one-paragraph briefs, single-sentence flashes and tables of figures. Body = the prose
/// blocks (a sentence of five words or more, not chrome), or, when figure lines are half
/// the candidates, every candidate line (genre table). None when there is no prose at all.
pub(crate) fn short_item<'a>(blocks: Vec<Block<'a>>, cfg: &CleanConfig) -> Option<Analysis<'a>> {
    let n = blocks.len();
    let candidate = |b: &Block| {
        !(b.user_chrome || b.cue.is_some() || b.repeated || b.furniture || b.in_comment_container || b.comment_cue.is_some() || b.caption)
            && b.stamp_line.is_none()
            && b.words > 0
            && !(b.promo_hits >= cfg.promo_min_hits && b.promo_hits as f64 / b.words.max(1) as f64 >= cfg.promo_min_density)
    };
    let prose = |b: &Block| candidate(b) && b.words >= 5 && !b.figures && !b.all_caps && (b.terminal || b.chars >= cfg.length_low);
    let candidates: Vec<usize> = (0..n).filter(|&x| candidate(&blocks[x]) && !blocks[x].all_caps).collect();
    let figures = candidates.iter().filter(|&&x| blocks[x].figures).count();
    let table = figures >= cfg.table_min_lines && figures * 2 >= candidates.len();
    let body: Vec<usize> = if table {
        candidates.iter().copied().filter(|&x| blocks[x].figures || prose(&blocks[x])).collect()
    } else {
        (0..n).filter(|&x| prose(&blocks[x])).collect()
    };
    let first = *body.first()?;
    let title = (0..first).rev().find(|&x| headline_like(&blocks[x], cfg));
    let labels: Vec<(BlockLabel, String)> = (0..n)
        .map(|x| {
            if Some(x) == title {
                (BlockLabel::Title, "headline before a short item".to_string())
            } else if body.contains(&x) && blocks[x].figures {
                (BlockLabel::Body, "table: figure line".to_string())
            } else if body.contains(&x) {
                (BlockLabel::Body, format!("short item: a sentence of {} words", blocks[x].words))
            } else {
                (BlockLabel::Boilerplate, "short item: not prose".to_string())
            }
        })
        .collect();
    let explicit = body.iter().find_map(|&x| blocks[x].dateline);
    let host = Article {
        first: 0,
        end: n,
        title,
        outlet: None,
        stamp: None,
        explicit,
        dateline_rest: None,
        body,
        labels: labels.clone(),
    };
    let genre = if table { Genre::Table } else { Genre::Article };
    Some(Analysis { blocks, host, appended: Vec::new(), host_labels: labels, genre })
}

/// A header found around a stamp line.
#[derive(Clone, Debug)]
struct Header {
    start: usize,
    anchor: usize,
    body_start: usize,
    title: Option<usize>,
    outlet: Option<String>,
    stamp: Option<Stamp>,
    explicit: Option<chrono::NaiveDate>,
}

fn header_at(blocks: &[Block], classes: &[Class], i: usize, cfg: &CleanConfig) -> Option<Header> {
    let anchor: &StampLine = blocks.get(i)?.stamp_line.as_ref()?;
    let material = |b: &Block| {
        b.stamp_line.is_some() || b.byline || b.name_like && b.cue.is_none()
    };
    // Forward: names and stamps, then a headline or directly the body.
    let mut j = i + 1;
    while j < blocks.len() && j - i <= 4 && blocks.get(j).is_some_and(material) {
        j += 1;
    }
    let (title_after, body_start) = match (blocks.get(j), classes.get(j + 1), blocks.get(j + 1)) {
        (Some(b), Some(c1), Some(b1)) if headline_like(b, cfg) && body_like(c1, b1, cfg) && b.chars < b1.chars => {
            (Some(j), j + 1)
        }
        (Some(b), _, _) if classes.get(j).is_some_and(|c| body_like(c, b, cfg)) && b.chars > cfg.max_heading_chars / 2 => (None, j),
        _ => return None,
    };
    // Backward: names, duplicated headlines, short chrome; never across body text or an end cue.
    let mut k = i;
    while k > 0 && i - k < 5 {
        let b = &blocks[k - 1];
        let take = b.cue != Some(CueKind::End)
            && !(b.text.trim_end_matches(['"', '\'', '”', '’']).ends_with('.') && b.chars >= cfg.length_low)
            && (material(b) || headline_like(b, cfg) || (b.cue == Some(CueKind::Inline) && b.words <= 3))
            && !(matches!(classes[k - 1], Class::Good) && b.chars >= cfg.length_high);
        if !take {
            break;
        }
        k -= 1;
    }
    let title = title_after.or_else(|| (k..i).rev().find(|&x| headline_like(&blocks[x], cfg)));
    // The title's first occurrence in the header is the one labelled Title.
    let title = title.map(|t| (k..t).find(|&x| blocks[x].norm == blocks[t].norm).unwrap_or(t));
    let outlet = anchor.name.clone().or_else(|| {
        let names: Vec<usize> = (k..body_start)
            .filter(|&x| Some(x) != title && x != i && blocks[x].name_like && blocks[x].stamp_line.is_none())
            .filter(|&x| title.is_none_or(|t| blocks[x].norm != blocks[t].norm))
            .collect();
        let twice = names.iter().find(|&&x| names.iter().filter(|&&y| blocks[y].norm == blocks[x].norm).count() >= 2);
        twice
            .or(names.first())
            .map(|&x| crate::block::strip_bullet(blocks[x].text).trim().to_string())
    });
    Some(Header {
        start: k,
        anchor: i,
        body_start,
        title,
        outlet,
        stamp: anchor.relative,
        explicit: anchor.explicit,
    })
}

fn content_of(blocks: &[Block], idx: impl Iterator<Item = usize>) -> WordSet {
    let mut out = WordSet::default();
    for i in idx {
        if let Some(b) = blocks.get(i) {
            out.extend(b.content().iter().cloned());
        }
    }
    out
}

fn overlap(c: &WordSet, host: &WordSet) -> f64 {
    if c.is_empty() {
        return 0.0;
    }
    c.intersection(host).count() as f64 / c.len() as f64
}

/// jusText context smoothing over `[from, to)`, then labels. Blocks after an
/// end-of-article cue (once body text was seen) are chrome.
fn label_body(
    _extracted: bool,
    blocks: &[Block],
    classes: &[Class],
    from: usize,
    to: usize,
    cfg: &CleanConfig,
) -> (Vec<usize>, Vec<(BlockLabel, String)>) {
    let mut cls: Vec<Class> = classes.get(from..to).map(<[Class]>::to_vec).unwrap_or_default();
    let n = cls.len();
    let neighbour = |cls: &[Class], i: usize, dir: isize| -> Class {
        let mut j = i as isize + dir;
        while j >= 0 && (j as usize) < n {
            // Short blocks, inline chrome ("Advertisement") and picture credits are transparent.
            let inline = blocks.get(from + j as usize).is_some_and(|b| b.cue == Some(CueKind::Inline) || b.caption);
            match &cls[j as usize] {
                Class::Short => j += dir,
                _ if inline => j += dir,
                c => return c.clone(),
            }
        }
        Class::Bad("edge".into())
    };
    // Near-good first: good unless bad on both sides.
    let snapshot = cls.clone();
    for i in 0..n {
        if cls[i] == Class::NearGood {
            let (p, q) = (neighbour(&snapshot, i, -1), neighbour(&snapshot, i, 1));
            let bad_both = matches!(p, Class::Bad(_)) && matches!(q, Class::Bad(_));
            cls[i] = if bad_both { Class::Bad("near-good block between chrome".into()) } else { Class::Good };
        }
    }
    let snapshot = cls.clone();
    for i in 0..n {
        if cls[i] == Class::Short {
            let (p, q) = (neighbour(&snapshot, i, -1), neighbour(&snapshot, i, 1));
            let b = &blocks[from + i];
            cls[i] = match (&p, &q) {
                (Class::Good, Class::Good) => Class::Good,
                (Class::Good, _) | (_, Class::Good) if b.terminal && b.stop >= cfg.stop_low && b.words >= 3 => Class::Good,
                _ => Class::Bad("short block next to chrome".into()),
            };
        }
    }
    let mut body = Vec::new();
    let mut labels = Vec::with_capacity(n);
    let mut ended: Option<usize> = None;
    for (i, c) in cls.iter().enumerate() {
        let idx = from + i;
        let b = &blocks[idx];
        if let Some(at) = ended {
            if is_chat(b, cfg) {
                labels.push((BlockLabel::Comment, format!("first-person chat after the end-of-article cue at block {at}")));
            } else {
                labels.push((BlockLabel::Boilerplate, format!("after the end-of-article cue at block {at}")));
            }
            continue;
        }
        // An end cue ends the article only when what follows is not mostly more good text.
        let body_before: usize = body.iter().map(|&x: &usize| blocks[x].chars).sum();
        let good_after = || -> usize {
            (i + 1..n).filter(|&y| cls[y] == Class::Good).map(|y| blocks[from + y].chars).sum()
        };
        if b.cue == Some(CueKind::End) && !body.is_empty() && good_after() <= body_before {
            ended = Some(idx);
            labels.push((BlockLabel::Boilerplate, "end-of-article cue line".into()));
            continue;
        }
        match c {
            Class::Good => {
                body.push(idx);
                let why = match &classes[idx] {
                    Class::Good => format!("good: {} chars, stop-word density {:.2}", b.chars, b.stop),
                    Class::NearGood => format!("near-good ({} chars, density {:.2}) next to good text", b.chars, b.stop),
                    _ => format!("short ({} chars) between good blocks", b.chars),
                };
                labels.push((BlockLabel::Body, why));
            }
            Class::Bad(why) => labels.push((BlockLabel::Boilerplate, why.clone())),
            _ => labels.push((BlockLabel::Boilerplate, "unresolved".into())),
        }
    }
    (body, labels)
}

fn header_labels(
    blocks: &[Block],
    from: usize,
    to: usize,
    title: Option<usize>,
    stamp_reason: &str,
) -> Vec<(BlockLabel, String)> {
    (from..to)
        .map(|x| {
            let b = &blocks[x];
            if Some(x) == title {
                (BlockLabel::Title, "headline: short capitalised line before the body".to_string())
            } else if title.is_some_and(|t| blocks[t].norm == b.norm) {
                (BlockLabel::Boilerplate, "repeat of the headline".to_string())
            } else if b.dateline.is_some() {
                (BlockLabel::Dateline, "dateline: opens with an explicit date".to_string())
            } else if b.byline {
                (BlockLabel::Byline, "byline: opens with a byline word".to_string())
            } else if b.stamp_line.is_some() {
                (BlockLabel::Byline, format!("time stamp of the article header{stamp_reason}"))
            } else if b.name_like && b.cue.is_none() {
                (BlockLabel::Byline, "outlet or author name in the article header".to_string())
            } else {
                (BlockLabel::Boilerplate, "page chrome before the headline".to_string())
            }
        })
        .collect()
}

/// Classifies the blocks of one page.
///
/// `extracted` is true for text an HTML extractor already reduced to main content: there
/// the jusText length/density classes are not applied, only chrome lines, end cues and
/// glued articles are removed.
pub(crate) fn analyse<'a>(blocks: Vec<Block<'a>>, cfg: &CleanConfig, extracted: bool) -> Option<Analysis<'a>> {
    let n = blocks.len();
    // Link lists: runs of bulleted short lines.
    let mut in_list = vec![false; n];
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j < n && blocks[j].bullet && blocks[j].chars <= cfg.max_heading_chars && !blocks[j].name_like {
            j += 1;
        }
        if j - i >= cfg.list_min_items.max(1) {
            in_list[i..j].iter_mut().for_each(|x| *x = true);
        }
        i = j.max(i + 1);
    }
    let classes: Vec<Class> = blocks.iter().zip(&in_list).map(|(b, &l)| base_class(b, cfg, l, extracted)).collect();
    // First body block: body-like, and not a headline standing before longer text.
    let fb = (0..n).find(|&x| {
        (extracted && classes[x] == Class::Good && (!headline_like(&blocks[x], cfg) || ends_as_prose(blocks[x].text)))
            || body_like(&classes[x], &blocks[x], cfg)
            && !(headline_like(&blocks[x], cfg)
                && !blocks[x].text.ends_with('.')
                && (x + 1..n.min(x + 4)).any(|y| body_like(&classes[y], &blocks[y], cfg) && blocks[y].chars > blocks[x].chars))
    })?;
    let first_good = (0..n).find(|&x| classes[x] == Class::Good).unwrap_or(fb);

    // Headers around stamp lines, in order, not overlapping.
    let mut headers: Vec<Header> = Vec::new();
    for x in 0..n {
        if headers.last().is_some_and(|h| x < h.body_start) {
            continue;
        }
        if let Some(h) = header_at(&blocks, &classes, x, cfg) {
            if headers.last().is_none_or(|p| h.start >= p.body_start) {
                headers.push(h);
            }
        }
    }
    let host_header = headers.first().filter(|h| h.anchor <= first_good.max(fb) && h.start <= fb.max(first_good)).cloned();
    let (host_first_body, host_title, mut host_outlet, host_stamp, mut host_explicit) = match &host_header {
        Some(h) => (h.body_start.min(fb.max(h.body_start)), h.title, h.outlet.clone(), h.stamp, h.explicit),
        None => {
            let title = (0..fb).rev().find(|&x| headline_like(&blocks[x], cfg)).map(|t| {
                (0..t).find(|&x| blocks[x].norm == blocks[t].norm).unwrap_or(t)
            });
            let outlet = (0..fb).find_map(|x| blocks[x].stamp_line.as_ref().and_then(|s| s.name.clone()));
            let stamp = (0..fb).find_map(|x| blocks[x].stamp_line.as_ref().and_then(|s| s.relative));
            let explicit = (0..fb).find_map(|x| blocks[x].stamp_line.as_ref().and_then(|s| s.explicit));
            (fb, title, outlet, stamp, explicit)
        }
    };
    let host_head_start = host_header.as_ref().map_or(0, |h| h.start);
    let dateline = (0..host_first_body).find_map(|x| blocks[x].dateline.map(|d| (x, d)));
    if host_explicit.is_none() {
        host_explicit = dateline.map(|d| d.1);
    }
    let dateline_rest = dateline.and_then(|(x, _)| {
        let t = blocks[x].text;
        let (_, e, _) = crate::date::mentions(t).into_iter().next()?;
        Some(t.get(e..)?.trim().to_string())
    });
    let host_vocab = content_of(
        &blocks,
        host_title.into_iter().chain(
            (host_first_body..n)
                .take_while(|&x| blocks[x].cue != Some(CueKind::End) && blocks[x].stamp_line.is_none())
                .filter(|&x| classes[x] == Class::Good)
                .take(3),
        ),
    );

    // Reader comments: never body, and no appended article starts inside them.
    let thread = reader_comments(&blocks, host_first_body, extracted, cfg);
    let in_thread = |x: usize| thread.as_ref().is_some_and(|t| (t.0..t.1).contains(&x));

    // Appended articles: later headers, validated.
    let mut starts: Vec<(Header, f64, String)> = Vec::new();
    for h in headers.iter().filter(|h| h.anchor > host_first_body && !in_thread(h.start) && !in_thread(h.anchor)) {
        let Some(t) = h.title else { continue };
        if !reads_like_article(&blocks, &classes, h.body_start, true, cfg) {
            continue;
        }
        let body_chars: usize = (h.body_start..n)
            .take_while(|&x| body_like(&classes[x], &blocks[x], cfg))
            .map(|x| blocks[x].chars)
            .sum();
        if body_chars < cfg.appended_min_body_chars {
            continue;
        }
        let cand = content_of(&blocks, [t, h.body_start].into_iter());
        let ov = overlap(&cand, &host_vocab);
        let why = if !starts.is_empty() {
            "after another appended article".to_string()
        } else {
            let gap_chrome = (host_first_body..h.start).rev().take_while(|&x| !(classes[x] == Class::Good)).any(|x| matches!(classes[x], Class::Bad(_)))
                || (host_first_body..h.start).any(|x| blocks[x].cue == Some(CueKind::End));
            let gap_chrome = if extracted {
                (host_first_body..h.start).any(|x| blocks[x].cue == Some(CueKind::End))
            } else {
                gap_chrome
            };
            if gap_chrome {
                "host article ended (chrome or end cue before this header)".to_string()
            } else if ov < cfg.topic_shift_max_overlap && !extracted {
                format!("topic shift from the host (overlap {ov:.2})")
            } else {
                continue;
            }
        };
        starts.push((h.clone(), ov, why));
    }
    // Header-less articles after an end cue: headline + off-topic body text.
    let host_end_guess = starts.first().map_or(n, |s| s.0.start);
    if let Some(cue_at) = (host_first_body..host_end_guess).find(|&x| blocks[x].cue == Some(CueKind::End)) {
        let mut x = cue_at + 1;
        while x + 1 < host_end_guess {
            let (b, nb) = (&blocks[x], &blocks[x + 1]);
            if headline_like(b, cfg) && !b.terminal && body_like(&classes[x + 1], nb, cfg) && nb.chars >= cfg.appended_min_body_chars {
                let cand = content_of(&blocks, [x, x + 1].into_iter());
                let ov = overlap(&cand, &host_vocab);
                if ov < cfg.topic_shift_max_overlap && !in_thread(x) && reads_like_article(&blocks, &classes, x + 1, false, cfg) {
                    let h = Header { start: x, anchor: x, body_start: x + 1, title: Some(x), outlet: None, stamp: None, explicit: None };
                    starts.push((h, ov, format!("headline after an end cue, topic shift (overlap {ov:.2})")));
                    x += 2;
                    continue;
                }
            }
            x += 1;
        }
        starts.sort_by_key(|s| s.0.start);
    }
    let host_end = starts.first().map_or(n, |s| s.0.start);

    // Host labels.
    let mut host_labels: Vec<(BlockLabel, String)> = Vec::with_capacity(n);
    host_labels.extend((0..host_head_start).map(|_| (BlockLabel::Boilerplate, "page chrome before the article header".to_string())));
    host_labels.extend(header_labels(&blocks, host_head_start, host_first_body.min(host_end), host_title, ""));
    let (mut host_body, body_labels) = label_body(extracted, &blocks, &classes, host_first_body.min(host_end), host_end, cfg);
    host_labels.extend(body_labels);
    if host_body.is_empty() {
        return None;
    }
    if host_outlet.is_none() {
        host_outlet = host_header.as_ref().and_then(|h| h.outlet.clone());
    }
    let mut appended = Vec::new();
    for (k, (h, ov, why)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(n, |s| s.0.start);
        let mut labels = header_labels(&blocks, h.start, h.body_start, h.title, "");
        let (mut body, bl) = label_body(extracted, &blocks, &classes, h.body_start, end, cfg);
        labels.extend(bl);
        mark_comments(&blocks, &thread, host_first_body, h.start, &mut labels, &mut body);
        for x in h.start..end {
            host_labels.push((
                BlockLabel::Appended,
                format!("appended article {} (blocks {}..{}): {why}; topic overlap with the host {ov:.2}", k + 1, h.start, end),
            ));
            let _ = x;
        }
        appended.push(Article {
            first: h.start,
            end,
            title: h.title,
            outlet: h.outlet.clone(),
            stamp: h.stamp,
            explicit: h.explicit,
            dateline_rest: None,
            body,
            labels,
        });
    }
    mark_comments(&blocks, &thread, host_first_body, 0, &mut host_labels, &mut host_body);
    let genre = genre_of(&blocks, &in_list, &host_labels, &host_body, cfg);
    let host = Article {
        first: 0,
        end: host_end,
        title: host_title,
        outlet: host_outlet,
        stamp: host_stamp,
        explicit: host_explicit,
        dateline_rest,
        body: host_body,
        labels: host_labels.get(..host_end).map(<[_]>::to_vec).unwrap_or_default(),
    };
    Some(Analysis { blocks, host, appended, host_labels, genre })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_endings_are_not_headline_endings() {
        assert!(ends_as_prose("In a week the harbour reopens after 55 days."));
        assert!(ends_as_prose("The council listed three reasons:"));
        assert!(ends_as_prose("She called the vote a \"disgrace\"."));
        assert!(!ends_as_prose("Storm Debris Sighted off Wash."));
        assert!(!ends_as_prose("Flood barrier holds during storm"));
        assert!(!ends_as_prose("Talks go on..."));
    }

    #[test]
    fn copyright_notices_are_told_by_their_opening() {
        assert!(opens_with_copyright("\u{a9} 2024 Example Gazette. All rights reserved. This material may not be redistributed."));
        assert!(opens_with_copyright("Copyright 2019 Harbour Wire. Click for restrictions."));
        assert!(opens_with_copyright("  Copyright \u{a9} Example Media Group"));
        assert!(opens_with_copyright("(c) 2021 Example Gazette"));
        assert!(!opens_with_copyright("Copyright owners asked the court to block the sale on Monday."));
        assert!(!opens_with_copyright("Artwork and photos \u{a9} the artist"));
    }
}
