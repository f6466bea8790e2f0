//! A page from an imaginary site with a different layout (navigation bar, "By" byline,
//! explicit date line, inline advertisement, "Share this article", a glued article from
//! another outlet and a newsletter pitch), to show the rules are not tied to the demo.

use chronicle_clean::Cleaner;
use chronicle_core::{BlockLabel, DateBasis, InputFormat, Metadata, RawInput};

const PAGE: &str = include_str!("fixtures/other_site_layout.txt");

#[test]
fn other_layout_is_cleaned_by_the_same_rules() {
    let input = RawInput {
        source: "fixtures/other_site_layout.txt".into(),
        format: InputFormat::Text,
        raw: PAGE.as_bytes().to_vec(),
        text: PAGE.into(),
        is_html: false,
        encoding: "utf-8".into(),
        hints: Metadata { url: Some("https://www.coastal-courier.example/news/strike".into()), ..Metadata::default() },
    };
    let docs = Cleaner::builtin().clean(input).unwrap();
    let host = &docs[0];
    assert_eq!(host.meta.title.as_deref(), Some("Harbour workers end strike after pay deal"));
    assert_eq!(host.meta.published.basis, DateBasis::Explicit);
    assert_eq!(host.meta.published.date.value.as_deref(), Some("2024-03-03"));
    assert_eq!(host.meta.outlet.as_deref(), Some("coastal-courier.example"));
    let paras: Vec<&str> = host.body().split("\n\n").collect();
    assert_eq!(paras.len(), 5, "{paras:#?}");
    assert!(paras[0].starts_with("Dock workers at the port"));
    assert!(paras[4].starts_with("The port handles"));
    assert!(!host.body().contains("Advertisement") && !host.body().contains("cycling"));
    let byline = host.blocks.iter().find(|b| b.span.text(&host.extracted).starts_with("By Maria")).unwrap();
    assert_eq!(byline.label, BlockLabel::Byline);

    assert_eq!(docs.len(), 2);
    let glued = &docs[1];
    assert_eq!(glued.meta.outlet.as_deref(), Some("Regional Times"));
    assert_eq!(glued.meta.title.as_deref(), Some("City council approves new cycling lanes downtown"));
    assert!(glued.body().starts_with("The city council voted"));
    assert!(!glued.body().contains("newsletter") && !glued.body().contains('©'));
    assert_eq!(glued.meta.appended_to.as_ref(), Some(&host.id));
}
