//! PDF objects and the lexer (ISO 32000-1 §7.3).

use super::*;

pub(super) type Dict = Vec<(Vec<u8>, Obj)>;

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Obj {
    Null,
    Bool(bool),
    Int(i64),
    /// A real number as written (the checks never compute with one; a copied page keeps it).
    Real(Vec<u8>),
    /// A string as written, delimiters and escapes included: the checks never read one, and a
    /// copied page must keep it byte for byte.
    Str(Vec<u8>),
    Name(Vec<u8>),
    Array(Vec<Obj>),
    Dict(Dict),
    Ref(u32),
    /// A stream's dictionary and its raw data as a range of the file.
    Stream(Dict, usize, usize),
}

pub(super) fn get<'d>(dict: &'d Dict, key: &[u8]) -> Option<&'d Obj> {
    dict.iter()
        .find(|(k, _)| k.as_slice() == key)
        .map(|(_, v)| v)
}

pub(super) fn get_int(dict: &Dict, key: &[u8]) -> Option<i64> {
    match get(dict, key)? {
        Obj::Int(n) => Some(*n),
        _ => None,
    }
}

pub(super) fn get_name<'d>(dict: &'d Dict, key: &[u8]) -> Option<&'d [u8]> {
    match get(dict, key)? {
        Obj::Name(n) => Some(n.as_slice()),
        _ => None,
    }
}

pub(super) fn is_whitespace(b: u8) -> bool {
    matches!(b, 0 | b'\t' | b'\n' | 0x0C | b'\r' | b' ')
}

pub(super) fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

pub(super) fn is_regular(b: u8) -> bool {
    !is_whitespace(b) && !is_delimiter(b)
}

pub(super) fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut at = from;
    while at < hay.len() {
        let rest = hay.get(at..)?;
        let hit = rest.iter().position(|&b| b == first)?;
        let start = at + hit;
        if hay.get(start..start + needle.len()) == Some(needle) {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

/// `keyword` as a token of its own (not part of `/Substream` or `endstream`).
pub(super) fn find_keyword(hay: &[u8], from: usize, keyword: &[u8]) -> Option<usize> {
    let mut at = from;
    loop {
        let found = find(hay, at, keyword)?;
        let before = found.checked_sub(1).and_then(|i| hay.get(i));
        if before.is_none_or(|&b| !is_regular(b)) && keyword_at(hay, found, keyword) {
            return Some(found);
        }
        at = found + 1;
    }
}

/// The last occurrence of `needle` that starts at or after `from`.
pub(super) fn rfind(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let window = hay.get(from..)?;
    window
        .windows(needle.len())
        .rposition(|w| w == needle)
        .map(|at| from + at)
}

pub(super) fn skip_whitespace(buf: &[u8], mut pos: usize) -> usize {
    while let Some(&b) = buf.get(pos) {
        if is_whitespace(b) {
            pos += 1;
        } else if b == b'%' {
            while let Some(&c) = buf.get(pos) {
                if c == b'\r' || c == b'\n' {
                    break;
                }
                pos += 1;
            }
        } else {
            break;
        }
    }
    pos
}

/// `keyword` at `pos`, not followed by a regular character.
pub(super) fn keyword_at(buf: &[u8], pos: usize, keyword: &[u8]) -> bool {
    buf.get(pos..pos + keyword.len()) == Some(keyword)
        && buf.get(pos + keyword.len()).is_none_or(|&b| !is_regular(b))
}

/// Decimal digits only (at most 19, so no overflow).
pub(super) fn parse_uint(buf: &[u8], pos: usize) -> Option<(u64, usize)> {
    let mut value: u64 = 0;
    let mut end = pos;
    while let Some(&b) = buf.get(end) {
        if !b.is_ascii_digit() || end - pos >= 19 {
            break;
        }
        value = value * 10 + u64::from(b - b'0');
        end += 1;
    }
    (end > pos).then_some((value, end))
}

pub(super) fn parse_object(buf: &[u8], pos: usize, depth: usize) -> Option<(Obj, usize)> {
    if depth > MAX_NESTING {
        return None;
    }
    let pos = skip_whitespace(buf, pos);
    match *buf.get(pos)? {
        b'/' => {
            let (name, end) = parse_name(buf, pos);
            Some((Obj::Name(name), end))
        }
        b'<' if buf.get(pos + 1) == Some(&b'<') => {
            let (dict, end) = parse_dict(buf, pos + 2, depth)?;
            Some((Obj::Dict(dict), end))
        }
        b'<' => {
            let close = find(buf, pos + 1, b">")?;
            Some((Obj::Str(buf[pos..=close].to_vec()), close + 1))
        }
        b'(' => {
            let end = skip_literal_string(buf, pos + 1)?;
            Some((Obj::Str(buf[pos..end].to_vec()), end))
        }
        b'[' => {
            let mut items = Vec::new();
            let mut at = pos + 1;
            loop {
                at = skip_whitespace(buf, at);
                if *buf.get(at)? == b']' {
                    return Some((Obj::Array(items), at + 1));
                }
                let (item, end) = parse_object(buf, at, depth + 1)?;
                items.push(item);
                at = end;
            }
        }
        b'0'..=b'9' | b'+' | b'-' | b'.' => parse_number_or_ref(buf, pos),
        _ if keyword_at(buf, pos, b"true") => Some((Obj::Bool(true), pos + 4)),
        _ if keyword_at(buf, pos, b"false") => Some((Obj::Bool(false), pos + 5)),
        _ if keyword_at(buf, pos, b"null") => Some((Obj::Null, pos + 4)),
        _ => None,
    }
}

/// `pos` is at the `/`.
pub(super) fn parse_name(buf: &[u8], pos: usize) -> (Vec<u8>, usize) {
    let mut name = Vec::new();
    let mut at = pos + 1;
    while let Some(&b) = buf.get(at) {
        if !is_regular(b) {
            break;
        }
        let hex = |i: usize| buf.get(i).and_then(|c| (*c as char).to_digit(16));
        match (b, hex(at + 1), hex(at + 2)) {
            (b'#', Some(high), Some(low)) => {
                name.push((high * 16 + low) as u8);
                at += 3;
            }
            _ => {
                name.push(b);
                at += 1;
            }
        }
    }
    (name, at)
}

/// `pos` is after `<<`.
pub(super) fn parse_dict(buf: &[u8], pos: usize, depth: usize) -> Option<(Dict, usize)> {
    let mut dict = Dict::new();
    let mut at = pos;
    loop {
        at = skip_whitespace(buf, at);
        if buf.get(at..at + 2)? == b">>" {
            return Some((dict, at + 2));
        }
        if *buf.get(at)? != b'/' {
            return None;
        }
        let (key, end) = parse_name(buf, at);
        let (value, end) = parse_object(buf, end, depth + 1)?;
        dict.push((key, value));
        at = end;
    }
}

/// `pos` is after `(`; returns the position after the closing `)`.
pub(super) fn skip_literal_string(buf: &[u8], pos: usize) -> Option<usize> {
    let mut open = 1usize;
    let mut at = pos;
    loop {
        match *buf.get(at)? {
            b'\\' => at += 1,
            b'(' => open += 1,
            b')' => {
                open -= 1;
                if open == 0 {
                    return Some(at + 1);
                }
            }
            _ => {}
        }
        at += 1;
    }
}

pub(super) fn parse_number_or_ref(buf: &[u8], pos: usize) -> Option<(Obj, usize)> {
    let mut end = pos;
    if matches!(buf.get(end), Some(b'+' | b'-')) {
        end += 1;
    }
    let digits_start = end;
    while buf.get(end).is_some_and(u8::is_ascii_digit) {
        end += 1;
    }
    let int_end = end;
    if buf.get(end) == Some(&b'.') {
        end += 1;
        while buf.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
    }
    if end == digits_start || (end == digits_start + 1 && int_end == digits_start) {
        // A sign or a dot alone.
        return None;
    }
    if end != int_end {
        return Some((Obj::Real(buf[pos..end].to_vec()), end));
    }
    let magnitude = buf
        .get(digits_start..int_end)?
        .iter()
        .try_fold(0i64, |v, &d| {
            v.checked_mul(10)?.checked_add(i64::from(d - b'0'))
        });
    let Some(magnitude) = magnitude else {
        return Some((Obj::Real(buf[pos..end].to_vec()), end));
    };
    let value = if buf.get(pos) == Some(&b'-') {
        -magnitude
    } else {
        magnitude
    };
    // `N G R`: an unsigned integer, a generation number and R.
    if digits_start == pos && (0..=i64::from(u32::MAX)).contains(&value) {
        let gen_at = skip_whitespace(buf, end);
        if gen_at > end {
            if let Some((_, gen_end)) = parse_uint(buf, gen_at) {
                let r_at = skip_whitespace(buf, gen_end);
                if r_at > gen_end && keyword_at(buf, r_at, b"R") {
                    return Some((Obj::Ref(value as u32), r_at + 1));
                }
            }
        }
    }
    Some((Obj::Int(value), end))
}

/// `N G obj` at `pos` (after optional whitespace): the object number and the position after `obj`.
pub(super) fn object_header(buf: &[u8], pos: usize) -> Option<(u32, usize)> {
    let at = skip_whitespace(buf, pos);
    let (number, end) = parse_uint(buf, at)?;
    let gen_at = skip_whitespace(buf, end);
    if gen_at == end {
        return None;
    }
    let (_, gen_end) = parse_uint(buf, gen_at)?;
    let obj_at = skip_whitespace(buf, gen_end);
    if number > MAX_OBJECT_NUMBER || !keyword_at(buf, obj_at, b"obj") {
        return None;
    }
    Some((number as u32, obj_at + 3))
}
