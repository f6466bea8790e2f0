//! News-writing formulae: words a reporter writes about the reporting
//! itself ("did not immediately return a call for comment", "declined to
//! comment", "was asked whether …") and caption openings ("AP FILE: …").
//! A trigger inside one names no act between political actors. The phrases
//! are `data/events/furniture.tsv`, matched like trigger patterns.

use std::sync::LazyLock;

use crate::lexicon::{match_at, parse_pattern, Elem, Tok};

const FURNITURE_TSV: &str = include_str!("../../../../data/events/furniture.tsv");

/// Where a formula rules out events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    /// A trigger whose first word lies inside the matched words.
    Span,
    /// The whole sentence, when it opens with the words.
    Opening,
}

/// The loaded formulae, with the problems met loading them ("line: why").
struct Formulae {
    rows: Vec<(Vec<Elem>, Scope)>,
    #[cfg_attr(not(test), allow(dead_code))]
    problems: Vec<String>,
}

fn parse(text: &str) -> Formulae {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t').map(str::trim);
        let (pattern, scope) = (cols.next().unwrap_or(""), cols.next());
        let scope = match scope {
            Some("span") => Scope::Span,
            Some("opening") => Scope::Opening,
            other => {
                problems.push(format!("furniture.tsv:{}: unknown scope {other:?}", i + 1));
                continue;
            }
        };
        match parse_pattern(pattern) {
            Ok(elems) => rows.push((elems, scope)),
            Err(why) => problems.push(format!("furniture.tsv:{}: {why}", i + 1)),
        }
    }
    Formulae { rows, problems }
}

static FORMULAE: LazyLock<Formulae> = LazyLock::new(|| parse(FURNITURE_TSV));

/// True when the sentence's tokens open with a caption formula ("AP FILE",
/// "Photo:"): no event comes from it.
pub(super) fn is_caption(toks: &[Tok]) -> bool {
    FORMULAE.rows.iter().any(|(elems, scope)| *scope == Scope::Opening && match_at(elems, toks, 0).is_some())
}

/// True when the sentence is a teaser: a page cuts a linked story's opening off
/// with an ellipsis ("… opening the door to resumed drilli ...", "… the ...").
/// An outlet ends its own sentences with an ellipsis only inside a quotation
/// (a speaker trailing off), so one with no quotation mark is another story's
/// preview, not this article's reporting.
pub(super) fn is_teaser(sentence: &str) -> bool {
    let t = sentence.trim_end();
    let cut = t.ends_with("...") || t.ends_with('…') || t.ends_with(". . .");
    cut && !t.contains(['"', '“', '”']) && !t.contains("``") && !t.contains("''")
}

/// The token ranges `[start, end)` of the reporting formulae in a sentence.
pub(super) fn reporting_spans(toks: &[Tok]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (elems, _) in FORMULAE.rows.iter().filter(|(_, s)| *s == Scope::Span) {
        for i in 0..toks.len() {
            if let Some(end) = match_at(elems, toks, i).filter(|&e| e > i) {
                out.push((i, end));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::tokenize;

    fn spans(text: &str) -> Vec<String> {
        let toks = tokenize(text, 0);
        reporting_spans(&toks).into_iter().map(|(s, e)| toks[s..e].iter().map(|t| t.lower.as_str()).collect::<Vec<_>>().join(" ")).collect()
    }

    #[test]
    fn the_formulae_load_without_problems() {
        assert!(FORMULAE.problems.is_empty(), "{:?}", FORMULAE.problems);
        assert!(FORMULAE.rows.len() > 5);
    }

    #[test]
    fn requests_for_comment_and_questions_are_formulae() {
        assert!(spans("The ministry did not immediately return calls seeking comment on Friday.").iter().any(|s| s.starts_with("return calls")));
        assert!(spans("A spokeswoman for the airline declined to comment.").contains(&"declined to comment".to_string()));
        assert!(spans("The governor was asked whether the state would sue.").iter().any(|s| s.starts_with("asked whether")));
        // a request for something is no formula
        assert!(spans("The governor asked the federal government for more boats.").is_empty());
        // with an adverb between: still a refusal to comment, not to act
        assert!(spans("The ministry declined to directly address the report.").iter().any(|s| s.starts_with("declined to directly address")));
    }

    #[test]
    fn a_sentence_cut_off_by_an_ellipsis_outside_quotes_is_a_teaser() {
        assert!(is_teaser("A court on Thursday rejected the ministry's effort to restore the ban, opening the door to resumed fishi ..."));
        assert!(is_teaser("The council agreed to pay the fishermen over five years for the …"));
        // a speaker trailing off
        assert!(!is_teaser("\"Flood barriers are very unpredictable, very deceptive ...\""));
        assert!(!is_teaser("`` The barrier is very unpredictable ... '' she said ..."));
        assert!(!is_teaser("The council agreed to pay the fishermen."));
    }

    #[test]
    fn captions_open_with_their_formula() {
        assert!(is_caption(&tokenize("AP FILE: The mayor speaks with residents in a shelter.", 0)));
        assert!(!is_caption(&tokenize("The mayor met residents; AP file photos show the shelter.", 0)));
        // the wire caption formula
        assert!(is_caption(&tokenize("In this photo released by the ministry, the mayor talks with residents.", 0)));
        assert!(is_caption(&tokenize("This image made from video released by the army shows troops at the border.", 0)));
        assert!(!is_caption(&tokenize("The ministry released this photo of the mayor on Monday.", 0)));
        // a promo's instruction to the reader
        assert!(is_caption(&tokenize("Read the transcript of the reporter's investigation into the flood barrier.", 0)));
        assert!(!is_caption(&tokenize("The minister said she had read the transcript of the hearing.", 0)));
    }
}
