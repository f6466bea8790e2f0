//! `CHRONICLE_DATA` replaces built-in knowledge-base files one by one (its
//! own test binary: it sets a process-wide variable).
use chrono::NaiveDate;
use chronicle_language::kb::Kb;

#[test]
fn chronicle_data_overrides_single_files() {
    let dir = std::env::temp_dir().join(format!("chronicle-kb-override-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("kb")).unwrap();
    std::fs::write(
        dir.join("kb/office_holders.tsv"),
        "# test\nana-ruiz\tAna Ruiz\tAna Ruiz\tESP\tforeign minister\t2030-01-01\t\tGOV\n",
    )
    .unwrap();
    std::env::set_var("CHRONICLE_DATA", &dir);
    let kb = Kb::builtin().unwrap();
    std::env::remove_var("CHRONICLE_DATA");
    let _ = std::fs::remove_dir_all(&dir);
    let d = NaiveDate::from_ymd_opt(2030, 6, 1).unwrap();
    assert_eq!(kb.holders_of("ESP", "Foreign Minister", d)[0].name, "Ana Ruiz");
    assert_eq!(kb.persons.len(), 1, "the override replaced the built-in office holders");
    assert!(kb.country("ESP").is_some(), "other files stay built in");
}
