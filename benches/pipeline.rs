//! The whole pipeline, as `nectar build` runs it minus the charts: `nectar_pipeline::read`
//! finds the files, reads, detects and parses them on a pool of threads and hands the reports
//! on in input order, and every registered exporter writes them into a fresh temporary
//! directory (`OUT/<exporter>/...`, files flushed and renamed into place). On the synthetic
//! corpora (`corpora.rs`), in `Throughput::Bytes` of report text read.
//!
//! | benchmark | threads |
//! |---|---|
//! | `CORPUS/pipeline/all_threads` | one per core (`--jobs 0`, what `nectar build` does) |
//! | `CORPUS/pipeline/one_thread` | one (`--jobs 1`); `synth_1k` only |
//!
//! Making the output directory is outside the measurement; removing it is too. The bytes are
//! the report files' size (no sidecars), which is the text the pipeline reads.
//!
//! `cargo bench -p nectar-benches --bench pipeline [-- FILTER]` (see `README.md`).

use std::path::Path;

use criterion::{BatchSize, Criterion, Throughput};
use nectar_registry::Registry;

#[path = "corpora.rs"]
mod corpora;

use corpora::{Corpus, Selection};

/// The pipeline variants: name, threads (0 for one per core), and the corpora it runs on.
const VARIANTS: &[(&str, usize, &[&str])] = &[
    ("all_threads", 0, &["synth_1k", "synth_10k"]),
    ("one_thread", 1, &["synth_1k"]),
];

/// Reads the corpus and writes it with every exporter into `out`; returns the summary. Panics
/// if a report could not be read.
fn build(
    registry: &Registry,
    corpus: &Corpus,
    jobs: usize,
    out: &Path,
) -> nectar_pipeline::Summary {
    let mut sinks: Vec<_> = registry
        .exporters()
        .iter()
        .map(|e| {
            e.exporter
                .start(&out.join(e.name))
                .unwrap_or_else(|err| panic!("{} export: {err}", e.name))
        })
        .collect();
    let options = nectar_pipeline::Options {
        jobs,
        ..Default::default()
    };
    let mut collector = nectar_dataset::Collector::default();
    let summary = nectar_pipeline::read(
        std::slice::from_ref(&corpus.dir),
        registry,
        &options,
        |report| {
            collector.add(&report);
            sinks
                .iter_mut()
                .try_for_each(|sink| sink.write_report(&report))
        },
        |_| {},
    )
    .expect("every exporter writes");
    let dataset = collector.finish();
    for sink in sinks {
        sink.finish(&dataset).expect("every exporter finishes");
    }
    assert!(summary.failures.is_empty(), "{:?}", summary.failures);
    summary
}

fn pipeline(c: &mut Criterion) {
    let registry = nectar_plugins::registry().expect("a valid registry");
    let selection = Selection::from_args();
    for name in corpora::SYNTH {
        let variants: Vec<_> = VARIANTS
            .iter()
            .filter(|(_, _, on)| on.contains(&name))
            .filter(|(v, _, _)| selection.selects(&format!("{name}/pipeline/{v}")))
            .collect();
        if variants.is_empty() {
            continue;
        }
        let corpus = Corpus::build(name).expect("a synthetic corpus");
        println!(
            "{name}: {} reports, {} bytes; exporters: {}",
            corpus.files.len(),
            corpus.file_bytes,
            registry
                .exporters()
                .iter()
                .map(|e| e.name)
                .collect::<Vec<_>>()
                .join(", "),
        );
        let mut group = c.benchmark_group(name);
        corpus.configure(&mut group);
        group.throughput(Throughput::Bytes(corpus.file_bytes));
        for (variant, jobs, _) in variants {
            group.bench_function(format!("pipeline/{variant}"), |b| {
                b.iter_batched(
                    || tempfile::tempdir().expect("a temporary directory"),
                    |out| {
                        build(&registry, &corpus, *jobs, out.path());
                        out
                    },
                    BatchSize::PerIteration,
                )
            });
        }
        group.finish();
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    pipeline(&mut c);
    c.final_summary();
}
