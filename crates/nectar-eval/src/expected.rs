//! The `must` facts of an `expected.json` of real reports, as truth pages. The file is read as
//! [`ExpectedFile`], the one definition the conformance check reads too, so an unknown key is
//! refused here as there.

use nectar_model::{
    Expected, ExpectedFile, MeetingKind, TruthFigure, TruthMeeting, TruthPage, TruthVote,
};

/// The pages of `{"reports": [{"file": ..., "must": {...}}]}`.
pub(crate) fn pages(value: serde_json::Value) -> Result<Vec<TruthPage>, String> {
    let file: ExpectedFile = serde_json::from_value(value).map_err(|e| e.to_string())?;
    file.reports.iter().map(page).collect()
}

fn kind(file: &str, kind: &str) -> Result<MeetingKind, String> {
    serde_json::from_value(serde_json::Value::from(kind))
        .map_err(|e| format!("{file}: meeting kind: {e}"))
}

fn page(r: &Expected) -> Result<TruthPage, String> {
    let file = r.file.clone().ok_or("a report without `file`")?;
    let must = &r.must;
    let negative = must.report_kind.as_deref() == Some("not_nec_report");
    let mut meetings = Vec::new();
    let mut duration_hours = None;
    if let Some(p) = &must.primary_meeting {
        meetings.push(TruthMeeting {
            date: Some(p.date.clone()),
            kind: kind(&file, &p.kind)?,
            evidence: None,
            accept_dates: Vec::new(),
            accept_kinds: Vec::new(),
            note: None,
        });
        duration_hours = p.duration_hours;
    }
    // The other meetings the report names (`must.other_meetings_must`, `should.other_meetings`).
    let mut mentioned_meetings = Vec::new();
    for m in must
        .other_meetings_must
        .iter()
        .chain(&r.should.other_meetings)
    {
        mentioned_meetings.push(TruthMeeting {
            date: Some(m.date.clone()),
            kind: kind(&file, &m.kind)?,
            evidence: None,
            accept_dates: Vec::new(),
            accept_kinds: Vec::new(),
            note: None,
        });
    }
    let membership = must
        .membership
        .iter()
        .map(|m| TruthFigure {
            value: m.value,
            qualifier: None,
            as_of: m.as_of.clone(),
            evidence: None,
            note: None,
        })
        .collect();
    let votes = must
        .votes
        .iter()
        .map(|v| TruthVote {
            yes: v.yes,
            no: v.against,
            abstain: v.abstain,
            subject: v.about.clone(),
            evidence: None,
            vote_type: None,
            note: None,
        })
        .collect();
    Ok(TruthPage {
        file,
        url: None,
        site: None,
        author: (!must.authors.is_empty()).then(|| must.authors.join("; ")),
        published: must.published.clone(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_must_facts_and_refuses_an_unknown_key_by_name() {
        let file = serde_json::json!({"about": "facts", "reports": [{"file": "a.txt", "must": {
            "source": "generic", "authors": ["A B"], "author_role": "CLP representative",
            "primary_meeting": {"date": "2020-11-24", "kind": "away_day", "year_inferred": true},
            "votes": [{"for": 13, "against": 10, "outcome": "carried", "about": "a paper"}]}}]});
        let read = pages(file.clone()).expect("reads");
        assert_eq!(read[0].meetings[0].date.as_deref(), Some("2020-11-24"));
        assert_eq!(read[0].votes[0].subject.as_deref(), Some("a paper"));
        assert_eq!(read[0].author.as_deref(), Some("A B"));
        let mut wrong = file;
        wrong["reports"][0]["must"]["primary_meeting"]["weekday"] = serde_json::json!("Tuesday");
        let err = pages(wrong).unwrap_err();
        assert!(err.contains("unknown field `weekday`"), "{err}");
    }
}
