//! Clock times (`9.30am`, `16:30`, `noon`) and ranges between them (`from 10am until 4.30pm`).

use std::sync::LazyLock;

use nectar_model::Span;
use regex::{Captures, Regex};

use crate::pattern::{build, char_at, floor_boundary, prev_char};
use crate::scan::Scan;

/// A clock time read from text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ClockTime {
    pub span: Span,
    pub hour: u32,
    pub minute: u32,
    pub meridiem: Meridiem,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Meridiem {
    Am,
    Pm,
    /// `16:30`, `10:00`: a 24-hour clock (or ambiguous `4:30`).
    Colon,
    /// `9.30` with no am/pm.
    Bare,
    /// noon, midday, midnight: already in 24-hour form.
    Fixed,
}

impl ClockTime {
    /// Minutes after midnight as written (am/pm applied).
    fn minutes(&self) -> u32 {
        let h = match self.meridiem {
            Meridiem::Am => self.hour % 12,
            Meridiem::Pm => self.hour % 12 + 12,
            _ => self.hour,
        };
        h * 60 + self.minute
    }

    fn explicit(&self) -> bool {
        !matches!(self.meridiem, Meridiem::Bare)
    }
}

const TIME: &str = r"(?:(?:2[0-3]|1[0-9]|0?[0-9])(?:[.:][0-5][0-9])?(?:%w(?:[ap]\.m\.|[ap]m(?-u:\b)))?|noon|midday|midnight)";

/// An explicit clock time: with am/pm, a colon, or a word.
static EXPLICIT: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)(?-u:\b)(?:(?:1[0-2]|0?[0-9])(?:[.:][0-5][0-9])?[\t \x{A0}\x{202F}]?(?:[ap]\.m\.|[ap]m(?-u:\b))|(?:2[0-3]|[01]?[0-9]):[0-5][0-9](?-u:\b)|(?:noon|midday|midnight)(?-u:\b))",
    )
});

/// Two times joined: `from 10am until 4.30pm`, `9.30-5.30`, `between 10:00 and 16:30`.
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"(?i)(?-u:\b)(?:(?P<cue>from|between)%W)?(?P<t1>{TIME})(?:%w%D%w|%W(?P<join>to|until|till|til|and)%W)(?P<t2>{TIME})"
    ))
});

/// Verbs of sitting right before a dashed pair of bare hours (`The meeting ran 10-4.30`).
static SAT_CUE: LazyLock<Regex> = LazyLock::new(|| {
    build(r"(?i)(?-u:\b)(?:ran|runs|lasted|lasts|sat|sits|met|meets|went%Won)%W$")
});

/// Words before a time that start a period.
static START_CUE: LazyLock<Regex> = LazyLock::new(|| {
    build(r"(?i)(?-u:\b)(?:from|at|start(?:s|ed|ing)?%Wat|begin(?:s|ning)?%Wat|began%Wat)%W$")
});

/// Words before a time that end a period.
static END_CUE: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)(?-u:\b)(?:until|till|til|to|(?:finish(?:es|ed|ing)?|end(?:s|ed|ing)?|clos(?:e|es|ed|ing)|wound%Wup)(?:%W(?:the|our|its)%W(?:meeting|session|day|proceedings))?%W(?:at|by)|came%Wto%Wan%Wend%Wat)%W$",
    )
});

/// Parses one time as matched by [`TIME`].
pub(crate) fn parse_time(s: &str, start: usize) -> Option<ClockTime> {
    let span = Span::new(start, start + s.len());
    let lower = s.to_ascii_lowercase();
    let fixed = |hour| {
        Some(ClockTime {
            span,
            hour,
            minute: 0,
            meridiem: Meridiem::Fixed,
        })
    };
    match lower.as_str() {
        "noon" | "midday" => return fixed(12),
        "midnight" => return fixed(0),
        _ => {}
    }
    let digits_end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let hour: u32 = s.get(..digits_end)?.parse().ok()?;
    let rest = &lower[digits_end..];
    let (minute, sep, rest) = match rest.as_bytes().first() {
        Some(b'.' | b':') if rest.len() >= 3 && rest.as_bytes()[1].is_ascii_digit() => (
            rest.get(1..3)?.parse().ok()?,
            rest.as_bytes()[0],
            &rest[3..],
        ),
        _ => (0, 0, rest),
    };
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace());
    let meridiem = if rest.starts_with('a') {
        Meridiem::Am
    } else if rest.starts_with('p') {
        Meridiem::Pm
    } else if sep == b':' {
        Meridiem::Colon
    } else {
        Meridiem::Bare
    };
    if matches!(meridiem, Meridiem::Am | Meridiem::Pm) && !(1..=12).contains(&hour) {
        return None;
    }
    if hour > 23 || minute > 59 {
        return None;
    }
    Some(ClockTime {
        span,
        hour,
        minute,
        meridiem,
    })
}

/// Every explicit clock time in `text`.
pub(crate) fn find_times(text: &str) -> Vec<ClockTime> {
    EXPLICIT
        .find_iter(text)
        .filter(|m| {
            !prev_char(text, m.start())
                .is_some_and(|c| c == '.' || c == ':' || c == '£' || c == '$' || c == '€')
        })
        .filter_map(|m| parse_time(m.as_str(), m.start()))
        .collect()
}

/// A period between two clock times.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ClockRange {
    pub span: Span,
    pub hours: f64,
}

/// Hours from `a` to `b`, reading unmarked times sensibly (`9.30-5.30` is 8 hours,
/// `1.30 to 5pm` is 3.5).
fn hours_between(a: &ClockTime, b: &ClockTime) -> Option<f64> {
    let unmarked =
        |t: &ClockTime| matches!(t.meridiem, Meridiem::Bare | Meridiem::Colon) && t.hour <= 12;
    let mut start = a.minutes();
    let mut end = b.minutes();
    if unmarked(a) && b.meridiem == Meridiem::Pm && a.hour % 12 < b.hour % 12 {
        start = (a.hour % 12 + 12) * 60 + a.minute;
    }
    if end <= start && unmarked(b) {
        end += 12 * 60;
    }
    if end <= start {
        return None;
    }
    let hours = f64::from(end - start) / 60.0;
    (hours <= 16.0).then_some(hours)
}

fn range_from_caps(text: &str, caps: &Captures<'_>) -> Option<ClockRange> {
    let whole = caps.get(0)?;
    let t1m = caps.name("t1")?;
    let t2m = caps.name("t2")?;
    let t1 = parse_time(t1m.as_str(), t1m.start())?;
    let t2 = parse_time(t2m.as_str(), t2m.start())?;
    let join = caps.name("join").map(|m| m.as_str().to_ascii_lowercase());
    let cue = caps.name("cue").map(|m| m.as_str().to_ascii_lowercase());
    if join.as_deref() == Some("and") && cue.as_deref() != Some("between") {
        return None;
    }
    // "The meeting ran 10-4.30", "we sat 11-4": after a verb of sitting, two bare numbers
    // joined by a dash are a range of hours whatever their form.
    let sat =
        caps.name("cue").is_none() && join.is_none() && has_cue(&SAT_CUE, text, whole.start());
    let marked = |t: &ClockTime| t.explicit() || t.span.len() >= 4;
    if !sat && !marked(&t1) && !marked(&t2) {
        return None;
    }
    // Two bare decimals ("1.50-2.50") read as times only when both have minutes.
    if !sat && t1.meridiem == Meridiem::Bare && t2.meridiem == Meridiem::Bare {
        let has_minutes = |m: &regex::Match<'_>| m.as_str().contains('.');
        if !has_minutes(&t1m) || !has_minutes(&t2m) {
            return None;
        }
    }
    // Not money, a version or a longer number.
    if prev_char(text, whole.start()).is_some_and(|c| {
        matches!(c, '£' | '$' | '€' | '.' | ',' | '/' | '-' | ':') || c.is_ascii_digit()
    }) {
        return None;
    }
    if char_at(text, whole.end())
        .is_some_and(|c| matches!(c, '%' | '/' | '-') || c.is_ascii_digit())
    {
        return None;
    }
    let hours = hours_between(&t1, &t2)?;
    Some(ClockRange {
        span: Span::new(whole.start(), whole.end()),
        hours,
    })
}

/// Ranges between two clock times: joined (`from 10am until 4.30pm`, `9.30-5.30`,
/// `between 10:00 and 16:30`) and loose (`You arrive at 9.30am ... goes on until 5.30pm`,
/// within 400 bytes; the span then starts at the sentence of the first time).
pub(crate) fn find_ranges(scan: &Scan<'_>) -> Vec<ClockRange> {
    let text = scan.text();
    let times = scan.times();
    let mut out = scan.joined_ranges().to_vec();
    // Loose pairs of explicit times.
    let mut used_until = 0usize;
    for (k, end_t) in times.iter().enumerate() {
        if end_t.span.start < used_until || !has_cue(&END_CUE, text, end_t.span.start) {
            continue;
        }
        if out
            .iter()
            .any(|r| r.span.start <= end_t.span.start && end_t.span.end <= r.span.end)
        {
            continue;
        }
        let Some(start_t) = times[..k].iter().rev().find(|t| {
            t.span.start >= used_until
                && end_t.span.start - t.span.end <= 400
                && has_cue(&START_CUE, text, t.span.start)
        }) else {
            continue;
        };
        if out
            .iter()
            .any(|r| r.span.start <= start_t.span.start && start_t.span.end <= r.span.end)
        {
            continue;
        }
        let Some(hours) = hours_between(start_t, end_t) else {
            continue;
        };
        let sentence = scan.sentence_around(start_t.span.start);
        let begin =
            if sentence.start <= start_t.span.start && start_t.span.start - sentence.start <= 200 {
                sentence.start
            } else {
                start_t.span.start
            };
        out.push(ClockRange {
            span: Span::new(begin, end_t.span.end),
            hours,
        });
        used_until = end_t.span.end;
    }
    out.sort_by_key(|r| (r.span.start, std::cmp::Reverse(r.span.end)));
    out
}

/// The joined ranges alone (`from 10am until 4.30pm`, `9.30-5.30`), in order.
pub(crate) fn find_joined_ranges(text: &str) -> Vec<ClockRange> {
    RANGE
        .captures_iter(text)
        .filter_map(|caps| range_from_caps(text, &caps))
        .collect()
}

fn has_cue(re: &Regex, text: &str, at: usize) -> bool {
    let lo = floor_boundary(text, at.saturating_sub(40));
    text.get(lo..at).is_some_and(|w| re.is_match(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranges(text: &str) -> Vec<(&str, f64)> {
        find_ranges(&Scan::new(text))
            .into_iter()
            .map(|r| (&text[r.span.start..r.span.end], r.hours))
            .collect()
    }

    #[test]
    fn reads_times() {
        let t = |s: &str| parse_time(s, 0).map(|t| (t.minutes() / 60, t.minutes() % 60));
        assert_eq!(t("9.30am"), Some((9, 30)));
        assert_eq!(t("5.30pm"), Some((17, 30)));
        assert_eq!(t("12pm"), Some((12, 0)));
        assert_eq!(t("12am"), Some((0, 0)));
        assert_eq!(t("16:30"), Some((16, 30)));
        assert_eq!(t("noon"), Some((12, 0)));
        assert_eq!(t("10 a.m."), Some((10, 0)));
        assert_eq!(t("13pm"), None);
    }

    #[test]
    fn finds_explicit_times() {
        let text = "We met at 9.30am, broke at 1 pm and closed at 16:30; it cost £5.30 and 1.5 pm";
        let got: Vec<&str> = find_times(text)
            .iter()
            .map(|t| &text[t.span.start..t.span.end])
            .collect();
        assert_eq!(got, ["9.30am", "1 pm", "16:30"]);
    }

    #[test]
    fn joined_ranges() {
        assert_eq!(
            ranges("It ran from 10am until 4.30pm."),
            [("from 10am until 4.30pm", 6.5)]
        );
        assert_eq!(ranges("Sessions 9.30-5.30 daily"), [("9.30-5.30", 8.0)]);
        assert_eq!(
            ranges("between 10:00 and 16:30"),
            [("between 10:00 and 16:30", 6.5)]
        );
        assert_eq!(ranges("10am–4pm"), [("10am–4pm", 6.0)]);
        assert_eq!(
            ranges("from 9.30 to 5.30pm"),
            [("from 9.30 to 5.30pm", 8.0)]
        );
        assert!(ranges("by 13 to 10").is_empty());
        assert!(ranges("£1.50-2.50").is_empty());
        assert!(ranges("between 10 and 12").is_empty());
    }

    #[test]
    fn loose_ranges() {
        let text = "It lasts all day. Members arrive at 9.30am for papers and the session \
                    continues until 5.30pm. Then home.";
        assert_eq!(
            ranges(text),
            [(
                "Members arrive at 9.30am for papers and the session continues until 5.30pm",
                8.0
            )]
        );
        // No cue for the end: no range.
        assert!(ranges("We arrive at 9.30am. Lunch is at 1pm.").is_empty());
        // An ending verb with its object: "closed the meeting at".
        assert_eq!(
            ranges("We began at 10am, and the chair closed the meeting at 3.15pm."),
            [(
                "We began at 10am, and the chair closed the meeting at 3.15pm",
                5.25
            )]
        );
        assert_eq!(
            ranges("It started at 2pm and came to an end at 6pm."),
            [("It started at 2pm and came to an end at 6pm", 4.0)]
        );
    }
}
