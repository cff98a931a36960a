//! The document: objects by number (from the cross-reference data in xref.rs, else from the scan
//! of `N G obj` headers), streams and object streams; the page tree is in pages.rs.

use super::*;

#[derive(Clone, Copy, Debug)]
pub(super) enum XrefEntry {
    Free,
    At(usize),
    /// In object stream `.0` at index `.1`.
    InStream(u32, usize),
}

pub(super) struct ObjectStream {
    pub(super) data: Vec<u8>,
    /// Object number and offset in `data`, in increasing order of offset (ISO 32000-1 7.5.7).
    pub(super) entries: Vec<(u32, usize)>,
}

impl ObjectStream {
    /// Entry `index`, read no further than where the next one starts.
    pub(super) fn member(&self, index: usize) -> Option<Obj> {
        let offset = self.entries.get(index)?.1;
        let end = match self.entries.get(index + 1) {
            Some(&(_, next)) if next > offset => next,
            _ => self.data.len(),
        };
        parse_object(self.data.get(..end)?, offset, 0).map(|(obj, _)| obj)
    }
}

pub(super) struct PageTree {
    pub(super) pages: u32,
    pub(super) declared: Option<i64>,
    pub(super) looped: bool,
    pub(super) unreadable: u32,
    pub(super) catalog_version: Option<String>,
    /// Each page's dictionary and where its inherited attributes are in `inherited`, in page
    /// order: only when the document was opened for copying pages ([`Doc::collect_pages`]).
    pub(super) dicts: Vec<(Dict, Option<usize>)>,
    /// The page tree nodes' own inheritable attributes, each with its parent's entry: a chain,
    /// so that a large attribute on the root is held once however many pages inherit it.
    pub(super) inherited: Vec<(Dict, Option<usize>)>,
}

#[derive(Default)]
pub(super) struct Walk {
    pub(super) leaves: u32,
    pub(super) unreadable: u32,
    pub(super) looped: bool,
    pub(super) visited: HashSet<u32>,
    /// Collect each page's dictionary (and its inherited attributes) as well as counting it.
    pub(super) collect: bool,
    pub(super) dicts: Vec<(Dict, Option<usize>)>,
    pub(super) inherited: Vec<(Dict, Option<usize>)>,
}

pub(super) struct Doc<'a> {
    pub(super) buf: &'a [u8],
    /// Where `%PDF-` starts: offsets may count from there when junk precedes it.
    pub(super) base: usize,
    pub(super) xref: HashMap<u32, XrefEntry>,
    /// Trailer and cross-reference stream dictionaries, newest first.
    pub(super) trailers: Vec<Dict>,
    /// Object number → offsets of its `N G obj` headers in file order, built on first need.
    pub(super) scanned: Option<HashMap<u32, Vec<usize>>>,
    /// The same headers as (number, offset) in file order.
    pub(super) scanned_in_order: Vec<(u32, usize)>,
    /// Every object looked up once (a failure only once the scan is complete).
    pub(super) cache: HashMap<u32, Option<Obj>>,
    /// Positions of every `endstream`, built when a stream's /Length is wrong.
    pub(super) endstreams: Option<Vec<usize>>,
    /// Positions of every `endobj`, built when an object's text is long.
    pub(super) endobjs: Option<Vec<usize>>,
    /// Members of object streams found by the scan, and the catalogs and trailers it found.
    pub(super) scan_parsed: bool,
    pub(super) scanned_in_streams: HashMap<u32, (u32, usize)>,
    pub(super) scanned_catalogs: Vec<u32>,
    pub(super) object_streams: HashMap<u32, Option<ObjectStream>>,
    pub(super) inflate_budget: usize,
    pub(super) lookups: u32,
    /// Something had to be found by scanning.
    pub(super) rebuilt: bool,
    /// The page walk keeps each page's dictionary (pages are to be copied, compose.rs).
    pub(super) collect_pages: bool,
}

impl<'a> Doc<'a> {
    pub(super) fn new(buf: &'a [u8], base: usize) -> Self {
        Doc {
            buf,
            base,
            xref: HashMap::new(),
            trailers: Vec::new(),
            scanned: None,
            scanned_in_order: Vec::new(),
            cache: HashMap::new(),
            endstreams: None,
            endobjs: None,
            scan_parsed: false,
            scanned_in_streams: HashMap::new(),
            scanned_catalogs: Vec::new(),
            object_streams: HashMap::new(),
            inflate_budget: MAX_INFLATE_BYTES,
            lookups: 0,
            rebuilt: false,
            collect_pages: false,
        }
    }

    /// Candidate positions for a stored offset: as written, and counted from the header.
    pub(super) fn positions(&self, offset: usize) -> impl Iterator<Item = usize> {
        let shifted = (self.base > 0)
            .then(|| offset.checked_add(self.base))
            .flatten();
        let len = self.buf.len();
        std::iter::once(Some(offset))
            .chain(std::iter::once(shifted))
            .flatten()
            .filter(move |&p| p < len)
    }

    // --- objects

    /// Object `number`, from the cross-reference data, else from the scan.
    pub(super) fn resolve(&mut self, number: u32, depth: usize) -> Option<Obj> {
        if let Some(known) = self.cache.get(&number) {
            return known.clone();
        }
        if depth > MAX_RESOLVE_DEPTH || self.lookups >= MAX_LOOKUPS {
            return None;
        }
        self.lookups += 1;
        let found = self.look_up(number, depth);
        if found.is_some() || self.scan_parsed {
            self.cache.insert(number, found.clone());
        }
        found
    }

    pub(super) fn look_up(&mut self, number: u32, depth: usize) -> Option<Obj> {
        match self.xref.get(&number).copied() {
            Some(XrefEntry::At(offset)) => {
                let candidates: Vec<usize> = self.positions(offset).collect();
                for pos in candidates {
                    if let Some(obj) = self.object_at(pos, number, depth) {
                        return Some(obj);
                    }
                }
            }
            Some(XrefEntry::InStream(stream, index)) => {
                if let Some(obj) = self.read_from_object_stream(stream, index, number, depth) {
                    return Some(obj);
                }
            }
            Some(XrefEntry::Free) | None => {}
        }
        let offsets = self.scan_table().get(&number).cloned().unwrap_or_default();
        for &pos in offsets.iter().rev() {
            if let Some(obj) = self.object_at(pos, number, depth) {
                self.rebuilt = true;
                return Some(obj);
            }
        }
        self.parse_scanned(depth);
        if let Some((stream, index)) = self.scanned_in_streams.get(&number).copied() {
            if let Some(obj) = self.read_from_object_stream(stream, index, number, depth) {
                self.rebuilt = true;
                return Some(obj);
            }
        }
        None
    }

    /// The indirect object whose header is at `pos`, if its number is `number`.
    pub(super) fn object_at(&mut self, pos: usize, number: u32, depth: usize) -> Option<Obj> {
        let buf = self.buf;
        let (found, after) = object_header(buf, pos)?;
        if found != number {
            return None;
        }
        let bound = self.object_text_end(after);
        let (obj, end) = parse_object(&buf[..bound], after, 0)?;
        let stream_at = skip_whitespace(buf, end);
        let Obj::Dict(dict) = obj else {
            return Some(obj);
        };
        if !keyword_at(buf, stream_at, b"stream") {
            return Some(Obj::Dict(dict));
        }
        let mut start = stream_at + 6;
        if buf.get(start) == Some(&b'\r') {
            start += 1;
        }
        if buf.get(start) == Some(&b'\n') {
            start += 1;
        }
        let declared = match get(&dict, b"Length") {
            Some(Obj::Int(n)) => Some(*n),
            Some(Obj::Ref(r)) if *r != number => match self.resolve(*r, depth + 1) {
                Some(Obj::Int(n)) => Some(n),
                _ => None,
            },
            _ => None,
        };
        let by_length = declared
            .and_then(|n| usize::try_from(n).ok())
            .and_then(|n| start.checked_add(n))
            .filter(|&e| e <= buf.len() && keyword_at(buf, skip_whitespace(buf, e), b"endstream"));
        let end = match by_length {
            Some(end) => end,
            None => {
                let mut end = self.endstream_after(start)?;
                if end > start && buf[end - 1] == b'\n' {
                    end -= 1;
                }
                if end > start && buf[end - 1] == b'\r' {
                    end -= 1;
                }
                end
            }
        };
        Some(Obj::Stream(dict, start, end))
    }

    /// Where the text of an object that starts at `after` must end: at its `stream` keyword or
    /// `endobj`. An unterminated string or dictionary is then not read on through the rest of
    /// the file (for every object, which would take quadratic time).
    pub(super) fn object_text_end(&mut self, after: usize) -> usize {
        let buf = self.buf;
        let near = &buf[..buf.len().min(after.saturating_add(1024))];
        let endobj = find_keyword(near, after, b"endobj");
        let before_endobj = &near[..endobj.unwrap_or(near.len())];
        if let Some(end) = find_keyword(before_endobj, after, b"stream").or(endobj) {
            return end;
        }
        let all = self
            .endobjs
            .get_or_insert_with(|| all_positions(buf, b"endobj"));
        all.get(all.partition_point(|&at| at < after))
            .copied()
            .unwrap_or(buf.len())
    }

    pub(super) fn endstream_after(&mut self, start: usize) -> Option<usize> {
        let buf = self.buf;
        let all = self
            .endstreams
            .get_or_insert_with(|| all_positions(buf, b"endstream"));
        all.get(all.partition_point(|&at| at < start)).copied()
    }

    pub(super) fn decode_stream(
        &mut self,
        dict: &Dict,
        start: usize,
        end: usize,
    ) -> Option<Vec<u8>> {
        let raw = self.buf.get(start..end)?;
        let filters: Vec<&[u8]> = match get(dict, b"Filter") {
            None | Some(Obj::Null) => Vec::new(),
            Some(Obj::Name(name)) => vec![name.as_slice()],
            Some(Obj::Array(items)) => items
                .iter()
                .map(|item| match item {
                    Obj::Name(name) => Some(name.as_slice()),
                    _ => None,
                })
                .collect::<Option<_>>()?,
            _ => return None,
        };
        if filters.len() > 4 {
            return None;
        }
        let parms = |i: usize| -> Option<&Dict> {
            match get(dict, b"DecodeParms").or_else(|| get(dict, b"DP"))? {
                Obj::Dict(d) => (i == 0).then_some(d),
                Obj::Array(items) => match items.get(i)? {
                    Obj::Dict(d) => Some(d),
                    _ => None,
                },
                _ => None,
            }
        };
        let mut data = raw.to_vec();
        for (i, filter) in filters.iter().enumerate() {
            data = match *filter {
                b"FlateDecode" | b"Fl" => {
                    unpredict(inflate(&data, &mut self.inflate_budget)?, parms(i))?
                }
                b"ASCIIHexDecode" | b"AHx" => hex_decode(&data),
                _ => return None,
            };
        }
        Some(data)
    }

    pub(super) fn read_from_object_stream(
        &mut self,
        stream: u32,
        index: usize,
        number: u32,
        depth: usize,
    ) -> Option<Obj> {
        if !self.object_streams.contains_key(&stream) {
            // Mark first: an object stream that needs itself to be read ends here.
            self.object_streams.insert(stream, None);
            let loaded = self.load_object_stream(stream, depth + 1);
            self.object_streams.insert(stream, loaded);
        }
        let loaded = self.object_streams.get(&stream)?.as_ref()?;
        let index = match loaded.entries.get(index) {
            Some(&(n, _)) if n == number => index,
            _ => loaded.entries.iter().position(|(n, _)| *n == number)?,
        };
        loaded.member(index)
    }

    pub(super) fn load_object_stream(&mut self, stream: u32, depth: usize) -> Option<ObjectStream> {
        let Obj::Stream(dict, start, end) = self.resolve(stream, depth)? else {
            return None;
        };
        let count = usize::try_from(get_int(&dict, b"N")?).ok()?;
        let first = usize::try_from(get_int(&dict, b"First")?).ok()?;
        let data = self.decode_stream(&dict, start, end)?;
        if count > MAX_ENTRIES || first > data.len() {
            return None;
        }
        let mut entries = Vec::with_capacity(count.min(data.len() / 4));
        let mut at = 0;
        for _ in 0..count {
            let Some((number, end)) = parse_uint(&data, skip_whitespace(&data, at)) else {
                break;
            };
            let Some((offset, end)) = parse_uint(&data, skip_whitespace(&data, end)) else {
                break;
            };
            at = end;
            let offset = usize::try_from(offset)
                .ok()
                .and_then(|o| o.checked_add(first));
            if let Some(offset) = offset.filter(|&o| o < data.len()) {
                if number <= MAX_OBJECT_NUMBER {
                    entries.push((number as u32, offset));
                }
            }
        }
        Some(ObjectStream { data, entries })
    }

    // --- the scan for broken files

    /// Every `N G obj` header in the file; the last one of a number wins (incremental updates).
    pub(super) fn scan_table(&mut self) -> &HashMap<u32, Vec<usize>> {
        if self.scanned.is_none() {
            let buf = self.buf;
            let mut table = HashMap::new();
            let mut from = 0;
            while let Some(at) = find(buf, from, b"obj") {
                from = at + 3;
                if buf.get(at + 3).is_some_and(|&b| is_regular(b)) {
                    continue;
                }
                if let Some(start) = header_start(buf, at) {
                    if let Some((number, _)) = object_header(buf, start) {
                        table.entry(number).or_insert_with(Vec::new).push(start);
                        self.scanned_in_order.push((number, start));
                    }
                }
            }
            self.scanned = Some(table);
        }
        self.scanned.get_or_insert_with(HashMap::new)
    }

    /// Reads every scanned object once: catalogs, trailer-like cross-reference stream
    /// dictionaries and the members of object streams.
    pub(super) fn parse_scanned(&mut self, depth: usize) {
        if self.scan_parsed || depth > 0 {
            return;
        }
        self.scan_parsed = true;
        self.scan_table();
        let objects = self.scanned_in_order.clone();
        let mut streams = Vec::new();
        let mut read = HashSet::new();
        // Newest (last in the file) first; of one number, the newest that can be read.
        for &(number, pos) in objects.iter().rev() {
            if read.contains(&number) {
                continue;
            }
            let dict = match self.object_at(pos, number, 1) {
                Some(Obj::Dict(d)) => d,
                Some(Obj::Stream(d, ..)) => d,
                _ => continue,
            };
            read.insert(number);
            match get_name(&dict, b"Type") {
                Some(b"Catalog") => self.scanned_catalogs.push(number),
                Some(b"XRef") => self.trailers.push(dict),
                Some(b"ObjStm") => streams.push(number),
                _ => {}
            }
        }
        for stream in streams {
            let Some(loaded) = self.load_object_stream(stream, 1) else {
                continue;
            };
            for (index, &(number, _)) in loaded.entries.iter().enumerate() {
                if !self
                    .scanned
                    .as_ref()
                    .is_some_and(|t| t.contains_key(&number))
                {
                    self.scanned_in_streams
                        .entry(number)
                        .or_insert((stream, index));
                }
                if let Some(Obj::Dict(d)) = loaded.member(index) {
                    if get_name(&d, b"Type") == Some(&b"Catalog"[..]) {
                        self.scanned_catalogs.push(number);
                    }
                }
            }
            self.object_streams.insert(stream, Some(loaded));
        }
        // Trailers of classic sections that the cross-reference chain did not reach.
        let buf = self.buf;
        let mut next = buf.len();
        while let Some(found) = rfind(&buf[..next], 0, b"trailer") {
            // Up to the following `trailer`: each byte is read for one trailer at most.
            let window = &buf[..next.min(found.saturating_add(MAX_TRAILER_BYTES))];
            if let Some((Obj::Dict(d), _)) = parse_object(window, found + 7, 0) {
                self.trailers.push(d);
            }
            next = found;
        }
    }

    pub(super) fn encrypted(&mut self) -> bool {
        if self.trailers.is_empty() {
            self.parse_scanned(0);
        }
        self.trailers
            .iter()
            .any(|t| !matches!(get(t, b"Encrypt"), None | Some(Obj::Null)))
    }
}

pub(super) fn all_positions(buf: &[u8], needle: &[u8]) -> Vec<usize> {
    let mut all = Vec::new();
    let mut from = 0;
    while let Some(at) = find(buf, from, needle) {
        all.push(at);
        from = at + needle.len();
    }
    all
}

/// For an `obj` keyword at `at`, the start of `N G` before it, if there is one.
pub(super) fn header_start(buf: &[u8], at: usize) -> Option<usize> {
    let mut i = at;
    let skip_back = |i: &mut usize, want_digit: bool| -> usize {
        let start = *i;
        while *i > 0 {
            let b = buf[*i - 1];
            let ok = if want_digit {
                b.is_ascii_digit()
            } else {
                is_whitespace(b)
            };
            if !ok || start - *i >= 20 {
                break;
            }
            *i -= 1;
        }
        start - *i
    };
    if skip_back(&mut i, false) == 0 || skip_back(&mut i, true) == 0 {
        return None;
    }
    if skip_back(&mut i, false) == 0 || skip_back(&mut i, true) == 0 {
        return None;
    }
    let before = if i == 0 { None } else { buf.get(i - 1) };
    before.is_none_or(|&b| !is_regular(b)).then_some(i)
}
