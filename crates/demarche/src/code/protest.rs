//! CAMEO's protest sub-codes (14x1–14x4): a protest whose purpose is stated in the same sentence
//! ("rioted to demand the president's resignation", "went on strike against the austerity
//! measures") is coded as the protest for that purpose — leadership change (1), policy change
//! (2), rights (3), institutions or regime (4) — and the stated demand is part of it, not an
//! event of its own.

use super::decision::Rule;
use super::emit;
use super::grammar::PROTEST_PURPOSE_CODES;
use super::sentence::SentenceContext;
use super::speech::HeadedEvent;

/// Folds each purpose event (a 4-digit demand, appeal or protest code of the kinds in
/// `protest-purpose-codes.txt`) into a plain 3-digit protest (140–145) of the same source
/// before it.
pub(super) fn fold_purposes(ctx: &SentenceContext<'_>, events: &mut Vec<HeadedEvent>) {
    let mut folded = Vec::new();
    for q in 0..events.len() {
        let Some(digit) = purpose_digit(&events[q].event.cameo) else {
            continue;
        };
        let protest = (0..events.len()).find(|&p| {
            p != q
                && takes_purpose(&events[p].event.cameo, digit)
                && same_source(&events[p], &events[q])
                && events[p].head < events[q].head
        });
        let Some(p) = protest else {
            continue;
        };
        if is_plain_protest(&events[p].event.cameo) {
            let code = format!("{}{digit}", events[p].event.cameo);
            emit::recode(ctx, &mut events[p].event, &code, Rule::ProtestPurpose);
        }
        folded.push(q);
    }
    let mut k = 0;
    events.retain(|_| {
        k += 1;
        !folded.contains(&(k - 1))
    });
}

/// A protest that can hold the purpose `digit`: a plain one, or one whose topic already gave it
/// that same purpose ("marched to call for equal rights": the topic rule made the march 1413,
/// and the appeal 0243 is part of it).
fn takes_purpose(code: &str, digit: char) -> bool {
    is_plain_protest(code) || (code.len() == 4 && code.starts_with("14") && code.ends_with(digit))
}

/// "141": a protest without a purpose of its own (140 has no sub-codes).
fn is_plain_protest(code: &str) -> bool {
    code.len() == 3 && code.starts_with("14") && code != "140"
}

/// The purpose digit (1–4) of a demand, appeal or protest code ("1041" → 1, "1412" → 2).
fn purpose_digit(code: &str) -> Option<char> {
    let known = PROTEST_PURPOSE_CODES
        .words()
        .iter()
        .any(|p| code.len() == 4 && code.starts_with(p));
    let digit = code.chars().last()?;
    (known && ('1'..='4').contains(&digit)).then_some(digit)
}

fn same_source(a: &HeadedEvent, b: &HeadedEvent) -> bool {
    let code = |e: &HeadedEvent| e.event.source.as_ref().map(|s| s.code.clone());
    code(a).is_some() && code(a) == code(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn purposes_are_the_last_digit_of_demands_appeals_and_protests() {
        let cases = [
            ("1041", Some('1')),
            ("1044", Some('4')),
            ("0242", Some('2')),
            ("1433", Some('3')),
            ("104", None),
            ("1053", None),
            ("0256", None),
        ];
        for (code, want) in cases {
            assert_eq!(purpose_digit(code), want, "{code}");
        }
        assert!(is_plain_protest("141") && is_plain_protest("145"));
        assert!(!is_plain_protest("140") && !is_plain_protest("1411") && !is_plain_protest("150"));
    }
}
