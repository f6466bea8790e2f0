//! Hand-built documents for this crate's tests: every layer filled, over a
//! body with non-ASCII names so byte and character offsets differ.

use chrono::NaiveDate;
use chronicle_core::{
    Approx, Block, BlockLabel, DateBasis, DocId, Document, EntityType, Event, EventArg, InputFormat, Mention,
    MentionSource, Metadata, Modality, Place, PlaceBasis, PloverType, PublishedDate, Quantity, Quote, RoleClaim, Sentence, Span,
    TimeExpr, TimeType, Token, TokenSyntax, UncertainDate, Upos,
};

pub(crate) const TITLE: &str = "Talks in Zürich";
pub(crate) const BODY: &str = "Erdoğan met Søren Kjær in Zürich on 3 March 2024. \
Kjær said “the talks were useful” and promised about 200 trucks of aid. \
Finance minister Søren Kjær leads the 2nd delegation.";

/// The span of the `nth` occurrence of `needle` in `text`.
pub(crate) fn span_of(text: &str, needle: &str, nth: usize) -> Span {
    let mut from = 0;
    let mut found = None;
    for _ in 0..=nth {
        let at = from + text[from..].find(needle).expect("needle in text");
        found = Some(at);
        from = at + needle.len();
    }
    let at = found.expect("found");
    Span::new(text, at, at + needle.len()).expect("valid span")
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn mention(body: &str, text: &str, nth: usize, t: EntityType, canonical: &str, kb: Option<&str>, country: Option<&str>) -> Mention {
    Mention {
        span: span_of(body, text, nth),
        entity_type: t,
        canonical: canonical.to_string(),
        kb_id: kb.map(str::to_string),
        country: country.map(str::to_string),
        sector: if t == EntityType::Person { Some("GOV".to_string()) } else { None },
        source: MentionSource::Tagger,
    }
}

fn arg(body: &str, m: &Mention) -> EventArg {
    EventArg {
        name: m.canonical.clone(),
        kb_id: m.kb_id.clone(),
        country: m.country.clone(),
        sector: m.sector.clone(),
        span: Some(m.span).filter(|s| s.end() <= body.len()),
    }
}

/// A plain document over `body` with no layers; the id comes from the body.
pub(crate) fn plain(source: &str, body: &str) -> Document {
    let meta = Metadata { title: Some(format!("about {source}")), language: Some("en".to_string()), ..Metadata::default() };
    Document::new(
        DocId::from_text(body),
        source.to_string(),
        InputFormat::Text,
        body.as_bytes().to_vec(),
        body.to_string(),
        body.to_string(),
        meta,
    )
}

/// A document with every layer filled.
pub(crate) fn full() -> Document {
    let extracted = format!("{TITLE}\n{BODY}\nShare this article");
    // Raw bytes that are not valid UTF-8, to prove they are kept byte for byte.
    let mut raw = extracted.as_bytes().to_vec();
    raw.extend_from_slice(&[0xff, 0xfe, 0x00, 0x80]);
    let published = PublishedDate { date: UncertainDate::day(day("2024-03-04")), basis: DateBasis::Explicit };
    let meta = Metadata {
        url: Some("https://news.example/zurich".to_string()),
        outlet: Some("Example News".to_string()),
        title: Some(TITLE.to_string()),
        published,
        published_hint: Some("4 March 2024".to_string()),
        crawled: day("2024-03-05").and_hms_opt(10, 0, 0),
        crawled_hint: None,
        language: Some("en".to_string()),
        encoding: Some("utf-8".to_string()),
        appended_to: None,
        duplicate_of: None,
        story: Some("s:0123456789abcdef".to_string()),
        genre: chronicle_core::Genre::Article,
    };
    let mut doc = Document::new(
        DocId::from_text(BODY),
        "examples/zurich.txt".to_string(),
        InputFormat::Text,
        raw,
        extracted.clone(),
        BODY.to_string(),
        meta,
    );
    let b = BODY;
    doc.blocks = vec![
        Block { span: span_of(&extracted, TITLE, 0), label: BlockLabel::Title, reason: "first line".to_string() },
        Block { span: span_of(&extracted, BODY, 0), label: BlockLabel::Body, reason: "long prose".to_string() },
        Block {
            span: span_of(&extracted, "Share this article", 0),
            label: BlockLabel::Boilerplate,
            reason: "share pitch".to_string(),
        },
    ];
    let first_end = b.find(". ").map(|i| i + 1).unwrap_or(b.len());
    let second_start = first_end + 1;
    let second_end = second_start + b[second_start..].find(". ").map(|i| i + 1).unwrap_or(0);
    doc.sentences = vec![
        Sentence { span: Span::new(b, 0, first_end).unwrap() },
        Sentence { span: Span::new(b, second_start, second_end).unwrap() },
        Sentence { span: Span::new(b, second_end + 1, b.len()).unwrap() },
    ];
    // The first sentence's first words, parsed (heads are token indices).
    let arcs = [
        ("Erdoğan", Upos::Propn, "NNP", "Erdoğan", Some(1), "nsubj"),
        ("met", Upos::Verb, "VBD", "meet", None, "root"),
        ("Søren", Upos::Propn, "NNP", "Søren", Some(1), "obj"),
        ("Kjær", Upos::Propn, "NNP", "Kjær", Some(2), "flat"),
    ];
    doc.tokens = arcs
        .iter()
        .map(|&(w, upos, xpos, lemma, head, deprel)| Token {
            span: span_of(b, w, 0),
            syntax: Some(TokenSyntax { upos, xpos: xpos.into(), lemma: lemma.into(), head, deprel: deprel.into() }),
        })
        .collect();
    let erdogan = mention(b, "Erdoğan", 0, EntityType::Person, "Recep Tayyip Erdoğan", Some("recep-tayyip-erdogan"), Some("TUR"));
    let kjaer1 = mention(b, "Søren Kjær", 0, EntityType::Person, "Søren Kjær", None, Some("DNK"));
    let zurich = mention(b, "Zürich", 0, EntityType::Location, "Zürich", None, Some("CHE"));
    let kjaer2 = mention(b, "Kjær", 1, EntityType::Person, "Søren Kjær", None, Some("DNK"));
    let kjaer3 = mention(b, "Søren Kjær", 1, EntityType::Person, "Søren Kjær", None, None);
    doc.mentions = vec![erdogan.clone(), kjaer1.clone(), zurich.clone(), kjaer2, kjaer3];
    doc.roles = vec![RoleClaim {
        person: "Søren Kjær".to_string(),
        kb_id: None,
        title: "finance minister".to_string(),
        of: Some("DNK".to_string()),
        evidence: span_of(b, "Finance minister Søren Kjær", 0),
        as_of: UncertainDate::day(day("2024-03-04")),
    }];
    doc.times = vec![TimeExpr {
        span: span_of(b, "3 March 2024", 0),
        time_type: TimeType::Date,
        value: Some("2024-03-03".to_string()),
        resolved: UncertainDate::day(day("2024-03-03")),
        modifies: None,
    }];
    let trucks = Quantity {
        span: span_of(b, "about 200 trucks of aid", 0),
        value: 200.0,
        approx: Some(Approx::About),
        unit: None,
        counts: Some("trucks of aid".to_string()),
        ordinal: false,
    };
    let second = Quantity {
        span: span_of(b, "2nd", 0),
        value: 2.0,
        approx: None,
        unit: None,
        counts: Some("delegation".to_string()),
        ordinal: true,
    };
    doc.quantities = vec![trucks.clone(), second];
    doc.quotes = vec![Quote {
        span: span_of(b, "the talks were useful", 0),
        direct: true,
        cue: Some("said".to_string()),
        cue_span: Some(span_of(b, "said", 0)),
        speaker_text: Some("Kjær".to_string()),
        speaker_span: Some(span_of(b, "Kjær", 1)),
        speaker: Some("Søren Kjær".to_string()),
        speaker_kb_id: None,
        affiliation: Some("DNK".to_string()),
    }];
    doc.events = vec![
        Event {
            event_type: PloverType::Consult,
            mode: Some("meet".to_string()),
            context: vec!["diplomacy".to_string()],
            cameo: Some("04".to_string()),
            actors: vec![arg(b, &erdogan)],
            recipients: vec![arg(b, &kjaer1)],
            date: UncertainDate::day(day("2024-03-03")),
            location: Some(arg(b, &zurich)),
            place: Some(Place {
                name: "Zürich".to_string(),
                geonames_id: Some(2657896),
                country: Some("CHE".to_string()),
                lat: Some(47.3667),
                lon: Some(8.55),
                basis: Some(PlaceBasis::Sentence),
            }),
            quantities: vec![],
            modality: Modality::Asserted,
            attributed_to: None,
            items: vec![],
            sentence: doc.sentences[0].span,
            trigger: span_of(b, "met", 0),
            rule: "meet-verb".to_string(),
        },
        Event {
            event_type: PloverType::Aid,
            mode: None,
            context: vec![],
            cameo: Some("07".to_string()),
            actors: vec![EventArg {
                name: "Søren Kjær".to_string(),
                kb_id: None,
                country: Some("DNK".to_string()),
                sector: None,
                span: None,
            }],
            recipients: vec![EventArg {
                name: "aid convoy committee".to_string(),
                kb_id: None,
                country: None,
                sector: None,
                span: None,
            }],
            date: UncertainDate::between(Some(day("2024-03-04")), None),
            location: None,
            place: None,
            quantities: vec![trucks],
            modality: Modality::Proposed,
            attributed_to: Some("Søren Kjær".to_string()),
            items: vec!["trucks".to_string()],
            sentence: doc.sentences[1].span,
            trigger: span_of(b, "promised", 0),
            rule: "promise-verb".to_string(),
        },
    ];
    doc
}
