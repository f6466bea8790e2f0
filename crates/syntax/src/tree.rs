//! Reading a sentence's dependency tree: heads, children by relation, the
//! subject, object and passive agent of a predicate, coordination, and the
//! words a head's phrase covers. Stages downstream (quotes, events) read
//! trees only through this module.
//!
//! Token indices are indices into `Document::tokens`.

use std::ops::Range;

use chronicle_core::{Document, Span, TokenSyntax, Upos};

const SUBORDINATORS_TXT: &str = include_str!("../../../data/syntax/subordinators.txt");

/// Subordinators that are also prepositions (`data/syntax/subordinators.txt`).
static SUBORDINATORS: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| SUBORDINATORS_TXT.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect());

/// The tree of one sentence of a document.
#[derive(Clone, Debug)]
pub struct Tree<'d> {
    doc: &'d Document,
    range: Range<usize>,
}

impl<'d> Tree<'d> {
    /// The trees of every sentence of `doc` (sentences without syntax give
    /// trees whose queries answer nothing).
    pub fn sentences(doc: &'d Document) -> Vec<Tree<'d>> {
        doc.sentence_token_ranges().into_iter().map(|range| Tree { doc, range }).collect()
    }

    /// The tree of the sentence holding token `t`.
    pub fn of_token(doc: &'d Document, t: usize) -> Option<Tree<'d>> {
        doc.sentence_tokens_of(t).filter(|r| r.contains(&t)).map(|range| Tree { doc, range })
    }

    /// The tree over the token range `range` (one sentence's tokens).
    pub fn over(doc: &'d Document, range: Range<usize>) -> Tree<'d> {
        let range = range.start.min(doc.tokens.len())..range.end.min(doc.tokens.len());
        Tree { doc, range }
    }

    /// The sentence's token indices.
    pub fn tokens(&self) -> Range<usize> {
        self.range.clone()
    }

    fn syn(&self, t: usize) -> Option<&'d TokenSyntax> {
        if self.range.contains(&t) {
            self.doc.tokens[t].syntax.as_ref()
        } else {
            None
        }
    }

    /// True when the sentence has been parsed.
    pub fn is_parsed(&self) -> bool {
        self.range.clone().all(|t| self.syn(t).is_some()) && !self.range.is_empty()
    }

    /// The text of token `t`.
    pub fn word(&self, t: usize) -> &'d str {
        self.doc.tokens.get(t).map_or("", |tok| tok.span.text(self.doc.body()))
    }

    /// The root of the sentence.
    pub fn root(&self) -> Option<usize> {
        self.range.clone().find(|&t| self.syn(t).is_some_and(|s| s.head.is_none()))
    }

    /// The head of `t` (`None` for the root or without syntax).
    pub fn head(&self, t: usize) -> Option<usize> {
        self.syn(t).and_then(|s| s.head).map(|h| h as usize).filter(|h| self.range.contains(h))
    }

    /// The relation of `t` to its head (`""` without syntax).
    pub fn deprel(&self, t: usize) -> &'d str {
        self.syn(t).map_or("", |s| s.deprel.as_str())
    }

    /// The relation without its subtype (`nsubj:pass` → `nsubj`).
    pub fn base_rel(&self, t: usize) -> &'d str {
        let r = self.deprel(t);
        r.split_once(':').map_or(r, |(b, _)| b)
    }

    /// Universal POS of `t`.
    pub fn upos(&self, t: usize) -> Option<Upos> {
        self.syn(t).map(|s| s.upos)
    }

    /// Penn tag of `t` (`""` without syntax): tells a past participle
    /// (`VBN`, "troops killed by …") from a gerund (`VBG`, "…, killing five").
    pub fn xpos(&self, t: usize) -> &'d str {
        self.syn(t).map_or("", |s| s.xpos.as_str())
    }

    /// Lemma of `t` (`""` without syntax).
    pub fn lemma(&self, t: usize) -> &'d str {
        self.syn(t).map_or("", |s| s.lemma.as_str())
    }

    /// Dependents of `t`, in order.
    pub fn children(&self, t: usize) -> Vec<usize> {
        self.range.clone().filter(|&c| self.head(c) == Some(t)).collect()
    }

    /// Dependents of `t` with relation `rel`: an exact match, or any subtype
    /// when `rel` has none (`obl` matches `obl:tmod`).
    pub fn children_with(&self, t: usize, rel: &str) -> Vec<usize> {
        let has_sub = rel.contains(':');
        self.range
            .clone()
            .filter(|&c| self.head(c) == Some(t) && (self.deprel(c) == rel || (!has_sub && self.base_rel(c) == rel)))
            .collect()
    }

    /// True when `t` has a marker (`mark`) whose lemma is `word`, in any case:
    /// the "to" of an infinitive, the "of" of a gerund complement.
    pub fn has_mark(&self, t: usize, word: &str) -> bool {
        self.children_with(t, "mark").into_iter().any(|m| self.lemma(m).eq_ignore_ascii_case(word))
    }

    /// `t` and everything coordinated with it (`A, B and C`), in order.
    pub fn with_conjuncts(&self, t: usize) -> Vec<usize> {
        let mut out = vec![t];
        let mut k = 0;
        while k < out.len() {
            let c = self.children_with(out[k], "conj");
            out.extend(c);
            k += 1;
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The first of the predicates the verb `v` is coordinated with (itself
    /// if none): `conj` heads followed up, and the heads of
    /// [`Tree::loose_predicate`] verbs.
    pub fn first_predicate(&self, v: usize) -> usize {
        let mut cur = v;
        for _ in 0..64 {
            match self.head(cur) {
                Some(h) if self.deprel(cur) == "conj" || self.loose_predicate(cur) => cur = h,
                _ => break,
            }
        }
        cur
    }

    /// True for a verb in a finite tense (past or present) with no subject and
    /// no subordinator, right after a comma that follows its head, that the
    /// parser hung as an adverbial clause ("visited Lima in April, praised the
    /// mayor and …"): an English finite clause has a subject unless it is a
    /// predicate coordinated with the one before.
    pub fn loose_predicate(&self, v: usize) -> bool {
        self.after_comma(v)
            && self.head(v).is_some_and(|h| h < v)
            && self.deprel(v) == "advcl"
            && self.upos(v) == Some(Upos::Verb)
            && matches!(self.xpos(v), "VBD" | "VBZ" | "VBP")
            && !self.children(v).into_iter().any(|c| matches!(self.base_rel(c), "nsubj" | "csubj" | "mark" | "aux" | "expl"))
    }

    /// True when the word before `t` in its sentence is a comma.
    pub fn after_comma(&self, t: usize) -> bool {
        t > self.tokens().start && self.word(t - 1) == ","
    }

    /// "Birnbaum resigned as Obama criticised her": the noun right before a
    /// finite verb with no subject, when the parser read the subordinator before
    /// it as a preposition (`SUBORDINATORS`) and hung the noun as an oblique of
    /// the verb's own head. An English finite clause has a subject, and a noun
    /// between a subordinator and a finite verb is that subject.
    fn stranded_subject(&self, v: usize) -> Option<usize> {
        let finite = self.upos(v) == Some(Upos::Verb) && matches!(self.xpos(v), "VBD" | "VBZ" | "VBP");
        if !finite || v <= self.tokens().start || self.children(v).into_iter().any(|c| matches!(self.base_rel(c), "nsubj" | "csubj" | "mark" | "expl")) {
            return None;
        }
        let last = v - 1;
        let noun = if self.base_rel(last) == "obl" { last } else { self.head(last).filter(|&h| h < v && self.base_rel(h) == "obl")? };
        let nominal = matches!(self.upos(noun), Some(Upos::Noun | Upos::Propn | Upos::Pron));
        let subordinator = self.case_of(noun).is_some_and(|c| SUBORDINATORS.contains(&c.to_lowercase().as_str()));
        (nominal && subordinator && self.head(noun) == self.head(v)).then_some(noun)
    }

    /// "On Monday, Kenya and Uganda signed …", "On Wednesday, Hayward and the
    /// chairman will meet …": the nouns the parser hung on a fronted time as its
    /// apposition or conjuncts, when the clause's verb (finite, or with an
    /// auxiliary) has no subject. A day or a date names no one and is no one's
    /// conjunct, and a finite clause has a subject: the nouns after the time's
    /// comma are it (with their own conjuncts).
    fn subjects_beside_time(&self, v: usize) -> Vec<usize> {
        let finite = matches!(self.xpos(v), "VBD" | "VBZ" | "VBP") || self.children(v).into_iter().any(|c| self.base_rel(c) == "aux");
        let clause = matches!(self.base_rel(v), "root" | "ccomp" | "parataxis");
        if self.upos(v) != Some(Upos::Verb) || !finite || !clause || self.children(v).into_iter().any(|c| matches!(self.base_rel(c), "nsubj" | "csubj" | "expl")) {
            return Vec::new();
        }
        let Some(time) = self.children(v).into_iter().find(|&o| o < v && self.base_rel(o) == "obl" && self.in_time(o)) else { return Vec::new() };
        let nominal = |a: usize| matches!(self.upos(a), Some(Upos::Noun | Upos::Propn | Upos::Pron)) && !self.in_time(a);
        let Some(comma) = (time + 1..v).find(|&k| self.word(k) == ",") else { return Vec::new() };
        let mut out: Vec<usize> = self
            .children(time)
            .into_iter()
            .filter(|&a| a > comma && a < v && matches!(self.base_rel(a), "appos" | "conj") && nominal(a))
            .flat_map(|a| {
                let mut group = vec![a];
                group.extend(self.children_with(a, "conj").into_iter().filter(|&c| nominal(c)));
                group
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The dash or colon that ends a heading opening the sentence ("April 29 -
    /// Obama pledges …", "At the White House : Obama meets …"): the first such
    /// token among the sentence's first eight, whatever the parser made of it.
    pub fn heading_mark(&self) -> Option<usize> {
        let r = self.tokens();
        (r.start..r.end.min(r.start + 8)).find(|&t| matches!(self.word(t), ":" | "-" | "--" | "–" | "—"))
    }

    /// The first conjunct of a coordination `t` belongs to (itself if none).
    pub fn first_conjunct(&self, t: usize) -> usize {
        let mut cur = t;
        let mut steps = 0;
        while self.deprel(cur) == "conj" && steps < 64 {
            match self.head(cur) {
                Some(h) => cur = h,
                None => break,
            }
            steps += 1;
        }
        cur
    }

    /// True when predicate `v` is passive: a passive subject or auxiliary,
    /// or a participle with a `by` agent and no subject of its own ("…, asked
    /// by Markey to apologize").
    pub fn is_passive(&self, v: usize) -> bool {
        self.own_passive(v) || self.shared_passive(v)
    }

    fn own_passive(&self, v: usize) -> bool {
        let reduced = self.xpos(v) == "VBN"
            && !self.children_with(v, "obl:agent").is_empty()
            && self.children_with(v, "nsubj").is_empty();
        reduced || !self.children_with(v, "nsubj:pass").is_empty() || !self.children_with(v, "aux:pass").is_empty()
    }

    /// A past participle coordinated with a passive verb, with no subject or
    /// auxiliary of its own, shares its voice: "were lynched or shot",
    /// "was arrested and charged" (not "was arrested and fled", nor "have
    /// arrested and charged").
    fn shared_passive(&self, v: usize) -> bool {
        let mut cur = v;
        for _ in 0..4 {
            let bare = self.xpos(cur) == "VBN"
                && self.children(cur).into_iter().all(|c| !matches!(self.base_rel(c), "nsubj" | "aux" | "csubj"));
            match (self.deprel(cur), self.head(cur)) {
                ("conj", Some(h)) if bare => {
                    if self.own_passive(h) {
                        return true;
                    }
                    cur = h;
                }
                _ => return false,
            }
        }
        false
    }

    /// The subjects of predicate `v`, with their conjuncts. A verb without
    /// its own subject takes that of the verb it is coordinated with ("X met
    /// and agreed") or, through control and raising (`xcomp`), of the verb
    /// it complements ("X agreed to release", "X is expected to meet"); when
    /// that verb has an object, the object controls ("X urged Y to leave" → Y),
    /// and so does the noun of its "on" phrase ("X called on Y to resign" → Y).
    pub fn subjects(&self, v: usize) -> Vec<usize> {
        let mut cur = v;
        for _ in 0..8 {
            if cur != v && self.deprel(v) == "xcomp" && self.head(v) == Some(cur) {
                let objects = self.objects(cur);
                if !objects.is_empty() {
                    return objects;
                }
                let on = self.obliques(cur).into_iter().find(|(case, _)| matches!(case.to_lowercase().as_str(), "on" | "upon"));
                if let Some((_, n)) = on {
                    return self.with_conjuncts(n);
                }
            }
            let own: Vec<usize> = self
                .children(cur)
                .into_iter()
                .filter(|&c| matches!(self.base_rel(c), "nsubj" | "csubj") || self.deprel(c) == "expl")
                .filter(|&c| self.deprel(c) != "expl")
                .collect();
            // "At the White House: President Obama met …": a noun after a preposition is no
            // subject where a name stands in apposition to it — that name is ("After Mexico
            // accused …" keeps its subject: there the parser took the subordinator for a case)
            let own: Vec<usize> = own
                .into_iter()
                .flat_map(|s| {
                    let named = if self.prepositional(s) { self.children_with(s, "appos") } else { Vec::new() };
                    if named.is_empty() { vec![s] } else { named }
                })
                .collect();
            if !own.is_empty() {
                return own.into_iter().flat_map(|s| self.with_conjuncts(s)).collect();
            }
            if let Some(s) = self.stranded_subject(cur) {
                return self.with_conjuncts(s);
            }
            let beside_time = self.subjects_beside_time(cur);
            if !beside_time.is_empty() {
                return beside_time;
            }
            match (self.deprel(cur), self.head(cur)) {
                ("conj" | "xcomp", Some(h)) => cur = h,
                (_, Some(h)) if self.loose_predicate(cur) => cur = h,
                _ => break,
            }
        }
        Vec::new()
    }

    /// True when nominal `n` has a preposition of its own (a `case` child
    /// that is an adposition, not the possessive "'s").
    fn prepositional(&self, n: usize) -> bool {
        self.children(n).into_iter().any(|c| self.base_rel(c) == "case" && self.upos(c) == Some(Upos::Adp))
    }

    /// Direct and indirect objects of `v`, with their conjuncts.
    pub fn objects(&self, v: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .children(v)
            .into_iter()
            .filter(|&c| matches!(self.deprel(c), "obj" | "iobj"))
            .flat_map(|o| self.with_conjuncts(o))
            .collect();
        out.sort_unstable();
        out
    }

    /// Who or what undergoes predicate `v`: its objects when active; when
    /// passive, its passive subjects ("the prisoners were released"), or for a
    /// participle modifying a noun, that noun ("video released by BP").
    pub fn patients(&self, v: usize) -> Vec<usize> {
        if !self.is_passive(v) {
            return self.objects(v);
        }
        let subjects = self.subjects(v);
        if !subjects.is_empty() {
            return subjects;
        }
        match (self.deprel(v), self.head(v)) {
            ("acl", Some(h)) => self.with_conjuncts(h),
            _ => Vec::new(),
        }
    }

    /// The lemma of the case marker (preposition) of a nominal `n`
    /// (`"against"` for "against the rebels").
    pub fn case_of(&self, n: usize) -> Option<&'d str> {
        self.children(n).into_iter().find(|&c| matches!(self.base_rel(c), "case")).map(|c| self.lemma(c))
    }

    /// Oblique and nominal-modifier dependents of `t` with their case marker
    /// lemmas: `("against", rebels)`.
    pub fn obliques(&self, t: usize) -> Vec<(&'d str, usize)> {
        self.children(t)
            .into_iter()
            .filter(|&c| matches!(self.base_rel(c), "obl" | "nmod") && self.deprel(c) != "nmod:poss")
            .filter_map(|c| self.case_of(c).map(|p| (p, c)))
            .collect()
    }

    /// The passive agent of `v` ("by government forces"), with conjuncts.
    pub fn agents(&self, v: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self.children_with(v, "obl:agent");
        if out.is_empty() {
            out = self.obliques(v).into_iter().filter(|(p, _)| *p == "by").map(|(_, n)| n).collect();
        }
        out.into_iter().flat_map(|a| self.with_conjuncts(a)).collect()
    }

    /// The possessor of a nominal (`Russia` in "Russia's attack").
    pub fn possessor(&self, n: usize) -> Option<usize> {
        self.children_with(n, "nmod:poss").into_iter().next()
    }

    /// The clausal complement of a verb of saying (`ccomp`, or a `parataxis`
    /// clause in "…, X said").
    pub fn complement(&self, v: usize) -> Option<usize> {
        self.children_with(v, "ccomp").into_iter().next()
    }

    /// The tokens of `t`'s subtree, in order.
    pub fn subtree(&self, t: usize) -> Vec<usize> {
        let mut out = vec![t];
        let mut k = 0;
        while k < out.len() && out.len() <= self.range.len() {
            out.extend(self.children(out[k]));
            k += 1;
        }
        out.sort_unstable();
        out
    }

    /// The noun phrase headed by `n`: its subtree less clauses, coordination,
    /// its case marker, edge punctuation ("the Syrian army" of "by the
    /// Syrian army, which …") and a time phrase the parser hung on it (a
    /// when is no part of a who: "police" of "police on Friday urged").
    /// A span over the body.
    pub fn phrase(&self, n: usize) -> Option<Span> {
        let in_time = |c: usize| self.in_time(c);
        let mut keep = vec![n];
        let mut k = 0;
        while k < keep.len() && keep.len() <= self.range.len() {
            let h = keep[k];
            for c in self.children(h) {
                let skip = matches!(self.base_rel(c), "acl" | "conj" | "cc" | "parataxis" | "advcl" | "punct" | "appos" | "dep")
                    || (h == n && self.base_rel(c) == "case")
                    || self.deprel(c) == "acl:relcl"
                    || (h == n && c > n && in_time(c));
                if !skip {
                    keep.push(c);
                }
            }
            k += 1;
        }
        let (lo, hi) = (*keep.iter().min()?, *keep.iter().max()?);
        let body = self.doc.body();
        let (s, e) = (self.doc.tokens[lo].span.start(), self.doc.tokens[hi].span.end());
        Span::new(body, s, e).ok()
    }

    /// True when token `t` lies inside a time expression of the document's
    /// time layer ("on Tuesday", "last week").
    pub fn in_time(&self, t: usize) -> bool {
        self.doc.tokens.get(t).is_some_and(|tok| self.doc.times.iter().any(|x| x.span.contains(tok.span)))
    }

    /// The path from `t` up to the root (`t` first).
    pub fn ancestors(&self, t: usize) -> Vec<usize> {
        let mut out = vec![t];
        let mut cur = t;
        while let Some(h) = self.head(cur) {
            if out.contains(&h) || out.len() > self.range.len() {
                break;
            }
            out.push(h);
            cur = h;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document over `text` (words split on spaces) with the given arcs.
    fn doc(text: &str, arcs: &[(usize, &str, Upos)]) -> Document {
        let words: Vec<&str> = text.split(' ').collect();
        crate::fixture::parsed(&words, arcs)
    }

    #[test]
    fn passive_agent_subject_and_phrase() {
        use Upos::*;
        // Kharkiv was shelled by the Syrian army
        let d = doc(
            "Kharkiv was shelled by the Syrian army",
            &[(3, "nsubj:pass", Propn), (3, "aux:pass", Aux), (0, "root", Verb), (7, "case", Adp), (7, "det", Det), (7, "amod", Adj), (3, "obl:agent", Noun)],
        );
        let t = &Tree::sentences(&d)[0];
        assert!(t.is_parsed());
        assert_eq!(t.root(), Some(2));
        assert!(t.is_passive(2));
        assert_eq!(t.subjects(2), [0]);
        assert_eq!(t.agents(2), [6]);
        assert_eq!(t.phrase(6).unwrap().text(d.body()), "the Syrian army");
        assert_eq!(t.case_of(6), Some("by"));
        assert_eq!(t.ancestors(4), [4, 6, 2]);
    }

    #[test]
    fn a_name_in_apposition_to_a_prepositional_subject_is_the_subject() {
        use Upos::*;
        // "At the House : Senator Smith met Jones": the section label is no subject
        let d = doc(
            "At the House : Senator Smith met Jones",
            &[(3, "case", Adp), (3, "det", Det), (7, "nsubj", Propn), (6, "punct", Punct), (6, "compound", Propn), (3, "appos", Propn), (0, "root", Verb), (7, "obj", Propn)],
        );
        assert_eq!(Tree::sentences(&d)[0].subjects(6), [5]);
        // with no name beside it the subject stays: "After Mexico accused China" (a subordinator read as a case)
        let d = doc("After Mexico accused China", &[(2, "case", Adp), (3, "nsubj", Propn), (0, "root", Verb), (3, "obj", Propn)]);
        assert_eq!(Tree::sentences(&d)[0].subjects(2), [1]);
    }

    #[test]
    fn the_noun_called_on_controls_the_infinitive() {
        use Upos::*;
        // "Welch called on Hayward to resign": Hayward resigns
        let d = doc(
            "Welch called on Hayward to resign",
            &[(2, "nsubj", Propn), (0, "root", Verb), (4, "case", Adp), (2, "obl", Propn), (6, "mark", Part), (2, "xcomp", Verb)],
        );
        let t = &Tree::sentences(&d)[0];
        assert_eq!(t.subjects(5), [3]);
        assert_eq!(t.subjects(1), [0]);
    }

    #[test]
    fn a_participle_with_a_by_agent_is_passive() {
        use Upos::*;
        // "McKay , asked by Markey , said nothing": the participle is passive
        let mut d = doc(
            "McKay , asked by Markey , said nothing",
            &[(7, "nsubj", Propn), (3, "punct", Punct), (1, "acl", Verb), (5, "case", Adp), (3, "obl:agent", Propn), (3, "punct", Punct), (0, "root", Verb), (7, "obj", Pron)],
        );
        d.tokens[2].syntax.as_mut().unwrap().xpos = "VBN".into();
        let t = &Tree::sentences(&d)[0];
        assert!(t.is_passive(2));
        assert_eq!(t.agents(2), [4]);
        // the active main verb is not
        assert!(!t.is_passive(6));
    }

    #[test]
    fn a_bare_participle_coordinated_with_a_passive_shares_its_voice() {
        use Upos::*;
        // "Two guards were beaten or shot": both are passive
        let mut d = doc(
            "Two guards were beaten or shot",
            &[(2, "nummod", Num), (4, "nsubj:pass", Noun), (4, "aux:pass", Aux), (0, "root", Verb), (6, "cc", Cconj), (4, "conj", Verb)],
        );
        d.tokens[3].syntax.as_mut().unwrap().xpos = "VBN".into();
        d.tokens[5].syntax.as_mut().unwrap().xpos = "VBN".into();
        let t = &Tree::sentences(&d)[0];
        assert!(t.is_passive(3) && t.is_passive(5));
        // "Two guards were beaten and fled": the second verb is active
        d.tokens[5].syntax.as_mut().unwrap().xpos = "VBD".into();
        let t = &Tree::sentences(&d)[0];
        assert!(!t.is_passive(5));
        // "Rebels have beaten and shot two guards": no passive to share
        let mut d = doc(
            "Rebels have beaten and shot two guards",
            &[(3, "nsubj", Noun), (3, "aux", Aux), (0, "root", Verb), (5, "cc", Cconj), (3, "conj", Verb), (7, "nummod", Num), (5, "obj", Noun)],
        );
        d.tokens[2].syntax.as_mut().unwrap().xpos = "VBN".into();
        d.tokens[4].syntax.as_mut().unwrap().xpos = "VBN".into();
        let t = &Tree::sentences(&d)[0];
        assert!(!t.is_passive(4));
    }

    #[test]
    fn the_patient_of_a_passive_is_its_subject_or_the_noun_it_modifies() {
        use Upos::*;
        // "video released by BP showed oil": the participle's patient is the video
        let mut d = doc(
            "video released by BP showed oil",
            &[(5, "nsubj", Noun), (1, "acl", Verb), (4, "case", Adp), (2, "obl:agent", Propn), (0, "root", Verb), (5, "obj", Noun)],
        );
        d.tokens[1].syntax.as_mut().unwrap().xpos = "VBN".into();
        let t = &Tree::sentences(&d)[0];
        assert_eq!(t.patients(1), [0]);
        assert_eq!(t.patients(4), [5], "the active verb's patient is its object");
        // "the prisoners were released": the passive subject
        let d = doc(
            "the prisoners were released",
            &[(2, "det", Det), (4, "nsubj:pass", Noun), (4, "aux:pass", Aux), (0, "root", Verb)],
        );
        let t = &Tree::sentences(&d)[0];
        assert_eq!(t.patients(3), [1]);
    }

    #[test]
    fn coordination_and_control_keep_the_subject() {
        use Upos::*;
        // Russia and Ukraine agreed to release prisoners
        let d = doc(
            "Russia and Ukraine agreed to release prisoners",
            &[(4, "nsubj", Propn), (3, "cc", Cconj), (1, "conj", Propn), (0, "root", Verb), (6, "mark", Part), (4, "xcomp", Verb), (6, "obj", Noun)],
        );
        let t = &Tree::sentences(&d)[0];
        assert_eq!(t.subjects(3), [0, 2]);
        assert_eq!(t.subjects(5), [0, 2], "release is controlled by agreed's subjects");
        assert_eq!(t.objects(5), [6]);
        assert_eq!(t.with_conjuncts(0), [0, 2]);
        assert_eq!(t.first_conjunct(2), 0);
        assert_eq!(t.children_with(3, "xcomp"), [5]);
    }

    #[test]
    fn a_finite_verb_hung_as_a_bare_adverbial_clause_is_a_coordinated_predicate() {
        use Upos::*;
        // Kenya visited Lima , praised Peru and offered help (the parser hung "praised" as advcl)
        let arcs = [
            (2, "nsubj", Propn), (0, "root", Verb), (2, "obj", Propn), (5, "punct", Punct), (2, "advcl", Verb),
            (5, "obj", Propn), (8, "cc", Cconj), (5, "conj", Verb), (8, "obj", Noun),
        ];
        let with_tags = |tags: [&str; 3]| {
            let mut d = doc("Kenya visited Lima , praised Peru and offered help", &arcs);
            for (i, tag) in [1, 4, 7].into_iter().zip(tags) {
                if let Some(s) = d.tokens[i].syntax.as_mut() {
                    s.xpos = tag.into();
                }
            }
            d
        };
        let d = with_tags(["VBD", "VBD", "VBD"]);
        let t = &Tree::sentences(&d)[0];
        assert!(t.loose_predicate(4));
        assert_eq!(t.first_predicate(7), 1);
        assert_eq!(t.subjects(7), [0], "offered shares the subject of visited");
        assert_eq!(t.first_conjunct(7), 4, "nouns and true conjuncts only");
        // without the comma a subjectless finite verb is the parser's error of another kind
        // ("sank after an explosion killed eleven")
        let mut d = doc(
            "Kenya visited Lima praised Peru",
            &[(2, "nsubj", Propn), (0, "root", Verb), (2, "obj", Propn), (2, "advcl", Verb), (4, "obj", Propn)],
        );
        if let Some(s) = d.tokens[3].syntax.as_mut() {
            s.xpos = "VBD".into();
        }
        let t = &Tree::sentences(&d)[0];
        assert!(!t.loose_predicate(3));
        // a participle ("praising Peru") is an adverbial clause of its own
        let d = with_tags(["VBD", "VBG", "VBD"]);
        let t = &Tree::sentences(&d)[0];
        assert!(!t.loose_predicate(4));
        assert_eq!(t.first_predicate(7), 4);
        assert!(t.subjects(7).is_empty());
    }

    #[test]
    fn object_control_and_penn_tags() {
        use Upos::*;
        // Egypt urged Israel to withdraw
        let d = doc(
            "Egypt urged Israel to withdraw",
            &[(2, "nsubj", Propn), (0, "root", Verb), (2, "obj", Propn), (5, "mark", Part), (2, "xcomp", Verb)],
        );
        let t = &Tree::sentences(&d)[0];
        assert_eq!(t.subjects(4), [2], "the object of 'urged' withdraws");
        assert_eq!(t.subjects(1), [0]);
        assert_eq!(t.xpos(1), "_");
    }

    #[test]
    fn unparsed_sentences_answer_nothing() {
        let mut d = doc("a b", &[(0, "root", Upos::X), (1, "dep", Upos::X)]);
        for t in &mut d.tokens {
            t.syntax = None;
        }
        let t = &Tree::sentences(&d)[0];
        assert!(!t.is_parsed());
        assert_eq!(t.root(), None);
        assert!(t.subjects(0).is_empty());
        assert_eq!(t.head(1), None);
    }
}
