//! What the charts read from the reports, one report at a time: dates of figures and votes,
//! the meetings the reports hold, each meeting once however many reports mention it, and what
//! the source note says. Everything is kept sorted or counted, so the same reports give the
//! same chart whatever their order.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use chrono::Datelike;
use nectar_model::{
    DatePrecision, Figure, Meeting, MeetingKind, MeetingStatus, PartialDate, Qualifier, Report,
    ReportKind, VoteEvent,
};

/// The meeting a fact names, if the report holds it.
fn meeting<'a>(report: &'a Report, id: Option<&str>) -> Option<&'a Meeting> {
    let id = id?;
    report.meetings.iter().find(|m| m.meeting_id == id)
}

/// The date of the meeting a fact names, else of the report's primary meeting, else the
/// report's publication date.
fn fact_date(report: &Report, meeting_id: Option<&str>) -> Option<PartialDate> {
    meeting(report, meeting_id)
        .and_then(|m| m.date.as_ref())
        .or_else(|| report.primary_meeting().and_then(|m| m.date.as_ref()))
        .map(|d| d.date)
        .or_else(|| report.published.as_ref().map(|p| p.value))
}

/// The date a figure describes: its `as_of`, else its meeting's date (see [`fact_date`]).
pub(crate) fn figure_date(report: &Report, figure: &Figure) -> Option<PartialDate> {
    figure
        .as_of
        .or_else(|| fact_date(report, figure.meeting_id.as_deref()))
}

/// The date of the meeting that took a vote (see [`fact_date`]).
pub(crate) fn vote_date(report: &Report, vote: &VoteEvent) -> Option<PartialDate> {
    fact_date(report, vote.meeting_id.as_deref())
}

/// Where a date stands on a time axis, in years: the middle of the day, month or year it
/// names (`2020-07` is mid-July 2020, about 2020.54).
pub(crate) fn year_position(date: PartialDate) -> f64 {
    let year = date.year();
    let days = |y: i32| {
        if chrono::NaiveDate::from_ymd_opt(y, 2, 29).is_some() {
            366.0
        } else {
            365.0
        }
    };
    let first = date.first_day();
    let start = f64::from(first.ordinal0());
    let within = match date.precision() {
        DatePrecision::Day => start + 0.5,
        DatePrecision::Month => {
            let next = first
                .checked_add_months(chrono::Months::new(1))
                .unwrap_or(first);
            start + (next - first).num_days() as f64 / 2.0
        }
        DatePrecision::Year => days(year) / 2.0,
    };
    f64::from(year) + within / days(year)
}

/// A number as a map key: ordered by [`f64::total_cmp`], with `-0.0` and `0.0` one key, as
/// `==` has them. (The charts' numbers are finite: read from text, never NaN.)
#[derive(Debug, Clone, Copy)]
pub(crate) struct Number(f64);

impl Number {
    /// The key of `value`.
    pub(crate) fn new(value: f64) -> Self {
        Self(if value == 0.0 { 0.0 } else { value })
    }
}

impl PartialEq for Number {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Number {}

impl PartialOrd for Number {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Number {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// Orders durations (or any value with its qualifier): by value, then qualifier.
pub(crate) fn by_value(a: &(f64, Qualifier), b: &(f64, Qualifier)) -> Ordering {
    a.0.total_cmp(&b.0).then(a.1.cmp(&b.1))
}

/// The most different values a date or meeting keeps each of (its figures, its durations):
/// the real reports give one to three. Past this, it keeps their [`Spread`], so that what a
/// chart keeps grows with the dates and meetings, never with the values given for each.
pub(crate) const EACH_UP_TO: usize = 4;

/// What a chart keeps of the values given for one date or meeting when they are more than
/// [`EACH_UP_TO`] different ones: the lowest and the highest, each with the most exact
/// qualifier given for it, how many were given, and their sum. None depends on the order the
/// values come in, so neither does the chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Spread {
    /// The lowest value, with the most exact qualifier given for it.
    pub lowest: (f64, Qualifier),
    /// The highest value, with the most exact qualifier given for it.
    pub highest: (f64, Qualifier),
    /// How many values were given (a value as many times as it was given).
    pub given: usize,
    /// Their sum, in tenths: whole numbers, so that it is the same in any order (a sum of
    /// floats is not).
    tenths: i128,
}

/// Whether `a` is to be kept as the highest over `b`: a higher value, or the same value more
/// exactly qualified.
fn higher(a: &(f64, Qualifier), b: &(f64, Qualifier)) -> bool {
    a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)).is_gt()
}

impl Spread {
    /// The spread of `value` given `times`.
    fn of(value: (f64, Qualifier), times: usize) -> Self {
        Self {
            lowest: value,
            highest: value,
            given: times,
            tenths: tenths(value.0).saturating_mul(times as i128),
        }
    }

    /// Adds what `other` kept.
    fn merge(&mut self, other: &Spread) {
        if by_value(&other.lowest, &self.lowest).is_lt() {
            self.lowest = other.lowest;
        }
        if higher(&other.highest, &self.highest) {
            self.highest = other.highest;
        }
        self.given += other.given;
        self.tenths = self.tenths.saturating_add(other.tenths);
    }

    /// The sum of the values given (each to a tenth), for their mean.
    pub(crate) fn sum(&self) -> f64 {
        self.tenths as f64 / 10.0
    }
}

/// `value` in whole tenths.
fn tenths(value: f64) -> i128 {
    (value * 10.0).round() as i128
}

/// Which values given for one date or meeting are the same value given again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Alike {
    /// The same number, whatever its qualifier: it keeps the most exact qualifier given.
    Value,
    /// The same number with the same qualifier (`over 7 hours` and `7 hours` are two).
    ValueAndQualifier,
}

/// The values given for one date or meeting: each different one, with how many times it was
/// given, up to [`EACH_UP_TO`]; past that, their [`Spread`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Given {
    /// Each different value and how many times it was given, sorted by [`by_value`].
    Each(Vec<((f64, Qualifier), usize)>),
    /// More than [`EACH_UP_TO`] different values.
    Spread(Spread),
}

impl Default for Given {
    fn default() -> Self {
        Self::Each(Vec::new())
    }
}

impl Given {
    /// Adds `value`, given `times`.
    pub(crate) fn add(&mut self, value: (f64, Qualifier), times: usize, alike: Alike) {
        let each = match self {
            Self::Spread(spread) => return spread.merge(&Spread::of(value, times)),
            Self::Each(each) => each,
        };
        let found = match alike {
            Alike::Value => {
                each.binary_search_by(|(x, _)| Number::new(x.0).cmp(&Number::new(value.0)))
            }
            Alike::ValueAndQualifier => each.binary_search_by(|(x, _)| by_value(x, &value)),
        };
        match found {
            Ok(at) => {
                let (kept, n) = &mut each[at];
                *n += times;
                // Qualifiers sort exact first: the least is the most exact.
                if by_value(&value, kept).is_lt() {
                    *kept = value;
                }
            }
            Err(at) => each.insert(at, (value, times)),
        }
        if each.len() > EACH_UP_TO {
            *self = Self::Spread(self.spread());
        }
    }

    /// Adds what `other` kept.
    pub(crate) fn merge(&mut self, other: &Given, alike: Alike) {
        match other {
            Self::Each(each) => {
                for &(value, times) in each {
                    self.add(value, times, alike);
                }
            }
            Self::Spread(spread) => {
                let mut mine = self.spread();
                mine.merge(spread);
                *self = Self::Spread(mine);
            }
        }
    }

    /// The spread of the values (of none, a spread of nothing given).
    fn spread(&self) -> Spread {
        match self {
            Self::Spread(spread) => *spread,
            Self::Each(each) => {
                let mut values = each.iter().map(|&(value, times)| Spread::of(value, times));
                let first = values.next().unwrap_or(Spread {
                    lowest: (f64::INFINITY, Qualifier::Exact),
                    highest: (f64::NEG_INFINITY, Qualifier::Exact),
                    given: 0,
                    tenths: 0,
                });
                values.fold(first, |mut spread, v| {
                    spread.merge(&v);
                    spread
                })
            }
        }
    }

    /// The values drawn: each, or the lowest and the highest of more.
    pub(crate) fn drawn(&self) -> Vec<(f64, Qualifier)> {
        match self {
            Self::Each(each) => each.iter().map(|&(value, _)| value).collect(),
            Self::Spread(spread) => vec![spread.lowest, spread.highest],
        }
    }
}

/// A meeting held, once, with the durations the reports give for it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct HeldMeeting {
    /// When (a mention known only to the month or year counts as the meeting of its kind dated
    /// within it, if the reports hold one).
    pub date: PartialDate,
    /// What kind.
    pub kind: MeetingKind,
    /// Each distinct duration reported (hours and qualifier), or their spread.
    pub durations: Given,
}

/// The meetings the reports hold, read one report at a time: each (date, kind) once, with
/// the distinct durations reported for it (at most [`EACH_UP_TO`], else their [`Spread`]),
/// and how many mentions were left out. What it keeps grows with the meetings held, not with
/// the reports that mention them.
#[derive(Debug, Clone, Default)]
pub(crate) struct HeldMeetings {
    /// Whether to keep durations (the meetings chart only counts meetings).
    with_durations: bool,
    /// Each held meeting's distinct durations.
    by_key: BTreeMap<(PartialDate, MeetingKind), Given>,
    /// Mentions of held meetings without a date.
    pub undated: usize,
    /// Mentions of meetings only scheduled.
    pub scheduled: usize,
}

impl HeldMeetings {
    /// No meetings yet; `with_durations` keeps what the reports say of how long each ran.
    pub(crate) fn new(with_durations: bool) -> Self {
        Self {
            with_durations,
            ..Self::default()
        }
    }

    /// Reads the meetings a report mentions.
    pub(crate) fn add(&mut self, report: &Report) {
        for m in &report.meetings {
            if m.status == MeetingStatus::Scheduled {
                self.scheduled += 1;
                continue;
            }
            let Some(date) = m.date.as_ref().map(|d| d.date) else {
                self.undated += 1;
                continue;
            };
            let durations = self.by_key.entry((date, m.kind)).or_default();
            if self.with_durations
                && let Some(d) = &m.duration
            {
                durations.add((d.hours, d.qualifier), 1, Alike::ValueAndQualifier);
            }
        }
    }

    /// The held meetings, one each, sorted by date then kind.
    ///
    /// Two mentions are one meeting when they have the same date and kind; a mention known only
    /// to the month (or year) joins a meeting of the same kind dated within it.
    pub(crate) fn meetings(&self) -> Vec<HeldMeeting> {
        let mut by_key = self.by_key.clone();
        // Fold a month- or year-only mention into a meeting of the same kind dated within it.
        let keys: Vec<(PartialDate, MeetingKind)> = by_key.keys().copied().collect();
        for &(date, kind) in &keys {
            if date.precision() == DatePrecision::Day {
                continue;
            }
            let within = keys.iter().find(|&&(d, k)| {
                k == kind
                    && d.precision() < date.precision()
                    && d.year() == date.year()
                    && (date.month().is_none() || d.month() == date.month())
            });
            if let Some(&target) = within
                && let Some(durations) = by_key.remove(&(date, kind))
            {
                by_key
                    .entry(target)
                    .or_default()
                    .merge(&durations, Alike::ValueAndQualifier);
            }
        }
        by_key
            .into_iter()
            .map(|((date, kind), durations)| HeldMeeting {
                date,
                kind,
                durations,
            })
            .collect()
    }
}

/// What the source note says of the reports, read one at a time: how many reports of NEC
/// meetings, and the years they span.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct SourceNote {
    /// Reports of NEC meetings.
    reports: usize,
    /// The first and last year of their primary meetings (else of their publication).
    years: Option<(i32, i32)>,
}

impl SourceNote {
    /// Counts a report.
    pub(crate) fn add(&mut self, report: &Report) {
        if report.kind != ReportKind::NecReport {
            return;
        }
        self.reports += 1;
        if let Some(year) = fact_date(report, None).map(|d| d.year()) {
            self.years = Some(match self.years {
                Some((first, last)) => (first.min(year), last.max(year)),
                None => (year, year),
            });
        }
    }

    /// The note's first sentence: `Source: 5 reports of NEC meetings (2011–2024), read by
    /// nectar.`
    pub(crate) fn text(&self) -> String {
        let span = match self.years {
            Some((a, b)) if a != b => format!(" ({a}–{b})"),
            Some((a, _)) => format!(" ({a})"),
            None => String::new(),
        };
        let n = self.reports;
        format!(
            "Source: {n} {} of NEC meetings{span}, read by nectar.",
            if n == 1 { "report" } else { "reports" }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUALIFIERS: [Qualifier; 4] = [
        Qualifier::Exact,
        Qualifier::Over,
        Qualifier::Around,
        Qualifier::Under,
    ];

    /// Value `i` of many: 200 different numbers, each given with three qualifiers.
    fn value(i: usize) -> (f64, Qualifier) {
        (1000.0 + (i * 37 % 200) as f64 * 10.0, QUALIFIERS[i % 3])
    }

    #[test]
    fn a_few_values_are_kept_each() {
        let mut given = Given::default();
        for i in [3, 1, 3, 2] {
            given.add((f64::from(i), Qualifier::Over), 1, Alike::Value);
        }
        given.add((3.0, Qualifier::Exact), 1, Alike::Value);
        given.add((4.0, Qualifier::Around), 2, Alike::Value);
        assert_eq!(
            given,
            Given::Each(vec![
                ((1.0, Qualifier::Over), 1),
                ((2.0, Qualifier::Over), 1),
                ((3.0, Qualifier::Exact), 3),
                ((4.0, Qualifier::Around), 2),
            ])
        );
        // `over 3` and `3` are two durations.
        let mut durations = Given::default();
        durations.add((3.0, Qualifier::Over), 1, Alike::ValueAndQualifier);
        durations.add((3.0, Qualifier::Exact), 1, Alike::ValueAndQualifier);
        assert_eq!(
            durations.drawn(),
            [(3.0, Qualifier::Exact), (3.0, Qualifier::Over)]
        );
    }

    #[test]
    fn many_values_keep_their_spread_in_any_order() {
        for alike in [Alike::Value, Alike::ValueAndQualifier] {
            let mut forward = Given::default();
            let mut backward = Given::default();
            // Two halves merged, as a month-only mention joins its meeting.
            let (mut low, mut high) = (Given::default(), Given::default());
            for i in 0..1000 {
                forward.add(value(i), 1, alike);
                backward.add(value(999 - i), 1, alike);
                if i % 2 == 0 { &mut low } else { &mut high }.add(value(i), 1, alike);
            }
            high.merge(&low, alike);
            let Given::Spread(spread) = forward else {
                panic!("{forward:?} is not a spread");
            };
            assert_eq!(Given::Spread(spread), backward);
            assert_eq!(Given::Spread(spread), high);
            assert_eq!(spread.given, 1000);
            // The extremes, each with the most exact qualifier given for it.
            assert_eq!(spread.lowest, (1000.0, Qualifier::Exact));
            assert_eq!(spread.highest, (2990.0, Qualifier::Exact));
            let mean = (0..1000).map(|i| value(i).0).sum::<f64>() / 1000.0;
            assert!((spread.sum() / 1000.0 - mean).abs() < 1e-9);
        }
    }

    #[test]
    fn positions_are_the_middle_of_what_a_date_names() {
        let p = |s: &str| year_position(s.parse().unwrap());
        assert!((p("2020") - 2020.5).abs() < 1e-9);
        assert!((p("2021-01-01") - (2021.0 + 0.5 / 365.0)).abs() < 1e-9);
        assert!((p("2020-07") - (2020.0 + (182.0 + 15.5) / 366.0)).abs() < 1e-9);
        assert!(p("2020-07-31") < p("2020-08-01"));
    }
}
