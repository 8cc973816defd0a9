//! Reads the real reports in `../shared/seeds` (beside the workspace) and checks that the
//! phrases a correct reading needs are found. The reports are read at run time only; none of
//! their text is kept in this repository beyond short quotes.

use std::path::Path;

use chrono::Weekday;
use nectar_model::{Qualifier, Unit, VoteResult};
use nectar_text::{
    find_dates, find_durations, find_numbers, find_quantities, find_votes, lines, sentences,
};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/seeds");

/// The text of seed `prefix` (`"000"`), or `None` when the seeds are absent.
fn seed(prefix: &str) -> Option<String> {
    let dir = Path::new(SEEDS);
    if !dir.is_dir() {
        // Under CI the real reports must be there: a test that skips there tests nothing.
        assert!(
            std::env::var_os("CI").is_none(),
            "../shared/seeds is missing at {SEEDS}, and CI must have it"
        );
        println!("skipping: no seeds folder at {SEEDS}");
        return None;
    }
    let entry = std::fs::read_dir(dir)
        .expect("the seeds folder is readable")
        .filter_map(Result::ok)
        .find(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(prefix) && name.ends_with(".txt")
        })
        .unwrap_or_else(|| panic!("seed {prefix} is missing"));
    Some(std::fs::read_to_string(entry.path()).expect("a seed is UTF-8 text"))
}

fn quote(text: &str, span: nectar_model::Span) -> &str {
    &text[span.start..span.end]
}

#[test]
fn durations_in_seeds() {
    let Some(t0) = seed("000") else { return };
    let d = find_durations(&t0);
    let six = d
        .iter()
        .find(|d| quote(&t0, d.span) == "six and a half hours")
        .expect("six and a half hours");
    assert_eq!(six.hours, 6.5);

    let Some(t1) = seed("001") else { return };
    let d = find_durations(&t1);
    let seven = d
        .iter()
        .find(|d| quote(&t1, d.span).ends_with("over 7 hours"))
        .expect("over 7 hours");
    assert_eq!((seven.hours, seven.qualifier), (7.0, Qualifier::Over));
    assert_eq!(quote(&t1, seven.span), "over 7 hours");

    let Some(t4) = seed("004") else { return };
    let d = find_durations(&t4);
    let day = d
        .iter()
        .find(|d| {
            let q = quote(&t4, d.span);
            q.contains("9.30am") && q.ends_with("5.30pm")
        })
        .expect("the 9.30am to 5.30pm range");
    assert_eq!(day.hours, 8.0);
    assert_eq!(day.qualifier, Qualifier::Exact);
    assert!(quote(&t4, day.span).starts_with("You arrive at 9.30am"));
}

#[test]
fn quantities_in_seeds() {
    let cases: &[(&str, &str, f64, Unit, Qualifier)] = &[
        (
            "000",
            "over 512,000",
            512_000.0,
            Unit::Count,
            Qualifier::Over,
        ),
        ("000", "19%", 19.0, Unit::Percent, Qualifier::Exact),
        ("001", "560,000", 560_000.0, Unit::Count, Qualifier::Exact),
        ("002", "366,604", 366_604.0, Unit::Count, Qualifier::Exact),
        ("002", "11,713", 11_713.0, Unit::Count, Qualifier::Exact),
        ("002", "30%", 30.0, Unit::Percent, Qualifier::Exact),
        ("002", "£300,000", 300_000.0, Unit::Gbp, Qualifier::Exact),
        ("003", "around £40", 40.0, Unit::Gbp, Qualifier::Around),
        ("003", "540,000", 540_000.0, Unit::Count, Qualifier::Exact),
        ("004", "32 per cent", 32.0, Unit::Percent, Qualifier::Exact),
    ];
    for &(file, want, value, unit, qualifier) in cases {
        let Some(text) = seed(file) else { return };
        let found = find_quantities(&text);
        let q = found
            .iter()
            .find(|q| quote(&text, q.span) == want)
            .unwrap_or_else(|| panic!("{file}: {want} not found"));
        assert_eq!(
            (q.value, q.unit, q.qualifier),
            (value, unit, qualifier),
            "{file}: {want}"
        );
    }
}

#[test]
fn dates_in_seeds() {
    type Want = (
        &'static str,
        &'static str,
        Option<i32>,
        Option<u32>,
        Option<u32>,
        Option<Weekday>,
    );
    let cases: &[Want] = &[
        (
            "001",
            "Tuesday 29th September",
            None,
            Some(9),
            Some(29),
            Some(Weekday::Tue),
        ),
        ("003", "November 24th", None, Some(11), Some(24), None),
        (
            "000",
            "Saturday, February 13, 2021",
            Some(2021),
            Some(2),
            Some(13),
            Some(Weekday::Sat),
        ),
        (
            "001",
            "Tuesday 6th October",
            None,
            Some(10),
            Some(6),
            Some(Weekday::Tue),
        ),
        ("000", "3 December", None, Some(12), Some(3), None),
        ("001", "the July NEC", None, Some(7), None, None),
    ];
    for &(file, want, year, month, day, weekday) in cases {
        let Some(text) = seed(file) else { return };
        let found = find_dates(&text);
        let m = found
            .iter()
            .find(|m| quote(&text, m.span) == want)
            .unwrap_or_else(|| panic!("{file}: {want} not found"));
        assert_eq!(
            (m.year, m.month, m.day, m.weekday),
            (year, month, day, weekday),
            "{file}: {want}"
        );
        assert_eq!(m.end_day, None, "{file}: {want}");
    }
}

#[test]
fn votes_in_seeds() {
    let Some(text) = seed("002") else { return };
    let votes = find_votes(&text);
    let v = votes
        .iter()
        .find(|v| quote(&text, v.span) == "by 13 to 10")
        .expect("by 13 to 10");
    assert_eq!(
        (v.yes, v.no, v.result),
        (Some(13), Some(10), VoteResult::Pass)
    );
    for file in ["000", "001", "003", "004"] {
        let Some(text) = seed(file) else { return };
        let counted: Vec<&str> = find_votes(&text)
            .iter()
            .filter(|v| v.yes.is_some())
            .map(|v| quote(&text, v.span))
            .collect();
        assert!(
            counted.is_empty(),
            "{file}: no counted votes expected, got {counted:?}"
        );
    }
}

#[test]
fn every_span_is_a_valid_slice_of_every_seed() {
    for file in ["000", "001", "002", "003", "004"] {
        let Some(text) = seed(file) else { return };
        let spans = find_dates(&text)
            .iter()
            .map(|m| m.span)
            .chain(find_numbers(&text).iter().map(|m| m.span))
            .chain(find_quantities(&text).iter().map(|m| m.span))
            .chain(find_durations(&text).iter().map(|m| m.span))
            .chain(find_votes(&text).iter().map(|m| m.span))
            .chain(sentences(&text))
            .chain(lines(&text).iter().map(|l| l.span))
            .collect::<Vec<_>>();
        for s in spans {
            assert!(text.get(s.start..s.end).is_some(), "{file}: bad span {s}");
        }
    }
}
