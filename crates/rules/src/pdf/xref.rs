//! The cross-reference data: `startxref` and the /Prev chain, classic xref tables and xref
//! streams (ISO 32000-1 7.5.4, 7.5.8), read into `Doc::xref` and `Doc::trailers`.

use super::*;

impl Doc<'_> {
    /// Follows `startxref` and the /Prev chain; sections read earlier (newer) win.
    pub(super) fn load_xref(&mut self, startxref: usize) {
        let mut next = Some(startxref);
        let mut seen = HashSet::new();
        while let Some(offset) = next.take() {
            if seen.len() >= MAX_XREF_SECTIONS || !seen.insert(offset) {
                break;
            }
            let Some(trailer) = self.read_section(offset) else {
                break;
            };
            if let Some(Obj::Int(stream_at)) = get(&trailer, b"XRefStm") {
                if let Ok(stream_at) = usize::try_from(*stream_at) {
                    if let Some(stream_dict) = self.read_section(stream_at) {
                        self.trailers.push(stream_dict);
                    }
                }
            }
            next = match get(&trailer, b"Prev") {
                Some(Obj::Int(prev)) => usize::try_from(*prev).ok(),
                _ => None,
            };
            self.trailers.push(trailer);
        }
    }

    pub(super) fn read_section(&mut self, offset: usize) -> Option<Dict> {
        let candidates: Vec<usize> = self.positions(offset).collect();
        for pos in candidates {
            let at = skip_whitespace(self.buf, pos);
            if keyword_at(self.buf, at, b"xref") {
                if let Some(trailer) = self.read_xref_table(at + 4) {
                    return Some(trailer);
                }
            } else if let Some(trailer) = self.read_xref_stream(at) {
                return Some(trailer);
            }
        }
        None
    }

    pub(super) fn read_xref_table(&mut self, pos: usize) -> Option<Dict> {
        let buf = self.buf;
        let mut at = pos;
        let mut section = Vec::new();
        loop {
            at = skip_whitespace(buf, at);
            if keyword_at(buf, at, b"trailer") {
                break;
            }
            let (mut first, end) = parse_uint(buf, at)?;
            let (count, end) = parse_uint(buf, skip_whitespace(buf, end))?;
            at = end;
            for i in 0..count {
                let (offset, end) = parse_uint(buf, skip_whitespace(buf, at))?;
                let (generation, end) = parse_uint(buf, skip_whitespace(buf, end))?;
                let kind_at = skip_whitespace(buf, end);
                let kind = *buf.get(kind_at)?;
                at = kind_at + 1;
                // A common writer bug: a section "1 n" that starts with object 0's free entry.
                if i == 0 && first == 1 && kind == b'f' && generation == 65535 {
                    first = 0;
                }
                let number = first.checked_add(i)?;
                if number > MAX_OBJECT_NUMBER {
                    return None;
                }
                let entry = match kind {
                    b'n' => XrefEntry::At(usize::try_from(offset).ok()?),
                    b'f' => XrefEntry::Free,
                    _ => return None,
                };
                section.push((number as u32, entry));
            }
        }
        let window = &buf[..buf.len().min(at.saturating_add(MAX_TRAILER_BYTES))];
        let (trailer, _) = parse_object(window, at + 7, 0)?;
        let Obj::Dict(trailer) = trailer else {
            return None;
        };
        for (number, entry) in section {
            self.xref.entry(number).or_insert(entry);
        }
        Some(trailer)
    }

    pub(super) fn read_xref_stream(&mut self, pos: usize) -> Option<Dict> {
        let (number, _) = object_header(self.buf, pos)?;
        let Obj::Stream(dict, start, end) = self.object_at(pos, number, 0)? else {
            return None;
        };
        if get_name(&dict, b"Type") != Some(&b"XRef"[..]) {
            return None;
        }
        let widths: Vec<usize> = match get(&dict, b"W")? {
            Obj::Array(items) => items
                .iter()
                .map(|w| match w {
                    Obj::Int(n) if (0..=8).contains(n) => Some(*n as usize),
                    _ => None,
                })
                .collect::<Option<_>>()?,
            _ => return None,
        };
        let [w0, w1, w2] = widths[..] else {
            return None;
        };
        let row = w0 + w1 + w2;
        if row == 0 {
            return None;
        }
        let size = get_int(&dict, b"Size").unwrap_or(0);
        let index: Vec<i64> = match get(&dict, b"Index") {
            Some(Obj::Array(items)) => items
                .iter()
                .map(|n| match n {
                    Obj::Int(n) => Some(*n),
                    _ => None,
                })
                .collect::<Option<_>>()?,
            _ => vec![0, size],
        };
        let data = self.decode_stream(&dict, start, end)?;
        let field = |bytes: &[u8]| bytes.iter().fold(0u64, |v, &b| (v << 8) | u64::from(b));
        let mut rows = data.chunks_exact(row);
        for pair in index.chunks_exact(2) {
            let (first, count) = (pair[0], pair[1]);
            if first < 0 || count < 0 {
                return None;
            }
            for i in 0..count as u64 {
                let Some(entry) = rows.next() else {
                    break;
                };
                let number = first as u64 + i;
                if number > MAX_OBJECT_NUMBER {
                    break;
                }
                let kind = if w0 == 0 { 1 } else { field(&entry[..w0]) };
                let second = field(&entry[w0..w0 + w1]);
                let third = field(&entry[w0 + w1..]);
                let entry = match kind {
                    0 => XrefEntry::Free,
                    1 => XrefEntry::At(usize::try_from(second).ok()?),
                    2 if second <= MAX_OBJECT_NUMBER => {
                        XrefEntry::InStream(second as u32, usize::try_from(third).ok()?)
                    }
                    // Unknown types are null references (ISO 32000-1 7.5.8.3).
                    _ => continue,
                };
                self.xref.entry(number as u32).or_insert(entry);
            }
        }
        Some(dict)
    }
}
