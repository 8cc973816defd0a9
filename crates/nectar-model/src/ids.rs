//! Deterministic IDs: the same report and facts always get the same IDs.
//!
//! ```
//! use nectar_model::{PartialDate, ids};
//! let date = PartialDate::ymd(2021, 2, 11);
//! let id = ids::report_id("blogger", date.as_ref(), "51b0b56cb4c41a34ff");
//! assert_eq!(id, "blogger-2021-02-11-51b0b56c");
//! assert_eq!(ids::fact_id(&id, ids::FactKind::Meeting, 0), "blogger-2021-02-11-51b0b56c/m1");
//! ```

use crate::PartialDate;

/// The kinds of fact that get IDs, each with a one-letter tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactKind {
    /// A meeting (`m`).
    Meeting,
    /// A figure (`f`).
    Figure,
    /// A vote (`v`).
    Vote,
    /// A decision (`d`).
    Decision,
}

impl FactKind {
    fn tag(self) -> &'static str {
        match self {
            Self::Meeting => "m",
            Self::Figure => "f",
            Self::Vote => "v",
            Self::Decision => "d",
        }
    }
}

/// A report's ID: its source, its primary meeting's date (or `undated`) and the first 8 hex
/// digits of its sha256, so that two reports of one meeting from one source still differ.
pub fn report_id(source: &str, date: Option<&PartialDate>, sha256: &str) -> String {
    let date = date.map_or_else(|| "undated".to_owned(), PartialDate::to_string);
    let hash = sha256.get(..8).unwrap_or(sha256);
    format!("{source}-{date}-{hash}")
}

/// A fact's ID: its report's ID, its kind's tag and its 1-based position among its kind.
pub fn fact_id(report_id: &str, kind: FactKind, index: usize) -> String {
    format!("{report_id}/{}{}", kind.tag(), index + 1)
}
