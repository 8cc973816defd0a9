//! `durations`: how long meetings ran, over time.

use nectar_model::{MeetingKind, Qualifier, Report};
use nectar_registry::{Chart, ChartData, ChartError, Svg};

use crate::data::{EACH_UP_TO, Given, HeldMeetings, SourceNote};
use crate::draw::{
    HEIGHT, Page, Swatch, day_month_year, listing, number, plural, qualified, qualifier_legend,
    span_of_dates,
};
use crate::timeline::{self, TimePoint};

/// Meeting durations over time: one point for each duration a report gives for a meeting,
/// marked by its qualifier (`over 7 hours`, `about five hours`) and labelled with it. Each
/// meeting once however many reports mention it; where reports give different durations for
/// one meeting, each shows, up to four; of more, the shortest and the longest show and the
/// note says so.
#[derive(Debug, Clone, Copy, Default)]
pub struct Durations;

/// The chart's title.
pub const TITLE: &str = "How long NEC meetings ran";

fn kind_name(kind: MeetingKind) -> &'static str {
    match kind {
        MeetingKind::Full => "full NEC",
        MeetingKind::AwayDay => "away day",
        MeetingKind::Special => "special meeting",
        MeetingKind::Emergency => "emergency meeting",
        MeetingKind::OrganisationCommittee => "Organisation Committee",
        MeetingKind::EqualitiesCommittee => "Equalities Committee",
        MeetingKind::DisputesPanel => "Disputes Panel",
        MeetingKind::OtherCommittee => "committee",
        MeetingKind::Training => "training",
        MeetingKind::Unknown => "meeting",
    }
}

fn hours(value: f64) -> String {
    format!("{} h", number(value))
}

/// What the chart keeps of the reports: the meetings held, with the durations given for each.
#[derive(Debug, Clone)]
struct DurationsData {
    /// Each held meeting once, with its distinct durations.
    held: HeldMeetings,
    /// What the source note says of the reports.
    source: SourceNote,
}

impl Chart for Durations {
    fn start(&self) -> Box<dyn ChartData> {
        Box::new(DurationsData {
            held: HeldMeetings::new(true),
            source: SourceNote::default(),
        })
    }
}

impl ChartData for DurationsData {
    fn add(&mut self, report: &Report) {
        self.held.add(report);
        self.source.add(report);
    }

    fn render(&self) -> Result<Svg, ChartError> {
        let meetings = self.held.meetings();
        let mut points = Vec::new();
        let mut kinds = Vec::new();
        // Meetings given more durations than are drawn, and how many they were given.
        let (mut spread, mut given) = (0, 0);
        for m in &meetings {
            if let Given::Spread(s) = &m.durations {
                spread += 1;
                given += s.given;
            }
            for (h, q) in m.durations.drawn() {
                points.push(TimePoint {
                    date: m.date,
                    value: h,
                    qualifier: q,
                    label: qualified(q, &hours(h)),
                });
                kinds.push(m.kind);
            }
        }
        if points.is_empty() {
            return Err(ChartError::NothingToDraw(
                "no meeting durations in the reports".to_owned(),
            ));
        }
        let spread = (spread > 0).then(|| {
            format!(
                "For {} given more than {EACH_UP_TO} different durations ({} mentions in \
                 all), only the shortest and the longest are shown.",
                plural(spread, "meeting", "meetings"),
                number(given as f64)
            )
        });
        let described: Vec<(&TimePoint, MeetingKind)> = points.iter().zip(kinds).collect();
        let mut desc = format!(
            "How long meetings of the NEC and its committees ran, as the reports say: {} of {}, \
             {}: {}.",
            plural(points.len(), "duration", "durations"),
            plural(
                meetings
                    .iter()
                    .filter(|m| m.durations != Given::default())
                    .count(),
                "meeting",
                "meetings"
            ),
            span_of_dates(points.iter().map(|p| p.date)),
            listing(
                &described,
                |(p, _)| p.value,
                |(p, k)| format!(
                    "{} ({}, {})",
                    p.label,
                    kind_name(*k),
                    day_month_year(p.date)
                )
            )
        );
        let legend = [
            Qualifier::Exact,
            Qualifier::Over,
            Qualifier::Around,
            Qualifier::Under,
        ]
        .into_iter()
        .filter(|q| points.iter().any(|p| p.qualifier == *q))
        .map(|q| (Swatch::Marker(q), qualifier_legend(q).to_owned()))
        .collect();
        let mut notes = vec![format!(
            "{} Each point is a duration a report \
             gives for a meeting of the NEC or one of its committees (\"over seven hours\": over); \
             a meeting counts once however many reports mention it, and where they give \
             different durations, each is shown.",
            self.source.text(),
        )];
        if let Some(spread) = spread {
            desc.push(' ');
            desc.push_str(&spread);
            notes.push(spread);
        }
        let page = Page {
            name: "durations",
            title: TITLE.to_owned(),
            subtitle: "Hours each meeting ran, by meeting date".to_owned(),
            legend,
            notes,
            desc,
            height: HEIGHT,
        };
        page.render(|root, area| timeline::draw(root, area, &points, &[], &|v| hours(*v)))
    }
}
