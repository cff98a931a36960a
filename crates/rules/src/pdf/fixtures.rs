//! Test fixtures for the PDF checker, written here byte by byte: small PDF writers for classic
//! cross-reference tables, cross-reference streams and object streams (deflated by miniz_oxide),
//! incremental updates and the damage people's files really have; zip, OLE and other files; and
//! the expectations the tests compare reports with.

use super::*;
use miniz_oxide::deflate::compress_to_vec_zlib;
use std::collections::BTreeMap;
use std::fmt::Write as _;

pub(super) const PARTS: [&str; 2] = ["学历证书电子注册备案表", "毕业证书"];

// ---------------------------------------------------------------------------------------------
// A PDF writer

#[derive(Clone, Copy)]
pub(super) enum Entry {
    At(usize),
    InStream(u32, u32),
}

pub(super) struct Pdf {
    pub(super) out: Vec<u8>,
    /// Objects written since the last cross-reference section.
    pub(super) pending: BTreeMap<u32, Entry>,
    pub(super) size: u32,
    pub(super) last_xref: Option<usize>,
}

impl Pdf {
    pub(super) fn new(version: &str) -> Self {
        Self::with_junk(b"", version)
    }

    pub(super) fn with_junk(junk: &[u8], version: &str) -> Self {
        let mut out = junk.to_vec();
        out.extend_from_slice(format!("%PDF-{version}\n").as_bytes());
        // A comment of non-ASCII bytes, as writers add (here UTF-8, so fixtures stay `String`s).
        out.extend_from_slice("%âãÏÓ\n".as_bytes());
        Pdf {
            out,
            pending: BTreeMap::new(),
            size: 1,
            last_xref: None,
        }
    }

    pub(super) fn note(&mut self, number: u32, entry: Entry) {
        self.pending.insert(number, entry);
        self.size = self.size.max(number + 1);
    }

    pub(super) fn obj(&mut self, number: u32, body: &str) -> &mut Self {
        let at = self.out.len();
        self.note(number, Entry::At(at));
        self.out
            .extend_from_slice(format!("{number} 0 obj\n{body}\nendobj\n").as_bytes());
        self
    }

    pub(super) fn stream(&mut self, number: u32, dict: &str, data: &[u8]) -> &mut Self {
        let at = self.out.len();
        self.note(number, Entry::At(at));
        let head = format!(
            "{number} 0 obj\n<< {dict} /Length {} >>\nstream\n",
            data.len()
        );
        self.out.extend_from_slice(head.as_bytes());
        self.out.extend_from_slice(data);
        self.out.extend_from_slice(b"\nendstream\nendobj\n");
        self
    }

    /// An object stream holding `members` (number, text), deflated.
    pub(super) fn object_stream(&mut self, number: u32, members: &[(u32, String)]) -> &mut Self {
        let (mut header, mut body) = (String::new(), String::new());
        for (index, (member, text)) in members.iter().enumerate() {
            write!(header, "{member} {} ", body.len()).unwrap();
            body.push_str(text);
            body.push('\n');
            self.note(*member, Entry::InStream(number, index as u32));
        }
        let first = header.len();
        let data = compress_to_vec_zlib((header + &body).as_bytes(), 6);
        let dict = format!(
            "/Type /ObjStm /N {} /First {first} /Filter /FlateDecode",
            members.len()
        );
        self.stream(number, &dict, &data)
    }

    pub(super) fn prev(&self) -> String {
        self.last_xref
            .map(|p| format!(" /Prev {p}"))
            .unwrap_or_default()
    }

    /// The pending entries, plus object 0's free entry in the first section.
    pub(super) fn take_entries(&mut self) -> Vec<(u32, Option<Entry>)> {
        let mut entries: Vec<(u32, Option<Entry>)> = Vec::new();
        if self.last_xref.is_none() {
            entries.push((0, None));
        }
        entries.extend(self.pending.iter().map(|(&n, &e)| (n, Some(e))));
        self.pending.clear();
        entries
    }

    /// Runs of consecutive object numbers: (first, count).
    pub(super) fn runs(numbers: &[u32]) -> Vec<(u32, u32)> {
        let mut runs: Vec<(u32, u32)> = Vec::new();
        for &n in numbers {
            match runs.last_mut() {
                Some((first, count)) if *first + *count == n => *count += 1,
                _ => runs.push((n, 1)),
            }
        }
        runs
    }

    pub(super) fn end(&mut self, xref_at: usize) {
        self.out
            .extend_from_slice(format!("startxref\n{xref_at}\n%%EOF\n").as_bytes());
        self.last_xref = Some(xref_at);
    }

    /// A classic `xref` table for the objects written since the last section, and its trailer.
    pub(super) fn xref_table(&mut self, trailer: &str) -> &mut Self {
        let at = self.out.len();
        let entries = self.take_entries();
        let mut text = String::from("xref\n");
        let numbers: Vec<u32> = entries.iter().map(|e| e.0).collect();
        let mut rest = entries.iter();
        for (first, count) in Self::runs(&numbers) {
            writeln!(text, "{first} {count}").unwrap();
            for (_, entry) in rest.by_ref().take(count as usize) {
                match entry {
                    Some(Entry::At(offset)) => writeln!(text, "{offset:010} 00000 n ").unwrap(),
                    None => text.push_str("0000000000 65535 f \n"),
                    Some(Entry::InStream(..)) => panic!("compressed objects need an xref stream"),
                }
            }
        }
        let prev = self.prev();
        write!(text, "trailer\n<< /Size {} {trailer}{prev} >>\n", self.size).unwrap();
        self.out.extend_from_slice(text.as_bytes());
        self.end(at);
        self
    }

    /// A cross-reference stream (W [1 4 2], deflated, optionally with the PNG Up predictor) for
    /// the objects written since the last section.
    pub(super) fn xref_stream(&mut self, number: u32, trailer: &str, predictor: bool) -> &mut Self {
        let at = self.xref_stream_object(number, trailer, predictor);
        self.end(at);
        self
    }

    pub(super) fn xref_stream_object(
        &mut self,
        number: u32,
        trailer: &str,
        predictor: bool,
    ) -> usize {
        let at = self.out.len();
        self.note(number, Entry::At(at));
        let entries = self.take_entries();
        let mut rows: Vec<[u8; 7]> = Vec::new();
        for (_, entry) in &entries {
            let (kind, second, third) = match entry {
                None => (0u8, 0u32, 65535u16),
                Some(Entry::At(offset)) => (1, *offset as u32, 0),
                Some(Entry::InStream(stream, index)) => (2, *stream, *index as u16),
            };
            let mut row = [0u8; 7];
            row[0] = kind;
            row[1..5].copy_from_slice(&second.to_be_bytes());
            row[5..7].copy_from_slice(&third.to_be_bytes());
            rows.push(row);
        }
        let mut data = Vec::new();
        let mut previous = [0u8; 7];
        for row in &rows {
            if predictor {
                data.push(2); // PNG "Up"
                data.extend(row.iter().zip(previous).map(|(b, p)| b.wrapping_sub(p)));
            } else {
                data.extend_from_slice(row);
            }
            previous = *row;
        }
        let numbers: Vec<u32> = entries.iter().map(|e| e.0).collect();
        let index: Vec<String> = Self::runs(&numbers)
            .iter()
            .map(|(first, count)| format!("{first} {count}"))
            .collect();
        let parms = if predictor {
            " /DecodeParms << /Predictor 12 /Columns 7 >>"
        } else {
            ""
        };
        let dict = format!(
            "/Type /XRef /Size {} /W [1 4 2] /Index [{}] /Filter /FlateDecode{parms} {trailer}{}",
            self.size,
            index.join(" "),
            self.prev()
        );
        let compressed = compress_to_vec_zlib(&data, 6);
        self.stream(number, &dict, &compressed);
        self.pending.remove(&number);
        at
    }

    pub(super) fn bytes(&self) -> Vec<u8> {
        self.out.clone()
    }
}

pub(super) fn kids(numbers: &[u32]) -> String {
    let refs: Vec<String> = numbers.iter().map(|n| format!("{n} 0 R")).collect();
    format!("[{}]", refs.join(" "))
}

pub(super) fn page(parent: u32) -> String {
    format!("<< /Type /Page /Parent {parent} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>")
}

/// Catalog 1, page tree 2, pages 3, 5, 7… each with a content stream 4, 6, 8…
pub(super) fn classic_pdf(mut pdf: Pdf, pages: u32, trailer_extra: &str) -> Pdf {
    pdf.obj(1, "<< /Type /Catalog /Pages 2 0 R >>");
    let numbers: Vec<u32> = (0..pages).map(|i| 3 + 2 * i).collect();
    pdf.obj(
        2,
        &format!("<< /Type /Pages /Kids {} /Count {pages} >>", kids(&numbers)),
    );
    for (i, &n) in numbers.iter().enumerate() {
        pdf.obj(
            n,
            &format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {} 0 R >>",
                n + 1
            ),
        );
        let content = format!("BT /F1 12 Tf 72 720 Td (Page {} \\) endobj) Tj ET", i + 1);
        pdf.stream(n + 1, "", content.as_bytes());
    }
    pdf.xref_table(&format!("/Root 1 0 R{trailer_extra}"));
    pdf
}

pub(super) fn classic(pages: u32) -> Vec<u8> {
    classic_pdf(Pdf::new("1.4"), pages, "").bytes()
}

/// Catalog, page tree and pages in one deflated object stream; a cross-reference stream.
pub(super) fn compressed_pdf(pages: u32, predictor: bool) -> Pdf {
    let mut pdf = Pdf::new("1.5");
    let numbers: Vec<u32> = (3..3 + pages).collect();
    let mut members = vec![
        (1, "<< /Type /Catalog /Pages 2 0 R >>".to_string()),
        (
            2,
            format!("<< /Type /Pages /Kids {} /Count {pages} >>", kids(&numbers)),
        ),
    ];
    members.extend(numbers.iter().map(|&n| (n, page(2))));
    pdf.object_stream(pages + 3, &members);
    pdf.xref_stream(pages + 4, "/Root 1 0 R", predictor);
    pdf
}

pub(super) fn compressed(pages: u32, predictor: bool) -> Vec<u8> {
    compressed_pdf(pages, predictor).bytes()
}

/// A classic file with a hand-written body (objects as given) and a correct xref table.
pub(super) fn custom(objects: &[(u32, &str)]) -> Vec<u8> {
    let mut pdf = Pdf::new("1.4");
    for (number, body) in objects {
        pdf.obj(*number, body);
    }
    pdf.xref_table("/Root 1 0 R");
    pdf.bytes()
}

/// Adds `by` to every offset of the last classic xref table.
pub(super) fn shift_xref_offsets(bytes: &[u8], by: usize) -> Vec<u8> {
    let table = 1 + bytes
        .windows(6)
        .rposition(|w| w == b"\nxref\n")
        .expect("a table");
    let mut out = bytes[..table].to_vec();
    let tail = String::from_utf8(bytes[table..].to_vec()).expect("ASCII table");
    for line in tail.split_inclusive('\n') {
        match line.strip_suffix(" 00000 n \n") {
            Some(offset) if offset.len() == 10 => {
                let shifted = offset.parse::<usize>().unwrap() + by;
                out.extend_from_slice(format!("{shifted:010} 00000 n \n").as_bytes());
            }
            _ => out.extend_from_slice(line.as_bytes()),
        }
    }
    out
}

pub(super) fn replace_startxref(bytes: &[u8], value: usize) -> Vec<u8> {
    let at = bytes
        .windows(10)
        .rposition(|w| w == b"startxref\n")
        .unwrap();
    let mut out = bytes[..at].to_vec();
    out.extend_from_slice(format!("startxref\n{value}\n%%EOF\n").as_bytes());
    out
}

/// Deterministic noise.
pub(super) fn noise(len: usize, seed: u32) -> Vec<u8> {
    let mut state = seed;
    (0..len)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (state >> 16) as u8
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Other file types

pub(super) fn zip(names: &[&str]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for name in names {
        let offset = out.len() as u32;
        let content = b"<xml/>";
        let mut local = b"PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00".to_vec();
        local.extend_from_slice(&[0; 4]); // crc
        local.extend_from_slice(&(content.len() as u32).to_le_bytes());
        local.extend_from_slice(&(content.len() as u32).to_le_bytes());
        local.extend_from_slice(&(name.len() as u16).to_le_bytes());
        local.extend_from_slice(&[0, 0]);
        local.extend_from_slice(name.as_bytes());
        local.extend_from_slice(content);
        out.extend_from_slice(&local);
        let mut entry = b"PK\x01\x02\x14\x00\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00".to_vec();
        entry.extend_from_slice(&[0; 4]);
        entry.extend_from_slice(&(content.len() as u32).to_le_bytes());
        entry.extend_from_slice(&(content.len() as u32).to_le_bytes());
        entry.extend_from_slice(&(name.len() as u16).to_le_bytes());
        entry.extend_from_slice(&[0; 12]);
        entry.extend_from_slice(&offset.to_le_bytes());
        entry.extend_from_slice(name.as_bytes());
        central.extend_from_slice(&entry);
    }
    let directory_at = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    out.extend_from_slice(&(names.len() as u16).to_le_bytes());
    out.extend_from_slice(&(names.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&directory_at.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

/// An OLE compound file: the header sector and a directory sector naming `stream`.
pub(super) fn ole(stream: &str) -> Vec<u8> {
    let mut out = vec![0u8; 1536];
    out[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    let mut at = 512;
    for name in ["Root Entry", stream] {
        for unit in name.encode_utf16() {
            out[at..at + 2].copy_from_slice(&unit.to_le_bytes());
            at += 2;
        }
        at = (at / 128 + 1) * 128;
    }
    out
}

pub(super) fn jpeg() -> Vec<u8> {
    let pixels = vec![200u8; 16 * 16 * 3];
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, 80)
        .encode(&pixels, 16, 16, jpeg_encoder::ColorType::Rgb)
        .expect("encodes");
    out
}

// ---------------------------------------------------------------------------------------------
// Expectations

#[derive(Debug)]
pub(super) enum Want {
    Pages {
        pages: u32,
        version: &'static str,
        header_offset: usize,
        warnings: Vec<PdfWarning>,
    },
    Problem(PdfProblem),
}

pub(super) fn pages(pages: u32, version: &'static str) -> Want {
    Want::Pages {
        pages,
        version,
        header_offset: 0,
        warnings: Vec::new(),
    }
}

pub(super) fn pages_warned(pages: u32, version: &'static str, warnings: &[PdfWarning]) -> Want {
    Want::Pages {
        pages,
        version,
        header_offset: 0,
        warnings: warnings.to_vec(),
    }
}

pub(super) fn assert_report(name: &str, bytes: &[u8], want: Want) {
    let report = inspect_pdf(bytes);
    assert_eq!(report.byte_size, bytes.len() as u64, "{name}");
    let expected = match want {
        Want::Pages {
            pages,
            version,
            header_offset,
            warnings,
        } => Ok(PdfInfo {
            pages,
            version: version.to_string(),
            byte_size: bytes.len() as u64,
            header_offset,
            warnings,
        }),
        Want::Problem(problem) => Err(problem),
    };
    assert_eq!(report.kind, expected, "{name}");
}
