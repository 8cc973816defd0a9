//! What the page reader knows of web pages in general, read from `data/page.toml`.

use std::sync::LazyLock;

use serde::Deserialize;

/// The word lists of `data/page.toml` (see the file for what each means).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Words {
    /// Starts of lines that end a report's text.
    pub trailer: Vec<String>,
    /// Whole lines that are clutter anywhere.
    pub clutter: Vec<String>,
    /// Whole lines that are widgets in a page's header.
    pub widgets: Vec<String>,
    /// Whole lines that close a letter above the sender's name.
    pub valedictions: Vec<String>,
    /// Titles written before a person's name.
    pub honorifics: Vec<String>,
}

/// The lists, read once.
pub(crate) static WORDS: LazyLock<Words> = LazyLock::new(|| {
    toml::from_str(include_str!("../data/page.toml")).expect("data/page.toml is valid")
});

/// Whether `line` starts with `prefix`, ASCII letters compared without case.
pub(crate) fn starts_with_ignore_case(line: &str, prefix: &str) -> bool {
    line.len() >= prefix.len()
        && line.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_load_lowercase_and_trimmed() {
        for list in [
            &WORDS.trailer,
            &WORDS.clutter,
            &WORDS.widgets,
            &WORDS.valedictions,
            &WORDS.honorifics,
        ] {
            assert!(!list.is_empty());
            for w in list {
                assert_eq!(
                    w,
                    &w.to_lowercase(),
                    "{w:?} is matched without case: write it lowercase"
                );
                assert_eq!(w.trim_start(), w, "{w:?} starts with a space");
            }
        }
    }
}
