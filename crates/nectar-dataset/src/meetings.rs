//! Real meetings from the reports' mentions of them.
//!
//! The rule, in three steps:
//! 1. Mentions dated to the day, of one body (the full NEC in all its forms, or one
//!    committee), are one meeting when their days overlap: the same day, or a day inside a
//!    meeting over several days (`19/20 November`).
//! 2. A mention dated only to a month or a year joins the one meeting of its body in that
//!    period its report can be about (not held after the report was published). When several
//!    can, a report of a meeting held takes the latest one before it was published; else it
//!    stays a meeting of its own, dated to the month.
//! 3. A report's meeting the text gives no day or month (`on Tuesday`, a year only) joins the
//!    one meeting whose other reports give a fact only a report of that meeting would: the
//!    same counted vote (both counts), or the same unrounded membership figure. Else it joins
//!    nothing: a year alone does not tell one meeting from another.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use nectar_model::{DateBasis, MeetingKind, PartialDate};
use nectar_tables::{Cell, Row};

use crate::Rows;
use crate::claims::Claim;

/// The meetings found: a link for each mention, and the meetings.
#[derive(Debug)]
pub(crate) struct Linked {
    /// The real meeting of each row of `meetings`, in order.
    pub links: Vec<Option<String>>,
    /// The real meetings, by ID.
    pub groups: BTreeMap<String, Group>,
}

/// A real meeting: the mentions of it.
#[derive(Debug)]
pub(crate) struct Group {
    /// Its date: the first day, or the month or year.
    pub date: PartialDate,
    /// Its last day, when over several.
    pub end: Option<NaiveDate>,
    /// Its mentions (indexes into `meetings`).
    pub members: Vec<usize>,
}

/// The body a kind of meeting is of: `nec` for the full NEC's meetings of every kind, else
/// the committee (`organisation-committee`, `committee-<name>` for one the kinds do not
/// name).
fn body(kind: &str, name: Option<&str>) -> String {
    match kind {
        "full" | "away_day" | "special" | "emergency" | "unknown" => "nec".into(),
        "other_committee" => match name.map(nectar_tables::person_slug) {
            Some(slug) if !slug.is_empty() => format!("committee-{slug}"),
            _ => "other-committee".into(),
        },
        k => k.replace('_', "-"),
    }
}

/// A mention, as the rule reads it.
struct Mention {
    row: usize,
    body: String,
    date: PartialDate,
    first: NaiveDate,
    last: NaiveDate,
    report: String,
    primary_held: bool,
}

/// The facts of a report that only a report of one meeting would give, each with the
/// meeting (`meeting_id`) it is read as part of: counted votes (`35-2`) and unrounded
/// membership figures (`m485312`).
fn fingerprints<'a>(votes: &'a Rows, figures: &'a Rows) -> Vec<(&'a str, &'a str, String)> {
    let mut out = Vec::new();
    for row in &votes.rows {
        let (Some(report), Some(yes), Some(no)) = (
            votes.str(row, "report_id"),
            votes.num(row, "yes"),
            votes.num(row, "no"),
        ) else {
            continue;
        };
        if yes + no >= 5.0 {
            let meeting = votes.str(row, "meeting_id").unwrap_or("");
            out.push((report, meeting, format!("{yes}-{no}")));
        }
    }
    for row in &figures.rows {
        let (Some(report), Some(value)) =
            (figures.str(row, "report_id"), figures.num(row, "value"))
        else {
            continue;
        };
        let exact = figures.str(row, "qualifier") == Some("exact");
        if figures.str(row, "metric") == Some("membership") && exact && value % 100.0 != 0.0 {
            let meeting = figures.str(row, "meeting_id").unwrap_or("");
            out.push((report, meeting, format!("m{value}")));
        }
    }
    out
}

/// Links every mention to its real meeting.
pub(crate) fn link(reports: &Rows, meetings: &Rows, votes: &Rows, figures: &Rows) -> Linked {
    let published: BTreeMap<&str, NaiveDate> = reports
        .rows
        .iter()
        .filter_map(|r| {
            let id = reports.str(r, "report_id")?;
            Some((id, reports.date(r, "published")?.last_day()))
        })
        .collect();
    let mut day = Vec::new();
    let mut coarse = Vec::new();
    let mut undated = Vec::new();
    for (i, row) in meetings.rows.iter().enumerate() {
        let date = meetings.date(row, "date");
        let Some(date) = date.filter(|d| d.month().is_some()) else {
            if meetings.bool(row, "primary") {
                undated.push(i);
            }
            continue;
        };
        let kind = meetings.str(row, "kind").unwrap_or("unknown");
        let end = meetings.date(row, "end_date").map(|d| d.last_day());
        let mention = Mention {
            row: i,
            body: body(kind, meetings.str(row, "body")),
            date,
            first: date.first_day(),
            last: end
                .filter(|e| *e > date.first_day())
                .unwrap_or(date.last_day()),
            report: meetings.str(row, "report_id").unwrap_or("").to_owned(),
            primary_held: meetings.bool(row, "primary")
                && meetings.str(row, "status") == Some("held"),
        };
        if date.to_naive().is_some() {
            day.push(mention);
        } else {
            coarse.push(mention);
        }
    }
    let mut links = vec![None; meetings.rows.len()];
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();

    // 1. Days that overlap, body by body.
    day.sort_by(|a, b| (&a.body, a.first, a.last, a.row).cmp(&(&b.body, b.first, b.last, b.row)));
    let mut spans: Vec<(String, NaiveDate, NaiveDate, Vec<usize>)> = Vec::new();
    for m in &day {
        match spans.last_mut() {
            Some((body, _, last, rows)) if *body == m.body && m.first <= *last => {
                *last = (*last).max(m.last);
                rows.push(m.row);
            }
            _ => spans.push((m.body.clone(), m.first, m.last, vec![m.row])),
        }
    }
    let mut by_body: BTreeMap<&str, Vec<(NaiveDate, NaiveDate, String)>> = BTreeMap::new();
    for (body, first, last, rows) in &spans {
        let id = format!("{body}-{first}");
        for &r in rows {
            links[r] = Some(id.clone());
        }
        by_body
            .entry(body)
            .or_default()
            .push((*first, *last, id.clone()));
        groups.insert(
            id,
            Group {
                date: PartialDate::from_naive(*first),
                end: (last > first).then_some(*last),
                members: rows.clone(),
            },
        );
    }

    // 2. Months and years: the one meeting they can be.
    coarse
        .sort_by(|a, b| (&a.body, a.first, a.last, a.row).cmp(&(&b.body, b.first, b.last, b.row)));
    for m in &coarse {
        let before = published.get(m.report.as_str());
        let fits: Vec<&(NaiveDate, NaiveDate, String)> = by_body
            .get(m.body.as_str())
            .into_iter()
            .flatten()
            .filter(|(first, last, _)| *first <= m.last && m.first <= *last)
            .filter(|(first, _, _)| before.is_none_or(|p| first <= p))
            .collect();
        let chosen = match (fits.as_slice(), before) {
            ([one], _) => Some(one.2.clone()),
            ([_, _, ..], Some(_)) if m.primary_held => fits.last().map(|f| f.2.clone()),
            _ => None,
        };
        let id = chosen.unwrap_or_else(|| format!("{}-{}", m.body, m.date));
        links[m.row] = Some(id.clone());
        groups
            .entry(id)
            .or_insert_with(|| Group {
                date: m.date,
                end: None,
                members: Vec::new(),
            })
            .members
            .push(m.row);
    }
    // 3. Undated reports of a meeting, by the facts they share with its other reports.
    let marks = fingerprints(votes, figures);
    let meeting_row: BTreeMap<&str, usize> = meetings
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((meetings.str(r, "meeting_id")?, i)))
        .collect();
    for &i in &undated {
        let report = meetings.str(&meetings.rows[i], "report_id").unwrap_or("");
        let mine: BTreeSet<&str> = marks
            .iter()
            .filter(|(r, _, _)| *r == report)
            .map(|(_, _, m)| m.as_str())
            .collect();
        let found: BTreeSet<&str> = marks
            .iter()
            .filter(|(r, _, m)| *r != report && mine.contains(m.as_str()))
            .filter_map(|(_, meeting, _)| meeting_row.get(meeting))
            .filter_map(|&row| links[row].as_deref())
            .collect();
        if let [one] = found.into_iter().collect::<Vec<_>>().as_slice() {
            let id = (*one).to_owned();
            if let Some(g) = groups.get_mut(&id) {
                g.members.push(i);
            }
            links[i] = Some(id);
        }
    }
    for g in groups.values_mut() {
        g.members.sort_unstable();
    }
    Linked { links, groups }
}

/// How specific a kind is: a meeting takes the most specific kind its reports give.
fn specificity(kind: &str) -> usize {
    match kind {
        "unknown" => 0,
        "full" => 1,
        _ => 2,
    }
}

/// The rows of `nec_meetings`, by ID.
pub(crate) fn rows(
    linked: &Linked,
    meetings: &Rows,
    claims: &[Claim],
    copies: &BTreeMap<String, String>,
) -> Vec<Row> {
    let mut out = Vec::new();
    for (id, g) in &linked.groups {
        let members: Vec<&Row> = g.members.iter().map(|&i| &meetings.rows[i]).collect();
        // Kind: the most specific, then the most often given, then the first by name.
        let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
        for m in &members {
            *kinds
                .entry(meetings.str(m, "kind").unwrap_or("unknown"))
                .or_default() += 1;
        }
        let kind = kinds
            .iter()
            .max_by(|a, b| {
                (specificity(a.0), a.1)
                    .cmp(&(specificity(b.0), b.1))
                    .then_with(|| b.0.cmp(a.0))
            })
            .map_or("unknown", |(k, _)| k)
            .to_owned();
        let body = members.iter().find_map(|m| meetings.str(m, "body"));
        let held = members
            .iter()
            .any(|m| meetings.str(m, "status") == Some("held"));
        // The basis of the date: the best of the mentions that give it.
        let basis = members
            .iter()
            .filter(|m| {
                meetings
                    .date(m, "date")
                    .is_some_and(|d| d.first_day() == g.date.first_day())
            })
            .filter_map(|m| meetings.str(m, "date_basis"))
            .min_by_key(|b| DateBasis::NAMES.iter().position(|n| n == b))
            .unwrap_or("text");
        let reports: BTreeSet<&str> = members
            .iter()
            .filter_map(|m| meetings.str(m, "report_id"))
            .collect();
        // A copy counts as the report it copies.
        let text = |r: &str| copies.get(r).map_or(r, String::as_str).to_owned();
        let texts: BTreeSet<String> = reports.iter().map(|r| text(r)).collect();
        let primary: BTreeSet<String> = members
            .iter()
            .filter(|m| meetings.bool(m, "primary"))
            .filter_map(|m| meetings.str(m, "report_id"))
            .map(text)
            .collect();
        let duration = claims
            .iter()
            .find(|c| c.nec_meeting == *id && c.property == "duration" && c.preferred);
        let conflicts: BTreeSet<&str> = claims
            .iter()
            .filter(|c| c.nec_meeting == *id && c.conflict)
            .map(|c| c.property)
            .collect();
        out.push(vec![
            Cell::Str(id.clone()),
            Cell::Date(g.date),
            Cell::Str(g.date.precision().as_str().into()),
            Cell::Str(basis.into()),
            g.end
                .map_or(Cell::Null, |e| Cell::Date(PartialDate::from_naive(e))),
            Cell::Str(MeetingKind::from_name(&kind).map_or(kind.clone(), |k| k.as_str().into())),
            body.map_or(Cell::Null, |b| Cell::Str(b.into())),
            Cell::Str(if held { "held" } else { "scheduled" }.into()),
            duration.map_or(Cell::Null, |d| Cell::Num(d.number.unwrap_or_default())),
            duration
                .and_then(|d| d.qualifier.clone())
                .map_or(Cell::Null, Cell::Str),
            Cell::Int(texts.len() as i64),
            Cell::Int(primary.len() as i64),
            Cell::Str(reports.into_iter().collect::<Vec<_>>().join("; ")),
            if conflicts.is_empty() {
                Cell::Null
            } else {
                Cell::Str(conflicts.into_iter().collect::<Vec<_>>().join("; "))
            },
        ]);
    }
    out
}
