//! The Red Rose Review parser is registered beside the built-in ones, detection picks it for
//! its pages (and only for them), and it reads the sample reports correctly.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::path::Path;

use nectar_model::{Document, Report, VoteResult};
// Names the crate so that the linker keeps it, and with it the parser it registers.
use nectar_example_custom_source::{NAME, RedRoseReview};
use nectar_registry::{Registry, SourceParser};

fn registry() -> Registry {
    nectar_plugins::registry().expect("a valid registry")
}

fn sample(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Document::from_text(format!("sample/{name}"), text)
}

/// Detects and parses a document the way `nectar` does.
fn read(doc: &Document) -> Report {
    let detection = registry().detect(doc).expect("a parser");
    assert_eq!(detection.parser.name, NAME, "{}", doc.source.path);
    let report = nectar_pipeline::parse(doc, &detection).expect("parses");
    let errors = report.check(&doc.text);
    assert!(errors.is_empty(), "{}: {errors:?}", doc.source.path);
    report
}

fn date(report: &Report) -> String {
    let meeting = report.primary_meeting().expect("a primary meeting");
    meeting.date.as_ref().expect("a date").date.to_string()
}

fn membership(report: &Report) -> Vec<f64> {
    report
        .figures
        .iter()
        .filter(|f| f.metric == nectar_model::Metric::Membership)
        .map(|f| f.value)
        .collect()
}

fn authors(report: &Report) -> Vec<&str> {
    report.authors.iter().map(|a| a.value.as_str()).collect()
}

#[test]
fn registered_beside_the_built_in_parsers() {
    let registry = registry();
    let names: Vec<&str> = registry.parsers().iter().map(|p| p.name).collect();
    for built_in in nectar_plugins::expected_parsers() {
        assert!(
            names.contains(&built_in),
            "{built_in} missing from {names:?}"
        );
    }
    assert!(names.contains(&NAME), "{NAME} missing from {names:?}");
    assert_eq!(names.len(), nectar_plugins::expected_parsers().len() + 1);

    let ours = registry.parser(NAME).unwrap();
    assert!(ours.description.ends_with('.'));
    assert!(!ours.publisher.is_empty());
    assert_eq!(ours.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(ours.url_patterns, ["redrosereview.example"]);
}

#[test]
fn detection_picks_it_for_its_pages_only() {
    let registry = registry();
    for name in ["red-rose-2019-03.txt", "red-rose-2021-11.txt"] {
        let doc = sample(name);
        let detection = registry.detect(&doc).unwrap();
        assert_eq!(detection.parser.name, NAME, "{name}");
        assert!(
            detection.confidence >= 0.9,
            "{name}: {}",
            detection.confidence
        );
    }

    // A plain report goes to the generic parser.
    let plain = Document::from_text(
        "plain.txt",
        "A few thoughts after yesterday's meeting\n\n\
         The NEC met on Tuesday 5 March 2019. Membership is around 512,000. \
         The paper was carried by 24 votes to 9.\n",
    );
    assert_eq!(RedRoseReview.detect(&plain, &[]), 0.0);
    assert_eq!(registry.detect(&plain).unwrap().parser.name, "generic");

    // A page that merely mentions the Review deep in its body is not ours.
    let mention = Document::from_text(
        "mention.txt",
        format!(
            "NEC report\n\n{}As THE RED ROSE REVIEW reported last week, the NEC met.\n",
            "The NEC met on Tuesday and agreed the timetable. ".repeat(20)
        ),
    );
    assert_ne!(registry.detect(&mention).unwrap().parser.name, NAME);

    // Without the banner, the sidecar URL tells: the site's name near the top (0.35) plus the
    // URL (0.5) reaches the threshold.
    let mut bare = Document::from_text(
        "bare.txt",
        "The Red Rose Review\n\nTHE RED ROSE REVIEW\n\nThe NEC met on 5 March 2019.\n",
    );
    bare.source.url = Some("https://redrosereview.example/2019/03/nec/".into());
    assert_eq!(registry.detect(&bare).unwrap().parser.name, NAME);
}

#[test]
fn reads_the_march_2019_report() {
    let doc = sample("red-rose-2019-03.txt");
    let report = read(&doc);
    assert_eq!(report.source, NAME);
    assert_eq!(
        report.title.as_ref().unwrap().value,
        "NEC report: selections open early as membership holds up"
    );
    assert_eq!(authors(&report), ["Megan Ashworth"]);
    assert_eq!(
        report.published.as_ref().unwrap().value.to_string(),
        "2019-03-12"
    );
    // "Tuesday 5th March" takes its year from the `Filed:` line.
    assert_eq!(date(&report), "2019-03-05");
    assert_eq!(membership(&report), [512_000.0]);
    assert_eq!(report.votes.len(), 1, "{:#?}", report.votes);
    let vote = &report.votes[0];
    assert_eq!(
        (vote.counts.yes, vote.counts.no, vote.counts.abstain),
        (Some(24), Some(9), None)
    );
    assert_eq!(vote.result, VoteResult::Pass);
    // The banner, the header and the donation line are not part of the body.
    let body = report.body.slice(&doc.text).unwrap();
    assert!(body.starts_with("The full NEC met"), "{body}");
    assert!(body.ends_with("meets in April."), "{body}");
}

#[test]
fn reads_the_november_2021_report() {
    let doc = sample("red-rose-2021-11.txt");
    let report = read(&doc);
    assert_eq!(
        report.title.as_ref().unwrap().value,
        "Inside the NEC: a tight vote on the rule book"
    );
    assert_eq!(authors(&report), ["Daniel Okafor", "Ruth Pennington"]);
    assert_eq!(date(&report), "2021-11-16");
    assert_eq!(membership(&report), [430_000.0]);
    assert_eq!(report.votes.len(), 1, "{:#?}", report.votes);
    let vote = &report.votes[0];
    assert_eq!(
        (vote.counts.yes, vote.counts.no, vote.counts.abstain),
        (Some(19), Some(14), Some(1))
    );
    assert_eq!(vote.result, VoteResult::Pass);
    let body = report.body.slice(&doc.text).unwrap();
    assert!(!body.contains("Support the Review"), "{body}");
}

#[test]
fn layout_without_the_header_keeps_read_page() {
    // Called directly on a page of another layout, the parser changes nothing that read_page
    // found but the trailer.
    let text = "NEC report: March\n\nThe NEC met on 5 March 2019.\n";
    let doc = Document::from_text("other.txt", text);
    assert_eq!(
        RedRoseReview.layout(&doc).unwrap(),
        nectar_page::read_page(text)
    );
}
