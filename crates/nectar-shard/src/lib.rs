//! nectar beyond one machine. `nectar build --shard K/N` reads the K-th of N parts of the
//! inputs and writes its reports' rows as Parquet partitioned by meeting year, each file named
//! for its shard ([`ShardWriter`]: `parquet/figures/year=2021/part-2-of-4.parquet`), so that
//! every shard can write into one shared folder. `nectar merge DIR...` reads what the shards
//! wrote, makes the tables across reports ([`merge`]: `nec_meetings`, `claims`, `persons`),
//! and fills in each mention's `nec_meeting_id`, which no shard alone can know.
//!
//! ```
//! use nectar_shard::{ShardWriter, merge};
//! let report = nectar_model::example::report();
//! let out = tempfile::tempdir().unwrap();
//! let mut shard = ShardWriter::new(1, 2);
//! shard.add(&report);
//! shard.finish(out.path()).unwrap();
//! assert!(out.path().join("parquet/figures/year=2015/part-1-of-2.parquet").is_file());
//! let merged = merge(&[out.path().to_owned()], out.path()).unwrap();
//! assert_eq!(merged.dataset.rows("nec_meetings").len(), 1);
//! assert!(out.path().join("parquet/nec_meetings.parquet").is_file());
//! ```
#![deny(missing_docs)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use nectar_dataset::{Collector, Dataset};
use nectar_model::Report;
use nectar_registry::ExportError;
use nectar_tables::{Cell, Row, Scope, TABLES, table_index};

/// The folder (under the output folder) that shards and the merge write their Parquet into.
pub const PARQUET: &str = "parquet";

/// The Hive partition of rows whose year is not known (Hive's name for a null partition
/// value, which DuckDB and Spark read as null).
pub const UNKNOWN_YEAR: &str = "__HIVE_DEFAULT_PARTITION__";

/// The partition a report's rows go in: `year=` the year of the meeting it reports, else of its
/// publication, else [`UNKNOWN_YEAR`].
pub fn partition(report: &Report) -> String {
    let year = report
        .primary_meeting()
        .and_then(|m| m.date.as_ref())
        .map(|d| d.date.year())
        .or_else(|| report.published.as_ref().map(|p| p.value.year()));
    match year {
        Some(y) => format!("year={y}"),
        None => format!("year={UNKNOWN_YEAR}"),
    }
}

/// The tables a shard writes: each report's own rows, and its mentions of meetings (their
/// `nec_meeting_id` left empty for [`merge`] to fill in).
fn shard_tables() -> impl Iterator<Item = usize> {
    TABLES
        .iter()
        .enumerate()
        .filter(|(_, t)| t.scope == Scope::Report || t.name == "meetings")
        .map(|(i, _)| i)
}

/// A shard's rows, gathered report by report, by table and partition.
#[derive(Debug)]
pub struct ShardWriter {
    name: String,
    rows: BTreeMap<(usize, String), Vec<Row>>,
}

impl ShardWriter {
    /// The `index`-th (from 1) of `count` shards.
    pub fn new(index: usize, count: usize) -> Self {
        Self {
            name: format!("part-{index}-of-{count}.parquet"),
            rows: BTreeMap::new(),
        }
    }

    /// Takes a report's rows.
    pub fn add(&mut self, report: &Report) {
        let part = partition(report);
        let mut tables = nectar_tables::rows(report);
        tables[table_index("meetings")] = nectar_tables::meeting_rows(report);
        for i in shard_tables() {
            let rows = std::mem::take(&mut tables[i]);
            if !rows.is_empty() {
                self.rows.entry((i, part.clone())).or_default().extend(rows);
            }
        }
    }

    /// Writes `out/parquet/<table>/year=<year>/part-K-of-N.parquet` for each table and year
    /// the shard has rows of, all or none, and removes this shard's files that an earlier run
    /// wrote for years it no longer has. Returns the files written.
    pub fn finish(self, out: &Path) -> Result<Vec<PathBuf>, ExportError> {
        let root = out.join(PARQUET);
        let mut files = Vec::new();
        let mut written = BTreeSet::new();
        for ((i, part), rows) in &self.rows {
            let table = &TABLES[*i];
            let path = root.join(table.name).join(part).join(&self.name);
            files.push(nectar_parquet::write_table(&path, table, rows)?);
            written.insert(path);
        }
        let done = nectar_io::commit_all(files).map_err(|(path, e)| ExportError::io(path, e))?;
        for i in shard_tables() {
            for stale in parts(&root.join(TABLES[i].name))? {
                if stale.file_name().is_some_and(|n| *n == *self.name) && !written.contains(&stale)
                {
                    std::fs::remove_file(&stale).map_err(|e| ExportError::io(&stale, e))?;
                }
            }
        }
        Ok(done)
    }
}

/// The Parquet files of a partitioned table's folder (`<dir>/year=*/part-*.parquet`), sorted;
/// none when the folder does not exist.
fn parts(dir: &Path) -> Result<Vec<PathBuf>, ExportError> {
    let mut out = Vec::new();
    let years = match std::fs::read_dir(dir) {
        Ok(years) => years,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(ExportError::io(dir, e)),
    };
    for year in years {
        let year = year.map_err(|e| ExportError::io(dir, e))?.path();
        if !year.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&year).map_err(|e| ExportError::io(&year, e))? {
            let file = file.map_err(|e| ExportError::io(&year, e))?.path();
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
            if name.is_some_and(|n| n.starts_with("part-") && n.ends_with(".parquet")) {
                out.push(file);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// What [`merge`] made and wrote.
#[derive(Debug)]
pub struct Merged {
    /// The tables across reports, and the rows they were made from.
    pub dataset: Dataset,
    /// The files written.
    pub files: Vec<PathBuf>,
    /// How many reports the shards hold (each once).
    pub reports: usize,
}

/// Reads the shards' tables under each of `dirs` (`DIR/parquet/<table>/year=*/part-*.parquet`),
/// makes the tables across reports, writes them to `out/parquet/<table>.parquet`, and rewrites
/// each shard's `meetings` files with every mention's `nec_meeting_id`. A report found in two
/// shards' files counts once. Everything is written whole or not at all.
pub fn merge(dirs: &[PathBuf], out: &Path) -> Result<Merged, ExportError> {
    let mut collector = Collector::default();
    let mut meetings_files: Vec<(PathBuf, Vec<Row>)> = Vec::new();
    for name in nectar_dataset::READS {
        let table = &TABLES[table_index(name)];
        for dir in dirs {
            for path in parts(&dir.join(PARQUET).join(name))? {
                let rows = nectar_parquet::read_table(&path, table)?;
                if *name == "meetings" {
                    meetings_files.push((path, rows.clone()));
                }
                collector.add_rows(name, rows);
            }
        }
    }
    let dataset = collector.finish();
    let reports = dataset.reports.len();
    if reports == 0 {
        let shown: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
        return Err(ExportError::Encode(format!(
            "{}: no shard's reports (no {PARQUET}/reports/year=*/part-*.parquet)",
            shown.join(", ")
        )));
    }
    // Each mention's real meeting, by the mention's ID.
    let meetings = &TABLES[table_index("meetings")];
    let (id_at, link_at) = (
        meetings.column("meeting_id").unwrap_or(0),
        meetings.column("nec_meeting_id").unwrap_or(0),
    );
    let links: BTreeMap<String, Cell> = dataset
        .rows("meetings")
        .iter()
        .map(|r| (r[id_at].to_text(), r[link_at].clone()))
        .collect();
    let mut files = Vec::new();
    for (path, mut rows) in meetings_files {
        for row in &mut rows {
            row[link_at] = links
                .get(&row[id_at].to_text())
                .cloned()
                .unwrap_or(Cell::Null);
        }
        files.push(nectar_parquet::write_table(&path, meetings, &rows)?);
    }
    for (table, rows) in dataset.tables() {
        if table.name == "meetings" {
            continue;
        }
        let path = out.join(PARQUET).join(format!("{}.parquet", table.name));
        files.push(nectar_parquet::write_table(&path, table, rows)?);
    }
    let files = nectar_io::commit_all(files).map_err(|(path, e)| ExportError::io(path, e))?;
    Ok(Merged {
        dataset,
        files,
        reports,
    })
}
