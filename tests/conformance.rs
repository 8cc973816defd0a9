//! Conformance: every `must` fact of the real reports in `../shared/seeds` and of every report
//! in the sample corpus is read correctly, every span holds its quote, and at least 90% of the
//! `should` facts are found.

use std::path::Path;

use nectar_model::Report;
use nectar_testkit::{Conformance, Expected, conformance};

/// Reads a file the way `nectar` does: detection picks the parser (or the sidecar names it).
fn read(path: &Path) -> (Report, String) {
    let registry = nectar_plugins::registry().expect("registry");
    let doc = nectar_io::read_document(path, &path.display().to_string(), &Default::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let detection = registry.detect(&doc).expect("a parser");
    let report = detection.parser.parser.parse(&doc).expect("parses");
    (report, doc.text)
}

fn run(cases: &[(std::path::PathBuf, Expected)], label: &str, min_should: f64) {
    let mut failures = Vec::new();
    let (mut total, mut passed) = (0, 0);
    for (path, expected) in cases {
        let (report, text) = read(path);
        let c: Conformance = conformance(&report, &text, expected);
        total += c.should_total;
        passed += c.should_passed();
        let name = path.file_name().unwrap().to_string_lossy();
        for f in &c.must_failures {
            failures.push(format!("{name}: {f}"));
        }
        for f in &c.should_failures {
            println!("{name}: should: {f}");
        }
    }
    let share = if total == 0 { 1.0 } else { passed as f64 / total as f64 };
    println!("{label}: should facts found: {passed}/{total} ({:.0}%)", share * 100.0);
    assert!(failures.is_empty(), "{label}: must facts failed:\n{}", failures.join("\n"));
    assert!(
        share >= min_should,
        "{label}: only {:.0}% of should facts found (need {:.0}%)",
        share * 100.0,
        min_should * 100.0
    );
}

#[test]
fn real_reports() {
    let Some(seeds) = nectar_testkit::require_seeds() else {
        return;
    };
    let cases = nectar_testkit::seed_expectations(&seeds);
    assert_eq!(cases.len(), 5);
    run(&cases, "seeds", 0.9);
}

#[test]
fn sample_corpus() {
    let cases = nectar_testkit::corpus_expectations(&nectar_testkit::sample_corpus_dir());
    assert!(cases.len() >= 12, "{} expected files", cases.len());
    run(&cases, "sample corpus", 0.9);
}
