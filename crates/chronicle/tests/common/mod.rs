//! What the record tests share: the fixture corpus, running the binary, and
//! the record read back from a store (an SQLite file or a PostgreSQL URL).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chronicle_core::record::MergedEvent;
use chronicle_store::{StateEntry, Store};

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
}

pub fn run(db: &Path, args: &[&str]) -> Output {
    bin().arg("--db").arg(db).args(args).output().expect("chronicle runs")
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Inputs per transaction in these tests: many commits from a small corpus.
pub const BATCH: &str = "2";

/// Writes the fixture corpus: the demo articles, trimmed copies of three of them
/// (near-duplicates), and four small stories of four reports each. One article per
/// folder, so that no line is furniture of a site and cleaning is the same in any batch.
pub fn corpus(root: &Path, part: Option<usize>) -> PathBuf {
    let dir = root.join(match part {
        None => "corpus".to_string(),
        Some(p) => format!("part{p}"),
    });
    let write = |name: &str, body: &str| {
        let folder = dir.join(name);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("article.txt"), body).unwrap();
    };
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/istanbul-talks");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&demo).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut n = 0;
    let keep = |n: usize| part.is_none_or(|p| n % 2 == p);
    for (i, f) in files.iter().enumerate() {
        let body = std::fs::read_to_string(f).unwrap();
        if keep(n) {
            write(&format!("demo{i}"), &body);
        }
        n += 1;
        if i < 3 {
            let cut: String = body.chars().take(body.chars().count() * 3 / 4).collect();
            if keep(n) {
                write(&format!("copy{i}"), &format!("{cut}\n\nThis report was shortened by the desk."));
            }
            n += 1;
        }
    }
    let pairs = [("Russia", "Ukraine", "Istanbul"), ("France", "Germany", "Paris"), ("China", "India", "Geneva"), ("Japan", "Brazil", "Tokyo")];
    for (k, (a, b, city)) in pairs.iter().enumerate() {
        for j in 0..4 {
            let day = 10 + k;
            let body = format!(
                "{a} and {b} hold talks in {city}\n\n{city}, May {day}, 2025 - The foreign ministers of {a} and {b} met in {city} on \
                 May {day}, 2025, for talks on trade and security, officials said. {a} accused {b} of breaking the \
                 ceasefire agreed last year. The minister of {b} rejected the accusation and said his country wanted \
                 peace. Both sides agreed to meet again in June.\n\nCorrespondent number {j} of desk {k} filed this \
                 report, version {j}{k}, after {} hours of talks.",
                j + 2
            );
            if keep(n) {
                write(&format!("talks{k}_{j}"), &body);
            }
            n += 1;
        }
    }
    dir
}

/// What must be the same after any crash and re-run: every document with its
/// story and duplicate group, the link state, the stored merged events, stories and export.
#[derive(Debug, PartialEq)]
pub struct Record {
    pub docs: Vec<(String, Option<String>, Option<String>)>,
    pub state: Vec<StateEntry>,
    pub merged: Vec<MergedEvent>,
    pub stories: String,
    pub export: String,
}

impl Record {
    /// The first part and line in which `self` differs from `want`, or None
    /// (a whole record's Debug text is too long to read in a CI log).
    #[allow(dead_code)] // not every test binary uses it
    pub fn difference(&self, want: &Record) -> Option<String> {
        let parts: [(&str, Vec<String>, Vec<String>); 5] = [
            ("documents", self.docs.iter().map(|d| format!("{d:?}")).collect(), want.docs.iter().map(|d| format!("{d:?}")).collect()),
            ("link state", self.state.iter().map(|e| format!("{e:?}")).collect(), want.state.iter().map(|e| format!("{e:?}")).collect()),
            ("merged events", self.merged.iter().map(|e| format!("{e:?}")).collect(), want.merged.iter().map(|e| format!("{e:?}")).collect()),
            ("stories", self.stories.lines().map(str::to_string).collect(), want.stories.lines().map(str::to_string).collect()),
            ("export", self.export.lines().map(str::to_string).collect(), want.export.lines().map(str::to_string).collect()),
        ];
        parts.into_iter().find_map(|(part, got, exp)| {
            let i = (0..got.len().max(exp.len())).find(|&i| got.get(i) != exp.get(i))?;
            let cut = |s: Option<&String>| s.map_or("(none)".to_string(), |s| s.chars().take(600).collect());
            Some(format!("{part} differ at line {i} of {} against {}\n got: {}\nwant: {}", got.len(), exp.len(), cut(got.get(i)), cut(exp.get(i))))
        })
    }
}

pub fn record(db: &Path) -> Record {
    let store = Store::open(db).unwrap();
    let mut docs: Vec<_> = store
        .documents()
        .unwrap()
        .into_iter()
        .map(|d| (d.id.to_string(), d.story, d.duplicate_of.map(|i| i.to_string())))
        .collect();
    docs.sort();
    let state = store.state_entries("").unwrap();
    let merged = store.merged_events().unwrap();
    drop(store);
    let stories = run(db, &["stories"]);
    assert!(stories.status.success(), "{}", text(&stories.stderr));
    let export = run(db, &["export", "--format", "jsonl"]);
    assert!(export.status.success(), "{}", text(&export.stderr));
    Record { docs, state, merged, stories: text(&stories.stdout), export: text(&export.stdout) }
}

pub fn ingest_cli(db: &Path, corpus: &Path) -> Output {
    let out = run(db, &["ingest", "--batch", BATCH, corpus.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    out
}


/// A fresh schema on the test server, as a URL the CLI takes (the schema set
/// through the connection's `search_path`); `None` with a notice when no
/// server is named.
pub fn fresh_database(test: &str) -> Option<PathBuf> {
    let Some(url) = std::env::var("CHRONICLE_TEST_PG").ok().filter(|u| !u.trim().is_empty()) else {
        eprintln!("{test}: skipped (set CHRONICLE_TEST_PG to a PostgreSQL URL to run it)");
        return None;
    };
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    let schema = format!("cli_{}_{}", std::process::id(), nanos % 1_000_000_000_000);
    drop(Store::open_postgres(&url, Some(&schema)).expect("the test server answers"));
    let sep = if url.contains('?') { '&' } else { '?' };
    Some(PathBuf::from(format!("{url}{sep}options=-csearch_path%3D{schema}")))
}
