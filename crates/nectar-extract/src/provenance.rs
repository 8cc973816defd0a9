//! Every row's provenance: the rule that read it, and a confidence measured for that rule.
//!
//! The rules are listed in `data/rules.toml`, each with what it reads and how its rows scored
//! on the real reports nectar is measured on (`right` of `rows`, from `nectar eval --truth
//! complete.json`, which prints every rule's score). The confidence is that share, smoothed
//! so that a rule seen on few rows stays near one half: `(right + 1) / (rows + 2)`.

use std::sync::LazyLock;

use nectar_model::Provenance;
use serde::Deserialize;

/// One rule of `data/rules.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleInfo {
    /// `table.cue` (`votes.by_n_to_m`).
    pub name: String,
    /// What it reads, in a line.
    pub reads: String,
    /// Its rows that were right on the measured reports.
    pub right: u32,
    /// Its rows on the measured reports (optional rows not counted).
    pub rows: u32,
}

impl RuleInfo {
    /// `(right + 1) / (rows + 2)`, to two places.
    pub fn confidence(&self) -> f64 {
        let c = (f64::from(self.right) + 1.0) / (f64::from(self.rows) + 2.0);
        (c * 100.0).round() / 100.0
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    rule: Vec<RuleInfo>,
}

static RULES: LazyLock<Vec<RuleInfo>> = LazyLock::new(|| {
    toml::from_str::<RulesFile>(include_str!("../data/rules.toml"))
        .expect("data/rules.toml is valid")
        .rule
});

/// Every rule that makes a row, in the order of `data/rules.toml`.
///
/// ```
/// let rules = nectar_extract::rules();
/// assert!(rules.iter().any(|r| r.name == "votes.by_n_to_m"));
/// assert!(rules.iter().all(|r| (0.0..=1.0).contains(&r.confidence())));
/// ```
pub fn rules() -> &'static [RuleInfo] {
    &RULES
}

/// The provenance of a row read by the rule `name` (`table.cue`). A rule missing from the
/// file is a bug that tests catch; in a release build its rows get confidence one half.
pub(crate) fn by(name: &str) -> Provenance {
    let found = RULES.iter().find(|r| r.name == name);
    debug_assert!(found.is_some(), "rule {name} is not in data/rules.toml");
    Provenance {
        rule: name.to_owned(),
        confidence: found.map_or(0.5, RuleInfo::confidence),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_file_is_consistent() {
        let mut names: Vec<&str> = RULES.iter().map(|r| r.name.as_str()).collect();
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n, "rule names are unique");
        for r in rules() {
            assert!(r.right <= r.rows, "{}", r.name);
            let (table, cue) = r.name.split_once('.').expect("table.cue");
            assert!(
                ["decisions", "votes", "figures", "agenda_items", "people"].contains(&table),
                "{}",
                r.name
            );
            assert!(!cue.is_empty() && !r.reads.is_empty(), "{}", r.name);
        }
    }

    #[test]
    fn confidence_is_the_smoothed_share_right() {
        let r = |right, rows| RuleInfo {
            name: "votes.x".into(),
            reads: "x".into(),
            right,
            rows,
        };
        assert_eq!(r(0, 0).confidence(), 0.5);
        assert_eq!(r(8, 8).confidence(), 0.9);
        assert_eq!(r(1, 8).confidence(), 0.2);
    }
}
