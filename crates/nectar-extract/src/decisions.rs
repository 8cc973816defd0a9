//! Decisions reported without counts.

use std::sync::LazyLock;

use nectar_model::{DecisionOutcome, Span};
use regex::Regex;

struct Rule {
    outcome: DecisionOutcome,
    pattern: Regex,
}

const S: &str = r"[\s\u{a0}]+";

fn rule(outcome: DecisionOutcome, pattern: &str) -> Rule {
    Rule {
        outcome,
        pattern: crate::regex(&pattern.replace("_", S)).expect("valid regex"),
    }
}

/// Decision phrasings; `_` stands for white space. The first rule that matches a sentence wins.
static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    use DecisionOutcome::*;
    // Who decides: `we`, `the NEC`, `the committee`, `it`, ...
    let who = r"(?:we|nec|committee|it|meeting|panel|members|executive|they)";
    let r = |outcome, pattern: &str| rule(outcome, &pattern.replace("WHO", who));
    vec![
        r(
            Defeated,
            r"(?i)\b(?:was|were|been|being)_(?:narrowly_|heavily_|overwhelmingly_)?(?:defeated|voted_down|lost)\b|\b(?:narrowly_)?defeated_(?:the|a|an|this|these|by)\b|\bwe_lost_(?:the|a|this)_vote\b|\bvoted_down\b",
        ),
        r(
            Rejected,
            r"(?i)\b(?:was|were|been)_(?:unanimously_)?(?:rejected|refused|turned_down|thrown_out)\b|\bWHO_(?:also_|unanimously_)?(?:rejected|refused|turned_down)\b",
        ),
        r(
            Deferred,
            r"(?i)\b(?:was|were|been|be)_(?:\w+_)?(?:deferred|postponed|put_off|pushed_back)\b|\bto_(?:defer|postpone)_(?:the|this|it|these|a|any|its|their|consideration|a_decision)\b|\bWHO_(?:also_)?(?:deferred|postponed)\b",
        ),
        r(
            Elected,
            r"(?i)\b(?:was|were|been)_(?:re-?)?elected_(?:as_)?(?:the_)?(?:new_)?(?:chair|vice|treasurer|to_the|unopposed|unanimously|deputy|leader|general|president)|\b(?:re-?)?elected_(?-i:[A-Z]\p{L}+_[A-Z]\p{L}+)_as\b|\bthis_elected\b|\b(?:WHO|and|also)_(?:also_|then_)?(?:re-?)?elected_(?:its|a|the|three|two|four|new|\d)\b|\bre-elected_(?:its|a|the)\b",
        ),
        r(
            Approved,
            r"(?i)\b(?:was|were|been)_(?:unanimously_|formally_|overwhelmingly_)?(?:approved|endorsed|adopted|ratified|signed_off)\b|\bWHO_(?:unanimously_|formally_|also_|then_)?(?:approved|endorsed|adopted|ratified|signed_off)\b|\b(?:and|also)_approved\b|\bapproved_(?:a|an|the)_new\b|\bvoted\b[^.;]{0,20}\bto_(?:approve|endorse|adopt)\b|\bpassed_by\b|\b(?:was|were)_(?:\w+_)?passed\b",
        ),
        r(
            Agreed,
            r"(?i)\b(?:was|were|been)_(?:unanimously_|also_|then_|finally_|overwhelmingly_)?(?:agreed|carried|accepted)\b|\bWHO_(?:also_|then_|unanimously_|finally_)?(?:agreed|decided)(?:_(?:that|to|a|an|the|on|in|by|unanimously|arrangements|its|this|guidance|new|plans?|proposals?|\d+)\b|,)|\bdecided,|\bit_was_(?:agreed|decided)\b|\bagreed_unanimously\b|\bagreeing_it\b|\bas_agreed\b|\b(?:and|also)_agreed_(?:the|a|an|to|that|arrangements)\b|\bWHO_(?:also_|then_|narrowly_|unanimously_)?voted_(?:by_[^.;]{1,30}_)?to\b",
        ),
        r(
            Noted,
            r"(?i)\b(?:report|reports|minutes|motions?|update|paper|accounts|guidelines|process|arrangements)_(?:was|were)_(?:duly_)?noted\b|\bfor_noting\b|\b(?:was|were)_(?:duly_|also_)?noted\b|\bWHO_(?:also_|then_)?not(?:es?|ed)_(?:the|these|a|an|that|correspondence|progress|reports?)\b|\b(?:and|also)_noted_(?:the|a|an|correspondence|progress)\b",
        ),
    ]
});

/// [`RULES`] as one set: which of them match a sentence, in one pass.
static RULE_SET: LazyLock<regex::RegexSet> = LazyLock::new(|| {
    regex::RegexSet::new(RULES.iter().map(|r| r.pattern.as_str())).expect("valid regexes")
});

/// The words some rule needs, found in one pass before any rule runs.
static VERBS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            "defeat",
            "voted",
            "lost",
            "reject",
            "refused",
            "turned",
            "thrown",
            "defer",
            "postpone",
            "put off",
            "pushed back",
            "elect",
            "approv",
            "endorse",
            "adopt",
            "ratif",
            "signed",
            "agree",
            "carried",
            "accepted",
            "passed",
            "decided",
            "noted",
            "noting",
            "notes",
        ])
        .expect("valid patterns")
});

static UNANIMOUS: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"(?i)\bunanimous(?:ly)?\b|\bwithout[\s\u{a0}]+dissent\b|\bno[\s\u{a0}]+dissent\b")
        .expect("valid regex")
});
static NARROW: LazyLock<Regex> =
    LazyLock::new(|| crate::regex(r"(?i)\bnarrow(?:ly)?\b").expect("valid regex"));

/// A decision found in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub outcome: DecisionOutcome,
    pub span: Span,
    pub unanimous: bool,
    pub narrow: bool,
}

/// The decisions a sentence reports: one per outcome it names. In a sentence that reports a
/// defeat or a rejection, the proposal "to defer" is what failed: nothing was deferred.
pub(crate) fn in_sentence(text: &str, sentence: Span) -> Vec<Found> {
    let s = &text[sentence.start..sentence.end];
    // Every rule needs one of these words; most sentences have none.
    if !VERBS.is_match(s) {
        return Vec::new();
    }
    let mut found: Vec<Found> = RULE_SET
        .matches(s)
        .iter()
        .map(|i| &RULES[i])
        .map(|r| Found {
            outcome: r.outcome,
            span: sentence,
            unanimous: UNANIMOUS.is_match(s),
            narrow: NARROW.is_match(s),
        })
        .collect();
    let failed = found.iter().any(|f| {
        matches!(
            f.outcome,
            DecisionOutcome::Defeated | DecisionOutcome::Rejected
        )
    });
    if failed {
        found.retain(|f| f.outcome != DecisionOutcome::Deferred);
    }
    // `It was noted that 27,000 members had registered`: a remark, not the noting of a paper.
    if REMARK.is_match(s) {
        found.retain(|f| f.outcome != DecisionOutcome::Noted);
    }
    // `voted not to defer it`, `it would have made more sense to defer`: nothing was deferred.
    if NOT_DEFERRED.is_match(s) {
        found.retain(|f| f.outcome != DecisionOutcome::Deferred);
    }
    // `I have also been elected to ...`: the writer's own election, not the meeting's decision.
    if OWN_ELECTION.is_match(s) {
        found.retain(|f| f.outcome != DecisionOutcome::Elected);
    }
    // `It was agreed to defer these`: one decision, a deferral.
    if AGREED_TO_DEFER.is_match(s) && found.iter().any(|f| f.outcome == DecisionOutcome::Deferred) {
        found.retain(|f| f.outcome != DecisionOutcome::Agreed);
    }
    found
}

static REMARK: LazyLock<Regex> =
    LazyLock::new(|| crate::regex(r"(?i)\bnot(?:ed|es|e)[\s\u{a0}]+that\b").expect("valid regex"));
static NOT_DEFERRED: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"(?i)\bnot[\s\u{a0}]+to[\s\u{a0}]+(?:defer|postpone)|\b(?:would|should|could|might)[\s\u{a0}]+have[\s\u{a0}]+(?:[\w’']+[\s\u{a0}]+){0,5}(?:to[\s\u{a0}]+)?(?:defer|postpone)")
        .expect("valid regex")
});
static OWN_ELECTION: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"\bI[\s\u{a0}]+(?:have[\s\u{a0}]+|had[\s\u{a0}]+)?(?:also[\s\u{a0}]+|now[\s\u{a0}]+)?(?:been|was)[\s\u{a0}]+(?:re-?)?(?:elected|appointed)\b")
        .expect("valid regex")
});
static AGREED_TO_DEFER: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(
        r"(?i)\b(?:agreed|decided|voted|agreeing)[\s\u{a0}]+to[\s\u{a0}]+(?:defer|postpone)",
    )
    .expect("valid regex")
});

/// A word before the fact that points back to what an earlier sentence named (`Our proposal
/// was lost`, `This was accepted.`, `It was agreed 13-10`).
static POINTS_BACK: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(
        r"(?i)\b(?:(?:the|our|their|its|this|that|these|those)[\s\u{a0}]+(?:proposals?|papers?|amendments?|motions?|plans?|reports?|changes?|recommendations?)|this|these|it|they)\b(?:[\s\u{a0}]+(?:to|on|for|of|from)\b)?",
    )
    .expect("valid regex")
});

/// Whether `words` point back to something named before (`to refer the paper back`).
fn points_back(words: &str) -> bool {
    points_back_before(words, words.len())
}

/// Words that, after `this`, make a time (`this year's`, `this morning`), not a thing named
/// before.
const TIMES: &[&str] = &[
    "year",
    "month",
    "week",
    "morning",
    "afternoon",
    "evening",
    "time",
    "summer",
    "autumn",
    "spring",
    "winter",
];

/// `It was agreed that ...`, `it was also noted that ...`, `it was decided to ...`: an `it`
/// that stands for what follows, not for something named before.
fn dummy_it(found: &str, after: &str) -> bool {
    if !found.eq_ignore_ascii_case("it") {
        return false;
    }
    let words: Vec<String> = after
        .split_whitespace()
        .take(5)
        .map(str::to_lowercase)
        .filter(|w| w != "also")
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    matches!(
        words.as_slice(),
        ["was" | "is", _, "that" | "to", ..] | ["has", "been", _, "that" | "to", ..]
    )
}

/// Whether a word that points back starts in `words[..limit]`.
fn points_back_before(words: &str, limit: usize) -> bool {
    POINTS_BACK.find_iter(words).any(|m| {
        let last = m.as_str().trim_end().rsplit(char::is_whitespace).next();
        // `the proposal to ...` names it; `the proposal was ...` does not.
        let names_it = last.is_some_and(|w| ["to", "on", "for", "of", "from"].contains(&w));
        let next = words[m.end()..].split_whitespace().next().unwrap_or("");
        let time = TIMES.iter().any(|t| next.to_lowercase().starts_with(t));
        m.start() < limit && !names_it && !time && !dummy_it(m.as_str(), &words[m.end()..])
    })
}

/// How many words open a sentence, where a word that points back makes it need the one before.
const OPENING_WORDS: usize = 6;

/// What a vote or decision in `sentences[i]` (its words at `fact`) was about: the sentence, its
/// white space collapsed, after the sentence before it when the words before the fact point
/// back to something the sentence does not name.
pub(crate) fn subject(text: &str, sentences: &[Span], i: usize, fact: Span) -> String {
    let s = sentences[i];
    // The words before the fact; for a fact that is its whole sentence, the sentence's first
    // words (`This was accepted.`, `The proposals were agreed overwhelmingly ...`).
    let sentence = &text[s.start..s.end];
    let points_back = if fact.start > s.start {
        points_back(&text[s.start..fact.start.min(s.end)])
    } else {
        // Where the word after the opening words starts: a non-space after a space.
        let mut words = 0;
        let opening = sentence
            .char_indices()
            .zip(sentence.chars().skip(1))
            .find_map(|((i, c), next)| {
                if c.is_whitespace() && !next.is_whitespace() {
                    words += 1;
                    (words == OPENING_WORDS).then_some(i)
                } else {
                    None
                }
            })
            .unwrap_or(sentence.len());
        points_back_before(sentence, opening)
    };
    let start = match (points_back, i.checked_sub(1)) {
        (true, Some(p)) => sentences[p].start,
        _ => s.start,
    };
    text[start..s.end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcomes(text: &str) -> Vec<DecisionOutcome> {
        in_sentence(text, Span::new(0, text.len()))
            .into_iter()
            .map(|f| f.outcome)
            .collect()
    }

    #[test]
    fn a_defeated_motion_to_defer_defers_nothing() {
        assert_eq!(
            outcomes("A motion to defer the timetable was defeated by 9 votes to 14."),
            [DecisionOutcome::Defeated]
        );
        assert_eq!(
            outcomes("There was a vote by 13 to 10 to defer the paper."),
            [DecisionOutcome::Deferred]
        );
    }

    #[test]
    fn remarks_negations_and_counterfactuals_are_not_decisions() {
        assert_eq!(
            outcomes("It was noted that 4,000 members had joined in May."),
            []
        );
        assert_eq!(
            outcomes("The report of the audit committee was noted."),
            [DecisionOutcome::Noted]
        );
        assert_eq!(
            outcomes("Having voted not to defer the paper, we ran out of time."),
            []
        );
        assert_eq!(
            outcomes("It would have been wiser to defer the timetable to the spring."),
            []
        );
        assert_eq!(
            outcomes("I have also been elected to the policy commission."),
            []
        );
    }

    #[test]
    fn a_motion_passed_or_voted_for_is_a_decision() {
        assert_eq!(
            outcomes("Passed by 18 votes to 9."),
            [DecisionOutcome::Approved]
        );
        assert_eq!(
            outcomes("The committee voted to open the selections in June."),
            [DecisionOutcome::Agreed]
        );
        assert_eq!(
            outcomes("The NEC also voted to postpone the fees review."),
            [DecisionOutcome::Deferred]
        );
    }

    #[test]
    fn agreed_to_defer_is_one_deferral() {
        assert_eq!(
            outcomes("It was agreed to defer the fees paper to a future meeting."),
            [DecisionOutcome::Deferred]
        );
    }

    #[test]
    fn one_sentence_may_hold_several_decisions() {
        assert_eq!(
            outcomes("The NEC approved the timetable and agreed arrangements for the ballot."),
            [DecisionOutcome::Approved, DecisionOutcome::Agreed]
        );
        assert_eq!(
            outcomes("We noted the report of the Disputes Panel."),
            [DecisionOutcome::Noted]
        );
        assert!(outcomes("I agreed with every word of it.").is_empty());
    }

    #[test]
    fn a_subject_that_points_back_takes_the_sentence_before() {
        let text = "We proposed a same-year rule change. Our proposal was lost 14-17. The NEC agreed a code of conduct.";
        let sentences = [
            Span::new(0, 36),
            Span::new(37, 65),
            Span::new(66, text.len()),
        ];
        let lost = text.find("was lost").unwrap();
        assert_eq!(
            subject(text, &sentences, 1, Span::new(lost, lost + 8)),
            "We proposed a same-year rule change. Our proposal was lost 14-17."
        );
        let agreed = text.find("agreed").unwrap();
        assert_eq!(
            subject(text, &sentences, 2, Span::new(agreed, agreed + 6)),
            "The NEC agreed a code of conduct."
        );
        // A decision that is its whole sentence: its first words point back.
        assert_eq!(
            subject(text, &sentences, 1, sentences[1]),
            "We proposed a same-year rule change. Our proposal was lost 14-17."
        );
        assert_eq!(
            subject(text, &sentences, 2, sentences[2]),
            "The NEC agreed a code of conduct."
        );
        assert!(!points_back("the proposal to open selections"));
        assert!(points_back("refer the paper back to the committee"));
        assert!(!points_back("The report on this year’s conference"));
        assert!(!points_back("It was agreed that the"));
        assert!(!points_back("It was also noted that"));
        assert!(points_back("It was agreed 13-10"));
    }
}
