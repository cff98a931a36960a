//! The PDF checker on readable files: page counts and versions, cross-reference and object streams,
//! incremental updates, encryption.

use super::fixtures::*;
use super::*;
use miniz_oxide::deflate::compress_to_vec_zlib;

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
