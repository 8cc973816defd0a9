//! Fetches report pages politely into a folder, for `nectar build` to read: `nectar fetch`.
//!
//! Each page is saved as `OUT/<host>/<name>.html`, the bytes received (gzip decoded, the
//! charset left as it was), with a metadata sidecar `OUT/<host>/<name>.meta.json`
//! ([`nectar_model::Sidecar`]: `url`, `final_url`, `fetched_at`, `status`, `content_type`,
//! `etag`, `last_modified`). Both are written whole or not at all.
//!
//! What it honours:
//! - **robots.txt**, read once per host for the user agent `nectar` (see [`user_agent`]): a
//!   disallowed page is skipped. A missing robots.txt (any 4xx) allows everything; one that
//!   cannot be read (5xx, no connection) disallows the whole host for the run (RFC 9309).
//! - **A delay** between two requests to one host ([`Options::delay`], 5 s by default), or
//!   the robots.txt `Crawl-delay` when that is longer (up to an hour).
//! - **Retries** with exponential backoff on 429, 5xx and connection errors, waiting as long
//!   as `Retry-After` asks (in seconds or as an HTTP date), but a server asking for more than
//!   [`Options::max_retry_after`] is an error rather than a long sleep.
//! - **Limits**: timeouts, a size cap whose excess is an error (never a truncated page), and at
//!   most 5 redirects, each asked of its host's robots.txt and kept to its delay, the final URL
//!   kept (a redirect loop is an error).
//! - **Conditional requests**: a page fetched before is asked for with `If-None-Match` and
//!   `If-Modified-Since` from its sidecar; a 304 leaves its files as they are. A run that was
//!   interrupted, run again, fetches only what is missing or changed.
//!
//! The URLs come from a list, from Atom or RSS feeds (Blogger, WordPress: each post's link,
//! following Atom `rel="next"` pages up to a bound) and from sitemaps (their `<loc>`s,
//! following nested sitemap indexes up to a bound, a `sitemap.xml.gz` unpacked). Each URL that
//! is bad, refused or fails is one line naming it, through [`Event::Line`], and the others go
//! on.
//!
//! Where a page is saved is a function of its URL alone:
//!
//! ```
//! use std::path::Path;
//!
//! let out = Path::new("pages");
//! let path = nectar_fetch::page_path(out, "https://example.org/2015/05/nec-report.html").unwrap();
//! assert!(path.starts_with("pages/example.org"));
//! let name = path.file_name().unwrap().to_str().unwrap();
//! assert!(name.starts_with("2015-05-nec-report-") && name.ends_with(".html"));
//! assert_eq!(
//!     nectar_fetch::page_path(out, "https://example.org/").unwrap(),
//!     Path::new("pages/example.org/index.html")
//! );
//! assert!(nectar_fetch::page_path(out, "ftp://example.org/").is_err());
//! ```
#![deny(missing_docs)]

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use nectar_model::Sidecar;
use url::Url;

/// The product token nectar matches in robots.txt (`User-agent: nectar`).
pub const ROBOTS_AGENT: &str = "nectar";

/// The most redirects followed for one request.
pub const MAX_REDIRECTS: u32 = 5;

/// The user agent sent with every request: nectar, its version and where it comes from.
///
/// ```
/// assert!(nectar_fetch::user_agent().starts_with("nectar/"));
/// ```
pub fn user_agent() -> String {
    format!(
        "nectar/{} (+{})",
        env!("CARGO_PKG_VERSION"),
        env!("CARGO_PKG_REPOSITORY")
    )
}

/// How to fetch.
#[derive(Debug, Clone)]
pub struct Options {
    /// The folder pages are saved into, one folder per host.
    pub out: PathBuf,
    /// The least time between two requests to one host (robots.txt's `Crawl-delay` when that is
    /// longer).
    pub delay: Duration,
    /// A page (or feed, sitemap, robots.txt) larger than this many bytes, once decoded, is an
    /// error.
    pub max_bytes: u64,
    /// How many times a request is tried again after a 429, a 5xx or a connection error.
    pub retries: u32,
    /// The first wait before trying again when the server does not say (doubled each time).
    pub backoff: Duration,
    /// A `Retry-After` longer than this is an error instead of a wait.
    pub max_retry_after: Duration,
    /// The longest wait for a connection.
    pub connect_timeout: Duration,
    /// The longest time for one request, its body included.
    pub timeout: Duration,
    /// The most pages of one feed followed through `rel="next"`.
    pub max_feed_pages: usize,
    /// The most sitemap documents read from one `--sitemap` (nested indexes included).
    pub max_sitemaps: usize,
    /// List what would be fetched without fetching pages (robots.txt, feeds and sitemaps are
    /// still read to know it).
    pub dry_run: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            out: PathBuf::from("pages"),
            delay: Duration::from_secs(5),
            max_bytes: 10 * 1024 * 1024,
            retries: 3,
            backoff: Duration::from_secs(2),
            max_retry_after: Duration::from_secs(120),
            connect_timeout: Duration::from_secs(15),
            timeout: Duration::from_secs(60),
            max_feed_pages: 100,
            max_sitemaps: 100,
            dry_run: false,
        }
    }
}

/// Where URLs come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A page to fetch.
    Page(String),
    /// An Atom or RSS feed whose posts are the pages.
    Feed(String),
    /// A sitemap or sitemap index whose `<loc>`s are the pages.
    Sitemap(String),
}

/// What became of one page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Fetched and saved (or, in a dry run, would be fetched).
    Fetched,
    /// Not changed since it was fetched (a 304; in a dry run, already fetched).
    Unchanged,
    /// Not fetched: robots.txt disallows it.
    Skipped,
    /// A bad URL, an error status or a failed request.
    Failed,
}

/// What a run tells as it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A feed, sitemap or page is being read (for a progress bar's message).
    Reading(String),
    /// The pages to fetch are known: this many.
    Planned(usize),
    /// One page is done.
    Done(Outcome),
    /// A line for the user (standard error): a URL skipped or failed, and why.
    Line(String),
    /// In a dry run, one page URL and its mark (standard output).
    Listed(String),
}

/// How many pages ended each way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Fetched and saved (in a dry run: would be fetched).
    pub fetched: usize,
    /// Not changed since the last fetch (in a dry run: already fetched).
    pub unchanged: usize,
    /// Disallowed by robots.txt.
    pub skipped: usize,
    /// Bad URLs and failures, pages, feeds and sitemaps alike.
    pub failed: usize,
}

impl Summary {
    fn add(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Fetched => self.fetched += 1,
            Outcome::Unchanged => self.unchanged += 1,
            Outcome::Skipped => self.skipped += 1,
            Outcome::Failed => self.failed += 1,
        }
    }
}

/// The URLs of a list file: one a line, blank lines and lines starting with `#` skipped.
///
/// ```
/// let urls = nectar_fetch::url_list("# NEC reports\nhttps://a.example/1\n\n  https://a.example/2  \n");
/// assert_eq!(urls, ["https://a.example/1", "https://a.example/2"]);
/// ```
pub fn url_list(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// Parses an http(s) URL, or says why it is not one.
fn parse_url(url: &str) -> Result<Url, String> {
    let parsed = Url::parse(url).map_err(|e| format!("not a URL ({e})"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(format!("not an http(s) URL (scheme {})", parsed.scheme()));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err("not a URL (no host)".to_owned());
    }
    Ok(parsed)
}

/// The folder of a URL's host: its name, with `_PORT` when the port is not the scheme's own.
fn host_dir(url: &Url) -> String {
    let host = url
        .host_str()
        .unwrap_or("host")
        .trim_start_matches('[')
        .trim_end_matches(']')
        .replace(':', "-");
    match url.port() {
        Some(port) => format!("{host}_{port}"),
        None => host,
    }
}

/// The longest slug kept in a file name (the hash that follows keeps names unique).
const SLUG_MAX: usize = 60;

/// A page's file name without its extension: `index` for the root; otherwise a slug of its
/// path and query (lower-case ASCII letters and digits joined by `-`, a trailing `.html` or
/// `.htm` dropped, at most 60 characters), then `-` and 8 hex digits of the SHA-256 of the
/// path and query, so that two URLs of one host never share a name and a URL always gets the
/// same one.
fn page_name(url: &Url) -> String {
    let path = url.path();
    let query = url.query();
    if path == "/" && query.is_none() {
        return "index".to_owned();
    }
    let mut whole = path.to_owned();
    if let Some(q) = query {
        whole.push('?');
        whole.push_str(q);
    }
    let trimmed = path.trim_end_matches('/');
    let lower = trimmed.to_ascii_lowercase();
    let stem = lower
        .strip_suffix(".html")
        .or_else(|| lower.strip_suffix(".htm"))
        .unwrap_or(&lower);
    let mut slug = String::new();
    for part in std::iter::once(stem).chain(query.map(str::to_ascii_lowercase).as_deref()) {
        for c in part.chars() {
            if c.is_ascii_alphanumeric() {
                slug.push(c);
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.truncate(SLUG_MAX);
    let slug = slug.trim_end_matches('-');
    let hex = &nectar_io::sha256_hex(whole.as_bytes())[..8];
    if slug.is_empty() {
        format!("page-{hex}")
    } else {
        format!("{slug}-{hex}")
    }
}

/// Where a page is saved: `OUT/<host>/<name>.html` (its sidecar is `<name>.meta.json` beside
/// it). `index.html` for the root of a site; else a slug of the path and query with a short
/// hash that keeps names unique within the host and stable for a URL.
pub fn page_path(out: &Path, url: &str) -> Result<PathBuf, String> {
    let url = parse_url(url)?;
    Ok(out
        .join(host_dir(&url))
        .join(format!("{}.html", page_name(&url))))
}

/// How long a `Retry-After` header asks to wait: seconds, or an HTTP date (a date past is no
/// wait).
fn retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let now = chrono::DateTime::<chrono::Utc>::from(now);
    let wait = when.signed_duration_since(now);
    Some(wait.to_std().unwrap_or(Duration::ZERO))
}

/// Now, to the second (RFC 3339 then reads `2026-12-02T15:50:00Z`).
fn now_to_the_second() -> Option<chrono::DateTime<chrono::Utc>> {
    let secs = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .ok()?
        .as_secs();
    chrono::DateTime::from_timestamp(i64::try_from(secs).ok()?, 0)
}

/// The longest `Crawl-delay` kept: one request an hour.
pub const MAX_CRAWL_DELAY: Duration = Duration::from_secs(3600);

/// A robots.txt `Crawl-delay` as a wait, at most [`MAX_CRAWL_DELAY`] (none when it is not a
/// number of seconds).
fn crawl_delay(secs: Option<f32>) -> Duration {
    match secs {
        Some(s) if s.is_finite() && s > 0.0 => {
            Duration::try_from_secs_f32(s).map_or(MAX_CRAWL_DELAY, |d| d.min(MAX_CRAWL_DELAY))
        }
        _ => Duration::ZERO,
    }
}

/// A response, its body read.
struct Got {
    status: u16,
    location: Option<String>,
    content_type: Option<String>,
    etag: Option<String>,
    last_modified: Option<String>,
    body: Vec<u8>,
}

/// What robots.txt says for one host.
enum Robots {
    /// No robots.txt (4xx): everything allowed.
    All,
    /// Its rules for nectar.
    Rules(Box<texting_robots::Robot>),
    /// It could not be read: nothing allowed this run, for this reason.
    Unreachable(String),
}

/// One host's robots.txt and when it was last asked for something.
struct Host {
    robots: Robots,
    delay: Duration,
    last: Option<Instant>,
}

/// A request that can be retried: what went wrong, and how long the server asks to wait.
enum Attempt {
    Done(Got),
    Again(String, Option<Duration>),
    Fail(String),
}

/// The errors worth trying again: the connection, not the request.
fn transient(e: &ureq::Error) -> bool {
    matches!(
        e,
        ureq::Error::Io(_)
            | ureq::Error::Timeout(_)
            | ureq::Error::ConnectionFailed
            | ureq::Error::BodyStalled
    )
}

/// A request error in words.
fn describe(e: &ureq::Error, max_bytes: u64) -> String {
    match e {
        ureq::Error::BodyExceedsLimit(_) => {
            format!("larger than {max_bytes} bytes (the size cap, --max-bytes); nothing saved")
        }
        ureq::Error::Timeout(t) => format!("timed out ({t})"),
        other => other.to_string(),
    }
}

/// The polite client: one agent, each host's robots.txt and the time of its last request.
struct Fetcher<'a> {
    agent: ureq::Agent,
    options: &'a Options,
    hosts: HashMap<String, Host>,
}

impl<'a> Fetcher<'a> {
    fn new(options: &'a Options) -> Self {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            // Redirects are followed here, each hop asked of robots.txt and kept to the delay.
            .max_redirects(0)
            .user_agent(user_agent())
            .accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            .timeout_connect(Some(options.connect_timeout))
            .timeout_global(Some(options.timeout))
            .build();
        Self {
            agent: ureq::Agent::new_with_config(config),
            options,
            hosts: HashMap::new(),
        }
    }

    /// Waits until the host may be asked again.
    fn wait_turn(&self, key: &str) {
        if let Some(host) = self.hosts.get(key)
            && let Some(last) = host.last
        {
            let waited = last.elapsed();
            if host.delay > waited {
                std::thread::sleep(host.delay - waited);
            }
        }
    }

    fn mark(&mut self, key: &str) {
        if let Some(host) = self.hosts.get_mut(key) {
            host.last = Some(Instant::now());
        }
    }

    /// One request, its body read within the size cap.
    fn attempt(&self, url: &Url, headers: &[(&str, &str)]) -> Attempt {
        let mut request = self.agent.get(url.as_str());
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let mut response = match request.call() {
            Ok(r) => r,
            Err(e) if transient(&e) => {
                return Attempt::Again(describe(&e, self.options.max_bytes), None);
            }
            Err(e) => return Attempt::Fail(describe(&e, self.options.max_bytes)),
        };
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        if status == 429 || (500..600).contains(&status) {
            let wait = header("retry-after").and_then(|v| retry_after(&v, SystemTime::now()));
            return Attempt::Again(format!("HTTP {status}"), wait);
        }
        let (content_type, etag, last_modified) = (
            header("content-type"),
            header("etag"),
            header("last-modified"),
        );
        let location = header("location");
        let body = if status == 304 {
            Vec::new()
        } else {
            match response
                .body_mut()
                .with_config()
                .limit(self.options.max_bytes)
                .read_to_vec()
            {
                Ok(b) => b,
                Err(e) if transient(&e) => {
                    return Attempt::Again(describe(&e, self.options.max_bytes), None);
                }
                Err(e) => return Attempt::Fail(describe(&e, self.options.max_bytes)),
            }
        };
        Attempt::Done(Got {
            status,
            location,
            content_type,
            etag,
            last_modified,
            body,
        })
    }

    /// A GET, after the host's delay, tried again with backoff on 429, 5xx and connection
    /// errors. The host's robots.txt must have been read (except for robots.txt itself).
    /// `Ok` holds any final status; after the last retry, the last 429 or 5xx is an error.
    fn get(&mut self, key: &str, url: &Url, headers: &[(&str, &str)]) -> Result<Got, String> {
        let mut tries = 0;
        loop {
            self.wait_turn(key);
            let attempt = self.attempt(url, headers);
            self.mark(key);
            let (why, asked) = match attempt {
                Attempt::Done(got) => return Ok(got),
                Attempt::Fail(why) => return Err(why),
                Attempt::Again(why, asked) => (why, asked),
            };
            if tries >= self.options.retries {
                let times = if tries == 1 { "retry" } else { "retries" };
                return Err(format!("{why} (after {tries} {times})"));
            }
            let wait = match asked {
                Some(wait) if wait > self.options.max_retry_after => {
                    return Err(format!(
                        "{why}, and the server asks to wait {} s before trying again (Retry-After), more than {} s",
                        wait.as_secs(),
                        self.options.max_retry_after.as_secs()
                    ));
                }
                Some(wait) => wait,
                None => self.options.backoff.saturating_mul(1 << tries.min(16)),
            };
            std::thread::sleep(wait);
            tries += 1;
        }
    }

    /// The host key of a URL (scheme, host and port), its robots.txt read the first time.
    fn host(&mut self, url: &Url) -> String {
        let key = url.origin().ascii_serialization();
        if self.hosts.contains_key(&key) {
            return key;
        }
        self.hosts.insert(
            key.clone(),
            Host {
                robots: Robots::All,
                delay: self.options.delay,
                last: None,
            },
        );
        let robots = match url.join("/robots.txt") {
            Ok(robots_url) => self.robots(&key, robots_url),
            Err(e) => Robots::Unreachable(e.to_string()),
        };
        if let Some(host) = self.hosts.get_mut(&key) {
            if let Robots::Rules(robot) = &robots {
                host.delay = host.delay.max(crawl_delay(robot.delay));
            }
            host.robots = robots;
        }
        key
    }

    /// Reads a host's robots.txt (RFC 9309): its rules when it is there, following up to
    /// [`MAX_REDIRECTS`] redirects (more, or any 4xx: none there, everything allowed);
    /// unreachable on a 5xx or a failed request.
    fn robots(&mut self, key: &str, mut url: Url) -> Robots {
        for _ in 0..=MAX_REDIRECTS {
            let got = match self.get(key, &url, &[]) {
                Ok(got) => got,
                Err(why) => return Robots::Unreachable(why),
            };
            match got.status {
                200..300 => {
                    return match texting_robots::Robot::new(ROBOTS_AGENT, &got.body) {
                        Ok(robot) => Robots::Rules(Box::new(robot)),
                        Err(_) => Robots::All,
                    };
                }
                300..400 => match got.location.and_then(|to| url.join(to.trim()).ok()) {
                    Some(next) if matches!(next.scheme(), "http" | "https") => url = next,
                    _ => return Robots::All,
                },
                400..500 => return Robots::All,
                status => return Robots::Unreachable(format!("HTTP {status}")),
            }
        }
        Robots::All
    }

    /// Whether robots.txt lets nectar fetch a URL: `Err` with the line's reason and the
    /// outcome when it does not.
    fn allowed(&mut self, url: &Url) -> Result<String, (String, Outcome)> {
        let key = self.host(url);
        match self.hosts.get(&key).map(|h| &h.robots) {
            Some(Robots::Rules(robot)) if !robot.allowed(url.as_str()) => {
                Err(("disallowed by robots.txt".to_owned(), Outcome::Skipped))
            }
            Some(Robots::Unreachable(why)) => Err((
                format!(
                    "the host's robots.txt could not be read ({why}), so nothing of it is fetched in this run"
                ),
                Outcome::Failed,
            )),
            _ => Ok(key),
        }
    }

    /// A GET that follows up to [`MAX_REDIRECTS`] redirects, each hop allowed by its host's
    /// robots.txt and kept to its host's delay; the response and the URL it came from. `Err`
    /// holds the line's reason and the outcome.
    fn follow(
        &mut self,
        url: &Url,
        headers: &[(&str, &str)],
    ) -> Result<(Got, Url), (String, Outcome)> {
        let mut current = url.clone();
        let mut seen = vec![url.clone()];
        loop {
            let key = self.allowed(&current).map_err(|(why, outcome)| {
                if seen.len() > 1 {
                    (format!("redirected to {current}, {why}"), outcome)
                } else {
                    (why, outcome)
                }
            })?;
            let got = self
                .get(&key, &current, headers)
                .map_err(|why| (why, Outcome::Failed))?;
            let target = match &got.location {
                Some(to) if matches!(got.status, 301 | 302 | 303 | 307 | 308) => to,
                _ => return Ok((got, current)),
            };
            let fail = |why: String| Err((why, Outcome::Failed));
            let next = match current.join(target.trim()).map_err(|e| e.to_string()) {
                Ok(mut next) if matches!(next.scheme(), "http" | "https") => {
                    next.set_fragment(None);
                    next
                }
                Ok(next) => return fail(format!("redirected to {next}, not an http(s) URL")),
                Err(e) => return fail(format!("redirected to {target:?}, not a URL ({e})")),
            };
            if seen.contains(&next) {
                return fail(format!("a redirect loop (to {next} again)"));
            }
            if seen.len() > MAX_REDIRECTS as usize {
                return fail(format!("more than {MAX_REDIRECTS} redirects"));
            }
            seen.push(next.clone());
            current = next;
        }
    }

    /// Fetches a feed, sitemap or other document that is read rather than saved; a gzip file
    /// (`sitemap.xml.gz`) is unpacked, within the size cap.
    fn read_doc(&mut self, url: &Url) -> Result<Vec<u8>, String> {
        let (got, _) = self.follow(url, &[]).map_err(|(why, _)| why)?;
        if !(200..300).contains(&got.status) {
            return Err(format!("HTTP {}", got.status));
        }
        gunzip(got.body, self.options.max_bytes)
    }

    /// Fetches one page into the output folder (or, in a dry run, says what it would do).
    fn page(&mut self, raw: &str, on: &mut dyn FnMut(Event)) -> Outcome {
        let mut line = |outcome: Outcome, why: &str| {
            let verb = if outcome == Outcome::Skipped {
                "skipped"
            } else {
                "failed"
            };
            on(Event::Line(format!("{verb} {raw}: {why}")));
            outcome
        };
        let url = match parse_url(raw) {
            Ok(u) => u,
            Err(why) => return line(Outcome::Failed, &why),
        };
        let html = self
            .options
            .out
            .join(host_dir(&url))
            .join(format!("{}.html", page_name(&url)));
        // A sidecar that cannot be read is as none: the page is fetched again.
        let before: Option<Sidecar> = if html.is_file() {
            nectar_io::read_sidecar(&html).ok().flatten()
        } else {
            None
        };
        if let Err((why, outcome)) = self.allowed(&url) {
            if self.options.dry_run && outcome == Outcome::Skipped {
                return Outcome::Skipped;
            }
            return line(outcome, &why);
        }
        if self.options.dry_run {
            return if before.is_some() {
                Outcome::Unchanged
            } else {
                Outcome::Fetched
            };
        }
        let mut headers = Vec::new();
        if let Some(b) = &before {
            if let Some(etag) = &b.etag {
                headers.push(("if-none-match", etag.as_str()));
            }
            if let Some(lm) = &b.last_modified {
                headers.push(("if-modified-since", lm.as_str()));
            }
        }
        let (got, final_url) = match self.follow(&url, &headers) {
            Ok(done) => done,
            Err((why, outcome)) => return line(outcome, &why),
        };
        if got.status == 304 && before.is_some() {
            return Outcome::Unchanged;
        }
        if !(200..300).contains(&got.status) {
            return line(Outcome::Failed, &format!("HTTP {}", got.status));
        }
        let sidecar = Sidecar {
            url: Some(url.to_string()),
            final_url: Some(final_url.to_string()),
            fetched_at: now_to_the_second(),
            status: Some(got.status),
            content_type: got.content_type,
            etag: got.etag,
            last_modified: got.last_modified,
            // What a user added to the sidecar of a page fetched before is kept.
            ..before.unwrap_or_default()
        };
        match save(&html, &got.body, &sidecar) {
            Ok(()) => Outcome::Fetched,
            Err(why) => line(Outcome::Failed, &why),
        }
    }

    /// The page URLs of a feed (following its `rel="next"` pages) or of a sitemap (following
    /// a sitemap index's sitemaps), each document read once, up to the bound.
    fn pages_of(
        &mut self,
        index: Index,
        start: &str,
        summary: &mut Summary,
        on: &mut dyn FnMut(Event),
    ) -> Vec<String> {
        let (kind, max, links): (&str, usize, ReadLinks) = match index {
            Index::Feed => ("feed", self.options.max_feed_pages, feed_links),
            Index::Sitemap => ("sitemap", self.options.max_sitemaps, sitemap_links),
        };
        let mut pages = Vec::new();
        let mut seen = HashSet::new();
        let mut queue = std::collections::VecDeque::from([start.to_owned()]);
        while let Some(raw) = queue.pop_front() {
            if seen.contains(&raw) {
                continue;
            }
            if seen.len() >= max {
                on(Event::Line(format!(
                    "{kind} {start}: stopped after {max} documents"
                )));
                break;
            }
            seen.insert(raw.clone());
            on(Event::Reading(format!("{kind} {raw}")));
            let read = parse_url(&raw).and_then(|url| {
                let body = self.read_doc(&url)?;
                links(&url, &body)
            });
            match read {
                Ok(found) => {
                    pages.extend(found.pages);
                    queue.extend(found.next);
                }
                Err(why) => {
                    summary.failed += 1;
                    on(Event::Line(format!("failed {kind} {raw}: {why}")));
                }
            }
        }
        pages
    }
}

/// The bytes of a gzip file unpacked (others as they are), an error past `max_bytes`.
fn gunzip(body: Vec<u8>, max_bytes: u64) -> Result<Vec<u8>, String> {
    use std::io::Read as _;
    if !body.starts_with(&[0x1f, 0x8b]) {
        return Ok(body);
    }
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(body.as_slice())
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| format!("not a gzip file ({e})"))?;
    if out.len() as u64 > max_bytes {
        return Err(format!(
            "larger than {max_bytes} bytes unpacked (the size cap, --max-bytes)"
        ));
    }
    Ok(out)
}

/// Saves a page, then its sidecar: a sidecar stands only beside a page saved whole.
fn save(html: &Path, body: &[u8], sidecar: &Sidecar) -> Result<(), String> {
    let mut json = serde_json::to_vec_pretty(sidecar).map_err(|e| e.to_string())?;
    json.push(b'\n');
    let write = |path: &Path, bytes: &[u8]| {
        nectar_io::write_atomic(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
    };
    write(html, body)?;
    write(&nectar_io::sidecar_path(html), &json)
}

/// A document that lists pages: a blog's feed, or a sitemap.
#[derive(Debug, Clone, Copy)]
enum Index {
    Feed,
    Sitemap,
}

/// Reads the links of one feed page or sitemap (`feed_links`, `sitemap_links`).
type ReadLinks = fn(&Url, &[u8]) -> Result<Links, String>;

/// What one feed page or sitemap gives: page URLs, and the documents to read next (the feed's
/// next page, or a sitemap index's sitemaps).
#[derive(Debug, Default, PartialEq, Eq)]
struct Links {
    pages: Vec<String>,
    next: Vec<String>,
}

fn xml(body: &[u8]) -> Result<roxmltree::Document<'_>, String> {
    let text = std::str::from_utf8(body)
        .map_err(|_| "not UTF-8 XML".to_owned())?
        .trim_start_matches('\u{feff}');
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, options).map_err(|e| format!("not XML ({e})"))
}

/// A URL as written in a document, made absolute against the document's.
fn absolute(base: &Url, href: &str) -> Option<String> {
    base.join(href.trim()).ok().map(|u| u.to_string())
}

fn children<'a, 'i>(
    node: roxmltree::Node<'a, 'i>,
    name: &'static str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> {
    node.children()
        .filter(move |n| n.is_element() && n.tag_name().name() == name)
}

const ATOM: &str = "http://www.w3.org/2005/Atom";

/// The post URLs of an Atom or RSS feed page and its `rel="next"` page.
fn feed_links(base: &Url, body: &[u8]) -> Result<Links, String> {
    let doc = xml(body)?;
    let root = doc.root_element();
    let mut links = Links::default();
    let rel_next = |node: roxmltree::Node| {
        children(node, "link")
            .filter(|l| l.tag_name().namespace() == Some(ATOM))
            .find(|l| l.attribute("rel") == Some("next"))
            .and_then(|l| l.attribute("href"))
            .and_then(|h| absolute(base, h))
    };
    match root.tag_name().name() {
        "feed" => {
            for entry in children(root, "entry") {
                // The entry's page: its `alternate` link (the default rel), HTML first.
                let alternates: Vec<_> = children(entry, "link")
                    .filter(|l| l.attribute("rel").is_none_or(|r| r == "alternate"))
                    .collect();
                let best = alternates
                    .iter()
                    .find(|l| l.attribute("type").is_none_or(|t| t.contains("html")))
                    .or(alternates.first());
                if let Some(href) = best.and_then(|l| l.attribute("href"))
                    && let Some(url) = absolute(base, href)
                {
                    links.pages.push(url);
                }
            }
            links.next.extend(rel_next(root));
        }
        "rss" | "RDF" => {
            let channel = children(root, "channel").next().unwrap_or(root);
            // RSS 2.0 items are in the channel, RSS 1.0 (RDF) items beside it.
            for item in children(channel, "item").chain(children(root, "item")) {
                let link = children(item, "link")
                    .find(|l| l.tag_name().namespace() != Some(ATOM))
                    .and_then(|l| l.text())
                    .or_else(|| {
                        children(item, "guid")
                            .find(|g| g.attribute("isPermaLink") != Some("false"))
                            .and_then(|g| g.text())
                    });
                if let Some(url) = link.and_then(|h| absolute(base, h)) {
                    links.pages.push(url);
                }
            }
            links.next.extend(rel_next(channel));
        }
        other => return Err(format!("not an Atom or RSS feed (its root is <{other}>)")),
    }
    Ok(links)
}

/// The page URLs of a sitemap, or the sitemaps of a sitemap index.
fn sitemap_links(base: &Url, body: &[u8]) -> Result<Links, String> {
    let doc = xml(body)?;
    let root = doc.root_element();
    let (entry, pages) = match root.tag_name().name() {
        "urlset" => ("url", true),
        "sitemapindex" => ("sitemap", false),
        other => return Err(format!("not a sitemap (its root is <{other}>)")),
    };
    let locs = children(root, entry)
        .filter_map(|e| children(e, "loc").next())
        .filter_map(|l| l.text())
        .filter_map(|h| absolute(base, h));
    let mut links = Links::default();
    if pages {
        links.pages.extend(locs);
    } else {
        links.next.extend(locs);
    }
    Ok(links)
}

/// Fetches the pages of `sources` into [`Options::out`], politely, telling `on` what happens;
/// returns how many pages ended each way. Feeds and sitemaps are read first, for their pages;
/// a page listed twice is fetched once. Nothing here panics or stops at a failed URL.
pub fn fetch(sources: &[Source], options: &Options, on: &mut dyn FnMut(Event)) -> Summary {
    let mut fetcher = Fetcher::new(options);
    let mut summary = Summary::default();
    let mut urls = Vec::new();
    for source in sources {
        match source {
            Source::Page(url) => urls.push(url.clone()),
            Source::Feed(url) => urls.extend(fetcher.pages_of(Index::Feed, url, &mut summary, on)),
            Source::Sitemap(url) => {
                urls.extend(fetcher.pages_of(Index::Sitemap, url, &mut summary, on))
            }
        }
    }
    // One URL once, without its fragment (`#comments` is the same page).
    let mut seen = HashSet::new();
    let urls: Vec<String> = urls
        .into_iter()
        .map(|raw| match parse_url(&raw) {
            Ok(mut url) => {
                url.set_fragment(None);
                url.to_string()
            }
            Err(_) => raw,
        })
        .filter(|u| seen.insert(u.clone()))
        .collect();
    on(Event::Planned(urls.len()));
    for url in &urls {
        on(Event::Reading(url.clone()));
        let outcome = fetcher.page(url, on);
        if options.dry_run {
            let mark = match outcome {
                Outcome::Fetched => "",
                Outcome::Unchanged => " (already fetched)",
                Outcome::Skipped => " (disallowed by robots.txt)",
                Outcome::Failed => " (failed)",
            };
            on(Event::Listed(format!("{url}{mark}")));
        }
        summary.add(outcome);
        on(Event::Done(outcome));
    }
    summary
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn names_are_slugs_with_a_hash_and_index_for_the_root() {
        assert_eq!(page_name(&url("https://a.example/")), "index");
        let name = page_name(&url("https://a.example/2014/07/NEC-Report.html"));
        assert!(name.starts_with("2014-07-nec-report-"), "{name}");
        assert_eq!(name.len(), "2014-07-nec-report-".len() + 8);
        // Stable for a URL; unique where the slugs agree.
        assert_eq!(
            name,
            page_name(&url("https://a.example/2014/07/NEC-Report.html"))
        );
        assert_ne!(
            page_name(&url("https://a.example/a/b")),
            page_name(&url("https://a.example/a-b"))
        );
        let q = page_name(&url("https://a.example/?p=123"));
        assert!(q.starts_with("p-123-"), "{q}");
        let long = page_name(&url(&format!("https://a.example/{}", "word-".repeat(40))));
        assert!(long.len() <= SLUG_MAX + 9, "{long}");
        assert!(page_name(&url("https://a.example/%E2%80%94/")).starts_with("e2-80-94-"));
    }

    #[test]
    fn host_folders_keep_a_port_that_is_not_the_default() {
        assert_eq!(host_dir(&url("https://a.example:443/x")), "a.example");
        assert_eq!(host_dir(&url("http://127.0.0.1:8080/x")), "127.0.0.1_8080");
        assert_eq!(host_dir(&url("http://[::1]:81/")), "--1_81");
    }

    #[test]
    fn a_crawl_delay_is_kept_within_an_hour_and_a_bad_one_is_none() {
        assert_eq!(crawl_delay(Some(2.5)), Duration::from_millis(2500));
        assert_eq!(crawl_delay(Some(1e30)), MAX_CRAWL_DELAY);
        assert_eq!(crawl_delay(Some(f32::NAN)), Duration::ZERO);
        assert_eq!(crawl_delay(Some(-3.0)), Duration::ZERO);
        assert_eq!(crawl_delay(None), Duration::ZERO);
    }

    #[test]
    fn bad_urls_say_why() {
        assert!(parse_url("not a url").unwrap_err().contains("not a URL"));
        assert!(
            parse_url("mailto:a@b.example")
                .unwrap_err()
                .contains("http(s)")
        );
        assert!(parse_url("https://a.example/x").is_ok());
    }

    #[test]
    fn retry_after_reads_seconds_and_http_dates() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777); // 06 Nov 1994 08:49:37
        assert_eq!(retry_after(" 7 ", now), Some(Duration::from_secs(7)));
        assert_eq!(
            retry_after("Sun, 06 Nov 1994 08:50:37 GMT", now),
            Some(Duration::from_secs(60))
        );
        assert_eq!(
            retry_after("Sun, 06 Nov 1994 08:40:37 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after("soon", now), None);
    }

    #[test]
    fn atom_entries_give_their_alternate_links_and_the_next_page() {
        let feed = br#"<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns='http://www.w3.org/2005/Atom'>
  <link rel='next' type='application/atom+xml' href='https://b.example/feeds/posts/default?start-index=3'/>
  <entry>
    <link rel='replies' type='text/html' href='https://b.example/2016/01/one.html#comments'/>
    <link rel='alternate' type='text/html' href='https://b.example/2016/01/one.html'/>
  </entry>
  <entry><link href='/2016/02/two.html'/></entry>
  <entry><title>no link</title></entry>
</feed>"#;
        let links = feed_links(&url("https://b.example/feeds/posts/default"), feed).unwrap();
        assert_eq!(
            links.pages,
            [
                "https://b.example/2016/01/one.html",
                "https://b.example/2016/02/two.html"
            ]
        );
        assert_eq!(
            links.next.first().map(String::as_str),
            Some("https://b.example/feeds/posts/default?start-index=3")
        );
    }

    #[test]
    fn rss_items_give_their_links() {
        let feed = br#"<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
  <link>https://w.example/</link>
  <atom:link rel="next" href="https://w.example/feed/?paged=2"/>
  <item><link>https://w.example/nec-report-may/</link></item>
  <item><guid isPermaLink="true">https://w.example/nec-report-june/</guid></item>
  <item><guid isPermaLink="false">tag:w.example,42</guid></item>
</channel></rss>"#;
        let links = feed_links(&url("https://w.example/feed/"), feed).unwrap();
        assert_eq!(
            links.pages,
            [
                "https://w.example/nec-report-may/",
                "https://w.example/nec-report-june/"
            ]
        );
        assert_eq!(
            links.next.first().map(String::as_str),
            Some("https://w.example/feed/?paged=2")
        );
        assert!(feed_links(&url("https://w.example/"), b"<html/>").is_err());
        assert!(feed_links(&url("https://w.example/"), b"<feed").is_err());
    }

    #[test]
    fn gzip_documents_are_unpacked_within_the_cap() {
        use std::io::Write as _;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&[b'x'; 100]).unwrap();
        let packed = gz.finish().unwrap();
        assert_eq!(gunzip(packed.clone(), 100).unwrap(), vec![b'x'; 100]);
        assert!(
            gunzip(packed, 99)
                .unwrap_err()
                .contains("larger than 99 bytes")
        );
        assert_eq!(gunzip(b"<urlset/>".to_vec(), 5).unwrap(), b"<urlset/>");
        assert!(gunzip(vec![0x1f, 0x8b, 0], 100).is_err());
    }

    #[test]
    fn sitemaps_give_pages_and_indexes_give_sitemaps() {
        let base = url("https://s.example/sitemap.xml");
        let set = br#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc> https://s.example/a </loc><lastmod>2016-01-01</lastmod></url>
  <url><loc>https://s.example/b</loc></url></urlset>"#;
        let links = sitemap_links(&base, set).unwrap();
        assert_eq!(links.pages, ["https://s.example/a", "https://s.example/b"]);
        let index = br#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://s.example/post-sitemap.xml</loc></sitemap></sitemapindex>"#;
        let links = sitemap_links(&base, index).unwrap();
        assert_eq!(links.next, ["https://s.example/post-sitemap.xml"]);
        assert!(links.pages.is_empty());
    }
}
