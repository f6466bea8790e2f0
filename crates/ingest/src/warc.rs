//! WARC (and, through the caller, gzipped WARC): HTTP response records with
//! text payloads.
//!
//! Records are parsed by hand: a `WARC/x.y` version line, `Name: value`
//! headers up to a blank line, then `Content-Length` bytes of block. Only
//! `response` records whose HTTP status is 2xx and whose `Content-Type` is
//! HTML or plain text become inputs; every other record is skipped silently.

use std::io::{self, BufRead, Read};

use chronicle_core::{InputFormat, Metadata, RawInput};
use flate2::read::{GzDecoder, ZlibDecoder};

use crate::decode::{content_type_charset, decode, html_charset, is_binary, looks_like_html};
use crate::line::read_bounded_line;
use crate::meta::parse_timestamp;
use crate::{IngestOptions, Item, RejectReason, Rejection};

/// Longest WARC or HTTP header line accepted.
const MAX_HEADER_LINE: u64 = 64 * 1024;
/// Most header lines accepted in one WARC record.
const MAX_HEADERS: usize = 1000;

/// Streams the inputs of a WARC file (already decompressed when it was gzipped).
///
/// Each input's source is `path@OFFSET`, the byte offset of its record in the
/// (decompressed) stream. A stream that ends or breaks inside a record ends
/// with one [`RejectReason::Truncated`] rejection; the records before the
/// break have already been yielded.
pub struct WarcReader<R> {
    path: String,
    reader: R,
    gzip: bool,
    pos: u64,
    /// Offset of the record being read (where a break is reported).
    current: u64,
    records: u64,
    limit: u64,
    done: bool,
}

/// Headers of one WARC record or HTTP message, names lowercased.
struct Headers(Vec<(String, String)>);

impl Headers {
    fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// What went wrong while reading one record.
enum Break {
    /// An I/O error (a cut or corrupt gzip stream).
    Io(io::Error),
    /// The stream ended inside the record.
    Eof(String),
    /// The record is not well formed; reading cannot resynchronise.
    Malformed(String),
}

impl<R: BufRead> WarcReader<R> {
    /// A reader over `reader`; `path` names the file in each record's source.
    /// `gzip` says whether `reader` decompresses, for the wording of errors.
    pub fn new(path: impl Into<String>, reader: R, gzip: bool, opts: &IngestOptions) -> WarcReader<R> {
        WarcReader { path: path.into(), reader, gzip, pos: 0, current: 0, records: 0, limit: opts.max_record_bytes, done: false }
    }

    fn source(&self, offset: u64) -> String {
        format!("{}@{offset}", self.path)
    }

    /// Reads the next record's header; `Ok(None)` at a clean end of stream.
    fn read_header(&mut self) -> Result<Option<(u64, Headers)>, Break> {
        // Skip the blank lines that end the previous record.
        let (start, version) = loop {
            let start = self.pos;
            self.current = start;
            let Some(line) = read_bounded_line(&mut self.reader, MAX_HEADER_LINE).map_err(Break::Io)? else {
                return Ok(None);
            };
            self.pos += line.consumed;
            if line.overflow {
                return Err(Break::Malformed(format!("a {}-byte line where a WARC record should start at offset {start}", line.len)));
            }
            if !line.bytes.iter().all(u8::is_ascii_whitespace) {
                break (start, line.bytes);
            }
        };
        if !version.starts_with(b"WARC/") {
            let shown: String = String::from_utf8_lossy(&version).chars().take(40).collect();
            return Err(Break::Malformed(format!("expected a WARC/1.x version line at offset {start}, found {shown:?}")));
        }
        let mut headers: Vec<(String, String)> = Vec::new();
        loop {
            let Some(line) = read_bounded_line(&mut self.reader, MAX_HEADER_LINE).map_err(Break::Io)? else {
                return Err(Break::Eof(format!("stream ends inside the headers of the record at offset {start}")));
            };
            self.pos += line.consumed;
            if line.overflow || headers.len() >= MAX_HEADERS {
                return Err(Break::Malformed(format!("oversized headers in the record at offset {start}")));
            }
            if line.bytes.is_empty() {
                break;
            }
            let text = String::from_utf8_lossy(&line.bytes);
            if text.starts_with([' ', '\t']) {
                if let Some(last) = headers.last_mut() {
                    last.1.push(' ');
                    last.1.push_str(text.trim());
                }
                continue;
            }
            match text.split_once(':') {
                Some((name, value)) => headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string())),
                None => {
                    return Err(Break::Malformed(format!("header line without a colon in the record at offset {start}")));
                }
            }
        }
        Ok(Some((start, Headers(headers))))
    }

    /// Reads or skips `len` bytes of block.
    fn read_block(&mut self, start: u64, len: u64, keep: bool) -> Result<Vec<u8>, Break> {
        let mut block = Vec::new();
        let got = if keep {
            block.reserve(usize::try_from(len).unwrap_or(0).min(1 << 20));
            (&mut self.reader).take(len).read_to_end(&mut block).map_err(Break::Io)? as u64
        } else {
            io::copy(&mut (&mut self.reader).take(len), &mut io::sink()).map_err(Break::Io)?
        };
        self.pos += got;
        if got < len {
            return Err(Break::Eof(format!("the record at offset {start} ends after {got} of {len} bytes")));
        }
        Ok(block)
    }

    /// The next item, or `None` at the end of the stream.
    fn next_item(&mut self) -> Result<Option<Item>, Break> {
        loop {
            let Some((start, headers)) = self.read_header()? else {
                return Ok(None);
            };
            let len = headers
                .get("content-length")
                .and_then(|v| v.parse::<u64>().ok())
                .ok_or_else(|| Break::Malformed(format!("the record at offset {start} has no valid Content-Length")))?;
            let is_response = headers.get("warc-type").is_some_and(|t| t.eq_ignore_ascii_case("response"));
            let too_large = is_response && len > self.limit;
            let block = self.read_block(start, len, is_response && !too_large)?;
            self.records += 1;
            if too_large {
                let reason = RejectReason::TooLarge { bytes: len, limit: self.limit };
                return Ok(Some(Item::Rejected(Rejection::new(self.source(start), reason))));
            }
            if !is_response {
                continue;
            }
            match response_input(&headers, &block, self.limit) {
                Ok(None) => continue,
                Ok(Some((raw, declared, is_html))) => {
                    let source = self.source(start);
                    return Ok(Some(match decode(&raw, declared.as_deref()) {
                        Ok(decoded) => Item::Input(RawInput {
                            source,
                            format: InputFormat::Warc,
                            raw,
                            text: decoded.text,
                            is_html,
                            encoding: decoded.encoding.clone(),
                            hints: warc_hints(&headers, decoded.encoding),
                        }),
                        Err(reason) => Item::Rejected(Rejection::new(source, reason)),
                    }));
                }
                Err(reason) => return Ok(Some(Item::Rejected(Rejection::new(self.source(start), reason)))),
            }
        }
    }

    fn rejection_for(&self, brk: Break) -> Rejection {
        let after = match self.records {
            0 => "before the first record".to_string(),
            n => format!("after record {n}"),
        };
        let reason = match brk {
            Break::Io(e) if self.gzip && e.kind() == io::ErrorKind::UnexpectedEof => {
                RejectReason::Truncated(format!("gzip stream truncated {after}: {e}"))
            }
            Break::Io(e) if self.gzip => RejectReason::Truncated(format!("gzip stream corrupt {after}: {e}")),
            Break::Io(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
                RejectReason::Truncated(format!("stream truncated {after}: {e}"))
            }
            Break::Io(e) => RejectReason::Unreadable(format!("read error {after}: {e}")),
            Break::Eof(m) => RejectReason::Truncated(format!("{m} ({after})")),
            Break::Malformed(m) => RejectReason::Malformed(format!("{m}; rest of the file skipped")),
        };
        Rejection::new(self.source(self.current), reason)
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if self.done {
            return None;
        }
        match self.next_item() {
            Ok(Some(item)) => Some(item),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(brk) => {
                self.done = true;
                Some(Item::Rejected(self.rejection_for(brk)))
            }
        }
    }
}

/// Metadata from the WARC headers.
fn warc_hints(headers: &Headers, encoding: String) -> Metadata {
    let url = headers
        .get("warc-target-uri")
        .map(|u| u.trim_start_matches('<').trim_end_matches('>').trim().to_string())
        .filter(|u| !u.is_empty());
    let crawled_hint = headers.get("warc-date").map(str::to_string).filter(|d| !d.is_empty());
    Metadata {
        url,
        crawled: crawled_hint.as_deref().and_then(parse_timestamp),
        crawled_hint,
        encoding: Some(encoding),
        ..Metadata::default()
    }
}

/// The article payload of a response record: the HTTP body with transfer and
/// content encodings undone, the declared charset, and whether it is HTML.
/// `Ok(None)` for records that are not articles (not HTTP, not 2xx, not text).
#[allow(clippy::type_complexity)]
fn response_input(headers: &Headers, block: &[u8], limit: u64) -> Result<Option<(Vec<u8>, Option<String>, bool)>, RejectReason> {
    if let Some(ct) = headers.get("content-type") {
        if !ct.to_ascii_lowercase().starts_with("application/http") {
            return Ok(None);
        }
    }
    let Some((head, body)) = split_http(block) else {
        return Ok(None);
    };
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    let mut parts = status_line.split_whitespace();
    if !parts.next().is_some_and(|p| p.starts_with("HTTP/")) {
        return Ok(None);
    }
    let Some(status) = parts.next().and_then(|s| s.parse::<u16>().ok()) else {
        return Ok(None);
    };
    if !(200..300).contains(&status) || status == 204 {
        return Ok(None);
    }
    let http: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let http = Headers(http);
    let content_type = http.get("content-type").unwrap_or_default();
    let mime = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    let mut body = body.to_vec();
    if http.get("transfer-encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked")) {
        if let Some(joined) = dechunk(&body) {
            body = joined;
        }
    }
    if let Some(coding) = http.get("content-encoding").map(|c| c.trim().to_ascii_lowercase()) {
        body = match coding.as_str() {
            "" | "identity" => body,
            "gzip" | "x-gzip" => inflate(GzDecoder::new(&body[..]), limit, &coding)?,
            "deflate" => inflate(ZlibDecoder::new(&body[..]), limit, &coding)?,
            other => return Err(RejectReason::Malformed(format!("unsupported HTTP Content-Encoding `{other}`"))),
        };
    }
    let is_html = match mime.as_str() {
        "text/html" | "application/xhtml+xml" => true,
        "text/plain" => false,
        "" => {
            if is_binary(&body) {
                return Ok(None);
            }
            looks_like_html(&body)
        }
        _ => return Ok(None),
    };
    let declared = content_type_charset(content_type).or_else(|| if is_html { html_charset(&body) } else { None });
    Ok(Some((body, declared, is_html)))
}

/// Splits an HTTP message at the blank line after its headers.
fn split_http(block: &[u8]) -> Option<(&[u8], &[u8])> {
    let crlf = find(block, b"\r\n\r\n").map(|i| (i, i + 4));
    let lf = find(block, b"\n\n").map(|i| (i, i + 2));
    let (end, body) = match (crlf, lf) {
        (Some(a), Some(b)) => {
            if a.0 <= b.0 {
                a
            } else {
                b
            }
        }
        (Some(a), None) => a,
        (None, Some(b)) => b,
        (None, None) => return None,
    };
    Some((block.get(..end)?, block.get(body..)?))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Undoes HTTP chunked transfer encoding; `None` when the body is not validly chunked.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let eol = find(body, b"\r\n")?;
        let size_field = std::str::from_utf8(body.get(..eol)?).ok()?;
        let size_hex = size_field.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        body = body.get(eol + 2..)?;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?;
        body = body.strip_prefix(b"\r\n").unwrap_or(body);
    }
}

/// Decompresses an HTTP body, at most `limit` bytes.
fn inflate<R: Read>(reader: R, limit: u64, coding: &str) -> Result<Vec<u8>, RejectReason> {
    let mut out = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| RejectReason::Malformed(format!("HTTP body with Content-Encoding `{coding}` does not decompress: {e}")))?;
    if out.len() as u64 > limit {
        return Err(RejectReason::TooLarge { bytes: out.len() as u64, limit });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dechunks_bodies() {
        assert_eq!(dechunk(b"5\r\nHello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n").as_deref(), Some(&b"Hello, world"[..]));
        assert_eq!(dechunk(b"zz\r\nHello"), None);
        assert_eq!(dechunk(b"ff\r\nshort"), None);
    }

    #[test]
    fn splits_http_heads() {
        let (h, b) = split_http(b"HTTP/1.1 200 OK\r\nA: b\r\n\r\nbody\n\nmore").unwrap();
        assert_eq!(h, b"HTTP/1.1 200 OK\r\nA: b");
        assert_eq!(b, b"body\n\nmore");
    }
}
