//! Scale: a synthetic corpus (`nectar_testkit::synth`, generated in memory with a fixed seed)
//! is read the way `nectar` reads files (detection picks the parser, the sidecar included),
//! and every `must` fact of every report passes `nectar_testkit::conformance`.
//!
//! `synthetic_500` runs always. `synthetic_10000` is the full scale test, too slow for a debug
//! build (see its note); run it with
//! `cargo test --release -p nectar-tests --test scale -- --ignored`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::time::Instant;

use nectar_model::{Document, Report};
use nectar_registry::Registry;
use nectar_testkit::synth::{self, SynthReport};
use nectar_testkit::{Conformance, conformance};

/// The seed of the scale tests' corpus.
const SEED: u64 = 2026;

/// Reads a generated report as `nectar` would read it from a file: the hash computed, the
/// sidecar beside it, detection picking the parser.
fn read(registry: &Registry, r: &SynthReport) -> (Report, Document) {
    let mut doc = r.document();
    doc.source.sha256 = nectar_io::sha256_hex(doc.text.as_bytes());
    let detection = registry.detect(&doc).expect("a parser");
    let report = nectar_pipeline::parse(&doc, &detection).expect("parses");
    (report, doc)
}

/// The phrasings a report was made from (`duration/3, vote/7`), from the `template` keys of
/// its expected facts, so that a failure points at its template.
fn templates(expected: &serde_json::Value) -> String {
    let must = &expected["must"];
    let mut out: Vec<&str> = Vec::new();
    out.extend(must["primary_meeting"]["template"].as_str());
    for key in ["membership", "votes", "other_meetings_must"] {
        for fact in must[key].as_array().into_iter().flatten() {
            out.extend(fact["template"].as_str());
        }
    }
    out.join(", ")
}

/// What one worker found: must failures and should counts.
#[derive(Default)]
struct Tally {
    failures: Vec<String>,
    should_total: usize,
    should_passed: usize,
    bytes: usize,
}

fn check_range(registry: &Registry, range: std::ops::Range<usize>) -> Tally {
    let mut t = Tally::default();
    for i in range {
        let r = synth::report(i, SEED);
        let (report, doc) = read(registry, &r);
        let c: Conformance = conformance(&report, &doc.text, &r.expected());
        t.bytes += r.text.len();
        t.should_total += c.should_total;
        t.should_passed += c.should_passed();
        for f in c.must_failures {
            t.failures.push(format!(
                "{} ({}; {}): {f}",
                r.stem,
                r.source,
                templates(&r.expected)
            ));
        }
    }
    t
}

/// Generates and checks reports `0..n`, on as many threads as there are cores.
fn check(n: usize) {
    let start = Instant::now();
    let registry = nectar_plugins::registry().expect("registry");
    let threads = std::thread::available_parallelism()
        .map_or(1, |p| p.get())
        .min(n.max(1));
    let chunk = n.div_ceil(threads);
    let tallies: Vec<Tally> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|k| {
                let registry = &registry;
                s.spawn(move || check_range(registry, k * chunk..((k + 1) * chunk).min(n)))
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut failures = Vec::new();
    let (mut total, mut passed, mut bytes) = (0, 0, 0);
    for t in tallies {
        failures.extend(t.failures);
        total += t.should_total;
        passed += t.should_passed;
        bytes += t.bytes;
    }
    println!(
        "{n} synthetic reports, {bytes} bytes, {threads} threads, {:.1} s; should facts found: {passed}/{total} ({:.0}%)",
        start.elapsed().as_secs_f64(),
        100.0 * passed as f64 / total.max(1) as f64
    );
    let shown: Vec<&String> = failures.iter().take(60).collect();
    assert!(
        failures.is_empty(),
        "{} must facts failed (first {}):\n{}",
        failures.len(),
        shown.len(),
        shown
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// 500 reports (about 7.5 MB), every layout and phrasing (a few seconds in a debug build);
/// runs in every `cargo test`.
#[test]
fn synthetic_500() {
    check(500);
}

/// 10,000 reports (about 155 MB). Ignored because a debug build takes over a minute on two
/// cores (65 to 80 s, against about 6 s in release); run it with
/// `cargo test --release -p nectar-tests --test scale -- --ignored`.
#[test]
#[ignore = "slow in a debug build: cargo test --release -p nectar-tests --test scale -- --ignored"]
fn synthetic_10000() {
    check(10_000);
}

/// A corpus written to files and read back with `nectar_io` gives the same reports as the
/// in-memory documents the tests above read.
#[test]
fn files_read_as_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let n = 10;
    synth::write_corpus(dir.path(), n, SEED).unwrap();
    let registry = nectar_plugins::registry().expect("registry");
    for r in synth::generate(n, SEED) {
        let path = dir.path().join(format!("{}.txt", r.stem));
        let doc = nectar_io::read_document(&path, &format!("{}.txt", r.stem), &Default::default())
            .unwrap();
        let from_file = nectar_pipeline::parse(&doc, &registry.detect(&doc).unwrap()).unwrap();
        let (in_memory, _) = read(&registry, &r);
        let json = |rep: &Report| serde_json::to_value(rep).unwrap();
        assert_eq!(json(&from_file), json(&in_memory), "{}", r.stem);
        let expected: nectar_testkit::Expected = serde_json::from_str(
            &std::fs::read_to_string(dir.path().join(format!("{}.expected.json", r.stem))).unwrap(),
        )
        .unwrap();
        assert!(
            conformance(&from_file, &doc.text, &expected)
                .must_failures
                .is_empty()
        );
    }
}

/// A named change to a report's `must` facts.
type Change = (&'static str, fn(&mut serde_json::Value));

/// The check is not vacuous: a generated report with one expected fact changed fails it.
#[test]
fn wrong_expectations_fail() {
    use serde_json::json;
    let registry = nectar_plugins::registry().expect("registry");
    let changes: Vec<Change> = vec![
        ("date", |m| {
            m["primary_meeting"]["date"] = json!("2009-01-01")
        }),
        ("kind", |m| {
            m["primary_meeting"]["kind"] = json!("disputes_panel")
        }),
        ("source", |m| m["source"] = json!("nobody")),
        ("title", |m| m["title"] = json!("Not the title")),
        ("authors", |m| m["authors"] = json!(["Nobody Atall"])),
        ("comments", |m| m["comments"]["count"] = json!(99)),
        ("clutter", |m| m["not_in_body"] = json!(["the"])),
        ("votes", |m| {
            m["votes"]
                .as_array_mut()
                .unwrap()
                .push(json!({"for": 1, "against": 2, "outcome": "defeated"}))
        }),
        ("membership", |m| {
            let figures = m["membership"].as_array_mut().unwrap();
            match figures.first_mut() {
                Some(f) => f["value"] = json!(1),
                None => figures.push(json!({"value": 123_456})),
            }
        }),
    ];
    for r in synth::generate(10, SEED) {
        let (report, doc) = read(&registry, &r);
        assert!(
            conformance(&report, &doc.text, &r.expected())
                .must_failures
                .is_empty()
        );
        for (what, change) in &changes {
            let mut e = r.expected.clone();
            change(&mut e["must"]);
            let expected: nectar_testkit::Expected = serde_json::from_value(e).unwrap();
            let c = conformance(&report, &doc.text, &expected);
            assert!(
                !c.must_failures.is_empty(),
                "{}: a wrong {what} passed",
                r.stem
            );
        }
    }
}
