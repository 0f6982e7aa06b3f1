//! Actor mentions in a sentence: dictionary actors combined with agents ("Japanese officials"
//! → `JPNGOV`), names learned within the document ("Hill" after "... Christopher Hill"), and
//! pronouns resolved to the actor they stand for.

use super::acronyms;
use super::actor_forms::{self, AgentMatch};
use super::described;
use super::grammar::{
    ADDRESSEE_PREPOSITIONS, AGENT_ACTOR_PREPOSITIONS, AGENT_JOINERS, ALL_SIDES_NOUNS,
    CLAUSE_OPENING_PREPOSITIONS, COLLECTIVE_AGENT_NOUNS, COLLECTIVE_PRONOUNS, COMMON_NOUN_AGENTS,
    COMMON_NOUN_TARGETLESS_CODES, COMPASS_NAMES, COUNTRY_NOUNS, EXPLETIVE_IT_VERBS,
    GOVERNMENT_NOUNS, HONORIFICS, INTENT_GOVERNORS, MEMBER_BODY_NOUNS, OBJECT_PRONOUNS,
    PERSON_PRONOUNS, PLURAL_PRONOUNS, QUANTITY_NOUNS, REQUEST_NOUNS, REQUEST_OWNER_PREPOSITIONS,
    TRADE_BODY_AGENTS, TWO_SIDES_NOUNS, TWO_SIDES_PLACE_PREPOSITIONS,
};
pub use super::home_country::CountryFrom;
use super::home_country::{self, Fallbacks};
use super::label::{self, Code, Shared};
use super::member_bodies;
use super::name_tokens::NameTokens;
use super::names::NameIndex;
use super::organisations;
use super::phrases::SentencePhrases;
use super::report_authors;
use super::role_links;
use super::salience::{QuoteScope, Remembered, Salience, Slot};
use super::scoped;
use super::unknown_bodies;
use super::unknown_persons;
use crate::dict::{ActorEntry, Dictionaries};
use crate::model::Date;
use crate::text::{Tag, Token};

/// How a mention was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// A dictionary phrase (possibly with an agent).
    Dictionary,
    /// A name learned earlier in the document.
    LearnedName,
    /// A pronoun or definite description resolved to an earlier actor.
    Coreference,
    /// A standalone role noun ("insurgents", "police") with the document's context country
    /// (its `antecedent`) or none (`---`).
    RoleNoun,
}

/// One actor mention.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The actor code.
    pub code: Code,
    /// Dictionary entries that fired, `file:line` joined by `+`.
    pub entry: Shared,
    /// Names a person.
    pub person: bool,
    /// How it was found.
    pub kind: MentionKind,
    /// The preposition governing the mention's noun phrase, if any ("with", "by").
    pub preposition: Option<Code>,
    /// The text of the actor the pronoun stands for, for coreference.
    pub antecedent: Option<Shared>,
    /// For a possessive pronoun followed by an agent noun ("its troops"): the agent code and
    /// entry, kept even when the antecedent already has an agent.
    pub agent: Option<(Code, Shared)>,
    /// For a role noun given a country: where the country came from.
    pub country_from: Option<CountryFrom>,
}

/// What the antecedent of a "both sides" mention ends with.
const TWO_SIDES_NOTE: &str = " (the two sides)";

impl Mention {
    /// A mention at `start..end` standing for an actor named earlier, whose text is `text`.
    pub(super) fn coreference(
        start: usize,
        end: usize,
        code: Code,
        entry: Shared,
        text: Shared,
    ) -> Self {
        Mention {
            start,
            end,
            code,
            entry,
            person: false,
            kind: MentionKind::Coreference,
            preposition: None,
            antecedent: Some(text),
            agent: None,
            country_from: None,
        }
    }

    /// An implied actor of code `code` with no words of its own, pointing at token `at` (the
    /// act or noun that implies it: an agentless attack's unknown attacker).
    pub(super) fn implied(at: usize, code: &str, entry: &str) -> Self {
        Mention {
            start: at,
            end: at + 1,
            code: code.into(),
            entry: entry.into(),
            person: false,
            kind: MentionKind::RoleNoun,
            preposition: None,
            antecedent: None,
            agent: None,
            country_from: None,
        }
    }

    /// One of the two actors "both sides", "the two countries" stand for.
    pub(super) fn is_two_sides(&self) -> bool {
        self.kind == MentionKind::Coreference
            && self
                .antecedent
                .as_deref()
                .is_some_and(|a| a.ends_with(TWO_SIDES_NOTE))
    }

    /// A common-noun actor ("residents", "three teenagers", "banks": a role noun of an agent in
    /// `common-noun-agents.txt`) is the source only of an event with a target, or of a code of
    /// `common-noun-targetless-codes.txt` ("residents protested").
    pub(super) fn needs_target(&self, code: &str) -> bool {
        let common = self.kind == MentionKind::RoleNoun
            && !self.person
            && self
                .code
                .get(3..)
                .is_some_and(|a| COMMON_NOUN_AGENTS.contains(a));
        common
            && !COMMON_NOUN_TARGETLESS_CODES
                .words()
                .iter()
                .any(|p| code.starts_with(p))
    }
}

/// A place named in a sentence (a `place` actor entry used as a location).
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMention {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The country code of the entry.
    pub code: Code,
}

/// What the coder remembers across the sentences of one document.
#[derive(Clone, Debug, Default)]
pub struct DocumentMemory {
    /// Learned names: lower-case token sequence → (code, entry, full name, names a person).
    names: Vec<(Vec<Code>, Code, Shared, Shared, bool)>,
    /// Countries named so far (actors and places): (code, mentions, last sentence seen).
    countries: Vec<(Code, usize, usize)>,
    /// Countries of the described individuals named so far ("an Iraqi doctor",
    /// [`described::is_described_individual`]), counted like `countries`: the context country
    /// only when neither `countries` nor the fallbacks give one.
    described_countries: Vec<(Code, usize, usize)>,
    /// Sentences seen.
    sentences: usize,
    /// What pronouns stand for: the salient person, collective actor and plural group.
    salience: Salience,
    /// Recent non-person actors, oldest first: (code, entry, text).
    recent: Vec<Remembered>,
    /// Recent actors, persons included, oldest first: the candidates for "the two sides".
    recent_sides: Vec<Remembered>,
    /// How many of `recent_sides` the current sentence added.
    sides_this_sentence: usize,
    /// Recent persons, oldest first: the candidates for "him", "her" other than the subject.
    recent_persons: Vec<Remembered>,
    /// Words of the unknown persons' names seen so far ("roy", "whiting"), lower case.
    unknown_names: Vec<Code>,
    /// Codes of the dictionary actors named so far, for `context` entries ("Labor" after
    /// "the Australian Labor Party").
    codes_seen: Vec<Code>,
    /// The document's dominant country and its home country, for when no earlier sentence
    /// named one.
    fallbacks: Fallbacks,
    /// The person the last sentence's subject described ("an Iraqi doctor"), for a name
    /// opening the next one (`described`).
    pub(super) described: Option<described::Described>,
    /// Whether a labour actor has been named (`acronyms`: "the AMWU" is then a union).
    labour_named: bool,
    /// The author of the last report named with one ("a UN report"), for a later "the report".
    report_author: Option<Remembered>,
}

impl DocumentMemory {
    /// Empties the memory for the next document: what `DocumentMemory::default()` holds, but
    /// its vectors keep their buffers (every field named, so none is forgotten).
    pub(super) fn clear(&mut self) {
        let DocumentMemory {
            names,
            countries,
            described_countries,
            sentences,
            salience,
            recent,
            recent_sides,
            sides_this_sentence,
            recent_persons,
            unknown_names,
            codes_seen,
            fallbacks,
            described,
            labour_named,
            report_author,
        } = self;
        names.clear();
        countries.clear();
        described_countries.clear();
        *sentences = 0;
        *salience = Salience::default();
        recent.clear();
        recent_sides.clear();
        *sides_this_sentence = 0;
        recent_persons.clear();
        unknown_names.clear();
        codes_seen.clear();
        *fallbacks = Fallbacks::default();
        *described = None;
        *labour_named = false;
        *report_author = None;
    }

    /// Learns the name `name_tokens` (and its short forms, [`name_keys`]) as `code`.
    pub(super) fn learn(&mut self, name_tokens: &[Token], code: &str, entry: &Shared) {
        let mut text: Option<Shared> = None;
        let opening = name_tokens.first().is_some_and(|t| t.tag == Tag::DT);
        for (start, end) in name_keys(name_tokens).into_iter().flatten() {
            let k = &name_tokens[start..end];
            // "The" of "The Solomon Islands Prime Minister" is no name.
            if k.iter().any(|w| w.lower.len() < 3) || opening && k[0].lower == name_tokens[0].lower
            {
                continue;
            }
            self.names.retain(|(n, ..)| !same_words(n, k));
            let text = text
                .get_or_insert_with(|| label::words(name_tokens.iter().map(|t| t.text.as_str())));
            let key = k.iter().map(|t| t.lower.clone()).collect();
            self.names
                .push((key, code.into(), entry.clone(), text.clone(), true));
        }
    }

    /// The country of the latest actor with agent `agent` named before token `before` of the
    /// current sentence (`mentions`) or in an earlier sentence, persons included ("Pakistan's
    /// Foreign Ministry ... ministry spokesman X": PAK). Actors later in the sentence do not
    /// count ("the Foreign Minister met his Indonesian counterpart" is not Indonesia's).
    pub(super) fn last_country_with_agent<'m>(
        &'m self,
        agent: &str,
        mentions: &'m [Mention],
        before: usize,
    ) -> Option<&'m str> {
        let earlier = self.recent_sides[..self.recent_sides.len() - self.sides_this_sentence]
            .iter()
            .map(|(c, ..)| c.as_str());
        let here = mentions
            .iter()
            .filter(|m| m.end <= before)
            .map(|m| m.code.as_str());
        earlier
            .chain(here)
            .rev()
            .filter(|c| c.get(3..6) == Some(agent))
            .find_map(|c| {
                c.get(..3)
                    .filter(|r| !matches!(*r, "---" | "IGO" | "NGO" | "IMG" | "NGM"))
            })
    }

    /// How often the country `root` was named in earlier sentences (actors and places).
    pub(super) fn country_mentions(&self, root: &str) -> usize {
        self.countries
            .iter()
            .find(|(c, ..)| c == root)
            .map_or(0, |(_, n, _)| *n)
    }

    /// Whether a dictionary actor with `code` was named in an earlier sentence.
    pub(super) fn has_seen(&self, code: &str) -> bool {
        self.codes_seen.iter().any(|c| c == code)
    }

    /// Whether `lower` starts with a name learned in this document.
    pub(super) fn knows_name(&self, lower: &[&str]) -> bool {
        self.names
            .iter()
            .any(|(k, ..)| k.len() <= lower.len() && k.iter().zip(lower).all(|(w, t)| w == t))
    }

    /// Learns an acronym ("FSA") as an alias of an actor for the rest of the document.
    pub(super) fn learn_alias(
        &mut self,
        acronym: &Token,
        code: &str,
        entry: &Shared,
        person: bool,
    ) {
        let key = vec![acronym.lower.clone()];
        self.names.retain(|(n, ..)| *n != key);
        let (c, e, t) = (
            Code::from(code),
            entry.clone(),
            acronym.text.as_str().into(),
        );
        self.names.push((key, c, e, t, person));
    }

    /// The document's context country: the country named most often in earlier sentences
    /// (actors and places); on a tie the document's dominant country, else the latest. The
    /// nationality of a described individual ("An Iraqi doctor, held at a Sydney detention
    /// centre, ...") counts only when nothing else, fallbacks included, gives a country: a
    /// foreigner in a story is no sign of where it is set.
    pub(super) fn context_country(&self) -> Option<&str> {
        let dominant = self.fallbacks.document.as_deref();
        match most_named(&self.countries, dominant) {
            Some(c) => Some(c),
            None if self.fallbacks.first().is_none() => {
                most_named(&self.described_countries, dominant)
            }
            None => None,
        }
    }

    /// Sets the countries used when the document has no context country yet.
    pub(super) fn set_fallbacks(&mut self, fallbacks: Fallbacks) {
        self.fallbacks = fallbacks;
    }

    /// The document's home country (the record's, else its domestic evidence): the country of
    /// the offices named alone (docs/coding.md, "Offices and bodies").
    pub(super) fn home_country(&self) -> Option<&str> {
        self.fallbacks.home()
    }

    /// The document's home country, else its dominant country, else the run's: the last steps
    /// of the country convention before `---`.
    pub(super) fn fallback_country(&self) -> Option<(&str, CountryFrom)> {
        self.fallbacks.first()
    }

    /// The context country, else the fallbacks: the country of an actor written without one.
    /// The country of the most recent armed force named (`ISRMIL` → `ISR`): whose the
    /// vehicles named later without a country are ("F-16s blasted").
    pub(super) fn force_country(&self) -> Option<&str> {
        self.recent
            .iter()
            .rev()
            .find(|(code, ..)| code.get(3..6) == Some("MIL"))
            .and_then(|(code, ..)| code.get(..3))
            .filter(|c| c.bytes().all(|b| b.is_ascii_uppercase()))
    }

    pub(super) fn country(&self) -> Option<(&str, CountryFrom)> {
        let context = self.context_country().map(|c| (c, CountryFrom::Context));
        context.or_else(|| self.fallback_country())
    }

    /// Counts the countries of a sentence's codes.
    fn count_countries<'c>(&mut self, codes: impl Iterator<Item = &'c str>, names: &NameIndex) {
        tally(&mut self.countries, codes, names, self.sentences);
    }

    /// Counts the countries of a sentence's described individuals.
    fn count_described<'c>(&mut self, codes: impl Iterator<Item = &'c str>, names: &NameIndex) {
        tally(&mut self.described_countries, codes, names, self.sentences);
    }
}

/// The country of `list` named most often; on a tie `dominant`, else the latest.
fn most_named<'a>(list: &'a [(Code, usize, usize)], dominant: Option<&str>) -> Option<&'a str> {
    list.iter()
        .max_by_key(|(c, n, last)| (*n, dominant == Some(c.as_str()), *last))
        .map(|(c, ..)| c.as_str())
}

/// Adds one mention of each code's country (a country root of `names`) seen in `sentence`.
fn tally<'c>(
    list: &mut Vec<(Code, usize, usize)>,
    codes: impl Iterator<Item = &'c str>,
    names: &NameIndex,
    sentence: usize,
) {
    for root in codes
        .filter_map(|c| c.get(..3))
        .filter(|r| names.is_root(r))
    {
        match list.iter_mut().find(|(c, ..)| c == root) {
            Some(slot) => {
                slot.1 += 1;
                slot.2 = sentence;
            }
            None => list.push((root.into(), 1, sentence)),
        }
    }
}

/// The token ranges a name is learned under: the whole name, and for a longer one its last and
/// first words; after honorifics also the name without them and its first word ("Sir Allan
/// Kemakeza" is also "Allan Kemakeza" and "Sir Allan").
fn name_keys(name: &[Token]) -> [Option<(usize, usize)>; 5] {
    let n = name.len();
    let titles = name
        .iter()
        .take_while(|t| HONORIFICS.contains(&t.lower))
        .count();
    let titled = titles > 0 && titles < n;
    [
        Some((0, n)),
        (n >= 2).then(|| (n - 1, n)),
        (n >= 2).then_some((0, 1)),
        titled.then_some((titles, n)),
        titled.then(|| (titles, titles + 1)),
    ]
}

/// Whether a learned key holds the lower-case words of `name`.
fn same_words(key: &[Code], name: &[Token]) -> bool {
    key.len() == name.len() && key.iter().zip(name).all(|(w, t)| *w == t.lower)
}

/// Finds the actor mentions (and places) of one sentence, updating the document memory; `quoted`:
/// the token ranges of its quotations.
pub(super) fn find_mentions<'d>(
    dict: &'d Dictionaries,
    names: &NameIndex,
    tokens: &[Token],
    phrases: SentencePhrases<'d>,
    (date, quoted): (Option<Date>, &[std::ops::Range<usize>]),
    memory: &mut DocumentMemory,
) -> (Vec<Mention>, Vec<PlaceMention>) {
    memory.sides_this_sentence = 0;
    let agents = phrases.agents;
    let mut actors = scoped::sentence_actors(
        dict,
        names,
        tokens,
        (phrases.raw.actors, phrases.plain),
        date,
        memory,
    );
    let mut region_places = Vec::new();
    let context = memory.country().map(|(c, _)| Code::from(c));
    let words = phrases.words;
    actor_forms::drop_names_inside_names(
        &words,
        names,
        context.as_deref(),
        &mut actors,
        &agents,
        &mut region_places,
    );
    let mut used_agents = vec![false; agents.len()];
    let (mut mentions, mut places) =
        dictionary_mentions(tokens, &actors, &agents, &mut used_agents);
    places.extend(region_places);
    actor_forms::city_agent_mentions(
        &words,
        names,
        &agents,
        context.as_deref(),
        &mut used_agents,
        &mut mentions,
    );
    organisations::named_organisation_mentions(
        tokens,
        names,
        &agents,
        (&places, context.as_deref()),
        &mut used_agents,
        &mut mentions,
    );
    actor_forms::led_force_mentions(&words, names, &agents, &mut used_agents, &mut mentions);
    actor_forms::surname_mentions(dict, &words, names, date, &agents, memory, &mut mentions);
    agents_of_following_actors(tokens, &agents, &used_agents, &mut mentions);
    mentions.sort_by_key(|m| m.start);
    organisations::members_of_organisations(&words, &agents, &mut used_agents, &mut mentions);
    distribute_agents_backwards(tokens, &mut mentions);
    merge_titled_names(tokens, &mut mentions, memory);
    acronyms::learn_acronyms(tokens, &mentions, MentionKind::Dictionary, memory);
    add_learned_names(&words, &mut mentions, memory);
    learn_titled_names(tokens, &mentions, memory);
    mentions.sort_by_key(|m| m.start);
    for m in &mut mentions {
        m.preposition = governing_preposition(tokens, m.start);
    }
    resolve_pronouns(&words, quoted, &mut mentions, memory);
    for m in mentions
        .iter_mut()
        .filter(|m| m.kind == MentionKind::Coreference)
    {
        m.preposition = governing_preposition(tokens, m.start);
        let possessor = tokens.get(m.end).is_some_and(|t| t.tag == Tag::POS);
        if tokens[m.start].tag == Tag::PRPS || possessor {
            attach_possessive_agent(tokens, &agents, &mut used_agents, m);
        }
    }
    // Places of this sentence count for its context; its actors only from the next sentence
    // on ("soldiers fired on Palestinian protesters" are not Palestinian soldiers).
    let sources = places
        .iter()
        .filter(|p| !home_country::is_destination(tokens, p.start));
    memory.count_countries(sources.map(|p| p.code.as_str()), names);
    let context = memory.context_country().map(Code::from);
    let fallback = memory
        .fallback_country()
        .map(|(c, from)| (c.to_string(), from));
    let fallback = fallback.as_ref().map(|(c, from)| (c.as_str(), *from));
    let home = memory.home_country().map(Code::from);
    let before = mentions.len();
    let titled = actor_forms::TitledContext {
        places: &places,
        context: context.as_deref(),
        home: home.as_deref(),
        fallback,
    };
    actor_forms::titled_unknown_mentions(
        tokens,
        &agents,
        &mut used_agents,
        &titled,
        memory,
        &mut mentions,
    );
    actor_forms::aged_person_mentions(&words, &titled, &mut mentions);
    unknown_bodies::possessive_body_mentions(tokens, names, &titled, &mut mentions);
    actor_forms::role_noun_mentions(
        tokens,
        &agents,
        &used_agents,
        actor_forms::RoleCountries {
            document: context.as_deref(),
            home: home.as_deref(),
            sentence: sentence_country(&mentions, names)
                .as_ref()
                .map(|(c, end)| (c.as_str(), *end)),
            fallback,
            places: &places,
        },
        memory,
        &mut mentions,
    );
    member_bodies::member_body_mentions(tokens, &agents, &mut used_agents, &mut mentions);
    acronyms::learn_acronyms(tokens, &mentions, MentionKind::RoleNoun, memory);
    acronyms::union_acronym_mentions(tokens, &titled, memory.labour_named, &mut mentions);
    memory.labour_named |= mentions.iter().any(|m| m.code.ends_with("LAB"));
    for m in &mut mentions[before..] {
        m.preposition = governing_preposition(tokens, m.start);
    }
    mentions.sort_by_key(|m| m.start);
    they_of_speaker(&words, &mut mentions);
    role_links::link_roles(tokens, &mut mentions, memory);
    described::name_described(tokens, &mut mentions, memory, memory.sentences);
    let (described, counted): (Vec<&Mention>, Vec<&Mention>) = mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Dictionary)
        .partition(|m| described::is_described_individual(tokens, m));
    memory.count_countries(counted.iter().map(|m| m.code.as_str()), names);
    memory.count_described(described.iter().map(|m| m.code.as_str()), names);
    for m in mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Dictionary)
    {
        if !memory.has_seen(&m.code) {
            memory.codes_seen.push(m.code.clone());
        }
    }
    organisations::former_office_holders(tokens, &mut mentions);
    settle_subject(tokens, quoted, &mentions, memory);
    let subject = sentence_subject(tokens, quoted, &mentions);
    memory.described = described::remember_description(tokens, subject, memory.sentences);
    remember_group(tokens, &mentions, memory);
    note_report_author(tokens, &mentions, memory);
    memory.sentences += 1;
    (mentions, places)
}

/// The country of the sentence's first dictionary actor that has one, outside prepositional
/// phrases ("in Lagos" is a place even where a surname index knows a "Lagos"), with the token
/// after that actor when it is the only country the sentence's actors name (else
/// `usize::MAX`: no role noun stands after it).
fn sentence_country(mentions: &[Mention], names: &NameIndex) -> Option<(Code, usize)> {
    let (root, end) = mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Dictionary && m.preposition.is_none())
        .filter_map(|m| Some((m.code.get(..3)?, m.end)))
        .find(|(r, _)| names.is_root(r))?;
    let sole = mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Dictionary)
        .filter_map(|m| m.code.get(..3))
        .all(|r| r == root || !names.is_root(r));
    Some((Code::from(root), if sole { end } else { usize::MAX }))
}

/// The dictionary actors with the agents right after them, and the place actors used as
/// locations.
fn dictionary_mentions(
    tokens: &[Token],
    actors: &[(crate::dict::PhraseMatch, &ActorEntry)],
    agents: &[AgentMatch<'_>],
    used_agents: &mut [bool],
) -> (Vec<Mention>, Vec<PlaceMention>) {
    // Room for the pronouns, role nouns and other mentions found after these.
    let mut mentions = Vec::with_capacity(actors.len() + agents.len() + 4);
    let mut places = Vec::new();
    for (m, entry) in actors {
        if entry.place && is_location_use(tokens, agents, m.start, m.end) {
            places.push(PlaceMention {
                start: m.start,
                end: m.end,
                code: entry.code.as_str().into(),
            });
            continue;
        }
        let mut mention = base_mention(m.start, m.end, entry);
        attach_agent(tokens, agents, used_agents, &mut mention, entry);
        mentions.push(mention);
    }
    (mentions, places)
}

/// Agents with "of/from ACTOR" after them: "officials from Japan", "the government of Japan".
/// Agents alone (no country known) are skipped.
fn agents_of_following_actors(
    tokens: &[Token],
    agents: &[AgentMatch<'_>],
    used_agents: &[bool],
    mentions: &mut [Mention],
) {
    for (am, agent) in agents
        .iter()
        .zip(used_agents)
        .filter(|(_, used)| !**used)
        .map(|(a, _)| a)
    {
        let after = am.end;
        // "recalled their ambassadors from Syria": the agent belongs to the possessor.
        let mut b = am.start;
        while b > 0 && tokens[b - 1].tag == Tag::JJ {
            b -= 1;
        }
        let possessed = b > 0 && tokens[b - 1].tag == Tag::PRPS;
        let joins = tokens
            .get(after)
            .is_some_and(|t| AGENT_ACTOR_PREPOSITIONS.contains(&t.lower));
        if possessed || !joins {
            continue;
        }
        let found = mentions.iter().position(|x| {
            x.start == after + 1 || x.start == after + 2 && tokens[after + 1].tag == Tag::DT
        });
        if let Some(pos) = found.filter(|&pos| mentions[pos].code.len() == 3) {
            combine_agent_with_actor(tokens, am.start, agent, mentions, pos);
        }
    }
}

/// Mention `pos` becomes the agent's ("officials from Japan" → `JPNGOV`), and so do the
/// actors conjoined after it ("envoys from South Korea and Japan").
fn combine_agent_with_actor(
    tokens: &[Token],
    agent_start: usize,
    agent: &crate::dict::AgentEntry,
    mentions: &mut [Mention],
    pos: usize,
) {
    let actor = &mentions[pos];
    let combined = Mention {
        start: agent_start,
        end: actor.end,
        code: label::code_with(&actor.code, &agent.code),
        entry: label::entry_with(&actor.entry, &agent.entry),
        ..actor.clone()
    };
    let mut last_end = actor.end;
    let first_after = actor.end;
    mentions[pos] = combined;
    for next in mentions.iter_mut().filter(|x| x.start > first_after) {
        let between = &tokens[last_end..next.start];
        let joined =
            !between.is_empty() && between.iter().all(|t| AGENT_JOINERS.contains(&t.lower));
        if !joined || next.code.len() != 3 {
            break;
        }
        next.code = label::code_with(&next.code, &agent.code);
        next.entry = label::entry_with(&next.entry, &agent.entry);
        last_end = next.end;
    }
}

/// "its soldiers", "Its ambassador": a possessive pronoun with an agent noun (up to two
/// adjectives or nouns between them).
fn attach_possessive_agent(
    tokens: &[Token],
    agents: &[AgentMatch<'_>],
    used_agents: &mut [bool],
    m: &mut Mention,
) {
    // "the country's banks": the agent follows the possessive ending.
    let from = m.end + usize::from(tokens.get(m.end).is_some_and(|t| t.tag == Tag::POS));
    for skipped in 0..=2 {
        let Some(k) = agents.iter().position(|(am, _)| am.start == from + skipped) else {
            continue;
        };
        let modifiers_only = tokens[from..from + skipped]
            .iter()
            .all(|t| matches!(t.tag, Tag::JJ | Tag::NN));
        if !used_agents[k] && modifiers_only {
            let (am, agent) = &agents[k];
            used_agents[k] = true;
            m.end = am.end;
            m.agent = Some((agent.code.as_str().into(), label::entry_of(&agent.entry)));
            if m.code.len() == 3 {
                m.code = label::code_with(&m.code, &agent.code);
                m.entry = label::entry_with(&m.entry, &agent.entry);
            }
        }
        break;
    }
}

fn base_mention(start: usize, end: usize, entry: &ActorEntry) -> Mention {
    Mention {
        start,
        end,
        code: entry.code.as_str().into(),
        entry: label::entry_of(&entry.entry),
        person: entry.person,
        kind: MentionKind::Dictionary,
        preposition: None,
        antecedent: None,
        agent: None,
        country_from: None,
    }
}

/// A place name used as a location: after a locative preposition or verb, or as a modifier of a
/// following common noun ("the Beijing talks") other than an agent noun ("Beijing police",
/// "Kabul's government" name the country's agents). The owner of a request or offer is no
/// location ("a request *from Havana*", "calls *from Washington*").
fn is_location_use(tokens: &[Token], agents: &[AgentMatch<'_>], start: usize, end: usize) -> bool {
    // Each test only when the answer still depends on it.
    if home_country::after_locative(tokens, start, end) && !owns_request(tokens, start) {
        return true;
    }
    let agent_at = |k: usize| agents.iter().any(|(am, _)| am.start == k);
    let possessive = || tokens.get(end).is_some_and(|t| t.tag == Tag::POS);
    let agent_follows = || agent_at(end) || possessive() && agent_at(end + 1);
    let modifier = tokens
        .get(end)
        .is_some_and(|t| matches!(t.tag, Tag::NN | Tag::NNS));
    modifier && !agent_follows() || super::dateline::end(tokens).is_some_and(|e| end < e)
}

/// The name at `start` follows a request or offer noun and its owner preposition ("a request
/// from Havana", "demands by Brussels"): it names who asked.
fn owns_request(tokens: &[Token], start: usize) -> bool {
    start >= 2
        && REQUEST_OWNER_PREPOSITIONS.contains(&tokens[start - 1].lower)
        && tokens[start - 2].tag.is_noun()
        && REQUEST_NOUNS.contains(&tokens[start - 2].lemma)
}

/// "Japanese officials", "China's chief negotiator": an agent right after the actor.
fn attach_agent(
    tokens: &[Token],
    agents: &[(crate::dict::PhraseMatch, &crate::dict::AgentEntry)],
    used: &mut [bool],
    mention: &mut Mention,
    entry: &ActorEntry,
) {
    let party = entry.code.len() == 6 && entry.code.ends_with("PTY");
    let company = entry.code.len() == 6 && entry.code.ends_with("BUS") && !entry.person;
    if entry.code.len() != 3 && !party && !company {
        return;
    }
    let mut j = mention.end;
    if tokens.get(j).is_some_and(|t| t.tag == Tag::POS) {
        j += 1;
    }
    for skipped in 0..=3 {
        if let Some(k) = agents.iter().position(|(m, _)| m.start == j + skipped) {
            let joined = (j..j + skipped).any(|i| name_joiner(tokens, j, i));
            let modifiers_ok = (j..j + skipped)
                .all(|i| agent_modifier(&tokens[i]) || name_joiner(tokens, j, i))
                && (!joined || tokens[j + skipped].text.starts_with(char::is_uppercase));
            // Only a company's workforce ("Qantas pilots" → `AUSLAB`) and its own business
            // agents ("Qantas management" → `AUSBUS`) join a company.
            let joins_company = matches!(agents[k].1.code.as_str(), "LAB" | "BUS");
            if modifiers_ok && (!company || joins_company) {
                used[k] = true;
                let (k, members) = name_head_agent(tokens, agents, j, k);
                let (m, head) = &agents[k];
                let agent = agents[members].1;
                used[k] = true;
                mention.end = m.end;
                mention.entry = label::entry_with(&mention.entry, &agent.entry);
                mention.person = !is_collective_agent(&head.phrase);
                // A party's lawmakers are the country's legislature ("a Labor MP" → AUSLEG);
                // its leaders and officials stay the party (docs/coding.md, "Parties").
                // A company's workers are the country's labour, not its business.
                // A model designation makes the agent hardware ("Russian MiG-29 fighters").
                let designated = tokens[j..j + skipped]
                    .iter()
                    .any(|t| is_model_designation(&t.text));
                let agent_code = if designated {
                    "MIL"
                } else {
                    agent.code.as_str()
                };
                mention.code = match (party || company, agent_code) {
                    (false, _) => label::code_with(&entry.code, agent_code),
                    (true, "LEG" | "LAB") => label::code_with(&entry.code[..3], &agent.code),
                    (true, _) => entry.code.as_str().into(),
                };
            }
            return;
        }
        let i = j + skipped;
        if tokens.get(i).is_none_or(|t| !agent_modifier(t)) && !name_joiner(tokens, j, i) {
            return;
        }
    }
}

/// Most words of a capitalised name after its first agent up to the class word that heads it.
const MAX_NAME_TAIL: usize = 4;

/// "the Australian *Consumers* Association", "the Australian Competition and *Consumer*
/// Commission": a capitalised agent `k` inside a capitalised name gives way to the agent that
/// ends the name, its class word (`NGO`, `GOV`); returns that agent, else `k`, with the agent
/// that codes the name: the class word's, but a trade's for a body of members ("the Tanzania
/// *Farmers* Association" → `AGR`, `member-body-nouns.txt`, `trade-body-agents.txt`).
fn name_head_agent(
    tokens: &[Token],
    agents: &[(crate::dict::PhraseMatch, &crate::dict::AgentEntry)],
    from: usize,
    k: usize,
) -> (usize, usize) {
    let head = name_class_agent(tokens, agents, from, k);
    let body = agents[head]
        .0
        .end
        .checked_sub(1)
        .and_then(|i| tokens.get(i));
    let members = head != k
        && body.is_some_and(|t| MEMBER_BODY_NOUNS.contains(&t.lower))
        && TRADE_BODY_AGENTS.contains(&agents[k].1.code);
    (head, if members { k } else { head })
}

/// The agent ending the capitalised name that agent `k` starts, else `k` ([`name_head_agent`]).
fn name_class_agent(
    tokens: &[Token],
    agents: &[(crate::dict::PhraseMatch, &crate::dict::AgentEntry)],
    from: usize,
    k: usize,
) -> usize {
    let caps = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| t.text.starts_with(char::is_uppercase))
    };
    let first = &agents[k].0;
    if !(first.start..first.end).all(caps) {
        return k;
    }
    let mut end = first.end;
    while end < first.end + MAX_NAME_TAIL && (caps(end) || name_joiner(tokens, from, end)) {
        end += 1;
    }
    agents
        .iter()
        .position(|(m, _)| m.start >= first.end && m.end == end && (m.start..m.end).all(caps))
        .unwrap_or(k)
}

/// "the Australian Competition *and* Consumer Commission": a joiner of `agent-joiners.txt`
/// at `i` inside a capitalised name between an actor (ending at `from`) and its agent — a
/// capitalised modifier before it (not the actor itself: "Australian and Indonesian
/// officials" are two actors) and a capitalised word after it.
fn name_joiner(tokens: &[Token], from: usize, i: usize) -> bool {
    let caps = |t: Option<&Token>| t.is_some_and(|t| t.text.starts_with(char::is_uppercase));
    i > from
        && tokens
            .get(i)
            .is_some_and(|t| t.tag == Tag::CC && AGENT_JOINERS.contains(&t.lower))
        && caps(tokens.get(i - 1))
        && caps(tokens.get(i + 1))
}

/// A word between an actor and its agent: an adjective or a noun modifier ("Japanese *senior*
/// officials", "the Australian *Securities* Commission", "Qantas *maintenance* workers"), or
/// a weapon's model designation, whatever its tag ("Israeli *F-16* warplanes", "US *B-52*
/// bombers").
fn agent_modifier(t: &Token) -> bool {
    matches!(
        t.tag,
        Tag::JJ | Tag::NN | Tag::NNP | Tag::NNPS | Tag::VBN | Tag::JJS
    ) || is_model_designation(&t.text)
}

/// A model designation: a capitalized word of letters and digits joined by a hyphen ("F-16",
/// "B-52", "Su-25", "MiG-29", "AK-47").
pub(super) fn is_model_designation(word: &str) -> bool {
    let Some((letters, rest)) = word.split_once('-') else {
        return false;
    };
    letters.starts_with(|c: char| c.is_ascii_uppercase())
        && letters.chars().all(|c| c.is_ascii_alphabetic())
        && rest.starts_with(|c: char| c.is_ascii_digit())
        && rest.chars().all(|c| c.is_ascii_alphanumeric())
        && letters.len() <= 3
}

/// "Chinese and Russian envoys": an agent after the last of joined actors applies to each.
fn distribute_agents_backwards(tokens: &[Token], mentions: &mut [Mention]) {
    for k in (0..mentions.len().saturating_sub(1)).rev() {
        let (left, right) = mentions.split_at_mut(k + 1);
        let (a, b) = (&mut left[k], &right[0]);
        if a.code.len() != 3 || b.code.len() <= 3 || a.person {
            continue;
        }
        let between = &tokens[a.end..b.start];
        let joined =
            !between.is_empty() && between.iter().all(|t| AGENT_JOINERS.contains(&t.lower));
        // Only when b's agent follows b's own actor adjective (b = "Russian envoys").
        let b_actor_len = b.entry.split('+').count();
        if joined
            && b_actor_len >= 2
            && tokens[a.start..a.end].iter().all(|t| {
                t.tag == Tag::JJ || t.tag == Tag::NNP || t.tag == Tag::NNPS || t.tag == Tag::NN
            })
        {
            let agent = &b.code[b.code.len() - 3..];
            let agent_entry = b.entry.rsplit('+').next().unwrap_or("").to_string();
            a.code = label::code_with(&a.code, agent);
            a.entry = label::entry_with(&a.entry, agent_entry.as_str());
        }
    }
}

/// "North Korean envoy Kim Kye-gwan": a titled mention directly followed by a person's name is
/// one mention; the person entry's code wins (it is date-bounded), and the name is learned.
fn merge_titled_names(tokens: &[Token], mentions: &mut Vec<Mention>, memory: &mut DocumentMemory) {
    let mut i = 0;
    while i + 1 < mentions.len() {
        let (a, b) = (&mentions[i], &mentions[i + 1]);
        if a.end == b.start && b.person && b.kind == MentionKind::Dictionary && a.code.len() > 3 {
            // Outside the person's dated roles the title says the role ("President X" in a
            // year the dictionary does not cover is still the president).
            let outside_dates = b.code.ends_with("ELI") && a.code.get(..3) == b.code.get(..3);
            let code = if outside_dates { &a.code } else { &b.code };
            memory.learn(&tokens[b.start..b.end], code, &b.entry);
            let merged = Mention {
                start: a.start,
                end: b.end,
                code: code.clone(),
                entry: label::entry_with(&a.entry, &b.entry),
                person: true,
                ..a.clone()
            };
            mentions[i] = merged;
            mentions.remove(i + 1);
            continue;
        }
        i += 1;
    }
}

/// Agent nouns that name a body, not a person ("army", "government", "troops").
/// The last word is lower-cased only when it is not already ASCII lower case (no allocation for
/// most words).
pub(super) fn is_collective_agent(phrase: &str) -> bool {
    // A byte search: `rsplit(' ')` sets up a char searcher each call.
    let last = phrase
        .as_bytes()
        .iter()
        .rposition(|&b| b == b' ')
        .map_or(phrase, |k| &phrase[k + 1..]);
    let last: std::borrow::Cow<'_, str> = if last
        .bytes()
        .any(|b| !b.is_ascii() || b.is_ascii_uppercase())
    {
        last.to_lowercase().into()
    } else {
        last.into()
    };
    let plural = last.ends_with('s') && !last.ends_with("ss");
    plural || COLLECTIVE_AGENT_NOUNS.contains(&last)
}

/// Capitalized name tokens starting at `i` ("Christopher Hill", "Kim Kye-Gwan").
pub(super) fn name_run(tokens: &[Token], i: usize) -> usize {
    let mut j = i;
    while j < tokens.len()
        && tokens[j].tag == Tag::NNP
        && tokens[j].shape != crate::text::token::Shape::Abbreviation
        || (j > i
            && j < tokens.len()
            && tokens[j].shape == crate::text::token::Shape::Abbreviation
            && tokens[j].text.len() == 2)
    {
        j += 1;
    }
    j
}

/// After a titled mention ("US Assistant Secretary of State Christopher Hill", "Hill, the US
/// pointman"), remember the name for later sentences.
fn learn_titled_names(tokens: &[Token], mentions: &[Mention], memory: &mut DocumentMemory) {
    for m in mentions {
        if m.code.len() <= 3 || !m.person {
            continue;
        }
        let end = name_run(tokens, m.end);
        if end > m.end && end - m.end <= 4 {
            memory.learn(&tokens[m.end..end], &m.code, &m.entry);
        }
        // "Hill, the US pointman on North Korea,": NAME , (the) MENTION
        let mut s = m.start;
        if s > 0 && tokens[s - 1].tag == Tag::DT {
            s -= 1;
        }
        if s >= 2 && tokens[s - 1].text == "," {
            let mut b = s - 1;
            while b > 0 && tokens[b - 1].tag == Tag::NNP {
                b -= 1;
            }
            if b < s - 1 && s - 1 - b <= 4 && !mentions.iter().any(|o| o.start <= b && o.end > b) {
                memory.learn(&tokens[b..s - 1], &m.code, &m.entry);
            }
        }
    }
    for m in mentions.iter().filter(|m| m.person) {
        if m.kind == MentionKind::Dictionary && m.code.len() > 3 {
            let name = &tokens[m.start..m.end];
            if name
                .iter()
                .all(|t| t.tag == Tag::NNP || t.text.starts_with(char::is_uppercase))
            {
                memory.learn(name, &m.code, &m.entry);
            }
        }
    }
}

/// Mentions of names learned earlier in the document.
fn add_learned_names(words: &NameTokens<'_>, mentions: &mut Vec<Mention>, memory: &DocumentMemory) {
    let tokens = words.tokens;
    if memory.names.is_empty() {
        return; // nothing learned yet: no word need be tried
    }
    // A learned name starts with a capitalised word; the next one is tried after it.
    let mut next = 0;
    for &i in words.capitalised() {
        if i < next || mentions.iter().any(|m| m.start <= i && i < m.end) {
            continue;
        }
        let best = memory
            .names
            .iter()
            .filter(|(k, ..)| {
                k.len() <= tokens.len() - i
                    && k.iter().zip(&tokens[i..]).all(|(w, t)| *w == t.lower)
            })
            .max_by_key(|(k, ..)| k.len());
        if let Some((k, code, entry, full, person)) = best {
            let end = i + k.len();
            if tokens.get(end).is_none_or(|t| t.tag != Tag::NNP) {
                mentions.push(Mention {
                    start: i,
                    end,
                    code: code.clone(),
                    entry: entry.clone(),
                    person: *person,
                    kind: MentionKind::LearnedName,
                    preposition: None,
                    antecedent: Some(full.clone()),
                    agent: None,
                    country_from: None,
                });
                next = end;
            }
        }
    }
}

/// Resolves "he", "she", "his", "it", "its" to the last person or collective actor, walking the
/// sentence left to right so a pronoun can point to an actor earlier in the same sentence.
/// Tokens inside a quotation (`quoted`) see only the quotation's own antecedents
/// (`salience::QuoteScope`).
fn resolve_pronouns(
    words: &NameTokens<'_>,
    quoted: &[std::ops::Range<usize>],
    mentions: &mut Vec<Mention>,
    memory: &mut DocumentMemory,
) {
    let tokens = words.tokens;
    let mut in_mention = vec![false; tokens.len()];
    for m in mentions.iter() {
        in_mention[m.start..m.end].fill(true);
    }
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    // Looked at through `as_slice` (a `Peekable` moved a whole `Mention` in and out of its
    // slot at every token).
    let mut pending = std::mem::take(mentions).into_iter();
    // A group a subject of this sentence clears is still what its object pronouns can name
    // ("Gunmen fled. Police arrested them.").
    let group = memory.salience.group.get().cloned();
    let mut scope = QuoteScope::default();
    for i in walk_positions(words, quoted, pending.as_slice()) {
        let t = &tokens[i];
        let in_quote = quoted.iter().any(|q| q.contains(&i));
        scope.step(in_quote, &mut memory.salience);
        while pending.as_slice().first().is_some_and(|m| m.start <= i) {
            let Some(m) = pending.next() else { break };
            remember(tokens, &m, memory);
            out.push(m);
        }
        if matches!(words.lower[i], "the" | "both" | "all")
            && !out
                .iter()
                .chain(pending.as_slice().first())
                .any(|m| m.start <= i + 1 && i + 1 < m.end)
        {
            if let Some(m) = (t.lower == "the")
                .then(|| definite_description(tokens, i, memory))
                .flatten()
            {
                out.push(m);
                continue;
            }
            let asker = object_position(tokens, i)
                .then(|| out.iter().rev().find(|m| is_subject_like(tokens, m)))
                .flatten()
                .map(|m| m.code.clone());
            if let Some(pair) = two_sides(tokens, i, memory, asker.as_ref()) {
                out.extend(pair);
                continue;
            }
        }
        let covered = |k: usize| in_mention[k];
        let unknown = unknown_persons::unknown_person_at(tokens, i, covered, &memory.unknown_names);
        if let Some(end) = unknown {
            note_unknown_person(&tokens[i..end], memory);
        }
        if matches!(t.tag, Tag::PRP | Tag::PRPS) && !is_expletive_it(tokens, i) {
            let object = t.tag == Tag::PRP && OBJECT_PRONOUNS.contains(&t.lower);
            let subject = object.then(|| clause_subject(tokens, &out, i)).flatten();
            let object = subject.as_deref().map(|s| (s, group.as_ref()));
            let resolved = pronoun_mention(t, i, memory, object);
            if let Some(m) = resolved.as_ref().filter(|_| object.is_none()) {
                refer_back(m, memory);
            }
            out.extend(resolved);
        }
    }
    scope.leave(&mut memory.salience);
    out.extend(pending);
    *mentions = out;
}

/// The tokens the walk of [`resolve_pronouns`] must stop at, ascending: where something can
/// happen — a mention starts, a quotation opens or closes, a pronoun, "the" or "both" stands,
/// or an unknown person's name can start (a capitalised word). Between them the walk would
/// change nothing.
fn walk_positions(
    words: &NameTokens<'_>,
    quoted: &[std::ops::Range<usize>],
    mentions: &[Mention],
) -> Vec<usize> {
    let len = words.tokens.len();
    let (capitalised, cues) = (words.capitalised(), words.pronoun_cues());
    // Marked in a bit set and read back in order: no sort, no duplicates to drop.
    let mut marks = vec![0u64; len.div_ceil(64)];
    let mut mark = |i: usize| {
        if i < len {
            marks[i / 64] |= 1 << (i % 64);
        }
    };
    capitalised.iter().chain(cues).for_each(|&i| mark(i));
    mentions.iter().for_each(|m| mark(m.start));
    quoted.iter().for_each(|q| {
        mark(q.start);
        mark(q.end);
    });
    let most = capitalised.len() + cues.len() + mentions.len() + 2 * quoted.len();
    let mut at = Vec::with_capacity(most.min(len));
    for (w, &word) in marks.iter().enumerate() {
        let mut bits = word;
        while bits != 0 {
            at.push(w * 64 + bits.trailing_zeros() as usize);
            bits &= bits - 1;
        }
    }
    at
}

/// The last actor of the sentence that authors a report named with it ("a UN report", "his
/// report for APRA": a pronoun's antecedent) is the author a later "the report" stands for.
fn note_report_author(tokens: &[Token], mentions: &[Mention], memory: &mut DocumentMemory) {
    let Some(m) = mentions
        .iter()
        .rev()
        .find(|m| report_authors::authors_report(tokens, m))
    else {
        return;
    };
    let text = m
        .antecedent
        .clone()
        .unwrap_or_else(|| label::words(tokens[m.start..m.end].iter().map(|t| t.text.as_str())));
    memory.report_author = Some((m.code.clone(), m.entry.clone(), text));
}

/// A pronoun that is no object resolved to `m`'s antecedent keeps that antecedent recent.
fn refer_back(m: &Mention, memory: &mut DocumentMemory) {
    let now = memory.sentences;
    let s = &mut memory.salience;
    if m.person {
        s.person.touch(now);
    } else if s.group.get().is_some_and(|g| g.0 == m.code) {
        s.group.touch(now);
    } else {
        s.collective.touch(now);
    }
}

/// Makes the unknown person `name` salient: later "he", "she" stand for no one.
fn note_unknown_person(name: &[Token], memory: &mut DocumentMemory) {
    memory.salience.person_unknown = true;
    for t in name
        .iter()
        .filter(|t| t.tag == Tag::NNP && t.lower.len() >= 3)
    {
        if !memory.unknown_names.contains(&t.lower) {
            memory.unknown_names.push(t.lower.clone());
        }
    }
}

/// Updates the salient person or collective actor after mention `m`.
fn remember(tokens: &[Token], m: &Mention, memory: &mut DocumentMemory) {
    let text = label::words(tokens[m.start..m.end].iter().map(|t| t.text.as_str()));
    let remembered = (m.code.clone(), m.entry.clone(), text);
    push_recent(&mut memory.recent_sides, remembered.clone());
    memory.sides_this_sentence = (memory.sides_this_sentence + 1).min(memory.recent_sides.len());
    if m.person {
        push_recent(&mut memory.recent_persons, remembered.clone());
        // Pronouns refer back to the salient person: a subject, not an object or a
        // name inside a prepositional phrase ("Hill met Kim. He said ..." → Hill).
        let s = &mut memory.salience;
        if s.person.get().is_none() || is_subject_like(tokens, m) {
            s.person_unknown = false;
            replace_salient(
                &mut s.person,
                &mut s.previous_person,
                remembered,
                memory.sentences,
            );
        }
        return;
    }
    push_recent(&mut memory.recent, remembered.clone());
    // "it"/"its" refer back to a salient country or organisation: a subject or a
    // possessor, not an object or a name inside a prepositional phrase.
    let possessor = tokens.get(m.end).is_some_and(|t| t.tag == Tag::POS);
    let s = &mut memory.salience;
    if s.collective.get().is_none() || is_subject_like(tokens, m) || possessor {
        if is_subject_like(tokens, m) {
            s.group.clear();
        }
        replace_salient(
            &mut s.collective,
            &mut s.previous_collective,
            remembered,
            memory.sentences,
        );
    }
}

/// Makes `remembered` the salient actor (named in sentence `now`), keeping the one it replaces
/// (of another code).
fn replace_salient(
    last: &mut Slot,
    previous: &mut Option<Remembered>,
    remembered: Remembered,
    now: usize,
) {
    let code = remembered.0.clone();
    if let Some(old) = last.set(remembered, now).filter(|o| o.0 != code) {
        *previous = Some(old);
    }
}

/// "Arafat told CNN that Sharon was trying to torpedo his crackdown. He called ...": the person
/// who is the sentence's subject — the first actor, before any verb, outside a quotation — is
/// what "he", "she" stand for in the next sentences, not a person named later in a reported
/// clause, a possessive or an aside ("Chief negotiator Saeb Erakat, speaking after Mr Sharon's
/// speech, said ... He called on ..." is Erakat). This also makes a titled or role-noun person
/// found after the pronouns ("The Foreign Minister said ...") salient.
fn settle_subject(
    tokens: &[Token],
    quoted: &[std::ops::Range<usize>],
    mentions: &[Mention],
    memory: &mut DocumentMemory,
) {
    let subject = sentence_subject(tokens, quoted, mentions)
        .filter(|m| m.person && m.kind != MentionKind::Coreference);
    let Some(m) = subject else { return };
    let text = label::words(tokens[m.start..m.end].iter().map(|t| t.text.as_str()));
    let s = &mut memory.salience;
    s.person_unknown = false;
    replace_salient(
        &mut s.person,
        &mut s.previous_person,
        (m.code.clone(), m.entry.clone(), text),
        memory.sentences,
    );
}

/// The sentence's subject: its first actor before any verb that stands where a subject does,
/// outside a quotation.
fn sentence_subject<'m>(
    tokens: &[Token],
    quoted: &[std::ops::Range<usize>],
    mentions: &'m [Mention],
) -> Option<&'m Mention> {
    let first_verb = tokens
        .iter()
        .position(|t| t.tag.is_verb())
        .unwrap_or(tokens.len());
    mentions
        .iter()
        .find(|m| m.end <= first_verb && is_subject_like(tokens, m))
        .filter(|m| !quoted.iter().any(|q| q.contains(&m.start)))
}

/// "Israeli officials said they would ...", "Local commanders have warned they will shoot ...":
/// "they" opening what a plural speaker says stands for that speaker — its actor when the
/// speaker is one (found here because role nouns are found after the pronouns), else no one
/// ("commanders", "Government sources" no dictionary knows), never an earlier actor.
fn they_of_speaker(words: &NameTokens<'_>, mentions: &mut Vec<Mention>) {
    let tokens = words.tokens;
    add_they_of_role_speaker(words, mentions);
    let mut k = 0;
    while k < mentions.len() {
        let m = &mentions[k];
        let they = m.kind == MentionKind::Coreference
            && tokens[m.start].tag == Tag::PRP
            && PLURAL_PRONOUNS.contains(&tokens[m.start].lower);
        let speaker_end = they
            .then(|| speech_verb_before(tokens, m.start))
            .flatten()
            .and_then(|verb| plural_subject_end(tokens, verb));
        let Some(end) = speaker_end else {
            k += 1;
            continue;
        };
        let covering = mentions[..k]
            .iter()
            .rev()
            .find(|s| s.start < end && end <= s.end);
        match covering {
            Some(sp) if sp.end == end && speaks_as_group(tokens, sp) => {
                let text = label::words(tokens[sp.start..sp.end].iter().map(|t| t.text.as_str()));
                let (code, entry) = (sp.code.clone(), sp.entry.clone());
                let m = &mut mentions[k];
                (m.code, m.entry, m.antecedent) = (code, entry, Some(text));
                k += 1;
            }
            Some(_) => k += 1,
            None => {
                mentions.remove(k);
            }
        }
    }
}

/// "Police said they had arrested ...", "Rebel commanders said they would attack ...": a
/// "they" no earlier actor resolved, opening what a role-noun speaker says (role nouns are found
/// after the pronouns), becomes a pronoun mention of that speaker; [`they_of_speaker`] then
/// gives it the speaker's actor.
fn add_they_of_role_speaker(words: &NameTokens<'_>, mentions: &mut Vec<Mention>) {
    let tokens = words.tokens;
    let mut added = Vec::new();
    // Only the pronouns need be looked at: they are among the pronoun cues.
    for &i in words.pronoun_cues() {
        let t = &tokens[i];
        if t.tag != Tag::PRP || words.lower[i] != "they" || mentions.iter().any(|m| m.start == i) {
            continue;
        }
        let Some(end) = speech_verb_before(tokens, i).and_then(|v| plural_subject_end(tokens, v))
        else {
            continue;
        };
        let speaker = mentions
            .iter()
            .find(|s| s.end == end && s.kind == MentionKind::RoleNoun);
        if let Some(sp) = speaker.filter(|sp| speaks_as_group(tokens, sp)) {
            added.push(Mention {
                start: i,
                end: i + 1,
                kind: MentionKind::Coreference,
                preposition: None,
                antecedent: None,
                agent: None,
                ..sp.clone()
            });
        }
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.start);
    }
}

/// The speech verb whose complement opens at `i` ("warned (that) they").
fn speech_verb_before(tokens: &[Token], i: usize) -> Option<usize> {
    let k = i.checked_sub(1)?;
    let k = if tokens[k].lower == "that" {
        k.checked_sub(1)?
    } else {
        k
    };
    let t = &tokens[k];
    (t.tag.is_verb() && crate::text::chunk::is_speech_verb(&t.lemma)).then_some(k)
}

/// One past the plural noun that is the subject of the speech verb at `verb`, with only
/// auxiliaries and adverbs between them ("commanders have warned", "sources say").
fn plural_subject_end(tokens: &[Token], verb: usize) -> Option<usize> {
    let aux =
        |t: &Token| matches!(t.tag, Tag::MD | Tag::RB) || t.lemma == "have" || t.lemma == "be";
    let k = tokens[..verb].iter().rposition(|t| !aux(t))?;
    matches!(tokens[k].tag, Tag::NNS | Tag::NNPS).then_some(k + 1)
}

/// A speaker "they" can stand for: a plural or collective actor, not a pronoun or a phrase
/// after a preposition.
fn speaks_as_group(tokens: &[Token], sp: &Mention) -> bool {
    let text = label::words(tokens[sp.start..sp.end].iter().map(|t| t.text.as_str()));
    !sp.person
        && sp.kind != MentionKind::Coreference
        && sp.preposition.is_none()
        && is_collective_agent(&text)
}

/// "Gunmen attacked a bus. They killed ...": the sentence's last plural role-noun subject is
/// what "they" stands for in the next sentences (until another collective subject is named).
fn remember_group(tokens: &[Token], mentions: &[Mention], memory: &mut DocumentMemory) {
    let group = mentions.iter().rev().find(|m| {
        m.kind == MentionKind::RoleNoun
            && tokens[m.end - 1].tag == Tag::NNS
            && is_subject_like(tokens, m)
    });
    if let Some(m) = group {
        let text = label::words(tokens[m.start..m.end].iter().map(|t| t.text.as_str()));
        let now = memory.sentences;
        memory
            .salience
            .group
            .set((m.code.clone(), m.entry.clone(), text), now);
    }
}

/// Appends to a list of recent actors, keeping the last 16.
fn push_recent(list: &mut Vec<Remembered>, remembered: Remembered) {
    list.push(remembered);
    if list.len() > 16 {
        list.remove(0);
    }
}

/// The subject code of an object pronoun's clause, and the plural group remembered at the
/// start of the sentence.
type ObjectContext<'a> = (&'a str, Option<&'a Remembered>);

/// Pronoun `t` at token `i` as the person or collective actor it refers back to. An object
/// pronoun ("him", "them") never stands for its clause's subject (`object`): it stands for the
/// latest other person ("him", "her") or plural or collective actor ("them"), else for none.
fn pronoun_mention(
    t: &Token,
    i: usize,
    memory: &DocumentMemory,
    object: Option<ObjectContext<'_>>,
) -> Option<Mention> {
    let person = PERSON_PRONOUNS.contains(&t.lower);
    let s = &memory.salience;
    if person && s.person_unknown {
        return None;
    }
    let plural = PLURAL_PRONOUNS.contains(&t.lower);
    let now = memory.sentences;
    let source = if person {
        s.person.recent(now).cloned()
    } else if COLLECTIVE_PRONOUNS.contains(&t.lower) {
        let group = plural.then(|| s.group.recent(now)).flatten();
        group.or_else(|| s.collective.recent(now)).cloned()
    } else {
        None
    };
    let (code, entry, text) = match object {
        Some((s, group)) if source.as_ref().is_some_and(|(c, ..)| c == s) => {
            other_than_subject(memory, group, s, (person, plural))?
        }
        _ => source?,
    };
    Some(Mention {
        start: i,
        end: i + 1,
        code,
        entry,
        person,
        kind: MentionKind::Coreference,
        preposition: None,
        antecedent: Some(text),
        agent: None,
        country_from: None,
    })
}

/// The remembered actor other than the clause subject `subject` that "him"/"her" (`person`)
/// or "them" (`plural`) can stand for: for "them" the plural `group`, then the salient actor
/// before the current one, then the latest other plural or collective actor; for "him", "her"
/// the salient person before the current one, then the latest other person.
fn other_than_subject(
    memory: &DocumentMemory,
    group: Option<&Remembered>,
    subject: &str,
    (person, plural): (bool, bool),
) -> Option<Remembered> {
    let list = if person {
        &memory.recent_persons
    } else {
        &memory.recent
    };
    let fits = |text: &str| person || !plural || is_plural_or_collective(text);
    let s = &memory.salience;
    let group = s.group.get().or(group);
    let previous = if person {
        s.previous_person.as_ref()
    } else {
        s.previous_collective.as_ref()
    };
    let previous = previous.filter(|(c, _, text)| c != subject && fits(text));
    group
        .filter(|(c, ..)| plural && !person && c != subject)
        .or(previous)
        .or_else(|| {
            list.iter()
                .rev()
                .find(|(c, _, text)| c != subject && fits(text))
        })
        .cloned()
}

/// A mention's text that "them" can stand for: a name ("Egypt", "the United Nations"), a
/// plural or a collective noun ("the protesters", "the police"), not one person or thing.
fn is_plural_or_collective(text: &str) -> bool {
    let last = text.rsplit(' ').next().unwrap_or(text);
    last.starts_with(char::is_uppercase) || is_collective_agent(text)
}

/// The subject of the clause of the pronoun at `i`: the latest actor of the sentence before it,
/// after the clause's opening word ("who", "because", a comma), that is followed by a verb or
/// stands where a subject does, with a verb between it and `i`. None for "gunmen who opened
/// fire on them": the relative clause's subject is its antecedent, outside the clause.
fn clause_subject(tokens: &[Token], before: &[Mention], i: usize) -> Option<Code> {
    let opening = tokens[..i]
        .iter()
        .rposition(opens_clause)
        .map_or(0, |k| k + 1);
    before
        .iter()
        .rev()
        .filter(|m| m.start >= opening && m.end <= i)
        .filter(|m| tokens[m.end..i].iter().any(|t| t.tag.is_verb()))
        .find(|m| is_subject_like(tokens, m) || verb_follows(tokens, m.end))
        .map(|m| m.code.clone())
}

/// A word that opens a clause: a wh-word, a subordinating conjunction, a comma or a colon.
fn opens_clause(t: &Token) -> bool {
    matches!(t.tag, Tag::WDT | Tag::WP | Tag::WRB)
        || t.tag == Tag::IN && CLAUSE_OPENING_PREPOSITIONS.contains(&t.lower)
        || matches!(t.text.as_str(), "," | ";" | ":")
}

/// A verb at `k`, after auxiliaries and adverbs ("Egypt has strongly criticized").
fn verb_follows(tokens: &[Token], k: usize) -> bool {
    tokens[k..]
        .iter()
        .find(|t| !matches!(t.tag, Tag::MD | Tag::RB))
        .is_some_and(|t| t.tag.is_verb())
}

/// "the North" (the last actor named "North ..."), "the country", "the isolated state",
/// "the regime": a definite description standing for an actor named earlier.
fn definite_description(tokens: &[Token], i: usize, memory: &DocumentMemory) -> Option<Mention> {
    let next = tokens.get(i + 1)?;
    let after = tokens.get(i + 2);
    let mention = |end: usize, code: Code, entry: Shared, text: Shared| {
        Mention::coreference(i, end, code, entry, text)
    };
    if let Some(m) = memory
        .report_author
        .as_ref()
        .and_then(|author| report_authors::report_mention(tokens, i, author))
    {
        return Some(m);
    }
    if COMPASS_NAMES.contains(&next.text)
        && after.is_none_or(|a| a.tag != Tag::NNP && a.tag != Tag::NNPS)
    {
        let (code, entry, text) = memory
            .recent
            .iter()
            .rev()
            .find(|(_, _, text)| text.starts_with(next.text.as_str()))?;
        return Some(mention(i + 2, code.clone(), entry.clone(), text.clone()));
    }
    let (noun_at, noun) = if matches!(next.tag, Tag::JJ | Tag::VBN | Tag::VBG) {
        (i + 2, after?)
    } else {
        (i + 1, next)
    };
    // "the country's banks" is the country's; "the country club" is no country.
    if tokens.get(noun_at + 1).is_some_and(|t| t.tag.is_noun()) {
        return None;
    }
    // The nouns first: the salient country is looked up only for "the country", "the regime".
    let country = COUNTRY_NOUNS.contains(&noun.lower);
    if !country && !GOVERNMENT_NOUNS.contains(&noun.lower) {
        return None;
    }
    let (code, entry, text) = salient_country(memory)?;
    let code = if country {
        code
    } else {
        label::code_with(&code, "GOV")
    };
    Some(mention(noun_at + 1, code, entry, text))
}

/// The country "the country", "the government" stand for: the salient collective actor when
/// it is a country, else, when no collective actor was named yet, the salient person's country
/// ("President X asked the country's banks").
fn salient_country(memory: &DocumentMemory) -> Option<Remembered> {
    let s = &memory.salience;
    let person = s.person.get().and_then(|(code, entry, text)| {
        let root = code
            .get(..3)
            .filter(|r| !matches!(*r, "---" | "IGO" | "NGO" | "IMG" | "NGM" | "MNC"))?;
        Some((root.into(), entry.clone(), text.clone()))
    });
    // "Defence Minister Robert Hill says the Government ..." after "troops to Afghanistan" in
    // an earlier sentence: a person named since the collective actor names the country.
    let person_later = s.person.named_at() > s.collective.named_at() && !s.person_unknown;
    match s.collective.get() {
        Some(_) if person_later && person.is_some() => person,
        Some(c) => {
            // A party stands in its country ("Labor criticised the government": AUSGOV).
            let party = c.0.len() == 6 && c.0.ends_with("PTY");
            (c.0.len() == 3 || party).then(|| (c.0[..3].into(), c.1.clone(), c.2.clone()))
        }
        None => person,
    }
}

/// "It follows ...", "It is important ...", "it seems", "made it easier for ...", "find it
/// hard to": an "it" that stands for no actor.
fn is_expletive_it(tokens: &[Token], i: usize) -> bool {
    if tokens[i].lower != "it" {
        return false;
    }
    if extraposed_object(tokens, i) {
        return true;
    }
    let next = tokens.get(i + 1).map_or("", |t| t.lemma.as_str());
    let after = tokens.get(i + 2).map_or("", |t| t.lemma.as_str());
    let modal_be = tokens.get(i + 1).is_some_and(|t| t.tag == Tag::MD) && after == "be";
    (EXPLETIVE_IT_VERBS.contains(next) || modal_be) && !ready_to(tokens, i)
}

/// "has made it easier for offenders to", "made it clear that", "finds it hard to": an object
/// "it" between a verb and an adjective that opens what "it" stands in for.
fn extraposed_object(tokens: &[Token], i: usize) -> bool {
    let verb = i > 0 && tokens[i - 1].tag.is_verb();
    let adjective = tokens
        .get(i + 1)
        .is_some_and(|t| matches!(t.tag, Tag::JJ | Tag::JJR | Tag::JJS));
    let opens = tokens
        .get(i + 2)
        .is_some_and(|t| matches!(t.lower.as_str(), "to" | "for" | "that"));
    verb && adjective && opens
}

/// "(said) it was ready to", "it would be willing to": the "it" of an intention is the actor
/// that intends — a form of "be", adverbs, then an intent word (`intent-governors.txt`).
fn ready_to(tokens: &[Token], i: usize) -> bool {
    let mut rest = tokens[i + 1..]
        .iter()
        .skip_while(|t| t.tag == Tag::MD || t.tag == Tag::RB);
    let be = rest.next().is_some_and(|t| t.lemma == "be");
    let word = rest.find(|t| t.tag != Tag::RB);
    be && word.is_some_and(|t| INTENT_GOVERNORS.contains(&t.lower))
}

/// "the two sides", "both sides", "all sides", "the two countries", "both leaders": the last two
/// distinct actors named (persons included), as two mentions joined like a compound ("the two" +
/// "sides", "both" + "sides").
fn two_sides(
    tokens: &[Token],
    i: usize,
    memory: &DocumentMemory,
    asker: Option<&Code>,
) -> Option<[Mention; 2]> {
    let words = (
        tokens[i].lower.as_str(),
        tokens.get(i + 1)?.lower.as_str(),
        tokens.get(i + 2).map_or("", |t| t.lower.as_str()),
    );
    let noun_at = match words {
        ("the", "two", w) if TWO_SIDES_NOUNS.contains(w) => i + 2,
        ("both", w, _) if TWO_SIDES_NOUNS.contains(w) => i + 1,
        ("all", w, _) if ALL_SIDES_NOUNS.contains(w) => i + 1,
        _ => return None,
    };
    // "on both sides of the border": a stretch of ground, not the parties.
    let of_place = tokens.get(noun_at + 1).is_some_and(|t| t.lower == "of")
        && i > 0
        && TWO_SIDES_PLACE_PREPOSITIONS.contains(&tokens[i - 1].lower);
    if of_place {
        return None;
    }
    let mut picked: Vec<&Remembered> = Vec::new();
    // "Britain urged both sides to": the sides are others than the one who acts on them.
    let others = memory
        .recent_sides
        .iter()
        .filter(|r| asker.is_none_or(|a| a.get(..3) != r.0.get(..3)));
    for r in others.rev() {
        if !picked.iter().any(|p| p.0.get(..3) == r.0.get(..3)) {
            picked.push(r);
        }
        if picked.len() == 2 {
            break;
        }
    }
    let [b, a] = [picked.first()?, picked.get(1)?];
    let mention = |start: usize, end: usize, r: &Remembered| Mention {
        start,
        end,
        code: r.0.clone(),
        entry: r.1.clone(),
        person: false,
        kind: MentionKind::Coreference,
        preposition: None,
        antecedent: Some(format!("{}{TWO_SIDES_NOTE}", r.2).into()),
        agent: None,
        country_from: None,
    };
    Some([mention(i, noun_at, a), mention(noun_at, noun_at + 1, b)])
}

/// Whether the noun phrase starting at `i` is a verb's object: right after the verb, or after
/// its "on"/"upon" ("urged both sides", "called on all sides").
fn object_position(tokens: &[Token], i: usize) -> bool {
    let before = |k: usize| k.checked_sub(1).map(|j| &tokens[j]);
    match before(i) {
        Some(t) if t.tag.is_verb() => true,
        Some(t) if ADDRESSEE_PREPOSITIONS.contains(&t.lower) => {
            before(i - 1).is_some_and(|v| v.tag.is_verb())
        }
        _ => false,
    }
}

/// Not governed by a preposition and not directly after a verb (an object).
fn is_subject_like(tokens: &[Token], m: &Mention) -> bool {
    let mut j = m.start;
    while j > 0 && tokens[j - 1].tag == Tag::DT {
        j -= 1;
    }
    m.preposition.is_none() && (j == 0 || !tokens[j - 1].tag.is_verb())
}

/// The preposition that governs the noun phrase containing token `start`, if any.
fn governing_preposition(tokens: &[Token], start: usize) -> Option<Code> {
    let mut j = start;
    while j > 0 {
        let t = &tokens[j - 1];
        if t.tag.is_prenominal() || t.tag.is_noun() && j < start || t.tag == Tag::RB {
            j -= 1;
            continue;
        }
        if (t.tag == Tag::IN || t.tag == Tag::TO) && !CLAUSE_OPENING_PREPOSITIONS.contains(&t.lower)
        {
            // "Thousands of Iranian protesters": the phrase after a quantity is the head.
            let quantity = t.lower == "of"
                && j >= 2
                && (tokens[j - 2].tag == Tag::CD || QUANTITY_NOUNS.contains(&tokens[j - 2].lower));
            if quantity {
                // "a rally by thousands of nurses": the quantity's own preposition governs.
                return quantity_preposition(tokens, j - 2);
            }
            if is_quantifier_word(tokens, j - 1) {
                return None;
            }
            return Some(t.lower.clone());
        }
        return None;
    }
    None
}

/// The `by` that governs a quantity at `quantity` ("by thousands of", "by some 2,000"): the
/// agent phrase of a nominal event or passive whose head is the quantity. Other prepositions
/// before a quantity ("the deaths of thousands of") keep the phrase after it ungoverned.
fn quantity_preposition(tokens: &[Token], quantity: usize) -> Option<Code> {
    let mut j = quantity;
    while j > 0 && (tokens[j - 1].tag.is_prenominal() || tokens[j - 1].tag == Tag::RB) {
        j -= 1;
    }
    let by = j.checked_sub(1).filter(|&k| tokens[k].lower == "by")?;
    Some(tokens[by].lower.clone())
}

/// The preposition at `k` belongs to a number phrase, not a prepositional phrase: "up to 100
/// soldiers", "more than two dozen militants", "at least 20 policemen".
fn is_quantifier_word(tokens: &[Token], k: usize) -> bool {
    let prev = k.checked_sub(1).map_or("", |p| tokens[p].lower.as_str());
    let next = tokens.get(k + 1).map_or("", |t| t.lower.as_str());
    match tokens[k].lower.as_str() {
        "to" => prev == "up",
        "than" => matches!(prev, "more" | "fewer" | "less"),
        "at" => matches!(next, "least" | "most"),
        _ => false,
    }
}
