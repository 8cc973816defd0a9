//! JSON exporters: `json` writes `corpus.json`, the whole corpus as one document (it validates
//! against `schemas/corpus.schema.json`), and `dataset.json`, the tables made across reports
//! (`meetings`, `nec_meetings`, `claims`, `persons`), each an array of objects by column
//! name; `ndjson` writes `reports.ndjson`, one report per line, for streaming tools (`jq`,
//! `duckdb`'s `read_json`, Spark).
//!
//! Reports are written as they arrive, into temporary files renamed into place by
//! [`ExportSink::finish`], so an interrupted run leaves the previous files as they were.
//!
//! ```
//! use nectar_model::{Document, Report};
//! use nectar_registry::{Exporter, ExportSink};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let mut sink = nectar_export_json::CorpusJson.start(dir.path()).unwrap();
//! let files = sink.finish(&nectar_registry::Dataset::default()).unwrap();
//! let corpus: nectar_model::Corpus =
//!     serde_json::from_slice(&std::fs::read(&files[0]).unwrap()).unwrap();
//! assert!(corpus.reports.is_empty());
//! ```
#![deny(missing_docs)]

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use nectar_io::AtomicFile;
use nectar_model::{MODEL_VERSION, Report};
use nectar_registry::{Dataset, ExportError, ExportSink, Exporter, register_exporter};
use nectar_tables::Cell;
use serde_json::{Map, Value};

/// Writes `corpus.json`.
#[derive(Debug, Clone, Copy, Default)]
pub struct CorpusJson;

/// Writes `reports.ndjson`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ndjson;

/// The file `json` writes.
pub const CORPUS_FILE: &str = "corpus.json";
/// The file `ndjson` writes.
pub const NDJSON_FILE: &str = "reports.ndjson";
/// The file of the tables across reports that `json` writes.
pub const DATASET_FILE: &str = "dataset.json";

/// A cell as JSON: text, a number, true or false, an ISO date, or null.
fn value(cell: &Cell) -> Value {
    match cell {
        Cell::Null => Value::Null,
        Cell::Int(i) => Value::from(*i),
        Cell::Num(n) => serde_json::Number::from_f64(*n).map_or(Value::Null, Value::Number),
        Cell::Bool(b) => Value::Bool(*b),
        other => Value::String(other.to_text()),
    }
}

/// The dataset's tables as one JSON object: each table an array of objects by column name.
pub fn dataset_json(dataset: &Dataset) -> Value {
    let mut tables = Map::new();
    for (table, rows) in dataset.tables() {
        let rows = rows
            .iter()
            .map(|row| {
                Value::Object(
                    table
                        .columns
                        .iter()
                        .zip(row)
                        .map(|(c, cell)| (c.name.to_owned(), value(cell)))
                        .collect(),
                )
            })
            .collect();
        tables.insert(table.name.to_owned(), Value::Array(rows));
    }
    let mut out = Map::new();
    out.insert("nectar_version".into(), Value::from(MODEL_VERSION));
    out.insert("tables".into(), Value::Object(tables));
    Value::Object(out)
}

struct Sink {
    out: BufWriter<AtomicFile>,
    path: PathBuf,
    written: usize,
    ndjson: bool,
}

impl Sink {
    fn open(dir: &Path, name: &str, ndjson: bool) -> Result<Self, ExportError> {
        let path = dir.join(name);
        let file = AtomicFile::create(&path).map_err(|e| ExportError::io(&path, e))?;
        let mut sink = Self {
            out: BufWriter::new(file),
            path,
            written: 0,
            ndjson,
        };
        if !ndjson {
            let head = format!("{{\n\"nectar_version\": \"{MODEL_VERSION}\",\n\"reports\": [\n");
            sink.put(head.as_bytes())?;
        }
        Ok(sink)
    }

    fn put(&mut self, bytes: &[u8]) -> Result<(), ExportError> {
        self.out
            .write_all(bytes)
            .map_err(|e| ExportError::io(&self.path, e))
    }
}

impl ExportSink for Sink {
    fn write_report(&mut self, report: &Report) -> Result<(), ExportError> {
        let json = if self.ndjson {
            serde_json::to_vec(report)
        } else {
            serde_json::to_vec_pretty(report)
        }
        .map_err(|e| ExportError::Encode(e.to_string()))?;
        if self.written > 0 && !self.ndjson {
            self.put(b",\n")?;
        }
        self.put(&json)?;
        if self.ndjson {
            self.put(b"\n")?;
        }
        self.written += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>, dataset: &Dataset) -> Result<Vec<PathBuf>, ExportError> {
        let mut files = Vec::new();
        if !self.ndjson {
            self.put(b"\n]\n}\n")?;
            let path = self.path.with_file_name(DATASET_FILE);
            let mut json = serde_json::to_vec_pretty(&dataset_json(dataset))
                .map_err(|e| ExportError::Encode(e.to_string()))?;
            json.push(b'\n');
            let mut file = AtomicFile::create(&path).map_err(|e| ExportError::io(&path, e))?;
            file.write_all(&json)
                .map_err(|e| ExportError::io(&path, e))?;
            files.push(file);
        }
        let path = self.path.clone();
        let file = self
            .out
            .into_inner()
            .map_err(|e| ExportError::io(&path, e.into_error()))?;
        files.insert(0, file);
        nectar_io::commit_all(files).map_err(|(path, e)| ExportError::io(path, e))
    }
}

impl Exporter for CorpusJson {
    fn start(&self, dir: &Path) -> Result<Box<dyn ExportSink>, ExportError> {
        Ok(Box::new(Sink::open(dir, CORPUS_FILE, false)?))
    }
}

impl Exporter for Ndjson {
    fn start(&self, dir: &Path) -> Result<Box<dyn ExportSink>, ExportError> {
        Ok(Box::new(Sink::open(dir, NDJSON_FILE, true)?))
    }
}

register_exporter! {
    name: "json",
    description: "The whole corpus as one JSON document that validates against schemas/corpus.schema.json.",
    writes: &[CORPUS_FILE, DATASET_FILE],
    exporter: &CorpusJson,
}

register_exporter! {
    name: "ndjson",
    description: "One report per line as JSON (NDJSON), for streaming tools.",
    writes: &[NDJSON_FILE],
    exporter: &Ndjson,
}
