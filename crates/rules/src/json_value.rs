//! The JSON parser of the rules core: text to a `Value` tree (the rules file, drafts, the 申报人
//! list, backups), with the line and column of the first error, as serde_json reports them (a
//! property test compares both on any text). Written here instead of taking serde_json into the
//! bundle. Nesting deeper than 128 levels is refused, so hostile text cannot exhaust the stack.

use std::collections::BTreeMap;
use std::fmt;

pub type Map<K, V> = BTreeMap<K, V>;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map<String, Value>),
}

/// A JSON number: an integer when written without fraction or exponent and it fits, else a float.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    PosInt(u64),
    NegInt(i64),
    Float(f64),
}

impl Number {
    pub fn as_u64(&self) -> Option<u64> {
        match *self {
            Number::PosInt(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match *self {
            Number::PosInt(n) => i64::try_from(n).ok(),
            Number::NegInt(n) => Some(n),
            Number::Float(_) => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        Some(match *self {
            Number::PosInt(n) => n as f64,
            Number::NegInt(n) => n as f64,
            Number::Float(f) => f,
        })
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Number::PosInt(n) => write!(f, "{n}"),
            Number::NegInt(n) => write!(f, "{n}"),
            Number::Float(x) => {
                let mut text = String::new();
                write_f64(&mut text, x);
                f.write_str(&text)
            }
        }
    }
}

/// A float as serde_json writes it (shortest text that reads back the same; what JSON cannot hold
/// as null).
pub fn write_f64(out: &mut String, x: f64) {
    if x.is_finite() {
        out.push_str(zmij::Buffer::new().format_finite(x));
    } else {
        out.push_str("null");
    }
}

impl Value {
    pub fn as_object(&self) -> Option<&Map<String, Value>> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.as_i64(),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => n.as_f64(),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }
}

/// Where the text stops being JSON, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    line: usize,
    column: usize,
    eof: bool,
    what: &'static str,
}

impl Error {
    pub fn line(&self) -> usize {
        self.line
    }

    pub fn column(&self) -> usize {
        self.column
    }

    /// The text ended before the value did (cut short).
    pub fn is_eof(&self) -> bool {
        self.eof
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.what, self.line, self.column
        )
    }
}

const MAX_DEPTH: usize = 128;

struct Parser<'a> {
    text: &'a str,
    b: &'a [u8],
    i: usize,
    depth: usize,
}

/// Parses one JSON value; only whitespace may follow it.
pub fn parse(text: &str) -> Result<Value, Error> {
    let mut p = Parser {
        text,
        b: text.as_bytes(),
        i: 0,
        depth: 0,
    };
    let value = p.value()?;
    p.skip_ws();
    if p.i < p.b.len() {
        return Err(p.error_at(p.i + 1, "trailing characters"));
    }
    Ok(value)
}

impl Parser<'_> {
    /// An error at byte `index` counted as serde_json counts (the column is the byte offset from
    /// the line's start: 1 for the first byte when `index` points just past it).
    fn error_at(&self, index: usize, what: &'static str) -> Error {
        let index = index.min(self.b.len());
        let start = self.b[..index]
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(0, |p| p + 1);
        let line = 1 + self.b[..start].iter().filter(|&&c| c == b'\n').count();
        Error {
            line,
            column: index - start,
            eof: false,
            what,
        }
    }

    fn eof(&self, what: &'static str) -> Error {
        Error {
            eof: true,
            ..self.error_at(self.b.len(), what)
        }
    }

    /// The byte at the cursor is wrong.
    fn unexpected(&self, what: &'static str) -> Error {
        self.error_at(self.i + 1, what)
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    fn value(&mut self) -> Result<Value, Error> {
        self.skip_ws();
        let Some(&c) = self.b.get(self.i) else {
            return Err(self.eof("EOF while parsing a value"));
        };
        match c {
            b'n' => self.literal(b"null", Value::Null),
            b't' => self.literal(b"true", Value::Bool(true)),
            b'f' => self.literal(b"false", Value::Bool(false)),
            b'"' => {
                self.i += 1;
                self.string().map(Value::String)
            }
            b'-' | b'0'..=b'9' => self.number().map(Value::Number),
            b'[' => self.nested(Self::array),
            b'{' => self.nested(Self::object),
            _ => Err(self.unexpected("expected value")),
        }
    }

    fn nested(&mut self, inner: fn(&mut Self) -> Result<Value, Error>) -> Result<Value, Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.unexpected("recursion limit exceeded"));
        }
        self.i += 1;
        let value = inner(self);
        self.depth -= 1;
        value
    }

    fn literal(&mut self, word: &[u8], value: Value) -> Result<Value, Error> {
        for &expected in word {
            match self.b.get(self.i) {
                None => return Err(self.eof("EOF while parsing a value")),
                Some(&c) if c == expected => self.i += 1,
                Some(_) => return Err(self.unexpected("expected ident")),
            }
        }
        Ok(value)
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.b.get(self.i) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<Number, Error> {
        let start = self.i;
        let negative = self.b[self.i] == b'-';
        if negative {
            self.i += 1;
        }
        match self.b.get(self.i) {
            None => return Err(self.eof("EOF while parsing a value")),
            Some(b'0') => {
                self.i += 1;
                if let Some(b'0'..=b'9') = self.b.get(self.i) {
                    return Err(self.unexpected("invalid number"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            Some(_) => return Err(self.unexpected("invalid number")),
        }
        let mut float = false;
        if self.b.get(self.i) == Some(&b'.') {
            float = true;
            self.i += 1;
            if self.digits() == 0 {
                return Err(match self.b.get(self.i) {
                    None => self.eof("EOF while parsing a value"),
                    Some(_) => self.unexpected("invalid number"),
                });
            }
        }
        if let Some(b'e' | b'E') = self.b.get(self.i) {
            float = true;
            self.i += 1;
            if let Some(b'+' | b'-') = self.b.get(self.i) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(match self.b.get(self.i) {
                    None => self.eof("EOF while parsing a value"),
                    Some(_) => self.unexpected("invalid number"),
                });
            }
        }
        let text = &self.text[start..self.i];
        if !float {
            if negative {
                // serde_json reads -0 as the float -0.0.
                match text.parse::<i64>() {
                    Ok(0) => return Ok(Number::Float(-0.0)),
                    Ok(n) => return Ok(Number::NegInt(n)),
                    Err(_) => {}
                }
            } else if let Ok(n) = text.parse::<u64>() {
                return Ok(Number::PosInt(n));
            }
        }
        match text.parse::<f64>() {
            Ok(f) if f.is_finite() => Ok(Number::Float(f)),
            _ => Err(self.error_at(self.i, "number out of range")),
        }
    }

    fn hex4(&mut self) -> Result<u16, Error> {
        if self.b.len() < self.i + 4 {
            return Err(self.eof("EOF while parsing a string"));
        }
        // The four bytes are taken together: an error is placed after them, as serde_json does.
        let start = self.i;
        self.i += 4;
        let mut n: u16 = 0;
        for &c in &self.b[start..start + 4] {
            let digit = match c {
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                b'A'..=b'F' => c - b'A' + 10,
                _ => return Err(self.error_at(start + 4, "invalid escape")),
            };
            n = n * 16 + u16::from(digit);
        }
        Ok(n)
    }

    /// After the opening quote.
    fn string(&mut self) -> Result<String, Error> {
        let mut out = String::new();
        let mut run = self.i;
        loop {
            let Some(&c) = self.b.get(self.i) else {
                return Err(self.eof("EOF while parsing a string"));
            };
            match c {
                b'"' => {
                    out.push_str(&self.text[run..self.i]);
                    self.i += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(&self.text[run..self.i]);
                    self.i += 1;
                    let Some(&e) = self.b.get(self.i) else {
                        return Err(self.eof("EOF while parsing a string"));
                    };
                    self.i += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let first = self.hex4()?;
                            let c = if (0xD800..0xDC00).contains(&first) {
                                if self.b.get(self.i..self.i + 2) != Some(b"\\u") {
                                    return Err(match self.b.get(self.i) {
                                        None => self.eof("EOF while parsing a string"),
                                        Some(_) => self.unexpected("lone leading surrogate"),
                                    });
                                }
                                self.i += 2;
                                let second = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&second) {
                                    return Err(self.error_at(self.i, "lone leading surrogate"));
                                }
                                let code = 0x10000
                                    + ((u32::from(first) - 0xD800) << 10)
                                    + (u32::from(second) - 0xDC00);
                                char::from_u32(code)
                            } else {
                                char::from_u32(u32::from(first))
                            };
                            match c {
                                Some(c) => out.push(c),
                                None => return Err(self.error_at(self.i, "lone surrogate")),
                            }
                        }
                        _ => return Err(self.error_at(self.i, "invalid escape")),
                    }
                    run = self.i;
                }
                0x00..=0x1F => {
                    return Err(self.unexpected("control character found while parsing a string"))
                }
                _ => self.i += 1,
            }
        }
    }

    /// After `[`.
    fn array(&mut self) -> Result<Value, Error> {
        let mut items = Vec::new();
        self.skip_ws();
        if self.b.get(self.i) == Some(&b']') {
            self.i += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_ws();
            match self.b.get(self.i) {
                None => return Err(self.eof("EOF while parsing a list")),
                Some(b',') => {
                    self.i += 1;
                    self.skip_ws();
                    if self.b.get(self.i) == Some(&b']') {
                        return Err(self.unexpected("trailing comma"));
                    }
                }
                Some(b']') => {
                    self.i += 1;
                    return Ok(Value::Array(items));
                }
                Some(_) => return Err(self.unexpected("expected `,` or `]`")),
            }
        }
    }

    /// After `{`.
    fn object(&mut self) -> Result<Value, Error> {
        let mut map = Map::new();
        self.skip_ws();
        if self.b.get(self.i) == Some(&b'}') {
            self.i += 1;
            return Ok(Value::Object(map));
        }
        loop {
            self.skip_ws();
            match self.b.get(self.i) {
                None => return Err(self.eof("EOF while parsing an object")),
                Some(b'"') => self.i += 1,
                Some(b'}') => return Err(self.unexpected("trailing comma")),
                Some(_) => return Err(self.unexpected("key must be a string")),
            }
            let key = self.string()?;
            self.skip_ws();
            match self.b.get(self.i) {
                None => return Err(self.eof("EOF while parsing an object")),
                Some(b':') => self.i += 1,
                Some(_) => return Err(self.unexpected("expected `:`")),
            }
            let value = self.value()?;
            map.insert(key, value);
            self.skip_ws();
            match self.b.get(self.i) {
                None => return Err(self.eof("EOF while parsing an object")),
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Value::Object(map));
                }
                Some(_) => return Err(self.unexpected("expected `,` or `}`")),
            }
        }
    }
}

#[cfg(test)]
#[path = "json_value_tests.rs"]
mod tests;
