//! Who leads a delegation: "the Ukrainian delegation was led by Defence
//! Minister X", "Russia's team, headed by Y", "X would head its delegation",
//! "the Kremlin would send Y to lead its negotiating team".
//!
//! One sentence at a time, over the document's person mentions: a lead verb
//! (`lead`, `head`, `chair` in any form) joined to a delegation noun
//! (`delegation`, `team`, `negotiators`) and to a person, either through
//! "by PERSON" after the verb or with the person before the verb. The side is
//! the country the words before the noun name ("the Ukrainian delegation",
//! "Russia's team"), else the person's own country. A statement that places
//! the leadership in earlier rounds ("who led the delegation in the two
//! previous rounds") is kept but marked `earlier`, so a brief can tell the
//! head of this round from the head of the last.

use chronicle_core::{Document, EntityType, Mention, Span};

/// One statement of who leads a side's delegation.
#[derive(Clone, Debug, PartialEq)]
pub struct DelegationHead {
    /// The person's canonical name.
    pub person: String,
    /// The person's knowledge-base id, when known.
    pub kb_id: Option<String>,
    /// The side (ISO alpha-3) the delegation is of, when known.
    pub side: Option<String>,
    /// The evidence sentence.
    pub sentence: Span,
    /// The statement is about earlier rounds ("previous", "earlier", "last").
    pub earlier: bool,
}

const LEAD_VERBS: &[&str] = &[
    "lead", "leads", "led", "leading", "head", "heads", "headed", "heading", "chair", "chairs", "chaired", "chairing",
];
const DELEGATION_NOUNS: &[&str] = &["delegation", "delegations", "team", "negotiators", "delegates", "mission"];
const EARLIER_WORDS: &[&str] = &["previous", "previously", "earlier", "last", "past", "prior"];
/// Words a lead verb may stand from its noun or person (clause-sized).
const WINDOW: usize = 6;

/// A word of the sentence with its byte span in the body.
struct Word<'a> {
    lower: String,
    start: usize,
    end: usize,
    _text: &'a str,
}

fn words_of(body: &str, sentence: Span) -> Vec<Word<'_>> {
    let s = sentence.start();
    let Some(text) = body.get(s..sentence.end()) else { return Vec::new() };
    let mut out = Vec::new();
    let mut cur: Option<usize> = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let inner = c.is_alphanumeric() || (c == '\'' || c == '’') && cur.is_some();
        match (inner, cur) {
            (true, None) => cur = Some(i),
            (false, Some(b)) => {
                let w = &text[b..i];
                let w = w.trim_end_matches(['\'', '’']);
                let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
                out.push(Word { lower: w.to_lowercase(), start: s + b, end: s + b + w.len(), _text: w });
                cur = None;
            }
            _ => {}
        }
    }
    out
}

/// Words in a relative clause set off by commas at the start of `between`
/// (", who currently serves as council secretary,"), else 0.
fn relative_clause_words(between: &str) -> usize {
    let t = between.trim_start();
    let Some(rest) = t.strip_prefix(',') else { return 0 };
    let rest = rest.trim_start();
    if !(rest.starts_with("who ") || rest.starts_with("which ")) {
        return 0;
    }
    match rest.find(',') {
        Some(end) => rest[..end].split_whitespace().count(),
        None => 0,
    }
}

/// Every delegation-head statement in `doc`.
pub fn delegation_heads(doc: &Document) -> Vec<DelegationHead> {
    let body = doc.body();
    let mut out = Vec::new();
    for s in &doc.sentences {
        let ws = words_of(body, s.span);
        if !ws.iter().any(|w| LEAD_VERBS.contains(&w.lower.as_str())) {
            continue;
        }
        let ments: Vec<&Mention> = doc.mentions.iter().filter(|m| s.span.contains(m.span)).collect();
        // index of the word a mention starts at / ends at
        let word_at = |pos: usize| ws.iter().position(|w| w.start >= pos);
        let word_before = |pos: usize| ws.iter().rposition(|w| w.end <= pos);
        let earlier = ws.iter().any(|w| EARLIER_WORDS.contains(&w.lower.as_str()));
        for (vi, v) in ws.iter().enumerate() {
            if !LEAD_VERBS.contains(&v.lower.as_str()) {
                continue;
            }
            // the delegation noun: after the verb ("to lead its negotiating team") or
            // before it ("the delegation was led by", "Ukraine's delegation, led by")
            let after = (vi + 1..(vi + 1 + 4).min(ws.len())).find(|&j| DELEGATION_NOUNS.contains(&ws[j].lower.as_str()));
            let before = (vi.saturating_sub(4)..vi).rev().find(|&j| DELEGATION_NOUNS.contains(&ws[j].lower.as_str()));
            let Some(noun) = after.or(before) else { continue };
            // the person: "by PERSON" after the verb, else a person right before the verb
            let by = ws.get(vi + 1).is_some_and(|w| w.lower == "by");
            let person = if by {
                ments.iter().filter(|m| m.entity_type == EntityType::Person).find(|m| {
                    word_at(m.span.start()).is_some_and(|k| k > vi + 1 && k <= vi + 1 + WINDOW)
                })
            } else if after.is_some() {
                ments.iter().filter(|m| m.entity_type == EntityType::Person).rev().find(|m| {
                    // a relative clause after the person does not count ("X, who serves as …, would head")
                    let skipped = body.get(m.span.end()..v.start).map_or(0, relative_clause_words);
                    word_before(m.span.end()).is_some_and(|k| k < vi && vi - k <= WINDOW + skipped)
                })
            } else {
                None
            };
            let Some(person) = person else { continue };
            // the side: a country named by the words just before the noun
            let noun_start = ws[noun].start;
            let side = ments
                .iter()
                .filter(|m| m.country.is_some() && m.entity_type != EntityType::Person && m.span.end() <= noun_start)
                .filter(|m| word_before(m.span.end()).is_some_and(|k| noun - k <= 3 && k < noun))
                .max_by_key(|m| m.span.end())
                .and_then(|m| m.country.clone())
                .or_else(|| person.country.clone());
            out.push(DelegationHead {
                person: person.canonical.clone(),
                kb_id: person.kb_id.clone(),
                side,
                sentence: s.span,
                earlier,
            });
        }
    }
    out.dedup_by(|a, b| a.person == b.person && a.sentence == b.sentence);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_core::{DocId, InputFormat, Metadata, MentionSource, Sentence};

    fn doc(body: &str, people: &[(&str, &str)], places: &[(&str, &str)]) -> Document {
        let mut d = Document::new(DocId::parse("x"), "x".into(), InputFormat::Text, Vec::new(), body.into(), body.into(), Metadata::default());
        d.sentences.push(Sentence { span: Span::new(body, 0, body.len()).unwrap() });
        let mut push = |words: &str, ty: EntityType, country: &str| {
            for (at, _) in body.match_indices(words) {
                d.mentions.push(Mention {
                    span: Span::new(body, at, at + words.len()).unwrap(),
                    entity_type: ty,
                    canonical: words.into(),
                    kb_id: None,
                    country: Some(country.into()),
                    sector: None,
                    source: MentionSource::Rule,
                });
            }
        };
        for (p, c) in people {
            push(p, EntityType::Person, c);
        }
        for (p, c) in places {
            push(p, EntityType::Group, c);
        }
        d.mentions.sort_by_key(|m| m.span.start());
        d
    }

    #[test]
    fn passive_and_appositive_leads_with_the_side_from_the_noun() {
        let body = "In Geneva, the Freedonian delegation was led by Foreign Minister Anna Berg, while the Sylvanian team was headed by aide Karl Vos.";
        let d = doc(body, &[("Anna Berg", "FRE"), ("Karl Vos", "SYL")], &[("Freedonian", "FRE"), ("Sylvanian", "SYL")]);
        let heads = delegation_heads(&d);
        let got: Vec<(&str, Option<&str>)> = heads.iter().map(|h| (h.person.as_str(), h.side.as_deref())).collect();
        assert_eq!(got, vec![("Anna Berg", Some("FRE")), ("Karl Vos", Some("SYL"))]);
        assert!(heads.iter().all(|h| !h.earlier));
    }

    #[test]
    fn person_before_the_verb_and_earlier_rounds() {
        let body = "Freedonia said Anna Berg would head its delegation.";
        let d = doc(body, &[("Anna Berg", "FRE")], &[]);
        let h = delegation_heads(&d);
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].side.as_deref(), Some("FRE"));
        let body = "Freedonia said former minister Anna Berg, who currently serves as security council secretary, would head its delegation.";
        let h = delegation_heads(&doc(body, &[("Anna Berg", "FRE")], &[]));
        assert_eq!(h.len(), 1, "the relative clause is skipped");
        assert!(!h[0].earlier, "a former office is no earlier round");
        let body = "Vos, who led the Sylvanian delegation in the two previous rounds, is not seen as powerful.";
        let d = doc(body, &[("Vos", "SYL")], &[("Sylvanian", "SYL")]);
        let h = delegation_heads(&d);
        assert_eq!(h.len(), 1);
        assert!(h[0].earlier);
        // a lead verb with no delegation is no statement
        let body = "Anna Berg led the march through the capital.";
        assert!(delegation_heads(&doc(body, &[("Anna Berg", "FRE")], &[])).is_empty());
    }
}
