//! Reads a saved web page for nectar: the page's main text, found by Readability's algorithm
//! ([`dom_smoothie`]), and what its markup says of it (title, publication date, authors,
//! canonical URL), after decoding it from the encoding it declares or is found in, within
//! limits that refuse hostile pages before the extractor sees them.
//!
//! ```
//! let html = br#"<!doctype html><html><head>
//!   <meta charset="windows-1252"><title>NEC report | A Blog</title>
//!   <meta property="og:title" content="Report from the NEC, May">
//!   <meta property="article:published_time" content="2016-05-20T09:30:00+01:00">
//!   <meta name="author" content="Jo Bloggs">
//!   <link rel="canonical" href="https://blog.example/2016/05/nec.html">
//! </head><body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
//! <article><h1>Report from the NEC, May</h1>
//! <p>The NEC met on Tuesday. Membership stood at 388,000 &ndash; a record for the party.</p>
//! <p>The committee agreed the timetable for the selections, and the general secretary
//! reported on the finances of the party, which were in good order for the year ahead.</p>
//! </article><footer>Copyright</footer></body></html>"#;
//! let page = nectar_html::read_page(html, None, &nectar_html::Limits::default(), &[]).unwrap();
//! assert_eq!(page.encoding, "windows-1252");
//! assert_eq!(page.title.as_deref(), Some("Report from the NEC, May"));
//! assert_eq!(page.published.as_deref(), Some("2016-05-20T09:30:00+01:00"));
//! assert_eq!(page.authors, ["Jo Bloggs"]);
//! assert_eq!(page.url.as_deref(), Some("https://blog.example/2016/05/nec.html"));
//! assert!(page.text.contains("388,000 \u{2013} a record"));
//! assert!(!page.text.contains("Copyright"), "the page's clutter is left out");
//! ```
#![deny(missing_docs)]

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability, TextMode};
use encoding_rs::Encoding;

/// The extractor that finds a page's main text, as the provenance names it.
pub const EXTRACTOR: &str = "dom_smoothie";
/// Its version.
pub const EXTRACTOR_VERSION: &str = "0.19";
/// Its settings, as the provenance records them.
pub const EXTRACTOR_SETTINGS: &str = "text_mode=formatted; candidate_select_mode=readability; \
     fallback=body text when no article is found";

/// Elements that are never an article's text, whatever the extractor makes of them: a
/// photograph's caption and its credit. (Measured on the html-bench pages: removing share
/// buttons, social links and breadcrumbs as well gains nothing; removing bylines gains a little
/// precision, 0.942, but loses the extractor's reading of the author on 19 pages.)
const CLUTTER: &str = "figcaption, [class*=caption], [class*=credit]";

/// The longest [`CLUTTER`] element removed, in characters.
const CLUTTER_MAX_CHARS: usize = 400;

/// Limits on the pages read: a page over one is refused with an error that says which, before
/// the extractor (whose work grows with the square of the nesting) sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The deepest nesting of elements read.
    pub max_depth: usize,
    /// The most elements read.
    pub max_elements: usize,
}

impl Default for Limits {
    /// 400 levels (real article pages nest under 60) and 200,000 elements (real pages hold
    /// under 20,000).
    fn default() -> Self {
        Self {
            max_depth: 400,
            max_elements: 200_000,
        }
    }
}

/// Why a page cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HtmlError {
    /// Elements nest deeper than the limit.
    #[error("HTML nests elements {depth} deep, over the limit of {limit}: not read")]
    TooDeep {
        /// How deep they nest (counted up to one past the limit).
        depth: usize,
        /// The limit.
        limit: usize,
    },
    /// More elements than the limit.
    #[error("HTML holds over {limit} elements: not read")]
    TooManyElements {
        /// The limit.
        limit: usize,
    },
    /// The page holds no text.
    #[error("HTML page with no text")]
    NoText,
}

/// Where a site's pages keep their readers' comments, as CSS selectors: each comment's
/// element, and inside it the author's name, the time (a `datetime` attribute, else the text)
/// and the comment's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommentSelectors<'a> {
    /// Each comment's element.
    pub comment: &'a str,
    /// Its author's name.
    pub author: &'a str,
    /// Its time.
    pub time: &'a str,
    /// Its text.
    pub text: &'a str,
}

/// A reader's comment, as the page's markup gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageComment {
    /// Who wrote it, as shown.
    pub author: Option<String>,
    /// When, as the markup says it: an ISO time from an attribute, else the text shown.
    pub time: Option<String>,
    /// What they wrote: its paragraphs, separated by blank lines.
    pub text: String,
}

/// The comments that the first of `sites` to find any finds in `doc`.
fn comments(doc: &Document, sites: &[CommentSelectors<'_>]) -> Vec<PageComment> {
    let text_of = |sel: &dom_query::Selection<'_>| plain(&sel.text());
    for site in sites {
        let found: Vec<PageComment> = doc
            .select(site.comment)
            .iter()
            .filter_map(|c| {
                // Each part's first: a reply nested in the comment comes after its own.
                let text = paragraphs(&c.select(site.text).first().formatted_text());
                let author =
                    Some(text_of(&c.select(site.author).first())).filter(|a| !a.is_empty());
                // A machine-readable time where one of them has it (`<time datetime>`), else
                // the first one's text.
                let times = c.select(site.time);
                let time = times
                    .nodes()
                    .iter()
                    .find_map(|n| n.attr("datetime"))
                    .map(|t| t.trim().to_owned())
                    .or_else(|| Some(text_of(&times.first())))
                    .filter(|t| !t.is_empty());
                (!text.is_empty()).then_some(PageComment { author, time, text })
            })
            .collect();
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

/// What nectar reads of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The page's main text: its title on the first line, a blank line, then the article's
    /// paragraphs, one a line, separated by blank lines.
    pub text: String,
    /// The encoding the page was decoded from (`utf-8`, `windows-1252`).
    pub encoding: &'static str,
    /// Its title (`og:title`, JSON-LD, `<title>` less the site's name, or the article's `h1`).
    pub title: Option<String>,
    /// When it was published, as the markup says it (`article:published_time`, JSON-LD
    /// `datePublished`, or the first `<time datetime>`).
    pub published: Option<String>,
    /// Who wrote it (`meta name="author"`, JSON-LD, the byline).
    pub authors: Vec<String>,
    /// Its canonical URL (`link rel="canonical"`, or `og:url`), when absolute.
    pub url: Option<String>,
    /// Its readers' comments, in the page's order.
    pub comments: Vec<PageComment>,
    /// The whole text of its body, as a browser shows it (menus, sidebars, footers and all): a
    /// site's signatures are there.
    pub page_text: String,
    /// The article's headings (`<h2>` to `<h6>`, and its `<h1>`s), as lines of [`Page::text`],
    /// in order.
    pub headings: Vec<String>,
}

/// Decodes a page's bytes: a byte order mark first, then the charset of the HTTP header (the
/// `Content-Type` a fetch recorded), then the page's own `<meta charset>`, then UTF-8 when the
/// bytes are valid UTF-8, and else the legacy encoding `chardetng` finds most likely.
///
/// ```
/// let (text, enc) = nectar_html::decode(b"<p>caf\xe9</p>", Some("text/html; charset=ISO-8859-1"));
/// assert_eq!((text.as_str(), enc), ("<p>caf\u{e9}</p>", "windows-1252"));
/// let (text, enc) = nectar_html::decode("<p>caf\u{e9}</p>".as_bytes(), None);
/// assert_eq!((text.as_str(), enc), ("<p>caf\u{e9}</p>", "UTF-8"));
/// ```
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> (String, &'static str) {
    let declared = Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| content_type.and_then(charset_in).and_then(label))
        .or_else(|| meta_charset(bytes));
    let encoding = declared.unwrap_or_else(|| {
        if std::str::from_utf8(bytes).is_ok() {
            encoding_rs::UTF_8
        } else {
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(bytes, true);
            detector.guess(Some(b"uk"), false)
        }
    });
    // `decode` takes a BOM over the encoding given, as browsers do.
    let (text, used, _) = encoding.decode(bytes);
    (text.into_owned(), used.name())
}

/// The encoding a label names; a page that says UTF-16 in ASCII is not UTF-16 (the HTML
/// standard reads it as UTF-8).
fn label(name: &str) -> Option<&'static Encoding> {
    Encoding::for_label(name.trim().as_bytes()).map(|e| {
        if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else {
            e
        }
    })
}

/// The value of `charset=` in a header or attribute, without quotes.
fn charset_in(s: &str) -> Option<&str> {
    let at = s.to_ascii_lowercase().find("charset=")? + "charset=".len();
    let value = s[at..].trim_start_matches(['"', '\'', ' ']);
    let end = value
        .find(|c: char| matches!(c, '"' | '\'' | ';' | ' ' | '>' | '/') || c.is_whitespace())
        .unwrap_or(value.len());
    (end > 0).then(|| &value[..end])
}

/// The charset a `<meta>` tag in the page's first 4 KiB declares (`<meta charset="...">` or
/// `<meta http-equiv="Content-Type" content="...; charset=...">`).
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let lower = head.to_ascii_lowercase();
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("<meta") {
        let tag = &rest[at..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        if let Some(e) = charset_in(tag).and_then(label) {
            return Some(e);
        }
        rest = &rest[at + 5..];
    }
    None
}

/// Elements that hold nothing (`<br>`), or whose end tag a page may leave out (`<p>`, `<li>`):
/// a scan of the tags does not count them as nesting.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup",
    "thead", "tbody", "tfoot", "colgroup", "rt", "rp", "caption", "html", "head", "body",
];

/// Elements whose content is text, not markup, up to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// A scan of the markup's tags, before any parsing: how many start tags, and how deep the
/// elements that must be closed nest. The parser's own work grows with the nesting (about a
/// second for 20,000 nested `<div>`s), so a page over a limit is refused here, in
/// milliseconds; [`check_shape`] checks the parsed tree exactly.
fn scan_shape(html: &str, limits: &Limits) -> Result<(), HtmlError> {
    let bytes = html.as_bytes();
    let (mut depth, mut elements, mut at) = (0usize, 0usize, 0usize);
    while let Some(lt) = bytes[at..].iter().position(|&b| b == b'<') {
        at += lt + 1;
        let closing = bytes.get(at) == Some(&b'/');
        let name_at = at + usize::from(closing);
        let name_len = bytes[name_at..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !bytes[name_at].is_ascii_alphabetic() {
            continue;
        }
        let name = html[name_at..name_at + name_len].to_ascii_lowercase();
        let end = bytes[name_at..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |p| name_at + p);
        let self_closing = end > 0 && bytes.get(end - 1) == Some(&b'/');
        at = end.min(bytes.len());
        let nests = !NOT_NESTING.contains(&name.as_str()) && !self_closing;
        if closing {
            depth = depth.saturating_sub(usize::from(nests));
            continue;
        }
        elements += 1;
        if elements > limits.max_elements {
            return Err(HtmlError::TooManyElements {
                limit: limits.max_elements,
            });
        }
        if RAW_TEXT.contains(&name.as_str()) {
            // On to its end tag, in any case (`</SCRIPT`).
            at = (at..bytes.len())
                .find(|&i| {
                    bytes[i..].starts_with(b"</")
                        && bytes[i + 2..]
                            .get(..name_len)
                            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
                })
                .unwrap_or(bytes.len());
            continue;
        }
        if nests {
            depth += 1;
            if depth > limits.max_depth {
                return Err(HtmlError::TooDeep {
                    depth,
                    limit: limits.max_depth,
                });
            }
        }
    }
    Ok(())
}

/// How deep the elements under `root` nest and how many there are, counting until either
/// limit is passed.
fn check_shape(root: NodeRef<'_>, limits: &Limits) -> Result<(), HtmlError> {
    let mut stack = vec![(root, 0usize)];
    let mut elements = 0usize;
    while let Some((node, depth)) = stack.pop() {
        if node.is_element() {
            elements += 1;
            if elements > limits.max_elements {
                return Err(HtmlError::TooManyElements {
                    limit: limits.max_elements,
                });
            }
            if depth > limits.max_depth {
                return Err(HtmlError::TooDeep {
                    depth,
                    limit: limits.max_depth,
                });
            }
        }
        let mut child = node.first_child();
        while let Some(c) = child {
            child = c.next_sibling();
            stack.push((c, depth + 1));
        }
    }
    Ok(())
}

/// Reads a page: decodes it (see [`decode`]; `content_type` is the HTTP header a fetch
/// recorded, if any), refuses it if it is over a limit, and extracts its main text, its
/// metadata and its readers' comments (with the first of the `comments` sites' markups that
/// finds any).
pub fn read_page(
    bytes: &[u8],
    content_type: Option<&str>,
    limits: &Limits,
    comment_sites: &[CommentSelectors<'_>],
) -> Result<Page, HtmlError> {
    let (html, encoding) = decode(bytes, content_type);
    let html = hold_nbsp(html);
    scan_shape(&html, limits)?;
    let doc = Document::from(html.as_str());
    check_shape(doc.root(), limits)?;
    let canonical = doc
        .select("link[rel=canonical]")
        .attr("href")
        .map(|h| h.trim().to_owned())
        .filter(|h| h.starts_with("http://") || h.starts_with("https://"));
    let time = doc
        .select("time[datetime]")
        .attr("datetime")
        .map(|t| t.trim().to_owned());
    let h1 = doc.select("h1").first().text().trim().to_owned();
    let comments = comments(&doc, comment_sites);
    let page_text = paragraphs(&doc.select("body").first().formatted_text());
    // A photograph's caption and its credit are not the article's text.
    for node in doc.select(CLUTTER).nodes() {
        // Short ones only: a page may name its whole article `has-caption`.
        if node.text().chars().count() < CLUTTER_MAX_CHARS {
            node.remove_from_parent();
        }
    }

    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let article = Readability::with_document(doc, None, Some(config)).and_then(|mut r| r.parse());
    let (title, byline, published, og_url, main, headings) = match article {
        Ok(a) => (
            a.title,
            a.byline,
            a.published_time,
            a.url,
            a.text_content.to_string(),
            headings(&a.content),
        ),
        // No article found (a short page): its whole body, as a browser shows it.
        Err(_) => (
            String::new(),
            None,
            None,
            None,
            shown_text(&html),
            Vec::new(),
        ),
    };
    let title = Some(plain(&title))
        .filter(|t| !t.is_empty())
        .or_else(|| Some(plain(&h1)).filter(|t| !t.is_empty()));
    let main = paragraphs(&main);
    if main.is_empty() && title.is_none() {
        return Err(HtmlError::NoText);
    }
    let text = match &title {
        // The title heads the text, as on the page, unless the article already starts with it.
        Some(t) if !main.starts_with(t.as_str()) => format!("{t}\n\n{main}\n"),
        _ => format!("{main}\n"),
    };
    Ok(Page {
        text,
        encoding,
        title,
        published: published.or(time).filter(|p| !p.is_empty()),
        authors: byline.map(|b| authors(&b)).unwrap_or_default(),
        url: canonical.or(og_url.filter(|u| u.starts_with("http"))),
        comments,
        page_text,
        headings,
    })
}

/// The headings of an article's HTML, each as a line of its text.
fn headings(article: &str) -> Vec<String> {
    Document::from(article)
        .select("h1, h2, h3, h4, h5, h6")
        .iter()
        .map(|h| clean(&h.text()))
        .filter(|h| !h.is_empty())
        .collect()
}

/// The text a browser shows of a page's body: without its scripts and styles.
fn shown_text(html: &str) -> String {
    let doc = Document::from(html);
    doc.select("script, style, noscript, template").remove();
    doc.select(CLUTTER).remove();
    doc.select("body").first().formatted_text().to_string()
}

/// A stand-in for the no-break space while the page is read: the DOM's text functions take
/// U+00A0 for white space and drop it, where a report's `194\u{a0}000` and its bullets indented
/// with no-break spaces need it kept, as a browser shows it.
const NBSP_STAND_IN: char = '\u{e000}';

/// The page with each no-break space (the character, `&nbsp;`, `&#160;`, `&#xa0;`) held as
/// [`NBSP_STAND_IN`].
fn hold_nbsp(html: String) -> String {
    let held = NBSP_STAND_IN.to_string();
    ["\u{a0}", "&nbsp;", "&#160;", "&#xa0;", "&#xA0;"]
        .iter()
        .fold(html, |h, nbsp| {
            if h.contains(nbsp) {
                h.replace(nbsp, &held)
            } else {
                h
            }
        })
}

/// A name or a title on one line: all white space, no-break spaces too, as one space.
fn plain(s: &str) -> String {
    s.replace(NBSP_STAND_IN, " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// One line with its runs of ASCII white space collapsed to one space, trimmed, and its
/// no-break spaces given back (kept, as a browser shows them).
fn clean(s: &str) -> String {
    let line = s.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
    line.replace(NBSP_STAND_IN, "\u{a0}").trim().to_owned()
}

/// The extracted text as paragraphs: each line's white space collapsed, blank lines between
/// paragraphs kept (one), trimmed at both ends.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let line = clean(line);
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(&line);
    }
    out
}

/// The people a byline names: `By Jo Bloggs and Sam Smith` → both; a URL or an empty byline
/// names nobody.
fn authors(byline: &str) -> Vec<String> {
    let b = plain(byline);
    let b = b
        .strip_prefix("By ")
        .or_else(|| b.strip_prefix("by "))
        .unwrap_or(&b);
    if b.contains("://") {
        return Vec::new();
    }
    b.split([',', '&'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_refused_quickly() {
        let html = format!(
            "<html><body>{}<p>text</p>{}</body></html>",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        );
        let started = std::time::Instant::now();
        let err = read_page(html.as_bytes(), None, &Limits::default(), &[]).unwrap_err();
        assert!(
            matches!(err, HtmlError::TooDeep { limit: 400, .. }),
            "{err}"
        );
        // Not a timing test: a guard against the extractor ever seeing such a page (55 s).
        assert!(started.elapsed().as_secs() < 20);
    }

    #[test]
    fn too_many_elements_are_refused() {
        let html = format!("<html><body>{}</body></html>", "<p>a</p>".repeat(300));
        let limits = Limits {
            max_elements: 100,
            ..Limits::default()
        };
        assert_eq!(
            read_page(html.as_bytes(), None, &limits, &[]).unwrap_err(),
            HtmlError::TooManyElements { limit: 100 }
        );
    }

    #[test]
    fn charset_comes_from_bom_then_header_then_meta() {
        let meta = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>\xa3</p>";
        assert_eq!(decode(meta, None), ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>\u{a3}</p>".into(), "windows-1252"));
        // The header wins over the page's own meta.
        let (_, enc) = decode(
            b"<meta charset=utf-8><p>\xa3</p>",
            Some("text/html; charset=windows-1252"),
        );
        assert_eq!(enc, "windows-1252");
        // A BOM wins over both.
        let (text, enc) = decode(
            b"\xef\xbb\xbf<p>\xc2\xa3</p>",
            Some("text/html; charset=windows-1252"),
        );
        assert_eq!((text.as_str(), enc), ("<p>\u{a3}</p>", "UTF-8"));
        // Nothing declared, not UTF-8: detected.
        let (text, enc) = decode(b"<p>The NEC\x92s report \x96 \x93agreed\x94</p>", None);
        assert_eq!(enc, "windows-1252");
        assert!(text.contains("NEC\u{2019}s report \u{2013} \u{201c}agreed\u{201d}"));
    }

    #[test]
    fn comments_are_read_with_the_first_markup_that_finds_any() {
        let html = br##"<html><body><article><p>The NEC met on Tuesday and agreed the budget
            for the year, after a long discussion of the party's finances and its staff.</p></article>
            <ol class="comment-list"><li class="comment"><article class="comment-body">
            <div class="comment-author"><b class="fn">Sam Smith</b> says:</div>
            <div class="comment-metadata"><a href="#c1"><time datetime="2016-05-21T09:14:00+01:00">21 May</time></a></div>
            <div class="comment-content"><p>Thanks.</p><p>Very useful.</p></div></article>
            <ol class="children"><li class="comment"><article class="comment-body">
            <div class="comment-author"><b class="fn">Jo Bloggs</b> says:</div>
            <div class="comment-content"><p>You're welcome.</p></div></article></li></ol></li></ol>
            </body></html>"##;
        let blogger = CommentSelectors {
            comment: ".comment-thread li.comment",
            author: "cite.user",
            time: ".datetime a",
            text: ".comment-content",
        };
        let wordpress = CommentSelectors {
            comment: "article.comment-body",
            author: ".comment-author .fn",
            time: "time",
            text: ".comment-content",
        };
        let page = read_page(html, None, &Limits::default(), &[blogger, wordpress]).unwrap();
        let shown: Vec<(Option<&str>, Option<&str>, &str)> = page
            .comments
            .iter()
            .map(|c| (c.author.as_deref(), c.time.as_deref(), c.text.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                (
                    Some("Sam Smith"),
                    Some("2016-05-21T09:14:00+01:00"),
                    "Thanks.\n\nVery useful."
                ),
                (Some("Jo Bloggs"), None, "You're welcome."),
            ]
        );
        assert!(
            !page.text.contains("Thanks."),
            "comments are not the main text"
        );
    }

    #[test]
    fn no_break_spaces_are_kept() {
        let html = "<html><body><article><p>Membership stood at 194&nbsp;000, and at 190&#160;000 \
            a year before, said the general secretary in her report to the committee.</p>\
            <p>\u{b7}\u{a0}\u{a0}\u{a0}One bullet, indented as a word processor does it.</p>\
            <p>&nbsp;</p><p>The rest of the report followed on from there at some length.</p>\
            </article></body></html>";
        let page = read_page(html.as_bytes(), None, &Limits::default(), &[]).unwrap();
        assert!(
            page.text.contains("194\u{a0}000, and at 190\u{a0}000"),
            "{:?}",
            page.text
        );
        assert!(
            page.text.contains("\u{b7}\u{a0}\u{a0}\u{a0}One bullet"),
            "{:?}",
            page.text
        );
        assert!(
            !page.text.contains("\n\u{a0}\n"),
            "a paragraph of a no-break space is blank"
        );
        assert!(!page.text.contains(NBSP_STAND_IN));
    }

    #[test]
    fn a_page_of_scripts_has_no_text() {
        let html = b"<html><body><script>alert(1)</script><style>p{}</style></body></html>";
        assert_eq!(
            read_page(html, None, &Limits::default(), &[]).unwrap_err(),
            HtmlError::NoText
        );
    }

    #[test]
    fn bylines_name_their_people() {
        assert_eq!(
            authors("By Jo Bloggs and Sam Smith"),
            ["Jo Bloggs", "Sam Smith"]
        );
        assert_eq!(authors(" Ann  Black "), ["Ann Black"]);
        assert!(authors("https://example.org/author/x").is_empty());
    }

    #[test]
    fn a_page_without_an_article_keeps_its_body_text() {
        let page = read_page(
            b"<html><body><p>NEC met.</p></body></html>",
            None,
            &Limits::default(),
            &[],
        )
        .unwrap();
        assert!(page.text.contains("NEC met."), "{:?}", page.text);
        assert_eq!(
            read_page(
                b"<html><body> </body></html>",
                None,
                &Limits::default(),
                &[]
            )
            .unwrap_err(),
            HtmlError::NoText
        );
    }
}
