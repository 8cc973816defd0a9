//! An example of a third-party nectar parser: reports from *The Red Rose Review*
//! (`redrosereview.example`), an invented news site for Labour members.
//!
//! A Red Rose Review page looks like this:
//!
//! ```text
//! THE RED ROSE REVIEW — news for Labour members
//!
//! Filed: 12 March 2019
//!
//! NEC report: a long day on selections
//!
//! By Megan Ashworth
//!
//! The body, in paragraphs and short headings ...
//!
//! Support the Review: donate at redrosereview.example/donate
//! ```
//!
//! [`RedRoseReview`] implements [`nectar_registry::SourceParser`]: it says how the site lays out
//! a page. It starts from the common layout that [`nectar_page::read_page_with`] finds, with the
//! site's own trailer (its [`SITE`]), and fixes what else this site does differently (the
//! banner, the `Filed:` date line, the byline). nectar then reads the facts from that layout the
//! same way for every parser. The crate registers the parser with
//! [`nectar_registry::register_parser!`] as `red_rose_review`, so any program that links the
//! crate finds it in the registry and detection picks it for these pages.
//!
//! ```
//! use nectar_model::Document;
//! use nectar_registry::Registry;
//! use nectar_example_custom_source::{NAME, RedRoseReview};
//!
//! let page = "THE RED ROSE REVIEW — news for Labour members\n\n\
//!     Filed: 12 March 2019\n\n\
//!     NEC report: selections open early\n\n\
//!     By Megan Ashworth\n\n\
//!     The NEC met on Tuesday 5th March. Party membership is around 512,000.\n\n\
//!     Support the Review: donate at redrosereview.example/donate\n";
//! let doc = Document::from_text("page.txt", page);
//!
//! // Detection picks the parser from everything linked into the program.
//! let registry = Registry::collect().unwrap();
//! let detection = registry.detect(&doc).unwrap();
//! assert_eq!(detection.parser.name, NAME);
//!
//! // nectar reads the facts from the parser's layout (as `nectar parse` does).
//! let report = nectar_pipeline::parse(&doc, &detection).unwrap();
//! assert_eq!(report.title.as_ref().unwrap().value, "NEC report: selections open early");
//! assert_eq!(report.authors[0].value, "Megan Ashworth");
//! // The meeting's year comes from the `Filed:` line.
//! let meeting = report.primary_meeting().unwrap();
//! assert_eq!(meeting.date.as_ref().unwrap().date.to_string(), "2019-03-05");
//! assert_eq!(report.figures[0].metric, nectar_model::Metric::Membership);
//! assert_eq!(report.figures[0].value, 512000.0);
//! assert!(report.check(&doc.text).is_empty());
//! # let _ = RedRoseReview;
//! ```
#![deny(missing_docs)]

use nectar_model::{Document, Layout, Span};
use nectar_page::Site;
use nectar_registry::{ParseError, SourceParser, register_parser, signature_confidence};
use nectar_text::Line;

/// The parser's registered name, also the `source` of the reports it reads.
pub const NAME: &str = "red_rose_review";

/// The banner every page opens with.
pub const BANNER: &str = "THE RED ROSE REVIEW — news for Labour members";

/// The start of the donation line that ends every page.
pub const TRAILER: &str = "Support the Review: donate at";

/// What the site adds to the common page: its donation line ends the report's text (matched
/// without case, as the common trailer markers are).
pub const SITE: Site = Site {
    trailer: &["support the review: donate at"],
    clutter: &[],
    comments: None,
};

/// The label of the publication date line.
const FILED: &str = "Filed:";

/// Text that marks the site's layout, strongest first.
const SIGNATURES: &[&str] = &[BANNER, TRAILER, "THE RED ROSE REVIEW"];

/// The Red Rose Review parser.
#[derive(Debug, Clone, Copy, Default)]
pub struct RedRoseReview;

impl SourceParser for RedRoseReview {
    /// The common layout with the site's trailer, and the header read the way this site writes
    /// it.
    fn layout(&self, doc: &Document) -> Result<Layout, ParseError> {
        let text = doc.text.as_str();
        if text.trim().is_empty() {
            return Err(ParseError::new("the page is empty"));
        }
        let mut page = nectar_page::read_page_with(text, &SITE);
        let lines: Vec<Line> = nectar_text::lines(text)
            .into_iter()
            .filter(|l| !l.is_blank())
            .collect();
        let mut rest = lines.as_slice();
        let mut header_end = None;

        // The banner.
        if let Some((first, tail)) = rest.split_first()
            && first.text(text).starts_with("THE RED ROSE REVIEW")
        {
            header_end = Some(first.span.end);
            rest = tail;
        }
        // `Filed: 12 March 2019`: the common date-line reader does not know the `Filed:` label,
        // so read the date after it.
        if let Some((line, tail)) = rest.split_first()
            && line.text(text).starts_with(FILED)
        {
            let after = nectar_text::trim(
                text,
                Span::new(line.trimmed.start + FILED.len(), line.trimmed.end),
            );
            page.published = nectar_page::date_line(text, after);
            header_end = Some(line.span.end);
            rest = tail;
        }
        // The title, then `By NAME` (or `By NAME and NAME`). Without the banner or the date
        // line this is not our header, and the common reader's title stands.
        if let Some((line, tail)) = rest.split_first()
            && header_end.is_some()
            && nectar_page::byline_authors(text, line.trimmed).is_empty()
        {
            page.title = Some(line.trimmed);
            header_end = Some(line.span.end);
            rest = tail;
        }
        if let Some(line) = rest.first() {
            let authors = nectar_page::byline_authors(text, line.trimmed);
            if !authors.is_empty() {
                page.authors = authors;
                header_end = Some(line.span.end);
            }
        }
        // The body runs from the header to where the common reader ended it (the donation
        // line, a generic trailer, or readers' comments).
        let start = header_end.unwrap_or(page.body.start).min(page.body.end);
        page.body = nectar_text::trim(text, Span::new(start, page.body.end));
        Ok(page)
    }

    /// The banner at the very top is certain; else the signatures near the top, and the
    /// donation line anywhere.
    fn detect(&self, doc: &Document, signatures: &[&str]) -> f32 {
        let text = doc.text.trim_start_matches('\u{feff}').trim_start();
        if text.starts_with(BANNER) {
            return 0.95;
        }
        // A page whose banner was mangled still shows the site's name near the top, or its
        // donation line. Mentions deep in another site's page count for nothing on their own.
        let trailer = if text.contains(TRAILER) { 0.35 } else { 0.0 };
        (signature_confidence(nectar_page::head(text, 400), signatures) + trailer).min(1.0)
    }
}

register_parser! {
    name: NAME,
    description: "The Red Rose Review: banner, `Filed:` date line, title, byline, donation trailer.",
    publisher: "The Red Rose Review (an invented example site)",
    signatures: SIGNATURES,
    url_patterns: &["redrosereview.example"],
    parser: &RedRoseReview,
}
