//! The `typepad` source parser: blogs on Typepad (`*.typepad.com`).
//!
//! A Typepad post is the common page (blog name and tagline, a `« previous | Main | next »`
//! bar, the title, a `Posted DATE | Filed under: ...` line, the body), then `N Responses to
//! “TITLE”` and the comments, each under a header line `NAME | DATE at TIME`, and a footer with
//! `TrackBack URL for this entry` and `Powered by TypePad`.
//!
//! ```
//! use nectar_model::Document;
//! use nectar_registry::SourceParser;
//! use nectar_parse_typepad::{SIGNATURES, Typepad};
//!
//! let page = "Jo’s Labour Diary\n\nThe March NEC\n\nPosted 4 March 2008 | Filed under: NEC\n\n\
//!     The NEC met yesterday and agreed the budget after a long debate.\n\n\
//!     1 Response to “The March NEC”\n\nSam Smith | 5 March 2008 at 10:14 pm\nGood report.\n\n\
//!     Leave a comment\n\nTrackBack URL for this entry\nPowered by TypePad\n";
//! let doc = Document::from_text("a.txt", page);
//! assert!(Typepad.detect(&doc, SIGNATURES) >= 0.5);
//! let layout = Typepad.layout(&doc).unwrap();
//! let at = |s: nectar_model::Span| &page[s.start..s.end];
//! assert_eq!(at(layout.comments[0].author.unwrap()), "Sam Smith");
//! assert_eq!(at(layout.comments[0].text), "Good report.");
//! assert!(!at(layout.body).contains("Response"));
//! ```
#![deny(missing_docs)]

/// What a caller needs besides the parser: the document it reads, the layout and report it
/// gives, and their spans.
pub use nectar_model::{Document, Layout, Report, Span};
pub use nectar_registry::{ParseError, SourceParser};

use nectar_page::{Comments, Site};
use nectar_registry::register_parser;
use nectar_text::Line;

/// The Typepad parser.
#[derive(Debug, Clone, Copy, Default)]
pub struct Typepad;

/// The parser's registered name.
pub const NAME: &str = "typepad";

impl Typepad {
    /// Reads a report from a page laid out as a Typepad blog's, whatever detection would choose: the
    /// facts with their quotes, as `nectar parse --source typepad` gives them.
    pub fn parse(&self, doc: &Document) -> Result<Report, ParseError> {
        nectar_registry::parse_as(NAME, doc)
    }
}

/// Text that marks a Typepad page: its footer.
pub const SIGNATURES: &[&str] = &["Powered by TypePad", "TrackBack URL for this entry"];

/// What Typepad adds to the common page: its comments.
pub const SITE: Site = Site {
    trailer: &[],
    clutter: &[],
    comments: Some(comments),
};

/// Typepad's comments: a header line with the name and the time above the text.
fn comments(text: &str, lines: &[Line]) -> Comments {
    nectar_page::headed_comments(text, lines, &SITE)
}

impl SourceParser for Typepad {
    fn layout(&self, doc: &Document) -> Result<Layout, ParseError> {
        Ok(nectar_page::read_page_with(&doc.text, &SITE))
    }
}

register_parser! {
    name: NAME,
    description: "Typepad blogs: the common page, and readers' comments under a name and time line.",
    publisher: "Typepad (typepad.com)",
    signatures: SIGNATURES,
    url_patterns: &["typepad.com"],
    parser: &Typepad,
}
