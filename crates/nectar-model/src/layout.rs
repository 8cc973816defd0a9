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
