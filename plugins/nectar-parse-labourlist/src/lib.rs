//! The `labourlist` source parser: NEC reports published on LabourList.
//!
//! Saved from the site, the text usually lacks the title, the date and the byline (a sidecar
//! supplies them: see the README); it has headings on lines of their own (`Leader’s report`,
//! `Membership`), dates without a year (`November 24th`), and ends with a `More from LabourList`
//! list of unrelated headlines.
//!
//! ```
//! use nectar_model::Document;
//! use nectar_registry::SourceParser;
//! use nectar_parse_labourlist::LabourList;
//!
//! let page = "The NEC met on July 16th. It was a long day for the party.\nLeader’s report\nJeremy Corbyn gave the leader’s report.\n\
//!     More from LabourList\nSome other story\n";
//! let mut doc = Document::from_text("a.txt", page);
//! doc.source.url = Some("https://labourlist.org/2019/07/nec-report/".into());
//! let report = LabourList.parse(&doc).unwrap();
//! assert_eq!(report.primary_meeting().unwrap().date.as_ref().unwrap().date.to_string(), "2019-07-16");
//! assert_eq!(report.agenda_items[0].heading, "Leader’s report");
//! assert!(!report.body.slice(page).unwrap().contains("Some other story"));
//! ```
#![deny(missing_docs)]

use nectar_extract::layout;
use nectar_model::{Document, ParserInfo, Report};
use nectar_registry::{ParseError, SourceParser, register_parser};

/// The LabourList parser.
#[derive(Debug, Clone, Copy, Default)]
pub struct LabourList;

/// The parser's registered name.
pub const NAME: &str = "labourlist";

const SIGNATURES: &[&str] = &["More from LabourList", "LabourList", "labourlist.org"];

impl SourceParser for LabourList {
    fn detect(&self, doc: &Document) -> f32 {
        let mut score = layout::signature_confidence(&doc.text, SIGNATURES);
        if doc.text.contains("More from LabourList") {
            score += 0.3;
        }
        score.min(1.0)
    }

    fn parse(&self, doc: &Document) -> Result<Report, ParseError> {
        let info = ParserInfo {
            name: NAME.into(),
            version: env!("CARGO_PKG_VERSION").into(),
            confidence: self.detect(doc),
        };
        Ok(nectar_extract::extract(
            doc,
            &layout::read_page(&doc.text),
            info,
        ))
    }
}

register_parser! {
    name: NAME,
    description: "LabourList articles: headings on their own lines, dates without years, related-articles trailer.",
    publisher: "LabourList",
    signatures: SIGNATURES,
    url_patterns: &["labourlist.org"],
    parser: &LabourList,
}
