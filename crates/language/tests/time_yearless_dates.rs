//! Year-less dates against a bounded document date: a weekday written with the date,
//! a weekday named in the sentence, and the year the document's other dates share.
use chrono::NaiveDate;
use chronicle_core::UncertainDate;
use chronicle_language::time::{find, split_sentences};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn bounded(a: &str, b: &str) -> UncertainDate {
    UncertainDate::between(Some(d(a)), Some(d(b)))
}

/// (text, value, earliest, latest) of every expression found.
fn run(text: &str, doc: &UncertainDate) -> Vec<(String, Option<String>, Option<NaiveDate>, Option<NaiveDate>)> {
    find(text, doc, &split_sentences(text))
        .into_iter()
        .map(|(sp, _, v, r)| (sp.text(text).to_string(), v, r.earliest, r.latest))
        .collect()
}

fn value_of(text: &str, doc: &UncertainDate, expr: &str) -> Option<String> {
    run(text, doc)
        .into_iter()
        .find(|x| x.0 == expr)
        .unwrap_or_else(|| panic!("no {expr:?} in {text:?}"))
        .1
}

// Invented sentences. 2025-06-02 is a Monday, 2024-06-02 a Sunday;
// 2025-05-16 is a Friday, 2024-05-16 a Thursday.

#[test]
fn stated_weekday_pins_the_year() {
    let doc = bounded("2024-09-01", "2025-08-31");
    let t = "The delegations met on Monday, June 2, in the port city.";
    assert_eq!(value_of(t, &doc, "June 2").as_deref(), Some("2025-06-02"));
    assert_eq!(value_of(t, &doc, "Monday").as_deref(), Some("2025-06-02"));
    let t = "The delegations met on Sunday, June 2, in the port city.";
    assert_eq!(value_of(t, &doc, "June 2").as_deref(), Some("2024-06-02"));
    let t = "The envoys met on June 2 (Monday) and parted.";
    assert_eq!(value_of(t, &doc, "June 2").as_deref(), Some("2025-06-02"));
    let t = "The envoys met Monday (June 2) and parted.";
    assert_eq!(value_of(t, &doc, "June 2").as_deref(), Some("2025-06-02"));
    assert_eq!(value_of(t, &doc, "Monday").as_deref(), Some("2025-06-02"));
}

#[test]
fn weekday_that_fits_no_candidate_gives_no_value() {
    let doc = bounded("2024-09-01", "2025-08-31");
    let t = "The delegations met on Tuesday, June 2, in the port city.";
    assert_eq!(value_of(t, &doc, "June 2"), None);
    // a written year is kept, and the weekday takes it when they agree
    let t = "The delegations met on Monday, June 2, 2025, in the port city.";
    assert_eq!(value_of(t, &doc, "Monday").as_deref(), Some("2025-06-02"));
}

#[test]
fn without_bounds_a_stated_weekday_invents_nothing() {
    let t = "The delegations met on Monday, June 2, in the port city.";
    assert_eq!(value_of(t, &UncertainDate::unknown(), "June 2"), None);
    let open = UncertainDate::between(Some(d("2024-09-01")), None);
    assert_eq!(value_of(t, &open, "June 2"), None);
}

#[test]
fn weekday_named_in_the_sentence_picks_the_year() {
    let doc = bounded("2025-01-20", "2025-07-17");
    let t = "Friday's talks in the port city, held on May 16, ended without a deal.";
    assert_eq!(value_of(t, &doc, "May 16").as_deref(), Some("2025-05-16"));
    // two weekdays named: no choice is made
    let t = "Friday's talks, held on May 16 after Thursday's arrival, ended without a deal.";
    assert_eq!(value_of(t, &doc, "May 16"), None);
}

#[test]
fn other_yearless_dates_pick_the_year() {
    let doc = bounded("2025-01-20", "2025-07-17");
    let alone = "The first round of talks on May 16 ended without a deal.";
    let r = run(alone, &doc);
    assert_eq!(r[0].1, None, "alone, May 16 stays a range");
    assert_eq!((r[0].2, r[0].3), (Some(d("2024-05-16")), Some(d("2025-05-16"))));
    let t = "The minister took office on January 20. The first round of talks on May 16 ended without a deal.";
    assert_eq!(value_of(t, &doc, "January 20").as_deref(), Some("2025-01-20"));
    assert_eq!(value_of(t, &doc, "May 16").as_deref(), Some("2025-05-16"));
}

#[test]
fn resolved_yearless_months_count_too() {
    let doc = bounded("2025-01-20", "2025-07-17");
    // "February" can only be 2025-02 in this range; "May" and "May 16" follow it
    let t = "They clashed in February. The first round of talks on May 16 ended without a deal, as agreed at talks in May.";
    assert_eq!(value_of(t, &doc, "February").as_deref(), Some("2025-02"));
    assert_eq!(value_of(t, &doc, "May 16").as_deref(), Some("2025-05-16"));
    assert_eq!(value_of(t, &doc, "May").as_deref(), Some("2025-05"));
    // when no other year-less date resolved, there is no year to prefer
    let wide = bounded("2024-03-01", "2025-02-27");
    let t = "They clashed on December 3. It was agreed on January 9. Talks on May 16 ended.";
    assert_eq!(value_of(t, &wide, "May 16"), None);
}

#[test]
fn a_month_inside_a_dated_month_is_no_evidence() {
    let doc = bounded("2025-01-20", "2025-07-17");
    // "September" alone would read 2024-09 here; inside "September 2022" it must not
    // count against the 2025 that "February" gives
    let t = "They annexed it in September 2022. They clashed in February. The talks on May 16 ended.";
    assert_eq!(value_of(t, &doc, "May 16").as_deref(), Some("2025-05-16"));
}

#[test]
fn a_bare_weekday_against_a_bounded_document_date_keeps_the_weekday() {
    // the document appeared some time in 2025-05-20..2025-06-10; "on Monday" is a
    // Monday on or before that: 2025-05-19, 05-26, 06-02 or 06-09
    let doc = bounded("2025-05-20", "2025-06-10");
    let text = "The delegations met on Monday in the city.";
    let found = find(text, &doc, &split_sentences(text));
    let (_, _, value, resolved) = found.iter().find(|x| x.0.text(text) == "Monday").expect("Monday found");
    assert_eq!(value, &None);
    assert_eq!(resolved.weekday, Some(1));
    assert_eq!(resolved.earliest, Some(d("2025-05-19")));
    assert_eq!(resolved.latest, Some(d("2025-06-09")));
}

#[test]
fn a_year_less_day_in_an_article_of_open_year_keeps_its_month_and_day() {
    // the article is known only to be from 2025-07-18 or later
    let doc = UncertainDate::between(Some(d("2025-07-18")), None);
    let text = "At the last talks on June 2, the two sides agreed to exchange prisoners.";
    let found = find(text, &doc, &split_sentences(text));
    let (_, _, value, resolved) = found.iter().find(|x| x.0.text(text) == "June 2").expect("June 2 found");
    assert_eq!(value, &None);
    assert_eq!(resolved.month_day, Some((6, 2)));
    assert!(resolved.admits(d("2025-06-02")) || resolved.admits(d("2026-06-02")));
    assert!(!resolved.admits(d("2025-06-03")));
}

#[test]
fn a_year_after_a_spaced_comma_belongs_to_its_date() {
    // tokenised text puts a space before the comma ("May 16 , 2019")
    let doc = UncertainDate::day(d("2025-06-02"));
    assert_eq!(value_of("Talks opened on May 16 , 2019 , in Geneva .", &doc, "May 16 , 2019").as_deref(), Some("2019-05-16"));
    assert_eq!(value_of("Talks opened on 16 May , 2019 , in Geneva .", &doc, "16 May , 2019").as_deref(), Some("2019-05-16"));
    assert_eq!(value_of("Talks opened in May , 2019 , in Geneva .", &doc, "May , 2019").as_deref(), Some("2019-05"));
    // a count after a comma is no year
    assert!(run("On May 16 , 300 people marched .", &doc).iter().all(|x| x.0 != "May 16 , 300"));
}
