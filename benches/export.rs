//! Throughput of every registered exporter (json, ndjson, csv, arrow, parquet, ...) on two
//! corpora of parsed reports:
//!
//! - `copies_5k`: the seeds and the sample corpus, parsed once, then copied under fresh report
//!   IDs to `REPORTS` reports;
//! - `synth_1k`: the 1,000 synthetic reports of `corpora.rs` (seed 7), parsed once.
//!
//! One benchmark per corpus and exporter, `CORPUS/export/EXPORTER`, in bytes written
//! (`Throughput::Bytes`); the number of table rows is printed before, for rows per second.
//! Each iteration writes into a fresh temporary directory, renames included (the files are
//! flushed to disk, as `nectar build` does).
//!
//! `cargo bench -p nectar-benches --bench export [-- FILTER]` (see `README.md`).

use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput};
use nectar_model::{Document, Report};
use nectar_registry::{ExporterDescriptor, Registry};

#[path = "corpora.rs"]
mod corpora;

use corpora::{Corpus, Selection};

/// How many reports the corpus of copies has.
const REPORTS: usize = 5_000;

fn parse(registry: &Registry, doc: &Document) -> Report {
    let detection = registry.detect(doc).expect("a parser");
    nectar_pipeline::parse(doc, &detection).expect("parses")
}

fn parsed(registry: &Registry, dirs: &[std::path::PathBuf]) -> Vec<Report> {
    nectar_io::discover(dirs)
        .into_iter()
        .map(|file| {
            parse(
                registry,
                &corpora::read(&file.unwrap_or_else(|e| panic!("{e}"))),
            )
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
    sink.finish(&nectar_registry::Dataset::of(reports))
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

/// Measures every exporter on `reports`, in bytes written; `corpus` configures the sampling
/// (`None`: 10 samples over 4 s, for the copies). Prints the table rows, for rows per second.
fn bench_exporters(
    c: &mut Criterion,
    registry: &Registry,
    name: &str,
    corpus: Option<&Corpus>,
    reports: &[Report],
) {
    let rows = rows(reports);
    println!("{name}: {} reports, {rows} table rows", reports.len());
    let mut group = c.benchmark_group(name);
    match corpus {
        Some(corpus) => corpus.configure(&mut group),
        None => {
            group
                .sample_size(10)
                .warm_up_time(Duration::from_millis(500))
                .measurement_time(Duration::from_secs(4));
        }
    }
    for e in registry.exporters() {
        let probe = tempfile::tempdir().expect("temp dir");
        let bytes = export(e, reports, probe.path());
        println!("{name}: {}: {bytes} bytes written", e.name);
        group.throughput(Throughput::Bytes(bytes));
        group.bench_function(format!("export/{}", e.name), |b| {
            b.iter(|| {
                let dir = tempfile::tempdir().expect("temp dir");
                export(e, reports, dir.path())
            })
        });
    }
    group.finish();
}

fn benches(c: &mut Criterion) {
    let registry = nectar_plugins::registry().expect("registry");
    let selection = Selection::from_args();
    let wanted = |corpus: &str| {
        selection.selects_any(
            registry
                .exporters()
                .iter()
                .map(|e| format!("{corpus}/export/{}", e.name)),
        )
    };
    if wanted("copies_5k") {
        let mut dirs = vec![nectar_testkit::sample_corpus_dir()];
        dirs.extend(nectar_testkit::seeds_dir());
        let base = parsed(&registry, &dirs);
        let reports = synthetic(&base, REPORTS);
        bench_exporters(c, &registry, "copies_5k", None, &reports);
    }
    if wanted("synth_1k") {
        let corpus = Corpus::build("synth_1k").expect("a synthetic corpus");
        let reports: Vec<Report> = corpus
            .documents()
            .iter()
            .map(|doc| parse(&registry, doc))
            .collect();
        bench_exporters(c, &registry, "synth_1k", Some(&corpus), &reports);
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    benches(&mut c);
    c.final_summary();
}
