//! Rules for persons and their stated roles, and in-document coreference.
//!
//! Patterns, over tokens (`TITLE` from `data/ner/titles.tsv`, optionally after
//! modifiers such as "former", "deputy", "lead"; `OF` a possessor "Russia's",
//! a demonym "Ukrainian", a country "US", a metonym "Kremlin" or an
//! organisation before the title, or "of Russia" after it):
//!
//! * title + name: `OF? TITLE NAME` ("Defence Minister Rustem Umerov",
//!   "Russian President Vladimir Putin", "Lt. Gen. Ivan Petrov");
//! * apposition, name first: `NAME , (the|a)? OF? TITLE (of X | for/to/on/from X)? ,|.`
//!   ("Vladimir Medinsky, Russia's lead negotiator,", "X, a congressman from Ohio,");
//! * apposition, title first: `(the|OF) TITLE , NAME ,|.`
//!   ("Russia's lead negotiator, Vladimir Medinsky,");
//! * honorific + name: "Mr Medinsky", "Sir Keir" (a person, no role);
//! * role noun: `(the|OF's) OF? TITLE` not followed by a name
//!   ("the Prime Minister", "the Kremlin spokesman", "Putin's spokesman").
//!
//! Each title pattern yields a person mention and a role claim; role nouns
//! are resolved by [`coref`].

use std::ops::Range;

use chronicle_core::{EntityType, MentionSource};
use rustc_hash::{FxHashMap, FxHashSet};

use super::{Cand, RoleFind, RoleNoun, View};
use crate::kb::{name_key, token_key, Kb};
use crate::LanguageError;

const TITLES_TSV: &str = include_str!("../../../../data/ner/titles.tsv");

#[derive(Clone, Debug)]
struct Title {
    keys: Vec<u64>,
    office: String,
    /// The CAMEO sector its holder is of (`GOV`, `JUD`, `BUS` …), if one.
    sector: Option<String>,
}

/// The title lexicon: titles, honorifics, modifiers and stop words.
#[derive(Clone, Debug, Default)]
pub struct Titles {
    titles: Vec<Title>,
    by_first: FxHashMap<u64, Vec<u32>>,
    honorifics: FxHashSet<u64>,
    knights: FxHashSet<u64>,
    modifiers: FxHashSet<u64>,
    stops: FxHashSet<u64>,
}

fn keys_of(s: &str) -> Vec<u64> {
    let mut buf = String::new();
    s.split_whitespace().map(|w| token_key(w, &mut buf)).collect()
}

fn key1(s: &str) -> u64 {
    token_key(s, &mut String::new())
}

impl Titles {
    /// The built-in lexicon (`data/ner/titles.tsv`).
    pub fn builtin() -> Result<Titles, LanguageError> {
        Titles::parse(TITLES_TSV, "data/ner/titles.tsv")
    }

    /// Parses `SURFACE<TAB>KIND[<TAB>OFFICE<TAB>SECTOR]` lines.
    pub fn parse(text: &str, file: &str) -> Result<Titles, LanguageError> {
        let mut t = Titles::default();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let c: Vec<&str> = line.split('\t').collect();
            let bad = |reason: &str| LanguageError::BadData { file: file.to_string(), line: n + 1, reason: reason.to_string() };
            let (Some(surface), Some(kind)) = (c.first(), c.get(1)) else {
                return Err(bad("want SURFACE<TAB>KIND"));
            };
            match kind.trim() {
                "title" => {
                    let office = c.get(2).map(|s| s.trim()).filter(|s| !s.is_empty()).ok_or_else(|| bad("a title needs an OFFICE"))?;
                    let keys = keys_of(surface);
                    if keys.is_empty() {
                        return Err(bad("empty title"));
                    }
                    t.by_first.entry(keys[0]).or_default().push(t.titles.len() as u32);
                    let sector = c.get(3).map(|s| s.trim()).filter(|s| !s.is_empty()).map(String::from);
                    t.titles.push(Title { keys, office: crate::kb::normalize_office(office), sector });
                }
                "honorific" => {
                    t.honorifics.insert(key1(surface.trim()));
                    if matches!(surface.trim(), "sir" | "dame") {
                        t.knights.insert(key1(surface.trim()));
                    }
                }
                "modifier" => {
                    t.modifiers.insert(key1(surface.trim()));
                }
                "stop" => {
                    t.stops.insert(key1(surface.trim()));
                }
                k => return Err(bad(&format!("unknown kind {k:?}"))),
            }
        }
        Ok(t)
    }

    /// The longest title at token `i` (token keys), not past `limit`.
    fn title_at(&self, keys: &[u64], i: usize, limit: usize) -> Option<(usize, &Title)> {
        let cands = self.by_first.get(keys.get(i)?)?;
        let mut best: Option<(usize, &Title)> = None;
        for &c in cands {
            let t = &self.titles[c as usize];
            let n = t.keys.len();
            if i + n <= limit && keys[i..i + n] == t.keys[..] && best.map_or(true, |(l, _)| n > l) {
                best = Some((n, t));
            }
        }
        best
    }

    /// The canonical office of a title string ("defence minister" → "defence
    /// minister", "us secretary of state" → "foreign minister"): the longest
    /// title found in it. Used to compare stated roles with the KB's tenures.
    pub fn office_of(&self, title: &str) -> Option<&str> {
        self.longest_in(title).map(|t| t.office.as_str())
    }

    /// The sector of a title string ("louisiana gov." → `GOV`, "federal
    /// judge" → `JUD`): that of the longest title found in it, if it has one.
    pub fn sector_of(&self, title: &str) -> Option<&str> {
        self.longest_in(title).and_then(|t| t.sector.as_deref())
    }

    /// The longest title found anywhere in a title string (the first of equal length).
    fn longest_in(&self, title: &str) -> Option<&Title> {
        let keys = keys_of(title);
        let mut best: Option<(usize, &Title)> = None;
        for i in 0..keys.len() {
            if let Some((n, t)) = self.title_at(&keys, i, keys.len()) {
                if best.map_or(true, |(l, _)| n > l) {
                    best = Some((n, t));
                }
            }
        }
        best.map(|(_, t)| t)
    }

    /// True when the token key is an honorific (`Mr`, `Sir`).
    pub(crate) fn is_honorific(&self, key: u64) -> bool {
        self.honorifics.contains(&key)
    }
}

/// What the rules found.
pub(crate) struct Found {
    pub persons: Vec<Cand>,
    pub roles: Vec<RoleFind>,
    pub role_nouns: Vec<RoleNoun>,
}

fn is_cap(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase()) && w.chars().any(char::is_alphabetic)
}

fn is_name_joiner(w: &str) -> bool {
    matches!(w, "bin" | "al" | "de" | "van" | "von" | "der" | "da" | "la" | "del" | "dos" | "el" | "ibn")
}

fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "\u{2019}s" | "'S")
}

fn is_det(w: &str) -> bool {
    matches!(w, "the" | "The" | "a" | "an" | "A" | "An")
}

struct Ctx<'a> {
    /// For each token: the KB candidate starting / ending there.
    kb_start: Vec<Option<u32>>,
    kb_end: Vec<Option<u32>>,
    /// For each token: the tagger candidate covering it.
    tag_at: Vec<Option<u32>>,
    titles: &'a Titles,
    kb: &'a Kb,
    v: &'a View<'a>,
    body: &'a str,
    kb_cands: &'a [Cand],
    tag_cands: &'a [Cand],
    tags: &'a [u8],
}

impl Ctx<'_> {
    fn word(&self, i: usize) -> &str {
        self.v.words.get(i).copied().unwrap_or("")
    }

    fn kb_starting(&self, i: usize) -> Option<&Cand> {
        self.kb_start.get(i).copied().flatten().and_then(|k| self.kb_cands.get(k as usize))
    }

    fn kb_ending(&self, e: usize) -> Option<&Cand> {
        self.kb_end.get(e).copied().flatten().and_then(|k| self.kb_cands.get(k as usize))
    }

    fn tag_covering(&self, i: usize) -> Option<&Cand> {
        self.tag_at.get(i).copied().flatten().and_then(|k| self.tag_cands.get(k as usize))
    }

    fn tag_ending(&self, e: usize) -> Option<&Cand> {
        e.checked_sub(1).and_then(|l| self.tag_covering(l)).filter(|c| c.end == e)
    }

    fn tag_person_ending(&self, e: usize) -> Option<&Cand> {
        self.tag_ending(e).filter(|c| c.etype == EntityType::Person)
    }

    fn text(&self, a: usize, b: usize) -> String {
        super::join_words(self.v, a, b, self.body)
    }

    /// A person name starting at `i` within the sentence ending at `lim`.
    /// After a title (`after_title`), a capitalised word the tagger read
    /// as something else is still taken as a name ("President Putin").
    fn person_at(&self, i: usize, lim: usize, after_title: bool) -> Option<Cand> {
        if i >= lim {
            return None;
        }
        if let Some(k) = self.kb_starting(i) {
            if k.etype == EntityType::Person {
                return Some(k.clone());
            }
            // after a title, a one-word place before another capitalised word is a given
            // name: "Secretary Douglas Alexander" (Douglas, Isle of Man)
            let given_name = after_title && k.etype == EntityType::Location && k.end == i + 1 && k.end < lim && is_cap(self.word(k.end));
            if !given_name {
                return None;
            }
        }
        if let Some(t) = self.tag_covering(i) {
            if t.etype == EntityType::Person && t.start == i {
                return Some(self.linked(t.clone()));
            }
            if !after_title {
                return None;
            }
        }
        // a capitalised run
        let w = self.word(i);
        if !is_cap(w) || self.titles.stops.contains(&self.v.keys[i]) || self.titles.by_first.contains_key(&self.v.keys[i]) {
            return None;
        }
        if !after_title && self.tags.get(i).is_some_and(|t| *t != 0 && *t != 1 && *t != 2) {
            return None;
        }
        let mut j = i + 1;
        while j < lim && j - i < 4 {
            let w = self.word(j);
            if is_cap(w) && !self.titles.stops.contains(&self.v.keys[j]) && self.kb_starting(j).map_or(true, |k| k.etype == EntityType::Person) {
                j += 1;
            } else if is_name_joiner(w) && j + 1 < lim && is_cap(self.word(j + 1)) {
                j += 2;
            } else {
                break;
            }
        }
        // "the Texas General Land Office": a run that ends in an institution noun names no person
        if super::names::is_institution(self.word(j - 1)) {
            return None;
        }
        let c = Cand {
            start: i,
            end: j,
            etype: EntityType::Person,
            canonical: self.text(i, j),
            kb_id: None,
            country: None,
            sector: None,
            source: MentionSource::Rule,
        };
        Some(self.linked(c))
    }

    /// Adds knowledge-base facts to a person found by name, when one KB
    /// person has exactly that (folded) name.
    fn linked(&self, mut c: Cand) -> Cand {
        if c.kb_id.is_none() {
            let ps = self.kb.persons_named(&c.canonical);
            if let [p] = ps.as_slice() {
                c.kb_id = Some(p.id.clone());
                c.canonical = p.name.clone();
                c.country = p.country_at(self.v.date).map(String::from);
                c.sector = p.sector_at(self.v.date).map(String::from);
            }
        }
        c
    }

    /// A person name ending at `e` (exclusive), from the KB or the tagger.
    fn person_ending(&self, e: usize) -> Option<Cand> {
        if let Some(k) = self.kb_ending(e) {
            return (k.etype == EntityType::Person).then(|| k.clone());
        }
        self.tag_person_ending(e).map(|t| self.linked(t.clone()))
    }

    /// The owner stated left of token `p` (`Russia's`, `Ukrainian`, `US`,
    /// `Kremlin`, `Putin's`): its code and the first token of the phrase.
    fn owner_left(&self, p: usize, s0: usize) -> (Option<String>, usize) {
        if p <= s0 {
            return (None, p);
        }
        if is_possessive(self.word(p - 1)) && p >= s0 + 2 {
            let e = p - 1;
            if let Some(k) = self.kb_ending(e) {
                let code = match k.etype {
                    EntityType::Person => k.kb_id.as_deref().and_then(|id| self.kb.person(id)).and_then(|pp| pp.country_at(self.v.date)).map(String::from),
                    _ => k.country.clone(),
                };
                return (code, k.start);
            }
            if let Some(t) = self.tag_ending(e) {
                let t = self.linked(t.clone());
                return (t.country.clone(), t.start);
            }
            return (None, p);
        }
        if let Some(k) = self.kb_ending(p) {
            if k.etype != EntityType::Person {
                return (k.country.clone(), k.start);
            }
        }
        (None, p)
    }

    /// `of X` right after the title: its code and the end of the phrase.
    fn owner_right(&self, e: usize, lim: usize) -> Option<(String, usize)> {
        if e + 1 < lim && self.word(e) == "of" {
            let k = self.kb_starting(e + 1)?;
            if k.etype != EntityType::Person {
                return k.country.clone().map(|c| (c, k.end));
            }
        }
        None
    }

    /// Fills `of` from the KB when the person holds this office somewhere
    /// (at the document date when known): only when exactly one country fits.
    fn of_from_kb(&self, person: &Cand, office: &str) -> Option<String> {
        self.kb.person(person.kb_id.as_deref()?)?.sole_country_of_office(office, self.v.date).map(str::to_string)
    }
}

fn title_text(c: &Ctx<'_>, a: usize, b: usize) -> String {
    c.text(a, b).to_lowercase()
}

/// Applies the patterns to every sentence.
pub(crate) fn apply(
    titles: &Titles,
    kb: &Kb,
    v: &View<'_>,
    body: &str,
    kb_cands: &[Cand],
    tag_cands: &[Cand],
    tags: &[u8],
) -> Found {
    let n = v.words.len();
    let (mut kb_start, mut kb_end, mut tag_at) = (vec![None; n + 1], vec![None; n + 1], vec![None; n + 1]);
    for (k, c) in kb_cands.iter().enumerate() {
        if let Some(x) = kb_start.get_mut(c.start) {
            x.get_or_insert(k as u32);
        }
        if let Some(x) = kb_end.get_mut(c.end) {
            x.get_or_insert(k as u32);
        }
    }
    for (k, c) in tag_cands.iter().enumerate() {
        for i in c.start..c.end {
            if let Some(x) = tag_at.get_mut(i) {
                *x = Some(k as u32);
            }
        }
    }
    let c = Ctx { kb_start, kb_end, tag_at, titles, kb, v, body, kb_cands, tag_cands, tags };
    let mut found = Found { persons: Vec::new(), roles: Vec::new(), role_nouns: Vec::new() };
    let push_person = |found: &mut Found, p: &Cand| {
        if !found.persons.iter().any(|q| q.start < p.end && p.start < q.end) {
            found.persons.push(p.clone());
        }
    };
    for s in &v.sentences {
        let (s0, lim) = (s.start, s.end);
        let mut i = s0;
        while i < lim {
            let key = v.keys[i];
            // honorific + name
            if titles.is_honorific(key) {
                if let Some(p) = c.person_at(i + 1, lim, true) {
                    let end = p.end;
                    push_person(&mut found, &p);
                    i = end;
                    continue;
                }
                i += 1;
                continue;
            }
            // modifiers + title
            let mut j = i;
            while j < lim && j - i < 2 && titles.modifiers.contains(&v.keys[j]) {
                j += 1;
            }
            let Some((tlen, title)) = titles.title_at(&v.keys, j, lim) else {
                i += 1;
                continue;
            };
            let t_end = j + tlen;
            // a title inside an organisation or place name is not a title
            let in_kb_name = (j..t_end).any(|x| {
                c.kb_start.get(x).copied().flatten().or_else(|| c.kb_end.get(x + 1).copied().flatten()).is_some_and(|k| kb_cands[k as usize].etype != EntityType::Person)
            });
            // … unless the tagger's "organisation" is a department before its title and the
            // name after it: "Interior Secretary Ken Salazar", "Development Secretary Douglas Alexander"
            let titled_name = |t: &Cand| t.etype == EntityType::Organization && t.end >= t_end && t_end < lim && is_cap(c.word(t_end));
            let in_tag_name = c.tag_covering(j).is_some_and(|t| t.start < j && t.etype != EntityType::Person && !titled_name(t));
            let in_name = in_kb_name || in_tag_name;
            if in_name {
                i = t_end;
                continue;
            }
            let former = i < j && v.keys[i..j].contains(&key1("former"));
            let (mut of, lstart) = c.owner_left(i, s0);
            let title_str = title_text(&c, i, t_end);

            // title + name
            if let Some(p) = c.person_at(t_end, lim, true) {
                // "Ukraine's lead negotiator and Defence Minister X": the first title too
                if i >= s0 + 2 && c.word(i - 1) == "and" {
                    for k in i.saturating_sub(5).max(s0)..i - 1 {
                        let mut m = k;
                        while m < i - 1 && titles.modifiers.contains(&v.keys[m]) {
                            m += 1;
                        }
                        if let Some((l, t0)) = titles.title_at(&v.keys, m, i - 1) {
                            if m + l == i - 1 {
                                let (of0, ls0) = c.owner_left(k, s0);
                                if of.is_none() {
                                    of = of0.clone();
                                }
                                found.roles.push(RoleFind {
                                    person: p.start..p.end,
                                    title: title_text(&c, k, i - 1),
                                    office: t0.office.clone(),
                                    of: of0.or_else(|| of.clone()),
                                    evidence: ls0..p.end,
                                });
                                break;
                            }
                        }
                    }
                }
                found.roles.push(RoleFind {
                    person: p.start..p.end,
                    title: title_str,
                    office: title.office.clone(),
                    of,
                    evidence: lstart..p.end,
                });
                let end = p.end;
                push_person(&mut found, &p);
                i = end;
                continue;
            }
            let (of_r, mut t_end2) = match c.owner_right(t_end, lim) {
                Some((code, e)) => (Some(code), e),
                None => (None, t_end),
            };
            let of = of.or(of_r);
            // a portfolio: "envoy for Ukraine and Russia", "ambassador to France"; a
            // constituency: "a congressman from California"
            if matches!(c.word(t_end2), "for" | "to" | "on" | "from") {
                let mut e = t_end2 + 1;
                let mut any = false;
                while let Some(k) = c.kb_starting(e).filter(|k| k.etype != EntityType::Person && e < lim) {
                    e = k.end;
                    any = true;
                    if matches!(c.word(e), "and" | ",") && c.kb_starting(e + 1).is_some_and(|k| k.etype != EntityType::Person) {
                        e += 1;
                    } else {
                        break;
                    }
                }
                if any {
                    t_end2 = e;
                }
            }
            let title_str = if t_end2 > t_end { title_text(&c, i, t_end2) } else { title_str };
            let next = c.word(t_end2);
            let closes = t_end2 >= lim || matches!(next, "," | "." | ";" | ")" | "who" | "--" | "\u{2013}" | "\u{2014}");
            // apposition, name first: NAME , (the|a)? OF? TITLE
            let mut q = lstart;
            if q > s0 && is_det(c.word(q - 1)) {
                q -= 1;
            }
            if closes && q > s0 + 1 && c.word(q - 1) == "," {
                if let Some(p) = c.person_ending(q - 1) {
                    let of = of.clone().or_else(|| c.of_from_kb(&p, &title.office));
                    found.roles.push(RoleFind {
                        person: p.start..p.end,
                        title: title_str,
                        office: title.office.clone(),
                        of,
                        evidence: p.start..t_end2,
                    });
                    push_person(&mut found, &p);
                    i = t_end2;
                    continue;
                }
            }
            // apposition, title first: (the|OF) TITLE , NAME (,|.|said)
            let introduced = lstart < i || (i > s0 && is_det(c.word(i - 1)));
            if introduced && next == "," {
                if let Some(p) = c.person_at(t_end2 + 1, lim, false) {
                    let after = c.word(p.end);
                    if p.end >= lim || matches!(after, "," | "." | ";" | "said" | "told" | "says") {
                        let of = of.clone().or_else(|| c.of_from_kb(&p, &title.office));
                        found.roles.push(RoleFind {
                            person: p.start..p.end,
                            title: title_str,
                            office: title.office.clone(),
                            of,
                            evidence: lstart..p.end,
                        });
                        let end = p.end;
                        push_person(&mut found, &p);
                        i = end;
                        continue;
                    }
                }
            }
            // role noun: the / possessor, not former, singular
            let the_before = lstart > s0 && matches!(c.word(lstart - 1), "the" | "The");
            let possessed = lstart < i && is_possessive(c.word(i.saturating_sub(1)));
            if !former && (the_before || possessed || (lstart < i && lstart > s0 && matches!(c.word(lstart - 1), "the" | "The"))) {
                found.role_nouns.push(RoleNoun { span: j..t_end, office: title.office.clone(), of });
            }
            i = t_end;
        }
    }
    found
}

/// The one knowledge-base person with `surname` who is head of state or of
/// government, at `date`, of the country the document's places and
/// nationality words name most (at least twice): news names its own country's
/// leader by surname alone, without a first mention in full.
fn home_leader<'k>(kb: &'k Kb, cands: &[Cand], surname: &str, date: Option<chrono::NaiveDate>) -> Option<&'k crate::kb::Person> {
    let date = date?;
    let named = super::world::named_times(cands);
    let home = super::world::home_country(&named)?;
    let leads = |p: &&crate::kb::Person| p.offices.iter().any(|o| o.iso3 == home && o.covers(date) && matches!(o.office.as_str(), "head of state" | "head of government"));
    match kb.persons_with_surname(surname).into_iter().filter(leads).collect::<Vec<_>>().as_slice() {
        [p] => Some(*p),
        _ => None,
    }
}

/// In-document coreference: short forms take the full name of an earlier
/// mention (or of the one KB person with that surname); role nouns become
/// person mentions when exactly one person fits.
pub(crate) fn coref(kb: &Kb, v: &View<'_>, cands: &mut Vec<Cand>, roles: &mut [RoleFind], role_nouns: &[RoleNoun], titles: &Titles) {
    // surname particles left of a person name belong to it ("von der Leyen")
    for k in 0..cands.len() {
        if cands[k].etype != EntityType::Person || cands[k].kb_id.is_some() {
            continue;
        }
        let floor = if k > 0 { cands[k - 1].end } else { 0 };
        let mut s = cands[k].start;
        while s > floor && v.words.get(s - 1).is_some_and(|w| is_name_joiner(w) || *w == "van" || *w == "von") {
            s -= 1;
        }
        if s < cands[k].start && s > 0 && !v.words.get(s - 1).is_some_and(|w| is_cap(w)) {
            let words: Vec<&str> = v.words[s..cands[k].end].to_vec();
            cands[k].start = s;
            cands[k].canonical = words.join(" ");
        }
    }
    // short forms: a mention whose name is the end of an earlier full name
    // (distinct full names seen so far: folded form, cand index)
    let mut fulls: Vec<(String, usize)> = Vec::new();
    for k in 0..cands.len() {
        if cands[k].etype != EntityType::Person || super::names::is_kin_named(v, &cands[k]) {
            continue;
        }
        // compared by transliteration key: "Gadhafi" is the end of "Muammar Gaddafi"
        let short = name_key(&cands[k].canonical);
        if short.is_empty() {
            continue;
        }
        let short_n = short.split(' ').count();
        let knight = cands[k].start > 0 && v.keys.get(cands[k].start - 1).is_some_and(|key| titles.knights.contains(key));
        let fits: Vec<usize> = fulls
            .iter()
            .filter(|(full, _)| {
                full.split(' ').count() > short_n
                    && ((full.ends_with(&short) && full.len() > short.len() && full.as_bytes()[full.len() - short.len() - 1] == b' ')
                        || (short_n == 1 && knight && full.split(' ').next() == Some(short.as_str())))
            })
            .map(|(_, m)| *m)
            .collect();
        let honorific = cands[k].start > 0 && v.keys.get(cands[k].start - 1).is_some_and(|key| titles.honorifics.contains(key));
        // "Michelle Obama visited a school … Obama met Karzai": a full name the tables
        // know nothing of does not take the bare surname from the home country's leader
        let leader = match fits.as_slice() {
            [m] if short_n == 1 && !honorific && cands[*m].kb_id.is_none() && cands[*m].country.is_none() => home_leader(kb, cands, &cands[k].canonical, v.date),
            _ => None,
        };
        if let Some(p) = leader {
            let c = &mut cands[k];
            c.canonical = p.name.clone();
            c.kb_id = Some(p.id.clone());
            c.country = p.country_at(v.date).map(String::from);
            c.sector = p.sector_at(v.date).map(String::from);
        } else if let [m] = fits.as_slice() {
            let full = cands[*m].clone();
            let c = &mut cands[k];
            c.canonical = full.canonical;
            c.kb_id = full.kb_id;
            c.country = full.country;
            c.sector = full.sector;
            c.source = MentionSource::Coref;
        } else if fits.is_empty() && cands[k].kb_id.is_none() && short_n == 1 {
            let mut ps = kb.persons_with_surname(&cands[k].canonical);
            // "Secretary Janet Napolitano … Napolitano said": not Giorgio Napolitano
            let given = super::names::given_names_before(kb, v, &cands[k].canonical);
            ps.retain(|p| !super::names::named_otherwise(&given, std::iter::once(&p.name).chain(&p.aliases)));
            // "Queen Elizabeth" gives no surname: the word after a title is a
            // given or regnal name ("Elizabeth 'Liz' Birnbaum" is no queen)
            let surname = cands[k].canonical.to_lowercase();
            ps.retain(|p| {
                std::iter::once(&p.name).chain(&p.aliases).any(|n| {
                    let ws: Vec<&str> = n.split_whitespace().collect();
                    ws.len() >= 2 && ws.last().is_some_and(|l| l.to_lowercase() == surname) && !titles.by_first.contains_key(&key1(ws[0]))
                })
            });
            // "Mr Blair" is not Bill Blair when the dictionary knows Tony Blair
            // too: a surname other known persons share names no one of them
            let namesakes = kb.actors_with_surname(&cands[k].canonical, false);
            let shared = |p: &&crate::kb::Person| {
                namesakes.iter().any(|a| a.kind == crate::kb::ActorKind::Person && a.same_as.as_deref() != Some(p.id.as_str()) && name_key(&a.name) != name_key(&p.name))
            };
            if let [p] = ps.as_slice().iter().filter(|p| !shared(p)).collect::<Vec<_>>().as_slice() {
                let c = &mut cands[k];
                c.canonical = p.name.clone();
                c.kb_id = Some(p.id.clone());
                c.country = p.country_at(v.date).map(String::from);
                c.sector = p.sector_at(v.date).map(String::from);
            }
        }
        if cands[k].canonical.contains(' ') {
            let f = name_key(&cands[k].canonical);
            if !fulls.iter().any(|(x, _)| *x == f) {
                fulls.push((f, k));
            }
        }
    }
    // role nouns
    let mut added = Vec::new();
    for rn in role_nouns {
        if cands.iter().any(|c| c.start < rn.span.end && rn.span.start < c.end) {
            continue;
        }
        let person_at = |r: &Range<usize>| cands.iter().find(|c| c.etype == EntityType::Person && c.start <= r.start && r.end <= c.end);
        // 1. a role the text stated earlier
        let mut fits: Vec<Cand> = Vec::new();
        for r in roles.iter().filter(|r| r.evidence.end <= rn.span.start && r.office == rn.office) {
            if rn.of.is_some() && r.of.is_some() && rn.of != r.of {
                continue;
            }
            if let Some(p) = person_at(&r.person) {
                if !fits.iter().any(|f| f.canonical == p.canonical) {
                    fits.push(p.clone());
                }
            }
        }
        // 2. a person named earlier whom the KB gives that office
        if fits.is_empty() {
            for c in cands.iter().filter(|c| c.etype == EntityType::Person && c.end <= rn.span.start) {
                let Some(p) = c.kb_id.as_deref().and_then(|id| kb.person(id)) else { continue };
                let holds = p.offices.iter().any(|o| {
                    o.office == rn.office
                        && rn.of.as_deref().map_or(true, |of| o.iso3 == of)
                        && match v.date {
                            Some(d) => o.covers(d),
                            None => o.to.is_none(),
                        }
                });
                if holds && !fits.iter().any(|f| f.canonical == c.canonical) {
                    fits.push(c.clone());
                }
            }
        }
        // 3. the KB's holder at the document's exact date
        if fits.is_empty() {
            if let (Some(of), Some(d)) = (rn.of.as_deref(), v.date) {
                for p in kb.holders_of(of, &rn.office, d) {
                    fits.push(Cand {
                        start: 0,
                        end: 0,
                        etype: EntityType::Person,
                        canonical: p.name.clone(),
                        kb_id: Some(p.id.clone()),
                        country: Some(of.to_string()),
                        sector: p.sector_at(Some(d)).map(String::from),
                        source: MentionSource::Coref,
                    });
                }
            }
        }
        if let [p] = fits.as_slice() {
            added.push(Cand {
                start: rn.span.start,
                end: rn.span.end,
                etype: EntityType::Person,
                canonical: p.canonical.clone(),
                kb_id: p.kb_id.clone(),
                country: p.country.clone(),
                sector: p.sector.clone(),
                source: MentionSource::Coref,
            });
        }
    }
    cands.extend(added);
    cands.sort_by_key(|c| (c.start, c.end));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_parses_and_reports_bad_lines() {
        let t = Titles::builtin().unwrap();
        let keys = keys_of("said Defence Minister Ivan");
        let (len, title) = t.title_at(&keys, 1, keys.len()).unwrap();
        assert_eq!((len, title.office.as_str()), (2, "defence minister"));
        assert!(t.is_honorific(key1("Mr.")));
        assert_eq!(t.office_of("us secretary of state"), Some("foreign minister"));
        assert_eq!(t.office_of("former deputy foreign minister"), Some("foreign minister"));
        assert_eq!(t.office_of("chairman of the board"), Some("chairman"));
        assert_eq!(t.office_of("think tank analyst"), None);
        let e = Titles::parse("# x\npresident\ttitle\n", "titles.tsv").unwrap_err();
        assert!(e.to_string().starts_with("titles.tsv:2:"), "{e}");
    }
}
