//! nectar's tables as Parquet files: the writer's settings, a table's file written a batch at a
//! time ([`TableFile`]) or at once ([`write_table`]), and read back into rows
//! ([`read_table`]). The `parquet` exporter writes with it; `nectar build --shard` and
//! `nectar merge` write and read shards' partitioned files with it.
//!
//! ```
//! let report = nectar_model::example::report();
//! let figures = &nectar_tables::TABLES[nectar_tables::table_index("figures")];
//! let rows = &nectar_tables::rows(&report)[nectar_tables::table_index("figures")];
//! let dir = tempfile::tempdir().unwrap();
//! let path = dir.path().join("figures/year=2015/part-1-of-2.parquet");
//! let file = nectar_parquet::write_table(&path, figures, rows).unwrap();
//! nectar_io::commit_all(vec![file]).unwrap();
//! assert_eq!(&nectar_parquet::read_table(&path, figures).unwrap(), rows);
//! ```
#![deny(missing_docs)]

use std::path::{Path, PathBuf};

use arrow_schema::Schema;
use nectar_arrow::{BATCH_ROWS, Options, TableBuffer};
use nectar_io::AtomicFile;
use nectar_registry::ExportError;
use nectar_tables::{Cell, Row, Table};
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::basic::{Compression, ZstdLevel};
use parquet::errors::ParquetError;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;

/// Parquet files start each row group's dictionaries afresh.
const OPTIONS: Options = Options {
    keep_dictionaries: false,
};

/// The Arrow schema of a table's file (as Arrow-based readers read it back).
pub fn table_schema(table: &Table) -> Schema {
    nectar_arrow::schema(table)
}

/// The writer's settings for a table: zstd, row groups of at most [`BATCH_ROWS`] rows, and the
/// table's name, description and primary key as key-value metadata.
pub fn writer_properties(table: &Table) -> WriterProperties {
    WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::default()))
        .set_max_row_group_row_count(Some(BATCH_ROWS))
        .set_key_value_metadata(Some(vec![
            KeyValue::new("table".to_owned(), table.name.to_owned()),
            KeyValue::new("description".to_owned(), table.description.to_owned()),
            KeyValue::new("primary_key".to_owned(), table.primary_key.join(",")),
        ]))
        .build()
}

/// A Parquet error on `path` as an export error (an I/O error stays one).
pub fn parquet_error(path: &Path, e: ParquetError) -> ExportError {
    match e {
        ParquetError::External(e) => match e.downcast::<std::io::Error>() {
            Ok(io) => ExportError::io(path, *io),
            Err(e) => ExportError::Encode(format!("{}: {e}", path.display())),
        },
        e => ExportError::Encode(format!("{}: {e}", path.display())),
    }
}

/// A table's Parquet file being written: rows are buffered and handed to the writer a
/// batch at a time; [`TableFile::close`] completes it, not yet in place.
pub struct TableFile {
    path: PathBuf,
    buffer: TableBuffer,
    writer: ArrowWriter<AtomicFile>,
}

impl std::fmt::Debug for TableFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TableFile")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl TableFile {
    /// Starts `<table>.parquet` in `dir`.
    pub fn create(dir: &Path, table: &'static Table) -> Result<Self, ExportError> {
        Self::create_at(dir.join(format!("{}.parquet", table.name)), table)
    }

    /// Starts a file of `table` at `path`.
    pub fn create_at(path: PathBuf, table: &'static Table) -> Result<Self, ExportError> {
        let file = AtomicFile::create(&path).map_err(|e| ExportError::io(&path, e))?;
        let buffer = TableBuffer::new(table, OPTIONS);
        // The writer buffers its output itself.
        let writer = ArrowWriter::try_new(
            file,
            buffer.schema().clone(),
            Some(writer_properties(table)),
        )
        .map_err(|e| parquet_error(&path, e))?;
        Ok(Self {
            path,
            buffer,
            writer,
        })
    }

    /// Appends a row, writing a batch when [`BATCH_ROWS`] are buffered.
    pub fn push(&mut self, row: &[Cell]) -> Result<(), ExportError> {
        self.buffer.push(row).map_err(ExportError::Encode)?;
        if self.buffer.len() >= BATCH_ROWS {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), ExportError> {
        let batch = self
            .buffer
            .take_batch()
            .map_err(|e| ExportError::Encode(format!("{}: {e}", self.path.display())))?;
        self.writer
            .write(&batch)
            .map_err(|e| parquet_error(&self.path, e))
    }

    /// Writes the rest and the footer; the file is complete but not yet in place.
    pub fn close(mut self) -> Result<(PathBuf, AtomicFile), ExportError> {
        if !self.buffer.is_empty() {
            self.flush()?;
        }
        let path = self.path;
        let file = self
            .writer
            .into_inner()
            .map_err(|e| parquet_error(&path, e))?;
        Ok((path, file))
    }
}

/// Writes `rows` of `table` into a Parquet file at `path` (its folders made as needed), as
/// the exporter writes each table; the file is complete but not yet in place: commit it
/// (with the others of the same output, [`nectar_io::commit_all`]) to make it visible.
pub fn write_table(
    path: &Path,
    table: &'static Table,
    rows: &[Row],
) -> Result<AtomicFile, ExportError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| ExportError::io(parent, e))?;
    }
    let mut file = TableFile::create_at(path.to_owned(), table)?;
    for row in rows {
        file.push(row)?;
    }
    Ok(file.close()?.1)
}

/// Reads a Parquet file of `table` (as [`write_table`] or the exporter wrote it) back into
/// rows ([`nectar_arrow::read_rows`]); `Err` names the file.
pub fn read_table(path: &Path, table: &Table) -> Result<Vec<Row>, ExportError> {
    let file = std::fs::File::open(path).map_err(|e| ExportError::io(path, e))?;
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .and_then(|b| b.build())
        .map_err(|e| parquet_error(path, e))?;
    let mut rows = Vec::new();
    for batch in reader {
        let batch = batch.map_err(|e| ExportError::Encode(format!("{}: {e}", path.display())))?;
        rows.extend(
            nectar_arrow::read_rows(table, &batch)
                .map_err(|e| ExportError::Encode(format!("{}: {e}", path.display())))?,
        );
    }
    Ok(rows)
}
