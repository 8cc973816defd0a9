//! Sentences and lines, as byte spans of the original text.

use nectar_model::Span;

use crate::lex::{ceil_boundary, char_at, floor_boundary, prev_char};

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

/// Line spans, without their terminators (`\n` or `\r\n`), including empty lines. A final
/// line terminator does not start another line (as [`str::lines`]).
///
/// ```
/// use nectar_text::lines;
/// let text = "one\r\n\r\ntwo\n";
/// let got: Vec<&str> = lines(text).iter().map(|s| &text[s.start..s.end]).collect();
/// assert_eq!(got, ["one", "", "two"]);
/// ```
pub fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let mut end = start + piece.len();
        let next = end;
        if piece.ends_with('\n') {
            end -= 1;
            if text.as_bytes().get(end.wrapping_sub(1)) == Some(&b'\r') && end > start {
                end -= 1;
            }
        }
        out.push(Span::new(start, end));
        start = next;
    }
    out
}

/// The sentence that holds byte `offset` of `text`, found by looking at most ~2 KB either
/// side. Falls back to the nearest sentence before the offset.
pub(crate) fn sentence_around(text: &str, offset: usize) -> Span {
    const REACH: usize = 2000;
    let offset = floor_boundary(text, offset);
    let lo = floor_boundary(text, offset.saturating_sub(REACH));
    let hi = ceil_boundary(text, offset.saturating_add(REACH));
    let window = &text[lo..hi];
    let rel = offset - lo;
    let spans = sentences(window);
    let pick = spans
        .iter()
        .find(|s| s.start <= rel && rel < s.end)
        .or_else(|| spans.iter().rev().find(|s| s.start <= rel))
        .or_else(|| spans.first());
    match pick {
        Some(s) => Span::new(s.start + lo, s.end + lo),
        None => Span::new(offset, offset),
    }
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
        let got: Vec<&str> = lines(text).iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(got, ["a", "b", "", "c"]);
        assert!(lines("").is_empty());
        let got: Vec<Span> = lines("\n");
        assert_eq!(got, [Span::new(0, 0)]);
        let text = "x\r";
        assert_eq!(lines(text), [Span::new(0, 2)]);
    }

    #[test]
    fn sentence_around_finds_the_sentence() {
        let text = "First one here. The vote was 13-10. Last.";
        let s = sentence_around(text, text.find("13").unwrap_or(0));
        assert_eq!(&text[s.start..s.end], "The vote was 13-10.");
    }
}
