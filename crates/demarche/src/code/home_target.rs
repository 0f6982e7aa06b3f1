//! Home targets: an event whose code is aimed at the source's own country and that names no
//! target (no actor, no place, no earlier act it answers) takes that country as target — a
//! protest its government ("Serbian protesters demonstrated in Belgrade" → `SRBOPP → SRBGOV`),
//! repression the country's people ("Kenyan police imposed a curfew" →
//! `KENCOP → KENCVL`), as CAMEO coders code domestic acts.
//!
//! A government's own protest ("the Chinese government protested") is aimed abroad: it takes
//! none.
//!
//! Which codes do so, the agent their target takes and the sources they leave out are data:
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
    let source = event.source.as_ref()?;
    let agent = home_agent(&event.cameo, &source.code)?;
    let country = country_of(&source.code)?;
    let code = format!("{country}{agent}");
    if code == source.code.as_str() {
        // "Egyptian civilians were jailed" by themselves: a source is never its own home target.
        return None;
    }
    // No words of the sentence name the target: its text and span are the verb's, as for an
    // implied authority or a reply.
    let (text, span) = (event.evidence.text.clone(), event.evidence.span);
    let via = format!("home-target ({country})");
    let entry = "grammar/home-target-codes.txt";
    event.target = Some(Actor::new(&code, text, span, entry).with_via(via));
    event.rules.push(Rule::HomeTarget.into());
    Some(code)
}

/// The agent the target of an event with code `code` by `source` takes, if the code is aimed
/// at home and the source is not one the line leaves out ("the Chinese government protested":
/// a government protests to another, not to itself).
fn home_agent(code: &str, source: &str) -> Option<&'static str> {
    let line = HOME_TARGET_CODES.words().iter().find(|line| {
        let prefix = line.split_whitespace().next().unwrap_or("");
        !prefix.is_empty() && code.starts_with(prefix)
    })?;
    let mut fields = line.split_whitespace().skip(1);
    let agent = fields.next()?;
    let own_agent = source.get(3..).unwrap_or("");
    let left_out = fields
        .filter_map(|f| f.strip_prefix('-'))
        .any(|f| own_agent == f);
    (!left_out).then_some(agent)
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
            // a state's own protest is aimed abroad; its repression stays at home
            ("GBR", "-", "141", Some("GBRGOV")),
            ("CHNGOV", "-", "114", None),
            ("CHNGOV", "-", "173", Some("CHNCVL")),
            // a source is never its own home target
            ("EGYCVL", "-", "173", None),
        ];
        for (source, target, code, want) in cases {
            let mut e = event(source, target, code);
            let got = set_home_target(&mut e);
            assert_eq!(got.as_deref(), want, "{source}>{target}:{code}");
        }
    }
}
