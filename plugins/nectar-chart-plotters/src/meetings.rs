//! `meetings`: meetings per year, stacked by kind.

use std::collections::BTreeMap;

use nectar_model::MeetingKind;
use nectar_registry::{Chart, ChartError, Dataset, Svg};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use crate::data::{Dates, SourceNote, date, reported_years, text};
use crate::draw::{
    Axis, Frame, HEIGHT, Labels, Page, SMALL_PX, Swatch, axes, failed, font, label_area, palette,
    plural, text_width, value_label, value_ticks, year_label, year_ticks,
};

/// Meetings per year, stacked by kind: the real meetings held (`nec_meetings`, one row a
/// meeting however many reports mention it), with the year's total above its bar. Years
/// within the span with no report at all are shaded and labelled as unreported rather than
/// drawn as no meetings. Meetings only scheduled, and mentions without a date, are left out
/// and counted in the source note.
#[derive(Debug, Clone, Copy, Default)]
pub struct Meetings;

/// The chart's title.
pub const TITLE: &str = "NEC meetings per year";

/// The shade of a year with no report.
const UNREPORTED: RGBColor = RGBColor(0xEE, 0xEE, 0xEE);

/// The stacks, bottom to top: a label, a colour, and the kinds each holds.
pub(crate) const GROUPS: [(&str, RGBColor, &[MeetingKind]); 8] = [
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

/// The stack of a kind of meeting (an index into [`GROUPS`]).
pub(crate) fn group(kind: MeetingKind) -> usize {
    GROUPS
        .iter()
        .position(|(_, _, kinds)| kinds.contains(&kind))
        .unwrap_or(GROUPS.len() - 1)
}

impl Chart for Meetings {
    fn render(&self, dataset: &Dataset) -> Result<Svg, ChartError> {
        const M: &str = "nec_meetings";
        let dates = Dates::of(dataset);
        let mut years: BTreeMap<i32, [usize; GROUPS.len()]> = BTreeMap::new();
        let (mut held, mut scheduled) = (0, 0);
        for row in dataset.rows(M) {
            if text(M, row, "status") != Some("held") {
                scheduled += 1;
                continue;
            }
            let (Some(when), Some(kind)) = (
                date(M, row, "date"),
                text(M, row, "kind").and_then(MeetingKind::from_name),
            ) else {
                continue;
            };
            held += 1;
            years.entry(when.year()).or_default()[group(kind)] += 1;
        }
        let undated = dataset
            .rows("meetings")
            .iter()
            .filter(|row| text("meetings", row, "nec_meeting_id").is_none())
            .count();
        let (Some(&first), Some(&last)) = (years.keys().next(), years.keys().next_back()) else {
            return Err(ChartError::NothingToDraw(
                "no held meetings with a date in the reports".to_owned(),
            ));
        };
        let reported = reported_years(dataset, &dates);
        let unreported: Vec<i32> = (first..=last).filter(|y| !reported.contains(y)).collect();
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
        let mut desc = format!(
            "Meetings of the NEC and its committees per year, from the reports: {} from {} to \
             {}; {}.",
            plural(held, "meeting", "meetings"),
            first,
            last,
            if by_year.len() <= 15 {
                by_year.join("; ")
            } else {
                format!("the most in {} ({})", busiest.0, busiest.1)
            }
        );
        if !unreported.is_empty() {
            let list: Vec<String> = unreported.iter().map(i32::to_string).collect();
            desc.push_str(&format!(
                " No report of {} {}: unreported, not a year without meetings.",
                if list.len() == 1 {
                    "the year"
                } else {
                    "the years"
                },
                list.join(", ")
            ));
        }
        let mut left_out = Vec::new();
        if scheduled > 0 {
            left_out.push(format!(
                "{} still to come",
                plural(scheduled, "meeting", "meetings")
            ));
        }
        if undated > 0 {
            left_out.push(format!(
                "{} without a date",
                plural(undated, "mention", "mentions")
            ));
        }
        let mut notes = vec![format!(
            "{} A meeting counts once however many reports mention it; a year counts only the \
             meetings the reports mention, not every meeting held{}.",
            SourceNote::of(dataset, &dates).text(),
            if unreported.is_empty() {
                ""
            } else {
                "; a shaded year has no report"
            },
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
                .chain((!unreported.is_empty()).then(|| {
                    (
                        Swatch::Block(UNREPORTED),
                        "no report of the year (unreported)".to_owned(),
                    )
                }))
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
            let (xs, ys) = plot.plotting_area().get_pixel_range();
            // Years with no report: shaded over the gridlines, and named where it fits.
            for &year in &unreported {
                let x = f64::from(year);
                let (x0, _) = plot.backend_coord(&(x - 0.5, 0.0));
                let (x1, _) = plot.backend_coord(&(x + 0.5, 0.0));
                root.draw(&Rectangle::new(
                    [(x0 + 1, ys.start), (x1 - 1, ys.end)],
                    UNREPORTED.mix(0.8).filled(),
                ))
                .map_err(failed)?;
                let text = "unreported";
                if text_width(text, SMALL_PX) + 4 <= x1 - x0 {
                    root.draw_text(
                        text,
                        &font(SMALL_PX, palette::MUTED, HPos::Center, VPos::Top),
                        ((x0 + x1) / 2, ys.start + 4),
                    )
                    .map_err(failed)?;
                } else if SMALL_PX as i32 + 2 <= x1 - x0 {
                    root.draw_text(
                        text,
                        &font(SMALL_PX, palette::MUTED, HPos::Left, VPos::Center)
                            .transform(FontTransform::Rotate270),
                        ((x0 + x1) / 2, ys.start + 4 + text_width(text, SMALL_PX)),
                    )
                    .map_err(failed)?;
                }
            }
            // Bars fill most of a year's slot, but never wider than 48 pixels.
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
            labels.grid(&plot, &y_ticks, true);
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
