//! Meetings: which dates name meetings, of what kind, and which meeting a report is about.

use std::sync::LazyLock;

use nectar_model::{DateReading, MeetingKind, MeetingStatus, PartialDate, Span};
use nectar_text::{DateMention, Tense};
use std::ops::Range;

use aho_corasick::AhoCorasick;
use regex_automata::{Anchored, Input, meta};

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

struct Cue {
    kind: MeetingKind,
    pattern: CuePattern,
    /// Words one of which every match holds (ASCII case aside): a window without any of
    /// them is not searched ([`possible_cues`]).
    needs: &'static [&'static str],
}

fn cue(kind: MeetingKind, pattern: &str, needs: &'static [&'static str]) -> Cue {
    Cue {
        kind,
        pattern: CuePattern::Regex(crate::short_regex(pattern)),
        needs,
    }
}

/// Every cue's [`Cue::needs`] words, each with the cues that need it (bit `i` for
/// `CUES[i]`).
static CUE_WORDS: LazyLock<(AhoCorasick, Vec<u32>)> = LazyLock::new(|| {
    let mut words: Vec<&str> = Vec::new();
    let mut cues: Vec<u32> = Vec::new();
    for (i, cue) in CUES.iter().enumerate() {
        for &w in cue.needs {
            match words.iter().position(|&x| x == w) {
                Some(k) => cues[k] |= 1 << i,
                None => {
                    words.push(w);
                    cues.push(1 << i);
                }
            }
        }
    }
    let ac = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(&words)
        .expect("valid patterns");
    (ac, cues)
});

/// The cues that may match in `window` (bit `i` for `CUES[i]`): those with one of their
/// [`Cue::needs`] words in it. A window a case-insensitive regex may read differently from
/// ASCII (`ſ`, the Kelvin sign) may match any.
fn possible_cues(window: &str) -> u32 {
    if nectar_text::has_non_ascii_fold(window) {
        return u32::MAX;
    }
    let (ac, cues) = &*CUE_WORDS;
    ac.find_overlapping_iter(window)
        .fold(0, |mask, m| mask | cues[m.pattern().as_usize()])
}

/// A cue's pattern: a regex, or a [`NearCue`].
enum CuePattern {
    /// Run on windows of a hundred-odd bytes: no prefilter ([`crate::short_regex`]).
    Regex(meta::Regex),
    Near(NearCue),
}

impl CuePattern {
    /// The matches in `hay`, as `Regex::find_iter` finds them.
    fn find_iter(&self, hay: &str) -> Vec<Range<usize>> {
        match self {
            CuePattern::Regex(re) => re.find_iter(hay).map(|m| m.range()).collect(),
            CuePattern::Near(near) => near.find_iter(hay),
        }
    }
}

/// How many characters may stand between a [`NearCue`]'s word and its meeting word.
const NEAR: usize = 30;

/// `(?i)\bWORD\b[\s\u{a0}\w]{0,30}\b(?:meeting|nec|session)\b`, matched by hand with the same
/// result: thirty copies of Unicode `\w` cost more to compile than every other cue together.
struct NearCue {
    /// `(?i)\bWORD\b`.
    word: meta::Regex,
    /// `(?i)\b(?:meeting|nec|session)\b`, searched anchored.
    meeting: meta::Regex,
}

impl NearCue {
    fn new(word: &str) -> Self {
        NearCue {
            word: crate::short_regex(&format!(r"(?i)\b{word}\b")),
            meeting: meta::Regex::new(r"(?i)(?-u:\b)(?:meeting|nec|session)(?-u:\b)")
                .expect("valid regex"),
        }
    }

    /// Whether the gap may hold `c` (`[\s\u{a0}\w]`, case-insensitively).
    fn gap_char(c: char) -> bool {
        c.is_whitespace() || regex_syntax::is_word_character(c)
    }

    /// Where a match whose word ends at `from` ends: the greedy gap gives back characters
    /// one by one until a meeting word follows it.
    fn end_after(&self, hay: &str, from: usize) -> Option<usize> {
        let mut ends = vec![from];
        for (i, c) in hay[from..].char_indices().take(NEAR) {
            if !Self::gap_char(c) {
                break;
            }
            ends.push(from + i + c.len_utf8());
        }
        ends.iter().rev().find_map(|&at| {
            let input = Input::new(hay).range(at..).anchored(Anchored::Yes);
            self.meeting.search(&input).map(|m| m.end())
        })
    }

    /// The matches in `hay`, leftmost-first and non-overlapping. No match starts inside the
    /// word of a failed one: the cue words (`special`, `emergency`) cannot overlap themselves.
    fn find_iter(&self, hay: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(w) = self.word.search(&Input::new(hay).range(at..)) {
            match self.end_after(hay, w.end()) {
                Some(end) => {
                    out.push(w.start()..end);
                    at = end;
                }
                None => at = w.end(),
            }
        }
        out
    }
}

/// Cue phrases in priority order: the first that matches gives the kind.
static CUES: LazyLock<Vec<Cue>> = LazyLock::new(|| {
    vec![
        cue(
            MeetingKind::AwayDay,
            r"(?i)\baway[\s\u{a0}-]?day\b",
            &["away"],
        ),
        Cue {
            kind: MeetingKind::Special,
            pattern: CuePattern::Near(NearCue::new("special")),
            needs: &["special"],
        },
        Cue {
            kind: MeetingKind::Emergency,
            pattern: CuePattern::Near(NearCue::new("emergency")),
            needs: &["emergency"],
        },
        cue(MeetingKind::Training, r"(?i)\btraining\b", &["training"]),
        cue(
            MeetingKind::OrganisationCommittee,
            r"(?i)\borg(?:anis|aniz)?(?:ation(?:al)?)?[\s\u{a0}]+(?:(?:and|&)[\s\u{a0}]+disputes[\s\u{a0}]+)?(?:sub-?)?committees?\b|\borg[\s\u{a0}]+com\b",
            &["org"],
        ),
        cue(
            MeetingKind::EqualitiesCommittee,
            r"(?i)\bequalit(?:y|ies)[\s\u{a0}]+(?:sub-?)?committee\b|\bnec[\s\u{a0}]+equalities\b|\bequalities[\s\u{a0}]+meeting",
            &["equalit"],
        ),
        cue(
            MeetingKind::DisputesPanel,
            r"(?i)\bdisputes?[\s\u{a0}]+(?:sub-?)?(?:panels?|committees?|hearings?)\b",
            &["dispute"],
        ),
        cue(
            MeetingKind::OtherCommittee,
            r"\b(?:[A-Z][\p{L}&’']+[\s\u{a0}]+){1,4}(?:Committee|Panel|Board|Working[\s\u{a0}]+Group|Sub-committee)\b",
            &["committee", "panel", "board", "working"],
        ),
        cue(
            MeetingKind::Full,
            r"(?i)\b(?:full[\s\u{a0}]+)?nec\b[\s\u{a0}]*(?:meeting|met|session)?|\bnational[\s\u{a0}]+executive(?:[\s\u{a0}]+committee)?\b|\bmeeting[\s\u{a0}]+of[\s\u{a0}]+the[\s\u{a0}]+(?:full[\s\u{a0}]+)?(?:nec|national)",
            &["nec", "national", "meeting"],
        ),
        // In an NEC report, "the November meeting" is a meeting of the NEC.
        cue(MeetingKind::Full, r"(?i)\bmeetings?\b", &["meeting"]),
        cue(
            MeetingKind::Unknown,
            r"(?i)\b(?:met|meet|session)\b",
            &["met", "meet", "session"],
        ),
    ]
});

static NOT_A_MEETING_DATE: LazyLock<meta::Regex> = LazyLock::new(|| {
    crate::short_regex(
        r"(?i)\b(?:by|until|till|before|since|after|from|deadline|completed|budget|election|elections|conference|published|launch(?:ed)?)[\s\u{a0}]+(?:the[\s\u{a0}]+)?(?:end[\s\u{a0}]+of[\s\u{a0}]+)?$",
    )
});

static NEXT_MEETING: LazyLock<meta::Regex> = LazyLock::new(|| {
    crate::short_regex(
        r"(?i)\bnext[\s\u{a0}]+(?:full[\s\u{a0}]+|regular[\s\u{a0}]+|ordinary[\s\u{a0}]+)?(?:nec|meeting)\b[^.;]{0,60}?\b(?:in|on|until)[\s\u{a0}]+(?:early[\s\u{a0}]+|late[\s\u{a0}]+|mid-?[\s\u{a0}]*)?$",
    )
});

static FUTURE: LazyLock<meta::Regex> = LazyLock::new(|| {
    crate::short_regex(
        r"(?i)\b(?:scheduled|will|shall|next|upcoming|due[\s\u{a0}]+to|planned|is[\s\u{a0}]+to|are[\s\u{a0}]+to|go[\s\u{a0}]+ahead)\b",
    )
});

/// Whether a kind is a meeting of the full NEC (rather than a committee's).
pub(crate) fn is_full_nec(kind: MeetingKind) -> bool {
    matches!(
        kind,
        MeetingKind::Full | MeetingKind::AwayDay | MeetingKind::Special | MeetingKind::Emergency
    )
}

/// The meeting kinds that the cue words in `window` name, most specific first, with the span
/// (relative to `window`) of the cue that decided and the committee's name where it is one.
fn kinds_in(window: &str) -> Option<(Vec<MeetingKind>, Span, Option<String>)> {
    let (i, m) = first_cue(window, usize::MAX, possible_cues(window))?;
    let cue = &CUES[i];
    let found = &window[m.clone()];
    let mut kinds = vec![cue.kind];
    let lower = found.to_lowercase();
    if cue.kind == MeetingKind::OrganisationCommittee && lower.contains("disputes") {
        kinds.push(MeetingKind::DisputesPanel);
    }
    let body =
        (cue.kind == MeetingKind::OtherCommittee).then(|| nectar_text::squash_whitespace(found));
    Some((kinds, Span::new(m.start, m.end), body))
}

/// The first of the cues in `possible` (bit `i` for `CUES[i]`), in priority order, with a
/// match in `window` that starts within `max_start` bytes, and its first such match.
fn first_cue(window: &str, max_start: usize, possible: u32) -> Option<(usize, Range<usize>)> {
    CUES.iter()
        .enumerate()
        .filter(|(i, _)| possible & (1 << i) != 0)
        .find_map(|(i, cue)| {
            // "National Executive Committee" is the NEC itself, not another committee.
            let m = cue.pattern.find_iter(window).into_iter().find(|m| {
                m.start <= max_start
                    && (cue.kind != MeetingKind::OtherCommittee
                        || !window[m.clone()]
                            .to_lowercase()
                            .contains("national executive"))
            });
            m.map(|m| (i, m))
        })
}

/// Like [`kinds_in`], but only a cue that starts within `max_start` bytes of the window's start:
/// the cue beside a date (`10th November meeting of the NEC`).
fn kinds_beside(
    window: &str,
    max_start: usize,
) -> Option<(Vec<MeetingKind>, Span, Option<String>)> {
    let (_, m) = first_cue(window, max_start, possible_cues(window))?;
    kinds_in(&window[m.start..])
        .map(|(k, s, b)| (k, Span::new(m.start + s.start, m.start + s.end), b))
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
        let Some(sentence) = sentences
            .iter()
            .find(|s| s.start <= span.start && span.end <= s.end)
        else {
            continue;
        };
        let prev_end = dated[..i]
            .iter()
            .rev()
            .map(|p| p.mention.span.end)
            .find(|&e| e <= span.start && e > sentence.start)
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
        let month_only = d.reading.precision != nectar_model::DatePrecision::Day;
        if !month_only && NOT_A_MEETING_DATE.is_match(before) {
            previous = None;
            continue;
        }
        // Cue words: before a day (up to 120 bytes back), or right after the date ("the 24th
        // November meeting of the NEC"). A month alone names a meeting only with its cue
        // beside it ("the July NEC", "July NEC meeting"), not with one further off ("since my
        // election to the NEC in November").
        let fwd = ceil_char(text, (span.end + 60).min(next_start.max(span.end)));
        let adjacent = {
            let from = if month_only { span.start } else { span.end };
            kinds_beside(&text[from..fwd], span.end + 6 - from)
                .map(|(k, s, b)| (k, Span::new(from + s.start, from + s.end), b))
        };
        let found = if month_only {
            // "The next meeting will take place in September": a month after a next meeting.
            let back = floor_char(text, span.start.saturating_sub(100).max(prev_end));
            adjacent.or_else(|| {
                NEXT_MEETING.find(&text[back..span.start]).map(|m| {
                    (
                        vec![MeetingKind::Full],
                        Span::new(back + m.start(), back + m.end()),
                        None,
                    )
                })
            })
        } else {
            let back = floor_char(text, span.start.saturating_sub(120).max(prev_end));
            kinds_in(&text[back..span.start])
                .map(|(k, s, b)| (k, Span::new(back + s.start, back + s.end), b))
                .or(adjacent)
        };
        let Some((kinds, cue_span, body)) = found else {
            previous = None;
            continue;
        };
        // A full-NEC kind named later in the sentence ("the 24th November meeting ... is
        // scheduled as an Away Day") refines a plain one.
        let rest = &text[span.end..next_start.max(span.end)];
        let (kinds, cue_span, body) = match kinds_in(rest) {
            Some((k, s, b))
                if (kinds == [MeetingKind::Full] || kinds == [MeetingKind::Unknown])
                    && matches!(
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

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
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
/// full-NEC meeting held in the title's period; else the first full-NEC meeting held in the
/// first half of the body; else the first meeting held.
pub(crate) fn primary(
    mentions: &[MeetingMention],
    title: Option<Period>,
    body: Span,
) -> Option<usize> {
    let held = |m: &&MeetingMention| m.status == MeetingStatus::Held;
    if let Some(p) = title {
        if p.first.precision() == nectar_model::DatePrecision::Day
            && let Some(i) = mentions
                .iter()
                .position(|m| m.date.date == p.first && is_full_nec(m.kind))
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
    let half = body.start + body.len() / 2;
    mentions
        .iter()
        .position(|m| m.status == MeetingStatus::Held && is_full_nec(m.kind) && m.span.start < half)
        .or_else(|| {
            mentions
                .iter()
                .position(|m| m.status == MeetingStatus::Held && m.kind != MeetingKind::Training)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cue_words_gate_no_cue_away() {
        const PIECES: &[&str] = &[
            " ",
            "\u{a0}",
            "-",
            ", ",
            ". ",
            "the ",
            "The ",
            "away",
            "Away",
            "day",
            "special",
            "emergency",
            "training",
            "org",
            "Organisation",
            "organisational",
            "com",
            "and",
            "&",
            "disputes",
            "dispute",
            "sub-",
            "committee",
            "Committee",
            "Sub-committee",
            "panel",
            "Panel",
            "Board",
            "Working",
            "Group",
            "equality",
            "equalities",
            "NEC",
            "nec",
            "full",
            "national",
            "National",
            "executive",
            "Executive",
            "meeting",
            "meetings",
            "met",
            "meet",
            "session",
            "of",
            "July",
            "Jo",
            "Smith",
            "x",
            "\u{17f}ession",
            "\u{212a}",
            "é",
            "10th",
            "necessary",
            "Disputes",
            "away day",
            "special meeting",
            "Special NEC",
            "emergency meeting",
            "org committee",
            "Organisation Committee",
            "organisation and disputes sub-committee",
            "NEC equalities",
            "equalities committee",
            "disputes panel",
            "Dispute hearings",
            "Finance Committee",
            "Rules Working Group",
        ];
        let mut random = crate::testing::Xorshift(0x2545_f491_4f6c_dd1d);
        let mut found = vec![0; CUES.len()];
        for _ in 0..20_000 {
            let window: String = random.text(PIECES, 14, false);
            for max_start in [usize::MAX, 6] {
                let all = first_cue(&window, max_start, u32::MAX);
                let gated = first_cue(&window, max_start, possible_cues(&window));
                assert_eq!(gated, all, "{window:?}");
                if let Some((i, _)) = all {
                    found[i] += 1;
                }
            }
        }
        // Every cue was the one found, often.
        assert!(found.iter().all(|&n| n > 100), "{found:?}");
    }

    #[test]
    fn the_gap_holds_what_the_regex_class_holds() {
        let class = regex::Regex::new(r"(?i)^[\s\u{a0}\w]$").expect("valid regex");
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut [0; 4]).to_owned();
            assert_eq!(NearCue::gap_char(c), class.is_match(&s), "{c:?}");
        }
    }

    #[test]
    fn near_cues_match_as_the_regex_does() {
        let re = crate::regex(r"(?i)\bspecial\b[\s\u{a0}\w]{0,30}\b(?:meeting|nec|session)\b")
            .expect("valid regex");
        let near = NearCue::new("special");
        for hay in [
            "a special meeting",
            "A SPECIAL NEC and a special session of the meeting",
            "special special meeting, special of the very long gap of words here nec",
            "special meetings meeting",
            "ſpecial NEC; special\u{a0}é nec_ special nec2 nec",
            "specials meeting special—meeting special Nec",
            "special 1 2 3 4 5 6 7 8 9 10 11 12 13 14 meeting nec",
            "special               \n\t  meeting",
        ]
        .into_iter()
        .map(str::to_owned)
        .chain((25..36).map(|n| {
            format!(
                "special{}meeting",
                " x".repeat(n / 2) + &" ".repeat(n % 2 + 1)
            )
        }))
        .chain((27..33).map(|n| format!("special{}nec", "é".repeat(n))))
        {
            let want: Vec<Range<usize>> = re.find_iter(&hay).map(|m| m.range()).collect();
            assert_eq!(near.find_iter(&hay), want, "{hay:?}");
        }
    }
}
