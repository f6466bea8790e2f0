//! `chronicle eval polnear`: quote attribution against PolNeAR (brat standoff).
//!
//! Reads `dev/` (falls back to `train/`): `text/<stem>.txt` and
//! `attributions/<stem>_<annotator>.ann`; one annotator per article (the first
//! file name in order). Each `E` line with a `Source` is a gold attribution
//! (content, cue, source spans; character offsets converted to bytes).
//!
//! Sentences, the syntax step (built-in weights), times and quotes run on the
//! raw text (no mention layer, so only `speaker_text` is judged). Predicted
//! quotes sharing a cue and a speaker phrase are one attribution with several
//! content pieces, as in the gold ("'…,' he said. '…'"). Each predicted
//! attribution with a speaker phrase is
//! paired with the gold attribution whose content overlaps its content most;
//! it is a true positive when its speaker span equals the gold source span
//! (exact, after trimming spaces and punctuation; headline, as in PARC/Citron)
//! or overlaps it (details). A gold attribution is matched at most once.
//! With `POLNEAR_DUMP` set, every gold source not matched exactly is written to
//! standard error (`MISS`, article, gold source, predicted speaker or why none,
//! the content's start, the gold cue) and every false positive (`FP`, why, article, the
//! predicted speaker, the paired gold source, the content's start, the cue) for error analysis.
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chronicle_core::{Counts, DocId, Document, EvalReport, InputFormat, Metadata};

/// A gold attribution: byte ranges of content pieces, cue and source.
#[derive(Clone, Debug, Default)]
pub struct GoldAttribution {
    /// Content pieces.
    pub content: Vec<(usize, usize)>,
    /// Source pieces (empty when the source is absent).
    pub source: Vec<(usize, usize)>,
    /// Cue pieces.
    pub cue: Vec<(usize, usize)>,
}

/// Byte offset of every char offset (one extra entry for the end).
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// Parses a brat `.ann` file against its text.
pub fn parse_ann(ann: &str, text: &str) -> Vec<GoldAttribution> {
    let c2b = char_to_byte(text);
    let mut spans: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    let mut out = Vec::new();
    for line in ann.lines() {
        let mut f = line.split('\t');
        let (Some(id), Some(mid)) = (f.next(), f.next()) else { continue };
        if id.starts_with('T') {
            let mut parts = mid.splitn(2, ' ');
            let _label = parts.next();
            let Some(offs) = parts.next() else { continue };
            let pieces: Vec<(usize, usize)> = offs
                .split(';')
                .filter_map(|p| {
                    let mut it = p.split_whitespace();
                    let s: usize = it.next()?.parse().ok()?;
                    let e: usize = it.next()?.parse().ok()?;
                    Some((*c2b.get(s)?, *c2b.get(e)?))
                })
                .collect();
            spans.insert(id, pieces);
        } else if id.starts_with('E') {
            let mut g = GoldAttribution::default();
            for arg in mid.split_whitespace() {
                let Some((role, t)) = arg.split_once(':') else { continue };
                let role = role.trim_end_matches(|c: char| c.is_ascii_digit());
                let Some(sp) = spans.get(t) else { continue };
                match role {
                    "Content" => g.content.extend(sp),
                    "Source" => g.source.extend(sp),
                    "Cue" => g.cue.extend(sp),
                    _ => {}
                }
            }
            if !g.content.is_empty() {
                out.push(g);
            }
        }
    }
    out
}

fn trim_range(text: &str, r: (usize, usize)) -> (usize, usize) {
    let Some(s) = text.get(r.0..r.1) else { return r };
    let is_junk = |c: char| c.is_whitespace() || ",.;:\"'“”‘’".contains(c);
    let lead = s.len() - s.trim_start_matches(is_junk).len();
    let t = s.trim_matches(is_junk);
    (r.0 + lead, r.0 + lead + t.len())
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// One annotated article, analysed as the evaluation analyses it: sentences,
/// the syntax step, times and quotes on the raw text.
pub struct Article {
    /// The file stem the article's text and annotation files share.
    pub stem: String,
    pub text: String,
    pub gold: Vec<GoldAttribution>,
    pub doc: Document,
}

/// The split read (`dev`, else `train`) and its articles in file order, one
/// annotator's file per article.
pub fn articles(path: &Path) -> Result<(PathBuf, Vec<Article>), String> {
    let split = ["dev", "train"]
        .iter()
        .map(|s| path.join(s))
        .find(|p| p.join("attributions").is_dir())
        .ok_or_else(|| format!("no dev/ or train/ with attributions/ under {}", path.display()))?;
    let mut anns: Vec<PathBuf> = std::fs::read_dir(split.join("attributions"))
        .map_err(|e| format!("{}: {e}", split.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ann"))
        .collect();
    anns.sort();
    let syntax = chronicle_syntax::Syntax::builtin().map_err(|e| e.to_string())?;
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for ann_path in anns {
        let name = ann_path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
        let Some((stem, _annotator)) = name.rsplit_once('_') else { continue };
        if !seen.insert(stem.to_string()) {
            continue;
        }
        let text_path = split.join("text").join(format!("{stem}.txt"));
        let (Ok(text), Ok(ann)) = (std::fs::read_to_string(&text_path), std::fs::read_to_string(&ann_path)) else {
            continue;
        };
        let gold = parse_ann(&ann, &text);
        let mut doc = Document::new(
            DocId::from_text(&text),
            text_path.display().to_string(),
            InputFormat::Text,
            Vec::new(),
            text.clone(),
            text.clone(),
            Metadata::default(),
        );
        crate::sentence::annotate(&mut doc);
        syntax.annotate(&mut doc);
        crate::time::annotate(&mut doc);
        crate::quote::annotate(&mut doc);
        out.push(Article { stem: stem.to_string(), text, gold, doc });
    }
    Ok((split, out))
}

/// Runs the evaluation on the set at `path`.
pub fn run(path: &Path) -> Result<EvalReport, String> {
    let (split, articles) = articles(path)?;
    let (mut exact, mut over) = (Counts::default(), Counts::default());
    let (mut n_docs, mut n_gold, mut n_gold_src, mut n_pred, mut n_pred_sp, mut content_found) = (0, 0, 0, 0, 0, 0);
    let (mut direct_exact, mut direct_n) = (0usize, 0usize);
    // per kind of predicted quote (direct, "according to", reported with a
    // clause, reported with a phrase): exact tp and fp; fp split by cause
    let mut kinds: std::collections::BTreeMap<&str, Counts> = std::collections::BTreeMap::new();
    let (mut fp_nogold, mut fp_used, mut fp_source) = (0usize, 0usize, 0usize);
    for Article { stem, text, gold, doc } in &articles {
        n_docs += 1;
        n_gold += gold.len();
        let with_src: Vec<&GoldAttribution> = gold.iter().filter(|g| !g.source.is_empty()).collect();
        n_gold_src += with_src.len();
        n_pred += doc.quotes.len();
        for g in gold {
            if doc.quotes.iter().any(|q| g.content.iter().any(|c| overlap(*c, (q.span.start(), q.span.end())) > 0)) {
                content_found += 1;
            }
        }
        let mut used_exact = vec![false; with_src.len()];
        let mut used_over = vec![false; with_src.len()];
        for (q, pieces) in attributions(&doc.quotes) {
            let Some(sp) = q.speaker_span else { continue };
            n_pred_sp += 1;
            let best = with_src
                .iter()
                .enumerate()
                .map(|(i, g)| (i, g.content.iter().map(|c| pieces.iter().map(|p| overlap(*c, *p)).sum::<usize>()).sum::<usize>()))
                .filter(|x| x.1 > 0)
                .max_by_key(|x| x.1);
            let ps = trim_range(&text, (sp.start(), sp.end()));
            let (mut ok_exact, mut ok_over) = (false, false);
            if let Some((i, _)) = best {
                let g = with_src[i];
                let gs = g.source.iter().map(|r| trim_range(&text, *r));
                let gs: Vec<(usize, usize)> = gs.collect();
                let g_cover = (gs.iter().map(|r| r.0).min().unwrap_or(0), gs.iter().map(|r| r.1).max().unwrap_or(0));
                if g_cover == ps && !used_exact[i] {
                    used_exact[i] = true;
                    ok_exact = true;
                }
                if gs.iter().any(|r| overlap(*r, ps) > 0) && !used_over[i] {
                    used_over[i] = true;
                    ok_over = true;
                }
            }
            let kind = quote_kind(&text, q);
            let k = kinds.entry(kind).or_default();
            if ok_exact {
                k.tp += 1;
            } else {
                k.fp += 1;
                let why = match best {
                    None => {
                        fp_nogold += 1;
                        "no-gold"
                    }
                    Some((i, _)) if used_exact[i] => {
                        fp_used += 1;
                        "used"
                    }
                    Some(_) => {
                        fp_source += 1;
                        "source"
                    }
                };
                if std::env::var_os("POLNEAR_DUMP").is_some() {
                    let gold_src = best.map(|(i, _)| with_src[i].source.iter().map(|r| text[r.0..r.1].trim()).collect::<Vec<_>>().join(" … ")).unwrap_or_default();
                    let c: String = pieces.first().map(|r| text[r.0..r.1].chars().take(80).collect()).unwrap_or_default();
                    eprintln!("FP\t{why}\t{stem}\tpred={}\tgold={gold_src}\t{}\tcue={}", &text[ps.0..ps.1], c.replace('\n', " "), q.cue.as_deref().unwrap_or(""));
                }
            }
            if q.direct {
                direct_n += 1;
                if ok_exact {
                    direct_exact += 1;
                }
            }
            if ok_exact {
                exact.tp += 1;
            } else {
                exact.fp += 1;
            }
            if ok_over {
                over.tp += 1;
            } else {
                over.fp += 1;
            }
        }
        if std::env::var_os("POLNEAR_DUMP").is_some() {
            for (i, g) in with_src.iter().enumerate() {
                if !used_exact[i] {
                    let src: Vec<&str> = g.source.iter().map(|r| text[r.0..r.1].trim()).collect();
                    let c: String = g.content.first().map(|r| text[r.0..r.1].chars().take(80).collect()).unwrap_or_default();
                    let found = doc.quotes.iter().find(|q| g.content.iter().any(|c| overlap(*c, (q.span.start(), q.span.end())) > 0));
                    let pred = found.map(|q| q.speaker_span.map(|sp| text[sp.start()..sp.end()].to_string()).unwrap_or("<none>".into())).unwrap_or("<no quote>".into());
                    let cue: Vec<&str> = g.cue.iter().map(|r| text[r.0..r.1].trim()).collect();
                    eprintln!("MISS\t{}\tgold={:?}\tpred={}\t{}\tcue={}", stem, src, pred, c.replace('\n', " "), cue.join(" "));
                }
            }
        }
        exact.fn_ += used_exact.iter().filter(|u| !**u).count();
        over.fn_ += used_over.iter().filter(|u| !**u).count();
    }
    if n_docs == 0 {
        return Err(format!("no annotated articles under {}", split.display()));
    }
    let line = |name: &str, c: &Counts| {
        format!("{name}: P={:.3} R={:.3} F1={:.3} (tp={} fp={} fn={})", c.precision(), c.recall(), c.f1(), c.tp, c.fp, c.fn_)
    };
    let mut details = vec![
        format!("split: {}, articles: {n_docs} (one annotator each)", split.display()),
        format!("gold attributions: {n_gold} ({n_gold_src} with a source)"),
        format!("predicted quotes: {n_pred} ({n_pred_sp} attributions with a speaker phrase)"),
        format!("gold contents overlapped by a predicted quote: {content_found}/{n_gold} ({:.3})", content_found as f64 / n_gold.max(1) as f64),
        line("source overlap", &over),
        format!("direct quotes with exact source: {direct_exact}/{direct_n}"),
        format!("false positives: {fp_nogold} on no gold content, {fp_source} with another source, {fp_used} on a gold already matched"),
    ];
    for (kind, c) in &kinds {
        details.push(format!("predicted {kind}: exact source {}/{} ({:.3})", c.tp, c.tp + c.fp, c.precision()));
    }
    details.push("headline: exact-match source F1 over quotes paired by content overlap; anchor BBC Citron 82.0 on PARC 3.0".into());
    Ok(EvalReport { task: "polnear source exact".into(), details, counts: exact })
}

/// The predicted attributions: quotes that share a cue and a speaker phrase
/// are one attribution with several content pieces, as in the gold ("'…,' he
/// said. '…'" is one relation); each with its first quote and its pieces.
fn attributions(quotes: &[chronicle_core::Quote]) -> Vec<(&chronicle_core::Quote, Vec<(usize, usize)>)> {
    let mut out: Vec<(&chronicle_core::Quote, Vec<(usize, usize)>)> = Vec::new();
    let mut by_key: HashMap<(usize, usize, usize, usize), usize> = HashMap::new();
    for q in quotes {
        let piece = (q.span.start(), q.span.end());
        let key = q.cue_span.zip(q.speaker_span).map(|(c, s)| (c.start(), c.end(), s.start(), s.end()));
        match key.and_then(|k| by_key.get(&k).copied()) {
            Some(i) => out[i].1.push(piece),
            None => {
                if let Some(k) = key {
                    by_key.insert(k, out.len());
                }
                out.push((q, vec![piece]));
            }
        }
    }
    out
}

/// The kind of a predicted quote, for the breakdown: `direct`, `according-to`,
/// `clause` (reported words opening like a clause: "that …", or a subject and
/// verb) or `phrase` (an object or prepositional phrase: "questioned the
/// health of …").
fn quote_kind(text: &str, q: &chronicle_core::Quote) -> &'static str {
    if q.direct {
        return "direct";
    }
    if q.cue.as_deref() == Some("according to") {
        return "according-to";
    }
    let first = q.span.text(text).split_whitespace().next().unwrap_or("").to_lowercase();
    let clause_words = ["that", "to", "whether", "if", "how", "what", "why", "when", "who"];
    let cue_before = q.cue_span.is_some_and(|c| c.end() <= q.span.start());
    if clause_words.contains(&first.as_str()) || !cue_before || q.span.text(text).split_whitespace().count() > 8 {
        "clause"
    } else {
        "phrase"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_brat_with_char_offsets() {
        let text = "Clinton’s team said no. Sources said yes.";
        // char offsets: "Sources" starts at char 24
        let ann = "T1\tSource 24 31\tSources\nT2\tCue 32 36\tsaid\nT3\tContent 0 22\tx\nE1\tAttribution:T9 Content:T3 Cue:T2 Source:T1\n";
        let g = parse_ann(ann, text);
        assert_eq!(g.len(), 1);
        let (s, e) = g[0].source[0];
        assert_eq!(&text[s..e], "Sources");
        assert_eq!(&text[g[0].cue[0].0..g[0].cue[0].1], "said");
    }

    #[test]
    fn quotes_sharing_cue_and_speaker_are_one_attribution() {
        use chronicle_core::{Quote, Span};
        let text = "\"We won,\" he said. \"We will win again.\" She said no.";
        let at = |w: &str| text.find(w).unwrap();
        let quote = |content: &str, cue: &str, speaker: &str| Quote {
            span: Span::new(text, at(content), at(content) + content.len()).unwrap(),
            direct: true,
            cue: Some(cue.into()),
            cue_span: Span::new(text, at(cue), at(cue) + cue.len()).ok(),
            speaker_text: Some(speaker.into()),
            speaker_span: Span::new(text, at(speaker), at(speaker) + speaker.len()).ok(),
            speaker: None,
            speaker_kb_id: None,
            affiliation: None,
        };
        let quotes = vec![quote("We won", "said", "he"), quote("We will win again", "said", "he"), quote("no", "said no", "She")];
        let groups = attributions(&quotes);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].1.len(), 2, "two pieces of one attribution");
        assert_eq!(groups[1].1, vec![(at("no"), at("no") + 2)]);
    }

    #[test]
    fn missing_set_is_an_error() {
        assert!(run(Path::new("/nonexistent/polnear")).is_err());
    }
}
