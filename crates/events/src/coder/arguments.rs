//! Arguments from the dependency tree: who acts and who is acted upon, read
//! from a trigger's syntactic role instead of word positions.
//!
//! - A verb's actor is its subject (through coordination, control and
//!   raising) or, in the passive, its agent; its recipient is its object, or
//!   the oblique a preposition of the event type introduces ("against X",
//!   "to X"; `data/events/arguments.tsv`).
//! - An event noun's actor is its possessor ("Russia's attack"), a
//!   nationality modifier ("the Israeli raid"), a `by` phrase ("a strike by
//!   X"), every party of a `between` phrase for mutual events, or the subject
//!   of a support verb it is the object of ("X launched an attack").
//! - A clause reported by a verb of saying keeps its own subject as actor;
//!   the sayer becomes the source ("X said Y attacked Z": Y → Z, from X).
//! - An argument is the mention its head noun carries, or those of its
//!   core modifiers (possessor, adjective, compound, apposition), or, for a
//!   noun like "members", of its `of` phrase.
//!
//! Event-ness (a PLOVER event is a deliberate act of a party): a trigger is
//! not coded when
//! - its verb's arguments break the verb's selectional restriction
//!   (`data/events/selection.tsv`: "released images", "sought to raise cash",
//!   "the film demonstrates how …");
//! - its active verb has subjects and none names a party ("the blast killed
//!   11", "polls suggest"; a relative pronoun stands for what it refers to);
//! - none of its participants names a party;
//! - outside a quotation, its subject is the writer or a reader ("I agree …")
//!   or it heads an imperative ("Visit our site");
//! - it is an event noun no party takes part in, told as having happened
//!   ("the investigation was ordered"): decided by the coder once roles from
//!   governing events and named pairs are known (`unparticipated`).
//!
//! Every function here answers `None` for an unparsed sentence: the coder
//! then falls back to its position rules.

use std::collections::HashSet;
use std::sync::LazyLock;

use chronicle_core::{PloverType, Span, Upos};
use chronicle_syntax::tree::Tree;

use super::{head_noun_class, noun_class, Ctx, NounClass, Trig};
use crate::lexicon::TriggerEntry;

const ARGUMENTS_TSV: &str = include_str!("../../../../data/events/arguments.tsv");
const SELECTION_TSV: &str = include_str!("../../../../data/events/selection.tsv");
const AGENTS_TSV: &str = include_str!("../../../../data/events/agents.tsv");
const PARTY_NOUNS_TSV: &str = include_str!("../../../../data/events/party_nouns.tsv");
const HAPPENINGS_TSV: &str = include_str!("../../../../data/events/happenings.tsv");
const FIGURATIVE_TSV: &str = include_str!("../../../../data/events/figurative.tsv");
/// Hand-chosen phrases of a sector ("aid agency" → NGO, "official" → GOV), then PETRARCH-2's.
const SECTOR_PHRASES_TSV: &str = include_str!("../../../../data/events/sector_phrases.tsv");
const AGENT_PHRASES_TSV: &str = include_str!("../../../../data/events/agent_phrases.tsv");

/// A verb's selectional restriction (`selection.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Requirement {
    /// An object, when present, names a party.
    ObjectParty,
    /// The event sense needs an object: "rebels blew up the bridge", not "the rig blew up".
    Transitive,
    /// As a noun, only the plural names the event: "talks", not "talk of a merger".
    PluralNoun,
    /// Only the verb names the event: "hosted talks", not "a radio host".
    VerbOnly,
    /// With a 'for' phrase and no 'with' phrase the verb names a price
    /// ("does not charge for its data"), not an accusation.
    ForPrice,
    /// As a noun, its "of" phrase is its object and names a party or arms:
    /// "the release of the hostages", not "the release of oil".
    OfObjectParty,
    /// A subject, when present, names a party.
    SubjectParty,
    /// A request names what is requested (not only what it is about).
    AskedContent,
    /// The verb takes no object or clause in its event sense ("protesters
    /// demonstrated" vs "the test demonstrates how …").
    Intransitive,
    /// The verb with a to-infinitive means "try" ("sought to raise cash").
    NoInfinitive,
    /// With a that-clause, a demand or proposal only when the clause is
    /// mandative ("insisted that he resign"), a statement when it states a
    /// fact ("insisted the aid is arriving").
    Mandative,
    /// An object, when present, is not only private people named by a noun
    /// ("rescued a girl" is no political act, "rescued the hostages" is).
    ObjectPublic,
}

/// The word groups the tree rules read, loaded once from `data/events/`.
#[derive(Debug, Default)]
struct Words {
    /// Event type → prepositions introducing its recipient.
    recipient: Vec<(PloverType, Vec<String>)>,
    mutual: HashSet<String>,
    agent: HashSet<String>,
    support: HashSet<String>,
    reporting: HashSet<String>,
    /// Verbs of the raising passive with a to-infinitive (`raising`: "is said to have").
    raising: HashSet<String>,
    /// Nouns of number or amount that stand for their 'of' noun (`quantity`).
    quantity: HashSet<String>,
    pronoun: HashSet<String>,
    relative: HashSet<String>,
    /// First- and second-person pronouns: the writer or the reader.
    narrator: HashSet<String>,
    /// Nouns of private people and firms (`civilian`), and the agents.tsv
    /// sectors of private life (`civilian-sector`).
    civilian: HashSet<String>,
    civilian_sectors: HashSet<String>,
    /// Prepositions that say where an event took place.
    locative: HashSet<String>,
    /// Nouns of happenings no one performs (`happenings.tsv`).
    happenings: HashSet<String>,
    /// Abstract nouns that make a trigger acting on them a figure of speech (`figurative.tsv`).
    figurative: HashSet<String>,
    /// CAMEO sectors of private and of political actors, international actor
    /// codes, and the last words of company names (`arguments.tsv`).
    private_sectors: HashSet<String>,
    political_sectors: HashSet<String>,
    international: HashSet<String>,
    firm: HashSet<String>,
    /// Adverbs of a general or habitual statement ("often", "usually").
    habitual: HashSet<String>,
    /// Verbs whose 'for' phrase can be the subject of an infinitive ("called for X to resign").
    for_clause: HashSet<String>,
    /// Verbs of moving forces: their object is the force, not the recipient.
    force_verb: HashSet<String>,
    /// Verbs of a charge that stands ("who is accused of …"): still an accusation.
    standing_charge: HashSet<String>,
    /// Verbs of death and damage a happening can cause (`harm`), and the
    /// words that name deliberate violence (`violence`).
    harm: HashSet<String>,
    violence: HashSet<String>,
    /// Verbs of speaking that consult only with an interlocutor (`speech-topic`).
    speech_topic: HashSet<String>,
    /// Prepositions of a phrase naming the occasion of a clause ("on a visit").
    occasion: HashSet<String>,
    occasion_during: HashSet<String>,
    /// Consultation verbs whose object is the topic (`topic-object`), nouns
    /// of a relation whose possessor is no party (`relational`), verbs of
    /// travel (`private-travel`).
    topic_object: HashSet<String>,
    /// Trigger modes whose event noun's 'of' phrase is acted upon (`of-patient`).
    of_patient: HashSet<String>,
    /// Verbs whose object is always a party (`party-object`).
    party_object: HashSet<String>,
    /// Trigger modes of travel (`travel-mode`).
    travel_mode: HashSet<String>,
    /// Trigger modes of acts anyone may do (`public-mode`).
    public_mode: HashSet<String>,
    /// The preposition of the one something is done together with (`comitative`).
    comitative: HashSet<String>,
    /// Verbs of meeting (`meeting`).
    meeting: HashSet<String>,
    /// Prepositions before a gerund adjunct done by the object of the verb it explains (`gerund-object`).
    gerund_object: HashSet<String>,
    object_control: HashSet<String>,
    relational: HashSet<String>,
    /// Nouns of those an act befalls or of its remembrance (`sufferer`).
    sufferer: HashSet<String>,
    /// Modifiers that make a firm or fund the state's (`state-owned`).
    state_owned: HashSet<String>,
    /// Verbs answering another party's act (`response`).
    response: HashSet<String>,
    /// Those of them only the party addressed can do (`addressed-response`).
    addressed_response: HashSet<String>,
    /// Prepositions of a request in another act's circumstances (`on-request`).
    on_request: HashSet<String>,
    /// Verbs of making, sending or leading a body, a group or a document for a party (`acts-for`).
    acts_for: HashSet<String>,
    /// Verbs that always take an object, with their complement's preposition (`bare-passive`).
    bare_passive: HashSet<String>,
    /// Trigger verbs with no passive (`intransitive`).
    intransitive: HashSet<String>,
    /// Modifiers of one who no longer holds an office (`former`).
    former: HashSet<String>,
    private_travel: HashSet<String>,
    /// Nouns whose 'of' phrase names the place itself ("the town of X", `place-naming`).
    place_naming: HashSet<String>,
    /// Nouns of a party's conduct, whose owner an act judging it is directed at (`conduct`).
    conduct: HashSet<String>,
    /// Trigger modes whose event noun is named by its target (`named-target`).
    named_target: HashSet<String>,
    /// Verbs whose subject answers an accusation against itself (`denial`).
    denial: HashSet<String>,
    /// Words of relief after a disaster: forces sent for it are aid (`relief`).
    relief: HashSet<String>,
    /// Verbs of arrival: an event noun arriving acts where it arrives (`arrival`).
    arrival: HashSet<String>,
    /// Verbs whose subject undergoes their object event noun (`undergo`).
    undergo: HashSet<String>,
    /// Modals of prediction and possibility (`epistemic-modal`).
    epistemic_modal: HashSet<String>,
    /// Nouns of an act people do together (`collective-act`).
    collective_act: HashSet<String>,
    /// Lemmas of nouns that name a party (agents.tsv, party_nouns.tsv).
    parties: HashSet<String>,
    /// Agent noun → CAMEO sector (the first three letters of its agents.tsv code).
    sectors: std::collections::HashMap<String, String>,
    /// Verb lemma → restriction.
    selection: Vec<(String, Requirement)>,
    /// (words, CAMEO sector) of `sector_phrases.tsv`, then of `agent_phrases.tsv`.
    phrases: Vec<(Vec<String>, String)>,
    /// Last word of a phrase → the indexes of the phrases ending in it, in file order.
    phrase_ends: std::collections::HashMap<String, Vec<usize>>,
}

/// The data lines of a TSV text: (1-based line, columns).
fn data_lines(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

fn word_list(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(',').map(str::trim).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

impl Words {
    /// Parses the built-in files; problems come back as "file:line: why".
    fn parse() -> (Words, Vec<String>) {
        let mut w = Words::default();
        let mut problems = Vec::new();
        for (line, cols) in data_lines(ARGUMENTS_TSV) {
            let [group, key, words] = cols[..] else {
                problems.push(format!("arguments.tsv:{line}: expected 3 columns"));
                continue;
            };
            let set = match group {
                "recipient" => {
                    match PloverType::parse(key) {
                        Some(t) => w.recipient.push((t, word_list(words).collect())),
                        None => problems.push(format!("arguments.tsv:{line}: unknown type '{key}'")),
                    }
                    continue;
                }
                "mutual" => &mut w.mutual,
                "agent" => &mut w.agent,
                "support" => &mut w.support,
                "reporting" => &mut w.reporting,
                "raising" => &mut w.raising,
                "quantity" => &mut w.quantity,
                "pronoun" => &mut w.pronoun,
                "relative" => &mut w.relative,
                "narrator" => &mut w.narrator,
                "civilian" => &mut w.civilian,
                "civilian-sector" => {
                    w.civilian_sectors.extend(words.split(',').map(|x| x.trim().to_string()));
                    continue;
                }
                "locative" => &mut w.locative,
                "private-sector" => &mut w.private_sectors,
                "political-sector" => &mut w.political_sectors,
                "international" => &mut w.international,
                "firm" => &mut w.firm,
                "habitual" => &mut w.habitual,
                "for-clause" => &mut w.for_clause,
                "force-verb" => &mut w.force_verb,
                "standing-charge" => &mut w.standing_charge,
                "harm" => &mut w.harm,
                "violence" => &mut w.violence,
                "speech-topic" => &mut w.speech_topic,
                "occasion" => &mut w.occasion,
                "occasion-during" => &mut w.occasion_during,
                "topic-object" => &mut w.topic_object,
                "gerund-object" => &mut w.gerund_object,
                "object-control" => &mut w.object_control,
                "comitative" => &mut w.comitative,
                "meeting" => &mut w.meeting,
                "public-mode" => &mut w.public_mode,
                "travel-mode" => &mut w.travel_mode,
                "of-patient" => &mut w.of_patient,
                "party-object" => &mut w.party_object,
                "relational" => &mut w.relational,
                "sufferer" => &mut w.sufferer,
                "state-owned" => &mut w.state_owned,
                "response" => &mut w.response,
                "addressed-response" => &mut w.addressed_response,
                "on-request" => &mut w.on_request,
                "acts-for" => &mut w.acts_for,
                "bare-passive" => &mut w.bare_passive,
                "intransitive" => &mut w.intransitive,
                "former" => &mut w.former,
                "private-travel" => &mut w.private_travel,
                "place-naming" => &mut w.place_naming,
                "conduct" => &mut w.conduct,
                "named-target" => &mut w.named_target,
                "denial" => &mut w.denial,
                "relief" => &mut w.relief,
                "arrival" => &mut w.arrival,
                "undergo" => &mut w.undergo,
                "epistemic-modal" => &mut w.epistemic_modal,
                "collective-act" => &mut w.collective_act,
                other => {
                    problems.push(format!("arguments.tsv:{line}: unknown group '{other}'"));
                    continue;
                }
            };
            set.extend(word_list(words));
        }
        for (line, cols) in data_lines(SELECTION_TSV) {
            let req = match cols.get(1).copied() {
                Some("object-party") => Requirement::ObjectParty,
                Some("transitive") => Requirement::Transitive,
                Some("plural-noun") => Requirement::PluralNoun,
                Some("subject-party") => Requirement::SubjectParty,
                Some("asked-content") => Requirement::AskedContent,
                Some("intransitive") => Requirement::Intransitive,
                Some("no-infinitive") => Requirement::NoInfinitive,
                Some("mandative") => Requirement::Mandative,
                Some("object-public") => Requirement::ObjectPublic,
                Some("of-object-party") => Requirement::OfObjectParty,
                Some("verb-only") => Requirement::VerbOnly,
                Some("for-price") => Requirement::ForPrice,
                other => {
                    problems.push(format!("selection.tsv:{line}: unknown requirement {other:?}"));
                    continue;
                }
            };
            w.selection.push((cols[0].to_lowercase(), req));
        }
        for (line, cols) in data_lines(AGENTS_TSV) {
            match cols[..] {
                [noun, code] => {
                    w.parties.insert(noun.to_lowercase());
                    if let Some(sector) = code.get(..3) {
                        w.sectors.insert(noun.to_lowercase(), sector.to_string());
                    }
                }
                _ => problems.push(format!("agents.tsv:{line}: expected noun <TAB> code")),
            }
        }
        for (_, cols) in data_lines(PARTY_NOUNS_TSV) {
            w.parties.insert(cols[0].to_lowercase());
            if let Some(sector) = cols.get(1).filter(|s| !s.is_empty()) {
                w.sectors.insert(cols[0].to_lowercase(), sector.to_string());
            }
        }
        for (_, cols) in data_lines(HAPPENINGS_TSV) {
            w.happenings.insert(cols[0].to_lowercase());
        }
        for (_, cols) in data_lines(FIGURATIVE_TSV) {
            w.figurative.insert(cols[0].to_lowercase());
        }
        for (file, text) in [("sector_phrases.tsv", SECTOR_PHRASES_TSV), ("agent_phrases.tsv", AGENT_PHRASES_TSV)] {
            for (line, cols) in data_lines(text) {
                match cols[..] {
                    [words, sector] if !words.is_empty() && !sector.is_empty() => {
                        let words: Vec<String> = words.split_whitespace().map(str::to_lowercase).collect();
                        w.phrase_ends.entry(words.last().cloned().unwrap_or_default()).or_default().push(w.phrases.len());
                        w.phrases.push((words, sector.to_string()));
                    }
                    _ => problems.push(format!("{file}:{line}: expected words <TAB> sector")),
                }
            }
        }
        (w, problems)
    }

    fn recipient_preps(&self, t: PloverType) -> &[String] {
        self.recipient.iter().find(|(k, _)| *k == t).map_or(&[], |(_, v)| v.as_slice())
    }

    /// The restrictions listed for a verb lemma, in file order; a lemma the
    /// tagger cut before a silent "e" ("battling" → "battl") is read with it.
    fn requirements(&self, lemma: &str) -> Vec<Requirement> {
        let listed = |w: &str| self.selection.iter().filter(|(l, _)| l == w).map(|(_, r)| *r).collect::<Vec<_>>();
        let found = listed(lemma);
        if found.is_empty() && lemma.ends_with(|c: char| !"aeiouy".contains(c)) {
            return listed(&format!("{lemma}e"));
        }
        found
    }
}

/// True when `lemma` is in `set`, or is a lemma the tagger cut before a
/// silent "e" ("traded" → "trad") of a word in it.
fn listed_lemma(set: &HashSet<String>, lemma: &str) -> bool {
    let lemma = lemma.to_lowercase();
    set.contains(&lemma) || (lemma.ends_with(|c: char| c.is_ascii_alphabetic() && !"aeiouy".contains(c)) && set.contains(&format!("{lemma}e")))
}

static WORDS: LazyLock<Words> = LazyLock::new(|| Words::parse().0);

/// True when verb `v` answers something (`response`: "rejected", "welcomed"), by its
/// lemma or by its lemma with its particle ("turned down", "brushed aside").
fn answers(tree: &Tree<'_>, v: usize) -> bool {
    verb_listed(tree, v, &WORDS.response)
}

/// True when the lemma of verb `v`, alone or with its particle, is in `list`.
fn verb_listed(tree: &Tree<'_>, v: usize, list: &HashSet<String>) -> bool {
    let lemma = tree.lemma(v).to_lowercase();
    list.contains(&lemma) || tree.children_with(v, "compound:prt").into_iter().any(|p| list.contains(&format!("{lemma} {}", tree.lemma(p).to_lowercase())))
}

/// True for a word of relief after a disaster (`relief`).
pub(crate) fn is_relief(word: &str) -> bool {
    WORDS.relief.contains(&word.to_lowercase())
}

/// True for a trigger mode of travel (`travel-mode`: visits), whose
/// destination at home is a place, not a party.
pub(crate) fn is_travel_mode(mode: &str) -> bool {
    WORDS.travel_mode.contains(&mode.to_lowercase())
}

/// True for a trigger mode of an act anyone may do (`public-mode`:
/// criticising, complaining), which no agentless passive makes official.
pub(crate) fn is_public_mode(mode: &str) -> bool {
    WORDS.public_mode.contains(&mode.to_lowercase())
}

/// True for a preposition that says where an event took place
/// (`arguments.tsv`, group `locative`).
pub(crate) fn is_locative(word: &str) -> bool {
    WORDS.locative.contains(word)
}

/// True when clause `c` is a relative clause whose relative pronoun (`relative`
/// in `arguments.tsv`) has a role of its own in it: its subject, or its only
/// object ("a proposal that already has support"). A "that" the parser made a
/// second object opens a content clause instead ("a demand that X withdraw its
/// troops").
pub(crate) fn relative_with_role(t: &Tree, c: usize) -> bool {
    if t.deprel(c) != "acl:relcl" {
        return false;
    }
    let kids = t.children(c);
    let objects = kids.iter().filter(|&&k| t.base_rel(k) == "obj").count();
    kids.iter().any(|&k| {
        WORDS.relative.contains(&t.lemma(k).to_lowercase())
            && t.upos(k) == Some(Upos::Pron)
            && (t.base_rel(k) == "nsubj" || (t.base_rel(k) == "obj" && objects == 1))
    })
}

/// True for a modifier that makes a firm or fund the state's (`state-owned`).
pub(crate) fn is_state_owned(lemma: &str) -> bool {
    WORDS.state_owned.contains(&lemma.to_lowercase())
}

/// True for a verb of saying (`reporting` of arguments.tsv).
pub(crate) fn is_reporting(lemma: &str) -> bool {
    WORDS.reporting.contains(&lemma.to_lowercase())
}

/// True for the lemma of a noun naming a party or a kind of people
/// (`agents.tsv`, `party_nouns.tsv`, `civilian`): "businessmen",
/// "regulators", "leaders", "companies".
pub(crate) fn party_noun(lemma: &str) -> bool {
    let lemma = lemma.to_lowercase();
    WORDS.parties.contains(&lemma) || agent_sector(&lemma).is_some() || civilian_noun(&lemma)
}

/// True for a preposition that joins a role to the body it serves ("the
/// mayor of London", "a spokesman for the Pentagon", "an official at the
/// ministry", "an envoy with the UN", "a delegate from Iraq").
pub(crate) fn serving_case(case: &str) -> bool {
    matches!(case.to_lowercase().as_str(), "of" | "for" | "at" | "with" | "from")
}

/// True for the lemma of a noun of a relation to someone (`relational` of
/// arguments.tsv: "neighbour", "critic", "wife"): whom it relates to is
/// another party.
pub(crate) fn is_relational(lemma: &str) -> bool {
    WORDS.relational.contains(&lemma.to_lowercase())
}

/// True for a first- or second-person pronoun (`arguments.tsv`, group
/// `narrator`): outside a quotation, the writer or a reader.
pub(crate) fn is_narrator(word: &str) -> bool {
    WORDS.narrator.contains(&word.to_lowercase())
}

/// True for the lemma of a noun naming a happening no one performs
/// (`happenings.tsv`: "earthquake", "explosion", "virus").
pub(crate) fn is_happening(lemma: &str) -> bool {
    WORDS.happenings.contains(&lemma.to_lowercase())
}

/// True for the lemma of a noun that a trigger acting on it makes a figure
/// of speech: an abstract noun of `figurative.tsv` ("the moment", "jobs") or
/// a happening ("the spill", "the disease").
pub(crate) fn is_figurative_object(lemma: &str) -> bool {
    let l = lemma.to_lowercase();
    WORDS.figurative.contains(&l) || WORDS.happenings.contains(&l)
}

/// True for the lemma of a verb of death or damage that a happening can
/// cause (`arguments.tsv`, group `harm`: "kill", "destroy").
pub(crate) fn is_harm(lemma: &str) -> bool {
    WORDS.harm.contains(&lemma.to_lowercase())
}

/// True for a word (lemma or lower-case form) naming deliberate violence,
/// its weapons or its agents (`arguments.tsv`, group `violence`).
pub(crate) fn is_violence(word: &str) -> bool {
    WORDS.violence.contains(&word.to_lowercase())
}

/// Whether a side of an event is a political actor (`arguments.tsv`:
/// `political-sector`, `private-sector`, `international`, `firm`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Standing {
    /// A state or its part, an armed or opposition group, a party, an
    /// international body: its act, or an act on it, is political.
    Political,
    /// A company, the media, a private person or group.
    Private,
    /// Nothing says which (a named person or organisation with a country only).
    Unknown,
}

/// The standing of a side from its code and name: an international code (or
/// the KB id of an international body) or a political sector is political, a
/// private sector private, a place (which stands for its government) or a
/// people named by its nationality (`collective`) political, an organisation
/// named like a company private.
pub(crate) fn standing(country: Option<&str>, sector: Option<&str>, collective: bool, firm_name: Option<&str>) -> Standing {
    let w = &*WORDS;
    // an organisation's KB id stands for its code: an international body ("who" → UNO)
    // is political whatever its sector (HLH, DEV)
    if country.map(crate::actor_code).is_some_and(|c| w.international.contains(&c.to_lowercase())) {
        return Standing::Political;
    }
    if let Some(s) = sector.map(str::to_lowercase) {
        if w.political_sectors.contains(&s) {
            return Standing::Political;
        }
        if w.private_sectors.contains(&s) {
            return Standing::Private;
        }
    }
    if collective {
        return Standing::Political;
    }
    let last = firm_name.and_then(|n| n.split(|c: char| !c.is_alphanumeric()).filter(|x| !x.is_empty()).last());
    if last.is_some_and(|l| w.firm.contains(&l.to_lowercase())) {
        return Standing::Private;
    }
    Standing::Unknown
}

/// The sector of the first phrase of `sector_phrases.tsv`, then of
/// `agent_phrases.tsv`, that the words of `name` end in ("British aid
/// agencies" → NGO, "US officials" → GOV, "company officials" → BUS, "the
/// U.S. Coast Guard" → MIL).
pub(crate) fn phrase_sector(name: &str) -> Option<&'static str> {
    let words = chronicle_core::name::phrase_words(name);
    ending_sector(&words).or_else(|| {
        // "the Department of Energy", "Ministry of Defence": a name of the form 'X of Y' is
        // headed by X, which gives its sector
        let of = words.iter().position(|w| w == "of").filter(|&i| i > 0)?;
        ending_sector(&words[..of])
    })
}

/// The sector of the first phrase of `sector_phrases.tsv` that `words` end in.
fn ending_sector(words: &[String]) -> Option<&'static str> {
    let last = words.last()?;
    // the phrases whose last word the name's last word is, singular or plural
    let singulars = [Some(last.clone()), last.strip_suffix('s').map(String::from), last.strip_suffix("es").map(String::from), last.strip_suffix("ies").map(|x| format!("{x}y"))];
    let candidates = singulars.iter().flatten().filter_map(|k| WORDS.phrase_ends.get(k)).flatten().copied();
    let first = candidates.filter(|&i| chronicle_core::name::ends_in_phrase(words, &WORDS.phrases[i].0)).min()?;
    Some(WORDS.phrases[first].1.as_str())
}

/// The CAMEO sector of an agent noun (`agents.tsv`), singular or plural
/// ("troops" → MIL, "guerrillas" → REB, "militias" → REB).
pub(crate) fn agent_sector(word: &str) -> Option<&'static str> {
    let w = word.to_lowercase();
    let singular = [w.strip_suffix("ies").map(|x| format!("{x}y")), w.strip_suffix("men").map(|x| format!("{x}man")), w.strip_suffix('s').map(String::from)];
    std::iter::once(Some(w.clone())).chain(singular).flatten().find_map(|f| WORDS.sectors.get(&f)).map(String::as_str)
}

/// How many of a word cluster's lower-case words [`PEOPLE_CLUSTERS`] weighs,
/// most frequent first, and how many it needs.
const PEOPLE_CLUSTER_WORDS: (usize, usize) = (300, 20);

/// The share of those words that must be known party nouns (in the shipped table three
/// clusters hold over half, the next under a third).
const PEOPLE_CLUSTER_SHARE: f64 = 0.4;

/// The word clusters (the middle granularity of `data/ner/clusters.tsv`,
/// learned from raw news text by where words stand) most of whose common
/// words are party nouns we list (`parties`, an agent noun): English puts
/// nouns of people and bodies in the same places ("officials said",
/// "investigators said"), so a noun of such a cluster that no list holds
/// names people or a body too ("investigators", "plaintiffs", "rescuers").
static PEOPLE_CLUSTERS: LazyLock<HashSet<u16>> = LazyLock::new(|| {
    let (take, need) = PEOPLE_CLUSTER_WORDS;
    let mut words: std::collections::HashMap<u16, Vec<&str>> = std::collections::HashMap::new();
    for line in chronicle_syntax::clusters::BUILTIN_TSV.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let (Some(word), Some(_), Some(Ok(id))) = (cols.next(), cols.next(), cols.next().map(str::parse::<u16>)) else { continue };
        let list = words.entry(id).or_default();
        if list.len() < take && !word.is_empty() && word.chars().all(|c| c.is_lowercase() || c == '-') {
            list.push(word);
        }
    }
    let listed = |w: &str| WORDS.parties.contains(w) || WORDS.civilian.contains(w);
    let known = |w: &str| listed(w) || agent_sector(w).is_some() || w.strip_suffix('s').is_some_and(listed);
    words
        .into_iter()
        .filter(|(_, ws)| ws.len() >= need && ws.iter().filter(|w| known(w)).count() as f64 >= PEOPLE_CLUSTER_SHARE * ws.len() as f64)
        .map(|(id, _)| id)
        .collect()
});

/// True for a noun of people that no list holds, known only by its cluster
/// ([`people_cluster_noun`]): "experts", "analysts", "researchers". With no
/// sector of its own such a noun names private people, as a `civilian` noun does.
pub(crate) fn clustered_only(lemma: &str, word: &str) -> bool {
    let lemma = lemma.to_lowercase();
    !WORDS.parties.contains(&lemma) && agent_sector(&lemma).is_none() && people_cluster_noun(word)
}

/// True for a common noun of a [`PEOPLE_CLUSTERS`] cluster, read in lower case
/// (a capital opening a sentence puts a word in another cluster).
pub(crate) fn people_cluster_noun(word: &str) -> bool {
    let Ok(table) = chronicle_syntax::clusters::builtin() else { return false };
    table.of_word(&word.to_lowercase()).is_some_and(|ids| PEOPLE_CLUSTERS.contains(&ids[1]))
}

/// True for the lemma of a noun naming private people or a firm ("crew",
/// "businesses", "families"): listed as civilian, or an agent noun of a
/// private-life sector.
pub(crate) fn civilian_noun(lemma: &str) -> bool {
    let lemma = lemma.to_lowercase();
    WORDS.civilian.contains(&lemma) || agent_sector(&lemma).is_some_and(|s| WORDS.civilian_sectors.contains(s))
}

/// The roles an event noun's rules fill in turn (`View::nominal`), with how
/// each was found.
struct NominalRoles {
    actors: Vec<usize>,
    recipients: Vec<usize>,
    actor_note: &'static str,
    recip_note: &'static str,
}

/// What the tree says about one trigger's participants. Mentions are
/// indexes into the sentence context's mentions.
#[derive(Debug, Default)]
pub(super) struct TreeArgs {
    pub actors: Vec<usize>,
    pub recipients: Vec<usize>,
    pub actor_note: String,
    pub recip_note: String,
    /// The predicate is passive (its subject is acted upon).
    pub passive: bool,
    /// The subject of the verb of saying that reports the trigger's clause.
    pub source: Vec<usize>,
    /// Mentions the tree says are no party of the trigger: what is discussed
    /// ("will discuss BP with Obama"). Word positions never fill a role with them.
    pub topics: Vec<usize>,
    /// Why the trigger names no event, when it does not.
    pub not_event: Option<String>,
    /// When no actor is named: the first actor head that is a party noun with
    /// no mention ("Police arrested …", "the company agreed …"), as its noun
    /// phrase and the agent noun's CAMEO sector.
    pub unnamed_actor: Option<Unnamed>,
    /// When named actors are found: the unnamed parties coordinated with
    /// them ("Senator X and other lawmakers", "criticism by the contractors
    /// and American politicians").
    pub unnamed_coactors: Vec<Unnamed>,
    /// When no recipient is named: the recipient heads that are party nouns
    /// with no mention ("asked the judge to …", "met business leaders").
    pub unnamed_recipients: Vec<Unnamed>,
    /// When recipients are named: the unnamed parties coordinated with them
    /// ("demanded the federal government and BP commit", "attacked BP and
    /// the other companies involved").
    pub unnamed_corecipients: Vec<Unnamed>,
    /// An event noun none of whose participants names a party ("the
    /// investigation was ordered"): its parties, if any, come only from the
    /// event governing it or the pair the sentence names, never from word
    /// positions.
    pub unparticipated: bool,
}

/// A party named by a noun alone ("Egyptian police", "lawmakers").
#[derive(Debug, Clone)]
pub(super) struct Unnamed {
    /// Its noun phrase.
    pub span: chronicle_core::Span,
    /// The country a nationality word before the noun gives ("Egyptian").
    pub country: Option<String>,
    /// The CAMEO sector of the noun (`agents.tsv`).
    pub sector: Option<String>,
}

/// The argument heads of a predicate before they become mentions.
#[derive(Debug, Default)]
struct Heads {
    actors: Vec<usize>,
    /// Heads of what is talked about (no party).
    topics: Vec<usize>,
    recipients: Vec<usize>,
    /// Every head that takes part (for event-ness): arguments and obliques.
    participants: Vec<usize>,
    actor_note: &'static str,
    recip_note: &'static str,
    passive: bool,
}

/// A sentence's tree with the coder's context: token and mention alignment.
struct View<'c, 'a> {
    ctx: &'c Ctx<'a>,
    tree: &'c Tree<'a>,
    /// How deep [`View::mentions_of`] has recursed: a pronoun stands for its
    /// sayer, whose own pronoun may stand for another sayer ("he said, they
    /// claimed"), and such chains can close on themselves.
    depth: std::cell::Cell<usize>,
}

/// The deepest chain of stand-ins (relative pronoun → antecedent, pronoun →
/// sayer, `of` phrase) followed for one argument.
const MAX_STAND_INS: usize = 6;

/// "the government is to blame": "blame" as an active infinitive after "be"
/// with no object is passive in sense (English "be to blame" = be the one
/// blamed, a state now, no plan): its subject is blamed, not blaming.
pub(super) fn be_to_blame(t: &Tree, v: usize) -> bool {
    t.lemma(v).eq_ignore_ascii_case("blame")
        && t.has_mark(v, "to")
        && t.objects(v).is_empty()
        && t.head(v).is_some_and(|h| t.lemma(h).eq_ignore_ascii_case("be") && t.base_rel(v) == "xcomp")
}

/// The sector of party noun `n` given its noun's or phrase's `sector`: one who
/// no longer holds a public office (`former`: "a former labor secretary") is
/// of the elite, CAMEO's ELI, not of the state; a former company chief stays
/// of the company's sector (`private-sector`).
pub(crate) fn office_sector(t: &Tree, n: usize, sector: Option<String>) -> Option<String> {
    let former = t.children(n).into_iter().any(|c| t.base_rel(c) == "amod" && is_former(t.lemma(c)));
    if former { former_sector(sector) } else { sector }
}

/// The sector of one who held an office of `sector` and no longer does: of
/// the elite (CAMEO's ELI) for a public office, the same for a private one.
pub(crate) fn former_sector(sector: Option<String>) -> Option<String> {
    sector.map(|s| if is_private_sector(&s) { s } else { "ELI".to_string() })
}

/// True when noun `n` is a phrase of the time or occasion during which verb `v`
/// happened (`occasion-during`: "agreed at a summit", "promised during talks"):
/// for a meeting, the occasion of the act, not what it agrees to, asks for or
/// refuses.
pub(super) fn occasion_of(t: &Tree, n: usize, v: usize) -> bool {
    t.head(n) == Some(v) && t.base_rel(n) == "obl" && t.case_of(n).is_some_and(|c| WORDS.occasion_during.contains(&c.to_lowercase()))
}

/// True when noun `n`, with the one asking after 'of' or as its possessor, is an
/// oblique of a verb in an `on-request` phrase ("sent ships at the request of
/// the UN", "at Hu's invitation"): an act before the verb's, which answers it.
pub(super) fn in_circumstances(t: &Tree, n: usize) -> bool {
    // (the one asking named after 'of' or as possessor: "took fright at the demand by X" is no such phrase)
    let asker = t.possessor(n).is_some() || t.obliques(n).iter().any(|(c, _)| c.eq_ignore_ascii_case("of"));
    t.base_rel(n) == "obl"
        && asker
        && t.case_of(n).is_some_and(|c| WORDS.on_request.contains(&c.to_lowercase()))
        && t.head(n).is_some_and(|h| matches!(t.upos(h), Some(Upos::Verb)))
}

/// True for a CAMEO sector of private life (`private-sector`: CVL, BUS …).
fn is_private_sector(sector: &str) -> bool {
    WORDS.private_sectors.contains(&sector.to_lowercase())
}

/// True for a word saying an office is no longer held (`former`: "former", "ex").
pub(crate) fn is_former(word: &str) -> bool {
    WORDS.former.contains(&word.to_lowercase())
}

/// "White House accused of spinning report", "Minister charged with fraud": a
/// verb that always takes the one it acts on as its object (`bare-passive` in
/// `arguments.tsv`, with the preposition of its complement), in the past form
/// with no object and that complement after it, is a passive with its "be"
/// left out, as headlines and reduced clauses write it: its subject is acted
/// upon.
pub(super) fn bare_passive(t: &Tree, v: usize) -> bool {
    let lemma = t.lemma(v).to_lowercase();
    let Some(prep) = WORDS.bare_passive.iter().find_map(|p| p.split_once(':').filter(|(l, _)| *l == lemma).map(|(_, c)| c.to_string())) else { return false };
    let complement = t.children(v).into_iter().filter(|&c| c > v).any(|c| {
        matches!(t.base_rel(c), "obl" | "advcl") && t.children(c).into_iter().any(|m| matches!(t.base_rel(m), "case" | "mark") && t.lemma(m).eq_ignore_ascii_case(&prep))
    });
    matches!(t.xpos(v), "VBD" | "VBN") && t.objects(v).is_empty() && complement && !t.subjects(v).is_empty()
}

/// "insisted the aid is arriving", "suggested that the US was occupying
/// Haiti": a verb of demanding or proposing whose that-clause is indicative
/// (a finite present or past, or a modal of prediction or possibility:
/// "suggested he would resign", "insisted BP may be liable") states a fact;
/// "insisted that he resign", "suggested they should meet", "suggested the
/// leaders could meet" (a subjunctive or a modal of obligation or ability)
/// demand or propose. With `predictions` false a modal of prediction counts as
/// one of obligation, as for "agree": "BP agreed that it would set up a fund"
/// commits BP, where "suggested he would" only foretells.
pub(super) fn clause_of_fact(t: &Tree, v: usize, predictions: bool) -> Option<String> {
    // "insisted on …" asks for something; "suggested on Monday that …" only dates the saying
    let day = |n: usize| t.word(n).parse::<chrono::Weekday>().is_ok() || t.word(n).parse::<chrono::Month>().is_ok();
    if !t.children_with(v, "xcomp").is_empty() || t.obliques(v).iter().any(|&(ref c, n)| c.eq_ignore_ascii_case("on") && !day(n)) {
        return None;
    }
    let clause = t.children_with(v, "ccomp").into_iter().next()?;
    let mut finite: Vec<usize> = vec![clause];
    finite.extend(t.children(clause).into_iter().filter(|&c| matches!(t.base_rel(c), "aux" | "cop")));
    // a modal of obligation or ability ("should", "must", "could meet") makes the clause a
    // demand or a proposal; one of prediction or possibility ("would", "may") a statement
    let epistemic = |f: usize| predictions && WORDS.epistemic_modal.contains(&t.lemma(f).to_lowercase());
    let subjunctive = |f: usize| base_form_finite(t, f);
    let mandative = finite.iter().any(|&f| (t.xpos(f) == "MD" && !epistemic(f)) || subjunctive(f));
    let indicative = finite.iter().any(|&f| (matches!(t.xpos(f), "VBD" | "VBZ" | "VBP") && !subjunctive(f)) || (t.xpos(f) == "MD" && epistemic(f)));
    (indicative && !mandative).then(|| format!("'{}' with a clause of fact ('{}') states, it does not ask", t.word(v), t.word(clause)))
}

/// "demanded that Peru withdraw its troops", "insisted that he resign": a verb
/// in its base form that the tagger took for a finite past or present, as
/// English morphology shows — a "past" that is no past form
/// ([`chronicle_syntax::lemma::can_be_past`]), or a plain present with a
/// third-person singular subject, which takes "-s" in the indicative. In a
/// that-clause it is the subjunctive a demand or a proposal takes.
fn base_form_finite(t: &Tree, f: usize) -> bool {
    let singular = |s: usize| matches!(t.xpos(s), "NN" | "NNP") || matches!(t.lemma(s).to_lowercase().as_str(), "he" | "she" | "it");
    match t.xpos(f) {
        "VBD" => !chronicle_syntax::lemma::can_be_past(t.word(f)),
        "VBP" => t.subjects(f).into_iter().any(|s| singular(s) && t.base_rel(s) == "nsubj"),
        _ => false,
    }
}

/// The arguments of `trig` from the tree, or `None` when the sentence has
/// no parse.
pub(super) fn from_tree(ctx: &Ctx, trig: &Trig, entry: &TriggerEntry) -> Option<TreeArgs> {
    let tree = ctx.tree.as_ref()?;
    let v = View { ctx, tree, depth: std::cell::Cell::new(0) };
    let head = v.trigger_head(trig)?;
    let words = &*WORDS;
    if entry.frame.reported {
        return Some(v.reported_demand(head));
    }
    let nominal = matches!(tree.upos(head), Some(Upos::Noun | Upos::Propn));
    // "a mediation effort between A and B": a topic noun's phrase carries its
    // event noun's participants
    let arg_head = match tree.head(head) {
        Some(h) if nominal && tree.deprel(head) == "compound" && head_noun_class(tree.word(h)).is_some() => h,
        _ => head,
    };
    let heads = if nominal { v.nominal(arg_head, trig, entry) } else { v.verbal(head, trig, entry) };
    let mut out = TreeArgs {
        actors: v.mentions_of_all(&heads.actors),
        recipients: v.mentions_of_all(&heads.recipients),
        topics: v.mentions_of_all(&heads.topics),
        actor_note: heads.actor_note.to_string(),
        recip_note: heads.recip_note.to_string(),
        passive: heads.passive,
        ..TreeArgs::default()
    };
    out.recipients.retain(|k| !out.actors.contains(k));
    out.unparticipated = nominal && !heads.participants.iter().any(|&p| v.is_party(p));
    // "was attacked by rebels": a passive agent names the actor as a subject does
    // with no named actor, the first unnamed party is the actor and every other acts with it
    // ("the president and the cabinet met"); beside named actors all of them do
    let unnamed: Vec<(usize, Unnamed)> = heads.actors.iter().enumerate().filter_map(|(i, &a)| v.unnamed_party(a).map(|u| (i, u))).collect();
    let first = unnamed.first().map(|&(i, _)| i).filter(|_| out.actors.is_empty());
    for (i, u) in unnamed {
        if Some(i) == first {
            out.unnamed_actor = Some(u);
        } else if !v.named_in_apposition(heads.actors[i], &heads.actors) {
            out.unnamed_coactors.push(u);
        }
    }
    // "asked the judge to …", "met company executives": an object that is a party noun
    // naming no mention is the recipient all the same
    // — but never a party in an oblique when the verb's object is an unresolved
    // pronoun or a thing ("accused it of misleading investors": no one is named)
    if out.recipients.is_empty() {
        let has_object = !nominal && !tree.objects(head).is_empty();
        out.unnamed_recipients = heads
            .recipients
            .iter()
            .filter(|&&r| !(has_object && tree.base_rel(r) == "obl"))
            .filter_map(|&r| v.unnamed_party(r))
            .collect();
    } else {
        // only a conjunct of a named recipient: coordination joins them in one role
        let conjoined = |r: usize| {
            heads.recipients.iter().any(|&o| o != r && ((tree.deprel(r) == "conj" && tree.head(r) == Some(o)) || (tree.deprel(o) == "conj" && tree.head(o) == Some(r))))
        };
        out.unnamed_corecipients = heads.recipients.iter().copied().filter(|&r| conjoined(r)).filter_map(|r| v.unnamed_party(r)).collect();
    }
    if let Some(rv) = v.reporting_verb(head) {
        out.source = v.mentions_of_all(&v.sayers(rv));
        out.source.retain(|k| !out.actors.contains(k) && !out.recipients.contains(k));
        if !out.source.is_empty() {
            out.actor_note.push_str(&format!(" (reported by '{}': its subject is the source)", tree.word(rv)));
        }
    }
    out.not_event = if nominal { v.nominal_no_event(head, entry) } else { v.verbal_no_event(head, &heads, words, &v.trigger_tokens(trig)) };
    Some(out)
}

/// The mentions inside a subject of the trigger's predicate or of a
/// predicate above it in the tree (the trigger's own words excepted), or
/// `None` when the sentence has no parse: the only places an actor the tree
/// did not attach can stand ("Militants loyal to X said they attempted …"),
/// never a name in an object, an adjunct, a venue or a byline before the
/// trigger ("… End Quote Mark Mardell BBC editor The meeting will be held").
pub(super) fn dominating_subjects(ctx: &Ctx, trig: &Trig) -> Option<Vec<usize>> {
    let tree = ctx.tree.as_ref()?;
    let v = View { ctx, tree, depth: std::cell::Cell::new(0) };
    let trigger = v.trigger_tokens(trig);
    let mut cur = v.trigger_head(trig)?;
    let mut subjects = Vec::new();
    for _ in 0..16 {
        subjects.extend(tree.subjects(cur).into_iter().filter(|s| !trigger.contains(s)));
        // a relative clause ("the outbreak, which has killed …") has its own subject: the
        // clause around the noun it modifies names no party of it
        if tree.deprel(cur) == "acl:relcl" {
            break;
        }
        match tree.head(cur) {
            // "dispensed money to victims of the attacks": the clause around those an act
            // befell did not do it
            Some(h) if tree.base_rel(cur) == "nmod" && WORDS.sufferer.contains(&tree.lemma(h).to_lowercase()) => break,
            Some(h) => cur = h,
            None => break,
        }
    }
    // a clause with a subject or a 'by' agent of its own
    let own_actor = |c: usize| {
        tree.children(c).into_iter().any(|x| {
            matches!(tree.base_rel(x), "nsubj" | "csubj") || tree.deprel(x) == "obl:agent" || (tree.base_rel(x) == "obl" && tree.case_of(x).is_some_and(|p| p.eq_ignore_ascii_case("by")))
        })
    };
    // a mention lies in a subject's subtree when a head chain from its first word reaches it
    let within = |mut t: usize| {
        for _ in 0..32 {
            if subjects.contains(&t) {
                return true;
            }
            match tree.head(t) {
                // "Kenya's neighbour": the possessor of a relation is another party
                Some(h) if tree.deprel(t) == "nmod:poss" && WORDS.relational.contains(&tree.lemma(h).to_lowercase()) => return false,
                // "Birnbaum and her agency": a pronoun owning a party noun is not that party
                Some(h) if tree.deprel(t) == "nmod:poss" && tree.upos(t) == Some(Upos::Pron) && v.party_noun(h) => return false,
                // "rebels, who are backed by Y,", "the firm, which Y owns,": a relative clause with a
                // subject or agent of its own names someone else acting (a participle of
                // making or sending keeps its agent's side: "negotiators sent by the Russian president")
                Some(_) if tree.deprel(t) == "acl:relcl" && !trigger.contains(&t) && own_actor(t) => return false,
                // ("rebels backed by Iran", "a firm owned by X": who backs or owns a group does
                // not act through it; who made, sent or leads it does, `acts-for`)
                Some(_) if tree.deprel(t) == "acl" && tree.xpos(t) == "VBN" && own_actor(t) && !verb_listed(tree, t, &WORDS.acts_for) => return false,
                Some(h) if !trigger.contains(&h) => t = h,
                _ => return false,
            }
        }
        false
    };
    let mut out: Vec<usize> = (0..ctx.ments.len()).filter(|&k| v.doc_token(ctx.ments[k].1).is_some_and(within)).collect();
    out.extend(v.mentions_of_all(&subjects));
    Some(out)
}

/// The noun phrase of an event-noun trigger ("a boycott of BP gas
/// stations"), or `None` for a verb or an unparsed sentence.
pub(super) fn event_noun_phrase(ctx: &Ctx, trig: &Trig) -> Option<Span> {
    let tree = ctx.tree.as_ref()?;
    let v = View { ctx, tree, depth: std::cell::Cell::new(0) };
    let head = v.trigger_head(trig)?;
    matches!(tree.upos(head), Some(Upos::Noun)).then(|| tree.phrase(head)).flatten()
}

/// True when the trigger is an event noun that is the object of the verb
/// answering it (`response`: "rejected the company's request"): its act is
/// the party answered's, not the answering verb's subject's.
pub(super) fn answered_object(ctx: &Ctx, trig: &Trig, governor: &Trig) -> bool {
    let Some(tree) = ctx.tree.as_ref() else { return false };
    let v = View { ctx, tree, depth: std::cell::Cell::new(0) };
    let (Some(n), Some(g)) = (v.trigger_head(trig), v.trigger_head(governor)) else { return false };
    matches!(tree.upos(n), Some(Upos::Noun))
        && tree.deprel(tree.first_conjunct(n)) == "obj"
        && tree.head(tree.first_conjunct(n)) == Some(g)
        && answers(tree, g)
}

/// How many dependency arcs (name-internal ones not counted) may lie between
/// the trigger and a mention the word positions offer as its recipient.
const MAX_RECIPIENT_ARCS: usize = 4;

/// The mentions a parsed sentence lets the trigger act upon, or `None` when
/// the sentence has no parse: those whose head reaches the trigger's words
/// through at most [`MAX_RECIPIENT_ARCS`] arcs of its objects, obliques and
/// complements — never through a subject of another clause (the subject of
/// the trigger's own complement clause excepted), a relative clause or
/// a parenthetical clause ("the Obama visit was the capstone of a White House
/// effort" is no visit to the White House; "the consequences of America's
/// worst disaster" lie too deep), and, for talks and statements (`venue_free`),
/// never through a place phrase: "the meeting at the White House" is held
/// there, while "imposed a curfew in the town of X" acts on X. A possessor
/// is passed through: "protested against Sweden's decision" is directed at
/// Sweden. Word positions may give a recipient the tree left empty only from
/// these. An event noun that is a verb's object reaches through that verb
/// too. The parties of talks (`mutual`) may stand anywhere in the sentence
/// ("the talks marked the first negotiations between A and B"), only not in
/// a place phrase. A mention naming only a part of a place ("in areas of the X
/// coast", "the Gulf of X": [`View::place_part`]) or a place with no country
/// ([`View::uncoded_place`]) is never offered.
pub(super) fn governed_mentions(ctx: &Ctx, trig: &Trig, venue_free: bool, mutual: bool) -> Option<Vec<usize>> {
    let tree = ctx.tree.as_ref()?;
    let v = View { ctx, tree, depth: std::cell::Cell::new(0) };
    let head_of = |k: usize| v.doc_token(ctx.ments[k].2.saturating_sub(1).max(ctx.ments[k].1));
    if mutual {
        // the phrase a name heads (up through its name parts) has a place preposition
        let in_place = |mut t: usize| {
            for _ in 0..8 {
                if tree.case_of(t).is_some_and(|c| WORDS.locative.contains(&c.to_lowercase())) {
                    return true;
                }
                match tree.head(t) {
                    Some(h) if matches!(tree.deprel(t), "compound" | "flat" | "flat:name" | "amod") || v.naming_of(t) => t = h,
                    _ => return false,
                }
            }
            false
        };
        return Some((0..ctx.ments.len()).filter(|&k| head_of(k).is_some_and(|t| !in_place(t)) && !v.place_part(k) && !v.title_part(k)).collect());
    }
    let trigger = act_tokens(&v, trig)?;
    // "a call for its forces to be deployed in X": an infinitive the parser calls a
    // relative clause is the content of the noun it modifies
    let infinitival = |c: usize| tree.children_with(c, "mark").into_iter().any(|m| tree.lemma(m).eq_ignore_ascii_case("to"));
    let reaches = |mut t: usize| {
        let mut arcs = 0;
        for _ in 0..32 {
            if trigger.contains(&t) {
                return true;
            }
            let Some(h) = tree.head(t) else { return false };
            let rel = tree.deprel(t);
            // "Y was attacked": the trigger's own passive subject is acted upon; "to prevent
            // Y paying", "demanded that Y end …": so is the subject of its complement clause
            let own_patient = rel == "nsubj:pass" && trigger.contains(&h);
            // (a noun has no adverbial clause: a verb the parser hung on an event noun as one
            // misreads the noun's own phrase, "an attack on the X region cut power …")
            let clause = match tree.base_rel(h) {
                "ccomp" | "xcomp" => true,
                "advcl" => tree.head(h).is_some_and(|g| matches!(tree.upos(g), Some(Upos::Noun))),
                _ => false,
            };
            let complement = clause && tree.head(h).is_some_and(|g| trigger.contains(&g));
            // "an inquiry into the spill": 'into' names what is looked into, not a venue
            let venue = |c: &str| c != "into" && WORDS.locative.contains(c);
            let blocked = (matches!(tree.base_rel(t), "nsubj" | "csubj") && !own_patient && !complement)
                || rel == "parataxis"
                || (rel == "acl:relcl" && !infinitival(t))
                || (venue_free && tree.case_of(t).is_some_and(|c| venue(&c.to_lowercase())));
            if blocked {
                return false;
            }
            if !matches!(rel, "compound" | "flat" | "flat:name" | "amod" | "appos" | "conj") {
                arcs += 1;
            }
            if arcs > MAX_RECIPIENT_ARCS {
                return false;
            }
            t = h;
        }
        false
    };
    Some((0..ctx.ments.len()).filter(|&k| head_of(k).is_some_and(reaches) && !v.place_part(k) && !v.uncoded_place(k) && !v.title_part(k)).collect())
}

/// The words of the act's own clause: the trigger's words, the verb an
/// event noun is the object of ("began a hunger strike to protest against
/// X", "denied a charge … at a court in X"), and the verbs of arrival it is
/// the subject of ([`arrival_clause`]). `None` without a trigger head.
fn act_tokens(v: &View, trig: &Trig) -> Option<Vec<usize>> {
    let tree = v.tree;
    let mut trigger = v.trigger_tokens(trig);
    let head = v.trigger_head(trig)?;
    if matches!(tree.upos(head), Some(Upos::Noun)) && tree.deprel(head) == "obj" {
        trigger.extend(tree.head(head));
    }
    trigger.extend(arrival_clause(tree, head));
    Some(trigger)
}

/// "Aid began to arrive in X", "the aid reached X": an event noun that is the
/// subject of a verb of arrival (`arrival`), or of a verb an arrival completes
/// ("began to arrive"), acts where that verb goes; those verbs are the act's
/// own clause. Empty otherwise.
fn arrival_clause(tree: &Tree, head: usize) -> Vec<usize> {
    if !matches!(tree.upos(head), Some(Upos::Noun)) || tree.base_rel(head) != "nsubj" {
        return Vec::new();
    }
    let Some(mut v) = tree.head(head) else { return Vec::new() };
    let mut chain = vec![v];
    while let Some(x) = tree.children_with(v, "xcomp").first().copied().filter(|_| chain.len() < 4) {
        chain.push(x);
        v = x;
    }
    if chain.iter().any(|&c| WORDS.arrival.contains(&tree.lemma(c).to_lowercase())) {
        chain
    } else {
        Vec::new()
    }
}

/// True when mention `k` is a place the trigger's act may be directed at:
/// one its tree governs ([`governed_mentions`]), named as a place of its
/// own and not as a part of one ([`View::place_part`]), and, for talks and
/// statements (`venue_free`), not in a place phrase of the trigger itself
/// ("support in the US", "a meeting in Tokyo" happen there). `None` when
/// the sentence has no parse.
pub(super) fn targetable_place(ctx: &Ctx, trig: &Trig, k: usize, venue_free: bool) -> Option<bool> {
    let governed = governed_mentions(ctx, trig, false, false)?;
    let tree = ctx.tree.as_ref()?;
    let v = View { ctx, tree, depth: std::cell::Cell::new(0) };
    let trigger = act_tokens(&v, trig)?;
    // the place phrase modifies the trigger or a noun of its own phrase ("support for the
    // measure in X"), not a clause below it ("a call for troops to be deployed in X")
    let own_venue = |mut p: usize| {
        for _ in 0..6 {
            let Some(h) = tree.head(p) else { return false };
            if trigger.contains(&h) {
                return true;
            }
            if matches!(tree.upos(h), Some(Upos::Verb | Upos::Aux)) {
                return false;
            }
            p = h;
        }
        false
    };
    let own_venue = v.phrase_head(k).is_some_and(own_venue);
    Some(governed.contains(&k) && !(venue_free && own_venue))
}

impl View<'_, '_> {
    /// The coder token index holding doc token `t`'s start.
    fn ctx_token(&self, t: usize) -> Option<usize> {
        let start = self.ctx.doc.tokens.get(t)?.span.start();
        let j = self.ctx.toks.partition_point(|x| x.end <= start);
        self.ctx.toks.get(j).filter(|x| x.start < self.ctx.doc.tokens[t].span.end()).map(|_| j)
    }

    /// The doc token holding coder token `i`'s start.
    fn doc_token(&self, i: usize) -> Option<usize> {
        self.ctx.doc_token(i)
    }

    /// The mention (context index) covering doc token `t`.
    fn mention_at(&self, t: usize) -> Option<usize> {
        self.ctx.owner.get(self.ctx_token(t)?).copied().flatten()
    }

    /// True when mention `k` modifies the name of a person or organisation
    /// that has a country of its own ("Israeli" in "Israeli Prime Minister
    /// Benjamin Netanyahu", "US" in "the US company BP", "Iran's" in "Iran's
    /// negotiator Saeed Jalili"), also of a title in apposition to the name
    /// ("The French Foreign Minister, Bernard Kouchner,"; "Bart Stupak, the
    /// Michigan Democrat"): it is part of that party's title, no second party
    /// (a name with no country keeps its modifiers: they place it).
    fn title_part(&self, k: usize) -> bool {
        let t = self.tree;
        let (_, start, end) = self.ctx.ments[k];
        let Some(mut x) = self.doc_token(end.saturating_sub(1).max(start)) else { return false };
        for _ in 0..8 {
            if !matches!(t.deprel(x), "amod" | "compound" | "flat" | "flat:name" | "nmod:poss") {
                return false;
            }
            let Some(h) = t.head(x) else { return false };
            let titled = |j: usize| {
                let m = self.ctx.ments[j].0;
                m.country.is_some() && matches!(m.entity_type, chronicle_core::EntityType::Person | chronicle_core::EntityType::Organization)
            };
            if let Some(j) = self.mention_at(h).filter(|&j| j != k) {
                return titled(j);
            }
            // the title set off by commas beside the name ("The French Foreign Minister,
            // Bernard Kouchner,"; "Bart Stupak, the Michigan Democrat"); a person is no
            // part of another's title, however the parser joined them
            // — and only when every name there has its country and sector already, which
            // is all the title would give ("US regulator …, Elizabeth Birnbaum" gives her GOV)
            let person = self.ctx.ments[k].0.entity_type == chronicle_core::EntityType::Person;
            let mut beside = t.children_with(h, "appos").into_iter().chain(t.head(h).filter(|_| t.base_rel(h) == "appos"));
            if let Some(a) = beside.find(|&a| !person && self.mention_at(a).is_some_and(|j| j != k)) {
                let names: Vec<usize> = t.with_conjuncts(a).into_iter().filter_map(|x| self.mention_at(x)).collect();
                let coded = |j: usize| titled(j) && self.ctx.ments[j].0.sector.is_some();
                return !names.is_empty() && names.iter().all(|&j| coded(j));
            }
            x = h;
        }
        false
    }

    /// "A spokesman for BP, Scott Dean, said": a role noun subject followed,
    /// after a comma, by a person's name the parser made a second subject of
    /// the same verb — the name is in apposition to it: one party, named.
    fn named_in_apposition(&self, a: usize, heads: &[usize]) -> bool {
        let t = self.tree;
        let person = |o: usize| self.mention_at(o).is_some_and(|k| self.ctx.ments[k].0.entity_type == chronicle_core::EntityType::Person);
        t.base_rel(a) == "nsubj" && heads.iter().any(|&o| o > a && t.base_rel(o) == "nsubj" && t.head(o) == t.head(a) && person(o) && t.after_comma(o))
    }

    /// The syntactic head of the trigger's words: the one whose head lies
    /// outside them ("air strike" → strike, "held … talks" → held).
    fn trigger_head(&self, trig: &Trig) -> Option<usize> {
        let toks: Vec<usize> = (trig.start..trig.end).filter_map(|i| self.doc_token(i)).collect();
        toks.iter().copied().find(|&t| self.tree.head(t).is_none_or(|h| !toks.contains(&h))).or(toks.first().copied())
    }

    /// The doc tokens of the trigger's words.
    fn trigger_tokens(&self, trig: &Trig) -> Vec<usize> {
        let mut toks: Vec<usize> = (trig.start..trig.end).filter_map(|i| self.doc_token(i)).collect();
        toks.dedup();
        toks
    }

    /// The mentions an argument headed by `n` names: the head's own
    /// mention; else those of its core modifiers (possessor, adjective,
    /// compound, apposition, flat name parts); else those of an `of` phrase
    /// ("members of the Association"). A relative pronoun stands for the
    /// noun its clause modifies; a personal pronoun in a reported clause for
    /// the sayer.
    fn mentions_of(&self, n: usize) -> Vec<usize> {
        let depth = self.depth.get();
        if depth >= MAX_STAND_INS {
            return self.mention_at(n).into_iter().collect();
        }
        self.depth.set(depth + 1);
        let out = self.mentions_standing_for(n);
        self.depth.set(depth);
        out
    }

    /// [`View::mentions_of`] one step down.
    fn mentions_standing_for(&self, n: usize) -> Vec<usize> {
        let t = self.tree;
        let lemma = t.lemma(n).to_lowercase();
        if WORDS.relative.contains(&lemma) && t.upos(n) == Some(Upos::Pron) {
            let named = self.antecedent(n).map_or(Vec::new(), |a| self.mentions_of_all(&t.with_conjuncts(a)));
            return named.into_iter().filter(|&k| !self.title_part(k)).collect();
        }
        if (WORDS.pronoun.contains(&lemma) || lemma == "it") && t.upos(n) == Some(Upos::Pron) {
            // "X said he would …": the sayer; else the person the language
            // layer resolved the pronoun to, if any. Only a subject stands for the
            // sayer: an object or a phrase's pronoun is someone the clause names
            // ("quoted a photographer as saying police shot at looters, killing one
            // of them": the looters, not the agency)
            let subject = t.base_rel(n) == "nsubj";
            let sayer = t.head(n).filter(|_| subject).and_then(|v| self.reporting_verb(v));
            let sayers: Vec<usize> = sayer.map_or(Vec::new(), |rv| self.sayers(rv)).into_iter().filter(|&s| s != n).collect();
            let mut said = self.mentions_of_all(&sayers);
            // "'We will sue,' said X, a lawyer for Defenders of Wildlife": a speaker's "we" is
            // the body the speaker speaks for, where the speaker's title or role names one
            if lemma == "we" {
                said = said.into_iter().map(|k| self.ctx.speaks_for(k).unwrap_or(k)).collect();
                said.dedup();
            }
            if !said.is_empty() {
                return said;
            }
            return self.mention_at(n).or_else(|| self.object_pronoun_party(n)).into_iter().collect();
        }
        let coded = |v: &[usize]| v.iter().any(|&k| self.ctx.ments[k].0.country.is_some());
        let mut out: Vec<usize> = self.mention_at(n).into_iter().collect();
        let mut modifiers: Vec<usize> = Vec::new();
        if out.is_empty() {
            // "Obama's chief of staff Rahm Emanuel": a person in apposition to the
            // role noun or its 'of' noun holds the role (the parser hangs the name on
            // the nearest noun); the possessor is whom the holder serves — and
            // stays the party when no code places the holder
            let holders = self.role_holders(n);
            if coded(&holders) {
                return holders;
            }
        }
        if !coded(&out) {
            // "Hungarian and Romanian officials", "British Defence Secretary Tom King": the
            // modifiers name the party or give a named person's country. Beside a named
            // person they only place him: a modifier with no country is part of his title,
            // no second party ("Coast Guard Adm. Thad Allen", "Plaquemines Parish president X")
            let person = out.iter().find(|&&k| self.ctx.ments[k].0.entity_type == chronicle_core::EntityType::Person).map(|&k| self.ctx.ments[k].1);
            let title_part = |k: usize| person.is_some_and(|start| self.ctx.ments[k].2 <= start && self.ctx.ments[k].0.country.is_none());
            // A person modifying a named organisation ("Lance Armstrong's LiveStrong
            // Foundation") owns or founded it: the organisation acts, not the person
            let org = out.iter().any(|&k| self.ctx.ments[k].0.entity_type == chronicle_core::EntityType::Organization);
            let owner = |k: usize| org && self.ctx.ments[k].0.entity_type == chronicle_core::EntityType::Person;
            modifiers = self.modifier_mentions(n, 3).into_iter().filter(|&k| !title_part(k) && !self.title_part(k) && !owner(k)).collect();
            out.extend(modifiers.iter().copied());
        }
        if !coded(&out) {
            out.extend(self.located(n));
        }
        if !coded(&out) {
            // "members of the Association", "King Hassan of Morocco"
            if let Some((_, c)) = t.obliques(n).into_iter().find(|(case, _)| *case == "of") {
                // "the mayor of London, Boris Johnson": the person holds the role
                let place = self.mention_at(c).is_some_and(|k| self.ctx.ments[k].0.entity_type == chronicle_core::EntityType::Location);
                let holders = if place { self.role_holders(n) } else { Vec::new() };
                if holders.is_empty() {
                    out.extend(self.mentions_of_all(&t.with_conjuncts(c)));
                } else {
                    out.extend(holders);
                }
                // "the Republican leaders of the House": the body their 'of' phrase
                // names is the party; a word before the noun naming no country or
                // person only qualifies them
                let head_start = self.ctx.doc.tokens[n].span.start();
                let qualifier = |k: usize| {
                    let m = self.ctx.ments[k].0;
                    modifiers.contains(&k) && m.country.is_none() && m.entity_type != chronicle_core::EntityType::Person && m.span.end() <= head_start
                };
                if coded(&out) {
                    out.retain(|&k| !qualifier(k));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// "politicians laid the blame on BP, accusing it of …", "sued the firms
    /// and asked them to …": "it" or "them" as the object or oblique of a verb
    /// whose object is always a party (`party-object`) refers back to the
    /// nearest organisation or state the sentence named before it, other than
    /// its own verb's subject (an object pronoun is never its verb's subject:
    /// "BP said Obama criticised it" names BP, not Obama).
    fn object_pronoun_party(&self, n: usize) -> Option<usize> {
        let t = self.tree;
        if !matches!(t.lemma(n).to_lowercase().as_str(), "it" | "they") || !matches!(t.base_rel(n), "obj" | "iobj" | "obl") {
            return None;
        }
        let verb = t.head(n).filter(|&v| WORDS.party_object.contains(&t.lemma(v).to_lowercase()))?;
        let own_subjects: Vec<usize> = t.subjects(verb).into_iter().filter_map(|s| self.mention_at(s)).collect();
        let at = self.ctx.doc.tokens.get(n)?.span.start();
        let party = |k: usize| {
            let m = self.ctx.ments[k].0;
            m.span.end() <= at && (m.entity_type == chronicle_core::EntityType::Organization || m.is_state()) && !own_subjects.contains(&k)
        };
        (0..self.ctx.ments.len()).filter(|&k| party(k)).max_by_key(|&k| self.ctx.ments[k].0.span.start())
    }

    /// "the mayor of London, Boris Johnson", "chief of staff Rahm Emanuel": the
    /// persons in apposition to the role noun `n` when it has a possessor,
    /// else to the noun of its 'of' phrase — a place or a common noun, which
    /// take no person in apposition themselves — hold the role `n` names.
    fn role_holders(&self, n: usize) -> Vec<usize> {
        let t = self.tree;
        // a noun of a person's role ("chief", "mayor", "minister"), not of a thing ("the complaint of X")
        let lemma = t.lemma(n).to_lowercase();
        let role = WORDS.parties.contains(&lemma) || party_noun(&lemma) || agent_sector(&lemma).is_some();
        if !role {
            return Vec::new();
        }
        let persons = |h: usize| -> Vec<usize> {
            t.children(h)
                .into_iter()
                .filter(|&x| t.deprel(x) == "appos")
                .filter_map(|x| self.mention_at(x))
                .filter(|&k| self.ctx.ments[k].0.entity_type == chronicle_core::EntityType::Person)
                .collect()
        };
        // "Kenya's chief of staff, Felix Koskei" with the name on the role noun itself: the
        // possessor is whom the holder serves (with no possessor, the role noun and the
        // name are one party, as modifiers)
        let own = persons(n);
        if !own.is_empty() {
            return if t.children_with(n, "nmod:poss").is_empty() { Vec::new() } else { own };
        }
        // "the mayor of London, Boris Johnson", "a spokesman for the Pentagon, X": the name
        // hung on the noun of the role's phrase (a place, a body or a common noun — none of
        // which a person's name stands in apposition to)
        let Some((_, c)) = t.obliques(n).into_iter().find(|(case, _)| serving_case(case)) else { return Vec::new() };
        let of_mention = self.mention_at(c).map(|k| self.ctx.ments[k].0.entity_type);
        if of_mention == Some(chronicle_core::EntityType::Person) {
            return Vec::new();
        }
        persons(c)
    }

    /// Mentions of `n`'s core modifiers (possessor, adjective, compound,
    /// apposition, name parts) and their conjuncts, `depth` levels down.
    fn modifier_mentions(&self, n: usize, depth: usize) -> Vec<usize> {
        let t = self.tree;
        let mut out = Vec::new();
        if depth == 0 {
            return out;
        }
        // "Mexico's neighbour", "the president's wife, X": the possessor of a relation is another party
        let relational = WORDS.relational.contains(&t.lemma(n).to_lowercase());
        for c in t.children(n) {
            if !matches!(t.deprel(c), "nmod:poss" | "amod" | "compound" | "appos" | "flat" | "flat:name") {
                continue;
            }
            if relational && t.deprel(c) == "nmod:poss" {
                continue;
            }
            // "his Cabinet", "their top advisers": a party noun owned by a pronoun names a
            // body of its own, not the one the pronoun stands for (it gives only its country)
            if t.deprel(c) == "nmod:poss" && t.upos(c) == Some(Upos::Pron) && self.party_noun(n) {
                continue;
            }
            for x in t.with_conjuncts(c) {
                match self.mention_at(x) {
                    Some(k) => out.push(k),
                    None => out.extend(self.modifier_mentions(x, depth - 1)),
                }
            }
        }
        out
    }

    /// "Demonstrators in Baghdad", "students throughout Indonesia": a noun of
    /// people placed in a country-coded place stands for that country.
    fn located(&self, n: usize) -> Vec<usize> {
        let t = self.tree;
        if !WORDS.parties.contains(&t.lemma(n).to_lowercase()) && !self.listed_party_noun(n) {
            return Vec::new();
        }
        t.obliques(n)
            .into_iter()
            .filter(|(case, _)| matches!(case.to_lowercase().as_str(), "in" | "throughout" | "across" | "from" | "inside"))
            .filter_map(|(_, x)| self.mention_at(x))
            .filter(|&k| self.ctx.ments[k].0.country.is_some() && self.state_place(k))
            .take(1)
            .collect()
    }

    /// True when mention `k` names a country or a capital (which stand for a
    /// state's government), not a city, region or sea.
    fn state_place(&self, k: usize) -> bool {
        let name = self.ctx.ments[k].0.canonical.to_lowercase();
        self.ctx.countries.contains_key(&name) || self.ctx.capitals.contains(&name)
    }

    /// The country of the place an unnamed party is in ("a federal judge in
    /// New Orleans" → USA): a city or region gives its country, not itself.
    fn placed_country(&self, n: usize) -> Option<String> {
        self.tree
            .obliques(n)
            .into_iter()
            .filter(|(case, _)| matches!(case.to_lowercase().as_str(), "in" | "throughout" | "across" | "from" | "inside"))
            .filter_map(|(_, x)| self.mention_at(x))
            .find_map(|k| self.ctx.ments[k].0.country.clone())
    }

    /// True when `t` is the 'of' phrase naming the place its head noun is
    /// ("the town of X": `place-naming`).
    fn naming_of(&self, t: usize) -> bool {
        let tree = self.tree;
        tree.deprel(t) == "nmod"
            && tree.case_of(t).is_some_and(|c| c.eq_ignore_ascii_case("of"))
            && tree.head(t).is_some_and(|h| WORDS.place_naming.contains(&tree.lemma(h).to_lowercase()))
    }

    /// The head of the phrase mention `k` stands in: up from its head word
    /// through name parts and the naming 'of' of a place noun ("the town of X").
    fn phrase_head(&self, k: usize) -> Option<usize> {
        let (_, s, e) = self.ctx.ments[k];
        let mut t = self.doc_token(e.saturating_sub(1).max(s))?;
        for _ in 0..6 {
            let up = matches!(self.tree.deprel(t), "flat" | "flat:name") || self.naming_of(t);
            match self.tree.head(t) {
                Some(h) if up => t = h,
                _ => break,
            }
        }
        Some(t)
    }

    /// True when mention `k` names only a part of a place: the 'of' phrase or
    /// the head of a longer place name ("the Gulf of X", "X Bay"), or the
    /// owner or modifier of a part of a place in a place phrase ("in areas of
    /// the X coast", "off the coast of X", "in X's waters"). Such a country is
    /// where the act happened, never whom it is directed at.
    fn place_part(&self, k: usize) -> bool {
        self.in_place_name(k) || self.modifies_place_part(k)
    }

    /// True for a place the gazetteer gives neither country nor sector ("the
    /// Gulf of Mexico", "the North Sea"): a sea or region stands for no party.
    fn uncoded_place(&self, k: usize) -> bool {
        let m = self.ctx.ments[k].0;
        m.entity_type == chronicle_core::EntityType::Location && m.country.is_none() && m.sector.is_none()
    }

    /// "the Gulf of X": a mention joined by 'of' to a place mention beside it.
    fn in_place_name(&self, k: usize) -> bool {
        let ctx = self.ctx;
        let (_, s, e) = ctx.ments[k];
        let place = |j: usize| ctx.owner.get(j).copied().flatten().is_some_and(|o| o != k && ctx.ments[o].0.entity_type == chronicle_core::EntityType::Location);
        let before = s >= 2 && ctx.word(s - 1) == "of" && place(s - 2);
        let after = e + 1 < ctx.toks.len() && ctx.word(e) == "of" && place(e + 1) && ctx.ments[k].0.entity_type == chronicle_core::EntityType::Location;
        before || after
    }

    /// "in new areas of the X coast", "off the coast of X": the mention
    /// modifies a noun on its way up to a place phrase.
    fn modifies_place_part(&self, k: usize) -> bool {
        let tree = self.tree;
        let Some(mut t) = self.phrase_head(k) else { return false };
        let mut modifier = false;
        // ('into' names what is looked into as well: "an inquiry into the X mine collapse")
        let place_case = |c: &str| c != "into" && WORDS.locative.contains(c);
        for _ in 0..6 {
            if tree.case_of(t).is_some_and(|c| place_case(&c.to_lowercase())) {
                return modifier;
            }
            let rel = tree.deprel(t);
            let of = rel == "nmod" && tree.case_of(t).is_some_and(|c| c.eq_ignore_ascii_case("of"));
            if !(matches!(rel, "compound" | "nmod:poss" | "amod") || of) {
                return false;
            }
            let Some(h) = tree.head(t) else { return false };
            modifier |= !self.naming_of(t) && matches!(tree.upos(h), Some(Upos::Noun));
            t = h;
        }
        false
    }

    /// True for a noun listed as security, civil or armed in `nouns.tsv`.
    fn listed_party_noun(&self, n: usize) -> bool {
        let listed = self.ctx_token(n).and_then(|i| self.ctx.toks.get(i)).and_then(noun_class);
        matches!(listed, Some(NounClass::Security | NounClass::Civil | NounClass::Armed))
    }

    /// "the Montreal meeting", "the Geneva talks": a city or region
    /// compounded with an event noun is where it happened, not who acted (a
    /// country — "the Israeli raid", "Russia's attack" — is a party).
    fn venue(&self, c: usize) -> bool {
        let t = self.tree;
        if t.deprel(c) != "compound" {
            return false;
        }
        self.mention_at(c).is_some_and(|k| {
            let m = self.ctx.ments[k].0;
            m.entity_type == chronicle_core::EntityType::Location && !self.ctx.countries.contains_key(&m.canonical.to_lowercase())
        })
    }

    /// The subjects of predicate `v`; for a participle adjunct with none of its
    /// own ("an explosion ruptured the well, killing 11"), those of the clause it
    /// modifies: English participial adjuncts are controlled by that subject.
    fn adjunct_subjects(&self, v: usize) -> Vec<usize> {
        let t = self.tree;
        let own = t.subjects(v);
        match (own.is_empty(), t.deprel(v), t.head(v)) {
            (true, "advcl", Some(h)) if t.xpos(v) == "VBG" && t.children_with(v, "mark").is_empty() => t.subjects(h),
            _ => own,
        }
    }

    /// "X had suggested that the US was occupying Haiti and urged the UN …": a
    /// finite verb (past or present tense) with no subject or auxiliary of its
    /// own cannot share the auxiliary of a non-finite first conjunct ("was
    /// occupying"), so it is coordinated with the verb that conjunct's clause
    /// complements, whose subjects it takes. None when the parse needs no
    /// such repair.
    fn unshared_auxiliary(&self, v: usize) -> Option<Vec<usize>> {
        let t = self.tree;
        if t.deprel(v) != "conj" || !matches!(t.xpos(v), "VBD" | "VBZ" | "VBP") {
            return None;
        }
        let own = t.children(v).into_iter().any(|c| matches!(t.base_rel(c), "nsubj" | "aux" | "csubj"));
        let first = t.first_conjunct(v);
        let first_aux = t.children(first).into_iter().any(|c| matches!(t.base_rel(c), "aux" | "cop"));
        let non_finite = matches!(t.xpos(first), "VBG" | "VBN" | "VB");
        if own || !first_aux || !non_finite || !matches!(t.base_rel(first), "ccomp" | "xcomp" | "advcl") {
            return None;
        }
        let outer = t.head(first)?;
        let subjects = t.subjects(outer);
        (!subjects.is_empty()).then_some(subjects)
    }

    /// Who speaks through verb of saying `rv`: its subjects, or for "X was
    /// quoted as saying" the passive subject of the verb it complements.
    fn sayers(&self, rv: usize) -> Vec<usize> {
        let t = self.tree;
        let own = t.subjects(rv);
        if !own.is_empty() {
            return own;
        }
        match (t.base_rel(rv), t.head(rv)) {
            ("advcl" | "xcomp", Some(h)) => t.subjects(h),
            _ => Vec::new(),
        }
    }

    fn mentions_of_all(&self, heads: &[usize]) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for &h in heads {
            for k in self.mentions_of(h) {
                if !out.contains(&k) {
                    out.push(k);
                }
            }
        }
        out
    }

    /// True when the phrase headed by `n` names a party: a mention, a noun
    /// of a person or group, a personal pronoun, or a number ("three were
    /// killed").
    fn is_party(&self, n: usize) -> bool {
        let t = self.tree;
        let lemma = t.lemma(n).to_lowercase();
        if is_happening(&lemma) && self.mention_at(n).is_none() {
            // "the rig explosion", "the H1N1 virus": no one, whatever names it
            return false;
        }
        if WORDS.parties.contains(&lemma) || self.listed_party_noun(n) {
            return true;
        }
        if self.clustered_noun(n) {
            return true;
        }
        if !self.mentions_of(n).is_empty() {
            return true;
        }
        match t.upos(n) {
            // "a disaster that killed …": a relative pronoun is what it refers to
            Some(Upos::Pron) if WORDS.relative.contains(&lemma) => self.antecedent(n).map_or(true, |a| self.is_party(a)),
            Some(Upos::Pron) => WORDS.pronoun.contains(&lemma),
            Some(Upos::Num) => true,
            _ => false,
        }
    }

    /// True when the word `n` is itself a noun of a person or group ("officials",
    /// "the judge", "executives": `parties`, `party_nouns.tsv` or an agent noun of
    /// `agents.tsv`), whatever its phrase names.
    fn party_noun(&self, n: usize) -> bool {
        let lemma = self.tree.lemma(n).to_lowercase();
        (WORDS.parties.contains(&lemma) || self.listed_party_noun(n) || agent_sector(&lemma).is_some() || self.clustered_noun(n)) && !self.sum_of_money(n)
    }

    /// True when `n` is a common noun of people by its word cluster ([`people_cluster_noun`]).
    fn clustered_noun(&self, n: usize) -> bool {
        self.tree.upos(n) == Some(Upos::Noun) && people_cluster_noun(self.tree.word(n))
    }

    /// True when noun `n` is modified by a sum of money ("a $20 billion escrow
    /// fund", "a £5m fund"): a pot of money, not the body that holds one.
    fn sum_of_money(&self, n: usize) -> bool {
        let t = self.tree;
        t.children(n).into_iter().filter(|&c| matches!(t.base_rel(c), "amod" | "compound" | "nummod" | "nmod")).any(|c| t.subtree(c).into_iter().any(|x| t.xpos(x) == "$"))
    }

    /// What a noun of number or amount counts (`quantity`, or a number):
    /// its 'of' noun ("dozens of federal agencies" → agencies).
    fn counted(&self, n: usize) -> Option<usize> {
        let t = self.tree;
        if !WORDS.quantity.contains(&t.lemma(n).to_lowercase()) && t.upos(n) != Some(Upos::Num) {
            return None;
        }
        t.obliques(n).into_iter().find(|(c, _)| c.eq_ignore_ascii_case("of")).map(|(_, x)| x)
    }

    /// A party noun heading a phrase that names no mention ("the riot police",
    /// "lawmakers"): the phrase and the noun's sector.
    fn unnamed_party(&self, n: usize) -> Option<Unnamed> {
        let t = self.tree;
        if let Some(x) = self.counted(n) {
            return self.unnamed_party(x);
        }
        if !self.party_noun(n) || t.upos(n) != Some(Upos::Noun) || !self.mentions_of(n).is_empty() {
            return None;
        }
        let country = t
            .children(n)
            .into_iter()
            .filter(|&c| matches!(t.deprel(c), "amod" | "compound"))
            .find_map(|c| self.ctx.countries.get(&t.word(c).to_lowercase()).cloned())
            .or_else(|| self.placed_country(n))
            .or_else(|| self.owner_country(n));
        let span = t.phrase(n)?;
        // "US officials", "British aid agencies": the noun's sector, else its phrase's; one who
        // held an office ("a former labor secretary") is of the elite, CAMEO's ELI, not the state
        let sector = office_sector(t, n, agent_sector(t.word(n)).or_else(|| phrase_sector(span.text(self.ctx.body))).map(str::to_string));
        // "a commission appointed by the president", "envoys sent by the UN": what the noun
        // leaves open, the side of who made or sent it gives
        let (country, sector) = match (country, sector) {
            (Some(c), Some(s)) => (Some(c), Some(s)),
            (c, s) => match self.principal_side(n) {
                Some((pc, ps)) => (c.or(pc), s.or(ps)),
                None => (c, s),
            },
        };
        Some(Unnamed { span, country, sector })
    }

    /// "a commission appointed by the Peruvian president", "envoys sent by the
    /// UN": the country and sector of the party that made, appointed, sent or
    /// leads (`acts-for`) the group of noun `n` — the agent of a past participle
    /// after it, named or a party noun.
    fn principal_side(&self, n: usize) -> Option<(Option<String>, Option<String>)> {
        let t = self.tree;
        let made = t.children(n).into_iter().find(|&c| t.deprel(c) == "acl" && t.xpos(c) == "VBN" && verb_listed(t, c, &WORDS.acts_for))?;
        let agent = t.agents(made).into_iter().next()?;
        let named = self.mentions_of(agent).into_iter().map(|k| self.ctx.ments[k].0).find(|m| m.country.is_some() || m.sector.is_some());
        let side = match named {
            Some(m) => (m.country.clone(), m.sector.clone()),
            None => self.unnamed_party(agent).map(|u| (u.country, u.sector))?,
        };
        (side.0.is_some() || side.1.is_some()).then_some(side)
    }

    /// The country of the party a possessive pronoun on `n` stands for ("his
    /// Cabinet" of a president named before: his country).
    fn owner_country(&self, n: usize) -> Option<String> {
        let t = self.tree;
        // ("members of his Cabinet": the owner of the body the noun is part of)
        let of = t.obliques(n).into_iter().filter(|(c, _)| c.eq_ignore_ascii_case("of")).map(|(_, x)| x);
        let owner = std::iter::once(n).chain(of).flat_map(|x| t.children_with(x, "nmod:poss")).find(|&c| t.upos(c) == Some(Upos::Pron))?;
        self.mention_at(owner).and_then(|k| self.ctx.ments[k].0.country.clone())
    }

    /// The noun a relative pronoun refers to: the head of its relative clause
    /// — or, when that head is a place named in a locative phrase of a
    /// happening (past a year: "in 2005 in Texas"), the happening ("a refinery
    /// explosion in Texas which killed 15", "the earthquake in Haiti which
    /// killed": the clause tells what the happening did, not the place).
    fn antecedent(&self, n: usize) -> Option<usize> {
        let t = self.tree;
        let a = t.head(n).filter(|&c| t.deprel(c) == "acl:relcl").and_then(|c| t.head(c)).filter(|&a| a != n)?;
        let placed = self.mention_at(a).is_some_and(|k| self.ctx.ments[k].0.entity_type == chronicle_core::EntityType::Location)
            && t.base_rel(a) == "nmod"
            && t.case_of(a).is_some_and(|c| is_locative(&c.to_lowercase()));
        if !placed {
            // "Lamar McKay, the BP official who visited …": a noun in apposition to a named
            // person stands for that person
            let person = |x: usize| self.mention_at(x).is_some_and(|k| self.ctx.ments[k].0.entity_type == chronicle_core::EntityType::Person);
            let named = t.head(a).filter(|&p| t.deprel(a) == "appos" && self.mention_at(a).is_none() && person(p));
            return Some(named.unwrap_or(a));
        }
        let mut h = a;
        for _ in 0..3 {
            h = match t.head(h) {
                Some(x) if t.base_rel(h) == "nmod" => x,
                _ => break,
            };
            if t.upos(h) == Some(Upos::Noun) {
                return Some(if is_happening(&t.lemma(h).to_lowercase()) { h } else { a });
            }
        }
        Some(a)
    }

    /// True when token `n` lies inside a quotation of the document.
    fn in_quote(&self, n: usize) -> bool {
        let Some(at) = self.ctx.doc.tokens.get(n).map(|tok| tok.span.start()) else { return false };
        self.ctx.doc.quotes.iter().any(|q| q.span.start() <= at && at < q.span.end())
    }

    /// Why verb `v`'s own clause is no news event whatever its arguments:
    /// outside a quotation, a first- or second-person subject is the writer or
    /// a reader speaking ("I agree …", "you accept …"), and a subjectless base
    /// form heading its sentence addresses the reader ("Visit our site").
    fn not_reported_news(&self, v: usize) -> Option<String> {
        let t = self.tree;
        let subjects = t.subjects(v);
        let narrator = subjects.iter().find(|&&s| t.upos(s) == Some(Upos::Pron) && WORDS.narrator.contains(&t.lemma(s).to_lowercase()));
        if let (Some(&s), false) = (narrator, self.in_quote(v)) {
            return Some(format!("'{}' outside a quotation is the writer or a reader, not a party", t.word(s)));
        }
        let clause = t.first_conjunct(v);
        // "Visit our site", "Don't blame Obama": only "do" (a negative imperative) may come before
        let imperative = t.head(clause).is_none() && t.xpos(v) == "VB" && subjects.is_empty()
            && t.children(v).iter().all(|&c| !matches!(t.deprel(c), "aux" | "mark" | "expl") || (t.deprel(c) == "aux" && t.lemma(c).eq_ignore_ascii_case("do") && c < v));
        if imperative && !self.in_quote(v) {
            return Some(format!("'{}' heads an imperative: it addresses the reader", t.word(v)));
        }
        None
    }

    /// The verb of saying that reports the clause of `v`: reached from `v`
    /// up through coordination, control and complement clauses ("X said Y
    /// attacked Z"), or a `parataxis` child of the clause ("Y attacked Z, X
    /// said").
    fn reporting_verb(&self, v: usize) -> Option<usize> {
        let t = self.tree;
        let reporting = |x: usize| WORDS.reporting.contains(&t.lemma(x).to_lowercase());
        let mut cur = v;
        for _ in 0..8 {
            if let Some(p) = t.children_with(cur, "parataxis").into_iter().find(|&p| reporting(p)) {
                return Some(p);
            }
            let h = t.head(cur)?;
            match t.base_rel(cur) {
                "ccomp" | "parataxis" if reporting(h) => return Some(h),
                "conj" | "xcomp" | "ccomp" | "advcl" | "aux" | "acl" | "obj" | "nsubj" | "obl" | "nmod" => cur = h,
                _ => return None,
            }
        }
        None
    }

    /// "X said Y must …" (a `reported` lexicon entry on a modal): the sayer
    /// demands, the modal verb's subject is asked.
    fn reported_demand(&self, modal: usize) -> TreeArgs {
        let t = self.tree;
        let verb = if t.base_rel(modal) == "aux" { t.head(modal) } else { Some(modal) };
        let Some((verb, rv)) = verb.and_then(|v| Some((v, self.reporting_verb(v)?))) else {
            return TreeArgs { not_event: Some("no verb of saying reports the modal".into()), ..TreeArgs::default() };
        };
        let subjects = t.subjects(verb);
        let recipients = self.mentions_of_all(&subjects);
        // "the oil companies must invest": a party noun with no name is asked all the same
        // (one whose phrase holds a name the parser did not attach is left to that name)
        let named = |s: usize| t.phrase(s).is_some_and(|sp| self.ctx.ments.iter().any(|(m, _, _)| sp.contains(m.span)));
        let unnamed_recipients = if recipients.is_empty() { subjects.iter().filter(|&&s| !named(s)).filter_map(|&s| self.unnamed_party(s)).collect() } else { Vec::new() };
        TreeArgs {
            actors: self.mentions_of_all(&self.sayers(rv)),
            recipients,
            unnamed_recipients,
            actor_note: format!("subject of '{}' (tree)", t.word(rv)),
            recip_note: "subject of the reported modal (tree)".into(),
            ..TreeArgs::default()
        }
    }

    /// Obliques of the trigger's words and of `v`, with their conjuncts:
    /// (preposition, noun).
    fn obliques(&self, v: usize, trig: &Trig) -> Vec<(String, usize)> {
        let mut heads = self.trigger_tokens(trig);
        if !heads.contains(&v) {
            heads.push(v);
        }
        let mut out = Vec::new();
        for h in heads {
            for (case, n) in self.tree.obliques(h) {
                for c in self.tree.with_conjuncts(n) {
                    out.push((case.to_lowercase(), c));
                }
            }
        }
        out
    }

    /// Recipients and mutual parties from obliques; (recipients, parties).
    fn oblique_roles(&self, obliques: &[(String, usize)], entry: &TriggerEntry) -> (Vec<usize>, Vec<usize>) {
        let preps = WORDS.recipient_preps(entry.event_type);
        let mut recipients = Vec::new();
        let mut parties = Vec::new();
        for (case, n) in obliques {
            if entry.frame.mutual && WORDS.mutual.contains(case) {
                parties.push(*n);
            } else if preps.contains(case) {
                recipients.push(*n);
            }
        }
        (recipients, parties)
    }

    /// Arguments of a verbal (or adjectival) predicate `v`.
    fn verbal(&self, v: usize, trig: &Trig, entry: &TriggerEntry) -> Heads {
        let t = self.tree;
        // (a verb with no passive is a past tense the tagger misread: "as aid groups complained")
        let reduced = t.deprel(v) == "acl" && t.xpos(v) == "VBN" && !listed_lemma(&WORDS.intransitive, t.lemma(v));
        // "is opposed to", "is committed to": an adjective, not a passive — a preposition
        // "to", not the infinitive's ("has been asked to meet")
        let infinitive = self.doc_token(trig.end).is_some_and(|x| t.upos(x) == Some(Upos::Part) || t.base_rel(x) == "mark");
        let adjectival = self.ctx.word(trig.end) == "to" && !infinitive;
        // "troops have been deployed to X": with no agent named, the forces moved are the
        // side that mobilises (PLOVER MOBILIZE: the actor is whose forces move)
        let moved = entry.event_type == PloverType::Mobilize && t.agents(v).is_empty();
        let passive = entry.frame.verb && !adjectival && (t.is_passive(v) || reduced || be_to_blame(t, v) || bare_passive(t, v)) && !moved;
        let (subjects, mut actor_note) = self.clause_subjects(v, passive);
        let trigger_toks = self.trigger_tokens(trig);
        // the objects of every word of the trigger ("prepared to resume shelling X")
        let mut objects: Vec<usize> = Vec::new();
        for &w in trigger_toks.iter().chain(std::iter::once(&v)) {
            for o in t.objects(w) {
                if !trigger_toks.contains(&o) && !objects.contains(&o) {
                    objects.push(o);
                }
            }
        }
        let mut obliques = self.obliques(v, trig);
        let mut topics = Vec::new();
        // "will discuss BP with Obama": what is discussed is no party, but the one it is
        // discussed with is, even where the parser hung the 'with' phrase on the topic
        let topic_verb = WORDS.topic_object.contains(&t.lemma(v).to_lowercase());
        if topic_verb {
            for &o in &objects {
                for (case, x) in t.obliques(o) {
                    if WORDS.comitative.contains(&case.to_lowercase()) {
                        obliques.extend(t.with_conjuncts(x).into_iter().map(|c| (case.to_lowercase(), c)));
                    }
                }
            }
            topics = std::mem::take(&mut objects);
        }
        let (oblique_recipients, parties) = self.oblique_roles(&obliques, entry);
        let (mut actors, mut recipients) = if passive { (t.agents(v), subjects) } else { (subjects, objects.clone()) };
        let mut recip_note = if passive { "passive: subject (tree)" } else { "object (tree)" };
        // ("the plan was discussed with Iran": what is discussed is the topic in the passive too)
        if passive && topic_verb {
            topics.extend(std::mem::take(&mut recipients));
        }
        // "deployed 6,000 soldiers", "peacekeepers were deployed": what is deployed or
        // mobilised is the force itself, its target an oblique ("against X", "along the border")
        if entry.event_type == PloverType::Mobilize && WORDS.force_verb.contains(&t.lemma(v).to_lowercase()) {
            topics.extend(std::mem::replace(&mut recipients, oblique_recipients.clone()));
            recip_note = "oblique of the event type (tree)";
        }
        // (talks held there are the meeting itself, not an act toward those met)
        if recipients.is_empty() && !passive && entry.event_type != PloverType::Consult {
            if let Some(met) = self.met_by_the_meeting_served(v) {
                recipients = met;
                recip_note = "those met at the meeting a purpose infinitive serves (tree)";
            }
        }
        // "promised Britain's support to X": an act owned by the actor's own side is
        // the actor's, not a party it is directed at
        let own_acts = !passive && !recipients.is_empty() && recipients.iter().all(|&o| self.owned_by_side(o, &actors));
        let unnamed = |v: &[usize]| own_acts || v.iter().all(|&r| self.mentions_of(r).is_empty());
        if entry.frame.dictionary {
            // a dictionary verb acts on its object, and only on one that is itself a
            // named party ("barred BP"), not a thing of one ("boosted his rating")
            recipients.retain(|&o| self.mention_at(o).is_some());
            let participants: Vec<usize> = actors.iter().chain(&recipients).copied().collect();
            return Heads { actors, recipients, participants, actor_note, recip_note, passive, topics };
        }
        // "asked the judge to suspend …", "met company executives": a party noun as the
        // object is the recipient even when it names no mention; only a thing as the
        // object sends the search to its obliques or the complement clause
        let party_object = !recipients.is_empty() && recipients.iter().all(|&o| self.unnamed_party(o).is_some());
        // "rejected the company's request", "accepted the rebels' offer": an answer is
        // directed at the owner of what it answers, though a noun alone names the owner
        let owners: Vec<usize> = if answers(t, v) {
            recipients.iter().flat_map(|&o| t.children_with(o, "nmod:poss")).filter(|&p| self.unnamed_party(p).is_some()).collect()
        } else {
            Vec::new()
        };
        let conductors = self.conduct_owners(&recipients, &actors);
        if !passive && unnamed(&recipients) && !party_object && !owners.is_empty() {
            recipients = owners;
            recip_note = "the owner of what the answer is to (tree)";
        } else if !passive && (own_acts || recipients.iter().all(|&o| self.mention_at(o).is_none())) && !party_object && !conductors.is_empty() {
            // the judged conduct's owner, though the conduct's phrase names another party
            // ("slammed the administration's treatment of BP": the administration)
            recipients = conductors;
            recip_note = "the party whose conduct is judged (tree)";
        } else if !passive && unnamed(&recipients) && !party_object {
            let nested = self.nested_recipients(&recipients, entry);
            if !nested.is_empty() {
                recipients = nested;
                recip_note = "the party the object is with/to/against (tree)";
            } else if !oblique_recipients.is_empty() {
                recipients = oblique_recipients;
                recip_note = "oblique of the event type (tree)";
            } else if entry.governs.is_some() {
                recipients = self.complement_recipients(v, &actors, entry.event_type == PloverType::Request, 3);
                recip_note = "from the complement clause (tree)";
            } else if entry.event_type == PloverType::Accuse && objects.is_empty() {
                // "alleging the company misled investors", "complained that Uganda had shelled
                // the town": the one accused is who did what the clause tells (an active
                // clause: the subject of "were being ruined" suffered it)
                let accused: Vec<usize> = t
                    .children_with(v, "ccomp")
                    .into_iter()
                    .filter(|&c| !t.is_passive(c))
                    .flat_map(|c| t.subjects(c))
                    .filter(|&x| !self.mentions_of(x).is_empty() || self.unnamed_party(x).is_some())
                    .filter(|x| !actors.contains(x))
                    .collect();
                if !accused.is_empty() {
                    recipients = accused;
                    recip_note = "the subject of the clause told as the accusation (tree)";
                }
            }
        }
        if own_acts && recipients == objects {
            recipients.clear();
        }
        if !parties.is_empty() {
            actors.extend(parties);
            actor_note = "subject and the parties met (tree)";
        }
        let mut participants: Vec<usize> = actors.iter().chain(&recipients).chain(&objects).copied().collect();
        participants.extend(obliques.iter().map(|(_, n)| *n));
        Heads { actors, recipients, participants, actor_note, recip_note, passive, topics }
    }

    /// The subjects of predicate `v` with the repairs English syntax calls
    /// for, and the note saying which: a finite conjunct's outer subject; a
    /// thing controlling an infinitive or described by a participle stands
    /// for whoever used or wrote it; a participle adjunct's controller; a
    /// subjectless complement's controller.
    fn clause_subjects(&self, v: usize, passive: bool) -> (Vec<usize>, &'static str) {
        let t = self.tree;
        if let Some(outer) = self.unshared_auxiliary(v) {
            return (outer, "subject of the clause a finite conjunct belongs to (tree)");
        }
        if let Some(o) = self.for_subject(v) {
            return (t.with_conjuncts(o), "the 'for' phrase before the infinitive (tree)");
        }
        let subjects = t.subjects(v);
        let own_note = if passive { "passive: 'by' phrase (tree)" } else { "subject (tree)" };
        if !subjects.is_empty() {
            // "X used a speech to push for Y": object control by a thing is its user's act
            let controlled = t.deprel(v) == "xcomp" && t.head(v).is_some_and(|h| t.objects(h) == subjects);
            if let Some(author) = controlled.then(|| self.thing_author(&subjects)).flatten() {
                return (author, "subject of the verb whose object, a thing, controls the infinitive (tree)");
            }
            return (subjects, own_note);
        }
        let gerund_object = |m: usize| matches!(t.base_rel(m), "mark" | "case") && WORDS.gerund_object.contains(&t.lemma(m).to_lowercase());
        match (t.deprel(v), t.head(v)) {
            // "a letter calling on X", "a resolution to condemn Y": a thing does nothing, whoever wrote it does
            ("acl", Some(h)) if !passive && t.xpos(v) != "VBN" && self.thing_author(&[h]).is_some() => {
                (self.thing_author(&[h]).unwrap_or_default(), "subject of the verb whose object, a thing, the participle describes (tree)")
            }
            // "civilians killed by …", "troops loyal to …": the noun the participle describes
            ("acl", Some(h)) => (t.with_conjuncts(h), own_note),
            // "X blasted Y for criticizing Z", "accused Y of attacking Z", "pressed Y into
            // offering Z": a gerund after 'for', 'of' or 'into' is done by the object of the
            // verb it explains (`gerund-object`)
            ("advcl", Some(h)) if t.xpos(v) == "VBG" && !t.objects(h).is_empty() && t.children(v).into_iter().any(gerund_object) => {
                (t.objects(h), "object of the verb a 'for'/'of'/'into' gerund explains (tree)")
            }
            // "…, killing five": the subject of the main clause — the clause above a
            // to-infinitive complement, when a comma sets the participle off ("urged Mexicans to
            // avoid China, accusing its government": who urged accuses, not the Mexicans)
            ("advcl", Some(h)) if t.xpos(v) == "VBG" => {
                let first = t.subtree(v).into_iter().min().unwrap_or(v);
                let set_off = t.word(first) == "," || t.after_comma(first);
                let matrix = t.head(h).filter(|_| set_off && t.deprel(h) == "xcomp" && t.has_mark(h, "to"));
                (t.subjects(matrix.unwrap_or(h)), "subject of the main clause (tree)")
            }
            // "X will travel to Y to meet Z": a purpose infinitive is the main clause
            // subject's act — but after a verb of asking or making with an object
            // ("advises Y to close Z", an object-control complement parsed as a
            // purpose clause) the object's
            ("advcl", Some(h)) if t.xpos(v) == "VB" && t.has_mark(v, "to") => {
                let objects = t.objects(h);
                if !objects.is_empty() && WORDS.object_control.contains(&t.lemma(h).to_lowercase()) {
                    (objects, "object of the verb of asking the infinitive completes (tree)")
                } else {
                    (t.subjects(h), "subject of the clause a purpose infinitive serves (tree)")
                }
            }
            _ => {
                let raised = self.raised_subjects(v);
                let note = if raised.is_empty() { own_note } else { "subject of the verb a subjectless complement depends on (tree)" };
                (raised, note)
            }
        }
    }

    /// "met with oil executives to appeal for help", "will meet Obama to
    /// discuss the spill": a purpose infinitive of a verb of meeting
    /// (`meeting`) is done toward those met — its objects and 'with'
    /// phrases, with their conjuncts. (Talking things over there is the
    /// meeting itself: the caller leaves CONSULT out.)
    fn met_by_the_meeting_served(&self, v: usize) -> Option<Vec<usize>> {
        let t = self.tree;
        if t.base_rel(v) != "advcl" || !t.has_mark(v, "to") {
            return None;
        }
        let h = t.head(v).filter(|&h| WORDS.meeting.contains(&t.lemma(h).to_lowercase()))?;
        let comitative = t.obliques(h).into_iter().filter(|(case, _)| WORDS.comitative.contains(&case.to_lowercase())).map(|(_, n)| n);
        let met: Vec<usize> = t.objects(h).into_iter().chain(comitative).flat_map(|n| t.with_conjuncts(n)).filter(|&n| self.is_party(n)).collect();
        (!met.is_empty()).then_some(met)
    }

    /// "called for Feinberg to resign", "arranged for the suspect to
    /// surrender": in "for X to V" after a verb of `for-clause`, X is the
    /// subject of an active infinitive — the last phrase of V's head, marked
    /// by "for", right before V's "to" (or the phrase V hangs on).
    fn for_subject(&self, v: usize) -> Option<usize> {
        let t = self.tree;
        // a passive infinitive's 'for' phrase is what is acted on ("called for BP to be barred")
        if !matches!(t.base_rel(v), "xcomp" | "advcl" | "acl") || !t.has_mark(v, "to") || t.is_passive(v) {
            return None;
        }
        let h = t.head(v)?;
        // the parser may hang the infinitive on the 'for' phrase itself
        // a verb's 'for' phrase ("called for X", not "a rally for jobs") naming a party by a
        // name or a personal pronoun ("asked for federal funds to deploy …": funds act on nothing)
        let for_phrase = |n: usize| {
            t.case_of(n).is_some_and(|c| c.eq_ignore_ascii_case("for"))
                && t.base_rel(n) == "obl"
                && t.head(n).is_some_and(|g| WORDS.for_clause.contains(&t.lemma(g).to_lowercase()))
        };
        let named = |n: usize| !self.mentions_of(n).is_empty() || (t.upos(n) == Some(Upos::Pron) && WORDS.pronoun.contains(&t.lemma(n).to_lowercase()));
        if t.base_rel(v) == "acl" {
            return (h < v && for_phrase(h) && named(h)).then_some(h);
        }
        let before: Vec<usize> = t.children(h).into_iter().filter(|&c| c < v && c != h).collect();
        let last = *before.iter().max()?;
        let marked_for = for_phrase(last);
        let adjacent = t.subtree(last).into_iter().max().is_some_and(|end| end + 1 == t.children_with(v, "mark").into_iter().min().unwrap_or(v));
        (marked_for && adjacent && named(last)).then_some(last)
    }

    /// The subjects of the verb whose object is `things`, when every one of
    /// them is a thing (a common noun naming no party, no mention of its own):
    /// "Ten economists wrote a letter calling on X" → the economists.
    fn thing_author(&self, things: &[usize]) -> Option<Vec<usize>> {
        let t = self.tree;
        let first = t.first_conjunct(*things.first()?);
        let thing = |n: usize| {
            t.upos(n) == Some(Upos::Noun)
                && self.mention_at(n).is_none()
                && !WORDS.parties.contains(&t.lemma(n).to_lowercase())
                && !self.listed_party_noun(n)
        };
        if !things.iter().all(|&n| thing(n)) || t.deprel(first) != "obj" {
            return None;
        }
        let verb = t.head(first)?;
        let subjects = t.subjects(verb);
        (!subjects.is_empty() && !t.is_passive(verb)).then_some(subjects)
    }

    /// "X felt emboldened to accuse Y", "X seemed determined to attack": a
    /// complement clause with no subject or complementiser of its own (a
    /// participle or adjective the parser attached as `ccomp`) is controlled
    /// by the subject of the verb it complements, like an `xcomp`.
    fn raised_subjects(&self, v: usize) -> Vec<usize> {
        let t = self.tree;
        let mut cur = v;
        for _ in 0..8 {
            match (t.deprel(cur), t.head(cur)) {
                // "the strain said to have killed 42", "X is believed to have met Y": the
                // raising passive's subject or the noun it describes, never a sayer
                ("xcomp", Some(h)) if t.has_mark(cur, "to") && WORDS.raising.contains(&t.lemma(h).to_lowercase()) => {
                    let passive = t.children_with(h, "nsubj:pass");
                    return match (t.deprel(h), t.head(h)) {
                        _ if !passive.is_empty() => passive,
                        ("acl", Some(n)) => vec![n],
                        _ => Vec::new(),
                    };
                }
                ("conj" | "xcomp", Some(h)) => cur = h,
                ("ccomp", Some(h)) => {
                    let bare = t.children(cur).into_iter().all(|c| !matches!(t.base_rel(c), "nsubj" | "csubj" | "mark" | "expl"));
                    // a finite verb needs a subject: a bare one here is a misread participle
                    let small = matches!(t.xpos(cur), "VBN" | "VBD" | "JJ");
                    return if bare && small { t.subjects(h) } else { Vec::new() };
                }
                _ => return Vec::new(),
            }
        }
        Vec::new()
    }

    /// True when `o` is a thing (no party, no name of its own) whose possessor
    /// names only the country of the `actors` ("Britain's support" promised
    /// by a British minister).
    fn owned_by_side(&self, o: usize, actors: &[usize]) -> bool {
        let t = self.tree;
        let country = |k: &usize| self.ctx.ments[*k].0.country.clone();
        let sides: Vec<String> = self.mentions_of_all(actors).iter().filter_map(country).collect();
        let owners = self.mentions_of_all(&t.children_with(o, "nmod:poss"));
        let thing = self.mention_at(o).is_none() && self.unnamed_party(o).is_none() && !WORDS.parties.contains(&t.lemma(o).to_lowercase());
        thing && !owners.is_empty() && owners.iter().all(|k| country(k).is_some_and(|c| sides.contains(&c)))
    }

    /// "criticized the company's response", "blasted the shifting of blame by
    /// executives": the possessor or 'by' agent of an object naming a party's
    /// conduct (`conduct`), when it names a party other than the actors.
    fn conduct_owners(&self, objects: &[usize], actors: &[usize]) -> Vec<usize> {
        let t = self.tree;
        let actor_mentions = self.mentions_of_all(actors);
        let conduct = |o: usize| WORDS.conduct.contains(&t.lemma(o).to_lowercase()) || WORDS.conduct.contains(&t.word(o).to_lowercase());
        // (the parser may hang the agent on the noun's own 'of' phrase: "the shifting of blame by X")
        let of_phrase = |o: usize| t.obliques(o).into_iter().filter(|(c, _)| c.eq_ignore_ascii_case("of")).map(|(_, x)| x);
        let owners = |o: usize| {
            let by = std::iter::once(o)
                .chain(of_phrase(o))
                .flat_map(|x| t.obliques(x))
                .filter(|(c, _)| WORDS.agent.contains(&c.to_lowercase()))
                .map(|(_, x)| x);
            t.children_with(o, "nmod:poss").into_iter().chain(by).flat_map(|x| t.with_conjuncts(x)).collect::<Vec<_>>()
        };
        objects
            .iter()
            .filter(|&&o| conduct(o) || t.xpos(o) == "VBG" || (t.upos(o) == Some(Upos::Noun) && t.word(o).to_lowercase().ends_with("ing")))
            .flat_map(|&o| owners(o))
            .filter(|&p| self.unnamed_party(p).is_some() || !self.mentions_of(p).is_empty())
            .filter(|&p| !self.mentions_of(p).iter().any(|k| actor_mentions.contains(k)))
            .collect()
    }

    /// "closed its borders with Iran", "aid to Albanian rebels": the party an
    /// unnamed object is with, to or against.
    fn nested_recipients(&self, objects: &[usize], entry: &TriggerEntry) -> Vec<usize> {
        let preps = WORDS.recipient_preps(entry.event_type);
        let mut out = Vec::new();
        for &o in objects {
            for (case, x) in self.tree.obliques(o) {
                let case = case.to_lowercase();
                if preps.contains(&case) || WORDS.mutual.contains(&case) || case == "to" {
                    out.extend(self.tree.with_conjuncts(x).into_iter().filter(|&c| !self.mentions_of(c).is_empty()));
                }
            }
        }
        out
    }

    /// The recipients of a verb that governs a complement ("demanded that X
    /// end …", "threatened to break off relations with X", "is willing to
    /// send troops to help defend X"): the complement's own subject when it
    /// is not the actor (for a `request`, a party noun too), else its objects
    /// and obliques naming a party, looking `depth` clauses down.
    fn complement_recipients(&self, v: usize, actors: &[usize], request: bool, depth: usize) -> Vec<usize> {
        let t = self.tree;
        if depth == 0 {
            return Vec::new();
        }
        let named = |heads: Vec<usize>| -> Vec<usize> {
            heads.into_iter().flat_map(|h| t.with_conjuncts(h)).filter(|&h| !self.mentions_of(h).is_empty()).collect()
        };
        let clauses: Vec<usize> = t
            .children(v)
            .into_iter()
            .filter(|&c| matches!(t.base_rel(c), "xcomp" | "ccomp" | "advcl"))
            .collect();
        let actor_mentions = self.mentions_of_all(actors);
        for c in clauses {
            // the complement's own subject, named — or, for a demand, a party noun: "demanded
            // that the company provide …" asks the company, whoever it is (a promise's or a
            // proposal's clause tells what its subject, often the speaker's own side, will do;
            // an adverbial clause, "because workers lost their jobs", addresses no one)
            let unnamed_ok = request && matches!(t.base_rel(c), "ccomp" | "xcomp");
            let own: Vec<usize> = t
                .children(c)
                .into_iter()
                .filter(|&s| t.base_rel(s) == "nsubj")
                .flat_map(|h| t.with_conjuncts(h))
                .filter(|&h| !self.mentions_of(h).is_empty() || (unnamed_ok && self.unnamed_party(h).is_some()))
                .collect();
            if !own.is_empty() {
                let named = self.mentions_of_all(&own);
                if !named.is_empty() && named.iter().all(|k| actor_mentions.contains(k)) {
                    continue; // the actor again: "X said it would …"
                }
                return own;
            }
            let objects = named(t.objects(c));
            if !objects.is_empty() {
                return objects;
            }
            let obliques = named(
                t.obliques(c)
                    .into_iter()
                    .filter(|(case, _)| matches!(case.to_lowercase().as_str(), "to" | "with" | "on" | "against" | "from" | "for" | "at" | "into"))
                    .map(|(_, x)| x)
                    .collect(),
            );
            if !obliques.is_empty() {
                return obliques;
            }
            let nested = self.complement_recipients(c, actors, request, depth - 1);
            if !nested.is_empty() {
                return nested;
            }
        }
        Vec::new()
    }

    /// Arguments of an event noun `n`.
    fn nominal(&self, n: usize, trig: &Trig, entry: &TriggerEntry) -> Heads {
        let t = self.tree;
        let mut actors: Vec<usize> = Vec::new();
        let mut actor_note = "possessor or modifier of the event noun (tree)";
        // "a BP boycott": a firm or person compounded with a boycott is whom it targets
        let by_target = entry.mode.as_deref().is_some_and(|m| WORDS.named_target.contains(&m.to_lowercase()));
        let firm_or_person = |c: usize| {
            let named = self.mentions_of(c);
            !named.is_empty() && named.iter().all(|&k| matches!(self.ctx.ments[k].0.entity_type, chronicle_core::EntityType::Organization | chronicle_core::EntityType::Person))
        };
        let mut targets: Vec<usize> = Vec::new();
        // "Russia's attack", "the Israeli raid", "U.S. sanctions"
        for c in t.children(n) {
            if matches!(t.deprel(c), "nmod:poss" | "amod" | "compound") && !self.mentions_of(c).is_empty() && !self.venue(c) {
                if by_target && t.deprel(c) == "compound" && firm_or_person(c) {
                    targets.push(c);
                } else {
                    actors.push(c);
                }
            }
        }
        // "the charity's Haiti appeal", "Russia's Ukraine offensive": beside a
        // possessor or an adjective, a noun modifier names what the act is for
        // or against, not a second actor
        if !t.children_with(n, "nmod:poss").is_empty() || actors.iter().any(|&c| t.deprel(c) != "compound") {
            actors.retain(|&c| t.deprel(c) != "compound");
        }
        if actors.is_empty() {
            if let Some(subjects) = self.possessor_subjects(n) {
                actors = subjects;
                actor_note = "an event noun owned by a pronoun: the subject of its verb (tree)";
            }
        }
        let obliques = self.obliques(n, trig);
        let (mut recipients, parties) = self.oblique_roles(&obliques, entry);
        let mut recip_note = "oblique of the event noun (tree)";
        if recipients.is_empty() && !targets.is_empty() {
            recipients = targets;
            recip_note = "a firm or person compounded with the event noun: its target (tree)";
        }
        // "a request by four senators"; "a request from the governor", "criticism from
        // Congress": for an event noun, 'from' names its source too, except for moves
        // away from a place or party (withdrawal, retreat, release, deployment)
        let from_agent = !matches!(entry.event_type, PloverType::Retreat | PloverType::Mobilize | PloverType::Concede);
        let by: Vec<usize> = obliques
            .iter()
            // "launched a battle against X by suing them": 'by' before a verb is the means, not the agent
            .filter(|(_, x)| !matches!(t.upos(*x), Some(Upos::Verb | Upos::Aux)))
            .filter(|(c, x)| WORDS.agent.contains(c) || (from_agent && c == "from" && self.is_party(*x)))
            .map(|(_, x)| *x)
            .collect();
        let by = if by.is_empty() && actors.is_empty() { self.stray_agents(n) } else { by };
        recipients.retain(|r| !by.contains(r));
        if !by.is_empty() {
            actors = by;
            actor_note = "'by' phrase of the event noun (tree)";
        }
        if !parties.is_empty() {
            actors.extend(parties.iter().copied());
            actor_note = "the parties of the event noun (tree)";
        }
        // "the withdrawal of Ukrainian forces" (actor) / "the shelling of Kharkiv" (recipient)
        let of: Vec<usize> = obliques.iter().filter(|(c, _)| c == "of").map(|(_, x)| *x).collect();
        // "criticism of Obama's handling", "condemnation of the raid": an accusation's 'of' names its target
        let done_to = matches!(entry.event_type, PloverType::Assault | PloverType::Coerce | PloverType::Sanction | PloverType::Accuse)
            || entry.mode.as_deref().is_some_and(|m| WORDS.of_patient.contains(&m.to_lowercase()));
        // a possessor, even an unresolved pronoun, is the actor's slot: "his criticism of X" (X the recipient)
        let possessed = !t.children_with(n, "nmod:poss").is_empty();
        if !of.is_empty() {
            if actors.is_empty() && !done_to && !possessed {
                actors = of.clone();
                actor_note = "the party after 'of' (tree)";
            } else if recipients.is_empty() && !entry.offers_or_demands() {
                // ("an offer of mediators", "a demand of guarantees": what is offered or asked)
                recipients = of.clone();
                recip_note = "the party after 'of' (tree)";
            }
        }
        let mut roles = NominalRoles { actors, actor_note, recipients, recip_note };
        let undergone = self.nominal_recipients(n, entry, &of, &mut roles);
        self.nominal_meeting_and_support(n, entry, (&parties, &of), undergone, &mut roles);
        let NominalRoles { actors, recipients, actor_note, recip_note } = roles;
        let mut participants: Vec<usize> = actors.iter().chain(&recipients).copied().collect();
        participants.extend(obliques.iter().map(|(_, x)| *x));
        // a passive support verb's subject is the event noun itself: no swap, except "put under"
        let passive = self.put_under(n) && actors.is_empty();
        Heads { actors, recipients, participants, actor_note, recip_note, passive, topics: Vec::new() }
    }

    /// The recipient of an event noun when its own phrase names none: who denies an
    /// accusation, undergoes the act, answers the offer or demand, or does the act a
    /// request occasioned, a stray oblique, or who is put 'under' it. True when the
    /// noun is undergone ("X faced mounting criticism": X does not do it).
    fn nominal_recipients(&self, n: usize, entry: &TriggerEntry, of: &[usize], roles: &mut NominalRoles) -> bool {
        let t = self.tree;
        let NominalRoles { actors, recipients, recip_note, .. } = roles;
        // "X denied a charge of corruption": one denies an accusation against oneself
        let nobody = recipients.iter().all(|&r| self.mentions_of(r).is_empty() && self.unnamed_party(r).is_none());
        if let (true, true, Some(v)) = (nobody, entry.event_type == PloverType::Accuse, self.denying_verb(n)) {
            *recipients = t.subjects(v);
            *recip_note = "subject of the verb denying the accusation (tree)";
        }
        // "X faced mounting criticism", "X drew condemnation": what X undergoes is
        // directed at X (and X does not do it: no support-verb actor below)
        let undergone = t.deprel(n) == "obj" && t.head(n).is_some_and(|h| WORDS.undergo.contains(&t.lemma(h).to_lowercase()));
        if let (true, true, Some(h)) = (undergone, recipients.is_empty(), t.head(n)) {
            *recipients = t.subjects(h);
            *recip_note = "subject of the verb undergoing the event noun (tree)";
        }
        // "BP snubbed the minister's offer", "Norway accepted Sweden's proposal", "failed to heed
        // the court's demand": an offer or a demand that a verb of response answers was made
        // to the party answering it
        let answered = entry.offers_or_demands() && t.deprel(t.first_conjunct(n)) == "obj";
        let no_party = recipients.iter().all(|&r| self.mentions_of(r).is_empty() && self.unnamed_party(r).is_none());
        if let Some(h) = t.head(t.first_conjunct(n)).filter(|&h| answered && no_party && verb_listed(t, h, &WORDS.addressed_response) && !t.is_passive(h)) {
            *recipients = t.subjects(h).into_iter().filter(|s| !actors.contains(s)).collect();
            *recip_note = "subject of the verb answering the offer or demand (tree)";
        }
        // (a request's 'of' phrase, read as both, is its actor here)
        let unaddressed = recipients.iter().all(|r| actors.contains(r));
        if let (true, Some(asked)) = (unaddressed, self.requested_of(n, entry)) {
            *recipients = asked.into_iter().filter(|s| !actors.contains(s)).collect();
            *recip_note = "doer of the act the request or invitation is the occasion of (tree)";
        }
        let of_actors: Vec<usize> = of.iter().copied().filter(|x| actors.contains(x)).collect();
        if let (true, Some(places)) = (recipients.is_empty(), self.stray_recipients(n, &of_actors, entry)) {
            *recipients = places;
            *recip_note = "oblique the parser hung on the party after 'of' (tree)";
        }
        // "X has been put under investigation": X is acted upon
        // ("has come under attack by lawmakers": the 'by' phrase still acts)
        if let (true, true, Some(h)) = (self.put_under(n), recipients.is_empty(), t.head(n)) {
            *recipients = t.subjects(h);
            *recip_note = "subject of the verb putting it 'under' the event noun (tree)";
        }
        undergone
    }

    /// True when event noun `n` is what something is put under ("X has been put
    /// under investigation", "came under attack").
    fn put_under(&self, n: usize) -> bool {
        let t = self.tree;
        t.deprel(n).starts_with("obl") && t.case_of(n).is_some_and(|c| c.eq_ignore_ascii_case("under"))
    }

    /// The parties an event noun takes from its clause: the subject of the verb it is
    /// the predicate of ("X is in talks"), of the clause a meeting is an adjunct of, or
    /// of its support verb ("X held talks with Y", "pledged full American support").
    fn nominal_meeting_and_support(&self, n: usize, entry: &TriggerEntry, (parties, of): (&[usize], &[usize]), undergone: bool, roles: &mut NominalRoles) {
        let t = self.tree;
        let NominalRoles { actors, recipients, actor_note, recip_note } = roles;
        let of_actors: Vec<usize> = of.iter().copied().filter(|x| actors.contains(x)).collect();
        // "BP is in talks to sell assets", "Iran is at war with Iraq": an event noun that is
        // the predicate of 'be in'/'be at' has its subject as a party of it
        let engaged_in = !t.children_with(n, "cop").is_empty() && t.case_of(n).is_some_and(|c| matches!(c.to_lowercase().as_str(), "in" | "at"));
        if engaged_in && actors.iter().all(|a| parties.contains(a)) {
            let subjects: Vec<usize> = t.subjects(n).into_iter().flat_map(|s| t.with_conjuncts(s)).filter(|s| !actors.contains(s)).collect();
            if !subjects.is_empty() {
                actors.splice(0..0, subjects);
                *actor_note = "subject of the event noun it is 'in' (tree)";
            }
        }
        // "On a visit to X, Y told …", "during talks with Z, Y said": the parties of a
        // meeting in a clause's adjunct include that clause's subject
        // A name compounded with the meeting there is its venue or host, not a second
        // side: "X will press Y at a White House meeting", "an Oval Office talk".
        let named_place = |c: &usize| t.deprel(*c) == "compound" && self.mention_at(*c).is_some_and(|k| self.ctx.ments[k].0.entity_type != chronicle_core::EntityType::Person);
        // ("attended a meeting of NATO ministers": the body meeting, after 'of', and who attends it)
        let met = entry.event_type == PloverType::Consult && actors.iter().all(|a| parties.contains(a) || named_place(a) || of_actors.contains(a));
        if met {
            let subjects: Vec<usize> = self.occasion_subjects(n).into_iter().filter(|s| !actors.contains(s)).collect();
            if !subjects.is_empty() {
                actors.retain(|a| !named_place(a));
                actors.splice(0..0, subjects);
                *actor_note = "subject of the clause the meeting is an adjunct of (tree)";
                if recipients.is_empty() && parties.is_empty() {
                    *recipients = self.occasion_objects(n).into_iter().filter(|o| !actors.contains(o)).collect();
                    *recip_note = "object of the verb the meeting is an adjunct of (tree)";
                }
            } else if let Some((held_by, _)) = self.support_verb(n, entry).filter(|_| !actors.is_empty()) {
                // "X had a meeting with Y", "X held talks with Y": the support verb's subject meets too
                let held_by: Vec<usize> = held_by.into_iter().filter(|s| !actors.contains(s)).collect();
                if !held_by.is_empty() {
                    actors.splice(0..0, held_by);
                    *actor_note = "subject of the support verb and the parties met (tree)";
                }
            }
        }
        // "Obama pledged full American support": a nationality word on the event noun is the
        // side of the support verb's subject, which names it more exactly
        let nationality = |a: usize| {
            self.mention_at(a).filter(|&k| matches!(t.deprel(a), "amod" | "compound") && self.ctx.ments[k].0.entity_type == chronicle_core::EntityType::Group).and_then(|k| self.ctx.ments[k].0.country.clone())
        };
        let national: Vec<String> = actors.iter().filter_map(|&a| nationality(a)).collect();
        if !undergone && !actors.is_empty() && national.len() == actors.len() {
            if let Some((verb_actors, _)) = self.support_verb(n, entry) {
                let of_it = |v: &usize| self.mentions_of(*v).iter().any(|&k| self.ctx.ments[k].0.country.as_ref().is_some_and(|c| national.contains(c)));
                let same: Vec<usize> = verb_actors.into_iter().filter(of_it).collect();
                if !same.is_empty() {
                    *actors = same;
                    *actor_note = "subject of the support verb, of the nationality the event noun names (tree)";
                }
            }
        }
        if actors.is_empty() && !undergone {
            if let Some((verb_actors, verb_recipients)) = self.support_verb(n, entry) {
                *actors = verb_actors;
                *actor_note = "subject of the support verb (tree)";
                if recipients.is_empty() && !verb_recipients.is_empty() {
                    *recipients = verb_recipients;
                    *recip_note = "oblique of the support verb (tree)";
                }
            }
        } else if recipients.is_empty() && parties.is_empty() {
            // "X will hold his first meeting today with Y": the parser hangs the event
            // noun's own phrase on the support verb (support-verb construction)
            if let Some((verb_recipients, verb_parties)) = self.support_obliques(n, entry) {
                if !verb_recipients.is_empty() {
                    *recipients = verb_recipients;
                    *recip_note = "oblique of the support verb (tree)";
                } else if !verb_parties.is_empty() {
                    actors.extend(verb_parties.into_iter().filter(|p| !actors.contains(p)).collect::<Vec<_>>());
                    *actor_note = "the event noun's actor and the parties met at its support verb (tree)";
                }
            }
        }
    }

    /// "X sent ships at the request of the UN", "Y visited Beijing at Hu's
    /// invitation": a request, an order or an invitation in an `on-request`
    /// phrase of a verb was made to the one doing that verb's act — its subject,
    /// or in the passive its agent.
    fn requested_of(&self, n: usize, entry: &TriggerEntry) -> Option<Vec<usize>> {
        let t = self.tree;
        let n = t.first_conjunct(n);
        if !entry.offers_or_demands() || !in_circumstances(t, n) {
            return None;
        }
        let v = t.head(n)?;
        let doers = if t.is_passive(v) { t.agents(v) } else { t.subjects(v) };
        let doers: Vec<usize> = doers.into_iter().flat_map(|s| t.with_conjuncts(s)).collect();
        (!doers.is_empty()).then_some(doers)
    }

    /// "the visit of President X to Turkey": a phrase of the event noun `n` that
    /// the parser hung on the party after its 'of' (`of`, the event noun's
    /// actor) — a preposition of the event type's recipients on a named party,
    /// which a person or a body takes no phrase of.
    fn stray_recipients(&self, n: usize, of: &[usize], entry: &TriggerEntry) -> Option<Vec<usize>> {
        let t = self.tree;
        let preps = WORDS.recipient_preps(entry.event_type);
        let actor = of.first().copied().filter(|&x| t.head(x) == Some(n) && self.mention_at(x).is_some())?;
        let found: Vec<usize> = t
            .obliques(actor)
            .into_iter()
            .filter(|(c, x)| preps.contains(&c.to_lowercase()) && c.to_lowercase() != "of" && self.mention_at(*x).is_some())
            .flat_map(|(_, x)| t.with_conjuncts(x))
            .collect();
        (!found.is_empty()).then_some(found)
    }

    /// "dominated a visit to Washington by Cameron", "a visit to X by Y": a 'by'
    /// phrase naming a party that the parser hung on the active verb whose object
    /// is the event noun `n`, or on a noun of the event noun's own phrase. An
    /// active verb with a subject takes no agent, and a place or party noun no
    /// 'by' phrase of a doer, so the phrase is the event noun's agent.
    fn stray_agents(&self, n: usize) -> Vec<usize> {
        let t = self.tree;
        let n = t.first_conjunct(n);
        let agent = |(c, x): &(&str, usize)| WORDS.agent.contains(&c.to_lowercase()) && self.mention_at(*x).is_some() && self.is_party(*x);
        let mut hosts: Vec<usize> = t.children(n).into_iter().filter(|&c| t.base_rel(c) == "nmod" && self.mention_at(c).is_some()).collect();
        if let Some(v) = t.head(n).filter(|&v| t.deprel(n) == "obj" && !t.is_passive(v) && !t.subjects(v).is_empty()) {
            hosts.push(v);
        }
        let by = hosts.into_iter().flat_map(|h| t.obliques(h)).find(agent);
        by.map(|(_, x)| t.with_conjuncts(x)).unwrap_or_default()
    }

    /// "The alliance reiterated its support for X", "the president renewed his
    /// criticism of Y": an event noun whose possessor is a pronoun naming no mention,
    /// as the object of a verb, is done by that verb's subject (a possessive
    /// pronoun in an object refers back to its clause's subject).
    fn possessor_subjects(&self, n: usize) -> Option<Vec<usize>> {
        let t = self.tree;
        let poss = t.children_with(n, "nmod:poss").into_iter().next()?;
        let pronoun = t.upos(poss) == Some(Upos::Pron) && matches!(t.lemma(poss).to_lowercase().as_str(), "it" | "its" | "they" | "their" | "he" | "his" | "she" | "her");
        if !pronoun || !self.mentions_of(poss).is_empty() || t.deprel(t.first_conjunct(n)) != "obj" {
            return None;
        }
        let verb = t.head(t.first_conjunct(n))?;
        // "the ministry rejected its appeal": an answer is to another party's act
        if answers(t, verb) {
            return None;
        }
        let subjects = t.subjects(verb);
        (!subjects.is_empty() && !t.is_passive(verb)).then_some(subjects)
    }

    /// The active verb (`denial`) whose object is the event noun `n`: "denied
    /// the charges", "disputed the allegation".
    fn denying_verb(&self, n: usize) -> Option<usize> {
        let t = self.tree;
        let n = t.first_conjunct(n);
        t.head(n).filter(|&v| t.deprel(n) == "obj" && !t.is_passive(v) && listed_lemma(&WORDS.denial, t.lemma(v)))
    }

    /// "On a visit to Louisiana, Mr X told reporters", "speaking after talks
    /// with Y, X said": an event noun in a temporal or occasion phrase
    /// (`occasion` in `arguments.tsv`) of a verb: that verb's subjects.
    fn occasion_subjects(&self, n: usize) -> Vec<usize> {
        self.occasion_verb(n).map(|h| self.adjunct_subjects(h)).unwrap_or_default()
    }

    /// The verb whose occasion phrase (`occasion` in `arguments.tsv`) the event
    /// noun `n` is: "pressed X at a meeting". A to-infinitive with no subject
    /// of its own that the parser gave the phrase ("pressured BP to set up a fund
    /// during a meeting") lends it to the verb it depends on.
    fn occasion_verb(&self, n: usize) -> Option<usize> {
        let t = self.tree;
        let n = t.first_conjunct(n);
        let occasion = t.base_rel(n) == "obl" && self.case_word(n).is_some_and(|c| WORDS.occasion.contains(&c));
        let h = t.head(n).filter(|&h| occasion && matches!(t.upos(h), Some(Upos::Verb)))?;
        let bare_infinitive = matches!(t.base_rel(h), "advcl" | "xcomp") && t.has_mark(h, "to") && t.children(h).into_iter().all(|c| t.base_rel(c) != "nsubj");
        match t.head(h) {
            Some(g) if bare_infinitive && matches!(t.upos(g), Some(Upos::Verb)) => Some(g),
            _ => Some(h),
        }
    }

    /// The case marker of `n` as written, lower-cased: a participle used as a
    /// preposition keeps its form ("following the meeting": "following", whose
    /// lemma is "follow").
    fn case_word(&self, n: usize) -> Option<String> {
        let t = self.tree;
        t.children(n).into_iter().find(|&c| t.base_rel(c) == "case").map(|c| t.word(c).to_lowercase())
    }

    /// "Obama pressured BP during a meeting", "will press BP executives at a
    /// meeting": the parties the verb of a meeting's occasion phrase acts on
    /// (its objects naming parties) meet its subject there.
    fn occasion_objects(&self, n: usize) -> Vec<usize> {
        let t = self.tree;
        // "before the meeting, X told reporters": an act before or after it is not at it
        let at = self.case_word(t.first_conjunct(n)).is_some_and(|c| WORDS.occasion_during.contains(&c));
        let Some(h) = self.occasion_verb(n).filter(|&h| at && !t.is_passive(h)) else { return Vec::new() };
        // the party itself, not a thing its phrase names one in ("discuss the Gulf crisis")
        let named = |o: &usize| self.mention_at(*o).is_some() || self.party_noun(*o);
        let with: Vec<usize> = t.obliques(h).into_iter().filter(|(c, _)| c.eq_ignore_ascii_case("with")).flat_map(|(_, x)| t.with_conjuncts(x)).collect();
        t.objects(h).into_iter().chain(with).filter(named).collect()
    }

    /// "X launched an attack on Y", "an attack was carried out by X": the
    /// support verb governing the event noun `n` as its object (or passive
    /// subject) gives the actors, and its obliques of the event type the
    /// recipients: (actors, recipients).
    fn support_verb(&self, n: usize, entry: &TriggerEntry) -> Option<(Vec<usize>, Vec<usize>)> {
        let t = self.tree;
        let mut n = t.first_conjunct(n);
        // "pledged $10m in aid", "sent two planeloads of aid": the amount is the object
        let amount = t.head(n).filter(|_| t.deprel(n).starts_with("nmod") && t.case_of(n).is_some_and(|c| matches!(c.to_lowercase().as_str(), "in" | "of")));
        if let Some(m) = amount.filter(|&m| t.children(m).into_iter().any(|c| t.base_rel(c) == "nummod") || t.upos(m) == Some(Upos::Num) || t.xpos(m) == "$") {
            n = t.first_conjunct(m);
        }
        let verb = t.head(n).filter(|&h| listed_lemma(&WORDS.support, t.lemma(h)))?;
        let mut actors = match t.deprel(n) {
            "obj" => t.subjects(verb),
            "nsubj:pass" => t.agents(verb),
            _ => return None,
        };
        let (recipients, parties) = self.verb_oblique_roles(verb, entry);
        actors.extend(parties);
        Some((actors, recipients))
    }

    /// The recipients and mutual parties (`oblique_roles`) in the obliques of
    /// the support verb whose object is the event noun `n`.
    fn support_obliques(&self, n: usize, entry: &TriggerEntry) -> Option<(Vec<usize>, Vec<usize>)> {
        let t = self.tree;
        let n = t.first_conjunct(n);
        let verb = t.head(n).filter(|&h| t.deprel(n) == "obj" && listed_lemma(&WORDS.support, t.lemma(h)))?;
        Some(self.verb_oblique_roles(verb, entry))
    }

    fn verb_oblique_roles(&self, verb: usize, entry: &TriggerEntry) -> (Vec<usize>, Vec<usize>) {
        let t = self.tree;
        let obliques: Vec<(String, usize)> =
            t.obliques(verb).into_iter().flat_map(|(c, x)| t.with_conjuncts(x).into_iter().map(move |y| (c.to_lowercase(), y))).collect();
        self.oblique_roles(&obliques, entry)
    }

    /// Event-ness of a verbal trigger: its verb's selectional restriction,
    /// then at least one participant that names a party.
    fn verbal_no_event(&self, v: usize, heads: &Heads, words: &Words, trigger: &[usize]) -> Option<String> {
        let t = self.tree;
        if let Some(why) = self.not_reported_news(v) {
            return Some(why);
        }
        // an act needs an actor: an active verb whose subjects name no party
        // ("the blast killed 11", "polls suggest", "an explosion ruptured the
        // well, killing 11") tells of no deliberate act
        let subjects = self.adjunct_subjects(v);
        if !t.is_passive(v) && !subjects.is_empty() && !subjects.iter().any(|&s| self.is_party(s)) {
            return Some(format!("the subject of '{}' names no party", t.word(v)));
        }
        if let Some(why) = self.figurative_verb(v, trigger) {
            return Some(why);
        }
        // "officials usually complain …": a general statement tells of no one happening
        if let Some(a) = t.children_with(v, "advmod").into_iter().find(|&a| words.habitual.contains(&t.lemma(a).to_lowercase())) {
            return Some(format!("'{}' makes '{}' a habitual statement", t.word(a), t.word(v)));
        }
        if let Some(why) = self.generic_remit(v) {
            return Some(why);
        }
        // "the nearest government to blame", "a country to attack": an active
        // infinitive modifying a noun names a kind of that noun, not an act
        // (a passive one is a plan: "troops to be exchanged")
        if t.base_rel(v) == "acl" && t.has_mark(v, "to") && !t.is_passive(v) && self.for_subject(v).is_none() {
            return Some(format!("'{}' is an infinitive modifying a noun", t.word(v)));
        }
        let lemma = t.lemma(v).to_lowercase();
        for requirement in words.requirements(&lemma) {
            match Some(requirement) {
                Some(Requirement::ObjectParty) => {
                    // the object, or the passive subject ("images were released")
                    let patients = t.patients(v);
                    // "released an internal BP document": a name modifying a thing makes it no party;
                    // "dispersed the demonstration": a collective act stands for those who do it
                    let party = |o: usize| {
                        (self.is_party_or_arms(o) && !(self.mention_at(o).is_none() && super::eventness::is_thing(t.lemma(o))))
                            || words.collective_act.contains(&t.lemma(o).to_lowercase())
                    };
                    if !patients.is_empty() && !patients.iter().any(|&o| party(o)) {
                        return Some(format!("the object of '{}' names no party", t.word(v)));
                    }
                }
                Some(Requirement::SubjectParty) => {
                    let subjects = t.subjects(v);
                    if !subjects.is_empty() && !subjects.iter().any(|&s| self.is_party(s)) {
                        return Some(format!("the subject of '{}' names no party", t.word(v)));
                    }
                }
                Some(Requirement::AskedContent) => {
                    let about = t.obliques(v).iter().any(|(c, _)| c.eq_ignore_ascii_case("about"));
                    let content = !t.children_with(v, "xcomp").is_empty()
                        || !t.children_with(v, "ccomp").is_empty()
                        || t.obliques(v).iter().any(|(c, _)| c.eq_ignore_ascii_case("for"))
                        || t.objects(v).iter().any(|&o| !self.is_party(o));
                    if about && !content {
                        return Some(format!("'{}' about something asks a question, not for something", t.word(v)));
                    }
                }
                Some(Requirement::Transitive) => {
                    // "release or transfer the detainees": coordinated verbs share the last one's object
                    let shared = t.children_with(v, "conj").into_iter().any(|c| !t.objects(c).is_empty());
                    if !t.is_passive(v) && t.objects(v).is_empty() && !shared {
                        return Some(format!("'{}' with no object tells of no one acting on anything", t.word(v)));
                    }
                }
                Some(Requirement::Intransitive) => {
                    let complement = !t.objects(v).is_empty() || !t.children_with(v, "ccomp").is_empty();
                    if complement {
                        return Some(format!("'{}' with an object or clause has another sense", t.word(v)));
                    }
                }
                Some(Requirement::NoInfinitive) => {
                    // "sought to raise cash", "battling to stop the rules" (an infinitive the parser
                    // attached as a purpose clause, with no object before it)
                    let to_clause = t.children_with(v, "advcl").into_iter().any(|c| {
                        t.xpos(c) == "VB" && t.children_with(c, "mark").into_iter().any(|m| t.lemma(m).eq_ignore_ascii_case("to"))
                    });
                    if !t.children_with(v, "xcomp").is_empty() || (to_clause && t.objects(v).is_empty()) {
                        return Some(format!("'{}' with an infinitive means trying", t.word(v)));
                    }
                }
                Some(Requirement::Mandative) => {
                    if let Some(why) = clause_of_fact(self.tree, v, true) {
                        return Some(why);
                    }
                }
                Some(Requirement::ObjectPublic) => {
                    // "firefighters rescued a girl": a private person acted on is no party to a political act
                    let patients = t.patients(v);
                    if !patients.is_empty() && patients.iter().all(|&o| self.private_person(o)) {
                        return Some(format!("'{}' acts on private people only", t.word(v)));
                    }
                }
                Some(Requirement::ForPrice) => {
                    let cases: Vec<String> = t.obliques(v).into_iter().map(|(c, _)| c.to_lowercase()).collect();
                    let money = t.objects(v).into_iter().any(|o| t.upos(o) == Some(Upos::Num) || t.word(o).starts_with(['$', '£', '€']) || t.children(o).into_iter().any(|c| t.word(c).starts_with(['$', '£', '€'])));
                    let for_phrase = cases.iter().any(|c| c == "for");
                    if !t.is_passive(v) && (for_phrase || money) && !cases.iter().any(|c| c == "with") {
                        return Some(format!("'{}' for something names a price", t.word(v)));
                    }
                }
                Some(Requirement::PluralNoun | Requirement::OfObjectParty | Requirement::VerbOnly) | None => {}
            }
        }
        if let Some(why) = self.talk_about(v) {
            return Some(why);
        }
        if let Some(why) = self.private_travel(v) {
            return Some(why);
        }
        if heads.participants.iter().any(|&p| self.is_party(p)) {
            return None;
        }
        Some(format!("no participant of '{}' names a party", t.word(v)))
    }

    /// "an agency that investigates chemical accidents", "a group which
    /// monitors elections": a relative clause in the simple present (no
    /// auxiliary, a relative pronoun its subject) whose every object is a bare plural (no determiner, number
    /// or possessor, no name) tells what its noun does in general, no one act;
    /// so does one in the present passive with no time named ("a dispersant
    /// which is banned in the UK": a standing rule).
    fn generic_remit(&self, v: usize) -> Option<String> {
        let t = self.tree;
        // a relative pronoun subject ("that investigates", "which is banned"), whatever clause the parser made of it
        let relative_subject = t.subjects(v).into_iter().any(|s| WORDS.relative.contains(&t.lemma(s).to_lowercase()));
        let wh_subject = t.children(v).into_iter().any(|c| t.base_rel(c) == "nsubj" && t.xpos(c) == "WDT");
        if t.deprel(v) != "acl:relcl" && !wh_subject {
            return None;
        }
        // "a dispersant which is banned in the UK": a passive in the simple present (and no
        // time named) is a standing rule or state, not an act
        let aux: Vec<usize> = t.children(v).into_iter().filter(|&c| matches!(t.upos(c), Some(Upos::Aux))).collect();
        let present_passive = t.xpos(v) == "VBN" && aux.len() == 1 && t.deprel(aux[0]) == "aux:pass" && matches!(t.xpos(aux[0]), "VBZ" | "VBP");
        let timed = t.children(v).into_iter().any(|c| t.deprel(c).contains("tmod") || matches!(t.upos(c), Some(Upos::Num)) || self.ctx.doc.times.iter().any(|x| self.ctx.doc.tokens.get(c).is_some_and(|tok| x.span.start() <= tok.span.start() && tok.span.end() <= x.span.end())));
        // "who is accused of manslaughter", "who is charged with fraud": a standing charge names the accusation made
        let accusation = WORDS.standing_charge.contains(&t.lemma(v).to_lowercase());
        if present_passive && relative_subject && !timed && !accusation {
            return Some(format!("'{} {}' in a relative clause is a standing state", t.word(aux[0]), t.word(v)));
        }
        if !matches!(t.xpos(v), "VBZ" | "VBP") || !aux.is_empty() {
            return None;
        }
        // the clause's subject is its relative pronoun ("that investigates"), not a clause the parser hung on a noun
        if !relative_subject {
            return None;
        }
        let bare = |o: usize| {
            t.xpos(o) == "NNS"
                && self.mentions_of(o).is_empty()
                && !t.children(o).into_iter().any(|c| matches!(t.base_rel(c), "det" | "nummod" | "nmod:poss"))
        };
        let objects = t.objects(v);
        (!objects.is_empty() && objects.iter().all(|&o| bare(o))).then(|| format!("'{}' {} tells what its noun does in general", t.word(v), t.word(objects[0])))
    }

    /// True when the phrase headed by `n` names private people by a noun (or
    /// a pronoun) alone: no mention with a country or sector, and a civilian
    /// noun ("a two-year-old girl", "his wife", "survivors", "him").
    fn private_person(&self, n: usize) -> bool {
        let t = self.tree;
        let coded = self.mentions_of(n).iter().any(|&k| {
            let m = self.ctx.ments[k].0;
            m.country.is_some() || m.sector.is_some() || m.kb_id.is_some()
        });
        let civilian = civilian_noun(t.lemma(n)) || (t.upos(n) == Some(Upos::Pron) && self.mention_at(n).is_none());
        !coded && civilian
    }

    /// "a pupil who visited the US", "students who travelled to Mexico": a
    /// verb of travel whose subjects (a relative pronoun standing for the
    /// noun it modifies) are all private people named by a noun alone.
    fn private_travel(&self, v: usize) -> Option<String> {
        let t = self.tree;
        if !WORDS.private_travel.contains(&t.lemma(v).to_lowercase()) || t.is_passive(v) {
            return None;
        }
        let subjects: Vec<usize> = t
            .subjects(v)
            .into_iter()
            .map(|s| if WORDS.relative.contains(&t.lemma(s).to_lowercase()) { self.antecedent(s).unwrap_or(s) } else { s })
            .collect();
        let private = !subjects.is_empty() && subjects.iter().all(|&s| t.upos(s) == Some(Upos::Noun) && self.private_person(s));
        private.then(|| format!("'{}' by private people is private travel", t.word(v)))
    }

    /// "lawmakers are talking about raising the cap", "the sums talked about":
    /// a verb of speaking about a topic with no one spoken with or to, and no
    /// two parties speaking together, is no consultation.
    fn talk_about(&self, v: usize) -> Option<String> {
        let t = self.tree;
        if !WORDS.speech_topic.contains(&t.lemma(v).to_lowercase()) {
            return None;
        }
        let obliques: Vec<(String, usize)> = t.obliques(v).into_iter().map(|(c, x)| (c.to_lowercase(), x)).collect();
        // "about the tax", "about raising the tax" (a clause marked by it), "talked about" (stranded)
        let is_about = |x: usize| t.lemma(x).eq_ignore_ascii_case("about");
        let about = t.children(v).into_iter().any(|c| is_about(c) || t.children(c).into_iter().any(|m| matches!(t.base_rel(m), "case" | "mark") && is_about(m)))
            // the word right after the verb ("talking about eleven workers", which the parser may read as a number's "about")
            || (t.tokens().contains(&(v + 1)) && is_about(v + 1));
        let interlocutor = obliques.iter().any(|(c, x)| matches!(c.as_str(), "with" | "to" | "between" | "among") && self.is_party(*x));
        let together = t.subjects(v).into_iter().any(|s| t.with_conjuncts(s).len() > 1);
        (about && !interlocutor && (!together || t.is_passive(v)))
            .then(|| format!("'{}' about a topic with no one spoken with is no consultation", t.word(v)))
    }

    /// Event-ness of an event noun: a noun that only modifies another noun
    /// ("attack helicopters", "protest leaders") names no event, unless that
    /// noun is about an event ("ceasefire talks").
    fn nominal_no_event(&self, n: usize, entry: &TriggerEntry) -> Option<String> {
        if let Some(why) = self.compound_or_fixed(n) {
            return Some(why);
        }
        if let Some(why) = self.figurative_noun(n, entry.event_type == PloverType::Consult) {
            return Some(why);
        }
        if let Some(why) = self.noun_object_no_party(n) {
            return Some(why);
        }
        let t = self.tree;
        let requirements = WORDS.requirements(&t.lemma(n).to_lowercase());
        let singular = t.xpos(n) == "NN";
        if singular && requirements.contains(&Requirement::PluralNoun) {
            return Some(format!("'{}' in the singular is not the event its plural names", t.word(n)));
        }
        if requirements.contains(&Requirement::VerbOnly) {
            return Some(format!("'{}' as a noun names no act", t.word(n)));
        }
        None
    }

    /// "seize the moment", "fighting the spill", "prevent an outbreak", "a
    /// leak threatening the coast": a verb whose objects — in the passive,
    /// its subjects — (or, with none, its `against` and `of` phrases: "warned
    /// of the spread") are all abstract nouns or happenings acts on no party.
    fn figurative_verb(&self, v: usize, trigger: &[usize]) -> Option<String> {
        let t = self.tree;
        // the trigger's own words are no object ("opened fire")
        let mut acted_on: Vec<usize> = t.patients(v).into_iter().filter(|o| !trigger.contains(o)).collect();
        if acted_on.is_empty() {
            acted_on = self.figure_obliques(v, &["against", "of"]);
        }
        let figure = !acted_on.is_empty() && acted_on.iter().all(|&o| self.abstract_noun(o));
        figure.then(|| format!("'{}' acts on '{}', no party: a figure of speech", t.word(v), t.word(acted_on[0])))
    }

    /// "the release of eight million barrels of oil", "an exchange of
    /// views": an event noun that takes its object after "of"
    /// (`of-object-party`); when no "of" phrase
    /// names a party (or arms: "the deployment of missiles") it names no act
    /// on one ("the release of the hostages" stays).
    fn noun_object_no_party(&self, n: usize) -> Option<String> {
        let t = self.tree;
        if !WORDS.requirements(&t.lemma(n).to_lowercase()).contains(&Requirement::OfObjectParty) {
            return None;
        }
        let of = self.figure_obliques(n, &["of"]);
        // the 'of' noun itself, not a possessor of it: "the release of the government's estimate"
        // releases a thing
        let thing_of_a_party = |o: usize| {
            let named = self.mention_at(o).is_some() || WORDS.parties.contains(&t.lemma(o).to_lowercase()) || self.listed_party_noun(o);
            t.upos(o) == Some(Upos::Noun) && !named && !t.children_with(o, "nmod:poss").is_empty()
        };
        let none = !of.is_empty() && !of.iter().any(|&o| (self.is_party_or_arms(o) && !thing_of_a_party(o)) || t.upos(o) == Some(Upos::Propn));
        none.then(|| format!("'{}' of '{}' acts on no party", t.word(n), t.word(of[0])))
    }

    /// A party, or a weapon or force of violence (`violence` of
    /// arguments.tsv: "deployed missiles", "shot down a drone").
    fn is_party_or_arms(&self, n: usize) -> bool {
        self.is_party(n) || (self.tree.upos(n) == Some(Upos::Noun) && is_violence(self.tree.lemma(n)))
    }

    /// "spill charges", "policy battles", "a long battle against the disease",
    /// "a threat to national security": an event noun compounded with, or
    /// directed against or to, an abstract noun or a happening. Talks and
    /// meetings take their topic as a compound ("spill talks") and are
    /// exempt from that half.
    fn figurative_noun(&self, n: usize, talks: bool) -> Option<String> {
        let t = self.tree;
        let compound = t.children_with(n, "compound").into_iter().find(|&c| !talks && self.abstract_noun(c));
        let against = self.figure_obliques(n, &["against", "to"]);
        let figure = compound.or_else(|| (!against.is_empty() && against.iter().all(|&o| self.abstract_noun(o))).then(|| against[0]))?;
        Some(format!("'{}' is about '{}', no party: a figure of speech", t.word(n), t.word(figure)))
    }

    /// The nouns of `h`'s phrases after one of `cases` (a topic after "on",
    /// "over" or "about" is no target: "talks on the spill").
    fn figure_obliques(&self, h: usize, cases: &[&str]) -> Vec<usize> {
        self.tree
            .obliques(h)
            .into_iter()
            .filter(|(case, _)| cases.iter().any(|c| case.eq_ignore_ascii_case(c)))
            .map(|(_, n)| n)
            .collect()
    }

    /// A common noun of `figurative.tsv` or `happenings.tsv` naming no party.
    fn abstract_noun(&self, n: usize) -> bool {
        let t = self.tree;
        t.upos(n) == Some(Upos::Noun) && is_figurative_object(t.lemma(n)) && self.mention_at(n).is_none()
    }

    /// A noun in a fixed expression, or one that only modifies another noun.
    fn compound_or_fixed(&self, n: usize) -> Option<String> {
        let t = self.tree;
        // part of a fixed expression ("in order to", "as a result of")
        if t.deprel(n) == "fixed" || !t.children_with(n, "fixed").is_empty() {
            return Some(format!("'{}' is part of a fixed expression", t.word(n)));
        }
        let h = t.head(n).filter(|_| t.deprel(n) == "compound")?;
        if head_noun_class(t.word(h)).is_some() {
            return None;
        }
        // a noun modifying another noun names a kind of that noun, not an act:
        // "aid workers", "attack helicopters", "talk shows", "kill procedure"
        Some(format!("'{}' only modifies '{}'", t.word(n), t.word(h)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_lists_load_without_problems() {
        let (w, problems) = Words::parse();
        assert!(problems.is_empty(), "{problems:?}");
        assert!(w.recipient_preps(PloverType::Assault).contains(&"against".to_string()));
        assert!(w.parties.contains("troop") && w.parties.contains("official"));
        assert_eq!(w.requirements("release"), vec![Requirement::ObjectParty, Requirement::Transitive, Requirement::OfObjectParty]);
        // two restrictions for one verb, and a lemma cut before its silent "e"
        assert_eq!(w.requirements("fight"), vec![Requirement::ObjectParty, Requirement::NoInfinitive]);
        assert_eq!(w.requirements("battl"), vec![Requirement::NoInfinitive]);
        assert!(w.harm.contains("kill") && w.violence.contains("gunman") && w.speech_topic.contains("talk"));
        assert!(w.occasion.contains("during") && !w.occasion.contains("against"));
        assert!(w.reporting.contains("say") && w.support.contains("launch"));
    }

    #[test]
    fn a_party_takes_the_sector_of_the_first_phrase_its_words_end_in() {
        assert_eq!((phrase_sector("relief agencies"), phrase_sector("charities")), (Some("NGO"), Some("NGO")));
        assert_eq!(phrase_sector("agencies"), None, "an agency may be anyone's");
        assert_eq!((phrase_sector("US officials"), phrase_sector("company officials")), (Some("GOV"), Some("BUS")));
        assert_eq!((phrase_sector("The Interior Ministry"), phrase_sector("the city police department")), (Some("GOV"), Some("COP")));
        // a name 'X of Y' is headed by X
        assert_eq!((phrase_sector("the Department of Energy"), phrase_sector("Ministry of Mines")), (Some("GOV"), Some("GOV")));
        assert_eq!(phrase_sector("the Friends of the Earth"), None);
        assert_eq!((phrase_sector("Senate Republicans"), phrase_sector("Democrats")), (Some("PTY"), Some("PTY")));
        // PETRARCH-2's phrases after the hand-chosen ones
        assert_eq!((phrase_sector("the U.S. Coast Guard"), phrase_sector("the local chamber of commerce")), (Some("MIL"), Some("BUS")));
        assert_eq!(phrase_sector("aid"), None);
        assert!(Words::parse().1.is_empty(), "{:?}", Words::parse().1);
    }
}
