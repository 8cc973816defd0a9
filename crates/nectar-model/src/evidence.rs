//! Byte spans and the quotes they hold.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` in a source document's text.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Its length in bytes.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether it covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether `other` lies wholly inside it.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text at the span, if it is a valid range of `text`.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// Where a fact stands in its source: the byte span and the exact text there.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Evidence {
    /// The byte span in the source document's text.
    pub span: Span,
    /// The source text at [`Evidence::span`], exactly.
    pub quote: String,
}

/// Why a piece of [`Evidence`] does not match its source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvidenceError {
    /// The span runs past the end of the text or splits a character.
    OutOfRange {
        /// The span.
        span: Span,
        /// The text's length in bytes.
        len: usize,
    },
    /// The text at the span is not the quote.
    Mismatch {
        /// The span.
        span: Span,
        /// The quote the evidence claims.
        quote: String,
        /// What the text holds there.
        found: String,
    },
}

impl fmt::Display for EvidenceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::OutOfRange { span, len } => {
                write!(f, "span {span} is not a valid range of a {len}-byte text")
            }
            Self::Mismatch { span, quote, found } => {
                write!(f, "span {span} holds {found:?}, not the quote {quote:?}")
            }
        }
    }
}

impl std::error::Error for EvidenceError {}

impl Evidence {
    /// The evidence for `span` of `text`; `None` if the span is not a valid range of it.
    pub fn new(text: &str, span: Span) -> Option<Self> {
        Some(Self {
            span,
            quote: span.slice(text)?.to_owned(),
        })
    }

    /// Checks that the span lies in `text` and holds exactly the quote.
    pub fn check(&self, text: &str) -> Result<(), EvidenceError> {
        match self.span.slice(text) {
            None => Err(EvidenceError::OutOfRange {
                span: self.span,
                len: text.len(),
            }),
            Some(found) if found != self.quote => Err(EvidenceError::Mismatch {
                span: self.span,
                quote: self.quote.clone(),
                found: found.to_owned(),
            }),
            Some(_) => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_catches_bad_spans() {
        let text = "caf\u{e9} au lait";
        assert!(Evidence::new(text, Span::new(0, 4)).is_none(), "splits é");
        let ev = Evidence::new(text, Span::new(0, 5)).unwrap();
        assert_eq!(ev.quote, "café");
        assert!(ev.check(text).is_ok());
        assert!(ev.check("cafe au lait").is_err());
        let far = Evidence {
            span: Span::new(10, 99),
            quote: String::new(),
        };
        assert!(matches!(
            far.check(text),
            Err(EvidenceError::OutOfRange { .. })
        ));
    }
}
