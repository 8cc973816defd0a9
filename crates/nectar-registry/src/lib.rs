//! The nectar plugin registry: the traits that source parsers, exporters and charts implement,
//! the descriptors they register with [`inventory`], and detection of the parser that fits a
//! report.
//!
//! A plugin crate declares itself with one macro call ([`register_parser!`],
//! [`register_exporter!`], [`register_chart!`]); a binary that names the crate
//! (`extern crate my_plugin;`, see `nectar-plugins`) then finds it in [`Registry::collect`].
//!
//! A source parser says how its site lays out a page; [`parse`] reads the facts from that
//! layout, the same way for every site, and fills in the parser's name, version and confidence
//! from its descriptor. Detection counts the descriptor's signatures in the text and matches
//! its URL patterns against the page's URL; a parser may refine the first.
//!
//! ```
//! use nectar_model::{Document, Layout, Span};
//! use nectar_registry::{ParseError, Registry, SourceParser, register_parser};
//!
//! struct Shouty;
//! impl SourceParser for Shouty {
//!     fn layout(&self, doc: &Document) -> Result<Layout, ParseError> {
//!         // The first line is the title, the rest the report.
//!         let end = doc.text.find('\n').ok_or_else(|| ParseError::new("no title line"))?;
//!         Ok(Layout {
//!             title: Some(Span::new(0, end)),
//!             body: Span::new(end + 1, doc.text.len()),
//!             ..Layout::default()
//!         })
//!     }
//! }
//! register_parser! {
//!     name: "shouty",
//!     description: "An example parser for a site that shouts.",
//!     publisher: "NEC News",
//!     signatures: &["NEC NEWS!", "SHOUT!"],
//!     url_patterns: &["necnews.example"],
//!     parser: &Shouty,
//! }
//!
//! let registry = Registry::collect().unwrap();
//! let doc = Document::from_text("a.txt", "NEC NEWS! SHOUT!\nThe NEC met.");
//! let found = registry.detect(&doc).unwrap();
//! assert_eq!(found.parser.name, "shouty");
//! assert_eq!(found.confidence, 0.7); // two signatures, 0.35 each
//! let layout = found.parser.parser.layout(&doc).unwrap();
//! assert_eq!(&doc.text[layout.body.start..layout.body.end], "The NEC met.");
//! ```
//!
//! A chart draws one SVG picture of the [`Dataset`] (the tables made across every report,
//! and every report's rows of `reports`, `figures` and `votes`), or says why there is nothing
//! to draw:
//!
//! ```
//! use nectar_registry::{Chart, ChartError, Dataset, Registry, Svg, register_chart};
//!
//! /// Counts the real meetings the reports mention.
//! struct Count;
//!
//! impl Chart for Count {
//!     fn render(&self, dataset: &Dataset) -> Result<Svg, ChartError> {
//!         let n = dataset.rows("nec_meetings").len();
//!         if n == 0 {
//!             return Err(ChartError::NothingToDraw("no meetings in the reports".into()));
//!         }
//!         Ok(Svg::new(format!(
//!             "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>{n} meetings</title></svg>"
//!         )))
//!     }
//! }
//! register_chart! {
//!     name: "count",
//!     description: "How many meetings the reports mention.",
//!     chart: &Count,
//! }
//!
//! let registry = Registry::collect().unwrap();
//! let chart = registry.chart("count").unwrap();
//! // `nectar build` makes the dataset of every report it read, then draws each chart of it.
//! let err = chart.chart.render(&Dataset::default()).unwrap_err();
//! assert_eq!(err.to_string(), "nothing to draw (no meetings in the reports)");
//! ```
#![deny(missing_docs)]

use std::fmt;
use std::path::{Path, PathBuf};

mod read;

pub use nectar_dataset::Dataset;
use nectar_model::{Document, Layout, Report};
pub use read::{parse, parse_as, parse_posts};

#[doc(hidden)]
pub use inventory;

/// Why a parser could not read a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ParseError {
    /// What went wrong, in one line.
    pub message: String,
}

impl ParseError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }
}

/// Says how one site lays out its pages: where the title, date line, authors, body and
/// readers' comments stand. The facts are read from that [`Layout`] by the pipeline.
pub trait SourceParser: Send + Sync + 'static {
    /// Where things stand on the page.
    fn layout(&self, doc: &Document) -> Result<Layout, ParseError>;

    /// How sure the parser is that the document is in its site's layout, from 0 (not at all)
    /// to 1, before its URL is looked at. The default counts the descriptor's `signatures` in
    /// the text ([`signature_confidence`]); a parser may look further.
    fn detect(&self, doc: &Document, signatures: &[&str]) -> f32 {
        signature_confidence(&doc.text, signatures)
    }

    /// Where the site's web pages keep their readers' comments, if it has them. A saved web
    /// page's comments are read with the first registered site's markup (by parser name) that
    /// finds any; the default is none.
    fn comment_markup(&self) -> Option<CommentMarkup> {
        None
    }
}

/// Where a site's web pages keep their readers' comments, as CSS selectors: each comment's
/// element, and inside it the author's name, the time (a `datetime` attribute, else the text)
/// and the comment's text.
///
/// ```
/// let wordpress = nectar_registry::CommentMarkup {
///     comment: "article.comment-body",
///     author: ".comment-author .fn",
///     time: ".comment-metadata time",
///     text: ".comment-content",
/// };
/// assert!(wordpress.comment.starts_with("article"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommentMarkup {
    /// Each comment's element.
    pub comment: &'static str,
    /// Its author's name, inside it.
    pub author: &'static str,
    /// Its time, inside it.
    pub time: &'static str,
    /// Its text, inside it.
    pub text: &'static str,
}

/// Every registered parser's comment markup, in the order of their names.
pub fn comment_markups() -> Vec<(&'static str, CommentMarkup)> {
    let mut all: Vec<(&'static str, CommentMarkup)> = inventory::iter::<ParserDescriptor>
        .into_iter()
        .filter_map(|d| d.parser.comment_markup().map(|m| (d.name, m)))
        .collect();
    all.sort_by_key(|(name, _)| *name);
    all
}

/// How sure a parser can be that a page is its site's, from the distinct signatures it shows:
/// 0.35 for each, up to 1.
///
/// ```
/// let text = "Post a Comment ... << Home";
/// assert_eq!(nectar_registry::signature_confidence(text, &["Post a Comment", "<< Home", "Blogger"]), 0.7);
/// ```
pub fn signature_confidence(text: &str, signatures: &[&str]) -> f32 {
    let found = signatures.iter().filter(|s| text.contains(**s)).count();
    (found as f32 * 0.35).min(1.0)
}

/// A registered source parser.
#[derive(Debug)]
pub struct ParserDescriptor {
    /// Unique snake_case name (`blogger`); also the `source` of the reports it reads.
    pub name: &'static str,
    /// One sentence on what it reads.
    pub description: &'static str,
    /// The publisher or kind of site (`Blogger blogs`).
    pub publisher: &'static str,
    /// The plugin crate's version.
    pub version: &'static str,
    /// Text signatures that mark the layout (for documentation and `nectar plugins`).
    pub signatures: &'static [&'static str],
    /// URL fragments of the sites it reads, matched against a sidecar's `url`.
    pub url_patterns: &'static [&'static str],
    /// The parser.
    pub parser: &'static dyn SourceParser,
}

impl fmt::Debug for dyn SourceParser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SourceParser")
    }
}

impl ParserDescriptor {
    /// How sure the parser is that the document is its site's: its text's confidence
    /// ([`SourceParser::detect`]), plus 0.5 when the URL matches one of its patterns, up to 1.
    pub fn confidence(&self, doc: &Document) -> f32 {
        let mut confidence = self.parser.detect(doc, self.signatures).clamp(0.0, 1.0);
        if self.matches_url(doc) {
            confidence = (confidence + 0.5).min(1.0);
        }
        confidence
    }

    /// Whether the document's sidecar URL matches one of the parser's URL patterns.
    pub fn matches_url(&self, doc: &Document) -> bool {
        doc.source
            .url
            .as_deref()
            .is_some_and(|url| self.url_patterns.iter().any(|p| url.contains(p)))
    }
}

/// Why an exporter failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A file could not be written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        #[source]
        source: std::io::Error,
    },
    /// The data could not be encoded.
    #[error("{0}")]
    Encode(String),
}

impl ExportError {
    /// An I/O error on `path`.
    pub fn io(path: impl AsRef<Path>, source: std::io::Error) -> Self {
        Self::Io {
            path: path.as_ref().to_owned(),
            source,
        }
    }
}

/// Receives reports one at a time and writes them out, then the tables made across them.
///
/// Files become visible only in [`ExportSink::finish`] (written to temporary files, then
/// renamed), so a run that fails leaves earlier outputs intact.
pub trait ExportSink: Send {
    /// Takes the next report, in input order: its rows of the tables of
    /// [`nectar_tables::Scope::Report`].
    fn write_report(&mut self, report: &Report) -> Result<(), ExportError>;
    /// Takes the tables made across every report (`meetings`, `nec_meetings`, `claims`,
    /// `persons`: [`Dataset::tables`]), completes the output and returns the files written.
    fn finish(self: Box<Self>, dataset: &Dataset) -> Result<Vec<PathBuf>, ExportError>;
}

/// Writes reports in one format.
pub trait Exporter: Send + Sync + 'static {
    /// Starts writing into `dir` (the exporter's own folder, `OUT/<name>/`).
    fn start(&self, dir: &Path) -> Result<Box<dyn ExportSink>, ExportError>;
}

impl fmt::Debug for dyn Exporter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Exporter")
    }
}

/// A registered exporter.
#[derive(Debug)]
pub struct ExporterDescriptor {
    /// Unique snake_case name (`json`); also the folder it writes under `OUT/`.
    pub name: &'static str,
    /// One sentence on what it writes.
    pub description: &'static str,
    /// The files it writes, relative to its folder.
    pub writes: &'static [&'static str],
    /// The plugin crate's version.
    pub version: &'static str,
    /// The exporter.
    pub exporter: &'static dyn Exporter,
}

/// An SVG document, as a chart renders it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Svg(String);

impl Svg {
    /// Wraps the text of an SVG document.
    pub fn new(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    /// The document's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The document's bytes (UTF-8), as written to a file.
    pub fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }

    /// The document's text, owned.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Svg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a chart drew nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChartError {
    /// The reports hold nothing the chart shows; the message says what is missing, for people
    /// (`no membership figures in the reports`). Not a failure of the run: nothing is written.
    #[error("nothing to draw ({0})")]
    NothingToDraw(String),
    /// Drawing failed.
    #[error("{0}")]
    Draw(String),
}

/// Draws one picture of the dataset as SVG.
///
/// The same dataset gives the same bytes on every machine and run: no timestamps, no system
/// fonts, no iteration order of hash maps in the output.
pub trait Chart: Send + Sync + 'static {
    /// Draws the chart of the dataset, or says why there is nothing to draw
    /// ([`ChartError::NothingToDraw`]).
    fn render(&self, dataset: &Dataset) -> Result<Svg, ChartError>;
}

impl fmt::Debug for dyn Chart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Chart")
    }
}

/// A registered chart.
#[derive(Debug)]
pub struct ChartDescriptor {
    /// Unique snake_case name (`membership`); also the file's stem: `OUT/charts/<name>.svg`.
    pub name: &'static str,
    /// One sentence on what it shows.
    pub description: &'static str,
    /// The plugin crate's version.
    pub version: &'static str,
    /// The chart.
    pub chart: &'static dyn Chart,
}

inventory::collect!(ParserDescriptor);
inventory::collect!(ExporterDescriptor);
inventory::collect!(ChartDescriptor);

/// Registers a [`SourceParser`]: give every field of [`ParserDescriptor`] but `version`,
/// which is the calling crate's version.
#[macro_export]
macro_rules! register_parser {
    ($($field:ident : $value:expr),+ $(,)?) => {
        $crate::inventory::submit! {
            $crate::ParserDescriptor { $($field: $value,)+ version: env!("CARGO_PKG_VERSION") }
        }
    };
}

/// Registers an [`Exporter`]: give every field of [`ExporterDescriptor`] but `version`.
#[macro_export]
macro_rules! register_exporter {
    ($($field:ident : $value:expr),+ $(,)?) => {
        $crate::inventory::submit! {
            $crate::ExporterDescriptor { $($field: $value,)+ version: env!("CARGO_PKG_VERSION") }
        }
    };
}

/// Registers a [`Chart`]: give every field of [`ChartDescriptor`] but `version`.
#[macro_export]
macro_rules! register_chart {
    ($($field:ident : $value:expr),+ $(,)?) => {
        $crate::inventory::submit! {
            $crate::ChartDescriptor { $($field: $value,)+ version: env!("CARGO_PKG_VERSION") }
        }
    };
}

/// A problem with the set of registered plugins.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegistryError {
    /// Two plugins of one kind share a name.
    #[error("two {kind} plugins are registered as {name:?}")]
    Duplicate {
        /// `parser`, `exporter` or `chart`.
        kind: &'static str,
        /// The name.
        name: &'static str,
    },
    /// A name is not snake_case.
    #[error("the {kind} plugin name {name:?} is not snake_case ([a-z][a-z0-9_]*)")]
    BadName {
        /// `parser`, `exporter` or `chart`.
        kind: &'static str,
        /// The name.
        name: &'static str,
    },
}

/// The name every registry falls back to when no parser is confident.
pub const GENERIC_PARSER: &str = "generic";

/// The confidence at or above which a specialised parser beats the generic one.
pub const DETECT_THRESHOLD: f32 = 0.5;

/// The parser chosen for a document and how sure detection was.
#[derive(Debug, Clone, Copy)]
pub struct Detection {
    /// The parser.
    pub parser: &'static ParserDescriptor,
    /// Its confidence (1 when the user or the sidecar chose it).
    pub confidence: f32,
}

/// Every registered plugin, checked and sorted by name.
#[derive(Debug)]
pub struct Registry {
    parsers: Vec<&'static ParserDescriptor>,
    exporters: Vec<&'static ExporterDescriptor>,
    charts: Vec<&'static ChartDescriptor>,
}

fn snake_case(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn checked<T>(
    kind: &'static str,
    mut items: Vec<&'static T>,
    name: impl Fn(&T) -> &'static str,
) -> Result<Vec<&'static T>, RegistryError> {
    items.sort_by_key(|d| name(d));
    for pair in items.windows(2) {
        if name(pair[0]) == name(pair[1]) {
            return Err(RegistryError::Duplicate {
                kind,
                name: name(pair[0]),
            });
        }
    }
    if let Some(bad) = items.iter().find(|d| !snake_case(name(d))) {
        return Err(RegistryError::BadName {
            kind,
            name: name(bad),
        });
    }
    Ok(items)
}

impl Registry {
    /// Collects every plugin linked into the program, sorted by name; duplicate or malformed
    /// names are an error.
    pub fn collect() -> Result<Self, RegistryError> {
        Ok(Self {
            parsers: checked(
                "parser",
                inventory::iter::<ParserDescriptor>.into_iter().collect(),
                |d| d.name,
            )?,
            exporters: checked(
                "exporter",
                inventory::iter::<ExporterDescriptor>.into_iter().collect(),
                |d| d.name,
            )?,
            charts: checked(
                "chart",
                inventory::iter::<ChartDescriptor>.into_iter().collect(),
                |d| d.name,
            )?,
        })
    }

    /// The parsers, sorted by name.
    pub fn parsers(&self) -> &[&'static ParserDescriptor] {
        &self.parsers
    }

    /// The exporters, sorted by name.
    pub fn exporters(&self) -> &[&'static ExporterDescriptor] {
        &self.exporters
    }

    /// The charts, sorted by name.
    pub fn charts(&self) -> &[&'static ChartDescriptor] {
        &self.charts
    }

    /// The parser registered under `name`.
    pub fn parser(&self, name: &str) -> Option<&'static ParserDescriptor> {
        self.parsers.iter().copied().find(|d| d.name == name)
    }

    /// The exporter registered under `name`.
    pub fn exporter(&self, name: &str) -> Option<&'static ExporterDescriptor> {
        self.exporters.iter().copied().find(|d| d.name == name)
    }

    /// The chart registered under `name`.
    pub fn chart(&self, name: &str) -> Option<&'static ChartDescriptor> {
        self.charts.iter().copied().find(|d| d.name == name)
    }

    /// Picks the parser for a document: the one named by its sidecar's `source` if any, else the
    /// most confident one (a sidecar URL that matches a parser's patterns adds 0.5), else the
    /// generic one when none reaches [`DETECT_THRESHOLD`]. Ties go to the first name in order.
    /// `None` only when no parser is registered (or the sidecar names an unknown one).
    pub fn detect(&self, doc: &Document) -> Option<Detection> {
        if let Some(name) = doc.sidecar.as_ref().and_then(|s| s.source.as_deref()) {
            return self.parser(name).map(|parser| Detection {
                parser,
                confidence: 1.0,
            });
        }
        // A web page is known by the whole page a browser shows, as a page saved as text is.
        let shown;
        let doc = match &doc.page_text {
            Some(page) => {
                // What detection reads: the text, where it came from, and the sidecar.
                shown = Document {
                    text: page.clone(),
                    source: doc.source.clone(),
                    sidecar: doc.sidecar.clone(),
                    ..Document::from_text("", "")
                };
                &shown
            }
            None => doc,
        };
        let mut best: Option<Detection> = None;
        for &parser in &self.parsers {
            if parser.name == GENERIC_PARSER {
                continue;
            }
            let confidence = parser.confidence(doc);
            if best.is_none_or(|b| confidence > b.confidence) {
                best = Some(Detection { parser, confidence });
            }
        }
        match (best, self.parser(GENERIC_PARSER)) {
            (Some(b), _) if b.confidence >= DETECT_THRESHOLD => Some(b),
            (_, Some(generic)) => Some(Detection {
                parser: generic,
                confidence: generic
                    .parser
                    .detect(doc, generic.signatures)
                    .clamp(0.0, 1.0),
            }),
            (b, None) => b,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_names() {
        assert!(snake_case("generic"));
        assert!(snake_case("parse_x2"));
        assert!(!snake_case("Generic"));
        assert!(!snake_case("2x"));
        assert!(!snake_case("a-b"));
        assert!(!snake_case(""));
    }

    struct Blank;
    impl Chart for Blank {
        fn render(&self, _: &Dataset) -> Result<Svg, ChartError> {
            Err(ChartError::NothingToDraw("nothing here".into()))
        }
    }

    static A: ChartDescriptor = ChartDescriptor {
        name: "blank",
        description: "Draws nothing.",
        version: "0.0.0",
        chart: &Blank,
    };
    static B: ChartDescriptor = ChartDescriptor {
        name: "blank",
        description: "Draws nothing either.",
        version: "0.0.0",
        chart: &Blank,
    };
    static C: ChartDescriptor = ChartDescriptor {
        name: "also_blank",
        description: "Draws nothing too.",
        version: "0.0.0",
        chart: &Blank,
    };

    #[test]
    fn charts_are_sorted_and_unique() {
        let sorted = checked("chart", vec![&A, &C], |d| d.name).unwrap_or_default();
        let names: Vec<&str> = sorted.iter().map(|d| d.name).collect();
        assert_eq!(names, ["also_blank", "blank"]);
        assert_eq!(
            checked("chart", vec![&A, &C, &B], |d| d.name).err(),
            Some(RegistryError::Duplicate {
                kind: "chart",
                name: "blank"
            })
        );
        assert_eq!(
            Blank.render(&Dataset::default()).unwrap_err().to_string(),
            "nothing to draw (nothing here)"
        );
    }
}
