//! Issue 16: one dataset across reports. Each real meeting is one `nec_meetings` row with every
//! report of it, and reports that disagree keep both values, marked `conflict` in `claims`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use nectar_dataset::Dataset;
use nectar_model::Report;
use nectar_tables::{Cell, Row, TABLES, table_index};

fn reports(inputs: &[PathBuf]) -> Vec<Report> {
    let registry = nectar_plugins::registry().unwrap();
    nectar_pipeline::read_all(inputs, &registry, &Default::default()).0
}

fn get<'a>(table: &str, row: &'a Row, column: &str) -> &'a Cell {
    &row[TABLES[table_index(table)].column(column).unwrap()]
}

fn text(table: &str, row: &Row, column: &str) -> String {
    get(table, row, column).to_text()
}

/// The files of the reports a real meeting's row names.
fn files_of(dataset: &Dataset, reports: &[Report], id: &str) -> BTreeSet<String> {
    let row = dataset
        .rows("nec_meetings")
        .iter()
        .find(|r| text("nec_meetings", r, "nec_meeting_id") == id)
        .unwrap_or_else(|| panic!("no meeting {id}"));
    text("nec_meetings", row, "report_ids")
        .split("; ")
        .map(|rid| {
            let r = reports.iter().find(|r| r.report_id == rid).unwrap();
            r.document.file[..3].to_owned()
        })
        .collect()
}

#[test]
fn meetings_reported_by_several_field_pages_are_one_row_each() {
    let Some(field) = nectar_testkit::require_field() else {
        return;
    };
    let reports = reports(&[field]);
    let dataset = Dataset::of(&reports);
    let set = |files: &[&str]| files.iter().map(|f| f.to_string()).collect::<BTreeSet<_>>();
    // A two-day meeting (one page gives both days, another the first) and its away day.
    assert_eq!(
        files_of(&dataset, &reports, "nec-2007-11-19"),
        set(&["108", "109"])
    );
    // A page dated by its month only joins the one January meeting before it was published.
    assert_eq!(
        files_of(&dataset, &reports, "nec-2016-01-26"),
        set(&["121", "122"])
    );
    assert_eq!(
        files_of(&dataset, &reports, "nec-2016-09-20"),
        set(&["125", "126"])
    );
    // A page with no date at all joins the meeting whose other report gives the same vote.
    assert_eq!(
        files_of(&dataset, &reports, "nec-2018-03-20"),
        set(&["133", "134"])
    );
    assert_eq!(
        files_of(&dataset, &reports, "nec-2022-05-24"),
        set(&["153", "154"])
    );
    // Keys are unique, and every mention with a date to the month is linked.
    let ids: BTreeSet<String> = dataset
        .rows("nec_meetings")
        .iter()
        .map(|r| text("nec_meetings", r, "nec_meeting_id"))
        .collect();
    assert_eq!(ids.len(), dataset.rows("nec_meetings").len());
    for m in dataset.rows("meetings") {
        let link = text("meetings", m, "nec_meeting_id");
        if text("meetings", m, "date").len() >= 7 {
            assert!(ids.contains(&link), "{link}");
        }
    }
    // The same vote from two reports agrees.
    let votes: Vec<&Row> = dataset
        .rows("claims")
        .iter()
        .filter(|c| text("claims", c, "nec_meeting_id") == "nec-2018-03-20")
        .filter(|c| text("claims", c, "property") == "vote")
        .collect();
    assert_eq!(votes.len(), 2);
    assert!(votes.iter().all(|c| text("claims", c, "status") == "agree"));
    assert!(votes.iter().all(|c| text("claims", c, "value") == "35-2"));
}

/// Two reports of one meeting, written for this test: they agree on the membership (one
/// rounds it) and disagree on how long the meeting ran.
fn two_reports(dir: &Path) {
    std::fs::write(
        dir.join("a.txt"),
        "NEC report – 14 March 2023\n\nThe NEC met on 14 March 2023 for six hours. \
         Membership stands at 485,312. The motion to open parliamentary selections to all \
         members was carried by 20 votes to 12.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "Report from the National Executive Committee, 14 March 2023\n\nA long seven-hour \
         meeting. The party now has over 485,000 members. The motion opening parliamentary \
         selections to all members was carried by 20 votes to 11.\n",
    )
    .unwrap();
}

#[test]
fn reports_that_disagree_keep_both_values_as_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    two_reports(dir.path());
    let reports = reports(&[dir.path().to_owned()]);
    assert_eq!(reports.len(), 2);
    let dataset = Dataset::of(&reports);
    let meeting = dataset
        .rows("nec_meetings")
        .iter()
        .find(|r| text("nec_meetings", r, "nec_meeting_id") == "nec-2023-03-14")
        .expect("one meeting");
    assert_eq!(get("nec_meetings", meeting, "n_reports"), &Cell::Int(2));
    let claims: Vec<(String, String, String, String)> = dataset
        .rows("claims")
        .iter()
        .map(|c| {
            (
                text("claims", c, "property"),
                text("claims", c, "value"),
                text("claims", c, "rank"),
                text("claims", c, "status"),
            )
        })
        .collect();
    let status = |property: &str| -> BTreeSet<String> {
        claims
            .iter()
            .filter(|c| c.0 == property)
            .map(|c| c.3.clone())
            .collect()
    };
    assert_eq!(
        status("date"),
        BTreeSet::from(["agree".to_owned()]),
        "{claims:?}"
    );
    assert_eq!(
        status("membership"),
        BTreeSet::from(["agree".to_owned()]),
        "{claims:?}"
    );
    assert_eq!(
        status("duration"),
        BTreeSet::from(["conflict".to_owned()]),
        "{claims:?}"
    );
    assert_eq!(
        status("vote"),
        BTreeSet::from(["conflict".to_owned()]),
        "{claims:?}"
    );
    let durations: BTreeSet<&str> = claims
        .iter()
        .filter(|c| c.0 == "duration")
        .map(|c| c.1.as_str())
        .collect();
    assert_eq!(
        durations,
        BTreeSet::from(["6", "7"]),
        "both kept, none averaged"
    );
    assert_eq!(text("nec_meetings", meeting, "conflicts"), "duration; vote");
}

/// A report written for this test: one meeting, its length, its membership and a vote, in
/// enough words to know it again.
const REPORT: &str = "NEC report – 12 September 2023

The National Executive Committee met on 12 September 2023 for five hours. The general
secretary said membership stands at 402,127. Most of the meeting went on the rule changes
for annual conference, which the committee had asked officers to draft in July, and on the
timetable for selecting candidates in the seats the party hopes to win at the next general
election. The motion to publish the minutes of every meeting within a month was carried by
18 votes to 9. Members also heard from the treasurer about the party's finances and from the
chair of the organisation committee about the work of its disputes panels over the summer.
";

#[test]
fn a_report_posted_at_two_addresses_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    for (name, url, extra) in [
        ("a.txt", "https://member.example/2023/09/nec-report", ""),
        (
            "b.txt",
            "https://group.example/news/nec-report-september",
            "\nShare this: Facebook Twitter Email\n",
        ),
    ] {
        std::fs::write(dir.path().join(name), format!("{REPORT}{extra}")).unwrap();
        let sidecar = dir.path().join(name.replace(".txt", ".meta.json"));
        std::fs::write(sidecar, format!("{{\"url\": \"{url}\"}}")).unwrap();
    }
    let reports = reports(&[dir.path().to_owned()]);
    assert_eq!(reports.len(), 2, "two files, two reports");
    let dataset = Dataset::of(&reports);
    let copies = dataset.rows("copies");
    assert_eq!(copies.len(), 1, "{copies:?}");
    let (a, b) = (&reports[0].report_id, &reports[1].report_id);
    let (copy, of) = (
        text("copies", &copies[0], "report_id"),
        text("copies", &copies[0], "copy_of"),
    );
    assert!(
        (&copy, &of) == (b, a) || (&copy, &of) == (a, b),
        "{copy} {of}"
    );
    let meeting = dataset
        .rows("nec_meetings")
        .iter()
        .find(|r| text("nec_meetings", r, "nec_meeting_id") == "nec-2023-09-12")
        .expect("the meeting");
    assert_eq!(get("nec_meetings", meeting, "n_reports"), &Cell::Int(1));
    assert_eq!(
        text("nec_meetings", meeting, "report_ids")
            .split("; ")
            .count(),
        2
    );
    for c in dataset.rows("claims") {
        assert_eq!(
            text("claims", c, "report_id"),
            of,
            "only the first's values"
        );
        assert_eq!(text("claims", c, "status"), "single");
    }
    let report_at = TABLES[table_index("figures")].column("report_id").unwrap();
    assert!(dataset.figures.iter().all(|f| f[report_at].to_text() == of));
}
