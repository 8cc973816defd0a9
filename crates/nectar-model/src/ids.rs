//! Stable IDs: a report's from where it was published (its URL), or from its file's bytes when
//! it has none; a fact's from its report and its quote. Nothing a parser reads into a report
//! (a date, a position among facts) goes into an ID, so a better parser keeps the IDs of the
//! facts it still finds, and a citation made today still names the same row tomorrow.
//!
//! ```
//! use nectar_model::ids::{self, FactKind};
//! let url = "https://labourlist.org/2018/03/a-report/?utm_source=feed";
//! let id = ids::report_id(Some(url), "51b0b56cb4c41a34ff");
//! assert_eq!(id, ids::report_id(Some("http://www.labourlist.org/2018/03/a-report/"), "other"));
//! assert!(id.starts_with("labourlist.org-"));
//! assert_eq!(ids::report_id(None, "51b0b56cb4c41a34ff"), "sha256-51b0b56cb4c4");
//! let figure = ids::fact_id(&id, FactKind::Figure, "over 500,000 members", 0);
//! assert!(figure.starts_with(&format!("{id}/f-")));
//! // The second fact of a kind with the same quote gets a suffix.
//! assert_eq!(ids::fact_id(&id, FactKind::Figure, "over 500,000 members", 1), format!("{figure}-2"));
//! ```

use sha2::{Digest, Sha256};

/// The kinds of fact that get IDs, each with a one-letter tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactKind {
    /// A meeting (`m`).
    Meeting,
    /// A figure (`f`).
    Figure,
    /// A vote (`v`).
    Vote,
    /// A decision (`d`).
    Decision,
}

impl FactKind {
    fn tag(self) -> &'static str {
        match self {
            Self::Meeting => "m",
            Self::Figure => "f",
            Self::Vote => "v",
            Self::Decision => "d",
        }
    }
}

/// The first `n` hex digits of the SHA-256 of `text`.
pub fn short_hash(text: &str, n: usize) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for b in digest {
        hex.push_str(&format!("{b:02x}"));
    }
    hex.truncate(n);
    hex
}

/// Query parameters that only track how a reader came to a page (`utm_source`, `fbclid`): a
/// URL means the same page without them.
fn is_tracking(param: &str) -> bool {
    let name = param.split('=').next().unwrap_or("").to_ascii_lowercase();
    name.starts_with("utm_") || matches!(name.as_str(), "fbclid" | "gclid" | "mc_cid" | "mc_eid")
}

/// A URL as the same page's every address reads: no scheme, host in lower case without
/// `www.` or a port, no fragment, no tracking parameters, no trailing `/`
/// (`https://www.Example.org/a/?utm_source=x#top` is `example.org/a`).
pub fn url_key(url: &str) -> String {
    let url = url.trim();
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let rest = rest.split('#').next().unwrap_or("");
    let (host_path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (host, path) = host_path.split_at(host_path.find('/').unwrap_or(host_path.len()));
    let host = host.rsplit('@').next().unwrap_or(host).to_ascii_lowercase();
    let host = host.split(':').next().unwrap_or("");
    let host = host.strip_prefix("www.").unwrap_or(host);
    let params: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !is_tracking(p))
        .collect();
    let mut key = format!("{host}{}", path.trim_end_matches('/'));
    if !params.is_empty() {
        key.push('?');
        key.push_str(&params.join("&"));
    }
    key
}

/// A report's ID: the host it was published on and 10 hex digits of the hash of its
/// [`url_key`]; without a URL, `sha256-` and the first 12 hex digits of its file's SHA-256.
pub fn report_id(url: Option<&str>, sha256: &str) -> String {
    match url.map(url_key).filter(|k| !k.is_empty()) {
        Some(key) => {
            let host: String = key
                .split(['/', '?'])
                .next()
                .unwrap_or("")
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
                .collect();
            let host = if host.is_empty() { "url" } else { &host };
            format!("{host}-{}", short_hash(&key, 10))
        }
        None => format!("sha256-{}", sha256.get(..12).unwrap_or(sha256)),
    }
}

/// A fact's ID: its report's ID, its kind's tag and 8 hex digits of the hash of its quote;
/// `nth` counts the facts of its kind in the report with the same quote before it, and from
/// the second on the ID ends `-2`, `-3`, ...
pub fn fact_id(report_id: &str, kind: FactKind, quote: &str, nth: usize) -> String {
    let quote: Vec<&str> = quote.split_whitespace().collect();
    let hash = short_hash(&quote.join(" "), 8);
    match nth {
        0 => format!("{report_id}/{}-{hash}", kind.tag()),
        n => format!("{report_id}/{}-{hash}-{}", kind.tag(), n + 1),
    }
}

/// How many MinHash values a [`fingerprint`] holds.
const MINHASHES: usize = 16;
/// How many of them two texts share to be the same text ([`same_text`]): an estimated
/// Jaccard similarity of their word 5-grams of at least 3/4.
const SAME: usize = 12;
/// The fewest words a text has for a fingerprint.
const FEWEST_WORDS: usize = 50;

/// SplitMix64's finaliser: spreads `x` over 64 bits.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A text's fingerprint: MinHash over its word 5-grams (words in lower case, letters and digits
/// only), 16 values in hex, by one-permutation hashing (each 5-gram's hash falls in one of 16
/// bins, each keeping its least). Two texts whose fingerprints share most values are the same
/// text however their pages' clutter, spacing or punctuation differ ([`same_text`]). None for
/// a text under 50 words.
///
/// ```
/// use nectar_model::ids::{fingerprint, same_text};
/// let text = (0..80).map(|i| format!("word{i}")).collect::<Vec<_>>().join(" ");
/// let a = fingerprint(&text).unwrap();
/// let b = fingerprint(&format!("Posted by Jo.\n{}!", text.to_uppercase())).unwrap();
/// assert!(same_text(&a, &b));
/// let other = (0..80).map(|i| format!("other{i}")).collect::<Vec<_>>().join(" ");
/// assert!(!same_text(&a, &fingerprint(&other).unwrap()));
/// assert_eq!(fingerprint("too short"), None);
/// ```
pub fn fingerprint(text: &str) -> Option<String> {
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut buf = [0u8; 4];
            w.chars()
                .flat_map(char::to_lowercase)
                .fold(0xcbf2_9ce4_8422_2325, |h, c| {
                    c.encode_utf8(&mut buf).bytes().fold(h, |h, b| {
                        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
                    })
                })
        })
        .collect();
    if words.len() < FEWEST_WORDS {
        return None;
    }
    let mut mins = [u64::MAX; MINHASHES];
    for gram in words.windows(5) {
        let h = gram.iter().fold(0u64, |h, &w| mix(h ^ w));
        let bin = (h >> 60) as usize;
        mins[bin] = mins[bin].min(h & (u64::MAX >> 4));
    }
    Some(mins.iter().map(|m| format!("{m:016x}")).collect())
}

/// Whether two [`fingerprint`]s are of the same text: they share at least 12 of their 16
/// values.
pub fn same_text(a: &str, b: &str) -> bool {
    let values = |s: &str| -> Vec<String> {
        s.as_bytes()
            .chunks(16)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect()
    };
    let (a, b) = (values(a), values(b));
    a.len() == MINHASHES
        && b.len() == MINHASHES
        && a.iter().zip(&b).filter(|(x, y)| x == y).count() >= SAME
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_page_has_one_key_whatever_its_address() {
        let key = url_key("https://www.Example.org:443/nec/report/?utm_source=x&id=4#comments");
        assert_eq!(key, "example.org/nec/report?id=4");
        assert_eq!(url_key("http://example.org/nec/report?id=4"), key);
        assert_ne!(url_key("http://example.org/nec/report?id=5"), key);
    }

    #[test]
    fn fact_ids_ignore_how_the_quote_is_wrapped() {
        assert_eq!(
            fact_id("r", FactKind::Vote, "carried by\n 20 votes  to 3", 0),
            fact_id("r", FactKind::Vote, "carried by 20 votes to 3", 0)
        );
    }
}
