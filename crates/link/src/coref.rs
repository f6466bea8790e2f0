//! Event coreference across documents.
//!
//! Events coded from single sentences merge into one [`MergedEvent`] when
//! they have the same PLOVER type and modality, overlapping participants (by
//! KB id, transliterated name or country), compatible dates (their uncertain
//! date ranges intersect; when a date is unknown the publication dates must be
//! close), compatible places and some shared content. Reports keep their
//! document, sentence, trigger and outlet; `num_sources` counts distinct
//! outlets, leaving out duplicates and articles glued to a host page that
//! also reports the event. Where reports disagree on a number or a place the
//! event lists every value with its document.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use chronicle_core::{DocId, Document, Event, EventArg, Modality, PloverType, Span, UncertainDate};
use serde::{Deserialize, Serialize};

use crate::settings::SETTINGS;
use crate::text::{bag_cosine, content_terms, hash64, stem, translit_key, words};

/// One report of an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The reporting document.
    pub doc: DocId,
    /// The evidence sentence (byte span of the body).
    pub sentence: Span,
    /// The trigger words.
    pub trigger: Span,
    /// The document's outlet.
    pub outlet: Option<String>,
}

/// Reports that disagree on one field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contradiction {
    /// `quantity:<what is counted>`, `location` or `date`.
    pub field: String,
    /// Each value with the document that gives it.
    pub values: Vec<(String, DocId)>,
}

/// One real-world event with all its reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MergedEvent {
    /// `v:` plus 16 hex digits of its earliest report (doc id and trigger).
    pub id: String,
    /// The representative report's event, with the merged date.
    pub event: Event,
    /// Every report.
    pub reports: Vec<Report>,
    /// Distinct outlets (duplicates and glued-on articles whose host reports it excluded).
    pub num_sources: usize,
    /// Fields the reports disagree on.
    pub contradictions: Vec<Contradiction>,
    /// The intersection of the reports' dates.
    pub date: UncertainDate,
    /// The representative evidence sentence.
    pub summary: String,
    /// Stories of the reporting documents (`meta.story`).
    pub stories: Vec<String>,
}

/// Earliest and latest possible day.
type Bounds = (Option<NaiveDate>, Option<NaiveDate>);

struct Cluster {
    event_type: PloverType,
    modality: Modality,
    actor_keys: BTreeSet<String>,
    country_keys: BTreeSet<String>,
    place_keys: BTreeSet<String>,
    place_countries: BTreeSet<String>,
    terms: Vec<String>,
    earliest: Option<NaiveDate>,
    latest: Option<NaiveDate>,
    pub_dates: Vec<NaiveDate>,
    docs: BTreeSet<DocId>,
    members: Vec<(usize, usize)>,
}

fn arg_keys(a: &EventArg) -> Vec<String> {
    let mut k = Vec::new();
    if let Some(kb) = a.kb_id.as_deref().filter(|s| !s.is_empty()) {
        k.push(format!("kb:{kb}"));
    }
    let n = translit_key(&a.name);
    if !n.is_empty() {
        k.push(format!("n:{n}"));
        // surname alone, so "Medinsky" meets "Vladimir Medinsky"
        if let Some(last) = n.rsplit(' ').next() {
            if last.len() >= 4 && n.contains(' ') {
                k.push(format!("n:{last}"));
            }
        }
    }
    k
}

fn event_bounds(e: &Event) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let d = &e.date;
    if let Some(day) = d.exact_day() {
        return (Some(day), Some(day));
    }
    if let (Some(v), _) = (d.value.as_deref(), ()) {
        if let Ok(u) = UncertainDate::parse_value(v) {
            return (u.earliest, u.latest);
        }
    }
    (d.earliest, d.latest)
}

fn intersect(a: (Option<NaiveDate>, Option<NaiveDate>), b: (Option<NaiveDate>, Option<NaiveDate>)) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
    let lo = match (a.0, b.0) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    };
    let hi = match (a.1, b.1) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    match (lo, hi) {
        (Some(l), Some(h)) if l > h => None,
        _ => Some((lo, hi)),
    }
}

/// A quantity's key: the head noun of what it counts ("prisoners of war" →
/// "prisoner"), else its unit, else "number".
fn quantity_key(q: &chronicle_core::Quantity) -> String {
    if let Some(c) = q.counts.as_deref() {
        let head = c.split(" of ").next().unwrap_or(c);
        if let Some(w) = words(head).last() {
            return stem(w);
        }
    }
    q.unit.clone().unwrap_or_else(|| "number".to_string())
}

fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Merges the events of `docs` into real-world events, in order of first report.
pub fn merge(docs: &[Document]) -> Vec<MergedEvent> {
    let st = &*SETTINGS;
    let by_id: HashMap<&DocId, &Document> = docs.iter().map(|d| (&d.id, d)).collect();
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_type: HashMap<PloverType, Vec<usize>> = HashMap::new();
    for (di, doc) in docs.iter().enumerate() {
        let pub_date = doc.meta.published.date.sort_key();
        let host = doc.meta.appended_to.as_ref();
        for (ei, ev) in doc.events.iter().enumerate() {
            let args: Vec<&EventArg> = ev.actors.iter().chain(&ev.recipients).collect();
            let actor_keys: BTreeSet<String> = args.iter().flat_map(|a| arg_keys(a)).collect();
            let country_keys: BTreeSet<String> = args.iter().filter_map(|a| a.country.clone()).collect();
            let place_keys: BTreeSet<String> = ev.location.iter().flat_map(arg_keys).collect();
            let place_countries: BTreeSet<String> = ev.location.iter().filter_map(|l| l.country.clone()).collect();
            let terms = content_terms(ev.sentence.text(doc.body()));
            let bounds = event_bounds(ev);
            let date_known = bounds.0.is_some() || bounds.1.is_some();
            let mut best: Option<(usize, f64, Bounds)> = None;
            for &ci in by_type.get(&ev.event_type).map(Vec::as_slice).unwrap_or(&[]) {
                let Some(c) = clusters.get(ci) else { continue };
                if c.modality != ev.modality || c.docs.contains(&doc.id) {
                    continue;
                }
                // dates
                let cluster_known = c.earliest.is_some() || c.latest.is_some();
                let Some(merged_bounds) = intersect(bounds, (c.earliest, c.latest)) else { continue };
                if !(date_known && cluster_known) {
                    let close = match pub_date {
                        Some(p) => c.pub_dates.iter().any(|q| (p - *q).num_days().abs() <= st.coref_max_pub_gap_days),
                        None => false,
                    };
                    if !close {
                        continue;
                    }
                }
                // participants
                let name_overlap = actor_keys.intersection(&c.actor_keys).count();
                let country_overlap = country_keys.intersection(&c.country_keys).count();
                if !actor_keys.is_empty() && !c.actor_keys.is_empty() && name_overlap == 0 && country_overlap == 0 {
                    continue;
                }
                // places
                let place_clash = !place_keys.is_empty() && !c.place_keys.is_empty() && place_keys.is_disjoint(&c.place_keys);
                if place_clash && (place_countries.is_disjoint(&c.place_countries) || name_overlap == 0) {
                    continue;
                }
                // content
                let content = bag_cosine(&terms, &c.terms);
                let no_args = actor_keys.is_empty() || c.actor_keys.is_empty();
                let need = if no_args { 2.0 * st.coref_min_content } else { st.coref_min_content };
                if content < need {
                    continue;
                }
                // a glued-on article merges into its host's events only when independently about them
                if let Some(h) = host {
                    let exact_same_day = bounds.0.is_some() && bounds.0 == bounds.1 && c.earliest == bounds.0 && c.latest == bounds.1;
                    if c.docs.contains(h) && !(exact_same_day && content >= 0.3) {
                        continue;
                    }
                }
                let score = content + 0.5 * (name_overlap.min(3) as f64 / 3.0) + 0.2 * (country_overlap.min(2) as f64 / 2.0);
                if best.as_ref().map_or(true, |b| score > b.1) {
                    best = Some((ci, score, merged_bounds));
                }
            }
            match best {
                Some((ci, _, mb)) => {
                    if let Some(c) = clusters.get_mut(ci) {
                        c.actor_keys.extend(actor_keys);
                        c.country_keys.extend(country_keys);
                        c.place_keys.extend(place_keys);
                        c.place_countries.extend(place_countries);
                        c.terms.extend(terms);
                        c.earliest = mb.0;
                        c.latest = mb.1;
                        c.pub_dates.extend(pub_date);
                        c.docs.insert(doc.id.clone());
                        c.members.push((di, ei));
                    }
                }
                None => {
                    by_type.entry(ev.event_type).or_default().push(clusters.len());
                    clusters.push(Cluster {
                        event_type: ev.event_type,
                        modality: ev.modality,
                        actor_keys,
                        country_keys,
                        place_keys,
                        place_countries,
                        terms,
                        earliest: bounds.0,
                        latest: bounds.1,
                        pub_dates: pub_date.into_iter().collect(),
                        docs: BTreeSet::from([doc.id.clone()]),
                        members: vec![(di, ei)],
                    });
                }
            }
        }
    }
    clusters.iter().filter_map(|c| build(c, docs, &by_id)).collect()
}

fn source_key(doc: &Document, by_id: &HashMap<&DocId, &Document>) -> String {
    let outlet = doc.meta.outlet.clone().or_else(|| {
        doc.meta.appended_to.as_ref().and_then(|h| by_id.get(h)).and_then(|h| h.meta.outlet.clone())
    });
    match outlet {
        Some(o) if !o.trim().is_empty() => format!("o:{}", o.trim().to_lowercase()),
        _ => format!("d:{}", doc.id),
    }
}

fn build(c: &Cluster, docs: &[Document], by_id: &HashMap<&DocId, &Document>) -> Option<MergedEvent> {
    let _ = c.event_type;
    let mut reports = Vec::new();
    let mut sources: BTreeSet<String> = BTreeSet::new();
    let report_docs: BTreeSet<&DocId> = c.members.iter().filter_map(|&(d, _)| docs.get(d).map(|x| &x.id)).collect();
    let mut rep: Option<(&Document, &Event)> = None;
    let mut quantities: BTreeMap<String, Vec<(f64, bool, DocId)>> = BTreeMap::new();
    let mut places: Vec<(String, DocId)> = Vec::new();
    let mut stories: BTreeSet<String> = BTreeSet::new();
    let mut all_values_equal: Option<Option<String>> = None;
    for &(di, ei) in &c.members {
        let doc = docs.get(di)?;
        let ev = doc.events.get(ei)?;
        reports.push(Report { doc: doc.id.clone(), sentence: ev.sentence, trigger: ev.trigger, outlet: doc.meta.outlet.clone() });
        let is_dup = doc.meta.duplicate_of.is_some();
        let host_reports = doc.meta.appended_to.as_ref().is_some_and(|h| report_docs.contains(h));
        if !is_dup && !host_reports {
            sources.insert(source_key(doc, by_id));
        }
        if rep.is_none() && !is_dup {
            rep = Some((doc, ev));
        }
        for q in ev.quantities.iter().filter(|q| !q.ordinal) {
            quantities.entry(quantity_key(q)).or_default().push((q.value, q.approx.is_some(), doc.id.clone()));
        }
        if let Some(l) = &ev.location {
            if !places.iter().any(|(p, d)| p == &l.name && d == &doc.id) {
                places.push((l.name.clone(), doc.id.clone()));
            }
        }
        if let Some(s) = &doc.meta.story {
            stories.insert(s.clone());
        }
        if ev.date.value.is_some() {
            all_values_equal = match all_values_equal {
                None => Some(ev.date.value.clone()),
                Some(v) if v == ev.date.value => Some(v),
                Some(_) => Some(None),
            };
        }
    }
    let (rep_doc, rep_ev) = match rep {
        Some(r) => r,
        None => {
            let &(di, ei) = c.members.first()?;
            let d = docs.get(di)?;
            (d, d.events.get(ei)?)
        }
    };
    let mut contradictions = Vec::new();
    for (key, vals) in quantities {
        let distinct: BTreeSet<String> = vals.iter().map(|v| format_number(v.0)).collect();
        if distinct.len() < 2 {
            continue;
        }
        let (lo, hi) = vals.iter().fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(v.0), h.max(v.0)));
        let hedged = vals.iter().any(|v| v.1);
        if hedged && hi > 0.0 && (hi - lo) / hi <= 0.1 {
            continue;
        }
        let mut values: Vec<(String, DocId)> = Vec::new();
        for (v, _, d) in vals {
            let s = format_number(v);
            if !values.iter().any(|(x, y)| x == &s && y == &d) {
                values.push((s, d));
            }
        }
        contradictions.push(Contradiction { field: format!("quantity:{key}"), values });
    }
    let distinct_places: BTreeSet<String> = places.iter().map(|p| translit_key(&p.0)).collect();
    if distinct_places.len() > 1 {
        contradictions.push(Contradiction { field: "location".into(), values: places });
    }
    let date = match (c.earliest, c.latest) {
        (Some(a), Some(b)) if a == b => UncertainDate::day(a),
        (a, b) => match all_values_equal {
            Some(Some(v)) => UncertainDate::parse_value(&v).unwrap_or_else(|_| UncertainDate::between(a, b)),
            _ => UncertainDate::between(a, b),
        },
    };
    let first = reports.iter().min_by(|a, b| a.doc.cmp(&b.doc).then(a.trigger.start().cmp(&b.trigger.start())))?;
    let id = format!("v:{:016x}", hash64(format!("{}#{}", first.doc, first.trigger.start()).as_bytes()));
    let mut event = rep_ev.clone();
    event.date = date.clone();
    let summary = rep_ev.sentence.text(rep_doc.body()).trim().to_string();
    Some(MergedEvent {
        id,
        event,
        num_sources: sources.len().max(usize::from(!reports.is_empty())),
        reports,
        contradictions,
        date,
        summary,
        stories: stories.into_iter().collect(),
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use chronicle_core::{InputFormat, Metadata, Quantity};

    pub(crate) fn arg(name: &str, country: &str) -> EventArg {
        EventArg { name: name.into(), kb_id: None, country: Some(country.into()), sector: Some("GOV".into()), span: None }
    }

    /// A document whose body is `sentences` joined; one event per sentence given.
    pub(crate) fn doc(id: &str, outlet: &str, published: &str, body: &str, events: Vec<(&str, PloverType, Modality, &str, Vec<(f64, &str)>)>) -> Document {
        let mut meta = Metadata { outlet: Some(outlet.into()), title: Some(format!("Report {id}")), ..Default::default() };
        meta.published.date = UncertainDate::parse_value(published).unwrap();
        let mut d = Document::new(DocId::parse(id), id.into(), InputFormat::Text, Vec::new(), body.into(), body.into(), meta);
        for (sentence, ty, modality, date, qs) in events {
            let start = body.find(sentence).unwrap();
            let span = Span::new(body, start, start + sentence.len()).unwrap();
            let quantities = qs
                .into_iter()
                .map(|(v, counts)| Quantity { span, value: v, approx: None, unit: None, counts: Some(counts.into()), ordinal: false })
                .collect();
            d.events.push(Event {
                event_type: ty,
                mode: None,
                context: vec![],
                cameo: None,
                actors: vec![arg("Ukraine", "UKR")],
                recipients: vec![arg("Russia", "RUS")],
                date: if date.is_empty() { UncertainDate::unknown() } else { UncertainDate::parse_value(date).unwrap() },
                location: Some(EventArg { name: "Istanbul".into(), kb_id: None, country: Some("TUR".into()), sector: None, span: None }),
                quantities,
                modality,
                attributed_to: None,
                items: vec![],
                sentence: span,
                trigger: Span::new(body, start, start + 4).unwrap(),
                rule: "test".into(),
            });
        }
        d
    }

    const S1: &str = "Ukrainian and Russian delegations met for talks in Istanbul on Friday.";
    const S2: &str = "Delegations from Ukraine and Russia held talks in Istanbul on Friday.";
    const S3: &str = "Ukraine and Russia met for a second round of talks in Istanbul on Monday.";

    #[test]
    fn same_day_reports_from_two_outlets_merge_and_duplicates_do_not_count() {
        let a = doc("a", "BBC", "2025-05-16", S1, vec![(S1, PloverType::Consult, Modality::Asserted, "2025-05-16", vec![])]);
        let b = doc("b", "Reuters", "2025-05-16", S2, vec![(S2, PloverType::Consult, Modality::Asserted, "2025-05-16", vec![])]);
        let mut c = doc("c", "Daily Copy", "2025-05-17", S2, vec![(S2, PloverType::Consult, Modality::Asserted, "2025-05-16", vec![])]);
        c.meta.duplicate_of = Some(DocId::parse("b"));
        let merged = merge(&[a.clone(), b.clone()]);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].num_sources, 2);
        assert_eq!(merged[0].reports.len(), 2);
        assert_eq!(merged[0].date.value.as_deref(), Some("2025-05-16"));
        assert!(merged[0].id.starts_with("v:"));
        let merged = merge(&[a, b, c]);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].reports.len(), 3, "the duplicate is a report");
        assert_eq!(merged[0].num_sources, 2, "but not an independent source");
    }

    #[test]
    fn rounds_weeks_apart_stay_two_events() {
        let a = doc("a", "BBC", "2025-05-16", S1, vec![(S1, PloverType::Consult, Modality::Asserted, "2025-05-16", vec![])]);
        let b = doc("b", "Reuters", "2025-06-02", S3, vec![(S3, PloverType::Consult, Modality::Asserted, "2025-06-02", vec![])]);
        let merged = merge(&[a, b]);
        assert_eq!(merged.len(), 2);
        assert_ne!(merged[0].id, merged[1].id);
    }

    #[test]
    fn contradicting_numbers_are_listed_with_sources() {
        let s1 = "Both sides agreed in Istanbul to exchange 1,000 prisoners of war each.";
        let s2 = "In Istanbul the sides agreed to exchange 1,200 prisoners in total.";
        let a = doc("a", "BBC", "2025-05-16", s1, vec![(s1, PloverType::Agree, Modality::Asserted, "2025-05-16", vec![(1000.0, "prisoners of war")])]);
        let b = doc("b", "Reuters", "2025-05-16", s2, vec![(s2, PloverType::Agree, Modality::Asserted, "2025-05-16", vec![(1200.0, "prisoners")])]);
        let merged = merge(&[a, b]);
        assert_eq!(merged.len(), 1, "{merged:#?}");
        let c = &merged[0].contradictions;
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].field, "quantity:prisoner");
        assert_eq!(c[0].values, vec![("1000".to_string(), DocId::parse("a")), ("1200".to_string(), DocId::parse("b"))]);
    }

    #[test]
    fn glued_on_article_does_not_merge_into_host_or_count_twice() {
        let host_text = "Ukraine and Russia held talks in Istanbul on Friday. Analysts doubt progress.";
        let glued_text = "Earlier, officials said talks were possible in the coming weeks.";
        let host = doc("h", "BBC", "2025-05-16", host_text, vec![("Ukraine and Russia held talks in Istanbul on Friday.", PloverType::Consult, Modality::Asserted, "", vec![])]);
        let mut glued = doc("g", "BBC", "2025-05-16", glued_text, vec![(glued_text, PloverType::Consult, Modality::Asserted, "", vec![])]);
        glued.meta.appended_to = Some(DocId::parse("h"));
        let merged = merge(&[host, glued]);
        assert_eq!(merged.len(), 2, "the glued article is not independently about the host's event");
    }
}
