//! Readers' comments: the times sites show on them, and the comment style many sites share
//! (a header line with the author and the time). A site's own style is read by its parser.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use nectar_model::{CommentLayout, Span};
use nectar_text::Line;
use regex::Regex;

use crate::{Site, is_trailer_line};

/// The comments a page shows and where the first one starts: the report's text ends there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comments {
    /// The comments, in page order.
    pub comments: Vec<CommentLayout>,
    /// Where the comments start (their heading, or the first comment).
    pub start: Option<usize>,
}

/// Reads one site's style of comments from a page's text and lines.
pub type CommentReader = fn(text: &str, lines: &[Line]) -> Comments;

static COMMENT_TIME: LazyLock<Regex> = LazyLock::new(|| {
    let m = "january|february|march|april|may|june|july|august|september|october|november|december";
    crate::regex(&format!(
        concat!(
            r"(?i)^(?:(\d{{1,2}}):(\d{{2}})[\s\u{{a0}}]*(am|pm)?,?[\s\u{{a0}}]+",
            r"({m})[\s\u{{a0}}]+(\d{{1,2}}),?[\s\u{{a0}}]+(\d{{4}})",
            r"|(\d{{1,2}})[\s\u{{a0}}]+({m})[\s\u{{a0}}]+(\d{{4}})[\s\u{{a0}}]+at[\s\u{{a0}}]+(\d{{1,2}}):(\d{{2}})[\s\u{{a0}}]*(am|pm)?)$"
        ),
        m = m
    ))
});

/// Reads a comment's time line: `8:15 pm, February 13, 2021` or `13 February 2021 at 20:15`.
///
/// ```
/// let t = nectar_page::comment_time("13 February 2021 at 8:15 pm").unwrap();
/// assert_eq!(t.to_string(), "2021-02-13 20:15:00");
/// ```
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
    let month = nectar_text::month_number(month.as_str())?;
    let date = NaiveDate::from_ymd_opt(year as i32, month, day)?;
    Some(date.and_time(NaiveTime::from_hms_opt(hour, minute, 0)?))
}

/// Comments each under a line that names its author, matched by `header` (`Blogger Jo said...`
/// on Blogger, `Jo says:` on WordPress), with its text and a time line after the name (the time
/// before or after the text). `header`'s group `name` is the author's name, its optional group
/// `marker` the site's mark before it; a comment by `Anonymous` (as name or mark) is anonymous.
/// The text runs to the time line, the next comment or a trailer line of `site`.
pub fn named_comments(text: &str, lines: &[Line], header: &Regex, site: &Site) -> Comments {
    let mut out = Vec::new();
    let mut start = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let caps = (!line.is_blank())
            .then(|| header.captures(line.text(text)))
            .flatten();
        let Some(name) = caps.as_ref().and_then(|c| c.name("name")) else {
            i += 1;
            continue;
        };
        let marker = caps
            .as_ref()
            .and_then(|c| c.name("marker"))
            .map(|m| m.as_str());
        let base = line.trimmed.start;
        let name_span = Span::new(base + name.start(), base + name.end());
        let anonymous = marker == Some("Anonymous") || name.as_str() == "Anonymous";
        let mut j = i + 1;
        let mut posted_at = None;
        let mut end = line.trimmed.end;
        let mut text_span: Option<Span> = None;
        while j < lines.len() {
            let l = lines[j];
            let t = l.text(text);
            if l.is_blank() || t.eq_ignore_ascii_case("reply") {
                j += 1;
                continue;
            }
            if let Some(at) = comment_time(t) {
                posted_at = Some(at);
                end = l.trimmed.end;
                j += 1;
                if text_span.is_some() {
                    break;
                }
                continue;
            }
            if header.is_match(t) || is_trailer_line(t, site) {
                break;
            }
            text_span = Some(match text_span {
                Some(s) => Span::new(s.start, l.trimmed.end),
                None => l.trimmed,
            });
            end = l.trimmed.end;
            j += 1;
        }
        start.get_or_insert(line.trimmed.start);
        out.push(CommentLayout {
            span: Span::new(line.trimmed.start, end),
            author: (name.as_str() != "Anonymous").then_some(name_span),
            anonymous,
            posted_at,
            text: text_span.unwrap_or(Span::new(line.trimmed.end, line.trimmed.end)),
        });
        i = j;
    }
    Comments {
        comments: out,
        start,
    }
}

static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(
        r"^([A-Z][\p{L}'’.\-]+(?:[ \u{a0}][A-Z][\p{L}'’.\-]+){0,3})[ \u{a0}]+(?:\||·|–|—|on)[ \u{a0}]+(.{6,60})$",
    )
});

/// Comments whose header line gives the author and the time, `NAME | 26 September 2007 at
/// 10:14 pm` (Typepad and many WordPress themes), each followed by its text, in the last two
/// thirds of the page. Comment text runs to the next header or a trailer line of `site`.
pub fn headed_comments(text: &str, lines: &[Line], site: &Site) -> Comments {
    let from = text.len() / 3;
    let mut out: Vec<CommentLayout> = Vec::new();
    let mut start = None;
    for line in lines
        .iter()
        .filter(|l| l.span.start >= from && !l.is_blank())
    {
        let t = line.text(text);
        if let Some(c) = HEADER.captures(t)
            && let Some(at) = comment_time(&c[2])
            && let Some(name) = c.get(1)
        {
            let author = Span::new(
                line.trimmed.start + name.start(),
                line.trimmed.start + name.end(),
            );
            start.get_or_insert(line.trimmed.start);
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
        if is_trailer_line(t, site) {
            break;
        }
        if last.text.is_empty() {
            last.text = line.trimmed;
        } else {
            last.text.end = line.trimmed.end;
        }
        last.span.end = line.trimmed.end;
    }
    Comments {
        comments: out,
        start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_times() {
        let t = |s: &str| comment_time(s).map(|t| t.to_string());
        assert_eq!(
            t("8:15 pm, February 13, 2021").as_deref(),
            Some("2021-02-13 20:15:00")
        );
        assert_eq!(
            t("12:02 am, February 14, 2021").as_deref(),
            Some("2021-02-14 00:02:00")
        );
        assert_eq!(
            t("27 January 2016 at 9:14 pm").as_deref(),
            Some("2016-01-27 21:14:00")
        );
        assert_eq!(t("31 February 2016 at 9:14 pm"), None);
        assert_eq!(t("yesterday"), None);
    }

    #[test]
    fn named_comments_read_text_time_and_anonymity() {
        let header =
            Regex::new(r"^(?:(?P<marker>Blogger|Anonymous) )?(?P<name>.{1,80}?) said\.\.\.$")
                .unwrap();
        let text = "Body.\n\nBlogger Jo said...\n\nGood read\nindeed\n\n8:15 pm, February 13, 2021\n\nAnonymous Anonymous said...\n\nHmm\n\n12:02 am, February 14, 2021\n\nPost a Comment";
        let c = named_comments(text, &nectar_text::lines(text), &header, &Site::default());
        assert_eq!(c.start, Some(7));
        assert_eq!(c.comments.len(), 2);
        let first = &c.comments[0];
        assert_eq!(&text[first.text.start..first.text.end], "Good read\nindeed");
        assert_eq!(first.posted_at.unwrap().to_string(), "2021-02-13 20:15:00");
        assert!(c.comments[1].anonymous && c.comments[1].author.is_none());
        assert_eq!(
            c.comments[1].posted_at.unwrap().to_string(),
            "2021-02-14 00:02:00"
        );
    }

    #[test]
    fn headed_comments_read_author_time_and_text() {
        let text = "A post about the NEC that goes on for a while.\n\nMore of it.\n\n2 Responses\n\nMary Quayle | 26 September 2007 at 10:14 pm\nGood report.\n\nDan Okafor | 27 September 2007 at 8:30 am\nThanks!\n\nLeave a comment\n";
        let lines = nectar_text::lines(text);
        let c = headed_comments(text, &lines, &Site::default());
        assert_eq!(c.comments.len(), 2);
        assert_eq!(c.start, text.find("Mary"));
        let first = &c.comments[0];
        assert_eq!(
            first.author.map(|a| &text[a.start..a.end]),
            Some("Mary Quayle")
        );
        assert_eq!(&text[first.text.start..first.text.end], "Good report.");
        assert_eq!(
            c.comments[1].posted_at.unwrap().to_string(),
            "2007-09-27 08:30:00"
        );
    }
}
