//! Reads how a page of text is laid out: the title, the date line, the byline, the report's own
//! text, the trailer and the readers' comments.
//!
//! Most sites lay a page out the same way: a banner, then a title, a date line and a byline in
//! some order near the top; the body; then a trailer (cut-off markers, share buttons, comment
//! forms, related links) and readers' comments. [`read_page`] reads any page that way, with
//! what it knows of pages in general (the word lists of `data/page.toml`). A source parser for
//! one site starts from [`read_page_with`] and its [`Site`]: the site's own trailer markers and
//! widgets, and the reader of its style of comments. What holds for one site stays in that
//! site's plugin; what holds for many is here.
//!
//! No function here panics on its arguments: a span that is not a slice of the text given with
//! it (past its end, or inside a character) finds nothing, and `cut_trailer` gives such a body
//! back as it is, for the layout's check to name.
//!
//! ```
//! use nectar_page::{Site, read_page, read_page_with};
//!
//! let page = "Jo Bloggs\nHome | About | NEC reports\n\nNEC report: a long day\n\n\
//!             Posted on 3 March 2015 by Jo Bloggs\n\nThe NEC met on Tuesday.\n\n\
//!             Talk about this on our forum\n\nShare this:\nTwitter";
//! let layout = read_page(page);
//! let title = layout.title.unwrap();
//! assert_eq!(&page[title.start..title.end], "NEC report: a long day");
//! assert_eq!(layout.published.unwrap().0.to_string(), "2015-03-03");
//! assert_eq!(&page[layout.authors[0].start..layout.authors[0].end], "Jo Bloggs");
//! let body = &page[layout.body.start..layout.body.end];
//! assert!(body.starts_with("The NEC met on Tuesday.") && body.ends_with("our forum"));
//!
//! // A site whose pages end with a forum link says so.
//! let site = Site { trailer: &["talk about this on"], ..Site::default() };
//! let layout = read_page_with(page, &site);
//! assert_eq!(&page[layout.body.start..layout.body.end], "The NEC met on Tuesday.");
//! ```
#![deny(missing_docs)]

mod byline;
mod comments;
mod listing;
mod reader;
mod trailer;
mod words;

pub use byline::{byline_authors, credited, reporters};
pub use comments::{CommentReader, Comments, comment_time, headed_comments, named_comments};
pub use listing::posts;
pub use reader::{date_line, read_page, read_page_with};
pub use trailer::{cut_trailer, is_clutter_line, is_comment_count, is_nav, is_trailer_line};

/// What one site adds to the common page layout of [`read_page`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Site {
    /// Starts of lines that end the report's text on this site (matched without case against a
    /// trimmed line, as the common `trailer` list of `data/page.toml`).
    pub trailer: &'static [&'static str],
    /// Whole lines that are this site's widgets, wherever they stand (matched without case).
    pub clutter: &'static [&'static str],
    /// How this site lays out readers' comments; none are read without it.
    pub comments: Option<CommentReader>,
}

pub use nectar_text::head;

/// Compiles a built-in pattern with ASCII word boundaries ([`nectar_text::regex`]).
///
/// # Panics
/// If the pattern is invalid: a programming error in a built-in pattern.
pub(crate) fn regex(pattern: &str) -> regex::Regex {
    nectar_text::regex(pattern).expect("a valid built-in pattern")
}
