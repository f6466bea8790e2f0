//! Furniture across pages: template lines (a promo, a posting policy, a newsletter pitch)
//! that recur verbatim on many pages of one site. The store counts, per site and per
//! normalised line, the distinct documents holding it (see `data/clean/README.md`); a
//! line whose count reached `furniture_min_docs` is boilerplate for the site's later
//! pages, and [`Cleaner::mark_furniture`] retracts it from the pages stored before.

use std::collections::HashSet;

use chronicle_core::{BlockLabel, Document};

use crate::config::CleanConfig;
use crate::lexicon::normalise_line;
use crate::Cleaner;

/// The template lines known for each site: `(site, line key)` pairs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Furniture {
    keys: HashSet<(String, u64)>,
}

impl Furniture {
    /// From `(site, key)` pairs (what the store returns).
    pub fn from_keys(keys: impl IntoIterator<Item = (String, u64)>) -> Furniture {
        Furniture { keys: keys.into_iter().collect() }
    }

    /// True when this line key is template text on `site`.
    pub fn contains(&self, site: &str, key: u64) -> bool {
        !self.keys.is_empty() && self.keys.contains(&(site.to_string(), key))
    }

    /// Adds the lines of `other` (the lines a batch made furniture, for the next batch).
    pub fn extend(&mut self, other: &Furniture) {
        self.keys.extend(other.keys.iter().cloned());
    }

    /// No template line known.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// The key of a line for counting: BLAKE3 of its normalised form with every digit run
/// made `0` (so "Updated 3 hours ago" and "Updated 5 hours ago" agree), or None for a
/// line too short or too long to count (a name, "Reuters", a dateline, a paragraph).
pub(crate) fn line_key(line: &str, cfg: &CleanConfig) -> Option<u64> {
    if line.chars().count() > cfg.furniture_max_chars {
        return None;
    }
    let norm = normalise_line(line);
    if norm.split(' ').filter(|w| w.chars().any(char::is_alphabetic)).count() < cfg.furniture_min_words {
        return None;
    }
    let mut out = String::with_capacity(norm.len());
    let mut in_digits = false;
    for c in norm.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('0');
            }
            in_digits = true;
        } else {
            in_digits = false;
            out.push(c);
        }
    }
    let hash = blake3::hash(out.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(hash.as_bytes().get(..8)?);
    // 63 bits, so the key is the same as a non-negative SQLite integer.
    Some(u64::from_le_bytes(first) >> 1)
}

impl Cleaner {
    /// The site a document counts its lines under (the URL's host, else the folder it was
    /// read from) and the distinct keys of its lines, in first-seen order. Only host
    /// documents count: an appended article's lines are its host's.
    pub fn line_keys(&self, doc: &Document) -> Option<(String, Vec<u64>)> {
        if doc.meta.appended_to.is_some() {
            return None;
        }
        let site = crate::site_of_parts(doc.meta.url.as_deref(), &doc.source);
        let mut seen = HashSet::new();
        let keys = doc
            .blocks
            .iter()
            .filter(|b| b.label != BlockLabel::Dateline)
            .filter_map(|b| line_key(b.span.text(&doc.extracted), self.config()))
            .filter(|k| seen.insert(*k))
            .collect();
        Some((site, keys))
    }

    /// Retracts template lines from a document stored before they were known: each body
    /// block whose line is furniture on the document's site becomes boilerplate and the
    /// events, quotes and quantities inside it are dropped (the body text, frozen, stays).
    /// Nothing happens when that would leave no body block or remove more than
    /// `furniture_max_share` of the body. True when the document changed.
    pub fn mark_furniture(&self, doc: &mut Document, furniture: &Furniture) -> bool {
        let cfg = self.config();
        let site = crate::site_of_parts(doc.meta.url.as_deref(), &doc.source);
        let mut pos = 0usize;
        let mut hits: Vec<(usize, usize, usize)> = Vec::new();
        let (mut body_blocks, mut body_chars, mut hit_chars) = (0usize, 0usize, 0usize);
        for (i, b) in doc.blocks.iter().enumerate() {
            if b.label != BlockLabel::Body {
                continue;
            }
            let text = b.span.text(&doc.extracted);
            let start = pos;
            pos += text.len() + 2;
            body_blocks += 1;
            body_chars += text.len();
            if doc.body().get(start..start + text.len()) != Some(text) {
                return false;
            }
            if line_key(text, cfg).is_some_and(|k| furniture.contains(&site, k)) {
                hits.push((i, start, start + text.len()));
                hit_chars += text.len();
            }
        }
        if hits.is_empty() || hits.len() >= body_blocks || hit_chars as f64 > cfg.furniture_max_share * body_chars as f64 {
            return false;
        }
        let ranges: Vec<(usize, usize)> = hits.iter().map(|h| (h.1, h.2)).collect();
        for (i, _, _) in &hits {
            if let Some(b) = doc.blocks.get_mut(*i) {
                b.label = BlockLabel::Boilerplate;
                b.reason = "template line: reached the site's furniture count after this page was stored (its facts are dropped)".into();
            }
        }
        doc.drop_facts_within(&ranges);
        true
    }
}
