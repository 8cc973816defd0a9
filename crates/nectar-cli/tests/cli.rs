//! The `nectar` command end to end: real inputs, bad inputs, exit codes, outputs.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn nectar(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nectar"))
        .args(args)
        .output()
        .expect("nectar runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

const GOOD: &str =
    "NEC Report – 3 March 2015\n\nThe NEC met on 3 March. Membership is now 190,000.\n";

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn plugins_lists_parsers_and_exporters() {
    let o = nectar(&["plugins"]);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("generic") && out.contains("json"), "{out}");
    let o = nectar(&["plugins", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let names: Vec<&str> = v["parsers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted, "sorted by name");
    assert!(names.contains(&"generic"));
}

#[test]
fn help_shows_examples() {
    let o = nectar(&["--help"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("Examples:") && out.contains("nectar build"),
        "{out}"
    );
}

#[test]
fn missing_file_names_it_and_exits_1() {
    let o = nectar(&["parse", "no/such/report.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o).trim(),
        "nectar: no/such/report.txt: no such file or directory"
    );
}

#[test]
fn each_bad_file_gets_a_one_line_error() {
    let d = tmp();
    let cases: [(&str, &[u8], &str); 4] = [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\t\n", "empty file"),
        (
            "binary.txt",
            b"NEC\0\x01\x02",
            "binary file (NUL byte at offset 3), not a text report",
        ),
        (
            "control.txt",
            b"NEC report \x81\x8d300",
            "not text in UTF-8 or a legacy encoding (invalid UTF-8 byte at offset 11); save the report as UTF-8",
        ),
    ];
    for (name, bytes, problem) in cases {
        let path = write(d.path(), name, bytes);
        let o = nectar(&["parse", s(&path)]);
        assert_eq!(o.status.code(), Some(1), "{name}");
        assert_eq!(
            stderr(&o).trim(),
            format!("nectar: {}: {problem}", path.display())
        );
        assert!(!stderr(&o).contains("panicked"));
    }
}

#[test]
fn oversized_file_is_refused() {
    let d = tmp();
    let path = write(d.path(), "big.txt", GOOD.as_bytes());
    let o = nectar(&["parse", "--max-bytes", "10", s(&path)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(&format!(
            "{}: file is {} bytes, over the 10-byte limit",
            path.display(),
            GOOD.len()
        )),
        "{}",
        stderr(&o)
    );
}

#[test]
fn empty_directory_is_an_error() {
    let d = tmp();
    let o = nectar(&["parse", s(d.path())]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o).trim(),
        format!(
            "nectar: {}: no reports (files of the extensions read) in this directory",
            d.path().display()
        )
    );
}

#[test]
fn broken_sidecar_is_named() {
    let d = tmp();
    let path = write(d.path(), "r.txt", GOOD.as_bytes());
    write(d.path(), "r.meta.json", b"{\"published\": \"March 2015\"}");
    let o = nectar(&["parse", s(&path)]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("r.meta.json") && err.contains("not a date"),
        "{err}"
    );
}

#[test]
fn good_inputs_still_processed_beside_bad_ones() {
    let d = tmp();
    let good = write(d.path(), "good.txt", GOOD.as_bytes());
    let bad = write(d.path(), "bad.txt", b"");
    let o = nectar(&["parse", s(&good), s(&bad), "no-such.txt"]);
    assert_eq!(o.status.code(), Some(1));
    let corpus: nectar_model::Corpus = serde_json::from_slice(&o.stdout).expect("corpus JSON");
    assert_eq!(corpus.reports.len(), 1);
    assert_eq!(corpus.reports[0].figures[0].value, 190000.0);
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(err.contains("bad.txt: empty file") && err.contains("no-such.txt: no such file"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(nectar(&["parse"]).status.code(), Some(2));
    assert_eq!(nectar(&["frobnicate"]).status.code(), Some(2));
    let d = tmp();
    let good = write(d.path(), "good.txt", GOOD.as_bytes());
    let o = nectar(&["parse", "--source", "nope", s(&good)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no parser named \"nope\" (known: "),
        "{}",
        stderr(&o)
    );
    let o = nectar(&["build", s(&good), "--format", "xls", "--out", s(d.path())]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn sidecar_wins_and_supplies_the_year() {
    let d = tmp();
    let path = write(
        d.path(),
        "r.txt",
        "The NEC met on Tuesday 16 July and agreed the timetable. The meeting ran for five hours.\n".as_bytes(),
    );
    write(
        d.path(),
        "r.meta.json",
        br#"{"url": "https://example.org/2019/07/nec/", "title": "NEC: July", "authors": ["A N Other"]}"#,
    );
    let o = nectar(&["parse", s(&path)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let corpus: nectar_model::Corpus = serde_json::from_slice(&o.stdout).unwrap();
    let r = &corpus.reports[0];
    assert_eq!(r.title.as_ref().unwrap().value, "NEC: July");
    assert_eq!(
        r.title.as_ref().unwrap().origin,
        nectar_model::Origin::Sidecar
    );
    assert_eq!(r.authors[0].value, "A N Other");
    assert_eq!(
        r.document.url.as_deref(),
        Some("https://example.org/2019/07/nec/")
    );
    let date = r.primary_meeting().unwrap().date.as_ref().unwrap();
    assert_eq!(date.date.to_string(), "2019-07-16");
    assert!(date.year_inferred);
    assert_eq!(date.year_basis, nectar_model::YearBasis::Url);
}

#[test]
fn build_writes_whole_files_and_is_deterministic() {
    let d = tmp();
    let out = d.path().join("out");
    let input = write(d.path(), "good.txt", GOOD.as_bytes());
    let o = nectar(&["build", s(&input), "--out", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let corpus = std::fs::read(out.join("json/corpus.json")).unwrap();
    let ndjson = std::fs::read(out.join("ndjson/reports.ndjson")).unwrap();
    assert_eq!(String::from_utf8_lossy(&ndjson).lines().count(), 1);
    // A second run gives the same bytes.
    assert!(
        nectar(&["build", s(&input), "--out", s(&out)])
            .status
            .success()
    );
    assert_eq!(std::fs::read(out.join("json/corpus.json")).unwrap(), corpus);
    // A run whose inputs all fail writes nothing and leaves the earlier output intact.
    let bad = write(d.path(), "bad.txt", b"");
    let o = nectar(&["build", s(&bad), "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read(out.join("json/corpus.json")).unwrap(), corpus);
    let leftovers: Vec<_> = std::fs::read_dir(out.join("json"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        2,
        "corpus.json and dataset.json, no temp files: {leftovers:?}"
    );
}

#[test]
fn build_without_input_reads_the_sample_corpus() {
    let d = tmp();
    let o = nectar(&["build", "--out", s(d.path()), "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let corpus: nectar_model::Corpus =
        serde_json::from_slice(&std::fs::read(d.path().join("json/corpus.json")).unwrap()).unwrap();
    assert!(
        corpus.reports.len() >= 10,
        "{} reports",
        corpus.reports.len()
    );
}

fn validator(name: &str) -> jsonschema::Validator {
    let path = nectar_testkit_root().join("schemas").join(name);
    let schema: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).expect("schema file")).unwrap();
    jsonschema::validator_for(&schema).expect("valid schema")
}

fn nectar_testkit_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn assert_valid(validator: &jsonschema::Validator, json: &serde_json::Value) {
    let errors: Vec<String> = validator
        .iter_errors(json)
        .take(5)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn parsing_the_real_reports_validates_against_the_schema() {
    let Some(seeds) = nectar_testkit::require_seeds() else {
        return;
    };
    let mut files: Vec<String> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    assert_eq!(files.len(), 5);
    let mut args = vec!["parse"];
    args.extend(files.iter().map(String::as_str));
    let o = nectar(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_valid(&validator("corpus.schema.json"), &json);
    assert_eq!(json["reports"].as_array().unwrap().len(), 5);
    // The schema is not vacuous: a broken corpus fails it.
    let mut broken = json.clone();
    broken["reports"][0]["meetings"][0]["kind"] = "picnic".into();
    assert!(!validator("corpus.schema.json").is_valid(&broken));
}

#[test]
fn sample_corpus_output_validates_against_the_schemas() {
    let d = tmp();
    let o = nectar(&["build", "--out", s(d.path())]);
    assert!(o.status.success(), "{}", stderr(&o));
    let corpus: serde_json::Value =
        serde_json::from_slice(&std::fs::read(d.path().join("json/corpus.json")).unwrap()).unwrap();
    assert_valid(&validator("corpus.schema.json"), &corpus);
    let report = validator("report.schema.json");
    let ndjson = std::fs::read_to_string(d.path().join("ndjson/reports.ndjson")).unwrap();
    for line in ndjson.lines() {
        assert_valid(&report, &serde_json::from_str(line).unwrap());
    }
}

#[test]
fn export_rewrites_formats_from_a_corpus_without_parsing() {
    let d = tmp();
    let out = d.path().join("out");
    let input = write(d.path(), "good.txt", GOOD.as_bytes());
    assert!(
        nectar(&[
            "build",
            s(&input),
            "--out",
            s(&out),
            "--format",
            "json,ndjson"
        ])
        .status
        .success()
    );
    let again = d.path().join("again");
    for from in ["json/corpus.json", "ndjson/reports.ndjson"] {
        let o = nectar(&[
            "export",
            "--from",
            s(&out.join(from)),
            "--format",
            "json",
            "--out",
            s(&again),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(
            std::fs::read(again.join("json/corpus.json")).unwrap(),
            std::fs::read(out.join("json/corpus.json")).unwrap(),
            "re-exported from {from}"
        );
    }
    let csv = nectar(&[
        "export",
        "--from",
        s(&out.join("json/corpus.json")),
        "--format",
        "csv",
        "--out",
        s(&again),
    ]);
    assert!(csv.status.success(), "{}", stderr(&csv));
    let figures = std::fs::read_to_string(again.join("csv/figures.csv")).unwrap();
    assert!(
        figures.contains(",membership,190000,count,exact,2015-03-03,day,false,"),
        "{figures}"
    );
    let bad = write(d.path(), "bad.json", b"{\"reports\": 3}");
    let o = nectar(&["export", "--from", s(&bad), "--out", s(&again)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("bad.json: not a nectar corpus"),
        "{}",
        stderr(&o)
    );
}

// ---- charts ----------------------------------------------------------------------------------

/// Parses an SVG file as XML; returns its text.
fn svg_file(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("the SVG file");
    roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text
}

#[test]
fn plugins_lists_charts() {
    let o = nectar(&["plugins"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("Charts:") && out.contains("membership") && out.contains("charts/votes.svg"),
        "{out}"
    );
    let o = nectar(&["plugins", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let names: Vec<&str> = v["charts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["durations", "meetings", "membership", "votes"]);
}

#[test]
fn chart_of_the_real_reports_is_an_svg_with_a_title() {
    let Some(seeds) = nectar_testkit::require_seeds() else {
        return;
    };
    let mut files: Vec<String> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    let d = tmp();
    let out = d.path().join("membership.svg");
    let mut args = vec!["chart", "membership"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--out", s(&out)]);
    let o = nectar(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = svg_file(&out);
    assert!(svg.contains("<title") && svg.contains("<desc"), "{svg}");
    assert!(svg.contains("560,000") && !svg.contains("580,000"));
}

#[test]
fn chart_without_input_draws_the_sample_corpus() {
    let d = tmp();
    let out = d.path().join("meetings.svg");
    let o = nectar(&["chart", "meetings", "--out", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(svg_file(&out).contains("NEC meetings per year"));
}

#[test]
fn unknown_chart_is_a_usage_error() {
    let d = tmp();
    let out = d.path().join("pie.svg");
    let o = nectar(&["chart", "pie", "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim(),
        "nectar: no chart named \"pie\" (known: durations, meetings, membership, votes)"
    );
    assert!(!out.exists());
    // --out is required.
    assert_eq!(nectar(&["chart", "votes"]).status.code(), Some(2));
}

#[test]
fn chart_with_nothing_to_draw_exits_1_and_says_why() {
    let d = tmp();
    let input = write(d.path(), "good.txt", GOOD.as_bytes());
    let out = d.path().join("votes.svg");
    let o = nectar(&["chart", "votes", s(&input), "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o).trim(),
        "nectar: chart votes: nothing to draw (no counted votes in the reports)"
    );
    assert!(!out.exists(), "no file");
}

#[test]
fn build_draws_the_charts() {
    let d = tmp();
    let out = d.path().join("out");
    let o = nectar(&["build", "--out", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut charts: Vec<String> = std::fs::read_dir(out.join("charts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    charts.sort();
    assert_eq!(
        charts,
        [
            "durations.svg",
            "meetings.svg",
            "membership.svg",
            "votes.svg"
        ]
    );
    for name in &charts {
        let svg = svg_file(&out.join("charts").join(name));
        assert!(svg.contains("<title"), "{name}");
    }
    // The same bytes on a second run.
    let first = std::fs::read(out.join("charts/membership.svg")).unwrap();
    assert!(
        nectar(&["build", "--out", s(&out), "--format", "charts"])
            .status
            .success()
    );
    assert_eq!(
        std::fs::read(out.join("charts/membership.svg")).unwrap(),
        first
    );
}

#[test]
fn build_skips_a_chart_with_nothing_to_draw_without_failing() {
    let d = tmp();
    let out = d.path().join("out");
    // An earlier run's chart of other reports.
    std::fs::create_dir_all(out.join("charts")).unwrap();
    std::fs::write(out.join("charts/votes.svg"), "<svg/>").unwrap();
    let input = write(d.path(), "good.txt", GOOD.as_bytes());
    let o = nectar(&["build", s(&input), "--out", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("nectar: chart votes: nothing to draw (no counted votes in the reports)"),
        "{err}"
    );
    assert!(out.join("charts/membership.svg").is_file());
    assert!(out.join("charts/meetings.svg").is_file());
    assert!(
        !out.join("charts/votes.svg").exists(),
        "the stale chart is gone"
    );
    // --format without `charts` draws none; `charts` alone draws only them.
    let only_json = d.path().join("json-only");
    let o = nectar(&[
        "build",
        s(&input),
        "--out",
        s(&only_json),
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!only_json.join("charts").exists());
    let only_charts = d.path().join("charts-only");
    let o = nectar(&[
        "build",
        s(&input),
        "--out",
        s(&only_charts),
        "--format",
        "charts",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(only_charts.join("charts/membership.svg").is_file());
    assert!(!only_charts.join("json").exists());
}

#[test]
fn output_is_identical_for_any_number_of_jobs() {
    let d = tmp();
    let one = d.path().join("one");
    let two = d.path().join("two");
    for (out, jobs) in [(&one, "1"), (&two, "2")] {
        let o = nectar(&[
            "build",
            "--jobs",
            jobs,
            "--quiet",
            "--out",
            s(out),
            "--format",
            "json,csv",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(
            stderr(&o).is_empty(),
            "--quiet prints no summary: {}",
            stderr(&o)
        );
    }
    for file in [
        "json/corpus.json",
        "csv/figures.csv",
        "csv/datapackage.json",
    ] {
        assert_eq!(
            std::fs::read(one.join(file)).unwrap(),
            std::fs::read(two.join(file)).unwrap(),
            "{file}"
        );
    }
}

#[test]
fn build_prints_a_summary_line() {
    let d = tmp();
    let o = nectar(&["build", "--out", s(d.path()), "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(" reports, ") && err.contains(" facts, 0 failed, ") && err.contains(" MB/s)"),
        "{err}"
    );
}

#[test]
fn eval_scores_the_real_reports_against_their_expected_facts() {
    let Some(seeds) = nectar_testkit::require_seeds() else {
        return;
    };
    let out = nectar(&[
        "eval",
        "--quiet",
        "--truth",
        s(&seeds.join("expected.json")),
        s(&seeds),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.starts_with("5 pages scored"), "{table}");
    assert!(
        table.contains("| primary meeting date | 1.00 (5/5) |"),
        "{table}"
    );
    assert!(
        table.contains("| membership | 1.00 (4/4) | 1.00 (4/4) |"),
        "{table}"
    );
}

#[test]
fn eval_names_a_truth_file_that_is_not_one() {
    let dir = tmp();
    let truth = write(dir.path(), "truth.json", b"{\"pages\": 3}");
    let report = write(
        dir.path(),
        "r.txt",
        b"NEC report\n\nThe NEC met on 3 March 2015.\n",
    );
    let out = nectar(&["eval", "--truth", s(&truth), s(&report)]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(s(&truth)) && err.contains("not a truth file"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

/// `nectar parse DIR | head` panicked ("failed printing to stdout: Broken pipe") when the
/// reader went away: a reader that has gone is not an error.
#[test]
fn a_closed_pipe_on_standard_output_is_no_panic() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let mut child = Command::new(env!("CARGO_BIN_EXE_nectar"))
        .args(["parse", "--quiet"])
        .arg(&corpus)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("nectar runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("nectar ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
}

#[test]
fn files_a_folder_walk_does_not_read_are_named_and_ext_chooses() {
    let dir = tempfile::tempdir().unwrap();
    let report =
        "NEC Report - 3 March 2015\n\nThe NEC met on 3 March 2015 and agreed the budget.\n";
    for name in ["a.txt", "B.TXT", "a.meta.json", "c.html", "d.md", "e.md"] {
        let body = if name.ends_with(".json") {
            "{}".to_owned()
        } else if name.ends_with(".html") {
            format!("<!doctype html><html><body><h1>NEC</h1><p>{report}</p></body></html>")
        } else {
            // Each its own text: the same bytes twice are read once.
            format!("{report}\nFile {name}.\n")
        };
        std::fs::write(dir.path().join(name), body).unwrap();
    }
    let out = tmp();
    let build = |flags: &[&str]| {
        let args = ["build", "--out", s(out.path()), "--format", "json"];
        nectar(&[&args[..], flags, &[s(dir.path())]].concat())
    };
    let o = build(&[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    // Upper-case extensions are read, and web pages; the others are counted, by kind, in one
    // line.
    assert!(err.contains("nectar: 3 reports, "), "{err}");
    assert!(
        err.contains("skipped 2 files it does not read (2 .md)"),
        "{err}"
    );
    let err = stderr(&build(&["--ext", "txt,.MD"]));
    assert!(err.contains("nectar: 4 reports, "), "{err}");
    assert!(
        err.contains("skipped 1 file it does not read (1 .html)"),
        "{err}"
    );
    // Quiet says nothing of them.
    let err = stderr(&build(&["-q"]));
    assert!(!err.contains("skipped"), "{err}");
}

#[test]
fn a_report_saved_in_windows_1252_is_read_and_says_so() {
    let d = tmp();
    let path = write(
        d.path(),
        "old.txt",
        b"NEC report \x96 12 March 2008\n\nThe NEC met on 12 March 2008. Membership is \
          \x93around 180,000\x94 and the party owes \xa324 million.\n",
    );
    let o = nectar(&["parse", s(&path)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let report = &json["reports"][0];
    assert_eq!(report["document"]["encoding"], "windows-1252");
    assert_eq!(
        report["document"]["text_sha256"].as_str().unwrap().len(),
        64
    );
    assert_eq!(
        report["title"]["value"],
        "NEC report \u{2013} 12 March 2008"
    );
    let quotes: Vec<&str> = report["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["evidence"]["quote"].as_str().unwrap())
        .collect();
    assert!(quotes.iter().any(|q| q.contains('\u{a3}')), "{quotes:?}");
}

#[test]
fn text_prints_what_nectar_reads_of_each_report() {
    let d = tmp();
    let a = write(
        d.path(),
        "a.txt",
        b"NEC Report - 3 March 2015\n\nThe NEC met on 3 March 2015 and agreed the budget.\n",
    );
    let o = nectar(&["text", s(&a)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        "NEC Report - 3 March 2015\n\nThe NEC met on 3 March 2015 and agreed the budget.\n"
    );
    let o = nectar(&["text", "--json", s(&a)]);
    let line: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(line["title"], "NEC Report - 3 March 2015");
    assert_eq!(
        line["text"],
        "The NEC met on 3 March 2015 and agreed the budget."
    );
    assert_eq!(line["file"], s(&a));
    // A missing file is a one-line error and exit 1; the others are still printed.
    let o = nectar(&["text", s(&a), "no/such.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8(o.stdout)
            .unwrap()
            .contains("agreed the budget")
    );
}

/// A server on 127.0.0.1 answering `pages` (path, status, body) on its own thread until the
/// returned flag is set or 20 s have passed; its base URL.
#[cfg(feature = "fetch")]
fn serve(
    pages: &'static [(&'static str, u16, &'static str)],
) -> (
    String,
    std::sync::Arc<std::sync::atomic::AtomicBool>,
    std::thread::JoinHandle<()>,
) {
    use std::sync::atomic::{AtomicBool, Ordering};
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let port = server.server_addr().to_ip().unwrap().port();
    let stop = std::sync::Arc::new(AtomicBool::new(false));
    let flag = std::sync::Arc::clone(&stop);
    let thread = std::thread::spawn(move || {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while !flag.load(Ordering::SeqCst) && std::time::Instant::now() < deadline {
            let Ok(Some(request)) = server.recv_timeout(std::time::Duration::from_millis(20))
            else {
                continue;
            };
            let (status, body) = pages
                .iter()
                .find(|(p, _, _)| *p == request.url())
                .map_or((404, "not found"), |(_, s, b)| (*s, *b));
            let response = tiny_http::Response::from_string(body)
                .with_status_code(status)
                .with_header(
                    tiny_http::Header::from_bytes(&b"Content-Type"[..], &b"text/html"[..]).unwrap(),
                );
            let _ = request.respond(response);
        }
    });
    (format!("http://127.0.0.1:{port}"), stop, thread)
}

#[cfg(feature = "fetch")]
#[test]
fn fetch_saves_pages_with_sidecars_that_nectar_reads_and_names_each_failure() {
    static PAGES: &[(&str, u16, &str)] = &[
        ("/robots.txt", 200, "User-agent: *\nDisallow: /private/\n"),
        (
            "/2015/03/nec-report",
            200,
            "<p>The NEC met on 3 March 2015.</p>",
        ),
    ];
    let (base, stop, thread) = serve(PAGES);
    let d = tmp();
    let out = d.path().join("pages");
    let list = write(
        d.path(),
        "urls.txt",
        format!("# reports\n{base}/2015/03/nec-report\n\n{base}/private/x\n{base}/gone\n")
            .as_bytes(),
    );
    let args = ["fetch", "--delay", "0", "--out", s(&out), "-i", s(&list)];
    let o = nectar(&[&args[..], &["ftp://files.example/r.txt"]].concat());
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains(&format!(
        "nectar: skipped {base}/private/x: disallowed by robots.txt"
    )));
    assert!(err.contains(&format!("nectar: failed {base}/gone: HTTP 404")));
    assert!(err.contains("nectar: failed ftp://files.example/r.txt: not an http(s) URL"));
    assert!(
        err.contains("fetched 1, unchanged 0, skipped 1, failed 2"),
        "{err}"
    );

    // A dry run lists what it would do, on standard output.
    let o = nectar(&[&args[..], &["--dry-run", "-q"]].concat());
    let listed = String::from_utf8_lossy(&o.stdout).into_owned();
    assert_eq!(
        listed,
        format!(
            "{base}/2015/03/nec-report (already fetched)\n{base}/private/x (disallowed by robots.txt)\n{base}/gone\n"
        )
    );
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    thread.join().unwrap();

    // The sidecar fetch wrote, with every field it writes, is one nectar reads.
    let host = std::fs::read_dir(&out)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let meta = std::fs::read_dir(&host)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with(".meta.json"))
        .unwrap();
    let sidecar: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&meta).unwrap()).unwrap();
    for field in ["url", "final_url", "fetched_at", "status", "content_type"] {
        assert!(sidecar.get(field).is_some(), "{field}: {sidecar}");
    }
    let report = write(d.path(), "r.txt", GOOD.as_bytes());
    std::fs::copy(&meta, d.path().join("r.meta.json")).unwrap();
    let o = nectar(&["parse", s(&report)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let corpus: nectar_model::Corpus = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        corpus.reports[0].document.url,
        Some(format!("{base}/2015/03/nec-report"))
    );
}

#[cfg(feature = "fetch")]
#[test]
fn fetch_without_anything_to_fetch_is_a_usage_error() {
    let d = tmp();
    let o = nectar(&["fetch", "--out", s(d.path())]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nothing to fetch"));
    let o = nectar(&[
        "fetch",
        "--out",
        s(d.path()),
        "--delay",
        "soon",
        "https://a.example/",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[cfg(feature = "html")]
#[test]
fn a_web_page_is_decoded_with_the_charset_its_fetch_recorded() {
    let d = tmp();
    // No `<meta charset>`: the bytes \xe1 and \xa3 read as windows-1252 by detection, but the
    // HTTP header a fetch recorded in the sidecar says ISO-8859-7 (Greek), and wins.
    let page = b"<!doctype html><html><head><title>NEC report</title></head><body><article>\
        <p>The NEC met on 3 March 2015 and agreed the budget of \xa35 for each member, \
        after the general secretary reported on the party's finances for the year.</p>\
        <p>Caf\xe1 owners were thanked for hosting the meeting.</p></article></body></html>";
    let html = write(d.path(), "page.html", page);
    let o = nectar(&["parse", s(&html)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let corpus: nectar_model::Corpus = serde_json::from_slice(&o.stdout).unwrap();
    let text = corpus.reports[0].document.text.clone().unwrap();
    assert!(
        text.contains("\u{a3}5") && text.contains("Caf\u{e1}"),
        "{text}"
    );
    assert_eq!(
        corpus.reports[0].document.encoding.as_deref(),
        Some("windows-1252")
    );

    write(
        d.path(),
        "page.meta.json",
        br#"{"url": "https://example.org/nec.html", "content_type": "text/html; charset=ISO-8859-7"}"#,
    );
    let o = nectar(&["parse", s(&html)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let corpus: nectar_model::Corpus = serde_json::from_slice(&o.stdout).unwrap();
    let report = &corpus.reports[0];
    let text = report.document.text.clone().unwrap();
    assert!(text.contains("Caf\u{3b1}"), "{text}");
    assert_eq!(report.document.encoding.as_deref(), Some("iso-8859-7"));
    assert_eq!(
        report.document.extractor.as_ref().map(|e| e.name.as_str()),
        Some("dom_smoothie")
    );
    // Every quote indexes the text kept in the output.
    assert!(report.check(&text).is_empty(), "{:?}", report.check(&text));
}

#[cfg(feature = "html")]
#[test]
fn bad_web_pages_are_one_line_errors_and_the_others_are_read() {
    let d = tmp();
    let deep = format!(
        "<html><body>{}x{}</body></html>",
        "<div>".repeat(20_000),
        "</div>".repeat(20_000)
    );
    // Bytes named .html: control characters throughout, and a NUL byte.
    let control: Vec<u8> = (0..3000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8 | 1)
        .collect();
    for (name, bytes) in [
        ("a-empty.html", b" \n".to_vec()),
        ("b-binary.html", b"<html>\0</html>".to_vec()),
        ("b-control.html", control),
        ("c-broken.html.gz", b"not gzip".to_vec()),
        ("d-deep.html", deep.into_bytes()),
        (
            "e-scripts.html",
            b"<html><body><script>alert(1)</script></body></html>".to_vec(),
        ),
        (
            "f-good.html",
            format!("<html><body><article><p>{GOOD}</p></article></body></html>").into_bytes(),
        ),
    ] {
        write(d.path(), name, &bytes);
    }
    let started = std::time::Instant::now();
    let o = nectar(&["parse", s(d.path())]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let dir = d.path().display();
    for line in [
        format!("nectar: {dir}/a-empty.html: empty file"),
        format!(
            "nectar: {dir}/b-binary.html: binary file (NUL byte at offset 6), not a text report"
        ),
        format!("nectar: {dir}/b-control.html: binary file (control characters from offset "),
        format!("nectar: {dir}/c-broken.html.gz: not a readable gzip file: unexpected end of file"),
        format!(
            "nectar: {dir}/d-deep.html: HTML nests elements 401 deep, over the limit of 400: not read"
        ),
        format!("nectar: {dir}/e-scripts.html: HTML page with no text"),
    ] {
        assert!(err.contains(&line), "{line}\nin:\n{err}");
    }
    let corpus: nectar_model::Corpus = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(corpus.reports.len(), 1, "the good page is read");
    // Not a timing test: a guard against the extractor ever seeing the deep page (55 s).
    assert!(started.elapsed().as_secs() < 30);
}

#[cfg(feature = "html")]
#[test]
fn a_web_pages_headings_are_headings_whatever_their_wording() {
    let d = tmp();
    // A heading that ends with a full stop reads as a paragraph in plain text; the page's
    // markup says it is a heading.
    let page = "<html><head><title>NEC report</title></head><body><article><h1>NEC report</h1>\
        <p>The NEC met on Tuesday 3 March 2015 at party headquarters for a long meeting.</p>\
        <h3>Finance and the budget for the general election year.</h3>\
        <p>The treasurer reported that the finances were in good order, and the budget was agreed.</p>\
        <h3>Selections</h3>\
        <p>The committee agreed the timetable for the remaining parliamentary selections.</p>\
        </article></body></html>";
    let html = write(d.path(), "page.html", page.as_bytes());
    let o = nectar(&["parse", s(&html)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let corpus: nectar_model::Corpus = serde_json::from_slice(&o.stdout).unwrap();
    let headings: Vec<&str> = corpus.reports[0]
        .agenda_items
        .iter()
        .map(|a| a.heading.as_str())
        .collect();
    assert_eq!(
        headings,
        [
            "Finance and the budget for the general election year.",
            "Selections"
        ]
    );
}

#[test]
fn the_same_file_twice_is_read_once() {
    let d = tmp();
    let a = write(d.path(), "a.txt", GOOD.as_bytes());
    write(d.path(), "b.txt", GOOD.as_bytes());
    let o = nectar(&["parse", s(d.path()), s(&a)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    let dir = d.path().display();
    assert!(
        err.contains(&format!(
            "nectar: {dir}/b.txt: the same file as {dir}/a.txt, read once"
        )),
        "{err}"
    );
    // Named on its own after the walk found it: the same path, named twice.
    assert!(
        err.contains(&format!("nectar: {}: named twice, read once", a.display())),
        "{err}"
    );
    let corpus: nectar_model::Corpus = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(corpus.reports.len(), 1);
    // Report IDs stay unique.
    let ids: std::collections::BTreeSet<&str> = corpus
        .reports
        .iter()
        .map(|r| r.report_id.as_str())
        .collect();
    assert_eq!(ids.len(), corpus.reports.len());
}
