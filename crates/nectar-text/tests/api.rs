//! Pins the public API that other crates call: a renamed or re-typed item fails to compile
//! here. Also runs each function once end to end through the crate root.

use chrono::{NaiveDate, Weekday};
use nectar_model::{DateReading, Qualifier, Span, Unit, VoteResult, YearBasis};
use nectar_text::{
    Anchor, DateMention, DurationMatch, NumberMatch, Quantity, Relative, Tense, VoteMatch,
};

#[test]
fn signatures() {
    let _: fn(&str) -> Option<f64> = nectar_text::parse_number;
    let _: fn(&str) -> Vec<NumberMatch> = nectar_text::find_numbers;
    let _: fn(&str, usize) -> (Qualifier, Option<Span>) = nectar_text::qualifier_before;
    let _: fn(&str) -> Vec<Quantity> = nectar_text::find_quantities;
    let _: fn(&str) -> Vec<DateMention> = nectar_text::find_dates;
    let _: fn(&DateMention, Option<&Anchor>, Tense) -> Option<DateReading> = nectar_text::resolve;
    let _: fn(u32, u32, Weekday, i32, i32) -> Option<i32> = nectar_text::year_from_weekday;
    let _: fn(&str, usize) -> Tense = nectar_text::tense_at;
    let _: fn(&str) -> Vec<DurationMatch> = nectar_text::find_durations;
    let _: fn(&str) -> Vec<VoteMatch> = nectar_text::find_votes;
    let _: fn(&str) -> Vec<Span> = nectar_text::sentences;
    let _: fn(&str) -> Vec<nectar_text::Line> = nectar_text::lines;
}

#[test]
fn fields() {
    let n = NumberMatch {
        span: Span::new(0, 1),
        value: 1.0,
        in_words: false,
    };
    let q = Quantity {
        span: n.span,
        value: n.value,
        unit: Unit::Count,
        qualifier: Qualifier::Exact,
    };
    let d = DurationMatch {
        span: q.span,
        hours: 1.0,
        qualifier: Qualifier::Over,
    };
    let v = VoteMatch {
        span: d.span,
        yes: Some(1),
        no: None,
        abstain: None,
        result: VoteResult::Unknown,
        unanimous: false,
        shape: "by_n_to_m",
    };
    let m = DateMention {
        span: v.span,
        year: None,
        month: Some(7),
        day: None,
        end_day: None,
        end_month: None,
        weekday: None,
        relative: None,
    };
    let a = Anchor::day(
        NaiveDate::from_ymd_opt(2020, 10, 8).expect("a real date"),
        YearBasis::Url,
    );
    let r = nectar_text::resolve(&m, Some(&a), Tense::Past).expect("a month resolves");
    assert_eq!(r.date.to_string(), "2020-07");
    assert_eq!(r.year_basis, YearBasis::Url);
    for rel in [
        Relative::Today,
        Relative::Yesterday,
        Relative::Tomorrow,
        Relative::LastWeekday(Weekday::Mon),
        Relative::NextWeekday(Weekday::Mon),
        Relative::ThisWeekday(Weekday::Mon),
        Relative::LastWeek,
        Relative::NextWeek,
        Relative::LastMonth,
        Relative::NextMonth,
    ] {
        let m = DateMention {
            relative: Some(rel),
            month: None,
            ..m
        };
        assert!(
            nectar_text::resolve(&m, Some(&a), Tense::Unknown).is_some(),
            "{rel:?}"
        );
    }
}

#[test]
fn one_paragraph_end_to_end() {
    let text = "NEC report\r\n\r\nThe NEC met on Tuesday 6th October and ran for over six\r\nhours. \
                Membership is 560,000, up 19%; the lottery raises £300,000. The motion was \
                carried by nine votes to six, with 2 abstentions. The next meeting is on \
                24th November.";
    let q = |s: Span| &text[s.start..s.end];
    let anchor = Anchor::day(
        NaiveDate::from_ymd_opt(2020, 10, 10).expect("a real date"),
        YearBasis::Published,
    );
    let dates = nectar_text::find_dates(text);
    let readings: Vec<String> = dates
        .iter()
        .filter_map(|m| {
            let tense = nectar_text::tense_at(text, m.span.start);
            nectar_text::resolve(m, Some(&anchor), tense)
        })
        .map(|r| r.date.to_string())
        .collect();
    assert_eq!(readings, ["2020-10-06", "2020-11-24"]);

    let durations = nectar_text::find_durations(text);
    assert_eq!(durations.len(), 1);
    assert_eq!(q(durations[0].span), "over six\r\nhours");
    assert_eq!(
        (durations[0].hours, durations[0].qualifier),
        (6.0, Qualifier::Over)
    );

    let figures: Vec<(&str, Unit)> = nectar_text::find_quantities(text)
        .iter()
        .map(|f| (q(f.span), f.unit))
        .collect();
    assert_eq!(
        figures,
        [
            ("over six", Unit::Count),
            ("560,000", Unit::Count),
            ("19%", Unit::Percent),
            ("£300,000", Unit::Gbp),
            ("nine", Unit::Count),
            ("six", Unit::Count),
            ("2", Unit::Count),
        ]
    );

    let votes = nectar_text::find_votes(text);
    assert_eq!(votes.len(), 1);
    assert_eq!(q(votes[0].span), "by nine votes to six, with 2 abstentions");
    assert_eq!(
        (votes[0].yes, votes[0].no, votes[0].abstain, votes[0].result),
        (Some(9), Some(6), Some(2), VoteResult::Pass)
    );

    let sentences: Vec<&str> = nectar_text::sentences(text).into_iter().map(q).collect();
    assert_eq!(sentences.len(), 5);
    assert_eq!(sentences[0], "NEC report");
    assert_eq!(nectar_text::lines(text).len(), 4);
}

#[test]
fn a_run_of_days_by_number_gives_its_first_and_last_day() {
    let found = nectar_text::find_dates("Conference 2019 (21-25/09): the NEC met twice");
    assert_eq!(found.len(), 1);
    let m = &found[0];
    assert_eq!(
        (m.day, m.end_day, m.month, m.year),
        (Some(21), Some(25), Some(9), None)
    );
    let found = nectar_text::find_dates("meetings 7-8/11/2005 and scores of 3-4/5");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].day, found[0].end_day, found[0].year),
        (Some(7), Some(8), Some(2005))
    );
}

#[test]
fn relative_dates_against_an_anchor_of_a_month_give_the_month_or_nothing() {
    // Regression: `today` against a page dated only to July 2021 gave 2021-07-31.
    let july = nectar_model::PartialDate::ym(2021, 7).expect("a month");
    let anchor = Anchor::latest(&july, YearBasis::Url);
    let text = "The NEC met today. It meets again next Tuesday. It met last month.";
    let got: Vec<Option<String>> = nectar_text::find_dates(text)
        .iter()
        .map(|m| nectar_text::resolve(m, Some(&anchor), Tense::Past).map(|r| r.date.to_string()))
        .collect();
    assert_eq!(
        got,
        [Some("2021-07".into()), None, Some("2021-06".into())],
        "today, next Tuesday, last month"
    );
    // Against a year alone no relative date resolves; against a day, to the day.
    let year = Anchor::year(2021, YearBasis::Context).expect("a year");
    let today = &nectar_text::find_dates(text)[0];
    assert_eq!(nectar_text::resolve(today, Some(&year), Tense::Past), None);
    let day = Anchor::day(
        NaiveDate::from_ymd_opt(2021, 7, 20).expect("a real date"),
        YearBasis::Published,
    );
    let r = nectar_text::resolve(today, Some(&day), Tense::Past).expect("a day");
    assert_eq!(r.date.to_string(), "2021-07-20");
}

#[test]
fn a_date_ahead_of_an_anchor_of_a_month_may_fall_in_that_month() {
    // Regression: "on 25 November", looking ahead from a page of November 2021, went to 2022.
    let november = nectar_model::PartialDate::ym(2021, 11).expect("a month");
    let anchor = Anchor::latest(&november, YearBasis::Url);
    let m = &nectar_text::find_dates("The next meeting is on 25 November.")[0];
    let r = nectar_text::resolve(m, Some(&anchor), Tense::Future).expect("a date");
    assert_eq!(r.date.to_string(), "2021-11-25");
    // Looking back too: the page may be from the last day of the month.
    let r = nectar_text::resolve(m, Some(&anchor), Tense::Past).expect("a date");
    assert_eq!(r.date.to_string(), "2021-11-25");
}

#[test]
fn is_not_until_looks_ahead_and_was_not_until_looks_back() {
    let text =
        "The first full meeting is not until 22 November. It was not until 3 May that we met.";
    let at = |w: &str| nectar_text::tense_at(text, text.find(w).expect("in the text"));
    assert_eq!(at("22 November"), Tense::Future);
    assert_eq!(at("3 May"), Tense::Past);
    let t = "The away day isn't until 25 November.";
    assert_eq!(
        nectar_text::tense_at(t, t.find("25").unwrap()),
        Tense::Future
    );
}
