//! Reading lines with a bounded buffer, so one huge line never sits in memory.

use std::io::{self, BufRead};

/// One line as read by [`read_bounded_line`].
#[derive(Debug)]
pub(crate) struct BoundedLine {
    /// The line without its `\n` (and without a trailing `\r`); empty when
    /// the line was longer than the limit.
    pub bytes: Vec<u8>,
    /// Length of the line in bytes, without the newline.
    pub len: u64,
    /// Bytes consumed from the reader, newline included.
    pub consumed: u64,
    /// True when the line was longer than the limit and its bytes were dropped.
    pub overflow: bool,
}

/// Reads the next line, keeping at most `limit` bytes of it. A longer line is
/// consumed to its end without being buffered and comes back with
/// `overflow = true`. `Ok(None)` at end of input.
pub(crate) fn read_bounded_line<R: BufRead + ?Sized>(reader: &mut R, limit: u64) -> io::Result<Option<BoundedLine>> {
    let mut bytes = Vec::new();
    let mut len: u64 = 0;
    let mut consumed: u64 = 0;
    let mut overflow = false;
    loop {
        let (used, found) = {
            let avail = match reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if avail.is_empty() {
                break;
            }
            let (chunk, found) = match memchr::memchr(b'\n', avail) {
                Some(i) => (&avail[..i], true),
                None => (avail, false),
            };
            len += chunk.len() as u64;
            if !overflow {
                if len > limit {
                    overflow = true;
                    bytes = Vec::new();
                } else {
                    bytes.extend_from_slice(chunk);
                }
            }
            (chunk.len() + usize::from(found), found)
        };
        reader.consume(used);
        consumed += used as u64;
        if found {
            break;
        }
    }
    if consumed == 0 {
        return Ok(None);
    }
    if bytes.last() == Some(&b'\r') {
        bytes.pop();
    }
    Ok(Some(BoundedLine { bytes, len, consumed, overflow }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufReader;

    #[test]
    fn reads_lines_and_drops_long_ones() {
        let data = b"short\r\nthis line is too long\nok\nlast";
        // A tiny buffer forces lines to span several fill_buf calls.
        let mut r = BufReader::with_capacity(4, &data[..]);
        let a = read_bounded_line(&mut r, 10).unwrap().unwrap();
        assert_eq!((a.bytes.as_slice(), a.overflow, a.consumed), (&b"short"[..], false, 7));
        let b = read_bounded_line(&mut r, 10).unwrap().unwrap();
        assert!(b.overflow);
        assert!(b.bytes.is_empty());
        assert_eq!(b.len, 21);
        let c = read_bounded_line(&mut r, 10).unwrap().unwrap();
        assert_eq!(c.bytes, b"ok");
        let d = read_bounded_line(&mut r, 10).unwrap().unwrap();
        assert_eq!((d.bytes.as_slice(), d.consumed), (&b"last"[..], 4));
        assert!(read_bounded_line(&mut r, 10).unwrap().is_none());
    }
}
