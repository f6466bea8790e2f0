//! Full-text search: a tantivy index in RAM over titles and bodies (BM25),
//! with outlet, story and publication-day filters and highlighted snippets.
//! The server fills it in batches after it starts answering and adds what
//! each ingest stores ([`crate::AppState::catch_up_search`]).

use std::collections::HashMap;
use std::ops::Bound;
use std::sync::Mutex;

use chrono::{Datelike, NaiveDate};
use chronicle_core::Document;
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, Value, FAST, INDEXED, STORED, STRING, TEXT};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::ServerError;

/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 240;
/// Indexing memory budget.
const WRITER_BYTES: usize = 50_000_000;

/// A search request.
#[derive(Clone, Debug, Default)]
pub struct SearchParams {
    /// The query (tantivy syntax; parsed leniently).
    pub q: String,
    /// Only this outlet (case-insensitive, exact).
    pub outlet: Option<String>,
    /// Only this story.
    pub story: Option<String>,
    /// Published on or after.
    pub since: Option<NaiveDate>,
    /// Published on or before.
    pub until: Option<NaiveDate>,
    /// Page size.
    pub limit: usize,
    /// Page start.
    pub offset: usize,
}

/// One hit.
#[derive(Clone, Debug, Serialize)]
pub struct SearchHit {
    /// Document id.
    pub doc: String,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Story.
    pub story: Option<String>,
    /// Publication day, if known.
    pub published: Option<String>,
    /// BM25 score.
    pub score: f32,
    /// The snippet as plain text.
    pub snippet: String,
    /// Matched words in the snippet: `[start, end)` character offsets.
    pub highlights: Vec<[usize; 2]>,
    /// The snippet as HTML, escaped by tantivy, matches in `<b>`.
    pub snippet_html: String,
}

/// A page of hits.
#[derive(Clone, Debug, Serialize)]
pub struct SearchPage {
    /// All matching documents.
    pub total: usize,
    /// Page size.
    pub limit: usize,
    /// Page start.
    pub offset: usize,
    /// The hits.
    pub items: Vec<SearchHit>,
}

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    title: Field,
    body: Field,
    outlet: Field,
    outlet_key: Field,
    story: Field,
    day: Field,
    published: Field,
}

/// Pages of hits answered since the index last changed, by request. Popular
/// queries repeat, and a page costs a few milliseconds of CPU (scoring and counting
/// every match, reading and highlighting each hit's body): under 64 concurrent
/// clients on two cores those milliseconds queue into a p99 of hundreds. A commit
/// empties the cache, so a page is never older than the index.
#[derive(Default)]
struct PageCache {
    /// Bumped by every commit: a page computed before it is not kept.
    generation: u64,
    pages: HashMap<SearchKey, SearchPage>,
}

/// Distinct requests kept at most; a full cache starts over (memory stays bounded
/// and a flood of distinct queries costs what it would without a cache).
const CACHED_PAGES: usize = 1024;

/// A request as the cache tells requests apart.
type SearchKey = (String, Option<String>, Option<String>, Option<NaiveDate>, Option<NaiveDate>, usize, usize);

fn key_of(p: &SearchParams) -> SearchKey {
    (p.q.clone(), p.outlet.as_ref().map(|o| o.to_lowercase()), p.story.clone(), p.since, p.until, p.limit.max(1), p.offset)
}

/// The index, its writer and its reader. Documents are added in batches as
/// the store gains them ([`SearchIndex::add`]); a document added again
/// replaces its earlier entry.
pub struct SearchIndex {
    parser: QueryParser,
    reader: IndexReader,
    writer: Mutex<IndexWriter<TantivyDocument>>,
    fields: Fields,
    cache: Mutex<PageCache>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    match m.lock() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    }
}

fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

impl SearchIndex {
    /// An empty index in memory.
    pub fn empty() -> Result<SearchIndex, ServerError> {
        let mut sb = Schema::builder();
        let fields = Fields {
            id: sb.add_text_field("id", STRING | STORED),
            title: sb.add_text_field("title", TEXT | STORED),
            body: sb.add_text_field("body", TEXT | STORED),
            outlet: sb.add_text_field("outlet", STORED),
            outlet_key: sb.add_text_field("outlet_key", STRING),
            story: sb.add_text_field("story", STRING | STORED),
            day: sb.add_i64_field("day", INDEXED | FAST),
            published: sb.add_text_field("published", STORED),
        };
        let index = Index::create_in_ram(sb.build());
        let writer: IndexWriter<TantivyDocument> = index.writer_with_num_threads(1, WRITER_BYTES)?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let mut parser = QueryParser::for_index(&index, vec![fields.title, fields.body]);
        parser.set_field_boost(fields.title, 2.0);
        Ok(SearchIndex { parser, reader, writer: Mutex::new(writer), fields, cache: Mutex::default() })
    }

    /// Indexes every document (host articles and salvaged ones alike).
    pub fn build(docs: &[Document]) -> Result<SearchIndex, ServerError> {
        let ix = SearchIndex::empty()?;
        ix.add(docs)?;
        Ok(ix)
    }

    /// Indexes `docs` (replacing the entries of any indexed before) and
    /// makes them searchable.
    pub fn add(&self, docs: &[Document]) -> Result<(), ServerError> {
        self.stage(docs, true)?;
        self.commit()
    }

    /// Indexes `docs`, replacing the entries of any indexed before when
    /// `replace` (a delete per document: only for documents that may be
    /// indexed); they become searchable at the next [`SearchIndex::commit`].
    pub fn stage(&self, docs: &[Document], replace: bool) -> Result<(), ServerError> {
        let f = self.fields;
        let writer = match self.writer.lock() {
            Ok(w) => w,
            Err(poisoned) => poisoned.into_inner(),
        };
        for d in docs {
            if replace {
                writer.delete_term(Term::from_field_text(f.id, d.id.as_str()));
            }
            let mut td = TantivyDocument::default();
            td.add_text(f.id, d.id.as_str());
            if let Some(t) = &d.meta.title {
                td.add_text(f.title, t);
            }
            td.add_text(f.body, d.body());
            if let Some(o) = &d.meta.outlet {
                td.add_text(f.outlet, o);
                td.add_text(f.outlet_key, o.to_lowercase());
            }
            if let Some(s) = &d.meta.story {
                td.add_text(f.story, s);
            }
            if let Some(day) = d.meta.published.date.sort_key() {
                td.add_i64(f.day, day_number(day));
                td.add_text(f.published, day.to_string());
            }
            writer.add_document(td)?;
        }
        Ok(())
    }

    /// Makes what was staged searchable.
    pub fn commit(&self) -> Result<(), ServerError> {
        let mut writer = match self.writer.lock() {
            Ok(w) => w,
            Err(poisoned) => poisoned.into_inner(),
        };
        writer.commit()?;
        drop(writer);
        self.reader.reload()?;
        let mut cache = lock(&self.cache);
        cache.generation += 1;
        cache.pages.clear();
        Ok(())
    }

    /// Documents searchable now.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Runs a query (or answers it from the pages computed since the last commit).
    /// An empty query is a caller error; odd syntax is parsed leniently.
    pub fn search(&self, p: &SearchParams) -> Result<SearchPage, ServerError> {
        let key = key_of(p);
        let generation = {
            let cache = lock(&self.cache);
            if let Some(page) = cache.pages.get(&key) {
                return Ok(page.clone());
            }
            cache.generation
        };
        let page = self.run(p)?;
        let mut cache = lock(&self.cache);
        if cache.generation == generation {
            if cache.pages.len() >= CACHED_PAGES {
                cache.pages.clear();
            }
            cache.pages.insert(key, page.clone());
        }
        Ok(page)
    }

    /// Pages answered from the cache (tests).
    #[cfg(test)]
    fn cached_pages(&self) -> usize {
        lock(&self.cache).pages.len()
    }

    fn run(&self, p: &SearchParams) -> Result<SearchPage, ServerError> {
        let f = self.fields;
        let (text_query, _problems) = self.parser.parse_query_lenient(&p.q);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query.box_clone())];
        if let Some(o) = &p.outlet {
            let t = Term::from_field_text(f.outlet_key, &o.to_lowercase());
            clauses.push((Occur::Must, Box::new(TermQuery::new(t, IndexRecordOption::Basic))));
        }
        if let Some(s) = &p.story {
            let t = Term::from_field_text(f.story, s);
            clauses.push((Occur::Must, Box::new(TermQuery::new(t, IndexRecordOption::Basic))));
        }
        if p.since.is_some() || p.until.is_some() {
            let lo = p.since.map_or(Bound::Unbounded, |d| Bound::Included(Term::from_field_i64(f.day, day_number(d))));
            let hi = p.until.map_or(Bound::Unbounded, |d| Bound::Included(Term::from_field_i64(f.day, day_number(d))));
            clauses.push((Occur::Must, Box::new(RangeQuery::new(lo, hi))));
        }
        let query = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        let limit = p.limit.max(1);
        let (top, total) = searcher.search(&query, &(TopDocs::with_limit(limit).and_offset(p.offset), Count))?;
        let mut snippets = SnippetGenerator::create(&searcher, &*text_query, f.body)?;
        snippets.set_max_num_chars(SNIPPET_CHARS);
        let mut items = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let text = |field: Field| doc.get_first(field).and_then(|v| v.as_str()).map(str::to_string);
            let snippet = snippets.snippet_from_doc(&doc);
            let fragment = snippet.fragment();
            let highlights = snippet
                .highlighted()
                .iter()
                .filter_map(|r| {
                    let start = fragment.get(..r.start)?.chars().count();
                    let len = fragment.get(r.start..r.end)?.chars().count();
                    Some([start, start + len])
                })
                .collect();
            items.push(SearchHit {
                doc: text(f.id).unwrap_or_default(),
                title: text(f.title),
                outlet: text(f.outlet),
                story: text(f.story),
                published: text(f.published),
                score,
                snippet: fragment.to_string(),
                highlights,
                snippet_html: snippet.to_html(),
            });
        }
        Ok(SearchPage { total, limit, offset: p.offset, items })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_core::{DocId, InputFormat, Metadata, PublishedDate, UncertainDate};

    fn doc(text: &str, outlet: &str, day: &str) -> Document {
        let meta = Metadata {
            outlet: Some(outlet.into()),
            title: Some(text.split('.').next().unwrap_or("").into()),
            published: PublishedDate {
                date: UncertainDate::parse_value(day).unwrap(),
                basis: chronicle_core::DateBasis::Explicit,
            },
            story: Some("s:1".into()),
            ..Metadata::default()
        };
        Document::new(DocId::from_text(text), "t".into(), InputFormat::Text, vec![], text.into(), text.into(), meta)
    }

    #[test]
    fn bm25_hits_with_highlights_and_filters() {
        let docs = vec![
            doc("Ceasefire talks resumed. Delegations met for talks in the capital.", "Wire One", "2025-05-16"),
            doc("Harvest figures rose. Farmers reported a good year.", "Wire Two", "2025-06-01"),
            doc("Talks <script>alert(1)</script> stalled.", "Wire Two", "2025-06-02"),
        ];
        let ix = SearchIndex::build(&docs).unwrap();
        let page = ix.search(&SearchParams { q: "talks".into(), limit: 10, ..Default::default() }).unwrap();
        assert_eq!(page.total, 2);
        let first = &page.items[0];
        let [s, e] = first.highlights[0];
        let word: String = first.snippet.chars().skip(s).take(e - s).collect();
        assert_eq!(word.to_lowercase(), "talks");
        assert!(page.items.iter().all(|h| !h.snippet_html.contains("<script>")));
        let only = ix
            .search(&SearchParams { q: "talks".into(), outlet: Some("wire two".into()), limit: 10, ..Default::default() })
            .unwrap();
        assert_eq!(only.total, 1);
        let dated = ix
            .search(&SearchParams {
                q: "talks".into(),
                until: NaiveDate::from_ymd_opt(2025, 5, 31),
                limit: 10,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(dated.total, 1);
        assert_eq!(dated.items[0].outlet.as_deref(), Some("Wire One"));
        // odd syntax is parsed leniently rather than failing
        assert!(ix.search(&SearchParams { q: "talks AND (".into(), limit: 5, ..Default::default() }).is_ok());
    }

    #[test]
    fn repeated_requests_are_answered_from_pages_that_a_commit_drops() {
        let ix = SearchIndex::build(&[doc("Ceasefire talks resumed in the capital.", "Wire One", "2025-05-16")]).unwrap();
        let talks = SearchParams { q: "talks".into(), limit: 10, ..Default::default() };
        assert_eq!(ix.search(&talks).unwrap().total, 1);
        assert_eq!(ix.cached_pages(), 1);
        assert_eq!(ix.search(&talks).unwrap().total, 1, "the cached page");
        assert_eq!(ix.cached_pages(), 1);
        // an outlet differing only in case is the same request; another limit is not
        ix.search(&SearchParams { outlet: Some("WIRE ONE".into()), ..talks.clone() }).unwrap();
        ix.search(&SearchParams { outlet: Some("wire one".into()), ..talks.clone() }).unwrap();
        ix.search(&SearchParams { limit: 5, ..talks.clone() }).unwrap();
        assert_eq!(ix.cached_pages(), 3);
        ix.add(&[doc("Border talks stalled on Monday.", "Wire Two", "2025-05-19")]).unwrap();
        assert_eq!(ix.cached_pages(), 0, "a commit empties the cache");
        assert_eq!(ix.search(&talks).unwrap().total, 2, "the new document is found");
    }
}
