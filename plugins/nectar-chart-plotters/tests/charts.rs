//! Every chart on the real reports (`../shared/seeds`), on the sample corpus, and on made-up
//! reports of 1, 2 and 1,000 facts: well-formed SVG with `<title>` and `<desc>`, the data in
//! it and nothing else, no label over another, the same bytes on every run, snapshots of the
//! whole SVG, and a clear "nothing to draw" when there is nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::path::Path;

use nectar_model::{
    DateReading, Duration, Evidence, Figure, Meeting, MeetingKind, MeetingStatus, Metric,
    ParserInfo, PartialDate, Provenance, Qualifier, Report, ReportKind, SourceDocument, Span, Unit,
    VoteCounts, VoteEvent, VoteResult,
};
use nectar_registry::{ChartError, Svg};

/// The charts, by name, as the registry has them.
fn chart(name: &str) -> &'static dyn nectar_registry::Chart {
    nectar_plugins::registry()
        .expect("registry")
        .chart(name)
        .unwrap_or_else(|| panic!("chart {name} is registered"))
        .chart
}

const CHARTS: [&str; 4] = ["durations", "meetings", "membership", "votes"];

/// Reads every report under `dir` the way `nectar` does.
fn read_dir(dir: &Path) -> Vec<Report> {
    let registry = nectar_plugins::registry().expect("registry");
    nectar_io::discover(&[dir.to_path_buf()])
        .into_iter()
        .map(|found| {
            let file = found.expect("a report file");
            let doc = nectar_io::read_document(&file.path, &file.display, &Default::default())
                .unwrap_or_else(|e| panic!("{e}"));
            let detection = registry.detect(&doc).expect("a parser");
            nectar_pipeline::parse(&doc, &detection).expect("parses")
        })
        .collect()
}

/// The SVG parsed as XML: every text node of `<text>` elements, the title and the desc.
struct Parsed {
    texts: Vec<String>,
    title: String,
    desc: String,
}

fn parse(svg: &Svg) -> Parsed {
    let doc = roxmltree::Document::parse(svg.as_str())
        .unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    let of = |name: &str| {
        root.children()
            .find(|n| n.has_tag_name(name))
            .and_then(|n| n.text())
            .unwrap_or_else(|| panic!("no <{name}> in the SVG"))
            .trim()
            .to_owned()
    };
    let texts = root
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().trim().to_owned())
        .collect();
    Parsed {
        texts,
        title: of("title"),
        desc: of("desc"),
    }
}

/// Renders, checks what every chart must be, and returns the SVG.
fn render(name: &str, reports: &[Report]) -> (Svg, Parsed) {
    let svg = chart(name)
        .render(reports)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let again = chart(name).render(reports).expect("renders again");
    assert_eq!(svg, again, "{name}: the same bytes every time");
    let parsed = parse(&svg);
    assert!(!parsed.title.is_empty() && !parsed.desc.is_empty());
    // No font is named but the generic family.
    for family in svg.as_str().split("font-family=\"").skip(1) {
        assert!(family.starts_with("sans-serif\""), "{name}: a named font");
    }
    (svg, parsed)
}

fn has_text(p: &Parsed, wanted: &str) -> bool {
    p.texts.iter().any(|t| t.contains(wanted))
}

#[test]
fn the_real_reports() {
    let Some(seeds) = nectar_testkit::require_seeds() else {
        return;
    };
    let reports = read_dir(&seeds);
    assert_eq!(reports.len(), 5);

    let (svg, m) = render("membership", &reports);
    // The reports' own figures, with their dates.
    for (value, date) in [
        ("560,000", "Sep 2020"),
        ("540,000", "Nov 2020"),
        ("512,000", "Feb 2021"),
        ("366,604", "Mar 2024"),
    ] {
        assert!(has_text(&m, value), "{value} is labelled");
        assert!(m.desc.contains(&format!("{value} ({date})")), "{}", m.desc);
    }
    // 580,000 is a reader's comment's figure, not the report's.
    assert!(!svg.as_str().contains("580,000") && !svg.as_str().contains("580000"));
    assert!(
        has_text(&m, "readers' comments"),
        "the note says they are left out"
    );
    insta::assert_snapshot!("seeds_membership", svg.as_str());

    let (svg, m) = render("meetings", &reports);
    assert!(m.desc.contains("2011: 1 (1 away day)"), "{}", m.desc);
    insta::assert_snapshot!("seeds_meetings", svg.as_str());

    let (svg, m) = render("durations", &reports);
    assert!(has_text(&m, "over 7 h") && has_text(&m, "6.5 h") && has_text(&m, "8 h"));
    insta::assert_snapshot!("seeds_durations", svg.as_str());

    let (svg, m) = render("votes", &reports);
    assert!(
        m.desc.contains("13 for, 10 against (carried)"),
        "{}",
        m.desc
    );
    assert!(has_text(&m, "26 Mar 2024"));
    insta::assert_snapshot!("seeds_votes", svg.as_str());
}

#[test]
fn the_sample_corpus() {
    let reports = read_dir(&nectar_testkit::sample_corpus_dir());
    assert!(reports.len() >= 20);
    for name in CHARTS {
        let (svg, parsed) = render(name, &reports);
        assert!(parsed.texts.len() > 10, "{name}: text drawn");
        insta::assert_snapshot!(format!("corpus_{name}"), svg.as_str());
    }
}

// ---- made-up reports -------------------------------------------------------------------------

fn evidence() -> Evidence {
    Evidence {
        span: Span::new(0, 0),
        quote: String::new(),
    }
}

fn report(i: usize) -> Report {
    Report {
        report_id: format!("generic-test-{i:04}"),
        source: "generic".into(),
        document: SourceDocument {
            path: format!("{i}.txt"),
            sha256: "00".into(),
            bytes: 0,
            url: None,
            sidecar: None,
            ..Default::default()
        },
        parser: ParserInfo {
            name: "generic".into(),
            version: "0.1.0".into(),
            confidence: 1.0,
        },
        kind: ReportKind::NecReport,
        title: None,
        published: None,
        authors: Vec::new(),
        author_role: None,
        body: Span::new(0, 0),
        clutter: Vec::new(),
        meetings: Vec::new(),
        agenda_items: Vec::new(),
        figures: Vec::new(),
        votes: Vec::new(),
        decisions: Vec::new(),
        people: Vec::new(),
        comments: Vec::new(),
        notes: Vec::new(),
        fingerprint: None,
    }
}

const QUALIFIERS: [Qualifier; 4] = [
    Qualifier::Exact,
    Qualifier::Over,
    Qualifier::Around,
    Qualifier::Under,
];

/// `n` reports, one meeting each, every ninth day from 1998: a membership figure, a
/// duration, a vote, each varying.
fn made_up(n: usize) -> Vec<Report> {
    let start = chrono::NaiveDate::from_ymd_opt(1998, 1, 6).unwrap();
    (0..n)
        .map(|i| {
            let mut r = report(i);
            let date = PartialDate::from_naive(start + chrono::Duration::days(9 * i as i64 + 40));
            let meeting_id = format!("{}/m1", r.report_id);
            r.meetings.push(Meeting {
                meeting_id: meeting_id.clone(),
                date: Some(DateReading::stated(date)),
                kind: [
                    MeetingKind::Full,
                    MeetingKind::DisputesPanel,
                    MeetingKind::AwayDay,
                ][i % 3],
                body: None,
                status: MeetingStatus::Held,
                primary: true,
                duration: Some(Duration {
                    hours: 2.0 + (i % 13) as f64 * 0.5,
                    qualifier: QUALIFIERS[i % 4],
                    evidence: evidence(),
                }),
                evidence: evidence(),
            });
            r.figures.push(Figure {
                figure_id: format!("{}/f1", r.report_id),
                meeting_id: Some(meeting_id.clone()),
                metric: Metric::Membership,
                value: 150_000.0 + ((i * 7919) % 450) as f64 * 1000.0,
                unit: Unit::Count,
                qualifier: QUALIFIERS[(i / 2) % 4],
                as_of: Some(date),
                from_comment: false,
                evidence: evidence(),
                provenance: Provenance::default(),
            });
            r.votes.push(VoteEvent {
                vote_id: format!("{}/v1", r.report_id),
                meeting_id: Some(meeting_id),
                subject: Some(format!(
                    "refer motion {i} on the rules for selecting candidates back to the committee"
                )),
                counts: VoteCounts {
                    yes: Some(10 + (i % 20) as u32),
                    no: Some(5 + (i % 17) as u32),
                    abstain: (i % 3 == 0).then_some((i % 4) as u32),
                },
                result: VoteResult::Pass,
                evidence: evidence(),
                provenance: Provenance::default(),
            });
            r
        })
        .collect()
}

/// The boxes of the labels on the data: the white boxes drawn behind them.
fn label_boxes(svg: &Svg) -> Vec<(i64, i64, i64, i64)> {
    let doc = roxmltree::Document::parse(svg.as_str()).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("opacity") == Some("0.85"))
        .map(|n| {
            let num = |a: &str| n.attribute(a).unwrap().parse::<i64>().unwrap();
            let (x, y) = (num("x"), num("y"));
            (x, y, x + num("width"), y + num("height"))
        })
        .collect()
}

#[test]
fn one_two_and_a_thousand_points() {
    for n in [1, 2, 1000] {
        let reports = made_up(n);
        for name in CHARTS {
            let (svg, parsed) = render(name, &reports);
            // Labels never overlap.
            let boxes = label_boxes(&svg);
            for (i, a) in boxes.iter().enumerate() {
                for b in &boxes[i + 1..] {
                    let apart = a.2 <= b.0 || b.2 <= a.0 || a.3 <= b.1 || b.3 <= a.1;
                    assert!(apart, "{name} with {n}: labels {a:?} and {b:?} overlap");
                }
            }
            // Year ticks stay few enough to read.
            let years = parsed
                .texts
                .iter()
                .filter(|t| t.len() == 4 && t.parse::<u32>().is_ok_and(|y| y > 1990))
                .count();
            if name != "votes" {
                assert!(
                    (1..=20).contains(&years),
                    "{name} with {n}: {years} year ticks"
                );
            }
            if n < 1000 {
                insta::assert_snapshot!(format!("made_up_{n}_{name}"), svg.as_str());
            }
            // `.ci/run` turns these into PNGs and checks they are not blank.
            if let Some(dir) = std::env::var_os("NECTAR_CHART_DIR") {
                let path = Path::new(&dir).join(format!("made_up_{n}_{name}.svg"));
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(path, svg.as_str()).unwrap();
            }
        }
    }
}

#[test]
fn a_thousand_votes_label_one_row_in_several() {
    let (_, parsed) = render("votes", &made_up(1000));
    let subjects = parsed
        .texts
        .iter()
        .filter(|t| t.starts_with("refer motion"))
        .count();
    assert!((20..=100).contains(&subjects), "{subjects} rows labelled");
    // 390 rows are drawn (2 pixels each), the latest; see the next test.
    assert!(
        has_text(&parsed, "390 votes: one in 7 labelled"),
        "{:?}",
        parsed.texts
    );
}

/// `n` made-up reports whose votes vary in result too: every third fell, every fifth has no
/// result.
fn made_up_votes(n: usize) -> Vec<Report> {
    let mut reports = made_up(n);
    for (i, r) in reports.iter_mut().enumerate() {
        r.votes[0].result = match i % 15 {
            0 => VoteResult::Unknown,
            k if k % 3 == 0 => VoteResult::Fail,
            k if k % 5 == 0 => VoteResult::Unknown,
            _ => VoteResult::Pass,
        };
    }
    reports
}

#[test]
fn more_votes_than_fit_draw_the_latest_and_count_them_all() {
    let n = 2000;
    let reports = made_up_votes(n);
    let (svg, parsed) = render("votes", &reports);
    // Every number the words state is of all 2,000 votes.
    let count = |result: VoteResult| {
        reports
            .iter()
            .filter(|r| r.votes[0].result == result)
            .count()
    };
    let (carried, fell) = (count(VoteResult::Pass), count(VoteResult::Fail));
    assert!(carried > 0 && fell > 0 && carried + fell < n);
    assert!(
        parsed.desc.starts_with(&format!(
            "The counts of 2,000 counted votes at NEC meetings, Feb 1998 to May 2047: \
             {carried} carried, {fell} fell."
        )),
        "{}",
        parsed.desc
    );
    // The closest: the least gap between for and against, of equals the earliest.
    let closest = reports
        .iter()
        .min_by_key(|r| {
            let c = r.votes[0].counts;
            let date = r.meetings[0].date.as_ref().unwrap().date;
            (c.yes.unwrap().abs_diff(c.no.unwrap()), date)
        })
        .unwrap();
    let c = closest.votes[0].counts;
    let on = closest.meetings[0].date.as_ref().unwrap().date;
    assert!(
        parsed.desc.contains(&format!(
            "The closest: {} to {} on {}.",
            c.yes.unwrap(),
            c.no.unwrap(),
            on.first_day().format("%-d %b %Y")
        )),
        "{}",
        parsed.desc
    );
    // First and last are the first and last of all, not of those drawn.
    assert!(parsed.desc.contains("first 15 Feb 1998, refer motion 0 "));
    assert!(parsed.desc.contains("last 20 May 2047, refer motion 1999 "));
    assert!(parsed.desc.ends_with("The chart draws the latest 390."));
    // 390 bars, the latest.
    let bars = svg
        .as_str()
        .lines()
        .filter(|l| l.starts_with("<rect") && l.contains("fill=\"#0072B2\""))
        .count();
    assert_eq!(bars, 390 + 1, "the bars and the legend's swatch");
    assert!(has_text(
        &parsed,
        "The latest 390 of 2,000 counted votes are drawn"
    ));
    // The first drawn is labelled; the one before it is not drawn (nor named in the words).
    assert!(
        has_text(&parsed, "refer motion 1610 "),
        "{:?}",
        parsed.texts
    );
    assert!(
        !svg.as_str().contains("refer motion 1609 "),
        "not among the latest"
    );
}

#[test]
fn a_vote_given_again_beyond_the_drawn_rows_counts_once() {
    let mut reports = made_up_votes(1000);
    // Another report giving an early vote, long out of the drawn rows: still one vote.
    let mut again = reports[3].clone();
    again.report_id = "generic-test-again".into();
    reports.push(again.clone());
    let (_, parsed) = render("votes", &reports);
    assert!(
        parsed.desc.starts_with("The counts of 1,000 counted votes"),
        "{}",
        parsed.desc
    );
    // A report giving it twice: two votes with the same counts at one meeting.
    let vote = again.votes[0].clone();
    again.votes.push(vote);
    reports.push(again);
    let (_, parsed) = render("votes", &reports);
    assert!(
        parsed.desc.starts_with("The counts of 1,001 counted votes"),
        "{}",
        parsed.desc
    );
}

#[test]
fn the_order_of_many_votes_does_not_matter() {
    let mut reports = made_up_votes(1500);
    // Some given twice by one report, some by two reports.
    for i in (0..1500).step_by(7) {
        let vote = reports[i].votes[0].clone();
        reports[i].votes.push(vote);
    }
    let again: Vec<Report> = reports[1200..1300].to_vec();
    reports.extend(again);
    let (svg, _) = render("votes", &reports);
    let mut reversed = reports.clone();
    reversed.reverse();
    assert_eq!(chart("votes").render(&reversed), Ok(svg.clone()));
    let mut rotated = reports.clone();
    rotated.rotate_left(reports.len() / 3);
    assert_eq!(chart("votes").render(&rotated), Ok(svg.clone()));
    let mut data = chart("votes").start();
    for r in reports.iter().rev() {
        data.add(r);
    }
    assert_eq!(data.render(), Ok(svg));
}

#[test]
fn two_reports_giving_different_figures_for_one_date_both_show() {
    let mut reports = made_up(2);
    let date = reports[0].figures[0].as_of;
    reports[1].figures[0].as_of = date;
    reports[1].figures[0].value = 123_456.0;
    let (_, parsed) = render("membership", &reports);
    let first = thousands(reports[0].figures[0].value);
    for value in [first.as_str(), "123,456"] {
        assert!(has_text(&parsed, value), "{value} labelled");
        assert!(
            parsed.desc.contains(&format!("{value} (Feb 1998)")),
            "{}",
            parsed.desc
        );
    }
}

/// `150000.0` as `150,000`.
fn thousands(v: f64) -> String {
    let digits = (v as u64).to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn the_same_figure_from_two_reports_is_one_point() {
    let mut reports = made_up(2);
    reports[1].figures[0] = reports[0].figures[0].clone();
    let (_, parsed) = render("membership", &reports);
    assert!(
        parsed.desc.contains("1 figure from 2 reports"),
        "{}",
        parsed.desc
    );
}

#[test]
fn the_order_of_the_reports_does_not_matter() {
    let mut reports = read_dir(&nectar_testkit::sample_corpus_dir());
    reports.extend(made_up(60));
    // Another report giving what one gives, less exactly: the point shows once, exact.
    let mut again = reports[reports.len() - 1].clone();
    again.report_id = "generic-test-again".into();
    again.figures[0].qualifier = Qualifier::Around;
    again.meetings[0].duration.as_mut().unwrap().qualifier = Qualifier::Over;
    reports.push(again);
    for name in CHARTS {
        let (svg, _) = render(name, &reports);
        let mut reversed = reports.clone();
        reversed.reverse();
        assert_eq!(chart(name).render(&reversed), Ok(svg.clone()), "{name}");
        let mut rotated = reports.clone();
        rotated.rotate_left(reports.len() / 3);
        assert_eq!(chart(name).render(&rotated), Ok(svg.clone()), "{name}");
        // A report at a time, as `nectar build` draws them; rendering twice gives the same.
        let mut data = chart(name).start();
        for r in &reports {
            data.add(r);
        }
        assert_eq!(data.render(), Ok(svg.clone()), "{name}");
        assert_eq!(data.render(), Ok(svg), "{name} again");
    }
}

#[test]
fn nothing_to_draw_says_what_is_missing() {
    let empty = vec![report(0)];
    for (name, message) in [
        ("membership", "no membership figures in the reports"),
        ("meetings", "no held meetings with a date in the reports"),
        ("durations", "no meeting durations in the reports"),
        ("votes", "no counted votes in the reports"),
    ] {
        assert_eq!(
            chart(name).render(&empty),
            Err(ChartError::NothingToDraw(message.into())),
            "{name}"
        );
        assert_eq!(
            chart(name).render(&[]),
            Err(ChartError::NothingToDraw(message.into())),
            "{name} of no reports"
        );
    }
    // Only readers' comments give membership: nothing to draw, and it says why.
    let mut reports = made_up(1);
    reports[0].figures[0].from_comment = true;
    let err = chart("membership").render(&reports).unwrap_err();
    assert_eq!(
        err.to_string(),
        "nothing to draw (no membership figures in the reports' own text, only in readers' \
         comments (1 figure), which are not charted)"
    );
}

#[test]
fn no_font_library_in_the_dependency_tree() {
    let lock = std::fs::read_to_string(nectar_testkit::workspace_root().join("Cargo.lock"))
        .expect("the workspace's Cargo.lock");
    let packages: Vec<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    assert!(packages.contains(&"plotters"), "plotters is locked");
    for banned in [
        "font-kit",
        "freetype",
        "freetype-sys",
        "freetype-rs",
        "fontconfig",
        "yeslogic-fontconfig-sys",
        "servo-fontconfig",
        "servo-fontconfig-sys",
        "ttf-parser",
        "ab_glyph",
    ] {
        assert!(!packages.contains(&banned), "{banned} is in Cargo.lock");
    }
}

/// `n` reports of one full meeting on 29 Sep 2020, each giving a different membership figure
/// (200,000 + 1,000 i; about, for every third) and duration (2 + i / 10 hours; over, for
/// every third).
fn one_day(n: usize) -> Vec<Report> {
    let date = PartialDate::ymd(2020, 9, 29).unwrap();
    let mut reports = made_up(n);
    for (i, r) in reports.iter_mut().enumerate() {
        let qualifier = if i % 3 == 1 {
            Qualifier::Around
        } else {
            Qualifier::Exact
        };
        let m = &mut r.meetings[0];
        m.date = Some(DateReading::stated(date));
        m.kind = MeetingKind::Full;
        let d = m.duration.as_mut().unwrap();
        d.hours = 2.0 + i as f64 / 10.0;
        d.qualifier = if i % 3 == 1 {
            Qualifier::Over
        } else {
            Qualifier::Exact
        };
        let f = &mut r.figures[0];
        f.as_of = Some(date);
        f.value = 200_000.0 + 1000.0 * i as f64;
        f.qualifier = qualifier;
    }
    reports
}

/// The markers on a time chart: filled circles and polygons, less the legend's.
fn markers(svg: &Svg, legend: usize) -> usize {
    let filled = svg
        .as_str()
        .lines()
        .filter(|l| {
            (l.starts_with("<circle") && !l.contains("fill=\"none\"")) || l.starts_with("<polygon")
        })
        .count();
    filled - legend
}

#[test]
fn a_date_given_up_to_four_figures_shows_each() {
    let (svg, parsed) = render("membership", &one_day(4));
    assert_eq!(markers(&svg, 2), 4);
    assert!(
        parsed.desc.contains(
            "4 figures from 4 reports, Sep 2020: 200,000 (Sep 2020), about 201,000 (Sep 2020), \
             202,000 (Sep 2020), 203,000 (Sep 2020)."
        ),
        "{}",
        parsed.desc
    );
    assert!(!parsed.desc.contains("more than 4"), "{}", parsed.desc);
    let (svg, parsed) = render("durations", &one_day(4));
    assert_eq!(markers(&svg, 2), 4);
    assert!(!parsed.desc.contains("more than 4"), "{}", parsed.desc);
}

#[test]
fn a_date_given_many_figures_shows_the_lowest_and_highest() {
    for n in [5, 300] {
        let reports = one_day(n);
        let (svg, parsed) = render("membership", &reports);
        let highest = thousands(200_000.0 + 1000.0 * (n - 1) as f64);
        let about = if (n - 1) % 3 == 1 { "about " } else { "" };
        // The legend shows a marker for each qualifier drawn.
        let legend = if about.is_empty() { 1 } else { 2 };
        assert_eq!(markers(&svg, legend), 2, "{n}");
        assert!(
            parsed.desc.contains(&format!(
                "2 figures from {n} reports, Sep 2020: 200,000 (Sep 2020), {about}{highest} \
                 (Sep 2020). For 1 date given more than 4 different figures ({n} figures in \
                 all), only the lowest and the highest are shown, and the line goes through \
                 the mean of all."
            )),
            "{}",
            parsed.desc
        );
        assert!(has_text(&parsed, "200,000") && has_text(&parsed, &highest));
        assert!(
            !svg.as_str().contains("202,000"),
            "a figure between is not drawn"
        );
        assert!(has_text(
            &parsed,
            "For 1 date given more than 4 different figures"
        ));
        let mut reversed = reports.clone();
        reversed.reverse();
        assert_eq!(chart("membership").render(&reversed), Ok(svg), "{n}");

        let (svg, parsed) = render("durations", &reports);
        assert_eq!(markers(&svg, legend), 2, "{n}");
        assert!(
            parsed.desc.contains(&format!(
                "For 1 meeting given more than 4 different durations ({n} mentions in all), \
                 only the shortest and the longest are shown."
            )),
            "{}",
            parsed.desc
        );
        assert!(
            parsed.desc.contains("2 durations of 1 meeting"),
            "{}",
            parsed.desc
        );
        let mut reversed = reports.clone();
        reversed.reverse();
        assert_eq!(chart("durations").render(&reversed), Ok(svg), "{n}");
    }
}

#[test]
fn a_marker_on_the_pixel_of_the_same_marker_is_drawn_once() {
    let mut reports = made_up(2);
    reports[1].figures[0].as_of = reports[0].figures[0].as_of;
    reports[1].figures[0].qualifier = reports[0].figures[0].qualifier;
    reports[1].figures[0].value = reports[0].figures[0].value + 1.0;
    let (svg, parsed) = render("membership", &reports);
    assert!(
        parsed.desc.contains("2 figures from 2 reports"),
        "{}",
        parsed.desc
    );
    assert_eq!(markers(&svg, 1), 1);
    // Another qualifier on the same pixel is a marker of its own.
    reports[1].figures[0].qualifier = Qualifier::Over;
    let (svg, _) = render("membership", &reports);
    assert_eq!(markers(&svg, 2), 2);
}
