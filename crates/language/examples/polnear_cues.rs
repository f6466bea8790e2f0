//! Diagnostic: for PolNeAR dev attributions no quote covers, how the tree
//! sees the gold cue (cue-model score, which child holds the content, whether
//! the subject is the gold source). Research data outside the repository.
use std::collections::BTreeMap;
use std::path::PathBuf;

use chronicle_language::eval::polnear::{articles, Article};
use chronicle_syntax::tree::Tree;

fn main() {
    let dir = std::env::args().nth(1).map_or_else(|| PathBuf::from("../shared/data/polnear"), PathBuf::from);
    let Ok((_, articles)) = articles(&dir) else {
        return;
    };
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for Article { text, gold, doc, .. } in &articles {
        let ov = |a: (usize, usize), b: (usize, usize)| a.1.min(b.1).saturating_sub(a.0.max(b.0));
        for g in gold.iter().filter(|g| !g.source.is_empty()) {
            if doc.quotes.iter().any(|q| g.content.iter().any(|c| ov(*c, (q.span.start(), q.span.end())) > 0)) {
                continue;
            }
            let toks: Vec<usize> = (0..doc.tokens.len()).filter(|&t| g.cue.iter().any(|c| ov(*c, (doc.tokens[t].span.start(), doc.tokens[t].span.end())) > 0)).collect();
            let Some(&t0) = toks.first() else { continue };
            let Some(tree) = Tree::of_token(&doc, t0) else { continue };
            let head = toks.iter().copied().find(|&t| matches!(tree.upos(t), Some(chronicle_core::Upos::Verb))).or_else(|| toks.iter().copied().find(|&t| matches!(tree.upos(t), Some(chronicle_core::Upos::Noun | chronicle_core::Upos::Adj)))).unwrap_or(t0);
            let pos = format!("{:?}", tree.upos(head));
            let score = chronicle_language::cue_model::score(&tree, head);
            let span = |t: usize| { let st = tree.subtree(t); (doc.tokens[st[0]].span.start(), doc.tokens[*st.last().unwrap()].span.end()) };
            let best = tree.children(head).into_iter().map(|c| (c, g.content.iter().map(|r| ov(*r, span(c))).sum::<usize>())).filter(|x| x.1 > 0).max_by_key(|x| x.1);
            let crel = best.map_or("-".to_string(), |(c, _)| tree.deprel(c).to_string());
            let subj = tree.subjects(head).first().copied();
            let trim = |s: &str| s.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
            let gsrc = trim(&g.source.iter().map(|r| &text[r.0..r.1]).collect::<Vec<_>>().join(" "));
            let subj_ok = subj.map_or("nosubj", |s| if trim(&text[span(s).0..span(s).1]) == gsrc { "subj=src" } else { "subj!=src" });
            let key = format!("{pos} {} {crel} {subj_ok}", if score.is_some_and(|s| s > 0.0) { "CUE" } else { "nocue" });
            *counts.entry(key.clone()).or_default() += 1;
            println!("{key}\t{}\t{}\tsrc={gsrc}\tcontent={}", tree.deprel(head), tree.word(head), text[g.content[0].0..g.content[0].1].chars().take(70).collect::<String>().replace('\n', " "));
        }
    }
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1));
    for (k, n) in v {
        println!("COUNT {n}\t{k}");
    }
}
