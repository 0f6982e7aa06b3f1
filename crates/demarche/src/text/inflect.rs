//! English inflection: the forms of a verb from its base form, and the base form of a noun.
//!
//! Verb forms are generated from rules plus a table of irregular verbs (prefixed forms such as
//! "withdraw" and "undergo" inherit their base verb's irregular forms). Where a rule is unsure
//! (doubling the final consonant of a longer verb) both spellings are generated: the wrong one
//! simply never occurs in text.

use super::wordlist::word_list;

/// The forms of one verb.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VerbForms {
    /// Base form ("meet").
    pub base: String,
    /// Third person singular ("meets").
    pub third: Vec<String>,
    /// Past tense ("met").
    pub past: Vec<String>,
    /// Past participle ("met").
    pub participle: Vec<String>,
    /// Present participle / gerund ("meeting").
    pub gerund: Vec<String>,
}

/// Irregular verbs: base, past forms, participle forms (`/` separates alternatives).
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("be", "was/were", "been"),
    ("have", "had", "had"),
    ("do", "did", "done"),
    ("go", "went", "gone"),
    ("say", "said", "said"),
    ("make", "made", "made"),
    ("take", "took", "taken"),
    ("come", "came", "come"),
    ("see", "saw", "seen"),
    ("know", "knew", "known"),
    ("get", "got", "got/gotten"),
    ("give", "gave", "given"),
    ("find", "found", "found"),
    ("think", "thought", "thought"),
    ("tell", "told", "told"),
    ("become", "became", "become"),
    ("leave", "left", "left"),
    ("feel", "felt", "felt"),
    ("bring", "brought", "brought"),
    ("begin", "began", "begun"),
    ("keep", "kept", "kept"),
    ("hold", "held", "held"),
    ("write", "wrote", "written"),
    ("stand", "stood", "stood"),
    ("hear", "heard", "heard"),
    ("let", "let", "let"),
    ("mean", "meant", "meant"),
    ("set", "set", "set"),
    ("meet", "met", "met"),
    ("run", "ran", "run"),
    ("pay", "paid", "paid"),
    ("sit", "sat", "sat"),
    ("speak", "spoke", "spoken"),
    ("lie", "lay/lied", "lain/lied"),
    ("lead", "led", "led"),
    ("read", "read", "read"),
    ("grow", "grew", "grown"),
    ("lose", "lost", "lost"),
    ("fall", "fell", "fallen"),
    ("send", "sent", "sent"),
    ("build", "built", "built"),
    ("understand", "understood", "understood"),
    ("draw", "drew", "drawn"),
    ("break", "broke", "broken"),
    ("spend", "spent", "spent"),
    ("cut", "cut", "cut"),
    ("rise", "rose", "risen"),
    ("drive", "drove", "driven"),
    ("buy", "bought", "bought"),
    ("wear", "wore", "worn"),
    ("choose", "chose", "chosen"),
    ("seek", "sought", "sought"),
    ("throw", "threw", "thrown"),
    ("catch", "caught", "caught"),
    ("deal", "dealt", "dealt"),
    ("win", "won", "won"),
    ("forget", "forgot", "forgotten"),
    ("shake", "shook", "shaken"),
    ("lay", "laid", "laid"),
    ("fight", "fought", "fought"),
    ("hit", "hit", "hit"),
    ("shoot", "shot", "shot"),
    ("hang", "hung/hanged", "hung/hanged"),
    ("strike", "struck", "struck/stricken"),
    ("sell", "sold", "sold"),
    ("put", "put", "put"),
    ("quit", "quit", "quit"),
    ("spread", "spread", "spread"),
    ("split", "split", "split"),
    ("shut", "shut", "shut"),
    ("bid", "bid", "bid"),
    ("beat", "beat", "beaten"),
    ("bear", "bore", "borne/born"),
    ("bind", "bound", "bound"),
    ("bite", "bit", "bitten"),
    ("bleed", "bled", "bled"),
    ("blow", "blew", "blown"),
    ("breed", "bred", "bred"),
    ("burst", "burst", "burst"),
    ("cast", "cast", "cast"),
    ("cling", "clung", "clung"),
    ("creep", "crept", "crept"),
    ("dig", "dug", "dug"),
    ("feed", "fed", "fed"),
    ("flee", "fled", "fled"),
    ("fly", "flew", "flown"),
    ("forbid", "forbade", "forbidden"),
    ("freeze", "froze", "frozen"),
    ("grind", "ground", "ground"),
    ("hide", "hid", "hidden"),
    ("hurt", "hurt", "hurt"),
    ("kneel", "knelt", "knelt"),
    ("lend", "lent", "lent"),
    ("light", "lit/lighted", "lit/lighted"),
    ("ride", "rode", "ridden"),
    ("ring", "rang", "rung"),
    ("shed", "shed", "shed"),
    ("shine", "shone", "shone"),
    ("shrink", "shrank", "shrunk"),
    ("sink", "sank", "sunk"),
    ("slide", "slid", "slid"),
    ("sling", "slung", "slung"),
    ("slit", "slit", "slit"),
    ("speed", "sped", "sped"),
    ("spin", "spun", "spun"),
    ("spit", "spat", "spat"),
    ("steal", "stole", "stolen"),
    ("stick", "stuck", "stuck"),
    ("sting", "stung", "stung"),
    ("stride", "strode", "stridden"),
    ("strive", "strove/strived", "striven/strived"),
    ("swear", "swore", "sworn"),
    ("sweep", "swept", "swept"),
    ("swim", "swam", "swum"),
    ("swing", "swung", "swung"),
    ("teach", "taught", "taught"),
    ("tear", "tore", "torn"),
    ("thrust", "thrust", "thrust"),
    ("tread", "trod", "trodden"),
    ("wake", "woke", "woken"),
    ("weave", "wove", "woven"),
    ("weep", "wept", "wept"),
    ("wind", "wound", "wound"),
    ("arise", "arose", "arisen"),
    ("dwell", "dwelt", "dwelt"),
    ("leap", "leapt/leaped", "leapt/leaped"),
    ("learn", "learned/learnt", "learned/learnt"),
    ("burn", "burned/burnt", "burned/burnt"),
    ("dream", "dreamed/dreamt", "dreamed/dreamt"),
    ("spill", "spilled/spilt", "spilled/spilt"),
    ("prove", "proved", "proved/proven"),
    ("forecast", "forecast", "forecast"),
    ("broadcast", "broadcast", "broadcast"),
    ("bet", "bet", "bet"),
    ("show", "showed", "shown/showed"),
    ("sew", "sewed", "sewn"),
    ("sow", "sowed", "sown"),
    ("swell", "swelled", "swollen"),
    ("mistake", "mistook", "mistaken"),
    ("spring", "sprang", "sprung"),
    ("stink", "stank", "stunk"),
    ("string", "strung", "strung"),
    ("slay", "slew", "slain"),
    ("sing", "sang", "sung"),
    ("drink", "drank", "drunk"),
    ("eat", "ate", "eaten"),
    ("shoe", "shod", "shod"),
    ("seize", "seized", "seized"),
    ("flee", "fled", "fled"),
    ("smite", "smote", "smitten"),
    ("overtake", "overtook", "overtaken"),
    ("upset", "upset", "upset"),
    ("offset", "offset", "offset"),
];

word_list! {
    /// Prefixes under which a verb keeps its base verb's irregular forms ("withdraw", "undergo").
    static PREFIXES = "text/prefixes.txt";
}

word_list! {
    /// Prefixed words that are regular despite looking like prefix + irregular verb.
    static REGULAR_EXCEPTIONS = "text/regular_exceptions.txt";
}

/// Final-stressed longer verbs that double their last consonant ("committed", "controlled").
fn doubles_final_consonant(base: &str) -> Option<bool> {
    let b = base.as_bytes();
    let n = b.len();
    if n < 3 {
        return Some(false);
    }
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let (c1, v, c2) = (b[n - 3], b[n - 2], b[n - 1]);
    let cvc = !vowel(c1) && vowel(v) && !vowel(c2) && !matches!(c2, b'w' | b'x' | b'y');
    if !cvc {
        // British spelling doubles a final "l" after two vowel letters too ("initialled",
        // "fuelled", "dialled"); where it does not ("revealed") the doubled form never occurs.
        let vowels_then_l = c2 == b'l' && vowel(v) && vowel(c1);
        return if vowels_then_l { None } else { Some(false) };
    }
    let syllables = base
        .bytes()
        .enumerate()
        .filter(|&(i, c)| vowel(c) && (i == 0 || !vowel(b[i - 1])))
        .count();
    if syllables <= 1 {
        Some(true)
    } else {
        None // unsure: generate both
    }
}

fn irregular(base: &str) -> Option<(&'static str, &'static str, &'static str, &str)> {
    if REGULAR_EXCEPTIONS.contains(&base) {
        return None;
    }
    if let Some(&(b, p, pp)) = IRREGULAR.iter().find(|(b, _, _)| *b == base) {
        return Some((b, p, pp, ""));
    }
    for prefix in PREFIXES.iter() {
        if let Some(rest) = base.strip_prefix(prefix) {
            if let Some(&(b, p, pp)) = IRREGULAR
                .iter()
                .find(|(b, _, _)| *b == rest && b.len() >= 2)
            {
                return Some((b, p, pp, &base[..prefix.len()]));
            }
        }
    }
    None
}

fn stem_variants(base: &str) -> Vec<String> {
    match doubles_final_consonant(base) {
        Some(true) => vec![format!("{base}{}", &base[base.len() - 1..])],
        Some(false) => vec![base.to_string()],
        None => vec![
            base.to_string(),
            format!("{base}{}", &base[base.len() - 1..]),
        ],
    }
}

fn consonant_y(base: &str) -> bool {
    base.len() > 1
        && base.ends_with('y')
        && !base[..base.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u'])
}

/// All forms of the verb whose base form is `base` (lower case; multiword bases inflect the
/// first word: "jump-start" → "jump-started").
pub fn verb_forms(base: &str) -> VerbForms {
    let base = base.to_ascii_lowercase();
    let third = if base.ends_with(['s', 'x', 'z'])
        || base.ends_with("ch")
        || base.ends_with("sh")
        || base.ends_with('o')
    {
        format!("{base}es")
    } else if consonant_y(&base) {
        format!("{}ies", &base[..base.len() - 1])
    } else {
        format!("{base}s")
    };
    let regular_past: Vec<String> = if base.ends_with('e') {
        vec![format!("{base}d")]
    } else if consonant_y(&base) {
        vec![format!("{}ied", &base[..base.len() - 1])]
    } else {
        stem_variants(&base)
            .into_iter()
            .map(|s| format!("{s}ed"))
            .collect()
    };
    let gerund: Vec<String> = if base.ends_with("ie") {
        vec![format!("{}ying", &base[..base.len() - 2])]
    } else if base.ends_with('e')
        && !base.ends_with("ee")
        && !base.ends_with("ye")
        && !base.ends_with("oe")
        && base.len() > 2
    {
        vec![format!("{}ing", &base[..base.len() - 1])]
    } else {
        stem_variants(&base)
            .into_iter()
            .map(|s| format!("{s}ing"))
            .collect()
    };
    let mut forms = VerbForms {
        base: base.clone(),
        third: vec![third],
        past: regular_past.clone(),
        participle: regular_past,
        gerund,
    };
    if let Some((_, past, participle, prefix)) = irregular(&base) {
        forms.past = past.split('/').map(|p| format!("{prefix}{p}")).collect();
        forms.participle = participle
            .split('/')
            .map(|p| format!("{prefix}{p}"))
            .collect();
        if base == "be" {
            forms.third = vec!["is".into(), "are".into(), "am".into()];
        } else if base == "have" {
            forms.third = vec!["has".into()];
        } else if base.ends_with("do") {
            forms.third = vec![format!("{base}es")];
        }
    }
    forms
}

/// The singular of a noun ("talks" → "talk", "countries" → "country", "ties" → "tie"), or the
/// word itself. A one-letter stem before "-ies" keeps its "ie" ("ties", "lies", "pies").
pub fn noun_singular(word: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let n = word.len();
    if n > 4 && word.ends_with("men") {
        return Cow::Owned(format!("{}man", &word[..n - 3]));
    }
    if n <= 3
        || !word.ends_with('s')
        || word.ends_with("ss")
        || word.ends_with("us")
        || word.ends_with("is")
    {
        return Cow::Borrowed(word);
    }
    if let Some(stem) = word.strip_suffix("ies") {
        if stem.len() == 1 {
            return Cow::Borrowed(&word[..n - 1]);
        }
        return Cow::Owned(format!("{stem}y"));
    }
    for ending in ["ches", "shes", "xes", "sses", "zes"] {
        if word.ends_with(ending) {
            return Cow::Borrowed(&word[..n - 2]);
        }
    }
    Cow::Borrowed(&word[..n - 1])
}

/// The regular plural forms of a noun ("envoy" → "envoys", "party" → "parties").
pub fn noun_plurals(noun: &str) -> Vec<String> {
    if let Some(stem) = noun.strip_suffix("man") {
        return vec![format!("{stem}men")];
    }
    if noun.ends_with(['s', 'x', 'z']) || noun.ends_with("ch") || noun.ends_with("sh") {
        return vec![format!("{noun}es")];
    }
    if consonant_y(noun) {
        return vec![format!("{}ies", &noun[..noun.len() - 1])];
    }
    vec![format!("{noun}s")]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_verbs() {
        let f = verb_forms("visit");
        assert!(f.past.contains(&"visited".to_string()));
        assert!(f.gerund.contains(&"visiting".to_string()));
        assert_eq!(f.third, ["visits"]);
        assert_eq!(verb_forms("stop").past, ["stopped"]);
        assert_eq!(verb_forms("agree").past, ["agreed"]);
        assert_eq!(verb_forms("agree").gerund, ["agreeing"]);
        assert_eq!(verb_forms("deny").past, ["denied"]);
        assert_eq!(verb_forms("deny").third, ["denies"]);
        assert_eq!(verb_forms("veto").third, ["vetoes"]);
        assert_eq!(verb_forms("scrap").gerund, ["scrapping"]);
        assert!(verb_forms("commit").past.contains(&"committed".to_string()));
        assert_eq!(verb_forms("arrive").gerund, ["arriving"]);
        assert!(verb_forms("initial")
            .past
            .contains(&"initialled".to_string()));
        assert!(verb_forms("initial")
            .past
            .contains(&"initialed".to_string()));
        assert!(verb_forms("fuel").gerund.contains(&"fuelling".to_string()));
        assert_eq!(verb_forms("peel").past, ["peeled", "peelled"]);
    }

    #[test]
    fn irregular_and_prefixed_verbs() {
        assert_eq!(verb_forms("meet").past, ["met"]);
        assert_eq!(verb_forms("withdraw").participle, ["withdrawn"]);
        assert_eq!(verb_forms("undergo").past, ["underwent"]);
        assert_eq!(verb_forms("relay").past, ["relayed"]);
        assert_eq!(verb_forms("hold").gerund, ["holding"]);
    }

    #[test]
    fn nouns() {
        assert_eq!(noun_singular("talks"), "talk");
        assert_eq!(noun_singular("countries"), "country");
        assert_eq!(noun_singular("ties"), "tie");
        assert_eq!(noun_singular("lies"), "lie");
        assert_eq!(noun_singular("spies"), "spy");
        assert_eq!(noun_singular("allies"), "ally");
        assert_eq!(noun_singular("crisis"), "crisis");
        assert_eq!(noun_singular("policemen"), "policeman");
        assert_eq!(noun_plurals("party"), ["parties"]);
        assert_eq!(noun_plurals("spokesman"), ["spokesmen"]);
        assert_eq!(noun_plurals("envoy"), ["envoys"]);
    }
}
