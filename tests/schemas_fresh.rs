//! `schemas/` at the workspace root holds exactly what the model generates. When this fails,
//! run `cargo run -p nectar-cli -- schema --out schemas` and commit the result.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::path::Path;

#[test]
fn checked_in_schemas_are_fresh() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas");
    let mut stale = Vec::new();
    for (name, generated) in nectar_model::schema::all() {
        let path = dir.join(name);
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        if on_disk != generated {
            let diff = similar::TextDiff::from_lines(&on_disk, &generated);
            stale.push(format!(
                "{name} is stale:\n{}",
                diff.unified_diff()
                    .context_radius(2)
                    .header("schemas (on disk)", "generated")
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "{}\nregenerate with: cargo run -p nectar-cli -- schema --out schemas",
        stale.join("\n")
    );
}
