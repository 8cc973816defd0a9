//! `meetings`: meetings per year, stacked by kind.

use std::collections::BTreeMap;

use nectar_model::{MeetingKind, Report};
use nectar_registry::{Chart, ChartData, ChartError, Svg};
use plotters::prelude::*;

use crate::data::{HeldMeetings, SourceNote};
use crate::draw::{
    Axis, Frame, HEIGHT, Labels, Page, SMALL_PX, Swatch, axes, failed, label_area, palette, plural,
    text_width, value_label, value_ticks, year_label, year_ticks,
};

/// Meetings per year, stacked by kind: each held meeting once however many reports mention
/// it (one date and kind is one meeting), with the year's total above its bar. Meetings only
/// scheduled, and mentions without a date, are left out and counted in the source note.
#[derive(Debug, Clone, Copy, Default)]
pub struct Meetings;

/// The chart's title.
pub const TITLE: &str = "NEC meetings per year";

/// The stacks, bottom to top: a label, a colour, and the kinds each holds.
const GROUPS: [(&str, RGBColor, &[MeetingKind]); 8] = [
    ("full NEC", palette::BLUE, &[MeetingKind::Full]),
    ("away day", palette::ORANGE, &[MeetingKind::AwayDay]),
    (
        "special or emergency",
        palette::VERMILLION,
        &[MeetingKind::Special, MeetingKind::Emergency],
    ),
    (
        "Organisation Committee",
        palette::GREEN,
        &[MeetingKind::OrganisationCommittee],
    ),
    (
        "Equalities Committee",
        palette::PURPLE,
        &[MeetingKind::EqualitiesCommittee],
    ),
    (
        "Disputes Panel",
        palette::SKY,
        &[MeetingKind::DisputesPanel],
    ),
    (
        "other committee or training",
        palette::YELLOW,
        &[MeetingKind::OtherCommittee, MeetingKind::Training],
    ),
    ("kind not stated", palette::GREY, &[MeetingKind::Unknown]),
];

fn group(kind: MeetingKind) -> usize {
    GROUPS
        .iter()
        .position(|(_, _, kinds)| kinds.contains(&kind))
        .unwrap_or(GROUPS.len() - 1)
}

/// What the chart keeps of the reports: the meetings held, without their durations.
#[derive(Debug, Clone)]
struct MeetingsData {
    /// Each held meeting once, and the mentions left out.
    held: HeldMeetings,
    /// What the source note says of the reports.
    source: SourceNote,
}

impl Chart for Meetings {
    fn start(&self) -> Box<dyn ChartData> {
        Box::new(MeetingsData {
            held: HeldMeetings::new(false),
            source: SourceNote::default(),
        })
    }
}

impl ChartData for MeetingsData {
    fn add(&mut self, report: &Report) {
        self.held.add(report);
        self.source.add(report);
    }

    fn render(&self) -> Result<Svg, ChartError> {
        let meetings = self.held.meetings();
        let (undated, scheduled) = (self.held.undated, self.held.scheduled);
        let mut years: BTreeMap<i32, [usize; GROUPS.len()]> = BTreeMap::new();
        for m in &meetings {
            years.entry(m.date.year()).or_default()[group(m.kind)] += 1;
        }
        let (Some(&first), Some(&last)) = (years.keys().next(), years.keys().next_back()) else {
            return Err(ChartError::NothingToDraw(
                "no held meetings with a date in the reports".to_owned(),
            ));
        };
        let used: Vec<usize> = (0..GROUPS.len())
            .filter(|&g| years.values().any(|counts| counts[g] > 0))
            .collect();
        let total = |counts: &[usize; GROUPS.len()]| counts.iter().sum::<usize>();
        let busiest = years
            .iter()
            .max_by_key(|(y, c)| (total(c), std::cmp::Reverse(**y)))
            .map(|(y, c)| (*y, total(c)))
            .unwrap_or((first, 0));
        let by_year: Vec<String> = years
            .iter()
            .map(|(y, c)| {
                let kinds: Vec<String> = used
                    .iter()
                    .filter(|&&g| c[g] > 0)
                    .map(|&g| format!("{} {}", c[g], GROUPS[g].0))
                    .collect();
                format!("{y}: {} ({})", total(c), kinds.join(", "))
            })
            .collect();
        let desc = format!(
            "Meetings of the NEC and its committees per year, from the reports: {} from {} to \
             {}; {}.",
            plural(meetings.len(), "meeting", "meetings"),
            first,
            last,
            if by_year.len() <= 15 {
                by_year.join("; ")
            } else {
                format!("the most in {} ({})", busiest.0, busiest.1)
            }
        );
        let mut left_out = Vec::new();
        if scheduled > 0 {
            left_out.push(format!(
                "{} of meetings still to come",
                plural(scheduled, "mention", "mentions")
            ));
        }
        if undated > 0 {
            left_out.push(format!(
                "{} without a date",
                plural(undated, "mention", "mentions")
            ));
        }
        let mut notes = vec![format!(
            "{} A meeting counts once however many \
             reports mention it (one date and kind is one meeting); a year counts only the \
             meetings the reports mention, not every meeting held.",
            self.source.text(),
        )];
        if !left_out.is_empty() {
            notes.push(format!("Not counted: {}.", left_out.join("; ")));
        }
        let page = Page {
            name: "meetings",
            title: TITLE.to_owned(),
            subtitle: "Meetings of the NEC and its committees that the reports mention, by year \
                       and kind"
                .to_owned(),
            legend: used
                .iter()
                .map(|&g| (Swatch::Block(GROUPS[g].1), GROUPS[g].0.to_owned()))
                .collect(),
            notes,
            desc,
            height: HEIGHT,
        };
        let most = years.values().map(total).max().unwrap_or(1);
        let y_ticks = value_ticks(most as f64 * 1.1 + 0.5, 8, true);
        page.render(|root, area| {
            let frame = Frame {
                x: Axis {
                    range: f64::from(first) - 0.5..f64::from(last) + 0.5,
                    ticks: year_ticks(f64::from(first), f64::from(last), 19),
                    format: &year_label,
                },
                y: Axis {
                    range: 0.0..y_ticks.last().copied().unwrap_or(1.0),
                    ticks: y_ticks.clone(),
                    format: &value_label,
                },
                left: label_area(&y_ticks, &value_label),
                right: 32,
                x_desc: None,
                grid_y: true,
            };
            let mut plot = axes(area, frame)?;
            // Bars fill most of a year's slot, but never wider than 48 pixels.
            let (xs, _) = plot.plotting_area().get_pixel_range();
            let per_year = f64::from(xs.end - xs.start) / f64::from(last - first + 1);
            let half = (0.4_f64).min(24.0 / per_year);
            for (&year, counts) in &years {
                let x = f64::from(year);
                let mut base = 0.0;
                for &g in &used {
                    if counts[g] == 0 {
                        continue;
                    }
                    let top = base + counts[g] as f64;
                    let corners = [(x - half, base), (x + half, top)];
                    plot.draw_series([
                        Rectangle::new(corners, GROUPS[g].1.filled()),
                        Rectangle::new(corners, palette::PAPER.stroke_width(1)),
                    ])
                    .map_err(failed)?;
                    base = top;
                }
            }
            // Totals above the bars, where they fit.
            let mut labels = Labels::within(&plot);
            let bar_px = (2.0 * half * per_year) as i32;
            for (&year, counts) in years.iter().rev() {
                let n = total(counts);
                let text = n.to_string();
                if text_width(&text, SMALL_PX) <= bar_px + 8 {
                    let (x, y) = plot.backend_coord(&(f64::from(year), n as f64));
                    labels.point_label(root, &text, (x, y + 4), true)?;
                }
            }
            Ok(())
        })
    }
}
