//! Where things stand on a page: the [`Layout`] a source parser finds, from which the facts are
//! read.

use chrono::NaiveDateTime;

use crate::{PartialDate, Span};

/// What a source parser found on a page: where its title, date line, authors, body and readers'
/// comments stand. The extraction reads the report's facts from it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    /// The title line.
    pub title: Option<Span>,
    /// The publication date the page shows, with where it stands.
    pub published: Option<(PartialDate, Span)>,
    /// Author names as written.
    pub authors: Vec<Span>,
    /// The report's own text, without the site's header, clutter and comments.
    pub body: Span,
    /// The body's blocks; empty to let the extraction split the body itself.
    pub blocks: Vec<Block>,
    /// Readers' comments.
    pub comments: Vec<CommentLayout>,
    /// Lines inside the body that are not the report's text (a PDF's running headers and page
    /// numbers, a widget between paragraphs).
    pub clutter: Vec<Span>,
    /// On a listing page (an archive, tag or home page of several posts), this post's place
    /// among them and their number: `(1, 6)` is the first of six.
    pub post: Option<(usize, usize)>,
}

impl Layout {
    /// Checks that every span of the layout lies in `text` on character boundaries, start
    /// before end, so that reading the facts from it cannot go out of the text (a third
    /// party's parser may get it wrong). `Err` names the first bad span.
    ///
    /// ```
    /// use nectar_model::{Layout, Span};
    /// let ok = Layout { body: Span::new(0, 5), ..Layout::default() };
    /// assert!(ok.check("héllo").is_ok());
    /// let bad = Layout { body: Span::new(0, 2), ..Layout::default() };
    /// assert_eq!(bad.check("héllo").unwrap_err(), "body 0..2 is not on character boundaries of the text");
    /// ```
    pub fn check(&self, text: &str) -> Result<(), String> {
        let mut spans: Vec<(&str, Span)> = vec![("body", self.body)];
        spans.extend(self.title.map(|t| ("title", t)));
        spans.extend(self.published.map(|(_, s)| ("published", s)));
        spans.extend(self.authors.iter().map(|&s| ("author", s)));
        spans.extend(self.blocks.iter().map(|b| ("block", b.span)));
        spans.extend(self.clutter.iter().map(|&s| ("clutter", s)));
        for c in &self.comments {
            spans.push(("comment", c.span));
            spans.push(("comment text", c.text));
            spans.extend(c.author.map(|a| ("comment author", a)));
        }
        for (name, span) in spans {
            if span.start > span.end || span.end > text.len() {
                return Err(format!(
                    "{name} {span} is outside the text ({} bytes)",
                    text.len()
                ));
            }
            if span.slice(text).is_none() {
                return Err(format!(
                    "{name} {span} is not on character boundaries of the text"
                ));
            }
        }
        Ok(())
    }
}

/// The kind of a block of body text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A short line on its own that names a section.
    Heading,
    /// A paragraph.
    Paragraph,
    /// An item of a bulleted or numbered list.
    Bullet,
}

/// A block of body text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// Where it stands (without the bullet marker).
    pub span: Span,
}

/// A reader's comment as it stands on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentLayout {
    /// The whole comment, from the author line to the time.
    pub span: Span,
    /// The name shown.
    pub author: Option<Span>,
    /// Whether the site marks the commenter as anonymous.
    pub anonymous: bool,
    /// When it was posted.
    pub posted_at: Option<NaiveDateTime>,
    /// The comment's text.
    pub text: Span,
}
