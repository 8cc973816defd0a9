//! Reading one document with a parser: the parser's layout of the page, checked, then the facts
//! read from it by `nectar-extract`, the same way for every site.

use nectar_model::{BlockKind, Document, Layout, ParserInfo, Report, Span};

use crate::{Detection, ParseError, ParserDescriptor};

/// Reads a document with the parser detection chose: the parser's layout of the page, then the
/// facts read from it, with the parser's name and version from its descriptor and the
/// detection's confidence. A listing page (an archive or tag page of several posts) gives a
/// report per post, in page order; any other page one report.
///
/// ```
/// use nectar_model::{Document, Layout, Span};
/// use nectar_registry::{ParseError, Registry, SourceParser, register_parser};
///
/// /// A site whose pages are a title line and the report.
/// struct Plain;
/// impl SourceParser for Plain {
///     fn layout(&self, doc: &Document) -> Result<Layout, ParseError> {
///         let end = doc.text.find('\n').ok_or_else(|| ParseError::new("no title line"))?;
///         Ok(Layout {
///             title: Some(Span::new(0, end)),
///             body: Span::new(end + 1, doc.text.len()),
///             ..Layout::default()
///         })
///     }
/// }
/// register_parser! {
///     name: "plain",
///     description: "A title line, then the report.",
///     publisher: "Anyone",
///     signatures: &[],
///     url_patterns: &[],
///     parser: &Plain,
/// }
///
/// let doc = Document::from_text("a.txt", "NEC report\nThe NEC met on 3 March 2015 for five hours.");
/// let detection = Registry::collect().unwrap().detect(&doc).unwrap();
/// let reports = nectar_registry::parse_posts(&doc, &detection).unwrap();
/// assert_eq!(reports.len(), 1);
/// assert_eq!(reports[0].parser.name, "plain");
/// assert_eq!(reports[0].title.as_ref().unwrap().value, "NEC report");
/// assert_eq!(reports[0].meetings[0].duration.as_ref().unwrap().hours, 5.0);
///
/// // The same, with the parser named instead of detected.
/// let report = nectar_registry::parse_as("plain", &doc).unwrap();
/// assert_eq!(report.meetings[0].date.as_ref().unwrap().date.to_string(), "2015-03-03");
/// assert!(nectar_registry::parse_as("no_such_parser", &doc).is_err());
/// ```
pub fn parse_posts(doc: &Document, detection: &Detection) -> Result<Vec<Report>, ParseError> {
    let descriptor = detection.parser;
    let mut layout = descriptor.parser.layout(doc)?;
    layout
        .check(&doc.text)
        .map_err(|e| ParseError::new(format!("parser {}: {e}", descriptor.name)))?;
    if doc.source.extractor.is_some() {
        main_text_layout(doc, &mut layout);
    }
    let info = ParserInfo {
        name: descriptor.name.to_owned(),
        version: descriptor.version.to_owned(),
        confidence: detection.confidence,
    };
    let read = |layout: &Layout| {
        nectar_extract::extract(doc, layout, info.clone())
            .map_err(|e| ParseError::new(format!("parser {}: {e}", descriptor.name)))
    };
    let posts = nectar_page::posts(&doc.text, &layout, doc.source.url.as_deref());
    if posts.is_empty() {
        return Ok(vec![read(&layout)?]);
    }
    posts.iter().map(read).collect()
}

/// A web page's text is its main text already, found by the extractor without the site's
/// clutter: the report is all of it, after the title that heads it (the page's own title, as
/// its markup gives it), up to the readers' comments read from its markup. The parser's reading
/// of its lines (headings, clutter) stands where it falls inside that.
fn main_text_layout(doc: &Document, layout: &mut Layout) {
    let title = doc.markup.as_ref().and_then(|m| m.title.as_deref());
    if let Some(t) = title.filter(|t| doc.text.starts_with(t)) {
        layout.title = Some(Span::new(0, t.len()));
    }
    let start = layout.title.map_or(0, |t| t.end);
    // The readers' comments follow the main text.
    let end = doc
        .comments
        .first()
        .map_or(doc.text.len(), |c| c.span.start);
    let body = Span::new(start, doc.text[..end].trim_end().len().max(start));
    let inside = |s: &Span| s.start >= body.start && s.end <= body.end;
    if !layout.blocks.iter().all(|b| inside(&b.span)) {
        layout.blocks.clear();
    }
    // The headings the page's markup marks are headings, whatever their wording.
    if !doc.headings.is_empty() {
        if layout.blocks.is_empty() {
            layout.blocks = nectar_text::blocks(&doc.text, body);
        }
        for b in &mut layout.blocks {
            if doc.headings.contains(&b.span) {
                b.kind = BlockKind::Heading;
            }
        }
    }
    layout.clutter.retain(inside);
    layout.body = body;
    layout.comments = doc.comments.clone();
    layout.post = None;
}

/// [`parse_posts`], for a page read as one report: a listing page's first post.
pub fn parse(doc: &Document, detection: &Detection) -> Result<Report, ParseError> {
    let mut reports = parse_posts(doc, detection)?;
    Ok(reports.swap_remove(0))
}

/// Reads a document with the parser registered under `name`, whatever detection would choose
/// (its confidence is the parser's own, [`ParserDescriptor::confidence`]). What a parser crate's
/// own `parse` calls: `nectar_parse_blogger::Blogger.parse(&doc)` (see [`parse_posts`]).
pub fn parse_as(name: &str, doc: &Document) -> Result<Report, ParseError> {
    let parser = inventory::iter::<ParserDescriptor>
        .into_iter()
        .find(|d| d.name == name)
        .ok_or_else(|| ParseError::new(format!("no parser named {name} is linked in")))?;
    let detection = Detection {
        parser,
        confidence: parser.confidence(doc),
    };
    parse(doc, &detection)
}
