//! Writes the sample corpus and the real seeds into `nectar.db`, reads every row back with
//! rusqlite, queries the database with Python's `sqlite3` module and the `sqlite3` program
//! (a join of real meetings, meetings and membership figures, and a full-text search), and
//! checks determinism and failure handling.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::path::{Path, PathBuf};
use std::process::Command;

use nectar_dataset::{Collector, Dataset};
use nectar_export_sqlite::{FILE, SqliteExporter, fts_column, indexed_columns};
use nectar_model::Report;
use nectar_registry::Exporter;
use nectar_tables::{Cell, ColumnType, TABLES};
use rusqlite::Connection;
use rusqlite::types::Value;

/// The reports of the inputs, read as `nectar build` reads them, and their dataset.
fn read(inputs: &[PathBuf]) -> (Vec<Report>, Dataset) {
    let registry = nectar_plugins::registry().unwrap();
    let mut reports = Vec::new();
    let mut collector = Collector::default();
    let summary = nectar_pipeline::read(
        inputs,
        &registry,
        &Default::default(),
        |r| {
            collector.add(&r);
            reports.push(r);
            Ok::<_, ()>(())
        },
        |_| {},
    )
    .unwrap();
    assert!(summary.failures.is_empty(), "{:?}", summary.failures);
    (reports, collector.finish())
}

fn export(dir: &Path, reports: &[Report], dataset: &Dataset) -> PathBuf {
    let mut sink = SqliteExporter.start(dir).expect("start");
    for report in reports {
        sink.write_report(report).expect("write_report");
    }
    let files = sink.finish(dataset).expect("finish");
    assert_eq!(files, [dir.join(FILE)]);
    files.into_iter().next().unwrap()
}

fn fixture() -> Report {
    nectar_model::example::report()
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A cell as it should read back from a column of type `ty`.
fn expected(cell: &Cell, ty: ColumnType) -> Value {
    match (cell, ty) {
        (Cell::Null, _) => Value::Null,
        (Cell::Str(s), _) => Value::Text(s.clone()),
        (Cell::Int(i), ColumnType::Number) => Value::Real(*i as f64),
        (Cell::Int(i), _) => Value::Integer(*i),
        (Cell::Num(n), _) => Value::Real(*n),
        (Cell::Bool(b), _) => Value::Integer(i64::from(*b)),
        (Cell::Date(_) | Cell::DateTime(_), _) => Value::Text(cell.to_text()),
    }
}

/// Every row of every table reads back as `nectar_tables::rows` and the dataset give it, in
/// order; the schema, indexes, full-text tables and descriptions are there.
fn check_rows(db: &Path, reports: &[Report], dataset: &Dataset) {
    let mut rows = vec![Vec::new(); TABLES.len()];
    for report in reports {
        for (all, table) in rows.iter_mut().zip(nectar_tables::rows(report)) {
            all.extend(table);
        }
    }
    for (all, table) in rows.iter_mut().zip(TABLES) {
        all.extend(dataset.rows(table.name).iter().cloned());
    }
    let conn = Connection::open(db).unwrap();
    for (table, want) in TABLES.iter().zip(&rows) {
        let names: Vec<String> = conn
            .prepare(&format!(
                "SELECT name FROM pragma_table_info('{}')",
                table.name
            ))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let columns: Vec<&str> = table.columns.iter().map(|c| c.name).collect();
        assert_eq!(names, columns, "{} columns", table.name);
        let mut statement = conn
            .prepare(&format!("SELECT * FROM \"{}\" ORDER BY rowid", table.name))
            .unwrap();
        let got: Vec<Vec<Value>> = statement
            .query_map([], |r| {
                (0..table.columns.len())
                    .map(|i| r.get::<_, Value>(i))
                    .collect()
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(got.len(), want.len(), "{} rows", table.name);
        for (n, (got, want)) in got.iter().zip(want).enumerate() {
            for ((got, cell), column) in got.iter().zip(want).zip(table.columns) {
                assert_eq!(
                    *got,
                    expected(cell, column.ty),
                    "{}.{} row {n}",
                    table.name,
                    column.name
                );
            }
        }
        for column in indexed_columns(table) {
            let index = format!("idx_{}_{column}", table.name);
            let found: i64 = conn
                .query_row(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?",
                    [&index],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(found, 1, "{index}");
        }
        if let Some(column) = fts_column(table) {
            // Datasette's detection (`detect_fts`) finds the table.
            let detected: String = conn
                .query_row(
                    &format!(
                        "SELECT name FROM sqlite_master WHERE rootpage = 0 AND \
                         sql LIKE '%VIRTUAL TABLE%USING FTS%content=\"{}\"%'",
                        table.name
                    ),
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(detected, format!("{}_fts", table.name));
            // Every row is found by its own text's first word.
            let n: i64 = conn
                .query_row(
                    &format!("SELECT count(*) FROM \"{}_fts\"", table.name),
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(n as usize, want.len(), "{}_fts", table.name);
            let at = table.column(column).unwrap();
            if let Some(Cell::Str(text)) = want.first().map(|r| &r[at]) {
                let word: String = text
                    .split(|c: char| !c.is_alphanumeric())
                    .find(|w| !w.is_empty())
                    .unwrap()
                    .to_owned();
                let hits: Vec<i64> = conn
                    .prepare(&format!(
                        "SELECT rowid FROM \"{0}_fts\" WHERE \"{0}_fts\" MATCH ?",
                        table.name
                    ))
                    .unwrap()
                    .query_map([format!("\"{word}\"")], |r| r.get(0))
                    .unwrap()
                    .collect::<Result<_, _>>()
                    .unwrap();
                assert!(hits.contains(&1), "{}_fts finds {word:?}", table.name);
            }
        }
    }
    let described: i64 = conn
        .query_row("SELECT count(*) FROM _nectar_columns", [], |r| r.get(0))
        .unwrap();
    let columns: usize = TABLES.iter().map(|t| t.columns.len()).sum();
    assert_eq!(described as usize, columns);
    let description: String = conn
        .query_row(
            "SELECT description FROM _nectar_columns WHERE table_name = 'figures' AND column_name = 'value'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let figures = &TABLES[nectar_tables::table_index("figures")];
    assert_eq!(
        description,
        figures.columns[figures.column("value").unwrap()].description
    );
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM _nectar_tables", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables as usize, TABLES.len());
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    // Every foreign key names a row that is there.
    let broken: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(broken, 0, "foreign keys hold");
}

#[test]
fn sample_corpus_rows_read_back() {
    let (reports, dataset) = read(&[nectar_testkit::sample_corpus_dir()]);
    assert!(!reports.is_empty());
    let dir = tempfile::tempdir().unwrap();
    let db = export(dir.path(), &reports, &dataset);
    check_rows(&db, &reports, &dataset);
    assert_eq!(entries(dir.path()), [FILE], "no journal or temporary file");
}

#[test]
fn real_seeds_rows_read_back() {
    let Some(seeds) = nectar_testkit::require_seeds() else {
        return;
    };
    let (reports, dataset) = read(&[seeds]);
    let dir = tempfile::tempdir().unwrap();
    let db = export(dir.path(), &reports, &dataset);
    check_rows(&db, &reports, &dataset);
}

/// Membership figures per real meeting, as a user asks them of the database.
const JOIN: &str = "SELECT n.date, CAST(f.value AS INTEGER) FROM nec_meetings n \
JOIN meetings m ON m.nec_meeting_id = n.nec_meeting_id \
JOIN figures f ON f.meeting_id = m.meeting_id \
WHERE f.metric = 'membership' AND NOT f.from_comment \
ORDER BY n.date, f.value";

/// The decisions whose quote mentions the conference or equalities, by full-text search, with their
/// meeting's date.
const SEARCH: &str = "SELECT 'fts:' || m.date, d.outcome FROM decisions_fts \
JOIN decisions d ON d.rowid = decisions_fts.rowid \
JOIN meetings m ON m.meeting_id = d.meeting_id \
WHERE decisions_fts MATCH 'conference OR equalities' \
ORDER BY m.date";

/// The seeds' database, or the fixture's when the seeds are missing, with lines its join and
/// its search must give (`date|membership`, `fts:date|outcome`).
fn database(dir: &Path) -> (PathBuf, Vec<&'static str>) {
    match nectar_testkit::require_seeds() {
        Some(seeds) => {
            let (reports, dataset) = read(&[seeds]);
            (
                export(dir, &reports, &dataset),
                vec![
                    "2020-09-29|560000",
                    "2020-11-24|540000",
                    "2021-02-11|512000",
                    "2024-03-26|366604",
                    "fts:2020-09-29|deferred",
                    "fts:2020-10-06|agreed",
                    "fts:2020-12-04|elected",
                ],
            )
        }
        None => {
            let report = fixture();
            (
                export(dir, std::slice::from_ref(&report), &Dataset::of([&report])),
                vec!["2015-03-03|190000", "fts:2015-03-03|agreed"],
            )
        }
    }
}

fn check_answer(out: &str, want: &[&str]) {
    let lines: Vec<&str> = out.lines().collect();
    for w in want {
        assert!(lines.contains(w), "{w} in {lines:?}");
    }
}

#[test]
fn python_sqlite3_reads_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let (db, want) = database(dir.path());
    let script = format!(
        "import sqlite3, sys\n\
         db = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)\n\
         for query in [{JOIN:?}, {SEARCH:?}]:\n\
         \x20   for a, b in db.execute(query):\n\
         \x20       print(f'{{a}}|{{b}}')\n"
    );
    let out = Command::new("python3")
        .arg("-c")
        .arg(&script)
        .arg(&db)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    check_answer(&String::from_utf8(out.stdout).unwrap(), &want);
}

#[test]
fn the_sqlite3_program_reads_the_database() {
    let found = Command::new("sqlite3")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have the sqlite3 program (see .ci/run)"
        );
        eprintln!("skipped: no sqlite3 program");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (db, want) = database(dir.path());
    let out = Command::new("sqlite3")
        .args(["-readonly", "-batch"])
        .arg(&db)
        .arg(format!("{JOIN}; {SEARCH};"))
        .output()
        .expect("sqlite3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    check_answer(&String::from_utf8(out.stdout).unwrap(), &want);
}

#[test]
fn a_dropped_sink_leaves_the_earlier_file_and_a_second_run_is_byte_identical() {
    let report = fixture();
    let dataset = Dataset::of([&report]);
    let dir = tempfile::tempdir().unwrap();
    let db = export(dir.path(), std::slice::from_ref(&report), &dataset);
    let before = std::fs::read(&db).unwrap();
    {
        let mut sink = SqliteExporter.start(dir.path()).unwrap();
        sink.write_report(&report).unwrap();
        // Dropped without finish: as when a later report fails.
    }
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert_eq!(entries(dir.path()), [FILE], "no temporary file left");
    export(dir.path(), std::slice::from_ref(&report), &dataset);
    assert_eq!(std::fs::read(&db).unwrap(), before, "byte-identical");
    let other = tempfile::tempdir().unwrap();
    let again = export(other.path(), std::slice::from_ref(&report), &dataset);
    assert_eq!(
        std::fs::read(again).unwrap(),
        before,
        "in another folder too"
    );
}

#[test]
fn a_folder_in_the_way_fails_naming_it() {
    let report = fixture();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(FILE)).unwrap();
    let mut sink = SqliteExporter.start(dir.path()).unwrap();
    sink.write_report(&report).unwrap();
    let err = sink
        .finish(&Dataset::of([&report]))
        .expect_err("a folder is in the way");
    let shown = err.to_string();
    assert!(
        shown.contains(&dir.path().join(FILE).display().to_string()),
        "{shown}"
    );
    assert!(!shown.contains('\n'), "one line: {shown}");
    assert_eq!(entries(dir.path()), [FILE], "no temporary file left");
    assert!(dir.path().join(FILE).is_dir());
}

#[test]
fn the_registry_has_sqlite() {
    let registry = nectar_plugins::registry().unwrap();
    let sqlite = registry.exporter("sqlite").expect("sqlite is registered");
    assert_eq!(sqlite.writes, [FILE]);
}
