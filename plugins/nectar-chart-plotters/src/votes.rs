//! `votes`: for, against and abstaining in each counted vote.
//!
//! What the chart keeps does not grow with the rows it draws: it draws at most [`MOST_ROWS`]
//! (the latest), keeps those rows and a [`Tally`] of every vote for the words, and of each
//! distinct vote only a fingerprint and a count (see [`VotesData::most`]).

use std::collections::{BTreeMap, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};

use nectar_model::{PartialDate, Report, VoteResult};
use nectar_registry::{Chart, ChartData, ChartError, Svg};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use crate::data::{SourceNote, vote_date};
use crate::draw::{
    Axis, Frame, LABEL_PX, Page, SMALL_PX, Swatch, axes, day_month_year, extremes, failed, fit,
    font, listing, number, palette, plural, span_of_dates, text_width, value_label, value_ticks,
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
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

/// What the chart says of every counted vote, whether drawn or not, kept as the votes come:
/// how many, how many carried and fell, the span of their dates, and the rows the words name
/// (first, last, highest, lowest and closest, each as the drawing of every vote would have
/// it: of equals, the first in the rows' order).
#[derive(Debug, Clone, Default)]
struct Tally {
    /// Counted votes, each as many times as one report gives it.
    votes: usize,
    /// Of them, carried.
    carried: usize,
    /// Of them, fell.
    fell: usize,
    /// The first and last date.
    dates: Option<(PartialDate, PartialDate)>,
    /// The first row.
    first: Option<Row>,
    /// The last row.
    last: Option<Row>,
    /// The row with the most votes cast.
    highest: Option<Row>,
    /// The row with the fewest votes cast.
    lowest: Option<Row>,
    /// The row whose for and against are closest (of equals, the earliest).
    closest: Option<Row>,
}

/// Puts `row` in `slot` if the slot is empty or `better(row, kept)`.
fn keep(slot: &mut Option<Row>, row: &Row, better: impl Fn(&Row, &Row) -> bool) {
    if slot.as_ref().is_none_or(|kept| better(row, kept)) {
        *slot = Some(row.clone());
    }
}

/// How close a vote was, for the closest: the gap between for and against, then the date.
fn closeness(row: &Row) -> Option<(u32, Option<PartialDate>)> {
    Some((row.yes?.abs_diff(row.no?), row.date))
}

impl Tally {
    /// Counts `more` votes of `row`.
    fn add(&mut self, row: &Row, more: usize) {
        self.votes += more;
        match row.result {
            VoteResult::Pass => self.carried += more,
            VoteResult::Fail => self.fell += more,
            VoteResult::Unknown => {}
        }
        if let Some(date) = row.date {
            self.dates = Some(
                self.dates
                    .map_or((date, date), |(a, b)| (a.min(date), b.max(date))),
            );
        }
        keep(&mut self.first, row, |r, k| r < k);
        keep(&mut self.last, row, |r, k| r > k);
        keep(&mut self.highest, row, |r, k| {
            r.total() > k.total() || (r.total() == k.total() && r < k)
        });
        keep(&mut self.lowest, row, |r, k| {
            r.total() < k.total() || (r.total() == k.total() && r < k)
        });
        if let Some(close) = closeness(row) {
            keep(&mut self.closest, row, |r, k| {
                (Some(close), r) < (closeness(k), k)
            });
        }
    }
}

/// The latest rows, as many as are drawn: each with its count, kept to the fewest whose
/// counts reach [`MOST_ROWS`]. Rows and counts only ever grow, so a row that falls out of
/// the latest never comes back, and the rows kept are the same in whatever order they come.
#[derive(Debug, Clone, Default)]
struct Latest {
    /// The rows, with how many bars each draws.
    rows: BTreeMap<Row, usize>,
    /// The sum of their counts.
    bars: usize,
}

impl Latest {
    /// Sets `row`'s count to `n` (at least what it was), then lets go of the earliest rows
    /// that are not drawn.
    fn set(&mut self, row: Row, n: usize) {
        let was = self.rows.insert(row, n).unwrap_or(0);
        self.bars = self.bars + n - was;
        while let Some((_, &first)) = self.rows.first_key_value()
            && self.bars - first >= MOST_ROWS
        {
            self.rows.pop_first();
            self.bars -= first;
        }
    }

    /// The rows drawn, in order: the latest [`MOST_ROWS`] bars, each vote as many times as
    /// its count.
    fn drawn(&self) -> Vec<&Row> {
        let mut rows: Vec<&Row> = self
            .rows
            .iter()
            .flat_map(|(row, &n)| std::iter::repeat_n(row, n))
            .collect();
        rows.drain(..rows.len().saturating_sub(MOST_ROWS));
        rows
    }
}

/// A row's fingerprint: 64 bits of SipHash with fixed keys, the same on every run.
fn fingerprint(row: &Row) -> u64 {
    let mut hasher = DefaultHasher::new();
    row.hash(&mut hasher);
    hasher.finish()
}

/// What the chart keeps of the reports: the latest rows, a tally of every counted vote, and
/// what the source note says.
#[derive(Debug, Clone, Default)]
struct VotesData {
    /// The most times any one report gives each distinct vote, by its row's [`fingerprint`]
    /// (two votes of a meeting may well have the same counts; a vote that several reports
    /// give is one vote). Counting each vote once needs something per distinct vote; a
    /// fingerprint and a count are 12 bytes where the row, with its subject, is a hundred or
    /// more. Two distinct votes share a fingerprint with odds of about n²/2⁶⁵ (one in a
    /// billion at 150,000 votes); if they did, the lesser count would be lost.
    most: HashMap<u64, u32>,
    /// The rows drawn.
    latest: Latest,
    /// What the words say of every vote.
    tally: Tally,
    /// What the source note says of the reports.
    source: SourceNote,
}

impl VotesData {
    /// Counts `row` given `n` times by one report: the votes it adds beyond the most any
    /// report gave before.
    fn count(&mut self, row: Row, n: usize) {
        let most = self.most.entry(fingerprint(&row)).or_default();
        let was = *most as usize;
        if n <= was {
            return;
        }
        *most = u32::try_from(n).unwrap_or(u32::MAX);
        self.tally.add(&row, n - was);
        self.latest.set(row, n);
    }

    /// The `<desc>`: every counted vote in words (all of them, drawn or not), listing
    /// `drawn` when there are a dozen or fewer.
    fn words(&self, drawn: &[&Row]) -> String {
        let t = &self.tally;
        let closest = t
            .closest
            .as_ref()
            .map(|r| {
                format!(
                    " The closest: {} to {} on {}.",
                    r.yes.unwrap_or(0),
                    r.no.unwrap_or(0),
                    r.date_text()
                )
            })
            .unwrap_or_default();
        let listed = match (&t.first, &t.last, &t.highest, &t.lowest) {
            (Some(first), Some(last), Some(highest), Some(lowest)) if t.votes > 12 => {
                extremes([first, last, highest, lowest].map(describe))
            }
            _ => listing(drawn, |r| f64::from(r.total()), |r| describe(r)),
        };
        format!(
            "The counts of {} at NEC meetings, {}: {} carried, {} fell.{closest} {listed}.",
            plural(t.votes, "counted vote", "counted votes"),
            span_of_dates(t.dates.into_iter().flat_map(|(a, b)| [a, b])),
            t.carried,
            t.fell,
        )
    }
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
            self.count(row, n);
        }
    }

    fn render(&self) -> Result<Svg, ChartError> {
        let rows = self.latest.drawn();
        if rows.is_empty() {
            return Err(ChartError::NothingToDraw(
                "no counted votes in the reports".to_owned(),
            ));
        }
        let n = rows.len();
        let all = self.tally.votes;
        let pitch = pitch(n);
        // Label every row, or every k-th when rows are too close to read.
        let every = (14.0 / pitch).ceil().max(1.0) as usize;
        let mut desc = self.words(&rows);
        let mut notes = vec![format!(
            "{} Counts as the reports give them; a vote that several reports give is shown \
             once; a count a report leaves out is left out of its bar.",
            self.source.text()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Vote `i`: one of 40 subjects on one of 400 days, with counts and a result from `i`.
    fn row(i: u64) -> Row {
        let day = u32::try_from(i % 400).unwrap_or(0);
        let date = PartialDate::ymd(2010 + i32::try_from(day / 28).unwrap_or(0), 1, 1 + day % 28);
        Row {
            undated: date.is_none(),
            date,
            subject: Some(format!("subject {}", i % 40)),
            yes: Some(u32::try_from(i % 23).unwrap_or(0)),
            no: (!i.is_multiple_of(11)).then_some(u32::try_from(i % 17).unwrap_or(0)),
            abstain: None,
            result: [VoteResult::Pass, VoteResult::Fail, VoteResult::Unknown][(i % 3) as usize],
        }
    }

    /// 5,000 distinct votes in a scrambled order, some given up to three times by one report
    /// and again by others: what is kept stays within the rows drawn, and the rows drawn are
    /// the latest of all, in any order.
    #[test]
    fn keeps_no_more_rows_than_it_draws() {
        let times =
            |i: u64| 1 + usize::from(i.is_multiple_of(7)) + usize::from(i.is_multiple_of(13));
        let order = |k: u64| (k * 7919) % 5000;
        let mut data = VotesData::default();
        let mut reversed = VotesData::default();
        for k in 0..5000 {
            let i = order(k);
            data.count(row(i), times(i));
            data.count(row(i), 1);
            assert!(data.latest.rows.len() <= MOST_ROWS);
            assert!(data.latest.bars < MOST_ROWS + 3);
            let j = order(4999 - k);
            reversed.count(row(j), 1);
            reversed.count(row(j), times(j));
        }
        let mut every: Vec<(Row, usize)> = (0..5000).map(|i| (row(i), times(i))).collect();
        every.sort();
        every.dedup_by(|a, b| {
            a.0 == b.0 && {
                b.1 = b.1.max(a.1);
                true
            }
        });
        let all: Vec<&Row> = every
            .iter()
            .flat_map(|(r, n)| std::iter::repeat_n(r, *n))
            .collect();
        assert_eq!(data.tally.votes, all.len());
        assert_eq!(data.latest.drawn(), all[all.len() - MOST_ROWS..]);
        assert_eq!(reversed.latest.drawn(), data.latest.drawn());
        let carried = all.iter().filter(|r| r.result == VoteResult::Pass).count();
        assert_eq!(data.tally.carried, carried);
        assert_eq!(data.tally.first.as_ref(), all.first().copied());
        assert_eq!(data.tally.last.as_ref(), all.last().copied());
        let closest = all
            .iter()
            .filter(|r| r.yes.is_some() && r.no.is_some())
            .min_by_key(|r| (r.yes.unwrap_or(0).abs_diff(r.no.unwrap_or(0)), r.date))
            .copied();
        assert_eq!(data.tally.closest.as_ref(), closest);
        assert_eq!(reversed.words(&[]), data.words(&[]));
    }
}
