//! Recipients from the tree rather than from nearby place names (issue 13):
//! a country named only where an act happens is its place, not its
//! recipient; a support verb's phrases belong to its event noun; an act
//! judging a party's conduct is directed at that party. Invented sentences
//! run through the real language layer and the coder. Needs the `language`
//! feature.
#![cfg(feature = "language")]

mod common;

use chronicle_core::{Document, Event};
use common::{coded, triggered};

/// The one event triggered by `word`.
fn event<'a>(doc: &'a Document, word: &str) -> &'a Event {
    let events = triggered(doc, word);
    assert_eq!(events.len(), 1, "one event for '{word}' in {:?}: {:?}", doc.body(), doc.events);
    events[0]
}

/// The recipients' country codes of the one event triggered by `word`.
fn recipient_countries(doc: &Document, word: &str) -> Vec<String> {
    event(doc, word).recipients.iter().filter_map(|a| a.country.clone()).collect()
}

/// The recipients' names of the one event triggered by `word`.
fn recipient_names(doc: &Document, word: &str) -> Vec<String> {
    event(doc, word).recipients.iter().map(|a| a.name.clone()).collect()
}

// ---- a country named as part of a place is the act's place

#[test]
fn a_country_modifying_a_part_of_a_place_is_no_recipient() {
    // "areas of the X coast": the country owns the coast where the act happens
    let doc = coded("The governor has banned fishing in several areas of the Mexican coast.");
    assert!(recipient_countries(&doc, "banned").is_empty());
    let doc = coded("The president has banned oil drilling in new areas of the Peruvian coast.");
    assert!(!recipient_countries(&doc, "banned").contains(&"PER".to_string()));
}

#[test]
fn a_country_in_the_of_phrase_of_a_coast_is_no_recipient() {
    let doc = coded("The president suspended planned exploration in two areas off the coast of Chile.");
    assert!(!recipient_countries(&doc, "suspended").contains(&"CHL".to_string()));
}

#[test]
fn a_country_in_a_longer_place_name_is_no_recipient() {
    // "the Gulf of X" names a sea, not the country X
    let doc = coded("Greenpeace voiced strong criticism over the Gulf of Mexico oil spill.");
    assert!(!recipient_countries(&doc, "criticism").contains(&"MEX".to_string()));
    // and a sea the gazetteer gives no country stands for no party
    assert!(recipient_names(&doc, "criticism").iter().all(|n| !n.contains("Gulf")), "{:?}", doc.events);
}

#[test]
fn where_money_was_raised_is_no_recipient_of_the_appeal() {
    // the place belongs to the verb the appeal is the subject of, not to the appeal
    let doc = coded("The charity said its flood appeal had raised $5m in Canada.");
    for e in &doc.events {
        assert!(e.recipients.iter().all(|r| r.country.as_deref() != Some("CAN")), "{:?}", doc.events);
    }
}

#[test]
fn support_in_a_country_is_not_support_for_it() {
    // talks and statements happen at their place phrase
    let doc = coded("There is strong support for the measure in Brazil.");
    for e in &doc.events {
        assert!(e.recipients.iter().all(|r| r.country.as_deref() != Some("BRA")), "{:?}", doc.events);
    }
}

#[test]
fn the_city_a_meeting_is_held_in_is_no_party_of_it() {
    // "the Canadian city of X": the 'of' phrase names the venue itself
    let doc = coded("The Haitian prime minister told a meeting of world officials in the Canadian city of Montreal that support was needed.");
    let e = event(&doc, "meeting");
    assert!(e.recipients.iter().chain(&e.actors).all(|a| !a.name.contains("Montreal")), "{e:?}");
}

#[test]
fn a_sanction_keeps_the_country_it_is_imposed_on() {
    let doc = coded("Russia imposed sanctions on Iran.");
    assert_eq!(recipient_countries(&doc, "sanctions"), vec!["IRN".to_string()]);
    let doc = coded("The European Union imposed a ban on Iranian oil imports.");
    assert_eq!(recipient_countries(&doc, "ban"), vec!["IRN".to_string()]);
}

#[test]
fn a_curfew_acts_on_the_town_it_is_imposed_in() {
    // "the town of X": the 'of' phrase is the town itself, the place phrase the curfew's own
    let doc = coded("The army imposed a curfew in the town of Maradi.");
    assert!(recipient_names(&doc, "imposed a curfew").iter().any(|n| n.contains("Maradi")));
    let doc = coded("Serbia lifted a night curfew in Kosovo.");
    assert!(recipient_names(&doc, "lifted a night curfew").iter().any(|n| n.contains("Kosovo")));
}

#[test]
fn aid_sent_to_a_country_keeps_it() {
    let doc = coded("Britain sent emergency aid to Haiti.");
    assert_eq!(recipient_countries(&doc, "sent emergency aid"), vec!["HTI".to_string()]);
}

#[test]
fn a_deployment_asked_for_in_a_country_is_directed_at_it() {
    // an infinitive the parser hangs on a noun as a relative clause is the noun's content
    let doc = coded("The United Nations rejected a call for its troops to be deployed in Somalia.");
    assert_eq!(recipient_countries(&doc, "deployed"), vec!["SOM".to_string()]);
}

// ---- support-verb constructions

#[test]
fn a_support_verbs_with_phrase_names_who_is_met() {
    // "hold a meeting with Y": the light verb's oblique belongs to the event noun
    let doc = coded("The Chilean president will hold his first meeting tomorrow with the union's leaders.");
    let e = event(&doc, "meeting");
    let sides: Vec<&str> = e.actors.iter().chain(&e.recipients).map(|a| a.name.as_str()).collect();
    assert!(sides.iter().any(|n| n.contains("leaders")), "{e:?}");
    assert!(e.actors.iter().any(|a| a.country.as_deref() == Some("CHL")), "{e:?}");
}

#[test]
fn talks_held_with_named_officials_have_both_sides() {
    let doc = coded("The Indian prime minister held his last talks on Friday with Pakistani officials.");
    let e = event(&doc, "held his last talks");
    let codes: Vec<&str> = e.actors.iter().chain(&e.recipients).filter_map(|a| a.country.as_deref()).collect();
    assert!(codes.contains(&"IND") && codes.contains(&"PAK"), "{e:?}");
}

#[test]
fn an_offensive_launched_against_a_group_is_directed_at_it() {
    let doc = coded("The Egyptian army launched its second offensive last night against Sudanese rebels.");
    assert_eq!(recipient_countries(&doc, "offensive"), vec!["SDN".to_string()]);
}

// ---- an act judging a party's conduct

#[test]
fn criticising_a_response_is_directed_at_its_owner() {
    let doc = coded("The administration criticized the company's response to the flood.");
    let r = recipient_names(&doc, "criticized");
    assert!(r.len() == 1 && r[0].contains("company"), "{r:?}");
}

#[test]
fn condemning_the_handling_of_a_crisis_is_directed_at_who_handled_it() {
    let doc = coded("Ministers condemned the army's handling of the protests.");
    let r = recipient_names(&doc, "condemned");
    assert!(r.len() == 1 && r[0].contains("army"), "{r:?}");
    let doc = coded("The mayor criticized the police's conduct during the riots.");
    let r = recipient_names(&doc, "criticized");
    assert!(r.len() == 1 && r[0].contains("police"), "{r:?}");
}

#[test]
fn praising_a_decision_is_directed_at_who_took_it() {
    let doc = coded("The Kenyan president praised the Ugandan government's decision.");
    assert_eq!(recipient_countries(&doc, "praised"), vec!["UGA".to_string()]);
}

#[test]
fn defending_ones_own_handling_names_no_recipient() {
    let doc = coded("The ministry defended its handling of the crisis.");
    assert!(recipient_names(&doc, "defended").is_empty());
}

// ---- a possessor on the actor's own side

#[test]
fn support_promised_by_its_own_side_goes_to_whom_it_is_for() {
    let doc = coded("The British prime minister promised Britain's support to the Afghan government.");
    assert_eq!(recipient_countries(&doc, "promised"), vec!["AFG".to_string()]);
}

#[test]
fn a_people_of_the_actors_own_country_can_still_be_acted_on() {
    // only a thing owned by the actor's side is the actor's: people of its country are parties
    let doc = coded("The Nigerian army arrested the country's opposition leader.");
    let e = event(&doc, "arrested");
    assert!(!e.recipients.is_empty(), "{e:?}");
}

// ---- a denied accusation

#[test]
fn who_denies_a_charge_is_its_recipient_not_the_court_town() {
    // one denies an accusation made against oneself; the court's town is only where
    let doc = coded("The Zambian minister denied a charge of fraud at a court in Lusaka.");
    let r = recipient_names(&doc, "charge");
    assert!(r.len() == 1 && r[0].contains("minister"), "{r:?}");
}

#[test]
fn aid_that_arrives_somewhere_is_for_that_place() {
    // the aid noun is the subject of a verb of arrival: where it arrives is who receives it
    for text in ["International aid has started to arrive in Mozambique after the floods.", "Foreign aid arrived in Malawi on Sunday."] {
        let doc = coded(text);
        assert!(doc.events.iter().any(|e| e.recipients.iter().any(|r| r.country.as_deref() == Some("MOZ") || r.country.as_deref() == Some("MWI"))), "{text}: {:?}", doc.events);
    }
}

#[test]
fn criticism_one_faces_is_directed_at_oneself() {
    // the subject of "faced" undergoes the criticism: recipient, not actor (with no critic
    // named it is a state of opinion, no event: `eventness.rs`)
    let doc = coded("The Kenyan government has faced criticism from Somalia for its response to the floods.");
    let events: Vec<_> = doc.events.iter().filter(|e| e.trigger.text(doc.body()) == "criticism").collect();
    assert_eq!(events.len(), 1, "{:?}", doc.events);
    assert!(events[0].actors.iter().all(|a| a.country.as_deref() != Some("KEN")), "{:?}", events[0]);
    assert!(events[0].recipients.iter().any(|r| r.country.as_deref() == Some("KEN")), "{:?}", events[0]);
}

#[test]
fn a_place_in_the_phrase_of_another_thing_is_not_where_the_act_happened() {
    // the place modifies the spill, and the barrels' flow: not where the criticism or the fine is
    let doc = coded("Tanzania criticised Kenya on Monday over the Mombasa oil spill.");
    let e: Vec<_> = doc.events.iter().filter(|e| e.trigger.text(doc.body()) == "criticised").collect();
    assert_eq!(e.len(), 1, "{:?}", doc.events);
    assert!(e[0].location.as_ref().is_none_or(|l| !l.name.contains("Mombasa")), "{:?}", e[0].location);
    // a place the act's own phrase names stays
    let doc = coded("Kenyan troops attacked rebels in Mogadishu on Monday.");
    let e: Vec<_> = doc.events.iter().filter(|e| e.trigger.text(doc.body()) == "attacked").collect();
    assert!(e[0].location.as_ref().is_some_and(|l| l.name.contains("Mogadishu")), "{:?}", e[0].location);
}

// ---- where a visit goes: a place at home, a sea or a region is the visit's place

#[test]
fn a_city_of_the_visitors_own_country_is_where_the_visit_goes() {
    let doc = coded("The Kenyan president visited Mombasa on Tuesday to inspect the new port.");
    let e = event(&doc, "visited");
    assert!(e.recipients.is_empty(), "{e:?}");
    assert_eq!(e.location.as_ref().map(|l| l.name.as_str()), Some("Mombasa"), "{e:?}");
}

#[test]
fn a_visit_to_a_city_by_an_unknown_visitor_has_the_city_as_its_place() {
    // no visitor's country is known: the city is where the visit goes, no host
    let doc = coded("The minister has cut short a visit to Mombasa.");
    let e = event(&doc, "visit");
    assert!(e.recipients.iter().all(|r| r.name != "Mombasa"), "{e:?}");
}

#[test]
fn a_foreign_country_or_capital_visited_is_its_government() {
    let doc = coded("The Kenyan president visited Tanzania on Tuesday.");
    assert_eq!(recipient_countries(&doc, "visited"), ["TZA"]);
    let doc = coded("The Kenyan president visited Kampala on Tuesday.");
    assert_eq!(recipient_countries(&doc, "visited"), ["UGA"]);
}

// ---- a support verb's subject does the event noun

#[test]
fn whoever_postpones_talks_holds_them() {
    let doc = coded("Museveni postponed the talks with Kibaki.");
    let e = event(&doc, "talks");
    assert!(e.actors.iter().any(|a| a.name.contains("Museveni")), "{e:?}");
}

#[test]
fn a_by_phrase_the_parser_hangs_on_the_verb_is_the_event_nouns_agent() {
    // an active verb with a subject takes no agent: "by X" belongs to the visit
    let doc = coded("The drought remains high on the regional agenda and dominated a visit to Nairobi by Ugandan President Yoweri Museveni.");
    let e = event(&doc, "visit");
    assert!(e.actors.iter().any(|a| a.name.contains("Museveni")), "{e:?}");
    assert_eq!(recipient_countries(&doc, "visit"), ["KEN"]);
}
