//! Issue 16: IDs that a better parser keeps. A report's ID comes from its URL (or its file's
//! bytes), a fact's from its report and its quote: reading the same reports with a parser that
//! finds one fact more leaves the ID of every other fact as it was.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use nectar_model::{Document, ParserInfo, Report, Span};

/// The report of `doc`, read with its parser's layout, its body starting at `start` when given
/// (as a parser that takes the report's first lines for a page's header would read it).
fn read(doc: &Document, start: Option<usize>) -> Report {
    let registry = nectar_plugins::registry().unwrap();
    let found = registry.detect(doc).unwrap();
    let mut layout = found.parser.parser.layout(doc).unwrap();
    if let Some(start) = start {
        layout.body = Span::new(start.max(layout.body.start), layout.body.end);
    }
    let info = ParserInfo {
        name: found.parser.name.into(),
        version: found.parser.version.into(),
        confidence: found.confidence,
    };
    nectar_extract::extract(doc, &layout, info).expect("the layout is of the text")
}

/// Every fact's ID, with the place it was read from.
fn ids(report: &Report) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    out.extend(
        report
            .meetings
            .iter()
            .map(|m| (m.evidence.span.start, m.meeting_id.clone())),
    );
    out.extend(
        report
            .figures
            .iter()
            .map(|f| (f.evidence.span.start, f.figure_id.clone())),
    );
    out.extend(
        report
            .votes
            .iter()
            .map(|v| (v.evidence.span.start, v.vote_id.clone())),
    );
    out.extend(
        report
            .decisions
            .iter()
            .map(|d| (d.evidence.span.start, d.decision_id.clone())),
    );
    out
}

#[test]
fn a_parser_that_finds_one_more_fact_keeps_every_other_facts_id() {
    let Some(seeds) = nectar_testkit::require_seeds() else {
        return;
    };
    let mut checked = 0;
    for file in nectar_io::discover(&[seeds]) {
        let file = file.unwrap();
        let doc = nectar_io::read_document(&file.path, &file.display, &Default::default()).unwrap();
        let better = read(&doc, None);
        // The older parser starts the report after the line of its first figure: every fact
        // after it stands at another position among its kind.
        let Some(figure) = better.figures.first() else {
            continue;
        };
        let span = figure.evidence.span;
        let line_end = doc.text[span.end..]
            .find('\n')
            .map_or(doc.text.len(), |i| span.end + i);
        let older = read(&doc, Some(line_end));
        assert!(
            older.figures.len() < better.figures.len(),
            "{}: the older parser finds fewer figures",
            file.display
        );
        assert_eq!(older.report_id, better.report_id, "{}", file.display);
        let better_ids = ids(&better);
        let mut kept = 0;
        for (at, id) in ids(&older) {
            if let Some((_, same)) = better_ids.iter().find(|(b, _)| *b == at) {
                assert_eq!(&id, same, "{}: the fact at byte {at}", file.display);
                kept += 1;
            }
        }
        assert!(kept > 0, "{}: facts in common", file.display);
        // Position-based IDs (`/f2`) would have changed: a kept figure stands elsewhere.
        let place =
            |r: &Report, at: usize| r.figures.iter().position(|f| f.evidence.span.start == at);
        assert!(
            older.figures.iter().any(|f| {
                let at = f.evidence.span.start;
                place(&better, at).is_some_and(|b| Some(b) != place(&older, at))
            }),
            "{}: some figure moved",
            file.display
        );
        checked += 1;
    }
    assert!(checked >= 3, "{checked} seeds with figures");
}

#[test]
fn a_report_is_named_by_its_url_not_by_what_is_read_from_it() {
    let text = "NEC report – 3 March 2015\n\nThe NEC met on 3 March 2015. Membership is 190,000.\n";
    let mut doc = Document::from_text("a.txt", text);
    doc.source.url = Some("https://example.org/2015/03/nec/?utm_source=feed".into());
    let first = read(&doc, None);
    // Another reading of the date does not change the ID; the URL alone does.
    let mut later = Document::from_text("a.txt", text.replace("3 March", "4 March"));
    later.source.url = Some("http://www.example.org/2015/03/nec/".into());
    assert_eq!(read(&later, None).report_id, first.report_id);
    assert!(
        first.report_id.starts_with("example.org-"),
        "{}",
        first.report_id
    );
    assert!(first.figures[0].figure_id.starts_with(&first.report_id));
}
