//! The means of a violent act: "a suicide bomber killed 20 people" (1831), "killed four
//! soldiers with a roadside bomb" (1833), "a drone strike killed" (1952), "dropped an atomic
//! bomb" (2042). The means and their codes are `dictionaries/grammar/attack-method-codes.txt`.

use super::grammar::{ATTACK_METHOD_CODES, ATTACK_METHOD_PREPOSITIONS};
use crate::text::inflect::noun_singular;
use crate::text::Token;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// How far after the act's verb a means is looked for, in tokens.
const WINDOW: usize = 12;

/// One means: its words (singular, lower-case) and its code (`None` for an attack noun).
struct Means {
    words: Vec<&'static str>,
    code: Option<&'static str>,
}

/// The means, longest first, indexed by their first word.
struct Table {
    rows: Vec<Means>,
    /// First word → indices into `rows`, in `rows` order.
    by_first: HashMap<&'static str, Vec<usize>>,
}

impl Table {
    /// The means whose first word is `first`, longest first.
    fn starting_with(&self, first: &str) -> impl Iterator<Item = &Means> {
        let ids = self.by_first.get(first).map_or(&[][..], Vec::as_slice);
        ids.iter().map(|&i| &self.rows[i])
    }
}

/// The table of `attack-method-codes.txt`, built on first use.
fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut rows: Vec<Means> = ATTACK_METHOD_CODES
            .words()
            .iter()
            .filter_map(|line| {
                let mut cols = line.split_whitespace();
                let code = cols.next().filter(|c| *c != "-");
                let words: Vec<&'static str> = cols.collect();
                (!words.is_empty()).then_some(Means { words, code })
            })
            .collect();
        rows.sort_by_key(|m| std::cmp::Reverse(m.words.len()));
        let mut by_first: HashMap<&'static str, Vec<usize>> = HashMap::default();
        for (i, m) in rows.iter().enumerate() {
            by_first.entry(m.words[0]).or_default().push(i);
        }
        Table { rows, by_first }
    })
}

/// The code the act headed by `head` (its match ending at `end`) takes from its means, when
/// the means refines `code`: before the verb in `scope` ("a suicide bomber killed"), inside the
/// pattern's words ("dropped an atomic bomb on") or after a preposition of means ("killed ten
/// with a car bomb").
pub(super) fn means_code(
    tokens: &[Token],
    scope: Range<usize>,
    head: usize,
    end: usize,
    code: &str,
) -> Option<&'static str> {
    if !violent(code) {
        return None;
    }
    let end = end.max(head + 1);
    let last = scope.end.min(end + WINDOW).min(tokens.len());
    let before = scope.start.min(head)..head;
    // After the verb: inside the pattern ("dropped *an atomic bomb* on") or introduced by a
    // preposition of means ("with a roadside bomb").
    let after = (head + 1..last).filter(|&p| p < end || introduced(tokens, head, p));
    before
        .chain(after)
        .filter_map(|p| means_at(tokens, p))
        .find(|m| refines(code, m))
}

/// Assault and fighting (18x, 19x): the acts a means can specify.
fn violent(code: &str) -> bool {
    matches!(code.get(..2), Some("18" | "19"))
}

/// Whether the means `means` specifies `code`: a family default (180, 190) becomes any 18x/19x
/// means, a code becomes its own sub-codes, and weapons of mass destruction (20x) replace all.
fn refines(code: &str, means: &str) -> bool {
    means.starts_with("20")
        || violent(means) && code.len() == 3 && code.ends_with('0')
        || means.len() > code.len() && means.starts_with(code)
        || aerial_over_artillery(code, means)
}

/// The code a bombing takes from who did it: CAMEO's 183 is non-military bombing, so a plain
/// bombing (not a suicide, vehicle, roadside or location one) by a state's armed forces or
/// government, a country or an alliance is aerial weapons, 195 ("US planes' bombing raids",
/// "NATO's bombing of Serbia", "a US bomb killed three soldiers").
pub(super) fn military_bombing(code: &str, source: &str) -> Option<&'static str> {
    let state = source.len() == 3 && source != "---"
        || source.ends_with("MIL") && !source.starts_with("---")
        || source.ends_with("GOV") && !source.starts_with("---")
        || source.starts_with("IGO");
    (code == "183" && state).then_some("195")
}

/// Aircraft named as the means win over the heavy weapons a verb implies: "US aircraft have
/// been bombarding" is 195, not the 194 of "bombard".
fn aerial_over_artillery(code: &str, means: &str) -> bool {
    code == "194" && means.starts_with("195")
}

/// The code of the means whose words start at `p`, when they head their noun phrase (the next
/// word is no noun, or an attack noun: "a mortar attack").
fn means_at(tokens: &[Token], p: usize) -> Option<&'static str> {
    let word = |k: usize| tokens.get(k).map(|t| noun_singular(&t.lower));
    // The means starting at `at` whose first word is `first`, of those with a code or not.
    let find_at = |at: usize, coded: bool| {
        let first = word(at)?;
        table().starting_with(&first).find(|m| {
            m.code.is_some() == coded
                && m.words[1..]
                    .iter()
                    .enumerate()
                    .all(|(i, w)| word(at + 1 + i).is_some_and(|t| t == *w))
        })
    };
    let found = find_at(p, true)?;
    let next = p + found.words.len();
    let heads = tokens.get(next).is_none_or(|t| !t.tag.is_noun()) || find_at(next, false).is_some();
    heads.then_some(found.code).flatten()
}

/// Whether the noun phrase at `p` (after the verb at `head`) follows a preposition of means:
/// "with a roadside bomb", "in a suicide attack".
fn introduced(tokens: &[Token], head: usize, p: usize) -> bool {
    let mut k = p;
    while k > head + 1 && (tokens[k - 1].tag.is_prenominal() || tokens[k - 1].tag.is_noun()) {
        k -= 1;
    }
    k > head + 1 && ATTACK_METHOD_PREPOSITIONS.contains(&tokens[k - 1].lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::code::bundled_tokens as tokens;

    #[test]
    fn the_means_gives_the_sub_code() {
        // (sentence, the act's verb, its pattern code, the code it takes)
        let cases = [
            (
                "A suicide bomber killed 20 people.",
                "killed",
                "190",
                Some("1831"),
            ),
            (
                "Rebels killed ten soldiers with a roadside bomb.",
                "killed",
                "190",
                Some("1833"),
            ),
            (
                "A US drone strike killed militants.",
                "killed",
                "190",
                Some("1952"),
            ),
            (
                "A car bomb attack killed ten people.",
                "killed",
                "183",
                Some("1832"),
            ),
            (
                "The US dropped an atomic bomb on Hiroshima.",
                "dropped",
                "195",
                Some("2042"),
            ),
            (
                "Militants attacked the base in a suicide attack.",
                "attacked",
                "190",
                Some("1831"),
            ),
            // The means is the victim, not the instrument.
            ("Police killed a suicide bomber.", "killed", "190", None),
            // A modifier, not the means.
            (
                "Rebels attacked a nuclear weapons site.",
                "attacked",
                "190",
                None,
            ),
            // Aircraft as the means, also over the heavy weapons a verb implies.
            (
                "Jets attacked a nuclear weapons site.",
                "attacked",
                "190",
                Some("195"),
            ),
            (
                "US aircraft have been bombarding the town.",
                "bombarding",
                "194",
                Some("195"),
            ),
            // A specific code of another kind stays.
            (
                "A suicide bomber abducted two girls.",
                "abducted",
                "181",
                None,
            ),
            // Only violent acts.
            ("A drone strike prompted protests.", "prompted", "140", None),
        ];
        for (text, verb, code, want) in cases {
            let t = tokens(text);
            let head = t.iter().position(|x| x.text == verb).expect("the verb");
            // The pattern reaches "on" for "drop * bomb on", else only the verb.
            let on = t.iter().position(|x| x.text == "on");
            let end = on.filter(|_| verb == "dropped").map_or(head + 1, |e| e + 1);
            assert_eq!(means_code(&t, 0..t.len(), head, end, code), want, "{text}");
        }
    }

    #[test]
    fn every_means_code_is_in_the_cameo_table() {
        let cameo = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../dictionaries/cameo.tsv"
        ));
        let known: Vec<&str> = cameo.lines().filter_map(|l| l.split('\t').next()).collect();
        for m in &table().rows {
            if let Some(c) = m.code {
                assert!(
                    known.contains(&c),
                    "{c} ({:?}) is not a CAMEO code",
                    m.words
                );
            }
        }
    }
}
