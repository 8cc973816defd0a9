//! What the charts read from the dataset: cells of its rows by column name, the dates of facts
//! and reports, and what the source note says. Everything is sorted, so the same dataset
//! gives the same chart.

use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};

use chrono::Datelike;
use nectar_model::{DatePrecision, PartialDate, Qualifier};
use nectar_registry::Dataset;
use nectar_tables::{Cell, Row, TABLES, table_index};

static NULL: Cell = Cell::Null;

/// The cell of `row` (a row of table `table`) in column `column`; empty when there is none.
pub(crate) fn cell<'a>(table: &str, row: &'a Row, column: &str) -> &'a Cell {
    TABLES[table_index(table)]
        .column(column)
        .and_then(|i| row.get(i))
        .unwrap_or(&NULL)
}

/// The text of a cell, if it holds text.
pub(crate) fn text<'a>(table: &str, row: &'a Row, column: &str) -> Option<&'a str> {
    match cell(table, row, column) {
        Cell::Str(s) => Some(s),
        _ => None,
    }
}

/// The number of a cell, if it holds one.
pub(crate) fn num(table: &str, row: &Row, column: &str) -> Option<f64> {
    match cell(table, row, column) {
        Cell::Num(n) => Some(*n),
        Cell::Int(i) => Some(*i as f64),
        _ => None,
    }
}

/// The date of a cell, if it holds one.
pub(crate) fn date(table: &str, row: &Row, column: &str) -> Option<PartialDate> {
    match cell(table, row, column) {
        Cell::Date(d) => Some(*d),
        Cell::Str(s) => s.parse().ok(),
        _ => None,
    }
}

/// Whether a cell holds true.
pub(crate) fn flag(table: &str, row: &Row, column: &str) -> bool {
    matches!(cell(table, row, column), Cell::Bool(true))
}

/// A qualifier by its name (`over`); exact when there is none.
pub(crate) fn qualifier(name: Option<&str>) -> Qualifier {
    name.and_then(Qualifier::from_name)
        .unwrap_or(Qualifier::Exact)
}

/// The dates facts are read at: each report's mention of a meeting, each report's primary
/// meeting and publication.
#[derive(Debug, Default)]
pub(crate) struct Dates<'a> {
    /// Each `meetings` row's date, by `meeting_id`.
    meeting: HashMap<&'a str, PartialDate>,
    /// Each report's primary meeting's date, by `report_id`.
    primary: HashMap<&'a str, PartialDate>,
    /// Each report's publication date, by `report_id`.
    published: HashMap<&'a str, PartialDate>,
}

impl<'a> Dates<'a> {
    /// The dates of the dataset.
    pub(crate) fn of(dataset: &'a Dataset) -> Self {
        let mut dates = Self::default();
        for row in dataset.rows("meetings") {
            let Some(d) = date("meetings", row, "date") else {
                continue;
            };
            if let Some(id) = text("meetings", row, "meeting_id") {
                dates.meeting.insert(id, d);
            }
            if flag("meetings", row, "primary")
                && let Some(report) = text("meetings", row, "report_id")
            {
                dates.primary.entry(report).or_insert(d);
            }
        }
        for row in &dataset.reports {
            if let (Some(id), Some(d)) = (
                text("reports", row, "report_id"),
                date("reports", row, "published"),
            ) {
                dates.published.insert(id, d);
            }
        }
        dates
    }

    /// The date of a report: its primary meeting's, else its publication's.
    pub(crate) fn report(&self, report: &str) -> Option<PartialDate> {
        self.primary
            .get(report)
            .or_else(|| self.published.get(report))
            .copied()
    }

    /// The date of a fact of `report`: its meeting's (`meeting_id`), else the report's (see
    /// [`Dates::report`]).
    pub(crate) fn fact(&self, report: Option<&str>, meeting: Option<&str>) -> Option<PartialDate> {
        meeting
            .and_then(|m| self.meeting.get(m).copied())
            .or_else(|| report.and_then(|r| self.report(r)))
    }
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

    /// The number.
    pub(crate) fn get(self) -> f64 {
        self.0
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

/// What the source note says of the reports: how many reports of NEC meetings, and the
/// years they span.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct SourceNote {
    /// Reports of NEC meetings.
    reports: usize,
    /// The first and last year of their primary meetings (else of their publication).
    years: Option<(i32, i32)>,
}

impl SourceNote {
    /// The note of the dataset's reports.
    pub(crate) fn of(dataset: &Dataset, dates: &Dates) -> Self {
        let mut note = Self::default();
        for row in &dataset.reports {
            if text("reports", row, "kind") != Some("nec_report") {
                continue;
            }
            note.reports += 1;
            let year = text("reports", row, "report_id")
                .and_then(|r| dates.report(r))
                .map(|d| d.year());
            if let Some(year) = year {
                note.years = Some(match note.years {
                    Some((first, last)) => (first.min(year), last.max(year)),
                    None => (year, year),
                });
            }
        }
        note
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

/// The years in which some report was published or had its primary meeting.
pub(crate) fn reported_years(dataset: &Dataset, dates: &Dates) -> BTreeSet<i32> {
    dataset
        .reports
        .iter()
        .filter_map(|row| text("reports", row, "report_id"))
        .flat_map(|r| [dates.primary.get(r), dates.published.get(r)])
        .flatten()
        .map(|d| d.year())
        .collect()
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
