//! The entity layer on the demo corpus (examples/istanbul-talks).
use chronicle_core::{DocId, Document, EntityType, InputFormat, Metadata, PublishedDate, UncertainDate, DateBasis};
use chronicle_language::Language;
use std::sync::LazyLock;

static LANG: LazyLock<Language> = LazyLock::new(|| Language::load().expect("language data loads"));

fn demo(name: &str, date: Option<&str>) -> Document {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/istanbul-talks");
    let path = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).find(|p| p.file_name().unwrap().to_string_lossy().starts_with(name)).unwrap();
    let body = std::fs::read_to_string(path).unwrap();
    let mut meta = Metadata::default();
    if let Some(d) = date {
        meta.published = PublishedDate { date: UncertainDate::parse_value(d).unwrap(), basis: DateBasis::Explicit };
    }
    let mut doc = Document::new(DocId::from_text(&body), name.into(), InputFormat::Text, Vec::new(), body.clone(), body, meta);
    chronicle_language::sentence::annotate(&mut doc);
    LANG.ner.annotate(&LANG.kb, &mut doc);
    doc
}

fn has_role(doc: &Document, kb_id: &str, title: &str, of: &str) -> bool {
    doc.roles.iter().any(|r| r.kb_id.as_deref() == Some(kb_id) && r.title == title && r.of.as_deref() == Some(of))
}

fn person_mentions(doc: &Document, kb_id: &str) -> usize {
    doc.mentions.iter().filter(|m| m.entity_type == EntityType::Person && m.kb_id.as_deref() == Some(kb_id)).count()
}

fn role_list(doc: &Document) -> Vec<String> {
    doc.roles.iter().map(|r| format!("{} | {} | {:?} | {}", r.person, r.title, r.of, r.evidence.text(doc.body()))).collect()
}

#[test]
fn delegation_heads_are_persons_with_their_stated_offices() {
    // The Telegraph piece: "Vladimir Medinsky, Russia's lead negotiator" and
    // "led by Rustem Umerov, the defence minister"
    let doc = demo("000", Some("2025-05-16"));
    assert!(has_role(&doc, "vladimir-medinsky", "lead negotiator", "RUS"), "{:#?}", role_list(&doc));
    assert!(has_role(&doc, "rustem-umerov", "defence minister", "UKR"), "{:#?}", role_list(&doc));
    assert!(person_mentions(&doc, "vladimir-medinsky") >= 2, "full name and 'Mr Medinsky'");
    assert!(person_mentions(&doc, "rustem-umerov") >= 2, "full name and 'Mr Umerov'");
    // "led by Defence Minister Rustem Umerov ... headed by presidential aide Vladimir Medinsky"
    let doc = demo("001", None);
    assert!(has_role(&doc, "rustem-umerov", "defence minister", "UKR"), "{:#?}", role_list(&doc));
    assert!(has_role(&doc, "vladimir-medinsky", "presidential aide", "RUS"), "{:#?}", role_list(&doc));
    // "Ukraine's lead negotiator and Defence Minister Rustem Umerov", "Russia's lead negotiator, Vladimir Medinsky"
    let doc = demo("004", None);
    assert!(has_role(&doc, "rustem-umerov", "lead negotiator", "UKR"), "{:#?}", role_list(&doc));
    assert!(has_role(&doc, "rustem-umerov", "defence minister", "UKR"), "{:#?}", role_list(&doc));
    assert!(has_role(&doc, "vladimir-medinsky", "lead negotiator", "RUS"), "{:#?}", role_list(&doc));
}

#[test]
fn short_forms_and_role_nouns_resolve_on_the_demo() {
    let doc = demo("000", Some("2025-05-16"));
    let body = doc.body();
    let find = |text: &'static str| doc.mentions.iter().filter(move |m| m.span.text(body) == text);
    // "Mr Zelensky" and "Sir Keir" take the full names
    assert!(find("Zelensky").all(|m| m.kb_id.as_deref() == Some("volodymyr-zelensky")));
    assert!(find("Keir").all(|m| m.canonical == "Keir Starmer"));
    // "The Prime Minister held talks with Mr Zelensky" is the UK prime minister named before
    let pm: Vec<_> = find("Prime Minister").collect();
    assert!(!pm.is_empty() && pm.iter().all(|m| m.kb_id.as_deref() == Some("keir-starmer")), "{pm:?}");
    // "the Kremlin" is an organisation of Russia's government
    assert!(find("Kremlin").all(|m| m.entity_type == EntityType::Organization && m.country.as_deref() == Some("RUS")));
}
