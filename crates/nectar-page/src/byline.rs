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

/// A person's name as a byline writes it: two or three capitalised words.
const PERSON: &str = r"[A-Z][\p{L}'’\-]+(?:[ \u{a0}][A-Z][\p{L}'’\-]+){1,2}";

/// `NAME reports on ...`, `NAME, NAME and NAME report from ...`, `This is NAME's report of ...`
/// at the start of a line.
static REPORTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(&format!(
        r"^(?:(?P<list>{PERSON}(?:(?:,[ \u{{a0}}]+(?:and[ \u{{a0}}]+)?|[ \u{{a0}}]+(?:and|&)[ \u{{a0}}]+){PERSON})*)[ \u{{a0}}]+(?:reports?|writes?)\b|(?:(?:This|Here)[ \u{{a0}}]+is[ \u{{a0}}]+)?(?P<one>{PERSON})['’]s[ \u{{a0}}]+(?i:(?:NEC[ \u{{a0}}]+)?report)\b)"
    ))
});

static ONE_PERSON: LazyLock<Regex> = LazyLock::new(|| crate::regex(PERSON));

/// Two or more people's names in a list (`Jo Bird, Sam Smith and Ann Black`).
const PEOPLE: &str = r"[A-Z][\p{L}'’\-]+(?:[ \u{a0}][A-Z][\p{L}'’\-]+){1,2}(?:(?:,[ \u{a0}]+(?:and[ \u{a0}]+)?|[ \u{a0}]+(?:and|&)[ \u{a0}]+)[A-Z][\p{L}'’\-]+(?:[ \u{a0}][A-Z][\p{L}'’\-]+){1,2})+";

/// A line that says whose report it is with a list of names that closes it: after a `by`
/// that a few words join to `report` and a few words that describe them (`A report of the
/// meeting by CLP reps NAME, NAME and NAME.`, `A joint report by: NAME, ...`; `before` is the
/// word before `by`), or after a colon that follows `report ... by|from` (`See below for a
/// report from our reps on the NEC: NAME, NAME, NAME`).
static CREDITED: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(&format!(
        r"(?i:\breports?\b)(?:[^\n]*?\b(?i:by|from)\b[^.;!?\n]*?:|(?:[ \u{{a0}}]+(?P<before>[^ \u{{a0}},.;:!?\n]+)){{0,6}}?[ \u{{a0}}]+(?i:by)\b:?(?:[ \u{{a0}}]+[^ \u{{a0}},.;:!?\n]+){{0,4}}?)[ \u{{a0}}]+(?P<list>{PEOPLE})\.?[ \u{{a0}}]*$"
    ))
});

/// The people a line says report (`Jo Bird and Ann Black report on the NEC`, `Ann Black's
/// report of the meeting`), each name's span.
///
/// ```
/// use nectar_model::Span;
/// let line = "Jo Bird, Sam Smith and Ann Black report on the away day";
/// let names: Vec<&str> = nectar_page::reporters(line, Span::new(0, line.len()))
///     .iter()
///     .map(|s| &line[s.start..s.end])
///     .collect();
/// assert_eq!(names, ["Jo Bird", "Sam Smith", "Ann Black"]);
/// let line = "Members report on the day";
/// assert!(nectar_page::reporters(line, Span::new(0, line.len())).is_empty());
/// ```
pub fn reporters(text: &str, line: Span) -> Vec<Span> {
    let Some(s) = line.slice(text) else {
        return Vec::new();
    };
    let Some(c) = REPORTER.captures(s) else {
        return Vec::new();
    };
    let Some(names) = c.name("list").or_else(|| c.name("one")) else {
        return Vec::new();
    };
    people_in(line, names)
}

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
    let Some(s) = line.slice(text) else {
        return Vec::new();
    };
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

/// The people a line credits with the report in a list of two or more names that closes the
/// line (`A report of Tuesday's meeting by CLP reps Jo Bird, Sam Smith and Ann Black.`, `See
/// below for a report from our NEC members: Jo Bird, Sam Smith`), each name's span. A list
/// after a bare `from` is not credited: `The NEC heard reports from Jo Bird and Sam Smith` names
/// speakers.
///
/// ```
/// use nectar_model::Span;
/// let line = "A joint report by: Jo Bird, Sam Smith and Ann Black.";
/// let names: Vec<&str> = nectar_page::credited(line, Span::new(0, line.len()))
///     .iter()
///     .map(|s| &line[s.start..s.end])
///     .collect();
/// assert_eq!(names, ["Jo Bird", "Sam Smith", "Ann Black"]);
/// let line = "The NEC heard reports from Jo Bird and Sam Smith.";
/// assert!(nectar_page::credited(line, Span::new(0, line.len())).is_empty());
/// let line = "It began with a report from the leader, followed by Jo Bird and Sam Smith.";
/// assert!(nectar_page::credited(line, Span::new(0, line.len())).is_empty());
/// let line = "It began with a report from the leader followed by Jo Bird and Sam Smith.";
/// assert!(nectar_page::credited(line, Span::new(0, line.len())).is_empty());
/// ```
pub fn credited(text: &str, line: Span) -> Vec<Span> {
    let Some(s) = line.slice(text) else {
        return Vec::new();
    };
    let Some(c) = CREDITED.captures(s) else {
        return Vec::new();
    };
    // `... followed by NAME and NAME`, `chaired by`, `seconded by`: a participle before `by`
    // joins the names to something else than the report.
    if c.name("before")
        .is_some_and(|w| w.as_str().to_lowercase().ends_with("ed"))
    {
        return Vec::new();
    }
    let Some(names) = c.name("list") else {
        return Vec::new();
    };
    people_in(line, names)
}

/// The spans of the people a list of names holds (`A, B and C`), in a line at `line`.
fn people_in(line: Span, names: regex::Match<'_>) -> Vec<Span> {
    ONE_PERSON
        .find_iter(names.as_str())
        .map(|m| {
            Span::new(
                line.start + names.start() + m.start(),
                line.start + names.start() + m.end(),
            )
        })
        .collect()
}
