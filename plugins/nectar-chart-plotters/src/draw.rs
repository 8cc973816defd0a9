//! What every chart shares: the page (title, subtitle, legend, source note), the palette, the
//! fonts, the axes and their ticks, the markers for qualifiers, label placement that never
//! overlaps, number and date formats, and the finished SVG with its `<title>` and `<desc>`.
//!
//! Text is drawn by the SVG backend as `<text>` elements in the generic `sans-serif` family:
//! no font is read or measured, so the bytes do not depend on the machine. Widths are
//! estimated from the number of characters ([`text_width`]), generously, so that labels kept
//! apart by the estimate are apart in any common sans-serif font.

use std::ops::Range;

use nectar_model::{PartialDate, Qualifier};
use nectar_registry::{ChartError, Svg};
use plotters::coord::Shift;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The width of every chart, in pixels.
pub(crate) const WIDTH: u32 = 960;
/// The height of a chart whose height does not grow with its data.
pub(crate) const HEIGHT: u32 = 540;
/// The space around the page's content.
const MARGIN: i32 = 24;

/// The Okabe–Ito palette (Okabe and Ito, *Color Universal Design*, 2008): eight colours that
/// people with any common colour-vision deficiency can tell apart; grey for what is neutral.
pub(crate) mod palette {
    use plotters::style::RGBColor;
    /// Blue.
    pub const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
    /// Orange.
    pub const ORANGE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
    /// Sky blue.
    pub const SKY: RGBColor = RGBColor(0x56, 0xB4, 0xE9);
    /// Bluish green.
    pub const GREEN: RGBColor = RGBColor(0x00, 0x9E, 0x73);
    /// Yellow.
    pub const YELLOW: RGBColor = RGBColor(0xF0, 0xE4, 0x42);
    /// Vermillion.
    pub const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
    /// Reddish purple.
    pub const PURPLE: RGBColor = RGBColor(0xCC, 0x79, 0xA7);
    /// Neutral grey (not one of the eight: for what carries no category).
    pub const GREY: RGBColor = RGBColor(0x99, 0x99, 0x99);
    /// Text.
    pub const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
    /// Secondary text.
    pub const MUTED: RGBColor = RGBColor(0x5A, 0x5A, 0x5A);
    /// Axes.
    pub const AXIS: RGBColor = RGBColor(0x80, 0x80, 0x80);
    /// Grid lines.
    pub const GRID: RGBColor = RGBColor(0xE4, 0xE4, 0xE4);
    /// The page.
    pub const PAPER: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);
}

use palette::{AXIS, GRID, INK, MUTED, PAPER};

/// The root drawing area of a chart.
pub(crate) type Area<'b> = DrawingArea<SVGBackend<'b>, Shift>;

/// A linear axis of numbers with its ticks where we put them (plotters' own numeric axes
/// choose their ticks themselves).
#[derive(Debug, Clone)]
pub(crate) struct Ticked {
    range: Range<f64>,
    ticks: Vec<f64>,
}

impl Ranged for Ticked {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let span = self.range.end - self.range.start;
        let share = if span > 0.0 {
            (value - self.range.start) / span
        } else {
            0.5
        };
        let length = f64::from(limit.1 - limit.0);
        if length >= 0.0 {
            limit.0 + (length * share + 1e-3).floor() as i32
        } else {
            limit.0 + (length * share - 1e-3).ceil() as i32
        }
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        self.range.clone()
    }
}

/// A chart's axes: numbers on both, with ticks where we put them.
pub(crate) type Plot<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<Ticked, Ticked>>;

/// A drawing error, which is a bug: the SVG backend writes into a string.
pub(crate) fn failed<E: std::fmt::Display>(e: E) -> ChartError {
    ChartError::Draw(format!("drawing the chart failed: {e}"))
}

/// Text of `px` pixels (plotters divides font sizes by 1.24 in SVG), anchored at `pos`.
pub(crate) fn font(px: f64, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    FontDesc::new(FontFamily::SansSerif, px * 1.24, FontStyle::Normal)
        .color(&color)
        .pos(Pos::new(h, v))
}

/// Bold text of `px` pixels.
pub(crate) fn bold(px: f64, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    FontDesc::new(FontFamily::SansSerif, px * 1.24, FontStyle::Bold)
        .color(&color)
        .pos(Pos::new(h, v))
}

/// A generous estimate of the width of `text` at `px` pixels, for labels that must not
/// overlap: 0.62 em a character, as wide as a digit in the widest common sans-serif fonts
/// (DejaVu Sans: 0.64 em; Liberation Sans and Arial: 0.56 em).
pub(crate) fn text_width(text: &str, px: f64) -> i32 {
    (text.chars().count() as f64 * px * 0.62).ceil() as i32
}

/// An estimate of the width of prose (mostly lower-case letters and spaces) at `px` pixels,
/// for the legend, cut subjects and wrapped notes: 0.56 em a character.
fn prose_width(text: &str, px: f64) -> i32 {
    (text.chars().count() as f64 * px * 0.56).ceil() as i32
}

/// `text` cut to fit `width` pixels at `px`, with an ellipsis when cut.
pub(crate) fn fit(text: &str, width: i32, px: f64) -> String {
    let max = (f64::from(width) / (px * 0.56)).floor() as usize;
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

/// Words wrapped into lines of at most `max` characters.
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `1234567.0` as `1,234,567`; a fraction keeps one decimal (`6.5`).
pub(crate) fn number(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let whole = rounded.trunc().abs() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    if rounded < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    let tenth = ((rounded.abs() - whole as f64) * 10.0).round() as u64;
    if tenth > 0 {
        out.push_str(&format!(".{tenth}"));
    }
    out
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `Sep 2020` (or `2020` for a date known to the year).
pub(crate) fn month_year(date: PartialDate) -> String {
    match date.month() {
        Some(m) => format!("{} {}", MONTHS[(m as usize - 1) % 12], date.year()),
        None => date.year().to_string(),
    }
}

/// `29 Sep 2020` at the date's precision.
pub(crate) fn day_month_year(date: PartialDate) -> String {
    match date.day() {
        Some(d) => format!("{d} {}", month_year(date)),
        None => month_year(date),
    }
}

/// `1 figure`, `4 figures`.
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", number(n as f64), if n == 1 { one } else { many })
}

/// `Sep 2020 to Mar 2024`, or `Sep 2020` when all the dates are in one month.
pub(crate) fn span_of_dates(dates: impl Iterator<Item = PartialDate>) -> String {
    let dates: Vec<PartialDate> = dates.collect();
    let first = dates.iter().min().map(|d| month_year(*d));
    let last = dates.iter().max().map(|d| month_year(*d));
    match (first, last) {
        (Some(a), Some(b)) if a != b => format!("{a} to {b}"),
        (Some(a), _) => a,
        _ => String::new(),
    }
}

/// The items in words for a `<desc>`: every one when there are a dozen or fewer, else the
/// first, the last, the highest and the lowest. `items` are in time order.
pub(crate) fn listing<T>(
    items: &[T],
    value: impl Fn(&T) -> f64,
    describe: impl Fn(&T) -> String,
) -> String {
    if items.len() <= 12 {
        return items.iter().map(describe).collect::<Vec<_>>().join(", ");
    }
    let extreme = |higher: bool| {
        (0..items.len()).fold(0, |best, i| {
            let (v, b) = (value(&items[i]), value(&items[best]));
            if (higher && v > b) || (!higher && v < b) {
                i
            } else {
                best
            }
        })
    };
    extremes([
        describe(&items[0]),
        describe(&items[items.len() - 1]),
        describe(&items[extreme(true)]),
        describe(&items[extreme(false)]),
    ])
}

/// The first, last, highest and lowest of more than a dozen items, in words for a `<desc>`
/// (see [`listing`]).
pub(crate) fn extremes([first, last, highest, lowest]: [String; 4]) -> String {
    format!("first {first}, last {last}, highest {highest}, lowest {lowest}")
}

/// How a qualifier reads before a number: `over 512,000`.
pub(crate) fn qualified(q: Qualifier, text: &str) -> String {
    match q {
        Qualifier::Exact => text.to_owned(),
        Qualifier::Over => format!("over {text}"),
        Qualifier::Around => format!("about {text}"),
        Qualifier::Under => format!("under {text}"),
    }
}

/// The colour of a qualifier's marker.
pub(crate) fn qualifier_colour(q: Qualifier) -> RGBColor {
    match q {
        Qualifier::Exact => palette::BLUE,
        Qualifier::Over => palette::VERMILLION,
        Qualifier::Around => palette::GREEN,
        Qualifier::Under => palette::PURPLE,
    }
}

/// What a qualifier's marker means, for the legend.
pub(crate) fn qualifier_legend(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::Over => "over (at least)",
        Qualifier::Around => "about",
        Qualifier::Under => "under",
    }
}

/// Draws a qualifier's marker of radius `r` (5 normally, less where points crowd) centred on
/// `(x, y)`, filled with `colour`: exact a circle, over a triangle pointing up, about a
/// diamond, under a triangle pointing down.
pub(crate) fn marker(
    area: &Area,
    q: Qualifier,
    colour: RGBColor,
    (x, y): (i32, i32),
    r: i32,
) -> Result<(), ChartError> {
    let fill = colour.filled();
    let edge = PAPER.stroke_width(1);
    // The triangles' points reach a little further than the circle's edge, so that they look
    // as big.
    let (tip, half, base) = (r + 2, r + 1, r - 1);
    let shape: Vec<(i32, i32)> = match q {
        Qualifier::Exact => {
            area.draw(&Circle::new((x, y), r, fill)).map_err(failed)?;
            return area.draw(&Circle::new((x, y), r, edge)).map_err(failed);
        }
        Qualifier::Over => vec![(x, y - tip), (x + half, y + base), (x - half, y + base)],
        Qualifier::Around => vec![(x, y - half), (x + half, y), (x, y + half), (x - half, y)],
        Qualifier::Under => vec![(x, y + tip), (x + half, y - base), (x - half, y - base)],
    };
    area.draw(&Polygon::new(shape.clone(), fill))
        .map_err(failed)?;
    let mut outline = shape;
    outline.push(outline[0]);
    area.draw(&PathElement::new(outline, edge)).map_err(failed)
}

/// What a legend entry shows beside its label.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Swatch {
    /// A qualifier's marker in a colour.
    Marker(Qualifier, RGBColor),
    /// A line of this colour.
    Line(RGBColor),
    /// A dashed line of this colour.
    Dashed(RGBColor),
    /// A filled square of this colour.
    Block(RGBColor),
}

/// The page around a chart: title, subtitle, legend, source note, and the SVG's `<desc>`.
#[derive(Debug)]
pub(crate) struct Page {
    /// The chart's registered name (for the `id`s of `<title>` and `<desc>`).
    pub name: &'static str,
    /// The title, drawn at the top and written as the SVG's `<title>`.
    pub title: String,
    /// One line under the title: what is plotted, and how.
    pub subtitle: String,
    /// The legend, in order.
    pub legend: Vec<(Swatch, String)>,
    /// The source note under the chart, one paragraph an entry (wrapped to the width).
    pub notes: Vec<String>,
    /// The SVG's `<desc>`: the chart in words, with its data.
    pub desc: String,
    /// The page's height.
    pub height: u32,
}

const TITLE_PX: f64 = 20.0;
const SUBTITLE_PX: f64 = 14.0;
const LEGEND_PX: f64 = 12.0;
const NOTE_PX: f64 = 11.0;
/// The size of tick labels and labels on the data.
pub(crate) const LABEL_PX: f64 = 12.0;
/// The size of small labels on the data.
pub(crate) const SMALL_PX: f64 = 11.0;

impl Page {
    /// Where the legend's entries go: (x, y) of each, and the y below the legend.
    fn legend_layout(&self) -> (Vec<(i32, i32)>, i32) {
        let top = 72;
        if self.legend.is_empty() {
            return (Vec::new(), top);
        }
        let (mut x, mut y) = (MARGIN, top);
        let mut at = Vec::new();
        for (_, label) in &self.legend {
            let width = 22 + prose_width(label, LEGEND_PX) + 18;
            if x > MARGIN && x + width > WIDTH as i32 - MARGIN {
                x = MARGIN;
                y += 20;
            }
            at.push((x, y));
            x += width;
        }
        (at, y + 20)
    }

    /// The source note's lines, wrapped to the page.
    fn note_lines(&self) -> Vec<String> {
        let max = (f64::from(WIDTH as i32 - 2 * MARGIN) / (NOTE_PX * 0.56)) as usize;
        self.notes.iter().flat_map(|n| wrap(n, max)).collect()
    }

    /// The height of everything but the plot: header, legend, note, and the x axis of
    /// [`axes`] (for a chart whose height grows with its data).
    pub(crate) fn chrome_height(&self) -> u32 {
        let (_, top) = self.legend_layout();
        let footer = 14 + 15 * self.note_lines().len() as i32;
        (top + 6 + footer + 8 + X_AXIS_WITH_DESC) as u32
    }

    /// Draws the page, then the chart by `plot(root, area)` in the `area` left for it, and
    /// returns the SVG. `root` takes drawing in the page's pixels.
    pub(crate) fn render(
        &self,
        plot: impl FnOnce(&Area, &Area) -> Result<(), ChartError>,
    ) -> Result<Svg, ChartError> {
        let mut buf = String::new();
        {
            let root = SVGBackend::with_string(&mut buf, (WIDTH, self.height)).into_drawing_area();
            root.fill(&PAPER).map_err(failed)?;
            root.draw_text(
                &self.title,
                &bold(TITLE_PX, INK, HPos::Left, VPos::Top),
                (MARGIN, 18),
            )
            .map_err(failed)?;
            root.draw_text(
                &self.subtitle,
                &font(SUBTITLE_PX, MUTED, HPos::Left, VPos::Top),
                (MARGIN, 46),
            )
            .map_err(failed)?;
            let (at, top) = self.legend_layout();
            for ((swatch, label), &(x, y)) in self.legend.iter().zip(&at) {
                let mid = y + 7;
                match *swatch {
                    Swatch::Marker(q, c) => marker(&root, q, c, (x + 7, mid), 5)?,
                    Swatch::Line(c) => root
                        .draw(&PathElement::new(
                            vec![(x, mid), (x + 16, mid)],
                            c.stroke_width(2),
                        ))
                        .map_err(failed)?,
                    Swatch::Dashed(c) => root
                        .draw(&plotters::element::DashedPathElement::new(
                            vec![(x, mid), (x + 16, mid)],
                            4,
                            3,
                            c.stroke_width(2),
                        ))
                        .map_err(failed)?,
                    Swatch::Block(c) => root
                        .draw(&Rectangle::new(
                            [(x + 1, mid - 6), (x + 13, mid + 6)],
                            c.filled(),
                        ))
                        .map_err(failed)?,
                }
                root.draw_text(
                    label,
                    &font(LEGEND_PX, INK, HPos::Left, VPos::Center),
                    (x + 22, mid),
                )
                .map_err(failed)?;
            }
            let lines = self.note_lines();
            let bottom = self.height as i32 - 14 - 15 * lines.len() as i32;
            for (i, line) in lines.iter().enumerate() {
                root.draw_text(
                    line,
                    &font(NOTE_PX, MUTED, HPos::Left, VPos::Top),
                    (MARGIN, bottom + 6 + 15 * i as i32),
                )
                .map_err(failed)?;
            }
            let area = root.margin(top + 6, self.height as i32 - bottom, 0, 0);
            plot(&root, &area)?;
            root.present().map_err(failed)?;
        }
        Ok(finish(self.name, &buf, &self.title, &self.desc))
    }
}

/// Escapes text for XML.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Puts `<title>` and `<desc>` first in the SVG (and names them as its accessible label).
fn finish(name: &str, svg: &str, title: &str, desc: &str) -> Svg {
    let head_end = svg.find(">\n").map_or(svg.len(), |i| i + 2);
    let (head, body) = svg.split_at(head_end);
    let head = head.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-labelledby=\"{name}-title {name}-desc\" "),
        1,
    );
    Svg::new(format!(
        "{head}<title id=\"{name}-title\">{}</title>\n<desc id=\"{name}-desc\">{}</desc>\n{body}",
        escape(title),
        escape(desc)
    ))
}

/// An axis: its range, where its ticks stand, and how a tick reads.
pub(crate) struct Axis<'f> {
    /// The range shown.
    pub range: Range<f64>,
    /// The ticks (and grid lines).
    pub ticks: Vec<f64>,
    /// A tick's label.
    pub format: &'f dyn Fn(&f64) -> String,
}

/// Ticks from 0 at a round step (1, 2, 2.5 or 5 times a power of ten; whole numbers when
/// `whole`), at most `most` of them, the last at or above `max`: the axis runs from 0 to it.
pub(crate) fn value_ticks(max: f64, most: usize, whole: bool) -> Vec<f64> {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        1.0
    };
    let mut power = 1e-3;
    loop {
        for m in [1.0, 2.0, 2.5, 5.0] {
            let step: f64 = m * power;
            if whole && step.fract() != 0.0 {
                continue;
            }
            let n = (max / step).ceil();
            if n + 1.0 <= most as f64 {
                return (0..=n as i64).map(|i| i as f64 * step).collect();
            }
        }
        power *= 10.0;
    }
}

/// Year ticks for a time axis from `lo` to `hi` (in years): every year, or every 2, 5, 10, ...
/// so that at most `most` show.
pub(crate) fn year_ticks(lo: f64, hi: f64, most: usize) -> Vec<f64> {
    let (first, last) = (lo.ceil() as i64, hi.floor() as i64);
    let step = [1, 2, 5, 10, 20, 25, 50, 100]
        .into_iter()
        .find(|s| ((last - first) / s + 1) as usize <= most.max(2))
        .unwrap_or(100);
    (first..=last)
        .filter(|y| y.rem_euclid(step) == 0)
        .map(|y| y as f64)
        .collect()
}

/// A year tick's label.
pub(crate) fn year_label(y: &f64) -> String {
    format!("{}", y.round() as i64)
}

/// A value tick's label.
pub(crate) fn value_label(v: &f64) -> String {
    number(*v)
}

/// The height of the x axis's label area when it has a description.
const X_AXIS_WITH_DESC: i32 = 44;

/// How a chart's axes are laid out.
pub(crate) struct Frame<'f> {
    /// The horizontal axis.
    pub x: Axis<'f>,
    /// The vertical axis.
    pub y: Axis<'f>,
    /// The width left of the plot, for the vertical axis's labels.
    pub left: i32,
    /// The width right of the plot.
    pub right: i32,
    /// A description under the horizontal axis.
    pub x_desc: Option<&'f str>,
    /// Grid lines across the plot at the vertical axis's ticks (else at the horizontal's).
    pub grid_y: bool,
}

/// The width for the labels of these value ticks.
pub(crate) fn label_area(ticks: &[f64], format: &dyn Fn(&f64) -> String) -> i32 {
    ticks
        .iter()
        .map(|t| text_width(&format(t), LABEL_PX))
        .max()
        .unwrap_or(0)
        + 16
}

/// Builds the axes in `area` and returns the plot to draw into.
pub(crate) fn axes<'a, 'b>(area: &'a Area<'b>, frame: Frame) -> Result<Plot<'a, 'b>, ChartError> {
    let mut plot = ChartBuilder::on(area)
        .margin_left(MARGIN - 8)
        .margin_right(frame.right)
        .margin_top(8)
        .x_label_area_size(if frame.x_desc.is_some() {
            X_AXIS_WITH_DESC
        } else {
            28
        })
        .y_label_area_size(frame.left)
        .build_cartesian_2d(
            Ticked {
                range: frame.x.range,
                ticks: frame.x.ticks,
            },
            Ticked {
                range: frame.y.range,
                ticks: frame.y.ticks,
            },
        )
        .map_err(failed)?;
    let mut mesh = plot.configure_mesh();
    if frame.grid_y {
        mesh.disable_x_mesh();
    } else {
        mesh.disable_y_mesh();
    }
    mesh.bold_line_style(GRID.stroke_width(1))
        .light_line_style(TRANSPARENT)
        .axis_style(AXIS.stroke_width(1))
        .set_all_tick_mark_size(4)
        .label_style(font(LABEL_PX, MUTED, HPos::Center, VPos::Center))
        .axis_desc_style(font(LABEL_PX, MUTED, HPos::Center, VPos::Center))
        .x_label_formatter(frame.x.format)
        .y_label_formatter(frame.y.format);
    if let Some(desc) = frame.x_desc {
        mesh.x_desc(desc);
    }
    mesh.draw().map_err(failed)?;
    Ok(plot)
}

/// A box in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rect {
    /// Left.
    pub x0: i32,
    /// Top.
    pub y0: i32,
    /// Right.
    pub x1: i32,
    /// Bottom.
    pub y1: i32,
}

impl Rect {
    fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    fn inside(&self, o: &Rect) -> bool {
        o.x0 <= self.x0 && self.x1 <= o.x1 && o.y0 <= self.y0 && self.y1 <= o.y1
    }
}

/// Boxes filed by the square cells of a grid they touch, so that asking whether a box
/// overlaps any of them looks only at the boxes near it (a chart of 100,000 points places
/// labels among 100,000 markers). The answers are those of checking every box.
#[derive(Debug, Default)]
struct RectSet {
    cells: std::collections::HashMap<(i32, i32), Vec<Rect>>,
}

impl RectSet {
    /// The side of a cell, in pixels.
    const CELL: i32 = 32;

    /// The cells a box touches, its edges included: two boxes that overlap share one.
    fn cells_of(r: &Rect) -> impl Iterator<Item = (i32, i32)> {
        let span =
            |a: i32, b: i32| a.min(b).div_euclid(Self::CELL)..=a.max(b).div_euclid(Self::CELL);
        let ys = span(r.y0, r.y1);
        span(r.x0, r.x1).flat_map(move |cx| ys.clone().map(move |cy| (cx, cy)))
    }

    fn push(&mut self, r: Rect) {
        for cell in Self::cells_of(&r) {
            self.cells.entry(cell).or_default().push(r);
        }
    }

    fn overlaps_any(&self, r: &Rect) -> bool {
        Self::cells_of(r).any(|cell| {
            self.cells
                .get(&cell)
                .is_some_and(|rs| rs.iter().any(|t| t.overlaps(r)))
        })
    }
}

/// A line segment in pixels, from one end to the other.
pub(crate) type Segment = ((i32, i32), (i32, i32));

/// Whether the segment `(a, b)` passes through the box `r` or touches it (Liang–Barsky
/// clipping against the box grown by half a pixel, for the width of a one-pixel line).
pub(crate) fn crosses(r: &Rect, (a, b): Segment) -> bool {
    let (x0, y0) = (f64::from(a.0), f64::from(a.1));
    let (dx, dy) = (f64::from(b.0) - x0, f64::from(b.1) - y0);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-dx, x0 - (f64::from(r.x0) - 0.5)),
        (dx, f64::from(r.x1) + 0.5 - x0),
        (-dy, y0 - (f64::from(r.y0) - 0.5)),
        (dy, f64::from(r.y1) + 0.5 - y0),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

/// Segments filed by the cells of a grid their bounding boxes touch, as [`RectSet`] files
/// boxes.
#[derive(Debug, Default)]
struct SegmentSet {
    cells: std::collections::HashMap<(i32, i32), Vec<Segment>>,
}

impl SegmentSet {
    fn bounds(((ax, ay), (bx, by)): Segment) -> Rect {
        Rect {
            x0: ax.min(bx),
            y0: ay.min(by),
            x1: ax.max(bx),
            y1: ay.max(by),
        }
    }

    fn push(&mut self, s: Segment) {
        for cell in RectSet::cells_of(&Self::bounds(s)) {
            self.cells.entry(cell).or_default().push(s);
        }
    }

    fn crosses_any(&self, r: &Rect) -> bool {
        let grown = Rect {
            x0: r.x0 - 1,
            y0: r.y0 - 1,
            x1: r.x1 + 1,
            y1: r.y1 + 1,
        };
        RectSet::cells_of(&grown).any(|cell| {
            self.cells
                .get(&cell)
                .is_some_and(|ss| ss.iter().any(|&s| crosses(r, s)))
        })
    }
}

/// Places labels so that none overlaps another, leaves the plot, or crosses a line or a
/// gridline: a label that does not fit is left out. Put the labels that matter most first.
#[derive(Debug)]
pub(crate) struct Labels {
    bounds: Rect,
    taken: RectSet,
    markers: RectSet,
    lines: SegmentSet,
}

impl Labels {
    /// No label yet, within the plot's pixels.
    pub(crate) fn within(plot: &Plot) -> Self {
        let (xs, ys) = plot.plotting_area().get_pixel_range();
        Self {
            bounds: Rect {
                x0: xs.start,
                y0: ys.start,
                x1: xs.end,
                y1: ys.end,
            },
            taken: RectSet::default(),
            markers: RectSet::default(),
            lines: SegmentSet::default(),
        }
    }

    /// Notes a line drawn through `points` (pixels), which labels never cross.
    pub(crate) fn line(&mut self, points: &[(i32, i32)]) {
        for pair in points.windows(2) {
            self.lines.push((pair[0], pair[1]));
        }
    }

    /// Notes the gridlines across the plot at the ticks of the vertical axis (`horizontal`)
    /// or of the horizontal one, which labels never cross.
    pub(crate) fn grid(&mut self, plot: &Plot, ticks: &[f64], horizontal: bool) {
        let b = self.bounds;
        for &t in ticks {
            let (x, y) = plot.backend_coord(&(t, t));
            self.lines.push(if horizontal {
                ((b.x0, y), (b.x1, y))
            } else {
                ((x, b.y0), (x, b.y1))
            });
        }
    }

    /// Notes a marker of radius `r` at `(x, y)`, which later labels avoid unless told to
    /// cover markers.
    pub(crate) fn mark(&mut self, (x, y): (i32, i32), r: i32) {
        let r = r + 2;
        self.markers.push(Rect {
            x0: x - r,
            y0: y - r,
            x1: x + r,
            y1: y + r,
        });
    }

    /// Where a label of `w` × `h` pixels may go by the point `(x, y)`, best first: centred
    /// above it, below it (shifted sideways to stay in the plot), right or left of it; then
    /// the same a little further out, step by step, to clear lines and gridlines.
    fn places(&self, (x, y): (i32, i32), w: i32, h: i32) -> Vec<Rect> {
        let centred = (x - w / 2).clamp(self.bounds.x0, (self.bounds.x1 - w).max(self.bounds.x0));
        let mut at = Vec::new();
        for step in 0..8 {
            let d = 4 * step;
            at.extend([
                (centred, y - 9 - h - d),
                (centred, y + 9 + d),
                (x + 9, y - h / 2 - d),
                (x - 9 - w, y - h / 2 - d),
                (x + 9, y - h / 2 + d),
                (x - 9 - w, y - h / 2 + d),
            ]);
        }
        let mut rects: Vec<Rect> = at
            .into_iter()
            .map(|(x0, y0)| Rect {
                x0,
                y0,
                x1: x0 + w,
                y1: y0 + h,
            })
            .collect();
        rects.dedup();
        rects
    }

    /// Draws `text` by the point `(x, y)` in the first place (see [`Labels::places`]) that
    /// stays in the plot, covers no other label and no marker, and crosses no line; failing
    /// that, if `over_markers`, in the first that may cover markers. Returns whether it was
    /// drawn.
    pub(crate) fn point_label(
        &mut self,
        root: &Area,
        text: &str,
        (x, y): (i32, i32),
        over_markers: bool,
    ) -> Result<bool, ChartError> {
        let w = text_width(text, SMALL_PX) + 4;
        let h = SMALL_PX as i32 + 3;
        let places = self.places((x, y), w, h);
        let passes: &[bool] = if over_markers {
            &[false, true]
        } else {
            &[false]
        };
        for &cover in passes {
            let free = places.iter().copied().find(|r| {
                r.inside(&self.bounds)
                    && !self.taken.overlaps_any(r)
                    && (cover || !self.markers.overlaps_any(r))
                    && !self.lines.crosses_any(r)
            });
            if let Some(r) = free {
                self.taken.push(r);
                root.draw(&Rectangle::new(
                    [(r.x0, r.y0), (r.x1, r.y1)],
                    PAPER.mix(0.85).filled(),
                ))
                .map_err(failed)?;
                root.draw_text(
                    text,
                    &font(SMALL_PX, INK, HPos::Center, VPos::Center),
                    ((r.x0 + r.x1) / 2, r.y0 + h / 2),
                )
                .map_err(failed)?;
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// The order to label points in, and how many lead it: the last, the first, the highest and
/// the lowest lead (at most four; fewer when they coincide); the rest follow from left to
/// right. `values` are in time order.
pub(crate) fn label_order(values: &[f64]) -> (Vec<usize>, usize) {
    let n = values.len();
    if n == 0 {
        return (Vec::new(), 0);
    }
    let by = |better: fn(f64, f64) -> bool| {
        (0..n).fold(0, |best, i| {
            if better(values[i], values[best]) {
                i
            } else {
                best
            }
        })
    };
    let mut order = vec![n - 1, 0, by(|a, b| a > b), by(|a, b| a < b)];
    let mut seen = vec![false; n];
    order.retain(|&i| !std::mem::replace(&mut seen[i], true));
    let leading = order.len();
    order.extend((0..n).filter(|&i| !seen[i]));
    (order, leading)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        assert_eq!(number(366604.0), "366,604");
        assert_eq!(number(512000.0), "512,000");
        assert_eq!(number(6.5), "6.5");
        assert_eq!(number(0.0), "0");
        assert_eq!(number(1000.0), "1,000");
        assert_eq!(number(999.0), "999");
    }

    #[test]
    fn ticks_are_round_and_few() {
        assert_eq!(
            value_ticks(560000.0, 8, false),
            [0.0, 1e5, 2e5, 3e5, 4e5, 5e5, 6e5]
        );
        assert_eq!(value_ticks(1.0, 6, true), [0.0, 1.0]);
        assert_eq!(value_ticks(7.0, 6, true), [0.0, 2.0, 4.0, 6.0, 8.0]);
        assert_eq!(value_ticks(0.0, 6, true), [0.0, 1.0]);
        assert_eq!(year_ticks(2020.0, 2021.0, 12), [2020.0, 2021.0]);
        assert_eq!(
            year_ticks(2007.0, 2026.0, 12),
            [
                2008.0, 2010.0, 2012.0, 2014.0, 2016.0, 2018.0, 2020.0, 2022.0, 2024.0, 2026.0
            ]
        );
        assert_eq!(year_ticks(1900.0, 2026.0, 12).len(), 7);
    }

    #[test]
    fn long_text_is_cut_to_fit() {
        assert_eq!(fit("short", 200, 11.0), "short");
        let cut = fit(&"word ".repeat(40), 100, 11.0);
        assert!(
            cut.ends_with('…') && prose_width(&cut, 11.0) <= 100,
            "{cut}"
        );
    }

    #[test]
    fn a_segment_crosses_a_box_it_passes_through_or_touches() {
        let r = Rect {
            x0: 10,
            y0: 10,
            x1: 30,
            y1: 20,
        };
        assert!(crosses(&r, ((0, 15), (40, 15))), "straight through");
        assert!(crosses(&r, ((0, 0), (40, 30))), "diagonally");
        assert!(crosses(&r, ((15, 12), (16, 13))), "inside");
        assert!(crosses(&r, ((0, 20), (40, 20))), "along its edge");
        assert!(!crosses(&r, ((0, 22), (40, 22))), "below");
        assert!(!crosses(&r, ((0, 0), (8, 30))), "left of it");
        assert!(!crosses(&r, ((0, 8), (12, 0))), "past its corner");
    }

    #[test]
    fn labels_go_last_first_extremes_then_in_order() {
        assert_eq!(label_order(&[3.0, 9.0, 1.0, 5.0]), (vec![3, 0, 1, 2], 4));
        assert_eq!(label_order(&[9.0, 5.0, 7.0, 1.0]), (vec![3, 0, 1, 2], 2));
        assert_eq!(label_order(&[4.0]), (vec![0], 1));
        assert_eq!(label_order(&[]), (vec![], 0));
    }
}
