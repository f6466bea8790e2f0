//! Dating a document by the roles it states.
//!
//! A text that calls someone "US President Donald Trump" or "Defence Minister
//! Rustem Umerov" was written while that person held that office; "former
//! defence minister Rustem Umerov" was written after a tenure ended. The
//! knowledge base knows the tenures, so each stated role bounds the document
//! date. When the cleaner could only infer bounds from the content, these
//! bounds tighten them — and a tighter document date is what lets "May 16" or
//! "on Friday" resolve to a day later on.
//!
//! Only sure evidence is used: roles tied to a KB person, an office the KB
//! records for them, no "then"/"late" (the title is not about the present), and
//! no explicit year in the same sentence (a historical aside). When claims
//! disagree, the span that most claims support wins, and only if it is one
//! unbroken range; when they cannot be reconciled with the cleaner's bounds,
//! nothing changes. An exact day is never produced here.

use chrono::NaiveDate;
use chronicle_core::{DateBasis, Document, RoleClaim, UncertainDate};

use crate::kb::Kb;

/// A closed range of days; `None` ends are open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Range {
    from: NaiveDate,
    to: NaiveDate,
}

const OPEN_START: NaiveDate = NaiveDate::MIN;
const OPEN_END: NaiveDate = NaiveDate::MAX;

/// How a title relates to the time of writing.
enum Tense {
    Current,
    Former,
}

fn tense_of(title: &str) -> Option<(Tense, &str)> {
    for (prefix, tense) in [("former ", Some(Tense::Former)), ("ex-", Some(Tense::Former)), ("then-", None), ("then ", None), ("late ", None)] {
        if let Some(rest) = title.strip_prefix(prefix) {
            return tense.map(|t| (t, rest.trim()));
        }
    }
    Some((Tense::Current, title))
}

/// The days a claim allows the document to have been written on, or None
/// when it says nothing sure.
fn allowed(claim: &RoleClaim, kb: &Kb, office_of: &dyn Fn(&str) -> Option<String>) -> Option<Vec<Range>> {
    let person = kb.person(claim.kb_id.as_deref()?)?;
    let (tense, title) = tense_of(&claim.title)?;
    let office = office_of(title)?;
    let tenures: Vec<_> = person
        .offices
        .iter()
        .filter(|o| o.office == office && claim.of.as_deref().map_or(true, |c| c == o.iso3))
        .collect();
    if tenures.is_empty() {
        return None;
    }
    match tense {
        Tense::Current => Some(
            tenures
                .iter()
                .map(|o| Range { from: o.from.unwrap_or(OPEN_START), to: o.to.unwrap_or(OPEN_END) })
                .collect(),
        ),
        Tense::Former => {
            let first_end = tenures.iter().filter_map(|o| o.to).min()?;
            Some(vec![Range { from: first_end.succ_opt()?, to: OPEN_END }])
        }
    }
}

fn has_explicit_year(sentence: &str) -> bool {
    sentence.split(|c: char| !c.is_ascii_digit()).any(|run| {
        run.len() == 4 && run.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
    })
}

/// The single range most constraints agree on, if it is unbroken.
fn best_supported(constraints: &[Vec<Range>]) -> Option<Range> {
    let mut points: Vec<NaiveDate> = constraints.iter().flatten().flat_map(|r| [r.from, r.to]).collect();
    points.sort();
    points.dedup();
    // Elementary pieces: each boundary point and each open gap between two points,
    // represented by a day inside it.
    let mut pieces: Vec<(Range, usize)> = Vec::new();
    for (i, &p) in points.iter().enumerate() {
        let support = |d: NaiveDate| constraints.iter().filter(|c| c.iter().any(|r| r.from <= d && d <= r.to)).count();
        pieces.push((Range { from: p, to: p }, support(p)));
        if let (Some(&next), Some(after)) = (points.get(i + 1), p.succ_opt()) {
            if let Some(before) = next.pred_opt() {
                if after <= before {
                    pieces.push((Range { from: after, to: before }, support(after)));
                }
            }
        }
    }
    let best = pieces.iter().map(|p| p.1).max().filter(|&b| b > 0)?;
    let mut run: Option<Range> = None;
    let mut runs = 0;
    for (r, s) in &pieces {
        if *s == best {
            match &mut run {
                Some(cur) if cur.to.succ_opt() == Some(r.from) => cur.to = r.to,
                _ => {
                    runs += 1;
                    run = Some(*r);
                }
            }
        }
    }
    (runs == 1).then_some(run).flatten()
}

/// Tightens `doc.meta.published` with the roles the text states, when the
/// date was only inferred or unknown. Returns true when it changed. Role
/// claims' `as_of` follow the new document date.
pub fn refine_published(doc: &mut Document, kb: &Kb, office_of: &dyn Fn(&str) -> Option<String>) -> bool {
    let published = &doc.meta.published;
    if matches!(published.basis, DateBasis::Explicit | DateBasis::Relative) || published.date.exact_day().is_some() {
        return false;
    }
    let constraints: Vec<Vec<Range>> = doc
        .roles
        .iter()
        .filter(|c| {
            let sentence = doc.sentence_at(c.evidence.start()).map(|s| s.span.text(doc.body())).unwrap_or("");
            !has_explicit_year(sentence)
        })
        .filter_map(|c| allowed(c, kb, office_of))
        .collect();
    let Some(best) = best_supported(&constraints) else { return false };
    let old = &published.date;
    let earliest = old.earliest.map_or(best.from, |e| e.max(best.from));
    let latest = old.latest.map_or(best.to, |l| l.min(best.to));
    if earliest > latest {
        return false; // the roles contradict what the cleaner found: keep the cleaner's bounds
    }
    let earliest = (earliest != OPEN_START).then_some(earliest);
    let latest = (latest != OPEN_END).then_some(latest);
    if earliest == old.earliest && latest == old.latest {
        return false;
    }
    // Roles bound the date; they never pin one day.
    let date = UncertainDate { value: None, earliest, latest, weekday: None };
    doc.meta.published.date = date.clone();
    doc.meta.published.basis = DateBasis::Inferred;
    for role in &mut doc.roles {
        role.as_of = date.clone();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_core::{DocId, InputFormat, Metadata, PublishedDate, Sentence, Span};

    const OFFICES: &str = "# columns: person_id\tname\taliases\tiso3\toffice\tfrom\tto\tsector\n\
        donald-trump\tDonald Trump\t\tUSA\thead of state\t2017-01-20\t2021-01-20\tGOV\n\
        donald-trump\tDonald Trump\t\tUSA\thead of state\t2025-01-20\t\tGOV\n\
        rustem-umerov\tRustem Umerov\t\tUKR\tdefence minister\t2023-09-06\t2025-07-17\tGOV\n";

    fn kb() -> Kb {
        let mut texts: Vec<(String, String)> = (0..4).map(|i| (format!("empty{i}.tsv"), String::new())).collect();
        texts.push(("office_holders.tsv".to_string(), OFFICES.to_string()));
        Kb::from_texts(&texts).expect("test KB")
    }

    fn office_of(title: &str) -> Option<String> {
        match title {
            "president" => Some("head of state".into()),
            "defence minister" => Some("defence minister".into()),
            _ => None,
        }
    }

    fn doc(body: &str, claims: &[(&str, &str, &str)]) -> Document {
        let mut meta = Metadata::default();
        meta.published = PublishedDate {
            date: UncertainDate::between(NaiveDate::from_ymd_opt(2022, 9, 1), None),
            basis: DateBasis::Inferred,
        };
        let mut d = Document::new(DocId::from_text(body), "t".into(), InputFormat::Text, vec![], body.into(), body.into(), meta);
        let mut at = 0;
        for sentence in body.split_inclusive(". ") {
            d.sentences.push(Sentence { span: Span::new(body, at, at + sentence.len()).unwrap() });
            at += sentence.len();
        }
        for (surface, kb_id, title) in claims {
            let start = body.find(surface).unwrap();
            d.roles.push(RoleClaim {
                person: surface.to_string(),
                kb_id: Some(kb_id.to_string()),
                title: title.to_string(),
                of: None,
                evidence: Span::new(body, start, start + surface.len()).unwrap(),
                as_of: UncertainDate::unknown(),
            });
        }
        d
    }

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn two_stated_roles_intersect_their_tenures() {
        let mut d = doc(
            "US President Donald Trump spoke. Defence Minister Rustem Umerov led the delegation. ",
            &[("Donald Trump", "donald-trump", "president"), ("Rustem Umerov", "rustem-umerov", "defence minister")],
        );
        assert!(refine_published(&mut d, &kb(), &office_of));
        assert_eq!(d.meta.published.date.earliest, ymd(2025, 1, 20));
        assert_eq!(d.meta.published.date.latest, ymd(2025, 7, 17));
        assert_eq!(d.meta.published.date.value, None, "roles never pin a day");
        assert_eq!(d.roles[0].as_of, d.meta.published.date);
    }

    #[test]
    fn former_title_bounds_from_the_end_of_the_tenure() {
        let mut d = doc("The talks were led by former defence minister Rustem Umerov. ", &[("Rustem Umerov", "rustem-umerov", "former defence minister")]);
        assert!(refine_published(&mut d, &kb(), &office_of));
        assert_eq!(d.meta.published.date.earliest, ymd(2025, 7, 18));
        assert_eq!(d.meta.published.date.latest, None);
    }

    #[test]
    fn one_role_with_two_tenures_is_ambiguous_and_changes_nothing() {
        let mut d = doc("President Donald Trump spoke. ", &[("Donald Trump", "donald-trump", "president")]);
        assert!(!refine_published(&mut d, &kb(), &office_of));
        assert_eq!(d.meta.published.date.earliest, ymd(2022, 9, 1));
    }

    #[test]
    fn historical_asides_and_explicit_dates_are_left_alone() {
        let mut d = doc("In 2024 Defence Minister Rustem Umerov spoke. ", &[("Rustem Umerov", "rustem-umerov", "defence minister")]);
        assert!(!refine_published(&mut d, &kb(), &office_of), "a sentence with a year is a historical aside");
        let mut d = doc("Defence Minister Rustem Umerov spoke. ", &[("Rustem Umerov", "rustem-umerov", "defence minister")]);
        d.meta.published = PublishedDate { date: UncertainDate::day(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()), basis: DateBasis::Explicit };
        assert!(!refine_published(&mut d, &kb(), &office_of), "an explicit date wins");
    }

    #[test]
    fn contradicting_the_cleaner_keeps_the_cleaner() {
        let mut d = doc("Defence Minister Rustem Umerov spoke. ", &[("Rustem Umerov", "rustem-umerov", "defence minister")]);
        d.meta.published.date = UncertainDate::between(ymd(2025, 8, 1), None);
        assert!(!refine_published(&mut d, &kb(), &office_of));
        assert_eq!(d.meta.published.date.earliest, ymd(2025, 8, 1));
    }
}
