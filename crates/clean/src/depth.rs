//! Bounded nesting before extraction. The main-content extractor and the comment
//! scan walk each element's ancestors and descendants, which costs the square of the
//! nesting depth: 30,000 nested `<div>`s took 77 s. No article needs more than a few
//! dozen levels, so the tags that would open an element deeper than
//! `html_max_depth` (`data/clean/settings.toml`) are dropped, with their matching
//! closing tags; their text stays where it was. One linear pass over the markup.

use std::borrow::Cow;
use std::collections::HashMap;

/// Elements that never have content (no closing tag, no depth).
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "!doctype"];

/// Elements whose content is foreign (XML-like): there `<x/>` closes itself.
const FOREIGN: &[&str] = &["svg", "math"];

/// Elements whose content is raw text up to their closing tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "noframes", "plaintext"];

/// Elements whose closing tag may be left out (the parser closes them at the next
/// sibling): they pass through uncounted, so an unclosed `<p>` adds no depth.
const OPTIONAL_END: &[&str] =
    &["p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp", "html", "head", "body"];

/// One tag of the markup: its byte range and name (lowercase ASCII), whether it
/// closes, and whether it closes itself (`<x/>`).
struct Tag {
    start: usize,
    end: usize,
    name: String,
    closing: bool,
    self_closing: bool,
}

/// The end of a tag that opens at `start` (`<` there), quotes respected; `None`
/// when the tag never ends.
fn tag_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    let mut i = start + 1;
    while let Some(&b) = bytes.get(i) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return Some(i + 1),
            None => {}
        }
        i += 1;
    }
    None
}

/// What a `<` starts.
enum Scan {
    /// A tag.
    Tag(Tag),
    /// Text (`<` not followed by a tag name).
    Text,
    /// A tag that never ends: the rest of the page is inside it, as for a browser.
    Unterminated,
}

/// What the `<` at `start` opens.
fn scan_at(html: &str, start: usize) -> Scan {
    match tag_at(html, start) {
        Some(Ok(tag)) => Scan::Tag(tag),
        Some(Err(())) => Scan::Unterminated,
        None => Scan::Text,
    }
}

/// The tag at `start`; `None` when `<` there opens no tag, `Err` when the tag
/// never ends.
fn tag_at(html: &str, start: usize) -> Option<Result<Tag, ()>> {
    let bytes = html.as_bytes();
    let closing = bytes.get(start + 1) == Some(&b'/');
    let name_start = start + 1 + usize::from(closing);
    let name_len = bytes
        .get(name_start..)?
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b'!' || **b == b':')
        .count();
    if name_len == 0 || !bytes.get(name_start).is_some_and(|b| b.is_ascii_alphabetic() || *b == b'!') {
        return None;
    }
    let Some(end) = tag_end(bytes, start) else { return Some(Err(())) };
    let name = html.get(name_start..name_start + name_len)?.to_ascii_lowercase();
    let self_closing = end >= 2 && bytes.get(end - 2) == Some(&b'/');
    Some(Ok(Tag { start, end, name, closing, self_closing }))
}

/// `html` with the tags deeper than `max_depth` (and their closing tags) removed;
/// borrowed unchanged when no element is that deep.
pub(crate) fn flatten(html: &str, max_depth: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    // Open elements: name and whether the tag was kept.
    let mut open: Vec<(String, bool)> = Vec::new();
    // Open elements per name: a closing tag with none open is stray and costs no scan,
    // and a scan pops what it passes, so the pass stays linear.
    let mut open_by_name: HashMap<String, usize> = HashMap::new();
    let mut kept_depth = 0usize;
    let mut dropped: Vec<(usize, usize)> = Vec::new();
    let mut i = 0usize;
    while let Some(off) = bytes.get(i..).and_then(|rest| rest.iter().position(|&b| b == b'<')) {
        let start = i + off;
        if bytes.get(start..start + 4) == Some(b"<!--") {
            i = html.get(start + 4..).and_then(|r| r.find("-->")).map_or(bytes.len(), |k| start + 4 + k + 3);
            continue;
        }
        let tag = match scan_at(html, start) {
            Scan::Tag(tag) => tag,
            Scan::Text => {
                i = start + 1;
                continue;
            }
            // searching again from every later `<` would be quadratic
            Scan::Unterminated => break,
        };
        i = tag.end;
        if tag.closing {
            if open_by_name.get(&tag.name).copied().unwrap_or(0) == 0 {
                continue;
            }
            let Some(k) = open.iter().rposition(|(n, _)| *n == tag.name) else { continue };
            let was_kept = open.get(k).is_some_and(|(_, kept)| *kept);
            for (name, kept) in open.drain(k..) {
                kept_depth -= usize::from(kept);
                if let Some(c) = open_by_name.get_mut(&name) {
                    *c = c.saturating_sub(1);
                }
            }
            if !was_kept {
                dropped.push((tag.start, tag.end));
            }
            continue;
        }
        let name = tag.name.as_str();
        // `<div/>` opens a div in HTML: only void elements and foreign content (SVG,
        // MathML) close themselves.
        let foreign = FOREIGN.iter().any(|f| open_by_name.get(*f).is_some_and(|n| *n > 0));
        if (tag.self_closing && (foreign || FOREIGN.contains(&name))) || VOID.contains(&name) || OPTIONAL_END.contains(&name) || name.starts_with('!') {
            continue;
        }
        if RAW_TEXT.contains(&tag.name.as_str()) {
            // Its content is text up to `</name`: skip it whole (the element stays).
            let close = format!("</{}", tag.name);
            let rest = html.get(i..).unwrap_or("");
            i = find_ascii_ci(rest, &close).map_or(bytes.len(), |k| i + k);
            continue;
        }
        let keep = kept_depth < max_depth;
        if keep {
            kept_depth += 1;
        } else {
            dropped.push((tag.start, tag.end));
        }
        *open_by_name.entry(tag.name.clone()).or_default() += 1;
        open.push((tag.name, keep));
    }
    if dropped.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (s, e) in dropped {
        out.push_str(html.get(from..s).unwrap_or(""));
        from = e;
    }
    out.push_str(html.get(from..).unwrap_or(""));
    Cow::Owned(out)
}

/// Byte offset of the first ASCII-case-insensitive occurrence of `needle` (ASCII).
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&k| h.get(k..k + n.len()).is_some_and(|w| w.eq_ignore_ascii_case(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_markup_is_untouched() {
        let html = "<html><body><div class=\"a>b\"><p>One <br> two</p><img src=x /></div></body></html>";
        assert!(matches!(flatten(html, 8), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_below_the_limit_go_and_their_text_stays() {
        let html = format!("<body>{}<p>Deep text.</p>{}</body>", "<div>".repeat(10), "</div>".repeat(10));
        let flat = flatten(&html, 4);
        // four divs kept, six dropped with their closers; body and p are not counted
        assert_eq!(flat, "<body><div><div><div><div><p>Deep text.</p></div></div></div></div></body>");
    }

    #[test]
    fn script_content_and_comments_are_not_read_as_tags() {
        let html = "<body><div><script>if (a<b) { x = '<div>'; }</script><!-- <div><div> --><p>Text</p></div></body>";
        assert_eq!(flatten(html, 1), html, "the one div is within the limit");
        let html = "<body><div><span><script>if (a<b) { x = '<div>'; }</script><!-- <div><div> --><p>Text</p></span></div></body>";
        assert_eq!(flatten(html, 1), "<body><div><script>if (a<b) { x = '<div>'; }</script><!-- <div><div> --><p>Text</p></div></body>");
    }

    #[test]
    fn unclosed_paragraphs_add_no_depth_and_stray_closers_stay() {
        let html = format!("<div>{}</span></div>", "<p>One.".repeat(50));
        assert_eq!(flatten(&html, 1), html);
    }

    #[test]
    fn self_closed_html_elements_open_and_foreign_ones_close() {
        // the parser opens a div for `<div/>`: 40,000 of them nested that deep (#17)
        let html = format!("<body>{}<p>Text</p></body>", "<div/>".repeat(10));
        assert_eq!(flatten(&html, 4), format!("<body>{}<p>Text</p></body>", "<div/>".repeat(4)));
        let svg = format!("<body><div><svg>{}</svg></div></body>", "<path d=\"M0\"/>".repeat(10));
        assert_eq!(flatten(&svg, 2), svg, "inside svg a self-closed tag adds no depth");
    }

    #[test]
    fn unterminated_tags_end_the_scan() {
        // each `<a "` would otherwise search to the end of the page again
        let html = format!("<div><div>text{}", "<a \"".repeat(50_000));
        assert_eq!(flatten(&html, 1), format!("<div>text{}", "<a \"".repeat(50_000)));
    }

    #[test]
    fn a_hundred_thousand_nested_divs_flatten_in_one_pass() {
        let n = 100_000;
        let html = format!("<html><body>{}<p>The harbour reopened.</p>{}</body></html>", "<div>".repeat(n), "</div>".repeat(n));
        let flat = flatten(&html, 64);
        assert_eq!(flat.matches("<div>").count(), 64);
        assert_eq!(flat.matches("</div>").count(), 64);
        assert!(flat.contains("The harbour reopened."));
    }
}
