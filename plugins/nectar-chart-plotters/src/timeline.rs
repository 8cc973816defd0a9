//! The plot the time charts share: years along the bottom, values up from 0, a marker for each
//! point that says its qualifier, an optional line (dashed across a gap of more than two
//! years), and value labels that never overlap each other, the line or a gridline.

use std::collections::HashSet;

use nectar_model::{PartialDate, Qualifier};
use nectar_registry::ChartError;
use plotters::prelude::*;

use crate::data::year_position;
use crate::draw::{
    Area, Axis, Frame, Labels, axes, failed, label_area, label_order, marker, palette, value_ticks,
    year_label, year_ticks,
};

/// The widest gap, in years, a solid line spans: wider gaps are dashed, since nothing is
/// known of what happened between.
pub(crate) const SOLID_GAP: f64 = 2.0;

/// A point on a time chart.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TimePoint {
    /// The date it describes.
    pub date: PartialDate,
    /// Its value.
    pub value: f64,
    /// How exact the value is (the marker's shape).
    pub qualifier: Qualifier,
    /// The marker's colour.
    pub colour: RGBColor,
    /// Its label on the chart (`over 512,000`).
    pub label: String,
}

/// The line through `line` (years, values) in runs: each run solid or, across a gap of more
/// than [`SOLID_GAP`] years, a dashed run of two points.
pub(crate) fn runs(line: &[(f64, f64)]) -> Vec<(bool, Vec<(f64, f64)>)> {
    let mut runs: Vec<(bool, Vec<(f64, f64)>)> = Vec::new();
    for pair in line.windows(2) {
        let dashed = pair[1].0 - pair[0].0 > SOLID_GAP;
        match runs.last_mut() {
            Some((false, run)) if !dashed => run.push(pair[1]),
            _ => runs.push((dashed, pair.to_vec())),
        }
    }
    runs
}

/// Draws the points (in time order) and the line through `line` (years, values) into `area`.
pub(crate) fn draw(
    root: &Area,
    area: &Area,
    points: &[TimePoint],
    line: &[(f64, f64)],
    y_format: &dyn Fn(&f64) -> String,
) -> Result<(), ChartError> {
    let xs: Vec<f64> = points.iter().map(|p| year_position(p.date)).collect();
    let min = xs.iter().copied().fold(f64::INFINITY, f64::min);
    let max = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi) = (min.floor(), max.floor() + 1.0);
    let pad = (hi - lo) * 0.02;
    let top = points.iter().map(|p| p.value).fold(0.0, f64::max);
    let y_ticks = value_ticks(top * 1.08, 8, true);
    let frame = Frame {
        x: Axis {
            range: lo - pad..hi + pad,
            ticks: year_ticks(lo, hi, 12),
            format: &year_label,
        },
        y: Axis {
            range: 0.0..y_ticks.last().copied().unwrap_or(1.0),
            ticks: y_ticks.clone(),
            format: y_format,
        },
        left: label_area(&y_ticks, y_format),
        right: 32,
        x_desc: None,
        grid_y: true,
    };
    let mut plot = axes(area, frame)?;
    let mut labels = Labels::within(&plot);
    labels.grid(&plot, &y_ticks, true);
    for (dashed, run) in runs(line) {
        let style = palette::GREY.stroke_width(2);
        if dashed {
            plot.draw_series(DashedLineSeries::new(run.iter().copied(), 6, 5, style))
        } else {
            plot.draw_series(LineSeries::new(run.iter().copied(), style))
        }
        .map_err(failed)?;
        let pixels: Vec<(i32, i32)> = run.iter().map(|p| plot.backend_coord(p)).collect();
        labels.line(&pixels);
    }
    let pixels: Vec<(i32, i32)> = xs
        .iter()
        .zip(points)
        .map(|(&x, p)| plot.backend_coord(&(x, p.value)))
        .collect();
    // Smaller markers where points crowd: more than one to every 8 pixels.
    let (xs_px, _) = plot.plotting_area().get_pixel_range();
    let r = if points.len() as i32 * 8 > xs_px.end - xs_px.start {
        3
    } else {
        5
    };
    // A marker the same as one already drawn at the same pixel adds nothing a reader can
    // see, only bytes: thousands of points crowd onto the same pixels.
    let mut drawn = HashSet::new();
    for (p, &at) in points.iter().zip(&pixels) {
        if drawn.insert((p.qualifier, p.colour.rgb(), at)) {
            marker(root, p.qualifier, p.colour, at, r)?;
            labels.mark(at, r);
        }
    }
    let values: Vec<f64> = points.iter().map(|p| p.value).collect();
    // The leading labels (last, first, highest, lowest) may cover other markers; the rest
    // may not.
    let (order, leading) = label_order(&values);
    for (rank, i) in order.into_iter().enumerate() {
        labels.point_label(root, &points[i].label, pixels[i], rank < leading)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gap_of_more_than_two_years_is_a_dashed_run() {
        let line = [(2010.5, 1.0), (2011.5, 2.0), (2014.5, 3.0), (2015.0, 4.0)];
        assert_eq!(
            runs(&line),
            [
                (false, vec![(2010.5, 1.0), (2011.5, 2.0)]),
                (true, vec![(2011.5, 2.0), (2014.5, 3.0)]),
                (false, vec![(2014.5, 3.0), (2015.0, 4.0)]),
            ]
        );
        assert!(runs(&line[..1]).is_empty());
    }
}
