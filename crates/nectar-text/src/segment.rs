//! Sentences, lines and blocks, as byte spans of the original text.

use std::sync::LazyLock;

use nectar_model::{Block, BlockKind, Span};
use regex::Regex;

use crate::pattern::{char_at, prev_char};

/// Sentence spans within `text`, in order, trimmed of surrounding whitespace (and a BOM).
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets) when
/// whitespace and then a capital letter, an opening quote or bracket, a digit or a bullet
/// follow, or the text ends; and at a blank line, or before a line that starts with a bullet
/// (`•`, `*`, `-`, `–`). It does not end after `Mr.`, `Mrs.`, `Dr.`, `St.`, `e.g.`, `i.e.`,
/// `c.`, `No.` (before a number), initials like `J. Smith`, or inside `9.30am` or `1.2`.
/// A single line break (a hard wrap) is not a boundary.
///
/// ```
/// use nectar_text::sentences;
/// let text = "Mr. Smith spoke at 9.30am. Dr. J. Jones replied.\n\nNew paragraph";
/// let got: Vec<&str> = sentences(text).iter().map(|s| &text[s.start..s.end]).collect();
/// assert_eq!(got, ["Mr. Smith spoke at 9.30am.", "Dr. J. Jones replied.", "New paragraph"]);
/// ```
pub fn sentences(text: &str) -> Vec<Span> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                let j = skip_hspace(text, i + 1);
                if b.get(j) == Some(&b'\n') {
                    push_trimmed(text, start, i, &mut out);
                    start = j + 1;
                    i = j + 1;
                    continue;
                }
                if starts_bullet(text, j) {
                    push_trimmed(text, start, i, &mut out);
                    start = j;
                    i = j;
                    continue;
                }
            }
            b'.' | b'!' | b'?' => {
                if let Some(end) = terminator_end(text, i) {
                    push_trimmed(text, start, end, &mut out);
                    start = end;
                    i = end;
                    continue;
                }
            }
            // '…' is E2 80 A6.
            0xE2 if b.get(i + 1..i + 3) == Some(&[0x80, 0xA6]) => {
                if let Some(end) = terminator_end(text, i) {
                    push_trimmed(text, start, end, &mut out);
                    start = end;
                    i = end;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    push_trimmed(text, start, b.len(), &mut out);
    out
}

/// A line of a text, without its terminator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// The line's span.
    pub span: Span,
    /// The span trimmed of white space (including no-break spaces and a BOM).
    pub trimmed: Span,
}

impl Line {
    /// The trimmed text; empty when the line is not one of `text`'s (its span is not a slice
    /// of it).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.trimmed.slice(text).unwrap_or_default()
    }

    /// Whether the line holds only white space.
    pub fn is_blank(&self) -> bool {
        self.trimmed.is_empty()
    }
}

/// White space, a BOM or a zero-width space: what [`trim`] takes off a line.
fn is_blank_char(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// Trims white space, no-break spaces, zero-width spaces and BOMs from both ends of a span.
pub fn trim(text: &str, span: Span) -> Span {
    let span = within(text, span);
    let s = &text[span.start..span.end];
    let start = span.start + (s.len() - s.trim_start_matches(is_blank_char).len());
    let end = span.start + s.trim_end_matches(is_blank_char).len();
    Span::new(start, end.max(start))
}

/// `span` kept inside `text` and on its character boundaries (a span from elsewhere is read
/// as the part of it that is text, never a panic).
///
/// ```
/// use nectar_model::Span;
/// assert!(nectar_text::blocks("héllo", Span::new(0, 2)).len() <= 1);
/// assert_eq!(nectar_text::trim("héllo", Span::new(2, 99)), Span::new(3, 6));
/// ```
fn within(text: &str, span: Span) -> Span {
    let end = crate::floor_boundary(text, span.end);
    let start = crate::ceil_boundary(text, span.start).min(end);
    Span::new(start, end)
}

/// The lines of `text` (ended by `\n`, `\r\n` or `\r`), each with its trimmed span, including
/// blank lines. A final line terminator does not start another line (as [`str::lines`]).
///
/// ```
/// use nectar_text::lines;
/// let text = "one\r\n\u{a0}two \n\nthree\n";
/// let got: Vec<&str> = lines(text).iter().map(|l| l.text(text)).collect();
/// assert_eq!(got, ["one", "two", "", "three"]);
/// ```
pub fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let line = |start: usize, end: usize| {
        let span = Span::new(start, end);
        Line {
            span,
            trimmed: trim(text, span),
        }
    };
    let mut start = 0;
    // The line ends, found by memchr: a `\n` right after a `\r` ends no other line.
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if i < start {
            continue;
        }
        out.push(line(start, i));
        start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
    }
    if start < bytes.len() {
        out.push(line(start, bytes.len()));
    }
    out
}

static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[•·▪◦●○‣∙*\-–—]|\d{1,2}[.)])[\s\u{a0}]+").expect("a valid regex")
});

/// The bullet or number that starts a list item (`• `, `- `, `2. `), with the space after it.
pub fn bullet(line: &str) -> Option<Span> {
    BULLET.find(line).map(|m| Span::new(m.start(), m.end()))
}

fn looks_like_heading(line: &str) -> bool {
    if line.len() > 70 {
        return false;
    }
    let words = line.split_whitespace().count();
    let first = line.chars().next().unwrap_or(' ');
    let last = line.chars().last().unwrap_or('.');
    (1..=8).contains(&words)
        && (first.is_uppercase() || first.is_ascii_digit())
        && !matches!(last, '.' | ',' | ';' | '!' | '?' | '"' | '”' | ')')
}

/// Splits `span` of `text` into blocks.
///
/// Where blank lines separate paragraphs, the lines between them form one paragraph (so hard
/// line wraps are joined); where there are none, every line is a paragraph. Lines that start
/// with a bullet or a number are list items, and a short line on its own with no closing
/// punctuation, followed by more text, is a heading.
///
/// ```
/// use nectar_model::{BlockKind, Span};
/// let text = "Finance\n\nThe budget was\nagreed.\n\n• one\n• two\n";
/// let kinds: Vec<BlockKind> =
///     nectar_text::blocks(text, Span::new(0, text.len())).iter().map(|b| b.kind).collect();
/// assert_eq!(kinds, [BlockKind::Heading, BlockKind::Paragraph, BlockKind::Bullet, BlockKind::Bullet]);
/// ```
pub fn blocks(text: &str, span: Span) -> Vec<Block> {
    let span = within(text, span);
    let lines: Vec<Line> = lines(&text[..span.end])
        .into_iter()
        .filter(|l| l.span.end >= span.start && l.span.start <= span.end)
        .map(|l| {
            let s = Span::new(l.span.start.max(span.start), l.span.end);
            Line {
                span: s,
                trimmed: trim(text, s),
            }
        })
        .collect();
    let non_blank = lines.iter().filter(|l| !l.is_blank()).count();
    let blank_separated = lines
        .windows(2)
        .any(|w| w[0].is_blank() && !w[1].is_blank())
        && non_blank > 0
        && lines.iter().filter(|l| l.is_blank()).count() * 3 >= non_blank;
    let mut out: Vec<Block> = Vec::new();
    let mut current: Option<Span> = None;
    let mut current_lines = 0;
    let flush = |out: &mut Vec<Block>, current: &mut Option<Span>, n: &mut usize| {
        if let Some(s) = current.take() {
            let kind = if *n == 1 && looks_like_heading(&text[s.start..s.end]) {
                BlockKind::Heading
            } else {
                BlockKind::Paragraph
            };
            out.push(Block { kind, span: s });
        }
        *n = 0;
    };
    for line in &lines {
        if line.is_blank() {
            flush(&mut out, &mut current, &mut current_lines);
            continue;
        }
        if let Some(b) = bullet(line.text(text)) {
            flush(&mut out, &mut current, &mut current_lines);
            let start = line.trimmed.start + b.end;
            out.push(Block {
                kind: BlockKind::Bullet,
                span: trim(text, Span::new(start, line.trimmed.end)),
            });
            continue;
        }
        if !blank_separated {
            flush(&mut out, &mut current, &mut current_lines);
        }
        current = Some(match current {
            Some(s) => Span::new(s.start, line.trimmed.end),
            None => line.trimmed,
        });
        current_lines += 1;
    }
    flush(&mut out, &mut current, &mut current_lines);
    // A heading must introduce something: a last block, or one followed by another heading, is
    // a paragraph.
    for i in 0..out.len() {
        if out[i].kind == BlockKind::Heading
            && out.get(i + 1).is_none_or(|b| b.kind == BlockKind::Heading)
        {
            out[i].kind = BlockKind::Paragraph;
        }
    }
    out
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

fn skip_hspace(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(text, i) {
        if c != '\n' && is_space(c) {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let Some(piece) = text.get(start..end) else {
        return;
    };
    let trimmed_start = piece.trim_start_matches(is_space);
    let s = start + (piece.len() - trimmed_start.len());
    let e = s + trimmed_start.trim_end_matches(is_space).len();
    if e > s {
        out.push(Span::new(s, e));
    }
}

/// Whether a bulleted list item starts at `i` (the first non-space of a line).
fn starts_bullet(text: &str, i: usize) -> bool {
    match char_at(text, i) {
        Some('•' | '·' | '▪' | '◦' | '‣' | '*') => true,
        Some('-' | '–' | '—') => char_at(text, i + char_at(text, i).map_or(1, char::len_utf8))
            .is_some_and(char::is_whitespace),
        _ => false,
    }
}

/// If the terminator at `i` ends a sentence, the end of the sentence (after any repeated
/// terminators and closing quotes or brackets).
fn terminator_end(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let first = char_at(text, i)?;
    let mut j = i + first.len_utf8();
    // Repeated terminators and closers: "?!", "...", ".”", ".)".
    while let Some(c) = char_at(text, j) {
        if matches!(
            c,
            '.' | '!' | '?' | '…' | '"' | '\'' | ')' | ']' | '”' | '’' | '»'
        ) {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    let end = j;
    // Whitespace must follow (or the end of the text).
    let mut k = j;
    while let Some(c) = char_at(text, k) {
        if is_space(c) {
            k += c.len_utf8();
        } else {
            break;
        }
    }
    if k == b.len() {
        return Some(end);
    }
    if k == j {
        return None;
    }
    let next = char_at(text, k)?;
    let opens = next.is_uppercase()
        || next.is_ascii_digit()
        || matches!(next, '"' | '\'' | '“' | '‘' | '(' | '[' | '•' | '*');
    if !opens {
        return None;
    }
    if first == '.' && end == i + 1 && is_abbreviation(text, i, next) {
        return None;
    }
    Some(end)
}

/// Whether the period at `i` closes an abbreviation or an initial rather than a sentence.
fn is_abbreviation(text: &str, i: usize, next: char) -> bool {
    let b = text.as_bytes();
    let mut s = i;
    while s > 0 && (b[s - 1].is_ascii_alphabetic() || b[s - 1] == b'.') {
        s -= 1;
    }
    let word = &text[s..i];
    if word.is_empty() {
        return false;
    }
    // A word glued to a non-ASCII letter ("café.") is a word, not an abbreviation.
    if prev_char(text, s).is_some_and(char::is_alphanumeric) {
        return false;
    }
    const ABBREVIATIONS: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Rev", "Revd", "Cllr", "Sr", "Jr", "Hon", "Rt",
        "Gen", "Col", "Capt", "Lt", "Sgt", "Mt", "Messrs", "vs", "v", "cf", "c", "ca", "approx",
        "e.g", "i.e", "eg", "ie", "viz", "Fig", "Vol", "Art", "Cl", "Para",
    ];
    if ABBREVIATIONS.contains(&word) {
        return true;
    }
    if matches!(word, "No" | "no" | "Nos" | "nos" | "p" | "pp") && next.is_ascii_digit() {
        return true;
    }
    // Initials: "J. Smith", "J.K. Rowling".
    let bytes = word.as_bytes();
    bytes[0].is_ascii_uppercase()
        && bytes.iter().enumerate().all(|(k, c)| {
            if k % 2 == 0 {
                c.is_ascii_uppercase()
            } else {
                *c == b'.'
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_sentences() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two! Three? Four", &["One.", "Two!", "Three?", "Four"]),
            (
                "It was 1.2 million. 13 voted.",
                &["It was 1.2 million.", "13 voted."],
            ),
            (
                "He said “Stop.” Then left.",
                &["He said “Stop.”", "Then left."],
            ),
            (
                "Mr. Smith and Mrs. Jones met St. Albans reps.",
                &["Mr. Smith and Mrs. Jones met St. Albans reps."],
            ),
            (
                "Items e.g. Budget and i.e. Rules c. 500 people.",
                &["Items e.g. Budget and i.e. Rules c. 500 people."],
            ),
            (
                "See No. 10 today. Then go.",
                &["See No. 10 today.", "Then go."],
            ),
            (
                "We met at 9.30am. The end.",
                &["We met at 9.30am.", "The end."],
            ),
            (
                "a line\nwrapped here. Next",
                &["a line\nwrapped here.", "Next"],
            ),
            (
                "Heading\n\nBody text.\r\n\r\nMore",
                &["Heading", "Body text.", "More"],
            ),
            ("list:\n• one\n• two", &["list:", "• one", "• two"]),
            ("\u{feff}  Leading space.  ", &["Leading space."]),
            ("lower. case continues", &["lower. case continues"]),
            ("", &[]),
        ];
        for &(text, want) in cases {
            assert_eq!(split(text), want, "{text:?}");
        }
        assert_eq!(
            split("J. Smith and J.K. Rowling spoke. Then"),
            ["J. Smith and J.K. Rowling spoke.", "Then"]
        );
    }

    #[test]
    fn splits_lines() {
        let text = "a\r\nb\n\nc";
        let got: Vec<&str> = lines(text).iter().map(|l| l.text(text)).collect();
        assert_eq!(got, ["a", "b", "", "c"]);
        assert!(lines("").is_empty());
        assert_eq!(lines("\n").len(), 1);
        let text = "x\ry";
        let got: Vec<Span> = lines(text).iter().map(|l| l.span).collect();
        assert_eq!(got, [Span::new(0, 1), Span::new(2, 3)]);
        let text = "one\r\n\u{a0}two \r\n\nthree";
        let got: Vec<&str> = lines(text).iter().map(|l| l.text(text)).collect();
        assert_eq!(got, ["one", "two", "", "three"]);
        // A carriage return before a CRLF ends a line of its own; a final CRLF starts none.
        let text = "a\r\r\nb\r\n";
        let got: Vec<Span> = lines(text).iter().map(|l| l.span).collect();
        assert_eq!(got, [Span::new(0, 1), Span::new(2, 2), Span::new(4, 5)]);
    }
}
