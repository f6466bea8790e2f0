//! A programme guide describes what will be shown: it is stored, with genre `schedule`, and
//! no events are coded from it; the same sentences in an article are coded.

use chronicle_core::{Genre, InputFormat, Metadata, RawInput};
use chronicle_pipeline::Pipeline;

const ACT: &str = "In the first episode the foreign minister of Ruritania meets the president of Freedonia in Geneva to negotiate a ceasefire.";

fn input(name: &str, text: String) -> RawInput {
    RawInput {
        source: name.into(),
        format: InputFormat::Text,
        raw: text.as_bytes().to_vec(),
        text,
        is_html: false,
        encoding: "utf-8".into(),
        hints: Metadata::default(),
    }
}

fn coded(pipeline: &Pipeline, name: &str, text: String) -> (Genre, usize) {
    let out = pipeline.process(vec![input(name, text)]);
    let docs = out.into_iter().next().unwrap().expect("stored, not rejected");
    (docs[0].meta.genre, docs[0].events.len())
}

#[test]
fn a_programme_guide_codes_no_events() {
    let pipeline = Pipeline::load().unwrap();
    let guide = format!(
        "Radio programme information for the week\n\
         {ACT}\nPresenter/Jo Smith , Producer/Ann Lee\n\
         The series continues with a portrait of the composer who wrote the anthem of the two republics after the war.\n\
         Presenter/Tom Hale , Producer/Ben Walker\n"
    );
    let (genre, events) = coded(&pipeline, "guide.txt", guide);
    assert_eq!(genre, Genre::Schedule);
    assert_eq!(events, 0);
    let article = format!(
        "Ministers meet in Geneva\n\
         {ACT}\nThe talks are the first since the war ended, and both governments said they hoped to sign an agreement before the end of the month.\n"
    );
    let (genre, events) = coded(&pipeline, "article.txt", article);
    assert_eq!(genre, Genre::Article);
    assert!(events > 0, "the same act in an article is coded");
}
