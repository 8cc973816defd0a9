//! People: every person a report names, found by the shape of their names and the words
//! around them (`data/names.toml`: common given names, honorifics, words that make a name the
//! title of a thing), and by the curated people of `data/people.toml` (aliases, dated roles).
//!
//! A run of capitalised words is a name when it starts with a common given name or an
//! honorific, or when the text gives it a role, puts `MP` after it or lists it beside a name;
//! never with a word that is not a name (`data/words.toml`), inside the title of a thing
//! (`the Jo Bloggs Inquiry`) or in a byline. A surname, a first name or a title and surname
//! alone is the report's one person of that full name (else the curated person of that first
//! name in office on the date); one mention per person, the first, whatever form it takes.
//! Roles come from the text, in a normal form (`words.toml`'s `role_forms`), or from the
//! curated table, and say which (`role_basis`).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;
use nectar_model::{Evidence, PersonMention, RoleBasis, Span};
use regex::Regex;

use crate::knowledge::{NAMES, WORDS, people as table};

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
        r"^(?:['’]s?)?(?:[\s\u{{a0}}]+MP)?(?:,[\s\u{{a0}}]*(?:the|our|as)[\s\u{{a0}}]+|,?[\s\u{{a0}}]+(?:as|reported[\s\u{{a0}}]+as|in[\s\u{{a0}}]+(?:his|her|their)[\s\u{{a0}}]+new[\s\u{{a0}}]+role[\s\u{{a0}}]+as|report[\s\u{{a0}}]+as|from)[\s\u{{a0}}]+(?:the[\s\u{{a0}}]+)?(?:new[\s\u{{a0}}]+)?|[\s\u{{a0}}]*\()((?:[\w&’'-]+[\s\u{{a0}}]+){{0,4}}?(?i:{})(?-u:\b))",
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
        r"(?i:(?-u:\b)the|(?-u:\b)our|(?-u:\b)their)[\s\u{{a0}}]+((?:[\w’'-]+[\s\u{{a0}}]+){{0,3}}{}),?[\s\u{{a0}}]+$",
        *ROLE_WORDS
    ))
    .expect("valid regex")
});

static HAS_ROLE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(&format!(r"(?i)(?-u:\b){}(?-u:\b)", *ROLE_WORDS)).expect("valid regex")
});

/// The capitalised words of `slice` that can be words of a name (`Bloggs`, `McBride`,
/// `O’Neill`, `Long-Bailey`; not `NEC`, `MPs`), as byte ranges, in one pass over its characters.
fn capital_words(slice: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut chars = slice.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((start, c)) = chars.next() {
        let starts = c.is_uppercase() && prev.is_none_or(|p| !p.is_alphanumeric());
        prev = Some(c);
        if !starts {
            continue;
        }
        // The word: letters, and an apostrophe or hyphen between two of them before a capital.
        let mut end = start + c.len_utf8();
        let mut second: Option<char> = None;
        let mut last = c;
        let mut digits = false;
        while let Some(&(k, d)) = chars.peek() {
            let joins = matches!(d, '’' | '\'' | '-')
                && slice[k + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
            if !(d.is_alphanumeric() || joins) {
                break;
            }
            digits |= d.is_numeric();
            second.get_or_insert(d);
            last = d;
            end = k + d.len_utf8();
            prev = Some(d);
            chars.next();
        }
        let word = &slice[start..end];
        let prefixed = ["Mc", "O’", "O'", "D’", "D'"]
            .iter()
            .any(|p| word.starts_with(p));
        if !digits && last.is_lowercase() && (prefixed || second.is_some_and(char::is_lowercase)) {
            out.push((start, end));
        }
    }
    out
}

/// The runs of capitalised words in `words` (of `slice`): words with only spaces, or one line
/// break, between them.
fn runs(slice: &str, words: &[(usize, usize)]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut first = 0;
    for i in 1..=words.len() {
        let joined = i < words.len() && {
            let gap = &slice[words[i - 1].1..words[i].0];
            !gap.is_empty()
                && gap
                    .chars()
                    .all(|c| matches!(c, ' ' | '\t' | '\u{a0}' | '\r' | '\n'))
                && gap.matches('\n').count() <= 1
        };
        if !joined {
            out.push(first..i);
            first = i;
        }
    }
    out
}

/// A name found in the text, before mentions of one person are put together.
struct Found {
    /// The curated person, when the name is one of `data/people.toml`'s.
    who: Option<usize>,
    span: Span,
    name: String,
    /// The rule that found it.
    rule: &'static str,
}

/// [`WORDS`]' role words, for looking up one word.
static ROLE_SET: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| WORDS.role_words.iter().map(String::as_str).collect());

/// A word that can stand in a name: not one of the words that are not names, nor a title or a
/// role word (`Minister`).
fn name_word(w: &str) -> bool {
    !WORDS.not_names.contains(w) && !NAMES.honorifics.contains(w) && !role_word(w)
}

/// Whether `w` is one of [`WORDS`]' role words in any case; a short ASCII word is lower-cased
/// on the stack, not in a new string (the capitalised words of a text are many).
fn role_word(w: &str) -> bool {
    let mut buf = [0u8; 32];
    match buf.get_mut(..w.len()) {
        Some(lower) if w.is_ascii() => {
            lower.copy_from_slice(w.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).is_ok_and(|l| ROLE_SET.contains(l))
        }
        _ => ROLE_SET.contains(w.to_lowercase().as_str()),
    }
}

/// Whether the words after `end` make the name the title of a thing: a thing word next, or
/// after more capitalised words (`the X Inquiry`, `the X Leadership Programme`).
fn names_a_thing(slice: &str, end: usize) -> bool {
    let rest = &slice[end..];
    if rest.starts_with(['’', '\'']) {
        return false;
    }
    for word in rest
        .split([' ', '\t', '\u{a0}'])
        .filter(|w| !w.is_empty())
        .take(4)
    {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if NAMES.thing_words.contains(&bare.to_lowercase()) {
            return true;
        }
        // Only capitalised words run on to a thing word, up to a punctuation mark.
        let capital = bare.chars().next().is_some_and(char::is_uppercase);
        if !capital || bare.len() != word.len() {
            return false;
        }
    }
    false
}

/// The word before `at`, in lower case.
fn word_before(slice: &str, at: usize) -> String {
    slice[..at]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase()
}

/// A name right after `the` names a thing after someone (`the Jo Bloggs Centre`, `the Bloggs
/// campaign`); a person's name takes no article, but a role may stand between (`the Chair Jo
/// Bloggs`).
fn after_the(slice: &str, at: usize) -> bool {
    let before = slice[..at].trim_end_matches([' ', '\t', '\u{a0}']);
    before.len() < at && word_before(slice, at) == "the"
}

fn spaced(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The places of the names found so far, for overlap and nearness checks in logarithmic
/// time (a page of thousands of names is read in linear time, not quadratic).
#[derive(Debug, Default)]
struct Places {
    spans: std::collections::BTreeSet<(usize, usize)>,
    /// The longest name's length: a name that overlaps a span starts at most this far before it.
    longest: usize,
}

impl Places {
    fn of(found: &[Found]) -> Self {
        let mut places = Self::default();
        for f in found {
            places.add(f.span);
        }
        places
    }

    fn add(&mut self, s: Span) {
        self.spans.insert((s.start, s.end));
        self.longest = self.longest.max(s.end.saturating_sub(s.start));
    }

    /// The names that start in `from..to`.
    fn starting(&self, from: usize, to: usize) -> impl Iterator<Item = Span> + '_ {
        self.spans
            .range((from, 0)..(to.max(from), 0))
            .map(|&(a, b)| Span::new(a, b))
    }

    /// Whether a name overlaps `s`.
    fn overlaps(&self, s: Span) -> bool {
        self.starting(s.start.saturating_sub(self.longest), s.end)
            .any(|f| f.start < s.end && s.start < f.end)
    }
}

/// Names by their shape in `slice` (at `base` in the text): a common given name and one or two
/// more capitalised words (`Jo Bloggs`, `Gurinder Singh Josan`), or an honorific and a name
/// (`Baroness Bloggs`); a run of two or three capitalised words the text gives a role, puts
/// `MP` after or lists beside another name.
fn by_shape(
    text: &str,
    slice: &str,
    base: usize,
    found: &mut Vec<Found>,
    places: &mut Places,
    capitals: &mut Vec<Span>,
) {
    let taken = |places: &Places, s: Span| places.overlaps(s);
    let mut unknown: Vec<Span> = Vec::new();
    let all = capital_words(slice);
    for run in runs(slice, &all) {
        let words = &all[run];
        capitals.extend(words.iter().map(|&(a, b)| Span::new(base + a, base + b)));
        let word = |i: usize| &slice[words[i].0..words[i].1];
        // Whether each word can stand in a name, looked up once for both readings below.
        let named: Vec<bool> = (0..words.len()).map(|i| name_word(word(i))).collect();
        let mut i = 0;
        while i < words.len() {
            let honour = NAMES.honorifics.contains(word(i));
            if !honour && !NAMES.given_names.contains(word(i)) {
                i += 1;
                continue;
            }
            let first = if honour { i + 1 } else { i };
            let mut j = first;
            while j < words.len() && j - first < 3 {
                let w = word(j);
                let surname = j == first + 1
                    && NAMES.surname_words.contains(w)
                    && !slice[..words[i].0]
                        .trim_end()
                        .ends_with(|c: char| c.is_ascii_digit())
                    && !NAMES.place_words.contains(&word_before(slice, words[i].0));
                if !(named[j] || surname) || (j > first && NAMES.honorifics.contains(w)) {
                    break;
                }
                j += 1;
            }
            // A third word only where the run ends with it (`Jo Bloggs Wins Battle` is Jo Bloggs).
            if j - first == 3 && j < words.len() {
                j -= 1;
            }
            let n = j - first;
            if n == 0 || (!honour && n < 2) {
                i += 1;
                continue;
            }
            // `Lord Bloggs` keeps its title; `Baroness Jo Bloggs` is Jo Bloggs.
            let from = if honour && n == 1 { i } else { first };
            let span = Span::new(base + words[from].0, base + words[j - 1].1);
            let local = (words[from].0, words[j - 1].1);
            if !taken(places, span) && !names_a_thing(slice, local.1) && !after_the(slice, local.0)
            {
                places.add(span);
                found.push(Found {
                    who: None,
                    span,
                    name: spaced(&slice[local.0..local.1]),
                    rule: if honour { "honorific" } else { "given_name" },
                });
            }
            i = j;
        }
        // Two or three words, none of them a word that is not a name: kept by their context.
        let mut k = 0;
        while k < words.len() {
            let mut j = k;
            while j < words.len() && j - k < 3 && named[j] {
                j += 1;
            }
            if j - k >= 2 {
                let span = Span::new(base + words[k].0, base + words[j - 1].1);
                if !taken(places, span)
                    && !names_a_thing(slice, words[j - 1].1)
                    && !after_the(slice, words[k].0)
                {
                    unknown.push(span);
                }
            }
            k = j.max(k + 1);
        }
    }
    // Each unknown name with a role or `MP` after it, then those beside a name in a list; a
    // list's names are settled in turn, so `A, B and C` holds when one of them is a name.
    unknown.retain(|&at| !taken(places, at) && !text[..at.start].trim_end().ends_with('&'));
    unknown.retain(|&at| {
        let context = text[at.end..].starts_with(" MP") || role_near(text, at).is_some();
        if context {
            places.add(at);
            found.push(Found {
                who: None,
                span: at,
                name: spaced(&text[at.start..at.end]),
                rule: "name_in_context",
            });
        }
        !context
    });
    loop {
        let before = found.len();
        unknown.retain(|&at| {
            if taken(places, at) {
                return false;
            }
            let listed = |f: &Span| {
                let (a, b) = if f.end <= at.start {
                    (f.end, at.start)
                } else if at.end <= f.start {
                    (at.end, f.start)
                } else {
                    return false;
                };
                b - a <= 6 && matches!(text[a..b].trim(), "," | "and" | ", and" | "&")
            };
            // Only a name starting at most 6 bytes (and a name's length) away can be listed
            // beside it.
            let keep = places
                .starting(at.start.saturating_sub(6 + places.longest), at.end + 7)
                .any(|span| listed(&span));
            if keep {
                places.add(at);
                found.push(Found {
                    who: None,
                    span: at,
                    name: spaced(&text[at.start..at.end]),
                    rule: "name_in_list",
                });
            }
            !keep
        });
        if found.len() == before {
            break;
        }
    }
}

/// Finds the people the spans of text name, one mention each (the first), with roles; names
/// inside `skip` (a byline) are not mentions.
pub(crate) fn people(
    text: &str,
    spans: &[Span],
    on: Option<NaiveDate>,
    skip: &[Span],
) -> Vec<PersonMention> {
    let mut found: Vec<Found> = Vec::new();
    let (ac, owners) = &*FULL;
    for span in spans {
        let slice = &text[span.start..span.end];
        for m in ac.find_iter(slice) {
            if word_bounded(slice, m.start(), m.end()) {
                let who = owners[m.pattern().as_usize()];
                found.push(Found {
                    who: Some(who),
                    span: Span::new(span.start + m.start(), span.start + m.end()),
                    name: table()[who].name.clone(),
                    rule: "curated_name",
                });
            }
        }
    }
    // Every capitalised word, for the short forms of names.
    let mut capitals = Vec::new();
    let mut places = Places::of(&found);
    for span in spans {
        by_shape(
            text,
            &text[span.start..span.end],
            span.start,
            &mut found,
            &mut places,
            &mut capitals,
        );
    }
    // The places to skip, sorted and merged, so that each name is checked by binary search.
    let mut skip: Vec<Span> = skip.to_vec();
    skip.sort_by_key(|s| (s.start, s.end));
    let mut merged: Vec<Span> = Vec::with_capacity(skip.len());
    for s in skip {
        match merged.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    let outside = |f: &Found| {
        // The last merged span starting before the name's end is the only one it can meet.
        let i = merged.partition_point(|s| s.start < f.span.end);
        !(i > 0 && f.span.start < merged[i - 1].end)
    };
    found.retain(outside);
    short_forms(text, &capitals, on, &mut found);
    found.retain(outside);
    found.sort_by_key(|f| f.span.start);

    let mut out: Vec<PersonMention> = Vec::new();
    // Each name's place in `out`.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for f in found {
        let quote = spaced(&text[f.span.start..f.span.end]);
        if let Some(existing) = seen.get(&f.name).map(|&i| &mut out[i]) {
            // A role the text states, at any mention, stands over the curated one.
            if existing.role_basis != Some(RoleBasis::Stated)
                && let Some(role) = role_near(text, f.span)
            {
                existing.role = Some(role);
                existing.role_basis = Some(RoleBasis::Stated);
            }
            if quote != existing.name && !existing.aliases.contains(&quote) {
                existing.aliases.push(quote);
            }
            continue;
        }
        let role = role_near(text, f.span);
        let person = f.who.map(|i| &table()[i]);
        let curated = person
            .and_then(|p| on.and_then(|d| p.role_on(d)))
            .map(str::to_owned);
        let role_basis = match (&role, &curated) {
            (Some(_), _) => Some(RoleBasis::Stated),
            (None, Some(_)) => Some(RoleBasis::Curated),
            _ => None,
        };
        seen.insert(f.name.clone(), out.len());
        out.push(PersonMention {
            person_id: person.map(|p| p.id.to_owned()),
            aliases: if quote == f.name {
                Vec::new()
            } else {
                vec![quote]
            },
            name: f.name,
            role: role.or(curated),
            role_basis,
            evidence: Evidence {
                span: f.span,
                quote: text[f.span.start..f.span.end].to_owned(),
            },
            provenance: crate::provenance::by(&format!("people.{}", f.rule)),
        });
    }
    out
}

/// Short forms of names: a surname or a first name alone (`Starmer`, `Keir`), or with a title
/// (`Lord Bloggs`), is the person of that full name the report names, when only one has it;
/// a first name alone, else, the curated person of that first name in office on the date.
fn short_forms(text: &str, capitals: &[Span], on: Option<NaiveDate>, found: &mut Vec<Found>) {
    use std::collections::HashMap;
    // Each short form with the full names it can stand for.
    let mut forms: HashMap<String, Vec<(String, Option<usize>)>> = HashMap::new();
    let mut add = |form: &str, name: &str, who: Option<usize>| {
        let e = forms.entry(form.to_owned()).or_default();
        if !e.iter().any(|(n, _)| n == name) {
            e.push((name.to_owned(), who));
        }
    };
    for f in found.iter() {
        let words: Vec<&str> = f.name.split(' ').collect();
        // `Lord Bloggs` is a short form itself.
        if NAMES.honorifics.contains(words[0]) {
            continue;
        }
        if words.len() >= 2 {
            add(words[0], &f.name, f.who);
            let last = words[words.len() - 1];
            if !NAMES.given_names.contains(last) {
                add(last, &f.name, f.who);
            }
        }
    }
    // Curated people in office on the date, by surname and (where reports use it) first name.
    if let Some(day) = on {
        for (i, p) in table().iter().enumerate() {
            if p.role_on(day).is_none() {
                continue;
            }
            let last = p.name.rsplit(' ').next().unwrap_or(&p.name);
            if !forms.contains_key(last) && !NAMES.given_names.contains(last) {
                forms.insert(last.to_owned(), vec![(p.name.clone(), Some(i))]);
            }
            if p.first_name_alone && !forms.contains_key(p.first_name()) {
                forms.insert(p.first_name().to_owned(), vec![(p.name.clone(), Some(i))]);
            }
        }
    }
    let one_of = |form: &str, c: &[(String, Option<usize>)]| match c {
        [only] => Some(only.clone()),
        // Several of the name: the one a first name alone means while in office (`Ed`).
        _ => {
            let mut office = c.iter().filter(|(n, who)| {
                who.is_some_and(|i| {
                    let p = &table()[i];
                    p.first_name_alone
                        && form == p.first_name()
                        && *n == p.name
                        && on.is_some_and(|d| p.role_on(d).is_some())
                })
            });
            match (office.next(), office.next()) {
                (Some(one), None) => Some(one.clone()),
                _ => None,
            }
        }
    };
    // A title and a surname alone, kept as written by `by_shape`.
    let titled = |f: &Found| {
        f.rule == "honorific"
            && f.name
                .split_once(' ')
                .is_some_and(|(t, rest)| NAMES.honorifics.contains(t) && !rest.contains(' '))
    };
    let titled: Vec<usize> = (0..found.len()).filter(|&k| titled(&found[k])).collect();
    // `Lord Bloggs` is Jo Bloggs where the report names one Bloggs.
    for k in titled {
        let surname = found[k].name.rsplit(' ').next().unwrap_or("").to_owned();
        if let Some([(name, who)]) = forms.get(&surname).map(Vec::as_slice) {
            found[k].name = name.clone();
            found[k].who = *who;
            found[k].rule = "short_form";
        }
    }
    let places = Places::of(found);
    let mut more = Vec::new();
    for &at in capitals {
        let word = &text[at.start..at.end];
        if WORDS.not_names.contains(word) {
            continue;
        }
        let Some((name, who)) = forms.get(word).and_then(|c| one_of(word, c)) else {
            continue;
        };
        if places.overlaps(at) {
            continue;
        }
        let is_first = name.split(' ').next() == Some(word);
        // A first name with a surname after it is someone else's (`Keir Bloggs`).
        if (is_first && followed_by_capital(&text[at.end..]))
            || names_a_thing(text, at.end)
            || after_the(text, at.start)
        {
            continue;
        }
        more.push(Found {
            who,
            span: at,
            name,
            rule: "short_form",
        });
    }
    found.extend(more);
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
        .filter_map(|re| {
            re.captures(before)
                .and_then(|c| c.get(1))
                .map(|m| (m.as_str().trim().to_owned(), m.start()))
        });
    for (role, at) in candidates {
        let role = role_tail(&role);
        let last = role.rsplit(char::is_whitespace).next().unwrap_or("");
        let connector = WORDS.connectors.contains(&last.to_lowercase());
        // A heading on a line of its own above the name (`Chair's report`) is no role.
        let line_start = before[..at].rfind('\n').map_or(0, |i| i + 1);
        let heading = before[at..].contains('\n') && before[line_start..at].trim().is_empty();
        if HAS_ROLE_WORD.is_match(&role) && !connector && !heading {
            return Some(clean(&role));
        }
    }
    None
}

/// The words of a role read before a name that can be a role's: the longest run before the
/// name of role words, words that are not names (`Campaign`), connectors, determiners,
/// qualifiers, `role_adjectives` and acronyms (`NEC`), so a name or a verb before it is cut off.
fn role_tail(role: &str) -> String {
    let fits = |w: &str| {
        let bare = w
            .trim_end_matches(['’', '\''])
            .trim_end_matches("’s")
            .trim_end_matches("'s");
        let lower = w.to_lowercase().replace('’', "'");
        let bare_lower = bare.to_lowercase();
        let acronym = bare.len() > 1 && bare != "MP" && bare.chars().all(|c| c.is_uppercase());
        acronym
            || WORDS.not_names.contains(bare)
            || WORDS.role_words.contains(&bare_lower)
            || WORDS.connectors.contains(&lower)
            || WORDS.role_determiners.contains(&lower)
            || WORDS.role_qualifiers.contains(&lower)
            || WORDS.role_adjectives.contains(&bare_lower)
    };
    let words: Vec<&str> = role.split_whitespace().collect();
    let keep = words.iter().rev().take_while(|w| fits(w)).count();
    let mut tail = &words[words.len() - keep..];
    // Not starting with a connector or a word that starts a clause (`and Chair`, `As Chair`).
    const STARTERS: &[&str] = &["as", "in", "on", "at", "by", "but", "if", "when", "while"];
    while let Some(first) = tail.first() {
        let lower = first.to_lowercase();
        if WORDS.connectors.contains(&lower) || STARTERS.contains(&lower.as_str()) {
            tail = &tail[1..];
        } else {
            break;
        }
    }
    tail.join(" ")
}

static COMMITTEE_CHAIR: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"(?i)^(?:chair of (?:the )?(?:nec )?(.+ (?:committee|panel))|(?:nec )?(.+ (?:committee|panel)) chair)$")
        .expect("valid regex")
});

/// A role in its normal form (`data/words.toml`'s `role_forms`): `the party's general
/// secretary` is General Secretary, `Disputes Panel chair` Chair of the Disputes Panel; a role
/// not in the vocabulary stays as the text gives it.
fn normal_role(role: &str) -> String {
    let words: Vec<&str> = role.split_whitespace().collect();
    let lower = |w: &str| w.to_lowercase().replace('’', "'");
    let mut k = 0;
    while k + 1 < words.len() && WORDS.role_determiners.contains(&lower(words[k])) {
        k += 1;
    }
    let mut q = k;
    while q + 1 < words.len() && WORDS.role_qualifiers.contains(&lower(words[q])) {
        q += 1;
    }
    let core = words[q..].join(" ");
    let key = lower(&core);
    let normal = WORDS
        .role_forms
        .iter()
        .find(|(phrase, _)| *phrase == key)
        .map(|(_, form)| form.clone())
        .or_else(|| {
            let c = COMMITTEE_CHAIR.captures(&core)?;
            let body = c.get(1).or_else(|| c.get(2))?.as_str();
            let titled: Vec<String> = body
                .split(' ')
                .map(|w| {
                    let mut cs = w.chars();
                    cs.next()
                        .map(|f| f.to_uppercase().chain(cs).collect())
                        .unwrap_or_default()
                })
                .collect();
            Some(format!("Chair of the {}", titled.join(" ")))
        });
    match normal {
        Some(n) if q > k => format!("{} {n}", words[k..q].join(" ")),
        Some(n) => n,
        None => words[k..].join(" "),
    }
}

fn clean(role: &str) -> String {
    normal_role(role.trim_end_matches([',', '.', ')', ' ', '\n']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, on: &str) -> Vec<PersonMention> {
        people(
            text,
            &[Span::new(0, text.len())],
            NaiveDate::parse_from_str(on, "%Y-%m-%d").ok(),
            &[],
        )
    }

    #[test]
    fn a_role_word_is_one_in_any_case() {
        assert!(role_word("Chair") && role_word("CHAIR") && role_word("chair"));
        assert!(!role_word("Bloggs") && !role_word("Chairs-and-Tables-of-the-Committee-Rooms"));
        // Not ASCII: lower-cased as before (a Kelvin sign is a `k`).
        assert!(role_word("Spo\u{212A}esperson"));
        assert!(!role_word("Chaïr"));
        assert!(!name_word("Minister") && name_word("Bloggs"));
    }

    fn names(text: &str, on: &str) -> Vec<(String, Option<String>)> {
        read(text, on)
            .into_iter()
            .map(|p| (p.name, p.role))
            .collect()
    }

    fn quotes(text: &str, on: &str) -> Vec<(String, String)> {
        read(text, on)
            .into_iter()
            .map(|p| (p.name, p.evidence.quote))
            .collect()
    }

    #[test]
    fn names_by_their_shape() {
        let got = names(
            "We paid tribute to the late Jo Pemberton. Gurinder Singh Josan moved it and Priya Quill-Smith spoke.",
            "2020-01-01",
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["Jo Pemberton", "Gurinder Singh Josan"],
            "a rare given name needs context"
        );
        // A title-case headline keeps the name to its two words.
        assert_eq!(
            names_of("Jo Pemberton Wins Battle Over Rules"),
            ["Jo Pemberton"]
        );
        // A line break inside a name (hard-wrapped text).
        assert_eq!(
            names_of("We welcomed Jo\nPemberton back."),
            ["Jo Pemberton"]
        );
        // An unknown given name in a list with a known one, or with MP after it.
        assert_eq!(
            names_of("The new members are Jo Pemberton, Xandra Quell and Yorick Vane."),
            ["Jo Pemberton", "Xandra Quell", "Yorick Vane"]
        );
        assert_eq!(names_of("Xandra Quell MP spoke."), ["Xandra Quell"]);
    }

    fn names_of(text: &str) -> Vec<String> {
        names(text, "2020-01-01")
            .into_iter()
            .map(|(n, _)| n)
            .collect()
    }

    #[test]
    fn capital_words_and_their_runs() {
        let text = "The NEC and MPs met Jo O’Neill-Smith, McBride’s\nfriend Jo\n\nBloggs.";
        let words: Vec<&str> = capital_words(text)
            .iter()
            .map(|&(a, b)| &text[a..b])
            .collect();
        assert_eq!(
            words,
            ["The", "Jo", "O’Neill-Smith", "McBride", "Jo", "Bloggs"]
        );
        let all = capital_words(text);
        let runs: Vec<usize> = runs(text, &all).iter().map(|r| r.len()).collect();
        // A blank line parts a run; a comma or an apostrophe too.
        assert_eq!(runs, [1, 2, 1, 1, 1]);
    }

    #[test]
    fn a_heading_is_not_a_person() {
        // Two capitalised words on a line of their own, no given name, no role.
        assert!(names_of("Party Funding\nThe NEC discussed money.").is_empty());
        assert!(
            names_of("Digital Strategy\nJo Bloggs reported.")
                .iter()
                .all(|n| n == "Jo Bloggs")
        );
    }

    #[test]
    fn names_that_are_not_people() {
        // Titles of things, places, organisations and a heading.
        assert!(names_of("The Jo Pemberton Inquiry reported.").is_empty());
        assert!(names_of("A report on the Bernie Pemberton Leadership Programme.").is_empty());
        assert!(names_of("We met at Victoria Street today.").is_empty());
        assert!(names_of("Party Funding\nThe NEC discussed money.").is_empty());
        assert!(names_of("The Socialist Societies section met.").is_empty());
        // A surname that is also a month is a surname only right after a given name.
        assert_eq!(
            names_of("Theresa Pemberton-May met in May. Jo May spoke."),
            ["Theresa Pemberton-May", "Jo May"]
        );
    }

    #[test]
    fn short_forms_resolve_to_the_full_name_and_the_first_mention_is_the_evidence() {
        let got = quotes(
            "Pemberton Wins Vote\n\nJo Pemberton moved the motion. Jo thanked Sam Quill. Later Pemberton spoke again.",
            "2020-01-01",
        );
        assert_eq!(
            got,
            [
                ("Jo Pemberton".into(), "Pemberton".into()),
                ("Sam Quill".into(), "Sam Quill".into())
            ]
        );
        // A title and a surname: the full name where the report gives one, else as written.
        assert_eq!(
            quotes("Sam Quill spoke. Lord Quill agreed.", "2020-01-01")[0].0,
            "Sam Quill"
        );
        assert_eq!(names_of("Lord Pemberton agreed."), ["Lord Pemberton"]);
        // Two people of one surname: the surname alone is neither.
        let got = names_of("Jo Pemberton and Sam Pemberton spoke. Pemberton left.");
        assert_eq!(got, ["Jo Pemberton", "Sam Pemberton"]);
    }

    #[test]
    fn a_shared_first_name_goes_to_the_leader_in_office() {
        let got = quotes(
            "Ed’s message was clear. Ed Miliband spoke, and Ed Balls agreed.",
            "2011-10-01",
        );
        assert_eq!(got[0], ("Ed Miliband".into(), "Ed".into()));
    }

    #[test]
    fn a_byline_names_no_mention() {
        let text = "Report by Jo Pemberton. Jo Pemberton moved the motion.";
        let got = people(
            text,
            &[Span::new(0, text.len())],
            None,
            &[Span::new(10, 22)],
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].evidence.span, Span::new(24, 36));
    }

    #[test]
    fn roles_in_normal_form_with_their_basis() {
        let got = read(
            "The party’s general secretary Jo Pemberton reported. Then the Disputes Panel chair Sam Quill spoke. Keir spoke.",
            "2021-02-11",
        );
        let role = |i: usize| (got[i].role.clone(), got[i].role_basis);
        assert_eq!(
            role(0),
            (Some("General Secretary".into()), Some(RoleBasis::Stated))
        );
        assert_eq!(
            role(1),
            (
                Some("Chair of the Disputes Panel".into()),
                Some(RoleBasis::Stated)
            )
        );
        assert_eq!(role(2), (Some("Leader".into()), Some(RoleBasis::Curated)));
        assert_eq!(normal_role("former Labour leader"), "former Leader");
        assert_eq!(
            normal_role("Chair of the organisation committee"),
            "Chair of the Organisation Committee"
        );
        // A name or a verb before a role is no part of it; a heading above a name is no role.
        assert_eq!(
            names(
                "Jo Pemberton MP Supported Deputy Leader Sam Quill.",
                "2020-01-01"
            )[1]
            .1,
            Some("Deputy Leader".into())
        );
        assert_eq!(
            names("Chair's Introduction\nSam Quill welcomed us.", "2020-01-01")[0].1,
            None
        );
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
