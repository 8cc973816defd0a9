//! Words that make a figure approximate: `over`, `around`, `nearly`.

use std::sync::LazyLock;

use nectar_model::{Qualifier, Span};
use regex::Regex;

use crate::pattern::{build, floor_boundary, is_hspace};

/// A qualifier phrase ending at the end of the haystack (then only space before the number).
static QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)(?:^|[^a-z0-9\x{2019}'])(?P<q>(?:just|well|slightly|far)%W(?:over|under|below|above|short%Wof|shy%Wof|more%Wthan|less%Wthan|fewer%Wthan)|shy%Wof|the%Wb(?:est|etter)%Wpart%Wof|more%Wthan|at%Wleast|in%Wexcess%Wof|upwards%Wof|over|above|greater%Wthan|an%Westimated|estimated|around|about|approximately|roughly|some|circa|almost|nearly|fewer%Wthan|less%Wthan|up%Wto|under|below|approx\.|c\.|ca\.|~)%w$",
    )
});

/// A verb before `up to` that makes it "risen to" (`is up to`, `has gone up to`).
static RISEN: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)(?-u:\b)(?:is|are|was|were|now|has%Wgone|have%Wgone|had%Wgone|gone|went|has%Wrisen|rose|risen|climbed|shot|jumped)%w$",
    )
});

/// The qualifier that immediately precedes byte `offset` of `text` (looking back over at most
/// about four words, across a hard line wrap but not a blank line), with the span of its words.
///
/// - `over`, `more than`, `at least`, `in excess of`, `upwards of`, `above`, `just over`,
///   `well over` → [`Qualifier::Over`]
/// - `around`, `about`, `approximately`, `roughly`, `some`, `circa`, `c.`, `approx.`,
///   `an estimated`, `~` → [`Qualifier::Around`]
/// - `under`, `below`, `almost`, `nearly`, `fewer than`, `less than`, `just short of`,
///   `just under`, `up to`, `the best part of` → [`Qualifier::Under`]
///
/// Returns `(Qualifier::Exact, None)` when there is none. Pass the offset where the figure
/// starts, its currency sign included (`over £300,000`: the offset of `£`).
///
/// ```
/// use nectar_model::Qualifier;
/// use nectar_text::qualifier_before;
/// let text = "we now have over 512,000 members";
/// let (q, span) = qualifier_before(text, text.find("512").unwrap());
/// assert_eq!(q, Qualifier::Over);
/// let span = span.unwrap();
/// assert_eq!(&text[span.start..span.end], "over");
/// ```
pub fn qualifier_before(text: &str, offset: usize) -> (Qualifier, Option<Span>) {
    const REACH: usize = 48;
    let offset = floor_boundary(text, offset);
    let mut lo = floor_boundary(text, offset.saturating_sub(REACH));
    if lo > 0 {
        // Start the window after a space so that `^` never falls inside a word.
        match text[lo..offset]
            .char_indices()
            .find(|&(_, c)| is_hspace(c) || c == '\n')
        {
            Some((k, c)) => lo += k + c.len_utf8(),
            None => return (Qualifier::Exact, None),
        }
    }
    let window = &text[lo..offset];
    let Some(caps) = QUALIFIER.captures(window) else {
        return (Qualifier::Exact, None);
    };
    let Some(q) = caps.name("q") else {
        return (Qualifier::Exact, None);
    };
    // Word qualifiers need a space before the number; "c.500" and "~500" do not.
    let words = q.as_str();
    let glued = q.end() == window.len();
    if glued && !(words.ends_with('.') || words.ends_with('~')) {
        return (Qualifier::Exact, None);
    }
    // "membership is up to 512,000", "has gone up to": risen to, not at most.
    if words.to_ascii_lowercase().starts_with("up") && RISEN.is_match(&window[..q.start()]) {
        return (Qualifier::Exact, None);
    }
    let span = Span::new(lo + q.start(), lo + q.end());
    (classify(words), Some(span))
}

fn classify(words: &str) -> Qualifier {
    let w = words.to_ascii_lowercase();
    let last = w
        .split(|c: char| !c.is_ascii_alphabetic())
        .find(|p| !p.is_empty() && !matches!(*p, "just" | "well" | "slightly" | "far" | "the"))
        .unwrap_or("");
    match last {
        "over" | "more" | "at" | "in" | "upwards" | "above" | "greater" => Qualifier::Over,
        "under" | "below" | "short" | "shy" | "less" | "fewer" | "almost" | "nearly" | "up"
        | "best" | "better" => Qualifier::Under,
        _ => Qualifier::Around,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_qualifiers() {
        let cases: &[(&str, Qualifier, &str)] = &[
            ("over 512,000", Qualifier::Over, "over"),
            ("Over 512,000", Qualifier::Over, "Over"),
            ("more than 500", Qualifier::Over, "more than"),
            ("more\u{a0}than 500", Qualifier::Over, "more\u{a0}than"),
            ("at least 40", Qualifier::Over, "at least"),
            ("in excess of £1m", Qualifier::Over, "in excess of"),
            ("upwards of 300", Qualifier::Over, "upwards of"),
            ("just over 300", Qualifier::Over, "just over"),
            ("well over\n300", Qualifier::Over, "well over"),
            ("around £40", Qualifier::Around, "around"),
            ("about 20", Qualifier::Around, "about"),
            ("approximately 20", Qualifier::Around, "approximately"),
            ("roughly 20", Qualifier::Around, "roughly"),
            ("some 5,000", Qualifier::Around, "some"),
            ("circa 20", Qualifier::Around, "circa"),
            ("c. 20", Qualifier::Around, "c."),
            ("c.20", Qualifier::Around, "c."),
            ("an estimated 20", Qualifier::Around, "an estimated"),
            ("under 27", Qualifier::Under, "under"),
            ("almost 20", Qualifier::Under, "almost"),
            ("nearly 20", Qualifier::Under, "nearly"),
            ("fewer than 20", Qualifier::Under, "fewer than"),
            ("less than 20", Qualifier::Under, "less than"),
            ("just short of 20", Qualifier::Under, "just short of"),
            ("just under 20", Qualifier::Under, "just under"),
            ("up to 20", Qualifier::Under, "up to"),
            ("just shy of 430,000", Qualifier::Under, "just shy of"),
            (
                "the best part of 6 hours",
                Qualifier::Under,
                "the best part of",
            ),
            (
                "the better part of 7",
                Qualifier::Under,
                "the better part of",
            ),
        ];
        for &(text, want, words) in cases {
            let offset = text
                .find(|c: char| c.is_ascii_digit() || c == '£')
                .unwrap_or(text.len());
            let (q, span) = qualifier_before(text, offset);
            assert_eq!(q, want, "{text}");
            let span = span.unwrap_or_default();
            assert_eq!(&text[span.start..span.end], words, "{text}");
        }
    }

    #[test]
    fn exact_when_no_qualifier() {
        for text in [
            "we have 500",
            "clover 500",
            "etc. 500",
            "handsome 500",
            "over\n\n500",
            "over500",
            "500",
            "",
        ] {
            let offset = text
                .find(|c: char| c.is_ascii_digit())
                .unwrap_or(text.len());
            assert_eq!(
                qualifier_before(text, offset),
                (Qualifier::Exact, None),
                "{text}"
            );
        }
        // Out-of-range offsets do not panic.
        assert_eq!(qualifier_before("over 5", 99).0, Qualifier::Exact);
        assert_eq!(qualifier_before("é over ü", 3).0, Qualifier::Exact);
    }

    #[test]
    fn looks_back_in_long_text() {
        let text = "A long sentence that goes on and on for quite a while with nearly 20 items";
        let offset = text.find("20").unwrap_or(0);
        assert_eq!(qualifier_before(text, offset).0, Qualifier::Under);
    }

    #[test]
    fn up_to_after_a_verb_of_rising_is_exact() {
        for text in [
            "Membership is up to 512,000",
            "membership has gone up to 512,000",
        ] {
            assert_eq!(
                qualifier_before(text, text.find("512").unwrap()),
                (Qualifier::Exact, None),
                "{text}"
            );
        }
        let text = "up to 20 delegates";
        assert_eq!(
            qualifier_before(text, text.find("20").unwrap()).0,
            Qualifier::Under
        );
    }
}
