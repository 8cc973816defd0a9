//! One test per bug fixed in the page reader, named after it.

use nectar_page::read_page;

/// A line of the report that ends `... they have said:` was read as a reader's comment (the
/// style `NAME said:`), and the report's text was cut there: everything after it was lost.
#[test]
fn prose_line_ending_said_is_not_a_readers_comment() {
    let page = "Conference report\n\nThe NEC met on Sunday morning.\n\n\
        We asked the legal unit about suspended delegates and they have said:\n\n\
        1. A suspended member cannot be a delegate.\n\n\
        2. The CLP may ask for a visitor to act in their place.\n\n\
        The committee then agreed the timetable by 20 votes to 3.\n";
    let layout = read_page(page);
    assert!(layout.comments.is_empty());
    let body = &page[layout.body.start..layout.body.end];
    assert!(body.ends_with("by 20 votes to 3."), "{body:?}");
}

/// A page that starts at its body (no title) kept its first line as a "running header" and
/// so lost its first sentence: the meeting it dated ("this morning") was never read.
#[test]
fn first_line_of_a_page_without_a_title_is_not_a_running_header() {
    let text = "Despite the away day being held online, members walked out of the meeting \
                this morning.\n\nThe rest of the story follows in a second paragraph here.\n";
    let layout = read_page(text);
    assert!(layout.clutter.is_empty(), "clutter: {:?}", layout.clutter);
    // Repeated further down, the same line is a running header.
    let repeated = format!(
        "{text}Despite the away day being held online, members walked out of the meeting this morning.\n"
    );
    let layout = read_page(&repeated);
    assert_eq!(layout.clutter.len(), 1, "clutter: {:?}", layout.clutter);
}

/// The date lines real sites print under a title, each read as the publication date.
#[test]
fn date_lines_in_the_forms_real_sites_use() {
    for (line, want) in [
        ("Friday, 16 February 2018 15:20", "2018-02-16"),
        ("MARCH 12TH 2021", "2021-03-12"),
        ("30/11/2010, 09:15:00 AM", "2010-11-30"),
        ("May 30, 2012", "2012-05-30"),
        ("Posted on 4 June 2019 by Sam Field", "2019-06-04"),
        ("Published: Tuesday 9 July 2024", "2024-07-09"),
    ] {
        let page = format!(
            "NEC report: the summer meeting\n\n{line}\n\nThe NEC met on Tuesday and agreed the \
             timetable for selections.\n"
        );
        let layout = read_page(&page);
        let got = layout.published.map(|(d, _)| d.to_string());
        assert_eq!(got.as_deref(), Some(want), "{line}");
    }
}

/// A third party's parser could make nectar-page panic by handing it a span of another text, or
/// one that cuts a character: every public function now finds nothing there.
#[test]
fn page_functions_given_a_span_outside_their_text_find_nothing() {
    use nectar_model::{Layout, Span};
    use nectar_page::{
        Site, byline_authors, credited, cut_trailer, date_line, headed_comments, named_comments,
        posts, reporters,
    };
    let text = "By Ann Black – 3 March 2015, é";
    let inside_e = Span::new(0, text.len() - 1);
    for bad in [Span::new(0, text.len() + 40), Span::new(50, 60), inside_e] {
        assert!(reporters(text, bad).is_empty());
        assert!(byline_authors(text, bad).is_empty());
        assert!(credited(text, bad).is_empty());
        assert_eq!(date_line(text, bad), None);
        assert_eq!(cut_trailer(text, bad, &Site::default()), bad);
        let layout = Layout {
            body: bad,
            ..Layout::default()
        };
        assert!(posts(text, &layout, None).is_empty());
    }
    // The same spans inside the text find what is there.
    let whole = Span::new(0, text.len());
    assert_eq!(byline_authors(text, whole), [Span::new(3, 12)]);
    let date = text.find("3 March").expect("the date");
    let found = date_line(text, Span::new(date, date + "3 March 2015".len()));
    assert_eq!(
        found.map(|(d, _)| d.to_string()).as_deref(),
        Some("2015-03-03")
    );
    // Lines of a longer text read as blank lines of this one.
    let other = "Jo said...\n\nA comment\n\n".repeat(20);
    let lines = nectar_text::lines(&other);
    let header = regex::Regex::new(r"^(?P<name>\w+) said\.\.\.$").expect("a regex");
    let _ = named_comments(text, &lines, &header, &Site::default());
    let _ = headed_comments(text, &lines, &Site::default());
}
