//! Arrow exporter: `arrow` writes one [Arrow IPC file](https://arrow.apache.org/docs/format/Columnar.html#ipc-file-format)
//! (the random-access file format, not the stream format) per table of
//! [`nectar_tables::TABLES`], `<table>.arrow`: `reports.arrow`, `meetings.arrow`,
//! `figures.arrow`, `votes.arrow`, `decisions.arrow`, `people.arrow`, `persons.arrow`, `agenda_items.arrow` and
//! `comments.arrow`. They open directly in pyarrow (`pyarrow.ipc.open_file`), polars
//! (`pl.read_ipc`) and R's `arrow::read_ipc_file`.
//!
//! # Schema
//!
//! Each file has its table's columns, in the same order and with the same names as
//! [`nectar_tables::TABLES`] (and so as the CSV files). A column is nullable unless it is
//! `required`. Types:
//!
//! | [`ColumnType`](nectar_tables::ColumnType) | Arrow type |
//! |---|---|
//! | `String` | `Utf8`; `Dictionary(Int32, Utf8)` when the column's values repeat (`repeats`) |
//! | `Enum(names)` | `Dictionary(Int32, Utf8)`, the dictionary being every name in declared order |
//! | `Integer` | `Int64` |
//! | `Number` | `Float64` |
//! | `Boolean` | `Boolean` |
//! | `PartialDate` | `Date32`: the date's first day (`2020-07` is 2020-07-01; the `*_precision` column beside it says how much is known) |
//! | `DateTime` | `Timestamp(Millisecond, None)`: a wall-clock time, see below |
//!
//! Every field's metadata has its `description`; the schema's metadata has `table`,
//! `description` and `primary_key` (column names joined with `,`).
//!
//! **Times have no time zone.** Sites show a comment's time in their own local time, and
//! nectar's sources are UK sites, so `comments.posted_at` is usually UK local time (GMT in
//! winter, BST in summer), but a report never says which zone, and nectar does not guess. It
//! is stored as Arrow's time-zone-less timestamp, which the Arrow format defines as a
//! wall-clock time in an unknown zone: the time exactly as the site shows it, not converted to
//! UTC. (Labelling it `UTC` would be wrong by an hour for every summer comment; labelling it
//! `Europe/London` would need a conversion to UTC that nectar cannot check.) The unit is the
//! millisecond, although sites show at most seconds, so that the Arrow and Parquet files have
//! one schema: Parquet has no unit of seconds.
//!
//! # Streaming and atomicity
//!
//! Reports are turned into rows ([`nectar_tables::rows`]) as they arrive and buffered per
//! table; every [`BATCH_ROWS`] rows of a table are written as one record batch, so memory
//! holds at most one batch per table, never the corpus. Repeating text columns keep one
//! dictionary per column for the whole file: a later batch only adds the values it brings,
//! written as an IPC *delta* dictionary (the file format allows deltas but not replacements).
//! Enum columns' dictionaries are their fixed list of names and never change.
//!
//! Every file is written to a temporary file in the folder; [`ExportSink::finish`] renames
//! them into place only once every table has been written completely, and a failed or
//! dropped export removes its temporary files and leaves the folder's earlier files as they
//! were. The same reports give byte-identical files.
//!
//! ```
//! use arrow_array::{Array, Date32Array, Float64Array};
//! use arrow_ipc::reader::FileReader;
//! use nectar_registry::{Dataset, ExportSink, Exporter};
//!
//! let report = nectar_model::example::report();
//! let dir = tempfile::tempdir().unwrap();
//! let mut sink = nectar_export_arrow::ArrowExporter.start(dir.path()).unwrap();
//! sink.write_report(&report).unwrap();
//! let files = sink.finish(&Dataset::of([&report])).unwrap();
//! assert_eq!(files.len(), nectar_tables::TABLES.len());
//!
//! let file = std::fs::File::open(dir.path().join("figures.arrow")).unwrap();
//! let reader = FileReader::try_new(file, None).unwrap();
//! assert_eq!(reader.schema().metadata()["primary_key"], "figure_id");
//! let batch = reader.into_iter().next().unwrap().unwrap();
//! let value = batch.column_by_name("value").unwrap();
//! let value = value.as_any().downcast_ref::<Float64Array>().unwrap();
//! assert_eq!(value.value(0), 190_000.0);
//!
//! let file = std::fs::File::open(dir.path().join("meetings.arrow")).unwrap();
//! let batch = FileReader::try_new(file, None).unwrap().next().unwrap().unwrap();
//! let date = batch.column_by_name("date").unwrap();
//! let date = date.as_any().downcast_ref::<Date32Array>().unwrap();
//! assert_eq!(date.value_as_date(0).unwrap().to_string(), "2015-03-03");
//! ```
#![deny(missing_docs)]

use nectar_arrow as columns;

use std::io::BufWriter;
use std::path::{Path, PathBuf};

use arrow_ipc::writer::{DictionaryHandling, FileWriter, IpcWriteOptions};
use arrow_schema::{ArrowError, Schema};
use nectar_io::AtomicFile;
use nectar_model::Report;
use nectar_registry::{Dataset, ExportError, ExportSink, Exporter, register_exporter};
use nectar_tables::{TABLES, Table};

pub use columns::BATCH_ROWS;
use columns::{Options, TableBuffer};

/// Writes one Arrow IPC file per table.
#[derive(Debug, Clone, Copy, Default)]
pub struct ArrowExporter;

/// The files `arrow` writes, in the order of [`TABLES`].
pub const FILES: [&str; 12] = [
    "reports.arrow",
    "meetings.arrow",
    "figures.arrow",
    "votes.arrow",
    "decisions.arrow",
    "people.arrow",
    "agenda_items.arrow",
    "comments.arrow",
    "nec_meetings.arrow",
    "claims.arrow",
    "copies.arrow",
    "persons.arrow",
];

const OPTIONS: Options = Options {
    keep_dictionaries: true,
};

/// The Arrow schema of a table's file.
pub fn table_schema(table: &Table) -> Schema {
    columns::schema(table)
}

fn arrow_error(path: &Path, e: ArrowError) -> ExportError {
    match e {
        ArrowError::IoError(_, source) => ExportError::io(path, source),
        e => ExportError::Encode(format!("{}: {e}", path.display())),
    }
}

struct TableFile {
    path: PathBuf,
    buffer: TableBuffer,
    writer: FileWriter<BufWriter<AtomicFile>>,
}

impl TableFile {
    fn create(dir: &Path, table: &'static Table) -> Result<Self, ExportError> {
        let path = dir.join(format!("{}.arrow", table.name));
        let file = AtomicFile::create(&path).map_err(|e| ExportError::io(&path, e))?;
        let buffer = TableBuffer::new(table, OPTIONS);
        let options =
            IpcWriteOptions::default().with_dictionary_handling(DictionaryHandling::Delta);
        let writer =
            FileWriter::try_new_with_options(BufWriter::new(file), buffer.schema(), options)
                .map_err(|e| arrow_error(&path, e))?;
        Ok(Self {
            path,
            buffer,
            writer,
        })
    }

    fn flush(&mut self) -> Result<(), ExportError> {
        let batch = self
            .buffer
            .take_batch()
            .map_err(|e| arrow_error(&self.path, e))?;
        self.writer
            .write(&batch)
            .map_err(|e| arrow_error(&self.path, e))
    }

    /// Writes the rest and the footer; the file is complete but not yet in place.
    fn close(mut self) -> Result<(PathBuf, AtomicFile), ExportError> {
        if !self.buffer.is_empty() {
            self.flush()?;
        }
        let path = self.path;
        let file = self
            .writer
            .into_inner()
            .map_err(|e| arrow_error(&path, e))?
            .into_inner()
            .map_err(|e| ExportError::io(&path, e.into_error()))?;
        Ok((path, file))
    }
}

struct Sink {
    tables: Vec<TableFile>,
}

impl ExportSink for Sink {
    fn write_report(&mut self, report: &Report) -> Result<(), ExportError> {
        for (table, rows) in self.tables.iter_mut().zip(nectar_tables::rows(report)) {
            for row in &rows {
                table.buffer.push(row).map_err(ExportError::Encode)?;
                if table.buffer.len() >= BATCH_ROWS {
                    table.flush()?;
                }
            }
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>, dataset: &Dataset) -> Result<Vec<PathBuf>, ExportError> {
        for (table, rows) in dataset.tables() {
            let at = nectar_tables::table_index(table.name);
            let file = &mut self.tables[at];
            for row in rows {
                file.buffer.push(row).map_err(ExportError::Encode)?;
                if file.buffer.len() >= BATCH_ROWS {
                    file.flush()?;
                }
            }
        }
        let files = self
            .tables
            .into_iter()
            .map(TableFile::close)
            .collect::<Result<Vec<_>, _>>()?;
        nectar_io::commit_all(files.into_iter().map(|(_, file)| file).collect())
            .map_err(|(path, e)| ExportError::io(path, e))
    }
}

impl Exporter for ArrowExporter {
    fn start(&self, dir: &Path) -> Result<Box<dyn ExportSink>, ExportError> {
        let tables = TABLES
            .iter()
            .map(|table| TableFile::create(dir, table))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Box::new(Sink { tables }))
    }
}

register_exporter! {
    name: "arrow",
    description: "One Arrow IPC file per table, typed and documented, with dictionary-encoded repeating text.",
    writes: &FILES,
    exporter: &ArrowExporter,
}

#[cfg(test)]
mod tests {
    use super::*;
    use nectar_tables::Cell;

    #[test]
    fn files_follow_tables() {
        assert_eq!(FILES.len(), TABLES.len());
        for (file, table) in FILES.iter().zip(TABLES) {
            assert_eq!(*file, format!("{}.arrow", table.name));
        }
    }

    #[test]
    fn a_bad_row_fails_the_export_and_leaves_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("arrow");
        std::fs::create_dir(&out).expect("mkdir");
        std::fs::write(out.join("figures.arrow"), b"earlier").expect("write");
        let mut sink = Box::new(Sink {
            tables: TABLES
                .iter()
                .map(|t| TableFile::create(&out, t))
                .collect::<Result<_, _>>()
                .expect("start"),
        });
        let mut row = vec![Cell::Null; TABLES[2].columns.len()];
        row[4] = Cell::Str("not a number".into());
        let err = sink.tables[2]
            .buffer
            .push(&row)
            .expect_err("a string in a number column");
        assert!(err.contains("figures.value"), "{err}");
        // A required column left null fails when the batch is made.
        sink.tables[2] = TableFile::create(&out, &TABLES[2]).expect("create");
        let row = vec![Cell::Null; TABLES[2].columns.len()];
        sink.tables[2].buffer.push(&row).expect("nulls are taken");
        let err = sink
            .finish(&Dataset::default())
            .expect_err("nulls in required columns");
        assert!(err.to_string().contains("figures.arrow"), "{err}");
        let left: Vec<_> = std::fs::read_dir(&out)
            .expect("read_dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(left, ["figures.arrow"], "only the earlier file is left");
        assert_eq!(
            std::fs::read(out.join("figures.arrow")).expect("read"),
            b"earlier"
        );
    }
}
