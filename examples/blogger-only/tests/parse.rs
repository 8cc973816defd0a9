//! The parser crate alone reads a Blogger page: no other nectar crate is named anywhere here.

use nectar_parse_blogger::{Blogger, Document, Report, SourceParser};

fn sample() -> (String, Report) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/sample/nec-report.txt");
    let text = std::fs::read_to_string(path).expect("the sample page");
    let doc = Document::from_text("sample/nec-report.txt", &text);
    let report = Blogger.parse(&doc).expect("the sample page parses");
    (text, report)
}

#[test]
fn the_parser_crate_alone_reads_a_blogger_page() {
    let (text, report) = sample();
    assert_eq!(report.source, "blogger");
    assert_eq!(report.parser.name, "blogger");
    assert_eq!(
        report.title.as_ref().map(|t| t.value.as_str()),
        Some("Report from the NEC, 13 May")
    );
    assert_eq!(report.authors[0].value, "Alex Example");
    let meeting = report.primary_meeting().expect("the meeting reported");
    let date = meeting.date.as_ref().expect("its date");
    assert_eq!(date.date.to_string(), "2025-05-13");
    assert_eq!(meeting.duration.as_ref().map(|d| d.hours), Some(4.0));
    assert_eq!(report.figures[0].value, 366_604.0);
    // Defeated by 21 votes to 9: 9 for, 21 against.
    assert_eq!(report.votes[0].counts.yes, Some(9));
    assert_eq!(report.votes[0].counts.no, Some(21));
    assert_eq!(report.comments.len(), 1);
    // Every fact quotes the page: the quote is the text at its span.
    let figure = &report.figures[0].evidence;
    assert_eq!(&text[figure.span.start..figure.span.end], figure.quote);
}

#[test]
fn the_trait_is_there_for_detection() {
    let (text, _) = sample();
    let doc = Document::from_text("page.txt", &text);
    assert!(Blogger.detect(&doc, nectar_parse_blogger::SIGNATURES) >= 0.5);
    let empty = Document::from_text("empty.txt", "");
    assert!(
        Blogger.parse(&empty).is_err()
            || Blogger.parse(&empty).is_ok_and(|r| r.meetings.is_empty())
    );
}
