//! Scores weights in a folder (not the built-in ones) as `chronicle eval ud` does:
//! `cargo run --release -p chronicle-syntax --example eval_dir -- WEIGHTS_DIR [CONLLU_FILE_OR_DIR]`
//! (default: the held-out documents of `../shared/data/ud-english-ewt`). The folder holds
//! `tagger.bin`, `parser.bin` and `lemmas.tsv`.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: eval_dir WEIGHTS_DIR [CONLLU_FILE_OR_DIR]");
        std::process::exit(2);
    };
    let gold = args.get(2).map_or("../shared/data/ud-english-ewt", String::as_str);
    let report = chronicle_syntax::Syntax::from_dir(dir.as_ref()).and_then(|s| chronicle_syntax::eval::report(&s, gold.as_ref()));
    match report {
        Ok(lines) => lines.iter().for_each(|l| println!("{l}")),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
