//! Titles, appositions, honorifics, coreference and role nouns on small
//! made-up texts (one phenomenon each).
use chronicle_core::{DateBasis, DocId, Document, EntityType, InputFormat, Mention, MentionSource, Metadata, PublishedDate, UncertainDate};
use chronicle_language::Language;
use std::sync::LazyLock;

static LANG: LazyLock<Language> = LazyLock::new(|| Language::load().expect("language data loads"));

fn annotate(body: &str, date: Option<&str>) -> Document {
    let mut meta = Metadata::default();
    if let Some(d) = date {
        meta.published = PublishedDate { date: UncertainDate::parse_value(d).unwrap(), basis: DateBasis::Explicit };
    }
    let mut doc = Document::new(DocId::from_text(body), "t".into(), InputFormat::Text, Vec::new(), body.into(), body.into(), meta);
    chronicle_language::sentence::annotate(&mut doc);
    LANG.ner.annotate(&LANG.kb, &mut doc);
    doc
}

fn mention<'a>(doc: &'a Document, text: &str, nth: usize) -> &'a Mention {
    doc.mentions
        .iter()
        .filter(|m| m.span.text(doc.body()) == text)
        .nth(nth)
        .unwrap_or_else(|| panic!("no mention {text:?} #{nth} in {:?}", doc.mentions.iter().map(|m| m.span.text(doc.body())).collect::<Vec<_>>()))
}

fn roles(doc: &Document) -> Vec<(String, String, Option<String>)> {
    doc.roles.iter().map(|r| (r.person.clone(), r.title.clone(), r.of.clone())).collect()
}

#[test]
fn title_before_name_gives_person_and_role() {
    let doc = annotate("Polish Defence Minister Tomasz Wierzbicki arrived in Vilnius on Tuesday.", Some("2024-03-05"));
    let m = mention(&doc, "Tomasz Wierzbicki", 0);
    assert_eq!(m.entity_type, EntityType::Person);
    assert_eq!(roles(&doc), vec![("Tomasz Wierzbicki".into(), "defence minister".into(), Some("POL".into()))]);
    let r = &doc.roles[0];
    assert_eq!(r.evidence.text(doc.body()), "Polish Defence Minister Tomasz Wierzbicki");
    assert_eq!(r.as_of.value.as_deref(), Some("2024-03-05"));
}

#[test]
fn apposition_in_both_orders() {
    let doc = annotate("Anna Kowalczyk, Poland's chief negotiator, rejected the offer. Brazil's lead negotiator, Marcos Teixeira, said nothing.", None);
    let r = roles(&doc);
    assert!(r.contains(&("Anna Kowalczyk".into(), "chief negotiator".into(), Some("POL".into()))), "{r:?}");
    assert!(r.contains(&("Marcos Teixeira".into(), "lead negotiator".into(), Some("BRA".into()))), "{r:?}");
    let doc = annotate("The team was led by Tom Harris, the special envoy for Ukraine and Moldova, on Monday.", None);
    assert_eq!(roles(&doc), vec![("Tom Harris".into(), "special envoy for ukraine and moldova".into(), None)]);
    let doc = annotate("The talks were led by Lena Moreau, the French envoy, and others.", None);
    assert_eq!(roles(&doc), vec![("Lena Moreau".into(), "envoy".into(), Some("FRA".into()))]);
}

#[test]
fn honorific_short_forms_corefer_with_the_full_name() {
    let doc = annotate("Tomasz Wierzbicki met Sir Alan Pryce in London. Mr Wierzbicki said the meeting went well. Sir Alan agreed, and Wierzbicki left.", None);
    for (text, nth) in [("Wierzbicki", 0), ("Wierzbicki", 1)] {
        let m = mention(&doc, text, nth);
        assert_eq!(m.canonical, "Tomasz Wierzbicki");
        assert_eq!(m.source, MentionSource::Coref);
    }
    let alan = mention(&doc, "Alan", 0);
    assert_eq!(alan.canonical, "Alan Pryce");
    assert_eq!(alan.entity_type, EntityType::Person);
}

#[test]
fn ambiguous_short_forms_stay_unresolved() {
    let doc = annotate("John Miller met Sarah Miller in Paris. Mr Miller spoke first.", None);
    let m = mention(&doc, "Miller", 0);
    assert_eq!(m.canonical, "Miller");
}

#[test]
fn knowledge_base_folds_diacritics_and_links_people() {
    let doc = annotate("Recep Tayyip Erdoğan spoke in Ankara. Later Erdogan met reporters.", Some("2025-05-16"));
    let full = mention(&doc, "Recep Tayyip Erdoğan", 0);
    let short = mention(&doc, "Erdogan", 0);
    assert_eq!(full.kb_id, short.kb_id);
    assert_eq!(full.kb_id.as_deref(), Some("recep-tayyip-erdogan"));
    assert_eq!(full.country.as_deref(), Some("TUR"));
    let ankara = mention(&doc, "Ankara", 0);
    assert_eq!((ankara.entity_type, ankara.country.as_deref()), (EntityType::Location, Some("TUR")));
}

#[test]
fn kb_entities_get_types_countries_and_sectors() {
    let doc = annotate("The Kremlin said Ukrainian troops had left Kiev region, and NATO disagreed.", None);
    let k = mention(&doc, "Kremlin", 0);
    assert_eq!((k.entity_type, k.country.as_deref(), k.sector.as_deref()), (EntityType::Organization, Some("RUS"), Some("GOV")));
    let u = mention(&doc, "Ukrainian", 0);
    assert_eq!((u.entity_type, u.country.as_deref()), (EntityType::Group, Some("UKR")));
    assert_eq!(mention(&doc, "NATO", 0).entity_type, EntityType::Organization);
}

#[test]
fn role_nouns_resolve_to_the_stated_or_kb_holder() {
    // tied by the text
    let doc = annotate("Talks were chaired by Lena Moreau, the French envoy. The envoy said progress was slow.", None);
    let m = mention(&doc, "envoy", 0);
    assert_eq!((m.entity_type, m.canonical.as_str(), m.source), (EntityType::Person, "Lena Moreau", MentionSource::Coref));
    // tied by the KB at the document's exact date
    let doc = annotate("The French president will travel to Rome on Monday.", Some("2024-02-10"));
    let m = mention(&doc, "president", 0);
    assert_eq!(m.kb_id.as_deref(), Some("emmanuel-macron"));
    // the same words at a date before his term: someone else
    let doc = annotate("The French president will travel to Rome on Monday.", Some("2015-02-10"));
    assert_eq!(mention(&doc, "president", 0).kb_id.as_deref(), Some("francois-hollande"));
    // no date: never guessed
    let doc = annotate("The French president will travel to Rome on Monday.", None);
    assert!(doc.mentions.iter().all(|m| m.span.text(doc.body()) != "president"));
}

#[test]
fn ambiguous_role_nouns_are_not_resolved() {
    let doc = annotate("Lena Moreau, the French envoy, met Tom Harris, the British envoy. The envoy said little.", None);
    assert_eq!(doc.roles.len(), 2);
    assert!(doc.mentions.iter().filter(|m| m.span.text(doc.body()) == "envoy").all(|m| m.entity_type != EntityType::Person || m.source != MentionSource::Coref));
}

#[test]
fn military_ranks_and_coordinated_titles() {
    let doc = annotate("Lt. Gen. Ivan Sorokin inspected the troops.", None);
    assert_eq!(mention(&doc, "Ivan Sorokin", 0).entity_type, EntityType::Person);
    assert_eq!(doc.roles[0].title, "lt. gen.");
    let doc = annotate("Brazil's chief negotiator and Foreign Minister Marcos Teixeira spoke.", None);
    let r = roles(&doc);
    assert!(r.contains(&("Marcos Teixeira".into(), "foreign minister".into(), Some("BRA".into()))), "{r:?}");
    assert!(r.contains(&("Marcos Teixeira".into(), "chief negotiator".into(), Some("BRA".into()))), "{r:?}");
}

#[test]
fn a_capitalised_run_after_a_title_that_ends_in_an_institution_is_no_person() {
    let doc = annotate("Ana Ruiz heads the spill division of the Oaxaca General Land Office, which is sending boats.", Some("2024-03-05"));
    assert!(
        !doc.mentions.iter().any(|m| m.entity_type == EntityType::Person && m.span.text(doc.body()).contains("Office")),
        "{:?}",
        doc.mentions.iter().map(|m| (m.span.text(doc.body()), m.entity_type)).collect::<Vec<_>>()
    );
    // a state's commissioner before a name is a title
    let doc = annotate("Oaxaca Land Commissioner Jorge Patino promised the coast would be cleaned.", Some("2024-03-05"));
    assert_eq!(mention(&doc, "Jorge Patino", 0).entity_type, EntityType::Person);
}

#[test]
fn a_sea_named_after_a_country_is_one_place_of_no_country() {
    // as a modifier the tagger splits it and the knowledge base reads the country inside
    let doc = annotate("Fishermen blamed the Persian Gulf oil slick and a Strait of Hormuz tanker crash on the companies.", None);
    for sea in ["Persian Gulf", "Strait of Hormuz"] {
        let m = mention(&doc, sea, 0);
        assert_eq!((m.entity_type, m.country.as_deref()), (EntityType::Location, None), "{sea}");
    }
    let doc = annotate("Ships from the Gulf of Mexico fleet reached Mexico on Monday.", None);
    assert_eq!(mention(&doc, "Gulf of Mexico", 0).country, None);
    assert_eq!(mention(&doc, "Mexico", 0).country.as_deref(), Some("MEX"), "the country named on its own");
    assert_eq!(doc.mentions.iter().filter(|m| m.span.text(doc.body()) == "Mexico").count(), 1);
}
