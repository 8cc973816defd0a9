//! Links every built-in nectar plugin, one Cargo feature each, and hands out the registry.
//!
//! The linker drops a crate that nothing names, and with it the plugins it registers through
//! `inventory`. This crate names each plugin crate (`extern crate`), and the CLI and the tests
//! call [`registry`], so the plugins are always linked. [`expected_parsers`],
//! [`expected_exporters`] and [`expected_charts`] list what the enabled features should
//! register; a test checks that the registry holds exactly those.
//!
//! ```
//! let registry = nectar_plugins::registry().unwrap();
//! let names: Vec<&str> = registry.parsers().iter().map(|p| p.name).collect();
//! assert!(names.contains(&"generic"));
//! ```
#![deny(missing_docs)]

#[cfg(feature = "chart-plotters")]
extern crate nectar_chart_plotters;
#[cfg(feature = "export-arrow")]
extern crate nectar_export_arrow;
#[cfg(feature = "export-csv")]
extern crate nectar_export_csv;
#[cfg(feature = "export-json")]
extern crate nectar_export_json;
#[cfg(feature = "export-parquet")]
extern crate nectar_export_parquet;
#[cfg(feature = "export-sqlite")]
extern crate nectar_export_sqlite;
#[cfg(feature = "parse-blogger")]
extern crate nectar_parse_blogger;
#[cfg(feature = "parse-clga")]
extern crate nectar_parse_clga;
#[cfg(feature = "parse-facebook")]
extern crate nectar_parse_facebook;
#[cfg(feature = "parse-generic")]
extern crate nectar_parse_generic;
#[cfg(feature = "parse-labourlist")]
extern crate nectar_parse_labourlist;
#[cfg(feature = "parse-progress")]
extern crate nectar_parse_progress;
#[cfg(feature = "parse-typepad")]
extern crate nectar_parse_typepad;
#[cfg(feature = "parse-wordpress")]
extern crate nectar_parse_wordpress;

use nectar_registry::{Registry, RegistryError};

/// Every plugin linked into this program, checked and sorted.
pub fn registry() -> Result<Registry, RegistryError> {
    Registry::collect()
}

/// The parser names the enabled features register, sorted.
pub fn expected_parsers() -> Vec<&'static str> {
    let mut names = Vec::new();
    let features = [
        (cfg!(feature = "parse-blogger"), "blogger"),
        (cfg!(feature = "parse-clga"), "clga"),
        (cfg!(feature = "parse-generic"), "generic"),
        (cfg!(feature = "parse-labourlist"), "labourlist"),
        (cfg!(feature = "parse-progress"), "progress"),
        (cfg!(feature = "parse-facebook"), "facebook"),
        (cfg!(feature = "parse-typepad"), "typepad"),
        (cfg!(feature = "parse-wordpress"), "wordpress"),
    ];
    names.extend(features.iter().filter(|(on, _)| *on).map(|(_, name)| *name));
    names.sort_unstable();
    names
}

/// The exporter names the enabled features register, sorted.
pub fn expected_exporters() -> Vec<&'static str> {
    let mut names = Vec::new();
    if cfg!(feature = "export-arrow") {
        names.push("arrow");
    }
    if cfg!(feature = "export-csv") {
        names.push("csv");
    }
    if cfg!(feature = "export-parquet") {
        names.push("parquet");
    }
    if cfg!(feature = "export-sqlite") {
        names.push("sqlite");
    }
    if cfg!(feature = "export-json") {
        names.extend(["json", "ndjson"]);
    }
    names.sort_unstable();
    names
}

/// The chart names the enabled features register, sorted.
pub fn expected_charts() -> Vec<&'static str> {
    let mut names = Vec::new();
    if cfg!(feature = "chart-plotters") {
        names.extend(["durations", "meetings", "membership", "votes"]);
    }
    names.sort_unstable();
    names
}
