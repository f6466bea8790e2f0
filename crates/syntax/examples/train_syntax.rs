//! Trains the syntax models: `cargo run --release -p chronicle-syntax --example
//! train_syntax -- TREEBANK_DIR OUT_DIR` (e.g. `../shared/data/ud-english-ewt data/syntax`).

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: train_syntax TREEBANK_DIR OUT_DIR [SILVER.conllu ...]");
        std::process::exit(2);
    }
    let cfg = chronicle_syntax::train::TrainConfig { silver: args[3..].iter().map(Into::into).collect(), ..Default::default() };
    let trained = chronicle_syntax::train::train_to_dir(args[1].as_ref(), args[2].as_ref(), cfg, &mut |l| eprintln!("{l}"));
    match trained {
        Ok(t) => {
            let syntax = t.to_syntax().expect("fresh weights load");
            match chronicle_syntax::eval::report(&syntax, args[1].as_ref()) {
                Ok(lines) => lines.iter().for_each(|l| println!("{l}")),
                Err(e) => eprintln!("{e}"),
            }
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
