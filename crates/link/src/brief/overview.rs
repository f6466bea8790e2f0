//! The sections of a brief that follow a story's content rather than a
//! negotiation's shape: key developments (the summary timeline's dates),
//! casualty figures aggregated per kind and per outlet, the places most
//! named, and the actors of the events grouped by side. Every line cites a
//! sentence.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::LazyLock;

use chronicle_core::{DocId, Document, EntityType, EventArg, Modality, PloverType, Span};

use super::{cite, clean};
use crate::coref::MergedEvent;
use crate::tls::{summarise, TlsOptions};

const CASUALTIES: &str = include_str!("../../../../data/link/casualties.tsv");

/// The casualty word lists: (kind, word) for `killed` and `injured`, and the person nouns.
struct CasualtyWords {
    kinds: HashMap<String, &'static str>,
    persons: BTreeSet<String>,
}

fn parse_casualties(text: &str) -> Result<CasualtyWords, crate::LinkError> {
    let mut out = CasualtyWords { kinds: HashMap::new(), persons: BTreeSet::new() };
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |reason: &str| crate::LinkError::BadData { file: "data/link/casualties.tsv".into(), line: i + 1, reason: reason.into() };
        let (kind, word) = line.split_once('\t').ok_or_else(|| bad("expected kind<TAB>word"))?;
        let word = word.trim().to_lowercase();
        match kind.trim() {
            "killed" => drop(out.kinds.insert(word, "killed")),
            "injured" => drop(out.kinds.insert(word, "injured")),
            "person" => drop(out.persons.insert(word)),
            _ => return Err(bad("kind is killed, injured or person")),
        }
    }
    Ok(out)
}

static WORDS: LazyLock<CasualtyWords> =
    LazyLock::new(|| parse_casualties(CASUALTIES).unwrap_or_else(|_| CasualtyWords { kinds: HashMap::new(), persons: BTreeSet::new() }));

/// Most dates under "Key developments".
const DEVELOPMENTS: usize = 10;
/// Most outlets, places and sides listed.
const MAX_LISTED: usize = 8;

/// "Key developments": the story's summary timeline, one cited sentence a date.
pub(super) fn key_developments(docs: &[&Document]) -> Vec<String> {
    let owned: Vec<Document> = docs.iter().map(|d| (*d).clone()).collect();
    let by_id: HashMap<String, &Document> = docs.iter().map(|d| (d.id.to_string(), *d)).collect();
    let summary = summarise(&owned, &TlsOptions { dates: DEVELOPMENTS, sentences_per_date: 1 });
    let mut lines = Vec::new();
    for day in summary {
        for s in &day.sentences {
            let Some(d) = by_id.get(&s.doc) else { continue };
            let sources = match day.mentions {
                0 => "the day of the reports".to_string(),
                1 => "named in 1 document".to_string(),
                n => format!("named in {n} documents"),
            };
            lines.push(format!("- **{}** ({sources}): {} {}\n", day.date, clean(&s.text), cite(d, s.span)));
        }
    }
    lines
}

/// One casualty figure: its kind, the number, and where it stands.
struct Figure<'a> {
    kind: &'static str,
    value: f64,
    doc: &'a Document,
    sentence: Span,
}

/// The casualty kind of a count: the killed or injured word nearest it in
/// its sentence, when the count counts people (or is itself "300 dead").
fn casualty_kind(doc: &Document, sentence: Span, at: usize, counts: &str) -> Option<&'static str> {
    let w = &*WORDS;
    let head = counts.split_whitespace().last().map(str::to_lowercase)?;
    if !w.persons.contains(&head) && !w.kinds.contains_key(&head) {
        return None;
    }
    let text = sentence.text(doc.body());
    let mut best: Option<(usize, &'static str)> = None;
    let mut pos = sentence.start();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let start = pos;
        pos += word.len() + 1;
        let Some(kind) = w.kinds.get(&word.to_lowercase()) else { continue };
        let dist = start.abs_diff(at);
        if best.map_or(true, |b| dist < b.0) {
            best = Some((dist, kind));
        }
    }
    best.map(|b| b.1)
}

fn figures<'a>(docs: &[&'a Document]) -> Vec<Figure<'a>> {
    let mut out = Vec::new();
    for d in docs.iter().filter(|d| d.meta.duplicate_of.is_none()) {
        for q in d.quantities.iter().filter(|q| !q.ordinal && q.unit.is_none() && q.value >= 1.0 && q.value.fract() == 0.0) {
            let Some(counts) = q.counts.as_deref() else { continue };
            let Some(s) = d.sentences.iter().find(|s| s.span.start() <= q.span.start() && q.span.end() <= s.span.end()) else { continue };
            if let Some(kind) = casualty_kind(d, s.span, q.span.start(), counts) {
                out.push(Figure { kind, value: q.value, doc: d, sentence: s.span });
            }
        }
    }
    out
}

fn number(v: f64) -> String {
    let n = v as u64;
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "Casualties": per kind, the range of figures with the lowest and highest
/// cited, then per outlet its latest and highest figure.
pub(super) fn casualties(docs: &[&Document]) -> Vec<String> {
    let figs = figures(docs);
    let mut lines = Vec::new();
    for kind in ["killed", "injured"] {
        let mut of: Vec<&Figure> = figs.iter().filter(|f| f.kind == kind).collect();
        if of.is_empty() {
            continue;
        }
        of.sort_by(|a, b| a.value.total_cmp(&b.value));
        let (lo, hi) = (of[0], of[of.len() - 1]);
        let outlets: BTreeSet<&str> = of.iter().map(|f| outlet(f.doc)).collect();
        lines.push(format!(
            "- {kind}: figures from {} {} to {} {} in {} report{} from {} outlet{}\n",
            number(lo.value),
            cite(lo.doc, lo.sentence),
            number(hi.value),
            cite(hi.doc, hi.sentence),
            of.len(),
            if of.len() == 1 { "" } else { "s" },
            outlets.len(),
            if outlets.len() == 1 { "" } else { "s" }
        ));
        let mut per: BTreeMap<&str, Vec<&Figure>> = BTreeMap::new();
        for f in &of {
            per.entry(outlet(f.doc)).or_default().push(f);
        }
        let mut per: Vec<(&str, Vec<&Figure>)> = per.into_iter().collect();
        per.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
        for (name, list) in per.into_iter().take(MAX_LISTED) {
            let latest = list.iter().max_by_key(|f| (f.doc.meta.published.date.sort_key(), f.value as u64)).copied();
            let highest = list.iter().max_by(|a, b| a.value.total_cmp(&b.value)).copied();
            let (Some(latest), Some(highest)) = (latest, highest) else { continue };
            let when = latest.doc.meta.published.date.sort_key().map(|d| format!(" ({d})")).unwrap_or_default();
            lines.push(format!(
                "  - {name}: latest {}{when} {}; highest {} {}\n",
                number(latest.value),
                cite(latest.doc, latest.sentence),
                number(highest.value),
                cite(highest.doc, highest.sentence)
            ));
        }
    }
    lines
}

fn outlet(d: &Document) -> &str {
    d.meta.outlet.as_deref().unwrap_or("outlet unknown")
}

/// The sentence of `doc` that holds `span`.
fn sentence_of(doc: &Document, span: Span) -> Span {
    doc.sentences.iter().find(|s| s.span.start() <= span.start() && span.end() <= s.span.end()).map_or(span, |s| s.span)
}

/// "Places": the places named in the most documents, with the first naming cited.
pub(super) fn places(docs: &[&Document]) -> Vec<String> {
    let mut named: BTreeMap<String, (BTreeSet<&DocId>, Option<String>, &Document, Span)> = BTreeMap::new();
    for d in docs.iter().filter(|d| d.meta.duplicate_of.is_none()) {
        for m in d.mentions.iter().filter(|m| m.entity_type == EntityType::Location) {
            let e = named.entry(m.canonical.clone()).or_insert_with(|| (BTreeSet::new(), m.country.clone(), d, sentence_of(d, m.span)));
            e.0.insert(&d.id);
        }
    }
    let mut ranked: Vec<_> = named.into_iter().filter(|x| x.1 .0.len() >= 2).collect();
    ranked.sort_by(|a, b| b.1 .0.len().cmp(&a.1 .0.len()).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .take(MAX_LISTED)
        .map(|(name, (ds, country, d, s))| {
            let c = country.filter(|c| !name.contains(c.as_str())).map(|c| format!(" ({c})")).unwrap_or_default();
            format!("- {}{c}: named in {} documents {}\n", clean(&name), ds.len(), cite(d, s))
        })
        .collect()
}

/// True for an actor the knowledge base or a nationality resolved: a real
/// party, not a capitalised word the tagger took for one.
pub(super) fn is_real_actor(a: &EventArg) -> bool {
    a.kb_id.is_some() || a.country.is_some()
}

/// "Actors and sides": the resolved actors of the story's asserted events
/// grouped by country, with how many events each took part in, and whom each
/// side's hostile acts (coerce, assault, threaten) were aimed at.
pub(super) fn actors_and_sides(evs: &[&MergedEvent], by_id: &HashMap<&DocId, &Document>) -> Vec<String> {
    type Side<'a> = (BTreeMap<String, usize>, BTreeSet<String>, Option<(usize, &'a MergedEvent)>);
    let mut sides: BTreeMap<String, Side> = BTreeMap::new();
    for e in evs.iter().copied().filter(|e| e.event.modality == Modality::Asserted) {
        let hostile = matches!(e.event.event_type, PloverType::Assault | PloverType::Coerce | PloverType::Threaten);
        for (a, acting) in e.event.actors.iter().map(|a| (a, true)).chain(e.event.recipients.iter().map(|a| (a, false))) {
            let Some(country) = a.country.clone().filter(|_| is_real_actor(a)) else { continue };
            let side = sides.entry(country.clone()).or_default();
            *side.0.entry(a.name.clone()).or_default() += 1;
            if side.2.map_or(true, |(n, _)| e.num_sources > n) {
                side.2 = Some((e.num_sources, e));
            }
            if hostile && acting {
                side.1.extend(e.event.recipients.iter().filter_map(|r| r.country.clone()).filter(|c| *c != country));
            }
        }
    }
    let mut ranked: Vec<(String, Side)> = sides.into_iter().collect();
    ranked.sort_by(|a, b| b.1 .0.values().sum::<usize>().cmp(&a.1 .0.values().sum::<usize>()).then(a.0.cmp(&b.0)));
    let mut lines = Vec::new();
    for (country, (names, against, top)) in ranked.into_iter().take(MAX_LISTED) {
        let Some((_, e)) = top else { continue };
        let Some(c) = e.reports.first().and_then(|r| by_id.get(&r.doc).map(|d| cite(d, r.sentence))) else { continue };
        let mut names: Vec<(String, usize)> = names.into_iter().collect();
        names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let who: Vec<String> = names.iter().take(4).map(|(n, k)| format!("{} ({k} event{})", clean(n), if *k == 1 { "" } else { "s" })).collect();
        let against = if against.is_empty() { String::new() } else { format!("; hostile acts against {}", against.into_iter().collect::<Vec<_>>().join(", ")) };
        lines.push(format!("- {country}: {}{against} {c}\n", who.join(", ")));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_core::{InputFormat, Metadata, Quantity, Sentence, UncertainDate};

    fn doc(id: &str, outlet: &str, published: &str, body: &str, counts: &[(&str, f64, &str)]) -> Document {
        let mut meta = Metadata { outlet: Some(outlet.into()), ..Default::default() };
        meta.published.date = UncertainDate::parse_value(published).expect("date");
        let mut d = Document::new(DocId::parse(id), id.into(), InputFormat::Text, Vec::new(), body.into(), body.into(), meta);
        d.sentences.push(Sentence { span: Span::new(body, 0, body.len()).expect("span") });
        for (number, value, noun) in counts {
            let at = body.find(number).expect("number");
            d.quantities.push(Quantity {
                span: Span::new(body, at, at + number.len()).expect("span"),
                value: *value,
                approx: None,
                unit: None,
                counts: Some((*noun).into()),
                ordinal: false,
            });
        }
        d
    }

    #[test]
    fn casualty_figures_aggregate_per_kind_and_outlet() {
        let a = doc("a", "BBC", "2011-03-01", "At least 11 people were killed and 40 were wounded in Tripoli .", &[("11", 11.0, "people"), ("40", 40.0, "were")]);
        let b = doc("b", "BBC", "2011-03-05", "The death toll rose to 30 civilians , officials said .", &[("30", 30.0, "civilians")]);
        let c = doc("c", "Reuters", "2011-03-04", "Rebels said 25 fighters died near Brega and 60 barrels of oil burned .", &[("25", 25.0, "fighters"), ("60", 60.0, "barrels of oil")]);
        let docs = [&a, &b, &c];
        let lines = casualties(&docs);
        let text = lines.concat();
        assert!(lines[0].starts_with("- killed: figures from 11 [d:a §0] to 30 [d:b §0] in 3 reports from 2 outlets"), "{text}");
        assert!(text.contains("  - BBC: latest 30 (2011-03-05) [d:b §0]; highest 30 [d:b §0]"), "{text}");
        assert!(text.contains("  - Reuters: latest 25 (2011-03-04)"), "{text}");
        // 40 counts "were", not people; 60 counts barrels: neither is a casualty figure
        assert!(!text.contains("injured") && !text.contains(" 60 "), "{text}");
        assert_eq!(number(12345.0), "12,345");
    }

    #[test]
    fn casualty_words_parse_and_bad_lines_are_named() {
        let w = parse_casualties(CASUALTIES).expect("embedded list parses");
        assert_eq!(w.kinds.get("wounded"), Some(&"injured"));
        assert!(w.persons.contains("civilians"));
        let e = parse_casualties("# x\nkilled killed\n").err().expect("no tab");
        assert!(e.to_string().contains("casualties.tsv:2"), "{e}");
    }
}
