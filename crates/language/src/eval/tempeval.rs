//! `chronicle eval tempeval`: time expressions against TempEval-3 TimeML
//! (TimeBank + AQUAINT, `TBAQ-cleaned`).
//!
//! Each `.tml` file is stripped of its tags: the text inside `<TEXT>` becomes
//! the body, each `<TIMEX3 tid type value>` inside it a gold span, and the
//! `CREATION_TIME` timex the (exact) document date. The time annotator runs on
//! the body; reported are strict (same span) and relaxed (overlapping) span
//! P/R/F1, type accuracy over relaxed matches, and value F1 (the headline): a
//! gold timex is correct when an overlapping predicted timex has the same
//! value; precision is over all predicted timexes.
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use chrono::NaiveDate;
use chronicle_core::{Counts, DocId, Document, EvalReport, InputFormat, Metadata, UncertainDate};
use regex::Regex;

/// One gold timex: byte span over the stripped text, type and value.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldTimex {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// TIMEX3 type (`DATE`, …).
    pub time_type: String,
    /// TIMEX3 value.
    pub value: String,
}

/// A TimeML document: body text, gold timexes, creation date.
#[derive(Clone, Debug)]
pub struct TimeMlDoc {
    /// Text of `<TEXT>` without tags.
    pub text: String,
    /// Gold timexes inside it.
    pub timexes: Vec<GoldTimex>,
    /// Document creation time.
    pub dct: Option<NaiveDate>,
}

static DCT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>"#).expect("dct regex")
});
static ATTR_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(\w+)="([^"]*)""#).expect("attr regex"));

fn attr(tag: &str, name: &str) -> Option<String> {
    ATTR_RE
        .captures_iter(tag)
        .find(|c| c.get(1).is_some_and(|m| m.as_str() == name))
        .and_then(|c| c.get(2).map(|m| m.as_str().to_string()))
}

/// Parses one TimeML file's content.
pub fn parse_timeml(xml: &str) -> Result<TimeMlDoc, String> {
    let dct = DCT_RE
        .find(xml)
        .and_then(|m| attr(m.as_str(), "value"))
        .and_then(|v| NaiveDate::parse_from_str(v.get(..10).unwrap_or(""), "%Y-%m-%d").ok());
    let start = xml.find("<TEXT>").ok_or("no <TEXT>")? + "<TEXT>".len();
    let end = xml[start..].find("</TEXT>").map_or(xml.len(), |k| start + k);
    let src = &xml[start..end];
    let mut text = String::with_capacity(src.len());
    let mut timexes = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut i = 0;
    while i < src.len() {
        let rest = &src[i..];
        if rest.starts_with('<') {
            let close = rest.find('>').ok_or("unclosed tag")?;
            let tag = &rest[..=close];
            if tag.starts_with("<TIMEX3") {
                open = Some((
                    text.len(),
                    attr(tag, "type").unwrap_or_default(),
                    attr(tag, "value").unwrap_or_default(),
                ));
            } else if tag.starts_with("</TIMEX3") {
                if let Some((s, t, v)) = open.take() {
                    timexes.push(GoldTimex { start: s, end: text.len(), time_type: t, value: v });
                }
            }
            i += close + 1;
        } else if rest.starts_with('&') {
            let (ch, len) = [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&apos;", '\'')]
                .iter()
                .find(|(e, _)| rest.starts_with(e))
                .map_or(('&', 1), |(e, c)| (*c, e.len()));
            text.push(ch);
            i += len;
        } else {
            let ch = rest.chars().next().ok_or("bad char")?;
            text.push(ch);
            i += ch.len_utf8();
        }
    }
    Ok(TimeMlDoc { text, timexes, dct })
}

fn tml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            tml_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "tml") {
            out.push(p);
        }
    }
}

/// Runs the evaluation on the set at `path` (a directory searched recursively
/// for `.tml` files).
pub fn run(path: &Path) -> Result<EvalReport, String> {
    let mut files = Vec::new();
    tml_files(path, &mut files);
    if files.is_empty() {
        return Err(format!("no .tml files under {}", path.display()));
    }
    let (mut strict, mut relaxed, mut value) = (Counts::default(), Counts::default(), Counts::default());
    let (mut type_ok, mut type_n) = (0usize, 0usize);
    let (mut n_gold, mut n_docs) = (0usize, 0usize);
    let mut by_type: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for f in &files {
        let xml = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let tml = parse_timeml(&xml).map_err(|e| format!("{}: {e}", f.display()))?;
        let mut meta = Metadata::default();
        if let Some(d) = tml.dct {
            meta.published.date = UncertainDate::day(d);
        }
        let mut doc = Document::new(
            DocId::from_text(&tml.text),
            f.display().to_string(),
            InputFormat::Text,
            Vec::new(),
            tml.text.clone(),
            tml.text.clone(),
            meta,
        );
        crate::time::annotate(&mut doc);
        n_docs += 1;
        n_gold += tml.timexes.len();
        let pred = &doc.times;
        for g in &tml.timexes {
            let exact = pred.iter().any(|p| p.span.start() == g.start && p.span.end() == g.end);
            let over: Vec<_> = pred.iter().filter(|p| p.span.start() < g.end && g.start < p.span.end()).collect();
            if exact {
                strict.tp += 1;
            } else {
                strict.fn_ += 1;
            }
            if over.is_empty() {
                relaxed.fn_ += 1;
            } else {
                relaxed.tp += 1;
                type_n += 1;
                if over.iter().any(|p| p.time_type.as_str() == g.time_type) {
                    type_ok += 1;
                }
            }
            let correct = over.iter().any(|p| p.value.as_deref() == Some(g.value.as_str()));
            if std::env::var_os("TEMPEVAL_DUMP").is_some() {
                let got: Vec<&str> = over.iter().filter_map(|p| p.value.as_deref()).collect();
                let at = doc.body().get(g.start..g.end).unwrap_or("");
                eprintln!("{}\t{}\t{at}\tgold={}\tgot={got:?}", if correct { "OK" } else { "MISS" }, g.start, g.value);
            }
            let e = by_type.entry(g.time_type.clone()).or_default();
            e.1 += 1;
            if correct {
                value.tp += 1;
                e.0 += 1;
            } else {
                value.fn_ += 1;
            }
        }
        for p in pred {
            let s = p.span;
            if !tml.timexes.iter().any(|g| g.start == s.start() && g.end == s.end()) {
                strict.fp += 1;
            }
            let over: Vec<_> = tml.timexes.iter().filter(|g| s.start() < g.end && g.start < s.end()).collect();
            if over.is_empty() {
                relaxed.fp += 1;
            }
            if !over.iter().any(|g| p.value.as_deref() == Some(g.value.as_str())) {
                value.fp += 1;
            }
        }
    }
    let line = |name: &str, c: &Counts| {
        format!("{name}: P={:.3} R={:.3} F1={:.3} (tp={} fp={} fn={})", c.precision(), c.recall(), c.f1(), c.tp, c.fp, c.fn_)
    };
    let mut details = vec![
        format!("docs: {n_docs}, gold timexes: {n_gold}"),
        line("span strict", &strict),
        line("span relaxed", &relaxed),
        format!("type accuracy (relaxed matches): {:.3} ({type_ok}/{type_n})", ratio(type_ok, type_n)),
    ];
    for (t, (ok, n)) in &by_type {
        details.push(format!("value recall {t}: {:.3} ({ok}/{n})", ratio(*ok, *n)));
    }
    details.push("headline: value F1 (gold correct when an overlapping prediction has its value); anchor HeidelTime 77.6 on the TE3 test".into());
    Ok(EvalReport { task: "tempeval value".into(), details, counts: value })
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_keeps_gold_offsets() {
        let xml = r#"<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>Bombs <EVENT eid="e1">exploded</EVENT> &amp; killed people <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>.</TEXT>"#;
        let d = parse_timeml(xml).unwrap();
        assert_eq!(d.text, "Bombs exploded & killed people Friday.");
        assert_eq!(d.dct, NaiveDate::from_ymd_opt(1998, 8, 7));
        assert_eq!(d.timexes.len(), 1);
        let g = &d.timexes[0];
        assert_eq!(&d.text[g.start..g.end], "Friday");
        assert_eq!(g.value, "1998-08-07");
    }

    #[test]
    fn missing_set_is_an_error_not_a_panic() {
        assert!(run(Path::new("/nonexistent/tempeval")).is_err());
    }
}
