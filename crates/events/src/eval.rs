//! `chronicle eval plover [PATH]`: event type accuracy and actor precision /
//! recall on the PLOVER gold-standard records (`PLOVER_GSR_dev.json`).
//!
//! Each record's sentence is annotated by the language layer, then coded. The
//! main event is the first event of the sentence that is not embedded under
//! another trigger (a demand's object, an offer's content). Gold types from
//! the CAMEO-era file are mapped to PLOVER 2.0 as the manual's CAMEO→PLOVER
//! table does: DEMAND → REQUEST, DISAPPROVE and INVESTIGATE → ACCUSE, FIGHT →
//! ASSAULT. Actor scores compare sets of country codes: gold `source` codes
//! with the main event's actors, gold `target` codes with its recipients.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chronicle_core::{Counts, EvalReport, Event, PloverType};

/// The file read inside PATH.
pub const DEV_FILE: &str = "PLOVER_GSR_dev.json";

/// One gold record.
#[derive(Clone, Debug)]
pub struct GoldRecord {
    /// Record id.
    pub id: String,
    /// The sentence.
    pub text: String,
    /// Gold type mapped to PLOVER 2.0 (None for types PLOVER dropped).
    pub event_type: Option<PloverType>,
    /// The type as written in the file.
    pub raw_type: String,
    /// Source country codes.
    pub source: BTreeSet<String>,
    /// Target country codes.
    pub target: BTreeSet<String>,
}

/// Maps a gold type name (CAMEO-era or PLOVER 2.0) to PLOVER 2.0.
pub fn map_gold_type(name: &str) -> Option<PloverType> {
    match name.trim().to_ascii_uppercase().as_str() {
        "DEMAND" => Some(PloverType::Request),
        "DISAPPROVE" | "INVESTIGATE" => Some(PloverType::Accuse),
        "FIGHT" => Some(PloverType::Assault),
        "YIELD" => Some(PloverType::Concede),
        "THREAT" => Some(PloverType::Threaten),
        other => PloverType::parse(other),
    }
}

/// An actor code in common terms for scoring: the GSR codes every
/// international or non-governmental organisation as `IGO`, and uses CAMEO's
/// legacy `ITL` for Italy (ISO `ITA`). Applied to predicted and gold codes.
fn gold_code(code: &str) -> String {
    match code {
        "UNO" | "EUR" | "NGO" | "IGO" => "IGO".to_string(),
        "ITL" => "ITA".to_string(),
        other => other.to_string(),
    }
}

fn codes(v: Option<&serde_json::Value>) -> BTreeSet<String> {
    v.and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|x| x.get("code").and_then(|c| c.as_str()))
                .map(|c| gold_code(c.trim()))
                .filter(|c| !c.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// Reads the gold records (skipping documentation records).
pub fn read_gold(file: &Path) -> Result<Vec<GoldRecord>, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: not JSON: {e}", file.display()))?;
    let arr = json.as_array().ok_or_else(|| format!("{}: expected a JSON array", file.display()))?;
    let mut out = Vec::new();
    for rec in arr {
        let raw_type = rec.get("event").and_then(|v| v.as_str()).unwrap_or("").to_string();
        let Some(sentence) = rec.get("text").and_then(|v| v.as_str()) else { continue };
        if raw_type == "DOCUMENT" || sentence.trim().is_empty() {
            continue;
        }
        // a few records wrap the sentence in braces
        let sentence = sentence.trim().trim_start_matches('{').trim_end_matches('}').trim();
        out.push(GoldRecord {
            id: rec.get("id").and_then(|v| v.as_str()).unwrap_or("").to_string(),
            text: sentence.replace("``", "\"").replace("''", "\""),
            event_type: map_gold_type(&raw_type),
            raw_type,
            source: codes(rec.get("source")),
            target: codes(rec.get("target")),
        });
    }
    Ok(out)
}

/// The main event of a sentence: the first one not embedded under another trigger.
pub fn main_event(events: &[Event]) -> Option<&Event> {
    events.iter().find(|e| !e.rule.contains("governed by")).or_else(|| events.first())
}

fn set_counts(gold: &BTreeSet<String>, pred: &BTreeSet<String>) -> Counts {
    let tp = gold.intersection(pred).count();
    Counts { tp, fp: pred.len() - tp, fn_: gold.len() - tp }
}

/// Scores coded events against gold: returns the report. `coded` holds, per
/// gold record, the events the coder produced for its sentence.
pub fn score(gold: &[GoldRecord], coded: &[Vec<Event>]) -> EvalReport {
    let mut correct = 0usize;
    let mut typed = 0usize;
    let mut source = Counts::default();
    let mut target = Counts::default();
    let mut confusion: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut actor_misses = Vec::new();
    for (g, events) in gold.iter().zip(coded) {
        let main = main_event(events);
        let pred_type = main.map(|e| e.event_type.as_str()).unwrap_or("NONE");
        let gold_type = g.event_type.map(|t| t.as_str()).unwrap_or("DROPPED");
        if g.event_type.is_some() {
            typed += 1;
            if Some(pred_type) == g.event_type.map(|t| t.as_str()) {
                correct += 1;
            } else {
                let why = main.map(|e| e.rule.as_str()).unwrap_or("no trigger");
                misses.push(format!(
                    "  miss {}: gold {} ({}) got {} | {} | {}",
                    g.id, gold_type, g.raw_type, pred_type, g.text, why
                ));
            }
        }
        *confusion.entry(gold_type.to_string()).or_default().entry(pred_type.to_string()).or_default() += 1;
        let pa: BTreeSet<String> =
            main.map(|e| e.actors.iter().filter_map(|a| a.country.as_deref().map(gold_code)).collect()).unwrap_or_default();
        let pr: BTreeSet<String> =
            main.map(|e| e.recipients.iter().filter_map(|a| a.country.as_deref().map(gold_code)).collect()).unwrap_or_default();
        if pa != g.source || pr != g.target {
            actor_misses.push(format!(
                "  actors {}: gold {:?} → {:?}, got {:?} → {:?} | {}",
                g.id, g.source, g.target, pa, pr, g.text
            ));
        }
        source.add(set_counts(&g.source, &pa));
        target.add(set_counts(&g.target, &pr));
    }
    let mut actors = source;
    actors.add(target);
    let mut details = vec![
        format!("records: {}", gold.len()),
        format!(
            "event type accuracy (main event vs gold, PLOVER 2.0 mapping): {}/{} = {:.3}",
            correct,
            typed,
            if typed == 0 { 0.0 } else { correct as f64 / typed as f64 }
        ),
        format!("source actors: P={:.3} R={:.3} ({:?})", source.precision(), source.recall(), source),
        format!("target actors: P={:.3} R={:.3} ({:?})", target.precision(), target.recall(), target),
        "confusion (gold → predicted × count):".to_string(),
    ];
    for (gt, row) in &confusion {
        let cells: Vec<String> = row.iter().map(|(p, n)| format!("{p}×{n}")).collect();
        details.push(format!("  {gt:<10} → {}", cells.join(" ")));
    }
    details.extend(misses);
    details.extend(actor_misses);
    details.push("headline counts below: actor country codes, source and target together".to_string());
    EvalReport { task: "plover".into(), details, counts: actors }
}

/// Runs the evaluation on `PATH/PLOVER_GSR_dev.json` (or PATH itself when it
/// is a file). Errors name the file; a missing file is an error the caller
/// may report as "skipped".
pub fn plover(path: &Path) -> Result<EvalReport, String> {
    let file = if path.is_dir() { path.join(DEV_FILE) } else { path.to_path_buf() };
    if !file.is_file() {
        return Err(format!("{}: not found", file.display()));
    }
    let gold = read_gold(&file)?;
    let coder = crate::EventCoder::builtin().map_err(|e| e.to_string())?;
    let annotate = annotator()?;
    let mut coded = Vec::with_capacity(gold.len());
    for g in &gold {
        let mut doc = plain_document(&g.text);
        annotate(&mut doc);
        coder.code(&mut doc);
        coded.push(doc.events);
    }
    Ok(score(&gold, &coded))
}

/// A document whose body is one sentence.
pub fn plain_document(text: &str) -> chronicle_core::Document {
    chronicle_core::Document::new(
        chronicle_core::DocId::from_text(text),
        "plover-gsr".into(),
        chronicle_core::InputFormat::Text,
        text.as_bytes().to_vec(),
        text.to_string(),
        text.to_string(),
        chronicle_core::Metadata::default(),
    )
}

type Annotate = Box<dyn Fn(&mut chronicle_core::Document)>;

#[cfg(feature = "language")]
fn annotator() -> Result<Annotate, String> {
    let lang = chronicle_language::Language::load().map_err(|e| e.to_string())?;
    Ok(Box::new(move |doc| lang.annotate(doc)))
}

#[cfg(not(feature = "language"))]
fn annotator() -> Result<Annotate, String> {
    Err("built without the language layer (feature `language`)".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coder::tests::{coded, doc_with};
    use chronicle_core::EntityType;

    #[test]
    fn gold_types_map_to_plover_2() {
        assert_eq!(map_gold_type("DEMAND"), Some(PloverType::Request));
        assert_eq!(map_gold_type("FIGHT"), Some(PloverType::Assault));
        assert_eq!(map_gold_type("AGREE"), Some(PloverType::Agree));
        assert_eq!(map_gold_type("DOCUMENT"), None);
    }

    #[test]
    fn scoring_counts_type_and_actor_codes() {
        let doc = coded(doc_with(
            "Israel threatened to ban voting.",
            &[("Israel", EntityType::Location, Some("ISR"))],
        ));
        let gold = vec![GoldRecord {
            id: "x".into(),
            text: doc.body().to_string(),
            event_type: Some(PloverType::Threaten),
            raw_type: "THREATEN".into(),
            source: ["ISR".to_string()].into(),
            target: ["PSE".to_string()].into(),
        }];
        let r = score(&gold, std::slice::from_ref(&doc.events));
        assert!(r.details[1].contains("1/1"), "{:?}", r.details);
        assert_eq!(r.counts, Counts { tp: 1, fp: 0, fn_: 1 });
    }

    #[test]
    fn dev_file_is_optional() {
        let p = &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/plover-gsr");
        if !p.join(DEV_FILE).is_file() {
            return; // data not present here: nothing to check
        }
        let gold = read_gold(&p.join(DEV_FILE)).unwrap();
        assert!(gold.len() > 100);
        assert!(gold.iter().all(|g| !g.text.is_empty()));
    }
}
