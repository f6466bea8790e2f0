//! Event dates on dated text through the real language layer (issue 16:
//! timelines): what the words of time in an act's clause say of its day.
#![cfg(feature = "language")]

mod common;

use chronicle_core::UncertainDate;
use common::{coded_on, triggered};

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn an_act_in_a_stretch_back_from_the_publication_day_lies_within_it() {
    let doc = coded_on("Peruvian ministers met Bolivian officials three times in the past three days.", "2010-06-16");
    let met = triggered(&doc, "met");
    assert_eq!(met.len(), 1, "{:?}", doc.events);
    assert_eq!(met[0].date, UncertainDate::between(Some(day("2010-06-13")), Some(day("2010-06-16"))), "{}", met[0].rule);
    // without such words the act is only on or before the day
    let doc = coded_on("Peruvian ministers met Bolivian officials.", "2010-06-16");
    assert_eq!(triggered(&doc, "met")[0].date, UncertainDate::between(None, Some(day("2010-06-16"))));
}

#[test]
fn an_act_dated_after_the_writing_day_is_planned() {
    // Monday's paper: Wednesday's meeting has not happened yet
    let doc = coded_on("The Peruvian president said he would press the leaders of the striking copper miners at a meeting on Wednesday.", "2010-06-14");
    let meeting = doc.events.iter().find(|e| e.trigger.text(doc.body()) == "meeting").expect("the meeting");
    assert_eq!(meeting.date, UncertainDate::day(day("2010-06-16")), "{}", meeting.rule);
    assert_eq!(meeting.modality, chronicle_core::Modality::Planned, "{}", meeting.rule);
    // a meeting told on its own day or before stays asserted
    let doc = coded_on("The Peruvian president met the Bolivian foreign minister on Monday.", "2010-06-14");
    assert_eq!(triggered(&doc, "met")[0].modality, chronicle_core::Modality::Asserted);
}

#[test]
fn would_in_what_a_past_telling_reports_is_a_plan() {
    let doc = coded_on("The Peruvian president said he would meet the Bolivian foreign minister.", "2010-06-14");
    let meet = triggered(&doc, "meet");
    assert_eq!(meet[0].modality, chronicle_core::Modality::Planned, "{}", meet[0].rule);
    // a condition keeps it hypothetical
    let doc = coded_on("The Peruvian president said he would meet the Bolivian foreign minister if the strike ended.", "2010-06-14");
    assert_eq!(triggered(&doc, "meet")[0].modality, chronicle_core::Modality::Hypothetical);
}

#[test]
fn a_verb_told_in_the_past_happened_whatever_deadline_its_clause_names() {
    // "until 20 June" is how long the closure lasts, not when the order was given
    let doc = coded_on("Peruvian authorities ordered the closure of schools in Lima until 20 June.", "2010-06-14");
    let ordered = triggered(&doc, "ordered");
    assert_eq!(ordered[0].modality, chronicle_core::Modality::Asserted, "{}", ordered[0].rule);
}

#[test]
fn predicates_in_a_row_share_their_subject_and_time() {
    // the parser hangs "praised" as an adverbial clause of "visited"; "offered" is coordinated with it
    let doc = coded_on("The Kenyan president visited Kampala in March, praised Museveni for his support and offered more troops for Somalia.", "2009-06-07");
    let offered = triggered(&doc, "offered");
    assert_eq!(offered.len(), 1, "{:?}", doc.events);
    assert_eq!(offered[0].date, UncertainDate::parse_value("2009-03").unwrap(), "{}", offered[0].rule);
    assert!(offered[0].actors.iter().any(|a| a.name.contains("president")), "{:?}", offered[0].actors);
}

#[test]
fn a_present_participle_clause_is_at_the_time_of_its_main_clause() {
    let doc = coded_on("Speaking on Saturday, the Kenyan president criticised Uganda.", "2010-06-17");
    let criticised = triggered(&doc, "criticised");
    assert_eq!(criticised.len(), 1, "{:?}", doc.events);
    assert_eq!(criticised[0].date, UncertainDate::day(day("2010-06-12")), "{}", criticised[0].rule);
    let doc = coded_on("On Monday the Kenyan president toured the coast, praising the Ugandan crews.", "2010-06-17");
    let praising = triggered(&doc, "praising");
    assert_eq!(praising[0].date, UncertainDate::day(day("2010-06-14")), "{}", praising[0].rule);
}

#[test]
fn a_date_inside_a_participle_s_object_does_not_date_the_main_act() {
    let doc = coded_on("The Kenyan judge dismissed the Ugandan claims, setting a new court date of 22 March.", "2011-02-03");
    let dismissed = triggered(&doc, "dismissed");
    assert_eq!(dismissed.len(), 1, "{:?}", doc.events);
    assert_eq!(dismissed[0].date, UncertainDate::between(None, Some(day("2011-02-03"))), "{}", dismissed[0].rule);
}
