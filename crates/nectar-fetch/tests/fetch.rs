//! `nectar fetch` against a local server (127.0.0.1, a port of its own for each test): robots.txt,
//! retries, conditional requests, redirects, limits, encodings, feeds and sitemaps, without the
//! internet.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use nectar_fetch::{Event, Options, Source, Summary, fetch, page_path};

/// What the server answers.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn reply(status: u16, headers: &[(&str, &str)], body: impl Into<Vec<u8>>) -> Reply {
    Reply {
        status,
        headers: headers
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
        body: body.into(),
    }
}

fn html(body: &str) -> Reply {
    reply(200, &[("Content-Type", "text/html; charset=utf-8")], body)
}

fn not_found() -> Reply {
    reply(404, &[], "not found")
}

/// A request the server received.
#[derive(Debug, Clone)]
struct Hit {
    path: String,
    headers: Vec<(String, String)>,
    at: Instant,
}

impl Hit {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A server on 127.0.0.1 that answers with `handler` (given the path, the request's headers and
/// how many times that path was asked before) on its own thread, until it is dropped or 30 s
/// have passed.
struct Server {
    base: String,
    hits: Arc<Mutex<Vec<Hit>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    fn start(handler: impl Fn(&str, &Hit, usize) -> Reply + Send + 'static) -> Self {
        let server = tiny_http::Server::http("127.0.0.1:0").expect("a local server");
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let hits = Arc::new(Mutex::new(Vec::<Hit>::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (h, s) = (Arc::clone(&hits), Arc::clone(&stop));
        let thread = std::thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(30);
            while !s.load(Ordering::SeqCst) && Instant::now() < deadline {
                let Ok(Some(request)) = server.recv_timeout(Duration::from_millis(20)) else {
                    continue;
                };
                let hit = Hit {
                    path: request.url().to_owned(),
                    headers: request
                        .headers()
                        .iter()
                        .map(|x| (x.field.to_string(), x.value.to_string()))
                        .collect(),
                    at: Instant::now(),
                };
                let before = {
                    let mut all = h.lock().unwrap();
                    let n = all.iter().filter(|x| x.path == hit.path).count();
                    all.push(hit.clone());
                    n
                };
                let r = handler(&hit.path, &hit, before);
                let mut response =
                    tiny_http::Response::from_data(r.body).with_status_code(r.status);
                for (k, v) in &r.headers {
                    response.add_header(
                        tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()).unwrap(),
                    );
                }
                let _ = request.respond(response);
            }
        });
        Self {
            base: format!("http://127.0.0.1:{port}"),
            hits,
            stop,
            thread: Some(thread),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn hits(&self) -> Vec<Hit> {
        self.hits.lock().unwrap().clone()
    }

    fn paths(&self) -> Vec<String> {
        self.hits().into_iter().map(|h| h.path).collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn options(out: &Path) -> Options {
    Options {
        out: out.to_path_buf(),
        delay: Duration::ZERO,
        backoff: Duration::from_millis(10),
        timeout: Duration::from_secs(10),
        connect_timeout: Duration::from_secs(5),
        ..Options::default()
    }
}

/// Runs a fetch; returns its summary and the lines it told (standard error's, then the dry
/// run's listing).
fn run(sources: &[Source], options: &Options) -> (Summary, Vec<String>, Vec<String>) {
    let (mut lines, mut listed) = (Vec::new(), Vec::new());
    let summary = fetch(sources, options, &mut |e| match e {
        Event::Line(l) => lines.push(l),
        Event::Listed(l) => listed.push(l),
        _ => {}
    });
    (summary, lines, listed)
}

fn pages(urls: &[String]) -> Vec<Source> {
    urls.iter().cloned().map(Source::Page).collect()
}

fn saved(out: &Path, url: &str) -> PathBuf {
    page_path(out, url).unwrap()
}

fn sidecar(out: &Path, url: &str) -> nectar_model::Sidecar {
    let meta = saved(out, url).with_extension("meta.json");
    serde_json::from_slice(&std::fs::read(meta).expect("a sidecar")).expect("a Sidecar")
}

fn summary(fetched: usize, unchanged: usize, skipped: usize, failed: usize) -> Summary {
    Summary {
        fetched,
        unchanged,
        skipped,
        failed,
    }
}

#[test]
fn robots_txt_disallowing_a_path_skips_it_and_the_rest_is_fetched() {
    let server = Server::start(|path, _, _| match path {
        "/robots.txt" => reply(
            200,
            &[],
            "User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n",
        ),
        "/public/report" => html("<p>The NEC met.</p>"),
        _ => not_found(),
    });
    let dir = tempfile::tempdir().unwrap();
    let urls = [server.url("/private/minutes"), server.url("/public/report")];
    let (s, lines, _) = run(&pages(&urls), &options(dir.path()));
    assert_eq!(s, summary(1, 0, 1, 0));
    assert_eq!(
        lines,
        [format!("skipped {}: disallowed by robots.txt", urls[0])]
    );
    assert!(saved(dir.path(), &urls[1]).is_file());
    assert!(!saved(dir.path(), &urls[0]).exists());
    // robots.txt once per host, the disallowed page never asked for, our user agent sent.
    assert_eq!(server.paths(), ["/robots.txt", "/public/report"]);
    let agent = server.hits()[1].header("user-agent").unwrap().to_owned();
    assert!(
        agent.starts_with("nectar/") && agent.contains("(+http"),
        "{agent}"
    );
}

#[test]
fn a_robots_txt_behind_a_redirect_is_followed_and_honoured() {
    let server = Server::start(|path, _, _| match path {
        "/robots.txt" => reply(301, &[("Location", "/static/robots.txt")], ""),
        "/static/robots.txt" => reply(200, &[], "User-agent: nectar\nDisallow: /drafts/\n"),
        _ => html("<p>page</p>"),
    });
    let dir = tempfile::tempdir().unwrap();
    let urls = [server.url("/drafts/a"), server.url("/b")];
    let (s, lines, _) = run(&pages(&urls), &options(dir.path()));
    assert_eq!(s, summary(1, 0, 1, 0), "{lines:?}");
    assert_eq!(server.paths(), ["/robots.txt", "/static/robots.txt", "/b"]);
}

#[test]
fn a_robots_txt_that_cannot_be_read_disallows_the_host_for_the_run() {
    let server = Server::start(|path, _, _| match path {
        "/robots.txt" => reply(503, &[], "down"),
        _ => html("<p>page</p>"),
    });
    let dir = tempfile::tempdir().unwrap();
    let urls = [server.url("/a"), server.url("/b")];
    let (s, lines, _) = run(&pages(&urls), &options(dir.path()));
    assert_eq!(s, summary(0, 0, 0, 2));
    assert!(
        lines[0].contains("robots.txt could not be read"),
        "{lines:?}"
    );
    // robots.txt tried again with backoff, then nothing else asked for.
    assert!(server.paths().iter().all(|p| p == "/robots.txt"));
    assert_eq!(server.paths().len(), 4);
}

#[test]
fn a_429_with_retry_after_is_waited_for_then_fetched() {
    let server = Server::start(|path, _, before| match (path, before) {
        ("/busy", 0) => reply(429, &[("Retry-After", "1")], "slow down"),
        ("/busy", _) => html("<p>now</p>"),
        _ => not_found(),
    });
    let dir = tempfile::tempdir().unwrap();
    let url = server.url("/busy");
    let started = Instant::now();
    let (s, lines, _) = run(&pages(std::slice::from_ref(&url)), &options(dir.path()));
    assert_eq!(s, summary(1, 0, 0, 0), "{lines:?}");
    let hits: Vec<Hit> = server
        .hits()
        .into_iter()
        .filter(|h| h.path == "/busy")
        .collect();
    assert_eq!(hits.len(), 2);
    assert!(hits[1].at - hits[0].at >= Duration::from_millis(950));
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(
        std::fs::read(saved(dir.path(), &url)).unwrap(),
        b"<p>now</p>"
    );
}

#[test]
fn a_retry_after_longer_than_the_bound_is_an_error_not_a_sleep() {
    let server = Server::start(|path, _, _| match path {
        "/robots.txt" => not_found(),
        _ => reply(503, &[("Retry-After", "3600")], "maintenance"),
    });
    let dir = tempfile::tempdir().unwrap();
    let url = server.url("/x");
    let started = Instant::now();
    let (s, lines, _) = run(&pages(std::slice::from_ref(&url)), &options(dir.path()));
    assert_eq!(s, summary(0, 0, 0, 1));
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(
        lines[0].starts_with(&format!("failed {url}: HTTP 503"))
            && lines[0].contains("Retry-After"),
        "{lines:?}"
    );
}

#[test]
fn fetching_again_sends_the_validators_and_a_304_leaves_the_files_as_they_are() {
    let server = Server::start(|path, hit, _| match path {
        "/report" if hit.header("if-none-match") == Some("\"v1\"") => reply(304, &[], ""),
        "/report" => reply(
            200,
            &[
                ("Content-Type", "text/html"),
                ("ETag", "\"v1\""),
                ("Last-Modified", "Tue, 03 Mar 2015 10:00:00 GMT"),
            ],
            "<p>report</p>",
        ),
        _ => not_found(),
    });
    let dir = tempfile::tempdir().unwrap();
    let urls = [server.url("/report")];
    let (s, _, _) = run(&pages(&urls), &options(dir.path()));
    assert_eq!(s, summary(1, 0, 0, 0));
    let page = saved(dir.path(), &urls[0]);
    let meta = page.with_extension("meta.json");
    let first = (
        std::fs::read(&meta).unwrap(),
        page.metadata().unwrap().modified().unwrap(),
    );
    let side = sidecar(dir.path(), &urls[0]);
    assert_eq!(side.etag.as_deref(), Some("\"v1\""));
    assert_eq!(side.status, Some(200));
    assert_eq!(side.url.as_deref(), Some(urls[0].as_str()));

    // Again: a dry run says it is there, a run asks conditionally and gets a 304.
    let dry = Options {
        dry_run: true,
        ..options(dir.path())
    };
    let (s, _, listed) = run(&pages(&urls), &dry);
    assert_eq!(s, summary(0, 1, 0, 0));
    assert_eq!(listed, [format!("{} (already fetched)", urls[0])]);
    let (s, lines, _) = run(&pages(&urls), &options(dir.path()));
    assert_eq!(s, summary(0, 1, 0, 0), "{lines:?}");
    let last = server.hits().pop().unwrap();
    assert_eq!(
        last.header("if-modified-since"),
        Some("Tue, 03 Mar 2015 10:00:00 GMT")
    );
    let second = (
        std::fs::read(&meta).unwrap(),
        page.metadata().unwrap().modified().unwrap(),
    );
    assert_eq!(first, second, "files untouched");
}

#[test]
fn a_redirect_loop_is_one_error_line_and_a_redirect_keeps_the_final_url() {
    let server = Server::start(|path, _, _| match path {
        "/robots.txt" => reply(200, &[], "User-agent: *\nDisallow: /private/\n"),
        "/loop" => reply(302, &[("Location", "/loop-b")], ""),
        "/loop-b" => reply(302, &[("Location", "/loop")], ""),
        "/old" => reply(301, &[("Location", "/new#top")], ""),
        "/new" => html("<p>moved here</p>"),
        "/to-private" => reply(302, &[("Location", "/private/x")], ""),
        p if p.starts_with("/chain/") => {
            let n: u32 = p["/chain/".len()..].parse().unwrap();
            reply(307, &[("Location", &format!("/chain/{}", n + 1))], "")
        }
        _ => not_found(),
    });
    let dir = tempfile::tempdir().unwrap();
    let urls = [
        server.url("/loop"),
        server.url("/old"),
        server.url("/gone"),
        server.url("/to-private"),
        server.url("/chain/1"),
    ];
    let (s, lines, _) = run(&pages(&urls), &options(dir.path()));
    assert_eq!(s, summary(1, 0, 1, 3));
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert_eq!(
        lines[0],
        format!("failed {}: a redirect loop (to {} again)", urls[0], urls[0])
    );
    assert_eq!(lines[1], format!("failed {}: HTTP 404", urls[2]));
    assert_eq!(
        lines[2],
        format!(
            "skipped {}: redirected to {}, disallowed by robots.txt",
            urls[3],
            server.url("/private/x")
        )
    );
    assert_eq!(
        lines[3],
        format!("failed {}: more than 5 redirects", urls[4])
    );
    // The disallowed target and the sixth hop of the chain never asked for.
    let asked = server.paths();
    assert!(!asked.contains(&"/private/x".to_owned()), "{asked:?}");
    assert!(asked.contains(&"/chain/6".to_owned()) && !asked.contains(&"/chain/7".to_owned()));
    let side = sidecar(dir.path(), &urls[1]);
    assert_eq!(side.url.as_deref(), Some(urls[1].as_str()));
    assert_eq!(side.final_url, Some(server.url("/new")));
}

#[test]
fn an_oversized_body_is_an_error_and_nothing_is_written() {
    let server = Server::start(|path, _, _| match path {
        "/big" => html(&"x".repeat(5000)),
        "/small" => html("<p>small</p>"),
        _ => not_found(),
    });
    let dir = tempfile::tempdir().unwrap();
    let urls = [server.url("/big"), server.url("/small")];
    let o = Options {
        max_bytes: 1000,
        ..options(dir.path())
    };
    let (s, lines, _) = run(&pages(&urls), &o);
    assert_eq!(s, summary(1, 0, 0, 1));
    assert!(lines[0].contains("larger than 1000 bytes"), "{lines:?}");
    let host = saved(dir.path(), &urls[0]).parent().unwrap().to_path_buf();
    let mut files: Vec<String> = std::fs::read_dir(host)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files.len(),
        2,
        "only the small page and its sidecar: {files:?}"
    );
    assert!(files.iter().all(|f| f.starts_with("small-")));
}

#[test]
fn a_windows_1252_page_is_saved_raw_and_its_charset_kept_in_the_sidecar() {
    // "£5 – Jos\xe9" in windows-1252: not UTF-8.
    let bytes: Vec<u8> = b"<p>\xa35 \x96 Jos\xe9</p>".to_vec();
    let served = bytes.clone();
    let server = Server::start(move |path, _, _| match path {
        "/old-page.htm" => reply(
            200,
            &[("Content-Type", "text/html; charset=windows-1252")],
            served.clone(),
        ),
        _ => not_found(),
    });
    let dir = tempfile::tempdir().unwrap();
    let url = server.url("/old-page.htm");
    let (s, _, _) = run(&pages(std::slice::from_ref(&url)), &options(dir.path()));
    assert_eq!(s, summary(1, 0, 0, 0));
    assert_eq!(std::fs::read(saved(dir.path(), &url)).unwrap(), bytes);
    assert_eq!(
        sidecar(dir.path(), &url).content_type.as_deref(),
        Some("text/html; charset=windows-1252")
    );
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

#[test]
fn a_gzip_body_is_saved_decoded() {
    let page = "<p>The NEC met on 3 March.</p>".repeat(20);
    let packed = gzip(page.as_bytes());
    let server = Server::start(move |path, hit, _| match path {
        "/zipped"
            if hit
                .header("accept-encoding")
                .is_some_and(|a| a.contains("gzip")) =>
        {
            reply(
                200,
                &[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                packed.clone(),
            )
        }
        _ => not_found(),
    });
    let dir = tempfile::tempdir().unwrap();
    let url = server.url("/zipped");
    let (s, lines, _) = run(&pages(std::slice::from_ref(&url)), &options(dir.path()));
    assert_eq!(s, summary(1, 0, 0, 0), "{lines:?}");
    assert_eq!(
        std::fs::read_to_string(saved(dir.path(), &url)).unwrap(),
        page
    );
}

/// A Blogger-style Atom feed page written for this test.
fn atom(base: &str, posts: &[&str], next: Option<&str>) -> String {
    let mut xml = String::from(
        "<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom'>\
         <title type='text'>A test blog</title>",
    );
    if let Some(n) = next {
        let n = n.replace('&', "&amp;");
        xml.push_str(&format!(
            "<link rel='next' type='application/atom+xml' href='{base}{n}'/>"
        ));
    }
    for p in posts {
        xml.push_str(&format!(
            "<entry><title type='text'>A post</title>\
             <link rel='replies' type='text/html' href='{base}{p}#comment-form'/>\
             <link rel='edit' type='application/atom+xml' href='{base}/feeds/1/posts/default/2'/>\
             <link rel='alternate' type='text/html' href='{base}{p}' title='A post'/></entry>"
        ));
    }
    xml.push_str("</feed>");
    xml
}

#[test]
fn a_blogger_feed_gives_its_posts_and_its_next_pages_are_followed() {
    let base = Arc::new(Mutex::new(String::new()));
    let b = Arc::clone(&base);
    let server = Server::start(move |path, _, _| {
        let base = b.lock().unwrap().clone();
        match path {
            "/feeds/posts/default" => reply(
                200,
                &[("Content-Type", "application/atom+xml")],
                atom(
                    &base,
                    &["/2016/01/nec-one.html", "/2016/01/nec-two.html"],
                    Some("/feeds/posts/default?start-index=3&max-results=2"),
                ),
            ),
            "/feeds/posts/default?start-index=3&max-results=2" => reply(
                200,
                &[("Content-Type", "application/atom+xml")],
                atom(&base, &["/2015/12/nec-three.html"], None),
            ),
            p if p.starts_with("/20") => html("<p>a post</p>"),
            _ => not_found(),
        }
    });
    base.lock().unwrap().push_str(&server.base);
    let dir = tempfile::tempdir().unwrap();
    let sources = [Source::Feed(server.url("/feeds/posts/default"))];
    let (s, lines, _) = run(&sources, &options(dir.path()));
    assert_eq!(s, summary(3, 0, 0, 0), "{lines:?}");
    for p in [
        "/2016/01/nec-one.html",
        "/2016/01/nec-two.html",
        "/2015/12/nec-three.html",
    ] {
        assert!(saved(dir.path(), &server.url(p)).is_file(), "{p}");
    }
}

#[test]
fn a_sitemap_index_is_followed_through_nested_sitemaps() {
    let base = Arc::new(Mutex::new(String::new()));
    let b = Arc::clone(&base);
    let server = Server::start(move |path, _, _| {
        let base = b.lock().unwrap().clone();
        let index = |locs: &[&str]| {
            let inner: String = locs
                .iter()
                .map(|l| format!("<sitemap><loc>{base}{l}</loc></sitemap>"))
                .collect();
            format!(
                "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">{inner}</sitemapindex>"
            )
        };
        let set = |locs: &[&str]| {
            let inner: String = locs
                .iter()
                .map(|l| format!("<url><loc>{base}{l}</loc><lastmod>2016-02-01</lastmod></url>"))
                .collect();
            format!(
                "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">{inner}</urlset>"
            )
        };
        match path {
            "/sitemap.xml" => reply(
                200,
                &[],
                index(&["/post-sitemap.xml", "/archive-index.xml"]),
            ),
            "/post-sitemap.xml" => reply(200, &[], set(&["/nec-may", "/nec-june"])),
            // Nested, and naming the top index again: read once.
            "/archive-index.xml" => {
                reply(200, &[], index(&["/old-sitemap.xml.gz", "/sitemap.xml"]))
            }
            // A gzip file (not a gzip encoding): unpacked.
            "/old-sitemap.xml.gz" => reply(
                200,
                &[("Content-Type", "application/x-gzip")],
                gzip(set(&["/nec-2010", "/nec-may"]).as_bytes()),
            ),
            "/nec-may" | "/nec-june" | "/nec-2010" => html("<p>report</p>"),
            _ => not_found(),
        }
    });
    base.lock().unwrap().push_str(&server.base);
    let dir = tempfile::tempdir().unwrap();
    let sources = [Source::Sitemap(server.url("/sitemap.xml"))];
    let (s, lines, _) = run(&sources, &options(dir.path()));
    assert_eq!(s, summary(3, 0, 0, 0), "{lines:?}");
    let asked = server.paths();
    assert_eq!(asked.iter().filter(|p| *p == "/sitemap.xml").count(), 1);
    assert_eq!(asked.iter().filter(|p| *p == "/nec-may").count(), 1);
    assert!(saved(dir.path(), &server.url("/nec-2010")).is_file());
}

#[test]
fn the_delay_is_kept_between_two_requests_to_one_host() {
    let server = Server::start(|path, _, _| match path {
        "/robots.txt" => not_found(),
        _ => html("<p>page</p>"),
    });
    let dir = tempfile::tempdir().unwrap();
    let urls = [server.url("/one"), server.url("/two")];
    let o = Options {
        delay: Duration::from_millis(300),
        ..options(dir.path())
    };
    let (s, _, _) = run(&pages(&urls), &o);
    assert_eq!(s, summary(2, 0, 0, 0));
    let hits = server.hits();
    assert_eq!(hits.len(), 3, "robots.txt and two pages");
    for pair in hits.windows(2) {
        let gap = pair[1].at - pair[0].at;
        assert!(gap >= Duration::from_millis(290), "{gap:?}");
    }
}

#[test]
fn a_dry_run_lists_what_it_would_fetch_and_fetches_no_page() {
    let server = Server::start(|path, _, _| match path {
        "/robots.txt" => reply(200, &[], "User-agent: nectar\nDisallow: /drafts/\n"),
        _ => html("<p>page</p>"),
    });
    let dir = tempfile::tempdir().unwrap();
    // The same page twice, once with a fragment: listed once.
    let urls = [
        server.url("/a"),
        server.url("/drafts/b"),
        server.url("/a"),
        server.url("/a#comments"),
    ];
    let o = Options {
        dry_run: true,
        ..options(dir.path())
    };
    let (s, lines, listed) = run(&pages(&urls), &o);
    assert_eq!(s, summary(1, 0, 1, 0));
    assert!(lines.is_empty(), "{lines:?}");
    assert_eq!(
        listed,
        [
            urls[0].clone(),
            format!("{} (disallowed by robots.txt)", urls[1])
        ]
    );
    assert_eq!(server.paths(), ["/robots.txt"]);
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
}

#[test]
fn bad_urls_are_one_line_each_and_the_others_go_on() {
    let server = Server::start(|path, _, _| match path {
        "/ok" => html("<p>ok</p>"),
        _ => not_found(),
    });
    let dir = tempfile::tempdir().unwrap();
    let urls = [
        "ftp://files.example/report.txt".to_owned(),
        "not a url".to_owned(),
        server.url("/ok"),
    ];
    let (s, lines, _) = run(&pages(&urls), &options(dir.path()));
    assert_eq!(s, summary(1, 0, 0, 2));
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with("failed ftp://files.example/report.txt: not an http(s) URL"));
    assert!(lines[1].starts_with("failed not a url: not a URL"));
}

#[test]
fn a_host_that_does_not_answer_is_a_failure_line() {
    // A port that was just free: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("http://127.0.0.1:{port}/x");
    let (s, lines, _) = run(&pages(std::slice::from_ref(&url)), &options(dir.path()));
    assert_eq!(s, summary(0, 0, 0, 1));
    assert!(
        lines[0].starts_with(&format!("failed {url}: ")),
        "{lines:?}"
    );
}
