//! Decisions reported without counts, and agenda items.

use std::sync::LazyLock;

use nectar_model::{DecisionOutcome, Span};
use regex_automata::meta;

use crate::gate::{Folded, Gate, WordGated, is_word_byte};

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

/// The verb stems a sentence needs for a rule to match it, each with the rules (bits of
/// indexes into [`RULES`]) it can start. Every match of a rule holds one of its stems at the
/// start of a word (after `\b`, white space or the `-` of `re-elected`), so a sentence is
/// tried only against the rules whose stems start its words. The stems are found with the
/// gate words, in one pass ([`Folded::stems`]).
pub(crate) const VERB_RULES: &[(&str, u8)] = &[
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
    // "put off", "pushed back", with any white space between the words.
    ("put", 1 << 2),
    ("pushed", 1 << 2),
    // "elected", "re-elected" (a word starts after the '-'), "reelected": not "election",
    // which most reports name often.
    ("elected", 1 << 3),
    ("reelected", 1 << 3),
    ("approv", 1 << 4),
    ("endorse", 1 << 4),
    ("adopt", 1 << 4),
    ("ratif", 1 << 4),
    ("signed", 1 << 4),
    // "agreed", "agreeing": not "agreement".
    ("agreed", 1 << 5),
    ("agreeing", 1 << 5),
    ("carried", 1 << 5),
    ("accepted", 1 << 5),
    ("decided", 1 << 5),
    // "noted", "notes", "note", "noting".
    ("note", 1 << 6),
    ("noting", 1 << 6),
];

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
/// `span`, whose text `folded` holds), with the sentence they are stated in. Only sentences
/// that hold a verb stem are read, and only with the rules their stems can start.
pub(crate) fn in_sentences(
    text: &str,
    folded: &Folded<'_>,
    span: Span,
    sentences: &[Span],
) -> Vec<(Span, Found)> {
    let mut out = Vec::new();
    for (&s, mask) in sentences.iter().zip(rule_masks(folded, span, sentences)) {
        if mask != 0 {
            out.extend(in_sentence(text, s, mask).into_iter().map(|f| (s, f)));
        }
    }
    out
}

/// For each of `sentences` (as in [`in_sentences`]), the rules (bits of indexes into
/// [`RULES`]) that may match it: those with a stem that starts a word of the sentence. A rule
/// without its bit cannot match; every rule may match a sentence that holds a character the
/// stems cannot be found in ([`Folded::full`]).
fn rule_masks(folded: &Folded<'_>, span: Span, sentences: &[Span]) -> Vec<u8> {
    let mut masks = vec![0u8; sentences.len()];
    let mut i = 0;
    for stem in folded.stems() {
        let (at, end) = (span.start + stem.start, span.start + stem.end);
        while i < sentences.len() && sentences[i].end <= at {
            i += 1;
        }
        match sentences.get(i) {
            Some(s) if s.start <= at && end <= s.end => masks[i] |= stem.rules,
            _ => {}
        }
    }
    // A sentence that starts inside a word of the text starts a word of its own there, which
    // the pass over the text did not see.
    let b = folded.text().as_bytes();
    for (s, mask) in sentences.iter().zip(&mut masks) {
        if let Some(at) = s.start.checked_sub(span.start).filter(|&at| at > 0)
            && b.get(at - 1).is_some_and(|&c| is_word_byte(c))
        {
            for stem in folded.stems_at(at) {
                if span.start + stem.end <= s.end {
                    *mask |= stem.rules;
                }
            }
        }
    }
    if folded.full() {
        for (s, mask) in sentences.iter().zip(&mut masks) {
            let own = folded
                .text()
                .get(s.start.saturating_sub(span.start)..s.end.saturating_sub(span.start));
            if own.is_none_or(nectar_text::has_non_ascii_fold) {
                *mask = u8::MAX;
            }
        }
    }
    masks
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

pub(crate) static REPORT_ITEM: LazyLock<WordGated> = LazyLock::new(|| {
    WordGated::new(
        Gate::ReportItem,
        r"(?i)\b((?:deputy[\s\u{a0}]+)?leader|general[\s\u{a0}]+secretary|treasurer|chair|membership|finance|campaigns?|elections?|organisation|equalities|disputes|compliance|policy|women['’]s|young[\s\u{a0}]+labour|eplp|(?:deputy[\s\u{a0}]+)?leader['’]s)(?:['’]s?)?[\s\u{a0}]+report\b",
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

    /// Words of the rules (some twice, to be drawn more often).
    const WORDS: &str = "was were been being be narrowly heavily unanimously also then finally \
        duly defeated voted down lost the a an this by we We vote rejected REFUSED turned thrown \
        out deferred postponed put off pushed back to defer consideration elected re-elected \
        Reelected re elect as new chair treasurer Ann Lee its three and approved endorsed \
        adopted Ratified signed approve endorse adopt agreed carried accepted decided decided, \
        it that agreeing noted note Notes noting for report minutes correspondence progress NEC \
        committee members executive they panel meeting guidance elected reelected noted note \
        noting for were the";

    /// Phrases of the rules, with white space of every kind, and what may stand between words.
    const PHRASES: &[&str] = &[
        "was put  off",
        "be pushed\u{a0}back",
        "turned down",
        "thrown out",
        "voted down",
        "signed off",
        "we lost the vote",
        " ",
        " ",
        " ",
        "  ",
        "\u{a0}",
        "\n",
        ",",
        ".",
        ";",
        "-",
        "x",
        "’",
        "3",
    ];

    /// The greatest character boundary of `s` at or below `i`.
    fn floor(s: &str, mut i: usize) -> usize {
        while !s.is_char_boundary(i) {
            i -= 1;
        }
        i
    }

    #[test]
    fn every_sentence_a_rule_matches_is_tried_with_it() {
        let pieces: Vec<&str> = WORDS
            .split_whitespace()
            .chain(PHRASES.iter().copied())
            .collect();
        let mut random = crate::testing::Xorshift(0x1405_7b7e_f767_814f);
        let mut matched = [0usize; 7];
        for n in 0..50_000 {
            // The body starts one byte in, after a letter: inside a word now and then.
            let text = format!("a{}", random.text(&pieces, 30, true));
            // Now and then `ſ`, which `(?i)` folds to `s`, in place of an `s`.
            let text = if n % 50 == 0 {
                text.replacen('s', "\u{17f}", 1)
            } else {
                text
            };
            let span = Span::new(1, text.len());
            // Sentences between random cuts (inside words too), some of them left out.
            let mut cuts: Vec<usize> = (0..random.below(6))
                .map(|_| floor(&text, 1 + random.below(text.len())))
                .chain([1, text.len()])
                .collect();
            cuts.sort_unstable();
            cuts.dedup();
            let sentences: Vec<Span> = cuts
                .windows(2)
                .map(|w| Span::new(w[0], w[1]))
                .filter(|_| random.below(5) != 0)
                .collect();
            let folded = Folded::new(&text[1..]);
            let masks = rule_masks(&folded, span, &sentences);
            for (s, mask) in sentences.iter().zip(masks) {
                for (i, rule) in RULES.iter().enumerate() {
                    if rule.pattern.is_match(&text[s.start..s.end]) {
                        assert!(
                            mask & (1 << i) != 0,
                            "rule {i} matches {:?} of {text:?}",
                            &text[s.start..s.end]
                        );
                        matched[i] += 1;
                    }
                }
            }
        }
        assert!(matched.iter().all(|&n| n > 50), "{matched:?}");
    }

    #[test]
    fn every_rule_matches_a_sentence_that_starts_inside_a_word() {
        // The stems of a sentence cut from inside a word are found all the same.
        let text = "xwas defeated. Reelected Ann Lee as chair";
        let all = Span::new(0, text.len());
        let sentences = [Span::new(1, 14), Span::new(17, text.len())];
        let masks = rule_masks(&Folded::new(text), all, &sentences);
        assert_eq!(masks, [1 << 0, 1 << 3]);
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
