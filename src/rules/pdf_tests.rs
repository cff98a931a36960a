//! The PDF checker on fixtures written here, byte by byte: small PDF writers for classic
//! cross-reference tables, cross-reference streams and object streams (deflated by miniz_oxide),
//! incremental updates, and the damage people's files really have.

use super::*;
use miniz_oxide::deflate::compress_to_vec_zlib;
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::fmt::Write as _;

const PARTS: [&str; 2] = ["学历证书电子注册备案表", "毕业证书"];

// ---------------------------------------------------------------------------------------------
// A PDF writer

#[derive(Clone, Copy)]
enum Entry {
    At(usize),
    InStream(u32, u32),
}

struct Pdf {
    out: Vec<u8>,
    /// Objects written since the last cross-reference section.
    pending: BTreeMap<u32, Entry>,
    size: u32,
    last_xref: Option<usize>,
}

impl Pdf {
    fn new(version: &str) -> Self {
        Self::with_junk(b"", version)
    }

    fn with_junk(junk: &[u8], version: &str) -> Self {
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

    fn note(&mut self, number: u32, entry: Entry) {
        self.pending.insert(number, entry);
        self.size = self.size.max(number + 1);
    }

    fn obj(&mut self, number: u32, body: &str) -> &mut Self {
        let at = self.out.len();
        self.note(number, Entry::At(at));
        self.out
            .extend_from_slice(format!("{number} 0 obj\n{body}\nendobj\n").as_bytes());
        self
    }

    fn stream(&mut self, number: u32, dict: &str, data: &[u8]) -> &mut Self {
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
    fn object_stream(&mut self, number: u32, members: &[(u32, String)]) -> &mut Self {
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

    fn prev(&self) -> String {
        self.last_xref
            .map(|p| format!(" /Prev {p}"))
            .unwrap_or_default()
    }

    /// The pending entries, plus object 0's free entry in the first section.
    fn take_entries(&mut self) -> Vec<(u32, Option<Entry>)> {
        let mut entries: Vec<(u32, Option<Entry>)> = Vec::new();
        if self.last_xref.is_none() {
            entries.push((0, None));
        }
        entries.extend(self.pending.iter().map(|(&n, &e)| (n, Some(e))));
        self.pending.clear();
        entries
    }

    /// Runs of consecutive object numbers: (first, count).
    fn runs(numbers: &[u32]) -> Vec<(u32, u32)> {
        let mut runs: Vec<(u32, u32)> = Vec::new();
        for &n in numbers {
            match runs.last_mut() {
                Some((first, count)) if *first + *count == n => *count += 1,
                _ => runs.push((n, 1)),
            }
        }
        runs
    }

    fn end(&mut self, xref_at: usize) {
        self.out
            .extend_from_slice(format!("startxref\n{xref_at}\n%%EOF\n").as_bytes());
        self.last_xref = Some(xref_at);
    }

    /// A classic `xref` table for the objects written since the last section, and its trailer.
    fn xref_table(&mut self, trailer: &str) -> &mut Self {
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
    fn xref_stream(&mut self, number: u32, trailer: &str, predictor: bool) -> &mut Self {
        let at = self.xref_stream_object(number, trailer, predictor);
        self.end(at);
        self
    }

    fn xref_stream_object(&mut self, number: u32, trailer: &str, predictor: bool) -> usize {
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

    fn bytes(&self) -> Vec<u8> {
        self.out.clone()
    }
}

fn kids(numbers: &[u32]) -> String {
    let refs: Vec<String> = numbers.iter().map(|n| format!("{n} 0 R")).collect();
    format!("[{}]", refs.join(" "))
}

fn page(parent: u32) -> String {
    format!("<< /Type /Page /Parent {parent} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>")
}

/// Catalog 1, page tree 2, pages 3, 5, 7… each with a content stream 4, 6, 8…
fn classic_pdf(mut pdf: Pdf, pages: u32, trailer_extra: &str) -> Pdf {
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

fn classic(pages: u32) -> Vec<u8> {
    classic_pdf(Pdf::new("1.4"), pages, "").bytes()
}

/// Catalog, page tree and pages in one deflated object stream; a cross-reference stream.
fn compressed_pdf(pages: u32, predictor: bool) -> Pdf {
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

fn compressed(pages: u32, predictor: bool) -> Vec<u8> {
    compressed_pdf(pages, predictor).bytes()
}

/// A classic file with a hand-written body (objects as given) and a correct xref table.
fn custom(objects: &[(u32, &str)]) -> Vec<u8> {
    let mut pdf = Pdf::new("1.4");
    for (number, body) in objects {
        pdf.obj(*number, body);
    }
    pdf.xref_table("/Root 1 0 R");
    pdf.bytes()
}

/// Adds `by` to every offset of the last classic xref table.
fn shift_xref_offsets(bytes: &[u8], by: usize) -> Vec<u8> {
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

fn replace_startxref(bytes: &[u8], value: usize) -> Vec<u8> {
    let at = bytes
        .windows(10)
        .rposition(|w| w == b"startxref\n")
        .unwrap();
    let mut out = bytes[..at].to_vec();
    out.extend_from_slice(format!("startxref\n{value}\n%%EOF\n").as_bytes());
    out
}

/// Deterministic noise.
fn noise(len: usize, seed: u32) -> Vec<u8> {
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

fn zip(names: &[&str]) -> Vec<u8> {
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
fn ole(stream: &str) -> Vec<u8> {
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

fn jpeg() -> Vec<u8> {
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
enum Want {
    Pages {
        pages: u32,
        version: &'static str,
        header_offset: usize,
        warnings: Vec<PdfWarning>,
    },
    Problem(PdfProblem),
}

fn pages(pages: u32, version: &'static str) -> Want {
    Want::Pages {
        pages,
        version,
        header_offset: 0,
        warnings: Vec::new(),
    }
}

fn pages_warned(pages: u32, version: &'static str, warnings: &[PdfWarning]) -> Want {
    Want::Pages {
        pages,
        version,
        header_offset: 0,
        warnings: warnings.to_vec(),
    }
}

fn assert_report(name: &str, bytes: &[u8], want: Want) {
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

// ---------------------------------------------------------------------------------------------
// Readable files

#[test]
fn readable_pdfs_report_their_page_count_and_version() {
    let catalog_version = {
        let mut pdf = Pdf::new("1.4");
        pdf.obj(1, "<< /Type /Catalog /Version /1.7 /Pages 2 0 R >>")
            .obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
            .obj(3, &page(2))
            .xref_table("/Root 1 0 R");
        pdf.bytes()
    };
    let nested = custom(&[
        (1, "<< /Type /Catalog /Pages 2 0 R >>"),
        (2, "<< /Type /Pages /Kids [3 0 R 6 0 R 7 0 R] /Count 4 >>"),
        (
            3,
            "<< /Type /Pages /Parent 2 0 R /Kids [4 0 R 5 0 R] /Count 2 >>",
        ),
        (4, &page(3)),
        (5, &page(3)),
        (6, &page(2)),
        (7, "<< /Type /Pages /Parent 2 0 R /Kids [8 0 R] /Count 1 >>"),
        (8, "<< /Type /Pages /Parent 7 0 R /Kids [9 0 R] /Count 1 >>"),
        (9, &page(8)),
    ]);
    let inline_kids = custom(&[
        (1, "<< /Type /Catalog /Pages 2 0 R >>"),
        (
            2,
            "<< /Type /Pages /Kids [<< /Type /Page /MediaBox [0 0 10 10] >> << /Type /Page >>] /Count 2 >>",
        ),
    ]);
    let indirect_kids_and_untyped_page = custom(&[
        (1, "<< /Type /Catalog /Pages 2 0 R >>"),
        (2, "<< /Type /Pages /Kids 3 0 R /Count 2 >>"),
        (3, "[4 0 R 5 0 R]"),
        (4, &page(2)),
        (5, "<< /Parent 2 0 R /MediaBox [0 0 595 842] >>"),
    ]);
    let names_with_escapes = custom(&[
        (1, "<< /Type /Catalog /Pages 2 0 R /Lang (zh\\)CN) >>"),
        (
            2,
            "<< /Type /Pa#67es /Kids [3 0 R] /Count 1 % a comment\n >>",
        ),
        (
            3,
            "<< /Type /Page /Annots [<< /S /URI /URI <68747470> >>] /Rotate -90 /UserUnit 1.5 >>",
        ),
    ]);
    let crlf = String::from_utf8(classic(2))
        .unwrap()
        .replace("\n", "\r\n")
        .into_bytes();
    let crlf_fixed = {
        // Offsets recomputed: build with \r\n from the start.
        let mut pdf = Pdf::new("1.4");
        pdf.obj(1, "<< /Type /Catalog /Pages 2 0 R >>\r")
            .obj(2, "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>\r")
            .obj(3, &page(2))
            .obj(4, &page(2))
            .xref_table("/Root 1 0 R");
        String::from_utf8(pdf.bytes())
            .unwrap()
            .replace(" n \n", " n\r\n")
            .into_bytes()
    };
    let cases: Vec<(&str, Vec<u8>, Want)> = vec![
        ("classic, 1 page", classic(1), pages(1, "1.4")),
        ("classic, 2 pages", classic(2), pages(2, "1.4")),
        ("classic, 3 pages", classic(3), pages(3, "1.4")),
        (
            "catalog /Version overrides the header",
            catalog_version,
            pages(1, "1.7"),
        ),
        ("nested page tree", nested, pages(4, "1.4")),
        (
            "page dictionaries inline in /Kids",
            inline_kids,
            pages(2, "1.4"),
        ),
        (
            "/Kids as an indirect array, a page without /Type",
            indirect_kids_and_untyped_page,
            pages(2, "1.4"),
        ),
        (
            "strings, comments, #-escaped names",
            names_with_escapes,
            pages(1, "1.4"),
        ),
        // Offsets point one byte early per earlier line break: the scan finds the objects.
        (
            "every line ending changed to CRLF",
            crlf,
            pages_warned(2, "1.4", &[PdfWarning::Rebuilt]),
        ),
        ("CRLF xref entries", crlf_fixed, pages(2, "1.4")),
    ];
    for (name, bytes, want) in cases {
        assert_report(name, &bytes, want);
    }
}

#[test]
fn cross_reference_streams_and_object_streams() {
    let indirect_length = {
        let mut pdf = Pdf::new("1.5");
        let data = compress_to_vec_zlib(
            b"1 0 2 34 << /Type /Catalog /Pages 2 0 R >> << /Type /Pages /Kids [3 0 R] /Count 1 >>",
            9,
        );
        let head =
            "5 0 obj\n<< /Type /ObjStm /N 2 /First 9 /Filter [/FlateDecode] /Length 6 0 R >>\nstream\n";
        let at = pdf.out.len();
        pdf.out.extend_from_slice(head.as_bytes());
        pdf.out.extend_from_slice(&data);
        pdf.out.extend_from_slice(b"\nendstream\nendobj\n");
        pdf.note(5, Entry::At(at));
        pdf.note(1, Entry::InStream(5, 0));
        pdf.note(2, Entry::InStream(5, 1));
        pdf.obj(6, &data.len().to_string());
        pdf.obj(3, &page(2));
        pdf.xref_stream(7, "/Root 1 0 R", false);
        pdf.bytes()
    };
    let hybrid = {
        // A classic table for the plain objects; /XRefStm points at a stream for the others.
        let mut pdf = Pdf::new("1.5");
        pdf.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
            .obj(2, "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>");
        let plain = std::mem::take(&mut pdf.pending);
        pdf.object_stream(5, &[(3, page(2)), (4, page(2))]);
        let stream_at = pdf.xref_stream_object(6, "", false);
        pdf.pending = plain;
        pdf.xref_table(&format!("/Root 1 0 R /XRefStm {stream_at}"));
        pdf.bytes()
    };
    let raw_deflate_and_hex = {
        // A writer that left out the zlib header, and an ASCIIHex-wrapped xref stream.
        let mut pdf = Pdf::new("1.5");
        let body =
            b"1 0 2 34 << /Type /Catalog /Pages 2 0 R >> << /Type /Pages /Kids [3 0 R] /Count 1 >>";
        let raw = miniz_oxide::deflate::compress_to_vec(body, 6);
        pdf.stream(4, "/Type /ObjStm /N 2 /First 9 /Filter /FlateDecode", &raw);
        pdf.note(1, Entry::InStream(4, 0));
        pdf.note(2, Entry::InStream(4, 1));
        pdf.obj(3, &page(2));
        let at = pdf.out.len();
        let rows: Vec<u8> = [
            [0u8, 0, 0, 0, 0],
            [2, 0, 0, 4, 0],
            [2, 0, 0, 4, 1],
            [1, 0, 0, 0, 0],
            [1, 0, 0, 0, 0],
            [1, 0, 0, 0, 0],
        ]
        .iter()
        .enumerate()
        .flat_map(|(i, row)| {
            let mut row = *row;
            let offset = match i {
                3 => pdf.pending.get(&3).map(|e| match e {
                    Entry::At(o) => *o,
                    _ => 0,
                }),
                4 => pdf.pending.get(&4).map(|e| match e {
                    Entry::At(o) => *o,
                    _ => 0,
                }),
                5 => Some(at),
                _ => None,
            };
            if let Some(offset) = offset {
                row[1..4].copy_from_slice(&(offset as u32).to_be_bytes()[1..]);
            }
            row
        })
        .collect();
        let hex: String = rows.iter().map(|b| format!("{b:02X}")).collect();
        pdf.stream(
            5,
            "/Type /XRef /Size 6 /W [1 3 1] /Filter /ASCIIHexDecode /Root 1 0 R",
            format!("{hex}>").as_bytes(),
        );
        pdf.end(at);
        pdf.bytes()
    };
    let cases: Vec<(&str, Vec<u8>, Want)> = vec![
        (
            "xref stream + object stream, 1 page",
            compressed(1, false),
            pages(1, "1.5"),
        ),
        (
            "xref stream + object stream, 3 pages",
            compressed(3, false),
            pages(3, "1.5"),
        ),
        (
            "PNG Up predictor, 2 pages",
            compressed(2, true),
            pages(2, "1.5"),
        ),
        (
            "object stream with an indirect /Length",
            indirect_length,
            pages(1, "1.5"),
        ),
        ("hybrid file with /XRefStm", hybrid, pages(2, "1.5")),
        (
            "raw deflate, ASCIIHex xref stream",
            raw_deflate_and_hex,
            pages(1, "1.5"),
        ),
    ];
    for (name, bytes, want) in cases {
        assert_report(name, &bytes, want);
    }
}

#[test]
fn incremental_updates_newest_section_wins() {
    let added = {
        let mut pdf = classic_pdf(Pdf::new("1.4"), 2, "");
        pdf.obj(7, &page(2))
            .obj(2, "<< /Type /Pages /Kids [3 0 R 5 0 R 7 0 R] /Count 3 >>")
            .xref_table("/Root 1 0 R");
        pdf.bytes()
    };
    let removed = {
        let mut pdf = classic_pdf(Pdf::new("1.4"), 3, "");
        pdf.obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
            .xref_table("/Root 1 0 R");
        pdf.bytes()
    };
    let twice = {
        let mut pdf = classic_pdf(Pdf::new("1.4"), 1, "");
        pdf.obj(5, &page(2))
            .obj(2, "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>")
            .xref_table("/Root 1 0 R");
        pdf.obj(6, &page(2))
            .obj(2, "<< /Type /Pages /Kids [3 0 R 5 0 R 6 0 R] /Count 3 >>")
            .xref_table("/Root 1 0 R");
        pdf.bytes()
    };
    let stream_update = {
        // Compressed base (pages 3, 4), then an update with an xref stream: a plain object 2
        // replaces the compressed one.
        let mut pdf = compressed_pdf(2, true);
        pdf.obj(7, &page(2))
            .obj(2, "<< /Type /Pages /Kids [3 0 R 4 0 R 7 0 R] /Count 3 >>")
            .xref_stream(8, "/Root 1 0 R", true);
        pdf.bytes()
    };
    let prev_loop = {
        // /Prev pointing at itself must not loop.
        let bytes = classic(2);
        let text = String::from_utf8(bytes).unwrap();
        let at: usize = text
            .rsplit("startxref\n")
            .next()
            .unwrap()
            .trim_end_matches("\n%%EOF\n")
            .parse()
            .unwrap();
        text.replace("/Root 1 0 R >>", &format!("/Root 1 0 R /Prev {at:04} >>"))
            .into_bytes()
    };
    let cases: Vec<(&str, Vec<u8>, Want)> = vec![
        ("update adds a page", added, pages(3, "1.4")),
        ("update removes two pages", removed, pages(1, "1.4")),
        ("two updates", twice, pages(3, "1.4")),
        (
            "xref stream update over an object stream",
            stream_update,
            pages(3, "1.5"),
        ),
        (
            "/Prev pointing at its own section",
            prev_loop,
            pages(2, "1.4"),
        ),
    ];
    for (name, bytes, want) in cases {
        assert_report(name, &bytes, want);
    }
}

#[test]
fn encrypted_files_are_refused_with_their_page_count_when_readable() {
    let encrypt = "<< /Filter /Standard /V 2 /R 3 /Length 128 /O <0011> /U <2233> /P -3904 >>";
    let classic_encrypted = {
        let mut pdf = Pdf::new("1.6");
        pdf.obj(9, encrypt);
        classic_pdf(pdf, 2, " /Encrypt 9 0 R /ID [<ab> <ab>]").bytes()
    };
    let stream_encrypted = {
        // The object stream is encrypted: its bytes do not inflate, so no page count.
        let mut pdf = Pdf::new("1.6");
        pdf.stream(
            4,
            "/Type /ObjStm /N 3 /First 14 /Filter /FlateDecode",
            &noise(300, 7),
        );
        pdf.note(1, Entry::InStream(4, 0));
        pdf.note(2, Entry::InStream(4, 1));
        pdf.note(3, Entry::InStream(4, 2));
        pdf.obj(5, encrypt);
        pdf.xref_stream(6, "/Root 1 0 R /Encrypt 5 0 R", true);
        pdf.bytes()
    };
    let encrypt_null = classic_pdf(Pdf::new("1.4"), 1, " /Encrypt null").bytes();
    let cases: Vec<(&str, Vec<u8>, Want)> = vec![
        (
            "/Encrypt in the trailer",
            classic_encrypted,
            Want::Problem(PdfProblem::Encrypted {
                version: "1.6".into(),
                pages: Some(2),
            }),
        ),
        (
            "/Encrypt in the xref stream, encrypted object stream",
            stream_encrypted,
            Want::Problem(PdfProblem::Encrypted {
                version: "1.6".into(),
                pages: None,
            }),
        ),
        (
            "/Encrypt null is no encryption",
            encrypt_null,
            pages(1, "1.4"),
        ),
    ];
    for (name, bytes, want) in cases {
        assert_report(name, &bytes, want);
    }
}

#[test]
fn truncated_files_are_told_apart_from_damaged_ones() {
    let full = classic(3);
    let len = full.len();
    let cut = |at: usize| full[..at].to_vec();
    let lost_middle = {
        // A big first page, then 60 % of the file lost from the middle: startxref now points
        // past the end.
        let mut pdf = Pdf::new("1.4");
        pdf.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
            .obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
            .obj(3, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>")
            .stream(4, "", &[b'0'; 20_000])
            .xref_table("/Root 1 0 R");
        let bytes = pdf.bytes();
        let (keep, drop) = (bytes.len() / 5, bytes.len() * 3 / 5);
        let mut out = bytes[..keep].to_vec();
        out.extend_from_slice(&bytes[keep + drop..]);
        out
    };
    let past_end = replace_startxref(&full, len + 1000);
    let missing = |reason| Want::Problem(PdfProblem::Truncated(reason));
    let cases: Vec<(String, Vec<u8>, Want)> = vec![
        (
            "header only".into(),
            b"%PDF-1.4\n".to_vec(),
            missing(Truncation::MissingEof),
        ),
        (
            "a prefix of the header".into(),
            b"%PD".to_vec(),
            missing(Truncation::MissingEof),
        ),
        (
            "cut at 10 %".into(),
            cut(len / 10),
            missing(Truncation::MissingEof),
        ),
        (
            "cut at 50 %".into(),
            cut(len / 2),
            missing(Truncation::MissingEof),
        ),
        (
            "cut at 90 %".into(),
            cut(len * 9 / 10),
            missing(Truncation::MissingEof),
        ),
        (
            "cut inside %%EOF".into(),
            cut(len - 3),
            missing(Truncation::MissingEof),
        ),
        (
            "only the last newline lost".into(),
            cut(len - 1),
            pages(3, "1.4"),
        ),
        (
            "startxref past the end".into(),
            past_end,
            missing(Truncation::XrefPastEnd {
                points_to: len as u64 + 1000,
            }),
        ),
        (
            "middle lost".into(),
            lost_middle.clone(),
            missing(Truncation::XrefPastEnd {
                points_to: {
                    let text = String::from_utf8_lossy(&lost_middle);
                    text.rsplit("startxref\n")
                        .next()
                        .unwrap()
                        .trim_end_matches("\n%%EOF\n")
                        .parse()
                        .unwrap()
                },
            }),
        ),
        (
            "trailing NUL padding after %%EOF".into(),
            [full.clone(), vec![0; 3000]].concat(),
            pages(3, "1.4"),
        ),
    ];
    for (name, bytes, want) in cases {
        assert_report(&name, &bytes, want);
    }
    // Every cut before the final %%EOF is complete is truncated, whatever the point.
    for at in (1..=len - 2).step_by(7) {
        assert_eq!(
            inspect_pdf(&full[..at]).kind,
            Err(PdfProblem::Truncated(Truncation::MissingEof)),
            "cut at {at} of {len}"
        );
    }
    let bytes = compressed(3, true);
    for at in (1..=bytes.len() - 2).step_by(5) {
        assert_eq!(
            inspect_pdf(&bytes[..at]).kind,
            Err(PdfProblem::Truncated(Truncation::MissingEof)),
            "compressed, cut at {at}"
        );
    }
}

#[test]
fn broken_cross_references_fall_back_to_scanning_objects() {
    let three = classic(3);
    let without_xref = {
        let at = three.windows(6).rposition(|w| w == b"\nxref\n").unwrap();
        [&three[..at], b"\n%%EOF\n"].concat()
    };
    let junk = b"From: scanner@example.cn\r\nSubject: scan\r\n\r\n".repeat(7);
    let junk_absolute = classic_pdf(Pdf::with_junk(&junk, "1.4"), 2, "").bytes();
    let junk_relative = [&junk[..], &classic(2)].concat();
    let compressed_bad_offsets = {
        // The xref stream's offsets are right, but its object stream was moved.
        let bytes = compressed(2, false);
        let at = bytes.windows(9).position(|w| w == b"5 0 obj\n<").unwrap();
        [&bytes[..at], b"%% moved by an editor\n", &bytes[at..]].concat()
    };
    let no_root_in_trailer = {
        let text = String::from_utf8(classic(2)).unwrap();
        text.replace("/Root 1 0 R", "/Info 1 0 R").into_bytes()
    };
    let rebuilt = |n| pages_warned(n, "1.4", &[PdfWarning::Rebuilt]);
    let cases: Vec<(&str, Vec<u8>, Want)> = vec![
        (
            "every offset 5 bytes late",
            shift_xref_offsets(&three, 5),
            rebuilt(3),
        ),
        (
            "every offset 0",
            {
                let text = String::from_utf8(three.clone()).unwrap();
                let mut out = String::new();
                for line in text.split_inclusive('\n') {
                    if line.len() == 20 && line.ends_with(" 00000 n \n") {
                        out.push_str("0000000000 00000 n \n");
                    } else {
                        out.push_str(line);
                    }
                }
                out.into_bytes()
            },
            rebuilt(3),
        ),
        (
            "startxref points into the header",
            replace_startxref(&three, 10),
            rebuilt(3),
        ),
        ("no xref table and no trailer", without_xref, rebuilt(3)),
        ("no /Root in the trailer", no_root_in_trailer, rebuilt(2)),
        (
            "bytes inserted before the object stream",
            compressed_bad_offsets,
            pages_warned(2, "1.5", &[PdfWarning::Rebuilt]),
        ),
        (
            "junk before the header, offsets from the file start",
            junk_absolute,
            Want::Pages {
                pages: 2,
                version: "1.4",
                header_offset: junk.len(),
                warnings: Vec::new(),
            },
        ),
        (
            "junk before the header, offsets from the header",
            junk_relative,
            Want::Pages {
                pages: 2,
                version: "1.4",
                header_offset: junk.len(),
                warnings: Vec::new(),
            },
        ),
    ];
    for (name, bytes, want) in cases {
        assert_report(name, &bytes, want);
    }
}

#[test]
fn damaged_page_trees_terminate_with_an_exact_verdict() {
    let nest = |levels: u32| {
        // Pages 2 → 3 → … → a page at the bottom.
        let mut objects: Vec<(u32, String)> = vec![(1, "<< /Type /Catalog /Pages 2 0 R >>".into())];
        for level in 0..levels {
            let n = 2 + level;
            objects.push((
                n,
                format!("<< /Type /Pages /Kids [{} 0 R] /Count 1 >>", n + 1),
            ));
        }
        objects.push((2 + levels, page(1 + levels)));
        let borrowed: Vec<(u32, &str)> = objects.iter().map(|(n, s)| (*n, s.as_str())).collect();
        custom(&borrowed)
    };
    let cases: Vec<(&str, Vec<u8>, Want)> = vec![
        (
            "a cycle: a child lists its grandparent",
            custom(&[
                (1, "<< /Type /Catalog /Pages 2 0 R >>"),
                (2, "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>"),
                (3, &page(2)),
                (
                    4,
                    "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 5 0 R] /Count 1 >>",
                ),
                (5, &page(4)),
            ]),
            pages_warned(2, "1.4", &[PdfWarning::PageTreeLoop]),
        ),
        (
            "a node that is its own child",
            custom(&[
                (1, "<< /Type /Catalog /Pages 2 0 R >>"),
                (2, "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"),
            ]),
            Want::Problem(PdfProblem::Damaged(Damage::NoPages)),
        ),
        (
            "the same page listed twice",
            custom(&[
                (1, "<< /Type /Catalog /Pages 2 0 R >>"),
                (2, "<< /Type /Pages /Kids [3 0 R 3 0 R] /Count 2 >>"),
                (3, &page(2)),
            ]),
            pages_warned(
                1,
                "1.4",
                &[
                    PdfWarning::CountMismatch {
                        declared: 2,
                        found: 1,
                    },
                    PdfWarning::PageTreeLoop,
                ],
            ),
        ),
        (
            "/Count lies",
            custom(&[
                (1, "<< /Type /Catalog /Pages 2 0 R >>"),
                (2, "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 5 >>"),
                (3, &page(2)),
                (4, &page(2)),
            ]),
            pages_warned(
                2,
                "1.4",
                &[PdfWarning::CountMismatch {
                    declared: 5,
                    found: 2,
                }],
            ),
        ),
        (
            "a kid that does not exist",
            custom(&[
                (1, "<< /Type /Catalog /Pages 2 0 R >>"),
                (2, "<< /Type /Pages /Kids [3 0 R 99 0 R 4 0 R] /Count 3 >>"),
                (3, &page(2)),
                (4, &page(2)),
            ]),
            pages_warned(
                2,
                "1.4",
                &[
                    PdfWarning::CountMismatch {
                        declared: 3,
                        found: 2,
                    },
                    PdfWarning::UnreadablePages(1),
                ],
            ),
        ),
        (
            "no pages at all",
            custom(&[
                (1, "<< /Type /Catalog /Pages 2 0 R >>"),
                (2, "<< /Type /Pages /Kids [] /Count 0 >>"),
            ]),
            Want::Problem(PdfProblem::Damaged(Damage::NoPages)),
        ),
        (
            "every kid unreadable",
            custom(&[
                (1, "<< /Type /Catalog /Pages 2 0 R >>"),
                (2, "<< /Type /Pages /Kids [3 0 R 7 0 R] /Count 2 >>"),
                (3, "<< /Type /Font >>"),
            ]),
            Want::Problem(PdfProblem::Damaged(Damage::PageTreeUnreadable)),
        ),
        (
            "no catalog",
            custom(&[
                (1, "(not a dictionary)"),
                (2, "<< /Type /Pages /Kids [] /Count 0 >>"),
            ]),
            Want::Problem(PdfProblem::Damaged(Damage::NoCatalog)),
        ),
        ("a page tree 60 levels deep", nest(60), pages(1, "1.4")),
        (
            "a page tree 70 levels deep (over the limit)",
            nest(70),
            Want::Problem(PdfProblem::Damaged(Damage::PageTreeUnreadable)),
        ),
        (
            "a dictionary nested 100 levels",
            custom(&[
                (1, "<< /Type /Catalog /Pages 2 0 R >>"),
                (2, "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>"),
                (3, &page(2)),
                (
                    4,
                    &format!(
                        "<< /Type /Page /X {}1{} >>",
                        "[".repeat(100),
                        "]".repeat(100)
                    ),
                ),
            ]),
            // The page with the over-deep dictionary cannot be parsed.
            pages_warned(
                1,
                "1.4",
                &[
                    PdfWarning::CountMismatch {
                        declared: 2,
                        found: 1,
                    },
                    PdfWarning::UnreadablePages(1),
                ],
            ),
        ),
    ];
    for (name, bytes, want) in cases {
        assert_report(name, &bytes, want);
    }
}

#[test]
fn inflate_refuses_more_than_its_budget() {
    let data = compress_to_vec_zlib(&[7u8; 10_000], 6);
    let mut budget = 9_999;
    assert_eq!(inflate(&data, &mut budget), None);
    let mut budget = 10_000;
    assert_eq!(inflate(&data, &mut budget), Some(vec![7u8; 10_000]));
    assert_eq!(budget, 0);
    // A cut stream gives what was decoded before the cut; raw deflate is read too.
    let mut budget = MAX_INFLATE_BYTES;
    let text: Vec<u8> = (0..400u32)
        .flat_map(|i| format!("{i} 0 obj << /N {} >> endobj\n", i * 7919 % 1000).into_bytes())
        .collect();
    let zlib = compress_to_vec_zlib(&text, 6);
    let partial = inflate(&zlib[..zlib.len() / 2], &mut budget).expect("a prefix");
    assert!(
        !partial.is_empty() && text.starts_with(&partial),
        "{}",
        partial.len()
    );
    let raw = miniz_oxide::deflate::compress_to_vec(&text, 6);
    assert_eq!(inflate(&raw, &mut budget), Some(text.clone()));
    // Garbage does not panic; whatever comes out is charged to the budget.
    for seed in 0..50 {
        let mut budget = MAX_INFLATE_BYTES;
        let out = inflate(&noise(64, seed), &mut budget);
        assert_eq!(MAX_INFLATE_BYTES - budget, out.map_or(0, |o| o.len()));
    }
}

#[test]
fn an_object_stream_bomb_is_not_inflated_past_64_mib() {
    // 65 MiB of zeros deflate to ~65 KB; the object stream is refused, the file is damaged.
    let bomb = compress_to_vec_zlib(&vec![b' '; 65 * 1024 * 1024], 1);
    let mut pdf = Pdf::new("1.5");
    pdf.stream(4, "/Type /ObjStm /N 2 /First 9 /Filter /FlateDecode", &bomb);
    pdf.note(1, Entry::InStream(4, 0));
    pdf.note(2, Entry::InStream(4, 1));
    pdf.xref_stream(5, "/Root 1 0 R", false);
    let started = std::time::Instant::now();
    assert_report(
        "bomb",
        &pdf.bytes(),
        Want::Problem(PdfProblem::Damaged(Damage::NoCatalog)),
    );
    assert!(started.elapsed().as_secs() < 10);
}

#[test]
fn predictors_decode_every_png_filter() {
    // Two rows of 3 bytes, filters Sub, Up, Average, Paeth and None.
    let parms: Dict = vec![
        (b"Predictor".to_vec(), Obj::Int(12)),
        (b"Columns".to_vec(), Obj::Int(3)),
    ];
    let cases: [(u8, [u8; 3], [u8; 3]); 5] = [
        (0, [5, 6, 7], [5, 6, 7]),
        (1, [5, 1, 1], [5, 6, 7]),
        (2, [4, 4, 4], [14, 24, 34]),
        (3, [5, 1, 1], [10, 16, 24]),
        (4, [1, 1, 1], [11, 21, 31]),
    ];
    for (filter, encoded, expected) in cases {
        let first = [0u8, 10, 20, 30];
        let mut data = first.to_vec();
        data.push(filter);
        data.extend_from_slice(&encoded);
        let decoded = unpredict(data, Some(&parms)).expect("decodes");
        assert_eq!(&decoded[..3], &[10, 20, 30], "filter {filter}");
        assert_eq!(&decoded[3..], &expected, "filter {filter}");
    }
    let tiff: Dict = vec![
        (b"Predictor".to_vec(), Obj::Int(2)),
        (b"Columns".to_vec(), Obj::Int(3)),
    ];
    assert_eq!(
        unpredict(vec![1, 1, 1, 2, 2, 2], Some(&tiff)),
        Some(vec![1, 2, 3, 2, 4, 6])
    );
    let unknown_filter = vec![9u8, 1, 2, 3];
    assert_eq!(unpredict(unknown_filter, Some(&parms)), None);
}

// ---------------------------------------------------------------------------------------------
// Not PDFs

#[test]
fn other_file_types_are_named_by_their_bytes() {
    let cases: Vec<(&str, Vec<u8>, FileType)> = vec![
        ("empty", Vec::new(), FileType::Empty),
        ("a JPEG renamed .pdf", jpeg(), FileType::Jpeg),
        (
            "PNG",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            FileType::Png,
        ),
        ("GIF", b"GIF89a\x10\0\x10\0".to_vec(), FileType::Gif),
        ("WebP", b"RIFF\x24\0\0\0WEBPVP8 ".to_vec(), FileType::WebP),
        (
            "HEIC",
            b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec(),
            FileType::Heic,
        ),
        (
            "BMP",
            b"BM\x36\0\0\0\0\0\0\0\x36\0\0\0".to_vec(),
            FileType::Bmp,
        ),
        ("TIFF", b"II*\0\x08\0\0\0".to_vec(), FileType::Tiff),
        (
            "docx",
            zip(&["[Content_Types].xml", "_rels/.rels", "word/document.xml"]),
            FileType::Docx,
        ),
        (
            "xlsx",
            zip(&["[Content_Types].xml", "xl/workbook.xml"]),
            FileType::Xlsx,
        ),
        (
            "pptx",
            zip(&["[Content_Types].xml", "ppt/presentation.xml"]),
            FileType::Pptx,
        ),
        (
            "OFD",
            zip(&["OFD.xml", "Doc_0/Document.xml"]),
            FileType::Ofd,
        ),
        (
            "zip of scans",
            zip(&["备案表.jpg", "毕业证书.jpg"]),
            FileType::Zip,
        ),
        ("doc", ole("WordDocument"), FileType::Doc),
        ("xls", ole("Workbook"), FileType::Xls),
        ("ppt", ole("PowerPoint Document"), FileType::Ppt),
        ("another OLE file", ole("Contents"), FileType::OfficeLegacy),
        ("RAR", b"Rar!\x1a\x07\x01\0\x33\x92".to_vec(), FileType::Rar),
        (
            "7z",
            b"7z\xbc\xaf\x27\x1c\0\x04".to_vec(),
            FileType::SevenZip,
        ),
        (
            "UTF-8 text",
            "学历证书电子注册备案表\r\n毕业证书\n".as_bytes().to_vec(),
            FileType::Text,
        ),
        (
            "GBK text",
            b"\xb1\xcf\xd2\xb5\xd6\xa4\xca\xe9\r\n".to_vec(),
            FileType::Text,
        ),
        (
            "UTF-16 text",
            b"\xff\xfe\x66\x5b\x0e\x53".to_vec(),
            FileType::Text,
        ),
        (
            "HTML",
            b"\n<!DOCTYPE html><html><body>CHSI</body></html>".to_vec(),
            FileType::Html,
        ),
        (
            "MHT",
            b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;"
                .to_vec(),
            FileType::Html,
        ),
        ("binary", vec![0, 1, 2, 3, 250, 4, 5], FileType::Unknown),
        ("a PDF", classic(1), FileType::Pdf),
        (
            "%PDF- after 1024 bytes of junk",
            [vec![b'x'; 1024], classic(1)].concat(),
            FileType::Pdf,
        ),
    ];
    for (name, bytes, expected) in cases {
        assert_eq!(file_type(&bytes), expected, "{name}");
        let report = inspect_pdf(&bytes);
        assert_eq!(report.file_type, expected, "{name}");
        let want = match expected {
            FileType::Empty => Err(PdfProblem::Empty),
            FileType::Pdf => continue,
            other => Err(PdfProblem::NotPdf(other)),
        };
        assert_eq!(report.kind, want, "{name}");
    }
    // One byte more of junk and the header is too far in.
    let far = [vec![b'x'; 1025], classic(1)].concat();
    assert_eq!(
        inspect_pdf(&far).kind,
        Err(PdfProblem::NotPdf(FileType::Text))
    );
}

// ---------------------------------------------------------------------------------------------
// The checks an applicant sees

fn outcome_of(checks: &[EvidenceCheck], key: &str) -> Option<Outcome> {
    checks.iter().find(|c| c.key == key).map(|c| c.outcome)
}

fn message_of<'a>(checks: &'a [EvidenceCheck], key: &str) -> &'a str {
    &checks
        .iter()
        .find(|c| c.key == key)
        .unwrap_or_else(|| panic!("no {key} check in {checks:?}"))
        .message
}

fn keys(checks: &[EvidenceCheck]) -> Vec<&'static str> {
    checks.iter().map(|c| c.key).collect()
}

#[test]
fn evidence_checks_say_what_was_measured_and_how_to_fix_it() {
    let one = check_evidence_file(&classic(1), 2, &PARTS);
    assert_eq!(
        keys(&one),
        ["type", "integrity", "encryption", "pages", "size"]
    );
    assert_eq!(outcome_of(&one, "type"), Some(Outcome::Pass));
    assert_eq!(message_of(&one, "type"), "PDF 1.4 文件（按文件内容判断）。");
    assert_eq!(outcome_of(&one, "pages"), Some(Outcome::Fail));
    assert_eq!(
        message_of(&one, "pages"),
        "只有 1 页，至少需要 2 页：学历证书电子注册备案表、毕业证书。每份材料至少一页，请全部扫描进同一个 PDF 后重新上传。"
    );
    assert_eq!(outcome_of(&one, "size"), Some(Outcome::Pass));
    assert!(message_of(&one, "size").starts_with("文件 "), "{one:?}");

    let two = check_evidence_file(&compressed(2, true), 2, &PARTS);
    assert!(two.iter().all(|c| c.outcome == Outcome::Pass), "{two:?}");
    assert_eq!(
        message_of(&two, "pages"),
        "共 2 页，至少需要 2 页（学历证书电子注册备案表、毕业证书）。"
    );
    assert_eq!(
        message_of(&two, "integrity"),
        "文件完整（有 %%EOF 结束标记），页面目录可读。"
    );

    let photo = check_evidence_file(&jpeg(), 2, &PARTS);
    assert_eq!(keys(&photo), ["type", "size"]);
    assert_eq!(outcome_of(&photo, "type"), Some(Outcome::Fail));
    assert_eq!(
        message_of(&photo, "type"),
        "文件实际格式为 JPG，需将 学历证书电子注册备案表、毕业证书 合并为一个 PDF（改文件名的后缀没有用；可用扫描 App 或「打印 → 另存为 PDF」生成）。"
    );
    let single = check_evidence_file(&jpeg(), 1, &["劳动合同书"]);
    assert!(message_of(&single, "type").starts_with("文件实际格式为 JPG，需转换为 PDF"));

    let word = check_evidence_file(&zip(&["word/document.xml"]), 1, &[]);
    assert!(
        message_of(&word, "type").starts_with("这是 Word 文件，请转换为 PDF（另存为 PDF）"),
        "{word:?}"
    );
    let doc = check_evidence_file(&ole("WordDocument"), 1, &[]);
    assert_eq!(message_of(&doc, "type"), message_of(&word, "type"));
    let excel = check_evidence_file(&ole("Workbook"), 1, &[]);
    assert!(message_of(&excel, "type").starts_with("这是 Excel 文件，请转换为 PDF"));

    let encrypted = {
        let mut pdf = Pdf::new("1.6");
        pdf.obj(9, "<< /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>");
        classic_pdf(pdf, 2, " /Encrypt 9 0 R").bytes()
    };
    let locked = check_evidence_file(&encrypted, 2, &PARTS);
    assert_eq!(keys(&locked), ["type", "encryption", "pages", "size"]);
    assert_eq!(outcome_of(&locked, "encryption"), Some(Outcome::Fail));
    assert!(message_of(&locked, "encryption")
        .starts_with("PDF 有密码保护，平台无法打开，请去掉密码后重新导出"));
    assert_eq!(outcome_of(&locked, "pages"), Some(Outcome::Pass));

    let empty = check_evidence_file(&[], 1, &[]);
    assert_eq!(keys(&empty), ["type"]);
    assert_eq!(
        message_of(&empty, "type"),
        "文件是空的（0 字节），可能没有下载或拷贝完整。请重新导出 PDF 后再选择。"
    );

    let full = classic(2);
    let cut = check_evidence_file(&full[..full.len() / 2], 1, &[]);
    assert_eq!(keys(&cut), ["type", "integrity", "size"]);
    assert_eq!(
        message_of(&cut, "integrity"),
        "文件不完整：结尾缺少 %%EOF 结束标记，可能下载或拷贝中断。请重新下载或重新导出 PDF 后上传。"
    );
    let past = check_evidence_file(&replace_startxref(&full, 99_999), 1, &[]);
    assert!(message_of(&past, "integrity").contains("（第 99999 字节）超出了文件长度"));

    let rebuilt = check_evidence_file(&shift_xref_offsets(&classic(3), 5), 3, &[]);
    assert_eq!(outcome_of(&rebuilt, "integrity"), Some(Outcome::Warn));
    assert_eq!(outcome_of(&rebuilt, "pages"), Some(Outcome::Pass));
    assert_eq!(message_of(&rebuilt, "pages"), "共 3 页，至少需要 3 页。");
    assert!(message_of(&rebuilt, "integrity").contains("交叉引用表有误"));

    let damaged = check_evidence_file(
        &custom(&[
            (1, "<< /Type /Catalog /Pages 2 0 R >>"),
            (2, "<< /Type /Pages /Kids [] >>"),
        ]),
        1,
        &[],
    );
    assert_eq!(
        message_of(&damaged, "integrity"),
        "PDF 已损坏：页面目录里没有任何页面。请用原软件重新导出 PDF 后上传。"
    );
    let lying = check_evidence_file(
        &custom(&[
            (1, "<< /Type /Catalog /Pages 2 0 R >>"),
            (2, "<< /Type /Pages /Kids [3 0 R] /Count 2 >>"),
            (3, &page(2)),
        ]),
        2,
        &PARTS,
    );
    assert_eq!(outcome_of(&lying, "pages"), Some(Outcome::Fail));
    assert!(message_of(&lying, "integrity").contains("页面目录记录为 2 页，实际只能读到 1 页"));
}

#[test]
fn a_large_file_gets_a_size_note() {
    let target: u64 = 12 * 1024 * 1024 + 300 * 1024; // 12.29 MB
    let build = |padding: usize| {
        let mut pdf = Pdf::new("1.4");
        pdf.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
            .obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
            .obj(3, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>")
            .stream(4, "/Filter /DCTDecode", &vec![0x55; padding])
            .xref_table("/Root 1 0 R");
        pdf.bytes()
    };
    let exactly = |size: u64| {
        let mut padding = size as usize;
        loop {
            let bytes = build(padding);
            if bytes.len() as u64 == size {
                return bytes;
            }
            padding = padding + size as usize - bytes.len();
        }
    };
    let bytes = exactly(target);
    let checks = check_evidence_file(&bytes, 1, &[]);
    assert_eq!(outcome_of(&checks, "size"), Some(Outcome::Note));
    assert!(message_of(&checks, "size").starts_with("文件 12.3 MB，较大，建议压缩"));
    let five = exactly(LARGE_FILE_BYTES);
    assert_eq!(
        outcome_of(&check_evidence_file(&five, 1, &[]), "size"),
        Some(Outcome::Pass)
    );
    let over = exactly(LARGE_FILE_BYTES + 1);
    assert_eq!(
        outcome_of(&check_evidence_file(&over, 1, &[]), "size"),
        Some(Outcome::Note)
    );
    assert_eq!(message_of(&check_evidence_file(&over, 1, &[]), "size"), "文件 5.0 MB，较大，建议压缩（超过 5 MB 上传慢；扫描件用 150–200 dpi 或 PDF 软件的「减小文件大小」）。");
    assert_eq!(size_text(512), "512 字节");
    assert_eq!(size_text(60_000), "58.6 KB");
    assert_eq!(size_text(5 * 1024 * 1024), "5.0 MB");
}

#[test]
fn the_checker_uses_no_float_formatting() {
    let source = include_str!("pdf.rs");
    for forbidden in ["{:.", "f32", "f64"] {
        assert!(!source.contains(forbidden), "pdf.rs contains {forbidden}");
    }
}

// ---------------------------------------------------------------------------------------------
// Speed and robustness

fn many_pages(pages: u32) -> (Vec<u8>, Vec<u8>) {
    (classic(pages), compressed(pages, true))
}

#[test]
fn three_hundred_pages_are_inspected_quickly() {
    let (classic_300, compressed_300) = many_pages(300);
    for (name, bytes) in [("classic", classic_300), ("compressed", compressed_300)] {
        let started = std::time::Instant::now();
        let report = inspect_pdf(&bytes);
        let elapsed = started.elapsed();
        assert_eq!(report.pages(), Some(300), "{name}");
        // Debug build; a release build is several times faster still.
        assert!(elapsed.as_millis() < 50, "{name}: {elapsed:?}");
    }
}

fn fixtures() -> Vec<Vec<u8>> {
    vec![classic(3), compressed(3, true), compressed(2, false), {
        let mut pdf = classic_pdf(Pdf::new("1.4"), 2, "");
        pdf.obj(7, &page(2))
            .obj(2, "<< /Type /Pages /Kids [3 0 R 5 0 R 7 0 R] /Count 3 >>")
            .xref_table("/Root 1 0 R");
        pdf.bytes()
    }]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = inspect_pdf(&bytes);
        let _ = check_evidence_file(&bytes, 2, &PARTS);
        let mut with_header = b"%PDF-1.7\n".to_vec();
        with_header.extend_from_slice(&bytes);
        with_header.extend_from_slice(b"\nstartxref\n9\n%%EOF\n");
        let _ = inspect_pdf(&with_header);
    }

    #[test]
    fn pdf_like_token_soup_never_panics(tokens in proptest::collection::vec(prop_oneof![
        Just("obj"), Just("endobj"), Just("1 0 obj"), Just("2 0 R"), Just("<<"), Just(">>"),
        Just("["), Just("]"), Just("/Type"), Just("/Pages"), Just("/Page"), Just("/Kids"),
        Just("/Catalog"), Just("/Root 1 0 R"), Just("stream\n"), Just("endstream"), Just("xref\n0 3\n"),
        Just("0000000009 00000 n \n"), Just("trailer"), Just("/Length 5"), Just("/ObjStm"),
        Just("/N 2 /First 3"), Just("/XRef /W [1 2 1]"), Just("("), Just(")"), Just("%"), Just("\n"),
        Just("startxref\n0\n"), Just("%%EOF"), Just("-1"), Just("99999999999999999999"),
    ], 0..200)) {
        let mut bytes = b"%PDF-1.5\n".to_vec();
        for token in tokens {
            bytes.extend_from_slice(token.as_bytes());
            bytes.push(b' ');
        }
        bytes.extend_from_slice(b"\n%%EOF\n");
        let _ = inspect_pdf(&bytes);
    }

    #[test]
    fn truncating_a_valid_pdf_never_panics(which in 0usize..4, fraction in 0.0f64..1.0) {
        let full = &fixtures()[which];
        let at = (full.len() as f64 * fraction) as usize;
        let report = inspect_pdf(&full[..at]);
        if at == 0 {
            prop_assert_eq!(report.kind, Err(PdfProblem::Empty));
        } else if which != 3 && at + 6 <= full.len() {
            // Single-revision files: any cut before the whole %%EOF is truncated.
            prop_assert_eq!(report.kind, Err(PdfProblem::Truncated(Truncation::MissingEof)));
        }
    }

    #[test]
    fn corrupting_bytes_of_a_valid_pdf_never_panics(
        which in 0usize..4,
        edits in proptest::collection::vec((0.0f64..1.0, any::<u8>()), 1..12),
    ) {
        let mut bytes = fixtures()[which].clone();
        for (position, value) in edits {
            let at = (bytes.len() as f64 * position) as usize;
            let last = bytes.len() - 1;
            bytes[at.min(last)] = value;
        }
        let report = inspect_pdf(&bytes);
        if let Ok(info) = &report.kind {
            prop_assert!(info.pages >= 1 && info.pages <= 4, "{:?}", info);
        }
        let _ = check_evidence_file(&bytes, 2, &PARTS);
    }
}

/// Files built to make a naive reader rescan the whole file for every object.
fn hostile_files() -> Vec<(&'static str, Vec<u8>)> {
    let count = 20_000u32;
    let numbers: Vec<u32> = (3..3 + count).collect();
    let mut unterminated = Pdf::new("1.4");
    unterminated
        .obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
        .obj(
            2,
            &format!("<< /Type /Pages /Kids {} /Count {count} >>", kids(&numbers)),
        );
    for &n in &numbers {
        unterminated.obj(n, "<< /Type /Page /T (unterminated");
    }
    unterminated.xref_table("/Root 1 0 R");
    let mut no_endstream = Pdf::new("1.4");
    no_endstream
        .obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
        .obj(
            2,
            &format!("<< /Type /Pages /Kids {} /Count {count} >>", kids(&numbers)),
        );
    for &n in &numbers {
        let at = no_endstream.out.len();
        no_endstream.note(n, Entry::At(at));
        no_endstream
            .out
            .extend_from_slice(format!("{n} 0 obj << /Length 999999 0 R >> stream\n").as_bytes());
    }
    no_endstream.xref_table("/Root 1 0 R");
    let mut deep_predictor = Pdf::new("1.5");
    deep_predictor.stream(
        4,
        "/Type /XRef /W [1 2 1] /Size 3 /Filter /FlateDecode /DecodeParms << /Predictor 12 /Colors 32 /BitsPerComponent 16 /Columns 16777216 >>",
        &compress_to_vec_zlib(&[0; 100], 6),
    );
    let at = deep_predictor.out.len() - 1;
    deep_predictor.end(at);
    vec![
        ("20 000 unterminated objects", unterminated.bytes()),
        ("20 000 streams without endstream", no_endstream.bytes()),
        ("a predictor row of 1 GiB", deep_predictor.bytes()),
    ]
}

#[test]
fn hostile_files_are_rejected_quickly() {
    for (name, bytes) in hostile_files() {
        let started = std::time::Instant::now();
        let report = inspect_pdf(&bytes);
        let elapsed = started.elapsed();
        assert!(report.pages().is_none(), "{name}: {report:?}");
        assert!(elapsed.as_millis() < 2000, "{name}: {elapsed:?}");
    }
}
