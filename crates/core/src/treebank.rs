//! Penn Treebank escapes: research corpora tokenised for the treebank write
//! brackets as `-LRB-` … `-RCB-`. One table for every stage that reads such
//! text (the cleaner's plain text, the NER training corpora).

/// The bracket a Penn Treebank escape stands for ("-LRB-" → "("), or None
/// for any other word.
pub fn bracket_of(word: &str) -> Option<&'static str> {
    match word {
        "-LRB-" => Some("("),
        "-RRB-" => Some(")"),
        "-LSB-" => Some("["),
        "-RSB-" => Some("]"),
        "-LCB-" => Some("{"),
        "-RCB-" => Some("}"),
        _ => None,
    }
}

/// True for the letters of an escape once a tokenizer has split its hyphens
/// off ("LRB" of "-LRB-"), in any case.
pub fn is_escape_letters(word: &str) -> bool {
    word.len() == 3 && bracket_of(&format!("-{}-", word.to_ascii_uppercase())).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_map_to_brackets_and_nothing_else_does() {
        assert_eq!(bracket_of("-LRB-"), Some("("));
        assert_eq!(bracket_of("-RCB-"), Some("}"));
        assert_eq!(bracket_of("LRB"), None);
        assert_eq!(bracket_of("-lrb-"), None);
        assert!(is_escape_letters("LRB") && is_escape_letters("rcb"));
        assert!(!is_escape_letters("-LRB-") && !is_escape_letters("BBC"));
    }
}
