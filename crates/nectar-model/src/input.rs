//! What a parser reads: a decoded document and what its metadata sidecar says.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{PartialDate, SourceDocument};

/// The metadata sidecar a user may put beside a report (`NAME.meta.json` beside `NAME.txt`).
///
/// Every field is optional. What the sidecar says wins over what is read or inferred from the
/// text, and the report records which was used.
///
/// ```
/// let meta: nectar_model::Sidecar =
///     serde_json::from_str(r#"{"url": "https://example.org/2015/05/nec/", "published": "2015-05-20"}"#).unwrap();
/// assert_eq!(meta.published.unwrap().to_string(), "2015-05-20");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sidecar {
    /// Where the page was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was published (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    /// Who wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authors: Option<Vec<String>>,
    /// The name of the parser to read it with (`blogger`, `clga`, ...), overriding detection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Its title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where the page was found after redirects, when it was fetched (`nectar fetch`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_url: Option<String>,
    /// When it was fetched (RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetched_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The HTTP status of the response it was saved from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// The response's `Content-Type` header as sent, with its charset if it named one (the
    /// saved page is the bytes received, in that charset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// The response's `ETag` header, sent back as `If-None-Match` when fetching again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// The response's `Last-Modified` header, sent back as `If-Modified-Since` when fetching
    /// again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

/// A report's text, decoded, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Path, hash, size, URL.
    pub source: SourceDocument,
    /// The file's text exactly as decoded from UTF-8 (a BOM, CRLF and the rest kept), so that
    /// byte spans index the file; for a web page, its main text (see
    /// [`SourceDocument::text`](crate::SourceDocument::text)).
    pub text: String,
    /// The sidecar read beside it, if any.
    pub sidecar: Option<Sidecar>,
    /// What a web page's own markup says of it (`og:title`, `article:published_time`, its
    /// author, its canonical URL), in the sidecar's fields: the sidecar wins over it, and it
    /// wins over what the text says.
    pub markup: Option<Sidecar>,
    /// A web page's readers' comments, read from its markup: their text follows the page's
    /// main text, and these spans index it.
    pub comments: Vec<crate::CommentLayout>,
    /// A web page's whole text as a browser shows it (menus, sidebars and footers too), where
    /// [`Document::text`] is its main text: what detection reads to know the site, as it reads a
    /// page saved as text.
    pub page_text: Option<String>,
    /// A web page's headings, as its markup marks them (`<h2>`): lines of the text.
    pub headings: Vec<crate::Span>,
}

impl Document {
    /// A document from text held in memory (tests, examples, other tools).
    ///
    /// Its `sha256` is the text's, so that no two texts share a report ID.
    pub fn from_text(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        Self {
            source: SourceDocument {
                path: path.into(),
                // Its own hash, so that two texts never share a report ID.
                sha256: crate::ids::short_hash(&text, 64),
                bytes: text.len() as u64,
                url: None,
                sidecar: None,
                ..Default::default()
            },
            text,
            sidecar: None,
            markup: None,
            comments: Vec::new(),
            page_text: None,
            headings: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_sidecar_with_every_field_parses_and_round_trips() {
        let json = r#"{
            "url": "https://blog.example/2016/01/nec.html",
            "published": "2016-01-26",
            "authors": ["A. Writer"],
            "source": "blogger",
            "title": "NEC report",
            "final_url": "https://blog.example/2016/01/nec-report.html",
            "fetched_at": "2026-12-02T15:50:00Z",
            "status": 200,
            "content_type": "text/html; charset=windows-1252",
            "etag": "\"abc\"",
            "last_modified": "Tue, 26 Jan 2016 10:00:00 GMT"
        }"#;
        let meta: Sidecar = serde_json::from_str(json).unwrap();
        assert_eq!(meta.status, Some(200));
        assert_eq!(
            meta.fetched_at.unwrap().to_rfc3339(),
            "2026-12-02T15:50:00+00:00"
        );
        let again: Sidecar = serde_json::from_str(&serde_json::to_string(&meta).unwrap()).unwrap();
        assert_eq!(again, meta);
        assert!(serde_json::from_str::<Sidecar>(r#"{"fetched": "x"}"#).is_err());
    }
}
