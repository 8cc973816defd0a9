//! Test support for nectar and its plugins.
//!
//! - [`seeds_dir`] and [`sample_corpus_dir`]: the real reports (`../shared/seeds`, beside the
//!   checkout, never copied into it) and the bundled sample corpus.
//! - [`Expected`]: the facts a correct reading of a report yields, as written in
//!   `expected.json` (seeds) or `NAME.expected.json` (sample corpus).
//! - [`conformance`]: checks a [`Report`] against its expected facts and its source text. Every
//!   parser's tests call it, so every parser is held to the same contract.
//! - [`assert_registered`]: a plugin is registered with a valid descriptor.
//! - [`synth`]: a synthetic corpus of any size, reports made from templates with their expected
//!   facts, for scale tests and benchmarks (also the `nectar-synth` program).
//!
//! ```
//! use nectar_model::Document;
//! let expected: nectar_testkit::Expected = serde_json::from_str(
//!     r#"{"must": {"source": "generic", "title": null, "membership": [], "votes": []}}"#,
//! ).unwrap();
//! assert_eq!(expected.must.source, "generic");
//! ```
#![deny(missing_docs)]

use std::path::{Path, PathBuf};

pub mod synth;

use nectar_model::{DecisionOutcome, Report, Span, Unit, VoteResult};
use serde::Deserialize;

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `../shared/seeds` beside the checkout, if it is there (it is in CI and on developers'
/// machines; a test that needs it says so and passes without it only outside CI).
pub fn seeds_dir() -> Option<PathBuf> {
    let dir = workspace_root().join("../shared/seeds");
    dir.join("expected.json").is_file().then_some(dir)
}

/// [`seeds_dir`], or a panic under CI (where the seeds must be present).
pub fn require_seeds() -> Option<PathBuf> {
    let dir = seeds_dir();
    if dir.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "../shared/seeds is missing, and CI must have it"
        );
        eprintln!("skipped: ../shared/seeds is not beside the checkout");
    }
    dir
}

/// `../shared/field` beside the checkout (the development set of real pages from many sites),
/// if it is there.
pub fn field_dir() -> Option<PathBuf> {
    let dir = workspace_root().join("../shared/field");
    dir.join("truth.json").is_file().then_some(dir)
}

/// [`field_dir`], or a panic under CI (where it must be present).
pub fn require_field() -> Option<PathBuf> {
    let dir = field_dir();
    if dir.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "../shared/field is missing, and CI must have it"
        );
        eprintln!("skipped: ../shared/field is not beside the checkout");
    }
    dir
}

/// The bundled sample corpus, `examples/corpus`.
pub fn sample_corpus_dir() -> PathBuf {
    workspace_root().join("examples/corpus")
}

/// The facts a correct reading of one report yields.
#[derive(Debug, Clone, Deserialize)]
pub struct Expected {
    /// The file, in the seeds' `expected.json`.
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
    /// The primary meeting.
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
pub struct PrimaryMeeting {
    /// ISO date at its precision.
    pub date: String,
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
}

/// An expected meeting.
#[derive(Debug, Clone, Deserialize)]
pub struct MeetingFact {
    /// ISO date at its precision.
    pub date: String,
    /// Meeting kind.
    pub kind: String,
    /// A quote the meeting's evidence must overlap.
    #[serde(default)]
    pub quote: Option<String>,
}

/// An expected figure.
#[derive(Debug, Clone, Deserialize)]
pub struct FigureFact {
    /// Metric (membership when absent).
    #[serde(default)]
    pub metric: Option<String>,
    /// Value.
    pub value: f64,
    /// `percent` or a currency, when it matters.
    #[serde(default)]
    pub unit: Option<String>,
    /// Qualifier (`exact` when absent, for membership).
    #[serde(default)]
    pub qualifier: Option<String>,
    /// As-of date.
    #[serde(default)]
    pub as_of: Option<String>,
    /// A quote the figure's evidence must overlap.
    #[serde(default)]
    pub quote: Option<String>,
}

/// An expected counted vote.
#[derive(Debug, Clone, Deserialize)]
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
    /// A quote the vote's evidence must overlap.
    #[serde(default)]
    pub quote: Option<String>,
}

/// Expected comments.
#[derive(Debug, Clone, Deserialize)]
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
}

/// An expected comment.
#[derive(Debug, Clone, Deserialize)]
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
pub struct Should {
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
pub struct DecisionFact {
    /// Outcome.
    pub outcome: String,
    /// A quote the decision's evidence must overlap.
    pub quote: String,
}

/// An expected person.
#[derive(Debug, Clone, Deserialize)]
pub struct PersonFact {
    /// Full name.
    pub name: String,
    /// Role, loosely matched.
    #[serde(default)]
    pub role: Option<String>,
}

/// The seeds' `expected.json`: `(file, expected)` for each real report.
pub fn seed_expectations(dir: &Path) -> Vec<(PathBuf, Expected)> {
    #[derive(Deserialize)]
    struct All {
        reports: Vec<Expected>,
    }
    let text = std::fs::read_to_string(dir.join("expected.json")).expect("expected.json reads");
    let all: All = serde_json::from_str(&text).expect("expected.json parses");
    all.reports
        .into_iter()
        .map(|e| (dir.join(e.file.clone().unwrap_or_default()), e))
        .collect()
}

/// Every `NAME.txt` of the sample corpus that has a `NAME.expected.json`, sorted.
pub fn corpus_expectations(dir: &Path) -> Vec<(PathBuf, Expected)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("corpus dir reads").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(".expected.json") {
                let txt = PathBuf::from(path.to_string_lossy().replace(".expected.json", ".txt"));
                let text = std::fs::read_to_string(&path).expect("expected file reads");
                let expected: Expected = serde_json::from_str(&text)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                out.push((txt, expected));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The result of a conformance check.
#[derive(Debug, Default, Clone)]
pub struct Conformance {
    /// Required facts that were wrong or missing, and broken invariants.
    pub must_failures: Vec<String>,
    /// How many expected-of-a-good-parser facts there were.
    pub should_total: usize,
    /// The ones that were not found.
    pub should_failures: Vec<String>,
}

impl Conformance {
    /// How many `should` facts were found.
    pub fn should_passed(&self) -> usize {
        self.should_total - self.should_failures.len()
    }
}

fn overlaps(text: &str, span: Span, quote: &str) -> bool {
    if quote.is_empty() {
        return true;
    }
    text.match_indices(quote)
        .any(|(i, q)| i < span.end && span.start < i + q.len())
}

fn quote_ok(text: &str, span: Span, quote: &Option<String>) -> bool {
    quote.as_deref().is_none_or(|q| overlaps(text, span, q))
}

fn same_role(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    a.contains(&b) || b.contains(&a)
}

fn unit_ok(unit: Unit, expected: &Option<String>) -> bool {
    match expected.as_deref().map(str::to_lowercase).as_deref() {
        Some("percent") => unit == Unit::Percent,
        Some("gbp") => unit == Unit::Gbp,
        Some("eur") => unit == Unit::Eur,
        Some("usd") => unit == Unit::Usd,
        _ => true,
    }
}

/// Checks a report against its expected facts and its source text.
///
/// Required: the source, kind, title, publication date and authors; the primary meeting's
/// date, kind and duration; each required other meeting; exactly the expected membership
/// figures (so a false one fails); exactly the counted votes; the comments; clutter absent from
/// the body; the sections as agenda items; and [`Report::check`] (every span holds its quote).
pub fn conformance(report: &Report, text: &str, expected: &Expected) -> Conformance {
    let mut c = Conformance::default();
    let must = &expected.must;
    let mut fail = |msg: String| c.must_failures.push(msg);
    for e in report.check(text) {
        fail(format!("invariant: {e}"));
    }
    if report.source != must.source {
        fail(format!(
            "source is {:?}, not {:?}",
            report.source, must.source
        ));
    }
    let kind = must.report_kind.as_deref().unwrap_or("nec_report");
    if report.kind.as_str() != kind {
        fail(format!("kind is {}, not {kind}", report.kind));
    }
    let title = report.title.as_ref().map(|t| t.value.as_str());
    if title != must.title.as_deref() {
        fail(format!("title is {title:?}, not {:?}", must.title));
    }
    let published = report.published.as_ref().map(|p| p.value.to_string());
    if published != must.published {
        fail(format!(
            "published is {published:?}, not {:?}",
            must.published
        ));
    }
    let authors: Vec<&str> = report.authors.iter().map(|a| a.value.as_str()).collect();
    if authors != must.authors {
        fail(format!("authors are {authors:?}, not {:?}", must.authors));
    }
    let body = report.body_text(text);
    for clutter in &must.not_in_body {
        if body.contains(clutter.as_str()) {
            fail(format!("body holds clutter {clutter:?}"));
        }
    }
    if let Some(pm) = &must.primary_meeting {
        match report.primary_meeting() {
            None => fail("no primary meeting".into()),
            Some(m) => {
                let date = m.date.as_ref().map(|d| d.date.to_string());
                if date.as_deref() != Some(pm.date.as_str()) {
                    fail(format!("primary meeting date {date:?}, not {}", pm.date));
                }
                if m.kind.as_str() != pm.kind {
                    fail(format!("primary meeting kind {}, not {}", m.kind, pm.kind));
                }
                match (&m.duration, pm.duration_hours) {
                    (None, None) => {}
                    (Some(d), None) => fail(format!(
                        "duration {} h found where none is stated ({:?})",
                        d.hours, d.evidence.quote
                    )),
                    (None, Some(h)) => fail(format!("no duration; {h} h expected")),
                    (Some(d), Some(h)) => {
                        if (d.hours - h).abs() > 0.01 {
                            fail(format!("duration {} h, not {h}", d.hours));
                        }
                        let q = pm.duration_qualifier.as_deref().unwrap_or("exact");
                        if d.qualifier.as_str() != q {
                            fail(format!("duration qualifier {}, not {q}", d.qualifier));
                        }
                        if !quote_ok(text, d.evidence.span, &pm.duration_quote) {
                            fail(format!(
                                "duration evidence {:?} misses {:?}",
                                d.evidence.quote, pm.duration_quote
                            ));
                        }
                    }
                }
            }
        }
    }
    let others: Vec<_> = report.meetings.iter().filter(|m| !m.primary).collect();
    let meeting_found = |f: &MeetingFact| {
        others.iter().any(|m| {
            m.date
                .as_ref()
                .is_some_and(|d| d.date.to_string() == f.date)
                && m.kind.as_str() == f.kind
                && quote_ok(text, m.evidence.span, &f.quote)
        })
    };
    for f in &must.other_meetings_must {
        if !meeting_found(f) {
            fail(format!(
                "meeting {} {} ({:?}) not found",
                f.date, f.kind, f.quote
            ));
        }
    }
    let membership: Vec<_> = report
        .figures
        .iter()
        .filter(|f| f.metric == "membership" && !f.from_comment)
        .collect();
    for f in &membership {
        let wanted = must.membership.iter().any(|e| {
            (f.value - e.value).abs() < 0.5
                && f.qualifier.as_str() == e.qualifier.as_deref().unwrap_or("exact")
                && f.as_of.map(|d| d.to_string()) == e.as_of
                && quote_ok(text, f.evidence.span, &e.quote)
        });
        if !wanted {
            fail(format!(
                "membership figure {} ({}, as of {:?}) from {:?} is not expected",
                f.value,
                f.qualifier,
                f.as_of.map(|d| d.to_string()),
                f.evidence.quote
            ));
        }
    }
    for e in &must.membership {
        if !membership.iter().any(|f| (f.value - e.value).abs() < 0.5) {
            fail(format!(
                "membership figure {} ({:?}) not found",
                e.value, e.quote
            ));
        }
    }
    if report.votes.len() != must.votes.len() {
        fail(format!(
            "{} counted votes, not {}",
            report.votes.len(),
            must.votes.len()
        ));
    }
    for e in &must.votes {
        let result = if e.outcome == "defeated" {
            VoteResult::Fail
        } else {
            VoteResult::Pass
        };
        let found = report.votes.iter().any(|v| {
            v.counts.yes == e.yes
                && v.counts.no == e.against
                && v.counts.abstain == e.abstain
                && v.result == result
                && quote_ok(text, v.evidence.span, &e.quote)
        });
        if !found {
            fail(format!(
                "vote {:?}-{:?} {} ({:?}) not found",
                e.yes, e.against, e.outcome, e.quote
            ));
        }
    }
    if let Some(ec) = &must.comments {
        if report.comments.len() != ec.count {
            fail(format!(
                "{} comments, not {}",
                report.comments.len(),
                ec.count
            ));
        }
        let fmt = |c: &nectar_model::Comment| {
            (
                c.author.clone(),
                c.posted_at.map(|t| t.format("%Y-%m-%dT%H:%M").to_string()),
            )
        };
        let matches = |c: Option<&nectar_model::Comment>, e: &CommentFact| {
            let want = e.author.as_deref().filter(|a| *a != "Anonymous");
            c.map(fmt).is_some_and(|(a, t)| {
                a.as_deref() == want && (e.posted_at.is_none() || t == e.posted_at)
            })
        };
        if let Some(e) = &ec.first
            && !matches(report.comments.first(), e)
        {
            fail(format!(
                "first comment is {:?}, not {e:?}",
                report.comments.first().map(fmt)
            ));
        }
        if let Some(e) = &ec.last
            && !matches(report.comments.last(), e)
        {
            fail(format!(
                "last comment is {:?}, not {e:?}",
                report.comments.last().map(fmt)
            ));
        }
        if let Some(e) = &ec.reply_by_author
            && !report.comments.iter().any(|c| matches(Some(c), e))
        {
            fail(format!("no comment {e:?}"));
        }
    }
    let norm = |s: &str| s.to_lowercase().replace('’', "'");
    for s in &must.sections {
        if !report
            .agenda_items
            .iter()
            .any(|a| norm(&a.heading) == norm(s))
        {
            fail(format!("section {s:?} is not an agenda item"));
        }
    }

    // Should.
    let should = &expected.should;
    let mut check = |ok: bool, what: String| {
        c.should_total += 1;
        if !ok {
            c.should_failures.push(what);
        }
    };
    for f in &should.other_meetings {
        check(
            meeting_found(f),
            format!("meeting {} {} ({:?})", f.date, f.kind, f.quote),
        );
    }
    let figure_found = |e: &FigureFact, from_comment: bool| {
        report.figures.iter().any(|f| {
            f.from_comment == from_comment
                && (f.value - e.value).abs() < 0.5
                && e.metric.as_deref().is_none_or(|m| m == f.metric)
                && unit_ok(f.unit, &e.unit)
                && (e.as_of.is_none() || f.as_of.map(|d| d.to_string()) == e.as_of)
                && quote_ok(text, f.evidence.span, &e.quote)
        })
    };
    for e in &should.figures {
        check(
            figure_found(e, false),
            format!("figure {:?} {} ({:?})", e.metric, e.value, e.quote),
        );
    }
    for e in &should.comment_figures {
        check(
            figure_found(e, true),
            format!("comment figure {:?} {} ({:?})", e.metric, e.value, e.quote),
        );
    }
    for e in &should.decisions {
        let ok = report.decisions.iter().any(|d| {
            outcome_matches(d.outcome, &e.outcome) && overlaps(text, d.evidence.span, &e.quote)
        });
        check(ok, format!("decision {} ({:?})", e.outcome, e.quote));
    }
    for e in &should.people {
        let ok = report.people.iter().any(|p| {
            p.name == e.name
                && e.role
                    .as_deref()
                    .is_none_or(|r| p.role.as_deref().is_some_and(|pr| same_role(pr, r)))
        });
        check(ok, format!("person {} ({:?})", e.name, e.role));
    }
    c
}

fn outcome_matches(found: DecisionOutcome, expected: &str) -> bool {
    found.as_str() == expected
}

/// Asserts that a parser is registered under `name` with a valid descriptor, and returns it.
pub fn assert_registered(
    registry: &nectar_registry::Registry,
    name: &str,
) -> &'static nectar_registry::ParserDescriptor {
    let parser = registry
        .parser(name)
        .unwrap_or_else(|| panic!("parser {name} is not registered"));
    assert!(
        parser.description.ends_with('.'),
        "{name}: description is a sentence"
    );
    assert!(!parser.publisher.is_empty(), "{name}: publisher");
    assert!(!parser.version.is_empty(), "{name}: version");
    parser
}
