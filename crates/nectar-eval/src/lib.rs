//! Scores what nectar reads from real pages against what a careful reader gets from them.
//!
//! A truth file (`schemas/truth.schema.json`: an array of [`TruthPage`], as
//! `../shared/field/truth.json`) says, for each page, whether it is an NEC report, the meetings
//! it reports (the primary one first) and mentions, its membership figures, counted votes, the
//! primary meeting's duration, its publication date and authors. [`evaluate`] compares the
//! reports nectar read with it, page by page (matched by file name), and gives one
//! [`Measure`] per fact: a share of pages right, or precision and recall where nectar may also
//! find what is not there. Every miss is one line, so that the classes of error show.
//!
//! ```
//! use nectar_model::{Document, Layout, ParserInfo, Span, TruthPage};
//!
//! let text = "NEC report\n\nThe NEC met on 3 March 2015 for five hours.";
//! let doc = Document::from_text("r.txt", text);
//! let layout = Layout { title: Some(Span::new(0, 10)), body: Span::new(12, text.len()), ..Layout::default() };
//! let info = ParserInfo { name: "generic".into(), version: "0".into(), confidence: 0.1 };
//! let report = nectar_extract::extract(&doc, &layout, info).unwrap();
//!
//! let truth: Vec<TruthPage> = serde_json::from_str(
//!     r#"[{"file": "r.txt", "meetings": [{"date": "2015-03-03", "kind": "full"}], "duration_hours": 5}]"#,
//! ).unwrap();
//! let eval = nectar_eval::evaluate(&truth, &[report]);
//! assert_eq!(eval.measure("primary meeting date").unwrap().score(), Some(1.0));
//! assert_eq!(eval.measure("duration").unwrap().recall(), Some(1.0));
//! assert!(eval.misses.is_empty());
//! ```
#![deny(missing_docs)]

use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

use nectar_model::{Report, ReportKind, TruthMeeting, TruthPage};

mod complete;
mod expected;

pub use complete::{CompleteFile, CompleteReport, evaluate_complete};

/// One figure of an evaluation: a share of pages right, or precision and recall.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    /// What is measured (`primary meeting date`).
    pub name: &'static str,
    /// Truth facts found (or pages right).
    pub found: usize,
    /// Truth facts (or pages) counted.
    pub total: usize,
    /// For precision: nectar's facts that match the truth, and all of nectar's facts. `None`
    /// for a measure of pages right.
    pub precision: Option<(usize, usize)>,
}

impl Measure {
    fn share(name: &'static str) -> Self {
        Self {
            name,
            found: 0,
            total: 0,
            precision: None,
        }
    }

    fn pr(name: &'static str) -> Self {
        Self {
            precision: Some((0, 0)),
            ..Self::share(name)
        }
    }

    /// The share of pages right (or recall), when there is anything to count.
    pub fn score(&self) -> Option<f64> {
        (self.total > 0).then(|| self.found as f64 / self.total as f64)
    }

    /// Recall: the truth's facts that nectar found.
    pub fn recall(&self) -> Option<f64> {
        self.score()
    }

    /// Precision: nectar's facts that the truth holds, when nectar found any.
    pub fn precision(&self) -> Option<f64> {
        self.precision
            .and_then(|(right, all)| (all > 0).then(|| right as f64 / all as f64))
    }
}

/// The measures and the misses of one evaluation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Evaluation {
    /// The pages scored (those of the truth that nectar read).
    pub pages: usize,
    /// The truth's pages that nectar did not read, by file name.
    pub unread: Vec<String>,
    /// One measure per fact, in a fixed order.
    pub measures: Vec<Measure>,
    /// Every miss, one line each: `FILE: MEASURE: expected ..., got ...`.
    pub misses: Vec<String>,
    /// How each of nectar's rules scored (complete truths only), by rule name.
    pub rules: Vec<RuleScore>,
}

/// How the rows of one rule scored: the figures `data/rules.toml` of nectar-extract records.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RuleScore {
    /// The rule's name (`votes.by_n_to_m`).
    pub rule: String,
    /// Its rows that matched a truth row.
    pub right: usize,
    /// Its rows counted (those matching an optional row are not).
    pub rows: usize,
    /// The confidence its rows carried.
    pub confidence: f64,
}

impl Evaluation {
    /// The measure of this name.
    pub fn measure(&self, name: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.name == name)
    }
}

fn ratio(n: usize, d: usize) -> String {
    if d == 0 {
        "-".to_owned()
    } else {
        format!("{:.2} ({n}/{d})", n as f64 / d as f64)
    }
}

impl fmt::Display for Evaluation {
    /// The table (one row per measure), then the misses.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} pages scored", self.pages)?;
        writeln!(f)?;
        writeln!(f, "| measure | recall / right | precision |")?;
        writeln!(f, "|---|---|---|")?;
        for m in &self.measures {
            let precision = m.precision.map_or("".to_owned(), |(r, a)| ratio(r, a));
            writeln!(
                f,
                "| {} | {} | {} |",
                m.name,
                ratio(m.found, m.total),
                precision
            )?;
        }
        if !self.rules.is_empty() {
            writeln!(f)?;
            writeln!(f, "| rule | precision (right/rows) | confidence carried |")?;
            writeln!(f, "|---|---|---|")?;
            for r in &self.rules {
                writeln!(
                    f,
                    "| {} | {} | {:.2} |",
                    r.rule,
                    ratio(r.right, r.rows),
                    r.confidence
                )?;
            }
        }
        if !self.unread.is_empty() {
            writeln!(f)?;
            writeln!(f, "not read: {}", self.unread.join(", "))?;
        }
        if !self.misses.is_empty() {
            writeln!(f)?;
            writeln!(f, "{} misses:", self.misses.len())?;
            for m in &self.misses {
                writeln!(f, "{m}")?;
            }
        }
        Ok(())
    }
}

/// Reads a truth file: an array of [`TruthPage`] (`schemas/truth.schema.json`), or an
/// `expected.json` of real reports (`{"reports": [{"file", "must": {...}}]}`, as
/// `../shared/seeds/expected.json`), whose `must` facts become the truth.
pub fn load(path: &Path) -> Result<Vec<TruthPage>, String> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{shown}: {e}"))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{shown}: not JSON: {e}"))?;
    if value.get("reports").is_some() {
        return expected::pages(value).map_err(|e| format!("{shown}: {e}"));
    }
    serde_json::from_value(value).map_err(|e| format!("{shown}: not a truth file: {e}"))
}

/// A truth file of either kind.
#[derive(Debug, Clone)]
pub enum Truth {
    /// Pages with their primary meeting and main figures ([`load`]).
    Pages(Vec<TruthPage>),
    /// Every fact of each report (a `complete.json`).
    Complete(Vec<CompleteReport>),
}

/// Reads a truth file of either kind: a `complete.json` (an object with `rules` and
/// `reports` whose entries list every fact), else what [`load`] reads.
pub fn load_truth(path: &Path) -> Result<Truth, String> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{shown}: {e}"))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{shown}: not JSON: {e}"))?;
    if value.get("rules").is_some() {
        let file: CompleteFile = serde_json::from_value(value)
            .map_err(|e| format!("{shown}: not a complete.json: {e}"))?;
        return Ok(Truth::Complete(file.reports));
    }
    load(path).map(Truth::Pages)
}

/// The file name of a report's document.
pub(crate) fn file_name(report: &Report) -> &str {
    let path = report.document.path.as_str();
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// A date a reader accepts for a meeting: its date and the accepted others.
fn accepted(m: &TruthMeeting) -> impl Iterator<Item = &str> {
    m.date.iter().chain(&m.accept_dates).map(String::as_str)
}

fn show<T: fmt::Display>(v: Option<T>) -> String {
    v.map_or_else(|| "none".to_owned(), |v| v.to_string())
}

/// Scores `reports` against `truth`, page by page.
pub fn evaluate(truth: &[TruthPage], reports: &[Report]) -> Evaluation {
    let mut kept = Measure::share("reports kept");
    let mut negatives = Measure::share("non-reports recognised");
    let mut date = Measure::share("primary meeting date");
    let mut kind = Measure::share("primary meeting kind");
    let mut meetings = Measure::pr("meetings (dated)");
    let mut membership = Measure::pr("membership");
    let mut votes = Measure::pr("counted votes");
    let mut duration = Measure::pr("duration");
    let mut published = Measure::share("published date");
    let mut authors = Measure::share("authors");
    let mut eval = Evaluation::default();
    let mut miss = |file: &str, what: &str, expected: String, got: String| {
        eval.misses
            .push(format!("{file}: {what}: expected {expected}, got {got}"));
    };
    let mut pages = 0;
    let mut unread = Vec::new();
    for page in truth {
        let Some(report) = reports.iter().find(|r| file_name(r) == page.file) else {
            unread.push(page.file.clone());
            continue;
        };
        pages += 1;
        // A listing page gives a report per post: the first stands for the page, the facts
        // of all of them count.
        let all: Vec<&Report> = reports
            .iter()
            .filter(|r| file_name(r) == page.file)
            .collect();
        let file = page.file.as_str();
        let is_nec = report.kind == ReportKind::NecReport;
        let primary = report.primary_meeting();

        // Which pages are NEC reports.
        if page.negative {
            negatives.total += 1;
            if is_nec {
                miss(
                    file,
                    "non-report",
                    "not_nec_report".into(),
                    "nec_report".into(),
                );
            } else {
                negatives.found += 1;
            }
        } else {
            kept.total += 1;
            if is_nec {
                kept.found += 1;
            } else {
                miss(
                    file,
                    "report kept",
                    "nec_report".into(),
                    "not_nec_report".into(),
                );
            }
        }

        // The primary meeting: date and kind.
        let got_date = primary
            .and_then(|m| m.date.as_ref())
            .map(|d| d.date.to_string());
        if let Some(first) = page.meetings.first().filter(|_| !page.negative) {
            if first.date.is_some() {
                date.total += 1;
                if got_date
                    .as_deref()
                    .is_some_and(|g| accepted(first).any(|a| a == g))
                {
                    date.found += 1;
                } else {
                    miss(
                        file,
                        "primary meeting date",
                        accepted(first).collect::<Vec<_>>().join(" or "),
                        show(got_date.clone()),
                    );
                }
            }
            kind.total += 1;
            let got_kind = primary.map(|m| m.kind);
            if got_kind.is_some_and(|k| k == first.kind || first.accept_kinds.contains(&k)) {
                kind.found += 1;
            } else {
                miss(
                    file,
                    "primary meeting kind",
                    first.kind.to_string(),
                    show(got_kind),
                );
            }
        }

        // Every dated meeting, reported or mentioned.
        let truth_meetings: Vec<&TruthMeeting> = page
            .meetings
            .iter()
            .chain(&page.mentioned_meetings)
            .filter(|m| m.date.is_some())
            .collect();
        let got_dates: BTreeSet<String> = all
            .iter()
            .flat_map(|r| &r.meetings)
            .filter_map(|m| m.date.as_ref())
            .map(|d| d.date.to_string())
            .collect();
        let mut found_dates = BTreeSet::new();
        for m in &truth_meetings {
            meetings.total += 1;
            match accepted(m).find(|a| got_dates.contains(*a)) {
                Some(a) => {
                    meetings.found += 1;
                    found_dates.insert(a.to_owned());
                }
                None => miss(file, "meeting", show(m.date.clone()), "nothing".into()),
            }
        }
        if let Some((right, all)) = &mut meetings.precision {
            for d in &got_dates {
                *all += 1;
                if truth_meetings.iter().any(|m| accepted(m).any(|a| a == d)) {
                    *right += 1;
                } else {
                    miss(file, "meeting", "nothing".into(), d.clone());
                }
            }
        }

        // Membership figures.
        let got_members: Vec<f64> = all
            .iter()
            .flat_map(|r| &r.figures)
            .filter(|f| f.metric == nectar_model::Metric::Membership && !f.from_comment)
            .map(|f| f.value)
            .collect();
        for t in &page.membership {
            membership.total += 1;
            if got_members.iter().any(|v| (v - t.value).abs() < 0.5) {
                membership.found += 1;
            } else {
                miss(file, "membership", t.value.to_string(), "nothing".into());
            }
        }
        if let Some((right, all)) = &mut membership.precision {
            for v in &got_members {
                *all += 1;
                if page.membership.iter().any(|t| (v - t.value).abs() < 0.5) {
                    *right += 1;
                } else {
                    miss(file, "membership", "nothing".into(), v.to_string());
                }
            }
        }

        // Counted votes: each count the truth gives, on its side.
        let got_votes: Vec<(Option<u32>, Option<u32>)> = all
            .iter()
            .flat_map(|r| &r.votes)
            .map(|v| (v.counts.yes, v.counts.no))
            .collect();
        let agrees = |t: &nectar_model::TruthVote, (yes, no): (Option<u32>, Option<u32>)| {
            (t.yes.is_some() || t.no.is_some())
                && t.yes.is_none_or(|y| yes == Some(y))
                && t.no.is_none_or(|n| no == Some(n))
        };
        for t in &page.votes {
            votes.total += 1;
            if got_votes.iter().any(|&g| agrees(t, g)) {
                votes.found += 1;
            } else {
                miss(
                    file,
                    "counted vote",
                    format!("{} to {}", show(t.yes), show(t.no)),
                    "nothing".into(),
                );
            }
        }
        if let Some((right, all)) = &mut votes.precision {
            for &g in &got_votes {
                *all += 1;
                if page.votes.iter().any(|t| agrees(t, g)) {
                    *right += 1;
                } else {
                    miss(
                        file,
                        "counted vote",
                        "nothing".into(),
                        format!("{} to {}", show(g.0), show(g.1)),
                    );
                }
            }
        }

        // The primary meeting's duration.
        let got_hours = primary.and_then(|m| m.duration.as_ref()).map(|d| d.hours);
        let same = |a: f64, b: f64| (a - b).abs() < 0.01;
        if let Some(want) = page.duration_hours {
            duration.total += 1;
            if got_hours.is_some_and(|g| same(g, want)) {
                duration.found += 1;
            } else {
                miss(file, "duration", want.to_string(), show(got_hours));
            }
        }
        if let (Some((right, all)), Some(got)) = (&mut duration.precision, got_hours) {
            *all += 1;
            if page.duration_hours.is_some_and(|w| same(got, w)) {
                *right += 1;
            } else if page.duration_hours.is_none() {
                miss(file, "duration", "none".into(), got.to_string());
            }
        }

        // Published date and authors, where the truth gives them.
        if let Some(want) = &page.published {
            published.total += 1;
            let got = report.published.as_ref().map(|p| p.value.to_string());
            if got.as_deref() == Some(want.as_str()) {
                published.found += 1;
            } else {
                miss(file, "published date", want.clone(), show(got));
            }
        }
        if let Some(want) = &page.author {
            authors.total += 1;
            let norm = |s: &str| {
                s.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            };
            let want_set: BTreeSet<String> = want.split(';').map(norm).collect();
            let got_set: BTreeSet<String> = report.authors.iter().map(|a| norm(&a.value)).collect();
            if want_set == got_set {
                authors.found += 1;
            } else {
                let got: Vec<&str> = report.authors.iter().map(|a| a.value.as_str()).collect();
                let got = if got.is_empty() {
                    "none".to_owned()
                } else {
                    got.join("; ")
                };
                miss(file, "authors", want.clone(), got);
            }
        }
    }
    eval.pages = pages;
    eval.unread = unread;
    eval.measures = vec![
        kept, negatives, date, kind, meetings, membership, votes, duration, published, authors,
    ];
    eval
}
