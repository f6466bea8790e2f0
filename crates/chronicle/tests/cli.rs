//! End-to-end tests of the `chronicle` binary on the demo corpus and on small
//! fixtures written into temporary directories.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
}

fn demo_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/istanbul-talks")
}

/// Runs `chronicle --db DB ARGS…` and returns its output.
fn run(db: &Path, args: &[&str]) -> Output {
    bin().arg("--db").arg(db).args(args).output().expect("chronicle runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn second_ingest_reports_five_duplicates_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let corpus = demo_corpus();
    let first = run(&db, &["ingest", corpus.to_str().unwrap()]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stdout(&first).contains("ingested 5 document(s)"), "{}", stdout(&first));

    let export_before = stdout(&run(&db, &["export", "--format", "jsonl"]));
    let second = run(&db, &["ingest", corpus.to_str().unwrap()]);
    assert!(second.status.success(), "{}", stderr(&second));
    let out = stdout(&second);
    assert!(out.contains("ingested 0 document(s)"), "{out}");
    assert!(out.contains("5 duplicate(s)"), "{out}");
    let export_after = stdout(&run(&db, &["export", "--format", "jsonl"]));
    assert_eq!(export_before, export_after, "a repeated ingest must change nothing");
}

#[test]
fn export_validates_against_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let corpus = demo_corpus();
    assert!(run(&db, &["ingest", corpus.to_str().unwrap()]).status.success());
    let export = run(&db, &["export", "--format", "jsonl"]);
    assert!(export.status.success(), "{}", stderr(&export));
    let text = stdout(&export);
    let mut kinds = std::collections::BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        if let Err(e) = chronicle_store::export::validate_record(line) {
            panic!("line {}: {e}\n{line}", i + 1);
        }
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        *kinds.entry(v["kind"].as_str().unwrap().to_string()).or_insert(0) += 1;
    }
    assert!(kinds.get("document").copied().unwrap_or(0) >= 5, "{kinds:?}");
    assert!(kinds.get("story").copied().unwrap_or(0) >= 1, "{kinds:?}");
    // events are merged across reports: some event has reports from several documents,
    // and its num_sources never exceeds its distinct documents
    let mut most = 0;
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        if v["kind"] != "event" {
            continue;
        }
        let docs: std::collections::BTreeSet<&str> = v["reports"].as_array().unwrap().iter().map(|r| r["doc"].as_str().unwrap()).collect();
        let n = v["num_sources"].as_u64().unwrap() as usize;
        assert!(n >= 1 && n <= docs.len(), "{line}");
        most = most.max(n);
    }
    assert!(most >= 3, "no event reported by three sources");
    // the streaming form keeps one record per report
    let reports = run(&db, &["export", "--reports"]);
    assert!(reports.status.success(), "{}", stderr(&reports));
    for line in stdout(&reports).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_ne!(v["kind"], "story");
        if v["kind"] == "event" {
            assert_eq!(v["reports"].as_array().unwrap().len(), 1);
        }
    }
}

#[test]
fn export_writes_tables_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    assert!(run(&db, &["ingest", demo_corpus().to_str().unwrap()]).status.success());
    let jsonl = stdout(&run(&db, &["export"]));
    let events = jsonl.lines().filter(|l| l.contains(r#""kind":"event""#)).count();
    assert!(events > 0);

    // CSV to stdout: the events table, one row per merged event
    let csv = run(&db, &["export", "--format", "csv"]);
    assert!(csv.status.success(), "{}", stderr(&csv));
    let mut reader = csv::Reader::from_reader(csv.stdout.as_slice());
    assert_eq!(&reader.headers().unwrap()[0], "id");
    assert_eq!(reader.records().count(), events);
    assert!(stderr(&csv).contains(&format!("events: {events} row(s) to standard output")), "{}", stderr(&csv));

    // Parquet: every table into a folder
    let tables = dir.path().join("tables/");
    let parquet = run(&db, &["export", "--format", "parquet", "--table", "all", "--out", tables.to_str().unwrap()]);
    assert!(parquet.status.success(), "{}", stderr(&parquet));
    for t in ["events", "documents", "entities", "quotes", "quantities", "stories"] {
        let bytes = std::fs::read(tables.join(format!("{t}.parquet"))).unwrap();
        assert_eq!(&bytes[..4], b"PAR1", "{t}");
    }

    // GDELT without a header, as GDELT's own files
    let gdelt = run(&db, &["export", "--format", "gdelt", "--no-header"]);
    assert!(gdelt.status.success(), "{}", stderr(&gdelt));
    let text = stdout(&gdelt);
    assert_eq!(text.lines().count(), events);
    for line in text.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 61, "{line}");
        assert!(fields[0].parse::<i64>().is_ok(), "{line}");
    }

    // POLECAT to a file
    let polecat = dir.path().join("p.tsv");
    assert!(run(&db, &["export", "--format", "polecat", "--out", polecat.to_str().unwrap()]).status.success());
    let text = std::fs::read_to_string(&polecat).unwrap();
    assert_eq!(text, stdout(&run(&db, &["export", "--format", "polecat"])));
    assert!(text.starts_with("Event ID\tEvent Date\tEvent Type"), "{}", &text[..80.min(text.len())]);

    // what cannot be written is refused with a reason
    let refused = run(&db, &["export", "--format", "parquet"]);
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("needs --out"), "{}", stderr(&refused));
    let refused = run(&db, &["export", "--format", "gdelt", "--table", "documents"]);
    assert!(stderr(&refused).contains("writes only the events table"), "{}", stderr(&refused));
}

#[test]
fn bad_inputs_are_reported_and_good_files_still_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("empty.txt"), "").unwrap();
    std::fs::write(input.join("binary.txt"), [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 1, 2, 3]).unwrap();
    std::fs::write(input.join("photo.png"), [0x89, b'P', b'N', b'G']).unwrap();
    std::fs::write(
        input.join("feed.jsonl"),
        "{\"title\":\"Ministers meet\",\"text\":\"Foreign ministers met in Geneva on Tuesday to discuss a ceasefire. They agreed to meet again next month.\"}\nnot json at all\n",
    )
    .unwrap();
    std::fs::copy(demo_corpus().join("001_c2f305a5063d9f21.txt"), input.join("good.txt")).unwrap();
    let db = dir.path().join("c.db");
    let missing = dir.path().join("does-not-exist.txt");
    let out = run(&db, &["ingest", input.to_str().unwrap(), missing.to_str().unwrap()]);
    assert!(out.status.success(), "some input was good, so the run succeeds: {}", stderr(&out));
    let err = stderr(&out);
    for needle in ["empty.txt", "binary.txt", "photo.png", "feed.jsonl#L2", "does-not-exist.txt"] {
        assert!(err.contains(needle), "no rejection line for {needle}:\n{err}");
    }
    let summary = stdout(&out);
    assert!(summary.contains("ingested 2 document(s)"), "{summary}");
    assert!(summary.contains("5 rejected"), "{summary}");
}

#[test]
fn nothing_ingestable_exits_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "   \n").unwrap();
    let out = run(&dir.path().join("c.db"), &["ingest", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stderr(&out).contains("empty"), "{}", stderr(&out));
}

#[test]
fn show_prints_blocks_with_labels_and_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let file = demo_corpus().join("003_1ab1a1e8cfb25cf6.txt");
    assert!(run(&db, &["ingest", file.to_str().unwrap()]).status.success());
    let docs = stdout(&run(&db, &["docs"]));
    let id = docs.split_whitespace().find(|w| w.starts_with("d:")).expect("a document id in the table").to_string();
    let show = run(&db, &["show", &id[2..8], "--blocks"]);
    assert!(show.status.success(), "{}", stderr(&show));
    let text = stdout(&show);
    assert!(text.contains(&id), "{text}");
    assert!(text.contains("blocks:"), "{text}");
    assert!(text.contains("body ") || text.contains("body  "), "a body block is listed: {text}");
}

#[test]
fn eval_skips_cleanly_when_the_set_is_absent() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin().args(["eval", "conll", dir.path().join("nope").to_str().unwrap()]).output().unwrap();
    assert!(out.status.success());
    assert!(stdout(&out).starts_with("skipped:"), "{}", stdout(&out));
}

fn syntax_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/syntax/talks.conllu")
}

/// True when the built-in syntax weights are real (not the empty placeholders).
fn syntax_weights_present() -> bool {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/syntax");
    ["tagger.bin", "parser.bin"].iter().all(|f| std::fs::metadata(dir.join(f)).is_ok_and(|m| m.len() > 0))
}

/// Checks CoNLL-U from `chronicle show --format conllu` line by line: ten
/// columns, ids from 1, `# sent_id = DOC-n` in order; a parsed sentence has
/// heads inside it, none its own, exactly one root; an unparsed one has `_`
/// for every column but ID and FORM. Returns (sentences with tokens, parsed sentences).
fn check_conllu(text: &str, doc: &str) -> (usize, usize) {
    let (mut sentences, mut parsed) = (0, 0);
    for (k, block) in text.split("\n\n").filter(|b| !b.trim().is_empty()).enumerate() {
        let lines: Vec<&str> = block.lines().collect();
        assert_eq!(lines[0], format!("# sent_id = {doc}-{}", k + 1), "{block}");
        assert!(lines[1].starts_with("# text = "), "{block}");
        let rows: Vec<Vec<&str>> = lines[2..].iter().map(|l| l.split('\t').collect()).collect();
        if rows.is_empty() {
            continue; // a sentence without tokens: nothing to parse
        }
        sentences += 1;
        let n = rows.len();
        let mut roots = 0;
        let is_parsed = rows[0][6] != "_";
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(r.len(), 10, "{block}");
            assert_eq!(r[0], (i + 1).to_string(), "{block}");
            assert!(!r[1].is_empty(), "{block}");
            if is_parsed {
                let head: usize = r[6].parse().unwrap_or_else(|_| panic!("HEAD {:?} in {block}", r[6]));
                assert!(head <= n && head != i + 1, "{block}");
                roots += usize::from(head == 0);
                assert_eq!(head == 0, r[7] == "root", "{block}");
                assert!(chronicle_core::Upos::parse(r[3]).is_some(), "UPOS {:?} in {block}", r[3]);
            } else {
                assert!(r[2..].iter().all(|c| *c == "_"), "{block}");
            }
        }
        if is_parsed {
            assert_eq!(roots, 1, "{block}");
            parsed += 1;
        }
    }
    chronicle_syntax::conllu::parse(text, "show").expect("our own reader reads it");
    (sentences, parsed)
}

#[test]
fn show_syntax_prints_trees_and_conllu() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let file = demo_corpus().join("001_c2f305a5063d9f21.txt");
    assert!(run(&db, &["ingest", file.to_str().unwrap()]).status.success());
    let docs = stdout(&run(&db, &["docs"]));
    let id = docs.split_whitespace().find(|w| w.starts_with("d:")).expect("a document id in the table").to_string();

    let conllu = run(&db, &["show", &id, "--syntax", "--format", "conllu"]);
    assert!(conllu.status.success(), "{}", stderr(&conllu));
    let text = stdout(&conllu);
    let (sentences, parsed) = check_conllu(&text, &id);
    assert!(sentences >= 3, "{text}");
    if syntax_weights_present() {
        assert_eq!(parsed, sentences, "every sentence parsed:\n{text}");
    } else {
        assert!(stderr(&conllu).contains("has no syntax"), "{}", stderr(&conllu));
    }

    let trees = run(&db, &["show", &id, "--syntax"]);
    assert!(trees.status.success(), "{}", stderr(&trees));
    let out = stdout(&trees);
    let section = out.split("\nsyntax:\n").nth(1).expect("a syntax section");
    assert!(section.starts_with("[1] "), "{section}");
    if syntax_weights_present() {
        assert_eq!(section.lines().filter(|l| l.starts_with("  root ")).count(), parsed, "{section}");
    } else {
        assert!(section.contains("(not parsed)"), "{section}");
    }
}

#[test]
fn eval_ud_scores_a_conllu_file() {
    let out = bin().args(["eval", "ud", syntax_fixture().to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("4 sentences, 28 words"), "{text}");
    let last = text.lines().last().unwrap_or_default();
    assert!(last.starts_with("ud: UPOS="), "{text}");
    for key in ["UAS=", "LAS=", "F1="] {
        assert!(last.contains(key), "{last}");
    }
    // the same skip as every eval task when the set is absent
    let missing = bin().args(["eval", "ud", "/nonexistent/ud-english-ewt"]).output().unwrap();
    assert!(missing.status.success());
    assert!(stdout(&missing).starts_with("skipped:"), "{}", stdout(&missing));
}

#[test]
fn train_syntax_writes_weights_that_load_and_reports_held_out_scores() {
    let dir = tempfile::tempdir().unwrap();
    let treebank = dir.path().join("ewt");
    std::fs::create_dir(&treebank).unwrap();
    // training reads the two EWT file names; the fixture stands in for both
    let gold = std::fs::read_to_string(syntax_fixture()).unwrap();
    std::fs::write(treebank.join("en_ewt-ud-dev.conllu"), &gold).unwrap();
    std::fs::write(treebank.join("en_ewt-ud-test.conllu"), gold.replace("sent_id = talks-", "sent_id = more-talks-")).unwrap();
    let out_dir = dir.path().join("weights");
    let out = bin()
        .args(["train", "syntax", treebank.to_str().unwrap(), "--out", out_dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("wrote "), "progress is printed: {}", stderr(&out));
    assert!(stdout(&out).lines().last().unwrap_or_default().starts_with("ud: UPOS="), "{}", stdout(&out));
    let syntax = chronicle_syntax::Syntax::from_dir(&out_dir).expect("written weights load");
    assert!(syntax.is_ready());
    let words = ["Delegations", "met", "in", "Istanbul", "on", "Monday", "."];
    let analysis = syntax.analyse(&words);
    assert_eq!(analysis.len(), words.len());
    assert_eq!(analysis.iter().filter(|a| a.head.is_none()).count(), 1, "one root");

    let missing = bin().args(["train", "syntax", dir.path().join("nope").to_str().unwrap()]).output().unwrap();
    assert!(!missing.status.success());
    assert!(stderr(&missing).contains("no treebank folder"), "{}", stderr(&missing));
}

/// A fresh store holding the two `fixtures/sample` articles.
fn sample_store(dir: &Path) -> PathBuf {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sample");
    let db = dir.join("c.db");
    let paths = [fixtures.join("port-talks.txt"), fixtures.join("sanctions.txt")];
    let out = run(&db, &["ingest", paths[0].to_str().unwrap(), paths[1].to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("ingested 2 document(s)"), "{}{}", stdout(&out), stderr(&out));
    db
}

/// The `N` of `Drawn: K of N …` on a sheet.
fn drawn_of(sheet: &str) -> (usize, usize) {
    let line = sheet.lines().find(|l| l.starts_with("Drawn: ")).expect("a Drawn line");
    let words: Vec<&str> = line.split_whitespace().collect();
    (words[1].parse().unwrap(), words[3].parse().unwrap())
}

#[test]
fn sample_writes_the_same_judging_sheet_for_the_same_seed() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    for (layer, rows) in [
        ("events", &["is event", "type", "actor", "actor code", "recipient", "recipient code", "date", "location", "modality", "attribution"][..]),
        ("quotes", &["is quote", "content", "cue", "speaker", "speaker affiliation"][..]),
        ("entities", &["is entity", "type", "canonical", "country", "sector"][..]),
    ] {
        let first = run(&db, &["sample", layer, "--n", "3", "--seed", "7"]);
        assert!(first.status.success(), "{}", stderr(&first));
        let sheet = stdout(&first);
        assert_eq!(sheet, stdout(&run(&db, &["sample", layer, "--n", "3", "--seed", "7"])), "same seed, same sheet");
        assert!(sheet.lines().any(|l| l.starts_with("Guideline: docs/ANNOTATION.md")), "{sheet}");
        let (k, total) = drawn_of(&sheet);
        assert!(total >= 1, "the fixture has {layer}: {sheet}");
        assert_eq!(k, total.min(3), "{sheet}");
        let items: Vec<&str> = sheet.split("\n## ").skip(1).collect();
        assert_eq!(items.len(), k, "{sheet}");
        for (i, item) in items.iter().enumerate() {
            assert!(item.starts_with(&format!("{}\n", i + 1)), "{item}");
            assert!(item.contains("Document: *"), "{item}");
            let evidence = item.lines().find(|l| l.starts_with("> ") && l.contains("[[")).expect("marked evidence");
            assert!(evidence.contains("]]"), "{evidence}");
            for row in rows {
                assert!(item.contains(&format!("\n| {row} | ")), "no {row:?} row in {item}");
            }
        }
        // every mark encloses exactly the words the table names
        if layer == "entities" {
            for item in &items {
                let marked = item.split("[[").nth(1).and_then(|r| r.split("]]").next()).unwrap();
                assert!(item.contains(&format!("| is entity | yes: “{marked}” | |")), "{item}");
            }
        }
    }
    let all = stdout(&run(&db, &["sample", "entities", "--n", "1000", "--seed", "3"]));
    let (k, total) = drawn_of(&all);
    assert_eq!(k, total, "all of them when fewer than asked");
    assert!(all.contains("[[Støre]]") || all.contains("[[Jonas Gahr Støre]]") || all.contains("[[Tromsø]]"), "{all}");
}

#[test]
fn sample_merges_shows_each_merged_event_with_all_its_reports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    assert!(run(&db, &["ingest", demo_corpus().to_str().unwrap()]).status.success());
    let out = run(&db, &["sample", "merges", "--n", "4", "--seed", "7"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let sheet = stdout(&out);
    assert_eq!(sheet, stdout(&run(&db, &["sample", "merges", "--n", "4", "--seed", "7"])), "same seed, same sheet");
    let (k, total) = drawn_of(&sheet);
    assert!(total >= 2, "the demo corpus has merged events with several reports: {sheet}");
    assert_eq!(k, total.min(4), "{sheet}");
    let items: Vec<&str> = sheet.split("\n## ").skip(1).collect();
    assert_eq!(items.len(), k, "{sheet}");
    for item in items {
        let reports = item.matches("\nReport ").count();
        let said: usize = item.split("| one happening | yes: ").nth(1).and_then(|r| r.split(' ').next()).unwrap().parse().unwrap();
        assert!(reports >= 2 && reports == said.min(6), "{item}");
        assert_eq!(item.lines().filter(|l| l.starts_with("> ") && l.contains("[[")).count(), reports, "{item}");
    }
}

#[test]
fn sample_writes_to_a_file_and_refuses_a_missing_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let path = dir.path().join("sheet.md");
    let out = run(&db, &["sample", "events", "--n", "2", "--out", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    assert!(stderr(&out).contains("wrote"), "{}", stderr(&out));
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written, stdout(&run(&db, &["sample", "events", "--n", "2"])), "--seed defaults to 7 either way");
    let missing = run(&dir.path().join("none.db"), &["sample", "events"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no store"), "{}", stderr(&missing));
    assert!(!dir.path().join("none.db").exists(), "a missing store is not created");
}

#[test]
fn read_commands_are_honest_about_missing_stores_bad_filters_and_closed_pipes() {
    let dir = tempfile::tempdir().unwrap();
    // a read command on a path with no store says so and creates nothing
    let missing = dir.path().join("none.db");
    let o = run(&missing, &["stories"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no store at"), "{}", stderr(&o));
    assert!(!missing.exists(), "a read command must not create a store");

    let db = dir.path().join("c.db");
    assert!(run(&db, &["ingest", demo_corpus().to_str().unwrap()]).status.success());
    // an invalid filter value is an error, not an ignored filter
    let o = run(&db, &["events", "--since", "garbage"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("is not a day"), "{}", stderr(&o));
    // a reader that closes the pipe early ends the run quietly
    use std::io::Read;
    let mut child = bin()
        .arg("--db")
        .arg(&db)
        .args(["export", "--format", "jsonl"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("chronicle runs");
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap(); // then the pipe is dropped
    let out = child.wait_with_output().unwrap();
    let err = stderr(&out);
    assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "{err}");
}

#[test]
fn an_export_file_appears_whole_beside_no_leftovers() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    assert!(run(&db, &["ingest", demo_corpus().to_str().unwrap()]).status.success());
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let file = out_dir.join("all.jsonl");
    let o = run(&db, &["export", "--out", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), stdout(&run(&db, &["export"])));
    // written under a temporary name in the same folder and renamed: nothing else is left
    let names: Vec<String> = std::fs::read_dir(&out_dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, vec!["all.jsonl".to_string()]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let reference = dir.path().join("reference");
        std::fs::File::create(&reference).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&file), mode(&reference), "the permissions `File::create` gives");
    }
}

#[test]
fn a_database_password_is_never_printed() {
    let url = "postgres://reader:s3cret@127.0.0.1:1/news";
    for args in [&["serve", "--bind", "127.0.0.1:0"][..], &["stories"][..]] {
        let o = bin().arg("--db").arg(url).args(args).output().expect("chronicle runs");
        let err = stderr(&o);
        assert!(!o.status.success(), "nothing listens on port 1: {err}");
        assert!(!err.contains("s3cret"), "{err}");
        assert!(err.contains("reader:***@127.0.0.1:1"), "{err}");
    }
}
