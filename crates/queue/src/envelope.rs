//! The wire form of the queue's messages: one raw input per message, and one
//! rejection per message. Only this module knows it.
//!
//! An input message is one line of JSON (source, container format, whether
//! the text is HTML, what decoding did, the container's metadata, the decoded
//! text's length in bytes and whether the raw bytes equal it), a newline, the
//! decoded text, then the raw bytes unless they equal the text (a UTF-8 `.txt`
//! file is sent once). The worker rebuilds exactly the `RawInput` the reader
//! gave `chronicle submit`, so it analyses what `chronicle ingest` would.

use chronicle_core::{InputFormat, Metadata, RawInput};
use serde::{Deserialize, Serialize};

/// The JSON line before the text.
#[derive(Serialize, Deserialize)]
struct Head {
    source: String,
    format: InputFormat,
    is_html: bool,
    encoding: String,
    hints: Metadata,
    text_len: usize,
    /// True when the raw bytes are the text's bytes (sent once).
    raw_is_text: bool,
}

/// One input as a message payload.
pub fn encode_input(input: &RawInput) -> Vec<u8> {
    let raw_is_text = input.raw == input.text.as_bytes();
    let head = Head {
        source: input.source.clone(),
        format: input.format,
        is_html: input.is_html,
        encoding: input.encoding.clone(),
        hints: input.hints.clone(),
        text_len: input.text.len(),
        raw_is_text,
    };
    // serde_json escapes control characters inside strings: the line has no raw newline
    let mut out = serde_json::to_vec(&head).unwrap_or_default();
    out.push(b'\n');
    out.extend_from_slice(input.text.as_bytes());
    if !raw_is_text {
        out.extend_from_slice(&input.raw);
    }
    out
}

/// The input a payload carries, or why it carries none (a one-line reason).
pub fn decode_input(payload: &[u8]) -> Result<RawInput, String> {
    let newline = payload.iter().position(|&b| b == b'\n').ok_or("no header line")?;
    let head: Head = serde_json::from_slice(&payload[..newline]).map_err(|e| format!("bad header line: {e}"))?;
    let rest = &payload[newline + 1..];
    let text = rest.get(..head.text_len).ok_or_else(|| format!("text cut short: {} of {} bytes", rest.len(), head.text_len))?;
    let text = std::str::from_utf8(text).map_err(|e| format!("text is not UTF-8: {e}"))?.to_string();
    let raw = if head.raw_is_text {
        if rest.len() != head.text_len {
            return Err(format!("{} bytes after the text of an input sent once", rest.len() - head.text_len));
        }
        text.as_bytes().to_vec()
    } else {
        rest[head.text_len..].to_vec()
    };
    Ok(RawInput { source: head.source, format: head.format, raw, text, is_html: head.is_html, encoding: head.encoding, hints: head.hints })
}

/// One rejection, as the queue keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectionRecord {
    /// Path, `path#Lnn` or `path@offset`.
    pub source: String,
    /// Short key (`empty`, `too-large`, …).
    pub kind: String,
    /// The one-line reason, as `chronicle ingest` gives it.
    pub reason: String,
}

impl RejectionRecord {
    /// The message payload.
    pub fn encode(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// A payload read back.
    pub fn decode(payload: &[u8]) -> Result<RejectionRecord, String> {
        serde_json::from_slice(payload).map_err(|e| e.to_string())
    }

    /// The message id JetStream deduplicates on: a rejection published twice
    /// (a redelivered input) is stored once.
    pub fn message_id(&self) -> String {
        let mut h = blake3::Hasher::new();
        h.update(self.source.as_bytes());
        h.update(b"\0");
        h.update(self.kind.as_bytes());
        format!("r:{}", &h.finalize().to_hex()[..32])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(text: &str, raw: &[u8]) -> RawInput {
        RawInput {
            source: "feed.jsonl#L3".into(),
            format: InputFormat::Jsonl,
            raw: raw.to_vec(),
            text: text.into(),
            is_html: false,
            encoding: "utf-8".into(),
            hints: Metadata { url: Some("https://example.org/a\nb".into()), title: Some("Talks".into()), ..Default::default() },
        }
    }

    #[test]
    fn an_input_comes_back_as_it_was_sent() {
        let jsonl = input("Talks resumed.\nBoth sides met.", br#"{"text":"Talks resumed.\nBoth sides met."}"#);
        assert_eq!(decode_input(&encode_input(&jsonl)).unwrap(), jsonl);
        let body = "Caf\u{e9} talks went on.\n".repeat(200);
        let txt = input(&body, body.as_bytes());
        let payload = encode_input(&txt);
        assert!(payload.len() < txt.raw.len() + 1000, "raw bytes equal to the text are sent once ({} bytes)", payload.len());
        assert_eq!(decode_input(&payload).unwrap(), txt);
        let latin1 = input("Caf\u{e9}", b"Caf\xe9");
        assert_eq!(decode_input(&encode_input(&latin1)).unwrap(), latin1);
    }

    #[test]
    fn a_damaged_payload_is_a_reason_not_a_panic() {
        let ok = encode_input(&input("Talks resumed.", b"{}"));
        assert!(decode_input(b"").is_err());
        assert!(decode_input(b"{not json}\nabc").unwrap_err().starts_with("bad header line"));
        let cut = &ok[..ok.len() - 8];
        assert!(decode_input(cut).unwrap_err().contains("cut short"), "{:?}", decode_input(cut));
        let once = encode_input(&input("same", b"same"));
        let mut longer = once.clone();
        longer.extend_from_slice(b"extra");
        assert!(decode_input(&longer).is_err());
    }

    #[test]
    fn a_rejection_keeps_its_fields_and_a_stable_id() {
        let r = RejectionRecord { source: "a.txt".into(), kind: "empty".into(), reason: "empty: no content or only whitespace".into() };
        assert_eq!(RejectionRecord::decode(&r.encode()).unwrap(), r);
        assert_eq!(r.message_id(), r.clone().message_id());
        let other = RejectionRecord { kind: "binary".into(), ..r.clone() };
        assert_ne!(other.message_id(), r.message_id());
    }
}
