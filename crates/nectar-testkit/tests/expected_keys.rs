//! Every key of an expected file is checked: a wrong value of each fails the conformance
//! check, and a key the format does not know is refused with an error that names it.
//!
//! The report is made by hand from a few sentences of our own, so that each fact is known.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use nectar_model::{
    DateReading, Decision, DecisionOutcome, Duration, Evidence, Figure, Meeting, MeetingKind,
    MeetingStatus, Metric, Origin, ParserInfo, PartialDate, PersonMention, Provenance, Qualifier,
    Report, ReportKind, SourceDocument, Sourced, Span, Unit, VoteCounts, VoteEvent, VoteResult,
};
use nectar_testkit::{Expected, ExpectedFile, conformance};
use serde_json::{Value, json};

const TEXT: &str = "NEC report\n\
As a CLP representative I write this. The NEC away day met on Sunday 24-25 January 2016 and sat for six hours.\n\
• first item\n\
• second item\n\
The Development Fund Panel met on 10 December 2015.\n\
Membership is now 388,000.\n\
Some 14,000 members are in arrears.\n\
A motion to set up a working group on digital democracy was carried by 16 votes to 12.\n\
The NEC agreed a code of conduct for candidates.\n\
Keir Starmer, the Leader, spoke.\n";

fn ev(quote: &str) -> Evidence {
    let start = TEXT.find(quote).expect("the quote is in the text");
    Evidence::new(TEXT, Span::new(start, start + quote.len())).unwrap()
}

fn sentence(of: &str) -> String {
    TEXT.lines().find(|l| l.contains(of)).unwrap().to_owned()
}

/// The report a correct reading of [`TEXT`] gives.
fn report() -> Report {
    let mut primary_date = DateReading::stated(PartialDate::ymd(2016, 1, 24).unwrap());
    primary_date.end = PartialDate::ymd(2016, 1, 25);
    let meeting = |id: &str, date, kind, body: Option<&str>, primary, quote| Meeting {
        meeting_id: id.into(),
        date: Some(date),
        kind,
        body: body.map(str::to_owned),
        status: MeetingStatus::Held,
        primary,
        duration: None,
        evidence: ev(quote),
    };
    let mut away_day = meeting(
        "generic-test/m-00000000",
        primary_date,
        MeetingKind::AwayDay,
        None,
        true,
        "NEC away day met on Sunday 24-25 January 2016",
    );
    away_day.duration = Some(Duration {
        hours: 6.0,
        qualifier: Qualifier::Exact,
        evidence: ev("six hours"),
    });
    let panel = meeting(
        "generic-test/m-00000001",
        DateReading::stated(PartialDate::ymd(2015, 12, 10).unwrap()),
        MeetingKind::OtherCommittee,
        Some("Development Fund Panel"),
        false,
        "Development Fund Panel met on 10 December 2015",
    );
    let figure = |id: &str, metric: &str, value, qualifier, quote| Figure {
        figure_id: id.into(),
        meeting_id: Some("generic-test/m-00000000".into()),
        metric: Metric::from_name(metric).unwrap(),
        value,
        unit: Unit::Count,
        qualifier,
        as_of: None,
        from_comment: false,
        evidence: ev(quote),
        provenance: Provenance::default(),
    };
    Report {
        report_id: "generic-test".into(),
        source: "generic".into(),
        document: SourceDocument {
            path: "test.txt".into(),
            sha256: "00".into(),
            bytes: TEXT.len() as u64,
            url: None,
            sidecar: None,
            ..Default::default()
        },
        parser: ParserInfo {
            name: "generic".into(),
            version: "0.1.0".into(),
            confidence: 1.0,
        },
        kind: ReportKind::NecReport,
        title: None,
        published: None,
        authors: Vec::new(),
        author_role: Some(Sourced {
            value: "CLP representative".into(),
            origin: Origin::Text,
            evidence: Some(ev("CLP representative")),
        }),
        body: Span::new(0, TEXT.len()),
        clutter: Vec::new(),
        meetings: vec![away_day, panel],
        agenda_items: Vec::new(),
        figures: vec![
            figure(
                "generic-test/f-00000000",
                "membership",
                388_000.0,
                Qualifier::Exact,
                "388,000",
            ),
            figure(
                "generic-test/f-00000001",
                "members_in_arrears",
                14_000.0,
                Qualifier::Around,
                "Some 14,000",
            ),
        ],
        votes: vec![VoteEvent {
            vote_id: "generic-test/v-00000000".into(),
            meeting_id: Some("generic-test/m-00000000".into()),
            subject: Some(sentence("digital democracy")),
            counts: VoteCounts {
                yes: Some(16),
                no: Some(12),
                abstain: None,
            },
            result: VoteResult::Pass,
            evidence: ev("carried by 16 votes to 12"),
            provenance: Provenance::default(),
        }],
        decisions: vec![Decision {
            decision_id: "generic-test/d-00000000".into(),
            meeting_id: Some("generic-test/m-00000000".into()),
            outcome: DecisionOutcome::Agreed,
            subject: Some(sentence("code of conduct")),
            unanimous: false,
            narrow: false,
            vote_id: None,
            evidence: ev("agreed a code of conduct"),
            provenance: Provenance::default(),
        }],
        people: vec![PersonMention {
            person_id: None,
            name: "Keir Starmer".into(),
            role: Some("Leader".into()),
            role_basis: Some(nectar_model::RoleBasis::Stated),
            aliases: Vec::new(),
            evidence: ev("Keir Starmer"),
            provenance: Provenance::default(),
        }],
        comments: Vec::new(),
        notes: Vec::new(),
        fingerprint: None,
    }
}

/// The expected facts of [`TEXT`], with every key the format has.
fn expected() -> Value {
    json!({
        "file": "test.txt",
        "must": {
            "source": "generic",
            "report_kind": "nec_report",
            "title": null,
            "published": null,
            "authors": [],
            "author_role": "CLP representative",
            "bullets": 2,
            "primary_meeting": {
                "date": "2016-01-24", "end_date": "2016-01-25", "year_inferred": false,
                "weekday_clash": false, "kind": "away_day", "duration_hours": 6,
                "duration_qualifier": "exact", "duration_quote": "six hours",
                "note": "a two-day range", "template": "duration/0"
            },
            "other_meetings_must": [
                {"date": "2015-12-10", "end_date": null, "kind": "other_committee",
                 "body": "Development Fund Panel", "quote": "Development Fund Panel met",
                 "template": "committee/0"}
            ],
            "membership": [
                {"value": 388000, "qualifier": "exact", "as_of": null, "quote": "388,000",
                 "note": "the party's", "template": "membership/0"}
            ],
            "votes": [
                {"for": 16, "against": 12, "abstain": null, "outcome": "carried",
                 "about": "working group on digital democracy",
                 "quote": "carried by 16 votes to 12", "note": "counted", "template": "vote/0"}
            ],
            "comments": {"count": 0, "note": "none"},
            "not_in_body": ["Leave a Reply"],
            "sections": []
        },
        "should": {
            "note": "nothing else",
            "other_meetings": [],
            "figures": [
                {"metric": "members_in_arrears", "value": 14000, "unit": "members",
                 "qualifier": "around", "quote": "14,000", "note": "arrears"}
            ],
            "comment_figures": [],
            "decisions": [
                {"outcome": "agreed", "about": "code of conduct for candidates",
                 "quote": "agreed a code of conduct", "note": "no count"}
            ],
            "people": [{"name": "Keir Starmer", "role": "Leader", "note": "named"}]
        }
    })
}

fn parse(v: Value) -> Expected {
    serde_json::from_value(v).unwrap()
}

#[test]
fn the_right_facts_pass() {
    let c = conformance(&report(), TEXT, &parse(expected()));
    assert!(c.must_failures.is_empty(), "{:?}", c.must_failures);
    assert_eq!(c.should_total, 3);
    assert!(c.should_failures.is_empty(), "{:?}", c.should_failures);
    assert_eq!(c.should_note.as_deref(), Some("nothing else"));
}

/// `(pointer, wrong value, words the failure must hold)`: one for each checked key of `must`.
const MUST: &[(&str, &str, &str)] = &[
    ("/must/author_role", r#""NEC treasurer""#, "author's role"),
    ("/must/author_role", "null", "author's role"),
    ("/must/bullets", "3", "bulleted items"),
    ("/must/bullets", "0", "bulleted items"),
    (
        "/must/primary_meeting/end_date",
        r#""2016-01-26""#,
        "primary meeting ends",
    ),
    (
        "/must/primary_meeting/end_date",
        "null",
        "primary meeting ends",
    ),
    (
        "/must/primary_meeting/year_inferred",
        "true",
        "year_inferred",
    ),
    (
        "/must/primary_meeting/weekday_clash",
        "true",
        "weekday clash",
    ),
    (
        "/must/primary_meeting/date",
        r#""2016-01-23""#,
        "primary meeting date",
    ),
    (
        "/must/primary_meeting/kind",
        r#""full""#,
        "primary meeting kind",
    ),
    ("/must/primary_meeting/duration_hours", "7", "duration"),
    (
        "/must/primary_meeting/duration_qualifier",
        r#""over""#,
        "duration qualifier",
    ),
    (
        "/must/primary_meeting/duration_quote",
        r#""24-25 January""#,
        "duration evidence",
    ),
    (
        "/must/other_meetings_must/0/end_date",
        r#""2015-12-11""#,
        "not found",
    ),
    (
        "/must/other_meetings_must/0/body",
        r#""Equalities Committee""#,
        "not found",
    ),
    (
        "/must/other_meetings_must/0/date",
        r#""2015-12""#,
        "not found",
    ),
    ("/must/other_meetings_must/0/kind", r#""full""#, "not found"),
    (
        "/must/other_meetings_must/0/quote",
        r#""Membership is now""#,
        "not found",
    ),
    (
        "/must/votes/0/about",
        r#""trigger ballot timetable""#,
        "not found",
    ),
    ("/must/votes/0/for", "17", "not found"),
    ("/must/votes/0/against", "11", "not found"),
    ("/must/votes/0/abstain", "2", "not found"),
    ("/must/votes/0/outcome", r#""defeated""#, "not found"),
    ("/must/votes/0/quote", r#""Some 14,000""#, "not found"),
    ("/must/membership/0/value", "390000", "membership figure"),
    (
        "/must/membership/0/qualifier",
        r#""over""#,
        "membership figure",
    ),
    (
        "/must/membership/0/as_of",
        r#""2016-01""#,
        "membership figure",
    ),
    (
        "/must/membership/0/quote",
        r#""14,000""#,
        "membership figure",
    ),
    (
        "/must/membership/0/unit",
        r#""percent""#,
        "membership figure",
    ),
    (
        "/must/membership/0/metric",
        r#""new_members""#,
        "membership figure",
    ),
    ("/must/source", r#""blogger""#, "source"),
    ("/must/report_kind", r#""not_nec_report""#, "kind"),
    ("/must/title", r#""NEC report""#, "title"),
    ("/must/published", r#""2016-01-27""#, "published"),
    ("/must/authors", r#"["Jo Pemberton"]"#, "authors"),
    ("/must/comments/count", "1", "comments"),
    ("/must/not_in_body", r#"["Keir Starmer"]"#, "clutter"),
    ("/must/sections", r#"["Membership"]"#, "agenda item"),
];

/// `(pointer, wrong value)`: one for each checked key of `should`.
const SHOULD: &[(&str, &str)] = &[
    ("/should/figures/0/qualifier", r#""exact""#),
    ("/should/figures/0/unit", r#""GBP""#),
    ("/should/figures/0/unit", r#""percent""#),
    ("/should/figures/0/value", "15000"),
    ("/should/figures/0/metric", r#""staff""#),
    ("/should/figures/0/as_of", r#""2016-01""#),
    ("/should/figures/0/quote", r#""388,000""#),
    ("/should/decisions/0/about", r#""trigger ballot timetable""#),
    ("/should/decisions/0/outcome", r#""deferred""#),
    ("/should/decisions/0/quote", r#""Keir Starmer""#),
    ("/should/people/0/name", r#""Angela Rayner""#),
    ("/should/people/0/role", r#""General Secretary""#),
];

fn with(pointer: &str, value: &str) -> Value {
    let mut e = expected();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let slot = e.pointer_mut(parent).unwrap();
    slot[key] = serde_json::from_str(value).unwrap();
    e
}

#[test]
fn a_wrong_value_of_each_must_key_fails() {
    let report = report();
    for (pointer, value, words) in MUST {
        let c = conformance(&report, TEXT, &parse(with(pointer, value)));
        assert!(
            c.must_failures.iter().any(|f| f.contains(words)),
            "{pointer} = {value} passed: {:?}",
            c.must_failures
        );
    }
}

#[test]
fn a_wrong_value_of_each_should_key_is_a_miss() {
    let report = report();
    for (pointer, value) in SHOULD {
        let c = conformance(&report, TEXT, &parse(with(pointer, value)));
        assert!(
            c.must_failures.is_empty(),
            "{pointer}: {:?}",
            c.must_failures
        );
        assert_eq!(c.should_failures.len(), 1, "{pointer} = {value} passed");
    }
}

#[test]
fn a_wrong_fact_in_the_report_fails_too() {
    let mut r = report();
    let d = r.meetings[0].date.as_mut().unwrap();
    d.weekday_clash = Some("the text says Sunday; 2016-01-24 is a Monday".into());
    r.author_role = None;
    r.votes[0].subject = None;
    let c = conformance(&r, TEXT, &parse(expected()));
    let all = c.must_failures.join("\n");
    for words in ["weekday clash", "author's role", "not found"] {
        assert!(all.contains(words), "{words}: {all}");
    }
}

#[test]
fn a_year_read_as_stated_must_be_in_its_evidence() {
    // Without `year_inferred`, the reading's own flag is held to its evidence.
    let mut e = expected();
    e["must"]["primary_meeting"]
        .as_object_mut()
        .unwrap()
        .remove("year_inferred");
    let mut r = report();
    assert!(
        conformance(&r, TEXT, &parse(e.clone()))
            .must_failures
            .is_empty()
    );
    r.meetings[0].evidence = ev("NEC away day met on Sunday 24-25 January");
    let c = conformance(&r, TEXT, &parse(e.clone()));
    assert!(
        c.must_failures.iter().any(|f| f.contains("read as stated")),
        "{:?}",
        c.must_failures
    );
    r.meetings[0].date.as_mut().unwrap().year_inferred = true;
    assert!(conformance(&r, TEXT, &parse(e)).must_failures.is_empty());
}

#[test]
fn a_failure_shows_the_note_beside_it() {
    let c = conformance(&report(), TEXT, &parse(with("/must/votes/0/for", "17")));
    assert!(
        c.must_failures
            .iter()
            .any(|f| f.contains("(note: counted)") && f.contains("[vote/0]")),
        "{:?}",
        c.must_failures
    );
}

/// Every object of the format, by its JSON pointer.
const OBJECTS: &[&str] = &[
    "",
    "/must",
    "/must/primary_meeting",
    "/must/other_meetings_must/0",
    "/must/membership/0",
    "/must/votes/0",
    "/must/comments",
    "/should",
    "/should/figures/0",
    "/should/decisions/0",
    "/should/people/0",
];

#[test]
fn an_unknown_key_is_refused_by_name() {
    for at in OBJECTS {
        let mut e = expected();
        e.pointer_mut(at).unwrap()["year_infered"] = json!(true);
        let err = serde_json::from_value::<Expected>(e)
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field `year_infered`"), "{at}: {err}");
    }
    let mut e = expected();
    e["must"]["comments"]["first"] = json!({"author": "A", "posted_at": null, "avatar": "x"});
    let err = serde_json::from_value::<Expected>(e)
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown field `avatar`"), "{err}");
    // The seeds' file, and its top level.
    let file = json!({"about": "facts", "reports": [expected()], "version": 2});
    let err = serde_json::from_value::<ExpectedFile>(file)
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown field `version`"), "{err}");
}

#[test]
fn a_file_with_an_unknown_key_is_an_error_naming_the_key_and_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.expected.json");
    let mut e = expected();
    e["must"]["bulets"] = json!(2);
    std::fs::write(&path, e.to_string()).unwrap();
    let err = nectar_testkit::read_expected(&path).unwrap_err();
    assert!(err.contains("unknown field `bulets`"), "{err}");
    assert!(err.contains("x.expected.json"), "{err}");
    let path = dir.path().join("expected.json");
    let file = json!({"about": "facts", "reports": [e]});
    std::fs::write(&path, file.to_string()).unwrap();
    let err = nectar_testkit::read_expected_file(&path).unwrap_err();
    assert!(err.contains("unknown field `bulets`"), "{err}");
}
