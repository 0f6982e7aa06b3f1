//! The gazetteer: countries, first-level divisions, regions and cities with their names.
//!
//! The bundled gazetteer (`dictionaries/gazetteer/*.tsv`, built by `scripts/build_gazetteer.py`
//! from GeoNames data) is parsed at build time and embedded as a snapshot
//! ([`Gazetteer::to_snapshot`]; see `super::bundled`).
//! The build script compiles this file too, so it uses nothing of the
//! crate but `error`, `model`, `super::snapshot` and `super::first_words`.

use super::first_words::{FirstWord, FirstWords};
use super::name_table::{NameRefs, NameTable, TableSizes};
use super::snapshot::{Reader, Writer};
use crate::error::{Error, Result};
use compact_str::CompactString;
use std::borrow::Cow;

/// Longest place name, in words, that the gazetteer indexes.
pub const MAX_NAME_WORDS: usize = 6;

pub use crate::model::FeatureType;

/// A country or territory.
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code (`CN`).
    pub iso2: String,
    /// ISO 3166-1 alpha-3 code as GeoNames has it (`CHN`, `XKX`).
    pub iso3: String,
    /// CAMEO country code (`CHN`, `KSV`).
    pub cameo: String,
    /// English name.
    pub name: String,
    /// Latitude of the country's reference point (its capital; see `centroid`).
    pub lat: Option<f64>,
    /// Longitude of the reference point.
    pub lon: Option<f64>,
    /// Where the reference point comes from: `capital`, `cities` or `none`.
    pub centroid: String,
    /// Index of the capital in [`Gazetteer::cities`], when it is there.
    pub capital: Option<usize>,
    /// Population.
    pub population: u64,
}

/// A first-level administrative division, or a region.
#[derive(Clone, Debug, PartialEq)]
pub struct Admin1 {
    /// Index of the country in [`Gazetteer::countries`].
    pub country: usize,
    /// GeoNames admin1 code (`TX`, `08`); empty for regions.
    pub code: CompactString,
    /// English name.
    pub name: CompactString,
    /// Latitude (population-weighted mean of its cities, or an approximate centre for regions).
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Population of its cities of 15,000 or more (0 for regions).
    pub population: u64,
    /// [`FeatureType::Admin1`] or [`FeatureType::Region`].
    pub feature: FeatureType,
}

/// A populated place of 15,000 people or more.
#[derive(Clone, Debug, PartialEq)]
pub struct City {
    /// GeoNames id.
    pub geonameid: u32,
    /// Name as GeoNames writes it (with diacritics).
    pub name: CompactString,
    /// The name without diacritics.
    pub ascii: CompactString,
    /// Index of the country in [`Gazetteer::countries`].
    pub country: usize,
    /// GeoNames admin1 code.
    pub admin1: CompactString,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Population.
    pub population: u64,
    /// True for the country's capital.
    pub capital: bool,
    /// How many alternate names GeoNames has for it (a measure of how well known it is).
    pub altcount: u32,
}

/// A reference to one gazetteer entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceId {
    /// Index into [`Gazetteer::countries`].
    Country(usize),
    /// Index into [`Gazetteer::admin1`] (divisions and regions).
    Admin1(usize),
    /// Index into [`Gazetteer::cities`].
    City(usize),
}

/// One way a name refers to an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameRef {
    /// The entry.
    pub place: PlaceId,
    /// The entry's own name (or ASCII name), not an alternate or alias.
    pub primary: bool,
    /// The name is written in capitals (`US`, `UAE`): the text must be too.
    pub all_caps: bool,
}

/// Folds a name into a lookup key: lower case, diacritics removed (Unicode compatibility
/// decomposition, NFKD, with combining marks dropped, plus the letters that do not decompose:
/// "ł", "đ", "ø", "æ", "ß"...), periods dropped, curly apostrophes straightened, runs of white
/// space collapsed to one space.
pub fn fold_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_key_into(s, &mut out);
    out
}

/// [`fold_key`], appended to `out` (what `out` held before is left as it is), so that a caller
/// folding many names can reuse one buffer.
pub fn fold_key_into(s: &str, out: &mut String) {
    let base = out.len();
    if s.is_ascii() {
        return fold_ascii_key(s, out, base);
    }
    let mut pending_space = false;
    for c in s.chars() {
        if c == '.' {
            continue;
        }
        if c.is_whitespace() {
            pending_space = out.len() > base;
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for l in c.to_lowercase() {
            push_folded(out, l);
        }
    }
}

/// [`fold_key_into`] for ASCII text, a byte at a time; `base` is where the key starts in `out`.
fn fold_ascii_key(s: &str, out: &mut String, base: usize) {
    if !s
        .bytes()
        .any(|b| b == b'.' || b.is_ascii_whitespace() || b == b'\x0B')
    {
        // A single word (the common case): copied and lower-cased in place.
        out.push_str(s);
        out[base..].make_ascii_lowercase();
        return;
    }
    let mut pending_space = false;
    for b in s.bytes() {
        match b {
            b'.' => {}
            b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' => pending_space = out.len() > base,
            _ => {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(char::from(b.to_ascii_lowercase()));
            }
        }
    }
}

/// [`short_hash`] of the first word of a city's folded name, or 0 for a one-word name.
fn city_first_word(name: &str) -> u32 {
    let key = fold_key(name);
    key.split_once(' ')
        .map_or(0, |(first, _)| short_hash(first))
}

/// Pushes a lower-case non-ASCII character without its diacritics.
fn push_folded(out: &mut String, c: char) {
    if let Some(s) = undecomposable_letter(c) {
        out.push_str(s);
        return;
    }
    unicode_normalization::char::decompose_compatible(c, |d| {
        if !unicode_normalization::char::is_combining_mark(d) {
            out.push(d);
        }
    });
}

/// The plain spelling of a letter that NFKD leaves whole (a stroke, a ligature, a dotless i),
/// and of the apostrophe look-alikes.
fn undecomposable_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'æ' => "ae",
        'đ' => "d",
        'ə' => "e",
        'ħ' => "h",
        'ı' => "i",
        'ł' | 'ŀ' => "l",
        'ø' => "o",
        'œ' => "oe",
        'ß' => "ss",
        'ŧ' => "t",
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BB}' | '`' => "'",
        _ => return None,
    })
}

type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// The entries one name refers to; most names refer to one entry, kept without a `Vec`.
#[derive(Clone, Debug, PartialEq)]
enum Refs {
    One([NameRef; 1]),
    Many(Vec<NameRef>),
}

impl Refs {
    fn as_slice(&self) -> &[NameRef] {
        match self {
            Refs::One(r) => r,
            Refs::Many(v) => v,
        }
    }
}

/// The place-name gazetteer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gazetteer {
    countries: Vec<Country>,
    admin1: Vec<Admin1>,
    cities: Vec<City>,
    /// Folded name → entries, searched in place ([`NameTable`]).
    names: NameTable,
    /// The names being collected while the text is parsed; moved into `names` at the end.
    parsed_names: FastMap<CompactString, Refs>,
    adjectives: FastMap<String, usize>,
    codes: FastMap<String, usize>,
    admin1_codes: FastMap<(usize, String), usize>,
    /// ISO 3166-1 alpha-2 code → country, used while loading.
    iso2_index: FastMap<String, usize>,
    /// The first words of `names` and `adjectives`.
    first_words: FirstWords,
    /// Per city, [`short_hash`] of the first word of its folded name when the name has more
    /// words, else 0 (little-endian `u32`s): the cities whose name a short form ("Santiago") can
    /// stand for.
    city_first_words: Cow<'static, [u8]>,
}

/// The 32-bit hash [`Gazetteer::city_first_word`] gives (never 0) of a folded word.
pub fn short_hash(word: &str) -> u32 {
    (super::first_words::word_hash(word) as u32).max(1)
}

/// One data row of a gazetteer table: its 1-based line and its tab-separated fields.
struct Row<'a> {
    line: u32,
    fields: Vec<&'a str>,
}

impl<'a> Row<'a> {
    fn fields(&self) -> &[&'a str] {
        &self.fields
    }
}

fn dictionary_error(file: &str, line: u64, message: &str) -> Error {
    Error::Dictionary {
        file: file.into(),
        message: format!("line {line}: {message}"),
    }
}

/// Reads a TSV table into rows, skipping `#` comments, blank lines and the header, which must
/// start with `first_column`. Lines end at `\n` (a `\r` before it is dropped); fields are split
/// at tabs, without quoting.
fn rows<'a>(
    file: &str,
    text: &'a str,
    first_column: &str,
    min_fields: usize,
) -> Result<Vec<Row<'a>>> {
    let mut out = Vec::new();
    let mut header = false;
    for (index, text_line) in text.split('\n').enumerate() {
        let line = index as u64 + 1;
        let text_line = text_line.strip_suffix('\r').unwrap_or(text_line);
        let fields: Vec<&str> = text_line.split('\t').collect();
        let first = fields[0];
        if first.starts_with('#') || fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if !header {
            if !first.starts_with(first_column) {
                let expected = format!("expected a header starting with `{first_column}`");
                return Err(dictionary_error(file, line, &expected));
            }
            header = true;
            continue;
        }
        if fields.len() < min_fields {
            let message = format!("{} fields, expected {min_fields}", fields.len());
            return Err(dictionary_error(file, line, &message));
        }
        let line = u32::try_from(line).unwrap_or(u32::MAX);
        out.push(Row { line, fields });
    }
    Ok(out)
}

fn parse_num<T: std::str::FromStr>(file: &str, line: u32, what: &str, s: &str) -> Result<T> {
    s.trim().parse().map_err(|_| Error::Dictionary {
        file: file.into(),
        message: format!("line {line}: bad {what} `{s}`"),
    })
}

fn parse_opt_f64(file: &str, line: u32, what: &str, s: &str) -> Result<Option<f64>> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        parse_num(file, line, what, s).map(Some)
    }
}

fn alternates(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|a| !a.is_empty())
}

/// One row of `countries.tsv` as a country and its capital's geonameid, if given.
fn parse_country(file: &str, line: u32, f: &[&str]) -> Result<(Country, Option<u32>)> {
    let population = parse_num(file, line, "population", f[9])?;
    let capital = (!f[8].is_empty())
        .then(|| parse_num::<u32>(file, line, "capital_geonameid", f[8]))
        .transpose()?;
    let country = Country {
        iso2: f[0].to_string(),
        iso3: f[1].to_string(),
        cameo: f[2].to_string(),
        name: f[3].to_string(),
        lat: parse_opt_f64(file, line, "lat", f[4])?,
        lon: parse_opt_f64(file, line, "lon", f[5])?,
        centroid: f[6].to_string(),
        capital: None,
        population,
    };
    Ok((country, capital))
}

/// One row of `cities.tsv` as a city.
fn parse_city(
    file: &str,
    line: u32,
    f: &[&str],
    geonameid: u32,
    country: usize,
    capital: bool,
) -> Result<City> {
    Ok(City {
        geonameid,
        name: f[1].into(),
        ascii: f[2].into(),
        country,
        admin1: f[4].into(),
        lat: parse_num(file, line, "lat", f[5])?,
        lon: parse_num(file, line, "lon", f[6])?,
        population: parse_num(file, line, "population", f[7])?,
        capital,
        altcount: parse_num(file, line, "altcount", f[9])?,
    })
}

impl Gazetteer {
    /// Parses the four gazetteer files' texts.
    pub fn from_tsv(
        countries: &str,
        admin1: &str,
        cities: &str,
        regions: &str,
    ) -> Result<Gazetteer> {
        let mut g = Gazetteer::default();
        let capital_ids = g.read_countries(countries)?;
        g.read_admin1(admin1)?;
        g.read_regions(regions)?;
        g.read_cities(cities, &capital_ids)?;
        g.shrink_to_fit();
        g.first_words = FirstWords::build(
            g.parsed_names.keys().map(CompactString::as_str),
            g.adjectives.keys().map(String::as_str),
        );
        let parsed = std::mem::take(&mut g.parsed_names);
        let entries = parsed.iter().map(|(k, v)| (k.as_str(), v.as_slice()));
        g.names = NameTable::build(entries, g.sizes());
        let city_words = g
            .cities
            .iter()
            .flat_map(|c| city_first_word(&c.name).to_le_bytes());
        g.city_first_words = Cow::Owned(city_words.collect());
        Ok(g)
    }

    /// How many entries each table holds.
    fn sizes(&self) -> TableSizes {
        TableSizes {
            countries: self.countries.len(),
            admin1: self.admin1.len(),
            cities: self.cities.len(),
        }
    }

    /// Gives back the spare capacity of the tables once they are complete.
    fn shrink_to_fit(&mut self) {
        self.countries.shrink_to_fit();
        self.admin1.shrink_to_fit();
        self.cities.shrink_to_fit();
        self.adjectives.shrink_to_fit();
        self.codes.shrink_to_fit();
        self.admin1_codes.shrink_to_fit();
        self.iso2_index.shrink_to_fit();
    }

    /// Reads `countries.tsv`; returns (country, capital's geonameid) pairs.
    fn read_countries(&mut self, text: &str) -> Result<Vec<(usize, u32)>> {
        const CF: &str = "countries.tsv";
        let mut capital_ids = Vec::new();
        let mut aliases: Vec<(usize, &str)> = Vec::new();
        let country_rows = rows(CF, text, "iso2", 12)?;
        for row in &country_rows {
            let (line, f) = (row.line, row.fields());
            let idx = self.countries.len();
            let (country, capital) = parse_country(CF, line, f)?;
            capital_ids.extend(capital.map(|id| (idx, id)));
            self.countries.push(country);
            self.iso2_index.insert(f[0].to_string(), idx);
            for code in [f[1], f[2]] {
                self.codes.entry(code.to_string()).or_insert(idx);
            }
            aliases.push((idx, f[3]));
            aliases.extend(alternates(f[10]).map(|a| (idx, a)));
            for adj in alternates(f[11]) {
                self.adjectives.entry(fold_key(adj)).or_insert(idx);
            }
        }
        for (idx, a) in aliases {
            self.add_name(a, PlaceId::Country(idx), true);
        }
        Ok(capital_ids)
    }

    /// The country an ISO code names, or an error at `file:line`.
    fn country_for_iso2(&self, file: &str, line: u32, iso2: &str) -> Result<usize> {
        self.iso2_index
            .get(iso2)
            .copied()
            .ok_or_else(|| Error::Dictionary {
                file: file.into(),
                message: format!("line {line}: unknown country `{iso2}`"),
            })
    }

    /// Reads `admin1.tsv`: first-level divisions.
    fn read_admin1(&mut self, text: &str) -> Result<()> {
        const AF: &str = "admin1.tsv";
        for row in &rows(AF, text, "country", 9)? {
            let (line, f) = (row.line, row.fields());
            let country = self.country_for_iso2(AF, line, f[0])?;
            let idx = self.admin1.len();
            self.admin1.push(Admin1 {
                country,
                code: f[1].into(),
                name: f[2].into(),
                lat: parse_opt_f64(AF, line, "lat", f[5])?,
                lon: parse_opt_f64(AF, line, "lon", f[6])?,
                population: parse_num(AF, line, "population", f[7])?,
                feature: FeatureType::Admin1,
            });
            self.admin1_codes.insert((country, f[1].to_string()), idx);
            self.add_names(f[2], f[3], PlaceId::Admin1(idx));
        }
        Ok(())
    }

    /// Reads `regions.tsv`: regions that are not administrative divisions.
    fn read_regions(&mut self, text: &str) -> Result<()> {
        const RF: &str = "regions.tsv";
        for row in &rows(RF, text, "name", 5)? {
            let (line, f) = (row.line, row.fields());
            let country = self.country_for_iso2(RF, line, f[2])?;
            let idx = self.admin1.len();
            self.admin1.push(Admin1 {
                country,
                code: CompactString::default(),
                name: f[0].into(),
                lat: parse_opt_f64(RF, line, "lat", f[3])?,
                lon: parse_opt_f64(RF, line, "lon", f[4])?,
                population: 0,
                feature: FeatureType::Region,
            });
            self.add_names(f[0], f[1], PlaceId::Admin1(idx));
        }
        Ok(())
    }

    /// Indexes a primary name and its `|`-separated alternates.
    fn add_names(&mut self, name: &str, alternate_names: &str, place: PlaceId) {
        self.add_name(name, place, true);
        for a in alternates(alternate_names) {
            self.add_name(a, place, false);
        }
    }

    /// Reads `cities.tsv`; `capital_ids` marks each country's capital.
    fn read_cities(&mut self, text: &str, capital_ids: &[(usize, u32)]) -> Result<()> {
        const TF: &str = "cities.tsv";
        let capital_set: FastMap<u32, usize> = capital_ids.iter().map(|&(c, id)| (id, c)).collect();
        for row in &rows(TF, text, "geonameid", 11)? {
            let (line, f) = (row.line, row.fields());
            let country = self.country_for_iso2(TF, line, f[3])?;
            let geonameid: u32 = parse_num(TF, line, "geonameid", f[0])?;
            let idx = self.cities.len();
            let capital = capital_set.get(&geonameid) == Some(&country);
            if capital {
                self.countries[country].capital = Some(idx);
            }
            let key = fold_key(f[1]);
            self.cities
                .push(parse_city(TF, line, f, geonameid, country, capital)?);
            self.add_key(key, PlaceId::City(idx), true, false);
            if f[2] != f[1] {
                self.add_name(f[2], PlaceId::City(idx), true);
            }
            for a in alternates(f[10]) {
                self.add_name(a, PlaceId::City(idx), false);
            }
        }
        Ok(())
    }

    fn add_name(&mut self, name: &str, place: PlaceId, primary: bool) {
        let all_caps = name.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !name.chars().any(char::is_lowercase);
        let key = fold_key(name);
        if let Some(rest) = key.strip_prefix("saint ") {
            self.add_key(format!("st {rest}"), place, primary, all_caps);
        }
        self.add_key(key, place, primary, all_caps);
    }

    fn add_key(&mut self, key: String, place: PlaceId, primary: bool, all_caps: bool) {
        if key.is_empty() || key.bytes().filter(|&b| b == b' ').count() >= MAX_NAME_WORDS {
            return;
        }
        let new = NameRef {
            place,
            primary,
            all_caps,
        };
        match self.parsed_names.entry(CompactString::from(key)) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(Refs::One([new]));
            }
            std::collections::hash_map::Entry::Occupied(mut o) => {
                let refs = o.get_mut();
                let list = match refs {
                    Refs::One([r]) if r.place == place => {
                        r.primary |= primary;
                        r.all_caps &= all_caps;
                        return;
                    }
                    Refs::One([r]) => vec![*r],
                    Refs::Many(v) => std::mem::take(v),
                };
                let mut list = list;
                if let Some(r) = list.iter_mut().find(|r| r.place == place) {
                    r.primary |= primary;
                    r.all_caps &= all_caps;
                } else {
                    list.push(new);
                }
                *refs = Refs::Many(list);
            }
        }
    }

    /// The gazetteer as bytes for [`Gazetteer::from_snapshot`]: what `build.rs` embeds for the
    /// bundled gazetteer, so that loading it parses nothing.
    pub fn to_snapshot(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.count(self.countries.len());
        self.countries.iter().for_each(|c| write_country(&mut w, c));
        w.count(self.admin1.len());
        self.admin1.iter().for_each(|a| write_admin1(&mut w, a));
        w.count(self.cities.len());
        self.cities.iter().for_each(|c| write_city(&mut w, c));
        w.bytes(self.names.as_bytes());
        for map in [&self.adjectives, &self.codes, &self.iso2_index] {
            w.count(map.len());
            for (key, &idx) in map {
                w.str(key);
                w.count(idx);
            }
        }
        w.count(self.admin1_codes.len());
        for ((country, code), &idx) in &self.admin1_codes {
            w.count(*country);
            w.str(code);
            w.count(idx);
        }
        w.bytes(self.first_words.as_bytes());
        w.bytes(&self.city_first_words);
        w.into_bytes()
    }

    /// Reads a gazetteer written by [`Gazetteer::to_snapshot`].
    pub fn from_snapshot(bytes: &[u8]) -> Result<Gazetteer> {
        let copy = |b: &[u8]| Cow::Owned(b.to_vec());
        let read = Reader::new(bytes).and_then(|mut r| read_gazetteer(&mut r, copy, false));
        read.ok_or_else(|| Error::Dictionary {
            file: "gazetteer snapshot".into(),
            message: "truncated or malformed".into(),
        })
    }

    /// Like [`Gazetteer::from_snapshot`], for the snapshot this crate's build embedded: its
    /// first-word tables and its name table are read in place, not copied, and the name table
    /// is not checked through ([`NameTable::from_trusted_bytes`]), so that their pages come in
    /// only as look-ups touch them.
    pub fn from_static_snapshot(bytes: &'static [u8]) -> Result<Gazetteer> {
        let read = Reader::new(bytes).and_then(|mut r| read_gazetteer(&mut r, Cow::Borrowed, true));
        read.ok_or_else(|| Error::Dictionary {
            file: "gazetteer snapshot".into(),
            message: "truncated or malformed".into(),
        })
    }

    /// All countries, in ISO2 order.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// All first-level divisions with names, then the regions.
    pub fn admin1(&self) -> &[Admin1] {
        &self.admin1
    }

    /// All cities, most populous first.
    pub fn cities(&self) -> &[City] {
        &self.cities
    }

    /// The entries a name (any case, with or without diacritics) can refer to.
    pub fn lookup(&self, name: &str) -> NameRefs<'_> {
        self.lookup_key(&fold_key(name))
    }

    /// What the first-word table says of the folded word with this
    /// [`word_hash`](super::first_words::word_hash): the most words of a name it begins, and
    /// whether it begins a country adjective.
    pub fn first_word(&self, hash: u64) -> FirstWord {
        self.first_words.get(hash)
    }

    /// [`short_hash`] of the first word of city `i`'s folded name when it has more than one
    /// word, else 0.
    pub fn city_first_word(&self, i: usize) -> u32 {
        match self.city_first_words.get(4 * i..4 * i + 4) {
            Some(&[a, b, c, d]) => u32::from_le_bytes([a, b, c, d]),
            _ => 0,
        }
    }

    /// Like [`Gazetteer::lookup`], for a key already folded with [`fold_key`].
    pub fn lookup_key(&self, key: &str) -> NameRefs<'_> {
        self.names.get(key)
    }

    /// Like [`Gazetteer::lookup_key`], for a key whose
    /// [`word_hash`](super::first_words::word_hash) is `hash`.
    pub fn lookup_key_hashed(&self, key: &str, hash: u64) -> NameRefs<'_> {
        self.names.get_hashed(key, hash)
    }

    /// The country with this ISO 3166-1 alpha-3 or CAMEO code (`CHN`, `KSV`, `XKX`); an actor
    /// code with an agent suffix (`USAGOV`) is looked up by its first three letters.
    pub fn country_by_code(&self, code: &str) -> Option<usize> {
        let code = code.trim();
        let code = code.get(..3).unwrap_or(code);
        if code.bytes().any(|b| b.is_ascii_lowercase()) {
            return self.codes.get(&code.to_ascii_uppercase()).copied();
        }
        // Actor codes are upper case already: no copy.
        self.codes.get(code).copied()
    }

    /// The country an adjective or demonym names (`Chinese` → China).
    pub fn country_by_adjective(&self, adjective: &str) -> Option<usize> {
        self.adjectives.get(&fold_key(adjective)).copied()
    }

    /// Like [`Gazetteer::country_by_adjective`], for a folded key.
    pub fn country_by_adjective_key(&self, key: &str) -> Option<usize> {
        self.adjectives.get(key).copied()
    }

    /// The country whose name or alias this is (`Britain` → United Kingdom).
    pub fn country_by_name(&self, name: &str) -> Option<usize> {
        self.lookup(name).iter().find_map(|r| match r.place {
            PlaceId::Country(c) => Some(c),
            _ => None,
        })
    }

    /// The first-level division of a country with a GeoNames admin1 code, when it has a name here.
    pub fn admin1_by_code(&self, country: usize, code: &str) -> Option<usize> {
        self.admin1_codes.get(&(country, code.to_string())).copied()
    }

    /// The capital city of a country, when it is among the cities.
    pub fn capital_of(&self, country: usize) -> Option<usize> {
        self.countries.get(country).and_then(|c| c.capital)
    }

    /// The country an entry lies in.
    pub fn country_of(&self, place: PlaceId) -> usize {
        match place {
            PlaceId::Country(c) => c,
            PlaceId::Admin1(a) => self.admin1[a].country,
            PlaceId::City(c) => self.cities[c].country,
        }
    }

    /// The entry's name.
    pub fn name_of(&self, place: PlaceId) -> &str {
        match place {
            PlaceId::Country(c) => &self.countries[c].name,
            PlaceId::Admin1(a) => &self.admin1[a].name,
            PlaceId::City(c) => &self.cities[c].name,
        }
    }

    /// The entry's feature type.
    pub fn feature_of(&self, place: PlaceId) -> FeatureType {
        match place {
            PlaceId::Country(_) => FeatureType::Country,
            PlaceId::Admin1(a) => self.admin1[a].feature,
            PlaceId::City(c) if self.cities[c].capital => FeatureType::Capital,
            PlaceId::City(_) => FeatureType::City,
        }
    }

    /// The entry's population (0 for regions).
    pub fn population_of(&self, place: PlaceId) -> u64 {
        match place {
            PlaceId::Country(c) => self.countries[c].population,
            PlaceId::Admin1(a) => self.admin1[a].population,
            PlaceId::City(c) => self.cities[c].population,
        }
    }

    /// The entry's coordinates, when known.
    pub fn coordinates_of(&self, place: PlaceId) -> (Option<f64>, Option<f64>) {
        match place {
            PlaceId::Country(c) => (self.countries[c].lat, self.countries[c].lon),
            PlaceId::Admin1(a) => (self.admin1[a].lat, self.admin1[a].lon),
            PlaceId::City(c) => (Some(self.cities[c].lat), Some(self.cities[c].lon)),
        }
    }

    /// The entry's first-level division: its name when the gazetteer has one, else its code.
    pub fn admin1_of(&self, place: PlaceId) -> Option<String> {
        self.admin1_name_of(place).map(str::to_string)
    }

    /// [`Gazetteer::admin1_of`], borrowed from the gazetteer.
    pub fn admin1_name_of(&self, place: PlaceId) -> Option<&str> {
        match place {
            PlaceId::Country(_) => None,
            PlaceId::Admin1(a) => Some(self.admin1[a].name.as_str()),
            PlaceId::City(c) => {
                let city = &self.cities[c];
                if city.admin1.is_empty() {
                    return None;
                }
                Some(
                    self.admin1_by_code(city.country, &city.admin1)
                        .map_or_else(|| city.admin1.as_str(), |a| self.admin1[a].name.as_str()),
                )
            }
        }
    }

    /// The first-level division an entry lies in, as (country index, admin1 code).
    pub fn admin1_key_of(&self, place: PlaceId) -> Option<(usize, &str)> {
        match place {
            PlaceId::Country(_) => None,
            PlaceId::Admin1(a) => Some((self.admin1[a].country, self.admin1[a].code.as_str()))
                .filter(|(_, c)| !c.is_empty()),
            PlaceId::City(c) => Some((self.cities[c].country, self.cities[c].admin1.as_str())),
        }
    }

    /// A short description of an entry for explanations: "Paris, Texas, USA (city, pop. 24782)".
    pub fn describe(&self, place: PlaceId) -> String {
        let country = &self.countries[self.country_of(place)];
        let feature = self.feature_of(place).as_str();
        match place {
            PlaceId::Country(_) => format!("{} [{}] ({feature})", country.name, country.cameo),
            PlaceId::Admin1(_) => format!("{}, {} ({feature})", self.name_of(place), country.cameo),
            PlaceId::City(c) => {
                let admin = self.admin1_of(place).unwrap_or_default();
                format!(
                    "{}, {}, {} ({feature}, pop. {}, geonames {})",
                    self.name_of(place),
                    admin,
                    country.cameo,
                    self.cities[c].population,
                    self.cities[c].geonameid
                )
            }
        }
    }
}

fn write_country(w: &mut Writer, c: &Country) {
    for s in [&c.iso2, &c.iso3, &c.cameo, &c.name] {
        w.str(s);
    }
    w.opt_f64(c.lat);
    w.opt_f64(c.lon);
    w.str(&c.centroid);
    w.bool(c.capital.is_some());
    w.count(c.capital.unwrap_or(0));
    w.u64(c.population);
}

fn read_country(r: &mut Reader) -> Option<Country> {
    Some(Country {
        iso2: r.str()?.into(),
        iso3: r.str()?.into(),
        cameo: r.str()?.into(),
        name: r.str()?.into(),
        lat: r.opt_f64()?,
        lon: r.opt_f64()?,
        centroid: r.str()?.into(),
        capital: {
            let some = r.bool()?;
            let idx = r.count()?;
            some.then_some(idx)
        },
        population: r.u64()?,
    })
}

fn write_admin1(w: &mut Writer, a: &Admin1) {
    w.count(a.country);
    w.str(&a.code);
    w.str(&a.name);
    w.opt_f64(a.lat);
    w.opt_f64(a.lon);
    w.u64(a.population);
    w.u8(feature_tag(a.feature));
}

fn read_admin1(r: &mut Reader) -> Option<Admin1> {
    Some(Admin1 {
        country: r.count()?,
        code: r.str()?.into(),
        name: r.str()?.into(),
        lat: r.opt_f64()?,
        lon: r.opt_f64()?,
        population: r.u64()?,
        feature: feature_of_tag(r.u8()?)?,
    })
}

fn write_city(w: &mut Writer, c: &City) {
    w.u32(c.geonameid);
    w.str(&c.name);
    w.str(&c.ascii);
    w.count(c.country);
    w.str(&c.admin1);
    w.f64(c.lat);
    w.f64(c.lon);
    w.u64(c.population);
    w.bool(c.capital);
    w.u32(c.altcount);
}

fn read_city(r: &mut Reader) -> Option<City> {
    Some(City {
        geonameid: r.u32()?,
        name: r.str()?.into(),
        ascii: r.str()?.into(),
        country: r.count()?,
        admin1: r.str()?.into(),
        lat: r.f64()?,
        lon: r.f64()?,
        population: r.u64()?,
        capital: r.bool()?,
        altcount: r.u32()?,
    })
}

const FEATURES: [FeatureType; 5] = [
    FeatureType::Country,
    FeatureType::Admin1,
    FeatureType::Region,
    FeatureType::City,
    FeatureType::Capital,
];

fn feature_tag(f: FeatureType) -> u8 {
    FEATURES.iter().position(|&x| x == f).unwrap_or(0) as u8
}

fn feature_of_tag(tag: u8) -> Option<FeatureType> {
    FEATURES.get(usize::from(tag)).copied()
}

/// `n` items read with `item`.
fn read_vec<T>(r: &mut Reader, item: fn(&mut Reader) -> Option<T>) -> Option<Vec<T>> {
    let n = r.count()?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(item(r)?);
    }
    Some(out)
}

fn read_index_map(r: &mut Reader) -> Option<FastMap<String, usize>> {
    let n = r.count()?;
    let mut map = FastMap::with_capacity_and_hasher(n, Default::default());
    for _ in 0..n {
        map.insert(r.str()?.to_string(), r.count()?);
    }
    Some(map)
}

/// Reads a gazetteer snapshot; `keep` keeps its tables of bytes (copied or borrowed);
/// `trusted`: the name table is the build's own, checked only for its size.
fn read_gazetteer<'a>(
    r: &mut Reader<'a>,
    keep: impl Fn(&'a [u8]) -> Cow<'static, [u8]>,
    trusted: bool,
) -> Option<Gazetteer> {
    let countries = read_vec(r, read_country)?;
    let admin1 = read_vec(r, read_admin1)?;
    let cities = read_vec(r, read_city)?;
    let sizes = TableSizes {
        countries: countries.len(),
        admin1: admin1.len(),
        cities: cities.len(),
    };
    let table = keep(r.bytes()?);
    let names = if trusted {
        NameTable::from_trusted_bytes(table, sizes)?
    } else {
        NameTable::from_bytes(table, sizes)?
    };
    let adjectives = read_index_map(r)?;
    let codes = read_index_map(r)?;
    let iso2_index = read_index_map(r)?;
    let n = r.count()?;
    let mut admin1_codes = FastMap::with_capacity_and_hasher(n, Default::default());
    for _ in 0..n {
        let key = (r.count()?, r.str()?.to_string());
        admin1_codes.insert(key, r.count()?);
    }
    let first_words = FirstWords::from_bytes(keep(r.bytes()?))?;
    let city_first_words = keep(r.bytes()?);
    if city_first_words.len() != 4 * cities.len() {
        return None;
    }
    r.is_at_end().then_some(Gazetteer {
        countries,
        admin1,
        cities,
        names,
        parsed_names: FastMap::default(),
        adjectives,
        codes,
        admin1_codes,
        iso2_index,
        first_words,
        city_first_words,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_names() {
        assert_eq!(fold_key("Bogotá"), "bogota");
        assert_eq!(fold_key("St.  Petersburg"), "st petersburg");
        assert_eq!(fold_key("Sana\u{2019}a"), "sana'a");
        assert_eq!(fold_key("U.S."), "us");
    }

    #[test]
    fn folds_diacritics_beyond_latin_1() {
        let cases = [
            ("Łódź", "lodz"),
            ("Đà Nẵng", "da nang"),
            ("São Paulo", "sao paulo"),
            ("Şanlıurfa", "sanliurfa"),
            ("Ḩalab", "halab"),
            ("Tórshavn", "torshavn"),
            ("Øresund", "oresund"),
            ("Straße", "strasse"),
            ("Cæsarea", "caesarea"),
            ("Qaraǧandy", "qaragandy"),
        ];
        for (name, key) in cases {
            assert_eq!(fold_key(name), key, "{name}");
        }
    }

    #[test]
    fn folds_every_letter_the_latin_table_folded() {
        let table = [
            ("àáâãäåāăąǎ", "aaaaaaaaaa"),
            ("çćĉċč", "ccccc"),
            ("ďđḍ", "ddd"),
            ("èéêëēĕėęěə", "eeeeeeeeee"),
            ("ĝğġģ", "gggg"),
            ("ĥħḥḩ", "hhhh"),
            ("ìíîïĩīĭįıǐ", "iiiiiiiiii"),
            ("ĵķĺļľŀł", "jklllll"),
            ("ñńņň", "nnnn"),
            ("òóôõöøōŏőǒ", "oooooooooo"),
            ("ŕŗřśŝşšșṣ", "rrrssssss"),
            ("ţťŧțṭ", "ttttt"),
            ("ùúûüũūŭůűųǔ", "uuuuuuuuuuu"),
            ("ŵýÿŷźżžẓ", "wyyyzzzz"),
            ("æœß\u{2019}\u{2018}\u{02BC}\u{02BB}", "aeoess''''"),
        ];
        for (letters, folded) in table {
            assert_eq!(fold_key(letters), folded, "{letters}");
        }
    }

    #[test]
    fn bundled_gazetteer_loads() {
        let g = Gazetteer::bundled();
        assert!(g.countries().len() > 240, "{}", g.countries().len());
        assert!(g.cities().len() > 30_000);
        let chn = g.country_by_code("CHN").expect("China");
        assert_eq!(g.countries()[chn].iso2, "CN");
        let beijing = g.capital_of(chn).expect("capital");
        assert_eq!(g.cities()[beijing].name, "Beijing");
        assert_eq!(g.country_by_adjective("Chinese"), Some(chn));
        assert_eq!(
            g.country_by_code("KSV")
                .map(|k| g.countries()[k].iso2.as_str()),
            Some("XK")
        );
        assert_eq!(g.country_by_code("USAGOV"), g.country_by_code("USA"));
        assert_eq!(g.country_by_name("Britain"), g.country_by_code("GBR"));
        let paris: Vec<_> = g
            .lookup("paris")
            .iter()
            .map(|r| g.describe(r.place))
            .collect();
        assert!(
            paris.iter().any(|d| d.contains("FRA")) && paris.iter().any(|d| d.contains("Texas")),
            "{paris:?}"
        );
        assert!(g
            .lookup("Peking")
            .iter()
            .any(|r| r.place == PlaceId::City(beijing)));
        assert!(g
            .lookup("Gaza Strip")
            .iter()
            .any(|r| g.feature_of(r.place) == FeatureType::Region));
        assert!(g
            .lookup("St. Petersburg")
            .iter()
            .any(|r| matches!(r.place, PlaceId::City(_))));
        assert!(g.lookup("US").iter().all(|r| r.all_caps));
        let georgia: Vec<_> = g
            .lookup("Georgia")
            .iter()
            .map(|r| g.feature_of(r.place))
            .collect();
        assert!(
            georgia.contains(&FeatureType::Country) && georgia.contains(&FeatureType::Admin1),
            "{georgia:?}"
        );
    }

    #[test]
    fn bad_rows_are_errors() {
        let err = Gazetteer::from_tsv("iso2\tx\nCN\tCHN\n", "country\n", "geonameid\n", "name\n")
            .unwrap_err();
        assert!(err.to_string().contains("countries.tsv"), "{err}");
        let c = "iso2\tiso3\tcameo\tname\tlat\tlon\tcentroid\tcapital\tcapital_geonameid\tpopulation\taliases\tadjectives\nZZ\tZZZ\tZZZ\tZed\t\t\tnone\t\t\t0\t\t\n";
        let err = Gazetteer::from_tsv(
            c,
            "country\n",
            "geonameid\n1\tX\tX\tQQ\t\t0\t0\t1\tPPL\t0\t\n",
            "name\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("unknown country"), "{err}");
        assert!(Gazetteer::from_tsv(c, "country\n", "geonameid\n", "name\n").is_ok());
    }

    #[test]
    fn bad_numbers_are_errors_with_file_and_line() {
        let c = "# comment\n\niso2\tiso3\tcameo\tname\tlat\tlon\tcentroid\tcapital\t\
                 capital_geonameid\tpopulation\taliases\tadjectives\n\
                 # another\nZZ\tZZZ\tZZZ\tZed\tnorth\t\tnone\t\t\t0\t\t\n";
        let err = Gazetteer::from_tsv(c, "country\n", "geonameid\n", "name\n").unwrap_err();
        let shown = err.to_string();
        assert!(shown.contains("countries.tsv"), "{shown}");
        assert!(shown.contains("line 5: bad lat `north`"), "{shown}");
    }
}
