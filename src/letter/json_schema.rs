//! JSON Schemas of `missive.toml` and of a letter's front matter, generated from the serde
//! structs that read them (schemars), for TOML language servers (Taplo, Even Better TOML)
//! to complete and check keys. Draft 7, which those servers read.

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;

use super::front_matter::FrontMatter;
use super::house::HouseConfig;

/// The name of the schema file `missive init` writes next to `missive.toml`.
pub const HOUSE_SCHEMA_FILE: &str = "missive.schema.json";

/// The schema of `missive.toml`, as pretty-printed JSON with a final line end.
pub fn house() -> String {
    schema_of::<HouseConfig>()
}

/// The schema of a letter's front matter, as pretty-printed JSON with a final line end.
pub fn letter() -> String {
    schema_of::<FrontMatter>()
}

fn schema_of<T: JsonSchema>() -> String {
    let schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>();
    // A schema is plain JSON values: serializing it cannot fail.
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_refused_and_keys_described() {
        let house: serde_json::Value = serde_json::from_str(&house()).unwrap();
        assert_eq!(house["additionalProperties"], false);
        assert!(house["properties"]["letterhead"].is_object());
        let letter: serde_json::Value = serde_json::from_str(&letter()).unwrap();
        assert_eq!(letter["additionalProperties"], false);
        assert_eq!(letter["properties"]["date"]["format"], "date");
        assert!(
            letter["properties"]["subject"]["description"]
                .as_str()
                .is_some_and(|d| d.contains("Subject"))
        );
    }
}
