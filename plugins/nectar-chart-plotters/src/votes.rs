//! `votes`: for, against and abstaining in each counted vote.

use std::collections::{BTreeMap, HashMap};

use nectar_model::{PartialDate, VoteResult};
use nectar_registry::{Chart, ChartError, Dataset, Svg};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use crate::data::{Dates, SourceNote, num, text};
use crate::draw::{
    Axis, Frame, LABEL_PX, Page, SMALL_PX, Swatch, axes, day_month_year, extremes, failed, fit,
    font, listing, number, palette, plural, span_of_dates, text_width, value_label, value_ticks,
};

/// The counts of each counted vote as a bar: for, then against, then abstaining, one row a
/// vote in date order, labelled with its date and subject and whether it was carried. A vote
/// that several reports give (the same subject and counts of one real meeting in `claims`)
/// is drawn once; a count a report does not give is left out of its bar and said beside it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Votes;

/// The chart's title.
pub const TITLE: &str = "How close the NEC's votes were";

/// One vote's row.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Row {
    /// Undated votes last.
    undated: bool,
    date: Option<PartialDate>,
    subject: Option<String>,
    yes: Option<u32>,
    no: Option<u32>,
    abstain: Option<u32>,
    result: VoteResult,
}

impl Row {
    fn total(&self) -> u32 {
        self.yes.unwrap_or(0) + self.no.unwrap_or(0) + self.abstain.unwrap_or(0)
    }

    fn result_text(&self) -> String {
        let mut text = match self.result {
            VoteResult::Pass => "carried".to_owned(),
            VoteResult::Fail => "fell".to_owned(),
            VoteResult::Unknown => String::new(),
        };
        let missing: Vec<&str> = [(self.yes, "for"), (self.no, "against")]
            .into_iter()
            .filter(|(n, _)| n.is_none())
            .map(|(_, what)| what)
            .collect();
        if !missing.is_empty() {
            if !text.is_empty() {
                text.push_str("; ");
            }
            text.push_str(&format!("{} not given", missing.join(", ")));
        }
        text
    }

    fn date_text(&self) -> String {
        self.date.map_or("undated".to_owned(), day_month_year)
    }

    fn counts_text(&self) -> String {
        let mut parts = Vec::new();
        for (n, what) in [
            (self.yes, "for"),
            (self.no, "against"),
            (self.abstain, "abstaining"),
        ] {
            if let Some(n) = n {
                parts.push(format!("{n} {what}"));
            }
        }
        parts.join(", ")
    }
}

/// The tallest the plot grows, in pixels.
const PLOT_MOST: f64 = 780.0;

/// The least pitch a row is drawn at, in pixels: two pixel rows a vote, so that each vote is
/// a bar of its own in the tallest plot (below one pixel, plotters' whole-pixel bars merge
/// or vanish, and a reader sees nothing more of a thousand votes than of four hundred).
const MIN_PITCH: f64 = 2.0;

/// The most rows the chart draws: what fits in the tallest plot at [`MIN_PITCH`], 390. With
/// more counted votes than this, the latest are drawn (by the rows' order: by date, undated
/// votes last) and the note says how many of how many; the words count every vote.
const MOST_ROWS: usize = (PLOT_MOST / MIN_PITCH) as usize;

/// The `<desc>`: every counted vote in words (`all`, drawn or not), listing them when there
/// are a dozen or fewer. `all` is sorted.
fn words(all: &[&Row]) -> String {
    let carried = all.iter().filter(|r| r.result == VoteResult::Pass).count();
    let fell = all.iter().filter(|r| r.result == VoteResult::Fail).count();
    // Of equals, the first in order.
    let pick = |better: &dyn Fn(&Row, &Row) -> bool| {
        all.iter()
            .copied()
            .fold(None, |kept: Option<&Row>, r| match kept {
                Some(k) if !better(r, k) => Some(k),
                _ => Some(r),
            })
    };
    let gap = |r: &Row| Some(r.yes?.abs_diff(r.no?));
    let closest = pick(&|r, k| gap(r).is_some() && (gap(k).is_none() || gap(r) < gap(k)))
        .filter(|r| gap(r).is_some())
        .map(|r| {
            format!(
                " The closest: {} to {} on {}.",
                r.yes.unwrap_or(0),
                r.no.unwrap_or(0),
                r.date_text()
            )
        })
        .unwrap_or_default();
    let listed = match (
        all.first(),
        all.last(),
        pick(&|r, k| r.total() > k.total()),
        pick(&|r, k| r.total() < k.total()),
    ) {
        (Some(first), Some(last), Some(highest), Some(lowest)) if all.len() > 12 => {
            extremes([*first, *last, highest, lowest].map(describe))
        }
        _ => listing(all, |r| f64::from(r.total()), |r| describe(r)),
    };
    format!(
        "The counts of {} at NEC meetings, {}: {carried} carried, {fell} fell.{closest} {listed}.",
        plural(all.len(), "counted vote", "counted votes"),
        span_of_dates(all.iter().filter_map(|r| r.date)),
    )
}

/// A vote as `claims` know it: its real meeting, subject and counts (else its own ID).
type VoteKey<'a> = (&'a str, &'a str, &'a str);

/// The counted votes of the dataset, in order, each as many times as the report that gives
/// it most often gives it: a vote that two reports give (the same subject and counts of one
/// real meeting in `claims`) is one vote; two votes of one report with the same counts are
/// two.
fn rows(dataset: &Dataset) -> Vec<Row> {
    const V: &str = "votes";
    const C: &str = "claims";
    let dates = Dates::of(dataset);
    // Each vote's claim: its real meeting, subject and counts.
    let claims: HashMap<&str, (&str, &str, &str)> = dataset
        .rows(C)
        .iter()
        .filter(|row| text(C, row, "property") == Some("vote"))
        .filter_map(|row| {
            Some((
                text(C, row, "fact_id")?,
                (
                    text(C, row, "nec_meeting_id")?,
                    text(C, row, "subject").unwrap_or(""),
                    text(C, row, "value")?,
                ),
            ))
        })
        .collect();
    // By vote: its row, and how many times each report gives it.
    let mut votes: BTreeMap<VoteKey, (Row, BTreeMap<&str, usize>)> = BTreeMap::new();
    for row in &dataset.votes {
        let count = |column: &str| num(V, row, column).map(|n| n as u32);
        let (yes, no) = (count("yes"), count("no"));
        if yes.is_none() && no.is_none() {
            continue;
        }
        let (Some(id), report) = (text(V, row, "vote_id"), text(V, row, "report_id")) else {
            continue;
        };
        let date = dates.fact(report, text(V, row, "meeting_id"));
        let drawn = Row {
            undated: date.is_none(),
            date,
            subject: text(V, row, "subject")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
            yes,
            no,
            abstain: count("abstain"),
            result: text(V, row, "result")
                .and_then(VoteResult::from_name)
                .unwrap_or(VoteResult::Unknown),
        };
        let key = claims.get(id).copied().unwrap_or((id, "", ""));
        let (kept, by_report) = votes
            .entry(key)
            .or_insert_with(|| (drawn.clone(), BTreeMap::new()));
        // Of the reports' rows of one vote, the first in order is drawn.
        if drawn < *kept {
            *kept = drawn;
        }
        *by_report.entry(report.unwrap_or_default()).or_default() += 1;
    }
    let mut rows: Vec<Row> = votes
        .into_values()
        .flat_map(|(row, by_report)| {
            let n = by_report.values().copied().max().unwrap_or(1);
            std::iter::repeat_n(row, n)
        })
        .collect();
    rows.sort();
    rows
}

/// A vote in words for the `<desc>`: date, subject (cut), counts and result.
fn describe(r: &Row) -> String {
    let subject = r
        .subject
        .as_deref()
        .map_or(String::new(), |s| format!(", {}", fit(s, 260, SMALL_PX)));
    let result = r.result_text();
    format!(
        "{}{subject}: {}{}",
        r.date_text(),
        r.counts_text(),
        if result.is_empty() {
            String::new()
        } else {
            format!(" ({result})")
        }
    )
}

/// The rows' pitch in pixels: 26 each, shrinking so that the plot stays under
/// [`PLOT_MOST`] pixels.
fn pitch(n: usize) -> f64 {
    (PLOT_MOST / n as f64).min(26.0)
}

const FOR: RGBColor = palette::BLUE;
const AGAINST: RGBColor = palette::VERMILLION;
const ABSTAIN: RGBColor = RGBColor(0xBB, 0xBB, 0xBB);

/// Where the plot starts: the label column (date, then subject) is left of it.
const PLOT_LEFT: i32 = 392;
const SUBJECT_LEFT: i32 = 24 + 92;
/// Room right of the plot for `carried`, `fell`.
const RIGHT: i32 = 170;

impl Chart for Votes {
    fn render(&self, dataset: &Dataset) -> Result<Svg, ChartError> {
        let every_row = rows(dataset);
        let all_rows: Vec<&Row> = every_row.iter().collect();
        // The latest, as many as fit.
        let rows = &all_rows[all_rows.len().saturating_sub(MOST_ROWS)..];
        if rows.is_empty() {
            return Err(ChartError::NothingToDraw(
                "no counted votes in the reports".to_owned(),
            ));
        }
        let n = rows.len();
        let all = all_rows.len();
        let pitch = pitch(n);
        // Label every row, or every k-th when rows are too close to read.
        let every = (14.0 / pitch).ceil().max(1.0) as usize;
        let mut desc = words(&all_rows);
        let mut notes = vec![format!(
            "{} Counts as the reports give them; a vote that several reports give is shown \
             once; a count a report leaves out is left out of its bar.",
            SourceNote::of(dataset, &Dates::of(dataset)).text()
        )];
        let mut subtitle =
            "Votes for, against and abstaining in each counted vote, by meeting date".to_owned();
        if n < all {
            desc.push_str(&format!(
                " The chart draws the latest {}.",
                number(n as f64)
            ));
            notes.push(format!(
                "The latest {} of {} counted votes are drawn (undated votes last), so that \
                 each is a bar of at least {MIN_PITCH} pixels; the description counts them all.",
                number(n as f64),
                number(all as f64)
            ));
            subtitle = format!(
                "Votes for, against and abstaining in the latest {} counted votes, by meeting \
                 date",
                number(n as f64)
            );
        }
        if every > 1 {
            notes.push(format!(
                "{} votes: one in {every} labelled, so that labels do not overlap.",
                number(n as f64)
            ));
        }
        let mut page = Page {
            name: "votes",
            title: TITLE.to_owned(),
            subtitle,
            legend: [
                (FOR, "for", true),
                (AGAINST, "against", true),
                (
                    ABSTAIN,
                    "abstaining",
                    rows.iter().any(|r| r.abstain.is_some_and(|a| a > 0)),
                ),
            ]
            .into_iter()
            .filter(|(_, _, shown)| *shown)
            .map(|(colour, label, _)| (Swatch::Block(colour), label.to_owned()))
            .collect(),
            notes,
            desc,
            height: 0,
        };
        let plot_height = (pitch * n as f64).round() as u32;
        page.height = page.chrome_height() + plot_height;
        let most = rows.iter().map(|r| r.total()).max().unwrap_or(1);
        let x_ticks = value_ticks(f64::from(most), 9, true);
        page.render(|root, area| {
            let frame = Frame {
                x: Axis {
                    range: 0.0..x_ticks.last().copied().unwrap_or(1.0),
                    ticks: x_ticks.clone(),
                    format: &value_label,
                },
                y: Axis {
                    range: 0.0..n as f64,
                    ticks: Vec::new(),
                    format: &value_label,
                },
                left: PLOT_LEFT - 16,
                right: RIGHT,
                x_desc: Some("votes"),
                grid_y: false,
            };
            let mut plot = axes(area, frame)?;
            let (gap, text_inside) = if pitch >= 6.0 {
                (0.15, pitch >= 16.0)
            } else {
                (0.0, false)
            };
            for (i, row) in rows.iter().enumerate() {
                // Row 0 at the top.
                let (y0, y1) = ((n - i - 1) as f64 + gap, (n - i) as f64 - gap);
                let mut at = 0.0;
                for (count, colour, ink) in [
                    (row.yes, FOR, palette::PAPER),
                    (row.no, AGAINST, palette::PAPER),
                    (row.abstain, ABSTAIN, palette::INK),
                ] {
                    let Some(count) = count.filter(|&c| c > 0) else {
                        continue;
                    };
                    let end = at + f64::from(count);
                    plot.draw_series([Rectangle::new([(at, y0), (end, y1)], colour.filled())])
                        .map_err(failed)?;
                    if text_inside {
                        let (left, mid) = plot.backend_coord(&(at, (y0 + y1) / 2.0));
                        let (right, _) = plot.backend_coord(&(end, y0));
                        let text = count.to_string();
                        if text_width(&text, SMALL_PX) + 6 <= right - left {
                            root.draw_text(
                                &text,
                                &font(SMALL_PX, ink, HPos::Center, VPos::Center),
                                ((left + right) / 2, mid),
                            )
                            .map_err(failed)?;
                        }
                    }
                    at = end;
                }
                if !i.is_multiple_of(every) {
                    continue;
                }
                let (end, mid) = plot.backend_coord(&(at, (y0 + y1) / 2.0));
                let label = font(LABEL_PX, palette::INK, HPos::Left, VPos::Center);
                root.draw_text(&row.date_text(), &label, (24, mid))
                    .map_err(failed)?;
                let width = PLOT_LEFT - 12 - SUBJECT_LEFT;
                match &row.subject {
                    Some(s) => {
                        root.draw_text(&fit(s, width, LABEL_PX), &label, (SUBJECT_LEFT, mid))
                    }
                    None => root.draw_text(
                        "(subject not stated)",
                        &font(LABEL_PX, palette::GREY, HPos::Left, VPos::Center),
                        (SUBJECT_LEFT, mid),
                    ),
                }
                .map_err(failed)?;
                if pitch >= 12.0 {
                    let text = row.result_text();
                    root.draw_text(
                        &fit(&text, RIGHT - 12, SMALL_PX),
                        &font(SMALL_PX, palette::MUTED, HPos::Left, VPos::Center),
                        (end + 6, mid),
                    )
                    .map_err(failed)?;
                }
            }
            Ok(())
        })
    }
}
