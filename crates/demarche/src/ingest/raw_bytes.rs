//! Invalid UTF-8 inside a JSON line, carried through the JSON parser and back.
//!
//! `serde_json` refuses invalid UTF-8. Before parsing, each byte of an invalid sequence becomes
//! a marker character from the end of the last private-use plane (U+10FF00 + byte); after
//! parsing, the text field turns the markers back into the original bytes, so the coder repairs
//! them exactly as it repairs a text file and spans index the original bytes. Other fields
//! (id, metadata) get U+FFFD instead. A line that already contains a marker character is only
//! repaired lossily (U+FFFD), since its markers would be ambiguous.

const MARKER_BASE: u32 = 0x10FF00;

/// A JSON line made valid UTF-8, remembering whether markers stand for raw bytes.
pub(super) struct Escaped {
    pub(super) text: String,
    pub(super) has_markers: bool,
}

/// Escapes the invalid bytes of `line` (which is not valid UTF-8).
pub(super) fn escape_invalid(line: &[u8]) -> Escaped {
    let lossy = || String::from_utf8_lossy(line).into_owned();
    if line.utf8_chunks().any(|c| c.valid().chars().any(is_marker)) {
        return Escaped {
            text: lossy(),
            has_markers: false,
        };
    }
    let mut text = String::with_capacity(line.len() + line.len() / 2);
    for chunk in line.utf8_chunks() {
        text.push_str(chunk.valid());
        text.extend(chunk.invalid().iter().map(|&b| marker(b)));
    }
    Escaped {
        text,
        has_markers: true,
    }
}

/// The original bytes of a parsed string: markers back to the bytes they stand for.
pub(super) fn restore_bytes(s: String) -> Vec<u8> {
    if !s.chars().any(is_marker) {
        return s.into_bytes();
    }
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        match marker_byte(c) {
            Some(b) => out.push(b),
            None => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    out
}

/// A parsed string for display: markers become U+FFFD.
pub(super) fn restore_lossy(s: String) -> String {
    if !s.chars().any(is_marker) {
        return s;
    }
    s.chars()
        .map(|c| if is_marker(c) { '\u{FFFD}' } else { c })
        .collect()
}

/// Applies [`restore_lossy`] to every string inside a JSON value.
pub(super) fn restore_value(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::String(s) => Value::String(restore_lossy(s)),
        Value::Array(a) => Value::Array(a.into_iter().map(restore_value).collect()),
        Value::Object(o) => Value::Object(
            o.into_iter()
                .map(|(k, v)| (restore_lossy(k), restore_value(v)))
                .collect(),
        ),
        other => other,
    }
}

fn marker(b: u8) -> char {
    char::from_u32(MARKER_BASE + u32::from(b)).unwrap_or('\u{FFFD}')
}

fn is_marker(c: char) -> bool {
    marker_byte(c).is_some()
}

fn marker_byte(c: char) -> Option<u8> {
    u32::from(c)
        .checked_sub(MARKER_BASE)
        .and_then(|b| u8::try_from(b).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_bytes_survive_a_json_round_trip() {
        let line = b"{\"text\": \"caf\xe9 \xff\xfe ok \xe2\x80\x9cq\xe2\x80\x9d\"}";
        let escaped = escape_invalid(line);
        assert!(escaped.has_markers);
        let v: serde_json::Value = serde_json::from_str(&escaped.text).expect("json");
        let text = v["text"].as_str().expect("text").to_string();
        assert_eq!(
            restore_bytes(text.clone()),
            b"caf\xe9 \xff\xfe ok \xe2\x80\x9cq\xe2\x80\x9d"
        );
        assert_eq!(
            restore_lossy(text),
            "caf\u{FFFD} \u{FFFD}\u{FFFD} ok \u{201C}q\u{201D}"
        );
    }

    #[test]
    fn a_line_with_marker_characters_is_repaired_lossily() {
        let mut line = "{\"text\": \"\u{10FF41}".as_bytes().to_vec();
        line.extend_from_slice(b"\xff\"}");
        let escaped = escape_invalid(&line);
        assert!(!escaped.has_markers);
        assert!(escaped.text.contains('\u{FFFD}'));
    }
}
