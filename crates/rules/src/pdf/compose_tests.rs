//! The PDF writer (write.rs, copy.rs): its output read back by the app's own reader, exact
//! cross-reference offsets, stable bytes, the page geometry of every orientation, refusals.

use super::fixtures::*;
use super::write::{image_page, Orientation};
use super::*;
use crate::verdict::num as fixed;
use proptest::prelude::*;

fn jpeg_of(width: u16, height: u16) -> Vec<u8> {
    let pixels = vec![120u8; usize::from(width) * usize::from(height) * 3];
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, 80)
        .encode(&pixels, width, height, jpeg_encoder::ColorType::Rgb)
        .expect("encodes");
    out
}

/// An EXIF APP1 segment with `orientation`, right after SOI.
fn with_exif(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut body = b"Exif\0\0MM\0*".to_vec();
    body.extend_from_slice(&8u32.to_be_bytes());
    body.extend_from_slice(&1u16.to_be_bytes());
    body.extend_from_slice(&0x0112u16.to_be_bytes());
    body.extend_from_slice(&3u16.to_be_bytes());
    body.extend_from_slice(&1u32.to_be_bytes());
    body.extend_from_slice(&orientation.to_be_bytes());
    body.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&body);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// The file as text with every byte one character (non-ASCII shown as `?`), so that positions in
/// it are byte offsets.
fn ascii(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| if b.is_ascii() { char::from(b) } else { '?' })
        .collect()
}

fn image(bytes: &[u8]) -> ComposePage<'_> {
    ComposePage {
        source: PageSource::Jpeg(bytes),
        turns: 0,
    }
}

fn pdf_page(pdf: &[u8], index: u32) -> ComposePage<'_> {
    ComposePage {
        source: PageSource::PdfPage { pdf, index },
        turns: 0,
    }
}

/// The output as the checks see it: pages, and no warning of any kind.
fn assert_clean(out: &[u8], pages: u32) {
    let report = inspect_pdf(out);
    match &report.kind {
        Ok(info) => {
            assert_eq!(info.pages, pages, "page count");
            assert_eq!(info.warnings, vec![], "warnings");
            // 1.4, or a copied file's later version.
            assert!(info.version.as_str() >= "1.4", "{}", info.version);
        }
        Err(problem) => panic!("the output is refused: {problem:?}"),
    }
    assert_xref_exact(out);
}

/// Every in-use entry of the (one) xref table points at its own `N 0 obj`, and startxref at the
/// table.
fn assert_xref_exact(out: &[u8]) {
    let text = ascii(out);
    let start: usize = text
        .rsplit("startxref\n")
        .next()
        .and_then(|t| t.lines().next())
        .and_then(|n| n.parse().ok())
        .expect("startxref");
    assert!(out[start..].starts_with(b"xref\n0 "), "startxref → xref");
    let table = &text[start..];
    let size: usize = table.lines().nth(1).unwrap()[2..].parse().unwrap();
    let entries: Vec<&str> = table.lines().skip(2).take(size).collect();
    assert_eq!(entries[0], "0000000000 65535 f ");
    for (number, entry) in entries.iter().enumerate().skip(1) {
        assert_eq!(
            entry.len(),
            19,
            "entry {number} is 20 bytes with its newline"
        );
        let offset: usize = entry[..10].parse().unwrap();
        let header = format!("{number} 0 obj\n");
        assert!(
            out[offset..].starts_with(header.as_bytes()),
            "object {number} at {offset}"
        );
    }
    assert!(text.contains(&format!("trailer\n<</Size {size}/Root 1 0 R>>")));
    assert!(out.ends_with(b"%%EOF\n"));
}

fn media_boxes(out: &[u8]) -> Vec<String> {
    let text = ascii(out);
    text.match_indices("/MediaBox[")
        .map(|(at, _)| {
            let rest = &text[at + 10..];
            rest[..rest.find(']').unwrap()].to_string()
        })
        .collect()
}

#[test]
fn images_only_become_a4_pages_portrait_or_landscape_as_shown() {
    let wide = jpeg_of(32, 16);
    let turned = with_exif(&wide, 6);
    let out = compose_pdf(&[image(&wide), image(&turned)]).unwrap();
    assert_clean(&out, 2);
    assert_eq!(media_boxes(&out), ["0 0 842 595", "0 0 595 842"]);
    // The JPEG goes in as it is: its bytes are in the file unchanged.
    assert!(out.windows(wide.len()).any(|w| w == wide.as_slice()));
    assert!(out.windows(turned.len()).any(|w| w == turned.as_slice()));
}

#[test]
fn pdf_pages_are_copied_from_classic_xref_stream_and_object_stream_files() {
    let classic = classic(3);
    let packed = compressed(2, true);
    let out = compose_pdf(&[
        pdf_page(&classic, 1),
        pdf_page(&packed, 0),
        pdf_page(&packed, 1),
    ])
    .unwrap();
    assert_clean(&out, 3);
    // The packed file is PDF 1.5 (object streams): the made file says so too.
    assert!(out.starts_with(b"%PDF-1.5\n"));
    let text = ascii(&out);
    // The second page's own content stream, byte for byte; the font of the packed file's pages.
    assert!(text.contains("(Page 2 \\) endobj) Tj"));
    assert!(!text.contains("(Page 1 \\)"), "only the chosen page");
    assert!(text.contains("/BaseFont/Helvetica"));
}

#[test]
fn mixed_images_and_pdf_pages_keep_their_order() {
    let photo = jpeg_of(16, 24);
    let classic = classic(2);
    let out = compose_pdf(&[image(&photo), pdf_page(&classic, 1), image(&photo)]).unwrap();
    assert_clean(&out, 3);
    let text = ascii(&out);
    let kids = &text[text.find("/Kids[").unwrap()..];
    let kids: Vec<u32> = kids[6..kids.find(']').unwrap()]
        .split(" 0 R")
        .filter_map(|k| k.trim().parse().ok())
        .collect();
    assert_eq!(kids.len(), 3);
    // Page 2 is the copied one: its object holds a /Contents and no image.
    let page_text = |n: u32| {
        let at = text.find(&format!("\n{n} 0 obj\n")).unwrap();
        text[at..at + text[at..].find("endobj").unwrap()].to_string()
    };
    assert!(page_text(kids[0]).contains("/XObject<</Im0"));
    assert!(!page_text(kids[1]).contains("/Im0"));
    assert!(page_text(kids[2]).contains("/XObject<</Im0"));
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let photo = with_exif(&jpeg_of(16, 16), 3);
    let classic = classic(2);
    let pages = [image(&photo), pdf_page(&classic, 0)];
    let first = compose_pdf(&pages).unwrap();
    assert_eq!(first, compose_pdf(&pages).unwrap());
    // Pinned: a change to what the writer emits must be deliberate (and this hash updated).
    let tiny = compose_pdf(&[pdf_page(&classic, 1)]).unwrap();
    assert_eq!(
        crate::sha256::sha256_hex(&tiny),
        PINNED_SHA256,
        "{}",
        ascii(&tiny)
    );
}

const PINNED_SHA256: &str = "9cef58f44cdf215ea3ca1fd69b578abd1f180790484fafc24b09731028c58e8b";

#[test]
fn shared_resources_are_copied_once_for_pages_of_one_file() {
    let packed = compressed(3, false);
    let out = compose_pdf(&[pdf_page(&packed, 0), pdf_page(&packed, 2)]).unwrap();
    assert_clean(&out, 2);
    // Every page of the fixture carries the same direct font dictionary; refs would be shared.
    let text = ascii(&out);
    assert_eq!(text.matches("/Type/Page/").count(), 2);
}

#[test]
fn turning_adds_to_the_pages_own_rotation() {
    let rotated = custom(&[
        (1, "<< /Type /Catalog /Pages 2 0 R >>"),
        (
            2,
            "<< /Type /Pages /Kids [3 0 R] /Count 1 /Rotate 90 /MediaBox [0 0 200 100] >>",
        ),
        (3, "<< /Type /Page /Parent 2 0 R >>"),
    ]);
    for (turns, want) in [(0, Some("/Rotate 90")), (1, Some("/Rotate 180")), (3, None)] {
        let out = compose_pdf(&[ComposePage {
            source: PageSource::PdfPage {
                pdf: &rotated,
                index: 0,
            },
            turns,
        }])
        .unwrap();
        assert_clean(&out, 1);
        let text = ascii(&out);
        // Inherited from the page tree node, written on the page itself.
        assert_eq!(media_boxes(&out), ["0 0 200 100"]);
        match want {
            Some(rotate) => assert!(text.contains(rotate), "{turns}: {text}"),
            None => assert!(!text.contains("/Rotate"), "{turns}: {text}"),
        }
    }
}

#[test]
fn a_resource_that_points_at_another_page_does_not_bring_the_file_along() {
    let linked = custom(&[
        (1, "<< /Type /Catalog /Pages 2 0 R >>"),
        (2, "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>"),
        (3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /X 4 0 R /Y [2 0 R] >> /Annots [5 0 R] >>"),
        (4, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"),
        (5, "<< /Type /Annot /Subtype /Link /Dest [4 0 R /Fit] >>"),
    ]);
    let out = compose_pdf(&[pdf_page(&linked, 0)]).unwrap();
    assert_clean(&out, 1);
    let text = ascii(&out);
    assert!(text.contains("/Resources<</X null/Y[null]>>"), "{text}");
    assert!(!text.contains("/Annots"));
    // Catalog, page tree and the one page.
    assert!(text.contains("xref\n0 4\n"), "{text}");
}

#[test]
fn strings_names_and_reals_are_copied_as_written() {
    let odd = custom(&[
        (1, "<< /Type /Catalog /Pages 2 0 R >>"),
        (2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        (3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.5 -1.25] /Resources << /Properties << /A#20B << /S (a \\) b (c)) /H <48 49> /T true /F false /N null >> >> >> >>"),
    ]);
    let out = compose_pdf(&[pdf_page(&odd, 0)]).unwrap();
    assert_clean(&out, 1);
    let text = ascii(&out);
    assert!(
        text.contains("/A#20B<</S(a \\) b (c))/H<48 49>/T true/F false/N null>>"),
        "{text}"
    );
    assert_eq!(media_boxes(&out), ["0 0 595.5 -1.25"]);
}

#[test]
fn refused_inputs_name_the_page_and_say_what_to_do() {
    let encrypted = {
        let mut pdf = Pdf::new("1.6");
        pdf.obj(9, "<< /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>");
        classic_pdf(pdf, 2, " /Encrypt 9 0 R").bytes()
    };
    let photo = jpeg_of(8, 8);
    let classic = classic(1);
    let cases: Vec<(Vec<ComposePage<'_>>, usize, &str)> = vec![
        (
            vec![image(&photo), pdf_page(&encrypted, 0)],
            2,
            "PDF 有密码保护",
        ),
        (vec![pdf_page(b"", 0)], 1, "文件是空的"),
        (vec![pdf_page(&photo, 0)], 1, "文件实际格式为 JPG"),
        (vec![image(&classic)], 1, "这张 JPEG 图片无法直接放入 PDF"),
        (
            vec![image(&photo[..photo.len() - 10])],
            1,
            "这张 JPEG 图片无法直接放入 PDF",
        ),
        (
            vec![image(&photo), image(&photo), pdf_page(&classic, 1)],
            3,
            "PDF 只有 1 页，没有第 2 页",
        ),
        (
            vec![pdf_page(&classic[..classic.len() - 40], 0)],
            1,
            "文件不完整",
        ),
    ];
    for (pages, page, message) in cases {
        let error = compose_pdf(&pages).unwrap_err();
        assert_eq!(error.page, page, "{message}");
        assert!(
            error.message.contains(message),
            "{message}: {}",
            error.message
        );
    }
}

#[test]
fn no_pages_is_still_a_file_with_an_empty_page_tree() {
    // The composer never asks for it (it names missing parts first); the writer does not break.
    let out = compose_pdf(&[]).unwrap();
    assert!(out.starts_with(b"%PDF-1.4\n"));
    assert_xref_exact(&out);
}

#[test]
fn the_eight_orientations_and_quarter_turns() {
    // Where the stored picture's top-left corner appears, as (across, down) on the page.
    let corners = [
        (1, (0.0, 0.0)),
        (2, (1.0, 0.0)),
        (3, (1.0, 1.0)),
        (4, (0.0, 1.0)),
        (5, (0.0, 0.0)),
        (6, (1.0, 0.0)),
        (7, (1.0, 1.0)),
        (8, (0.0, 1.0)),
    ];
    for (exif, want) in corners {
        let o = Orientation::from_exif(exif);
        // A 40 × 20 picture: turned ones (5–8) stand upright, the others lie.
        let ((w, h), m) = image_page(40, 20, o);
        assert_eq!((w > h), exif < 5, "orientation {exif}");
        // Image space (0, 1) is the stored top-left corner.
        let (x, y) = (m[2] + m[4], m[3] + m[5]);
        let across = if x < f64::from(w) / 2.0 { 0.0 } else { 1.0 };
        let down = if y > f64::from(h) / 2.0 { 0.0 } else { 1.0 };
        assert_eq!((across, down), want, "orientation {exif}");
    }
    let upright = Orientation::from_exif(1);
    assert_eq!(upright.turned(), Orientation::from_exif(6));
    assert_eq!(upright.turned().turned(), Orientation::from_exif(3));
    assert_eq!(
        upright.turned().turned().turned(),
        Orientation::from_exif(8)
    );
    for exif in 1..=8 {
        let o = Orientation::from_exif(exif);
        assert_eq!(
            o.turned().turned().turned().turned(),
            o,
            "four turns, {exif}"
        );
    }
}

#[test]
fn an_image_is_fitted_inside_the_margin_and_centred() {
    let ((w, h), m) = image_page(1000, 1000, Orientation::from_exif(1));
    assert_eq!((w, h), (595, 842));
    let side = 595.0 - 2.0 * f64::from(PAGE_MARGIN_POINTS);
    assert_eq!(m, [side, 0.0, 0.0, side, 24.0, (842.0 - side) / 2.0]);
    assert_eq!(fixed(12.345), "12.35");
    assert_eq!(fixed(-0.5), "-0.5");
    assert_eq!(fixed(547.0), "547");
    assert_eq!(fixed(0.04), "0.04");
}

proptest! {
    /// Any list of pages from well-formed and damaged sources: no panic; a made file always reads
    /// back with as many pages and no warning.
    #[test]
    fn any_page_list_gives_a_clean_file_or_a_message(
        picks in proptest::collection::vec((0usize..6, 0u32..4, 0u8..4), 0..8),
        cut in 0usize..400,
    ) {
        let photo = with_exif(&jpeg_of(8, 16), 6);
        let sources: Vec<Vec<u8>> = vec![
            classic(3),
            compressed(2, true),
            compressed(3, false),
            photo.clone(),
            classic(2)[..classic(2).len().saturating_sub(cut)].to_vec(),
            noise(300, cut as u32),
        ];
        let pages: Vec<ComposePage<'_>> = picks
            .iter()
            .map(|&(which, index, turns)| {
                let bytes = sources[which].as_slice();
                let source = if which == 3 {
                    PageSource::Jpeg(bytes)
                } else {
                    PageSource::PdfPage { pdf: bytes, index }
                };
                ComposePage { source, turns }
            })
            .collect();
        if let Ok(out) = compose_pdf(&pages) {
            if !pages.is_empty() {
                assert_clean(&out, pages.len() as u32);
            }
        }
    }
}

/// An independent reader: `qpdf --check` accepts each kind of output and counts its pages.
/// Skipped where qpdf is not installed, unless ZHICHENG_REQUIRE_QPDF is set (`make test` sets it).
#[test]
fn qpdf_accepts_the_output() {
    let qpdf = std::path::Path::new("/usr/bin/qpdf");
    if !qpdf.exists() {
        assert!(
            std::env::var_os("ZHICHENG_REQUIRE_QPDF").is_none(),
            "qpdf is required (scripts/setup.sh test installs it)"
        );
        eprintln!("qpdf not installed: skipped");
        return;
    }
    let photo = with_exif(&jpeg_of(24, 16), 6);
    let gray = {
        let mut out = Vec::new();
        jpeg_encoder::Encoder::new(&mut out, 70)
            .encode(&[90u8; 64], 8, 8, jpeg_encoder::ColorType::Luma)
            .unwrap();
        out
    };
    let classic = classic(3);
    let packed = compressed(2, true);
    let cases: Vec<(&str, Vec<ComposePage<'_>>)> = vec![
        ("images", vec![image(&photo), image(&gray)]),
        (
            "pdfs",
            vec![
                pdf_page(&classic, 2),
                pdf_page(&packed, 1),
                pdf_page(&packed, 0),
            ],
        ),
        (
            "mixed",
            vec![
                image(&photo),
                pdf_page(&classic, 0),
                ComposePage {
                    source: PageSource::PdfPage {
                        pdf: &packed,
                        index: 1,
                    },
                    turns: 1,
                },
            ],
        ),
    ];
    let dir = std::env::temp_dir().join(format!("zhicheng-qpdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, pages) in cases {
        let path = dir.join(format!("{name}.pdf"));
        std::fs::write(&path, compose_pdf(&pages).unwrap()).unwrap();
        let check = std::process::Command::new(qpdf)
            .arg("--check")
            .arg(&path)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&check.stdout).to_string()
            + &String::from_utf8_lossy(&check.stderr);
        assert!(check.status.success(), "{name}: {said}");
        assert!(!said.contains("WARNING"), "{name}: {said}");
        let count = std::process::Command::new(qpdf)
            .arg("--show-npages")
            .arg(&path)
            .output()
            .unwrap();
        let count = String::from_utf8_lossy(&count.stdout).trim().to_string();
        assert_eq!(count, pages.len().to_string(), "{name}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_hostile_rotate_is_reduced_before_turning() {
    let bytes = custom(&[
        (1, "<< /Type /Catalog /Pages 2 0 R >>"),
        (2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        (
            3,
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate 9223372036854775807 >>",
        ),
    ]);
    let out = compose_pdf(&[ComposePage {
        source: PageSource::PdfPage {
            pdf: &bytes,
            index: 0,
        },
        turns: 1,
    }])
    .unwrap();
    assert_clean(&out, 1);
    // 9223372036854775807 mod 360 = 7 → 0, then one turn.
    assert!(ascii(&out).contains("/Rotate 90>>"));
}

#[test]
fn a_large_inherited_attribute_is_held_once_however_many_pages_inherit_it() {
    // A 100 KB /Resources on the root and 2000 pages: before, every page held its own copy
    // (gigabytes); the chain keeps one.
    let big = "()".repeat(50_000);
    let numbers: Vec<u32> = (0..2000).map(|i| 3 + i).collect();
    let mut objects = vec![
        (1, "<< /Type /Catalog /Pages 2 0 R >>".to_string()),
        (
            2,
            format!(
                "<< /Type /Pages /Kids {} /Count 2000 /Resources << /X [{big}] >> /MediaBox [0 0 595 842] >>",
                kids(&numbers)
            ),
        ),
    ];
    objects.extend(
        numbers
            .iter()
            .map(|&n| (n, "<< /Type /Page /Parent 2 0 R >>".to_string())),
    );
    let refs: Vec<(u32, &str)> = objects.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let bytes = custom(&refs);
    let started = std::time::Instant::now();
    let out = compose_pdf(&[pdf_page(&bytes, 1999)]).unwrap();
    assert_clean(&out, 1);
    // The one copied page with its 50 000 strings, written once (with a space between each).
    assert!(out.len() < 200_000, "{}", out.len());
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
}

#[test]
fn a_pdf_with_an_unreadable_page_is_refused_when_chosen_not_when_made() {
    let bytes = custom(&[
        (1, "<< /Type /Catalog /Pages 2 0 R >>"),
        (2, "<< /Type /Pages /Kids [3 0 R 9 0 R] /Count 2 >>"),
        (3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"),
    ]);
    match crate::compose::intake(&bytes) {
        crate::compose::Intake::Refused(m) => assert!(m.contains("1 页无法读取"), "{m}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn only_jpegs_a_pdf_reader_decodes_go_in_as_they_are() {
    use crate::compose::{intake, Intake};
    // SOI, a 16 × 16 frame of three components, a scan, EOI.
    let frame = |sof: u8, precision: u8| {
        let mut j = vec![
            0xFF, 0xD8, 0xFF, sof, 0, 17, precision, 0, 16, 0, 16, 3, 1, 0x11, 0, 2, 0x11, 0, 3,
            0x11, 0,
        ];
        j.extend_from_slice(&[
            0xFF, 0xDA, 0, 12, 3, 1, 0, 2, 0, 3, 0, 1, 0, 0, 0, 0, 0xFF, 0xD9,
        ]);
        j
    };
    assert_eq!(intake(&frame(0xC0, 8)), Intake::JpegAsIs);
    assert_eq!(intake(&frame(0xC2, 8)), Intake::JpegAsIs);
    // Lossless, 12-bit, arithmetic: the browser redraws them (or says it cannot).
    assert_eq!(intake(&frame(0xC3, 8)), Intake::Redraw);
    assert_eq!(intake(&frame(0xC1, 12)), Intake::Redraw);
    assert_eq!(intake(&frame(0xC9, 8)), Intake::Redraw);
    // A motion photo: the picture ends, then a video follows. Redrawn, not refused as cut off.
    let mut motion = jpeg_of(16, 16);
    motion.extend_from_slice(b"\0\0\0\x18ftypmp42");
    motion.extend(std::iter::repeat_n(7u8, 4000));
    assert_eq!(intake(&motion), Intake::Redraw);
    // Cut off inside the picture: refused.
    let photo = jpeg_of(16, 16);
    match intake(&photo[..photo.len() - 10]) {
        Intake::Refused(m) => assert!(m.contains("不完整"), "{m}"),
        other => panic!("{other:?}"),
    }
}
