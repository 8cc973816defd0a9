//! Every stage of reading a report, measured alone, on each corpus (`corpora.rs`): the seeds,
//! the sample corpus, and 1,000 and 10,000 synthetic reports. All in `Throughput::Bytes`.
//!
//! | benchmark | what one pass does | bytes |
//! |---|---|---|
//! | `CORPUS/read` | `nectar_io::read_document` of every file: read, decode, SHA-256, sidecar | the files' size |
//! | `CORPUS/detect` | `registry.detect(&doc)` of every document | the documents' text |
//! | `CORPUS/parse/NAME` | `nectar_pipeline::parse` (the parser's layout, then extract) of the documents detection gives to parser `NAME` | those documents' text |
//! | `CORPUS/layout/read_page` | `nectar_page::read_page` of every document: the common page reader | the documents' text |
//! | `CORPUS/extract` | `nectar_extract::extract` of every document from its `read_page` layout (computed beforehand) | the documents' text |
//! | `CORPUS/text/FN` | one `nectar_text` function over every report's body (`report.body`, found beforehand) | the bodies' text |
//! | `CORPUS/text/scan_all` | a `nectar_text::Scan` of every body asked for everything (sentences, dates, numbers, quantities, durations, votes), each scan made once and shared | the bodies' text |
//!
//! Everything a stage needs is made before its measurement: files are read once, the registry
//! is built once, and reports are parsed once for their bodies.
//!
//! On `synth_10k`, where one pass of `extract` or of the single `nectar_text` functions takes
//! seconds, only `read`, `detect`, `parse/*`, `layout/read_page` and `text/scan_all` run, to
//! keep the whole `cargo bench` under ten minutes (report `i` of a synthetic corpus is the same
//! whatever its size, so `synth_1k` has the same mix); `NECTAR_BENCH_FULL=1` runs them all.
//!
//! `cargo bench -p nectar-benches --bench stages [-- FILTER]` (see `README.md`).

use std::collections::BTreeMap;
use std::hint::black_box;

use criterion::{Criterion, Throughput};
use nectar_model::{Document, Layout, ParserInfo, Span};
use nectar_registry::{Detection, Registry};

#[path = "corpora.rs"]
mod corpora;

use corpora::{Corpus, Selection};

/// A `nectar_text` function, returning how many things it found.
type TextFn = fn(&str) -> usize;

/// The `nectar_text` functions measured: each finds something in a body, or splits it.
fn text_functions() -> Vec<(&'static str, TextFn)> {
    vec![
        ("sentences", |t| nectar_text::sentences(t).len()),
        ("lines", |t| nectar_text::lines(t).len()),
        ("find_dates", |t| nectar_text::find_dates(t).len()),
        ("find_numbers", |t| nectar_text::find_numbers(t).len()),
        ("find_quantities", |t| nectar_text::find_quantities(t).len()),
        ("find_durations", |t| nectar_text::find_durations(t).len()),
        ("find_votes", |t| nectar_text::find_votes(t).len()),
        ("scan_all", |t| {
            let scan = nectar_text::Scan::new(t);
            scan.sentences().len()
                + scan.dates().len()
                + scan.numbers().len()
                + scan.quantities().len()
                + scan.durations().len()
                + scan.votes().len()
        }),
    ]
}

/// The benchmark names of one corpus, without the corpus: every parser is listed, whether or
/// not the corpus has documents for it.
fn stage_ids(registry: &Registry) -> Vec<String> {
    let mut ids = vec!["read".to_owned(), "detect".to_owned()];
    ids.extend(
        registry
            .parsers()
            .iter()
            .map(|p| format!("parse/{}", p.name)),
    );
    ids.push("layout/read_page".to_owned());
    ids.push("extract".to_owned());
    ids.extend(text_functions().iter().map(|(f, _)| format!("text/{f}")));
    ids
}

/// What the stages of one corpus work on, made once before measuring.
struct Prepared {
    docs: Vec<Document>,
    /// Per parser that detection picks, the documents it picks it for (indices into `docs`).
    by_parser: BTreeMap<&'static str, Vec<usize>>,
    /// Each report's body, as its parser found it.
    bodies: Vec<Span>,
    /// Each document's layout by `read_page`, when `extract` runs.
    layouts: Vec<Layout>,
}

impl Prepared {
    fn new(corpus: &Corpus, registry: &Registry, with_layouts: bool) -> Self {
        let started = std::time::Instant::now();
        let docs = corpus.documents();
        let mut by_parser: BTreeMap<&'static str, Vec<usize>> = BTreeMap::new();
        let mut bodies = Vec::with_capacity(docs.len());
        let mut facts = 0;
        for (i, doc) in docs.iter().enumerate() {
            let detection = registry.detect(doc).expect("a parser for every document");
            by_parser.entry(detection.parser.name).or_default().push(i);
            let report = nectar_pipeline::parse(doc, &detection)
                .unwrap_or_else(|e| panic!("{}: {e}", doc.source.path));
            facts += nectar_pipeline::facts(&report);
            bodies.push(report.body);
        }
        let layouts = match with_layouts {
            true => docs
                .iter()
                .map(|d| nectar_page::read_page(&d.text))
                .collect(),
            false => Vec::new(),
        };
        let text: usize = docs.iter().map(|d| d.text.len()).sum();
        let body: usize = bodies.iter().map(|b| b.end - b.start).sum();
        let parsers: Vec<String> = by_parser
            .iter()
            .map(|(name, docs)| format!("{name} {}", docs.len()))
            .collect();
        println!(
            "{}: {} reports, {text} bytes of text ({body} in bodies), {facts} facts; parsers: {}; prepared in {:.1} s",
            corpus.name,
            docs.len(),
            parsers.join(", "),
            started.elapsed().as_secs_f64()
        );
        Prepared {
            docs,
            by_parser,
            bodies,
            layouts,
        }
    }

    fn text_bytes(&self, which: impl Iterator<Item = usize>) -> u64 {
        which.map(|i| self.docs[i].text.len() as u64).sum()
    }

    fn body(&self, i: usize) -> &str {
        self.bodies[i]
            .slice(&self.docs[i].text)
            .expect("the body is a span of the text")
    }
}

/// Whether the benchmark `id` (without the corpus) runs on `corpus`: see the module's doc.
fn runs_on(corpus: &str, id: &str) -> bool {
    corpus != "synth_10k"
        || std::env::var_os("NECTAR_BENCH_FULL").is_some_and(|v| v == "1")
        || !(id == "extract" || id.starts_with("text/") && id != "text/scan_all")
}

fn bench_corpus(c: &mut Criterion, registry: &Registry, corpus: &Corpus) {
    let runs = |id: &str| runs_on(corpus.name, id);
    let prepared = Prepared::new(corpus, registry, runs("extract"));
    let docs = &prepared.docs;
    let all_text = prepared.text_bytes(0..docs.len());
    let mut group = c.benchmark_group(corpus.name);
    corpus.configure(&mut group);

    group.throughput(Throughput::Bytes(corpus.file_bytes));
    group.bench_function("read", |b| {
        b.iter(|| {
            corpus
                .files
                .iter()
                .map(|f| corpora::read(black_box(f)).text.len())
                .sum::<usize>()
        })
    });

    group.throughput(Throughput::Bytes(all_text));
    group.bench_function("detect", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| registry.detect(black_box(d)).map_or(0.0, |x| x.confidence))
                .sum::<f32>()
        })
    });

    for (name, which) in &prepared.by_parser {
        let parser = registry.parser(name).expect("a registered parser");
        group.throughput(Throughput::Bytes(
            prepared.text_bytes(which.iter().copied()),
        ));
        group.bench_function(format!("parse/{name}"), |b| {
            b.iter(|| {
                which
                    .iter()
                    .map(|&i| {
                        let detection = Detection {
                            parser,
                            confidence: 1.0,
                        };
                        let report = nectar_pipeline::parse(black_box(&docs[i]), &detection)
                            .expect("parses");
                        report.meetings.len() + report.figures.len()
                    })
                    .sum::<usize>()
            })
        });
    }

    group.throughput(Throughput::Bytes(all_text));
    group.bench_function("layout/read_page", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| nectar_page::read_page(black_box(&d.text)).body.end)
                .sum::<usize>()
        })
    });
    let info = ParserInfo {
        name: "generic".into(),
        version: "0".into(),
        confidence: 0.1,
    };
    if runs("extract") {
        group.bench_function("extract", |b| {
            b.iter(|| {
                docs.iter()
                    .zip(&prepared.layouts)
                    .map(|(d, layout)| {
                        let report = nectar_extract::extract(black_box(d), layout, info.clone())
                            .expect("the layout is of the text");
                        report.meetings.len() + report.figures.len()
                    })
                    .sum::<usize>()
            })
        });
    }

    let body_bytes: u64 = prepared
        .bodies
        .iter()
        .map(|s| (s.end - s.start) as u64)
        .sum();
    group.throughput(Throughput::Bytes(body_bytes));
    for (name, f) in text_functions() {
        if !runs(&format!("text/{name}")) {
            continue;
        }
        group.bench_function(format!("text/{name}"), |b| {
            b.iter(|| {
                (0..docs.len())
                    .map(|i| f(black_box(prepared.body(i))))
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

fn stages(c: &mut Criterion) {
    let registry = nectar_plugins::registry().expect("a valid registry");
    let selection = Selection::from_args();
    let ids = stage_ids(&registry);
    for name in corpora::ALL {
        let ids = ids.iter().filter(|id| runs_on(name, id));
        if !selection.selects_any(ids.map(|id| format!("{name}/{id}"))) {
            continue;
        }
        if let Some(corpus) = Corpus::build(name) {
            bench_corpus(c, &registry, &corpus);
        }
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    stages(&mut c);
    c.final_summary();
}
