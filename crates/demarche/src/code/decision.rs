//! The coder's decisions as types: how the source and target of an event were found, the rules
//! that shaped it, and its CAMEO event code. Each prints as the string written to the output
//! (`rules`, `cameo`) and shown by `demarche explain`.

use super::complement::Stance;
use compact_str::CompactString;
use std::fmt;

/// How an event's source was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SourceRule {
    /// The clause's subject.
    Subject,
    /// The `by` agent of a passive verb.
    PassiveAgent,
    /// The actor right before a gerund ("despite Kim saying").
    GerundSubject,
    /// The actor after an inverted speech verb (", said the ministry").
    InvertedSubject,
    /// The subject of the clause this clause hangs from.
    InheritedSubject,
    /// The noun a relative clause modifies.
    RelativeAntecedent,
    /// The possessor or agent of a nominal event ("North Korea's nuclear test").
    Possessor,
    /// The subject of the clause holding a nominal event.
    ClauseSubject,
    /// The joined actors of a mutual nominal event ("talks between A and B").
    MutualPartners,
    /// The subject of the verb announcing or ordering a nominal event ("announced the
    /// deployment of").
    Announcer,
    /// The subject of the light verb whose object is a nominal event ("launched an attack on",
    /// "lodged a complaint against").
    LightVerb,
    /// The police or judiciary of the context country behind an agentless passive ("he was
    /// arrested").
    ImpliedAuthority,
    /// The force put in a posture by an agentless passive ("troops were deployed").
    PostureSubject,
    /// The source of the earlier act of force an agentless passive's "in the strikes" names.
    AttackReference,
    /// The unknown actor (`---`) behind an agentless attack ("were wounded in an ambush").
    UnknownAttacker,
    /// The one using the weapon a relative clause hangs from ("called in fire which killed").
    InstrumentUser,
    /// The armed force a vehicle or weapon heading the subject stands for ("US aircraft
    /// bombarded", "F-16s blasted").
    Hardware,
    /// The `by` agent of the act a subject noun names ("an attack by Hamas killed").
    EventAgent,
    /// The speaker who reports an investigation under way ("says investigations are
    /// continuing").
    Speaker,
}

impl SourceRule {
    /// The name written to the output.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            SourceRule::Subject => "subject",
            SourceRule::PassiveAgent => "passive-agent",
            SourceRule::GerundSubject => "gerund-subject",
            SourceRule::InvertedSubject => "inverted-subject",
            SourceRule::InheritedSubject => "inherited-subject",
            SourceRule::RelativeAntecedent => "relative-antecedent",
            SourceRule::Possessor => "possessor",
            SourceRule::ClauseSubject => "clause-subject",
            SourceRule::MutualPartners => "mutual-partners",
            SourceRule::Announcer => "announcer",
            SourceRule::LightVerb => "light-verb",
            SourceRule::ImpliedAuthority => "implied-authority",
            SourceRule::PostureSubject => "posture-subject",
            SourceRule::AttackReference => "attack-reference",
            SourceRule::UnknownAttacker => "unknown-attacker",
            SourceRule::InstrumentUser => "instrument-user",
            SourceRule::Hardware => "hardware",
            SourceRule::EventAgent => "event-agent",
            SourceRule::Speaker => "reporting-speaker",
        }
    }

    /// Whether the rule is worth listing on the event (plain subjects and passive agents are
    /// implied by the absence of a rule and by `passive`).
    pub(crate) fn is_listed(self) -> bool {
        !matches!(self, SourceRule::Subject | SourceRule::PassiveAgent)
    }
}

/// How an event's target was found, when it is not the first actor after the verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TargetRule {
    /// The subject of a passive verb.
    PassiveSubject,
    /// The subject of the complement clause ("insisted North Korea must ...").
    ComplementSubject,
    /// The subject of a threat's condition ("threatened sanctions if Russia invaded ...").
    Condition,
    /// The victims of a participle after an act of force ("blasted vehicles, killing 14 people").
    ParticipleVictims,
    /// The victims of the clause a "when" attack hangs from ("10 people were killed when ...").
    ClauseVictims,
    /// The people a harm participle says the act hit ("Palestinians killed in an air strike").
    ReducedRelativeVictims,
    /// The owner of the building a protest is held at ("a rally outside the US embassy").
    ProtestSite,
}

impl TargetRule {
    /// The name written to the output.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            TargetRule::PassiveSubject => "passive-subject",
            TargetRule::ComplementSubject => "complement-subject",
            TargetRule::Condition => "condition-subject",
            TargetRule::ParticipleVictims => "participle-victims",
            TargetRule::ClauseVictims => "clause-victims",
            TargetRule::ReducedRelativeVictims => "reduced-relative-victims",
            TargetRule::ProtestSite => "protest-site",
        }
    }
}

/// A rule that shaped an event, listed in its `rules`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rule {
    /// The pattern's head is a noun.
    NominalEvent,
    /// The pattern codes the negated act ("did not meet").
    NegatedPattern,
    /// The verb is passive: source and target swap.
    Passive,
    /// The source was found by this rule.
    Source(SourceRule),
    /// The target was found by this rule.
    Target(TargetRule),
    /// Several sources ("South Korea and Japan").
    CompoundSource,
    /// Several targets.
    CompoundTarget,
    /// A participant is a resolved pronoun or description.
    Coreference,
    /// A participant is a name learned earlier in the document.
    LearnedName,
    /// A participant is a role noun with the document's context country.
    ContextCountry,
    /// A participant is a role noun with the country the whole document names most often (no
    /// earlier sentence named one).
    DocumentCountry,
    /// A participant is a role noun with the record's or run's home country (`--country`).
    HomeCountry,
    /// A participant is a place before an agent noun: a city or a first-level division
    /// ("Lagos police", "Queensland Premier", "Victorian police").
    PlaceAgent,
    /// A participant is a role noun with the country of the place right after it ("Police in
    /// Lagos", "Pirates off the coast of Nigeria").
    RolePlace,
    /// "will meet", "will lift": an announced act coded as its intent (03x) or threat (13x).
    FutureIntent,
    /// "would not withdraw", "will never negotiate": a negated announced act, coded as its
    /// refusal (12x).
    NegatedIntent,
    /// An act under an intention, threat, appeal or demand, coded as such ("pledged to free").
    Governed(Stance),
    /// A speaker's report that another actor did a conflictual act: an accusation (112).
    Accusation,
    /// An act only supposed, alleged or expected ("is believed to have attacked"): kept only
    /// for the speaker's accusation (112), then dropped.
    Supposed,
    /// A work-stoppage verb without an object, done by workers or another civilian sector
    /// ("dock workers struck"): 143, not the force of "jets struck the base".
    WorkStoppage,
    /// The date comes from a temporal expression in the text.
    EventDate,
    /// The statement keeps its quotation.
    Quotation,
    /// A mutual act of joined actors: each is the other's target ("A and B signed").
    Reciprocal,
    /// The target is the country of the place the event happened at or went to.
    PlaceTarget,
    /// The implied police or judiciary is that of the place the act happened at ("was arrested
    /// in India": `INDCOP`).
    AuthorityPlace,
    /// A protest coded with the purpose stated with it (14x1–14x4).
    ProtestPurpose,
    /// A generic appeal, intention, demand, refusal or protest coded by the thing it is about.
    Topic,
    /// A violent act coded by its means ("a suicide bomber killed": 1831).
    AttackMeans,
    /// A statement made in a telephone conversation or call, coded as the call (041).
    Telephone,
    /// A bombing by a state's forces, government or alliance coded as aerial weapons (195).
    MilitaryBombing,
    /// Armed forces' arrival coded as their deployment (154), not a visit.
    ForceDeployment,
    /// The target is the source's own country: a protest's government, repression's people.
    HomeTarget,
    /// The target is the actor of the earlier act this one answers ("denied the charge").
    Reply,
    /// The target of an appraisal is the source of the earlier act its object noun names.
    Appraised,
    /// A statement coded as the obligation it lays on another actor ("says Y has to act"): 100.
    ReportedDemand,
    /// A statement coded as its judgement of another actor ("says Y is to blame"): 111, 112.
    ReportedJudgement,
    /// A statement coded as the disavowal it states ("said it had nothing to do with"): 016.
    ReportedDenial,
    /// An appraisal's target is the possessor of what it appraises ("at the workers' actions").
    AppraisedPossessor,
    /// A speech pattern read by what follows it ("warned that" a state of affairs: 012;
    /// "insists that Y is": 010).
    RereadSpeech,
}

impl From<Rule> for crate::model::SharedStr {
    /// The rule's output name, as a static shared string (no allocation).
    fn from(rule: Rule) -> crate::model::SharedStr {
        crate::model::SharedStr::from_static(rule.as_str())
    }
}

impl Rule {
    /// The name written to the output.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Rule::NominalEvent => "nominal-event",
            Rule::NegatedPattern => "negated-pattern",
            Rule::Passive => "passive",
            Rule::Source(s) => s.as_str(),
            Rule::Target(t) => t.as_str(),
            Rule::CompoundSource => "compound-source",
            Rule::CompoundTarget => "compound-target",
            Rule::Coreference => "coreference",
            Rule::LearnedName => "learned-name",
            Rule::ContextCountry => "context-country",
            Rule::DocumentCountry => "document-country",
            Rule::HomeCountry => "home-country",
            Rule::PlaceAgent => "place-agent",
            Rule::RolePlace => "role-place",
            Rule::FutureIntent => "future-intent",
            Rule::NegatedIntent => "negated-intent",
            Rule::Governed(Stance::Intent) => "intent",
            Rule::Governed(Stance::Threat) => "threat",
            Rule::Governed(Stance::Appeal) => "appeal",
            Rule::Governed(Stance::Demand) => "demand",
            Rule::Governed(Stance::Reject) => "reject",
            Rule::Accusation => "accusation",
            Rule::Supposed => "supposed",
            Rule::WorkStoppage => "work-stoppage",
            Rule::EventDate => "event-date",
            Rule::Quotation => "quotation",
            Rule::Reciprocal => "reciprocal",
            Rule::PlaceTarget => "place-target",
            Rule::AuthorityPlace => "authority-place",
            Rule::ProtestPurpose => "protest-purpose",
            Rule::Topic => "topic",
            Rule::AttackMeans => "attack-means",
            Rule::Telephone => "telephone",
            Rule::MilitaryBombing => "military-bombing",
            Rule::ForceDeployment => "force-deployment",
            Rule::HomeTarget => "home-target",
            Rule::Reply => "reply",
            Rule::Appraised => "appraised",
            Rule::ReportedDemand => "reported-demand",
            Rule::ReportedJudgement => "reported-judgement",
            Rule::ReportedDenial => "reported-denial",
            Rule::AppraisedPossessor => "appraised-possessor",
            Rule::RereadSpeech => "reread-speech",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A CAMEO event code ("042", "1121") as it flows through the coder, held inline (no
/// allocation: every code fits).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct CameoCode(CompactString);

impl CameoCode {
    /// "Express intent to meet or negotiate".
    const INTENT_TO_MEET: &'static str = "036";

    /// A code as a dictionary pattern writes it.
    pub(crate) fn new(code: &str) -> CameoCode {
        CameoCode(CompactString::from(code))
    }

    /// The intent to meet (036) that an announced consult ("will meet") becomes.
    pub(crate) fn intent_to_meet() -> CameoCode {
        CameoCode::new(Self::INTENT_TO_MEET)
    }

    /// A public statement (01x): it keeps its quotation and has no complement target.
    pub(crate) fn is_statement(&self) -> bool {
        self.0.starts_with("01")
    }

    /// A threat (13x).
    pub(crate) fn is_threat(&self) -> bool {
        self.0.starts_with("13")
    }

    /// Coercion, assault, fighting or mass violence (17x–20x): an act done *to* someone.
    pub(crate) fn is_coercive(&self) -> bool {
        matches!(self.0.get(..2), Some("17" | "18" | "19" | "20"))
    }

    /// An act that can be aimed "at" its target: coercion and force (17x–20x) and violent
    /// protest (145: "threw stones at police").
    pub(crate) fn is_aimed(&self) -> bool {
        self.is_coercive() || self.0.starts_with("145")
    }

    /// Assault, fighting or mass violence (18x–20x): an act of force, with victims.
    pub(crate) fn is_force(&self) -> bool {
        matches!(self.0.get(..2), Some("18" | "19" | "20"))
    }

    /// A consult (04x).
    pub(crate) fn is_consult(&self) -> bool {
        self.0.starts_with("04")
    }

    /// The code as written to the output.
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CameoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_print_as_the_output_names() {
        let cases = [
            (Rule::NominalEvent, "nominal-event"),
            (Rule::NegatedPattern, "negated-pattern"),
            (Rule::Passive, "passive"),
            (Rule::Source(SourceRule::GerundSubject), "gerund-subject"),
            (
                Rule::Source(SourceRule::InvertedSubject),
                "inverted-subject",
            ),
            (
                Rule::Source(SourceRule::InheritedSubject),
                "inherited-subject",
            ),
            (
                Rule::Source(SourceRule::RelativeAntecedent),
                "relative-antecedent",
            ),
            (Rule::Source(SourceRule::Possessor), "possessor"),
            (Rule::Source(SourceRule::ClauseSubject), "clause-subject"),
            (Rule::Source(SourceRule::Hardware), "hardware"),
            (Rule::Source(SourceRule::EventAgent), "event-agent"),
            (Rule::Target(TargetRule::PassiveSubject), "passive-subject"),
            (
                Rule::Target(TargetRule::ComplementSubject),
                "complement-subject",
            ),
            (Rule::Target(TargetRule::Condition), "condition-subject"),
            (
                Rule::Target(TargetRule::ParticipleVictims),
                "participle-victims",
            ),
            (Rule::Target(TargetRule::ClauseVictims), "clause-victims"),
            (
                Rule::Target(TargetRule::ReducedRelativeVictims),
                "reduced-relative-victims",
            ),
            (Rule::CompoundSource, "compound-source"),
            (Rule::CompoundTarget, "compound-target"),
            (Rule::Coreference, "coreference"),
            (Rule::LearnedName, "learned-name"),
            (Rule::ContextCountry, "context-country"),
            (Rule::DocumentCountry, "document-country"),
            (Rule::HomeCountry, "home-country"),
            (Rule::FutureIntent, "future-intent"),
            (Rule::NegatedIntent, "negated-intent"),
            (Rule::Governed(Stance::Intent), "intent"),
            (Rule::Governed(Stance::Threat), "threat"),
            (Rule::Governed(Stance::Appeal), "appeal"),
            (Rule::Governed(Stance::Demand), "demand"),
            (Rule::Governed(Stance::Reject), "reject"),
            (Rule::Accusation, "accusation"),
            (Rule::Supposed, "supposed"),
            (Rule::EventDate, "event-date"),
            (Rule::Quotation, "quotation"),
            (Rule::ReportedDemand, "reported-demand"),
            (Rule::ReportedJudgement, "reported-judgement"),
            (Rule::ReportedDenial, "reported-denial"),
            (Rule::AppraisedPossessor, "appraised-possessor"),
            (Rule::RereadSpeech, "reread-speech"),
        ];
        for (rule, name) in cases {
            assert_eq!(rule.to_string(), name);
        }
    }

    #[test]
    fn plain_subjects_and_passive_agents_are_not_listed() {
        assert!(!SourceRule::Subject.is_listed());
        assert!(!SourceRule::PassiveAgent.is_listed());
        assert!(SourceRule::Possessor.is_listed());
    }

    #[test]
    fn cameo_classes() {
        assert!(CameoCode::new("010").is_statement());
        assert!(!CameoCode::new("101").is_statement());
        assert!(CameoCode::new("042").is_consult());
        assert_eq!(CameoCode::intent_to_meet().as_str(), "036");
    }
}
