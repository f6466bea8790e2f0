//! Prints the sentences of a text file, one per line: `sentence_dump FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let text = std::fs::read_to_string(&path).expect("readable file");
    let seg = chronicle_language::sentence::segment(&text);
    for s in &seg.sentences {
        let (Some(a), Some(b)) = (seg.tokens.get(s.start), seg.tokens.get(s.end - 1)) else { continue };
        println!("{}", &text[a.start..b.end]);
    }
}
