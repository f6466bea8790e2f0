//! Event-ness and argument rules for news the lexicon was not written for
//! (issue 13): each test runs an invented sentence through the language layer
//! (real tagger and parser) and the coder, and checks one general fact of
//! English or of news writing. Needs the `language` feature.
#![cfg(feature = "language")]

mod common;

use chronicle_core::{Document, PloverType};
use common::{coded, triggered};

/// The actors' names of the one event triggered by `word`.
fn actors_of(doc: &Document, word: &str) -> Vec<String> {
    let events = triggered(doc, word);
    assert_eq!(events.len(), 1, "one event for '{word}' in {:?}", doc.body());
    events[0].actors.iter().map(|a| a.name.clone()).collect()
}

#[test]
fn deaths_from_a_disease_or_an_accident_are_no_attack() {
    for text in [
        "The cholera epidemic killed 40 people in the province last month.",
        "A gas explosion at the mine killed nine workers on Sunday.",
        "A fire broke out at the refinery on Monday, killing six workers.",
        "Hundreds of people were killed in the town of Jacmel.",
    ] {
        let doc = coded(text);
        assert!(triggered(&doc, "killed").is_empty() && triggered(&doc, "killing").is_empty(), "{text}: {:?}", doc.events);
    }
}

#[test]
fn deaths_caused_by_someone_stay_attacks() {
    let doc = coded("Gunmen killed five police officers in the city on Sunday.");
    assert_eq!(triggered(&doc, "killed").len(), 1);
    assert_eq!(triggered(&doc, "killed")[0].event_type, PloverType::Assault);
}

#[test]
fn insisting_on_a_fact_is_no_demand() {
    let doc = coded("The ministry insists that the vaccine supply is adequate.");
    assert!(triggered(&doc, "insists").is_empty(), "{:?}", doc.events);
    let doc = coded("The opposition leader suggested that the army was hiding the bodies.");
    assert!(triggered(&doc, "suggested").is_empty(), "{:?}", doc.events);
    // a day after "on" dates the saying; it asks for nothing
    let doc = coded("The Kenyan opposition leader had suggested on Monday that the army was hiding the bodies.");
    assert!(triggered(&doc, "suggested").is_empty(), "{:?}", doc.events);
    // a mandative clause (a subjunctive) is a demand
    let doc = coded("The ministry insisted that the company pay compensation.");
    assert_eq!(triggered(&doc, "insisted").len(), 1);
    assert_eq!(triggered(&doc, "insisted")[0].event_type, PloverType::Request);
}

#[test]
fn talking_about_a_topic_with_no_one_is_no_consultation() {
    for text in ["Several lawmakers are talking about raising the tax.", "The figures being talked about by ministers are large."] {
        let doc = coded(text);
        assert!(doc.events.iter().all(|e| e.event_type != PloverType::Consult), "{text}: {:?}", doc.events);
    }
    let doc = coded("The Kenyan president talked with the Ugandan leader about the border.");
    assert_eq!(triggered(&doc, "talked").len(), 1);
    assert_eq!(triggered(&doc, "talked")[0].actors.len(), 2);
}

#[test]
fn the_anonymity_formula_is_no_discussion() {
    let doc = coded("An official, who spoke on condition of anonymity to discuss the negotiations, said the talks had failed.");
    assert!(triggered(&doc, "discuss").is_empty(), "{:?}", doc.events);
}

#[test]
fn a_finite_conjunct_cannot_share_the_auxiliary_of_a_complement() {
    let doc = coded("The French minister had said that Russia was arming the rebels and urged the European Union to act.");
    let actors = actors_of(&doc, "urged");
    assert!(actors.iter().any(|a| a.contains("minister")), "{actors:?}");
    assert!(!actors.iter().any(|a| a.contains("Russia")), "{actors:?}");
}

#[test]
fn a_visit_in_an_occasion_phrase_is_the_clause_subjects() {
    let doc = coded("On a visit to Nairobi, the Indian foreign minister told reporters the deal was close.");
    let actors = actors_of(&doc, "visit");
    assert!(actors.iter().any(|a| a.contains("minister")), "{actors:?}");
}

#[test]
fn its_support_is_the_support_of_the_verbs_subject() {
    let doc = coded("The African Union reiterated its support for the Somali government.");
    assert_eq!(actors_of(&doc, "support"), vec!["African Union".to_string()]);
}

#[test]
fn his_criticism_of_x_is_the_subjects_and_x_the_recipients() {
    let doc = coded("In a speech in Kampala , the Ugandan president also renewed his criticism of the Kenyan government .");
    let events = triggered(&doc, "criticism");
    assert_eq!(events.len(), 1, "{:?}", doc.events);
    assert!(events[0].actors.iter().all(|a| a.country.as_deref() == Some("UGA")), "{:?}", events[0].actors);
    assert!(events[0].recipients.iter().any(|a| a.country.as_deref() == Some("KEN")), "{:?}", events[0].recipients);
}

#[test]
fn a_purpose_infinitive_is_the_act_of_the_main_subject() {
    let doc = coded("The Kenyan president will travel to Uganda next week to meet the Ugandan leader.");
    let events = triggered(&doc, "meet");
    assert_eq!(events.len(), 1, "{:?}", doc.events);
    assert!(events[0].actors.iter().all(|a| a.country.as_deref() == Some("KEN")), "{:?}", events[0].actors);
    assert!(!events[0].actors.is_empty());
}

#[test]
fn an_event_nouns_source_follows_by_or_from() {
    let doc = coded("The minister approved a request from the Kenyan police for more vehicles.");
    let actors = actors_of(&doc, "request");
    assert!(actors.iter().any(|a| a.contains("police")), "{actors:?}");
    let doc = coded("The governor rejected a request by four senators to investigate the company.");
    let actors = actors_of(&doc, "request");
    assert!(actors.iter().any(|a| a.contains("senators")), "{actors:?}");
    // a move away from a party keeps 'from' as what is left
    let doc = coded("The withdrawal of Ugandan troops from Somalia began on Monday.");
    assert!(actors_of(&doc, "withdrawal").iter().all(|a| !a.contains("Somalia")));
}

#[test]
fn aid_in_a_pledged_amount_is_the_pledgers() {
    let doc = coded("The European Union has pledged 50 million euros in emergency aid for Somalia.");
    assert_eq!(actors_of(&doc, "aid"), vec!["European Union".to_string()]);
}

#[test]
fn a_negative_imperative_and_reporters_questions_are_no_events() {
    for text in ["Don't blame the Kenyan government for the floods.", "Reporters asked the minister an awkward question on Friday.", "This discussion is now closed."] {
        let doc = coded(text);
        assert!(doc.events.is_empty(), "{text}: {:?}", doc.events);
    }
}

#[test]
fn rescuing_private_people_is_no_political_act() {
    let doc = coded("Welsh firefighters rescued a two-year-old girl from the rubble.");
    assert!(triggered(&doc, "rescued").is_empty(), "{:?}", doc.events);
    let doc = coded("Kenyan troops rescued the hostages on Friday.");
    assert_eq!(triggered(&doc, "rescued").len(), 1);
}

#[test]
fn battling_to_do_something_is_trying_not_fighting() {
    let doc = coded("The oil industry has been battling to stop tougher regulations.");
    assert!(triggered(&doc, "battling").is_empty(), "{:?}", doc.events);
    let doc = coded("Kenyan troops battled the rebels near the border.");
    assert_eq!(triggered(&doc, "battled").len(), 1);
}

#[test]
fn private_travel_is_no_visit() {
    let doc = coded("A pupil who visited Kenya last month has been diagnosed with malaria.");
    assert!(triggered(&doc, "visited").is_empty(), "{:?}", doc.events);
    let doc = coded("The Kenyan president visited Uganda on Monday.");
    assert_eq!(triggered(&doc, "visited").len(), 1);
}

#[test]
fn what_is_discussed_is_no_party() {
    let doc = coded("The Kenyan president will discuss the border with the Ugandan leader this week.");
    let events = triggered(&doc, "discuss");
    assert_eq!(events.len(), 1, "{:?}", doc.events);
    assert!(events[0].actors.iter().chain(&events[0].recipients).all(|a| !a.name.contains("border")), "{:?}", events[0]);
}

#[test]
fn the_possessor_of_a_relation_is_another_party() {
    let doc = coded("Kenya's northern neighbour has banned imports of Kenyan maize.");
    let events = triggered(&doc, "banned");
    assert_eq!(events.len(), 1, "{:?}", doc.events);
    assert!(events[0].actors.iter().all(|a| a.country.as_deref() != Some("KEN")), "{:?}", events[0].actors);
}

#[test]
fn abstract_objects_and_conference_calls_are_no_acts() {
    for text in [
        "The Kenyan health ministry has ruled out any risk of infection from eating maize.",
        "The company's chief executive told reporters on a conference call on Tuesday that sales rose.",
    ] {
        let doc = coded(text);
        assert!(doc.events.is_empty(), "{text}: {:?}", doc.events);
    }
    let doc = coded("Kenyan troops captured the rebel commander on Friday.");
    assert_eq!(triggered(&doc, "captured").len(), 1);
}

#[test]
fn a_city_places_an_unnamed_party_it_does_not_act() {
    let doc = coded("A federal judge in Mombasa rejected the request on Monday.");
    let events = triggered(&doc, "rejected");
    assert_eq!(events.len(), 1, "{:?}", doc.events);
    assert!(events[0].actors.iter().all(|a| a.name != "Mombasa") && !events[0].actors.is_empty(), "{:?}", events[0].actors);
    // the party keeps the city's country
    assert!(events[0].actors.iter().all(|a| a.country.as_deref() == Some("KEN")), "{:?}", events[0].actors);
}

#[test]
fn a_relative_clause_takes_no_actor_from_the_clause_around_it() {
    let doc = coded("Kenyan health ministers will meet on Thursday to discuss the outbreak, which doctors suspect has killed 40 people.");
    assert!(triggered(&doc, "killed").is_empty(), "{:?}", doc.events);
}

#[test]
fn a_gerund_after_for_is_done_by_the_judged_object() {
    let doc = coded("The Kenyan president blasted Ugandan officials for criticizing his government.");
    let events = triggered(&doc, "criticizing");
    assert_eq!(events.len(), 1, "{:?}", doc.events);
    assert!(events[0].actors.iter().all(|a| a.country.as_deref() == Some("UGA")) && !events[0].actors.is_empty(), "{:?}", events[0].actors);
}

#[test]
fn force_against_a_crowd_is_an_assault() {
    // the annotation guideline's example: force used on a crowd is ASSAULT, not COERCE
    for (text, word) in [
        ("Kenyan police fired tear gas at the crowd outside parliament.", "fired tear gas"),
        ("Riot police in Nairobi used water cannon and rubber bullets against the students.", "used water cannon and rubber bullets"),
        ("The Kenyan army is using tear gas on protesters in Mombasa.", "using tear gas"),
    ] {
        let doc = coded(text);
        let events = triggered(&doc, word);
        assert!(events.iter().any(|e| e.event_type == PloverType::Assault), "{text}: {:?}", doc.events);
    }
    // the same words for something else
    let doc = coded("The Kenyan farmers used water from the river in the dry season.");
    assert!(doc.events.iter().all(|e| e.event_type != PloverType::Assault), "{:?}", doc.events);
}

#[test]
fn sending_troops_is_a_mobilisation_and_sending_to_troops_is_not() {
    let doc = coded("Kenya sent 300 more soldiers to the Somali border on Monday.");
    assert!(doc.events.iter().any(|e| e.event_type == PloverType::Mobilize), "{:?}", doc.events);
    // forces sent for disaster relief bring aid
    let doc = coded("Kenya sent 300 soldiers to Mozambique on Monday to help the flood relief effort.");
    assert!(doc.events.iter().any(|e| e.event_type == PloverType::Aid), "{:?}", doc.events);
    assert!(doc.events.iter().all(|e| e.event_type != PloverType::Mobilize), "{:?}", doc.events);
    for text in ["Kenya sent a letter to the soldiers on Monday.", "Kenya sent food to the troops in Somalia."] {
        let doc = coded(text);
        assert!(doc.events.iter().all(|e| e.event_type != PloverType::Mobilize), "{text}: {:?}", doc.events);
    }
}

#[test]
fn harsh_words_of_unarmed_critics_are_criticism_not_violence() {
    let doc = coded("Kenyan lawmakers ripped Ugandan President Yoweri Museveni on Friday.");
    assert!(doc.events.iter().any(|e| e.event_type == PloverType::Accuse), "{:?}", doc.events);
    assert!(doc.events.iter().all(|e| e.event_type != PloverType::Assault), "{:?}", doc.events);
    // armed sides, a building attacked, or violence named: force
    for text in [
        "Kenyan police attacked the protesters in Nairobi.",
        "Kenyan protesters attacked the Ugandan embassy in Nairobi.",
        "Kenyan lawmakers attacked Ugandan President Yoweri Museveni's convoy, wounding two guards.",
    ] {
        let doc = coded(text);
        assert!(doc.events.iter().all(|e| e.event_type != PloverType::Accuse), "{text}: {:?}", doc.events);
    }
}

#[test]
fn a_ban_on_trade_or_travel_is_an_embargo() {
    let doc = common::coded("Kenya and Tanzania have banned imports of beef from Uganda.");
    let banned = common::triggered(&doc, "banned");
    assert_eq!(banned.len(), 1, "{:?}", doc.events);
    assert_eq!(banned[0].event_type, chronicle_core::PloverType::Sanction, "{}", banned[0].rule);
    // banning a rally restricts people at home: coercion
    let doc = common::coded("Kenyan police banned the opposition rally in Nairobi.");
    assert_eq!(common::triggered(&doc, "banned")[0].event_type, chronicle_core::PloverType::Coerce);
}
