//! Trains the attribution cue model (`chronicle_language::cue_model`) on
//! PolNeAR's train split and reports token P/R/F1 on its dev split:
//! `cargo run --release -p chronicle-language --example train_cues -- ../shared/data/polnear data/quote/cue_model.bin`.
fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: train_cues POLNEAR_DIR OUT.bin");
        std::process::exit(2);
    };
    let syntax = chronicle_syntax::Syntax::builtin().expect("built-in syntax weights");
    let model = match chronicle_language::cue_model::train(dir.as_ref(), &syntax, 10) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    std::fs::write(&out, model.to_bytes()).expect("writable output");
    match chronicle_language::cue_model::evaluate(dir.as_ref(), &syntax, &model) {
        Ok(c) => println!("cue tokens on dev: P={:.3} R={:.3} F1={:.3} ({} features)", c.precision(), c.recall(), c.f1(), model.len()),
        Err(e) => eprintln!("{e}"),
    }
}
