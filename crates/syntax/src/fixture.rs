//! Hand-built parsed documents for the tests of stages that read trees
//! (quotes, events): a sentence of words with the tree written out, no
//! model needed.

use chronicle_core::{DocId, Document, InputFormat, Metadata, Sentence, Span, Token, TokenSyntax, Upos};

/// One word's arc: head (1-based, 0 for the root), relation, UPOS.
pub type Arc<'a> = (usize, &'a str, Upos);

/// A one-sentence document over `words` joined by single spaces, each token
/// carrying its arc (lemma: the lower-cased word; Penn tag `_`).
///
/// # Panics
/// When `arcs` and `words` differ in length (a mistake in the test itself).
pub fn parsed(words: &[&str], arcs: &[Arc]) -> Document {
    assert_eq!(words.len(), arcs.len(), "one arc per word");
    let text = words.join(" ");
    let mut d = Document::new(
        DocId::from_text(&text),
        "fixture".into(),
        InputFormat::Text,
        text.as_bytes().to_vec(),
        text.clone(),
        text.clone(),
        Metadata::default(),
    );
    let mut at = 0;
    for (w, &(head, rel, upos)) in words.iter().zip(arcs) {
        let mut tok = Token::new(Span::new(&text, at, at + w.len()).expect("word on char boundaries"));
        tok.syntax = Some(TokenSyntax {
            upos,
            xpos: "_".into(),
            lemma: w.to_lowercase(),
            head: head.checked_sub(1).map(|h| h as u32),
            deprel: rel.into(),
        });
        d.tokens.push(tok);
        at += w.len() + 1;
    }
    d.sentences.push(Sentence { span: Span::new(&text, 0, text.len()).expect("whole text") });
    d
}
