//! `membership`: Labour's membership as reported to the NEC, over time.

use std::collections::BTreeMap;

use nectar_model::{PartialDate, Qualifier, Report, Unit};
use nectar_registry::{Chart, ChartData, ChartError, Svg};

use crate::data::{Number, SourceNote, by_value, figure_date, year_position};
use crate::draw::{
    HEIGHT, Page, Swatch, listing, month_year, number, palette, plural, qualified,
    qualifier_legend, span_of_dates, value_label,
};
use crate::timeline::{self, TimePoint};

/// Membership over time: one point for each (as-of date, value) that a report states in its
/// own text, marked by its qualifier (exact, over, about, under) and labelled with its value,
/// and a line through them (through the mean where reports give different figures for one
/// date; both points show). Figures quoted in readers' comments are left out and counted in
/// the source note.
#[derive(Debug, Clone, Copy, Default)]
pub struct Membership;

/// The chart's title.
pub const TITLE: &str = "Labour membership as reported to the NEC";

/// What the chart keeps of the reports: each point once, and counts for the notes.
#[derive(Debug, Clone, Default)]
struct MembershipData {
    /// One per (date, value): the value and the most exact qualifier any report gives it.
    points: BTreeMap<(PartialDate, Number), (f64, Qualifier)>,
    /// How many reports give the points.
    reports: usize,
    /// Membership figures quoted in readers' comments (not drawn).
    from_comments: usize,
    /// Membership figures without a date (not drawn).
    undated: usize,
    /// What the source note says of the reports.
    source: SourceNote,
}

/// The line: through each date's figure, or the mean of its figures where reports differ.
fn line(points: &[TimePoint]) -> Vec<(f64, f64)> {
    let mut line: Vec<(f64, f64, usize)> = Vec::new();
    for p in points {
        let x = year_position(p.date);
        match line.last_mut() {
            Some((lx, sum, n)) if *lx == x => {
                *sum += p.value;
                *n += 1;
            }
            _ => line.push((x, p.value, 1)),
        }
    }
    line.into_iter()
        .map(|(x, sum, n)| (x, sum / n as f64))
        .collect()
}

impl Chart for Membership {
    fn start(&self) -> Box<dyn ChartData> {
        Box::new(MembershipData::default())
    }
}

impl ChartData for MembershipData {
    fn add(&mut self, report: &Report) {
        self.source.add(report);
        let mut gives = false;
        for f in &report.figures {
            if f.metric != "membership" || f.unit != Unit::Count {
                continue;
            }
            if f.from_comment {
                self.from_comments += 1;
                continue;
            }
            let Some(date) = figure_date(report, f) else {
                self.undated += 1;
                continue;
            };
            gives = true;
            // Qualifiers sort exact first, so the least of a (date, value) is the most exact.
            let point = (f.value, f.qualifier);
            self.points
                .entry((date, Number::new(f.value)))
                .and_modify(|p| {
                    if by_value(&point, p).is_lt() {
                        *p = point;
                    }
                })
                .or_insert(point);
        }
        self.reports += usize::from(gives);
    }

    fn render(&self) -> Result<Svg, ChartError> {
        let points: Vec<TimePoint> = self
            .points
            .iter()
            .map(|(&(date, _), &(value, qualifier))| TimePoint {
                date,
                value,
                qualifier,
                label: qualified(qualifier, &number(value)),
            })
            .collect();
        if points.is_empty() {
            return Err(ChartError::NothingToDraw(
                match (self.from_comments, self.undated) {
                    (0, 0) => "no membership figures in the reports".to_owned(),
                    (0, _) => "no membership figure in the reports has a date".to_owned(),
                    (n, _) => format!(
                        "no membership figures in the reports' own text, only in readers' comments \
                     ({}), which are not charted",
                        plural(n, "figure", "figures")
                    ),
                },
            ));
        }
        let describe = |p: &TimePoint| format!("{} ({})", p.label, month_year(p.date));
        let desc = format!(
            "Labour Party membership as reported to the NEC: {} from {}, {}: {}.{}",
            plural(points.len(), "figure", "figures"),
            plural(self.reports, "report", "reports"),
            span_of_dates(points.iter().map(|p| p.date)),
            listing(&points, |p| p.value, describe),
            if self.from_comments > 0 {
                " Figures quoted in readers' comments are not shown."
            } else {
                ""
            }
        );
        let mut legend: Vec<(Swatch, String)> = [
            Qualifier::Exact,
            Qualifier::Over,
            Qualifier::Around,
            Qualifier::Under,
        ]
        .into_iter()
        .filter(|q| points.iter().any(|p| p.qualifier == *q))
        .map(|q| (Swatch::Marker(q), qualifier_legend(q).to_owned()))
        .collect();
        let line = line(&points);
        if line.len() > 1 {
            legend.push((
                Swatch::Line(palette::GREY),
                "through the reports' figures (their mean where two differ)".to_owned(),
            ));
        }
        let mut notes = vec![format!(
            "{} Each point is a membership figure a \
             report states in its own text, at the date it describes; where reports give \
             different figures for one date, each is shown.",
            self.source.text(),
        )];
        let mut left_out = Vec::new();
        if self.from_comments > 0 {
            left_out.push(format!(
                "{} quoted in readers' comments below the reports",
                plural(self.from_comments, "figure", "figures")
            ));
        }
        if self.undated > 0 {
            left_out.push(format!(
                "{} without a date",
                plural(self.undated, "figure", "figures")
            ));
        }
        if !left_out.is_empty() {
            notes.push(format!("Not shown: {}.", left_out.join("; ")));
        }
        let page = Page {
            name: "membership",
            title: TITLE.to_owned(),
            subtitle: "Party members, by the date each figure describes".to_owned(),
            legend,
            notes,
            desc,
            height: HEIGHT,
        };
        page.render(|root, area| timeline::draw(root, area, &points, &line, &value_label))
    }
}
