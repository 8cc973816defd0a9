//! The `progress` source parser: NEC reports on the Progress website (progressonline.org.uk).
//!
//! The page opens with the site's banner (`Progress | Centre-left Labour politics`) and the
//! title; after the body come the author's bio (`NAME is ...`), a photo credit, a donation ask,
//! `Print Friendly, PDF & Email`, an author box (the name on a line of its own, then
//! `is ...`), `N comments` with the comments as bullet items, and a newsletter sign-up.
//!
//! ```
//! use nectar_model::Document;
//! use nectar_registry::SourceParser;
//! use nectar_parse_progress::Progress;
//!
//! let page = "Progress | Centre-left Labour politics\n\nNEC report – March 2014\n\n\
//!     The NEC met on 25 March for the whole day.\n\nAnd talked a lot.\n\n\
//!     Jo Bloggs is a member of the NEC\n\nPrint Friendly, PDF & Email\n\nJo Bloggs\n\nis a councillor\n\n\
//!     2 comments\n\n•    First!\n•    Second.\n\nSign up to our daily roundup email\n";
//! let report = Progress.parse(&Document::from_text("a.txt", page)).unwrap();
//! assert_eq!(report.authors[0].value, "Jo Bloggs");
//! assert_eq!(report.comments.len(), 2);
//! assert!(!report.body.slice(page).unwrap().contains("is a member"));
//! ```
#![deny(missing_docs)]

use std::sync::LazyLock;

use nectar_extract::layout::{self, Layout};
use nectar_model::{Document, ParserInfo, Report, Span};
use nectar_registry::{ParseError, SourceParser, register_parser};
use regex::Regex;

/// The Progress parser.
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress;

/// The parser's registered name.
pub const NAME: &str = "progress";

const SIGNATURES: &[&str] = &[
    "Progress | Centre-left Labour politics",
    "Print Friendly, PDF & Email",
    "Our work depends on you",
    "If you value the work Progress does",
    "progressonline",
];

static NAME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][\p{L}'’\-]+(?:[ \u{a0}][A-Z][\p{L}'’\-]+){1,3}$").expect("valid regex")
});

impl Progress {
    /// The page's layout: banner, title, body, bio, author box, comments.
    pub fn layout(text: &str) -> Layout {
        let mut page = layout::read_page(text);
        let lines: Vec<layout::Line> = layout::lines(text)
            .into_iter()
            .filter(|l| !l.is_blank())
            .collect();
        // The author box: a name alone on a line, then a line starting "is ".
        let author = lines.windows(2).find_map(|w| {
            (w[0].span.start >= page.body.start
                && NAME_LINE.is_match(w[0].text(text))
                && w[1].text(text).starts_with(|c: char| c.is_lowercase()))
            .then_some(w[0].trimmed)
        });
        if let Some(name) = author {
            // The bio above the author box starts with the author's name.
            page.authors = vec![name];
            // The bio after the body starts with the author's name.
            let who = &text[name.start..name.end];
            let half = page.body.start + page.body.len() / 2;
            if let Some(bio) = lines.iter().find(|l| {
                l.span.start > half
                    && l.span.start < page.body.end
                    && l.text(text).starts_with(&format!("{who} is "))
            }) {
                page.body = layout::trim(text, Span::new(page.body.start, bio.span.start));
            }
        }
        page
    }
}

impl SourceParser for Progress {
    fn detect(&self, doc: &Document) -> f32 {
        let mut score = layout::signature_confidence(&doc.text, SIGNATURES);
        if layout::head(&doc.text, 200).contains("Progress |") {
            score += 0.35;
        }
        score.min(1.0)
    }

    fn parse(&self, doc: &Document) -> Result<Report, ParseError> {
        let info = ParserInfo {
            name: NAME.into(),
            version: env!("CARGO_PKG_VERSION").into(),
            confidence: self.detect(doc),
        };
        Ok(nectar_extract::extract(doc, &Self::layout(&doc.text), info))
    }
}

register_parser! {
    name: NAME,
    description: "Progress articles: banner, title, bullets, author bio and box, donation ask, comments.",
    publisher: "Progress",
    signatures: SIGNATURES,
    url_patterns: &["progressonline.org.uk"],
    parser: &Progress,
}
