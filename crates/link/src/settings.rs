//! Thresholds from `data/link/thresholds.tsv`, loaded once.

use std::collections::HashMap;
use std::sync::LazyLock;

const THRESHOLDS: &str = include_str!("../../../data/link/thresholds.tsv");

/// The tunable thresholds of the stage.
#[derive(Clone, Debug)]
pub(crate) struct Settings {
    pub dup_jaccard: f64,
    pub dup_containment: f64,
    pub dup_min_sketch: usize,
    pub dup_min_contained: usize,
    pub story_threshold: f64,
    pub story_time_tau_days: f64,
    pub story_time_floor: f64,
    pub story_weight_body: f64,
    pub story_weight_entities: f64,
    pub story_weight_title: f64,
    pub story_outlet_min_docs: f64,
    pub story_outlet_furniture: f64,
    pub coref_max_pub_gap_days: i64,
    pub coref_min_content: f64,
    pub coref_high_content: f64,
    pub coref_statement_content: f64,
    pub coref_similar_content: f64,
    pub coref_near_identical: f64,
    pub coref_narrow_date_days: i64,
    pub coref_max_span_days: i64,
    pub coref_visit_apart_km: f64,
    pub entity_family_name_share: f64,
    pub tls_same_day_weight: f64,
    pub tls_pub_weight: f64,
    pub tls_future_weight: f64,
    pub tls_gap_weight: f64,
    pub tls_gap_cap_days: f64,
    pub tls_lead_days: i64,
    pub tls_min_words: f64,
    pub tls_max_words: f64,
    pub tls_lede_sentences: f64,
    pub tls_redundancy: f64,
    pub brief_talks_min_share: f64,
}

fn parse(text: &str) -> Result<HashMap<String, f64>, crate::LinkError> {
    let mut out = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split('\t');
        let (Some(k), Some(v)) = (parts.next(), parts.next()) else {
            return Err(crate::LinkError::BadData { file: "data/link/thresholds.tsv".into(), line: i + 1, reason: "expected key<TAB>value".into() });
        };
        let v: f64 = v.trim().parse().map_err(|_| crate::LinkError::BadData {
            file: "data/link/thresholds.tsv".into(),
            line: i + 1,
            reason: format!("not a number: {v:?}"),
        })?;
        out.insert(k.trim().to_string(), v);
    }
    Ok(out)
}

impl Settings {
    fn from_map(m: &HashMap<String, f64>) -> Settings {
        let g = |k: &str, d: f64| m.get(k).copied().unwrap_or(d);
        Settings {
            dup_jaccard: g("dup_jaccard", 0.7),
            dup_containment: g("dup_containment", 0.8),
            dup_min_sketch: g("dup_min_sketch", 3.0) as usize,
            dup_min_contained: g("dup_min_contained", 6.0) as usize,
            story_threshold: g("story_threshold", 0.3),
            story_time_tau_days: g("story_time_tau_days", 10.0),
            story_time_floor: g("story_time_floor", 0.5),
            story_weight_body: g("story_weight_body", 0.6),
            story_weight_entities: g("story_weight_entities", 0.25),
            story_weight_title: g("story_weight_title", 0.15),
            story_outlet_min_docs: g("story_outlet_min_docs", 10.0),
            story_outlet_furniture: g("story_outlet_furniture", 0.5),
            coref_max_pub_gap_days: g("coref_max_pub_gap_days", 2.0) as i64,
            coref_min_content: g("coref_min_content", 0.08),
            coref_high_content: g("coref_high_content", 0.35),
            coref_statement_content: g("coref_statement_content", 0.3),
            coref_similar_content: g("coref_similar_content", 0.5),
            coref_near_identical: g("coref_near_identical", 0.7),
            coref_narrow_date_days: g("coref_narrow_date_days", 7.0) as i64,
            coref_max_span_days: g("coref_max_span_days", 3.0) as i64,
            coref_visit_apart_km: g("coref_visit_apart_km", 250.0),
            entity_family_name_share: g("entity_family_name_share", 0.8),
            tls_same_day_weight: g("tls_same_day_weight", 0.0),
            tls_pub_weight: g("tls_pub_weight", 0.25),
            tls_future_weight: g("tls_future_weight", 0.0),
            tls_gap_weight: g("tls_gap_weight", 2.0),
            tls_gap_cap_days: g("tls_gap_cap_days", 30.0),
            tls_lead_days: g("tls_lead_days", 7.0) as i64,
            tls_min_words: g("tls_min_words", 6.0),
            tls_max_words: g("tls_max_words", 50.0),
            tls_lede_sentences: g("tls_lede_sentences", 5.0),
            tls_redundancy: g("tls_redundancy", 0.5),
            brief_talks_min_share: g("brief_talks_min_share", 0.2),
        }
    }
}

/// Environment variable naming a TSV file whose keys override the embedded
/// ones (for tuning on a dev set; keys it does not set keep their values).
pub(crate) const OVERRIDE_ENV: &str = "CHRONICLE_LINK_THRESHOLDS";

/// The embedded defaults (a malformed embedded file falls back to built-in
/// values; a test checks it parses), with the keys of the file named by
/// [`OVERRIDE_ENV`] on top (a file that cannot be read or parsed is ignored).
pub(crate) static SETTINGS: LazyLock<Settings> = LazyLock::new(|| {
    let mut m = parse(THRESHOLDS).unwrap_or_default();
    if let Some(text) = std::env::var_os(OVERRIDE_ENV).and_then(|p| std::fs::read_to_string(p).ok()) {
        m.extend(parse(&text).unwrap_or_default());
    }
    Settings::from_map(&m)
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_thresholds_parse() {
        let m = parse(THRESHOLDS).expect("thresholds parse");
        assert!(m.contains_key("dup_jaccard"));
        assert!(SETTINGS.story_threshold > 0.0 && SETTINGS.story_threshold < 1.0);
        assert!(parse("a\tb").is_err());
    }
}
