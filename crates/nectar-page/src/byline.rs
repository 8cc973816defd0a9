//! Author names in a byline (`By Ann Black`, `Posted by Ann Black on ...`).

use std::sync::LazyLock;

use nectar_model::Span;
use regex::Regex;

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(
        r"(?i)^(?:by|posted by|written by|words by|author:|from)[\s\u{a0}]+(?-i)([A-Z][\p{L}'’.\-]+(?:[\s\u{a0}]+(?:[A-Z][\p{L}'’.\-]+|de|van|von|da|al))+)",
    )
});

static NAME: LazyLock<Regex> =
    LazyLock::new(|| crate::regex(r"[A-Z][\p{L}'’.\-]+(?:[\s\u{a0}]+[A-Z][\p{L}'’.\-]+)+"));

/// Author names in a byline such as `By Ann Black`, `Posted by Ann Black on ...` or
/// `From Jo Bird, Ann Black and our other reps ...`: the names listed before any words that are
/// not names.
///
/// ```
/// use nectar_model::Span;
/// let line = "From Jo Bird, Ann Black and the CLP reps";
/// let names: Vec<&str> = nectar_page::byline_authors(line, Span::new(0, line.len()))
///     .iter()
///     .map(|s| &line[s.start..s.end])
///     .collect();
/// assert_eq!(names, ["Jo Bird", "Ann Black"]);
/// ```
pub fn byline_authors(text: &str, line: Span) -> Vec<Span> {
    let s = &text[line.start..line.end];
    let Some(first) = BYLINE.captures(s).and_then(|c| c.get(1)) else {
        return Vec::new();
    };
    let mut out = vec![Span::new(
        line.start + first.start(),
        line.start + first.end(),
    )];
    let mut rest = &s[first.end()..];
    let mut offset = line.start + first.end();
    // Further names joined by ", " or " and " / " & ".
    loop {
        let sep = [", and ", ", ", " and ", " & "]
            .iter()
            .find(|sep| rest.starts_with(**sep));
        let Some(sep) = sep else { break };
        let after = &rest[sep.len()..];
        match NAME.find(after) {
            Some(m) if m.start() == 0 && !after.starts_with("the ") => {
                out.push(Span::new(offset + sep.len(), offset + sep.len() + m.end()));
                offset += sep.len() + m.end();
                rest = &after[m.end()..];
            }
            _ => break,
        }
    }
    out
}
