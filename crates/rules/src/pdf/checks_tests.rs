//! The checks an applicant sees next to an evidence item, and the checker's speed and robustness.

use super::fixtures::*;
use super::*;
use miniz_oxide::deflate::compress_to_vec_zlib;
use proptest::prelude::*;

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
fn step_5_says_in_one_plain_line_whether_the_file_can_be_uploaded() {
    // (file, pages asked, pages it has, can upload, the line)
    let cases: Vec<(Vec<u8>, u32, u32, bool, &str)> = vec![
        (
            classic(2),
            2,
            2,
            true,
            "可以上传：平台能打开这个 PDF，共 2 页。",
        ),
        (
            classic(1),
            2,
            1,
            false,
            "这个文件还不能用，请按下面的提示处理。",
        ),
        (
            jpeg(),
            1,
            0,
            false,
            "这个文件还不能用，请按下面的提示处理。",
        ),
        (
            shift_xref_offsets(&classic(3), 5),
            3,
            3,
            true,
            "可以上传：平台能打开这个 PDF，共 3 页。另有提示请看一下。",
        ),
    ];
    for (bytes, min_pages, pages, ok, line) in cases {
        let checks = check_evidence_file(&bytes, min_pages, &[]);
        let verdict = file_verdict(&checks, pages);
        assert_eq!(verdict, (ok, line.to_string()), "{checks:?}");
        // Nothing technical on the main line.
        for word in ["%PDF", "%%EOF", "PDF 1.", "加密", "xref"] {
            assert!(!verdict.1.contains(word), "{word} in {}", verdict.1);
        }
    }
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
    let rooms = [
        ("mod.rs", include_str!("mod.rs")),
        ("file_type.rs", include_str!("file_type.rs")),
        ("report.rs", include_str!("report.rs")),
        ("checks.rs", include_str!("checks.rs")),
        ("lexer.rs", include_str!("lexer.rs")),
        ("filters.rs", include_str!("filters.rs")),
        ("document.rs", include_str!("document.rs")),
    ];
    for (name, source) in rooms {
        for forbidden in ["{:.", "f32", "f64"] {
            assert!(
                !source.contains(forbidden),
                "pdf/{name} contains {forbidden}"
            );
        }
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
