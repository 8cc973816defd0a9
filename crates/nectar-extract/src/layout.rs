//! Where things stand on a page: the [`Layout`] a parser finds, and helpers that every parser
//! shares for lines, blocks, bylines, clutter and readers' comments.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use nectar_model::{PartialDate, Span};
use regex::Regex;

/// What a parser found on the page; [`crate::extract`] reads the facts from it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    /// The title line.
    pub title: Option<Span>,
    /// The publication date the page shows, with where it stands.
    pub published: Option<(PartialDate, Span)>,
    /// Author names as written.
    pub authors: Vec<Span>,
    /// The report's own text, without the site's header, clutter and comments.
    pub body: Span,
    /// The body's blocks; empty to let [`crate::extract`] split the body itself.
    pub blocks: Vec<Block>,
    /// Readers' comments.
    pub comments: Vec<CommentLayout>,
    /// Lines inside the body that are not the report's text (a PDF's running headers and page
    /// numbers, a widget between paragraphs).
    pub clutter: Vec<Span>,
}

/// The kind of a block of body text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A short line on its own that names a section.
    Heading,
    /// A paragraph.
    Paragraph,
    /// An item of a bulleted or numbered list.
    Bullet,
}

/// A block of body text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// Where it stands (without the bullet marker).
    pub span: Span,
}

/// A reader's comment as it stands on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentLayout {
    /// The whole comment, from the author line to the time.
    pub span: Span,
    /// The name shown.
    pub author: Option<Span>,
    /// Whether the site marks the commenter as anonymous.
    pub anonymous: bool,
    /// When it was posted.
    pub posted_at: Option<NaiveDateTime>,
    /// The comment's text.
    pub text: Span,
}

/// A line of `text`, without its terminator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// The line's span.
    pub span: Span,
    /// The span trimmed of white space (including no-break spaces and a BOM).
    pub trimmed: Span,
}

impl Line {
    /// The trimmed text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.trimmed.start..self.trimmed.end]
    }

    /// Whether the line holds only white space.
    pub fn is_blank(&self) -> bool {
        self.trimmed.is_empty()
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// Trims white space, no-break spaces and BOMs from both ends of a span.
pub fn trim(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let start = span.start + (s.len() - s.trim_start_matches(is_space).len());
    let end = span.start + s.trim_end_matches(is_space).len();
    Span::new(start, end.max(start))
}

/// The lines of `text` (`\n`, `\r\n` or `\r` terminated), each with its trimmed span.
pub fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 64 + 1);
    let mut start = 0;
    for (i, _) in text.match_indices(['\n', '\r']) {
        if i < start {
            // The `\n` of a `\r\n` pair.
            continue;
        }
        let span = Span::new(start, i);
        out.push(Line {
            span,
            trimmed: trim(text, span),
        });
        start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
    }
    if start < bytes.len() {
        let span = Span::new(start, bytes.len());
        out.push(Line {
            span,
            trimmed: trim(text, span),
        });
    }
    out
}

static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"^(?:[•·▪◦●○‣∙*\-–—]|\d{1,2}[.)])[\s\u{a0}]+").expect("valid regex")
});

fn looks_like_heading(line: &str) -> bool {
    if line.len() > 70 {
        return false;
    }
    let words = line.split_whitespace().count();
    let first = line.chars().next().unwrap_or(' ');
    let last = line.chars().last().unwrap_or('.');
    (1..=8).contains(&words)
        && line.len() <= 70
        && (first.is_uppercase() || first.is_ascii_digit())
        && !matches!(last, '.' | ',' | ';' | '!' | '?' | '"' | '”' | ')')
}

/// Splits `span` of `text` into blocks.
///
/// Where blank lines separate paragraphs, the lines between them form one paragraph (so hard
/// line wraps are joined); where there are none, every line is a paragraph. Lines that start
/// with a bullet or a number are list items, and a short line on its own with no closing
/// punctuation, followed by more text, is a heading.
pub fn blocks(text: &str, span: Span) -> Vec<Block> {
    let all = lines(&text[..span.end]);
    let lines: Vec<Line> = all
        .into_iter()
        .filter(|l| l.span.end >= span.start && l.span.start <= span.end)
        .map(|l| {
            let start = l.span.start.max(span.start);
            let s = Span::new(start, l.span.end);
            Line {
                span: s,
                trimmed: trim(text, s),
            }
        })
        .collect();
    let non_blank = lines.iter().filter(|l| !l.is_blank()).count();
    let blank_separated = lines
        .windows(2)
        .any(|w| w[0].is_blank() && !w[1].is_blank())
        && non_blank > 0
        && lines.iter().filter(|l| l.is_blank()).count() * 3 >= non_blank;
    let mut out: Vec<Block> = Vec::new();
    let mut current: Option<Span> = None;
    let mut current_lines = 0;
    let flush = |out: &mut Vec<Block>, current: &mut Option<Span>, n: &mut usize| {
        if let Some(s) = current.take() {
            let kind = if *n == 1 && looks_like_heading(&text[s.start..s.end]) {
                BlockKind::Heading
            } else {
                BlockKind::Paragraph
            };
            out.push(Block { kind, span: s });
        }
        *n = 0;
    };
    for line in &lines {
        if line.is_blank() {
            flush(&mut out, &mut current, &mut current_lines);
            continue;
        }
        let t = line.text(text);
        if let Some(m) = BULLET.find(t) {
            flush(&mut out, &mut current, &mut current_lines);
            let start = line.trimmed.start + m.end();
            out.push(Block {
                kind: BlockKind::Bullet,
                span: trim(text, Span::new(start, line.trimmed.end)),
            });
            continue;
        }
        if !blank_separated {
            flush(&mut out, &mut current, &mut current_lines);
        }
        current = Some(match current {
            Some(s) => Span::new(s.start, line.trimmed.end),
            None => line.trimmed,
        });
        current_lines += 1;
    }
    flush(&mut out, &mut current, &mut current_lines);
    // A heading must introduce something: a last block, or one followed by another heading, is
    // a paragraph.
    let n = out.len();
    for i in 0..n {
        if out[i].kind == BlockKind::Heading
            && out.get(i + 1).is_none_or(|b| b.kind == BlockKind::Heading)
        {
            out[i].kind = BlockKind::Paragraph;
        }
    }
    out
}

/// Lines that mark the end of a report's own text on most sites: cut-off markers, share
/// widgets, comment forms, related links, author boxes and donation asks. Matched against the
/// start of a trimmed line, case-insensitively.
pub const TRAILER_MARKERS: &[&str] = &[
    "continue reading",
    "read more",
    "(more…)",
    "(more...)",
    "share this:",
    "share this post",
    "share this article",
    "like this:",
    "related posts",
    "related articles",
    "related stories",
    "you may also like",
    "post a comment",
    "leave a comment",
    "leave a reply",
    "add a comment",
    "post navigation",
    "subscribe to: post comments",
    "<< home",
    "newer post",
    "older post",
    "print friendly",
    "sign up to our",
    "sign up for our",
    "more from ",
    "our work depends on you",
    "share on facebook",
    "share on twitter",
    "click to share",
    "tags:",
    "filed under",
    "posted in ",
    "posted by ",
    "categories:",
    "about the author",
    "like · comment",
    "write a comment",
    "tweet this",
    "powered by",
    "trackback",
    "discussion about this post",
    "thanks for reading",
    "become a paid subscriber",
    "promoted by",
    "printed by",
    "printed and published by",
    "published and promoted by",
    "in friendship",
    "chip in",
    "support our work",
    "written by ",
    "©",
    "photo:",
    "image:",
    "picture:",
];

/// Whole lines that are clutter wherever they stand (widgets and banners).
pub const CLUTTER_LINES: &[&str] = &[
    "related",
    "share",
    "tweet",
    "email",
    "print",
    "advertisement",
    "free hit counters",
    "officedepot discount",
    "comments",
    "--",
    "subscribe",
];

static TRAILER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Anchored)
        .build(TRAILER_MARKERS)
        .expect("valid patterns")
});

static COMMENT_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"(?i)^(?:\d+|no|one|two|three)\s+(?:comments?|responses?|replies|people\s+like\s+this|likes|claps|restacks)\b")
        .expect("valid regex")
});

static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"[\s\u{a0}](?:\||·|•|–|—|/)[\s\u{a0}]|[\s\u{a0}]{3,}").expect("valid regex")
});

/// Whether a line is a navigation bar or a row of links (`Home | About | NEC reports`): three
/// or more short segments between separators, and not a bulleted line.
pub fn is_nav(line: &str) -> bool {
    if line.starts_with('«') || line.ends_with('»') {
        return true;
    }
    // Three segments need two separators; most lines have none.
    if line.len() > 120 || SEPARATOR.find_iter(line).nth(1).is_none() || BULLET.is_match(line) {
        return false;
    }
    let mut segments = 0;
    for s in SEPARATOR
        .split(line)
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        if s.chars().count() > 32 {
            return false;
        }
        segments += 1;
    }
    segments >= 3
}

/// Whether a trimmed line marks the end of the report's own text.
pub fn is_trailer_line(line: &str) -> bool {
    let marker = TRAILER
        .find(Input::new(line).anchored(Anchored::Yes))
        .is_some_and(|m| line.len() < 160 || m.end() == line.len());
    marker
        || COMMENT_COUNT.is_match(line)
        || is_nav(line)
        || CLUTTER_LINES.iter().any(|c| line.eq_ignore_ascii_case(c))
}

/// Cuts `body` at the first trailer line ([`is_trailer_line`]) that stands after at least a
/// fifth of it, and trims white space. A footer of up to three short lines just above the
/// trailer line, after a blank line (`Political Department, 40 Canal Street`), goes too.
pub fn cut_trailer(text: &str, body: Span) -> Span {
    let min = body.start + body.len() / 5;
    let all = lines(&text[..body.end]);
    for (i, line) in all.iter().enumerate() {
        if line.span.start < min || line.is_blank() || line.span.start < body.start {
            continue;
        }
        if is_trailer_line(line.text(text)) {
            let mut cut = line.span.start;
            let above: Vec<&Line> = all[..i]
                .iter()
                .rev()
                .take_while(|l| !l.is_blank())
                .collect();
            let blank_above = i > above.len() && all[i - above.len() - 1].is_blank();
            if !above.is_empty()
                && above.len() <= 3
                && blank_above
                && above.iter().all(|l| l.trimmed.len() < 90)
                && above.last().is_some_and(|l| l.span.start > min)
            {
                cut = above.last().map_or(cut, |l| l.span.start);
            }
            return trim(text, Span::new(body.start, cut));
        }
    }
    trim(text, body)
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(
        r"(?i)^(?:by|posted by|written by|words by|author:|from)[\s\u{a0}]+(?-i)([A-Z][\p{L}'’.\-]+(?:[\s\u{a0}]+(?:[A-Z][\p{L}'’.\-]+|de|van|von|da|al))+)",
    )
    .expect("valid regex")
});

static NAME: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"[A-Z][\p{L}'’.\-]+(?:[\s\u{a0}]+[A-Z][\p{L}'’.\-]+)+").expect("valid regex")
});

/// Author names in a byline such as `By Ann Black`, `Posted by Ann Black on ...` or
/// `From Jo Bird, Ann Black and our other reps ...`: the names listed before
/// any words that are not names.
pub fn byline_authors(text: &str, line: Span) -> Vec<Span> {
    let s = &text[line.start..line.end];
    let Some(c) = BYLINE.captures(s) else {
        return Vec::new();
    };
    let first = c.get(1).expect("group 1 always takes part");
    let mut out = vec![Span::new(
        line.start + first.start(),
        line.start + first.end(),
    )];
    let mut rest = &s[first.end()..];
    let mut offset = line.start + first.end();
    // Further names joined by ", " or " and " / " & ".
    loop {
        let sep = [", and ", ", ", " and ", " & "]
            .iter()
            .find(|sep| rest.starts_with(**sep));
        let Some(sep) = sep else { break };
        let after = &rest[sep.len()..];
        match NAME.find(after) {
            Some(m) if m.start() == 0 && !after.starts_with("the ") => {
                out.push(Span::new(offset + sep.len(), offset + sep.len() + m.end()));
                offset += sep.len() + m.end();
                rest = &after[m.end()..];
            }
            _ => break,
        }
    }
    out
}

static SAID: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"^(?:(Blogger|Anonymous)[\s\u{a0}]+)?(.{1,80}?)[\s\u{a0}]+(?:said\.\.\.|said…|says:|said:|wrote:)$")
        .expect("valid regex")
});

static COMMENT_TIME: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(concat!(
        r"(?i)^(?:(\d{1,2}):(\d{2})[\s\u{a0}]*(am|pm)?,?[\s\u{a0}]+",
        r"(january|february|march|april|may|june|july|august|september|october|november|december)",
        r"[\s\u{a0}]+(\d{1,2}),?[\s\u{a0}]+(\d{4})",
        r"|(\d{1,2})[\s\u{a0}]+(january|february|march|april|may|june|july|august|september|october|november|december)",
        r"[\s\u{a0}]+(\d{4})[\s\u{a0}]+at[\s\u{a0}]+(\d{1,2}):(\d{2})[\s\u{a0}]*(am|pm)?)$"
    ))
    .expect("valid regex")
});

fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = name.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == lower)
        .map(|i| i as u32 + 1)
}

/// Reads a comment's time line: `8:15 pm, February 13, 2021` or `13 February 2021 at 20:15`.
pub fn comment_time(line: &str) -> Option<NaiveDateTime> {
    let c = COMMENT_TIME.captures(line.trim())?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (hour, minute, ampm, month, day, year) = if c.get(1).is_some() {
        (num(1)?, num(2)?, c.get(3), c.get(4)?, num(5)?, num(6)?)
    } else {
        (num(10)?, num(11)?, c.get(12), c.get(8)?, num(7)?, num(9)?)
    };
    let hour = match ampm.map(|m| m.as_str().to_ascii_lowercase()) {
        Some(ref p) if p == "pm" && hour < 12 => hour + 12,
        Some(ref p) if p == "am" && hour == 12 => 0,
        _ => hour,
    };
    let date = NaiveDate::from_ymd_opt(year as i32, month_number(month.as_str())?, day)?;
    Some(date.and_time(NaiveTime::from_hms_opt(hour, minute, 0)?))
}

/// Finds readers' comments written as `NAME said...` (Blogger: `Blogger NAME said...`,
/// `Anonymous NAME said...`) or `NAME says:` (WordPress), each followed by its text and a time
/// line, from `from` on. Returns the comments and where the first one starts.
pub fn said_comments(text: &str, from: usize) -> (Vec<CommentLayout>, Option<usize>) {
    let all = lines(text);
    let mut out = Vec::new();
    let mut first_start = None;
    let mut i = 0;
    while i < all.len() {
        let line = all[i];
        if line.span.start < from || line.is_blank() {
            i += 1;
            continue;
        }
        let Some(c) = SAID.captures(line.text(text)) else {
            i += 1;
            continue;
        };
        let base = line.trimmed.start;
        let marker = c.get(1).map(|m| m.as_str());
        let name = c.get(2).expect("group 2 always takes part");
        let name_span = Span::new(base + name.start(), base + name.end());
        let anonymous = marker == Some("Anonymous") || name.as_str() == "Anonymous";
        // The text runs to the time line or the next comment.
        let mut j = i + 1;
        let mut posted_at = None;
        let mut end = line.trimmed.end;
        let mut text_span: Option<Span> = None;
        while j < all.len() {
            let l = all[j];
            if l.is_blank() {
                j += 1;
                continue;
            }
            if let Some(t) = comment_time(l.text(text)) {
                posted_at = Some(t);
                end = l.trimmed.end;
                j += 1;
                // Blogger puts the time after the text; WordPress before it.
                if text_span.is_some() {
                    break;
                }
                continue;
            }
            if l.text(text).eq_ignore_ascii_case("reply") {
                j += 1;
                continue;
            }
            if SAID.is_match(l.text(text)) || is_trailer_line(l.text(text)) {
                break;
            }
            text_span = Some(match text_span {
                Some(s) => Span::new(s.start, l.trimmed.end),
                None => l.trimmed,
            });
            end = l.trimmed.end;
            j += 1;
        }
        first_start.get_or_insert(line.trimmed.start);
        out.push(CommentLayout {
            span: Span::new(line.trimmed.start, end),
            author: (name.as_str() != "Anonymous").then_some(name_span),
            anonymous,
            posted_at,
            text: text_span.unwrap_or(Span::new(line.trimmed.end, line.trimmed.end)),
        });
        i = j;
    }
    (out, first_start)
}

/// Finds readers' comments listed after a `N comments` line as bullet items (each item one
/// comment; lines that follow an item without a bullet continue it), from `from` on. Returns
/// the comments and where the `N comments` line starts.
pub fn bullet_comments(text: &str, from: usize) -> (Vec<CommentLayout>, Option<usize>) {
    let all = lines(text);
    let Some(head) = all
        .iter()
        .position(|l| l.span.start >= from && COMMENT_COUNT.is_match(l.text(text)))
    else {
        return (Vec::new(), None);
    };
    let mut out: Vec<CommentLayout> = Vec::new();
    for line in &all[head + 1..] {
        if line.is_blank() {
            continue;
        }
        let t = line.text(text);
        if is_trailer_line(t) {
            break;
        }
        if let Some(m) = BULLET.find(t) {
            let span = trim(
                text,
                Span::new(line.trimmed.start + m.end(), line.trimmed.end),
            );
            out.push(CommentLayout {
                span,
                author: None,
                anonymous: false,
                posted_at: None,
                text: span,
            });
        } else if let Some(last) = out.last_mut() {
            last.span.end = line.trimmed.end;
            last.text.end = line.trimmed.end;
        } else {
            break;
        }
    }
    (out, Some(all[head].trimmed.start))
}

static BAR_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"^([A-Z][\p{L}'’.\-]+(?:[ \u{a0}][A-Z][\p{L}'’.\-]+){0,3})[ \u{a0}]+(?:\||·|–|—|on)[ \u{a0}]+(.{6,60})$")
        .expect("valid regex")
});

/// Finds comments whose header line gives the author and the time, `NAME | 26 September 2007
/// at 10:14 pm` (Typepad, many WordPress themes), each followed by its text, from `from` on.
pub fn bar_comments(text: &str, from: usize) -> (Vec<CommentLayout>, Option<usize>) {
    let all = lines(text);
    let mut out: Vec<CommentLayout> = Vec::new();
    let mut first = None;
    for line in all.iter().filter(|l| l.span.start >= from && !l.is_blank()) {
        let t = line.text(text);
        if let Some(c) = BAR_HEADER.captures(t)
            && let Some(at) = comment_time(&c[2])
        {
            let name = c.get(1).expect("group 1 always takes part");
            let author = Span::new(
                line.trimmed.start + name.start(),
                line.trimmed.start + name.end(),
            );
            first.get_or_insert(line.trimmed.start);
            out.push(CommentLayout {
                span: line.trimmed,
                author: Some(author),
                anonymous: false,
                posted_at: Some(at),
                text: Span::new(line.trimmed.end, line.trimmed.end),
            });
            continue;
        }
        let Some(last) = out.last_mut() else { continue };
        if is_trailer_line(t) {
            break;
        }
        if last.text.is_empty() {
            last.text = line.trimmed;
        } else {
            last.text.end = line.trimmed.end;
        }
        last.span.end = line.trimmed.end;
    }
    (out, first)
}

static FACEBOOK_TIME: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"^(.{6,40}?)[ \u{a0}]*·[ \u{a0}]*(?:Like|Reply)\b").expect("valid regex")
});

static LEADING_NAME: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(r"^[A-Z][\p{L}'’\-]+[ \u{a0}][A-Z][\p{L}'’\-]+").expect("valid regex")
});

/// Finds Facebook-style comments: a line that starts with the commenter's name and goes on with
/// the text, then a line with the time and `· Like`, from `from` on.
pub fn facebook_comments(text: &str, from: usize) -> (Vec<CommentLayout>, Option<usize>) {
    let all: Vec<Line> = lines(text)
        .into_iter()
        .filter(|l| l.span.start >= from && !l.is_blank())
        .collect();
    let mut out = Vec::new();
    let mut first = None;
    for w in all.windows(2) {
        let Some(c) = FACEBOOK_TIME.captures(w[1].text(text)) else {
            continue;
        };
        let Some(at) = comment_time(&c[1]) else {
            continue;
        };
        let body = w[0].text(text);
        let Some(name) = LEADING_NAME.find(body) else {
            continue;
        };
        let author = Span::new(w[0].trimmed.start, w[0].trimmed.start + name.end());
        first.get_or_insert(w[0].trimmed.start);
        out.push(CommentLayout {
            span: Span::new(w[0].trimmed.start, w[1].trimmed.end),
            author: Some(author),
            anonymous: false,
            posted_at: Some(at),
            text: trim(text, Span::new(author.end, w[0].trimmed.end)),
        });
    }
    (out, first)
}

/// The first `max` bytes of `text`, cut back to a character boundary.
pub fn head(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// How sure a parser can be that a page is its site's, from the distinct signatures it shows:
/// 0.35 for each, up to 1.
pub fn signature_confidence(text: &str, signatures: &[&str]) -> f32 {
    let found = signatures.iter().filter(|s| text.contains(**s)).count();
    (found as f32 * 0.35).min(1.0)
}

pub use crate::page::{date_line, read_page};

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, blocks: &[Block]) -> Vec<(BlockKind, String)> {
        blocks
            .iter()
            .map(|b| (b.kind, text[b.span.start..b.span.end].to_owned()))
            .collect()
    }

    #[test]
    fn lines_handle_crlf_and_nbsp() {
        let text = "one\r\n\u{a0}two \r\n\nthree";
        let l: Vec<&str> = lines(text).iter().map(|l| l.text(text)).collect();
        assert_eq!(l, ["one", "two", "", "three"]);
    }

    #[test]
    fn blocks_join_wrapped_lines_and_find_headings_and_bullets() {
        let text = "Membership\n\nThe party has grown\nand grown again.\n\n• first point\n• second point\n\nThe end came.";
        let b = blocks(text, Span::new(0, text.len()));
        assert_eq!(
            texts(text, &b),
            [
                (BlockKind::Heading, "Membership".to_owned()),
                (
                    BlockKind::Paragraph,
                    "The party has grown\nand grown again.".to_owned()
                ),
                (BlockKind::Bullet, "first point".to_owned()),
                (BlockKind::Bullet, "second point".to_owned()),
                (BlockKind::Paragraph, "The end came.".to_owned()),
            ]
        );
    }

    #[test]
    fn single_newline_paragraphs() {
        let text =
            "Title here\nFirst paragraph is long enough.\nLeader’s report\nSecond paragraph.";
        let b = blocks(text, Span::new(0, text.len()));
        let kinds: Vec<BlockKind> = b.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading,
                BlockKind::Paragraph,
                BlockKind::Heading,
                BlockKind::Paragraph
            ]
        );
    }

    #[test]
    fn trailer_cut_and_bylines() {
        let text = "Some text about the NEC.\nMore text here.\nContinue reading →\nShare this:";
        let body = cut_trailer(text, Span::new(0, text.len()));
        assert_eq!(
            &text[body.start..body.end],
            "Some text about the NEC.\nMore text here."
        );
        let line = "From Jo Bird, Ann Black and the CLP reps";
        let names: Vec<&str> = byline_authors(line, Span::new(0, line.len()))
            .iter()
            .map(|s| &line[s.start..s.end])
            .collect();
        assert_eq!(names, ["Jo Bird", "Ann Black"]);
    }

    #[test]
    fn blogger_comments() {
        let text = "Body.\n\nBlogger Jo said...\n\nGood read\nindeed\n\n8:15 pm, February 13, 2021\n\nAnonymous Anonymous said...\n\nHmm\n\n12:02 am, February 14, 2021\n\nPost a Comment";
        let (c, first) = said_comments(text, 0);
        assert_eq!(first, Some(7));
        assert_eq!(c.len(), 2);
        assert_eq!(&text[c[0].text.start..c[0].text.end], "Good read\nindeed");
        assert_eq!(c[0].posted_at.unwrap().to_string(), "2021-02-13 20:15:00");
        assert!(c[1].anonymous && c[1].author.is_none());
        assert_eq!(c[1].posted_at.unwrap().to_string(), "2021-02-14 00:02:00");
    }
}
