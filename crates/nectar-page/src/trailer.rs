//! Where a report's own text ends: trailer lines (cut-off markers, share widgets, comment
//! forms), navigation bars and clutter lines, the common ones and a site's own.

use std::sync::LazyLock;

use nectar_model::Span;
use nectar_text::{Line, lines, trim};
use regex::Regex;

use crate::Site;
use crate::words::{WORDS, starts_with_ignore_case};

static COMMENT_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(
        r"(?i)^(?:\d+|no|one|two|three)\s+(?:comments?|responses?|replies|people\s+like\s+this|likes|claps|restacks)\b",
    )
});

static SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| crate::regex(r"[\s\u{a0}](?:\||·|•|–|—|/)[\s\u{a0}]|[\s\u{a0}]{3,}"));

/// Whether a trimmed line counts comments or likes (`2 comments`, `14 people like this`).
pub fn is_comment_count(line: &str) -> bool {
    COMMENT_COUNT.is_match(line)
}

/// Whether a line is a navigation bar or a row of links (`Home | About | NEC reports`): three
/// or more short segments between separators, and not a bulleted line.
pub fn is_nav(line: &str) -> bool {
    if line.starts_with('«') || line.ends_with('»') {
        return true;
    }
    if line.len() > 120 || nectar_text::bullet(line).is_some() {
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

/// Whether `line` starts with one of `markers` (a long line only if it is the marker alone).
fn is_marker(line: &str, markers: impl IntoIterator<Item = impl AsRef<str>>) -> bool {
    markers.into_iter().any(|m| {
        let m = m.as_ref();
        starts_with_ignore_case(line, m) && (line.len() < 160 || line.len() == m.len())
    })
}

/// Whether a whole line is one of `words`, without case.
fn is_one_of(line: &str, words: impl IntoIterator<Item = impl AsRef<str>>) -> bool {
    words
        .into_iter()
        .any(|w| line.eq_ignore_ascii_case(w.as_ref()))
}

/// Whether a trimmed line marks the end of the report's own text on `site`: a trailer marker
/// (the common ones of `data/page.toml` and the site's), a comment count, a navigation bar or a
/// clutter line.
pub fn is_trailer_line(line: &str, site: &Site) -> bool {
    is_marker(line, &WORDS.trailer)
        || is_marker(line, site.trailer)
        || is_comment_count(line)
        || is_nav(line)
        || is_clutter_line(line, site)
}

/// Whether a trimmed line is a widget or banner wherever it stands on `site`.
pub fn is_clutter_line(line: &str, site: &Site) -> bool {
    is_one_of(line, &WORDS.clutter) || is_one_of(line, site.clutter)
}

/// Whether a trimmed header line is one of the common widgets (`Sign in`, `Follow`).
pub(crate) fn is_widget_word(line: &str) -> bool {
    is_one_of(line, &WORDS.widgets)
}

/// Cuts `body` at the first trailer line ([`is_trailer_line`]) that stands after at least a
/// fifth of it, and trims white space. A footer of up to three short lines just above the
/// trailer line, after a blank line (`Political Department, 40 Canal Street`), goes too.
pub fn cut_trailer(text: &str, body: Span, site: &Site) -> Span {
    if body.slice(text).is_none() {
        // Not a slice of the text: given back as it is, for the layout's check to name.
        return body;
    }
    cut_trailer_in(text, &lines(text), body, site)
}

/// [`cut_trailer`] with the text's lines already found.
pub(crate) fn cut_trailer_in(text: &str, lines: &[Line], body: Span, site: &Site) -> Span {
    let min = body.start + body.len() / 5;
    // The lines up to the body's end, the last one cut there.
    let all: Vec<Line> = lines
        .iter()
        .take_while(|l| l.span.start < body.end)
        .map(|l| {
            let span = Span::new(l.span.start, l.span.end.min(body.end));
            Line {
                span,
                trimmed: trim(text, span),
            }
        })
        .collect();
    for (i, line) in all.iter().enumerate() {
        if line.span.start < min || line.is_blank() || line.span.start < body.start {
            continue;
        }
        if is_trailer_line(line.text(text), site) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailer_cut() {
        let text = "Some text about the NEC.\nMore text here.\nContinue reading →\nShare this:";
        let body = cut_trailer(text, Span::new(0, text.len()), &Site::default());
        assert_eq!(
            &text[body.start..body.end],
            "Some text about the NEC.\nMore text here."
        );
    }

    #[test]
    fn a_sites_own_markers_end_its_text_only() {
        let text = "The NEC met on Tuesday.\nIt agreed the budget.\nTalk to us on the forum\nmore";
        let all = Span::new(0, text.len());
        let plain = cut_trailer(text, all, &Site::default());
        assert_eq!(plain.end, text.len());
        let site = Site {
            trailer: &["talk to us"],
            ..Site::default()
        };
        let cut = cut_trailer(text, all, &site);
        assert_eq!(
            &text[cut.start..cut.end],
            "The NEC met on Tuesday.\nIt agreed the budget."
        );
    }

    #[test]
    fn long_lines_end_the_text_only_when_they_are_the_marker() {
        let long = format!("Read more {}", "x".repeat(200));
        assert!(!is_trailer_line(&long, &Site::default()));
        assert!(is_trailer_line("Read more", &Site::default()));
        assert!(is_trailer_line("2 comments", &Site::default()));
        assert!(is_trailer_line(
            "Home | About | NEC reports",
            &Site::default()
        ));
    }
}
