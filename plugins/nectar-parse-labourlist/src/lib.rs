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
//! use nectar_parse_labourlist::{LabourList, SIGNATURES};
//!
//! let page = "The NEC met on July 16th. It was a long day for the party.\nLeader’s report\nJeremy Corbyn gave the leader’s report.\n\
//!     More from LabourList\nSome other story\n";
//! let doc = Document::from_text("a.txt", page);
//! assert!(LabourList.detect(&doc, SIGNATURES) >= 0.5);
//! let layout = LabourList.layout(&doc).unwrap();
//! assert!(page[layout.body.start..layout.body.end].ends_with("gave the leader’s report."));
//! ```
#![deny(missing_docs)]

/// What a caller needs besides the parser: the document it reads, the layout and report it
/// gives, and their spans.
pub use nectar_model::{Document, Layout, Report, Span};
pub use nectar_registry::{ParseError, SourceParser};

use nectar_registry::{register_parser, signature_confidence};

/// The LabourList parser.
#[derive(Debug, Clone, Copy, Default)]
pub struct LabourList;

/// The parser's registered name.
pub const NAME: &str = "labourlist";

impl LabourList {
    /// Reads a report from a page laid out as LabourList's, whatever detection would choose: the
    /// facts with their quotes, as `nectar parse --source labourlist` gives them.
    pub fn parse(&self, doc: &Document) -> Result<Report, ParseError> {
        nectar_registry::parse_as(NAME, doc)
    }
}

/// Text that marks a LabourList page.
pub const SIGNATURES: &[&str] = &["More from LabourList", "LabourList", "labourlist.org"];

impl SourceParser for LabourList {
    /// The common page: its trailer (`More from ...`) is a common one.
    fn layout(&self, doc: &Document) -> Result<Layout, ParseError> {
        Ok(nectar_page::read_page(&doc.text))
    }

    /// The signatures, and more for the `More from LabourList` list that ends its pages.
    fn detect(&self, doc: &Document, signatures: &[&str]) -> f32 {
        let mut score = signature_confidence(&doc.text, signatures);
        if doc.text.contains("More from LabourList") {
            score += 0.3;
        }
        score.min(1.0)
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
