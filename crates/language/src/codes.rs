//! The country of an event's unnamed national institutions: "the
//! government", "a federal court", "the judge", "senators", "police",
//! "rebels" — an actor or recipient whose sector is one of a country's own
//! (`national_sectors` in `data/language/codes.tsv`) but whose words name no
//! country. News writing leaves that country unsaid when it is the one the
//! story is about, so the slot takes, in this order:
//!
//! 1. the one country the event's sentence names outside its parties (whose
//!    codes are their own: "the government condemned Iran" is not Iran's; a place, a nationality, a person or body with a country;
//!    companies and outlets aside, as for places): "a federal court lifted a
//!    ban imposed by the Obama administration" → USA; none when the sentence
//!    names two;
//! 2. the country most of the document's names are of, when it holds
//!    `document_country_share` of them, more than any other: the country the
//!    story is about;
//! 3. the country of the article's dateline ("WASHINGTON (Reuters) -"),
//!    where the reporter is — a London-datelined story of a US senator's
//!    hearing is about the United States.
//!
//! A country named as a party (a state: the mention's id is its country
//! code), by its capital ("Moscow accused Kyiv") or a first-level region
//! of it ("Louisiana sued BP": the state's government), takes the sector `GOV` when it acts, or when a political act is
//! addressed to it ("Egypt ordered a cull", "Kenya accused Uganda") — not
//! when aid, forces or an attack are sent to it, where it is the land and
//! its people.
//!
//! A slot that names a country, an international body, or a sector outside
//! the list (a company, the armed forces) is left as it is, except "the
//! company" (a definite business party in the singular), which takes the
//! country of the last company the document named before it. A named person
//! takes only the country of step 2 or 3, and only when the sentence names
//! no other: a nationality is a fact of the person, not of the sentence.
//!
//! Reads: `events[]` (actors, recipients, sentence), `mentions`. Writes:
//! `events[].actors[].country`, `events[].recipients[].country`.

use std::sync::LazyLock;

use chronicle_core::{Document, EntityType, Event, EventArg, Mention, PloverType, Span};

use crate::kb::Kb;
use crate::place::{dateline_country, mentions_in, placeless, stated_country};

const CODES_TSV: &str = include_str!("../../../data/language/codes.tsv");

struct Rules {
    national_sectors: Vec<String>,
    /// Words before a capital that write it as a place (`capital_place_words`).
    capital_place_words: Vec<String>,
    /// Plural nouns naming several states (`several_states`).
    several_states: Vec<String>,
    /// Words of the `home_force` lines: armed forces that serve at home.
    home_forces: Vec<Vec<String>>,
    document_country_share: f64,
    document_country_min_mentions: usize,
}

/// The value of `key` in `data/language/codes.tsv`.
fn rule(key: &str) -> Option<&'static str> {
    CODES_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .find(|(k, _)| k.trim() == key)
        .map(|(_, v)| v.trim())
}

/// The comma-separated words of `key`, lower-case (none when its line is missing).
fn lower_words(key: &str) -> Vec<String> {
    rule(key).map(|v| v.split(',').map(|w| w.trim().to_lowercase()).filter(|w| !w.is_empty()).collect()).unwrap_or_default()
}

/// The rules, each with its default when its line is missing or malformed
/// (no sectors, no capital place words, 0.5, 3).
static RULES: LazyLock<Rules> = LazyLock::new(|| Rules {
    national_sectors: rule("national_sectors")
        .map(|v| v.split(',').map(|w| w.trim().to_uppercase()).filter(|w| !w.is_empty()).collect())
        .unwrap_or_default(),
    capital_place_words: lower_words("capital_place_words"),
    several_states: lower_words("several_states"),
    document_country_share: rule("document_country_share").and_then(|v| v.parse().ok()).filter(|v| (0.0..=1.0).contains(v)).unwrap_or(0.5),
    document_country_min_mentions: rule("document_country_min_mentions").and_then(|v| v.parse().ok()).unwrap_or(3),
    home_forces: CODES_TSV
        .lines()
        .filter_map(|l| l.strip_prefix("home_force\t"))
        .map(|l| l.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>())
        .filter(|w| !w.is_empty())
        .collect(),
});

/// Gives every unnamed national institution among the events' parties the
/// country the text implies (see the module docs).
pub fn annotate(kb: &Kb, doc: &mut Document) {
    if doc.events.is_empty() {
        return;
    }
    let story = document_country(kb, &doc.mentions).or_else(|| dateline_country(kb, doc));
    let mut events = std::mem::take(&mut doc.events);
    for e in &mut events {
        let parties: Vec<Span> = e.actors.iter().chain(&e.recipients).filter_map(|a| a.span).collect();
        let named = sentence_country(kb, doc, e, &parties);
        let person = |a: &EventArg| a.span.is_some_and(|s| doc.mentions.iter().any(|m| m.span == s && m.entity_type == EntityType::Person));
        fill(&mut e.actors, &named, story.as_deref(), &person);
        fill(&mut e.recipients, &named, story.as_deref(), &person);
        for a in e.actors.iter_mut().chain(e.recipients.iter_mut()) {
            if a.country.is_none() && definite_company(a) {
                a.country = last_company_country(&doc.mentions, a).map(String::from);
            }
        }
        // "aid to Haitians", "Americans donated": a people named by its nationality in the
        // plural is its members — civilians — when it receives an act, or makes one that is
        // no force, protest or coercion (where it acts as a side: "Palestinians protested")
        let peaceful = !matches!(
            e.event_type,
            PloverType::Assault | PloverType::Threaten | PloverType::Protest | PloverType::Mobilize | PloverType::Coerce | PloverType::Sanction
        );
        let people = |a: &EventArg| a.sector.is_none() && a.country.is_some() && a.span.is_some_and(|s| doc.mentions.iter().any(|m| m.span == s && nationals(m, doc.body())));
        for a in e.recipients.iter_mut().chain(e.actors.iter_mut().filter(|_| peaceful)) {
            if people(a) {
                a.sector = Some("CVL".into());
            }
        }
        // "Egypt ordered a cull", "Russia banned imports": a state acting is its government,
        // and so is one a political act is addressed to — not one aid or force is sent to
        let addressed = !matches!(e.event_type, PloverType::Aid | PloverType::Mobilize | PloverType::Assault | PloverType::Protest | PloverType::Retreat);
        let states = e.actors.iter_mut().chain(e.recipients.iter_mut().filter(|_| addressed));
        for a in states.filter(|a| a.sector.is_none() && a.country.is_some() && (a.kb_id == a.country || is_capital(kb, doc.body(), a) || is_region(kb, a))) {
            a.sector = Some("GOV".into());
        }
    }
    doc.events = events;
}

/// True for a people named by its nationality as a plural noun ("Haitians",
/// "Americans", "Britons"): a group mention with a country and no sector or
/// knowledge-base entry, written as one capitalised word ending in "s".
fn nationals(m: &Mention, body: &str) -> bool {
    let word = m.span.text(body);
    m.entity_type == EntityType::Group
        && m.sector.is_none()
        && m.kb_id.is_none()
        && m.country.is_some()
        && !word.contains(' ')
        && word.starts_with(char::is_uppercase)
        && word.ends_with('s')
}

/// True for a party named as a first-level region of its country — a
/// state, province or oblast ("Louisiana sued BP", "criticised Arizona's
/// law"): a region that acts, or that a political act is addressed to, is
/// its own government, as a country is.
fn is_region(kb: &Kb, a: &EventArg) -> bool {
    a.kb_id.as_deref().is_some_and(|id| kb.region_named(a.name.trim()).is_some_and(|r| !r.code.is_empty() && r.code == id))
}

/// True for a party named by its country's capital ("Moscow accused Kyiv",
/// "Washington wanted to help"): news writing names a state's government by
/// the city it sits in, as it names it by the country.
/// A capital written as where something is ("people in Mexico City", "at
/// Beijing's airport") names the city, not its government.
fn is_capital(kb: &Kb, body: &str, a: &EventArg) -> bool {
    let Some(country) = a.country.as_deref().and_then(|c| kb.country(c)) else { return false };
    let Some(span) = a.span else { return false };
    let before = body.get(..span.start()).and_then(|b| b.split_whitespace().last()).unwrap_or("").to_lowercase();
    let after = body.get(span.end()..).unwrap_or("").trim_start();
    let where_ = RULES.capital_place_words.contains(&before);
    let possessor = after.starts_with("'s") || after.starts_with("’s");
    !where_ && !possessor && country.capitals.iter().any(|c| c.eq_ignore_ascii_case(a.name.trim()))
}

/// The countries the sentence names outside the event's parties: `One(c)`,
/// `Several`, or `Silent` when none.
#[derive(Debug, PartialEq)]
enum Named {
    One(String),
    Several,
    Silent,
}

/// True for a party that names no country and whose sector is a country's
/// own, or that is a force serving at home ("the Coast Guard").
fn unnamed_national(a: &EventArg) -> bool {
    let national = a.sector.as_deref().is_some_and(|s| RULES.national_sectors.iter().any(|n| n.eq_ignore_ascii_case(s)));
    a.country.is_none() && (national || home_force(&a.name)) && !several_states(&a.name)
}

/// True when the words `name` end in a plural noun of several states
/// ("nations", "Western governments"): no one country is theirs.
fn several_states(name: &str) -> bool {
    name.split_whitespace().last().is_some_and(|w| RULES.several_states.iter().any(|s| s.eq_ignore_ascii_case(w)))
}

/// True when the words `name` end in a `home_force` phrase.
fn home_force(name: &str) -> bool {
    let words = chronicle_core::name::phrase_words(name);
    RULES.home_forces.iter().any(|p| chronicle_core::name::ends_in_phrase(&words, p))
}

/// Fills the country of the parties of a national sector (their sectors,
/// from their nouns and phrases, the event coder gave). A named person's nationality is no fact of the
/// story: such a person takes the story's country only, and only when the
/// sentence names no other ("Mr Guajardo was denied access by Chinese
/// officials" says nothing of where Guajardo is from).
fn fill(args: &mut [EventArg], named: &Named, story: Option<&str>, person: &dyn Fn(&EventArg) -> bool) {
    for a in args.iter_mut().filter(|a| unnamed_national(a)) {
        a.country = match named {
            Named::One(c) if person(a) => story.filter(|s| s == c).map(String::from),
            Named::One(c) => Some(c.clone()),
            Named::Several => None,
            Named::Silent => story.map(String::from),
        };
    }
}

/// "the company", "the oil firm": a definite business party in the singular
/// that names no company of its own. News writing names a company once and
/// then refers back to it this way.
fn definite_company(a: &EventArg) -> bool {
    let words: Vec<String> = a.name.split_whitespace().map(str::to_lowercase).collect();
    let singular = words.last().is_some_and(|w| !w.ends_with('s'));
    a.sector.as_deref() == Some("BUS") && a.kb_id.is_none() && words.len() <= 3 && words.first().is_some_and(|w| w == "the") && singular
}

/// The country of the last company the document names before the party
/// (an organisation mention of sector BUS with a country), the one a
/// definite "the company" refers back to.
fn last_company_country<'m>(mentions: &'m [Mention], a: &EventArg) -> Option<&'m str> {
    let at = a.span?.start();
    let company = |m: &&Mention| m.entity_type == EntityType::Organization && m.sector.as_deref() == Some("BUS") && m.country.is_some();
    mentions.iter().filter(|m| m.span.start() < at).filter(company).max_by_key(|m| m.span.start())?.country.as_deref()
}

/// The countries the event's sentence names outside its parties (see
/// [`annotate`], step 1).
fn sentence_country(kb: &Kb, doc: &Document, e: &Event, parties: &[Span]) -> Named {
    let overlaps = |m: &Mention| parties.iter().any(|s| s.start() < m.span.end() && m.span.start() < s.end());
    let mut found: Option<&str> = None;
    for m in mentions_in(&doc.mentions, e.sentence).iter().filter(|m| !overlaps(m)) {
        let Some(c) = country_of(kb, m) else { continue };
        match found {
            Some(f) if f != c => return Named::Several,
            _ => found = Some(c),
        }
    }
    found.map_or(Named::Silent, |c| Named::One(c.to_string()))
}

/// The country a mention names: a country of the knowledge base (not an
/// international body's code), companies and outlets aside.
fn country_of<'m>(kb: &Kb, m: &'m Mention) -> Option<&'m str> {
    if placeless(m.sector.as_deref()) {
        return None;
    }
    stated_country(m).filter(|c| kb.country(c).is_some())
}

/// The country most of the document's names are of (see [`annotate`],
/// step 3).
fn document_country(kb: &Kb, mentions: &[Mention]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    let mut total = 0;
    for c in mentions.iter().filter_map(|m| country_of(kb, m)) {
        total += 1;
        match counts.iter_mut().find(|(k, _)| *k == c) {
            Some((_, n)) => *n += 1,
            None => counts.push((c, 1)),
        }
    }
    counts.sort_by_key(|&(c, n)| (std::cmp::Reverse(n), c));
    let &(c, n) = counts.first()?;
    let second = counts.get(1).map_or(0, |&(_, m)| m);
    let share = n as f64 / total as f64;
    (n > second && n >= RULES.document_country_min_mentions && share >= RULES.document_country_share).then(|| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_core::{DocId, InputFormat, Metadata, MentionSource, Modality, PloverType, UncertainDate};

    fn world() -> Kb {
        let mut texts: Vec<(String, String)> = Vec::new();
        for f in crate::kb::FILES {
            let text = match f {
                "countries.tsv" => "# columns: iso3\tiso2\tname\taliases\tdemonyms\tcapitals\tcameo\n\
                    USA\tUS\tUnited States\tU.S.\tAmerican\tWashington\t\nGBR\tGB\tUnited Kingdom\tBritain\tBritish\tLondon\t\n\
                    IRN\tIR\tIran\t\tIranian\tTehran\t\nCHN\tCN\tChina\t\tChinese\tBeijing\t\n"
                    .to_string(),
                _ => String::new(),
            };
            texts.push((f.to_string(), text));
        }
        Kb::from_texts(&texts).unwrap()
    }

    /// A document of one body whose `names` (text, type, country, sector) are
    /// mentions, and one event of its first sentence.
    fn doc(body: &str, names: &[(&str, EntityType, &str, Option<&str>)]) -> Document {
        let mut d = Document::new(DocId::parse("a"), "a".into(), InputFormat::Text, Vec::new(), body.into(), body.into(), Metadata::default());
        for &(name, t, country, sector) in names {
            let start = body.find(name).unwrap();
            d.mentions.push(Mention {
                span: Span::new(body, start, start + name.len()).unwrap(),
                entity_type: t,
                canonical: name.to_string(),
                kb_id: None,
                country: Some(country.to_string()),
                sector: sector.map(String::from),
                source: MentionSource::Kb,
            });
        }
        d.mentions.sort_by_key(|m| m.span.start());
        d
    }

    fn party(body: &str, words: &str, country: Option<&str>, sector: Option<&str>) -> EventArg {
        let start = body.find(words).unwrap();
        EventArg {
            name: words.into(),
            kb_id: None,
            country: country.map(String::from),
            sector: sector.map(String::from),
            span: Span::new(body, start, start + words.len()).ok(),
        }
    }

    fn event(body: &str, sentence: &str, actors: Vec<EventArg>, recipients: Vec<EventArg>) -> Event {
        let start = body.find(sentence).unwrap();
        let span = Span::new(body, start, start + sentence.len()).unwrap();
        Event {
            event_type: PloverType::Accuse,
            mode: None,
            context: Vec::new(),
            cameo: None,
            actors,
            recipients,
            date: UncertainDate::unknown(),
            location: None,
            place: None,
            quantities: Vec::new(),
            modality: Modality::Asserted,
            attributed_to: None,
            items: Vec::new(),
            sentence: span,
            trigger: span,
            rule: String::new(),
        }
    }

    fn codes(d: &Document) -> Vec<(Option<&str>, Option<&str>)> {
        d.events.iter().flat_map(|e| e.actors.iter().chain(&e.recipients)).map(|a| (a.country.as_deref(), a.sector.as_deref())).collect()
    }

    #[test]
    fn an_unnamed_court_takes_the_one_country_its_sentence_names() {
        let body = "A federal judge struck down the drilling ban the Obama administration imposed.";
        let mut d = doc(body, &[("Obama", EntityType::Person, "USA", Some("GOV"))]);
        d.events.push(event(body, body, vec![party(body, "A federal judge", None, Some("JUD"))], vec![]));
        annotate(&world(), &mut d);
        assert_eq!(codes(&d), vec![(Some("USA"), Some("JUD"))]);
    }

    #[test]
    fn another_partys_country_is_not_the_institutions() {
        let body = "The government condemned Iran on Monday. Later the President of the United States spoke. Americans agreed in Washington.";
        let mut d = doc(
            body,
            &[("Iran", EntityType::Location, "IRN", None), ("United States", EntityType::Location, "USA", None), ("Americans", EntityType::Group, "USA", None), ("Washington", EntityType::Location, "USA", None)],
        );
        let first = "The government condemned Iran on Monday.";
        d.events.push(event(body, first, vec![party(body, "The government", None, Some("GOV"))], vec![party(body, "Iran", Some("IRN"), None)]));
        annotate(&world(), &mut d);
        assert_eq!(codes(&d), vec![(Some("USA"), Some("GOV")), (Some("IRN"), None)], "the document's country, not the recipient's");
    }

    #[test]
    fn two_countries_in_the_sentence_leave_it_open_and_so_does_a_company_or_the_army() {
        let body = "British and American officials said the judge and the army and the firm acted.";
        let mut d = doc(body, &[("British", EntityType::Group, "GBR", None), ("American", EntityType::Group, "USA", None)]);
        let args = vec![
            party(body, "the judge", None, Some("JUD")),
            party(body, "the army", None, Some("MIL")),
            party(body, "the firm", None, Some("BUS")),
        ];
        d.events.push(event(body, body, args, vec![]));
        annotate(&world(), &mut d);
        assert_eq!(codes(&d), vec![(None, Some("JUD")), (None, Some("MIL")), (None, Some("BUS"))]);
    }

    #[test]
    fn a_silent_sentence_takes_the_documents_country_and_a_company_does_not_count() {
        let body = "BP said so. BP agreed. BP paid. The chairman met Obama in Washington and American lawmakers. The senators asked questions.";
        let mut d = doc(
            body,
            &[
                ("BP said", EntityType::Organization, "GBR", Some("BUS")),
                ("BP agreed", EntityType::Organization, "GBR", Some("BUS")),
                ("BP paid", EntityType::Organization, "GBR", Some("BUS")),
                ("Obama", EntityType::Person, "USA", Some("GOV")),
                ("Washington", EntityType::Location, "USA", None),
                ("American", EntityType::Group, "USA", None),
            ],
        );
        let last = "The senators asked questions.";
        d.events.push(event(body, last, vec![party(body, "The senators", None, Some("LEG"))], vec![]));
        annotate(&world(), &mut d);
        assert_eq!(codes(&d), vec![(Some("USA"), Some("LEG"))]);
        // with no country holding half the names, the slot stays open
        let mut even = doc(body, &[("Obama", EntityType::Person, "USA", Some("GOV")), ("Washington", EntityType::Location, "GBR", None)]);
        even.events.push(event(body, last, vec![party(body, "The senators", None, Some("LEG"))], vec![]));
        annotate(&world(), &mut even);
        assert_eq!(codes(&even), vec![(None, Some("LEG"))]);
    }

    #[test]
    fn a_ministry_or_department_is_a_government_body_of_the_country_its_sentence_names() {
        let body = "The Interior Ministry accused the smugglers of bribing guards, Iranian media said.";
        let mut d = doc(body, &[("Iranian", EntityType::Group, "IRN", None)]);
        d.events.push(event(body, body, vec![party(body, "The Interior Ministry", None, Some("GOV"))], vec![party(body, "the smugglers", None, None)]));
        annotate(&world(), &mut d);
        assert_eq!(codes(&d), vec![(Some("IRN"), Some("GOV")), (None, None)]);
        let body = "The city police department fined the Halvorsen ferry line in London.";
        let mut d = doc(body, &[("London", EntityType::Location, "GBR", None)]);
        d.events.push(event(body, body, vec![party(body, "The city police department", None, Some("COP"))], vec![]));
        annotate(&world(), &mut d);
        assert_eq!(codes(&d), vec![(Some("GBR"), Some("COP"))]);
    }

    #[test]
    fn a_party_of_a_national_sector_takes_the_country_and_one_of_none_stays_open() {
        let body = "Obama met British aid agencies and a House subcommittee and local residents in Washington.";
        let names = [("Obama", EntityType::Person, "USA", Some("GOV")), ("British", EntityType::Group, "GBR", None), ("Washington", EntityType::Location, "USA", None)];
        let mut d = doc(body, &names);
        let recipients = vec![
            party(body, "British aid agencies", Some("GBR"), Some("NGO")),
            party(body, "a House subcommittee", None, Some("LEG")),
            party(body, "local residents", None, None),
        ];
        d.events.push(event(body, body, vec![party(body, "Obama", Some("USA"), Some("GOV"))], recipients));
        annotate(&world(), &mut d);
        assert_eq!(
            codes(&d),
            vec![(Some("USA"), Some("GOV")), (Some("GBR"), Some("NGO")), (Some("USA"), Some("LEG")), (None, None)],
            "the subcommittee takes the one country named outside the parties"
        );
    }

    #[test]
    fn unnamed_people_and_trades_are_of_the_storys_country_unless_their_words_name_another() {
        let body = "Residents and doctors blamed the mayor. China built roads. Beijing and Shanghai closed schools. British tourists and Chinese students complained.";
        let names = [
            ("China", EntityType::Location, "CHN", None),
            ("Beijing", EntityType::Location, "CHN", None),
            ("Shanghai", EntityType::Location, "CHN", None),
            ("British", EntityType::Group, "GBR", None),
            ("Chinese", EntityType::Group, "CHN", None),
        ];
        let mut d = doc(body, &names);
        let first = "Residents and doctors blamed the mayor.";
        d.events.push(event(body, first, vec![party(body, "Residents", None, Some("CVL")), party(body, "doctors", None, Some("HLH"))], vec![]));
        let last = "British tourists and Chinese students complained.";
        d.events.push(event(body, last, vec![party(body, "British tourists", Some("GBR"), Some("CVL"))], vec![]));
        annotate(&world(), &mut d);
        assert_eq!(codes(&d), vec![(Some("CHN"), Some("CVL")), (Some("CHN"), Some("HLH")), (Some("GBR"), Some("CVL"))]);
    }

    #[test]
    fn several_states_take_no_one_country() {
        let body = "Troops reached China, while nations and Western governments pledged aid and the government thanked them.";
        let mut d = doc(body, &[("China", EntityType::Location, "CHN", None)]);
        let actors = vec![party(body, "nations", None, Some("GOV")), party(body, "Western governments", None, Some("GOV")), party(body, "the government", None, Some("GOV"))];
        d.events.push(event(body, body, actors, vec![]));
        annotate(&world(), &mut d);
        assert_eq!(codes(&d), vec![(None, Some("GOV")), (None, Some("GOV")), (Some("CHN"), Some("GOV"))], "plural states are many countries");
        assert!(several_states("the donor countries") && !several_states("the country"));
    }

    #[test]
    fn armed_forces_take_no_country_from_the_sentence() {
        let body = "The Norwegian Coast Guard and the Ruritanian Air Force searched the fjord.";
        let mut d = doc(body, &[("Norwegian", EntityType::Group, "NOR", None)]);
        let actors = vec![party(body, "The Norwegian Coast Guard", Some("NOR"), Some("MIL")), party(body, "the Ruritanian Air Force", None, Some("MIL"))];
        d.events.push(event(body, body, actors, vec![]));
        annotate(&world(), &mut d);
        assert_eq!(codes(&d), vec![(Some("NOR"), Some("MIL")), (None, Some("MIL"))], "armed forces take no country from the sentence");
    }

    #[test]
    fn a_coast_guard_or_national_guard_is_of_the_storys_country_and_an_army_is_not() {
        let body = "China rebuilt Tianjin. The Coast Guard and the army searched Shanghai.";
        let names = [("China", EntityType::Location, "CHN", None), ("Tianjin", EntityType::Location, "CHN", None), ("Shanghai", EntityType::Location, "CHN", None)];
        let mut d = doc(body, &names);
        let last = "The Coast Guard and the army searched Shanghai.";
        d.events.push(event(body, last, vec![party(body, "The Coast Guard", None, Some("MIL")), party(body, "the army", None, Some("MIL"))], vec![]));
        annotate(&world(), &mut d);
        assert_eq!(codes(&d), vec![(Some("CHN"), Some("MIL")), (None, Some("MIL"))]);
        assert!(home_force("the Louisiana National Guard") && !home_force("the guard"));
    }

    #[test]
    fn the_company_is_of_the_last_company_named_before_it() {
        let body = "The company denied it. Fjordkraft and Halvard Shipping bought the port. Officials accused the company and the companies.";
        let names = [("Fjordkraft", EntityType::Organization, "NOR", Some("BUS")), ("Halvard Shipping", EntityType::Organization, "DNK", Some("BUS"))];
        let mut d = doc(body, &names);
        let first = "The company denied it.";
        d.events.push(event(body, first, vec![party(body, "The company", None, Some("BUS"))], vec![]));
        let last = "Officials accused the company and the companies.";
        let recipients = vec![party(body, "the company", None, Some("BUS")), party(body, "the companies", None, Some("BUS"))];
        d.events.push(event(body, last, vec![], recipients));
        annotate(&world(), &mut d);
        assert_eq!(codes(&d), vec![(None, Some("BUS")), (Some("DNK"), Some("BUS")), (None, Some("BUS"))], "none named before it; the last one named; a plural may be several");
    }

    #[test]
    fn a_state_acting_or_addressed_is_its_government() {
        let body = "Egypt accused Iran. Egypt sent aid to Iran.";
        let mut d = doc(body, &[]);
        let state = |words: &str, at: usize| {
            let start = body[at..].find(words).unwrap() + at;
            EventArg { name: words.into(), kb_id: Some(words.to_uppercase()[..3].to_string()), country: Some(words.to_uppercase()[..3].to_string()), sector: None, span: Span::new(body, start, start + words.len()).ok() }
        };
        let mut accused = event(body, "Egypt accused Iran.", vec![state("Egypt", 0)], vec![state("Iran", 0)]);
        accused.event_type = PloverType::Accuse;
        let mut aid = event(body, "Egypt sent aid to Iran.", vec![state("Egypt", 20)], vec![state("Iran", 20)]);
        aid.event_type = PloverType::Aid;
        d.events = vec![accused, aid];
        annotate(&world(), &mut d);
        let sectors: Vec<Option<&str>> = d.events.iter().flat_map(|e| e.actors.iter().chain(&e.recipients)).map(|a| a.sector.as_deref()).collect();
        // the aid's recipient is the land and its people
        assert_eq!(sectors, [Some("GOV"), Some("GOV"), Some("GOV"), None]);
    }

    #[test]
    fn a_people_named_in_the_plural_is_civilians_unless_it_acts_by_force() {
        let body = "China sent aid to Iranians. Iranians attacked the embassy. Iranian officials met.";
        let names = [("Iranians", EntityType::Group, "IRN", None), ("Iranian", EntityType::Group, "IRN", None)];
        let mut d = doc(body, &names);
        let mut aid = event(body, "China sent aid to Iranians.", vec![], vec![party(body, "Iranians", Some("IRN"), None)]);
        aid.event_type = PloverType::Aid;
        let start = body.find("Iranians attacked").unwrap();
        let attackers = EventArg { name: "Iranians".into(), kb_id: None, country: Some("IRN".into()), sector: None, span: Span::new(body, start, start + 8).ok() };
        let mut attack = event(body, "Iranians attacked the embassy.", vec![attackers], vec![]);
        attack.event_type = PloverType::Assault;
        d.mentions.push(Mention { span: Span::new(body, start, start + 8).unwrap(), entity_type: EntityType::Group, canonical: "Iranians".into(), kb_id: None, country: Some("IRN".into()), sector: None, source: MentionSource::Kb });
        d.mentions.sort_by_key(|m| m.span.start());
        d.events = vec![aid, attack];
        annotate(&world(), &mut d);
        assert_eq!(d.events[0].recipients[0].sector.as_deref(), Some("CVL"));
        // attacking, a people is a side, not civilians
        assert_eq!(d.events[1].actors[0].sector, None);
    }

    #[test]
    fn a_capital_named_for_its_state_is_its_government() {
        let body = "Tehran accused Washington. Beijing sent aid to Tehran. London Zoo accused Tehran. People in Beijing accused London.";
        let mut d = doc(body, &[]);
        let city = |words: &str, at: usize, country: &str| {
            let start = body[at..].find(words).unwrap() + at;
            EventArg { name: words.into(), kb_id: None, country: Some(country.into()), sector: None, span: Span::new(body, start, start + words.len()).ok() }
        };
        let accused = event(body, "Tehran accused Washington.", vec![city("Tehran", 0, "IRN")], vec![city("Washington", 0, "USA")]);
        let mut aid = event(body, "Beijing sent aid to Tehran.", vec![city("Beijing", 20, "CHN")], vec![city("Tehran", 20, "IRN")]);
        aid.event_type = PloverType::Aid;
        // a place in the capital that is not the capital is no government, nor is the city
        // where people are
        let zoo = event(body, "London Zoo accused Tehran.", vec![city("London Zoo", 40, "GBR")], vec![]);
        let people = event(body, "People in Beijing accused London.", vec![city("Beijing", 60, "CHN")], vec![]);
        d.events = vec![accused, aid, zoo, people];
        annotate(&world(), &mut d);
        let sectors: Vec<Option<&str>> = d.events.iter().flat_map(|e| e.actors.iter().chain(&e.recipients)).map(|a| a.sector.as_deref()).collect();
        // the aid's recipient is the land and its people
        assert_eq!(sectors, [Some("GOV"), Some("GOV"), Some("GOV"), None, None, None]);
    }

    #[test]
    fn a_region_named_as_a_party_is_its_government() {
        let mut texts: Vec<(String, String)> = Vec::new();
        for f in crate::kb::FILES {
            let text = match f {
                "countries.tsv" => "USA\tUS\tUnited States\tU.S.\tAmerican\tWashington\t\n".to_string(),
                "regions.tsv" => "US-OR\tOregon\t\tUSA\n".to_string(),
                _ => String::new(),
            };
            texts.push((f.to_string(), text));
        }
        let kb = Kb::from_texts(&texts).unwrap();
        let body = "Oregon sued the federal government. Washington sent aid to Oregon.";
        let mut d = doc(body, &[]);
        let oregon = |at: usize| {
            let start = body[at..].find("Oregon").unwrap() + at;
            EventArg { name: "Oregon".into(), kb_id: Some("US-OR".into()), country: Some("USA".into()), sector: None, span: Span::new(body, start, start + 6).ok() }
        };
        let sued = event(body, "Oregon sued the federal government.", vec![oregon(0)], vec![]);
        let mut aid = event(body, "Washington sent aid to Oregon.", vec![], vec![oregon(30)]);
        aid.event_type = PloverType::Aid;
        d.events = vec![sued, aid];
        annotate(&kb, &mut d);
        // the state acts; the aid goes to the land and its people
        assert_eq!(d.events[0].actors[0].sector.as_deref(), Some("GOV"));
        assert_eq!(d.events[1].recipients[0].sector, None);
    }

    #[test]
    fn the_country_the_story_is_about_comes_before_the_datelines() {
        // a London-datelined story of American lawmakers: the senator is American
        let body = "LONDON (Reuters) - The senator criticised BP. Senators met in Washington and Houston. American lawmakers asked questions.";
        let names = [
            ("LONDON", EntityType::Location, "GBR", None),
            ("BP", EntityType::Organization, "GBR", Some("BUS")),
            ("Washington", EntityType::Location, "USA", None),
            ("Houston", EntityType::Location, "USA", None),
            ("American", EntityType::Group, "USA", None),
        ];
        let mut d = doc(body, &names);
        crate::sentence::annotate(&mut d);
        let first = "The senator criticised BP.";
        d.events.push(event(body, first, vec![party(body, "The senator", None, Some("LEG"))], vec![]));
        annotate(&world(), &mut d);
        assert_eq!(codes(&d)[0], (Some("USA"), Some("LEG")));
        // with no country the document is about, the dateline's
        let mut d = doc(body, &names[..2]);
        crate::sentence::annotate(&mut d);
        d.events.push(event(body, first, vec![party(body, "The senator", None, Some("LEG"))], vec![]));
        annotate(&world(), &mut d);
        assert_eq!(codes(&d)[0], (Some("GBR"), Some("LEG")));
    }

    #[test]
    fn a_named_person_takes_only_the_storys_country() {
        let body = "Ambassador Guajardo was denied a visit by Chinese officials. Beijing and Shanghai closed schools. China agreed.";
        let names = [
            ("Guajardo", EntityType::Person, "XXX", Some("GOV")),
            ("Chinese", EntityType::Group, "CHN", None),
            ("Beijing", EntityType::Location, "CHN", None),
            ("Shanghai", EntityType::Location, "CHN", None),
            ("China", EntityType::Location, "CHN", None),
        ];
        let mut d = doc(body, &names);
        d.mentions[0].country = None;
        let first = "Ambassador Guajardo was denied a visit by Chinese officials.";
        d.events.push(event(body, first, vec![party(body, "Guajardo", None, Some("GOV"))], vec![]));
        annotate(&world(), &mut d);
        assert_eq!(codes(&d), vec![(Some("CHN"), Some("GOV"))], "the story's country, named in the sentence too");
        // in a story of no one country, the sentence's country is no person's nationality
        d.mentions.retain(|m| !matches!(m.canonical.as_str(), "Beijing" | "Shanghai" | "China"));
        d.events[0].actors[0].country = None;
        annotate(&world(), &mut d);
        assert_eq!(codes(&d), vec![(None, Some("GOV"))]);
    }

    #[test]
    fn the_rules_file_names_sectors() {
        assert!(RULES.national_sectors.iter().any(|s| s == "GOV") && !RULES.national_sectors.iter().any(|s| s == "MIL" || s == "BUS"));
        assert!(RULES.document_country_share > 0.0 && RULES.document_country_min_mentions > 0);
    }
}
