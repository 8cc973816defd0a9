//! The plot the time charts share: years along the bottom, values up from 0, a marker for each
//! point that says its qualifier, an optional line, and value labels that never overlap.

use std::collections::HashSet;

use nectar_model::{PartialDate, Qualifier};
use nectar_registry::ChartError;
use plotters::prelude::*;

use crate::data::year_position;
use crate::draw::{
    Area, Axis, Frame, Labels, axes, failed, label_area, label_order, marker, palette, value_ticks,
    year_label, year_ticks,
};

/// A point on a time chart.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TimePoint {
    /// The date it describes.
    pub date: PartialDate,
    /// Its value.
    pub value: f64,
    /// How exact the value is.
    pub qualifier: Qualifier,
    /// Its label on the chart (`over 512,000`).
    pub label: String,
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
    if line.len() > 1 {
        plot.draw_series(LineSeries::new(
            line.iter().copied(),
            palette::GREY.stroke_width(2),
        ))
        .map_err(failed)?;
    }
    let mut labels = Labels::within(&plot);
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
        if drawn.insert((p.qualifier, at)) {
            marker(root, p.qualifier, at, r)?;
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
