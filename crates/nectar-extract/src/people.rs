//! People: names resolved against a small curated table of people, aliases and dated roles,
//! with the roles the text gives them.
//!
//! A first name alone (`Keir`) resolves only to someone who held a leading role on the
//! report's date, and only where no surname follows it. A name that is not in the table is
//! kept as written when the text gives it a role; it is never guessed into someone else.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;
use nectar_model::{Evidence, PersonMention, Span};
use regex::Regex;

/// A role someone held from one date to another.
#[derive(Debug, Clone, Copy)]
pub struct Tenure {
    /// The role.
    pub role: &'static str,
    /// First day (`YYYY-MM-DD`).
    pub from: &'static str,
    /// Last day, or empty while it lasts.
    pub to: &'static str,
}

/// A person in the curated table.
#[derive(Debug, Clone, Copy)]
pub struct Person {
    /// Stable ID (`keir-starmer`).
    pub id: &'static str,
    /// Full name.
    pub name: &'static str,
    /// Other full forms (`Dame Margaret Beckett`).
    pub aliases: &'static [&'static str],
    /// Whether the first name alone means this person while they hold a role.
    pub first_name_alone: bool,
    /// Roles with dates.
    pub roles: &'static [Tenure],
}

const fn t(role: &'static str, from: &'static str, to: &'static str) -> Tenure {
    Tenure { role, from, to }
}

macro_rules! person {
    ($id:literal, $name:literal, [$($alias:literal),*], $first:literal, [$($role:expr),*]) => {
        Person { id: $id, name: $name, aliases: &[$($alias),*], first_name_alone: $first, roles: &[$($role),*] }
    };
}

/// The curated table: Labour's leaders, deputies, general secretaries, NEC chairs and the
/// people NEC reports name most. Roles are public record; extend it as reports need.
pub const PEOPLE: &[Person] = &[
    person!(
        "gordon-brown",
        "Gordon Brown",
        [],
        false,
        [t("Leader", "2007-06-24", "2010-05-11")]
    ),
    person!(
        "ed-miliband",
        "Ed Miliband",
        [],
        true,
        [t("Leader", "2010-09-25", "2015-05-08")]
    ),
    person!(
        "jeremy-corbyn",
        "Jeremy Corbyn",
        [],
        true,
        [t("Leader", "2015-09-12", "2020-04-04")]
    ),
    person!(
        "keir-starmer",
        "Keir Starmer",
        ["Sir Keir Starmer"],
        true,
        [t("Leader", "2020-04-04", "")]
    ),
    person!(
        "harriet-harman",
        "Harriet Harman",
        [],
        true,
        [t("Deputy Leader", "2007-06-24", "2015-09-12")]
    ),
    person!(
        "tom-watson",
        "Tom Watson",
        [],
        false,
        [t("Deputy Leader", "2015-09-12", "2019-12-12")]
    ),
    person!(
        "angela-rayner",
        "Angela Rayner",
        [],
        true,
        [t("Deputy Leader", "2020-04-04", "2025-09-05")]
    ),
    person!(
        "lucy-powell",
        "Lucy Powell",
        [],
        false,
        [t("Deputy Leader", "2025-10-25", "")]
    ),
    person!(
        "ray-collins",
        "Ray Collins",
        [],
        false,
        [t("General Secretary", "2008-07-01", "2011-09-30")]
    ),
    person!(
        "iain-mcnicol",
        "Iain McNicol",
        [],
        true,
        [t("General Secretary", "2011-10-01", "2018-03-01")]
    ),
    person!(
        "jennie-formby",
        "Jennie Formby",
        [],
        true,
        [t("General Secretary", "2018-03-23", "2020-05-01")]
    ),
    person!(
        "david-evans",
        "David Evans",
        [],
        true,
        [t("General Secretary", "2020-05-20", "2025-03-31")]
    ),
    person!(
        "hollie-ridley",
        "Hollie Ridley",
        [],
        false,
        [t("General Secretary", "2025-04-01", "")]
    ),
    person!(
        "margaret-beckett",
        "Margaret Beckett",
        ["Dame Margaret Beckett"],
        false,
        [t("Chair", "2020-11-24", "2021-11-30")]
    ),
    person!(
        "andi-fox",
        "Andi Fox",
        [],
        false,
        [t("Chair", "2019-11-26", "2020-11-24")]
    ),
    person!("wendy-nichols", "Wendy Nichols", [], false, []),
    person!(
        "ann-black",
        "Ann Black",
        [],
        false,
        [t("Chair", "2009-10-01", "2010-10-01")]
    ),
    person!("ellie-reeves", "Ellie Reeves", [], false, []),
    person!("morgan-mcsweeney", "Morgan McSweeney", [], false, []),
    person!("anna-hutchinson", "Anna Hutchinson", [], false, []),
    person!("james-asser", "James Asser", [], false, []),
    person!("shabana-mahmood", "Shabana Mahmood", [], false, []),
    person!("andy-kerr", "Andy Kerr", [], false, []),
    person!("yasmine-dar", "Yasmine Dar", [], false, []),
    person!("ann-henderson", "Ann Henderson", [], false, []),
    person!("luke-akehurst", "Luke Akehurst", [], false, []),
    person!("declan-mchugh", "Declan McHugh", [], false, []),
    person!("conor-mcginn", "Conor McGinn", [], false, []),
    person!("susan-lewis", "Susan Lewis", [], false, []),
    person!("martin-mayer", "Martin Mayer", [], false, []),
    person!("rachel-garnham", "Rachel Garnham", [], false, []),
    person!("ellen-morrison", "Ellen Morrison", [], false, []),
    person!("teddy-ryan", "Teddy Ryan", [], false, []),
    person!("ed-balls", "Ed Balls", [], false, []),
    person!("rachel-reeves", "Rachel Reeves", [], false, []),
];

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

impl Person {
    /// The role the person held on `day`, if any.
    pub fn role_on(&self, day: NaiveDate) -> Option<&'static str> {
        self.roles
            .iter()
            .find(|r| {
                date(r.from).is_some_and(|f| f <= day)
                    && (r.to.is_empty() || date(r.to).is_some_and(|t| day <= t))
            })
            .map(|r| r.role)
    }

    fn first_name(&self) -> &'static str {
        self.name.split(' ').next().unwrap_or(self.name)
    }
}

/// Full names and aliases, each pointing at its person.
static FULL: LazyLock<(AhoCorasick, Vec<usize>)> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut owners = Vec::new();
    for (i, p) in PEOPLE.iter().enumerate() {
        for name in std::iter::once(&p.name).chain(p.aliases.iter()) {
            patterns.push(*name);
            owners.push(i);
        }
    }
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .expect("valid patterns");
    (ac, owners)
});

const ROLE_WORDS: &str = r"(?:leader|secretary|chair|chairs|director|coordinator|co-ordinator|rep|representative|treasurer|officer|manager|minister|mayor|organiser|head|president|vice-chair|whip|spokesperson|commissioner|convenor|deputy|socialist[\s\u{a0}]+societies|community|unison|unite|gmb|usdaw|cwu|aslef|tssa|bfawu|musicians|ucatt|ctu)";

static ROLE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(&format!(
        r"^(?:['’]s?)?(?:[\s\u{{a0}}]+MP)?(?:,[\s\u{{a0}}]*(?:the|our|as)[\s\u{{a0}}]+|,?[\s\u{{a0}}]+(?:as|reported[\s\u{{a0}}]+as|in[\s\u{{a0}}]+(?:his|her|their)[\s\u{{a0}}]+new[\s\u{{a0}}]+role[\s\u{{a0}}]+as|report[\s\u{{a0}}]+as|from)[\s\u{{a0}}]+(?:the[\s\u{{a0}}]+)?(?:new[\s\u{{a0}}]+)?|[\s\u{{a0}}]*\()((?:[\w&’'-]+[\s\u{{a0}}]+){{0,4}}?(?i:{ROLE_WORDS})\b)"
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
        r"(?i:\bthe|\bour|\btheir)[\s\u{{a0}}]+((?:[\w’'-]+[\s\u{{a0}}]+){{0,3}}{ROLE_WORDS}),?[\s\u{{a0}}]+$"
    ))
    .expect("valid regex")
});

const CONNECTORS: &[&str] = &["and", "&", "of", "on", "the", "for", "to", "with"];

static HAS_ROLE_WORD: LazyLock<Regex> =
    LazyLock::new(|| crate::regex(&format!(r"(?i)\b{ROLE_WORDS}\b")).expect("valid regex"));

static UNKNOWN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"\b[A-Z][a-z]+(?:[\s\u{a0}]+(?:Mc|Mac|O['’])?[A-Z][a-z]+){1,2}\b")
        .expect("valid regex")
});

/// Capitalised words that are not people's names (organisations, places, roles, days).
const NOT_NAMES: &[&str] = &[
    "Labour",
    "Party",
    "National",
    "Executive",
    "Committee",
    "General",
    "Secretary",
    "Leader",
    "Deputy",
    "Conference",
    "Regional",
    "Director",
    "Panel",
    "Group",
    "Review",
    "Report",
    "Inquiry",
    "Policy",
    "Forum",
    "Unite",
    "Unison",
    "Young",
    "Women",
    "Disabled",
    "Equalities",
    "Organisation",
    "Disputes",
    "Socialist",
    "Societies",
    "Community",
    "Government",
    "Tory",
    "Tories",
    "Conservative",
    "House",
    "Commons",
    "Lords",
    "London",
    "Scotland",
    "Wales",
    "England",
    "Britain",
    "European",
    "Forde",
    "Momentum",
    "Progress",
    "Action",
    "Plan",
    "Development",
    "Fund",
    "Training",
    "Away",
    "Day",
    "Chair",
    "Council",
    "County",
    "City",
    "North",
    "South",
    "East",
    "West",
    "Midlands",
    "Yorkshire",
    "Election",
    "Elections",
    "Mayor",
    "Mayoral",
    "Annual",
    "Central",
    "Office",
    "Students",
    "Student",
    "International",
    "Affairs",
    "Board",
    "Unit",
    "Union",
    "Unions",
    "Trade",
    "Street",
    "Road",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Green",
    "Greens",
    "Liberal",
    "Democrats",
    "Lib",
    "Dems",
    "Shadow",
    "Cabinet",
    "Treasurer",
    "Coordinator",
    "Campaign",
    "Campaigns",
    "Justice",
    "Health",
    "Social",
    "Care",
    "Deal",
    "New",
    "Working",
    "People",
    "Grassroots",
    "Alliance",
    "Voice",
    "Left",
    "Centre",
    "Right",
    "Code",
    "Conduct",
    "Field",
    "Delivery",
    "Rule",
    "Book",
    "Rulebook",
    "Chapter",
    "Motion",
    "Motions",
    "Annex",
    "Royal",
    "Standing",
    "Orders",
    "Arrangements",
    "Procedures",
    "Jobs",
    "Growth",
    "Winter",
    "Challenge",
    "Refounding",
    "Membersnet",
    "Dialogue",
    "Assembly",
    "Senedd",
    "Parliament",
    "Westminster",
    "Budget",
    "Covid",
    "Black",
    "Lives",
    "Matter",
    "Q&A",
    "The",
    "This",
    "That",
    "Our",
    "We",
    "He",
    "She",
    "They",
    "It",
    "In",
    "On",
    "At",
    "As",
    "And",
    "But",
    "If",
    "When",
];

/// Finds the people a span of text names, one mention each, with roles.
pub(crate) fn people(text: &str, span: Span, on: Option<NaiveDate>) -> Vec<PersonMention> {
    let slice = &text[span.start..span.end];
    let mut found: Vec<(Option<usize>, Span, String)> = Vec::new();
    let (ac, owners) = &*FULL;
    for m in ac.find_iter(slice) {
        if word_bounded(slice, m.start(), m.end()) {
            let who = owners[m.pattern().as_usize()];
            found.push((
                Some(who),
                Span::new(span.start + m.start(), span.start + m.end()),
                PEOPLE[who].name.to_owned(),
            ));
        }
    }
    // First names alone, for people who held a role on the report's date.
    if let Some(day) = on {
        for (i, p) in PEOPLE.iter().enumerate() {
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
                if !found.iter().any(|(_, s, _)| s.contains(abs)) {
                    found.push((Some(i), abs, p.name.to_owned()));
                }
            }
        }
    }
    // Names not in the table, kept where the text gives them a role.
    for m in UNKNOWN_NAME.find_iter(slice) {
        let abs = Span::new(span.start + m.start(), span.start + m.end());
        if found
            .iter()
            .any(|(_, s, _)| s.start < abs.end && abs.start < s.end)
        {
            continue;
        }
        if m.as_str()
            .split_whitespace()
            .any(|w| NOT_NAMES.contains(&w))
            || slice[..m.start()].trim_end().ends_with('&')
        {
            continue;
        }
        if role_near(text, abs).is_some() {
            found.push((
                None,
                abs,
                m.as_str().split_whitespace().collect::<Vec<_>>().join(" "),
            ));
        }
    }
    found.sort_by_key(|(_, s, _)| s.start);
    let mut out: Vec<PersonMention> = Vec::new();
    for (who, at, name) in found {
        let role = role_near(text, at);
        if let Some(existing) = out.iter_mut().find(|p| p.name == name) {
            if existing.role.is_none() && role.is_some() {
                existing.role = role;
            }
            continue;
        }
        let person = who.map(|i| &PEOPLE[i]);
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
        if HAS_ROLE_WORD.is_match(&role) && !CONNECTORS.contains(&last.to_lowercase().as_str()) {
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
        people(text, Span::new(0, text.len()), date(on))
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
