//! An HTML page as text blocks: one block per run of text between block-level boundaries
//! (`p`, `div`, `li`, `h1`, `td`, `br` …), each with what the block classifier reads of its
//! place in the page — the tag that holds it, the tags above it, the class/id word groups of
//! `data/clean/block_words.tsv` near it and anywhere above it, how much of it is link text,
//! and whether it lies in a comment container.

use std::collections::HashMap;
use std::sync::LazyLock;

const BLOCK_WORDS: &str = include_str!("../../../data/clean/block_words.tsv");

/// Tags whose content is never text of the page.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "head", "select", "option", "textarea", "object",
    "embed", "canvas", "map", "button", "math",
];

/// Tags that start and end a block.
const BLOCK: &[&str] = &[
    "p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "li", "ul", "ol", "dl", "dt", "dd",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "blockquote",
    "pre", "figure", "figcaption", "form", "fieldset", "address", "hr", "center", "body", "html", "details", "summary",
    "legend", "label",
];

/// Ancestor tags the classifier sees (bit i of [`PageBlock::above`] is `ABOVE[i]`).
pub(crate) const ABOVE: &[&str] =
    &["article", "main", "aside", "nav", "footer", "header", "form", "ul", "li", "table", "figure", "blockquote", "h", "dl", "section", "a"];

/// Holder tags with a feature of their own; any other holder is `other`.
pub(crate) const HOLDERS: &[&str] =
    &["p", "div", "li", "td", "h1", "h2", "h", "dd", "blockquote", "pre", "section", "figcaption", "span", "other"];

/// The class/id word groups, loaded once from `data/clean/block_words.tsv`.
pub(crate) struct WordGroups {
    /// Group names, in file order (bit i of a mask is `names[i]`).
    pub names: Vec<String>,
    exact: HashMap<String, u32>,
    contained: Vec<(String, u32)>,
}

impl WordGroups {
    fn parse(text: &str) -> WordGroups {
        let mut g = WordGroups { names: Vec::new(), exact: HashMap::new(), contained: Vec::new() };
        for line in text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            let Some((name, words)) = line.split_once('\t') else { continue };
            if g.names.len() >= 32 {
                break;
            }
            let bit = 1u32 << g.names.len();
            g.names.push(name.trim().to_string());
            for w in words.split_whitespace() {
                *g.exact.entry(w.to_string()).or_default() |= bit;
                if w.len() >= 4 {
                    g.contained.push((w.to_string(), bit));
                }
            }
        }
        g
    }

    /// The groups of an element's class, id, role and itemprop words.
    fn mask(&self, names: &str) -> u32 {
        let mut m = 0;
        let lower = names.to_lowercase();
        for w in lower.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
            if let Some(b) = self.exact.get(w) {
                m |= b;
            }
            if w.len() >= 4 {
                for (k, b) in &self.contained {
                    if w.len() > k.len() && w.contains(k.as_str()) {
                        m |= b;
                    }
                }
            }
        }
        m
    }
}

/// The word groups of `data/clean/block_words.tsv`.
pub(crate) static GROUPS: LazyLock<WordGroups> = LazyLock::new(|| WordGroups::parse(BLOCK_WORDS));

/// One text block of a page.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct PageBlock {
    /// The text, whitespace collapsed.
    pub text: String,
    /// Characters of it inside links.
    pub link_chars: usize,
    /// Index in [`HOLDERS`] of the block-level tag holding it.
    pub holder: usize,
    /// Bits of [`ABOVE`]: tags among its ancestors.
    pub above: u32,
    /// Word groups of the holder and its parent.
    pub near: u32,
    /// Word groups of any ancestor.
    pub far: u32,
    /// Inside a reader-comment container (see `html::is_comment_container`).
    pub comment: bool,
    /// Text held by the block-level element holding this block, its parent and grandparent
    /// (all their blocks together).
    pub context: [Context; 3],
    /// Ids of those three elements (unique within the page), for the second pass of the
    /// classifier, which asks how much of an element's text the first pass kept.
    pub owners: [Option<usize>; 3],
    /// Where the block lies against the page's main container (see [`main_container`]).
    pub main: Placement,
}

/// Where a block lies against the page's main container.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Placement {
    /// No container was found (a page without good text).
    #[default]
    Unknown,
    /// Inside it.
    Inside,
    /// Before it or after it in the page.
    Before,
    After,
}

/// What one element holds, over all blocks inside it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Context {
    /// Characters of text.
    pub chars: usize,
    /// Of which inside links.
    pub link_chars: usize,
    /// Characters of "good" blocks: a sentence end, over 80 characters, under a fifth links.
    pub good_chars: usize,
}

struct Frame {
    holder: usize,
    above: u32,
    groups: u32,
    comment: bool,
    /// Block-level (inline frames only carry a link's or a span's class words).
    block: bool,
    id: usize,
}

struct Walk {
    frames: Vec<Frame>,
    /// Per element id, its block-level parent's id.
    parents: Vec<Option<usize>>,
    /// Per element id, what it holds so far.
    held: Vec<Context>,
    text: String,
    link_chars: usize,
    links: usize,
    blocks: Vec<PageBlock>,
}

impl Walk {
    fn flush(&mut self) {
        let text = self.text.trim();
        if text.chars().any(char::is_alphanumeric) {
            let n = self.frames.len();
            let near = self.frames.iter().skip(n.saturating_sub(2)).fold(0, |m, f| m | f.groups);
            let far = self.frames.iter().fold(0, |m, f| m | f.groups);
            let top = self.frames.last();
            let chars = text.chars().count();
            let link_chars = self.link_chars.min(chars);
            let good = text.ends_with(['.', '!', '?', '"', '\u{201d}']) && chars > 80 && link_chars * 5 < chars;
            for f in self.frames.iter().filter(|f| f.block) {
                if let Some(h) = self.held.get_mut(f.id) {
                    h.chars += chars;
                    h.link_chars += link_chars;
                    h.good_chars += if good { chars } else { 0 };
                }
            }
            let mut owners = [None; 3];
            for (slot, f) in owners.iter_mut().zip(self.frames.iter().rev().filter(|f| f.block)) {
                *slot = Some(f.id);
            }
            self.blocks.push(PageBlock {
                owners,
                text: text.to_string(),
                link_chars,
                holder: top.map_or(HOLDERS.len() - 1, |f| f.holder),
                above: top.map_or(0, |f| f.above),
                near,
                far,
                comment: self.frames.iter().any(|f| f.comment),
                context: [Context::default(); 3],
                main: Placement::Unknown,
            });
        }
        self.text.clear();
        self.link_chars = 0;
    }

    fn push_text(&mut self, t: &str) {
        let mut added = 0;
        for w in t.split_whitespace() {
            if !self.text.is_empty() && !self.text.ends_with(' ') {
                self.text.push(' ');
            }
            self.text.push_str(w);
            added += w.chars().count() + 1;
        }
        if t.ends_with(char::is_whitespace) && !self.text.is_empty() && !self.text.ends_with(' ') {
            self.text.push(' ');
        }
        if self.links > 0 {
            self.link_chars += added;
        }
    }

    fn visit(&mut self, node: &dom_query::NodeRef) {
        if node.is_text() {
            self.push_text(&node.text());
            return;
        }
        if !node.is_element() {
            for c in node.children_it(false) {
                self.visit(&c);
            }
            return;
        }
        let name = node.node_name().map(|n| n.to_lowercase()).unwrap_or_default();
        if SKIP.contains(&name.as_str()) {
            return;
        }
        if name == "br" || name == "hr" {
            self.flush();
            return;
        }
        let is_block = BLOCK.contains(&name.as_str());
        let names = format!(
            "{} {} {} {}",
            node.attr("class").unwrap_or_default(),
            node.attr("id").unwrap_or_default(),
            node.attr("role").unwrap_or_default(),
            node.attr("itemprop").unwrap_or_default()
        );
        let groups = if names.trim().is_empty() { 0 } else { GROUPS.mask(&names) };
        let is_link = name == "a";
        if is_block {
            self.flush();
            let parent = self.frames.last();
            let tag = if name.len() == 2 && name.starts_with('h') && name != "hr" { "h" } else { name.as_str() };
            let mut above = parent.map_or(0, |f| f.above);
            if let Some(i) = ABOVE.iter().position(|a| *a == tag || (*a == "ul" && name == "ol")) {
                above |= 1 << i;
            }
            let holder = HOLDERS
                .iter()
                .position(|h| *h == name.as_str() || (*h == "td" && name == "th") || (*h == "dd" && name == "dt"))
                .or_else(|| (tag == "h").then_some(6))
                .unwrap_or(HOLDERS.len() - 1);
            let lower = names.to_lowercase();
            let maybe_comment = lower.contains("omment") || lower.contains("disqus") || lower.contains("fyre") || node.has_attr("itemtype");
            let comment = maybe_comment && crate::html::is_comment_container(node);
            let id = self.held.len();
            self.held.push(Context::default());
            self.parents.push(self.frames.iter().rev().find(|f| f.block).map(|f| f.id));
            self.frames.push(Frame { holder, above, groups, comment, block: true, id });
            for c in node.children_it(false) {
                self.visit(&c);
            }
            self.flush();
            self.frames.pop();
        } else {
            // Inline: its groups count only while it is open (a link's class is the link's).
            if is_link {
                self.links += 1;
            }
            let pushed = groups != 0 || is_link;
            if pushed {
                let top = self.frames.last();
                let above = top.map_or(0, |f| f.above) | if is_link { 1 << (ABOVE.len() - 1) } else { 0 };
                let holder = top.map_or(HOLDERS.len() - 1, |f| f.holder);
                let comment = top.is_some_and(|f| f.comment);
                self.frames.push(Frame { holder, above, groups, comment, block: false, id: usize::MAX });
            }
            for c in node.children_it(false) {
                self.visit(&c);
            }
            if pushed {
                self.frames.pop();
            }
            if is_link {
                self.links -= 1;
            }
        }
    }
}

/// The text blocks of a parsed page, in document order.
pub(crate) fn blocks(doc: &dom_query::Document) -> Vec<PageBlock> {
    let mut w = Walk { frames: Vec::new(), parents: Vec::new(), held: Vec::new(), text: String::new(), link_chars: 0, links: 0, blocks: Vec::new() };
    w.visit(&doc.root());
    w.flush();
    for b in &mut w.blocks {
        for (c, o) in b.context.iter_mut().zip(b.owners) {
            *c = o.and_then(|id| w.held.get(id)).copied().unwrap_or_default();
        }
    }
    if let Some(main) = main_container(&w.held) {
        let mut seen = false;
        for b in &mut w.blocks {
            let inside = within(&w.parents, b.owners[0], main);
            b.main = if inside {
                seen = true;
                Placement::Inside
            } else if seen {
                Placement::After
            } else {
                Placement::Before
            };
        }
    }
    w.blocks
}

/// True when element `e` is `ancestor` or lies inside it.
fn within(parents: &[Option<usize>], mut e: Option<usize>, ancestor: usize) -> bool {
    while let Some(id) = e {
        if id == ancestor {
            return true;
        }
        // Parents have smaller ids than their children: the walk ends.
        e = parents.get(id).copied().flatten();
    }
    false
}

/// The page's main container: the element whose good text (sentences over 80 characters,
/// few links) less its other text is largest — the smallest element that holds
/// the run of prose paragraphs without the page around it (in the manner of Readability's
/// top candidate). Wrapping it in more of the page adds less good text than other text.
fn main_container(held: &[Context]) -> Option<usize> {
    let mut best: Option<(f64, usize)> = None;
    for (id, c) in held.iter().enumerate() {
        if c.good_chars == 0 {
            continue;
        }
        let score = c.good_chars as f64 - (c.chars - c.good_chars) as f64;
        // Ties go to the later (deeper) element.
        if best.is_none_or(|(s, _)| score >= s) {
            best = Some((score, id));
        }
    }
    best.map(|(_, id)| id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_follow_block_tags_and_keep_their_context() {
        let html = r#"<html><head><title>T</title><script>var x = 1;</script></head><body>
<nav class="top-menu"><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul></nav>
<div class="storyContent"><h1>Harbour reopens</h1><p>The harbour <b>reopened</b> on Saturday, <a href="/x">officials</a> said.</p>
<p>Line one<br>line two</p></div>
<div id="comments"><p>I loved it.</p></div></body></html>"#;
        let doc = dom_query::Document::from(html);
        let b = blocks(&doc);
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Home", "World", "Harbour reopens", "The harbour reopened on Saturday, officials said.", "Line one", "line two", "I loved it."]);
        let bit = |g: &str| 1u32 << GROUPS.names.iter().position(|n| n == g).unwrap();
        assert!(b[0].far & bit("nav") != 0 && b[0].link_chars == 4);
        assert_eq!(HOLDERS[b[2].holder], "h1");
        assert!(b[3].near & bit("content") != 0, "storycontent contains 'content'");
        assert!(b[3].link_chars > 0 && b[3].link_chars < 20, "{}", b[3].link_chars);
        assert!(b[6].comment && !b[3].comment);
        // the story div holds the headline and three paragraphs' text, one of them links
        let story = b[3].context[1];
        assert_eq!(story.chars, ["Harbour reopens", "The harbour reopened on Saturday, officials said.", "Line one", "line two"].iter().map(|t| t.len()).sum::<usize>());
        assert_eq!(b[3].context[0].chars, b[3].text.len());
    }

    #[test]
    fn the_main_container_holds_the_run_of_prose_and_its_lists() {
        // A story whose list items are short, and a sidebar with a teaser paragraph among
        // more link text: the story div is the main container, list items and all (taking
        // in the sidebar adds more other text than good text); the sidebar and footer are
        // after it, the menu before it.
        let para = |s: &str| format!("<p>{s} The council said the work would take most of the coming year to finish.</p>");
        let html = format!(
            r#"<html><body><ul class="menu"><li><a href="/">Home</a></li><li><a href="/a">Local</a></li></ul>
<div class="wrap"><div class="story"><h1>Bridge to close for repairs</h1>{}{}<ul><li>Detours via Mill Road</li><li>Buses every ten minutes</li></ul>{}</div>
<div class="side"><p><a href="/x">Read more</a> Schools reopen after the storm as staff clear the fallen trees from the playing fields.</p>
<ul><li><a href="/1">Council budget approved</a></li><li><a href="/2">Market moves to the square</a></li><li><a href="/3">New library hours</a></li>
<li><a href="/4">Roadworks on the ring road</a></li><li><a href="/5">Photos: the harvest fair</a></li><li><a href="/6">Letters to the editor</a></li></ul></div></div>
<div class="footer"><p>Contact us</p></div></body></html>"#,
            para("The old river bridge will close on Monday for repairs."),
            para("Traffic will be sent through the town centre instead."),
            para("Residents were told of the plan at a meeting last week."),
        );
        let b = blocks(&dom_query::Document::from(html.as_str()));
        let at = |t: &str| b.iter().find(|b| b.text.starts_with(t)).map(|b| b.main).unwrap();
        assert_eq!(at("Home"), Placement::Before);
        assert_eq!(at("Bridge to close"), Placement::Inside);
        assert_eq!(at("Detours via"), Placement::Inside, "a list among the story's paragraphs");
        assert_eq!(at("Residents were told"), Placement::Inside);
        assert_eq!(at("Read more"), Placement::After);
        assert_eq!(at("Council budget"), Placement::After);
        assert_eq!(at("Contact us"), Placement::After);
    }

    #[test]
    fn a_page_without_good_text_has_no_main_container() {
        let b = blocks(&dom_query::Document::from("<html><body><ul><li><a href='/'>Home</a></li></ul><p>Menu</p></body></html>"));
        assert!(b.iter().all(|b| b.main == Placement::Unknown));
    }

    #[test]
    fn word_groups_match_whole_and_contained_words() {
        let g = &*GROUPS;
        assert_ne!(g.mask("article-body"), 0);
        assert_eq!(g.mask("xyz qq"), 0);
        assert_eq!(g.mask("ad"), g.mask("ads-slot") & g.mask("ad"));
    }
}
