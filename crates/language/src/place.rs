//! Where events happened: each event's place (see [`annotate`] for what
//! places it: the sentence's tree, the dateline, the document's country)
//! resolved to a GeoNames place of the knowledge base, with its id and
//! coordinates.
//!
//! - A location the recognizer already tied to a GeoNames place
//!   (`geonames-<id>`) is that place.
//! - A country is the country, placed at the population-weighted centre of
//!   its GeoNames places (GeoNames gives no point for a country here).
//! - A region of the hand-made KB (a state, province, oblast or named area)
//!   is the GeoNames place of that name in the region's country when there
//!   is one (a city named like its province: "Misrata", "Donetsk"), else the
//!   region, with its country (and its centre, below), never a town abroad
//!   that shares its name ("Florida").
//! - Any other name (a capital the hand-made KB knows, a city the tagger
//!   found) is looked up among the GeoNames places of that name: the most
//!   populous in a country the document names elsewhere, unless it is much
//!   smaller than the most populous of all (`min_population_share` in
//!   `data/language/places.tsv`), then that one ("Tripoli" in an article
//!   naming Lebanon is Lebanon's, otherwise Libya's; "Geneva" in an article
//!   naming the United States is still Switzerland's).
//! - A sea, gulf, strait or ocean (`data/language/water.tsv`; "the Gulf"
//!   when the document names one "Gulf of …") is in no country, at a point
//!   near its middle.
//! - A region is placed at the centre of its GeoNames places where GeoNames'
//!   admin1 code is the region's ISO 3166-2 letters (`Kb::region_centre`).
//! - A place no table knows keeps its name and the mention's country, with
//!   no coordinates.
//!
//! Reads: `events[]` (location, parties, sentence, trigger), `mentions`,
//! `tokens` (with syntax). Writes: `events[].place`.

use std::sync::LazyLock;

use chronicle_core::{Document, EntityType, Event, EventArg, Mention, MentionSource, Place, PlaceBasis, Span, Upos};
use chronicle_syntax::tree::Tree;

use crate::kb::{fold, Kb};

const RULES_TSV: &str = include_str!("../../../data/language/places.tsv");
const WATER_TSV: &str = include_str!("../../../data/language/water.tsv");

/// A sea, gulf, strait or ocean of `data/language/water.tsv`: in no country,
/// with a point near its middle.
struct Water {
    name: String,
    /// The folded name and aliases.
    keys: Vec<String>,
    lat: f64,
    lon: f64,
}

/// The rows of a tab-separated data file (blank lines and `#` comments
/// skipped): 1-based line number and trimmed columns.
fn table_rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, line)| (i + 1, line.split('\t').map(str::trim).collect()))
}

/// The folded keys of a name and its `|`-separated aliases.
fn name_keys(name: &str, aliases: &str) -> Vec<String> {
    std::iter::once(name).chain(aliases.split('|').filter(|a| !a.is_empty())).map(fold).collect()
}

/// The water bodies of `text`, and its malformed lines as "line N: why".
fn parse_water(text: &str) -> (Vec<Water>, Vec<String>) {
    let (mut out, mut problems) = (Vec::new(), Vec::new());
    for (line, cols) in table_rows(text) {
        let [name, aliases, lat, lon] = cols[..] else {
            problems.push(format!("line {line}: want name, aliases, lat, lon"));
            continue;
        };
        let (Ok(lat), Ok(lon)) = (lat.parse::<f64>(), lon.parse::<f64>()) else {
            problems.push(format!("line {line}: lat and lon must be numbers"));
            continue;
        };
        let keys = name_keys(name, aliases);
        out.push(Water { name: name.to_string(), keys, lat, lon });
    }
    (out, problems)
}

static WATER: LazyLock<Vec<Water>> = LazyLock::new(|| parse_water(WATER_TSV).0);

/// The folded names and aliases of two words or more of the water bodies, with the name.
static WATER_KEYS: LazyLock<std::collections::HashMap<String, &'static str>> =
    LazyLock::new(|| WATER.iter().flat_map(|w| w.keys.iter().filter(|k| k.contains(' ')).map(move |k| (k.clone(), w.name.as_str()))).collect());

/// The water bodies of `data/language/water.tsv` written out in `words` by a
/// name of two words or more that starts with a capital ("the Gulf of
/// Mexico oil spill"): (first word, end, name), the longest at each start.
/// A water body is one place of no country, though a country's name is
/// inside its name.
pub(crate) fn water_names(words: &[&str]) -> Vec<(usize, usize, &'static str)> {
    const LONGEST: usize = 5;
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let found = words[i]
            .starts_with(char::is_uppercase)
            .then(|| (2..=LONGEST.min(words.len() - i)).rev().find_map(|n| WATER_KEYS.get(&fold(&words[i..i + n].join(" "))).map(|name| (n, *name))))
            .flatten();
        match found {
            Some((n, name)) => {
                out.push((i, i + n, name));
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

const VENUES_TSV: &str = include_str!("../../../data/language/venues.tsv");

/// A seat of government or institution of `data/language/venues.tsv` ("the
/// White House"): where it stands.
struct Venue {
    /// The folded name and aliases.
    keys: Vec<String>,
    city: String,
    iso3: String,
    admin1: String,
}

/// The venues of `text`, and its malformed lines as "line N: why".
fn parse_venues(text: &str) -> (Vec<Venue>, Vec<String>) {
    let (mut out, mut problems) = (Vec::new(), Vec::new());
    for (line, cols) in table_rows(text) {
        let [name, aliases, city, iso3, admin1] = cols[..] else {
            problems.push(format!("line {line}: want name, aliases, city, iso3, admin1"));
            continue;
        };
        let keys = name_keys(name, aliases);
        out.push(Venue { keys, city: city.to_string(), iso3: iso3.to_string(), admin1: admin1.to_string() });
    }
    (out, problems)
}

static VENUES: LazyLock<Vec<Venue>> = LazyLock::new(|| parse_venues(VENUES_TSV).0);

/// The venue a mention names ("the White House", "White House").
fn venue_named(m: &Mention) -> Option<&'static Venue> {
    let key = fold(m.canonical.strip_prefix("the ").unwrap_or(&m.canonical));
    VENUES.iter().find(|v| v.keys.contains(&key))
}

/// The city a venue stands in, from the gazetteer.
fn venue_place(kb: &Kb, v: &Venue) -> Option<Place> {
    let found = kb.places_named(&v.city);
    let p = found.iter().find(|p| p.iso3 == v.iso3 && (v.admin1.is_empty() || p.admin1 == v.admin1))?;
    Some(gazetteer_place(p))
}

/// The place a mention of the sentence names: a venue's city, else the
/// mention resolved.
fn mention_place(kb: &Kb, m: &Mention, mentions: &[Mention]) -> Place {
    venue_named(m).and_then(|v| venue_place(kb, v)).unwrap_or_else(|| resolve(kb, &arg_of(m), mentions))
}

/// The water body `name` names: by its name or an alias, or, for one word
/// ("the Gulf"), the one water body of that first word the document names
/// in full ("the Gulf of Mexico").
fn water_named(name: &str, mentions: &[Mention]) -> Option<&'static Water> {
    let key = fold(name.strip_prefix("the ").unwrap_or(name));
    if let Some(w) = WATER.iter().find(|w| w.keys.contains(&key)) {
        return Some(w);
    }
    if key.contains(' ') {
        return None;
    }
    let prefix = format!("{key} ");
    let mut found = mentions.iter().filter(|m| m.entity_type == EntityType::Location).filter_map(|m| {
        let k = fold(&m.canonical);
        WATER.iter().find(|w| k.starts_with(&prefix) && w.keys.contains(&k))
    });
    let first = found.next()?;
    found.all(|w| std::ptr::eq(w, first)).then_some(first)
}

/// The rules of `data/language/places.tsv`.
struct Rules {
    min_population_share: f64,
    locative: Vec<String>,
    destination: Vec<String>,
    visit: Vec<String>,
    place_nouns: Vec<String>,
    placeless_sectors: Vec<String>,
    document_country_share: f64,
    unowned_document_country_share: f64,
    document_country_min_mentions: usize,
}

/// The value of `key` in `data/language/places.tsv`.
fn rule(key: &str) -> Option<&'static str> {
    RULES_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .find(|(k, _)| k.trim() == key)
        .map(|(_, v)| v.trim())
}

/// The rules, each with its default when its line is missing or malformed
/// (0.15, no locatives nor destinations, 0.4, 0.7, 2).
static RULES: LazyLock<Rules> = LazyLock::new(|| {
    let words = |key: &str| rule(key).map(|v| v.split(',').map(|w| w.trim().to_lowercase()).filter(|w| !w.is_empty()).collect()).unwrap_or_default();
    let share = |key: &str, default: f64| rule(key).and_then(|v| v.parse::<f64>().ok()).filter(|v| (0.0..=1.0).contains(v)).unwrap_or(default);
    Rules {
        min_population_share: share("min_population_share", 0.15),
        locative: words("locative"),
        destination: words("destination"),
        visit: words("visit"),
        place_nouns: words("place_nouns"),
        placeless_sectors: words("placeless_sectors"),
        document_country_share: share("document_country_share", 0.4),
        unowned_document_country_share: share("unowned_document_country_share", 0.7),
        document_country_min_mentions: rule("document_country_min_mentions").and_then(|v| v.parse().ok()).unwrap_or(2),
    }
});

/// Fills `place` of every event, with what places it (`basis`):
///
/// 1. a place its sentence attaches to the trigger in the tree
///    ([`sentence_place`]; the coder's location when the sentence has no
///    tree), else the coder's location when a locative phrase holds it ("in
///    Haiti") and no name of the sentence is of another country: basis
///    `sentence`;
/// 2. when no name of the sentence (place, nationality, person or
///    organisation) is of another country, the article's dateline place ("TRIPOLI, Libya (Reuters) -") if it lies in that
///    country and the event's parties are of it: basis `dateline`;
/// 3. on the same condition, the country the document's places name most (`document_country_share`) if
///    the event's parties are of it, or if none of them is of any country
///    and nearly all of the document's places lie there
///    (`unowned_document_country_share`): basis `document`, the country's
///    centre. Parties of another country are never placed there.
///
/// Companies and outlets (`placeless_sectors`) count in neither condition:
/// a British oil company paying for a spill in the United States is no
/// party "of another country" there.
///
/// A nationality adjective ("Syrian troops") is no place: the parties'
/// country alone never places an event.
///
/// Where the sentence is parsed, the event's `location` follows the tree
/// too: the place mention step 1 attaches to the event, and none when the
/// coder's location is a place of the sentence the tree attaches to
/// something else — a topic or a target ("a moratorium on drilling in the
/// Gulf", "the worst spill in US history", "an embargo against Cuba", "a
/// resurgence in Asia"), or where someone comes from ("leaders from
/// Northern Ireland").
pub fn annotate(kb: &Kb, doc: &mut Document) {
    if doc.events.is_empty() {
        return;
    }
    let whole = DocumentPlaces::of(kb, doc);
    let found: Vec<(Option<Place>, Option<Option<EventArg>>)> = doc.events.iter().map(|e| place_of(kb, doc, &whole, e)).collect();
    for (e, (p, location)) in doc.events.iter_mut().zip(found) {
        e.place = p;
        if let Some(l) = location {
            e.location = l;
        }
    }
}

/// What the whole document says about where it is.
struct DocumentPlaces {
    /// The dateline's place, resolved, and where the dateline ends (its
    /// outlet's name is not a name of the sentence it opens).
    dateline: Option<(Place, usize)>,
    /// The country the document's place mentions name most, with the
    /// share of them it holds.
    country: Option<(String, f64)>,
}

impl DocumentPlaces {
    fn of(kb: &Kb, doc: &Document) -> DocumentPlaces {
        let dateline = dateline_mention(doc).map(|(m, end)| (resolve(kb, &arg_of(m), &doc.mentions), end)).filter(|(p, _)| p.country.is_some());
        DocumentPlaces { dateline, country: main_country(&doc.mentions) }
    }
}

/// The country the document's place mentions name most often, more often
/// than any other, when it holds at least `document_country_share` of them
/// and `document_country_min_mentions`, with its share.
fn main_country(mentions: &[Mention]) -> Option<(String, f64)> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    let mut total = 0;
    for c in mentions.iter().filter(|m| m.entity_type == EntityType::Location).filter_map(stated_country) {
        total += 1;
        match counts.iter_mut().find(|(k, _)| *k == c) {
            Some((_, n)) => *n += 1,
            None => counts.push((c, 1)),
        }
    }
    counts.sort_by_key(|&(c, n)| (std::cmp::Reverse(n), c));
    let (c, n) = *counts.first()?;
    if counts.get(1).is_some_and(|&(_, m)| m == n) {
        return None; // two countries named as often: the document is of neither
    }
    let share = n as f64 / total as f64;
    (n >= RULES.document_country_min_mentions && share >= RULES.document_country_share).then(|| (c.to_string(), share))
}

/// The country of the place the article's dateline names, when a table
/// knows it.
pub(crate) fn dateline_country(kb: &Kb, doc: &Document) -> Option<String> {
    dateline_mention(doc).and_then(|(m, _)| resolve(kb, &arg_of(m), &doc.mentions).country)
}

/// "TRIPOLI, Libya (Reuters) -", "BENGHAZI — ": a place mention that opens
/// the body and is followed by a comma, a bracket or a dash, written in
/// capitals or followed (after an optional ", Country") by a bracket or a dash.
/// A dateline after a header (a headline, bullets, a web time stamp) is not
/// read: a blind judge found its place wrong for most of a story's acts.
fn dateline_mention(doc: &Document) -> Option<(&Mention, usize)> {
    let first = doc.tokens.first()?;
    let m = doc.mentions.first().filter(|m| m.span.start() == first.span.start() && m.entity_type == EntityType::Location)?;
    let body = doc.body();
    let at = doc.tokens.partition_point(|t| t.span.start() < m.span.end());
    let word = |i: usize| doc.tokens.get(i).map_or("", |t| t.span.text(body));
    let dash = |w: &str| matches!(w, "-" | "--" | "\u{2014}" | "\u{2013}" | "(");
    // the dateline ends at the first dash after the bracket or place
    let end_from = |i: usize| (i..doc.tokens.len().min(i + 12)).find(|&k| matches!(word(k), "-" | "--" | "\u{2014}" | "\u{2013}")).and_then(|k| doc.tokens.get(k)).map_or(m.span.end(), |t| t.span.end());
    let text = m.span.text(body);
    let capitals = text.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !text.chars().any(char::is_lowercase);
    if (capitals && word(at) == ",") || dash(word(at)) {
        return Some((m, end_from(at)));
    }
    // ", Libya (": a country mention, then the bracket or dash
    let next = doc.mentions.get(1).filter(|n| word(at) == "," && doc.tokens.get(at + 1).is_some_and(|t| t.span.start() == n.span.start()))?;
    let after = doc.tokens.partition_point(|t| t.span.start() < next.span.end());
    dash(word(after)).then(|| (m, end_from(after)))
}

/// The place of one event (see [`annotate`]), and its location when the
/// tree decides it (`Some(None)`: the coder's location is no place of the
/// event).
fn place_of(kb: &Kb, doc: &Document, whole: &DocumentPlaces, e: &Event) -> (Option<Place>, Option<Option<EventArg>>) {
    let sentence = |p: Place| Some(Place { basis: Some(PlaceBasis::Sentence), ..p });
    // every name of the sentence that has a country (places, nationalities, persons,
    // organisations — an international one's code included; companies and outlets aside)
    // must be of the one country
    let dateline_end = whole.dateline.as_ref().map_or(0, |d| d.1);
    let named: Vec<&str> = mentions_in(&doc.mentions, e.sentence)
        .iter()
        .filter(|m| m.span.start() >= dateline_end && !placeless(m.sector.as_deref()))
        .filter_map(stated_country)
        .collect();
    let all_in = |c: &str| named.iter().all(|n| *n == c);
    let mut location = None;
    match sentence_place(doc, e) {
        Some(SentencePlace::Mention(m)) => {
            let kept = e.location.as_ref().filter(|l| l.span == Some(m.span)).cloned();
            return (sentence(mention_place(kb, m, &doc.mentions)), Some(Some(kept.unwrap_or_else(|| arg_of(m)))));
        }
        Some(SentencePlace::Coordinated(ms)) => {
            // "fighting in Misrata, Zawiya and Brega": the country they all lie in
            let places: Vec<Place> = ms.iter().map(|m| mention_place(kb, m, &doc.mentions)).collect();
            let first = places.first().and_then(|p| p.country.clone());
            if let Some(c) = first.filter(|c| places.iter().all(|p| p.country.as_deref() == Some(c))) {
                return (country_place(kb, &c).and_then(sentence), None);
            }
        }
        Some(SentencePlace::Coded(l)) => return (sentence(resolve(kb, &l, &doc.mentions)), None),
        Some(SentencePlace::Located(m)) => {
            let p = resolve(kb, &arg_of(m), &doc.mentions);
            // a place in a country, when the sentence names no other; a sea, when it names
            // at most one country
            let agrees = match p.country.as_deref() {
                Some(c) => all_in(c),
                None => p.lat.is_some() && named.windows(2).all(|w| w[0] == w[1]),
            };
            if agrees {
                return (sentence(p), None);
            }
        }
        Some(SentencePlace::Elsewhere) => {
            let in_sentence = e.location.as_ref().and_then(|l| l.span).is_some_and(|s| e.sentence.start() <= s.start() && s.end() <= e.sentence.end());
            if in_sentence {
                location = Some(None);
            }
        }
        None => {}
    }
    (other_place(kb, whole, e, &all_in), location)
}

/// The place the dateline or the document gives an event its sentence does
/// not place (steps 2 and 3 of [`annotate`]).
fn other_place(kb: &Kb, whole: &DocumentPlaces, e: &Event, all_in: &dyn Fn(&str) -> bool) -> Option<Place> {
    let parties = party_country(kb, e)?;
    if let (Some((d, _)), Some(p)) = (whole.dateline.as_ref(), parties.as_deref()) {
        if d.country.as_deref() == Some(p) && all_in(p) {
            return Some(Place { basis: Some(PlaceBasis::Dateline), ..d.clone() });
        }
    }
    let (main, share) = whole.country.as_ref()?;
    let owned = match parties.as_deref() {
        Some(p) => p == main,
        None => *share >= RULES.unowned_document_country_share,
    };
    if owned && all_in(main) {
        return country_place(kb, main).map(|p| Place { basis: Some(PlaceBasis::Document), ..p });
    }
    None
}

/// The country a mention states: a place's only when a table knows the place
/// (a name the tagger built around a country's name, "Gulf of Mexico", "New
/// Mexico", is not in that country), anyone else's as given.
pub(crate) fn stated_country(m: &Mention) -> Option<&str> {
    if m.entity_type == EntityType::Location && m.kb_id.is_none() && m.source == MentionSource::Tagger {
        return None;
    }
    m.country.as_deref()
}

/// True for a sector whose country says nothing about where its actor acts
/// (`placeless_sectors` in `data/language/places.tsv`: a company, an outlet).
pub(crate) fn placeless(sector: Option<&str>) -> bool {
    sector.is_some_and(|s| RULES.placeless_sectors.iter().any(|p| p.eq_ignore_ascii_case(s)))
}

/// The country of the event's parties (companies and outlets aside, see
/// [`placeless`]): `Some(Some(c))` when at least one
/// actor or recipient is of `c` and none of another, `Some(None)` when none
/// is of any country, `None` when they are of several (international
/// organisations' codes, which are no country, do not count).
fn party_country(kb: &Kb, e: &Event) -> Option<Option<String>> {
    let mut found: Option<&str> = None;
    let sided = e.actors.iter().chain(&e.recipients).filter(|a| !placeless(a.sector.as_deref()));
    for c in sided.filter_map(|a| a.country.as_deref()).filter(|c| kb.country(c).is_some()) {
        match found {
            Some(f) if f != c => return None,
            _ => found = Some(c),
        }
    }
    Some(found.map(str::to_string))
}

/// The mentions inside `span` (mentions are sorted by start).
pub(crate) fn mentions_in(mentions: &[Mention], span: Span) -> &[Mention] {
    let a = mentions.partition_point(|m| m.span.start() < span.start());
    let b = mentions.partition_point(|m| m.span.start() < span.end());
    let b = b.max(a);
    let mut end = b;
    while end > a && mentions[end - 1].span.end() > span.end() {
        end -= 1;
    }
    &mentions[a..end]
}

/// The place the event's own sentence gives it, read from the tree:
///
/// 1. a place attached to the trigger by a locative preposition ("fought
///    across Misrata"), to the verb whose object or subject a trigger noun is
///    ("held a meeting in Geneva"), by `of` to a trigger noun ("the siege of
///    Misrata"), or modifying a trigger noun ("the Misrata siege"); or the
///    name of a locative noun so attached ("in the Libyan city of Misrata",
///    "in the capital, Tripoli"), through a chain of locative phrases ("in
///    two areas off the coast of Alaska"); a destination after `to` when the
///    trigger is a journey (`destination` in `data/language/places.tsv`: "a
///    visit to Louisiana"); the place a visit verb takes as its object
///    (`visit`: "visited Louisiana"); where the trigger's subject is ("health
///    officials in the Philippines asked"); where a party the trigger acts on
///    or with is "at" ("met Napolitano at the White House"); a locative phrase
///    heading the sentence before a colon or dash, when nothing nearer
///    attaches ("At the White House : Obama meets …"); a venue of
///    `data/language/venues.tsv` so attached ("at the White House", "the
///    Oval Office meeting") is its city; the nearest to the trigger, or, for
///    places coordinated with it ("in Misrata, Zawiya and Brega"), all of
///    them;
/// 2. else the one place attached by a locative preposition to a clause the
///    trigger's clause belongs to ("exploded in the Gulf, killing 11"), not
///    across reported speech ("said in Washington that …");
/// 3. else the coder's location in a locative phrase elsewhere in the
///    sentence (checked against the sentence's countries by [`place_of`]),
///    unless a relative clause holds it ("lawmakers will ask BP,
///    which operated the rig off the Louisiana coast, …").
///
/// Never a party, a possessor ("Syria's army"), a place modifying another
/// noun ("U.S. officials", "the spill in the Gulf" for an event other than
/// the spill, "leaders from Northern Ireland") or one in a clause below the
/// trigger's. A sentence without a tree keeps the coder's location.
fn sentence_place<'d>(doc: &'d Document, e: &Event) -> Option<SentencePlace<'d>> {
    let first = doc.tokens.partition_point(|t| t.span.start() < e.sentence.start());
    let last = doc.tokens.partition_point(|t| t.span.start() < e.sentence.end());
    let tree = Tree::over(doc, first..last);
    if !tree.is_parsed() {
        return e.location.clone().map(SentencePlace::Coded);
    }
    let token_at = |offset: usize| doc.tokens.partition_point(|t| t.span.end() <= offset);
    let trigger = token_at(e.trigger.start());
    let anchors = anchors(&tree, trigger);
    let clauses = governing_clauses(&tree, trigger);
    let taken = |m: &Mention| e.actors.iter().chain(&e.recipients).any(|a| a.span.is_some_and(|s| s.start() < m.span.end() && m.span.start() < s.end()));
    let coded = |m: &Mention| e.location.as_ref().and_then(|l| l.span) == Some(m.span);
    let body = doc.body();
    let journey = RULES.destination.iter().any(|d| d.eq_ignore_ascii_case(tree.lemma(trigger)));
    let visit = RULES.visit.iter().any(|d| d.eq_ignore_ascii_case(tree.lemma(trigger)));
    let mut attached: Vec<(usize, &Mention, usize)> = Vec::new();
    let mut in_clause: Vec<&Mention> = Vec::new();
    let mut located: Option<&Mention> = None;
    let mut heads: Vec<(&Mention, usize)> = Vec::new();
    // the place a journey goes to may be its recipient too ("a visit to Ohio")
    let visited = |m: &Mention| (journey || visit) && m.entity_type == EntityType::Location && e.recipients.iter().any(|a| a.span == Some(m.span));
    let candidates = mentions_in(&doc.mentions, e.sentence).iter().filter(|m| (m.entity_type == EntityType::Location || coded(m) || venue_named(m).is_some()) && (!taken(m) || visited(m)));
    // "At the White House : Obama meets …": a locative phrase heading the sentence before a
    // colon or dash places the entry's acts, wherever the parser hung it
    let heading_end = tree.heading_mark();
    let heading = |b: usize, head: usize| heading_end.is_some_and(|end| b <= end) && is_locative(&tree, head) && tree.children_with(head, "case").first() == Some(&first);
    for m in candidates {
        let (a, b) = (token_at(m.span.start()), token_at(m.span.end() - 1) + 1);
        if doc.tokens.get(b).is_some_and(|t| matches!(t.span.text(body), "'s" | "\u{2019}s" | "'")) {
            continue;
        }
        let Some(head) = (a..b).find(|&t| tree.head(t).map_or(true, |h| !(a..b).contains(&h))) else { continue };
        heads.push((m, head));
        if heading(b, head) {
            // after any place the tree attaches to the act itself
            attached.push((usize::MAX / 2, m, head));
            continue;
        }
        let Some(on) = tree.head(head) else { continue };
        let rel = tree.base_rel(head);
        if attaches(&tree, head, &anchors, journey) || (visit && m.entity_type == EntityType::Location && tree.base_rel(head) == "obj" && on == trigger) || where_antecedent(&tree, &anchors) == Some(head) {
            attached.push((a.abs_diff(trigger), m, head));
        } else if matches!(rel, "obl" | "advcl") && is_locative(&tree, head) && clauses.contains(&on) {
            in_clause.push(m);
        } else if coded(m) && matches!(rel, "obl" | "advcl") && is_locative(&tree, head) && m.entity_type == EntityType::Location && !describes_a_noun(&tree, head, trigger) {
            located = Some(m);
        }
    }
    if let Some(&(_, m, head)) = attached.iter().min_by_key(|&&(d, m, _)| (d, m.span.start())) {
        // places coordinated with the nearest one: all of them
        let group = tree.with_conjuncts(tree.first_conjunct(head));
        let all: Vec<&Mention> = heads.iter().filter(|(_, h)| group.contains(h)).map(|(m, _)| *m).collect();
        return Some(if all.len() > 1 { SentencePlace::Coordinated(all) } else { SentencePlace::Mention(m) });
    }
    let first_key = in_clause.first().map(|m| fold(&m.canonical));
    if in_clause.iter().all(|m| Some(fold(&m.canonical)) == first_key) {
        if let Some(m) = in_clause.first() {
            return Some(SentencePlace::Mention(m));
        }
    }
    Some(located.map_or(SentencePlace::Elsewhere, SentencePlace::Located))
}

/// True when the place whose head token is `head` lies in a relative clause
/// ("BP, which operated the rig off the Louisiana coast") the trigger is not
/// inside: it says where that noun's act was, not the
/// event's.
fn describes_a_noun(tree: &Tree<'_>, head: usize, trigger: usize) -> bool {
    let mut above_trigger = vec![trigger];
    let mut t = trigger;
    while let Some(h) = tree.head(t).filter(|_| above_trigger.len() <= tree.tokens().len()) {
        above_trigger.push(h);
        t = h;
    }
    let mut n = head;
    for _ in 0..tree.tokens().len() {
        if above_trigger.contains(&n) {
            return false;
        }
        if tree.deprel(n) == "acl:relcl" {
            return true;
        }
        let Some(h) = tree.head(n) else { return false };
        n = h;
    }
    false
}

/// True when a preposition of `data/language/places.tsv`'s `locative` list
/// marks `n` ("in", "at", "off" …).
fn is_locative(tree: &Tree<'_>, n: usize) -> bool {
    tree.case_of(n).is_some_and(|c| RULES.locative.iter().any(|l| l.eq_ignore_ascii_case(c)))
}

/// True when the place whose head token is `head` says where the event
/// happened (step 1 of [`sentence_place`]).
fn attaches(tree: &Tree<'_>, head: usize, anchors: &[usize], journey: bool) -> bool {
    let Some(on) = tree.head(head) else { return false };
    let trigger = anchors[0];
    let noun_trigger = matches!(tree.upos(trigger), Some(Upos::Noun | Upos::Propn));
    let case = tree.case_of(head).map(str::to_lowercase);
    // a noun of a place in a locative phrase ("in the city of", "off the coast of"), not any
    // noun there ("in recent US history")
    let place_noun = |n: usize| is_locative(tree, n) && RULES.place_nouns.iter().any(|p| p.eq_ignore_ascii_case(tree.lemma(n)));
    match tree.base_rel(head) {
        "obl" | "nmod" | "advcl" if is_locative(tree, head) => {
            anchors.contains(&on)
                || locative_chain(tree, on, anchors)
                // where the trigger's subject is: "officials in the Philippines asked"
                || (tree.base_rel(on) == "nsubj" && tree.head(on).is_some_and(|h| anchors.contains(&h)))
                // where a party it acts on or with is at: "met Napolitano at the White House",
                // "a meeting with BP executives at the White House"
                || (case.as_deref() == Some("at") && matches!(tree.base_rel(on), "obj" | "obl" | "nmod") && tree.head(on).is_some_and(|h| anchors.contains(&h)))
        }
        "obl" | "nmod" if journey && case.as_deref() == Some("to") => anchors.contains(&on),
        "nmod" if case.as_deref() == Some("of") => (on == trigger && noun_trigger) || (place_noun(on) && (tree.head(on).is_some_and(|h| anchors.contains(&h)) || locative_chain(tree, on, anchors))),
        "compound" | "amod" => (on == trigger && noun_trigger) || (place_noun(on) && tree.head(on).is_some_and(|h| anchors.contains(&h))),
        "appos" | "flat" => place_noun(on) && tree.head(on).is_some_and(|h| anchors.contains(&h)),
        _ => false,
    }
}

/// True when `n`, a noun a place hangs on, is itself in a locative phrase,
/// and so on up (at most four steps) to an anchor: "in two areas off the
/// coast of Alaska" for "suspended".
fn locative_chain(tree: &Tree<'_>, mut n: usize, anchors: &[usize]) -> bool {
    for _ in 0..4 {
        let Some(h) = tree.head(n) else { return false };
        if !is_locative(tree, n) || !matches!(tree.base_rel(n), "obl" | "nmod") {
            return false;
        }
        if anchors.contains(&h) {
            return true;
        }
        n = h;
    }
    false
}

/// What the sentence places an event at: a mention, several coordinated
/// ones, or the coder's location (a sentence without a tree).
enum SentencePlace<'d> {
    Mention(&'d Mention),
    /// Places coordinated in one phrase ("in Misrata, Zawiya and Brega").
    Coordinated(Vec<&'d Mention>),
    Coded(EventArg),
    /// The coder's location, a place in a locative phrase ("in Haiti") that
    /// the tree attaches to another verb of the sentence: the place only
    /// when no name of the sentence is of another country (see [`place_of`]).
    Located(&'d Mention),
    /// The tree places the event nowhere in its sentence.
    Elsewhere,
}

/// The tokens a place attaches to when it says where the event happened:
/// the trigger, and for a trigger noun that is a verb's subject or object
/// that verb ("held a meeting in Geneva").
fn anchors(tree: &Tree<'_>, trigger: usize) -> Vec<usize> {
    let mut out = vec![trigger];
    let noun = matches!(tree.upos(trigger), Some(Upos::Noun | Upos::Propn));
    if noun && matches!(tree.base_rel(trigger), "obj" | "nsubj" | "iobj") {
        out.extend(tree.head(trigger));
    }
    out
}

/// The noun a relative clause opened by "where" modifies, when that clause
/// is the act's ("the White House, where he met Obama", "Geneva, where the
/// talks were held"): the place the act happened.
/// A "where" clause the parser hung on the verb before it is read as one on
/// that verb's last object or oblique before it ("visited Nairobi, where …").
fn where_antecedent(tree: &Tree<'_>, anchors: &[usize]) -> Option<usize> {
    anchors.iter().map(|&a| tree.first_conjunct(a)).find_map(|c| {
        let opened = tree.children(c).into_iter().any(|x| tree.base_rel(x) == "advmod" && tree.lemma(x).eq_ignore_ascii_case("where") && x < c);
        let h = tree.head(c).filter(|_| opened)?;
        match tree.deprel(c) {
            "acl:relcl" => Some(h),
            "advcl" => tree.children(h).into_iter().filter(|&o| o < c && matches!(tree.base_rel(o), "obj" | "obl")).last(),
            _ => None,
        }
    })
}

/// The clauses the trigger's clause belongs to: its ancestors up to the
/// first clause of reported speech or a relative clause.
fn governing_clauses(tree: &Tree<'_>, trigger: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut t = trigger;
    while let Some(h) = tree.head(t) {
        if matches!(tree.base_rel(t), "ccomp" | "parataxis" | "csubj") || tree.deprel(t) == "acl:relcl" || out.len() > tree.tokens().len() {
            break;
        }
        out.push(h);
        t = h;
    }
    out
}

/// A mention as an event argument (with the country it states).
fn arg_of(m: &Mention) -> EventArg {
    EventArg { name: m.canonical.clone(), kb_id: m.kb_id.clone(), country: stated_country(m).map(String::from), sector: m.sector.clone(), span: Some(m.span) }
}

/// A country at the population-weighted centre of its GeoNames places.
fn country_place(kb: &Kb, iso3: &str) -> Option<Place> {
    let c = kb.country(iso3)?;
    let centre = kb.country_centre(&c.iso3);
    Some(Place {
        name: c.name.clone(),
        geonames_id: None,
        country: Some(c.iso3.clone()),
        lat: centre.map(|c| c.0),
        lon: centre.map(|c| c.1),
        basis: None,
    })
}

/// The place a location argument names, given the document's mentions.
pub fn resolve(kb: &Kb, arg: &EventArg, mentions: &[Mention]) -> Place {
    if let Some(p) = arg.kb_id.as_deref().and_then(|k| k.strip_prefix("geonames-")?.parse().ok()).and_then(|id| kb.place(id)) {
        return gazetteer_place(p);
    }
    if let Some(p) = arg.kb_id.as_deref().and_then(|k| country_place(kb, k)) {
        return p;
    }
    if let Some(w) = water_named(&arg.name, mentions) {
        return Place { name: w.name.clone(), geonames_id: None, country: None, lat: Some(w.lat), lon: Some(w.lon), basis: None };
    }
    let region = arg.kb_id.as_deref().and_then(|k| kb.regions.iter().find(|r| !r.code.is_empty() && r.code == k));
    let candidates = kb.places_named(&arg.name);
    if let Some(r) = qualifying_region(kb, arg, mentions) {
        // "VENICE , Louisiana", "Paris, Texas": the place of that name in the region, else the region
        if let Some(city) = candidates.iter().find(|p| r.holds(p)) {
            return gazetteer_place(city);
        }
        if !candidates.is_empty() {
            let centre = kb.region_centre(&r.code);
            return Place { name: r.name.clone(), geonames_id: None, country: Some(r.iso3.clone()), lat: centre.map(|c| c.0), lon: centre.map(|c| c.1), basis: None };
        }
    }
    if let Some(r) = region.or_else(|| kb.region_named(&arg.name)) {
        return match candidates.iter().find(|p| p.iso3 == r.iso3) {
            Some(city) => gazetteer_place(city),
            None => {
                let centre = kb.region_centre(&r.code);
                Place { name: r.name.clone(), geonames_id: None, country: Some(r.iso3.clone()), lat: centre.map(|c| c.0), lon: centre.map(|c| c.1), basis: None }
            }
        };
    }
    let named = countries_named_besides(mentions, &arg.name);
    match choose(&candidates, &named) {
        Some(p) => gazetteer_place(p),
        None => Place { name: arg.name.clone(), geonames_id: None, country: arg.country.clone(), lat: None, lon: None, basis: None },
    }
}

/// The region a place's name is qualified by: a region's mention right after
/// it, past a comma ("VENICE , Louisiana", "Paris, Texas"), here or where the
/// document names the place so once.
fn qualifying_region<'k>(kb: &'k Kb, arg: &EventArg, mentions: &[Mention]) -> Option<&'k crate::kb::Region> {
    let after = |end: usize| {
        let next = mentions.iter().find(|m| m.span.start() > end && m.span.start() <= end + 3)?;
        kb.region_named(&next.canonical).filter(|r| !r.code.is_empty())
    };
    let key = fold(&arg.name);
    arg.span.and_then(|s| after(s.end())).or_else(|| mentions.iter().filter(|m| fold(&m.canonical) == key).find_map(|m| after(m.span.end())))
}

/// Of the places of one name (most populous first), the most populous in a
/// country of `named` unless it is much smaller than the largest
/// (`min_population_share`), else the largest.
pub(crate) fn choose<'k>(candidates: &[&'k crate::kb::Place], named: &[&str]) -> Option<&'k crate::kb::Place> {
    let largest = candidates.first().map_or(0.0, |p| p.population as f64);
    let local = candidates
        .iter()
        .find(|p| named.contains(&p.iso3.as_str()))
        .filter(|p| p.population as f64 >= RULES.min_population_share * largest);
    local.or(candidates.first()).copied()
}

fn gazetteer_place(p: &crate::kb::Place) -> Place {
    Place { name: p.name.clone(), geonames_id: Some(p.geonameid), country: Some(p.iso3.clone()), lat: Some(p.lat), lon: Some(p.lon), basis: None }
}

/// Countries of the document's location mentions other than those named
/// `name` (a capital's own mention says nothing about which one is meant).
fn countries_named_besides<'a>(mentions: &'a [Mention], name: &str) -> Vec<&'a str> {
    let key = fold(name);
    let mut out: Vec<&str> = Vec::new();
    for m in mentions.iter().filter(|m| m.entity_type == EntityType::Location && fold(&m.canonical) != key) {
        if let Some(c) = m.country.as_deref().filter(|c| !out.contains(c)) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_core::{DocId, InputFormat, MentionSource, Metadata, Span};

    fn world() -> Kb {
        let places = "# columns: geonameid\tname\tascii\talternates\tiso3\tadmin1\tlat\tlon\tpopulation\n\
            2210247\tTripoli\t\tTarabulus\tLBY\t09\t32.8925\t13.1800\t1150989\n\
            266826\tTripoli\t\tTarabulus\tLBN\t09\t34.4367\t35.8497\t229398\n\
            2219905\tBenghazi\t\t\tLBY\t02\t32.1167\t20.0667\t650629\n\
            2214846\tMisratah\t\tMisrata\tLBY\t58\t32.3754\t15.0925\t386120\n\
            9999999\tCyrenaica\t\t\tBRA\t01\t-10.0\t-50.0\t20000\n";
        let mut texts: Vec<(String, String)> = Vec::new();
        for f in crate::kb::FILES {
            let text = match f {
                "places.tsv" => places.to_string(),
                "regions.tsv" => "# columns: code\tname\taliases\tiso3\nLY-MI\tMisrata District\tMisrata\tLBY\n\tCyrenaica\tBarqa\tLBY\n".to_string(),
                "countries.tsv" => "# columns: iso3\tiso2\tname\taliases\tdemonyms\tcapitals\tcameo\n\
                    LBY\tLY\tLibya\t\tLibyan\tTripoli\t\nLBN\tLB\tLebanon\t\tLebanese\tBeirut\t\n"
                    .to_string(),
                _ => String::new(),
            };
            texts.push((f.to_string(), text));
        }
        Kb::from_texts(&texts).unwrap()
    }

    fn doc(body: &str, places: &[(&str, Option<&str>)]) -> Document {
        let mut d = Document::new(DocId::parse("a"), "a".into(), InputFormat::Text, Vec::new(), body.into(), body.into(), Metadata::default());
        for (name, country) in places {
            let start = body.find(name).unwrap();
            d.mentions.push(Mention {
                span: Span::new(body, start, start + name.len()).unwrap(),
                entity_type: EntityType::Location,
                canonical: name.to_string(),
                kb_id: None,
                country: country.map(String::from),
                sector: None,
                source: MentionSource::Kb,
            });
        }
        d
    }

    fn arg(name: &str, kb_id: Option<&str>, country: Option<&str>) -> EventArg {
        EventArg { name: name.into(), kb_id: kb_id.map(String::from), country: country.map(String::from), sector: None, span: None }
    }

    #[test]
    fn an_ambiguous_city_is_the_one_in_a_country_the_document_names() {
        let kb = world();
        let lebanon = doc("Clashes in Tripoli, northern Lebanon.", &[("Tripoli", Some("LBY")), ("Lebanon", Some("LBN"))]);
        let p = resolve(&kb, &arg("Tripoli", None, Some("LBY")), &lebanon.mentions);
        assert_eq!((p.geonames_id, p.country.as_deref()), (Some(266826), Some("LBN")));
        let libya = doc("Clashes in Tripoli and Benghazi.", &[("Tripoli", Some("LBY")), ("Benghazi", Some("LBY"))]);
        let p = resolve(&kb, &arg("Tripoli", None, Some("LBY")), &libya.mentions);
        assert_eq!((p.geonames_id, p.lat), (Some(2210247), Some(32.8925)));
        let small = doc("Clashes in Tripoli, Lebanon.", &[("Tripoli", Some("LBY")), ("Lebanon", Some("LBN"))]);
        let p = resolve(&kb, &arg("Benghazi", None, None), &small.mentions);
        assert_eq!(p.geonames_id, Some(2219905), "the only Benghazi, wherever the article is");
        let nothing_else = doc("Clashes in Tripoli.", &[("Tripoli", Some("LBN"))]);
        let p = resolve(&kb, &arg("Tripoli", None, None), &nothing_else.mentions);
        assert_eq!(p.geonames_id, Some(2210247), "no other country named: the most populous");
    }

    #[test]
    fn a_region_after_a_comma_qualifies_the_place() {
        let places = "# columns: geonameid\tname\tascii\talternates\tiso3\tadmin1\tlat\tlon\tpopulation\n\
            3164603\tVenice\t\t\tITA\t20\t45.4371\t12.3326\t51298\n\
            5405841\tVenice\t\t\tUSA\tCA\t33.9908\t-118.4601\t40885\n\
            4335045\tNew Orleans\t\t\tUSA\tLA\t29.9547\t-90.0751\t343829\n";
        let mut texts: Vec<(String, String)> = Vec::new();
        for f in crate::kb::FILES {
            let text = match f {
                "places.tsv" => places.to_string(),
                "regions.tsv" => "# columns: code\tname\taliases\tiso3\nUS-LA\tLouisiana\t\tUSA\nUS-CA\tCalifornia\t\tUSA\n".to_string(),
                "countries.tsv" => "# columns: iso3\tiso2\tname\taliases\tdemonyms\tcapitals\tcameo\nUSA\tUS\tUnited States\t\tAmerican\tWashington\t\n".to_string(),
                _ => String::new(),
            };
            texts.push((f.to_string(), text));
        }
        let kb = Kb::from_texts(&texts).unwrap();
        let spanned = |d: &Document, name: &str| EventArg { span: d.mentions.iter().find(|m| m.canonical == name).map(|m| m.span), ..arg(name, None, None) };
        // no Venice in Louisiana: the region, not the Venice in California
        let d = doc("VENICE , Louisiana (Reuters) - Oil came ashore.", &[("VENICE", Some("USA")), ("Louisiana", Some("USA"))]);
        let p = resolve(&kb, &spanned(&d, "VENICE"), &d.mentions);
        assert_eq!((p.name.as_str(), p.geonames_id, p.country.as_deref()), ("Louisiana", None, Some("USA")));
        let d = doc("Protesters marched in Venice, California.", &[("Venice", Some("USA")), ("California", Some("USA"))]);
        assert_eq!(resolve(&kb, &spanned(&d, "Venice"), &d.mentions).geonames_id, Some(5405841));
    }

    #[test]
    fn ids_countries_and_unknown_places() {
        let kb = world();
        let d = doc("x", &[]);
        assert_eq!(resolve(&kb, &arg("Banghazi", Some("geonames-2219905"), Some("LBY")), &d.mentions).name, "Benghazi");
        let libya = resolve(&kb, &arg("Libya", Some("LBY"), Some("LBY")), &d.mentions);
        assert_eq!((libya.name.as_str(), libya.geonames_id, libya.country.as_deref()), ("Libya", None, Some("LBY")));
        let (lat, lon) = (libya.lat.unwrap(), libya.lon.unwrap());
        assert!((32.1..32.9).contains(&lat) && (13.1..20.1).contains(&lon), "between its places: {lat} {lon}");
        let misrata = resolve(&kb, &arg("Misrata", Some("LY-MI"), Some("LBY")), &d.mentions);
        assert_eq!(misrata.geonames_id, Some(2214846), "the city named like its district");
        let cyrenaica = resolve(&kb, &arg("Cyrenaica", None, Some("LBY")), &d.mentions);
        assert_eq!((cyrenaica.geonames_id, cyrenaica.country.as_deref()), (None, Some("LBY")), "not the town abroad");
        let gulf = resolve(&kb, &arg("Gulf of Sidra", None, Some("LBY")), &d.mentions);
        assert_eq!((gulf.geonames_id, gulf.lat, gulf.country.as_deref()), (None, None, Some("LBY")));
    }

    #[test]
    fn a_sea_is_in_no_country_and_the_gulf_is_the_one_the_document_names() {
        let (water, problems) = parse_water(WATER_TSV);
        assert!(problems.is_empty() && water.len() > 20, "{problems:?}");
        assert_eq!(parse_water("x\ty\n").1.len(), 1);
        let kb = world();
        let d = doc("Oil from the Gulf of Mexico reached the Gulf coast.", &[("Gulf of Mexico", Some("MEX"))]);
        let gulf = resolve(&kb, &arg("Gulf of Mexico", None, Some("MEX")), &d.mentions);
        assert_eq!((gulf.name.as_str(), gulf.country, gulf.lat.is_some()), ("Gulf of Mexico", None, true));
        let short = resolve(&kb, &arg("Gulf", None, None), &d.mentions);
        assert_eq!(short.name, "Gulf of Mexico");
        let neither = doc("Ships left the Gulf of Oman and the Gulf of Mexico.", &[("Gulf of Oman", None), ("Gulf of Mexico", None)]);
        assert_eq!(resolve(&kb, &arg("Gulf", None, None), &neither.mentions).lat, None, "two gulfs named: not knowing which");
        let gulf = resolve(&kb, &arg("Gulf of Sidra", None, Some("LBY")), &d.mentions);
        assert_eq!((gulf.geonames_id, gulf.lat, gulf.country.as_deref()), (None, None, Some("LBY")));
    }
}
