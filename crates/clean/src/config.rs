//! Thresholds (defaults from `data/clean/settings.toml`, a user file overrides the keys it
//! sets) and site chrome overrides.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use crate::classify::BlockModel;

use crate::error::CleanError;
use crate::lexicon::normalise_line;

const DEFAULT_SETTINGS: &str = include_str!("../../../data/clean/settings.toml");
const DEFAULT_BLOCK_MODEL: &str = include_str!("../../../data/clean/block_model.tsv");

/// Cleaner thresholds and user overrides. Build with [`CleanConfig::default`] (the
/// embedded defaults), then [`CleanConfig::with_settings_file`] / [`CleanConfig::with_chrome_file`].
#[derive(Clone, Debug, PartialEq)]
pub struct CleanConfig {
    /// Blocks shorter than this many characters are "short".
    pub length_low: usize,
    /// Blocks at least this long with `stop_high` density are "good".
    pub length_high: usize,
    /// Below this stop-word density a block is "bad".
    pub stop_low: f64,
    /// At or above this density a long block is "good".
    pub stop_high: f64,
    /// Most words a headline may have.
    pub max_heading_words: usize,
    /// Most characters a headline may have.
    pub max_heading_chars: usize,
    /// Promo words a pitch needs.
    pub promo_min_hits: usize,
    /// Share of promo words a pitch needs.
    pub promo_min_density: f64,
    /// Items that make a link list.
    pub list_min_items: usize,
    /// Distinct documents of one site a repeated line must occur in.
    pub repeat_min_docs: usize,
    /// Share of the site's documents a repeated line must occur in.
    pub repeat_min_share: f64,
    /// Longer lines are never repeated chrome.
    pub repeat_max_chars: usize,
    /// Body characters an appended article needs.
    pub appended_min_body_chars: usize,
    /// Largest vocabulary overlap with the host for a header-less appended article.
    pub topic_shift_max_overlap: f64,
    /// Characters of the body sampled for language detection.
    pub language_sample_chars: usize,
    /// Words a language sample needs before its English function words alone may say it
    /// is English.
    pub english_min_words: usize,
    /// Share of a sample's words that must be English function words for that.
    pub english_min_share: f64,
    /// Marker lines that open a comment thread without a heading.
    pub comment_min_markers: usize,
    /// Blocks within which those markers must lie.
    pub comment_marker_window: usize,
    /// Share of first/second-person words that makes a block after the article chat.
    pub comment_chat_min_share: f64,
    /// Comment tail of text input: blocks in the sliding window.
    pub comment_tail_window: usize,
    /// Talk lines (unquoted chat) in the window that open the tail.
    pub comment_tail_min_talk: usize,
    /// Body blocks the article keeps before a tail may open.
    pub comment_tail_min_lead: usize,
    /// Largest share of talk lines before the tail (more: a first-person piece, no tail).
    pub comment_tail_max_lead_share: f64,
    /// Reporting lines in a talk-free window that end the tail (the news resumes).
    pub comment_tail_resume_reports: usize,
    /// Prose paragraphs a header-less appended article needs.
    pub appended_min_paragraphs: usize,
    /// Distinct stored documents of a site a template line must occur in.
    pub furniture_min_docs: usize,
    /// Fewest words a counted line has.
    pub furniture_min_words: usize,
    /// Most characters a counted line has.
    pub furniture_max_chars: usize,
    /// Largest share of a page's candidate text template lines may remove.
    pub furniture_max_share: f64,
    /// Time-stamp lines inside the body that make a live blog.
    pub live_blog_min_stamps: usize,
    /// Link-list items that make a listing.
    pub listing_min_items: usize,
    /// Date- or clock-led lines that make a schedule.
    pub schedule_min_lines: usize,
    /// Programme credits ("Presenter/…", "Producer: …") that make a schedule.
    pub schedule_min_credits: usize,
    /// Figure lines that make a table.
    pub table_min_lines: usize,
    /// HTML nesting deeper than this is flattened before extraction (see `depth.rs`).
    pub html_max_depth: usize,
    /// A parsed page whose tree is deeper than this, after flattening, is rejected
    /// (`too-deep`): the DOM walks recurse per level.
    pub html_max_dom_depth: usize,
    /// A text input longer than this (bytes) is rejected as no article.
    pub max_text_bytes: usize,
    /// An HTML page longer than this (bytes) is rejected as no article.
    pub max_html_bytes: usize,
    /// Earliest year a publication or crawl date may have.
    pub published_min_year: i32,
    /// Latest year a publication or crawl date may have.
    pub published_max_year: i32,
    /// The HTML block classifier's weights (`data/clean/block_model.tsv`).
    pub block_model: Arc<BlockModel>,
    /// Blocks the classifier gives at least this probability are the page's main content.
    pub block_min_probability: f64,
    /// With fewer words kept than this, the extractor's own main content is used.
    pub block_min_words: usize,
    /// Lines always treated as chrome, per site (lowercase host or outlet name) ...
    pub chrome_by_site: HashMap<String, HashSet<String>>,
    /// ... and for every site.
    pub chrome_global: HashSet<String>,
}

impl Default for CleanConfig {
    fn default() -> CleanConfig {
        let mut c = CleanConfig {
            length_low: 70,
            length_high: 200,
            stop_low: 0.22,
            stop_high: 0.30,
            max_heading_words: 30,
            max_heading_chars: 250,
            promo_min_hits: 3,
            promo_min_density: 0.08,
            list_min_items: 2,
            repeat_min_docs: 3,
            repeat_min_share: 0.2,
            repeat_max_chars: 120,
            appended_min_body_chars: 120,
            topic_shift_max_overlap: 0.12,
            language_sample_chars: 400,
            english_min_words: 20,
            english_min_share: 0.3,
            comment_min_markers: 2,
            comment_marker_window: 8,
            comment_chat_min_share: 0.06,
            comment_tail_window: 6,
            comment_tail_min_talk: 3,
            comment_tail_min_lead: 4,
            comment_tail_max_lead_share: 0.15,
            comment_tail_resume_reports: 2,
            appended_min_paragraphs: 2,
            furniture_min_docs: 5,
            furniture_min_words: 5,
            furniture_max_chars: 400,
            furniture_max_share: 0.5,
            live_blog_min_stamps: 4,
            listing_min_items: 6,
            schedule_min_lines: 4,
            schedule_min_credits: 3,
            table_min_lines: 3,
            html_max_depth: 256,
            html_max_dom_depth: 1024,
            max_text_bytes: 1 << 20,
            max_html_bytes: 16 << 20,
            published_min_year: 1600,
            published_max_year: 2200,
            block_model: Arc::new(BlockModel::parse(DEFAULT_BLOCK_MODEL, "data/clean/block_model.tsv").unwrap_or_default()),
            block_min_probability: 0.5,
            block_min_words: 10,
            chrome_by_site: HashMap::new(),
            chrome_global: HashSet::new(),
        };
        // The embedded file is part of the build; a failure here is a programming error
        // caught by the unit test below, so fall back to the literal defaults above.
        let _ = c.apply_settings(DEFAULT_SETTINGS, "data/clean/settings.toml");
        c
    }
}

impl CleanConfig {
    /// Overrides the keys a TOML settings text sets. Unknown keys are an error.
    pub fn apply_settings(&mut self, text: &str, file: &str) -> Result<(), CleanError> {
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| CleanError::Config {
            file: file.to_string(),
            line: e.span().map(|s| text[..s.start.min(text.len())].lines().count()).unwrap_or(0),
            why: e.message().to_string(),
        })?;
        for (key, value) in &table {
            let bad = |why: &str| CleanError::Config {
                file: file.to_string(),
                line: line_of_key(text, key),
                why: format!("{key}: {why}"),
            };
            let as_usize = || value.as_integer().filter(|v| *v >= 0).map(|v| v as usize).ok_or_else(|| bad("expected a non-negative integer"));
            let as_f64 = || value.as_float().or_else(|| value.as_integer().map(|v| v as f64)).ok_or_else(|| bad("expected a number"));
            match key.as_str() {
                "length_low" => self.length_low = as_usize()?,
                "length_high" => self.length_high = as_usize()?,
                "stop_low" => self.stop_low = as_f64()?,
                "stop_high" => self.stop_high = as_f64()?,
                "max_heading_words" => self.max_heading_words = as_usize()?,
                "max_heading_chars" => self.max_heading_chars = as_usize()?,
                "promo_min_hits" => self.promo_min_hits = as_usize()?,
                "promo_min_density" => self.promo_min_density = as_f64()?,
                "list_min_items" => self.list_min_items = as_usize()?,
                "repeat_min_docs" => self.repeat_min_docs = as_usize()?,
                "repeat_min_share" => self.repeat_min_share = as_f64()?,
                "repeat_max_chars" => self.repeat_max_chars = as_usize()?,
                "appended_min_body_chars" => self.appended_min_body_chars = as_usize()?,
                "topic_shift_max_overlap" => self.topic_shift_max_overlap = as_f64()?,
                "language_sample_chars" => self.language_sample_chars = as_usize()?,
                "english_min_words" => self.english_min_words = as_usize()?,
                "english_min_share" => self.english_min_share = as_f64()?,
                "comment_min_markers" => self.comment_min_markers = as_usize()?,
                "comment_marker_window" => self.comment_marker_window = as_usize()?,
                "comment_chat_min_share" => self.comment_chat_min_share = as_f64()?,
                "comment_tail_window" => self.comment_tail_window = as_usize()?,
                "comment_tail_min_talk" => self.comment_tail_min_talk = as_usize()?,
                "comment_tail_min_lead" => self.comment_tail_min_lead = as_usize()?,
                "comment_tail_max_lead_share" => self.comment_tail_max_lead_share = as_f64()?,
                "comment_tail_resume_reports" => self.comment_tail_resume_reports = as_usize()?,
                "appended_min_paragraphs" => self.appended_min_paragraphs = as_usize()?,
                "furniture_min_docs" => self.furniture_min_docs = as_usize()?,
                "furniture_min_words" => self.furniture_min_words = as_usize()?,
                "furniture_max_chars" => self.furniture_max_chars = as_usize()?,
                "furniture_max_share" => self.furniture_max_share = as_f64()?,
                "live_blog_min_stamps" => self.live_blog_min_stamps = as_usize()?,
                "listing_min_items" => self.listing_min_items = as_usize()?,
                "schedule_min_lines" => self.schedule_min_lines = as_usize()?,
                "schedule_min_credits" => self.schedule_min_credits = as_usize()?,
                "table_min_lines" => self.table_min_lines = as_usize()?,
                "block_min_probability" => self.block_min_probability = as_f64()?,
                "block_min_words" => self.block_min_words = as_usize()?,
                "html_max_depth" => self.html_max_depth = as_usize()?,
                "html_max_dom_depth" => self.html_max_dom_depth = as_usize()?,
                "max_text_bytes" => self.max_text_bytes = as_usize()?,
                "max_html_bytes" => self.max_html_bytes = as_usize()?,
                "published_min_year" => self.published_min_year = i32::try_from(as_usize()?).map_err(|_| bad("expected a year"))?,
                "published_max_year" => self.published_max_year = i32::try_from(as_usize()?).map_err(|_| bad("expected a year"))?,
                _ => return Err(bad("unknown setting")),
            }
        }
        Ok(())
    }

    /// Reads a user settings file over these values.
    pub fn with_settings_file(mut self, path: &Path) -> Result<CleanConfig, CleanError> {
        let text = std::fs::read_to_string(path).map_err(|e| CleanError::Config {
            file: path.display().to_string(),
            line: 0,
            why: e.to_string(),
        })?;
        self.apply_settings(&text, &path.display().to_string())?;
        Ok(self)
    }

    /// Adds site chrome lines from text: one line each, either `LINE` (every site) or
    /// `SITE<TAB>LINE` (a host such as `example.com` or an outlet name). `#` starts a comment.
    pub fn add_chrome_lines(&mut self, text: &str) {
        for raw in text.lines() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match line.split_once('\t') {
                Some((site, chrome)) => {
                    self.chrome_by_site
                        .entry(site.trim().to_lowercase())
                        .or_default()
                        .insert(normalise_line(chrome));
                }
                None => {
                    self.chrome_global.insert(normalise_line(line));
                }
            }
        }
    }

    /// Reads a chrome override file (see [`CleanConfig::add_chrome_lines`]).
    pub fn with_chrome_file(mut self, path: &Path) -> Result<CleanConfig, CleanError> {
        let text = std::fs::read_to_string(path).map_err(|e| CleanError::Config {
            file: path.display().to_string(),
            line: 0,
            why: e.to_string(),
        })?;
        self.add_chrome_lines(&text);
        Ok(self)
    }

    /// True when the user marked this (normalised) line as chrome for `site` or globally.
    pub(crate) fn is_user_chrome(&self, site: &str, normalised: &str) -> bool {
        self.chrome_global.contains(normalised)
            || self.chrome_by_site.get(site).is_some_and(|s| s.contains(normalised))
    }
}

fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| l.trim_start().starts_with(key))
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_settings_parse_and_user_file_overrides_only_its_keys() {
        let mut c = CleanConfig::default();
        let mut fresh = c.clone();
        assert!(fresh.apply_settings(DEFAULT_SETTINGS, "settings.toml").is_ok());
        assert_eq!(fresh, c);
        c.apply_settings("length_low = 40\n", "user.toml").unwrap();
        assert_eq!(c.length_low, 40);
        assert_eq!(c.length_high, fresh.length_high);
        let err = c.apply_settings("\nbogus = 1\n", "user.toml").unwrap_err();
        assert_eq!(err.to_string(), "user.toml:2: bogus: unknown setting");
    }

    #[test]
    fn embedded_block_model_parses() {
        let m = BlockModel::parse(DEFAULT_BLOCK_MODEL, "data/clean/block_model.tsv").unwrap();
        assert_eq!(*CleanConfig::default().block_model, m);
    }

    #[test]
    fn chrome_lines_per_site_and_global() {
        let mut c = CleanConfig::default();
        c.add_chrome_lines("# comment\nSubscribe now!\nexample.com\tThe Morning Brief\n");
        assert!(c.is_user_chrome("other.org", "subscribe now"));
        assert!(c.is_user_chrome("example.com", "the morning brief"));
        assert!(!c.is_user_chrome("other.org", "the morning brief"));
    }
}
