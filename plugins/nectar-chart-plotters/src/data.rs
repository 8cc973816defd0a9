//! What the charts read from the reports: dates of figures and votes, and the meetings the
//! reports hold, each meeting once however many reports mention it. Everything comes out
//! sorted, so the same reports give the same chart whatever their order.

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

/// A meeting held, once, with every duration the reports give for it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct HeldMeeting {
    /// When (the earliest reading when several reports date it).
    pub date: PartialDate,
    /// What kind.
    pub kind: MeetingKind,
    /// Each distinct duration reported: hours and qualifier, sorted.
    pub durations: Vec<(f64, Qualifier)>,
}

/// The held meetings in the reports, one each, sorted by date then kind, and how many meeting
/// mentions were left out: (undated, scheduled).
///
/// Two mentions are one meeting when they have the same date and kind; a mention known only to
/// the month (or year) joins a meeting of the same kind dated within it.
pub(crate) fn held_meetings(reports: &[Report]) -> (Vec<HeldMeeting>, usize, usize) {
    let mut undated = 0;
    let mut scheduled = 0;
    let mut by_key: BTreeMap<(PartialDate, MeetingKind), Vec<(f64, Qualifier)>> = BTreeMap::new();
    for m in reports.iter().flat_map(|r| &r.meetings) {
        if m.status == MeetingStatus::Scheduled {
            scheduled += 1;
            continue;
        }
        let Some(date) = m.date.as_ref().map(|d| d.date) else {
            undated += 1;
            continue;
        };
        let durations = by_key.entry((date, m.kind)).or_default();
        if let Some(d) = &m.duration {
            durations.push((d.hours, d.qualifier));
        }
    }
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
    let meetings = by_key
        .into_iter()
        .map(|((date, kind), mut durations)| {
            durations.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            durations.dedup();
            HeldMeeting {
                date,
                kind,
                durations,
            }
        })
        .collect();
    (meetings, undated, scheduled)
}

/// The source note's first sentence: `Source: 5 reports of NEC meetings (2011–2024), read by
/// nectar.` (years of the reports' primary meetings, else of their publication).
pub(crate) fn source(reports: &[Report]) -> String {
    let nec: Vec<&Report> = reports
        .iter()
        .filter(|r| r.kind == ReportKind::NecReport)
        .collect();
    let years: Vec<i32> = nec
        .iter()
        .filter_map(|r| fact_date(r, None))
        .map(|d| d.year())
        .collect();
    let span = match (years.iter().min(), years.iter().max()) {
        (Some(a), Some(b)) if a != b => format!(" ({a}–{b})"),
        (Some(a), _) => format!(" ({a})"),
        _ => String::new(),
    };
    let n = nec.len();
    format!(
        "Source: {n} {} of NEC meetings{span}, read by nectar.",
        if n == 1 { "report" } else { "reports" }
    )
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
