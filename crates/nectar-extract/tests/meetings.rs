//! How meetings are found, dated and told apart, through the public API: one test per
//! behaviour, each on a short report written for it, asserting what a careful reader would
//! take from the text. Tests marked `wrong today` state the right answer for a reading the
//! current code gets wrong.

use nectar_extract::extract;
use nectar_model::{
    DatePrecision, Document, Layout, Meeting, MeetingKind, MeetingStatus, ParserInfo, Qualifier,
    Report, ReportKind, Sidecar, Span, YearBasis,
};

/// A report to read: a title line, a blank line, the body; and what the page's metadata says.
#[derive(Default)]
struct Page<'a> {
    title: Option<&'a str>,
    body: &'a str,
    /// The sidecar's `published` (`YYYY-MM-DD`).
    published: Option<&'a str>,
    /// The page's URL (`doc.source.url`).
    url: Option<&'a str>,
    /// A date line the page shows under the title, as written and as a date (`YYYY-MM-DD`).
    dateline: Option<(&'a str, &'a str)>,
}

impl Page<'_> {
    fn read(&self) -> Report {
        let mut text = String::new();
        let title = self.title.map(|t| {
            text.push_str(t);
            text.push_str("\n\n");
            Span::new(0, t.len())
        });
        let published = self.dateline.map(|(shown, iso)| {
            let span = Span::new(text.len(), text.len() + shown.len());
            text.push_str(shown);
            text.push_str("\n\n");
            (iso.parse().expect("a date"), span)
        });
        let body = Span::new(text.len(), text.len() + self.body.len());
        text.push_str(self.body);
        let mut doc = Document::from_text("report.txt", text.clone());
        doc.source.url = self.url.map(str::to_owned);
        if let Some(p) = self.published {
            doc.sidecar = Some(Sidecar {
                published: Some(p.parse().expect("a date")),
                ..Sidecar::default()
            });
        }
        let layout = Layout {
            title,
            published,
            body,
            ..Layout::default()
        };
        let parser = ParserInfo {
            name: "generic".into(),
            version: "0".into(),
            confidence: 0.2,
        };
        let report = extract(&doc, &layout, parser).expect("the layout is of the text");
        assert_eq!(
            report.check(&text),
            [],
            "every fact's evidence is a slice of the text"
        );
        report
    }
}

fn body(body: &str) -> Page<'_> {
    Page {
        body,
        ..Page::default()
    }
}

/// The primary meeting; fails with the meetings found when there is none.
fn primary(report: &Report) -> &Meeting {
    report
        .primary_meeting()
        .unwrap_or_else(|| panic!("no primary meeting in {:#?}", report.meetings))
}

/// The meeting's date as ISO text, its precision, whether the year was inferred and from what.
fn date_of(m: &Meeting) -> (String, DatePrecision, bool, YearBasis) {
    let d = m.date.as_ref().expect("a date");
    (
        d.date.to_string(),
        d.precision,
        d.year_inferred,
        d.year_basis,
    )
}

/// Every dated meeting's date, as ISO text.
fn meeting_dates(report: &Report) -> Vec<String> {
    report
        .meetings
        .iter()
        .filter_map(|m| m.date.as_ref().map(|d| d.date.to_string()))
        .collect()
}

/// The last day of a meeting over several days.
fn end_of(m: &Meeting) -> Option<String> {
    m.date.as_ref()?.end.map(|e| e.to_string())
}

fn duration_of(m: &Meeting) -> Option<(f64, Qualifier)> {
    m.duration.as_ref().map(|d| (d.hours, d.qualifier))
}

// ---------------------------------------------------------------------------------------------
// Dates

/// The report's notes but the first, which says why the page is (or is not) an NEC report.
fn date_notes(report: &Report) -> Vec<&str> {
    report.notes.iter().skip(1).map(String::as_str).collect()
}

#[test]
fn a_full_date_in_the_body_is_the_primary_meetings_date() {
    let report = body(
        "The NEC met on 17 March 2015 at the party's offices. We began with the General \
         Secretary's report.",
    )
    .read();
    assert_eq!(report.kind, ReportKind::NecReport);
    assert_eq!(report.meetings.len(), 1);
    let m = primary(&report);
    assert_eq!(
        date_of(m),
        (
            "2015-03-17".into(),
            DatePrecision::Day,
            false,
            YearBasis::Stated
        )
    );
    assert_eq!(m.kind, MeetingKind::Full);
    assert_eq!(m.status, MeetingStatus::Held);
    assert_eq!(m.date.as_ref().and_then(|d| d.weekday_clash.clone()), None);
}

#[test]
fn a_date_without_a_year_takes_it_from_the_sidecars_published_date() {
    let report = Page {
        published: Some("2019-07-18"),
        ..body("The NEC met on 16 July. The meeting started with a minute's silence.")
    }
    .read();
    let m = primary(&report);
    assert_eq!(
        date_of(m),
        (
            "2019-07-16".into(),
            DatePrecision::Day,
            true,
            YearBasis::SidecarPublished
        )
    );
    assert_eq!(m.kind, MeetingKind::Full);
    assert_eq!(m.status, MeetingStatus::Held);
}

#[test]
fn a_date_without_a_year_early_in_january_looks_back_to_december() {
    let report = Page {
        published: Some("2020-01-06"),
        ..body("The NEC met on 17 December to agree the timetable for the leadership election.")
    }
    .read();
    assert_eq!(
        date_of(primary(&report)),
        (
            "2019-12-17".into(),
            DatePrecision::Day,
            true,
            YearBasis::SidecarPublished
        )
    );
}

#[test]
fn a_date_without_a_year_takes_it_from_the_urls_year_and_month() {
    let report = Page {
        url: Some("https://example.org/2019/07/nec-report/"),
        ..body("The NEC met on 16 July. The meeting started with a minute's silence.")
    }
    .read();
    assert_eq!(
        date_of(primary(&report)),
        (
            "2019-07-16".into(),
            DatePrecision::Day,
            true,
            YearBasis::Url
        )
    );
}

#[test]
fn today_on_a_page_dated_only_by_its_urls_month_is_that_month_not_its_last_day() {
    // Regression: `today` against a URL's `/2021/07/` became 2021-07-31, a day nobody wrote.
    let report = Page {
        url: Some("https://example.org/2021/07/nec-bans-two-groups/"),
        ..body("The NEC met today and agreed the paper after a long debate.")
    }
    .read();
    assert_eq!(
        date_of(primary(&report)),
        ("2021-07".into(), DatePrecision::Month, true, YearBasis::Url)
    );
}

#[test]
fn last_tuesday_on_a_page_dated_only_by_its_month_gives_no_date() {
    // `last Tuesday` from a day of July 2021 may lie in June: no month can be given either.
    let report = Page {
        url: Some("https://example.org/2021/07/nec-report/"),
        ..body("The NEC met last Tuesday and agreed the paper after a long debate.")
    }
    .read();
    let dates = meeting_dates(&report);
    assert!(
        dates.iter().all(|d| d.len() == 4),
        "no day or month from `last Tuesday`: {dates:?}"
    );
}

#[test]
fn a_meeting_ahead_of_a_page_dated_only_to_its_month_is_in_that_month() {
    // Regression: "the next meeting is on 25 November" on a page of November 2021 went to
    // 2022, as if the page had been published on 30 November.
    let report = Page {
        url: Some("https://example.org/nec-update-november-2021/"),
        ..body(
            "The equalities committee met on 2 November 2021 and agreed its plan. \
             The next full NEC meeting is the away day on 25 November.",
        )
    }
    .read();
    let dates = meeting_dates(&report);
    assert!(dates.contains(&"2021-11-25".to_owned()), "{dates:?}");
    assert!(!dates.contains(&"2022-11-25".to_owned()), "{dates:?}");
}

#[test]
fn a_meeting_that_is_not_until_a_date_is_dated_by_it_and_lies_ahead() {
    // Regression: "is not until 22 November" was read as a deadline (`until`) and dropped;
    // read as a meeting, the title's period put it a year back.
    let report = Page {
        title: Some("NEC Update, October 2016"),
        ..body(
            "The first full meeting of the new NEC is not until 22 November, so this is \
             about committees. The Disputes Panel met on 18 October 2016.",
        )
    }
    .read();
    let ahead = report
        .meetings
        .iter()
        .find(|m| {
            m.date
                .as_ref()
                .is_some_and(|d| d.date.to_string().ends_with("-11-22"))
        })
        .unwrap_or_else(|| panic!("no 22 November meeting in {:#?}", report.meetings));
    assert_eq!(ahead.date.as_ref().unwrap().date.to_string(), "2016-11-22");
    assert_eq!(ahead.status, MeetingStatus::Scheduled);
    assert_eq!(ahead.kind, MeetingKind::Full);
}

#[test]
fn a_date_without_a_year_takes_it_from_the_title() {
    let report = Page {
        title: Some("NEC report, July 2019"),
        ..body("The NEC met on 16 July. The meeting started with a minute's silence.")
    }
    .read();
    assert_eq!(
        date_of(primary(&report)),
        (
            "2019-07-16".into(),
            DatePrecision::Day,
            true,
            YearBasis::Title
        )
    );
}

#[test]
fn a_weekday_that_does_not_match_the_date_loses_to_the_date_and_is_noted() {
    // 17 March 2015 was a Tuesday.
    let report =
        body("The NEC met on Monday 17 March 2015 and agreed the manifesto process.").read();
    let m = primary(&report);
    assert_eq!(
        date_of(m),
        (
            "2015-03-17".into(),
            DatePrecision::Day,
            false,
            YearBasis::Stated
        )
    );
    let clash = m.date.as_ref().and_then(|d| d.weekday_clash.clone());
    assert!(
        clash
            .as_deref()
            .is_some_and(|c| c.contains("Monday") && c.contains("Tuesday")),
        "clash: {clash:?}"
    );
    let notes = date_notes(&report);
    assert_eq!(notes.len(), 1, "notes: {notes:?}");
    assert!(notes[0].contains("Monday 17 March 2015"), "{notes:?}");
}

#[test]
fn a_matching_weekday_is_no_clash() {
    let report =
        body("The NEC met on Tuesday 17 March 2015 and agreed the manifesto process.").read();
    let m = primary(&report);
    assert_eq!(m.date.as_ref().and_then(|d| d.weekday_clash.clone()), None);
    assert_eq!(date_notes(&report), Vec::<&str>::new());
}

#[test]
fn today_is_the_published_date() {
    let report = Page {
        published: Some("2020-09-29"),
        ..body("The NEC met today and agreed the rules for the deputy leadership contest.")
    }
    .read();
    let m = primary(&report);
    assert_eq!(
        date_of(m),
        (
            "2020-09-29".into(),
            DatePrecision::Day,
            true,
            YearBasis::SidecarPublished
        )
    );
    assert_eq!(m.kind, MeetingKind::Full);
    assert_eq!(m.status, MeetingStatus::Held);
}

#[test]
fn today_is_the_titles_day_when_the_page_was_published_days_later() {
    let report = Page {
        title: Some("NEC report - 12 March 2019"),
        published: Some("2019-03-15"),
        ..body(
            "The Organisation Committee met today. Jo Bloggs was elected chair of the \
             Organisation Committee.",
        )
    }
    .read();
    let m = primary(&report);
    assert_eq!(m.kind, MeetingKind::OrganisationCommittee);
    assert_eq!(date_of(m).0, "2019-03-12");
}

#[test]
fn a_committees_election_of_its_chair_is_on_that_committees_meeting() {
    let report = body(
        "The NEC met on 12 March 2019 and agreed the campaign plan. The Disputes Panel met \
         on 11 March 2019 and heard twelve cases.\n\nJo Bloggs was elected chair of the \
         Disputes Panel.",
    )
    .read();
    let panel = report
        .meetings
        .iter()
        .find(|m| m.kind == MeetingKind::DisputesPanel)
        .expect("the panel's meeting");
    let elected = report
        .decisions
        .iter()
        .find(|d| d.evidence.quote.contains("Jo Bloggs"))
        .expect("the election");
    assert_eq!(
        elected.meeting_id.as_deref(),
        Some(panel.meeting_id.as_str())
    );
}

#[test]
fn yesterday_is_the_day_before_the_published_date() {
    let report = Page {
        published: Some("2020-03-01"),
        ..body("Yesterday's NEC meeting agreed the rules for the deputy leadership contest.")
    }
    .read();
    let m = primary(&report);
    assert_eq!(
        date_of(m),
        (
            "2020-02-29".into(),
            DatePrecision::Day,
            true,
            YearBasis::SidecarPublished
        )
    );
    assert_eq!(m.kind, MeetingKind::Full);
}

#[test]
fn a_two_day_meeting_has_a_first_and_a_last_day() {
    let report = body("The NEC met on 24-25 January 2016 in a hotel near the station.").read();
    let m = primary(&report);
    assert_eq!(
        date_of(m),
        (
            "2016-01-24".into(),
            DatePrecision::Day,
            false,
            YearBasis::Stated
        )
    );
    assert_eq!(end_of(m).as_deref(), Some("2016-01-25"));
    assert_eq!(m.kind, MeetingKind::Full);
    assert_eq!(report.meetings.len(), 1, "{:#?}", report.meetings);
}

#[test]
fn a_month_alone_gives_a_meeting_known_to_the_month() {
    let report = Page {
        published: Some("2018-08-02"),
        ..body("At the July NEC we heard the General Secretary's report on the party's finances.")
    }
    .read();
    let m = primary(&report);
    assert_eq!(
        date_of(m),
        (
            "2018-07".into(),
            DatePrecision::Month,
            true,
            YearBasis::SidecarPublished
        )
    );
    assert_eq!(m.kind, MeetingKind::Full);
    assert_eq!(m.status, MeetingStatus::Held);
}

#[test]
fn a_date_without_a_year_takes_it_from_the_pages_date_line() {
    let report = Page {
        title: Some("Report from the NEC"),
        dateline: Some(("Posted on 18 July 2019", "2019-07-18")),
        ..body("The NEC met on 16 July. The meeting started with a minute's silence.")
    }
    .read();
    assert_eq!(
        date_of(primary(&report)),
        (
            "2019-07-16".into(),
            DatePrecision::Day,
            true,
            YearBasis::Published
        )
    );
}

#[test]
fn the_sidecars_published_date_wins_over_the_url() {
    let report = Page {
        published: Some("2019-07-18"),
        url: Some("https://example.org/2018/07/nec-report/"),
        ..body("The NEC met on 16 July. The meeting started with a minute's silence.")
    }
    .read();
    assert_eq!(
        date_of(primary(&report)),
        (
            "2019-07-16".into(),
            DatePrecision::Day,
            true,
            YearBasis::SidecarPublished
        )
    );
}

#[test]
fn a_url_with_a_day_dates_a_meeting_without_a_year() {
    let report = Page {
        url: Some("https://example.org/2019/07/18/nec-report/"),
        ..body("The NEC met on 16 July. The meeting started with a minute's silence.")
    }
    .read();
    assert_eq!(
        date_of(primary(&report)),
        (
            "2019-07-16".into(),
            DatePrecision::Day,
            true,
            YearBasis::Url
        )
    );
}

#[test]
fn a_weekday_clash_without_a_year_keeps_the_year_of_the_published_date() {
    // 17 March 2015 was a Tuesday; a Monday 17 March fell in 2014 and 2008.
    let report = Page {
        published: Some("2015-03-20"),
        ..body("The NEC met on Monday 17 March and agreed the manifesto process.")
    }
    .read();
    let m = primary(&report);
    assert_eq!(
        date_of(m),
        (
            "2015-03-17".into(),
            DatePrecision::Day,
            true,
            YearBasis::SidecarPublished
        )
    );
    assert!(m.date.as_ref().is_some_and(|d| d.weekday_clash.is_some()));
    let notes = date_notes(&report);
    assert_eq!(notes.len(), 1, "notes: {notes:?}");
}

#[test]
fn a_meeting_over_two_days_in_two_months() {
    let report =
        body("The NEC met on 30 November – 1 December 2019 to agree the manifesto.").read();
    let m = primary(&report);
    assert_eq!(
        date_of(m),
        (
            "2019-11-30".into(),
            DatePrecision::Day,
            false,
            YearBasis::Stated
        )
    );
    assert_eq!(end_of(m).as_deref(), Some("2019-12-01"));
}

#[test]
fn a_meeting_from_one_day_to_the_next() {
    let report =
        body("The NEC met from 30 November to 1 December 2019 to agree the manifesto.").read();
    let m = primary(&report);
    assert_eq!(
        date_of(m),
        (
            "2019-11-30".into(),
            DatePrecision::Day,
            false,
            YearBasis::Stated
        )
    );
    assert_eq!(end_of(m).as_deref(), Some("2019-12-01"));
}

#[test]
fn a_meeting_between_two_days_is_one_meeting() {
    let report =
        body("The NEC met between 30 November and 1 December 2019 to agree the manifesto.").read();
    assert_eq!(report.meetings.len(), 1, "{:#?}", report.meetings);
    let m = primary(&report);
    assert_eq!(date_of(m).0, "2019-11-30");
    assert_eq!(end_of(m).as_deref(), Some("2019-12-01"));
}

#[test]
fn the_next_meeting_in_a_month_is_scheduled_to_the_month() {
    let report = Page {
        published: Some("2018-07-20"),
        ..body("The NEC met on 17 July and agreed the budget. The next NEC is in September.")
    }
    .read();
    assert_eq!(date_of(primary(&report)).0, "2018-07-17");
    let next = report
        .meetings
        .iter()
        .find(|m| !m.primary)
        .expect("the next meeting");
    assert_eq!(
        date_of(next),
        (
            "2018-09".into(),
            DatePrecision::Month,
            true,
            YearBasis::SidecarPublished
        )
    );
    assert_eq!(next.status, MeetingStatus::Scheduled);
    assert_eq!(next.kind, MeetingKind::Full);
}

// ---------------------------------------------------------------------------------------------
// Several meetings in one post

#[test]
fn the_full_nec_is_primary_over_a_committee_on_another_day() {
    let report = body(
        "The Organisation Committee met on 12 July 2016 and discussed the timetable for \
         selections. The full NEC met on 19 July 2016 and agreed the timetable.",
    )
    .read();
    assert_eq!(report.meetings.len(), 2, "{:#?}", report.meetings);
    let m = primary(&report);
    assert_eq!(date_of(m).0, "2016-07-19");
    assert_eq!(m.kind, MeetingKind::Full);
    let other = report
        .meetings
        .iter()
        .find(|m| !m.primary)
        .expect("the committee's meeting");
    assert_eq!(date_of(other).0, "2016-07-12");
    assert_eq!(other.kind, MeetingKind::OrganisationCommittee);
    assert_eq!(other.status, MeetingStatus::Held);
    // The primary meeting is listed first.
    assert!(report.meetings[0].primary);
}

#[test]
fn the_next_meeting_is_scheduled_and_not_primary() {
    let report = Page {
        published: Some("2018-03-22"),
        ..body("The NEC met on 20 March and agreed the budget. The next meeting will be on 3 May.")
    }
    .read();
    assert_eq!(report.meetings.len(), 2, "{:#?}", report.meetings);
    let m = primary(&report);
    assert_eq!(date_of(m).0, "2018-03-20");
    assert_eq!(m.status, MeetingStatus::Held);
    let next = report
        .meetings
        .iter()
        .find(|m| !m.primary)
        .expect("the next meeting");
    assert_eq!(
        date_of(next),
        (
            "2018-05-03".into(),
            DatePrecision::Day,
            true,
            YearBasis::SidecarPublished
        )
    );
    assert_eq!(next.status, MeetingStatus::Scheduled);
    assert_eq!(next.kind, MeetingKind::Full);
    assert_eq!(next.duration, None);
}

#[test]
fn a_report_that_opens_with_the_next_meeting_still_reports_the_last_one() {
    let report = Page {
        published: Some("2018-03-22"),
        ..body(
            "The next NEC will be on 3 May. Here is my report of the meeting held on 20 \
             March, where we agreed the budget.",
        )
    }
    .read();
    let m = primary(&report);
    assert_eq!(date_of(m).0, "2018-03-20");
    assert_eq!(m.status, MeetingStatus::Held);
}

// ---------------------------------------------------------------------------------------------
// Durations

#[test]
fn a_duration_in_words() {
    let report =
        body("The NEC met on 20 March 2018 for six and a half hours, with a short lunch.").read();
    assert_eq!(duration_of(primary(&report)), Some((6.5, Qualifier::Exact)));
}

#[test]
fn a_duration_with_a_qualifier() {
    let report =
        body("The NEC met on 20 March 2018. The meeting went on for over seven hours.").read();
    assert_eq!(duration_of(primary(&report)), Some((7.0, Qualifier::Over)));
}

#[test]
fn a_duration_from_clock_times() {
    let report = body("The NEC met on 20 March 2018 from 10am until 4.30pm.").read();
    assert_eq!(duration_of(primary(&report)), Some((6.5, Qualifier::Exact)));
}

#[test]
fn a_duration_of_an_hour_and_a_half() {
    let report = body(
        "The Organisation Committee met on 20 March 2018 for an hour and a half before the \
         NEC.",
    )
    .read();
    assert_eq!(duration_of(primary(&report)), Some((1.5, Qualifier::Exact)));
}

#[test]
fn a_duration_from_a_start_and_an_end_time_apart() {
    let report = body(
        "The NEC met on 20 March 2018. We started at 9.30am with the Leader's report, and \
         the meeting went on until 5pm.",
    )
    .read();
    assert_eq!(duration_of(primary(&report)), Some((7.5, Qualifier::Exact)));
}

#[test]
fn a_duration_from_a_start_time_and_a_closing_time() {
    let report = body(
        "The NEC met on 20 March 2018. We started at 9.30am with the Leader's report, and \
         the chair closed the meeting at 5pm.",
    )
    .read();
    assert_eq!(duration_of(primary(&report)), Some((7.5, Qualifier::Exact)));
}

#[test]
fn an_overrun_is_added_to_the_time_scheduled() {
    let report = body(
        "The NEC met on 20 March 2018. Business ran past the three hours set aside for it by \
         another 2.5 hours, and we overran badly.",
    )
    .read();
    assert_eq!(duration_of(primary(&report)), Some((5.5, Qualifier::Exact)));
    // An overrun alone is not the meeting's length.
    let report = body("The NEC met on 20 March 2018. As ever it overran by an hour.").read();
    assert_eq!(duration_of(primary(&report)), None);
}

#[test]
fn a_habitual_length_is_not_the_meetings() {
    let report = body(
        "The NEC Disputes Panel met on 20 March 2018. Panels normally last under an hour, but this \
         one sat for four long hours.",
    )
    .read();
    assert_eq!(duration_of(primary(&report)), Some((4.0, Qualifier::Exact)));
}

#[test]
fn a_short_item_is_not_the_meetings_length() {
    let report = body(
        "The NEC met on 20 March 2018. We spent twenty minutes on the finance report and \
         the rest of the day on the rulebook.",
    )
    .read();
    assert_eq!(duration_of(primary(&report)), None);
}

// ---------------------------------------------------------------------------------------------
// Kinds

#[test]
fn an_undated_meeting_takes_the_month_its_title_names() {
    let report = Page {
        title: Some("NEC report - June 2019"),
        body: "The NEC met and agreed the timetable for selections.",
        ..Page::default()
    }
    .read();
    assert_eq!(date_of(primary(&report)).0, "2019-06");
    // No month anywhere: the year the page's address gives, and no more.
    let report = Page {
        title: Some("What the NEC decided"),
        body: "The NEC met on Tuesday and agreed the timetable for selections.",
        url: Some("https://example.org/2019/06/what-the-nec-decided/"),
        ..Page::default()
    }
    .read();
    let (date, precision, ..) = date_of(primary(&report));
    assert_eq!((date.as_str(), precision), ("2019", DatePrecision::Year));
}

#[test]
fn an_away_day() {
    let report =
        body("The NEC away day took place on 24 November 2020 and looked at campaign plans.")
            .read();
    let m = primary(&report);
    assert_eq!(m.kind, MeetingKind::AwayDay);
    assert_eq!(date_of(m).0, "2020-11-24");
}

#[test]
fn a_special_meeting() {
    let report = body(
        "A special meeting of the NEC was held on 12 June 2017 to agree the procedure for \
         the general election.",
    )
    .read();
    let m = primary(&report);
    assert_eq!(m.kind, MeetingKind::Special);
    assert_eq!(date_of(m).0, "2017-06-12");
    assert_eq!(m.status, MeetingStatus::Held);
}

#[test]
fn an_emergency_meeting() {
    let report = body(
        "An emergency NEC meeting took place on 5 April 2018 after the General Secretary \
         resigned.",
    )
    .read();
    let m = primary(&report);
    assert_eq!(m.kind, MeetingKind::Emergency);
    assert_eq!(date_of(m).0, "2018-04-05");
}

#[test]
fn a_clps_minutes_are_not_an_nec_report() {
    let report = Page {
        title: Some("Minutes of the Riverside CLP general meeting"),
        ..body(
            "The CLP general meeting was held on 3 March 2019 in the community centre. The \
             minutes of the last meeting were agreed. Our delegate gave a report on the \
             NEC's guidance on selections.",
        )
    }
    .read();
    assert_eq!(report.kind, ReportKind::NotNecReport);
    assert_eq!(report.meetings, []);
    assert_eq!(report.figures, []);
}

#[test]
fn a_report_that_never_dates_its_meeting_still_reports_it_undated() {
    let report = Page {
        title: Some("Notes from the NEC away day"),
        body: "The NEC spent the whole day on the party's finances and the general election \
               plan. The meeting ran for over six hours.",
        ..Page::default()
    }
    .read();
    let m = primary(&report);
    assert_eq!(m.date, None);
    assert_eq!(m.kind, MeetingKind::AwayDay);
    assert_eq!(m.evidence.quote, "Notes from the NEC away day");
    let d = m.duration.as_ref().expect("the duration of the meeting");
    assert_eq!((d.hours, d.qualifier), (6.0, Qualifier::Over));

    // Without a title, the first sentence that names a meeting gives its kind.
    let report = body(
        "A short note for members. The full NEC met at party headquarters and agreed the budget.",
    )
    .read();
    let m = primary(&report);
    assert_eq!((m.date.clone(), m.kind), (None, MeetingKind::Full));
    assert_eq!(
        m.evidence.quote,
        "The full NEC met at party headquarters and agreed the budget."
    );
}

/// Regression: a page whose title names an NEC meeting and whose body speaks only of "the
/// meeting" and "the executive" was thrown away as not an NEC report, with all its facts.
#[test]
fn a_title_naming_an_nec_meeting_keeps_the_report() {
    let report = Page {
        title: Some("Report of the NEC meeting held on 3 March 2015"),
        body: "The meeting opened with the leader's report. The executive agreed the budget.",
        ..Page::default()
    }
    .read();
    assert_eq!(report.kind, ReportKind::NecReport);
    let m = primary(&report);
    assert_eq!(
        m.date.as_ref().map(|d| d.date.to_string()).as_deref(),
        Some("2015-03-03")
    );
    assert_eq!(m.kind, MeetingKind::Full);
}

#[test]
fn an_undated_away_day_is_an_away_day_though_the_title_says_nec_report() {
    let report = Page {
        title: Some("Labour NEC Report – Winter"),
        body: "The NEC gathered for its annual away day in a hotel by the sea. \
               We heard from the Leader and agreed the campaign plan.",
        ..Page::default()
    }
    .read();
    let m = primary(&report);
    assert_eq!((m.date.clone(), m.kind), (None, MeetingKind::AwayDay));
    assert!(
        m.evidence.quote.contains("away day"),
        "{}",
        m.evidence.quote
    );
}

#[test]
fn a_title_without_a_year_dates_the_meeting_the_body_never_dates() {
    let report = Page {
        title: Some("NEC away day - Monday 19th November"),
        body: "The NEC spent the day on next year's campaign. It was a long and useful day.",
        url: Some("https://blog.example/2007/12/nec-away-day.html"),
        ..Page::default()
    }
    .read();
    let m = primary(&report);
    assert_eq!(m.kind, MeetingKind::AwayDay);
    let (date, precision, inferred, basis) = date_of(m);
    assert_eq!(
        (date.as_str(), precision, inferred, basis),
        ("2007-11-19", DatePrecision::Day, true, YearBasis::Url)
    );
}

#[test]
fn committees_named_together_are_each_a_meeting_the_first_named_primary() {
    let report = Page {
        title: Some("NEC Disputes Panel and Organisation Committee meetings, 8 June 2021"),
        body: "Both bodies sat in the morning. We agreed the timetable for selections.",
        ..Page::default()
    }
    .read();
    let kinds: Vec<(MeetingKind, bool)> = report
        .meetings
        .iter()
        .map(|m| (m.kind, m.primary))
        .collect();
    assert_eq!(
        kinds,
        [
            (MeetingKind::DisputesPanel, true),
            (MeetingKind::OrganisationCommittee, false)
        ]
    );
    assert!(report.meetings.iter().all(|m| {
        m.date
            .as_ref()
            .is_some_and(|d| d.date.to_string() == "2021-06-08")
    }));
}

#[test]
fn a_disciplinary_committee_is_the_disputes_panel() {
    let report = body(
        "The NEC Complaints and Disciplinary Committee met on Tuesday 6 June 2023 and heard \
         four cases.",
    )
    .read();
    assert_eq!(primary(&report).kind, MeetingKind::DisputesPanel);
}

#[test]
fn a_dated_heading_takes_the_particular_kind_its_section_names() {
    let report = body(
        "NEC Meeting, 3 March 2009\nThe leader's office asked for members to be called to an \
         emergency session at a day's notice. We met for an hour.\n\nNEC Meeting, 20 January \
         2009\nA quiet meeting on the budget.",
    )
    .read();
    let kinds: Vec<(String, MeetingKind)> = report
        .meetings
        .iter()
        .map(|m| (m.date.as_ref().unwrap().date.to_string(), m.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("2009-03-03".to_owned(), MeetingKind::Emergency),
            ("2009-01-20".to_owned(), MeetingKind::Full)
        ]
    );
}

#[test]
fn an_opening_byline_names_the_kind_of_the_meeting_the_address_dates() {
    let report = Page {
        body: "Sam Field and Jo Lane report on the NEC Away Day.\nWe started with a review of \
               the year and then split into groups.",
        url: Some("https://example.org/2023/11/14th-november-nec-away-day-report/"),
        ..Page::default()
    }
    .read();
    let m = primary(&report);
    assert_eq!(m.kind, MeetingKind::AwayDay);
    assert_eq!(m.date.as_ref().unwrap().date.to_string(), "2023-11-14");
}

#[test]
fn a_meeting_called_ordinary_and_full_stays_full_beside_an_away_day() {
    let report = Page {
        title: Some("NEC report - 9 March 2022"),
        body: "After the away day and a special meeting on the code of conduct, this was the \
               first ordinary full NEC meeting of the year. We agreed the budget.",
        ..Page::default()
    }
    .read();
    assert_eq!(primary(&report).kind, MeetingKind::Full);
}

#[test]
fn an_induction_meeting_is_training() {
    let report = body(
        "New members attended an induction meeting on 2 December 2024 before their first NEC.",
    )
    .read();
    assert_eq!(primary(&report).kind, MeetingKind::Training);
}

#[test]
fn a_day_that_opens_its_sentence_dates_the_meeting_the_sentence_names() {
    let report = Page {
        body: "On 10-11 March the annual NEC away day was held in Leeds, followed by a short \
               business meeting.",
        url: Some("https://example.org/2014/03/report/"),
        ..Page::default()
    }
    .read();
    let m = primary(&report);
    assert_eq!(m.kind, MeetingKind::AwayDay);
    let d = m.date.as_ref().unwrap();
    assert_eq!(d.date.to_string(), "2014-03-10");
    assert_eq!(d.end.map(|e| e.to_string()).as_deref(), Some("2014-03-11"));
}

#[test]
fn this_afternoon_dates_the_meeting_by_the_published_day() {
    let report = Page {
        body: "This afternoon Labour's national executive committee chose a new general \
               secretary by 30 votes to 4.",
        published: Some("2019-05-14"),
        ..Page::default()
    }
    .read();
    let m = primary(&report);
    assert_eq!(m.date.as_ref().unwrap().date.to_string(), "2019-05-14");
}

#[test]
fn a_month_only_meeting_takes_the_day_its_address_gives() {
    let report = Page {
        body: "The October NEC met in London and agreed the timetable.",
        url: Some("https://example.org/2019/10/nec-report-15-october-2019.html"),
        ..Page::default()
    }
    .read();
    let m = primary(&report);
    assert_eq!(m.date.as_ref().unwrap().date.to_string(), "2019-10-15");
}

#[test]
fn a_title_year_on_its_own_dates_a_run_of_days_by_number() {
    let report = Page {
        title: Some("NEC meetings at Conference 2019 (21-25/09)"),
        body: "The first meeting was on the Saturday evening. We agreed the rule changes.",
        ..Page::default()
    }
    .read();
    let m = primary(&report);
    let d = m.date.as_ref().unwrap();
    assert_eq!(d.date.to_string(), "2019-09-21");
    assert_eq!(d.end.map(|e| e.to_string()).as_deref(), Some("2019-09-25"));
}

#[test]
fn each_meeting_date_says_where_it_was_read() {
    use nectar_model::DateBasis;
    let basis = |page: Page<'_>| primary(&page.read()).date.as_ref().map(|d| d.basis);
    let text = body("The NEC met on 12 May 2015 and agreed the timetable.");
    assert_eq!(basis(text), Some(DateBasis::Text));
    let title = Page {
        title: Some("NEC report - 12 May 2015"),
        body: "We agreed the timetable.",
        ..Page::default()
    };
    assert_eq!(basis(title), Some(DateBasis::Title));
    let url = Page {
        body: "The NEC agreed the timetable.",
        url: Some("https://example.org/2015/05/nec-report-12-may-2015/"),
        ..Page::default()
    };
    assert_eq!(basis(url), Some(DateBasis::Url));
    let relative = Page {
        body: "The NEC met yesterday and agreed the timetable.",
        published: Some("2015-05-13"),
        ..Page::default()
    };
    assert_eq!(basis(relative), Some(DateBasis::Relative));
}

#[test]
fn a_title_day_on_which_only_committees_met_has_the_first_committee_primary() {
    let report = Page {
        title: Some("NEC report - meetings held 6th June 2023"),
        body: "The NEC Disputes Panel and the Organisation Committee both met on Tuesday 6th \
               June 2023. We heard four appeals.",
        ..Page::default()
    }
    .read();
    let m = primary(&report);
    assert_eq!(m.kind, MeetingKind::DisputesPanel);
    assert_eq!(m.date.as_ref().unwrap().date.to_string(), "2023-06-06");
    assert!(!report.meetings.iter().any(|m| m.kind == MeetingKind::Full));
}

// ---------------------------------------------------------------------------------------------
// Each fact on its meeting

/// The meeting (date and kind) each decision of the report is on.
fn decisions_on(report: &Report) -> Vec<(String, MeetingKind)> {
    report
        .decisions
        .iter()
        .map(|d| {
            let m = report
                .meetings
                .iter()
                .find(|m| Some(&m.meeting_id) == d.meeting_id.as_ref())
                .expect("a decision on a meeting of the report");
            (date_of(m).0, m.kind)
        })
        .collect()
}

#[test]
fn each_fact_is_on_the_meeting_its_sentence_or_section_names() {
    let report = Page {
        title: Some("NEC report - 14 March 2023"),
        body: "The NEC met on Tuesday 14 March 2023. The budget was agreed.\n\n\
               The NEC Organisation Committee met on 7 March 2023 and agreed the selection \
               timetable. The request for a delay was rejected.\n\n\
               Back at the full meeting, the code of conduct was approved.",
        ..Page::default()
    }
    .read();
    let full = ("2023-03-14".to_owned(), MeetingKind::Full);
    let org = ("2023-03-07".to_owned(), MeetingKind::OrganisationCommittee);
    assert_eq!(
        decisions_on(&report),
        [full.clone(), org.clone(), org, full],
        "{:#?}",
        report.decisions
    );
}

#[test]
fn a_sentence_listing_several_meetings_opens_no_section_and_a_later_one_is_not_where_it_was_decided()
 {
    let report = Page {
        title: Some("NEC round-up"),
        body: "This covers the away day on 12 November 2019 and the Disputes Panel on 3 \
               December 2019.\n\nThe NEC agreed the election budget. The paper on fees was \
               deferred until the 21 January 2020 meeting.",
        ..Page::default()
    }
    .read();
    let on = decisions_on(&report);
    assert!(
        on.iter()
            .all(|(d, k)| d == "2019-11-12" && *k == MeetingKind::AwayDay),
        "{on:?}"
    );
}

#[test]
fn a_date_naming_a_decision_taken_lies_behind_whatever_the_clause_says_ahead() {
    let report = Page {
        published: Some("2020-09-30"),
        ..body(
            "The NEC met on 29 September 2020. Members asked when the 14 February NEC decision \
             on fees would be put into effect.",
        )
    }
    .read();
    let dates = meeting_dates(&report);
    assert!(dates.contains(&"2020-02-14".to_owned()), "{dates:?}");
    assert!(!dates.contains(&"2021-02-14".to_owned()), "{dates:?}");
}

#[test]
fn business_brought_to_a_months_meeting_lies_ahead() {
    let report = Page {
        published: Some("2019-02-20"),
        ..body(
            "The NEC met on 29 January 2019. It was reported that new guidance would be \
             brought to the March NEC.",
        )
    }
    .read();
    let dates = meeting_dates(&report);
    assert!(dates.contains(&"2019-03".to_owned()), "{dates:?}");
}
