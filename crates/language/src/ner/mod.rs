//! Named-entity recognition: knowledge-base matches, a statistical tagger,
//! title/honorific/apposition rules, stated roles and in-document
//! coreference.
//!
//! Order of work for one document:
//! 1. the gazetteer finds the longest knowledge-base name at each token
//!    (countries/capitals/regions → location, demonyms → group, metonyms
//!    such as "the Kremlin" → organisation with country and sector,
//!    organisations, office holders → person with id, country and sector);
//! 2. the tagger ([`tagger`]) tags each sentence, with the gazetteer bits,
//!    the world tables' name bits and the word clusters ([`lexicon`], [`chronicle_syntax::clusters`]) as
//!    features;
//! 3. the rules ([`rules`]) find persons after titles and honorifics, roles
//!    stated by titles and appositions (recorded as [`RoleClaim`]s with the
//!    document date), and role nouns ("the Prime Minister");
//! 4. the sources are combined: rules and knowledge base take precedence
//!    where they overlap, the tagger fills the rest; tagger MISC becomes a
//!    group only for nationality-like words, else it is dropped;
//! 5. coreference: later short forms ("Mr Zelensky", "Zelensky") take the
//!    full name of an earlier mention, role nouns resolve to the person the
//!    text (or the knowledge base at the document's exact date) ties them to.
//!    Nothing is resolved when more than one person fits;
//! 6. mentions still without facts are looked up in the world-scale tables
//!    (PETRARCH-2 actors, GeoNames places) by name and type ([`world`]);
//!    organisations still without a sector take the one their name or the
//!    words around it state: a company or a charity ([`sectors`]);
//! 7. persons and organisations still without a country take the one their
//!    stated affiliation names ("X, a spokesman for the Libyan rebels",
//!    "Libyan rebel commander X", "X of the Syrian National Council"), and
//!    mentions of one name share the country the others agree on
//!    ([`affiliation`]).
//!
//! Reads: body, tokens, sentences (computed when absent), `meta.published`.
//! Writes: `mentions`, `roles`.

pub(crate) mod affiliation;
pub mod clusters;
pub mod lexicon;
pub(crate) mod names;
pub mod rules;
pub(crate) mod sectors;
pub mod tagger;
pub mod train;
pub(crate) mod world;

use std::ops::Range;

use chrono::NaiveDate;
use chronicle_core::{Document, EntityType, Mention, MentionSource, RoleClaim, Span};

use crate::kb::{token_key, Entry, Kb};
use crate::LanguageError;

const TAGGER_BIN: &[u8] = include_bytes!("../../../../data/ner/tagger.bin");

/// Tagger plus rules.
pub struct Recognizer {
    model: tagger::Model,
    titles: rules::Titles,
    /// The world-table names of the KB first passed in (built on first use).
    world: std::sync::OnceLock<lexicon::WorldNames>,
}

/// A candidate mention over token indices, before combination.
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    pub start: usize,
    pub end: usize,
    pub etype: EntityType,
    pub canonical: String,
    pub kb_id: Option<String>,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub source: MentionSource,
}

/// A role stated in the text, before the person's canonical name is final.
#[derive(Clone, Debug)]
pub(crate) struct RoleFind {
    /// Token range of the person's name.
    pub person: Range<usize>,
    /// Title as written, lower case.
    pub title: String,
    /// Canonical office (lexicon), for matching role nouns and the KB.
    pub office: String,
    /// Country or organisation code.
    pub of: Option<String>,
    /// Evidence token range.
    pub evidence: Range<usize>,
}

/// A role noun to resolve ("the Prime Minister"): token range of the title
/// head, office and country if stated, and the possessor person if any.
#[derive(Clone, Debug)]
pub(crate) struct RoleNoun {
    pub span: Range<usize>,
    pub office: String,
    pub of: Option<String>,
}

/// The token view of a document shared by the stages.
pub(crate) struct View<'a> {
    pub words: Vec<&'a str>,
    pub spans: Vec<Span>,
    pub keys: Vec<u64>,
    pub sentences: Vec<Range<usize>>,
    pub date: Option<NaiveDate>,
    /// Names read as someone's relative ([`names::kin_links`]).
    pub kin: Vec<names::KinLink>,
    /// Folded word → the capitalised words written right before it, folded
    /// (read by [`names::given_names_before`]; built once, linear).
    pub preceded_by: std::collections::HashMap<String, Vec<String>>,
}

impl<'a> View<'a> {
    fn new(doc: &'a Document) -> View<'a> {
        let body = doc.body();
        let words: Vec<&str> = doc.tokens.iter().map(|t| t.span.text(body)).collect();
        let spans: Vec<Span> = doc.tokens.iter().map(|t| t.span).collect();
        let mut buf = String::new();
        let keys = words.iter().map(|w| token_key(w, &mut buf)).collect();
        let mut sentences = Vec::with_capacity(doc.sentences.len());
        for s in &doc.sentences {
            let a = spans.partition_point(|t| t.start() < s.span.start());
            let b = spans.partition_point(|t| t.end() <= s.span.end());
            if a < b {
                sentences.push(a..b);
            }
        }
        if sentences.is_empty() && !words.is_empty() {
            // tokens without sentences: one sentence over everything
            sentences.push(0..words.len());
        }
        let kin = names::kin_links(doc, &words, &sentences);
        let mut preceded_by: std::collections::HashMap<String, Vec<String>> = std::collections::HashMap::new();
        for pair in words.windows(2) {
            if pair[0].starts_with(char::is_uppercase) && pair[1].starts_with(char::is_uppercase) {
                let before = preceded_by.entry(crate::kb::fold(pair[1])).or_default();
                let g = crate::kb::fold(pair[0]);
                if !before.contains(&g) {
                    before.push(g);
                }
            }
        }
        View { words, spans, keys, sentences, date: doc.meta.published.date.exact_day(), kin, preceded_by }
    }
}

/// Converts a knowledge-base entry into a candidate over `start..end`.
pub(crate) fn cand_of_entry(kb: &Kb, e: Entry, start: usize, end: usize, date: Option<NaiveDate>) -> Option<Cand> {
    let mk = |etype, canonical: &str, kb_id: Option<&str>, country: Option<&str>, sector: Option<&str>| Cand {
        start,
        end,
        etype,
        canonical: canonical.to_string(),
        kb_id: kb_id.map(String::from),
        country: country.filter(|c| !c.is_empty()).map(String::from),
        sector: sector.filter(|c| !c.is_empty()).map(String::from),
        source: MentionSource::Kb,
    };
    Some(match e {
        Entry::Country(i) => {
            let c = kb.countries.get(i as usize)?;
            mk(EntityType::Location, &c.name, Some(&c.iso3), Some(&c.iso3), None)
        }
        Entry::Capital(i) => {
            let c = kb.countries.get(i as usize)?;
            let name = c.capitals.first().map(String::as_str).unwrap_or("");
            mk(EntityType::Location, name, None, Some(&c.iso3), None)
        }
        Entry::Demonym(i) => {
            let c = kb.countries.get(i as usize)?;
            let name = c.demonyms.first().map(String::as_str).unwrap_or(&c.name);
            mk(EntityType::Group, name, None, Some(&c.iso3), None)
        }
        Entry::Metonym(i) => {
            let m = kb.metonyms.get(i as usize)?;
            let name = m.surface.strip_prefix("the ").unwrap_or(&m.surface);
            mk(EntityType::Organization, name, None, Some(&m.iso3), Some(&m.sector))
        }
        Entry::Region(i) => {
            let r = kb.regions.get(i as usize)?;
            let id = (!r.code.is_empty()).then_some(r.code.as_str());
            mk(EntityType::Location, &r.name, id, Some(&r.iso3), None)
        }
        Entry::Organization(i) => {
            let o = kb.organizations.get(i as usize)?;
            let country = o.country.as_deref().or(Some(o.id.as_str()));
            mk(EntityType::Organization, &o.name, Some(&o.id), country, Some(&o.sector))
        }
        Entry::Person(i) => {
            let p = kb.persons.get(i as usize)?;
            mk(EntityType::Person, &p.name, Some(&p.id), p.country_at(date), p.sector_at(date))
        }
    })
}

/// True for a word that names a nationality or other group ("Ukrainian",
/// "Europeans", "Israeli"), judged by form when the KB does not know it.
fn is_demonym_like(w: &str) -> bool {
    w.starts_with(char::is_uppercase)
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && ["an", "ans", "ian", "ians", "ese", "ish", "i", "is", "ic", "ch", "ese"].iter().any(|s| w.ends_with(s))
}

impl Recognizer {
    /// The title lexicon.
    pub fn titles(&self) -> &rules::Titles {
        &self.titles
    }

    /// Loads the built-in tagger weights (`data/ner/tagger.bin`, or
    /// `$CHRONICLE_DATA/ner/tagger.bin` when present) and the title lexicon.
    /// An empty weights file gives a recognizer that uses the knowledge base
    /// and rules only.
    pub fn builtin() -> Result<Recognizer, LanguageError> {
        let dir = std::env::var_os("CHRONICLE_DATA").map(|d| std::path::Path::new(&d).join("ner"));
        let clusters = match dir.as_ref().map(|d| d.join("clusters.tsv")).filter(|p| p.is_file()) {
            Some(p) => {
                let text = std::fs::read_to_string(&p).map_err(|source| LanguageError::Io { file: p.display().to_string(), source })?;
                chronicle_syntax::clusters::Clusters::parse(&text, &p.display().to_string())?
            }
            None => chronicle_syntax::clusters::builtin()?.clone(),
        };
        let model = match dir.as_ref().map(|d| d.join("tagger.bin")).filter(|p| p.is_file()) {
            Some(p) => {
                let bytes = std::fs::read(&p).map_err(|source| LanguageError::Io { file: p.display().to_string(), source })?;
                tagger::Model::from_bytes(&bytes, &p.display().to_string())?
            }
            None if TAGGER_BIN.is_empty() => tagger::Model::empty(),
            None => tagger::Model::from_bytes(TAGGER_BIN, "data/ner/tagger.bin")?,
        };
        let titles = rules::Titles::builtin()?;
        Ok(Recognizer::new(model.with_clusters(clusters), titles))
    }

    fn new(model: tagger::Model, titles: rules::Titles) -> Recognizer {
        Recognizer { model, titles, world: std::sync::OnceLock::new() }
    }

    /// A recognizer with the given tagger model (e.g. freshly trained, with
    /// its clusters).
    pub fn with_model(model: tagger::Model) -> Result<Recognizer, LanguageError> {
        Ok(Recognizer::new(model, rules::Titles::builtin()?))
    }

    /// The world-table names of `kb` (indexed on the first call; a
    /// recognizer serves one knowledge base).
    fn world(&self, kb: &Kb) -> &lexicon::WorldNames {
        self.world.get_or_init(|| lexicon::WorldNames::new(kb))
    }

    /// The tagger model.
    pub fn model(&self) -> &tagger::Model {
        &self.model
    }

    /// Gazetteer bits for the tagger and the knowledge-base candidates of
    /// one sentence (`range` over the view's tokens).
    pub(crate) fn kb_pass(kb: &Kb, words: &[&str], keys: &[u64], range: Range<usize>, date: Option<NaiveDate>, gaz: &mut [u16], out: &mut Vec<Cand>) {
        let g = kb.gazetteer();
        let (s, e) = (range.start, range.end);
        let mut i = s;
        while i < e {
            let Some(m) = g.longest_at(&keys[s..e], &words[s..e], i - s) else {
                i += 1;
                continue;
            };
            let mut bits = 0u16;
            for en in m.entries {
                bits |= match en {
                    Entry::Country(_) | Entry::Capital(_) | Entry::Region(_) => tagger::gaz::LOC,
                    Entry::Person(_) => tagger::gaz::PER,
                    Entry::Organization(_) | Entry::Metonym(_) => tagger::gaz::ORG,
                    Entry::Demonym(_) => tagger::gaz::DEMONYM,
                };
            }
            for k in i..i + m.len {
                if let Some(b) = gaz.get_mut(k - s) {
                    *b = bits | if k == i { tagger::gaz::FIRST } else { 0 };
                }
            }
            // a name that is also a place reads as the place (Moscow, Washington)
            let best = m
                .entries
                .iter()
                .find(|e| matches!(e, Entry::Country(_) | Entry::Capital(_)) && m.entries.iter().any(|x| matches!(x, Entry::Metonym(_))))
                .or(m.entries.first());
            if let Some(c) = best.and_then(|e| cand_of_entry(kb, *e, i, i + m.len, date)) {
                out.push(c);
            }
            i += m.len;
        }
    }

    /// Tags the words of one sentence with the tagger, using the KB's
    /// gazetteer bits (as in production). Returns tag indices.
    pub fn tag_words(&self, kb: &Kb, words: &[&str], scratch: &mut tagger::Scratch) -> Vec<u8> {
        let mut buf = String::new();
        let keys: Vec<u64> = words.iter().map(|w| token_key(w, &mut buf)).collect();
        let mut gaz = vec![0u16; words.len()];
        let mut sink = Vec::new();
        Recognizer::kb_pass(kb, words, &keys, 0..words.len(), None, &mut gaz, &mut sink);
        self.world(kb).mark(&keys, words, &mut gaz);
        self.model.tag(words, &gaz, scratch)
    }

    /// Fills `doc.mentions` and `doc.roles`.
    pub fn annotate(&self, kb: &Kb, doc: &mut Document) {
        if doc.tokens.is_empty() && !doc.body().is_empty() {
            crate::sentence::annotate(doc);
        }
        let (mentions, roles) = {
            let view = View::new(doc);
            self.find(kb, &view, doc)
        };
        doc.mentions = mentions;
        doc.roles = roles;
    }

    fn find(&self, kb: &Kb, v: &View<'_>, doc: &Document) -> (Vec<Mention>, Vec<RoleClaim>) {
        let n = v.words.len();
        let mut kb_cands = Vec::new();
        let mut tag_cands = Vec::new();
        let mut tags_all = vec![0u8; n];
        let mut scratch = tagger::Scratch::default();
        let mut gaz = Vec::new();
        for s in &v.sentences {
            gaz.clear();
            gaz.resize(s.len(), 0);
            Recognizer::kb_pass(kb, &v.words, &v.keys, s.clone(), v.date, &mut gaz, &mut kb_cands);
            if self.model.is_empty() {
                continue;
            }
            self.world(kb).mark(&v.keys[s.clone()], &v.words[s.clone()], &mut gaz);
            let tags = self.model.tag(&v.words[s.clone()], &gaz, &mut scratch);
            for (k, t) in tags.iter().enumerate() {
                tags_all[s.start + k] = *t;
            }
            for (_, i, j) in tagger::chunks(&tags) {
                let class = tagger::tag_class(tags[i]).unwrap_or("MISC");
                let Some((a, b)) = names::trim_name(&v.words, s.start + i, s.start + j, class == "PER") else { continue };
                let (a, b) = if class == "PER" { names::trim_person(&v.words, a, b) } else { (a, b) };
                let text = join_words(v, a, b, doc.body());
                let etype = match class {
                    "PER" => Some(EntityType::Person),
                    "ORG" => Some(EntityType::Organization),
                    "LOC" => Some(EntityType::Location),
                    _ if b - a == 1 && (is_demonym_like(&text) || names::is_faith(&text)) => Some(EntityType::Group),
                    _ => None,
                };
                if let Some(etype) = etype {
                    tag_cands.push(Cand {
                        start: a,
                        end: b,
                        etype,
                        canonical: text,
                        kb_id: None,
                        country: None,
                        sector: None,
                        source: MentionSource::Tagger,
                    });
                }
            }
        }
        let found = rules::apply(&self.titles, kb, v, doc.body(), &kb_cands, &tag_cands, &tags_all);
        let mut ruled = found.persons;
        ruled.extend(water_cands(v));
        ruled.sort_by_key(|c| (c.start, c.end));
        let mut cands = combine(&v.words, ruled, kb_cands, tag_cands);
        cands.retain(|c| !names::currency_prefix(&v.words, c) && !names::storm_name(&v.words, c));
        names::party_state_tags(&v.words, &mut cands);
        world::leader_names(kb, &mut cands, v);
        names::retype(v, &mut cands);
        let mut roles = found.roles;
        rules::coref(kb, v, &mut cands, &mut roles, &found.role_nouns, &self.titles);
        world::resolve(kb, &mut cands, v);
        names::regional_demonyms(&mut cands);
        names::apply_kin(v, &mut cands, doc.body());
        sectors::assign(v, &mut cands);
        affiliation::resolve(kb, &self.titles, doc, v, &mut cands);
        sectors::from_roles(&self.titles, &mut cands, &roles);
        sectors::international(kb, &mut cands);
        emit(kb, doc, v, cands, roles)
    }
}

/// The seas, gulfs and straits written out in each sentence ("the Gulf of
/// Mexico oil spill"): one place of no country each, before the knowledge
/// base can read the country inside the name ("Mexico") or the tagger split it.
fn water_cands(v: &View<'_>) -> Vec<Cand> {
    let mut out = Vec::new();
    for s in &v.sentences {
        for (a, b, name) in crate::place::water_names(&v.words[s.clone()]) {
            let (start, end) = (s.start + a, s.start + b);
            out.push(Cand { start, end, etype: EntityType::Location, canonical: name.to_string(), kb_id: None, country: None, sector: None, source: MentionSource::Rule });
        }
    }
    out
}

fn join_words(v: &View<'_>, a: usize, b: usize, body: &str) -> String {
    match (v.spans.get(a), b.checked_sub(1).and_then(|e| v.spans.get(e))) {
        (Some(x), Some(y)) => body.get(x.start()..y.end()).unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" "),
        _ => String::new(),
    }
}

fn overlaps(a: &Cand, b: &Cand) -> bool {
    a.start < b.end && b.start < a.end
}

/// The first of `kept` (disjoint, each word's keeper in `owner`) that overlaps `c`.
fn first_overlapping(owner: &[Option<usize>], kept: &[Cand], c: &Cand) -> Option<usize> {
    if c.start >= c.end {
        return kept.iter().position(|o| overlaps(o, c));
    }
    owner.get(c.start..c.end).unwrap_or_default().iter().flatten().copied().min()
}

/// Rules first, then the knowledge base, then the tagger for what is left.
/// A tagger organisation, location or person that strictly contains only
/// place/nationality matches and another capitalised word ("Kyiv City
/// Administration", "Volker Turk") wins over them.
fn combine(words: &[&str], rule: Vec<Cand>, kb: Vec<Cand>, tag: Vec<Cand>) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::with_capacity(rule.len() + kb.len() + tag.len());
    // Which kept rule candidate covers each word: they are disjoint, so an overlap is
    // a lookup over the candidate's words, not a scan of every kept one (#17: linear).
    let width = rule.iter().chain(&kb).chain(&tag).map(|c| c.end).max().unwrap_or(0);
    let mut owner: Vec<Option<usize>> = vec![None; width];
    for r in rule {
        if first_overlapping(&owner, &out, &r).is_none() {
            for o in owner.get_mut(r.start..r.end).unwrap_or_default() {
                *o = Some(out.len());
            }
            out.push(r);
        }
    }
    let mut kb_left = Vec::with_capacity(kb.len());
    for k in kb {
        if let Some(o) = first_overlapping(&owner, &out, &k).and_then(|i| out.get_mut(i)) {
            // same span, same type: the rule mention gains the KB's facts
            if o.start == k.start && o.end == k.end && o.etype == k.etype && o.kb_id.is_none() {
                o.kb_id = k.kb_id.clone();
                o.country = o.country.clone().or(k.country.clone());
                o.sector = o.sector.clone().or(k.sector.clone());
                o.canonical = k.canonical.clone();
            }
            continue;
        }
        kb_left.push(k);
    }
    let mut taken = vec![false; kb_left.len()];
    // the KB candidates left, by the words they cover
    let mut kb_at: Vec<Vec<usize>> = vec![Vec::new(); width];
    for (i, k) in kb_left.iter().enumerate() {
        for at in kb_at.get_mut(k.start..k.end).unwrap_or_default() {
            at.push(i);
        }
    }
    let mut tag_keep = Vec::new();
    for t in tag {
        if first_overlapping(&owner, &out, &t).is_some() {
            continue;
        }
        let inside: Vec<usize> = if t.start < t.end {
            let mut inside: Vec<usize> = kb_at.get(t.start..t.end).unwrap_or_default().iter().flatten().copied().collect();
            inside.sort_unstable();
            inside.dedup();
            inside
        } else {
            (0..kb_left.len()).filter(|&i| overlaps(&kb_left[i], &t)).collect()
        };
        if inside.is_empty() {
            tag_keep.push(t);
            continue;
        }
        let uncovered_cap = (t.start..t.end).any(|x| {
            !inside.iter().any(|&i| kb_left[i].start <= x && x < kb_left[i].end) && words.get(x).is_some_and(|w| w.starts_with(char::is_uppercase))
        });
        let joined = (t.start..t.end).any(|x| words.get(x).is_some_and(|w| matches!(*w, "'s" | "\u{2019}s" | "and" | ",")));
        let strictly = uncovered_cap && !joined && inside.iter().all(|&i| t.start <= kb_left[i].start && kb_left[i].end <= t.end)
            && inside.iter().all(|&i| kb_left[i].end - kb_left[i].start < t.end - t.start);
        let weak = inside.iter().all(|&i| {
            matches!(kb_left[i].etype, EntityType::Location | EntityType::Group) && kb_left[i].kb_id.as_deref().map_or(true, |k| k.len() == 3)
        });
        if strictly && weak && matches!(t.etype, EntityType::Organization | EntityType::Location | EntityType::Person) {
            let mut t = t;
            // a place named around a country's name lies in it only when the other words
            // say which part ("Northern Syria"); "the Gulf of Mexico", "New Mexico" and
            // "the Congo River" are other places
            let in_it = (t.etype == EntityType::Organization && inside.iter().any(|&i| names_its_country(words, &t, &kb_left[i])))
                || (t.start..t.end).all(|x| inside.iter().any(|&i| kb_left[i].start <= x && x < kb_left[i].end) || words.get(x).is_some_and(|w| names::is_place_part(w)));
            if in_it {
                t.country = inside.iter().find_map(|&i| kb_left[i].country.clone());
            }
            for &i in &inside {
                taken[i] = true;
            }
            tag_keep.push(t);
        }
    }
    out.extend(kb_left.into_iter().zip(taken).filter(|(_, t)| !t).map(|(k, _)| k));
    out.extend(tag_keep);
    out.sort_by_key(|c| (c.start, c.end));
    out
}

/// True when the country or capital `k` inside the organisation name `t` is
/// the organisation's country: it opens the name ("Kyiv City
/// Administration", "Nigerian National Petroleum Corporation"), follows
/// "of" ("Bank of England") or is the second of two words ("Air France").
/// Elsewhere it is a word of another name ("Shell Trans Niger pipeline": the
/// river; "Development Secretary Douglas Alexander": a given name).
fn names_its_country(words: &[&str], t: &Cand, k: &Cand) -> bool {
    k.start == t.start
        || (k.start > t.start && words.get(k.start - 1).is_some_and(|w| w.eq_ignore_ascii_case("of")))
        || (k.end == t.end && t.end - t.start == 2)
}

fn emit(kb: &Kb, doc: &Document, v: &View<'_>, cands: Vec<Cand>, roles: Vec<RoleFind>) -> (Vec<Mention>, Vec<RoleClaim>) {
    let body = doc.body();
    let span_of = |a: usize, b: usize| -> Option<Span> {
        let x = v.spans.get(a)?;
        let y = v.spans.get(b.checked_sub(1)?)?;
        Span::new(body, x.start(), y.end()).ok()
    };
    let mut mentions = Vec::with_capacity(cands.len());
    for c in &cands {
        if let Some(span) = span_of(c.start, c.end) {
            mentions.push(Mention {
                span,
                entity_type: c.etype,
                canonical: c.canonical.clone(),
                kb_id: c.kb_id.clone(),
                country: c.country.clone(),
                sector: c.sector.clone(),
                source: c.source,
            });
        }
    }
    let as_of = doc.meta.published.date.clone();
    let mut claims = Vec::with_capacity(roles.len());
    for r in roles {
        let Some(evidence) = span_of(r.evidence.start, r.evidence.end) else { continue };
        let person = cands.iter().find(|c| c.start <= r.person.start && r.person.end <= c.end && c.etype == EntityType::Person);
        let (name, kb_id) = match person {
            Some(p) => (p.canonical.clone(), p.kb_id.clone()),
            None => (join_words(v, r.person.start, r.person.end, body), None),
        };
        // the country of the office from the KB, when the text did not say it
        let of = r.of.or_else(|| {
            kb.person(kb_id.as_deref()?)?.sole_country_of_office(&r.office, v.date).map(str::to_string)
        });
        claims.push(RoleClaim { person: name, kb_id, title: r.title, of, evidence, as_of: as_of.clone() });
    }
    (mentions, claims)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(start: usize, end: usize, etype: EntityType, kb_id: Option<&str>, source: MentionSource) -> Cand {
        Cand { start, end, etype, canonical: String::new(), kb_id: kb_id.map(String::from), country: None, sector: None, source }
    }

    #[test]
    fn combination_prefers_rules_then_kb_then_tagger() {
        let words = ["Kyiv", "City", "Administration", "and", "Volker", "Turk", "met", "Putin"];
        let rule = vec![cand(7, 8, EntityType::Person, None, MentionSource::Rule)];
        let kb = vec![
            cand(0, 1, EntityType::Location, None, MentionSource::Kb),
            cand(5, 6, EntityType::Group, None, MentionSource::Kb),
            cand(7, 8, EntityType::Person, Some("vladimir-putin"), MentionSource::Kb),
        ];
        let tag = vec![
            cand(0, 3, EntityType::Organization, None, MentionSource::Tagger),
            cand(4, 6, EntityType::Person, None, MentionSource::Tagger),
            cand(7, 8, EntityType::Location, None, MentionSource::Tagger),
        ];
        let out = combine(&words, rule, kb, tag);
        let got: Vec<(usize, usize, EntityType, MentionSource)> = out.iter().map(|c| (c.start, c.end, c.etype, c.source)).collect();
        assert_eq!(
            got,
            vec![
                (0, 3, EntityType::Organization, MentionSource::Tagger),
                (4, 6, EntityType::Person, MentionSource::Tagger),
                (7, 8, EntityType::Person, MentionSource::Rule),
            ]
        );
        assert_eq!(out[2].kb_id.as_deref(), Some("vladimir-putin"), "the rule mention gains the KB id");
    }

    #[test]
    fn demonym_shapes() {
        assert!(is_demonym_like("Ukrainians"));
        assert!(is_demonym_like("Israeli"));
        assert!(!is_demonym_like("Olympics"));
        assert!(!is_demonym_like("ukrainian"));
    }

    #[test]
    fn works_without_tagger_weights() {
        let kb = Kb::builtin().unwrap();
        let rec = Recognizer::with_model(tagger::Model::empty()).unwrap();
        let body = "Defence Minister Rustem Umerov flew to Kyiv. Mr Umerov spoke.".to_string();
        let mut doc = Document::new(
            chronicle_core::DocId::from_text(&body),
            "t".into(),
            chronicle_core::InputFormat::Text,
            Vec::new(),
            body.clone(),
            body,
            Default::default(),
        );
        rec.annotate(&kb, &mut doc);
        let texts: Vec<&str> = doc.mentions.iter().map(|m| m.span.text(doc.body())).collect();
        assert_eq!(texts, ["Rustem Umerov", "Kyiv", "Umerov"]);
        assert_eq!(doc.mentions[2].kb_id.as_deref(), Some("rustem-umerov"));
        assert_eq!(doc.roles.len(), 1);
        assert_eq!(doc.roles[0].of.as_deref(), Some("UKR"));
    }
}
