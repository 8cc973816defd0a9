//! The facts a correct reading of a report yields, as the expected files write them: the
//! seeds' `expected.json` (`{"about": ..., "reports": [...]}`, [`ExpectedFile`]) and the sample
//! corpus's `NAME.expected.json` (one [`Expected`]).
//!
//! One definition for every reader of these files: `nectar-testkit`'s conformance check and
//! `nectar eval`. Every struct refuses a key it does not know (`deny_unknown_fields`), and
//! every key is a fact that the conformance check compares with the report, except the prose
//! for people: `about` (what the file is), `note` (why a fact is so) and `template` (the
//! synthetic corpus's phrasing), which the check prints beside a fact that fails.
//!
//! ```
//! let e: Result<nectar_model::Expected, _> =
//!     serde_json::from_str(r#"{"must": {"source": "generic", "author_rol": null}}"#);
//! assert!(e.unwrap_err().to_string().contains("unknown field `author_rol`"));
//! ```

use serde::Deserialize;

/// The seeds' `expected.json`: every real report's expected facts.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedFile {
    /// What the file is and how to read it (prose).
    #[serde(default)]
    pub about: Option<String>,
    /// One entry per report, each naming its `file`.
    pub reports: Vec<Expected>,
}

/// The facts a correct reading of one report yields.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    /// The file, in the seeds' `expected.json` (the sample corpus pairs `NAME.expected.json`
    /// with `NAME.txt`).
    #[serde(default)]
    pub file: Option<String>,
    /// Facts required of every parser.
    pub must: Must,
    /// Facts expected of a good parser.
    #[serde(default)]
    pub should: Should,
}

/// The required facts.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Must {
    /// The parser that must read it.
    pub source: String,
    /// `nec_report` (the default) or `not_nec_report`.
    #[serde(default)]
    pub report_kind: Option<String>,
    /// The title (`null`: none).
    #[serde(default)]
    pub title: Option<String>,
    /// The publication date (`null`: none).
    #[serde(default)]
    pub published: Option<String>,
    /// The authors.
    #[serde(default)]
    pub authors: Vec<String>,
    /// The role the author gives themself (`CLP representative`), loosely matched; `null`:
    /// none stated.
    #[serde(default)]
    pub author_role: Option<String>,
    /// How many bulleted list items the report's body holds (`null`: not counted).
    #[serde(default)]
    pub bullets: Option<usize>,
    /// The primary meeting (`null`: none).
    #[serde(default)]
    pub primary_meeting: Option<PrimaryMeeting>,
    /// Other meetings that must be found.
    #[serde(default)]
    pub other_meetings_must: Vec<MeetingFact>,
    /// Exactly the report's own statements of total membership.
    #[serde(default)]
    pub membership: Vec<FigureFact>,
    /// Exactly the counted votes.
    #[serde(default)]
    pub votes: Vec<VoteFact>,
    /// The readers' comments.
    #[serde(default)]
    pub comments: Option<Comments>,
    /// Strings the body must not contain.
    #[serde(default)]
    pub not_in_body: Vec<String>,
    /// Section headings that must be agenda items.
    #[serde(default)]
    pub sections: Vec<String>,
}

/// The expected primary meeting.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrimaryMeeting {
    /// ISO date at its precision.
    pub date: String,
    /// The last day of a meeting over several days (`null`: one day).
    #[serde(default)]
    pub end_date: Option<String>,
    /// Whether the year is not in the words that give the date, so that a reader infers it
    /// (from the title, the publication date, the URL, the text). Absent: the reading's flag
    /// must agree with its own evidence (the year is stated only if its quote holds the year).
    #[serde(default)]
    pub year_inferred: Option<bool>,
    /// Whether the text gives a weekday that the date does not fall on (absent: no).
    #[serde(default)]
    pub weekday_clash: bool,
    /// Meeting kind.
    pub kind: String,
    /// Hours, or `null` for none stated.
    #[serde(default)]
    pub duration_hours: Option<f64>,
    /// Qualifier of the duration (`exact` when absent).
    #[serde(default)]
    pub duration_qualifier: Option<String>,
    /// A quote the duration's evidence must overlap.
    #[serde(default)]
    pub duration_quote: Option<String>,
    /// Why (prose, printed when the meeting's facts fail).
    #[serde(default)]
    pub note: Option<String>,
    /// The synthetic corpus's phrasing of the duration (printed when it fails).
    #[serde(default)]
    pub template: Option<String>,
}

/// An expected meeting.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingFact {
    /// ISO date at its precision.
    pub date: String,
    /// The last day of a meeting over several days (`null`: one day).
    #[serde(default)]
    pub end_date: Option<String>,
    /// Meeting kind.
    pub kind: String,
    /// The committee or panel, when the kind is `other_committee` (`Development Fund Panel`).
    #[serde(default)]
    pub body: Option<String>,
    /// A quote the meeting's evidence must overlap.
    #[serde(default)]
    pub quote: Option<String>,
    /// The synthetic corpus's phrasing (printed when it fails).
    #[serde(default)]
    pub template: Option<String>,
}

/// An expected figure.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureFact {
    /// Metric (membership when absent).
    #[serde(default)]
    pub metric: Option<String>,
    /// Value.
    pub value: f64,
    /// `percent`, a currency (`GBP`), or a count's noun (`members`, `seats`: any unit but a
    /// percentage or money).
    #[serde(default)]
    pub unit: Option<String>,
    /// Qualifier (`exact` when absent, for membership; unchecked when absent elsewhere).
    #[serde(default)]
    pub qualifier: Option<String>,
    /// As-of date.
    #[serde(default)]
    pub as_of: Option<String>,
    /// A quote the figure's evidence must overlap.
    #[serde(default)]
    pub quote: Option<String>,
    /// Why (prose, printed when the figure fails).
    #[serde(default)]
    pub note: Option<String>,
    /// The synthetic corpus's phrasing (printed when it fails).
    #[serde(default)]
    pub template: Option<String>,
}

/// An expected counted vote.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoteFact {
    /// Votes for.
    #[serde(rename = "for")]
    pub yes: Option<u32>,
    /// Votes against.
    pub against: Option<u32>,
    /// Abstentions.
    #[serde(default)]
    pub abstain: Option<u32>,
    /// `carried` or `defeated`.
    pub outcome: String,
    /// What was voted on, in a few words; most of its words must be in the vote's subject.
    #[serde(default)]
    pub about: Option<String>,
    /// A quote the vote's evidence must overlap.
    #[serde(default)]
    pub quote: Option<String>,
    /// Why (prose, printed when the vote fails).
    #[serde(default)]
    pub note: Option<String>,
    /// The synthetic corpus's phrasing (printed when it fails).
    #[serde(default)]
    pub template: Option<String>,
}

/// Expected comments.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comments {
    /// How many.
    pub count: usize,
    /// The first.
    #[serde(default)]
    pub first: Option<CommentFact>,
    /// The last.
    #[serde(default)]
    pub last: Option<CommentFact>,
    /// One by the report's author.
    #[serde(default)]
    pub reply_by_author: Option<CommentFact>,
    /// Why (prose, printed when the comments fail).
    #[serde(default)]
    pub note: Option<String>,
}

/// An expected comment.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommentFact {
    /// Author as shown (`null` or `Anonymous` for none).
    #[serde(default)]
    pub author: Option<String>,
    /// `YYYY-MM-DDTHH:MM`.
    #[serde(default)]
    pub posted_at: Option<String>,
}

/// The facts expected of a good parser.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Should {
    /// What the report holds that is not a fact to read (prose, printed with the misses).
    #[serde(default)]
    pub note: Option<String>,
    /// Other meetings.
    #[serde(default)]
    pub other_meetings: Vec<MeetingFact>,
    /// Figures other than membership.
    #[serde(default)]
    pub figures: Vec<FigureFact>,
    /// Figures stated in readers' comments.
    #[serde(default)]
    pub comment_figures: Vec<FigureFact>,
    /// Decisions.
    #[serde(default)]
    pub decisions: Vec<DecisionFact>,
    /// People.
    #[serde(default)]
    pub people: Vec<PersonFact>,
}

/// An expected decision.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionFact {
    /// Outcome.
    pub outcome: String,
    /// What was decided, in a few words; most of its words must be in the decision's subject.
    #[serde(default)]
    pub about: Option<String>,
    /// A quote the decision's evidence must overlap.
    pub quote: String,
    /// Why (prose, printed when the decision is missed).
    #[serde(default)]
    pub note: Option<String>,
    /// The synthetic corpus's phrasing (printed when it is missed).
    #[serde(default)]
    pub template: Option<String>,
}

/// An expected person.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonFact {
    /// Full name.
    pub name: String,
    /// Role, loosely matched.
    #[serde(default)]
    pub role: Option<String>,
    /// Why (prose, printed when the person is missed).
    #[serde(default)]
    pub note: Option<String>,
}
