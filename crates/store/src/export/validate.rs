//! [`validate_record`]: one JSONL line against `EXPORT-FORMAT.md`.
//!
//! Checks what one line can show on its own: the kind is known, every field
//! the contract names is present with the right JSON type (null allowed where
//! the contract treats the value as possibly unknown), ids carry their prefix,
//! spans are non-negative with `start <= end` and cover exactly as many
//! characters as their `text` has, dates are ISO 8601, uncertain dates are
//! well-formed objects with `earliest <= latest`, and enumerations hold one of
//! their allowed values. Extra fields are allowed.

use chrono::{Datelike, NaiveDate};
use serde_json::{Map, Value};

const ENTITY_TYPES: &[&str] = &["person", "organization", "location", "group"];
/// `genre`, an added document field (absent in exports written before it).
const GENRES: &[&str] = &["article", "comment_thread", "live_blog", "listing", "schedule", "table"];
const BASES: &[&str] = &["explicit", "relative", "inferred", "unknown"];
const TIME_TYPES: &[&str] = &["DATE", "TIME", "DURATION", "SET"];
const APPROX: &[&str] = &["at_least", "more_than", "about", "up_to", "less_than"];
const MODALITIES: &[&str] = &["asserted", "demanded", "proposed", "planned", "hypothetical", "negated"];
const PLOVER: &[&str] = &[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];

/// Checks one export line; `Err` says which field is wrong and why.
pub fn validate_record(line: &str) -> Result<(), String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let obj = Obj::root(&value)?;
    let kind = obj.str("kind")?;
    match kind {
        "document" => document(&obj),
        "entity" => entity(&obj),
        "mention" => {
            obj.id("doc", "d:")?;
            obj.text_span()?;
            obj.id("entity", "e:")
        }
        "time" => {
            obj.id("doc", "d:")?;
            obj.text_span()?;
            obj.one_of("type", TIME_TYPES)?;
            obj.opt_str("value").map(|_| ())
        }
        "quantity" => {
            obj.id("doc", "d:")?;
            quantity(&obj)
        }
        "quote" => {
            obj.id("doc", "d:")?;
            obj.text_span()?;
            obj.opt_id("speaker", "e:")?;
            obj.opt_str("speaker_text")?;
            obj.opt_str("cue")?;
            obj.bool("direct")
        }
        "event" => event(&obj),
        "story" => story(&obj),
        "sentence" => sentence(&obj),
        other => Err(format!("unknown kind {other:?}")),
    }
    .map_err(|e| format!("{kind} record: {e}"))
}

fn document(o: &Obj<'_>) -> Result<(), String> {
    o.id("id", "d:")?;
    o.str("source")?;
    o.opt_str("outlet")?;
    o.opt_str("title")?;
    let published = o.obj("published")?;
    uncertain_date(&published)?;
    published.one_of("basis", BASES)?;
    if let Some(lang) = o.opt_str("language")? {
        if lang.len() != 2 || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(format!("`language` {lang:?} is not an ISO 639-1 code"));
        }
    }
    o.str("body")?;
    o.opt_id("appended_to", "d:")?;
    o.opt_id("duplicate_of", "d:")?;
    o.opt_id("story", "s:")?;
    if o.map.contains_key("genre") {
        o.one_of("genre", GENRES)?;
    }
    Ok(())
}

fn entity(o: &Obj<'_>) -> Result<(), String> {
    o.id("id", "e:")?;
    o.str("name")?;
    o.one_of("type", ENTITY_TYPES)?;
    for alias in o.list("aliases")? {
        alias.as_str().ok_or("`aliases` holds a non-string")?;
    }
    if let Some(c) = o.opt_str("country")? {
        if c.len() != 3 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(format!("`country` {c:?} is not a three-letter upper-case code"));
        }
    }
    o.opt_str("sector")?;
    for (i, role) in o.list("roles")?.iter().enumerate() {
        let r = Obj::new(role, "roles", i)?;
        r.str("title")?;
        r.opt_str("of")?;
        uncertain_date(&r.obj("as_of")?)?;
        for (j, ev) in r.list("evidence")?.iter().enumerate() {
            let e = Obj::new(ev, "evidence", j)?;
            e.id("doc", "d:")?;
            e.span("start", "end")?;
        }
    }
    Ok(())
}

/// A quantity object (a record of its own, or inside an event).
fn quantity(o: &Obj<'_>) -> Result<(), String> {
    o.text_span()?;
    o.number("value")?;
    o.opt_one_of("approx", APPROX)?;
    o.opt_str("unit")?;
    o.opt_str("counts")?;
    if let Some(v) = o.map.get("ordinal") {
        v.as_bool().ok_or("`ordinal` is not a boolean")?;
    }
    Ok(())
}

fn event(o: &Obj<'_>) -> Result<(), String> {
    o.id("id", "v:")?;
    o.one_of("type", PLOVER)?;
    o.opt_str("mode")?;
    for c in o.list("context")? {
        c.as_str().ok_or("`context` holds a non-string")?;
    }
    o.opt_str("cameo")?;
    for key in ["actors", "recipients"] {
        for a in o.list(key)? {
            check_id(a.as_str().ok_or(format!("`{key}` holds a non-string"))?, "e:", key)?;
        }
    }
    uncertain_date(&o.obj("date")?)?;
    o.opt_id("location", "e:")?;
    if let Some(p) = o.map.get("place").filter(|p| !p.is_null()) {
        place(&Obj::new(p, "place", 0)?)?;
    }
    for (i, q) in o.list("quantities")?.iter().enumerate() {
        quantity(&Obj::new(q, "quantities", i)?)?;
    }
    o.one_of("modality", MODALITIES)?;
    o.opt_str("attributed_to")?;
    o.str("summary")?;
    let reports = o.list("reports")?;
    if reports.is_empty() {
        return Err("`reports` is empty".to_string());
    }
    for (i, r) in reports.iter().enumerate() {
        let r = Obj::new(r, "reports", i)?;
        r.id("doc", "d:")?;
        r.span("start", "end")?;
        r.span("trigger_start", "trigger_end")?;
    }
    o.count("num_sources")?;
    for (i, c) in o.list("contradictions")?.iter().enumerate() {
        let c = Obj::new(c, "contradictions", i)?;
        c.str("field")?;
        for (j, v) in c.list("values")?.iter().enumerate() {
            let v = Obj::new(v, "values", j)?;
            v.present("value")?;
            v.id("doc", "d:")?;
        }
    }
    Ok(())
}

/// An event's `place`: a name, an optional GeoNames id and country,
/// coordinates given both or neither, in range, and an optional `basis`.
fn place(o: &Obj<'_>) -> Result<(), String> {
    o.str("name")?;
    if let Some(b) = o.map.get("basis").filter(|b| !b.is_null()) {
        if !matches!(b.as_str(), Some("sentence" | "dateline" | "document")) {
            return Err(format!("`place.basis` {b} is not sentence, dateline or document"));
        }
    }
    if !o.present("geonames_id")?.is_null() {
        o.count("geonames_id")?;
    }
    if let Some(c) = o.opt_str("country")? {
        if c.len() != 3 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(format!("`place.country` {c:?} is not an ISO alpha-3 code"));
        }
    }
    match (o.present("lat")?.is_null(), o.present("lon")?.is_null()) {
        (true, true) => Ok(()),
        (false, false) => {
            let (lat, lon) = (o.number("lat")?, o.number("lon")?);
            if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) {
                Ok(())
            } else {
                Err(format!("`place` coordinates {lat}, {lon} are out of range"))
            }
        }
        _ => Err("`place` has one coordinate without the other".to_string()),
    }
}

fn story(o: &Obj<'_>) -> Result<(), String> {
    o.id("id", "s:")?;
    o.opt_str("title")?;
    for d in o.list("documents")? {
        check_id(d.as_str().ok_or("`documents` holds a non-string")?, "d:", "documents")?;
    }
    for v in o.list("events")? {
        check_id(v.as_str().ok_or("`events` holds a non-string")?, "v:", "events")?;
    }
    let span = o.obj("span")?;
    let from = span.opt_str("from")?.map(|s| iso_value(s, "from")).transpose()?;
    let to = span.opt_str("to")?.map(|s| iso_value(s, "to")).transpose()?;
    if let (Some(f), Some(t)) = (from, to) {
        if f.0 > t.1 {
            return Err("`span.from` is after `span.to`".to_string());
        }
    }
    Ok(())
}

/// Added kind: a sentence and its tokens. Tokens lie inside the sentence in
/// order; `upos` is a UD tag; `head` is null or a 1-based position in
/// `tokens` (0 for the root), never the token itself; a sentence whose tokens
/// all have heads has exactly one root.
fn sentence(o: &Obj<'_>) -> Result<(), String> {
    o.id("doc", "d:")?;
    o.text_span()?;
    let (start, end) = o.span("start", "end")?;
    let tokens = o.list("tokens")?;
    let n = tokens.len() as u64;
    let (mut at, mut heads, mut roots) = (start, 0u64, 0u64);
    for (i, t) in tokens.iter().enumerate() {
        let t = Obj::new(t, "tokens", i)?;
        let mut token = || -> Result<(), String> {
            t.text_span()?;
            let (s, e) = t.span("start", "end")?;
            if s < at || e > end {
                return Err(format!("span {s}..{e} is out of order or outside the sentence {start}..{end}"));
            }
            at = e;
            if let Some(upos) = t.opt_str("upos")? {
                if chronicle_core::Upos::parse(upos).is_none() {
                    return Err(format!("`upos` {upos:?} is not a Universal Dependencies tag"));
                }
            }
            t.opt_str("xpos")?;
            t.opt_str("lemma")?;
            t.opt_str("deprel")?;
            match t.present("head")? {
                Value::Null => {}
                v => {
                    let h = v.as_u64().ok_or("`head` is neither a non-negative integer nor null")?;
                    if h > n {
                        return Err(format!("`head` {h} is beyond the sentence's {n} tokens"));
                    }
                    if h == i as u64 + 1 {
                        return Err("`head` is the token itself".to_string());
                    }
                    heads += 1;
                    roots += u64::from(h == 0);
                }
            }
            Ok(())
        };
        token().map_err(|e| format!("`tokens[{i}]`: {e}"))?;
    }
    if n > 0 && heads == n && roots != 1 {
        return Err(format!("a parsed sentence has {roots} roots, not one"));
    }
    Ok(())
}

/// `{"value", "earliest", "latest"}`: value an ISO date of year, month or day
/// precision, bounds full days, `earliest <= latest`.
fn uncertain_date(o: &Obj<'_>) -> Result<(), String> {
    if let Some(v) = o.opt_str("value")? {
        iso_value(v, "value")?;
    }
    let day = |key: &str| -> Result<Option<NaiveDate>, String> {
        o.opt_str(key)?
            .map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("`{key}` {s:?} is not a YYYY-MM-DD date")))
            .transpose()
    };
    if let (Some(e), Some(l)) = (day("earliest")?, day("latest")?) {
        if e > l {
            return Err(format!("`earliest` {e} is after `latest` {l}"));
        }
    }
    // added field: a weekday name, and the bounds fall on it
    let weekday = if o.map.contains_key("weekday") { o.opt_str("weekday")? } else { None };
    if let Some(w) = weekday {
        let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        let Some(n) = names.iter().position(|x| *x == w) else {
            return Err(format!("`weekday` {w:?} is not a weekday name"));
        };
        for key in ["earliest", "latest"] {
            if let Some(d) = day(key)? {
                if d.weekday().num_days_from_monday() as usize != n {
                    return Err(format!("`{key}` {d} is not a {w}"));
                }
            }
        }
    }
    // added field: `--MM-DD`, and the bounds fall on it
    let month_day = if o.map.contains_key("month_day") { o.opt_str("month_day")? } else { None };
    if let Some(md) = month_day {
        let parsed = md
            .strip_prefix("--")
            .and_then(|r| r.split_once('-'))
            .and_then(|(m, dd)| Some((m.parse::<u32>().ok()?, dd.parse::<u32>().ok()?)))
            .filter(|&(m, dd)| NaiveDate::from_ymd_opt(2024, m, dd).is_some());
        let Some((m, dd)) = parsed else {
            return Err(format!("`month_day` {md:?} is not --MM-DD"));
        };
        for key in ["earliest", "latest"] {
            if let Some(d) = day(key)? {
                if d.month() != m || d.day() != dd {
                    return Err(format!("`{key}` {d} is not on {md}"));
                }
            }
        }
    }
    Ok(())
}

/// The first and last day of an ISO value (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
pub(crate) fn iso_value(s: &str, key: &str) -> Result<(NaiveDate, NaiveDate), String> {
    let bad = || format!("`{key}` {s:?} is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)");
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = s.split('-').collect();
    match parts.as_slice() {
        [y] if digits(y, 4) => {
            let y: i32 = y.parse().map_err(|_| bad())?;
            let first = NaiveDate::from_ymd_opt(y, 1, 1).ok_or_else(bad)?;
            let last = NaiveDate::from_ymd_opt(y, 12, 31).ok_or_else(bad)?;
            Ok((first, last))
        }
        [y, m] if digits(y, 4) && digits(m, 2) => {
            let y: i32 = y.parse().map_err(|_| bad())?;
            let m: u32 = m.parse().map_err(|_| bad())?;
            let first = NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(bad)?;
            let next = if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1) } else { NaiveDate::from_ymd_opt(y, m + 1, 1) };
            let last = next.and_then(|n| n.pred_opt()).ok_or_else(bad)?;
            Ok((first, last))
        }
        [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => {
            let day = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| bad())?;
            Ok((day, day))
        }
        _ => Err(bad()),
    }
}

fn check_id(id: &str, prefix: &str, key: &str) -> Result<(), String> {
    match id.strip_prefix(prefix) {
        Some(rest) if !rest.is_empty() => Ok(()),
        _ => Err(format!("`{key}` {id:?} is not an id of the form {prefix}…")),
    }
}

/// A JSON object with field checks that name the field.
struct Obj<'a> {
    map: &'a Map<String, Value>,
}

impl<'a> Obj<'a> {
    fn root(v: &'a Value) -> Result<Obj<'a>, String> {
        v.as_object().map(|map| Obj { map }).ok_or_else(|| "not a JSON object".to_string())
    }

    fn new(v: &'a Value, list: &str, i: usize) -> Result<Obj<'a>, String> {
        v.as_object().map(|map| Obj { map }).ok_or_else(|| format!("`{list}[{i}]` is not an object"))
    }

    fn present(&self, key: &str) -> Result<&'a Value, String> {
        self.map.get(key).ok_or_else(|| format!("missing field `{key}`"))
    }

    fn str(&self, key: &str) -> Result<&'a str, String> {
        self.present(key)?.as_str().ok_or_else(|| format!("`{key}` is not a string"))
    }

    fn opt_str(&self, key: &str) -> Result<Option<&'a str>, String> {
        match self.present(key)? {
            Value::Null => Ok(None),
            Value::String(s) => Ok(Some(s)),
            _ => Err(format!("`{key}` is neither a string nor null")),
        }
    }

    fn bool(&self, key: &str) -> Result<(), String> {
        self.present(key)?.as_bool().map(|_| ()).ok_or_else(|| format!("`{key}` is not a boolean"))
    }

    fn number(&self, key: &str) -> Result<f64, String> {
        self.present(key)?.as_f64().ok_or_else(|| format!("`{key}` is not a number"))
    }

    fn count(&self, key: &str) -> Result<u64, String> {
        self.present(key)?.as_u64().ok_or_else(|| format!("`{key}` is not a non-negative integer"))
    }

    fn list(&self, key: &str) -> Result<&'a Vec<Value>, String> {
        self.present(key)?.as_array().ok_or_else(|| format!("`{key}` is not a list"))
    }

    fn obj(&self, key: &str) -> Result<Obj<'a>, String> {
        self.present(key)?.as_object().map(|map| Obj { map }).ok_or_else(|| format!("`{key}` is not an object"))
    }

    fn id(&self, key: &str, prefix: &str) -> Result<(), String> {
        check_id(self.str(key)?, prefix, key)
    }

    fn opt_id(&self, key: &str, prefix: &str) -> Result<(), String> {
        self.opt_str(key)?.map_or(Ok(()), |id| check_id(id, prefix, key))
    }

    fn one_of(&self, key: &str, allowed: &[&str]) -> Result<(), String> {
        let v = self.str(key)?;
        if allowed.contains(&v) {
            Ok(())
        } else {
            Err(format!("`{key}` {v:?} is not one of {}", allowed.join(", ")))
        }
    }

    fn opt_one_of(&self, key: &str, allowed: &[&str]) -> Result<(), String> {
        match self.opt_str(key)? {
            None => Ok(()),
            Some(v) if allowed.contains(&v) => Ok(()),
            Some(v) => Err(format!("`{key}` {v:?} is not one of {} or null", allowed.join(", "))),
        }
    }

    fn span(&self, start: &str, end: &str) -> Result<(u64, u64), String> {
        let (s, e) = (self.count(start)?, self.count(end)?);
        if s > e {
            return Err(format!("`{start}` {s} is after `{end}` {e}"));
        }
        Ok((s, e))
    }

    /// `start`, `end` and `text`, where `text` has exactly `end - start` characters.
    fn text_span(&self) -> Result<(), String> {
        let (s, e) = self.span("start", "end")?;
        let n = self.str("text")?.chars().count() as u64;
        if n != e - s {
            return Err(format!("span {s}..{e} covers {} characters but `text` has {n}", e - s));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"{"kind":"document","id":"d:0123456789abcdef","source":"a.txt","outlet":null,"title":"T","published":{"value":null,"earliest":"2025-05-27","latest":"2025-06-19","basis":"inferred"},"language":"en","body":"Erdoğan spoke.","appended_to":null,"duplicate_of":null,"story":null}"#;

    /// `DOC` with one field replaced (or removed, with `None`).
    fn doc_with(key: &str, value: Option<serde_json::Value>) -> String {
        let mut v: Value = serde_json::from_str(DOC).unwrap();
        let map = v.as_object_mut().unwrap();
        match value {
            Some(x) => map.insert(key.to_string(), x),
            None => map.remove(key),
        };
        v.to_string()
    }

    fn rejects(line: &str, why: &str) {
        match validate_record(line) {
            Ok(()) => panic!("accepted {line}"),
            Err(e) => assert!(e.contains(why), "{e:?} lacks {why:?}"),
        }
    }

    #[test]
    fn accepts_well_formed_records_of_every_kind() {
        let lines = [
            DOC,
            r#"{"kind":"entity","id":"e:RUS","name":"Russia","type":"location","aliases":["Russia","Moscow"],"country":"RUS","sector":null,"roles":[]}"#,
            r#"{"kind":"entity","id":"e:person:a-b","name":"A B","type":"person","aliases":[],"country":null,"sector":"GOV","roles":[{"title":"defence minister","of":"UKR","as_of":{"value":"2025-05","earliest":"2025-05-01","latest":"2025-05-31"},"evidence":[{"doc":"d:01","start":3,"end":9}]}]}"#,
            r#"{"kind":"mention","doc":"d:01","start":0,"end":7,"text":"Erdoğan","entity":"e:recep-tayyip-erdogan"}"#,
            r#"{"kind":"time","doc":"d:01","start":4,"end":8,"text":"2025","type":"DATE","value":"2025"}"#,
            r#"{"kind":"quantity","doc":"d:01","start":0,"end":9,"text":"about 200","value":200,"approx":"about","unit":null,"counts":null,"ordinal":false}"#,
            r#"{"kind":"quote","doc":"d:01","start":1,"end":3,"text":"hi","speaker":null,"speaker_text":"a source","cue":"said","direct":false}"#,
            r#"{"kind":"event","id":"v:0123456789abcdef","type":"AGREE","mode":null,"context":[],"cameo":"03","actors":["e:RUS"],"recipients":[],"date":{"value":"2025-06-02","earliest":"2025-06-02","latest":"2025-06-02"},"location":null,"quantities":[{"start":0,"end":3,"text":"two","value":2,"approx":null,"unit":null,"counts":"sides"}],"modality":"asserted","attributed_to":null,"summary":"S.","reports":[{"doc":"d:01","start":0,"end":2,"trigger_start":0,"trigger_end":1}],"num_sources":1,"contradictions":[{"field":"date","values":[{"value":"2025-06-02","doc":"d:01"}]}]}"#,
            r#"{"kind":"story","id":"s:01","title":"Talks","documents":["d:01"],"events":["v:01"],"span":{"from":"2025-05-16","to":"2025-06-02"}}"#,
            SENTENCE,
            r#"{"kind":"sentence","doc":"d:01","start":0,"end":3,"text":"Hi.","tokens":[{"start":0,"end":2,"text":"Hi","upos":null,"xpos":null,"lemma":null,"head":null,"deprel":null},{"start":2,"end":3,"text":".","upos":null,"xpos":null,"lemma":null,"head":null,"deprel":null}]}"#,
        ];
        for l in lines {
            assert_eq!(validate_record(l), Ok(()), "{l}");
        }
    }

    const SENTENCE: &str = r#"{"kind":"sentence","doc":"d:01","start":4,"end":18,"text":"Erdoğan spoke.","tokens":[{"start":4,"end":11,"text":"Erdoğan","upos":"PROPN","xpos":"NNP","lemma":"Erdoğan","head":2,"deprel":"nsubj"},{"start":12,"end":17,"text":"spoke","upos":"VERB","xpos":"VBD","lemma":"speak","head":0,"deprel":"root"},{"start":17,"end":18,"text":".","upos":"PUNCT","xpos":".","lemma":".","head":2,"deprel":"punct"}]}"#;

    #[test]
    fn rejects_broken_sentences() {
        rejects(&SENTENCE.replace(r#""upos":"PROPN""#, r#""upos":"NNP""#), "not a Universal Dependencies tag");
        rejects(&SENTENCE.replace(r#""head":2,"deprel":"nsubj""#, r#""head":4,"deprel":"nsubj""#), "beyond");
        rejects(&SENTENCE.replace(r#""head":2,"deprel":"nsubj""#, r#""head":1,"deprel":"nsubj""#), "the token itself");
        rejects(&SENTENCE.replace(r#""head":2,"deprel":"nsubj""#, r#""head":0,"deprel":"root""#), "2 roots");
        rejects(&SENTENCE.replace(r#""head":2,"deprel":"nsubj""#, r#""head":-1,"deprel":"nsubj""#), "`tokens[0]`: `head`");
        rejects(&SENTENCE.replace(r#""start":12,"end":17"#, r#""start":2,"end":7"#), "out of order");
        rejects(&SENTENCE.replace(r#""text":"spoke""#, r#""text":"spok""#), "`tokens[1]`");
        rejects(&SENTENCE.replace(r#""doc":"d:01""#, r#""doc":"01""#), "d:");
        // one head unknown: no root count is required
        let partial = SENTENCE.replace(r#""head":0,"deprel":"root""#, r#""head":null,"deprel":null"#);
        assert_eq!(validate_record(&partial), Ok(()));
    }

    #[test]
    fn the_documented_sentence_example_validates() {
        let doc = include_str!("../../../../docs/EXPORT-FORMAT.md");
        let example = doc.split("```json\n").nth(1).and_then(|rest| rest.split("```").next()).expect("a json example");
        let line: String = example.lines().map(str::trim).collect();
        assert_eq!(validate_record(&line), Ok(()), "{line}");
    }

    #[test]
    fn rejects_broken_records() {
        rejects("not json", "not JSON");
        rejects("[1,2]", "not a JSON object");
        rejects(r#"{"kind":"gossip","id":"d:1"}"#, "unknown kind");
        rejects(r#"{"id":"d:1"}"#, "missing field `kind`");
        rejects(&doc_with("body", None), "missing field `body`");
        rejects(&doc_with("id", Some("0123456789abcdef".into())), "`id`");
        rejects(&doc_with("id", Some("e:0123".into())), "d:");
        rejects(&doc_with("story", Some("d:0123".into())), "`story`");
        rejects(&doc_with("language", Some("english".into())), "ISO 639-1");
        rejects(&doc_with("title", Some(3.into())), "`title`");
        let bad_date = serde_json::json!({"value": "16/05/2025", "earliest": null, "latest": null, "basis": "explicit"});
        rejects(&doc_with("published", Some(bad_date)), "ISO 8601");
        let month13 = serde_json::json!({"value": "2025-13", "earliest": null, "latest": null, "basis": "explicit"});
        rejects(&doc_with("published", Some(month13)), "ISO 8601");
        let reversed = serde_json::json!({"value": null, "earliest": "2025-06-19", "latest": "2025-05-27", "basis": "inferred"});
        rejects(&doc_with("published", Some(reversed)), "after");
        let basis = serde_json::json!({"value": null, "earliest": null, "latest": null, "basis": "guessed"});
        rejects(&doc_with("published", Some(basis)), "`basis`");
        let no_latest = serde_json::json!({"value": null, "earliest": null, "basis": "unknown"});
        rejects(&doc_with("published", Some(no_latest)), "missing field `latest`");
        // 2025-05-26 is a Monday, 2025-05-27 is not
        let not_monday = serde_json::json!({"value": null, "earliest": "2025-05-27", "latest": null, "weekday": "Monday", "basis": "inferred"});
        rejects(&doc_with("published", Some(not_monday)), "is not a Monday");
        let odd_name = serde_json::json!({"value": null, "earliest": "2025-05-26", "latest": null, "weekday": "Mon", "basis": "inferred"});
        rejects(&doc_with("published", Some(odd_name)), "not a weekday name");
        let monday = serde_json::json!({"value": null, "earliest": "2025-05-26", "latest": "2025-06-09", "weekday": "Monday", "basis": "inferred"});
        assert_eq!(validate_record(&doc_with("published", Some(monday))), Ok(()));
        let june2 = serde_json::json!({"value": null, "earliest": "2025-06-02", "latest": "2026-06-02", "month_day": "--06-02", "basis": "inferred"});
        assert_eq!(validate_record(&doc_with("published", Some(june2))), Ok(()));
        let off = serde_json::json!({"value": null, "earliest": "2025-06-03", "latest": null, "month_day": "--06-02", "basis": "inferred"});
        rejects(&doc_with("published", Some(off)), "is not on --06-02");
        let bad = serde_json::json!({"value": null, "earliest": null, "latest": null, "month_day": "June 2", "basis": "inferred"});
        rejects(&doc_with("published", Some(bad)), "not --MM-DD");

        rejects(r#"{"kind":"mention","doc":"d:01","start":5,"end":2,"text":"x","entity":"e:a"}"#, "after");
        rejects(r#"{"kind":"mention","doc":"d:01","start":-1,"end":2,"text":"xyz","entity":"e:a"}"#, "non-negative");
        rejects(r#"{"kind":"mention","doc":"d:01","start":0,"end":8,"text":"Erdoğan","entity":"e:a"}"#, "characters");
        rejects(r#"{"kind":"mention","doc":"d:01","start":0,"end":1,"text":"x","entity":"person:a"}"#, "e:");
        rejects(r#"{"kind":"time","doc":"d:01","start":0,"end":1,"text":"x","type":"DAY","value":null}"#, "`type`");
        rejects(r#"{"kind":"quantity","doc":"d:01","start":0,"end":1,"text":"x","value":"2","approx":null,"unit":null,"counts":null}"#, "`value`");
        rejects(r#"{"kind":"quantity","doc":"d:01","start":0,"end":1,"text":"x","value":2,"approx":"roughly","unit":null,"counts":null}"#, "`approx`");
        rejects(r#"{"kind":"quote","doc":"d:01","start":0,"end":1,"text":"x","speaker":null,"speaker_text":null,"cue":null,"direct":"yes"}"#, "`direct`");
        rejects(r#"{"kind":"entity","id":"e:x","name":"X","type":"thing","aliases":[],"country":null,"sector":null,"roles":[]}"#, "`type`");
        rejects(r#"{"kind":"entity","id":"e:x","name":"X","type":"location","aliases":[],"country":"Russia","sector":null,"roles":[]}"#, "`country`");
        let event = r#"{"kind":"event","id":"v:01","type":"AGREE","mode":null,"context":[],"cameo":null,"actors":[],"recipients":[],"date":{"value":null,"earliest":null,"latest":null},"location":null,"quantities":[],"modality":"asserted","attributed_to":null,"summary":"S.","reports":[{"doc":"d:01","start":0,"end":2,"trigger_start":0,"trigger_end":1}],"num_sources":1,"contradictions":[]}"#;
        assert_eq!(validate_record(event), Ok(()));
        rejects(&event.replace("\"AGREE\"", "\"MEET\""), "`type`");
        rejects(&event.replace("\"asserted\"", "\"rumoured\""), "`modality`");
        rejects(&event.replace("\"v:01\"", "\"d:01\""), "v:");
        rejects(&event.replace("\"actors\":[]", "\"actors\":[\"Putin\"]"), "e:");
        rejects(&event.replace(r#""reports":[{"doc":"d:01","start":0,"end":2,"trigger_start":0,"trigger_end":1}]"#, r#""reports":[]"#), "empty");
        let placed = |p: &str| event.replace(r#""location":null"#, &format!(r#""location":null,"place":{p}"#));
        assert_eq!(validate_record(&placed(r#"{"name":"Tripoli","geonames_id":2210247,"country":"LBY","lat":32.8925,"lon":13.18}"#)), Ok(()));
        assert_eq!(validate_record(&placed(r#"{"name":"Gulf of Mexico","geonames_id":null,"country":null,"lat":null,"lon":null}"#)), Ok(()));
        rejects(&placed(r#"{"name":"Tripoli","geonames_id":null,"country":"LBY","lat":32.9,"lon":null}"#), "one coordinate");
        assert_eq!(validate_record(&placed(r#"{"name":"Libya","geonames_id":null,"country":"LBY","lat":27.0,"lon":17.0,"basis":"document"}"#)), Ok(()));
        rejects(&placed(r#"{"name":"Libya","geonames_id":null,"country":"LBY","lat":27.0,"lon":17.0,"basis":"guess"}"#), "basis");
        rejects(&placed(r#"{"name":"Tripoli","geonames_id":null,"country":"Libya","lat":null,"lon":null}"#), "alpha-3");
        rejects(&placed(r#"{"name":"Tripoli","geonames_id":null,"country":"LBY","lat":132.9,"lon":13.2}"#), "out of range");
    }
}
