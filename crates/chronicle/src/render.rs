//! Text rendering for the terminal: tables, the annotated document view, the
//! demo overview. Pure functions from values to strings, so they are testable.

use std::collections::HashMap;
use std::fmt::Write as _;

use chronicle_core::{Document, EntityType, Event, Span};
use chronicle_pipeline::CrossView;
use chronicle_syntax::conllu;
use chronicle_syntax::tree::Tree;

/// Cuts `s` to at most `n` characters, marking the cut.
pub fn clip(s: &str, n: usize) -> String {
    let s = s.replace(['\n', '\t'], " ");
    if s.chars().count() <= n {
        s
    } else {
        let mut out: String = s.chars().take(n.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// A plain table: columns padded to their widest cell (by characters).
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.chars().count());
            }
        }
    }
    let mut out = String::new();
    let line = |cells: Vec<String>, out: &mut String| {
        let mut l = String::new();
        for (i, c) in cells.iter().enumerate() {
            let pad = widths.get(i).copied().unwrap_or(0).saturating_sub(c.chars().count());
            l.push_str(c);
            if i + 1 < cells.len() {
                l.push_str(&" ".repeat(pad + 2));
            }
        }
        out.push_str(l.trim_end());
        out.push('\n');
    };
    line(header.iter().map(|h| h.to_string()).collect(), &mut out);
    line(widths.iter().map(|w| "-".repeat(*w)).collect(), &mut out);
    for row in rows {
        line(row.clone(), &mut out);
    }
    out
}

/// Peak resident memory of this process (Linux), e.g. "123.4 MB".
pub fn peak_rss() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{:.1} MB", kb / 1024.0))
}

const RESET: &str = "\x1b[0m";

fn colour_of(kind: &str) -> &'static str {
    match kind {
        "person" => "\x1b[1;34m",
        "organization" => "\x1b[1;35m",
        "location" => "\x1b[1;32m",
        "group" => "\x1b[1;36m",
        "time" => "\x1b[33m",
        "quantity" => "\x1b[1;31m",
        "quote" => "\x1b[3m",
        _ => "\x1b[1m",
    }
}

/// One labelled span for the highlighted view.
struct Mark {
    span: Span,
    label: String,
    kind: &'static str,
}

/// The body with annotations shown inline, displaCy-style:
/// `[Vladimir Medinsky]{person}`. Nested spans (a mention inside a quote) are
/// shown at the outermost level for quotes only, so the text stays readable.
pub fn highlighted_body(doc: &Document, color: bool) -> String {
    let mut marks: Vec<Mark> = Vec::new();
    for m in &doc.mentions {
        let label = match &m.kb_id {
            Some(kb) => format!("{} {}", m.entity_type.as_str(), kb),
            None if m.canonical != m.span.text(doc.body()) => format!("{} → {}", m.entity_type.as_str(), m.canonical),
            None => m.entity_type.as_str().to_string(),
        };
        marks.push(Mark { span: m.span, label, kind: m.entity_type.as_str() });
    }
    for t in &doc.times {
        let label = format!("{} {}", t.time_type.as_str(), t.value.as_deref().unwrap_or(&t.resolved.display()));
        marks.push(Mark { span: t.span, label, kind: "time" });
    }
    for q in &doc.quantities {
        let mut label = format!("qty {}", q.value);
        if let Some(c) = &q.counts {
            let _ = write!(label, " of {c}");
        }
        marks.push(Mark { span: q.span, label, kind: "quantity" });
    }
    // Innermost-first would interleave; keep non-overlapping marks, earliest and longest first.
    marks.sort_by_key(|m| (m.span.start(), std::cmp::Reverse(m.span.end())));
    let body = doc.body();
    let mut out = String::new();
    let mut at = 0usize;
    for m in marks {
        if m.span.start() < at {
            continue;
        }
        out.push_str(body.get(at..m.span.start()).unwrap_or(""));
        let text = m.span.text(body);
        if color {
            let _ = write!(out, "{}{}{}\x1b[2m[{}]{}", colour_of(m.kind), text, RESET, m.label, RESET);
        } else {
            let _ = write!(out, "[{}]{{{}}}", text, m.label);
        }
        at = m.span.end();
    }
    out.push_str(body.get(at..).unwrap_or(""));
    out
}

/// What `chronicle show` prints besides metadata and body.
#[derive(Clone, Copy, Debug, Default)]
pub struct ShowOptions {
    /// Every block with its label and reason.
    pub blocks: bool,
    /// The body with entities, times and quantities marked, then roles and quotes.
    pub annotations: bool,
    /// Events with the rule that fired.
    pub events: bool,
    /// Each sentence's dependency tree.
    pub syntax: bool,
    /// ANSI colours.
    pub color: bool,
}

/// `chronicle show`.
pub fn document(doc: &Document, show: &ShowOptions) -> String {
    let ShowOptions { blocks, annotations, events, syntax, color } = *show;
    let mut out = String::new();
    let m = &doc.meta;
    let _ = writeln!(out, "id:        {}", doc.id);
    let _ = writeln!(out, "source:    {} ({})", doc.source, doc.format.as_str());
    let _ = writeln!(out, "title:     {}", m.title.as_deref().unwrap_or("(none)"));
    let _ = writeln!(out, "outlet:    {}", m.outlet.as_deref().unwrap_or("(unknown)"));
    let _ = writeln!(out, "published: {} ({})", m.published.date.display(), m.published.basis.as_str());
    let _ = writeln!(out, "language:  {}", m.language.as_deref().unwrap_or("(unknown)"));
    if let Some(url) = &m.url {
        let _ = writeln!(out, "url:       {url}");
    }
    if let Some(enc) = &m.encoding {
        let _ = writeln!(out, "encoding:  {enc}");
    }
    if let Some(host) = &m.appended_to {
        let _ = writeln!(out, "appended to: {host} (a separate article glued to that page)");
    }
    if let Some(dup) = &m.duplicate_of {
        let _ = writeln!(out, "duplicate of: {dup}");
    }
    if let Some(story) = &m.story {
        let _ = writeln!(out, "story:     {story}");
    }
    let _ = writeln!(
        out,
        "layers:    {} sentences, {} mentions, {} times, {} quantities, {} quotes, {} events",
        doc.sentences.len(),
        doc.mentions.len(),
        doc.times.len(),
        doc.quantities.len(),
        doc.quotes.len(),
        doc.events.len()
    );
    if blocks {
        let _ = writeln!(out, "\nblocks:");
        for b in &doc.blocks {
            let _ = writeln!(out, "  {:<11} {:<60}  ← {}", b.label.as_str(), clip(b.span.text(&doc.extracted), 60), b.reason);
        }
    }
    out.push_str("\nbody:\n");
    if annotations {
        out.push_str(&highlighted_body(doc, color));
        out.push('\n');
        if !doc.roles.is_empty() {
            out.push_str("\nroles stated:\n");
            for r in &doc.roles {
                let _ = writeln!(out, "  {} — {}{} (as of {})", r.person, r.title, r.of.as_deref().map(|o| format!(" of {o}")).unwrap_or_default(), r.as_of.display());
            }
        }
        if !doc.quotes.is_empty() {
            out.push_str("\nquotes:\n");
            for q in &doc.quotes {
                let who = q.speaker.clone().or_else(|| q.speaker_text.clone().map(|t| format!("({t}, unresolved)"))).unwrap_or_else(|| "(speaker unknown)".into());
                let _ = writeln!(out, "  {} {} {}: \"{}\"", who, q.cue.as_deref().unwrap_or("-"), if q.direct { "[direct]" } else { "[indirect]" }, clip(q.span.text(doc.body()), 100));
            }
        }
    } else {
        out.push_str(doc.body());
        out.push('\n');
    }
    if events {
        out.push_str("\nevents:\n");
        for e in &doc.events {
            out.push_str(&event_line(doc, e));
            let _ = writeln!(out, "      rule: {}", e.rule);
            let _ = writeln!(out, "      evidence: \"{}\"", clip(e.sentence.text(doc.body()), 160));
        }
    }
    if syntax {
        out.push_str("\nsyntax:\n");
        out.push_str(&dependency_trees(doc));
    }
    out
}

/// Each sentence as an indented dependency tree: the sentence's number and
/// text, then the root and, indented under each word, its dependents in text
/// order, each as `relation word (lemma, UPOS)`. A sentence without syntax
/// says so; words no root reaches (a broken tree) are listed as detached.
pub fn dependency_trees(doc: &Document) -> String {
    let mut out = String::new();
    for (k, (sentence, tree)) in doc.sentences.iter().zip(Tree::sentences(doc)).enumerate() {
        let tree = &tree;
        let range = tree.tokens();
        let _ = writeln!(out, "[{}] {}", k + 1, sentence.span.text(doc.body()).replace('\n', " "));
        let parsed: Vec<usize> = range.clone().filter(|&t| tree.upos(t).is_some()).collect();
        if parsed.is_empty() {
            out.push_str("  (not parsed)\n");
            continue;
        }
        let mut seen = vec![false; range.len()];
        let roots: Vec<usize> = parsed.iter().copied().filter(|&t| tree.head(t).is_none()).collect();
        for root in roots {
            tree_lines(tree, root, 1, &mut seen, &mut out);
        }
        let detached: Vec<usize> = parsed.into_iter().filter(|&t| !seen[t - range.start]).collect();
        if !detached.is_empty() {
            out.push_str("  (detached)\n");
            for t in detached {
                let _ = writeln!(out, "    {}", tree_word(tree, t));
            }
        }
    }
    out
}

/// `relation word (lemma, UPOS)` of token `t`.
fn tree_word(tree: &Tree<'_>, t: usize) -> String {
    let upos = tree.upos(t).map_or("_", |u| u.as_str());
    format!("{} {} ({}, {})", tree.deprel(t), tree.word(t), tree.lemma(t), upos)
}

/// Token `t` at `depth`, then its dependents one level deeper (each word once).
fn tree_lines(tree: &Tree<'_>, t: usize, depth: usize, seen: &mut [bool], out: &mut String) {
    let at = t - tree.tokens().start;
    if seen[at] {
        return;
    }
    seen[at] = true;
    let _ = writeln!(out, "{}{}", "  ".repeat(depth), tree_word(tree, t));
    for c in tree.children(t) {
        tree_lines(tree, c, depth + 1, seen, out);
    }
}

/// The document's sentences as CoNLL-U, `# sent_id = DOC-n` (n from 1) and
/// `# text =` before each. A sentence without syntax is written as tokens
/// only, its other columns `_` (as a tokenizer writes unparsed text).
pub fn conllu(doc: &Document) -> String {
    let mut out = String::new();
    for (k, range) in doc.sentence_token_ranges().into_iter().enumerate() {
        let id = format!("{}-{}", doc.id, k + 1);
        let text = doc.sentences[k].span.text(doc.body()).to_string();
        let tokens = &doc.tokens[range.clone()];
        let words: Option<Vec<conllu::Word>> = tokens
            .iter()
            .map(|t| {
                let s = t.syntax.as_ref()?;
                let head = match s.head {
                    None => 0,
                    Some(h) if range.contains(&(h as usize)) => h as usize - range.start + 1,
                    Some(_) => return None,
                };
                Some(conllu::Word {
                    form: t.span.text(doc.body()).to_string(),
                    lemma: s.lemma.clone(),
                    upos: s.upos.as_str().to_string(),
                    xpos: s.xpos.clone(),
                    head,
                    deprel: s.deprel.clone(),
                })
            })
            .collect();
        match words {
            Some(words) => out.push_str(&conllu::write(&[conllu::Sentence { id, text, words }])),
            None => {
                // the comments as the writer puts them, then the bare tokens
                let header = conllu::write(&[conllu::Sentence { id, text, words: Vec::new() }]);
                out.push_str(header.trim_end_matches('\n'));
                out.push('\n');
                for (i, t) in tokens.iter().enumerate() {
                    let form = t.span.text(doc.body()).replace(['\t', '\n'], " ");
                    let _ = writeln!(out, "{}\t{form}\t_\t_\t_\t_\t_\t_\t_\t_", i + 1);
                }
                out.push('\n');
            }
        }
    }
    out
}

fn args(list: &[chronicle_core::EventArg]) -> String {
    if list.is_empty() {
        return "-".into();
    }
    list.iter()
        .map(|a| match &a.country {
            Some(c) if !a.name.eq_ignore_ascii_case(c) => format!("{} ({c})", a.name),
            _ => a.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn event_line(doc: &Document, e: &Event) -> String {
    let mut s = format!(
        "  {:<9} {:<12} {:<10} {} → {}  [{}] \"{}\"",
        e.event_type.as_str(),
        e.mode.as_deref().unwrap_or("-"),
        e.modality.as_str(),
        args(&e.actors),
        args(&e.recipients),
        e.date.display(),
        e.trigger.text(doc.body())
    );
    if !e.quantities.is_empty() {
        let q: Vec<String> = e.quantities.iter().map(|q| q.span.text(doc.body()).to_string()).collect();
        let _ = write!(s, " qty: {}", q.join("; "));
    }
    if !e.items.is_empty() {
        let _ = write!(s, " items: {}", e.items.join(", "));
    }
    if let Some(a) = &e.attributed_to {
        let _ = write!(s, " (according to {a})");
    }
    s.push('\n');
    s
}

/// Filters for `chronicle events`.
pub struct EventFilter {
    /// Country code, KB id or part of a name.
    pub actor: Option<String>,
    /// PLOVER type.
    pub event_type: Option<String>,
    /// YYYY-MM-DD lower bound.
    pub since: Option<String>,
    /// Story id or prefix.
    pub story: Option<String>,
}

fn arg_matches(a: &chronicle_core::EventArg, want: &str) -> bool {
    a.country.as_deref().is_some_and(|c| c.eq_ignore_ascii_case(want))
        || a.kb_id.as_deref().is_some_and(|k| k.eq_ignore_ascii_case(want))
        || a.name.to_lowercase().contains(&want.to_lowercase())
}

/// `chronicle events`: one row per coded event (per report, before merging).
pub fn events_table(docs: &[Document], f: &EventFilter) -> String {
    let since = f.since.as_deref().and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
    let mut rows: Vec<(Option<chrono::NaiveDate>, Vec<String>)> = Vec::new();
    for doc in docs {
        if let Some(st) = &f.story {
            let want = if st.starts_with("s:") { st.clone() } else { format!("s:{st}") };
            if !doc.meta.story.as_deref().is_some_and(|s| s.starts_with(&want)) {
                continue;
            }
        }
        for e in &doc.events {
            if let Some(t) = &f.event_type {
                if !e.event_type.as_str().eq_ignore_ascii_case(t) {
                    continue;
                }
            }
            if let Some(a) = &f.actor {
                if !e.actors.iter().any(|x| arg_matches(x, a)) {
                    continue;
                }
            }
            if let Some(s) = since {
                // An event whose latest possible day is before `since` is out, and
                // so is one whose date the text leaves entirely unknown.
                if e.date.is_unknown() || e.date.bounds().1.is_some_and(|l| l < s) {
                    continue;
                }
            }
            rows.push((
                e.date.sort_key(),
                vec![
                    e.date.display(),
                    e.event_type.as_str().into(),
                    e.modality.as_str().into(),
                    clip(&args(&e.actors), 30),
                    clip(&args(&e.recipients), 30),
                    clip(e.trigger.text(doc.body()), 20),
                    doc.id.to_string(),
                    clip(e.sentence.text(doc.body()), 70),
                ],
            ));
        }
    }
    rows.sort_by_key(|a| a.0);
    let rows: Vec<Vec<String>> = rows.into_iter().map(|r| r.1).collect();
    let mut out = table(&["date", "type", "modality", "actors", "recipients", "trigger", "doc", "evidence"], &rows);
    let _ = writeln!(out, "{} event report(s)", rows.len());
    out
}

/// `chronicle stories`: stories with their documents, largest first.
pub fn stories_table(stories: &[chronicle_link::story::StorySummary]) -> String {
    let rows: Vec<Vec<String>> = stories
        .iter()
        .map(|s| {
            let span = match (s.from, s.to) {
                (Some(a), Some(b)) if a == b => a.to_string(),
                (Some(a), Some(b)) => format!("{a}..{b}"),
                _ => "?".into(),
            };
            vec![s.id.clone(), s.documents.len().to_string(), span, clip(&s.title, 70)]
        })
        .collect();
    table(&["story", "docs", "dates", "title"], &rows)
}

/// Counts of entity mentions by canonical name, most frequent first.
pub fn top_entities(docs: &[Document], n: usize) -> Vec<(String, EntityType, usize)> {
    let mut counts: HashMap<(String, EntityType), usize> = HashMap::new();
    for d in docs.iter().filter(|d| d.meta.appended_to.is_none()) {
        for m in &d.mentions {
            *counts.entry((m.canonical.clone(), m.entity_type)).or_insert(0) += 1;
        }
    }
    let mut v: Vec<(String, EntityType, usize)> = counts.into_iter().map(|((n, t), c)| (n, t, c)).collect();
    v.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    v.truncate(n);
    v
}

/// `chronicle docs`.
pub fn documents_table(docs: &[chronicle_store::DocSummary]) -> String {
    let rows: Vec<Vec<String>> = docs
        .iter()
        .map(|d| {
            let mut title = d.title.clone().unwrap_or_default();
            if d.appended_to.is_some() {
                title = format!("↳ {title}");
            }
            vec![
                d.id.to_string(),
                d.published.date.display(),
                clip(d.outlet.as_deref().unwrap_or("?"), 18),
                d.language.clone().unwrap_or_else(|| "?".into()),
                d.n_sentences.to_string(),
                d.n_events.to_string(),
                clip(&title, 60),
            ]
        })
        .collect();
    let mut out = table(&["id", "published", "outlet", "lang", "sents", "events", "title (↳ = glued to another page)"], &rows);
    let _ = writeln!(out, "{} document(s)", docs.len());
    out
}

/// `chronicle stats`.
pub fn stats(s: &chronicle_store::Stats) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "documents:   {} ({} pages, {} appended articles salvaged, {} near-duplicates)", s.documents, s.hosts, s.appended, s.near_duplicates);
    let _ = writeln!(out, "stories:     {}", s.stories);
    let langs: Vec<String> = s.by_language.iter().map(|(l, n)| format!("{} {n}", l.as_deref().unwrap_or("?"))).collect();
    let _ = writeln!(out, "languages:   {}", langs.join(", "));
    let outlets: Vec<String> = s.by_outlet.iter().map(|(o, n)| format!("{} {n}", o.as_deref().unwrap_or("(unknown)"))).collect();
    let _ = writeln!(out, "outlets:     {}", outlets.join(", "));
    let l = &s.layers;
    let _ = writeln!(
        out,
        "annotations: {} blocks, {} sentences, {} tokens, {} mentions, {} roles, {} times, {} quantities, {} quotes, {} events",
        l.blocks, l.sentences, l.tokens, l.mentions, l.roles, l.times, l.quantities, l.quotes, l.events
    );
    let types: Vec<String> = s.events_by_type.iter().map(|(t, n)| format!("{t} {n}")).collect();
    let _ = writeln!(out, "event types: {}", if types.is_empty() { "-".into() } else { types.join(", ") });
    let _ = writeln!(out, "merged:      {} events merged across reports, {} of them with more than one report", s.merged_events, s.merged_multi);
    for (id, n, summary) in &s.largest_merged {
        let _ = writeln!(out, "             {id} {n} reports: {summary}");
    }
    let _ = writeln!(out, "store:       {:.1} MB, schema version {}", s.store_bytes as f64 / 1e6, s.schema_version);
    out
}

/// `chronicle timeline`: merged events in event-date order.
pub fn timeline(view: &CrossView, story: Option<String>, actor: Option<String>) -> String {
    let filter = chronicle_link::timeline::TimelineFilter { story, actor };
    let entries = chronicle_link::timeline::timeline(&view.events, &filter);
    let mut out = chronicle_link::timeline::render(&entries);
    let _ = writeln!(out, "{} event(s)", entries.len());
    out
}

/// The main story's timeline as the demo shows it: asserted events with a
/// date and at least one party, from half a year before the story's start
/// (older ones are background); the full list is `chronicle timeline`.
fn demo_timeline(view: &CrossView, main: &chronicle_link::story::StorySummary) -> String {
    let filter = chronicle_link::timeline::TimelineFilter { story: Some(main.id.clone()), actor: None };
    let entries = chronicle_link::timeline::timeline(&view.events, &filter);
    let start = main.from.map(|d| d - chrono::Duration::days(180));
    let shown: Vec<_> = entries
        .iter()
        .filter(|e| e.modality == chronicle_core::Modality::Asserted.as_str())
        .filter(|e| !e.date.is_unknown() && (!e.actors.is_empty() || !e.recipients.is_empty()))
        .filter(|e| match (start, e.date.bounds().1) {
            (Some(s), Some(latest)) => latest >= s,
            _ => true,
        })
        .cloned()
        .collect();
    let mut out = chronicle_link::timeline::render(&shown);
    let _ = writeln!(
        out,
        "{} of {} event(s); all of them: chronicle timeline --story {}",
        shown.len(),
        entries.len(),
        main.id
    );
    out
}

/// What `chronicle demo` prints after the document table: who is mentioned
/// most, the stories, and the main story's timeline and brief.
pub fn demo_overview(view: &CrossView) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "\nMost mentioned:");
    for (name, t, n) in top_entities(&view.docs, 12) {
        let _ = writeln!(out, "  {n:>3}  {name} ({})", t.as_str());
    }
    let _ = writeln!(out, "\nStories:");
    out.push_str(&stories_table(&view.stories));
    if let Some(main) = view.story(None) {
        let _ = writeln!(out, "\nTimeline of the main story ({}), asserted events with a date and a party:", main.id);
        out.push_str(&demo_timeline(view, main));
        let _ = writeln!(out, "\nBrief of the main story:\n");
        out.push_str(&chronicle_link::brief::brief_stored(main, &view.docs, &view.events, &view.clusters));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_core::{DocId, InputFormat, Mention, MentionSource, Metadata, TokenSyntax, Upos};

    #[test]
    fn table_pads_by_characters() {
        let t = table(&["a", "b"], &[vec!["Erdoğan".into(), "x".into()]]);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "a        b");
        assert_eq!(lines[2], "Erdoğan  x");
    }

    #[test]
    fn highlight_marks_mentions_without_colour() {
        let body = "Mr Medinsky spoke in Istanbul.".to_string();
        let mut doc = Document::new(DocId::from_text(&body), "t".into(), InputFormat::Text, vec![], body.clone(), body.clone(), Metadata::default());
        let span = Span::new(doc.body(), 3, 11).unwrap();
        doc.mentions.push(Mention { span, entity_type: EntityType::Person, canonical: "Vladimir Medinsky".into(), kb_id: None, country: Some("RUS".into()), sector: None, source: MentionSource::Coref });
        let out = highlighted_body(&doc, false);
        assert_eq!(out, "Mr [Medinsky]{person → Vladimir Medinsky} spoke in Istanbul.");
        assert_eq!(clip("abcdef", 4), "abc…");
    }

    /// "Kjær met Erdoğan. It rained." with the first sentence parsed by hand.
    fn parsed_doc() -> Document {
        let body = "Kjær met Erdoğan. It rained.".to_string();
        let mut doc = Document::new(DocId::from_text(&body), "t".into(), InputFormat::Text, vec![], body.clone(), body, Metadata::default());
        chronicle_language::sentence::annotate(&mut doc);
        let words: Vec<&str> = doc.tokens.iter().map(|t| t.span.text(doc.body())).collect();
        assert_eq!(words, ["Kjær", "met", "Erdoğan", ".", "It", "rained", "."]);
        let arcs = [
            (Some(1), "nsubj", Upos::Propn, "Kjær"),
            (None, "root", Upos::Verb, "meet"),
            (Some(1), "obj", Upos::Propn, "Erdoğan"),
            (Some(1), "punct", Upos::Punct, "."),
        ];
        for (t, (head, deprel, upos, lemma)) in arcs.into_iter().enumerate() {
            let xpos = if upos == Upos::Verb { "VBD" } else { "NNP" };
            doc.tokens[t].syntax = Some(TokenSyntax { upos, xpos: xpos.into(), lemma: lemma.into(), head, deprel: deprel.into() });
        }
        doc
    }

    #[test]
    fn dependency_trees_indent_dependents_under_their_heads() {
        let doc = parsed_doc();
        assert_eq!(
            dependency_trees(&doc),
            "[1] Kjær met Erdoğan.\n  root met (meet, VERB)\n    nsubj Kjær (Kjær, PROPN)\n    obj Erdoğan (Erdoğan, PROPN)\n    punct . (., PUNCT)\n\
             [2] It rained.\n  (not parsed)\n"
        );
        let show = document(&doc, &ShowOptions { syntax: true, ..ShowOptions::default() });
        assert!(show.contains("\nsyntax:\n[1] Kjær met Erdoğan.\n"), "{show}");
        assert!(!document(&doc, &ShowOptions::default()).contains("syntax:"));
    }

    #[test]
    fn a_broken_tree_lists_unreachable_words_once() {
        let mut doc = parsed_doc();
        // Kjær and Erdoğan head each other: no path from the root reaches them
        doc.tokens[0].syntax.as_mut().unwrap().head = Some(2);
        doc.tokens[2].syntax.as_mut().unwrap().head = Some(0);
        let out = dependency_trees(&doc);
        assert!(out.contains("  root met (meet, VERB)\n    punct . (., PUNCT)\n  (detached)\n    nsubj Kjær (Kjær, PROPN)\n    obj Erdoğan (Erdoğan, PROPN)\n"), "{out}");
    }

    #[test]
    fn conllu_writes_parsed_sentences_and_bare_tokens_otherwise() {
        let doc = parsed_doc();
        let out = conllu(&doc);
        let id = doc.id.as_str();
        let expected = format!(
            "# sent_id = {id}-1\n# text = Kjær met Erdoğan.\n\
             1\tKjær\tKjær\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
             2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n\
             3\tErdoğan\tErdoğan\tPROPN\tNNP\t_\t2\tobj\t_\t_\n\
             4\t.\t.\tPUNCT\tNNP\t_\t2\tpunct\t_\t_\n\n\
             # sent_id = {id}-2\n# text = It rained.\n\
             1\tIt\t_\t_\t_\t_\t_\t_\t_\t_\n2\trained\t_\t_\t_\t_\t_\t_\t_\t_\n3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
        );
        assert_eq!(out, expected);
        let back = conllu::parse(&out, "show").unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].words.iter().map(|w| w.head).collect::<Vec<_>>(), [2, 0, 2, 2]);
        assert_eq!(back[1].text, "It rained.");
    }

    #[test]
    fn a_model_trained_here_gives_one_rooted_tree_per_sentence() {
        // the hand-written fixture stands in for both treebank files training reads
        let dir = tempfile::tempdir().unwrap();
        let gold = include_str!("../tests/fixtures/syntax/talks.conllu");
        for name in chronicle_syntax::train::EWT_FILES {
            std::fs::write(dir.path().join(name), gold).unwrap();
        }
        let cfg = chronicle_syntax::train::TrainConfig::default();
        let trained = chronicle_syntax::train::train_to_dir(dir.path(), &dir.path().join("out"), cfg, &mut |_| {}).unwrap();
        let syntax = trained.to_syntax().unwrap();
        let body = "Officials met in Geneva on Tuesday. The talks will resume next week.".to_string();
        let mut doc = Document::new(DocId::from_text(&body), "t".into(), InputFormat::Text, vec![], body.clone(), body, Metadata::default());
        chronicle_language::sentence::annotate(&mut doc);
        syntax.annotate(&mut doc);
        let back = conllu::parse(&conllu(&doc), "show").unwrap();
        assert_eq!(back.len(), 2);
        for s in &back {
            assert_eq!(s.words.iter().filter(|w| w.head == 0).count(), 1, "{s:?}");
            assert!(s.words.iter().enumerate().all(|(i, w)| w.head <= s.words.len() && w.head != i + 1), "{s:?}");
        }
        let trees = dependency_trees(&doc);
        assert_eq!(trees.lines().filter(|l| l.starts_with("  root ")).count(), 2, "{trees}");
        assert!(!trees.contains("(detached)") && !trees.contains("(not parsed)"), "{trees}");
    }
}
