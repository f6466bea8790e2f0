//! Where events happened when the coder chose no location: the place the
//! sentence's tree attaches to the trigger, the dateline, the document's
//! country; never an actor's nationality alone. Made-up sentences, parsed
//! as in production; the event is built by hand over a trigger word.
use chronicle_core::{
    DocId, Document, Event, EventArg, InputFormat, Metadata, Modality, PlaceBasis, PloverType, Span, UncertainDate,
};
use chronicle_language::Language;
use std::sync::LazyLock;

mod common;

static LANG: LazyLock<Language> = LazyLock::new(|| Language::load().expect("language data loads"));

/// `body` annotated, with one event on the last `trigger` word whose actor
/// is the mention with text `actor` (if any), placed.
fn placed(body: &str, trigger: &str, actor: Option<&str>) -> (Option<(String, Option<String>, bool)>, Option<PlaceBasis>) {
    placed_at(body, trigger, actor, None)
}

/// As [`placed`], with the mention with text `location` as the coder's
/// location.
fn placed_at(body: &str, trigger: &str, actor: Option<&str>, location: Option<&str>) -> (Option<(String, Option<String>, bool)>, Option<PlaceBasis>) {
    let doc = event_doc(body, trigger, actor, location);
    let p = doc.events[0].place.clone();
    (p.as_ref().map(|p| (p.name.clone(), p.country.clone(), p.lat.is_some())), p.and_then(|p| p.basis))
}

/// The place's name and the event's location after placing, with the
/// mention with text `location` as the coder's location.
fn place_and_location(body: &str, trigger: &str, location: Option<&str>) -> (Option<String>, Option<String>) {
    let doc = event_doc(body, trigger, None, location);
    let e = &doc.events[0];
    (e.place.as_ref().map(|p| p.name.clone()), e.location.as_ref().map(|l| l.name.clone()))
}

/// `body` annotated with one event on the last `trigger` word, placed.
fn event_doc(body: &str, trigger: &str, actor: Option<&str>, location: Option<&str>) -> Document {
    let mut doc = Document::new(DocId::from_text(body), "t".into(), InputFormat::Text, Vec::new(), body.into(), body.into(), Metadata::default());
    LANG.annotate(&mut doc);
    let at = body.rfind(trigger).expect("trigger in body");
    let trigger = Span::new(body, at, at + trigger.len()).unwrap();
    let sentence = doc.sentences.iter().find(|s| s.span.contains(trigger)).expect("sentence").span;
    let actors: Vec<EventArg> = actor
        .map(|a| {
            let m = doc.mentions.iter().find(|m| m.span.text(body) == a && sentence.contains(m.span)).unwrap_or_else(|| panic!("no mention {a}: {:#?}", doc.mentions));
            EventArg { name: m.canonical.clone(), kb_id: m.kb_id.clone(), country: m.country.clone(), sector: None, span: Some(m.span) }
        })
        .into_iter()
        .collect();
    let location = location.map(|l| {
        let m = doc.mentions.iter().find(|m| m.span.text(body) == l).unwrap_or_else(|| panic!("no mention {l}: {:#?}", doc.mentions));
        EventArg { name: m.canonical.clone(), kb_id: m.kb_id.clone(), country: m.country.clone(), sector: None, span: Some(m.span) }
    });
    doc.events.push(Event {
        event_type: PloverType::Assault,
        mode: None,
        context: Vec::new(),
        cameo: None,
        actors,
        recipients: Vec::new(),
        date: UncertainDate::unknown(),
        location,
        place: None,
        quantities: Vec::new(),
        modality: Modality::Asserted,
        attributed_to: None,
        items: Vec::new(),
        sentence,
        trigger,
        rule: String::new(),
    });
    LANG.place_events(&mut doc);
    doc
}

fn named(name: &str, country: &str) -> Option<(String, Option<String>, bool)> {
    Some((name.to_string(), Some(country.to_string()), true))
}

#[test]
fn a_place_the_tree_attaches_to_the_trigger() {
    let (p, basis) = placed("Rebels fought government troops across the Libyan city of Misrata on Monday.", "fought", None);
    assert_eq!((p, basis), (named("Misratah", "LBY"), Some(PlaceBasis::Sentence)));
    let (p, basis) = placed("The Misrata siege ended on Friday.", "siege", None);
    assert_eq!((p, basis), (named("Misratah", "LBY"), Some(PlaceBasis::Sentence)));
}

#[test]
fn the_place_a_where_clause_modifies_is_where_its_acts_happened() {
    let (p, basis) = placed("The envoys flew to Mombasa, where rebels attacked their convoy on Monday.", "attacked", None);
    assert_eq!((p.map(|p| p.0), basis), (Some("Mombasa".to_string()), Some(PlaceBasis::Sentence)));
    // hung on the verb before it by the parser, the clause is still the place's
    let (p, _) = placed("The minister toured Mombasa where gunmen attacked a police post.", "attacked", None);
    assert_eq!(p.map(|p| p.0), Some("Mombasa".to_string()));
    // a place in another clause of the sentence is not where the act was
    let (p, _) = placed("The envoys who flew from Mombasa said rebels attacked their convoy.", "attacked", None);
    assert_ne!(p.map(|p| p.0), Some("Mombasa".to_string()));
}

#[test]
fn a_place_of_a_clause_above_the_trigger_not_below_it_nor_across_speech() {
    let (p, basis) = placed("Gunmen opened fire in Kandahar on Tuesday, killing 11 people.", "killing", None);
    assert_eq!((p.map(|p| p.0), basis), (Some("Kandahār".to_string()), Some(PlaceBasis::Sentence)));
    let (p, _) = placed("The president was criticised as oil poured into the Gulf of Mexico.", "criticised", None);
    assert_eq!(p, None, "the Gulf is where the oil poured");
    let (p, _) = placed("Officials said in Washington that rebels attacked the convoy.", "attacked", None);
    assert_eq!(p, None, "Washington is where they said it");
}

#[test]
fn a_place_modifying_another_noun_or_a_nationality_alone_places_nothing() {
    let (p, _) = placed("U.S. officials criticised the rebels on Monday.", "criticised", None);
    assert_eq!(p, None, "'U.S.' modifies 'officials'");
    let (p, _) = placed("Syrian troops arrested 20 people on Monday.", "arrested", Some("Syrian"));
    assert_eq!(p, None, "the actor's nationality is no place");
}

#[test]
fn the_document_country_places_an_event_of_its_parties() {
    let body = "Protests spread across Syria last week. Police fired on crowds in Homs and Deraa. Syrian troops arrested 20 people on Monday.";
    let (p, basis) = placed(body, "arrested", Some("Syrian"));
    assert_eq!((p.map(|p| (p.1, p.2)), basis), (Some((Some("SYR".to_string()), true)), Some(PlaceBasis::Document)));
    let elsewhere = "Protests spread across Syria last week. Police fired on crowds in Homs and Deraa. French troops arrested 20 people on Monday.";
    assert_eq!(placed(elsewhere, "arrested", Some("French")).0, None, "parties of another country");
}

#[test]
fn an_event_of_no_country_is_placed_only_in_a_document_nearly_all_in_one_country() {
    let syria = "Protests spread across Syria last week. Police fired on crowds in Homs and Deraa. Troops arrested 20 people on Monday.";
    let (p, basis) = placed(syria, "arrested", None);
    assert_eq!((p.and_then(|p| p.1), basis), (Some("SYR".to_string()), Some(PlaceBasis::Document)));
    let mixed = "Protests spread across Syria last week. Police fired on crowds in Homs and Deraa. Envoys met in Paris and London. Troops arrested 20 people on Monday.";
    assert_eq!(placed(mixed, "arrested", None).0, None, "three of five places in Syria");
}

#[test]
fn a_dateline_places_an_event_of_its_country() {
    let body = "DAMASCUS, Syria (Reuters) - Syrian troops arrested 20 people on Monday, activists said.";
    let (p, basis) = placed(body, "arrested", Some("Syrian"));
    assert_eq!((p, basis), (named("Damascus", "SYR"), Some(PlaceBasis::Dateline)));
}

#[test]
fn a_dateline_after_a_header_places_nothing() {
    // a headline and bullets before the dateline: its place is where the reporter filed, and
    // the story's acts are placed by their sentences or the document
    let body = "Syria arrests activists * Troops deployed DAMASCUS , April 30 (Reuters) - Syrian troops arrested 20 people on Monday, activists said.";
    let (_, basis) = placed(body, "arrested", Some("Syrian"));
    assert_ne!(basis, Some(PlaceBasis::Dateline));
}

#[test]
fn a_place_qualified_by_a_region_the_gazetteer_has_no_such_place_in_is_that_region() {
    // the gazetteer's Venices are in Italy, Florida and California
    let body = "VENICE , Louisiana (Reuters) - U.S. troops arrested 20 people on Sunday.";
    let (p, basis) = placed(body, "arrested", Some("U.S."));
    assert_eq!((p.map(|p| p.0), basis), (Some("Louisiana".to_string()), Some(PlaceBasis::Dateline)));
    // the name alone later in the story keeps the region
    let body = "VENICE , Louisiana (Reuters) - Oil came ashore. Protesters marched across Venice on Monday.";
    let (p, basis) = placed(body, "marched", None);
    assert_eq!((p.map(|p| p.0), basis), (Some("Louisiana".to_string()), Some(PlaceBasis::Sentence)));
}

#[test]
fn the_coders_location_in_a_locative_phrase_places_the_event_when_the_sentence_agrees() {
    // "in Kandahar" hangs on "starving", below the trigger: the tree attaches no place to "accused"
    let (p, basis) = placed_at("The rebels accused the army of starving civilians in Kandahar.", "accused", None, Some("Kandahar"));
    assert_eq!((p.map(|p| (p.1, p.2)), basis), (Some((Some("AFG".to_string()), true)), Some(PlaceBasis::Sentence)));
    let (p, _) = placed_at("Kenyan officials accused the army of starving civilians in Kandahar.", "accused", None, Some("Kandahar"));
    assert_eq!(p, None, "a name of another country in the sentence: the event may be elsewhere");
}

#[test]
fn a_region_is_placed_at_the_centre_of_its_places() {
    let (p, basis) = placed("Protesters marched across Louisiana on Monday.", "marched", None);
    assert_eq!((p, basis), (named("Louisiana", "USA"), Some(PlaceBasis::Sentence)));
}

#[test]
fn a_place_named_around_a_countrys_name_is_not_in_that_country() {
    let doc = common::annotate("Oil from the well has poured into the Gulf of Mexico since April.");
    let gulf = doc.mentions.iter().find(|m| m.span.text(doc.body()).contains("Gulf")).expect("a mention of the Gulf");
    assert_eq!(gulf.country, None, "{gulf:?}");
}

#[test]
fn the_document_country_is_the_one_named_most_often() {
    let body = "Officials met in Houston and Dallas. Oil reached Mexico and Britain worried. American troops arrested 20 people on Monday.";
    let (p, basis) = placed(body, "arrested", Some("American"));
    assert_eq!((p.map(|p| p.1), basis), (Some(Some("USA".to_string())), Some(PlaceBasis::Document)), "half the places are American");
    let tie = "Officials met in Houston and Dallas. Ministers met in Mexico City and toured Mexico. American troops arrested 20 people on Monday.";
    assert_eq!(placed(tie, "arrested", Some("American")).0, None, "as many Mexican places as American ones");
}

#[test]
fn a_sea_places_an_event_at_its_middle_in_no_country() {
    let (p, basis) = placed("Oil has poured into the Gulf of Mexico since April.", "poured", None);
    assert_eq!((p, basis), (Some(("Gulf of Mexico".to_string(), None, true)), Some(PlaceBasis::Sentence)));
}

#[test]
fn a_venue_attached_to_the_event_places_it_in_its_city() {
    let (p, basis) = placed("At the White House, the president met the Mexican leader on Monday.", "met", None);
    assert_eq!((p.map(|p| (p.0, p.1)), basis), (Some(("Washington".to_string(), Some("USA".to_string()))), Some(PlaceBasis::Sentence)));
    let (p, _) = placed("The president hosted the envoys in the East Room of the White House on Tuesday.", "hosted", None);
    assert_eq!(p.map(|p| p.0), Some("Washington".to_string()), "a room of a venue");
    let (p, _) = placed("The senators left the Kremlin meeting in a hurry.", "meeting", None);
    assert_eq!(p.map(|p| p.0), Some("Moscow".to_string()));
    let (p, _) = placed("The White House criticised the senators on Monday.", "criticised", Some("White House"));
    assert_eq!(p, None, "a venue that is a party is no place");
    // "at" a venue after a party of an event noun (the parser hangs it on the party): where the event was
    let (p, _) = placed("The envoys' meeting with Kenyan officials at the Kremlin ended in a row.", "meeting", None);
    assert_eq!(p.map(|p| p.0), Some("Moscow".to_string()));
    // where the party met is: the parser hangs "at …" on the object
    let (p, _) = placed("The president met the Mexican leader at the Kremlin on Monday.", "met", None);
    assert_eq!(p.map(|p| p.0), Some("Moscow".to_string()));
    // a locative phrase heading a timeline entry before a colon places the entry's acts
    let (p, _) = placed("At the Kremlin : Medvedev meets with Italian President Giorgio Napolitano .", "meets", None);
    assert_eq!(p.map(|p| p.0), Some("Moscow".to_string()));
}

#[test]
fn a_journey_is_placed_where_it_goes_and_a_chain_of_locatives_reaches_the_event() {
    let (p, basis) = placed("The minister's visit to Ohio lasted two days.", "visit", None);
    assert_eq!((p.map(|p| (p.0, p.1)), basis), (Some(("Ohio".to_string(), Some("USA".to_string()))), Some(PlaceBasis::Sentence)));
    // the place visited may be the visit's recipient as well
    let mut doc = event_doc("On a visit to Ohio, the minister praised the farmers.", "visit", None, None);
    let ohio = doc.mentions.iter().find(|m| m.span.text(doc.body()) == "Ohio").expect("Ohio").clone();
    doc.events[0].recipients.push(EventArg { name: ohio.canonical.clone(), kb_id: ohio.kb_id.clone(), country: ohio.country.clone(), sector: None, span: Some(ohio.span) });
    doc.events[0].place = None;
    LANG.place_events(&mut doc);
    assert_eq!(doc.events[0].place.as_ref().map(|p| p.name.as_str()), Some("Ohio"));
    // the place a visit verb takes as its object is where the visit is
    let (p, basis) = placed("The governor visited Ohio to hear from farmers.", "visited", None);
    assert_eq!((p.map(|p| p.0), basis), (Some("Ohio".to_string()), Some(PlaceBasis::Sentence)));
    let (p, _) = placed("The minister gave a speech to Ohio farmers.", "speech", None);
    assert_eq!(p, None, "'to' is no place for a speech");
    let (p, _) = placed("The navy suspended exploration in two areas off the coast of Alaska.", "suspended", None);
    assert_eq!(p.map(|p| p.0), Some("Alaska".to_string()));
}

#[test]
fn where_the_subject_is_places_its_act() {
    let (p, _) = placed("Health officials in Kenya urged residents to stay at home.", "urged", None);
    assert_eq!(p.and_then(|p| p.1), Some("KEN".to_string()));
    let (p, _) = placed("Church elders from Kenya urged residents to stay at home.", "urged", None);
    assert_eq!(p, None, "where someone comes from is not where they act");
}

#[test]
fn a_topic_or_target_place_is_neither_the_place_nor_the_location() {
    let (p, l) = place_and_location("The court upheld a moratorium on fishing in the Gulf of Mexico.", "upheld", Some("Gulf of Mexico"));
    assert_eq!((p, l), (None, None), "the Gulf is where the fishing would be");
    let (p, l) = place_and_location("Officials pledged the biggest relief effort in recent Texas history.", "pledged", Some("Texas"));
    assert_eq!((p, l), (None, None), "history is no place");
    let (p, l) = place_and_location("Lawmakers will question Exxon, which operates in Texas, about its safety record.", "question", Some("Texas"));
    assert_eq!((p.as_deref() == Some("Texas"), l), (false, None), "a clause on Exxon says where Exxon works, not where the questioning is");
    let (p, l) = place_and_location("Rebels fought troops in Misrata on Monday.", "fought", Some("Misrata"));
    assert_eq!((p, l), (Some("Misratah".to_string()), Some("Misrata".to_string())), "the tree's place stays the location");
}

#[test]
fn coordinated_places_are_placed_in_the_country_they_share() {
    let (p, basis) = placed("Rebels fought troops in Misrata, Zawiya and Brega on Monday.", "fought", None);
    assert_eq!((p.map(|p| (p.0, p.1)), basis), (Some(("Libya".to_string(), Some("LBY".to_string()))), Some(PlaceBasis::Sentence)));
}

#[test]
fn a_company_of_another_country_does_not_keep_an_event_from_the_document_country() {
    let body = "Oil reached Louisiana and Florida. Crews worked in Alabama and Texas. Norvik Oil Corp must pay for the clean-up, the senators said.";
    let doc = event_doc(body, "pay", Some("Norvik Oil Corp"), None);
    let mut doc = doc;
    // a British company: its home country is no statement of where it pays
    for m in doc.mentions.iter_mut().filter(|m| m.canonical.contains("Norvik")) {
        m.country = Some("GBR".to_string());
        m.sector = Some("BUS".to_string());
    }
    for a in doc.events[0].actors.iter_mut() {
        a.country = Some("GBR".to_string());
        a.sector = Some("BUS".to_string());
    }
    doc.events[0].place = None;
    LANG.place_events(&mut doc);
    assert_eq!(doc.events[0].place.as_ref().and_then(|p| p.country.clone()).as_deref(), Some("USA"), "{:?}", doc.events[0].place);
}
