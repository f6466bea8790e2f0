//! How many Reuters-21578 stories the cleaner rejects, and how many of those are prose:
//! `cargo run --release -p chronicle-pipeline --example reuters_rejections -- [REUTERS_DIR] [N]`
//! (defaults `../shared/data/reuters21578`, 3000). Prints the counts, then up to 20
//! rejected prose stories. "Prose" = at least two sentence ends after word characters, more
//! letters than digits, and most paragraphs not figure lines (a digit and no sentence end),
//! in the body (the title line excluded).
fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "../shared/data/reuters21578".into());
    let limit = args.next().map_or(3000, |n| n.parse::<usize>().unwrap_or(3000));
    let inputs = chronicle_pipeline::reuters::read_dir(dir.as_ref(), Some(limit)).unwrap_or_else(|e| panic!("{e}"));
    let cleaner = chronicle_clean::Cleaner::builtin();
    let (mut rejected, mut prose_rejected, mut prose_total, mut tables) = (0usize, 0usize, 0usize, 0usize);
    let mut examples = Vec::new();
    for chunk in inputs.chunks(256) {
        let texts: Vec<String> = chunk.iter().map(|i| i.text.clone()).collect();
        for (result, text) in cleaner.clean_batch(chunk.to_vec()).into_iter().zip(texts) {
            let body = text.split_once("\n\n").map_or(text.as_str(), |(_, b)| b);
            let prose = is_prose(body);
            prose_total += usize::from(prose);
            match result {
                Ok(docs) => {
                    tables += usize::from(docs.first().is_some_and(|d| d.meta.genre.as_str() == "table"));
                }
                Err(e) => {
                    rejected += 1;
                    if prose {
                        prose_rejected += 1;
                        if examples.len() < 20 {
                            examples.push(format!("{e}\n    {}", body.chars().take(300).collect::<String>().replace('\n', " / ")));
                        }
                    }
                }
            }
        }
    }
    println!("stories: {}  rejected: {rejected}  prose stories: {prose_total}  prose rejected: {prose_rejected} ({:.2} %)  stored as genre table: {tables}",
        inputs.len(), 100.0 * prose_rejected as f64 / prose_total.max(1) as f64);
    for e in examples {
        println!("- {e}");
    }
}

/// At least two sentence ends (`.`/`!`/`?` after a letter, then space or end) and more
/// letters than digits.
fn is_prose(body: &str) -> bool {
    let chars: Vec<char> = body.chars().collect();
    let ends = chars
        .windows(3)
        .filter(|w| w[0].is_alphabetic() && matches!(w[1], '.' | '!' | '?') && w[2].is_whitespace())
        .count()
        + usize::from(body.trim_end().ends_with(['.', '!', '?']));
    let letters = chars.iter().filter(|c| c.is_alphabetic()).count();
    let digits = chars.iter().filter(|c| c.is_ascii_digit()).count();
    let paragraphs: Vec<&str> = body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect();
    let figures = paragraphs
        .iter()
        .filter(|p| p.chars().any(|c| c.is_ascii_digit()) && !p.trim_end().ends_with(['.', '!', '?']))
        .count();
    ends >= 2 && letters > 2 * digits && 2 * figures < paragraphs.len()
}
