//! The dataset, read back by tools nectar did not write: pandas reads every CSV, pyarrow every
//! Arrow IPC and Parquet file with the documented schema, DuckDB answers a join of meetings and
//! figures, and `frictionless validate` passes the data package and fails a broken copy
//! (`tests/readers/check.py`).
//!
//! Python comes from `NECTAR_PYTHON`, else the virtual environment `.ci/run` makes in
//! `~/.cache/nectar/venv` (outside the repository). The test installs nothing: without the
//! readers it prints how to get them and skips, and under CI it fails.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::path::{Path, PathBuf};
use std::process::Command;

use nectar_model::Report;
use nectar_tables::{ColumnType, TABLES};
use serde_json::{Value, json};

fn venv() -> PathBuf {
    let home = std::env::var_os("HOME").map_or_else(|| PathBuf::from("/tmp"), PathBuf::from);
    home.join(".cache/nectar/venv")
}

/// A Python with the readers installed: `NECTAR_PYTHON`, else the virtual environment
/// `.ci/run` makes. The test installs nothing itself; without the readers it says how to get
/// them and skips, or fails under CI.
fn python() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("NECTAR_PYTHON") {
        return Some(PathBuf::from(p));
    }
    let python = venv().join("bin/python");
    let has_readers = Command::new(&python)
        .args(["-c", "import pyarrow, duckdb, pandas, frictionless"])
        .status()
        .is_ok_and(|s| s.success());
    if has_readers {
        return Some(python);
    }
    let how = format!(
        "no Python with pyarrow, duckdb, pandas and frictionless: run `python3 -m venv {v} && {v}/bin/pip install pyarrow duckdb pandas frictionless` (as .ci/run does), or set NECTAR_PYTHON",
        v = venv().display()
    );
    assert!(std::env::var_os("CI").is_none(), "{how}");
    eprintln!("skipped: {how}");
    None
}

/// Reads every report under `inputs` as `nectar build` does.
/// The reports of the inputs, read as `nectar build` reads them (a file read twice is read
/// once).
fn reports(inputs: &[PathBuf]) -> Vec<Report> {
    let registry = nectar_plugins::registry().unwrap();
    let (reports, summary) = nectar_pipeline::read_all(inputs, &registry, &Default::default());
    assert!(summary.failures.is_empty(), "{:?}", summary.failures);
    reports
}

/// Writes every format into `out/<format>/`.
fn export(reports: &[Report], out: &Path) {
    let registry = nectar_plugins::registry().unwrap();
    for name in ["csv", "arrow", "parquet"] {
        let exporter = registry
            .exporter(name)
            .unwrap_or_else(|| panic!("exporter {name} is registered"));
        let mut sink = exporter.exporter.start(&out.join(name)).unwrap();
        for r in reports {
            sink.write_report(r).unwrap();
        }
        sink.finish(&nectar_registry::Dataset::of(reports)).unwrap();
    }
}

/// The Arrow type each column must have, as pyarrow prints it.
fn arrow_type(ty: ColumnType, repeats: bool) -> &'static str {
    match ty {
        ColumnType::Enum(_) => "dictionary<values=string, indices=int32, ordered=0>",
        ColumnType::String if repeats => "dictionary<values=string, indices=int32, ordered=0>",
        ColumnType::String => "string",
        ColumnType::Integer => "int64",
        ColumnType::Number => "double",
        ColumnType::Boolean => "bool",
        ColumnType::PartialDate => "date32[day]",
        ColumnType::DateTime => "timestamp[ms]",
    }
}

fn spec(membership: Option<Value>) -> Value {
    let tables: Vec<Value> = TABLES
        .iter()
        .map(|t| {
            json!({
                "name": t.name,
                "columns": t.columns.iter().map(|c| json!({
                    "name": c.name,
                    "arrow": arrow_type(c.ty, c.repeats),
                    "required": c.required,
                    "description": c.description,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut spec = json!({ "tables": tables });
    if let Some(m) = membership {
        spec["membership_by_meeting_date"] = m;
    }
    spec
}

fn check(inputs: &[PathBuf], membership: Option<Value>) {
    let Some(python) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    export(&reports(inputs), dir.path());
    // The data package and the tables name reports by URL or by their path relative to the
    // folder given, never by a path of this machine.
    for input in inputs {
        let local = input.canonicalize().unwrap().display().to_string();
        for file in ["datapackage.json", "reports.csv"] {
            let text = std::fs::read_to_string(dir.path().join("csv").join(file)).unwrap();
            assert!(!text.contains(&local), "{file} names {local}");
            assert!(
                !text.contains(&input.display().to_string()),
                "{file} names {input:?}"
            );
        }
    }
    let spec_path = dir.path().join("spec.json");
    std::fs::write(&spec_path, serde_json::to_vec(&spec(membership)).unwrap()).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("readers/check.py");
    let out = Command::new(python)
        .arg(script)
        .arg(dir.path())
        .arg(&spec_path)
        .output()
        .expect("python runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn real_reports_read_back_by_independent_tools() {
    let Some(seeds) = nectar_testkit::require_seeds() else {
        return;
    };
    check(
        &[seeds],
        Some(json!([
            ["2020-09-29", 560000],
            ["2020-11-24", 540000],
            ["2021-02-11", 512000],
            ["2024-03-26", 366604]
        ])),
    );
}

/// Issue 16: a folder holding the same report twice (and once more in a sub-folder) makes a
/// dataset whose keys are unique, which `frictionless validate` passes.
#[test]
fn the_same_report_twice_validates() {
    let Some(seeds) = nectar_testkit::require_seeds() else {
        return;
    };
    let first = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .min()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("again")).unwrap();
    for name in ["a.txt", "b.txt", "again/a.txt"] {
        std::fs::copy(&first, dir.path().join(name)).unwrap();
    }
    assert_eq!(reports(&[dir.path().to_owned()]).len(), 1, "read once");
    check(&[dir.path().to_owned()], None);
}

#[test]
fn sample_corpus_read_back_by_independent_tools() {
    check(&[nectar_testkit::sample_corpus_dir()], None);
}
