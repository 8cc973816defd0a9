//! nectar's dataset across reports: what no single report can say.
//!
//! Each report gives its own rows (`nectar_tables::rows`). Once every report has been read,
//! a [`Collector`] that saw them all makes the tables of [`Scope::Dataset`]:
//! - `nec_meetings`: each real meeting once, merged from every report that mentions it (the
//!   same kind of body on the same day or days; a mention of only a month joins the one
//!   meeting of that month it can be), with `meetings.nec_meeting_id` linking each mention;
//! - `claims`: every value reports give for what they can disagree on (a meeting's date and
//!   duration, the party's membership, a vote's counts), ranked and compared as intervals;
//! - `persons`: one row per person, with their aliases and, from the people data, their dated
//!   roles.
//!
//! The collector reads rows, so it makes the same dataset from reports as they are read
//! ([`Collector::add`]) and from tables written before ([`Collector::add_rows`], for
//! `nectar merge` of shards).
//!
//! ```
//! use nectar_dataset::Collector;
//! let report = nectar_model::example::report();
//! let mut collector = Collector::default();
//! collector.add(&report);
//! let dataset = collector.finish();
//! let meetings = dataset.rows("nec_meetings");
//! assert_eq!(meetings.len(), 1);
//! assert_eq!(meetings[0][0], nectar_tables::Cell::Str("nec-2015-03-03".into()));
//! ```
#![deny(missing_docs)]

mod claims;
mod copies;
mod meetings;
mod persons;

use std::collections::HashSet;

use nectar_model::{PartialDate, Report};
use nectar_tables::{Cell, Row, Scope, TABLES, Table, table_index};

/// The tables the collector reads rows of; rows of the others are not needed.
pub const READS: &[&str] = &["reports", "meetings", "figures", "votes", "people"];

/// Gathers the rows the dataset is made from, report by report or table by table.
#[derive(Debug, Default, Clone)]
pub struct Collector {
    /// Rows by table, in the order of [`READS`].
    rows: [Vec<Row>; 5],
}

impl Collector {
    /// Takes a report's rows.
    pub fn add(&mut self, report: &Report) {
        let mut tables = nectar_tables::rows(report);
        for (i, name) in READS.iter().enumerate() {
            if *name == "meetings" {
                self.rows[i].extend(nectar_tables::meeting_rows(report));
            } else {
                self.rows[i].append(&mut tables[table_index(name)]);
            }
        }
    }

    /// Takes rows of the table `name` as nectar wrote them (one cell per column of the
    /// table); rows of a table the dataset does not read are ignored. A row whose key was
    /// seen before (the same report in two shards' outputs) is kept once.
    pub fn add_rows(&mut self, name: &str, rows: impl IntoIterator<Item = Row>) {
        if let Some(i) = READS.iter().position(|n| *n == name) {
            self.rows[i].extend(rows);
        }
    }

    /// Makes the dataset's tables.
    pub fn finish(mut self) -> Dataset {
        for (i, name) in READS.iter().enumerate() {
            dedup(&TABLES[table_index(name)], &mut self.rows[i]);
        }
        let [reports, mut meetings, figures, votes, people] = self.rows;
        let reports = Rows::new("reports", reports);
        let copies = copies::find(&reports);
        let figures = Rows::new("figures", figures);
        let votes = Rows::new("votes", votes);
        let linked = meetings::link(
            &reports,
            &Rows::new("meetings", meetings.clone()),
            &votes,
            &figures,
        );
        let at = col("meetings", "nec_meeting_id");
        for (row, id) in meetings.iter_mut().zip(&linked.links) {
            row[at] = id.clone().map_or(Cell::Null, Cell::Str);
        }
        let meetings = Rows::new("meetings", meetings);
        let claims = claims::claims(&linked, &meetings, &figures, &votes, &copies);
        let nec_meetings = meetings::rows(&linked, &meetings, &claims, &copies);
        let persons = persons::rows(&Rows::new("people", people));
        let mut tables = vec![Vec::new(); TABLES.len()];
        tables[table_index("meetings")] = meetings.rows;
        tables[table_index("nec_meetings")] = nec_meetings;
        tables[table_index("claims")] = claims.into_iter().map(|c| c.row).collect();
        tables[table_index("persons")] = persons;
        tables[table_index("copies")] = copies
            .iter()
            .map(|(copy, of)| vec![Cell::Str(copy.clone()), Cell::Str(of.clone())])
            .collect();
        // The charts count a copy's facts once: as the first report's.
        let original = |rows: &Rows, row: &Row| {
            rows.str(row, "report_id")
                .is_none_or(|r| !copies.contains_key(r))
        };
        let figures_drawn = figures
            .rows
            .iter()
            .filter(|r| original(&figures, r))
            .cloned()
            .collect();
        let votes_drawn = votes
            .rows
            .iter()
            .filter(|r| original(&votes, r))
            .cloned()
            .collect();
        Dataset {
            tables,
            reports: reports.rows,
            figures: figures_drawn,
            votes: votes_drawn,
        }
    }
}

/// Keeps the first row of each primary key.
fn dedup(table: &Table, rows: &mut Vec<Row>) {
    let key: Vec<usize> = table
        .primary_key
        .iter()
        .filter_map(|k| table.column(k))
        .collect();
    let mut seen = HashSet::new();
    rows.retain(|row| {
        let k: Vec<String> = key.iter().map(|&i| row[i].to_text()).collect();
        seen.insert(k)
    });
}

/// The dataset's tables, and the rows of the reports' tables that charts draw.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// Rows by table, in the order of [`TABLES`]; the tables of [`Scope::Report`] empty.
    tables: Vec<Vec<Row>>,
    /// Every report's row of `reports`.
    pub reports: Vec<Row>,
    /// Every report's rows of `figures`, but a copy's (see the table `copies`).
    pub figures: Vec<Row>,
    /// Every report's rows of `votes`, but a copy's.
    pub votes: Vec<Row>,
}

impl Dataset {
    /// The dataset of some reports (for tests and small programs; a run collects the reports
    /// as it reads them).
    pub fn of<'a>(reports: impl IntoIterator<Item = &'a Report>) -> Self {
        let mut collector = Collector::default();
        for r in reports {
            collector.add(r);
        }
        collector.finish()
    }

    /// The rows of the dataset's table `name` (`nec_meetings`, `claims`, `persons`,
    /// `meetings`); none for a table of [`Scope::Report`] or a name that is no table.
    pub fn rows(&self, name: &str) -> &[Row] {
        TABLES
            .iter()
            .position(|t| t.name == name)
            .and_then(|i| self.tables.get(i))
            .map_or(&[], Vec::as_slice)
    }

    /// Each table of [`Scope::Dataset`] with its rows, in the order of [`TABLES`].
    pub fn tables(&self) -> impl Iterator<Item = (&'static Table, &[Row])> {
        TABLES
            .iter()
            .enumerate()
            .filter(|(_, t)| t.scope == Scope::Dataset)
            .map(|(i, t)| (t, self.tables.get(i).map_or(&[][..], Vec::as_slice)))
    }
}

/// The index of column `column` of table `table`.
///
/// # Panics
/// When there is no such column: a misspelt name in this crate.
fn col(table: &str, column: &str) -> usize {
    TABLES[table_index(table)]
        .column(column)
        .unwrap_or_else(|| panic!("no column {table}.{column}"))
}

/// A table's rows, read by column name.
#[derive(Debug)]
struct Rows {
    table: &'static str,
    rows: Vec<Row>,
}

impl Rows {
    fn new(table: &'static str, rows: Vec<Row>) -> Self {
        Self { table, rows }
    }

    fn cell<'a>(&self, row: &'a Row, column: &str) -> &'a Cell {
        &row[col(self.table, column)]
    }

    fn str<'a>(&self, row: &'a Row, column: &str) -> Option<&'a str> {
        match self.cell(row, column) {
            Cell::Str(s) => Some(s),
            _ => None,
        }
    }

    fn num(&self, row: &Row, column: &str) -> Option<f64> {
        match self.cell(row, column) {
            Cell::Num(n) => Some(*n),
            Cell::Int(i) => Some(*i as f64),
            _ => None,
        }
    }

    fn date(&self, row: &Row, column: &str) -> Option<PartialDate> {
        match self.cell(row, column) {
            Cell::Date(d) => Some(*d),
            Cell::Str(s) => s.parse().ok(),
            _ => None,
        }
    }

    fn bool(&self, row: &Row, column: &str) -> bool {
        matches!(self.cell(row, column), Cell::Bool(true))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        nectar_model::example::report()
    }

    #[test]
    fn persons_have_one_row_each_with_their_aliases_across_reports() {
        let mut a = report();
        let mut unknown = a.people[0].clone();
        unknown.person_id = None;
        unknown.name = "Jo O’Neill-Smith".into();
        unknown.aliases = vec!["Jo".into()];
        // Its own place in the text: a report's people are keyed by where they stand.
        unknown.evidence.span.start += 1;
        a.people.push(unknown.clone());
        let mut b = report();
        b.report_id = "another".into();
        unknown.aliases = vec!["O’Neill-Smith".into()];
        b.people = vec![unknown];
        let dataset = Dataset::of([&a, &b]);
        let persons = dataset.rows("persons");
        assert_eq!(persons.len(), 2);
        assert_eq!(persons[0][0], Cell::Str("iain-mcnicol".into()));
        assert_eq!(persons[0][3], Cell::Bool(true), "curated");
        assert!(
            persons[0][5]
                .to_text()
                .starts_with("General Secretary 2011-"),
            "{:?}",
            persons[0][5]
        );
        assert_eq!(persons[0][7], Cell::Int(1));
        assert_eq!(persons[1][0], Cell::Str("jo-o-neill-smith".into()));
        assert_eq!(persons[1][2], Cell::Str("Jo; O’Neill-Smith".into()));
        assert_eq!(persons[1][3], Cell::Bool(false));
        assert_eq!(persons[1][7], Cell::Int(2));
    }
}
