//! The demo corpus end to end, across documents: the rounds of talks come out
//! as distinct, dated, ordered events with their delegation heads; the
//! reports of the first round from different outlets merge; a delegation
//! head's change of office shows; no round is built from a glued-on article.
//!
//! Expectations come from reading the five articles. The code under test is
//! general: nothing here is known to it.

use std::path::PathBuf;

use chronicle_core::{Modality, PloverType};
use chronicle_link::brief::brief;
use chronicle_link::entities::canonicalise;
use chronicle_pipeline::{CrossView, Pipeline};
use chronicle_store::Store;

fn demo_view() -> Option<CrossView> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/istanbul-talks");
    if !dir.exists() {
        eprintln!("skipped: {} not found", dir.display());
        return None;
    }
    let pipeline = Pipeline::load().expect("pipeline loads");
    let mut store = Store::open_in_memory().expect("store opens");
    let summary = pipeline.ingest(&mut store, &[dir], |_| {}).expect("ingest runs");
    assert!(summary.ingested.len() >= 5, "{summary:?}");
    Some(CrossView::load(&store).expect("view loads"))
}

/// The text of the brief's section `heading`.
fn section<'a>(md: &'a str, heading: &str) -> &'a str {
    md.split(&format!("## {heading}\n")).nth(1).and_then(|s| s.split("\n## ").next()).unwrap_or("")
}

#[test]
fn three_rounds_dated_ordered_and_led() {
    let Some(view) = demo_view() else { return };
    let main = view.story(None).expect("a main story");
    let md = brief(main, &view.docs, &view.events);
    let rounds = section(&md, "Rounds of talks");
    let lines: Vec<&str> = rounds.lines().filter(|l| l.starts_with("- round ")).collect();
    assert_eq!(lines.len(), 3, "three rounds:\n{rounds}");
    // the first two rounds are dated by the texts (round 2 through two reports:
    // "on Monday" in one article, "June 2" of an unstated year in another)
    assert!(lines[0].starts_with("- round 1 — **2025-05-16**"), "{rounds}");
    assert!(lines[1].starts_with("- round 2 — **2025-06-02**"), "{rounds}");
    // the third only as a Wednesday after the second: no text gives its date
    assert!(lines[2].starts_with("- round 3 — **a Wednesday"), "{rounds}");
    assert!(lines[2].contains("(date uncertain)"), "{rounds}");
    // who led each side, in every round
    let blocks: Vec<&str> = rounds.split("\n- ").filter(|b| b.starts_with("round ")).collect();
    for b in &blocks {
        let led = b.lines().find(|l| l.trim_start().starts_with("- led by:")).unwrap_or_else(|| panic!("no heads in {b}"));
        assert!(led.contains("RUS: Vladimir Medinsky") && led.contains("UKR: Rustem Umerov"), "{led}");
    }
    // every line cites its sentence
    for l in md.lines().filter(|l| l.starts_with("- ") || l.starts_with("  - ")) {
        assert!(l.contains("[d:") && l.contains(" §"), "uncited: {l}");
    }
}

#[test]
fn first_round_reports_from_several_outlets_merge() {
    let Some(view) = demo_view() else { return };
    let round1: Vec<_> = view
        .events
        .iter()
        .filter(|e| e.event.event_type == PloverType::Consult && e.event.modality == Modality::Asserted)
        .filter(|e| e.date.value.as_deref() == Some("2025-05-16"))
        .collect();
    let best = round1.iter().max_by_key(|e| e.num_sources).expect("talks on 2025-05-16");
    let docs: std::collections::BTreeSet<_> = best.reports.iter().map(|r| &r.doc).collect();
    assert!(best.num_sources >= 3, "{} sources: {:#?}", best.num_sources, best.reports);
    assert_eq!(best.num_sources, docs.len(), "no outlet counted twice");
    // no report of it comes from an article glued to another page
    for r in &best.reports {
        let d = view.docs.iter().find(|d| d.id == r.doc).expect("report's document");
        assert!(d.meta.appended_to.is_none(), "glued article in round 1: {}", d.id);
    }
    // the second round is another event
    assert!(view.events.iter().any(|e| e.event.event_type == PloverType::Consult && e.date.value.as_deref() == Some("2025-06-02")));
}

#[test]
fn a_delegation_head_shows_both_offices() {
    let Some(view) = demo_view() else { return };
    let entities = canonicalise(&view.docs);
    let umerov = entities.iter().find(|e| e.name.ends_with("Umerov")).expect("Umerov");
    let titles: Vec<&str> = umerov.roles.iter().map(|r| r.title.as_str()).collect();
    assert!(titles.contains(&"defence minister"), "{titles:?}");
    assert!(titles.contains(&"former defence minister"), "{titles:?}");
    // the former office is dated after the office itself
    let when = |t: &str| umerov.roles.iter().filter(|r| r.title == t).filter_map(|r| r.as_of.earliest).max();
    assert!(when("former defence minister") > when("defence minister"));
}

#[test]
fn a_store_written_before_merged_events_were_stored_gets_them_on_its_next_ingest() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/istanbul-talks");
    if !dir.exists() {
        return;
    }
    let pipeline = Pipeline::load().expect("pipeline loads");
    let mut fresh = Store::open_in_memory().expect("store opens");
    pipeline.ingest(&mut fresh, std::slice::from_ref(&dir), |_| {}).expect("ingest runs");
    let expected = fresh.merged_events().unwrap();
    assert!(expected.iter().any(|e| e.reports.len() > 1), "reports of one event merge at ingest");
    // the same documents and link state, as a store before schema 4 held them: no merged events
    let mut old = Store::open_in_memory().expect("store opens");
    let ids = fresh.storage_order().unwrap();
    let docs: Vec<_> = ids.iter().map(|id| fresh.document(id.as_str()).unwrap().unwrap()).collect();
    old.write_batch(docs).unwrap();
    let state = fresh.state_entries("").unwrap();
    old.commit_batch(chronicle_store::Batch { state, ..Default::default() }).unwrap();
    assert!(old.merged_events().unwrap().is_empty() && old.lacks_event_inputs().unwrap());
    let again = pipeline.ingest(&mut old, &[dir], |_| {}).expect("ingest runs");
    assert!(again.ingested.is_empty(), "nothing new: {again:?}");
    assert!(!old.lacks_event_inputs().unwrap());
    assert_eq!(old.merged_events().unwrap(), expected, "computed as an ingest from scratch computes them");
}
