//! Claims: what each report says of a real meeting where reports can disagree, compared.
//!
//! Each value stands for an interval: a date for its days (a month for all of its days), a
//! number for what its qualifier and rounding allow (`over 485,000` for 485,000 up to 5%
//! more; `544,000` for 543,500 to 544,500), a vote for its counts. Two values agree when
//! their intervals overlap. For each meeting, property and subject, the preferred value is
//! the one the most reports agree with (then the narrowest); a value that does not overlap
//! it is ranked `normal`, and the property is then in `conflict`.

use std::collections::{BTreeMap, BTreeSet};

use nectar_tables::{Cell, Row};

use crate::Rows;
use crate::meetings::Linked;

/// A claim and how it compares.
#[derive(Debug)]
pub(crate) struct Claim {
    pub nec_meeting: String,
    pub property: &'static str,
    subject: Option<String>,
    value: String,
    /// The number claimed (a duration's hours), for `nec_meetings`.
    pub number: Option<f64>,
    pub qualifier: Option<String>,
    /// The interval of each dimension (one; a vote's two: for, against).
    dims: Vec<(f64, f64)>,
    report: String,
    fact: String,
    /// Quote, span start and end, cite URL.
    evidence: [Cell; 4],
    /// Whether it is ranked preferred.
    pub preferred: bool,
    /// Whether its meeting's property (and subject) is in conflict.
    pub conflict: bool,
    /// Whether one report alone gives its meeting's property (and subject).
    single: bool,
    /// The row of `claims`, made once ranked.
    pub row: Row,
}

impl Claim {
    /// A claim not yet ranked: `value` with the intervals it stands for (`dims`), from the
    /// fact `fact` of `report`, quoted by `evidence`.
    fn new(
        nec_meeting: &str,
        property: &'static str,
        value: String,
        dims: Vec<(f64, f64)>,
        report: String,
        fact: &str,
        evidence: [Cell; 4],
    ) -> Self {
        Self {
            nec_meeting: nec_meeting.to_owned(),
            property,
            subject: None,
            value,
            number: None,
            qualifier: None,
            dims,
            report,
            fact: fact.to_owned(),
            evidence,
            preferred: false,
            conflict: false,
            single: false,
            row: Vec::new(),
        }
    }

    /// The claim of a number with its qualifier (`over 485000`): its value, and the interval
    /// it stands for.
    fn of_number(mut self, n: f64, qualifier: &str) -> Self {
        self.value = qualified(n, qualifier);
        self.number = Some(n);
        self.dims = vec![interval(n, qualifier, 1.0)];
        self.qualifier = Some(qualifier.to_owned());
        self
    }
}

/// The interval a number stands for, by its qualifier and rounding: `step` is the unit it
/// is counted in (1 vote, 1 hour), and a whole number of thousands or more ending in zeros
/// is taken as rounded to its last non-zero digit.
fn interval(value: f64, qualifier: &str, step: f64) -> (f64, f64) {
    let mut round = 0.0;
    if value >= 1000.0 && value.fract() == 0.0 {
        let mut unit = 1.0;
        while (value / (unit * 10.0)).fract() == 0.0 && unit < value {
            unit *= 10.0;
        }
        if unit >= 1000.0 {
            round = unit / 2.0;
        }
    }
    let slack = (0.05 * value.abs()).max(step).max(round);
    match qualifier {
        "over" => (value, value + slack),
        "under" => (value - slack, value),
        "around" => (value - slack, value + slack),
        _ => (value - round, value + round),
    }
}

fn overlaps(a: &[(f64, f64)], b: &[(f64, f64)]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.0 <= y.1 + 1e-9 && y.0 <= x.1 + 1e-9)
}

fn width(dims: &[(f64, f64)]) -> f64 {
    dims.iter().map(|(a, b)| b - a).sum()
}

/// The number as the dataset writes it (`6.5`, `485000`).
fn number_text(n: f64) -> String {
    Cell::Num(n).to_text()
}

/// Words that any vote's sentence may have, which say nothing of what it was about.
const VOTE_WORDS: &[&str] = &[
    "motion",
    "carried",
    "agreed",
    "votes",
    "voted",
    "against",
    "favour",
    "favor",
    "abstentions",
    "abstained",
    "proposal",
    "defeated",
    "passed",
    "lost",
    "with",
    "that",
    "this",
    "were",
    "from",
    "there",
    "which",
    "vote",
    "majority",
    "unanimously",
];

/// The words of a vote's subject that say what it is about.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 3)
        .map(str::to_lowercase)
        .filter(|w| !VOTE_WORDS.contains(&w.as_str()))
        .collect()
}

/// A vote as the reports of one meeting give it: the subject its first report words it by,
/// the words of that subject, its counts, and the reports that give it.
struct VoteSubject {
    subject: String,
    words: BTreeSet<String>,
    counts: Vec<(f64, f64)>,
    reports: Vec<String>,
}

/// Every claim of every real meeting, ranked, in order of meeting, property, subject and ID.
pub(crate) fn claims(
    linked: &Linked,
    meetings: &Rows,
    figures: &Rows,
    votes: &Rows,
    copies: &BTreeMap<String, String>,
) -> Vec<Claim> {
    let evidence = |rows: &Rows, row: &Row| -> [Cell; 4] {
        ["quote", "span_start", "span_end", "cite_url"].map(|c| rows.cell(row, c).clone())
    };
    let mut out = Vec::new();
    // The real meeting of each mention, by its ID.
    let mut meeting_of: BTreeMap<&str, &str> = BTreeMap::new();
    for (row, link) in meetings.rows.iter().zip(&linked.links) {
        let (Some(id), Some(nec)) = (meetings.str(row, "meeting_id"), link.as_deref()) else {
            continue;
        };
        meeting_of.insert(id, nec);
        let report = meetings.str(row, "report_id").unwrap_or("").to_owned();
        let Some(date) = meetings.date(row, "date") else {
            continue;
        };
        let end = meetings.date(row, "end_date");
        let last = end.map_or(date.last_day(), |e| e.last_day());
        let value = match end {
            Some(e) => format!("{date}/{e}"),
            None => date.to_string(),
        };
        let day = |d: chrono::NaiveDate| f64::from(chrono::Datelike::num_days_from_ce(&d));
        out.push(Claim::new(
            nec,
            "date",
            value,
            vec![(day(date.first_day()), day(last))],
            report.clone(),
            id,
            evidence(meetings, row),
        ));
        if let Some(hours) = meetings.num(row, "duration_hours") {
            let q = meetings.str(row, "duration_qualifier").unwrap_or("exact");
            let claim = Claim::new(
                nec,
                "duration",
                String::new(),
                Vec::new(),
                report,
                id,
                evidence(meetings, row),
            );
            out.push(claim.of_number(hours, q));
        }
    }
    for row in &figures.rows {
        if figures.str(row, "metric") != Some("membership") || figures.bool(row, "from_comment") {
            continue;
        }
        let nec = figures
            .str(row, "meeting_id")
            .and_then(|m| meeting_of.get(m).copied());
        let (Some(nec), Some(value), Some(id)) = (
            nec,
            figures.num(row, "value"),
            figures.str(row, "figure_id"),
        ) else {
            continue;
        };
        let q = figures.str(row, "qualifier").unwrap_or("exact");
        let report = figures.str(row, "report_id").unwrap_or("").to_owned();
        let mut claim = Claim::new(
            nec,
            "membership",
            String::new(),
            Vec::new(),
            report,
            id,
            evidence(figures, row),
        )
        .of_number(value, q);
        // A figure of another month than the meeting's is compared with its own month's.
        claim.subject = figures
            .date(row, "as_of")
            .map(|d| d.to_string().chars().take(7).collect::<String>());
        out.push(claim);
    }
    // Votes: one reported by several texts is the vote with the same counts, or failing
    // that the same words in its subject, in another report of the same meeting.
    let mut subjects: BTreeMap<&str, Vec<VoteSubject>> = BTreeMap::new();
    for row in &votes.rows {
        let nec = votes
            .str(row, "meeting_id")
            .and_then(|m| meeting_of.get(m).copied());
        let (Some(nec), Some(id)) = (nec, votes.str(row, "vote_id")) else {
            continue;
        };
        let (yes, no) = (votes.num(row, "yes"), votes.num(row, "no"));
        if yes.is_none() && no.is_none() {
            continue;
        }
        let side = |n: Option<f64>| n.map_or((f64::NEG_INFINITY, f64::INFINITY), |n| (n, n));
        let dims = vec![side(yes), side(no)];
        let report = votes.str(row, "report_id").unwrap_or("").to_owned();
        let said = votes
            .str(row, "subject")
            .or_else(|| votes.str(row, "quote"))
            .unwrap_or("")
            .to_owned();
        let said_words = words(&said);
        let known = subjects.entry(nec).or_default();
        let same = known.iter_mut().find(|v| {
            let shorter = v.words.len().min(said_words.len());
            !v.reports.contains(&report)
                && (overlaps(&v.counts, &dims)
                    || (shorter >= 3 && v.words.intersection(&said_words).count() * 2 >= shorter))
        });
        let subject = match same {
            Some(v) => {
                v.reports.push(report.clone());
                v.subject.clone()
            }
            None => {
                known.push(VoteSubject {
                    subject: said.clone(),
                    words: said_words,
                    counts: dims.clone(),
                    reports: vec![report.clone()],
                });
                said
            }
        };
        let count = |n: Option<f64>| n.map_or_else(|| "?".to_owned(), number_text);
        let mut value = format!("{}-{}", count(yes), count(no));
        if let Some(a) = votes.num(row, "abstain") {
            value.push_str(&format!("-{}", number_text(a)));
        }
        let mut claim = Claim::new(nec, "vote", value, dims, report, id, evidence(votes, row));
        claim.subject = Some(subject);
        out.push(claim);
    }
    // A copy of a report says nothing the report does not: its values count once.
    out.retain(|c| !copies.contains_key(&c.report));
    out.sort_by(|a, b| {
        (&a.nec_meeting, a.property, &a.subject, &a.fact).cmp(&(
            &b.nec_meeting,
            b.property,
            &b.subject,
            &b.fact,
        ))
    });
    rank(&mut out);
    for c in &mut out {
        let [quote, start, end, cite] = c.evidence.clone();
        let (low, high) = match (c.property, c.dims.as_slice()) {
            ("duration" | "membership", [(low, high)]) => (Cell::Num(*low), Cell::Num(*high)),
            _ => (Cell::Null, Cell::Null),
        };
        c.row = vec![
            Cell::Str(format!("{}#{}", c.fact, c.property)),
            Cell::Str(c.nec_meeting.clone()),
            Cell::Str(c.property.into()),
            c.subject.clone().map_or(Cell::Null, Cell::Str),
            Cell::Str(c.value.clone()),
            low,
            high,
            Cell::Str(c.report.clone()),
            Cell::Str(c.fact.clone()),
            quote,
            start,
            end,
            cite,
            Cell::Str(if c.preferred { "preferred" } else { "normal" }.into()),
            Cell::Str(
                if c.conflict {
                    "conflict"
                } else if c.single {
                    "single"
                } else {
                    "agree"
                }
                .into(),
            ),
        ];
    }
    out
}

/// A number with its qualifier, as a claim's value reads (`over 485000`).
fn qualified(n: f64, qualifier: &str) -> String {
    match qualifier {
        "exact" => number_text(n),
        q => format!("{q} {}", number_text(n)),
    }
}

/// Ranks each group of claims (sorted, so that a group's claims stand together).
fn rank(claims: &mut [Claim]) {
    let mut start = 0;
    while start < claims.len() {
        let key = |c: &Claim| (c.nec_meeting.clone(), c.property, c.subject.clone());
        let k = key(&claims[start]);
        let end = start + claims[start..].iter().take_while(|c| key(c) == k).count();
        let group = &mut claims[start..end];
        // The preferred value: most reports agree with it, then the narrowest, then the
        // first by value.
        let best = (0..group.len())
            .max_by(|&a, &b| {
                let support = |i: usize| {
                    group
                        .iter()
                        .filter(|c| overlaps(&c.dims, &group[i].dims))
                        .map(|c| c.report.as_str())
                        .collect::<BTreeSet<_>>()
                        .len()
                };
                support(a)
                    .cmp(&support(b))
                    .then_with(|| width(&group[b].dims).total_cmp(&width(&group[a].dims)))
                    .then_with(|| group[b].value.cmp(&group[a].value))
            })
            .unwrap_or(0);
        let best_dims = group[best].dims.clone();
        let reports: BTreeSet<&str> = group.iter().map(|c| c.report.as_str()).collect();
        let single = reports.len() == 1;
        let conflict = group.iter().any(|c| !overlaps(&c.dims, &best_dims));
        for c in group.iter_mut() {
            c.preferred = overlaps(&c.dims, &best_dims);
            c.conflict = conflict;
            c.single = single;
        }
        start = end;
    }
}
