//! Writes the fixture report, reads every file back with parquet's Arrow reader, and checks the
//! schema, the encoding, every value, row groups, compression, determinism and failure
//! handling.

use std::fs::File;
use std::path::Path;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int32Type, Int64Type, TimestampMillisecondType};
use arrow_array::{Array, RecordBatch, StringArray};
use arrow_schema::{DataType, TimeUnit};
use nectar_export_parquet::{BATCH_ROWS, FILES, ParquetExporter, table_schema};
use nectar_model::Report;
use nectar_registry::{Exporter, Registry};
use nectar_tables::{Cell, ColumnType, TABLES};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::basic::{Compression, LogicalType, TimeUnit as ParquetTimeUnit, ZstdLevel};
use parquet::file::reader::{FileReader, SerializedFileReader};

fn fixture() -> Report {
    nectar_model::example::report()
}

fn export(dir: &Path, reports: &[Report]) -> Vec<std::path::PathBuf> {
    let mut sink = ParquetExporter.start(dir).expect("start");
    for report in reports {
        sink.write_report(report).expect("write_report");
    }
    sink.finish(&nectar_registry::Dataset::of(reports))
        .expect("finish")
}

fn read(path: &Path) -> (arrow_schema::SchemaRef, Vec<RecordBatch>) {
    let builder = ParquetRecordBatchReaderBuilder::try_new(File::open(path).expect("open"))
        .expect("a Parquet file");
    let schema = builder.schema().clone();
    let batches = builder
        .with_batch_size(BATCH_ROWS)
        .build()
        .expect("a reader")
        .collect::<Result<Vec<_>, _>>()
        .expect("batches read");
    (schema, batches)
}

/// A cell as it should read back: dates as their first day, times as seconds.
#[derive(Debug, PartialEq)]
enum Value {
    Null,
    Str(String),
    Int(i64),
    Num(f64),
    Bool(bool),
    Date(i32),
    Time(i64),
}

fn expected(cell: &Cell) -> Value {
    match cell {
        Cell::Null => Value::Null,
        Cell::Str(s) => Value::Str(s.clone()),
        Cell::Int(i) => Value::Int(*i),
        Cell::Num(n) => Value::Num(*n),
        Cell::Bool(b) => Value::Bool(*b),
        Cell::Date(d) => Value::Date(Date32Type::from_naive_date(d.first_day())),
        Cell::DateTime(t) => Value::Time(t.and_utc().timestamp_millis()),
    }
}

fn actual(array: &dyn Array, i: usize) -> Value {
    if array.is_null(i) {
        return Value::Null;
    }
    match array.data_type() {
        DataType::Utf8 => Value::Str(array.as_string::<i32>().value(i).to_owned()),
        DataType::Dictionary(..) => {
            let dict = array.as_dictionary::<Int32Type>();
            let values = dict
                .values()
                .as_any()
                .downcast_ref::<StringArray>()
                .expect("utf8 values");
            Value::Str(values.value(dict.keys().value(i) as usize).to_owned())
        }
        DataType::Int64 => Value::Int(array.as_primitive::<Int64Type>().value(i)),
        DataType::Float64 => Value::Num(array.as_primitive::<Float64Type>().value(i)),
        DataType::Boolean => Value::Bool(array.as_boolean().value(i)),
        DataType::Date32 => Value::Date(array.as_primitive::<Date32Type>().value(i)),
        DataType::Timestamp(TimeUnit::Millisecond, None) => {
            Value::Time(array.as_primitive::<TimestampMillisecondType>().value(i))
        }
        other => panic!("unexpected type {other}"),
    }
}

/// Every value of every file equals the rows `nectar_tables::rows` gives.
fn check_values(dir: &Path, reports: &[Report]) {
    let mut rows = vec![Vec::new(); TABLES.len()];
    for report in reports {
        for (all, table) in rows.iter_mut().zip(nectar_tables::rows(report)) {
            all.extend(table);
        }
    }
    let dataset = nectar_registry::Dataset::of(reports);
    for (all, table) in rows.iter_mut().zip(TABLES) {
        all.extend(dataset.rows(table.name).iter().cloned());
    }
    for (table, rows) in TABLES.iter().zip(&rows) {
        let (_, batches) = read(&dir.join(format!("{}.parquet", table.name)));
        let n: usize = batches.iter().map(RecordBatch::num_rows).sum();
        assert_eq!(n, rows.len(), "{} rows", table.name);
        let mut rows = rows.iter();
        for batch in &batches {
            assert!(batch.num_rows() <= BATCH_ROWS);
            for i in 0..batch.num_rows() {
                let row = rows.next().expect("a row");
                for (c, column) in table.columns.iter().enumerate() {
                    assert_eq!(
                        actual(batch.column(c).as_ref(), i),
                        expected(&row[c]),
                        "{}.{} row {i}",
                        table.name,
                        column.name
                    );
                }
            }
        }
    }
}

#[test]
fn schemas_types_and_metadata() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = export(dir.path(), &[fixture()]);
    let names: Vec<_> = files
        .iter()
        .map(|f| f.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, FILES);
    for table in TABLES {
        let (schema, _) = read(&dir.path().join(format!("{}.parquet", table.name)));
        assert_eq!(*schema, table_schema(table), "{}", table.name);
        assert_eq!(schema.metadata()["table"], table.name);
        assert_eq!(schema.metadata()["description"], table.description);
        assert_eq!(
            schema.metadata()["primary_key"],
            table.primary_key.join(",")
        );
        assert_eq!(schema.fields().len(), table.columns.len());
        for (field, column) in schema.fields().iter().zip(table.columns) {
            assert_eq!(field.name(), column.name);
            assert_eq!(field.is_nullable(), !column.required, "{}", column.name);
            assert_eq!(field.metadata()["description"], column.description);
            let dictionary =
                DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8));
            let want = match column.ty {
                ColumnType::String if column.repeats => dictionary,
                ColumnType::String => DataType::Utf8,
                ColumnType::Enum(_) => dictionary,
                ColumnType::Integer => DataType::Int64,
                ColumnType::Number => DataType::Float64,
                ColumnType::Boolean => DataType::Boolean,
                ColumnType::PartialDate => DataType::Date32,
                ColumnType::DateTime => DataType::Timestamp(TimeUnit::Millisecond, None),
            };
            assert_eq!(*field.data_type(), want, "{}.{}", table.name, column.name);
        }
    }
}

#[test]
fn values_read_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let report = fixture();
    export(dir.path(), std::slice::from_ref(&report));
    check_values(dir.path(), std::slice::from_ref(&report));

    let (_, figures) = read(&dir.path().join("figures.parquet"));
    let value = figures[0].column_by_name("value").expect("value");
    assert_eq!(value.as_primitive::<Float64Type>().value(0), 190_000.0);
    let unit = figures[0].column_by_name("unit").expect("unit");
    let unit = unit.as_dictionary::<Int32Type>();
    let names = unit.values().as_string::<i32>();
    let all: Vec<&str> = names.iter().map(|n| n.expect("a name")).collect();
    // Parquet keeps the values a row group uses, not the enum's whole list of names.
    assert_eq!(all, ["count"]);
    assert_eq!(names.value(unit.keys().value(0) as usize), "count");

    let (_, meetings) = read(&dir.path().join("meetings.parquet"));
    let date = meetings[0].column_by_name("date").expect("date");
    let date = date
        .as_primitive::<Date32Type>()
        .value_as_date(0)
        .expect("a date");
    assert_eq!(date.to_string(), "2015-03-03");
    assert!(
        meetings[0]
            .column_by_name("end_date")
            .expect("end_date")
            .is_null(0)
    );

    let (_, votes) = read(&dir.path().join("votes.parquet"));
    let abstain = votes[0].column_by_name("abstain").expect("abstain");
    assert!(abstain.is_null(0));
    assert_eq!(
        votes[0]
            .column_by_name("yes")
            .expect("yes")
            .as_primitive::<Int64Type>()
            .value(0),
        9
    );

    let (_, comments) = read(&dir.path().join("comments.parquet"));
    let posted = comments[0].column_by_name("posted_at").expect("posted_at");
    let posted = posted
        .as_primitive::<TimestampMillisecondType>()
        .value_as_datetime(0)
        .expect("a time");
    assert_eq!(posted.to_string(), "2015-03-04 21:02:00");

    // A table without rows still has its schema.
    let (schema, batches) = read(&dir.path().join("agenda_items.parquet"));
    assert!(report.agenda_items.is_empty());
    assert!(batches.is_empty());
    assert_eq!(
        schema.fields().len(),
        TABLES
            .iter()
            .find(|t| t.name == "agenda_items")
            .expect("agenda_items")
            .columns
            .len()
    );
}

/// Enough reports for several row groups.
fn many_reports(n: usize) -> Vec<Report> {
    let base = fixture();
    (0..n)
        .map(|i| {
            let mut report = base.clone();
            report.report_id = format!("generic-2015-03-03-{i:08x}");
            if i % 3 == 0 {
                report.people[0].name = format!("Person {i}");
            }
            report
        })
        .collect()
}

#[test]
fn several_batches_with_growing_dictionaries() {
    let reports = many_reports(5000);
    let dir = tempfile::tempdir().expect("tempdir");
    export(dir.path(), &reports);
    check_values(dir.path(), &reports);
    let (_, figures) = read(&dir.path().join("figures.parquet"));
    let sizes: Vec<usize> = figures.iter().map(RecordBatch::num_rows).collect();
    assert_eq!(sizes, [BATCH_ROWS, 2 * 5000 - BATCH_ROWS]);
    let file = File::open(dir.path().join("figures.parquet")).expect("open");
    let meta = SerializedFileReader::new(file)
        .expect("a Parquet file")
        .metadata()
        .clone();
    let groups: Vec<i64> = meta.row_groups().iter().map(|g| g.num_rows()).collect();
    assert_eq!(groups, [BATCH_ROWS as i64, 2 * 5000 - BATCH_ROWS as i64]);
}

#[test]
fn zstd_row_groups_and_plain_metadata() {
    let dir = tempfile::tempdir().expect("tempdir");
    export(dir.path(), &[fixture()]);
    for table in TABLES {
        let file = File::open(dir.path().join(format!("{}.parquet", table.name))).expect("open");
        let reader = SerializedFileReader::new(file).expect("a Parquet file");
        let meta = reader.metadata();
        let kv = meta
            .file_metadata()
            .key_value_metadata()
            .expect("key-value metadata");
        let get = |key: &str| {
            kv.iter()
                .find(|e| e.key == key)
                .and_then(|e| e.value.clone())
                .unwrap_or_else(|| panic!("{key} in {}", table.name))
        };
        assert_eq!(get("table"), table.name);
        assert_eq!(get("description"), table.description);
        assert_eq!(get("primary_key"), table.primary_key.join(","));
        assert!(
            meta.file_metadata()
                .created_by()
                .is_some_and(|c| c.starts_with("parquet-rs version "))
        );
        for group in meta.row_groups() {
            for column in group.columns() {
                assert_eq!(
                    column.compression(),
                    Compression::ZSTD(ZstdLevel::default()),
                    "{}",
                    table.name
                );
            }
        }
        let kinds = meta.file_metadata().schema_descr();
        for (c, column) in table.columns.iter().enumerate() {
            let parquet_column = kinds.column(c);
            assert_eq!(parquet_column.name(), column.name);
            assert_eq!(
                parquet_column.self_type().is_optional(),
                !column.required,
                "{}.{}",
                table.name,
                column.name
            );
        }
    }
    // Times are Parquet timestamps, not bare integers, so every reader knows them.
    let file = File::open(dir.path().join("comments.parquet")).expect("open");
    let reader = SerializedFileReader::new(file).expect("a Parquet file");
    let schema = reader.metadata().file_metadata().schema_descr();
    let posted = schema.column(4);
    assert_eq!(posted.name(), "posted_at");
    match posted.logical_type_ref() {
        Some(LogicalType::Timestamp(t)) => {
            assert!(!t.is_adjusted_to_u_t_c, "a local time");
            assert_eq!(t.unit, ParquetTimeUnit::MILLIS);
        }
        other => panic!("posted_at is {other:?}"),
    }
}

#[test]
fn the_same_reports_give_the_same_bytes() {
    let reports = many_reports(4200);
    let a = tempfile::tempdir().expect("tempdir");
    let b = tempfile::tempdir().expect("tempdir");
    export(a.path(), &reports);
    export(b.path(), &reports);
    for file in FILES {
        let x = std::fs::read(a.path().join(file)).expect("read");
        let y = std::fs::read(b.path().join(file)).expect("read");
        assert!(x == y, "{file} differs between two runs");
    }
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_file_where_the_folder_should_be_fails_cleanly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("parquet");
    std::fs::write(&out, b"not a folder").expect("write");
    assert!(ParquetExporter.start(&out).is_err());
    assert_eq!(entries(dir.path()), ["parquet"]);
}

#[test]
fn a_folder_in_the_way_commits_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("votes.parquet")).expect("mkdir");
    let mut sink = ParquetExporter.start(dir.path()).expect("start");
    sink.write_report(&fixture()).expect("write_report");
    let err = sink
        .finish(&nectar_registry::Dataset::of([&fixture()]))
        .expect_err("a folder is where votes.parquet goes");
    assert!(err.to_string().contains("votes.parquet"), "{err}");
    assert_eq!(
        entries(dir.path()),
        ["votes.parquet"],
        "no file, no temporary file"
    );
}

#[test]
fn dropping_a_sink_leaves_earlier_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    export(dir.path(), &[fixture()]);
    let before = std::fs::read(dir.path().join("reports.parquet")).expect("read");
    let mut sink = ParquetExporter.start(dir.path()).expect("start");
    sink.write_report(&many_reports(2)[1])
        .expect("write_report");
    drop(sink);
    assert_eq!(entries(dir.path()), {
        let mut f: Vec<String> = FILES.iter().map(|f| f.to_string()).collect();
        f.sort();
        f
    });
    assert_eq!(
        std::fs::read(dir.path().join("reports.parquet")).expect("read"),
        before
    );
}

#[test]
fn registered() {
    let registry = Registry::collect().expect("registry");
    let parquet = registry.exporter("parquet").expect("parquet is registered");
    assert_eq!(parquet.writes, FILES);
    assert!(parquet.description.ends_with('.'));
}
