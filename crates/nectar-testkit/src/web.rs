//! Web pages for tests: a report's title, date, authors, text and comments, wrapped in the
//! markup of a publisher's pages (a Blogger blog, a WordPress site, LabourList, Progress, the
//! CLGA, a news site), with each layout's clutter around it: navigation, sidebars of archive
//! links and dates, share buttons, related posts, a footer. The markup is written for nectar,
//! in the shape those sites use; reading the page must give the report's facts and none of the
//! clutter's.
//!
//! ```
//! use nectar_testkit::web::{Publisher, WebPost, page};
//! let post = WebPost {
//!     title: "NEC report, May".into(),
//!     published: Some("2016-05-20".into()),
//!     authors: vec!["Jo Bloggs".into()],
//!     paragraphs: vec!["Finance".into(), "The NEC met on 17 May.".into()],
//!     headings: vec!["Finance".into()],
//!     comments: vec![],
//! };
//! let html = page(Publisher::Blogger, &post);
//! assert!(html.contains("<div class=\"post-body entry-content\""));
//! assert!(html.contains("<h2>Finance</h2>\n<p>The NEC met on 17 May.</p>"));
//! ```

use chrono::NaiveDateTime;

/// The publishers whose page layouts [`page`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publisher {
    /// A Blogger blog: `h3.post-title`, `div.post-body`, a sidebar blog archive, comments.
    Blogger,
    /// A WordPress site: `article.post`, `div.entry-content`, widgets, `ol.commentlist`.
    WordPress,
    /// LabourList: a news site's header, `div.article-body`, "More from" links.
    LabourList,
    /// Progress: a magazine layout with a standfirst, tags and comments.
    Progress,
    /// The Centre-Left Grassroots Alliance: a campaign site's page, `div.page-content`.
    Clga,
    /// A news site: JSON-LD, a byline, a cookie banner, a most-read list.
    News,
}

impl Publisher {
    /// Every layout.
    pub const ALL: [Publisher; 6] = [
        Publisher::Blogger,
        Publisher::WordPress,
        Publisher::LabourList,
        Publisher::Progress,
        Publisher::Clga,
        Publisher::News,
    ];

    /// Its name, as a parser's (`blogger`), or `news`.
    pub fn name(self) -> &'static str {
        match self {
            Publisher::Blogger => "blogger",
            Publisher::WordPress => "wordpress",
            Publisher::LabourList => "labourlist",
            Publisher::Progress => "progress",
            Publisher::Clga => "clga",
            Publisher::News => "news",
        }
    }
}

/// A reader's comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebComment {
    /// Who wrote it.
    pub author: String,
    /// When.
    pub posted: Option<NaiveDateTime>,
    /// What they wrote: paragraphs separated by blank lines.
    pub text: String,
}

/// What a page holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebPost {
    /// The title.
    pub title: String,
    /// The publication date (`YYYY-MM-DD`).
    pub published: Option<String>,
    /// The authors.
    pub authors: Vec<String>,
    /// The text: each paragraph's lines (wrapped prose: shown as one paragraph).
    pub paragraphs: Vec<String>,
    /// The paragraphs that are headings, written as `<h2>`.
    pub headings: Vec<String>,
    /// Readers' comments.
    pub comments: Vec<WebComment>,
}

impl WebPost {
    /// A post of `title`, `published`, `authors` and the text `body`, whose paragraphs are
    /// separated by blank lines.
    pub fn from_text(title: &str, published: Option<&str>, authors: &[String], body: &str) -> Self {
        let mut paragraphs = Vec::new();
        let mut current: Vec<&str> = Vec::new();
        for line in body.lines().map(str::trim) {
            if line.is_empty() {
                if !current.is_empty() {
                    paragraphs.push(current.join("\n"));
                    current.clear();
                }
            } else {
                current.push(line);
            }
        }
        if !current.is_empty() {
            paragraphs.push(current.join("\n"));
        }
        Self {
            title: title.to_owned(),
            published: published.map(str::to_owned),
            authors: authors.to_vec(),
            paragraphs,
            headings: Vec::new(),
            comments: Vec::new(),
        }
    }
}

/// Text escaped for HTML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The post's paragraphs as `<p>` elements.
fn paragraphs(post: &WebPost) -> String {
    post.paragraphs
        .iter()
        .map(|p| {
            if post.headings.contains(p) {
                return format!("<h2>{}</h2>\n", esc(p));
            }
            // A paragraph's lines are wrapped prose: in HTML a line break is a space.
            let lines: Vec<String> = p.lines().map(esc).collect();
            format!("<p>{}</p>\n", lines.join("\n"))
        })
        .collect()
}

/// The `<head>`: the title, the Open Graph and article metadata.
fn head(post: &WebPost, site: &str, url: &str) -> String {
    let mut h = format!(
        "<head>\n<meta charset=\"utf-8\">\n<title>{} | {site}</title>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <link rel=\"stylesheet\" href=\"/static/site.css\">\n\
         <link rel=\"canonical\" href=\"{url}\">\n\
         <meta property=\"og:site_name\" content=\"{site}\">\n\
         <meta property=\"og:title\" content=\"{}\">\n\
         <meta property=\"og:type\" content=\"article\">\n",
        esc(&post.title),
        esc(&post.title)
    );
    if let Some(p) = &post.published {
        h.push_str(&format!(
            "<meta property=\"article:published_time\" content=\"{p}T18:30:00+00:00\">\n"
        ));
    }
    if let Some(a) = post.authors.first() {
        h.push_str(&format!("<meta name=\"author\" content=\"{}\">\n", esc(a)));
    }
    h.push_str("<script>window.dataLayer = window.dataLayer || [];</script>\n</head>\n");
    h
}

/// Links as a navigation bar or a list.
fn links(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| {
            format!(
                "<li><a href=\"/{}\">{i}</a></li>",
                i.to_lowercase().replace(' ', "-")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A comment's paragraphs as `<p>` elements.
fn comment_paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(|p| format!("<p>{}</p>", esc(p).replace('\n', "<br>")))
        .collect()
}

/// Comments in the markup of WordPress's HTML5 themes: `article.comment-body`, the author in
/// `.comment-author .fn`, a `<time datetime>`, the text in `.comment-content`.
fn wordpress_comments(post: &WebPost) -> String {
    if post.comments.is_empty() {
        return String::new();
    }
    let mut c = format!(
        "<div id=\"comments\" class=\"comments-area\">\n<h2 class=\"comments-title\">{} thoughts on this post</h2>\n<ol class=\"comment-list\">\n",
        post.comments.len()
    );
    for (i, k) in post.comments.iter().enumerate() {
        let time = k.posted.map_or(String::new(), |t| {
            format!(
                "<div class=\"comment-metadata\"><a href=\"#comment-{i}\"><time datetime=\"{}\">{}</time></a></div>",
                t.format("%Y-%m-%dT%H:%M:%S+00:00"),
                t.format("%B %-d, %Y at %-I:%M %P")
            )
        });
        c.push_str(&format!(
            "<li id=\"comment-{i}\" class=\"comment even thread-even depth-1\"><article id=\"div-comment-{i}\" class=\"comment-body\">\
             <footer class=\"comment-meta\"><div class=\"comment-author vcard\"><img class=\"avatar\" src=\"/avatar.png\" alt=\"\"><b class=\"fn\">{}</b> <span class=\"says\">says:</span></div>{time}</footer>\n\
             <div class=\"comment-content\">{}</div>\n<div class=\"reply\"><a class=\"comment-reply-link\" href=\"#\">Reply</a></div></article></li>\n",
            esc(&k.author),
            comment_paragraphs(&k.text)
        ));
    }
    c.push_str("</ol>\n<div id=\"respond\"><h3>Leave a Reply</h3><form><textarea name=\"comment\"></textarea><input type=\"submit\" value=\"Post Comment\"></form></div>\n</div>\n");
    c
}

/// Comments in the markup of Blogger's layouts: `li.comment` of the comment thread, the author
/// in `cite.user`, the time as shown in the `.datetime` link, the text in `.comment-content`.
fn blogger_comments(post: &WebPost) -> String {
    if post.comments.is_empty() {
        return String::new();
    }
    let mut c = format!(
        "<div class=\"comments\" id=\"comments\"><h4>{} comments:</h4>\n<div class=\"comment-thread\"><ol>\n",
        post.comments.len()
    );
    for (i, k) in post.comments.iter().enumerate() {
        let time = k.posted.map_or(String::new(), |t| {
            format!(
                "<span class=\"datetime secondary-text\"><a rel=\"nofollow\" href=\"#c{i}\">{}</a></span>",
                t.format("%-d %B %Y at %H:%M")
            )
        });
        c.push_str(&format!(
            "<li class=\"comment\" id=\"c{i}\"><div class=\"avatar-image-container\"><img src=\"/b16.png\" alt=\"\"></div>\
             <div class=\"comment-block\"><div class=\"comment-header\"><cite class=\"user\"><a href=\"#\">{}</a></cite><span class=\"icon user\"></span>{time}</div>\n\
             <p class=\"comment-content\">{}</p>\n<span class=\"comment-actions secondary-text\"><a>Reply</a><a>Delete</a></span></div></li>\n",
            esc(&k.author),
            esc(&k.text).replace('\n', "<br>")
        ));
    }
    c.push_str(
        "</ol></div>\n<p class=\"comment-footer\"><a href=\"#\">Post a Comment</a></p></div>\n",
    );
    c
}

/// A sidebar of a blog's archive by month: dates that are not the report's.
fn archive() -> String {
    let months = [
        "January 2015 (4)",
        "December 2014 (6)",
        "November 2014 (3)",
        "October 2014 (5)",
    ];
    format!(
        "<aside class=\"sidebar widget-area\">\n<div class=\"widget BlogArchive\"><h2>Blog Archive</h2>\n<ul>{}</ul></div>\n\
         <div class=\"widget Label\"><h2>Labels</h2><ul>{}</ul></div>\n</aside>\n",
        links(&months),
        links(&["NEC", "Conference", "Selections", "Rule changes"])
    )
}

/// The page of `post` in `publisher`'s layout.
pub fn page(publisher: Publisher, post: &WebPost) -> String {
    let slug: String = post
        .title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    // A date in the URL only when the post has one (a URL's date anchors the text's dates).
    let date_path = post.published.as_deref().map_or("archive".to_owned(), |p| {
        p.get(..7).unwrap_or(p).replace('-', "/")
    });
    let author = post.authors.first().map(|a| esc(a)).unwrap_or_default();
    let shown_date = post.published.clone().unwrap_or_default();
    let body = paragraphs(post);
    let title = esc(&post.title);
    match publisher {
        Publisher::Blogger => {
            let url = format!("https://nec-notes.blogspot.com/{date_path}/{slug}.html");
            format!(
                "<!DOCTYPE html>\n<html>\n{}<body>\n<div class=\"navbar section\"><a href=\"https://www.blogger.com\">Blogger</a> <a href=\"#\">Next blog</a> <a href=\"#\">Create blog</a> <a href=\"#\">Sign in</a></div>\n\
                 <div class=\"header\"><h1 class=\"title\"><a href=\"/\">NEC Notes</a></h1><p class=\"description\">Reports from the National Executive Committee</p></div>\n\
                 <div class=\"main-wrapper\"><div class=\"date-outer\"><h2 class=\"date-header\"><span>{shown_date}</span></h2>\n\
                 <div class=\"post hentry\"><h3 class=\"post-title entry-title\">{title}</h3>\n\
                 <div class=\"post-body entry-content\" id=\"post-body-1\">\n{body}<div style=\"clear: both;\"></div></div>\n\
                 <div class=\"post-footer\">Posted by <span class=\"fn\">{author}</span> at <a class=\"timestamp-link\" href=\"{url}\">18:30</a> \
                 <a href=\"#\">Email This</a> <a href=\"#\">BlogThis!</a> <a href=\"#\">Share to X</a> <a href=\"#\">Share to Facebook</a>\
                 <span class=\"post-labels\">Labels: <a href=\"#\">NEC</a></span></div></div></div>\n{}\
                 <div class=\"blog-pager\"><a href=\"#\">Newer Post</a> <a href=\"#\">Older Post</a> <a href=\"/\">Home</a></div>\n\
                 <div class=\"post-feeds\">Subscribe to: <a href=\"#\">Post Comments (Atom)</a></div></div>\n{}\
                 <div class=\"footer\">Simple theme. Powered by Blogger.</div>\n</body>\n</html>\n",
                head(post, "NEC Notes", &url),
                blogger_comments(post),
                archive()
            )
        }
        Publisher::WordPress => {
            let url = format!("https://necmember.example.org/{date_path}/{slug}/");
            format!(
                "<!DOCTYPE html>\n<html lang=\"en-GB\">\n{}<body class=\"post-template-default single single-post\">\n\
                 <a class=\"skip-link screen-reader-text\" href=\"#content\">Skip to content</a>\n\
                 <header id=\"masthead\" class=\"site-header\"><p class=\"site-title\"><a href=\"/\">A Member's Notes</a></p>\n\
                 <nav id=\"site-navigation\" class=\"main-navigation\"><ul>{}</ul></nav></header>\n\
                 <div id=\"content\" class=\"site-content\"><main id=\"main\" class=\"site-main\">\n\
                 <article class=\"post type-post status-publish hentry\"><header class=\"entry-header\"><h1 class=\"entry-title\">{title}</h1>\n\
                 <div class=\"entry-meta\"><span class=\"posted-on\">{shown_date}</span> \
                 <span class=\"byline\">by <span class=\"author vcard\"><a class=\"url fn n\" href=\"/author/x/\">{author}</a></span></span></div></header>\n\
                 <div class=\"entry-content\">\n{body}</div>\n\
                 <footer class=\"entry-footer\"><span class=\"cat-links\">Posted in <a href=\"#\">NEC</a></span> <span class=\"tags-links\">Tagged <a href=\"#\">Labour Party</a></span></footer></article>\n\
                 <nav class=\"navigation post-navigation\"><div class=\"nav-previous\"><a href=\"#\">Previous post: Conference diary</a></div><div class=\"nav-next\"><a href=\"#\">Next post: Rule changes explained</a></div></nav>\n\
                 {}</main>\n{}</div>\n\
                 <footer id=\"colophon\" class=\"site-footer\"><div class=\"site-info\"><a href=\"https://wordpress.org/\">Proudly powered by WordPress</a></div></footer>\n</body>\n</html>\n",
                head(post, "A Member's Notes", &url),
                links(&["Home", "About", "NEC reports", "Contact"]),
                wordpress_comments(post),
                archive()
            )
        }
        Publisher::LabourList => {
            let url = format!("https://labourlist.example/{date_path}/{slug}/");
            format!(
                "<!DOCTYPE html>\n<html>\n{}<body>\n<div class=\"cookie-banner\">We use cookies to improve your experience. <button>Accept</button></div>\n\
                 <header class=\"site-header\"><a class=\"logo\" href=\"/\">LabourList</a><nav><ul>{}</ul></nav>\
                 <a class=\"donate\" href=\"/donate\">Support us</a></header>\n\
                 <main><article class=\"article\"><div class=\"article-header\"><span class=\"kicker\">NEC</span><h1 class=\"article-title\">{title}</h1>\n\
                 <div class=\"article-meta\"><span class=\"author\">By {author}</span> <span class=\"date\">{shown_date}</span></div></div>\n\
                 <div class=\"share-buttons\"><a href=\"#\">Share on X</a> <a href=\"#\">Share on Facebook</a> <a href=\"#\">Email</a></div>\n\
                 <div class=\"article-body\">\n{body}</div>\n\
                 <div class=\"newsletter-signup\"><h3>Sign up to LabourList's morning email for everything Labour, every weekday morning.</h3><form><input type=\"email\"><button>Subscribe</button></form></div>\n\
                 </article>\n<section class=\"related\"><h2>More from LabourList</h2><ul>{}</ul></section></main>\n\
                 <footer class=\"site-footer\"><p>LabourList is an independent site. Registered office: 1 Example Street, London.</p></footer>\n</body>\n</html>\n",
                head(post, "LabourList", &url),
                links(&["News", "Comment", "Elections", "Events", "About"]),
                links(&[
                    "Starmer sets out plans for party reform",
                    "Councillors back new housing pledge",
                    "Deputy leadership race: the timetable"
                ])
            )
        }
        Publisher::Progress => {
            let url = format!("https://progress.example.org.uk/articles/{slug}/");
            format!(
                "<!DOCTYPE html>\n<html>\n{}<body class=\"article-page\">\n\
                 <div id=\"top\"><div class=\"logo\"><a href=\"/\">Progress</a></div><ul class=\"menu\">{}</ul>\
                 <form class=\"search\"><input type=\"text\" name=\"q\"></form></div>\n\
                 <div id=\"page\"><div class=\"article\"><h1>{title}</h1>\n\
                 <p class=\"byline\">{author}, {shown_date}</p>\n\
                 <div class=\"article-text\">\n{body}</div>\n\
                 <div class=\"tags\">Tags: <a href=\"#\">NEC</a>, <a href=\"#\">Party reform</a></div>\n{}</div>\n\
                 <div class=\"sidebar\"><h3>Most read</h3><ol>{}</ol><h3>Join Progress</h3><p>Become a member for the price of a coffee a month.</p></div></div>\n\
                 <div id=\"footer\">&copy; Progress. All rights reserved. <a href=\"#\">Privacy</a></div>\n</body>\n</html>\n",
                head(post, "Progress", &url),
                links(&["Articles", "Magazine", "Events", "Join"]),
                wordpress_comments(post),
                links(&[
                    "The road back to power",
                    "What the membership figures mean",
                    "Why the NEC matters"
                ])
            )
        }
        Publisher::Clga => {
            let url = format!("https://clga.example.org.uk/{slug}/");
            format!(
                "<!DOCTYPE html>\n<html>\n{}<body>\n<div class=\"site-header\"><a href=\"/\">Centre-Left Grassroots Alliance</a>\
                 <ul class=\"menu\">{}</ul></div>\n\
                 <div class=\"page-wrap\"><div class=\"page-content\"><h1 class=\"page-title\">{title}</h1>\n{body}</div>\n\
                 <div class=\"sidebar\"><h3>Latest news</h3><ul>{}</ul><h3>Follow us</h3><p><a href=\"#\">X</a> <a href=\"#\">Facebook</a></p></div></div>\n\
                 <div class=\"footer\">Promoted by the Centre-Left Grassroots Alliance. Printed by ourselves.</div>\n</body>\n</html>\n",
                head(post, "CLGA", &url),
                links(&["Home", "Candidates", "NEC reports", "Contact"]),
                links(&["Our candidates", "Conference 2015", "Join the campaign"])
            )
        }
        Publisher::News => {
            let url = format!("https://news.example.com/politics/{date_path}/{slug}");
            let date = post
                .published
                .as_deref()
                .map(|p| format!(",\"datePublished\":\"{p}T18:30:00Z\""))
                .unwrap_or_default();
            let ld = format!(
                "<script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"{}\"{date},\"author\":[{{\"@type\":\"Person\",\"name\":\"{}\"}}]}}</script>\n",
                post.title.replace('"', "\\\""),
                post.authors
                    .first()
                    .map(|a| a.replace('"', "\\\""))
                    .unwrap_or_default()
            );
            let time = post
                .published
                .as_deref()
                .map(|p| format!("<time datetime=\"{p}T18:30:00Z\">{p}</time>"))
                .unwrap_or_default();
            format!(
                "<!DOCTYPE html>\n<html>\n{}<body>\n{ld}<div id=\"consent\">This site uses cookies. <a href=\"#\">Manage preferences</a></div>\n\
                 <header><nav><ul>{}</ul></nav></header>\n\
                 <main><article><h1>{title}</h1>\n<div class=\"byline\">By <a rel=\"author\" href=\"#\">{author}</a>, Political Correspondent \
                 {time}</div>\n\
                 <figure><img src=\"/img/nec.jpg\" alt=\"\"><figcaption>The party's headquarters in London</figcaption></figure>\n\
                 <div class=\"article-body\">\n{body}</div></article>\n\
                 <aside class=\"most-read\"><h2>Most read</h2><ol>{}</ol></aside></main>\n\
                 <footer><p>&copy; News Example Ltd</p></footer>\n</body>\n</html>\n",
                head(post, "News Example", &url),
                links(&["Home", "Politics", "Business", "Sport"]),
                links(&[
                    "Minister resigns over leaked memo",
                    "By-election date set",
                    "Budget: what it means for you"
                ])
            )
        }
    }
}
