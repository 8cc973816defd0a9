//! The `generic` source parser: reads a report from any site by the layout most sites share
//! (banner, title, date line and byline near the top; body; trailer and readers' comments), then
//! extracts its facts with [`nectar_extract`]. Detection falls back to it when no specialised
//! parser is confident.
//!
//! ```
//! use nectar_model::Document;
//! use nectar_registry::SourceParser;
//!
//! let text = "NEC report – 3 March 2015\n\nThe NEC met on 3 March for five hours.\n\nShare this:\n";
//! let report = nectar_parse_generic::Generic.parse(&Document::from_text("a.txt", text)).unwrap();
//! assert_eq!(report.title.unwrap().value, "NEC report – 3 March 2015");
//! let meeting = &report.meetings[0];
//! assert_eq!(meeting.date.as_ref().unwrap().date.to_string(), "2015-03-03");
//! assert_eq!(meeting.duration.as_ref().unwrap().hours, 5.0);
//! ```
#![deny(missing_docs)]

use nectar_model::{Document, ParserInfo, Report};
use nectar_registry::{ParseError, SourceParser, register_parser};

/// The generic parser.
#[derive(Debug, Clone, Copy, Default)]
pub struct Generic;

/// The confidence the generic parser always claims: low, so any specialised parser that
/// recognises a page wins.
pub const CONFIDENCE: f32 = 0.1;

impl SourceParser for Generic {
    fn detect(&self, _doc: &Document) -> f32 {
        CONFIDENCE
    }

    fn parse(&self, doc: &Document) -> Result<Report, ParseError> {
        let layout = nectar_extract::layout::read_page(&doc.text);
        let info = ParserInfo {
            name: NAME.into(),
            version: env!("CARGO_PKG_VERSION").into(),
            confidence: CONFIDENCE,
        };
        Ok(nectar_extract::extract(doc, &layout, info))
    }
}

/// The parser's registered name.
pub const NAME: &str = "generic";

register_parser! {
    name: NAME,
    description: "Any site: title, date line, byline, body, trailer and comments by the common layout.",
    publisher: "any site",
    signatures: &[],
    url_patterns: &[],
    parser: &Generic,
}
