//! Word classes of the verb dictionary: `@name : word | phrase | ...` lines that name a family of
//! synonyms ("@ease : lift | ease | relax | loosen"), and the expansion of patterns that use them
//! ("@ease * @emergency-rule") into every combination of their members.
//!
//! A class is defined before its first use, in the same file; a member may be several words
//! ("pull out", "martial law") but no gap and no other class.

use super::parse::Diagnostic;
use rustc_hash::FxHashMap as HashMap;

/// The most patterns one written pattern may expand into.
pub const MAX_EXPANSION: usize = 2_000;

/// The classes of one file and the text left once their definition lines are blanked.
pub struct Classes {
    members: HashMap<String, Vec<String>>,
}

impl Classes {
    /// Takes the `@name : ...` lines out of `text` (they become blank lines, so line numbers
    /// stay) and returns the classes with the remaining text.
    pub fn extract(file: &str, text: &str, diagnostics: &mut Vec<Diagnostic>) -> (Classes, String) {
        let mut members = HashMap::default();
        let mut rest = String::with_capacity(text.len());
        for (n, raw) in text.lines().enumerate() {
            let line = super::parse::strip_comment(raw).trim();
            if let Some(definition) = line.strip_prefix('@') {
                let number = u32::try_from(n + 1).unwrap_or(u32::MAX);
                match parse_definition(definition, &members) {
                    Ok((name, words)) => {
                        members.insert(name, words);
                    }
                    Err(message) => diagnostics.push(Diagnostic::new(file, number, message)),
                }
            } else {
                rest.push_str(raw);
            }
            rest.push('\n');
        }
        (Classes { members }, rest)
    }

    /// Every pattern `pattern` stands for: itself when it names no class, else one pattern per
    /// combination of the members of its classes, in the order written.
    pub fn expand(&self, pattern: &str) -> Result<Vec<String>, String> {
        let mut out = vec![String::new()];
        for word in pattern.split_whitespace() {
            let choices: Vec<&str> = match word.strip_prefix('@') {
                Some(name) => self
                    .members
                    .get(name)
                    .ok_or_else(|| format!("unknown word class '@{name}' in '{pattern}'"))?
                    .iter()
                    .map(String::as_str)
                    .collect(),
                None => vec![word],
            };
            if out.len() * choices.len() > MAX_EXPANSION {
                return Err(format!(
                    "'{pattern}' expands into more than {MAX_EXPANSION} patterns"
                ));
            }
            out = out
                .iter()
                .flat_map(|done| choices.iter().map(move |c| join(done, c)))
                .collect();
        }
        Ok(out)
    }
}

fn join(done: &str, word: &str) -> String {
    if done.is_empty() {
        word.to_string()
    } else {
        format!("{done} {word}")
    }
}

/// `name : a | b c | d` → the name and its members (lower case, single-spaced).
fn parse_definition(
    definition: &str,
    known: &HashMap<String, Vec<String>>,
) -> Result<(String, Vec<String>), String> {
    let (name, body) = definition
        .split_once(':')
        .ok_or("missing ':' after the word class name")?;
    let name = name.trim();
    if name.is_empty()
        || !name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(format!("bad word class name '@{name}'"));
    }
    if known.contains_key(name) {
        return Err(format!("word class '@{name}' is defined twice"));
    }
    let mut words = Vec::new();
    for member in body.split('|') {
        let member: Vec<String> = member.split_whitespace().map(str::to_lowercase).collect();
        if member.iter().any(|w| w == "*" || w.starts_with('@')) {
            return Err(format!("a member of '@{name}' holds a gap or a class"));
        }
        if !member.is_empty() {
            words.push(member.join(" "));
        }
    }
    if words.is_empty() {
        return Err(format!("word class '@{name}' has no members"));
    }
    Ok((name.to_string(), words))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(text: &str) -> (Classes, String, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let (classes, rest) = Classes::extract("verbs.txt", text, &mut diagnostics);
        (classes, rest, diagnostics)
    }

    #[test]
    fn expansions() {
        let (c, _, d) = classes("@ease : lift | Ease |relax\n@rule : martial law | curfew\n");
        assert!(d.is_empty(), "{d:?}");
        let cases: &[(&str, &[&str])] = &[
            ("meet", &["meet"]),
            (
                "@ease * curfew",
                &["lift * curfew", "ease * curfew", "relax * curfew"],
            ),
            (
                "@ease * @rule",
                &[
                    "lift * martial law",
                    "lift * curfew",
                    "ease * martial law",
                    "ease * curfew",
                    "relax * martial law",
                    "relax * curfew",
                ],
            ),
            (
                "call for * @rule",
                &["call for * martial law", "call for * curfew"],
            ),
        ];
        for (pattern, want) in cases {
            assert_eq!(c.expand(pattern).unwrap(), *want, "{pattern}");
        }
        assert!(c.expand("@nope * curfew").unwrap_err().contains("@nope"));
    }

    #[test]
    fn definitions_are_blanked_and_bad_ones_reported() {
        let text = "@ok : a\n040 : meet\n@ : a\n@two : a * b\n@ok : b\n@empty : |\n@x y\n";
        let (c, rest, d) = classes(text);
        assert_eq!(rest, "\n040 : meet\n\n\n\n\n\n");
        let lines: Vec<u32> = d.iter().map(|d| d.line).collect();
        assert_eq!(lines, [3, 4, 5, 6, 7], "{d:?}");
        assert_eq!(c.expand("@ok").unwrap(), ["a"]);
    }

    #[test]
    fn expansion_is_bounded() {
        let members = vec!["w"; 40].join(" | ");
        let (c, _, _) = classes(&format!("@big : {members}\n"));
        assert!(c.expand("@big @big").is_ok());
        assert!(c.expand("@big @big @big").is_err());
    }
}
