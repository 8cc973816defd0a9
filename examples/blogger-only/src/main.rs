//! Reads a saved Blogger page with `nectar-parse-blogger` alone and prints what it says:
//!
//! ```text
//! cargo run -- sample/nec-report.txt
//! ```
use std::process::ExitCode;

use nectar_parse_blogger::{Blogger, Document};

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: nectar-example-blogger-only PAGE.txt");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let doc = Document::from_text(&path, &text);
    let report = match Blogger.parse(&doc) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(title) = &report.title {
        println!("title: {}", title.value);
    }
    for meeting in &report.meetings {
        let date = meeting.date.as_ref().map(|d| d.date.to_string());
        println!("meeting: {} {:?}", date.unwrap_or_default(), meeting.kind);
    }
    for figure in &report.figures {
        println!(
            "figure: {:?} = {} ({:?})",
            figure.metric, figure.value, figure.evidence.quote
        );
    }
    for vote in &report.votes {
        let (yes, no) = (vote.counts.yes, vote.counts.no);
        println!("vote: {yes:?} for, {no:?} against: {:?}", vote.result);
    }
    ExitCode::SUCCESS
}
