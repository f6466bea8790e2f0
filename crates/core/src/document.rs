use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::{
    Block, DocId, Event, Mention, PublishedDate, Quantity, Quote, RoleClaim, Sentence, TimeExpr,
    Token,
};

/// The kind of input a document came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// A scraped plain-text dump.
    Text,
    /// An HTML page.
    Html,
    /// One line of a JSONL file.
    Jsonl,
    /// One response record of a WARC file.
    Warc,
}

impl InputFormat {
    /// Lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Html => "html",
            InputFormat::Jsonl => "jsonl",
            InputFormat::Warc => "warc",
        }
    }
}

/// One article as a reader found it, before cleaning: the bytes exactly as
/// read, their decoded text, and whatever metadata the container supplied
/// (JSONL fields, WARC headers, a sidecar `NAME.meta.json`).
#[derive(Clone, Debug, PartialEq)]
pub struct RawInput {
    /// Where it came from: a path, `path#L12` for a JSONL line, `path@1234`
    /// for the WARC record at that byte offset.
    pub source: String,
    /// The container format.
    pub format: InputFormat,
    /// The bytes of this article exactly as read.
    pub raw: Vec<u8>,
    /// The decoded text (UTF-8). HTML when `is_html`.
    pub text: String,
    /// True when `text` is HTML markup to be extracted.
    pub is_html: bool,
    /// What decoding did, e.g. `utf-8`, `windows-1252 (detected)`, `utf-8 (bom stripped)`.
    pub encoding: String,
    /// Metadata supplied by the container.
    pub hints: Metadata,
}

/// What kind of page a document is. Rules in `chronicle-clean` (see `data/clean/README.md`);
/// documents stored before the field existed read back as [`Genre::Article`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Genre {
    /// A news article (also a one-paragraph brief or a single-sentence flash).
    #[default]
    Article,
    /// A page whose text is mostly reader comments.
    CommentThread,
    /// A live blog: many time-stamped updates.
    LiveBlog,
    /// A list of links or headlines.
    Listing,
    /// A schedule or calendar of dated items.
    Schedule,
    /// A table of figures (results, earnings, prices) with little or no prose.
    Table,
}

impl Genre {
    /// Lowercase name, as exported.
    pub fn as_str(self) -> &'static str {
        match self {
            Genre::Article => "article",
            Genre::CommentThread => "comment_thread",
            Genre::LiveBlog => "live_blog",
            Genre::Listing => "listing",
            Genre::Schedule => "schedule",
            Genre::Table => "table",
        }
    }

    /// False for a page that reports no happenings, whatever its verbs say: a
    /// programme guide or calendar describes what will be shown or held, so
    /// no events are coded from it.
    pub fn reports_events(self) -> bool {
        !matches!(self, Genre::Schedule)
    }
}

/// Document metadata. Every field is optional: unknown stays `None`, never guessed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// The article's URL.
    pub url: Option<String>,
    /// The publisher ("BBC News"), not a cited source.
    pub outlet: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// Publication date, possibly only bounded, with its basis.
    pub published: PublishedDate,
    /// A publication date string as supplied by the container, before parsing.
    pub published_hint: Option<String>,
    /// When the page was fetched, if known (needed to resolve "4 days ago").
    pub crawled: Option<NaiveDateTime>,
    /// A crawl time string as supplied by the container, before parsing.
    pub crawled_hint: Option<String>,
    /// ISO 639-1 language code of the body.
    pub language: Option<String>,
    /// What decoding did to the raw bytes.
    pub encoding: Option<String>,
    /// The host page this article was found glued to.
    pub appended_to: Option<DocId>,
    /// The document this one near-duplicates.
    pub duplicate_of: Option<DocId>,
    /// The story this document belongs to (`s:…`).
    pub story: Option<String>,
    /// What kind of page this is (article unless a rule says otherwise).
    #[serde(default)]
    pub genre: Genre,
}

/// An article with its clean body and stand-off annotation layers.
///
/// The body is frozen once the document is built; every layer points into it
/// with checked [`crate::Span`]s and is kept sorted by start. `blocks` are the
/// exception: they cover `extracted`, the text the cleaner segmented, so a user
/// can audit what was kept and what was dropped.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id from the normalised text.
    pub id: DocId,
    /// Where it came from.
    pub source: String,
    /// Input container format.
    pub format: InputFormat,
    /// The input bytes of this article exactly as read.
    pub raw: Vec<u8>,
    /// The text the cleaner segmented into blocks (decoded text, or the main
    /// content extracted from HTML).
    pub extracted: String,
    /// Blocks over `extracted` with their labels.
    pub blocks: Vec<Block>,
    /// Metadata.
    pub meta: Metadata,
    body: String,
    /// Sentences over the body.
    pub sentences: Vec<Sentence>,
    /// Tokens over the body.
    pub tokens: Vec<Token>,
    /// Named-entity mentions.
    pub mentions: Vec<Mention>,
    /// Roles the text states for people ("Defence Minister Rustem Umerov").
    pub roles: Vec<RoleClaim>,
    /// Time expressions.
    pub times: Vec<TimeExpr>,
    /// Quantities.
    pub quantities: Vec<Quantity>,
    /// Quotes, direct and indirect.
    pub quotes: Vec<Quote>,
    /// Events coded from single sentences.
    pub events: Vec<Event>,
}

impl Document {
    /// A document with a frozen body and empty layers. The id is derived from
    /// the body unless the caller supplies one (the id of the raw text).
    pub fn new(
        id: DocId,
        source: String,
        format: InputFormat,
        raw: Vec<u8>,
        extracted: String,
        body: String,
        meta: Metadata,
    ) -> Document {
        Document {
            id,
            source,
            format,
            raw,
            extracted,
            blocks: Vec::new(),
            meta,
            body,
            sentences: Vec::new(),
            tokens: Vec::new(),
            mentions: Vec::new(),
            roles: Vec::new(),
            times: Vec::new(),
            quantities: Vec::new(),
            quotes: Vec::new(),
            events: Vec::new(),
        }
    }

    /// The clean article text every layer points into.
    pub fn body(&self) -> &str {
        &self.body
    }

    /// The sentence containing byte offset `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<&Sentence> {
        let i = self.sentences.partition_point(|s| s.span.end() <= at);
        self.sentences.get(i).filter(|s| s.span.start() <= at)
    }

    /// The token-index range of each sentence (the tokens inside its span).
    pub fn sentence_token_ranges(&self) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::with_capacity(self.sentences.len());
        let mut t = 0;
        for s in &self.sentences {
            while t < self.tokens.len() && self.tokens[t].span.start() < s.span.start() {
                t += 1;
            }
            let start = t;
            while t < self.tokens.len() && self.tokens[t].span.end() <= s.span.end() {
                t += 1;
            }
            out.push(start..t);
        }
        out
    }

    /// The token-index range of the sentence holding token `t`.
    pub fn sentence_tokens_of(&self, t: usize) -> Option<std::ops::Range<usize>> {
        let at = self.tokens.get(t)?.span.start();
        let s = self.sentence_at(at)?.span;
        let start = self.tokens.partition_point(|k| k.span.start() < s.start());
        let end = self.tokens.partition_point(|k| k.span.end() <= s.end()).max(start);
        Some(start..end)
    }

    /// Drops the facts read from body text that turned out not to be article text (a
    /// template line found later): events whose sentence or trigger, and quotes and
    /// quantities whose span, overlap one of the byte ranges `[start, end)`.
    pub fn drop_facts_within(&mut self, ranges: &[(usize, usize)]) {
        let hit = |s: usize, e: usize| ranges.iter().any(|&(a, b)| s < b && a < e);
        self.events.retain(|ev| !hit(ev.sentence.start(), ev.sentence.end()) && !hit(ev.trigger.start(), ev.trigger.end()));
        self.quotes.retain(|q| !hit(q.span.start(), q.span.end()));
        self.quantities.retain(|q| !hit(q.span.start(), q.span.end()));
    }

    /// Sorts every body layer by start offset (the layer invariant).
    pub fn sort_layers(&mut self) {
        self.sentences.sort_by_key(|a| a.span);
        self.tokens.sort_by_key(|a| a.span);
        self.mentions.sort_by_key(|a| a.span);
        self.times.sort_by_key(|a| a.span);
        self.quantities.sort_by_key(|a| a.span);
        self.quotes.sort_by_key(|a| a.span);
        self.events.sort_by_key(|a| a.trigger);
    }
}
