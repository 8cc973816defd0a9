//! `durations`: how long meetings ran, over time, coloured by kind.

use std::collections::{BTreeMap, BTreeSet};

use nectar_model::{MeetingKind, PartialDate, Qualifier};
use nectar_registry::{Chart, ChartError, Dataset, Svg};

use crate::data::{Dates, Number, SourceNote, date, qualifier, text};
use crate::draw::{
    HEIGHT, Page, Swatch, day_month_year, listing, number, palette, plural, qualified,
    qualifier_legend, span_of_dates,
};
use crate::meetings::{GROUPS, group};
use crate::timeline::{self, TimePoint};

/// Meeting durations over time: one point for each distinct duration the reports give for a
/// real meeting (its `duration` claims; where reports disagree, each value shows), marked by
/// its qualifier (`over 7 hours`, `about five hours`), coloured by the meeting's kind and
/// labelled with it.
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

/// A duration claim's value (`over 7`, `6.5`) as hours and qualifier.
fn duration(value: &str) -> Option<(f64, Qualifier)> {
    match value.split_once(' ') {
        Some((q, n)) => Some((n.parse().ok()?, qualifier(Some(q)))),
        None => Some((value.parse().ok()?, Qualifier::Exact)),
    }
}

impl Chart for Durations {
    fn render(&self, dataset: &Dataset) -> Result<Svg, ChartError> {
        const C: &str = "claims";
        const M: &str = "nec_meetings";
        let meetings: BTreeMap<&str, (PartialDate, MeetingKind)> = dataset
            .rows(M)
            .iter()
            .filter_map(|row| {
                let kind = text(M, row, "kind").and_then(MeetingKind::from_name)?;
                Some((
                    text(M, row, "nec_meeting_id")?,
                    (date(M, row, "date")?, kind),
                ))
            })
            .collect();
        // Each meeting's distinct durations, by date, kind and meeting.
        let mut given: BTreeSet<(PartialDate, MeetingKind, &str, Number, Qualifier)> =
            BTreeSet::new();
        for row in dataset.rows(C) {
            if text(C, row, "property") != Some("duration") {
                continue;
            }
            let Some(id) = text(C, row, "nec_meeting_id") else {
                continue;
            };
            let (Some(&(when, kind)), Some((h, q))) =
                (meetings.get(id), text(C, row, "value").and_then(duration))
            else {
                continue;
            };
            given.insert((when, kind, id, Number::new(h), q));
        }
        let n_meetings = given
            .iter()
            .map(|(_, _, id, _, _)| *id)
            .collect::<BTreeSet<_>>()
            .len();
        let points: Vec<(TimePoint, MeetingKind)> = given
            .into_iter()
            .map(|(date, kind, _, h, q)| {
                let point = TimePoint {
                    date,
                    value: h.get(),
                    qualifier: q,
                    colour: GROUPS[group(kind)].1,
                    label: qualified(q, &hours(h.get())),
                };
                (point, kind)
            })
            .collect();
        if points.is_empty() {
            return Err(ChartError::NothingToDraw(
                "no meeting durations in the reports".to_owned(),
            ));
        }
        let desc = format!(
            "How long meetings of the NEC and its committees ran, as the reports say: {} of {}, \
             {}: {}.",
            plural(points.len(), "duration", "durations"),
            plural(n_meetings, "meeting", "meetings"),
            span_of_dates(points.iter().map(|(p, _)| p.date)),
            listing(
                &points,
                |(p, _)| p.value,
                |(p, k)| format!(
                    "{} ({}, {})",
                    p.label,
                    kind_name(*k),
                    day_month_year(p.date)
                )
            )
        );
        let groups: BTreeSet<usize> = points.iter().map(|(_, k)| group(*k)).collect();
        let legend = groups
            .iter()
            .map(|&g| (Swatch::Block(GROUPS[g].1), GROUPS[g].0.to_owned()))
            .chain(
                [
                    Qualifier::Exact,
                    Qualifier::Over,
                    Qualifier::Around,
                    Qualifier::Under,
                ]
                .into_iter()
                .filter(|q| points.iter().any(|(p, _)| p.qualifier == *q))
                .map(|q| {
                    (
                        Swatch::Marker(q, palette::MUTED),
                        qualifier_legend(q).to_owned(),
                    )
                }),
            )
            .collect();
        let notes = vec![format!(
            "{} Each point is a duration the reports give for a meeting of the NEC or one of \
             its committees (\"over seven hours\": over), coloured by the meeting's kind; a \
             meeting counts once however many reports mention it, and where they give \
             different durations, each is shown.",
            SourceNote::of(dataset, &Dates::of(dataset)).text(),
        )];
        let page = Page {
            name: "durations",
            title: TITLE.to_owned(),
            subtitle: "Hours each meeting ran, by meeting date; colour: kind, shape: how exact"
                .to_owned(),
            legend,
            notes,
            desc,
            height: HEIGHT,
        };
        let points: Vec<TimePoint> = points.into_iter().map(|(p, _)| p).collect();
        page.render(|root, area| timeline::draw(root, area, &points, &[], &|v| hours(*v)))
    }
}
