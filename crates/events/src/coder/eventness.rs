//! Event-ness on unseen news (issue 13): triggers whose words fit an event
//! but whose sentence tells of no deliberate act between political actors
//! (PLOVER 2.0's scope; docs/ANNOTATION.md's non-events). Each rule reads
//! the dependency tree of a parsed sentence and says why it rules the
//! trigger out; an unparsed sentence keeps the position rules' reading.
//!
//! - a thing or a happening as the agent ("charts suggest", "the pandemic
//!   that killed millions", "the oil leak threatening the coast");
//! - a dispute word with no armed side and no violence named ("an uphill
//!   battle", "BP's fight to contain the damage", "a fight with Obama");
//! - an attack or seizure of a substance ("captures some oil"), or of
//!   control over an undertaking ("seize control of the effort");
//! - what a document allows or contains ("the bill would allow states to
//!   prohibit …", "the proposal contained no criticism");
//! - a question: asking with nothing asked for ("asked back"), a journalist
//!   asking, or asking someone to answer or explain;
//! - an investigation of things, not of a party ("probing whether tar balls
//!   came from the spill", "suspected cases are being investigated");
//! - private travel ("after the husband visited Mexico", "a family visit");
//! - sport ("declined to travel … in the Libertadores Cup");
//! - an event noun about an abstract noun ("a promise of hope").
//!
//! Word groups: `data/events/eventness.tsv`.

use std::collections::HashSet;
use std::sync::LazyLock;

use chronicle_core::{EventArg, PloverType, Span, Upos};
use chronicle_syntax::tree::Tree;

use super::{arguments, Ctx, Trig, REPORTING};
use crate::lexicon::TriggerEntry;

const EVENTNESS_TSV: &str = include_str!("../../../../data/events/eventness.tsv");

/// The word groups of `eventness.tsv`.
#[derive(Debug, Default)]
struct Groups {
    inanimate: HashSet<String>,
    document: HashSet<String>,
    content: HashSet<String>,
    dispute: HashSet<String>,
    armed_sectors: HashSet<String>,
    substance: HashSet<String>,
    light: HashSet<String>,
    undertaking: HashSet<String>,
    sport: HashSet<String>,
    private_occasion: HashSet<String>,
    characterising: HashSet<String>,
    question: HashSet<String>,
    journalist: HashSet<String>,
    culpable: HashSet<String>,
    happening_verbs: HashSet<String>,
    cognition: HashSet<String>,
    fact: HashSet<String>,
    speech_noun: HashSet<String>,
    survey: HashSet<String>,
    finding_verb: HashSet<String>,
    market: HashSet<String>,
    verbal_attack: HashSet<String>,
    structure: HashSet<String>,
    duty: HashSet<String>,
    purchase_verb: HashSet<String>,
    approval: HashSet<String>,
    undergone: HashSet<String>,
    no_one: HashSet<String>,
    wreckage: HashSet<String>,
    trade: HashSet<String>,
    verbal_modifier: HashSet<String>,
    verbal_means: HashSet<String>,
    view_noun: HashSet<String>,
    market_demand: HashSet<String>,
    own_undertaking: HashSet<String>,
    public_commitment: HashSet<String>,
    transaction: HashSet<String>,
    medical: HashSet<String>,
    sought_nothing: HashSet<String>,
    gathering: HashSet<String>,
    inference_verb: HashSet<String>,
    /// Acts offered by saying one is ready to do them (`offer-verb`).
    offer_verb: HashSet<String>,
    asking: HashSet<String>,
    question_mark: HashSet<String>,
    money: HashSet<String>,
}

impl Groups {
    /// Parses the file; problems come back as "eventness.tsv:line: why".
    fn parse(text: &str) -> (Groups, Vec<String>) {
        let mut g = Groups::default();
        let mut problems = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let [group, words] = cols[..] else {
                problems.push(format!("eventness.tsv:{}: expected group <TAB> words", i + 1));
                continue;
            };
            let set = match group {
                "inanimate" => &mut g.inanimate,
                "document" => &mut g.document,
                "content" => &mut g.content,
                "dispute" => &mut g.dispute,
                "armed-sector" => &mut g.armed_sectors,
                "substance" => &mut g.substance,
                "light" => &mut g.light,
                "undertaking" => &mut g.undertaking,
                "sport" => &mut g.sport,
                "private-occasion" => &mut g.private_occasion,
                "characterising" => &mut g.characterising,
                "question" => &mut g.question,
                "journalist" => &mut g.journalist,
                "culpable" => &mut g.culpable,
                "happening-verb" => &mut g.happening_verbs,
                "cognition" => &mut g.cognition,
                "fact" => &mut g.fact,
                "speech-noun" => &mut g.speech_noun,
                "survey" => &mut g.survey,
                "finding-verb" => &mut g.finding_verb,
                "market" => &mut g.market,
                "verbal-attack" => &mut g.verbal_attack,
                "structure" => &mut g.structure,
                "duty" => &mut g.duty,
                "purchase-verb" => &mut g.purchase_verb,
                "approval" => &mut g.approval,
                "undergone" => &mut g.undergone,
                "no-one" => &mut g.no_one,
                "wreckage" => &mut g.wreckage,
                "trade" => &mut g.trade,
                "verbal-modifier" => &mut g.verbal_modifier,
                "verbal-means" => &mut g.verbal_means,
                "view-noun" => &mut g.view_noun,
                "market-demand" => &mut g.market_demand,
                "own-undertaking" => &mut g.own_undertaking,
                "public-commitment" => &mut g.public_commitment,
                "transaction" => &mut g.transaction,
                "medical" => &mut g.medical,
                "sought-nothing" => &mut g.sought_nothing,
                "gathering" => &mut g.gathering,
                "inference-verb" => &mut g.inference_verb,
                "offer-verb" => &mut g.offer_verb,
                "asking" => &mut g.asking,
                "question-mark" => &mut g.question_mark,
                "money" => &mut g.money,
                other => {
                    problems.push(format!("eventness.tsv:{}: unknown group '{other}'", i + 1));
                    continue;
                }
            };
            let upper = group == "armed-sector";
            set.extend(words.split(',').map(str::trim).filter(|w| !w.is_empty()).map(|w| if upper { w.to_uppercase() } else { w.to_lowercase() }));
        }
        (g, problems)
    }
}

static GROUPS: LazyLock<Groups> = LazyLock::new(|| Groups::parse(EVENTNESS_TSV).0);

/// A parsed sentence's tree with the coder's context, for one trigger.
struct View<'c, 'a> {
    ctx: &'c Ctx<'a>,
    tree: &'c Tree<'a>,
}

/// Why a trigger the other rules kept is still no event, or None. Reads the
/// tree only: an unparsed sentence gives None.
pub(super) fn no_event(ctx: &Ctx, entry: &TriggerEntry, trig: &Trig, actors: &[EventArg], recipients: &[EventArg]) -> Option<String> {
    let (view, head) = View::at_trigger(ctx, trig)?;
    let tree = view.tree;
    let verb = tree.upos(head) == Some(Upos::Verb);
    if !actors.iter().chain(recipients).any(|a| view.political(a)) {
        if let Some(why) = view.sport() {
            return Some(why);
        }
    }
    if let Some(why) = view.document_content(head) {
        return Some(why);
    }
    if !verb {
        if let Some(why) = view.part_of_a_name(head) {
            return Some(why);
        }
    }
    if entry.event_type == PloverType::Sanction {
        if let Some(why) = view.own_undertaking_halted(head, verb, trig) {
            return Some(why);
        }
    }
    if !verb && entry.event_type == PloverType::Request {
        if let Some(why) = view.market_demand(head) {
            return Some(why);
        }
    }
    if !verb && actors.is_empty() {
        let why = match entry.event_type {
            PloverType::Threaten => view.danger_to(head),
            PloverType::Support => view.public_approval(head),
            PloverType::Accuse => view.undergone_criticism(head),
            // "came under attack for sanctioning …": blamed for a deed, the attack is words
            PloverType::Assault if blamed_for_doing(ctx, trig) => view.undergone_criticism(head),
            _ => None,
        };
        if why.is_some() {
            return why;
        }
    }
    if matches!(entry.event_type, PloverType::Aid | PloverType::Retreat) {
        if let Some(why) = view.saved_from_wreckage(head) {
            return Some(why);
        }
    }
    // "Obama, who has been criticised for his approach", "the ship has been blamed
    // for the spike": criticism or blame with no critic named
    // ("China has been accused of not doing enough": an accusation of conduct in the present
    // perfect with no accuser is one that stands, not one made on an occasion; "has been
    // accused of fraud" may be a charge)
    let perfect = tree.children(head).into_iter().any(|a| tree.base_rel(a) == "aux" && view.lemma(a) == "have");
    let of_conduct = tree.children(head).into_iter().any(|c| tree.xpos(c) == "VBG" && tree.children(c).into_iter().any(|m| matches!(tree.base_rel(m), "mark" | "case") && view.lemma(m) == "of"));
    let standing = view.lemma(head) == "accuse" && perfect && of_conduct;
    let criticism = entry.event_type == PloverType::Accuse && (entry.mode.as_deref() == Some("disapprove") || view.lemma(head) == "blame" || standing);
    // ("criticized by some": an indefinite pronoun names no critic)
    let no_critic = || tree.agents(head).into_iter().all(|a| GROUPS.no_one.contains(&view.lemma(a)));
    if criticism && verb && actors.is_empty() && tree.is_passive(head) && no_critic() {
        return Some(format!("'{}' with no critic named is a state of opinion", tree.word(head)));
    }
    // "the government is to blame", told by no one but the writer: an opinion
    if verb && actors.is_empty() && arguments::be_to_blame(tree, head) && !tree.ancestors(head).into_iter().take(6).any(|a| arguments::is_reporting(tree.lemma(a))) {
        return Some(format!("'is to {}' with no one saying so is an opinion", tree.word(head)));
    }
    // "the slick is spreading, threatening the coast": a threat no one makes is a danger
    if entry.event_type == PloverType::Threaten && verb && actors.is_empty() && !tree.is_passive(head) {
        return Some(format!("'{}' with no one threatening is a danger, not a threat made", tree.word(head)));
    }
    if let Some(why) = view.poll_finding(head) {
        return Some(why);
    }
    if let Some(why) = view.readiness(head) {
        return Some(why);
    }
    if entry.event_type == PloverType::Assault {
        if let Some(why) = view.dispute_without_arms(head, trig, actors, recipients) {
            return Some(why);
        }
    }
    if matches!(entry.event_type, PloverType::Assault | PloverType::Coerce | PloverType::Threaten) && verb {
        if let Some(why) = view.acts_on_matter(head, trig) {
            return Some(why);
        }
    }
    if matches!(entry.event_type, PloverType::Assault | PloverType::Coerce) && verb {
        if let Some(why) = view.pelted_with_words(head) {
            return Some(why);
        }
    }
    if entry.event_type == PloverType::Request && verb {
        if let Some(why) = view.question(head, actors).or_else(|| view.seeking_nothing(head)) {
            return Some(why);
        }
    }
    if verb {
        if let Some(why) = view.stance_modifier(head) {
            return Some(why);
        }
    }
    if entry.event_type == PloverType::Mobilize && verb {
        if let Some(why) = view.reinforcing_a_view(head) {
            return Some(why);
        }
    }
    if entry.event_type == PloverType::Request {
        let goods = if verb { view.ordering_goods(head) } else { view.order_of_goods(head) };
        if let Some(why) = goods {
            return Some(why);
        }
    }
    if entry.event_type == PloverType::Accuse && verb {
        if let Some(why) = view.charged_with_a_duty(head) {
            return Some(why);
        }
    }
    if entry.event_type == PloverType::Accuse && !verb {
        if let Some(why) = view.charge_of_money(head) {
            return Some(why);
        }
    }
    if entry.mode.as_deref() == Some("investigate") {
        if let Some(why) = view.investigates_things(head) {
            return Some(why);
        }
    }
    if matches!(entry.event_type, PloverType::Consult | PloverType::Request) {
        if let Some(why) = view.journalists_only(actors) {
            return Some(why);
        }
    }
    if entry.event_type == PloverType::Request {
        if let Some(why) = view.resolve_not_demand(head).or_else(|| view.own_duty(head, actors)).or_else(|| view.duty_of_no_one(head)) {
            return Some(why);
        }
    }
    if entry.mode.as_deref() == Some("demo") {
        if let Some(why) = view.market_move(head, actors) {
            return Some(why);
        }
    }
    if entry.event_type == PloverType::Consult && verb {
        if let Some(why) = view.monologue(head) {
            return Some(why);
        }
    }
    if entry.event_type == PloverType::Agree && verb {
        if let Some(why) = view.agreeing_with_a_view(head).or_else(|| view.offering_a_view(head)) {
            return Some(why);
        }
    }
    if verb {
        if let Some(why) = view.knowing_a_fact(head).or_else(|| view.asked_whether(head)) {
            return Some(why);
        }
    }
    if entry.mode.as_deref() == Some("visit") {
        if let Some(why) = view.private_visit(head, verb).or_else(|| verb.then(|| view.hosting_a_thing(head)).flatten()) {
            return Some(why);
        }
    }
    if verb {
        if let Some(why) = view.inference(head) {
            return Some(why);
        }
    }
    if entry.frame.verb {
        if let Some(why) = view.adjective(head) {
            return Some(why);
        }
    }
    if verb {
        view.inanimate_agent(head).or_else(|| view.happening_participle(head))
    } else {
        view.bodily_condition(head).or_else(|| view.abstract_of(head))
    }
}

/// True for the light stem of a violence word that also means harsh words
/// (`verbal-attack`).
pub(super) fn is_verbal_attack(stem: &str) -> bool {
    GROUPS.verbal_attack.contains(stem)
}

/// True when the trigger verb's object, or the noun after an attack noun's
/// "on", is a building or other physical target (`structure`: "attacked the
/// embassy", "an attack on a police station").
pub(super) fn attacks_a_structure(ctx: &Ctx, trig: &Trig) -> bool {
    let Some((view, head)) = View::at_trigger(ctx, trig) else { return false };
    let tree = view.tree;
    let on = tree.obliques(head).into_iter().filter(|(c, _)| c.eq_ignore_ascii_case("on")).map(|(_, n)| n);
    tree.patients(head).into_iter().chain(on).any(|o| GROUPS.structure.contains(&view.lemma(o)) || GROUPS.inanimate.contains(&view.lemma(o)))
}

/// True when the trigger, or the verb it is the object of, gives a reason as
/// a gerund after "for" ("faced attacks for failing to act", "attacked him
/// for ignoring the warnings"): what one is blamed for doing.
pub(super) fn blamed_for_doing(ctx: &Ctx, trig: &Trig) -> bool {
    let Some((view, head)) = View::at_trigger(ctx, trig) else { return false };
    let tree = view.tree;
    // "faced attacks for …", "came under attack for …": the reason may hang on that verb
    let under = tree.base_rel(head) == "obl" && tree.case_of(head).is_some_and(|c| c.eq_ignore_ascii_case("under"));
    let governor = tree.head(head).filter(|_| matches!(tree.base_rel(head), "obj" | "nsubj") || under);
    let reason = |c: usize| tree.xpos(c) == "VBG" && tree.children(c).into_iter().any(|m| matches!(tree.base_rel(m), "mark" | "case") && view.lemma(m) == "for");
    std::iter::once(head).chain(governor).any(|h| tree.children(h).into_iter().any(reason))
}

/// True when the trigger noun has an adjective of words (`verbal-modifier`:
/// "highly personal attacks", "a scathing attack").
pub(super) fn worded_attack(ctx: &Ctx, trig: &Trig) -> bool {
    let Some((view, head)) = View::at_trigger(ctx, trig) else { return false };
    let tree = view.tree;
    view.noun(head) && tree.children(head).into_iter().any(|c| tree.base_rel(c) == "amod" && GROUPS.verbal_modifier.contains(&view.lemma(c)))
}

/// True when the attack is made by speaking: its verb has a gerund after
/// "by" of a verb of speech (`verbal-means`: "attacked BP by accusing it of
/// taking shortcuts").
pub(super) fn worded_means(ctx: &Ctx, trig: &Trig) -> bool {
    let Some((view, head)) = View::at_trigger(ctx, trig) else { return false };
    let tree = view.tree;
    tree.children(head).into_iter().any(|c| {
        tree.xpos(c) == "VBG" && GROUPS.verbal_means.contains(&view.lemma(c)) && tree.children(c).into_iter().any(|m| matches!(tree.base_rel(m), "mark" | "case") && view.lemma(m) == "by")
    })
}

/// True for a lemma of a document or of a thing that does not act
/// (`document`, `inanimate`): "released an internal BP document" acts on no party.
pub(super) fn is_thing(lemma: &str) -> bool {
    let l = lemma.to_lowercase();
    GROUPS.document.contains(&l) || GROUPS.inanimate.contains(&l)
}

/// True when the place mention whose span is `span` is compounded with a
/// document or a thing ("the Geneva protocol calls for …", "the Kyoto treaty
/// requires …", "the Texas refinery"): the place names the thing, or where
/// it is or was signed; it does not act through it.
pub(super) fn place_naming_a_thing(ctx: &Ctx, span: Span) -> bool {
    let Some(tree) = ctx.tree.as_ref() else { return false };
    let Some(&(_, _, e)) = ctx.ments.iter().find(|(m, _, _)| m.span == span) else { return false };
    let Some(last) = e.checked_sub(1).and_then(|i| ctx.doc_token(i)) else { return false };
    tree.base_rel(last) == "compound" && tree.head(last).is_some_and(|h| tree.upos(h) == Some(Upos::Noun) && is_thing(tree.lemma(h)))
}

/// "Obama welcomed the news", "welcomed the committee's report", "gave a
/// cautious welcome": a welcome whose object (or, for the noun, whose 'to'
/// and 'for' phrases) names no party welcomes a thing — approval — not a
/// visitor ("welcomed Calderon to Washington" hosts).
pub(super) fn welcomes_a_thing(ctx: &Ctx, trig: &Trig) -> bool {
    let Some((view, head)) = View::at_trigger(ctx, trig) else { return false };
    let tree = view.tree;
    if !view.lemma(head).starts_with("welcom") {
        return false;
    }
    // the object's head: a common noun of no party ("the committee's report" welcomes the report)
    let thing = |n: usize| view.noun(n) && view.mention_at(n).is_none() && !arguments::party_noun(tree.lemma(n)) && arguments::agent_sector(tree.lemma(n)).is_none();
    if view.noun(head) {
        // the noun's own 'to'/'for' phrase, or its light verb's ("gave a warm welcome on Thursday to X")
        let light = tree.head(head).filter(|_| tree.base_rel(head) == "obj");
        let parties = std::iter::once(head)
            .chain(light)
            .flat_map(|h| tree.obliques(h))
            .filter(|(c, _)| matches!(c.to_lowercase().as_str(), "to" | "for"))
            .any(|(_, n)| view.names_party(n));
        return !parties;
    }
    let objects = tree.objects(head);
    !objects.is_empty() && objects.iter().all(|&o| thing(o))
}

/// "dismissed the tests as a PR stunt", "dismissed as stupid comments by
/// X": a refusal word (`characterising` in `eventness.tsv`) in the active
/// with an "as" after it in its phrase says what the thing dismissed is — a
/// judgement on whoever made or did it (PLOVER's ACCUSE, disapprove), not a
/// refusal of a proposal ("dismissed the proposal"). In the passive it is a
/// firing ("was dismissed as chairman").
pub(super) fn dismissed_as(ctx: &Ctx, trig: &Trig) -> bool {
    let Some((view, head)) = View::at_trigger(ctx, trig) else { return false };
    let tree = view.tree;
    if !GROUPS.characterising.contains(&view.lemma(head)) || tree.is_passive(head) || view.noun(head) {
        return false;
    }
    tree.subtree(head).into_iter().any(|k| k > head && tree.word(k).eq_ignore_ascii_case("as"))
}

/// True when the trigger's head is a verb or noun of a commitment or a
/// concession (`public-commitment`: "pledged", "agreed", "apologized",
/// "accepts the blame"), which a company makes to the public when it names
/// no one it is made to — not one to a deal among firms (`transaction`:
/// "agreed to sell its stake").
pub(super) fn commitment_word(ctx: &Ctx, trig: &Trig) -> bool {
    let Some((view, head)) = View::at_trigger(ctx, trig) else { return false };
    let deal = view.tree.children_with(head, "xcomp").into_iter().any(|x| GROUPS.transaction.contains(&view.lemma(x)));
    GROUPS.public_commitment.contains(&view.lemma(head)) && !deal
}

/// "China banned imports of pork from Mexico", "import bans on live pigs":
/// a ban on trade or travel (`trade`) — the object of the verb, or the
/// noun's 'on'/'of' phrase or compound — cuts relations with the country it
/// comes from or goes to: PLOVER's SANCTION (embargo), not COERCE.
pub(super) fn bans_trade(ctx: &Ctx, trig: &Trig) -> bool {
    let Some((view, head)) = View::at_trigger(ctx, trig) else { return false };
    let tree = view.tree;
    let traded = |n: usize| GROUPS.trade.contains(&view.lemma(n));
    if view.noun(head) {
        let phrase = tree.obliques(head).into_iter().filter(|(c, _)| matches!(c.to_lowercase().as_str(), "on" | "of")).any(|(_, n)| traded(n));
        let compound = tree.children(head).into_iter().any(|c| tree.base_rel(c) == "compound" && traded(c));
        return phrase || compound;
    }
    tree.patients(head).into_iter().any(traded)
}

/// True for a CAMEO sector of armed actors (`armed-sector`), by its first three letters.
pub(super) fn is_armed_sector(sector: &str) -> bool {
    GROUPS.armed_sectors.contains(&sector[..sector.len().min(3)])
}

impl<'c, 'a> View<'c, 'a> {
    /// The view of a parsed sentence and its trigger's head word, or None
    /// when the sentence has no parse.
    fn at_trigger(ctx: &'c Ctx<'a>, trig: &Trig) -> Option<(Self, usize)> {
        let view = View { ctx, tree: ctx.tree.as_ref()? };
        let head = view.trigger_head(trig)?;
        Some((view, head))
    }

    /// The trigger's head word in the tree: the one whose head lies outside
    /// the trigger's words.
    fn trigger_head(&self, trig: &Trig) -> Option<usize> {
        let toks = self.trigger_tokens(trig);
        toks.iter().copied().find(|&t| self.tree.head(t).is_none_or(|h| !toks.contains(&h))).or(toks.first().copied())
    }

    /// The tree tokens of the trigger's words.
    fn trigger_tokens(&self, trig: &Trig) -> Vec<usize> {
        (trig.start..trig.end).filter_map(|i| self.ctx.doc_token(i)).collect()
    }

    fn lemma(&self, t: usize) -> String {
        self.tree.lemma(t).to_lowercase()
    }

    fn noun(&self, t: usize) -> bool {
        self.tree.upos(t) == Some(Upos::Noun)
    }

    /// The mention covering doc token `t`, if any.
    fn mention_at(&self, t: usize) -> Option<&chronicle_core::Mention> {
        let s = self.ctx.doc.tokens.get(t)?.span;
        self.ctx.ments.iter().find(|(m, _, _)| m.span.start() <= s.start() && s.end() <= m.span.end()).map(|(m, _, _)| *m)
    }

    /// True when the phrase headed by `n` names a party: a mention in it (its
    /// relative clauses aside), a noun of a person or group, or a personal pronoun.
    fn names_party(&self, n: usize) -> bool {
        let t = self.tree;
        let phrase: Vec<usize> = t.subtree(n).into_iter().filter(|&x| !t.ancestors(x).iter().take_while(|&&a| a != n).any(|&a| t.base_rel(a) == "acl")).collect();
        phrase.iter().any(|&x| self.mention_at(x).is_some()) || arguments::party_noun(t.lemma(n)) || (t.upos(n) == Some(Upos::Pron) && !self.relative(n))
    }

    /// True when a side is coded with a political sector or an international code.
    fn political(&self, a: &EventArg) -> bool {
        arguments::standing(a.country.as_deref(), a.sector.as_deref(), false, None) == arguments::Standing::Political
    }

    /// True when `a` names a state (a country, or a capital standing for its
    /// government) or a people named by its nationality ("Armenians").
    fn state(&self, a: &EventArg) -> bool {
        let Some(sp) = a.span else { return false };
        let known = |name: &str| {
            let name = name.to_lowercase();
            self.ctx.countries.contains_key(&name) || self.ctx.capitals.contains(&name)
        };
        let body = self.ctx.body;
        self.ctx.ments.iter().any(|(m, _, _)| {
            let surface = m.span.text(body);
            let inside = m.span.start() <= sp.start() && sp.end() <= m.span.end();
            let state = m.entity_type == chronicle_core::EntityType::Location && (known(&m.canonical) || known(surface) || known(&a.name));
            let people = m.entity_type == chronicle_core::EntityType::Group && m.country.is_some() && surface.ends_with('s');
            inside && (state || people)
        })
    }

    fn relative(&self, n: usize) -> bool {
        matches!(self.tree.xpos(n), "WDT" | "WP") || (self.tree.upos(n) == Some(Upos::Pron) && self.lemma(n) == "that")
    }

    /// Who acts in verb `v`: its agents when passive, else its subjects (a
    /// relative pronoun standing for the noun its clause modifies); an active
    /// participle modifying a noun with no subject of its own acts through that
    /// noun ("the oil leak threatening the coast").
    fn agents(&self, v: usize) -> Vec<usize> {
        let t = self.tree;
        if t.is_passive(v) {
            return t.agents(v);
        }
        let own: Vec<usize> = t.children(v).into_iter().filter(|&c| t.base_rel(c) == "nsubj").flat_map(|s| t.with_conjuncts(s)).collect();
        let subjects = if own.is_empty() && t.deprel(v) != "acl" { t.subjects(v) } else { own };
        if subjects.is_empty() {
            return match (t.deprel(v), t.head(v)) {
                ("acl", Some(h)) if t.xpos(v) == "VBG" => t.with_conjuncts(h),
                _ => Vec::new(),
            };
        }
        let modified = t.head(v).filter(|_| t.deprel(v) == "acl:relcl");
        subjects.into_iter().map(|s| if self.relative(s) { modified.unwrap_or(s) } else { s }).collect()
    }

    /// "the rig exploded April 20, killing 11 workers": an active participle
    /// with no subject of its own, in the clause of a verb of happening, tells
    /// what the happening did — unless a weapon is what happened.
    fn happening_participle(&self, v: usize) -> Option<String> {
        let t = self.tree;
        let own = t.children(v).into_iter().any(|c| t.base_rel(c) == "nsubj");
        let h = t.head(v).filter(|_| !own && t.xpos(v) == "VBG" && matches!(t.base_rel(v), "advcl" | "xcomp" | "conj"))?;
        // the clause's verb, or one the parser hung beside it before the participle
        let beside = t.children(h).into_iter().filter(|&c| c < v && matches!(t.base_rel(c), "xcomp" | "conj"));
        // ... or the time clause right before it ("was operating the rig when it exploded,
        // killing 11": a participle tells what the clause just before it did)
        let before = t.children(h).into_iter().filter(|&c| c < v && t.base_rel(c) == "advcl" && t.base_rel(v) == "advcl").max();
        let beside = beside.chain(before);
        // ... or a verb whose subject is a happening or a thing ("a blast
        // triggered a huge spill, threatening the fisheries")
        let thing = |x: usize| {
            let subjects = t.subjects(x);
            !subjects.is_empty() && subjects.iter().all(|&n| self.noun(n) && (arguments::is_happening(t.lemma(n)) || GROUPS.inanimate.contains(&self.lemma(n))))
        };
        let happening = std::iter::once(h).chain(beside).find(|&x| GROUPS.happening_verbs.contains(&self.lemma(x)) || thing(x))?;
        // "a bomb exploded in the market, killing five" is an attack
        let weapon = t.subjects(happening).into_iter().flat_map(|s| t.subtree(s)).any(|x| arguments::is_violence(&self.lemma(x)) && t.upos(x) != Some(Upos::Pron));
        (!weapon).then(|| format!("'{}' tells what '{}' (a happening) did", t.word(v), t.word(happening)))
    }

    /// "As an industry, we must rebuild trust", "we must be vigilant": a
    /// modal of obligation whose subject is the speakers themselves is a
    /// resolve, not a demand on anyone.
    fn resolve_not_demand(&self, head: usize) -> Option<String> {
        let t = self.tree;
        if !matches!(self.lemma(head).as_str(), "must" | "should") {
            return None;
        }
        let verb = t.head(head)?;
        let subjects = t.subjects(verb);
        let ourselves = !subjects.is_empty() && subjects.iter().all(|&s| matches!(self.lemma(s).as_str(), "we" | "i" | "us"));
        ourselves.then(|| format!("'{} {}' by the speakers themselves is a resolve", t.word(subjects[0]), t.word(head)))
    }

    /// "Obama talks after touring the centre", "talking on Meet the Press",
    /// "talking through both sides of his mouth": one side talking or
    /// speaking with no one it talks with or to is speech, not a consultation;
    /// so is one side discussing a matter with no one ("the coast guard
    /// official has been discussing the plan"), and so is talking a thing
    /// down or up, by anyone ("officials tried to talk down the risk").
    fn monologue(&self, v: usize) -> Option<String> {
        let t = self.tree;
        let discuss = self.lemma(v) == "discuss";
        if !matches!(self.lemma(v).as_str(), "talk" | "speak") && !discuss {
            return None;
        }
        // one who discusses is named as the verb's own subject: "to discuss"
        // after a meeting, or "was discussed", is the meeting's talk
        if discuss && (t.is_passive(v) || t.subjects(v).is_empty()) {
            return None;
        }
        // "talk down the implications", "talked up its chances": talking a thing
        // down or up makes it smaller or bigger in words, with whoever speaks
        if let Some(p) = t.children(v).into_iter().find(|&c| t.deprel(c) == "compound:prt" && matches!(self.lemma(c).as_str(), "down" | "up")) {
            return Some(format!("'{} {}' plays a thing down or up in words, no talks", t.word(v), t.word(p)));
        }
        let with = t.obliques(v).into_iter().any(|(c, _)| matches!(c.to_lowercase().as_str(), "with" | "to" | "between" | "among"));
        let subjects = t.subjects(v);
        let together = subjects.iter().any(|&s| t.with_conjuncts(s).len() > 1 || matches!(t.xpos(s), "NNS" | "NNPS")) || subjects.iter().any(|&s| self.lemma(s) == "they");
        (!with && !together && !t.objects(v).iter().any(|&o| self.names_party(o))).then(|| format!("'{}' with no one talked with is speech", t.word(v)))
    }

    /// "Henrik Hansen of the World Food Programme agrees.": agreeing with no
    /// object, clause, infinitive or phrase of what is agreed, by one side, is
    /// sharing a view, not agreeing to anything; so is one side agreeing that
    /// a fact holds (a that-clause in the indicative with no modal), or
    /// agreeing with a person or a view on nothing ("Frieden agreed with
    /// Schuchat").
    fn agreeing_with_a_view(&self, v: usize) -> Option<String> {
        let t = self.tree;
        if self.lemma(v) != "agree" {
            return None;
        }
        let complement = t.children(v).into_iter().any(|c| matches!(t.base_rel(c), "obj" | "xcomp" | "ccomp" | "obl" | "iobj"));
        // several sides: coordinated, plural, or a plural pronoun ("we have agreed with the president …")
        let together = t.subjects(v).into_iter().any(|s| t.with_conjuncts(s).len() > 1 || matches!(t.xpos(s), "NNS" | "NNPS") || matches!(self.lemma(s).as_str(), "we" | "they"));
        // "Smith agreed that the media has to balance …": one side agreeing that
        // a fact holds shares a view; a clause right after the verb, so that a
        // clause the parser hung on it from further away is not read as one
        // ("the government agreed, and its man …"); two sides agreeing that
        // something holds speak together
        // "Frieden agreed with Schuchat", "a report agreeing with BP's findings": agreeing with a
        // person or a view, and on nothing, is concurring ("Oman agreed with Iran" may be a deal)
        let obliques = t.obliques(v);
        let with_only = !obliques.is_empty() && obliques.iter().all(|(c, _)| c.eq_ignore_ascii_case("with"));
        let concurred = obliques.iter().all(|&(_, n)| match self.mention_at(n) {
            Some(m) => m.entity_type == chronicle_core::EntityType::Person,
            None => !arguments::party_noun(t.lemma(n)),
        });
        let object = t.children(v).into_iter().any(|c| matches!(t.base_rel(c), "obj" | "xcomp" | "ccomp" | "iobj"));
        if with_only && concurred && !object && !together {
            return Some(format!("'{}' with someone and on nothing concurs, it agrees to nothing", t.word(v)));
        }
        let next_clause = t.children_with(v, "ccomp").into_iter().any(|c| t.tokens().skip_while(|&x| x <= v).take(3).any(|x| x == c || (t.head(x) == Some(c) && t.base_rel(x) == "mark")));
        if let (false, true, Some(fact)) = (together, next_clause, arguments::clause_of_fact(t, v, false)) {
            return Some(format!("{fact}: a view shared"));
        }
        (!complement && !together && t.deprel(v) != "acl:relcl").then(|| format!("'{}' with nothing agreed to shares a view", t.word(v)))
    }

    /// "not ready to declare a pandemic", "ready to build barriers", "boom ready to
    /// go": 'ready to' offers an act only when the act is one done for or with
    /// another (`offer-verb`: "ready to help Haiti", "ready to talk"); with any
    /// other verb it tells a readiness or a state.
    fn readiness(&self, head: usize) -> Option<String> {
        let t = self.tree;
        if self.lemma(head) != "ready" {
            return None;
        }
        let act = t.children_with(head, "xcomp").into_iter().find(|&c| t.has_mark(c, "to"))?;
        (!GROUPS.offer_verb.contains(&self.lemma(act))).then(|| format!("'ready to {}' tells a readiness, not an offer", t.word(act)))
    }

    /// "a new poll found that most Americans still support offshore
    /// drilling", "the survey shows voters blame the government": what a
    /// poll or survey (`survey`) finds (`finding-verb`) is opinion counted,
    /// not an act.
    fn poll_finding(&self, head: usize) -> Option<String> {
        let t = self.tree;
        let clause = t.ancestors(head).into_iter().find(|&c| t.base_rel(c) == "ccomp")?;
        let verb = t.head(clause)?;
        if !GROUPS.finding_verb.contains(&self.lemma(verb)) {
            return None;
        }
        let poll = t.subjects(verb).into_iter().find(|&s| GROUPS.survey.contains(&self.lemma(s)))?;
        Some(format!("what a {} {} is opinion counted, not an act", t.word(poll), t.word(verb)))
    }

    /// "the spokesman was bombarded with questions", "hit with a flood of
    /// complaints": violence whose instrument ("with" phrase) is words
    /// (`speech-noun`) is a figure of speech.
    fn pelted_with_words(&self, v: usize) -> Option<String> {
        let t = self.tree;
        let words = t.obliques(v).into_iter().find(|&(c, n)| {
            let of_words = |x: usize| self.noun(x) && GROUPS.speech_noun.contains(&self.lemma(x));
            // "a flood of complaints": the measure's "of" noun is the instrument
            c.eq_ignore_ascii_case("with") && (of_words(n) || t.obliques(n).into_iter().any(|(c2, m)| c2.eq_ignore_ascii_case("of") && of_words(m)))
        });
        words.map(|(_, n)| format!("'{}' with '{}': words, a figure of speech", t.word(v), t.word(n)))
    }

    /// "Obama may be recognizing that accountability breeds trust",
    /// "environmentalists would have to accept the prospect of drilling",
    /// "the WHO recognized the epidemic": a verb that also means knowing or
    /// admitting (`cognition`) with a clause, a fact noun (`fact`) or a
    /// happening as what is recognised or accepted states what someone
    /// knows, not an act toward a party ("recognized Kosovo", "accepted the
    /// offer" stay events).
    fn knowing_a_fact(&self, v: usize) -> Option<String> {
        let t = self.tree;
        if !GROUPS.cognition.contains(&self.lemma(v)) {
            return None;
        }
        let clause = t.children(v).into_iter().find(|&c| t.base_rel(c) == "ccomp");
        let fact = t.objects(v).into_iter().find(|&o| {
            let l = self.lemma(o);
            self.noun(o) && self.mention_at(o).is_none() && (GROUPS.fact.contains(&l) || arguments::is_happening(&l))
        });
        clause
            .or(fact)
            .map(|c| format!("'{} … {}' states what is known, not an act", t.word(v), t.word(c)))
    }

    /// "BBC presenter William Crawley discusses …", "a reporter asks …": a
    /// consultation or request whose every actor is a journalist (a media
    /// sector, or a journalist noun naming it) is reporting, not an act
    /// between political actors.
    fn journalists_only(&self, actors: &[EventArg]) -> Option<String> {
        let t = self.tree;
        let journalist = |a: &EventArg| {
            if a.sector.as_deref() == Some("MED") {
                return true;
            }
            let Some(sp) = a.span else { return false };
            t.tokens().any(|x| {
                let s = self.ctx.doc.tokens[x].span;
                let inside = sp.start() <= s.start() && s.end() <= sp.end();
                // "BBC presenter William Crawley": a title word compounded with the name
                let near = t.head(x).is_some_and(|h| {
                    let hs = self.ctx.doc.tokens[h].span;
                    sp.start() <= hs.start() && hs.end() <= sp.end() && matches!(t.base_rel(x), "compound" | "appos")
                });
                (inside || near) && GROUPS.journalist.contains(&self.lemma(x))
            })
        };
        (!actors.is_empty() && actors.iter().all(journalist)).then(|| format!("'{}' is a journalist: reporting, no act", actors[0].name))
    }

    /// "felt free to criticise", "areas close to the border": a verb trigger
    /// the tagger reads as a plain adjective names a quality, not an act (a
    /// participle in -ed, "the detained journalists", is left to the other rules).
    fn adjective(&self, head: usize) -> Option<String> {
        let t = self.tree;
        let word = t.word(head).to_lowercase();
        let plain = t.upos(head) == Some(Upos::Adj) && t.xpos(head).starts_with("JJ") && !word.ends_with("ed");
        plain.then(|| format!("'{word}' is an adjective here: a quality, no act"))
    }

    /// "charts and diagrams … suggest", "the pandemic that killed 40
    /// million", "the oil leak threatening the coast": every agent of the verb
    /// is a thing or a happening, whatever names modify it.
    fn inanimate_agent(&self, v: usize) -> Option<String> {
        let agents = self.agents(v);
        let things = !agents.is_empty()
            && agents.iter().all(|&a| {
                let l = self.lemma(a);
                self.noun(a) && (GROUPS.inanimate.contains(&l) || arguments::is_happening(&l))
            });
        things.then(|| format!("'{}' is done by '{}', a thing or a happening: no one acts", self.tree.word(v), self.tree.word(agents[0])))
    }

    /// "an uphill battle to restore its reputation", "BP's fight to contain",
    /// "in fight with Obama": a word naming a dispute as well as violence is
    /// violence only with an armed side (a coded armed sector, or an agent
    /// noun of one), two states as its sides, or a word of violence elsewhere
    /// in the sentence.
    fn dispute_without_arms(&self, head: usize, trig: &Trig, actors: &[EventArg], recipients: &[EventArg]) -> Option<String> {
        let t = self.tree;
        let g = &*GROUPS;
        let word = t.word(head).to_lowercase();
        // the noun "fighting" ("heavy fighting near the border") names combat only
        let combat = word == "fighting" && self.noun(head);
        if combat || (!g.dispute.contains(&self.lemma(head)) && !g.dispute.contains(&word)) {
            return None;
        }
        let armed_arg = actors.iter().chain(recipients).any(|a| a.sector.as_deref().is_some_and(is_armed_sector));
        // "Greece waged a battle against Turkey", "clashes between Azeris and
        // Armenians": a fight between states or peoples is war
        let mut states: Vec<&str> = actors.iter().chain(recipients).filter(|a| self.state(a)).map(|a| a.name.as_str()).collect();
        states.dedup();
        if armed_arg || states.len() >= 2 {
            return None;
        }
        let trigger = self.trigger_tokens(trig);
        let violence = t.tokens().filter(|x| !trigger.contains(x) && t.upos(*x) != Some(Upos::Pron)).any(|x| {
            let (l, w) = (self.lemma(x), t.word(x).to_lowercase());
            let dispute = g.dispute.contains(&l) || g.dispute.contains(&w);
            let armed = arguments::agent_sector(&l).is_some_and(|s| g.armed_sectors.contains(s));
            !dispute && (arguments::is_violence(&l) || arguments::is_violence(&w) || armed)
        });
        (!violence).then(|| format!("'{}' with no armed side and no violence named is a dispute, not an attack", t.word(head)))
    }

    /// "BP … captures some oil and gas", "seize personal control of the
    /// effort", "prevent the virus from spreading": an attack, seizure or
    /// restriction whose every object is a substance, a happening or control
    /// of an undertaking takes no person, place or property of an actor.
    fn acts_on_matter(&self, v: usize, trig: &Trig) -> Option<String> {
        let t = self.tree;
        let g = &*GROUPS;
        // the trigger's own words ("opened fire") are no object it acts on
        let own = self.trigger_tokens(trig);
        // "captures some oil": a quantifier the parser made the object stands for its noun
        let objects: Vec<usize> = t
            .patients(v)
            .into_iter()
            .filter(|o| !own.contains(o))
            .map(|o| {
                let nominal = matches!(t.upos(o), Some(Upos::Noun | Upos::Propn | Upos::Pron)) || self.mention_at(o).is_some();
                if nominal { o } else { t.children(o).into_iter().find(|&c| self.noun(c)).unwrap_or(o) }
            })
            .collect();
        // "capture all the oil spewing from the well", parsed as a gerund clause: its subject is acted on
        let objects: Vec<usize> = if objects.is_empty() {
            t.children(v).into_iter().filter(|&c| t.base_rel(c) == "ccomp" && t.xpos(c) == "VBG").flat_map(|c| t.subjects(c)).collect()
        } else {
            objects
        };
        // no object in the tree ("capture as much leaking oil", "shoot drilling mud" with the
        // participle read as a verb): English puts a transitive verb's object right after it,
        // so the first noun before a preposition or a clause boundary is taken
        let objects = if objects.is_empty() { self.next_noun(v).filter(|o| !own.contains(o)).into_iter().collect() } else { objects };
        if objects.is_empty() {
            return None;
        }
        let matter = |o: usize| {
            let l = self.lemma(o);
            if self.mention_at(o).is_some() {
                return false;
            }
            // "to prevent the flu strain from spreading", "halt the spill": a happening is no party
            if g.substance.contains(&l) || arguments::is_happening(&l) {
                return true;
            }
            let of: Vec<usize> = t.obliques(o).into_iter().filter(|(c, _)| c.eq_ignore_ascii_case("of")).map(|(_, n)| n).collect();
            let all_of = |test: &dyn Fn(&str) -> bool| !of.is_empty() && of.iter().all(|&n| self.mention_at(n).is_none() && test(&self.lemma(n)));
            // "record amounts of crude", "three-quarters of the leak": a measure of matter
            let measure = !arguments::party_noun(t.lemma(o)) && all_of(&|nl| g.substance.contains(nl) || arguments::is_happening(nl));
            measure || (g.light.contains(&l) && all_of(&|nl| g.undertaking.contains(nl) || arguments::is_figurative_object(nl)))
        };
        objects.iter().all(|&o| matter(o)).then(|| format!("'{}' acts on '{}', matter or an undertaking, not a party", t.word(v), t.word(objects[0])))
    }

    /// "she said she must continue to manage expectations", "we must do
    /// more": a duty the speakers state for themselves — the one who must act
    /// is a first-person pronoun or a pronoun resolved to the actor — is no
    /// demand on anyone.
    fn own_duty(&self, head: usize, actors: &[EventArg]) -> Option<String> {
        let t = self.tree;
        if t.upos(head) != Some(Upos::Aux) {
            return None;
        }
        let subject = t.subjects(t.head(head)?).into_iter().next()?;
        if t.upos(subject) != Some(Upos::Pron) {
            return None;
        }
        let first_person = matches!(self.lemma(subject).as_str(), "i" | "we");
        let speaker = match self.mention_at(subject) {
            Some(m) => actors.iter().any(|a| a.name == m.canonical),
            // unresolved "he", "she", "it" in a clause reported by the actor:
            // English reads the reporter's subject as its antecedent
            None => matches!(self.lemma(subject).as_str(), "he" | "she" | "it") && self.reported_by_actor(t.head(head)?, actors),
        };
        (first_person || speaker).then(|| format!("'{}' states the speaker's own duty, no demand", t.word(head)))
    }

    /// "those obligations must be met", "every effort must be expended",
    /// "it must be a sizeable number": a "must" whose clause states what is
    /// to be (a copula or "be"/"remain": a view, or a guess) or whose subject
    /// names no party (a thing, in the passive too) asks no one for
    /// anything — an opinion of what should be done — unless the clause is
    /// told to a party ("told the company that every effort must be made").
    fn duty_of_no_one(&self, head: usize) -> Option<String> {
        let t = self.tree;
        if t.upos(head) != Some(Upos::Aux) || self.lemma(head) != "must" {
            return None;
        }
        let v = t.head(head)?;
        // "told the company that every effort must be made": a clause addressed to a party demands of it
        // (the parser may hang the that-clause on the addressee as a relative clause)
        let reporter = match (t.base_rel(v), t.head(v)) {
            ("ccomp", Some(r)) => Some(r),
            ("acl", Some(n)) if t.deprel(v) == "acl:relcl" && t.base_rel(n) == "obj" && t.has_mark(v, "that") => t.head(n),
            _ => None,
        };
        // one tells someone: any nominal object of the reporting verb is the addressee
        let nominal = |o: usize| matches!(t.upos(o), Some(Upos::Noun | Upos::Propn | Upos::Pron));
        let addressed = reporter.is_some_and(|r| t.objects(r).into_iter().chain(t.children_with(r, "iobj")).any(nominal));
        if addressed {
            return None;
        }
        let state = t.children(v).into_iter().any(|c| t.base_rel(c) == "cop") || matches!(self.lemma(v).as_str(), "be" | "remain");
        let subjects = t.subjects(v);
        let nobody = !subjects.is_empty() && subjects.iter().all(|&s| !self.names_party(s) && !self.relative(s));
        (state || nobody).then(|| format!("'{} {}' asks no party for anything", t.word(head), t.word(v)))
    }

    /// True when clause `v` is the complement of a verb whose subject is one of `actors`.
    fn reported_by_actor(&self, v: usize, actors: &[EventArg]) -> bool {
        let t = self.tree;
        let Some(r) = t.head(v).filter(|_| t.base_rel(v) == "ccomp") else { return false };
        let spans: Vec<Span> = t.subjects(r).into_iter().filter_map(|s| self.ctx.doc.tokens.get(s).map(|x| x.span)).collect();
        actors.iter().filter_map(|a| a.span).any(|a| spans.iter().any(|s| a.contains(*s)))
    }

    /// "BP closed higher after rallying 25 percent", "shares rallied": a
    /// company or a market that rallies moves in price; companies hold no
    /// demonstrations. Every actor a business, or the subject a market word.
    fn market_move(&self, head: usize, actors: &[EventArg]) -> Option<String> {
        let t = self.tree;
        let market_subject = t.subjects(head).into_iter().any(|s| GROUPS.market.contains(&self.lemma(s)));
        let businesses = !actors.is_empty() && actors.iter().all(|a| a.sector.as_deref() == Some("BUS"));
        (market_subject || businesses).then(|| format!("'{}' is a move of a price or a company, no demonstration", t.word(head)))
    }

    /// "the US now hosted the largest share of infected computers": hosting
    /// what is neither a party nor a gathering (`gathering`: talks, a summit,
    /// a delegation) receives no one.
    fn hosting_a_thing(&self, v: usize) -> Option<String> {
        let t = self.tree;
        if self.lemma(v) != "host" {
            return None;
        }
        let objects = t.objects(v);
        let things = !objects.is_empty() && objects.iter().all(|&o| self.noun(o) && !self.names_party(o) && !GROUPS.gathering.contains(&self.lemma(o)));
        things.then(|| format!("'{} … {}' hosts a thing, receives no one", t.word(v), t.word(objects[0])))
    }

    /// "BP's willingness to pay suggests that …", "the move signals a shift":
    /// a verb of inference (`inference-verb`) whose subject is a common noun
    /// naming no one (its possessor aside) lets one infer; no one proposes.
    fn inference(&self, v: usize) -> Option<String> {
        let t = self.tree;
        if !GROUPS.inference_verb.contains(&self.lemma(v)) || t.is_passive(v) {
            return None;
        }
        let subjects = t.subjects(v);
        // a party noun covers agents and civilians too
        let abstract_thing = |s: usize| self.noun(s) && self.mention_at(s).is_none() && !arguments::party_noun(t.lemma(s));
        let inferred = !subjects.is_empty() && subjects.iter().all(|&s| abstract_thing(s));
        inferred.then(|| format!("'{} {}' lets one infer, no one proposes", t.word(subjects[0]), t.word(v)))
    }

    /// "lawmakers opposed to wider drilling said …", "with Democrats opposed to
    /// raising the burden": "opposed to" with no form of "be" is a participle
    /// after its noun (one opposes something, never "opposes to" it), however
    /// the parser read it; it names a group by its standing view, no act of
    /// opposing ("Kenya is opposed to the plan" states the view and stays).
    fn stance_modifier(&self, v: usize) -> Option<String> {
        let t = self.tree;
        let next_to = t.tokens().contains(&(v + 1)) && t.word(v + 1).eq_ignore_ascii_case("to");
        if self.lemma(v) != "oppose" || !matches!(t.xpos(v), "VBN" | "VBD") || !next_to {
            return None;
        }
        let be = t.children(v).into_iter().any(|c| matches!(t.base_rel(c), "aux" | "cop") && self.lemma(c) == "be");
        (!be).then(|| format!("'{} to' with no 'be' is a participle naming a view, no act", t.word(v)))
    }

    /// "lawmakers are seeking ways to bring the bill to a vote", "calls
    /// seeking comment": seeking or asking for a way, a means or a comment
    /// (`sought-nothing`) asks no one for anything.
    fn seeking_nothing(&self, v: usize) -> Option<String> {
        let t = self.tree;
        if !matches!(self.lemma(v).as_str(), "seek" | "ask") {
            return None;
        }
        let sought: Vec<usize> = t.objects(v).into_iter().chain(t.obliques(v).into_iter().filter(|(c, _)| c.eq_ignore_ascii_case("for")).map(|(_, n)| n)).collect();
        let nothing = !sought.is_empty() && sought.iter().all(|&o| self.noun(o) && GROUPS.sought_nothing.contains(&self.lemma(o)));
        nothing.then(|| format!("'{} {}' asks no one for anything", t.word(v), t.word(sought[0])))
    }

    /// "the announcement reinforced the views of the survey": reinforcing a
    /// view or an account (`view-noun`) strengthens an opinion, no force.
    fn reinforcing_a_view(&self, v: usize) -> Option<String> {
        let t = self.tree;
        let objects = t.objects(v);
        let views = !objects.is_empty() && objects.iter().all(|&o| self.noun(o) && GROUPS.view_noun.contains(&self.lemma(o)));
        views.then(|| format!("'{} … {}' strengthens an opinion, no force", t.word(v), t.word(objects[0])))
    }

    /// "died from a cardiac arrest", "suffered a heart attack": an event noun
    /// with a `medical` modifier names a condition of the body.
    fn bodily_condition(&self, n: usize) -> Option<String> {
        let t = self.tree;
        let m = t.children(n).into_iter().find(|&c| matches!(t.base_rel(c), "amod" | "compound") && GROUPS.medical.contains(&self.lemma(c)))?;
        Some(format!("'{} {}' is a condition of the body, no act", t.word(m), t.word(n)))
    }

    /// "in order to spare workers": the fixed phrase names no order; "Cipla
    /// has received orders from Mexico", "won a $90 million order": an order
    /// received, won or placed (`purchase-verb`) buys goods, it commands no one.
    fn order_of_goods(&self, n: usize) -> Option<String> {
        let t = self.tree;
        if self.lemma(n) != "order" {
            return None;
        }
        let word = |i: Option<usize>| i.filter(|i| t.tokens().contains(i)).map(|x| t.word(x).to_lowercase());
        if word(n.checked_sub(1)).as_deref() == Some("in") && matches!(word(Some(n + 1)).as_deref(), Some("to" | "that")) {
            return Some("'in order to' is a fixed phrase".into());
        }
        let verb = t.head(n).filter(|_| t.base_rel(n) == "obj").filter(|&v| GROUPS.purchase_verb.contains(&self.lemma(v)))?;
        Some(format!("an order that is {} buys goods, it commands no one", t.word(verb)))
    }

    /// "the government has ordered 227 million face masks": ordering a counted
    /// quantity of things (every object a noun with a number of its own, no
    /// party noun or name, and nothing the object is told to do) buys them;
    /// "ordered 10,000 troops to the border" and "ordered them to leave"
    /// command.
    fn ordering_goods(&self, v: usize) -> Option<String> {
        let t = self.tree;
        if self.lemma(v) != "order" || !t.children_with(v, "xcomp").is_empty() || !t.children_with(v, "ccomp").is_empty() {
            return None;
        }
        // an infinitive anywhere after the verb is what someone is told to do, wherever the
        // parser hung it ("ordered all 125 boats working there to leave")
        let told = t.subtree(v).into_iter().any(|x| x > v && t.upos(x) == Some(Upos::Verb) && t.has_mark(x, "to"));
        if told {
            return None;
        }
        let objects = t.objects(v);
        let counted = |o: usize| self.noun(o) && !t.children_with(o, "nummod").is_empty() && self.mention_at(o).is_none() && !arguments::party_noun(t.lemma(o));
        let first = *objects.first()?;
        objects.iter().all(|&o| counted(o)).then(|| format!("ordering {} {} buys goods, it commands no one", t.word(v), t.word(first)))
    }

    /// "BP took a $32 billion charge", "a 5 percent charge on imports": a
    /// charge of money (a `money` word or symbol among its own modifiers) is a
    /// cost or a fee, not an accusation.
    fn charge_of_money(&self, n: usize) -> Option<String> {
        let t = self.tree;
        if self.lemma(n) != "charge" {
            return None;
        }
        let money = t.children(n).into_iter().flat_map(|c| t.subtree(c)).any(|x| GROUPS.money.contains(&self.lemma(x)) || GROUPS.money.contains(&t.word(x).to_lowercase()));
        money.then(|| format!("'{}' of money is a cost, it accuses no one", t.word(n)))
    }

    /// "the agency charged with regulating the industry", "is charged by the
    /// president with providing recommendations": charged with a duty (a
    /// gerund of `duty`) is tasked, not accused ("charged with murdering" is).
    fn charged_with_a_duty(&self, v: usize) -> Option<String> {
        let t = self.tree;
        if self.lemma(v) != "charge" {
            return None;
        }
        // the gerund marked by "with", on the verb or on its agent ("charged by the president
        // with providing …" hangs it there at times)
        let with = |n: usize| {
            let marked = t.children(n).into_iter().any(|m| matches!(t.base_rel(m), "mark" | "case") && self.lemma(m) == "with");
            let near = t.head(n) == Some(v) || t.head(n).and_then(|h| t.head(h)) == Some(v);
            near && marked && t.upos(n) == Some(Upos::Verb) && GROUPS.duty.contains(&self.lemma(n))
        };
        let duty = t.tokens().filter(|&n| n > v).find(|&n| with(n))?;
        Some(format!("'{} with {}' gives a duty, it accuses no one", t.word(v), t.word(duty)))
    }

    /// "X asked back", "a reporter asked the minister …", "asked him to
    /// explain": asking with nothing asked for, asking by a journalist (a
    /// reporter's question), or asking someone to answer — unless a side
    /// with a country or a political sector asks ("a committee asked the firm
    /// to explain") — is a question.
    fn question(&self, v: usize, actors: &[EventArg]) -> Option<String> {
        let t = self.tree;
        let g = &*GROUPS;
        if self.lemma(v) != "ask" {
            return None;
        }
        let xcomps = t.children_with(v, "xcomp");
        // "for" with or without its noun ("the cash he asked for"); a relative
        // clause's noun is what is asked ("one thing BP asked")
        let asked_for = t.children(v).into_iter().any(|c| self.lemma(c) == "for" || t.children(c).into_iter().any(|m| t.base_rel(m) == "case" && self.lemma(m) == "for"));
        let content = !t.objects(v).is_empty() || !xcomps.is_empty() || !t.children_with(v, "ccomp").is_empty() || asked_for || t.deprel(v) == "acl:relcl";
        if !content && !t.is_passive(v) {
            return Some(format!("'{}' with nothing asked for is a question", t.word(v)));
        }
        // the asker's own words: its head and the "of"/"from" phrase naming its outlet
        let journalist = self.agents(v).into_iter().any(|a| {
            let outlet = t.children(a).into_iter().filter(|&c| t.base_rel(c) == "nmod" && t.case_of(c).is_some_and(|k| matches!(k.to_lowercase().as_str(), "of" | "from")));
            let media = std::iter::once(a).chain(outlet.clone()).any(|x| self.mention_at(x).is_some_and(|m| m.sector.as_deref() == Some("MED")));
            media || std::iter::once(a).chain(outlet).any(|x| g.journalist.contains(&self.lemma(x)))
        });
        if journalist {
            return Some(format!("'{}' by a journalist is a question", t.word(v)));
        }
        // a side with a country, a political sector or an agent noun of one asks
        let coded_asker = self.agents(v).into_iter().any(|a| {
            let sector = arguments::agent_sector(&self.lemma(a)).map(|s| arguments::standing(None, Some(s), false, None) == arguments::Standing::Political);
            sector == Some(true) || t.subtree(a).into_iter().any(|x| self.mention_at(x).is_some_and(|m| m.country.is_some()))
        });
        if coded_asker || actors.iter().any(|a| a.country.is_some() || self.political(a)) {
            return None;
        }
        let answer = xcomps.iter().find(|&&x| g.question.contains(&self.lemma(x)));
        answer.map(|&x| format!("'{}' someone to '{}' is a question", t.word(v), t.word(x)))
    }

    /// "Authorities were probing whether tar balls … came from the spill",
    /// "suspected cases are being investigated": what is investigated (the
    /// object, the passive subject, or the subject of a whether-clause)
    /// names no party nor anything someone is to blame for.
    fn investigates_things(&self, v: usize) -> Option<String> {
        let t = self.tree;
        let mut investigated = if self.noun(v) { Vec::new() } else { t.patients(v) };
        if self.noun(v) {
            // "cases are under investigation": the subject of the clause it
            // is the oblique of
            // is what is investigated ("an investigation into the explosion"
            // is one of the parties to blame, and stays)
            let under = t.case_of(v).is_some_and(|c| c.eq_ignore_ascii_case("under"));
            let own = t.subjects(v);
            investigated = match t.head(v) {
                _ if under && !own.is_empty() => own,
                Some(h) if under => t.subjects(h),
                _ => Vec::new(),
            };
        } else if investigated.is_empty() {
            let clauses = t.children(v).into_iter().filter(|&c| matches!(t.base_rel(c), "ccomp" | "advcl"));
            let whether = clauses.filter(|&c| t.children_with(c, "mark").into_iter().any(|m| matches!(self.lemma(m).as_str(), "whether" | "if")));
            investigated = whether.flat_map(|c| t.subjects(c)).collect();
        }
        // "investigating potential criminal violations", "the causes of the
        // spill", "whether those responsible violated …": what someone is to
        // blame for keeps the investigation an act toward a party
        let culpable = |n: usize| GROUPS.culpable.contains(&self.lemma(n)) || t.children(n).into_iter().any(|c| matches!(t.base_rel(c), "acl" | "amod") && !self.noun(n));
        let things = !investigated.is_empty() && investigated.iter().all(|&n| !self.names_party(n) && !culpable(n));
        things.then(|| format!("'{}' investigates '{}', no party", t.word(v), t.word(investigated[0])))
    }

    /// "after the husband visited Mexico", "a girl from London who had visited
    /// the US", "a family visit": the traveller is a private person named by
    /// a noun (whatever place modifies it), or the visit is a private occasion.
    fn private_visit(&self, head: usize, verb: bool) -> Option<String> {
        let t = self.tree;
        let private = |n: usize| self.noun(n) && arguments::civilian_noun(t.lemma(n)) && self.mention_at(n).is_none();
        // "a 42-year-old from Bristol": a common noun or an age names no political actor
        let unnamed = |n: usize| {
            let political = arguments::agent_sector(&self.lemma(n)).is_some_and(|s| arguments::standing(None, Some(s), false, None) == arguments::Standing::Political);
            // a capitalised word is a name the tagger took for a noun ("Ban")
            let lower = !t.word(n).starts_with(char::is_uppercase);
            let common = matches!(t.upos(n), Some(Upos::Noun | Upos::Adj | Upos::Num)) && self.mention_at(n).is_none() && lower;
            private(n) || (common && !political && !arguments::party_noun(t.lemma(n)))
        };
        // "a girl from London who had visited the US": a relative clause the
        // parser hung on the place of a person's phrase is that person's
        let person_of_place = |n: usize| match t.head(n) {
            Some(h) if self.mention_at(n).is_some() && t.base_rel(n) == "nmod" && unnamed(h) => h,
            _ => n,
        };
        // a verb's own subjects with their conjuncts
        let own_subjects = |v: usize| t.children(v).into_iter().filter(|&c| t.base_rel(c) == "nsubj").flat_map(|s| t.with_conjuncts(s));
        if !verb {
            let modifier = t.children(head).into_iter().find(|&c| {
                matches!(t.base_rel(c), "compound" | "amod" | "nmod") && t.deprel(c) != "nmod" && (GROUPS.private_occasion.contains(&self.lemma(c)) || private(c))
            });
            if let Some(m) = modifier {
                return Some(format!("'{} {}' is a private visit", t.word(m), t.word(head)));
            }
            // "the man from Barnet caught the virus during a recent visit to
            // Mexico": a visit no one's, in an adverbial of a verb whose subject
            // is a private person, is that person's travel
            let owned = t.children(head).into_iter().any(|c| t.deprel(c) == "nmod:poss" || (t.base_rel(c) == "nmod" && t.case_of(c).is_some_and(|w| w.eq_ignore_ascii_case("by"))));
            if owned || t.base_rel(head) != "obl" {
                return None;
            }
            let v = t.head(head).filter(|&h| t.upos(h) == Some(Upos::Verb))?;
            let subjects: Vec<usize> = own_subjects(v).map(person_of_place).collect();
            let all_private = !subjects.is_empty() && subjects.iter().all(|&n| private(n));
            return all_private.then(|| format!("'{}' in the doings of '{}', a private person, is private travel", t.word(head), t.word(subjects[0])));
        }
        if t.is_passive(head) {
            // "a theme park visited by millions each year"
            let agents = t.agents(head);
            let all_private = !agents.is_empty() && agents.iter().all(|&n| unnamed(n));
            return all_private.then(|| format!("'{}' by '{}' is private travel", t.word(head), t.word(agents[0])));
        }
        // the verb's own subject (a relative pronoun standing for its noun),
        // not one it takes through control ("spend two days visiting")
        let modified = t.head(head).filter(|_| t.deprel(head) == "acl:relcl");
        let mut travellers: Vec<usize> = own_subjects(head).map(|s| if self.relative(s) { modified.unwrap_or(s) } else { s }).map(person_of_place).collect();
        // "a Mexican toddler visiting Texas": a participle's traveller is the noun it modifies
        if travellers.is_empty() && t.deprel(head) == "acl" {
            travellers.extend(t.head(head).map(person_of_place).filter(|&n| private(n)));
            if travellers.is_empty() {
                return None;
            }
        }
        // a finite verb, or a bare one with its auxiliary ("did not visit")
        let finite = matches!(t.xpos(head), "VBD" | "VBZ" | "VBP") || t.children(head).into_iter().any(|c| t.base_rel(c) == "aux");
        if travellers.is_empty() && finite {
            // the parser left the verb without a subject: the noun right before it
            travellers = t.tokens().take_while(|&x| x < head).filter(|&x| !matches!(t.upos(x), Some(Upos::Aux | Upos::Adv | Upos::Part))).last().filter(|&x| self.noun(x)).into_iter().collect();
        }
        let all_private = !travellers.is_empty() && travellers.iter().all(|&n| unnamed(n));
        all_private.then(|| format!("'{}' by '{}', a private person, is private travel", t.word(head), t.word(travellers[0])))
    }

    /// "The Brazilian champions … declined to travel … in the Libertadores
    /// Cup": a sentence naming organised sport reports a game.
    fn sport(&self) -> Option<String> {
        let t = self.tree;
        let word = t.tokens().find(|&x| matches!(t.upos(x), Some(Upos::Noun | Upos::Propn)) && GROUPS.sport.contains(&self.lemma(x)))?;
        Some(format!("'{}' names sport", t.word(word)))
    }

    /// "The bill would allow states to prohibit …", "the proposal contained
    /// no criticism of …": the nearest clause above the trigger with a subject
    /// of its own has a document as that subject and a verb of content (allow,
    /// contain, include …), not one reporting what the document says ("the
    /// report said troops attacked") or demanding ("the resolution calls for a
    /// ceasefire"): those keep their events.
    fn document_content(&self, head: usize) -> Option<String> {
        let t = self.tree;
        // a relative clause, or a finite clause with a subject of its own, is
        // no content ("aid for Pakistan, which is fighting the Taliban"); an
        // infinitive's subject is ("allow states to prohibit …")
        let infinitive = t.children_with(head, "mark").into_iter().any(|m| self.lemma(m) == "to");
        let finite = !infinitive && t.children(head).into_iter().any(|c| t.base_rel(c) == "nsubj");
        if finite || t.deprel(head) == "acl:relcl" {
            return None;
        }
        for a in t.ancestors(head).into_iter().skip(1) {
            // a relative pronoun stands for the noun its clause modifies ("a law which requires …")
            let modified = t.head(a).filter(|_| t.deprel(a) == "acl:relcl");
            let subjects: Vec<usize> = t
                .children(a)
                .into_iter()
                .filter(|&c| t.base_rel(c) == "nsubj")
                .map(|c| if self.relative(c) { modified.unwrap_or(c) } else { c })
                .collect();
            if subjects.is_empty() {
                continue;
            }
            let content = GROUPS.content.contains(&self.lemma(a)) && !REPORTING.contains(&t.word(a).to_lowercase().as_str());
            let document = subjects.iter().all(|&s| self.noun(s) && GROUPS.document.contains(&self.lemma(s)) && !t.is_passive(a));
            return (document && content).then(|| format!("'{}' is what '{}' {}, a document's content", t.word(head), t.word(subjects[0]), t.word(a)));
        }
        None
    }

    /// "offered up this assessment", "offered his view of the talks",
    /// "estimates offered by the agency": what is offered is a view or an
    /// account (`view-noun`), so it is said, not offered.
    fn offering_a_view(&self, v: usize) -> Option<String> {
        let t = self.tree;
        // (in the passive too: "estimates offered so far by the Coast Guard")
        let objects = t.patients(v);
        let views = !objects.is_empty() && objects.iter().all(|&o| self.noun(o) && self.mention_at(o).is_none() && GROUPS.view_noun.contains(&self.lemma(o)));
        views.then(|| format!("'{} … {}' says a view, offers nothing", t.word(v), t.word(objects[0])))
    }

    /// "Asked whether BP had requested a statement, she did not answer", "they
    /// wonder if talks will resume": a clause marked "if" or "whether" under a
    /// verb of asking (or right after one) is what the question asks about,
    /// not told as happening; a clause marked "whether" is a question under
    /// any verb ("it is unclear whether X will seek fines").
    fn asked_whether(&self, v: usize) -> Option<String> {
        let t = self.tree;
        let g = &*GROUPS;
        let mark = t.children(v).into_iter().find(|&c| t.base_rel(c) == "mark" && g.question_mark.contains(&self.lemma(c)))?;
        // ("Asked if BP had requested …, she did not answer": the verb of asking right before
        // the subordinator, where the parser hung the fronted clause elsewhere)
        let before = (mark > t.tokens().start).then(|| mark - 1).filter(|&b| g.asking.contains(&self.lemma(b)));
        let h = t.head(v).filter(|&h| matches!(t.base_rel(v), "ccomp" | "advcl") && g.asking.contains(&self.lemma(h))).or(before);
        match h {
            Some(h) => Some(format!("'{}' is what '{}' asks about, not told as done", t.word(v), t.word(h))),
            // "it is unclear whether the government will seek fines", "asked to consider
            // whether the firm should be banned": 'whether' opens a question under any verb
            None => (self.lemma(mark) == "whether").then(|| format!("'{}' is in a whether-clause: a question, not told as done", t.word(v))),
        }
    }

    /// "Unicef's Haiti Earthquake Children's Appeal", "the Good Friday
    /// Agreement": a capitalised event noun inside a name (after a proper noun
    /// or a capitalised possessive, not opening the sentence, in a sentence
    /// that is not a headline in title case: one with at least two longer
    /// words in lower case) is part of that name.
    fn part_of_a_name(&self, n: usize) -> Option<String> {
        let t = self.tree;
        let capital = |x: usize| t.word(x).starts_with(char::is_uppercase);
        let first = t.tokens().start;
        if !capital(n) || n == first {
            return None;
        }
        // a headline in title case leaves no longer word in lower case
        let lower = t.tokens().filter(|&x| t.word(x).chars().count() > 3 && t.word(x).starts_with(char::is_lowercase)).count();
        if lower < 2 {
            return None;
        }
        let before = (first..n).rev().find(|&x| t.xpos(x) != "POS")?;
        let named = capital(before) && matches!(t.upos(before), Some(Upos::Propn | Upos::Noun | Upos::Adj));
        named.then(|| format!("'{}' is part of a name", t.word(n)))
    }

    /// The first noun after verb `v` within four words, before any adposition,
    /// conjunction, subordinator, punctuation or other verb's subject: where
    /// an English transitive verb's object stands.
    fn next_noun(&self, v: usize) -> Option<usize> {
        let t = self.tree;
        let end = (v + 5).min(t.tokens().end);
        for k in v + 1..end {
            match t.upos(k) {
                Some(Upos::Noun) => return Some(k),
                Some(Upos::Adp | Upos::Cconj | Upos::Sconj | Upos::Punct | Upos::Propn | Upos::Pron | Upos::Aux | Upos::Part) | None => return None,
                _ => {}
            }
        }
        None
    }

    /// "was rescued from the rubble", "pulled alive from the ruins", "freed
    /// from under the debris": a person saved from what a disaster left
    /// (`wreckage`, in the trigger's phrase or its verb's) is a rescue in a
    /// disaster, no act between political actors.
    fn saved_from_wreckage(&self, n: usize) -> Option<String> {
        let t = self.tree;
        let holders = std::iter::once(n).chain(t.head(n).filter(|_| self.noun(n)));
        let wreck = holders
            .flat_map(|h| t.obliques(h))
            .flat_map(|(_, x)| std::iter::once(x).chain(t.obliques(x).into_iter().map(|(_, y)| y)))
            .find(|&x| GROUPS.wreckage.contains(&self.lemma(x)))?;
        Some(format!("'{}' from '{}' is a rescue in a disaster", t.word(n), t.word(wreck)))
    }

    /// "Obama faced mounting criticism", "the agency came under criticism",
    /// "growing public criticism of the response": a criticism noun with no
    /// critic named (no possessor, no 'from' or 'by' phrase) that someone
    /// faces, draws or comes under, or that grows (`undergone`), is a state of
    /// opinion, no act of accusing.
    fn undergone_criticism(&self, n: usize) -> Option<String> {
        let t = self.tree;
        let g = &GROUPS.undergone;
        // the critic in the noun's phrase or in its verb's ("drew criticism from Bolivia")
        let from = |x: usize| t.obliques(x).into_iter().any(|(c, _)| c.eq_ignore_ascii_case("from") || c.eq_ignore_ascii_case("by"));
        let critic = !t.children_with(n, "nmod:poss").is_empty() || from(n) || t.head(n).is_some_and(from);
        if critic {
            return None;
        }
        // the object, or "under" it ("came under criticism")
        let undergone = t.base_rel(n) == "obj" || (t.base_rel(n) == "obl" && t.case_of(n).is_some_and(|c| c.eq_ignore_ascii_case("under")));
        let governor = t.head(n).filter(|_| undergone).filter(|&h| g.contains(&self.lemma(h)));
        let modifier = t.children(n).into_iter().find(|&c| t.base_rel(c) == "amod" && g.contains(&self.lemma(c)));
        governor.or(modifier).map(|w| format!("'{}' with '{}' and no critic named is a state of opinion", t.word(n), t.word(w)))
    }

    /// "There was no threat to Britons", "the threat to public health": a
    /// threat noun with no one threatening and a 'to' phrase naming what is
    /// at risk is a danger, not a threat made.
    fn danger_to(&self, n: usize) -> Option<String> {
        let t = self.tree;
        let to = t.children(n).into_iter().find(|&c| matches!(t.base_rel(c), "nmod" | "obl") && t.case_of(c).is_some_and(|k| k.eq_ignore_ascii_case("to")) && t.upos(c) != Some(Upos::Verb));
        let possessed = !t.children_with(n, "nmod:poss").is_empty();
        to.filter(|_| !possessed).map(|c| format!("'{} to {}' with no one threatening is a danger", t.word(n), t.word(c)))
    }

    /// "suspended the plans", "canceled a trip to Asia", "suspends the
    /// search for missing workers", "the suspension of deepwater drilling":
    /// what is halted (the object, the passive subject, or a noun's 'of'
    /// phrase) is an undertaking of the side's own (`own-undertaking`), no
    /// sanction on any party — unless it is bound for a named place ("canceled
    /// a trip to Indonesia" signals to a state).
    fn own_undertaking_halted(&self, head: usize, verb: bool, trig: &Trig) -> Option<String> {
        let t = self.tree;
        let own = self.trigger_tokens(trig);
        let halted: Vec<usize> = if verb {
            t.patients(head).into_iter().filter(|o| !own.contains(o)).collect()
        } else {
            t.obliques(head).into_iter().filter(|(c, _)| c.eq_ignore_ascii_case("of")).map(|(_, x)| x).collect()
        };
        // a multi-word trigger names what it halts itself ("suspend cleanup efforts")
        let halted = if halted.is_empty() { own.iter().copied().filter(|&x| x != head && self.noun(x)).collect() } else { halted };
        // a trip or visit to a named place is a state's signal to it ("canceled a trip to Indonesia"): it stays
        let to_named = |x: usize| t.obliques(x).into_iter().any(|(c, y)| c.eq_ignore_ascii_case("to") && self.mention_at(y).is_some());
        let undertaking = |x: usize| self.noun(x) && self.mention_at(x).is_none() && GROUPS.own_undertaking.contains(&self.lemma(x)) && !to_named(x);
        (!halted.is_empty() && halted.iter().all(|&x| undertaking(x))).then(|| format!("'{}' halts '{}', an undertaking of its own, no sanction", t.word(head), t.word(halted[0])))
    }

    /// "supply outstripped demand", "domestic demand", "demand for oil": the noun
    /// "demand" with a verb, an adjective or a 'for' noun of a market
    /// (`market-demand`) is what is needed or bought, not a demand made.
    fn market_demand(&self, n: usize) -> Option<String> {
        let t = self.tree;
        if self.lemma(n) != "demand" {
            return None;
        }
        let g = &GROUPS.market_demand;
        let governor = t.head(n).filter(|_| matches!(t.base_rel(n), "obj" | "nsubj")).filter(|&h| g.contains(&self.lemma(h)));
        let modifier = t.children(n).into_iter().find(|&c| matches!(t.base_rel(c), "amod" | "compound") && self.mention_at(c).is_none() && g.contains(&self.lemma(c)));
        // a good, or what a market trades (`substance`, `market`)
        let good = |x: usize| g.contains(&self.lemma(x)) || GROUPS.substance.contains(&self.lemma(x)) || GROUPS.market.contains(&self.lemma(x));
        let for_thing = t.obliques(n).into_iter().find(|(c, x)| c.eq_ignore_ascii_case("for") && self.mention_at(*x).is_none() && good(*x)).map(|(_, x)| x);
        governor.or(modifier).or(for_thing).map(|w| format!("'{}' with '{}' is a market's demand, not one made", t.word(n), t.word(w)))
    }

    /// "a crisis that eroded support for his administration", "growing
    /// public support for the ban": support with no one named giving it,
    /// won, lost or qualified as public (`approval`), is approval, no act.
    fn public_approval(&self, n: usize) -> Option<String> {
        let t = self.tree;
        let governor = t.head(n).filter(|_| matches!(t.base_rel(n), "obj" | "nsubj")).filter(|&h| GROUPS.approval.contains(&self.lemma(h)));
        let modifier = t.children(n).into_iter().find(|&c| matches!(t.base_rel(c), "amod" | "compound") && GROUPS.approval.contains(&self.lemma(c)));
        governor.or(modifier).map(|w| format!("'{}' with '{}' is public approval", t.word(n), t.word(w)))
    }

    /// "Obama's promise of hope and change": an event noun whose `of` phrase
    /// names only abstract nouns is a figure of speech.
    fn abstract_of(&self, n: usize) -> Option<String> {
        let t = self.tree;
        let of: Vec<usize> = t.obliques(n).into_iter().filter(|(c, _)| c.eq_ignore_ascii_case("of")).flat_map(|(_, x)| t.with_conjuncts(x)).collect();
        // a happening is what an investigation or a response is about ("an investigation of the spill")
        let abstract_noun = |x: usize| arguments::is_figurative_object(t.lemma(x)) && !arguments::is_happening(t.lemma(x));
        let figure = !of.is_empty() && of.iter().all(|&x| self.noun(x) && self.mention_at(x).is_none() && abstract_noun(x));
        figure.then(|| format!("'{}' of '{}' is a figure of speech", t.word(n), t.word(of[0])))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_groups_load_without_problems() {
        let (g, problems) = Groups::parse(EVENTNESS_TSV);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(g.inanimate.contains("finding") && g.document.contains("bill") && g.dispute.contains("battle"));
        assert!(g.armed_sectors.contains("MIL") && g.substance.contains("oil") && g.question.contains("explain"));
        assert!(!g.sport.contains("goal"), "an ambiguous word would rule out political sentences");
    }

    #[test]
    fn a_bad_line_is_a_problem_not_a_panic() {
        let (g, problems) = Groups::parse("inanimate\tchart\nnonsense\tx\nno-tab-here\n");
        assert!(g.inanimate.contains("chart"));
        assert_eq!(problems.len(), 2, "{problems:?}");
    }
}
