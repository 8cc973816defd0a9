//! Issue 17: whatever the inputs, every table's primary key is unique and every foreign key
//! resolves: over the real reports, the development pages, the sample corpus, and a folder that
//! holds the same reports again under other names, through links and a link loop.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use nectar_dataset::Dataset;
use nectar_model::Report;
use nectar_tables::{Cell, Row, TABLES, Table};

fn read(inputs: &[PathBuf]) -> Vec<Report> {
    let registry = nectar_plugins::registry().unwrap();
    nectar_pipeline::read_all(inputs, &registry, &Default::default()).0
}

fn key(table: &Table, row: &Row, fields: &[&str]) -> Option<Vec<String>> {
    let cells: Vec<&Cell> = fields
        .iter()
        .map(|f| &row[table.column(f).expect("a key column")])
        .collect();
    // A foreign key left empty refers to nothing.
    if cells.iter().any(|c| matches!(c, Cell::Null)) {
        return None;
    }
    Some(cells.iter().map(|c| c.to_text()).collect())
}

/// Every problem with the keys of the tables nectar writes for `reports` (each report's rows, and
/// the dataset's), one line each.
fn key_problems(reports: &[Report]) -> Vec<String> {
    let mut all: Vec<Vec<Row>> = vec![Vec::new(); TABLES.len()];
    for r in reports {
        for (i, rows) in nectar_tables::rows(r).into_iter().enumerate() {
            all[i].extend(rows);
        }
    }
    let dataset = Dataset::of(reports);
    let mut tables: BTreeMap<&str, (&Table, &[Row])> = TABLES
        .iter()
        .zip(&all)
        .map(|(t, rows)| (t.name, (t, rows.as_slice())))
        .collect();
    tables.extend(dataset.tables().map(|(t, rows)| (t.name, (t, rows))));
    let mut problems = Vec::new();
    for (name, (table, rows)) in &tables {
        let mut seen = BTreeSet::new();
        for row in *rows {
            let k = key(table, row, table.primary_key).expect("a primary key has no empty cell");
            if !seen.insert(k.clone()) {
                problems.push(format!("{name}: key {k:?} twice"));
            }
        }
        for fk in table.foreign_keys {
            let (target, target_rows) = tables[fk.table];
            let known: BTreeSet<Vec<String>> = target_rows
                .iter()
                .filter_map(|r| key(target, r, fk.reference))
                .collect();
            for row in *rows {
                if let Some(k) = key(table, row, fk.fields).filter(|k| !known.contains(k)) {
                    problems.push(format!(
                        "{name}.{:?} = {k:?}: not in {}",
                        fk.fields, fk.table
                    ));
                }
            }
        }
    }
    problems
}

fn assert_keys(inputs: &[PathBuf]) -> usize {
    let reports = read(inputs);
    assert!(!reports.is_empty(), "{inputs:?} gave no report");
    let problems = key_problems(&reports);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    reports.len()
}

#[test]
fn keys_are_unique_and_resolve_in_the_real_reports() {
    if let Some(seeds) = nectar_testkit::require_seeds() {
        assert_eq!(assert_keys(&[seeds]), 5);
    }
}

#[test]
fn keys_are_unique_and_resolve_in_the_development_pages() {
    if let Some(field) = nectar_testkit::require_field() {
        assert!(assert_keys(&[field]) >= 64);
    }
}

#[test]
fn keys_are_unique_and_resolve_in_the_sample_corpus() {
    assert!(assert_keys(&[nectar_testkit::sample_corpus_dir()]) > 0);
}

/// The sample corpus, and again: the folder named twice, a copy under another name, a link to
/// a file, a link to the folder and a link loop. Each report is read once.
#[cfg(unix)]
#[test]
fn keys_are_unique_and_resolve_with_duplicates_links_and_loops() {
    use std::os::unix::fs::symlink;
    let corpus = nectar_testkit::sample_corpus_dir();
    let once = read(std::slice::from_ref(&corpus)).len();
    let dir = tempfile::tempdir().unwrap();
    let first = std::fs::read_dir(corpus.join("blogger"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .min()
        .unwrap();
    std::fs::copy(&first, dir.path().join("copy.txt")).unwrap();
    symlink(&first, dir.path().join("link.txt")).unwrap();
    symlink(&corpus, dir.path().join("corpus")).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    symlink("..", dir.path().join("sub/up")).unwrap();
    let inputs = [corpus.clone(), dir.path().to_owned(), corpus];
    assert_eq!(assert_keys(&inputs), once, "every report read once");
}

/// The check itself finds a doubled key and a dangling reference.
#[test]
fn the_key_check_finds_a_doubled_report() {
    let reports = read(&[nectar_testkit::sample_corpus_dir()]);
    let mut doubled = reports.clone();
    doubled.push(reports[0].clone());
    let problems = key_problems(&doubled);
    assert!(
        problems.iter().any(|p| p.starts_with("reports: key")),
        "{problems:?}"
    );
    let mut dangling: Vec<Report> = reports
        .iter()
        .filter(|r| !r.figures.is_empty())
        .take(1)
        .cloned()
        .collect();
    assert_eq!(dangling.len(), 1, "a sample report with a figure");
    dangling[0].figures[0].meeting_id = Some("no-such-meeting".into());
    let problems = key_problems(&dangling);
    assert!(
        problems.iter().any(|p| p.contains("not in meetings")),
        "{problems:?}"
    );
}
