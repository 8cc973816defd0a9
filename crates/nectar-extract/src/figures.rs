//! Figures: what each stated quantity counts.
//!
//! The rule that matters most: a number is total party membership only when the words around
//! it say so (`N members`, `membership of N`, `membership was N`) and nothing says it counts
//! something narrower (joiners, leavers, arrears, attendees, voters, a ballot's electorate).

use std::sync::LazyLock;

use nectar_model::{Metric, Span, Unit};
use nectar_text::Quantity;
use regex::Regex;

use crate::knowledge::WORDS;

/// A metric's name and the cue that gave it (the rule's name in `data/rules.toml`, after
/// `figures.`).
type Found = (String, &'static str);

/// What a quantity counts, if anything worth a figure, and the cue that says so.
pub(crate) fn metric(text: &str, sentence: Span, q: &Quantity) -> Option<(Metric, &'static str)> {
    let before = &text[sentence.start.min(q.span.start)..q.span.start];
    let after = &text[q.span.end..sentence.end.max(q.span.end)];
    let before = crate::tail_of(before, 90);
    let after = crate::head_of(after, 90);
    let (name, cue) = match q.unit {
        Unit::Percent => percent_metric(after, before),
        Unit::Gbp | Unit::Eur | Unit::Usd => money_metric(before, after),
        Unit::Count => count_metric(before, after, q.value),
    }?;
    Some((Metric::from_name(&name)?, cue))
}

fn re(p: &str) -> Regex {
    crate::regex(p).expect("valid regex")
}

static NARROWER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^[\s\u{a0}]*(?:new[\s\u{a0}]+|extra[\s\u{a0}]+|more[\s\u{a0}]+|additional[\s\u{a0}]+|fewer[\s\u{a0}]+|eligible[\s\u{a0}]+)?(?:party[\s\u{a0}]+|labour[\s\u{a0}]+|individual[\s\u{a0}]+)?members?\b[^.;,]{0,40}?\b(?:had[\s\u{a0}]+registered|registered|joined|have[\s\u{a0}]+joined|left|lapsed|resigned|in[\s\u{a0}]+arrears|voted|attended|took[\s\u{a0}]+part|signed|responded|took|donat\w*|were[\s\u{a0}]+balloted|eligible|could[\s\u{a0}]+vote)",
    )
});

static MEMBERS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^[\s\u{a0}]*(?:(?:fully[\s\u{a0}]+)?paid[\s\u{a0}-]+up[\s\u{a0}]+|individual[\s\u{a0}]+|party[\s\u{a0}]+|labour[\s\u{a0}]+)*members\b",
    )
});

static NARROWER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:new|joined|joiners|leavers|lost|gained|recruited|extra|additional|another|arrears|electorate|ballot|balloted|turnout|votes?|voters?|registered|attend\w*|delegates?|staff|clp|branch|region(?:al)?|youth|young|students?|affiliated|supporters?|increase[sd]?|rise|fall|fell|drop(?:ped)?|union['’]s|unions['’]?|federation['’]s)\b[^,;.]{0,25}$",
    )
});

static MEMBERSHIP_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:party|labour|total|national|individual|overall)[\s\u{a0}]+)?membership(?:[\s\u{a0}]+figures?|[\s\u{a0}]+numbers?|[\s\u{a0}]+total)?[\s\u{a0},]*(?:(?:which|that)[\s\u{a0}]+)?(?:is|was|were|stood[\s\u{a0}]+at|stands[\s\u{a0}]+at|of|at|now|currently|had[\s\u{a0}]+reached|has[\s\u{a0}]+reached|reached|had[\s\u{a0}]+fallen[\s\u{a0}]+to|had[\s\u{a0}]+risen[\s\u{a0}]+to|has[\s\u{a0}]+fallen[\s\u{a0}]+to|has[\s\u{a0}]+risen[\s\u{a0}]+to|fell[\s\u{a0}]+to|rose[\s\u{a0}]+to|totalled|totals|:|[\s\u{a0}]|now|still)*[\s\u{a0}]*$",
    )
});

/// Looser: `membership ... is|was|stood at ... [up to three words]` right before the number
/// (`membership at the end of 2011 was`, `membership is a little over`).
static MEMBERSHIP_LOOSE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bmembership\b[^.;]{0,50}?(?:\b(?:is|was|were|stood[\s\u{a0}]+at|stands[\s\u{a0}]+at|now|reached|totalled|totals|fell[\s\u{a0}]+to|rose[\s\u{a0}]+to|fallen[\s\u{a0}]+to|risen[\s\u{a0}]+to|total[\s\u{a0}]+of|gone|went|grown|grew|increased|climbed|dropped|decreased|declined)\b|:)[\s\u{a0}]*(?:[a-z’'-]+[\s\u{a0}]+){0,3}$",
    )
});

static ARREARS_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^[^.;\d]{0,30}\bin[\s\u{a0}]+arrears\b"));

/// `including (those|members) in arrears`: a total that holds the arrears, not the arrears.
static INCLUDING_ARREARS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:includ\w*|with|plus|counting)\b[^.;\d]{0,25}\barrears\b"));

/// A whole-word, caseless alternation of `words` (a space matches any space).
fn words_re(words: &[String], prefix: &str, suffix: &str) -> Regex {
    let alt: Vec<String> = words
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"[\s\u{a0}]+"))
        .collect();
    re(&format!(r"(?i){prefix}(?:{})\b{suffix}", alt.join("|")))
}

static NOT_PARTY: LazyLock<Regex> = LazyLock::new(|| words_re(&WORDS.not_party_words, r"\b", ""));

static MONEY_WORDS: LazyLock<Regex> = LazyLock::new(|| words_re(&WORDS.money_words, r"\b", ""));

static CASE_WORDS: LazyLock<Regex> = LazyLock::new(|| words_re(&WORDS.case_words, r"\b", ""));

static LOSS_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| words_re(&WORDS.loss_words, r"\b", r"[\s\u{a0}]*$"));

/// `N [party] members [had been|were ...] VERB` or `N [had been|were ...] VERB`.
static MEMBER_VERB: LazyLock<Regex> = LazyLock::new(|| {
    let verbs: Vec<String> = WORDS.member_verbs.iter().map(|(v, _)| v.clone()).collect();
    words_re(
        &verbs,
        r"^[\s\u{a0}]*(?:(?:party|labour|individual)[\s\u{a0}]+)?(?:members[\s\u{a0}]+|people[\s\u{a0}]+)?(?:(?:had|have|has|were|was|are|been|already|now|automatically)[\s\u{a0}]+){0,3}(",
        ")",
    )
});

/// The metric of the first count noun `text` starts with.
fn count_noun(text: &str) -> Option<String> {
    WORDS
        .count_nouns
        .iter()
        .find(|(noun, _)| {
            text.starts_with(noun.as_str())
                && text[noun.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
        .map(|(_, metric)| metric.clone())
}

/// Words joined by `and` before a noun (`union and socialist society`), lowercase.
static PAIRED_MODIFIERS: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:[a-z-]+ ){1,3}and "));

/// `attendance [...] would be|was|reached` right before the count.
static NOUN_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let nouns: Vec<String> = WORDS.before_nouns.iter().map(|(n, _)| n.clone()).collect();
    words_re(
        &nouns,
        r"\b(",
        r")[^.;:\d]{0,60}\b(?:is|was|were|would[\s\u{a0}]+be|will[\s\u{a0}]+be|reached|totalled|stood[\s\u{a0}]+at)[\s\u{a0}]*$",
    )
});

/// The metric a verb after a count gives (`1,000 members were expelled`: cases).
fn member_verb(after: &str) -> Option<String> {
    let c = MEMBER_VERB.captures(after)?;
    let verb = c.get(1)?.as_str().to_lowercase();
    let verb = verb.split_whitespace().collect::<Vec<_>>().join(" ");
    WORDS
        .member_verbs
        .iter()
        .find(|(v, _)| *v == verb)
        .map(|(_, m)| m.clone())
}

fn count_metric(before: &str, after: &str, value: f64) -> Option<Found> {
    let found = count_metric_any(before, after, value)?;
    (value >= 10.0 || WORDS.small_count_metrics.contains(&found.0)).then_some(found)
}

fn count_metric_any(before: &str, after: &str, value: f64) -> Option<Found> {
    let national = (50_000.0..=2_000_000.0).contains(&value);
    let includes_arrears = INCLUDING_ARREARS.is_match(after) || INCLUDING_ARREARS.is_match(before);
    if !includes_arrears
        && (ARREARS_AFTER.is_match(after)
            || (before.to_lowercase().contains("arrears")
                && !after.to_lowercase().trim_start().starts_with("member")))
    {
        return Some(("members_in_arrears".into(), "arrears"));
    }
    if LOSS_BEFORE.is_match(before) {
        let a = after.trim_start().to_lowercase();
        let word = a.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        // `lost 10,000 members`, `a loss of 68,000.`, `a loss of 68,000 since May`; not
        // `lost 3 seats`.
        // Not a vote's count: `our proposal was lost 14–17`.
        let punctuation = a.is_empty() || a.starts_with(['.', ',', ';', ':', ')', '(']);
        if a.starts_with("members")
            || (word.is_empty() && punctuation)
            || [
                "since", "in", "over", "or", "and", "from", "this", "last", "between", "during",
                "on", "compared", "to",
            ]
            .contains(&word)
        {
            return Some(("leavers".into(), "loss"));
        }
    }
    if national && !NARROWER_BEFORE.is_match(before) {
        if MEMBERS_AFTER.is_match(after) && (includes_arrears || !NARROWER_AFTER.is_match(after)) {
            return Some(("membership".into(), "members_after"));
        }
        if (MEMBERSHIP_BEFORE.is_match(before) || MEMBERSHIP_LOOSE.is_match(before))
            && !after.trim_start().to_lowercase().starts_with("new")
        {
            return Some(("membership".into(), "membership_before"));
        }
    }
    let lower = after
        .trim_start_matches(|c: char| c.is_whitespace())
        .to_lowercase();
    // One space between words, whatever the page's line breaks.
    let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(metric) = count_noun(&lower) {
        return Some((metric, "count_noun"));
    }
    // `N union and socialist society delegates`: the noun after a pair of modifiers.
    if let Some(m) = PAIRED_MODIFIERS.find(&lower) {
        let mut rest = &lower[m.end()..];
        for _ in 0..=3 {
            if let Some(metric) = count_noun(rest) {
                return Some((metric, "paired_noun"));
            }
            match rest.split_once(' ') {
                Some((word, more)) if word.chars().all(|c| c.is_alphabetic() || c == '-') => {
                    rest = more;
                }
                _ => break,
            }
        }
    }
    // `attendance ... would be N`.
    if let Some(c) = NOUN_BEFORE.captures(before) {
        let noun = c[1].to_lowercase();
        return WORDS
            .before_nouns
            .iter()
            .find(|(n, _)| *n == noun)
            .map(|(_, m)| (m.clone(), "noun_before"));
    }
    if let Some(metric) = member_verb(after) {
        return Some((metric, "member_verb"));
    }
    if MEMBERS_AFTER.is_match(after) {
        let b = before.to_lowercase();
        if ["ballot", "electorate", "eligible"]
            .iter()
            .any(|w| b.contains(w))
            || after.to_lowercase().contains("eligible")
        {
            return Some(("ballot_electorate".into(), "ballot_members"));
        }
    }
    // Any other count of members (a union's, a group's, a handful who voted) is no figure.
    None
}

/// `of (the) (party's) members`, `of whom`, `of these`: a share of the members.
static OF_MEMBERS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^[\s\u{a0}]*(?:of[\s\u{a0}]+(?:the[\s\u{a0}]+|our[\s\u{a0}]+)?(?:party['’]?s?[\s\u{a0}]+|labour[\s\u{a0}]+|individual[\s\u{a0}]+|new[\s\u{a0}]+|all[\s\u{a0}]+)*members\b|of[\s\u{a0}]+(?:whom|these|them)\b|[a-z]+[\s\u{a0}]+members\b)",
    )
});

fn percent_metric(after: &str, before: &str) -> Option<Found> {
    let a = after.to_lowercase();
    let b = before.to_lowercase();
    if NOT_PARTY.is_match(&a) || NOT_PARTY.is_match(&b) {
        return None;
    }
    let (metric, cue) = if a.contains("turnout") || b.contains("turnout") {
        ("ballot_turnout", "percent_turnout")
    } else if OF_MEMBERS.is_match(after) {
        ("members_percent", "percent_of_members")
    } else if CASE_WORDS.is_match(&a) || CASE_WORDS.is_match(&b) {
        ("cases", "percent_cases")
    } else if MONEY_WORDS.is_match(&a) || MONEY_WORDS.is_match(&b) {
        ("money", "percent_money")
    } else {
        ("other", "percent_other")
    };
    Some((metric.into(), cue))
}

fn money_metric(before: &str, after: &str) -> Option<Found> {
    (!NOT_PARTY.is_match(before) && !NOT_PARTY.is_match(after)).then(|| ("money".into(), "money"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metric_of(sentence: &str, number: &str) -> Option<String> {
        let at = sentence.find(number).expect("number in sentence");
        let q = nectar_text::find_quantities(sentence)
            .into_iter()
            .find(|q| q.span.start <= at && at < q.span.end)
            .expect("a quantity there");
        metric(sentence, Span::new(0, sentence.len()), &q).map(|(m, _)| m.as_str().to_owned())
    }

    #[test]
    fn arrears_belong_to_their_own_number() {
        let s = "Membership is now around 190,000, of whom 9,000 are in arrears.";
        assert_eq!(metric_of(s, "190,000").as_deref(), Some("membership"));
        assert_eq!(metric_of(s, "9,000").as_deref(), Some("members_in_arrears"));
    }

    #[test]
    fn other_bodies_members_are_not_party_membership() {
        let s = "Our union’s 1.2 million members are affiliated to the party.";
        assert_ne!(metric_of(s, "1.2").as_deref(), Some("membership"));
        let s = "The party has 552,000 members.";
        assert_eq!(metric_of(s, "552,000").as_deref(), Some("membership"));
    }

    #[test]
    fn membership_that_went_up_or_down() {
        for s in [
            "Membership has gone up to 512,000.",
            "Membership went down to 498,000 over the summer.",
            "Membership has grown to 530,000.",
        ] {
            let n = s
                .split(' ')
                .find(|w| w.starts_with(char::is_numeric))
                .unwrap_or("");
            assert_eq!(metric_of(s, n).as_deref(), Some("membership"), "{s}");
        }
    }

    fn metric_at(sentence: &str, number: &str) -> Option<String> {
        metric_of(sentence, number)
    }

    #[test]
    fn every_metric_is_of_the_closed_vocabulary() {
        for (s, n) in [
            ("The party has 552,000 members.", "552,000"),
            ("About 40 members had been suspended by the panel.", "40"),
            ("We were told 30% of members donate each month.", "30%"),
            ("The appeal raised £12,000 for the fund.", "12,000"),
            ("The ballot had a turnout of 31%.", "31%"),
            ("Some 700 complaints were outstanding.", "700"),
        ] {
            let m = metric_at(s, n).expect(s);
            assert!(Metric::NAMES.contains(&m.as_str()), "{s}: {m}");
        }
    }

    #[test]
    fn counts_of_members_by_what_happened_to_them() {
        let cases = [
            (
                "Around 300 members were expelled last year.",
                "300",
                Some("cases"),
            ),
            (
                "About 450 were excluded after the hearings.",
                "450",
                Some("cases"),
            ),
            (
                "Over the spring 12,000 new members came in.",
                "12,000",
                Some("joiners"),
            ),
            (
                "The party lost around 7,000 members over the summer.",
                "7,000",
                Some("leavers"),
            ),
            (
                "That is a loss of 41,000 since the spring.",
                "41,000",
                Some("leavers"),
            ),
            (
                "We heard 2,100 members had registered to attend.",
                "2,100",
                Some("attendance"),
            ),
            ("A group of 12 members opposed the change.", "12", None),
            ("Then 14 voted against the motion.", "14", None),
            (
                "Unions with more than 200,000 members may send more.",
                "200,000",
                None,
            ),
        ];
        for (s, n, want) in cases {
            assert_eq!(metric_at(s, n).as_deref(), want, "{s}");
        }
    }

    #[test]
    fn party_statistics_by_their_noun() {
        let cases = [
            (
                "Some 480 CLPs sent 700 delegates to conference.",
                "480",
                "clps",
            ),
            (
                "Some 480 CLPs sent 700 delegates to conference.",
                "700",
                "delegates",
            ),
            ("The region will recruit 12 new organisers.", "12", "staff"),
            (
                "There were 1,900 submissions to the review.",
                "1,900",
                "other",
            ),
            (
                "Of 650,000 ballots issued, 120,000 were cast.",
                "650,000",
                "ballot_electorate",
            ),
            (
                "Of 650,000 ballots issued, 120,000 were cast.",
                "120,000",
                "votes_cast",
            ),
            ("The panels have heard over 250 cases.", "250", "cases"),
            (
                "Over 900 signed up for the first online session.",
                "900",
                "attendance",
            ),
        ];
        for (s, n, want) in cases {
            assert_eq!(metric_at(s, n).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn figures_not_about_the_party_are_none() {
        for (s, n) in [
            ("Their plan to cut VAT to 7% for builders was costed.", "7%"),
            ("The government promised £30 billion in tax cuts.", "30"),
            (
                "About 4,000 councillors are up for election next May.",
                "4,000",
            ),
            ("All six seats were won by the slate.", "six"),
            ("The party polled 3% better where organisers worked.", "3%"),
            ("We may submit two motions this year.", "two"),
            (
                "A nominee needs the backing of 15% of the PLP, a higher threshold.",
                "15%",
            ),
        ] {
            assert_eq!(metric_at(s, n), None, "{s}");
        }
    }

    #[test]
    fn shares_of_members_cases_and_turnout() {
        let s = "Membership is 420,000, 25% of whom joined this year.";
        assert_eq!(metric_at(s, "25%").as_deref(), Some("members_percent"));
        let s = "Of the 3,000 cases received, 95% had now been concluded.";
        assert_eq!(metric_at(s, "95%").as_deref(), Some("cases"));
        let s = "The leadership ballot saw a turnout of 62%.";
        assert_eq!(metric_at(s, "62%").as_deref(), Some("ballot_turnout"));
        let s = "Each branch will keep 40% of the income from the raffle.";
        assert_eq!(metric_at(s, "40%").as_deref(), Some("money"));
        let s = "So far 71% of target seat selections are complete.";
        assert_eq!(metric_at(s, "71%").as_deref(), Some("other"));
    }

    #[test]
    fn membership_in_words_k_and_with_its_arrears() {
        for (s, n) in [
            ("Membership now stands at 430k.", "430k"),
            ("The party has half a million members.", "half"),
            (
                "The party has 450,000 members including those in arrears.",
                "450,000",
            ),
            (
                "Membership, including members in arrears, was 470,000.",
                "470,000",
            ),
        ] {
            assert_eq!(metric_at(s, n).as_deref(), Some("membership"), "{s}");
        }
        let s = "There were 10k new members in the spring.";
        assert_eq!(metric_at(s, "10k").as_deref(), Some("joiners"));
        let s = "A ballot electorate of 510,000 members was balloted.";
        assert_ne!(metric_at(s, "510,000").as_deref(), Some("membership"));
    }
}
