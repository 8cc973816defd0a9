//! Throughput of every registered exporter (json, ndjson, csv, arrow, parquet, ...) on a large
//! synthetic corpus: the seeds and the sample corpus, parsed once, then copied under fresh
//! report IDs to `REPORTS` reports. Measured per table row (`Throughput::Elements`) and per byte
//! written (`Throughput::Bytes`); each iteration writes into a fresh temporary directory,
//! renames included (the files are flushed to disk, as `nectar build` does).
//!
//! `cargo bench -p nectar-benches --bench export` (see `README.md`).

use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use nectar_model::Report;
use nectar_registry::{ExporterDescriptor, Registry};

/// How many reports the synthetic corpus has.
const REPORTS: usize = 5_000;

fn parsed(registry: &Registry, dirs: &[std::path::PathBuf]) -> Vec<Report> {
    nectar_io::discover(dirs)
        .into_iter()
        .map(|file| {
            let file = file.unwrap_or_else(|e| panic!("{e}"));
            let doc = nectar_io::read_document(&file.path, &file.display, &Default::default())
                .unwrap_or_else(|e| panic!("{e}"));
            let detection = registry.detect(&doc).expect("a parser");
            detection.parser.parser.parse(&doc).expect("parses")
        })
        .collect()
}

/// Copies `base` round-robin to `n` reports, each with its own report ID (and fact IDs).
fn synthetic(base: &[Report], n: usize) -> Vec<Report> {
    (0..n)
        .map(|i| {
            let mut r = base[i % base.len()].clone();
            let old = r.report_id.clone();
            let new = format!("{old}-{i:05}");
            let fix = |id: &mut String| *id = id.replacen(&old, &new, 1);
            r.report_id = new.clone();
            r.meetings.iter_mut().for_each(|m| fix(&mut m.meeting_id));
            r.figures.iter_mut().for_each(|f| {
                fix(&mut f.figure_id);
                if let Some(m) = f.meeting_id.as_mut() {
                    fix(m)
                }
            });
            r.votes.iter_mut().for_each(|v| {
                fix(&mut v.vote_id);
                if let Some(m) = v.meeting_id.as_mut() {
                    fix(m)
                }
            });
            r.decisions.iter_mut().for_each(|d| {
                fix(&mut d.decision_id);
                if let Some(m) = d.meeting_id.as_mut() {
                    fix(m)
                }
            });
            r.agenda_items.iter_mut().for_each(|a| {
                if let Some(m) = a.meeting_id.as_mut() {
                    fix(m)
                }
            });
            r
        })
        .collect()
}

/// Writes every report with one exporter into `dir`; returns the bytes written.
fn export(e: &ExporterDescriptor, reports: &[Report], dir: &Path) -> u64 {
    let mut sink = e.exporter.start(dir).expect("starts");
    for r in reports {
        sink.write_report(r).expect("writes");
    }
    sink.finish()
        .expect("finishes")
        .iter()
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .sum()
}

fn rows(reports: &[Report]) -> u64 {
    reports
        .iter()
        .map(|r| nectar_tables::rows(r).iter().map(Vec::len).sum::<usize>() as u64)
        .sum()
}

fn benches(c: &mut Criterion) {
    let registry = nectar_plugins::registry().expect("registry");
    let mut dirs = vec![nectar_testkit::sample_corpus_dir()];
    dirs.extend(nectar_testkit::seeds_dir());
    let base = parsed(&registry, &dirs);
    let reports = synthetic(&base, REPORTS);
    let rows = rows(&reports);
    println!(
        "synthetic corpus: {} reports, {rows} table rows",
        reports.len()
    );
    for e in registry.exporters() {
        let probe = tempfile::tempdir().expect("temp dir");
        let bytes = export(e, &reports, probe.path());
        println!("{}: {bytes} bytes written", e.name);
        for (unit, throughput) in [
            ("rows", Throughput::Elements(rows)),
            ("bytes", Throughput::Bytes(bytes)),
        ] {
            let mut group = c.benchmark_group(format!("export/{}", e.name));
            group
                .sample_size(10)
                .warm_up_time(Duration::from_secs(1))
                .measurement_time(Duration::from_secs(8))
                .throughput(throughput);
            group.bench_function(unit, |b| {
                b.iter(|| {
                    let dir = tempfile::tempdir().expect("temp dir");
                    export(e, &reports, dir.path())
                })
            });
            group.finish();
        }
    }
}

criterion_group!(export_benches, benches);
criterion_main!(export_benches);
