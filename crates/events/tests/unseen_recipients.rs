//! Recipient rules for news the lexicon was not written for (issue 13): each
//! test runs an invented sentence through the language layer (real tagger and
//! parser) and the coder, and checks one general fact of English about who an
//! act is directed at. Needs the `language` feature.
#![cfg(feature = "language")]

mod common;

use chronicle_core::{Document, EventArg};
use common::{coded, coded_on, triggered};

/// The recipients of the one event triggered by `word`.
fn recipient_args(doc: &Document, word: &str) -> Vec<EventArg> {
    let events = triggered(doc, word);
    assert_eq!(events.len(), 1, "one event for '{word}' in {:?}: {:?}", doc.body(), doc.events);
    events[0].recipients.clone()
}

/// The recipients' names of the one event triggered by `word`.
fn recipients_of(doc: &Document, word: &str) -> Vec<String> {
    recipient_args(doc, word).into_iter().map(|a| a.name).collect()
}

#[test]
fn a_party_noun_object_is_the_recipient_though_it_names_no_one() {
    // object control: the asked party is the request's recipient, the complement's
    // object the recipient of the act asked for
    let doc = coded("The French interior minister asked the court to ban the Islamist group.");
    let asked = recipients_of(&doc, "asked");
    assert!(asked.len() == 1 && asked[0].contains("court"), "{asked:?}");
    let ban = recipients_of(&doc, "ban");
    assert!(ban.len() == 1 && ban[0].contains("group"), "{ban:?}");
}

#[test]
fn a_group_the_tree_names_is_not_doubled_by_the_acted_upon_rule() {
    let doc = coded("The Nigerian army attacked the militants.");
    let events = triggered(&doc, "attacked");
    assert_eq!(events.len(), 1, "{:?}", doc.events);
    let r = &events[0].recipients;
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].country.as_deref(), Some("NGA"));
}

#[test]
fn an_unresolved_pronoun_object_names_no_recipient() {
    // "it" names no one here: no party in the verb's obliques takes its place
    let doc = coded("The Dutch government accused it of misleading investors.");
    let r = recipients_of(&doc, "accused");
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn a_name_outside_the_triggers_phrase_receives_nothing() {
    // the visit is the subject of another predicate: the effort is no one it visits
    let doc = coded("The visit by the Kenyan president was the highlight of a United Nations effort to raise funds.");
    let r = recipients_of(&doc, "visit");
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn a_meeting_is_held_at_its_venue_not_with_it() {
    let doc = coded("The Ugandan minister said after the meeting at the State House that progress had been made.");
    let r = recipients_of(&doc, "meeting");
    assert!(!r.iter().any(|n| n.contains("State House")), "{r:?}");
    // a curfew or an arrest acts on the place it is imposed in
    let doc = coded("Turkish authorities imposed a curfew in the town of Cizre.");
    let events = triggered(&doc, "imposed a curfew");
    assert_eq!(events.len(), 1, "{:?}", doc.events);
    assert!(events[0].recipients.iter().any(|r| r.name.contains("Cizre")), "{:?}", events[0].recipients);
}

#[test]
fn a_protest_is_directed_at_the_owner_of_what_it_protests() {
    let doc = coded("Ethnic Turks began a hunger strike to protest against Sweden's decision.");
    let r = recipients_of(&doc, "hunger strike");
    assert_eq!(r, vec!["Sweden".to_string()]);
}

#[test]
fn an_answer_is_directed_at_the_owner_of_what_it_answers() {
    let doc = coded("The Mexican government rejected the company's request for a permit.");
    let r = recipients_of(&doc, "rejected");
    assert!(r.len() == 1 && r[0].contains("company"), "{r:?}");
    // the request rejected is not the rejecting government's own
    for e in triggered(&doc, "request") {
        assert!(e.actors.iter().all(|a| !a.name.contains("government")), "{:?}", e.actors);
    }
    let doc = coded("Greenpeace said the ministry rejected its appeal.");
    for e in triggered(&doc, "appeal") {
        assert!(e.actors.iter().all(|a| !a.name.contains("ministry")), "{:?}", e.actors);
    }
}

#[test]
fn an_offer_or_demand_answered_was_made_to_the_party_answering() {
    // a verb of response, listed or phrasal, names who the offer or demand was made to
    for (text, word, to) in [
        ("The Kenyan government snubbed Uganda's offer of mediators.", "offer", "Kenya"),
        ("Chile accepted Argentina's proposal for a joint patrol.", "proposal", "Chile"),
        ("The Peruvian Senate turned down Ecuador's request for extradition.", "request", "Senate"),
    ] {
        let doc = coded(text);
        let events = triggered(&doc, word);
        assert_eq!(events.len(), 1, "{text}: {:?}", doc.events);
        let e = events[0];
        assert!(e.recipients.iter().any(|r| r.name.contains(to) || r.country.as_deref() == Some("KEN")), "{text}: {:?} {}", e.recipients, e.rule);
        assert!(e.actors.iter().all(|a| !e.recipients.iter().any(|r| r.name == a.name)), "{text}: {:?}", e.actors);
        // the offer or demand was made, whatever became of what it offered or asked
        assert_eq!(e.modality, chronicle_core::Modality::Asserted, "{text}: {}", e.rule);
    }
    // anyone may welcome another's offer: the welcomer is not whom it was made to
    let doc = coded("The Kenyan minister welcomed Uganda's offer of mediators.");
    for e in triggered(&doc, "offer") {
        assert!(e.recipients.iter().all(|r| !r.name.contains("minister")), "{:?}", e.recipients);
    }
    // an offer that is not answered names no such party
    let doc = coded("Uganda's offer of mediators surprised diplomats in Nairobi.");
    for e in triggered(&doc, "offer") {
        assert!(e.recipients.iter().all(|r| !r.name.contains("diplomats")), "{:?}", e.recipients);
    }
}

#[test]
fn a_political_party_noun_recipient_keeps_the_event() {
    // the judge is a political side though no name is given
    let doc = coded("The Justice Department asked the judge to postpone the ruling.");
    let r = recipients_of(&doc, "asked");
    assert!(r.len() == 1 && r[0].contains("judge"), "{r:?}");
    // meeting a political group named by a noun alone is meeting someone
    let doc = coded("The Peruvian president met opposition lawmakers on Friday.");
    assert_eq!(triggered(&doc, "met").len(), 1, "{:?}", doc.events);
}

#[test]
fn the_victims_of_a_happening_make_no_act() {
    // workers killed in an explosion are no side of an attack, named by a noun or not
    let doc = coded("The drilling platform exploded and killed eleven workers.");
    assert!(triggered(&doc, "killed").is_empty(), "{:?}", doc.events);
    let doc = coded("More than a hundred workers were rescued.");
    assert!(triggered(&doc, "rescued").is_empty(), "{:?}", doc.events);
}

#[test]
fn the_subject_of_the_acts_complement_and_the_object_of_an_inquiry_receive() {
    let doc = coded("The Norwegian government is weighing taking legal steps to prevent Shell paying dividends.");
    let r = recipients_of(&doc, "prevent");
    assert!(r.iter().any(|n| n.contains("Shell")), "{r:?}");
    let doc = coded("The Chilean government announced a criminal inquiry into the Codelco mine collapse.");
    let r = recipients_of(&doc, "inquiry");
    assert!(r.iter().any(|n| n.contains("Codelco")), "{r:?}");
}

#[test]
fn a_clause_misread_under_an_event_noun_keeps_its_target() {
    // the parser may hang "cut" on "attack" as a clause with "the region" its subject
    let doc = coded("A Syrian artillery attack on the Idlib region cut water to more than 50,000 people on Monday, the monitor said.");
    let attacks: Vec<_> = doc.events.iter().filter(|e| e.trigger.text(doc.body()).contains("attack")).collect();
    assert!(!attacks.is_empty(), "{:?}", doc.events);
    for e in attacks {
        assert!(e.recipients.iter().any(|r| r.name.contains("Idlib")), "{:?}", e.recipients);
    }
}

#[test]
fn an_accusation_told_as_a_clause_accuses_its_subject_and_a_boycott_of_x_targets_x() {
    let doc = common::coded("Kenyan officials alleged that the Ugandan army had shelled the border town.");
    let alleged = common::triggered(&doc, "alleged");
    assert_eq!(alleged.len(), 1, "{:?}", doc.events);
    assert!(alleged[0].recipients.iter().any(|r| r.country.as_deref() == Some("UGA")), "{:?}", alleged[0]);
    let doc = common::coded("The response of the African Union was a boycott of Zimbabwe.");
    let boycott = common::triggered(&doc, "boycott");
    assert_eq!(boycott.len(), 1, "{:?}", doc.events);
    assert!(boycott[0].actors.iter().all(|a| a.country.as_deref() != Some("ZWE")), "{:?}", boycott[0]);
    assert!(boycott[0].recipients.iter().any(|r| r.country.as_deref() == Some("ZWE")), "{:?}", boycott[0]);
}

#[test]
fn an_object_it_refers_back_to_the_party_named_before() {
    let doc = common::coded("Peruvian lawmakers laid the blame on Petrobras, accusing it of ignoring safety rules.");
    let accusing = common::triggered(&doc, "accusing");
    assert_eq!(accusing.len(), 1, "{:?}", doc.events);
    assert!(accusing[0].recipients.iter().any(|r| r.name.contains("Petrobras")), "{:?}", accusing[0]);
    // never its own verb's subject
    let doc = common::coded("Kenya said Uganda had criticised it unfairly.");
    let criticised = common::triggered(&doc, "criticised");
    assert!(criticised[0].recipients.iter().all(|r| r.country.as_deref() != Some("UGA")), "{:?}", criticised[0]);
}

#[test]
fn a_demand_that_a_party_noun_act_is_directed_at_it_a_promise_is_not() {
    // "demanded that the company recall …": the one asked is the clause's subject,
    // named or not (a firm: BUS)
    let doc = coded("The Kenyan transport ministry demanded that the company recall the buses.");
    let r = recipient_args(&doc, "demanded");
    assert!(r.len() == 1 && r[0].name.contains("company") && r[0].sector.as_deref() == Some("BUS"), "{r:?}");
    // a promise's clause tells what its own side will do: no one is addressed
    let doc = coded("The Kenyan minister promised that the government would pay the farmers.");
    let r = recipients_of(&doc, "promised");
    assert!(!r.iter().any(|n| n.contains("government")), "{r:?}");
    // an adverbial clause addresses no one
    let doc = coded("The Kenyan transport ministry refused to license the route because the company had lost its permit.");
    let r = recipients_of(&doc, "refused");
    assert!(!r.iter().any(|n| n.contains("company")), "{r:?}");
}

#[test]
fn the_party_pressed_at_a_meeting_is_met_there() {
    // the verb a meeting is the occasion of acts on its object: that party is met
    let doc = coded("Museveni will press World Bank officials at a meeting in Kampala on Friday.");
    assert_eq!(recipients_of(&doc, "meeting"), ["World Bank"]);
    // … also when the parser hangs the occasion on the verb's to-infinitive
    let doc = coded("Museveni on Monday pressured the World Bank to release the loan during a meeting in Kampala.");
    assert_eq!(recipients_of(&doc, "meeting"), ["World Bank"]);
    // the party talked with, not a place named in what is talked about
    let doc = coded("Museveni discussed the Lake Victoria crisis with Kibaki in a telephone call on Saturday.");
    assert_eq!(recipients_of(&doc, "telephone call"), ["Kibaki"]);
    // what is done before or after a meeting is not done at it
    let doc = coded("Before the meeting, Museveni told reporters in Kampala that the loan was late.");
    assert!(recipients_of(&doc, "meeting").is_empty(), "{:?}", doc.events);
}

#[test]
fn an_unnamed_party_coordinated_with_a_named_recipient_receives_too() {
    // coordination puts both in the object: the regulators are criticised with Exxon
    let doc = coded("The senator criticised Exxon and the regulators.");
    let r = recipients_of(&doc, "criticised");
    assert_eq!(r.len(), 2, "{r:?}");
    assert!(r[1].contains("regulators"), "{r:?}");
}

#[test]
fn what_a_purpose_infinitive_of_a_meeting_does_is_done_toward_those_met() {
    let doc = coded("The Chilean mining minister met with Peruvian trade unions to appeal for calm.");
    let appeal = recipients_of(&doc, "appeal");
    assert!(appeal.len() == 1 && appeal[0].contains("unions"), "{appeal:?}");
    // talks held there are the meeting itself: no act toward those met
    let doc = coded("The Chilean mining minister met with Peruvian trade unions to discuss the strike.");
    assert!(triggered(&doc, "discuss").iter().all(|e| e.recipients.is_empty()), "{:?}", doc.events);
    // a purpose infinitive of another verb keeps its own object
    let doc = coded("The Chilean mining minister travelled to Lima to appeal to the Peruvian unions.");
    let appeal = recipients_of(&doc, "appeal");
    assert!(appeal.iter().all(|r| !r.contains("Lima")), "{appeal:?}");
}

#[test]
fn the_subject_of_a_reported_must_is_asked_though_it_names_no_one() {
    let doc = coded("\"The mining companies must pay for the damage,\" said the Chilean environment minister.");
    let must = recipients_of(&doc, "must");
    assert!(must.len() == 1 && must[0].contains("companies"), "{must:?}");
}

#[test]
fn a_request_or_invitation_in_an_acts_circumstances_was_made_to_its_doer() {
    // "at the request of X": X asked the one who then acted
    for (text, word, to) in [
        ("Brazil is sending two frigates at the request of the Angolan government.", "request", "Brazil"),
        ("The Chilean president travelled to Lima at the invitation of President Humala.", "invitation", "Chile"),
    ] {
        let doc = coded_on(text, "2012-05-09");
        let r = recipient_args(&doc, word);
        assert!(r.iter().any(|a| a.name.contains(to) || a.country.as_deref() == Some("CHL")), "{text}: {r:?} {:?}", doc.events);
        // and the request came before the act it occasioned, not while it is going on
        let e = triggered(&doc, word)[0];
        assert!(e.date.exact_day().is_none(), "{text}: {:?} {}", e.date, e.rule);
    }
    // in the passive, the agent acted on it; with none, no one is named
    let doc = coded("Two frigates were sent by Brazil at the request of the Angolan government.");
    assert!(recipients_of(&doc, "request").iter().any(|r| r.contains("Brazil")), "{:?}", doc.events);
    let doc = coded("Two frigates were sent at the request of the Angolan government.");
    assert!(recipients_of(&doc, "request").is_empty(), "{:?}", doc.events);
    // a request that is only talked about was made to no one in the clause
    let doc = coded("The talks in Lisbon focused on the request of the Angolan government.");
    for e in triggered(&doc, "request") {
        assert!(e.recipients.iter().all(|r| !r.name.contains("talks")), "{:?}", e.recipients);
    }
}

#[test]
fn the_destination_of_a_visit_hung_on_its_visitor_is_still_the_visits() {
    // "the visit of X to Y": the parser may hang "to Y" on X, who takes no such phrase
    let doc = coded("The visit of President Luiz Lula to Angola came as a surprise.");
    let r = recipient_args(&doc, "visit");
    assert!(r.iter().any(|a| a.country.as_deref() == Some("AGO")), "{r:?} {:?}", doc.events);
}

#[test]
fn who_is_consulted_in_the_passive_is_the_recipient_not_a_party_meeting() {
    let doc = coded("Senior Chilean officials were not consulted before the mining law was announced.");
    let events = triggered(&doc, "consulted");
    assert_eq!(events.len(), 1, "{:?}", doc.events);
    assert!(events[0].actors.iter().all(|a| !a.name.contains("officials")), "{:?}", events[0].actors);
    assert!(events[0].recipients.iter().any(|r| r.name.contains("officials")), "{:?}", events[0].recipients);
    // what is discussed in the passive is the topic, not a party talked with, and
    // with no one named talking there is no event
    let doc = coded("Chile's new mining plan was discussed in Lima on Monday.");
    assert!(triggered(&doc, "discussed").is_empty(), "{:?}", doc.events);
    // active consultation stays mutual talk with its object as the other side
    let doc = coded("Peru consulted Chile before the vote.");
    let e = triggered(&doc, "consulted");
    assert!(e.len() == 1 && e[0].actors.iter().any(|a| a.country.as_deref() == Some("PER")), "{:?}", doc.events);
}
