//! Votes: `by 13 to 10`, `20 for, 4 against, 2 abstained`, `carried unanimously`.

use std::sync::LazyLock;

use nectar_model::{Span, VoteResult};
use regex::{Captures, Regex};

use crate::numbers::parse_number;
use crate::pattern::{build, ceil_boundary, char_at, floor_boundary, prev_char};
use crate::scan::Scan;

/// A vote found in text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VoteMatch {
    /// The counted phrase (`by 13 to 10`, `13 in favour, 10 against and 2 abstentions`,
    /// `carried unanimously`), not the whole sentence.
    pub span: Span,
    /// Votes for the motion.
    pub yes: Option<u32>,
    /// Votes against.
    pub no: Option<u32>,
    /// Abstentions.
    pub abstain: Option<u32>,
    /// Whether the motion passed, as the sentence says or the counts imply.
    pub result: VoteResult,
    /// Whether the vote was unanimous (`carried unanimously`, `nem. con.`).
    pub unanimous: bool,
    /// The phrasing it was read from: `by_n_to_m` (`by 13 to 10`), `voted_n_to_m` (`voted 22
    /// to 9`), `n_votes_to_m` (`13 votes to 10`), `result_n_to_m` (`carried 20 to 6`),
    /// `tally` (`13 in favour, 10 against`), `labelled_tally` (`For: 13, against: 10`),
    /// `minority` (`only five voted against`), `score` (`13-10`), or, without counts,
    /// `unanimous`, `narrow`, `show_of_hands`, `abstentions`.
    pub shape: &'static str,
}

/// A count in digits or words.
const N: &str = r"(?:[0-9]{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:%D(?:one|two|three|four|five|six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|one|two|three|four|five|six|seven|eight|nine|zero|none|nil)";

const ROLE: &str =
    r"(?:in%Wfavou?r|for|against|opposing|opposed|abstentions?|abstained|abstaining|abstain)";

/// Who cast the votes, between a count and its role: `14 NEC members voting in favour`.
const WHO: &str =
    r"(?:(?:(?:NEC|executive|committee|panel)%W)?members%W)?(?:votes?%W|vot(?:ed|ing)%W)?";

static VOTE: LazyLock<Regex> = LazyLock::new(|| {
    let by = format!(
        r"(?P<by>(?-u:\b)by%W(?P<by1>{N})(?:%Wvotes?)?(?:%Wto%W|%w%D%w)(?P<by2>{N})(?:%Wvotes?)?(?-u:\b))"
    );
    let vd = format!(
        r"(?P<vd>(?-u:\b)vot(?:ed|ing)%W(?P<vdc>(?P<vd1>{N})%W(?:to|%D)%W(?P<vd2>{N}))(?-u:\b))"
    );
    // "13 votes to 10", "13 votes to Smith's 10", "13 votes, against 10 for ...".
    let vt = format!(
        r"(?P<vt>(?-u:\b)(?P<vt1>{N})%Wvotes?(?:%w,)?%W(?:to|against)%W(?:[a-z][a-z-]*%Qs%W)?(?P<vt2>{N})(?-u:\b))"
    );
    // Only the minority counted: "only 5 voted against", "nine NEC members opposed".
    let min = format!(
        r"(?P<min>(?-u:\b)(?P<mn>{N})%W(?:(?:NEC|executive|committee|panel)%W)?(?:members%W)?(?:(?P<mno>vot(?:ed|ing)%Wagainst|opposed)|vot(?:ed|ing)%W(?:for|in%Wfavou?r))(?-u:\b))"
    );
    // "lost on a show of hands, 8 to 17", "carried 20 to 6": a result word, then the counts.
    let rs = format!(
        r"(?P<rs>(?-u:\b)(?:(?:on|by)%Wa%Wshow%Wof%Whands|by%Wa%Wvote%Wof|backed|lost|carried|defeated|won|passed|approved|rejected|agreed)%w,?%w(?P<rsc>(?P<rs1>{N})%W(?:to|%D)%W(?P<rs2>{N}))(?-u:\b))"
    );
    let item = format!(r"(?-u:\b){N}%W{WHO}{ROLE}(?-u:\b)");
    let sep = r"(?:%w[,;]%w(?:(?:and|with)%W)?|%W(?:and|with)%W)";
    let tally = format!(r"(?P<tally>{item}(?:{sep}{item}){{1,3}})");
    let litem = format!(r"(?-u:\b){ROLE}%w[:=]%w{N}(?-u:\b)");
    let ltally = format!(r"(?P<ltally>{litem}(?:{sep}{litem}){{1,3}})");
    let dash = r"(?P<dash>(?-u:\b)(?P<da1>[0-9]{1,3})%w%D%w(?P<da2>[0-9]{1,3})(?-u:\b))";
    let verbs = r"carried|agreed|passed|approved|endorsed|adopted|supported|accepted|elected|re-elected|voted(?:%W(?:through|for))?";
    let una = format!(
        r"(?P<una>(?-u:\b)(?:(?:{verbs})%Wunanimously|unanimously(?:%W(?:{verbs}))?|unanimous(?:%W(?:vote|decision|support|agreement))?)(?-u:\b)|(?-u:\b)nem\.?%wcon(?-u:\b)\.?)"
    );
    let nar = r"(?P<nar>(?-u:\b)narrowly%W(?P<narw>defeated|lost|rejected|carried|passed|agreed|won|approved|voted%Wdown)(?-u:\b))";
    let soh = r"(?P<soh>(?-u:\b)(?:on|by)%Wa%Wshow%Wof%Whands(?-u:\b))";
    let abst = format!(r"(?P<abst>(?-u:\b)(?:with%W)?(?P<ab1>{N})%Wabstentions?(?-u:\b))");
    build(&format!(
        "(?i){by}|{vd}|{vt}|{rs}|{tally}|{ltally}|{min}|{una}|{nar}|{soh}|{abst}|{dash}"
    ))
});

/// One item of a tally: `13 in favour`, `against: 10`.
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"(?i)(?-u:\b)(?:(?P<n>{N})%W{WHO}(?P<r>{ROLE})|(?P<r2>{ROLE})%w[:=]%w(?P<n2>{N}))(?-u:\b)"
    ))
});

/// Abstentions right after a counted vote: `, with 2 abstentions`.
static ABSTAIN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"(?i)^(?:%w[,;(]%w|%W)(?:(?:and|with)%W)*(?P<n>{N})%Wabstentions?(?-u:\b)\)?"
    ))
});

static FAIL: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)(?-u:\b)(?:defeated|lost|los(?:es|ing|e)|fell|rejected|voted%Wdown|failed|not%W(?:carried|agreed|passed|approved))(?-u:\b)",
    )
});

static PASS: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)(?-u:\b)(?:carried|agreed|passed|won|wins|winning|approved|adopted|endorsed|accepted|backed|elected)(?-u:\b)",
    )
});

static VOTE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)(?-u:\b)(?:vote|votes|voted|voting|ballot|carried|defeated|lost|losing|loses|won|winning|passed|agreed|rejected|approved|endorsed|adopted|backed|elected|motion|amendment)(?-u:\b)",
    )
});

/// `to <verb>` after a count: the vote was to do something.
static TO_DO: LazyLock<Regex> =
    LazyLock::new(|| build(r"(?i)^(?:%Wvotes?)?%Wto%W[a-z]|^%W(?:in%Wfavou?r%Wof|for%Wthe)"));

static NEGATED: LazyLock<Regex> = LazyLock::new(|| build(r"(?i)(?-u:\b)(?:not|never|n%Qt)%W$"));

/// Every vote in `text`, in order:
///
/// - counted: `by 13 to 10`, `by 13 votes to 10`, `13 votes to 10`, `by nine votes to six`,
///   `13 in favour, 10 against and 2 abstentions`, `20 for, 4 against, 2 abstained`,
///   `For: 20, Against: 4`, `voted 22 to 9` (span `22 to 9`), and `13-10` when a vote word (`vote`, `voted`, `carried`,
///   `defeated`, `lost`, `won`, `passed`, `agreed`, `rejected`, `motion`) is in the same
///   sentence; abstentions right after (`, with 2 abstentions`) join the vote, and stand
///   alone otherwise, or join the counted vote earlier in the same sentence;
/// - counted against first or with who voted: `20 votes against and 11 in favour`,
///   `20 members opposing and 11 voting in favour` (yes 11, no 20);
/// - a winner's count against a named rival's: `21 votes to Patel's three`, `16 votes, against 15`;
/// - only the minority counted: `only four voted against`, `eight NEC members opposed` (no 4,
///   passed), `only six voted for` (yes 6, failed);
/// - uncounted: `carried unanimously`, `unanimously agreed`, `unanimous` (unanimous, result
///   pass), `narrowly defeated` (fail), `on a show of hands`.
///
/// The result comes from the sentence: fail for `defeated`, `lost`, `losing`, `fell`, `rejected`;
/// pass for `carried`, `agreed`, `passed`, `won`, `approved`, `elected` (the nearest word wins). With
/// neither, a vote `to <do something>` (`a vote by 13 to 10 to defer`) passed; explicit
/// for/against counts pass when for is larger and fail when smaller; otherwise unknown.
///
/// `by X to Y` and `X-Y` give no roles, so they are normalised: the larger count is the winning
/// side (pass: yes = larger; fail: no = larger). `defeated by 14 votes to 9` and `we lost by 9
/// to 14` both give yes 9, no 14. With an unknown result they stay as written (yes = first).
///
/// ```
/// use nectar_model::VoteResult;
/// use nectar_text::find_votes;
/// let text = "After debate the committee held a vote by 13 to 10 to postpone the item.";
/// let v = find_votes(text);
/// assert_eq!(&text[v[0].span.start..v[0].span.end], "by 13 to 10");
/// assert_eq!((v[0].yes, v[0].no, v[0].result), (Some(13), Some(10), VoteResult::Pass));
/// ```
pub fn find_votes(text: &str) -> Vec<VoteMatch> {
    votes_in(&Scan::new(text))
}

/// [`find_votes`] on a [`Scan`], sharing its sentences.
pub(crate) fn votes_in(scan: &Scan<'_>) -> Vec<VoteMatch> {
    let text = scan.text();
    let mut out: Vec<VoteMatch> = Vec::new();
    for caps in VOTE.captures_iter(text) {
        let Some(v) = vote(text, &caps, scan) else {
            continue;
        };
        if out.last().is_some_and(|last| v.span.start < last.span.end) {
            continue;
        }
        // Standalone abstentions right after a counted vote belong to it.
        if caps.name("abst").is_some()
            && let Some(last) = out.last_mut()
            && last.abstain.is_none()
            && !last.unanimous
            && last.span.end <= v.span.start
        {
            if ABSTAIN_AFTER
                .find(&text[last.span.end..])
                .is_some_and(|m| last.span.end + m.end() >= v.span.end)
            {
                last.abstain = v.abstain;
                last.span.end = v.span.end;
                continue;
            }
            // Later in the same sentence: "14 in favour of the plan, with 1 abstention".
            if (last.yes.is_some() || last.no.is_some())
                && scan.sentence_around(last.span.start).end >= v.span.end
            {
                last.abstain = v.abstain;
                continue;
            }
        }
        out.push(v);
    }
    out
}

fn count(s: &str) -> Option<u32> {
    let t = s.trim();
    if ["none", "nil", "zero"]
        .iter()
        .any(|w| t.eq_ignore_ascii_case(w))
    {
        return Some(0);
    }
    let v = parse_number(t)?;
    (v.fract() == 0.0 && (0.0..=100_000.0).contains(&v)).then_some(v as u32)
}

fn vote(text: &str, caps: &Captures<'_>, scan: &Scan<'_>) -> Option<VoteMatch> {
    let whole = caps.get(0)?;
    let mut span = Span::new(whole.start(), whole.end());
    let base = VoteMatch {
        span,
        yes: None,
        no: None,
        abstain: None,
        result: VoteResult::Unknown,
        unanimous: false,
        shape: "",
    };
    if caps.name("una").is_some() {
        let lo = floor_boundary(text, span.start.saturating_sub(16));
        if NEGATED.is_match(&text[lo..span.start]) {
            return None;
        }
        return Some(VoteMatch {
            result: VoteResult::Pass,
            unanimous: true,
            shape: "unanimous",
            ..base
        });
    }
    if let Some(w) = caps.name("narw") {
        let w = w.as_str().to_ascii_lowercase();
        let fail = ["defeated", "lost", "rejected"].contains(&w.as_str()) || w.starts_with("voted");
        return Some(VoteMatch {
            result: if fail {
                VoteResult::Fail
            } else {
                VoteResult::Pass
            },
            shape: "narrow",
            ..base
        });
    }
    if caps.name("soh").is_some() {
        return Some(VoteMatch {
            result: sentence_result(
                text,
                near(text, scan.sentence_around(span.start), span),
                span,
            )
            .unwrap_or(VoteResult::Unknown),
            shape: "show_of_hands",
            ..base
        });
    }
    if caps.name("abst").is_some() {
        return Some(VoteMatch {
            abstain: count(caps.name("ab1")?.as_str()),
            result: sentence_result(
                text,
                near(text, scan.sentence_around(span.start), span),
                span,
            )
            .unwrap_or(VoteResult::Unknown),
            shape: "abstentions",
            ..base
        });
    }
    if caps.name("min").is_some() {
        // Only the minority is counted: the other side carried it unless the sentence says so.
        let n = count(caps.name("mn")?.as_str());
        let against = caps.name("mno").is_some();
        let result = sentence_result(
            text,
            near(text, scan.sentence_around(span.start), span),
            span,
        )
        .unwrap_or(if against {
            VoteResult::Pass
        } else {
            VoteResult::Fail
        });
        let (yes, no) = if against { (None, n) } else { (n, None) };
        return Some(VoteMatch {
            yes,
            no,
            result,
            shape: "minority",
            ..base
        });
    }
    if caps.name("tally").is_some() || caps.name("ltally").is_some() {
        let (mut yes, mut no, mut abstain) = (None, None, None);
        for item in ITEM.captures_iter(whole.as_str()) {
            let (Some(n), Some(r)) = (
                item.name("n").or(item.name("n2")),
                item.name("r").or(item.name("r2")),
            ) else {
                continue;
            };
            let n = count(n.as_str());
            let r = r.as_str().to_ascii_lowercase();
            if r.starts_with("in") || r == "for" {
                yes = yes.or(n);
            } else if r == "against" || r.starts_with("oppos") {
                no = no.or(n);
            } else {
                abstain = abstain.or(n);
            }
        }
        if yes.is_none() && no.is_none() {
            return None;
        }
        let result = sentence_result(
            text,
            near(text, scan.sentence_around(span.start), span),
            span,
        )
        .unwrap_or(match (yes, no) {
            (Some(y), Some(n)) if y > n => VoteResult::Pass,
            (Some(y), Some(n)) if y < n => VoteResult::Fail,
            _ => VoteResult::Unknown,
        });
        return Some(VoteMatch {
            yes,
            no,
            abstain,
            result,
            shape: if caps.name("tally").is_some() {
                "tally"
            } else {
                "labelled_tally"
            },
            ..base
        });
    }
    // Counts without roles: "by 13 to 10", "13 votes to 10", "13-10".
    let (a, b, needs_word, shape) = if caps.name("by").is_some() {
        (caps.name("by1")?, caps.name("by2")?, true, "by_n_to_m")
    } else if let Some(counted) = caps.name("vdc") {
        // "voted 22 to 9": the span is the counts.
        span = Span::new(counted.start(), counted.end());
        (caps.name("vd1")?, caps.name("vd2")?, false, "voted_n_to_m")
    } else if let Some(counted) = caps.name("rsc") {
        // "lost on a show of hands, 8 to 17": the span is the counts.
        span = Span::new(counted.start(), counted.end());
        (caps.name("rs1")?, caps.name("rs2")?, false, "result_n_to_m")
    } else if caps.name("vt").is_some() {
        (caps.name("vt1")?, caps.name("vt2")?, false, "n_votes_to_m")
    } else {
        let (a, b) = (caps.name("da1")?, caps.name("da2")?);
        if !plain_score(text, span) {
            return None;
        }
        (a, b, true, "score")
    };
    let sentence = near(text, scan.sentence_around(span.start), span);
    if needs_word
        && !text
            .get(sentence.start..sentence.end)
            .is_some_and(|s| VOTE_WORD.is_match(s))
    {
        return None;
    }
    // Not "by 2 to 3 weeks".
    if units_follow(text, span.end) {
        return None;
    }
    let (a, b) = (count(a.as_str())?, count(b.as_str())?);
    let result = sentence_result(
        text,
        near(text, scan.sentence_around(span.start), span),
        span,
    )
    .unwrap_or_else(|| {
        if TO_DO.is_match(&text[span.end..]) {
            VoteResult::Pass
        } else {
            VoteResult::Unknown
        }
    });
    let (yes, no) = match result {
        VoteResult::Pass => (a.max(b), a.min(b)),
        VoteResult::Fail => (a.min(b), a.max(b)),
        VoteResult::Unknown => (a, b),
    };
    let mut abstain = None;
    if let Some(m) = ABSTAIN_AFTER.captures(&text[span.end..]) {
        abstain = m.name("n").and_then(|n| count(n.as_str()));
        if abstain.is_some() {
            span.end += m.get(0).map_or(0, |m| m.end());
        }
    }
    Some(VoteMatch {
        span,
        yes: Some(yes),
        no: Some(no),
        abstain,
        result,
        unanimous: false,
        shape,
    })
}

/// The part of sentence `s` within ~300 bytes of `span` (bounds the work on run-on text).
fn near(text: &str, s: Span, span: Span) -> Span {
    let lo = floor_boundary(text, span.start.saturating_sub(300)).max(s.start);
    let hi = ceil_boundary(text, span.end.saturating_add(300)).min(s.end);
    Span::new(lo.min(hi), hi)
}

/// Whether `13-10` at `span` is a score rather than part of a date, time, range or code.
fn plain_score(text: &str, span: Span) -> bool {
    if prev_char(text, span.start).is_some_and(|c| {
        c.is_ascii_digit() || matches!(c, '.' | ':' | '/' | '£' | '$' | '€' | '-' | '–' | ',')
    }) {
        return false;
    }
    let after = char_at(text, span.end);
    let after2 = after.and_then(|c| char_at(text, span.end + c.len_utf8()));
    if after.is_some_and(|c| matches!(c, '/' | '%' | '-' | '–'))
        || (matches!(after, Some('.' | ':' | ',')) && after2.is_some_and(|c| c.is_ascii_digit()))
    {
        return false;
    }
    true
}

/// Whether a unit or month follows the second count (`by 2 to 3 weeks`, `24-25 January`).
fn units_follow(text: &str, end: usize) -> bool {
    static UNITS: LazyLock<Regex> = LazyLock::new(|| {
        build(
            r"(?i)^(?:%w\x{25}|%W(?:per%Wcent|percent|years?|months?|weeks?|days?|hours?|minutes?|mins?|am|pm|a\.m\.|p\.m\.|million|thousand|billion|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?-u:\b))",
        )
    });
    UNITS.is_match(&text[end..])
}

/// The result the sentence `s` around `span` states: the result word nearest the vote.
fn sentence_result(text: &str, s: Span, span: Span) -> Option<VoteResult> {
    let sentence = text.get(s.start..s.end)?;
    let (lo, hi) = (
        span.start.saturating_sub(s.start),
        span.end.saturating_sub(s.start),
    );
    let dist = |a: usize, b: usize| {
        if b <= lo {
            lo - b
        } else {
            a.saturating_sub(hi)
        }
    };
    let fails: Vec<(usize, usize)> = FAIL
        .find_iter(sentence)
        .map(|m| (m.start(), m.end()))
        .collect();
    let mut best: Option<(usize, VoteResult)> = None;
    for &(a, b) in &fails {
        let d = dist(a, b);
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, VoteResult::Fail));
        }
    }
    for m in PASS.find_iter(sentence) {
        // "not carried" is a fail.
        if fails.iter().any(|&(a, b)| m.start() >= a && m.end() <= b) {
            continue;
        }
        let d = dist(m.start(), m.end());
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, VoteResult::Pass));
        }
    }
    best.map(|(_, r)| r)
}

#[cfg(test)]
mod tests {
    use super::*;

    type Want = (
        &'static str,
        Option<u32>,
        Option<u32>,
        Option<u32>,
        VoteResult,
        bool,
    );
    type Got<'a> = (
        &'a str,
        Option<u32>,
        Option<u32>,
        Option<u32>,
        VoteResult,
        bool,
    );

    fn found(text: &str) -> Vec<Got<'_>> {
        find_votes(text)
            .into_iter()
            .map(|v| {
                (
                    &text[v.span.start..v.span.end],
                    v.yes,
                    v.no,
                    v.abstain,
                    v.result,
                    v.unanimous,
                )
            })
            .collect()
    }

    #[test]
    fn counted_votes() {
        use VoteResult::*;
        let cases: &[(&str, Want)] = &[
            (
                "The proposal was lost on a show of hands, 8 to 17.",
                ("8 to 17", Some(8), Some(17), None, Fail, false),
            ),
            (
                "The rule change was backed by a vote of 15 to 9.",
                ("15 to 9", Some(15), Some(9), None, Pass, false),
            ),
            (
                "The rule change was backed 15 to 9.",
                ("15 to 9", Some(15), Some(9), None, Pass, false),
            ),
            (
                "The committee approved the package 22-11.",
                ("22-11", Some(22), Some(11), None, Pass, false),
            ),
            (
                "The panel held a vote by 13 to 10 to postpone it.",
                ("by 13 to 10", Some(13), Some(10), None, Pass, false),
            ),
            (
                "The motion was carried by 13 votes to 10.",
                ("by 13 votes to 10", Some(13), Some(10), None, Pass, false),
            ),
            (
                "It was carried 13 votes to 10.",
                ("13 votes to 10", Some(13), Some(10), None, Pass, false),
            ),
            (
                "The rule change was carried 13-10.",
                ("13-10", Some(13), Some(10), None, Pass, false),
            ),
            (
                "The rule change was carried 13–10.",
                ("13–10", Some(13), Some(10), None, Pass, false),
            ),
            (
                "The amendment was defeated by 14 votes to 9.",
                ("by 14 votes to 9", Some(9), Some(14), None, Fail, false),
            ),
            (
                "Sadly we lost by 9 to 14.",
                ("by 9 to 14", Some(9), Some(14), None, Fail, false),
            ),
            (
                "It fell by nine votes to six.",
                ("by nine votes to six", Some(6), Some(9), None, Fail, false),
            ),
            (
                "We won by nine votes to six.",
                ("by nine votes to six", Some(9), Some(6), None, Pass, false),
            ),
            (
                "The vote was 13 in favour, 10 against and 2 abstentions.",
                (
                    "13 in favour, 10 against and 2 abstentions",
                    Some(13),
                    Some(10),
                    Some(2),
                    Pass,
                    false,
                ),
            ),
            (
                "There were 20 for, 4 against, 2 abstained.",
                (
                    "20 for, 4 against, 2 abstained",
                    Some(20),
                    Some(4),
                    Some(2),
                    Pass,
                    false,
                ),
            ),
            (
                "The motion fell with 10 in favour and 14 against.",
                (
                    "10 in favour and 14 against",
                    Some(10),
                    Some(14),
                    None,
                    Fail,
                    false,
                ),
            ),
            (
                "The motion was carried by 13 to 10, with 2 abstentions.",
                (
                    "by 13 to 10, with 2 abstentions",
                    Some(13),
                    Some(10),
                    Some(2),
                    Pass,
                    false,
                ),
            ),
            (
                "The result: For: 20, Against: 4.",
                ("For: 20, Against: 4", Some(20), Some(4), None, Pass, false),
            ),
            (
                "The vote went 13 votes to 10.",
                ("13 votes to 10", Some(13), Some(10), None, Unknown, false),
            ),
            (
                "The treasurer took 21 votes to Patel's three.",
                (
                    "21 votes to Patel's three",
                    Some(21),
                    Some(3),
                    None,
                    Unknown,
                    false,
                ),
            ),
            (
                "The vice-chair was elected by 16 votes to 15.",
                ("by 16 votes to 15", Some(16), Some(15), None, Pass, false),
            ),
            (
                "She had 16 votes, against 15 for her rival.",
                (
                    "16 votes, against 15",
                    Some(16),
                    Some(15),
                    None,
                    Unknown,
                    false,
                ),
            ),
            (
                "Our amendment went down, losing 12-11.",
                ("12-11", Some(11), Some(12), None, Fail, false),
            ),
            (
                "The left lost the vote: 20-13.",
                ("20-13", Some(13), Some(20), None, Fail, false),
            ),
            (
                "The proposal loses with 20 votes against and 11 in favour.",
                (
                    "20 votes against and 11 in favour",
                    Some(11),
                    Some(20),
                    None,
                    Fail,
                    false,
                ),
            ),
            (
                "It was thrown out, with 20 NEC members opposing and 11 voting in favour of the plan, with two abstentions.",
                (
                    "20 NEC members opposing and 11 voting in favour",
                    Some(11),
                    Some(20),
                    Some(2),
                    Fail,
                    false,
                ),
            ),
            (
                "The rule change went through; only four voted against.",
                ("four voted against", None, Some(4), None, Pass, false),
            ),
            (
                "Eight NEC members voted against the ban on the group.",
                (
                    "Eight NEC members voted against",
                    None,
                    Some(8),
                    None,
                    Pass,
                    false,
                ),
            ),
            (
                "A handful of seven members opposed the expulsion.",
                ("seven members opposed", None, Some(7), None, Pass, false),
            ),
            (
                "Only six voted for the motion.",
                ("six voted for", Some(6), None, None, Fail, false),
            ),
        ];
        for &(text, want) in cases {
            assert_eq!(found(text), [want], "{text}");
        }
    }

    #[test]
    fn uncounted_votes() {
        use VoteResult::*;
        let cases: &[(&str, Want)] = &[
            (
                "The motion was carried unanimously.",
                ("carried unanimously", None, None, None, Pass, true),
            ),
            (
                "It was agreed unanimously.",
                ("agreed unanimously", None, None, None, Pass, true),
            ),
            (
                "We unanimously agreed the report.",
                ("unanimously agreed", None, None, None, Pass, true),
            ),
            (
                "Support was unanimous.",
                ("unanimous", None, None, None, Pass, true),
            ),
            (
                "It passed nem. con. today",
                ("nem. con.", None, None, None, Pass, true),
            ),
            (
                "The proposal was narrowly defeated.",
                ("narrowly defeated", None, None, None, Fail, false),
            ),
            (
                "It was narrowly carried.",
                ("narrowly carried", None, None, None, Pass, false),
            ),
            (
                "It was agreed on a show of hands.",
                ("on a show of hands", None, None, None, Pass, false),
            ),
            (
                "The motion fell, with 2 abstentions.",
                ("with 2 abstentions", None, None, Some(2), Fail, false),
            ),
        ];
        for &(text, want) in cases {
            assert_eq!(found(text), [want], "{text}");
        }
    }

    #[test]
    fn not_votes() {
        for text in [
            "It was delayed by 2 to 3 weeks.",
            "Arsenal beat them 3-1 at home.",
            "Held on 24-25 January, the vote was close.",
            "Sessions 9.30-5.30 with a vote.",
            "Support was not unanimous.",
            "by 13 to 10",
            "We met 2019-20 and voted.",
            "",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
