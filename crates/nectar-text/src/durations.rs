//! How long something lasted: `six and a half hours`, `over 7 hours`, `from 10am until 4.30pm`.

use std::sync::LazyLock;

use nectar_model::{Qualifier, Span};
use regex::Regex;

use crate::clock::find_ranges;
use crate::numbers::{NumberMatch, find_numbers, number_at};
use crate::pattern::{build, ceil_boundary, floor_boundary, prev_char, prev_word};
use crate::qualifiers::qualifier_before;
use crate::scan::Scan;

/// A stated length of time.
#[derive(Debug, Clone, PartialEq)]
pub struct DurationMatch {
    /// From the qualifier (if any) to the unit word (`over 7 hours`, `nine-hour`), or from the
    /// first clock time's phrase to the second time (`from 10am until 4.30pm`).
    pub span: Span,
    /// The length in hours (`90 minutes` is 1.5).
    pub hours: f64,
    /// `over`, `around`, `under` or exact (clock ranges are exact).
    pub qualifier: Qualifier,
}

/// A unit word right after a number: ` hours`, `-hour`.
static UNIT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    build(r"(?i)^(?:%W(?P<adj>[a-z]+)%W|%w|%D)(?:(?P<h>hours?|hrs?)|(?P<m>minutes?|mins?))(?-u:\b)")
});

/// Words between a number and its unit that make the number something else's (`3 of the
/// hours`, `10 per hour`), where a describing word would not (`nine long hours`).
const NOT_DESCRIBING: &[&str] = &[
    "of",
    "and",
    "or",
    "to",
    "a",
    "an",
    "the",
    "per",
    "in",
    "for",
    "by",
    "than",
    "plus",
    "at",
    "on",
    "more",
    "less",
    "fewer",
    "extra",
    "further",
    "additional",
    "other",
];

/// A unit word anywhere.
static UNIT: LazyLock<Regex> = LazyLock::new(|| build(r"(?i-u)\b(?:hours?|hrs?|minutes?|mins?)\b"));

/// The join before the minutes of `two hours and 40 minutes`.
static MINUTES_JOIN: LazyLock<Regex> = LazyLock::new(|| build(r"(?i)^(?:,?%W(?:and%W)?)"));

static MINUTES_WORD: LazyLock<Regex> =
    LazyLock::new(|| build(r"(?i)^%W(?:minutes?|mins?)(?-u:\b)"));

/// `an hour`, `half an hour`, `an hour and a half`.
static AN_HOUR: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)(?-u:\b)(?:(?P<half>half%Wan%Whour|a%Whalf(?:%W|%D)hour)|an%Whour(?:%Wand%Wa%W(?:(?P<hh>half)|(?P<hq>quarter)))?)(?-u:\b)",
    )
});

/// Every stated duration in `text`, in order and without overlaps:
///
/// - amounts of hours or minutes, in digits or words: `six and a half hours`, `7.5 hours`,
///   `90 minutes`, `two hours and 40 minutes`, `an hour`, `half an hour`, `an hour and a half`,
///   `a nine-hour marathon` (span `nine-hour`), with their qualifier (`ran for over 7 hours`:
///   span `over 7 hours`, [`Qualifier::Over`]);
/// - clock ranges: `from 10am until 4.30pm`, `9.30-5.30`, `between 10:00 and 16:30`, and a
///   start and an end time up to 400 bytes apart (`You arrive at 9.30am ... the meeting goes
///   on until 5.30pm`): hours = end − start, qualifier exact. A joined range spans from its
///   first word (`from`) to the second time; a loose pair spans from the start of the
///   sentence holding the first time to the second time.
///
/// Vague lengths (`all day`, `several hours`) and rates (`£10 an hour`) are skipped.
///
/// ```
/// use nectar_model::Qualifier;
/// use nectar_text::find_durations;
/// let text = "The meeting ran for over 7 hours.";
/// let d = find_durations(text);
/// assert_eq!(&text[d[0].span.start..d[0].span.end], "over 7 hours");
/// assert_eq!((d[0].hours, d[0].qualifier), (7.0, Qualifier::Over));
/// ```
pub fn find_durations(text: &str) -> Vec<DurationMatch> {
    durations_in(&Scan::new(text))
}

/// [`find_durations`] on a [`Scan`], sharing its clock times and sentences.
pub(crate) fn durations_in(scan: &Scan<'_>) -> Vec<DurationMatch> {
    let text = scan.text();
    let mut out = Vec::new();
    // Find the unit words first (rare), then the number just before each.
    let units: Vec<regex::Match<'_>> = UNIT.find_iter(text).collect();
    for unit in &units {
        let Some(n) = number_before(text, unit.start()) else {
            continue;
        };
        let rest = &text[n.span.end..];
        let Some(caps) = UNIT_AFTER.captures(rest) else {
            continue;
        };
        if n.span.end + caps.get(0).map_or(0, |m| m.end()) != unit.end() {
            continue;
        }
        // "nine long hours": one describing word may stand between; "ten more hours" is an
        // addition to something else's length.
        if caps
            .name("adj")
            .is_some_and(|w| NOT_DESCRIBING.contains(&w.as_str().to_ascii_lowercase().as_str()))
        {
            continue;
        }
        if prev_char(text, n.span.start).is_some_and(|c| matches!(c, '£' | '$' | '€')) {
            continue;
        }
        let mut end = unit.end();
        let mut hours = if caps.name("h").is_some() {
            n.value
        } else {
            n.value / 60.0
        };
        if caps.name("h").is_some()
            && let Some((e, minutes)) = minutes_after(text, end)
        {
            hours += minutes / 60.0;
            end = e;
        }
        if !(hours > 0.0 && hours <= 1000.0) || NOT_A_LENGTH.is_match(&text[end..]) {
            continue;
        }
        push(&mut out, text, n.span.start, end, hours);
    }
    // "an hour" and its kin, looked for only around the word "hour".
    let mut searched_to = 0;
    for unit in &units {
        if !unit.as_str().eq_ignore_ascii_case("hour") {
            continue;
        }
        let lo = floor_boundary(text, unit.start().saturating_sub(16)).max(searched_to);
        let hi = ceil_boundary(text, unit.end().saturating_add(24));
        let Some(caps) = AN_HOUR.captures_at(&text[..hi], lo.min(hi)) else {
            continue;
        };
        let Some(m) = caps.get(0) else { continue };
        if m.start() > unit.start() {
            continue;
        }
        searched_to = m.end();
        if is_rate(text, m.start()) {
            continue;
        }
        let mut hours = if caps.name("half").is_some() {
            0.5
        } else if caps.name("hh").is_some() {
            1.5
        } else if caps.name("hq").is_some() {
            1.25
        } else {
            1.0
        };
        let mut end = m.end();
        if hours == 1.0
            && let Some((e, minutes)) = minutes_after(text, end)
        {
            hours += minutes / 60.0;
            end = e;
        }
        push(&mut out, text, m.start(), end, hours);
    }
    for r in find_ranges(scan) {
        out.push(DurationMatch {
            span: r.span,
            hours: r.hours,
            qualifier: Qualifier::Exact,
        });
    }
    out.sort_by_key(|d| (d.span.start, std::cmp::Reverse(d.span.end)));
    let mut kept: Vec<DurationMatch> = Vec::with_capacity(out.len());
    for d in out {
        if kept.last().is_none_or(|k| d.span.start >= k.span.end) {
            kept.push(d);
        }
    }
    kept
}

/// The last number that ends in the ~100 bytes before `at`.
fn number_before(text: &str, at: usize) -> Option<NumberMatch> {
    let mut lo = floor_boundary(text, at.saturating_sub(100));
    if lo > 0 {
        // Start after a space so that the window never starts inside a number.
        let (k, c) = text[lo..at]
            .char_indices()
            .find(|&(_, c)| c == ' ' || c == '\n' || c == '\t')?;
        lo += k + c.len_utf8();
    }
    let mut last = find_numbers(&text[lo..at]).pop()?;
    last.span = Span::new(last.span.start + lo, last.span.end + lo);
    Some(last)
}

/// What follows an amount of time that makes it a notice period or a rate, not the length of
/// something (`24 hours’ notice`, `five hours of sport per week`, `ten hours a week`).
static NOT_A_LENGTH: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)^(?:%Qs?)?%w(?:notice(?-u:\b)|(?:of%W\w+%W)?(?:a|an|per|each|every)%W(?:day|week|month|year|fortnight|session)(?-u:\b))",
    )
});

fn push(out: &mut Vec<DurationMatch>, text: &str, start: usize, end: usize, hours: f64) {
    let (qualifier, qspan) = qualifier_before(text, start);
    out.push(DurationMatch {
        span: Span::new(qspan.map_or(start, |q| q.start), end),
        hours,
        qualifier,
    });
}

/// `… and 40 minutes` after an amount of hours ending at `end`: the new end and the minutes.
fn minutes_after(text: &str, end: usize) -> Option<(usize, f64)> {
    let join = MINUTES_JOIN.find(&text[end..])?;
    let at = end + join.end();
    let (num_end, minutes) = number_at(text, at)?;
    let word = MINUTES_WORD.find(&text[num_end..])?;
    (minutes > 0.0 && minutes < 60.0).then_some((num_end + word.end(), minutes))
}

/// Whether "an hour" at `start` is a rate: `£10 an hour`, `per hour`, `every hour`.
fn is_rate(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(|c: char| c.is_whitespace());
    if before.ends_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let mut buf = [0u8; 16];
    matches!(
        prev_word(text, start, &mut buf),
        Some((_, b"per" | b"every" | b"each" | b"pounds" | b"quid"))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, f64, Qualifier)> {
        find_durations(text)
            .into_iter()
            .map(|d| (&text[d.span.start..d.span.end], d.hours, d.qualifier))
            .collect()
    }

    #[test]
    fn finds_amounts() {
        use Qualifier::*;
        let cases: &[(&str, (&str, f64, Qualifier))] = &[
            (
                "The six and a half hours of it",
                ("six and a half hours", 6.5, Exact),
            ),
            ("It ran for over 7 hours.", ("over 7 hours", 7.0, Over)),
            ("a nine-hour marathon", ("nine-hour", 9.0, Exact)),
            ("it took 7.5 hours", ("7.5 hours", 7.5, Exact)),
            ("for 90 minutes", ("90 minutes", 1.5, Exact)),
            (
                "for two hours and 40 minutes",
                ("two hours and 40 minutes", 2.0 + 40.0 / 60.0, Exact),
            ),
            ("for 2 hours 30 minutes", ("2 hours 30 minutes", 2.5, Exact)),
            ("for an hour.", ("an hour", 1.0, Exact)),
            ("for half an hour.", ("half an hour", 0.5, Exact)),
            (
                "for an hour and a half.",
                ("an hour and a half", 1.5, Exact),
            ),
            (
                "for an hour and 20 minutes.",
                ("an hour and 20 minutes", 1.0 + 20.0 / 60.0, Exact),
            ),
            (
                "lasted almost three hours",
                ("almost three hours", 3.0, Under),
            ),
            ("about 4 hrs", ("about 4 hrs", 4.0, Around)),
            (
                "more than nine long hours went by",
                ("more than nine long hours", 9.0, Over),
            ),
            (
                "Six and a half\nhours",
                ("Six and a half\nhours", 6.5, Exact),
            ),
        ];
        for &(text, want) in cases {
            assert_eq!(found(text), [want], "{text}");
        }
    }

    #[test]
    fn finds_clock_ranges() {
        use Qualifier::*;
        assert_eq!(
            found("It ran from 10am until 4.30pm."),
            [("from 10am until 4.30pm", 6.5, Exact)]
        );
        assert_eq!(found("Sessions 9.30-5.30."), [("9.30-5.30", 8.0, Exact)]);
        // Bare hours after a verb of sitting; not a score elsewhere.
        assert_eq!(
            found("The meeting ran 10-4.30, with lunch."),
            [("10-4.30", 6.5, Exact)]
        );
        assert_eq!(found("We sat 11-4."), [("11-4", 5.0, Exact)]);
        assert_eq!(found("It ran 9.30-4 in the end."), [("9.30-4", 6.5, Exact)]);
        assert!(found("The vote was 11-4.").is_empty());
        assert!(found("It was carried 10-4.30 on a recount.").is_empty());
        assert_eq!(
            found("between 10:00 and 16:30"),
            [("between 10:00 and 16:30", 6.5, Exact)]
        );
        let text = "It is long. Members arrive at 9.30am to read and the session \
                    goes on until 5.30pm. Then home.";
        let got = found(text);
        assert_eq!(got.len(), 1);
        assert!(got[0].0.starts_with("Members arrive at 9.30am"));
        assert!(got[0].0.ends_with("until 5.30pm"));
        assert_eq!(got[0].1, 8.0);
    }

    #[test]
    fn skips_vague_and_rates() {
        for text in [
            "it took all day",
            "several hours",
            "paid £10 an hour",
            "paid 10 an hour",
            "£5 hours",
            "once per hour",
            "hours of debate",
            "the minutes of the last meeting",
            "another 3 more hours",
            "10 per hour",
            "",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn notice_periods_and_rates_are_not_lengths() {
        let hours = |t: &str| {
            find_durations(t)
                .iter()
                .map(|d| d.hours)
                .collect::<Vec<_>>()
        };
        assert!(hours("The meeting was called at 24 hours’ notice.").is_empty());
        assert!(hours("Pupils get five hours of sport per week.").is_empty());
        assert!(hours("Volunteers gave ten hours a week.").is_empty());
        assert_eq!(hours("The meeting lasted five hours."), [5.0]);
        assert_eq!(hours("We sat for five hours, a record."), [5.0]);
    }
}
