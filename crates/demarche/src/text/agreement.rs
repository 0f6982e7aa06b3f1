//! Grammatical checks on the perceptron's tags: subject–verb agreement and the finite verb
//! that every sentence needs.
//!
//! The learned tagger decides token by token and sometimes leaves a sentence without a finite
//! verb ("The talks resumed/VBN on Monday.") or gives a singular subject a plural verb
//! ("the EU offer/VBP angered ..."). These checks fix only what the grammar rules out.

use super::lexicon::{Lexicon, VerbFormKind};
use super::tag::{auxiliary_of, Tag, Token};

super::wordlist::word_list! {
    /// Words that open a subordinate clause, whose subject may stand right after them.
    static SUBORDINATORS = "text/subject_clause_openers.txt";
}

/// The tag of token `i` once agreement with the tags before it is checked.
pub fn agree(lexicon: &Lexicon, tokens: &[Token], i: usize, tag: Tag) -> Tag {
    let prev = |k: usize| i.checked_sub(k).map(|j| tokens[j].tag);
    match tag {
        // A non-third-person verb cannot follow a determiner and one singular noun: it is a
        // noun of a compound ("the EU offer").
        Tag::VBP
            if matches!(prev(1), Some(Tag::NN | Tag::NNP))
                && matches!(prev(2), Some(Tag::DT | Tag::PRPS | Tag::POS))
                && auxiliary_of(&tokens[i].lower).is_none() =>
        {
            Tag::NN
        }
        Tag::NNS if ends_clause(tokens, i) && is_third_form(lexicon, &tokens[i].lower) => {
            if proper_subject_before(tokens, i) {
                Tag::VBZ
            } else {
                tag
            }
        }
        _ => tag,
    }
}

fn is_third_form(lexicon: &Lexicon, lower: &str) -> bool {
    lexicon
        .verb(lower)
        .iter()
        .any(|f| f.kind == VerbFormKind::Third)
}

fn ends_clause(tokens: &[Token], i: usize) -> bool {
    tokens
        .get(i + 1)
        .is_none_or(|n| matches!(n.text.as_str(), "." | "," | ";" | "!" | "?"))
}

/// A run of proper nouns ends right before `i` and opens a clause ("if North Korea attacks").
fn proper_subject_before(tokens: &[Token], i: usize) -> bool {
    let mut j = i;
    while j > 0 && tokens[j - 1].tag == Tag::NNP {
        j -= 1;
    }
    j < i
        && (j == 0
            || matches!(tokens[j - 1].tag, Tag::CC | Tag::Punct)
            || SUBORDINATORS.contains(&tokens[j - 1].lower.as_str()))
}

/// A past participle or gerund between a determiner and its noun is an adjective, not a verb:
/// "the detained British sailors", "an armed group", "the ruling party".
pub fn attributive_participles(tokens: &mut [Token]) {
    for i in 1..tokens.len() {
        if !matches!(tokens[i].tag, Tag::VBN | Tag::VBG) {
            continue;
        }
        let opens = matches!(tokens[i - 1].tag, Tag::DT | Tag::PRPS | Tag::POS);
        let noun_follows = tokens[i + 1..]
            .iter()
            .take_while(|t| matches!(t.tag, Tag::JJ | Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS))
            .any(|t| t.tag.is_noun());
        if opens && noun_follows {
            tokens[i].tag = Tag::JJ;
        }
    }
}

/// A sentence with no finite verb takes the first past participle after a noun or pronoun as
/// its past-tense verb ("The talks resumed on Monday.").
pub fn ensure_finite_verb(tokens: &mut [Token]) {
    if tokens.iter().any(|t| t.tag.is_finite_verb()) {
        return;
    }
    let candidate = (1..tokens.len()).find(|&i| {
        tokens[i].tag == Tag::VBN && (tokens[i - 1].tag.is_noun() || tokens[i - 1].tag == Tag::PRP)
    });
    if let Some(i) = candidate {
        tokens[i].tag = Tag::VBD;
    }
}

#[cfg(test)]
mod tests {
    use crate::text::test_support::tags;

    #[test]
    fn grammar_checks_fix_what_agreement_rules_out() {
        let cases = [
            (
                "Japan said it would respond if North Korea attacks.",
                "attacks/VBZ",
            ),
            (
                "Iran's rejection of the EU offer angered Washington.",
                "offer/NN",
            ),
            ("The talks resumed on Monday.", "resumed/VBD"),
            (
                "The government rejects and condemns the decision.",
                "rejects/VBZ",
            ),
            ("The EU and NATO offer aid.", "offer/VBP"),
            ("People around the world are angry.", "are/VBP"),
            ("Seoul attends the North Korea talks.", "talks/NNS"),
            (
                "Iran said it would free the detained British sailors.",
                "detained/JJ",
            ),
            ("The ruling party won.", "ruling/JJ"),
            ("The army detained the protesters.", "detained/VBD"),
        ];
        for (sentence, want) in cases {
            let got = tags(sentence);
            assert!(got.contains(want), "{sentence}: {got}");
        }
    }
}
