//! Evaluations on the dev sets (the only module that reads files). Each
//! returns `Err("… not found")` when its data set is absent.
//!
//! - [`timeline17`]: story clustering of all articles against the topics
//!   (pairwise P/R/F1 as the headline, B³ in the details) and timeline date
//!   recall (share of gold timeline dates found by a small date regex over the
//!   topic's articles).
//! - [`tls`]: timeline summarisation of each Timeline17-layout topic folder
//!   against its journalists' timelines (date F1, alignment-based ROUGE).
//! - [`ecbplus`]: topic clustering of the ECB+ documents (pairwise, B³; also
//!   against sub-topics, the two seminal events of each topic).
//! - [`reuters_dups`]: exact-duplicate groups found by [`DupIndex`] against
//!   the groups of identical normalised bodies, near-duplicate groups beyond
//!   them, and the time per document of duplicate checking and story
//!   assignment.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Instant;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use chronicle_core::{Counts, DocId, Document, EvalReport, InputFormat, Metadata, RawInput, UncertainDate};
use regex::Regex;

use crate::dedup::DupIndex;
use crate::story::StoryIndex;
use crate::text::{hash64, words};
use crate::{rouge, tls};
use crate::LinkError;

pub(crate) fn read(path: &Path) -> Result<String, LinkError> {
    let bytes = std::fs::read(path).map_err(|e| LinkError::Read { path: path.to_path_buf(), reason: e.to_string() })?;
    Ok(String::from_utf8(bytes).unwrap_or_else(|e| e.into_bytes().iter().map(|&b| b as char).collect()))
}

fn need_dir(path: &Path) -> Result<(), LinkError> {
    if path.is_dir() {
        Ok(())
    } else {
        Err(LinkError::NotFound(path.to_path_buf()))
    }
}

fn make_doc(id: &str, title: Option<String>, body: &str, date: Option<NaiveDate>, outlet: Option<&str>) -> Document {
    let mut meta = Metadata { title, outlet: outlet.map(str::to_string), ..Default::default() };
    if let Some(d) = date {
        meta.published.date = UncertainDate::day(d);
    }
    Document::new(DocId::parse(id), id.to_string(), InputFormat::Text, Vec::new(), body.to_string(), body.to_string(), meta)
}

/// Pairwise counts of a clustering against gold labels (from the contingency table).
pub fn pairwise(pred: &[usize], gold: &[usize]) -> Counts {
    let pairs = |n: usize| n * n.saturating_sub(1) / 2;
    let mut cell: HashMap<(usize, usize), usize> = HashMap::new();
    let mut p: HashMap<usize, usize> = HashMap::new();
    let mut g: HashMap<usize, usize> = HashMap::new();
    for (a, b) in pred.iter().zip(gold) {
        *cell.entry((*a, *b)).or_default() += 1;
        *p.entry(*a).or_default() += 1;
        *g.entry(*b).or_default() += 1;
    }
    let tp: usize = cell.values().map(|&n| pairs(n)).sum();
    let pp: usize = p.values().map(|&n| pairs(n)).sum();
    let gp: usize = g.values().map(|&n| pairs(n)).sum();
    Counts { tp, fp: pp - tp, fn_: gp - tp }
}

/// B³ precision and recall.
pub fn bcubed(pred: &[usize], gold: &[usize]) -> (f64, f64) {
    let mut cell: HashMap<(usize, usize), f64> = HashMap::new();
    let mut p: HashMap<usize, f64> = HashMap::new();
    let mut g: HashMap<usize, f64> = HashMap::new();
    for (a, b) in pred.iter().zip(gold) {
        *cell.entry((*a, *b)).or_default() += 1.0;
        *p.entry(*a).or_default() += 1.0;
        *g.entry(*b).or_default() += 1.0;
    }
    let n = pred.len().max(1) as f64;
    let (mut bp, mut br) = (0.0, 0.0);
    for (&(a, b), &c) in &cell {
        bp += c * c / p.get(&a).copied().unwrap_or(1.0);
        br += c * c / g.get(&b).copied().unwrap_or(1.0);
    }
    (bp / n, br / n)
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn cluster_lines(label: &str, pred: &[usize], gold: &[usize]) -> Vec<String> {
    let c = pairwise(pred, gold);
    let (bp, br) = bcubed(pred, gold);
    vec![
        format!("{label} pairwise: P={:.3} R={:.3} F1={:.3}", c.precision(), c.recall(), c.f1()),
        format!("{label} B3: P={bp:.3} R={br:.3} F1={:.3}", f1(bp, br)),
    ]
}

/// Assigns the documents in order and returns each one's story index.
fn cluster(docs: &[Document]) -> (Vec<usize>, usize, f64) {
    let mut ix = StoryIndex::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let t = Instant::now();
    let mut pred = Vec::with_capacity(docs.len());
    for d in docs {
        let s = ix.assign(d);
        let n = ids.len();
        pred.push(*ids.entry(s).or_insert(n));
    }
    let ms = t.elapsed().as_secs_f64() * 1000.0 / docs.len().max(1) as f64;
    (pred, ids.len(), ms)
}

// ---------------------------------------------------------------- timeline17

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_RE: &str = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

static MONTH_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b{MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*,?\s*(\d{{4}})\b)?")).expect("regex"));
static DAY_MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH_RE}\b(?:\s*,?\s*(\d{{4}})\b)?")).expect("regex"));
static ISO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("regex"));
static RELATIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight)\b").expect("regex"));

fn month_of(s: &str) -> Option<u32> {
    let l = s.to_lowercase();
    MONTHS.iter().position(|m| l.starts_with(m)).map(|i| i as u32 + 1)
}

fn ymd(y: i32, m: u32, d: u32, published: NaiveDate) -> Option<NaiveDate> {
    let date = NaiveDate::from_ymd_opt(y, m, d)?;
    Some(date)
        .filter(|x| (*x - published).num_days().abs() < 3660)
        .or_else(|| NaiveDate::from_ymd_opt(published.year(), m, d))
}

/// Dates a small regex finds in a text, resolved against its publication date.
pub fn find_dates(text: &str, published: NaiveDate) -> BTreeSet<NaiveDate> {
    let mut out = BTreeSet::new();
    for c in MONTH_DAY.captures_iter(text) {
        let (Some(m), Some(d)) = (c.get(1).and_then(|m| month_of(m.as_str())), c.get(2).and_then(|d| d.as_str().parse().ok())) else { continue };
        let y = c.get(3).and_then(|y| y.as_str().parse().ok()).unwrap_or(published.year());
        out.extend(ymd(y, m, d, published));
    }
    for c in DAY_MONTH.captures_iter(text) {
        let (Some(d), Some(m)) = (c.get(1).and_then(|d| d.as_str().parse().ok()), c.get(2).and_then(|m| month_of(m.as_str()))) else { continue };
        let y = c.get(3).and_then(|y| y.as_str().parse().ok()).unwrap_or(published.year());
        out.extend(ymd(y, m, d, published));
    }
    for c in ISO.captures_iter(text) {
        let parts: Option<(i32, u32, u32)> = (|| Some((c.get(1)?.as_str().parse().ok()?, c.get(2)?.as_str().parse().ok()?, c.get(3)?.as_str().parse().ok()?)))();
        if let Some((y, m, d)) = parts {
            out.extend(NaiveDate::from_ymd_opt(y, m, d));
        }
    }
    for c in RELATIVE.captures_iter(text) {
        let w = c.get(1).map(|m| m.as_str().to_lowercase()).unwrap_or_default();
        let day = match w.as_str() {
            "yesterday" => published.pred_opt(),
            "today" | "tonight" => Some(published),
            other => {
                let target: Option<Weekday> = other.parse().ok();
                target.map(|t| {
                    let back = (7 + published.weekday().num_days_from_monday() as i64 - t.num_days_from_monday() as i64) % 7;
                    published - Duration::days(back)
                })
            }
        };
        out.extend(day);
    }
    out
}

/// timeline17: story clustering against topics, and timeline date recall.
pub fn timeline17(path: &Path) -> Result<EvalReport, String> {
    timeline17_inner(path).map_err(|e| e.to_string())
}

fn timeline17_inner(path: &Path) -> Result<EvalReport, LinkError> {
    need_dir(path)?;
    let mut folders: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| LinkError::Read { path: path.to_path_buf(), reason: e.to_string() })?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("articles.jsonl").is_file())
        .collect();
    folders.sort();
    if folders.is_empty() {
        return Err(LinkError::NotFound(path.join("*/articles.jsonl")));
    }
    let mut docs: Vec<(NaiveDate, usize, Document)> = Vec::new();
    let mut topics: Vec<String> = Vec::new();
    let (mut gold_dates_total, mut found_total, mut pub_only_total) = (0usize, 0usize, 0usize);
    let mut details = Vec::new();
    for folder in &folders {
        let name = folder.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let topic = name.split('_').next().unwrap_or(&name).to_string();
        // the folder names the outlet (`bpoil_guardian`), as a crawl's metadata would
        let outlet = name.split_once('_').map(|x| x.1);
        let ti = match topics.iter().position(|t| t == &topic) {
            Some(i) => i,
            None => {
                topics.push(topic.clone());
                topics.len() - 1
            }
        };
        let text = read(&folder.join("articles.jsonl"))?;
        let mut found: BTreeSet<NaiveDate> = BTreeSet::new();
        let mut pub_dates: BTreeSet<NaiveDate> = BTreeSet::new();
        for (ln, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value = serde_json::from_str(line).map_err(|e| LinkError::BadData {
                file: folder.join("articles.jsonl").display().to_string(),
                line: ln + 1,
                reason: e.to_string(),
            })?;
            let (Some(id), Some(time), Some(body)) = (v.get("id").and_then(|x| x.as_str()), v.get("time").and_then(|x| x.as_str()), v.get("text").and_then(|x| x.as_str())) else { continue };
            let Ok(date) = NaiveDate::parse_from_str(time.get(..10).unwrap_or(time), "%Y-%m-%d") else { continue };
            pub_dates.insert(date);
            found.insert(date);
            found.extend(find_dates(body, date));
            let title = body.lines().next().map(|l| l.trim().to_string()).filter(|l| !l.is_empty());
            docs.push((date, ti, make_doc(&format!("{name}-{id}"), title, body, Some(date), outlet)));
        }
        // gold timeline dates
        let mut gold: BTreeSet<NaiveDate> = BTreeSet::new();
        if let Ok(tl) = read(&folder.join("timelines.jsonl")) {
            for line in tl.lines() {
                let Ok(serde_json::Value::Array(entries)) = serde_json::from_str::<serde_json::Value>(line) else { continue };
                for e in entries {
                    if let Some(d) = e.get(0).and_then(|d| d.as_str()).and_then(|d| NaiveDate::parse_from_str(d.get(..10).unwrap_or(d), "%Y-%m-%d").ok()) {
                        gold.insert(d);
                    }
                }
            }
        }
        let hit = gold.iter().filter(|d| found.contains(d)).count();
        let pub_hit = gold.iter().filter(|d| pub_dates.contains(d)).count();
        details.push(format!("{name}: {} articles, gold timeline dates {}, found {hit} (publication dates alone {pub_hit})", text.lines().count(), gold.len()));
        gold_dates_total += gold.len();
        found_total += hit;
        pub_only_total += pub_hit;
    }
    docs.sort_by(|a, b| a.0.cmp(&b.0).then(a.2.id.cmp(&b.2.id)));
    let gold: Vec<usize> = docs.iter().map(|d| d.1).collect();
    let ds: Vec<Document> = docs.into_iter().map(|d| d.2).collect();
    let (pred, n_stories, ms) = cluster(&ds);
    details.push(format!("articles {}, topics {}, stories {n_stories}, story assignment {ms:.3} ms/doc", ds.len(), topics.len()));
    details.extend(cluster_lines("stories vs topics", &pred, &gold));
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    details.push(format!(
        "timeline date recall: {:.3} ({found_total}/{gold_dates_total}); publication dates alone {:.3}",
        ratio(found_total, gold_dates_total),
        ratio(pub_only_total, gold_dates_total)
    ));
    Ok(EvalReport { task: "timeline17 (pairwise, stories vs topics)".into(), details, counts: pairwise(&pred, &gold) })
}

// ---------------------------------------------------------------- tls

/// The folders of a Timeline17-layout set: each holds `articles.jsonl` and `timelines.jsonl`.
fn tls_folders(path: &Path) -> Result<Vec<PathBuf>, LinkError> {
    need_dir(path)?;
    let mut folders: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| LinkError::Read { path: path.to_path_buf(), reason: e.to_string() })?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("articles.jsonl").is_file() && p.join("timelines.jsonl").is_file())
        .collect();
    folders.sort();
    if folders.is_empty() {
        return Err(LinkError::NotFound(path.join("*/timelines.jsonl")));
    }
    Ok(folders)
}

/// A topic folder's articles as raw inputs: the text, its publication day as
/// the published hint, the folder's outlet (`bpoil_guardian` → guardian).
fn tls_articles(folder: &Path) -> Result<Vec<RawInput>, LinkError> {
    let file = folder.join("articles.jsonl");
    let name = folder.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let outlet = name.split_once('_').map(|x| x.1.to_string());
    let mut out = Vec::new();
    for (ln, line) in read(&file)?.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| LinkError::BadData { file: file.display().to_string(), line: ln + 1, reason: e.to_string() })?;
        let (Some(id), Some(time), Some(text)) = (v.get("id").and_then(|x| x.as_str()), v.get("time").and_then(|x| x.as_str()), v.get("text").and_then(|x| x.as_str())) else { continue };
        if text.trim().is_empty() {
            continue;
        }
        let hints = Metadata { outlet: outlet.clone(), published_hint: Some(time.get(..10).unwrap_or(time).to_string()), ..Default::default() };
        out.push(RawInput {
            source: format!("{}#{id}", file.display()),
            format: InputFormat::Jsonl,
            raw: line.as_bytes().to_vec(),
            text: text.to_string(),
            is_html: false,
            encoding: "UTF-8".into(),
            hints,
        });
    }
    Ok(out)
}

/// A folder's gold timelines (`[[day, [sentence, …]], …]` per line).
fn tls_gold(folder: &Path) -> Result<Vec<rouge::Timeline>, LinkError> {
    let file = folder.join("timelines.jsonl");
    let mut out = Vec::new();
    for (ln, line) in read(&file)?.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let entries: Vec<(String, Vec<String>)> = serde_json::from_str(line)
            .map_err(|e| LinkError::BadData { file: file.display().to_string(), line: ln + 1, reason: e.to_string() })?;
        let mut tl = rouge::Timeline::new();
        for (day, sentences) in entries {
            if let Ok(d) = NaiveDate::parse_from_str(day.get(..10).unwrap_or(&day), "%Y-%m-%d") {
                tl.entry(d).or_default().extend(sentences.into_iter().map(|s| s.trim().to_string()));
            }
        }
        if !tl.is_empty() {
            out.push(tl);
        }
    }
    Ok(out)
}

/// Timeline summarisation on a Timeline17-layout set: per folder, `annotate`
/// (the pipeline's stages) turns its articles into documents, and each gold
/// timeline is scored against the summary with as many dates as it has and
/// its mean number of sentences per date (rounded, the news-tls protocol).
/// Each folder's line also says how many of the gold days some sentence names
/// with a date expression ([`tls::named_days`]): the dates the summary can
/// find in the text at all. Returns the report lines; the last is
/// `tls: P=… R=… F1=<date F1> AR1=… AR2=…`, each a mean over the timelines.
pub fn tls(path: &Path, annotate: &dyn Fn(Vec<RawInput>) -> Vec<Document>) -> Result<Vec<String>, String> {
    let folders = tls_folders(path).map_err(|e| e.to_string())?;
    let mut lines = Vec::new();
    let mut scores: Vec<rouge::TlsScores> = Vec::new();
    for folder in &folders {
        let name = folder.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let inputs = tls_articles(folder).map_err(|e| e.to_string())?;
        let gold = tls_gold(folder).map_err(|e| e.to_string())?;
        let n_inputs = inputs.len();
        let docs = annotate(inputs);
        let named = tls::named_days(&docs);
        for g in &gold {
            let sentences = g.values().map(Vec::len).sum::<usize>() as f64 / g.len().max(1) as f64;
            let opts = tls::TlsOptions { dates: g.len(), sentences_per_date: (sentences.round() as usize).clamp(1, 2) };
            let summary = tls::summarise(&docs, &opts);
            let s = rouge::score(&tls::as_timeline(&summary), g);
            lines.push(format!(
                "{name}: {n_inputs} articles, {} documents; K={} L={}; gold days named in the text {}/{}; date P={:.3} R={:.3} F1={:.3}; AR1={:.3} AR2={:.3}",
                docs.len(),
                opts.dates,
                opts.sentences_per_date,
                g.keys().filter(|d| named.contains(d)).count(),
                g.len(),
                s.date.p,
                s.date.r,
                s.date.f1,
                s.ar1.f1,
                s.ar2.f1
            ));
            scores.push(s);
        }
    }
    let mean = |f: fn(&rouge::TlsScores) -> rouge::Prf| rouge::Prf::mean(&scores.iter().map(f).collect::<Vec<_>>());
    let (date, ar1, ar2) = (mean(|s| s.date), mean(|s| s.ar1), mean(|s| s.ar2));
    lines.push(format!("timelines: {} (macro averages); AR1 P={:.3} R={:.3}; AR2 P={:.3} R={:.3}", scores.len(), ar1.p, ar1.r, ar2.p, ar2.r));
    lines.push(format!("tls: P={:.3} R={:.3} F1={:.3} AR1={:.3} AR2={:.3}", date.p, date.r, date.f1, ar1.f1, ar2.f1));
    Ok(lines)
}

// ---------------------------------------------------------------- ECB+

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// ECB+: topic clustering F1 of its documents.
pub fn ecbplus(path: &Path) -> Result<EvalReport, String> {
    ecbplus_inner(path).map_err(|e| e.to_string())
}

/// The ECB+ corpus folder (`ECB+/` under the set, or the set itself) and its
/// `<topic>/<file>.xml` files as (topic, file name, path), in a fixed
/// interleaving of topics (hash order), as a stream would mix them.
pub(crate) fn ecb_files(path: &Path) -> Result<Vec<(String, String, PathBuf)>, LinkError> {
    let root = if path.join("ECB+").is_dir() { path.join("ECB+") } else { path.to_path_buf() };
    need_dir(&root)?;
    let mut files: Vec<(String, String, PathBuf)> = Vec::new();
    for topic in std::fs::read_dir(&root).map_err(|e| LinkError::Read { path: root.clone(), reason: e.to_string() })?.filter_map(Result::ok) {
        let tp = topic.path();
        if !tp.is_dir() {
            continue;
        }
        let tname = topic.file_name().to_string_lossy().to_string();
        for f in std::fs::read_dir(&tp).map_err(|e| LinkError::Read { path: tp.clone(), reason: e.to_string() })?.filter_map(Result::ok) {
            let fname = f.file_name().to_string_lossy().to_string();
            if fname.ends_with(".xml") {
                files.push((tname.clone(), fname, f.path()));
            }
        }
    }
    if files.is_empty() {
        return Err(LinkError::NotFound(root.join("*/*.xml")));
    }
    files.sort_by_key(|f| hash64(f.1.as_bytes()));
    Ok(files)
}

/// One ECB+ document as text: its sentences one per line, tokens joined by
/// spaces (an `ecbplus` file's sentence 0, its source URL, left out), and
/// where each token lies in that text: (t_id, sentence, start, end).
pub(crate) struct EcbText {
    pub body: String,
    pub tokens: Vec<(u32, usize, usize, usize)>,
}

static TOKEN_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"<token [^>]*?t_id="(\d+)"[^>]*?sentence="(\d+)"[^>]*>([^<]*)</token>"#).expect("regex"));

pub(crate) fn ecb_text(xml: &str, plus: bool) -> EcbText {
    let mut sentences: BTreeMap<usize, Vec<(u32, String)>> = BTreeMap::new();
    for c in TOKEN_ID.captures_iter(xml) {
        let (Some(t), Some(s), Some(w)) = (
            c.get(1).and_then(|t| t.as_str().parse::<u32>().ok()),
            c.get(2).and_then(|s| s.as_str().parse::<usize>().ok()),
            c.get(3),
        ) else {
            continue;
        };
        if plus && s == 0 {
            continue; // the source URL
        }
        sentences.entry(s).or_default().push((t, unescape(w.as_str())));
    }
    let mut body = String::new();
    let mut tokens = Vec::new();
    for (s, words) in sentences {
        if !body.is_empty() {
            body.push('\n');
        }
        for (i, (t, w)) in words.into_iter().enumerate() {
            if i > 0 {
                body.push(' ');
            }
            tokens.push((t, s, body.len(), body.len() + w.len()));
            body.push_str(&w);
        }
    }
    EcbText { body, tokens }
}

fn ecbplus_inner(path: &Path) -> Result<EvalReport, LinkError> {
    let files = ecb_files(path)?;
    let mut topics: Vec<String> = Vec::new();
    let mut subtopics: Vec<String> = Vec::new();
    let (mut gold, mut gold_sub, mut docs) = (Vec::new(), Vec::new(), Vec::new());
    for (topic, fname, p) in &files {
        let xml = read(p)?;
        let plus = fname.contains("ecbplus");
        let body = ecb_text(&xml, plus).body;
        let title = body.lines().next().map(str::to_string);
        let sub = format!("{topic}{}", if plus { "+" } else { "" });
        let ti = topics.iter().position(|t| t == topic).unwrap_or_else(|| {
            topics.push(topic.clone());
            topics.len() - 1
        });
        let si = subtopics.iter().position(|t| t == &sub).unwrap_or_else(|| {
            subtopics.push(sub.clone());
            subtopics.len() - 1
        });
        gold.push(ti);
        gold_sub.push(si);
        docs.push(make_doc(&format!("ecb-{fname}"), title, &body, None, None));
    }
    let (pred, n, ms) = cluster(&docs);
    let mut details = vec![format!("documents {}, topics {}, sub-topics {}, stories {n}, {ms:.3} ms/doc", docs.len(), topics.len(), subtopics.len())];
    details.extend(cluster_lines("stories vs topics", &pred, &gold));
    details.extend(cluster_lines("stories vs sub-topics", &pred, &gold_sub));
    Ok(EvalReport { task: "ecbplus (pairwise, stories vs topics)".into(), details, counts: pairwise(&pred, &gold) })
}

// ---------------------------------------------------------------- Reuters

static REUTERS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<REUTERS([^>]*)>(.*?)</REUTERS>").expect("regex"));
static NEWID: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"NEWID="(\d+)""#).expect("regex"));
static BODY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<BODY>(.*?)</BODY>").expect("regex"));
static TITLE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<TITLE>(.*?)</TITLE>").expect("regex"));
static DATE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<DATE>\s*(\d{1,2}-[A-Z]{3}-\d{4})").expect("regex"));
static NUMERIC_ENTITY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"&#\d+;").expect("regex"));

/// One Reuters-21578 story.
#[derive(Clone, Debug)]
pub struct ReutersDoc {
    /// NEWID.
    pub id: String,
    /// `<TITLE>`.
    pub title: Option<String>,
    /// `<BODY>`, entities decoded.
    pub body: String,
    /// `<DATE>` day.
    pub date: Option<NaiveDate>,
}

fn sgml_text(s: &str) -> String {
    unescape(&NUMERIC_ENTITY.replace_all(s, " "))
}

/// Reads every `reut2-*.sgm` under `path` (documents without a body are skipped).
pub fn read_reuters(path: &Path) -> Result<Vec<ReutersDoc>, LinkError> {
    need_dir(path)?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| LinkError::Read { path: path.to_path_buf(), reason: e.to_string() })?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "sgm"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(LinkError::NotFound(path.join("reut2-*.sgm")));
    }
    let mut out = Vec::new();
    for f in files {
        let text = read(&f)?;
        for c in REUTERS.captures_iter(&text) {
            let attrs = c.get(1).map_or("", |m| m.as_str());
            let inner = c.get(2).map_or("", |m| m.as_str());
            let Some(id) = NEWID.captures(attrs).and_then(|m| m.get(1)).map(|m| m.as_str().to_string()) else { continue };
            let Some(body) = BODY.captures(inner).and_then(|m| m.get(1)).map(|m| sgml_text(m.as_str())) else { continue };
            let title = TITLE.captures(inner).and_then(|m| m.get(1)).map(|m| sgml_text(m.as_str()).trim().to_string());
            let date = DATE
                .captures(inner)
                .and_then(|m| m.get(1))
                .and_then(|m| NaiveDate::parse_from_str(&m.as_str().to_lowercase(), "%d-%b-%Y").ok());
            out.push(ReutersDoc { id, title, body, date });
        }
    }
    Ok(out)
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Reuters-21578: exact-duplicate groups found vs present, near-duplicate
/// groups beyond them, and linking speed.
pub fn reuters_dups(path: &Path) -> Result<EvalReport, String> {
    reuters_inner(path).map_err(|e| e.to_string())
}

fn reuters_inner(path: &Path) -> Result<EvalReport, LinkError> {
    let rdocs = read_reuters(path)?;
    let n = rdocs.len();
    // gold: identical normalised bodies
    let norm: Vec<String> = rdocs.iter().map(|d| words(&d.body).join(" ")).collect();
    let mut gold_groups: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, s) in norm.iter().enumerate() {
        if !s.is_empty() {
            gold_groups.entry(s.as_str()).or_default().push(i);
        }
    }
    let gold_groups: Vec<Vec<usize>> = gold_groups.into_values().filter(|g| g.len() > 1).collect();
    // prediction
    let mut ix = DupIndex::new();
    let mut parent: Vec<usize> = (0..n).collect();
    let pos: HashMap<String, usize> = rdocs.iter().enumerate().map(|(i, d)| (format!("d:reuters-{}", d.id), i)).collect();
    let docs: Vec<Document> = rdocs.iter().map(|d| make_doc(&format!("reuters-{}", d.id), d.title.clone(), &d.body, d.date, None)).collect();
    let t = Instant::now();
    let mut links = 0;
    let mut near_links: Vec<(usize, usize)> = Vec::new();
    let mut first_k = 0.0;
    for (i, d) in docs.iter().enumerate() {
        if let Some(orig) = ix.check_and_insert(&d.id, d.body()) {
            links += 1;
            if let Some(&j) = pos.get(orig.as_str()) {
                if norm.get(i) != norm.get(j) {
                    near_links.push((i, j));
                }
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
        if i + 1 == 1000 {
            first_k = t.elapsed().as_secs_f64() * 1000.0 / 1000.0;
        }
    }
    let dup_ms = t.elapsed().as_secs_f64() * 1000.0 / n.max(1) as f64;
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let pred_groups: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    let mut found = 0;
    for g in &gold_groups {
        let r = find(&mut parent, g[0]);
        if g.iter().all(|&i| find(&mut parent, i) == r) {
            found += 1;
        }
    }
    let exact_sets: HashSet<usize> = gold_groups.iter().flatten().copied().collect();
    let near_only: Vec<&Vec<usize>> = pred_groups
        .iter()
        .filter(|g| {
            let distinct: HashSet<&str> = g.iter().map(|&i| norm[i].as_str()).collect();
            distinct.len() > 1
        })
        .collect();
    let mut details = vec![
        format!("documents with a body: {n}"),
        format!("gold exact-duplicate groups (identical normalised bodies): {} covering {} documents", gold_groups.len(), exact_sets.len()),
        format!("predicted duplicate groups: {} ({} links)", pred_groups.len(), links),
        format!("exact groups found whole: {found} of {}", gold_groups.len()),
        format!("groups with near-duplicates beyond exact copies: {}", near_only.len()),
    ];
    for g in near_only.iter().take(5) {
        let titles: Vec<String> = g.iter().take(3).map(|&i| format!("{} {:?}", rdocs[i].id, rdocs[i].title.clone().unwrap_or_default())).collect();
        details.push(format!("  e.g. {}", titles.join(" | ")));
    }
    let mut res: Vec<(f64, f64, usize, usize)> = near_links
        .iter()
        .filter_map(|&(i, j)| crate::dedup::compare(&rdocs[i].body, &rdocs[j].body).map(|r| (r.jaccard, r.containment, i, j)))
        .collect();
    res.sort_by(|a, b| a.0.total_cmp(&b.0));
    let by_jaccard = res.iter().filter(|r| r.0 >= crate::settings::SETTINGS.dup_jaccard).count();
    details.push(format!(
        "near-duplicate links (bodies not identical): {} — {} by Jaccard, {} by containment only",
        res.len(),
        by_jaccard,
        res.len() - by_jaccard
    ));
    for r in res.iter().take(4) {
        details.push(format!("  lowest Jaccard: {} ~ {} J={:.2} C={:.2}", rdocs[r.2].id, rdocs[r.3].id, r.0, r.1));
    }
    details.push(format!("duplicate check: {dup_ms:.3} ms/doc over {n} documents (first 1000: {first_k:.3} ms/doc)"));
    // story linking speed on the same stream
    let mut stories = StoryIndex::new();
    let t = Instant::now();
    let mut last_k = Instant::now();
    let mut tail_ms = 0.0;
    for (i, d) in docs.iter().enumerate() {
        if i + 1000 == n {
            last_k = Instant::now();
        }
        stories.assign(d);
    }
    if n >= 1000 {
        tail_ms = last_k.elapsed().as_secs_f64() * 1000.0 / 1000.0;
    }
    let story_ms = t.elapsed().as_secs_f64() * 1000.0 / n.max(1) as f64;
    details.push(format!(
        "story assignment: {story_ms:.3} ms/doc over {n} documents (last 1000: {tail_ms:.3} ms/doc), {} stories",
        stories.stories().len()
    ));
    let counts = Counts { tp: found, fp: 0, fn_: gold_groups.len() - found };
    Ok(EvalReport { task: "reuters-dups (exact groups found)".into(), details, counts })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clustering_metrics() {
        let gold = [0, 0, 0, 1, 1];
        let pred = [0, 0, 1, 2, 2];
        let c = pairwise(&pred, &gold);
        assert_eq!((c.tp, c.fp, c.fn_), (2, 0, 2));
        let (p, r) = bcubed(&pred, &gold);
        assert!((p - 1.0).abs() < 1e-9);
        assert!((r - (4.0 / 3.0 + 1.0 / 3.0 + 2.0) / 5.0).abs() < 1e-9);
    }

    #[test]
    fn date_regex_resolves_against_publication() {
        let p = NaiveDate::from_ymd_opt(2009, 5, 6).unwrap(); // a Wednesday
        let ds = find_dates("On Monday , officials said cases rose since April 27 ; on 3 May 2009 and 2010-01-02 .", p);
        let want = ["2009-05-04", "2009-04-27", "2009-05-03", "2010-01-02"];
        for w in want {
            assert!(ds.contains(&NaiveDate::parse_from_str(w, "%Y-%m-%d").unwrap()), "{w} in {ds:?}");
        }
        assert_eq!(ds.len(), 4);
    }

    #[test]
    fn absent_sets_are_not_found() {
        let missing = Path::new("/nonexistent/chronicle-link-eval");
        for r in [timeline17(missing), ecbplus(missing), reuters_dups(missing)] {
            assert!(r.unwrap_err().ends_with("not found"));
        }
    }
}

/// Linking speed at scale: streams the Reuters bodies (repeated with a
/// marker word appended, so repeats are near- not exact duplicates) through
/// [`DupIndex`] and [`StoryIndex`] until `target` documents are indexed, and
/// reports ms/doc for the last 1,000 documents (the cost of linking one new
/// document into a store of `target` documents).
pub fn link_speed(path: &Path, target: usize) -> Result<EvalReport, String> {
    let rdocs = read_reuters(path).map_err(|e| e.to_string())?;
    if rdocs.is_empty() {
        return Err(format!("{} has no documents", path.display()));
    }
    let mut dups = DupIndex::new();
    let mut stories = StoryIndex::new();
    let (mut dup_tail, mut story_tail) = (0.0, 0.0);
    let tail_from = target.saturating_sub(1000);
    let t_all = Instant::now();
    for i in 0..target {
        let r = &rdocs[i % rdocs.len()];
        let round = i / rdocs.len();
        let body = if round == 0 { r.body.clone() } else { format!("{} copy{round}", r.body) };
        let d = make_doc(&format!("reuters-{}-{round}", r.id), r.title.clone(), &body, r.date, None);
        let t = Instant::now();
        dups.check_and_insert(&d.id, d.body());
        let t2 = Instant::now();
        stories.assign(&d);
        if i >= tail_from {
            dup_tail += (t2 - t).as_secs_f64() * 1000.0;
            story_tail += t2.elapsed().as_secs_f64() * 1000.0;
        }
    }
    let n_tail = (target - tail_from).max(1) as f64;
    let details = vec![
        format!("documents linked: {target} (Reuters bodies repeated; {} per pass)", rdocs.len()),
        format!("last {} documents: duplicate check {:.3} ms/doc, story assignment {:.3} ms/doc, total {:.3} ms/doc", n_tail, dup_tail / n_tail, story_tail / n_tail, (dup_tail + story_tail) / n_tail),
        format!("whole run: {:.1} s; stories {}", t_all.elapsed().as_secs_f64(), stories.stories().len()),
    ];
    Ok(EvalReport { task: "link-speed (no accuracy counts)".into(), details, counts: Counts::default() })
}
