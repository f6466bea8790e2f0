//! Refreshes the verb base forms of the lemma table without training the
//! tagger and parser again: `cargo run --release -p chronicle-syntax --example
//! lemma_bases -- TREEBANK_DIR TABLE [PETRARCH_VERB_PATTERNS]` (e.g.
//! `../shared/data/ud-english-ewt data/syntax/lemmas.tsv
//! ../shared/data/petrarch2-dictionaries/CAMEO.verbpatterns.150430.txt`). It
//! reads the treebank's training sentences as `chronicle train syntax` does
//! (the held-out documents left out) and takes their verb lemmas, adds the
//! one-word verbs the PETRARCH-2 verb dictionary lists in base form (MIT;
//! lines `VERB {FORMS}`, `VERB [code]` or a bare `VERB`), and writes TABLE back
//! with its exceptions as they are (hand-checked additions kept) and these
//! `BASE` rows in place of the old ones. `chronicle train syntax` writes the
//! treebank's rows only.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(treebank), Some(table)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: lemma_bases TREEBANK_DIR TABLE [PETRARCH_VERB_PATTERNS]");
        std::process::exit(2);
    };
    if let Err(e) = run(treebank.as_ref(), table.as_ref(), args.get(3).map(std::path::Path::new)) {
        eprintln!("{e}");
        std::process::exit(1);
    }
}

fn run(treebank: &std::path::Path, table: &std::path::Path, petrarch: Option<&std::path::Path>) -> Result<(), Box<dyn std::error::Error>> {
    use chronicle_syntax::lemma::Lemmatizer;
    let (train, _held) = chronicle_syntax::train::split(treebank)?;
    let mut words: Vec<(String, String, String, String)> =
        train.iter().flat_map(|s| s.words.iter()).map(|w| (w.form.clone(), w.upos.clone(), w.xpos.clone(), w.lemma.clone())).collect();
    if let Some(p) = petrarch {
        // a base form read as a verb lemma of itself: it adds a base and no exception
        for line in std::fs::read_to_string(p)?.lines() {
            let head = line.split(|c: char| c.is_whitespace() || c == '{' || c == '[' || c == '#').next().unwrap_or("");
            if head.len() >= 2 && head.chars().all(|c| c.is_ascii_uppercase()) {
                let base = head.to_lowercase();
                words.push((base.clone(), "VERB".into(), "VB".into(), base));
            }
        }
    }
    let learned = Lemmatizer::learn(words.iter().map(|(f, u, x, l)| (f.as_str(), u.as_str(), x.as_str(), l.as_str())));
    let text = std::fs::read_to_string(table)?;
    let header: String = text.lines().take_while(|l| l.starts_with('#')).map(|l| format!("{l}\n")).collect();
    let current = Lemmatizer::parse(&text, &table.display().to_string())?.with_bases_of(&learned);
    std::fs::write(table, current.to_tsv(&header))?;
    eprintln!("{}: {} exceptions, {} verb base forms", table.display(), current.len(), current.bases_len());
    Ok(())
}
