#!/usr/bin/env python3
"""Reads nectar's output with tools nectar did not write: pandas, pyarrow, DuckDB, frictionless.

Usage: check.py OUT_DIR SPEC_JSON

OUT_DIR holds csv/ (with datapackage.json), arrow/ and parquet/ as `nectar build` writes them.
SPEC_JSON (written by tests/readers.rs from nectar's table definitions) gives, per table, the
columns and the Arrow type each must have, and optionally `membership_by_meeting_date`: the
rows a DuckDB join of meetings and figures must return. Exits non-zero with a message on the
first check that fails; prints one line per check that passes.
"""
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

import duckdb
import pandas as pd
import pyarrow.ipc as ipc
import pyarrow.parquet as pq

out = pathlib.Path(sys.argv[1])
spec = json.loads(pathlib.Path(sys.argv[2]).read_text())
checks = 0


def ok(msg):
    global checks
    checks += 1
    print("ok:", msg)


def fail(msg):
    print("FAILED:", msg)
    sys.exit(1)


package = json.loads((out / "csv" / "datapackage.json").read_text())
names = [r["name"] for r in package["resources"]]
if names != [t["name"] for t in spec["tables"]]:
    fail(f"datapackage resources {names} are not the tables {[t['name'] for t in spec['tables']]}")

# pandas reads every CSV, with the documented columns.
rows = {}
for table in spec["tables"]:
    name = table["name"]
    df = pd.read_csv(out / "csv" / f"{name}.csv", dtype=str, keep_default_na=False)
    columns = [c["name"] for c in table["columns"]]
    if list(df.columns) != columns:
        fail(f"{name}.csv columns {list(df.columns)} != {columns}")
    rows[name] = len(df)
ok(f"pandas read {len(rows)} CSV files ({sum(rows.values())} rows)")


def check_schema(kind, name, schema, n):
    expected = spec_of(name)
    got = [(f.name, str(f.type)) for f in schema]
    want = [(c["name"], c["arrow"]) for c in expected["columns"]]
    if got != want:
        fail(f"{kind} {name}: schema {got} != {want}")
    if n != rows[name]:
        fail(f"{kind} {name}: {n} rows, the CSV has {rows[name]}")
    for field, col in zip(schema, expected["columns"]):
        if field.nullable == col["required"] and col["required"]:
            fail(f"{kind} {name}.{field.name}: nullable={field.nullable}, required={col['required']}")
        meta = field.metadata or {}
        if meta.get(b"description", b"").decode() != col["description"]:
            fail(f"{kind} {name}.{field.name}: no description in the field metadata")


def spec_of(name):
    return next(t for t in spec["tables"] if t["name"] == name)


# pyarrow reads every Arrow IPC file and every Parquet file with the documented schema.
for table in spec["tables"]:
    name = table["name"]
    with ipc.open_file(out / "arrow" / f"{name}.arrow") as reader:
        t = reader.read_all()
    check_schema("arrow", name, t.schema, t.num_rows)
    p = pq.read_table(out / "parquet" / f"{name}.parquet")
    check_schema("parquet", name, p.schema, p.num_rows)
    # Same values as the CSV, column by column, in the same order.
    df = pd.read_csv(out / "csv" / f"{name}.csv", dtype=str, keep_default_na=False)
    for col in ("report_id",):
        if col in df.columns:
            if [str(v) for v in t.column(col).to_pylist()] != list(df[col]):
                fail(f"arrow {name}.{col} differs from the CSV")
            if [str(v) for v in p.column(col).to_pylist()] != list(df[col]):
                fail(f"parquet {name}.{col} differs from the CSV")
ok("pyarrow read every Arrow IPC and Parquet file with the documented schema and row counts")

# DuckDB joins meetings and figures in the Parquet files.
con = duckdb.connect()
pq_dir = out / "parquet"
query = f"""
    SELECT strftime(m.date, '%Y-%m-%d') AS date, f.value
    FROM '{pq_dir / 'figures.parquet'}' f
    JOIN '{pq_dir / 'meetings.parquet'}' m USING (meeting_id)
    WHERE f.metric = 'membership' AND NOT f.from_comment
    ORDER BY m.date, f.value
"""
got = [[d, int(v) if float(v).is_integer() else v] for d, v in con.execute(query).fetchall()]
if "membership_by_meeting_date" in spec:
    want = spec["membership_by_meeting_date"]
    if got != want:
        fail(f"DuckDB membership by meeting date {got} != {want}")
ok(f"DuckDB joined meetings and figures: membership by meeting date {got}")

# frictionless validates the data package, and fails on a broken copy.
frictionless = str(pathlib.Path(sys.executable).parent / "frictionless")
result = subprocess.run([frictionless, "validate", str(out / "csv" / "datapackage.json")],
                        capture_output=True, text=True)
if result.returncode != 0:
    fail("frictionless validate failed:\n" + result.stdout[-3000:] + result.stderr[-2000:])
ok("frictionless validate passed")
with tempfile.TemporaryDirectory() as tmp:
    broken = pathlib.Path(tmp) / "csv"
    shutil.copytree(out / "csv", broken)
    with open(broken / "meetings.csv", encoding="utf-8", newline="") as f:
        meetings = f.read().split("\r\n")
    header = meetings[0].split(",")
    kind = header.index("kind")
    first = meetings[1].split(",")
    first[kind] = "picnic"
    meetings[1] = ",".join(first)
    with open(broken / "meetings.csv", "w", encoding="utf-8", newline="") as f:
        f.write("\r\n".join(meetings))
    result = subprocess.run([frictionless, "validate", str(broken / "datapackage.json")],
                            capture_output=True, text=True)
    if result.returncode == 0:
        fail("frictionless validate passed a meetings.csv with kind 'picnic'")
ok("frictionless validate fails on a broken copy")
print(f"{checks} passed, 0 failed")
