//! The role the author of a report gives themself: `as a CLP representative I ...`, `As one
//! of the CLP representatives, I ...`, `I was elected treasurer of the NEC`, or the
//! sender of a union's bulletin (`From the FPTW political department, on behalf of ...`).

use std::sync::LazyLock;

use nectar_model::{Origin, Sourced, Span};
use regex::Regex;

/// The nouns a role ends with.
const ROLE: &str = r"(?:representatives?|reps?|member|chair|vice-chair|treasurer|secretary|delegates?|officers?|councillor)";

/// `as a CLP representative I`, `As one of the CLP representatives, I`.
static AS_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(&format!(
        r"\b[Aa]s[\s\u{{a0}}]+(?:one[\s\u{{a0}}]+of[\s\u{{a0}}]+(?:the|your)|a|an|your|the)[\s\u{{a0}}]+((?:(?:[A-Z][\w’'-]*|elected|national|local)[\s\u{{a0}}]+){{0,3}}{ROLE})[,\s\u{{a0}}]+(?:I|we)\b"
    ))
    .expect("valid regex")
});

/// `I was (proud to be) re-elected treasurer of the NEC` (`NEC treasurer`).
static ELECTED: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(&format!(
        r"\bI[\s\u{{a0}}]+(?:was|have[\s\u{{a0}}]+been|am)[\s\u{{a0}}]+(?:\w+[\s\u{{a0}}]+to[\s\u{{a0}}]+be[\s\u{{a0}}]+)?(?:re-)?elected[\s\u{{a0}}]+(?:as[\s\u{{a0}}]+)?(?:the[\s\u{{a0}}]+)?({ROLE})(?:[\s\u{{a0}}]+of[\s\u{{a0}}]+the[\s\u{{a0}}]+(?:Labour[\s\u{{a0}}]+)?(NEC)\b)?"
    ))
    .expect("valid regex")
});

/// `From the FPTW political department, on behalf of our representatives ...` on a line of
/// its own.
static FROM: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(
        r"(?m)^From[\s\u{a0}]+the[\s\u{a0}]+([^,\n]{2,60}?(?:department|office|team)),?[\s\u{a0}]+on[\s\u{a0}]+behalf[\s\u{a0}]+of\b",
    )
    .expect("valid regex")
});

/// The author's role stated in `text[body]` (or in the lines just before it), first stated.
pub(crate) fn author_role(text: &str, body: Span) -> Option<Sourced<String>> {
    let found = |re: &Regex, from: usize, to: usize| {
        re.captures(&text[from..to]).map(|c| {
            let role = c.get(1).expect("a role");
            let span = Span::new(from + role.start(), from + role.end());
            let words: Vec<&str> = role.as_str().split_whitespace().collect();
            let mut value = words.join(" ");
            if c.get(2).is_some() {
                value = format!("NEC {value}");
            }
            let evidence = crate::evidence(text, span);
            Sourced {
                value,
                origin: Origin::Text,
                evidence: Some(evidence),
            }
        })
    };
    let mut all: Vec<Sourced<String>> = [&*AS_ROLE, &*ELECTED]
        .into_iter()
        .filter_map(|re| found(re, body.start, body.end))
        .collect();
    // A sender's line stands above the body or at its top.
    all.extend(found(&FROM, 0, body.end));
    all.into_iter()
        .min_by_key(|r| r.evidence.as_ref().map_or(usize::MAX, |e| e.span.start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(text: &str) -> Option<String> {
        author_role(text, Span::new(0, text.len())).map(|r| r.value)
    }

    #[test]
    fn reads_a_role_the_author_gives_themself() {
        assert_eq!(
            role("It was a full agenda, and as a CLP representative I want to explain it.")
                .as_deref(),
            Some("CLP representative")
        );
        assert_eq!(
            role("As one of the CLP representatives, I want to say what was agreed.").as_deref(),
            Some("CLP representatives")
        );
        assert_eq!(
            role("Last week I was proud to be re-elected treasurer of the NEC.").as_deref(),
            Some("NEC treasurer")
        );
        assert_eq!(
            role("Union news\nFrom the ABC political department, on behalf of our reps\nText.")
                .as_deref(),
            Some("ABC political department")
        );
    }

    #[test]
    fn reads_no_role_where_none_is_stated() {
        assert_eq!(role("As a result, I think the NEC was right."), None);
        assert_eq!(
            role("As a member of the public would say, it went well."),
            None
        );
        assert_eq!(role("Margaret was elected chair of the NEC."), None);
    }
}
