//! The syntax layer end to end with a model whose weights this test controls
//! (trained here on a hand-written fixture, so the test does not depend on
//! what `data/syntax/` holds): the language layer parses every sentence, the
//! store accepts the trees, and the export's sentence records validate.

use std::path::Path;

use chronicle_core::{DocId, Document, InputFormat, Metadata};
use chronicle_store::export::{validate_record, write_jsonl, ExportOptions};
use chronicle_store::Store;

fn fixture_model(dir: &Path) -> chronicle_syntax::Syntax {
    let gold = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/syntax/talks.conllu")).unwrap();
    for name in chronicle_syntax::train::EWT_FILES {
        std::fs::write(dir.join(name), &gold).unwrap();
    }
    let cfg = chronicle_syntax::train::TrainConfig::default();
    let trained = chronicle_syntax::train::train_to_dir(dir, &dir.join("out"), cfg, &mut |_| {}).unwrap();
    trained.to_syntax().unwrap()
}

#[test]
fn parsed_documents_store_and_export_valid_sentence_records() {
    let dir = tempfile::tempdir().unwrap();
    let mut language = chronicle_language::Language::load().expect("language data");
    language.syntax = fixture_model(dir.path());
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/istanbul-talks");
    let mut docs = Vec::new();
    for name in ["001_c2f305a5063d9f21.txt", "003_1ab1a1e8cfb25cf6.txt"] {
        let text = std::fs::read_to_string(corpus.join(name)).unwrap();
        let mut doc = Document::new(DocId::from_text(&text), name.into(), InputFormat::Text, vec![], text.clone(), text, Metadata::default());
        language.annotate(&mut doc);
        assert!(doc.sentences.len() > 3);
        for range in doc.sentence_token_ranges() {
            let roots = doc.tokens[range.clone()].iter().filter(|t| t.syntax.as_ref().is_some_and(|s| s.head.is_none())).count();
            assert_eq!(roots, 1, "one root per sentence");
            assert!(doc.tokens[range].iter().all(|t| t.syntax.is_some()), "every token parsed");
        }
        docs.push(doc);
    }
    let mut store = Store::open(&dir.path().join("c.db")).unwrap();
    store.write_batch(docs.clone()).expect("the store accepts the trees");
    let back = store.document(docs[0].id.as_str()).unwrap().unwrap();
    assert_eq!(back.tokens, docs[0].tokens, "syntax round-trips through the store");

    let mut out = Vec::new();
    let counts = write_jsonl(&store, &mut out, &ExportOptions::default()).unwrap();
    let n_sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    assert_eq!(counts.sentences as usize, n_sentences);
    let mut parsed = 0;
    for line in String::from_utf8(out).unwrap().lines() {
        validate_record(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        if v["kind"] == "sentence" {
            let tokens = v["tokens"].as_array().unwrap();
            assert!(tokens.iter().all(|t| t["head"].is_u64() && t["upos"].is_string()), "{line}");
            parsed += 1;
        }
    }
    assert_eq!(parsed, n_sentences);
}
