//! Throughput of reading reports the way `nectar` does: detection picks the parser, which finds
//! the page's layout and extracts the facts. Three corpora: the five real reports in
//! `../shared/seeds` and the 70 real pages of many sites in `../shared/field` (each skipped when
//! it is not beside the checkout), and every `*.txt` of the sample corpus in `examples/corpus`. Each is measured per byte (`Throughput::Bytes`) and per
//! report (`Throughput::Elements`). Reading files and building the registry are not measured.
//!
//! `cargo bench -p nectar-benches` (see `README.md`).

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use nectar_model::Document;
use nectar_registry::Registry;

/// Every report under `dir`, read with its sidecar as `nectar build` reads it.
fn load(dir: &Path) -> Vec<Document> {
    nectar_io::discover(&[dir.to_owned()])
        .into_iter()
        .map(|file| {
            let file = file.unwrap_or_else(|e| panic!("{e}"));
            nectar_io::read_document(&file.path, &file.display, &Default::default())
                .unwrap_or_else(|e| panic!("{e}"))
        })
        .collect()
}

/// Detects, parses and extracts every document; returns the number of facts read so that
/// none of the work can be optimised away.
fn read_all(registry: &Registry, docs: &[Document]) -> usize {
    docs.iter()
        .map(|doc| {
            let detection = registry.detect(doc).expect("a parser for every document");
            let report = nectar_pipeline::parse(black_box(doc), &detection)
                .unwrap_or_else(|e| panic!("{}: {e}", doc.source.path));
            let facts = report.meetings.len()
                + report.figures.len()
                + report.votes.len()
                + report.decisions.len()
                + report.people.len()
                + report.comments.len();
            black_box(report);
            facts
        })
        .sum()
}

fn bench_corpus(c: &mut Criterion, registry: &Registry, name: &str, docs: &[Document]) {
    let bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();
    println!(
        "{name}: {} reports, {bytes} bytes, {} facts",
        docs.len(),
        read_all(registry, docs)
    );
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("detect+parse+extract/bytes", |b| {
        b.iter(|| read_all(registry, black_box(docs)))
    });
    group.throughput(Throughput::Elements(docs.len() as u64));
    group.bench_function("detect+parse+extract/reports", |b| {
        b.iter(|| read_all(registry, black_box(docs)))
    });
    group.finish();
}

fn parse(c: &mut Criterion) {
    let registry = nectar_plugins::registry().expect("a valid registry");
    match nectar_testkit::seeds_dir() {
        Some(dir) => {
            let seeds = load(&dir);
            assert_eq!(seeds.len(), 5, "the five real reports in {}", dir.display());
            bench_corpus(c, &registry, "seeds", &seeds);
        }
        None => eprintln!("seeds: skipped, ../shared/seeds is not beside the checkout"),
    }
    match nectar_testkit::field_dir() {
        Some(dir) => bench_corpus(c, &registry, "field", &load(&dir)),
        None => eprintln!("field: skipped, ../shared/field is not beside the checkout"),
    }
    let corpus = load(&nectar_testkit::sample_corpus_dir());
    assert!(!corpus.is_empty(), "the sample corpus has reports");
    bench_corpus(c, &registry, "sample_corpus", &corpus);
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
}

criterion_group! {
    name = benches;
    config = config();
    targets = parse
}
criterion_main!(benches);
