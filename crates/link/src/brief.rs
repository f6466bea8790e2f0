//! Extractive Markdown briefs of a story.
//!
//! Every line under a heading carries at least one citation
//! `[d:… §N]`: the document id and the character offset of the cited
//! sentence's start in that document's body. The text is the sources' own:
//! evidence sentences, quotes, stated roles and numbers; the only words the
//! brief adds are labels ("outcome:", "date not stated exactly").

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chronicle_core::{char_offsets, DocId, Document, EntityType, Modality, PloverType, Span, UncertainDate};

use crate::coref::MergedEvent;
use crate::entities::{canonicalise, canonicalise_stored};
use chronicle_core::record::EntityClusters;
use crate::story::StorySummary;
use crate::text::{bag_cosine, content_terms};
use crate::timeline::date_text;

mod overview;

/// Most events listed under "What happened".
const MAX_HAPPENED: usize = 20;
/// Most quotes listed.
const MAX_QUOTES: usize = 8;
/// Most lines under "Background", "What was agreed", "Numbers" and "What remains unknown".
const MAX_SECTION: usize = 12;
/// Most role lines.
const MAX_ROLES: usize = 30;
/// Most demands and offers per side.
const MAX_PER_SIDE: usize = 6;
/// An event whose latest possible day is this many days before the earliest
/// publication date of every document of the story is background, not the story.
const BACKGROUND_DAYS: i64 = 180;
/// Talks dated to within this many days group as one round (a month or a
/// range bounded only by an uncertain publication date is too vague).
const ROUND_MAX_WIDTH_DAYS: i64 = 7;
/// Most talks with only bounded dates listed under the rounds.
const MAX_VAGUE_TALKS: usize = 5;
/// Trigger words (stems) that name talks, whatever the actors.
const TALKS_WORDS: &[&str] = &["talk", "round", "negotiation", "negotiat", "meet", "met", "summit"];
/// Trigger words (stems) that name talks when the date is vague.
const STRICT_TALKS_WORDS: &[&str] = &["talk", "round", "negotiat", "met"];
/// Role words that mark the head of a side's delegation.
const LEAD_ROLE_WORDS: &[&str] = &["negotiator", "delegation", "envoy", "head of"];

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

fn side_of(e: &MergedEvent) -> Option<&chronicle_core::EventArg> {
    e.event.actors.first()
}

/// Whose demand or offer a demanded or proposed event is: the actor of the
/// asserted demand or offer that governs it in the same sentence ("Russia
/// demanded that Ukraine withdraw": Russia's, not Ukraine's), else its own
/// first actor.
fn holder_of<'a>(e: &'a MergedEvent, evs: &[&'a MergedEvent]) -> Option<&'a chronicle_core::EventArg> {
    let governing = |x: &&&MergedEvent| {
        x.event.modality == Modality::Asserted
            && !x.event.actors.is_empty()
            && match e.event.modality {
                Modality::Demanded => x.event.event_type == PloverType::Request,
                Modality::Proposed => x.event.event_type == PloverType::Agree,
                _ => false,
            }
            && x.reports.iter().any(|xr| e.reports.iter().any(|r| r.doc == xr.doc && r.sentence == xr.sentence))
    };
    match evs.iter().find(governing) {
        Some(x) => side_of(x),
        None => side_of(e),
    }
}

fn by_date(events: &mut [&MergedEvent]) {
    events.sort_by(|a, b| {
        let (x, y) = (crate::timeline::order_key(&a.date), crate::timeline::order_key(&b.date));
        match (x, y) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then(a.id.cmp(&b.id))
    });
}

/// The earliest publication day of the story's documents (hosts, not glued-on
/// pages or duplicates, when there are any): the start of "the story's" time.
fn story_start(docs: &[&Document]) -> Option<chrono::NaiveDate> {
    let hosts: Vec<&&Document> = docs.iter().filter(|d| d.meta.appended_to.is_none() && d.meta.duplicate_of.is_none()).collect();
    let pick: Vec<&&Document> = if hosts.is_empty() { docs.iter().collect() } else { hosts };
    pick.iter().filter_map(|d| d.meta.published.date.earliest.or(d.meta.published.date.sort_key())).min()
}

/// True when the event certainly happened long before every document was published.
fn is_background(e: &MergedEvent, start: Option<chrono::NaiveDate>) -> bool {
    let latest = e.date.bounds().1;
    match (latest, start) {
        (Some(l), Some(s)) => (s - l).num_days() > BACKGROUND_DAYS,
        _ => false,
    }
}

/// "(date uncertain)" when only a range wider than a day is known.
fn uncertain_note(e: &MergedEvent) -> &'static str {
    if e.date.value.is_none() && e.date.earliest.is_some() && e.date.latest.is_some() {
        " (date uncertain)"
    } else {
        ""
    }
}

/// Pushes `line` unless an equal line (whitespace and case aside) was pushed.
fn push_unique(out: &mut Vec<String>, seen: &mut BTreeSet<String>, key: &str, line: String) {
    if seen.insert(clean(key).to_lowercase()) {
        out.push(line);
    }
}

/// Writes a section: heading and lines (at most `max`), nothing when empty.
fn section(out: &mut String, heading: &str, lines: &[String], max: usize) {
    if lines.is_empty() {
        return;
    }
    out.push_str(&format!("## {heading}\n\n"));
    for l in lines.iter().take(max) {
        out.push_str(l);
    }
    out.push('\n');
}

/// True when the merged event is a round of talks: asserted CONSULT with two
/// sides of different countries, or a trigger that names talks.
fn is_round(e: &MergedEvent, docs: &HashMap<&DocId, &Document>) -> bool {
    if e.event.event_type != PloverType::Consult || e.event.modality != Modality::Asserted {
        return false;
    }
    let sides: BTreeSet<&str> = e.event.actors.iter().chain(&e.event.recipients).filter_map(|a| a.country.as_deref()).collect();
    if sides.len() >= 2 {
        return true;
    }
    e.reports.iter().any(|r| {
        docs.get(&r.doc).is_some_and(|d| {
            crate::text::words(r.trigger.text(d.body())).iter().any(|w| {
                let st = crate::text::stem(w);
                TALKS_WORDS.iter().any(|t| st.starts_with(t))
            })
        })
    })
}

/// True when a report's trigger itself names talks ("talks", "round",
/// "negotiations", "met"), the stricter test for talks whose date is vague.
fn names_talks(e: &MergedEvent, docs: &HashMap<&DocId, &Document>) -> bool {
    e.reports.iter().any(|r| {
        docs.get(&r.doc).is_some_and(|d| {
            crate::text::words(r.trigger.text(d.body())).iter().any(|w| {
                let st = crate::text::stem(w);
                STRICT_TALKS_WORDS.iter().any(|t| if t.len() <= 3 { st == *t } else { st.starts_with(t) })
            })
        })
    })
}

/// "Sources": one line per document (outlet, date, title), citing its first sentence.
fn sources(story_docs: &[&Document]) -> String {
    let mut out = String::from("## Sources\n\n");
    for d in story_docs {
        let outlet = d.meta.outlet.as_deref().unwrap_or("outlet unknown");
        let title = d.meta.title.as_deref().map(clean).unwrap_or_default();
        let published = date_text(&d.meta.published.date);
        let first = d.sentences.first().map(|s| s.span).or_else(|| Span::new(d.body(), 0, 0).ok());
        let c = first.map(|s| cite(d, s)).unwrap_or_else(|| format!("[{} §0]", d.id));
        let dup = d.meta.duplicate_of.as_ref().map(|o| format!(" (duplicate of {o})")).unwrap_or_default();
        out.push_str(&format!("- {outlet}, {published}: {title}{dup} {c}\n"));
    }
    out.push('\n');
    out
}

/// A demand or offer worth a line: held by a real actor (resolved by the
/// knowledge base or a nationality) and with a clear object — the items it
/// names, the party it is addressed to, or an act other than a bare request,
/// consultation or statement.
fn is_real_position(e: &MergedEvent, evs: &[&MergedEvent]) -> bool {
    let clear_object = !e.event.items.is_empty()
        || !e.event.recipients.is_empty()
        || !matches!(e.event.event_type, PloverType::Request | PloverType::Consult | PloverType::Support | PloverType::Accuse | PloverType::Reject | PloverType::Protest);
    clear_object && holder_of(e, evs).is_some_and(overview::is_real_actor)
}

/// What every section of a brief reads: the story's documents, its merged
/// events in date order, and the day it started.
struct Ctx<'a> {
    story_docs: Vec<&'a Document>,
    by_id: HashMap<&'a DocId, &'a Document>,
    evs: Vec<&'a MergedEvent>,
    start: Option<chrono::NaiveDate>,
    /// The store's entity clusters (None: documents not from a store).
    clusters: Option<&'a EntityClusters>,
}

/// A Markdown brief of `story` from its documents (`docs` may hold more; only
/// the story's are used) and the merged events reported by them; its people
/// grouped by [`canonicalise`] over these documents.
pub fn brief(story: &StorySummary, docs: &[Document], events: &[MergedEvent]) -> String {
    brief_in(story, docs, events, None)
}

/// [`brief`] of a story of a store: its people are the store's entities
/// (`clusters`, decided at ingest), not grouped again.
pub fn brief_stored(story: &StorySummary, docs: &[Document], events: &[MergedEvent], clusters: &EntityClusters) -> String {
    brief_in(story, docs, events, Some(clusters))
}

fn brief_in(story: &StorySummary, docs: &[Document], events: &[MergedEvent], clusters: Option<&EntityClusters>) -> String {
    let members: BTreeSet<&DocId> = story.documents.iter().collect();
    let story_docs: Vec<&Document> =
        docs.iter().filter(|d| members.is_empty() || members.contains(&d.id)).collect();
    let by_id: HashMap<&DocId, &Document> = story_docs.iter().map(|d| (&d.id, *d)).collect();
    let mut evs: Vec<&MergedEvent> =
        events.iter().filter(|e| e.reports.iter().any(|r| by_id.contains_key(&r.doc))).collect();
    by_date(&mut evs);
    let start = story_start(&story_docs);
    let cx = Ctx { story_docs, by_id, evs, start, clusters };
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", clean(&story.title)));

    section(&mut out, "Key developments", &overview::key_developments(&cx.story_docs), MAX_SECTION);
    let round_lines = talks_lines(&cx);
    let (happened_lines, background_lines) = happened_lines(&cx);
    section(&mut out, "Rounds of talks", &round_lines, MAX_SECTION);
    section(&mut out, "What happened", &happened_lines, MAX_HAPPENED);
    section(&mut out, "Casualties", &overview::casualties(&cx.story_docs), MAX_ROLES);
    section(&mut out, "Places", &overview::places(&cx.story_docs), MAX_SECTION);
    let current: Vec<&MergedEvent> = cx.evs.iter().copied().filter(|e| !is_background(e, cx.start)).collect();
    section(&mut out, "Actors and sides", &overview::actors_and_sides(&current, &cx.by_id), MAX_SECTION);
    section(&mut out, "Background", &background_lines, MAX_SECTION);
    let (lead_lines, role_lines) = role_lines(&cx);
    section(&mut out, "Who led each side", &lead_lines, MAX_SECTION);
    section(&mut out, "People and their roles", &role_lines, MAX_ROLES);
    let unanswered = demands_and_offers(&cx, &mut out);
    section(&mut out, "What was agreed", &agreed_lines(&cx), MAX_SECTION);
    section(&mut out, "Numbers", &number_lines(&cx), MAX_SECTION);
    key_quotes(&cx, &mut out);
    section(&mut out, "Where sources disagree", &disagreement_lines(&cx), MAX_SECTION);
    section(&mut out, "What remains unknown", &unknown_lines(&cx, unanswered), MAX_SECTION);
    out.push_str(&sources(&cx.story_docs));
    escape_html(&out)
}

/// "Rounds of talks": each round with who led the sides and what was agreed
/// at it, then talks whose date is uncertain — only in a story about talks
/// (enough of its articles lead with a round).
fn talks_lines(cx: &Ctx<'_>) -> Vec<String> {
    let (rounds, mut vague_talks) = rounds_of_talks(&cx.evs, &cx.story_docs, &cx.by_id, cx.start);
    let lede_docs: BTreeSet<&DocId> = rounds.iter().flat_map(|r| r.lede_docs.iter().copied()).collect();
    let hosts = cx.story_docs.iter().filter(|d| d.meta.appended_to.is_none() && d.meta.duplicate_of.is_none()).count();
    let about_talks = lede_docs.len() as f64 >= (hosts as f64 * crate::settings::SETTINGS.brief_talks_min_share).max(1.0);
    let rounds = if about_talks { rounds } else { Vec::new() };
    if !about_talks {
        vague_talks.clear();
    }
    let mut round_lines = Vec::new();
    let mut in_rounds: BTreeSet<&str> = BTreeSet::new();
    for (i, round) in rounds.iter().enumerate() {
        in_rounds.extend(round.events.iter().map(|e| e.id.as_str()));
        round_lines.push(render_round(i + 1, round, &cx.evs, &cx.by_id));
    }
    vague_talks.retain(|e| !in_rounds.contains(e.id.as_str()));
    vague_talks.sort_by(|a, b| {
        let w = |e: &MergedEvent| match (e.date.earliest, e.date.latest) {
            (Some(x), Some(y)) => (y - x).num_days(),
            _ => i64::MAX,
        };
        b.num_sources.cmp(&a.num_sources).then(w(a).cmp(&w(b))).then(a.id.cmp(&b.id))
    });
    vague_talks.truncate(MAX_VAGUE_TALKS);
    by_date(&mut vague_talks);
    let mut seen: BTreeSet<String> = rounds.iter().flat_map(|r| r.events.iter().map(|e| clean(&e.summary).to_lowercase())).collect();
    for e in vague_talks {
        let line = format!("- other talks, date uncertain ({}): {} {}\n", date_text(&e.date), clean(&e.summary), cites(e, &cx.by_id, 2));
        push_unique(&mut round_lines, &mut seen, &e.summary, line);
    }
    round_lines
}

/// "What happened" (asserted events of the story's time, dated or reported
/// by two sources, the best-sourced when there are many) and "Background"
/// (asserted events from well before the story began).
fn happened_lines(cx: &Ctx<'_>) -> (Vec<String>, Vec<String>) {
    let asserted: Vec<&MergedEvent> = cx.evs.iter().copied().filter(|e| e.event.modality == Modality::Asserted).collect();
    let background: Vec<&MergedEvent> = asserted.iter().copied().filter(|e| is_background(e, cx.start)).collect();
    let mut happened: Vec<&MergedEvent> = asserted
        .iter()
        .copied()
        .filter(|e| !is_background(e, cx.start))
        .filter(|e| !e.date.is_unknown() || e.num_sources >= 2)
        .collect();
    if happened.len() > MAX_HAPPENED {
        happened.sort_by(|a, b| b.num_sources.cmp(&a.num_sources).then(b.reports.len().cmp(&a.reports.len())).then(a.id.cmp(&b.id)));
        happened.truncate(MAX_HAPPENED);
        by_date(&mut happened);
    }
    let mut seen = BTreeSet::new();
    let mut happened_lines = Vec::new();
    for e in &happened {
        let line = format!(
            "- **{}**{} ({}, {} source{}): {} {}\n",
            date_text(&e.date),
            uncertain_note(e),
            e.event.event_type.as_str(),
            e.num_sources,
            if e.num_sources == 1 { "" } else { "s" },
            clean(&e.summary),
            cites(e, &cx.by_id, 3)
        );
        push_unique(&mut happened_lines, &mut seen, &e.summary, line);
    }
    let mut background_lines = Vec::new();
    for e in &background {
        let line = format!("- **{}** ({}): {} {}\n", date_text(&e.date), e.event.event_type.as_str(), clean(&e.summary), cites(e, &cx.by_id, 2));
        push_unique(&mut background_lines, &mut seen, &e.summary, line);
    }
    (happened_lines, background_lines)
}

/// "Who led each side" and "People and their roles": one line per person and
/// role, citing every document that states it (up to three).
fn role_lines(cx: &Ctx<'_>) -> (Vec<String>, Vec<String>) {
    let doc_vec: Vec<Document> = cx.story_docs.iter().map(|d| (*d).clone()).collect();
    let entities = match cx.clusters {
        Some(c) => canonicalise_stored(&doc_vec, c),
        None => canonicalise(&doc_vec),
    };
    let mut role_lines = Vec::new();
    let mut lead_lines = Vec::new();
    for ent in entities.iter().filter(|e| e.entity_type == EntityType::Person) {
        let mut grouped: Vec<(String, Option<String>, Vec<&crate::entities::EntityRole>)> = Vec::new();
        for r in &ent.roles {
            match grouped.iter_mut().find(|g| g.0 == r.title && g.1 == r.of) {
                Some(g) => g.2.push(r),
                None => grouped.push((r.title.clone(), r.of.clone(), vec![r])),
            }
        }
        for (title, of, list) in grouped {
            let Some(line) = role_line(cx, &ent.name, &title, of.as_deref(), &list) else { continue };
            if LEAD_ROLE_WORDS.iter().any(|w| title.contains(w)) {
                lead_lines.push(line.replacen("- ", &format!("- {}: ", of.as_deref().unwrap_or("side unknown")), 1));
            }
            role_lines.push(line);
        }
    }
    lead_lines.sort();
    (lead_lines, role_lines)
}

/// One person's role line: the dates it holds as of, the first evidence
/// sentence quoted, and up to three citations. None without evidence in the
/// story.
fn role_line(cx: &Ctx<'_>, name: &str, title: &str, of: Option<&str>, list: &[&crate::entities::EntityRole]) -> Option<String> {
    let mut dates: Vec<String> = Vec::new();
    let mut cs: Vec<String> = Vec::new();
    let mut quote = None;
    for r in list {
        let dt = date_text(&r.as_of);
        if !dates.contains(&dt) {
            dates.push(dt);
        }
        for ev in &r.evidence {
            let Some(d) = cx.by_id.get(&ev.doc) else { continue };
            let c = cite(d, ev.span);
            if !cs.contains(&c) && cs.len() < 3 {
                cs.push(c);
            }
            if quote.is_none() {
                quote = Some(clean(ev.span.text(d.body())));
            }
        }
    }
    let quote = quote?;
    let of_s = of.map(|o| format!(" ({o})")).unwrap_or_default();
    Some(format!("- {}: {}{}, as of {}: “{}” {}\n", name, title, of_s, dates.join("; "), quote, cs.join(" ")))
}

/// "Demands and offers", per side, each with its outcomes; written to `out`.
/// The positions no outcome answers.
fn demands_and_offers<'a>(cx: &Ctx<'a>, out: &mut String) -> Vec<&'a MergedEvent> {
    let positions: Vec<&MergedEvent> = cx
        .evs
        .iter()
        .copied()
        .filter(|e| matches!(e.event.modality, Modality::Demanded | Modality::Proposed) && !is_background(e, cx.start) && is_real_position(e, &cx.evs))
        .collect();
    let mut unanswered: Vec<&MergedEvent> = Vec::new();
    if positions.is_empty() {
        return unanswered;
    }
    out.push_str("## Demands and offers\n\n");
    let mut sides: BTreeMap<String, Vec<&MergedEvent>> = BTreeMap::new();
    for e in &positions {
        let side = holder_of(e, &cx.evs).map(|a| a.country.clone().unwrap_or_else(|| a.name.clone())).unwrap_or_else(|| "unattributed".into());
        sides.entry(side).or_default().push(e);
    }
    let mut seen = BTreeSet::new();
    for (side, mut list) in sides {
        list.sort_by(|a, b| b.num_sources.cmp(&a.num_sources).then(b.event.items.len().cmp(&a.event.items.len())).then(a.id.cmp(&b.id)));
        let mut lines = Vec::new();
        for e in list {
            if lines.len() >= MAX_PER_SIDE || !seen.insert(clean(&e.summary).to_lowercase()) {
                continue;
            }
            let outcomes = outcomes_of(e, &cx.evs);
            if outcomes.is_empty() {
                unanswered.push(e);
            }
            lines.push(position_block(cx, e, &outcomes));
        }
        if lines.is_empty() {
            continue;
        }
        out.push_str(&format!("### {side}\n\n"));
        for l in lines {
            out.push_str(&l);
        }
        out.push('\n');
    }
    unanswered
}

/// One demand or offer with up to two of its outcomes.
fn position_block(cx: &Ctx<'_>, e: &MergedEvent, outcomes: &[&MergedEvent]) -> String {
    let items = if e.event.items.is_empty() { String::new() } else { format!(" [items: {}]", e.event.items.join(", ")) };
    let mut block = format!("- {} ({}): {}{} {}\n", e.event.modality.as_str(), date_text(&e.date), clean(&e.summary), items, cites(e, &cx.by_id, 2));
    for o in outcomes.iter().filter(|o| clean(&o.summary) != clean(&e.summary)).take(2) {
        block.push_str(&format!(
            "  - outcome ({}, {}): {} {}\n",
            o.event.event_type.as_str(),
            date_text(&o.date),
            clean(&o.summary),
            cites(o, &cx.by_id, 2)
        ));
    }
    block
}

/// "What was agreed": the best-sourced asserted agreements, concessions and
/// cooperation of the story's time, in date order.
fn agreed_lines(cx: &Ctx<'_>) -> Vec<String> {
    let mut ranked: Vec<&MergedEvent> = cx
        .evs
        .iter()
        .copied()
        .filter(|e| e.event.modality == Modality::Asserted && !is_background(e, cx.start) && matches!(e.event.event_type, PloverType::Agree | PloverType::Concede | PloverType::Cooperate))
        .collect();
    ranked.sort_by(|a, b| b.num_sources.cmp(&a.num_sources).then(b.event.quantities.len().cmp(&a.event.quantities.len())).then(a.id.cmp(&b.id)));
    ranked.truncate(MAX_SECTION);
    by_date(&mut ranked);
    let mut agreed_lines = Vec::new();
    let mut seen = BTreeSet::new();
    for e in ranked {
        let line = format!("- **{}**{}: {} {}\n", date_text(&e.date), uncertain_note(e), clean(&e.summary), cites(e, &cx.by_id, 3));
        push_unique(&mut agreed_lines, &mut seen, &e.summary, line);
    }
    agreed_lines
}

/// "Numbers": the quantities of what was agreed, given up or done, each
/// with its sentence — what was agreed or given up first.
fn number_lines(cx: &Ctx<'_>) -> Vec<String> {
    let mut number_lines = Vec::new();
    let mut seen_numbers = BTreeSet::new();
    for e in cx.evs.iter().copied().filter(|e| {
        e.event.modality == Modality::Asserted && !is_background(e, cx.start) && matches!(e.event.event_type, PloverType::Agree | PloverType::Retreat | PloverType::Assault)
    }) {
        let rank = match e.event.event_type {
            PloverType::Agree => 0,
            PloverType::Retreat => 1,
            _ => 2,
        };
        for r in &e.reports {
            let Some(d) = cx.by_id.get(&r.doc) else { continue };
            for x in d.events.iter().filter(|x| x.trigger == r.trigger && x.sentence == r.sentence) {
                for q in x.quantities.iter().filter(|q| !q.ordinal) {
                    let words = clean(q.span.text(d.body()));
                    if words.is_empty() || !seen_numbers.insert(format!("{}#{}#{}", d.id, r.sentence.start(), words)) {
                        continue;
                    }
                    let counts = q.counts.as_deref().map(|c| format!(" ({c})")).unwrap_or_default();
                    number_lines.push((rank, format!(
                        "- {}{} — {}, {}: {} {}\n",
                        words,
                        counts,
                        e.event.event_type.as_str(),
                        date_text(&e.date),
                        clean(r.sentence.text(d.body())),
                        cite(d, r.sentence)
                    )));
                }
            }
        }
    }
    number_lines.sort_by_key(|x| x.0);
    number_lines.into_iter().map(|x| x.1).collect()
}

/// "Key quotes": direct quotations of four words or more, named speakers and
/// longer quotes first; written to `out`.
fn key_quotes(cx: &Ctx<'_>, out: &mut String) {
    let mut quotes: Vec<(bool, usize, String)> = Vec::new();
    let mut seen_quotes = BTreeSet::new();
    for d in &cx.story_docs {
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
    if quotes.is_empty() {
        return;
    }
    quotes.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    out.push_str("## Key quotes\n\n");
    for (_, _, l) in quotes.into_iter().take(MAX_QUOTES) {
        out.push_str(&l);
    }
    out.push('\n');
}

/// "Where sources disagree": each contradiction between reports of one
/// event, each value cited.
fn disagreement_lines(cx: &Ctx<'_>) -> Vec<String> {
    let mut disagreements = Vec::new();
    for e in &cx.evs {
        for c in &e.contradictions {
            let vals: Vec<String> = c
                .values
                .iter()
                .map(|(v, doc)| {
                    let cite_s = e
                        .reports
                        .iter()
                        .find(|r| &r.doc == doc)
                        .and_then(|r| cx.by_id.get(&r.doc).map(|d| cite(d, r.sentence)))
                        .unwrap_or_else(|| format!("[{doc}]"));
                    format!("{v} {cite_s}")
                })
                .collect();
            let field = c.field.strip_prefix("quantity:").map(|k| format!("count of “{k}”")).unwrap_or_else(|| c.field.clone());
            disagreements.push(format!("- {} ({}, {}): {}\n", field, e.event.event_type.as_str(), date_text(&e.date), vals.join(" vs ")));
        }
    }
    let mut seen = BTreeSet::new();
    disagreements.retain(|l| seen.insert(l.clone()));
    disagreements
}

/// "What remains unknown": planned acts with no exact date, positions no one
/// answered, and quotes from unnamed sources.
fn unknown_lines(cx: &Ctx<'_>, unanswered: Vec<&MergedEvent>) -> Vec<String> {
    let mut unknown = Vec::new();
    let mut seen = BTreeSet::new();
    for e in cx.evs.iter().filter(|e| !is_background(e, cx.start)) {
        if matches!(e.event.modality, Modality::Planned | Modality::Hypothetical) && e.date.exact_day().is_none() {
            let line = format!("- date not stated exactly ({}): {} {}\n", date_text(&e.date), clean(&e.summary), cites(e, &cx.by_id, 1));
            push_unique(&mut unknown, &mut seen, &e.summary, line);
        }
    }
    for e in unanswered {
        let line = format!("- no response reported to: {} {}\n", clean(&e.summary), cites(e, &cx.by_id, 1));
        push_unique(&mut unknown, &mut seen, &format!("no response {}", e.summary), line);
    }
    for d in &cx.story_docs {
        for q in d.quotes.iter().filter(|q| q.speaker.is_none() && q.speaker_text.is_some()) {
            let who = q.speaker_text.as_deref().map(clean).unwrap_or_default();
            let text = clean(q.span.text(d.body()));
            let line = format!("- unnamed source (“{}”): {} {}\n", who, text, cite(d, q.span));
            push_unique(&mut unknown, &mut seen, &text, line);
        }
    }
    unknown
}

/// The brief with the characters that would start HTML in a Markdown
/// renderer (`<`, `>`, `&`) backslash-escaped (CommonMark shows `\<` as
/// `<`). The brief's own markup never uses them, so every one comes from an
/// article (a quote, a title, an outlet name) and must stay text: a page that
/// carries `<script>` or `<img onerror=…>` must not run in whatever renders
/// the brief.
fn escape_html(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    for c in md.chars() {
        if matches!(c, '<' | '>' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Later reactions to a demand or offer: events on or after its date by the
/// side it was addressed to (or about the same items or words) that accept,
/// Titles that name the head of a delegation ("lead negotiator").
const HEAD_TITLES: &[&str] = &["lead negotiator", "chief negotiator", "top negotiator", "head of delegation", "head of the delegation", "delegation head"];

/// Sentences at the top of an article that say what it is about.
const LEDE_SENTENCES: usize = 3;

/// One round of talks: the merged events that report it, its date (the
/// intersection of theirs) and the documents whose lede is about it.
struct Round<'a> {
    events: Vec<&'a MergedEvent>,
    date: UncertainDate,
    lede_docs: BTreeSet<&'a DocId>,
}

/// True when the event could be a round of talks: CONSULT, asserted or
/// planned, between two sides or named as talks.
fn is_talks_candidate(e: &MergedEvent, docs: &HashMap<&DocId, &Document>) -> bool {
    match e.event.modality {
        Modality::Asserted => is_round(e, docs),
        Modality::Planned => e.event.event_type == PloverType::Consult && (names_talks(e, docs) || is_round(e, docs)),
        _ => false,
    }
}

/// The start of a report's sentence, when it is among the first sentences of its document.
fn lede_position(e: &MergedEvent, doc: &Document) -> Option<usize> {
    let lede_end = doc.sentences.get(LEDE_SENTENCES).map_or(usize::MAX, |s| s.span.start());
    e.reports.iter().filter(|r| r.doc == doc.id && r.sentence.start() < lede_end).map(|r| r.sentence.start()).min()
}

/// Rounds of talks in date order, and the talks too vague to be one.
///
/// Talks dated to within a week group into one round. Each article's lede
/// names the round it is about; when that round has no such date it still is
/// one (an article about talks "on Wednesday" whose own date is only bounded)
/// unless its date fits a round already known, and other talks of that article
/// on a named weekday or day narrow its date.
fn rounds_of_talks<'a>(
    evs: &[&'a MergedEvent],
    story_docs: &[&'a Document],
    by_id: &HashMap<&DocId, &Document>,
    start: Option<chrono::NaiveDate>,
) -> (Vec<Round<'a>>, Vec<&'a MergedEvent>) {
    let cands: Vec<&MergedEvent> = evs.iter().copied().filter(|e| !is_background(e, start) && is_talks_candidate(e, by_id)).collect();
    let mut rounds: Vec<Round> = Vec::new();
    let mut vague: Vec<&MergedEvent> = Vec::new();
    for e in cands.iter().copied().filter(|e| e.event.modality == Modality::Asserted) {
        let narrow = match (e.date.earliest, e.date.latest) {
            (Some(lo), Some(hi)) => (hi - lo).num_days() <= ROUND_MAX_WIDTH_DAYS && e.date.weekday.is_none() || e.date.exact_day().is_some(),
            _ => false,
        };
        if !narrow {
            if !e.date.is_unknown() && names_talks(e, by_id) {
                vague.push(e);
            }
            continue;
        }
        match rounds.iter_mut().find(|r| r.date.intersect(&e.date).is_some()) {
            Some(r) => {
                r.date = r.date.intersect(&e.date).unwrap_or_else(|| r.date.clone());
                r.events.push(e);
            }
            None => rounds.push(Round { events: vec![e], date: e.date.clone(), lede_docs: BTreeSet::new() }),
        }
    }
    // each article's lede round
    for doc in story_docs.iter().filter(|d| d.meta.appended_to.is_none() && d.meta.duplicate_of.is_none()) {
        let lead = cands.iter().copied().filter(|e| !says_earlier(e, doc)).filter_map(|e| lede_position(e, doc).map(|p| (p, e))).min_by_key(|x| x.0);
        // no talks in the lede: the article's first talks on a named day or weekday
        let day_talks = talks_on_a_named_day(&cands, by_id, doc);
        let lead = lead.or_else(|| day_talks.iter().filter(|(_, e)| !in_a_round(&rounds, e)).min_by_key(|x| x.0).copied());
        let Some((_, lead)) = lead else {
            continue;
        };
        // the lede's own round, or its talks named on a day or weekday later in
        // the article when those are already a round
        let named_later = day_talks
            .iter()
            .filter(|(_, e)| e.id != lead.id && e.date.intersect(&lead.date).is_some())
            .min_by_key(|x| x.0)
            .map(|x| x.1);
        let known = [Some(lead), named_later].into_iter().flatten().find_map(|e| rounds.iter().position(|r| r.events.iter().any(|x| x.id == e.id)));
        if let Some(r) = known.and_then(|i| rounds.get_mut(i)) {
            r.lede_docs.insert(&doc.id);
            continue;
        }
        let mut round = Round { events: vec![lead], date: lead.date.clone(), lede_docs: BTreeSet::from([&doc.id]) };
        // the article's other talks on a named day or weekday narrow the date
        for &(_, e) in &day_talks {
            if e.id == lead.id || !e.reports.iter().all(|r| r.doc == doc.id) || in_a_round(&rounds, e) {
                continue;
            }
            if let Some(d) = round.date.intersect(&e.date) {
                round.date = d;
                round.events.push(e);
            }
        }
        // talks that may be one of the rounds already known are no new round
        if round.date.is_unknown() || rounds.iter().any(|r| r.date.intersect(&round.date).is_some()) {
            for e in round.events {
                if !vague.iter().any(|v| v.id == e.id) && !e.date.is_unknown() {
                    vague.push(e);
                }
            }
            continue;
        }
        rounds.push(round);
    }
    rounds.sort_by_key(|r| crate::timeline::order_key(&r.date));
    (rounds, vague)
}

/// True when `e` is one of the rounds' events.
fn in_a_round(rounds: &[Round<'_>], e: &MergedEvent) -> bool {
    rounds.iter().any(|r| r.events.iter().any(|x| x.id == e.id))
}

/// The talks `doc` reports on a named day or weekday, not placed in earlier
/// rounds, each with the start of its first sentence in `doc`; in `cands` order.
fn talks_on_a_named_day<'a>(cands: &[&'a MergedEvent], by_id: &HashMap<&DocId, &Document>, doc: &Document) -> Vec<(usize, &'a MergedEvent)> {
    cands
        .iter()
        .copied()
        .filter(|e| (e.date.weekday.is_some() || e.date.exact_day().is_some()) && names_talks(e, by_id) && !says_earlier(e, doc))
        .filter_map(|e| e.reports.iter().filter(|r| r.doc == doc.id).map(|r| r.sentence.start()).min().map(|p| (p, e)))
        .collect()
}

/// Words that place a statement in earlier rounds ("the two sides previously met").
const EARLIER_WORDS: &[&str] = &["previous", "previously", "earlier", "prior", "last"];

/// True when a report's sentence places it in earlier rounds.
fn says_earlier(e: &MergedEvent, doc: &Document) -> bool {
    e.reports.iter().filter(|r| r.doc == doc.id).all(|r| crate::text::words(r.sentence.text(doc.body())).iter().any(|w| EARLIER_WORDS.contains(&w.as_str())))
}

/// True when an agreement reported by an article about `round` is about this
/// round: reported in one of the round's own sentences, or dated no more
/// precisely than the round (an agreement "in March" is not one of a round
/// known only as "a Monday" of some months) and not placed in earlier rounds.
fn at_this_round(e: &MergedEvent, round: &Round<'_>, by_id: &HashMap<&DocId, &Document>) -> bool {
    let own_sentence = e.reports.iter().any(|r| round.events.iter().any(|x| x.reports.iter().any(|y| y.doc == r.doc && y.sentence == r.sentence)));
    if own_sentence {
        // one sentence may tell of two rounds ("the last talks on May 16 and June 2")
        return e.date.intersect(&round.date).is_some();
    }
    let as_vague = e.date.intersect(&round.date).is_some_and(|d| d == round.date);
    let earlier = e.reports.iter().any(|r| {
        by_id.get(&r.doc).is_some_and(|d| crate::text::words(r.sentence.text(d.body())).iter().any(|w| EARLIER_WORDS.contains(&w.as_str())))
    });
    as_vague && !earlier
}

/// A round's lines: date, sources and the top report; who led each side; what was agreed.
fn render_round(n: usize, round: &Round<'_>, evs: &[&MergedEvent], by_id: &HashMap<&DocId, &Document>) -> String {
    let mut list = round.events.clone();
    list.sort_by(|a, b| {
        (b.event.modality == Modality::Asserted)
            .cmp(&(a.event.modality == Modality::Asserted))
            .then(b.num_sources.cmp(&a.num_sources))
            .then(b.reports.len().cmp(&a.reports.len()))
            .then(a.id.cmp(&b.id))
    });
    let Some(top) = list.first() else { return String::new() };
    let sources: BTreeSet<&DocId> = list.iter().flat_map(|e| e.reports.iter().map(|r| &r.doc)).collect();
    let mut seen = BTreeSet::new();
    let mut c: Vec<String> = Vec::new();
    for e in &list {
        for part in cites(e, by_id, 3).split("] ").filter(|x| !x.is_empty()) {
            let part = if part.ends_with(']') { part.to_string() } else { format!("{part}]") };
            if seen.insert(part.clone()) && c.len() < 4 {
                c.push(part);
            }
        }
    }
    let planned = round.events.iter().all(|e| e.event.modality == Modality::Planned);
    let uncertain = if round.date.value.is_none() && !round.date.is_unknown() { " (date uncertain)" } else { "" };
    let mut out = format!(
        "- round {n} — **{}**{}{} ({} document{}): {} {}\n",
        date_text(&round.date),
        uncertain,
        if planned { " (announced)" } else { "" },
        sources.len(),
        if sources.len() == 1 { "" } else { "s" },
        clean(&top.summary),
        c.join(" ")
    );
    // who led each side, as the articles about this round state it: delegation
    // statements first, then stated roles that say the same ("Russia's lead negotiator, X")
    let lede_docs: Vec<&Document> = round.lede_docs.iter().filter_map(|id| by_id.get(id).copied()).collect();
    let mut statements: Vec<(String, String, String)> = Vec::new();
    for doc in &lede_docs {
        for h in crate::delegation::delegation_heads(doc).into_iter().filter(|h| !h.earlier) {
            statements.push((h.side.unwrap_or_else(|| "side unknown".into()), h.person, cite(doc, h.sentence)));
        }
    }
    for doc in &lede_docs {
        for r in doc.roles.iter().filter(|r| HEAD_TITLES.iter().any(|t| r.title.contains(t))) {
            if let Some(side) = &r.of {
                statements.push((side.clone(), r.person.clone(), cite(doc, r.evidence)));
            }
        }
    }
    // the first person named for a side leads it; up to three citations each
    let mut heads: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    for (side, person, cite) in statements {
        let entry = heads.entry(side).or_insert_with(|| (person.clone(), Vec::new()));
        if entry.0 == person && !entry.1.contains(&cite) && entry.1.len() < 3 {
            entry.1.push(cite);
        }
    }
    // only the sides of the talks, when the reports name them (a delegation at a
    // side meeting the same day is not one of this round's)
    let sides: BTreeSet<&str> = round
        .events
        .iter()
        .flat_map(|e| e.event.actors.iter().chain(&e.event.recipients))
        .filter_map(|a| a.country.as_deref())
        .collect();
    if sides.len() >= 2 {
        heads.retain(|side, _| sides.contains(side.as_str()));
    }
    if !heads.is_empty() {
        let parts: Vec<String> = heads.iter().map(|(side, (p, cs))| format!("{side}: {p} {}", cs.join(" "))).collect();
        out.push_str(&format!("  - led by: {}\n", parts.join("; ")));
    }
    // what was agreed or exchanged at it, with numbers, from the articles about it
    let mut agreed_seen = BTreeSet::new();
    let mut n_agreed = 0;
    for e in evs.iter().copied().filter(|e| {
        matches!(e.event.event_type, PloverType::Agree | PloverType::Retreat | PloverType::Concede)
            && matches!(e.event.modality, Modality::Asserted | Modality::Planned)
            && (!e.event.quantities.is_empty() || !e.event.items.is_empty())
            && e.reports.iter().any(|r| round.lede_docs.contains(&r.doc) || round.events.iter().any(|x| x.reports.iter().any(|y| y.doc == r.doc && y.sentence == r.sentence)))
            && at_this_round(e, round, by_id)
    }) {
        if n_agreed >= 3 || !agreed_seen.insert(clean(&e.summary).to_lowercase()) {
            continue;
        }
        let numbers: Vec<String> = e.event.quantities.iter().filter_map(|q| by_id.get(&e.reports[0].doc).map(|d| clean(q.span.text(d.body())))).collect();
        let what = if numbers.is_empty() { String::new() } else { format!(" [{}]", numbers.join(", ")) };
        out.push_str(&format!("  - {} ({}){}: {} {}\n", e.event.event_type.as_str(), e.event.modality.as_str(), what, clean(&e.summary), cites(e, by_id, 2)));
        n_agreed += 1;
    }
    out
}

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

    /// Article text reaches the brief as text: markup an article carries is
    /// escaped so that no Markdown renderer turns it into HTML.
    #[test]
    fn article_markup_is_escaped_in_the_brief() {
        let body = "Rebels <script>alert(1)</script> & allies attacked the base on Monday.";
        let mut d = doc("x", "Wire <b>News</b>", "2025-05-16", body, vec![(body, PloverType::Assault, Modality::Asserted, "2025-05-12", vec![])]);
        d.meta.title = Some("<img src=x onerror=alert(1)>".into());
        let docs = vec![with_sentences(d)];
        let events = merge(&docs);
        let story = StorySummary { id: "s:1".into(), title: "<i>War</i>".into(), documents: vec![docs[0].id.clone()], from: None, to: None };
        let md = brief(&story, &docs, &events);
        let bare = md.replace("\\<", "").replace("\\>", "").replace("\\&", "");
        assert!(!bare.contains('<') && !bare.contains('>') && !bare.contains('&'), "{md}");
        assert!(md.contains("\\<img src=x onerror=alert(1)\\>") && md.contains("# \\<i\\>War"), "{md}");
    }

    /// A war story whose one article about talks is a minority: no "Rounds of
    /// talks"; key developments open the brief; a demand held by a word the
    /// tagger took for a party ("God") is not a position.
    #[test]
    fn a_war_story_gets_developments_and_no_rounds() {
        use crate::coref::tests::arg;
        let mut docs = Vec::new();
        for (i, day) in ["2011-03-01", "2011-03-02", "2011-03-03", "2011-03-04", "2011-03-05"].iter().enumerate() {
            let s = format!("Government forces shelled the rebel town of Misrata for the {} day in a row. Rebels said 12 civilians were killed.", ["first", "second", "third", "fourth", "fifth"][i]);
            let first = s.split(". ").next().unwrap_or_default().to_string() + ".";
            let mut d = doc(&format!("w{i}"), "Wire", day, &s, vec![(first.as_str(), PloverType::Assault, Modality::Asserted, day, vec![])]);
            d.events[0].actors = vec![arg("Libyan forces", "LBY")];
            d.events[0].recipients = vec![arg("rebels", "LBY")];
            d.quantities.push(chronicle_core::Quantity {
                span: Span::new(&s, s.find("12").unwrap(), s.find("12").unwrap() + 2).unwrap(),
                value: 12.0,
                approx: None,
                unit: None,
                counts: Some("civilians".into()),
                ordinal: false,
            });
            docs.push(with_sentences(d));
        }
        let talks = "Libya and Turkey met for talks in Ankara on Monday. God demanded that the fighting stop at once.";
        let mut t = doc("t", "Wire", "2011-03-07", talks, vec![
            ("Libya and Turkey met for talks in Ankara on Monday.", PloverType::Consult, Modality::Asserted, "2011-03-07", vec![]),
            ("God demanded that the fighting stop at once.", PloverType::Retreat, Modality::Demanded, "", vec![]),
        ]);
        t.events[0].actors = vec![arg("Libya", "LBY")];
        t.events[0].recipients = vec![arg("Turkey", "TUR")];
        t.events[1].actors = vec![unresolved("God")];
        t.events[1].recipients = vec![];
        docs.push(with_sentences(t));
        let events = merge(&docs);
        let story = StorySummary { id: "s:w".into(), title: "War".into(), documents: docs.iter().map(|d| d.id.clone()).collect(), from: None, to: None };
        let md = brief(&story, &docs, &events);
        for line in md.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            assert!(line.contains("[d:") && line.contains(" §"), "uncited line: {line}\n{md}");
        }
        assert!(!md.contains("## Rounds of talks"), "{md}");
        let dev = md.find("## Key developments").expect(&md);
        assert!(dev < md.find("## What happened").expect(&md) && md.find("## Sources").expect(&md) > dev, "{md}");
        assert!(md.contains("## Casualties\n\n- killed: figures from 12 [d:w0 §"), "{md}");
        assert!(md.contains("## Actors and sides\n\n- LBY: Libyan forces (5 events)"), "{md}");
        assert!(!md.contains("### God") && !md.contains("the fighting stop"), "{md}");
    }

    /// An argument neither the knowledge base nor a nationality resolved.
    fn unresolved(name: &str) -> chronicle_core::EventArg {
        chronicle_core::EventArg { name: name.into(), kb_id: None, country: None, sector: None, span: None }
    }

    fn role(d: &mut Document, person: &str, title: &str, words: &str, as_of: &str) {
        let body = d.body().to_string();
        let at = body.find(words).unwrap();
        d.roles.push(chronicle_core::RoleClaim {
            person: person.into(),
            kb_id: None,
            title: title.into(),
            of: Some("UKR".into()),
            evidence: Span::new(&body, at, at + words.len()).unwrap(),
            as_of: chronicle_core::UncertainDate::parse_value(as_of).unwrap(),
        });
    }

    #[test]
    fn rounds_background_numbers_and_collapsed_roles() {
        let s1 = "Ukraine and Russia met for talks in Istanbul on Friday.";
        let s_old = "Crimea was annexed by Russia in 2014.";
        let s_agree = "Both sides agreed to exchange 1,000 prisoners of war.";
        let r1 = "Defence Minister Rustem Umerov led Ukraine's delegation.";
        let b1 = format!("{s1} {s_old} {s_agree} {r1}");
        let s2 = "Ukraine and Russia held a second round of talks in Istanbul on Monday.";
        let r2 = "Defence Minister Rustem Umerov again led the delegation.";
        let b2 = format!("{s2} {r2}");
        let s3 = "Delegations of Ukraine and Russia meet in Istanbul today for a third round.";
        let r3 = "The delegation is led by former defence minister Rustem Umerov.";
        let b3 = format!("{s3} {r3}");
        let mut a = doc("a", "BBC", "2025-05-16", &b1, vec![
            (s1, PloverType::Consult, Modality::Asserted, "2025-05-16", vec![]),
            (s_old, PloverType::Concede, Modality::Asserted, "2014", vec![]),
            (s_agree, PloverType::Agree, Modality::Asserted, "2025-05-16", vec![(1000.0, "prisoners of war")]),
        ]);
        role(&mut a, "Rustem Umerov", "defence minister", "Defence Minister Rustem Umerov", "2025-05-16");
        let mut b = doc("b", "Reuters", "2025-06-02", &b2, vec![(s2, PloverType::Consult, Modality::Asserted, "2025-06-02", vec![])]);
        role(&mut b, "Rustem Umerov", "defence minister", "Defence Minister Rustem Umerov", "2025-06-02");
        let mut c = doc("c", "AP", "2025-07-23", &b3, vec![(s3, PloverType::Consult, Modality::Asserted, "2025-07-23", vec![])]);
        role(&mut c, "Rustem Umerov", "former defence minister", "former defence minister Rustem Umerov", "2025-07-23");
        // a fourth report of talks known only within the bounds of an uncertain publication date
        let s4 = "Talks between both countries resumed at an Ottoman palace by the Bosphorus.";
        let mut d4 = doc("d", "Al Jazeera", "2025-06-03", s4, vec![(s4, PloverType::Consult, Modality::Asserted, "", vec![])]);
        d4.events[0].date = chronicle_core::UncertainDate::between(
            chrono::NaiveDate::from_ymd_opt(2025, 1, 20),
            chrono::NaiveDate::from_ymd_opt(2025, 7, 14),
        );
        let docs: Vec<Document> = vec![with_sentences(a), with_sentences(b), with_sentences(c), with_sentences(d4)];
        let events = merge(&docs);
        let story = StorySummary { id: "s:1".into(), title: "Talks".into(), documents: docs.iter().map(|d| d.id.clone()).collect(), from: None, to: None };
        let md = brief(&story, &docs, &events);
        let body_lines: Vec<&str> = md.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).collect();
        for line in &body_lines {
            assert!(line.contains("[d:") && line.contains(" §"), "uncited line: {line}\n{md}");
        }
        let unique: BTreeSet<&&str> = body_lines.iter().collect();
        assert_eq!(unique.len(), body_lines.len(), "duplicated lines\n{md}");
        // three rounds, in order
        let r1 = md.find("- round 1 — **2025-05-16**").expect(&md);
        let r2 = md.find("- round 2 — **2025-06-02**").expect(&md);
        let r3 = md.find("- round 3 — **2025-07-23**").expect(&md);
        assert!(r1 < r2 && r2 < r3);
        let vague = md.find("- other talks, date uncertain (between 2025-01-20 and 2025-07-14): Talks between both").expect(&md);
        assert!(r3 < vague && !md.contains("round 4"), "{md}");
        // a bounded report of the second round with the same content joins it
        let s5 = "Ukraine and Russia held a second round of talks in Istanbul on Monday, officials said.";
        let mut d5 = doc("e", "AFP", "2025-06-03", s5, vec![(s5, PloverType::Consult, Modality::Asserted, "", vec![])]);
        d5.events[0].date = chronicle_core::UncertainDate::between(
            chrono::NaiveDate::from_ymd_opt(2025, 1, 20),
            chrono::NaiveDate::from_ymd_opt(2025, 7, 14),
        );
        let mut docs = docs;
        docs.push(with_sentences(d5));
        let story = StorySummary { id: "s:1".into(), title: "Talks".into(), documents: docs.iter().map(|d| d.id.clone()).collect(), from: None, to: None };
        let md = brief(&story, &docs, &merge(&docs));
        assert!(md.contains("- round 2 — **2025-06-02** (2 documents)"), "{md}");
        // the 2014 aside is background, not what happened
        let happened = md.split("## What happened").nth(1).and_then(|x| x.split("\n## ").next()).unwrap_or("");
        assert!(!happened.contains("2014"), "{md}");
        assert!(md.contains("## Background\n\n- **2014** (CONCEDE): Crimea was annexed"), "{md}");
        // numbers of what was agreed
        assert!(md.contains("## Numbers") && md.contains("(prisoners of war) — AGREE, 2025-05-16"), "{md}");
        // one line per role, both offices with their dates
        let roles: Vec<&&str> = body_lines.iter().filter(|l| l.starts_with("- Rustem Umerov: defence minister")).collect();
        assert_eq!(roles.len(), 1, "{md}");
        assert!(roles[0].contains("as of 2025-05-16; 2025-06-02") && roles[0].contains("[d:a §") && roles[0].contains("[d:b §"), "{md}");
        assert!(md.contains("- Rustem Umerov: former defence minister (UKR), as of 2025-07-23"), "{md}");
    }
}
