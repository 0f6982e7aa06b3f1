//! Background acts: words that describe a participant or name a topic rather than report an
//! act. A participle right after an actor that is no absolute phrase is a reduced relative
//! clause ("British police investigating the bombings", "a member of the Alliance attending the
//! talks", "stop bin Laden crossing into Pakistan"): it says who the actor is, or what is to be
//! prevented, not what happened; "with both sides massing troops" and "despite Kim saying" are
//! acts. A gerund after a common noun and its preposition is that noun's topic or part ("the
//! cost of sending troops", "an upsurge in fighting", "a pretext for waging war"), not an act —
//! unless the noun reports it done ("claimed responsibility for killing").

use super::complement::Stance;
use super::decision::{Rule, SourceRule};
use super::mentions::Mention;
use super::speech::HeadedEvent;
use crate::text::{Tag, Token};

/// Words that open an absolute phrase whose participle reports an act ("with both sides
/// massing", "despite Kim saying").
const ABSOLUTE_OPENERS: [&str; 3] = ["with", "despite", "without"];

/// Prepositions tying a gerund to the noun before it as its topic or part.
const TOPIC_PREPOSITIONS: [&str; 6] = ["of", "in", "for", "on", "about", "over"];

/// Drops the background events of a sentence (see the module doc).
pub(super) fn drop_background(
    events: &mut Vec<HeadedEvent>,
    tokens: &[Token],
    mentions: &[Mention],
) {
    events.retain(|e| !background(tokens, mentions, e));
}

/// Whether `e` describes a participant or names a noun's topic (see the module doc).
fn background(tokens: &[Token], mentions: &[Mention], e: &HeadedEvent) -> bool {
    participle_modifier(tokens, mentions, e) || noun_topic(tokens, e.head) && !governed(e)
}

/// Whether `e`'s code already takes the stance of a governing noun ("no intention of
/// withdrawing": 1246), so the noun is the act's governor, not its topic.
fn governed(e: &HeadedEvent) -> bool {
    let stances = [
        Rule::Governed(Stance::Intent),
        Rule::Governed(Stance::Threat),
        Rule::Governed(Stance::Appeal),
        Rule::Governed(Stance::Demand),
        Rule::Governed(Stance::Reject),
        Rule::FutureIntent,
        Rule::NegatedIntent,
    ];
    (e.event.rules.iter()).any(|r| stances.iter().any(|s| s.as_str() == &**r))
}

/// Whether `e`'s source is the actor right before its participle, outside an absolute phrase.
fn participle_modifier(tokens: &[Token], mentions: &[Mention], e: &HeadedEvent) -> bool {
    let rule = SourceRule::GerundSubject.as_str();
    if !e.event.rules.iter().any(|r| &**r == rule) {
        return false;
    }
    let head = e.head;
    let before =
        |m: &&Mention| m.end == head || m.end + 1 == head && tokens[head - 1].tag == Tag::POS;
    let Some(m) = mentions.iter().find(before) else {
        return false;
    };
    !absolute(tokens, phrase_start(tokens, m.start))
}

/// The first token of the noun phrase ending in the mention at `start`, past its determiners
/// and modifiers ("both sides", "left-wing Mr Peres").
fn phrase_start(tokens: &[Token], mut start: usize) -> usize {
    while start > 0 && tokens[start - 1].tag.is_prenominal() {
        start -= 1;
    }
    start
}

/// Whether the noun phrase at `start` opens an absolute phrase: right after a comma ("raided
/// the camp, the army killing"), after an absolute opener that begins the sentence or follows a
/// comma ("..., with both sides massing"), or after "despite"/"without" anywhere.
fn absolute(tokens: &[Token], start: usize) -> bool {
    let Some(opener) = start.checked_sub(1).map(|k| &tokens[k]) else {
        return false;
    };
    if matches!(opener.text.as_str(), "," | ";") {
        return true;
    }
    if !ABSOLUTE_OPENERS.contains(&opener.lower.as_str()) {
        return false;
    }
    opener.lower != "with" || start < 2 || matches!(tokens[start - 2].text.as_str(), "," | ";")
}

/// Nouns whose gerund is reported done ("claimed responsibility for killing two soldiers").
const DONE_NOUNS: [&str; 2] = ["responsibility", "credit"];

/// Whether the gerund at `head` follows a common noun and a topic preposition ("the cost of
/// sending"), the noun not one whose gerund is reported done.
fn noun_topic(tokens: &[Token], head: usize) -> bool {
    head >= 2
        && tokens[head].tag == Tag::VBG
        && TOPIC_PREPOSITIONS.contains(&tokens[head - 1].lower.as_str())
        && matches!(tokens[head - 2].tag, Tag::NN | Tag::NNS)
        && !DONE_NOUNS.contains(&tokens[head - 2].lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gerund_after_a_noun_and_its_preposition_is_its_topic() {
        // (sentence, gerund, whether it is the topic of the noun before it)
        let cases = [
            ("the cost of sending troops", "sending", true),
            ("a pretext for waging war", "waging", true),
            (
                "claimed responsibility for killing soldiers",
                "killing",
                false,
            ),
            ("accused Iraq of waging war", "waging", false),
            ("the army is sending troops", "sending", false),
        ];
        for (text, gerund, topic) in cases {
            let tokens = crate::code::bundled_tokens(text);
            let head = tokens.iter().position(|t| t.text == gerund).unwrap_or(0);
            assert_eq!(noun_topic(&tokens, head), topic, "{text}");
        }
    }

    #[test]
    fn absolute_phrases_open_after_a_comma_or_an_opener() {
        // (sentence, first word of the noun phrase, whether it opens an absolute phrase)
        let cases = [
            (
                "tensions rose , with both sides massing troops",
                "both",
                true,
            ),
            (
                "with both sides massing troops , tensions rose",
                "both",
                true,
            ),
            ("despite Kim saying so", "Kim", true),
            ("raided the camp , the army killing three", "the", true),
            (
                "to share intelligence with British police investigating",
                "British",
                false,
            ),
            ("a member of the Alliance attending the talks", "the", false),
        ];
        for (text, first, opens) in cases {
            let tokens = crate::code::bundled_tokens(text);
            let start = tokens.iter().rposition(|t| t.text == first).unwrap_or(0);
            assert_eq!(absolute(&tokens, start), opens, "{text}");
        }
    }
}
