//! Judging sheets: a drawn sample of events, quotes or entity mentions as
//! Markdown, one numbered item each — its evidence exactly as in the body with
//! the item marked `[[ ]]`, the document it is from, and a table of every
//! field chronicle coded with an empty judge column. Pure rendering: the same
//! sample gives the same sheet.

use chronicle_core::{Document, Event, EventArg, Mention, Quote, Span, UncertainDate};
use chronicle_core::record::MergedEvent;
use chronicle_pipeline::sample::{MergeSample, Sample, REPORTS_SHOWN};
use chronicle_store::Layer;

/// The coding guideline a judge applies, named at the top of every sheet.
pub const GUIDELINE: &str = "docs/ANNOTATION.md";

/// Opening and closing marks around the judged words in the evidence.
const OPEN: &str = "[[";
const CLOSE: &str = "]]";

/// The layer's name on the command line and in the sheet (plural).
pub fn layer_name(layer: Layer) -> &'static str {
    match layer {
        Layer::Events => "events",
        Layer::Quotes => "quotes",
        Layer::Mentions => "entities",
    }
}

/// The whole sheet.
pub fn sheet(sample: &Sample) -> String {
    let name = layer_name(sample.layer);
    let mut out = format!("# Judging sheet: {name}\n\n");
    out.push_str(&format!(
        "Guideline: {GUIDELINE}. Judge every row by it: ✓ right, ✗ wrong, – does not apply; \
         when the first row is ✗, leave the other rows empty.\n\n"
    ));
    out.push_str(&format!(
        "Drawn: {} of {} {name} in the store, uniformly at random with seed {} \
         (`chronicle sample {name} --n {} --seed {}`).\n",
        sample.items.len(),
        sample.total,
        sample.seed,
        sample.items.len(),
        sample.seed
    ));
    for (i, item) in sample.items.iter().enumerate() {
        let Some(doc) = sample.docs.get(&item.doc) else { continue };
        let (evidence, mark, rows) = match sample.layer {
            Layer::Events => match doc.events.get(item.index) {
                Some(e) => (e.sentence, e.trigger, event_rows(doc, e)),
                None => continue,
            },
            Layer::Quotes => match doc.quotes.get(item.index) {
                Some(q) => (quote_evidence(doc, q), q.span, quote_rows(doc, q)),
                None => continue,
            },
            Layer::Mentions => match doc.mentions.get(item.index) {
                Some(m) => (covering_sentences(doc, m.span, &[]), m.span, mention_rows(doc, m)),
                None => continue,
            },
        };
        out.push_str(&format!("\n## {}\n\n", i + 1));
        out.push_str(&document_line(doc, item.index + 1));
        out.push('\n');
        for line in marked(doc.body(), evidence, mark).split('\n') {
            out.push_str(&format!("> {line}\n"));
        }
        out.push_str("\n| field | chronicle | judge |\n|---|---|---|\n");
        for (field, value) in rows {
            out.push_str(&format!("| {field} | {} | |\n", cell(&value)));
        }
    }
    out
}

/// The sheet of merged events: each with its coded summary and its reports'
/// evidence (the first [`REPORTS_SHOWN`]), and one row for the judge — do all
/// the reports describe one happening?
pub fn merge_sheet(sample: &MergeSample) -> String {
    let mut out = "# Judging sheet: merged events\n\n".to_string();
    out.push_str(&format!(
        "Guideline: {GUIDELINE} (\"Merged events\"). Judge the row: ✓ every report shown describes \
         the same happening, ✗ at least one describes another (say which).\n\n"
    ));
    out.push_str(&format!(
        "Drawn: {} of {} merged events with two or more reports, uniformly at random with seed {} \
         (`chronicle sample merges --n {} --seed {}`).\n",
        sample.items.len(),
        sample.total,
        sample.seed,
        sample.items.len(),
        sample.seed
    ));
    for (i, merged) in sample.items.iter().enumerate() {
        out.push_str(&format!("\n## {}\n\n", i + 1));
        out.push_str(&merged_line(merged));
        for (r, report) in merged.reports.iter().take(REPORTS_SHOWN).enumerate() {
            let Some(doc) = sample.docs.get(&report.doc) else { continue };
            out.push_str(&format!("\nReport {}. ", r + 1));
            out.push_str(&document_line(doc, 0).replace(", item 0)", ")"));
            for line in marked(doc.body(), report.sentence, report.trigger).split('\n') {
                out.push_str(&format!("> {line}\n"));
            }
        }
        if merged.reports.len() > REPORTS_SHOWN {
            out.push_str(&format!("\n({} more reports not shown.)\n", merged.reports.len() - REPORTS_SHOWN));
        }
        out.push_str("\n| field | chronicle | judge |\n|---|---|---|\n");
        out.push_str(&format!("| one happening | yes: {} reports | |\n", merged.reports.len()));
    }
    out
}

/// `Merged event v:…: ASSAULT, “actor” → “recipient”, 2011-03-19 (exact); 4 reports, 3 outlets`.
fn merged_line(m: &MergedEvent) -> String {
    let names = |args: &[EventArg]| {
        if args.is_empty() {
            "none".to_string()
        } else {
            args.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join("; ")
        }
    };
    format!(
        "Merged event {}: {}, {} → {}, {}; {} reports, {} outlet{}\n",
        m.id,
        m.event.event_type.as_str(),
        cell(&names(&m.event.actors)),
        cell(&names(&m.event.recipients)),
        date_value(&m.date),
        m.reports.len(),
        m.num_sources,
        if m.num_sources == 1 { "" } else { "s" }
    )
}

/// `Document: *title* — outlet, published …  (d:…, item k)`.
fn document_line(doc: &Document, k: usize) -> String {
    let title = doc.meta.title.as_deref().map(str::trim).filter(|t| !t.is_empty()).unwrap_or("(no title)");
    let outlet = doc.meta.outlet.as_deref().unwrap_or("outlet unknown");
    format!(
        "Document: *{}* — {outlet}, published {} ({}, item {k})\n",
        one_line(title),
        date_value(&doc.meta.published.date),
        doc.id
    )
}

/// The evidence text with `mark` (clipped to the evidence) between `[[` and
/// `]]`; the evidence is widened to cover the mark. Byte offsets, so names
/// with non-ASCII letters are marked whole.
pub fn marked(body: &str, evidence: Span, mark: Span) -> String {
    let start = evidence.start().min(mark.start());
    let end = evidence.end().max(mark.end());
    let slice = |a: usize, b: usize| body.get(a..b).unwrap_or("");
    format!(
        "{}{OPEN}{}{CLOSE}{}",
        slice(start, mark.start()),
        slice(mark.start(), mark.end()),
        slice(mark.end(), end)
    )
}

/// The smallest run of whole sentences covering every span (the spans
/// themselves when no sentence covers them).
fn covering_sentences(doc: &Document, main: Span, more: &[Span]) -> Span {
    let start = more.iter().map(|s| s.start()).fold(main.start(), usize::min);
    let end = more.iter().map(|s| s.end()).fold(main.end(), usize::max);
    let first = doc.sentence_at(start).map_or(start, |s| s.span.start().min(start));
    let last = doc.sentence_at(end.saturating_sub(1).max(start)).map_or(end, |s| s.span.end().max(end));
    Span::new(doc.body(), first, last).unwrap_or(main)
}

/// The quote with its cue and speaker, in whole sentences.
fn quote_evidence(doc: &Document, q: &Quote) -> Span {
    let more: Vec<Span> = [q.cue_span, q.speaker_span].into_iter().flatten().collect();
    covering_sentences(doc, q.span, &more)
}

fn event_rows(doc: &Document, e: &Event) -> Vec<(&'static str, String)> {
    let body = doc.body();
    let mut kind = e.event_type.as_str().to_string();
    if let Some(mode) = &e.mode {
        kind.push_str(&format!(" (mode: {mode})"));
    }
    vec![
        ("is event", format!("yes: {}", quoted(e.trigger.text(body)))),
        ("type", kind),
        ("actor", args_text(body, &e.actors)),
        ("actor code", args_code(&e.actors)),
        ("recipient", args_text(body, &e.recipients)),
        ("recipient code", args_code(&e.recipients)),
        ("date", date_value(&e.date)),
        ("location", e.location.as_ref().map_or_else(|| "none".to_string(), |l| arg_text(body, l))),
        ("place", e.place.as_ref().map_or_else(|| "none".to_string(), place_text)),
        ("modality", e.modality.as_str().to_string()),
        ("attribution", e.attributed_to.clone().unwrap_or_else(|| "none (the outlet itself)".to_string())),
    ]
}

/// "Tripoli, LBY (32.8925, 13.18; GeoNames 2210247) — basis: sentence".
fn place_text(p: &chronicle_core::Place) -> String {
    let mut out = p.name.clone();
    if let Some(c) = &p.country {
        out.push_str(&format!(", {c}"));
    }
    match (p.lat, p.lon, p.geonames_id) {
        (Some(lat), Some(lon), Some(id)) => out.push_str(&format!(" ({lat}, {lon}; GeoNames {id})")),
        (Some(lat), Some(lon), None) => out.push_str(&format!(" ({lat}, {lon})")),
        _ => out.push_str(" (no coordinates)"),
    }
    if let Some(b) = p.basis {
        out.push_str(&format!(" — basis: {}", b.as_str()));
    }
    out
}

fn quote_rows(doc: &Document, q: &Quote) -> Vec<(&'static str, String)> {
    let body = doc.body();
    let speaker = match (&q.speaker_text, &q.speaker) {
        (Some(t), Some(s)) if t != s => format!("{} → {s}", quoted(t)),
        (Some(t), _) => quoted(t),
        (None, Some(s)) => format!("{s} (not named in the evidence)"),
        (None, None) => "none".to_string(),
    };
    vec![
        ("is quote", format!("yes, {}", if q.direct { "direct (in quotation marks)" } else { "reported (no quotation marks)" })),
        ("content", quoted(&clip_middle(q.span.text(body), 30))),
        ("cue", q.cue.as_deref().map_or_else(|| "none".to_string(), quoted)),
        ("speaker", speaker),
        ("speaker affiliation", q.affiliation.clone().unwrap_or_else(|| "none".to_string())),
    ]
}

fn mention_rows(doc: &Document, m: &Mention) -> Vec<(&'static str, String)> {
    vec![
        ("is entity", format!("yes: {}", quoted(m.span.text(doc.body())))),
        ("type", m.entity_type.as_str().to_string()),
        ("canonical", m.canonical.clone()),
        ("country", m.country.clone().unwrap_or_else(|| "none".to_string())),
        ("sector", m.sector.clone().unwrap_or_else(|| "none".to_string())),
    ]
}

/// `“as written” → canonical`, or the canonical name alone when the
/// argument is not named in the body.
fn arg_text(body: &str, a: &EventArg) -> String {
    match a.span.map(|s| s.text(body)).filter(|t| !t.is_empty()) {
        Some(t) if t == a.name => quoted(t),
        Some(t) => format!("{} → {}", quoted(t), a.name),
        None => format!("{} (not named in the sentence)", a.name),
    }
}

fn args_text(body: &str, args: &[EventArg]) -> String {
    if args.is_empty() {
        return "none".to_string();
    }
    args.iter().map(|a| arg_text(body, a)).collect::<Vec<_>>().join("; ")
}

/// `SYR MIL; USA GOV`: country and sector of each argument, `?` for a part not coded.
fn args_code(args: &[EventArg]) -> String {
    if args.is_empty() {
        return "none".to_string();
    }
    args.iter()
        .map(|a| match (&a.country, &a.sector) {
            (None, None) => "none".to_string(),
            (c, s) => format!("{} {}", c.as_deref().unwrap_or("?"), s.as_deref().unwrap_or("?")),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// `2010-04-20 (exact)`, `2010-04-20..2010-04-27 (bounds)`, `unknown`.
fn date_value(d: &UncertainDate) -> String {
    if d.value.is_some() {
        format!("{} (exact)", d.display())
    } else if d.is_unknown() {
        "unknown".to_string()
    } else {
        format!("{} (bounds)", d.display())
    }
}

fn quoted(s: &str) -> String {
    format!("“{}”", one_line(s))
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `n` words: the first and the last `n / 2` words of a longer text
/// around `…` (the evidence above shows it whole).
fn clip_middle(s: &str, n: usize) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() <= n {
        return words.join(" ");
    }
    let half = n / 2;
    format!("{} … {}", words[..half].join(" "), words[words.len() - half..].join(" "))
}

/// A Markdown table cell: one line, pipes escaped.
fn cell(s: &str) -> String {
    one_line(s).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use chronicle_core::{
        DocId, EntityType, InputFormat, Metadata, MentionSource, Modality, PloverType, Sentence,
    };
    use chronicle_pipeline::sample::draw;

    use super::*;

    const BODY: &str = "Søren Kjær met Erdoğan in Zürich on Monday. \
Kjær said “the talks in Zürich were useful” afterwards.";

    fn span_of(needle: &str, nth: usize) -> Span {
        let at = BODY.match_indices(needle).nth(nth).expect("needle").0;
        Span::new(BODY, at, at + needle.len()).expect("span")
    }

    fn arg(text: &str, name: &str, country: Option<&str>, sector: Option<&str>) -> EventArg {
        EventArg {
            name: name.to_string(),
            kb_id: None,
            country: country.map(str::to_string),
            sector: sector.map(str::to_string),
            span: Some(span_of(text, 0)),
        }
    }

    fn doc() -> Document {
        let meta = Metadata { title: Some("Talks | in Zürich".to_string()), outlet: Some("Example News".to_string()), ..Metadata::default() };
        let mut d = Document::new(
            DocId::from_text(BODY),
            "zurich.txt".to_string(),
            InputFormat::Text,
            BODY.as_bytes().to_vec(),
            BODY.to_string(),
            BODY.to_string(),
            meta,
        );
        let cut = BODY.find(". ").unwrap() + 1;
        d.sentences = vec![
            Sentence { span: Span::new(BODY, 0, cut).unwrap() },
            Sentence { span: Span::new(BODY, cut + 1, BODY.len()).unwrap() },
        ];
        d.mentions = vec![Mention {
            span: span_of("Erdoğan", 0),
            entity_type: EntityType::Person,
            canonical: "Recep Tayyip Erdoğan".to_string(),
            kb_id: None,
            country: Some("TUR".to_string()),
            sector: Some("GOV".to_string()),
            source: MentionSource::Tagger,
        }];
        d.quotes = vec![Quote {
            span: span_of("the talks in Zürich were useful", 0),
            direct: true,
            cue: Some("said".to_string()),
            cue_span: Some(span_of("said", 0)),
            speaker_text: Some("Kjær".to_string()),
            speaker_span: Some(span_of("Kjær", 1)),
            speaker: Some("Søren Kjær".to_string()),
            speaker_kb_id: None,
            affiliation: Some("DNK".to_string()),
        }];
        d.events = vec![Event {
            event_type: PloverType::Consult,
            mode: Some("meet".to_string()),
            context: vec![],
            cameo: None,
            actors: vec![arg("Søren Kjær", "Søren Kjær", Some("DNK"), Some("GOV"))],
            recipients: vec![arg("Erdoğan", "Recep Tayyip Erdoğan", Some("TUR"), None)],
            date: UncertainDate::on_weekday(
                chrono::NaiveDate::from_ymd_opt(2024, 3, 1),
                chrono::NaiveDate::from_ymd_opt(2024, 3, 31),
                1,
            )
            .unwrap(),
            location: Some(arg("Zürich", "Zürich", Some("CHE"), None)),
            place: Some(chronicle_core::Place {
                name: "Zürich".to_string(),
                geonames_id: Some(2657896),
                country: Some("CHE".to_string()),
                lat: Some(47.3667),
                lon: Some(8.55),
                basis: Some(chronicle_core::PlaceBasis::Sentence),
            }),
            quantities: vec![],
            modality: Modality::Asserted,
            attributed_to: None,
            items: vec![],
            sentence: d.sentences[0].span,
            trigger: span_of("met", 0),
            rule: "meet-verb".to_string(),
        }];
        d
    }

    fn sample_of(layer: Layer) -> Sample {
        let d = doc();
        let n = match layer {
            Layer::Events => d.events.len(),
            Layer::Quotes => d.quotes.len(),
            Layer::Mentions => d.mentions.len(),
        };
        let items = draw(&[(d.id.clone(), n)], 10, 7);
        Sample { layer, seed: 7, total: n, items, docs: BTreeMap::from([(d.id.clone(), d)]) }
    }

    #[test]
    fn marks_whole_non_ascii_words() {
        let d = doc();
        assert_eq!(marked(BODY, d.sentences[0].span, span_of("Erdoğan", 0)), "Søren Kjær met [[Erdoğan]] in Zürich on Monday.");
        assert_eq!(marked(BODY, d.sentences[0].span, span_of("Zürich", 0)), "Søren Kjær met Erdoğan in [[Zürich]] on Monday.");
        assert_eq!(marked(BODY, d.sentences[0].span, span_of("Søren", 0)), "[[Søren]] Kjær met Erdoğan in Zürich on Monday.");
        // a mark past the evidence widens it
        let first = Span::new(BODY, 0, 5).unwrap();
        assert_eq!(marked(BODY, first, span_of("Kjær", 0)), "Søren [[Kjær]]");
    }

    #[test]
    fn event_sheet_names_the_guideline_and_every_field() {
        let s = sheet(&sample_of(Layer::Events));
        assert!(s.lines().any(|l| l.starts_with("Guideline: docs/ANNOTATION.md")), "{s}");
        assert!(s.contains("Drawn: 1 of 1 events"), "{s}");
        assert!(s.contains("> Søren Kjær [[met]] Erdoğan in Zürich on Monday.\n"), "{s}");
        for row in [
            "| is event | yes: “met” | |",
            "| type | CONSULT (mode: meet) | |",
            "| actor | “Søren Kjær” | |",
            "| actor code | DNK GOV | |",
            "| recipient | “Erdoğan” → Recep Tayyip Erdoğan | |",
            "| recipient code | TUR ? | |",
            "| date | a Monday, 2024-03-04..2024-03-25 (bounds) | |",
            "| location | “Zürich” | |",
            "| place | Zürich, CHE (47.3667, 8.55; GeoNames 2657896) — basis: sentence | |",
            "| modality | asserted | |",
            "| attribution | none (the outlet itself) | |",
        ] {
            assert!(s.contains(row), "missing {row:?} in\n{s}");
        }
        assert!(s.contains("Document: *Talks | in Zürich* — Example News, published unknown"), "{s}");
    }

    #[test]
    fn quote_sheet_shows_the_speaker_in_the_evidence() {
        let s = sheet(&sample_of(Layer::Quotes));
        assert!(s.contains("> Kjær said “[[the talks in Zürich were useful]]” afterwards.\n"), "{s}");
        for row in [
            "| is quote | yes, direct (in quotation marks) | |",
            "| content | “the talks in Zürich were useful” | |",
            "| cue | “said” | |",
            "| speaker | “Kjær” → Søren Kjær | |",
            "| speaker affiliation | DNK | |",
        ] {
            assert!(s.contains(row), "missing {row:?} in\n{s}");
        }
    }

    #[test]
    fn entity_sheet_has_every_field() {
        let s = sheet(&sample_of(Layer::Mentions));
        assert!(s.contains("# Judging sheet: entities"), "{s}");
        assert!(s.contains("> Søren Kjær met [[Erdoğan]] in Zürich on Monday.\n"), "{s}");
        for row in ["| is entity | yes: “Erdoğan” | |", "| type | person | |", "| canonical | Recep Tayyip Erdoğan | |", "| country | TUR | |", "| sector | GOV | |"] {
            assert!(s.contains(row), "missing {row:?} in\n{s}");
        }
    }

    #[test]
    fn same_sample_same_sheet() {
        assert_eq!(sheet(&sample_of(Layer::Events)), sheet(&sample_of(Layer::Events)));
    }

    #[test]
    fn merge_sheet_shows_every_report_with_its_trigger_marked() {
        let d = doc();
        let event = d.events[0].clone();
        let report = |trigger: Span| chronicle_core::record::Report {
            doc: d.id.clone(),
            sentence: d.sentences[0].span,
            trigger,
            outlet: d.meta.outlet.clone(),
        };
        let merged = MergedEvent {
            id: "v:0123456789abcdef".to_string(),
            event: event.clone(),
            reports: vec![report(span_of("met", 0)); REPORTS_SHOWN + 2],
            num_sources: 1,
            contradictions: Vec::new(),
            date: event.date.clone(),
            summary: String::new(),
            stories: Vec::new(),
        };
        let sample = MergeSample { seed: 7, total: 3, items: vec![merged], docs: BTreeMap::from([(d.id.clone(), d)]) };
        let s = merge_sheet(&sample);
        assert!(s.contains("Drawn: 1 of 3 merged events with two or more reports"), "{s}");
        assert!(s.contains("Merged event v:0123456789abcdef: CONSULT, Søren Kjær → Recep Tayyip Erdoğan, "), "{s}");
        assert!(s.contains("; 8 reports, 1 outlet\n"), "{s}");
        assert_eq!(s.matches("> Søren Kjær [[met]] Erdoğan in Zürich on Monday.\n").count(), REPORTS_SHOWN, "{s}");
        assert!(s.contains(&format!("Report {REPORTS_SHOWN}. Document: *Talks | in Zürich*")), "{s}");
        assert!(!s.contains(&format!("Report {}.", REPORTS_SHOWN + 1)), "{s}");
        assert!(s.contains("(2 more reports not shown.)"), "{s}");
        assert!(s.contains("| one happening | yes: 8 reports | |"), "{s}");
    }

    #[test]
    fn cells_stay_on_one_line_with_pipes_escaped() {
        assert_eq!(cell("a |\n b"), "a \\| b");
        assert_eq!(clip_middle("a b c d e f", 4), "a b … e f");
        assert_eq!(clip_middle("a  b\nc", 4), "a b c");
    }
}
