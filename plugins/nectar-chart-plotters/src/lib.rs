//! nectar's charts, drawn with [plotters](https://docs.rs/plotters)' SVG backend: pictures of
//! the dataset to put in an article. Four charts, each registered as its own plugin:
//!
//! | chart | shows |
//! |---|---|
//! | `membership` | [`Membership`]: membership as reported to the NEC, over time |
//! | `meetings` | [`Meetings`]: meetings per year, stacked by kind |
//! | `durations` | [`Durations`]: how long meetings ran, over time |
//! | `votes` | [`Votes`]: for, against and abstaining in each counted vote |
//!
//! They live in one crate because they share everything but their data: the page, the
//! palette (Okabe–Ito, safe for colour-blind readers), the axes and year ticks, the markers
//! for qualifiers, the placing of labels so that none overlaps even at a thousand points,
//! and the `<title>` and `<desc>` of every SVG.
//!
//! Each chart reads the reports one at a time
//! ([`Chart::start`](nectar_registry::Chart::start), then
//! [`ChartData::add`](nectar_registry::ChartData::add) for each) and keeps only what it
//! draws: each membership figure once by date and value, each meeting once by date and kind
//! (with its durations for `durations`), the counted votes drawn, and counts for the notes. So
//! `nectar build` draws them from any number of reports without holding the reports.
//!
//! What they keep is bounded by what a reader can see and by the calendar, not by the number
//! of reports: `votes` draws at most the latest 390 votes (two pixels a bar), keeping those
//! rows, a tally of every vote for its words, and a 64-bit fingerprint and a count for each
//! distinct vote so as to count each once; a date (or meeting) given more than four
//! different figures (or durations) keeps only their lowest, highest, count and sum, and
//! draws the lowest and the highest. The notes and the `<desc>` say what was left out or
//! summarised, and a marker the same as one already drawn on the same pixel is not drawn
//! again.
//!
//! The output is hermetic: plotters is built without `ttf`, so no system font is read and
//! text is written as `<text>` elements in the `sans-serif` family; the data is sorted and
//! nothing depends on the time or the machine, so the same reports give byte-identical SVG
//! everywhere, in whatever order they are read. When the reports hold nothing a chart shows, it says so with
//! [`ChartError::NothingToDraw`](nectar_registry::ChartError::NothingToDraw) instead of drawing an empty chart.
//!
//! ```
//! use nectar_model::Report;
//! use nectar_registry::{Chart, ChartError};
//!
//! let report: Report = serde_json::from_value(serde_json::json!({
//!     "report_id": "generic-2020-09-29-00000000", "source": "generic",
//!     "document": {"path": "a.txt", "sha256": "00", "bytes": 0},
//!     "parser": {"name": "generic", "version": "0.1.0", "confidence": 1.0},
//!     "kind": "nec_report", "body": {"start": 0, "end": 0},
//!     "figures": [{
//!         "figure_id": "generic-2020-09-29-00000000/f1", "metric": "membership",
//!         "value": 560000, "unit": "count", "qualifier": "exact", "as_of": "2020-09-29",
//!         "from_comment": false, "evidence": {"span": {"start": 0, "end": 0}, "quote": ""}
//!     }]
//! })).unwrap();
//!
//! let svg = nectar_chart_plotters::Membership.render(&[report.clone()]).unwrap();
//! assert!(svg.as_str().contains("<title id=\"membership-title\">"));
//! assert!(svg.as_str().contains("560,000"));
//!
//! // The same, a report at a time, as `nectar build` draws it.
//! let mut data = nectar_chart_plotters::Membership.start();
//! data.add(&report);
//! assert_eq!(data.render(), Ok(svg));
//!
//! // The report has no votes: the votes chart says so rather than drawing nothing.
//! let err = nectar_chart_plotters::Votes.render(&[report]).unwrap_err();
//! assert_eq!(err, ChartError::NothingToDraw("no counted votes in the reports".into()));
//! ```
#![deny(missing_docs)]

mod data;
mod draw;
mod durations;
mod meetings;
mod membership;
mod timeline;
mod votes;

pub use durations::Durations;
pub use meetings::Meetings;
pub use membership::Membership;
pub use votes::Votes;

use nectar_registry::register_chart;

register_chart! {
    name: "membership",
    description: "Membership as reported to the NEC over time, marked exact, over or about; readers' comments left out.",
    chart: &Membership,
}

register_chart! {
    name: "meetings",
    description: "NEC meetings per year, stacked by kind (full, away day, special, committees, ...).",
    chart: &Meetings,
}

register_chart! {
    name: "durations",
    description: "How long meetings ran, over time, marked exact, over or about.",
    chart: &Durations,
}

register_chart! {
    name: "votes",
    description: "For, against and abstaining in each counted vote, labelled by date and subject.",
    chart: &Votes,
}
