//! The `must` facts of an `expected.json` of real reports, as truth pages.

use nectar_model::{MeetingKind, TruthFigure, TruthMeeting, TruthPage, TruthVote};
use serde_json::Value;

fn string(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn count(v: &Value, key: &str) -> Option<u32> {
    v.get(key)
        .and_then(Value::as_u64)
        .and_then(|n| u32::try_from(n).ok())
}

/// The pages of `{"reports": [{"file": ..., "must": {...}}]}`.
pub(crate) fn pages(value: &Value) -> Result<Vec<TruthPage>, String> {
    let reports = value
        .get("reports")
        .and_then(Value::as_array)
        .ok_or("`reports` is not an array")?;
    reports.iter().map(page).collect()
}

fn page(r: &Value) -> Result<TruthPage, String> {
    let file = string(r, "file").ok_or("a report without `file`")?;
    let must = r
        .get("must")
        .ok_or_else(|| format!("{file}: no `must` facts"))?;
    let negative = must.get("report_kind").and_then(Value::as_str) == Some("not_nec_report");
    let mut meetings = Vec::new();
    let mut duration_hours = None;
    if let Some(p) = must.get("primary_meeting").filter(|p| p.is_object()) {
        let kind: MeetingKind = serde_json::from_value(p.get("kind").cloned().unwrap_or_default())
            .map_err(|e| format!("{file}: primary meeting kind: {e}"))?;
        meetings.push(TruthMeeting {
            date: string(p, "date"),
            kind,
            evidence: None,
            accept_dates: Vec::new(),
            accept_kinds: Vec::new(),
            note: None,
        });
        duration_hours = p.get("duration_hours").and_then(Value::as_f64);
    }
    // The other meetings the report names (`must.other_meetings_must`, `should.other_meetings`).
    let mut mentioned_meetings = Vec::new();
    let others = [
        must.get("other_meetings_must"),
        r.get("should").and_then(|s| s.get("other_meetings")),
    ];
    for m in others
        .into_iter()
        .flatten()
        .filter_map(Value::as_array)
        .flatten()
    {
        let Ok(kind) =
            serde_json::from_value::<MeetingKind>(m.get("kind").cloned().unwrap_or_default())
        else {
            continue;
        };
        mentioned_meetings.push(TruthMeeting {
            date: string(m, "date"),
            kind,
            evidence: None,
            accept_dates: Vec::new(),
            accept_kinds: Vec::new(),
            note: None,
        });
    }
    let membership = must
        .get("membership")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|m| {
            Some(TruthFigure {
                value: m.get("value")?.as_f64()?,
                qualifier: None,
                as_of: string(m, "as_of"),
                evidence: None,
                note: None,
            })
        })
        .collect();
    let votes = must
        .get("votes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|v| TruthVote {
            yes: count(v, "for"),
            no: count(v, "against"),
            abstain: count(v, "abstain"),
            subject: string(v, "about"),
            evidence: None,
            vote_type: None,
            note: None,
        })
        .collect();
    let authors: Vec<String> = must
        .get("authors")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|a| a.as_str().map(str::to_owned))
        .collect();
    Ok(TruthPage {
        file,
        url: None,
        site: None,
        author: (!authors.is_empty()).then(|| authors.join("; ")),
        published: string(must, "published"),
        meetings,
        membership,
        votes,
        duration_hours,
        duration_qualifier: None,
        duration_evidence: None,
        negative,
        mentioned_meetings,
        distractors: Vec::new(),
        notes: None,
    })
}
