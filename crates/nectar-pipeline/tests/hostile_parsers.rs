//! Issue 17: a third party's parser that panics, or gives a layout outside the text, fails its
//! file with one line; the run goes on.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use nectar_model::{Document, Layout, Span};
use nectar_registry::{ParseError, Registry, SourceParser, register_parser};

struct Panics;
impl SourceParser for Panics {
    fn layout(&self, _: &Document) -> Result<Layout, ParseError> {
        panic!("a bug in a plugin")
    }
}
register_parser! {
    name: "test_panics",
    description: "A parser that panics.",
    publisher: "tests",
    signatures: &[],
    url_patterns: &[],
    parser: &Panics,
}

struct OutOfRange;
impl SourceParser for OutOfRange {
    fn layout(&self, doc: &Document) -> Result<Layout, ParseError> {
        Ok(Layout {
            body: Span::new(0, doc.text.len() + 10),
            ..Layout::default()
        })
    }
}
register_parser! {
    name: "test_out_of_range",
    description: "A parser whose body runs past the text.",
    publisher: "tests",
    signatures: &[],
    url_patterns: &[],
    parser: &OutOfRange,
}

fn failures(parser: &str) -> Vec<String> {
    let registry = Registry::collect().unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "NEC report\n\nThe NEC met on 3 March 2015.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "NEC report\n\nThe NEC met on 4 March 2015.\n",
    )
    .unwrap();
    let options = nectar_pipeline::Options {
        source: registry.parser(parser),
        ..Default::default()
    };
    let mut read = 0;
    let summary = nectar_pipeline::read(
        &[dir.path().to_owned()],
        &registry,
        &options,
        |_| {
            read += 1;
            Ok::<_, ()>(())
        },
        |_| {},
    )
    .unwrap();
    assert_eq!(read, 0);
    summary.failures
}

#[test]
fn a_parser_that_panics_fails_its_files_not_the_run() {
    let failures = failures("test_panics");
    assert_eq!(failures.len(), 2, "{failures:?}");
    assert!(failures[0].ends_with(
        "a.txt: reading it failed inside nectar or parser test_panics (a bug in a plugin); please report it"
    ), "{failures:?}");
}

#[test]
fn a_layout_outside_the_text_is_an_error_not_a_panic() {
    let failures = failures("test_out_of_range");
    assert_eq!(failures.len(), 2, "{failures:?}");
    assert!(
        failures[0].ends_with(
            "a.txt: parser test_out_of_range: body 0..51 is outside the text (41 bytes)"
        ),
        "{failures:?}"
    );
}

/// Issue 17: two files of one page (the same URL, saved twice with other bytes) gave two
/// reports with one ID.
#[test]
fn two_saved_copies_of_one_page_are_one_report() {
    let registry = nectar_plugins::registry().unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (name, extra) in [("a.txt", ""), ("b.txt", "Updated.\n")] {
        std::fs::write(
            dir.path().join(name),
            format!("NEC report\n\nThe NEC met on 3 March 2015.\n{extra}"),
        )
        .unwrap();
        std::fs::write(
            dir.path().join(name.replace(".txt", ".meta.json")),
            r#"{"url": "https://example.org/nec/2015/03"}"#,
        )
        .unwrap();
    }
    let mut ids = Vec::new();
    let summary = nectar_pipeline::read(
        &[dir.path().to_owned()],
        &registry,
        &Default::default(),
        |r| {
            ids.push(r.report_id);
            Ok::<_, ()>(())
        },
        |_| {},
    )
    .unwrap();
    assert_eq!(ids.len(), 1, "{ids:?}");
    assert_eq!(summary.duplicates.len(), 1);
    assert!(
        summary.duplicates[0].contains("the same page as")
            && summary.duplicates[0].contains("https://example.org/nec/2015/03"),
        "{:?}",
        summary.duplicates
    );
}

struct Slow;
impl SourceParser for Slow {
    fn layout(&self, doc: &Document) -> Result<Layout, ParseError> {
        std::thread::sleep(std::time::Duration::from_secs(3));
        Ok(Layout {
            body: Span::new(0, doc.text.len()),
            ..Layout::default()
        })
    }
}
register_parser! {
    name: "test_slow",
    description: "A parser that takes seconds.",
    publisher: "tests",
    signatures: &[],
    url_patterns: &[],
    parser: &Slow,
}

/// Issue 17: `build` had no per-file time bound.
#[test]
fn a_file_past_the_time_limit_is_given_up() {
    let registry = Registry::collect().unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "NEC report\n\nThe NEC met.\n").unwrap();
    let options = nectar_pipeline::Options {
        source: registry.parser("test_slow"),
        timeout: Some(std::time::Duration::from_millis(200)),
        ..Default::default()
    };
    let started = std::time::Instant::now();
    let summary = nectar_pipeline::read(
        &[dir.path().to_owned()],
        &registry,
        &options,
        |_| Ok::<_, ()>(()),
        |_| {},
    )
    .unwrap();
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "not waited for"
    );
    assert_eq!(summary.failures.len(), 1);
    assert!(
        summary.failures[0]
            .ends_with("a.txt: parser test_slow took over 0.2 s, given up (--timeout)"),
        "{:?}",
        summary.failures
    );
}
