//! The knowledge base: countries, seat-of-government metonyms, first-level
//! regions, organisations and office holders with date-ranged offices, loaded
//! once from the user-editable TSV files in `data/kb/` (embedded at compile
//! time; a directory named by the `CHRONICLE_DATA` environment variable
//! overrides them file by file: `$CHRONICLE_DATA/kb/countries.tsv`, …).
//!
//! Names are matched after folding: lower case, diacritics removed
//! (`Erdoğan` = `Erdogan`), curly apostrophes straightened, and common
//! transliteration endings unified (`Zelenskyy`/`Zelenskiy` = `Zelensky`).
//! [`Gazetteer`] finds the longest knowledge-base name starting at each token.

use std::hash::Hasher;
use std::path::Path;

use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHasher};

use crate::LanguageError;

/// A country.
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code.
    pub iso3: String,
    /// ISO 3166-1 alpha-2 code.
    pub iso2: String,
    /// Common English name.
    pub name: String,
    /// Other names ("Russian Federation", "US").
    pub aliases: Vec<String>,
    /// Nationality adjectives and nouns ("Ukrainian", "Ukrainians").
    pub demonyms: Vec<String>,
    /// Capitals, with spelling variants ("Kyiv", "Kiev").
    pub capitals: Vec<String>,
    /// CAMEO country code.
    pub cameo: String,
}

/// A place or building name standing for an institution ("the Kremlin").
#[derive(Clone, Debug, PartialEq)]
pub struct Metonym {
    /// The canonical surface form (the first listed).
    pub surface: String,
    /// Other surface forms.
    pub aliases: Vec<String>,
    /// The country it stands for.
    pub iso3: String,
    /// PLOVER sector (`GOV`, `MIL`, …).
    pub sector: String,
    /// The kind given in the file (e.g. `seat`, `capital`, `institution`).
    pub kind: String,
}

/// A first-level region (province, state, oblast).
#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    /// ISO 3166-2 code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// The country.
    pub iso3: String,
}

impl Region {
    /// True when `p` lies in this region: its country, and a GeoNames admin1
    /// code equal to the region's ISO 3166-2 letters ("US-LA" holds admin1 "LA").
    pub fn holds(&self, p: &Place) -> bool {
        p.iso3 == self.iso3 && self.code.rsplit('-').next() == Some(p.admin1.as_str())
    }
}

/// An organisation (international, national institution, armed group, …).
#[derive(Clone, Debug, PartialEq)]
pub struct Organization {
    /// Knowledge-base id (`nato`, `un`).
    pub id: String,
    /// Name.
    pub name: String,
    /// Other names and acronyms.
    pub aliases: Vec<String>,
    /// CAMEO code.
    pub cameo: String,
    /// PLOVER sector.
    pub sector: String,
    /// The country it belongs to, when national.
    pub country: Option<String>,
}

/// One tenure of an office.
#[derive(Clone, Debug, PartialEq)]
pub struct Office {
    /// Country (ISO alpha-3) or organisation code.
    pub iso3: String,
    /// The office, lower case ("president", "foreign minister").
    pub office: String,
    /// First day, when known.
    pub from: Option<NaiveDate>,
    /// Last day; `None` while in office.
    pub to: Option<NaiveDate>,
    /// PLOVER sector.
    pub sector: String,
}

impl Office {
    /// True when the tenure covers `date`.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from.map_or(true, |f| f <= date) && self.to.map_or(true, |t| date <= t)
    }
}

/// A person holding (or having held) offices.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    /// Knowledge-base id (`volodymyr-zelensky`).
    pub id: String,
    /// Full name.
    pub name: String,
    /// Other spellings.
    pub aliases: Vec<String>,
    /// Tenures.
    pub offices: Vec<Office>,
}

/// The tenure that speaks for `date`: the first listed that covers it; when
/// none does (or no date is given), the first open-ended one, else the first.
/// Shared by office holders and dictionary actors.
pub fn office_at(offices: &[Office], date: Option<NaiveDate>) -> Option<&Office> {
    date.and_then(|d| offices.iter().find(|o| o.covers(d)))
        .or_else(|| offices.iter().find(|o| o.to.is_none()))
        .or(offices.first())
}

impl Person {
    /// The country of the person's office at `date` (or of any office when
    /// no date is given or none covers it): see [`office_at`].
    pub fn country_at(&self, date: Option<NaiveDate>) -> Option<&str> {
        office_at(&self.offices, date).map(|o| o.iso3.as_str())
    }

    /// The country of this person's `office` (at `date` when known), when
    /// exactly one fits: how a stated role without a country gets one.
    pub fn sole_country_of_office(&self, office: &str, date: Option<NaiveDate>) -> Option<&str> {
        let mut codes: Vec<&str> = self
            .offices
            .iter()
            .filter(|o| o.office == office && date.map_or(true, |d| o.covers(d)))
            .map(|o| o.iso3.as_str())
            .collect();
        codes.dedup();
        match codes.as_slice() {
            [c] => Some(c),
            _ => None,
        }
    }

    /// The sector of the office at `date`, as [`Person::country_at`].
    pub fn sector_at(&self, date: Option<NaiveDate>) -> Option<&str> {
        office_at(&self.offices, date).map(|o| o.sector.as_str())
    }
}

/// Whether a dictionary actor is a person or an institution or group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorKind {
    /// A person.
    Person,
    /// An institution, international body or non-state group.
    Organization,
}

/// An actor from the world-scale dictionaries (`actors.tsv` with its
/// date-ranged roles from `actor_roles.tsv`, converted from PETRARCH-2).
#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    /// Id (`muammar-al-qaddafi`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Other spellings.
    pub aliases: Vec<String>,
    /// Person or organisation.
    pub kind: ActorKind,
    /// The hand-made KB's id of the same actor (a `person_id` of
    /// `office_holders.tsv` or an `id` of `organizations.tsv`), whose facts win.
    pub same_as: Option<String>,
    /// Roles, dated ones first, then the default (undated) ones. `office` is
    /// empty; `iso3` holds the country or `UNO`/`EUR`/`IGO`/`NGO`/`IMG`
    /// (empty when the code names none).
    pub roles: Vec<Office>,
}

impl Actor {
    /// The role at `date` ([`office_at`]).
    pub fn role_at(&self, date: Option<NaiveDate>) -> Option<&Office> {
        office_at(&self.roles, date)
    }
}

/// A populated place from GeoNames (`places.tsv`).
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// GeoNames id.
    pub geonameid: u32,
    /// GeoNames name.
    pub name: String,
    /// Other spellings (the ASCII name and a few Latin-script alternates).
    pub aliases: Vec<String>,
    /// Country, ISO alpha-3.
    pub iso3: String,
    /// GeoNames first-level administrative code.
    pub admin1: String,
    /// Latitude, WGS84 degrees.
    pub lat: f64,
    /// Longitude, WGS84 degrees.
    pub lon: f64,
    /// Population.
    pub population: u64,
}

impl Place {
    /// The place's knowledge-base id: `geonames-<id>`.
    pub fn kb_id(&self) -> String {
        format!("geonames-{}", self.geonameid)
    }
}

/// What a gazetteer name refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Entry {
    /// A country name or alias (index into [`Kb::countries`]).
    Country(u32),
    /// A capital of the country.
    Capital(u32),
    /// A demonym of the country.
    Demonym(u32),
    /// A metonym (index into [`Kb::metonyms`]).
    Metonym(u32),
    /// A region (index into [`Kb::regions`]).
    Region(u32),
    /// An organisation (index into [`Kb::organizations`]).
    Organization(u32),
    /// A person (index into [`Kb::persons`]).
    Person(u32),
}

impl Entry {
    /// Preference when one name has several readings: lower wins.
    fn rank(self) -> u8 {
        match self {
            Entry::Person(_) => 0,
            Entry::Organization(_) => 1,
            Entry::Country(_) => 2,
            Entry::Metonym(_) => 3,
            Entry::Capital(_) => 4,
            Entry::Demonym(_) => 5,
            Entry::Region(_) => 6,
        }
    }
}

/// A gazetteer phrase: folded token keys and which tokens must be capitalised.
#[derive(Clone, Debug)]
struct Phrase {
    keys: Vec<u64>,
    caps: u64,
    /// Tokens that are short acronyms in every name of the phrase ([`is_short_acronym`]).
    acronyms: u64,
    entries: Vec<Entry>,
}

/// A word of two or three capital letters ("ACT", "UN"): in running text an
/// acronym that short is written in capitals, so "Act" (of a law) or "Who" is
/// another word. Longer ones are often written as words ("Nato", "Unicef").
fn is_short_acronym(w: &str) -> bool {
    (2..=3).contains(&w.chars().count()) && w.chars().all(|c| c.is_ascii_uppercase())
}

/// Longest-match name finder over tokens: first-token key → candidate phrases.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    phrases: Vec<Phrase>,
    by_first: FxHashMap<u64, Vec<u32>>,
    by_keys: FxHashMap<Vec<u64>, u32>,
}

/// A gazetteer match: `len` tokens from the start token, with its readings
/// (best first).
#[derive(Clone, Debug, PartialEq)]
pub struct Match<'a> {
    /// Number of tokens.
    pub len: usize,
    /// What the name may refer to, best first.
    pub entries: &'a [Entry],
}

fn is_function_word(w: &str) -> bool {
    matches!(w, "of" | "the" | "and" | "for" | "de" | "del" | "la" | "von" | "der" | "van" | "al" | "bin" | "on" | "in" | "&")
}

impl Gazetteer {
    fn add(&mut self, name: &str, entry: Entry) {
        let name = name.trim();
        let name = name
            .strip_prefix("the ")
            .or_else(|| name.strip_prefix("The "))
            .unwrap_or(name);
        if name.is_empty() {
            return;
        }
        let toks = crate::sentence::tokenize(name);
        if toks.is_empty() || toks.len() > 12 {
            return;
        }
        let mut buf = String::new();
        let mut keys = Vec::with_capacity(toks.len());
        let (mut caps, mut acronyms) = (0u64, 0u64);
        for (i, r) in toks.iter().enumerate() {
            let t = &name[r.clone()];
            keys.push(token_key(t, &mut buf));
            if t.starts_with(char::is_uppercase) && !is_function_word(t) {
                caps |= 1 << i;
            }
            if is_short_acronym(t) {
                acronyms |= 1 << i;
            }
        }
        if let Some(&p) = self.by_keys.get(&keys) {
            let ph = &mut self.phrases[p as usize];
            // a name that writes the word otherwise ("Ukraine"/"UKRAINE") relaxes the check
            ph.acronyms &= acronyms;
            if !ph.entries.contains(&entry) {
                ph.entries.push(entry);
                ph.entries.sort_by_key(|e| e.rank());
            }
            return;
        }
        let idx = self.phrases.len() as u32;
        self.by_first.entry(keys[0]).or_default().push(idx);
        self.by_keys.insert(keys.clone(), idx);
        self.phrases.push(Phrase { keys, caps, acronyms, entries: vec![entry] });
    }

    /// The longest name starting at token `i`. `keys` are the folded keys of
    /// the tokens ([`token_key`]) and `words` their text (for the
    /// capitalisation check).
    pub fn longest_at<'a>(&'a self, keys: &[u64], words: &[&str], i: usize) -> Option<Match<'a>> {
        let first = keys.get(i)?;
        let cands = self.by_first.get(first)?;
        let mut best: Option<&Phrase> = None;
        for &c in cands {
            let ph = &self.phrases[c as usize];
            let n = ph.keys.len();
            if best.is_some_and(|b| b.keys.len() >= n) || i + n > keys.len() {
                continue;
            }
            if keys[i..i + n] != ph.keys[..] {
                continue;
            }
            let cased = (0..n).all(|k| {
                let w = words.get(i + k);
                (ph.caps & (1 << k) == 0 || w.is_some_and(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_numeric())))
                    && (ph.acronyms & (1 << k) == 0 || w.is_some_and(|w| w.chars().all(|c| !c.is_lowercase())))
            });
            if cased {
                best = Some(ph);
            }
        }
        best.map(|p| Match { len: p.keys.len(), entries: &p.entries })
    }
}

/// The population-weighted centre of each country's places. Latitude is
/// averaged directly; longitude through its unit vector, so a country across
/// the antimeridian is not placed on the far side of the globe.
fn country_centres(places: &[Place]) -> FxHashMap<String, (f64, f64)> {
    centres(places.iter().map(|p| (p.iso3.clone(), p)))
}

/// The population-weighted centre of the places of each first-level region
/// whose ISO 3166-2 code ends in the letters GeoNames uses as its admin1 code
/// ("US-LA" and admin1 "LA", "GB-SCT" and "SCT"). Regions whose GeoNames codes
/// are numbers or other letters (most countries outside the United States,
/// the United Kingdom, Switzerland, Spain and Belgium) get no centre: a code
/// is never matched across the two systems by guess.
fn region_centres(regions: &[Region], countries: &[Country], places: &[Place]) -> FxHashMap<String, (f64, f64)> {
    let mut by_admin: FxHashMap<(&str, &str), &str> = FxHashMap::default();
    for r in regions {
        let Some((iso2, sub)) = r.code.split_once('-') else { continue };
        if sub.is_empty() || !sub.bytes().all(|b| b.is_ascii_uppercase()) {
            continue;
        }
        if countries.iter().any(|c| c.iso2 == iso2 && c.iso3 == r.iso3) {
            by_admin.insert((r.iso3.as_str(), sub), r.code.as_str());
        }
    }
    centres(places.iter().filter_map(|p| by_admin.get(&(p.iso3.as_str(), p.admin1.as_str())).map(|code| (code.to_string(), p))))
}

/// The population-weighted centre of each key's places (see
/// [`country_centres`] for the averaging).
fn centres<'a>(keyed: impl Iterator<Item = (String, &'a Place)>) -> FxHashMap<String, (f64, f64)> {
    let mut sums: FxHashMap<String, (f64, f64, f64, f64)> = FxHashMap::default();
    for (key, p) in keyed {
        let w = p.population.max(1) as f64;
        let s = sums.entry(key).or_default();
        let lon = p.lon.to_radians();
        s.0 += w * p.lat;
        s.1 += w * lon.cos();
        s.2 += w * lon.sin();
        s.3 += w;
    }
    sums.into_iter()
        .filter(|(key, s)| !key.is_empty() && s.3 > 0.0)
        .map(|(key, (lat, x, y, w))| (key, (lat / w, y.atan2(x).to_degrees())))
        .collect()
}

/// Appends the folded form of one word (no spaces expected) to `out`.
fn fold_word_into(w: &str, out: &mut String) {
    let start = out.len();
    for c in w.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match c {
            '\u{2019}' | '\u{2018}' | '`' => out.push('\''),
            'ł' | 'Ł' => out.push('l'),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' => out.push('d'),
            'ß' => out.push_str("ss"),
            'ı' => out.push('i'),
            'æ' | 'Æ' => out.push_str("ae"),
            _ => unicode_normalization::char::decompose_canonical(c, |d| {
                if !matches!(d as u32, 0x0300..=0x036F) {
                    out.extend(d.to_lowercase());
                }
            }),
        }
    }
    // word-final transliteration variants: -yy, -iy, -ij → -y
    let word = &out[start..];
    if word.len() >= 5 && (word.ends_with("yy") || word.ends_with("iy") || word.ends_with("ij")) {
        out.truncate(out.len() - 2);
        out.push('y');
    }
}

/// Folds a name for lookup: lower case, diacritics dropped, curly
/// apostrophes straightened, transliteration endings unified
/// (`-yy`/`-iy`/`-ij` → `-y`), whitespace collapsed, into `out`.
pub fn fold_into(s: &str, out: &mut String) {
    out.clear();
    for (i, w) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        fold_word_into(w, out);
    }
}

/// The transliteration-aware key of a name (`chronicle_core::name`): words
/// split at spaces and hyphens, folded, the rules of
/// `data/names/variants.tsv` applied ("Moammar Gadhafi" and "Muammar
/// Qaddafi" share it; "al" is left out).
pub fn name_key(s: &str) -> String {
    let mut buf = String::new();
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            buf.clear();
            fold_word_into(w, &mut buf);
            buf.clone()
        })
        .collect();
    chronicle_core::name::name_key(words.iter().map(String::as_str))
}

/// Folds a name (see [`fold_into`]).
pub fn fold(s: &str) -> String {
    let mut out = String::new();
    fold_into(s, &mut out);
    out
}

/// The gazetteer key of one token: a hash of its folded form. `buf` is
/// scratch space.
pub fn token_key(tok: &str, buf: &mut String) -> u64 {
    buf.clear();
    fold_word_into(tok, buf);
    let mut h = FxHasher::default();
    h.write(buf.as_bytes());
    h.finish()
}

/// Normalises an office name for comparison ("Defense Minister" = "defence minister").
pub fn normalize_office(s: &str) -> String {
    let mut o = s.trim().to_lowercase().replace("defense", "defence");
    if o == "minister of foreign affairs" {
        o = "foreign minister".into();
    } else if o == "minister of defence" {
        o = "defence minister".into();
    }
    o
}

/// The dictionary actors by [`name_key`] of each name and alias, and of the
/// last word of each person's name of two or more words.
#[derive(Clone, Debug, Default)]
struct ActorKeys {
    names: FxHashMap<String, Vec<u32>>,
    surnames: FxHashMap<String, Vec<u32>>,
}

impl ActorKeys {
    fn build(actors: &[Actor]) -> ActorKeys {
        let mut k = ActorKeys::default();
        let push = |map: &mut FxHashMap<String, Vec<u32>>, name: &str, i: u32| {
            let v = map.entry(name_key(name)).or_default();
            if v.last() != Some(&i) {
                v.push(i);
            }
        };
        for (i, a) in actors.iter().enumerate() {
            for n in std::iter::once(&a.name).chain(&a.aliases) {
                push(&mut k.names, n, i as u32);
                if a.kind == ActorKind::Person && n.split_whitespace().count() >= 2 {
                    if let Some(last) = n.split_whitespace().last() {
                        push(&mut k.surnames, last, i as u32);
                    }
                }
            }
        }
        k.names.remove("");
        k.surnames.remove("");
        k
    }
}

/// Countries, metonyms, regions, organisations and office holders.
#[derive(Clone, Debug, Default)]
pub struct Kb {
    /// Countries.
    pub countries: Vec<Country>,
    /// Metonyms.
    pub metonyms: Vec<Metonym>,
    /// Regions.
    pub regions: Vec<Region>,
    /// Organisations.
    pub organizations: Vec<Organization>,
    /// Office holders (with the dictionary roles of the same people appended
    /// after their hand-made offices).
    pub persons: Vec<Person>,
    /// Dictionary actors (PETRARCH-2).
    pub actors: Vec<Actor>,
    /// GeoNames populated places.
    pub places: Vec<Place>,
    actor_names: FxHashMap<String, Vec<u32>>,
    /// Name keys and family-name keys of the dictionary actors, built on the
    /// first lookup that needs them (not at load: most runs never do).
    actor_keys: std::sync::OnceLock<ActorKeys>,
    actor_surnames: FxHashMap<String, Vec<u32>>,
    actor_given_names: rustc_hash::FxHashSet<String>,
    place_names: FxHashMap<String, Vec<u32>>,
    place_by_geonameid: FxHashMap<u32, u32>,
    region_names: FxHashMap<String, u32>,
    country_centres: FxHashMap<String, (f64, f64)>,
    region_centres: FxHashMap<String, (f64, f64)>,
    by_iso3: FxHashMap<String, u32>,
    by_org_id: FxHashMap<String, u32>,
    by_person_id: FxHashMap<String, u32>,
    person_names: FxHashMap<String, Vec<u32>>,
    surnames: FxHashMap<String, Vec<u32>>,
    gazetteer: Gazetteer,
}

/// The knowledge-base files, in load order.
pub const FILES: [&str; 8] = [
    "countries.tsv",
    "metonyms.tsv",
    "regions.tsv",
    "organizations.tsv",
    "office_holders.tsv",
    "actors.tsv",
    "actor_roles.tsv",
    "places.tsv",
];

const BUILTIN: [&str; 8] = [
    include_str!("../../../data/kb/countries.tsv"),
    include_str!("../../../data/kb/metonyms.tsv"),
    include_str!("../../../data/kb/regions.tsv"),
    include_str!("../../../data/kb/organizations.tsv"),
    include_str!("../../../data/kb/office_holders.tsv"),
    include_str!("../../../data/kb/actors.tsv"),
    include_str!("../../../data/kb/actor_roles.tsv"),
    include_str!("../../../data/kb/places.tsv"),
];


fn split_list(s: &str) -> Vec<String> {
    s.split('|').map(str::trim).filter(|x| !x.is_empty() && *x != "-").map(String::from).collect()
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s != "-").then(|| s.to_string())
}

/// Parses a date of day, month or year precision; `first` picks the first
/// or last day of a coarser period. Empty, `-` and `present` are `None`.
fn parse_date(s: &str, first: bool) -> Result<Option<NaiveDate>, String> {
    let s = s.trim();
    if s.is_empty() || s == "-" || s.eq_ignore_ascii_case("present") || s.eq_ignore_ascii_case("now") {
        return Ok(None);
    }
    match chronicle_core::UncertainDate::parse_value(s) {
        Ok(u) => Ok(if first { u.earliest } else { u.latest }),
        Err(_) => Err(format!("bad date {s:?} (want YYYY-MM-DD, YYYY-MM or YYYY)")),
    }
}

fn bad_data(file: &str, line: usize, reason: &str) -> LanguageError {
    LanguageError::BadData { file: file.to_string(), line, reason: reason.to_string() }
}

/// Adds `i` under the folded form of each name (once per key).
fn index_names<'a>(map: &mut FxHashMap<String, Vec<u32>>, names: impl Iterator<Item = &'a String>, i: u32, buf: &mut String) {
    for n in names {
        fold_into(n, buf);
        let v = map.entry(buf.clone()).or_default();
        if v.last() != Some(&i) && !v.contains(&i) {
            v.push(i);
        }
    }
}

/// Rows of a TSV file: (1-based line, columns), comments and blank lines skipped.
fn rows<'a>(text: &'a str) -> impl Iterator<Item = (usize, Vec<&'a str>)> {
    text.lines().enumerate().filter_map(|(n, l)| {
        let l = l.trim_end_matches(['\r', '\n']);
        if l.trim().is_empty() || l.starts_with('#') {
            None
        } else {
            Some((n + 1, l.split('\t').collect()))
        }
    })
}

impl Kb {
    /// Loads the built-in data files, each replaced by
    /// `$CHRONICLE_DATA/kb/<file>` when that variable is set and the file exists.
    pub fn builtin() -> Result<Kb, LanguageError> {
        let dir = std::env::var_os("CHRONICLE_DATA").map(|d| Path::new(&d).join("kb"));
        let mut texts: Vec<(String, String)> = Vec::with_capacity(FILES.len());
        for (name, text) in FILES.iter().zip(BUILTIN) {
            match dir.as_ref().map(|d| d.join(name)).filter(|p| p.is_file()) {
                Some(p) => {
                    let t = std::fs::read_to_string(&p)
                        .map_err(|source| LanguageError::Io { file: p.display().to_string(), source })?;
                    texts.push((p.display().to_string(), t));
                }
                None => texts.push((format!("data/kb/{name}"), text.to_string())),
            }
        }
        Kb::from_texts(&texts)
    }

    /// Loads the [`FILES`] from a directory.
    pub fn load_dir(dir: &Path) -> Result<Kb, LanguageError> {
        let mut texts = Vec::new();
        for name in FILES {
            let p = dir.join(name);
            let t = std::fs::read_to_string(&p).map_err(|source| LanguageError::Io { file: p.display().to_string(), source })?;
            texts.push((p.display().to_string(), t));
        }
        Kb::from_texts(&texts)
    }

    /// Builds the KB from `(file name, text)` pairs in [`FILES`] order.
    pub fn from_texts(texts: &[(String, String)]) -> Result<Kb, LanguageError> {
        let mut kb = Kb::default();
        let get = |i: usize| texts.get(i).map(|(f, t)| (f.as_str(), t.as_str())).unwrap_or(("", ""));
        let bad = |file: &str, line: usize, reason: String| LanguageError::BadData { file: file.to_string(), line, reason };

        let (file, text) = get(0);
        for (line, c) in rows(text) {
            if c.len() < 3 {
                return Err(bad(file, line, "want iso3, iso2, name, aliases, demonyms, capitals, cameo".into()));
            }
            let col = |i: usize| c.get(i).copied().unwrap_or("");
            let iso3 = col(0).trim().to_string();
            if iso3.is_empty() {
                return Err(bad(file, line, "empty iso3".into()));
            }
            kb.countries.push(Country {
                iso3: iso3.clone(),
                iso2: col(1).trim().to_string(),
                name: col(2).trim().to_string(),
                aliases: split_list(col(3)),
                demonyms: split_list(col(4)),
                capitals: split_list(col(5)),
                cameo: col(6).trim().to_string(),
            });
            kb.by_iso3.insert(iso3, (kb.countries.len() - 1) as u32);
        }

        let (file, text) = get(1);
        for (line, c) in rows(text) {
            if c.len() < 2 {
                return Err(bad(file, line, "want surface, iso3, sector, type".into()));
            }
            let col = |i: usize| c.get(i).copied().unwrap_or("").trim();
            let mut forms = split_list(col(0));
            if forms.is_empty() {
                return Err(bad(file, line, "empty surface".into()));
            }
            let surface = forms.remove(0);
            kb.metonyms.push(Metonym {
                surface,
                aliases: forms,
                iso3: col(1).to_string(),
                sector: col(2).to_string(),
                kind: col(3).to_string(),
            });
        }

        let (file, text) = get(2);
        for (line, c) in rows(text) {
            if c.len() < 2 {
                return Err(bad(file, line, "want code, name, aliases, iso3".into()));
            }
            let col = |i: usize| c.get(i).copied().unwrap_or("");
            let code = col(0).trim().to_string();
            let iso3 = opt(col(3)).unwrap_or_default();
            kb.regions.push(Region { code, name: col(1).trim().to_string(), aliases: split_list(col(2)), iso3 });
        }

        let (file, text) = get(3);
        for (line, c) in rows(text) {
            if c.len() < 2 {
                return Err(bad(file, line, "want id, name, aliases, cameo, sector, country".into()));
            }
            let col = |i: usize| c.get(i).copied().unwrap_or("");
            let id = col(0).trim().to_string();
            kb.by_org_id.insert(id.clone(), kb.organizations.len() as u32);
            kb.organizations.push(Organization {
                id,
                name: col(1).trim().to_string(),
                aliases: split_list(col(2)),
                cameo: col(3).trim().to_string(),
                sector: col(4).trim().to_string(),
                country: opt(col(5)),
            });
        }

        let (file, text) = get(4);
        for (line, c) in rows(text) {
            if c.len() < 5 {
                return Err(bad(file, line, "want person_id, name, aliases, iso3, office, from, to, sector".into()));
            }
            let col = |i: usize| c.get(i).copied().unwrap_or("");
            let id = col(0).trim().to_string();
            let from = parse_date(col(5), true).map_err(|r| bad(file, line, r))?;
            let to = parse_date(col(6), false).map_err(|r| bad(file, line, r))?;
            let office = Office {
                iso3: col(3).trim().to_string(),
                office: normalize_office(col(4)),
                from,
                to,
                sector: opt(col(7)).unwrap_or_else(|| "GOV".into()),
            };
            let idx = match kb.by_person_id.get(&id) {
                Some(&i) => i,
                None => {
                    kb.persons.push(Person { id: id.clone(), name: col(1).trim().to_string(), aliases: Vec::new(), offices: Vec::new() });
                    let i = (kb.persons.len() - 1) as u32;
                    kb.by_person_id.insert(id, i);
                    i
                }
            };
            let p = &mut kb.persons[idx as usize];
            for a in split_list(col(2)) {
                if !p.aliases.contains(&a) {
                    p.aliases.push(a);
                }
            }
            p.offices.push(office);
        }
        let (file, text) = get(5);
        kb.load_actors(file, text)?;
        let (file, text) = get(6);
        kb.load_actor_roles(file, text)?;
        let (file, text) = get(7);
        kb.load_places(file, text)?;
        kb.index();
        Ok(kb)
    }

    /// `actors.tsv`: id, name, aliases, type, same_as, source.
    fn load_actors(&mut self, file: &str, text: &str) -> Result<(), LanguageError> {
        for (line, c) in rows(text) {
            if c.len() < 5 {
                return Err(bad_data(file, line, "want id, name, aliases, type, same_as, source"));
            }
            let kind = match c[3].trim() {
                "person" => ActorKind::Person,
                "organization" => ActorKind::Organization,
                other => return Err(bad_data(file, line, &format!("type {other:?} is not person or organization"))),
            };
            self.actors.push(Actor {
                id: c[0].trim().to_string(),
                name: c[1].trim().to_string(),
                aliases: split_list(c[2]),
                kind,
                same_as: opt(c[4]),
                roles: Vec::new(),
            });
        }
        Ok(())
    }

    /// `actor_roles.tsv`: id, code, country, sector, from, to. Roles of an
    /// actor the hand-made office holders also list are appended to that
    /// person's offices, after the hand-made ones (which win where they cover
    /// a date).
    fn load_actor_roles(&mut self, file: &str, text: &str) -> Result<(), LanguageError> {
        let by_id: FxHashMap<&str, usize> = self.actors.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
        let mut roles: Vec<Vec<Office>> = vec![Vec::new(); self.actors.len()];
        for (line, c) in rows(text) {
            if c.len() < 6 {
                return Err(bad_data(file, line, "want id, code, country, sector, from, to"));
            }
            let Some(&i) = by_id.get(c[0].trim()) else {
                return Err(bad_data(file, line, &format!("no actor {:?} in actors.tsv", c[0].trim())));
            };
            let from = parse_date(c[4], true).map_err(|r| bad_data(file, line, &r))?;
            let to = parse_date(c[5], false).map_err(|r| bad_data(file, line, &r))?;
            roles[i].push(Office { iso3: c[2].trim().to_string(), office: String::new(), from, to, sector: c[3].trim().to_string() });
        }
        for (a, r) in self.actors.iter_mut().zip(roles) {
            a.roles = r;
            let person = a.same_as.as_deref().and_then(|id| self.by_person_id.get(id));
            if let (Some(&p), ActorKind::Person) = (person, a.kind) {
                self.persons[p as usize].offices.extend(a.roles.iter().cloned());
            }
        }
        Ok(())
    }

    /// `places.tsv`: geonameid, name, ascii, alternates, iso3, admin1, lat, lon, population.
    fn load_places(&mut self, file: &str, text: &str) -> Result<(), LanguageError> {
        for (line, c) in rows(text) {
            if c.len() < 9 {
                return Err(bad_data(file, line, "want geonameid, name, ascii, alternates, iso3, admin1, lat, lon, population"));
            }
            let num = |i: usize, what: &str| -> Result<f64, LanguageError> {
                c[i].trim().parse::<f64>().map_err(|_| bad_data(file, line, &format!("bad {what} {:?}", c[i])))
            };
            let geonameid = c[0].trim().parse::<u32>().map_err(|_| bad_data(file, line, &format!("bad geonameid {:?}", c[0])))?;
            let mut aliases = split_list(c[2]);
            aliases.extend(split_list(c[3]));
            self.places.push(Place {
                geonameid,
                name: c[1].trim().to_string(),
                aliases,
                iso3: c[4].trim().to_string(),
                admin1: c[5].trim().to_string(),
                lat: num(6, "lat")?,
                lon: num(7, "lon")?,
                population: num(8, "population")? as u64,
            });
        }
        Ok(())
    }

    fn index(&mut self) {
        let mut g = Gazetteer::default();
        for (i, c) in self.countries.iter().enumerate() {
            let i = i as u32;
            g.add(&c.name, Entry::Country(i));
            for a in &c.aliases {
                g.add(a, Entry::Country(i));
            }
            for d in &c.demonyms {
                g.add(d, Entry::Demonym(i));
            }
            for cap in &c.capitals {
                g.add(cap, Entry::Capital(i));
            }
        }
        for (i, m) in self.metonyms.iter().enumerate() {
            for s in std::iter::once(&m.surface).chain(&m.aliases) {
                g.add(s, Entry::Metonym(i as u32));
            }
        }
        for (i, r) in self.regions.iter().enumerate() {
            g.add(&r.name, Entry::Region(i as u32));
            for a in &r.aliases {
                g.add(a, Entry::Region(i as u32));
            }
        }
        for (i, o) in self.organizations.iter().enumerate() {
            g.add(&o.name, Entry::Organization(i as u32));
            for a in &o.aliases {
                g.add(a, Entry::Organization(i as u32));
            }
        }
        let mut names: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        let mut surnames: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for (i, p) in self.persons.iter().enumerate() {
            let i = i as u32;
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                g.add(n, Entry::Person(i));
                let v = names.entry(fold(n)).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
                if let Some(last) = n.split_whitespace().last() {
                    let v = surnames.entry(fold(last)).or_default();
                    if !v.contains(&i) {
                        v.push(i);
                    }
                }
            }
        }
        self.person_names = names;
        self.surnames = surnames;
        self.gazetteer = g;
        self.index_world();
    }

    /// Name tables of the dictionary actors and places (not in the
    /// gazetteer: they resolve mentions the recognizer found, see
    /// `ner::world`). Places under one name are kept most populous first.
    fn index_world(&mut self) {
        let mut buf = String::new();
        let (mut names, mut surnames, mut places) = (FxHashMap::default(), FxHashMap::default(), FxHashMap::default());
        let mut given = rustc_hash::FxHashSet::default();

        for (i, a) in self.actors.iter().enumerate() {
            let all = || std::iter::once(&a.name).chain(&a.aliases);
            index_names(&mut names, all(), i as u32, &mut buf);
            if a.kind == ActorKind::Person {
                let lasts: Vec<String> =
                    all().filter(|n| n.split_whitespace().count() >= 2).filter_map(|n| n.split_whitespace().last().map(String::from)).collect();
                index_names(&mut surnames, lasts.iter(), i as u32, &mut buf);
                for n in all().filter(|n| n.split_whitespace().count() >= 2) {
                    given.insert(fold(n.split_whitespace().next().unwrap_or("")));
                }
            }
        }
        for (i, p) in self.places.iter().enumerate() {
            index_names(&mut places, std::iter::once(&p.name).chain(&p.aliases), i as u32, &mut buf);
        }
        for v in places.values_mut() {
            v.sort_by_key(|&i| std::cmp::Reverse(self.places[i as usize].population));
        }
        self.place_by_geonameid = self.places.iter().enumerate().map(|(i, p)| (p.geonameid, i as u32)).collect();
        self.country_centres = country_centres(&self.places);
        self.region_centres = region_centres(&self.regions, &self.countries, &self.places);
        let mut regions = FxHashMap::default();
        for (i, r) in self.regions.iter().enumerate() {
            for n in std::iter::once(&r.name).chain(&r.aliases) {
                fold_into(n, &mut buf);
                regions.entry(buf.clone()).or_insert(i as u32);
            }
        }
        self.region_names = regions;
        self.actor_names = names;
        self.actor_keys = std::sync::OnceLock::new();
        self.actor_surnames = surnames;
        self.actor_given_names = given;
        self.place_names = places;
    }

    /// The gazetteer over all names.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The country with this ISO alpha-3 code.
    pub fn country(&self, iso3: &str) -> Option<&Country> {
        self.by_iso3.get(iso3).map(|&i| &self.countries[i as usize])
    }

    /// The country a name, alias, demonym or capital refers to
    /// ("Ukrainian" → UKR, "Kiev" → UKR).
    pub fn country_of_name(&self, name: &str) -> Option<&Country> {
        let name = name.trim();
        let name = name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")).unwrap_or(name);
        let toks = crate::sentence::tokenize(name);
        let words: Vec<&str> = toks.iter().map(|r| &name[r.clone()]).collect();
        let mut buf = String::new();
        let keys: Vec<u64> = words.iter().map(|w| token_key(w, &mut buf)).collect();
        let m = self.gazetteer.longest_at(&keys, &words, 0)?;
        if m.len != words.len() {
            return None;
        }
        m.entries.iter().find_map(|e| match *e {
            Entry::Country(i) | Entry::Capital(i) | Entry::Demonym(i) => self.countries.get(i as usize),
            Entry::Metonym(i) => self.metonyms.get(i as usize).and_then(|m| self.country(&m.iso3)),
            _ => None,
        })
    }

    /// The organisation with this id.
    pub fn organization(&self, id: &str) -> Option<&Organization> {
        self.by_org_id.get(id).map(|&i| &self.organizations[i as usize])
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.by_person_id.get(id).map(|&i| &self.persons[i as usize])
    }

    /// Persons whose name or alias folds to the same form as `name`
    /// (`Erdoğan` = `Erdogan`, `Zelenskyy` = `Zelensky`).
    pub fn persons_named(&self, name: &str) -> Vec<&Person> {
        self.person_names
            .get(&fold(name))
            .map(|v| v.iter().filter_map(|&i| self.persons.get(i as usize)).collect())
            .unwrap_or_default()
    }

    /// Persons whose last name (last token of name or alias) folds to `surname`.
    pub fn persons_with_surname(&self, surname: &str) -> Vec<&Person> {
        self.surnames
            .get(&fold(surname))
            .map(|v| v.iter().filter_map(|&i| self.persons.get(i as usize)).collect())
            .unwrap_or_default()
    }

    /// Dictionary actors whose name or alias folds to the same form as `name`,
    /// else whose name or alias has the same transliteration key
    /// ([`name_key`]: "Moammar Kadhafi", "Jean-Bertrand Aristide").
    pub fn actors_named(&self, name: &str) -> Vec<&Actor> {
        let found = self.actor_names.get(&fold(name)).or_else(|| self.keys().names.get(&name_key(name)));
        found.map(|v| v.iter().map(|&i| &self.actors[i as usize]).collect()).unwrap_or_default()
    }

    /// True when `word` starts a dictionary person's name of two or more
    /// words (a given name: "Janet", "Hassan").
    pub fn is_given_name(&self, word: &str) -> bool {
        self.actor_given_names.contains(&fold(word))
    }

    /// Dictionary persons whose name of two or more words ends in `surname`
    /// spelled alike, else — when `variants` — in a transliteration of it
    /// ("Kadhafi" for "Qaddafi"); none when the word also starts such a name
    /// (a given name: "Hassan").
    pub fn actors_with_surname(&self, surname: &str, variants: bool) -> Vec<&Actor> {
        if self.actor_given_names.contains(&fold(surname)) {
            return Vec::new();
        }
        let spelled = self.actor_surnames.get(&fold(surname));
        let found = if variants { spelled.or_else(|| self.keys().surnames.get(&name_key(surname))) } else { spelled };
        found.map(|v| v.iter().map(|&i| &self.actors[i as usize]).collect()).unwrap_or_default()
    }

    /// GeoNames places named `name` (name, ASCII name or kept alternate),
    /// most populous first.
    pub fn places_named(&self, name: &str) -> Vec<&Place> {
        self.place_names.get(&fold(name)).map(|v| v.iter().map(|&i| &self.places[i as usize]).collect()).unwrap_or_default()
    }

    /// The region (first-level subdivision or named area) with this name or
    /// alias.
    pub fn region_named(&self, name: &str) -> Option<&Region> {
        self.region_names.get(&fold(name)).map(|&i| &self.regions[i as usize])
    }

    fn keys(&self) -> &ActorKeys {
        self.actor_keys.get_or_init(|| ActorKeys::build(&self.actors))
    }

    /// The GeoNames place with this id.
    pub fn place(&self, geonameid: u32) -> Option<&Place> {
        self.place_by_geonameid.get(&geonameid).map(|&i| &self.places[i as usize])
    }

    /// A point standing for a country: the population-weighted centre
    /// (latitude, longitude) of its GeoNames places.
    pub fn country_centre(&self, iso3: &str) -> Option<(f64, f64)> {
        self.country_centres.get(iso3).copied()
    }

    /// A point standing for a first-level region (by ISO 3166-2 code): the
    /// population-weighted centre of its GeoNames places, where the GeoNames
    /// admin1 code is the code's own letters (see [`region_centres`]).
    pub fn region_centre(&self, code: &str) -> Option<(f64, f64)> {
        self.region_centres.get(code).copied()
    }

    /// Holders of `office` of `iso3` on `date` (office compared after
    /// [`normalize_office`]).
    pub fn holders_of(&self, iso3: &str, office: &str, date: NaiveDate) -> Vec<&Person> {
        let office = normalize_office(office);
        self.persons
            .iter()
            .filter(|p| p.offices.iter().any(|o| o.iso3 == iso3 && o.office == office && o.covers(date)))
            .collect()
    }

    /// The offices `person_id` held on `date`.
    pub fn offices_of(&self, person_id: &str, date: NaiveDate) -> Vec<&Office> {
        self.person(person_id).map(|p| p.offices.iter().filter(|o| o.covers(date)).collect()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn toy() -> Kb {
        let t = |s: &str| s.to_string();
        Kb::from_texts(&[
            (t("countries.tsv"), t("# c\nUKR\tUA\tUkraine\t\tUkrainian|Ukrainians\tKyiv|Kiev\tUKR\nTUR\tTR\tTurkey\tTürkiye\tTurkish\tAnkara\tTUR\n")),
            (t("metonyms.tsv"), t("the Kremlin\tRUS\tGOV\tseat\n")),
            (t("regions.tsv"), t("UA-14\tDonetsk\tDonetsk Oblast\tUKR\n")),
            (t("organizations.tsv"), t("nato\tNorth Atlantic Treaty Organization\tNATO\tNAT\tGOV\t\n")),
            (
                t("office_holders.tsv"),
                t("recep-tayyip-erdogan\tRecep Tayyip Erdoğan\tErdogan\tTUR\tpresident\t2014-08-28\t\tGOV\n\
                   dmytro-kuleba\tDmytro Kuleba\t\tUKR\tforeign minister\t2020-03-04\t2024-09-05\tGOV\n\
                   andrii-sybiha\tAndrii Sybiha\tAndriy Sybiha\tUKR\tforeign minister\t2024-09-05\t\tGOV\n"),
            ),
        ])
        .unwrap()
    }

    #[test]
    fn folding_equates_diacritics_and_transliterations() {
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("Zelenskyy"), fold("Zelensky"));
        assert_eq!(fold("Zelenskiy"), "zelensky");
        assert_eq!(fold("Kyiv’s"), "kyiv's");
        let kb = toy();
        assert_eq!(kb.persons_named("Recep Tayyip Erdogan")[0].id, "recep-tayyip-erdogan");
        assert_eq!(kb.persons_named("erdoğan")[0].id, "recep-tayyip-erdogan");
        assert_eq!(kb.persons_with_surname("Erdogan").len(), 1);
    }

    #[test]
    fn offices_are_date_ranged() {
        let kb = toy();
        let h = kb.holders_of("UKR", "Foreign Minister", d("2023-01-01"));
        assert_eq!(h.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["dmytro-kuleba"]);
        let h = kb.holders_of("UKR", "foreign minister", d("2025-05-16"));
        assert_eq!(h.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["andrii-sybiha"]);
        assert!(kb.offices_of("dmytro-kuleba", d("2025-01-01")).is_empty());
        assert_eq!(kb.offices_of("andrii-sybiha", d("2025-01-01"))[0].office, "foreign minister");
    }

    #[test]
    fn gazetteer_finds_longest_cased_names() {
        let kb = toy();
        let words = ["the", "Kremlin", "and", "Türkiye", "met", "in", "Kiev", "with", "Recep", "Tayyip", "Erdogan", "kiev"];
        let mut buf = String::new();
        let keys: Vec<u64> = words.iter().map(|w| token_key(w, &mut buf)).collect();
        let g = kb.gazetteer();
        assert!(matches!(g.longest_at(&keys, &words, 1).unwrap().entries[0], Entry::Metonym(0)));
        assert!(matches!(g.longest_at(&keys, &words, 3).unwrap().entries[0], Entry::Country(1)));
        assert!(matches!(g.longest_at(&keys, &words, 6).unwrap().entries[0], Entry::Capital(0)));
        assert_eq!(g.longest_at(&keys, &words, 8).unwrap().len, 3);
        assert!(g.longest_at(&keys, &words, 11).is_none(), "lower-case kiev is not a name");
        assert_eq!(kb.country_of_name("Ukrainians").unwrap().iso3, "UKR");
    }

    #[test]
    fn a_short_acronym_matches_only_in_capitals() {
        let mut g = Gazetteer::default();
        g.add("ACT", Entry::Region(0));
        g.add("Nato", Entry::Metonym(0));
        g.add("NATO", Entry::Metonym(0));
        let words = ["the", "Oil", "Pollution", "Act", "and", "the", "ACT", "government", "NATO", "Nato"];
        let mut buf = String::new();
        let keys: Vec<u64> = words.iter().map(|w| token_key(w, &mut buf)).collect();
        assert!(g.longest_at(&keys, &words, 3).is_none(), "'Act' of a law is not the territory");
        assert!(matches!(g.longest_at(&keys, &words, 6).unwrap().entries[0], Entry::Region(0)));
        // a longer acronym is often written as a word
        assert!(g.longest_at(&keys, &words, 8).is_some());
        assert!(g.longest_at(&keys, &words, 9).is_some());
    }

    #[test]
    fn errors_name_file_and_line() {
        let t = |s: &str| s.to_string();
        let e = Kb::from_texts(&[
            (t("c.tsv"), t("")),
            (t("m.tsv"), t("")),
            (t("r.tsv"), t("")),
            (t("o.tsv"), t("")),
            (t("oh.tsv"), t("# x\np\tP\t\tUKR\tpresident\t2020-13-01\t\tGOV\n")),
        ])
        .unwrap_err();
        assert!(e.to_string().starts_with("oh.tsv:2:"), "{e}");
    }

    fn toy_world(roles: &str) -> Result<Kb, LanguageError> {
        let t = |s: &str| s.to_string();
        Kb::from_texts(&[
            (t("countries.tsv"), t("TUR\tTR\tTurkey\t\tTurkish\tAnkara\t\nLBY\tLY\tLibya\t\tLibyan\tTripoli\t\n")),
            (t("metonyms.tsv"), t("")),
            (t("regions.tsv"), t("")),
            (t("organizations.tsv"), t("")),
            (t("office_holders.tsv"), t("recep-tayyip-erdogan\tRecep Tayyip Erdoğan\t\tTUR\tpresident\t2014-08-28\t\tGOV\n")),
            (
                t("actors.tsv"),
                t("# columns: id\tname\taliases\ttype\tsame_as\tsource\n\
                   erdogan\tRecep Tayyip Erdogan\tTayyip Erdogan\tperson\trecep-tayyip-erdogan\tcountries\n\
                   ann-veneman\tAnn Veneman\t\tperson\t\tcountries\n"),
            ),
            (t("actor_roles.tsv"), t(roles)),
            (t("places.tsv"), t("2214846\tMisratah\t\tMisrata|Misurata\tLBY\t72\t32.3753\t15.0925\t355657\n")),
        ])
    }

    #[test]
    fn a_region_is_centred_on_its_places_only_where_the_codes_agree() {
        let t = |s: &str| s.to_string();
        let kb = Kb::from_texts(&[
            (t("countries.tsv"), t("USA\tUS\tUnited States\t\tAmerican\tWashington\t\nJPN\tJP\tJapan\t\tJapanese\tTokyo\t\n")),
            (t("metonyms.tsv"), t("")),
            (t("regions.tsv"), t("US-TX\tTexas\t\tUSA\nJP-13\tTokyo\t\tJPN\nUS-NV\tNevada\t\tUSA\n")),
            (t("organizations.tsv"), t("")),
            (t("office_holders.tsv"), t("")),
            (t("actors.tsv"), t("")),
            (t("actor_roles.tsv"), t("")),
            (
                t("places.tsv"),
                t("1\tHouston\t\t\tUSA\tTX\t29.76\t-95.36\t2000000\n2\tDallas\t\t\tUSA\tTX\t32.78\t-96.80\t1000000\n\
                   3\tShinjuku\t\t\tJPN\t40\t35.69\t139.70\t300000\n4\tAkita\t\t\tJPN\t13\t39.72\t140.10\t300000\n"),
            ),
        ])
        .unwrap();
        let (lat, lon) = kb.region_centre("US-TX").unwrap();
        assert!((lat - (2.0 * 29.76 + 32.78) / 3.0).abs() < 1e-6 && (-96.80..-95.36).contains(&lon), "{lat} {lon}");
        assert_eq!(kb.region_centre("JP-13"), None, "GeoNames' Japanese admin1 13 is Akita, not ISO's Tokyo");
        assert_eq!(kb.region_centre("US-NV"), None, "no place of the region");
    }

    #[test]
    fn dictionary_roles_are_dated_and_follow_the_hand_made_offices() {
        let kb = toy_world(
            "erdogan\tTURGOV\tTUR\tGOV\t2003-03-14\t2014-08-27\nerdogan\tTURELI\tTUR\tELI\t\t\n\
             ann-veneman\tUSAGOV\tUSA\tGOV\t2001-01-20\t2005-01-20\nann-veneman\tIGOUNOKID\tUNO\t\t2005-05-01\t\n",
        )
        .unwrap();
        let a = &kb.actors_named("Ann Veneman")[0];
        assert_eq!(a.role_at(Some(d("2003-01-01"))).map(|o| o.iso3.as_str()), Some("USA"));
        assert_eq!(a.role_at(Some(d("2007-01-01"))).map(|o| o.iso3.as_str()), Some("UNO"));
        let p = kb.person("recep-tayyip-erdogan").unwrap();
        assert_eq!(p.offices[0].office, "president", "the hand-made office stays first");
        assert_eq!(p.sector_at(Some(d("2020-01-01"))), Some("GOV"));
        assert_eq!(p.sector_at(Some(d("2000-01-01"))), Some("ELI"), "the dictionary's default role before");
        assert_eq!(kb.actors_named("Tayyip Erdogan")[0].same_as.as_deref(), Some("recep-tayyip-erdogan"));
        assert_eq!(kb.actors_with_surname("Veneman", true).len(), 1);
        assert!(kb.actors_with_surname("Ann", true).is_empty());
        assert!(kb.actors_with_surname("Recep", true).is_empty(), "a given name is no surname");
        assert_eq!(kb.places_named("Misurata")[0].iso3, "LBY");
        assert_eq!(kb.places_named("misratah")[0].kb_id(), "geonames-2214846");
    }

    #[test]
    fn dictionary_errors_name_file_and_line() {
        let e = toy_world("# x\nnobody\tUSAGOV\tUSA\tGOV\t\t\n").unwrap_err();
        assert!(e.to_string().starts_with("actor_roles.tsv:2:"), "{e}");
        let e = toy_world("ann-veneman\tUSAGOV\tUSA\tGOV\t2001-13-01\t\n").unwrap_err();
        assert!(e.to_string().starts_with("actor_roles.tsv:1:"), "{e}");
    }

    #[test]
    fn builtin_kb_loads_and_resolves() {
        let kb = Kb::builtin().unwrap();
        assert!(kb.countries.len() > 200);
        assert_eq!(kb.country_of_name("Kiev").unwrap().iso3, "UKR");
        assert_eq!(kb.country_of_name("Ukrainian").unwrap().iso3, "UKR");
        assert_eq!(kb.country_of_name("Kremlin").unwrap().iso3, "RUS");
        assert_eq!(kb.persons_named("Recep Tayyip Erdogan")[0].id, kb.persons_named("Recep Tayyip Erdoğan")[0].id);
        let h = kb.holders_of("USA", "head of state", d("2023-06-01"));
        assert!(h.iter().all(|p| !p.offices.iter().any(|o| o.iso3 == "USA" && o.office == "head of state" && o.from == Some(d("2025-01-20")))));
        assert!(!h.is_empty());
    }

    #[test]
    fn dictionary_names_match_across_transliterations() {
        let kb = Kb::builtin().unwrap();
        let id = |n: &str| kb.actors_named(n).iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        let ruler = id("Muammar Qaddafi");
        assert!(!ruler.is_empty());
        // spellings the dictionary does not list
        assert_eq!(id("Muammar Kadhafi"), ruler);
        assert_eq!(id("Muammar el-Gaddafi"), ruler);
        assert_eq!(kb.actors_with_surname("Kadhafi", true).iter().map(|a| a.id.clone()).collect::<Vec<_>>(), ruler);
        assert!(kb.actors_with_surname("Kadhafi", false).is_empty(), "a variant spelling only when asked for");
        assert!(!kb.actors_with_surname("Soni", false).is_empty() && kb.actors_with_surname("Sony", false).is_empty());
        assert_eq!(name_key("Jean-Bertrand Aristide"), name_key("Jean Bertrand Aristide"));
    }
}
