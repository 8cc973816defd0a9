//! The report and its facts.

use std::collections::BTreeSet;
use std::fmt;

use chrono::NaiveDateTime;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize, Serializer};

use crate::{
    DateReading, DecisionOutcome, Evidence, EvidenceError, MeetingKind, MeetingStatus, Metric,
    Origin, PartialDate, Qualifier, ReportKind, RoleBasis, Span, Unit, VoteResult,
};

/// Writes whole numbers without a fractional part (`512000`, not `512000.0`).
fn number<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

/// Every report that one run read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Corpus {
    /// The version of the model that wrote it.
    pub nectar_version: String,
    /// The reports, in input order.
    pub reports: Vec<Report>,
}

/// The document a report was read from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SourceDocument {
    /// The path as given on the command line (or joined to the directory given): where this
    /// run read it.
    pub path: String,
    /// The path relative to the folder given (`2016/report.txt`), or the file's name when
    /// given on its own: how the dataset names it, the same on every machine. Empty in the
    /// output of an older nectar, which had only [`SourceDocument::path`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub file: String,
    /// The SHA-256 of the file's bytes, as lowercase hex.
    pub sha256: String,
    /// The file's size in bytes.
    pub bytes: u64,
    /// Where the page was published, when the metadata sidecar says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The metadata sidecar that was read beside the file, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sidecar: Option<String>,
    /// The encoding the file was read in when it is not UTF-8 (`windows-1252`): its text was
    /// decoded to UTF-8, and every span and quote indexes that text, not the file's bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// The SHA-256 of the text read (UTF-8), when it is not the file's bytes (see
    /// [`SourceDocument::encoding`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_sha256: Option<String>,
    /// The text read, when it is not the file's bytes (an HTML page's main text, or a file
    /// decoded from a legacy encoding): every span and quote of the report indexes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// What found the text in the file, when the file is a web page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extractor: Option<Extractor>,
}

/// What found a web page's main text: the extractor's name, version and settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Extractor {
    /// Its name (`dom_smoothie`).
    pub name: String,
    /// Its version.
    pub version: String,
    /// The settings it ran with.
    pub settings: String,
}

/// The parser that read a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ParserInfo {
    /// The parser's registered name (also the report's `source`).
    pub name: String,
    /// The parser's version.
    pub version: String,
    /// How sure detection was that this parser fits (0 to 1); 1 when chosen by the user.
    pub confidence: f32,
}

/// A report-level value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Where it came from.
    pub origin: Origin,
    /// Its place in the text, when it came from the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

impl<T> Sourced<T> {
    /// A value read from the text at `evidence`.
    pub fn from_text(value: T, evidence: Evidence) -> Self {
        Self {
            value,
            origin: Origin::Text,
            evidence: Some(evidence),
        }
    }

    /// A value from somewhere other than the text.
    pub fn from(value: T, origin: Origin) -> Self {
        Self {
            value,
            origin,
            evidence: None,
        }
    }
}

/// One published report of NEC meetings and the facts read from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    /// Deterministic ID (see [`crate::ids::report_id`]).
    pub report_id: String,
    /// The source layout the report was read as (the parser's name): `blogger`, `clga`, ...
    pub source: String,
    /// The document it was read from.
    pub document: SourceDocument,
    /// The parser that read it.
    pub parser: ParserInfo,
    /// Whether it reports NEC meetings at all.
    pub kind: ReportKind,
    /// The title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Sourced<String>>,
    /// The publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Sourced<PartialDate>>,
    /// The authors, in the order given.
    #[serde(default)]
    pub authors: Vec<Sourced<String>>,
    /// The role the author gives themself in the text (`CLP representative`, `NEC
    /// vice-chair`), when the report states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_role: Option<Sourced<String>>,
    /// The report's own text, without the site's clutter and readers' comments.
    pub body: Span,
    /// Lines inside [`Report::body`] that are not the report's text (a PDF's running headers
    /// and page numbers, a widget between paragraphs); no fact is read from them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clutter: Vec<Span>,
    /// The meetings it reports or mentions; at most one is `primary`.
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// The agenda items of the primary meeting, in order.
    #[serde(default)]
    pub agenda_items: Vec<AgendaItem>,
    /// Quantities stated: membership, arrears, percentages, money, ...
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// Counted votes.
    #[serde(default)]
    pub votes: Vec<VoteEvent>,
    /// Decisions reported without counts.
    #[serde(default)]
    pub decisions: Vec<Decision>,
    /// People named, with their roles where the text gives them.
    #[serde(default)]
    pub people: Vec<PersonMention>,
    /// Readers' comments below the report.
    #[serde(default)]
    pub comments: Vec<Comment>,
    /// What the parser noticed and could not settle (a weekday that clashes with its date, ...).
    #[serde(default)]
    pub notes: Vec<String>,
    /// The body's fingerprint ([`crate::ids::fingerprint`]), to know the same report posted at
    /// another address; none for a body too short to tell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
}

/// A meeting (Popolo's Event) reported or mentioned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Meeting {
    /// Deterministic ID.
    pub meeting_id: String,
    /// When, if the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateReading>,
    /// What kind of meeting.
    pub kind: MeetingKind,
    /// The committee or panel's name when it is not one of the named kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Held or scheduled.
    pub status: MeetingStatus,
    /// Whether this is the meeting the report is about.
    pub primary: bool,
    /// How long it ran, if the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<Duration>,
    /// Where the text names the meeting.
    pub evidence: Evidence,
}

/// How long a meeting ran.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Duration {
    /// Hours.
    #[serde(serialize_with = "number")]
    pub hours: f64,
    /// `over 7 hours` is [`Qualifier::Over`].
    pub qualifier: Qualifier,
    /// Where the text says so.
    pub evidence: Evidence,
}

/// Why a fact exists: the rule or cue of nectar's that read it, and how far to trust it.
///
/// A user filters on [`Provenance::confidence`]; a developer looks the rule up (nectar's rules
/// are listed, with what each does, in `crates/nectar-extract/data/rules.toml`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Provenance {
    /// The rule's name, `table.cue` (`votes.by_n_to_m`, `figures.members_after`).
    pub rule: String,
    /// The share of the rule's rows that were right on the real reports nectar is measured
    /// on (0 to 1).
    #[serde(serialize_with = "number")]
    pub confidence: f64,
}

/// An item on a meeting's agenda, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AgendaItem {
    /// The meeting it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_id: Option<String>,
    /// 1-based position.
    pub ordinal: u32,
    /// The heading or the item's name (`Leader's report`).
    pub heading: String,
    /// Who presented it, when the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presenter: Option<String>,
    /// Where the text names the item.
    pub evidence: Evidence,
    /// The rule that read it and how far to trust it (an empty rule and confidence 0 when
    /// read from the output of an older nectar, which had none).
    #[serde(default)]
    pub provenance: Provenance,
}

/// A quantity stated in a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Figure {
    /// Deterministic ID.
    pub figure_id: String,
    /// The meeting it was reported to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_id: Option<String>,
    /// What it measures.
    pub metric: Metric,
    /// The value (19 for 19%).
    #[serde(serialize_with = "number")]
    pub value: f64,
    /// Its unit.
    pub unit: Unit,
    /// `over 512,000` is [`Qualifier::Over`].
    pub qualifier: Qualifier,
    /// The date it describes: the meeting's unless the text says otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<PartialDate>,
    /// Whether a reader's comment states it, rather than the report's author.
    pub from_comment: bool,
    /// Where the text says so.
    pub evidence: Evidence,
    /// The rule that read it and how far to trust it (an empty rule and confidence 0 when
    /// read from the output of an older nectar, which had none).
    #[serde(default)]
    pub provenance: Provenance,
}

/// The counts of a vote; `None` where the text gives none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct VoteCounts {
    /// Votes for.
    pub yes: Option<u32>,
    /// Votes against.
    pub no: Option<u32>,
    /// Abstentions.
    pub abstain: Option<u32>,
}

/// A counted vote (Open Civic Data's VoteEvent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct VoteEvent {
    /// Deterministic ID.
    pub vote_id: String,
    /// The meeting it was taken at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_id: Option<String>,
    /// What was voted on, as the text words it: the words after the count (`to open
    /// selections quickly`), or else its sentence, after the sentence before when the words
    /// before the count point back (`Our proposal was lost 14-17`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The counts.
    pub counts: VoteCounts,
    /// Carried or fell.
    pub result: VoteResult,
    /// Where the text reports it.
    pub evidence: Evidence,
    /// The rule that read it and how far to trust it (an empty rule and confidence 0 when
    /// read from the output of an older nectar, which had none).
    #[serde(default)]
    pub provenance: Provenance,
}

/// A decision reported without counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Decision {
    /// Deterministic ID.
    pub decision_id: String,
    /// The meeting that took it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_id: Option<String>,
    /// What was decided.
    pub outcome: DecisionOutcome,
    /// What was decided, in a few words as the text words them: the motion, paper or
    /// proposal (`a new code of conduct`); its sentence, after the sentence before, when those
    /// words only point back (`This was accepted.`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// `unanimously`.
    #[serde(default)]
    pub unanimous: bool,
    /// `narrowly`.
    #[serde(default)]
    pub narrow: bool,
    /// The counted vote that took it (see `votes`), when the text gives its counts: one
    /// decision with its vote, not two unrelated facts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote_id: Option<String>,
    /// Where the text reports it.
    pub evidence: Evidence,
    /// The rule that read it and how far to trust it (an empty rule and confidence 0 when
    /// read from the output of an older nectar, which had none).
    #[serde(default)]
    pub provenance: Provenance,
}

/// A person named in a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PersonMention {
    /// The curated person's ID, when the name resolved to one; unresolved names have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<String>,
    /// The full name: the curated one when resolved, else as written.
    pub name: String,
    /// The role the text (or, for a resolved name, the dated role table) gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Where the role comes from: the text or the curated table; none without a role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_basis: Option<RoleBasis>,
    /// The other forms the text names them by (`Keir`, `Starmer`, `Sir Keir Starmer`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Where the text first names them.
    pub evidence: Evidence,
    /// The rule that read it and how far to trust it (an empty rule and confidence 0 when
    /// read from the output of an older nectar, which had none).
    #[serde(default)]
    pub provenance: Provenance,
}

/// A reader's comment below a report (Popolo's Speech).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Comment {
    /// 1-based position.
    pub ordinal: u32,
    /// The name shown, unless anonymous with no name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Whether the site marks the commenter as anonymous.
    pub anonymous: bool,
    /// When it was posted (local time as shown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posted_at: Option<NaiveDateTime>,
    /// The comment's text.
    pub text: String,
    /// Where the comment stands, from the author line to the time.
    pub evidence: Evidence,
}

/// A broken invariant of a [`Report`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvariantError {
    /// Which fact: `meetings[2]`, `figures[0]`, ...
    pub path: String,
    /// What is wrong.
    pub problem: String,
}

impl fmt::Display for InvariantError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.problem)
    }
}

impl Report {
    /// The report's own text: the body without its clutter lines.
    pub fn body_text(&self, text: &str) -> String {
        let mut out = String::new();
        let mut at = self.body.start;
        for c in &self.clutter {
            if let Some(s) = text.get(at..c.start.max(at)) {
                out.push_str(s);
            }
            at = at.max(c.end);
        }
        if let Some(s) = text.get(at..self.body.end.max(at)) {
            out.push_str(s);
        }
        out
    }

    /// The primary meeting, if the report has one.
    pub fn primary_meeting(&self) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.primary)
    }

    /// Every piece of evidence in the report, with a path naming the fact that holds it.
    pub fn evidence(&self) -> Vec<(String, &Evidence)> {
        let mut out: Vec<(String, &Evidence)> = Vec::new();
        if let Some(ev) = self.title.as_ref().and_then(|t| t.evidence.as_ref()) {
            out.push(("title".into(), ev));
        }
        if let Some(ev) = self.published.as_ref().and_then(|p| p.evidence.as_ref()) {
            out.push(("published".into(), ev));
        }
        for (i, a) in self.authors.iter().enumerate() {
            if let Some(ev) = &a.evidence {
                out.push((format!("authors[{i}]"), ev));
            }
        }
        if let Some(ev) = self.author_role.as_ref().and_then(|r| r.evidence.as_ref()) {
            out.push(("author_role".into(), ev));
        }
        for (i, m) in self.meetings.iter().enumerate() {
            out.push((format!("meetings[{i}]"), &m.evidence));
            if let Some(d) = &m.duration {
                out.push((format!("meetings[{i}].duration"), &d.evidence));
            }
        }
        let tables: [(&str, Vec<&Evidence>); 6] = [
            (
                "agenda_items",
                self.agenda_items.iter().map(|x| &x.evidence).collect(),
            ),
            (
                "figures",
                self.figures.iter().map(|x| &x.evidence).collect(),
            ),
            ("votes", self.votes.iter().map(|x| &x.evidence).collect()),
            (
                "decisions",
                self.decisions.iter().map(|x| &x.evidence).collect(),
            ),
            ("people", self.people.iter().map(|x| &x.evidence).collect()),
            (
                "comments",
                self.comments.iter().map(|x| &x.evidence).collect(),
            ),
        ];
        for (table, evs) in tables {
            out.extend(
                evs.into_iter()
                    .enumerate()
                    .map(|(i, ev)| (format!("{table}[{i}]"), ev)),
            );
        }
        out
    }

    /// Checks the invariants every parser must keep, against the document's text:
    /// each span lies in the text and holds its quote, the body span is valid, IDs are unique,
    /// facts name meetings that exist, at most one meeting is primary, ordinals count from 1.
    pub fn check(&self, text: &str) -> Vec<InvariantError> {
        let mut errors = Vec::new();
        let mut err = |path: String, problem: String| errors.push(InvariantError { path, problem });
        if self.body.slice(text).is_none() {
            err(
                "body".into(),
                EvidenceError::OutOfRange {
                    span: self.body,
                    len: text.len(),
                }
                .to_string(),
            );
        }
        for (path, ev) in self.evidence() {
            if let Err(e) = ev.check(text) {
                err(path, e.to_string());
            }
        }
        let meeting_ids: BTreeSet<&str> = self
            .meetings
            .iter()
            .map(|m| m.meeting_id.as_str())
            .collect();
        if meeting_ids.len() != self.meetings.len() {
            err("meetings".into(), "meeting IDs are not unique".into());
        }
        if self.meetings.iter().filter(|m| m.primary).count() > 1 {
            err("meetings".into(), "more than one primary meeting".into());
        }
        let refs = self
            .figures
            .iter()
            .map(|f| ("figures", &f.meeting_id))
            .chain(self.votes.iter().map(|v| ("votes", &v.meeting_id)))
            .chain(self.decisions.iter().map(|d| ("decisions", &d.meeting_id)))
            .chain(
                self.agenda_items
                    .iter()
                    .map(|a| ("agenda_items", &a.meeting_id)),
            );
        for (table, id) in refs {
            if let Some(id) = id
                && !meeting_ids.contains(id.as_str())
            {
                err(
                    table.into(),
                    format!("names meeting {id}, which is not in the report"),
                );
            }
        }
        let mut ids = BTreeSet::new();
        for id in self
            .figures
            .iter()
            .map(|f| &f.figure_id)
            .chain(self.votes.iter().map(|v| &v.vote_id))
            .chain(self.decisions.iter().map(|d| &d.decision_id))
        {
            if !ids.insert(id) {
                err("ids".into(), format!("{id} is used twice"));
            }
        }
        for (i, span) in self.clutter.iter().enumerate() {
            if span.slice(text).is_none() {
                err(
                    format!("clutter[{i}]"),
                    format!("{span} is not a span of the text"),
                );
            }
        }
        // A fact's ID is its report's, a `/`, its kind's letter and its quote's hash.
        let prefix = format!("{}/", self.report_id);
        for (kind, id) in self
            .meetings
            .iter()
            .map(|m| ("m-", &m.meeting_id))
            .chain(self.figures.iter().map(|f| ("f-", &f.figure_id)))
            .chain(self.votes.iter().map(|v| ("v-", &v.vote_id)))
            .chain(self.decisions.iter().map(|d| ("d-", &d.decision_id)))
        {
            if !id
                .strip_prefix(&prefix)
                .is_some_and(|rest| rest.starts_with(kind) && rest.len() >= kind.len() + 8)
            {
                err("ids".into(), format!("{id} is not an ID of this report"));
            }
        }
        for (i, f) in self.figures.iter().enumerate() {
            if !f.value.is_finite() {
                err(
                    format!("figures[{i}]"),
                    "value is not a finite number".into(),
                );
            }
        }
        for (i, m) in self.meetings.iter().enumerate() {
            if m.duration
                .as_ref()
                .is_some_and(|d| !d.hours.is_finite() || d.hours < 0.0)
            {
                err(
                    format!("meetings[{i}]"),
                    "duration is not a finite number of hours".into(),
                );
            }
        }
        for (i, c) in self.comments.iter().enumerate() {
            if c.ordinal as usize != i + 1 {
                err(
                    format!("comments[{i}]"),
                    format!("ordinal {} is not {}", c.ordinal, i + 1),
                );
            }
        }
        for (i, a) in self.agenda_items.iter().enumerate() {
            if a.ordinal as usize != i + 1 {
                err(
                    format!("agenda_items[{i}]"),
                    format!("ordinal {} is not {}", a.ordinal, i + 1),
                );
            }
        }
        errors
    }
}
