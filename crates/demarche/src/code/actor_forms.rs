//! The forms in which news names actors without their full dictionary name: a leader's surname
//! ("Putin said", "President Musharraf"), a city before an agent noun ("Lagos police"), a
//! standalone role noun ("insurgents attacked"), a country word + "-led" or "-born" ("the US-led
//! coalition", "a Saudi-born militant"), an age before an unknown name ("Twenty-eight-year-old
//! Mohammed Afroz"), and the guards against country names inside other names ("New South
//! Wales", "Michael Jordan"). Acronyms are `acronyms`'.

use super::grammar::{
    AGE_SUFFIXES, CALENDAR_WORDS, COLLECTIVE_AGENT_NOUNS, COMMON_NOUN_AGENTS, GENERIC_DETERMINERS,
    HONORIFICS, LOCAL_AGENTS, MODIFIED_AGENTS, OFFICE_AGENTS, OFFICE_MODIFIERS,
    OFFICIAL_TITLE_AGENTS, REGION_ADJECTIVES, RELATION_NOUNS, REQUEST_NOUNS, SECTOR_TITLE_AGENTS,
    STATE_SIDE_AGENTS,
};
use super::label::{self, Shared};
use super::mentions::{
    is_collective_agent, name_run, CountryFrom, DocumentMemory, Mention, MentionKind, PlaceMention,
};
use super::name_tokens::NameTokens;
use super::names::NameIndex;
use super::role_places;
use super::unknown_bodies;
use crate::dict::{ActorEntry, AgentEntry, Dictionaries, PhraseMatch};
use crate::model::Date;
use crate::text::{Tag, Token};

/// An actor phrase match and its entry.
pub(super) type ActorMatch<'d> = (PhraseMatch, &'d ActorEntry);
/// An agent phrase match and its entry.
pub(super) type AgentMatch<'d> = (PhraseMatch, &'d AgentEntry);

fn capitalized(t: &Token) -> bool {
    t.text.starts_with(char::is_uppercase)
}

pub(super) fn is_name_token(t: &Token) -> bool {
    matches!(t.tag, Tag::NNP | Tag::NNPS) && capitalized(t) && !CALENDAR_WORDS.contains(&t.lower)
}

fn covered(spans: impl IntoIterator<Item = (usize, usize)>, i: usize) -> bool {
    spans.into_iter().any(|(s, e)| s <= i && i < e)
}

/// Drops country names that are part of a longer place or person name, and records the
/// sub-national regions they stood in as places: "New South Wales" (a region of Australia, not
/// Wales), "Georgia" in a US context (the state), "Michael Jordan", "Chad Hurley".
pub(super) fn drop_names_inside_names(
    words: &NameTokens<'_>,
    names: &NameIndex,
    context: Option<&str>,
    actors: &mut Vec<ActorMatch<'_>>,
    agents: &[AgentMatch<'_>],
    places: &mut Vec<PlaceMention>,
) {
    let (tokens, lower) = (words.tokens, &words.lower);
    // A region's name starts with a capitalised word; the next one is tried after it.
    let mut next = 0;
    for &i in words.capitalised() {
        if i < next {
            continue;
        }
        let Some((n, country)) = names.region_at(&lower[i..]) else {
            continue;
        };
        let end = i + n;
        let inside = |m: &PhraseMatch| m.start >= i && m.end <= end;
        // Whether the region is the context's is asked only of a whole-name actor inside it.
        let in_context = || context == Some(country) || after_city_of(tokens, names, i, country);
        let foreign = actors.iter().any(|(m, e)| {
            inside(m) && e.code.get(..3) != Some(country) && (m.end - m.start < n || in_context())
        });
        if foreign {
            actors.retain(|(m, _)| !inside(m));
            places.push(PlaceMention {
                start: i,
                end,
                code: country.into(),
            });
        }
        next = end;
    }
    if actors.is_empty() {
        return;
    }
    let spans: Vec<(usize, usize)> = actors
        .iter()
        .map(|(m, _)| (m.start, m.end))
        .chain(agents.iter().map(|(m, _)| (m.start, m.end)))
        .collect();
    actors.retain(|(m, e)| !part_of_person_name(tokens, m, e, &spans));
}

/// "Atlanta, Georgia": the region at `i` follows a city of its country and a comma.
fn after_city_of(tokens: &[Token], names: &NameIndex, i: usize, country: &str) -> bool {
    if i < 2 || tokens[i - 1].text != "," {
        return false;
    }
    let mut s = i - 1;
    while s > 0 && i - 1 - s < 3 && capitalized(&tokens[s - 1]) {
        s -= 1;
        let city: Vec<&str> = tokens[s..i - 1].iter().map(|t| t.lower.as_str()).collect();
        if names.is_city_in(&city.join(" "), country) {
            return true;
        }
    }
    false
}

/// A country name that is also a given name (`given-name` in the dictionary) right before or
/// after an unknown capitalized name ("Michael Jordan", "Chad Hurley"): a person's name, not
/// the country.
fn part_of_person_name(
    tokens: &[Token],
    m: &PhraseMatch,
    e: &ActorEntry,
    spans: &[(usize, usize)],
) -> bool {
    if !e.given_name || m.end - m.start != 1 || !is_name_token(&tokens[m.start]) {
        return false;
    }
    let unknown_name = |k: usize| {
        tokens.get(k).is_some_and(is_name_token)
            && !covered(spans.iter().copied(), k)
            && !HONORIFICS.contains(&tokens[k].lower)
    };
    unknown_name(m.end) || m.start > 0 && unknown_name(m.start - 1)
}

/// Leaders by surname: "Putin said", "President Musharraf", "Mr Howard" — a capitalized
/// surname that only one person valid on `date` has, not part of a longer name.
pub(super) fn surname_mentions(
    dict: &Dictionaries,
    words: &NameTokens<'_>,
    names: &NameIndex,
    date: Option<Date>,
    agents: &[AgentMatch<'_>],
    memory: &DocumentMemory,
    mentions: &mut Vec<Mention>,
) {
    let (tokens, lower) = (words.tokens, &words.lower);
    // A surname is capitalised (`surname_token`); the next one is tried after it.
    let mut next = 0;
    for &i in words.capitalised() {
        if i < next {
            continue;
        }
        // A name learned in this document (after a full mention) is found as such.
        let taken =
            || mentions.iter().any(|m| m.start <= i && i < m.end) || memory.knows_name(&lower[i..]);
        let found = (surname_token(tokens, i) && !taken())
            .then(|| names.surname_at(&dict.actors, &lower[i..], date))
            .flatten();
        let Some((n, entry)) = found else {
            continue;
        };
        let after_ok = tokens.get(i + n).is_none_or(|t| !is_name_token(t));
        let before_ok =
            i == 0 || !is_name_token(&tokens[i - 1]) || is_title(tokens, i - 1, agents, mentions);
        let place = || super::surname_places::reads_as_place(tokens, names, i, i + n);
        if after_ok && before_ok && !place() {
            mentions.push(Mention {
                start: i,
                end: i + n,
                code: entry.code.as_str().into(),
                entry: label::entry_of(&entry.entry),
                person: true,
                kind: MentionKind::Dictionary,
                preposition: None,
                antecedent: None,
                agent: None,
                country_from: None,
            });
        }
        next = i + n;
    }
}

/// Token `i` can be a surname: a proper noun, or a capitalized open-class word opening the
/// sentence before a verb ("Putin said", "Abe criticized", which the tagger may read as a
/// common noun, an adjective or an adverb).
fn surname_token(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    let verb_next = tokens
        .get(i + 1)
        .is_some_and(|n| n.tag.is_verb() || matches!(n.tag, Tag::MD | Tag::POS) || n.text == ",");
    let open_class = t.tag.is_noun() || matches!(t.tag, Tag::JJ | Tag::RB);
    is_name_token(t) || i == 0 && capitalized(t) && open_class && verb_next
}

/// Token `k` is a title: an honorific ("Mr", "General") or the end of an agent or mention
/// ("President", "Pakistani President").
fn is_title(tokens: &[Token], k: usize, agents: &[AgentMatch<'_>], mentions: &[Mention]) -> bool {
    HONORIFICS.contains(&tokens[k].lower)
        || agents.iter().any(|(m, _)| m.end == k + 1)
        || mentions.iter().any(|m| m.end == k + 1 && m.code.len() > 3)
}

/// "Lagos police", "Karachi's police chief", "Queensland Premier", "Victorian police",
/// "Sindh province's chief minister": a large city (or capital), a first-level division or a
/// division's adjective right before an agent noun names its country with that agent. A
/// division name shared by several countries ("Punjab") needs `context` to be one of them.
pub(super) fn city_agent_mentions(
    words: &NameTokens<'_>,
    names: &NameIndex,
    agents: &[AgentMatch<'_>],
    context: Option<&str>,
    used: &mut [bool],
    mentions: &mut Vec<Mention>,
) {
    let (tokens, lower) = (words.tokens, &words.lower);
    for (k, (am, agent)) in agents.iter().enumerate() {
        // An agent already used takes no place: its place is not looked up.
        if used[k] {
            continue;
        }
        let j = place_end_before(tokens, am.start);
        let place = (1..=3.min(j)).rev().find_map(|n| {
            let s = j - n;
            let words = &tokens[s..j];
            let all_names = words.iter().all(capitalized);
            let free = || !mentions.iter().any(|m| m.start < j && m.end > s);
            let before_ok = || s == 0 || !is_name_token(&tokens[s - 1]);
            (all_names && free() && before_ok())
                .then(|| place_country(names, &lower[s..j], context))
                .flatten()
                .map(|c| (s, c))
        });
        if let Some((s, (country, file))) = place {
            used[k] = true;
            mentions.push(Mention {
                start: s,
                end: am.end,
                code: label::code_with(country, &agent.code),
                entry: format!("{PLACE_AGENT_PREFIX}{file}+{}", agent.entry).into(),
                person: false,
                kind: MentionKind::Dictionary,
                preposition: None,
                antecedent: None,
                agent: None,
                country_from: None,
            });
        }
    }
}

/// Nouns naming a division's kind between its name and an agent ("Sindh province's").
const DIVISION_NOUNS: &[&str] = &["province", "state", "territory", "provincial", "state's"];

/// Where the place before the agent at `start` ends: before a possessive ("Karachi's") and a
/// division noun ("Sindh province's").
fn place_end_before(tokens: &[Token], start: usize) -> usize {
    let mut j = start;
    if j > 0 && tokens[j - 1].tag == Tag::POS {
        j -= 1;
    }
    if j > 1 && DIVISION_NOUNS.contains(&tokens[j - 1].lower.as_str()) {
        j -= 1;
    }
    j
}

/// The start of the entry of a place + agent mention: the gazetteer file that named the place
/// (`gazetteer/admin1.tsv+agents.txt:62`); such participants give the event the rule
/// `place-agent`.
pub(super) const PLACE_AGENT_PREFIX: &str = "gazetteer/";

/// The country of the place `lower` names as a whole, and the gazetteer file that has it: a
/// first-level division (or one of its adjectives, `REGION_ADJECTIVES`), else a large city.
fn place_country<'n>(
    names: &'n NameIndex,
    lower: &[&str],
    context: Option<&'n str>,
) -> Option<(&'n str, &'static str)> {
    let whole = |found: Option<(usize, &'n str)>, n: usize| found.filter(|(l, _)| *l == n);
    if let Some((_, c)) = whole(names.division_at(lower, context), lower.len()) {
        return Some((c, "admin1.tsv"));
    }
    if let [one] = lower {
        let division = REGION_ADJECTIVES
            .words()
            .iter()
            .find_map(|e| e.strip_prefix(*one)?.strip_prefix(':'));
        if let Some(d) = division {
            let key: Vec<&str> = d.split('_').collect();
            let found = whole(names.division_at(&key, context), key.len());
            if let Some((_, c)) = found {
                return Some((c, "admin1.tsv"));
            }
        }
    }
    whole(names.city_at(lower), lower.len()).map(|(_, c)| (c, "cities.tsv"))
}

/// Nouns that a "COUNTRY-led" modifier turns into that country's armed forces ("the US-led
/// coalition", "Saudi-led forces").
const LED_FORCE_NOUNS: &[&str] = &[
    "coalition",
    "coalitions",
    "force",
    "forces",
    "troops",
    "alliance",
    "mission",
];

/// Suffixes of a one-word country that make the noun after it that country's: "Saudi-born
/// militant", "a British-raised cleric", "Pakistan-based militants". Unlike "-led" they need an
/// agent noun right after them, so "the Pakistan-based Afghan Islamic Press", whose name says
/// whose it is, stays no Pakistani agency.
pub(super) const ORIGIN_SUFFIXES: &[&str] = &["-born", "-bred", "-raised", "-based"];

/// Suffixes of a one-word country that make the thing after it that country's property, and
/// the agent its owner takes: "Chinese-owned factories" are Chinese businesses' (`CHNBUS`),
/// "Palestinian-controlled land" the Palestinians' (`PSE`) — the target of an act done to it.
const OWNER_SUFFIXES: &[(&str, &str)] = &[("-owned", "BUS"), ("-run", "BUS"), ("-controlled", "")];

/// What a "COUNTRY-" modifier says of the noun after it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Modifier {
    /// "-led": a force the country leads.
    Led,
    /// "-born": an agent from the country.
    Origin,
    /// "-owned": a thing the country's owner (of this agent) holds.
    Owner(&'static str),
}

/// The country word of a "COUNTRY-led", "COUNTRY-born" or "COUNTRY-owned" token, and what the
/// modifier says.
fn country_modifier(text: &str) -> Option<(&str, Modifier)> {
    if let Some(prefix) = text.strip_suffix("-led") {
        return Some((prefix, Modifier::Led));
    }
    if let Some(origin) = ORIGIN_SUFFIXES.iter().find_map(|s| text.strip_suffix(s)) {
        return Some((origin, Modifier::Origin));
    }
    OWNER_SUFFIXES
        .iter()
        .find_map(|(s, agent)| Some((text.strip_suffix(s)?, Modifier::Owner(agent))))
}

/// Whether the noun phrase holding the modifier at `i` follows a verb or a preposition: a
/// thing acted on ("set fire to Chinese-owned factories"), whose owner is the act's target. A
/// thing that opens its clause ("A Chinese-owned factory closed") is no actor.
fn acted_on(tokens: &[Token], i: usize) -> bool {
    let mut j = i;
    while j > 0 && (tokens[j - 1].tag.is_prenominal() || tokens[j - 1].tag == Tag::DT) {
        j -= 1;
    }
    j.checked_sub(1).is_some_and(|p| {
        let t = &tokens[p];
        t.tag.is_verb() || matches!(t.tag, Tag::IN | Tag::TO)
    })
}

/// "the US-led coalition", "Saudi-led forces": the leading country's military (`MIL`), or the
/// agent of the head noun when it is one ("Saudi-led troops"); "Saudi-born militant"
/// ([`ORIGIN_SUFFIXES`]): the agent of the head noun with that country; "Chinese-owned
/// factories" ([`OWNER_SUFFIXES`]): the owner, before any noun.
pub(super) fn led_force_mentions(
    words: &NameTokens<'_>,
    names: &NameIndex,
    agents: &[AgentMatch<'_>],
    used: &mut [bool],
    mentions: &mut Vec<Mention>,
) {
    let tokens = words.tokens;
    // Every suffix of `country_modifier` holds a hyphen.
    for &i in words.hyphenated().iter().filter(|&&i| i + 1 < tokens.len()) {
        let Some((prefix, modifier)) = country_modifier(&tokens[i].text) else {
            continue;
        };
        let head = &tokens[i + 1];
        let agent = agents.iter().position(|(m, _)| m.start == i + 1);
        let force = modifier == Modifier::Led && LED_FORCE_NOUNS.contains(&head.lower.as_str());
        let owned = matches!(modifier, Modifier::Owner(_)) && head.tag.is_noun();
        if matches!(modifier, Modifier::Owner(_)) && !(owned && acted_on(tokens, i)) {
            continue;
        }
        let (Some((country, actor_entry)), true) = (
            names.country_word(prefix),
            force || owned || agent.is_some(),
        ) else {
            continue;
        };
        let free = !mentions.iter().any(|m| m.start <= i + 1 && m.end > i);
        if !free {
            continue;
        }
        let (end, code, entry) = match (agent, modifier) {
            (Some(k), _) if !used[k] => {
                used[k] = true;
                let (m, a) = &agents[k];
                let entry = label::entry_with(actor_entry, &a.entry);
                (m.end, label::code_with(country, &a.code), entry)
            }
            (_, Modifier::Led) => (
                i + 2,
                label::code_with(country, "MIL"),
                Shared::from(actor_entry),
            ),
            (_, Modifier::Owner(owner)) if owned => (
                i + 2,
                label::code_with(country, owner),
                Shared::from(actor_entry),
            ),
            _ => continue,
        };
        mentions.push(Mention {
            start: i,
            end,
            code,
            entry,
            person: false,
            kind: MentionKind::Dictionary,
            preposition: None,
            antecedent: None,
            agent: None,
            country_from: None,
        });
    }
}

/// What [`titled_unknown_mentions`] needs of the sentence and the document.
pub(super) struct TitledContext<'a> {
    /// The sentence's places (a name that is a place is no person).
    pub places: &'a [PlaceMention],
    /// The document's context country.
    pub context: Option<&'a str>,
    /// The document's home country: taken before the context country by the titles of
    /// offices (`office-agents.txt`: "the Immigration Minister, X").
    pub home: Option<&'a str>,
    /// The document's dominant or home country, when it has no context country.
    pub fallback: Option<(&'a str, CountryFrom)>,
}

impl TitledContext<'_> {
    /// A role-noun mention over `start..end` with `agent` of the country convention's country
    /// (context, else dominant or home, else `---`), recorded as `entry`.
    pub(super) fn role_mention(
        &self,
        start: usize,
        end: usize,
        agent: &str,
        entry: &'static str,
    ) -> Mention {
        let country = self
            .context
            .map(|c| (c, CountryFrom::Context))
            .or(self.fallback);
        Mention {
            start,
            end,
            code: label::code_with(country.map_or("---", |(c, _)| c), agent),
            entry: Shared::from(entry),
            person: false,
            kind: MentionKind::RoleNoun,
            preposition: None,
            country_from: country.map(|(_, from)| from),
            antecedent: country.map(|(c, _)| Shared::from(c)),
            agent: None,
        }
    }
}

/// "Information Minister Julius Spencer", "government spokesman Lambert Mende", "union official
/// Jane Doe": the title of an official or of a sector ([`titles_person`]; a one-word body
/// before another agent's title is its modifier, [`modifies_title`]) before a
/// person's name that no dictionary knows
/// names that person, with the agent and a country: that of the document's latest actor with
/// the same agent ("Pakistan's Foreign Ministry ... ministry spokesman X"), else the
/// document's context country, else `---`. The name is learned for the rest of the document.
pub(super) fn titled_unknown_mentions(
    tokens: &[Token],
    agents: &[AgentMatch<'_>],
    used: &mut [bool],
    cx: &TitledContext<'_>,
    memory: &mut DocumentMemory,
    mentions: &mut Vec<Mention>,
) {
    for k in 0..agents.len() {
        let (am, agent) = &agents[k];
        // The cheapest tests first (all of them only read the sentence).
        if used[k] || !titles_person(tokens, am, agent) {
            continue;
        }
        let name = titles_end(tokens, agents, am.end);
        let end = name_run(tokens, name);
        if !(1..=4).contains(&(end - name)) {
            continue;
        }
        // A body is no person's title, but a member title may follow it ("company spokesman").
        let body = name == am.end && is_collective_agent(&agent.phrase);
        if body || owned(tokens, am.start) || modifies_title(tokens, agents, k) {
            continue;
        }
        let taken = |s: usize, e: usize| s < end && e > am.start;
        let free = || {
            !mentions.iter().any(|m| taken(m.start, m.end))
                && !cx.places.iter().any(|p| taken(p.start, p.end))
        };
        let is_name = (name..end).all(|i| is_name_token(&tokens[i]));
        if !(is_name && free()) {
            continue;
        }
        used[k] = true;
        let same = memory.last_country_with_agent(&agent.code, mentions, am.start);
        let home = office_home(cx.home, &agent.code);
        let country = (same.map(|c| (c, CountryFrom::Context)).or(home))
            .or(cx.context.map(|c| (c, CountryFrom::Context)))
            .or(cx.fallback)
            .map(|(c, from)| (Shared::from(c), from));
        let code = label::code_with(country.as_ref().map_or("---", |(c, _)| &**c), &agent.code);
        let entry = label::entry_of(&agent.entry);
        memory.learn(&tokens[name..end], &code, &entry);
        mentions.push(Mention {
            start: am.start,
            end,
            code,
            entry,
            person: true,
            kind: MentionKind::RoleNoun,
            preposition: None,
            country_from: country.as_ref().map(|(_, from)| *from),
            antecedent: country.map(|(c, _)| c),
            agent: None,
        });
    }
}

/// The entry of a person introduced by their age: the word list of age endings.
const AGE_ENTRY: &str = "grammar/age-suffixes.txt";

/// "Twenty-eight-year-old Mohammed Afroz", "28-year-old John Smith": an age word
/// (`age-suffixes.txt`) right before a person's name that no dictionary knows introduces a
/// private person, a civilian (`CVL`) of the document's context country (else its dominant or
/// home country, else `---`), in this sentence only: the name is not learned, and pronouns do
/// not stand for it (a private person is seldom the actor of later events: "eight-year-old
/// Sarah Payne ... Sarah", "27-year-old Monica Seles ... she said").
pub(super) fn aged_person_mentions(
    words: &NameTokens<'_>,
    cx: &TitledContext<'_>,
    mentions: &mut Vec<Mention>,
) {
    let tokens = words.tokens;
    // Every age suffix holds a hyphen (a test of `name_tokens` checks the list).
    for &i in words.hyphenated().iter().filter(|&&i| i + 1 < tokens.len()) {
        if !is_age_word(&tokens[i]) {
            continue;
        }
        let (name, end) = (i + 1, name_run(tokens, i + 1));
        let taken = |s: usize, e: usize| s < end && e > i;
        let free = !mentions.iter().any(|m| taken(m.start, m.end))
            && !cx.places.iter().any(|p| taken(p.start, p.end));
        let is_name = (name..end).all(|k| is_name_token(&tokens[k]));
        if !(free && is_name && (1..=4).contains(&(end - name))) {
            continue;
        }
        mentions.push(cx.role_mention(i, end, "CVL", AGE_ENTRY));
    }
}

/// An age word: "Twenty-eight-year-old", "28-year-old".
fn is_age_word(t: &Token) -> bool {
    t.lower.ends_with("old") && AGE_SUFFIXES.words().iter().any(|s| t.lower.ends_with(s))
}

/// The home country for an office's agent (`office-agents.txt`), none for other agents: a
/// state names its own offices alone, so "the Government" of an Australian story about
/// Afghanistan is Australia's.
fn office_home<'a>(home: Option<&'a str>, agent: &str) -> Option<(&'a str, CountryFrom)> {
    home.filter(|_| OFFICE_AGENTS.contains(agent))
        .map(|c| (c, CountryFrom::Home))
}

/// The agent's title can name a person: an official's (`official-title-agents.txt`), or a
/// sector's (`sector-title-agents.txt`) that is no honorific ("Mullah X") and does not end a
/// longer capitalised name ("the Protection and Management Act").
fn titles_person(tokens: &[Token], am: &PhraseMatch, agent: &AgentEntry) -> bool {
    if OFFICIAL_TITLE_AGENTS.contains(&agent.code) {
        return true;
    }
    if !SECTOR_TITLE_AGENTS.contains(&agent.code) {
        return false;
    }
    if am.end - am.start == 1 && HONORIFICS.contains(&tokens[am.start].lower) {
        return false; // an honorific
    }
    !(capitalized(&tokens[am.start]) && name_continues_before(tokens, am.start))
}

/// A one-word agent right before another agent's title that is no member noun
/// (`relation-nouns.txt`) and has another code ("bank *governor* X", not "union *secretary* X"
/// nor "Army *Colonel* X"): a modifier of that title, which decides the person's agent.
fn modifies_title(tokens: &[Token], agents: &[AgentMatch<'_>], k: usize) -> bool {
    let (am, agent) = &agents[k];
    let next = agents.iter().find(|(m, _)| m.start == am.end);
    am.end - am.start == 1
        && next.is_some_and(|(m, a)| {
            a.code != agent.code && !RELATION_NOUNS.contains(&tokens[m.end - 1].lower)
        })
}

/// Further titles after an agent ("army spokesman *Colonel* X"): where the name starts.
fn titles_end(tokens: &[Token], agents: &[AgentMatch<'_>], mut j: usize) -> usize {
    loop {
        if let Some((m, _)) = agents.iter().find(|(m, _)| m.start == j) {
            j = m.end;
        } else if tokens.get(j).is_some_and(|t| HONORIFICS.contains(&t.lower)) {
            j += 1;
        } else {
            return j;
        }
    }
}

/// A possessive or a capitalized name owns the noun phrase at `start` ("their spokesman",
/// "Mahdi Army spokesman"): not a title of its own.
fn owned(tokens: &[Token], start: usize) -> bool {
    let mut b = start;
    while b > 0 && matches!(tokens[b - 1].tag, Tag::DT | Tag::JJ) && !capitalized(&tokens[b - 1]) {
        b -= 1;
    }
    b > 0 && (matches!(tokens[b - 1].tag, Tag::PRPS | Tag::POS) || is_name_token(&tokens[b - 1]))
}

/// The countries a role noun can take besides that of an earlier actor with its agent.
#[derive(Clone, Copy)]
pub(super) struct RoleCountries<'a> {
    /// The document's context country.
    pub document: Option<&'a str>,
    /// The document's home country: taken before the context country by offices
    /// (`office-agents.txt`: "the Government", "the Prime Minister").
    pub home: Option<&'a str>,
    /// The country of the sentence's first country actor, with the token after it when it is
    /// the sentence's only country: taken, when the document has no context yet, by
    /// common-noun actors ("Kenyan police arrested two men" → `KENCVL`) and by the state and
    /// opposition role nouns of `state-side-agents.txt` after that actor ("Albanian rebels
    /// fought government troops" → `ALBMIL`).
    pub sentence: Option<(&'a str, usize)>,
    /// The document's dominant or home country: the last resort before `---`.
    pub fallback: Option<(&'a str, CountryFrom)>,
    /// The sentence's places, for a role noun's own place ("Police in Lagos",
    /// [`role_places::own_place_country`]).
    pub places: &'a [PlaceMention],
}

/// "Insurgents attacked ...", "police arrested ...", "the army said": a standalone role noun
/// with no actor of its own is an actor with its agent and a country: that of the document's
/// latest actor with the same agent ("the Israeli army ... the tanks" → `ISRMIL`), else the
/// context country, else the sentence's country (common-noun actors anywhere, state and
/// opposition role nouns after its actor), else none (`---` + agent).
pub(super) fn role_noun_mentions(
    tokens: &[Token],
    agents: &[AgentMatch<'_>],
    used: &[bool],
    countries: RoleCountries<'_>,
    memory: &DocumentMemory,
    mentions: &mut Vec<Mention>,
) {
    for ((am, agent), _) in agents.iter().zip(used).filter(|(_, used)| !**used) {
        let actor = agent.standalone
            || speaks_for(tokens, am)
            || refers_back(tokens, am, &agent.code, memory, mentions);
        let overlaps = mentions
            .iter()
            .any(|m| m.start < am.end && m.end > am.start);
        if !actor || overlaps || !stands_alone(tokens, agents, am, agent) {
            continue;
        }
        let same = memory.last_country_with_agent(&agent.code, mentions, am.start);
        // The place after the noun is asked for only when no earlier actor gave the country.
        let own = same
            .is_none()
            .then(|| role_places::own_place_country(tokens, am.end, &countries, mentions))
            .flatten()
            .map(|c| (Shared::from(c), CountryFrom::RolePlace));
        let own = own.as_ref().map(|(c, from)| (&**c, *from));
        let home = office_home(countries.home, &agent.code);
        let country = (same.map(|c| (c, CountryFrom::Context)).or(own).or(home))
            .or((countries.document)
                .or(countries
                    .sentence
                    .filter(|&(_, end)| {
                        COMMON_NOUN_AGENTS.contains(&agent.code)
                            || am.start >= end && STATE_SIDE_AGENTS.contains(&agent.code)
                    })
                    .map(|(c, _)| c))
                .map(|c| (c, CountryFrom::Context)))
            .or(countries.fallback);
        mentions.push(Mention {
            start: am.start,
            end: am.end,
            code: label::code_with(country.map_or("---", |(c, _)| c), &agent.code),
            entry: label::entry_of(&agent.entry),
            person: false,
            kind: MentionKind::RoleNoun,
            preposition: None,
            antecedent: country.map(|(c, _)| Shared::from(c)),
            agent: None,
            country_from: country.map(|(_, from)| from),
        });
    }
}

/// "Japanese officials said ... The officials said": "the" and an agent noun in the plural
/// that names no actor alone refers back to the document's latest actor with that agent (its
/// country, as for every role noun); with none before it, it is none.
fn refers_back(
    tokens: &[Token],
    am: &PhraseMatch,
    agent: &str,
    memory: &DocumentMemory,
    mentions: &[Mention],
) -> bool {
    am.start > 0
        && tokens[am.start - 1].lower == "the"
        && tokens[am.end - 1].tag == Tag::NNS
        && memory
            .last_country_with_agent(agent, mentions, am.start)
            .is_some()
}

/// "the association's Jane Roe says", "the ministry's John Smith": a definite agent noun whose
/// possessive introduces a person's name is the body the person speaks for, an actor like a
/// standalone role noun (its country that of the document's latest actor with its agent, as
/// for every role noun), though the noun alone ("the association") is none.
fn speaks_for(tokens: &[Token], am: &PhraseMatch) -> bool {
    am.start > 0
        && tokens[am.start - 1].lower == "the"
        && unknown_bodies::owns_person(tokens, am.end)
}

/// The role noun heads its noun phrase ("army base" is not the army; but "the union's Geoff
/// Derrick" is the union's person, [`unknown_bodies::owns_person`]), and no possessive or
/// unknown name owns it ("their troops", "Mahdi Army militiamen"); a single name before a
/// local agent is its locality ("Illawarra police", `local-agents.txt`). An office noun
/// (`office-agents.txt`) may follow an office modifier ("the Federal Government") and is no
/// actor when generic ("any government", [`is_generic_office`]).
fn stands_alone(
    tokens: &[Token],
    agents: &[AgentMatch<'_>],
    am: &PhraseMatch,
    agent: &AgentEntry,
) -> bool {
    let modifier = tokens
        .get(am.end)
        .is_some_and(|t| t.tag.is_noun() || t.tag == Tag::POS)
        && !owns_request(tokens, am.end)
        && !unknown_bodies::owns_person(tokens, am.end);
    let office = OFFICE_AGENTS.contains(&agent.code);
    let modifiable = office || MODIFIED_AGENTS.contains(&agent.code);
    let mut b = am.start;
    while b > 0
        && (matches!(tokens[b - 1].tag, Tag::JJ | Tag::VBN | Tag::CD)
            && !capitalized(&tokens[b - 1])
            || tokens[b - 1].tag == Tag::DT
            || modifiable && OFFICE_MODIFIERS.contains(&tokens[b - 1].lower))
    {
        b -= 1;
    }
    if office && is_generic_office(tokens, b, am) {
        return false;
    }
    let agent = agent.code.as_str();
    let locality = b > 0
        && b == am.start
        && LOCAL_AGENTS.contains(agent)
        && is_name_token(&tokens[b - 1])
        && (b < 2 || !is_name_token(&tokens[b - 2]));
    let owned = b > 0
        && (matches!(tokens[b - 1].tag, Tag::PRPS | Tag::POS) || is_name_token(&tokens[b - 1]));
    !modifier && (!owned || locality || workforce_of_company(tokens, agents, b, agent))
}

/// "the airline's maintenance workers", "the company's pilots": a labour noun whose possessor
/// (before the "'s" at `b - 1`) is a business noun is the company's workforce, labour of the
/// context country like the noun alone.
fn workforce_of_company(
    tokens: &[Token],
    agents: &[AgentMatch<'_>],
    b: usize,
    agent: &str,
) -> bool {
    let possessive = b > 1 && tokens[b - 1].tag == Tag::POS;
    let company = || {
        agents
            .iter()
            .any(|(m, a)| m.end == b - 1 && a.code == "BUS")
    };
    agent == "LAB" && possessive && company()
}

/// The noun phrase at `k` (after a possessive "'s") is a request or offer (`request-nouns.txt`):
/// a role noun before it is the one who asks ("opposition demands", "the protesters'
/// demands"), not a modifier.
fn owns_request(tokens: &[Token], k: usize) -> bool {
    let k = k + usize::from(tokens.get(k).is_some_and(|t| t.tag == Tag::POS));
    tokens
        .get(k)
        .is_some_and(|t| t.tag.is_noun() && REQUEST_NOUNS.contains(&t.lemma))
}

/// An office noun used of no state in particular: after a generic determiner ("any
/// government", "no court"), a body (`collective-agent-nouns.txt`) after "a"/"an" ("a
/// government"), or a plural body with no determiner ("governments must act", not "lawmakers
/// said"); `b` is where its noun phrase starts.
fn is_generic_office(tokens: &[Token], b: usize, am: &PhraseMatch) -> bool {
    let first = tokens[b..am.start].iter().find(|t| t.tag == Tag::DT);
    let head = &tokens[am.end - 1];
    let body = COLLECTIVE_AGENT_NOUNS.contains(head.lemma.as_str());
    match first.map(|t| t.lower.as_str()) {
        Some(d) if GENERIC_DETERMINERS.contains(d) => true,
        Some("a" | "an") => body,
        None => body && tokens[am.end - 1].tag == Tag::NNS,
        _ => false,
    }
}

/// A capitalized name goes on before `start`, possibly across "of", "for", "and", "the"
/// ("Democratic Front for Sudan").
fn name_continues_before(tokens: &[Token], start: usize) -> bool {
    let mut k = start;
    while k > 0 && matches!(tokens[k - 1].lower.as_str(), "of" | "for" | "and" | "the") {
        k -= 1;
    }
    k > 0 && k < start && capitalized(&tokens[k - 1])
        || k == start && k > 0 && is_name_token(&tokens[k - 1])
}
