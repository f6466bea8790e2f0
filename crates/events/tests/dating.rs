//! Event dates on dated text through the real language layer (issue 16:
//! timelines): what the words of time in an act's clause say of its day.
#![cfg(feature = "language")]

mod common;

use chronicle_core::UncertainDate;
use common::{coded_on, triggered};

/// The event whose trigger is exactly `word` (not one that only contains it).
fn whole_trigger<'d>(doc: &'d chronicle_core::Document, word: &str) -> &'d chronicle_core::Event {
    doc.events.iter().find(|e| e.trigger.text(doc.body()) == word).unwrap_or_else(|| panic!("no '{word}': {:?}", doc.events))
}

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
    let meeting = whole_trigger(&doc, "meeting");
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
fn would_after_a_perfect_of_telling_is_a_plan_too() {
    let doc = coded_on("The Chilean government had already announced it would sue the mining company.", "2010-06-14");
    let sue = triggered(&doc, "sue");
    assert_eq!(sue.len(), 1, "{:?}", doc.events);
    assert_eq!(sue[0].modality, chronicle_core::Modality::Planned, "{}", sue[0].rule);
    assert_eq!(sue[0].date, UncertainDate::between(Some(day("2010-06-14")), None), "{}", sue[0].rule);
}

#[test]
fn what_a_demand_made_now_asks_for_is_still_to_come() {
    // the asked-for meeting is a noun in the demand's 'for' phrase: no act done before
    let doc = coded_on("The Chilean government is calling for an urgent meeting of Andean trade ministers.", "2010-06-14");
    let meeting = whole_trigger(&doc, "meeting");
    assert_eq!(meeting.modality, chronicle_core::Modality::Demanded, "{}", meeting.rule);
    assert_eq!(meeting.date, UncertainDate::between(Some(day("2010-06-14")), None), "{}", meeting.rule);
    // asked for in the past: when it would be done is open, not before the paper
    let doc = coded_on("Chilean unions called for a boycott of the Argentine embassy.", "2010-06-14");
    let boycott = whole_trigger(&doc, "boycott");
    assert_eq!(boycott.modality, chronicle_core::Modality::Demanded, "{}", boycott.rule);
    assert_eq!(boycott.date, UncertainDate::between(None, None), "{}", boycott.rule);
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

#[test]
fn a_time_after_a_preposition_of_order_bounds_the_act_rather_than_dating_it() {
    let doc = coded_on("Kenyan troops attacked the rebel camp after May 5.", "2010-06-17");
    let attacked = triggered(&doc, "attacked");
    assert_eq!(attacked[0].date, UncertainDate::between(Some(day("2010-05-05")), Some(day("2010-06-17"))), "{}", attacked[0].rule);
    let doc = coded_on("Ugandan artillery shelled the town until May 5.", "2010-06-17");
    let shelled = triggered(&doc, "shelled");
    assert_eq!(shelled[0].date, UncertainDate::between(None, Some(day("2010-05-05"))), "{}", shelled[0].rule);
    // a perfect progressive with a starting point lasts from it to the writing day
    let doc = coded_on("Peruvian police have been investigating the Chilean firm since 2006.", "2010-06-17");
    let inv = triggered(&doc, "investigating");
    assert_eq!(inv[0].date, UncertainDate::between(Some(day("2006-01-01")), Some(day("2010-06-17"))), "{}", inv[0].rule);
}

#[test]
fn a_due_day_bounds_an_act_to_come_but_not_a_request_made() {
    // Thursday's paper: the withdrawal is due by Friday
    let doc = coded_on("Peru will withdraw its troops from Ecuador by Friday.", "2010-06-17");
    let w = triggered(&doc, "withdraw");
    assert_eq!(w[0].date, UncertainDate::between(Some(day("2010-06-17")), Some(day("2010-06-18"))), "{}", w[0].rule);
    // May 18 is when the documents are due, not when Peru asked
    let doc = coded_on("Peru asked Chile for the documents by May 18.", "2010-06-17");
    let asked = triggered(&doc, "asked");
    assert_eq!(asked[0].date, UncertainDate::between(None, Some(day("2010-06-17"))), "{}", asked[0].rule);
}

#[test]
fn a_when_clause_is_at_the_time_of_the_clause_it_hangs_on() {
    let doc = coded_on("The border dispute began in 1995 when Peruvian troops attacked Ecuadorean posts.", "2010-06-17");
    let attacked = triggered(&doc, "attacked");
    assert_eq!(attacked[0].date.value.as_deref(), Some("1995"), "{}", attacked[0].rule);
}

#[test]
fn coordinated_predicates_share_the_time_of_the_clauses_around_them() {
    // the commitment is told on Sunday, by the verb coordinated with the dated one
    let doc = coded_on("The Kenyan president praised Ugandan officials on Sunday and said Kenya remains committed to supporting Somalia.", "2010-06-17");
    let committed = triggered(&doc, "committed to");
    assert_eq!(committed[0].date, UncertainDate::day(day("2010-06-13")), "{}", committed[0].rule);
}

#[test]
fn being_asked_is_the_occasion_of_the_statement() {
    // Thursday's paper: the criticism was made on Monday, when the president was asked
    let doc = coded_on("Asked about the dispute on Monday, the Peruvian president criticised Chile.", "2010-06-17");
    let c = triggered(&doc, "criticised");
    assert_eq!(c[0].date, UncertainDate::day(day("2010-06-14")), "{}", c[0].rule);
}

#[test]
fn what_may_happen_has_not_happened_when_told() {
    let doc = coded_on("Peru could expel the Chilean ambassador.", "2010-06-17");
    let e = triggered(&doc, "expel");
    assert_eq!(e[0].date, UncertainDate::between(Some(day("2010-06-17")), None), "{}", e[0].rule);
    // "could have" looks back: no bound from the modal
    let doc = coded_on("Peru could have expelled the Chilean ambassador.", "2010-06-17");
    let e = triggered(&doc, "expelled");
    assert!(e[0].date.earliest.is_none(), "{:?} {}", e[0].date, e[0].rule);
}

#[test]
fn a_weekday_after_a_preposition_is_a_time_though_the_parser_joins_it_to_a_name() {
    // "on Sunday Peru was …" read as "on [Sunday Peru]": the visit is still Sunday's
    let doc = coded_on("In a visit to Lima, the Bolivian president said on Sunday Peru was responsible for the dispute.", "2010-06-17");
    let v = triggered(&doc, "visit");
    assert_eq!(v[0].date, UncertainDate::day(day("2010-06-13")), "{}", v[0].rule);
}

#[test]
fn a_stretch_of_time_running_past_the_writing_day_holds_a_done_act_up_to_that_day() {
    // Wednesday's paper: "this week" runs to Sunday, but the expulsion has happened
    let doc = coded_on("Peru expelled two Chilean diplomats this week.", "2010-06-16");
    let e = triggered(&doc, "expelled");
    assert_eq!(e[0].date, UncertainDate::between(Some(day("2010-06-14")), Some(day("2010-06-16"))), "{}", e[0].rule);
}

#[test]
fn what_a_verb_of_doing_or_trying_completes_is_done_then() {
    // Thursday's paper: the agreement was reached on Monday, at the meeting
    let doc = coded_on("Peruvian and Chilean ministers met on Monday and managed to agree on a border deal.", "2010-06-17");
    let agree = triggered(&doc, "agree");
    assert_eq!(agree.len(), 1, "{:?}", doc.events);
    assert_eq!(agree[0].date, UncertainDate::day(day("2010-06-14")), "{}", agree[0].rule);
}

#[test]
fn now_beside_a_perfect_is_when_the_act_is_seen_from_not_its_day() {
    // "has now accused": done on or before the writing day, not on it
    let doc = coded_on("Peru has now accused Bolivia of shelling the border town.", "2010-06-16");
    let accused = triggered(&doc, "accused");
    assert_eq!(accused.len(), 1, "{:?}", doc.events);
    assert_eq!(accused[0].date, UncertainDate::between(None, Some(day("2010-06-16"))), "{}", accused[0].rule);
    // with a simple verb "now" is the day
    let doc = coded_on("Peru now accuses Bolivia of shelling the border town.", "2010-06-16");
    assert_eq!(triggered(&doc, "accuses")[0].date, UncertainDate::day(day("2010-06-16")));
}

#[test]
fn the_day_of_an_occasion_dates_the_acts_of_its_clause() {
    // "during Thursday's hearing" is the occasion of the clause: its acts are on that day
    let doc = coded_on("During Thursday's debate, a Peruvian senator shocked colleagues when he apologized to Bolivia.", "2010-06-19");
    let sorry = triggered(&doc, "apologized");
    assert_eq!(sorry.len(), 1, "{:?}", doc.events);
    assert_eq!(sorry[0].date, UncertainDate::day(day("2010-06-17")), "{}", sorry[0].rule);
    let doc = coded_on("At Monday's summit, the Peruvian president pledged troops to Bolivia.", "2010-06-19");
    let pledge = triggered(&doc, "pledged");
    assert_eq!(pledge[0].date, UncertainDate::day(day("2010-06-14")), "{}", pledge[0].rule);
    // a day that possesses another noun dates that noun only
    let doc = coded_on("The Peruvian president condemned Monday's attack on the Bolivian convoy.", "2010-06-19");
    let condemned = triggered(&doc, "condemned");
    assert_ne!(condemned[0].date, UncertainDate::day(day("2010-06-14")), "{}", condemned[0].rule);
}

#[test]
fn the_deed_an_act_answers_came_before_it() {
    // "apologized for saying on Sunday": the apology came on or after the Sunday
    let doc = coded_on("In a statement, the Peruvian minister apologized for saying on Sunday that the border was closed.", "2010-06-02");
    let sorry = triggered(&doc, "apologized");
    assert_eq!(sorry.len(), 1, "{:?}", doc.events);
    assert_eq!(sorry[0].date, UncertainDate::between(Some(day("2010-05-30")), Some(day("2010-06-02"))), "{}", sorry[0].rule);
}

#[test]
fn a_weekday_of_a_meeting_told_in_the_simple_present_is_the_coming_one() {
    // Saturday's paper: the verb the meeting is the subject of is a schedule
    let doc = coded_on("The meeting with the Bolivian president takes place in Lima on Wednesday.", "2010-06-12");
    let meeting = whole_trigger(&doc, "meeting");
    assert_eq!(meeting.date, UncertainDate::day(day("2010-06-16")), "{}", meeting.rule);
    assert_eq!(meeting.modality, chronicle_core::Modality::Planned, "{}", meeting.rule);
    // told in the past, the Wednesday is the last one
    let doc = coded_on("The meeting with the Bolivian president took place in Lima on Wednesday.", "2010-06-12");
    let meeting = whole_trigger(&doc, "meeting");
    assert_eq!(meeting.date, UncertainDate::day(day("2010-06-09")), "{}", meeting.rule);
}

#[test]
fn aid_pledged_in_an_amount_is_still_to_come() {
    let doc = coded_on("The Chilean government pledged 10 million dollars in aid to Peru.", "2010-06-14");
    let aid = whole_trigger(&doc, "aid");
    assert_eq!(aid.date, UncertainDate::between(Some(day("2010-06-14")), None), "{}", aid.rule);
    // a request looked into by a future act was made before it
    let doc = coded_on("The Chilean minister will look into a request from Peruvian unions.", "2010-06-14");
    let request = whole_trigger(&doc, "request");
    assert_eq!(request.date, UncertainDate::between(None, Some(day("2010-06-14"))), "{}", request.rule);
}

#[test]
fn a_same_time_clause_after_a_report_is_the_sayers_circumstance() {
    // published Tuesday: "as he condemned …" is Friday's, whatever the parser hung it on
    let doc = coded_on("On Friday, Kenyan President Mwai Kibaki warned that the drought was a national disaster, as he condemned the grain traders.", "2010-05-04");
    let e = whole_trigger(&doc, "condemned");
    assert_eq!(e.date, UncertainDate::day(day("2010-04-30")), "{}", e.rule);
    // a perfect after "as" tells an earlier act: no day of its own
    let doc = coded_on("On Friday, the Kenyan minister said spending would fall, as the IMF has requested.", "2010-05-04");
    let e = whole_trigger(&doc, "requested");
    assert_ne!(e.date, UncertainDate::day(day("2010-04-30")), "{}", e.rule);
}

#[test]
fn a_reaction_to_a_dated_act_follows_it() {
    // 2010-06-16 is a Wednesday: Sunday's attack was on 2010-06-13
    let doc = coded_on("Peru condemned Sunday's attack on the Bolivian embassy.", "2010-06-16");
    let e = whole_trigger(&doc, "condemned");
    assert_eq!(e.date, UncertainDate::between(Some(day("2010-06-13")), Some(day("2010-06-16"))), "{}", e.rule);
    // an act that is no reaction takes no bound from the day of what it acts on
    let doc = coded_on("Peru attacked Sunday's convoy near the border.", "2010-06-16");
    for e in triggered(&doc, "attacked") {
        assert_ne!(e.date.earliest, Some(day("2010-06-13")), "{}", e.rule);
    }
}
