//! Trains the syntax models: `cargo run --release -p chronicle-syntax --example
//! train_syntax -- TREEBANK_DIR OUT_DIR [SILVER.conllu ...] [--gold-weight=N]
//! [--parser-epochs=N] [--threads=N]` (e.g. `../shared/data/ud-english-ewt data/syntax
//! /tmp/silver_reuters.conllu`). Without options: the settings `chronicle train syntax` uses.

fn main() {
    let (opts, args): (Vec<String>, Vec<String>) = std::env::args().partition(|a| a.starts_with("--"));
    if args.len() < 3 {
        eprintln!("usage: train_syntax TREEBANK_DIR OUT_DIR [SILVER.conllu ...] [--gold-weight=N] [--parser-epochs=N] [--threads=N]");
        std::process::exit(2);
    }
    let mut cfg = chronicle_syntax::train::TrainConfig { silver: args[3..].iter().map(Into::into).collect(), ..Default::default() };
    for o in &opts {
        let (name, value) = o.split_once('=').unwrap_or((o, ""));
        let Ok(n) = value.parse::<usize>() else {
            eprintln!("{o}: want --NAME=NUMBER");
            std::process::exit(2);
        };
        match name {
            "--gold-weight" => cfg.gold_weight = n,
            "--parser-epochs" => cfg.parser.epochs = n,
            "--threads" => cfg.threads = n,
            _ => {
                eprintln!("{o}: unknown option");
                std::process::exit(2);
            }
        }
    }
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
