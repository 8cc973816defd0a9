//! Scores every fact of a report against a `complete.json` (as `../shared/seeds/complete.json`
//! and `../shared/field/complete.json`): every meeting, decision, counted vote, figure about
//! the party, agenda item of the primary meeting and person named, with the rows that count
//! neither way (`optional`).
//!
//! A row of nectar's matches a row of the truth when its evidence overlaps the truth's
//! evidence (or one of its `also` mentions) in the page's text and their key values agree
//! (a decision's outcome; a vote's counts; a figure's value, unit and metric; an agenda item's
//! heading; a person's name; a meeting's date). A row of nectar's that matches no truth row
//! and no optional row is a false positive. Of the matched rows that the truth puts on a
//! meeting, the share that nectar puts on the same meeting (its date and kind) is measured too.

use std::collections::BTreeMap;

use nectar_model::{Meeting, Report, Span};
use serde::Deserialize;
use serde_json::Value;

use crate::{Evaluation, Measure};

/// A `complete.json`: every fact of each report.
#[derive(Debug, Clone, Deserialize)]
pub struct CompleteFile {
    /// One entry per report.
    pub reports: Vec<CompleteReport>,
}

/// Every fact of one report. The rows are kept as JSON: each table has its own keys, and
/// the scorer reads only those it compares.
#[derive(Debug, Clone, Deserialize)]
pub struct CompleteReport {
    /// The report's file name.
    pub file: String,
    /// Every meeting mentioned.
    #[serde(default)]
    pub meetings: Vec<Value>,
    /// Every decision of the NEC or its committees.
    #[serde(default)]
    pub decisions: Vec<Value>,
    /// Every counted vote.
    #[serde(default)]
    pub votes: Vec<Value>,
    /// Every figure about the party.
    #[serde(default)]
    pub figures: Vec<Value>,
    /// Every agenda item of the primary meeting.
    #[serde(default)]
    pub agenda_items: Vec<Value>,
    /// Every person named.
    #[serde(default)]
    pub people: Vec<Value>,
    /// Ambiguous rows, each with its `table`: they count neither way.
    #[serde(default)]
    pub optional: Vec<Value>,
}

/// The tables scored, in the order of the table printed.
pub const TABLES: [&str; 6] = [
    "meetings",
    "decisions",
    "votes",
    "figures",
    "agenda_items",
    "people",
];

impl CompleteReport {
    fn rows(&self, table: &str) -> &[Value] {
        match table {
            "meetings" => &self.meetings,
            "decisions" => &self.decisions,
            "votes" => &self.votes,
            "figures" => &self.figures,
            "agenda_items" => &self.agenda_items,
            _ => &self.people,
        }
    }
}

/// One of nectar's rows, as the scorer sees it.
struct Row<'a> {
    span: Span,
    /// What is compared, as JSON in the truth's names.
    keys: Value,
    /// The meeting nectar puts it on.
    meeting: Option<&'a Meeting>,
    /// How it shows in a miss line.
    shown: String,
    /// The rule that read it, and its confidence (none for meetings).
    rule: Option<&'a nectar_model::Provenance>,
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Every place in `text` where the row's evidence (or an `also` mention) stands.
fn places(text: &str, row: &Value) -> Vec<Span> {
    let mut quotes: Vec<&str> = row
        .get("evidence")
        .and_then(Value::as_str)
        .into_iter()
        .collect();
    if let Some(also) = row.get("also").and_then(Value::as_array) {
        quotes.extend(also.iter().filter_map(Value::as_str));
    }
    quotes
        .into_iter()
        .filter(|q| !q.is_empty())
        .flat_map(|q| {
            text.match_indices(q)
                .map(|(at, m)| Span::new(at, at + m.len()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Whether a truth place `a` and nectar's evidence `b` are the same place: they overlap, or
/// `b` is the line right above `a` (an agenda item's heading over the sentence that opens it).
fn overlaps(a: Span, b: Span) -> bool {
    (a.start < b.end && b.start < a.end) || (b.end <= a.start && a.start - b.end <= 2)
}

/// Whether nectar's row and the truth's row say the same thing, table by table.
fn agrees(table: &str, truth: &Value, got: &Value) -> bool {
    let s = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
    let n = |v: &Value, k: &str| v.get(k).and_then(Value::as_f64);
    match table {
        "meetings" => {
            let want: Vec<String> = s(truth, "date")
                .into_iter()
                .chain(
                    truth
                        .get("accept_dates")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                        .filter_map(|d| d.as_str().map(str::to_owned)),
                )
                .collect();
            let got = s(got, "date");
            match got {
                Some(g) => want.contains(&g),
                // Undated where the truth gives no date (its `accept_dates` are alternatives).
                None => s(truth, "date").is_none(),
            }
        }
        "decisions" => {
            let (w, g) = (s(truth, "outcome"), s(got, "outcome"));
            w == g || (w.as_deref() == Some("endorsed") && g.as_deref() == Some("approved"))
        }
        "votes" => ["for", "against"]
            .iter()
            .all(|k| n(truth, k).is_none_or(|w| n(got, k) == Some(w))),
        "figures" => {
            n(truth, "value")
                .zip(n(got, "value"))
                .is_some_and(|(w, g)| (w - g).abs() < 0.5)
                && s(truth, "unit") == s(got, "unit")
                && s(truth, "metric") == s(got, "metric")
        }
        "agenda_items" => {
            let (w, g) = (
                norm(&s(truth, "heading").unwrap_or_default()),
                norm(&s(got, "heading").unwrap_or_default()),
            );
            !w.is_empty() && !g.is_empty() && (w.contains(&g) || g.contains(&w))
        }
        _ => {
            let g = norm(&s(got, "name").unwrap_or_default());
            ["name", "as_written"]
                .iter()
                .any(|k| s(truth, k).is_some_and(|w| !g.is_empty() && norm(&w) == g))
        }
    }
}

/// A meeting is itself wherever the text names it: the same date as the truth gives it (or
/// both undated) and the same kind.
fn same_dated_meeting(truth: &Value, got: Option<&Meeting>) -> bool {
    let Some(got) = got else { return false };
    // The key is the date and the kind: an undated meeting is the truth's undated one of its
    // kind, wherever each is named.
    let dated = truth.get("date").and_then(Value::as_str).is_some() == got.date.is_some();
    let kind = got.kind.as_str();
    let kinds = truth
        .get("kind")
        .into_iter()
        .chain(
            truth
                .get("accept_kinds")
                .and_then(Value::as_array)
                .into_iter()
                .flatten(),
        )
        .filter_map(Value::as_str);
    dated && kinds.into_iter().any(|k| k == kind)
}

/// Whether nectar puts a matched row on the meeting the truth puts it on (its date, as
/// precise as the truth gives it, and its kind): the truth's `meeting`, or one of the
/// alternatives its `accept_meetings` lists.
fn same_meeting(truth: &Value, got: Option<&Meeting>) -> Option<bool> {
    let want = truth.get("meeting")?;
    let Some(got) = got else { return Some(false) };
    let got_date = got.date.as_ref().map(|d| d.date.to_string());
    let is = |want: &Value| {
        let date = want.get("date").and_then(Value::as_str);
        let kind = want.get("kind").and_then(Value::as_str);
        let date_ok = match (date, got_date.as_deref()) {
            (None, _) => true,
            (Some(w), Some(g)) => g.starts_with(w),
            (Some(_), None) => false,
        };
        date_ok && kind.is_none_or(|k| k == "unknown" || k == got.kind.as_str())
    };
    let also = truth
        .get("accept_meetings")
        .and_then(Value::as_array)
        .into_iter()
        .flatten();
    Some(std::iter::once(want).chain(also).any(is))
}

/// nectar's rows of one table.
fn ours<'a>(table: &str, report: &'a Report) -> Vec<Row<'a>> {
    let meeting = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| report.meetings.iter().find(|m| &m.meeting_id == id))
    };
    match table {
        "meetings" => report
            .meetings
            .iter()
            .map(|m| {
                let date = m.date.as_ref().map(|d| d.date.to_string());
                Row {
                    span: m.evidence.span,
                    keys: serde_json::json!({ "date": date }),
                    meeting: Some(m),
                    shown: format!(
                        "{} {}",
                        date.unwrap_or_else(|| "undated".into()),
                        m.kind.as_str()
                    ),
                    rule: None,
                }
            })
            .collect(),
        "decisions" => report
            .decisions
            .iter()
            .map(|d| Row {
                span: d.evidence.span,
                keys: serde_json::json!({ "outcome": d.outcome.as_str() }),
                meeting: meeting(&d.meeting_id),
                shown: format!("{} {:?}", d.outcome.as_str(), short(&d.evidence.quote)),
                rule: Some(&d.provenance),
            })
            .collect(),
        "votes" => report
            .votes
            .iter()
            .map(|v| Row {
                span: v.evidence.span,
                keys: serde_json::json!({ "for": v.counts.yes, "against": v.counts.no }),
                meeting: meeting(&v.meeting_id),
                shown: format!(
                    "{} to {}",
                    v.counts.yes.map_or("?".into(), |n| n.to_string()),
                    v.counts.no.map_or("?".into(), |n| n.to_string())
                ),
                rule: Some(&v.provenance),
            })
            .collect(),
        "figures" => report
            .figures
            .iter()
            .map(|f| Row {
                span: f.evidence.span,
                keys: serde_json::json!({
                    "value": f.value, "unit": f.unit.as_str(), "metric": f.metric,
                }),
                meeting: meeting(&f.meeting_id),
                shown: format!("{} {} {}", f.value, f.unit.as_str(), f.metric),
                rule: Some(&f.provenance),
            })
            .collect(),
        "agenda_items" => report
            .agenda_items
            .iter()
            .map(|a| Row {
                span: a.evidence.span,
                keys: serde_json::json!({ "heading": a.heading }),
                meeting: meeting(&a.meeting_id),
                shown: format!("{:?}", short(&a.heading)),
                rule: Some(&a.provenance),
            })
            .collect(),
        _ => report
            .people
            .iter()
            .map(|p| Row {
                span: p.evidence.span,
                keys: serde_json::json!({ "name": p.name }),
                meeting: None,
                shown: p.name.clone(),
                rule: Some(&p.provenance),
            })
            .collect(),
    }
}

/// A quote cut for a miss line (never a whole sentence of a real page).
fn short(s: &str) -> String {
    let cut: String = s.chars().take(32).collect();
    if cut.len() < s.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

fn truth_shown(table: &str, row: &Value) -> String {
    let s = |k: &str| row.get(k).map(|v| v.to_string()).unwrap_or_default();
    match table {
        "meetings" => format!("{} {}", s("date"), s("kind")),
        "decisions" => format!("{} at {:?}", s("outcome"), short(&s("evidence"))),
        "votes" => format!("{} to {}", s("for"), s("against")),
        "figures" => format!("{} {} {}", s("value"), s("unit"), s("metric")),
        "agenda_items" => short(&s("heading")),
        _ => s("name"),
    }
}

/// Scores `reports` (with the text of each report's document, by file name) against every
/// fact of `truth`: one precision-and-recall measure per table and one measure of matched
/// facts on the right meeting.
pub fn evaluate_complete(
    truth: &[CompleteReport],
    reports: &[Report],
    texts: &BTreeMap<String, String>,
) -> Evaluation {
    let mut measures: BTreeMap<&str, Measure> =
        TABLES.iter().map(|&t| (t, Measure::pr(t))).collect();
    let mut on_meeting = Measure::share("facts on the right meeting");
    let mut rules: BTreeMap<String, crate::RuleScore> = BTreeMap::new();
    let mut eval = Evaluation::default();
    for page in truth {
        let all: Vec<&Report> = reports
            .iter()
            .filter(|r| crate::file_name(r) == page.file)
            .collect();
        let Some(text) = texts.get(&page.file).filter(|_| !all.is_empty()) else {
            eval.unread.push(page.file.clone());
            continue;
        };
        eval.pages += 1;
        let file = page.file.as_str();
        for table in TABLES {
            let m = measures.get_mut(table).expect("every table");
            let rows = page.rows(table);
            let want: Vec<(&Value, Vec<Span>)> =
                rows.iter().map(|r| (r, places(text, r))).collect();
            let optional: Vec<(&Value, Vec<Span>)> = page
                .optional
                .iter()
                .filter(|o| o.get("table").and_then(Value::as_str) == Some(table))
                .map(|o| (o, places(text, o)))
                .collect();
            let got: Vec<Row<'_>> = all.iter().flat_map(|r| ours(table, r)).collect();
            let mut taken = vec![false; want.len()];
            let (mut right, mut counted) = (0, 0);
            for g in &got {
                let mut score = |right: bool| {
                    if let Some(p) = g.rule {
                        let r = rules.entry(p.rule.clone()).or_insert(crate::RuleScore {
                            rule: p.rule.clone(),
                            confidence: p.confidence,
                            ..Default::default()
                        });
                        r.rows += 1;
                        r.right += usize::from(right);
                    }
                };
                let hit = want.iter().enumerate().find(|(i, (t, at))| {
                    !taken[*i]
                        && agrees(table, t, &g.keys)
                        && (at.iter().any(|&s| overlaps(s, g.span))
                            || (table == "meetings" && same_dated_meeting(t, g.meeting)))
                });
                if let Some((i, (t, _))) = hit {
                    score(true);
                    taken[i] = true;
                    right += 1;
                    counted += 1;
                    if let Some(ok) = same_meeting(t, g.meeting) {
                        on_meeting.total += 1;
                        if ok {
                            on_meeting.found += 1;
                        } else {
                            eval.misses.push(format!(
                                "{file}: {table} on the wrong meeting: {}",
                                truth_shown(table, t)
                            ));
                        }
                    }
                } else if optional.iter().any(|(o, at)| {
                    at.iter().any(|&s| overlaps(s, g.span)) && agrees(table, o, &g.keys)
                }) {
                    // Counts neither way.
                } else {
                    score(false);
                    counted += 1;
                    eval.misses.push(format!(
                        "{file}: {table}: expected nothing, got {} [{}]",
                        g.shown,
                        g.rule.map_or("", |p| p.rule.as_str())
                    ));
                }
            }
            for (i, (t, at)) in want.iter().enumerate() {
                m.total += 1;
                if taken[i] {
                    m.found += 1;
                } else {
                    let why = if at.is_empty() {
                        " (evidence not in the text)"
                    } else {
                        ""
                    };
                    eval.misses.push(format!(
                        "{file}: {table}: expected {}, got nothing{why}",
                        truth_shown(table, t)
                    ));
                }
            }
            if let Some((r, a)) = &mut m.precision {
                *r += right;
                *a += counted;
            }
        }
    }
    eval.measures = TABLES
        .iter()
        .filter_map(|t| measures.remove(t))
        .chain([on_meeting])
        .collect();
    eval.rules = rules.into_values().collect();
    eval
}

#[cfg(test)]
mod tests {
    use super::*;
    use nectar_model::{Document, Layout, ParserInfo};

    fn read(text: &str) -> Report {
        let doc = Document::from_text("r.txt", text);
        let layout = Layout {
            title: Some(Span::new(0, 10)),
            body: Span::new(12, text.len()),
            ..Layout::default()
        };
        let info = ParserInfo {
            name: "generic".into(),
            version: "0".into(),
            confidence: 0.1,
        };
        nectar_extract::extract(&doc, &layout, info).expect("the layout is of the text")
    }

    #[test]
    fn an_undated_meeting_matches_the_truths_undated_one_of_its_kind() {
        let text = "NEC report\n\nThe NEC met and agreed the timetable. Later the NEC spoke.";
        let report = read(text);
        assert!(report.primary_meeting().is_some_and(|m| m.date.is_none()));
        let texts = BTreeMap::from([("r.txt".to_owned(), text.to_owned())]);
        let score = |kind: &str| {
            let truth: CompleteReport = serde_json::from_value(serde_json::json!({
                "file": "r.txt",
                "meetings": [{"date": null, "kind": kind, "evidence": "Later the NEC spoke"}],
            }))
            .unwrap();
            let eval = evaluate_complete(&[truth], std::slice::from_ref(&report), &texts);
            eval.measure("meetings").unwrap().found
        };
        assert_eq!(score("full"), 1);
        assert_eq!(score("away_day"), 0);
    }

    #[test]
    fn a_row_matches_where_its_evidence_stands_and_its_values_agree() {
        let text =
            "NEC report\n\nThe NEC met on 3 March 2015. The motion was carried by 20 votes to 3.";
        let report = read(text);
        let truth: CompleteReport = serde_json::from_value(serde_json::json!({
            "file": "r.txt",
            "meetings": [{"date": "2015-03-03", "kind": "full", "evidence": "met on 3 March 2015"}],
            "votes": [{"for": 20, "against": 3, "evidence": "carried by 20 votes to 3",
                       "meeting": {"date": "2015-03-03", "kind": "full"}}],
        }))
        .unwrap();
        let texts = BTreeMap::from([("r.txt".to_owned(), text.to_owned())]);
        let eval = evaluate_complete(
            std::slice::from_ref(&truth),
            std::slice::from_ref(&report),
            &texts,
        );
        let votes = eval.measure("votes").unwrap();
        assert_eq!(
            (votes.found, votes.total, votes.precision),
            (1, 1, Some((1, 1)))
        );
        assert_eq!(eval.measure("meetings").unwrap().found, 1);
        assert_eq!(eval.measure("facts on the right meeting").unwrap().found, 1);
        // Another meeting is wrong, unless the truth accepts it as an alternative.
        let mut elsewhere = truth.clone();
        elsewhere.votes[0]["meeting"] = serde_json::json!({"date": "2015-02", "kind": "full"});
        let eval = evaluate_complete(
            std::slice::from_ref(&elsewhere),
            std::slice::from_ref(&report),
            &texts,
        );
        assert_eq!(eval.measure("facts on the right meeting").unwrap().found, 0);
        elsewhere.votes[0]["accept_meetings"] =
            serde_json::json!([{"date": "2015-03-03", "kind": "full"}]);
        let eval = evaluate_complete(
            std::slice::from_ref(&elsewhere),
            std::slice::from_ref(&report),
            &texts,
        );
        assert_eq!(eval.measure("facts on the right meeting").unwrap().found, 1);
        // Counts that disagree do not match: a miss and a false positive.
        let mut wrong = truth;
        wrong.votes[0]["against"] = 4.into();
        let eval = evaluate_complete(&[wrong], &[report], &texts);
        let votes = eval.measure("votes").unwrap();
        assert_eq!((votes.found, votes.precision), (0, Some((0, 1))));
        let votes: Vec<&String> = eval
            .misses
            .iter()
            .filter(|m| m.contains(": votes:"))
            .collect();
        assert_eq!(votes.len(), 2, "{votes:?}");
    }
}
