//! The `clga` source parser: reports by the NEC's Centre-Left Grassroots Alliance members.
//!
//! Their first line names the authors and the alliance, and says where else the report
//! appears (`From NAME and NAME ... Also published on SITE`). A title naming one month or
//! several follows (`NEC Report – May 2016`), then paragraphs one per line, often covering
//! several meetings.
//!
//! ```
//! use nectar_model::Document;
//! use nectar_registry::SourceParser;
//! use nectar_parse_clga::Clga;
//!
//! let page = "From Jo Bird and Ann Black, CLP representatives supported by the Centre-Left Grassroots Alliance. Also published on example.org\n\
//!     NEC Report – May 2016\nThe NEC met on Tuesday 17th May. Membership was over 400,000.\n";
//! let doc = Document::from_text("a.txt", page);
//! assert!(Clga.detect(&doc) >= 0.5);
//! let report = Clga.parse(&doc).unwrap();
//! let authors: Vec<_> = report.authors.iter().map(|a| a.value.as_str()).collect();
//! assert_eq!(authors, ["Jo Bird", "Ann Black"]);
//! assert_eq!(report.primary_meeting().unwrap().date.as_ref().unwrap().date.to_string(), "2016-05-17");
//! ```
#![deny(missing_docs)]

use nectar_extract::layout;
use nectar_model::{Document, ParserInfo, Report};
use nectar_registry::{ParseError, SourceParser, register_parser};

/// The CLGA parser.
#[derive(Debug, Clone, Copy, Default)]
pub struct Clga;

/// The parser's registered name.
pub const NAME: &str = "clga";

const SIGNATURES: &[&str] = &[
    "Centre-Left Grassroots Alliance",
    "grassrootslabour",
    "CLP representatives",
    "Also published on",
];

impl SourceParser for Clga {
    fn detect(&self, doc: &Document) -> f32 {
        // The signatures stand in the opening lines; deep in a body they are only mentions.
        layout::signature_confidence(layout::head(&doc.text, 600), SIGNATURES)
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
    description: "Centre-Left Grassroots Alliance reports: author line, month title, several meetings.",
    publisher: "Centre-Left Grassroots Alliance",
    signatures: SIGNATURES,
    url_patterns: &["grassrootslabour.net", "clga"],
    parser: &Clga,
}
