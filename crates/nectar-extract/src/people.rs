//! People: names resolved against the people of `data/people.toml` (aliases and dated roles),
//! with the roles the text gives them.
//!
//! A first name alone (`Keir`) resolves only to someone who held a role on the report's date,
//! and only where no surname follows it. A name that is not in the table is kept as written
//! when the text gives it a role; it is never guessed into someone else.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;
use nectar_model::{Evidence, PersonMention, Span};
use regex::Regex;

use crate::knowledge::{WORDS, people as table};

/// Full names and aliases, each pointing at its person.
static FULL: LazyLock<(AhoCorasick, Vec<usize>)> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut owners = Vec::new();
    for (i, p) in table().iter().enumerate() {
        for name in std::iter::once(&p.name).chain(p.aliases.iter()) {
            patterns.push(name.as_str());
            owners.push(i);
        }
    }
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .expect("valid patterns");
    (ac, owners)
});

/// [`WORDS`]' role words as one alternation, each space any run of spaces.
static ROLE_WORDS: LazyLock<String> = LazyLock::new(|| {
    let words: Vec<String> = WORDS
        .role_words
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"[\s\u{a0}]+"))
        .collect();
    format!("(?:{})", words.join("|"))
});

static ROLE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(&format!(
        r"^(?:['’]s?)?(?:[\s\u{{a0}}]+MP)?(?:,[\s\u{{a0}}]*(?:the|our|as)[\s\u{{a0}}]+|,?[\s\u{{a0}}]+(?:as|reported[\s\u{{a0}}]+as|in[\s\u{{a0}}]+(?:his|her|their)[\s\u{{a0}}]+new[\s\u{{a0}}]+role[\s\u{{a0}}]+as|report[\s\u{{a0}}]+as|from)[\s\u{{a0}}]+(?:the[\s\u{{a0}}]+)?(?:new[\s\u{{a0}}]+)?|[\s\u{{a0}}]*\()((?:[\w&’'-]+[\s\u{{a0}}]+){{0,4}}?(?i:{})\b)",
        *ROLE_WORDS
    ))
    .expect("valid regex")
});

static ROLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(
        r"((?:[A-Z][\w’'-]*|&)(?:[\s\u{a0}]+(?:[A-Z][\w’'-]*|&|on|of|the|for|and)){0,6}),?[\s\u{a0}]+$",
    )
    .expect("valid regex")
});

/// `the outgoing chair NAME`, `our new general secretary NAME`: a lower-case role after an
/// article, ending in a role word.
static ROLE_AFTER_THE: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(&format!(
        r"(?i:\bthe|\bour|\btheir)[\s\u{{a0}}]+((?:[\w’'-]+[\s\u{{a0}}]+){{0,3}}{}),?[\s\u{{a0}}]+$",
        *ROLE_WORDS
    ))
    .expect("valid regex")
});

static HAS_ROLE_WORD: LazyLock<Regex> =
    LazyLock::new(|| crate::regex(&format!(r"(?i)\b{}\b", *ROLE_WORDS)).expect("valid regex"));

static UNKNOWN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"\b[A-Z][a-z]+(?:[\s\u{a0}]+(?:Mc|Mac|O['’])?[A-Z][a-z]+){1,2}\b")
        .expect("valid regex")
});

/// Finds the people a span of text names, one mention each, with roles.
pub(crate) fn people(text: &str, span: Span, on: Option<NaiveDate>) -> Vec<PersonMention> {
    let slice = &text[span.start..span.end];
    let mut found: Vec<(Option<usize>, Span, String, &str)> = Vec::new();
    let (ac, owners) = &*FULL;
    for m in ac.find_iter(slice) {
        if word_bounded(slice, m.start(), m.end()) {
            let who = owners[m.pattern().as_usize()];
            found.push((
                Some(who),
                Span::new(span.start + m.start(), span.start + m.end()),
                table()[who].name.clone(),
                "curated_name",
            ));
        }
    }
    // First names alone, for people who held a role on the report's date.
    if let Some(day) = on {
        for (i, p) in table().iter().enumerate() {
            if !p.first_name_alone || p.role_on(day).is_none() {
                continue;
            }
            let first = p.first_name();
            for (at, _) in slice.match_indices(first) {
                let end = at + first.len();
                if !word_bounded(slice, at, end) || followed_by_capital(&slice[end..]) {
                    continue;
                }
                let abs = Span::new(span.start + at, span.start + end);
                if !found.iter().any(|(_, s, _, _)| s.contains(abs)) {
                    found.push((Some(i), abs, p.name.clone(), "curated_first_name"));
                }
            }
        }
    }
    // Names not in the table, kept where the text gives them a role.
    for m in UNKNOWN_NAME.find_iter(slice) {
        let abs = Span::new(span.start + m.start(), span.start + m.end());
        if found
            .iter()
            .any(|(_, s, _, _)| s.start < abs.end && abs.start < s.end)
        {
            continue;
        }
        if m.as_str()
            .split_whitespace()
            .any(|w| WORDS.not_names.contains(w))
            || slice[..m.start()].trim_end().ends_with('&')
        {
            continue;
        }
        if role_near(text, abs).is_some() {
            found.push((
                None,
                abs,
                m.as_str().split_whitespace().collect::<Vec<_>>().join(" "),
                "named_with_role",
            ));
        }
    }
    found.sort_by_key(|(_, s, _, _)| s.start);
    let mut out: Vec<PersonMention> = Vec::new();
    for (who, at, name, rule) in found {
        let role = role_near(text, at);
        if let Some(existing) = out.iter_mut().find(|p| p.name == name) {
            if existing.role.is_none() && role.is_some() {
                existing.role = role;
            }
            continue;
        }
        let person = who.map(|i| &table()[i]);
        let role = role.or_else(|| {
            person
                .and_then(|p| on.and_then(|d| p.role_on(d)))
                .map(str::to_owned)
        });
        out.push(PersonMention {
            person_id: person.map(|p| p.id.to_owned()),
            name,
            role,
            evidence: Evidence {
                span: at,
                quote: text[at.start..at.end].to_owned(),
            },
            provenance: crate::provenance::by(&format!("people.{rule}")),
        });
    }
    out
}

fn word_bounded(s: &str, start: usize, end: usize) -> bool {
    let before = s[..start].chars().next_back();
    let after = s[end..].chars().next();
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
}

fn followed_by_capital(rest: &str) -> bool {
    let mut chars = rest.chars();
    matches!(chars.next(), Some(' ') | Some('\u{a0}'))
        && chars.next().is_some_and(char::is_uppercase)
}

/// The role the text gives a name at `at`: after it (`NAME, the ROLE`, `NAME as ROLE`,
/// `NAME (ROLE)`) or before it (`ROLE NAME`, `ROLE, NAME`).
fn role_near(text: &str, at: Span) -> Option<String> {
    let after = crate::head_of(&text[at.end..], 80);
    if let Some(c) = ROLE_AFTER.captures(after) {
        return Some(clean(&c[1]));
    }
    let before = crate::tail_of(&text[..at.start], 70);
    let candidates = [&*ROLE_BEFORE, &*ROLE_AFTER_THE]
        .into_iter()
        .filter_map(|re| re.captures(before).map(|c| c[1].trim().to_owned()));
    for role in candidates {
        let last = role.rsplit(char::is_whitespace).next().unwrap_or("");
        let connector = WORDS.connectors.contains(&last.to_lowercase());
        if HAS_ROLE_WORD.is_match(&role) && !connector {
            return Some(clean(&role));
        }
    }
    None
}

fn clean(role: &str) -> String {
    role.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches([',', '.', ')'])
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str, on: &str) -> Vec<(String, Option<String>)> {
        people(
            text,
            Span::new(0, text.len()),
            NaiveDate::parse_from_str(on, "%Y-%m-%d").ok(),
        )
        .into_iter()
        .map(|p| (p.name, p.role))
        .collect()
    }

    #[test]
    fn first_names_resolve_only_in_office() {
        let got = names("Keir gave his report. Angela spoke.", "2021-02-11");
        assert_eq!(got[0], ("Keir Starmer".into(), Some("Leader".into())));
        assert_eq!(
            got[1],
            ("Angela Rayner".into(), Some("Deputy Leader".into()))
        );
        assert!(names("Keir gave his report.", "2012-01-01").is_empty());
        assert!(
            names("Ed Balls spoke.", "2012-01-01")
                .iter()
                .all(|(n, _)| n != "Ed Miliband")
        );
    }

    #[test]
    fn roles_from_text() {
        let got = names(
            "Next, Deputy Campaign Coordinator Jo Bloggs MP reported. Sam Smith, the compliance director, spoke. Wendy Nichols (Unison) joined.",
            "2020-01-01",
        );
        assert!(
            got.contains(&(
                "Jo Bloggs".into(),
                Some("Deputy Campaign Coordinator".into())
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&("Sam Smith".into(), Some("compliance director".into()))),
            "{got:?}"
        );
        assert!(
            got.contains(&("Wendy Nichols".into(), Some("Unison".into()))),
            "{got:?}"
        );
    }
}
