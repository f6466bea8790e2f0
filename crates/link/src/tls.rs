//! Timeline summarisation: the K most important dates of a set of documents
//! (a story, or a topic's articles), each with one or two cited sentences.
//!
//! Dates are ranked the DATEWISE way (Gholipour Ghalandari & Ifrim 2020): a
//! day matters when many independent reports across the collection look back
//! to it. Each document counts once per day, weighted by how long after the
//! day it was published ([`mention_weight`]: a day named weeks later weighs
//! most, one named on the day itself `tls_same_day_weight`, one still ahead of
//! the article `tls_future_weight`), plus `tls_pub_weight` per article
//! published that day. A day is named only by a date expression that pins one
//! calendar day and dates the sentence's event (never a year that modifies a
//! noun, never a duration, never a comment's time stamp); word-for-word copies
//! of a sentence count once. Days more than `tls_lead_days` before the first
//! publication, or after the last, are background or plans and are not ranked.
//!
//! Each chosen day's sentences are picked the CentroidOpt way (DATEWISE's
//! summariser) from its candidates (TF-IDF over content terms): the sentences
//! that name the day, and the ledes of articles published on it or the day
//! after that name no other day; each pick brings the summary nearest the
//! candidates' centroid, and a pick too like one already chosen or used for
//! another day is skipped. Only body sentences of a readable length are
//! candidates (no questions, no sentences that open a quotation).
//!
//! The weights in `data/link/thresholds.tsv` were chosen on the Timeline17 dev
//! half (bpoil, H1N1, MJ, haiti) by `chronicle eval tls`; the held-out topics
//! (EgyptianProtest, Finan, IraqWar, LibyaWar, SyrianCrisis) never tuned them.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{Duration, NaiveDate};
use chronicle_core::{Document, Span, TimeType};
use serde::{Deserialize, Serialize};

use crate::settings::SETTINGS;
use crate::text::{content_terms, hash64, Bag};

/// How long a summary is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TlsOptions {
    /// How many dates.
    pub dates: usize,
    /// Sentences per date (one or two read best).
    pub sentences_per_date: usize,
}

impl Default for TlsOptions {
    fn default() -> TlsOptions {
        TlsOptions { dates: 10, sentences_per_date: 1 }
    }
}

/// A sentence of the summary with its source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CitedSentence {
    /// The document id.
    pub doc: String,
    /// The document's outlet, when known.
    pub outlet: Option<String>,
    /// The sentence as it stands in the document's body.
    pub text: String,
    /// The sentence's span over the document's body.
    pub span: Span,
}

/// One date of the summary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SummaryDate {
    /// The day.
    pub date: NaiveDate,
    /// Its salience (weighted mentions and publications).
    pub salience: f64,
    /// How many documents name the day (copies of a sentence aside).
    pub mentions: usize,
    /// The summary sentences in the order picked (the most central first).
    pub sentences: Vec<CitedSentence>,
}

/// A summary timeline, in date order.
pub type SummaryTimeline = Vec<SummaryDate>;

/// A body sentence that may enter a summary.
struct Candidate<'a> {
    doc: &'a Document,
    text: &'a str,
    span: Span,
    /// Position in its document (0 = first sentence).
    position: usize,
    published: Option<NaiveDate>,
    /// The days its date expressions pin.
    days: Vec<NaiveDate>,
    terms: Vec<String>,
    /// Hash of its normalised text (copies share it).
    key: u64,
}

/// The days a sentence's date expressions pin (exact days only; a bare year
/// that modifies a noun dates that thing, not the sentence).
fn pinned_days(doc: &Document, start: usize, end: usize) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = doc
        .times
        .iter()
        .filter(|t| t.span.start() >= start && t.span.end() <= end)
        .filter(|t| t.time_type == TimeType::Date && t.modifies.is_none())
        .filter_map(|t| t.resolved.exact_day())
        .collect();
    days.sort_unstable();
    days.dedup();
    days
}

/// True for a time stamp: a clock time right before a date of the same day
/// ("At 4:32 pm on 28 May 2010 , Patrick wrote"), the mark of a comment or
/// a live page's entry, not a report of what happened that day.
fn is_time_stamp(doc: &Document, start: usize, end: usize) -> bool {
    let inside = |t: &&chronicle_core::TimeExpr| t.span.start() >= start && t.span.end() <= end;
    let day_of = |t: &chronicle_core::TimeExpr| t.value.as_deref().and_then(|v| v.get(..10)).and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok());
    doc.times.iter().filter(inside).filter(|t| t.time_type == TimeType::Time).any(|clock| {
        doc.times.iter().filter(inside).any(|date| {
            date.time_type == TimeType::Date && date.span.start() >= clock.span.end() && date.span.start() - clock.span.end() <= 5 && day_of(date).is_some() && day_of(date) == day_of(clock)
        })
    })
}

/// A sentence a reader can take as a summary line: a readable length, not a
/// question, not the opening of a quotation.
fn readable(text: &str) -> bool {
    let words = text.split_whitespace().count() as f64;
    let s = &*SETTINGS;
    let t = text.trim();
    words >= s.tls_min_words
        && words <= s.tls_max_words
        && !t.ends_with('?')
        && !t.starts_with(['"', '“', '`', '\''])
}

fn candidates(docs: &[Document]) -> Vec<Candidate<'_>> {
    let mut out = Vec::new();
    for doc in docs.iter().filter(|d| d.meta.duplicate_of.is_none()) {
        let published = doc.meta.published.date.exact_day();
        let body = doc.body();
        for (position, s) in doc.sentences.iter().enumerate() {
            let Some(text) = body.get(s.span.start()..s.span.end()) else { continue };
            if !readable(text) || is_time_stamp(doc, s.span.start(), s.span.end()) {
                continue;
            }
            let terms = content_terms(text);
            let key = hash64(terms.join(" ").as_bytes());
            let days = pinned_days(doc, s.span.start(), s.span.end());
            out.push(Candidate { doc, text, span: s.span, position, published, days, terms, key });
        }
    }
    out
}

/// How much one document's mention of `day` weighs, by how long after the day
/// the document was published (DATEWISE's finding: days that later articles
/// look back to are the ones a timeline keeps). A day named on the day itself
/// weighs `tls_same_day_weight`, a day still ahead of the article (a plan, a
/// deadline) `tls_future_weight`; a day looked back on weighs 1 plus up to
/// `tls_gap_weight`, growing with the log of the gap up to
/// `tls_gap_cap_days`. A document with no pinned publication day weighs 1.
fn mention_weight(published: Option<NaiveDate>, day: NaiveDate) -> f64 {
    let s = &*SETTINGS;
    let Some(p) = published else { return 1.0 };
    let gap = (p - day).num_days();
    if gap < 0 {
        s.tls_future_weight
    } else if gap == 0 {
        s.tls_same_day_weight
    } else {
        let cap = s.tls_gap_cap_days.max(1.0);
        1.0 + s.tls_gap_weight * (gap as f64).min(cap).ln_1p() / cap.ln_1p()
    }
}

/// Each day's salience and the number of documents that name it, within the
/// collection's window. A document counts once for a day however many of its
/// sentences name it (a comment thread's time stamps, a recap), and a
/// word-for-word copy of a sentence already counted counts not at all.
fn rank_days(cands: &[Candidate<'_>], docs: &[Document]) -> Vec<(NaiveDate, f64, usize)> {
    let s = &*SETTINGS;
    let pubs: Vec<NaiveDate> = docs.iter().filter_map(|d| d.meta.published.date.exact_day()).collect();
    // the window: publication days, or the bounds of a day the page did not pin
    let bounds = docs.iter().map(|d| d.meta.published.date.bounds());
    let first = bounds.clone().filter_map(|(lo, hi)| lo.or(hi)).min();
    let last = bounds.filter_map(|(lo, hi)| hi.or(lo)).max();
    let (Some(first), Some(last)) = (first, last) else { return Vec::new() };
    let window = |d: NaiveDate| d >= first - Duration::days(s.tls_lead_days) && d <= last;
    let mut seen_sentence: HashSet<(u64, NaiveDate)> = HashSet::new();
    let mut seen_doc: HashSet<(&str, NaiveDate)> = HashSet::new();
    let mut score: HashMap<NaiveDate, (f64, usize)> = HashMap::new();
    for c in cands {
        for &d in c.days.iter().filter(|d| window(**d)) {
            if !seen_sentence.insert((c.key, d)) || !seen_doc.insert((c.doc.id.as_str(), d)) {
                continue;
            }
            let e = score.entry(d).or_default();
            e.0 += mention_weight(c.published, d);
            e.1 += 1;
        }
    }
    for d in pubs {
        score.entry(d).or_default().0 += s.tls_pub_weight;
    }
    let mut ranked: Vec<(NaiveDate, f64, usize)> = score.into_iter().map(|(d, (v, n))| (d, v, n)).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
}

/// Inverse document frequency of each term over the candidate sentences.
fn idf<'c>(cands: &'c [Candidate<'_>]) -> HashMap<&'c str, f64> {
    let mut df: HashMap<&str, usize> = HashMap::new();
    for c in cands {
        let uniq: HashSet<&str> = c.terms.iter().map(String::as_str).collect();
        for t in uniq {
            *df.entry(t).or_default() += 1;
        }
    }
    let n = cands.len().max(1) as f64;
    df.into_iter().map(|(t, k)| (t, (n / k as f64).ln() + 1.0)).collect()
}

/// A TF-IDF vector as a bag of repeated terms (rounded weights), so the
/// shared [`Bag`] cosine applies.
fn weighted_bag(terms: &[&String], idf: &HashMap<&str, f64>) -> Bag {
    let mut words = Vec::new();
    for t in terms {
        let w = idf.get(t.as_str()).copied().unwrap_or(1.0);
        for _ in 0..(w * 4.0).round().max(1.0) as usize {
            words.push((*t).clone());
        }
    }
    Bag::of(&words)
}

/// The candidates that may summarise `day`.
fn day_candidates<'c, 'a>(cands: &'c [Candidate<'a>], day: NaiveDate) -> Vec<&'c Candidate<'a>> {
    let lede = SETTINGS.tls_lede_sentences as usize;
    let mut seen = HashSet::new();
    cands
        .iter()
        .filter(|c| {
            c.days.contains(&day)
                || (c.days.is_empty() && c.position < lede && c.published.is_some_and(|p| p == day || p == day + Duration::days(1)))
        })
        .filter(|c| seen.insert(c.key))
        .collect()
}

/// Up to `n` candidates chosen the CentroidOpt way (DATEWISE's summariser):
/// each step adds the sentence that brings the summary so far (the sum of its
/// TF-IDF vectors) nearest the centroid of the whole pool, so a second
/// sentence adds what the first lacks. A sentence too like one already chosen
/// (for this day) or used (for another day) is skipped.
fn central<'c, 'a>(pool: &[&'c Candidate<'a>], idf: &HashMap<&str, f64>, n: usize, used: &HashSet<u64>) -> Vec<&'c Candidate<'a>> {
    let all: Vec<&String> = pool.iter().flat_map(|c| c.terms.iter()).collect();
    let centroid = weighted_bag(&all, idf);
    let bags: Vec<Bag> = pool.iter().map(|c| weighted_bag(&c.terms.iter().collect::<Vec<_>>(), idf)).collect();
    let mut chosen: Vec<usize> = Vec::new();
    while chosen.len() < n {
        let summary: Vec<&String> = chosen.iter().flat_map(|&j| pool[j].terms.iter()).collect();
        let mut best: Option<(f64, usize)> = None;
        for (i, c) in pool.iter().enumerate() {
            if chosen.contains(&i) || used.contains(&c.key) || chosen.iter().any(|&j| bags[i].cosine(&bags[j]) >= SETTINGS.tls_redundancy) {
                continue;
            }
            let with: Vec<&String> = summary.iter().copied().chain(c.terms.iter()).collect();
            let closeness = weighted_bag(&with, idf).cosine(&centroid);
            if best.map_or(true, |(b, _)| closeness > b) {
                best = Some((closeness, i));
            }
        }
        let Some((_, i)) = best else { break };
        chosen.push(i);
    }
    chosen.into_iter().map(|i| pool[i]).collect()
}

/// The summary timeline of `docs`: the `opts.dates` most salient days that
/// have a candidate sentence, each with up to `opts.sentences_per_date`
/// cited sentences, in date order.
pub fn summarise(docs: &[Document], opts: &TlsOptions) -> SummaryTimeline {
    let cands = candidates(docs);
    let idf = idf(&cands);
    let mut out: Vec<SummaryDate> = Vec::new();
    let mut used: HashSet<u64> = HashSet::new();
    for (date, salience, mentions) in rank_days(&cands, docs) {
        if out.len() == opts.dates {
            break;
        }
        let pool = day_candidates(&cands, date);
        let picked = central(&pool, &idf, opts.sentences_per_date.max(1), &used);
        if picked.is_empty() {
            continue;
        }
        used.extend(picked.iter().map(|c| c.key));
        let sentences = picked
            .into_iter()
            .map(|c| CitedSentence {
                doc: c.doc.id.to_string(),
                outlet: c.doc.meta.outlet.clone(),
                text: c.text.split_whitespace().collect::<Vec<_>>().join(" "),
                span: c.span,
            })
            .collect();
        out.push(SummaryDate { date, salience, mentions, sentences });
    }
    out.sort_by_key(|d| d.date);
    out
}

/// Every day some sentence of `docs` pins with a date expression that dates
/// its event (the days the summary can choose from, besides publication days).
pub fn named_days(docs: &[Document]) -> BTreeSet<NaiveDate> {
    docs.iter().flat_map(|d| d.sentences.iter().flat_map(move |s| pinned_days(d, s.span.start(), s.span.end()))).collect()
}

/// Plain-text rendering: a line per date (`DATE  [N mentions]`), then each
/// sentence indented with its citation.
pub fn render(timeline: &[SummaryDate]) -> String {
    let mut out = String::new();
    for d in timeline {
        out.push_str(&format!("{}  [{} mention{}]\n", d.date, d.mentions, if d.mentions == 1 { "" } else { "s" }));
        for s in &d.sentences {
            let source = match &s.outlet {
                Some(o) => format!("{o}, {}", s.doc),
                None => s.doc.clone(),
            };
            out.push_str(&format!("  \"{}\"  [{}]\n", s.text, source));
        }
    }
    out
}

/// The summary as a scorer's timeline: per day, its sentences.
pub fn as_timeline(timeline: &[SummaryDate]) -> BTreeMap<NaiveDate, Vec<String>> {
    timeline.iter().map(|d| (d.date, d.sentences.iter().map(|s| s.text.clone()).collect())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_core::{DocId, InputFormat, Metadata, Sentence, TimeExpr, UncertainDate};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("day")
    }

    /// A document of `sentences` (joined by spaces) published on `published`;
    /// `times` are (sentence index, phrase, day or "" for a bare year that
    /// modifies a noun).
    fn doc(id: &str, published: &str, sentences: &[&str], times: &[(usize, &str, &str)]) -> Document {
        let body = sentences.join(" ");
        let mut meta = Metadata { outlet: Some("Wire".into()), ..Default::default() };
        meta.published.date = UncertainDate::day(day(published));
        let mut d = Document::new(DocId::parse(id), id.into(), InputFormat::Text, Vec::new(), body.clone(), body.clone(), meta);
        let mut at = 0;
        let mut starts = Vec::new();
        for s in sentences {
            starts.push(at);
            d.sentences.push(Sentence { span: Span::new(&body, at, at + s.len()).expect("span") });
            at += s.len() + 1;
        }
        for (i, phrase, value) in times {
            let start = starts[*i] + sentences[*i].find(phrase).expect("phrase");
            let span = Span::new(&body, start, start + phrase.len()).expect("span");
            let (resolved, modifies) = if value.is_empty() { (UncertainDate::parse_value("2001").expect("year"), Some(span)) } else { (UncertainDate::day(day(value)), None) };
            d.times.push(TimeExpr { span, time_type: TimeType::Date, value: resolved.value.clone(), resolved, modifies });
        }
        d
    }

    fn collection() -> Vec<Document> {
        vec![
            doc("a", "2010-04-21", &["An oil rig exploded in the Gulf of Mexico on Tuesday , killing eleven workers .", "Rescue crews searched the sea for the missing men all night ."], &[(0, "Tuesday", "2010-04-20")]),
            doc("b", "2010-05-02", &["The rig that exploded on April 20 was leased by BP from Transocean .", "President Obama visited the coast on Sunday to see the spill ."], &[(0, "April 20", "2010-04-20"), (1, "Sunday", "2010-05-02")]),
            doc("c", "2010-07-16", &["BP said on Thursday that the cap had stopped the oil leak for the first time .", "Since the explosion on April 20 oil has gushed into the gulf every day .", "The 2001 rules on drilling were never enforced by the federal regulators ."], &[(0, "Thursday", "2010-07-15"), (1, "April 20", "2010-04-20"), (2, "2001", "")]),
            doc("d", "2010-07-16", &["Engineers closed the valves of the new cap and the oil leak stopped on Thursday .", "Is the well finally under control ?"], &[(0, "Thursday", "2010-07-15")]),
        ]
    }

    #[test]
    fn ranks_the_day_later_articles_look_back_to() {
        let t = summarise(&collection(), &TlsOptions { dates: 2, sentences_per_date: 1 });
        let days: Vec<NaiveDate> = t.iter().map(|d| d.date).collect();
        assert_eq!(days, vec![day("2010-04-20"), day("2010-07-15")]);
        assert_eq!(t[0].mentions, 3);
        // the cap day: two reports on the next day, each naming it
        assert_eq!(t[1].mentions, 2);
        assert!(t[1].sentences[0].text.contains("cap"), "{:?}", t[1]);
        let text = render(&t);
        assert!(text.starts_with("2010-04-20  [3 mentions]\n  \""), "{text}");
    }

    #[test]
    fn never_dated_by_a_year_that_modifies_a_noun_nor_a_question() {
        let t = summarise(&collection(), &TlsOptions { dates: 10, sentences_per_date: 2 });
        assert!(t.iter().all(|d| d.date.format("%Y").to_string() == "2010"));
        for d in &t {
            for s in &d.sentences {
                assert!(!s.text.ends_with('?'), "{s:?}");
                // the bare year dates the rules, not the sentence: it may only stand as a lede of
                // its article, for the publication day or the day before
                assert!(!s.text.contains("2001 rules") || d.date >= day("2010-07-15"), "{s:?}");
            }
        }
        // two sentences for the explosion day, neither repeating the other
        let first = t.iter().find(|d| d.date == day("2010-04-20")).expect("explosion day");
        assert_eq!(first.sentences.len(), 2);
        assert_ne!(first.sentences[0].text, first.sentences[1].text);
        assert_eq!(as_timeline(&t).len(), t.len());
        // the bare year modifying "rules" names no day; the weekdays and dates do
        let named = named_days(&collection());
        assert_eq!(named.iter().map(|d| d.to_string()).collect::<Vec<_>>(), vec!["2010-04-20", "2010-05-02", "2010-07-15"]);
    }

    #[test]
    fn copies_do_not_corroborate_and_background_days_are_not_ranked() {
        let mut docs = collection();
        // the same wire sentence in three more articles; and a day long before the coverage
        for id in ["e", "f", "g"] {
            docs.push(doc(id, "2010-06-01", &["Oil prices rose sharply on May 31 in New York trading ."], &[(0, "May 31", "2010-05-31")]));
        }
        docs.push(doc("h", "2010-06-02", &["The Exxon Valdez ran aground on March 24 1989 in Alaska ."], &[(0, "March 24 1989", "1989-03-24")]));
        let t = summarise(&docs, &TlsOptions { dates: 20, sentences_per_date: 1 });
        let may31 = t.iter().find(|d| d.date == day("2010-05-31")).expect("May 31");
        assert_eq!(may31.mentions, 1);
        assert!(t.iter().all(|d| d.date != day("1989-03-24")));
        assert!(summarise(&[], &TlsOptions::default()).is_empty());
    }

    #[test]
    fn days_looked_back_on_outrank_same_day_reports_and_plans() {
        let mut docs = Vec::new();
        // three same-day reports of a hearing, each naming its day
        for id in ["s1", "s2", "s3"] {
            docs.push(doc(id, "2010-06-17", &["The chief executive told the hearing on Thursday that the company was sorry ."], &[(0, "Thursday", "2010-06-17")]));
        }
        // two articles three weeks later looking back to the day the well was capped
        for id in ["l1", "l2"] {
            docs.push(doc(id, "2010-08-05", &["Oil stopped flowing into the gulf on July 15 when the new cap was closed ."], &[(0, "July 15", "2010-07-15")]));
        }
        // three articles naming a day still ahead of them: a plan, not an event yet
        for (id, text) in [("p1", "Engineers plan to start the static kill on August 2 if the weather holds ."), ("p2", "The static kill may begin on August 2 , officials said in a statement ."), ("p3", "Officials expect the static kill procedure to start on August 2 at the earliest .")] {
            docs.push(doc(id, "2010-07-20", &[text], &[(0, "August 2", "2010-08-02")]));
        }
        let t = summarise(&docs, &TlsOptions { dates: 2, sentences_per_date: 1 });
        let days: Vec<NaiveDate> = t.iter().map(|d| d.date).collect();
        assert_eq!(days, vec![day("2010-06-17"), day("2010-07-15")], "{t:?}");
        let capped = t.iter().find(|d| d.date == day("2010-07-15")).expect("cap day");
        let hearing = t.iter().find(|d| d.date == day("2010-06-17")).expect("hearing day");
        assert!(capped.salience > hearing.salience, "{t:?}");
        // the weight grows with the gap and stops growing at the cap
        let d = day("2010-07-15");
        assert_eq!(mention_weight(Some(d), d), SETTINGS.tls_same_day_weight);
        assert_eq!(mention_weight(Some(d - Duration::days(1)), d), SETTINGS.tls_future_weight);
        assert!(mention_weight(Some(d + Duration::days(1)), d) < mention_weight(Some(d + Duration::days(20)), d));
        let cap = SETTINGS.tls_gap_cap_days as i64;
        assert_eq!(mention_weight(Some(d + Duration::days(cap)), d), mention_weight(Some(d + Duration::days(cap + 100)), d));
        assert_eq!(mention_weight(None, d), 1.0);
    }

    /// CentroidOpt: the second sentence is the one that brings the pair
    /// nearest the centroid, not the second most central alone, which
    /// repeats the first.
    #[test]
    fn the_second_sentence_adds_what_the_first_lacks() {
        let docs = vec![
            doc("a", "2010-07-16", &["BP engineers closed the valves on the new cap ."], &[]),
            doc("b", "2010-07-16", &["The new cap held as pressure readings rose , BP engineers said ."], &[]),
            doc("c", "2010-07-16", &["Valves on the cap were shut slowly by engineers , BP said ."], &[]),
            doc("d", "2010-07-16", &["Oil stopped flowing into the gulf for the first time since April ."], &[]),
            doc("e", "2010-07-16", &["Fishermen cheered as oil stopped flowing into the gulf ."], &[]),
            doc("f", "2010-07-16", &["Pressure readings from the new cap looked good , engineers said ."], &[]),
        ];
        let cands = candidates(&docs);
        let idf = idf(&cands);
        let pool: Vec<&Candidate<'_>> = cands.iter().collect();
        let picked = central(&pool, &idf, 2, &HashSet::new());
        assert_eq!(picked.len(), 2);
        let texts: Vec<&str> = picked.iter().map(|c| c.text).collect();
        assert!(texts[0].contains("cap"), "{texts:?}");
        assert!(texts[1].contains("il stopped flowing"), "{texts:?}");
        // the premise: alone, the most central sentence not redundant with the first is another
        // one about the engineers, which the pair would repeat
        let all: Vec<&String> = pool.iter().flat_map(|c| c.terms.iter()).collect();
        let centroid = weighted_bag(&all, &idf);
        let bag = |c: &Candidate<'_>| weighted_bag(&c.terms.iter().collect::<Vec<_>>(), &idf);
        let first = bag(picked[0]);
        let runner_up = pool
            .iter()
            .filter(|c| c.key != picked[0].key && bag(c).cosine(&first) < SETTINGS.tls_redundancy)
            .max_by(|a, b| bag(a).cosine(&centroid).total_cmp(&bag(b).cosine(&centroid)))
            .expect("a runner-up");
        assert!(!runner_up.text.to_lowercase().contains("oil stopped flowing"), "{} {texts:?}", runner_up.text);
        // a sentence used for another day is never picked again
        let used: HashSet<u64> = picked.iter().map(|c| c.key).collect();
        let again = central(&pool, &idf, 2, &used);
        assert!(again.iter().all(|c| !used.contains(&c.key)), "{:?}", again.iter().map(|c| c.text).collect::<Vec<_>>());
    }

    #[test]
    fn pages_without_a_pinned_day_widen_the_window_by_their_bounds() {
        let pinned = doc("p", "2025-05-17", &["Ukraine and Russia met in Istanbul on Friday for their first talks ."], &[(0, "Friday", "2025-05-16")]);
        let mut later = doc("l", "2025-06-20", &["The second round of talks took place in Istanbul on June 2 this year ."], &[(0, "June 2", "2025-06-02")]);
        later.meta.published.date = UncertainDate::between(Some(day("2025-05-26")), Some(day("2025-07-17")));
        let t = summarise(&[pinned, later], &TlsOptions { dates: 5, sentences_per_date: 1 });
        let days: Vec<NaiveDate> = t.iter().map(|d| d.date).collect();
        // the publication day 2025-05-17 ranks too, but its one sentence already stands under May 16
        assert_eq!(days, vec![day("2025-05-16"), day("2025-06-02")], "{t:?}");
    }

    #[test]
    fn a_document_counts_once_a_day_and_time_stamps_name_no_day() {
        let stamps = [
            "At 4:32 pm on 28 May 2010 , Patrick wrote : the response has been far too slow .",
            "At 4:40 pm on 28 May 2010 , Anna wrote : nobody is doing enough to stop the oil .",
            "At 5:02 pm on 28 May 2010 , Tom wrote : BP should pay for every barrel spilled .",
        ];
        let mut thread = doc("t", "2010-05-30", &stamps, &[(0, "28 May 2010", "2010-05-28"), (1, "28 May 2010", "2010-05-28"), (2, "28 May 2010", "2010-05-28")]);
        for (i, clock, value) in [(0, "4:32 pm", "2010-05-28T16:32"), (1, "4:40 pm", "2010-05-28T16:40"), (2, "5:02 pm", "2010-05-28T17:02")] {
            let start = thread.sentences[i].span.start() + stamps[i].find(clock).expect("clock");
            let span = Span::new(thread.body(), start, start + clock.len()).expect("span");
            thread.times.push(TimeExpr { span, time_type: TimeType::Time, value: Some(value.into()), resolved: UncertainDate::day(day("2010-05-28")), modifies: None });
        }
        let recap = doc(
            "r",
            "2010-04-25",
            &["The rig exploded on April 20 and sank two days later .", "Since April 20 the well has leaked oil without pause .", "On April 20 eleven men died on the rig ."],
            &[(0, "April 20", "2010-04-20"), (1, "April 20", "2010-04-20"), (2, "April 20", "2010-04-20")],
        );
        let t = summarise(&[thread, recap], &TlsOptions { dates: 10, sentences_per_date: 1 });
        let april20 = t.iter().find(|d| d.date == day("2010-04-20")).expect("April 20");
        assert_eq!(april20.mentions, 1);
        assert!(t.iter().all(|d| d.date != day("2010-05-28")), "{t:?}");
        assert!(t.iter().flat_map(|d| &d.sentences).all(|s| !s.text.contains("wrote")), "{t:?}");
    }
}
