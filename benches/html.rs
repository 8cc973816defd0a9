//! Main-text extraction from web pages (`nectar_html::read_page`: decoding, the limits' scan,
//! parsing, Readability and the page's metadata), on the 181 real article pages of
//! `../shared/html-bench` (skipped when it is not beside the checkout). Measured per page
//! (`Throughput::Elements`) and per byte of HTML; decompressing the pages is not measured.
//!
//! `cargo bench -p nectar-benches --bench html` (see `README.md`; the floor is 100 pages a
//! second on one core).

use std::hint::black_box;
use std::io::Read;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Every page of the benchmark, decompressed.
fn pages(dir: &Path) -> Vec<Vec<u8>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let gz = std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let mut html = Vec::new();
            flate2::read::MultiGzDecoder::new(gz.as_slice())
                .read_to_end(&mut html)
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            html
        })
        .collect()
}

/// Reads every page; returns the characters of text found, so that none of the work can be
/// optimised away.
fn read_all(pages: &[Vec<u8>]) -> usize {
    let limits = nectar_html::Limits::default();
    pages
        .iter()
        .map(|p| {
            nectar_html::read_page(black_box(p), None, &limits, &[])
                .map_or(0, |page| page.text.len())
        })
        .sum()
}

fn html(c: &mut Criterion) {
    let dir = nectar_testkit::workspace_root().join("../shared/html-bench/html");
    if !dir.is_dir() {
        eprintln!("html-bench: skipped, ../shared/html-bench is not beside the checkout");
        return;
    }
    let pages = pages(&dir);
    let bytes: u64 = pages.iter().map(|p| p.len() as u64).sum();
    println!(
        "html-bench: {} pages, {bytes} bytes of HTML, {} bytes of text",
        pages.len(),
        read_all(&pages)
    );
    let mut group = c.benchmark_group("html-bench");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.bench_function("read_page/pages", |b| {
        b.iter(|| read_all(black_box(&pages)))
    });
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("read_page/bytes", |b| {
        b.iter(|| read_all(black_box(&pages)))
    });
    group.finish();
}

criterion_group!(benches, html);
criterion_main!(benches);
