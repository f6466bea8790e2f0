//! Furniture across pages: a line on six pages of one site is template text on the
//! seventh, is retracted from the pages stored before it reached the count, and stays
//! article text on another site.

use std::path::{Path, PathBuf};

use chronicle_core::{BlockLabel, DocId, Document};
use chronicle_pipeline::Pipeline;
use chronicle_store::Store;

const TEMPLATE: &str = "The harbour office publishes a fresh tide table for every port along this coast each morning.";
const TOWNS: [&str; 8] = ["Arden", "Brill", "Corran", "Dunmore", "Elgin", "Fenwick", "Garth", "Hollin"];

fn page(town: &str) -> String {
    format!(
        "{town} council opens new ferry pier\n\
         The council of {town} opened its new ferry pier on Tuesday after two years of building work, the mayor said at a ceremony attended by several hundred residents.\n\
         {TEMPLATE}\n\
         Ferries to the islands will leave {town} four times a day from next week, and the old wooden jetty will be taken down before the winter storms, officials said.\n"
    )
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn label_of_template(doc: &Document) -> (BlockLabel, String) {
    let b = doc.blocks.iter().find(|b| b.span.text(&doc.extracted) == TEMPLATE).expect("template block");
    (b.label, b.reason.clone())
}

#[test]
fn template_line_learnt_per_site_and_retracted_from_earlier_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let pipeline = Pipeline::load().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let mut ids: Vec<DocId> = Vec::new();
    for (i, town) in TOWNS.iter().take(7).enumerate() {
        let path = write(&tmp.path().join("site-a"), &format!("p{i}.txt"), &page(town));
        let summary = pipeline.ingest(&mut store, &[path], |_| {}).unwrap();
        ids.extend(summary.ingested);
    }
    assert_eq!(ids.len(), 7);
    let other = write(&tmp.path().join("site-b"), "p0.txt", &page(TOWNS[7]));
    let other_id = pipeline.ingest(&mut store, &[other], |_| {}).unwrap().ingested.pop().unwrap();

    let seventh = store.document(ids[6].as_str()).unwrap().unwrap();
    let (label, reason) = label_of_template(&seventh);
    assert_eq!(label, BlockLabel::Boilerplate, "{reason}");
    assert!(reason.contains("template"), "{reason}");
    assert!(!seventh.body().contains(TEMPLATE));

    let first = store.document(ids[0].as_str()).unwrap().unwrap();
    let (label, reason) = label_of_template(&first);
    assert_eq!(label, BlockLabel::Boilerplate, "stored before the count was reached, corrected after: {reason}");

    let elsewhere = store.document(other_id.as_str()).unwrap().unwrap();
    assert_eq!(label_of_template(&elsewhere).0, BlockLabel::Body);
    assert!(elsewhere.body().contains(TEMPLATE));
}
