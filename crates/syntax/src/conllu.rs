//! CoNLL-U reading and writing (the Universal Dependencies file format).
//!
//! Only the basic tree is read: multiword-token lines (`3-4`) and empty nodes
//! (`5.1`) are skipped, as UAS/LAS are defined over syntactic words.

use crate::SyntaxError;

/// One syntactic word of a CoNLL-U sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// FORM.
    pub form: String,
    /// LEMMA (`_` when absent).
    pub lemma: String,
    /// UPOS.
    pub upos: String,
    /// XPOS (`_` when absent).
    pub xpos: String,
    /// HEAD: 1-based index of the head word, 0 for the root.
    pub head: usize,
    /// DEPREL with subtype.
    pub deprel: String,
}

/// One sentence: its `sent_id` (empty when absent), `text` comment and words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// The `# sent_id =` comment.
    pub id: String,
    /// The `# text =` comment.
    pub text: String,
    /// The words in order.
    pub words: Vec<Word>,
}

impl Sentence {
    /// The document id of a UD sentence id (`…-0007` → `…`): sentences of one
    /// document share it.
    pub fn doc_id(&self) -> &str {
        match self.id.rsplit_once('-') {
            Some((doc, n)) if n.chars().all(|c| c.is_ascii_digit()) => doc,
            _ => &self.id,
        }
    }

    /// True when no two arcs cross (each head–dependent span nests or is
    /// disjoint; the root's arc comes from position 0), i.e. a transition
    /// parser without swaps can build it.
    pub fn is_projective(&self) -> bool {
        let arcs: Vec<(usize, usize)> = self
            .words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let (a, b) = (i + 1, w.head);
                (a.min(b), a.max(b))
            })
            .collect();
        for (i, &(a, b)) in arcs.iter().enumerate() {
            for &(c, d) in &arcs[i + 1..] {
                if (a < c && c < b && b < d) || (c < a && a < d && d < b) {
                    return false;
                }
            }
        }
        true
    }
}

/// Parses CoNLL-U text; `file` names it in errors.
pub fn parse(text: &str, file: &str) -> Result<Vec<Sentence>, SyntaxError> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    let bad = |line: usize, reason: String| SyntaxError::BadData { file: file.to_string(), line, reason };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            } else {
                cur = Sentence::default();
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim_start();
            if let Some(v) = c.strip_prefix("sent_id =") {
                cur.id = v.trim().to_string();
            } else if let Some(v) = c.strip_prefix("text =") {
                cur.text = v.trim().to_string();
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(bad(n + 1, format!("expected 10 tab-separated columns, found {}", cols.len())));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let id: usize = cols[0].parse().map_err(|_| bad(n + 1, format!("bad ID {:?}", cols[0])))?;
        if id != cur.words.len() + 1 {
            return Err(bad(n + 1, format!("ID {id} out of order")));
        }
        let head: usize = match cols[6] {
            "_" => 0,
            h => h.parse().map_err(|_| bad(n + 1, format!("bad HEAD {h:?}")))?,
        };
        cur.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            head,
            deprel: cols[7].to_string(),
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    for (k, s) in out.iter().enumerate() {
        let n = s.words.len();
        if let Some(w) = s.words.iter().find(|w| w.head > n) {
            return Err(bad(0, format!("sentence {} ({}): head {} beyond its {} words", k + 1, s.id, w.head, n)));
        }
    }
    Ok(out)
}

/// Reads a CoNLL-U file.
pub fn read(path: &std::path::Path) -> Result<Vec<Sentence>, SyntaxError> {
    let text = std::fs::read_to_string(path).map_err(|e| SyntaxError::io(path, e))?;
    parse(&text, &path.display().to_string())
}

/// Writes sentences as CoNLL-U (FEATS, DEPS and MISC as `_`).
pub fn write(sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        if !s.id.is_empty() {
            out.push_str(&format!("# sent_id = {}\n", s.id));
        }
        if !s.text.is_empty() {
            out.push_str(&format!("# text = {}\n", s.text.replace('\n', " ")));
        }
        for (i, w) in s.words.iter().enumerate() {
            let field = |v: &str| if v.is_empty() { "_".to_string() } else { v.replace(['\t', '\n'], " ") };
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_\n",
                i + 1,
                field(&w.form),
                field(&w.lemma),
                field(&w.upos),
                field(&w.xpos),
                w.head,
                field(&w.deprel)
            ));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: &str = "# sent_id = a-0001\n# text = Kyiv wasn't told.\n1\tKyiv\tKyiv\tPROPN\tNNP\t_\t4\tnsubj:pass\t_\t_\n2-3\twasn't\t_\t_\t_\t_\t_\t_\t_\t_\n2\twas\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n4\ttold\ttell\tVERB\tVBN\t_\t0\troot\t_\t_\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n# sent_id = a-0002\n1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n";

    #[test]
    fn reads_words_and_skips_multiword_lines() {
        let s = parse(TWO, "t").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].words.len(), 5);
        assert_eq!(s[0].words[1].form, "was");
        assert_eq!(s[0].words[0].deprel, "nsubj:pass");
        assert_eq!(s[0].words[0].head, 4);
        assert_eq!(s[0].doc_id(), "a");
        assert_eq!(s[1].words[0].head, 0);
    }

    #[test]
    fn round_trips_through_write() {
        let s = parse(TWO, "t").unwrap();
        let again = parse(&write(&s), "t").unwrap();
        assert_eq!(s, again);
    }

    #[test]
    fn rejects_bad_lines_with_their_number() {
        let err = parse("1\tx\n", "f.conllu").unwrap_err().to_string();
        assert!(err.starts_with("f.conllu:1:"), "{err}");
        let err = parse("1\ta\ta\tX\tX\t_\t9\tdep\t_\t_\n", "f").unwrap_err().to_string();
        assert!(err.contains("beyond"), "{err}");
    }

    #[test]
    fn projectivity() {
        let mut s = parse(TWO, "t").unwrap().remove(0);
        assert!(s.is_projective());
        // 1→3 crosses 2→4
        s.words[0].head = 3;
        s.words[1].head = 4;
        s.words[2].head = 0;
        s.words[3].head = 3;
        s.words[4].head = 3;
        assert!(!s.is_projective());
    }
}
