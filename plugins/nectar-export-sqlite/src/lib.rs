//! SQLite exporter: `sqlite` writes one [SQLite](https://sqlite.org/) database, `nectar.db`,
//! with a table for each of [`nectar_tables::TABLES`], ready for `sqlite3`, Python's `sqlite3`
//! module or [Datasette](https://datasette.io/) (`datasette out/sqlite/nectar.db`).
//!
//! # Schema
//!
//! Each table has its columns in the order of [`nectar_tables::TABLES`] (the same names as
//! the CSV, Arrow and Parquet files), `NOT NULL` when the column is `required`, its
//! `PRIMARY KEY` and its `FOREIGN KEY ... REFERENCES` clauses (see [`create_table`]):
//!
//! | [`ColumnType`] | SQL type | values |
//! |---|---|---|
//! | `String` | `TEXT` | |
//! | `Enum(names)` | `TEXT` | `CHECK (col IN (...names))` |
//! | `Integer` | `INTEGER` | |
//! | `Number` | `REAL` | |
//! | `Boolean` | `INTEGER` | `0` or `1` (`CHECK`) |
//! | `PartialDate` | `TEXT` | ISO 8601 at its precision (`2020-07-14`, `2020-07`, `2020`), as in CSV |
//! | `DateTime` | `TEXT` | `2016-05-21T09:14:00`: local time as the site shows it, no time zone |
//!
//! Dates as text sort and compare as dates (`WHERE date >= '2020'`) and SQLite's date
//! functions read the full ones. Every `*_id` column has an index unless the primary key's own
//! index serves it (it is the key or the key's first column), and so does every date column
//! (`date`, `end_date`, `published`, `as_of`, `posted_at`).
//!
//! **Full-text search**: each table with a `quote` column has an FTS5 table `<table>_fts`
//! over it (`comments_fts` over the comments' `text`), an external-content table
//! (`content="<table>"`, rowids shared) as Datasette looks for, so Datasette offers a search
//! box on those tables; in SQL:
//! `SELECT decisions.* FROM decisions_fts JOIN decisions ON decisions.rowid = decisions_fts.rowid
//! WHERE decisions_fts MATCH 'conference'`.
//!
//! **Descriptions**: `_nectar_tables(table_name, description)` and
//! `_nectar_columns(table_name, column_name, position, type, required, description)` hold
//! the documentation of [`nectar_tables::TABLES`] (`type` as the README words it:
//! `one of held, scheduled`, `date (YYYY-MM-DD, YYYY-MM or YYYY)`).
//!
//! **Foreign keys** are declared for tools (Datasette links rows through them) and hold
//! (`PRAGMA foreign_key_check` finds nothing), but are not enforced while writing: a report's
//! rows name meetings whose rows are written at the end.
//!
//! # Atomicity and determinism
//!
//! The database is built in a temporary file in the folder (`.nectar.db.<random>.tmp`), every
//! row in one transaction, with the rollback journal in memory (no `-journal` or `-wal` file).
//! [`ExportSink::finish`] writes the tables made across reports, the indexes, the full-text
//! indexes and the descriptions, commits, closes the database and renames it over
//! `nectar.db`; a sink dropped before that removes its temporary file and leaves an earlier
//! `nectar.db` as it was. SQLite writes no time into a database, so the same reports give a
//! byte-identical file (the header records the SQLite version that wrote it).
//!
//! ```
//! use nectar_registry::{Dataset, ExportSink, Exporter};
//!
//! let report = nectar_model::example::report();
//! let dir = tempfile::tempdir().unwrap();
//! let mut sink = nectar_export_sqlite::SqliteExporter.start(dir.path()).unwrap();
//! sink.write_report(&report).unwrap();
//! let files = sink.finish(&Dataset::of([&report])).unwrap();
//! assert_eq!(files, [dir.path().join("nectar.db")]);
//!
//! let db = rusqlite::Connection::open(&files[0]).unwrap();
//! let value: f64 = db
//!     .query_row(
//!         "SELECT f.value FROM nec_meetings n
//!          JOIN meetings m ON m.nec_meeting_id = n.nec_meeting_id
//!          JOIN figures f ON f.meeting_id = m.meeting_id
//!          WHERE f.metric = 'membership' AND n.date = '2015-03-03'",
//!         [],
//!         |row| row.get(0),
//!     )
//!     .unwrap();
//! assert_eq!(value, 190_000.0);
//! let outcome: String = db
//!     .query_row(
//!         "SELECT d.outcome FROM decisions_fts
//!          JOIN decisions d ON d.rowid = decisions_fts.rowid
//!          WHERE decisions_fts MATCH 'conference'",
//!         [],
//!         |row| row.get(0),
//!     )
//!     .unwrap();
//! assert_eq!(outcome, "agreed");
//! ```
#![deny(missing_docs)]

use std::path::{Path, PathBuf};

use nectar_model::Report;
use nectar_registry::{Dataset, ExportError, ExportSink, Exporter, register_exporter};
use nectar_tables::{Cell, ColumnType, TABLES, Table};
use rusqlite::Connection;
use rusqlite::types::Value;
use tempfile::NamedTempFile;

/// Writes every table into one SQLite database, `nectar.db`.
#[derive(Debug, Clone, Copy, Default)]
pub struct SqliteExporter;

/// The database's file name.
pub const FILE: &str = "nectar.db";

/// The SQL type of a column of type `ty`.
pub fn sql_type(ty: ColumnType) -> &'static str {
    match ty {
        ColumnType::String
        | ColumnType::Enum(_)
        | ColumnType::PartialDate
        | ColumnType::DateTime => "TEXT",
        ColumnType::Integer | ColumnType::Boolean => "INTEGER",
        ColumnType::Number => "REAL",
    }
}

/// `name` as an SQL identifier.
fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// `text` as an SQL string literal.
fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// The `CREATE TABLE` statement of a table.
pub fn create_table(table: &Table) -> String {
    let mut lines: Vec<String> = table
        .columns
        .iter()
        .map(|c| {
            let name = ident(c.name);
            let mut line = format!("  {name} {}", sql_type(c.ty));
            if c.required {
                line.push_str(" NOT NULL");
            }
            match c.ty {
                ColumnType::Enum(names) => {
                    let names: Vec<String> = names.iter().map(|n| literal(n)).collect();
                    line.push_str(&format!(" CHECK ({name} IN ({}))", names.join(", ")));
                }
                ColumnType::Boolean => line.push_str(&format!(" CHECK ({name} IN (0, 1))")),
                _ => {}
            }
            line
        })
        .collect();
    let list = |names: &[&str]| {
        names
            .iter()
            .map(|n| ident(n))
            .collect::<Vec<_>>()
            .join(", ")
    };
    lines.push(format!("  PRIMARY KEY ({})", list(table.primary_key)));
    for fk in table.foreign_keys {
        lines.push(format!(
            "  FOREIGN KEY ({}) REFERENCES {} ({})",
            list(fk.fields),
            ident(fk.table),
            list(fk.reference)
        ));
    }
    format!(
        "CREATE TABLE {} (\n{}\n)",
        ident(table.name),
        lines.join(",\n")
    )
}

/// The columns of a table that get an index: each `*_id` column that the primary key's index
/// does not already serve (the key is not that column alone nor starts with it), and each
/// date column.
pub fn indexed_columns(table: &Table) -> Vec<&'static str> {
    table
        .columns
        .iter()
        .filter(|c| {
            let id = c.name.ends_with("_id") && table.primary_key.first() != Some(&c.name);
            let date = matches!(c.ty, ColumnType::PartialDate | ColumnType::DateTime);
            id || date
        })
        .map(|c| c.name)
        .collect()
}

/// The column a table's full-text index is over: `quote`, else the comments' `text`.
pub fn fts_column(table: &Table) -> Option<&'static str> {
    if table.column("quote").is_some() {
        Some("quote")
    } else if table.name == "comments" {
        Some("text")
    } else {
        None
    }
}

/// The tables of descriptions.
const DESCRIPTIONS: &str = "\
CREATE TABLE \"_nectar_tables\" (
  \"table_name\" TEXT NOT NULL PRIMARY KEY,
  \"description\" TEXT NOT NULL
);
CREATE TABLE \"_nectar_columns\" (
  \"table_name\" TEXT NOT NULL REFERENCES \"_nectar_tables\" (\"table_name\"),
  \"column_name\" TEXT NOT NULL,
  \"position\" INTEGER NOT NULL,
  \"type\" TEXT NOT NULL,
  \"required\" INTEGER NOT NULL CHECK (\"required\" IN (0, 1)),
  \"description\" TEXT NOT NULL,
  PRIMARY KEY (\"table_name\", \"column_name\")
);";

/// A cell as SQLite stores it.
fn value(cell: &Cell) -> Value {
    match cell {
        Cell::Null => Value::Null,
        Cell::Str(s) => Value::Text(s.clone()),
        Cell::Int(i) => Value::Integer(*i),
        Cell::Num(n) => Value::Real(*n),
        Cell::Bool(b) => Value::Integer(i64::from(*b)),
        Cell::Date(_) | Cell::DateTime(_) => Value::Text(cell.to_text()),
    }
}

/// The `INSERT` statement of a table.
fn insert(table: &Table) -> String {
    let names: Vec<String> = table.columns.iter().map(|c| ident(c.name)).collect();
    let marks = vec!["?"; names.len()].join(", ");
    format!(
        "INSERT INTO {} ({}) VALUES ({marks})",
        ident(table.name),
        names.join(", ")
    )
}

struct Sink {
    /// Closed before the file is removed or renamed.
    db: Connection,
    temp: NamedTempFile,
    /// Where the database goes: `nectar.db` in the folder.
    path: PathBuf,
    /// Each table's `INSERT`, in the order of [`TABLES`].
    inserts: Vec<String>,
}

impl Sink {
    fn error(&self, e: rusqlite::Error) -> ExportError {
        ExportError::Encode(format!("{}: {e}", self.path.display()))
    }

    fn insert(&self, at: usize, rows: &[Vec<Cell>]) -> Result<(), ExportError> {
        if rows.is_empty() {
            return Ok(());
        }
        let mut statement = self
            .db
            .prepare_cached(&self.inserts[at])
            .map_err(|e| self.error(e))?;
        for row in rows {
            statement
                .execute(rusqlite::params_from_iter(row.iter().map(value)))
                .map_err(|e| {
                    ExportError::Encode(format!(
                        "{}: table {}: {e}",
                        self.path.display(),
                        TABLES[at].name
                    ))
                })?;
        }
        Ok(())
    }

    /// The indexes, the full-text indexes and the descriptions.
    fn finish_schema(&self) -> Result<(), ExportError> {
        let mut sql = String::new();
        for table in TABLES {
            for column in indexed_columns(table) {
                sql.push_str(&format!(
                    "CREATE INDEX {} ON {} ({});\n",
                    ident(&format!("idx_{}_{column}", table.name)),
                    ident(table.name),
                    ident(column)
                ));
            }
        }
        for table in TABLES {
            if let Some(column) = fts_column(table) {
                let fts = ident(&format!("{}_fts", table.name));
                let (name, column) = (ident(table.name), ident(column));
                // `content="<table>"` as Datasette's detection looks for it.
                sql.push_str(&format!(
                    "CREATE VIRTUAL TABLE {fts} USING fts5({column}, content={name});\n\
                     INSERT INTO {fts} (rowid, {column}) SELECT rowid, {column} FROM {name};\n"
                ));
            }
        }
        sql.push_str(DESCRIPTIONS);
        self.db.execute_batch(&sql).map_err(|e| self.error(e))?;
        let mut tables = self
            .db
            .prepare("INSERT INTO \"_nectar_tables\" VALUES (?, ?)")
            .map_err(|e| self.error(e))?;
        let mut columns = self
            .db
            .prepare("INSERT INTO \"_nectar_columns\" VALUES (?, ?, ?, ?, ?, ?)")
            .map_err(|e| self.error(e))?;
        for table in TABLES {
            tables
                .execute((table.name, table.description))
                .map_err(|e| self.error(e))?;
            for (i, c) in table.columns.iter().enumerate() {
                columns
                    .execute((
                        table.name,
                        c.name,
                        i64::try_from(i).unwrap_or(i64::MAX),
                        c.ty.describe(),
                        c.required,
                        c.description,
                    ))
                    .map_err(|e| self.error(e))?;
            }
        }
        Ok(())
    }
}

impl ExportSink for Sink {
    fn write_report(&mut self, report: &Report) -> Result<(), ExportError> {
        for (at, rows) in nectar_tables::rows(report).iter().enumerate() {
            self.insert(at, rows)?;
        }
        Ok(())
    }

    fn finish(self: Box<Self>, dataset: &Dataset) -> Result<Vec<PathBuf>, ExportError> {
        for (table, rows) in dataset.tables() {
            self.insert(nectar_tables::table_index(table.name), rows)?;
        }
        self.finish_schema()?;
        self.db.execute_batch("COMMIT").map_err(|e| self.error(e))?;
        let Sink { db, temp, path, .. } = *self;
        db.close()
            .map_err(|(_, e)| ExportError::Encode(format!("{}: {e}", path.display())))?;
        if path.is_dir() {
            let e = std::io::Error::new(std::io::ErrorKind::IsADirectory, "a folder is in the way");
            return Err(ExportError::io(&path, e));
        }
        commit(temp, &path).map_err(|e| ExportError::io(&path, e))?;
        Ok(vec![path])
    }
}

/// Flushes the finished database to disk and renames it over `path`, readable by everyone.
fn commit(temp: NamedTempFile, path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    temp.as_file().sync_all()?;
    temp.persist(path).map(drop).map_err(|e| e.error)
}

impl Exporter for SqliteExporter {
    fn start(&self, dir: &Path) -> Result<Box<dyn ExportSink>, ExportError> {
        Ok(Box::new(Sink::open(dir)?))
    }
}

impl Sink {
    /// Starts the database in a temporary file in `dir`: the tables, in a transaction.
    fn open(dir: &Path) -> Result<Self, ExportError> {
        let path = dir.join(FILE);
        std::fs::create_dir_all(dir).map_err(|e| ExportError::io(dir, e))?;
        let temp = tempfile::Builder::new()
            .prefix(&format!(".{FILE}."))
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| ExportError::io(&path, e))?;
        let error = |e: rusqlite::Error| ExportError::Encode(format!("{}: {e}", path.display()));
        let db = Connection::open(temp.path()).map_err(error)?;
        // The journal in memory: no `-journal` or `-wal` file beside the database; the file is
        // synced once, when it is complete. Foreign keys are declared, not enforced while
        // writing: a report's rows name meetings whose rows come at the end.
        let mut sql = String::from(
            "PRAGMA journal_mode = MEMORY;\nPRAGMA synchronous = OFF;\nPRAGMA foreign_keys = OFF;\nPRAGMA encoding = 'UTF-8';\nBEGIN;\n",
        );
        for table in TABLES {
            sql.push_str(&create_table(table));
            sql.push_str(";\n");
        }
        db.execute_batch(&sql).map_err(error)?;
        Ok(Sink {
            db,
            temp,
            path,
            inserts: TABLES.iter().map(insert).collect(),
        })
    }
}

register_exporter! {
    name: "sqlite",
    description: "One SQLite database, nectar.db: every table with its keys and indexes, column descriptions, and FTS5 full-text search over the quotes (Datasette finds it).",
    writes: &[FILE],
    exporter: &SqliteExporter,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_row_fails_naming_the_file_and_leaves_the_earlier_one() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join(FILE), b"earlier").expect("write");
        let sink = Sink::open(dir.path()).expect("open");
        let at = nectar_tables::table_index("figures");
        let row = vec![Cell::Null; TABLES[at].columns.len()];
        let err = sink
            .insert(at, &[row])
            .expect_err("nulls in required columns");
        let shown = err.to_string();
        assert!(
            shown.contains(&dir.path().join(FILE).display().to_string()),
            "{shown}"
        );
        assert!(
            shown.contains("figures") && shown.contains("NOT NULL"),
            "{shown}"
        );
        assert!(!shown.contains('\n'), "one line: {shown}");
        let mut row = vec![Cell::Str("x".into()); TABLES[at].columns.len()];
        row[TABLES[at].column("metric").expect("metric")] = Cell::Str("no such metric".into());
        let err = sink
            .insert(at, &[row])
            .expect_err("not one of the enum's names");
        assert!(err.to_string().contains("CHECK"), "{err}");
        drop(sink);
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .expect("read_dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(left, [FILE], "only the earlier file is left");
        assert_eq!(
            std::fs::read(dir.path().join(FILE)).expect("read"),
            b"earlier"
        );
    }

    #[test]
    fn schema_follows_the_tables() {
        let figures = &TABLES[nectar_tables::table_index("figures")];
        let sql = create_table(figures);
        assert!(
            sql.starts_with("CREATE TABLE \"figures\" (\n  \"figure_id\" TEXT NOT NULL,"),
            "{sql}"
        );
        assert!(sql.contains("\"value\" REAL NOT NULL"), "{sql}");
        assert!(sql.contains("PRIMARY KEY (\"figure_id\")"), "{sql}");
        assert!(
            sql.contains("FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\" (\"meeting_id\")"),
            "{sql}"
        );
        assert_eq!(
            indexed_columns(figures),
            ["report_id", "meeting_id", "as_of"]
        );
        assert_eq!(fts_column(figures), Some("quote"));
        let comments = &TABLES[nectar_tables::table_index("comments")];
        // `report_id` starts the key (report_id, ordinal): the key's index serves it.
        assert_eq!(indexed_columns(comments), ["posted_at"]);
        assert_eq!(fts_column(comments), Some("text"));
        assert_eq!(
            fts_column(&TABLES[nectar_tables::table_index("persons")]),
            None
        );
    }
}
