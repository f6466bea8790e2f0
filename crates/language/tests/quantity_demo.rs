//! Quantities on the demo corpus: prisoners, bodies, children, drones, with what they count.
use chronicle_core::{Approx, DocId, Document, InputFormat, Metadata, Quantity, UncertainDate};
use chrono::NaiveDate;

fn load(name: &str, date: &str) -> Option<Document> {
    let path = format!("{}/../../examples/istanbul-talks/{name}", env!("CARGO_MANIFEST_DIR"));
    let body = std::fs::read_to_string(path).ok()?;
    let mut meta = Metadata::default();
    meta.published.date = UncertainDate::day(NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?);
    let mut doc = Document::new(DocId::from_text(&body), name.into(), InputFormat::Text, Vec::new(), body.clone(), body, meta);
    chronicle_language::time::annotate(&mut doc);
    chronicle_language::quantity::annotate(&mut doc);
    Some(doc)
}

fn find<'a>(doc: &'a Document, text: &str) -> &'a Quantity {
    doc.quantities
        .iter()
        .find(|q| q.span.text(doc.body()) == text)
        .unwrap_or_else(|| panic!("no quantity {text:?} in {:?}", doc.quantities.iter().map(|q| q.span.text(doc.body())).collect::<Vec<_>>()))
}

fn check(doc: &Document, text: &str, value: f64, approx: Option<Approx>, unit: Option<&str>, counts: Option<&str>) {
    let q = find(doc, text);
    assert!((q.value - value).abs() <= value.abs() * 1e-9, "{text}: {}", q.value);
    assert_eq!(q.approx, approx, "{text}");
    assert_eq!(q.unit.as_deref(), unit, "{text}");
    assert_eq!(q.counts.as_deref(), counts, "{text}");
}

#[test]
fn prisoners_bodies_children() {
    let Some(doc) = load("004_b279f3c4a7ccf51b.txt", "2025-06-02") else { return };
    check(&doc, "6,000 soldiers", 6000.0, None, None, Some("soldiers"));
    check(&doc, "nearly 400 abducted Ukrainian children", 400.0, Some(Approx::About), None, Some("abducted Ukrainian children"));
    check(&doc, "10 of them", 10.0, None, None, Some("them"));
    check(&doc, "more than 40 Russian warplanes", 40.0, Some(Approx::MoreThan), None, Some("Russian warplanes"));
    check(&doc, "at least 1,000", 1000.0, Some(Approx::AtLeast), None, None);
    check(&doc, "at least 13 people", 13.0, Some(Approx::AtLeast), None, Some("people"));
    // dates are not quantities
    assert!(!doc.quantities.iter().any(|q| q.value == 16.0 || q.value == 2022.0));
}

#[test]
fn troops_drones_people() {
    let Some(doc) = load("000_dc37043c5ad9ffed.txt", "2025-05-16") else { return };
    check(&doc, "1,000 captive troops", 1000.0, None, None, Some("captive troops"));
    check(&doc, "200 tankers", 200.0, None, None, Some("tankers"));
    check(&doc, "about $200 billion", 200e9, Some(Approx::About), Some("USD"), None);
    check(&doc, "3.4%", 3.4, None, Some("%"), None);
    check(&doc, "Over 1.5 million drones", 1.5e6, Some(Approx::MoreThan), None, Some("drones"));
    let ord = find(&doc, "18th sanctions package");
    assert!(ord.ordinal);
    assert_eq!(ord.value, 18.0);
    assert_eq!(ord.counts.as_deref(), Some("sanctions package"));
    // the years of the Great Northern War are dates
    assert!(!doc.quantities.iter().any(|q| q.value == 1700.0 || q.value == 1721.0));

    let Some(afp) = load("002_47f190533f14312e.txt", "2025-07-23") else { return };
    check(&afp, "71 drones", 71.0, None, None, Some("drones"));
    check(&afp, "more than 220,000 people", 220000.0, Some(Approx::MoreThan), None, Some("people"));
    check(&afp, "50 days", 50.0, None, Some("day"), None);

    let Some(f24) = load("001_c2f305a5063d9f21.txt", "2025-05-16") else { return };
    check(&f24, "over 12,000 Ukrainian civilian lives", 12000.0, Some(Approx::MoreThan), None, Some("Ukrainian civilian lives"));
    check(&f24, "47 European nations", 47.0, None, None, Some("European nations"));
    // an age is not a count
    assert!(!f24.quantities.iter().any(|q| q.value == 55.0));
}
