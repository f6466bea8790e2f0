//! A learned test for attribution cues: does this verb report what someone
//! said, thinks or wants ("said", "questioned", "mocked", "cited", "pledged")?
//! Word lists of reporting verbs miss the long tail of stance verbs that
//! attribution corpora mark, so the test is an averaged perceptron over the
//! verb's dependency frame (lemma, its complements, subject kind, negation,
//! particles, whether it stands in a parenthetical "…, X said"), trained by
//! [`train`] on PolNeAR's train split (gold cue spans; research data, read
//! from `../shared/data/polnear`, never copied: only hashed feature weights
//! are stored in `data/quote/cue_model.bin`).
//!
//! An empty weights file is valid: then no verb is a learned cue and quotes
//! come from the cue word lists alone.

use std::path::Path;
use std::sync::LazyLock;

use chronicle_core::{DocId, Document, InputFormat, Metadata, Upos};
use chronicle_syntax::features::{feat, hash_str};
use chronicle_syntax::perceptron::{Model, Rng, Trainer};
use chronicle_syntax::tree::Tree;
use chronicle_syntax::Syntax;

use crate::eval::polnear::parse_ann;
use crate::LanguageError;

/// Magic of the weights file.
pub const MAGIC: [u8; 8] = *b"CHRCUE1\n";

static BUILTIN: LazyLock<Option<Model>> = LazyLock::new(|| {
    let bytes = include_bytes!("../../../data/quote/cue_model.bin");
    if bytes.is_empty() {
        None
    } else {
        Model::from_bytes(bytes, MAGIC, "data/quote/cue_model.bin").ok()
    }
});

/// The built-in model's score for verb `v` of `tree` (`None` without a model
/// or when `v` is no candidate). Positive means a cue.
pub fn score(tree: &Tree, v: usize) -> Option<f32> {
    let model = BUILTIN.as_ref()?;
    score_with(model, tree, v)
}

fn score_with(model: &Model, tree: &Tree, v: usize) -> Option<f32> {
    if !is_candidate(tree, v) {
        return None;
    }
    let mut f = Vec::with_capacity(32);
    features(tree, v, &mut f);
    let mut s = Vec::with_capacity(2);
    model.scores(&f, &mut s);
    Some(s[1] - s[0])
}

/// True when the built-in model takes verb `v` for a cue.
pub fn is_cue(tree: &Tree, v: usize) -> bool {
    score(tree, v).is_some_and(|s| s > 0.0)
}

/// Verbs (not auxiliaries) are candidates.
fn is_candidate(tree: &Tree, v: usize) -> bool {
    tree.upos(v) == Some(Upos::Verb)
}

fn features(tree: &Tree, v: usize, out: &mut Vec<u32>) {
    out.clear();
    let lemma = hash_str(tree.lemma(v));
    let word = hash_str(&tree.word(v).to_lowercase());
    let rel = hash_str(tree.deprel(v));
    let children = tree.children(v);
    let mut frame: Vec<&str> = children.iter().map(|&c| tree.deprel(c)).filter(|r| !matches!(*r, "punct" | "cc")).collect();
    frame.sort_unstable();
    frame.dedup();
    let frame_h = hash_str(&frame.join(" "));
    let has = |rel: &str| children.iter().any(|&c| tree.deprel(c) == rel);
    let that = tree.complement(v).is_some_and(|c| tree.children_with(c, "mark").iter().any(|&m| tree.lemma(m) == "that"));
    let subject = tree.subjects(v).first().copied();
    let subj_kind = subject.map_or(0, |s| match tree.upos(s) {
        Some(Upos::Pron) => hash_str(tree.lemma(s)),
        Some(u) => u as u64 + 1,
        None => 0,
    });
    let prt = children.iter().find(|&&c| tree.deprel(c) == "compound:prt").map_or(0, |&c| hash_str(tree.lemma(c)));
    let obj = children.iter().find(|&&c| tree.deprel(c) == "obj").map_or(0, |&c| hash_str(tree.lemma(c)));
    let head_lemma = tree.head(v).map_or(0, |h| hash_str(tree.lemma(h)));
    let neg = children.iter().any(|&c| matches!(tree.lemma(c), "not" | "never"));
    let mut f = |t: u8, a: u64, b: u64, c: u64| out.push(feat(t, a, b, c));
    f(0, 0, 0, 0);
    f(1, lemma, 0, 0);
    f(2, word, 0, 0);
    f(3, rel, 0, 0);
    f(4, lemma, rel, 0);
    f(5, frame_h, 0, 0);
    f(6, lemma, frame_h, 0);
    for r in ["ccomp", "xcomp", "obj", "iobj", "obl", "advcl", "nsubj", "nsubj:pass", "parataxis", "obl:agent"] {
        let bit = u64::from(has(r));
        f(7, hash_str(r), bit, 0);
        f(8, lemma, hash_str(r), bit);
    }
    f(9, u64::from(that), 0, 0);
    f(10, lemma, u64::from(that), 0);
    f(11, subj_kind, 0, 0);
    f(12, lemma, subj_kind, 0);
    f(13, lemma, prt, 0);
    f(14, lemma, obj, 0);
    f(15, obj, 0, 0);
    f(16, head_lemma, rel, 0);
    f(17, lemma, u64::from(neg), 0);
    f(18, lemma, u64::from(subject.is_some()), 0);
}

/// One PolNeAR article, parsed, with its gold cue byte ranges.
fn load_article(split: &Path, stem: &str, ann_name: &str, syntax: &Syntax) -> Option<(Document, Vec<(usize, usize)>)> {
    let text = std::fs::read_to_string(split.join("text").join(format!("{stem}.txt"))).ok()?;
    let ann = std::fs::read_to_string(split.join("attributions").join(ann_name)).ok()?;
    let cues: Vec<(usize, usize)> = parse_ann(&ann, &text).into_iter().flat_map(|g| g.cue).collect();
    let mut doc = Document::new(DocId::from_text(&text), stem.into(), InputFormat::Text, Vec::new(), text.clone(), text, Metadata::default());
    crate::sentence::annotate(&mut doc);
    syntax.annotate(&mut doc);
    Some((doc, cues))
}

/// Every candidate verb of the articles under `split` (`…/train`) with its
/// features and whether a gold cue covers it. One annotator per article.
fn examples(split: &Path, syntax: &Syntax) -> Result<Vec<(Vec<u32>, bool)>, LanguageError> {
    let dir = split.join("attributions");
    let io = |e| LanguageError::Io { file: dir.display().to_string(), source: e };
    let mut names: Vec<String> =
        std::fs::read_dir(&dir).map_err(io)?.filter_map(|e| e.ok()?.file_name().into_string().ok()).filter(|n| n.ends_with(".ann")).collect();
    names.sort();
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for name in names {
        let Some((stem, _)) = name.trim_end_matches(".ann").rsplit_once('_') else { continue };
        if !seen.insert(stem.to_string()) {
            continue;
        }
        let Some((doc, cues)) = load_article(split, stem, &name, syntax) else { continue };
        for tree in Tree::sentences(&doc) {
            for v in tree.tokens() {
                if !is_candidate(&tree, v) {
                    continue;
                }
                let sp = doc.tokens[v].span;
                let gold = cues.iter().any(|c| c.0 < sp.end() && sp.start() < c.1);
                let mut f = Vec::new();
                features(&tree, v, &mut f);
                out.push((f, gold));
            }
        }
    }
    Ok(out)
}

/// Trains the cue model on the PolNeAR folder `dir` (its `train/` split)
/// with the given syntax models; deterministic.
pub fn train(dir: &Path, syntax: &Syntax, epochs: usize) -> Result<Model, LanguageError> {
    let data = examples(&dir.join("train"), syntax)?;
    if data.is_empty() {
        return Err(LanguageError::BadData { file: dir.display().to_string(), line: 0, reason: "no PolNeAR train articles".into() });
    }
    let mut trainer = Trainer::new(2);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng::new(11);
    let mut s = Vec::new();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let (f, gold) = &data[i];
            trainer.tick();
            trainer.scores(f, &mut s);
            let guess = usize::from(s[1] > s[0]);
            trainer.update(f, usize::from(*gold), guess);
        }
    }
    Ok(trainer.finish(vec!["other".into(), "cue".into()], MAGIC, 0.05))
}

/// Token-level precision/recall/F1 of `model` on the `dev/` split of `dir`.
pub fn evaluate(dir: &Path, syntax: &Syntax, model: &Model) -> Result<chronicle_core::Counts, LanguageError> {
    let data = examples(&dir.join("dev"), syntax)?;
    let mut c = chronicle_core::Counts::default();
    let mut s = Vec::new();
    for (f, gold) in data {
        model.scores(&f, &mut s);
        match (s[1] > s[0], gold) {
            (true, true) => c.tp += 1,
            (true, false) => c.fp += 1,
            (false, true) => c.fn_ += 1,
            _ => {}
        }
    }
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_syntax::fixture::parsed;

    #[test]
    fn learns_a_cue_from_its_frame_and_only_verbs_are_candidates() {
        use Upos::*;
        let cue = parsed(&["Clinton", "questioned", "the", "plan"], &[(2, "nsubj", Propn), (0, "root", Verb), (4, "det", Det), (2, "obj", Noun)]);
        let other = parsed(&["Clinton", "visited", "the", "plant"], &[(2, "nsubj", Propn), (0, "root", Verb), (4, "det", Det), (2, "obj", Noun)]);
        let (tc, to) = (&Tree::sentences(&cue)[0], &Tree::sentences(&other)[0]);
        let (mut fc, mut fo) = (Vec::new(), Vec::new());
        features(tc, 1, &mut fc);
        features(to, 1, &mut fo);
        let mut t = Trainer::new(2);
        let mut s = Vec::new();
        for _ in 0..5 {
            for (f, y) in [(&fc, 1usize), (&fo, 0)] {
                t.tick();
                t.scores(f, &mut s);
                t.update(f, y, usize::from(s[1] > s[0]));
            }
        }
        let m = t.finish(vec!["other".into(), "cue".into()], MAGIC, 0.0);
        assert!(score_with(&m, tc, 1).unwrap() > 0.0);
        assert!(score_with(&m, to, 1).unwrap() <= 0.0);
        assert_eq!(score_with(&m, tc, 0), None, "a noun is no candidate");
    }
}
