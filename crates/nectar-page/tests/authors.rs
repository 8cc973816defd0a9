//! Who wrote a page: one test per layout of authorship the page reader knows, named after it,
//! with the near misses it must not take for an author.

use nectar_page::read_page;

fn authors(page: &str) -> Vec<&str> {
    read_page(page)
        .authors
        .iter()
        .map(|s| &page[s.start..s.end])
        .collect()
}

/// A site that posts a member's e-mail or letter: the sender signs it off under the text
/// (`Best wishes` and a name), and the sender is the author, not the name the site shows
/// under its headline for whoever posted it.
#[test]
fn a_letter_signed_off_under_the_text_is_by_its_sender() {
    let page = "Our rep writes to members after the NEC\n\nSam Poster\n\n\
        We print below a note that reached us this morning.\n\n\
        Hello everyone,\n\n\
        The executive met today and agreed the timetable for selections.\n\n\
        I will keep you posted on what follows.\n\n\
        Kind regards,\n\n\
        Jo Bloggs\n\n\
        More from our site\n\nAnother story\n";
    assert_eq!(authors(page), ["Jo Bloggs"]);

    // A valediction inside the text with no name after it signs nothing.
    let page = "NEC report, spring\n\nThe NEC met on Tuesday and agreed the budget.\n\n\
        Thanks\n\nto everyone who wrote in before the meeting.\n";
    assert!(authors(page).is_empty(), "{:?}", authors(page));
}

/// A news site or a CMS prints the writer's name on a line of its own right under the
/// headline, sometimes with the seat they hold in brackets.
#[test]
fn a_name_alone_under_the_headline_is_its_byline() {
    let page = "Five things the NEC decided yesterday\n\nRiley Hart\n\
        Sign up to our daily email.\n\n\
        The national executive sat for seven hours and took decisions on staffing and rules.\n";
    assert_eq!(authors(page), ["Riley Hart"]);

    let page = "Updates\nNEC report – meetings held 3rd March 2020\nJo Bloggs (Youth Section)\n\
        The NEC and its organisation committee both met on Tuesday 3rd March.\n";
    assert_eq!(authors(page), ["Jo Bloggs"]);
    let layout = read_page(page);
    let title = layout.title.expect("a title");
    assert_eq!(
        &page[title.start..title.end],
        "NEC report – meetings held 3rd March 2020"
    );

    // A menu under the headline is not a byline: its first link is no writer's name.
    let page = "Five things the NEC decided yesterday - The Daily Site

Site Map

Our Team

        Home

News

Sport

Weather

        The national executive sat for seven hours and took decisions on staffing and rules.
";
    assert!(authors(page).is_empty(), "{:?}", authors(page));
}

/// A headline that ends with the writer's name after a dash and a title (`– Cllr NAME`).
#[test]
fn a_headline_ending_with_a_titled_name_names_its_writer() {
    let page = "Six months on the NEC – Cllr Robin Marsh\n\n\
        It is half a year since I joined the executive, and a lot has happened since then.\n";
    assert_eq!(authors(page), ["Robin Marsh"]);

    // A site's name after the dash is not a writer.
    let page = "NEC report – Red Notes\n\n\
        It is half a year since the new executive first met, and a lot has happened since.\n";
    assert!(authors(page).is_empty(), "{:?}", authors(page));
}

/// A joint report credits its writers in one of its opening lines with a list of names that
/// closes the line: after `by` and a description of them, or after a colon.
#[test]
fn a_report_credited_to_a_list_of_names_in_its_opening_lines_is_by_them() {
    let page = "Reps publish their first joint NEC report\n\n\
        The members elected by local parties have agreed to report together after every meeting.\n\n\
        It was first posted on social media this morning.\n\n\
        Joint report of the first meeting of the new NEC\n\
        A joint report by: Jo Bird, Sam Smith and Robin Marsh.\n\n\
        The new executive met on Tuesday evening for the first time.\n";
    assert_eq!(authors(page), ["Jo Bird", "Sam Smith", "Robin Marsh"]);

    let page = "Below is our report of the March meeting from the left team of CLP reps: Jo Bird, \
        Sam Smith, Robin Marsh\n\
        Full NEC meeting\n\
        The executive met on 9th March and heard from the leader first.\n";
    assert_eq!(authors(page), ["Jo Bird", "Sam Smith", "Robin Marsh"]);

    let page = "A report of Tuesday’s executive by left CLP reps Jo Bird and Sam Smith.\n\
        Summary\n- The rule changes were deferred.\n";
    assert_eq!(authors(page), ["Jo Bird", "Sam Smith"]);

    // The people who gave reports to the meeting are speakers, not the writers.
    let page = "NEC, spring meeting\n\n\
        The NEC heard reports from Jo Bird and Sam Smith.\n\n\
        Then it agreed the budget.\n";
    assert!(authors(page).is_empty(), "{:?}", authors(page));
}
