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
