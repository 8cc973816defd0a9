//! Which counted votes a report keeps, through the public API, each on a short report
//! written for it.

use nectar_extract::extract;
use nectar_model::{Document, Layout, ParserInfo, Report, Span, VoteResult};

fn read(body: &str) -> Report {
    let title = "NEC report, 14 March 2023";
    let text = format!("{title}\n\n{body}");
    let doc = Document::from_text("report.txt", text.clone());
    let layout = Layout {
        title: Some(Span::new(0, title.len())),
        body: Span::new(title.len() + 2, text.len()),
        ..Layout::default()
    };
    let parser = ParserInfo {
        name: "generic".into(),
        version: "0".into(),
        confidence: 0.2,
    };
    let report = extract(&doc, &layout, parser).expect("the layout is of the text");
    assert_eq!(report.check(&text), [], "evidence is a slice of the text");
    report
}

/// For, against, abstentions and the result of one vote.
type Counts = (Option<u32>, Option<u32>, Option<u32>, VoteResult);

fn counts(report: &Report) -> Vec<Counts> {
    report
        .votes
        .iter()
        .map(|v| (v.counts.yes, v.counts.no, v.counts.abstain, v.result))
        .collect()
}

#[test]
fn a_commons_division_is_not_an_nec_vote() {
    let r = read(
        "At the NEC we discussed housing. In Parliament the government won by 301 to 240 votes.",
    );
    assert_eq!(counts(&r), []);
}

#[test]
fn a_vote_written_against_first_maps_to_the_motion() {
    let r = read("At the NEC the motion loses with 21 votes against and 12 in favour.");
    assert_eq!(counts(&r), [(Some(12), Some(21), None, VoteResult::Fail)]);
}

#[test]
fn only_the_minority_counted_is_kept() {
    let r = read("The NEC agreed the new code of conduct. Only five members voted against it.");
    assert_eq!(counts(&r), [(None, Some(5), None, VoteResult::Pass)]);
}

#[test]
fn an_officer_election_counts_the_winner_first() {
    let r = read("At the NEC she was elected chair by 17 votes to 16.");
    assert_eq!(counts(&r), [(Some(17), Some(16), None, VoteResult::Pass)]);
}

#[test]
fn a_small_division_in_parliament_or_a_members_ballot_is_not_an_nec_vote() {
    let r =
        read("At the NEC we discussed housing. In the Commons the bill passed by 9 votes to 4.");
    assert_eq!(counts(&r), []);
    let r = read("At the NEC we discussed the rules. A members' ballot backed them by 30 to 12.");
    assert_eq!(counts(&r), []);
    let r = read("The NEC backed the rules by 30 to 12, ahead of a members' ballot.");
    assert_eq!(counts(&r), [(Some(30), Some(12), None, VoteResult::Pass)]);
}

#[test]
fn a_minority_vote_against_names_what_it_opposed() {
    let r = read(
        "The NEC met on Monday. Seven members voted against the closure of the office, as expected.",
    );
    let subjects: Vec<_> = r.votes.iter().map(|v| v.subject.as_deref()).collect();
    assert_eq!(subjects, [Some("the closure of the office")]);
}

#[test]
fn a_vote_said_only_by_its_result_takes_its_list_items_subject() {
    let r = read(
        "The NEC met on 3 May 2022 and debated rule changes.\n\n\
         · Limiting each region's delegation to twelve members. This keeps the hall \
         balanced. Passed by 18 votes to 9.\n\n\
         · Moving the deadline for motions to June. Lost by 10 votes to 17.",
    );
    let subjects: Vec<_> = r.votes.iter().map(|v| v.subject.as_deref()).collect();
    assert_eq!(
        subjects,
        [
            Some("Limiting each region's delegation to twelve members"),
            Some("Moving the deadline for motions to June"),
        ]
    );
}

#[test]
fn a_vote_in_favour_of_a_thing_named_takes_it_as_subject() {
    let r = read(
        "The NEC met on 3 May 2022. It voted by 19 to 12 in favour of a new appeals panel, \
         after a long debate.",
    );
    let subjects: Vec<_> = r.votes.iter().map(|v| v.subject.as_deref()).collect();
    assert_eq!(subjects, [Some("a new appeals panel")]);
}
