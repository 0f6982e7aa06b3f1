//! CSV input split into raw records (lines joined while a quoted field is open), so that a
//! quoting error is reported with its line number instead of swallowing the rows after it.
//!
//! A quote opens a quoted field only at the start of a field (elsewhere it is a literal
//! character, as the `csv` crate reads it). Inside a quoted field, `""` is a quote; a closing
//! quote must be followed by a comma, a line end or the end of input. When it is followed by
//! anything else, or the input ends inside the field, the quote that opened the field was
//! almost always left unterminated: that record's first line is rejected and splitting starts
//! again on the next line, so the following rows are still read.

use std::collections::VecDeque;
use std::io::BufRead;

/// Most bytes in one record; a longer one is rejected (a quote left open in a huge file).
pub(super) const MAX_RECORD_BYTES: usize = 256 << 20;

/// A raw record or a quoting error, with the line it starts on (1-based).
pub(super) enum Raw {
    Record { line: usize, bytes: Vec<u8> },
    Error { line: usize, reason: String },
    ReadError { line: usize, error: std::io::Error },
}

pub(super) struct Splitter {
    reader: Box<dyn BufRead>,
    next_line: usize,
    pushed_back: VecDeque<(usize, Vec<u8>)>,
    max_bytes: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

/// Where a record's scan ended.
enum Scan {
    Complete,
    Open,
    StrayText,
}

impl Splitter {
    pub(super) fn new(reader: Box<dyn BufRead>, max_bytes: usize) -> Splitter {
        Splitter {
            reader,
            next_line: 1,
            pushed_back: VecDeque::new(),
            max_bytes,
        }
    }

    fn read_line(&mut self) -> std::io::Result<Option<(usize, Vec<u8>)>> {
        if let Some(l) = self.pushed_back.pop_front() {
            return Ok(Some(l));
        }
        let mut buf = Vec::new();
        if self.reader.read_until(b'\n', &mut buf)? == 0 {
            return Ok(None);
        }
        self.next_line += 1;
        Ok(Some((self.next_line - 1, buf)))
    }

    /// The next raw record, or `None` at the end of input.
    pub(super) fn next_raw(&mut self) -> Option<Raw> {
        let mut lines: Vec<(usize, Vec<u8>)> = Vec::new();
        let mut state = State::FieldStart;
        let mut size = 0;
        loop {
            let (n, line) = match self.read_line() {
                Ok(Some(l)) => l,
                Ok(None) if lines.is_empty() => return None,
                Ok(None) => return Some(self.recover(lines, "the input ends inside it")),
                Err(error) => {
                    let line = self.next_line;
                    return Some(Raw::ReadError { line, error });
                }
            };
            size += line.len();
            let scan = scan(&line, &mut state);
            lines.push((n, line));
            match scan {
                Scan::Complete => return Some(join(lines)),
                Scan::StrayText => {
                    let why = format!("a quote on line {n} closes it and is followed by text");
                    return Some(self.recover(lines, &why));
                }
                Scan::Open if size > self.max_bytes => {
                    let why = format!("still open after {} bytes", self.max_bytes);
                    return Some(self.recover(lines, &why));
                }
                Scan::Open => {}
            }
        }
    }

    /// Rejects the first line of `lines` and puts the others back to be read again.
    fn recover(&mut self, mut lines: Vec<(usize, Vec<u8>)>, why: &str) -> Raw {
        let rest = lines.split_off(1);
        for l in rest.into_iter().rev() {
            self.pushed_back.push_front(l);
        }
        let line = lines[0].0;
        Raw::Error {
            line,
            reason: format!("unterminated quote: a quoted field opened on line {line} never closes properly ({why})"),
        }
    }
}

fn join(lines: Vec<(usize, Vec<u8>)>) -> Raw {
    let line = lines[0].0;
    let bytes = lines.into_iter().flat_map(|(_, l)| l).collect();
    Raw::Record { line, bytes }
}

/// Advances the quote state over one line (which ends with `\n` unless it is the last).
fn scan(line: &[u8], state: &mut State) -> Scan {
    for &b in line {
        *state = match (*state, b) {
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (State::QuoteInQuoted, b',') => State::FieldStart,
            (State::QuoteInQuoted, b'\r') => State::Unquoted,
            (State::QuoteInQuoted, b'\n') => return Scan::Complete,
            (State::QuoteInQuoted, _) => return Scan::StrayText,
            (State::FieldStart, b'"') => State::Quoted,
            (_, b',') => State::FieldStart,
            (_, b'\n') => return Scan::Complete,
            (_, _) => State::Unquoted,
        };
    }
    match *state {
        State::Quoted => Scan::Open,
        _ => Scan::Complete,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(input: &str) -> Vec<String> {
        let mut s = Splitter::new(Box::new(std::io::Cursor::new(input.to_string())), 1 << 20);
        std::iter::from_fn(|| s.next_raw())
            .map(|r| match r {
                Raw::Record { line, bytes } => {
                    format!("{line}:{}", String::from_utf8_lossy(&bytes))
                }
                Raw::Error { line, .. } => format!("{line}:ERROR"),
                Raw::ReadError { line, .. } => format!("{line}:READ"),
            })
            .collect()
    }

    #[test]
    fn records_and_quoting_errors_by_line() {
        let cases: &[(&str, &[&str])] = &[
            ("a,b\n1,2\n", &["1:a,b\n", "2:1,2\n"]),
            ("a\n\"x\ny\",2\nz\n", &["1:a\n", "2:\"x\ny\",2\n", "4:z\n"]),
            (
                "a\n\"say \"\"hi\"\"\"\n",
                &["1:a\n", "2:\"say \"\"hi\"\"\"\n"],
            ),
            ("a\n5\" pipe,b\n", &["1:a\n", "2:5\" pipe,b\n"]),
            ("a\r\n\"q\"\r\nz", &["1:a\r\n", "2:\"q\"\r\n", "3:z"]),
            // An unterminated quote closed by the next row's opening quote.
            (
                "id,text\na1,\"broken\na2,\"fine\"\na3,\"ok\"\n",
                &["1:id,text\n", "2:ERROR", "3:a2,\"fine\"\n", "4:a3,\"ok\"\n"],
            ),
            // An unterminated quote running to the end of the input.
            (
                "id,text\na1,\"broken\na2,fine\n",
                &["1:id,text\n", "2:ERROR", "3:a2,fine\n"],
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(split(input), *expected, "{input:?}");
        }
    }

    #[test]
    fn an_open_quote_is_cut_off_at_the_size_cap() {
        let input = format!("\"open\n{}", "x,y\n".repeat(10));
        let mut s = Splitter::new(Box::new(std::io::Cursor::new(input)), 16);
        assert!(matches!(s.next_raw(), Some(Raw::Error { line: 1, .. })));
        assert!(matches!(s.next_raw(), Some(Raw::Record { line: 2, .. })));
    }
}
