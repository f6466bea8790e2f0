//! One actor, one entity: the entity clusters link decides at ingest are what
//! the export and the server give. Own fixture: a finance minister named in
//! full, with a courtesy title and by family name alone across the reports of
//! one story; a football manager of the same family name in another story.

use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use chronicle_server::{router, AppState};
use chronicle_store::export::{write_jsonl, ExportOptions};
use chronicle_store::Store;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

const MINISTER: [&str; 3] = [
    "Nigeria unveils budget as finance minister promises lower deficit\n\nABUJA, March 3, 2024 - Nigeria's finance minister, Ms Jane Okafor, presented the 2024 budget to parliament in Abuja on Monday, promising to cut the deficit and raise spending on roads and schools. Ms Jane Okafor told lawmakers that oil revenue would fund most of the new spending.\n",
    "Nigerian lawmakers question budget deficit plan\n\nABUJA, March 4, 2024 - Nigerian lawmakers questioned the finance ministry's budget on Tuesday. Okafor defended the plan to cut the deficit and said oil revenue and new taxes would pay for roads and schools in the 2024 budget. Lawmakers in Abuja will vote on the budget next week.\n",
    "Nigeria parliament debates budget and deficit\n\nABUJA, March 5, 2024 - Nigeria's parliament in Abuja debated the 2024 budget on Wednesday. Finance minister Jane Okafor said the deficit would fall and that spending on roads and schools would rise. Okafor said oil revenue would pay for most of it.\n",
];

const MANAGER: [&str; 2] = [
    "Leeds United appoint new football manager\n\nLEEDS, September 12, 2024 - Leeds United named David Okafor as the football club's new manager on Thursday after a run of defeats. David Okafor, a former midfielder, said he wanted to win promotion this season and praised the club's young players.\n",
    "New Leeds United manager wins first football match\n\nLEEDS, September 15, 2024 - Leeds United won their first football match under their new manager on Sunday, beating the visitors two goals to one. Okafor praised the young players and said the club could win promotion this season.\n",
];

/// The fixture ingested into a store under `dir`, in batches of `batch`.
fn ingest(dir: &Path, batch: usize) -> std::path::PathBuf {
    let mut paths = Vec::new();
    for (folder, texts) in [("minister", &MINISTER[..]), ("manager", &MANAGER[..])] {
        std::fs::create_dir_all(dir.join(folder)).unwrap();
        for (i, t) in texts.iter().enumerate() {
            let p = dir.join(folder).join(format!("{i}.txt"));
            std::fs::write(&p, t).unwrap();
            paths.push(p);
        }
    }
    let db = dir.join("okafor.db");
    let mut store = Store::open(&db).unwrap();
    let mut pipeline = chronicle_pipeline::Pipeline::load().unwrap();
    pipeline.batch_size = batch;
    let summary = pipeline.ingest(&mut store, &paths, |_| {}).unwrap();
    assert_eq!(summary.ingested.len(), 5, "{}", summary.render());
    db
}

fn export(db: &Path) -> Vec<Value> {
    let store = Store::open(db).unwrap();
    let mut out = Vec::new();
    write_jsonl(&store, &mut out, &ExportOptions { sentences: false, ..ExportOptions::default() }).unwrap();
    String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn a_person_named_three_ways_in_one_story_is_one_entity_and_a_namesake_elsewhere_another() {
    let dir = tempfile::tempdir().unwrap();
    let records = export(&ingest(dir.path(), 256));
    let folder_of = |doc: &str| -> String {
        let d = records.iter().find(|r| r["kind"] == "document" && r["id"] == doc).unwrap();
        let source = d["source"].as_str().unwrap();
        if source.contains("minister") { "minister".into() } else { "manager".into() }
    };
    let mut by_folder: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> = Default::default();
    let mut surfaces = std::collections::BTreeSet::new();
    for m in records.iter().filter(|r| r["kind"] == "mention" && r["text"].as_str().unwrap().contains("Okafor")) {
        by_folder.entry(folder_of(m["doc"].as_str().unwrap())).or_default().insert(m["entity"].as_str().unwrap().to_string());
        surfaces.insert(m["text"].as_str().unwrap().to_string());
    }
    assert!(surfaces.contains("Ms Jane Okafor") && surfaces.contains("Jane Okafor") && surfaces.contains("Okafor"), "{surfaces:?}");
    let minister = &by_folder["minister"];
    let manager = &by_folder["manager"];
    assert_eq!(minister.len(), 1, "every mention of the minister is one entity: {by_folder:?}");
    assert_eq!(manager.len(), 1, "every mention of the manager is one entity: {by_folder:?}");
    assert_ne!(minister, manager, "two people of one family name in two stories stay apart");
    let jane = minister.iter().next().unwrap().clone();
    let people: Vec<&Value> = records
        .iter()
        .filter(|r| r["kind"] == "entity" && r["type"] == "person" && r["name"].as_str().unwrap().contains("Okafor"))
        .collect();
    assert_eq!(people.len(), 2, "{people:?}");
    let rec = people.iter().find(|r| r["id"] == jane.as_str()).unwrap();
    let aliases: Vec<&str> = rec["aliases"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
    assert!(aliases.contains(&"Okafor") && aliases.contains(&"Ms Jane Okafor"), "{aliases:?}");

    // the server lists the same entities, with the minister's three documents
    let state = Arc::new(AppState::open(&dir.path().join("okafor.db"), None).unwrap());
    let get = |uri: String| {
        let state = Arc::clone(&state);
        async move {
            let res = router(state).oneshot(Request::get(&uri).body(Body::empty()).unwrap()).await.unwrap();
            assert_eq!(res.status(), StatusCode::OK, "{uri}");
            let body = res.into_body().collect().await.unwrap().to_bytes();
            serde_json::from_slice::<Value>(&body).unwrap()
        }
    };
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(async {
        let list = get("/api/entities?limit=500".into()).await;
        let listed: Vec<&Value> = list["items"].as_array().unwrap().iter().filter(|e| e["name"].as_str().unwrap().contains("Okafor")).collect();
        assert_eq!(listed.len(), 2, "{listed:?}");
        let item = listed.iter().find(|e| e["id"] == jane.as_str()).unwrap();
        assert_eq!(item["documents"].as_u64(), Some(3), "{item}");
        let page = get(format!("/api/entities/{}", jane.replace(':', "%3A"))).await;
        assert_eq!(page["document_list"].as_array().unwrap().len(), 3, "{page}");
    });
}

#[test]
fn the_entities_do_not_depend_on_the_batch_size() {
    let (one, whole) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let entity_ids = |records: Vec<Value>| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = records
            .iter()
            .filter(|r| r["kind"] == "mention")
            .map(|r| (format!("{}@{}", r["text"], r["doc"]), r["entity"].as_str().unwrap().to_string()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(entity_ids(export(&ingest(one.path(), 1))), entity_ids(export(&ingest(whole.path(), 256))));
}
