//! Prints the entity layer of a text file: `ner_dump FILE [YYYY-MM-DD]`.
use chronicle_core::{DateBasis, DocId, Document, InputFormat, Metadata, PublishedDate, UncertainDate};
fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let body = std::fs::read_to_string(&path).expect("readable file");
    let mut meta = Metadata::default();
    if let Some(d) = std::env::args().nth(2) {
        meta.published = PublishedDate { date: UncertainDate::parse_value(&d).expect("date"), basis: DateBasis::Explicit };
    }
    let lang = chronicle_language::Language::load().expect("data");
    let mut doc = Document::new(DocId::from_text(&body), path, InputFormat::Text, Vec::new(), body.clone(), body, meta);
    chronicle_language::sentence::annotate(&mut doc);
    lang.ner.annotate(&lang.kb, &mut doc);
    for m in &doc.mentions {
        println!("{:<12} {:<30} -> {:<28} {:<24} {:<5} {:<4} {:?}", m.entity_type.as_str(), m.span.text(doc.body()), m.canonical, m.kb_id.as_deref().unwrap_or("-"), m.country.as_deref().unwrap_or("-"), m.sector.as_deref().unwrap_or("-"), m.source);
    }
    for r in &doc.roles {
        println!("ROLE {} | {} | {:?} | {}", r.person, r.title, r.of, r.evidence.text(doc.body()));
    }
}
