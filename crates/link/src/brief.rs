//! Extractive Markdown briefs of a story.
//!
//! Every line under a heading carries at least one citation
//! `[d:… §N]`: the document id and the character offset of the cited
//! sentence's start in that document's body. The text is the sources' own:
//! evidence sentences, quotes, stated roles and numbers; the only words the
//! brief adds are labels ("outcome:", "date not stated exactly").

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chronicle_core::{char_offsets, DocId, Document, EntityType, Modality, PloverType, Span};

use crate::coref::MergedEvent;
use crate::entities::canonicalise;
use crate::story::StorySummary;
use crate::text::{bag_cosine, content_terms};
use crate::timeline::date_text;

/// Most events listed under "What happened".
const MAX_HAPPENED: usize = 25;
/// Most quotes listed.
const MAX_QUOTES: usize = 8;

/// The citation of the sentence containing `span` in `doc`: `[d:… §N]`, N
/// the sentence's start as a character offset into the body.
pub fn cite(doc: &Document, span: Span) -> String {
    let s = doc.sentence_at(span.start()).map(|s| s.span).unwrap_or(span);
    let (start, _) = char_offsets(doc.body(), s);
    format!("[{} §{}]", doc.id, start)
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Citation of an event's report `i` (needs the document).
fn cite_report(e: &MergedEvent, i: usize, docs: &HashMap<&DocId, &Document>) -> Option<String> {
    let r = e.reports.get(i)?;
    let d = docs.get(&r.doc)?;
    Some(cite(d, r.sentence))
}

fn cites(e: &MergedEvent, docs: &HashMap<&DocId, &Document>, max: usize) -> String {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for i in 0..e.reports.len() {
        if let Some(c) = cite_report(e, i, docs) {
            if seen.insert(c.clone()) {
                out.push(c);
            }
        }
        if out.len() >= max {
            break;
        }
    }
    out.join(" ")
}

fn side_of(e: &MergedEvent) -> String {
    e.event
        .actors
        .first()
        .map(|a| a.country.clone().unwrap_or_else(|| a.name.clone()))
        .unwrap_or_else(|| "unattributed".to_string())
}

fn by_date(events: &mut [&MergedEvent]) {
    events.sort_by(|a, b| {
        let (x, y) = (a.date.sort_key(), b.date.sort_key());
        match (x, y) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then(a.id.cmp(&b.id))
    });
}

/// A Markdown brief of `story` from its documents (`docs` may hold more; only
/// the story's are used) and the merged events reported by them.
pub fn brief(story: &StorySummary, docs: &[Document], events: &[MergedEvent]) -> String {
    let members: BTreeSet<&DocId> = story.documents.iter().collect();
    let story_docs: Vec<&Document> =
        docs.iter().filter(|d| members.is_empty() || members.contains(&d.id)).collect();
    let by_id: HashMap<&DocId, &Document> = story_docs.iter().map(|d| (&d.id, *d)).collect();
    let mut evs: Vec<&MergedEvent> =
        events.iter().filter(|e| e.reports.iter().any(|r| by_id.contains_key(&r.doc))).collect();
    by_date(&mut evs);
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", clean(&story.title)));

    // sources
    out.push_str("## Sources\n\n");
    for d in &story_docs {
        let outlet = d.meta.outlet.as_deref().unwrap_or("outlet unknown");
        let title = d.meta.title.as_deref().map(clean).unwrap_or_default();
        let published = date_text(&d.meta.published.date);
        let first = d.sentences.first().map(|s| s.span).or_else(|| Span::new(d.body(), 0, 0).ok());
        let c = first.map(|s| cite(d, s)).unwrap_or_else(|| format!("[{} §0]", d.id));
        let dup = d.meta.duplicate_of.as_ref().map(|o| format!(" (duplicate of {o})")).unwrap_or_default();
        out.push_str(&format!("- {outlet}, {published}: {title}{dup} {c}\n"));
    }
    out.push('\n');

    // what happened
    let mut happened: Vec<&MergedEvent> = evs.iter().copied().filter(|e| e.event.modality == Modality::Asserted).collect();
    if happened.len() > MAX_HAPPENED {
        happened.sort_by(|a, b| b.num_sources.cmp(&a.num_sources).then(b.reports.len().cmp(&a.reports.len())).then(a.id.cmp(&b.id)));
        happened.truncate(MAX_HAPPENED);
        by_date(&mut happened);
    }
    if !happened.is_empty() {
        out.push_str("## What happened\n\n");
        for e in &happened {
            out.push_str(&format!(
                "- **{}** ({}, {} source{}): {} {}\n",
                date_text(&e.date),
                e.event.event_type.as_str(),
                e.num_sources,
                if e.num_sources == 1 { "" } else { "s" },
                clean(&e.summary),
                cites(e, &by_id, 3)
            ));
        }
        out.push('\n');
    }

    // people and roles
    let doc_vec: Vec<Document> = story_docs.iter().map(|d| (*d).clone()).collect();
    let entities = canonicalise(&doc_vec);
    let mut role_lines = Vec::new();
    for ent in entities.iter().filter(|e| e.entity_type == EntityType::Person) {
        for r in &ent.roles {
            let Some(ev) = r.evidence.first() else { continue };
            let Some(d) = by_id.get(&ev.doc) else { continue };
            let of = r.of.as_deref().map(|o| format!(" ({o})")).unwrap_or_default();
            role_lines.push(format!(
                "- {}: {}{}, as of {}: “{}” {}\n",
                ent.name,
                r.title,
                of,
                date_text(&r.as_of),
                clean(ev.span.text(d.body())),
                cite(d, ev.span)
            ));
        }
    }
    if !role_lines.is_empty() {
        out.push_str("## People and their roles\n\n");
        for l in role_lines {
            out.push_str(&l);
        }
        out.push('\n');
    }

    // demands and offers, with outcomes
    let positions: Vec<&MergedEvent> =
        evs.iter().copied().filter(|e| matches!(e.event.modality, Modality::Demanded | Modality::Proposed)).collect();
    let mut unanswered: Vec<&MergedEvent> = Vec::new();
    if !positions.is_empty() {
        out.push_str("## Demands and offers\n\n");
        let mut sides: BTreeMap<String, Vec<&MergedEvent>> = BTreeMap::new();
        for e in &positions {
            sides.entry(side_of(e)).or_default().push(e);
        }
        for (side, list) in sides {
            out.push_str(&format!("### {side}\n\n"));
            for e in list {
                let items = if e.event.items.is_empty() { String::new() } else { format!(" [items: {}]", e.event.items.join(", ")) };
                out.push_str(&format!(
                    "- {} ({}): {}{} {}\n",
                    e.event.modality.as_str(),
                    date_text(&e.date),
                    clean(&e.summary),
                    items,
                    cites(e, &by_id, 2)
                ));
                let outcomes = outcomes_of(e, &evs);
                if outcomes.is_empty() {
                    unanswered.push(e);
                }
                for o in outcomes.iter().take(2) {
                    out.push_str(&format!(
                        "  - outcome ({}, {}): {} {}\n",
                        o.event.event_type.as_str(),
                        date_text(&o.date),
                        clean(&o.summary),
                        cites(o, &by_id, 2)
                    ));
                }
            }
            out.push('\n');
        }
    }

    // agreed
    let agreed: Vec<&MergedEvent> = evs
        .iter()
        .copied()
        .filter(|e| e.event.modality == Modality::Asserted && matches!(e.event.event_type, PloverType::Agree | PloverType::Concede | PloverType::Cooperate))
        .collect();
    if !agreed.is_empty() {
        out.push_str("## What was agreed\n\n");
        for e in agreed {
            let nums: Vec<String> = e
                .reports
                .iter()
                .filter_map(|r| by_id.get(&r.doc))
                .flat_map(|d| {
                    d.events
                        .iter()
                        .filter(|x| e.reports.iter().any(|r| r.doc == d.id && r.trigger == x.trigger))
                        .flat_map(|x| x.quantities.iter().filter(|q| !q.ordinal).map(|q| clean(q.span.text(d.body()))))
                        .collect::<Vec<_>>()
                })
                .filter(|s| !s.is_empty())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let nums = if nums.is_empty() { String::new() } else { format!(" — numbers: {}", nums.join("; ")) };
            out.push_str(&format!("- **{}**: {}{} {}\n", date_text(&e.date), clean(&e.summary), nums, cites(e, &by_id, 3)));
        }
        out.push('\n');
    }

    // quotes
    let mut quotes: Vec<(bool, usize, String)> = Vec::new();
    let mut seen_quotes = BTreeSet::new();
    for d in &story_docs {
        for q in d.quotes.iter().filter(|q| q.direct) {
            let text = clean(q.span.text(d.body()));
            if text.split_whitespace().count() < 4 || !seen_quotes.insert(text.to_lowercase()) {
                continue;
            }
            let speaker = q.speaker.clone().or_else(|| q.speaker_text.clone());
            let named = q.speaker.is_some();
            let who = speaker.unwrap_or_else(|| "unattributed".to_string());
            quotes.push((named, text.len(), format!("- {}: “{}” {}\n", clean(&who), text, cite(d, q.span))));
        }
    }
    if !quotes.is_empty() {
        quotes.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
        out.push_str("## Key quotes\n\n");
        for (_, _, l) in quotes.into_iter().take(MAX_QUOTES) {
            out.push_str(&l);
        }
        out.push('\n');
    }

    // disagreements
    let mut disagreements = Vec::new();
    for e in &evs {
        for c in &e.contradictions {
            let vals: Vec<String> = c
                .values
                .iter()
                .map(|(v, doc)| {
                    let cite_s = e
                        .reports
                        .iter()
                        .find(|r| &r.doc == doc)
                        .and_then(|r| by_id.get(&r.doc).map(|d| cite(d, r.sentence)))
                        .unwrap_or_else(|| format!("[{doc}]"));
                    format!("{v} {cite_s}")
                })
                .collect();
            let field = c.field.strip_prefix("quantity:").map(|k| format!("count of “{k}”")).unwrap_or_else(|| c.field.clone());
            disagreements.push(format!("- {} ({}, {}): {}\n", field, e.event.event_type.as_str(), date_text(&e.date), vals.join(" vs ")));
        }
    }
    if !disagreements.is_empty() {
        out.push_str("## Where sources disagree\n\n");
        for l in disagreements {
            out.push_str(&l);
        }
        out.push('\n');
    }

    // unknowns
    let mut unknown = Vec::new();
    for e in &evs {
        if matches!(e.event.modality, Modality::Planned | Modality::Hypothetical) && e.date.exact_day().is_none() {
            unknown.push(format!("- date not stated exactly ({}): {} {}\n", date_text(&e.date), clean(&e.summary), cites(e, &by_id, 1)));
        }
    }
    for e in unanswered {
        unknown.push(format!("- no response reported to: {} {}\n", clean(&e.summary), cites(e, &by_id, 1)));
    }
    for d in &story_docs {
        for q in d.quotes.iter().filter(|q| q.speaker.is_none() && q.speaker_text.is_some()) {
            let who = q.speaker_text.as_deref().map(clean).unwrap_or_default();
            unknown.push(format!("- unnamed source (“{}”): {} {}\n", who, clean(q.span.text(d.body())), cite(d, q.span)));
            if unknown.len() > 20 {
                break;
            }
        }
    }
    if !unknown.is_empty() {
        out.push_str("## What remains unknown\n\n");
        for l in unknown.into_iter().take(20) {
            out.push_str(&l);
        }
        out.push('\n');
    }
    out
}

/// Later reactions to a demand or offer: events on or after its date by the
/// side it was addressed to (or about the same items or words) that accept,
/// reject or concede.
fn outcomes_of<'a>(demand: &MergedEvent, evs: &[&'a MergedEvent]) -> Vec<&'a MergedEvent> {
    let addressed: BTreeSet<String> = demand
        .event
        .recipients
        .iter()
        .map(|a| a.country.clone().unwrap_or_else(|| a.name.to_lowercase()))
        .collect();
    let words = content_terms(&demand.summary);
    let start = demand.date.sort_key();
    let mut out: Vec<(f64, &MergedEvent)> = Vec::new();
    for e in evs {
        if e.id == demand.id || e.event.modality != Modality::Asserted {
            continue;
        }
        if !matches!(e.event.event_type, PloverType::Agree | PloverType::Reject | PloverType::Concede | PloverType::Retreat) {
            continue;
        }
        if let (Some(s), Some(d)) = (start, e.date.sort_key()) {
            if d < s {
                continue;
            }
        }
        let by_addressee = e.event.actors.iter().any(|a| addressed.contains(&a.country.clone().unwrap_or_else(|| a.name.to_lowercase())));
        let items = !demand.event.items.is_empty() && demand.event.items.iter().any(|i| e.event.items.contains(i) || e.summary.contains(i.as_str()));
        let sim = bag_cosine(&words, &content_terms(&e.summary));
        if (by_addressee && sim >= 0.1) || items || sim >= 0.3 {
            out.push((sim + if items { 1.0 } else { 0.0 }, e));
        }
    }
    out.sort_by(|a, b| b.0.total_cmp(&a.0));
    out.into_iter().map(|x| x.1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coref::{merge, tests::doc};
    use chronicle_core::{Quote, Sentence};

    fn with_sentences(mut d: Document) -> Document {
        let body = d.body().to_string();
        let mut start = 0;
        for (i, _) in body.match_indices(". ") {
            d.sentences.push(Sentence { span: Span::new(&body, start, i + 1).unwrap() });
            start = i + 2;
        }
        d.sentences.push(Sentence { span: Span::new(&body, start, body.len()).unwrap() });
        d
    }

    #[test]
    fn every_brief_line_carries_a_citation() {
        let b1 = "Ukraine and Russia met for talks in Istanbul on Friday. Russia demanded that Ukraine withdraw from four regions. \"We are ready to fight for as long as it takes,\" said the Russian negotiator.";
        let b2 = "Delegations of Ukraine and Russia held talks in Istanbul on Friday. Ukraine rejected the demand to withdraw from four regions. Both sides agreed to exchange 1,000 prisoners of war.";
        let b3 = "Russia and Ukraine agreed in Istanbul to exchange 1,200 prisoners, officials said.";
        let mut a = doc("a", "BBC", "2025-05-16", b1, vec![
            ("Ukraine and Russia met for talks in Istanbul on Friday.", PloverType::Consult, Modality::Asserted, "2025-05-16", vec![]),
            ("Russia demanded that Ukraine withdraw from four regions.", PloverType::Request, Modality::Demanded, "2025-05-16", vec![]),
        ]);
        // the demand is Russia's, addressed to Ukraine
        a.events[1].actors = vec![crate::coref::tests::arg("Russia", "RUS")];
        a.events[1].recipients = vec![crate::coref::tests::arg("Ukraine", "UKR")];
        let q = b1.find("We are").unwrap();
        let qe = b1.find("takes,").unwrap() + 5;
        a.quotes.push(Quote {
            span: Span::new(b1, q, qe).unwrap(),
            direct: true,
            cue: Some("said".into()),
            cue_span: None,
            speaker_text: Some("the Russian negotiator".into()),
            speaker_span: None,
            speaker: None,
            speaker_kb_id: None,
            affiliation: Some("RUS".into()),
        });
        let b = doc("b", "Reuters", "2025-05-16", b2, vec![
            ("Delegations of Ukraine and Russia held talks in Istanbul on Friday.", PloverType::Consult, Modality::Asserted, "2025-05-16", vec![]),
            ("Ukraine rejected the demand to withdraw from four regions.", PloverType::Reject, Modality::Asserted, "2025-05-16", vec![]),
            ("Both sides agreed to exchange 1,000 prisoners of war.", PloverType::Agree, Modality::Asserted, "2025-05-16", vec![(1000.0, "prisoners of war")]),
        ]);
        let c = doc("c", "AP", "2025-05-17", b3, vec![(b3, PloverType::Agree, Modality::Asserted, "2025-05-16", vec![(1200.0, "prisoners")])]);
        let docs: Vec<Document> = vec![with_sentences(a), with_sentences(b), with_sentences(c)];
        let events = merge(&docs);
        let story = StorySummary {
            id: "s:1".into(),
            title: "Istanbul talks".into(),
            documents: docs.iter().map(|d| d.id.clone()).collect(),
            from: None,
            to: None,
        };
        let md = brief(&story, &docs, &events);
        for line in md.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            assert!(line.contains("[d:") && line.contains(" §"), "uncited line: {line}\n{md}");
        }
        assert!(md.contains("## What happened"));
        assert!(md.contains("(CONSULT, 2 sources)"), "{md}");
        assert!(md.contains("## Demands and offers") && md.contains("  - outcome (REJECT"), "{md}");
        assert!(md.contains("## Where sources disagree") && md.contains("1000 [d:b §") && md.contains("1200 [d:c §0]"), "{md}");
        assert!(md.contains("the Russian negotiator: “We are ready to fight for as long as it takes”"), "{md}");
        // every cited sentence offset is the start of a sentence of that document
        assert!(md.contains("[d:b §") && !md.contains("§-"));
    }
}
