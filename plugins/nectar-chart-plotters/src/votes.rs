//! `votes`: for, against and abstaining in each counted vote.

use std::collections::BTreeMap;

use nectar_model::{PartialDate, Report, VoteResult};
use nectar_registry::{Chart, ChartData, ChartError, Svg};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use crate::data::{SourceNote, vote_date};
use crate::draw::{
    Axis, Frame, LABEL_PX, Page, SMALL_PX, Swatch, axes, day_month_year, failed, fit, font,
    listing, number, palette, plural, span_of_dates, text_width, value_label, value_ticks,
};

/// The counts of each counted vote as a bar: for, then against, then abstaining, one row a
/// vote in date order, labelled with its date and subject and whether it was carried. A vote
/// that several reports give (same date, subject and counts) is drawn once; a count a report
/// does not give is left out of its bar and said beside it.
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

/// What the chart keeps of the reports: each counted vote once, and what the source note
/// says.
#[derive(Debug, Clone, Default)]
struct VotesData {
    /// Each vote's row, and the most times any one report gives it (two votes of a meeting may
    /// well have the same counts; a vote that several reports give is one vote).
    most: BTreeMap<Row, usize>,
    /// What the source note says of the reports.
    source: SourceNote,
}

impl VotesData {
    /// Every counted vote once, in order.
    fn rows(&self) -> Vec<&Row> {
        self.most
            .iter()
            .flat_map(|(row, &n)| std::iter::repeat_n(row, n))
            .collect()
    }
}

/// The rows' pitch in pixels: 26 each, shrinking so that the plot stays under 780 pixels.
fn pitch(n: usize) -> f64 {
    (780.0 / n as f64).min(26.0)
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
    fn start(&self) -> Box<dyn ChartData> {
        Box::new(VotesData::default())
    }
}

impl ChartData for VotesData {
    fn add(&mut self, report: &Report) {
        self.source.add(report);
        let mut here: BTreeMap<Row, usize> = BTreeMap::new();
        for v in &report.votes {
            let c = v.counts;
            if c.yes.is_none() && c.no.is_none() {
                continue;
            }
            let date = vote_date(report, v);
            let row = Row {
                undated: date.is_none(),
                date,
                subject: v
                    .subject
                    .as_deref()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned),
                yes: c.yes,
                no: c.no,
                abstain: c.abstain,
                result: v.result,
            };
            *here.entry(row).or_default() += 1;
        }
        for (row, n) in here {
            let most = self.most.entry(row).or_default();
            *most = (*most).max(n);
        }
    }

    fn render(&self) -> Result<Svg, ChartError> {
        let rows = self.rows();
        if rows.is_empty() {
            return Err(ChartError::NothingToDraw(
                "no counted votes in the reports".to_owned(),
            ));
        }
        let n = rows.len();
        let pitch = pitch(n);
        // Label every row, or every k-th when rows are too close to read.
        let every = (14.0 / pitch).ceil().max(1.0) as usize;
        let carried = rows.iter().filter(|r| r.result == VoteResult::Pass).count();
        let fell = rows.iter().filter(|r| r.result == VoteResult::Fail).count();
        let closest = rows
            .iter()
            .filter(|r| r.yes.is_some() && r.no.is_some())
            .min_by_key(|r| (r.yes.unwrap_or(0).abs_diff(r.no.unwrap_or(0)), r.date))
            .map(|r| {
                format!(
                    " The closest: {} to {} on {}.",
                    r.yes.unwrap_or(0),
                    r.no.unwrap_or(0),
                    r.date_text()
                )
            })
            .unwrap_or_default();
        let describe = |r: &&Row| {
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
        };
        let desc = format!(
            "The counts of {} at NEC meetings, {}: {} carried, {} fell.{closest} {}.",
            plural(n, "counted vote", "counted votes"),
            span_of_dates(rows.iter().filter_map(|r| r.date)),
            carried,
            fell,
            listing(&rows, |r| f64::from(r.total()), describe)
        );
        let mut notes = vec![format!(
            "{} Counts as the reports give them; a vote that several reports give is shown \
             once; a count a report leaves out is left out of its bar.",
            self.source.text()
        )];
        if every > 1 {
            notes.push(format!(
                "{} votes: one in {every} labelled, so that labels do not overlap.",
                number(n as f64)
            ));
        }
        let mut page = Page {
            name: "votes",
            title: TITLE.to_owned(),
            subtitle: "Votes for, against and abstaining in each counted vote, by meeting date"
                .to_owned(),
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
