//! A third party's parser gives `extract` its layout: a span past the text's end or inside a
//! character made it panic (issue 17). It is now an error naming the span.

use nectar_extract::extract;
use nectar_model::{Document, Layout, ParserInfo, Span};

fn info() -> ParserInfo {
    ParserInfo {
        name: "theirs".into(),
        version: "0".into(),
        confidence: 0.5,
    }
}

#[test]
fn extract_of_a_layout_outside_its_text_is_an_error_not_a_panic() {
    let text = "NEC report\n\nThe NEC met on 3 March 2015. Café.";
    let doc = Document::from_text("r.txt", text);
    let cafe = text.find('é').expect("an é");
    let cases = [
        Layout {
            body: Span::new(12, text.len() + 5),
            ..Layout::default()
        },
        Layout {
            body: Span::new(12, cafe + 1),
            ..Layout::default()
        },
        Layout {
            title: Some(Span::new(0, 400)),
            body: Span::new(12, text.len()),
            ..Layout::default()
        },
        Layout {
            body: Span::new(12, text.len()),
            clutter: vec![Span::new(30, 10)],
            ..Layout::default()
        },
    ];
    for layout in &cases {
        let err = extract(&doc, layout, info()).expect_err("a bad layout");
        let line = err.to_string();
        assert!(
            line.contains("outside the text") || line.contains("character boundaries"),
            "{line}"
        );
    }
    // The same layout with its spans in the text reads the meeting.
    let good = Layout {
        title: Some(Span::new(0, 10)),
        body: Span::new(12, text.len()),
        ..Layout::default()
    };
    let report = extract(&doc, &good, info()).expect("a good layout");
    let date = report.meetings[0].date.as_ref().expect("a date");
    assert_eq!(date.date.to_string(), "2015-03-03");
}
