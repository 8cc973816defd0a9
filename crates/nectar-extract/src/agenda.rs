//! Agenda items: headings that name an item (a heading line, a numbered line, a labelled line
//! after `the following items were taken:`), and the reports, updates, papers and debates the
//! running text says were given, received, considered or discussed. Word lists in
//! `data/agenda.toml`.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use nectar_model::{Block, BlockKind, Span};
use regex::Regex;
use serde::Deserialize;

use crate::regex;

/// An agenda item found in the text, before it is placed on a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item {
    /// The item's name as the text gives it (`report from the General Secretary`), or its
    /// normal spelling where the text names no heading (`General Secretary's report`).
    pub heading: String,
    /// The normal spelling of a standing report (`General Secretary's report`), whatever the
    /// text's wording.
    pub canonical: Option<String>,
    /// Who gave it, when the text says.
    pub presenter: Option<String>,
    /// Where the text names it.
    pub span: Span,
    /// The rule that found it.
    pub rule: &'static str,
}

/// What the report's reader knows of the people in it.
pub(crate) struct Known<'a> {
    /// The people named in the report.
    pub names: &'a [&'a str],
    /// The forms of name (`Keir Starmer`, `Keir`) of the holders of the offices whose address
    /// is their report, with the office.
    pub speakers: &'a [(String, &'a str)],
}

/// The offices whose holder's address at a meeting counts as their report item, in their
/// normal spelling.
const ADDRESSING: &[&str] = &[
    "Leader",
    "Deputy Leader",
    "General Secretary",
    "Prime Minister",
];

/// The office of `role` if its holder's address counts as their report.
pub(crate) fn reporting_office(role: &str) -> Option<&'static str> {
    ADDRESSING
        .iter()
        .find(|o| o.eq_ignore_ascii_case(role))
        .copied()
}

/// A verb by which someone addresses the meeting (`Jo then thanked everyone`, `the General
/// Secretary told the NEC`).
static SPEECH: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?:then{S})?(?:said|told|spoke|addressed|thanked|updated|outlined|explained|welcomed|reported|read{S}out|began{S}by|opened{S}by|took{S}the{S}opportunity|paid{S}tribute)\b",
    )
});
/// An office as a sentence's subject (`the General Secretary`, `deputy leader Jo Bloggs`), at
/// the end of the words before the verb.
static OFFICE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?:^|[\s\u{a0}])(?i:(?:the|our|newly-elected|new){S})*(?i:(deputy{S}leader|leader|general{S}secretary|prime{S}minister))(?:,?{S}[A-Z\u{C0}-\u{DE}][A-Za-z\u{C0}-\u{24F}'’\-]+(?:{S}[A-Z\u{C0}-\u{DE}][A-Za-z\u{C0}-\u{24F}'’\-]+){0,2},?)?(?:{S})?$",
    )
});

/// The office whose holder addresses the meeting in sentence `s`, with the span of who speaks.
fn address(text: &str, s: Span, speakers: &[(String, &str)]) -> Option<(&'static str, Span)> {
    let sentence = &text[s.start..s.end];
    let verb = SPEECH.find(sentence)?;
    let before = sentence[..verb.start()].trim_end();
    let from = before.len().saturating_sub(80);
    let from = (0..=from)
        .rev()
        .find(|&i| before.is_char_boundary(i))
        .unwrap_or(0);
    let tail = &before[from..];
    if let Some(c) = OFFICE_SUBJECT.captures(tail) {
        let office = office_at(&squash(&c[1]))?;
        let at = s.start + from + c.get(0).expect("match").start();
        return Some((
            reporting_office(office)?,
            Span::new(at, s.start + verb.end()),
        ));
    }
    speakers.iter().find_map(|(form, office)| {
        let starts = before.strip_suffix(form.as_str())?.len();
        if before[..starts].ends_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        Some((
            reporting_office(office)?,
            Span::new(s.start + starts, s.start + verb.end()),
        ))
    })
}

/// `Jo Bloggs reinforced these points in her report` at the start of a sentence.
static IN_OWN_REPORT: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"^{NAME}[\s\u{a0}][^.;]*?\b(?i:in|during){S}(?i:his|her|their){S}(?:(?i:own|first|latest){S})?(?i:report)\b",
    )
});

/// The lists of `data/agenda.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    not_items: Vec<String>,
    sentence_starts: Vec<String>,
    fragment_ends: Vec<String>,
    name_tails: Vec<String>,
    intro_words: Vec<String>,
    offices: Vec<String>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    toml::from_str(include_str!("../data/agenda.toml")).expect("data/agenda.toml is valid")
});

/// Any space, a no-break space among them.
const S: &str = r"[\s\u{a0}]+";
/// A name of one to three capitalised words.
const NAME: &str = r"([A-Z\u{C0}-\u{DE}][A-Za-z\u{C0}-\u{24F}'’\-]+(?:[\s\u{a0}]+[A-Z\u{C0}-\u{DE}][A-Za-z\u{C0}-\u{24F}'’\-]+){0,2})";
/// A name's apposition (`Jo Bloggs, the compliance director,`) and an adverb of sequence.
const THEN: &str = r"(?:,[^,]+?,)?[\s\u{a0}]+(?i:(?:then|also|later|next|first)[\s\u{a0}]+)?";

fn build(pattern: &str) -> Regex {
    regex(
        &pattern
            .replace("{S}", S)
            .replace("{NAME}", NAME)
            .replace("{THEN}", THEN),
    )
    .expect("valid regex")
}

/// `Jo Bloggs gave the CAC report`, `... gave his first report to us as general secretary`.
static GAVE: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"{NAME}{THEN}(?i:gave|delivered|presented|introduced|moved){S}(?i:the|his|her|their|a|an){S}((?:[A-Za-z\u{C0}-\u{24F}’'\-]+{S}){0,5}?)(?i:report)\b",
    )
});
/// `Jo Bloggs reported on the local election campaign`, `... reported as Elections Director`.
static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"{NAME}{THEN}(?i:reported)(?:{S}(?i:back))?(?:{S}(?i:to){S}(?i:us|the{S}nec|members))?{S}(?i:(on|about|as)){S}",
    )
});
/// `We then received the draft grid ...`, `we were given an update on ...`.
static RECEIVED: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?:we|the{S}nec|the{S}committee|the{S}meeting|members){S}(?:(?:then|also|finally|later|briefly|next|first){S})?(?:received|considered|discussed|debated|were{S}given|were{S}presented{S}with|heard{S}(?:an?|the){S}(?:[A-Za-z\u{C0}-\u{24F}\-]+{S})?(?:reports?|updates?|presentations?|briefings?){S}(?:on|about)){S}",
    )
});
static SEQUENCE: LazyLock<Regex> =
    LazyLock::new(|| build(r"(?i)\b(?:then|also|finally|later|next)\b"));
/// The rules that read any business discussed: under a heading, what they find is that
/// heading's business, not an item of its own.
const GENERIC: &[&str] = &["received", "was_discussed", "debate_on"];
/// A sentence's end inside a line: the line is running text, not a heading.
static SENTENCE_INSIDE: LazyLock<Regex> =
    LazyLock::new(|| build(r"[.!?][\x22”’)]?{S}[A-Z\u{C0}-\u{DE}]"));
/// `Election results were discussed`: a sentence's subject taken as business.
static PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"^(?:(?i:finally|then|next|also),?{S})?([A-Z\u{C0}-\u{DE}][^.;:!?]+?){S}(?i:was|were){S}(?:(?i:then|also|briefly|fully|first){S})?(?i:discussed|debated|considered|presented|received)\b",
    )
});
/// `An update was given on Party membership`.
static GIVEN_ON: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)^(?:an?|the){S}(?:(?:short|brief|full|further|detailed|written|verbal){S})?(?:report|update|presentation|briefing){S}(?:was|were){S}(?:given|presented|received)(?:{S}to{S}(?:the{S})?[A-Za-z]+)?{S}(?:on|about){S}",
    )
});
/// `A proposal for an NEC working group was deferred`: a paper named with what became of it.
static PAPER: LazyLock<Regex> = LazyLock::new(|| {
    build(r"(?i)^(?:an?|the){S}(?:proposals?|papers?|recommendations?){S}(?:for|on|about){S}")
});
static PAPER_DECIDED: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)^{S}(?:was|were){S}(?:then{S})?(?:deferred|agreed|approved|rejected|passed|carried|defeated|lost|endorsed|noted|accepted|referred|discussed)\b",
    )
});
/// `moved into a debate and votes on proposed rule changes`, `our discussion on aims and
/// objectives`: a debate the meeting held, not one it spoke of.
static DEBATE_ON: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?:(?:had|held|moved{S}(?:in)?to|began|opened|started|there{S}was|followed{S}by){S}(?:a|an)(?:{S}[A-Za-z\u{C0}-\u{24F}\-]+)?|our){S}(?:debate|discussion)s?(?:{S}(?:and|&){S}(?:a{S})?votes?)?{S}(?:on|about){S}",
    )
});
/// `the update on the May elections, presented by ...`.
static UPDATE_ON: LazyLock<Regex> = LazyLock::new(|| {
    build(r"(?i)\b(?:the|an?){S}(?:report|update|presentation|briefing){S}(?:on|about){S}")
});
static PRESENTED_BY: LazyLock<Regex> =
    LazyLock::new(|| build(r"(?i)^,?{S}(?:presented|given|delivered|introduced){S}by\b"));
/// `the report from the General Secretary`.
static REPORT_FROM: LazyLock<Regex> =
    LazyLock::new(|| build(r"(?i)\b(?:the|an?){S}(?:report|update){S}from{S}(?:the{S})?"));
/// `Keir's report was delivered from Heathrow`, `David Evans' report as General Secretary`,
/// at the start of a sentence or a numbered line.
static NAMES_REPORT: LazyLock<Regex> = LazyLock::new(|| {
    build(r"^(?:[0-9]{1,2}[.)]{S})?(?:(?i:then|next|finally),?{S})?{NAME}['’]s?{S}(?i:report)\b")
});
/// `The first item was Jo Bloggs’ report as General Secretary`.
static NAMES_REPORT_AFTER: LazyLock<Regex> =
    LazyLock::new(|| build(r"\b(?i:was|were|came|with){S}{NAME}['’]s?{S}(?i:report)\b"));
/// `the Leader's report`, `the membership report`: a standing report named anywhere.
static REPORT_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b((?:deputy{S})?leader|general{S}secretary|treasurer|chair|membership|finance|campaigns?|elections?|organisation|equalities|disputes|compliance|policy|women['’]s|young{S}labour|eplp|(?:deputy{S})?leader['’]s)(?:['’]?s)?{S}report\b",
    )
});
/// `... report to Annual Conference`: a report to another body, not an item of the meeting.
static TO_OTHER_BODY: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)^{S}to{S}(?:the{S})?(?:[A-Za-z0-9_’']+{S}){0,3}?(?:conference|congress|forum|npf|plp|parliament)\b",
    )
});
/// A name at the start of the text.
static NAME_AT: LazyLock<Regex> = LazyLock::new(|| build("^{NAME}"));
/// `a report from Keir Starmer, and then from Jo Bloggs as Deputy Leader`, `First up to report
/// to us was Jo Bloggs MP, in his new role as campaign coordinator`: someone reporting in an
/// office, in a sentence about reports.
static OFFICE_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i:from|was){S}{NAME},?{S}(?:(?i:in){S}(?i:his|her|their){S}(?:(?i:new|first){S})?(?i:role){S})?(?i:as){S}(?:(?i:the|our){S})?",
    )
});
static REPORT_WORD: LazyLock<Regex> = LazyLock::new(|| build(r"(?i)\breport"));
/// `Jo Bloggs and Sam Brown talked us through their review of the party`.
static THROUGH: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"{NAME}(?:{S}(?i:and){S}[A-Z\u{C0}-\u{DE}][A-Za-z\u{C0}-\u{24F}'’\-]+(?:{S}[A-Z\u{C0}-\u{DE}][A-Za-z\u{C0}-\u{24F}'’\-]+){0,2})?{S}(?:(?i:then){S})?(?i:talked|took|walked){S}(?i:us|the{S}nec|members){S}(?i:through){S}",
    )
});
/// ` on the election campaign` after a report.
static ON: LazyLock<Regex> = LazyLock::new(|| build(r"(?i)^{S}(?:on|about){S}"));
/// ` to us as general secretary`, ` as Elections Director`: the office a report is given in.
static AS_OFFICE: LazyLock<Regex> =
    LazyLock::new(|| build(r"(?i)^(?:{S}to{S}(?:us|the{S}nec))?{S}as{S}(?:the{S}|our{S})?"));
/// Where a topic's words end: a clause's end or a word that starts another clause.
static TOPIC_END: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"[.;:!?]|,{S}[a-z\u{DF}-\u{FF}]|,{S}(?i:presented|given|delivered)|{S}[–—-]{S}|{S}(?:which|where|who|that|was|were|is|are|but|with|so|because|and{S}(?:we|it|i|they|the{S}nec|when|how|what|whether|why))\b",
    )
});
/// Words a topic starts with that make it no item (`we discussed how ...`).
static NOT_TOPIC: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)^(?:that|how|what|whether|why|when|from|to|with|it|this|them|him|her|a{S}number|some|several|many|lots)\b",
    )
});
/// Articles and adjectives of manner before a topic (`a full report on`).
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)^(?:(?:the|an?|their|his|her|its|full|short|brief|further|detailed|written|verbal|oral|first|latest|usual|regular|own|final)(?:{S}|$))+",
    )
});
/// `reports on` or `an update about` before the topic itself.
static REPORT_ON: LazyLock<Regex> = LazyLock::new(|| {
    build(r"(?i)^(report|update|presentation|briefing|paper)(s?){S}(?:on|about){S}")
});
static REPORT_FROM_WORDS: LazyLock<Regex> =
    LazyLock::new(|| build(r"(?i)^(?:report|update)s?{S}from\b"));
/// A day of a month: a heading holding one is a meeting's title or a date line.
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b[0-9]{1,2}(?:st|nd|rd|th)?{S}(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:january|february|march|april|may|june|july|august|september|october|november|december){S}[0-9]{1,2}(?:st|nd|rd|th)?\b",
    )
});
/// Another body's meeting reported under a heading (`The LGA group also met today`).
static OTHERS_MET: LazyLock<Regex> =
    LazyLock::new(|| build(r"(?i)^(?:the{S})?(?:[A-Za-z0-9_’'\-]+{S}){1,5}(?:also{S})?met\b"));
static NEC_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    build(r"(?i)\b(?:nec|national{S}executive|we|sub-?committee|panel|committee)\b")
});

fn words_re(words: &[String]) -> Regex {
    let alt: Vec<String> = words
        .iter()
        .map(|w| regex::escape(w).replace(' ', S))
        .collect();
    build(&format!(r"(?i)^(?:{})$", alt.join("|")))
}
static NOT_ITEM: LazyLock<Regex> = LazyLock::new(|| words_re(&WORDS.not_items));
static INTRO_WORD: LazyLock<Regex> = LazyLock::new(|| {
    let alt: Vec<String> = WORDS.intro_words.iter().map(|w| regex::escape(w)).collect();
    build(&format!(r"(?i)\b(?:{})\b", alt.join("|")))
});

/// Collapses runs of space into one space.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The normal spelling of an office's report when `words` name one of the offices
/// (`leader’s`, `General secretary`), case and apostrophes aside.
fn office_report(words: &str) -> Option<String> {
    let w = squash(words)
        .to_lowercase()
        .replace(['’', '\''], "")
        .trim_end_matches(" report")
        .trim_start_matches("the ")
        .to_owned();
    let w = w
        .strip_suffix('s')
        .filter(|_| !w.ends_with("ss"))
        .unwrap_or(&w);
    WORDS
        .offices
        .iter()
        .find(|o| o.to_lowercase() == w)
        .map(|o| format!("{o}'s report"))
}

/// The office at the start of `rest`, in its normal spelling.
fn office_at(rest: &str) -> Option<&'static str> {
    let lower = rest.to_lowercase();
    WORDS
        .offices
        .iter()
        .filter(|o| {
            lower.starts_with(&o.to_lowercase())
                && !lower[o.len()..].starts_with(|c: char| c.is_alphanumeric())
        })
        .max_by_key(|o| o.len())
        .map(String::as_str)
}

/// The topic that starts at `at` in `text`, up to `end`: its words until the clause ends,
/// without leading articles. None when it is no thing (`how ...`, `that ...`) or too long.
fn topic(text: &str, at: usize, end: usize) -> Option<(String, Span)> {
    let rest = &text[at..end];
    let lead = LEAD.find(rest).map_or(0, |m| m.end());
    let rest = &rest[lead..];
    let stop = TOPIC_END.find(rest).map_or(rest.len(), |m| m.start());
    let words = squash(&rest[..stop]);
    let n = words.split_whitespace().count();
    if n == 0 || n > 14 || NOT_TOPIC.is_match(&words) {
        return None;
    }
    let start = at + lead;
    Some((
        words,
        Span::new(start, start + rest[..stop].trim_end().len()),
    ))
}

/// The topics of `reports on A and B`, one each, or the topic itself.
fn topics(text: &str, at: usize, end: usize) -> Vec<(String, Span)> {
    let Some((t, span)) = topic(text, at, end) else {
        return Vec::new();
    };
    if REPORT_FROM_WORDS.is_match(&t) {
        // `the report from the General Secretary`: the office's report, read by its own rule.
        return Vec::new();
    }
    let Some(m) = REPORT_ON.captures(&t) else {
        return vec![(t, span)];
    };
    if t[m.get(0).map_or(0, |g| g.end())..].is_empty() {
        return Vec::new();
    }
    let inner = &t[m.get(0).map_or(0, |g| g.end())..];
    let inner = inner.trim_start_matches("the ").trim_start_matches("The ");
    if inner.is_empty() {
        return Vec::new();
    }
    if m.get(2).is_some_and(|p| !p.as_str().is_empty()) {
        // Each topic of `reports on A and B` stands where its words stand.
        let written = &text[span.start..span.end];
        let mut from = 0;
        inner
            .split(" and ")
            .filter(|p| !p.is_empty())
            .map(|p| {
                let p = &p[LEAD.find(p).map_or(0, |l| l.end())..];
                let first = p.split_whitespace().next().unwrap_or(p);
                let at = written[from..].find(first).map_or(from, |i| from + i);
                let end = (at + p.len()).min(written.len());
                from = end;
                (p.to_owned(), Span::new(span.start + at, span.start + end))
            })
            .collect()
    } else {
        vec![(inner.to_owned(), span)]
    }
}

/// A presenter's name without a trailing `MP`.
fn presenter(name: &str) -> String {
    squash(name.trim_end_matches(" MP").trim_end_matches("\u{a0}MP"))
}

/// Whether a name read before a report is a person's, not an office's or a body's
/// (`Labour's report`, `The Leader's report`).
fn is_person(name: &str) -> bool {
    !name
        .split_whitespace()
        .any(|w| crate::knowledge::WORDS.not_names.contains(w))
        && office_at(name).is_none()
}

/// The key words of [`in_sentence`]'s rules (lower case), any case in the text: a rule reads only
/// sentences holding one of its words.
const KEY_WORDS: &[&str] = &[
    "report",
    "update",
    "presentation",
    "briefing",
    "paper",
    "reported",
    "given",
    "presented",
    "received",
    "proposal",
    "recommendation",
    " by",
    "from",
    " as ",
    " as\u{a0}",
    "through",
    "considered",
    "discussed",
    "debated",
    "heard",
    "debate",
    "discussion",
];

/// [`KEY_WORDS`] in one pass over a sentence.
static KEYS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(KEY_WORDS)
        .expect("valid key words")
});

/// Items named in one sentence of running text.
fn in_sentence(text: &str, s: Span, out: &mut Vec<Item>) {
    let sentence = &text[s.start..s.end];
    // Each rule reads only sentences holding its key words: most sentences name no item. The
    // words are found in one pass (overlapping: `reported` holds `report`).
    let mut present = [false; KEY_WORDS.len()];
    for m in KEYS.find_overlapping_iter(sentence) {
        present[m.pattern().as_usize()] = true;
    }
    // The sentence for a rule whose key words it holds; none for the others, which do not run
    // (no rule's pattern matches without its words).
    let when = |words: &[&str]| {
        let has = |w: &&str| present[KEY_WORDS.iter().position(|k| k == w).expect("a key word")];
        words.iter().any(has).then_some(sentence)
    };
    if !present.contains(&true) {
        return;
    }
    let report = ["report", "update", "presentation", "briefing", "paper"];
    let abs = |a: usize, b: usize| Span::new(s.start + a, s.start + b);
    let mut push = |heading: String,
                    canonical: Option<String>,
                    presenter: Option<String>,
                    span: Span,
                    rule: &'static str| {
        out.push(Item {
            heading,
            canonical,
            presenter,
            span,
            rule,
        });
    };
    for c in when(&["report"])
        .into_iter()
        .flat_map(|t| GAVE.captures_iter(t))
    {
        let (all, who, what) = (c.get(0).expect("match"), &c[1], &c[2]);
        let words = LEAD.replace(what.trim(), "").to_string();
        let after = &sentence[all.end()..];
        let office = AS_OFFICE
            .find(after)
            .and_then(|m| office_at(&after[m.end()..]))
            .map(|o| format!("{o}'s report"));
        let canonical = office.or_else(|| office_report(&words));
        // `gave an insightful report on X`: a report named by its topic, not its adjectives.
        if canonical.is_none()
            && !words.contains(char::is_uppercase)
            && let Some(on) = ON.find(after)
        {
            let at = s.start + all.end() + on.end();
            if let Some((t, span)) = topic(text, at, s.end) {
                push(t, None, Some(presenter(who)), span, "gave_report_on");
                continue;
            }
        }
        let heading = if words.trim().is_empty() {
            match &canonical {
                Some(c) => c.clone(),
                None => continue,
            }
        } else {
            squash(&format!("{words} report"))
        };
        let start = all.end() - "report".len() - what.len();
        push(
            heading,
            canonical,
            Some(presenter(who)),
            abs(start, all.end()),
            "gave_report",
        );
    }
    for c in when(&["reported"])
        .into_iter()
        .flat_map(|t| REPORTED.captures_iter(t))
    {
        let all = c.get(0).expect("match");
        let who = presenter(&c[1]);
        if c[2].eq_ignore_ascii_case("as") {
            if let Some(o) = office_at(&sentence[all.end()..]) {
                let name = format!("{o}'s report");
                push(
                    name.clone(),
                    Some(name),
                    Some(who),
                    abs(all.start(), all.end() + o.len()),
                    "reported_as",
                );
            }
            continue;
        }
        for (t, span) in topics(text, s.start + all.end(), s.end) {
            push(t, None, Some(who.clone()), span, "reported_on");
        }
    }
    if let Some(m) = when(&["given", "presented", "received"]).and_then(|t| GIVEN_ON.find(t)) {
        for (t, span) in topics(text, s.start + m.end(), s.end) {
            push(t, None, None, span, "update_given_on");
        }
    }
    if let Some(m) = when(&["proposal", "paper", "recommendation"]).and_then(|t| PAPER.find(t))
        && let Some((t, span)) = topic(text, s.start + m.end(), s.end)
        && PAPER_DECIDED.is_match(&text[span.end..s.end])
    {
        push(t, None, None, span, "paper_decided");
    }
    for m in when(&[" by"])
        .into_iter()
        .flat_map(|t| UPDATE_ON.find_iter(t))
    {
        if let Some((t, span)) = topic(text, s.start + m.end(), s.end) {
            let after = &text[span.end..s.end];
            if let Some(by) = PRESENTED_BY.find(after) {
                let who = after[by.end()..]
                    .split([',', '.', ';'])
                    .filter_map(|p| {
                        let p = p.trim();
                        p.starts_with(|c: char| c.is_uppercase())
                            .then(|| presenter(p))
                    })
                    .next_back();
                push(t, None, who, span, "update_presented_by");
            }
        }
    }
    for m in when(&["from"])
        .into_iter()
        .flat_map(|t| REPORT_FROM.find_iter(t))
    {
        if let Some(o) = office_at(&sentence[m.end()..]) {
            let end = m.end() + o.len();
            let from = LEAD.find(m.as_str()).map_or(0, |l| l.end());
            let after = &sentence[end..];
            let who = after
                .strip_prefix(", ")
                .and_then(|a| NAME_AT.captures(a).map(|c| presenter(&c[1])));
            push(
                squash(&sentence[m.start() + from..end]),
                Some(format!("{o}'s report")),
                who,
                abs(m.start() + from, end),
                "report_from",
            );
        }
    }
    for c in when(&[" as ", " as\u{a0}"])
        .into_iter()
        .flat_map(|t| OFFICE_NAMED.captures_iter(t))
    {
        let all = c.get(0).expect("match");
        if let Some(o) = office_at(&sentence[all.end()..])
            && REPORT_WORD.is_match(sentence)
        {
            let name = format!("{o}'s report");
            push(
                name.clone(),
                Some(name),
                Some(presenter(&c[1])),
                abs(all.start(), all.end() + o.len()),
                "office_named",
            );
        }
    }
    for c in when(&["through"])
        .into_iter()
        .flat_map(|t| THROUGH.captures_iter(t))
    {
        let all = c.get(0).expect("match");
        let who = presenter(
            &sentence[c.get(1).expect("name").start()..all.end()]
                .split(|ch: char| ch.is_whitespace())
                .take_while(|w| !["talked", "took", "walked", "then"].contains(w))
                .collect::<Vec<_>>()
                .join(" "),
        );
        if let Some((t, span)) = topic(text, s.start + all.end(), s.end) {
            push(t, None, Some(who), span, "took_us_through");
        }
    }
    if let Some(c) = when(&report).and_then(|t| {
        NAMES_REPORT
            .captures(t)
            .or_else(|| NAMES_REPORT_AFTER.captures(t))
    }) {
        let all = c.get(0).expect("match");
        let name = c.get(1).expect("name");
        if is_person(name.as_str()) {
            let after = &sentence[all.end()..];
            let office = AS_OFFICE
                .find(after)
                .and_then(|m| office_at(&after[m.end()..]).map(|o| (m.end(), o)));
            let end = office.map_or(all.end(), |(at, o)| all.end() + at + o.len());
            push(
                squash(&sentence[name.start()..end]),
                office.map(|(_, o)| format!("{o}'s report")),
                Some(presenter(name.as_str())),
                abs(name.start(), end),
                "names_report",
            );
        }
    }
    for c in when(&["report"])
        .into_iter()
        .flat_map(|t| REPORT_ITEM.captures_iter(t))
    {
        let m = c.get(0).expect("match");
        if TO_OTHER_BODY.is_match(&sentence[m.end()..]) {
            continue;
        }
        let mut heading = squash(m.as_str()).replace('’', "'");
        if let Some(first) = heading.get(..1) {
            heading = first.to_uppercase() + &heading[1..];
        }
        push(
            heading,
            office_report(&c[1]),
            None,
            abs(m.start(), m.end()),
            "standing_report",
        );
    }
    // The generic readings last: a specific rule's reading of the same words wins.
    let received = when(&[
        "received",
        "considered",
        "discussed",
        "debated",
        "given",
        "presented",
        "heard",
    ]);
    for m in received.into_iter().flat_map(|t| RECEIVED.find_iter(t)) {
        // `We also received ...`, `we then considered ...`: business of its own, even under a
        // heading.
        let rule = if SEQUENCE.is_match(m.as_str()) {
            "received_next"
        } else {
            "received"
        };
        for (t, span) in topics(text, s.start + m.end(), s.end) {
            push(t, None, None, span, rule);
        }
    }
    if let Some(c) = when(&[
        "discussed",
        "debated",
        "considered",
        "presented",
        "received",
    ])
    .and_then(|t| PASSIVE.captures(t))
    {
        let subject = c.get(1).expect("subject");
        let first = subject.as_str().split_whitespace().next().unwrap_or("");
        let words = subject.as_str().split_whitespace().count();
        let starts_sentence = WORDS
            .sentence_starts
            .iter()
            .any(|w| w.eq_ignore_ascii_case(first));
        if !starts_sentence
            && words <= 14
            && !REPORT_ON.is_match(&LEAD.replace(subject.as_str(), ""))
        {
            let t = squash(&LEAD.replace(subject.as_str(), ""));
            if !t.is_empty() {
                push(
                    t,
                    None,
                    None,
                    abs(subject.start(), subject.end()),
                    "was_discussed",
                );
            }
        }
    }
    for m in when(&["debate", "discussion"])
        .into_iter()
        .flat_map(|t| DEBATE_ON.find_iter(t))
    {
        if let Some((t, span)) = topic(text, s.start + m.end(), s.end) {
            push(t, None, None, span, "debate_on");
        }
    }
}

/// The next line after `at`'s line, if it is not blank.
fn next_line(text: &str, at: usize, end: usize) -> Option<&str> {
    let nl = text[at..end].find('\n')? + at + 1;
    let line = text[nl..end].split('\n').next()?.trim();
    (!line.is_empty()).then_some(line)
}

/// Whether a heading-like line is an agenda item's heading: not the author's section, a date
/// line, a caption ending with a person's name, a line of wrapped running text, or the title
/// of another body's meeting.
fn names_an_item(text: &str, body: Span, h: Span, sentences: &[Span], names: &[&str]) -> bool {
    let line = squash(&text[h.start..h.end]);
    let words: Vec<&str> = line.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let in_list = |list: &[String], w: &str| list.iter().any(|x| x.eq_ignore_ascii_case(w));
    let lower = line.to_lowercase();
    let starts = WORDS.sentence_starts.iter().any(|x| {
        lower == *x
            || lower
                .strip_prefix(x.as_str())
                .is_some_and(|rest| rest.starts_with(' '))
    });
    let wrapped = next_line(text, h.end, body.end).is_some_and(|next| {
        next.starts_with(|c: char| c.is_lowercase())
            || next
                .split_whitespace()
                .next()
                .is_some_and(|w| WORDS.name_tails.iter().any(|t| t == w))
    });
    !(line.ends_with(':')
        || SENTENCE_INSIDE.is_match(&line)
        || NOT_ITEM.is_match(&line)
        || starts
        || in_list(&WORDS.fragment_ends, last)
        || wrapped
        || DAY_MONTH.is_match(&line)
        || names.iter().any(|n| n.contains(' ') && line.ends_with(n))
        || others_met_under(text, h, sentences)
        || !first.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
}

/// Whether the first sentence under a heading says another body met (`The council group also
/// met today`): the heading is that meeting's, and so is what stands under it.
fn others_met_under(text: &str, h: Span, sentences: &[Span]) -> bool {
    let section = sentences
        .iter()
        .find(|s| s.end > h.end + 1)
        .map(|s| text[s.start.max(h.end)..s.end].trim_start())
        .unwrap_or("");
    OTHERS_MET
        .find(section)
        .is_some_and(|m| !NEC_WORDS.is_match(m.as_str()))
}

/// Whether a list item (`1) Tony Blair's Report`) is a numbered heading: a number before it
/// and a short line with no closing punctuation.
fn numbered_heading(text: &str, b: &Block) -> bool {
    let line_start = text[..b.span.start].rfind('\n').map_or(0, |i| i + 1);
    let marker = &text[line_start..b.span.start];
    let line = &text[b.span.start..b.span.end];
    marker.trim().starts_with(|c: char| c.is_ascii_digit())
        && line.len() <= 70
        && (1..=8).contains(&line.split_whitespace().count())
        && !line.ends_with(['.', ',', ';', '!', '?', '"', '”', ')'])
}

/// The labels of the lines after an introduction (`Specific agenda items were taken on:`):
/// `Finance update. It was noted ...`, `Review update: ...`.
fn listed_after(text: &str, intro: Span, body: Span, out: &mut Vec<Item>) {
    static LABEL: LazyLock<Regex> =
        LazyLock::new(|| build(r"^([A-Z\u{C0}-\u{DE}][^.:\n]+?)[.:]{S}\S"));
    let mut at = intro.end;
    for _ in 0..12 {
        let Some(nl) = text[at..body.end].find('\n') else {
            return;
        };
        let start = at + nl + 1;
        let end = text[start..body.end]
            .find('\n')
            .map_or(body.end, |i| start + i);
        at = end;
        let line = &text[start..end];
        let lead = line.len() - line.trim_start().len();
        if line.trim().is_empty() {
            continue;
        }
        let Some(c) = LABEL.captures(line.trim_start()) else {
            return;
        };
        let label = c.get(1).expect("label");
        let words: Vec<&str> = label.as_str().split_whitespace().collect();
        let sentence_like = words.len() > 6
            || words
                .iter()
                .any(|w| ["was", "were", "is", "are", "had", "has"].contains(w))
            || WORDS
                .sentence_starts
                .iter()
                .any(|x| x.eq_ignore_ascii_case(words[0]));
        if sentence_like {
            return;
        }
        let s = start + lead;
        out.push(Item {
            heading: squash(label.as_str()),
            canonical: office_report(label.as_str()),
            presenter: None,
            span: Span::new(s, s + label.end()),
            rule: "listed_after_intro",
        });
    }
}

static BARE: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)^(?:reports?|papers?|updates?|presentations?|briefings?|motions?|proposals?|items?|business)$",
    )
});

/// The letters and digits of a heading, lower-cased: how two spellings are compared.
fn key(s: &str) -> String {
    s.replace(['’', '\''], "")
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The agenda items of `body`, in text order: headings that name items and the items named in
/// running text. `names` are the people named in the report.
pub(crate) fn items(
    text: &str,
    body: Span,
    blocks: &[Block],
    sentences: &[Span],
    known: &Known<'_>,
) -> Vec<Item> {
    let names = known.names;
    let mut headings = Vec::new();
    let mut listed = Vec::new();
    // Sections under a heading over another body's meeting, to the next heading.
    let mut others: Vec<Span> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if b.span.start < body.start || b.span.end > body.end {
            continue;
        }
        let line = text[b.span.start..b.span.end].trim();
        let heading_like = b.kind == BlockKind::Heading
            || (b.kind == BlockKind::Bullet
                && numbered_heading(text, b)
                && blocks
                    .get(i + 1)
                    .is_some_and(|n| n.kind == BlockKind::Paragraph));
        // An introduction to a list: its lines' labels are the items.
        if line.ends_with(':') && INTRO_WORD.is_match(line) && line.len() <= 120 {
            listed_after(text, b.span, body, &mut listed);
            continue;
        }
        if heading_like && others_met_under(text, b.span, sentences) {
            let end = blocks[i + 1..]
                .iter()
                .find(|n| n.kind == BlockKind::Heading)
                .map_or(body.end, |n| n.span.start);
            others.push(Span::new(b.span.start, end));
        }
        if heading_like && names_an_item(text, body, b.span, sentences, names) {
            let mut canonical = office_report(line);
            let mut presenter = None;
            if let Some(c) = NAMES_REPORT.captures(line)
                && is_person(&c[1])
            {
                presenter = Some(self::presenter(&c[1]));
            }
            if canonical.is_none() {
                canonical = REPORT_ITEM
                    .captures(line)
                    .and_then(|c| office_report(&c[1]));
            }
            headings.push(Item {
                heading: squash(line),
                canonical,
                presenter,
                span: b.span,
                rule: "heading",
            });
        }
    }
    let mut running = Vec::new();
    for &s in sentences {
        let under_others = others.iter().any(|o| o.start <= s.start && s.start < o.end);
        if s.start >= body.start && s.end <= body.end && !under_others {
            in_sentence(text, s, &mut running);
        }
    }
    // What the generic rules find under a heading is that heading's business.
    let sections: Vec<Span> = headings
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let end = headings.get(i + 1).map_or(body.end, |n| n.span.start);
            Span::new(h.span.start, end)
        })
        .collect();
    running.retain(|r| {
        !GENERIC.contains(&r.rule)
            || !sections
                .iter()
                .any(|s| s.start <= r.span.start && r.span.start < s.end)
    });
    // `Jo reinforced these points in her report`: an office holder's own report.
    for &s in sentences {
        let sentence = &text[s.start..s.end];
        // The name it opens with must be a speaker's: most sentences open with none.
        if !known
            .speakers
            .iter()
            .any(|(f, _)| sentence.starts_with(f.as_str()))
        {
            continue;
        }
        let Some(c) = IN_OWN_REPORT.captures(sentence) else {
            continue;
        };
        let who = c.get(1).expect("name");
        if let Some((_, office)) = known.speakers.iter().find(|(f, _)| f == who.as_str()) {
            let report = format!("{office}'s report");
            running.push(Item {
                heading: report.clone(),
                canonical: Some(report),
                presenter: Some(presenter(who.as_str())),
                span: Span::new(s.start, s.start + c.get(0).expect("match").end()),
                rule: "in_own_report",
            });
        }
    }
    // The Leader's (Deputy Leader's, General Secretary's) address is their report, when the
    // text names no report of theirs: the first sentence where they speak, not under a heading.
    let addresses: Vec<(&str, Span)> = sentences
        .iter()
        .filter(|s| s.start >= body.start && s.end <= body.end)
        .filter(|s| {
            !others
                .iter()
                .chain(&sections)
                .any(|o| o.start <= s.start && s.start < o.end)
        })
        .filter_map(|&s| address(text, s, known.speakers))
        .collect();
    for office in ADDRESSING {
        let report = format!("{office}'s report");
        // Named by its office's words, or as the report of its holder (`Keir's report`).
        let holder = |who: &str| known.speakers.iter().any(|(f, o)| o == office && f == who);
        let named = |i: &Item| {
            i.canonical.as_deref() == Some(report.as_str())
                || i.presenter.as_deref().is_some_and(holder) && i.rule == "names_report"
        };
        if running.iter().any(named) || headings.iter().any(named) {
            continue;
        }
        let found = addresses.iter().find(|(o, _)| o == office);
        if let Some(&(_, span)) = found {
            running.push(Item {
                heading: report.clone(),
                canonical: Some(report),
                presenter: None,
                span,
                rule: "address",
            });
        }
    }
    // A report named in the sentence right under a heading is that heading's item: it gives
    // the heading its presenter.
    running.retain(|r| {
        let under = headings.iter_mut().find(|h| {
            r.span.start >= h.span.end
                && sentences
                    .iter()
                    .find(|s| s.end > h.span.end + 1)
                    .is_some_and(|s| s.start <= r.span.start && r.span.end <= s.end)
        });
        match under {
            Some(h) => {
                if h.presenter.is_none() {
                    h.presenter.clone_from(&r.presenter);
                }
                false
            }
            None => true,
        }
    });
    let all: Vec<Item> = headings.into_iter().chain(listed).chain(running).collect();
    // One item per place, then one per name: the first rule's reading wins, and gives the
    // one kept its presenter.
    let merge = |kept: &mut Vec<Item>, item: Item, same: &dyn Fn(&Item, &Item) -> bool| match kept
        .iter_mut()
        .find(|o| same(o, &item))
    {
        Some(o) => {
            if o.presenter.is_none() {
                o.presenter = item.presenter;
            }
        }
        None => kept.push(item),
    };
    let mut placed: Vec<Item> = Vec::new();
    for item in all {
        merge(&mut placed, item, &|o, i| {
            o.span.start < i.span.end && i.span.start < o.span.end
        });
    }
    let name = |i: &Item| key(i.canonical.as_deref().unwrap_or(&i.heading));
    // A bare `report` or `paper` read from running text names no item.
    placed.retain(|i| i.rule == "heading" || !BARE.is_match(i.heading.trim()));
    let mut kept: Vec<Item> = Vec::new();
    for item in placed.into_iter().filter(|i| !name(i).is_empty()) {
        merge(&mut kept, item, &|o, i| name(o) == name(i));
    }
    // A standing report written with its office's words (`leader’s report`, `Leaders Report`)
    // takes its normal spelling; other wordings (`report from the General Secretary`) stay.
    for i in &mut kept {
        if let Some(c) = &i.canonical
            && key(c) == key(&i.heading)
        {
            i.heading.clone_from(c);
        }
    }
    kept.sort_by_key(|i| i.span.start);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `in_sentence` runs a rule only on a sentence with its key words: none of the rules'
    /// patterns matches a sentence without them (here, one with no words at all).
    #[test]
    fn no_rule_reads_an_item_without_its_key_words() {
        let rules = [
            &*GAVE,
            &*REPORTED,
            &*GIVEN_ON,
            &*PAPER,
            &*UPDATE_ON,
            &*REPORT_FROM,
            &*OFFICE_NAMED,
            &*THROUGH,
            &*NAMES_REPORT,
            &*NAMES_REPORT_AFTER,
            &*REPORT_ITEM,
            &*RECEIVED,
            &*PASSIVE,
            &*DEBATE_ON,
        ];
        for re in rules {
            assert!(!re.is_match(""), "{re}");
            assert!(
                !re.is_match("Jo Bloggs met the Chair, and we agreed."),
                "{re}"
            );
        }
        let mut out = Vec::new();
        let text = "Jo Bloggs met the Chair, and we agreed.";
        in_sentence(text, Span::new(0, text.len()), &mut out);
        assert!(out.is_empty());
    }

    fn run(text: &str) -> Vec<Item> {
        let body = Span::new(0, text.len());
        let blocks = nectar_text::blocks(text, body);
        let sentences = nectar_text::sentences(text);
        let speakers = [
            ("Sam Brown".to_owned(), "Leader"),
            ("Sam".to_owned(), "Leader"),
        ];
        let known = Known {
            names: &["Jo Bloggs"],
            speakers: &speakers,
        };
        items(text, body, &blocks, &sentences, &known)
    }

    fn headings(text: &str) -> Vec<String> {
        run(text).into_iter().map(|i| i.heading).collect()
    }

    fn presenters(text: &str) -> Vec<Option<String>> {
        run(text).into_iter().map(|i| i.presenter).collect()
    }

    #[test]
    fn a_named_report_given_by_someone() {
        let t = "The meeting began at ten. Sam Green gave the CAC report, which was short.";
        assert_eq!(headings(t), ["CAC report"]);
        assert_eq!(presenters(t), [Some("Sam Green".to_owned())]);
    }

    #[test]
    fn a_first_report_as_an_office_is_that_offices_report() {
        let t = "Pat Jones gave his first report to us as general secretary. It went well.";
        assert_eq!(headings(t), ["General Secretary's report"]);
        let t = "Lee Smith reported as Elections Director on the year ahead.";
        assert_eq!(headings(t), ["Elections Director's report"]);
    }

    #[test]
    fn reported_on_a_topic() {
        let t = "Ann Lee, the compliance director, then reported to us about the boundary review.";
        assert_eq!(headings(t), ["boundary review"]);
        assert_eq!(presenters(t), [Some("Ann Lee".to_owned())]);
    }

    #[test]
    fn received_and_considered_in_running_text() {
        let t = "We then received the\nplan for the spring campaign. Finally, we considered \
                 the youth strategy (second draft).";
        assert_eq!(
            headings(t),
            [
                "plan for the spring campaign",
                "youth strategy (second draft)"
            ]
        );
    }

    #[test]
    fn reports_on_two_topics_are_two_items() {
        let t = "We also received full reports on finance and the by-elections.";
        assert_eq!(headings(t), ["finance", "by-elections"]);
    }

    #[test]
    fn a_subject_that_was_discussed() {
        let t = "Council results were discussed at length. It was discussed again later.";
        assert_eq!(headings(t), ["Council results"]);
    }

    #[test]
    fn an_update_given_on_a_topic_and_a_paper_decided() {
        let t = "An update was given on staff training, which is going well. A proposal for \
                 a Disability Rights working group was deferred to the next meeting.";
        assert_eq!(
            headings(t),
            ["staff training", "Disability Rights working group"]
        );
    }

    #[test]
    fn a_persons_report_at_the_start_of_a_sentence() {
        let t = "Sam’s report was delivered by video link. Labour's report is due.";
        assert_eq!(headings(t), ["Sam’s report"]);
        let t = "Top of the agenda was nothing. Sam Brown’s report as Treasurer came next.";
        assert_eq!(headings(t), ["Sam Brown’s report as Treasurer"]);
    }

    #[test]
    fn the_report_from_an_office_keeps_its_wording() {
        let body = "We then heard the report from the General Secretary, Pat Jones, on staff.";
        let text = body;
        let span = Span::new(0, text.len());
        let known = Known {
            names: &[],
            speakers: &[],
        };
        let got = items(text, span, &[], &nectar_text::sentences(text), &known);
        assert_eq!(got[0].heading, "report from the General Secretary");
        assert_eq!(
            got[0].canonical.as_deref(),
            Some("General Secretary's report")
        );
        assert_eq!(got[0].presenter.as_deref(), Some("Pat Jones"));
    }

    #[test]
    fn an_update_presented_by_someone() {
        let t = "Then came the update on the spring elections, presented by the new director, \
                 Kim Park.";
        assert_eq!(headings(t), ["spring elections"]);
        assert_eq!(presenters(t), [Some("Kim Park".to_owned())]);
    }

    #[test]
    fn a_report_to_conference_is_no_item() {
        let t = "The accounts go in the general secretary's report to annual conference.";
        assert!(headings(t).is_empty());
        let t = "The general secretary's report covered staffing.";
        assert_eq!(headings(t), ["General Secretary's report"]);
    }

    #[test]
    fn the_same_report_in_two_spellings_is_one_item() {
        let t = "The Leader’s report came first. Later the leaders report was discussed again.";
        assert_eq!(headings(t), ["Leader's report"]);
        let t = "Sam Brown gave the leader’s report. The Deputy Leaders Report came next.";
        assert_eq!(headings(t), ["Leader's report", "Deputy Leader's report"]);
    }

    #[test]
    fn headings_name_items_but_not_sections_dates_captions_or_wrapped_lines() {
        let t = "Finance\n\nThe budget was set.\n\nSummary\n\nAll went well.\n\n\
                 Panel hearing, 3 May 2021\n\nCases were heard.\n\nFormer treasurer Jo Bloggs\n\n\
                 Photo above.\n\nCampaigns\n\nThe campaign is going well.";
        assert_eq!(headings(t), ["Finance", "Campaigns"]);
        let wrapped = "We welcomed Sam\nGreen to the meeting.\nWe then received the\n\
                       budget for next year.\nPolicy Development\nCommittee members met.\n";
        assert_eq!(headings(wrapped), ["budget for next year"]);
    }

    /// Regression: a page laid out as a table of members and how they voted gave items
    /// (`Supported ...`).
    #[test]
    fn a_member_table_gives_no_items() {
        let t = "Supported Jo Bloggs\n\nMost of the union seats and two CLP seats.\n\n\
                 Opposed Jo Bloggs\n\nThe rest of the CLP seats.\n";
        assert!(headings(t).is_empty(), "{:?}", headings(t));
    }

    /// Regression: an introduction line was taken for an item and the list after it missed.
    #[test]
    fn an_introduction_line_is_no_item_but_its_list_is() {
        let t = "The items covered included:\nPolicy review. Members asked for more time.\n\
                 Staffing: the report was noted.\n";
        assert_eq!(headings(t), ["Policy review", "Staffing"]);
    }

    #[test]
    fn a_heading_over_another_bodys_meeting_is_no_item() {
        let t = "Local elections\n\nThe council group also met today and talked about dates.\n\n\
                 Membership\n\nThe NEC heard that membership is up.";
        assert_eq!(headings(t), ["Membership"]);
    }

    #[test]
    fn numbered_headings_and_the_labels_after_an_introduction() {
        let t = "Main business included:\n\n1) Sam Brown's Report\n\nSam spoke about the polls.\n\n\
                 2) Party Funding\n\nThe talks go on.\n";
        assert_eq!(headings(t), ["Sam Brown's Report", "Party Funding"]);
        assert_eq!(presenters(t)[0].as_deref(), Some("Sam Brown"));
        let t = "Agenda items taken were:\nBudget update. It was noted that money is tight.\n\
                 Rules review: members asked for more time.\nThe rest of the meeting was dull.\n";
        assert_eq!(headings(t), ["Budget update", "Rules review"]);
    }

    #[test]
    fn someone_reporting_in_an_office() {
        let t = "The meeting opened with a Leader’s report from Sam Brown, and then from Kim Park \
                 as Deputy Leader.";
        assert_eq!(headings(t), ["Leader's report", "Deputy Leader's report"]);
        let t =
            "First up to report to us was Lee Smith MP, in her new role as campaign coordinator.";
        assert_eq!(headings(t), ["Campaign Coordinator's report"]);
        let t = "The first item was Pat Jones’ report as General Secretary.";
        assert_eq!(headings(t), ["Pat Jones’ report as General Secretary"]);
    }

    #[test]
    fn people_who_took_us_through_a_paper() {
        let t = "Pat Jones and Lee Smith talked us through their review of the regions, which \
                 is long.";
        assert_eq!(headings(t), ["review of the regions"]);
        assert_eq!(presenters(t), [Some("Pat Jones and Lee Smith".to_owned())]);
    }

    #[test]
    fn a_leaders_address_is_the_leaders_report() {
        let t = "The meeting began late. Sam Brown then thanked the staff for the conference.";
        assert_eq!(headings(t), ["Leader's report"]);
        let t = "Newly-elected deputy leader Kim Park thanked the staff. Later the general \
                 secretary told the NEC about the budget.";
        assert_eq!(
            headings(t),
            ["Deputy Leader's report", "General Secretary's report"]
        );
        let t = "Sam Brown said hello. Sam Brown stressed the same points in his report.";
        assert_eq!(headings(t), ["Leader's report"]);
        assert_eq!(presenters(t), [Some("Sam Brown".to_owned())]);
        // Not twice, and not when the text names the report.
        let t = "Sam Brown gave the Leader's report. Sam Brown said more later.";
        assert_eq!(headings(t), ["Leader's report"]);
        let t = "Sam’s report was short. Sam Brown said more later.";
        assert_eq!(headings(t), ["Sam’s report"]);
    }

    #[test]
    fn office_reports_have_one_normal_spelling() {
        assert_eq!(office_report("leaders").as_deref(), Some("Leader's report"));
        assert_eq!(
            office_report("Deputy Leader’s report").as_deref(),
            Some("Deputy Leader's report")
        );
        assert_eq!(office_report("membership"), None);
    }
}
