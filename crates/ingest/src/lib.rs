//! chronicle-ingest: readers that turn input paths into
//! [`chronicle_core::RawInput`] records.
//!
//! [`read_paths`] walks files and directories (recursively, in sorted order)
//! and yields one [`Item`] per article or per rejected input. The reader is
//! chosen by extension, and by sniffing for extension-less files:
//!
//! | input | reader |
//! |---|---|
//! | `.txt`, `.text`, extension-less text | one scraped plain-text article (HTML if it starts like HTML) |
//! | `.html`, `.htm`, `.xhtml` | one HTML page |
//! | `.jsonl`, `.ndjson` (optionally `.gz`) | one article per line ([`JsonlReader`]) |
//! | `.warc`, `.warc.gz` | HTTP 2xx text responses ([`WarcReader`]) |
//! | `NAME.meta.json` | sidecar metadata for `NAME.txt` / `NAME.html`, not an input |
//!
//! Nothing is held in memory beyond one article or record; bad input becomes
//! a [`Rejection`] with a one-line reason and the walk goes on.
//!
//! **Invariant:** readers never panic on input bytes and never read a file
//! larger than [`IngestOptions::max_file_bytes`] into memory.

#![deny(missing_docs)]

mod article;
pub mod decode;
mod error;
mod jsonl;
mod line;
pub mod meta;
mod warc;

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use chronicle_core::RawInput;
use flate2::read::MultiGzDecoder;

use article::{read_article, ArticleKind};
pub use error::{RejectReason, Rejection};
pub use jsonl::JsonlReader;
pub use warc::WarcReader;

/// Limits applied while reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IngestOptions {
    /// A single-article `.txt`/`.html` file larger than this is rejected
    /// without being read. Default 50 MiB.
    pub max_file_bytes: u64,
    /// A JSONL line or WARC record larger than this is skipped and rejected.
    /// Default 20 MiB.
    pub max_record_bytes: u64,
}

impl Default for IngestOptions {
    fn default() -> IngestOptions {
        IngestOptions { max_file_bytes: 50 * 1024 * 1024, max_record_bytes: 20 * 1024 * 1024 }
    }
}

/// One thing a reader produced: an article or a rejection.
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)] // The article is the common case; boxing it buys nothing.
pub enum Item {
    /// An article, ready for cleaning.
    Input(RawInput),
    /// An input that could not be read, with the reason.
    Rejected(Rejection),
}

/// Buffer size for streaming readers.
const READ_BUFFER: usize = 256 * 1024;

/// The reader a file name calls for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FileKind {
    Article(ArticleKind),
    Jsonl,
    Warc,
    /// A sidecar `NAME.meta.json`: not an input.
    Sidecar,
}

/// Chooses the reader from the file name; `Err(ext)` for an unknown extension.
fn classify(path: &Path) -> Result<FileKind, String> {
    if meta::is_sidecar(path) {
        return Ok(FileKind::Sidecar);
    }
    let name = path.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let name = name.strip_suffix(".gz").map_or(name.as_str(), |stem| stem);
    let gz = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    let ext = Path::new(name).extension().map(|e| e.to_string_lossy().into_owned());
    match ext.as_deref() {
        Some("warc") => Ok(FileKind::Warc),
        Some("jsonl" | "ndjson") => Ok(FileKind::Jsonl),
        Some("txt" | "text") if !gz => Ok(FileKind::Article(ArticleKind::Text)),
        Some("html" | "htm" | "xhtml") if !gz => Ok(FileKind::Article(ArticleKind::Html)),
        None if !gz => Ok(FileKind::Article(ArticleKind::Unknown)),
        _ if gz => Err(path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default()),
        Some(other) => Err(other.to_string()),
        None => Err(String::new()),
    }
}

/// Opens a streaming file, decompressing it when it starts with the gzip magic.
fn open_stream(path: &Path) -> std::io::Result<(Box<dyn BufRead>, bool)> {
    let mut file = BufReader::with_capacity(READ_BUFFER, File::open(path)?);
    let gzip = file.fill_buf()?.starts_with(b"\x1f\x8b");
    if gzip {
        Ok((Box::new(BufReader::with_capacity(READ_BUFFER, MultiGzDecoder::new(file))), true))
    } else {
        Ok((Box::new(file), false))
    }
}

/// Reads one file (not a directory) with the reader its name calls for.
pub fn read_file(path: &Path, opts: &IngestOptions) -> Box<dyn Iterator<Item = Item>> {
    let source = path.display().to_string();
    let reject = |reason| -> Box<dyn Iterator<Item = Item>> {
        Box::new(std::iter::once(Item::Rejected(Rejection::new(source.clone(), reason))))
    };
    // Only regular files are opened: a FIFO named `.txt` would block the run forever.
    match std::fs::metadata(path) {
        Err(e) => return reject(RejectReason::Unreadable(e.to_string())),
        Ok(m) if !m.is_file() => return reject(RejectReason::NotRegular(describe(&m.file_type()))),
        Ok(_) => {}
    }
    match classify(path) {
        Ok(FileKind::Sidecar) => Box::new(std::iter::empty()),
        Ok(FileKind::Article(kind)) => Box::new(read_article(path, kind, opts).into_iter()),
        Ok(FileKind::Jsonl | FileKind::Warc) if path.metadata().is_ok_and(|m| m.len() == 0) => {
            reject(RejectReason::Empty)
        }
        Ok(FileKind::Jsonl) => match open_stream(path) {
            Ok((reader, _)) => Box::new(JsonlReader::new(source, reader, opts)),
            Err(e) => reject(RejectReason::Unreadable(e.to_string())),
        },
        Ok(FileKind::Warc) => match open_stream(path) {
            Ok((reader, gzip)) => Box::new(WarcReader::new(source, reader, gzip, opts)),
            Err(e) => reject(RejectReason::Unreadable(e.to_string())),
        },
        Err(ext) => reject(RejectReason::UnknownExtension(ext)),
    }
}

/// What a file that is not a regular file is, for its rejection.
fn describe(kind: &std::fs::FileType) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let what = if kind.is_fifo() {
            "a FIFO (named pipe)"
        } else if kind.is_socket() {
            "a socket"
        } else if kind.is_block_device() {
            "a block device"
        } else if kind.is_char_device() {
            "a character device"
        } else if kind.is_dir() {
            "a directory"
        } else {
            "neither a file nor a directory"
        };
        format!("{what}; chronicle reads regular files only")
    }
    #[cfg(not(unix))]
    {
        let what = if kind.is_dir() { "a directory" } else { "neither a file nor a directory" };
        format!("{what}; chronicle reads regular files only")
    }
}

/// Lazily reads every path: files with the reader their name calls for,
/// directories recursively in sorted order (hidden entries, whose names
/// start with `.`, are skipped inside directories). Symbolic links are
/// followed; a link loop is reported as [`RejectReason::Unreadable`] and
/// never walked twice.
pub fn read_paths(paths: &[PathBuf], opts: &IngestOptions) -> impl Iterator<Item = Item> {
    let opts = *opts;
    // Owned, so the iterator borrows nothing from the caller.
    #[allow(clippy::unnecessary_to_owned)]
    let paths = paths.to_vec();
    paths.into_iter().flat_map(walk).flat_map(move |entry| -> Box<dyn Iterator<Item = Item>> {
        match entry {
            Ok(path) => read_file(&path, &opts),
            Err(rejection) => Box::new(std::iter::once(Item::Rejected(rejection))),
        }
    })
}

/// The files under `root` in sorted order, or the rejections met on the way.
fn walk(root: PathBuf) -> Box<dyn Iterator<Item = Result<PathBuf, Rejection>>> {
    match std::fs::metadata(&root) {
        Err(e) => Box::new(std::iter::once(Err(Rejection::new(
            root.display().to_string(),
            RejectReason::Unreadable(e.to_string()),
        )))),
        Ok(m) if !m.is_dir() => Box::new(std::iter::once(Ok(root))),
        Ok(_) => Box::new(
            walkdir::WalkDir::new(&root)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
                .filter_map(|entry| match entry {
                    Ok(e) if e.file_type().is_dir() => None,
                    Ok(e) => Some(Ok(e.into_path())),
                    Err(e) => {
                        let source = e.path().unwrap_or(Path::new("")).display().to_string();
                        let message = match (e.loop_ancestor(), e.io_error()) {
                            (Some(ancestor), _) => format!("symbolic link loop back to {}", ancestor.display()),
                            (None, Some(io)) => io.to_string(),
                            (None, None) => e.to_string(),
                        };
                        Some(Err(Rejection::new(source, RejectReason::Unreadable(message))))
                    }
                }),
        ),
    }
}

/// Reads an article from memory as if it were a file named `source`
/// (plain text, or HTML when it starts like HTML). For tests and callers that
/// already hold the bytes.
pub fn read_bytes(source: &str, bytes: Vec<u8>) -> Item {
    let html = decode::looks_like_html(&bytes);
    let declared = if html { decode::html_charset(&bytes) } else { None };
    match decode::decode(&bytes, declared.as_deref()) {
        Ok(d) => {
            let is_html = html || decode::looks_like_html(d.text.as_bytes());
            Item::Input(RawInput {
                source: source.to_string(),
                format: if is_html { chronicle_core::InputFormat::Html } else { chronicle_core::InputFormat::Text },
                raw: bytes,
                text: d.text,
                is_html,
                encoding: d.encoding.clone(),
                hints: chronicle_core::Metadata { encoding: Some(d.encoding), ..Default::default() },
            })
        }
        Err(reason) => Item::Rejected(Rejection::new(source, reason)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_by_name() {
        let k = |p: &str| classify(Path::new(p));
        assert_eq!(k("a/b.txt"), Ok(FileKind::Article(ArticleKind::Text)));
        assert_eq!(k("a/b.HTM"), Ok(FileKind::Article(ArticleKind::Html)));
        assert_eq!(k("a/README"), Ok(FileKind::Article(ArticleKind::Unknown)));
        assert_eq!(k("a/b.jsonl"), Ok(FileKind::Jsonl));
        assert_eq!(k("a/b.ndjson.gz"), Ok(FileKind::Jsonl));
        assert_eq!(k("a/b.warc"), Ok(FileKind::Warc));
        assert_eq!(k("a/b.warc.gz"), Ok(FileKind::Warc));
        assert_eq!(k("a/b.meta.json"), Ok(FileKind::Sidecar));
        assert_eq!(k("a/b.png"), Err("png".into()));
        assert_eq!(k("a/b.json"), Err("json".into()));
        assert_eq!(k("a/b.tar.gz"), Err("gz".into()));
        assert_eq!(k("a/b.txt.gz"), Err("gz".into()));
    }

    #[test]
    fn read_bytes_sniffs_html() {
        let Item::Input(i) = read_bytes("x", b"<!doctype html><p>Hi</p>".to_vec()) else { panic!("input") };
        assert!(i.is_html);
        assert!(matches!(read_bytes("y", Vec::new()), Item::Rejected(r) if r.reason == RejectReason::Empty));
    }
}
