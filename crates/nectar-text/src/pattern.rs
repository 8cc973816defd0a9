//! Pattern building and UTF-8 safe byte walking, shared by the finders: `%W` gaps between words, ASCII word boundaries, character boundaries, the word before or after an offset.

use regex::Regex;

/// Horizontal space as published: ASCII space and tab, the carriage return of CRLF, and the
/// no-break and thin spaces that sit inside numbers and dates.
const H: &str = r"[\t \x{A0}\x{2007}\x{2009}\x{202F}\r]";

/// Compiles a built-in pattern after expanding its shorthands:
///
/// - `%W`: a gap between words: horizontal space with at most one line break (a hard wrap),
///   or a line break alone; never a blank line.
/// - `%w`: the same gap, possibly empty.
/// - `%D`: a hyphen or dash (`-`, `‐`, `‑`, `‒`, `–`, `—`).
/// - `%Q`: an apostrophe, straight or curly.
///
/// The shorthands keep Unicode on in a pattern that turns it off (`(?i-u)`: letters match
/// either ASCII case only, which keeps the regex crate's literal prefilter small and quick).
///
/// Word boundaries (`\b`) are ASCII ones: a Unicode `\b` makes the regex crate's fast lazy DFA
/// give up at the first non-ASCII byte (a curly quote, a dash, a no-break space), and every
/// search on published text then falls back to a slower engine. The patterns' words are
/// ASCII, so the two only differ next to a non-ASCII letter.
pub(crate) fn build(template: &str) -> Regex {
    let gap = format!(r"(?u:{H}+\n?{H}*|\n{H}*)");
    let ogap = format!(r"(?u:{H}*\n?{H}*)");
    let pattern = template
        .replace("%W", &gap)
        .replace("%w", &ogap)
        .replace("%D", r"(?u:[-\x{2010}\x{2011}\x{2012}\x{2013}\x{2014}])")
        .replace("%Q", r"(?u:['\x{2019}])")
        .replace(r"\b", r"(?-u:\b)");
    Regex::new(&pattern).expect("the built-in patterns are valid regexes")
}

/// Compiles a pattern with ASCII word boundaries: `\b` becomes `(?-u:\b)`, which the regex
/// crate's fast engine runs on any text (a Unicode `\b` sends every search on text with smart
/// quotes to the slow engines). Boundaries around letters behave the same.
///
/// ```
/// let re = nectar_text::regex(r"\bNEC\b").unwrap();
/// assert!(re.is_match("the “NEC” met"));
/// assert!(!re.is_match("NECK"));
/// ```
pub fn regex(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&pattern.replace(r"\b", r"(?-u:\b)"))
}

/// The first `max` bytes of `text`, or fewer, to end on a character boundary.
///
/// ```
/// assert_eq!(nectar_text::head("£1.2m", 2), "£");
/// ```
pub fn head(text: &str, max: usize) -> &str {
    &text[..floor_boundary(text, max.min(text.len()))]
}

/// The last `max` bytes of `text`, or fewer, to start on a character boundary.
///
/// ```
/// assert_eq!(nectar_text::tail("1.2m £", 1), "");
/// assert_eq!(nectar_text::tail("1.2m £", 2), "£");
/// ```
pub fn tail(text: &str, max: usize) -> &str {
    &text[ceil_boundary(text, text.len().saturating_sub(max))..]
}

/// Whether `c` is horizontal space (see [`H`]).
pub(crate) fn is_hspace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\r' | '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}'
    )
}

/// The largest char boundary of `s` at or before `i`.
pub fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or after `i`.
pub fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The char just before byte `i` (a char boundary), if any.
pub(crate) fn prev_char(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

/// The char at byte `i` (a char boundary), if any.
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

/// End of the gap that starts at `i`: horizontal space with at most one line break.
/// Returns `i` itself when there is no gap.
pub(crate) fn gap_end(s: &str, i: usize) -> usize {
    let mut j = i;
    let mut newline = false;
    while let Some(c) = char_at(s, j) {
        if is_hspace(c) {
            j += c.len_utf8();
        } else if c == '\n' && !newline {
            newline = true;
            j += 1;
        } else {
            break;
        }
    }
    j
}

/// End of the run of ASCII letters that starts at `i`.
pub(crate) fn ascii_word_end(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while j < b.len() && b[j].is_ascii_alphabetic() {
        j += 1;
    }
    j
}

/// Whether a word or number may end at `i`: what follows is not a letter or digit.
pub(crate) fn ends_word(s: &str, i: usize) -> bool {
    !char_at(s, i).is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Whether a word or number may start at `i`: what precedes is not a letter, digit or an
/// apostrophe inside a word.
pub(crate) fn starts_word(s: &str, i: usize) -> bool {
    match prev_char(s, i) {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '_' => false,
        Some('\'' | '\u{2019}') => {
            let before = i.saturating_sub(1);
            let before = floor_boundary(s, before);
            !prev_char(s, before).is_some_and(char::is_alphanumeric)
        }
        Some(_) => true,
    }
}

/// The ASCII word that ends just before `i` (skipping a gap), lowercased into `buf`.
/// Returns the word's start and its bytes.
pub(crate) fn prev_word<'b>(s: &str, i: usize, buf: &'b mut [u8; 16]) -> Option<(usize, &'b [u8])> {
    let b = s.as_bytes();
    let mut j = floor_boundary(s, i);
    while j > 0 {
        let c = prev_char(s, j)?;
        if is_hspace(c) || c == '\n' {
            j -= c.len_utf8();
        } else {
            break;
        }
    }
    let end = j;
    while j > 0 && b[j - 1].is_ascii_alphabetic() {
        j -= 1;
    }
    if j == end || end - j > buf.len() {
        return None;
    }
    for (k, byte) in b[j..end].iter().enumerate() {
        buf[k] = byte.to_ascii_lowercase();
    }
    Some((j, &buf[..end - j]))
}

/// The ASCII word starting at `i` (after skipping a gap), lowercased into `buf`.
pub(crate) fn next_word<'b>(s: &str, i: usize, buf: &'b mut [u8; 16]) -> Option<(usize, &'b [u8])> {
    let b = s.as_bytes();
    let start = gap_end(s, i);
    let end = ascii_word_end(b, start);
    if end == start || end - start > buf.len() || !ends_word(s, end) {
        return None;
    }
    for (k, byte) in b[start..end].iter().enumerate() {
        buf[k] = byte.to_ascii_lowercase();
    }
    Some((start, &buf[..end - start]))
}

/// Merges spans into sorted, non-overlapping spans.
pub(crate) fn merge_spans(mut spans: Vec<nectar_model::Span>) -> Vec<nectar_model::Span> {
    spans.sort_unstable();
    let mut out: Vec<nectar_model::Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start < last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// Whether `span` overlaps any of the sorted, merged `zones`.
pub(crate) fn overlaps_any(zones: &[nectar_model::Span], span: nectar_model::Span) -> bool {
    let i = zones.partition_point(|z| z.end <= span.start);
    zones.get(i).is_some_and(|z| z.start < span.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gap_allows_one_line_break() {
        let re = build("^a%Wb$");
        assert!(re.is_match("a b"));
        assert!(re.is_match("a\u{a0}b"));
        assert!(re.is_match("a \r\n b"));
        assert!(!re.is_match("a\n\nb"));
        assert!(!re.is_match("ab"));
    }

    #[test]
    fn shorthands_keep_unicode_in_an_ascii_pattern() {
        let re = build(r"(?i-u)^last%Wnight%D%Qs$");
        assert!(re.is_match("LAST\u{a0}night\u{2013}\u{2019}s"));
        assert!(re.is_match("last night-'s"));
        assert!(!re.is_match("lastnight-'s"));
    }

    #[test]
    fn word_edges() {
        let s = "don’t one";
        assert!(!starts_word(s, "don’".len()));
        assert!(starts_word(s, "don’t ".len()));
        let mut buf = [0u8; 16];
        assert_eq!(prev_word("the  one", 5, &mut buf), Some((0, &b"the"[..])));
        assert_eq!(
            next_word("one Another", 3, &mut buf),
            Some((4, &b"another"[..]))
        );
    }
}
