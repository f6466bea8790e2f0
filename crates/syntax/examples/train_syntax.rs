//! Trains the syntax models: `cargo run --release -p chronicle-syntax --example
//! train_syntax -- TREEBANK_DIR OUT_DIR [SILVER.conllu ...] [--gold-weight=N]
//! [--parser-epochs=N] [--parser-prune=X] [--silver-agreement=X] [--parser-features=3|4] [--threads=N] [--tagger-only]
//! [--prune-sweep]` (e.g. `../shared/data/ud-english-ewt data/syntax
//! /tmp/silver_reuters.conllu`). Without options: the settings `chronicle train syntax` uses.
//! `--prune-sweep` (with `--parser-prune=0`) also scores the parser pruned at 1 to 5 on the held-out
//! documents and writes each as OUT/parser-prune-X.bin, to choose the threshold without training
//! again (pruning the unpruned weights at X gives the same file as training with `--parser-prune=X`).

fn main() {
    let (opts, args): (Vec<String>, Vec<String>) = std::env::args().partition(|a| a.starts_with("--"));
    if args.len() < 3 {
        eprintln!("usage: train_syntax TREEBANK_DIR OUT_DIR [SILVER.conllu ...] [--gold-weight=N] [--parser-epochs=N] [--parser-prune=X] [--silver-agreement=X] [--parser-features=3|4] [--threads=N] [--tagger-only] [--prune-sweep]");
        std::process::exit(2);
    }
    let mut cfg = chronicle_syntax::train::TrainConfig { silver: args[3..].iter().map(Into::into).collect(), ..Default::default() };
    let flags = ["--tagger-only", "--prune-sweep"];
    for o in opts.iter().filter(|o| !flags.contains(&o.as_str())) {
        let (name, value) = o.split_once('=').unwrap_or((o, ""));
        let Ok(x) = value.parse::<f64>() else {
            eprintln!("{o}: want --NAME=NUMBER");
            std::process::exit(2);
        };
        let n = x as usize;
        match name {
            "--gold-weight" => cfg.gold_weight = n,
            "--parser-epochs" => cfg.parser.epochs = n,
            "--parser-prune" => cfg.parser.prune = x as f32,
            "--silver-agreement" => cfg.silver_agreement = Some(x),
            "--parser-features" if n == 3 => cfg.parser.features = chronicle_syntax::parser::FeatureSet::Base,
            "--parser-features" if n == 4 => cfg.parser.features = chronicle_syntax::parser::FeatureSet::Arcs,
            "--threads" => cfg.threads = n,
            _ => {
                eprintln!("{o}: unknown option");
                std::process::exit(2);
            }
        }
    }
    if opts.iter().any(|o| o == "--tagger-only") {
        // writes OUT/tagger.bin only; pair it with the parser and lemmas of data/syntax
        let out: &std::path::Path = args[2].as_ref();
        let tagger = chronicle_syntax::train::train_tagger(args[1].as_ref(), &cfg, &mut |l| eprintln!("{l}")).unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(1);
        });
        std::fs::create_dir_all(out).and_then(|_| std::fs::write(out.join("tagger.bin"), tagger.to_bytes())).unwrap_or_else(|e| {
            eprintln!("{}: {e}", out.display());
            std::process::exit(1);
        });
        eprintln!("wrote {}/tagger.bin", out.display());
        return;
    }
    let trained = chronicle_syntax::train::train_to_dir(args[1].as_ref(), args[2].as_ref(), cfg, &mut |l| eprintln!("{l}"));
    match trained {
        Ok(t) => {
            let syntax = t.to_syntax().expect("fresh weights load");
            match chronicle_syntax::eval::report(&syntax, args[1].as_ref()) {
                Ok(lines) => lines.iter().for_each(|l| println!("{l}")),
                Err(e) => eprintln!("{e}"),
            }
            if opts.iter().any(|o| o == "--prune-sweep") {
                for min in [1.0f32, 2.0, 3.0, 4.0, 5.0] {
                    let pruned = chronicle_syntax::train::Trained { parser: t.parser.pruned(min), ..t.clone() };
                    let syntax = pruned.to_syntax().expect("fresh weights load");
                    let bytes = pruned.parser.to_bytes();
                    let size = bytes.len() as f64 / 1e6;
                    let file = std::path::Path::new(&args[2]).join(format!("parser-prune-{min}.bin"));
                    if let Err(e) = std::fs::write(&file, &bytes) {
                        eprintln!("{}: {e}", file.display());
                    }
                    match chronicle_syntax::eval::report(&syntax, args[1].as_ref()) {
                        Ok(lines) => println!("prune {min}: parser {size:.1} MB, {}", lines.last().map_or("", String::as_str)),
                        Err(e) => eprintln!("{e}"),
                    }
                }
            }
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
