//! Event dates on dated text through the real language layer (issue 16:
//! timelines): what the words of time in an act's clause say of its day.
#![cfg(feature = "language")]

mod common;

use chronicle_core::UncertainDate;
use common::{coded_on, triggered};

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn an_act_in_a_stretch_back_from_the_publication_day_lies_within_it() {
    let doc = coded_on("Peruvian ministers met Bolivian officials three times in the past three days.", "2010-06-16");
    let met = triggered(&doc, "met");
    assert_eq!(met.len(), 1, "{:?}", doc.events);
    assert_eq!(met[0].date, UncertainDate::between(Some(day("2010-06-13")), Some(day("2010-06-16"))), "{}", met[0].rule);
    // without such words the act is only on or before the day
    let doc = coded_on("Peruvian ministers met Bolivian officials.", "2010-06-16");
    assert_eq!(triggered(&doc, "met")[0].date, UncertainDate::between(None, Some(day("2010-06-16"))));
}
