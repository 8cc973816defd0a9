//! nectar's charts, drawn with [plotters](https://docs.rs/plotters)' SVG backend: pictures of
//! the dataset to put in an article. Four charts, each registered as its own plugin:
//!
//! | chart | shows |
//! |---|---|
//! | `membership` | [`Membership`]: membership as reported to the NEC, over time |
//! | `meetings` | [`Meetings`]: meetings per year, stacked by kind |
//! | `durations` | [`Durations`]: how long meetings ran, over time, coloured by kind |
//! | `votes` | [`Votes`]: for, against and abstaining in each counted vote |
//!
//! They live in one crate because they share everything but their data: the page, the
//! palette (Okabe–Ito, safe for colour-blind readers), the axes and year ticks, the markers
//! for qualifiers, the placing of labels so that none overlaps another even at a thousand
//! points nor crosses the data line or a gridline, and the `<title>` and `<desc>` of every SVG.
//!
//! Each chart draws the [`Dataset`](nectar_registry::Dataset) that `nectar build` makes once
//! every report is read: `meetings` counts the real meetings (`nec_meetings`, each once
//! however many reports mention it), `durations` draws the meetings' `duration` claims,
//! `membership` the reports' membership `figures`, and `votes` the reports' `votes`, a vote
//! that two reports give once.
//!
//! The output is hermetic: plotters is built without `ttf`, so no system font is read and
//! text is written as `<text>` elements in the `sans-serif` family; the data is sorted and
//! nothing depends on the time or the machine, so the same dataset gives byte-identical SVG
//! everywhere. When the reports hold nothing a chart shows, it says so with
//! [`ChartError::NothingToDraw`](nectar_registry::ChartError::NothingToDraw) instead of drawing an empty chart.
//!
//! ```
//! use nectar_model::Report;
//! use nectar_registry::{Chart, ChartError, Dataset};
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
//! let dataset = Dataset::of([&report]);
//!
//! let svg = nectar_chart_plotters::Membership.render(&dataset).unwrap();
//! assert!(svg.as_str().contains("<title id=\"membership-title\">"));
//! assert!(svg.as_str().contains("560,000"));
//!
//! // The report has no votes: the votes chart says so rather than drawing nothing.
//! let err = nectar_chart_plotters::Votes.render(&dataset).unwrap_err();
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
    description: "How long meetings ran, over time, coloured by kind, marked exact, over or about.",
    chart: &Durations,
}

register_chart! {
    name: "votes",
    description: "For, against and abstaining in each counted vote, labelled by date and subject.",
    chart: &Votes,
}
