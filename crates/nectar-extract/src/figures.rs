//! Figures: what each stated quantity counts.
//!
//! The rule that matters most: a number is total party membership only when the words around
//! it say so (`N members`, `membership of N`, `membership was N`) and nothing says it counts
//! something narrower (joiners, leavers, arrears, attendees, voters, a ballot's electorate).

use std::sync::LazyLock;

use nectar_model::{Span, Unit};
use nectar_text::Quantity;
use regex::Regex;

use crate::knowledge::WORDS;

/// What a quantity counts, if anything worth a figure.
pub(crate) fn metric(text: &str, sentence: Span, q: &Quantity) -> Option<String> {
    let before = &text[sentence.start.min(q.span.start)..q.span.start];
    let after = &text[q.span.end..sentence.end.max(q.span.end)];
    let before = crate::tail_of(before, 90);
    let after = crate::head_of(after, 90);
    match q.unit {
        Unit::Percent => Some(percent_metric(after, before)),
        Unit::Gbp | Unit::Eur | Unit::Usd => Some(money_metric(before, after)),
        Unit::Count => count_metric(before, after, q.value),
    }
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

fn count_metric(before: &str, after: &str, value: f64) -> Option<String> {
    let metric = count_metric_any(before, after, value)?;
    (value >= 10.0 || WORDS.small_count_metrics.contains(&metric)).then_some(metric)
}

fn count_metric_any(before: &str, after: &str, value: f64) -> Option<String> {
    let national = (50_000.0..=2_000_000.0).contains(&value);
    if ARREARS_AFTER.is_match(after)
        || (before.to_lowercase().contains("arrears")
            && !after.to_lowercase().trim_start().starts_with("member"))
    {
        return Some("members_in_arrears".into());
    }
    if national && !NARROWER_BEFORE.is_match(before) {
        if MEMBERS_AFTER.is_match(after) && !NARROWER_AFTER.is_match(after) {
            return Some("membership".into());
        }
        if (MEMBERSHIP_BEFORE.is_match(before) || MEMBERSHIP_LOOSE.is_match(before))
            && !after.trim_start().to_lowercase().starts_with("new")
        {
            return Some("membership".into());
        }
    }
    let lower = after
        .trim_start_matches(|c: char| c.is_whitespace())
        .to_lowercase();
    let lower = lower.replace('\u{a0}', " ");
    for (noun, metric) in &WORDS.count_nouns {
        if lower.starts_with(noun.as_str())
            && lower[noun.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
        {
            return Some(metric.clone());
        }
    }
    if MEMBERS_AFTER.is_match(after) {
        let b = before.to_lowercase();
        if ["ballot", "electorate", "eligible"]
            .iter()
            .any(|w| b.contains(w))
            || after.to_lowercase().contains("eligible")
        {
            return Some("ballot_electorate".into());
        }
        return Some("members".into());
    }
    None
}

fn percent_metric(after: &str, before: &str) -> String {
    let a = after.to_lowercase();
    let b = before.to_lowercase();
    let rules: &[(&str, &str)] = &[
        ("joined since", "joined_since_percent"),
        ("have joined", "joined_since_percent"),
        ("donat", "members_donating_percent"),
        ("turnout", "turnout_percent"),
        ("women", "women_percent"),
        ("arrears", "members_in_arrears_percent"),
        ("of the vote", "vote_share_percent"),
        ("councillors", "councillors_percent"),
    ];
    for (word, metric) in rules {
        if a.contains(word) || b.contains(word) {
            return (*metric).into();
        }
    }
    "percentage".into()
}

fn money_metric(before: &str, after: &str) -> String {
    let a = after.to_lowercase();
    let b = before.to_lowercase();
    let both = format!("{b} {a}");
    let period = if a.starts_with(" a year")
        || a.starts_with(" per year")
        || a.starts_with(" per annum")
        || a.starts_with(" annually")
    {
        "_per_year"
    } else {
        ""
    };
    let rules: &[(&str, &str)] = &[
        ("lottery", "lottery_income"),
        ("per person", "cost_per_person"),
        ("a head", "cost_per_person"),
        ("per member", "per_member"),
        ("membership fee", "membership_fee"),
        ("subscription", "membership_fee"),
        ("deficit", "deficit"),
        ("debt", "debt"),
        ("surplus", "surplus"),
        ("donation", "donations"),
        ("raised", "funds_raised"),
        ("budget", "budget"),
        ("tax", "tax"),
        ("grant", "grants"),
    ];
    for (word, metric) in rules {
        if both.contains(word) {
            return format!("{metric}{period}");
        }
    }
    format!("money{period}")
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
        metric(sentence, Span::new(0, sentence.len()), &q)
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
}
