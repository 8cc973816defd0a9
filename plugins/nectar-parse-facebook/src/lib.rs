//! The `facebook` source parser: notes and posts saved from Facebook (a CLP's page sharing
//! its NEC member's report, say).
//!
//! The page is the common one (the page's name, the title, a `PAGE · DATE at TIME` line, the
//! text), then `Like · Comment · Share`, a count of likes, and the comments: each a line that
//! starts with the commenter's name and goes on with the text, then a line with the time and
//! `· Like`, and `Write a comment...` at the end.
//!
//! ```
//! use nectar_model::Document;
//! use nectar_registry::SourceParser;
//! use nectar_parse_facebook::{Facebook, SIGNATURES};
//!
//! let page = "Westbrook Labour\nNotes\n\nNEC report – November 2012\nWestbrook Labour · 28 November 2012 at 21:40\n\n\
//!     The NEC met yesterday and agreed the budget after a long debate.\n\n\
//!     Like · Comment · Share\n3 people like this.\nSandra Ellis Thanks, really useful.\n\
//!     28 November 2012 at 22:03 · Like\nWrite a comment...\n";
//! let doc = Document::from_text("a.txt", page);
//! assert!(Facebook.detect(&doc, SIGNATURES) >= 0.5);
//! let layout = Facebook.layout(&doc).unwrap();
//! let at = |s: nectar_model::Span| &page[s.start..s.end];
//! assert_eq!(at(layout.body), "The NEC met yesterday and agreed the budget after a long debate.");
//! assert_eq!(at(layout.comments[0].author.unwrap()), "Sandra Ellis");
//! assert_eq!(at(layout.comments[0].text), "Thanks, really useful.");
//! assert_eq!(layout.comments[0].posted_at.unwrap().to_string(), "2012-11-28 22:03:00");
//! ```
#![deny(missing_docs)]

/// What a caller needs besides the parser: the document it reads, the layout and report it
/// gives, and their spans.
pub use nectar_model::{Document, Layout, Report, Span};
pub use nectar_registry::{ParseError, SourceParser};

use std::sync::LazyLock;

use nectar_model::CommentLayout;
use nectar_page::{Comments, Site};
use nectar_registry::register_parser;
use nectar_text::Line;
use regex::Regex;

/// The Facebook parser.
#[derive(Debug, Clone, Copy, Default)]
pub struct Facebook;

/// The parser's registered name.
pub const NAME: &str = "facebook";

impl Facebook {
    /// Reads a report from a page laid out as a Facebook post's, whatever detection would choose: the
    /// facts with their quotes, as `nectar parse --source facebook` gives them.
    pub fn parse(&self, doc: &Document) -> Result<Report, ParseError> {
        nectar_registry::parse_as(NAME, doc)
    }
}

/// Text that marks a page saved from Facebook: its buttons under a post.
pub const SIGNATURES: &[&str] = &[
    "Like · Comment · Share",
    "Write a comment",
    "people like this",
];

/// What Facebook adds to the common page: its buttons end the text, and its comments.
pub const SITE: Site = Site {
    trailer: &["like · comment", "write a comment"],
    clutter: &[],
    comments: Some(comments),
};

/// A comment's time line: `28 November 2012 at 22:03 · Like`.
static TIME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(.{6,40}?)[ \u{a0}]*·[ \u{a0}]*(?:Like|Reply)(?-u:\b)").expect("valid regex")
});

/// The commenter's name that starts a comment line: two capitalised words.
static LEADING_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][\p{L}'’\-]+[ \u{a0}][A-Z][\p{L}'’\-]+").expect("valid regex")
});

/// Facebook's comments, in the last two thirds of the page: a line that starts with the
/// commenter's name and goes on with the text, then the time line.
fn comments(text: &str, lines: &[Line]) -> Comments {
    let from = text.len() / 3;
    let lines: Vec<&Line> = lines
        .iter()
        .filter(|l| l.span.start >= from && !l.is_blank())
        .collect();
    let mut out = Vec::new();
    let mut start = None;
    for w in lines.windows(2) {
        let Some(c) = TIME_LINE.captures(w[1].text(text)) else {
            continue;
        };
        let Some(at) = nectar_page::comment_time(&c[1]) else {
            continue;
        };
        let Some(name) = LEADING_NAME.find(w[0].text(text)) else {
            continue;
        };
        let author = Span::new(w[0].trimmed.start, w[0].trimmed.start + name.end());
        start.get_or_insert(w[0].trimmed.start);
        out.push(CommentLayout {
            span: Span::new(w[0].trimmed.start, w[1].trimmed.end),
            author: Some(author),
            anonymous: false,
            posted_at: Some(at),
            text: nectar_text::trim(text, Span::new(author.end, w[0].trimmed.end)),
        });
    }
    Comments {
        comments: out,
        start,
    }
}

impl SourceParser for Facebook {
    fn layout(&self, doc: &Document) -> Result<Layout, ParseError> {
        Ok(nectar_page::read_page_with(&doc.text, &SITE))
    }
}

register_parser! {
    name: NAME,
    description: "Facebook notes and posts: the common page, its buttons, and readers' comments with times.",
    publisher: "Facebook (facebook.com)",
    signatures: SIGNATURES,
    url_patterns: &["facebook.com"],
    parser: &Facebook,
}
