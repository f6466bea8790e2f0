//! Quotes on the demo corpus (examples/istanbul-talks): every direct quote
//! carries the right speaker phrase, and a speaker only when it can be resolved.
//! Person/group mentions are added by hand here (the test stands in for the
//! entity layer), so that pronoun and mention resolution is exercised.
use chronicle_core::{
    DocId, Document, EntityType, InputFormat, Mention, MentionSource, Metadata, Quote, Span,
    UncertainDate,
};
use chrono::NaiveDate;

fn load(name: &str, date: &str) -> Option<Document> {
    let path = format!("{}/../../examples/istanbul-talks/{name}", env!("CARGO_MANIFEST_DIR"));
    let body = std::fs::read_to_string(path).ok()?;
    let mut meta = Metadata::default();
    meta.published.date = UncertainDate::day(NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?);
    Some(Document::new(DocId::from_text(&body), name.into(), InputFormat::Text, Vec::new(), body.clone(), body, meta))
}

/// Adds a mention at every occurrence of `surface`.
fn mention_all(doc: &mut Document, surface: &str, t: EntityType, canonical: &str, country: Option<&str>) {
    let body = doc.body().to_string();
    for (i, _) in body.match_indices(surface) {
        let span = Span::new(&body, i, i + surface.len()).unwrap();
        if doc.mentions.iter().any(|m| m.span.overlaps(span)) {
            continue;
        }
        doc.mentions.push(Mention {
            span,
            entity_type: t,
            canonical: canonical.into(),
            kb_id: None,
            country: country.map(String::from),
            sector: None,
            source: MentionSource::Kb,
        });
    }
    doc.mentions.sort_by_key(|m| m.span);
}

fn annotate(doc: &mut Document) {
    chronicle_language::time::annotate(doc);
    chronicle_language::quote::annotate(doc);
}

fn find<'a>(doc: &'a Document, words: &str) -> &'a Quote {
    doc.quotes
        .iter()
        .find(|q| q.direct && q.span.text(doc.body()).contains(words))
        .unwrap_or_else(|| panic!("no direct quote with {words:?}"))
}

fn check(doc: &Document, words: &str, speaker_text: Option<&str>, speaker: Option<&str>) {
    let q = find(doc, words);
    assert_eq!(q.speaker_text.as_deref(), speaker_text, "speaker text of {words:?}");
    assert_eq!(q.speaker.as_deref(), speaker, "speaker of {words:?}");
    if let Some(sp) = q.speaker_span {
        assert_eq!(Some(sp.text(doc.body())), q.speaker_text.as_deref());
    }
}

#[test]
fn afp_istanbul_quotes() {
    let Some(mut doc) = load("002_47f190533f14312e.txt", "2025-07-23") else { return };
    mention_all(&mut doc, "Dmitry Peskov", EntityType::Person, "Dmitry Peskov", Some("RUS"));
    mention_all(&mut doc, "Ukrainian", EntityType::Group, "Ukrainians", Some("UKR"));
    mention_all(&mut doc, "Volodymyr Zelensky", EntityType::Person, "Volodymyr Zelensky", Some("UKR"));
    mention_all(&mut doc, "Vladimir Putin", EntityType::Person, "Vladimir Putin", Some("RUS"));
    mention_all(&mut doc, "the Kremlin", EntityType::Organization, "Kremlin", Some("RUS"));
    annotate(&mut doc);
    check(&doc, "No one expects an easy road", Some("Kremlin spokesman Dmitry Peskov"), Some("Dmitry Peskov"));
    assert_eq!(find(&doc, "No one expects").cue.as_deref(), Some("told"));
    check(&doc, "It will be very difficult", Some("he"), Some("Dmitry Peskov"));
    assert_eq!(find(&doc, "very difficult").cue.as_deref(), Some("added"));
    let src = find(&doc, "Everything will depend");
    assert_eq!(src.speaker_text.as_deref(), Some("a source in the Ukrainian delegation"));
    assert_eq!(src.speaker, None, "an anonymous source is never named");
    assert_eq!(src.affiliation.as_deref(), Some("UKR"));
    check(&doc, "This will determine whether results", Some("the source"), None);
    // a scare quote with no cue has no speaker
    check(&doc, "50 days", None, None);
}

#[test]
fn telegraph_istanbul_quotes() {
    let Some(mut doc) = load("000_dc37043c5ad9ffed.txt", "2025-05-16") else { return };
    mention_all(&mut doc, "Mr Medinsky", EntityType::Person, "Vladimir Medinsky", Some("RUS"));
    mention_all(&mut doc, "Vladimir Medinsky", EntityType::Person, "Vladimir Medinsky", Some("RUS"));
    mention_all(&mut doc, "Sir Keir Starmer", EntityType::Person, "Keir Starmer", Some("GBR"));
    mention_all(&mut doc, "Sir Keir", EntityType::Person, "Keir Starmer", Some("GBR"));
    mention_all(&mut doc, "Mr Zelensky", EntityType::Person, "Volodymyr Zelensky", Some("UKR"));
    mention_all(&mut doc, "Mr Trump", EntityType::Person, "Donald Trump", Some("USA"));
    mention_all(&mut doc, "Putin", EntityType::Person, "Vladimir Putin", Some("RUS"));
    mention_all(&mut doc, "Ursula von der Leyen", EntityType::Person, "Ursula von der Leyen", Some("EU"));
    mention_all(&mut doc, "Cardinal Pietro Parolin", EntityType::Person, "Pietro Parolin", Some("VAT"));
    annotate(&mut doc);
    check(&doc, "We don't want war", Some("Mr Medinsky"), Some("Vladimir Medinsky"));
    check(&doc, "So as a result of that meeting", Some("Sir Keir"), Some("Keir Starmer"));
    check(&doc, "There needs to be a strong reaction", Some("he"), Some("Volodymyr Zelensky"));
    check(&doc, "As soon as we can set it up, I would", Some("Mr Trump"), Some("Donald Trump"));
    // a role the entity layer has not resolved stays unnamed, its country kept
    let spokesman = find(&doc, "A summit must be set up");
    assert_eq!(spokesman.speaker_text.as_deref(), Some("Putin's spokesman"));
    assert_eq!(spokesman.speaker, None);
    assert_eq!(spokesman.affiliation.as_deref(), Some("RUS"));
    check(&doc, "We want peace", Some("she"), Some("Ursula von der Leyen"));
    check(&doc, "It's all tragic", Some("Cardinal Pietro Parolin"), Some("Pietro Parolin"));
    check(&doc, "Next time it will be five", Some("Russian negotiators"), None);
    // "He said: '…'" after a sentence whose subject is a role ("The Prime Minister"): no guess
    let pm = find(&doc, "The prisoner swaps is obviously a good thing");
    assert_eq!(pm.speaker_text.as_deref(), Some("He"));
    assert!(pm.speaker.is_none() || pm.speaker.as_deref() == Some("Keir Starmer"));
    // apostrophes inside quotes do not cut them
    assert!(find(&doc, "We don't want war").span.text(doc.body()).contains("How long are you ready to fight?"));
}

#[test]
fn al_jazeera_istanbul_quotes() {
    let Some(mut doc) = load("004_b279f3c4a7ccf51b.txt", "2025-06-02") else { return };
    mention_all(&mut doc, "Rustem Umerov", EntityType::Person, "Rustem Umerov", Some("UKR"));
    mention_all(&mut doc, "Medinsky", EntityType::Person, "Vladimir Medinsky", Some("RUS"));
    mention_all(&mut doc, "Andrey Fedorov", EntityType::Person, "Andrey Fedorov", Some("RUS"));
    mention_all(&mut doc, "Recep Tayyip Erdogan", EntityType::Person, "Recep Tayyip Erdogan", Some("TUR"));
    mention_all(&mut doc, "Goncharenko", EntityType::Person, "Oleksiy Goncharenko", Some("UKR"));
    annotate(&mut doc);
    check(
        &doc,
        "We agreed to exchange all-for-all",
        Some("Ukraine's lead negotiator and Defence Minister Rustem Umerov"),
        Some("Rustem Umerov"),
    );
    check(&doc, "We have proposed a specific ceasefire", Some("Russia's lead negotiator Medinsky"), Some("Vladimir Medinsky"));
    check(&doc, "Russia clearly shows", Some("Goncharenko"), Some("Oleksiy Goncharenko"));
    check(&doc, "All the main political questions", Some("he"), Some("Andrey Fedorov"));
    check(&doc, "My greatest wish", Some("he"), Some("Recep Tayyip Erdogan"));
    check(&doc, "Nothing's going to happen", Some("Trump"), None);
}

#[test]
fn france24_soldier_stays_anonymous() {
    let Some(mut doc) = load("001_c2f305a5063d9f21.txt", "2025-05-16") else { return };
    mention_all(&mut doc, "Zelenskyy", EntityType::Person, "Volodymyr Zelenskyy", Some("UKR"));
    annotate(&mut doc);
    // "a Ukrainian soldier … he stated": no named antecedent, so no speaker
    check(&doc, "I don't think they will agree", Some("he"), None);
    check(&doc, "If the Russian representatives in Istanbul", Some("he"), Some("Volodymyr Zelenskyy"));
}

#[test]
fn every_speaker_has_its_words() {
    for (name, date) in [
        ("000_dc37043c5ad9ffed.txt", "2025-05-16"),
        ("001_c2f305a5063d9f21.txt", "2025-05-16"),
        ("002_47f190533f14312e.txt", "2025-07-23"),
        ("003_1ab1a1e8cfb25cf6.txt", "2025-05-17"),
        ("004_b279f3c4a7ccf51b.txt", "2025-06-02"),
    ] {
        let Some(mut doc) = load(name, date) else { continue };
        annotate(&mut doc);
        assert!(doc.quotes.iter().any(|q| q.direct), "{name}");
        for q in &doc.quotes {
            assert!(q.speaker.is_none(), "{name}: no mention layer, so no speaker may be named");
            assert_eq!(q.speaker_text.is_some(), q.speaker_span.is_some());
            assert_eq!(q.cue.is_some(), q.cue_span.is_some());
        }
    }
}
