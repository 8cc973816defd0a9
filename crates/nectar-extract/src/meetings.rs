//! Meetings: which dates name meetings, of what kind, and which meeting a report is about.

use std::sync::LazyLock;

use nectar_model::{DateReading, MeetingKind, MeetingStatus, PartialDate, Span};
use nectar_text::{DateMention, Tense, ceil_boundary, floor_boundary};
use regex::Regex;
use serde::Deserialize;

/// A date in the body that names a meeting.
#[derive(Debug, Clone)]
pub(crate) struct MeetingMention {
    pub date: DateReading,
    pub kind: MeetingKind,
    pub body: Option<String>,
    pub status: MeetingStatus,
    /// The date and its cue words.
    pub span: Span,
}

/// A resolved date mention with absolute spans.
#[derive(Debug, Clone)]
pub(crate) struct Dated {
    pub mention: DateMention,
    pub reading: DateReading,
    pub tense: Tense,
}

/// A cue of `data/meetings.toml`: words that give a meeting its kind.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Cue {
    kind: MeetingKind,
    #[serde(deserialize_with = "pattern")]
    pattern: Regex,
}

fn pattern<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Regex, D::Error> {
    let p = String::deserialize(d)?;
    crate::regex(&p).map_err(serde::de::Error::custom)
}

#[derive(Debug, Deserialize)]
struct CueFile {
    cue: Vec<Cue>,
}

/// The cues in priority order: the first that matches gives the kind.
static CUES: LazyLock<Vec<Cue>> = LazyLock::new(|| {
    toml::from_str::<CueFile>(include_str!("../data/meetings.toml"))
        .expect("data/meetings.toml is valid")
        .cue
});

static NOT_A_MEETING_DATE: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"(?i)\b(?:by|until|till|before|since|after|from|deadline|completed|budget|election|elections|conference|published|launch(?:ed)?)[\s\u{a0}]+(?:the[\s\u{a0}]+)?(?:end[\s\u{a0}]+of[\s\u{a0}]+)?$")
        .expect("valid regex")
});

/// "is not until 22 November", "won't be till": when the thing happens, not a deadline.
static NOT_UNTIL: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"(?i)\b(?:not|n['’]t)[\s\u{a0}]+(?:until|till)[\s\u{a0}]+(?:the[\s\u{a0}]+)?$")
        .expect("valid regex")
});

static RANGE_OPENS: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"(?i)\b(?:from|between)[\s\u{a0}]+(?:the[\s\u{a0}]+)?$").expect("valid regex")
});

static NEXT_MEETING: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"(?i)\bnext[\s\u{a0}]+(?:full[\s\u{a0}]+|regular[\s\u{a0}]+|ordinary[\s\u{a0}]+)?(?:nec|meeting)\b[^.;]{0,60}?\b(?:in|on|until)[\s\u{a0}]+(?:early[\s\u{a0}]+|late[\s\u{a0}]+|mid-?[\s\u{a0}]*)?$")
        .expect("valid regex")
});

static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"(?i)\b(?:scheduled|will|shall|next|upcoming|due[\s\u{a0}]+to|planned|is[\s\u{a0}]+to|are[\s\u{a0}]+to|go[\s\u{a0}]+ahead)\b")
        .expect("valid regex")
});

/// Whether a kind is a meeting of the full NEC (rather than a committee's).
pub(crate) fn is_full_nec(kind: MeetingKind) -> bool {
    matches!(
        kind,
        MeetingKind::Full | MeetingKind::AwayDay | MeetingKind::Special | MeetingKind::Emergency
    )
}

/// Whether a kind is one of the NEC's committees or panels.
fn is_committee(kind: MeetingKind) -> bool {
    !is_full_nec(kind) && !matches!(kind, MeetingKind::Unknown | MeetingKind::Training)
}

/// The meeting kinds that the cue words in `window` name, with the span (relative to
/// `window`) of the cue that decided and the committee's name where it is one. The first cue
/// in priority order decides; when it is a committee, every committee the window names is
/// given, in the order the text names them (`the Disputes Panel and Organisation Committee`).
fn kinds_in(window: &str) -> Option<(Vec<MeetingKind>, Span, Option<String>)> {
    // "National Executive Committee" is the NEC itself, not another committee.
    let found = |cue: &Cue| {
        cue.pattern.find_iter(window).find(|m| {
            cue.kind != MeetingKind::OtherCommittee
                || !m.as_str().to_lowercase().contains("national executive")
        })
    };
    let (cue, m) = CUES.iter().find_map(|c| found(c).map(|m| (c, m)))?;
    let body = (cue.kind == MeetingKind::OtherCommittee)
        .then(|| m.as_str().split_whitespace().collect::<Vec<_>>().join(" "));
    if !is_committee(cue.kind) {
        return Some((vec![cue.kind], Span::new(m.start(), m.end()), body));
    }
    let mut named: Vec<(usize, usize, MeetingKind)> = CUES
        .iter()
        .filter(|c| is_committee(c.kind) && c.kind != MeetingKind::OtherCommittee)
        .flat_map(|c| {
            c.pattern.find_iter(window).flat_map(move |m| {
                let lower = m.as_str().to_lowercase();
                // "the Organisation and Disputes Committee" is both.
                let both =
                    c.kind == MeetingKind::OrganisationCommittee && lower.contains("disputes");
                std::iter::once((m.start(), m.end(), c.kind)).chain(both.then_some((
                    m.start() + 1,
                    m.end(),
                    MeetingKind::DisputesPanel,
                )))
            })
        })
        .collect();
    named.sort_by_key(|&(start, _, _)| start);
    let mut kinds: Vec<MeetingKind> = Vec::new();
    for &(_, _, k) in &named {
        if !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    if kinds.is_empty() {
        kinds.push(cue.kind);
    }
    let start = named
        .iter()
        .map(|n| n.0)
        .chain([m.start()])
        .min()
        .unwrap_or(m.start());
    let end = named
        .iter()
        .map(|n| n.1)
        .chain([m.end()])
        .max()
        .unwrap_or(m.end());
    Some((kinds, Span::new(start, end), body))
}

/// Like [`kinds_in`], but only a cue that starts within `max_start` bytes of the window's start:
/// the cue beside a date (`10th November meeting of the NEC`).
fn kinds_beside(
    window: &str,
    max_start: usize,
) -> Option<(Vec<MeetingKind>, Span, Option<String>)> {
    for cue in CUES.iter() {
        let m = cue.pattern.find_iter(window).find(|m| {
            m.start() <= max_start
                && (cue.kind != MeetingKind::OtherCommittee
                    || !m.as_str().to_lowercase().contains("national executive"))
        });
        if let Some(m) = m {
            return kinds_in(&window[m.start()..])
                .map(|(k, s, b)| (k, Span::new(m.start() + s.start, m.start() + s.end), b));
        }
    }
    None
}

/// The particular kind of full NEC meeting a phrase names (an away day, a special or an
/// emergency meeting), if any, trying only those cues.
pub(crate) fn particular_kind_named(phrase: &str) -> Option<MeetingKind> {
    CUES.iter()
        .filter(|c| {
            matches!(
                c.kind,
                MeetingKind::AwayDay | MeetingKind::Special | MeetingKind::Emergency
            )
        })
        .find(|c| c.pattern.is_match(phrase))
        .map(|c| c.kind)
}

/// The meeting kind a phrase names, if any (`NEC away day report` names an away day).
pub(crate) fn kind_named(phrase: &str) -> Option<MeetingKind> {
    kinds_in(phrase).map(|(kinds, _, _)| kinds[0])
}

/// Finds the dates in the body that name meetings. `sentences` are absolute spans.
pub(crate) fn mentions(text: &str, sentences: &[Span], dated: &[Dated]) -> Vec<MeetingMention> {
    let mut out: Vec<MeetingMention> = Vec::new();
    let mut previous: Option<(usize, Vec<MeetingMention>)> = None;
    for (i, d) in dated.iter().enumerate() {
        let span = d.mention.span;
        // The sentences are sorted and disjoint: found by binary search.
        let Some(sentence) = sentences
            .partition_point(|s| s.start <= span.start)
            .checked_sub(1)
            .map(|k| sentences[k])
            .filter(|s| span.end <= s.end)
        else {
            continue;
        };
        // The end of the nearest date before this one, when it is in this sentence (the dates
        // are in order: one further back is further from the sentence).
        let prev_end = dated[..i]
            .iter()
            .rev()
            .map(|p| p.mention.span.end)
            .find(|&e| e <= span.start)
            .filter(|&e| e > sentence.start)
            .unwrap_or(sentence.start);
        let next_start = dated
            .get(i + 1)
            .map(|n| n.mention.span.start)
            .filter(|&s| s < sentence.end)
            .unwrap_or(sentence.end);
        let before = &text[prev_end..span.start];
        // A date joined to the previous one ("3 December and 2 February") shares its kind.
        let joined = matches!(before.trim(), "and" | "&" | "," | "or" | "then");
        if joined
            && let Some((end, prev)) = &previous
            && *end == prev_end
        {
            for p in prev.clone() {
                out.push(MeetingMention {
                    date: d.reading.clone(),
                    span: Span::new(prev_end, span.end),
                    ..p
                });
            }
            previous = Some((span.end, prev.clone()));
            continue;
        }
        // Words that name no day (`July`, `last month`), whatever the reading's precision:
        // `today` against a page dated only to its month is still a day's word.
        let month_only = d.mention.day.is_none()
            && !d
                .mention
                .relative
                .is_some_and(nectar_text::Relative::names_a_day);
        // "from 30 November to 1 December", "between 24 and 25 January": a range's own words.
        let range = d.mention.end_day.is_some() || d.mention.end_month.is_some();
        let range_words = range && RANGE_OPENS.is_match(before);
        if !month_only
            && !range_words
            && NOT_A_MEETING_DATE.is_match(before)
            && !NOT_UNTIL.is_match(before)
        {
            previous = None;
            continue;
        }
        // Cue words: before a day (up to 120 bytes back), or right after the date ("the 24th
        // November meeting of the NEC"). A month alone names a meeting only with its cue
        // beside it ("the July NEC", "July NEC meeting"), not with one further off ("since my
        // election to the NEC in November"). A day that opens its sentence ("On 17-18 November
        // the annual NEC away day was held", "This afternoon the NEC interviewed") dates what
        // the sentence's first clause names.
        let opens = !month_only
            && matches!(
                text[sentence.start..span.start].trim(),
                "" | "On" | "on" | "At" | "at"
            );
        let reach = if opens { 80 } else { 60 };
        let fwd = ceil_boundary(text, (span.end + reach).min(next_start.max(span.end)));
        // Read only where needed: a day's cue is looked for before it first.
        let adjacent = || {
            let from = if month_only { span.start } else { span.end };
            let max_start = if opens {
                fwd - from
            } else {
                span.end + 6 - from
            };
            kinds_beside(&text[from..fwd], max_start)
                .map(|(k, s, b)| (k, Span::new(from + s.start, from + s.end), b))
        };
        let found = if month_only {
            // "The next meeting will take place in September": a month after a next meeting.
            let back = floor_boundary(text, span.start.saturating_sub(100).max(prev_end));
            adjacent().or_else(|| {
                NEXT_MEETING.find(&text[back..span.start]).map(|m| {
                    (
                        vec![MeetingKind::Full],
                        Span::new(back + m.start(), back + m.end()),
                        None,
                    )
                })
            })
        } else {
            let back = floor_boundary(text, span.start.saturating_sub(120).max(prev_end));
            kinds_in(&text[back..span.start])
                .map(|(k, s, b)| (k, Span::new(back + s.start, back + s.end), b))
                .or_else(adjacent)
        };
        let Some((kinds, cue_span, body)) = found else {
            previous = None;
            continue;
        };
        // A full-NEC kind named later in the sentence ("the 24th November meeting ... is
        // scheduled as an Away Day") refines a plain one.
        let rest = &text[span.end..next_start.max(span.end)];
        let plain = kinds == [MeetingKind::Full] || kinds == [MeetingKind::Unknown];
        let (kinds, cue_span, body) = match plain.then(|| kinds_in(rest)).flatten() {
            Some((k, s, b))
                if matches!(
                    k[0],
                    MeetingKind::AwayDay | MeetingKind::Special | MeetingKind::Emergency
                ) =>
            {
                (k, Span::new(span.end + s.start, span.end + s.end), b)
            }
            _ => (kinds, cue_span, body),
        };
        let around = &text[sentence.start..sentence.end];
        let status = if d.tense == Tense::Future || FUTURE.is_match(around) {
            MeetingStatus::Scheduled
        } else {
            MeetingStatus::Held
        };
        let evidence = Span::new(cue_span.start.min(span.start), cue_span.end.max(span.end));
        let made: Vec<MeetingMention> = kinds
            .iter()
            .map(|&kind| MeetingMention {
                date: d.reading.clone(),
                kind,
                body: body.clone(),
                status,
                span: evidence,
            })
            .collect();
        out.extend(made.iter().cloned());
        previous = Some((span.end, made));
    }
    out
}

/// Specificity of a kind, for merging two mentions of one meeting.
fn specificity(kind: MeetingKind) -> u8 {
    match kind {
        MeetingKind::Unknown => 0,
        MeetingKind::Full => 1,
        _ => 2,
    }
}

/// Merges mentions of the same meeting (same date, same committee) into one, keeping the first
/// mention's place unless a later one names the kind more specifically.
pub(crate) fn merge(mentions: Vec<MeetingMention>) -> Vec<MeetingMention> {
    let mut out: Vec<MeetingMention> = Vec::new();
    for m in mentions {
        let generic = |k: MeetingKind| matches!(k, MeetingKind::Full | MeetingKind::Unknown);
        let same = out.iter_mut().find(|o| {
            o.date.date == m.date.date
                && (o.kind == m.kind
                    || (is_full_nec(o.kind) && is_full_nec(m.kind))
                    || ((generic(o.kind) || generic(m.kind))
                        && m.date.precision == nectar_model::DatePrecision::Day))
        });
        match same {
            Some(o) if specificity(m.kind) > specificity(o.kind) => *o = m,
            Some(o) => {
                if m.status == MeetingStatus::Held {
                    o.status = MeetingStatus::Held;
                }
            }
            None => out.push(m),
        }
    }
    out
}

/// The period a title names: a day, a month, or a run of months (`September & October 2020`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Period {
    pub first: PartialDate,
    pub last: PartialDate,
}

impl Period {
    pub fn contains(&self, date: &PartialDate) -> bool {
        let key = |d: &PartialDate| (d.year(), d.month().unwrap_or(0));
        let (lo, hi) = (key(&self.first), key(&self.last));
        let k = key(date);
        k >= lo && k <= hi
    }
}

/// Picks the primary meeting among the mentions: the one on the title's day; else the first
/// full-NEC meeting held in the title's period; else the first full-NEC meeting held; else the
/// first meeting held.
pub(crate) fn primary(mentions: &[MeetingMention], title: Option<Period>) -> Option<usize> {
    let held = |m: &&MeetingMention| m.status == MeetingStatus::Held;
    if let Some(p) = title {
        // The meeting on the title's day: the full NEC's, else the first committee's (a report
        // of the committees that met that day).
        if p.first.precision() == nectar_model::DatePrecision::Day
            && let Some(i) = mentions
                .iter()
                .position(|m| m.date.date == p.first && is_full_nec(m.kind))
                .or_else(|| {
                    mentions
                        .iter()
                        .position(|m| m.date.date == p.first && m.status == MeetingStatus::Held)
                })
        {
            return Some(i);
        }
        let in_period = |m: &&MeetingMention| p.contains(&m.date.date);
        let day = |m: &&MeetingMention| m.date.precision == nectar_model::DatePrecision::Day;
        let full = |m: &&MeetingMention| is_full_nec(m.kind);
        let candidates: Vec<&MeetingMention> = mentions
            .iter()
            .filter(held)
            .filter(in_period)
            .filter(full)
            .collect();
        if let Some(m) = candidates.iter().find(|m| day(m)).or(candidates.first()) {
            return mentions.iter().position(|x| std::ptr::eq(x, *m));
        }
        if p.first.precision() == nectar_model::DatePrecision::Day {
            return None;
        }
    }
    mentions
        .iter()
        .position(|m| m.status == MeetingStatus::Held && is_full_nec(m.kind))
        .or_else(|| {
            mentions
                .iter()
                .position(|m| m.status == MeetingStatus::Held && m.kind != MeetingKind::Training)
        })
}

#[cfg(test)]
mod cue_tests {
    use super::*;

    #[test]
    fn the_cues_load_in_order_and_read_kinds() {
        assert_eq!(CUES.first().map(|c| c.kind), Some(MeetingKind::AwayDay));
        assert_eq!(CUES.last().map(|c| c.kind), Some(MeetingKind::Unknown));
        let kind = |s: &str| CUES.iter().find(|c| c.pattern.is_match(s)).map(|c| c.kind);
        assert_eq!(kind("the NEC away day"), Some(MeetingKind::AwayDay));
        assert_eq!(
            kind("the Procedures Committee"),
            Some(MeetingKind::OtherCommittee)
        );
        assert_eq!(
            kind("the Org Sub-Committee"),
            Some(MeetingKind::OrganisationCommittee)
        );
        assert_eq!(
            kind("a special meeting of the NEC"),
            Some(MeetingKind::Special)
        );
        assert_eq!(kind("we met"), Some(MeetingKind::Unknown));
    }
}
