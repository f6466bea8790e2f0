//! Reads the Reuters-21578 SGML files into [`RawInput`]s for benchmarks.
//!
//! The corpus is a throughput benchmark, not an input format users bring, so
//! its reader lives here rather than in `chronicle-ingest`.

use std::path::Path;

use chronicle_core::{InputFormat, Metadata, RawInput};

/// Every story with a body in the `reut2-*.sgm` files under `dir`, in file order.
/// Returns an error string when the directory is missing or holds no file.
pub fn read_dir(dir: &Path, limit: Option<usize>) -> Result<Vec<RawInput>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sgm"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("{}: no .sgm files", dir.display()));
    }
    let mut out = Vec::new();
    for file in files {
        let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let text = String::from_utf8_lossy(&bytes);
        for (i, story) in stories(&text).enumerate() {
            out.push(RawInput {
                source: format!("{}#{}", file.display(), i + 1),
                format: InputFormat::Text,
                raw: story.text.as_bytes().to_vec(),
                text: story.text,
                is_html: false,
                encoding: "utf-8".into(),
                hints: Metadata {
                    title: story.title,
                    outlet: Some("Reuters".into()),
                    published_hint: story.date,
                    ..Metadata::default()
                },
            });
            if limit.is_some_and(|l| out.len() >= l) {
                return Ok(out);
            }
        }
    }
    Ok(out)
}

/// One story as text: title line, blank line, body.
pub struct Story {
    /// Title + body.
    pub text: String,
    /// The `<TITLE>`.
    pub title: Option<String>,
    /// The `<DATE>` as written.
    pub date: Option<String>,
}

/// The stories of one SGML file that have a `<BODY>`.
pub fn stories(sgml: &str) -> impl Iterator<Item = Story> + '_ {
    sgml.split("</REUTERS>").filter_map(|chunk| {
        let body = between(chunk, "<BODY>", "</BODY>")?;
        let title = between(chunk, "<TITLE>", "</TITLE>").map(unescape);
        let date = between(chunk, "<DATE>", "</DATE>").map(|d| d.trim().to_string());
        let body = unescape(body);
        let body = reflow(body.trim_end().trim_end_matches("Reuter"));
        let text = match &title {
            Some(t) => format!("{t}\n\n{body}"),
            None => body,
        };
        Some(Story { text, title, date })
    })
}

/// Rejoins the wire format's hard-wrapped lines: a new paragraph starts at an
/// indented line; other lines continue the one before.
fn reflow(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    for line in body.lines() {
        let starts_paragraph = line.starts_with(char::is_whitespace);
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str(if starts_paragraph { "\n\n" } else { " " });
        }
        out.push_str(text);
    }
    out
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = s.find(open)? + open.len();
    let end = s[start..].find(close)? + start;
    Some(&s[start..end])
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(semi) = rest[..rest.len().min(8)].find(';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        match entity {
            "lt" => out.push('<'),
            "gt" => out.push('>'),
            "amp" => out.push('&'),
            "quot" => out.push('"'),
            e if e.starts_with('#') => {
                // Control characters from the wire format carry no text.
                if let Some(c) = e[1..].parse::<u32>().ok().and_then(char::from_u32) {
                    if !c.is_control() {
                        out.push(c);
                    }
                }
            }
            _ => out.push_str(&rest[..=semi]),
        }
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_title_date_and_body_and_skips_bodiless() {
        let sgml = "<REUTERS><DATE>26-FEB-1987 15:01:01.79</DATE><TEXT><TITLE>COCOA &amp; SUGAR</TITLE>\
            <BODY>Showers continued\nin Bahia &lt;said&gt;.\n    Arrivals rose.\n Reuter\n&#3;</BODY></TEXT></REUTERS>\
            <REUTERS><TEXT TYPE=\"BRIEF\"><TITLE>NO BODY</TITLE></TEXT></REUTERS>";
        let all: Vec<Story> = stories(sgml).collect();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].title.as_deref(), Some("COCOA & SUGAR"));
        assert_eq!(all[0].date.as_deref(), Some("26-FEB-1987 15:01:01.79"));
        assert_eq!(all[0].text, "COCOA & SUGAR\n\nShowers continued in Bahia <said>.\n\nArrivals rose.");
    }
}
