//! Decisions of the NEC or its committees (with or without a counted vote), their short
//! subjects and re-mentions.

use std::sync::LazyLock;

use nectar_model::{DecisionOutcome, Span};
use regex::Regex;

struct Rule {
    /// The rule's name, carried with what it finds.
    name: &'static str,
    outcome: DecisionOutcome,
    pattern: Regex,
    /// What else a match needs, checked on the few sentences it matches (cheaper than one long
    /// pattern).
    needs: Needs,
}

/// What a rule's match needs around it.
enum Needs {
    Nothing,
    /// This, anchored, right after the match (`appointed Jo Bloggs` ... `as`).
    After(&'static LazyLock<Regex>),
    /// This in the match's clause before it (`The reports ... were noted`).
    Before(&'static LazyLock<Regex>),
}

impl Rule {
    fn needs(mut self, needs: Needs) -> Self {
        self.needs = needs;
        self
    }

    /// Where the match `start..end` of `s` ends with what the rule needs after it, when it
    /// has what the rule needs.
    fn holds(&self, s: &str, start: usize, end: usize) -> Option<usize> {
        match self.needs {
            Needs::Nothing => Some(end),
            Needs::After(re) => re.find(&s[end..]).map(|m| end + m.end()),
            Needs::Before(re) => {
                let before = &s[..start];
                let clause = before
                    .rfind([';', ':'])
                    .map_or(before, |i| &before[i + 1..]);
                re.is_match(clause).then_some(end)
            }
        }
    }
}

/// `as` a little after an elected or appointed person's name (`appointed Jo Bloggs, Sam Patel
/// and Al Grey as tellers`).
static AS_LATER: LazyLock<Regex> =
    LazyLock::new(|| crate::regex(r"^[^.;]{0,100}?[\s\u{a0}]as\b").expect("valid regex"));

/// Papers that are noted (`The reports ... were noted`), not remarks (`progress was noted`).
static NOTED_PAPER: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"(?i)\b(?:reports?|minutes|motions?|updates?|papers?|accounts|guidelines|process|arrangements|correspondence|statements?|documents?)\b")
        .expect("valid regex")
});

const S: &str = r"[\s\u{a0}]+";

fn rule(name: &'static str, outcome: DecisionOutcome, pattern: &str) -> Rule {
    Rule {
        name,
        outcome,
        pattern: crate::regex(&pattern.replace("_", S)).expect("valid regex"),
        needs: Needs::Nothing,
    }
}

/// Decision phrasings; `_` stands for white space. Every rule that matches a sentence gives a
/// decision; a rule that matches twice, in two clauses, gives two.
static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    use DecisionOutcome::*;
    // Who decides: `we`, `the NEC`, `the committee`, `it`, ...
    let who = r"(?:we|nec|committee|it|meeting|panel|members|executive|they)";
    // The NEC or a committee of it, as the one that took a decision (`agreed by the NEC`).
    let body = r"(?:the_)?(?:nec|national_executive(?:_committee)?|committee|panel|meeting)\b";
    let r = |name, outcome, pattern: &str| {
        rule(
            name,
            outcome,
            &pattern.replace("WHO", who).replace("BODY", body),
        )
    };
    vec![
        r(
            "defeated",
            Defeated,
            r"(?i)\b(?:was|were|been|being)_(?:narrowly_|heavily_|overwhelmingly_)?(?:defeated|voted_down|lost)\b|\b(?:narrowly_)?defeated_(?:the|a|an|this|these|by)\b|\bwe_lost_(?:the|a|this)_vote\b|\bvoted_down\b",
        ),
        // `was tied and so not carried`, `was not passed`.
        r(
            "not_carried",
            Defeated,
            r"(?i)\bnot_carried\b|\b(?:was|were)_not_passed\b",
        ),
        // `The motion fell by 10 votes to 12`.
        r(
            "fell",
            Defeated,
            r"(?i)\b(?:motions?|amendments?|proposals?|rule_changes?|it|this)_(?:then_|therefore_|narrowly_)?fell\b",
        ),
        r(
            "rejected",
            Rejected,
            r"(?i)\b(?:was|were|been)_(?:unanimously_)?(?:rejected|refused|turned_down|thrown_out)\b|\bWHO_(?:also_|unanimously_)?(?:rejected|refused|turned_down)\b",
        ),
        // `was not agreed`, `the NEC declined to ...`, `we did not accept ...`.
        r(
            "not_agreed",
            Rejected,
            r"(?i)\b(?:was|were)_not_(?:agreed|approved|accepted|adopted|endorsed)\b|\bWHO_(?:also_)?declined_to\b|\bWHO_did_not_(?:agree|approve|accept|adopt|endorse)\b",
        ),
        r(
            "deferred",
            Deferred,
            r"(?i)\b(?:was|were|been|be)_(?:\w+_)?(?:deferred|postponed|put_off|pushed_back)\b|\bto_(?:defer|postpone)_(?:the|this|it|these|a|any|its|their|consideration|a_decision)\b|\bWHO_(?:also_)?(?:deferred|postponed)\b|\b(?:deferred|postponed)_(?:pending|until)\b",
        ),
        r(
            "elected",
            Elected,
            r"(?i)\b(?:was|were|been)_(?:re-?)?(?:elected|appointed)_(?:as_)?(?:the_)?(?:new_)?(?:chair|vice|treasurer|to_the|unopposed|unanimously|deputy|leader|general|president|assistant)|\b(?:was|were)_(?:re-?)?(?:elected|appointed)_as\b|\b(?:re-?)?elected_(?-i:[A-Z]\p{L}+_[A-Z]\p{L}+)_as\b|\bthis_elected\b|\b(?:WHO|and|also)_(?:also_|then_)?(?:re-?)?elected_(?:its|a|the|three|two|four|new|\d)\b|\bre-elected_(?:its|a|the)\b",
        ),
        // `appointed Jo Bloggs, Sam Patel and Al Grey as tellers`.
        r(
            "appointed_as",
            Elected,
            r"(?i)\b(?:re-?)?(?:elected|appointed)_(?-i:[A-Z]\p{L}+_[A-Z]\p{L}+)",
        )
        .needs(Needs::After(&AS_LATER)),
        // `The NEC rubber-stamped the timetable`, `the committee backed plans to ...`.
        r(
            "backed",
            Approved,
            r"(?i)\b(?:we|nec|committee|panel|executive)_(?:also_|then_|unanimously_|formally_)?(?:backed|rubber[-_]stamped)_(?:the|a|an|plans?|proposals?|motions?|changes?|its|this)\b",
        ),
        r(
            "approved",
            Approved,
            r"(?i)\b(?:was|were|been)_(?:unanimously_|formally_|overwhelmingly_)?(?:approved|endorsed|adopted|ratified|signed_off)\b|\bWHO_(?:unanimously_|formally_|also_|then_)?(?:approved|endorsed|adopted|ratified|signed_off)\b|\b(?:and|also)_approved\b|\bapproved_(?:a|an|the)_new\b|\bvoted\b[^.;]{0,20}\bto_(?:approve|endorse|adopt)\b|\bpassed_by\b|\b(?:was|were)_(?:\w+_)?passed\b|\bapproved_(?:and_[\w-]+_)?by_BODY",
        ),
        // `The National Executive Committee (NEC) passed a motion on ...`.
        r(
            "passed",
            Approved,
            r"(?i)\b(?:WHO|\))_(?:also_|then_|unanimously_|formally_)?passed_(?:the|a|an|plans?|proposals?|motions?|rules?|changes?|reforms?)\b",
        ),
        r(
            "agreed",
            Agreed,
            r"(?i)\b(?:was|were|been)_(?:(?:discussed|considered|debated)_and_)?(?:unanimously_|also_|then_|finally_|overwhelmingly_)?(?:agreed|carried|accepted)\b|\bWHO_(?:also_|then_|unanimously_|finally_)?(?:agreed|decided)(?:_(?:that|to|a|an|the|on|in|by|unanimously|arrangements|its|this|guidance|new|plans?|proposals?|\d+)\b|,)|\bdecided,|\bit_was_(?:agreed|decided)\b|\bagreed_unanimously\b|\bagreeing_it\b|\b(?:and|also)_agreed_(?:the|a|an|to|that|arrangements)\b|\bWHO_(?:also_|then_|narrowly_|unanimously_)?voted_(?:by_[^.;]{1,30}_)?to\b|\bWHO_(?:also_|then_)?voted_(?:overwhelmingly_|unanimously_|narrowly_)?in_favour_of\b|\bagreed_(?:and_[\w-]+_(?:[\w-]+_)?)?by_BODY|\bas_agreed_(?:at_(?:the|this|today['’]s)_meeting|today)\b",
        ),
        // `we agreed dates for the hustings`: the NEC or the writers agreeing a thing.
        r(
            "we_agreed",
            Agreed,
            r"(?i)\b(?:we|nec|committee|panel|executive)_(?:also_|then_|unanimously_|finally_)?agreed_[\w-]+",
        ),
        // `led to us agreeing the grant`.
        r(
            "agreeing",
            Agreed,
            r"(?i)\b(?:us|we|nec|committee|panel)_agreeing_(?:that|the|to|a|an|this)\b",
        ),
        // `approved the code, after amending it to cover ...`: the amendment is a decision too.
        r(
            "amended",
            Agreed,
            r"(?i)\b(?:after|having)_amend(?:ing|ed)_(?:it|the|this|them)\b",
        ),
        r(
            "paper_noted",
            Noted,
            r"(?i)\b(?:was|were)_(?:duly_|also_)?noted\b",
        )
        .needs(Needs::Before(&NOTED_PAPER)),
        r(
            "noted",
            Noted,
            r"(?i)\bWHO_(?:also_|then_)?not(?:es?|ed)_(?:the|these|a|an|that|correspondence|progress|reports?)\b|\b(?:and|also)_noted_(?:the|a|an|correspondence|progress)\b",
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
            "fell",
            "backed",
            "stamped",
            "defer",
            "postpone",
            "put off",
            "pushed back",
            "elect",
            "appointed",
            "approv",
            "endorse",
            "adopt",
            "ratif",
            "signed",
            "agree",
            "carried",
            "accepted",
            "not accept",
            "passed",
            "decided",
            "declined",
            "amending",
            "amended",
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
    /// The rule that found it (its name in `data/rules.toml`, after `decisions.`).
    pub rule: &'static str,
    pub outcome: DecisionOutcome,
    /// Its clause: the sentence, or the part of it that reports this decision when the
    /// sentence reports two of the same kind.
    pub span: Span,
    /// The words that say it was decided.
    pub said: Span,
    pub unanimous: bool,
    pub narrow: bool,
}

/// Where a new clause starts in `gap`, the words between two decisions of one kind (`X was
/// elected chair and Y was elected vice-chair`): after its last `and`, `;` or `,`.
fn clause_break(gap: &str) -> Option<usize> {
    ["; ", " and ", ", "]
        .iter()
        .filter_map(|sep| gap.rfind(sep).map(|i| i + sep.len()))
        .max()
}

/// Whether a rule's match is no decision: `the NEC agreed with ...`, `everyone agreed about
/// ...`, or a decision taken by another body (`agreed at conference`).
fn vetoed(s: &str, start: usize, end: usize) -> bool {
    let said = &s[start..end];
    let last = said.rsplit(char::is_whitespace).next().unwrap_or("");
    ["with", "about", "among", "amongst"].contains(&last.to_lowercase().as_str())
        || OTHER_BODY.is_match(&s[end..])
}

/// A decision taken by another body, right after the words that say it (`had been agreed at
/// conference`, `approved by the PLP`).
static OTHER_BODY: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"(?i)^[\s\u{a0}]*(?:at|by)[\s\u{a0}]+(?:the[\s\u{a0}]+)?(?:(?:annual|party|last[\s\u{a0}]+year['’]s|this[\s\u{a0}]+year['’]s)[\s\u{a0}]+)?(?:conference|npf|national[\s\u{a0}]+policy[\s\u{a0}]+forum|plp|shadow[\s\u{a0}]+cabinet|cabinet|government|cac|conference[\s\u{a0}]+arrangements[\s\u{a0}]+committee)\b")
        .expect("valid regex")
});

/// The decisions a sentence reports: one per rule that matches, and one more per clause where a
/// rule matches again. In a sentence that reports a defeat or a rejection, the proposal "to
/// defer" is what failed: nothing was deferred.
pub(crate) fn in_sentence(text: &str, sentence: Span) -> Vec<Found> {
    let s = &text[sentence.start..sentence.end];
    // Every rule needs one of these words; most sentences have none.
    if !VERBS.is_match(s) {
        return Vec::new();
    }
    let matched = RULE_SET.matches(s);
    if !matched.matched_any() {
        return Vec::new();
    }
    let (unanimous, narrow) = (UNANIMOUS.is_match(s), NARROW.is_match(s));
    let mut found: Vec<Found> = Vec::new();
    for r in matched.iter().map(|i| &RULES[i]) {
        // Each match: where it starts and ends, and where its clause starts.
        let mut kept: Vec<(usize, usize, usize)> = Vec::new();
        for m in r.pattern.find_iter(s) {
            let Some(m_end) = r.holds(s, m.start(), m.end()) else {
                continue;
            };
            if vetoed(s, m.start(), m_end) {
                continue;
            }
            match kept.last() {
                None => kept.push((m.start(), m_end, 0)),
                Some(&(_, end, _)) => {
                    if m.start() >= end
                        && let Some(k) = clause_break(&s[end..m.start()])
                    {
                        kept.push((m.start(), m_end, end + k));
                    }
                }
            }
        }
        for (j, &(start, end, clause)) in kept.iter().enumerate() {
            let clause_end = kept.get(j + 1).map_or(s.len(), |next| next.2);
            found.push(Found {
                rule: r.name,
                outcome: r.outcome,
                span: Span::new(sentence.start + clause, sentence.start + clause_end),
                said: Span::new(sentence.start + start, sentence.start + end),
                unanimous,
                narrow,
            });
        }
    }
    // Two rules of one outcome on the same words (`we agreed to ...`): one decision.
    found.sort_by_key(|f| (f.said.start, f.said.end));
    let mut one: Vec<Found> = Vec::new();
    for f in found {
        let same = one.iter().any(|o| {
            o.outcome == f.outcome
                && (o.span == f.span || (o.said.start < f.said.end && f.said.start < o.said.end))
        });
        if !same {
            one.push(f);
        }
    }
    let mut found = one;
    use DecisionOutcome::*;
    let has = |found: &[Found], o: DecisionOutcome| found.iter().any(|f| f.outcome == o);
    // Each filter runs only where the outcome it drops was found.
    let drop = |found: &mut Vec<Found>, o: DecisionOutcome, when: &dyn Fn() -> bool| {
        if has(found, o) && when() {
            found.retain(|f| f.outcome != o);
        }
    };
    let failed = has(&found, Defeated) || has(&found, Rejected);
    drop(&mut found, Deferred, &|| failed);
    // `It was noted that 27,000 members had registered`: a remark, not the noting of a paper.
    drop(&mut found, Noted, &|| REMARK.is_match(s));
    // `voted not to defer it`, `it would have made more sense to defer`, `he asked that this be
    // deferred`: nothing was deferred.
    drop(&mut found, Deferred, &|| {
        NOT_DEFERRED.is_match(s) || REQUEST.is_match(s)
    });
    // `I have also been elected to ...`: the writer's own election, not the meeting's decision.
    drop(&mut found, Elected, &|| OWN_ELECTION.is_match(s));
    // `many applicants were rejected`: membership applications, not business.
    drop(&mut found, Rejected, &|| ADMISSION.is_match(s));
    // `It was agreed to defer these`: one decision, a deferral.
    let deferred = has(&found, Deferred);
    drop(&mut found, Agreed, &|| {
        deferred && AGREED_TO_DEFER.is_match(s)
    });
    found
}

static REMARK: LazyLock<Regex> =
    LazyLock::new(|| crate::regex(r"(?i)\bnot(?:ed|es|e)[\s\u{a0}]+that\b").expect("valid regex"));
static NOT_DEFERRED: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"(?i)\bnot[\s\u{a0}]+to[\s\u{a0}]+(?:defer|postpone)|\b(?:would|should|could|might)[\s\u{a0}]+have[\s\u{a0}]+(?:[\w’']+[\s\u{a0}]+){0,5}(?:to[\s\u{a0}]+)?(?:defer|postpone)")
        .expect("valid regex")
});
/// A request that something be deferred (`asked that the paper be deferred`): a request, not a
/// decision.
static REQUEST: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"(?i)\b(?:asked|requested|proposed|suggested|urged|demanded|wanted)[\s\u{a0}]+(?:that[\s\u{a0}]+)?[^.;]{0,80}?\b(?:should[\s\u{a0}]+)?be[\s\u{a0}]+(?:\w+[\s\u{a0}]+)?(?:deferred|postponed)\b")
        .expect("valid regex")
});
/// People turned away (`applicants were rejected`, `applications were refused`): admissions,
/// not the business of a meeting.
static ADMISSION: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"(?i)\b(?:members|applicants|applications)[\s\u{a0}]+(?:were|had[\s\u{a0}]+been|have[\s\u{a0}]+been)[\s\u{a0}]+(?:rejected|refused)\b")
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
pub(crate) fn points_back(words: &str) -> bool {
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

/// A sentence that leads into a list of what was decided (`The items agreed were the
/// following:`, `The following were approved:`), with no decision of its own.
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"(?i)\b(?:those|items|proposals|changes|motions|amendments|following)[\s\u{a0}]+(?:(?:were|was)[\s\u{a0}]+)?(agreed|approved|adopted|endorsed|carried)\b")
        .expect("valid regex")
});

/// Characters that mark a list item.
const BULLETS: &[char] = &['·', '•', '*', '▪', '◦', '‣', '-', '–'];

/// `text` without the bullets and white space it ends with.
fn without_trailing_bullets(text: &str) -> &str {
    text.trim_end_matches(|c: char| c.is_whitespace() || BULLETS.contains(&c))
}

/// What a list after sentence `i` decided, when sentence `i` leads into one (`The items
/// agreed were the following:`): the outcome its verb names.
pub(crate) fn lead_in(text: &str, sentence: Span) -> Option<DecisionOutcome> {
    let s = without_trailing_bullets(&text[sentence.start..sentence.end]);
    if !s.ends_with(':') {
        return None;
    }
    let verb = LEAD_IN.captures(s)?.get(1)?.as_str().to_lowercase();
    Some(match verb.as_str() {
        "agreed" | "carried" => DecisionOutcome::Agreed,
        _ => DecisionOutcome::Approved,
    })
}

/// Whether sentence `i` opens a list item: a bullet stands between the sentence before and
/// its first word.
pub(crate) fn bulleted(text: &str, sentences: &[Span], i: usize) -> bool {
    let s = sentences[i];
    let from = i.checked_sub(1).map_or(s.start, |p| {
        let prev = sentences[p];
        prev.start + without_trailing_bullets(&text[prev.start..prev.end]).len()
    });
    let first = text[s.start..s.end]
        .find(char::is_alphanumeric)
        .map_or(s.end, |k| s.start + k);
    text[from.min(first)..first]
        .chars()
        .any(|c| BULLETS.contains(&c))
}

/// What a sentence that says only how a vote went (`Passed by 16 votes to 11.`) was about: the
/// sentence its paragraph or list item opens with (`· Changing the rule on ...`), or, when it
/// opens the paragraph itself, the sentence before; in a few words.
pub(crate) fn paragraph_subject(text: &str, sentences: &[Span], i: usize) -> String {
    let opens = |k: usize| {
        after_blank_line(text, sentences, k)
            || text[sentences[k].start..sentences[k].end]
                .trim_start()
                .starts_with(BULLETS)
    };
    let mut k = i;
    while k > 0 && !opens(k) {
        k -= 1;
    }
    if k == i {
        k = i.saturating_sub(1);
    }
    let words: Vec<&str> = text[sentences[k].start..sentences[k].end]
        .trim_start_matches(|c: char| c.is_whitespace() || BULLETS.contains(&c))
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
        .split_whitespace()
        .collect();
    at_most_subject_words(&words)
}

/// `words` joined, cut at [`SUBJECT_WORDS`] with an ellipsis.
fn at_most_subject_words(words: &[&str]) -> String {
    let mut short = words[..words.len().min(SUBJECT_WORDS)].join(" ");
    if words.len() > SUBJECT_WORDS {
        short.push('…');
    }
    short
}

/// Whether a sentence says no more than how a vote went (`Passed by 16 votes to 11 with 1
/// abstention.`, `The motion was carried 20 to 6.`): none of its words names a thing.
pub(crate) fn only_the_result(sentence: &str) -> bool {
    const RESULT_WORDS: &[&str] = &[
        "passed",
        "carried",
        "agreed",
        "approved",
        "lost",
        "defeated",
        "fell",
        "rejected",
        "by",
        "to",
        "the",
        "a",
        "motion",
        "proposal",
        "amendment",
        "was",
        "were",
        "it",
        "this",
        "vote",
        "votes",
        "with",
        "abstention",
        "abstentions",
        "and",
        "against",
        "for",
        "in",
        "favour",
        "narrowly",
        "then",
        "voted",
    ];
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .all(|w| {
            RESULT_WORDS.contains(&w.to_lowercase().as_str())
                || nectar_text::find_numbers(w).len() == 1
        })
}

/// Whether a blank line stands before sentence `i` (a list has ended).
pub(crate) fn after_blank_line(text: &str, sentences: &[Span], i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return true;
    };
    let gap = &text[sentences[p].end.min(sentences[i].start)..sentences[i].start];
    gap.matches('\n').count() >= 2
}

/// A decision that is a list item after a sentence that leads into the list.
pub(crate) fn listed(outcome: DecisionOutcome, sentence: Span) -> Found {
    Found {
        rule: "listed",
        outcome,
        span: sentence,
        said: Span::new(sentence.start, sentence.start),
        unanimous: false,
        narrow: false,
    }
}

/// A decided thing named again (`the move was then voted down`, `voted for the change`):
/// `the`, `this` or `that` before the kind of thing decisions decide.
static NAMED_AGAIN: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"(?i)\b(?:the|this|that)[\s\u{a0}]+(?:move|change|proposal|motion|decision|plans?|reforms?|amendment)\b")
        .expect("valid regex")
});

/// How far back, in sentences, a decided thing named again may have been decided.
const RE_MENTION_REACH: usize = 3;

/// Which way a decision went, for telling a re-mention from a new decision: for, against or
/// put off; other outcomes (elections, notings) are each their own decision.
fn leaning(outcome: DecisionOutcome) -> Option<i8> {
    use DecisionOutcome::*;
    match outcome {
        Approved | Agreed => Some(1),
        Defeated | Rejected => Some(-1),
        Deferred => Some(0),
        _ => None,
    }
}

/// Whether the decision `found`, in sentence `i`, names again the decision `earlier` took in
/// sentence `j`: it points back to a decided thing (`the move`, `the change`, not `the
/// proposal to ...`), went the same way, and comes at most [`RE_MENTION_REACH`] sentences
/// after it.
pub(crate) fn re_mentions(text: &str, found: &Found, i: usize, earlier: &Found, j: usize) -> bool {
    let same_way =
        leaning(found.outcome).is_some() && leaning(found.outcome) == leaning(earlier.outcome);
    if !same_way || j >= i || i - j > RE_MENTION_REACH {
        return false;
    }
    let clause = &text[found.span.start..found.span.end];
    NAMED_AGAIN.find_iter(clause).any(|m| {
        let next = clause[m.end()..].split_whitespace().next().unwrap_or("");
        !["to", "on", "for", "of", "from", "that"].contains(&next)
    })
}

/// Words that do not tell one decided thing from another.
const SMALL_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "and", "or", "for", "on", "in", "by", "at", "with", "its",
    "their", "new", "that", "be", "was", "were", "is",
];

/// The words of a subject that tell what it is, lowercased.
fn telling_words(subject: &str) -> std::collections::BTreeSet<String> {
    subject
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty() && !SMALL_WORDS.contains(&w.as_str()))
        .collect()
}

/// Fewest telling words two subjects share to name the same thing.
const SAME_THING_WORDS: usize = 3;

/// Whether two short subjects name the same decided thing (`a code of conduct for NEC
/// members` and `the code of conduct for NEC members`): the telling words of one are all in the
/// other, and there are at least [`SAME_THING_WORDS`] of them.
pub(crate) fn same_thing(a: &str, b: &str) -> bool {
    let (a, b) = (telling_words(a), telling_words(b));
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small.len() >= SAME_THING_WORDS && small.is_subset(&large)
}

/// The words that say what was decided: the decision verb in the words of a rule.
static VERB: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"(?i)\b(?:defer|postpone|agreed|agreeing|decided|approved|endorsed|adopted|ratified|signed[\s\u{a0}]+off|passed|voted(?:[\s\u{a0}]+down)?|(?:re-?)?elected|appointed|deferred|postponed|defeated|rejected|refused|not(?:ed|es)|carried|accepted|lost|amending|amended)\b")
        .expect("valid regex")
});

/// An auxiliary before the verb: the thing decided stands before it (`A new code was agreed`).
static PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"(?i)\b(?:(?:has|have|had)[\s\u{a0}]+been|was|were|been|be|is|are|being)\b")
        .expect("valid regex")
});

/// Words a short subject does not start with.
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"(?i)^(?:(?:and|but|however|also|then|that|to|so|which|it[\s\u{a0}]+was[\s\u{a0}]+agreed[\s\u{a0}]+that|(?:it|them)[\s\u{a0}]+to[\s\u{a0}]+(?:specify|say|state|ensure|provide)(?:[\s\u{a0}]+that)?)\b[\s\u{a0},]*)+")
        .expect("valid regex")
});

/// Most words a short subject keeps.
const SUBJECT_WORDS: usize = 24;

/// Fewest words a subject cut at a comma keeps (`We agreed that in Sandwell, where ...` goes
/// on past `in Sandwell`).
const CUT_WORDS: usize = 3;

/// `text` up to the first clause break that leaves at least [`CUT_WORDS`] words.
fn cut(text: &str) -> &str {
    let mut ends: Vec<usize> = [", ", "; ", " – ", " - ", ". ", " (", ":"]
        .iter()
        .flat_map(|sep| text.match_indices(sep).map(|(i, _)| i))
        .collect();
    ends.sort_unstable();
    ends.into_iter()
        .find(|&i| text[..i].split_whitespace().count() >= CUT_WORDS)
        .map_or(text, |i| &text[..i])
}

/// `text` after its last clause break where what follows starts with a determiner
/// (`Following a long debate, the proposal` -> `the proposal`; `A proposal for an NEC Gypsy,
/// Roma and Traveller working group` stays whole).
fn last_clause(text: &str) -> &str {
    [", ", "; ", " – ", " - ", ": "]
        .iter()
        .flat_map(|sep| text.match_indices(sep).map(|(i, _)| i + sep.len()))
        .filter(|&i| {
            let rest = LEAD.replace(&text[i..], "");
            let first = rest.split_whitespace().next().unwrap_or("").to_lowercase();
            DETERMINERS.contains(&first.as_str())
        })
        .max()
        .map_or(text, |i| &text[i..])
}

/// Words that start a thing named.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "our", "its", "their", "his", "her", "my",
];

/// Words that alone stand for something named before.
const POINTERS: &[&str] = &["it", "this", "these", "those", "they", "them"];

/// Words that, after a thing named before a passive verb, go on naming it (`a motion was
/// agreed which laid out ...`).
const NAMING_ON: &[&str] = &["which", "that", "on", "for", "about", "calling"];

/// What a decision decided, in a few words: the thing before its verb when the verb is passive
/// (`A new code of conduct ... was agreed`), the words after it up to the clause's end when
/// active (`we approved a new code of conduct`, `it was agreed that ...`). An election's
/// subject is who was elected to what (`Jo Bloggs was elected chair`). Where those words start
/// with a word that points back, the sentence and the one before (see [`subject`]); where there
/// are none (`Passed by 16 votes to 11.`), the sentence before and this one.
pub(crate) fn short_subject(text: &str, sentences: &[Span], i: usize, found: &Found) -> String {
    let clause = found.span;
    let said = &text[found.said.start..found.said.end];
    let verb = VERB.find(said);
    let verb_start = found.said.start + verb.map_or(0, |v| v.start());
    let verb_end = found.said.start + verb.map_or(said.len(), |v| v.end());
    let after = &text[verb_end..clause.end.max(verb_end)];
    // The auxiliary before the verb, unless it follows a dummy `it` (`it was agreed that`).
    let before = &text[clause.start..verb_start.max(clause.start)];
    let aux = verb
        .filter(|v| PASSIVE.is_match(&said[..v.start()]))
        .and_then(|_| PASSIVE.find_iter(before).last())
        .filter(|aux| {
            let prior = before[..aux.start()].split_whitespace().next_back();
            !prior.is_some_and(|w| w.eq_ignore_ascii_case("it"))
        });
    // `agreed and signed off by the NEC`: the thing decided stands before the verb.
    let by = verb.is_some_and(|v| said[v.end()..].to_lowercase().contains(" by "))
        || after.trim_start().to_lowercase().starts_with("by ");
    let words: String = if found.outcome == DecisionOutcome::Elected {
        let start = if aux.is_some() {
            clause.start
        } else {
            verb_start
        };
        let end = found.said.end.max(start);
        format!(
            "{}{}",
            &text[start..end],
            cut(&text[end..clause.end.max(end)])
        )
    } else if aux.is_some() || by {
        let thing = aux.map_or(before, |aux| &before[..aux.start()]);
        let thing = last_clause(thing.trim_end()).trim();
        let next = after.split_whitespace().next().unwrap_or("").to_lowercase();
        if thing.split_whitespace().count() <= CUT_WORDS && NAMING_ON.contains(&next.as_str()) {
            format!("{thing} {}", cut(after.trim_start()))
        } else {
            thing.to_owned()
        }
    } else {
        cut(&LEAD.replace(after.trim_start(), "")).to_owned()
    };
    let words = LEAD.replace(
        words.trim_start_matches(|c: char| c.is_whitespace() || BULLETS.contains(&c)),
        "",
    );
    let mut words: Vec<&str> = words
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
        .split_whitespace()
        .collect();
    // `the conference timetable and, ...`: no dangling conjunction.
    while words
        .last()
        .is_some_and(|w| ["and", "or", "but"].contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    let content = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    if content == 0 {
        // `Passed by 16 votes to 11.`: what passed is what its paragraph opens with.
        return paragraph_subject(text, sentences, i);
    }
    let first = words[0].to_lowercase();
    if POINTERS.contains(&first.as_str()) || (words.len() <= 4 && points_back(&words.join(" "))) {
        return subject(text, sentences, i, found.span);
    }
    at_most_subject_words(&words)
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

    /// The sentences of `text`, split after `. ` (a test's own sentences only).
    fn split(text: &str) -> Vec<Span> {
        let mut spans = Vec::new();
        let mut start = 0;
        for (i, _) in text.match_indices(". ") {
            spans.push(Span::new(start, i + 1));
            start = i + 2;
        }
        spans.push(Span::new(start, text.len()));
        spans
    }

    fn subjects(text: &str) -> Vec<String> {
        let sentences = split(text);
        sentences
            .iter()
            .enumerate()
            .flat_map(|(i, &s)| {
                in_sentence(text, s)
                    .into_iter()
                    .map(move |f| (i, f))
                    .collect::<Vec<_>>()
            })
            .map(|(i, f)| short_subject(text, &sentences, i, &f))
            .collect()
    }

    #[test]
    fn a_tie_not_carried_and_a_refusal_are_read_as_such() {
        use DecisionOutcome::*;
        assert_eq!(
            outcomes("The vote on the fees motion was tied and so not carried."),
            [Defeated]
        );
        assert_eq!(
            outcomes("The request for a hustings was not agreed."),
            [Rejected]
        );
        assert_eq!(
            outcomes("The committee declined to reopen the shortlist."),
            [Rejected]
        );
    }

    #[test]
    fn deferred_pending_is_a_deferral_and_a_request_to_defer_is_not() {
        assert_eq!(
            outcomes("Most of it went through, with the fees rules deferred pending legal advice."),
            [DecisionOutcome::Deferred]
        );
        assert_eq!(
            outcomes("She asked that the ballot timetable be deferred to the spring."),
            []
        );
    }

    #[test]
    fn appointments_are_elections_and_two_in_one_sentence_are_two() {
        use DecisionOutcome::*;
        assert_eq!(
            outcomes("Sam Patel and Jo Reed were appointed as tellers."),
            [Elected]
        );
        assert_eq!(
            outcomes("We then, after a vote, appointed Sam Patel, Jo Reed and Al Grey as tellers."),
            [Elected]
        );
        let text = "Ann Lee was elected chair of the panel and Raj Shah was elected vice-chair of the panel.";
        let found = in_sentence(text, Span::new(0, text.len()));
        assert_eq!(found.len(), 2);
        assert!(text[found[0].span.start..found[0].span.end].contains("Ann Lee"));
        assert!(!text[found[0].span.start..found[0].span.end].contains("Raj Shah"));
        assert!(text[found[1].span.start..found[1].span.end].starts_with("Raj Shah"));
    }

    #[test]
    fn passed_agreed_by_the_nec_and_agreed_after_discussion_are_decisions() {
        use DecisionOutcome::*;
        assert_eq!(
            outcomes("The National Executive Committee (NEC) passed plans to merge two regions."),
            [Approved]
        );
        assert_eq!(
            outcomes("Forty new selections agreed and signed off by the NEC today."),
            [Agreed]
        );
        assert_eq!(
            outcomes("A new youth forum was discussed and agreed."),
            [Agreed]
        );
        assert_eq!(
            outcomes("We agreed dates for the regional hustings."),
            [Agreed]
        );
        assert_eq!(outcomes("Her case led to us agreeing the grant."), [Agreed]);
        assert_eq!(
            outcomes("The committee approved the code, after amending it to cover online events."),
            [Approved, Agreed]
        );
    }

    #[test]
    fn a_motion_that_fell_a_backed_plan_and_a_vote_in_favour_are_decisions() {
        use DecisionOutcome::*;
        assert_eq!(outcomes("The amendment fell by 9 votes to 15."), [Defeated]);
        assert_eq!(
            outcomes("The NEC rubber-stamped the selection timetable."),
            [Approved]
        );
        assert_eq!(
            outcomes("The committee backed plans to open two new offices."),
            [Approved]
        );
        assert_eq!(
            outcomes("The NEC voted in favour of a one-year pilot."),
            [Agreed]
        );
        assert_eq!(outcomes("Several unions backed the left slate."), []);
        assert_eq!(outcomes("Turnout fell sharply last year."), []);
    }

    #[test]
    fn agreement_with_a_view_remarks_and_other_bodies_are_not_decisions() {
        assert_eq!(outcomes("We agreed with the treasurer's assessment."), []);
        assert_eq!(outcomes("Some progress on selections was noted."), []);
        assert_eq!(
            outcomes("Papers on the regions were brought for noting."),
            []
        );
        assert_eq!(
            outcomes("The reports from the regional directors were noted."),
            [DecisionOutcome::Noted]
        );
        assert_eq!(
            outcomes("The new rules were agreed at conference last year."),
            []
        );
        assert_eq!(outcomes("Several hundred applicants were rejected."), []);
        assert_eq!(
            outcomes("As agreed last spring, the figures will be published."),
            []
        );
        assert_eq!(
            outcomes("The priorities, as agreed at the meeting, are these."),
            [DecisionOutcome::Agreed]
        );
    }

    #[test]
    fn a_re_mention_is_not_a_second_decision() {
        let text = "The NEC passed plans to cap delegations. The debate was long. The NEC voted by 20 to 10 in favour of the change.";
        let sentences = split(text);
        let first = &in_sentence(text, sentences[0])[0];
        let again = &in_sentence(text, sentences[2])[0];
        assert!(re_mentions(text, again, 2, first, 0));
        // Two elections, one after the other, are two decisions.
        let text = "This elected Ann Lee as chair. This elected Raj Shah as the new vice-chair.";
        let sentences = split(text);
        let first = &in_sentence(text, sentences[0])[0];
        let second = &in_sentence(text, sentences[1])[0];
        assert!(!re_mentions(text, second, 1, first, 0));
        // A proposal named afresh (`the proposal to ...`) is a new decision.
        let text = "The NEC agreed the budget. The proposal to close the office was also agreed.";
        let sentences = split(text);
        let first = &in_sentence(text, sentences[0])[0];
        let second = &in_sentence(text, sentences[1])[0];
        assert!(!re_mentions(text, second, 1, first, 0));
    }

    #[test]
    fn the_same_thing_named_twice_is_one_decided_thing() {
        assert!(same_thing(
            "a code of conduct for NEC members",
            "The code of conduct for NEC members"
        ));
        assert!(!same_thing(
            "a code of conduct for NEC members",
            "a code of conduct for staff"
        ));
        // Too few words to tell.
        assert!(!same_thing("the timetable", "the timetable"));
        assert!(!same_thing(
            "elected Ann Lee as chair of the panel",
            "elected Raj Shah as chair of the panel"
        ));
    }

    #[test]
    fn a_list_after_a_lead_in_is_a_list_of_decisions() {
        let text = "The items agreed were the following:\n·\nTo open selections in May.\n·\nTo cap delegations at six.\n\nThe meeting closed.";
        let lead = Span::new(0, text.find(":\n").unwrap() + 1);
        assert_eq!(lead_in(text, lead), Some(DecisionOutcome::Agreed));
        let first = text.find("To open").unwrap();
        let second = text.find("To cap").unwrap();
        let closed = text.find("The meeting").unwrap();
        let sentences = [
            lead,
            Span::new(first, text.find("May.").unwrap() + 4),
            Span::new(second, text.find("six.").unwrap() + 4),
            Span::new(closed, text.len()),
        ];
        assert!(bulleted(text, &sentences, 1));
        assert!(bulleted(text, &sentences, 2));
        assert!(!bulleted(text, &sentences, 3));
        assert!(after_blank_line(text, &sentences, 3));
        assert_eq!(lead_in(text, sentences[1]), None);
        assert_eq!(
            short_subject(
                text,
                &sentences,
                1,
                &listed(DecisionOutcome::Agreed, sentences[1])
            ),
            "open selections in May"
        );
    }

    #[test]
    fn a_subject_names_the_thing_decided() {
        assert_eq!(
            subjects("We approved a new policy on expenses, after a short debate."),
            ["a new policy on expenses"]
        );
        assert_eq!(
            subjects("A revised timetable for the youth elections was agreed."),
            ["A revised timetable for the youth elections"]
        );
        assert_eq!(
            subjects("It was agreed that the fees review would report in June."),
            ["the fees review would report in June"]
        );
        assert_eq!(
            subjects("After a long debate, a motion was agreed which set out new targets."),
            ["a motion which set out new targets"]
        );
        assert_eq!(
            subjects("Jo Bloggs was elected chair of the panel, replacing Sam Patel."),
            ["Jo Bloggs was elected chair of the panel"]
        );
        // Only counts: what passed is what its paragraph opens with.
        assert_eq!(
            subjects("Capping delegations at six. Passed by 12 votes to 9."),
            ["Capping delegations at six"]
        );
        // A word that points back: the sentence before too.
        assert_eq!(
            subjects("We proposed a cap. This was rejected."),
            ["We proposed a cap. This was rejected."]
        );
    }
}
