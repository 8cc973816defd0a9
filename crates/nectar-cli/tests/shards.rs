//! Issue 16: `nectar build --shard K/N` on four machines (here, four runs into one folder) and
//! `nectar merge` give the same tables as one `nectar build`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use nectar_tables::{Scope, TABLES, Table};

fn nectar(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_nectar"))
        .args(args)
        .output()
        .expect("nectar runs");
    assert!(
        out.status.success(),
        "nectar {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A table's rows, each as its cells' text, sorted.
fn sorted(table: &Table, files: &[PathBuf]) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = files
        .iter()
        .flat_map(|f| nectar_parquet::read_table(f, table).unwrap())
        .map(|r| r.iter().map(|c| c.to_text()).collect())
        .collect();
    rows.sort();
    rows
}

/// The Parquet files of a table a sharded run wrote.
fn shard_files(root: &Path, table: &Table) -> Vec<PathBuf> {
    let dir = root.join("parquet").join(table.name);
    if table.scope == Scope::Dataset && table.name != "meetings" {
        return vec![root.join("parquet").join(format!("{}.parquet", table.name))];
    }
    if !dir.is_dir() {
        return Vec::new(); // no shard had a row of it
    }
    let mut files = Vec::new();
    for year in std::fs::read_dir(&dir).unwrap() {
        let year = year.unwrap().path();
        assert!(
            year.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("year="),
            "{}",
            year.display()
        );
        for f in std::fs::read_dir(&year).unwrap() {
            files.push(f.unwrap().path());
        }
    }
    files
}

fn four_shards_merged_equal_one_build(inputs: &[&Path]) {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one");
    let sharded = dir.path().join("sharded");
    let mut args = vec![
        "build",
        "--format",
        "parquet,charts",
        "--quiet",
        "--out",
        s(&one),
    ];
    args.extend(inputs.iter().map(|p| s(p)));
    nectar(&args);
    for k in 1..=4 {
        let shard = format!("{k}/4");
        let mut args = vec!["build", "--shard", &shard, "--quiet", "--out", s(&sharded)];
        args.extend(inputs.iter().map(|p| s(p)));
        nectar(&args);
    }
    nectar(&["merge", s(&sharded), "--out", s(&sharded)]);
    let mut parts = 0;
    for table in TABLES {
        let want = sorted(
            table,
            &[one.join("parquet").join(format!("{}.parquet", table.name))],
        );
        let files = shard_files(&sharded, table);
        if table.scope == Scope::Report || table.name == "meetings" {
            parts += files.len();
        }
        let got = sorted(table, &files);
        assert_eq!(got.len(), want.len(), "{}: rows", table.name);
        assert_eq!(got, want, "{}", table.name);
    }
    assert!(parts > 4, "partitioned by shard and year: {parts} files");
    // The charts of the merge are the charts of the one build.
    let mut charts = 0;
    for svg in std::fs::read_dir(one.join("charts")).unwrap() {
        let svg = svg.unwrap().path();
        let merged = sharded.join("charts").join(svg.file_name().unwrap());
        assert_eq!(
            std::fs::read(&merged).unwrap(),
            std::fs::read(&svg).unwrap(),
            "{}",
            merged.display()
        );
        charts += 1;
    }
    assert!(charts >= 3, "{charts} charts");
    // A shard run again with other inputs leaves none of its earlier files behind.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    std::fs::write(
        empty.join("a.txt"),
        "NEC report – 3 March 2015\n\nThe NEC met on 3 March 2015.\n",
    )
    .unwrap();
    for k in 1..=4 {
        let shard = format!("{k}/4");
        nectar(&[
            "build",
            "--shard",
            &shard,
            "--quiet",
            "--out",
            s(&sharded),
            s(&empty),
        ]);
    }
    let reports = TABLES.iter().find(|t| t.name == "reports").unwrap();
    assert_eq!(
        shard_files(&sharded, reports).len(),
        1,
        "one report, one file"
    );
}

#[test]
fn four_shards_merged_equal_one_build_of_the_sample_corpus() {
    let sample = nectar_testkit::sample_corpus_dir();
    four_shards_merged_equal_one_build(&[&sample]);
}

#[test]
fn four_shards_merged_equal_one_build_of_the_field_pages() {
    let Some(field) = nectar_testkit::require_field() else {
        return;
    };
    four_shards_merged_equal_one_build(&[&field]);
}

#[test]
fn a_bad_shard_is_a_usage_error() {
    for bad in ["0/4", "5/4", "2", "a/b"] {
        let out = Command::new(env!("CARGO_BIN_EXE_nectar"))
            .args(["build", "--shard", bad, "--out", "/nonexistent"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("K/N"), "{err}");
    }
}
