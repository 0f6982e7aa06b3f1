//! A small binary encoding for tables compiled at build time and decoded at start-up.
//!
//! `build.rs` parses the bundled gazetteer with the same code the library uses and writes it
//! with [`Writer`]; the library reads it back with [`Reader`], which costs a copy of each
//! string and no parsing. The bytes are the length of a text section (`u32`), the text section
//! (every string, one after another, checked as UTF-8 once) and the values. Numbers are
//! little-endian; a string is its end offset in the text section (`u32`; it starts where the
//! string before it ended); `f64`s keep their exact bits. The module depends on nothing else in the crate, so
//! the build script can compile it too.

/// Appends values to a byte buffer.
#[derive(Debug, Default)]
pub struct Writer {
    text: String,
    bytes: Vec<u8>,
}

impl Writer {
    /// The bytes written so far.
    pub fn into_bytes(self) -> Vec<u8> {
        let mut out = Vec::with_capacity(4 + self.text.len() + self.bytes.len());
        let text_len = u32::try_from(self.text.len()).expect("snapshot text fits in u32");
        out.extend_from_slice(&text_len.to_le_bytes());
        out.extend_from_slice(self.text.as_bytes());
        out.extend_from_slice(&self.bytes);
        out
    }

    /// Writes a `u32`.
    pub fn u32(&mut self, v: u32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    /// Writes a `u64`.
    pub fn u64(&mut self, v: u64) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    /// Writes a count or an index; it must fit in a `u32`.
    pub fn count(&mut self, v: usize) {
        self.u32(u32::try_from(v).expect("snapshot counts fit in u32"));
    }

    /// Writes an `f64` bit for bit.
    pub fn f64(&mut self, v: f64) {
        self.u64(v.to_bits());
    }

    /// Writes an optional `f64`.
    pub fn opt_f64(&mut self, v: Option<f64>) {
        self.bool(v.is_some());
        self.f64(v.unwrap_or(0.0));
    }

    /// Writes a `bool`.
    pub fn bool(&mut self, v: bool) {
        self.bytes.push(u8::from(v));
    }

    /// Writes a byte.
    pub fn u8(&mut self, v: u8) {
        self.bytes.push(v);
    }

    /// Writes a run of bytes (its length, then the bytes as they are).
    pub fn bytes(&mut self, v: &[u8]) {
        self.count(v.len());
        self.bytes.extend_from_slice(v);
    }

    /// Writes a string.
    pub fn str(&mut self, s: &str) {
        self.text.push_str(s);
        self.count(self.text.len());
    }
}

/// Reads values written by [`Writer`], in the same order; `None` when the bytes run out or a
/// string is out of place.
#[derive(Debug)]
pub struct Reader<'a> {
    text: &'a str,
    /// Where the next string starts in `text`.
    text_at: usize,
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`; `None` when its text section is cut or not UTF-8.
    pub fn new(bytes: &'a [u8]) -> Option<Reader<'a>> {
        let (len, rest) = bytes.split_first_chunk::<4>()?;
        let len = u32::from_le_bytes(*len) as usize;
        if len > rest.len() {
            return None;
        }
        let (text, bytes) = rest.split_at(len);
        let text = std::str::from_utf8(text).ok()?;
        Some(Reader {
            text,
            text_at: 0,
            bytes,
        })
    }

    /// True when every value and every string has been read.
    pub fn is_at_end(&self) -> bool {
        self.bytes.is_empty() && self.text_at == self.text.len()
    }

    #[inline]
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (head, rest) = self.bytes.split_first_chunk::<N>()?;
        self.bytes = rest;
        Some(*head)
    }

    /// Reads a `u32`.
    #[inline]
    pub fn u32(&mut self) -> Option<u32> {
        self.take().map(u32::from_le_bytes)
    }

    /// Reads a `u64`.
    #[inline]
    pub fn u64(&mut self) -> Option<u64> {
        self.take().map(u64::from_le_bytes)
    }

    /// Reads a count or an index.
    #[inline]
    pub fn count(&mut self) -> Option<usize> {
        self.u32().map(|v| v as usize)
    }

    /// Reads an `f64`.
    #[inline]
    pub fn f64(&mut self) -> Option<f64> {
        self.u64().map(f64::from_bits)
    }

    /// Reads an optional `f64`.
    #[inline]
    pub fn opt_f64(&mut self) -> Option<Option<f64>> {
        let some = self.bool()?;
        let v = self.f64()?;
        Some(some.then_some(v))
    }

    /// Reads a `bool`.
    #[inline]
    pub fn bool(&mut self) -> Option<bool> {
        self.u8().map(|b| b != 0)
    }

    /// Reads a byte.
    #[inline]
    pub fn u8(&mut self) -> Option<u8> {
        self.take::<1>().map(|[b]| b)
    }

    /// Reads a run of bytes written by [`Writer::bytes`], borrowed.
    #[inline]
    pub fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.count()?;
        if n > self.bytes.len() {
            return None;
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Some(head)
    }

    /// Reads a string, borrowed from the text section.
    #[inline]
    pub fn str(&mut self) -> Option<&'a str> {
        let end = self.count()?;
        let s = self.text.get(self.text_at..end)?;
        self.text_at = end;
        Some(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_as_written() {
        let mut w = Writer::default();
        w.u32(7);
        w.u64(u64::MAX);
        w.f64(-0.1);
        w.opt_f64(None);
        w.opt_f64(Some(2.5));
        w.bool(true);
        w.str("Zürich");
        w.bytes(&[1, 2, 3]);
        let bytes = w.into_bytes();
        let mut r = Reader::new(&bytes).unwrap();
        assert_eq!(r.u32(), Some(7));
        assert_eq!(r.u64(), Some(u64::MAX));
        assert_eq!(r.f64().map(f64::to_bits), Some((-0.1f64).to_bits()));
        assert_eq!(r.opt_f64(), Some(None));
        assert_eq!(r.opt_f64(), Some(Some(2.5)));
        assert_eq!(r.bool(), Some(true));
        assert_eq!(r.str(), Some("Zürich"));
        assert_eq!(r.bytes(), Some(&[1u8, 2, 3][..]));
        assert!(r.is_at_end());
        assert_eq!(r.u8(), None);
    }

    #[test]
    fn truncated_input_reads_as_none() {
        let mut w = Writer::default();
        w.str("Lagos");
        let bytes = w.into_bytes();
        assert!(Reader::new(&bytes[..9]).is_some_and(|mut r| r.str().is_none()));
        assert!(Reader::new(&bytes[..2]).is_none());
        assert!(Reader::new(&bytes[..8]).is_none());
        let mut w = Writer::default();
        w.bytes(&[9; 5]);
        let bytes = w.into_bytes();
        assert!(Reader::new(&bytes[..bytes.len() - 1]).is_some_and(|mut r| r.bytes().is_none()));
    }
}
