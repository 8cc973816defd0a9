//! The `wordpress` source parser: blogs on WordPress (`*.wordpress.com` and sites that show
//! WordPress's widgets).
//!
//! A WordPress post is the common page (site name and tagline, a menu, the title, a `Posted on
//! DATE by NAME` line, the body, `Share this:` and `Like this:` widgets), then its readers'
//! comments: `NAME says:` with the time and the text below it, or, in many themes, a header
//! line `NAME | DATE at TIME` above the text.
//!
//! ```
//! use nectar_model::Document;
//! use nectar_registry::SourceParser;
//! use nectar_parse_wordpress::{SIGNATURES, WordPress};
//!
//! let page = "Jo Bloggs\nCouncillor and NEC member\n\nNEC report: a long day\n\n\
//!     Posted on 3 March 2015 by Jo Bloggs\n\nThe NEC met on Tuesday for six hours.\n\n\
//!     Share this:\nTwitter\n\nLike this:\nBe the first to like this.\n\n\
//!     Sam Smith says:\n4 March 2015 at 9:14 pm\nThanks Jo.\nReply\n\nLeave a Reply\n";
//! let doc = Document::from_text("a.txt", page);
//! assert!(WordPress.detect(&doc, SIGNATURES) >= 0.5);
//! let layout = WordPress.layout(&doc).unwrap();
//! let at = |s: nectar_model::Span| &page[s.start..s.end];
//! assert_eq!(at(layout.body), "The NEC met on Tuesday for six hours.");
//! let comment = &layout.comments[0];
//! assert_eq!(at(comment.author.unwrap()), "Sam Smith");
//! assert_eq!(at(comment.text), "Thanks Jo.");
//! assert_eq!(comment.posted_at.unwrap().to_string(), "2015-03-04 21:14:00");
//! ```
#![deny(missing_docs)]

/// What a caller needs besides the parser: the document it reads, the layout and report it
/// gives, and their spans.
pub use nectar_model::{Document, Layout, Report, Span};
pub use nectar_registry::{ParseError, SourceParser};

use std::sync::LazyLock;

use nectar_page::{Comments, Site};
use nectar_registry::{CommentMarkup, register_parser};
use nectar_text::Line;
use regex::Regex;

/// The WordPress parser.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordPress;

/// The parser's registered name.
pub const NAME: &str = "wordpress";

impl WordPress {
    /// Reads a report from a page laid out as a WordPress site's, whatever detection would choose: the
    /// facts with their quotes, as `nectar parse --source wordpress` gives them.
    pub fn parse(&self, doc: &Document) -> Result<Report, ParseError> {
        nectar_registry::parse_as(NAME, doc)
    }
}

/// Text that marks a WordPress page: its widgets and its footer.
pub const SIGNATURES: &[&str] = &[
    "Proudly powered by WordPress",
    "Blog at WordPress.com",
    "Leave a Reply",
    "Like this:",
    "Be the first to like this",
];

/// What WordPress adds to the common page: its comments.
pub const SITE: Site = Site {
    trailer: &[],
    clutter: &[],
    comments: Some(comments),
};

/// A comment's header line: `NAME says:`.
static SAYS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<name>.{1,80}?)[\s\u{a0}]+says:$").expect("valid regex"));

/// WordPress's comments: `NAME says:` above the time and the text, or else a theme's header
/// line with the name and the time.
fn comments(text: &str, lines: &[Line]) -> Comments {
    let says = nectar_page::named_comments(text, lines, &SAYS, &SITE);
    if !says.comments.is_empty() {
        return says;
    }
    nectar_page::headed_comments(text, lines, &SITE)
}

impl SourceParser for WordPress {
    fn layout(&self, doc: &Document) -> Result<Layout, ParseError> {
        Ok(nectar_page::read_page_with(&doc.text, &SITE))
    }

    /// WordPress's comment markup: `article.comment-body` in HTML5 themes (`div.comment-body`
    /// in older ones), the author in `.comment-author .fn`, the time in a `<time>` (or the
    /// metadata's link), the text in `.comment-content` (or the first paragraph).
    fn comment_markup(&self) -> Option<CommentMarkup> {
        Some(CommentMarkup {
            comment: "article.comment-body, div.comment-body",
            author: ".comment-author .fn",
            time: "time, .comment-metadata a, .commentmetadata a, .comment-meta a",
            text: ".comment-content, p",
        })
    }
}

register_parser! {
    name: NAME,
    description: "WordPress blogs: the common page, and readers' comments (`NAME says:`, or a name and time above the text).",
    publisher: "WordPress (wordpress.com and self-hosted)",
    signatures: SIGNATURES,
    url_patterns: &["wordpress.com"],
    parser: &WordPress,
}
