//! Listing pages: a blog's home, archive, tag or category page showing several posts, each a
//! heading and a teaser. Each post is read as a report of its own, so that one post's date is
//! never given to another post's facts.

use std::sync::LazyLock;

use nectar_model::{Layout, Span};
use nectar_text::{Line, find_dates, lines, trim};
use regex::Regex;
use serde::Deserialize;

use crate::regex as re;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    heads: Vec<String>,
    teaser_ends: Vec<String>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    toml::from_str(include_str!("../data/listing.toml")).expect("data/listing.toml is valid")
});

/// An address that lists posts: a year or a month with no post's slug (`/2005/`,
/// `/2017/05`), a tag, category, label, author, archive or search page, or a monthly archive
/// by query (`?m=201905`).
static LISTING_ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^[a-z]+://[^/]+(?:/(?:19|20)\d\d(?:/[01]\d)?/?(?:page/\d+/?)?$|/(?:tag|tags|category|categories|label|labels|author|archives?|search|page)/|.*[?&](?:m=\d{4,6}|s=|tag=|cat=)(?:&|$))",
    )
});

/// Whether the page's address or its first lines say it lists posts.
fn lists_posts(text: &str, url: Option<&str>, all: &[Line]) -> bool {
    url.is_some_and(|u| LISTING_ADDRESS.is_match(u))
        || all.iter().filter(|l| !l.is_blank()).take(3).any(|l| {
            let t = l.text(text).to_lowercase();
            WORDS.heads.iter().any(|h| t.contains(h.as_str()))
        })
}

/// Whether a line closes a post's teaser.
fn is_teaser_end(line: &str) -> bool {
    let t = line.to_lowercase();
    WORDS
        .teaser_ends
        .iter()
        .any(|e| t == *e || t.ends_with(e.as_str()))
}

/// Whether a line is a post's heading: a short line on its own, not a sentence, naming a day
/// or a month (`NEC Meeting, 7/8 November 2005`, `Labour NEC Report – Tuesday 24 March`).
fn is_post_heading(text: &str, all: &[Line], i: usize) -> bool {
    let line = all[i].text(text);
    let alone = (i == 0 || all[i - 1].is_blank()) && all.get(i + 1).is_none_or(Line::is_blank);
    alone
        && (8..=100).contains(&line.len())
        && !line.ends_with(['.', '!', '?', ':', ','])
        && find_dates(line).iter().any(|d| d.month.is_some())
}

/// The posts of a listing page, each as a layout of its own (its heading the title, its
/// teaser the body) with its place among them; empty when the page is not a listing of at
/// least two posts whose teasers the page cuts off. `layout` is the page read as one report.
pub fn posts(text: &str, layout: &Layout, url: Option<&str>) -> Vec<Layout> {
    if layout.check(text).is_err() {
        return Vec::new();
    }
    let all = lines(text);
    if !lists_posts(text, url, &all) {
        return Vec::new();
    }
    // The page's title may be the first post's heading.
    let from = layout
        .title
        .map_or(layout.body.start, |t| t.start.min(layout.body.start));
    // A teaser's "Continue reading" may have ended the page's body: the posts run on to the
    // readers' comments, or to the end of the text.
    let to = layout
        .comments
        .iter()
        .map(|c| c.span.start)
        .min()
        .unwrap_or(text.len())
        .max(layout.body.end);
    let body = Span::new(from, to);
    let inside = |l: &Line| body.start <= l.span.start && l.span.end <= body.end;
    let headings: Vec<usize> = (0..all.len())
        .filter(|&i| inside(&all[i]) && is_post_heading(text, &all, i))
        .collect();
    let cut = all
        .iter()
        .filter(|l| inside(l) && is_teaser_end(l.text(text)))
        .count();
    if headings.len() < 2 || cut == 0 {
        return Vec::new();
    }
    let count = headings.len();
    headings
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let end = headings
                .get(n + 1)
                .map_or(body.end, |&next| all[next].span.start);
            // A line that only says the teaser goes on is not the post's text.
            let last = all
                .iter()
                .filter(|l| all[i].span.end <= l.span.start && l.span.end <= end && !l.is_blank())
                .filter(|l| !(is_teaser_end(l.text(text)) && l.text(text).len() <= 30))
                .map(|l| l.span.end)
                .max()
                .unwrap_or(all[i].span.end);
            let post_body = trim(text, Span::new(all[i].span.end, last.max(all[i].span.end)));
            Layout {
                title: Some(all[i].trimmed),
                published: None,
                authors: layout
                    .authors
                    .iter()
                    .copied()
                    .filter(|a| a.end <= from)
                    .collect(),
                body: post_body,
                blocks: Vec::new(),
                comments: Vec::new(),
                clutter: layout
                    .clutter
                    .iter()
                    .copied()
                    .filter(|c| post_body.start <= c.start && c.end <= post_body.end)
                    .collect(),
                post: Some((n + 1, count)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "Yearly Archives: 2012\n\nNEC Meeting, 4 December 2012\n\nThe NEC met \
        and agreed the budget by 20 votes to 3. More follows […]\n\nNEC Meeting, 18 September \
        2012\n\nMembership stands at 190,000. The chair welcomed […]\n";

    fn page_layout(text: &str) -> Layout {
        Layout {
            body: Span::new(0, text.len()),
            ..Layout::default()
        }
    }

    #[test]
    fn each_post_of_an_archive_page_is_a_report() {
        let got = posts(PAGE, &page_layout(PAGE), None);
        assert_eq!(got.len(), 2);
        let title = |l: &Layout| {
            let t = l.title.unwrap();
            &PAGE[t.start..t.end]
        };
        assert_eq!(title(&got[0]), "NEC Meeting, 4 December 2012");
        assert_eq!(title(&got[1]), "NEC Meeting, 18 September 2012");
        let body = &PAGE[got[0].body.start..got[0].body.end];
        assert!(
            body.starts_with("The NEC met") && body.ends_with("[…]"),
            "{body:?}"
        );
        assert_eq!(got[1].post, Some((2, 2)));
    }

    #[test]
    fn a_single_post_with_dated_sections_is_not_a_listing() {
        // Dated headings, but neither an archive nor cut-off teasers.
        let text = "NEC report\n\nOrganisation Committee, 3 May 2019\n\nWe met.\n\n\
                    Full NEC, 10 May 2019\n\nWe met again.\n";
        assert!(posts(text, &page_layout(text), None).is_empty());
        assert!(
            posts(
                text,
                &page_layout(text),
                Some("https://x.org/2019/05/nec-report/")
            )
            .is_empty()
        );
    }

    #[test]
    fn listing_addresses() {
        for url in [
            "https://www.example.co.uk/2005/",
            "http://example.net/2017/05",
            "https://example.wordpress.com/tag/nec/",
            "http://example.org.uk/?m=201905",
        ] {
            assert!(LISTING_ADDRESS.is_match(url), "{url}");
        }
        for url in [
            "https://example.org/2017/05/nec-report/",
            "https://labourlist.org/2019/07/nec-report-july/",
            "http://example.org/?p=56",
        ] {
            assert!(!LISTING_ADDRESS.is_match(url), "{url}");
        }
    }
}
