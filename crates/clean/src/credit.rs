//! Picture credits and captions (`data/clean/credits.tsv`): "Photograph: Jo Smith/AFP/Getty
//! Images", "(AP Photo/Jo Smith)", "Image copyright Getty Images", "Image caption …". They
//! describe a picture, not the news: a line that is one is a caption, and a credit glued to the
//! start of a sentence (text dumps lose the line break between them) is cut off, so that the
//! sentence starts where the prose starts.
//!
//! A credit is a credit word (`lead` with a colon, "by" or a slash after it; `bare`, also with
//! nothing after it; `agency`, a credit by itself) and then its parts: picture agencies
//! (`source`) and names, joined by slashes (`/`, or `\/` in Penn Treebank text). Inside brackets
//! a credit runs to the closing bracket. Where the last part is a name and the sentence
//! follows with no break, the name ends before the first capitalised function word ("… Jo
//! Smith The minister said") or capital-letters word; failing that it has two words when a
//! lower-case word follows ("… Jo Smith Mexico City lowered …"), and a credit whose end cannot
//! be told is left alone.

use crate::lexicon::{WordSet, LEXICON};

/// The credit word groups of `data/clean/credits.tsv` and the particles of names.
#[derive(Default)]
pub(crate) struct PictureWords {
    leads: Vec<Vec<String>>,
    bare: Vec<Vec<String>>,
    agencies: Vec<Vec<String>>,
    captions: Vec<Vec<String>>,
    sources: Vec<Vec<String>>,
    /// Lower-case words inside names ("de", "van"): `particle` of `data/ner/name_words.tsv`.
    particles: WordSet,
    /// The first words of the credit and caption phrases, lower case.
    first_words: WordSet,
}

impl PictureWords {
    /// From the text of `credits.tsv` and of `name_words.tsv`.
    pub(crate) fn load(credits: &str, name_words: &str) -> PictureWords {
        let mut p = PictureWords::default();
        for line in credits.lines().filter(|l| !l.starts_with('#')) {
            let [kind, _lang, phrase] = line.split('\t').collect::<Vec<_>>()[..] else { continue };
            let words: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
            if kind != "source" {
                p.first_words.extend(words.first().cloned());
            }
            match kind {
                "lead" => p.leads.push(words),
                "bare" => p.bare.push(words),
                "agency" => p.agencies.push(words),
                "caption" => p.captions.push(words),
                "source" => p.sources.push(words),
                _ => {}
            }
        }
        for line in name_words.lines().filter(|l| l.starts_with("particle\t")) {
            if let Some(w) = line.split('\t').nth(1) {
                p.particles.insert(w.to_lowercase());
            }
        }
        p
    }
}

/// What a line holds of picture credits and captions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Credit {
    /// The whole line is credits or a caption.
    Line,
    /// Credits (and a caption after them) at bytes `start..end`; the prose after them starts
    /// at `rest` (the line's length when none follows).
    Span { start: usize, end: usize, rest: usize },
}

/// The kinds of token a credit is read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Word,
    Slash,
    Colon,
    Open,
    Close,
    Other,
}

#[derive(Clone, Copy, Debug)]
struct Tok<'a> {
    kind: Kind,
    start: usize,
    text: &'a str,
}

/// Most words a name of a credit has.
const MAX_NAME_WORDS: usize = 5;
/// Most tokens between a bracketed credit's word and its closing bracket.
const MAX_BRACKETED: usize = 25;

/// The tokens of a line: words (letters and digits, with inner hyphens, apostrophes and
/// points, and an initial's point: "Lopez-Mills", "O'Neil", "C."), slashes (`/` and `\/`),
/// colons, brackets and other marks.
fn lex(line: &str) -> Vec<Tok<'_>> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let single = |kind| Tok { kind, start: i, text: &line[i..i + c.len_utf8()] };
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                let inner = matches!(d, '-' | '\'' | '’' | '.' | '&') && line[j + d.len_utf8()..].starts_with(char::is_alphanumeric);
                if !(d.is_alphanumeric() || inner) {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            if end == i + c.len_utf8() && c.is_uppercase() && bytes.get(end) == Some(&b'.') {
                end += 1;
                chars.next();
            }
            out.push(Tok { kind: Kind::Word, start: i, text: &line[i..end] });
        } else if c == '\\' && bytes.get(i + 1) == Some(&b'/') {
            chars.next();
            out.push(Tok { kind: Kind::Slash, start: i, text: &line[i..i + 2] });
        } else if !c.is_whitespace() {
            let kind = match c {
                '/' => Kind::Slash,
                ':' => Kind::Colon,
                '(' | '[' => Kind::Open,
                ')' | ']' => Kind::Close,
                _ => Kind::Other,
            };
            out.push(single(kind));
        }
    }
    out
}

/// How many tokens from `i` the longest phrase of `phrases` takes (case ignored; a colon in
/// a phrase is a colon token).
fn phrase_at(t: &[Tok], i: usize, phrases: &[Vec<String>]) -> Option<usize> {
    phrases
        .iter()
        .filter(|p| {
            p.iter().enumerate().all(|(k, w)| t.get(i + k).is_some_and(|x| x.text.eq_ignore_ascii_case(w)))
        })
        .map(Vec::len)
        .max()
}

fn capitalised(w: &str) -> bool {
    w.starts_with(char::is_uppercase)
}

fn all_caps(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// The capitalised words (and particles) from `i`, at most `MAX_NAME_WORDS + 3`.
fn name_run(t: &[Tok], i: usize, pw: &PictureWords) -> usize {
    t[i.min(t.len())..]
        .iter()
        .take(MAX_NAME_WORDS + 3)
        .take_while(|x| x.kind == Kind::Word && (capitalised(x.text) || pw.particles.contains(&x.text.to_lowercase())))
        .count()
}

/// Where a name that ends a credit ends, given the run of capitalised words at `i` (`run`
/// long) that the sentence follows: before the run's first capitalised function word, or its
/// first capital-letters word after a mixed-case one ("Jo Smith LONDON"); failing that, two
/// words before a lower-case word or a possessive ("Jo Smith Mexico City lowered"); the whole
/// run before anything else (the line's end, a quote mark, a number). None: no name there or
/// the end cannot be told.
fn name_end(t: &[Tok], i: usize, run: usize) -> Option<usize> {
    let stops = LEXICON.stop_list("en");
    let words = &t[i..i + run];
    let function = words.iter().position(|w| stops.is_some_and(|s| s.contains(&w.text.to_lowercase())));
    let caps = (1..run).find(|&k| all_caps(words[k].text) && !all_caps(words[k - 1].text));
    let cut = match (function, caps) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let n = match cut {
        Some(k) => k,
        None => match t.get(i + run) {
            Some(x) if x.kind == Kind::Word || x.text == "'" || x.text == "’" => {
                if run >= 3 {
                    2
                } else {
                    0
                }
            }
            _ => run,
        },
    };
    (1..=MAX_NAME_WORDS).contains(&n).then_some(i + n)
}

/// The end of a credit's parts from token `i` (agencies and names joined by slashes), and
/// whether the last part is an agency.
fn parts(t: &[Tok], mut i: usize, pw: &PictureWords) -> Option<(usize, bool)> {
    let mut first = true;
    loop {
        let (end, source) = match phrase_at(t, i, &pw.sources) {
            Some(n) => (i + n, true),
            None => match joined_part(t, i, first) {
                Some(n) => (i + n, false),
                None => return name_end(t, i, name_run(t, i, pw)).map(|e| (e, false)),
            },
        };
        first = false;
        if t.get(end).is_some_and(|x| x.kind == Kind::Slash) && t.get(end + 1).is_some_and(|x| x.kind == Kind::Word) {
            i = end + 1;
        } else {
            return Some((end, source));
        }
    }
}

/// A part a slash ends: one to `MAX_NAME_WORDS` words ("Centers for Disease Control/",
/// "pool/"), the credit's first part capitalised. Its length in tokens.
fn joined_part(t: &[Tok], i: usize, first: bool) -> Option<usize> {
    let n = t.get(i..)?.iter().take(MAX_NAME_WORDS + 1).take_while(|x| x.kind == Kind::Word).count();
    let capital = !first || t.get(i).is_some_and(|x| capitalised(x.text));
    ((1..=MAX_NAME_WORDS).contains(&n) && capital && t.get(i + n).is_some_and(|x| x.kind == Kind::Slash)).then_some(n)
}

/// A credit at token `i`: the token after it. A `lead` with no colon, "by" or slash after it
/// is a credit only when its parts end in an agency ("Photograph Jo Smith/AP").
fn credit_at(t: &[Tok], i: usize, pw: &PictureWords) -> Option<usize> {
    let open = t.get(i)?.kind == Kind::Open;
    let j = i + usize::from(open);
    let (n, alone, needs_mark) = if let Some(n) = phrase_at(t, j, &pw.agencies) {
        (n, true, false)
    } else if let Some(n) = phrase_at(t, j, &pw.bare) {
        (n, false, false)
    } else {
        (phrase_at(t, j, &pw.leads)?, false, true)
    };
    let j = j + n;
    let mark = t.get(j).is_some_and(|x| matches!(x.kind, Kind::Colon | Kind::Slash) || x.text.eq_ignore_ascii_case("by"));
    if open {
        let closed = t.get(j).is_some_and(|x| x.kind == Kind::Close);
        let shut = || t.iter().skip(j).take(MAX_BRACKETED).position(|x| x.kind == Kind::Close).map(|k| j + k + 1);
        return if mark || closed || !needs_mark { shut() } else { None };
    }
    match (mark, alone, needs_mark) {
        (true, _, _) => parts(t, j + 1, pw).map(|p| p.0),
        (false, true, _) => Some(j),
        (false, false, true) => parts(t, j, pw).filter(|p| p.1).map(|p| p.0),
        (false, false, false) => parts(t, j, pw).map(|p| p.0),
    }
}

/// A bracketed credit with no credit word right after another credit ("(AP Photo/Jo Smith)
/// (Jo Smith - AP)"): capitalised words and marks only, the last word a picture agency.
fn bracketed_source_at(t: &[Tok], i: usize, pw: &PictureWords) -> Option<usize> {
    if t.get(i)?.kind != Kind::Open {
        return None;
    }
    let close = i + 1 + t.iter().skip(i + 1).take(MAX_BRACKETED).position(|x| x.kind == Kind::Close)?;
    let inside = &t[i + 1..close];
    let plain = inside.iter().all(|x| x.kind != Kind::Word || capitalised(x.text));
    let last = inside.iter().rposition(|x| x.kind == Kind::Word)?;
    let ends_in_source = (0..=last).any(|k| phrase_at(inside, k, &pw.sources).is_some_and(|n| k + n == last + 1));
    (plain && ends_in_source).then_some(close + 1)
}

/// A caption opening at token `i` ("Image caption Rescue teams …", "Pictured: …").
fn caption_at(t: &[Tok], i: usize, pw: &PictureWords) -> bool {
    phrase_at(t, i, &pw.captions).is_some_and(|n| match t.get(i + n) {
        None => true,
        Some(x) => matches!(x.kind, Kind::Colon) || x.text == "," || (x.kind == Kind::Word && capitalised(x.text)),
    })
}

/// The credits from token `i` on, one after another ("(AP Photo/Jo Smith) (Jo Smith - AP)"):
/// the token after the last, `i` when there is none.
fn credits_from(t: &[Tok], i: usize, pw: &PictureWords) -> usize {
    let mut k = i;
    while let Some(e) = credit_at(t, k, pw).or_else(|| if k > i { bracketed_source_at(t, k, pw) } else { None }) {
        k = e;
    }
    k
}

/// Where prose may start: a capitalised word or a number, a bracket or an opening quote.
fn starts_prose(x: &Tok) -> bool {
    match x.kind {
        Kind::Word => x.text.starts_with(|c: char| c.is_uppercase() || c.is_numeric()),
        Kind::Open => true,
        _ => matches!(x.text, "`" | "\"" | "“" | "‘" | "'"),
    }
}

/// What `line` holds of picture credits: the whole line (credits, a caption, or credits and
/// then a caption), or the first run of credits, at its start or after other text (the
/// caption and whatever the dump glued before it), that ends the line or that prose follows.
/// Inside a line a credit opens with a capitalised credit word ("… below Photograph: …").
pub(crate) fn credit_of(line: &str) -> Option<Credit> {
    let pw = &LEXICON.pictures;
    let t = lex(line);
    let opens = |k: usize| {
        let word = if t[k].kind == Kind::Open { k + 1 } else { k };
        k == 0 || t.get(word).is_some_and(|x| x.kind == Kind::Word && capitalised(x.text) && pw.first_words.contains(&x.text.to_lowercase()))
    };
    (0..t.len()).filter(|&k| opens(k)).find_map(|k| credit_from_token(line, &t, k, pw))
}

/// True when the whole of `line` is picture credits or a caption (`credit_of` gives
/// [`Credit::Line`]; only a credit at the line's start can).
pub(crate) fn is_credit_line(line: &str) -> bool {
    let t = lex(line);
    !t.is_empty() && credit_from_token(line, &t, 0, &LEXICON.pictures) == Some(Credit::Line)
}

/// The credits of `line` starting at its token `k` (see [`credit_of`]).
fn credit_from_token(line: &str, t: &[Tok], k: usize, pw: &PictureWords) -> Option<Credit> {
    let to_line_end = Credit::Span { start: t[k].start, end: line.len(), rest: line.len() };
    let end = credits_from(t, k, pw);
    if caption_at(t, end, pw) {
        return Some(if k == 0 { Credit::Line } else { to_line_end });
    }
    if end == k {
        return None;
    }
    if !t[end..].iter().any(|x| x.kind == Kind::Word) {
        return Some(if k == 0 { Credit::Line } else { to_line_end });
    }
    let credit_end = t[end - 1].start + t[end - 1].text.len();
    t.get(end).filter(|x| starts_prose(x)).map(|x| Credit::Span { start: t[k].start, end: credit_end, rest: x.start })
}

/// The spans of a text's lines with each run of credits cut out into a span of its own (its
/// text is then a whole-line credit): the text before it (a caption, a header) and the prose
/// after it are spans of their own too.
pub(crate) fn split_credits(text: &str, spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(spans.len());
    for (mut s, e) in spans {
        while let Some(Credit::Span { start, end, rest }) = text.get(s..e).and_then(credit_of) {
            let line = &text[s..e];
            let before = line[..start].trim_end().len();
            if before > 0 {
                out.push((s, s + before));
            }
            out.push((s + start, s + line[..end].trim_end().len()));
            s += rest;
        }
        if s < e {
            out.push((s, e));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(line: &str) -> Option<(&str, &str)> {
        match credit_of(line)? {
            Credit::Line => Some((line, "")),
            Credit::Span { start: 0, end, rest } => Some((&line[..end], &line[rest..])),
            Credit::Span { .. } => None,
        }
    }

    #[test]
    fn whole_line_credits_and_captions() {
        for line in [
            "Photograph: Jim Watson/AFP/Getty Images",
            "Photo: Reuters",
            "(AP Photo/Evan Vucci)",
            "Image copyright Getty Images",
            "Image caption Rescue teams search the rubble",
            "Picture: PA",
            "Illustration by Jo Lane",
            "Pictured: the harbour wall after the storm",
            "Video : Harbour officials arrive at the town hall for the meeting",
            "Photograph : Ann Kerr\\/EPA",
            "Image copyright AFP Image caption Fishing boats were thrown onto the quay",
        ] {
            assert_eq!(credit_of(line), Some(Credit::Line), "{line}");
            assert!(is_credit_line(line), "{line}");
        }
    }

    #[test]
    fn a_credit_glued_to_a_sentence_is_cut_where_the_prose_starts() {
        let cases = [
            ("Photograph: Jim Watson/AFP/Getty Images The council voted on Monday.", "Photograph: Jim Watson/AFP/Getty Images"),
            ("Photograph : Tom Reed\\/REUTERS A row broke out today over the harbour .", "Photograph : Tom Reed\\/REUTERS"),
            ("Photo : Ann Kerr The storm hit the coast at dawn .", "Photo : Ann Kerr"),
            ("Photograph : Reuters\\/Ana Ruiz Port Talbot lowered its flood alert .", "Photograph : Reuters\\/Ana Ruiz"),
            ("(AP Photo/Lee Hart) (Lee Hart - AP) Crews worked through the night.", "(AP Photo/Lee Hart) (Lee Hart - AP)"),
            ("AP Photo The mayor thanked the crews .", "AP Photo"),
            ("Photograph : Bo Marsh\\/PA `` We are ready , '' she said .", "Photograph : Bo Marsh\\/PA"),
            ("Credit : Reuters\\/Kim Yates LIMA | The bridge reopened .", "Credit : Reuters\\/Kim Yates"),
        ];
        for (line, credit) in cases {
            let (c, rest) = cut(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(c, credit, "{line}");
            assert_eq!(format!("{c} {rest}"), line);
        }
    }

    #[test]
    fn prose_about_pictures_is_no_credit() {
        for line in [
            "Photographs of the meeting were released on Monday.",
            "The picture: a country at war.",
            "Picture: a country at war.",
            "Video footage showed the bridge falling.",
            "Photo : Northern Illinois field taken in May .",
            "Credit Suisse Group said profits rose .",
            "The photographer's credit: Jo Smith.",
            "(Pictures of the flood were shared widely) The council met.",
        ] {
            assert_eq!(credit_of(line), None, "{line}");
        }
    }

    #[test]
    fn split_keeps_offsets_into_the_text() {
        let text = "Headline\nPhotograph: Jo Lane/AP The council met.\nPhoto: PA\n";
        let spans = split_credits(text, crate::block::split(text));
        let pieces: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(pieces, ["Headline", "Photograph: Jo Lane/AP", "The council met.", "Photo: PA"]);
    }

    #[test]
    fn a_credit_inside_a_line_parts_its_caption_from_the_prose() {
        // a dump that glued a header, a caption, its credit and the first sentence on one line
        let text = "Ferry back at sea Crews cheer the first sailing Photograph : Jo Lane\\/AP The ferry sailed at dawn .";
        let spans = split_credits(text, crate::block::split(text));
        let pieces: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(pieces, ["Ferry back at sea Crews cheer the first sailing", "Photograph : Jo Lane\\/AP", "The ferry sailed at dawn ."]);
        // a credit that ends the line; a lower-case credit word inside a line is prose
        assert_eq!(credit_of("Crews cheer the first sailing ( Photo : Jo Lane )"), Some(Credit::Span { start: 30, end: 49, rest: 49 }));
        assert_eq!(credit_of("They studied the photo: Jo Lane took it."), None);
    }
}
