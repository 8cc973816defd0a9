//! Every chart of the dataset of the real reports (`../shared/seeds`), of the sample corpus,
//! and of made-up reports of 1, 2 and 1,000 facts: well-formed SVG with `<title>` and
//! `<desc>`, the data in it and nothing else, no label over another or across a line or a
//! gridline, the same bytes on every run, snapshots of the whole SVG, and a clear "nothing to
//! draw" when there is nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::path::Path;

use nectar_model::{
    DateReading, Duration, Evidence, Figure, Meeting, MeetingKind, MeetingStatus, Metric,
    ParserInfo, PartialDate, Provenance, Qualifier, Report, ReportKind, SourceDocument, Span, Unit,
    VoteCounts, VoteEvent, VoteResult,
};
use nectar_registry::{ChartError, Dataset, Svg};

/// The charts, by name, as the registry has them.
fn chart(name: &str) -> &'static dyn nectar_registry::Chart {
    nectar_plugins::registry()
        .expect("registry")
        .chart(name)
        .unwrap_or_else(|| panic!("chart {name} is registered"))
        .chart
}

/// The chart `name` of the dataset of `reports`.
fn draw(name: &str, reports: &[Report]) -> Result<Svg, ChartError> {
    chart(name).render(&Dataset::of(reports))
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
    let svg = draw(name, reports).unwrap_or_else(|e| panic!("{name}: {e}"));
    let again = draw(name, reports).expect("renders again");
    assert_eq!(svg, again, "{name}: the same bytes every time");
    let parsed = parse(&svg);
    assert!(!parsed.title.is_empty() && !parsed.desc.is_empty());
    // No font is named but the generic family.
    for family in svg.as_str().split("font-family=\"").skip(1) {
        assert!(family.starts_with("sans-serif\""), "{name}: a named font");
    }
    no_label_crosses_a_line(name, &svg);
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

/// `r` as another report, `id`, giving the same: every fact's ID made its own.
fn relabel(r: &Report, id: &str) -> Report {
    let text = serde_json::to_string(r).unwrap();
    serde_json::from_str(&text.replace(&r.report_id, id)).unwrap()
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
    let mut again = relabel(&reports[3], "generic-test-again");
    reports.push(again.clone());
    let (_, parsed) = render("votes", &reports);
    assert!(
        parsed.desc.starts_with("The counts of 1,000 counted votes"),
        "{}",
        parsed.desc
    );
    // A report giving it twice: two votes with the same counts at one meeting.
    let mut vote = again.votes[0].clone();
    vote.vote_id.push_str("-2");
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
    assert_eq!(draw("votes", &reversed), Ok(svg.clone()));
    let mut rotated = reports.clone();
    rotated.rotate_left(reports.len() / 3);
    assert_eq!(draw("votes", &rotated), Ok(svg));
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
    let id = reports[1].figures[0].figure_id.clone();
    reports[1].figures[0] = reports[0].figures[0].clone();
    reports[1].figures[0].figure_id = id;
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
    let mut again = relabel(&reports[reports.len() - 1], "generic-test-again");
    again.figures[0].qualifier = Qualifier::Around;
    again.meetings[0].duration.as_mut().unwrap().qualifier = Qualifier::Over;
    reports.push(again);
    for name in CHARTS {
        let (svg, _) = render(name, &reports);
        let mut reversed = reports.clone();
        reversed.reverse();
        assert_eq!(draw(name, &reversed), Ok(svg.clone()), "{name}");
        let mut rotated = reports.clone();
        rotated.rotate_left(reports.len() / 3);
        assert_eq!(draw(name, &rotated), Ok(svg), "{name}");
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
            draw(name, &empty),
            Err(ChartError::NothingToDraw(message.into())),
            "{name}"
        );
        assert_eq!(
            chart(name).render(&Dataset::default()),
            Err(ChartError::NothingToDraw(message.into())),
            "{name} of no reports"
        );
    }
    // Only readers' comments give membership: nothing to draw, and it says why.
    let mut reports = made_up(1);
    reports[0].figures[0].from_comment = true;
    let err = draw("membership", &reports).unwrap_err();
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

// ---- labels clear of lines and gridlines ----------------------------------------------------

/// The segments of the gridlines (`<line>` in the grid's grey) and of the data line
/// (`<polyline>` in the line's grey, two pixels wide) in the SVG.
fn line_segments(svg: &Svg) -> Vec<((f64, f64), (f64, f64))> {
    let doc = roxmltree::Document::parse(svg.as_str()).unwrap();
    let mut out = Vec::new();
    for n in doc.descendants() {
        let num = |a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
        if n.has_tag_name("line") && n.attribute("stroke") == Some("#E4E4E4") {
            out.push(((num("x1"), num("y1")), (num("x2"), num("y2"))));
        }
        if n.has_tag_name("polyline")
            && n.attribute("stroke") == Some("#999999")
            && n.attribute("stroke-width") == Some("2")
        {
            let points: Vec<(f64, f64)> = n
                .attribute("points")
                .unwrap()
                .split_whitespace()
                .map(|p| {
                    let (x, y) = p.split_once(',').unwrap();
                    (x.parse().unwrap(), y.parse().unwrap())
                })
                .collect();
            out.extend(points.windows(2).map(|w| (w[0], w[1])));
        }
    }
    out
}

/// Whether the segment passes through the box (x0, y0, x1, y1) or touches it.
fn segment_meets_box(
    ((ax, ay), (bx, by)): ((f64, f64), (f64, f64)),
    r: (i64, i64, i64, i64),
) -> bool {
    let (x0, y0, x1, y1) = (r.0 as f64, r.1 as f64, r.2 as f64, r.3 as f64);
    let (dx, dy) = (bx - ax, by - ay);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [(-dx, ax - x0), (dx, x1 - ax), (-dy, ay - y0), (dy, y1 - ay)] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else if p < 0.0 {
            t0 = t0.max(q / p);
        } else {
            t1 = t1.min(q / p);
        }
    }
    t0 <= t1
}

/// No label's box meets a gridline or the data line.
fn no_label_crosses_a_line(name: &str, svg: &Svg) {
    let segments = line_segments(svg);
    for b in label_boxes(svg) {
        for &s in &segments {
            assert!(
                !segment_meets_box(s, b),
                "{name}: the label box {b:?} meets the line {s:?}"
            );
        }
    }
}

/// Membership figures that zigzag a month apart, each value on or next to a gridline: labels
/// above and beside the points fall across the steep line and the gridlines unless moved.
#[test]
fn labels_are_moved_off_the_line_and_the_gridlines() {
    let mut reports = made_up(40);
    for (i, r) in reports.iter_mut().enumerate() {
        let f = &mut r.figures[0];
        f.value = if i % 2 == 0 { 100_000.0 } else { 300_000.0 } + (i % 5) as f64 * 1000.0;
        f.qualifier = Qualifier::Exact;
    }
    let svg = draw("membership", &reports).unwrap();
    let (boxes, segments) = (label_boxes(&svg), line_segments(&svg));
    assert!(boxes.len() >= 4, "{} labels", boxes.len());
    assert!(segments.len() > 40, "{} segments", segments.len());
    no_label_crosses_a_line("membership", &svg);
    let svg = draw("meetings", &reports).unwrap();
    assert!(!label_boxes(&svg).is_empty());
    no_label_crosses_a_line("meetings", &svg);
}

// ---- what the merged dataset changes --------------------------------------------------------

/// A made-up report of one held meeting of `kind` on `date`, published that day.
fn of_meeting(i: usize, date: PartialDate, kind: MeetingKind, hours: Option<f64>) -> Report {
    let mut r = made_up(i + 1).pop().unwrap();
    r.published = Some(nectar_model::Sourced::from(
        date,
        nectar_model::Origin::Text,
    ));
    r.meetings[0].date = Some(DateReading::stated(date));
    r.meetings[0].kind = kind;
    r.meetings[0].duration = hours.map(|h| Duration {
        hours: h,
        qualifier: Qualifier::Exact,
        evidence: evidence(),
    });
    r.figures[0].as_of = Some(date);
    r
}

fn day(y: i32, m: u32, d: u32) -> PartialDate {
    PartialDate::ymd(y, m, d).unwrap()
}

#[test]
fn years_without_a_report_are_shaded_and_named() {
    let reports = [
        of_meeting(0, day(2010, 3, 2), MeetingKind::Full, None),
        of_meeting(1, day(2013, 5, 7), MeetingKind::Full, None),
    ];
    let (svg, parsed) = render("meetings", &reports);
    assert!(
        parsed
            .desc
            .contains("No report of the years 2011, 2012: unreported"),
        "{}",
        parsed.desc
    );
    // Two shaded years, and the legend's swatch.
    let shaded = svg
        .as_str()
        .lines()
        .filter(|l| l.starts_with("<rect") && l.contains("fill=\"#EEEEEE\""))
        .count();
    assert_eq!(shaded, 3);
    assert_eq!(
        parsed.texts.iter().filter(|t| *t == "unreported").count(),
        2
    );
    assert!(has_text(&parsed, "no report of the year"));
    // No bar for them: two bars of one meeting, each with its total.
    assert!(
        parsed
            .desc
            .contains("2010: 1 (1 full NEC); 2013: 1 (1 full NEC)")
    );
    // A year that some report has is not shaded.
    let (svg, _) = render("meetings", &reports[..1]);
    assert!(!svg.as_str().contains("#EEEEEE"));
    // A report published in 2012 of a meeting of 2010: 2012 is reported.
    let mut late = of_meeting(2, day(2010, 12, 1), MeetingKind::Full, None);
    late.published = Some(nectar_model::Sourced::from(
        day(2012, 1, 10),
        nectar_model::Origin::Text,
    ));
    let mut three = reports.to_vec();
    three.push(late);
    let (_, parsed) = render("meetings", &three);
    assert!(
        parsed
            .desc
            .contains("No report of the year 2011: unreported"),
        "{}",
        parsed.desc
    );
}

#[test]
fn the_line_is_dashed_across_three_years_and_solid_across_one() {
    let line_pieces = |svg: &Svg| {
        svg.as_str()
            .lines()
            .filter(|l| l.contains("stroke=\"#999999\" stroke-width=\"2\""))
            .count()
    };
    let one = [
        of_meeting(0, day(2010, 3, 2), MeetingKind::Full, None),
        of_meeting(1, day(2011, 3, 2), MeetingKind::Full, None),
    ];
    let (svg, parsed) = render("membership", &one);
    // The line in one piece, and the legend's swatch.
    assert_eq!(line_pieces(&svg), 2);
    assert!(!parsed.desc.contains("dashed"), "{}", parsed.desc);
    let three = [
        one[0].clone(),
        of_meeting(1, day(2013, 3, 2), MeetingKind::Full, None),
    ];
    let (svg, parsed) = render("membership", &three);
    // Dashes: many pieces, and the legend's swatches (a line and a dashed line of 3 dashes).
    assert!(line_pieces(&svg) > 10, "{}", line_pieces(&svg));
    assert!(
        parsed
            .desc
            .contains("No figures from 2010 to 2013: the line is dashed there."),
        "{}",
        parsed.desc
    );
    assert!(has_text(&parsed, "no figures for over 2 years"));
    // One year then three: a solid piece, then dashes.
    let both = [
        one[0].clone(),
        one[1].clone(),
        of_meeting(2, day(2014, 3, 2), MeetingKind::Full, None),
    ];
    let (svg, parsed) = render("membership", &both);
    let solid = svg
        .as_str()
        .lines()
        .filter(|l| l.contains("stroke=\"#999999\" stroke-width=\"2\""))
        .map(|l| l.matches(',').count())
        .max()
        .unwrap();
    assert!(solid >= 2, "a piece through the first two points");
    assert!(
        parsed.desc.contains("No figures from 2011 to 2014"),
        "{}",
        parsed.desc
    );
}

#[test]
fn durations_of_two_kinds_are_two_colours() {
    let reports = [
        of_meeting(0, day(2010, 3, 2), MeetingKind::Full, Some(5.0)),
        of_meeting(1, day(2011, 4, 5), MeetingKind::DisputesPanel, Some(3.0)),
    ];
    let (svg, parsed) = render("durations", &reports);
    let markers_of = |fill: &str| {
        svg.as_str()
            .lines()
            .filter(|l| l.starts_with("<circle") && l.contains(&format!("fill=\"{fill}\"")))
            .count()
    };
    assert_eq!(markers_of("#0072B2"), 1, "full NEC in blue");
    assert_eq!(markers_of("#56B4E9"), 1, "Disputes Panel in sky blue");
    assert!(has_text(&parsed, "full NEC") && has_text(&parsed, "Disputes Panel"));
    assert!(
        parsed
            .desc
            .contains("5 h (full NEC, 2 Mar 2010), 3 h (Disputes Panel, 5 Apr 2011)"),
        "{}",
        parsed.desc
    );
}

#[test]
fn a_meeting_two_reports_give_is_counted_once() {
    let first = of_meeting(0, day(2015, 3, 3), MeetingKind::Full, Some(4.0));
    let mut second = of_meeting(1, day(2015, 3, 3), MeetingKind::Full, Some(6.0));
    second.published = Some(nectar_model::Sourced::from(
        day(2015, 3, 5),
        nectar_model::Origin::Text,
    ));
    let reports = [first, second];
    let (_, parsed) = render("meetings", &reports);
    assert!(
        parsed
            .desc
            .contains("1 meeting from 2015 to 2015; 2015: 1 (1 full NEC)"),
        "{}",
        parsed.desc
    );
    // Its two durations conflict: both show, on the one meeting.
    let (_, parsed) = render("durations", &reports);
    assert!(
        parsed.desc.contains("2 durations of 1 meeting"),
        "{}",
        parsed.desc
    );
}
