//! nectar's tables in Arrow: the schema of each table of [`nectar_tables::TABLES`] and the
//! column builders that turn rows into record batches. The `arrow` and `parquet` exporters
//! share it; it registers no plugin, so linking it registers neither exporter.
//!
//! ```
//! use nectar_arrow::{Options, TableBuffer, schema};
//! let figures = nectar_tables::TABLES.iter().find(|t| t.name == "figures").unwrap();
//! let schema = schema(figures);
//! assert_eq!(schema.field(0).name(), "figure_id");
//! let buffer = TableBuffer::new(figures, Options { keep_dictionaries: true });
//! assert!(buffer.is_empty());
//! ```
#![deny(missing_docs)]

use std::collections::HashMap;
use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, StringBuilder,
};
use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int32Type, Int64Type, TimestampMillisecondType};
use arrow_array::{
    Array, ArrayRef, DictionaryArray, Int32Array, RecordBatch, StringArray,
    TimestampMillisecondArray,
};
use arrow_schema::{ArrowError, DataType, Field, Metadata, Schema, SchemaRef, TimeUnit};
use chrono::Datelike;
use nectar_model::PartialDate;
use nectar_tables::{Cell, Column, ColumnType, Row, Table};

/// Rows per record batch (and so per Parquet row group).
pub const BATCH_ROWS: usize = 8192;

/// How a format wants its columns.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Whether dictionaries grow across batches (each batch's dictionary starts with the
    /// previous one's values, as the Arrow IPC file format needs) or start afresh per batch.
    pub keep_dictionaries: bool,
}

/// The Arrow type of a column (see the crate docs for the mapping).
pub fn data_type(column: &Column) -> DataType {
    let dictionary = || DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8));
    match column.ty {
        ColumnType::String if column.repeats => dictionary(),
        ColumnType::String => DataType::Utf8,
        ColumnType::Enum(_) => dictionary(),
        ColumnType::Integer => DataType::Int64,
        ColumnType::Number => DataType::Float64,
        ColumnType::Boolean => DataType::Boolean,
        ColumnType::PartialDate => DataType::Date32,
        ColumnType::DateTime => DataType::Timestamp(TimeUnit::Millisecond, None),
    }
}

/// The Arrow schema of a table: its columns in order, nullable unless required, each with its
/// `description`; the schema's metadata holds `table`, `description` and `primary_key`
/// (comma-joined).
pub fn schema(table: &Table) -> Schema {
    let fields: Vec<Field> = table
        .columns
        .iter()
        .map(|c| {
            Field::new(c.name, data_type(c), !c.required)
                .with_metadata(Metadata::new().with("description", c.description))
        })
        .collect();
    Schema::new_with_metadata(
        fields,
        Metadata::new()
            .with("table", table.name)
            .with("description", table.description)
            .with("primary_key", table.primary_key.join(",")),
    )
}

/// Dictionary-encoded text: keys into a list of distinct values.
#[derive(Debug, Default)]
struct Dictionary {
    keys: Vec<Option<i32>>,
    values: Vec<String>,
    index: HashMap<String, i32>,
    /// An enum's names: the whole dictionary, fixed, in declared order.
    fixed: bool,
}

impl Dictionary {
    /// An enum's dictionary: its names, in declared order, and no others.
    fn with_names(names: &[&str]) -> Self {
        let mut dict = Self::default();
        for name in names {
            dict.insert(name);
        }
        dict.fixed = true;
        dict
    }

    /// The key of a value, adding it unless the dictionary is an enum's.
    fn key(&mut self, value: &str) -> Option<i32> {
        match self.index.get(value) {
            Some(&key) => Some(key),
            None if self.fixed => None,
            None => self.insert(value),
        }
    }

    fn insert(&mut self, value: &str) -> Option<i32> {
        let key = i32::try_from(self.values.len()).ok()?;
        self.values.push(value.to_owned());
        self.index.insert(value.to_owned(), key);
        Some(key)
    }
}

/// One column's values of the batch being built.
#[derive(Debug)]
enum Builder {
    Text(StringBuilder),
    Dictionary(Dictionary),
    Integer(Int64Builder),
    Number(Float64Builder),
    Boolean(BooleanBuilder),
    Date(Date32Builder),
    /// Milliseconds since 1970-01-01T00:00:00 of the naive (wall-clock) time.
    DateTime(Vec<Option<i64>>),
}

impl Builder {
    fn new(column: &Column) -> Self {
        match column.ty {
            ColumnType::String if column.repeats => Self::Dictionary(Dictionary::default()),
            ColumnType::String => Self::Text(StringBuilder::new()),
            ColumnType::Enum(names) => Self::Dictionary(Dictionary::with_names(names)),
            ColumnType::Integer => Self::Integer(Int64Builder::new()),
            ColumnType::Number => Self::Number(Float64Builder::new()),
            ColumnType::Boolean => Self::Boolean(BooleanBuilder::new()),
            ColumnType::PartialDate => Self::Date(Date32Builder::new()),
            ColumnType::DateTime => Self::DateTime(Vec::new()),
        }
    }

    /// Appends a cell; `Err` names what was wrong with it.
    fn push(&mut self, cell: &Cell) -> Result<(), String> {
        match (self, cell) {
            (Self::Text(b), Cell::Null) => b.append_null(),
            (Self::Text(b), Cell::Str(s)) => b.append_value(s),
            (Self::Dictionary(d), Cell::Null) => d.keys.push(None),
            (Self::Dictionary(d), Cell::Str(s)) => {
                let key = d.key(s).ok_or_else(|| {
                    if d.fixed {
                        format!("{s:?} is not one of its names")
                    } else {
                        "more than 2^31 distinct values".to_owned()
                    }
                })?;
                d.keys.push(Some(key));
            }
            (Self::Integer(b), Cell::Null) => b.append_null(),
            (Self::Integer(b), Cell::Int(i)) => b.append_value(*i),
            (Self::Number(b), Cell::Null) => b.append_null(),
            (Self::Number(b), Cell::Num(n)) => b.append_value(*n),
            (Self::Number(b), Cell::Int(i)) => b.append_value(*i as f64),
            (Self::Boolean(b), Cell::Null) => b.append_null(),
            (Self::Boolean(b), Cell::Bool(v)) => b.append_value(*v),
            (Self::Date(b), Cell::Null) => b.append_null(),
            (Self::Date(b), Cell::Date(d)) => {
                b.append_value(Date32Type::from_naive_date(d.first_day()));
            }
            (Self::DateTime(v), Cell::Null) => v.push(None),
            (Self::DateTime(v), Cell::DateTime(t)) => v.push(Some(t.and_utc().timestamp_millis())),
            (_, cell) => return Err(format!("a value of the wrong type: {cell:?}")),
        }
        Ok(())
    }

    /// The values so far as an array; the builder starts the next batch.
    fn finish(&mut self, options: Options) -> Result<ArrayRef, ArrowError> {
        Ok(match self {
            Self::Text(b) => Arc::new(b.finish()),
            Self::Integer(b) => Arc::new(b.finish()),
            Self::Number(b) => Arc::new(b.finish()),
            Self::Boolean(b) => Arc::new(b.finish()),
            Self::Date(b) => Arc::new(b.finish()),
            Self::DateTime(v) => Arc::new(TimestampMillisecondArray::from(std::mem::take(v))),
            Self::Dictionary(d) => {
                let keys = Int32Array::from(std::mem::take(&mut d.keys));
                let values = StringArray::from_iter_values(&d.values);
                if !options.keep_dictionaries && !d.fixed {
                    d.values.clear();
                    d.index.clear();
                }
                Arc::new(DictionaryArray::try_new(keys, Arc::new(values))?)
            }
        })
    }
}

/// The rows of one table not yet written, column by column.
#[derive(Debug)]
pub struct TableBuffer {
    table: &'static Table,
    schema: SchemaRef,
    options: Options,
    builders: Vec<Builder>,
    rows: usize,
}

impl TableBuffer {
    /// An empty buffer for `table`.
    pub fn new(table: &'static Table, options: Options) -> Self {
        Self {
            table,
            schema: Arc::new(schema(table)),
            options,
            builders: table.columns.iter().map(Builder::new).collect(),
            rows: 0,
        }
    }

    /// The table's schema.
    pub fn schema(&self) -> &SchemaRef {
        &self.schema
    }

    /// How many rows are buffered.
    pub fn len(&self) -> usize {
        self.rows
    }

    /// Whether no row is buffered.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// Appends a row; `Err` names the table, the column and the problem.
    ///
    /// A row that fails leaves the buffer unusable (its columns may differ in length); the
    /// export it belongs to has failed.
    pub fn push(&mut self, row: &[Cell]) -> Result<(), String> {
        if row.len() != self.builders.len() {
            return Err(format!(
                "{}: a row of {} cells for {} columns",
                self.table.name,
                row.len(),
                self.builders.len()
            ));
        }
        for ((builder, cell), column) in self.builders.iter_mut().zip(row).zip(self.table.columns) {
            builder
                .push(cell)
                .map_err(|e| format!("{}.{}: {e}", self.table.name, column.name))?;
        }
        self.rows += 1;
        Ok(())
    }

    /// The buffered rows as one record batch; the buffer is empty afterwards.
    pub fn take_batch(&mut self) -> Result<RecordBatch, ArrowError> {
        let columns = self
            .builders
            .iter_mut()
            .map(|b| b.finish(self.options))
            .collect::<Result<Vec<_>, _>>()?;
        self.rows = 0;
        RecordBatch::try_new(self.schema.clone(), columns)
    }
}

/// The text values of a column, whether plain or dictionary-encoded.
fn texts(array: &dyn Array) -> Option<Vec<Option<String>>> {
    if let Some(strings) = array.as_string_opt::<i32>() {
        return Some(
            (0..strings.len())
                .map(|i| strings.is_valid(i).then(|| strings.value(i).to_owned()))
                .collect(),
        );
    }
    let dict = array.as_dictionary_opt::<Int32Type>()?;
    let values = dict.values().as_string_opt::<i32>()?;
    Some(
        dict.keys()
            .iter()
            .map(|k| {
                k.and_then(|k| usize::try_from(k).ok())
                    .map(|k| values.value(k).to_owned())
            })
            .collect(),
    )
}

/// Reads a record batch of `table` (as [`TableBuffer`] wrote it, from an Arrow or Parquet
/// file) back into rows: the inverse of [`TableBuffer::push`]. A date comes back at the
/// precision its `*_precision` column gives ([`nectar_tables::precision_column`]). `Err`
/// names the column that is missing or of another type.
pub fn read_rows(table: &Table, batch: &RecordBatch) -> Result<Vec<Row>, String> {
    let n = batch.num_rows();
    let mut rows: Vec<Row> = vec![Vec::with_capacity(table.columns.len()); n];
    let column = |name: &str| {
        batch
            .column_by_name(name)
            .ok_or_else(|| format!("{}: no column {name}", table.name))
    };
    let wrong = |name: &str| format!("{}.{name}: a column of another type", table.name);
    for c in table.columns {
        let array = column(c.name)?;
        let cells: Vec<Cell> = match c.ty {
            ColumnType::String | ColumnType::Enum(_) => texts(array.as_ref())
                .ok_or_else(|| wrong(c.name))?
                .into_iter()
                .map(|v| v.map_or(Cell::Null, Cell::Str))
                .collect(),
            ColumnType::Integer => {
                let a = array
                    .as_primitive_opt::<Int64Type>()
                    .ok_or_else(|| wrong(c.name))?;
                (0..n)
                    .map(|i| {
                        if a.is_valid(i) {
                            Cell::Int(a.value(i))
                        } else {
                            Cell::Null
                        }
                    })
                    .collect()
            }
            ColumnType::Number => {
                let a = array
                    .as_primitive_opt::<Float64Type>()
                    .ok_or_else(|| wrong(c.name))?;
                (0..n)
                    .map(|i| {
                        if a.is_valid(i) {
                            Cell::Num(a.value(i))
                        } else {
                            Cell::Null
                        }
                    })
                    .collect()
            }
            ColumnType::Boolean => {
                let a = array.as_boolean_opt().ok_or_else(|| wrong(c.name))?;
                (0..n)
                    .map(|i| {
                        if a.is_valid(i) {
                            Cell::Bool(a.value(i))
                        } else {
                            Cell::Null
                        }
                    })
                    .collect()
            }
            ColumnType::PartialDate => {
                let a = array
                    .as_primitive_opt::<Date32Type>()
                    .ok_or_else(|| wrong(c.name))?;
                let precision = match nectar_tables::precision_column(table, c.name) {
                    Some(p) => texts(column(p)?.as_ref()).ok_or_else(|| wrong(p))?,
                    None => vec![None; n],
                };
                (0..n)
                    .map(|i| {
                        let Some(day) = a
                            .is_valid(i)
                            .then(|| Date32Type::to_naive_date_opt(a.value(i)))
                            .flatten()
                        else {
                            return Cell::Null;
                        };
                        let date = PartialDate::from_naive(day);
                        Cell::Date(match precision[i].as_deref() {
                            Some("month") => {
                                PartialDate::ym(day.year(), day.month()).unwrap_or(date)
                            }
                            Some("year") => PartialDate::y(day.year()),
                            _ => date,
                        })
                    })
                    .collect()
            }
            ColumnType::DateTime => {
                let a = array
                    .as_primitive_opt::<TimestampMillisecondType>()
                    .ok_or_else(|| wrong(c.name))?;
                (0..n)
                    .map(|i| {
                        a.is_valid(i)
                            .then(|| chrono::DateTime::from_timestamp_millis(a.value(i)))
                            .flatten()
                            .map_or(Cell::Null, |t| Cell::DateTime(t.naive_utc()))
                    })
                    .collect()
            }
        };
        for (row, cell) in rows.iter_mut().zip(cells) {
            row.push(cell);
        }
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meetings() -> &'static Table {
        &nectar_tables::TABLES[1]
    }

    #[test]
    fn rows_read_back_as_they_were_written() {
        let report: nectar_model::Report = nectar_model::example::report();
        let mut tables = nectar_tables::rows(&report);
        tables[1] = nectar_tables::meeting_rows(&report);
        // A month-only publication date comes back a month.
        let reports = &mut tables[0][0];
        reports[6] = Cell::Date(PartialDate::ym(2015, 3).expect("a month"));
        reports[7] = Cell::Str("month".into());
        for (table, rows) in nectar_tables::TABLES.iter().zip(&tables) {
            for keep in [true, false] {
                let mut buffer = TableBuffer::new(
                    table,
                    Options {
                        keep_dictionaries: keep,
                    },
                );
                for row in rows {
                    buffer.push(row).expect("a row");
                }
                let batch = buffer.take_batch().expect("a batch");
                assert_eq!(
                    &read_rows(table, &batch).expect("rows"),
                    rows,
                    "{}",
                    table.name
                );
            }
        }
    }

    #[test]
    fn an_enum_takes_only_its_names() {
        let table = meetings();
        let kind = table.column("kind").expect("kind");
        let mut builder = Builder::new(&table.columns[kind]);
        builder.push(&Cell::Str("full".into())).expect("a kind");
        let err = builder
            .push(&Cell::Str("picnic".into()))
            .expect_err("not a kind");
        assert!(err.contains("picnic"), "{err}");
    }

    fn dictionary_lengths(keep_dictionaries: bool) -> Vec<usize> {
        let table = meetings();
        let body = table.column("body").expect("body");
        let mut builder = Builder::new(&table.columns[body]);
        let options = Options { keep_dictionaries };
        let mut lengths = Vec::new();
        for names in [["a", "b"], ["b", "c"]] {
            for name in names {
                builder.push(&Cell::Str(name.into())).expect("text");
            }
            let array = builder.finish(options).expect("an array");
            let dict = array.as_dictionary::<Int32Type>();
            assert_eq!(dict.len(), 2);
            lengths.push(dict.values().len());
        }
        lengths
    }

    #[test]
    fn dictionaries_grow_or_start_afresh() {
        assert_eq!(dictionary_lengths(true), [2, 3]);
        assert_eq!(dictionary_lengths(false), [2, 2]);
    }
}
