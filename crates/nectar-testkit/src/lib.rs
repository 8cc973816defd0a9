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
pub mod web;

use nectar_model::{DecisionOutcome, Report, Span, Unit, VoteResult};

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

pub use nectar_model::{
    CommentFact, Comments, DecisionFact, Expected, ExpectedFile, FigureFact, MeetingFact, Must,
    PersonFact, PrimaryMeeting, Should, VoteFact,
};

/// The seeds' `expected.json`: `(file, expected)` for each real report.
pub fn seed_expectations(dir: &Path) -> Vec<(PathBuf, Expected)> {
    let path = dir.join("expected.json");
    let all = read_expected_file(&path).unwrap_or_else(|e| panic!("{e}"));
    all.reports
        .into_iter()
        .map(|e| (dir.join(e.file.clone().unwrap_or_default()), e))
        .collect()
}

/// Reads an `expected.json` of real reports; an unknown key is an error that names it.
pub fn read_expected_file(path: &Path) -> Result<ExpectedFile, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads one `NAME.expected.json`; an unknown key is an error that names it.
pub fn read_expected(path: &Path) -> Result<Expected, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
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
                let expected = read_expected(&path).unwrap_or_else(|e| panic!("{e}"));
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
    /// The expected file's word on what the report holds that is not a fact to read (its
    /// `should.note`), to print beside the misses.
    pub should_note: Option<String>,
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

/// `percent` and the currencies name their unit; any other word (`members`, `seats`) is a
/// count's noun.
/// An expectation's metric in the closed vocabulary ([`nectar_model::Metric`]): the seeds'
/// `expected.json` and older expectations name metrics more narrowly (`new_members`,
/// `joined_since_percent`, `lottery_income_per_year`), each of which is one of the
/// vocabulary's; money of any kind is `money`.
pub fn vocabulary_metric(metric: &str, unit: &Option<String>) -> String {
    const NARROWER: &[(&str, &str)] = &[
        ("new_members", "joiners"),
        ("registered_attendees", "attendance"),
        ("conference_attendance", "attendance"),
        ("conference_delegates", "delegates"),
        ("conference_clps", "clps"),
        ("joined_since_percent", "members_percent"),
        ("members_donating_percent", "members_percent"),
        ("women_percent", "members_percent"),
        ("members_in_arrears_percent", "members_percent"),
        ("turnout_percent", "ballot_turnout"),
        ("complaints", "cases"),
        ("applications", "other"),
        ("participants", "other"),
        ("motions", "other"),
    ];
    if nectar_model::Metric::NAMES.contains(&metric) {
        return metric.to_owned();
    }
    if unit.as_deref().is_some_and(|u| {
        ["gbp", "eur", "usd"]
            .iter()
            .any(|c| u.eq_ignore_ascii_case(c))
    }) {
        return "money".to_owned();
    }
    NARROWER
        .iter()
        .find(|(from, _)| *from == metric)
        .map_or_else(|| metric.to_owned(), |(_, to)| (*to).to_owned())
}

fn unit_ok(unit: Unit, expected: &Option<String>) -> bool {
    match expected.as_deref().map(str::to_lowercase).as_deref() {
        None => true,
        Some("percent") => unit == Unit::Percent,
        Some("gbp") => unit == Unit::Gbp,
        Some("eur") => unit == Unit::Eur,
        Some("usd") => unit == Unit::Usd,
        Some(_) => unit == Unit::Count,
    }
}

/// The words of `about` that say what it is about: lower-cased, without the short words.
fn content_words(about: &str) -> Vec<String> {
    about
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(|w| w.trim_matches('-').to_lowercase())
        .filter(|w| w.chars().count() >= 4 && !STOP.contains(&w.as_str()))
        .collect()
}

/// Short and general words that say nothing of what a vote or decision was about.
const STOP: &[&str] = &[
    "about",
    "after",
    "also",
    "from",
    "into",
    "that",
    "their",
    "them",
    "they",
    "this",
    "those",
    "until",
    "were",
    "what",
    "when",
    "which",
    "with",
    "would",
    "labour",
    "party",
    "national",
    "executive",
    "committee",
    "meeting",
    "members",
];

/// Whether a fact's subject is about `about` (a reader's paraphrase, which may name what the
/// text only points back to: `This was accepted.`): one of its words, by its stem
/// (first five letters: `selection`, `selections`), is in the subject. A subject about
/// something else, or none, fails.
fn about_ok(subject: Option<&str>, about: &Option<String>) -> bool {
    let Some(about) = about else {
        return true;
    };
    let Some(subject) = subject else {
        return false;
    };
    let words = content_words(about);
    if words.is_empty() {
        return true;
    }
    let subject = subject.to_lowercase();
    let stem = |w: &str| w.chars().take(5).collect::<String>();
    words.iter().any(|w| subject.contains(stem(w).as_str()))
}

/// The bulleted list items of a report's body (without its clutter).
pub fn bullets(report: &Report, text: &str) -> usize {
    report
        .body_text(text)
        .lines()
        .filter(|l| nectar_text::bullet(l.trim_start()).is_some())
        .count()
}

/// ` (note: ...)`, ` [template]`: the prose beside a fact, for its failure.
fn why(note: &Option<String>, template: &Option<String>) -> String {
    let mut out = String::new();
    if let Some(n) = note {
        out.push_str(&format!(" (note: {n})"));
    }
    if let Some(t) = template {
        out.push_str(&format!(" [{t}]"));
    }
    out
}

/// Checks a report against its expected facts and its source text.
///
/// Required: the source, kind, title, publication date, authors and the author's role; the
/// number of bulleted items in the body; the primary meeting's date, last day, whether its
/// year was inferred, a weekday clash, kind and duration; each required other meeting (date,
/// last day, kind, body, quote); exactly the expected membership figures (so a false one
/// fails); exactly the counted votes, each with what it was about; the comments; clutter
/// absent from the body; the sections as agenda items; and [`Report::check`] (every span
/// holds its quote). Every key of an expected file is one of these facts, or of the `should`
/// facts, or prose (`about`, `note`, `template`) printed beside a failure.
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
    let role = report.author_role.as_ref().map(|r| r.value.as_str());
    let role_ok = match (role, must.author_role.as_deref()) {
        (None, None) => true,
        (Some(a), Some(b)) => same_role(a, b),
        _ => false,
    };
    if !role_ok {
        fail(format!(
            "author's role is {role:?}, not {:?}",
            must.author_role
        ));
    }
    if let Some(n) = must.bullets {
        let found = bullets(report, text);
        if found != n {
            fail(format!("{found} bulleted items in the body, not {n}"));
        }
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
                let note = why(&pm.note, &None);
                let date = m.date.as_ref().map(|d| d.date.to_string());
                if date.as_deref() != Some(pm.date.as_str()) {
                    fail(format!(
                        "primary meeting date {date:?}, not {}{note}",
                        pm.date
                    ));
                }
                if let Some(d) = &m.date {
                    let end = d.end.map(|e| e.to_string());
                    if end != pm.end_date {
                        fail(format!(
                            "primary meeting ends {end:?}, not {:?}{note}",
                            pm.end_date
                        ));
                    }
                    if d.weekday_clash.is_some() != pm.weekday_clash {
                        fail(format!(
                            "primary meeting weekday clash {:?}, expected {}{note}",
                            d.weekday_clash, pm.weekday_clash
                        ));
                    }
                    let year = d.date.year().to_string();
                    let stated = m.evidence.quote.contains(&year);
                    match pm.year_inferred {
                        Some(inferred) if d.year_inferred != inferred => fail(format!(
                            "primary meeting year_inferred {}, not {inferred}{note}",
                            d.year_inferred
                        )),
                        None if !d.year_inferred && !stated => fail(format!(
                            "primary meeting's year {year} is read as stated, but its evidence \
                             {:?} does not state it{note}",
                            m.evidence.quote
                        )),
                        _ => {}
                    }
                }
                if m.kind.as_str() != pm.kind {
                    fail(format!(
                        "primary meeting kind {}, not {}{note}",
                        m.kind, pm.kind
                    ));
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
            m.date.as_ref().is_some_and(|d| {
                d.date.to_string() == f.date && d.end.map(|e| e.to_string()) == f.end_date
            }) && m.kind.as_str() == f.kind
                && f.body.as_deref().is_none_or(|b| {
                    m.body
                        .as_deref()
                        .is_some_and(|mb| mb.eq_ignore_ascii_case(b))
                })
                && quote_ok(text, m.evidence.span, &f.quote)
        })
    };
    let show_meeting = |f: &MeetingFact| {
        let end = f.end_date.as_deref().map(|e| format!(" to {e}"));
        let body = f.body.as_deref().map(|b| format!(" of the {b}"));
        format!(
            "meeting {}{} {}{} ({:?}){}",
            f.date,
            end.unwrap_or_default(),
            f.kind,
            body.unwrap_or_default(),
            f.quote,
            why(&None, &f.template)
        )
    };
    for f in &must.other_meetings_must {
        if !meeting_found(f) {
            fail(format!("{} not found", show_meeting(f)));
        }
    }
    let membership: Vec<_> = report
        .figures
        .iter()
        .filter(|f| f.metric == nectar_model::Metric::Membership && !f.from_comment)
        .collect();
    for f in &membership {
        let wanted = must.membership.iter().any(|e| {
            (f.value - e.value).abs() < 0.5
                && f.qualifier.as_str() == e.qualifier.as_deref().unwrap_or("exact")
                && f.as_of.map(|d| d.to_string()) == e.as_of
                && unit_ok(f.unit, &e.unit)
                && e.metric.as_deref().is_none_or(|m| m == "membership")
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
                "membership figure {} ({:?}) not found{}",
                e.value,
                e.quote,
                why(&e.note, &e.template)
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
                && about_ok(v.subject.as_deref(), &e.about)
        });
        if !found {
            let about = e.about.as_deref().map(|a| format!(" about {a:?}"));
            fail(format!(
                "vote {:?}-{:?} {}{} ({:?}) not found{}",
                e.yes,
                e.against,
                e.outcome,
                about.unwrap_or_default(),
                e.quote,
                why(&e.note, &e.template)
            ));
        }
    }
    if let Some(ec) = &must.comments {
        if report.comments.len() != ec.count {
            fail(format!(
                "{} comments, not {}{}",
                report.comments.len(),
                ec.count,
                why(&ec.note, &None)
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
    c.should_note.clone_from(&should.note);
    let mut check = |ok: bool, what: String| {
        c.should_total += 1;
        if !ok {
            c.should_failures.push(what);
        }
    };
    for f in &should.other_meetings {
        check(meeting_found(f), show_meeting(f));
    }
    let figure_found = |e: &FigureFact, from_comment: bool| {
        report.figures.iter().any(|f| {
            f.from_comment == from_comment
                && (f.value - e.value).abs() < 0.5
                && e.metric
                    .as_deref()
                    .is_none_or(|m| vocabulary_metric(m, &e.unit) == f.metric.as_str())
                && unit_ok(f.unit, &e.unit)
                && e.qualifier
                    .as_deref()
                    .is_none_or(|q| f.qualifier.as_str() == q)
                && (e.as_of.is_none() || f.as_of.map(|d| d.to_string()) == e.as_of)
                && quote_ok(text, f.evidence.span, &e.quote)
        })
    };
    for e in &should.figures {
        check(
            figure_found(e, false),
            format!(
                "figure {:?} {} ({:?}){}",
                e.metric,
                e.value,
                e.quote,
                why(&e.note, &e.template)
            ),
        );
    }
    for e in &should.comment_figures {
        check(
            figure_found(e, true),
            format!(
                "comment figure {:?} {} ({:?}){}",
                e.metric,
                e.value,
                e.quote,
                why(&e.note, &e.template)
            ),
        );
    }
    for e in &should.decisions {
        let ok = report.decisions.iter().any(|d| {
            outcome_matches(d.outcome, &e.outcome)
                && overlaps(text, d.evidence.span, &e.quote)
                && about_ok(d.subject.as_deref(), &e.about)
        });
        let about = e.about.as_deref().map(|a| format!(" about {a:?}"));
        check(
            ok,
            format!(
                "decision {}{} ({:?}){}",
                e.outcome,
                about.unwrap_or_default(),
                e.quote,
                why(&e.note, &e.template)
            ),
        );
    }
    for e in &should.people {
        let ok = report.people.iter().any(|p| {
            p.name == e.name
                && e.role
                    .as_deref()
                    .is_none_or(|r| p.role.as_deref().is_some_and(|pr| same_role(pr, r)))
        });
        check(
            ok,
            format!("person {} ({:?}){}", e.name, e.role, why(&e.note, &None)),
        );
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
