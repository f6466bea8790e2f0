//! Time expressions on the demo corpus, including a document whose date is only bounded.
use chronicle_core::{DocId, Document, InputFormat, Metadata, TimeExpr, TimeType, UncertainDate};
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn load(name: &str, date: UncertainDate) -> Option<Document> {
    let path = format!("{}/../../examples/istanbul-talks/{name}", env!("CARGO_MANIFEST_DIR"));
    let body = std::fs::read_to_string(path).ok()?;
    let mut meta = Metadata::default();
    meta.published.date = date;
    let mut doc = Document::new(DocId::from_text(&body), name.into(), InputFormat::Text, Vec::new(), body.clone(), body, meta);
    chronicle_language::time::annotate(&mut doc);
    Some(doc)
}

fn first<'a>(doc: &'a Document, text: &str) -> &'a TimeExpr {
    doc.times
        .iter()
        .find(|t| t.span.text(doc.body()) == text)
        .unwrap_or_else(|| panic!("no time {text:?}"))
}

fn value(doc: &Document, text: &str) -> Option<String> {
    first(doc, text).value.clone()
}

#[test]
fn telegraph_dates() {
    let Some(doc) = load("000_dc37043c5ad9ffed.txt", UncertainDate::day(d("2025-05-16"))) else { return };
    assert_eq!(value(&doc, "1700").as_deref(), Some("1700"));
    assert_eq!(value(&doc, "1721").as_deref(), Some("1721"));
    assert_eq!(value(&doc, "21 years").as_deref(), Some("P21Y"));
    assert_eq!(first(&doc, "21 years").time_type, TimeType::Duration);
    assert_eq!(value(&doc, "Friday morning").as_deref(), Some("2025-05-16TMO"));
    let coming = first(&doc, "the coming days");
    assert_eq!(coming.value.as_deref(), Some("FUTURE_REF"));
    assert_eq!(coming.resolved.earliest, Some(d("2025-05-17")));
    assert_eq!(value(&doc, "today").as_deref(), Some("2025-05-16"));
}

#[test]
fn afp_dates() {
    let Some(doc) = load("002_47f190533f14312e.txt", UncertainDate::day(d("2025-07-23"))) else { return };
    assert_eq!(value(&doc, "last week").as_deref(), Some("2025-W29"));
    assert_eq!(value(&doc, "May 16").as_deref(), Some("2025-05-16"));
    assert_eq!(value(&doc, "June 2").as_deref(), Some("2025-06-02"));
    assert_eq!(value(&doc, "September").as_deref(), Some("2025-09"), "until September");
    assert_eq!(value(&doc, "Wednesday").as_deref(), Some("2025-07-23"));
    assert_eq!(value(&doc, "late Tuesday").as_deref(), Some("2025-07-22"));
    assert_eq!(value(&doc, "September 2022").as_deref(), Some("2022-09"));
    assert_eq!(value(&doc, "2019").as_deref(), Some("2019"));
}

#[test]
fn reuters_weekdays() {
    let Some(doc) = load("003_1ab1a1e8cfb25cf6.txt", UncertainDate::day(d("2025-05-17"))) else { return };
    assert_eq!(value(&doc, "Friday").as_deref(), Some("2025-05-16"));
    assert_eq!(value(&doc, "Saturday").as_deref(), Some("2025-05-17"));
    assert_eq!(value(&doc, "last month").as_deref(), Some("2025-04"));
    assert_eq!(value(&doc, "three years").as_deref(), Some("P3Y"));
}

#[test]
fn al_jazeera_with_bounded_date() {
    // "4 days ago" after the Monday talks: the page date is known only within bounds
    let bounded = UncertainDate::between(Some(d("2025-06-02")), Some(d("2025-06-06")));
    let Some(doc) = load("004_b279f3c4a7ccf51b.txt", bounded) else { return };
    // both bounds put the Monday talks on the same day, so the value is kept
    assert_eq!(value(&doc, "Monday").as_deref(), Some("2025-06-02"));
    assert_eq!(value(&doc, "Sunday").as_deref(), Some("2025-06-01"));
    assert_eq!(value(&doc, "May 16").as_deref(), Some("2025-05-16"));
    assert_eq!(value(&doc, "June 20").as_deref(), Some("2025-06-20"));
    assert_eq!(value(&doc, "June 30").as_deref(), Some("2025-06-30"));
    // with a wider window the weekday is only bounded: no invented date
    let wide = UncertainDate::between(Some(d("2025-05-27")), Some(d("2025-06-19")));
    let Some(doc) = load("004_b279f3c4a7ccf51b.txt", wide) else { return };
    let monday = first(&doc, "Monday");
    assert_eq!(monday.value, None);
    assert_eq!(monday.resolved.value, None);
    assert_eq!(monday.resolved.earliest, Some(d("2025-05-26")));
    assert_eq!(monday.resolved.latest, Some(d("2025-06-16")));
    // unknown date: relative expressions unresolved, absolute ones kept
    let Some(doc) = load("004_b279f3c4a7ccf51b.txt", UncertainDate::unknown()) else { return };
    assert_eq!(value(&doc, "Monday"), None);
    assert!(first(&doc, "Monday").resolved.is_unknown());
    assert_eq!(value(&doc, "September 2022").as_deref(), Some("2022-09"));
}
