//! Backups that cannot be read as they are: every error case told apart with its message, text
//! that is not UTF-8 or was saved again by Notepad, sizes over the limit, speed, and older formats.
//! The fixtures are in backup_tests.rs.

use super::tests::*;
use super::*;
use proptest::prelude::*;
use std::time::Instant;

#[test]
fn every_error_case_is_told_apart() {
    let (draft, files) = fixture();
    let good = exported();
    let stored = draft.to_stored();
    let photo = &files[2];
    let pdf = &files[1];
    let photo_entry = |size: usize, data: &str| {
        hand_made(
            "1",
            &stored,
            &format!("[{}]", file_json(&photo.0, "image/jpeg", size, data)),
        )
    };
    let photo_data = base64::encode(&photo.2);
    // One base64 character changed on a 4-character boundary: still valid, other bytes.
    let mut flipped = photo_data.clone().into_bytes();
    flipped[400] = if flipped[400] == b'A' { b'B' } else { b'A' };
    let flipped = String::from_utf8(flipped).unwrap();
    let mut pdf_flipped = base64::encode(&pdf.2).into_bytes();
    pdf_flipped[0] = if pdf_flipped[0] == b'A' { b'B' } else { b'A' };
    let pdf_flipped = String::from_utf8(pdf_flipped).unwrap();
    let semicolon = good.replacen("\"format_version\":1,", "\"format_version\":1;", 1);
    let semicolon_column = semicolon.find(';').unwrap() + 1;
    let malformed = |detail: &str| BackupError::Malformed {
        detail: detail.to_string(),
    };
    let photo_label = || ("证件照".to_string(), photo.0.clone());

    let cases: Vec<(&str, String, BackupError)> = vec![
        ("empty", String::new(), BackupError::Empty),
        ("whitespace", " \n\t".into(), BackupError::Empty),
        ("plain text", "hello".into(), BackupError::NotJson),
        (
            "a PDF read as text",
            "%PDF-1.7\n%âãÏÓ\n".into(),
            BackupError::NotJson,
        ),
        ("truncated array", "[1, 2".into(), BackupError::NotJson),
        (
            "a character replaced",
            semicolon,
            BackupError::Corrupt {
                line: 1,
                column: semicolon_column,
            },
        ),
        (
            "trailing garbage",
            format!("{good}\n}}"),
            BackupError::Corrupt { line: 4, column: 1 },
        ),
        (
            "foreign JSON",
            r#"{"hello":1}"#.into(),
            BackupError::Foreign { found: None },
        ),
        (
            "a JSON array",
            "[1,2]".into(),
            BackupError::Foreign { found: None },
        ),
        (
            "a JSON string",
            "\"backup\"".into(),
            BackupError::Foreign { found: None },
        ),
        (
            "format is a number",
            r#"{"format":5,"format_version":1}"#.into(),
            BackupError::Foreign { found: None },
        ),
        (
            "another tool's format",
            r#"{"format":"other-tool","format_version":1}"#.into(),
            BackupError::Foreign {
                found: Some("other-tool".into()),
            },
        ),
        ("a stored draft", stored.clone(), BackupError::StoredDraft),
        (
            "future format version",
            good.replacen("\"format_version\":1", "\"format_version\":3", 1),
            BackupError::FutureFormat { found: 3 },
        ),
        (
            "future format version, unknown shape",
            r#"{"format":"zhicheng-yanlian-backup","format_version":2,"parts":"x"}"#.into(),
            BackupError::FutureFormat { found: 2 },
        ),
        (
            "no format version",
            good.replacen("\"format_version\":1,", "", 1),
            malformed("缺少格式版本"),
        ),
        (
            "format version as text",
            hand_made("\"1\"", &stored, "[]"),
            malformed("格式版本不是数字"),
        ),
        (
            "format version zero",
            hand_made("0", &stored, "[]"),
            malformed("格式版本 0 不存在"),
        ),
        (
            "negative format version",
            hand_made("-1", &stored, "[]"),
            malformed("格式版本不是正整数"),
        ),
        (
            "fractional format version",
            hand_made("1.5", &stored, "[]"),
            malformed("格式版本不是正整数"),
        ),
        (
            "no files list",
            r#"{"format":"zhicheng-yanlian-backup","format_version":1,"draft":{"version":1}}"#
                .into(),
            malformed("缺少文件清单"),
        ),
        (
            "no draft",
            r#"{"format":"zhicheng-yanlian-backup","format_version":1,"files":[]}"#.into(),
            malformed("缺少草稿"),
        ),
        (
            "draft is null",
            hand_made("1", "null", "[]"),
            malformed("缺少草稿"),
        ),
        (
            "files is an object",
            hand_made("1", &stored, "{}"),
            malformed("导出时间、草稿或文件清单的写法不对"),
        ),
        (
            "file entry without data",
            hand_made("1", &stored, r#"[{"id":"a","mime":"image/jpeg","size":1}]"#),
            malformed("导出时间、草稿或文件清单的写法不对"),
        ),
        (
            "file size negative",
            photo_entry(0, "AA==").replacen("\"size\":0", "\"size\":-1", 1),
            malformed("导出时间、草稿或文件清单的写法不对"),
        ),
        (
            "future draft version",
            hand_made("1", r#"{"version":7,"basic":{"name":"王五"}}"#, "[]"),
            BackupError::DraftFromFuture { found: 7 },
        ),
        (
            "draft without version",
            hand_made("1", r#"{"basic":{}}"#, "[]"),
            BackupError::DraftUnreadable(DamageReason::NotADraft {
                detail: "version = None".into(),
            }),
        ),
        (
            "draft is an array",
            hand_made("1", "[1]", "[]"),
            BackupError::DraftUnreadable(DamageReason::NotADraft {
                detail: "顶层不是对象".into(),
            }),
        ),
        (
            "broken base64: bad character",
            photo_entry(
                photo.2.len(),
                &photo_data.replacen(&photo_data[8..12], "A!AA", 1),
            ),
            {
                let (label, id) = photo_label();
                BackupError::BadBase64 { id, label }
            },
        ),
        (
            "broken base64: line breaks",
            photo_entry(
                photo.2.len(),
                &format!("{}\\n{}", &photo_data[..76], &photo_data[76..]),
            ),
            {
                let (label, id) = photo_label();
                BackupError::BadBase64 { id, label }
            },
        ),
        (
            "broken base64: one character missing",
            photo_entry(photo.2.len(), &photo_data[1..]),
            {
                let (label, id) = photo_label();
                BackupError::BadBase64 { id, label }
            },
        ),
        (
            "file larger than declared",
            photo_entry(photo.2.len() - 3, &photo_data),
            {
                let (label, id) = photo_label();
                BackupError::SizeMismatch {
                    id,
                    label,
                    declared: photo.2.len() as u64 - 3,
                    actual: photo.2.len() as u64,
                }
            },
        ),
        (
            "file smaller than declared",
            photo_entry(photo.2.len() + 1, &photo_data),
            {
                let (label, id) = photo_label();
                BackupError::SizeMismatch {
                    id,
                    label,
                    declared: photo.2.len() as u64 + 1,
                    actual: photo.2.len() as u64,
                }
            },
        ),
        (
            "photo bytes changed",
            photo_entry(photo.2.len(), &flipped),
            {
                let (label, id) = photo_label();
                BackupError::HashMismatch { id, label }
            },
        ),
        (
            "attachment bytes changed",
            hand_made(
                "1",
                &stored,
                &format!(
                    "[{}]",
                    file_json(&pdf.0, "application/pdf", pdf.2.len(), &pdf_flipped)
                ),
            ),
            BackupError::HashMismatch {
                id: pdf.0.clone(),
                label: "毕业证书.pdf".into(),
            },
        ),
    ];
    for (label, text, expected) in cases {
        let got = read_backup(&text);
        assert_eq!(got, Err(expected), "{label}");
        let message = got.unwrap_err().message();
        assert!(!message.is_empty(), "{label}");
    }
}

#[test]
fn bytes_that_are_not_utf8_are_told_apart() {
    let good = exported().into_bytes();
    let mut corrupt = good.clone();
    corrupt[30] = 0xff;
    let cases: [(&str, Vec<u8>, BackupError); 4] = [
        ("a JPEG", photo_bytes(), BackupError::NotJson),
        (
            "a zip",
            b"PK\x03\x04\x14\x00\x00\x00\x08\x00\xff\xfe".to_vec(),
            BackupError::NotJson,
        ),
        (
            "a stray byte",
            corrupt,
            BackupError::Corrupt {
                line: 1,
                column: 31,
            },
        ),
        ("empty", vec![], BackupError::Empty),
    ];
    for (label, bytes, expected) in cases {
        assert_eq!(read_backup_bytes(&bytes), Err(expected), "{label}");
    }
}

#[test]
fn a_backup_saved_again_by_windows_notepad_still_reads() {
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(exported().as_bytes());
    let backup = read_backup_bytes(&with_bom).expect("a byte order mark is not damage");
    assert_eq!(backup.draft, fixture().0);
}

#[test]
fn more_than_200_mib_is_refused_unread() {
    assert_eq!(check_backup_size(MAX_BACKUP_BYTES), Ok(()));
    assert_eq!(
        check_backup_size(MAX_BACKUP_BYTES + 1),
        Err(BackupError::TooLarge {
            bytes: MAX_BACKUP_BYTES + 1
        })
    );
    let huge = " ".repeat(MAX_BACKUP_BYTES as usize + 1);
    assert_eq!(
        read_backup(&huge),
        Err(BackupError::TooLarge {
            bytes: MAX_BACKUP_BYTES + 1
        })
    );
    assert_eq!(
        read_backup_bytes(huge.as_bytes()),
        Err(BackupError::TooLarge {
            bytes: MAX_BACKUP_BYTES + 1
        })
    );
}

#[test]
fn messages_say_what_is_wrong_and_what_to_do() {
    let label = |l: &str| (String::from("id"), l.to_string());
    let cases: Vec<(BackupError, &str)> = vec![
        (BackupError::Empty, "备份文件是空的，请确认选择了本工具导出的备份"),
        (
            BackupError::TooLarge { bytes: 314_572_800 },
            "文件太大（300.0 MB，本工具最多读取 200 MB），不是本工具导出的备份",
        ),
        (BackupError::Truncated, "备份文件不完整，可能下载中断，请重新导出"),
        (
            BackupError::NotJson,
            "这个文件不是本工具导出的备份（内容不是备份数据），请选择「导出备份」得到的文件",
        ),
        (
            BackupError::Corrupt { line: 2, column: 17 },
            "备份文件已损坏（第 2 行第 17 列附近的内容不合规），请在原来的浏览器中重新导出备份",
        ),
        (
            BackupError::Foreign { found: None },
            "这个文件不是本工具导出的备份，请选择「导出备份」得到的文件（文件名以「职称申报演练备份-」开头）",
        ),
        (
            BackupError::Foreign {
                found: Some("x".repeat(50)),
            },
            "这个文件不是本工具导出的备份（format 标记是「xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx」），请选择「导出备份」得到的文件",
        ),
        (
            BackupError::StoredDraft,
            "这个文件是浏览器里保存的草稿数据，不是本工具导出的备份，请用「导出备份」生成备份文件",
        ),
        (
            BackupError::FutureFormat { found: 3 },
            "备份来自更新版本的本工具（格式版本 3），请先更新本工具再导入",
        ),
        (
            BackupError::Malformed {
                detail: "缺少草稿".into(),
            },
            "备份文件的内容不对（缺少草稿），可能被改动过，请在原来的浏览器中重新导出备份",
        ),
        (
            BackupError::DraftFromFuture { found: 7 },
            "备份中的草稿来自更新版本的本工具（数据版本 7，本版本只认识到 2），请先更新本工具再导入",
        ),
        (
            BackupError::DraftUnreadable(DamageReason::NotADraft {
                detail: String::new(),
            }),
            "备份中的草稿无法读取（字段与本工具的草稿不符），可能被改动过，请在原来的浏览器中重新导出备份",
        ),
        (
            {
                let (id, label) = label("证件照");
                BackupError::BadBase64 { id, label }
            },
            "备份中的文件「证件照」已损坏（编码不正确），请在原来的浏览器中重新导出备份",
        ),
        (
            {
                let (id, label) = label("毕业证书.pdf");
                BackupError::SizeMismatch {
                    id,
                    label,
                    declared: 10,
                    actual: 12,
                }
            },
            "备份中的文件「毕业证书.pdf」已损坏（应为 10 字节，实际 12 字节），请在原来的浏览器中重新导出备份",
        ),
        (
            {
                let (id, label) = label("证件照");
                BackupError::HashMismatch { id, label }
            },
            "备份中的文件「证件照」已损坏（校验不一致），请在原来的浏览器中重新导出备份",
        ),
    ];
    for (error, expected) in cases {
        assert_eq!(error.message(), expected, "{error:?}");
    }
}

#[test]
fn an_attachment_without_a_name_is_named_by_its_id() {
    let mut draft = Draft::default();
    draft
        .attachments
        .insert("award.0".into(), attachment("0123456789abcdef", "", 1));
    let text = hand_made(
        "1",
        &draft.to_stored(),
        &format!(
            "[{}]",
            file_json("0123456789abcdef", "application/pdf", 1, "AA==")
        ),
    );
    assert_eq!(
        read_backup(&text),
        Err(BackupError::HashMismatch {
            id: "0123456789abcdef".into(),
            label: "附件 01234567".into(),
        })
    );
}

/// 20 MB of files: export and read back well under a second in release (a tenth of that in
/// debug, where only correctness is checked).
#[test]
fn twenty_megabytes_export_and_read_quickly() {
    let megabytes = if cfg!(debug_assertions) { 2 } else { 20 };
    let mut draft = Draft::default();
    let mut files = Vec::new();
    for i in 0..4u32 {
        let bytes: Vec<u8> = (0..megabytes * 1024 * 1024 / 4)
            .map(|j: usize| (j as u32 ^ i).wrapping_mul(2_654_435_761).to_be_bytes()[0])
            .collect();
        let id = sha256_hex(&bytes);
        draft.attachments.insert(
            format!("work.{i}"),
            attachment(&id, "证明.pdf", bytes.len()),
        );
        files.push((id, "application/pdf".to_string(), bytes));
    }
    let started = Instant::now();
    let text = export_backup(&draft, &files, EXPORTED_AT);
    let exported = started.elapsed();
    let backup = read_backup(&text).unwrap();
    let total = started.elapsed();
    assert_eq!(backup.files.len(), 4);
    assert!(backup.files.iter().zip(&files).all(|(f, s)| f.bytes == s.2));
    println!(
        "{megabytes} MB of files: export {} ms, export + read {} ms",
        exported.as_millis(),
        total.as_millis()
    );
    if !cfg!(debug_assertions) {
        assert!(total.as_millis() < 1000, "took {} ms", total.as_millis());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_text_reads_without_panicking(text in ".{0,200}") {
        let _ = read_backup(&text);
        let _ = read_backup(&format!("{{\"format\":\"zhicheng-yanlian-backup\",\"format_version\":1,{text}"));
    }

    #[test]
    fn any_bytes_read_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = read_backup_bytes(&bytes);
    }

    #[test]
    fn every_strict_prefix_of_a_backup_is_truncated_or_empty(cut in 0usize..4000) {
        let text = exported();
        let cut = cut * text.len() / 4000;
        let got = read_backup_bytes(&text.as_bytes()[..cut]);
        prop_assert!(
            got == Err(BackupError::Truncated) || (cut == 0 && got == Err(BackupError::Empty)),
            "cut {} gave {:?}", cut, got
        );
    }

    #[test]
    fn a_changed_byte_never_panics_and_never_changes_the_files(at in 0usize..10_000, value in any::<u8>()) {
        let (_, files) = fixture();
        let mut bytes = exported().into_bytes();
        let at = at % bytes.len();
        bytes[at] = value;
        if let Ok(backup) = read_backup_bytes(&bytes) {
            for file in &backup.files {
                prop_assert_eq!(sha256_hex(&file.bytes), file.id.clone());
                prop_assert!(files.iter().any(|(id, _, b)| *id == file.id && *b == file.bytes));
            }
        }
    }
}

#[test]
fn a_version_1_backup_with_a_version_1_draft_restores_skills_and_files_without_loss() {
    use crate::applicant::{HeldHonour, SkillCertificate, SkillHonour, SkillLevel, YesNo};
    let pdf = pdf_bytes("技能证书");
    let id = sha256_hex(&pdf);
    // As version 1 of the app wrote it: one skill certificate, undated honours.
    let draft = format!(
        r#"{{"version":1,"basic":{{"name":"陈一"}},"applicant":{{"plan_year":2022,"level":"engineer","mode":"skilled_talent","skill_level":"technician","skill_date":"2018-03-01","skill_related":"yes","skill_honours":["national_tech_expert"]}},"attachments":{{"attachment.skill_certificate":{{"file_id":"{id}","file_name":"技师证.pdf","byte_size":{},"pages":1,"passes":true}}}}}}"#,
        pdf.len()
    );
    let files = format!(
        "[{}]",
        file_json(&id, "application/pdf", pdf.len(), &base64::encode(&pdf))
    );
    let backup = read_backup(&hand_made("1", &draft, &files)).expect("a version-1 backup reads");
    assert_eq!(backup.draft.version, crate::draft::SCHEMA_VERSION);
    let a = &backup.draft.applicant;
    assert_eq!(a.plan_year, 2022);
    assert_eq!(
        a.skill_certificates,
        vec![SkillCertificate {
            level: SkillLevel::Technician,
            trade: String::new(),
            related: YesNo::Yes,
            date: "2018-03-01".into(),
        }]
    );
    assert_eq!(
        a.honours,
        vec![HeldHonour {
            honour: SkillHonour::NationalTechExpert,
            date: String::new(),
        }]
    );
    assert_eq!(backup.files.len(), 1);
    assert_eq!(backup.files[0].bytes, pdf);
    assert_eq!(
        backup.draft.attachments["attachment.skill_certificate"].file_name,
        "技师证.pdf"
    );
}
