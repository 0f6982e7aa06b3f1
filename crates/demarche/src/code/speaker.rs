//! Pronouns inside reported speech: "South Korea said North Korean troops fired on its
//! soldiers" — "it"/"its" there stand for the collective speaker, not for the reported clause's
//! own subject.

use super::grammar::{SPEAKER_PRONOUNS, WHOLE_CODE_PREFIXES};
use super::mentions::{Mention, MentionKind};
use crate::text::{ClauseKind, Sentence};

/// Re-points "it"/"its" inside reported speech at the speaker when neither the pronoun nor the
/// reported clause's subject already stands for the speaker's actor.
pub(super) fn speaker_possessives(sentence: &Sentence, mentions: &mut [Mention]) {
    let tokens = &sentence.tokens;
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.kind != MentionKind::Coreference || !SPEAKER_PRONOUNS.contains(&tokens[m.start].lower)
        {
            continue;
        }
        let Some(sp) = speaker_of(sentence, mentions, m) else {
            continue;
        };
        let ci = sentence.clause_of(m.start);
        let clause = &sentence.clauses[ci].tokens;
        let own_subject = mentions
            .iter()
            .find(|x| clause.contains(&x.start) && x.start < m.start && x.preposition.is_none());
        let speaker_root = code_root(&sp.code);
        let differs = own_subject.is_none_or(|os| code_root(&os.code) != speaker_root);
        if differs && code_root(&m.code) != speaker_root {
            let speaker = speaker_reading(sentence, sp, m, &speaker_root);
            mentions[k] = speaker;
        }
    }
}

/// The collective speaker of the reported clause holding `m`: the first actor of the parent
/// clause, when the clause hangs from a speech verb ("said that ..."), not a noun ("insistence
/// that ...").
fn speaker_of<'m>(
    sentence: &Sentence,
    mentions: &'m [Mention],
    m: &Mention,
) -> Option<&'m Mention> {
    let tokens = &sentence.tokens;
    let clause = &sentence.clauses[sentence.clause_of(m.start)];
    let parent = clause
        .parent
        .filter(|_| clause.kind == ClauseKind::Reported)?;
    let governor = tokens[..clause.tokens.start]
        .iter()
        .rev()
        .find(|t| t.lower != "that");
    if !governor.is_some_and(|g| g.tag.is_verb() && crate::text::chunk::is_speech_verb(&g.lemma)) {
        return None;
    }
    let pc = &sentence.clauses[parent].tokens;
    mentions
        .iter()
        .find(|x| pc.contains(&x.start) && x.preposition.is_none() && !x.person)
}

/// The part of an actor code that says who it is: the country (first three letters), or the
/// whole code of an international or non-governmental body.
fn code_root(code: &str) -> String {
    if WHOLE_CODE_PREFIXES
        .words()
        .iter()
        .any(|p| code.starts_with(p))
    {
        code.to_string()
    } else {
        code.get(..3).unwrap_or(code).to_string()
    }
}

/// Pronoun `m` read as the speaker `sp` (keeping the pronoun's own agent: "its soldiers").
fn speaker_reading(sentence: &Sentence, sp: &Mention, m: &Mention, speaker_root: &str) -> Mention {
    let code = match (&m.agent, speaker_root.len()) {
        (Some((agent, _)), 3) => format!("{speaker_root}{agent}").into(),
        _ => speaker_root.into(),
    };
    let entry = match &m.agent {
        Some((_, agent_entry)) if speaker_root.len() == 3 => {
            format!("{}+{agent_entry}", sp.entry.split('+').next().unwrap_or("")).into()
        }
        _ => sp.entry.clone(),
    };
    let text = sentence.tokens[sp.start..sp.end]
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Mention {
        code,
        entry,
        antecedent: Some(text.into()),
        ..m.clone()
    }
}
