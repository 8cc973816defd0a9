//! Parquet exporter: `parquet` writes one zstd-compressed [Apache Parquet](https://parquet.apache.org/)
//! file per table of [`nectar_tables::TABLES`], `<table>.parquet` (`reports.parquet`,
//! `meetings.parquet`, `figures.parquet`, ..., `nec_meetings.parquet`, `claims.parquet`,
//! `persons.parquet`). They open in DuckDB (`SELECT * FROM 'figures.parquet'`), pandas,
//! polars, Spark and R. [`write_table`] and [`read_table`] write and read one table's file
//! (`nectar build --shard` and `nectar merge` use them).
//!
//! # Schema
//!
//! Each file has its table's columns, in the same order and with the same names as
//! [`nectar_tables::TABLES`] (and so as the CSV and Arrow files). A column is optional
//! unless it is `required`. The Arrow schema written into the file (`ARROW:schema`, which
//! Arrow-based readers use) has these types, and the Parquet types follow from them:
//!
//! | [`ColumnType`](nectar_tables::ColumnType) | Arrow type | Parquet type |
//! |---|---|---|
//! | `String` | `Utf8`; `Dictionary(Int32, Utf8)` when values repeat (`repeats`) | `BYTE_ARRAY` (`STRING`) |
//! | `Enum(names)` | `Dictionary(Int32, Utf8)` | `BYTE_ARRAY` (`STRING`) |
//! | `Integer` | `Int64` | `INT64` |
//! | `Number` | `Float64` | `DOUBLE` |
//! | `Boolean` | `Boolean` | `BOOLEAN` |
//! | `PartialDate` | `Date32`: the date's first day (`2020-07` is 2020-07-01; the `*_precision` column beside it says how much is known) | `INT32` (`DATE`) |
//! | `DateTime` | `Timestamp(Millisecond, None)`: a wall-clock time, see below | `INT64` (`TIMESTAMP(MILLIS, isAdjustedToUTC=false)`) |
//!
//! Text columns are dictionary-encoded in the file whatever their Arrow type (Parquet's
//! writer dictionary-encodes every column while the dictionary stays small); the Arrow
//! dictionary type tells Arrow-based readers to read repeating text back as dictionaries
//! (categoricals). Times are in milliseconds because Parquet has no unit of seconds (a
//! `Timestamp(Second)` column would be written as a bare integer that DuckDB or Spark would
//! not know as a time); the Arrow files use the same unit, so both have one schema.
//!
//! Every field's Arrow metadata has its `description`; the schema's metadata has `table`,
//! `description` and `primary_key` (column names joined with `,`), also written as the file's
//! Parquet key-value metadata for readers that ignore the Arrow schema.
//!
//! **Times have no time zone.** Sites show a comment's time in their own local time, and
//! nectar's sources are UK sites, so `comments.posted_at` is usually UK local time (GMT in
//! winter, BST in summer), but a report never says which zone, and nectar does not guess. It
//! is stored as a time-zone-less timestamp (`isAdjustedToUTC=false`), which both Parquet and
//! Arrow define as a local, wall-clock time: the time exactly as the site shows it, not
//! converted to UTC.
//!
//! # Streaming and atomicity
//!
//! Reports are turned into rows ([`nectar_tables::rows`]) as they arrive and buffered per
//! table; every [`BATCH_ROWS`] rows of a table are handed to Parquet's writer, which writes
//! row groups of at most [`BATCH_ROWS`] rows, so memory holds at most about one row group per
//! table, never the corpus.
//!
//! Every file is written to a temporary file in the folder; [`ExportSink::finish`] renames
//! them into place only once every table has been written completely, and a failed or
//! dropped export removes its temporary files and leaves the folder's earlier files as they
//! were. The same reports give byte-identical files (the writer records no time and no random
//! value; its `created_by` is `parquet-rs version <version>`).
//!
//! ```
//! use arrow_array::{Array, Date32Array, Float64Array};
//! use nectar_registry::{Dataset, ExportSink, Exporter};
//! use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
//!
//! let report = nectar_model::example::report();
//! let dir = tempfile::tempdir().unwrap();
//! let mut sink = nectar_export_parquet::ParquetExporter.start(dir.path()).unwrap();
//! sink.write_report(&report).unwrap();
//! let files = sink.finish(&Dataset::of([&report])).unwrap();
//! assert_eq!(files.len(), nectar_tables::TABLES.len());
//!
//! let file = std::fs::File::open(dir.path().join("figures.parquet")).unwrap();
//! let reader = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
//! assert_eq!(reader.schema().metadata()["primary_key"], "figure_id");
//! let batch = reader.build().unwrap().next().unwrap().unwrap();
//! let value = batch.column_by_name("value").unwrap();
//! let value = value.as_any().downcast_ref::<Float64Array>().unwrap();
//! assert_eq!(value.value(0), 190_000.0);
//!
//! let file = std::fs::File::open(dir.path().join("meetings.parquet")).unwrap();
//! let mut reader = ParquetRecordBatchReaderBuilder::try_new(file).unwrap().build().unwrap();
//! let batch = reader.next().unwrap().unwrap();
//! let date = batch.column_by_name("date").unwrap();
//! let date = date.as_any().downcast_ref::<Date32Array>().unwrap();
//! assert_eq!(date.value_as_date(0).unwrap().to_string(), "2015-03-03");
//! ```
#![deny(missing_docs)]

use std::path::{Path, PathBuf};

use nectar_model::Report;
use nectar_parquet::TableFile;
use nectar_registry::{Dataset, ExportError, ExportSink, Exporter, register_exporter};
use nectar_tables::TABLES;

pub use nectar_arrow::BATCH_ROWS;
pub use nectar_parquet::{read_table, table_schema, write_table, writer_properties};

/// Writes one Parquet file per table.
#[derive(Debug, Clone, Copy, Default)]
pub struct ParquetExporter;

/// The files `parquet` writes, in the order of [`TABLES`].
pub const FILES: [&str; 12] = [
    "reports.parquet",
    "meetings.parquet",
    "figures.parquet",
    "votes.parquet",
    "decisions.parquet",
    "people.parquet",
    "agenda_items.parquet",
    "comments.parquet",
    "nec_meetings.parquet",
    "claims.parquet",
    "copies.parquet",
    "persons.parquet",
];

struct Sink {
    tables: Vec<TableFile>,
}

impl ExportSink for Sink {
    fn write_report(&mut self, report: &Report) -> Result<(), ExportError> {
        for (table, rows) in self.tables.iter_mut().zip(nectar_tables::rows(report)) {
            for row in &rows {
                table.push(row)?;
            }
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>, dataset: &Dataset) -> Result<Vec<PathBuf>, ExportError> {
        for (table, rows) in dataset.tables() {
            let at = nectar_tables::table_index(table.name);
            let file = &mut self.tables[at];
            for row in rows {
                file.push(row)?;
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

impl Exporter for ParquetExporter {
    fn start(&self, dir: &Path) -> Result<Box<dyn ExportSink>, ExportError> {
        let tables = TABLES
            .iter()
            .map(|table| TableFile::create(dir, table))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Box::new(Sink { tables }))
    }
}

register_exporter! {
    name: "parquet",
    description: "One zstd-compressed Parquet file per table, typed and documented, in row groups of 8192 rows.",
    writes: &FILES,
    exporter: &ParquetExporter,
}

#[cfg(test)]
mod tests {
    use super::*;
    use nectar_tables::Cell;

    #[test]
    fn files_follow_tables() {
        assert_eq!(FILES.len(), TABLES.len());
        for (file, table) in FILES.iter().zip(TABLES) {
            assert_eq!(*file, format!("{}.parquet", table.name));
        }
    }

    #[test]
    fn a_bad_row_fails_the_export_and_leaves_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("parquet");
        std::fs::create_dir(&out).expect("mkdir");
        std::fs::write(out.join("figures.parquet"), b"earlier").expect("write");
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
            .push(&row)
            .expect_err("a string in a number column");
        assert!(err.to_string().contains("figures.value"), "{err}");
        // A required column left null fails when the batch is made.
        sink.tables[2] = TableFile::create(&out, &TABLES[2]).expect("create");
        let row = vec![Cell::Null; TABLES[2].columns.len()];
        sink.tables[2].push(&row).expect("nulls are taken");
        let err = sink
            .finish(&Dataset::default())
            .expect_err("nulls in required columns");
        assert!(err.to_string().contains("figures.parquet"), "{err}");
        let left: Vec<_> = std::fs::read_dir(&out)
            .expect("read_dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(left, ["figures.parquet"], "only the earlier file is left");
        assert_eq!(
            std::fs::read(out.join("figures.parquet")).expect("read"),
            b"earlier"
        );
    }
}
