//! Web pages: a report read from a web page that wraps its text in a publisher's markup (a
//! Blogger blog, a WordPress site, LabourList, Progress, the CLGA, a news site; see
//! `nectar_testkit::web`) gives the facts its text gives, and nothing from the page's clutter.
//! Checked on the real reports of `../shared/seeds` and on the sample corpus.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::path::{Path, PathBuf};

use nectar_model::{Block, BlockKind, Report};
use nectar_testkit::web::{Publisher, WebComment, WebPost, page};
use serde_json::Value;

/// Reads a file the way `nectar` does; with the text, the blocks its parser reads in it.
fn read(path: &Path) -> (Report, String, Vec<Block>) {
    let registry = nectar_plugins::registry().expect("registry");
    let doc = nectar_io::read_document(path, &path.display().to_string(), &Default::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let detection = registry.detect(&doc).expect("a parser");
    let report = nectar_pipeline::parse(&doc, &detection).expect("parses");
    let layout = detection.parser.parser.layout(&doc).expect("a layout");
    let blocks = if layout.blocks.is_empty() {
        nectar_text::blocks(&doc.text, report.body)
    } else {
        layout.blocks
    };
    (report, doc.text, blocks)
}

/// A fact as JSON without what depends on where the text stands (spans) or on the file's name
/// (identifiers), and without how it was read (rule, confidence); runs of white space in its
/// strings as one space (an HTML page shows a run of spaces as one).
fn strip(value: &mut Value) {
    match value {
        Value::String(s) => *s = s.split_whitespace().collect::<Vec<_>>().join(" "),
        Value::Object(map) => {
            map.retain(|k, _| {
                !(k == "span" || k.ends_with("_id") || k == "rule" || k == "confidence")
            });
            map.values_mut().for_each(strip);
        }
        Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}

/// The report's facts, one line each, sorted.
fn facts(report: &Report) -> Vec<String> {
    let mut value = serde_json::to_value(report).unwrap();
    let mut out = vec![format!("kind: {}", value["kind"])];
    for table in [
        "meetings",
        "agenda_items",
        "figures",
        "votes",
        "decisions",
        "people",
        "comments",
    ] {
        let mut rows = value[table].take();
        strip(&mut rows);
        // A comment's whole span is written as each layout writes comments, and whether its
        // author is marked anonymous is an icon of the site's that a page written here lacks.
        if table == "comments" {
            for row in rows.as_array_mut().into_iter().flatten() {
                if let Some(r) = row.as_object_mut() {
                    r.remove("evidence");
                    r.remove("anonymous");
                }
            }
        }
        for row in rows.as_array().cloned().unwrap_or_default() {
            out.push(format!("{table}: {row}"));
        }
    }
    out.sort();
    out
}

/// The publisher whose layout a parser reads, or a news site's.
fn publisher(source: &str) -> Publisher {
    Publisher::ALL
        .into_iter()
        .find(|p| p.name() == source)
        .unwrap_or(Publisher::News)
}

/// The report's text as nectar read it, as a post: its body's blocks, each a paragraph (its
/// lines kept), the headings as headings.
fn post(report: &Report, text: &str, blocks: &[Block]) -> WebPost {
    // A list item's block starts after its bullet: the line, bullet and all.
    let start = |b: &Block| match b.kind {
        BlockKind::Bullet => text[..b.span.start].rfind('\n').map_or(0, |i| i + 1),
        _ => b.span.start,
    };
    let body: Vec<String> = blocks
        .iter()
        .map(|b| text[start(b)..b.span.end].to_owned())
        .collect();
    let title = report
        .title
        .as_ref()
        .map_or("NEC report", |t| t.value.as_str());
    let published = report
        .published
        .as_ref()
        .map(|p| p.value.to_string())
        .filter(|p| p.len() == 10);
    let authors: Vec<String> = report.authors.iter().map(|a| a.value.clone()).collect();
    let comments = report
        .comments
        .iter()
        .map(|c| WebComment {
            author: c.author.clone().unwrap_or_else(|| "Anonymous".into()),
            posted: c.posted_at,
            text: c.text.clone(),
        })
        .collect();
    let mut post = WebPost::from_text(title, published.as_deref(), &authors, &body.join("\n\n"));
    post.comments = comments;
    post.headings = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| text[b.span.start..b.span.end].to_owned())
        .collect();
    post
}

/// Reports whose web pages do not yet give their text's facts, with why. When one starts
/// passing, the test fails until it is taken off the list, so the list only shrinks.
const KNOWN_GAPS: &[(&str, &str)] = &[
    ("003_a723249ecc643a0e", AGENDA),
    ("clga-2022-07", GLUED),
    ("clp-newsletter-2009", WRAPPED),
    ("facebook-note-2012-11", BYLINE),
    ("nec-2019-07-disciplinary", AGENDA),
    ("nec-january-no-sidecar", GLUED),
    ("nec-leadership-timetable", GLUED),
    ("union-roundup-2023", AGENDA),
];

/// Agenda items read from the page differ from the text's (presenters, ordinals): the parser's
/// knowledge of its text's heading lines does not apply to a page's main text.
const AGENDA: &str = "agenda items differ (presenters, ordinals)";
/// The text's reading is at fault here: it joins a heading line to the sentence under it.
const GLUED: &str = "the text's reading joins a heading line to the sentence under it \
     (a decision's quote starts with the heading); the page's reading keeps them apart";
/// A newsletter's hard-wrapped lines read as prose on the page.
const WRAPPED: &str = "a plain-text newsletter's wrapped lines and capitalised title read \
     differently as a page's paragraphs";
/// A news page's byline stays in the main text.
const BYLINE: &str = "a news page's byline (`By NAME, Political Correspondent`) stays in the \
     main text (the extractor keeps it when the metadata names the author; removing bylines \
     loses the extractor's reading of authors), and its author is read as a person named";

/// Each file's facts from its text and from its web page in the publisher's layout and a news
/// site's: the differences, one line each.
fn differences(files: &[PathBuf]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let mut out = Vec::new();
    for file in files {
        let name = file.file_stem().unwrap().to_string_lossy().into_owned();
        let gap = KNOWN_GAPS.iter().find(|(g, _)| *g == name);
        let before = out.len();
        let (report, text, blocks) = read(file);
        let want = facts(&report);
        let own = publisher(&report.source);
        for layout in [own, Publisher::News] {
            let html = page(layout, &post(&report, &text, &blocks));
            let path = dir.path().join(format!("{name}.{}.html", layout.name()));
            if std::env::var_os("KEEP_PAGES").is_some() {
                let _ = std::fs::create_dir_all("/tmp/wp");
                std::fs::write(format!("/tmp/wp/{name}.{}.html", layout.name()), &html).unwrap();
            }
            std::fs::write(&path, html).unwrap();
            // The metadata the user gave beside the text, beside the page too.
            let side = nectar_io::sidecar_path(file);
            if side.is_file() {
                std::fs::copy(&side, nectar_io::sidecar_path(&path)).unwrap();
            }
            let (web, _, _) = read(&path);
            let mut got = facts(&web);
            let mut want = want.clone();
            // A news site's layout has no comments.
            if layout == Publisher::News {
                let commented =
                    |f: &String| f.starts_with("comments:") || f.contains("\"from_comment\":true");
                want.retain(|f| !commented(f));
                got.retain(|f| !commented(f));
            }
            for f in want.iter().filter(|f| !got.contains(f)) {
                out.push(format!("{name} ({}): missed {f}", layout.name()));
            }
            for f in got.iter().filter(|f| !want.contains(f)) {
                out.push(format!("{name} ({}): extra {f}", layout.name()));
            }
            let titled = report.title.is_some();
            if titled
                && web.title.as_ref().map(|t| &t.value) != report.title.as_ref().map(|t| &t.value)
            {
                out.push(format!("{name} ({}): title {:?}", layout.name(), web.title));
            }
        }
        if let Some((_, why)) = gap {
            if out.len() == before {
                out.push(format!(
                    "{name}: reads the same now: take it off KNOWN_GAPS"
                ));
            } else {
                println!("{name}: known gap ({why}):\n{}", out[before..].join("\n"));
                out.truncate(before);
            }
        }
    }
    out
}

#[test]
fn seeds_read_the_same_from_web_pages() {
    let Some(dir) = nectar_testkit::require_seeds() else {
        return;
    };
    let files: Vec<PathBuf> = nectar_testkit::seed_expectations(&dir)
        .into_iter()
        .map(|(f, _)| f)
        .collect();
    assert_eq!(files.len(), 5);
    let diffs = differences(&files);
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}

#[test]
fn sample_corpus_reads_the_same_from_web_pages() {
    let files: Vec<PathBuf> =
        nectar_testkit::corpus_expectations(&nectar_testkit::sample_corpus_dir())
            .into_iter()
            .map(|(f, _)| f)
            .collect();
    assert!(files.len() >= 10);
    let diffs = differences(&files);
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}

/// The sample web pages in `examples/web`: a report of the sample corpus in each publisher's
/// layout, for users to try (`nectar build examples/web`).
const SAMPLE_PAGES: &[(&str, Publisher)] = &[
    ("blogger/red-pennine-2017-11", Publisher::Blogger),
    ("other/wordpress-away-day-2016", Publisher::WordPress),
    ("labourlist/nec-leadership-timetable", Publisher::LabourList),
    ("progress/nec-report-march-2014", Publisher::Progress),
    ("clga/clga-2016-05", Publisher::Clga),
    ("other/personal-site-2010-10", Publisher::News),
];

/// The sample web pages are the sample corpus's text reports in each layout, as
/// `nectar_testkit::web` writes them (`NECTAR_BLESS=1` writes them anew), with the text's
/// sidecar beside each.
#[test]
fn sample_web_pages_are_the_text_reports_in_each_layout() {
    let corpus = nectar_testkit::sample_corpus_dir();
    let web = nectar_testkit::workspace_root().join("examples/web");
    let bless = std::env::var_os("NECTAR_BLESS").is_some();
    let mut stale = Vec::new();
    for (stem, layout) in SAMPLE_PAGES {
        let file = corpus.join(format!("{stem}.txt"));
        let (report, text, blocks) = read(&file);
        let html = page(*layout, &post(&report, &text, &blocks));
        let name = Path::new(stem)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let path = web.join(layout.name()).join(format!("{name}.html"));
        let mut files = vec![(path.clone(), html.into_bytes())];
        let side = nectar_io::sidecar_path(&file);
        if side.is_file() {
            files.push((
                nectar_io::sidecar_path(&path),
                std::fs::read(&side).unwrap(),
            ));
        }
        for (path, bytes) in files {
            if bless {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &bytes).unwrap();
            } else if std::fs::read(&path).ok().as_deref() != Some(bytes.as_slice()) {
                stale.push(path.display().to_string());
            }
        }
        // Read as a user would, the page gives the text's meetings (the rest is compared
        // above, with the known gaps).
        let (from_page, _, _) = read(&path);
        let meetings = |r: &Report| -> Vec<String> {
            facts(r)
                .into_iter()
                .filter(|f| f.starts_with("meetings:"))
                .collect()
        };
        assert_eq!(
            meetings(&from_page),
            meetings(&report),
            "{}",
            path.display()
        );
        // Known by the whole page a browser shows, as a page saved as text is.
        if *layout != Publisher::News && *layout != Publisher::Progress {
            assert_eq!(from_page.source, layout.name(), "{}", path.display());
        }
    }
    assert!(
        stale.is_empty(),
        "not as nectar_testkit::web writes them (NECTAR_BLESS=1 cargo test -p nectar-tests --test web_pages writes them):\n{}",
        stale.join("\n")
    );
}
