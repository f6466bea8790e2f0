//! How an act is told (issue 13): the modality the words around a trigger give
//! it, through the real language layer. Invented sentences, each checking one
//! general fact of English beside the case the rule must leave alone.
#![cfg(feature = "language")]

mod common;

use chronicle_core::Modality;
use common::{coded, triggered};

/// The modality of the one event `word` triggers in `text`.
fn modality(text: &str, word: &str) -> Modality {
    let doc = coded(text);
    let evs = triggered(&doc, word);
    assert_eq!(evs.len(), 1, "{text}: {:?}", doc.events);
    evs[0].modality
}

#[test]
fn a_demand_verb_with_a_clause_of_fact_states_that_clause() {
    // an indicative clause is told as it is: here negated by its own "not"
    let m = modality("The Chilean mining company insisted that it had not prevented the unions from meeting the press.", "prevented");
    assert_eq!(m, Modality::Negated);
    let m = modality("The Chilean government insisted that the army arrested the strike leaders.", "arrested");
    assert_eq!(m, Modality::Asserted);
    // a mandative clause (a modal) still asks for the act
    let m = modality("The Chilean unions insisted that the government should release the strike leaders.", "release");
    assert_eq!(m, Modality::Demanded);
}

#[test]
fn a_base_form_in_a_demanded_clause_is_the_subjunctive_of_the_demand() {
    // "withdraw" is no past and "resign" after "he" no indicative: the act is asked for
    let m = modality("The Bolivian minister demanded that Peru withdraw its troops.", "withdraw");
    assert_eq!(m, Modality::Demanded);
    let doc = coded("The Bolivian senate insisted that he resign.");
    assert_eq!(triggered(&doc, "insisted").len(), 1, "{:?}", doc.events);
    // a real past in the clause is a clause of fact, told as it is
    let m = modality("The Bolivian minister insisted that Chile withdrew its warships.", "withdrew");
    assert_eq!(m, Modality::Asserted);
}

#[test]
fn the_occasion_of_an_agreement_or_promise_is_not_what_it_agrees_to() {
    // the summit and the talks are where the act was done: they happened
    let m = modality("The Andean ministers agreed at a summit in Quito to cut tariffs.", "summit");
    assert_eq!(m, Modality::Asserted);
    let m = modality("Bolivia promised during talks with Peru to reopen the border.", "talks");
    assert_eq!(m, Modality::Asserted);
    // the request an agreement answers was made, it is not what is agreed
    let m = modality("Bolivia agreed at the request of Peru to open the border.", "request");
    assert_eq!(m, Modality::Asserted);
    // talks agreed to are still to come
    let m = modality("Bolivia agreed to talks with Peru.", "talks");
    assert_eq!(m, Modality::Planned);
}

#[test]
fn an_act_noun_before_an_undertaking_is_the_act_an_outcome_noun_its_goal() {
    let m = modality("The Kenyan government launched a large aid effort for Somalia on Monday.", "aid");
    assert_eq!(m, Modality::Asserted);
    // an outcome is sought by the effort, and a topic is talked of
    let m = modality("Kenya stepped up ceasefire efforts with the rebels on Monday.", "ceasefire");
    assert_eq!(m, Modality::Hypothetical);
    let m = modality("Kenya and the rebels opened ceasefire talks in Nairobi on Monday.", "ceasefire");
    assert_eq!(m, Modality::Hypothetical);
}

#[test]
fn the_month_may_is_no_modal() {
    // a timeline's entry: the date heads the line
    assert_eq!(modality("May 14 - The Kenyan president visits Mombasa.", "visits"), Modality::Asserted);
    assert_eq!(modality("Kenya may impose sanctions on Uganda.", "sanctions"), Modality::Hypothetical);
}

#[test]
fn an_act_told_in_a_future_form_is_planned() {
    // "is to" + the verb whose object the event noun is
    let doc = common::coded_on("The Kenyan government is to triple its aid to Somalia.", "2010-06-17");
    let aid = triggered(&doc, "aid");
    assert_eq!(aid.len(), 1, "{:?}", doc.events);
    assert_eq!(aid[0].modality, Modality::Planned, "{}", aid[0].rule);
    // done, it is asserted
    let doc = common::coded_on("The Kenyan government tripled its aid to Somalia.", "2010-06-17");
    assert_eq!(triggered(&doc, "aid")[0].modality, Modality::Asserted);
}

#[test]
fn a_trigger_modifying_a_noun_governs_nothing_after_it() {
    // "appeals" names the court: it asks for nothing, so the rejection is stated
    assert_eq!(modality("An appeals court in Lima rejected the government's plan.", "rejected"), Modality::Asserted);
}

#[test]
fn a_time_of_a_clause_below_is_no_cue_for_the_trigger() {
    // "next week" is when the meeting is to be, not when the envoy was asked
    assert_eq!(modality("The Peruvian envoy has been asked to meet Chilean officials next week.", "asked"), Modality::Asserted);
}

#[test]
fn a_modal_trigger_governs_the_verb_it_serves() {
    // "must" is the auxiliary of "withdraw": it governs the act through that verb
    let doc = coded("The Peruvian president said Ecuador must withdraw its troops from the border.");
    let w = triggered(&doc, "withdraw");
    assert_eq!(w[0].modality, Modality::Demanded);
    assert!(w[0].rule.contains("governed by 'must'"), "{}", w[0].rule);
}

#[test]
fn an_argument_noun_of_demand_governs_the_infinitive_hung_on_its_verb() {
    // the parser hangs "to be seized" on "faces": the calls still ask for the seizure
    assert_eq!(modality("The Chilean company faces calls for its US assets to be seized.", "seized"), Modality::Demanded);
}

#[test]
fn what_is_denied_is_told_as_not_having_happened() {
    assert_eq!(modality("The minister denied that Peruvian troops had attacked the post.", "attacked"), Modality::Negated);
    assert_eq!(modality("The Peruvian minister denied attacking the Chilean post.", "attacking"), Modality::Negated);
    // what is said stays asserted
    assert_eq!(modality("The minister said that Peruvian troops had attacked the post.", "attacked"), Modality::Asserted);
}

#[test]
fn what_a_future_act_comes_before_is_still_to_come() {
    // the talks follow a visit still to come: they are planned too
    let doc = coded("The Peruvian president will visit Lima on Monday before talks with Chile.");
    let talks = doc.events.iter().find(|e| e.trigger.text(doc.body()) == "talks").expect("the talks");
    assert_eq!(talks.modality, Modality::Planned, "{}", talks.rule);
}

#[test]
fn a_relative_clause_on_a_demand_noun_describes_it_and_asks_for_nothing() {
    // the relative pronoun is the clause's subject: the support is there already
    let m = modality("Peru said it would back a proposal that already has Chilean government support.", "support");
    assert_eq!(m, Modality::Asserted);
    // a content clause after the noun is what is demanded, however the parser read "that"
    let m = modality("Peru rejected a demand that Chile withdraw its troops.", "withdraw");
    assert_eq!(m, Modality::Demanded);
}

#[test]
fn support_sought_is_not_yet_given() {
    // an event noun after a verb of seeking or winning is the aim, not an act done,
    // also where the trigger word is a verb's ("support") that the parse has as a noun
    let m = modality("The Kenyan plan was unveiled to woo Ugandan support for the railway.", "support");
    assert_eq!(m, Modality::Hypothetical);
    let m = modality("The Kenyan bill was written to attract Ugandan support for the pipeline.", "support");
    assert_eq!(m, Modality::Hypothetical);
    // support given stays asserted
    let m = modality("Uganda gave its support to the Kenyan railway plan on Monday.", "support");
    assert_eq!(m, Modality::Asserted);
}

#[test]
fn what_the_writer_forecasts_is_hypothetical_and_no_threat() {
    let doc = coded("The Chilean government seems unlikely to ban the mining company from the Atacama.");
    let ban = triggered(&doc, "ban");
    assert_eq!(ban.len(), 1, "{:?}", doc.events);
    assert_eq!(ban[0].modality, Modality::Hypothetical, "{}", ban[0].rule);
    assert_eq!(ban[0].event_type, chronicle_core::PloverType::Coerce, "{}", ban[0].rule);
    // a forecast is of the act it completes, not of an event noun that act governs
    assert_eq!(modality("The strike is likely to overshadow the Peruvian president's visit to Chile.", "visit"), Modality::Asserted);
    // the actor's own announcement of it is a threat
    let doc = coded("The Chilean government will ban the mining company from the Atacama.");
    assert_eq!(triggered(&doc, "ban")[0].event_type, chronicle_core::PloverType::Threaten);
}

#[test]
fn what_one_wants_another_to_do_is_demanded() {
    assert_eq!(modality("Chilean unions want the president to sue the mining company.", "sue"), Modality::Demanded);
    // wanting to do it oneself is a wish
    assert_eq!(modality("The Chilean president wants to sue the mining company.", "sue"), Modality::Hypothetical);
}

#[test]
fn cooperation_planned_under_a_promise_is_an_agreement() {
    let doc = coded("The Chilean president promised support to the Bolivian opposition.");
    let support = triggered(&doc, "support");
    assert_eq!(support.len(), 1, "{:?}", doc.events);
    assert_eq!((support[0].event_type, support[0].modality), (chronicle_core::PloverType::Agree, Modality::Planned), "{}", support[0].rule);
    // a meeting asked for keeps its type: it is demanded, not promised
    let doc = coded("The Chilean president called for a meeting with Bolivian ministers.");
    let meeting = triggered(&doc, "meeting");
    assert_eq!(meeting.len(), 1, "{:?}", doc.events);
    assert_eq!(meeting[0].event_type, chronicle_core::PloverType::Consult, "{}", meeting[0].rule);
}

#[test]
fn a_participle_cue_is_no_noun_of_the_same_stem() {
    // "planes" is no "planned"
    assert_eq!(modality("Peruvian Air Force planes have been deployed to the Bolivian border.", "deployed"), Modality::Asserted);
    assert_eq!(modality("The planned meeting of Peruvian and Bolivian ministers was postponed.", "meeting"), Modality::Planned);
}

#[test]
fn money_pledged_in_aid_is_what_is_pledged_not_an_occasion() {
    let m = modality("The Bolivian government pledged $5 million in aid to Peru.", "aid");
    assert_ne!(m, Modality::Asserted);
}
