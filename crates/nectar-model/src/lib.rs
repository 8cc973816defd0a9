//! The nectar document model: published reports of NEC meetings and the facts read from them.
//!
//! Every fact ([`Meeting`], [`Figure`], [`VoteEvent`], [`Decision`], [`PersonMention`],
//! [`AgendaItem`], [`Comment`]) carries [`Evidence`]: the byte span in its source document and
//! the exact quote found there. The source document itself ([`SourceDocument`]: path, sha256,
//! URL) and the parser that read it ([`ParserInfo`]) stand once on the [`Report`] that holds the
//! facts. IDs are deterministic: built from the source, the meeting date and the fact's position,
//! never random (see [`ids`]).
//!
//! This crate does no I/O and knows no plugins; it is the contract between parsers, exporters
//! and users. [`Report::check`] verifies the invariants every parser must keep.
//!
//! ```
//! use nectar_model::{Evidence, Span};
//! let text = "Membership was 512,000 in February.";
//! let ev = Evidence::new(text, Span::new(15, 22)).unwrap();
//! assert_eq!(ev.quote, "512,000");
//! assert!(ev.check(text).is_ok());
//! ```
#![deny(missing_docs)]

mod date;
mod enums;
mod evidence;
pub mod example;
mod expected;
pub mod ids;
mod input;
mod layout;
mod report;
pub mod schema;
mod truth;

pub use date::{DateBasis, DatePrecision, DateReading, ParseDateError, PartialDate, YearBasis};
pub use enums::{
    DecisionOutcome, MeetingKind, MeetingStatus, Metric, Origin, Qualifier, ReportKind, RoleBasis,
    Unit, VoteResult,
};
pub use evidence::{Evidence, EvidenceError, Span};
pub use expected::{
    CommentFact, Comments, DecisionFact, Expected, ExpectedFile, FigureFact, MeetingFact, Must,
    PersonFact, PrimaryMeeting, Should, VoteFact,
};
pub use input::{Document, Sidecar};
pub use layout::{Block, BlockKind, CommentLayout, Layout};
pub use report::{
    AgendaItem, Comment, Corpus, Decision, Duration, Extractor, Figure, InvariantError, Meeting,
    ParserInfo, PersonMention, Provenance, Report, SourceDocument, Sourced, VoteCounts, VoteEvent,
};
pub use truth::{TruthFigure, TruthMeeting, TruthPage, TruthVote};

/// The version of the model, written into every corpus.
pub const MODEL_VERSION: &str = env!("CARGO_PKG_VERSION");
