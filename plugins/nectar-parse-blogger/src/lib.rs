//! The `blogger` source parser: any Blogger blog (`*.blogspot.com`).
//!
//! A Blogger page shows the blog's tagline, a date header (`Saturday, February 13, 2021`), the
//! post's title and body, then readers' comments (`Blogger NAME said...` or
//! `Anonymous NAME said...`, the text, and a time line `8:15 pm, February 13, 2021`), and
//! widgets after them (`Post a Comment`, `<< Home`, `Newer Post`, hit counters). The author is
//! named in the tagline (`A blog by NAME`) or a `Posted by NAME` line.
//!
//! ```
//! use nectar_parse_blogger::{Blogger, Document, SIGNATURES, SourceParser, Span};
//!
//! let page = "Thoughts from the left bank, a blog by Jo Bloggs\n\nTuesday, March 3, 2015\n\n\
//!     NEC report\n\nThe NEC met today for five hours.\n\n\
//!     Blogger Sam said...\n\nThanks!\n\n9:02 pm, March 3, 2015\n\nPost a Comment\n\n<< Home\n";
//! let doc = Document::from_text("a.txt", page);
//! assert!(Blogger.detect(&doc, SIGNATURES) >= 0.5);
//! let layout = Blogger.layout(&doc).unwrap();
//! let at = |s: Span| &page[s.start..s.end];
//! assert_eq!(at(layout.authors[0]), "Jo Bloggs");
//! assert_eq!(layout.published.unwrap().0.to_string(), "2015-03-03");
//! assert_eq!(at(layout.title.unwrap()), "NEC report");
//! assert_eq!(at(layout.body), "The NEC met today for five hours.");
//! assert_eq!(at(layout.comments[0].author.unwrap()), "Sam");
//! assert_eq!(layout.comments[0].posted_at.unwrap().to_string(), "2015-03-03 21:02:00");
//!
//! // The facts, read from that layout: this crate is all a program needs to name.
//! let report = Blogger.parse(&doc).unwrap();
//! assert_eq!(report.meetings[0].duration.as_ref().unwrap().hours, 5.0);
//! assert_eq!(report.comments.len(), 1);
//! ```
#![deny(missing_docs)]

/// What a caller needs besides the parser: the document it reads, the layout and report it
/// gives, and their spans.
pub use nectar_model::{Document, Layout, Report, Span};
pub use nectar_registry::{ParseError, SourceParser};

use std::sync::LazyLock;

use nectar_page::{Comments, Site};
use nectar_registry::{CommentMarkup, register_parser, signature_confidence};
use nectar_text::Line;
use regex::Regex;

/// The Blogger parser.
#[derive(Debug, Clone, Copy, Default)]
pub struct Blogger;

/// The parser's registered name.
pub const NAME: &str = "blogger";

impl Blogger {
    /// Reads a report from a page laid out as a Blogger blog's, whatever detection would choose: the
    /// facts with their quotes, as `nectar parse --source blogger` gives them.
    pub fn parse(&self, doc: &Document) -> Result<Report, ParseError> {
        nectar_registry::parse_as(NAME, doc)
    }
}

/// Text that marks a Blogger page.
pub const SIGNATURES: &[&str] = &[
    "Post a Comment",
    "<< Home",
    "Subscribe to: Post Comments",
    "Newer Post",
    "Older Post",
    "Blogger ",
];

/// What Blogger adds to the common page: its own page endings and widgets, and its comments.
pub const SITE: Site = Site {
    trailer: &[
        "subscribe to: post comments",
        "<< home",
        "newer post",
        "older post",
    ],
    clutter: &["free hit counters", "officedepot discount"],
    comments: Some(comments),
};

/// A comment's header line: `Blogger NAME said...`, `Anonymous said...`, `NAME said…`.
static SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<marker>Blogger|Anonymous)[\s\u{a0}]+)?(?P<name>.{1,80}?)[\s\u{a0}]+said(?:\.\.\.|…)$")
        .expect("valid regex")
});

/// Blogger's comments: a `NAME said...` line, the text, then the time.
fn comments(text: &str, lines: &[Line]) -> Comments {
    nectar_page::named_comments(text, lines, &SAID, &SITE)
}

/// A comment line anywhere on the page (detection).
static SAID_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^(?:Blogger|Anonymous)[ \u{a0}].{1,80} said\.\.\.\r?$").expect("valid regex")
});

/// Blogger's date header: `Saturday, February 13, 2021` on a line of its own.
static DATE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}\r?$")
        .expect("valid regex")
});

static AUTHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i:\b(?:blog|posted|writing|written|words|thoughts|musings)[\s\u{a0}]+by)[\s\u{a0}]+([A-Z][\p{L}\-]+(?:[\s\u{a0}]+[A-Z][\p{L}\-]+)+)",
        r"|\b([A-Z][\p{L}\-]+(?:[\s\u{a0}]+[A-Z][\p{L}\-]+)+)[\s\u{a0}]+writes\b",
        r"|^([A-Z][\p{L}\-]+(?:[\s\u{a0}]+[A-Z][\p{L}\-]+)+)['’]s[\s\u{a0}]+(?i:blog|notebook|diary|journal|musings|corner)\b",
    ))
        .expect("valid regex")
});

/// The words one of [`AUTHOR`]'s readings needs, with the same case rules: tested first, as
/// `AUTHOR` (its `\b` is Unicode's) reads a text with a non-ASCII character slowly, and most
/// texts hold none of them.
static AUTHOR_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i:blog|posted|writing|written|words|thoughts|musings|notebook|diary|journal|corner)|writes",
    )
    .expect("valid regex")
});

/// Whether [`AUTHOR`] matches `text`.
fn names_author(text: &str) -> bool {
    AUTHOR_WORD.is_match(text) && AUTHOR.is_match(text)
}

/// Finds the author named in a span (the tagline or a `Posted by` line).
fn author_in(text: &str, span: Span) -> Option<Span> {
    let s = &text[span.start..span.end];
    if !AUTHOR_WORD.is_match(s) {
        return None;
    }
    let c = AUTHOR.captures(s)?;
    let m = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3))?;
    Some(Span::new(span.start + m.start(), span.start + m.end()))
}

impl SourceParser for Blogger {
    /// The common page, then Blogger's own: the tagline, the date header and the title under
    /// it, the author in the tagline or a `Posted by` line below the post.
    fn layout(&self, doc: &Document) -> Result<Layout, ParseError> {
        let text = doc.text.as_str();
        let mut page = nectar_page::read_page_with(text, &SITE);
        let head: Vec<Line> = nectar_text::lines(text)
            .into_iter()
            .filter(|l| !l.is_blank())
            .take(8)
            .collect();
        let dated = head
            .iter()
            .enumerate()
            .find_map(|(i, l)| nectar_page::date_line(text, l.trimmed).map(|d| (i, d)));
        if let Some((i, (date, span))) = dated {
            page.published = Some((date, span));
            if let Some(title) = head.get(i + 1) {
                page.title = Some(title.trimmed);
                let end = page.body.end.max(title.span.end);
                page.body = nectar_page::cut_trailer(text, Span::new(title.span.end, end), &SITE);
            }
            let tagline = Span::new(0, head[i].span.start);
            page.authors = author_in(text, tagline).into_iter().collect();
        }
        if page.authors.is_empty() {
            // "Posted by NAME at 10:04 pm" below the post.
            let after = Span::new(page.body.end, text.len());
            page.authors = author_in(text, after).into_iter().collect();
        }
        Ok(page)
    }

    /// The signatures, a comment line, and the date header near the top (with an author).
    fn detect(&self, doc: &Document, signatures: &[&str]) -> f32 {
        let text = &doc.text;
        let mut score = signature_confidence(text, signatures);
        if SAID_LINE.is_match(text) {
            score += 0.35;
        }
        let head = nectar_page::head(text, 1500);
        if DATE_HEADER.is_match(head) {
            score += 0.4;
            if names_author(head) {
                score += 0.2;
            }
        }
        score.min(1.0)
    }

    /// Blogger's comment markup: each `li.comment` of the `.comment-thread`, the author in
    /// `cite.user`, the time in the `.datetime` link, the text in `.comment-content` (a
    /// reply's own come after its parent's, so each comment's first are its own).
    fn comment_markup(&self) -> Option<CommentMarkup> {
        Some(CommentMarkup {
            comment: ".comment-thread li.comment",
            author: "cite.user",
            time: ".datetime a, .comment-timestamp a, time",
            text: ".comment-content",
        })
    }
}

register_parser! {
    name: NAME,
    description: "Blogger blogs: tagline, date header, title, body, and readers' comments with times.",
    publisher: "Blogger (blogspot.com)",
    signatures: SIGNATURES,
    url_patterns: &["blogspot.", "blogger.com"],
    parser: &Blogger,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_word_gate_keeps_every_reading_of_author() {
        for t in [
            "Thoughts from the left, a blog by Jo Bloggs",
            "POSTED BY Sam Brown",
            "Jo Bloggs writes",
            "Jo Bloggs's Notebook",
            "Jo Bloggs’s musings",
            // Unicode case rules: the long s is an s, the Kelvin sign a k.
            "Poſted by Sam Brown",
            "Jo Bloggs's noteboo\u{212a}",
        ] {
            assert!(AUTHOR.is_match(t), "{t:?}");
            assert!(names_author(t), "{t:?}");
        }
        for t in [
            "Tuesday, March 3, 2015\n\nNEC report\n\nThe NEC met today.",
            "Jo Bloggs Writes",
            "Über alles, Jo Bloggs said",
        ] {
            assert!(!AUTHOR.is_match(t), "{t:?}");
            assert!(!names_author(t), "{t:?}");
        }
    }
}
