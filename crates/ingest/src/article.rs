//! Single-article files: scraped plain-text dumps and HTML pages.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use chronicle_core::{InputFormat, Metadata, RawInput};

use crate::decode::{decode, html_charset, looks_like_html};
use crate::meta::apply_sidecar;
use crate::{IngestOptions, Item, RejectReason, Rejection};

/// What the file name says about a single-article file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ArticleKind {
    /// `.txt`: plain text, unless the content starts like HTML.
    Text,
    /// `.html` / `.htm`.
    Html,
    /// No extension: sniffed.
    Unknown,
}

/// Reads one article file (and its sidecar). Yields the input and, when the
/// sidecar has a problem, a rejection naming the sidecar; or one rejection.
pub(crate) fn read_article(path: &Path, kind: ArticleKind, opts: &IngestOptions) -> Vec<Item> {
    let source = path.display().to_string();
    let reject = |reason| vec![Item::Rejected(Rejection::new(source.clone(), reason))];
    let len = match path.metadata() {
        Ok(m) => m.len(),
        Err(e) => return reject(RejectReason::Unreadable(e.to_string())),
    };
    if len > opts.max_file_bytes {
        return reject(RejectReason::TooLarge { bytes: len, limit: opts.max_file_bytes });
    }
    let mut raw = Vec::with_capacity(usize::try_from(len).unwrap_or(0).min(1 << 26));
    let read = File::open(path).and_then(|f| f.take(opts.max_file_bytes + 1).read_to_end(&mut raw));
    if let Err(e) = read {
        return reject(RejectReason::Unreadable(e.to_string()));
    }
    if raw.len() as u64 > opts.max_file_bytes {
        // The file grew after its size was checked.
        return reject(RejectReason::TooLarge { bytes: raw.len() as u64, limit: opts.max_file_bytes });
    }
    let html_bytes = kind == ArticleKind::Html || looks_like_html(&raw);
    let declared = if html_bytes { html_charset(&raw) } else { None };
    let decoded = match decode(&raw, declared.as_deref()) {
        Ok(d) => d,
        Err(reason) => return reject(reason),
    };
    let is_html = html_bytes || looks_like_html(decoded.text.as_bytes());
    let mut hints = Metadata { encoding: Some(decoded.encoding.clone()), ..Metadata::default() };
    let sidecar_problem = apply_sidecar(path, &mut hints);
    let input = RawInput {
        source,
        format: if is_html { InputFormat::Html } else { InputFormat::Text },
        raw,
        text: decoded.text,
        is_html,
        encoding: decoded.encoding,
        hints,
    };
    let mut items = vec![Item::Input(input)];
    items.extend(sidecar_problem.map(Item::Rejected));
    items
}
