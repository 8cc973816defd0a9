//! `membership`: Labour's membership as reported to the NEC, over time.

use std::collections::BTreeMap;

use nectar_model::{Metric, PartialDate, Qualifier, Report, Unit};
use nectar_registry::{Chart, ChartData, ChartError, Svg};

use crate::data::{Alike, EACH_UP_TO, Given, SourceNote, figure_date, year_position};
use crate::draw::{
    HEIGHT, Page, Swatch, listing, month_year, number, palette, plural, qualified,
    qualifier_legend, span_of_dates, value_label,
};
use crate::timeline::{self, TimePoint};

/// Membership over time: one point for each (as-of date, value) that a report states in its
/// own text, marked by its qualifier (exact, over, about, under) and labelled with its value,
/// and a line through them (through the mean where reports give different figures for one
/// date; each point shows, up to four; of more, the lowest and the highest show, the line
/// goes through the mean of all the figures given, and the note says so). Figures quoted in
/// readers' comments are left out and counted in the source note.
#[derive(Debug, Clone, Copy, Default)]
pub struct Membership;

/// The chart's title.
pub const TITLE: &str = "Labour membership as reported to the NEC";

/// What the chart keeps of the reports: each point once, and counts for the notes.
#[derive(Debug, Clone, Default)]
struct MembershipData {
    /// By date, each value given, with the most exact qualifier any report gives it (at most
    /// [`EACH_UP_TO`] values a date, else their spread: the calendar bounds what is kept).
    points: BTreeMap<PartialDate, Given>,
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
/// `means` are each date's figures as (date, sum, how many), in order.
fn line(means: &[(PartialDate, f64, usize)]) -> Vec<(f64, f64)> {
    let mut line: Vec<(f64, f64, usize)> = Vec::new();
    for &(date, value, count) in means {
        let x = year_position(date);
        match line.last_mut() {
            Some((lx, sum, n)) if *lx == x => {
                *sum += value;
                *n += count;
            }
            _ => line.push((x, value, count)),
        }
    }
    line.into_iter()
        .map(|(x, sum, n)| (x, sum / n as f64))
        .collect()
}

/// The points drawn, and what the line goes through: each figure of a date given at most
/// [`EACH_UP_TO`], one a figure; of a date given more, the lowest and highest, and the
/// mean of all it was given.
fn points_and_line(by_date: &BTreeMap<PartialDate, Given>) -> (Vec<TimePoint>, Vec<(f64, f64)>) {
    let mut points = Vec::new();
    let mut means = Vec::new();
    for (&date, given) in by_date {
        for (value, qualifier) in given.drawn() {
            points.push(TimePoint {
                date,
                value,
                qualifier,
                label: qualified(qualifier, &number(value)),
            });
            if !matches!(given, Given::Spread(_)) {
                means.push((date, value, 1));
            }
        }
        if let Given::Spread(spread) = given {
            means.push((date, spread.sum(), spread.given));
        }
    }
    (points, line(&means))
}

/// What the desc and the note say of dates given more figures than are drawn, if any.
fn spread_text(by_date: &BTreeMap<PartialDate, Given>) -> Option<String> {
    let (dates, given) = by_date
        .values()
        .filter_map(|g| match g {
            Given::Spread(s) => Some(s.given),
            Given::Each(_) => None,
        })
        .fold((0, 0), |(dates, given), n| (dates + 1, given + n));
    (dates > 0).then(|| {
        format!(
            "For {} given more than {EACH_UP_TO} different figures ({} figures in all), only \
             the lowest and the highest are shown, and the line goes through the mean of all.",
            plural(dates, "date", "dates"),
            number(given as f64)
        )
    })
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
            if f.metric != Metric::Membership || f.unit != Unit::Count {
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
            self.points
                .entry(date)
                .or_default()
                .add((f.value, f.qualifier), 1, Alike::Value);
        }
        self.reports += usize::from(gives);
    }

    fn render(&self) -> Result<Svg, ChartError> {
        let (points, line) = points_and_line(&self.points);
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
        let spread = spread_text(&self.points);
        let desc = format!(
            "Labour Party membership as reported to the NEC: {} from {}, {}: {}.{}{}",
            plural(points.len(), "figure", "figures"),
            plural(self.reports, "report", "reports"),
            span_of_dates(points.iter().map(|p| p.date)),
            listing(&points, |p| p.value, describe),
            spread.as_ref().map_or(String::new(), |s| format!(" {s}")),
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
        notes.extend(spread);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_goes_through_the_mean_of_every_figure_of_a_date() {
        let (a, b) = (PartialDate::y(2019), PartialDate::y(2020));
        let mut by_date: BTreeMap<PartialDate, Given> = BTreeMap::new();
        // 2019: ten figures, 10 given three times; 2020: two.
        for (date, value, times) in (1..=10)
            .map(|v| (a, v, if v == 10 { 3 } else { 1 }))
            .chain([(b, 5, 1), (b, 7, 2)])
        {
            by_date.entry(date).or_default().add(
                (f64::from(value), Qualifier::Exact),
                times,
                Alike::Value,
            );
        }
        let (points, line) = points_and_line(&by_date);
        let values: Vec<(PartialDate, f64)> = points.iter().map(|p| (p.date, p.value)).collect();
        assert_eq!(values, [(a, 1.0), (a, 10.0), (b, 5.0), (b, 7.0)]);
        // 2019: (1 + ... + 9 + 3 × 10) / 12; 2020: each different figure once, as before.
        assert_eq!(line, [(2019.5, 75.0 / 12.0), (2020.5, 6.0)]);
        assert!(spread_text(&by_date).is_some_and(|t| t.starts_with("For 1 date given more")));
    }
}
