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

/// A tenure's `YYYY-MM-DD` date. The table's dates are read for every first name found, so
/// that form is read by hand (chrono's format parser cost more than the rest of the lookup);
/// anything else is parsed by chrono, as it always was.
fn date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let number = |from: usize, to: usize| {
        b[from..to].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && let (Some(y), Some(m), Some(d)) = (number(0, 4), number(5, 7), number(8, 10))
    {
        // Four digits always fit an i32.
        return NaiveDate::from_ymd_opt(y as i32, m, d);
    }
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

/// The first names of the people whose first name alone can mean them, each with the indexes
/// of the people it can mean.
static FIRST: LazyLock<(AhoCorasick, Vec<Vec<usize>>)> = LazyLock::new(|| {
    let mut names: Vec<&str> = Vec::new();
    let mut owners: Vec<Vec<usize>> = Vec::new();
    for (i, p) in PEOPLE
        .iter()
        .enumerate()
        .filter(|(_, p)| p.first_name_alone)
    {
        match names.iter().position(|n| *n == p.first_name()) {
            Some(k) => owners[k].push(i),
            None => {
                names.push(p.first_name());
                owners.push(vec![i]);
            }
        }
    }
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(names)
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

/// The role words of [`ROLE_WORDS`] as plain strings (`socialist` for `socialist societies`;
/// `rep` and `chair` cover `representative` and `vice-chair`). A role needs one of them, so a
/// text without any (matched ASCII case-insensitively, anywhere) holds no role: see
/// [`may_hold_role`].
const ROLE_STEMS: &[&str] = &[
    "leader",
    "secretary",
    "chair",
    "director",
    "coordinator",
    "co-ordinator",
    "rep",
    "treasurer",
    "officer",
    "manager",
    "minister",
    "mayor",
    "organiser",
    "head",
    "president",
    "whip",
    "spokesperson",
    "commissioner",
    "convenor",
    "deputy",
    "socialist",
    "community",
    "unison",
    "unite",
    "gmb",
    "usdaw",
    "cwu",
    "aslef",
    "tssa",
    "bfawu",
    "musicians",
    "ucatt",
    "ctu",
];

static ROLE_STEM: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(ROLE_STEMS)
        .expect("valid patterns")
});

/// Whether `s` can hold a role: one of [`ROLE_STEMS`], or a character that a
/// case-insensitive regex folds to an ASCII letter (then the regexes decide).
fn may_hold_role(s: &str) -> bool {
    ROLE_STEM.is_match(s) || nectar_text::has_non_ascii_fold(s)
}

static HAS_ROLE_WORD: LazyLock<Regex> =
    LazyLock::new(|| crate::regex(&format!(r"(?i)\b{ROLE_WORDS}\b")).expect("valid regex"));

/// Two or three capitalised words: a name not in the table. [`unknown_names`] finds its
/// matches by hand; the pattern says what they are.
#[cfg(test)]
static UNKNOWN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"\b[A-Z][a-z]+(?:[\s\u{a0}]+(?:Mc|Mac|O['’])?[A-Z][a-z]+){1,2}\b")
        .expect("valid regex")
});

/// The matches of `UNKNOWN_NAME` (`\b[A-Z][a-z]+(?:[\s\u{a0}]+(?:Mc|Mac|O['’])?[A-Z][a-z]+){1,2}\b`,
/// ASCII `\b`) in `s`, as its `find_iter` gives them, found by jumping between capitals that
/// start a word: a regex with no literal to look for reads every byte, a tenth of the time
/// spent on a report.
fn unknown_names(s: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = nectar_text::next_capital_word(s, from) {
        match name_end(s, p) {
            Some(end) => {
                out.push(p..end);
                from = end;
            }
            None => from = p + 1,
        }
    }
    out
}

/// Where the match of `UNKNOWN_NAME` that starts at `p` ends, trying its ways in the regex's
/// order: the second and third words before the second alone, and within a word a `Mc`,
/// `Mac` or `O'` prefix before none. A run of lowercase letters or of space is taken whole:
/// what follows a shorter one could never be a capital, a space or a word's end.
fn name_end(s: &str, p: usize) -> Option<usize> {
    let b = s.as_bytes();
    let first = capitalised_end(b, p)?;
    let gap = nectar_text::whitespace_end(s, first);
    if gap == first {
        return None;
    }
    for second in word_ends(b, gap) {
        let gap = nectar_text::whitespace_end(s, second);
        if gap > second
            && let Some(third) = word_ends(b, gap).find(|&e| word_ends_at(b, e))
        {
            return Some(third);
        }
        if word_ends_at(b, second) {
            return Some(second);
        }
    }
    None
}

/// The end of `[A-Z][a-z]+` at `p`.
fn capitalised_end(b: &[u8], p: usize) -> Option<usize> {
    if !b.get(p)?.is_ascii_uppercase() {
        return None;
    }
    let end = p
        + 1
        + b[p + 1..]
            .iter()
            .take_while(|c| c.is_ascii_lowercase())
            .count();
    (end > p + 1).then_some(end)
}

/// The ends of `(?:Mc|Mac|O['’])?[A-Z][a-z]+` at `p`, in the regex's order.
fn word_ends(b: &[u8], p: usize) -> impl Iterator<Item = usize> + '_ {
    let rest = &b[p..];
    let prefixes: [Option<usize>; 5] = [
        rest.starts_with(b"Mc").then_some(2),
        rest.starts_with(b"Mac").then_some(3),
        rest.starts_with(b"O'").then_some(2),
        rest.starts_with("O’".as_bytes()).then_some(4),
        Some(0),
    ];
    prefixes
        .into_iter()
        .flatten()
        .filter_map(move |n| capitalised_end(b, p + n))
}

/// Whether an ASCII word boundary follows a lowercase letter ending at `e`.
fn word_ends_at(b: &[u8], e: usize) -> bool {
    !b.get(e).is_some_and(|&c| crate::gate::is_word_byte(c))
}

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

/// [`NOT_NAMES`] by first byte, so that a word is compared with the few that start like it
/// (and only those of its length): every capitalised pair of words in a report is looked up.
static NOT_NAMES_BY_FIRST: LazyLock<[Vec<&str>; 128]> = LazyLock::new(|| {
    let mut buckets: [Vec<&str>; 128] = std::array::from_fn(|_| Vec::new());
    for &word in NOT_NAMES {
        // Every entry starts with an ASCII byte (a test checks).
        buckets[usize::from(word.as_bytes()[0] & 0x7f)].push(word);
    }
    buckets
});

/// Whether `word` is one of [`NOT_NAMES`].
fn is_not_name(word: &str) -> bool {
    word.as_bytes().first().is_some_and(|&c| {
        c.is_ascii()
            && NOT_NAMES_BY_FIRST[usize::from(c)]
                .iter()
                .any(|n| n.len() == word.len() && *n == word)
    })
}

/// A name found in the text, before names are merged.
struct Found {
    /// The person in [`PEOPLE`], if the name is in the table.
    who: Option<usize>,
    /// Where.
    at: Span,
    /// The name.
    name: String,
    /// The role near it, where it has been read already ([`role_near`]).
    role: Option<Option<String>>,
}

/// Finds the people a span of text names, one mention each, with roles.
pub(crate) fn people(text: &str, span: Span, on: Option<NaiveDate>) -> Vec<PersonMention> {
    let slice = &text[span.start..span.end];
    let mut found: Vec<Found> = Vec::new();
    let (ac, owners) = &*FULL;
    for m in ac.find_iter(slice) {
        if word_bounded(slice, m.start(), m.end()) {
            let who = owners[m.pattern().as_usize()];
            found.push(Found {
                who: Some(who),
                at: Span::new(span.start + m.start(), span.start + m.end()),
                name: PEOPLE[who].name.to_owned(),
                role: None,
            });
        }
    }
    // First names alone, for people who held a role on the report's date.
    if let Some(day) = on {
        // One pass for every first name; then person by person, in the table's order.
        let (ac, owners) = &*FIRST;
        let mut hits: Vec<(usize, usize, usize)> = ac
            .find_iter(slice)
            .flat_map(|m| {
                owners[m.pattern().as_usize()]
                    .iter()
                    .map(move |&i| (i, m.start(), m.end()))
            })
            .filter(|&(i, at, end)| {
                word_bounded(slice, at, end)
                    && !followed_by_capital(&slice[end..])
                    && PEOPLE[i].role_on(day).is_some()
            })
            .collect();
        hits.sort_unstable();
        for (i, at, end) in hits {
            let abs = Span::new(span.start + at, span.start + end);
            if !found.iter().any(|f| f.at.contains(abs)) {
                found.push(Found {
                    who: Some(i),
                    at: abs,
                    name: PEOPLE[i].name.to_owned(),
                    role: None,
                });
            }
        }
    }
    // Names not in the table, kept where the text gives them a role.
    for m in unknown_names(slice) {
        let name = &slice[m.clone()];
        let abs = Span::new(span.start + m.start, span.start + m.end);
        if found
            .iter()
            .any(|f| f.at.start < abs.end && abs.start < f.at.end)
        {
            continue;
        }
        if name.split_whitespace().any(is_not_name) || slice[..m.start].trim_end().ends_with('&') {
            continue;
        }
        let role = role_near(text, abs);
        if role.is_some() {
            found.push(Found {
                who: None,
                at: abs,
                name: nectar_text::squash_whitespace(name),
                role: Some(role),
            });
        }
    }
    found.sort_by_key(|f| f.at.start);
    let mut out: Vec<PersonMention> = Vec::new();
    for Found {
        who,
        at,
        name,
        role: read,
    } in found
    {
        let role = || read.unwrap_or_else(|| role_near(text, at));
        if let Some(existing) = out.iter_mut().find(|p| p.name == name) {
            if existing.role.is_none() {
                existing.role = role();
            }
            continue;
        }
        let person = who.map(|i| &PEOPLE[i]);
        let role = role().or_else(|| {
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
    if may_hold_role(after)
        && let Some(c) = ROLE_AFTER.captures(after)
    {
        return Some(clean(&c[1]));
    }
    let before = crate::tail_of(&text[..at.start], 70);
    // Every candidate must hold a role word ([`HAS_ROLE_WORD`]).
    if !may_hold_role(before) {
        return None;
    }
    // Both patterns' first group is the match without its ends, so a plain search (with no
    // capture engine to run) gives it: see [`role_in_match`].
    let candidates = [(&*ROLE_BEFORE, false), (&*ROLE_AFTER_THE, true)]
        .into_iter()
        .filter_map(|(re, article)| re.find(before).map(|m| role_in_match(m.as_str(), article)));
    for role in candidates {
        let last = role.rsplit(char::is_whitespace).next().unwrap_or("");
        if HAS_ROLE_WORD.is_match(&role) && !CONNECTORS.contains(&last.to_lowercase().as_str()) {
            return Some(clean(&role));
        }
    }
    None
}

/// The first group of a match of [`ROLE_BEFORE`] (`article` false) or [`ROLE_AFTER_THE`]
/// (`article` true), trimmed: the match without its trailing `,?` and space, and for the
/// latter without its leading article and space. (The group itself neither starts nor ends
/// with space or a comma.)
fn role_in_match(m: &str, article: bool) -> String {
    let mut s = m;
    if article {
        s = s.find(char::is_whitespace).map_or("", |i| &s[i..]);
    }
    let s = s.trim_end();
    s.strip_suffix(',').unwrap_or(s).trim().to_owned()
}

fn clean(role: &str) -> String {
    nectar_text::squash_whitespace(role)
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
    fn tenure_dates_read_as_chrono_reads_them() {
        let chrono = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        for tenure in PEOPLE.iter().flat_map(|p| p.roles) {
            assert!(date(tenure.from).is_some(), "{}", tenure.from);
            assert_eq!(date(tenure.from), chrono(tenure.from));
            assert_eq!(date(tenure.to), chrono(tenure.to));
        }
        let mut rng = crate::testing::Xorshift(0x5eed_da7e);
        let pieces = [
            "0", "1", "2", "9", "3", "-", "20", "12", "31", "29", "02", "x", " ",
        ];
        for _ in 0..20_000 {
            let s = rng.text(&pieces, 8, false);
            assert_eq!(date(&s), chrono(&s), "{s:?}");
        }
    }

    #[test]
    fn not_names_found_by_first_byte_as_by_search() {
        assert!(NOT_NAMES.iter().all(|w| w.as_bytes()[0].is_ascii()));
        for &w in NOT_NAMES {
            assert!(is_not_name(w), "{w}");
        }
        let mut rng = crate::testing::Xorshift(0x0dd_ba11);
        let pieces = [
            "Lab", "our", "May", "Ma", "y", "Q&A", "The", "the", "Ed", "Tory", "s", "é",
        ];
        for _ in 0..20_000 {
            let w = rng.text(&pieces, 3, false);
            assert_eq!(is_not_name(&w), NOT_NAMES.contains(&w.as_str()), "{w:?}");
        }
    }

    #[test]
    fn unknown_names_are_the_patterns_matches() {
        const PIECES: &[&str] = &[
            " ",
            "  ",
            "\n",
            "\u{a0}",
            "\u{2003}",
            ",",
            ".",
            "'",
            "’",
            "-",
            "_",
            "é",
            "É",
            "x",
            "2",
            "Jo",
            "Smith",
            "McDonald",
            "Mcdonald",
            "MacDonald",
            "Macdonald",
            "Mc",
            "Mac",
            "O'Neill",
            "O’Neill",
            "O'",
            "ONeill",
            "O",
            "NEC",
            "A",
            "Ann",
            "Black",
            "the",
            "Deputy",
            "Leader",
            "Keir",
            "Starmer",
            "X",
            "Ab",
            "MacX",
            "McO'Neill",
            "Zoë",
        ];
        let mut random = crate::testing::Xorshift(0x9e37_79b9_7f4a_7c15);
        let mut found = 0;
        for _ in 0..30_000 {
            let text: String = random.text(PIECES, 14, true);
            let want: Vec<_> = UNKNOWN_NAME.find_iter(&text).map(|m| m.range()).collect();
            assert_eq!(unknown_names(&text), want, "{text:?}");
            found += want.len();
        }
        assert!(found > 5000, "{found}");
    }

    #[test]
    fn roles_read_from_matches_as_from_their_groups() {
        const PIECES: &[&str] = &[
            " ",
            "\u{a0}",
            "\n",
            ",",
            ", ",
            "the ",
            "The ",
            "our ",
            "their ",
            "Their ",
            "new ",
            "general secretary",
            "Chair",
            "chair",
            "vice-chair",
            "Unison",
            "GMB",
            "Deputy ",
            "Leader",
            "of ",
            "on ",
            "and ",
            "& ",
            "Jo",
            "O’Neill",
            "Smith-Jones",
            "x",
            "É",
            "socialist societies",
            "rep",
            "said ",
            ". ",
            "(",
            ")",
            "outgoing ",
            "TSSA",
        ];
        let mut random = crate::testing::Xorshift(0x9e37_79b9_7f4a_7c15);
        let mut matched = [0; 2];
        for _ in 0..20_000 {
            let mut text: String = random.text(PIECES, 12, false);
            if random.below(2) == 0 {
                // A role after an article, as the text before a name often ends.
                let article = ["the ", "our ", "Their ", "the\u{a0}"][random.below(4)];
                let role = ["chair", "general secretary", "deputy", "rep"][random.below(4)];
                let end = [" ", ", ", "\n", " x"][random.below(4)];
                text = format!("{text}{article}{role}{end}");
            }
            for (k, (re, article)) in [(&*ROLE_BEFORE, false), (&*ROLE_AFTER_THE, true)]
                .into_iter()
                .enumerate()
            {
                let by_group = re.captures(&text).map(|c| c[1].trim().to_owned());
                let by_match = re.find(&text).map(|m| role_in_match(m.as_str(), article));
                assert_eq!(by_match, by_group, "{text:?}");
                matched[k] += usize::from(by_group.is_some());
            }
        }
        // Both patterns matched often enough for the comparison to mean something.
        assert!(matched.iter().all(|&n| n > 2000), "{matched:?}");
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
