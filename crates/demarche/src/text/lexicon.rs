//! The tagger's lexicon: closed-class words, common verbs and adverbs, and the verb-form table.
//!
//! Open-class words outside the lexicon are tagged by suffix and context (see `tag`). The verb
//! table grows with the verb dictionary: every head verb there is a known verb here.

use super::inflect::verb_forms;
use super::tag::Tag;
use super::vocabulary::Vocabulary;
use super::wordlist::word_list;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize, Serializer};

/// Closed-class words and their tags.
const CLOSED: &[(&str, Tag)] = &[
    ("the", Tag::DT),
    ("a", Tag::DT),
    ("an", Tag::DT),
    ("this", Tag::DT),
    ("these", Tag::DT),
    ("those", Tag::DT),
    ("each", Tag::DT),
    ("every", Tag::DT),
    ("some", Tag::DT),
    ("any", Tag::DT),
    ("no", Tag::DT),
    ("all", Tag::DT),
    ("both", Tag::DT),
    ("either", Tag::DT),
    ("neither", Tag::DT),
    ("another", Tag::DT),
    ("several", Tag::JJ),
    ("many", Tag::JJ),
    ("much", Tag::JJ),
    ("few", Tag::JJ),
    ("more", Tag::JJR),
    ("most", Tag::JJS),
    ("other", Tag::JJ),
    ("such", Tag::JJ),
    ("same", Tag::JJ),
    ("own", Tag::JJ),
    ("first", Tag::JJ),
    ("last", Tag::JJ),
    ("next", Tag::JJ),
    ("that", Tag::IN),
    ("which", Tag::WDT),
    ("who", Tag::WP),
    ("whom", Tag::WP),
    ("whose", Tag::WPS),
    ("what", Tag::WP),
    ("where", Tag::WRB),
    ("when", Tag::WRB),
    ("why", Tag::WRB),
    ("how", Tag::WRB),
    ("of", Tag::IN),
    ("in", Tag::IN),
    ("on", Tag::IN),
    ("at", Tag::IN),
    ("by", Tag::IN),
    ("for", Tag::IN),
    ("with", Tag::IN),
    ("from", Tag::IN),
    ("into", Tag::IN),
    ("onto", Tag::IN),
    ("about", Tag::IN),
    ("against", Tag::IN),
    ("between", Tag::IN),
    ("among", Tag::IN),
    ("through", Tag::IN),
    ("during", Tag::IN),
    ("before", Tag::IN),
    ("after", Tag::IN),
    ("since", Tag::IN),
    ("until", Tag::IN),
    ("till", Tag::IN),
    ("over", Tag::IN),
    ("under", Tag::IN),
    ("above", Tag::IN),
    ("below", Tag::IN),
    ("across", Tag::IN),
    ("toward", Tag::IN),
    ("towards", Tag::IN),
    ("without", Tag::IN),
    ("within", Tag::IN),
    ("despite", Tag::IN),
    ("amid", Tag::IN),
    ("amidst", Tag::IN),
    ("upon", Tag::IN),
    ("via", Tag::IN),
    ("per", Tag::IN),
    ("near", Tag::IN),
    ("around", Tag::IN),
    ("behind", Tag::IN),
    ("beyond", Tag::IN),
    ("along", Tag::IN),
    ("inside", Tag::IN),
    ("outside", Tag::IN),
    ("throughout", Tag::IN),
    ("because", Tag::IN),
    ("although", Tag::IN),
    ("though", Tag::IN),
    ("while", Tag::IN),
    ("whereas", Tag::IN),
    ("unless", Tag::IN),
    ("if", Tag::IN),
    ("whether", Tag::IN),
    ("as", Tag::IN),
    ("than", Tag::IN),
    ("like", Tag::IN),
    ("unlike", Tag::IN),
    ("including", Tag::IN),
    ("regarding", Tag::IN),
    ("concerning", Tag::IN),
    ("following", Tag::IN),
    ("to", Tag::TO),
    ("and", Tag::CC),
    ("or", Tag::CC),
    ("but", Tag::CC),
    ("nor", Tag::CC),
    ("yet", Tag::CC),
    ("i", Tag::PRP),
    ("you", Tag::PRP),
    ("he", Tag::PRP),
    ("she", Tag::PRP),
    ("it", Tag::PRP),
    ("we", Tag::PRP),
    ("they", Tag::PRP),
    ("me", Tag::PRP),
    ("him", Tag::PRP),
    ("us", Tag::PRP),
    ("them", Tag::PRP),
    ("himself", Tag::PRP),
    ("herself", Tag::PRP),
    ("itself", Tag::PRP),
    ("themselves", Tag::PRP),
    ("ourselves", Tag::PRP),
    ("my", Tag::PRPS),
    ("your", Tag::PRPS),
    ("his", Tag::PRPS),
    ("her", Tag::PRPS),
    ("its", Tag::PRPS),
    ("our", Tag::PRPS),
    ("their", Tag::PRPS),
    ("will", Tag::MD),
    ("would", Tag::MD),
    ("can", Tag::MD),
    ("could", Tag::MD),
    ("may", Tag::MD),
    ("might", Tag::MD),
    ("must", Tag::MD),
    ("shall", Tag::MD),
    ("should", Tag::MD),
    ("'ll", Tag::MD),
    ("'d", Tag::MD),
    ("ought", Tag::MD),
    ("not", Tag::RB),
    ("n't", Tag::RB),
    ("never", Tag::RB),
    ("also", Tag::RB),
    ("very", Tag::RB),
    ("now", Tag::RB),
    ("then", Tag::RB),
    ("still", Tag::RB),
    ("already", Tag::RB),
    ("soon", Tag::RB),
    ("again", Tag::RB),
    ("here", Tag::RB),
    ("there", Tag::EX),
    ("just", Tag::RB),
    ("only", Tag::RB),
    ("even", Tag::RB),
    ("too", Tag::RB),
    ("so", Tag::RB),
    ("well", Tag::RB),
    ("however", Tag::RB),
    ("nevertheless", Tag::RB),
    ("meanwhile", Tag::RB),
    ("instead", Tag::RB),
    ("later", Tag::RB),
    ("earlier", Tag::RB),
    ("ago", Tag::RB),
    ("back", Tag::RB),
    ("away", Tag::RB),
    ("ever", Tag::RB),
    ("once", Tag::RB),
    ("twice", Tag::RB),
    ("often", Tag::RB),
    ("almost", Tag::RB),
    ("quite", Tag::RB),
    ("rather", Tag::RB),
    ("perhaps", Tag::RB),
    ("together", Tag::RB),
    ("yesterday", Tag::NN),
    ("today", Tag::NN),
    ("tomorrow", Tag::NN),
    ("tonight", Tag::NN),
    ("'s", Tag::POS),
    ("'", Tag::POS),
    ("'re", Tag::VBP),
    ("'ve", Tag::VBP),
    ("'m", Tag::VBP),
    ("one", Tag::CD),
    ("two", Tag::CD),
    ("three", Tag::CD),
    ("four", Tag::CD),
    ("five", Tag::CD),
    ("six", Tag::CD),
    ("seven", Tag::CD),
    ("eight", Tag::CD),
    ("nine", Tag::CD),
    ("ten", Tag::CD),
    ("hundred", Tag::CD),
    ("thousand", Tag::CD),
    ("million", Tag::CD),
    ("billion", Tag::CD),
    ("dozen", Tag::CD),
    ("dozens", Tag::NNS),
    ("january", Tag::NNP),
    ("february", Tag::NNP),
    ("march", Tag::NNP),
    ("april", Tag::NNP),
    ("june", Tag::NNP),
    ("july", Tag::NNP),
    ("august", Tag::NNP),
    ("september", Tag::NNP),
    ("october", Tag::NNP),
    ("november", Tag::NNP),
    ("december", Tag::NNP),
    ("monday", Tag::NNP),
    ("tuesday", Tag::NNP),
    ("wednesday", Tag::NNP),
    ("thursday", Tag::NNP),
    ("friday", Tag::NNP),
    ("saturday", Tag::NNP),
    ("sunday", Tag::NNP),
    ("week", Tag::NN),
    ("month", Tag::NN),
    ("year", Tag::NN),
    ("up", Tag::RP),
    ("down", Tag::RP),
    ("out", Tag::RP),
    ("off", Tag::RP),
    ("full", Tag::JJ),
    ("new", Tag::JJ),
    ("old", Tag::JJ),
    ("main", Tag::JJ),
    ("major", Tag::JJ),
    ("key", Tag::JJ),
    ("top", Tag::JJ),
    ("senior", Tag::JJ),
    ("former", Tag::JJ),
    ("latest", Tag::JJS),
    ("recent", Tag::JJ),
    ("current", Tag::JJ),
    ("strong", Tag::JJ),
    ("large", Tag::JJ),
    ("small", Tag::JJ),
    ("high", Tag::JJ),
    ("low", Tag::JJ),
    ("big", Tag::JJ),
    ("early", Tag::JJ),
    ("further", Tag::JJ),
    ("possible", Tag::JJ),
    ("important", Tag::JJ),
    ("international", Tag::JJ),
    ("national", Tag::JJ),
    ("foreign", Tag::JJ),
    ("political", Tag::JJ),
    ("economic", Tag::JJ),
    ("nuclear", Tag::JJ),
    ("heavy", Tag::JJ),
    ("separate", Tag::JJ),
    ("financial", Tag::JJ),
    ("tough", Tag::JJ),
    ("firm", Tag::JJ),
    ("urgent", Tag::JJ),
    ("good", Tag::JJ),
    ("bad", Tag::JJ),
    ("serious", Tag::JJ),
    ("joint", Tag::JJ),
    ("bilateral", Tag::JJ),
    ("diplomatic", Tag::JJ),
    ("fresh", Tag::JJ),
    ("isolated", Tag::JJ),
    ("intensive", Tag::JJ),
    ("closed-door", Tag::JJ),
    ("renewed", Tag::JJ),
];

word_list! {
    /// Verbs common in news that the verb dictionary may not list (base forms).
    static COMMON_VERBS = "text/common_verbs.txt";
}

/// How a word form relates to a verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum VerbFormKind {
    /// Base form ("meet").
    Base,
    /// Third person singular ("meets").
    Third,
    /// Past tense or past participle ("met", "imposed").
    Past,
    /// Past participle only ("taken").
    Participle,
    /// Past tense only ("took").
    PastOnly,
    /// Present participle ("meeting").
    Gerund,
}

/// A word form of a known verb.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerbForm {
    /// The verb's base form.
    pub lemma: std::sync::Arc<str>,
    /// Which form this is.
    pub kind: VerbFormKind,
}

/// The lexicon used by the tagger.
///
/// It serializes (for the dictionary snapshot `build.rs` writes) as its verb table, sorted so
/// the bytes do not depend on hash order; the closed-class table is built from `CLOSED`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Lexicon {
    #[serde(skip, default = "closed_words")]
    closed: HashMap<&'static str, Tag>,
    #[serde(serialize_with = "sorted_verbs")]
    verbs: HashMap<String, Vec<VerbForm>>,
    /// The dictionaries' words, whose ids the tagger gives each token ([`Vocabulary`]).
    words: Vocabulary,
    /// Tells this lexicon's contents from any other's (a fresh number on every change), so
    /// that the tagger's word cache knows when its entries no longer hold.
    #[serde(skip, default = "fresh_id")]
    id: u64,
}

/// A number no lexicon has had before in this process (the default lexicon's is 0).
fn fresh_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// The closed-class table.
fn closed_words() -> HashMap<&'static str, Tag> {
    CLOSED.iter().copied().collect()
}

/// The verb table as a map sorted by word form.
fn sorted_verbs<S: Serializer>(
    verbs: &HashMap<String, Vec<VerbForm>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut entries: Vec<_> = verbs.iter().collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
    serializer.collect_map(entries)
}

impl Lexicon {
    /// The built-in lexicon plus the extra verb base forms given.
    pub fn new<'a>(extra_verbs: impl IntoIterator<Item = &'a str>) -> Lexicon {
        let mut lex = Lexicon {
            closed: closed_words(),
            verbs: HashMap::default(),
            words: Vocabulary::default(),
            id: fresh_id(),
        };
        for v in COMMON_VERBS.iter().copied().chain(extra_verbs) {
            lex.add_verb(v);
        }
        lex
    }

    /// Adds a verb (base form) and all its forms.
    pub fn add_verb(&mut self, base: &str) {
        let base = base.to_ascii_lowercase();
        if base.is_empty()
            || base.contains(' ')
            || self
                .verbs
                .get(&base)
                .is_some_and(|f| f.iter().any(|f| *f.lemma == *base))
        {
            return;
        }
        self.id = fresh_id();
        let forms = verb_forms(&base);
        let lemma: std::sync::Arc<str> = base.as_str().into();
        let mut add = |word: &str, kind| {
            let entry = self.verbs.entry(word.to_string()).or_default();
            if !entry
                .iter()
                .any(|f: &VerbForm| *f.lemma == *lemma && f.kind == kind)
            {
                entry.push(VerbForm {
                    lemma: lemma.clone(),
                    kind,
                });
            }
        };
        add(&forms.base, VerbFormKind::Base);
        forms.third.iter().for_each(|w| add(w, VerbFormKind::Third));
        forms
            .gerund
            .iter()
            .for_each(|w| add(w, VerbFormKind::Gerund));
        for p in &forms.past {
            let kind = if forms.participle.contains(p) {
                VerbFormKind::Past
            } else {
                VerbFormKind::PastOnly
            };
            add(p, kind);
        }
        for p in forms.participle.iter().filter(|p| !forms.past.contains(p)) {
            add(p, VerbFormKind::Participle);
        }
    }

    /// This lexicon with the dictionaries' words `words`, whose ids tokens get.
    pub fn with_words(mut self, words: Vocabulary) -> Lexicon {
        self.words = words;
        self.id = fresh_id();
        self
    }

    /// The dictionaries' words.
    pub fn words(&self) -> &Vocabulary {
        &self.words
    }

    /// Tells this lexicon's contents apart: two lexicons with the same id are the same.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The closed-class tag of a lower-case word.
    pub fn closed(&self, lower: &str) -> Option<Tag> {
        self.closed.get(lower).copied()
    }

    /// The verb forms a lower-case word can be.
    pub fn verb(&self, lower: &str) -> &[VerbForm] {
        self.verbs.get(lower).map_or(&[], Vec::as_slice)
    }
}
