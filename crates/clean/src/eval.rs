//! `chronicle eval clean-html [PATH]`: token-level precision, recall and F1 of the cleaned
//! body against gold text, on the dragnet layout (`input/NAME.html` + `GoldStandard/NAME.txt`)
//! or Zyte's article-extraction-benchmark layout (`html/NAME.html.gz` + `ground-truth.json`).

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use chronicle_core::{Counts, EvalReport, InputFormat, Metadata, RawInput};

use crate::Cleaner;

/// Lowercase word tokens of a text, counted.
pub fn tokens(text: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        *m.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    m
}

/// Bag-of-tokens counts of a prediction against gold.
pub fn token_counts(predicted: &str, gold: &str) -> Counts {
    let (p, g) = (tokens(predicted), tokens(gold));
    let tp: usize = p.iter().map(|(w, n)| (*n).min(g.get(w).copied().unwrap_or(0))).sum();
    let np: usize = p.values().sum();
    let ng: usize = g.values().sum();
    Counts { tp, fp: np - tp, fn_: ng - tp }
}

/// Decodes HTML bytes: BOM, else a `charset=` in the first 4 KB, else UTF-8 (lossy).
pub fn decode_html(bytes: &[u8]) -> (String, String) {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _, _) = enc.decode(bytes);
        return (text.into_owned(), format!("{} (bom)", enc.name().to_lowercase()));
    }
    let head = String::from_utf8_lossy(bytes.get(..bytes.len().min(4096)).unwrap_or(bytes)).to_lowercase();
    if let Some(i) = head.find("charset=") {
        let label: String = head[i + 8..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        if let Some(enc) = encoding_rs::Encoding::for_label(label.as_bytes()) {
            if enc != encoding_rs::UTF_8 {
                let (text, _, _) = enc.decode(bytes);
                return (text.into_owned(), format!("{} (declared)", enc.name().to_lowercase()));
            }
        }
    }
    (String::from_utf8_lossy(bytes).into_owned(), "utf-8".to_string())
}

/// The line that separates a dragnet gold file's article body from the reader comments
/// some pages' gold carries after it (written `!@#$%^&*()  COMMENTS`; the annotators typed
/// it by hand, and some files drop the `!`, the `()` or a space, double the `*`, misspell
/// or change the word — `COMMNENTS`, `CORRECTED` — or leave it out: a line holding
/// `%^&*` is the mark; no gold text holds it otherwise).
pub const DRAGNET_COMMENTS_MARK: &str = "!@#$%^&*()  COMMENTS";

/// A dragnet gold file split into the article body and the reader comments after the mark.
pub fn split_dragnet_gold(gold: &str) -> (&str, &str) {
    let mut pos = 0;
    for line in gold.split_inclusive('\n') {
        if line.contains("%^&*") {
            return (gold.get(..pos).unwrap_or(gold), gold.get(pos + line.len()..).unwrap_or(""));
        }
        pos += line.len();
    }
    (gold, "")
}

/// One page of an evaluation set.
pub(crate) struct Page {
    pub name: String,
    pub html: Vec<u8>,
    /// The gold article body.
    pub gold: String,
    /// Gold reader comments (dragnet only; empty elsewhere).
    pub comments: String,
}

pub(crate) fn dragnet_pages(dir: &Path) -> Result<Vec<Page>, String> {
    let input = dir.join("input");
    let gold = dir.join("GoldStandard");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&input)
        .map_err(|e| format!("{}: {e}", input.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html" || e == "htm"))
        .collect();
    names.sort();
    let mut pages = Vec::new();
    for p in names {
        let stem = p.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        let Ok(g) = std::fs::read(gold.join(format!("{stem}.txt"))) else { continue };
        let html = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        // Some gold files are UTF-16 with a byte-order mark.
        let (g, _) = decode_html(&g);
        let (gold, comments) = split_dragnet_gold(&g);
        pages.push(Page { name: stem, html, gold: gold.to_string(), comments: comments.to_string() });
    }
    Ok(pages)
}

fn zyte_pages(dir: &Path) -> Result<Vec<Page>, String> {
    let gt_path = dir.join("ground-truth.json");
    let gt: serde_json::Value = serde_json::from_slice(
        &std::fs::read(&gt_path).map_err(|e| format!("{}: {e}", gt_path.display()))?,
    )
    .map_err(|e| format!("{}: {e}", gt_path.display()))?;
    let map = gt.as_object().ok_or_else(|| format!("{}: expected an object keyed by page name", gt_path.display()))?;
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort();
    let mut pages = Vec::new();
    for k in keys {
        let body = map.get(k).and_then(|v| v.get("articleBody")).and_then(|b| b.as_str()).unwrap_or("");
        let gz = dir.join("html").join(format!("{k}.html.gz"));
        let html = match std::fs::read(&gz) {
            Ok(bytes) => {
                let mut out = Vec::new();
                flate2::read::GzDecoder::new(bytes.as_slice())
                    .read_to_end(&mut out)
                    .map_err(|e| format!("{}: {e}", gz.display()))?;
                out
            }
            Err(_) => match std::fs::read(dir.join("html").join(format!("{k}.html"))) {
                Ok(b) => b,
                Err(_) => continue,
            },
        };
        pages.push(Page { name: k.clone(), html, gold: body.to_string(), comments: String::new() });
    }
    Ok(pages)
}

/// The decoded page as the cleaner's input.
pub(crate) fn page_input(page: &Page) -> RawInput {
    let (text, encoding) = decode_html(&page.html);
    RawInput {
        source: page.name.clone(),
        format: InputFormat::Html,
        raw: page.html.clone(),
        text,
        is_html: true,
        encoding,
        hints: Metadata::default(),
    }
}

/// What a cleaner gives a page.
#[derive(Default)]
pub(crate) struct Cleaned {
    /// The host document's body.
    pub body: String,
    /// Its headline, byline, dateline and body blocks, in page order (dragnet's gold holds
    /// the headline and often the byline; the body alone leaves them out).
    pub article: String,
    /// Appended articles split off.
    pub appended: usize,
}

/// The host body a cleaner gives a page, its whole article text, and how many appended
/// articles it split off.
pub(crate) fn clean_page(cleaner: &Cleaner, page: &Page) -> Result<Cleaned, crate::CleanError> {
    use chronicle_core::BlockLabel::{Body, Byline, Dateline, Title};
    let docs = cleaner.clean(page_input(page))?;
    let Some(d) = docs.first() else { return Ok(Cleaned::default()) };
    let article: Vec<&str> =
        d.blocks.iter().filter(|b| matches!(b.label, Title | Byline | Dateline | Body)).map(|b| b.span.text(&d.extracted)).collect();
    Ok(Cleaned { body: d.body().to_string(), article: article.join("\n"), appended: docs.len().saturating_sub(1) })
}

/// Token-level P/R/F1 of the cleaned body against the gold article body, summed over the
/// pages of the set at `path` (dragnet or Zyte layout). Pages the cleaner rejects count as
/// empty output. Dragnet gold files of some pages go on, after [`DRAGNET_COMMENTS_MARK`],
/// with the reader comments: those are not article text, so the headline figures leave
/// them out; a detail line gives F1 against gold with the comments too (the figure this
/// task reported before comments were told apart).
pub fn clean_html(path: &Path) -> Result<EvalReport, String> {
    let (set, pages) = if path.join("GoldStandard").is_dir() {
        ("dragnet", dragnet_pages(path)?)
    } else if path.join("ground-truth.json").is_file() {
        ("zyte", zyte_pages(path)?)
    } else {
        return Err(format!(
            "{}: expected a dragnet folder (input/ + GoldStandard/) or a Zyte benchmark folder (html/ + ground-truth.json)",
            path.display()
        ));
    };
    let cleaner = Cleaner::builtin();
    let mut counts = Counts::default();
    let mut with_comments = Counts::default();
    let mut article = Counts::default();
    let mut rejected = 0usize;
    let mut appended = 0usize;
    let mut macro_f1 = 0.0;
    let start = std::time::Instant::now();
    for page in &pages {
        let cleaned = clean_page(&cleaner, page).unwrap_or_else(|_| {
            rejected += 1;
            Cleaned::default()
        });
        appended += cleaned.appended;
        let body = cleaned.body;
        article.add(token_counts(&cleaned.article, &page.gold));
        let c = token_counts(&body, &page.gold);
        with_comments.add(token_counts(&body, &format!("{}\n{}", page.gold, page.comments)));
        macro_f1 += c.f1();
        counts.add(c);
    }
    let secs = start.elapsed().as_secs_f64();
    let details = vec![
        format!("set: {set} ({})", path.display()),
        format!("{set}: pages {}, rejected {rejected}, appended articles split off {appended}", pages.len()),
        format!("{set}: tokens tp {} fp {} fn {}", counts.tp, counts.fp, counts.fn_),
        format!("{set}: mean per-page F1 {:.3} (the headline figures below sum tokens over all pages)", macro_f1 / pages.len().max(1) as f64),
        format!(
            "{set}: against gold body + gold comments: P={:.3} R={:.3} F1={:.3}",
            with_comments.precision(),
            with_comments.recall(),
            with_comments.f1()
        ),
        format!(
            "{set}: headline, byline, dateline and body (the article as the cleaner labels it; the figures below score the body alone): P={:.3} R={:.3} F1={:.3}",
            article.precision(),
            article.recall(),
            article.f1()
        ),
        format!("{set}: {:.1} pages/s", pages.len() as f64 / secs.max(1e-9)),
    ];
    Ok(EvalReport { task: "clean-html".into(), details, counts })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_counts_are_bags_of_lowercase_words() {
        let c = token_counts("The cat sat. The end", "the cat sat on the mat");
        assert_eq!((c.tp, c.fp, c.fn_), (4, 1, 2));
    }

    #[test]
    fn dragnet_gold_splits_at_either_spelling_of_the_mark() {
        assert_eq!(split_dragnet_gold("Body.\n!@#$%^&*()  COMMENTS\nNice post\n"), ("Body.\n", "Nice post\n"));
        assert_eq!(split_dragnet_gold("Body.\n@#$%^&*() COMMENTS\nNice\n"), ("Body.\n", "Nice\n"));
        assert_eq!(split_dragnet_gold("Body.\n!@#$%^&*   COMMENTS\nSpot the Fed\n"), ("Body.\n", "Spot the Fed\n"));
        assert_eq!(split_dragnet_gold("Body.\n!@#$%^&**()  COMMENTS\nA\n"), ("Body.\n", "A\n"));
        assert_eq!(split_dragnet_gold("Body.\n!@#$%^&*()  CORRECTED\nBrendan 07.23.12\n"), ("Body.\n", "Brendan 07.23.12\n"));
        assert_eq!(split_dragnet_gold("Body.\n!@#$%^&*()\nCSearch\n"), ("Body.\n", "CSearch\n"));
        assert_eq!(split_dragnet_gold("Body only.\n"), ("Body only.\n", ""));
    }

    #[test]
    fn declared_charset_is_used() {
        let bytes = b"<meta charset=\"windows-1252\"><p>caf\xe9</p>";
        let (text, enc) = decode_html(bytes);
        assert!(text.contains("café"));
        assert!(enc.starts_with("windows-1252"));
    }

    #[test]
    fn unknown_layout_is_an_error() {
        assert!(clean_html(Path::new("/nonexistent-eval-dir")).is_err());
    }

    #[test]
    fn dragnet_when_present() {
        let dir = &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/dragnet");
        if !dir.join("GoldStandard").is_dir() {
            return;
        }
        // Only the layout reader here; the full run is `chronicle eval clean-html`.
        let pages = dragnet_pages(dir).unwrap();
        assert!(pages.len() >= 100);
    }
}
