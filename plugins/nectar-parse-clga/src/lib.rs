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
//! use nectar_parse_clga::{Clga, SIGNATURES};
//!
//! let page = "From Jo Bird and Ann Black, CLP representatives supported by the Centre-Left Grassroots Alliance. Also published on example.org\n\
//!     NEC Report – May 2016\nThe NEC met on Tuesday 17th May. Membership was over 400,000.\n";
//! let doc = Document::from_text("a.txt", page);
//! assert!(Clga.detect(&doc, SIGNATURES) >= 0.5);
//! let layout = Clga.layout(&doc).unwrap();
//! let authors: Vec<_> = layout.authors.iter().map(|a| &page[a.start..a.end]).collect();
//! assert_eq!(authors, ["Jo Bird", "Ann Black"]);
//! let title = layout.title.unwrap();
//! assert_eq!(&page[title.start..title.end], "NEC Report – May 2016");
//! ```
#![deny(missing_docs)]

/// What a caller needs besides the parser: the document it reads, the layout and report it
/// gives, and their spans.
pub use nectar_model::{Document, Layout, Report, Span};
pub use nectar_registry::{ParseError, SourceParser};

use nectar_registry::{register_parser, signature_confidence};

/// The CLGA parser.
#[derive(Debug, Clone, Copy, Default)]
pub struct Clga;

/// The parser's registered name.
pub const NAME: &str = "clga";

impl Clga {
    /// Reads a report from a page laid out as the CLGA's site's, whatever detection would choose: the
    /// facts with their quotes, as `nectar parse --source clga` gives them.
    pub fn parse(&self, doc: &Document) -> Result<Report, ParseError> {
        nectar_registry::parse_as(NAME, doc)
    }
}

/// Text that marks a CLGA report.
pub const SIGNATURES: &[&str] = &[
    "Centre-Left Grassroots Alliance",
    "grassrootslabour",
    "CLP representatives",
    "Also published on",
];

impl SourceParser for Clga {
    /// The common page: the author line is a byline, the month title a title.
    fn layout(&self, doc: &Document) -> Result<Layout, ParseError> {
        Ok(nectar_page::read_page(&doc.text))
    }

    /// The signatures, in the opening lines only: deep in a body they are only mentions.
    fn detect(&self, doc: &Document, signatures: &[&str]) -> f32 {
        signature_confidence(nectar_page::head(&doc.text, 600), signatures)
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
