//! Event coreference against ECB+ (`chronicle eval ecb-events`): how often
//! the reports that event coreference merges are one happening by ECB+'s gold
//! chains, and how many of the gold-coreferent reports it merges.
//!
//! The whole pipeline annotates each ECB+ document (its tokens joined as
//! text, [`eval::ecb_text`](crate::eval)); documents are assigned to stories
//! in a fixed order and each story's events are merged ([`coref::merge`]), as
//! the ingest does. A report is scored when its trigger overlaps an ECB+
//! action mention (`ACTION_*`, `NEG_ACTION_*`) of a sentence the corpus marks
//! as fully annotated (`ECBplus_coreference_sentences.csv`). Its gold chain is
//! the cross-document instance the mention belongs to, else its in-document
//! chain, else the mention alone.
//!
//! Pairwise over scored reports: a pair merged into one event is right when
//! both mentions share a chain (precision); a pair sharing a chain is found
//! when the two reports were merged (recall). Pairs within one document and
//! across documents are also given apart. ECB+ has no publication dates, so
//! only what the sentences state dates an event: recall here is a floor.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::LazyLock;

use chronicle_core::{Counts, Document, EvalReport, InputFormat, Metadata, RawInput, Span};
use regex::Regex;

use crate::coref;
use crate::eval::{ecb_files, ecb_text, read};
use crate::story::StoryIndex;
use crate::LinkError;

/// An action mention: `<ACTION_OCCURRENCE m_id="31" > <token_anchor t_id="86"/> … </ACTION_OCCURRENCE>`
/// (the token-less instance markables close themselves and are not matched).
static ACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?s)<(?:NEG_)?ACTION_[A-Z]+ m_id="(\d+)"(?:[^>]*[^/>])?\s*>(.*?)</(?:NEG_)?ACTION_[A-Z]+>"#).expect("regex")
});
static ANCHOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"t_id="(\d+)""#).expect("regex"));
static RELATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?s)<(CROSS_DOC_COREF|INTRA_DOC_COREF) r_id="\d+"(?: note="([^"]*)")?\s*>(.*?)</(?:CROSS|INTRA)_DOC_COREF>"#).expect("regex")
});
static SOURCE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"<source m_id="(\d+)""#).expect("regex"));
static TARGET: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"<target m_id="(\d+)""#).expect("regex"));

/// One gold action mention: its tokens and its chain.
struct Mention {
    tokens: Vec<u32>,
    chain: String,
}

/// The action mentions of one ECB+ file with their chains (`file` names the
/// in-document chains).
fn mentions(xml: &str, file: &str) -> Vec<Mention> {
    let mut chain_of: HashMap<String, String> = HashMap::new();
    for r in RELATION.captures_iter(xml) {
        let inner = r.get(3).map_or("", |m| m.as_str());
        let target = TARGET.captures(inner).and_then(|c| c.get(1)).map_or("", |m| m.as_str());
        let chain = match (r.get(1).map(|m| m.as_str()), r.get(2)) {
            (Some("CROSS_DOC_COREF"), Some(note)) if !note.as_str().is_empty() => note.as_str().to_string(),
            _ => format!("{file}:{target}"),
        };
        for s in SOURCE.captures_iter(inner) {
            if let Some(m) = s.get(1) {
                chain_of.insert(m.as_str().to_string(), chain.clone());
            }
        }
    }
    ACTION
        .captures_iter(xml)
        .filter_map(|c| {
            let id = c.get(1)?.as_str();
            let tokens: Vec<u32> = ANCHOR.captures_iter(c.get(2)?.as_str()).filter_map(|a| a.get(1)?.as_str().parse().ok()).collect();
            let chain = chain_of.get(id).cloned().unwrap_or_else(|| format!("{file}:m{id}"));
            (!tokens.is_empty()).then_some(Mention { tokens, chain })
        })
        .collect()
}

/// The fully annotated sentences: (file stem such as `1_10ecbplus`, sentence number).
fn annotated_sentences(path: &Path) -> Result<BTreeSet<(String, usize)>, LinkError> {
    let file = path.join("ECBplus_coreference_sentences.csv");
    let text = read(&file)?;
    Ok(text
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut f = l.split(',').map(str::trim);
            let (topic, name, sentence) = (f.next()?, f.next()?, f.next()?.parse().ok()?);
            Some((format!("{topic}_{name}"), sentence))
        })
        .collect())
}

/// Where each gold token lies in the annotated document's body: the token's
/// words found in order, each within a short reach of the previous one (the
/// cleaner may drop a line or a character; a token not found is left out).
fn align(body: &str, tokens: &[(u32, usize, usize, usize)], text: &str) -> HashMap<u32, (usize, usize)> {
    let mut at = 0usize;
    let mut out = HashMap::new();
    for &(t, _, s, e) in tokens {
        let word = &text[s..e];
        if word.is_empty() {
            continue;
        }
        let reach = body.floor_char_boundary(body.len().min(at + 200 + word.len()));
        if let Some(i) = body.get(at..reach).and_then(|w| w.find(word)) {
            let start = at + i;
            out.insert(t, (start, start + word.len()));
            at = start + word.len();
        }
    }
    out
}

/// A gold action mention placed in the annotated document's body.
struct Placed {
    /// Byte ranges of its tokens in the body.
    spans: Vec<(usize, usize)>,
    chain: String,
    /// In a sentence the corpus marks as fully annotated.
    full: bool,
}

/// One gold-mapped document: its action mentions.
struct GoldDoc {
    mentions: Vec<Placed>,
}

impl GoldDoc {
    /// The chain of the mention the trigger overlaps, if any; `all`: in any
    /// sentence, not only the fully annotated ones.
    fn chain_of(&self, trigger: Span, all: bool) -> Option<&str> {
        self.mentions
            .iter()
            .find(|m| (all || m.full) && m.spans.iter().any(|&(s, e)| s < trigger.end() && trigger.start() < e))
            .map(|m| m.chain.as_str())
    }
}

/// Event coreference on ECB+: `annotate` (the pipeline's stages) turns the
/// documents' text into documents. The headline is pairwise P/R/F1 over the
/// reports that overlap a gold action mention.
pub fn ecb_events(path: &Path, annotate: &dyn Fn(Vec<RawInput>) -> Vec<Document>) -> Result<EvalReport, String> {
    ecb_events_inner(path, annotate).map_err(|e| e.to_string())
}

fn ecb_events_inner(path: &Path, annotate: &dyn Fn(Vec<RawInput>) -> Vec<Document>) -> Result<EvalReport, LinkError> {
    let files = ecb_files(path)?;
    let annotated = annotated_sentences(path)?;
    let mut inputs = Vec::new();
    let mut texts = HashMap::new();
    for (_, fname, p) in &files {
        let xml = read(p)?;
        let text = ecb_text(&xml, fname.contains("ecbplus"));
        let source = format!("ecb:{fname}");
        inputs.push(RawInput {
            source: source.clone(),
            format: InputFormat::Text,
            raw: text.body.as_bytes().to_vec(),
            text: text.body.clone(),
            is_html: false,
            encoding: "UTF-8".into(),
            hints: Metadata::default(),
        });
        texts.insert(source, (fname.trim_end_matches(".xml").to_string(), xml, text));
    }
    let docs = annotate(inputs);
    let mut gold: HashMap<String, GoldDoc> = HashMap::new();
    for d in &docs {
        let Some((stem, xml, text)) = texts.get(&d.source) else { continue };
        let at = align(d.body(), &text.tokens, &text.body);
        let sentence_of: HashMap<u32, usize> = text.tokens.iter().map(|&(t, s, _, _)| (t, s)).collect();
        let mentions = mentions(xml, stem)
            .into_iter()
            .map(|m| {
                let full = m.tokens.iter().all(|t| sentence_of.get(t).is_some_and(|&s| annotated.contains(&(stem.clone(), s))));
                Placed { spans: m.tokens.iter().filter_map(|t| at.get(t).copied()).collect(), chain: m.chain, full }
            })
            .filter(|p| !p.spans.is_empty())
            .collect();
        gold.insert(d.id.to_string(), GoldDoc { mentions });
    }
    // stories in the files' order, then each story's events merged, as the ingest does
    let mut index = StoryIndex::new();
    let mut stories: BTreeMap<String, Vec<Document>> = BTreeMap::new();
    for d in &docs {
        stories.entry(index.assign(d)).or_default().push(d.clone());
    }
    let merged: Vec<_> = stories.values().flat_map(|story| coref::merge(story)).collect();
    let reports = merged.iter().map(|m| m.reports.len()).sum::<usize>();
    let scored = scored_reports(&merged, &gold, false);
    let (all, within, across) = pair_counts(&scored);
    let any_sentence = scored_reports(&merged, &gold, true);
    let (loose, _, _) = pair_counts(&any_sentence);
    let multi = merged.iter().filter(|m| m.reports.len() >= 2).count();
    let line = |label: &str, c: &Counts| {
        format!("{label}: P={:.3} R={:.3} F1={:.3} (merged pairs right {}, wrong {}, missed {})", c.precision(), c.recall(), c.f1(), c.tp, c.fp, c.fn_)
    };
    let details = vec![
        format!(
            "documents {}, stories {}, reports {reports}, merged events {} ({multi} with two or more reports); reports on a gold action mention {} (of any sentence {})",
            docs.len(),
            stories.len(),
            merged.len(),
            scored.len(),
            any_sentence.len()
        ),
        line("pairs within one document", &within),
        line("pairs across documents", &across),
        line("mentions of any sentence (partly annotated ones too)", &loose),
    ];
    Ok(EvalReport { task: "ecb-events (pairwise, merged reports vs gold event chains)".into(), details, counts: all })
}

/// Every report that overlaps a gold action mention: (merged event, document, chain).
fn scored_reports(merged: &[coref::MergedEvent], gold: &HashMap<String, GoldDoc>, all: bool) -> Vec<(usize, String, String)> {
    let mut scored = Vec::new();
    for (i, m) in merged.iter().enumerate() {
        for r in &m.reports {
            let doc = r.doc.to_string();
            if let Some(chain) = gold.get(&doc).and_then(|g| g.chain_of(r.trigger, all)) {
                scored.push((i, doc, chain.to_string()));
            }
        }
    }
    scored
}

/// Pairwise counts over scored reports: all pairs, pairs within one document, pairs across documents.
fn pair_counts(scored: &[(usize, String, String)]) -> (Counts, Counts, Counts) {
    let (mut all, mut within, mut across) = (Counts::default(), Counts::default(), Counts::default());
    for (a, x) in scored.iter().enumerate() {
        for y in &scored[a + 1..] {
            let (same_event, same_chain) = (x.0 == y.0, x.2 == y.2);
            let c = match (same_event, same_chain) {
                (true, true) => Counts { tp: 1, ..Default::default() },
                (true, false) => Counts { fp: 1, ..Default::default() },
                (false, true) => Counts { fn_: 1, ..Default::default() },
                (false, false) => continue,
            };
            all.add(c);
            if x.1 == y.1 { within.add(c) } else { across.add(c) }
        }
    }
    (all, within, across)
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<Document doc_name="9_1ecb.xml">
<token t_id="1" sentence="0" number="0">Rebels</token>
<token t_id="2" sentence="0" number="1">attacked</token>
<token t_id="3" sentence="0" number="2">the</token>
<token t_id="4" sentence="0" number="3">town</token>
<Markables>
<ACTION_OCCURRENCE m_id="5"  >
  <token_anchor t_id="2"/>
</ACTION_OCCURRENCE>
<HUMAN_PART_ORG m_id="6" >
  <token_anchor t_id="1"/>
</HUMAN_PART_ORG>
<ACTION_OCCURRENCE m_id="7" RELATED_TO="" TAG_DESCRIPTOR="t9_attack" instance_id="ACT123" />
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT123" >
  <source m_id="5" />
  <target m_id="7" />
</CROSS_DOC_COREF>
</Relations>
</Document>"#;

    #[test]
    fn action_mentions_take_their_cross_document_instance() {
        let m = mentions(XML, "9_1ecb");
        assert_eq!(m.len(), 1, "only the action with tokens, not the participant or the instance");
        assert_eq!(m[0].tokens, vec![2]);
        assert_eq!(m[0].chain, "ACT123");
    }

    #[test]
    fn tokens_are_found_in_a_body_that_lost_a_line() {
        let text = ecb_text(XML, false);
        assert_eq!(text.body, "Rebels attacked the town");
        let at = align("attacked the town", &text.tokens, &text.body);
        assert_eq!(at.get(&2), Some(&(0, 8)));
        assert_eq!(at.get(&4), Some(&(13, 17)));
    }

    #[test]
    fn a_missing_set_is_not_found() {
        let err = ecb_events(Path::new("/nonexistent/ecbplus"), &|_| Vec::new()).unwrap_err();
        assert!(err.contains("not found") || err.contains("No such"), "{err}");
    }
}
