//! Decisions reported without counts, and agenda items.

use std::sync::LazyLock;

use nectar_model::{DecisionOutcome, Span};
use regex_automata::meta;

use crate::gate::{Folded, WordGated, Words};

struct Rule {
    outcome: DecisionOutcome,
    /// Run on one sentence at a time: no prefilter ([`crate::short_regex`]).
    pattern: meta::Regex,
}

const S: &str = r"[\s\u{a0}]+";

fn rule(outcome: DecisionOutcome, pattern: &str) -> Rule {
    Rule {
        outcome,
        pattern: crate::short_regex(&pattern.replace("_", S)),
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
            r"(?i)\b(?:was|were|been|be)_(?:\w+_)?(?:deferred|postponed|put_off|pushed_back)\b|\bto_defer_(?:the|this|it|these|a|consideration)\b|\bWHO_(?:also_)?(?:deferred|postponed)\b",
        ),
        r(
            Elected,
            r"(?i)\b(?:was|were|been)_(?:re-?)?elected_(?:as_)?(?:the_)?(?:new_)?(?:chair|vice|treasurer|to_the|unopposed|unanimously|deputy|leader|general|president)|\b(?:re-?)?elected_(?-i:[A-Z]\p{L}+_[A-Z]\p{L}+)_as\b|\bthis_elected\b|\b(?:WHO|and|also)_(?:also_|then_)?(?:re-?)?elected_(?:its|a|the|three|two|four|new|\d)\b|\bre-elected_(?:its|a|the)\b",
        ),
        r(
            Approved,
            r"(?i)\b(?:was|were|been)_(?:unanimously_|formally_|overwhelmingly_)?(?:approved|endorsed|adopted|ratified|signed_off)\b|\bWHO_(?:unanimously_|formally_|also_|then_)?(?:approved|endorsed|adopted|ratified|signed_off)\b|\b(?:and|also)_approved\b|\bapproved_(?:a|an|the)_new\b|\bvoted\b[^.;]{0,20}\bto_(?:approve|endorse|adopt)\b",
        ),
        r(
            Agreed,
            r"(?i)\b(?:was|were|been)_(?:unanimously_|also_|then_|finally_|overwhelmingly_)?(?:agreed|carried|accepted)\b|\bWHO_(?:also_|then_|unanimously_|finally_)?(?:agreed|decided)(?:_(?:that|to|a|an|the|on|in|by|unanimously|arrangements|its|this|guidance|new|plans?|proposals?|\d+)\b|,)|\bdecided,|\bit_was_(?:agreed|decided)\b|\bagreed_unanimously\b|\bagreeing_it\b|\bas_agreed\b|\b(?:and|also)_agreed_(?:the|a|an|to|that|arrangements)\b",
        ),
        r(
            Noted,
            r"(?i)\b(?:report|reports|minutes|motions?|update|paper|accounts|guidelines|process|arrangements)_(?:was|were)_(?:duly_)?noted\b|\bfor_noting\b|\b(?:was|were)_(?:duly_|also_)?noted\b|\bWHO_(?:also_|then_)?not(?:es?|ed)_(?:the|these|a|an|that|correspondence|progress|reports?)\b|\b(?:and|also)_noted_(?:the|a|an|correspondence|progress)\b",
        ),
    ]
});

/// The words some rule needs, found in one pass before any rule runs.
/// The verb stems a sentence needs for a rule to match it, each with the rules (bits of
/// indexes into [`RULES`]) it can start. Every rule's pattern needs one of its stems, so a
/// sentence is tried only against the rules whose stems it holds.
const VERB_RULES: &[(&str, u8)] = &[
    ("defeat", 1 << 0),
    // "voted down" (defeated), "voted ... to approve" (approved).
    ("voted", 1 << 0 | 1 << 4),
    ("lost", 1 << 0),
    ("reject", 1 << 1),
    ("refused", 1 << 1),
    ("turned", 1 << 1),
    ("thrown", 1 << 1),
    ("defer", 1 << 2),
    ("postpone", 1 << 2),
    ("put off", 1 << 2),
    ("pushed back", 1 << 2),
    ("elect", 1 << 3),
    ("approv", 1 << 4),
    ("endorse", 1 << 4),
    ("adopt", 1 << 4),
    ("ratif", 1 << 4),
    ("signed", 1 << 4),
    ("agree", 1 << 5),
    ("carried", 1 << 5),
    ("accepted", 1 << 5),
    ("decided", 1 << 5),
    ("noted", 1 << 6),
    ("noting", 1 << 6),
    ("notes", 1 << 6),
];

/// The verb stems, found in a lowercase copy of the text (as fast as a case-sensitive search).
static VERBS: LazyLock<Words> = LazyLock::new(|| {
    let stems: Vec<&str> = VERB_RULES.iter().map(|(stem, _)| *stem).collect();
    Words::new(&stems)
});

static UNANIMOUS: LazyLock<meta::Regex> = LazyLock::new(|| {
    crate::short_regex(
        r"(?i)\bunanimous(?:ly)?\b|\bwithout[\s\u{a0}]+dissent\b|\bno[\s\u{a0}]+dissent\b",
    )
});
static NARROW: LazyLock<meta::Regex> =
    LazyLock::new(|| crate::short_regex(r"(?i)\bnarrow(?:ly)?\b"));

/// A decision found in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub outcome: DecisionOutcome,
    pub span: Span,
    pub unanimous: bool,
    pub narrow: bool,
}

/// The decisions stated in each of `sentences` (sorted, disjoint spans of `text` within
/// `span`, whose text `folded` holds), with the sentence they are stated in. One pass over
/// `span` finds the verb stems; only sentences that hold one are read, and only with the rules
/// their stems can start.
pub(crate) fn in_sentences(
    text: &str,
    folded: &Folded<'_>,
    span: Span,
    sentences: &[Span],
) -> Vec<(Span, Found)> {
    let slice = folded.lower();
    let mut masks = vec![0u8; sentences.len()];
    let mut i = 0;
    // Every place a stem starts, in order: no stem holds another, so one stem at most starts
    // at each place and a search from just past the last start finds the next.
    let mut from = 0;
    while let Some(m) = VERBS.find(slice.as_bytes(), from) {
        from = m.start() + 1;
        let at = span.start + m.start();
        while i < sentences.len() && sentences[i].end <= at {
            i += 1;
        }
        match sentences.get(i) {
            Some(s) if s.start <= at && span.start + m.end() <= s.end => {
                masks[i] |= VERB_RULES[m.pattern().as_usize()].1;
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (&s, mask) in sentences.iter().zip(masks) {
        if mask != 0 {
            out.extend(in_sentence(text, s, mask).into_iter().map(|f| (s, f)));
        }
    }
    out
}

/// The decisions a sentence reports, tried with the rules in `mask` (bits of indexes into
/// [`RULES`]): one per outcome it names. In a sentence that reports a defeat or a rejection,
/// the proposal "to defer" is what failed: nothing was deferred.
fn in_sentence(text: &str, sentence: Span, mask: u8) -> Vec<Found> {
    let s = &text[sentence.start..sentence.end];
    let mut found: Vec<Found> = RULES
        .iter()
        .enumerate()
        .filter(|(i, r)| mask & (1 << i) != 0 && r.pattern.is_match(s))
        .map(|(_, r)| Found {
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
    found
}

static REPORT_ITEM: LazyLock<WordGated> = LazyLock::new(|| {
    WordGated::new(
        r"(?i)\b((?:deputy[\s\u{a0}]+)?leader|general[\s\u{a0}]+secretary|treasurer|chair|membership|finance|campaigns?|elections?|organisation|equalities|disputes|compliance|policy|women['’]s|young[\s\u{a0}]+labour|eplp|(?:deputy[\s\u{a0}]+)?leader['’]s)(?:['’]s?)?[\s\u{a0}]+report\b",
        &[
            "deputy",
            "leader",
            "general",
            "treasurer",
            "chair",
            "membership",
            "finance",
            "campaign",
            "election",
            "organisation",
            "equalities",
            "disputes",
            "compliance",
            "policy",
            "women",
            "young",
            "eplp",
        ],
    )
});

/// An agenda item named in running text (`the Leader's report`, `the membership report`) in
/// `span`, whose text `folded` holds.
pub(crate) fn report_items(folded: &Folded<'_>, span: Span) -> Vec<(String, Span)> {
    let slice = folded.text();
    REPORT_ITEM
        .find_iter(folded)
        .map(|m| {
            let words: Vec<&str> = slice[m.range()].split_whitespace().collect();
            let mut heading = words.join(" ");
            if let Some(first) = heading.get(..1) {
                heading = first.to_uppercase() + &heading[1..];
            }
            (
                heading.replace('’', "'"),
                Span::new(span.start + m.start(), span.start + m.end()),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcomes(text: &str) -> Vec<DecisionOutcome> {
        let all = Span::new(0, text.len());
        in_sentences(text, &Folded::new(text), all, &[all])
            .into_iter()
            .map(|(_, f)| f.outcome)
            .collect()
    }

    #[test]
    fn no_verb_stem_holds_another() {
        for (a, _) in VERB_RULES {
            for (b, _) in VERB_RULES {
                assert!(a == b || !a.contains(b), "{a} holds {b}");
            }
        }
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
    fn report_items_are_named_in_running_text() {
        let text =
            "Keir gave the Leader’s report, then the GENERAL SECRETARY report; no chairs report.";
        let items: Vec<String> = report_items(&Folded::new(text), Span::new(0, text.len()))
            .into_iter()
            .map(|(h, _)| h)
            .collect();
        assert_eq!(items, ["Leader's report", "GENERAL SECRETARY report"]);
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
}
