//! chronicle-clean: turns scraped pages (text dumps or HTML) into clean articles.
//!
//! Each page is split into blocks (lines), every block is labelled (`title`, `byline`,
//! `dateline`, `body`, `boilerplate`, `appended`) with a reason, the host article's body is
//! the body blocks joined by blank lines, and every separate article found glued after the
//! host (each introduced by an outlet and a time stamp, or a headline after an end cue) is
//! salvaged as its own [`Document`] with `appended_to` set. Metadata: title, outlet,
//! publication date as an uncertain date with its basis, language, encoding.
//!
//! The method is general (see `segment`): jusText-style block features, header shapes,
//! topic shift and lines repeated across the site's pages in a batch. Word lists and
//! thresholds live in `data/clean/`.
#![deny(missing_docs)]

mod block;
mod classify;
mod config;
mod credit;
mod date;
mod depth;
mod error;
pub mod eval;
mod furniture;
mod html;
mod lexicon;
mod page_blocks;
mod segment;
pub mod train;

use std::collections::{HashMap, HashSet};

use chronicle_core::{Block as CoreBlock, BlockLabel, DateBasis, DocId, Document, Metadata, PublishedDate, RawInput, Span};
use rayon::prelude::*;

pub use classify::BlockModel;
pub use config::CleanConfig;
pub use error::CleanError;
pub use furniture::Furniture;
pub use lexicon::normalise_line;

/// The cleaner. Cheap to share; holds only its configuration (word lists and patterns are
/// compiled once per process).
#[derive(Clone, Debug, Default)]
pub struct Cleaner {
    config: CleanConfig,
}

/// A page ready for block analysis.
struct Prepared {
    input: RawInput,
    extracted: String,
    html_title: Option<String>,
    html_outlet: Option<String>,
    html_published: Option<String>,
    site: String,
    language: Option<String>,
    spans: Vec<(usize, usize)>,
    /// Normalised lines of the HTML comment containers (empty for text).
    comments: String,
    /// The text is the blocks the HTML block classifier chose.
    classified: bool,
}

/// ISO 639-1 code of a text sample: English when its function words say so
/// ([`plainly_english`]), else whatlang's when it is confident enough.
pub(crate) fn detect_language(text: &str, cfg: &CleanConfig) -> Option<String> {
    let end = text.char_indices().nth(cfg.language_sample_chars).map_or(text.len(), |(i, _)| i);
    let sample = text.get(..end).unwrap_or(text);
    if plainly_english(sample, cfg) {
        return Some("en".to_string());
    }
    let info = whatlang::detect(sample)?;
    if info.confidence() < 0.2 && !info.is_reliable() {
        return None;
    }
    lexicon::LEXICON.lang3to1.get(info.lang().code()).cloned()
}

/// Whether at least `english_min_share` of the words of `sample` (and
/// `english_min_words` or more) are English function words
/// (`data/clean/stopwords.tsv`). Such a text is English, and whatlang need not be asked:
/// its trigram profiles cost about a tenth of a millisecond a page, this a few
/// microseconds, and on short wire copy whatlang is sometimes wrong where the function
/// words are not (Reuters-21578: 7 English stories it took for Dutch, Afrikaans or
/// French). Running text in another language written in the Latin script shares few of
/// these words, and a sample in another script has few words that count.
fn plainly_english(sample: &str, cfg: &CleanConfig) -> bool {
    let Some(english) = lexicon::LEXICON.stop_list("en") else { return false };
    let (mut words, mut function) = (0usize, 0usize);
    let mut lower = String::new();
    for w in sample.split(|c: char| !c.is_alphabetic() && c != '\'').filter(|w| w.chars().any(char::is_alphabetic)) {
        words += 1;
        lower.clear();
        lower.extend(w.chars().flat_map(char::to_lowercase));
        function += usize::from(english.contains(lower.as_str()));
    }
    words >= cfg.english_min_words && function as f64 >= words as f64 * cfg.english_min_share
}

/// Runs one page's cleaning so that a panic in it (ours or the HTML extractor's: fuzzing
/// found one in `rs-trafilatura` on multi-byte text) becomes that page's error instead of
/// ending the batch.
fn guarded<T>(origin: &str, work: impl FnOnce() -> Result<T, CleanError>) -> Result<T, CleanError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).unwrap_or_else(|cause| {
        let why = cause
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| cause.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".into());
        Err(CleanError::Panic { origin: origin.to_string(), why: why.lines().next().unwrap_or("").to_string() })
    })
}

/// The site a page belongs to, for repeated-line statistics: the URL's host, else the
/// folder it was read from.
fn site_of(input: &RawInput) -> String {
    site_of_parts(input.hints.url.as_deref(), &input.source)
}

/// [`site_of`] from a URL and a source path (also for stored documents).
pub(crate) fn site_of_parts(url: Option<&str>, source: &str) -> String {
    if let Some(h) = url.and_then(url_host) {
        return h;
    }
    let src = source.split(['#', '@']).next().unwrap_or("");
    match src.rfind(['/', '\\']) {
        Some(i) => src.get(..i).unwrap_or("").to_lowercase(),
        None => String::new(),
    }
}

/// The host of a URL, without `www.`.
fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?.split('@').next_back()?.split(':').next()?;
    let host = host.trim_start_matches("www.").to_lowercase();
    (!host.is_empty() && host.contains('.')).then_some(host)
}

impl Cleaner {
    /// A cleaner with the given configuration.
    pub fn new(config: CleanConfig) -> Cleaner {
        Cleaner { config }
    }

    /// A cleaner with the embedded defaults.
    pub fn builtin() -> Cleaner {
        Cleaner::new(CleanConfig::default())
    }

    /// The configuration in use.
    pub fn config(&self) -> &CleanConfig {
        &self.config
    }

    /// Cleans one page (no batch statistics).
    pub fn clean(&self, input: RawInput) -> Result<Vec<Document>, CleanError> {
        self.clean_batch(vec![input]).pop().unwrap_or_else(|| {
            Err(CleanError::NoArticle { origin: String::new(), why: "empty batch".into() })
        })
    }

    /// Cleans a batch. Per input: the host document first, then each salvaged appended
    /// article, or the reason it failed. Lines repeated across many pages of the same site
    /// in the batch are treated as chrome.
    pub fn clean_batch(&self, inputs: Vec<RawInput>) -> Vec<Result<Vec<Document>, CleanError>> {
        self.clean_batch_with(inputs, &Furniture::default())
    }

    /// [`Cleaner::clean_batch`], with the template lines the store has learnt per site:
    /// those lines are boilerplate (see [`Furniture`]).
    pub fn clean_batch_with(&self, inputs: Vec<RawInput>, furniture: &Furniture) -> Vec<Result<Vec<Document>, CleanError>> {
        let cfg = &self.config;
        // Per page in parallel (rayon; in order, so the result never depends on
        // the thread count); only the repeated-line count reads the pages together.
        let prepared: Vec<Result<Prepared, CleanError>> = inputs
            .into_par_iter()
            .map(|i| {
                let origin = i.source.clone();
                guarded(&origin, move || self.prepare(i))
            })
            .collect();
        // Repeated lines per site: distinct documents containing each short line.
        let mut per_site_docs: HashMap<&str, usize> = HashMap::new();
        let mut counts: HashMap<(&str, String), usize> = HashMap::new();
        for p in prepared.iter().flatten() {
            *per_site_docs.entry(p.site.as_str()).or_default() += 1;
        }
        for p in prepared.iter().flatten() {
            // A line can only be repeated in a site with at least `repeat_min_docs` pages
            // in the batch: skip the counting for the others (a single page, typically).
            if per_site_docs.get(p.site.as_str()).copied().unwrap_or(0) < cfg.repeat_min_docs {
                continue;
            }
            let mut seen = HashSet::new();
            for &(s, e) in &p.spans {
                let line = p.extracted.get(s..e).unwrap_or("");
                if line.chars().count() <= cfg.repeat_max_chars {
                    let n = normalise_line(line);
                    if !n.is_empty() && seen.insert(n.clone()) {
                        *counts.entry((p.site.as_str(), n)).or_default() += 1;
                    }
                }
            }
        }
        let repeated: HashSet<(&str, &str)> = counts
            .iter()
            .filter(|((site, _), c)| {
                let total = per_site_docs.get(site).copied().unwrap_or(1);
                **c >= cfg.repeat_min_docs && (**c as f64) >= cfg.repeat_min_share * total as f64
            })
            .map(|((site, line), _)| (*site, line.as_str()))
            .collect();
        prepared
            .par_iter()
            .map(|p| match p {
                Ok(p) => guarded(&p.input.source, || self.finish(p, &repeated, furniture)),
                Err(e) => Err(e.clone()),
            })
            .collect()
    }

    /// The blocks of a page with their features and cross-page flags: repeated in the
    /// batch, user chrome, HTML comment container, and stored furniture (unless template
    /// lines would take more than `furniture_max_share` of the page: a republication).
    fn blocks_of<'a>(&self, p: &'a Prepared, repeated: &HashSet<(&str, &str)>, furniture: &Furniture) -> Vec<block::Block<'a>> {
        let cfg = &self.config;
        let stops = lexicon::LEXICON.stop_list(p.language.as_deref().unwrap_or("en"));
        let site_lc = p.site.to_lowercase();
        let outlet_lc = p.input.hints.outlet.as_deref().map(str::to_lowercase);
        let comment_lines: HashSet<&str> = if p.classified { p.comments.lines().collect() } else { HashSet::new() };
        let mut blocks: Vec<block::Block> = p
            .spans
            .iter()
            .map(|&(s, e)| {
                let mut b = block::features(&p.extracted, s, e, stops);
                b.repeated = b.chars <= cfg.repeat_max_chars && repeated.contains(&(p.site.as_str(), b.norm.as_str()));
                b.user_chrome = cfg.is_user_chrome(&site_lc, &b.norm)
                    || outlet_lc.as_deref().is_some_and(|o| cfg.is_user_chrome(o, &b.norm));
                b.classified = p.classified;
                b.in_comment_container = b.words >= 3 && in_comments(&p.comments, &comment_lines, &b.norm, p.classified);
                b.furniture = !furniture.is_empty()
                    && b.dateline.is_none()
                    && furniture::line_key(b.text, cfg).is_some_and(|k| furniture.contains(&p.site, k));
                b
            })
            .collect();
        let total: usize = blocks.iter().filter(|b| b.words > 0).map(|b| b.chars).sum();
        let template: usize = blocks.iter().filter(|b| b.furniture).map(|b| b.chars).sum();
        if template as f64 > cfg.furniture_max_share * total as f64 {
            blocks.iter_mut().for_each(|b| b.furniture = false);
        }
        blocks
    }

    /// The strict reading; for a declared article (a JSONL `text` field) the lenient one
    /// used for HTML main content; then the short-item reading (briefs, flashes, tables).
    /// Template lines never take the only body text: with none left, read without them.
    fn analyse_page<'a>(&self, p: &Prepared, blocks: Vec<block::Block<'a>>) -> Option<segment::Analysis<'a>> {
        let cfg = &self.config;
        let declared_article = p.input.format == chronicle_core::InputFormat::Jsonl && !p.input.is_html;
        if let Some(a) = segment::analyse(blocks.clone(), cfg, p.input.is_html) {
            return Some(a);
        }
        let lenient = declared_article
            .then(|| segment::analyse(blocks.clone(), cfg, true))
            .flatten()
            .filter(|a| a.host.body.iter().filter_map(|&i| a.blocks.get(i)).any(|b| b.words >= 6 && b.text.trim_end().ends_with(['.', '!', '?', '"', '\u{201d}'])));
        if let Some(a) = lenient {
            return Some(a);
        }
        if let Some(a) = segment::short_item(blocks.clone(), cfg) {
            return Some(a);
        }
        if blocks.iter().any(|b| b.furniture) {
            let plain: Vec<block::Block> = blocks.into_iter().map(|mut b| { b.furniture = false; b }).collect();
            return self.analyse_page(p, plain);
        }
        None
    }

    fn prepare(&self, input: RawInput) -> Result<Prepared, CleanError> {
        let cfg = &self.config;
        let too_long = |what: &str, bytes: usize, limit: usize| CleanError::TooLong {
            origin: input.source.clone(),
            why: format!("{what} of {bytes} bytes (limit {limit}: `{}` in data/clean/settings.toml)", if input.is_html { "max_html_bytes" } else { "max_text_bytes" }),
        };
        if input.is_html && input.text.len() > cfg.max_html_bytes {
            return Err(too_long("an HTML page", input.text.len(), cfg.max_html_bytes));
        }
        if !input.is_html && input.text.len() > cfg.max_text_bytes {
            return Err(too_long("a text", input.text.len(), cfg.max_text_bytes));
        }
        let (extracted, html_title, html_outlet, html_published, comments, classified) = if input.is_html {
            let page = html::extract(&input.text, input.hints.url.as_deref(), html::Nesting::of(cfg), &cfg.block_model, cfg.block_min_probability, cfg.block_min_words)
                .map_err(|e| match e {
                    html::ReadError::Extractor(why) => CleanError::Html { origin: input.source.clone(), why },
                    html::ReadError::TooDeep(depth, limit) => CleanError::TooDeep {
                        origin: input.source.clone(),
                        why: format!("the page nests {depth} levels deep after flattening (limit {limit}: `html_max_dom_depth` in data/clean/settings.toml)"),
                    },
                })?;
            (page.text, page.title, page.outlet, page.published, page.comments, page.classified)
        } else {
            (unescape_brackets(&input.text.replace("\r\n", "\n")), None, None, None, String::new(), false)
        };
        let site = site_of(&input);
        // Sampled from the middle third onwards would miss a short page; the opening
        // chrome is short, so the start of the text is a fair sample.
        let language = detect_language(&extracted, &self.config);
        let spans = credit::split_credits(&extracted, block::split(&extracted));
        Ok(Prepared { input, extracted, html_title, html_outlet, html_published, site, language, spans, comments, classified })
    }

    fn finish(&self, p: &Prepared, repeated: &HashSet<(&str, &str)>, furniture: &Furniture) -> Result<Vec<Document>, CleanError> {
        let cfg = &self.config;
        let blocks = self.blocks_of(p, repeated, furniture);
        let no_article = |why: &str| CleanError::NoArticle { origin: p.input.source.clone(), why: why.to_string() };
        if blocks.is_empty() {
            return Err(no_article("the page has no text"));
        }
        let mut a = self.analyse_page(p, blocks).ok_or_else(|| no_article("no block is prose"))?;
        if p.classified {
            // An HTML page carries one article: what the line reading takes for a second
            // one after it, in the classifier's text, is a comment thread or a teaser the
            // container rules missed (dragnet: seven such, all comment threads, teasers or the
            // article's own tail), so it is dropped, never salvaged.
            for (label, reason) in a.host_labels.iter_mut().filter(|(l, _)| *l == BlockLabel::Appended) {
                *label = BlockLabel::Boilerplate;
                *reason = format!("after the page's article, not salvaged on an HTML page ({reason})");
            }
            a.appended.clear();
            segment::trust_classifier(&mut a);
            segment::drop_repeated_lines(&mut a);
            segment::drop_copyright_lines(&mut a);
        }
        segment::mark_captions(&mut a);
        // A date outside the plausible years (`published_years` in settings.toml) is no
        // date: year 0, negative or far-future metadata never reaches the record.
        let years = cfg.published_min_year..=cfg.published_max_year;
        let crawled = p
            .input
            .hints
            .crawled
            .or_else(|| p.input.hints.crawled_hint.as_deref().and_then(date::parse_datetime))
            .filter(|c| years.contains(&chrono::Datelike::year(c)));

        // Host document.
        let host_id = DocId::from_text(&p.input.text);
        let body = join_body(&a.blocks, &a.host.body);
        let mut meta: Metadata = p.input.hints.clone();
        meta.genre = a.genre;
        meta.crawled = crawled;
        meta.encoding = Some(p.input.encoding.clone());
        // The page's language is the host's unless the page is mostly something else.
        meta.language = p.language.clone().or_else(|| detect_language(&body, cfg));
        let header_title = a.host.title.and_then(|t| a.blocks.get(t)).map(|b| b.text.to_string());
        meta.title = meta
            .title
            .clone()
            .or_else(|| p.html_title.clone())
            .or(header_title)
            .or_else(|| a.host.dateline_rest.clone());
        meta.outlet = meta
            .outlet
            .clone()
            .or_else(|| p.html_outlet.clone())
            .or_else(|| a.host.outlet.clone())
            .or_else(|| meta.url.as_deref().and_then(url_host));
        meta.published = published(
            &meta.published,
            meta.published_hint.as_deref().or(p.html_published.as_deref()),
            &a.host,
            crawled,
            &body,
            meta.language.as_deref(),
            &years,
        );
        let mut host = Document::new(
            host_id.clone(),
            p.input.source.clone(),
            p.input.format,
            p.input.raw.clone(),
            p.extracted.clone(),
            body,
            meta,
        );
        host.blocks = core_blocks(&p.extracted, &a.blocks, &a.host_labels, 0);
        let mut out = vec![host];

        // Appended articles.
        for (k, art) in a.appended.iter().enumerate() {
            let (Some(first), Some(last)) = (a.blocks.get(art.first), art.end.checked_sub(1).and_then(|l| a.blocks.get(l))) else {
                continue;
            };
            let Some(seg) = p.extracted.get(first.start..last.end) else { continue };
            let body = join_body(&a.blocks, &art.body);
            if body.is_empty() {
                continue;
            }
            let mut meta = Metadata {
                crawled,
                encoding: Some(p.input.encoding.clone()),
                appended_to: Some(host_id.clone()),
                title: art.title.and_then(|t| a.blocks.get(t)).map(|b| b.text.to_string()),
                outlet: art.outlet.clone(),
                ..Metadata::default()
            };
            meta.language = detect_language(&body, cfg);
            meta.published = published(&PublishedDate::default(), None, art, crawled, &body, meta.language.as_deref(), &years);
            let mut doc = Document::new(
                DocId::from_text(seg),
                format!("{}#appended-{}", p.input.source, k + 1),
                p.input.format,
                seg.as_bytes().to_vec(),
                seg.to_string(),
                body,
                meta,
            );
            let labels = &art.labels;
            doc.blocks = core_blocks(seg, &a.blocks[art.first..art.end], labels, first.start);
            out.push(doc);
        }
        Ok(out)
    }
}

/// Whether a block's normalised line is comment-container text (`comments`: one normalised
/// line per container block). Classified text is made of the same page blocks, so only a
/// whole line counts: a headline is not a comment because a comment form or a "15 responses
/// to …" line quotes it. The extractor's text is split otherwise, so there a part of a
/// container line counts.
/// `lines` holds `comments`' lines when the text is classified.
fn in_comments(comments: &str, lines: &HashSet<&str>, norm: &str, classified: bool) -> bool {
    if comments.is_empty() || norm.is_empty() {
        return false;
    }
    if classified {
        lines.contains(norm)
    } else {
        comments.contains(norm)
    }
}

fn join_body(blocks: &[block::Block], idx: &[usize]) -> String {
    idx.iter().filter_map(|&i| blocks.get(i)).map(|b| b.text).collect::<Vec<_>>().join("\n\n")
}

fn core_blocks(text: &str, blocks: &[block::Block], labels: &[(BlockLabel, String)], offset: usize) -> Vec<CoreBlock> {
    blocks
        .iter()
        .zip(labels)
        .filter_map(|(b, (label, reason))| {
            let span = Span::new(text, b.start.checked_sub(offset)?, b.end.checked_sub(offset)?).ok()?;
            Some(CoreBlock { span, label: *label, reason: reason.clone() })
        })
        .collect()
}

/// The publication date, in order of trust: a date the container already parsed; a date
/// string from the container or the page's meta tags; an explicit date in the article
/// header or dateline; a relative stamp against a known crawl time; bounds from content.
fn published(
    given: &PublishedDate,
    hint: Option<&str>,
    art: &segment::Article,
    crawled: Option<chrono::NaiveDateTime>,
    body: &str,
    language: Option<&str>,
    years: &std::ops::RangeInclusive<i32>,
) -> PublishedDate {
    let possible = |d: &PublishedDate| date::within(&d.date, years);
    if given.basis != DateBasis::Unknown && !given.date.is_unknown() && possible(given) {
        return given.clone();
    }
    if let Some(d) = hint.and_then(date::parse_date_string).filter(|d| date::within(d, years)) {
        return PublishedDate { date: d, basis: DateBasis::Explicit };
    }
    if let Some(d) = art.explicit.filter(|d| years.contains(&chrono::Datelike::year(d))) {
        return PublishedDate { date: chronicle_core::UncertainDate::day(d), basis: DateBasis::Explicit };
    }
    if let (Some(s), Some(c)) = (art.stamp, crawled) {
        let p = PublishedDate { date: s.resolve(c), basis: DateBasis::Relative };
        if possible(&p) {
            return p;
        }
    }
    Some(date::infer_from_content(body, language, crawled.map(|c| c.date()))).filter(possible).unwrap_or_default()
}

/// Penn Treebank escapes in tokenised text (research corpora, "-LRB- AP -RRB-")
/// back to the brackets they stand for; only whole tokens, so a hyphenated
/// word is never touched.
fn unescape_brackets(text: &str) -> String {
    if !text.contains("B-") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (word, tail) = rest.split_at(word_end);
        out.push_str(chronicle_core::treebank::bracket_of(word).unwrap_or(word));
        let space_end = tail.find(|c: char| !c.is_whitespace()).unwrap_or(tail.len());
        out.push_str(&tail[..space_end]);
        rest = &tail[space_end..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_core::InputFormat;

    fn input(source: &str, text: &str) -> RawInput {
        RawInput {
            source: source.into(),
            format: InputFormat::Text,
            raw: text.as_bytes().to_vec(),
            text: text.into(),
            is_html: false,
            encoding: "utf-8".into(),
            hints: Metadata::default(),
        }
    }

    #[test]
    fn english_function_words_settle_the_language_and_others_go_to_the_detector() {
        let cfg = CleanConfig::default();
        let english = "The port authority said on Tuesday that it would reopen the northern terminal to \
                       container ships after a week of repairs, and that the work had cost less than was feared.";
        assert!(plainly_english(english, &cfg));
        assert_eq!(detect_language(english, &cfg).as_deref(), Some("en"));
        let dutch = "De havenautoriteit zei dinsdag dat de noordelijke terminal na een week van herstel weer \
                     open gaat voor containerschepen, en dat het werk minder heeft gekost dan werd gevreesd.";
        assert!(!plainly_english(dutch, &cfg));
        assert_eq!(detect_language(dutch, &cfg).as_deref(), Some("nl"));
        let german = "Die Hafenbehörde sagte am Dienstag, das nördliche Terminal werde nach einer Woche der \
                      Reparatur wieder für Containerschiffe geöffnet, und die Arbeiten hätten weniger gekostet.";
        assert!(!plainly_english(german, &cfg));
        // too few words to count: a price table with "up" and "under" in it
        assert!(!plainly_english("MAY 2515 up 885 JUN 2742 off 139 JUL 936 under 39", &cfg));
    }

    #[test]
    fn url_host_and_site() {
        assert_eq!(url_host("https://www.example.com/a/b?c=1").as_deref(), Some("example.com"));
        assert_eq!(url_host("not a url"), None);
        assert_eq!(site_of(&input("crawl/site-a/page1.txt", "x")), "crawl/site-a");
    }

    const LEAD: &str = "The river authority said on Monday that the new flood barrier had held during the weekend storm, protecting several hundred homes in the lower town.";
    const SECOND: &str = "Engineers will inspect the barrier again next month, when the spring tides are expected to be at their highest, the authority said in a statement.";

    fn page(extra: &str) -> String {
        format!("Flood barrier holds during storm\n{LEAD}\n{SECOND}\n{extra}")
    }

    #[test]
    fn lines_repeated_across_a_site_are_chrome_in_a_batch() {
        let chrome = "Our partners make this site possible for everyone";
        let inputs: Vec<RawInput> = (0..4)
            .map(|i| input(&format!("site/p{i}.txt"), &page(&format!("{chrome}\nPage {i} closing note with a word or two."))))
            .collect();
        let out = Cleaner::builtin().clean_batch(inputs);
        for r in &out {
            let host = &r.as_ref().unwrap()[0];
            assert!(!host.body().contains(chrome), "{}", host.body());
            let b = host.blocks.iter().find(|b| b.span.text(&host.extracted) == chrome).unwrap();
            assert!(b.reason.contains("repeated"), "{}", b.reason);
        }
        // Alone, the same page has no batch evidence.
        let single = Cleaner::builtin().clean(input("site/p0.txt", &page(chrome))).unwrap();
        assert!(single[0].blocks.iter().any(|b| b.span.text(&single[0].extracted) == chrome && !b.reason.contains("repeated")));
    }

    #[test]
    fn headline_after_end_cue_with_new_topic_is_appended() {
        let text = page("More stories\nChess club crowns youngest champion\nA twelve-year-old pupil from the grammar school won the regional chess championship on Saturday, beating four adult players in the final round of the tournament held at the library.\nThe pupil, who learned the game from her grandfather, will represent the region at the national championship in the capital later this year, the club said.");
        let docs = Cleaner::builtin().clean(input("a.txt", &text)).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].body(), format!("{LEAD}\n\n{SECOND}"));
        assert_eq!(docs[1].meta.title.as_deref(), Some("Chess club crowns youngest champion"));
        assert_eq!(docs[1].meta.outlet, None);
        assert!(docs[0].blocks.iter().any(|b| b.label == BlockLabel::Appended && b.reason.contains("topic shift")));
    }

    #[test]
    fn user_chrome_override_removes_a_line() {
        let mut cfg = CleanConfig::default();
        cfg.add_chrome_lines("Engineers will inspect the barrier again next month, when the spring tides are expected to be at their highest, the authority said in a statement.\n");
        let docs = Cleaner::new(cfg).clean(input("a.txt", &page(""))).unwrap();
        assert_eq!(docs[0].body(), LEAD);
    }

    #[test]
    fn comment_thread_after_the_article_is_comment_not_body_nor_appended() {
        let text = page("12 comments\njsmith42\n3 hours ago\nApologies for a chatty post, but I think my town had the same barrier and you could see it fail.\nReply\nReport abuse\nMaria Lopez\n2 hours ago\nFlood Barrier Critics Were Wrong All Along\nThe river authority's critics said the barrier would never hold against a storm of this size, and they were wrong about it every single time it was tested.\nReply\n4 likes");
        let docs = Cleaner::builtin().clean(input("a.txt", &text)).unwrap();
        assert_eq!(docs.len(), 1, "no comment is salvaged as an article");
        assert_eq!(docs[0].body(), format!("{LEAD}\n\n{SECOND}"));
        for line in ["Apologies for a chatty post", "Report abuse", "jsmith42", "critics said the barrier"] {
            let b = docs[0].blocks.iter().find(|b| b.span.text(&docs[0].extracted).contains(line)).unwrap();
            assert_eq!(b.label, BlockLabel::Comment, "{line}: {}", b.reason);
        }
    }

    /// Reporting lines of a written article, sentence per line, to follow the page's lead.
    const REPORT: &str = "Engineers closed the last gate at noon , the river authority said .\nThe water stopped a metre below the top of the wall , officials said .\nThe barrier cost 40 million pounds and took six years to build .\nThe authority said it would publish a full report next month .\n";

    #[test]
    fn unsigned_reader_talk_after_the_article_is_a_comment_tail() {
        let talk = "You 're blaming the council for the rain again .\nDo n't talk to me about sandbags .\nI live there and my cellar was dry for once .\nWhat a waste of money this whole scheme was .\nYou people will complain about anything .\nThe engineers earned their pay this week .\n";
        let text = page(&format!("{REPORT}{talk}"));
        let docs = Cleaner::builtin().clean(input("a.txt", &text)).unwrap();
        assert_eq!(docs.len(), 1);
        let body = docs[0].body();
        assert!(body.contains("publish a full report next month"), "{body}");
        for line in ["blaming the council", "talk to me", "my cellar", "waste of money", "earned their pay"] {
            assert!(!body.contains(line), "{line} left in the body: {body}");
            let b = docs[0].blocks.iter().find(|b| b.span.text(&docs[0].extracted).contains(line)).unwrap();
            assert_eq!(b.label, BlockLabel::Comment, "{line}: {}", b.reason);
        }
    }

    #[test]
    fn quoted_first_person_speech_in_the_article_is_never_cut() {
        let quotes = "`` I will not resign , '' the mayor said .\n`` I have done nothing wrong .\nMy family knows it and you know it .\nI will fight on , '' he told reporters .\n`` You can not blame me for the rain , '' he added .\nCouncillors will vote on his future on Monday .\n";
        let text = page(&format!("{REPORT}{quotes}"));
        let docs = Cleaner::builtin().clean(input("a.txt", &text)).unwrap();
        let body = docs[0].body();
        for line in ["I will not resign", "done nothing wrong", "My family knows it", "fight on", "blame me for the rain", "vote on his future"] {
            assert!(body.contains(line), "{line} cut from the body: {body}");
        }
    }

    #[test]
    fn a_first_person_piece_has_no_comment_tail() {
        let diary = "I flew into the city on Tuesday and my driver took me straight to the river .\nI had never seen water this high .\nYou could hear the pumps from a mile away .\nMy hotel was on the far bank .\nI watched the engineers close the gate at noon .\nYou could see the relief on their faces .\nI met the mayor there and he looked tired .\nMy notes from that evening are short .\n";
        let text = format!("Diary from a flooded city\n{diary}");
        let docs = Cleaner::builtin().clean(input("a.txt", &text)).unwrap();
        assert!(docs[0].body().contains("My notes from that evening"), "{}", docs[0].body());
        assert!(docs[0].blocks.iter().all(|b| b.label != BlockLabel::Comment));
    }

    #[test]
    fn the_news_resuming_after_talk_ends_the_comment_tail() {
        let talk = "You 're blaming the council for the rain again .\nDo n't talk to me about sandbags .\nI live there and my cellar was dry for once .\n";
        let resumed = "The authority said the gates would stay shut overnight .\nPolice closed two roads near the bridge , officials said .\nForecasters said more rain was expected on Friday .\nThe mayor told residents to stay indoors .\nSchools in the valley will open as normal , the council said .\nTrains were running with delays , a spokesman said .\n";
        let text = page(&format!("{REPORT}{talk}{resumed}"));
        let docs = Cleaner::builtin().clean(input("a.txt", &text)).unwrap();
        let body = docs[0].body();
        assert!(!body.contains("my cellar"), "{body}");
        assert!(body.contains("gates would stay shut") && body.contains("Trains were running"), "{body}");
    }

    #[test]
    fn a_comments_heading_inside_the_thread_does_not_end_it() {
        // Regression (dragnet R187 shape): a marker line, then the "Comments" heading, then
        // long comments each under a "Posted by: NAME at DATE" line.
        let long = "The weather here has been the same all month and my whole street has been knitting indoors with the fans on since the first week, which is not what we hoped for at all.";
        let posts: String = (0..5).map(|i| format!("Posted by: Reader{i} at September 10, 2012 1{i}:01 PM\n{long}\n{long}\n")).collect();
        let text = page(&format!("Posted by laurie at September 10, 2012 9:01 AM\nComments\n{posts}"));
        let docs = Cleaner::builtin().clean(input("a.txt", &text)).unwrap();
        assert_eq!(docs[0].body(), format!("{LEAD}\n\n{SECOND}"));
        assert_eq!(docs.len(), 1);
    }

    #[test]
    fn glued_comment_headers_open_the_thread_at_the_first_one() {
        // a sentence-per-line dump: each comment's header glued to its first sentence, the
        // first two comments long enough to keep their headers beyond the marker window
        let long: String = (0..10).map(|i| format!("The council should have listened to the engineers before the barrier was built, point {i}.\n")).collect();
        let text = page(&format!(
            "At 4:41 pm on 18 Jan 2010 , river_fan wrote : I live near the barrier and it failed twice .\n{long}At 5:02 pm on 18 Jan 2010 , Tom wrote : I disagree with you .\n{long}At 5:10 pm on 18 Jan 2010 , Ann wrote : Me too .\nAt 5:12 pm on 18 Jan 2010 , Bo wrote : Indeed .\n"
        ));
        let docs = Cleaner::builtin().clean(input("a.txt", &text)).unwrap();
        assert_eq!(docs[0].body(), format!("{LEAD}\n\n{SECOND}"));
        let b = docs[0].blocks.iter().find(|b| b.span.text(&docs[0].extracted).contains("point 3")).unwrap();
        assert_eq!(b.label, BlockLabel::Comment, "{}", b.reason);
    }

    #[test]
    fn time_stamps_opening_comment_lines_make_a_thread() {
        // a sentence-per-line dump of a comment page: each comment opens with its time stamp
        // (the first two comments long enough to keep their stamps beyond the marker window)
        let long: String = (0..10).map(|i| format!("The council should have listened to the engineers before the barrier was built, point {i}.\n")).collect();
        let text = page(&format!(
            "Added : Tuesday , 19 January , 2010 , 18:16 GMT 18:16 UK I live near the barrier and it failed twice .\n{long}Added : Tuesday , 19 January , 2010 , 17:55 GMT 17:55 UK I disagree with you .\n{long}Added : Tuesday , 19 January , 2010 , 17:47 GMT 17:47 UK Me too .\nAdded : Tuesday , 19 January , 2010 , 17:40 GMT 17:40 UK Indeed .\n"
        ));
        let docs = Cleaner::builtin().clean(input("a.txt", &text)).unwrap();
        assert_eq!(docs[0].body(), format!("{LEAD}\n\n{SECOND}"));
        let b = docs[0].blocks.iter().find(|b| b.span.text(&docs[0].extracted).contains("point 3")).unwrap();
        assert_eq!(b.label, BlockLabel::Comment, "{}", b.reason);
    }

    #[test]
    fn a_sites_comment_notice_opens_the_thread_under_it() {
        // a sentence-per-line dump: the notice glued to the article's editing credit, then
        // unsigned comments in reporting prose (no markers, no talk), a closing notice glued
        // to the last comment, then the site's footer
        let comments = "The regional council spent twice that on the old barrier in 1998 , the engineers said .
The authority has blamed the contractors for every delay since the project began .
Officials admitted the pumps failed during the last big storm .
The minister promised a full inquiry and never held one , as everyone here remembers This discussion is now closed .
";
        let text = page(&format!("-LRB- Editing by Jo Smith -RRB- We welcome comments that advance the story through relevant opinion .
Views expressed in the comments do not represent those of the Daily Example .
{comments}Our partners make this site possible .
"));
        let docs = Cleaner::builtin().clean(input("a.txt", &text)).unwrap();
        assert_eq!(docs.len(), 1, "no comment is salvaged as an article");
        assert_eq!(docs[0].body(), format!("{LEAD}\n\n{SECOND}"));
        for line in ["old barrier in 1998", "blamed the contractors", "pumps failed", "full inquiry"] {
            let b = docs[0].blocks.iter().find(|b| b.span.text(&docs[0].extracted).contains(line)).unwrap();
            assert_eq!(b.label, BlockLabel::Comment, "{line}: {}", b.reason);
        }
    }

    #[test]
    fn a_comment_notice_under_a_tail_of_talk_closes_that_thread() {
        // a blog's layout: the comments, then the site's notice, then the author's note
        let talk = "You 're blaming the council for the rain again .\nDo n't talk to me about sandbags .\nI live there and my cellar was dry for once .\nWhat a waste of money this whole scheme was .\nYou people will complain about anything .\nThe engineers earned their pay this week .\n";
        let text = page(&format!("{REPORT}{talk}We welcome comments that advance the story .\nJo Smith has written about rivers since 2001 .\n"));
        let docs = Cleaner::builtin().clean(input("a.txt", &text)).unwrap();
        let body = docs[0].body();
        assert!(body.contains("publish a full report next month"), "{body}");
        for line in ["blaming the council", "my cellar", "earned their pay", "We welcome comments"] {
            let b = docs[0].blocks.iter().find(|b| b.span.text(&docs[0].extracted).contains(line)).unwrap();
            assert_eq!(b.label, BlockLabel::Comment, "{line}: {}", b.reason);
        }
    }

    #[test]
    fn a_print_edition_notice_ends_the_article_with_what_is_glued_to_it() {
        let text = page(&format!("{REPORT}A version appeared on p4 of the Home section of the Example Herald on Follow our reporters on Twitter : rebels attacked the capital today #news\n"));
        let docs = Cleaner::builtin().clean(input("a.txt", &text)).unwrap();
        let body = docs[0].body();
        assert!(body.contains("publish a full report next month"), "{body}");
        assert!(!body.contains("rebels attacked"), "{body}");
    }

    #[test]
    fn picture_credits_are_captions_and_a_glued_one_is_cut_from_its_sentence() {
        let text = "Photograph : Jo Lane\\/AP\nPhotograph : Ann Kerr\\/Reuters The river authority said on Monday that the new flood barrier had held during the storm .\nEngineers will inspect the barrier again next month , when the spring tides are expected to be at their highest .\nImage caption Sandbags were piled along the quay\n";
        let docs = Cleaner::builtin().clean(input("a.txt", &format!("Flood barrier holds during storm\n{text}"))).unwrap();
        let d = &docs[0];
        assert!(d.body().starts_with("The river authority said"), "{}", d.body());
        assert!(!d.body().contains("Photograph") && !d.body().contains("Sandbags"), "{}", d.body());
        assert_eq!(d.meta.title.as_deref(), Some("Flood barrier holds during storm"));
        let label = |t: &str| d.blocks.iter().find(|b| b.span.text(&d.extracted) == t).map(|b| b.label);
        assert_eq!(label("Photograph : Jo Lane\\/AP"), Some(BlockLabel::Caption));
        assert_eq!(label("Photograph : Ann Kerr\\/Reuters"), Some(BlockLabel::Caption), "the cut credit is a block of its own");
        assert_eq!(label("Image caption Sandbags were piled along the quay"), Some(BlockLabel::Caption));
        // the body block still points at the exact text after the credit
        let first = d.blocks.iter().find(|b| b.label == BlockLabel::Body).unwrap();
        assert!(first.span.text(&d.extracted).starts_with("The river authority said"));
        assert!(d.extracted[..first.span.start()].ends_with("Photograph : Ann Kerr\\/Reuters "));
    }

    #[test]
    fn on_a_classified_page_a_credit_the_classifier_kept_stays_body() {
        let html = format!(
            r#"<html><head><title>Flood barrier holds during storm | Example Gazette</title></head><body>
<article><h1>Flood barrier holds during storm</h1><div class="article-body"><p>{LEAD}</p>
<p>Photograph: Jo Lane/AP</p><p>{SECOND}</p><p>{THIRD}</p></div></article></body></html>"#
        );
        let d = clean_html_page(&html);
        let credit = d.blocks.iter().find(|b| b.span.text(&d.extracted) == "Photograph: Jo Lane/AP").unwrap();
        assert_eq!(credit.label, BlockLabel::Body, "{}", credit.reason);
        assert!(credit.reason.contains("picture credit"), "{}", credit.reason);
    }

    #[test]
    fn html_disqus_and_user_comments_are_never_body() {
        let html = format!(
            r#"<html><body><article><h1>Flood barrier holds during storm</h1><p>{LEAD}</p><p>{SECOND}</p></article>
<section itemscope itemtype="http://schema.org/UserComments"><p>I think the barrier looks great now and my street stayed dry.</p></section>
<div id="disqus_thread"><p>Apologies for a chatty post, but my uncle built the first barrier there.</p></div></body></html>"#
        );
        let mut i = input("page.html", &html);
        i.is_html = true;
        i.format = InputFormat::Html;
        let docs = Cleaner::builtin().clean(i).unwrap();
        assert!(docs[0].body().contains("flood barrier had held"), "{}", docs[0].body());
        assert!(!docs[0].body().contains("chatty post") && !docs[0].body().contains("street stayed dry"), "{}", docs[0].body());
        assert_eq!(docs.len(), 1);
    }

    #[test]
    fn html_block_classifier_keeps_the_article_and_drops_the_page_around_it() {
        let related: String = (0..6)
            .map(|i| format!(r#"<li><a href="/story/{i}">Another story from the regional desk, number {i}</a></li>"#))
            .collect();
        let html = format!(
            r#"<html><head><title>Flood barrier holds during storm | Example Gazette</title></head><body>
<nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="share-tools"><a href="/share/fb">Share on Facebook</a> | <a href="/share/tw">Share on Twitter</a></div>
<article><h1>Flood barrier holds during storm</h1><div class="article-body"><p>{LEAD}</p><p>{SECOND}</p>
<p>Residents who had been moved to the school hall returned to their homes on Sunday morning, and the council said the roads along the river would reopen by the evening.</p></div></article>
<aside class="related-stories"><h3>Related stories</h3><ul>{related}</ul></aside>
<footer class="site-footer"><p>Copyright 2024 Example Gazette. All rights reserved.</p><p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></p></footer></body></html>"#
        );
        let cleaner = Cleaner::builtin();
        assert!(!cleaner.config().block_model.is_empty(), "the embedded model is trained");
        let mut i = input("page.html", &html);
        i.is_html = true;
        i.format = InputFormat::Html;
        let docs = cleaner.clean(i).unwrap();
        let body = docs[0].body();
        assert!(body.contains("flood barrier had held") && body.contains("spring tides") && body.contains("school hall"), "{body}");
        for chrome in ["Another story", "Share on", "Privacy policy", "Copyright", "Sport"] {
            assert!(!body.contains(chrome), "{chrome} in {body}");
        }
    }

    fn clean_html_page(html: &str) -> Document {
        let mut i = input("page.html", html);
        i.is_html = true;
        i.format = InputFormat::Html;
        Cleaner::builtin().clean(i).unwrap().remove(0)
    }

    const THIRD: &str = "Residents who had been moved to the school hall returned to their homes on Sunday morning, and the council said the roads along the river would reopen by the evening.";

    #[test]
    fn on_an_html_page_a_comment_heading_no_markers_confirm_takes_only_itself() {
        // A how-to article whose subheads name what to offer a reporter: "Comment" is one.
        let html = format!(
            r#"<html><head><title>Flood barrier holds during storm | Example Gazette</title></head><body>
<article><h1>Flood barrier holds during storm</h1><div class="article-body"><p>{LEAD}</p><p>{SECOND}</p>
<h3>Comment</h3>
<p>{THIRD}</p>
<p>The council will publish its report on the storm in the spring, and residents may send their views to the town hall before then.</p></div></article>
<footer class="site-footer"><p>Example Gazette, 1 Harbour Street.</p></footer></body></html>"#
        );
        let d = clean_html_page(&html);
        assert!(d.body().contains("school hall") && d.body().contains("report on the storm"), "{}", d.body());
        let heading = d.blocks.iter().find(|b| b.span.text(&d.extracted) == "Comment").unwrap();
        assert_eq!(heading.label, BlockLabel::Comment, "{}", heading.reason);
    }

    #[test]
    fn on_a_classified_page_text_after_an_end_cue_the_classifier_kept_is_body() {
        // Dragnet 19: a "Related" heading inside the story; the line reading took the rest
        // of the article for chrome after the cue.
        let html = format!(
            r#"<html><head><title>Flood barrier holds during storm | Example Gazette</title></head><body>
<nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Flood barrier holds during storm</h1><div class="article-body"><p>{LEAD}</p><p>{SECOND}</p><p>{THIRD}</p>
<h3>Related</h3>
<p>The council will publish its report on the storm in the spring.</p></div></article>
<footer class="site-footer"><p>Copyright 2024 Example Gazette. All rights reserved.</p></footer></body></html>"#
        );
        let d = clean_html_page(&html);
        let label = |t: &str| d.blocks.iter().find(|b| b.span.text(&d.extracted) == t).map(|b| (b.label, b.reason.clone()));
        assert_eq!(label("Related").map(|l| l.0), Some(BlockLabel::Boilerplate), "the cue line itself goes");
        let after = label("The council will publish its report on the storm in the spring.");
        assert_eq!(after.as_ref().map(|l| l.0), Some(BlockLabel::Body), "{after:?}");
        assert!(d.body().contains("school hall") && !d.body().contains("Copyright"), "{}", d.body());
    }

    #[test]
    fn on_a_classified_page_a_repeated_paragraph_is_body_once() {
        // A print copy of the story under the story itself (dragnet: 60 pages repeat lines).
        let html = format!(
            r#"<html><head><title>Flood barrier holds during storm</title></head><body>
<article><h1>Flood barrier holds during storm</h1><div class="article-body"><p>{LEAD}</p><p>{SECOND}</p><p>{THIRD}</p></div></article>
<div class="story-print-copy"><div class="article-body"><p>{LEAD}</p><p>{SECOND}</p><p>{THIRD}</p></div></div></body></html>"#
        );
        let d = clean_html_page(&html);
        for p in [LEAD, SECOND, THIRD] {
            assert_eq!(d.body().matches(p).count(), 1, "{}", d.body());
        }
        assert!(d.blocks.iter().any(|b| b.reason == "repeats an earlier body line"));
    }

    #[test]
    fn a_headline_a_comment_line_quotes_is_no_comment_on_classified_text() {
        let comments = "15 responses to flood barrier holds during storm\nflood barrier holds during storm more reply login\ni loved it\n";
        let lines: HashSet<&str> = comments.lines().collect();
        assert!(!in_comments(comments, &lines, "flood barrier holds during storm", true));
        assert!(in_comments(comments, &lines, "i loved it", true));
        assert!(in_comments(comments, &HashSet::new(), "flood barrier holds during storm", false), "the extractor's text: a part of a line counts");
        assert!(!in_comments("", &lines, "i loved it", true));
    }

    #[test]
    fn furniture_lines_are_boilerplate_for_their_site_only() {
        let chrome = "You agree that anything you post may be used along with your name";
        let text = page(chrome);
        let cleaner = Cleaner::builtin();
        let key = furniture::line_key(chrome, cleaner.config()).unwrap();
        let furniture = Furniture::from_keys([("site-a".to_string(), key)]);
        let out = cleaner.clean_batch_with(vec![input("site-a/p7.txt", &text), input("site-b/p1.txt", &text)], &furniture);
        let block = |d: &Document| d.blocks.iter().find(|b| b.span.text(&d.extracted) == chrome).map(|b| b.reason.clone()).unwrap();
        let a = &out[0].as_ref().unwrap()[0];
        assert!(block(a).contains("template"), "{}", block(a));
        let b = &out[1].as_ref().unwrap()[0];
        assert!(!block(b).contains("template"), "{}", block(b));
        // Never the only body text.
        let tide = "The harbour office publishes a fresh tide table for every port along this coast each morning.";
        let known = Furniture::from_keys([("site-a".to_string(), furniture::line_key(tide, cleaner.config()).unwrap())]);
        let only = cleaner.clean_batch_with(vec![input("site-a/p8.txt", &format!("Harbour news\n{tide}"))], &known);
        assert!(only[0].as_ref().is_ok_and(|d| d[0].body() == tide), "{only:?}");
    }

    #[test]
    fn short_wire_item_is_an_article() {
        let text = "ARVIN NAMES NEW PRESIDENT\n\nArvin Industries Inc said L.K. Evans has been elected president, succeeding James Baker who remains chairman.\nEvans had been executive vice president.\n";
        let docs = Cleaner::builtin().clean(input("reut.sgm#50", text)).expect("a wire item is news");
        assert!(docs[0].body().starts_with("Arvin Industries Inc said"), "{}", docs[0].body());
        assert!(docs[0].body().contains("executive vice president"));
        assert_eq!(docs[0].meta.genre, chronicle_core::Genre::Article);
        let flash = "2025-05-17 Negotiators met in Istanbul for the first direct talks in three years.";
        assert!(Cleaner::builtin().clean(input("flash.txt", flash)).is_ok(), "a single-sentence flash with a dateline");
    }

    #[test]
    fn a_programme_guide_is_a_schedule() {
        let text = page("The Friday concert returns to the harbour hall with a programme of sea songs and shanties from three choirs of the coast.\nPresenter/Jo Smith , Producer/Ann Lee\nThe evening ends with a new piece for brass band that the town commissioned from a young composer last winter.\nPresenter/Tom Hale , Producer : Ben Walker\n");
        let docs = Cleaner::builtin().clean(input("guide.txt", &text)).unwrap();
        assert_eq!(docs[0].meta.genre, chronicle_core::Genre::Schedule);
        // a news article naming one director is not
        let docs = Cleaner::builtin().clean(input("a.txt", &page("The director : Jo Smith said the barrier held."))).unwrap();
        assert_eq!(docs[0].meta.genre, chronicle_core::Genre::Article);
    }

    #[test]
    fn table_of_figures_is_stored_as_a_table() {
        let text = "ACME CORP 4TH QTR NET\n\nShr 34 cts vs 1.19 dlrs\nNet 807,000 vs 2,858,000\nRevs 510.2 mln vs 479.7 mln\nAvg shrs 3,808,000 vs 1,924,000\n";
        let docs = Cleaner::builtin().clean(input("reut.sgm#11", text)).expect("a table is not rejected");
        assert_eq!(docs[0].meta.genre, chronicle_core::Genre::Table);
        assert!(docs[0].body().contains("Net 807,000"));
        let nav = "Home\nWorld\nSport\nContact us";
        assert!(Cleaner::builtin().clean(input("nav.txt", nav)).is_err(), "no prose at all is still rejected");
    }

    #[test]
    fn empty_page_is_a_one_line_error() {
        let err = Cleaner::builtin().clean(input("a.txt", "\n\n")).unwrap_err();
        assert_eq!(err.to_string(), "a.txt: no article text found (the page has no text)");
    }

    #[test]
    fn a_page_that_panics_the_extractor_is_its_own_error() {
        // Found by fuzzing (#17): rs-trafilatura slices "\u{301}🙂By Jane Roe" inside the
        // emoji. The page is rejected with a reason; its batch-mate is cleaned.
        let bad = RawInput { is_html: true, format: InputFormat::Html, ..input("bad.html", "<div>\u{301}🙂By Jane Roe</div>") };
        let good = input("good.txt", "Harbour reopens\nThe harbour reopened on Saturday after three weeks of repairs to the northern quay, the port authority said.\n");
        let results = Cleaner::builtin().clean_batch(vec![bad, good]);
        let err = results.first().and_then(|r| r.as_ref().err()).map(|e| (e.kind(), e.to_string()));
        assert!(matches!(&err, Some(("panic", m)) if m.starts_with("bad.html: cleaning failed (a bug, please report it): ")), "{err:?}");
        assert!(results.get(1).is_some_and(|r| r.is_ok()));
    }

    #[test]
    fn a_text_over_the_size_budget_is_a_one_line_too_long_error() {
        // Regression (#17): a 10 MB line of ordinary sentences ran for minutes.
        let cleaner = Cleaner::builtin();
        let limit = cleaner.config().max_text_bytes;
        let sentence = "The harbour reopened on Saturday after repairs, the port authority said. ";
        let text = format!("Harbour reopens\n{}", sentence.repeat(limit / sentence.len() + 1));
        let err = cleaner.clean(input("big.txt", &text)).unwrap_err();
        assert_eq!(err.kind(), "too-long");
        assert_eq!(
            err.to_string(),
            format!("big.txt: too long for an article: a text of {} bytes (limit {limit}: `max_text_bytes` in data/clean/settings.toml)", text.len())
        );
        // just under the limit it is an article
        let fits = format!("Harbour reopens\n{}", sentence.repeat(20));
        assert!(cleaner.clean(input("ok.txt", &fits)).is_ok());
    }
}

#[cfg(test)]
mod declared_article_tests {
    use super::*;
    use chronicle_core::{InputFormat, Metadata, RawInput};

    fn input(format: InputFormat, text: &str) -> RawInput {
        RawInput {
            source: "feed.jsonl#L1".into(),
            format,
            raw: text.as_bytes().to_vec(),
            text: text.into(),
            is_html: false,
            encoding: "utf-8".into(),
            hints: Metadata { title: Some("Ministers meet".into()), ..Metadata::default() },
        }
    }

    #[test]
    fn a_short_jsonl_article_is_kept_but_a_short_text_page_is_not_forced() {
        let text = "Foreign ministers met in Geneva on Tuesday to discuss a ceasefire. They agreed to meet again next month.";
        let docs = Cleaner::builtin().clean(input(InputFormat::Jsonl, text)).expect("declared article text is kept");
        assert_eq!(docs[0].body(), text);
        let nav = "Home\nWorld\nSport\nContact us";
        assert!(Cleaner::builtin().clean(input(InputFormat::Jsonl, nav)).is_err(), "a menu is still no article");
    }

    #[test]
    fn treebank_bracket_escapes_become_brackets() {
        assert_eq!(unescape_brackets("Nairobi -LRB- AP -RRB- - Kenya 's army"), "Nairobi ( AP ) - Kenya 's army");
        assert_eq!(unescape_brackets("-LSB-sic-RSB- x-LRB-y"), "-LSB-sic-RSB- x-LRB-y");
        assert_eq!(unescape_brackets("no escapes here"), "no escapes here");
    }
}
