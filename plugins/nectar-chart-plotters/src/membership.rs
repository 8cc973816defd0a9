//! `membership`: Labour's membership as reported to the NEC, over time.

use std::collections::{BTreeMap, BTreeSet};

use nectar_model::{PartialDate, Qualifier};
use nectar_registry::{Chart, ChartError, Dataset, Svg};

use crate::data::{Dates, Number, SourceNote, date, flag, num, qualifier, text, year_position};
use crate::draw::{
    HEIGHT, Page, Swatch, listing, month_year, number, palette, plural, qualified,
    qualifier_colour, qualifier_legend, span_of_dates, value_label,
};
use crate::timeline::{self, SOLID_GAP, TimePoint, runs};

/// Membership over time: one point for each (date, value) that a report states in its own
/// text (the `figures` of metric `membership`), at its `as_of` date, else its meeting's, else
/// the report's publication; marked by its qualifier (exact, over, about, under), labelled
/// with its value, and a line through them (through the mean where reports give different
/// figures for one date), dashed across a gap of more than two years. Figures quoted in
/// readers' comments are left out and counted in the source note.
#[derive(Debug, Clone, Copy, Default)]
pub struct Membership;

/// The chart's title.
pub const TITLE: &str = "Labour membership as reported to the NEC";

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
    fn render(&self, dataset: &Dataset) -> Result<Svg, ChartError> {
        const F: &str = "figures";
        let dates = Dates::of(dataset);
        // Each (date, value) once, with the most exact qualifier any report gives it.
        let mut by_date: BTreeMap<(PartialDate, Number), Qualifier> = BTreeMap::new();
        let mut reports = BTreeSet::new();
        let (mut from_comments, mut undated) = (0, 0);
        for row in &dataset.figures {
            if text(F, row, "metric") != Some("membership")
                || text(F, row, "unit").is_some_and(|u| u != "count")
            {
                continue;
            }
            if flag(F, row, "from_comment") {
                from_comments += 1;
                continue;
            }
            let report = text(F, row, "report_id");
            let Some(value) = num(F, row, "value") else {
                continue;
            };
            let Some(when) =
                date(F, row, "as_of").or_else(|| dates.fact(report, text(F, row, "meeting_id")))
            else {
                undated += 1;
                continue;
            };
            reports.insert(report.unwrap_or_default());
            let q = qualifier(text(F, row, "qualifier"));
            let kept = by_date.entry((when, Number::new(value))).or_insert(q);
            // Qualifiers sort exact first: the least is the most exact.
            *kept = (*kept).min(q);
        }
        let points: Vec<TimePoint> = by_date
            .into_iter()
            .map(|((date, value), q)| TimePoint {
                date,
                value: value.get(),
                qualifier: q,
                colour: qualifier_colour(q),
                label: qualified(q, &number(value.get())),
            })
            .collect();
        if points.is_empty() {
            return Err(ChartError::NothingToDraw(match (from_comments, undated) {
                (0, 0) => "no membership figures in the reports".to_owned(),
                (0, _) => "no membership figure in the reports has a date".to_owned(),
                (n, _) => format!(
                    "no membership figures in the reports' own text, only in readers' comments \
                     ({}), which are not charted",
                    plural(n, "figure", "figures")
                ),
            }));
        }
        let line = line(&points);
        let describe = |p: &TimePoint| format!("{} ({})", p.label, month_year(p.date));
        let gaps: Vec<String> = runs(&line)
            .iter()
            .filter(|(dashed, _)| *dashed)
            .map(|(_, run)| format!("{:.0} to {:.0}", run[0].0.floor(), run[1].0.floor()))
            .collect();
        let desc = format!(
            "Labour Party membership as reported to the NEC: {} from {}, {}: {}.{}{}",
            plural(points.len(), "figure", "figures"),
            plural(reports.len(), "report", "reports"),
            span_of_dates(points.iter().map(|p| p.date)),
            listing(&points, |p| p.value, describe),
            if gaps.is_empty() {
                String::new()
            } else {
                format!(
                    " No figures from {}: the line is dashed there.",
                    gaps.join(", ")
                )
            },
            if from_comments > 0 {
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
        .map(|q| {
            (
                Swatch::Marker(q, qualifier_colour(q)),
                qualifier_legend(q).to_owned(),
            )
        })
        .collect();
        if line.len() > 1 {
            legend.push((
                Swatch::Line(palette::GREY),
                "through the reports' figures (their mean where two differ)".to_owned(),
            ));
        }
        if !gaps.is_empty() {
            legend.push((
                Swatch::Dashed(palette::GREY),
                format!("no figures for over {SOLID_GAP} years"),
            ));
        }
        let mut notes = vec![format!(
            "{} Each point is a membership figure a report states in its own text, at the \
             date it describes; where reports give different figures for one date, each is \
             shown.",
            SourceNote::of(dataset, &dates).text(),
        )];
        let mut left_out = Vec::new();
        if from_comments > 0 {
            left_out.push(format!(
                "{} quoted in readers' comments below the reports",
                plural(from_comments, "figure", "figures")
            ));
        }
        if undated > 0 {
            left_out.push(format!(
                "{} without a date",
                plural(undated, "figure", "figures")
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
