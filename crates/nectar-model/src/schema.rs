//! The JSON Schemas of nectar's output, generated from the model.
//!
//! ```
//! let schemas = nectar_model::schema::all();
//! assert!(schemas.iter().any(|(name, _)| *name == "corpus.schema.json"));
//! ```

use schemars::JsonSchema;

use crate::{Corpus, Report, Sidecar, TruthPage};

fn pretty<T: JsonSchema>() -> String {
    let schema = schemars::schema_for!(T);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Every schema, as `(file name, JSON text)`: the corpus (`nectar parse`, `corpus.json`), one
/// report (a line of `reports.ndjson`), the metadata sidecar users write, and the truth that
/// `nectar eval` scores against (an array of pages).
pub fn all() -> Vec<(&'static str, String)> {
    vec![
        ("corpus.schema.json", pretty::<Corpus>()),
        ("report.schema.json", pretty::<Report>()),
        ("sidecar.schema.json", pretty::<Sidecar>()),
        ("truth.schema.json", pretty::<Vec<TruthPage>>()),
    ]
}
