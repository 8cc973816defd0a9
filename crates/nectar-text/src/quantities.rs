//! Money, percentages and counts, with the qualifier before them.

use std::sync::LazyLock;

use nectar_model::{Qualifier, Span, Unit};
use regex::Regex;

use crate::pattern::{build, char_at, gap_end, merge_spans, overlaps_any, prev_char};
use crate::qualifiers::qualifier_before;
use crate::scan::Scan;

/// A figure: a number with its unit and qualifier.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// From the qualifier (if any) through the currency sign, the number and the unit words:
    /// `over 512,000`, `around £40`, `32 per cent`, `£1.36M`.
    pub span: Span,
    /// The value (`£1.36M` is 1 360 000; `19%` is 19).
    pub value: f64,
    /// Pounds, euros, dollars, percent, or a plain count.
    pub unit: Unit,
    /// `over`, `around`, `under` or exact.
    pub qualifier: Qualifier,
}

/// A percent sign or words after a number.
static PERCENT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    build(r"(?i)^(?:[ \x{A0}\x{202F}]?\x{25}|%W(?:per%Wcent|percent|per%Dcent)(?-u:\b))")
});

/// Currency words after a number.
static MONEY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)^%W(?:(?P<gbp>pounds?|quid|sterling)|(?P<eur>euros?)|(?P<usd>(?:US%W)?dollars?))(?-u:\b)",
    )
});

/// Money (`£300,000`, `£1.36M`, `£40`, `€5`, `$10`, `300,000 pounds`), percentages (`19%`,
/// `32 per cent`, `30 percent`) and plain counts (every other number, in digits or words),
/// each with its qualifier (`over 512,000`; see [`crate::qualifier_before`]), in order.
///
/// Not counts: a year standing alone (1900 to 2100 written as four bare digits, `in 2020`; and
/// the `20` of `2019/20`), numbers inside dates (`11 February 2021`) and clock times (`9.30am`,
/// `9.30-5.30`), and ordinals (`29th`).
///
/// ```
/// use nectar_model::{Qualifier, Unit};
/// use nectar_text::find_quantities;
/// let text = "In 2020 we had over 512,000 members; 19% joined. Tickets cost around £40.";
/// let q = find_quantities(text);
/// assert_eq!(q.len(), 3);
/// assert_eq!(&text[q[0].span.start..q[0].span.end], "over 512,000");
/// assert_eq!((q[0].value, q[0].unit, q[0].qualifier), (512_000.0, Unit::Count, Qualifier::Over));
/// assert_eq!((q[1].value, q[1].unit), (19.0, Unit::Percent));
/// assert_eq!(&text[q[2].span.start..q[2].span.end], "around £40");
/// assert_eq!((q[2].unit, q[2].qualifier), (Unit::Gbp, Qualifier::Around));
/// ```
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    quantities_in(&Scan::new(text))
}

/// [`find_quantities`] on a [`Scan`], sharing its numbers, dates and clock times.
pub(crate) fn quantities_in(scan: &Scan<'_>) -> Vec<Quantity> {
    let text = scan.text();
    let numbers = scan.numbers();
    if numbers.is_empty() {
        return Vec::new();
    }
    let mut zones: Vec<Span> = scan.dates().iter().map(|d| d.span).collect();
    zones.extend(scan.times().iter().map(|t| t.span));
    zones.extend(scan.joined_ranges().iter().map(|r| r.span));
    let zones = merge_spans(zones);
    let mut out = Vec::with_capacity(numbers.len());
    for n in numbers {
        if overlaps_any(&zones, n.span) {
            continue;
        }
        let digits = &text[n.span.start..n.span.end];
        // Currency sign before: "£300,000", "£ 300", "US$10".
        let mut start = n.span.start;
        let mut unit = Unit::Count;
        let mut sign_at = start;
        if let Some(c) = prev_char(text, start) {
            let (c, at) = if c == ' ' {
                let at = start - 1;
                (prev_char(text, at).unwrap_or(' '), at)
            } else {
                (c, start)
            };
            let currency = match c {
                '£' => Some(Unit::Gbp),
                '€' => Some(Unit::Eur),
                '$' => Some(Unit::Usd),
                _ => None,
            };
            if let Some(u) = currency {
                unit = u;
                sign_at = at - c.len_utf8();
                if u == Unit::Usd && text[..sign_at].ends_with("US") {
                    sign_at -= 2;
                }
                start = sign_at;
            }
        }
        let mut end = n.span.end;
        let rest = &text[end..];
        // What follows the number, past a gap: only a few letters can start a unit.
        let next = char_at(text, gap_end(text, end)).unwrap_or(' ');
        if unit == Unit::Count
            && matches!(
                next.to_ascii_lowercase(),
                '%' | 'p' | 'q' | 's' | 'e' | 'd' | 'u'
            )
        {
            if let Some(m) = PERCENT_AFTER.find(rest) {
                unit = Unit::Percent;
                end += m.end();
            } else if let Some(caps) = MONEY_AFTER.captures(rest) {
                unit = if caps.name("gbp").is_some() {
                    Unit::Gbp
                } else if caps.name("eur").is_some() {
                    Unit::Eur
                } else {
                    Unit::Usd
                };
                end += caps.get(0).map_or(0, |m| m.end());
            }
        }
        if unit == Unit::Count && !n.in_words && is_bare_year(text, n.span, digits) {
            continue;
        }
        let (qualifier, qspan) = qualifier_before(text, sign_at.min(start));
        let start = qspan.map_or(start, |q| q.start);
        out.push(Quantity {
            span: Span::new(start, end),
            value: n.value,
            unit,
            qualifier,
        });
    }
    out
}

/// Whether the bare digits at `span` are a year (`2020`) or the short end of a year range
/// (`2019/20`, `2019-20`).
fn is_bare_year(text: &str, span: Span, digits: &str) -> bool {
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    if digits.len() == 4 {
        return digits
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y));
    }
    if digits.len() == 2 {
        let before = &text[..span.start];
        let mut chars = before.chars().rev();
        if matches!(chars.next(), Some('/' | '-' | '–')) {
            let mut year = [0u8; 4];
            for slot in year.iter_mut().rev() {
                match chars.next() {
                    Some(c) if c.is_ascii_digit() => *slot = c as u8,
                    _ => return false,
                }
            }
            return matches!(&year[..2], b"19" | b"20");
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    type Want = (&'static str, f64, Unit, Qualifier);

    fn found(text: &str) -> Vec<(&str, f64, Unit, Qualifier)> {
        find_quantities(text)
            .into_iter()
            .map(|q| {
                (
                    &text[q.span.start..q.span.end],
                    q.value,
                    q.unit,
                    q.qualifier,
                )
            })
            .collect()
    }

    #[test]
    fn money() {
        use Qualifier::*;
        use Unit::*;
        let cases: &[(&str, Want)] = &[
            (
                "raising £300,000 a year",
                ("£300,000", 300_000.0, Gbp, Exact),
            ),
            ("a budget of £1.36M", ("£1.36M", 1_360_000.0, Gbp, Exact)),
            (
                "it will cost around £40 each",
                ("around £40", 40.0, Gbp, Around),
            ),
            ("costs €5", ("€5", 5.0, Eur, Exact)),
            ("costs $10", ("$10", 10.0, Usd, Exact)),
            ("costs US$10", ("US$10", 10.0, Usd, Exact)),
            (
                "paid 300,000 pounds",
                ("300,000 pounds", 300_000.0, Gbp, Exact),
            ),
            ("over £ 2m", ("over £ 2m", 2_000_000.0, Gbp, Over)),
            ("spent 20 euros", ("20 euros", 20.0, Eur, Exact)),
        ];
        for &(text, want) in cases {
            assert_eq!(found(text), [want], "{text}");
        }
    }

    #[test]
    fn percentages_and_counts() {
        use Qualifier::*;
        use Unit::*;
        let cases: &[(&str, Want)] = &[
            ("19% of them", ("19%", 19.0, Percent, Exact)),
            ("19 % of them", ("19 %", 19.0, Percent, Exact)),
            ("32 per cent of them", ("32 per cent", 32.0, Percent, Exact)),
            (
                "32 per\ncent of them",
                ("32 per\ncent", 32.0, Percent, Exact),
            ),
            ("30 percent of them", ("30 percent", 30.0, Percent, Exact)),
            ("five per cent VAT", ("five per cent", 5.0, Percent, Exact)),
            ("nearly 40% of", ("nearly 40%", 40.0, Percent, Under)),
            (
                "over 512,000 members",
                ("over 512,000", 512_000.0, Count, Over),
            ),
            (
                "now has 540,000 members",
                ("540,000", 540_000.0, Count, Exact),
            ),
            ("five new members", ("five", 5.0, Count, Exact)),
            (
                "some 5,000 councillors",
                ("some 5,000", 5_000.0, Count, Around),
            ),
        ];
        for &(text, want) in cases {
            assert_eq!(found(text), [want], "{text}");
        }
    }

    #[test]
    fn skips_years_dates_and_times() {
        assert!(found("in 2020").is_empty());
        // A bare year-like number is never a count, even before a noun.
        assert!(found("2020 members").is_empty());
        assert!(found("on 11 February 2021").is_empty());
        assert!(found("Tuesday 29th September").is_empty());
        assert!(found("at 9.30am").is_empty());
        assert!(found("at 9.30 am and 16:30").is_empty());
        assert!(found("from 9.30-5.30").is_empty());
        assert!(found("the 2019/20 accounts and 2019-20").is_empty());
        assert!(found("Labour First and the first").is_empty());
        assert!(found("").is_empty());
        assert_eq!(
            found("In 2020 there were 1,900 and £2020."),
            [
                ("1,900", 1900.0, Unit::Count, Qualifier::Exact),
                ("£2020", 2020.0, Unit::Gbp, Qualifier::Exact)
            ]
        );
    }
}
