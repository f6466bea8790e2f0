//! Event-ness rules of `coder/eventness.rs` (issue 13): each test runs
//! invented sentences through the language layer (real tagger and parser)
//! and the coder, and checks one general fact of English or of news writing
//! — the non-event and, beside it, a real event the rule must keep. Needs
//! the `language` feature.
#![cfg(feature = "language")]

mod common;

use common::{coded, triggered};

/// Asserts that `word` triggers no event in `text`.
fn no_event(text: &str, word: &str) {
    let doc = coded(text);
    assert!(triggered(&doc, word).is_empty(), "{text}: {:?}", doc.events);
}

/// Asserts that `word` triggers exactly one event in `text`.
fn one_event(text: &str, word: &str) {
    let doc = coded(text);
    assert_eq!(triggered(&doc, word).len(), 1, "{text}: {:?}", doc.events);
}

#[test]
fn things_and_happenings_do_not_act() {
    no_event("The Asian flu pandemic of 1957, which killed a million people, began in China.", "killed");
    // "which" after a place in a locative phrase of a happening refers to the happening
    no_event("It is a year since the earthquake in Chile which killed hundreds of people.", "killed");
    no_event("A chemical leak threatening Mombasa forced the plant to close.", "threatening");
    no_event("Charts produced by the Kenyan weather agency suggest the floods will reach Mombasa.", "suggest");
    one_event("The Kenyan army threatened the rebels in Mombasa on Monday.", "threatened");
}

#[test]
fn a_place_a_document_is_named_after_does_not_act_through_it() {
    // a city or a capital names a treaty or a protocol; it did not write it
    no_event("The Lisbon treaty calls for a common foreign policy.", "calls for");
    no_event("The Nairobi protocol calls for joint inspections of arms depots.", "calls for");
    // a country that is the author, and a place compounded with people, act
    one_event("The Kenyan plan calls for joint inspections of arms depots.", "calls for");
    one_event("Nairobi officials called for joint inspections of arms depots.", "called for");
}

#[test]
fn a_dispute_word_is_an_attack_only_with_arms() {
    no_event("The mining company faces a long battle to win back investors in Peru.", "battle");
    no_event("Peru's president lost his fight with Congress over the budget.", "fight");
    one_event("Government troops clashed with rebels near the Ugandan border on Sunday.", "clashed");
}

#[test]
fn seizing_matter_or_control_of_an_effort_is_no_coercion() {
    no_event("The pipeline operator captured some gas from the damaged well on Tuesday.", "captured");
    no_event("The governor said the president must seize control of the relief effort.", "seize");
    one_event("Rebels seized control of the town of Goma on Monday.", "seized");
}

#[test]
fn a_question_is_no_request() {
    no_event("A reporter asked the Kenyan minister to explain the delay.", "asked");
    no_event("The Kenyan finance minister asked back.", "asked");
    one_event("The Kenyan president asked Uganda to reopen the border.", "asked");
    // a political body asking for an explanation makes a request
    one_event("A Kenyan parliamentary committee asked the mining company to explain the delays.", "asked");
}

#[test]
fn investigating_things_accuses_no_one() {
    no_event("Kenyan inspectors are probing whether the dead fish came from the lake.", "probing");
    no_event("Suspected infections are being investigated in Kenya and Uganda.", "investigated");
    one_event("Kenyan police are investigating the former finance minister.", "investigating");
    // what someone is to blame for keeps the investigation
    one_event("The Kenyan attorney general is investigating possible violations of the export ban.", "investigating");
}

#[test]
fn private_people_travel_privately() {
    no_event("A teacher from Nairobi who had visited Uganda fell ill with cholera.", "visited");
    no_event("The boy died during a family visit to Tanzania.", "visit");
    one_event("The Kenyan president visited Uganda on Monday.", "visited");
}

#[test]
fn charged_with_a_duty_is_tasked_not_accused() {
    no_event("The Kenyan Coast Guard, charged with overseeing the response, did not comment.", "charged");
    no_event("The commission is charged by the Kenyan president with providing recommendations.", "charged");
    one_event("Kenyan police charged the opposition leader with inciting violence.", "charged");
}

#[test]
fn an_order_of_goods_commands_no_one() {
    no_event("The Kenyan drug maker has received orders from Uganda and Tanzania for the vaccine.", "orders");
    no_event("Kenyan schools closed early in order to limit the spread of cholera.", "order");
    one_event("The Kenyan interior minister issued an order expelling the Ugandan envoy.", "order");
    // the verb: a counted quantity of things is bought; people or a deed are commanded
    no_event("The Kenyan health ministry has ordered 200,000 doses and 40 ventilators for its hospitals.", "ordered");
    one_event("The Kenyan army ordered the Ugandan traders to leave the market.", "ordered");
    one_event("Kenyan officials ordered all 125 Ugandan boats working the lake there to leave the area.", "ordered");
}

#[test]
fn a_group_named_by_its_opposition_does_not_oppose_anything_here() {
    no_event("Kenyan lawmakers opposed to the new border tax said they were vindicated.", "opposed");
    no_event("With Ugandan farmers opposed to the dam, the Kenyan plan stalled.", "opposed");
    one_event("Kenya is opposed to the Ugandan plan for the lake.", "opposed");
    one_event("Kenya opposed the Ugandan plan for the lake.", "opposed");
}

#[test]
fn a_source_asking_for_anonymity_asks_nothing_of_anyone() {
    no_event("A Kenyan official, who asked not to be named, said the border would stay shut.", "asked");
    no_event("The Kenyan official asked not to be identified because the talks were private.", "asked");
    no_event("The Kenyan diplomat requested anonymity to discuss the talks.", "requested");
    one_event("The Kenyan government asked Uganda to reopen the border.", "asked");
}

#[test]
fn giving_by_the_public_is_charity() {
    no_event("Kenyans have donated millions of shillings to the flood appeal.", "donated");
    no_event("Many survivors were rescued by ordinary Ugandans with their bare hands.", "rescued");
    one_event("The Kenyan government donated 500 tonnes of maize to Uganda.", "donated");
}

#[test]
fn agreeing_that_a_fact_holds_shares_a_view() {
    no_event("Peter Odhiambo, a historian at Nairobi University, agreed that the press has a duty to report the strike.", "agreed");
    one_event("Kenyan and Ugandan ministers agreed that border posts should reopen next week.", "agreed");
    // agreeing with someone on nothing concurs; agreeing with someone on something is an agreement
    no_event("Kenya's health minister Peter Mwangi agreed with Ruth Achieng.", "agreed");
    one_event("Kenya agreed with Uganda on a new border crossing.", "agreed");
    one_event("\"We have agreed today with the president a framework for the fund,\" the Kenyan minister said.", "agreed");
    // two sides agreeing that something holds speak together
    one_event("The Kenyan government and the Ugandan government have agreed that the new border road is the best route.", "agreed");
}

#[test]
fn a_negated_refusal_leaves_what_it_governs_open() {
    // "has not ruled out charges": the refusal is negated, the charges neither done nor denied
    let doc = coded("The Kenyan attorney general has not ruled out criminal charges against the contractor.");
    let ruled = triggered(&doc, "ruled out");
    assert_eq!(ruled.len(), 1, "{:?}", doc.events);
    assert_eq!(ruled[0].modality, chronicle_core::Modality::Negated, "{}", ruled[0].rule);
    let charges = triggered(&doc, "charges");
    assert_eq!(charges.len(), 1, "{:?}", doc.events);
    assert_eq!(charges[0].modality, chronicle_core::Modality::Hypothetical, "{}", charges[0].rule);
    // a refusal that stands denies what it governs
    let doc = coded("The Kenyan government refused to meet the rebels.");
    let meet = triggered(&doc, "meet");
    assert_eq!(meet.len(), 1, "{:?}", doc.events);
    assert_eq!(meet[0].modality, chronicle_core::Modality::Negated, "{}", meet[0].rule);
}

#[test]
fn sport_is_no_politics() {
    no_event("Kenyan side Gor Mahia refused to travel to Egypt for the African Champions League tie.", "refused");
    one_event("Kenya refused to sign the trade agreement with Egypt.", "refused");
    // a government acting on sport is politics
    one_event("The Kenyan government banned football matches in Nairobi to slow the outbreak.", "banned");
}

#[test]
fn a_document_content_is_no_act() {
    no_event("The draft law would allow Kenyan police to arrest protesters without a warrant.", "arrest");
    no_event("The first report contained no criticism of the Kenyan army.", "criticism");
    one_event("The report said government troops attacked the village of Kisumu.", "attacked");
    // a relative clause in a document's content is the writer's own statement
    one_event("The bill includes money for Kenya, whose troops are attacking al-Shabaab in Somalia.", "attacking");
}

#[test]
fn feelings_and_wares_are_no_offer() {
    no_event("The health minister offered reassurance that Kenyan hospitals were ready.", "offered");
    no_event("The premier's promise of hope impressed Kenyan voters.", "promise");
    no_event("The Kenyan president failed to rally voters behind the reform.", "rally");
    one_event("Kenya offered troops to the African Union mission in Somalia.", "offered");
    one_event("Thousands of Kenyan students rallied outside parliament in Nairobi.", "rallied");
}

#[test]
fn a_reader_comment_line_reports_nothing() {
    let doc = coded("This comment by a reader says the minister accused the judges of bias.");
    assert!(doc.events.is_empty(), "{:?}", doc.events);
}

#[test]
fn a_participle_of_a_happening_tells_what_it_did() {
    no_event("The ferry capsized off Mombasa on Friday, killing 30 passengers.", "killing");
    no_event("The Kenyan oil tanker that the company was leasing exploded on Friday, killing 30 crew members.", "killing");
    one_event("Kenyan troops attacked the camp on Friday, killing 30 rebels.", "attacked");
}

#[test]
fn things_under_investigation_accuse_no_one() {
    no_event("Twelve suspected infections are under investigation in Nairobi.", "investigation");
}

#[test]
fn agreeing_with_nothing_agreed_to_shares_a_view() {
    no_event("Looking at the figures, a Kenyan economist at the World Bank agrees.", "agrees");
    no_event("Commenting on the plan, Kenyan opposition leader Raila Odinga agrees.", "agrees");
    one_event("Kenya and Uganda agreed on Monday to reopen the border.", "agreed");
}

#[test]
fn a_presenter_reports_and_makes_no_event() {
    no_event("Kenyan television presenter Jeff Koinange discusses the political issues of the week.", "discusses");
}

#[test]
fn an_unnamed_person_from_a_place_travels_privately() {
    no_event("Officials said a 35-year-old from Mombasa who had visited Uganda was recovering.", "visited");
}

#[test]
fn a_resolve_of_the_speakers_is_no_demand() {
    no_event("\"As an industry, we must win back the trust of Kenyans,\" the mining executive said.", "must");
    one_event("The Kenyan opposition leader said the president must resign.", "must");
}

#[test]
fn talking_with_no_one_is_speech() {
    no_event("The Kenyan president talked after touring the flooded district on Monday.", "talked");
    one_event("The Kenyan president talked with Ugandan officials on Monday.", "talked");
}

#[test]
fn a_place_visited_by_crowds_is_no_visit() {
    no_event("The Nairobi national park, visited by thousands of tourists each year, reopened on Monday.", "visited");
}

#[test]
fn recognising_a_fact_is_knowing_not_acting() {
    no_event("The Chilean president may be recognizing that the reform needs more time.", "recognizing");
    no_event("Farmers in Kenya will have to accept the prospect of another dry season.", "accept");
    no_event("Peruvian health authorities recognized the epidemic in March.", "recognized");
    one_event("Chile recognized Kosovo as an independent state on Friday.", "recognized");
    one_event("The Kenyan government accepted the Ugandan offer of mediation.", "accepted");
}

#[test]
fn gapped_words_belong_to_one_phrase() {
    // "press … for" only when "for" hangs under "press"
    let doc = coded("Kenyan actress Mary Otieno also took some flak in the Kenyan press Friday for criticizing Barrick.");
    assert!(!doc.events.iter().any(|e| e.trigger.text(doc.body()).starts_with("press")), "{:?}", doc.events);
    one_event("Kenyan opposition leaders pressed hard for a new election in Nairobi.", "pressed hard for");
}

#[test]
fn acting_on_matter_or_animals_is_no_act() {
    no_event("The deliberate release of crude oil into the sea by the plant's owners was condemned.", "release");
    no_event("A volunteer was rescuing an oil-covered pelican on the Kenyan coast.", "rescuing");
    one_event("The release of the hostages by the Somali rebels was welcomed in Nairobi.", "release");
    // arms are what a force deploys
    one_event("Russia deployed missiles in Kaliningrad on Monday.", "deployed");
}

#[test]
fn violence_with_words_is_a_figure_of_speech() {
    no_event("The Kenyan health minister was bombarded with questions about the outbreak.", "bombarded");
    one_event("Rebel positions near Goma were bombarded with artillery by Congolese troops.", "bombarded");
}

#[test]
fn a_charge_of_a_crime_is_still_a_charge() {
    one_event("The former Kenyan minister denied a charge of corruption at a court in Nairobi.", "charge");
}

#[test]
fn what_a_poll_finds_is_opinion() {
    no_event("A new poll found that most Kenyans still support the mining ban.", "support");
    one_event("Kenya's president said that most lawmakers support the mining ban.", "support");
}

#[test]
fn a_verb_trigger_read_as_an_adjective_names_a_quality() {
    no_event("Two aid workers were kidnapped in villages close to the Ugandan border.", "close");
    no_event("The Peruvian senator felt free to criticise the ministry.", "free");
    one_event("Peru will close its border with Bolivia on Monday.", "close its border");
    one_event("The rebels agreed to free 20 soldiers held in Colombia.", "free");
}

#[test]
fn a_structure_that_blew_up_killed_no_one_deliberately() {
    no_event("The Chilean mine collapsed last year after the tower blew up, killing 11 miners.", "killing");
    no_event("The inquiry followed the 2005 blast at the Texas refinery that killed 15 workers.", "killed");
    one_event("Rebels blew up a bridge in Kashmir, killing 11 soldiers.", "killing");
}

#[test]
fn restraining_a_happening_restrains_no_party() {
    no_event("Peru will close schools for a week to prevent the flu virus from spreading.", "prevent");
    no_event("The Peruvian mine's managers could have prevented the catastrophe.", "prevented");
    one_event("Peruvian police prevented the protesters from reaching the square.", "prevented");
}

#[test]
fn a_named_party_acted_on_for_a_happening_is_still_acted_on() {
    // "fined X for the spill": the happening is the reason, the party the object
    one_event("The Chilean environment agency fined Antofagasta Minerals for the copper spill.", "fined");
}

#[test]
fn capturing_a_measure_of_matter_is_no_attack() {
    no_event("The Peruvian oil company is capturing record amounts of crude from the damaged well.", "capturing");
    one_event("Peruvian troops captured hundreds of rebels near the Bolivian border.", "captured");
}

#[test]
fn a_trigger_word_is_not_the_matter_it_acts_on() {
    // "fire" names a happening, but in "opened fire" it is the act itself
    one_event("Peruvian police opened fire on looters in a Lima market.", "opened fire");
}

#[test]
fn a_duty_the_speaker_states_for_themself_is_no_demand() {
    no_event("The Chilean interior minister said she must continue to calm expectations about the rescue.", "must");
    no_event("\"We must do more to help the victims,\" the Peruvian president said.", "must");
    one_event("The Chilean interior minister said Bolivia must withdraw its troops from the border.", "must");
}

#[test]
fn a_company_or_a_market_that_rallies_moves_in_price() {
    no_event("Shell closed higher on Friday, after rallying to gain 12 percent from a low.", "rallying");
    no_event("Exxon shares rallied after the ruling in Washington.", "rallied");
    one_event("Chilean students rallied against the government in Santiago.", "rallied");
}

#[test]
fn a_host_or_a_kill_named_by_a_noun_is_no_act() {
    no_event("\"We are not a failed state,\" said one popular Kenyan television host.", "host");
    no_event("The Peruvian oil company began a top kill of the leaking pipeline on Monday.", "kill");
    one_event("Kenya hosted talks between the Sudanese parties on Monday.", "hosted");
}

#[test]
fn talking_about_a_topic_with_no_one_is_no_consultation() {
    // the parser may read "about" as a number's ("about eleven workers")
    no_event("\"In Lima we are talking about eleven miners missing,\" the Peruvian minister said.", "talking");
    one_event("The Peruvian president talked with Bolivia's leader about the border.", "talked");
}

#[test]
fn a_threat_to_someone_with_no_one_threatening_is_a_danger() {
    no_event("There was no threat to Kenyans from the volcanic ash, officials in Nairobi said.", "threat");
    one_event("Uganda's threat to close the border alarmed Kenyan traders.", "threat");
}

#[test]
fn support_won_or_lost_is_approval_not_an_act() {
    no_event("The drought has slowly eroded support for the Kenyan president's government.", "support");
    no_event("There is growing public support for a ban on mining in Peru.", "support");
    one_event("Brazil voiced support for Bolivia's bid to join the trade bloc.", "support");
}

#[test]
fn an_event_word_inside_a_name_is_no_act() {
    no_event("Donations will go to the Red Cross's Peru Flood Relief Appeal next month.", "Appeal");
    one_event("The Peruvian government made an appeal for international aid on Monday.", "appeal");
}

#[test]
fn what_an_agency_does_in_general_is_no_act() {
    no_event("A Kenyan agency that investigates mining accidents is opening an inquiry into the collapse.", "investigates");
    one_event("The Kenyan agency that investigated the company said it broke the law.", "investigated");
}

#[test]
fn charging_for_something_names_a_price() {
    no_event("The Kenyan weather agency does not charge for its forecasts.", "charge");
    one_event("Kenyan police charged the opposition leader with incitement on Monday.", "charged");
}

#[test]
fn what_a_law_requires_is_its_content() {
    no_event("Critics attacked the new Peruvian law which requires the police to ask for identity papers.", "ask");
}

#[test]
fn an_attack_for_doing_something_with_no_armed_side_is_criticism() {
    let doc = coded("As the row entered its fifth week, Kenya's labour minister and Base Titanium faced attacks from opposition MPs for failing to end the dispute.");
    let attacks = triggered(&doc, "attacks");
    assert_eq!(attacks.len(), 1, "{:?}", doc.events);
    assert_eq!(attacks[0].event_type, chronicle_core::PloverType::Accuse);
    // with no critic named, attacks faced or come under for a deed are a state of opinion
    no_event("As the row entered its fifth week, Kenya's labour minister and Base Titanium faced attacks for failing to end the dispute.", "attacks");
    no_event("The Kenyan interior ministry has come under attack for allowing the use of tear gas.", "attack");
    one_event("The Kenyan army came under attack from al-Shabaab fighters near the border on Monday.", "attack");
    let doc = coded("Kenya's parliament began a new offensive against the mining company on Monday.");
    let offensive = triggered(&doc, "offensive");
    assert_eq!(offensive.len(), 1, "{:?}", doc.events);
    assert_eq!(offensive[0].event_type, chronicle_core::PloverType::Accuse);
}

#[test]
fn a_quoted_appeal_in_the_present_is_still_an_act() {
    // the present tense with a bare plural is habitual only in a relative clause ("that investigates …")
    // (the parser hangs the quoted clause on the opening `` as a relative clause)
    one_event("Kenya 's health minister said : `` We urge people to stay at home .", "urge");
}

#[test]
fn a_shot_in_the_singular_is_a_figure_of_speech() {
    no_event("The Kenyan finance minister took his first shot at the opposition on Monday.", "shot");
    no_event("The rains were a real shot in the arm for Kenyan farmers.", "shot");
}

#[test]
fn releasing_a_document_that_names_a_party_releases_no_one() {
    no_event("A Kenyan senator on Sunday released an internal Safaricom document on the outage.", "released");
    one_event("Somali pirates released the Kenyan crew of the cargo ship on Sunday.", "released");
}

#[test]
fn capturing_matter_in_a_clause_the_parser_made_is_no_attack() {
    no_event("The Peruvian company said it is building a new system to capture almost all the gas escaping from its damaged well.", "capture");
}

#[test]
fn an_attack_qualified_as_words_is_criticism() {
    let doc = coded("The Kenyan finance minister has been the target of highly personal attacks by opposition MPs.");
    let attacks = triggered(&doc, "attacks");
    assert!(attacks.iter().all(|e| e.event_type == chronicle_core::PloverType::Accuse), "{:?}", doc.events);
    // made by speaking: an attack by accusing is criticism, whoever makes it
    let doc = coded("The trade and industry committee attacked the Kenyan mining company on Monday by accusing it of bribing officials.");
    let attacked = triggered(&doc, "attacked");
    assert!(!attacked.is_empty() && attacked.iter().all(|e| e.event_type == chronicle_core::PloverType::Accuse), "{:?}", doc.events);
    // an attack with force stays one
    let doc = coded("Somali gunmen attacked the Kenyan border post on Monday by firing rockets at it.");
    assert!(triggered(&doc, "attacked").iter().all(|e| e.event_type == chronicle_core::PloverType::Assault), "{:?}", doc.events);
}

#[test]
fn offering_a_view_says_it() {
    no_event("Asked about the odds, a senior Kenyan mining official offered up this assessment: it has never been done.", "offered");
    one_event("Uganda offered talks to the Kenyan government on Monday.", "offered");
    // a view offered in the passive is said too
    no_event("The flow was twice the estimates offered so far by the Kenyan water agency.", "offered");
}

#[test]
fn a_clause_after_a_verb_of_asking_and_if_is_the_question() {
    // the parser may hang the fronted clause on the main verb: the words still ask
    no_event("Asked if Uganda had requested help from Kenya, Mwangi did not answer.", "requested");
    one_event("Kenya will attack the rebels if Uganda asks for help.", "asks");
    // 'whether' asks under any verb
    no_event("It is unclear whether Kenya will expel the Ugandan diplomats.", "expel");
    one_event("Kenya will expel the Ugandan diplomats.", "expel");
}

#[test]
fn a_present_passive_in_a_relative_clause_is_a_standing_rule() {
    no_event("Kenyan farmers still rely on a pesticide which is banned in Uganda because it harms bees.", "banned");
    one_event("Uganda banned the pesticide on Monday because it harms bees.", "banned");
}

#[test]
fn a_standing_charge_in_a_relative_clause_is_still_an_accusation() {
    one_event("The trial of the Kenyan minister, who is accused of fraud by prosecutors in Nairobi, began on Monday.", "accused");
}

#[test]
fn welcoming_a_thing_approves_it_welcoming_a_visitor_hosts() {
    let doc = coded("Kenya's president cautiously welcomed the news from the border talks on Monday.");
    let e = triggered(&doc, "welcomed");
    assert_eq!(e.len(), 1, "{:?}", doc.events);
    assert_eq!(e[0].event_type, chronicle_core::PloverType::Support);
    let doc = coded("Kenya's president welcomed the Ugandan president to Nairobi on Monday.");
    let e = triggered(&doc, "welcomed");
    assert_eq!(e.len(), 1, "{:?}", doc.events);
    assert_eq!(e[0].event_type, chronicle_core::PloverType::Consult);
}

#[test]
fn a_welcome_given_to_a_visitor_hosts_them() {
    let doc = coded("Kenya's president gave a warm welcome on Monday to the Ugandan president.");
    let e = triggered(&doc, "welcome");
    assert_eq!(e.len(), 1, "{:?}", doc.events);
    assert_eq!(e[0].event_type, chronicle_core::PloverType::Consult);
}

#[test]
fn a_must_of_no_party_is_an_opinion() {
    no_event("\"Every effort must be made to speed up the rescue,\" the Chilean minister said.", "must");
    no_event("The Peruvian health minister said the outbreak must be closely monitored.", "must");
    one_event("The Chilean minister said Bolivia must withdraw its troops from the border.", "must");
    // told to a party, it demands of that party
    one_event("The Chilean interior minister told the company on Friday that `` every effort must be made '' to speed up the rescue.", "must");
}

#[test]
fn a_market_demand_is_no_demand_made() {
    no_event("Kenyan gas supply has long outstripped Ugandan demand, the ministry said.", "demand");
    no_event("Uganda's demand for oil has soared since 2005.", "demand");
    no_event("Chinese demand for Peruvian gold fell in May.", "demand");
    one_event("Kenya's demand for the extradition of the suspects angered Uganda.", "demand");
}

#[test]
fn halting_an_undertaking_of_ones_own_sanctions_no_one() {
    no_event("Kenya's foreign minister canceled his trip to deal with the floods.", "canceled");
    // a trip bound for a named place signals to it
    one_event("Kenya's foreign minister canceled a trip to Uganda to deal with the floods.", "canceled");
    no_event("The Peruvian navy suspends the search for the missing fishermen.", "suspends");
    one_event("Kenya suspended flights to Somalia on Monday.", "suspended");
    one_event("The EU suspended aid to Niger after the coup.", "suspended");
}

#[test]
fn sanctioning_or_expelling_a_thing_is_no_sanction() {
    no_event("The Kenyan agency was criticised for sanctioning the use of the pesticide.", "sanctioning");
    no_event("The damaged Peruvian well had a blowout, expelling water, mud and gas.", "expelling");
    one_event("Kenya expelled two Ugandan diplomats on Monday.", "expelled");
}

#[test]
fn criticism_someone_faces_with_no_critic_named_is_opinion() {
    no_event("The Peruvian president faced mounting criticism for his handling of the strike.", "criticism");
    no_event("The Chilean mining ministry came under criticism over the slow rescue.", "criticism");
    no_event("There is growing public criticism of the Kenyan government's response.", "criticism");
    // an indefinite pronoun as the passive's agent names no critic
    no_event("The Kenyan minister has been criticized by many for his handling of the strike.", "criticized");
    // so is an accusation of conduct that has stood, with no accuser; a charge of a crime may be one
    no_event("For years, Peru has been accused of ignoring the miners' safety.", "accused");
    one_event("The Peruvian mining minister has been accused of fraud.", "accused");
    // a critic named makes it an act
    one_event("The Kenyan minister has been criticized by opposition MPs for his handling of the strike.", "criticized");
    one_event("The Peruvian president drew sharp criticism from Bolivia on Monday.", "criticism");
    one_event("Bolivia's criticism of the Peruvian president angered Lima.", "criticism");
}

#[test]
fn a_critic_named_beside_the_verb_makes_criticism_an_act() {
    one_event("The Kenyan relief effort has drawn criticism from Somali leaders.", "criticism");
}

#[test]
fn a_threat_no_one_makes_is_a_danger() {
    no_event("The oil slick is spreading along the coast, threatening Peru's richest fisheries.", "threatening");
    one_event("Peru threatened Chile with sanctions on Monday.", "threatened");
    one_event("Peruvian police threatened the striking miners on Monday.", "threatened");
}

#[test]
fn attacking_or_seizing_matter_the_parser_left_without_object_is_no_act() {
    no_event("The Peruvian mining company will try to capture as much leaking gas as possible.", "capture");
    one_event("Rebels will try to capture the town of Goma on Monday.", "capture");
}

#[test]
fn a_participle_after_a_time_clause_of_a_happening_tells_what_it_did() {
    no_event("Petrobras was operating the drilling rig when it exploded on 20 April, killing 11 workers.", "killing");
    one_event("Chilean troops were patrolling the border when rebels attacked, killing 11 soldiers.", "attacked");
}

#[test]
fn a_company_or_a_place_uses_no_force() {
    no_event("Petrobras inadvertently destroyed much of the wildlife in the bay.", "destroyed");
    no_event("An explosion on a drilling rig off Veracruz killed 11 workers and triggered the leak.", "killed");
    one_event("Peruvian police killed two protesters near the Petrobras plant on Monday.", "killed");
}

#[test]
fn an_act_begun_after_a_happening_is_still_an_act() {
    one_event("As soon as the earthquake struck, aid agencies from Kenya began deploying teams to Somalia.", "deploying");
}

#[test]
fn a_rescue_from_the_rubble_is_no_political_act() {
    no_event("A Peruvian woman was rescued from the rubble of her home after nine days.", "rescued");
    no_event("One Chilean staff member was rescued from under four metres of rubble.", "rescued");
    one_event("Colombian troops rescued 15 hostages held by FARC rebels on Monday.", "rescued");
}

#[test]
fn to_be_to_blame_is_to_be_blamed() {
    // the writer's own verdict is an opinion, no act
    no_event("These are failures for which the Kenyan government is to blame.", "blame");
    // told by someone, it is that side's accusation of the subject, now
    let doc = common::coded("The Kenyan government is to blame for the delays, Uganda said on Monday.");
    let blame = triggered(&doc, "blame");
    assert_eq!(blame.len(), 1, "{:?}", doc.events);
    assert!(blame[0].recipients.iter().any(|r| r.country.as_deref() == Some("KEN")), "{:?}", blame[0]);
    assert!(blame[0].actors.iter().all(|a| a.country.as_deref() != Some("KEN")), "{:?}", blame[0]);
    assert_eq!(blame[0].modality, chronicle_core::Modality::Asserted, "{}", blame[0].rule);
}

#[test]
fn criticised_by_no_one_named_is_opinion() {
    no_event("The Kenyan president, who has been criticised for his handling of the floods, spoke on Monday.", "criticised");
    one_event("The Kenyan president was criticised by Uganda for his handling of the floods.", "criticised");
}

#[test]
fn releasing_nothing_or_a_party_s_thing_is_no_release() {
    // the parser makes "released" the root with no object: nothing is released
    no_event("The Kenyan audit office, in a report on the strike released Friday, reviewed the response.", "released");
    // the 'of' phrase is a thing a party owns
    no_event("Following release of the Kenyan government's estimate, shares fell.", "release");
    one_event("Somali rebels released ten Kenyan hostages on Monday.", "released");
    one_event("Kenya welcomed the release of Uganda's prisoners.", "release");
    // coordinated verbs share their object
    one_event("The Kenyan government rushed to release or transfer a dozen Somali detainees.", "release");
}

#[test]
fn a_bodily_condition_is_no_act() {
    no_event("The Chilean senator died in March from a cardiac arrest at his home in Santiago.", "arrest");
    no_event("The Peruvian minister suffered a heart attack during the flight to Lima.", "attack");
    one_event("Police announced the arrest of the Chilean senator in Santiago on Monday.", "arrest");
}

#[test]
fn offered_guidance_or_advice_is_said_not_offered() {
    no_event("The Kenyan health ministry offers some guidance on which drugs work best.", "offers");
    one_event("Kenya offered Uganda military aid on Monday.", "offered");
}

#[test]
fn charged_with_a_duty_in_any_inflection_accuses_no_one() {
    // the stems "decid-" and "charg-" take their silent e from the lexicon of verb base forms
    no_event("Ana Ruiz, head of the Peruvian health agency, is charged with deciding when schools reopen.", "charged");
    no_event("Inspectors for the Peruvian mining agency, the body charged with regulating the industry, were lax.", "charged");
    one_event("Peruvian prosecutors charged the mining company with fraud on Monday.", "charged");
}

#[test]
fn one_side_discussing_a_matter_is_no_meeting() {
    no_event("The Kenyan coast guard commander has been discussing the salvage plan.", "discussing");
    one_event("The Kenyan coast guard commander discussed the salvage plan with Ugandan officials.", "discussed");
}

#[test]
fn a_private_person_s_travel_is_no_visit() {
    no_event("A man from Nairobi caught the virus during a recent visit to Peru and was admitted to hospital.", "visit");
    no_event("The ministry warned travellers about the outbreak but stopped short of recommending people did not visit Peru.", "visit");
    one_event("The Kenyan president fell ill during a state visit to Peru.", "visit");
}

#[test]
fn a_visit_by_a_named_party_or_a_meeting_s_talk_stays() {
    one_event("The good news came after a visit to Peru by the Kenyan president, who praised the rescue teams.", "visit");
    one_event("Kenyan and Ugandan ministers will meet on Tuesday to discuss the border dispute.", "meet");
}

#[test]
fn hosting_a_thing_receives_no_one() {
    no_event("The report said Peru now hosted the largest share of infected computers in the region.", "hosted");
    one_event("Peru hosted talks between Chile and Bolivia on Monday.", "hosted");
    one_event("Peru hosted the Chilean president in Lima on Monday.", "hosted");
}

#[test]
fn an_abstract_thing_suggesting_lets_one_infer() {
    no_event("Analysts said Petrobras's willingness to pay the fine suggests that the government is hard at work.", "suggests");
    one_event("The Chilean foreign minister suggested talks with Bolivia on Monday.", "suggested");
}

#[test]
fn seeking_a_way_or_a_comment_asks_no_one() {
    no_event("Peruvian lawmakers are seeking ways to bring the mining bill up for a vote.", "seeking");
    no_event("The Chilean minister did not return phone calls seeking comment.", "seeking");
    one_event("Peru sought Chile's help in the search on Monday.", "sought");
}

#[test]
fn reinforcing_a_view_is_no_mobilisation() {
    no_event("The company's announcement reinforced the views of the Peruvian geological survey.", "reinforced");
    one_event("Peru reinforced its troops on the Chilean border on Monday.", "reinforced");
}

#[test]
fn rejected_criticism_names_no_critic() {
    no_event("The Peruvian vice president rejected criticism of the government's handling of the floods.", "criticism");
}

#[test]
fn a_private_person_visiting_in_a_participle_is_no_visit() {
    no_event("The only death outside Peru was a Peruvian toddler visiting Chile.", "visiting");
    one_event("The Peruvian president, visiting Chile on Monday, praised the rescue teams.", "visiting");
}

#[test]
fn days_spent_visiting_are_the_spender_s_visit() {
    one_event("The Peruvian president will spend two days visiting the flooded provinces of Chile.", "visiting");
}

#[test]
fn blamed_by_no_one_named_is_opinion() {
    no_event("The cruise ship has been blamed for the recent spike in infections in Chile.", "blamed");
    one_event("Peru blamed Chile for the spike in infections on Monday.", "blamed");
    one_event("The ship was blamed by Chilean health officials for the spike in infections.", "blamed");
}

#[test]
fn talking_a_thing_down_or_up_is_no_talks() {
    no_event("Health officials in Chile are already trying to talk down the risk of the new virus.", "talk");
    one_event("The Chilean foreign minister talked with the Peruvian president on Monday.", "talked");
}

#[test]
fn a_place_that_takes_in_things_does_not_act() {
    no_event("Relief has been slow because the airport in Lima is only accepting cargo planes.", "accepting");
    no_event("Chile hopes Peru will reciprocate by turning down the political heat.", "turning down");
}

#[test]
fn what_a_question_asks_about_is_not_told_as_done() {
    no_event("Asked whether the Kenyan ministry had requested aid from Uganda, the spokesman declined to comment.", "requested");
    no_event("Reporters wondered if Russia would attack the Ukrainian port.", "attack");
    one_event("The Kenyan ministry requested aid from Uganda on Monday.", "requested");
    // a that-clause under a verb of asking is a demand's content, not a question
    one_event("The Kenyan president asked that Uganda reopen the border.", "asked");
}

#[test]
fn offering_an_estimate_or_details_offers_nothing() {
    no_event("The Kenyan government has offered several estimates of how many people fled.", "offered");
    no_event("The Kenyan minister offered no specifics on the plan.", "offered");
    one_event("The Kenyan government offered aid to Uganda.", "offered");
}

#[test]
fn a_charge_of_money_is_a_cost_not_an_accusation() {
    no_event("The Kenyan mining company took a $3 billion charge in the second quarter.", "charge");
    one_event("Kenyan prosecutors filed charges against the former minister on Monday.", "charges");
}

#[test]
fn dismissing_something_as_what_it_is_is_criticism() {
    // "as" says what the tests are: a judgement on whoever ran them, not a refusal
    let doc = coded("The Peruvian minister dismissed the Chilean tests as a public relations stunt.");
    let e = triggered(&doc, "dismissed");
    assert_eq!(e.len(), 1, "{:?}", doc.events);
    assert_eq!(e[0].event_type, chronicle_core::PloverType::Accuse, "{}", e[0].rule);
    // a proposal dismissed is refused
    let doc = coded("The Peruvian minister dismissed the Chilean proposal.");
    assert_eq!(triggered(&doc, "dismissed")[0].event_type, chronicle_core::PloverType::Reject);
}

#[test]
fn a_company_committing_itself_to_no_one_named_does_so_to_the_public() {
    // a company's pledge, agreement or apology with no addressee is made to the public
    for (text, word) in [("BP pledged on Monday to pay all legitimate claims.", "pledged"), ("Exxon apologized for the pipeline leak.", "apologized")] {
        let doc = coded(text);
        assert_eq!(triggered(&doc, word).len(), 1, "{text}: {:?}", doc.events);
    }
    // its other acts with no political counterpart stay business
    let doc = coded("BP suggested that the leak would stop by August.");
    assert!(triggered(&doc, "suggested").is_empty(), "{:?}", doc.events);
    // a deal among firms is business
    let doc = coded("BP agreed to sell its stake in the Argentine venture.");
    assert!(triggered(&doc, "agreed").is_empty(), "{:?}", doc.events);
}

#[test]
fn a_clause_of_prediction_or_possibility_is_no_proposal() {
    // "suggest"/"insist" with a clause saying what will or may be state it
    no_event("The Kenyan president suggested he would dismiss the finance minister if he could.", "suggested");
    no_event("The Ugandan foreign minister suggested that the border may be closed for months.", "suggested");
    no_event("The Kenyan opposition leader insisted that the election might be rigged.", "insisted");
    // a modal of obligation or ability proposes or demands
    one_event("The Kenyan president suggested that Uganda should reopen the border.", "suggested");
    one_event("The Ugandan foreign minister suggested the two leaders could meet in Nairobi.", "suggested");
    // agreeing that one would do something commits to it
    one_event("The Kenyan government agreed on Monday that it would release the detained Ugandan fishermen.", "agreed");
}

#[test]
fn preventing_a_happening_restricts_no_party() {
    // "prevent" coerces only when what it stops is a party's doing
    no_event("Kenyan engineers pumped water into the pipe to prevent the same kind of problems.", "prevent");
    no_event("The Ugandan government tightened controls on adoptions to prevent child trafficking.", "prevent");
    one_event("Kenyan police prevented opposition leaders from holding a rally in Nairobi.", "prevented");
    // a collective act stands for those who do it
    one_event("Ugandan police prevented the march organised by students in Kampala.", "prevented");
    one_event("Kenyan police dispersed the demonstration in Nairobi with tear gas.", "dispersed");
}

#[test]
fn recognising_is_an_act_only_of_a_party_towards_a_party() {
    // "recognize" as a political act acknowledges a party's standing
    no_event("The Kenyan minister said he recognizes that the response was slow.", "recognizes");
    no_event("Kenyan health authorities recognized the epidemic on Monday.", "recognized");
    no_event("The Kenyan constitution recognizes the rights of nature.", "recognizes");
    one_event("Kenya recognized Kosovo as an independent state on Monday.", "recognized");
    one_event("The tribe is not recognized by the Kenyan government.", "recognized");
}

#[test]
fn ready_to_offers_only_an_act_for_or_with_another() {
    // "ready to" + a verb of helping, giving or talking offers it; with any other verb it
    // tells a readiness
    no_event("Kenyan health officials were not ready to declare an emergency.", "ready to");
    no_event("The Kenyan governor was ready to build barriers to protect the coast.", "ready to");
    one_event("Kenya is ready to help Uganda rebuild the railway.", "ready to");
}

#[test]
fn a_need_or_demand_met_is_no_one_met() {
    no_event("The Kenyan ministry borrowed money to meet IMF demands.", "meet");
    no_event("The oil companies do not meet the requirements of the Kenyan government.", "meet");
    one_event("The Kenyan president met opposition leaders on Monday.", "met");
}

#[test]
fn criticism_the_subject_only_resents_names_no_critic() {
    no_event("The Kenyan foreign minister said she resented criticism of Kenyan aid to Somalia.", "criticism");
    one_event("The Kenyan foreign minister said she resented criticism from Uganda of Kenyan aid to Somalia.", "criticism");
}
