//! The demo corpus (`examples/istanbul-talks/`): the true article boundaries, glued
//! articles and dates below were decided by reading the five pages; they live here, in
//! the test, never in the cleaner.

use std::path::PathBuf;

use chrono::NaiveDate;
use chronicle_clean::Cleaner;
use chronicle_core::{BlockLabel, DateBasis, Document, InputFormat, Metadata, RawInput};

fn demo_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/istanbul-talks")
}

fn input(path: &std::path::Path, hints: Metadata) -> RawInput {
    let raw = std::fs::read(path).unwrap();
    RawInput {
        source: path.display().to_string(),
        format: InputFormat::Text,
        text: String::from_utf8(raw.clone()).unwrap(),
        raw,
        is_html: false,
        encoding: "utf-8".into(),
        hints,
    }
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// What one page should give.
struct Expect {
    file: &'static str,
    /// 1-based inclusive line range of the host article's paragraphs.
    body_lines: (usize, usize),
    /// Lines inside the range that are sub-headings (may be kept or dropped).
    subheads: &'static [usize],
    title: Option<&'static str>,
    outlet: Option<&'static str>,
    published: &'static str,
    /// Glued articles: outlet, title, first words of the body, publication day.
    glued: &'static [(Option<&'static str>, &'static str, &'static str, &'static str)],
}

const PAGES: &[Expect] = &[
    Expect {
        file: "000_dc37043c5ad9ffed.txt",
        body_lines: (2, 34),
        subheads: &[],
        title: Some("Russia demands Ukraine withdraw its troops as talks end in acrimony"),
        outlet: None,
        published: "2025-05-16",
        glued: &[
            (Some("USA Today"), "Putin stalls. Trump changes his mind. Ukraine targets Moscow. Latest on the war.", "Russian President Vladimir Putin is stalling", "2025-07-23"),
            (Some("CNBC"), "\"We need a common European defense system\", says Italy's Elly Schlein", "Elly Schlein, Secretary of the Italian", "2025-07-23"),
            (None, "Swarms of Russian drones attack Ukraine nightly as Moscow puts new emphasis on weapon", "The long-range Russian drones come in swarms", "2025-07-23"),
        ],
    },
    Expect {
        file: "001_c2f305a5063d9f21.txt",
        body_lines: (2, 14),
        subheads: &[],
        title: Some("Russia-Ukraine peace talks collapse amid new demands"),
        outlet: None,
        published: "2025-05-16",
        glued: &[],
    },
    Expect {
        file: "002_47f190533f14312e.txt",
        body_lines: (2, 29),
        subheads: &[11, 21],
        title: Some("Kremlin expects 'difficult' talks with Ukraine in Istanbul"),
        outlet: None,
        published: "2025-07-23",
        glued: &[
            (Some("ABC News"), "Israeli military expert predicts Gaza war to continue for 10 years", "Warning: This story contains language", "2025-07-25"),
            (Some("Sky News AU"), "The two-timing Chinese act that made a complete fool of Albo's charm offensive as the world again sits on the brink of all-out war", "Prime Minister Anthony Albanese's recent six-day visit", "2025-07-25"),
            (Some("ABC News"), "Iran meets E3 in Istanbul to discuss nuclear program", "Iranian representatives have met with European powers", "2025-07-25"),
        ],
    },
    Expect {
        file: "003_1ab1a1e8cfb25cf6.txt",
        body_lines: (3, 27),
        subheads: &[],
        title: None,
        outlet: None,
        published: "2025-05-17",
        glued: &[],
    },
    Expect {
        file: "004_b279f3c4a7ccf51b.txt",
        body_lines: (8, 45),
        subheads: &[],
        title: Some("Russia-Ukraine direct talks: No ceasefire, but what did they agree to?"),
        outlet: Some("Al Jazeera"),
        published: "2025-06-02",
        glued: &[
            (Some("Al Jazeera"), "European Union backs ICC after US sanctions on court judges", "The European Union 'deeply regrets'", "2025-06-06"),
            (Some("Al Jazeera"), "At least three killed in Russian attacks on Ukraine", "At least three people have been killed", "2025-06-06"),
        ],
    },
];

fn check_date(doc: &Document, truth: &str) {
    let d = &doc.meta.published.date;
    assert!(d.admits(day(truth)), "{}: published {} does not admit {truth}", doc.source, d.display());
    if let Some(v) = &d.value {
        assert_eq!(v, truth, "{}: a wrong exact date", doc.source);
    }
}

fn clean_all() -> Vec<(String, Vec<Document>)> {
    let dir = demo_dir();
    let inputs: Vec<RawInput> = PAGES.iter().map(|p| input(&dir.join(p.file), Metadata::default())).collect();
    Cleaner::builtin()
        .clean_batch(inputs)
        .into_iter()
        .zip(PAGES)
        .map(|(r, p)| (p.file.to_string(), r.unwrap_or_else(|e| panic!("{}: {e}", p.file))))
        .collect()
}

#[test]
fn host_bodies_keep_every_paragraph_and_no_chrome() {
    for ((file, docs), p) in clean_all().iter().zip(PAGES) {
        let text = std::fs::read_to_string(demo_dir().join(file)).unwrap();
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let host = &docs[0];
        let body = host.body();
        let paras: Vec<&str> = body.split("\n\n").collect();
        let (a, b) = p.body_lines;
        let truth: Vec<&str> = (a..=b)
            .filter(|n| !p.subheads.contains(n))
            .map(|n| lines[n - 1])
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(paras.first().copied(), truth.first().copied(), "{file}: body must start with the lead");
        assert_eq!(paras.last().copied(), truth.last().copied(), "{file}: body must end with the last paragraph");
        for t in &truth {
            assert!(paras.contains(t), "{file}: paragraph lost: {t}");
        }
        for (n, l) in lines.iter().enumerate() {
            let n = n + 1;
            if (n < a || n > b) && !l.is_empty() {
                assert!(!paras.contains(l), "{file}: line {n} outside the article is in the body: {l}");
            }
        }
        assert!(paras.len() <= truth.len() + p.subheads.len(), "{file}: extra paragraphs");
        assert_eq!(host.meta.title.as_deref().filter(|_| p.title.is_some()), p.title, "{file}: title");
        assert_eq!(host.meta.outlet.as_deref(), p.outlet, "{file}: outlet");
        assert_eq!(host.meta.language.as_deref(), Some("en"));
        assert_eq!(host.meta.appended_to, None);
        check_date(host, p.published);
        // Every block is labelled with a reason, and body blocks are exactly the body.
        assert!(host.blocks.iter().all(|b| !b.reason.is_empty()));
        let body_blocks = host.blocks.iter().filter(|b| b.label == BlockLabel::Body).count();
        assert_eq!(body_blocks, paras.len(), "{file}");
    }
}

#[test]
fn glued_articles_are_separate_documents() {
    let mut total = 0;
    for ((file, docs), p) in clean_all().iter().zip(PAGES) {
        let host = &docs[0];
        let glued = &docs[1..];
        assert_eq!(glued.len(), p.glued.len(), "{file}: number of glued articles");
        for (doc, (outlet, title, lead, date)) in glued.iter().zip(p.glued) {
            total += 1;
            assert_eq!(doc.meta.appended_to.as_ref(), Some(&host.id), "{file}");
            assert_eq!(doc.meta.outlet.as_deref(), *outlet, "{file}: outlet of {title}");
            assert_eq!(doc.meta.title.as_deref(), Some(*title), "{file}");
            assert!(doc.body().starts_with(lead), "{file}: body of {title} starts {:?}", &doc.body().chars().take(60).collect::<String>());
            assert!(!doc.body().contains("DOWNLOAD THE APP") && !doc.body().contains("Download our app"), "{file}: chrome in {title}");
            assert!(!host.body().contains(lead), "{file}: glued text counted in the host");
            assert_ne!(doc.id, host.id);
            check_date(doc, date);
        }
    }
    assert_eq!(total, 8);
}

#[test]
fn relative_stamp_resolves_against_a_known_crawl_time() {
    let hints = Metadata { crawled_hint: Some("2025-06-07T12:00:00Z".into()), ..Metadata::default() };
    let docs = Cleaner::builtin().clean(input(&demo_dir().join("004_b279f3c4a7ccf51b.txt"), hints)).unwrap();
    let p = &docs[0].meta.published;
    assert_eq!(p.basis, DateBasis::Relative);
    assert!(p.date.admits(day("2025-06-02")), "{}", p.date.display());
    assert!(p.date.value.is_none() || p.date.value.as_deref() == Some("2025-06-02"));
    // Without a crawl time the same stamp gives no relative date.
    let plain = Cleaner::builtin().clean(input(&demo_dir().join("004_b279f3c4a7ccf51b.txt"), Metadata::default())).unwrap();
    assert_ne!(plain[0].meta.published.basis, DateBasis::Relative);
}

#[test]
fn container_date_and_outlet_win() {
    let hints = Metadata { published_hint: Some("2025-05-16".into()), outlet: Some("Example Wire".into()), ..Metadata::default() };
    let docs = Cleaner::builtin().clean(input(&demo_dir().join("000_dc37043c5ad9ffed.txt"), hints)).unwrap();
    assert_eq!(docs[0].meta.published.basis, DateBasis::Explicit);
    assert_eq!(docs[0].meta.published.date.value.as_deref(), Some("2025-05-16"));
    assert_eq!(docs[0].meta.outlet.as_deref(), Some("Example Wire"));
}

#[test]
fn ids_are_stable_across_runs() {
    let a = clean_all();
    let b = clean_all();
    for ((_, x), (_, y)) in a.iter().zip(&b) {
        let ids = |d: &Vec<Document>| d.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(x), ids(y));
    }
}
