//! Sentence and token segmentation with exact byte offsets over the body.
//!
//! A rule-based tokenizer and splitter in one pass, driven by the
//! abbreviation list in `data/ner/abbreviations.txt`:
//!
//! * tokens are words (hyphenated words stay whole), numbers (`1,000`, `3.4`),
//!   abbreviations with their period (`Mr.`, `U.S.`, `a.m.`, initials `J.`),
//!   clitics split off (`Russia's` → `Russia` `'s`, `don't` → `do` `n't`) and
//!   single punctuation marks (`...` and `--` stay whole);
//! * a sentence ends at `.`, `!`, `?` or an ellipsis followed by a token that
//!   does not start with a lower-case letter; closing quotes and brackets
//!   directly after the mark belong to the sentence; a line break always ends
//!   a sentence; title abbreviations (`Mr.`, `Lt. Gen.`, `No.`) and initials
//!   never end one; other abbreviations (`U.S.`, `a.m.`) end one only when a
//!   typical sentence starter follows ("The", "He", …).
//!
//! Why not `sentencex`: it splits sentences only (the tokens are needed
//! anyway, with the same abbreviation knowledge) and prefers under-splitting;
//! one pass over the tokens gives both layers with shared rules.

use std::ops::Range;
use std::sync::LazyLock;

use chronicle_core::{Document, Sentence, Span, Token};
use rustc_hash::{FxHashMap, FxHashSet};

/// How an abbreviation behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbrevKind {
    /// A title or marker that a name or number always follows (`Mr.`, `No.`).
    Title,
    /// A month (`Jan.`): no end when a number follows.
    Month,
    /// Any other abbreviation (`U.S.`, `a.m.`, `Inc.`).
    Other,
}

/// The abbreviation and sentence-starter lists.
pub struct Abbreviations {
    kinds: FxHashMap<String, AbbrevKind>,
    starters: FxHashSet<String>,
}

const ABBREVIATIONS_TXT: &str = include_str!("../../../data/ner/abbreviations.txt");

impl Abbreviations {
    /// Parses the list (`ABBREV<TAB>KIND` lines, `#` comments). Unknown kinds
    /// and malformed lines are reported with their line number.
    pub fn parse(text: &str, file: &str) -> Result<Abbreviations, crate::LanguageError> {
        let mut kinds = FxHashMap::default();
        let mut starters = FxHashSet::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(word), Some(kind)) = (cols.next(), cols.next()) else {
                return Err(crate::LanguageError::BadData {
                    file: file.to_string(),
                    line: n + 1,
                    reason: "expected ABBREVIATION<TAB>KIND".into(),
                });
            };
            let kind = match kind.trim() {
                "title" => AbbrevKind::Title,
                "month" => AbbrevKind::Month,
                "other" => AbbrevKind::Other,
                "starter" => {
                    starters.insert(word.to_string());
                    continue;
                }
                k => {
                    return Err(crate::LanguageError::BadData {
                        file: file.to_string(),
                        line: n + 1,
                        reason: format!("unknown kind {k:?}"),
                    })
                }
            };
            kinds.insert(word.to_string(), kind);
        }
        Ok(Abbreviations { kinds, starters })
    }

    /// The kind of an abbreviation given without its final period.
    pub fn kind(&self, word: &str) -> Option<AbbrevKind> {
        self.kinds.get(word).copied()
    }
}

static ABBREVIATIONS: LazyLock<Abbreviations> = LazyLock::new(|| {
    Abbreviations::parse(ABBREVIATIONS_TXT, "data/ner/abbreviations.txt").unwrap_or(Abbreviations {
        kinds: FxHashMap::default(),
        starters: FxHashSet::default(),
    })
});

/// Tokens and sentences of a text: byte ranges of tokens, and for each
/// sentence the range of its token indices.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmented {
    /// Byte range of each token.
    pub tokens: Vec<Range<usize>>,
    /// Token-index range of each sentence.
    pub sentences: Vec<Range<usize>>,
}

/// Fills `doc.sentences` and `doc.tokens`.
pub fn annotate(doc: &mut Document) {
    let seg = segment(doc.body());
    let body = doc.body();
    let mut tokens = Vec::with_capacity(seg.tokens.len());
    for r in &seg.tokens {
        if let Ok(span) = Span::new(body, r.start, r.end) {
            tokens.push(Token::new(span));
        }
    }
    let mut sentences = Vec::with_capacity(seg.sentences.len());
    for s in &seg.sentences {
        let (Some(first), Some(last)) = (seg.tokens.get(s.start), s.end.checked_sub(1).and_then(|e| seg.tokens.get(e)))
        else {
            continue;
        };
        if let Ok(span) = Span::new(body, first.start, last.end) {
            sentences.push(Sentence { span });
        }
    }
    doc.tokens = tokens;
    doc.sentences = sentences;
}

/// Tokenizes and splits `text`; no sentence is longer than [`max_sentence_tokens`].
pub fn segment(text: &str) -> Segmented {
    let tokens = tokenize(text);
    let sentences = cap_length(text, &tokens, split(text, &tokens), max_sentence_tokens());
    Segmented { tokens, sentences }
}

const BUDGETS_TSV: &str = include_str!("../../../data/language/budgets.tsv");

/// The longest sentence, in tokens, the language layer analyses as one
/// (`data/language/budgets.tsv`; 250 if the file lacks the key).
pub fn max_sentence_tokens() -> usize {
    static MAX: LazyLock<usize> = LazyLock::new(|| {
        BUDGETS_TSV
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .find(|(k, _)| k.trim() == "max_sentence_tokens")
            .and_then(|(_, v)| v.trim().parse().ok())
            .filter(|&v: &usize| v > 0)
            .unwrap_or(250)
    });
    *MAX
}

/// Cuts every sentence longer than `max` tokens into pieces of at most `max`, each
/// ending after the last `,`, `;` or `:` of its final quarter when there is one.
pub fn cap_length(text: &str, tokens: &[Range<usize>], sentences: Vec<Range<usize>>, max: usize) -> Vec<Range<usize>> {
    let max = max.max(1);
    if sentences.iter().all(|s| s.len() <= max) {
        return sentences;
    }
    let is_break = |k: usize| tokens.get(k).and_then(|r| text.get(r.clone())).is_some_and(|t| matches!(t, "," | ";" | ":"));
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut start = s.start;
        while s.end - start > max {
            let hard = start + max;
            let cut = (hard - max / 4..hard).rev().find(|&k| is_break(k)).map_or(hard, |k| k + 1);
            out.push(start..cut);
            start = cut;
        }
        out.push(start..s.end);
    }
    out
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Length in bytes of a clitic (`'s`, `'re`, `'ve`, `'ll`, `'d`, `'m`) starting
/// at `i` (at the apostrophe), when it is followed by a non-letter.
fn clitic_len(text: &str, i: usize) -> Option<usize> {
    let c = char_at(text, i)?;
    if !is_apostrophe(c) {
        return None;
    }
    let rest = text.get(i + c.len_utf8()..)?;
    for cl in ["s", "S", "re", "RE", "ve", "VE", "ll", "LL", "d", "D", "m", "M"] {
        if let Some(after) = rest.strip_prefix(cl) {
            if !after.chars().next().is_some_and(char::is_alphanumeric) {
                return Some(c.len_utf8() + cl.len());
            }
        }
    }
    None
}

/// True at `i` when `n't` (or `n’t`) starts there and ends a word.
fn is_nt(text: &str, i: usize) -> Option<usize> {
    let rest = text.get(i..)?;
    for pat in ["n't", "n\u{2019}t", "N'T", "N\u{2019}T"] {
        if let Some(after) = rest.strip_prefix(pat) {
            if !after.chars().next().is_some_and(char::is_alphanumeric) {
                return Some(pat.len());
            }
        }
    }
    None
}

/// Splits `text` into token byte ranges.
pub fn tokenize(text: &str) -> Vec<Range<usize>> {
    let abbr = &*ABBREVIATIONS;
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let Some(c) = char_at(text, i) else { break };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() {
            let start = i;
            let mut j = i;
            let mut has_alpha = false;
            loop {
                // a run of alphanumerics
                while let Some(d) = char_at(text, j) {
                    if d.is_alphanumeric() || (j > start && is_combining(d)) {
                        has_alpha |= d.is_alphabetic();
                        j += d.len_utf8();
                    } else {
                        break;
                    }
                }
                let Some(n) = char_at(text, j) else { break };
                let next = char_at(text, j + n.len_utf8());
                let prev_digit = j > 0 && bytes.get(j - 1).is_some_and(u8::is_ascii_digit);
                match n {
                    '-' if next.is_some_and(char::is_alphanumeric) => {
                        j += 1;
                    }
                    '.' | ',' if prev_digit && next.is_some_and(|d| d.is_ascii_digit()) => {
                        j += 1;
                    }
                    '&' if next.is_some_and(char::is_uppercase) && !text[start..j].chars().any(char::is_lowercase) => {
                        j += 1;
                    }
                    c2 if is_apostrophe(c2) && next.is_some_and(char::is_alphabetic) => {
                        if clitic_len(text, j).is_some() {
                            break;
                        }
                        // don't → do n't
                        if j >= start + 2 && matches!(bytes.get(j - 1), Some(b'n') | Some(b'N')) && is_nt(text, j - 1).is_some() {
                            j -= 1;
                            break;
                        }
                        // O'Brien, rock'n'roll: keep whole
                        j += c2.len_utf8();
                    }
                    _ => break,
                }
            }
            // a trailing period that belongs to the word, or to its last
            // hyphenated part ("R-S.C.", "D-Calif." in "Rep. X (D-Calif.)")
            if bytes.get(j) == Some(&b'.') {
                let part = text[start..j].rfind('-').map_or(start, |h| start + h + 1);
                let word = &text[start..j];
                let dotted = dotted_abbrev_end(text, start).or_else(|| (part > start).then(|| dotted_abbrev_end(text, part)).flatten());
                if let Some(end) = dotted {
                    j = end;
                } else if abbr.kind(word).is_some()
                    || (part > start && abbr.kind(&text[part..j]).is_some())
                    || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
                {
                    j += 1;
                }
            }
            let _ = has_alpha;
            out.push(start..j);
            // n't right after
            if let Some(l) = is_nt(text, j) {
                out.push(j..j + l);
                j += l;
            }
            i = j;
            continue;
        }
        // the Penn Treebank's (and LaTeX's) quotation marks, `` and '': one mark each
        if (c == '`' || c == '\'') && text[i + 1..].starts_with(c) {
            out.push(i..i + 2);
            i += 2;
            continue;
        }
        if let Some(l) = clitic_len(text, i) {
            // a clitic when glued to the previous token, or when text tokenized as the Penn
            // Treebank is ("BP 's plans", "they 've said"): set apart by spaces after a word
            let spaced = |r: &Range<usize>| {
                text[r.end..i].chars().all(char::is_whitespace)
                    && text[r.clone()].chars().last().is_some_and(char::is_alphanumeric)
                    && text[i + l..].chars().next().is_none_or(char::is_whitespace)
            };
            if out.last().is_some_and(|r: &Range<usize>| r.end == i || spaced(r)) {
                out.push(i..i + l);
                i += l;
                continue;
            }
        }
        // punctuation
        let start = i;
        let mut j = i + c.len_utf8();
        if c == '.' || c == '-' || c == '!' || c == '?' {
            while let Some(d) = char_at(text, j) {
                if d == c || (c != '.' && c != '-' && (d == '!' || d == '?')) {
                    j += d.len_utf8();
                } else {
                    break;
                }
            }
        }
        out.push(start..j);
        i = j;
    }
    out
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// For `U.S.`, `a.m.`, `e.g.`, `Ph.D.`: the end of the dotted abbreviation
/// starting at `start` (after its last period), when the text has one there:
/// one or two letters, a period, and at least one more letters-period group.
fn dotted_abbrev_end(text: &str, start: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut j = start;
    let mut groups = 0;
    loop {
        let g = j;
        while j < b.len() && b[j].is_ascii_alphabetic() && j - g < 3 {
            j += 1;
        }
        if j == g || j - g > 2 || b.get(j) != Some(&b'.') {
            break;
        }
        if j < b.len() && b[j].is_ascii_alphabetic() {
            break;
        }
        j += 1; // the period
        groups += 1;
    }
    if groups >= 2 {
        // the last consumed char is a period; the next must not be a letter
        if b.get(j).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        Some(j)
    } else {
        None
    }
}

fn is_closing(tok: &str) -> bool {
    matches!(tok, "\"" | "'" | "\u{2019}" | "\u{201D}" | ")" | "]" | "\u{00BB}" | "''")
}

fn is_terminal(tok: &str) -> bool {
    tok.starts_with('.') && tok.chars().all(|c| c == '.')
        || tok == "\u{2026}"
        || (!tok.is_empty() && tok.chars().all(|c| c == '!' || c == '?'))
}

/// Groups tokens into sentences (token-index ranges).
pub fn split(text: &str, tokens: &[Range<usize>]) -> Vec<Range<usize>> {
    let abbr = &*ABBREVIATIONS;
    let tok = |k: usize| tokens.get(k).and_then(|r| text.get(r.clone())).unwrap_or("");
    let mut out = Vec::new();
    let mut start = 0;
    let mut k = 0;
    while k < tokens.len() {
        // a line break before this token ends the sentence
        if k > start {
            let gap = text.get(tokens[k - 1].end..tokens[k].start).unwrap_or("");
            if gap.contains('\n') {
                out.push(start..k);
                start = k;
            }
        }
        let t = tok(k);
        if dateline_dash(&tok, start, k) {
            out.push(start..k + 1);
            start = k + 1;
            k += 1;
            continue;
        }
        let mut end_here = false;
        if is_terminal(t) {
            end_here = true;
        } else if let Some(stem) = t.strip_suffix('.') {
            if t.len() > 1 {
                match abbr.kind(stem) {
                    Some(AbbrevKind::Title) => {}
                    Some(AbbrevKind::Month) => {
                        let next = tok(k + 1);
                        end_here = !next.starts_with(|c: char| c.is_ascii_digit()) && abbr.starters.contains(next);
                    }
                    Some(AbbrevKind::Other) | None => {
                        // single initial "J." never ends; dotted and listed ones end before a starter
                        let initial = stem.chars().count() == 1;
                        let next = tok(k + 1);
                        end_here = !initial && (next.is_empty() || abbr.starters.contains(next));
                    }
                }
            }
        }
        if end_here {
            let mut e = k + 1;
            // closing quotes/brackets glued to the mark
            while e < tokens.len() && is_closing(tok(e)) && tokens[e].start == tokens[e - 1].end {
                e += 1;
            }
            let next = tok(e);
            let continues = next.starts_with(|c: char| c.is_lowercase())
                || (next.starts_with(|c: char| c == ',' || c == ';' || c == ':'))
                || (is_terminal(t) && t != "." && next.starts_with(|c: char| c.is_lowercase()));
            if !continues {
                out.push(start..e);
                start = e;
                k = e;
                continue;
            }
        }
        k += 1;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// "… By Ann Lee NEW YORK , Oct 6 ( Reuters ) - The judge …": the dash
/// closing a news agency's dateline (one to three capitalised words in
/// parentheses, a word in capitals shortly before them, a capitalised word
/// after the dash) ends the header or the dateline; the story starts after it.
fn dateline_dash<'t>(tok: &impl Fn(usize) -> &'t str, start: usize, k: usize) -> bool {
    if !matches!(tok(k), "-" | "--" | "—" | "–") || k < start + 3 || !matches!(tok(k - 1), ")" | "-RRB-") {
        return false;
    }
    let close = k - 1;
    let Some(open) = (close.saturating_sub(4).max(start)..close).rev().find(|&j| matches!(tok(j), "(" | "-LRB-")) else {
        return false;
    };
    let agency = open + 1..close;
    let named = (1..=3).contains(&agency.len()) && agency.into_iter().all(|j| tok(j).starts_with(char::is_uppercase));
    let capitals = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_lowercase());
    let place = (open.saturating_sub(8).max(start)..open).any(|j| capitals(tok(j)));
    named && place && tok(k + 1).starts_with(|c: char| c.is_uppercase() || c == '"' || c == '`' || c == '\'')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dateline_ends_the_header_before_it() {
        let text = "Ports reopen * Navy ends blockade By Ann Lee KINGSTON , March 3 ( Reuters ) - The navy lifted the blockade . It sailed home .";
        let seg = segment(text);
        let sentences: Vec<&str> = seg.sentences.iter().map(|s| &text[seg.tokens[s.start].start..seg.tokens[s.end - 1].end]).collect();
        assert_eq!(sentences, ["Ports reopen * Navy ends blockade By Ann Lee KINGSTON , March 3 ( Reuters ) -", "The navy lifted the blockade .", "It sailed home ."]);
        // a parenthesis with a dash inside a sentence is no dateline
        for text in ["Syria (SANA) - a state agency - said the talks failed.", "The UN (which met on Monday) - said nothing.", "The US (Washington) - and its allies agreed."] {
            assert_eq!(segment(text).sentences.len(), 1, "{text}");
        }
    }

    #[test]
    fn overlong_sentences_are_cut_at_the_budget() {
        // Regression (#17): one unpunctuated sentence of thousands of words made the
        // quote and event steps quadratic.
        let text = "word ".repeat(1000);
        let seg = segment(&text);
        let max = max_sentence_tokens();
        assert!(seg.sentences.iter().all(|s| s.len() <= max));
        assert_eq!(seg.sentences.iter().map(|s| s.len()).sum::<usize>(), 1000, "every token in one sentence");
        assert_eq!(seg.sentences.first(), Some(&(0..max)));
        // a comma in the last quarter is where the piece ends
        let text = format!("{} , {}", "a ".repeat(9), "b ".repeat(10));
        let seg = segment(&text);
        assert_eq!(cap_length(&text, &seg.tokens, vec![0..seg.tokens.len()], 12), vec![0..10, 10..20]);
        // sentences within the budget are left alone
        let seg = segment("One sentence here. And another.");
        assert_eq!(seg.sentences.len(), 2);
    }

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|r| &text[r]).collect()
    }

    fn sents(text: &str) -> Vec<&str> {
        let s = segment(text);
        s.sentences
            .iter()
            .map(|r| &text[s.tokens[r.start].start..s.tokens[r.end - 1].end])
            .collect()
    }

    #[test]
    fn tokens_split_clitics_and_keep_numbers() {
        assert_eq!(toks("Russia's troops"), ["Russia", "'s", "troops"]);
        assert_eq!(toks("Kyiv’s delegation"), ["Kyiv", "’s", "delegation"]);
        assert_eq!(toks("We don't want"), ["We", "do", "n't", "want"]);
        assert_eq!(toks("1,000 troops, 3.4% and $200 billion"), ["1,000", "troops", ",", "3.4", "%", "and", "$", "200", "billion"]);
        assert_eq!(toks("full-scale U.S.-made O'Brien"), ["full-scale", "U.S.", "-", "made", "O'Brien"]);
        assert_eq!(toks("'minimum'."), ["'", "minimum", "'", "."]);
        assert_eq!(toks("fight … We"), ["fight", "…", "We"]);
        // Penn Treebank quotation marks are one mark each
        assert_eq!(toks("said `` no '' ."), ["said", "``", "no", "''", "."]);
        assert_eq!(toks("the rebels' ''"), ["the", "rebels", "'", "''"]);
        // text tokenized as the Penn Treebank is: clitics stand apart
        assert_eq!(toks("BP 's plans , they 've said"), ["BP", "'s", "plans", ",", "they", "'ve", "said"]);
        assert_eq!(toks("the letter ' s ' and 'sorry'"), ["the", "letter", "'", "s", "'", "and", "'", "sorry", "'"]);
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(sents("Mr. Smith met Dr. Jones at 3 p.m. on Monday. They talked."), [
            "Mr. Smith met Dr. Jones at 3 p.m. on Monday.",
            "They talked."
        ]);
        assert_eq!(sents("Lt. Gen. Ivan Petrov and J. K. Rowling spoke. No. 10 said so."), [
            "Lt. Gen. Ivan Petrov and J. K. Rowling spoke.",
            "No. 10 said so."
        ]);
        assert_eq!(sents("The U.S. President spoke on Jan. 5 at the U.N. Security Council."), [
            "The U.S. President spoke on Jan. 5 at the U.N. Security Council."
        ]);
        assert_eq!(sents("He moved to the U.S. The move was quick."), ["He moved to the U.S.", "The move was quick."]);
    }

    #[test]
    fn party_and_state_tags_do_not_split() {
        // US news names a legislator's party and state in brackets or commas
        assert_eq!(toks("Rep. Ann Lee (R-S.C.) said"), ["Rep.", "Ann", "Lee", "(", "R-S.C.", ")", "said"]);
        assert_eq!(sents("Sens. Ann Lee (D-N.J.) and Bo Kim (R-Calif.) all agreed. Then they left."), [
            "Sens. Ann Lee (D-N.J.) and Bo Kim (R-Calif.) all agreed.",
            "Then they left."
        ]);
        assert_eq!(sents("Sen. Ann Lee, D-Del., said so. Del. Bo Kim, a delegate from Guam, agreed."), [
            "Sen. Ann Lee, D-Del., said so.",
            "Del. Bo Kim, a delegate from Guam, agreed."
        ]);
        // a hyphenated word that is no abbreviation still ends a sentence
        assert_eq!(sents("It was a well-known. Then it was not."), ["It was a well-known.", "Then it was not."]);
    }

    #[test]
    fn closing_quotes_stay_and_lines_split() {
        assert_eq!(sents("He replied: 'Next time it will be five.' Then he left."), [
            "He replied: 'Next time it will be five.'",
            "Then he left."
        ]);
        assert_eq!(sents("\"We are ready,\" he said. \"Are you?\" she asked."), [
            "\"We are ready,\" he said.",
            "\"Are you?\" she asked."
        ]);
        assert_eq!(sents("Headline without a period\nFirst line.\n\nSecond one"), [
            "Headline without a period",
            "First line.",
            "Second one"
        ]);
    }

    #[test]
    fn annotate_fills_checked_spans() {
        let body = "Erdoğan met Mr. Zelensky. They spoke.".to_string();
        let mut doc = Document::new(
            chronicle_core::DocId::from_text(&body),
            "t".into(),
            chronicle_core::InputFormat::Text,
            Vec::new(),
            body.clone(),
            body.clone(),
            Default::default(),
        );
        annotate(&mut doc);
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.tokens[0].span.text(doc.body()), "Erdoğan");
        assert_eq!(doc.tokens[2].span.text(doc.body()), "Mr.");
    }
}
