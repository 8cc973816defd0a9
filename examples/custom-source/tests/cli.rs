//! The example's `nectar` binary (src/bin/nectar.rs) is nectar's command with The Red Rose
//! Review parser linked in: `nectar plugins` lists it, and `nectar parse` and `nectar build`
//! choose it for a page in its layout and read the page's facts.

#![cfg(feature = "cli")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::path::Path;
use std::process::{Command, Output};

use nectar_example_custom_source::NAME;

/// A page in The Red Rose Review's layout, written for this test.
const PAGE: &str = "THE RED ROSE REVIEW — news for Labour members

Filed: 14 October 2020

NEC report: a short meeting on conference

By Tom Hardcastle

The NEC met online on Tuesday 6th October. The General Secretary reported that party membership is now over 495,000.

A motion to hold next year's conference in person was carried by 21 votes to 11.

Support the Review: donate at redrosereview.example/donate
";

fn nectar(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nectar"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("nectar runs")
}

fn success(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}: {}",
        o.status.code(),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn plugins_lists_the_parser_beside_the_built_in_ones() {
    let dir = tempfile::tempdir().unwrap();
    let text = success(&nectar(&["plugins"], dir.path()));
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with(NAME))
        .unwrap_or_else(|| panic!("{NAME} not listed:\n{text}"));
    assert!(line.contains("[The Red Rose Review"), "{line}");

    let json: serde_json::Value =
        serde_json::from_str(&success(&nectar(&["plugins", "--json"], dir.path()))).unwrap();
    let names: Vec<&str> = json["parsers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&NAME), "{names:?}");
    for built_in in ["blogger", "clga", "generic", "labourlist", "progress"] {
        assert!(names.contains(&built_in), "{built_in} missing: {names:?}");
    }
    let exporters = json["exporters"].as_array().unwrap();
    assert!(
        exporters.iter().any(|e| e["name"] == "csv"),
        "{exporters:?}"
    );
}

#[test]
fn parse_chooses_the_parser_and_reads_the_page() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("review.txt"), PAGE).unwrap();
    let json: serde_json::Value = serde_json::from_str(&success(&nectar(
        &["parse", "review.txt", "--quiet"],
        dir.path(),
    )))
    .unwrap();
    let reports = json["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 1);
    let report = &reports[0];
    // Detected, not chosen with --source.
    assert_eq!(report["source"], NAME);
    assert_eq!(report["parser"]["name"], NAME);
    assert_eq!(report["parser"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(report["document"]["path"], "review.txt");
    assert_eq!(
        report["title"]["value"],
        "NEC report: a short meeting on conference"
    );
    assert_eq!(report["authors"][0]["value"], "Tom Hardcastle");
    // The year of `Tuesday 6th October` comes from the `Filed:` line, which only this
    // parser reads.
    let meeting = &report["meetings"][0];
    assert_eq!(meeting["date"]["date"], "2020-10-06", "{meeting}");
    let membership = report["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["metric"] == "membership")
        .unwrap_or_else(|| panic!("no membership figure: {}", report["figures"]));
    assert_eq!(membership["value"], 495_000);
    assert_eq!(membership["qualifier"], "over");
    let vote = &report["votes"][0];
    assert_eq!(
        (
            &vote["counts"]["yes"],
            &vote["counts"]["no"],
            &vote["result"]
        ),
        (&21.into(), &11.into(), &"pass".into()),
        "{vote}"
    );
}

#[test]
fn build_writes_the_report_as_read_by_the_parser() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("review.txt"), PAGE).unwrap();
    success(&nectar(
        &[
            "build",
            "review.txt",
            "--out",
            "out",
            "--format",
            "csv",
            "--quiet",
        ],
        dir.path(),
    ));
    let reports = std::fs::read_to_string(dir.path().join("out/csv/reports.csv")).unwrap();
    let row = reports.lines().nth(1).expect("a row");
    // A page with no URL is named by its bytes' hash; the parser is its source.
    assert!(row.starts_with("sha256-"), "{row}");
    assert!(row.contains(",review.txt,"), "{row}");
    assert!(row.contains(&format!(",{NAME},nec_report,")), "{row}");
}

#[test]
fn source_names_the_parser_and_usage_errors_still_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("review.txt"), PAGE).unwrap();
    let json: serde_json::Value = serde_json::from_str(&success(&nectar(
        &["parse", "review.txt", "--source", NAME, "--quiet"],
        dir.path(),
    )))
    .unwrap();
    assert_eq!(json["reports"][0]["source"], NAME);
    let o = nectar(&["parse", "review.txt", "--source", "nope"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(NAME), "the known parsers include ours: {err}");
}
