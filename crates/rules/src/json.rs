//! The draft's and the 申报人 list's JSON, read and written by hand instead of by serde's derived
//! code, which cost about a tenth of the wasm (measured: 124 KB raw, 33 KB brotli with the backup
//! envelope). Text is parsed into a `json_value::Value` and read from it field by field; it is
//! written straight to a string, fields in declaration order, spelled exactly as serde_json
//! spelled them (the tests compare both byte for byte).
//!
//! Reading follows `#[serde(default)]`: a missing field keeps the struct's default, an unknown one
//! is ignored, a value of the wrong kind is an error that names the field.

use crate::json_value::{Map, Value};
use std::collections::BTreeMap;

/// Read from a parsed JSON value.
pub trait FromJson: Sized {
    fn from_json(value: &Value) -> Result<Self, String>;
}

/// Written as JSON text.
pub trait ToJson {
    fn write_json(&self, out: &mut String);

    fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }
}

/// What kind of JSON value this is, in words.
pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "是非值",
        Value::Number(_) => "数字",
        Value::String(_) => "文字",
        Value::Array(_) => "列表",
        Value::Object(_) => "对象",
    }
}

fn wrong(value: &Value, wanted: &str) -> String {
    format!("应为{wanted}，实为{}", kind(value))
}

/// The object a struct is read from.
pub fn object(value: &Value) -> Result<&Map<String, Value>, String> {
    value.as_object().ok_or_else(|| wrong(value, "对象"))
}

/// The error of a member, with its name in front.
#[cold]
#[inline(never)]
fn inside(name: &str, error: String) -> String {
    format!("{name}：{error}")
}

/// Reads `name` into `slot` when the object has it. Never inlined: one copy per field type
/// serves every struct (the draft's reader would otherwise be one 19 KB function).
#[inline(never)]
pub fn field<T: FromJson>(
    object: &Map<String, Value>,
    name: &str,
    slot: &mut T,
) -> Result<(), String> {
    if let Some(value) = object.get(name) {
        *slot = T::from_json(value).map_err(|e| inside(name, e))?;
    }
    Ok(())
}

/// Reads `name`, which must be there.
#[inline(never)]
pub fn required<T: FromJson>(object: &Map<String, Value>, name: &str) -> Result<T, String> {
    match object.get(name) {
        Some(value) => T::from_json(value).map_err(|e| inside(name, e)),
        None => Err(format!("缺少 {name}")),
    }
}

impl FromJson for String {
    fn from_json(value: &Value) -> Result<Self, String> {
        value
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| wrong(value, "文字"))
    }
}

impl FromJson for bool {
    fn from_json(value: &Value) -> Result<Self, String> {
        value.as_bool().ok_or_else(|| wrong(value, "是非值"))
    }
}

macro_rules! integer {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(value: &Value) -> Result<Self, String> {
                let n = value.as_i64().map(i128::from).or_else(|| value.as_u64().map(i128::from));
                n.and_then(|n| <$t>::try_from(n).ok())
                    .ok_or_else(|| wrong(value, concat!("整数（", stringify!($t), "）")))
            }
        }
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                out.push_str(&self.to_string());
            }
        }
    )*};
}
integer!(u32, u64, i32);

impl FromJson for f64 {
    fn from_json(value: &Value) -> Result<Self, String> {
        value.as_f64().ok_or_else(|| wrong(value, "数字"))
    }
}

impl ToJson for f64 {
    fn write_json(&self, out: &mut String) {
        crate::json_value::write_f64(out, *self);
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value) -> Result<Self, String> {
        match value {
            Value::Null => Ok(None),
            other => T::from_json(other).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value) -> Result<Self, String> {
        let items = value.as_array().ok_or_else(|| wrong(value, "列表"))?;
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.push(T::from_json(item).map_err(|e| item_error(i, e))?);
        }
        Ok(out)
    }
}

#[cold]
#[inline(never)]
fn item_error(index: usize, error: String) -> String {
    format!("第 {} 项：{error}", index + 1)
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(value: &Value) -> Result<Self, String> {
        let mut out = BTreeMap::new();
        for (key, item) in object(value)? {
            out.insert(key.clone(), T::from_json(item).map_err(|e| inside(key, e))?);
        }
        Ok(out)
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(v) => v.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for BTreeMap<String, T> {
    fn write_json(&self, out: &mut String) {
        out.push('{');
        for (i, (key, item)) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_str(out, key);
            out.push(':');
            item.write_json(out);
        }
        out.push('}');
    }
}

/// A JSON string as serde_json writes it: `"` and `\` escaped, control characters as `\n`,
/// `\t`… or `\u00XX`, everything else as it is.
pub fn write_str(out: &mut String, text: &str) {
    out.push('"');
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0x00..=0x1F => "",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 0xF) as usize] as char);
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&text[start..]);
    out.push('"');
}

/// Writes one member of an object: a comma before all but the first, the key, the value.
#[inline(never)]
pub fn member<T: ToJson + ?Sized>(out: &mut String, first: &mut bool, name: &str, value: &T) {
    if !*first {
        out.push(',');
    }
    *first = false;
    write_str(out, name);
    out.push(':');
    value.write_json(out);
}

/// A struct read and written field by field, each field under its own name, in declaration
/// order. With `#[serde(default)]`'s meaning a missing field keeps the struct's default; `read`
/// fields are read but never written (a former version's fields, kept for the migration). The
/// `required` form is for structs without a default: every field must be there but the
/// `optional` ones, which come last.
macro_rules! json_struct {
    ($ty:ident required { $($field:ident),* $(,)? } $(optional { $($opt:ident),* $(,)? })?) => {
        impl $crate::json::FromJson for $ty {
            fn from_json(value: &$crate::json_value::Value) -> Result<Self, String> {
                let object = $crate::json::object(value)?;
                Ok($ty {
                    $($field: $crate::json::required(object, stringify!($field))?,)*
                    $($($opt: {
                        let mut v = Default::default();
                        $crate::json::field(object, stringify!($opt), &mut v)?;
                        v
                    },)*)?
                })
            }
        }
        impl $crate::json::ToJson for $ty {
            fn write_json(&self, out: &mut String) {
                let mut first = true;
                out.push('{');
                $($crate::json::member(out, &mut first, stringify!($field), &self.$field);)*
                $($($crate::json::member(out, &mut first, stringify!($opt), &self.$opt);)*)?
                out.push('}');
            }
        }
    };
    ($ty:ty { $($field:ident),* $(,)? } $(read { $($old:ident: $old_name:literal),* $(,)? })?) => {
        impl $crate::json::FromJson for $ty {
            fn from_json(value: &$crate::json_value::Value) -> Result<Self, String> {
                let object = $crate::json::object(value)?;
                let mut this = <$ty>::default();
                $($crate::json::field(object, stringify!($field), &mut this.$field)?;)*
                $($($crate::json::field(object, $old_name, &mut this.$old)?;)*)?
                Ok(this)
            }
        }
        impl $crate::json::ToJson for $ty {
            fn write_json(&self, out: &mut String) {
                let mut first = true;
                out.push('{');
                $($crate::json::member(out, &mut first, stringify!($field), &self.$field);)*
                out.push('}');
            }
        }
    };
}
pub(crate) use json_struct;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        for text in [
            "",
            "张三",
            "a\"b\\c",
            "line\nnext\r\ttab",
            "\u{0}\u{1}\u{8}\u{c}\u{1f}\u{7f}",
            "/slash/ and emoji 😀",
        ] {
            let mut out = String::new();
            write_str(&mut out, text);
            assert_eq!(out, serde_json::to_string(text).unwrap(), "{text:?}");
        }
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        for n in [0.0, 12.0, 0.5, 12.25, 1e20, 1e-7, -3.5, 90.0] {
            assert_eq!(n.to_json(), serde_json::to_string(&n).unwrap(), "{n}");
        }
        assert_eq!(f64::NAN.to_json(), "null");
        assert_eq!(
            u32::MAX.to_json(),
            serde_json::to_string(&u32::MAX).unwrap()
        );
        assert_eq!((-7i32).to_json(), "-7");
    }

    #[test]
    fn wrong_kinds_are_errors_that_say_what_was_found() {
        let v: Value =
            crate::json_value::parse(r#"{"a": "x", "b": -1, "c": 3.5, "d": [1, "2"]}"#).unwrap();
        let o = object(&v).unwrap();
        let mut n = 0u32;
        assert_eq!(
            field(o, "a", &mut n),
            Err("a：应为整数（u32），实为文字".to_string())
        );
        assert!(
            field(o, "b", &mut n).is_err(),
            "a negative number is no u32"
        );
        assert!(field(o, "c", &mut n).is_err(), "3.5 is no u32");
        let mut list: Vec<u32> = Vec::new();
        assert_eq!(
            field(o, "d", &mut list),
            Err("d：第 2 项：应为整数（u32），实为文字".to_string())
        );
        field(o, "missing", &mut n).unwrap();
        assert_eq!(n, 0, "a missing field keeps the default");
        let mut f = 0.0f64;
        field(o, "b", &mut f).unwrap();
        assert_eq!(f, -1.0);
    }
}
