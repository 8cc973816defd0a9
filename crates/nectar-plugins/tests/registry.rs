//! The registry holds exactly the plugins the enabled features imply: a dropped registration
//! (a plugin crate the linker threw away) fails here.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[test]
fn registered_names_are_exactly_the_enabled_plugins() {
    let registry = nectar_plugins::registry().expect("no duplicate or malformed names");
    let parsers: Vec<&str> = registry.parsers().iter().map(|p| p.name).collect();
    let exporters: Vec<&str> = registry.exporters().iter().map(|e| e.name).collect();
    assert_eq!(parsers, nectar_plugins::expected_parsers());
    assert_eq!(exporters, nectar_plugins::expected_exporters());
    let charts: Vec<&str> = registry.charts().iter().map(|c| c.name).collect();
    assert_eq!(charts, nectar_plugins::expected_charts());
    for name in charts {
        assert_eq!(registry.chart(name).map(|c| c.name), Some(name));
    }
    assert!(registry.chart("pie").is_none());
}

#[test]
fn every_plugin_describes_itself() {
    let registry = nectar_plugins::registry().unwrap();
    for p in registry.parsers() {
        assert!(
            !p.description.is_empty() && p.description.ends_with('.'),
            "{}",
            p.name
        );
        assert_eq!(p.version, env!("CARGO_PKG_VERSION"), "{}", p.name);
    }
    for e in registry.exporters() {
        assert!(
            !e.description.is_empty() && e.description.ends_with('.'),
            "{}",
            e.name
        );
        assert!(!e.writes.is_empty(), "{}", e.name);
    }
    for c in registry.charts() {
        assert!(
            !c.description.is_empty() && c.description.ends_with('.'),
            "{}",
            c.name
        );
        assert_eq!(c.version, env!("CARGO_PKG_VERSION"), "{}", c.name);
    }
}
