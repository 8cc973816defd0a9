//! nectar's file handling: finding report files, decoding them with clear errors, reading their
//! metadata sidecars, and writing outputs whole or not at all.
//!
//! ```
//! use nectar_io::{Limits, read_document, write_atomic};
//! let dir = tempfile::tempdir().unwrap();
//! let path = dir.path().join("report.txt");
//! write_atomic(&path, "\u{feff}NEC Report\r\nThe NEC met on 3 March.".as_bytes()).unwrap();
//! let doc = read_document(&path, &path.display().to_string(), &Limits::default()).unwrap();
//! assert!(doc.text.starts_with('\u{feff}'), "the text is kept as it is, so spans index the file");
//! assert_eq!(doc.source.sha256.len(), 64);
//!
//! std::fs::write(&path, b"").unwrap();
//! let err = read_document(&path, "report.txt", &Limits::default()).unwrap_err();
//! assert_eq!(err.to_string(), "report.txt: empty file");
//! ```
#![deny(missing_docs)]

use std::fmt;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use nectar_model::{CommentLayout, Document, Sidecar, SourceDocument};
use sha2::{Digest, Sha256};

/// Limits on what is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest report file read, in bytes.
    pub max_bytes: u64,
}

/// The default size limit: 50 MB.
pub const DEFAULT_MAX_BYTES: u64 = 50 * 1024 * 1024;

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// What is wrong with an input.
#[derive(Debug, thiserror::Error)]
pub enum Problem {
    /// No file or directory there.
    #[error("no such file or directory")]
    NotFound,
    /// The OS refused to read it.
    #[error("cannot read: {0}")]
    Unreadable(io::Error),
    /// The directory holds no report files.
    #[error("no reports (files of the extensions read) in this directory")]
    NoReports,
    /// A link (followed when walking a directory) leads back to a folder it is in: not walked
    /// again, so that each report is read once.
    #[error("symbolic link loop: leads back to {ancestor}, not walked again")]
    LinkLoop {
        /// The folder it leads back to, as shown.
        ancestor: String,
    },
    /// The file is empty (or only white space).
    #[error("empty file")]
    Empty,
    /// A named pipe, a device or a socket: never a saved report, and reading it may never end.
    #[error("not a regular file ({0}), skipped")]
    NotAFile(&'static str),
    /// The file is larger than the limit.
    #[error("file is {size} bytes, over the {limit}-byte limit (raise it with --max-bytes)")]
    TooLarge {
        /// The file's size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The file holds NUL bytes: not text.
    #[error("binary file (NUL byte at offset {offset}), not a text report")]
    Binary {
        /// Where the first NUL byte is.
        offset: usize,
    },
    /// A web page full of control characters: not text.
    #[error("binary file (control characters from offset {offset}), not a web page")]
    Control {
        /// Where the first control character is.
        offset: usize,
    },
    /// The file is neither UTF-8 nor text in a legacy encoding.
    #[error(
        "not text in UTF-8 or a legacy encoding (invalid UTF-8 byte at offset {offset}); save the report as UTF-8"
    )]
    InvalidUtf8 {
        /// Where the first invalid byte is.
        offset: usize,
    },
    /// A web page that cannot be read (over a limit, or without text).
    #[cfg(feature = "html")]
    #[error("{0}")]
    Html(nectar_html::HtmlError),
    /// A web page, and this nectar was built without reading them.
    #[error("a web page, and this nectar was built without the `html` feature that reads them")]
    HtmlNotBuiltIn,
    /// A compressed file that does not decompress.
    #[error("not a readable gzip file: {0}")]
    Gzip(io::Error),
    /// The sidecar beside the file is broken.
    #[error("metadata sidecar {sidecar}: {message}")]
    Sidecar {
        /// The sidecar's path.
        sidecar: String,
        /// What is wrong with it.
        message: String,
    },
}

/// An input that could not be read, with the path as the user gave it.
#[derive(Debug, thiserror::Error)]
pub struct InputError {
    /// The path.
    pub path: String,
    /// What is wrong.
    pub problem: Problem,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.problem)
    }
}

/// A report file to read: where it is on disk and how to name it in outputs.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct InputFile {
    /// Where it is.
    pub path: PathBuf,
    /// How errors name it: the path as given, or joined to the directory as given.
    pub display: String,
    /// How the dataset names it: its path relative to the folder given (`/`-separated), or
    /// its file name when given on its own; the same on every machine.
    pub relative: String,
}

/// Whether a file found in a directory is a report, by its name (as shown): `*.txt` that is
/// not hidden.
fn is_report_name(name: &str, extensions: &[String]) -> bool {
    !is_hidden(name) && extension(name).is_some_and(|e| extensions.contains(&e))
}

/// A file name's extension in lower case (`REPORT.TXT`: `txt`); a sidecar's is `meta.json`,
/// a compressed file's its own and `gz` (`page.html.gz`: `html.gz`).
fn extension(name: &str) -> Option<String> {
    let lower = name.to_lowercase();
    for double in ["meta.json", "html.gz", "htm.gz"] {
        if lower.len() > double.len() + 1 && lower.ends_with(&format!(".{double}")) {
            return Some(double.into());
        }
    }
    let (stem, ext) = lower.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty()).then(|| ext.to_owned())
}

/// The extensions of the files a folder walk reads when none are chosen: text, and web pages
/// when nectar reads them (the `html` feature).
pub const DEFAULT_EXTENSIONS: &[&str] = if cfg!(feature = "html") {
    &["txt", "html", "htm", "html.gz", "htm.gz"]
} else {
    &["txt"]
};

/// Whether a file is a web page, by its extension (as [`extension`] reads it) or, whatever its
/// name, by what it starts with (`<!DOCTYPE html`, `<html`).
fn is_web_page(path: &Path, bytes: &[u8]) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let by_name = name.as_deref().and_then(extension).is_some_and(|ext| {
        matches!(
            ext.as_str(),
            "html" | "htm" | "xhtml" | "html.gz" | "htm.gz"
        )
    });
    if by_name {
        return true;
    }
    let start = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = &start[start.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
    let head = start[..start.len().min(14)].to_ascii_lowercase();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

/// What a walk of the inputs found: the report files (or why an input could not be read), in
/// order, and how many files of each other extension it passed over (sidecars and hidden
/// files not counted).
#[derive(Debug, Default)]
pub struct Listing {
    /// Each report file, or an error naming the input.
    pub files: Vec<Result<InputFile, InputError>>,
    /// Files not read, by extension (`html`; `(none)` for a name without one).
    pub skipped: std::collections::BTreeMap<String, usize>,
}

/// Whether a name found in a directory is hidden (`.name`): skipped, and not walked.
fn is_hidden(name: &str) -> bool {
    name.starts_with('.')
}

/// `path`, found by walking `input`, relative to it with `/` between names (names not in
/// UTF-8 shown with replacement characters).
fn relative(input: &Path, path: &Path) -> String {
    match path.strip_prefix(input) {
        Ok(rest) if !rest.as_os_str().is_empty() => rest
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
        _ => file_name(path),
    }
}

/// A path's last name, or the whole path when it has none.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// How outputs name `path`, found by walking `input` (shown as `display`): `display`, `/`,
/// and the rest of the path, its names not in UTF-8 shown with replacement characters.
fn shown(input: &Path, display: &str, path: &Path) -> String {
    match path.strip_prefix(input) {
        Ok(rest) if rest.as_os_str().is_empty() => display.to_owned(),
        Ok(rest) => format!("{}/{}", display.trim_end_matches('/'), rest.display()),
        Err(_) => path.display().to_string(),
    }
}

/// Lists the reports under the directory `input` (shown as `display`) into `out`, in sorted
/// order, with an error for each path that cannot be walked; returns how many reports.
///
/// Links are followed (a folder of reports may be a link to one), and a link back to a folder
/// it is in is an error that names it, not walked again: each report is listed once.
fn walk(
    input: &Path,
    display: &str,
    extensions: &[String],
    out: &mut Vec<Result<InputFile, InputError>>,
    skipped: &mut std::collections::BTreeMap<String, usize>,
) -> usize {
    let error = |path: &Path, problem| InputError {
        path: shown(input, display, path),
        problem,
    };
    let walker = walkdir::WalkDir::new(input)
        .follow_links(true)
        // By name as shown, then (for names shown alike) by the name itself.
        .sort_by(|a, b| {
            let (a, b) = (a.file_name(), b.file_name());
            a.to_string_lossy()
                .cmp(&b.to_string_lossy())
                .then_with(|| a.cmp(b))
        })
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(&e.file_name().to_string_lossy()));
    let mut count = 0;
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let Some(path) = e.path().map(Path::to_owned) else {
                    // walkdir names the path of every error it makes; in case it does not.
                    out.push(Err(error(input, Problem::Unreadable(e.into()))));
                    continue;
                };
                if let Some(ancestor) = e.loop_ancestor() {
                    out.push(Err(error(
                        &path,
                        Problem::LinkLoop {
                            ancestor: shown(input, display, ancestor),
                        },
                    )));
                    continue;
                }
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if e.depth() > 0 && is_hidden(&name) {
                    continue;
                }
                if e.depth() > 0 && !path.is_dir() {
                    // A link that cannot be followed (it points nowhere, or round in circles):
                    // named like a report, it is listed and reading it says what is wrong;
                    // otherwise it was never a report.
                    if is_report_name(&name, extensions) {
                        out.push(Ok(InputFile {
                            display: shown(input, display, &path),
                            relative: relative(input, &path),
                            path,
                        }));
                        count += 1;
                    }
                    continue;
                }
                let io = e
                    .into_io_error()
                    .unwrap_or_else(|| io::Error::other("cannot be walked"));
                out.push(Err(error(&path, Problem::Unreadable(io))));
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        // A named pipe, a device or a socket is never a saved report (and reading one may
        // never end): passed over, and counted.
        if !entry.file_type().is_file() {
            *skipped
                .entry("(not a regular file)".to_owned())
                .or_default() += 1;
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if !is_report_name(&name, extensions) {
            let ext = extension(&name);
            if ext.as_deref() != Some("meta.json") {
                *skipped
                    .entry(ext.unwrap_or_else(|| "(none)".into()))
                    .or_default() += 1;
            }
            continue;
        }
        let path = entry.into_path();
        out.push(Ok(InputFile {
            display: shown(input, display, &path),
            relative: relative(input, &path),
            path,
        }));
        count += 1;
    }
    count
}

/// Expands the inputs given by the user into report files: a file is taken as it is, a
/// directory is walked recursively in sorted order (by name, in each folder) for `*.txt` files,
/// hidden ones skipped, links followed. Each input yields its files, or an error (missing,
/// unreadable, a directory with no reports), in order; a folder that cannot be read or a link
/// that loops back to a folder above it is an error of its own, naming it, and the rest of the
/// walk goes on.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// std::fs::create_dir(dir.path().join("2016")).unwrap();
/// for name in ["2016/b.txt", "2016/a.txt", "2016/a.meta.json", "notes.md"] {
///     std::fs::write(dir.path().join(name), "NEC report").unwrap();
/// }
/// let missing = dir.path().join("missing");
/// let found = nectar_io::discover(&[dir.path().to_owned(), missing]);
/// let shown: Vec<String> = found
///     .iter()
///     .map(|item| match item {
///         Ok(file) => file.path.strip_prefix(dir.path()).unwrap().display().to_string(),
///         Err(e) => e.problem.to_string(),
///     })
///     .collect();
/// assert_eq!(shown, ["2016/a.txt", "2016/b.txt", "no such file or directory"]);
/// let b = found[1].as_ref().unwrap();
/// assert_eq!(b.display, format!("{}/2016/b.txt", dir.path().display()));
/// ```
pub fn discover(inputs: &[PathBuf]) -> Vec<Result<InputFile, InputError>> {
    list(inputs, &[]).files
}

/// [`discover`] with the extensions a folder walk reads (lower case, without the dot;
/// [`DEFAULT_EXTENSIONS`] when none; a file named on its own is read whatever its name), and a
/// count of the files it passed over.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// for name in ["a.txt", "b.TXT", "c.html", "d.html", "a.meta.json", "notes"] {
///     std::fs::write(dir.path().join(name), "NEC report").unwrap();
/// }
/// let listing = nectar_io::list(&[dir.path().to_owned()], &["txt".to_owned()]);
/// assert_eq!(listing.files.len(), 2, "a.txt and b.TXT");
/// let skipped: Vec<(&str, usize)> = listing.skipped.iter().map(|(k, v)| (k.as_str(), *v)).collect();
/// assert_eq!(skipped, [("(none)", 1), ("html", 2)]);
/// ```
pub fn list(inputs: &[PathBuf], extensions: &[String]) -> Listing {
    let default: Vec<String>;
    let extensions = if extensions.is_empty() {
        default = DEFAULT_EXTENSIONS.iter().map(|e| e.to_string()).collect();
        &default
    } else {
        extensions
    };
    let mut skipped = std::collections::BTreeMap::new();
    let mut out = Vec::new();
    for input in inputs {
        let display = input.display().to_string();
        if input.as_os_str() == STDIN {
            out.push(Ok(InputFile {
                path: input.clone(),
                relative: "stdin".to_owned(),
                display,
            }));
            continue;
        }
        let err = |problem| InputError {
            path: display.clone(),
            problem,
        };
        match fs::metadata(input) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => out.push(Err(err(Problem::NotFound))),
            Err(e) => out.push(Err(err(Problem::Unreadable(e)))),
            Ok(meta) if meta.is_dir() => {
                let before = out.len();
                // No report and no error: say so. (An error already says why.)
                if walk(input, &display, extensions, &mut out, &mut skipped) == 0
                    && out.len() == before
                {
                    out.push(Err(err(Problem::NoReports)));
                }
            }
            Ok(_) => out.push(Ok(InputFile {
                path: input.clone(),
                relative: file_name(input),
                display,
            })),
        }
    }
    Listing {
        files: out,
        skipped,
    }
}

/// The sidecar path for a report: `NAME.meta.json` beside `NAME.txt` (and beside
/// `NAME.html.gz`).
pub fn sidecar_path(report: &Path) -> PathBuf {
    let gz = report
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    if gz {
        report.with_extension("").with_extension("meta.json")
    } else {
        report.with_extension("meta.json")
    }
}

/// Reads the sidecar beside `path`, if there is one.
pub fn read_sidecar(path: &Path) -> Result<Option<Sidecar>, Problem> {
    let side = sidecar_path(path);
    let shown = side.display().to_string();
    if let Ok(meta) = fs::metadata(&side)
        && !meta.is_file()
    {
        return Err(Problem::Sidecar {
            sidecar: shown,
            message: format!("not a regular file ({})", file_kind(&meta)),
        });
    }
    let bytes = match read_at_most(&side, 1 << 20) {
        Ok(b) => b,
        Err(Problem::Unreadable(e)) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(Problem::Sidecar {
                sidecar: shown,
                message: e.to_string(),
            });
        }
    };
    let sidecar: Sidecar = serde_json::from_slice(&bytes).map_err(|e| Problem::Sidecar {
        sidecar: shown.clone(),
        message: e.to_string(),
    })?;
    // A URL is where a reader can cite the report: an absolute http(s) address.
    for (field, url) in [("url", &sidecar.url), ("final_url", &sidecar.final_url)] {
        if let Some(url) = url
            && !is_web_address(url)
        {
            return Err(Problem::Sidecar {
                sidecar: shown,
                message: format!("{field} {url:?} is not an absolute http(s) address"),
            });
        }
    }
    Ok(Some(sidecar))
}

/// Whether `url` is an absolute http(s) address with a host (`https://example.org/a`).
fn is_web_address(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .or_else(|| {
            let lower = url.get(..8).map(str::to_ascii_lowercase)?;
            if lower == "https://" {
                url.get(8..)
            } else if lower.starts_with("http://") {
                url.get(7..)
            } else {
                None
            }
        });
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !url.chars().any(char::is_whitespace)
    })
}

/// A report's text, and the encoding it was decoded from when that was not UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, in UTF-8.
    pub text: String,
    /// The file's encoding (`windows-1252`), when it was not UTF-8.
    pub encoding: Option<&'static str>,
}

/// Decodes a report's bytes: non-empty text, in UTF-8 (kept as it is, so spans index the file)
/// or else in the legacy encoding `chardetng` finds most likely (an old page saved in
/// windows-1252), decoded to UTF-8. Bytes that no encoding reads cleanly are an error naming
/// the first byte that is not UTF-8.
///
/// ```
/// let old = b"The NEC\x92s report: membership is \x93over 500,000\x94 and the party raised \
///     \xa3500,000 \x96 a record.".to_vec();
/// let d = nectar_io::decode(old).unwrap();
/// assert_eq!(
///     d.text,
///     "The NEC\u{2019}s report: membership is \u{201c}over 500,000\u{201d} and the party \
///      raised \u{a3}500,000 \u{2013} a record."
/// );
/// assert_eq!(d.encoding, Some("windows-1252"));
/// assert_eq!(nectar_io::decode(b"caf\xc3\xa9".to_vec()).unwrap().encoding, None);
/// ```
pub fn decode(bytes: Vec<u8>) -> Result<Decoded, Problem> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Problem::Empty);
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Problem::Binary { offset });
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => {
            return Ok(Decoded {
                text,
                encoding: None,
            });
        }
        Err(e) => e.into_bytes(),
    };
    let offset = std::str::from_utf8(&bytes)
        .err()
        .map_or(0, |e| e.valid_up_to());
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(&bytes, true);
    // Reports of a British party's committee: a British site's guess (windows-1252 over
    // windows-1250 where the bytes allow both, as `£` does).
    let encoding = detector.guess(Some(b"uk"), false);
    let (text, had_errors) = encoding.decode_without_bom_handling(&bytes);
    // Reports in English: a decoding is right when what it reads beyond ASCII is Latin letters,
    // punctuation and symbols (`é`, `£`, `–`, `“`), never control characters (bytes the
    // encoding leaves undefined) or another script (garbage read as Cyrillic).
    let latin = |c: char| {
        c.is_ascii()
            || matches!(c, '\u{a0}'..='\u{24f}' | '\u{2000}'..='\u{20cf}' | '\u{2100}'..='\u{214f}')
    };
    let text_like = text
        .chars()
        .all(|c| latin(c) && (!c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\u{c}')));
    if had_errors || !text_like || encoding == encoding_rs::UTF_8 {
        return Err(Problem::InvalidUtf8 { offset });
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: Some(encoding.name()),
    })
}

/// Lowercase hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The input name that means standard input: `nectar parse -` reads one report piped in
/// (text; it has no sidecar).
pub const STDIN: &str = "-";

/// What kind of file that is not a regular file or a folder `meta` is.
fn file_kind(meta: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    let _ = meta;
    "a special file"
}

/// A file's bytes, at most `limit` of them: a file that grows past the limit while it is read
/// is refused, whatever its size said before.
fn read_at_most(path: &Path, limit: u64) -> Result<Vec<u8>, Problem> {
    let file = fs::File::open(path).map_err(Problem::Unreadable)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Problem::Unreadable)?;
    if bytes.len() as u64 > limit {
        return Err(Problem::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Reads one report file and its sidecar; `display` is how outputs and errors name it.
pub fn read_document(path: &Path, display: &str, limits: &Limits) -> Result<Document, InputError> {
    let err = |problem| InputError {
        path: display.to_owned(),
        problem,
    };
    if path.as_os_str() == STDIN {
        let mut bytes = Vec::new();
        io::stdin()
            .lock()
            .take(limits.max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| err(Problem::Unreadable(e)))?;
        if bytes.len() as u64 > limits.max_bytes {
            return Err(err(Problem::TooLarge {
                size: bytes.len() as u64,
                limit: limits.max_bytes,
            }));
        }
        let decoded = decode(bytes.clone()).map_err(err)?;
        let mut source = SourceDocument {
            path: display.to_owned(),
            sha256: sha256_hex(&bytes),
            bytes: bytes.len() as u64,
            ..SourceDocument::default()
        };
        if let Some(encoding) = decoded.encoding {
            source.encoding = Some(encoding.to_owned());
            source.text_sha256 = Some(sha256_hex(decoded.text.as_bytes()));
            source.text = Some(decoded.text.clone());
        }
        return Ok(Document {
            source,
            ..Document::from_text(display, decoded.text)
        });
    }
    let meta = fs::metadata(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => err(Problem::NotFound),
        _ => err(Problem::Unreadable(e)),
    })?;
    if meta.is_dir() {
        return Err(err(Problem::Unreadable(io::Error::other("is a directory"))));
    }
    if !meta.is_file() {
        return Err(err(Problem::NotAFile(file_kind(&meta))));
    }
    if meta.len() > limits.max_bytes {
        return Err(err(Problem::TooLarge {
            size: meta.len(),
            limit: limits.max_bytes,
        }));
    }
    let bytes = read_at_most(path, limits.max_bytes).map_err(err)?;
    let sha256 = sha256_hex(&bytes);
    let size = bytes.len() as u64;
    let sidecar = read_sidecar(path).map_err(err)?;
    let sidecar_display = sidecar
        .as_ref()
        .map(|_| sidecar_path(Path::new(display)).display().to_string());
    let bytes = gunzip(path, bytes, limits).map_err(err)?;
    let mut source = SourceDocument {
        path: display.to_owned(),
        sha256,
        bytes: size,
        url: sidecar.as_ref().and_then(|s| s.url.clone()),
        sidecar: sidecar_display,
        ..SourceDocument::default()
    };
    if is_web_page(path, &bytes) {
        // The charset of the HTTP header a fetch recorded comes before the page's own.
        let content_type = sidecar.as_ref().and_then(|s| s.content_type.as_deref());
        let page = read_web_page(&bytes, content_type, &mut source).map_err(err)?;
        return Ok(Document {
            source,
            text: page.text,
            sidecar,
            markup: Some(page.markup),
            comments: page.comments,
            page_text: Some(page.page_text),
            headings: page.headings,
        });
    }
    let Decoded { text, encoding } = decode(bytes).map_err(err)?;
    if encoding.is_some() {
        source.text_sha256 = Some(sha256_hex(text.as_bytes()));
        source.text = Some(text.clone());
    }
    source.encoding = encoding.map(|e| e.to_lowercase());
    Ok(Document {
        source,
        text,
        sidecar,
        markup: None,
        comments: Vec::new(),
        page_text: None,
        headings: Vec::new(),
    })
}

/// A `.gz` file's bytes decompressed (no more than the size limit), any other file's as they are.
fn gunzip(path: &Path, bytes: Vec<u8>, limits: &Limits) -> Result<Vec<u8>, Problem> {
    let gz = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    if !gz {
        return Ok(bytes);
    }
    #[cfg(feature = "html")]
    {
        use std::io::Read;
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes.as_slice())
            .take(limits.max_bytes + 1)
            .read_to_end(&mut out)
            .map_err(Problem::Gzip)?;
        if out.len() as u64 > limits.max_bytes {
            return Err(Problem::TooLarge {
                size: out.len() as u64,
                limit: limits.max_bytes,
            });
        }
        Ok(out)
    }
    #[cfg(not(feature = "html"))]
    {
        let _ = limits;
        Err(Problem::HtmlNotBuiltIn)
    }
}

/// What a web page gives.
#[derive(Debug)]
struct WebPage {
    /// Its text: the main text, then its readers' comments.
    text: String,
    /// What its markup says of it.
    markup: Sidecar,
    /// Where the comments stand in the text.
    comments: Vec<CommentLayout>,
    /// The whole page's text, as a browser shows it.
    page_text: String,
    /// Where the article's headings stand in the text.
    headings: Vec<nectar_model::Span>,
}

/// A web page's main text and what its markup says, with the text's provenance filled in. Its
/// readers' comments are read with the registered sites' comment markups.
#[cfg(feature = "html")]
fn read_web_page(
    bytes: &[u8],
    content_type: Option<&str>,
    source: &mut SourceDocument,
) -> Result<WebPage, Problem> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Problem::Empty);
    }
    if let Some(problem) = binary(bytes) {
        return Err(problem);
    }
    let markups = nectar_registry::comment_markups();
    let sites: Vec<nectar_html::CommentSelectors<'_>> = markups
        .iter()
        .map(|(_, m)| nectar_html::CommentSelectors {
            comment: m.comment,
            author: m.author,
            time: m.time,
            text: m.text,
        })
        .collect();
    let page = nectar_html::read_page(bytes, content_type, &nectar_html::Limits::default(), &sites)
        .map_err(Problem::Html)?;
    let mut text = page.text;
    let mut comments = Vec::new();
    for c in &page.comments {
        // Each comment after a blank line: its author, its time, its text, a line each.
        text.push('\n');
        let start = text.len();
        let mut line = |s: &str| {
            let at = text.len();
            text.push_str(s);
            text.push('\n');
            nectar_model::Span::new(at, at + s.len())
        };
        let anonymous = c
            .author
            .as_deref()
            .is_some_and(|a| a.eq_ignore_ascii_case("anonymous"));
        let author = c.author.as_deref().map(&mut line).filter(|_| !anonymous);
        if let Some(t) = &c.time {
            line(t);
        }
        let body = line(&c.text);
        comments.push(CommentLayout {
            span: nectar_model::Span::new(start, body.end),
            author,
            anonymous,
            posted_at: c.time.as_deref().and_then(comment_time),
            text: body,
        });
    }
    source.text_sha256 = Some(sha256_hex(text.as_bytes()));
    source.text = Some(text.clone());
    source.encoding = Some(page.encoding.to_lowercase()).filter(|e| e != "utf-8");
    source.extractor = Some(nectar_model::Extractor {
        name: nectar_html::EXTRACTOR.into(),
        version: nectar_html::EXTRACTOR_VERSION.into(),
        settings: nectar_html::EXTRACTOR_SETTINGS.into(),
    });
    if source.url.is_none() {
        source.url = page.url.clone();
    }
    let markup = Sidecar {
        // `2016-05-20T09:30:00+01:00`: the day as the page wrote it.
        published: page
            .published
            .as_deref()
            .and_then(|p| p.get(..10).unwrap_or(p).parse().ok()),
        title: page.title,
        authors: Some(page.authors).filter(|a| !a.is_empty()),
        url: page.url,
        ..Sidecar::default()
    };
    // Each heading's line, in order.
    let mut headings = Vec::new();
    let mut from = 0;
    for h in &page.headings {
        let found = text[from..]
            .match_indices(h.as_str())
            .map(|(i, _)| from + i)
            .find(|&at| {
                (at == 0 || text[..at].ends_with('\n')) && text[at + h.len()..].starts_with('\n')
            });
        if let Some(at) = found {
            headings.push(nectar_model::Span::new(at, at + h.len()));
            from = at + h.len();
        }
    }
    Ok(WebPage {
        text,
        markup,
        comments,
        page_text: page.page_text,
        headings,
    })
}

/// Where bytes that claim to be a web page show they are not text: a NUL byte (in a page not
/// marked as UTF-16 by its BOM), or control characters in more than one byte in a hundred.
#[cfg(feature = "html")]
fn binary(bytes: &[u8]) -> Option<Problem> {
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return None;
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Some(Problem::Binary { offset });
    }
    let control = |b: &u8| *b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c);
    let offset = bytes.iter().position(control)?;
    let many = bytes.iter().filter(|b| control(b)).count() * 100 > bytes.len();
    many.then_some(Problem::Control { offset })
}

/// A comment's time as a page's markup gives it: an ISO time (`2016-05-21T09:14:00+01:00`,
/// read as the time the page shows), else as shown (`21 May 2016 at 09:14`).
#[cfg(feature = "html")]
fn comment_time(time: &str) -> Option<chrono::NaiveDateTime> {
    chrono::DateTime::parse_from_rfc3339(time)
        .map(|t| t.naive_local())
        .ok()
        .or_else(|| {
            ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
                .iter()
                .find_map(|f| chrono::NaiveDateTime::parse_from_str(time, f).ok())
        })
        .or_else(|| nectar_page::comment_time(time))
}

#[cfg(not(feature = "html"))]
fn read_web_page(_: &[u8], _: Option<&str>, _: &mut SourceDocument) -> Result<WebPage, Problem> {
    Err(Problem::HtmlNotBuiltIn)
}

/// Writes `bytes` to `path` whole or not at all: into a temporary file in the same directory,
/// flushed, then renamed over `path`. Creates missing parent directories. What `path` is decides
/// how (see [`AtomicFile::create`]): a link is written through to its target, a device or a
/// pipe is written in place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes)?;
    file.commit()
}

/// Where a file given as `path` is written: the file a chain of links ends at (a link that
/// points nowhere yet: the path it points to), else `path` itself.
fn link_target(path: &Path) -> io::Result<PathBuf> {
    let mut path = path.to_owned();
    for _ in 0..40 {
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&path)?;
                path = match path.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(io::Error::other(
        "too many levels of links (a loop of links?)",
    ))
}

/// A file that appears at its path only when [`AtomicFile::commit`] is called; dropped
/// uncommitted, it leaves nothing behind and whatever was at the path before stays.
#[derive(Debug)]
pub struct AtomicFile {
    inner: Target,
    path: PathBuf,
}

#[derive(Debug)]
enum Target {
    /// A temporary file beside the file it will replace.
    Temp(tempfile::NamedTempFile),
    /// A device, a pipe or a socket, written in place as a stream.
    Stream(fs::File),
}

impl AtomicFile {
    /// Starts a file that will replace `path`. Only a regular file (or a path where nothing is
    /// yet) is replaced, by renaming a temporary file over it; a link is followed and its
    /// target replaced (the link stays a link); a character device, a FIFO or a socket
    /// (`/dev/null`, `/dev/stdout`, a named pipe) is opened and written in place, never
    /// replaced.
    pub fn create(path: &Path) -> io::Result<Self> {
        let target = link_target(path)?;
        if let Ok(meta) = fs::metadata(&target)
            && !meta.is_file()
            && !meta.is_dir()
        {
            let file = fs::OpenOptions::new().write(true).open(&target)?;
            return Ok(Self {
                inner: Target::Stream(file),
                path: path.to_owned(),
            });
        }
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        fs::create_dir_all(dir)?;
        let name = target.file_name().and_then(|n| n.to_str()).unwrap_or("out");
        let temp = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".tmp")
            .tempfile_in(dir)?;
        Ok(Self {
            inner: Target::Temp(temp),
            path: target,
        })
    }

    /// The path it will be committed to (a link's target).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Flushes the file to disk and renames it into place, readable by everyone (`0644`; a
    /// temporary file starts as `0600`); a stream is flushed.
    pub fn commit(self) -> io::Result<()> {
        match self.inner {
            Target::Stream(mut file) => file.flush(),
            Target::Temp(mut temp) => {
                temp.flush()?;
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    temp.as_file()
                        .set_permissions(fs::Permissions::from_mode(0o644))?;
                }
                temp.as_file().sync_all()?;
                temp.persist(&self.path).map(drop).map_err(|e| e.error)
            }
        }
    }
}

/// The name of the lock file a run holds in its output folder.
pub const LOCK_FILE: &str = ".nectar.lock";

/// A run's hold on an output folder: while it lives, no other nectar writes there. The lock
/// is the operating system's (released when the process ends, however it ends), on
/// [`LOCK_FILE`] in the folder.
#[derive(Debug)]
pub struct OutputLock {
    _file: fs::File,
}

/// Takes the output folder `dir` for this run (making it if needed): fails at once, naming
/// the folder, when another run holds it; then removes the temporary files that runs killed
/// before they finished left behind (`.NAME.XXXXXX.tmp`, up to four folders deep), which no
/// other run can be writing now.
pub fn lock_output(dir: &Path) -> io::Result<OutputLock> {
    fs::create_dir_all(dir)?;
    let path = dir.join(LOCK_FILE);
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            return Err(io::Error::new(
                io::ErrorKind::WouldBlock,
                "another nectar is writing here (wait for it, or give another --out)",
            ));
        }
        Err(fs::TryLockError::Error(e)) => return Err(e),
    }
    finish_or_drop_staging(dir)?;
    remove_stale_temps(dir, 4);
    Ok(OutputLock { _file: file })
}

/// The folder a run writes its formats into before they take their places in the output.
const STAGING: &str = ".nectar-staging";
/// The folder the formats a run replaces are moved to, then removed.
const REPLACED: &str = ".nectar-replaced";
/// The list of formats a run has finished writing and is moving into place.
const JOURNAL: &str = ".nectar-publishing";

/// A run's formats, written whole into a staging folder, then moved into the output folder
/// together ([`Staging::publish`]): a run that fails or is killed before then leaves the
/// output as it was; one killed while moving them in is finished by the next run that takes
/// the folder ([`lock_output`]). So the output is always one run's set of formats, never two
/// runs' mixed.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    names: Vec<String>,
}

impl Staging {
    /// Starts staging for the output folder `out`, which this run holds (`_lock`).
    pub fn start(out: &Path, _lock: &OutputLock) -> io::Result<Self> {
        let staging = out.join(STAGING);
        if staging.exists() {
            fs::remove_dir_all(&staging)?;
        }
        fs::create_dir_all(&staging)?;
        Ok(Self {
            out: out.to_owned(),
            names: Vec::new(),
        })
    }

    /// The folder to write the format `name` into (it will be `out/<name>`).
    pub fn dir(&mut self, name: &str) -> PathBuf {
        if !self.names.iter().any(|n| n == name) {
            self.names.push(name.to_owned());
        }
        self.out.join(STAGING).join(name)
    }

    /// The staging folder (for a caller that writes several formats' folders into it).
    pub fn root(&self) -> PathBuf {
        self.out.join(STAGING)
    }

    /// Moves every format written into its place in the output folder: first records that the
    /// run is complete (a journal), then swaps each format's folder, then clears up.
    pub fn publish(self) -> io::Result<()> {
        let names: Vec<&str> = self
            .names
            .iter()
            .map(String::as_str)
            .filter(|n| self.out.join(STAGING).join(n).exists())
            .collect();
        write_atomic(&self.out.join(JOURNAL), names.join("\n").as_bytes())?;
        move_in(&self.out, &names)
    }
}

/// Moves the staged formats `names` into `out`, each replacing its old folder, then removes
/// what is left of the run (idempotent: a run killed half-way is finished by doing it again).
fn move_in(out: &Path, names: &[&str]) -> io::Result<()> {
    let (staging, replaced) = (out.join(STAGING), out.join(REPLACED));
    for name in names {
        let new = staging.join(name);
        if !new.exists() {
            continue; // moved in already
        }
        let target = out.join(name);
        if target.exists() {
            fs::create_dir_all(&replaced)?;
            let old = replaced.join(name);
            if old.exists() {
                fs::remove_dir_all(&old)?;
            }
            fs::rename(&target, &old)?;
        }
        fs::rename(&new, &target)?;
    }
    for leftover in [&replaced, &staging] {
        if leftover.exists() {
            fs::remove_dir_all(leftover)?;
        }
    }
    match fs::remove_file(out.join(JOURNAL)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// What a killed run left: a complete run that was moving its formats in is finished; one
/// that had not finished writing is dropped.
fn finish_or_drop_staging(out: &Path) -> io::Result<()> {
    match fs::read_to_string(out.join(JOURNAL)) {
        Ok(journal) => {
            let names: Vec<&str> = journal.lines().filter(|l| !l.is_empty()).collect();
            move_in(out, &names)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            for leftover in [out.join(STAGING), out.join(REPLACED)] {
                if leftover.exists() {
                    fs::remove_dir_all(&leftover)?;
                }
            }
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// Removes the temporary files of [`AtomicFile`]s (`.NAME.XXXXXX.tmp`) under `dir`, `depth`
/// folders deep; what cannot be removed stays.
fn remove_stale_temps(dir: &Path, depth: usize) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if kind.is_dir() && depth > 0 && !name.starts_with('.') {
            remove_stale_temps(&entry.path(), depth - 1);
        } else if kind.is_file() && name.starts_with('.') && name.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Commits a set of files that belong together (one per table): first checks that no folder
/// stands where one of them goes, so that such an export fails before any file is renamed,
/// then renames each into place. Returns their paths, or the path that failed and why.
pub fn commit_all(files: Vec<AtomicFile>) -> Result<Vec<PathBuf>, (PathBuf, io::Error)> {
    if let Some(f) = files.iter().find(|f| f.path().is_dir()) {
        let err = io::Error::new(io::ErrorKind::IsADirectory, "a folder is in the way");
        return Err((f.path().to_owned(), err));
    }
    let mut paths = Vec::with_capacity(files.len());
    for file in files {
        let path = file.path().to_owned();
        file.commit().map_err(|e| (path.clone(), e))?;
        paths.push(path);
    }
    Ok(paths)
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.inner {
            Target::Temp(t) => t.write(buf),
            Target::Stream(f) => f.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.inner {
            Target::Temp(t) => t.flush(),
            Target::Stream(f) => f.flush(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_names_each_problem() {
        assert!(matches!(decode(b"  \n".to_vec()), Err(Problem::Empty)));
        assert!(matches!(
            decode(b"ab\0c".to_vec()),
            Err(Problem::Binary { offset: 2 })
        ));
        // A byte no likely encoding reads as text.
        assert!(matches!(
            decode(b"abc\x81".to_vec()),
            Err(Problem::InvalidUtf8 { offset: 3 })
        ));
        assert_eq!(decode("caf\u{e9}".into()).unwrap().text, "caf\u{e9}");
        // An old page in windows-1252 reads as it shows.
        let old = decode(b"The NEC met \x96 and agreed \x93the budget\x94.".to_vec()).unwrap();
        assert_eq!(
            old.text,
            "The NEC met \u{2013} and agreed \u{201c}the budget\u{201d}."
        );
        assert_eq!(old.encoding, Some("windows-1252"));
    }

    /// Issue 17: `-o /dev/null` run as root replaced the system's /dev/null with a file.
    #[cfg(unix)]
    #[test]
    fn writing_to_a_device_writes_in_place_and_never_replaces_it() {
        let before = fs::metadata("/dev/null").unwrap();
        let mut file = AtomicFile::create(Path::new("/dev/null")).unwrap();
        // Checked before anything is committed: were it a temporary file, dropping it here
        // leaves the device alone.
        assert!(matches!(file.inner, Target::Stream(_)), "written in place");
        file.write_all(b"gone").unwrap();
        file.commit().unwrap();
        let after = fs::metadata("/dev/null").unwrap();
        use std::os::unix::fs::FileTypeExt;
        assert!(after.file_type().is_char_device());
        use std::os::unix::fs::MetadataExt;
        assert_eq!(before.ino(), after.ino(), "the same device");
    }

    /// Issue 17: `-o` on a link turned the link into a plain file.
    #[cfg(unix)]
    #[test]
    fn writing_through_a_link_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("data/real.json");
        fs::create_dir_all(real.parent().unwrap()).unwrap();
        fs::write(&real, b"old").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("data/real.json", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).unwrap(), b"new");
        // A link to nothing yet: its target is made.
        let dangling = dir.path().join("later.json");
        std::os::unix::fs::symlink("data/later-target.json", &dangling).unwrap();
        write_atomic(&dangling, b"made").unwrap();
        assert!(
            fs::symlink_metadata(&dangling)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::read(dir.path().join("data/later-target.json")).unwrap(),
            b"made"
        );
        // A loop of links is an error, not a hang.
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        assert!(write_atomic(&a, b"x").is_err());
    }

    /// Issue 17: a named pipe is written as a stream, not replaced.
    #[cfg(unix)]
    #[test]
    fn writing_to_a_fifo_streams_into_it() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo on this system
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read(&fifo).unwrap())
        };
        write_atomic(&fifo, b"through the pipe").unwrap();
        assert_eq!(reader.join().unwrap(), b"through the pipe");
        use std::os::unix::fs::FileTypeExt;
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    }

    /// Issue 17: file names that are not UTF-8, or that start with `-`, are read like others.
    #[cfg(unix)]
    #[test]
    fn odd_file_names_are_read() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let odd = dir
            .path()
            .join(std::ffi::OsStr::from_bytes(b"caf\xe9 report.txt"));
        fs::write(&odd, "NEC report").unwrap();
        fs::write(dir.path().join("-dash.txt"), "NEC report too").unwrap();
        let listing = list(&[dir.path().to_owned()], &["txt".to_owned()]);
        let files: Vec<InputFile> = listing.files.into_iter().map(Result::unwrap).collect();
        assert_eq!(files.len(), 2);
        for f in &files {
            let doc = read_document(&f.path, &f.display, &Limits::default()).unwrap();
            assert!(doc.text.starts_with("NEC report"));
        }
        assert!(
            files.iter().any(|f| f.relative == "caf\u{fffd} report.txt"),
            "shown with a replacement character"
        );
        assert!(files.iter().any(|f| f.relative == "-dash.txt"));
    }

    /// Issue 17: a FIFO named `x.txt` (or a FIFO sidecar) hung the run; `/dev/zero` was read
    /// until memory ran out.
    #[cfg(unix)]
    #[test]
    fn fifos_and_devices_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.txt");
        if !std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success())
        {
            return;
        }
        let err = read_document(&fifo, "x.txt", &Limits::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.txt: not a regular file (a named pipe), skipped"
        );
        let err =
            read_document(Path::new("/dev/zero"), "/dev/zero", &Limits::default()).unwrap_err();
        assert!(err.to_string().contains("a device"), "{err}");
        // In a folder: passed over and counted; the report beside it is read.
        fs::write(dir.path().join("a.txt"), "NEC report").unwrap();
        let listing = list(&[dir.path().to_owned()], &["txt".to_owned()]);
        assert_eq!(listing.files.len(), 1);
        assert_eq!(listing.skipped.get("(not a regular file)"), Some(&1));
        // A FIFO sidecar is an error naming it, not a hang.
        let report = dir.path().join("b.txt");
        fs::write(&report, "NEC report").unwrap();
        std::process::Command::new("mkfifo")
            .arg(dir.path().join("b.meta.json"))
            .status()
            .unwrap();
        let err = read_sidecar(&report).unwrap_err().to_string();
        assert!(
            err.contains("b.meta.json") && err.contains("named pipe"),
            "{err}"
        );
    }

    /// Issue 17: a sidecar's `"published": "0000-01-01"` gave dates like `-001-01-24`, and a
    /// URL that is no web address passed through.
    #[test]
    fn a_sidecar_with_a_date_out_of_range_or_a_bad_url_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let report = dir.path().join("r.txt");
        fs::write(&report, "NEC report").unwrap();
        for (sidecar, why) in [
            (r#"{"published": "0000-01-01"}"#, "0000-01-01"),
            (r#"{"published": "2020-+1-+5"}"#, "2020-+1-+5"),
            (
                r#"{"url": "file:///etc/passwd"}"#,
                "not an absolute http(s) address",
            ),
            (
                r#"{"url": "labourlist.org/2018"}"#,
                "not an absolute http(s) address",
            ),
        ] {
            fs::write(dir.path().join("r.meta.json"), sidecar).unwrap();
            let err = read_sidecar(&report).expect_err(sidecar).to_string();
            assert!(err.contains("r.meta.json") && err.contains(why), "{err}");
        }
        fs::write(
            dir.path().join("r.meta.json"),
            r#"{"url": "HTTPS://Example.org/a", "published": "2020-07"}"#,
        )
        .unwrap();
        assert!(read_sidecar(&report).unwrap().is_some());
    }

    /// Takes `out` for a test. Another test of this process that starts a program (`mkfifo`)
    /// holds a copy of a just-closed lock's descriptor until the program starts: wait it out.
    fn hold(out: &Path) -> OutputLock {
        for _ in 0..500 {
            match lock_output(out) {
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                other => return other.unwrap(),
            }
        }
        panic!("{} stays held", out.display())
    }

    /// Issue 17: each format committed on its own, so a full disk or a kill during the
    /// commits left formats of two runs side by side.
    #[test]
    fn formats_take_their_places_together_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let write = |name: &str, text: &str| {
            let lock = hold(out);
            let mut staging = Staging::start(out, &lock).unwrap();
            for format in ["csv", "json"] {
                let d = staging.dir(format);
                fs::create_dir_all(&d).unwrap();
                fs::write(d.join(name), text).unwrap();
            }
            staging
        };
        write("a.txt", "old").publish().unwrap();
        assert_eq!(fs::read_to_string(out.join("csv/a.txt")).unwrap(), "old");
        // A run killed while writing: the output is the old set, the staging dropped.
        drop(write("a.txt", "half"));
        let lock = hold(out);
        assert_eq!(fs::read_to_string(out.join("json/a.txt")).unwrap(), "old");
        assert!(!out.join(STAGING).exists());
        drop(lock);
        // A run killed after its journal, half-way through moving in: the next run finishes it.
        let staging = write("a.txt", "new");
        write_atomic(&out.join(JOURNAL), b"csv\njson").unwrap();
        fs::rename(out.join("csv"), out.join("csv-moved-away")).unwrap();
        fs::create_dir_all(out.join(REPLACED)).unwrap();
        fs::rename(out.join("csv-moved-away"), out.join(REPLACED).join("csv")).unwrap();
        fs::rename(out.join(STAGING).join("csv"), out.join("csv")).unwrap();
        drop(staging);
        let _lock = hold(out);
        for format in ["csv", "json"] {
            assert_eq!(
                fs::read_to_string(out.join(format).join("a.txt")).unwrap(),
                "new"
            );
        }
        for leftover in [STAGING, REPLACED, JOURNAL] {
            assert!(!out.join(leftover).exists(), "{leftover}");
        }
    }

    /// Issue 17: killed runs left hidden `.tmp` files that were never removed, and two builds
    /// on one folder were not kept apart.
    #[test]
    fn an_output_folder_is_held_by_one_run_and_cleaned_of_stale_temps() {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("csv");
        fs::create_dir_all(&csv).unwrap();
        fs::write(csv.join(".figures.csv.a1B2c3.tmp"), b"half written").unwrap();
        fs::write(csv.join("figures.csv"), b"kept").unwrap();
        let lock = hold(dir.path());
        assert!(
            !csv.join(".figures.csv.a1B2c3.tmp").exists(),
            "stale temp removed"
        );
        assert_eq!(fs::read(csv.join("figures.csv")).unwrap(), b"kept");
        let err = lock_output(dir.path()).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::WouldBlock);
        drop(lock);
        hold(dir.path());
    }

    #[test]
    fn uncommitted_file_leaves_old_content() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        write_atomic(&path, b"old").unwrap();
        {
            let mut f = AtomicFile::create(&path).unwrap();
            f.write_all(b"new but failed").unwrap();
        }
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp file left"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o644, "outputs are readable by everyone");
        }
    }

    #[test]
    fn commit_all_renames_nothing_when_a_folder_is_in_the_way() {
        let dir = tempfile::tempdir().unwrap();
        let files = |names: &[&str]| -> Vec<AtomicFile> {
            names
                .iter()
                .map(|n| {
                    let mut f = AtomicFile::create(&dir.path().join(n)).unwrap();
                    f.write_all(n.as_bytes()).unwrap();
                    f
                })
                .collect()
        };
        fs::create_dir(dir.path().join("b.txt")).unwrap();
        let (path, err) = commit_all(files(&["a.txt", "b.txt"])).unwrap_err();
        assert!(path.ends_with("b.txt"), "{}", path.display());
        assert_eq!(err.kind(), io::ErrorKind::IsADirectory);
        assert!(!dir.path().join("a.txt").exists(), "nothing renamed");
        let written = commit_all(files(&["a.txt", "c.txt"])).unwrap();
        assert_eq!(written.len(), 2);
        assert_eq!(fs::read(dir.path().join("c.txt")).unwrap(), b"c.txt");
    }

    #[cfg(unix)]
    #[test]
    fn discover_follows_links_to_folders_and_reports() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("b")).unwrap();
        for p in ["a.txt", "b/1.txt", "b/1.expected.json"] {
            fs::write(dir.path().join(p), "x").unwrap();
        }
        std::os::unix::fs::symlink(dir.path().join("b"), dir.path().join("c")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("a.txt"), dir.path().join("d.txt")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("nowhere"), dir.path().join("e.txt")).unwrap();
        let shown: Vec<String> = discover(&[dir.path().join("")])
            .into_iter()
            .map(|r| {
                let f = r.unwrap();
                let shown = f
                    .display
                    .strip_prefix(&*dir.path().to_string_lossy())
                    .unwrap();
                shown.to_owned()
            })
            .collect();
        // A dangling link named like a report is listed; reading it fails, with its name.
        assert_eq!(
            shown,
            ["/a.txt", "/b/1.txt", "/c/1.txt", "/d.txt", "/e.txt"]
        );
    }

    /// Regression: the hand-written walk followed `sub/up -> ..` round and round until the
    /// path grew too long, listing each report 41 times.
    #[cfg(unix)]
    #[test]
    fn symlink_loop_gives_each_report_once() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("sub/deeper")).unwrap();
        for p in ["a.txt", "sub/b.txt", "sub/deeper/c.txt"] {
            fs::write(dir.path().join(p), "x").unwrap();
        }
        symlink("..", dir.path().join("sub/up")).unwrap();
        symlink("../..", dir.path().join("sub/deeper/top")).unwrap();
        symlink(".", dir.path().join("sub/deeper/here")).unwrap();
        // A file link round in circles, named like a report: listed, and reading it fails.
        symlink("self.txt", dir.path().join("self.txt")).unwrap();
        let root = dir.path().display().to_string();
        let found: Vec<Result<String, String>> = discover(&[dir.path().to_owned()])
            .into_iter()
            .map(|r| r.map(|f| f.display).map_err(|e| e.to_string()))
            .collect();
        let looped = |link: &str, to: &str| {
            Err(format!(
                "{root}/{link}: symbolic link loop: leads back to {to}, not walked again"
            ))
        };
        assert_eq!(
            found,
            [
                Ok(format!("{root}/a.txt")),
                Ok(format!("{root}/self.txt")),
                Ok(format!("{root}/sub/b.txt")),
                Ok(format!("{root}/sub/deeper/c.txt")),
                looped("sub/deeper/here", &format!("{root}/sub/deeper")),
                looped("sub/deeper/top", &root),
                looped("sub/up", &root),
            ]
        );
        let err = read_document(&dir.path().join("self.txt"), "self.txt", &Limits::default())
            .unwrap_err();
        assert!(
            err.to_string().starts_with("self.txt: cannot read: "),
            "{err}"
        );

        // Walked from inside the loop, by a relative path: the same, once each.
        let inside = dir.path().join("sub");
        let found: Vec<String> = discover(&[inside.join("up")])
            .into_iter()
            .filter_map(Result::ok)
            .map(|f| f.display)
            .collect();
        let up = inside.join("up").display().to_string();
        assert_eq!(
            found,
            [
                format!("{up}/a.txt"),
                format!("{up}/self.txt"),
                format!("{up}/sub/b.txt"),
                format!("{up}/sub/deeper/c.txt"),
            ]
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn discover_keeps_the_paths_of_names_that_are_not_utf8() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join(OsStr::from_bytes(b"d\xfe"));
        fs::create_dir(&sub).unwrap();
        for name in [&b"a\xff.txt"[..], b"a\xfe.txt", b"b.txt"] {
            fs::write(sub.join(OsStr::from_bytes(name)), name).unwrap();
        }
        fs::write(dir.path().join("c.txt"), "c").unwrap();
        let files: Vec<InputFile> = discover(&[dir.path().to_owned()])
            .into_iter()
            .map(Result::unwrap)
            .collect();
        let names: Vec<&[u8]> = files
            .iter()
            .map(|f| {
                f.path
                    .strip_prefix(dir.path())
                    .unwrap()
                    .as_os_str()
                    .as_bytes()
            })
            .collect();
        // Shown alike (`a\u{fffd}.txt`), the two are in the order of their paths.
        assert_eq!(
            names,
            [
                &b"c.txt"[..],
                b"d\xfe/a\xfe.txt",
                b"d\xfe/a\xff.txt",
                b"d\xfe/b.txt"
            ]
        );
        for f in &files {
            let want = f.path.file_name().unwrap().as_bytes();
            assert_eq!(
                fs::read(&f.path).unwrap(),
                if want == b"c.txt" { b"c" } else { want }
            );
        }
        assert!(files[1].display.ends_with("/d\u{fffd}/a\u{fffd}.txt"));
        assert_eq!(files[0].path, dir.path().join("c.txt"));
    }

    #[test]
    fn discover_walks_sorted_and_reports_problems() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("b")).unwrap();
        for p in [
            "b/2.txt",
            "a.txt",
            "b/1.txt",
            "b/1.meta.json",
            ".hidden.txt",
            "c.md",
        ] {
            fs::write(dir.path().join(p), "x").unwrap();
        }
        let found: Vec<String> = discover(&[dir.path().to_owned()])
            .into_iter()
            .map(|r| {
                r.unwrap()
                    .path
                    .strip_prefix(dir.path())
                    .unwrap()
                    .display()
                    .to_string()
            })
            .collect();
        assert_eq!(found, ["a.txt", "b/1.txt", "b/2.txt"]);
        let empty = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope");
        // Files and errors come in the order of the inputs.
        let mixed: Vec<String> = discover(&[
            missing.clone(),
            dir.path().join("b"),
            missing.clone(),
            empty.path().to_owned(),
            dir.path().join("a.txt"),
        ])
        .iter()
        .map(|r| match r {
            Ok(f) => f.path.file_name().unwrap().to_string_lossy().into_owned(),
            Err(e) => e.problem.to_string(),
        })
        .collect();
        assert_eq!(
            mixed,
            [
                "no such file or directory",
                "1.txt",
                "2.txt",
                "no such file or directory",
                "no reports (files of the extensions read) in this directory",
                "a.txt"
            ]
        );
        let listing = discover(&[empty.path().to_owned(), missing]);
        let errs: Vec<_> = listing.iter().collect();
        assert!(matches!(
            errs[0],
            Err(InputError {
                problem: Problem::NoReports,
                ..
            })
        ));
        assert!(matches!(
            errs[1],
            Err(InputError {
                problem: Problem::NotFound,
                ..
            })
        ));
    }
}
