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
    let p = doc.events[0].place.clone();
    (p.as_ref().map(|p| (p.name.clone(), p.country.clone(), p.lat.is_some())), p.and_then(|p| p.basis))
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
