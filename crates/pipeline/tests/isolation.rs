//! One document never costs its batch (#17 item 4): a directory holding pathological
//! inputs — a FIFO named `.txt`, a page nested 100,000 `<div>`s deep, a text over the
//! size budget, a page that panics the HTML extractor, a paragraph of thousands of
//! "held on Monday" — ingests its good articles in the same batch, rejects each bad one
//! with its own reason, and reads the deep page's article.

use std::path::Path;

use chronicle_pipeline::Pipeline;
use chronicle_store::Store;

const ARTICLE: &str = "The harbour reopened on Saturday after three weeks of repairs to the northern quay, the port authority said in a statement.\n\
Fishing crews, who had moored their boats in a neighbouring town during the works, were the first to return on the morning tide.\n";

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn pathological_inputs_are_rejected_alone_and_their_batch_mates_ingested() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write(dir, "a-good.txt", &format!("Harbour reopens\n{ARTICLE}"));
    let n = 100_000;
    write(dir, "b-deep.html", &format!("<html><head><title>Quay works</title></head><body>{}<p>{}</p>{}</body></html>", "<div>".repeat(n), ARTICLE.replace("harbour", "marina"), "</div>".repeat(n)));
    let sentence = "The ferry pier opened on Tuesday after two years of building work, the mayor said. ";
    write(dir, "c-huge.txt", &format!("Ferry pier\n{}", sentence.repeat((1 << 20) / sentence.len() + 1)));
    write(dir, "d-panics.html", "<div>\u{301}🙂By Jane Roe</div>");
    write(dir, "e-held.txt", &format!("Talks held\nThe talks were {}.\n", "held on Monday ".repeat(3_000)));
    let fifo = dir.join("f-pipe.txt");
    let made_fifo = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    write(dir, "g-good.txt", &format!("Ferry pier opens\n{}", ARTICLE.replace("harbour", "ferry pier")));

    let pipeline = Pipeline::load().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let summary = pipeline.ingest(&mut store, &[dir.to_path_buf()], |_| {}).unwrap();

    let kinds: Vec<(String, String)> = summary
        .rejected
        .iter()
        .map(|r| (Path::new(&r.source).file_name().unwrap_or_default().to_string_lossy().into_owned(), r.kind.clone()))
        .collect();
    let mut expected = vec![("c-huge.txt".to_string(), "too-long".to_string()), ("d-panics.html".to_string(), "panic".to_string())];
    if made_fifo {
        expected.push(("f-pipe.txt".to_string(), "not-regular".to_string()));
    }
    let mut got = kinds.clone();
    got.sort();
    assert_eq!(got, expected, "{:?}", summary.rejected);
    assert_eq!(summary.ingested.len(), 4, "good, deep, held and good again: {}", summary.render());
    let deep = summary.ingested.iter().filter_map(|id| store.document(id.as_str()).ok().flatten()).find(|d| d.source.ends_with("b-deep.html"));
    let deep = deep.expect("the deep page is stored");
    assert!(deep.body().contains("The marina reopened on Saturday"), "{}", deep.body());
}

/// Nesting that the HTML parser builds but a tag count misses — `<div/>` opens a
/// `div` in HTML, and `<li><dd>` pairs close nothing — once overflowed the stack of the
/// DOM walks and aborted the whole run (a stack overflow is no panic: `catch_unwind`
/// cannot stop it). Now the first is flattened like any deep page and the second is
/// that page's `too-deep` rejection; the articles beside them are ingested.
#[test]
fn nesting_that_would_overflow_the_stack_costs_only_its_page() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let n = 20_000;
    write(dir, "a-good.txt", &format!("Harbour reopens\n{ARTICLE}"));
    write(dir, "b-self-closed.html", &format!("<html><head><title>Quay works</title></head><body>{}<p>{}</p></body></html>", "<div/>".repeat(n), ARTICLE.replace("harbour", "marina")));
    write(dir, "c-list.html", &format!("<html><body><ul>{}<p>{}</p></ul></body></html>", "<li><dd>".repeat(n), ARTICLE.replace("harbour", "canal")));
    write(dir, "d-good.txt", &format!("Ferry pier opens\n{}", ARTICLE.replace("harbour", "ferry pier")));

    let pipeline = Pipeline::load().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let summary = pipeline.ingest(&mut store, &[dir.to_path_buf()], |_| {}).unwrap();

    let rejected: Vec<(String, String)> = summary
        .rejected
        .iter()
        .map(|r| (Path::new(&r.source).file_name().unwrap_or_default().to_string_lossy().into_owned(), r.kind.clone()))
        .collect();
    assert_eq!(rejected, vec![("c-list.html".to_string(), "too-deep".to_string())], "{:?}", summary.rejected);
    assert!(summary.rejected[0].reason.contains("nested"), "{}", summary.rejected[0].reason);
    assert_eq!(summary.ingested.len(), 3, "{}", summary.render());
    let flat = summary.ingested.iter().filter_map(|id| store.document(id.as_str()).ok().flatten()).find(|d| d.source.ends_with("b-self-closed.html"));
    assert!(flat.expect("the self-closed page is stored").body().contains("The marina reopened on Saturday"));
}
