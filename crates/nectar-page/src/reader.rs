//! The generic page reader: finds the title, date line, byline, body and comments of a page
//! laid out the way most sites lay one out.
//!
//! The lines above the first paragraph are classified one by one: banners and cookie notices,
//! navigation bars (`Home | About | NEC reports`), widgets (`Sign in`, `Follow`, `48`), e-mail
//! headers (`Subject:`), date lines (`Posted on 12 March 2016 by Ann Black`), bylines
//! (`By Ann Black`), a name alone beside the date line (the author, as Medium and Substack show
//! it), and title candidates. The title is the best-scoring candidate: one that names the NEC
//! and stands just above the date line wins over the site's name and tagline. A blog page that
//! shows several posts is read for the post about the NEC.
//!
//! Without a byline, the author is found, in this order: a name alone beside the date line; a
//! letter's sender, who signs off under the text (`Best wishes` / a name); a name alone right
//! under the headline, the text starting after it; a headline ending `– Cllr NAME`; a
//! signature under the text (`--` / a name, `© 2010 NAME`); an introduction (`NAME, who ...,
//! sent us this report`); a site named for its author; an opening line saying who reports
//! (`NAME and NAME report on ...`); an opening line crediting the report to a list of names
//! (`A report of the meeting by CLP reps NAME, NAME and NAME.`).

use std::sync::LazyLock;

use nectar_model::{Layout, PartialDate, Span};
use nectar_text::{Line, lines, trim};
use regex::Regex;

use crate::trailer::{cut_trailer_in, is_nav, is_widget_word};
use crate::{Comments, Site, byline_authors};

/// How many of the body's first lines may say who reports.
const REPORTER_LINES: usize = 3;

/// How many of the body's first lines may credit the report to a list of names (an
/// introduction may come first: who posted it, where it first appeared, its own title).
const CREDIT_LINES: usize = 5;

/// How many of the body's last lines may close it with a sign-off and a name (a role or an
/// address may follow the name).
const SIGN_OFF_LINES: usize = 4;

fn re(p: &str) -> Regex {
    crate::regex(p)
}

static BANNER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^a[\s\u{a0}]+blog[\s\u{a0}]+by\b|\bcookies?\b|^skip[\s\u{a0}]+to[\s\u{a0}]+(?:main[\s\u{a0}]+)?content|^[-=_*]{3,}|forwarded[\s\u{a0}]+message|original[\s\u{a0}]+message",
    )
});

static WIDGET: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:\d[\d,.]*[kKmM]?|\d+[\s\u{a0}]+min[\s\u{a0}]+read|[A-Z]+)$"));

static DATE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:posted|published|updated|issued|filed|written)\b|^date\b|\bmin[\s\u{a0}]+read\b|·|\|",
    )
});

static AUTHOR_IN_DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:\b[Bb]y|·|\||(?i:author):)[\s\u{a0}]+(?:[Aa]uthor:[\s\u{a0}]*)?([A-Z][\p{L}'’\-]+(?:[\s\u{a0}]+[A-Z][\p{L}'’\-]+){1,2})\b",
    )
});

/// A name alone on its line, perhaps with a short role or seat in brackets after it
/// (`Jo Bloggs (CLP Section)`).
static NAME_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^([A-Z][\p{L}'’\-]+(?:[ \u{a0}][A-Z][\p{L}'’\-]+){1,2})(?:[ \u{a0}]+\([^()\n]{1,40}\))?$")
});

/// The name of a line that is a name alone ([`NAME_ONLY`]), without its bracketed role.
fn name_alone(text: &str, line: Span) -> Option<Span> {
    let m = NAME_ONLY.captures(&text[line.start..line.end])?.get(1)?;
    Some(Span::new(line.start + m.start(), line.start + m.end()))
}

/// How many lines may stand between a byline and the text it heads (a photo credit, a
/// sign-up line).
const BYLINE_GAP: usize = 2;

/// Whether the text starts right after `line`: one of the next few lines is prose, as under a
/// byline, not a menu of short links (`Contact Us`, `About Us`, ...).
fn opens_text(text: &str, all: &[Line], line: Line) -> bool {
    all.iter()
        .filter(|l| l.span.start >= line.span.end && !l.is_blank())
        .take(BYLINE_GAP + 1)
        .any(|l| is_prose(l.text(text)))
}

/// A headline that ends with its writer's name after a title (`Reflections on the NEC – Cllr
/// Jo Bloggs`): a dash or a bar, a title of `data/page.toml`'s `honorifics`, the name.
static TITLE_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    let titles = crate::words::WORDS
        .honorifics
        .iter()
        .map(|h| regex::escape(h))
        .collect::<Vec<_>>()
        .join("|");
    re(&format!(
        r"[ \u{{a0}}][-–—|][ \u{{a0}}]+(?i:{titles})\.?[ \u{{a0}}]+([A-Z][\p{{L}}'’\-]+(?:[ \u{{a0}}][A-Z][\p{{L}}'’\-]+){{1,2}})[ \u{{a0}}]*$"
    ))
});

/// The writer a headline names at its end (`... – Cllr Jo Bloggs`).
fn title_byline(text: &str, title: Span) -> Option<Span> {
    let m = TITLE_BYLINE
        .captures(&text[title.start..title.end])?
        .get(1)?;
    Some(Span::new(title.start + m.start(), title.start + m.end()))
}

/// Whether a whole line closes a letter (`Best wishes,`): one of `data/page.toml`'s
/// `valedictions`, without case, a comma, full stop or exclamation mark allowed after it.
fn is_valediction(line: &str) -> bool {
    let line = line.trim_end_matches([',', '.', '!']).trim_end();
    crate::words::WORDS
        .valedictions
        .iter()
        .any(|v| line.eq_ignore_ascii_case(v))
}

/// The sender who signs off a letter or an e-mail at the end of the body: a valediction line
/// (`Best wishes`) among the body's last lines, or the line that ends the body (`In
/// friendship` is a trailer marker), and a name alone on the next line, before `end` (the
/// readers' comments).
fn signed_off(text: &str, all: &[Line], body: Span, end: usize) -> Option<Span> {
    let in_body: Vec<&Line> = all
        .iter()
        .filter(|l| body.start <= l.span.start && l.span.end <= body.end && !l.is_blank())
        .collect();
    let after = all
        .iter()
        .filter(|l| l.span.start >= body.end && l.span.end <= end && !l.is_blank())
        .take(2);
    let from = in_body.len().saturating_sub(SIGN_OFF_LINES);
    let near: Vec<&Line> = in_body[from..].iter().copied().chain(after).collect();
    near.windows(2)
        .filter(|w| is_valediction(w[0].text(text)))
        .find_map(|w| name_alone(text, w[1].trimmed))
}

static NEC_WORDS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bNEC\b|national[\s\u{a0}]+executive"));

static REPORT_WORDS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:report|round-?up|notes|meeting|update|briefing)\b"));

static EMAIL_HEADER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(From|Date|Sent|Subject|To|Cc):[\s\u{a0}]*(.*)$"));

static EMAIL_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(r#"^"?([A-Z][\p{L}'’\-]+(?:[\s\u{a0}]+[A-Z][\p{L}'’\-]+){1,2})"?[\s\u{a0}]*(?:<|\[|$)"#)
});

static SUBJECT_PREFIX: LazyLock<Regex> = LazyLock::new(|| re(r"^(?i:(?:fwd?|re|fw):[\s\u{a0}]*)+"));

static SALUTATION: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:dear|hi|hello|friends|comrades|colleagues)\b"));

/// Whether a line reads as prose rather than a header line.
fn is_prose(line: &str) -> bool {
    line.len() > 160
        || line.ends_with(['.', '!', '?', '…'])
        || (line.ends_with(',') && SALUTATION.is_match(line))
}

fn is_widget(line: &str) -> bool {
    is_widget_word(line) || (line.len() <= 12 && WIDGET.is_match(line))
}

/// The publication date a header line shows (`Saturday, February 13, 2021`,
/// `Posted on 12 March 2016 by Ann Black`, `24 January 2018 · Ann Black`), with its span.
pub fn date_line(text: &str, line: Span) -> Option<(PartialDate, Span)> {
    let s = line.slice(text)?;
    // A date line's date has a year, and a year is in digits.
    if s.len() > 110 || !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mention = nectar_text::find_dates(s)
        .into_iter()
        .filter(|m| m.year.is_some() && m.month.is_some())
        .max_by_key(|m| m.day.is_some())?;
    // The date must be the line's point: a full date with few other words, or words that say
    // it is a date line. A line that names the NEC or a report is a title, not a date line.
    let rest = format!("{}{}", &s[..mention.span.start], &s[mention.span.end..]);
    let rest = rest.trim();
    let explicit = DATE_WORDS.is_match(rest);
    let titled = NEC_WORDS.is_match(rest) || REPORT_WORDS.is_match(rest);
    let few_words = rest.split_whitespace().count() <= 3;
    let ok = if mention.day.is_some() {
        explicit || (few_words && !titled)
    } else {
        explicit && !titled
    };
    if !ok {
        return None;
    }
    let reading = nectar_text::resolve(&mention, None, nectar_text::Tense::Unknown)?;
    Some((
        reading.date,
        Span::new(
            line.start + mention.span.start,
            line.start + mention.span.end,
        ),
    ))
}

/// The author a date line names (`... by Ann Black`, `... · Ann Black`, `Author: Ann Black`).
fn author_in_date_line(text: &str, line: Span, date: Span) -> Option<Span> {
    let s = &text[line.start..line.end];
    AUTHOR_IN_DATE_LINE.captures_iter(s).find_map(|c| {
        let m = c.get(1)?;
        let span = Span::new(line.start + m.start(), line.start + m.end());
        let words = m.as_str();
        (!date.contains(span) && span.start >= date.end.min(span.start) && !looks_like_date(words))
            .then_some(span)
    })
}

fn looks_like_date(words: &str) -> bool {
    !nectar_text::find_dates(words).is_empty()
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Clutter,
    Date(PartialDate, Span),
    Byline,
    Name,
    Candidate,
}

/// One line of the header, classified.
#[derive(Debug, Clone, Copy)]
struct HeadLine {
    line: Line,
    kind: Kind,
}

/// The last block of e-mail headers (`From:`, `Date:`, `Subject:`) in the first part of the
/// text: the innermost message of a forwarded one.
fn email_headers(text: &str, all: &[Line]) -> Option<(Layout, usize)> {
    let limit = (text.len() / 2).max(3000);
    let mut blocks: Vec<Vec<(String, Span, usize)>> = Vec::new();
    let mut current: Vec<(String, Span, usize)> = Vec::new();
    for (i, l) in all.iter().enumerate() {
        if l.span.start > limit {
            break;
        }
        match EMAIL_HEADER.captures(l.text(text)) {
            Some(c) => {
                let value = c.get(2).expect("group 2 always takes part");
                let span = trim(
                    text,
                    Span::new(
                        l.trimmed.start + value.start(),
                        l.trimmed.start + value.end(),
                    ),
                );
                current.push((c[1].to_owned(), span, i));
            }
            None if !current.is_empty() => blocks.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    let block = blocks.into_iter().rev().find(|b| b.len() >= 2)?;
    let mut layout = Layout::default();
    let mut last = 0;
    for (field, span, i) in &block {
        last = last.max(*i);
        let value = &text[span.start..span.end];
        match field.as_str() {
            "Subject" => {
                let skip = SUBJECT_PREFIX.find(value).map_or(0, |m| m.end());
                layout.title = Some(Span::new(span.start + skip, span.end));
            }
            "From" => {
                if let Some(c) = EMAIL_NAME.captures(value) {
                    let m = c.get(1).expect("group 1 always takes part");
                    layout.authors = vec![Span::new(span.start + m.start(), span.start + m.end())];
                }
            }
            "Date" | "Sent" => {
                if let Some(m) = nectar_text::find_dates(value)
                    .into_iter()
                    .find(|m| m.year.is_some())
                    && let Some(r) = nectar_text::resolve(&m, None, nectar_text::Tense::Unknown)
                {
                    layout.published = Some((
                        r.date,
                        Span::new(span.start + m.span.start, span.start + m.span.end),
                    ));
                }
            }
            _ => {}
        }
    }
    Some((layout, all[last].span.end))
}

fn classify(text: &str, line: Line) -> Kind {
    let t = line.text(text);
    if BANNER.is_match(t) || is_widget(t) {
        return Kind::Clutter;
    }
    if let Some((date, span)) = date_line(text, line.trimmed) {
        return Kind::Date(date, span);
    }
    if !byline_authors(text, line.trimmed).is_empty() {
        return Kind::Byline;
    }
    if is_nav(t) {
        return Kind::Clutter;
    }
    if NAME_ONLY.is_match(t) {
        return Kind::Name;
    }
    Kind::Candidate
}

fn score(text: &str, head: &[HeadLine], i: usize) -> i32 {
    let t = head[i].line.text(text);
    let mut score = 0;
    if NEC_WORDS.is_match(t) {
        score += 3;
    }
    if REPORT_WORDS.is_match(t) {
        score += 1;
    }
    if (20..=120).contains(&t.len()) {
        score += 1;
    }
    // The title stands just above the date line or byline (a subtitle may come between).
    let marks = |h: &HeadLine| matches!(h.kind, Kind::Date(..) | Kind::Byline | Kind::Name);
    if head.get(i + 1).is_some_and(marks) {
        score += 3;
    } else if head.get(i + 2).is_some_and(marks) {
        score += 1;
    }
    // A tagline with separators ("Ann Black · CLP rep on the NEC") is not the title.
    if t.contains(" · ") || t.contains(" | ") {
        score -= 1;
    }
    if i == 0 && head.len() > 1 {
        score -= 2;
    }
    if t.starts_with(['“', '"', '‘']) {
        score -= 2;
    }
    score
}

/// A post's header on a page that may show several: its title line and its date line.
#[derive(Debug, Clone, Copy)]
struct Post {
    title: Line,
    date: Line,
}

static POST_DATE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^(?:posted|published|written)\b"));

/// Posts on the page: a `Posted on ...` date line under a title line.
fn posts(text: &str, all: &[Line]) -> Vec<Post> {
    let non_blank: Vec<Line> = all.iter().copied().filter(|l| !l.is_blank()).collect();
    non_blank
        .windows(2)
        .filter(|w| {
            POST_DATE.is_match(w[1].text(text))
                && date_line(text, w[1].trimmed).is_some()
                && !is_prose(w[0].text(text))
        })
        .map(|w| Post {
            title: w[0],
            date: w[1],
        })
        .collect()
}

/// Reads a page the way most sites lay one out: banner lines, then a title, a date line and a
/// byline in some order near the top; the body; then a trailer (cut-off markers, share
/// buttons, comment forms) and readers' comments. Every parser can start from this and adjust.
///
/// The words it knows of pages in general are in `data/page.toml`; [`read_page_with`] adds a
/// site's own.
pub fn read_page(text: &str) -> Layout {
    read_page_with(text, &Site::default())
}

/// [`read_page`], with what one site adds: its trailer markers and clutter lines, and the way
/// it lays out readers' comments.
pub fn read_page_with(text: &str, site: &Site) -> Layout {
    let all = lines(text);
    let Comments {
        comments,
        start: comments_start,
    } = site
        .comments
        .map(|read| read(text, &all))
        .unwrap_or_default();
    let end = comments_start.unwrap_or(text.len());

    // A page of several posts: read the one about the NEC.
    let found = posts(text, &all);
    if found.len() >= 2 {
        let pick = found
            .iter()
            .position(|p| NEC_WORDS.is_match(p.title.text(text)))
            .unwrap_or(0);
        let post = found[pick];
        let mut layout = Layout {
            title: Some(post.title.trimmed),
            ..Layout::default()
        };
        if let Some((date, span)) = date_line(text, post.date.trimmed) {
            layout.published = Some((date, span));
            layout.authors = author_in_date_line(text, post.date.trimmed, span)
                .into_iter()
                .collect();
        }
        let next = found
            .get(pick + 1)
            .map_or(end, |p| p.title.span.start.min(end));
        layout.body = cut_trailer_in(
            text,
            &all,
            Span::new(post.date.span.end, next.max(post.date.span.end)),
            site,
        );
        layout.comments = comments;
        return layout;
    }

    if let Some((mut layout, header_end)) = email_headers(text, &all) {
        layout.body = cut_trailer_in(text, &all, Span::new(header_end.min(end), end), site);
        if layout.authors.is_empty() {
            layout.authors = signature(text, layout.body);
        }
        layout.comments = comments;
        return layout;
    }

    // Classify the lines above the first paragraph.
    let mut head: Vec<HeadLine> = Vec::new();
    for line in all.iter().copied().filter(|l| !l.is_blank()).take(16) {
        let kind = classify(text, line);
        if kind == Kind::Candidate && is_prose(line.text(text)) {
            break;
        }
        head.push(HeadLine { line, kind });
    }
    let mut layout = Layout::default();
    let date_at = head.iter().position(|h| matches!(h.kind, Kind::Date(..)));
    // The most precise date in the header is the publication date.
    let best_date = head
        .iter()
        .filter_map(|h| match h.kind {
            Kind::Date(d, s) => Some((d, s, h.line)),
            _ => None,
        })
        .max_by_key(|(d, _, _)| std::cmp::Reverse(d.precision()));
    if let Some((date, span, line)) = best_date {
        layout.published = Some((date, span));
        layout.authors = author_in_date_line(text, line.trimmed, span)
            .into_iter()
            .collect();
    }
    if layout.authors.is_empty()
        && let Some(h) = head.iter().find(|h| h.kind == Kind::Byline)
    {
        layout.authors = byline_authors(text, h.line.trimmed);
    }
    if layout.authors.is_empty()
        && let Some(d) = date_at
    {
        // A name alone next to the date line is the author (Medium, Substack).
        let near = head[d.saturating_sub(2)..(d + 3).min(head.len())]
            .iter()
            .find(|h| h.kind == Kind::Name);
        if let Some(h) = near {
            layout.authors = name_alone(text, h.line.trimmed).into_iter().collect();
        }
    }
    let title = (0..head.len())
        .filter(|&i| head[i].kind == Kind::Candidate)
        .map(|i| (score(text, &head, i), i))
        .filter(|&(s, _)| s >= 2)
        .max_by_key(|&(s, i)| (s, std::cmp::Reverse(i)));
    if let Some((_, i)) = title {
        layout.title = Some(head[i].line.trimmed);
    }
    // The body starts after the last header line that is not a candidate left in the text
    // (a heading or subtitle below the title stays in the body only if nothing follows it).
    let header_end = head
        .iter()
        .enumerate()
        .filter(|(i, h)| {
            h.kind != Kind::Candidate
                || Some(*i) == title.map(|t| t.1)
                || title.is_some_and(|t| *i < t.1)
        })
        .map(|(_, h)| h.line.span.end)
        .max()
        .unwrap_or(0);
    let header_end = if head.iter().all(|h| h.kind == Kind::Candidate) && title.is_none() {
        0
    } else {
        header_end
    };
    layout.body = cut_trailer_in(text, &all, Span::new(header_end.min(end), end), site);
    if let Some(t) = layout.title {
        layout.body = end_at_next_section(text, &all, &text[t.start..t.end], layout.body);
    }
    if layout.authors.is_empty() {
        // A letter or e-mail the page carries is signed by its sender, whoever posted it.
        layout.authors = signed_off(text, &all, layout.body, end)
            .into_iter()
            .collect();
    }
    if layout.authors.is_empty()
        && let Some((_, i)) = title
        && let Some(h) = head.get(i + 1).filter(|h| h.kind == Kind::Name)
        && opens_text(text, &all, h.line)
    {
        // A name alone right under the headline is its byline (news sites, CMS author lines),
        // when the text starts right after it, not a menu.
        layout.authors = name_alone(text, h.line.trimmed).into_iter().collect();
    }
    if layout.authors.is_empty()
        && let Some(t) = layout.title
    {
        layout.authors = title_byline(text, t).into_iter().collect();
    }
    if layout.authors.is_empty() {
        layout.authors = signature(text, Span::new(layout.body.end, text.len()));
    }
    if layout.authors.is_empty() {
        layout.authors = introduced(text, layout.body).into_iter().collect();
    }
    if layout.authors.is_empty() {
        // A site named for its author: "Bryony Cale’s Labour Diary".
        layout.authors = head
            .iter()
            .take(2)
            .find_map(|h| {
                let c = OWNED_SITE.captures(h.line.text(text))?;
                let m = c.get(1)?;
                Some(Span::new(
                    h.line.trimmed.start + m.start(),
                    h.line.trimmed.start + m.end(),
                ))
            })
            .into_iter()
            .collect();
    }
    if layout.authors.is_empty() {
        // "NAME reports on ...", "NAME, NAME and NAME report from ...", "NAME's report of ...":
        // the title or one of the body's first lines.
        let first_lines = all
            .iter()
            .filter(|l| l.span.start >= layout.body.start && !l.is_blank())
            .take(REPORTER_LINES)
            .map(|l| l.trimmed);
        layout.authors = layout
            .title
            .into_iter()
            .chain(first_lines)
            .map(|line| crate::byline::reporters(text, line))
            .find(|names| !names.is_empty())
            .unwrap_or_default();
    }
    if layout.authors.is_empty() {
        // "A report of the meeting by CLP reps NAME, NAME and NAME.": a list of names that
        // closes the title, a line of the header or one of the body's first lines.
        let header_lines = head
            .iter()
            .filter(|h| h.kind == Kind::Candidate)
            .map(|h| h.line.trimmed);
        let first_lines = all
            .iter()
            .filter(|l| l.span.start >= layout.body.start && !l.is_blank())
            .take(CREDIT_LINES)
            .map(|l| l.trimmed);
        layout.authors = layout
            .title
            .into_iter()
            .chain(header_lines)
            .chain(first_lines)
            .map(|line| crate::byline::credited(text, line))
            .find(|names| !names.is_empty())
            .unwrap_or_default();
    }
    layout.clutter = body_clutter(text, &all, layout.body, all.iter().find(|l| !l.is_blank()));
    layout.comments = comments;
    layout
}

static PAGE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bpage[\s\u{a0}]+\d+(?:[\s\u{a0}]+of[\s\u{a0}]+\d+)?$|^[-–—]?[\s\u{a0}]*\d{1,3}[\s\u{a0}]*[-–—]?$",
    )
});

fn squash(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether `line` is the same words as `squashed` (a [`squash`]ed line), in any case and
/// spacing.
fn is_squashed(line: &str, squashed: &str) -> bool {
    let mut words = line.split_whitespace();
    squashed.split(' ').all(|want| {
        words
            .next()
            .is_some_and(|w| w.chars().flat_map(char::to_lowercase).eq(want.chars()))
    }) && words.next().is_none()
}

/// Lines inside the body that are not text: page numbers and `Page 1 of 2` footers, the
/// document's first line repeated as a running header, navigation bars and widgets.
fn body_clutter(text: &str, all: &[Line], body: Span, first: Option<&Line>) -> Vec<Span> {
    let header = first.map(|l| squash(l.text(text))).filter(|h| h.len() >= 8);
    all.iter()
        .filter(|l| body.start <= l.span.start && l.span.end <= body.end && !l.is_blank())
        .filter(|l| {
            let t = l.text(text);
            PAGE_LINE.is_match(t)
                || is_nav(t)
                || is_widget(t)
                // The first line is a running header where it comes again, not where it
                // first stands (a page that starts at its body).
                || (header.as_ref().is_some_and(|h| is_squashed(t, h))
                    && first.is_none_or(|f| f.span != l.span))
        })
        .map(|l| l.trimmed)
        .collect()
}

fn is_caps_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (2..=8).contains(&words)
        && line.len() <= 60
        && line.chars().any(char::is_alphabetic)
        && !line.chars().any(char::is_lowercase)
}

/// In a newsletter whose title is in capitals (`REPORT FROM THE NEC`), the next heading in
/// capitals (`SOCIAL CALENDAR`) starts another article: the body ends there.
fn end_at_next_section(text: &str, all: &[Line], title: &str, body: Span) -> Span {
    if !is_caps_heading(title) {
        return body;
    }
    let next = all
        .iter()
        .filter(|l| body.start < l.span.start && l.span.end <= body.end)
        .find(|l| is_caps_heading(l.text(text)) && squash(l.text(text)) != squash(title));
    match next {
        Some(l) => trim(text, Span::new(body.start, l.span.start)),
        None => body,
    }
}

static INTRODUCED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^([A-Z][\p{L}'’\-]+(?:[ \u{a0}][A-Z][\p{L}'’\-]+){1,2}),[ \u{a0}](?:who|our|the)\b[^\n]{0,240}?\b(?:sent|wrote|writes|has[ \u{a0}]+sent)\b",
    )
});

/// The author an introduction names: `Jim Calloway, who represents us on the NEC, sent us
/// this report`.
fn introduced(text: &str, body: Span) -> Option<Span> {
    let c = INTRODUCED.captures(&text[body.start..body.end])?;
    let m = c.get(1)?;
    Some(Span::new(body.start + m.start(), body.start + m.end()))
}

static OWNED_SITE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^([A-Z][\p{L}\-]+(?:[ \u{a0}][A-Z][\p{L}\-]+){1,2})['’]s[ \u{a0}](?:[\w’'-]+[ \u{a0}]){0,2}(?i:blog|diary|notebook|journal|site|corner|column|notes)\b",
    )
});

static SIGNED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?m)^(?:--[ \t]*\r?\n|©[\s\u{a0}]*\d{4}[\s\u{a0}]+|Written[\s\u{a0}]+by[\s\u{a0}]+)([A-Z][\p{L}'’\-]+(?:[ \u{a0}][A-Z][\p{L}'’\-]+){1,2})\b",
    )
});

/// An author who signs off below the text (`--` then a name, `© 2010 NAME`, `Written by NAME`).
fn signature(text: &str, after: Span) -> Vec<Span> {
    let s = &text[after.start..after.end];
    SIGNED
        .captures(s)
        .and_then(|c| c.get(1))
        .map(|m| vec![Span::new(after.start + m.start(), after.start + m.end())])
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Option<String>, Option<String>, Vec<String>, String) {
        let l = read_page(text);
        (
            l.title.map(|s| text[s.start..s.end].to_owned()),
            l.published.map(|(d, _)| d.to_string()),
            l.authors
                .iter()
                .map(|s| text[s.start..s.end].to_owned())
                .collect(),
            text[l.body.start..l.body.end].to_owned(),
        )
    }

    #[test]
    fn wordpress_header_with_nav_and_posted_line() {
        let page = "Jo Bloggs\nCouncillor and NEC member\nHome | About | NEC reports\n\nNEC report: a long day\n\nPosted on 3 March 2015 by Jo Bloggs\n\nThe NEC met on Tuesday.\n\nShare this:\nTwitter";
        let (title, published, authors, body) = read(page);
        assert_eq!(title.as_deref(), Some("NEC report: a long day"));
        assert_eq!(published.as_deref(), Some("2015-03-03"));
        assert_eq!(authors, ["Jo Bloggs"]);
        assert_eq!(body, "The NEC met on Tuesday.");
    }

    #[test]
    fn medium_style_name_beside_date() {
        let page = "Open in app\n\nSign in\n\nWhat the NEC did\n\nA subtitle here\n\nSam Smith\nFollow\nJan 29, 2020 · 6 min read\n\nThe NEC met yesterday.";
        let (title, published, authors, body) = read(page);
        assert_eq!(title.as_deref(), Some("What the NEC did"));
        assert_eq!(published.as_deref(), Some("2020-01-29"));
        assert_eq!(authors, ["Sam Smith"]);
        assert_eq!(body, "The NEC met yesterday.");
    }

    #[test]
    fn forwarded_email_reads_the_inner_message() {
        let page = "---------- Forwarded message ----------\nFrom: Sec <s@x.org>\nDate: Mon, 25 Jul 2011 at 19:46\nSubject: Fwd: NEC report\n\nHi all, see below.\n\n-----Original Message-----\nFrom: Kath Rendell <k@x.org>\nDate: 24 July 2011\nSubject: NEC report - July 2011\n\nThe NEC met on 19 July.";
        let (title, published, authors, body) = read(page);
        assert_eq!(title.as_deref(), Some("NEC report - July 2011"));
        assert_eq!(published.as_deref(), Some("2011-07-24"));
        assert_eq!(authors, ["Kath Rendell"]);
        assert_eq!(body, "The NEC met on 19 July.");
    }
}
