//! Prints the quotes the language layer finds in a text file (sentences,
//! syntax, times and quotes only): `quote_dump FILE [NEEDLE]`.
use chronicle_core::{DocId, Document, InputFormat, Metadata};

fn main() {
    let Some(path) = std::env::args().nth(1) else { return };
    let needle = std::env::args().nth(2).unwrap_or_default();
    let Ok(text) = std::fs::read_to_string(&path) else { return };
    let mut doc = Document::new(DocId::from_text(&text), path, InputFormat::Text, vec![], text.clone(), text.clone(), Metadata::default());
    chronicle_language::sentence::annotate(&mut doc);
    chronicle_syntax::Syntax::builtin().expect("syntax").annotate(&mut doc);
    chronicle_language::time::annotate(&mut doc);
    chronicle_language::quote::annotate(&mut doc);
    for q in &doc.quotes {
        let c = q.span.text(&text);
        if c.contains(&needle) {
            println!("{:?} direct={} cue={:?} speaker={:?}\n   {}", q.span, q.direct, q.cue, q.speaker_text, c.chars().take(120).collect::<String>());
        }
    }
}
