//! The coder's grammar word lists: the closed classes of words (modals, prepositions, pronouns,
//! governing verbs) its decisions depend on.
//!
//! Each list is a data file under `dictionaries/grammar/` (one entry per line, `#` starts a
//! comment line), embedded with `include_str!` and parsed once, on first use. The lists and
//! what each controls are described in `docs/dictionaries.md`.

use std::sync::OnceLock;

/// One embedded word list.
#[derive(Debug)]
pub(crate) struct WordList {
    text: &'static str,
    words: OnceLock<Parsed>,
}

/// A parsed list with a filter in front of its hash set: the lengths and first bytes of its
/// entries. Most words looked up are in no list, and most of those fail the filter.
#[derive(Debug)]
struct Parsed {
    list: crate::text::wordlist::WordList,
    /// Bit `min(len, 63)` is set for the length of each entry.
    lengths: u64,
    /// Bit `b` is set for the first byte `b` of each entry (0 for an empty entry).
    first_bytes: [u64; 4],
}

impl Parsed {
    fn new(text: &'static str) -> Parsed {
        let list = crate::text::wordlist::WordList::new(text);
        let (mut lengths, mut first_bytes) = (0, [0; 4]);
        for w in list.iter() {
            lengths |= length_bit(w);
            let (word, bit) = first_byte_bit(w);
            first_bytes[word] |= bit;
        }
        Parsed {
            list,
            lengths,
            first_bytes,
        }
    }

    fn may_contain(&self, w: &str) -> bool {
        let (word, bit) = first_byte_bit(w);
        self.lengths & length_bit(w) != 0 && self.first_bytes[word] & bit != 0
    }
}

fn length_bit(w: &str) -> u64 {
    1 << w.len().min(63)
}

fn first_byte_bit(w: &str) -> (usize, u64) {
    let b = w.as_bytes().first().copied().unwrap_or(0);
    (usize::from(b >> 6), 1 << (b & 63))
}

impl WordList {
    const fn new(text: &'static str) -> WordList {
        WordList {
            text,
            words: OnceLock::new(),
        }
    }

    /// The entries, in file order.
    pub(crate) fn words(&self) -> &[&'static str] {
        &self.parsed().list
    }

    fn parsed(&self) -> &Parsed {
        self.words.get_or_init(|| Parsed::new(self.text))
    }

    /// Whether `word` is one of the entries (exact, case-sensitive comparison).
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        let p = self.parsed();
        p.may_contain(word) && p.list.contains(word)
    }

    /// Whether some entry starts `s` (`s.starts_with(entry)` for an entry): one look-up for
    /// each length an entry has, not a comparison with every entry.
    pub(crate) fn has_prefix_of(&self, s: &str) -> bool {
        let p = self.parsed();
        if p.lengths >> 63 != 0 {
            // An entry of 63 bytes or more: the lengths no longer say which to look up.
            return p.list.iter().any(|e| s.starts_with(e));
        }
        (1..=s.len().min(62))
            .filter(|&n| p.lengths & 1 << n != 0)
            .any(|n| s.get(..n).is_some_and(|head| self.contains(head)))
    }
}

// The tests parse the list files as `WordList::new` does.
#[cfg(test)]
use crate::text::wordlist::parse;

macro_rules! grammar_lists {
    ($($(#[$doc:meta])* $name:ident = $file:literal;)*) => {
        $(
            $(#[$doc])*
            pub(crate) static $name: WordList = WordList::new(
                include_str!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/../../dictionaries/grammar/",
                    $file
                )),
            );
        )*
        /// Every list with its file name under `dictionaries/grammar/`, for the tests.
        #[cfg(test)]
        fn all_lists() -> Vec<(&'static str, &'static WordList)> {
            vec![$(($file, &$name)),*]
        }
    };
}

grammar_lists! {
    /// Modals that make an event hypothetical ("must meet").
    HYPOTHETICAL_MODALS = "hypothetical-modals.txt";
    /// Future modals: "will meet" is an intent to meet.
    FUTURE_MODALS = "future-modals.txt";
    /// Words whose "that" complement is demanded, not done.
    DEMAND_WORDS = "demand-words.txt";
    /// Words whose infinitive complement is an intention, not an act.
    INTENTION_WORDS = "intention-words.txt";
    /// Words before "to" whose complement is supposed, not done ("is alleged to have").
    SUPPOSITION_WORDS = "supposition-words.txt";
    /// Verbs of belief or allegation whose complement is supposed, not done ("believes").
    BELIEF_VERBS = "belief-verbs.txt";
    /// Nouns of allegation whose "that" clause is supposed, not done ("allegations that").
    ALLEGATION_NOUNS = "allegation-nouns.txt";
    /// Nouns of a written report whose author "the report" stands for later ("report").
    REPORT_NOUNS = "report-nouns.txt";
    /// Decision nouns whose infinitive is the act decided, coded as done ("decision to cut").
    DECISION_NOUNS = "decision-nouns.txt";
    /// Verbs whose object is an act under way ("continued its attacks").
    CONTINUATION_VERBS = "continuation-verbs.txt";
    /// Words whose infinitive complement is intended: coded as its 03x intent ("pledged to").
    INTENT_GOVERNORS = "intent-governors.txt";
    /// Verbs of wishing: their infinitive is intended ("wants to talk"), with an addressee
    /// before "to" appealed for ("wants the union to return").
    WISH_GOVERNORS = "wish-governors.txt";
    /// Speech acts performed by wishing to do them ("would like to thank"): not intended.
    PERFORMATIVE_VERBS = "performative-verbs.txt";
    /// Words whose complement is threatened: coded as its 13x threat ("threatened to").
    THREAT_GOVERNORS = "threat-governors.txt";
    /// Words whose complement is appealed for: coded as its 02x appeal ("urged Iran to").
    APPEAL_GOVERNORS = "appeal-governors.txt";
    /// Words whose complement is demanded: coded as its 10x demand ("demanded that").
    DEMAND_GOVERNORS = "demand-governors.txt";
    /// Words whose complement is refused or rejected: coded as its 12x rejection ("refused to").
    REJECT_GOVERNORS = "reject-governors.txt";
    /// Code prefixes whose 4-digit codes give a protest its purpose (14x1–14x4).
    PROTEST_PURPOSE_CODES = "protest-purpose-codes.txt";
    /// Things an appeal, demand or protest is about, with the act each stands for ("food" 073).
    TOPIC_NOUNS = "topic-nouns.txt";
    /// Modals of obligation: "said Iran must" is a demand on Iran.
    DEMAND_MODALS = "demand-modals.txt";
    /// Verbs that before "to" + a bare verb oblige like "must" ("has to act", "needs to").
    OBLIGATION_VERBS = "obligation-verbs.txt";
    /// Adjectives that oblige like "must" in "it is vital (that) Y acts" ("important").
    IMPORTANCE_ADJECTIVES = "importance-adjectives.txt";
    /// Predicates that criticize an actor ("Y's action is unjustified"): 111.
    DISAPPROVAL_PREDICATES = "disapproval-predicates.txt";
    /// Disapproving adjectives derived from the VADER lexicon (`scripts/build_evaluative_lexicon.py`):
    /// read like `disapproval-predicates.txt` where tagged as adjectives ("Y is callous"): 111.
    EVALUATIVE_DISAPPROVAL = "evaluative-disapproval.txt";
    /// Predicates that accuse an actor ("Y is to blame", "Y was behind the attack"): 112.
    ACCUSATION_PREDICATES = "accusation-predicates.txt";
    /// Predicates that praise an actor ("Y's decision was courageous"): 051.
    APPROVAL_PREDICATES = "approval-predicates.txt";
    /// Nouns of an act: a judging predicate judges an actor only through one (or an actor).
    JUDGED_ACTS = "judged-acts.txt";
    /// Deeds whose doer is judged ("has not done enough", "did a great job"): code + words.
    JUDGED_DEEDS = "judged-deeds.txt";
    /// Verbs of conduct judged by an adverb ("Y acted irresponsibly"): 111 or 051 on the doer.
    CONDUCT_VERBS = "conduct-verbs.txt";
    /// Nouns of a fault found "in the way" an actor acts ("discrepancies"): 111 on the actor.
    FAULT_NOUNS = "fault-nouns.txt";
    /// Words after "too" that make a deed excessive ("spent too much", "waited too long"): 111.
    EXCESS_DEGREES = "excess-degrees.txt";
    /// Nouns of evidence that may confirm a guilt ("evidence", "proof"): 112 with `guilt-nouns`.
    EVIDENCE_NOUNS = "evidence-nouns.txt";
    /// Nouns of a guilty part ("responsibility", "involvement") whose evidence accuses: 112.
    GUILT_NOUNS = "guilt-nouns.txt";
    /// Nouns of a part in something that "have no ..." disavows ("no connection with"): 016.
    DISAVOWED_PARTS = "disavowed-parts.txt";
    /// Statement codes dropped when they have no target (unless kept).
    COMMENT_CODES = "comment-codes.txt";
    /// Act code prefix → intent, appeal and demand codes (one row per line).
    COMPLEMENT_CODES = "complement-codes.txt";
    /// Verbs whose gerund complement is not an act ("stop cooperating").
    GERUND_BLOCKERS = "gerund-blockers.txt";
    /// Verbs whose infinitive right after them is the act ("help bring").
    CATENATIVE_VERBS = "catenative-verbs.txt";
    /// Codes of visits made or hosted (042, 043).
    VISIT_CODES = "visit-codes.txt";
    /// Agents of private actors whose travel is no visit (CVL, BUS).
    PRIVATE_TRAVEL_AGENTS = "private-travel-agents.txt";
    /// Head nouns of armed forces whose arrival is a deployment (154), not a visit.
    DEPLOYED_FORCE_NOUNS = "deployed-force-nouns.txt";
    /// Verbs of dispatching forces whose purpose infinitive is not done ("sent troops to quell").
    DISPATCH_VERBS = "dispatch-verbs.txt";
    /// Participles that after "be" and before "in" are the subject's state ("locked in talks").
    STATIVE_PARTICIPLES = "stative-participles.txt";
    /// Prepositions whose gerund is opposed, not done ("a firm line against dropping sanctions").
    OPPOSING_PREPOSITIONS = "opposing-prepositions.txt";
    /// Words whose "of + gerund" is the content of an accusation.
    ACCUSATION_WORDS = "accusation-words.txt";
    /// Prepositions before such a gerund ("of", "for").
    GERUND_CONTENT_PREPOSITIONS = "gerund-content-prepositions.txt";
    /// Conjunctions of conditional clauses ("if").
    CONDITIONAL_CONJUNCTIONS = "conditional-conjunctions.txt";
    /// Prepositions of place whose actor is not a target.
    TARGET_LOCATIVE_PREPOSITIONS = "target-locative-prepositions.txt";
    /// Prepositions whose actor is never a target.
    NON_TARGET_PREPOSITIONS = "non-target-prepositions.txt";
    /// Prepositions of the building a protest is held at, whose owner it presses ("outside").
    PROTEST_SITE_PREPOSITIONS = "protest-site-prepositions.txt";
    /// Last words of nominal patterns with a target slot ("talks with").
    NOMINAL_TARGET_SLOTS = "nominal-target-slots.txt";
    /// Last words of nominal patterns that name a partner ("talks with").
    NOMINAL_PARTNER_PREPOSITIONS = "nominal-partner-prepositions.txt";
    /// Words allowed between joined actors ("and", "as well as").
    COMPOUND_JOINERS = "compound-joiners.txt";
    /// Words of which one must join two actors ("and", ",").
    COMPOUND_CONJUNCTIONS = "compound-conjunctions.txt";
    /// Pronouns in reported speech that stand for the speaker ("its").
    SPEAKER_PRONOUNS = "speaker-pronouns.txt";
    /// Actor code prefixes compared whole ("IGO").
    WHOLE_CODE_PREFIXES = "whole-code-prefixes.txt";
    /// Words that make a following place-actor a location ("in", "leaving").
    PLACE_LOCATIVE_WORDS = "place-locative-words.txt";
    /// Words tagged IN that open clauses ("that", "because").
    CLAUSE_OPENING_PREPOSITIONS = "clause-opening-prepositions.txt";
    /// Pronouns for the last person ("he").
    PERSON_PRONOUNS = "person-pronouns.txt";
    /// Pronouns for the last country or organisation ("it").
    COLLECTIVE_PRONOUNS = "collective-pronouns.txt";
    /// Plural pronouns, which may stand for a group named by a role noun ("they", "them").
    PLURAL_PRONOUNS = "plural-pronouns.txt";
    /// Object pronouns, never the subject of their own clause ("him", "them").
    OBJECT_PRONOUNS = "object-pronouns.txt";
    /// Prepositions that make a surname which is also a place the place ("in Lagos").
    SURNAME_PLACE_PREPOSITIONS = "surname-place-prepositions.txt";
    /// Nouns after a surname (or its possessive) that make it the place ("Lagos police").
    SURNAME_PLACE_NOUNS = "surname-place-nouns.txt";
    /// "the country": nouns for the last country.
    COUNTRY_NOUNS = "country-nouns.txt";
    /// "the regime": nouns for the last country's government.
    GOVERNMENT_NOUNS = "government-nouns.txt";
    /// "the North": compass words standing for an actor named with them.
    COMPASS_NAMES = "compass-names.txt";
    /// Prepositions joining an agent to an actor after it ("officials from Japan").
    AGENT_ACTOR_PREPOSITIONS = "agent-actor-prepositions.txt";
    /// Words over which an agent distributes ("and").
    AGENT_JOINERS = "agent-joiners.txt";
    /// Agent nouns that name a body, not a person ("army").
    COLLECTIVE_AGENT_NOUNS = "collective-agent-nouns.txt";
    /// Lemmas after an expletive "it" ("it seems").
    EXPLETIVE_IT_VERBS = "expletive-it-verbs.txt";
    /// Nouns after "the two" ("the two sides").
    TWO_SIDES_NOUNS = "two-sides-nouns.txt";
    /// Prepositions after a verb whose object is the one addressed ("called on Israel to").
    ADDRESSEE_PREPOSITIONS = "addressee-prepositions.txt";
    /// Nouns after "all" that stand for the last two distinct actors ("all sides").
    ALL_SIDES_NOUNS = "all-sides-nouns.txt";
    /// Prepositions that make "both sides of" a place ("on both sides of the border").
    TWO_SIDES_PLACE_PREPOSITIONS = "two-sides-place-prepositions.txt";
    /// Verbs and event nouns whose meaning is mutual ("meet", "sign", "talk", "clash").
    RECIPROCAL_WORDS = "reciprocal-words.txt";
    /// CAMEO roots in which a mutual verb with joined subjects codes both directions.
    RECIPROCAL_ROOTS = "reciprocal-roots.txt";
    /// Verbs whose event-noun object is the subject's act ("announced the deployment of").
    ANNOUNCING_VERBS = "announcing-verbs.txt";
    /// Light verbs whose event-noun object is the subject's act ("held talks", "carry out").
    LIGHT_VERBS = "light-verbs.txt";
    /// Weapon and fire nouns whose relative clause is the act of the one using them.
    INSTRUMENT_NOUNS = "instrument-nouns.txt";
    /// Request and offer nouns whose "by"/"from"/"of" actor asked for it ("demands by X").
    REQUEST_NOUNS = "request-nouns.txt";
    /// Prepositions that name who made a request ("by", "from", "of").
    REQUEST_OWNER_PREPOSITIONS = "request-owner-prepositions.txt";
    /// Conjunctions of a threat's condition, whose subject is the threat's target ("if").
    THREAT_CONDITIONS = "threat-conditions.txt";
    /// Military vehicles and platforms that, heading an act of force's subject, stand for the
    /// armed force using them ("F-16s blasted").
    HARDWARE_NOUNS = "hardware-nouns.txt";
    /// Explosive devices that, heading an act of force's subject with no country, name an
    /// attacker the text does not name ("a car bomb exploded").
    EXPLOSIVE_NOUNS = "explosive-nouns.txt";
    /// Nouns that name an explosive device only after an explosive word ("explosive device").
    EXPLOSIVE_COMPOUND_HEADS = "explosive-compound-heads.txt";
    /// Verb patterns that name an act only with an explosive-device subject ("a bomb exploded").
    EXPLOSION_PATTERNS = "explosion-patterns.txt";
    /// Nouns that are military aircraft only after a model designation ("B-52 bombers").
    DESIGNATED_HARDWARE_NOUNS = "designated-hardware-nouns.txt";
    /// Locative prepositions that introduce the target of an act of force ("at soldiers").
    FORCE_TARGET_PREPOSITIONS = "force-target-prepositions.txt";
    /// Locative prepositions whose actor is the target of a bombing ("outside the embassy").
    BOMBING_TARGET_PREPOSITIONS = "bombing-target-prepositions.txt";
    /// Verbs whose agentless passive is the police's act ("he was arrested").
    POLICE_PASSIVE_VERBS = "police-passive-verbs.txt";
    /// Verbs whose agentless passive is the judiciary's act ("he is charged with").
    JUDICIAL_PASSIVE_VERBS = "judicial-passive-verbs.txt";
    /// Prepositions before the place of an agentless arrest or charge whose country's police
    /// or judiciary did it ("arrested in India").
    AUTHORITY_PLACE_PREPOSITIONS = "authority-place-prepositions.txt";
    /// Prepositions before the country a crime was done against, whose police or judiciary
    /// pursue it ("charged with waging war against India").
    AUTHORITY_WRONGED_PREPOSITIONS = "authority-wronged-prepositions.txt";
    /// Prepositions after a `by` phrase without actor that name its owner ("fire from a tank").
    PASSIVE_AGENT_PREPOSITIONS = "passive-agent-prepositions.txt";
    /// CAMEO code prefixes whose events target their place's country, with the place's role.
    PLACE_TARGET_CODES = "place-target-codes.txt";
    /// CAMEO code prefixes whose targetless events are aimed at the source's own country, with
    /// the agent the target takes ("14 GOV": protests press the home government).
    HOME_TARGET_CODES = "home-target-codes.txt";
    /// CAMEO code prefixes of replies, each with the code prefixes of the acts it answers.
    REPLY_CODES = "reply-codes.txt";
    /// Nouns naming an earlier act, each with the code prefixes of the acts it names.
    APPRAISED_NOUNS = "appraised-nouns.txt";
    /// Code prefixes of appraisals whose object may name an earlier act by its noun.
    APPRAISAL_CODES = "appraisal-codes.txt";
    /// Prepositions of a nominal event whose joined actors act on each other ("between").
    RECIPROCAL_PREPOSITIONS = "reciprocal-prepositions.txt";
    /// Quantity words before "of" ("thousands of").
    QUANTITY_NOUNS = "quantity-nouns.txt";
    /// Agents of people and bodies named by a common noun ("residents", "banks").
    COMMON_NOUN_AGENTS = "common-noun-agents.txt";
    /// Agents of state bodies and the opposition, whose countryless role noun after the
    /// sentence's only country actor is that country's ("government troops").
    STATE_SIDE_AGENTS = "state-side-agents.txt";
    /// Codes a common-noun actor makes events of without a target ("residents protested").
    COMMON_NOUN_TARGETLESS_CODES = "common-noun-targetless-codes.txt";
    /// Code prefixes of acts done with a preposition and no passive ("marched in", "rallied
    /// outside"): their participle right after the subject is a misread past tense.
    DONE_ACT_CODES = "done-act-codes.txt";
    /// Verbs that name a work stoppage when used without an object ("dock workers struck").
    WORK_STOPPAGE_VERBS = "work-stoppage-verbs.txt";
    /// Agents whose targetless work-stoppage verb is a strike ("workers", "teachers").
    WORK_STOPPAGE_AGENTS = "work-stoppage-agents.txt";
    /// Agents whose standalone role noun may follow the capitalized name of a locality
    /// ("Illawarra police").
    LOCAL_AGENTS = "local-agents.txt";
    /// Nouns of a member or part of a body that take its code before "of/for/at" + the body
    /// ("a spokesman for the army").
    RELATION_NOUNS = "relation-nouns.txt";
    /// Prepositions between a member noun and its body ("of", "for", "at").
    ORGANISATION_PREPOSITIONS = "organisation-prepositions.txt";
    /// Agents of organisations named by a proper name ending in a class word ("Kenya Airways").
    ORGANISATION_AGENTS = "organisation-agents.txt";
    /// Words that make an official's title that of a former official ("former", "ex-").
    FORMER_WORDS = "former-words.txt";
    /// Agents of offices whose former holders are elites (`ELI`).
    FORMER_AGENTS = "former-agents.txt";
    /// Agents of state offices and bodies, whose generic uses code nothing ("any government").
    OFFICE_AGENTS = "office-agents.txt";
    /// Determiners that make an office noun generic ("any", "every", "no").
    GENERIC_DETERMINERS = "generic-determiners.txt";
    /// Adjectives between "the" and an office noun that do not own it ("the Federal
    /// Government").
    OFFICE_MODIFIERS = "office-modifiers.txt";
    /// Agents besides the offices' that an office modifier may precede without owning them
    /// ("the Federal Opposition").
    MODIFIED_AGENTS = "modified-agents.txt";
    /// Agents of officials whose titles before an unknown name make that person an actor
    /// ("Information Minister Julius Spencer").
    OFFICIAL_TITLE_AGENTS = "official-title-agents.txt";
    /// Agents of sectors whose titles before an unknown name make that person an actor, unless
    /// the title is an honorific ("union official Jane Doe", not "Mullah Mohammad Omar").
    SECTOR_TITLE_AGENTS = "sector-title-agents.txt";
    /// Endings of an age word before a person's name ("Twenty-eight-year-old").
    AGE_SUFFIXES = "age-suffixes.txt";
    /// Words between a locative word and a place that keep it a location ("in eastern Congo").
    AREA_ADJECTIVES = "area-adjectives.txt";
    /// Prepositions after a standalone role noun before the place its people are in
    /// ("Police in Lagos", "Pirates off ...").
    ROLE_PLACE_PREPOSITIONS = "role-place-prepositions.txt";
    /// Nouns of a part of a place before "of" ("off the coast of Nigeria").
    ROLE_PLACE_AREA_NOUNS = "role-place-area-nouns.txt";
    /// Class words of bodies of members, coded by their members' trade ("Farmers
    /// Association").
    MEMBER_BODY_NOUNS = "member-body-nouns.txt";
    /// Agents of trades whose bodies of members take the trade's agent.
    TRADE_BODY_AGENTS = "trade-body-agents.txt";
    /// Adjectives and short forms of first-level divisions, `ADJECTIVE:DIVISION`
    /// ("victorian:victoria", "nsw:new_south_wales").
    REGION_ADJECTIVES = "region-adjectives.txt";
    /// Titles before a surname ("Mr Howard", "General Musharraf").
    HONORIFICS = "honorifics.txt";
    /// Verbs that give their subject the office after them ("was elected Prime Minister").
    ROLE_LINK_VERBS = "role-link-verbs.txt";
    /// Capitalized words after a name that are not part of it (days, months).
    CALENDAR_WORDS = "calendar-words.txt";
    /// Words that negate a verb group ("not").
    NEGATORS = "negators.txt";
    /// Words that negate an object ("no proposals").
    NEGATIVE_DETERMINERS = "negative-determiners.txt";
    /// Words that open a place or time adjunct a pattern steps over ("in", "on", "last").
    ADJUNCT_PREPOSITIONS = "adjunct-prepositions.txt";
    /// Pattern prepositions that may follow such an adjunct ("met in Geneva *with*").
    ADJUNCT_SKIPPING_PREPOSITIONS = "adjunct-skipping-prepositions.txt";
    /// Time nouns that end a time adjunct ("last *week*").
    ADJUNCT_TIME_NOUNS = "adjunct-time-nouns.txt";
    /// Attack nouns whose modifier is the doer of a passive harm ("in a Hamas *ambush*").
    ATTACK_NOUNS = "attack-nouns.txt";
    /// Prepositions opening such an attack-noun phrase ("wounded *in* a Hamas ambush").
    ATTACK_NOUN_PREPOSITIONS = "attack-noun-prepositions.txt";
    /// Nouns that name an earlier act of force after "the" ("killed in *the strikes*").
    FORCE_REFERENCE_NOUNS = "force-reference-nouns.txt";
    /// Verbs that name an attack by themselves ("was *shot* dead", "was *kidnapped*").
    ATTACK_VERBS = "attack-verbs.txt";
    /// Nouns of attacks and their weapons that head an act's subject ("a car *bomb* killed").
    ATTACK_SUBJECT_NOUNS = "attack-subject-nouns.txt";
    /// Quantifiers that float between "be" and its participle ("were *each* given").
    FLOATING_QUANTIFIERS = "floating-quantifiers.txt";
    /// Punctuation a pattern gap never crosses.
    PATTERN_STOP_PUNCTUATION = "pattern-stop-punctuation.txt";
    /// First-person pronouns in a quotation ("we").
    FIRST_PERSON_PRONOUNS = "first-person-pronouns.txt";
    /// The means of a violent act and the code it gives the act ("1831 suicide bomber").
    ATTACK_METHOD_CODES = "attack-method-codes.txt";
    /// Prepositions that introduce the means of a violent act after its verb ("with").
    ATTACK_METHOD_PREPOSITIONS = "attack-method-prepositions.txt";
    /// Verbs of harm whose object or passive subject is an attack's victim ("killing 14 people").
    VICTIM_VERBS = "victim-verbs.txt";
    /// Intransitive verbs whose subject is an attack's victim ("the children died when").
    DEATH_VERBS = "death-verbs.txt";
    /// Conjunctions of a clause whose attack harmed the victims of the clause it hangs from.
    VICTIM_CONJUNCTIONS = "victim-conjunctions.txt";
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_list_parses_without_duplicates_or_empty_entries() {
        for (file, list) in all_lists() {
            let words = list.words();
            assert!(!words.is_empty(), "{file}: no entries");
            let mut seen = HashSet::new();
            for w in words {
                assert!(!w.is_empty(), "{file}: empty entry");
                assert!(seen.insert(*w), "{file}: duplicate entry '{w}'");
            }
        }
    }

    #[test]
    fn the_filter_lets_every_entry_through() {
        for (file, list) in all_lists() {
            for w in list.words() {
                assert!(list.contains(w), "{file}: '{w}' not found");
            }
        }
        // (list, a word it lacks that passes or fails the filter)
        let absent = [
            (&NEGATORS, "nor"),
            (&NEGATORS, ""),
            (&HONORIFICS, "Mr"),
            (&CALENDAR_WORDS, "Zmonday"),
            (
                &FUTURE_MODALS,
                "a-very-long-word-that-is-longer-than-sixty-four-bytes-in-all-of-it",
            ),
        ];
        for (list, w) in absent {
            assert!(!list.contains(w), "'{w}' found");
        }
    }

    #[test]
    fn a_prefix_test_agrees_with_comparing_every_entry() {
        let long = WordList::new(
            "a-list-entry-that-is-longer-than-sixty-three-bytes-so-lengths-cannot-say\nab\n",
        );
        let all = all_lists();
        let lists = all.iter().map(|(_, l)| *l).chain([&long]);
        let probes = [
            "", "0", "03", "036", "0412", "19x", "é9", "ab", "abc", "with", "z",
        ];
        for list in lists {
            for s in probes.iter().copied().chain(list.words().iter().copied()) {
                let scan = list.words().iter().any(|e| s.starts_with(e));
                assert_eq!(list.has_prefix_of(s), scan, "{s:?}");
            }
        }
        assert!(RECIPROCAL_ROOTS.has_prefix_of("0412") && !RECIPROCAL_ROOTS.has_prefix_of("111"));
    }

    #[test]
    fn every_file_in_the_grammar_folder_is_a_list_and_parses() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../dictionaries/grammar");
        let known: HashSet<&str> = all_lists().iter().map(|(file, _)| *file).collect();
        let mut files = 0;
        for entry in std::fs::read_dir(dir).expect("dictionaries/grammar exists") {
            let path = entry.expect("readable entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let text = std::fs::read_to_string(&path).expect("a UTF-8 list");
            let words = parse(&text);
            assert!(!words.is_empty(), "{name}: no entries");
            let unique: HashSet<&str> = words.iter().copied().collect();
            assert_eq!(unique.len(), words.len(), "{name}: duplicate entries");
            // The event-place lists belong to resolve::locate, which embeds them itself.
            assert!(
                known.contains(name) || name.starts_with("event-place-"),
                "{name} is not embedded by any module"
            );
            files += 1;
        }
        assert!(files >= known.len(), "grammar files are missing");
    }

    #[test]
    fn comments_and_blank_lines_are_not_entries() {
        assert_eq!(parse("# about\n\n a \n#b\nc d\n"), vec!["a", "c d"]);
    }
}
