//! Demo-corpus expectations (examples/istanbul-talks), derived by reading the
//! articles: agreed exchanges with their numbers, demands with their status,
//! the rejected ceasefire coded as rejected, offers that are not meetings,
//! and drone attacks with their counts. Runs the language layer first, so it
//! needs the `language` feature; skips when the corpus is absent.
#![cfg(feature = "language")]

use std::path::PathBuf;

use chronicle_core::{DateBasis, Document, Event, Modality, PloverType, PublishedDate, UncertainDate};
use chronicle_events::{eval::plain_document, positions, EventCoder};

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/istanbul-talks")
}

/// The article whose file name starts with `prefix`, annotated and coded.
fn article(prefix: &str, published: Option<&str>) -> Option<Document> {
    let dir = corpus_dir();
    let entry = std::fs::read_dir(&dir).ok()?.flatten().find(|e| e.file_name().to_string_lossy().starts_with(prefix))?;
    let text = std::fs::read_to_string(entry.path()).ok()?;
    let mut doc = plain_document(&text);
    if let Some(p) = published {
        doc.meta.published = PublishedDate { date: UncertainDate::parse_value(p).ok()?, basis: DateBasis::Explicit };
    }
    chronicle_language::Language::load().ok()?.annotate(&mut doc);
    EventCoder::builtin().ok()?.code(&mut doc);
    Some(doc)
}

/// Events of the sentence containing `words`.
fn in_sentence<'a>(doc: &'a Document, words: &str) -> Vec<&'a Event> {
    doc.events.iter().filter(|e| e.sentence.text(doc.body()).contains(words)).collect()
}

fn countries(args: &[chronicle_core::EventArg]) -> Vec<&str> {
    let mut v: Vec<&str> = args.iter().filter_map(|a| a.country.as_deref()).collect();
    v.sort();
    v.dedup();
    v
}

#[test]
fn rejected_ceasefire_is_rejected_not_a_ceasefire() {
    let Some(doc) = article("004_", None) else { return };
    let evs = in_sentence(&doc, "continued to reject the motion of an unconditional ceasefire");
    let rej = evs.iter().find(|e| e.event_type == PloverType::Reject).expect("REJECT");
    assert!(countries(&rej.actors).contains(&"RUS"), "{}", rej.rule);
    assert!(rej.items.iter().any(|i| i.contains("unconditional ceasefire")));
    let cf = evs.iter().find(|e| e.mode.as_deref() == Some("ceasefire")).expect("the ceasefire is coded");
    assert_eq!(cf.modality, Modality::Negated);
    assert!(rej.attributed_to.is_some(), "said by a quoted official");
}

#[test]
fn agreed_swap_is_agree_with_a_planned_release() {
    let Some(doc) = article("004_", None) else { return };
    let evs = in_sentence(&doc, "have agreed to a new prisoner swap");
    let agree = evs.iter().find(|e| e.event_type == PloverType::Agree).expect("AGREE");
    assert_eq!(countries(&agree.actors), ["RUS", "UKR"], "{}", agree.rule);
    let swap = evs.iter().find(|e| e.mode.as_deref() == Some("release")).expect("swap");
    assert_eq!(swap.modality, Modality::Planned, "{}", swap.rule);
}

#[test]
fn exchange_set_for_the_coming_days_is_planned_with_its_number() {
    let Some(doc) = article("000_", None) else { return };
    let evs = in_sentence(&doc, "set to be exchanged");
    let planned = evs
        .iter()
        .find(|e| e.mode.as_deref() == Some("release") && e.modality == Modality::Planned)
        .expect("planned exchange");
    assert!(planned.quantities.iter().any(|q| q.value == 1000.0), "{:?}", planned.quantities);
}

#[test]
fn an_offer_to_meet_is_not_a_meeting() {
    let Some(doc) = article("000_", None) else { return };
    let evs = in_sentence(&doc, "offered to meet Putin himself");
    let offer = evs.iter().find(|e| e.event_type == PloverType::Agree).expect("offer");
    assert_eq!(countries(&offer.actors), ["USA"]);
    assert!(evs.iter().all(|e| !(e.event_type == PloverType::Consult && e.modality == Modality::Asserted)));
}

#[test]
fn demand_to_withdraw_is_request_with_a_demanded_withdrawal() {
    let Some(doc) = article("003_", Some("2025-05-17")) else { return };
    let evs = in_sentence(&doc, "Russian negotiators demanded that Ukraine withdraw");
    let req = evs.iter().find(|e| e.event_type == PloverType::Request).expect("REQUEST");
    assert_eq!(countries(&req.actors), ["RUS"]);
    assert_eq!(countries(&req.recipients), ["UKR"]);
    let wd = evs.iter().find(|e| e.mode.as_deref() == Some("withdraw")).expect("withdrawal");
    assert_eq!(wd.modality, Modality::Demanded);
    // the talks "on Friday" of an article dated Saturday 2025-05-17
    let talks = in_sentence(&doc, "The talks on Friday marked");
    let t = talks.iter().find(|e| e.event_type == PloverType::Consult).expect("talks");
    assert_eq!(countries(&t.actors), ["RUS", "UKR"], "{}", t.rule);
    assert_eq!(t.date.value.as_deref(), Some("2025-05-16"), "{}", t.rule);
}

#[test]
fn drone_attacks_carry_their_numbers() {
    let Some(doc) = article("000_", None) else { return };
    let evs = in_sentence(&doc, "unleashed more than 700 drones");
    let a = evs.iter().find(|e| e.event_type == PloverType::Assault).expect("ASSAULT");
    assert_eq!(a.mode.as_deref(), Some("drone"));
    assert_eq!(countries(&a.actors), ["RUS"]);
    assert!(a.quantities.iter().any(|q| q.value == 700.0), "{:?}", a.quantities);
}

#[test]
fn positions_hold_the_demand_and_the_red_line() {
    let docs: Vec<Document> = ["000_", "003_", "004_"].iter().filter_map(|p| article(p, None)).collect();
    if docs.len() < 3 {
        return;
    }
    let ps = positions::positions(&docs);
    assert!(ps.iter().any(|p| p.actor == "RUS" && p.kind == positions::PositionKind::Demand
        && p.summary.contains("withdraw")));
    assert!(ps.iter().any(|p| p.actor == "RUS" && p.kind == positions::PositionKind::RedLine
        && p.summary.contains("ceasefire")));
    let table = positions::render_table(&ps);
    assert!(table.starts_with("ACTOR"));
}

#[test]
fn expected_as_a_minimum_is_a_demand_with_four_regions() {
    let Some(doc) = article("000_", None) else { return };
    let evs = in_sentence(&doc, "as a 'minimum'");
    let req = evs.iter().find(|e| e.event_type == PloverType::Request).expect("REQUEST");
    assert_eq!(countries(&req.actors), ["RUS"], "{}", req.rule);
    assert_eq!(req.items.len(), 4, "{:?}", req.items);
    for region in ["Donetsk", "Luhansk", "Kherson", "Zaporizhzhia"] {
        assert!(req.items.iter().any(|i| i.contains(region)), "{region} in {:?}", req.items);
    }
    let wd = evs.iter().find(|e| e.mode.as_deref() == Some("withdraw")).expect("withdrawal");
    assert_eq!(wd.modality, Modality::Demanded, "{}", wd.rule);
}

#[test]
fn listed_demands_and_needed_ceasefires_are_not_asserted() {
    if let Some(doc) = article("003_", Some("2025-05-17")) {
        let evs = in_sentence(&doc, "Full withdrawal of Ukrainian forces");
        let wd = evs.iter().find(|e| e.mode.as_deref() == Some("withdraw")).expect("withdrawal");
        assert_eq!(wd.modality, Modality::Demanded, "{}", wd.rule);
        assert!(evs.iter().all(|e| e.modality != Modality::Asserted || e.mode.as_deref() != Some("ceasefire")));
    }
    if let Some(doc) = article("001_", None) {
        let evs = in_sentence(&doc, "the need for an immediate ceasefire");
        let cf = evs.iter().find(|e| e.mode.as_deref() == Some("ceasefire")).expect("ceasefire");
        assert_eq!(cf.modality, Modality::Demanded, "{}", cf.rule);
    }
}

#[test]
fn the_two_sides_and_rival_delegations_are_russia_and_ukraine() {
    if let Some(doc) = article("004_", None) {
        let evs = in_sentence(&doc, "The rival delegations met");
        let met = evs.iter().find(|e| e.event_type == PloverType::Consult).expect("talks");
        assert_eq!(countries(&met.actors), ["RUS", "UKR"], "{}", met.rule);
        let swap = evs.iter().find(|e| e.mode.as_deref() == Some("release")).expect("exchange");
        assert_ne!(swap.modality, Modality::Asserted, "will exchange: {}", swap.rule);
        assert!(swap.quantities.iter().any(|q| q.value == 6000.0), "{:?}", swap.quantities);
        assert_eq!(countries(&swap.actors), ["RUS", "UKR"], "{}", swap.rule);
        // "reached a deal to swap": the swap is planned, not done
        let evs = in_sentence(&doc, "reached a deal to swap");
        let swap = evs.iter().find(|e| e.mode.as_deref() == Some("release")).expect("swap");
        assert_eq!(swap.modality, Modality::Planned, "{}", swap.rule);
    }
    if let Some(doc) = article("002_", None) {
        let evs = in_sentence(&doc, "the two sides agreed to large-scale prisoner exchanges");
        let agree = evs.iter().find(|e| e.event_type == PloverType::Agree).expect("AGREE");
        assert_eq!(countries(&agree.actors), ["RUS", "UKR"], "{}", agree.rule);
        assert!(agree.rule.contains("the two sides"), "{}", agree.rule);
    }
}

#[test]
fn remains_of_soldiers_killed_are_no_attack_and_the_palace_is_the_venue() {
    let Some(doc) = article("004_", None) else { return };
    let evs = in_sentence(&doc, "soldiers killed in combat");
    assert!(!evs.is_empty());
    assert!(evs.iter().all(|e| e.event_type != PloverType::Assault), "{:#?}", evs);
    let met = evs.iter().find(|e| e.event_type == PloverType::Consult).expect("the meeting");
    assert!(met.recipients.is_empty(), "{}", met.rule);
    assert!(met.location.as_ref().is_some_and(|l| l.name.contains("Palace")), "{:?}", met.location);
    assert_eq!(countries(&met.actors), ["RUS", "UKR"], "{}", met.rule);
}

#[test]
fn two_sides_after_the_first_round_are_the_pair_named_before() {
    let Some(doc) = article("004_", None) else { return };
    let evs = in_sentence(&doc, "first round of direct talks");
    let talks = evs.iter().find(|e| e.event_type == PloverType::Consult).expect("the first round");
    assert_eq!(countries(&talks.actors), ["RUS", "UKR"], "{}", talks.rule);
    let agree = evs.iter().find(|e| e.event_type == PloverType::Agree).expect("the agreement");
    assert_eq!(countries(&agree.actors), ["RUS", "UKR"], "{}", agree.rule);
}

#[test]
fn talks_on_two_dates_are_two_events() {
    let Some(doc) = article("002_", None) else { return };
    let evs = in_sentence(&doc, "At the last talks on");
    let talks: Vec<&&Event> = evs.iter().filter(|e| e.event_type == PloverType::Consult).collect();
    assert_eq!(talks.len(), 2, "{:#?}", talks);
    assert_ne!(talks[0].date, talks[1].date);
    assert!(talks.iter().all(|e| e.rule.contains("coordinated dates")));
}
