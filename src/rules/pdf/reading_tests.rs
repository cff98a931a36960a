//! The PDF checker on readable files and on files that are not PDFs.

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
