//! Damaged, truncated and hostile PDFs: every verdict exact, every loop and inflate bounded.

use super::fixtures::*;
use super::*;
use miniz_oxide::deflate::compress_to_vec_zlib;

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
