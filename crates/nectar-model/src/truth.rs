//! What a careful reader gets from a page: the truth that `nectar eval` scores nectar against
//! (the format of `../shared/field/truth.json`, a JSON array of [`TruthPage`]).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{MeetingKind, Qualifier};

/// One page as a careful reader reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TruthPage {
    /// The page's file name (matched against the name of each file read).
    pub file: String,
    /// Where it was published.
    #[serde(default)]
    pub url: Option<String>,
    /// The site.
    #[serde(default)]
    pub site: Option<String>,
    /// The authors, joined with `; `; none when the page does not say.
    #[serde(default)]
    pub author: Option<String>,
    /// The publication date (`YYYY-MM-DD`), when the page or its URL gives a full one.
    #[serde(default)]
    pub published: Option<String>,
    /// The meetings the page reports on, the primary one first.
    #[serde(default)]
    pub meetings: Vec<TruthMeeting>,
    /// Total party membership figures.
    #[serde(default)]
    pub membership: Vec<TruthFigure>,
    /// Counted votes.
    #[serde(default)]
    pub votes: Vec<TruthVote>,
    /// The primary meeting's length in hours.
    #[serde(default)]
    pub duration_hours: Option<f64>,
    /// `exact`, `over`, `around` or `under`.
    #[serde(default)]
    pub duration_qualifier: Option<Qualifier>,
    /// The words that give the duration.
    #[serde(default)]
    pub duration_evidence: Option<String>,
    /// Whether the page is not a report of NEC meetings.
    #[serde(default)]
    pub negative: bool,
    /// Meetings the page mentions without reporting on them.
    #[serde(default)]
    pub mentioned_meetings: Vec<TruthMeeting>,
    /// Things that look like facts and are not (free form).
    #[serde(default)]
    pub distractors: Vec<serde_json::Value>,
    /// The reader's notes.
    #[serde(default)]
    pub notes: Option<String>,
}

/// A meeting as a careful reader dates it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TruthMeeting {
    /// `YYYY-MM-DD` (or `YYYY-MM` when only the month is given); none when the page gives no
    /// usable date.
    pub date: Option<String>,
    /// The kind of meeting.
    pub kind: MeetingKind,
    /// The words that give the date.
    #[serde(default)]
    pub evidence: Option<String>,
    /// Other dates a scorer accepts (the second day of a range, a likely typo's fix).
    #[serde(default)]
    pub accept_dates: Vec<String>,
    /// Other kinds a scorer accepts.
    #[serde(default)]
    pub accept_kinds: Vec<MeetingKind>,
    /// A note.
    #[serde(default)]
    pub note: Option<String>,
}

/// A membership figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TruthFigure {
    /// The figure.
    pub value: f64,
    /// `exact`, `over`, `around` or `under`.
    #[serde(default)]
    pub qualifier: Option<Qualifier>,
    /// When it held (`YYYY-MM` or `YYYY-MM-DD`).
    #[serde(default)]
    pub as_of: Option<String>,
    /// The words that give it.
    #[serde(default)]
    pub evidence: Option<String>,
    /// A note.
    #[serde(default)]
    pub note: Option<String>,
}

/// A counted vote, stored by side: `for` is the votes for the motion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TruthVote {
    /// Votes for (none where only the minority is counted).
    #[serde(rename = "for", default)]
    pub yes: Option<u32>,
    /// Votes against.
    #[serde(rename = "against", default)]
    pub no: Option<u32>,
    /// Abstentions.
    #[serde(default)]
    pub abstain: Option<u32>,
    /// What was voted on.
    #[serde(default)]
    pub subject: Option<String>,
    /// The words that give the counts.
    #[serde(default)]
    pub evidence: Option<String>,
    /// `election` for a ballot between candidates.
    #[serde(default)]
    pub vote_type: Option<String>,
    /// A note.
    #[serde(default)]
    pub note: Option<String>,
}
