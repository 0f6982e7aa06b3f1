//! Home targets: an event whose code is aimed at the source's own country and that names no
//! target (no actor, no place, no earlier act it answers) takes that country as target — a
//! protest its government ("Serbian protesters demonstrated in Belgrade" → `SRBOPP → SRBGOV`),
//! repression the country's people ("Kenyan police imposed a curfew" →
//! `KENCOP → KENCVL`), as CAMEO coders code domestic acts.
//!
//! Which codes do so, and the agent their target takes, is data:
//! `dictionaries/grammar/home-target-codes.txt`.

use super::decision::Rule;
use super::grammar::HOME_TARGET_CODES;
use crate::model::{Actor, Event};

/// Gives `event` its source's home country as target when it has none and its code is listed;
/// returns the target code it set.
pub(super) fn set_home_target(event: &mut Event) -> Option<String> {
    if event.target.is_some() {
        return None;
    }
    let agent = home_agent(&event.cameo)?;
    let country = event.source.as_ref().and_then(|s| country_of(&s.code))?;
    let code = format!("{country}{agent}");
    // No words of the sentence name the target: its text and span are the verb's, as for an
    // implied authority or a reply.
    let (text, span) = (event.evidence.text.clone(), event.evidence.span);
    let via = format!("home-target ({country})");
    let entry = "grammar/home-target-codes.txt";
    event.target = Some(Actor::new(&code, text, span, entry).with_via(via));
    event.rules.push(Rule::HomeTarget.into());
    Some(code)
}

/// The agent the target of an event with code `code` takes, if the code is aimed at home.
fn home_agent(code: &str) -> Option<&'static str> {
    HOME_TARGET_CODES.words().iter().find_map(|line| {
        let (prefix, agent) = line.split_once(' ')?;
        code.starts_with(prefix).then_some(agent.trim())
    })
}

/// The country of an actor code: its first three letters, when they name a state (not `---`,
/// nor a group: IGO, NGO, IMG, MNC).
fn country_of(code: &str) -> Option<&str> {
    let country = code.get(..3)?;
    let group = matches!(country, "IGO" | "NGO" | "IMG" | "MNC");
    let letters = country.bytes().all(|b| b.is_ascii_uppercase());
    (letters && !group).then_some(country)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::collapse::tests::event;

    #[test]
    fn listed_codes_of_a_state_source_take_its_country() {
        let cases = [
            ("SRBOPP", "-", "141", Some("SRBGOV")),
            ("KENCOP", "-", "1723", Some("KENCVL")),
            // a named target stays; unlisted codes, groups and unknown countries take none
            ("KENCOP", "---REB", "173", None),
            ("SRBOPP", "-", "111", None),
            ("KGZGOV", "-", "0813", None),
            ("IGOICC", "-", "173", None),
            ("---OPP", "-", "141", None),
            ("IMGALQ", "-", "1723", None),
        ];
        for (source, target, code, want) in cases {
            let mut e = event(source, target, code);
            let got = set_home_target(&mut e);
            assert_eq!(got.as_deref(), want, "{source}>{target}:{code}");
        }
    }
}
