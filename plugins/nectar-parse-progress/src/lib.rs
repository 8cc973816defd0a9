//! The `progress` source parser: NEC reports on the Progress website (progressonline.org.uk).
//!
//! The page opens with the site's banner (`Progress | Centre-left Labour politics`) and the
//! title; after the body come the author's bio (`NAME is ...`), a photo credit, a donation ask
//! (`Our work depends on you`), `Print Friendly, PDF & Email`, an author box (the name on a line
//! of its own, then `is ...`), `N comments` with the comments as bullet items, and a newsletter
//! sign-up.
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
//! let layout = Progress.layout(&Document::from_text("a.txt", page)).unwrap();
//! let at = |s: nectar_model::Span| &page[s.start..s.end];
//! assert_eq!(at(layout.authors[0]), "Jo Bloggs");
//! assert_eq!(layout.comments.len(), 2);
//! assert_eq!(at(layout.comments[1].text), "Second.");
//! assert_eq!(at(layout.body), "The NEC met on 25 March for the whole day.\n\nAnd talked a lot.");
//! ```
#![deny(missing_docs)]

/// What a caller needs besides the parser: the document it reads, the layout and report it
/// gives, and their spans.
pub use nectar_model::{Document, Layout, Report, Span};
pub use nectar_registry::{ParseError, SourceParser};

use std::sync::LazyLock;

use nectar_model::CommentLayout;
use nectar_page::{Comments, Site};
use nectar_registry::{register_parser, signature_confidence};
use nectar_text::Line;
use regex::Regex;

/// The Progress parser.
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress;

/// The parser's registered name.
pub const NAME: &str = "progress";

impl Progress {
    /// Reads a report from a page laid out as Progress's, whatever detection would choose: the
    /// facts with their quotes, as `nectar parse --source progress` gives them.
    pub fn parse(&self, doc: &Document) -> Result<Report, ParseError> {
        nectar_registry::parse_as(NAME, doc)
    }
}

/// Text that marks a Progress page.
pub const SIGNATURES: &[&str] = &[
    "Progress | Centre-left Labour politics",
    "Print Friendly, PDF & Email",
    "Our work depends on you",
    "If you value the work Progress does",
    "progressonline",
];

/// What Progress adds to the common page: its donation ask ends the text, and its comments are
/// bullet items under `N comments`.
pub const SITE: Site = Site {
    trailer: &["our work depends on you"],
    clutter: &[],
    comments: Some(comments),
};

/// Progress's comments: after a `N comments` line in the last two thirds of the page, each
/// bullet item one comment (lines without a bullet continue it), up to a trailer line.
fn comments(text: &str, lines: &[Line]) -> Comments {
    let from = text.len() / 3;
    let Some(head) = lines
        .iter()
        .position(|l| l.span.start >= from && nectar_page::is_comment_count(l.text(text)))
    else {
        return Comments::default();
    };
    let mut out: Vec<CommentLayout> = Vec::new();
    for line in &lines[head + 1..] {
        if line.is_blank() {
            continue;
        }
        let t = line.text(text);
        if nectar_page::is_trailer_line(t, &SITE) {
            break;
        }
        if let Some(bullet) = nectar_text::bullet(t) {
            let span = nectar_text::trim(
                text,
                Span::new(line.trimmed.start + bullet.end, line.trimmed.end),
            );
            out.push(CommentLayout {
                span,
                author: None,
                anonymous: false,
                posted_at: None,
                text: span,
            });
        } else if let Some(last) = out.last_mut() {
            last.span.end = line.trimmed.end;
            last.text.end = line.trimmed.end;
        } else {
            break;
        }
    }
    Comments {
        comments: out,
        start: Some(lines[head].trimmed.start),
    }
}

static NAME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][\p{L}'’\-]+(?:[ \u{a0}][A-Z][\p{L}'’\-]+){1,3}$").expect("valid regex")
});

impl SourceParser for Progress {
    /// The common page, then Progress's author box (a name alone on a line, then a line that
    /// starts `is ...`) and the bio that starts with that name, which ends the text.
    fn layout(&self, doc: &Document) -> Result<Layout, ParseError> {
        let text = doc.text.as_str();
        let mut page = nectar_page::read_page_with(text, &SITE);
        let lines: Vec<Line> = nectar_text::lines(text)
            .into_iter()
            .filter(|l| !l.is_blank())
            .collect();
        let author = lines.windows(2).find_map(|w| {
            (w[0].span.start >= page.body.start
                && NAME_LINE.is_match(w[0].text(text))
                && w[1].text(text).starts_with(|c: char| c.is_lowercase()))
            .then_some(w[0].trimmed)
        });
        if let Some(name) = author {
            page.authors = vec![name];
            // The bio after the body starts with the author's name.
            let who = &text[name.start..name.end];
            let half = page.body.start + page.body.len() / 2;
            if let Some(bio) = lines.iter().find(|l| {
                l.span.start > half
                    && l.span.start < page.body.end
                    && l.text(text).starts_with(&format!("{who} is "))
            }) {
                page.body = nectar_text::trim(text, Span::new(page.body.start, bio.span.start));
            }
        }
        Ok(page)
    }

    /// The signatures, and the banner at the very top.
    fn detect(&self, doc: &Document, signatures: &[&str]) -> f32 {
        let mut score = signature_confidence(&doc.text, signatures);
        if nectar_page::head(&doc.text, 200).contains("Progress |") {
            score += 0.35;
        }
        score.min(1.0)
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
