//! The `generic` source parser: reads a report from any site by the layout most sites share
//! (banner, title, date line and byline near the top; body; trailer), with `nectar-page`'s
//! common reader and nothing of any one site. Detection falls back to it when no site's parser
//! is confident. It reads no readers' comments: their styles are the sites' own.
//!
//! ```
//! use nectar_model::Document;
//! use nectar_registry::SourceParser;
//!
//! let text = "NEC report – 3 March 2015\n\nThe NEC met on 3 March for five hours.\n\nShare this:\n";
//! let layout = nectar_parse_generic::Generic.layout(&Document::from_text("a.txt", text)).unwrap();
//! let at = |s: nectar_model::Span| &text[s.start..s.end];
//! assert_eq!(at(layout.title.unwrap()), "NEC report – 3 March 2015");
//! assert_eq!(at(layout.body), "The NEC met on 3 March for five hours.");
//! ```
#![deny(missing_docs)]

/// What a caller needs besides the parser: the document it reads, the layout and report it
/// gives, and their spans.
pub use nectar_model::{Document, Layout, Report, Span};
pub use nectar_registry::{ParseError, SourceParser};

use nectar_registry::register_parser;

/// The generic parser.
#[derive(Debug, Clone, Copy, Default)]
pub struct Generic;

/// The confidence the generic parser always claims: low, so any specialised parser that
/// recognises a page wins.
pub const CONFIDENCE: f32 = 0.1;

impl SourceParser for Generic {
    fn layout(&self, doc: &Document) -> Result<Layout, ParseError> {
        Ok(nectar_page::read_page(&doc.text))
    }

    fn detect(&self, _doc: &Document, _signatures: &[&str]) -> f32 {
        CONFIDENCE
    }
}

/// The parser's registered name.
pub const NAME: &str = "generic";

impl Generic {
    /// Reads a report from a page laid out as any site (the page read as a title and a report)'s, whatever detection would choose: the
    /// facts with their quotes, as `nectar parse --source generic` gives them.
    pub fn parse(&self, doc: &Document) -> Result<Report, ParseError> {
        nectar_registry::parse_as(NAME, doc)
    }
}

register_parser! {
    name: NAME,
    description: "Any site: title, date line, byline, body and trailer by the common layout; no comments.",
    publisher: "any site",
    signatures: &[],
    url_patterns: &[],
    parser: &Generic,
}
