//! The parser against serde_json: the same value, or an error at the same line, column and
//! end-of-text flag, on known texts, random texts, cuts of a valid text and unicode escapes.

use super::*;
use proptest::prelude::*;

/// serde_json's value in this module's terms.
fn from_serde(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Number(if let Some(u) = n.as_u64() {
            Number::PosInt(u)
        } else if let Some(i) = n.as_i64() {
            Number::NegInt(i)
        } else {
            Number::Float(n.as_f64().unwrap())
        }),
        serde_json::Value::String(s) => Value::String(s.clone()),
        serde_json::Value::Array(a) => Value::Array(a.iter().map(from_serde).collect()),
        serde_json::Value::Object(o) => {
            Value::Object(o.iter().map(|(k, v)| (k.clone(), from_serde(v))).collect())
        }
    }
}

/// Both parsers on one text: the same value, or an error at the same place.
fn same_as_serde(text: &str) -> Result<(), TestCaseError> {
    let ours = parse(text);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => prop_assert_eq!(a, &from_serde(b), "{:?}", text),
        (Err(a), Err(b)) => {
            prop_assert_eq!(
                (a.line(), a.column(), a.is_eof()),
                (b.line(), b.column(), b.is_eof()),
                "{:?}: ours {} / serde {}",
                text,
                a,
                b
            );
        }
        _ => prop_assert!(false, "{:?}: ours {:?} / serde {:?}", text, ours, theirs),
    }
    Ok(())
}

#[test]
fn known_texts_parse_as_serde_json_parses_them() {
    let texts = [
        "",
        " ",
        "null",
        "true",
        "fals",
        "nul",
        "0",
        "-0",
        "01",
        "-",
        "1.",
        "1.5",
        "1e3",
        "1E+3",
        "1e",
        "-1.5e-7",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "1e400",
        "\"a\\u00e9\\ud83d\\ude00\"",
        "\"\\ud83d\"",
        "\"\\ud83dx\"",
        "\"\\x\"",
        "\"tab\there\"",
        "\"open",
        "[",
        "[1,",
        "[1,]",
        "[1 2]",
        "{",
        "{\"a\"",
        "{\"a\":",
        "{\"a\":1,}",
        "{\"a\":1 \"b\":2}",
        "{1:2}",
        "{\"a\" 1}",
        "{\"a\":1}x",
        "{\"a\":1}  \n",
        "{\"schema\": 1,",
        "{\"schema\": 1,}",
        "[[[]]]",
        "{\"a\":{\"b\":[1,{\"c\":null}]}}",
        "{\"a\":1,\"a\":2}",
        "\n\n  {\"x\": tru }",
        "{\"format_version\":1;}",
        "\u{feff}{}",
        "{\"名\":\"张三\"}",
        "[1,2,3]]",
    ];
    for text in texts {
        same_as_serde(text).unwrap();
    }
    let deep = "[".repeat(200) + &"]".repeat(200);
    assert!(parse(&deep).is_err(), "nesting past 128 is refused");
    assert!(serde_json::from_str::<serde_json::Value>(&deep).is_err());
}

proptest! {
    #[test]
    fn any_text_parses_or_fails_where_serde_json_does(text in "[\\[\\]{}\",:0-9a-z\\\\ .eE+\n张-]{0,40}") {
        same_as_serde(&text)?;
    }

    #[test]
    fn unicode_escapes_and_surrogates_read_as_serde_json_reads_them(
        first in "[0-9a-fA-F]{0,4}|[dD][89abAB][0-9a-f]{2}", second in "[0-9a-fA-F]{0,4}|[dD][c-fC-F][0-9a-f]{2}", joined in any::<bool>()
    ) {
        let text = format!("\"\\u{first}{}\"", if joined { format!("\\u{second}") } else { second.clone() });
        same_as_serde(&text)?;
    }

    #[test]
    fn valid_json_cut_anywhere_fails_where_serde_json_does(cut in 0usize..200) {
        let text = r#"{"version": 2, "basic": {"name": "张三", "x": [1, 2.5, -3e2, true, null]}, "s": "a\"b\\u00e9"}"#;
        let mut cut = cut.min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        same_as_serde(&text[..cut])?;
    }
}
