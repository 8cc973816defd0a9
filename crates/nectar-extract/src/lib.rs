//! Reads the facts of a report from its [`Layout`]: the one mechanism every parser shares.
//!
//! A source parser's job is the page: where the title, date line, byline, body and readers'
//! comments stand (a [`Layout`], usually read with `nectar-page`). This crate's job is the
//! report, the same for every site: the meetings
//! and their dates (years worked out when the text leaves them out), durations, figures, votes,
//! decisions, agenda items and comments, each with byte-exact [`nectar_model::Evidence`].
//!
//! ```
//! use nectar_extract::extract;
//! use nectar_model::{Document, Layout, ParserInfo, Span};
//!
//! let text = "NEC Report – 3 March 2015\n\nThe NEC met on 3 March. Membership is now 190,000.";
//! let doc = Document::from_text("r.txt", text);
//! let title = Span::new(0, text.find('\n').unwrap());
//! let layout = Layout {
//!     title: Some(title),
//!     body: Span::new(title.end + 2, text.len()),
//!     ..Default::default()
//! };
//! let parser = ParserInfo { name: "generic".into(), version: "0".into(), confidence: 0.2 };
//! let report = extract(&doc, &layout, parser).unwrap();
//! let meeting = report.primary_meeting().unwrap();
//! assert_eq!(meeting.date.as_ref().unwrap().date.to_string(), "2015-03-03");
//! assert_eq!(report.figures[0].metric, nectar_model::Metric::Membership);
//! assert_eq!(report.figures[0].provenance.rule, "figures.membership_before");
//! assert_eq!(report.figures[0].value, 190000.0);
//! assert!(report.check(text).is_empty());
//!
//! // A layout whose spans are not slices of the text is an error, not a panic.
//! let bad = Layout { body: Span::new(0, text.len() + 1), ..Default::default() };
//! let info = ParserInfo { name: "mine".into(), version: "0".into(), confidence: 0.2 };
//! assert!(extract(&doc, &bad, info).unwrap_err().to_string().contains("is outside the text"));
//! ```
#![deny(missing_docs)]

mod agenda;
mod author_role;
mod classify;
mod decisions;
mod figures;
mod knowledge;
mod meetings;
mod people;
mod provenance;

use std::collections::HashMap;
use std::sync::LazyLock;

use nectar_model::{
    AgendaItem, BlockKind, Comment, DateBasis, DatePrecision, Decision, Document, Duration,
    Evidence, Figure, Layout, Meeting, MeetingKind, Metric, Origin, ParserInfo, PartialDate,
    Qualifier, Report, ReportKind, Sourced, Span, Unit, VoteCounts, VoteEvent, VoteResult,
    YearBasis,
    ids::{self, FactKind},
};
use nectar_text::{Anchor, DateMention, Scan, Tense};
use regex::Regex;

pub use knowledge::{Person, Tenure, people};
pub use provenance::{RuleInfo, rules};

use meetings::{Dated, MeetingMention, Period};

fn evidence(text: &str, span: Span) -> Evidence {
    Evidence::new(text, span).unwrap_or_else(|| Evidence {
        span: Span::new(0, 0),
        quote: String::new(),
    })
}

pub(crate) use nectar_text::{head as head_of, regex, tail as tail_of};

fn shift(span: Span, by: usize) -> Span {
    Span::new(span.start + by, span.end + by)
}

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])(?:/(0[1-9]|[12]\d|3[01]))?(?:/|$)")
        .expect("valid regex")
});

/// The date parts of a URL (`/2015/05/` or `/2015/05/20/`).
pub fn url_date(url: &str) -> Option<PartialDate> {
    let c = URL_DATE.captures(url)?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let year = num(1)? as i32;
    match num(3) {
        Some(d) => PartialDate::ymd(year, num(2)?, d),
        None => PartialDate::ym(year, num(2)?),
    }
}

/// Whether words a page gives as an author's read as a person's name: a known person's, or
/// none of them is a word that is not a name (`data/words.toml`: `Party`, `Leader`, ...) or a word in capitals
/// (`NEC`, `OPINION`).
fn is_person_name(words: &str) -> bool {
    let known = people().iter().any(|p| {
        std::iter::once(&p.name)
            .chain(&p.aliases)
            .any(|n| n == words)
    });
    known
        || words.split_whitespace().all(|w| {
            let letters: String = w.chars().filter(|c| c.is_alphabetic()).collect();
            let shouting = letters.chars().count() > 1 && !letters.chars().any(char::is_lowercase);
            !shouting
                && !knowledge::WORDS
                    .not_names
                    .contains(w.trim_end_matches(['’', '\'', 's']))
                && !knowledge::WORDS.not_names.contains(w)
        })
}

/// A URL's host (without a port) and what follows it: the path with its query, where some
/// sites put the article's name (`index.php?...&id=314:peter-willsman-reports-from-...`).
fn url_parts(url: &str) -> (&str, &str) {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (host, after) = rest.split_at(end);
    (
        host.split(':').next().unwrap_or(host),
        after.strip_prefix('/').unwrap_or(after),
    )
}

/// The person whose own site a URL is on: a label of its host that spells a known person's name
/// (`annblack.co.uk`, `aliceperry.wordpress.com`), letters only, without case, perhaps with a
/// middle initial after the first name (`jobbloggs.blog` for Jo Bloggs).
fn site_owner(url: &str) -> Option<&'static Person> {
    /// Each person's name as an address spells it: all letters, and the first name apart
    /// from the rest (`petergkenyon` has a middle initial between them).
    static KEYS: LazyLock<Vec<(String, String, String, &'static Person)>> = LazyLock::new(|| {
        people()
            .iter()
            .filter_map(|p| {
                let words: Vec<String> = p
                    .name
                    .to_lowercase()
                    .split_whitespace()
                    .map(|w| w.chars().filter(char::is_ascii_alphabetic).collect())
                    .collect();
                let key = words.concat();
                let (first, rest) = words.split_first()?;
                (key.len() >= 6).then(|| (key, first.clone(), rest.concat(), p))
            })
            .collect()
    });
    let host = url_parts(url).0.to_lowercase();
    let labels: Vec<String> = host
        .split('.')
        .map(|s| s.chars().filter(char::is_ascii_alphabetic).collect())
        .collect();
    KEYS.iter()
        .find(|(key, first, rest, _)| {
            labels.iter().any(|l| {
                l == key
                    || (!rest.is_empty()
                        && l.len() == key.len() + 1
                        && l.starts_with(first.as_str())
                        && l.ends_with(rest.as_str()))
            })
        })
        .map(|&(_, _, _, p)| p)
}

/// The known person whose report a URL's path says it is: the path names a report
/// (`report`, `reports`) and a known person (`ann-black-nec-report`, `alice-perrys-nec-report`,
/// `report-back-from-the-nec-gemma-bolton`), a possessive `s` allowed.
fn reporter_in_path(url: &str) -> Option<&'static Person> {
    let path = url_parts(url).1.to_lowercase();
    let words: Vec<&str> = path
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    if !words.iter().any(|w| *w == "report" || *w == "reports") {
        return None;
    }
    let names = |w: &[&str], name: &[String]| {
        w.len() == name.len()
            && w.iter().zip(name).enumerate().all(|(i, (w, n))| {
                *w == n || (i + 1 == name.len() && w.strip_suffix('s') == Some(n.as_str()))
            })
    };
    people().iter().find(|p| {
        std::iter::once(&p.name).chain(&p.aliases).any(|full| {
            let name: Vec<String> = full
                .to_lowercase()
                .split_whitespace()
                .map(str::to_owned)
                .collect();
            words.windows(name.len()).any(|w| names(w, &name))
        })
    })
}

/// The one day a title names (its `dates`), its year from `anchor` when it gives none (`Away
/// Day - Monday 19th November`); none when it names several days or none.
fn title_date(
    title: &str,
    dates: &[DateMention],
    anchor: Option<&Anchor>,
) -> Option<nectar_model::DateReading> {
    let days: Vec<_> = dates
        .iter()
        .filter(|m| m.day.is_some() && m.month.is_some())
        .collect();
    let [one] = days.as_slice() else {
        return None;
    };
    // A year the title names on its own (`Conference 2016 (24-27/09)`) is the day's year.
    let reading = match title_year(title) {
        Some(year) if one.year.is_none() => {
            let at = Anchor::year(year, YearBasis::Title)?;
            nectar_text::resolve(one, Some(&at), Tense::Unknown)
        }
        _ => nectar_text::resolve(one, anchor, Tense::Past),
    };
    reading.map(|r| r.from(DateBasis::Title))
}

/// The one year a title names (`NEC Meetings - Conference 2016`), if it names one.
fn title_year(title: &str) -> Option<i32> {
    let mut years = YEAR
        .find_iter(title)
        .filter_map(|m| m.as_str().parse::<i32>().ok());
    let year = years.next()?;
    years.all(|y| y == year).then_some(year)
}

/// The day a URL's last path segment names (`nec-report-26-september-2023.html`,
/// `26th-november-nec-away-day`), read as capitalised words, the year from `anchor` when it
/// gives none; with the words read.
fn slug_date(url: &str, anchor: Option<&Anchor>) -> Option<(nectar_model::DateReading, String)> {
    let path = url_parts(url).1.split(['?', '#']).next()?;
    let last = path.split('/').rev().find(|s| !s.is_empty())?;
    let last = last.split('.').next()?;
    // Each word capitalised, as month names in running text are.
    let words = last
        .split(['-', '_', '+'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ");
    let mention = nectar_text::find_dates(&words)
        .into_iter()
        .find(|m| m.day.is_some() && m.month.is_some())?;
    let reading = nectar_text::resolve(&mention, anchor, Tense::Past)?.from(DateBasis::Url);
    Some((reading, words))
}

static NEXT_YEAR: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\bnext[\s\u{a0}]+year(?:['’]s)?\b").expect("valid regex"));
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b(19[89]\d|20[0-4]\d)\b").expect("valid regex"));
static YEAR_AFTER_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(19[89]\d|20[0-4]\d)[\s\u{a0}]+(?:local[\s\u{a0}]+|general[\s\u{a0}]+|mayoral[\s\u{a0}]+)?elections\b")
        .expect("valid regex")
});

/// A year for dates that state none, from the years the text itself names: `next year's
/// elections` beside `the 2021 elections` puts the text in 2020; otherwise the year named most
/// often (the latest on a tie).
fn context_year(text: &str) -> Option<i32> {
    if NEXT_YEAR.is_match(text)
        && let Some(c) = YEAR_AFTER_NEXT.captures(text)
        && let Ok(y) = c[1].parse::<i32>()
    {
        return Some(y - 1);
    }
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for c in YEAR.captures_iter(text) {
        if let Ok(y) = c[1].parse::<i32>() {
            match counts.iter_mut().find(|(k, _)| *k == y) {
                Some((_, n)) => *n += 1,
                None => counts.push((y, 1)),
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(y, n)| (n, y))
        .map(|(y, _)| y)
}

/// The period a title names (its `dates`), if it names one with a year.
fn title_period(title: &str, dates: &[DateMention]) -> Option<Period> {
    let with_year: Vec<_> = dates
        .iter()
        .filter_map(|m| nectar_text::resolve(m, None, Tense::Unknown))
        .collect();
    let year = with_year
        .first()
        .map(|r| r.date.year())
        .or_else(|| title_year(title))?;
    // Month names without a year in a title like "September & October 2020" share its year.
    let anchor = Anchor::year(year, YearBasis::Title)?;
    let all: Vec<PartialDate> = dates
        .iter()
        .filter_map(|m| nectar_text::resolve(m, Some(&anchor), Tense::Unknown))
        .flat_map(|r| std::iter::once(r.date).chain(r.end))
        .filter(|d| d.year() == year)
        .collect();
    Some(Period {
        first: *all.iter().min()?,
        last: *all.iter().max()?,
    })
}

/// The election of a committee's officer, up to the committee's name (`was elected chair of`).
static OFFICER_OF: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(?:re-?)?(?:elected|appointed)[\s\u{a0}]+(?:as[\s\u{a0}]+)?(?:the[\s\u{a0}]+)?(?:new[\s\u{a0}]+)?(?:chair|vice-chair|vice[\s\u{a0}]+chair|chairs?)[\s\u{a0}]+of[\s\u{a0}]+")
        .expect("valid regex")
});

/// A meeting called a full or ordinary one (`the full NEC meeting`, `an ordinary meeting`).
static EXPLICITLY_FULL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:full|ordinary|regular)[\s\u{a0}]+(?:nec|national[\s\u{a0}]+executive|meeting)\b",
    )
    .expect("valid regex")
});

static PRESENTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"([A-Z][\p{L}'’\-]+(?:[\s\u{a0}]+[A-Z][\p{L}'’\-]+){0,2})[\s\u{a0}]+(?:then[\s\u{a0}]+)?(?:gave|delivered|presented|introduced|moved)[\s\u{a0}]+(?:the|his|her|their|a)?[\s\u{a0}]*[\w\s’']{0,30}?report\b")
        .expect("valid regex")
});

/// Everything read from the text, in one place while the report is assembled.
struct Reader<'a> {
    text: &'a str,
    body: Span,
    /// The body's scans (dates, numbers, sentences, ...), made once and shared.
    scan: Scan<'a>,
    sentences: Vec<Span>,
    /// The body's first sentences, a byline among them (`X and Y report on the away day`):
    /// the words that introduce the report's meeting.
    opening: Vec<Span>,
}

impl<'a> Reader<'a> {
    /// The sentence that holds byte `at`, else the body (by binary search: the sentences are
    /// sorted and disjoint).
    fn sentence_of(&self, at: usize) -> Span {
        self.sentences
            .partition_point(|s| s.start <= at)
            .checked_sub(1)
            .map(|i| self.sentences[i])
            .filter(|s| at < s.end.max(s.start + 1))
            .unwrap_or(self.body)
    }
}

/// The sentences of a scan of the text at `offset`, as absolute spans.
fn sentences(scan: &Scan<'_>, offset: usize) -> Vec<Span> {
    scan.sentences().iter().map(|&s| shift(s, offset)).collect()
}

/// The sentence of `sentences` (sorted, disjoint) that holds byte `at`.
fn holding(sentences: &[Span], at: usize) -> Option<Span> {
    let i = sentences
        .partition_point(|s| s.start <= at)
        .checked_sub(1)?;
    Some(sentences[i]).filter(|s| at < s.end)
}

static FUTURE_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(?:scheduled|will|shall|next|upcoming|due[\s\u{a0}]+to|planned[\s\u{a0}]+for)\b")
        .expect("valid regex")
});

/// A date that names a decision already taken (`the 28 January NEC decision on ...`,
/// `the March committee's decision`): behind, whatever the clause says of what comes next.
static DECISION_OF: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^[\s\u{a0}]*(?:(?:nec|committee|panel|meeting)(?:['’]s)?[\s\u{a0}]+)?decisions?\b")
        .expect("valid regex")
});

static LOOKS_AHEAD: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(?:defer(?:red)?|postponed?|put[\s\u{a0}]+off|(?:come|brought|taken|referred|sent)[\s\u{a0}]+(?:back[\s\u{a0}]+)?to|continue|review|return|until|till|ahead[\s\u{a0}]+of|before)\b[^.;]{0,30}$")
        .expect("valid regex")
});

/// Date mentions in `span`, resolved against `anchor`, as absolute spans.
///
/// Against a publication date, the tense of the clause picks the year (a report looks back
/// at its meeting and forward to the next); against a title's period or the text's years, the
/// nearest year does. Relative dates (`yesterday`) resolve only against a publication date.
fn dated(text: &str, span: Span, anchor: Option<&Anchor>) -> Vec<Dated> {
    dated_in(&Scan::new(&text[span.start..span.end]), span.start, anchor)
}

/// [`dated`] on a scan of the text at `offset`.
fn dated_in(scan: &Scan<'_>, offset: usize, anchor: Option<&Anchor>) -> Vec<Dated> {
    let slice = scan.text();
    // Against a publication date, or the end of the period a title names, the tense of the
    // clause picks the year: a report looks back unless it says it looks ahead.
    let by_tense = anchor.is_some_and(|a| {
        matches!(
            a.basis,
            YearBasis::Published | YearBasis::SidecarPublished | YearBasis::Url | YearBasis::Title
        )
    });
    let relative_ok = anchor.is_some_and(|a| a.basis != YearBasis::Title);
    let sentences = scan.sentences();
    scan.dates()
        .iter()
        .cloned()
        .filter_map(|mut m| {
            if m.relative.is_some() && !(by_tense && relative_ok) {
                return None;
            }
            let tense = if !by_tense {
                Tense::Unknown
            } else {
                let sentence =
                    holding(sentences, m.span.start).map_or(slice, |s| &slice[s.start..s.end]);
                if FUTURE_CLAUSE.is_match(sentence) {
                    Tense::Future
                } else {
                    match scan.tense_at(m.span.start) {
                        // Within a title's period, what is not said to lie ahead lies behind.
                        Tense::Unknown if !relative_ok => Tense::Past,
                        t => t,
                    }
                }
            };
            // "deferred to the March NEC", "will continue at the September meeting": a month
            // named as where business goes next is ahead, whatever the clause's verb.
            let tense = if by_tense
                && m.day.is_none()
                && m.year.is_none()
                && LOOKS_AHEAD.is_match(tail_of(&slice[..m.span.start], 60))
            {
                Tense::Future
            } else if by_tense && m.year.is_none() && DECISION_OF.is_match(&slice[m.span.end..]) {
                Tense::Past
            } else {
                tense
            };
            let reading = nectar_text::resolve(&m, anchor, tense)?;
            m.span = shift(m.span, offset);
            Some(Dated {
                mention: m,
                reading,
                tense,
            })
        })
        .collect()
}

/// A layout that cannot be read: one of its spans is not a slice of the document's text (the
/// message says which, as [`Layout::check`] does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutError(pub String);

impl std::fmt::Display for LayoutError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LayoutError {}

/// Reads a report's facts from its layout.
///
/// What the sidecar says (title, publication date, authors, URL) wins over the text; dates
/// without a year take it from the publication date, the URL, the title's period or the years
/// the text names, in that order, and say so.
///
/// # Errors
///
/// A layout with a span that is not a slice of the document's text ([`Layout::check`]).
pub fn extract(doc: &Document, layout: &Layout, parser: ParserInfo) -> Result<Report, LayoutError> {
    layout.check(&doc.text).map_err(LayoutError)?;
    let text = doc.text.as_str();
    let side = doc.sidecar.clone().unwrap_or_default();
    let body = layout.body;
    let mut notes = Vec::new();

    let markup = doc.markup.clone().unwrap_or_default();
    let title = match (&side.title, &markup.title, layout.title) {
        (Some(t), _, _) => Some(Sourced::from(t.clone(), Origin::Sidecar)),
        // A page's title heads the text nectar reads from it: quoted there.
        (None, Some(t), _) if text.starts_with(t.as_str()) => Some(Sourced::from_text(
            t.clone(),
            evidence(text, Span::new(0, t.len())),
        )),
        (None, Some(t), _) => Some(Sourced::from(t.clone(), Origin::Markup)),
        (None, None, Some(span)) => Some(Sourced::from_text(
            text[span.start..span.end].to_owned(),
            evidence(text, span),
        )),
        (None, None, None) => None,
    };
    let published = match (side.published, markup.published, &layout.published) {
        (Some(d), _, _) => Some(Sourced::from(d, Origin::Sidecar)),
        (None, Some(d), _) => Some(Sourced::from(d, Origin::Markup)),
        (None, None, Some((d, span))) => Some(Sourced::from_text(*d, evidence(text, *span))),
        (None, None, None) => doc
            .source
            .url
            .as_deref()
            .and_then(url_date)
            .filter(|d| d.precision() == DatePrecision::Day)
            .map(|d| Sourced::from(d, Origin::Url)),
    };
    let authors = match side.authors.as_ref().or(markup.authors.as_ref()) {
        Some(a) => {
            let origin = if side.authors.is_some() {
                Origin::Sidecar
            } else {
                Origin::Markup
            };
            a.iter().map(|a| Sourced::from(a.clone(), origin)).collect()
        }
        None if layout
            .authors
            .iter()
            .any(|&s| is_person_name(&text[s.start..s.end])) =>
        {
            layout
                .authors
                .iter()
                .filter(|&&s| is_person_name(&text[s.start..s.end]))
                .map(|&s| Sourced::from_text(text[s.start..s.end].to_owned(), evidence(text, s)))
                .collect()
        }
        None => doc
            .source
            .url
            .as_deref()
            .and_then(|url| site_owner(url).or_else(|| reporter_in_path(url)))
            .map(|p| Sourced::from(p.name.clone(), Origin::Url))
            .into_iter()
            .collect(),
    };

    let body_text = &text[body.start..body.end];
    // The title's dates, read once for its period and its day.
    let title_dates = title
        .as_ref()
        .map(|t| nectar_text::find_dates(&t.value))
        .unwrap_or_default();
    let period = title
        .as_ref()
        .and_then(|t| title_period(&t.value, &title_dates));
    // The anchor for dates without a year, best first.
    let anchor = published
        .as_ref()
        .map(|p| {
            let basis = match p.origin {
                Origin::Sidecar => YearBasis::SidecarPublished,
                Origin::Url => YearBasis::Url,
                _ => YearBasis::Published,
            };
            Anchor::latest(&p.value, basis)
        })
        .or_else(|| {
            doc.source
                .url
                .as_deref()
                .and_then(url_date)
                .map(|d| Anchor::latest(&d, YearBasis::Url))
        })
        .or_else(|| period.map(|p| Anchor::latest(&p.last, YearBasis::Title)))
        .or_else(|| context_year(text).and_then(|y| Anchor::year(y, YearBasis::Context)));

    // A post of a listing page opens at its own text, not at the page's.
    let page_head = if layout.post.is_some() {
        &text[body.start..]
    } else {
        text
    };
    let head = match &title {
        Some(t) => format!("{}\n{}", t.value, head_of(page_head, 400)),
        None => head_of(page_head, 400).to_owned(),
    };
    let decision = classify::classify(&classify::Page {
        head: &head,
        title: title.as_ref().map(|t| t.value.as_str()),
        url: doc.source.url.as_deref(),
        body: body_text,
    });
    let kind = decision.kind;
    notes.push(decision.note());
    // Sentences that run into a clutter line (a page header between two halves of a
    // sentence) are read without it only in part; facts are not read from clutter.
    let scan = Scan::new(body_text);
    let all_sentences = sentences(&scan, body.start);
    let reader = Reader {
        text,
        body,
        opening: all_sentences
            .iter()
            .take(OPENING_SENTENCES)
            .copied()
            .collect(),
        sentences: all_sentences
            .into_iter()
            .filter(|s| {
                !layout
                    .clutter
                    .iter()
                    .any(|c| s.contains(*c) && s.len() <= c.len() + 2)
            })
            .collect(),
        scan,
    };

    let mut report = Report {
        report_id: String::new(),
        source: parser.name.clone(),
        document: doc.source.clone(),
        parser,
        kind,
        title,
        published,
        authors,
        author_role: None,
        body,
        clutter: layout.clutter.clone(),
        meetings: Vec::new(),
        agenda_items: Vec::new(),
        figures: Vec::new(),
        votes: Vec::new(),
        decisions: Vec::new(),
        people: Vec::new(),
        comments: Vec::new(),
        notes: Vec::new(),
        fingerprint: ids::fingerprint(&text[body.start..body.end]),
    };

    let mut places = Vec::new();
    if kind == ReportKind::NecReport {
        // The one day the title names, read against the publication date or the URL (`Away
        // Day - Monday 19th November`).
        let title_day = report
            .title
            .as_ref()
            .and_then(|t| title_date(&t.value, &title_dates, anchor.as_ref()));
        places = read_meetings(
            &reader,
            &mut report,
            anchor.as_ref(),
            period,
            title_day.as_ref(),
            &mut notes,
        );
        // A meeting the text never dates may be dated by the title's day, or by the page's
        // address (`.../nec-report-26-september-2023.html`).
        // A primary meeting dated to its month alone ("the September NEC") takes the day
        // they give in that month.
        let vague = |m: &Meeting, day: &nectar_model::DateReading| match &m.date {
            None => true,
            Some(d) => {
                d.precision == DatePrecision::Month
                    && d.date.year() == day.date.year()
                    && d.date.month() == day.date.month()
            }
        };
        if let Some(m) = report.meetings.iter_mut().find(|m| m.primary) {
            let slug = doc
                .source
                .url
                .as_deref()
                .and_then(|url| slug_date(url, anchor.as_ref()));
            if let Some(reading) = title_day.filter(|d| vague(m, d)) {
                m.date = Some(reading);
            } else if let Some((reading, slug)) = slug.filter(|(d, _)| vague(m, d)) {
                notes.push(format!(
                    "the meeting's date is from the page's address ({slug})"
                ));
                m.date = Some(reading);
            }
            // Still undated: the one month the title names ("NEC Report - May 2022"), else
            // the year the page was published in, by its address or its metadata.
            if m.date.is_none() {
                let month = period
                    .filter(|p| p.first == p.last && p.first.precision() == DatePrecision::Month);
                let published = doc
                    .source
                    .url
                    .as_deref()
                    .and_then(url_date)
                    .map(|d| (d, DateBasis::Url))
                    .or_else(|| {
                        report
                            .published
                            .as_ref()
                            .map(|p| (p.value, DateBasis::Published))
                    });
                if let Some(p) = month {
                    m.date =
                        Some(nectar_model::DateReading::stated(p.first).from(DateBasis::Title));
                } else if let Some((d, basis)) = published {
                    notes.push(format!(
                        "the meeting is dated only to the year the page was published in ({})",
                        d.year()
                    ));
                    m.date = Some(
                        nectar_model::DateReading::inferred(
                            PartialDate::y(d.year()),
                            YearBasis::Published,
                        )
                        .from(basis),
                    );
                }
            }
        }
    }
    let mut report_id = ids::report_id(report.document.url.as_deref(), &doc.source.sha256);
    // Each post of a listing page is a report of its own, with its place in the ID.
    if let Some((n, of)) = layout.post {
        report_id = format!("{report_id}-p{n}");
        notes.push(format!(
            "post {n} of {of} on a listing page, read as a report of its own"
        ));
    }
    let meeting_ids = fact_ids(
        &report_id,
        FactKind::Meeting,
        report.meetings.iter().map(|m| m.evidence.quote.as_str()),
    );
    for (m, id) in report.meetings.iter_mut().zip(meeting_ids) {
        m.meeting_id = id;
    }
    report.report_id = report_id;
    if kind == ReportKind::NecReport {
        read_facts(&reader, &mut report, layout, &places);
    }
    read_comments(text, layout, &mut report, anchor.as_ref());
    number_facts(&mut report);
    report.notes = notes;
    Ok(report)
}

/// Reads the meetings of the report into `report.meetings`, and gives every place where the
/// text names one: its span, date and kind.
fn read_meetings(
    reader: &Reader<'_>,
    report: &mut Report,
    anchor: Option<&Anchor>,
    period: Option<Period>,
    title_day: Option<&nectar_model::DateReading>,
    notes: &mut Vec<String>,
) -> Vec<(Span, PartialDate, MeetingKind)> {
    let text = reader.text;
    let mut dates = dated_in(&reader.scan, reader.body.start, anchor);
    // "The committees met today", in a report its title dates and that was published up to a
    // week later: written on the title's day, so "today" is that day, not the publication's.
    let title_day = title_day.filter(|d| d.precision == DatePrecision::Day);
    if let (Some(day), Some(a)) = (title_day, anchor) {
        let lag = (a.date - day.date.first_day()).num_days();
        if (1..=7).contains(&lag) {
            for d in dates
                .iter_mut()
                .filter(|d| d.mention.relative == Some(nectar_text::Relative::Today))
            {
                d.reading = nectar_model::DateReading {
                    weekday_clash: None,
                    ..day.clone()
                };
            }
        }
    }
    for d in &dates {
        if let Some(clash) = &d.reading.weekday_clash {
            notes.push(format!(
                "{} ({})",
                clash,
                &text[d.mention.span.start..d.mention.span.end]
            ));
        }
    }
    let named = meetings::mentions(text, &reader.sentences, &dates);
    let places: Vec<(Span, PartialDate, MeetingKind)> = named
        .iter()
        .map(|m| (m.span, m.date.date, m.kind))
        .collect();
    let mentions = meetings::merge(named);
    let primary = meetings::primary(&mentions, period);
    let mut list: Vec<(MeetingMention, bool)> = mentions
        .into_iter()
        .enumerate()
        .map(|(i, m)| (m, Some(i) == primary))
        .collect();
    // A title that names the day of a meeting the body never dates is the primary meeting.
    if primary.is_none()
        && let Some(p) = period
        && p.first.precision() == DatePrecision::Day
        && let Some(title) = report.title.as_ref().and_then(|t| t.evidence.clone())
    {
        // The kinds the title names (`NEC Disputes Panel and Organisation Committee
        // meetings, 4 July`), the first of them the primary meeting; else the full NEC.
        let words = &text[title.span.start..title.span.end];
        let title_anchor = title_year(words).and_then(|y| Anchor::year(y, YearBasis::Title));
        let mut named: Vec<MeetingMention> = meetings::mentions(
            text,
            &[title.span],
            &dated(text, title.span, title_anchor.as_ref()),
        )
        .into_iter()
        .filter(|m| m.date.date == p.first && m.kind != MeetingKind::Unknown)
        .collect();
        if named.is_empty() {
            named.push(MeetingMention {
                date: title_date(words, &nectar_text::find_dates(words), anchor)
                    .filter(|d| d.date == p.first)
                    .unwrap_or_else(|| {
                        nectar_model::DateReading::stated(p.first).from(DateBasis::Title)
                    }),
                kind: MeetingKind::Full,
                body: None,
                status: nectar_model::MeetingStatus::Held,
                span: title.span,
            });
        }
        for (i, m) in named.into_iter().enumerate().rev() {
            list.insert(
                0,
                (
                    MeetingMention {
                        status: nectar_model::MeetingStatus::Held,
                        span: title.span,
                        date: m.date.from(DateBasis::Title),
                        ..m
                    },
                    i == 0,
                ),
            );
        }
    }
    // A meeting named only as the NEC's takes a particular kind (an away day, a special or
    // an emergency meeting) from the words that introduce it: the first sentences of its
    // section (up to the next meeting the text dates) and, for the primary meeting, the
    // title and the body's opening sentences.
    // Words that call the meeting a full or ordinary one settle it ("the Away Day ... but this
    // was the first ordinary full NEC meeting").
    let particular = |words: &str| {
        if EXPLICITLY_FULL.is_match(words) {
            return Some(MeetingKind::Full);
        }
        meetings::particular_kind_named(words)
    };
    let title_words = report.title.as_ref().map(|t| t.value.as_str());
    let title_full =
        title_words.is_some_and(|t| meetings::kind_named(t) == Some(MeetingKind::Full));
    let starts: Vec<(usize, PartialDate)> = list
        .iter()
        .map(|(m, _)| (m.span.start, m.date.date))
        .collect();
    for (m, primary) in &mut list {
        if !matches!(m.kind, MeetingKind::Full | MeetingKind::Unknown) {
            continue;
        }
        let next = starts
            .iter()
            .filter(|(at, date)| *at > m.span.end && *date != m.date.date)
            .map(|(at, _)| *at)
            .min()
            .unwrap_or(reader.body.end);
        let section = reader
            .sentences
            .iter()
            .filter(|s| s.end > m.span.start && s.start < next)
            .take(SECTION_SENTENCES)
            .map(|s| &text[s.start..s.end]);
        // An opening sentence that dates another meeting speaks of that one.
        let others: Vec<usize> = starts
            .iter()
            .filter(|(_, date)| *date != m.date.date)
            .map(|(at, _)| *at)
            .collect();
        let opening = reader
            .opening
            .iter()
            .take(if *primary { OPENING_SENTENCES } else { 0 })
            .filter(|s| !others.iter().any(|&at| s.start <= at && at < s.end))
            .map(|s| &text[s.start..s.end]);
        let kind = title_words
            .filter(|_| *primary)
            .into_iter()
            .chain(section)
            .chain(opening)
            .find_map(particular);
        match kind {
            Some(kind) => m.kind = kind,
            None if *primary && title_full && m.kind == MeetingKind::Unknown => {
                m.kind = MeetingKind::Full
            }
            None => {}
        }
    }
    // The primary meeting first, the others in the order the text names them.
    list.sort_by_key(|(m, primary)| (!primary, m.span.start));
    // A report about a meeting that it never dates still reports one: its kind from the
    // title or the first sentences that name a meeting, its date unknown.
    let undated = (!list.iter().any(|(_, p)| *p))
        .then(|| undated_primary(reader, report))
        .flatten();
    let duration = meeting_length(reader);
    report.meetings = undated
        .map(|(kind, span)| Meeting {
            meeting_id: String::new(),
            date: None,
            kind,
            body: None,
            status: nectar_model::MeetingStatus::Held,
            primary: true,
            duration: duration.clone(),
            evidence: evidence(text, span),
        })
        .into_iter()
        .chain(list.into_iter().map(|(m, primary)| Meeting {
            meeting_id: String::new(),
            date: Some(m.date),
            kind: m.kind,
            body: m.body,
            status: m.status,
            primary,
            duration: if primary { duration.clone() } else { None },
            evidence: evidence(text, m.span),
        }))
        .collect();
    places
}

/// Words that make a stated length a habit (`panel meetings usually last an hour`), not the
/// length of the meeting reported.
static HABITUAL: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(?:usually|normally|typically|generally|often|always|tends?[\s\u{a0}]+to|on[\s\u{a0}]+average)\b")
        .expect("valid regex")
});

/// A sentence about running past the time set (`overran the four hours scheduled`).
static OVERRAN: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(?:over-?ran|overrun|ran[\s\u{a0}]+over|went[\s\u{a0}]+over)\b")
        .expect("valid regex")
});

/// What stands before the amount of an overrun (`by another 4.5 hours`).
static BY_ANOTHER: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\bby(?:[\s\u{a0}]+(?:another|a[\s\u{a0}]+further))?[\s\u{a0}]*$")
        .expect("valid regex")
});

/// The length of the meeting reported: the first length stated in the body that is an hour or
/// more ("twenty minutes" is an item's), not a habit ("usually last under an hour"), with an
/// overrun added to the length scheduled ("overran the four hours scheduled by another 4.5
/// hours": 8.5 hours). An overrun stated alone is not the meeting's length.
fn meeting_length(reader: &Reader<'_>) -> Option<Duration> {
    let text = reader.text;
    let found: Vec<(Span, f64, Qualifier)> = reader
        .scan
        .durations()
        .into_iter()
        .map(|d| (shift(d.span, reader.body.start), d.hours, d.qualifier))
        .collect();
    let mut k = 0;
    while k < found.len() {
        let (span, hours, qualifier) = found[k];
        k += 1;
        let sentence = reader.sentence_of(span.start);
        let said = &text[sentence.start..sentence.end];
        // The clause that states the length: from the last "but" or semicolon before it.
        let before = &text[sentence.start..span.start];
        let clause = [" but ", ";"]
            .iter()
            .filter_map(|w| before.rfind(w).map(|i| i + w.len()))
            .max()
            .map_or(before, |i| &before[i..]);
        if HABITUAL.is_match(clause) {
            continue;
        }
        let is_overrun = |at: Span| {
            OVERRAN.is_match(said) && BY_ANOTHER.is_match(&text[sentence.start..at.start])
        };
        if is_overrun(span) {
            continue;
        }
        let (mut span, mut hours) = (span, hours);
        if let Some(&(extra, more, _)) = found.get(k)
            && extra.end <= sentence.end
            && is_overrun(extra)
        {
            (span, hours) = (Span::new(span.start, extra.end), hours + more);
            k += 1;
        }
        if hours >= 1.0 {
            return Some(Duration {
                hours,
                qualifier,
                evidence: evidence(text, span),
            });
        }
    }
    None
}

/// How many of the body's first sentences may name the meeting a report never dates.
const OPENING_SENTENCES: usize = 5;

/// How many sentences of a meeting's section may name its kind.
const SECTION_SENTENCES: usize = 3;

/// The kind of the meeting that a report never dates, and the words that name it: among the
/// title and the body's first sentences, the first that names a particular kind (an away day,
/// a special meeting, one of the NEC's committees), else the first that names the NEC, else the
/// first that names any committee or meeting.
fn undated_primary(reader: &Reader<'_>, report: &Report) -> Option<(MeetingKind, Span)> {
    let text = reader.text;
    let title = report
        .title
        .as_ref()
        .and_then(|t| t.evidence.as_ref())
        .map(|e| e.span);
    let named: Vec<(MeetingKind, Span)> = title
        .into_iter()
        .chain(reader.opening.iter().copied())
        .filter_map(|s| meetings::kind_named(&text[s.start..s.end]).map(|k| (k, s)))
        .collect();
    // Any capitalised "... Committee" is weaker evidence than the NEC named.
    let general = |k: MeetingKind| {
        matches!(
            k,
            MeetingKind::Full | MeetingKind::Unknown | MeetingKind::OtherCommittee
        )
    };
    named
        .iter()
        .find(|(k, _)| !general(*k))
        .or_else(|| named.iter().find(|(k, _)| *k == MeetingKind::Full))
        .or_else(|| named.first())
        .copied()
}

/// The most votes an NEC meeting can cast (it has about 40 members).
const MAX_NEC_VOTES: u32 = 60;

/// A vote of another body: Parliament, a members' or an electoral ballot.
static OTHER_BODY_VOTE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(?:House[\s\u{a0}]+of[\s\u{a0}]+(?:Commons|Lords)|the[\s\u{a0}]+Commons|Parliament|MPs|MEPs|peers|members['’][\s\u{a0}]+ballot|ballot[\s\u{a0}]+of[\s\u{a0}]+(?:the[\s\u{a0}]+)?members|by-election|general[\s\u{a0}]+election)\b")
        .expect("valid regex")
});

/// The NEC or one of its committees named in a sentence.
static NEC_BODY: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(?:NEC|National[\s\u{a0}]+Executive|committee|panel)\b").expect("valid regex")
});

/// Words before a meeting that make it where business goes (`deferred until the July
/// meeting`, `referred to the next NEC`), not where it was decided.
static GOES_TO: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(?:until|till|to|for)[\s\u{a0}]+(?:the[\s\u{a0}]+)?(?:next[\s\u{a0}]+)?$")
        .expect("valid regex")
});

/// Where the text names each meeting, and where each meeting's section starts: the meeting a
/// fact at a place belongs to.
struct Placer {
    /// Each place the text names a meeting, with the meeting's ID.
    named: Vec<(Span, String)>,
    /// Where a paragraph or heading opens by naming a meeting held on a day: that meeting's
    /// section runs from there to the next one's.
    sections: Vec<(usize, String)>,
    /// The report's primary meeting.
    primary: Option<String>,
    /// Each meeting held, by kind.
    kinds: Vec<(MeetingKind, String)>,
}

impl Placer {
    fn new(
        reader: &Reader<'_>,
        report: &Report,
        places: &[(Span, PartialDate, MeetingKind)],
        blocks: &[nectar_model::Block],
    ) -> Self {
        // The first meeting of each date and kind (the full NEC's kinds are one), looked up
        // in a map so that a report naming many meetings is read in linear time.
        let family = |kind: MeetingKind| {
            if meetings::is_full_nec(kind) {
                MeetingKind::Full
            } else {
                kind
            }
        };
        let mut first: HashMap<(PartialDate, MeetingKind), &Meeting> = HashMap::new();
        for m in &report.meetings {
            if let Some(d) = &m.date {
                first.entry((d.date, family(m.kind))).or_insert(m);
            }
        }
        let id_of = |date: &PartialDate, kind: MeetingKind| {
            first
                .get(&(*date, family(kind)))
                .map(|m| (m.meeting_id.clone(), *m))
        };
        // Where each line starts, to find a place's line by binary search.
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(reader.text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut named = Vec::new();
        let mut openers: Vec<(usize, Span, String)> = Vec::new();
        for (span, date, kind) in places {
            let Some((id, meeting)) = id_of(date, *kind) else {
                continue;
            };
            // A meeting ahead (`deferred until the May NEC`) is where business goes, not where
            // it was decided.
            let held = meeting.status == nectar_model::MeetingStatus::Held;
            let before = &reader.text[reader.sentence_of(span.start).start..span.start];
            if !held || GOES_TO.is_match(before) {
                continue;
            }
            named.push((*span, id.clone()));
            let sentence = reader.sentence_of(span.start);
            let block = blocks
                .partition_point(|b| b.span.start <= span.start)
                .checked_sub(1)
                .map(|i| &blocks[i])
                .filter(|b| span.start < b.span.end);
            let opens = block.is_some_and(|b| sentence.start <= b.span.start + 2);
            // A heading opens a section with a month (`The July NEC`); a paragraph needs a day.
            let heading = block.is_some_and(|b| b.kind == BlockKind::Heading) || {
                let text = reader.text;
                let at = line_starts.partition_point(|&l| l <= span.start);
                let from = line_starts[at.saturating_sub(1)];
                let to = line_starts.get(at).map_or(text.len(), |&next| next - 1);
                let line = text[from..to].trim();
                line.len() <= 80 && !line.ends_with(['.', '!', '?', ':'])
            };
            if opens && (heading || date.precision() == DatePrecision::Day) {
                openers.push((sentence.start, sentence, id));
            }
        }
        // A sentence that names several meetings (`this post covers three meetings: ...`)
        // opens none of their sections.
        let mut sections: Vec<(usize, String)> = openers
            .iter()
            .filter(|(_, sentence, id)| {
                !openers
                    .iter()
                    .any(|(_, other, other_id)| other == sentence && other_id != id)
            })
            .map(|(at, _, id)| (*at, id.clone()))
            .collect();
        // A heading that names a kind of meeting (`The Organisation Committee`) opens the
        // section of the one meeting of that kind the report holds.
        for b in blocks.iter().filter(|b| b.kind == BlockKind::Heading) {
            let Some(kind) = meetings::kind_named(&reader.text[b.span.start..b.span.end]) else {
                continue;
            };
            let mut of_kind = report
                .meetings
                .iter()
                .filter(|m| m.kind == kind && m.status == nectar_model::MeetingStatus::Held);
            if let (Some(m), None) = (of_kind.next(), of_kind.next())
                && kind != MeetingKind::Unknown
                && kind != MeetingKind::OtherCommittee
            {
                sections.push((b.span.start, m.meeting_id.clone()));
            }
        }
        sections.sort_by_key(|(at, _)| *at);
        sections.dedup();
        Self {
            named,
            sections,
            primary: report.primary_meeting().map(|m| m.meeting_id.clone()),
            kinds: report
                .meetings
                .iter()
                .filter(|m| m.status == nectar_model::MeetingStatus::Held)
                .map(|m| (m.kind, m.meeting_id.clone()))
                .collect(),
        }
    }

    /// The one full NEC meeting held, for a sentence that names the full meeting without a
    /// date (`back at the full NEC meeting`). A committee named without a date is often named
    /// as a body (`deferred to the Equalities Committee`, `as its chair`), not as a meeting.
    fn by_kind(&self, reader: &Reader<'_>, sentence: Span) -> Option<String> {
        let words = &reader.text[sentence.start..sentence.end];
        // "X was elected chair of the disputes committee": a committee elects its officers at
        // its own meeting, when the report holds one meeting of that committee.
        if let Some(m) = OFFICER_OF.find(words)
            && let Some(kind) = meetings::kind_named(&words[m.end()..])
            && !matches!(kind, MeetingKind::Unknown | MeetingKind::OtherCommittee)
            && !meetings::is_full_nec(kind)
        {
            let mut of_kind = self.kinds.iter().filter(|(k, _)| *k == kind);
            if let (Some((_, id)), None) = (of_kind.next(), of_kind.next()) {
                return Some(id.clone());
            }
        }
        if !EXPLICITLY_FULL.is_match(words) {
            return None;
        }
        let mut of_kind = self.kinds.iter().filter(|(k, _)| meetings::is_full_nec(*k));
        match (of_kind.next(), of_kind.next()) {
            (Some((_, id)), None) => Some(id.clone()),
            _ => None,
        }
    }

    /// The meeting of a fact at `span`: the one its sentence names (the last named before it,
    /// else the first after), else the one whose section it stands in, else the primary one.
    fn meeting_of(&self, reader: &Reader<'_>, span: Span) -> Option<String> {
        let sentence = reader.sentence_of(span.start);
        let in_sentence: Vec<&(Span, String)> = self
            .named
            .iter()
            .filter(|(s, _)| sentence.start <= s.start && s.start < sentence.end)
            .collect();
        let said = in_sentence
            .iter()
            .rfind(|(s, _)| s.start <= span.start)
            .or_else(|| in_sentence.first())
            .map(|(_, id)| id.clone());
        said.or_else(|| self.by_kind(reader, sentence))
            .or_else(|| {
                self.sections
                    .iter()
                    .rfind(|(at, _)| *at <= span.start)
                    .map(|(_, id)| id.clone())
            })
            .or_else(|| self.primary.clone())
    }
}

fn read_facts(
    reader: &Reader<'_>,
    report: &mut Report,
    layout: &Layout,
    places: &[(Span, PartialDate, MeetingKind)],
) {
    let text = reader.text;
    let body = reader.body;
    let primary = report.primary_meeting().cloned();
    let meeting_id = primary.as_ref().map(|m| m.meeting_id.clone());
    let blocks = if layout.blocks.is_empty() {
        nectar_text::blocks(text, body)
    } else {
        layout.blocks.clone()
    };
    let placer = Placer::new(reader, report, places, &blocks);
    let as_of = primary
        .as_ref()
        .and_then(|m| m.date.as_ref())
        .map(|d| d.date);

    // Figures.
    report.figures = figures_in(
        text,
        &reader.scan,
        body,
        &reader.sentences,
        as_of,
        meeting_id.clone(),
        false,
    );
    for f in &mut report.figures {
        f.meeting_id = placer.meeting_of(reader, f.evidence.span);
    }

    // Votes.
    for v in reader.scan.votes() {
        // A vote without counts ("carried unanimously") is a decision's, not a vote row.
        if v.yes.is_none() && v.no.is_none() {
            continue;
        }
        // More votes than any NEC or committee has members: a Commons division or a ballot.
        let cast = [v.yes, v.no, v.abstain].iter().flatten().sum::<u32>();
        if cast > MAX_NEC_VOTES {
            continue;
        }
        let span = shift(v.span, body.start);
        let sentence = reader.sentence_of(span.start);
        // A division in Parliament or a members' ballot, with no NEC in the sentence.
        let said = &text[sentence.start..sentence.end];
        if OTHER_BODY_VOTE.is_match(said) && !NEC_BODY.is_match(said) {
            continue;
        }
        let rest = text[span.end..sentence.end].trim_start();
        // "five voted against the expulsion of X, ...": what they opposed is the subject.
        let opposed = v.yes.is_none()
            && ["against", "opposed"]
                .iter()
                .any(|w| text[span.start..span.end].to_ascii_lowercase().ends_with(w));
        let object = opposed
            .then(|| rest.split([',', ';']).next().unwrap_or(rest))
            .map(|s| s.trim_end_matches(['.', ' ']).to_owned())
            .filter(|s| !s.is_empty());
        let subject = object.or_else(|| {
            // "by 19 to 12 in favour of the change, a larger win than expected": what was
            // voted on, up to the clause's end.
            ["to ", "on ", "for ", "in favour of "]
                .iter()
                .find_map(|w| rest.strip_prefix(w))
                .map(|s| s.split([',', ';']).next().unwrap_or(s))
                .map(|s| s.trim_end_matches(['.', ' ']).to_owned())
                // "in favour of the change": what the change was is said before.
                .filter(|s| {
                    !s.is_empty()
                        && (s.split_whitespace().count() > 3 || !decisions::points_back(s))
                })
                .or_else(|| {
                    let i = reader.sentences.iter().position(|s| *s == sentence)?;
                    Some(if decisions::only_the_result(said) {
                        decisions::paragraph_subject(text, &reader.sentences, i)
                    } else {
                        decisions::subject(text, &reader.sentences, i, span)
                    })
                })
        });
        report.votes.push(VoteEvent {
            vote_id: String::new(),
            meeting_id: placer.meeting_of(reader, span),
            subject,
            counts: VoteCounts {
                yes: v.yes,
                no: v.no,
                abstain: v.abstain,
            },
            result: match (v.result, v.yes, v.no) {
                // No word says how it went: the larger count won.
                (VoteResult::Unknown, Some(y), Some(n)) if y != n => {
                    if y > n {
                        VoteResult::Pass
                    } else {
                        VoteResult::Fail
                    }
                }
                (r, _, _) => r,
            },
            evidence: evidence(text, span),
            provenance: provenance::by(&format!("votes.{}", v.shape)),
        });
    }

    // Decisions: one per decided thing, a re-mention (`the move was then voted down`) going with the
    // decision it names again; each with the counted vote in its clause or a re-mention's.
    let mut taken: Vec<(usize, decisions::Found, String, Vec<Span>)> = Vec::new();
    // The outcome of a list being read (`The items agreed were the following:`).
    let mut list: Option<nectar_model::DecisionOutcome> = None;
    for (i, &s) in reader.sentences.iter().enumerate() {
        let mut found = decisions::in_sentence(text, s);
        if list.is_some() && decisions::after_blank_line(text, &reader.sentences, i) {
            list = None;
        }
        match list {
            Some(outcome) if found.is_empty() => {
                if decisions::bulleted(text, &reader.sentences, i) {
                    found.push(decisions::listed(outcome, s));
                }
            }
            _ => list = None,
        }
        if found.is_empty() {
            list = list.or_else(|| decisions::lead_in(text, s));
        }
        for d in found {
            let subject = decisions::short_subject(text, &reader.sentences, i, &d);
            let earlier = taken.iter_mut().rev().find(|(j, e, said, _)| {
                decisions::re_mentions(text, &d, i, e, *j)
                    || (e.outcome == d.outcome && decisions::same_thing(said, &subject))
            });
            match earlier {
                Some((_, _, _, mentions)) => mentions.push(d.span),
                None => taken.push((i, d.clone(), subject, vec![d.span])),
            }
        }
    }
    // The votes' IDs as `number_facts` gives them, made once.
    let vote_ids = fact_ids(
        &report.report_id,
        FactKind::Vote,
        report.votes.iter().map(|v| v.evidence.quote.as_str()),
    );
    for (_, d, subject, mentions) in taken {
        let vote = report.votes.iter().position(|v| {
            mentions
                .iter()
                .any(|m| m.start <= v.evidence.span.start && v.evidence.span.end <= m.end)
        });
        report.decisions.push(Decision {
            decision_id: String::new(),
            meeting_id: placer.meeting_of(reader, d.span),
            outcome: d.outcome,
            subject: Some(subject),
            unanimous: d.unanimous,
            narrow: d.narrow,
            vote_id: vote.and_then(|v| vote_ids.get(v).cloned()),
            evidence: evidence(text, d.span),
            provenance: provenance::by(&format!("decisions.{}", d.rule)),
        });
    }

    // People, with the roles they held on the meeting's date.
    let on = as_of
        .or_else(|| report.published.as_ref().map(|p| p.value))
        .map(|d| d.first_day());
    // The headline names people too; a byline's names are its authors, not mentions.
    let title = report
        .title
        .as_ref()
        .and_then(|t| t.evidence.as_ref())
        .map(|e| e.span)
        .filter(|t| t.end <= body.start);
    let spans: Vec<Span> = title.into_iter().chain([body]).collect();
    let bylines: Vec<Span> = report
        .authors
        .iter()
        .filter_map(|a| a.evidence.as_ref().map(|e| e.span))
        .collect();
    report.people = people::people(text, &spans, on, &bylines);
    report.author_role = author_role::author_role(text, body);

    // Agenda items of the primary meeting(s): headings that name items, then the items named
    // in running text, in text order.
    let names: Vec<&str> = report.people.iter().map(|p| p.name.as_str()).collect();
    // The holders of the offices whose address at a meeting is their report, on its date, by
    // the forms the text may call them (`Keir Starmer`, `Keir`).
    let speakers: Vec<(String, &str)> = on
        .into_iter()
        .flat_map(|day| people().iter().map(move |p| (p, p.role_on(day))))
        .filter_map(|(p, role)| Some((p, agenda::reporting_office(role?)?)))
        .flat_map(|(p, office)| {
            let first = p.first_name_alone.then(|| p.first_name().to_owned());
            std::iter::once(p.name.clone())
                .chain(first)
                .map(move |form| (form, office))
        })
        .collect();
    let found = agenda::items(
        text,
        body,
        &blocks,
        &reader.sentences,
        &agenda::Known {
            names: &names,
            speakers: &speakers,
        },
    );
    let primary_ids: Vec<&str> = report
        .meetings
        .iter()
        .filter(|m| m.primary)
        .map(|m| m.meeting_id.as_str())
        .collect();
    report.agenda_items = found
        .into_iter()
        .map(|item| {
            let presenter = item.presenter.or_else(|| {
                let sentence = reader.sentence_of(item.span.start);
                PRESENTER
                    .captures(&text[sentence.start..sentence.end])
                    .map(|c| c[1].to_owned())
            });
            let meeting = placer.meeting_of(reader, item.span);
            (meeting, item.rule, item.heading, presenter, item.span)
        })
        // What the running text names at another meeting is that meeting's business; a heading
        // is the report's own section, whichever meeting it is about.
        .filter(|(meeting, rule, ..)| {
            *rule == "heading"
                || meeting
                    .as_deref()
                    .is_none_or(|m| primary_ids.is_empty() || primary_ids.contains(&m))
        })
        .enumerate()
        .map(
            |(i, (meeting_id, rule, heading, presenter, span))| AgendaItem {
                meeting_id,
                ordinal: i as u32 + 1,
                heading,
                presenter,
                evidence: evidence(text, span),
                provenance: provenance::by(&format!("agenda_items.{rule}")),
            },
        )
        .collect();
}

static WAS_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^(?:[\s\u{a0}]+(?:party[\s\u{a0}]+|individual[\s\u{a0}]+)?members)?[\s\u{a0},]*(?:but|and|having)?[\s\u{a0}]*(?:was|had[\s\u{a0}]+been|down[\s\u{a0}]+from|up[\s\u{a0}]+from|from|compared[\s\u{a0}]+(?:with|to)|against)[\s\u{a0}]*$")
        .expect("valid regex")
});

/// Whether a count whose preceding text since the last count is `between` and whose following
/// text is `after` repeats that count's construction: `N1 noun PREP ... and N2 PREP ...`.
fn parallel(between: &str, after: &str) -> bool {
    let words: Vec<&str> = between.split_whitespace().collect();
    let (Some(&last), Some(&prep), Some(next)) =
        (words.last(), words.get(1), after.split_whitespace().next())
    else {
        return false;
    };
    words.len() <= 10
        && last.eq_ignore_ascii_case("and")
        && ["on", "in", "for", "from", "to", "at", "by"].contains(&prep)
        && prep.eq_ignore_ascii_case(next)
}

/// `a fall from (the peak of)`, `up from`, `compared with`, right before a number.
static COMPARED_FROM: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(?:(?:decrease|fall|drop|decline|rise|increase|up|down|fallen|risen)[\s\u{a0}]+from|compared[\s\u{a0}]+(?:with|to))[\s\u{a0}]+(?:the[\s\u{a0}]+)?(?:(?:peak|high|low|record|total)[\s\u{a0}]+of[\s\u{a0}]+)?$|\bthe[\s\u{a0}]+(?:peak|high|record)[\s\u{a0}]+of[\s\u{a0}]+$")
        .expect("valid regex")
});

static LAST_YEAR: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)^[\s\u{a0}]+last[\s\u{a0}]+year\b").expect("valid regex"));
static MONTH_EDGE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^[\s\u{a0}]*(?:(?:party[\s\u{a0}]+)?members[\s\u{a0}]+)?(?:at|by)[\s\u{a0}]+the[\s\u{a0}]+(?:start|beginning|end)[\s\u{a0}]+of[\s\u{a0}]+(?:the|this)[\s\u{a0}]+month\b")
        .expect("valid regex")
});
static YEAR_END: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(?:at|by)[\s\u{a0}]+the[\s\u{a0}]+end[\s\u{a0}]+of[\s\u{a0}]+(?:(\d{4})|last[\s\u{a0}]+year)\b")
        .expect("valid regex")
});

/// The as-of date a date right after a figure gives: resolved against the meeting's date,
/// looking back (`512k in February`), and a year earlier when `last year` follows.
fn stated_as_of(
    mention: &DateMention,
    after: &str,
    meeting: Option<PartialDate>,
) -> Option<PartialDate> {
    let anchor = meeting.map(|d| Anchor {
        date: d.first_day(),
        precision: d.precision(),
        basis: YearBasis::Context,
    });
    let date = nectar_text::resolve(mention, anchor.as_ref(), Tense::Past)?.date;
    if mention.year.is_none() && LAST_YEAR.is_match(after) {
        return match date.month() {
            Some(m) => PartialDate::ym(date.year() - 1, m),
            None => Some(PartialDate::y(date.year() - 1)),
        };
    }
    Some(date)
}

/// The as-of date a phrase around a figure gives: `at the start of the month` (the meeting's
/// month), `at the end of 2011` or `at the end of last year` (31 December).
fn period_as_of(after: &str, before: &str, meeting: Option<PartialDate>) -> Option<PartialDate> {
    if MONTH_EDGE.is_match(after) {
        let m = meeting?;
        return PartialDate::ym(m.year(), m.month()?);
    }
    let c = YEAR_END.captures_iter(before).last()?;
    let year = match c.get(1) {
        Some(y) => y.as_str().parse().ok()?,
        None => meeting?.year() - 1,
    };
    PartialDate::ymd(year, 12, 31)
}

/// The figures stated in `span`, whose text `scan` scans.
fn figures_in(
    text: &str,
    scan: &Scan<'_>,
    span: Span,
    sentences: &[Span],
    as_of: Option<PartialDate>,
    meeting_id: Option<String>,
    from_comment: bool,
) -> Vec<Figure> {
    let slice = scan.text();
    let dates = scan.dates();
    let mut out: Vec<Figure> = Vec::new();
    for q in scan.quantities() {
        let qspan = shift(q.span, span.start);
        let sentence = holding(sentences, qspan.start)
            .filter(|s| qspan.end <= s.end)
            .unwrap_or(span);
        let mut found = figures::metric(
            text,
            sentence,
            &nectar_text::Quantity {
                span: qspan,
                ..q.clone()
            },
        );
        // "membership is now 512,000, but was 580,000": the second is membership too.
        if found.is_none()
            && let Some(prev) = out.last()
            && prev.metric == Metric::Membership
            && prev.evidence.span.start >= sentence.start
            && WAS_BEFORE.is_match(&text[prev.evidence.span.end..qspan.start])
        {
            found = Some((Metric::Membership, "membership_again"));
        }
        // "membership stood at 395,811. That is down from the 415,000 of last year and the
        // peak of 546,443": a national-sized number compared with a membership figure just
        // stated is membership too.
        if found.is_none()
            && q.unit == Unit::Count
            && (50_000.0..=2_000_000.0).contains(&q.value)
            && COMPARED_FROM.is_match(tail_of(
                &text[sentence.start.min(qspan.start)..qspan.start],
                60,
            ))
            && out
                .iter()
                .rev()
                .take_while(|f| qspan.start.saturating_sub(f.evidence.span.end) < 400)
                .any(|f| f.metric == Metric::Membership)
        {
            found = Some((Metric::Membership, "compared_with_membership"));
        }
        // "1,900 submissions on the first paper and 1,400 on the second": a count in parallel
        // with the one before it in the sentence counts the same thing.
        if found.is_none()
            && q.unit == Unit::Count
            && let Some(prev) = out.last()
            && prev.unit == Unit::Count
            && prev.metric != Metric::Membership
            && prev.evidence.span.start >= sentence.start
            && parallel(
                &text[prev.evidence.span.end..qspan.start],
                &text[qspan.end..sentence.end.max(qspan.end)],
            )
        {
            found = Some((prev.metric, "parallel"));
        }
        let Some((metric, cue)) = found else { continue };
        // A date right after the figure ("580,000 in January 2020") is its as-of date.
        // The dates are in order: only the first after the figure can stand right after it.
        let next = dates.partition_point(|d| d.span.start < q.span.end);
        let stated = dates.get(next).filter(|d| {
            let gap = &slice[q.span.end.min(d.span.start)..d.span.start];
            d.span.start >= q.span.end
                && gap.len() <= 12
                && matches!(
                    gap.trim(),
                    "in" | "at" | "on" | "as of" | "by" | "at the end of" | ""
                )
        });
        let figure_as_of = match stated {
            Some(d) => stated_as_of(d, &slice[d.span.end..], as_of),
            None => period_as_of(
                &text[qspan.end..sentence.end.max(qspan.end)],
                &text[sentence.start.min(qspan.start)..qspan.start],
                as_of,
            )
            .or(if from_comment { None } else { as_of }),
        };
        out.push(Figure {
            figure_id: String::new(),
            meeting_id: if from_comment {
                None
            } else {
                meeting_id.clone()
            },
            metric,
            value: q.value,
            unit: q.unit,
            qualifier: q.qualifier,
            as_of: figure_as_of,
            from_comment,
            evidence: evidence(text, qspan),
            provenance: provenance::by(&format!("figures.{cue}")),
        });
    }
    out.retain(|f| f.unit != Unit::Count || f.value >= 1.0);
    out
}

fn read_comments(text: &str, layout: &Layout, report: &mut Report, _anchor: Option<&Anchor>) {
    for (i, c) in layout.comments.iter().enumerate() {
        let body = text[c.text.start..c.text.end].to_owned();
        report.comments.push(Comment {
            ordinal: i as u32 + 1,
            author: c.author.map(|a| text[a.start..a.end].to_owned()),
            anonymous: c.anonymous,
            posted_at: c.posted_at,
            text: body,
            evidence: evidence(text, c.span),
        });
        if report.kind == ReportKind::NecReport && !c.text.is_empty() {
            let scan = Scan::new(&text[c.text.start..c.text.end]);
            let s = sentences(&scan, c.text.start);
            report
                .figures
                .extend(figures_in(text, &scan, c.text, &s, None, None, true));
        }
    }
}

/// The IDs of a report's facts of one kind, from their quotes in order (see
/// [`ids::fact_id`]).
fn fact_ids<'a>(
    report_id: &str,
    kind: FactKind,
    quotes: impl Iterator<Item = &'a str>,
) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    quotes
        .map(|q| {
            let words = q.split_whitespace().collect::<Vec<_>>().join(" ");
            let nth = seen.entry(words).or_insert(0);
            *nth += 1;
            ids::fact_id(report_id, kind, q, *nth - 1)
        })
        .collect()
}

/// Gives figures, votes and decisions their IDs, from their quotes.
fn number_facts(report: &mut Report) {
    let id = report.report_id.clone();
    let figures = fact_ids(
        &id,
        FactKind::Figure,
        report.figures.iter().map(|f| f.evidence.quote.as_str()),
    );
    for (f, id) in report.figures.iter_mut().zip(figures) {
        f.figure_id = id;
    }
    let votes = fact_ids(
        &id,
        FactKind::Vote,
        report.votes.iter().map(|v| v.evidence.quote.as_str()),
    );
    for (v, id) in report.votes.iter_mut().zip(votes) {
        v.vote_id = id;
    }
    let decisions = fact_ids(
        &id,
        FactKind::Decision,
        report.decisions.iter().map(|d| d.evidence.quote.as_str()),
    );
    for (d, id) in report.decisions.iter_mut().zip(decisions) {
        d.decision_id = id;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_dates() {
        assert_eq!(
            url_date("https://x.org/2015/05/nec-report/")
                .unwrap()
                .to_string(),
            "2015-05"
        );
        assert_eq!(
            url_date("https://x.org/2015/05/20/a").unwrap().to_string(),
            "2015-05-20"
        );
        assert!(url_date("https://x.org/nec-2015-report").is_none());
    }

    fn figures_of(text: &str) -> Vec<(String, f64)> {
        report_of(text)
            .figures
            .into_iter()
            .map(|f| (f.metric.as_str().to_owned(), f.value))
            .collect()
    }

    fn report_of(text: &str) -> Report {
        let doc = Document::from_text("r.txt", text);
        let title = Span::new(0, text.find('\n').unwrap_or(0));
        let layout = Layout {
            title: Some(title),
            body: Span::new(title.end + 2, text.len()),
            ..Default::default()
        };
        let parser = ParserInfo {
            name: "generic".into(),
            version: "0".into(),
            confidence: 0.2,
        };
        extract(&doc, &layout, parser).expect("the layout is of the text")
    }

    #[test]
    fn a_decision_taken_by_a_counted_vote_links_to_it_and_is_one_decision() {
        let text = "NEC Report – 9 May 2023\n\nThe NEC met on 9 May. The NEC passed plans to cap \
                    delegations at six. The debate was long. The NEC voted by 20 to 10 in favour \
                    of the change.\n\nWe also agreed the conference timetable.";
        let report = report_of(text);
        let outcomes: Vec<&str> = report
            .decisions
            .iter()
            .map(|d| d.outcome.as_str())
            .collect();
        assert_eq!(outcomes, ["approved", "agreed"], "{:?}", report.decisions);
        assert_eq!(report.votes.len(), 1);
        assert_eq!(report.votes[0].counts.yes, Some(20));
        assert_eq!(
            report.decisions[0].vote_id.as_deref(),
            Some(report.votes[0].vote_id.as_str())
        );
        assert_eq!(report.decisions[1].vote_id, None);
        assert_eq!(
            report.decisions[0].subject.as_deref(),
            Some("plans to cap delegations at six")
        );
    }

    #[test]
    fn a_decided_thing_named_again_later_is_one_decision() {
        let text = "NEC Report – 9 May 2023\n\nThe NEC met on 9 May. A code of conduct for NEC \
                    members was agreed. The treasurer reported on the accounts.\n\nThe \
                    general secretary spoke on staffing.\n\nAs I said, we agreed the code of \
                    conduct for NEC members after a short debate.";
        let report = report_of(text);
        let outcomes: Vec<&str> = report
            .decisions
            .iter()
            .map(|d| d.outcome.as_str())
            .collect();
        assert_eq!(outcomes, ["agreed"], "{:?}", report.decisions);
    }

    #[test]
    fn numbers_compared_with_a_membership_figure_are_membership() {
        let text = "NEC Report – 9 May 2023\n\nThe NEC met on 9 May. Membership stood at \
                    402,100, with 15,000 in arrears.\n\nThat is down from the 431,000 of last \
                    spring and well below the peak of 560,200 in 2018. Unions with 300,000 \
                    members also spoke.";
        let got = figures_of(text);
        for value in [402_100.0, 431_000.0, 560_200.0] {
            assert!(
                got.contains(&("membership".to_owned(), value)),
                "{value}: {got:?}"
            );
        }
        assert!(got.contains(&("members_in_arrears".to_owned(), 15_000.0)));
        assert!(!got.iter().any(|(_, v)| *v == 300_000.0), "{got:?}");
    }

    #[test]
    fn a_count_in_parallel_with_the_one_before_counts_the_same() {
        let text = "NEC Report – 9 May 2023\n\nThe NEC met on 9 May. So far there have been \
                    1,900 submissions on the first paper and 1,400 on the second. The \
                    party won 12 seats and 3 on the council.";
        let got = figures_of(text);
        assert!(got.contains(&("other".to_owned(), 1_900.0)), "{got:?}");
        assert!(got.contains(&("other".to_owned(), 1_400.0)), "{got:?}");
        assert!(!got.iter().any(|(_, v)| *v == 12.0 || *v == 3.0), "{got:?}");
    }

    #[test]
    fn context_year_prefers_next_year_rule() {
        assert_eq!(
            context_year("Next year’s 2021 elections will be hard. In 2020 we lost."),
            Some(2020)
        );
        assert_eq!(context_year("In 2016 and 2016 and 2017"), Some(2016));
        assert_eq!(context_year("no years"), None);
    }
}

#[cfg(test)]
mod author_tests {
    use super::*;

    fn name(p: Option<&Person>) -> Option<&str> {
        p.map(|p| p.name.as_str())
    }

    #[test]
    fn an_nec_members_own_site_names_its_author() {
        assert_eq!(
            name(site_owner("https://www.annblack.co.uk/2005/")),
            Some("Ann Black")
        );
        assert_eq!(
            name(site_owner("http://www.DarrenWilliams.org.uk/?p=54")),
            Some("Darren Williams")
        );
        assert_eq!(
            name(site_owner("https://aliceperry.wordpress.com/2015/11/20/x/")),
            Some("Alice Perry")
        );
        assert_eq!(
            name(site_owner("https://labourlist.org/2019/07/ann-black/")),
            None
        );
        assert_eq!(name(site_owner("https://blackann.example/")), None);
    }

    #[test]
    fn an_nec_members_own_site_with_a_middle_initial_names_its_author() {
        assert_eq!(
            name(site_owner("https://darrenjwilliams.example.net/2016/nec")),
            Some("Darren Williams")
        );
        assert_eq!(
            name(site_owner("https://www.alicemperry.example/")),
            Some("Alice Perry")
        );
        // One letter more anywhere else, or two letters, is another name.
        assert_eq!(name(site_owner("https://darrenwilliamsx.example/")), None);
        assert_eq!(name(site_owner("https://darrenjdwilliams.example/")), None);
        assert_eq!(name(site_owner("https://xdarrenwilliams.example/")), None);
    }

    #[test]
    fn an_author_reads_as_a_persons_name() {
        assert!(is_person_name("Ann Black"));
        assert!(is_person_name("Jo O’Neill-Smith"));
        assert!(!is_person_name("Party Organisation"));
        assert!(!is_person_name("OPINION All"));
        assert!(!is_person_name("Deputy Leader"));
        assert!(!is_person_name("Labour NEC"));
    }

    #[test]
    fn a_url_that_names_a_known_persons_report_names_its_author() {
        let at = |u: &str| name(reporter_in_path(u));
        assert_eq!(
            at("https://news.example/2025/12/ann-black-nec-report-december"),
            Some("Ann Black")
        );
        assert_eq!(
            at("https://news.example/2020/06/virtual-meetings-alice-perrys-nec-report"),
            Some("Alice Perry")
        );
        assert_eq!(
            at("https://news.example/2016/01/pete-willsmans-report-for-the-executive/"),
            Some("Peter Willsman")
        );
        // A known person in a URL that names no report is its subject, not its author.
        assert_eq!(
            at("https://news.example/2018/03/jennie-formby-appointed-general-secretary/"),
            None
        );
        assert_eq!(at("https://ann-black-nec-report.example/"), None);
    }
}

#[cfg(test)]
mod slug_tests {
    use super::*;

    #[test]
    fn a_day_in_the_pages_address() {
        let day = |url: &str| slug_date(url, None).map(|(r, _)| r.date.to_string());
        assert_eq!(
            day("http://x.blogspot.com/2022/09/nec-report-20-september-2022.html").as_deref(),
            Some("2022-09-20")
        );
        let anchor = Anchor::latest(&PartialDate::ym(2024, 11).unwrap(), YearBasis::Url);
        let got = slug_date(
            "https://x.org/2024/11/29/26th-november-nec-away-day",
            Some(&anchor),
        );
        assert_eq!(
            got.map(|(r, _)| r.date.to_string()).as_deref(),
            Some("2024-11-26")
        );
        assert_eq!(day("https://x.org/2024/11/nec-report/"), None);
    }
}
