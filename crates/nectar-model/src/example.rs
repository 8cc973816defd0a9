//! A small report read from a text written for nectar's documentation (not a real report), for
//! the examples and tests of nectar's crates and of third-party exporters and charts.
//!
//! ```
//! let report = nectar_model::example::report();
//! assert_eq!(report.report_id, "generic-2015-03-03-aa7394bb");
//! assert_eq!(report.meetings[0].date.as_ref().unwrap().date.to_string(), "2015-03-03");
//! ```

use crate::Report;

/// The example report as JSON, as nectar writes it.
pub const REPORT_JSON: &str = include_str!("example.json");

/// The example report.
pub fn report() -> Report {
    #[allow(clippy::expect_used)]
    serde_json::from_str(REPORT_JSON).expect("the example report is valid JSON of a Report")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_example_report_reads_back_and_is_consistent() {
        let report = super::report();
        assert_eq!(report.source, "generic");
        assert!(!report.meetings.is_empty());
    }
}
