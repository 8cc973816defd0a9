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

/// A meeting held, once, with every duration the reports give for it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct HeldMeeting {
    /// When (a mention known only to the month or year counts as the meeting of its kind dated
    /// within it, if the reports hold one).
    pub date: PartialDate,
    /// What kind.
    pub kind: MeetingKind,
    /// Each distinct duration reported: hours and qualifier, sorted.
    pub durations: Vec<(f64, Qualifier)>,
}

/// The meetings the reports hold, read one report at a time: each (date, kind) once, with
/// the distinct durations reported for it, and how many mentions were left out. What it keeps
/// grows with the meetings held, not with the reports that mention them.
#[derive(Debug, Clone, Default)]
pub(crate) struct HeldMeetings {
    /// Whether to keep durations (the meetings chart only counts meetings).
    with_durations: bool,
    /// Each held meeting's distinct durations, sorted by [`by_value`].
    by_key: BTreeMap<(PartialDate, MeetingKind), Vec<(f64, Qualifier)>>,
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
                let duration = (d.hours, d.qualifier);
                if let Err(at) = durations.binary_search_by(|x| by_value(x, &duration)) {
                    durations.insert(at, duration);
                }
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
                by_key.entry(target).or_default().extend(durations);
            }
        }
        by_key
            .into_iter()
            .map(|((date, kind), mut durations)| {
                durations.sort_by(by_value);
                durations.dedup();
                HeldMeeting {
                    date,
                    kind,
                    durations,
                }
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

    #[test]
    fn positions_are_the_middle_of_what_a_date_names() {
        let p = |s: &str| year_position(s.parse().unwrap());
        assert!((p("2020") - 2020.5).abs() < 1e-9);
        assert!((p("2021-01-01") - (2021.0 + 0.5 / 365.0)).abs() < 1e-9);
        assert!((p("2020-07") - (2020.0 + (182.0 + 15.5) / 366.0)).abs() < 1e-9);
        assert!(p("2020-07-31") < p("2020-08-01"));
    }
}
