use serde::{Deserialize, Serialize};

use crate::CoreError;

/// A stand-off span: byte offsets into one text, end exclusive.
///
/// Spans are created through [`Span::new`], which checks that they lie inside
/// the text and on character boundaries, so slicing with them never panics.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// A span over `text[start..end]`, checked.
    pub fn new(text: &str, start: usize, end: usize) -> Result<Span, CoreError> {
        if start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
        {
            Ok(Span { start, end })
        } else {
            Err(CoreError::BadSpan { start, end, len: text.len() })
        }
    }

    /// The span of `part` inside `text` when `part` is a sub-slice of `text`
    /// (pointer arithmetic, no search). `None` if it is not.
    pub fn of_subslice(text: &str, part: &str) -> Option<Span> {
        let base = text.as_ptr() as usize;
        let p = part.as_ptr() as usize;
        if p < base || p + part.len() > base + text.len() {
            return None;
        }
        Some(Span { start: p - base, end: p - base + part.len() })
    }

    /// Start byte offset.
    pub fn start(self) -> usize {
        self.start
    }

    /// End byte offset (exclusive).
    pub fn end(self) -> usize {
        self.end
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The covered text. Returns "" when the span does not fit `text`
    /// (it belongs to another text), never panics.
    pub fn text(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span moved right by `offset` bytes (for spans found in a slice of
    /// a larger text). Checked against the larger text.
    pub fn shifted(self, text: &str, offset: usize) -> Result<Span, CoreError> {
        Span::new(text, self.start + offset, self.end + offset)
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// Converts byte offsets of one text into character (Unicode scalar) offsets,
/// as the export contract requires. Built once per text; each lookup is a
/// binary search.
pub struct CharOffsets {
    /// Byte offset of every char start that is not ASCII-aligned, with the
    /// char index at that byte. Empty for pure-ASCII text.
    multibyte: Vec<(usize, usize)>,
}

impl CharOffsets {
    /// Prepares conversion for `text`.
    pub fn new(text: &str) -> CharOffsets {
        let mut multibyte = Vec::new();
        let mut extra = 0usize; // bytes beyond one per char seen so far
        for (bi, ch) in text.char_indices() {
            let w = ch.len_utf8();
            if w > 1 {
                extra += w - 1;
                // after this char, byte offset b maps to char b - extra
                multibyte.push((bi + w, extra));
            }
        }
        CharOffsets { multibyte }
    }

    /// The character offset of byte offset `byte` (which must be a char boundary).
    pub fn char_of(&self, byte: usize) -> usize {
        // find last entry whose byte position <= byte
        let idx = self.multibyte.partition_point(|&(b, _)| b <= byte);
        if idx == 0 {
            byte
        } else {
            byte - self.multibyte[idx - 1].1
        }
    }

    /// Character offsets of a span.
    pub fn span(&self, span: Span) -> (usize, usize) {
        (self.char_of(span.start), self.char_of(span.end))
    }
}

/// Character offsets of one span in `text` (convenience for single lookups).
pub fn char_offsets(text: &str, span: Span) -> (usize, usize) {
    CharOffsets::new(text).span(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_rejects_out_of_range_and_mid_char() {
        let t = "Erdoğan said";
        assert!(Span::new(t, 0, 5).is_err(), "byte 5 is inside the two-byte ğ");
        assert!(Span::new(t, 0, 8).is_ok());
        assert!(Span::new(t, 5, 4).is_err());
        assert!(Span::new(t, 0, 100).is_err());
        assert_eq!(Span::new(t, 0, 8).unwrap().text(t), "Erdoğan");
    }

    #[test]
    fn char_offsets_count_scalars_not_bytes() {
        let t = "Erdoğan met Zelensky — in Kyiv";
        let start = t.find("Zelensky").unwrap();
        let s = Span::new(t, start, start + "Zelensky".len()).unwrap();
        let (cs, ce) = char_offsets(t, s);
        let chars: Vec<char> = t.chars().collect();
        assert_eq!(chars[cs..ce].iter().collect::<String>(), "Zelensky");
        let kyiv = t.find("Kyiv").unwrap();
        let (ks, ke) = char_offsets(t, Span::new(t, kyiv, t.len()).unwrap());
        assert_eq!(chars[ks..ke].iter().collect::<String>(), "Kyiv");
        assert_eq!(ke, chars.len());
    }

    #[test]
    fn subslice_span_is_found_by_position() {
        let t = "one two three";
        let part = &t[4..7];
        assert_eq!(Span::of_subslice(t, part), Some(Span::new(t, 4, 7).unwrap()));
        let other = String::from("two");
        assert_eq!(Span::of_subslice(t, &other), None);
    }
}
