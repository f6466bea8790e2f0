//! HTML: main content through `rs-trafilatura` (chosen over `dom_smoothie` on dragnet F1,
//! see the crate README), metadata from its JSON-LD/OpenGraph/meta reading plus a direct
//! scan of date meta tags and JSON-LD `datePublished`/`publisher`.

use std::sync::LazyLock;

use regex::Regex;

use crate::classify::BlockModel;

/// What the HTML path found.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct HtmlPage {
    /// Main content as text, paragraphs on their own lines.
    pub text: String,
    /// Headline from metadata.
    pub title: Option<String>,
    /// Publisher from metadata (JSON-LD publisher, og:site_name).
    pub outlet: Option<String>,
    /// Publication date string from meta tags or JSON-LD.
    pub published: Option<String>,
    /// The text of the page's comment containers, each line normalised, one per line.
    pub comments: String,
    /// `text` is the blocks the block classifier chose (not the extractor's text).
    pub classified: bool,
}

/// A comment container: a class or id word starting with "comment" (not "commentary" or
/// "commentisfree", which are article sections), a `UserComments` item type, or a Disqus
/// or Livefyre block; never one that holds the article itself.
pub(crate) fn is_comment_container(node: &dom_query::NodeRef) -> bool {
    let names = format!("{} {}", node.attr("class").unwrap_or_default(), node.attr("id").unwrap_or_default()).to_lowercase();
    let by_name = names.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
        (w.starts_with("comment") && !w.starts_with("commentary") && !w.starts_with("commentisfree"))
            || w.starts_with("disqus")
            || w.starts_with("livefyre")
            || w == "fyre"
    });
    let by_type = node.attr("itemtype").is_some_and(|t| t.contains("UserComments"));
    if !(by_name || by_type) {
        return false;
    }
    let inner = dom_query::Selection::from(node.clone());
    inner.select("article, h1, [itemprop=articleBody]").length() == 0
}

/// The normalised text of every block inside a comment container, one per line, except
/// text that also stands outside the containers (a headline a comment form repeats, an
/// article sentence a reader quotes).
fn comment_text(blocks: &[crate::page_blocks::PageBlock]) -> String {
    if !blocks.iter().any(|b| b.comment) {
        return String::new();
    }
    let outside: std::collections::HashSet<String> =
        blocks.iter().filter(|b| !b.comment).map(|b| crate::lexicon::normalise_line(&b.text)).collect();
    let mut out = String::new();
    for b in blocks.iter().filter(|b| b.comment) {
        let line = crate::lexicon::normalise_line(&b.text);
        if !line.is_empty() && !outside.contains(&line) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

#[allow(clippy::expect_used)]
static META_TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?is)<meta\s[^>]*>").expect("static pattern"));
#[allow(clippy::expect_used)]
static ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)([a-z:_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')"#).expect("static pattern")
});
#[allow(clippy::expect_used)]
static JSON_LD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)<script[^>]*application/ld\+json[^>]*>(.*?)</script>"#).expect("static pattern")
});

const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
];

fn json_ld_fields(v: &serde_json::Value, published: &mut Option<String>, outlet: &mut Option<String>) {
    match v {
        serde_json::Value::Array(items) => items.iter().for_each(|i| json_ld_fields(i, published, outlet)),
        serde_json::Value::Object(map) => {
            if let Some(g) = map.get("@graph") {
                json_ld_fields(g, published, outlet);
            }
            if published.is_none() {
                *published = map.get("datePublished").and_then(|d| d.as_str()).map(str::to_string);
            }
            if outlet.is_none() {
                *outlet = map
                    .get("publisher")
                    .and_then(|p| p.get("name").and_then(|n| n.as_str()).or_else(|| p.as_str()))
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty());
            }
        }
        _ => {}
    }
}

/// Date and publisher from meta tags and JSON-LD, scanned without a DOM.
pub(crate) fn scan_meta(html: &str) -> (Option<String>, Option<String>) {
    let head = html.get(..html.len().min(300_000)).unwrap_or(html);
    let mut published = None;
    let mut outlet = None;
    for c in JSON_LD.captures_iter(head) {
        if let Some(Ok(v)) = c.get(1).map(|m| serde_json::from_str::<serde_json::Value>(m.as_str().trim())) {
            json_ld_fields(&v, &mut published, &mut outlet);
        }
    }
    let mut best_rank = usize::MAX;
    let mut meta_published: Option<String> = None;
    for tag in META_TAG.find_iter(head) {
        let mut key = None;
        let mut content = None;
        for a in ATTR.captures_iter(tag.as_str()) {
            let name = a.get(1).map(|m| m.as_str().to_lowercase()).unwrap_or_default();
            let val = a.get(2).or(a.get(3)).map(|m| m.as_str().to_string()).unwrap_or_default();
            match name.as_str() {
                "property" | "name" | "itemprop" => key = Some(val.to_lowercase()),
                "content" => content = Some(val),
                _ => {}
            }
        }
        let (Some(k), Some(v)) = (key, content) else { continue };
        if let Some(rank) = DATE_KEYS.iter().position(|d| *d == k) {
            if rank < best_rank && !v.trim().is_empty() {
                best_rank = rank;
                meta_published = Some(v);
            }
        } else if k == "og:site_name" && outlet.is_none() && !v.trim().is_empty() {
            outlet = Some(v.trim().to_string());
        }
    }
    (meta_published.or(published), outlet)
}

/// A page read for extraction: the extractor's main content and metadata, and the page's
/// text blocks with their classifier features.
pub(crate) struct ReadPage {
    /// What the page yields without the classifier.
    pub page: HtmlPage,
    /// Every text block of the page, in order.
    pub blocks: Vec<crate::page_blocks::PageBlock>,
    /// The classifier's features of each block.
    pub features: Vec<Vec<crate::classify::Feature>>,
}

/// Why a page could not be read.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// The main-content extractor failed.
    Extractor(String),
    /// The parsed tree is deeper than the limit: (depth, limit).
    TooDeep(usize, usize),
}

/// How deep a page may nest: tags deeper than `flatten` are unwrapped before parsing
/// (`depth::flatten`); a parsed tree deeper than `dom` is refused.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Nesting {
    pub flatten: usize,
    pub dom: usize,
}

impl Nesting {
    pub(crate) fn of(cfg: &crate::CleanConfig) -> Nesting {
        Nesting { flatten: cfg.html_max_depth, dom: cfg.html_max_dom_depth }
    }
}

/// The depth of the deepest node under `doc`'s root, walked with a stack of its own
/// (the walk that guards the recursive ones must not recurse).
fn dom_depth(doc: &dom_query::Document) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        stack.extend(node.children_it(false).map(|c| (c, depth + 1)));
    }
    deepest
}

/// Reads a page: `rs-trafilatura`'s main content and metadata, and the DOM's text blocks.
/// Nesting deeper than `nesting.flatten` is flattened first (see `depth`); a tree still
/// deeper than `nesting.dom` is refused before any recursive walk (ours or the
/// extractor's) reads it, since a stack overflow ends the process, not the page.
pub(crate) fn read_page(html: &str, url: Option<&str>, nesting: Nesting) -> Result<ReadPage, ReadError> {
    let html = crate::depth::flatten(html, nesting.flatten);
    let html = html.as_ref();
    let doc = dom_query::Document::from(html);
    let depth = dom_depth(&doc);
    if depth > nesting.dom {
        return Err(ReadError::TooDeep(depth, nesting.dom));
    }
    let options = rs_trafilatura::Options { url: url.map(str::to_string), ..rs_trafilatura::Options::default() };
    let result = rs_trafilatura::extract_with_options(html, &options).map_err(|e| ReadError::Extractor(e.to_string()))?;
    let (published, outlet) = scan_meta(html);
    let title = result.metadata.title.clone().filter(|t| !t.trim().is_empty());
    let outlet = outlet.or_else(|| result.metadata.sitename.clone()).filter(|s| !s.trim().is_empty());
    let blocks = crate::page_blocks::blocks(&doc);
    let features = crate::classify::features(&blocks, &result.content_text, title.as_deref());
    let comments = comment_text(&blocks);
    Ok(ReadPage { page: HtmlPage { text: result.content_text, title, outlet, published, comments, classified: false }, blocks, features })
}

/// Extracts the main content and metadata of a page: the blocks the classifier gives at
/// least `min_probability`, one per line; the extractor's text when the model is empty or
/// keeps fewer than `min_words` words.
pub(crate) fn extract(html: &str, url: Option<&str>, nesting: Nesting, model: &BlockModel, min_probability: f64, min_words: usize) -> Result<HtmlPage, ReadError> {
    let read = read_page(html, url, nesting)?;
    let mut page = read.page;
    if model.is_empty() {
        return Ok(page);
    }
    let mut text = String::new();
    let mut kept_words = 0;
    let probabilities = model.probabilities(&read.blocks, &read.features);
    for (b, p) in read.blocks.iter().zip(probabilities) {
        if p >= min_probability {
            kept_words += b.text.split_whitespace().count();
            text.push_str(&b.text);
            text.push('\n');
        }
    }
    if kept_words >= min_words {
        page.text = text;
        page.classified = true;
    }
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><head><title>Harbour reopens | Example Gazette</title>
<meta property="og:site_name" content="Example Gazette">
<meta property="article:published_time" content="2024-03-02T08:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour reopens","publisher":{"@type":"Organization","name":"Example Gazette"}}</script>
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour reopens</h1>
<p>The harbour reopened on Saturday after three weeks of repairs to the northern quay, the port authority said in a statement.</p>
<p>Fishing crews, who had moored their boats in a neighbouring town during the works, were the first to return on the morning tide.</p>
<p>The authority said the repairs had cost less than expected and that the southern quay would be inspected in the summer.</p>
</article><footer>Copyright Example Gazette</footer></body></html>"#;

    #[test]
    fn meta_scan_reads_json_ld_and_open_graph() {
        let (date, outlet) = scan_meta(PAGE);
        assert_eq!(date.as_deref(), Some("2024-03-02T08:00:00Z"));
        assert_eq!(outlet.as_deref(), Some("Example Gazette"));
    }

    #[test]
    fn comment_containers_by_class_itemtype_and_disqus() {
        let html = r#"<html><body><article><h1>Harbour reopens</h1><p>The harbour reopened on Saturday.</p></article>
<div class="commentary-box"><p>Analysis by our editor of the harbour works.</p></div>
<section itemscope itemtype="http://schema.org/UserComments"><p>I think the quay looks great now.</p></section>
<div id="disqus_thread"><p>Apologies for a chatty post, but my uncle fished there.</p></div>
<div class="comment-list"><div class="comment-body"><p>Nested reply text here.</p></div></div></body></html>"#;
        let text = comment_text(&crate::page_blocks::blocks(&dom_query::Document::from(html)));
        assert!(text.contains("i think the quay looks great now"), "{text}");
        assert!(text.contains("apologies for a chatty post but my uncle fished there"));
        assert!(text.contains("nested reply text here"));
        assert_eq!(text.matches("nested reply").count(), 1, "outermost container only");
        assert!(!text.contains("analysis by our editor"));
        assert!(!text.contains("harbour reopened"));
    }

    const NESTING: Nesting = Nesting { flatten: 256, dom: 1024 };

    #[test]
    fn main_content_keeps_paragraphs_and_drops_navigation() {
        let page = extract(PAGE, None, NESTING, &BlockModel::default(), 0.5, 10).unwrap();
        assert!(page.text.contains("The harbour reopened on Saturday"), "{}", page.text);
        assert!(page.text.contains("inspected in the summer"));
        assert!(!page.text.contains("Copyright"));
    }

    #[test]
    fn deeply_nested_page_keeps_its_article() {
        // Regression (#17): 30,000 nested divs took 77 s in the extractor.
        let n = 30_000;
        let body = PAGE.split_once("<body>").map(|(_, b)| b).unwrap_or(PAGE);
        let head = PAGE.split_once("<body>").map(|(h, _)| h).unwrap_or("");
        let html = format!("{head}<body>{}{body}{}", "<div>".repeat(n), "</div>".repeat(n));
        let page = extract(&html, None, NESTING, &BlockModel::default(), 0.5, 10).unwrap();
        assert!(page.text.contains("The harbour reopened on Saturday"), "{}", page.text);
        assert!(page.text.contains("inspected in the summer"));
    }

    #[test]
    fn a_tree_deeper_than_the_limit_is_refused_before_any_walk() {
        // `<li><dd>` pairs close nothing and no tag count sees them as depth; on a
        // thread's default 2 MiB stack the recursive walks overflowed (#17).
        let html = format!("<html><body><ul>{}<p>The harbour reopened.</p></ul></body></html>", "<li><dd>".repeat(5_000));
        let run = move || match extract(&html, None, NESTING, &BlockModel::default(), 0.5, 10) {
            Err(ReadError::TooDeep(depth, limit)) => (depth, limit),
            other => panic!("expected too deep, got {other:?}"),
        };
        let (depth, limit) = std::thread::Builder::new().stack_size(2 << 20).spawn(run).unwrap().join().unwrap();
        assert!(depth > 10_000, "{depth}");
        assert_eq!(limit, 1024);
    }

    #[test]
    fn dom_depth_counts_levels_below_the_root() {
        let doc = dom_query::Document::from("<html><body><div><p>One</p></div></body></html>");
        // root > html > body > div > p > text
        assert_eq!(dom_depth(&doc), 5);
    }
}
