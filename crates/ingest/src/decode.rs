//! Byte sniffing and decoding: binary detection, BOMs, declared and detected
//! charsets, and a plausibility check on the decoded text.

use std::borrow::Cow;
use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use regex::bytes::Regex;

use crate::RejectReason;

/// How many leading bytes are sniffed for binary signatures and NUL bytes.
pub const SNIFF_BYTES: usize = 8 * 1024;

/// Leading bytes searched for an HTML `<meta charset>` declaration.
const META_SNIFF_BYTES: usize = 4 * 1024;

/// Signatures of common binary formats that are never article text.
const BINARY_SIGNATURES: &[&[u8]] = &[
    b"\x89PNG\r\n\x1a\n", // PNG
    b"%PDF-",             // PDF
    b"PK\x03\x04",        // ZIP, DOCX, XLSX, EPUB, JAR
    b"PK\x05\x06",        // empty ZIP
    b"\x7fELF",           // ELF executable
    b"GIF87a",            // GIF
    b"GIF89a",            // GIF
    b"\xff\xd8\xff",      // JPEG
    b"\x1f\x8b",          // gzip
    b"BZh",               // bzip2 (followed by a digit, checked below)
    b"\xfd7zXZ\x00",      // xz
    b"7z\xbc\xaf\x27\x1c", // 7-Zip
    b"\x28\xb5\x2f\xfd",  // zstd
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", // OLE2 (DOC, XLS)
    b"MZ",                // Windows executable (followed by a DOS header, checked below)
    b"SQLite format 3\x00", // SQLite database
    b"RIFF",              // WAV, AVI, WEBP
    b"OggS",              // Ogg
    b"\x00\x00\x01\x00",  // ICO
];

/// The result of decoding bytes to text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text.
    pub text: String,
    /// What was done, e.g. `utf-8`, `utf-8 (bom stripped)`,
    /// `windows-1252 (detected)`, `windows-1252 (declared as iso-8859-1)`.
    pub encoding: String,
}

/// True when the leading bytes carry NUL bytes or a binary file signature.
///
/// Text with a UTF-16 byte-order mark is not binary even though it has NULs.
pub fn is_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return false;
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return true;
    }
    BINARY_SIGNATURES.iter().any(|sig| {
        if !head.starts_with(sig) {
            return false;
        }
        match *sig {
            // Short signatures that could begin a word: require more evidence.
            b"BZh" => head.get(3).is_some_and(|b| (b'1'..=b'9').contains(b)) && head.get(4..10) == Some(b"1AY&SY"),
            b"MZ" => head.len() >= 64 && head[2..64].iter().filter(|b| !b.is_ascii_graphic() && !b.is_ascii_whitespace()).count() > 8,
            b"RIFF" => head.get(8..12).is_some_and(|t| t.iter().all(u8::is_ascii_uppercase) || t == b"WEBP"),
            b"OggS" => head.get(4) == Some(&0),
            _ => true,
        }
    })
}

/// True when the text (or bytes of an ASCII-compatible encoding) starts like
/// an HTML document: `<!doctype html` or `<html` near the top, possibly after
/// a BOM, whitespace, an XML declaration or comments.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    let head = &bytes[start..bytes.len().min(start + 1024)];
    if head.first() != Some(&b'<') {
        return false;
    }
    let lower = head.to_ascii_lowercase();
    contains(&lower, b"<!doctype html") || contains(&lower, b"<html")
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#).expect("valid meta charset regex")
});

/// The charset an HTML document declares in a `<meta charset>` or
/// `<meta http-equiv="Content-Type" content="...; charset=...">` near its top.
pub fn html_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(META_SNIFF_BYTES)];
    let caps = META_CHARSET.captures(head)?;
    let label = caps.get(1)?.as_bytes();
    Some(String::from_utf8_lossy(label).to_ascii_lowercase())
}

/// The `charset` parameter of a MIME type such as `text/html; charset=ISO-8859-1`.
pub fn content_type_charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        (!value.is_empty()).then(|| value.to_ascii_lowercase())
    })
}

/// Decodes article bytes to text.
///
/// Order: whitespace-only → [`RejectReason::Empty`]; a UTF-8/UTF-16 BOM is
/// honoured and stripped; NUL bytes or a binary signature →
/// [`RejectReason::Binary`]; valid UTF-8 is taken as is; otherwise the
/// `declared` charset (HTTP header, HTML meta) is used when `encoding_rs`
/// knows it, else the encoding is detected with `chardetng`. Text that comes
/// out with many replacement or control characters →
/// [`RejectReason::BadEncoding`].
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, RejectReason> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(RejectReason::Empty);
    }
    let (text, encoding) = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if enc == UTF_8 && is_binary(body) {
            return Err(RejectReason::Binary);
        }
        let (text, _) = enc.decode_without_bom_handling(body);
        (text, format!("{} (bom stripped)", enc.name().to_ascii_lowercase()))
    } else {
        if is_binary(bytes) {
            return Err(RejectReason::Binary);
        }
        if let Ok(s) = std::str::from_utf8(bytes) {
            (Cow::Borrowed(s), "utf-8".to_string())
        } else if let Some((text, invalid)) = mixed_utf8(bytes) {
            (Cow::Owned(text), format!("utf-8 ({invalid} invalid {} read as windows-1252)", if invalid == 1 { "byte" } else { "bytes" }))
        } else if let Some((enc, label)) = declared.and_then(usable_declared) {
            let (text, _) = enc.decode_without_bom_handling(bytes);
            let name = enc.name().to_ascii_lowercase();
            let what = if name == label { format!("{name} (declared)") } else { format!("{name} (declared as {label})") };
            (text, what)
        } else {
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(bytes, true);
            let guess = detector.guess(None, true);
            let enc = if guess != WINDOWS_1252 && only_western_punctuation(bytes) { WINDOWS_1252 } else { guess };
            let (text, _) = enc.decode_without_bom_handling(bytes);
            (text, format!("{} (detected)", enc.name().to_ascii_lowercase()))
        }
    };
    check_plausible(&text, &encoding)?;
    if text.trim().is_empty() {
        return Err(RejectReason::Empty);
    }
    Ok(Decoded { text: without_nul(text.into_owned()), encoding })
}

/// `s` without NUL characters: a NUL past the binary sniff's first 8 KiB (or a
/// JSON `\u0000`) is no text and must not reach the record (#17 item 9).
pub fn without_nul(s: String) -> String {
    if s.contains('\0') {
        s.replace('\0', "")
    } else {
        s
    }
}

/// True when every non-ASCII byte is windows-1252 punctuation or a symbol
/// (curly quotes, dashes, ellipsis, `£`, `©`, `°`, no letters) in runs of
/// at most two (or repeats of one byte). Such text is English-like ASCII with Windows punctuation;
/// a statistical detector has too little evidence there and may pick a
/// Cyrillic or Central European code page, turning a dash into a letter.
/// Words in a non-Latin script would show up as longer runs of high bytes.
fn only_western_punctuation(bytes: &[u8]) -> bool {
    let mut any = false;
    let mut run = 0;
    let mut prev = 0u8;
    for &b in bytes {
        if b < 0x80 {
            run = 0;
            prev = b;
            continue;
        }
        any = true;
        run += 1;
        let letter_or_undefined = matches!(b, 0x81 | 0x8a | 0x8c | 0x8d | 0x8e | 0x8f | 0x90 | 0x9a | 0x9c | 0x9d | 0x9e | 0x9f | 0xaa | 0xb5 | 0xba);
        // A repeated byte ("———" as a separator) is punctuation, not a word.
        if b > 0xbf || letter_or_undefined || (run > 2 && b != prev) {
            return false;
        }
        prev = b;
    }
    any
}

/// Decodes mostly-UTF-8 bytes with stray windows-1252 bytes (a page
/// assembled from parts in two encodings): valid UTF-8 sequences as UTF-8,
/// every invalid byte as windows-1252. `None` unless the bytes hold at least
/// as many valid multi-byte UTF-8 sequences as invalid bytes, which text in a
/// legacy single-byte encoding almost never does. Returns the text and the
/// number of invalid bytes.
fn mixed_utf8(bytes: &[u8]) -> Option<(String, usize)> {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut invalid = 0usize;
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                text.push_str(s);
                break;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                // `valid` is UTF-8 by construction.
                text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                let bad_len = e.error_len().unwrap_or(after.len()).max(1).min(after.len());
                let (bad, tail) = after.split_at(bad_len);
                invalid += bad.len();
                let (decoded, _) = WINDOWS_1252.decode_without_bom_handling(bad);
                text.push_str(&decoded);
                rest = tail;
            }
        }
    }
    let multibyte = text.chars().filter(|c| c.len_utf8() > 1).count().saturating_sub(invalid);
    (multibyte >= invalid && multibyte > 0).then_some((text, invalid))
}

/// A declared label `encoding_rs` knows and that can be trusted for bytes
/// that are not valid UTF-8 (a declared UTF-8 or UTF-16 is then a lie).
fn usable_declared(label: &str) -> Option<(&'static Encoding, String)> {
    let label = label.trim().to_ascii_lowercase();
    let enc = Encoding::for_label(label.as_bytes())?;
    if enc == UTF_8 || enc == UTF_16LE || enc == UTF_16BE || enc == encoding_rs::REPLACEMENT {
        return None;
    }
    Some((enc, label))
}

/// Rejects decoded text when more than 2% of its characters (and at least 3)
/// are U+FFFD or control characters other than tab, newline, form feed and
/// carriage return: the bytes were not text in the encoding used.
fn check_plausible(text: &str, encoding: &str) -> Result<(), RejectReason> {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars() {
        total += 1;
        if c == char::REPLACEMENT_CHARACTER || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c')) {
            bad += 1;
        }
    }
    if bad >= 3 && bad * 50 > total {
        return Err(RejectReason::BadEncoding(format!(
            "{bad} of {total} characters are replacement or control characters after decoding as {encoding}"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_taken_as_is() {
        let d = decode("Café in İstanbul".as_bytes(), None).unwrap();
        assert_eq!(d.text, "Café in İstanbul");
        assert_eq!(d.encoding, "utf-8");
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let d = decode(b"\xef\xbb\xbfHello", None).unwrap();
        assert_eq!(d.text, "Hello");
        assert_eq!(d.encoding, "utf-8 (bom stripped)");
    }

    #[test]
    fn utf16_with_bom_decodes() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "Hello, world".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.text, "Hello, world");
        assert_eq!(d.encoding, "utf-16le (bom stripped)");
    }

    #[test]
    fn latin1_is_detected() {
        let bytes = b"Le caf\xe9 de la gare \xe9tait ferm\xe9 pendant l'\xe9t\xe9, d\xe9clare le maire.";
        let d = decode(bytes, None).unwrap();
        assert!(d.text.contains("café"), "{}", d.text);
        assert!(d.encoding.ends_with("(detected)"), "{}", d.encoding);
    }

    #[test]
    fn sparse_windows_punctuation_is_windows_1252() {
        for (bytes, want) in [
            (&b"Prices rose \x97 sharply \x97 on Monday, traders said. Analysts disagreed \x97 again."[..], "rose — sharply"),
            (&b"The fine was \xa3100 for the first offence, the court said.\r\n"[..], "£100"),
            (&b"He said \x93no\x94 and left \x85 quickly."[..], "“no”"),
        ] {
            let d = decode(bytes, None).unwrap();
            assert_eq!(d.encoding, "windows-1252 (detected)");
            assert!(d.text.contains(want), "{}", d.text);
        }
        assert!(!only_western_punctuation(b"plain ascii"));
        assert!(!only_western_punctuation(b"\xcf\xf0\xe8\xe2\xe5\xf2 mir"));
        assert!(!only_western_punctuation(b"by\xb3 \x9cwiat"));
        assert!(only_western_punctuation(b"Newport\r\n\x97\x97\x97\r\nInformation"));
    }

    #[test]
    fn mixed_utf8_and_windows_1252() {
        let d = decode(b"The \xe2\x80\x9cnew\xe2\x80\x9d phone\x92s price, St\xc3\xa9phane said.", Some("utf-8")).unwrap();
        assert_eq!(d.text, "The “new” phone’s price, Stéphane said.");
        assert_eq!(d.encoding, "utf-8 (1 invalid byte read as windows-1252)");
        // Pure windows-1252 is not mistaken for mixed UTF-8.
        assert_eq!(mixed_utf8(b"caf\xe9 cr\xe8me"), None);
    }

    #[test]
    fn declared_charset_is_used() {
        let d = decode(b"caf\xe9", Some("ISO-8859-1")).unwrap();
        assert_eq!(d.text, "café");
        assert_eq!(d.encoding, "windows-1252 (declared as iso-8859-1)");
        let d = decode(b"caf\xe9", Some("windows-1252")).unwrap();
        assert_eq!(d.encoding, "windows-1252 (declared)");
    }

    #[test]
    fn whitespace_is_empty() {
        assert_eq!(decode(b"", None), Err(RejectReason::Empty));
        assert_eq!(decode(b" \n\t\r\n", None), Err(RejectReason::Empty));
        assert_eq!(decode(b"\xef\xbb\xbf  \n", None), Err(RejectReason::Empty));
    }

    #[test]
    fn binary_is_rejected() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\x00\x00", None), Err(RejectReason::Binary));
        assert_eq!(decode(b"%PDF-1.7\n", None), Err(RejectReason::Binary));
        assert_eq!(decode(b"text\x00more", None), Err(RejectReason::Binary));
        assert!(!is_binary(b"MZ is not a binary, just a word."));
        assert!(!is_binary(b"RIFFs between the allies widened."));
    }

    #[test]
    fn control_garbage_is_bad_encoding() {
        let bytes: Vec<u8> = (0..2000u32).map(|i| ((i * 7919 + 13) % 255 + 1) as u8).collect();
        let err = decode(&bytes, None).unwrap_err();
        assert_eq!(err.kind(), "bad-encoding", "{err}");
    }

    #[test]
    fn html_sniffing() {
        assert!(looks_like_html(b"\n  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<?xml version=\"1.0\"?>\n<html xmlns=\"x\">"));
        assert!(!looks_like_html(b"Talks in <html> are odd"));
        assert_eq!(html_charset(b"<html><head><meta charset=\"Windows-1251\">"), Some("windows-1251".into()));
        assert_eq!(
            html_charset(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"),
            Some("iso-8859-1".into())
        );
        assert_eq!(content_type_charset("text/html; charset=\"UTF-8\""), Some("utf-8".into()));
        assert_eq!(content_type_charset("text/html"), None);
    }
}
