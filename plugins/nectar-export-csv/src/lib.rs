//! The `csv` exporter: one RFC 4180 file per table of [`nectar_tables::TABLES`] (UTF-8, a
//! header row, CRLF line ends, rows in input order), and beside them a Frictionless
//! `datapackage.json` (Data Package v2) that describes every file: field types and
//! descriptions, primary keys, foreign keys, enum constraints from nectar's vocabularies, and
//! the source reports with their SHA-256.
//!
//! Rows are written as reports arrive, into temporary files renamed into place by
//! [`ExportSink::finish`], so an interrupted run leaves the previous files as they were.
//!
//! ```
//! use nectar_registry::Exporter;
//! let report = nectar_model::example::report();
//! let dir = tempfile::tempdir().unwrap();
//! let mut sink = nectar_export_csv::Csv.start(dir.path()).unwrap();
//! sink.write_report(&report).unwrap();
//! let files = sink.finish(&nectar_registry::Dataset::of([&report])).unwrap();
//! assert_eq!(files.len(), nectar_tables::TABLES.len() + 1);
//! let figures = std::fs::read_to_string(dir.path().join("figures.csv")).unwrap();
//! assert!(figures.starts_with("figure_id,report_id,meeting_id,metric,value,"));
//! ```
#![deny(missing_docs)]

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use nectar_io::AtomicFile;
use nectar_model::{MODEL_VERSION, Report};
use nectar_registry::{Dataset, ExportError, ExportSink, Exporter, register_exporter};
use nectar_tables::{ColumnType, TABLES};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// The CSV exporter.
#[derive(Debug, Clone, Copy, Default)]
pub struct Csv;

/// The data package's file name.
pub const DATAPACKAGE: &str = "datapackage.json";

struct TableFile {
    path: PathBuf,
    writer: csv::Writer<BufWriter<AtomicFile>>,
}

struct Sink {
    dir: PathBuf,
    files: Vec<TableFile>,
    /// The data package's sources, one per report, in order.
    sources: Vec<Source>,
}

/// A source report as the data package lists it: by URL, never by a path on the machine that
/// read it. The fields stand in the order a JSON object's keys are written (`serde_json`
/// sorts the keys of a `Value`), so the package reads as it always has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The report's URL, else its path relative to the folder nectar was given.
    pub path: String,
    /// SHA-256 of the report's bytes.
    pub sha256: String,
    /// The report's title, else its file's path relative to the folder nectar was given.
    pub title: String,
}

impl Source {
    /// How the data package lists a report.
    pub fn of(report: &Report) -> Self {
        let file = nectar_tables::file_name(report).to_owned();
        Self {
            path: report.document.url.clone().unwrap_or_else(|| file.clone()),
            sha256: report.document.sha256.clone(),
            title: report.title.as_ref().map_or(file, |t| t.value.clone()),
        }
    }
}

/// The data package: the fields in the order `serde_json` writes an object's keys, so that
/// the sources are written straight from their list, never copied into one big JSON value.
#[derive(Serialize)]
struct Package<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    citation: String,
    contributors: Value,
    description: &'static str,
    homepage: &'static str,
    licenses: Value,
    name: &'static str,
    resources: Value,
    sources: &'a [Source],
    title: &'static str,
    version: &'static str,
}

/// Where nectar is published.
const HOMEPAGE: &str = "https://github.com/nectar-data/nectar";

fn csv_error(path: &Path, e: csv::Error) -> ExportError {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => ExportError::io(path, io),
        other => ExportError::Encode(format!("{}: {other:?}", path.display())),
    }
}

impl Exporter for Csv {
    fn start(&self, dir: &Path) -> Result<Box<dyn ExportSink>, ExportError> {
        let mut files = Vec::new();
        for table in TABLES {
            let path = dir.join(format!("{}.csv", table.name));
            let file = AtomicFile::create(&path).map_err(|e| ExportError::io(&path, e))?;
            let mut writer = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(BufWriter::new(file));
            writer
                .write_record(table.columns.iter().map(|c| c.name))
                .map_err(|e| csv_error(&path, e))?;
            files.push(TableFile { path, writer });
        }
        Ok(Box::new(Sink {
            dir: dir.to_owned(),
            files,
            sources: Vec::new(),
        }))
    }
}

impl ExportSink for Sink {
    fn write_report(&mut self, report: &Report) -> Result<(), ExportError> {
        for (file, rows) in self.files.iter_mut().zip(nectar_tables::rows(report)) {
            for row in rows {
                file.writer
                    .write_record(row.iter().map(|c| c.to_text()))
                    .map_err(|e| csv_error(&file.path, e))?;
            }
        }
        self.sources.push(Source::of(report));
        Ok(())
    }

    fn finish(mut self: Box<Self>, dataset: &Dataset) -> Result<Vec<PathBuf>, ExportError> {
        for (table, rows) in dataset.tables() {
            let Some(file) = self
                .files
                .iter_mut()
                .find(|f| f.path.file_stem().is_some_and(|s| s == table.name))
            else {
                continue;
            };
            for row in rows {
                file.writer
                    .write_record(row.iter().map(|c| c.to_text()))
                    .map_err(|e| csv_error(&file.path, e))?;
            }
        }
        let mut done = Vec::new();
        for file in self.files {
            let path = file.path;
            let inner = file
                .writer
                .into_inner()
                .map_err(|e| ExportError::io(&path, e.into_error()))?
                .into_inner()
                .map_err(|e| ExportError::io(&path, e.into_error()))?;
            done.push((inner, path));
        }
        let package_path = self.dir.join(DATAPACKAGE);
        let mut package = AtomicFile::create(&package_path)
            .map(BufWriter::new)
            .map_err(|e| ExportError::io(&package_path, e))?;
        write_datapackage(&mut package, &self.sources).map_err(|e| match e.io_error_kind() {
            Some(kind) => ExportError::io(&package_path, std::io::Error::new(kind, e)),
            None => ExportError::Encode(format!("{}: {e}", package_path.display())),
        })?;
        package
            .write_all(b"\n")
            .map_err(|e| ExportError::io(&package_path, e))?;
        let package = package
            .into_inner()
            .map_err(|e| ExportError::io(&package_path, e.into_error()))?;
        // Every file is complete before any is renamed into place.
        let mut files: Vec<AtomicFile> = done.into_iter().map(|(file, _)| file).collect();
        files.push(package);
        nectar_io::commit_all(files).map_err(|(path, e)| ExportError::io(path, e))
    }
}

/// A Frictionless Table Schema field for a column.
fn field(column: &nectar_tables::Column) -> Value {
    let (ty, format_or_pattern): (&str, Option<(&str, &str)>) = match column.ty {
        ColumnType::String | ColumnType::Enum(_) => ("string", None),
        ColumnType::Integer => ("integer", None),
        ColumnType::Number => ("number", None),
        ColumnType::Boolean => ("boolean", None),
        ColumnType::PartialDate => (
            "string",
            Some(("pattern", "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")),
        ),
        ColumnType::DateTime => ("datetime", Some(("format", "%Y-%m-%dT%H:%M:%S"))),
    };
    let mut constraints = serde_json::Map::new();
    if column.required {
        constraints.insert("required".into(), json!(true));
    }
    if let ColumnType::Enum(names) = column.ty {
        constraints.insert("enum".into(), json!(names));
    }
    let mut f = json!({
        "name": column.name,
        "type": ty,
        "description": column.description,
    });
    match format_or_pattern {
        Some(("pattern", p)) => {
            constraints.insert("pattern".into(), json!(p));
        }
        Some((key, value)) => {
            f[key] = json!(value);
        }
        None => {}
    }
    if !constraints.is_empty() {
        f["constraints"] = Value::Object(constraints);
    }
    f
}

/// The Frictionless data package describing the CSV files, with the source reports, as
/// pretty-printed JSON.
pub fn datapackage(sources: &[Source]) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    write_datapackage(&mut out, sources).map_err(|e| ExportError::Encode(e.to_string()))?;
    Ok(out)
}

/// Writes [`datapackage`] to `out`.
fn write_datapackage(out: &mut impl Write, sources: &[Source]) -> serde_json::Result<()> {
    let resources: Vec<Value> = TABLES
        .iter()
        .map(|t| {
            json!({
                "name": t.name,
                "type": "table",
                "path": format!("{}.csv", t.name),
                "scheme": "file",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": t.description,
                "dialect": {
                    "$schema": "https://datapackage.org/profiles/2.0/tabledialect.json",
                    "header": true,
                    "delimiter": ",",
                    "lineTerminator": "\r\n",
                    "quoteChar": "\"",
                    "doubleQuote": true
                },
                "schema": {
                    "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
                    "fields": t.columns.iter().map(field).collect::<Vec<_>>(),
                    "missingValues": [""],
                    "primaryKey": t.primary_key,
                    "foreignKeys": t.foreign_keys.iter().map(|fk| json!({
                        "fields": fk.fields,
                        "reference": {"resource": fk.table, "fields": fk.reference},
                    })).collect::<Vec<_>>(),
                },
            })
        })
        .collect();
    let package = Package {
        schema: "https://datapackage.org/profiles/2.0/datapackage.json",
        name: "nectar-nec-reports",
        title: "Reports of Labour NEC meetings, read by nectar",
        description: "Meetings, agenda items, figures, votes, decisions, people and readers' comments read from published reports of meetings of the Labour Party's National Executive Committee; every fact with the exact quote and its byte span in the source report.",
        version: MODEL_VERSION,
        homepage: HOMEPAGE,
        citation: format!(
            "nectar {MODEL_VERSION}, {HOMEPAGE} (cite the software with its CITATION.cff, and each fact by its cite_url)"
        ),
        contributors: json!([{"title": "The nectar authors", "roles": ["creator"], "path": HOMEPAGE}]),
        licenses: json!([{
            "name": "ODC-By-1.0",
            "path": "https://opendatacommons.org/licenses/by/1-0/",
            "title": "Open Data Commons Attribution License v1.0: the dataset's structure and nectar's readings; every quote belongs to its report's author and is given to cite it"
        }]),
        sources,
        resources: Value::Array(resources),
    };
    serde_json::to_writer_pretty(out, &package)
}

register_exporter! {
    name: "csv",
    description: "One CSV file per table (RFC 4180) and a Frictionless datapackage.json describing them.",
    writes: &[
        "reports.csv",
        "meetings.csv",
        "figures.csv",
        "votes.csv",
        "decisions.csv",
        "people.csv",
        "agenda_items.csv",
        "comments.csv",
        "nec_meetings.csv",
        "claims.csv",
        "copies.csv",
        "persons.csv",
        DATAPACKAGE,
    ],
    exporter: &Csv,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        nectar_model::example::report()
    }

    fn export(dir: &Path) -> Vec<PathBuf> {
        let mut sink = Csv.start(dir).unwrap();
        sink.write_report(&report()).unwrap();
        sink.finish(&Dataset::of([&report()])).unwrap()
    }

    #[test]
    fn writes_every_table_with_header_and_rows_and_is_deterministic() {
        let dir = tempfile::tempdir().unwrap();
        let files = export(dir.path());
        let figures = std::fs::read_to_string(dir.path().join("figures.csv")).unwrap();
        let mut lines = figures.split("\r\n");
        let header = lines.next().unwrap();
        assert_eq!(
            header,
            "figure_id,report_id,meeting_id,metric,value,unit,qualifier,as_of,as_of_precision,from_comment,quote,span_start,span_end,cite_url,rule,confidence"
        );
        let first = lines.next().unwrap();
        assert!(
            first.contains(",membership,190000,count,around,2015-03-03,day,false,"),
            "{first}"
        );
        let before: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
        export(dir.path());
        let after: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
        assert_eq!(before, after, "byte-identical on a second run");
    }

    #[test]
    fn the_sources_of_a_run_read_as_a_list_of_them_does() {
        for n in [0, 1, 3] {
            let dir = tempfile::tempdir().unwrap();
            let mut sink = Csv.start(dir.path()).unwrap();
            let mut sources = Vec::new();
            for i in 0..n {
                let mut r = report();
                r.document.path = format!("r{i}.txt");
                if i == 1 {
                    r.document.url = Some("https://example.org/a\"b\u{e9}".into());
                }
                sources.push(Source::of(&r));
                sink.write_report(&r).unwrap();
            }
            sink.finish(&Dataset::default()).unwrap();
            let mut want = datapackage(&sources).unwrap();
            want.push(b'\n');
            let got = std::fs::read(dir.path().join(DATAPACKAGE)).unwrap();
            assert_eq!(
                String::from_utf8(got).unwrap(),
                String::from_utf8(want).unwrap()
            );
        }
    }

    #[test]
    fn datapackage_describes_every_table() {
        let dir = tempfile::tempdir().unwrap();
        export(dir.path());
        let package: Value =
            serde_json::from_slice(&std::fs::read(dir.path().join(DATAPACKAGE)).unwrap()).unwrap();
        let resources = package["resources"].as_array().unwrap();
        assert_eq!(resources.len(), TABLES.len());
        let meetings = &resources[1];
        assert_eq!(meetings["schema"]["primaryKey"], json!(["meeting_id"]));
        let kind = meetings["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == "kind")
            .unwrap();
        assert!(
            kind["constraints"]["enum"]
                .as_array()
                .unwrap()
                .contains(&json!("away_day"))
        );
        assert_eq!(package["sources"][0]["title"], "NEC report – 3 March 2015");
        assert_eq!(package["licenses"][0]["name"], "ODC-By-1.0");
        assert!(
            package["citation"]
                .as_str()
                .unwrap()
                .contains("CITATION.cff")
        );
    }

    #[test]
    fn the_data_package_names_sources_by_url_or_relative_path_never_a_local_path() {
        let dir = tempfile::tempdir().unwrap();
        let mut sink = Csv.start(dir.path()).unwrap();
        let mut a = report();
        a.document.path = "/home/someone/reports/2015/a.txt".into();
        a.document.file = "2015/a.txt".into();
        a.title = None;
        let mut b = a.clone();
        b.report_id = "b".into();
        b.document.url = Some("https://example.org/nec/b".into());
        sink.write_report(&a).unwrap();
        sink.write_report(&b).unwrap();
        sink.finish(&Dataset::default()).unwrap();
        let package = std::fs::read_to_string(dir.path().join(DATAPACKAGE)).unwrap();
        assert!(!package.contains("/home/someone"), "no local path");
        let package: Value = serde_json::from_str(&package).unwrap();
        assert_eq!(package["sources"][0]["path"], "2015/a.txt");
        assert_eq!(package["sources"][1]["path"], "https://example.org/nec/b");
        let reports = std::fs::read_to_string(dir.path().join("reports.csv")).unwrap();
        assert!(!reports.contains("/home/someone"), "{reports}");
    }

    #[test]
    fn a_failed_run_leaves_earlier_files_intact() {
        let dir = tempfile::tempdir().unwrap();
        export(dir.path());
        let before = std::fs::read(dir.path().join("reports.csv")).unwrap();
        {
            let mut sink = Csv.start(dir.path()).unwrap();
            sink.write_report(&report()).unwrap();
            // Dropped without finish: as when a later report fails.
        }
        assert_eq!(
            std::fs::read(dir.path().join("reports.csv")).unwrap(),
            before
        );
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
    }
}
