//! Name indexes built once per coder, from the actor dictionary and the gazetteer, for the
//! actors people write without their full dictionary name: leaders by surname ("Putin said"),
//! cities before an agent noun ("Lagos police"), and sub-national regions whose names contain
//! a country's name ("New South Wales", "Georgia" the US state).

use crate::dict::{ActorDictionary, ActorEntry};
use crate::model::Date;
use crate::resolve::gazetteer::PlaceId;
use crate::resolve::Gazetteer;
use crate::text::Lexicon;
use rustc_hash::FxHashSet;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Country codes whose persons' family name comes first ("Xi Jinping" is "Xi").
const FAMILY_NAME_FIRST: &[&str] = &["CHN", "PRK", "KOR", "TWN", "HKG", "MAC"];

/// Lower-case particles that open a multi-word surname ("bin Laden", "de Klerk").
const SURNAME_PARTICLES: &[&str] = &[
    "bin", "ibn", "al", "el", "de", "van", "von", "da", "di", "du", "del", "le", "la",
];

/// Suffixes that are not the surname ("Jr.", "III").
const NAME_SUFFIXES: &[&str] = &["jr.", "jr", "sr.", "sr", "ii", "iii", "iv"];

/// Smallest population of a city that names its country before an agent noun.
const CITY_AGENT_POPULATION: u64 = 1_000_000;

/// The indexes.
#[derive(Debug, Default)]
pub struct NameIndex {
    /// Surname (lower-case tokens) → (person id, entry index) of every role of every person.
    surnames: HashMap<Vec<String>, Vec<(usize, usize)>>,
    /// City name (lower-case tokens) → CAMEO country code.
    cities: HashMap<Vec<String>, String>,
    /// Region name (lower-case tokens) → CAMEO country code.
    regions: HashMap<Vec<String>, String>,
    /// The gazetteer, for "CITY, Region" ("Atlanta, Georgia").
    gazetteer: Option<Arc<Gazetteer>>,
    /// First words of the surnames, cities and regions: a cheap test before building keys.
    first_words: HashSet<String>,
    /// The longest city or region name, in tokens.
    longest_place: usize,
    /// Three-letter codes of countries (and other code roots that stand alone).
    roots: HashSet<String>,
}

impl NameIndex {
    /// Builds the indexes; `gazetteer` adds cities and regions.
    pub fn new(
        actors: &ActorDictionary,
        lexicon: &Lexicon,
        gazetteer: Option<Arc<Gazetteer>>,
    ) -> NameIndex {
        let mut index = NameIndex {
            roots: actors
                .entries()
                .iter()
                .filter(|e| !e.person && e.code.len() == 3)
                .map(|e| e.code.clone())
                .collect(),
            ..NameIndex::default()
        };
        let phrases: FxHashSet<String> = actors
            .entries()
            .iter()
            .map(|e| e.phrase.to_lowercase())
            .collect();
        index.add_surnames(actors.entries(), &phrases, lexicon);
        if let Some(g) = &gazetteer {
            index.add_places(g, &phrases, lexicon);
        }
        index.gazetteer = gazetteer;
        let keys = index
            .surnames
            .keys()
            .chain(index.cities.keys())
            .chain(index.regions.keys());
        index.first_words = keys.filter_map(|k| k.first().cloned()).collect();
        index
    }

    fn add_surnames(
        &mut self,
        entries: &[ActorEntry],
        phrases: &FxHashSet<String>,
        lexicon: &Lexicon,
    ) {
        let mut person_ids: HashMap<String, usize> = HashMap::new();
        let mut line_person: Option<(&str, u32, usize)> = None;
        for (i, e) in entries.iter().enumerate().filter(|(_, e)| e.person) {
            // A person is the first phrase of their line; all lines with that phrase are one
            // person with several roles.
            let same_line =
                line_person.is_some_and(|(f, l, _)| *f == *e.entry.file && l == e.entry.line);
            let person = if same_line {
                line_person.map_or(0, |(.., p)| p)
            } else {
                let n = person_ids.len();
                *person_ids.entry(e.phrase.to_lowercase()).or_insert(n)
            };
            line_person = Some((&e.entry.file, e.entry.line, person));
            for key in surname_keys(&e.phrase, &e.code) {
                let joined = key.join(" ");
                let common = key.len() == 1
                    && (lexicon.closed(&key[0]).is_some() || !lexicon.verb(&key[0]).is_empty());
                let shortest = if family_name_first(&e.code) { 2 } else { 3 };
                if joined.len() < shortest || common || phrases.contains(&joined) {
                    continue;
                }
                let slot = self.surnames.entry(key).or_default();
                if !slot.contains(&(person, i)) {
                    slot.push((person, i));
                }
            }
        }
    }

    fn add_places(&mut self, g: &Gazetteer, phrases: &FxHashSet<String>, lexicon: &Lexicon) {
        for c in g
            .cities()
            .iter()
            .filter(|c| c.population >= CITY_AGENT_POPULATION || c.capital)
        {
            let key = words(&c.ascii);
            let common = key.len() == 1
                && (lexicon.closed(&key[0]).is_some() || !lexicon.verb(&key[0]).is_empty());
            if common || phrases.contains(&key.join(" ")) {
                continue;
            }
            self.longest_place = self.longest_place.max(key.len());
            self.cities
                .entry(key)
                .or_insert_with(|| g.countries()[c.country].cameo.clone());
        }
        for a in g.admin1() {
            let key = words(&a.name);
            self.longest_place = self.longest_place.max(key.len());
            self.regions
                .entry(key)
                .or_insert_with(|| g.countries()[a.country].cameo.clone());
        }
    }

    /// Whether a city named `name` lies in `country`.
    pub fn is_city_in(&self, name: &str, country: &str) -> bool {
        let Some(g) = &self.gazetteer else {
            return false;
        };
        g.lookup(name).iter().any(|r| {
            matches!(r.place, PlaceId::City(_))
                && g.countries()[g.country_of(r.place)].cameo == country
        })
    }

    /// Whether `root` is a code that stands alone (a country: `USA`).
    pub fn is_root(&self, root: &str) -> bool {
        self.roots.contains(root)
    }

    /// The surname starting `lower` (the longest, up to three words) and the role entry of the
    /// one person valid on `date` who has it.
    pub fn surname_at<'d>(
        &self,
        actors: &'d ActorDictionary,
        lower: &[&str],
        date: Option<Date>,
    ) -> Option<(usize, &'d ActorEntry)> {
        if !lower.first().is_some_and(|w| self.first_words.contains(*w)) {
            return None;
        }
        (1..=lower.len().min(3)).rev().find_map(|n| {
            let key: Vec<String> = lower[..n].iter().map(|w| w.to_string()).collect();
            let roles = self.surnames.get(&key)?;
            unique_person(actors, roles, date).map(|e| (n, e))
        })
    }

    /// A city (of a million people or more, or a capital) whose name starts `lower`: its
    /// length in tokens and its country.
    pub fn city_at(&self, lower: &[&str]) -> Option<(usize, &str)> {
        self.place_at(&self.cities, lower)
    }

    /// A sub-national region whose name starts `lower`: its length in tokens and its country.
    pub fn region_at(&self, lower: &[&str]) -> Option<(usize, &str)> {
        self.place_at(&self.regions, lower)
    }

    fn place_at<'s>(
        &self,
        map: &'s HashMap<Vec<String>, String>,
        lower: &[&str],
    ) -> Option<(usize, &'s str)> {
        if !lower.first().is_some_and(|w| self.first_words.contains(*w)) {
            return None;
        }
        (1..=lower.len().min(self.longest_place))
            .rev()
            .find_map(|n| {
                let key: Vec<String> = lower[..n].iter().map(|w| w.to_string()).collect();
                map.get(&key).map(|c| (n, c.as_str()))
            })
    }
}

/// The role entry of the one person among `roles` with a role valid on `date`, if exactly one
/// person has one (a dated role wins over an open one).
fn unique_person<'d>(
    actors: &'d ActorDictionary,
    roles: &[(usize, usize)],
    date: Option<Date>,
) -> Option<&'d ActorEntry> {
    let entries = actors.entries();
    let valid: Vec<(usize, &ActorEntry)> = roles
        .iter()
        .map(|&(p, i)| (p, &entries[i]))
        .filter(|(_, e)| e.dates.contains(date))
        .collect();
    let first = valid.first()?.0;
    if valid.iter().any(|(p, _)| *p != first) {
        return None;
    }
    let dated = valid
        .iter()
        .find(|(_, e)| !e.dates.is_unbounded() && date.is_some());
    dated.or(valid.first()).map(|(_, e)| *e)
}

/// Persons of this code write their family name first ("Xi Jinping").
fn family_name_first(code: &str) -> bool {
    FAMILY_NAME_FIRST.contains(&code.get(..3).unwrap_or(""))
}

/// The lower-case words of a name.
fn words(name: &str) -> Vec<String> {
    name.split_whitespace().map(str::to_lowercase).collect()
}

/// The surnames a person's phrase can be written as: the last word ("Putin"), a particle and
/// what follows ("bin Laden"), the name without an "al-" prefix ("Assad"), or the first word
/// for names written family name first ("Xi").
fn surname_keys(phrase: &str, code: &str) -> Vec<Vec<String>> {
    let mut w = words(phrase);
    while w.len() > 2
        && w.last()
            .is_some_and(|l| NAME_SUFFIXES.contains(&l.trim_end_matches(',')))
    {
        w.pop();
    }
    if w.len() < 2 {
        return Vec::new();
    }
    if family_name_first(code) {
        return vec![vec![w[0].clone()]];
    }
    let last = w[w.len() - 1].clone();
    let mut keys = vec![vec![last.clone()]];
    if let Some(k) = (1..w.len() - 1).find(|&k| SURNAME_PARTICLES.contains(&w[k].as_str())) {
        keys.push(w[k..].to_vec());
    }
    for prefix in ["al-", "el-"] {
        if let Some(rest) = last.strip_prefix(prefix).filter(|r| r.len() >= 3) {
            keys.push(vec![rest.to_string()]);
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surname_forms() {
        let cases: [(&str, &str, &[&str]); 5] = [
            ("Vladimir Putin", "RUSGOV", &["putin"]),
            ("Osama bin Laden", "IMGALQ", &["laden", "bin laden"]),
            ("Bashar al-Assad", "SYRGOV", &["al-assad", "assad"]),
            ("Xi Jinping", "CHNGOV", &["xi"]),
            ("Joseph R. Biden Jr.", "USAGOV", &["biden"]),
        ];
        for (phrase, code, want) in cases {
            let got: Vec<String> = surname_keys(phrase, code)
                .into_iter()
                .map(|k| k.join(" "))
                .collect();
            assert_eq!(got, want, "{phrase}");
        }
        assert!(surname_keys("Suharto", "IDNGOV").is_empty());
    }
}
