//! Stage 1, ingest: a GeoJSON document cut into its features before any feature is parsed, so
//! that what is wrong inside one feature (a number out of range such as `1e309`, a member
//! given twice) rejects that feature only. What makes the file unreadable — broken JSON, a
//! member of the collection given twice (`"features"` twice would otherwise keep only the
//! last) — is one error for the file.

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserializer;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

/// What a JSON document is, as far as GeoJSON is concerned.
#[derive(Debug)]
pub enum Document<'a> {
    /// A FeatureCollection's features, unparsed.
    Collection(Vec<&'a RawValue>),
    /// A single Feature.
    Feature(&'a str),
    /// Some other JSON (incimap's own incident arrays).
    Other,
}

/// Cuts `text` into features; an error for broken JSON, a duplicate member of the top-level
/// object, or a FeatureCollection without a `"features"` array.
pub fn split(text: &str) -> Result<Document<'_>, String> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let top = deserializer
        .deserialize_any(TopVisitor)
        .map_err(|e| e.to_string())?;
    deserializer.end().map_err(|e| e.to_string())?;
    match top {
        Top::Collection(Some(features)) => Ok(Document::Collection(features)),
        Top::Collection(None) => {
            Err("expected a \"features\" array in the FeatureCollection".to_string())
        }
        Top::Feature => Ok(Document::Feature(text)),
        Top::Other => Ok(Document::Other),
    }
}

/// Parses one feature (or any JSON value), refusing members given twice in any object.
pub fn parse_unique(text: &str) -> Result<Value, String> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = UniqueValue
        .deserialize(&mut deserializer)
        .map_err(|e| e.to_string())?;
    deserializer.end().map_err(|e| e.to_string())?;
    Ok(value)
}

enum Top<'a> {
    Collection(Option<Vec<&'a RawValue>>),
    Feature,
    Other,
}

struct TopVisitor;

impl<'de> Visitor<'de> for TopVisitor {
    type Value = Top<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON document")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top<'de>, A::Error> {
        let mut seen: Vec<String> = Vec::new();
        let mut kind: Option<String> = None;
        let mut features: Option<Vec<&'de RawValue>> = None;
        while let Some(key) = map.next_key::<String>()? {
            if seen.contains(&key) {
                return Err(de::Error::custom(format!(
                    "the member {key:?} is given twice"
                )));
            }
            match key.as_str() {
                "type" => kind = map.next_value::<Value>()?.as_str().map(str::to_string),
                "features" => features = map.next_value::<Option<Vec<&RawValue>>>()?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            seen.push(key);
        }
        Ok(match kind.as_deref() {
            Some("FeatureCollection") => Top::Collection(features),
            Some("Feature") => Top::Feature,
            _ => Top::Other,
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Top<'de>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Top::Other)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }
    fn visit_str<E>(self, _: &str) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }
    fn visit_unit<E>(self) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }
}

/// A `serde_json::Value`, built with an error for a member given twice.
struct UniqueValue;

impl<'de> DeserializeSeed<'de> for UniqueValue {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(UniqueVisitor)
    }
}

struct UniqueVisitor;

impl<'de> Visitor<'de> for UniqueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(UniqueValue)?;
            if object.insert(key.clone(), value).is_some() {
                return Err(de::Error::custom(format!(
                    "the member {key:?} is given twice"
                )));
            }
        }
        Ok(Value::Object(object))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(UniqueValue)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_members_are_errors_and_bad_numbers_stay_in_their_feature() {
        let twice = r#"{"type":"FeatureCollection","features":[],"features":[]}"#;
        assert!(split(twice)
            .unwrap_err()
            .contains("\"features\" is given twice"));
        let text = r#"{"type":"FeatureCollection","features":[{"a":1e309},{"a":2}]}"#;
        let Document::Collection(features) = split(text).unwrap() else {
            panic!("a collection")
        };
        assert_eq!(features.len(), 2);
        assert!(parse_unique(features[0].get()).is_err());
        assert_eq!(parse_unique(features[1].get()).unwrap()["a"], 2);
        assert!(parse_unique(r#"{"a":1,"a":2}"#).is_err());
        assert!(matches!(split("[1,2]"), Ok(Document::Other)));
    }
}
