use super::*;
use crate::draft::{AttachmentRecord, BasicInfo, PhotoRecord};

pub(super) const EXPORTED_AT: &str = "2026-11-26T18:00:00";

pub(super) fn photo_bytes() -> Vec<u8> {
    let mut bytes = vec![0xff, 0xd8, 0xff, 0xe0];
    bytes.extend((0..3000u32).map(|i| (i * 7 % 251) as u8));
    bytes.extend([0xff, 0xd9]);
    bytes
}

pub(super) fn pdf_bytes(tag: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% {tag}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .into_bytes()
}

pub(super) fn attachment(file_id: &str, file_name: &str, size: usize) -> AttachmentRecord {
    AttachmentRecord {
        file_id: file_id.to_string(),
        file_name: file_name.to_string(),
        byte_size: size as u64,
        pages: 1,
        passes: true,
    }
}

type StoredFile = (String, String, Vec<u8>);

/// A draft with a photo and two attachments that share one PDF, plus the files as the shell
/// would find them in IndexedDB (with an unrelated file too).
pub(super) fn fixture() -> (Draft, Vec<StoredFile>) {
    let photo = photo_bytes();
    let pdf = pdf_bytes("学历");
    let (photo_id, pdf_id) = (sha256_hex(&photo), sha256_hex(&pdf));
    let mut draft = Draft {
        basic: BasicInfo {
            name: "张三".into(),
            unit_name: "温州某机电有限公司".into(),
            unit_address: "温州市 \"鹿城区\" \\ {花括号} [方括号]".into(),
            ..BasicInfo::default()
        },
        photo: Some(PhotoRecord {
            file_id: photo_id.clone(),
            file_name: "证件照.jpg".into(),
            byte_size: photo.len() as u64,
            passes: true,
            generated: false,
        }),
        ..Draft::default()
    };
    draft.attachments.insert(
        "education.0".into(),
        attachment(&pdf_id, "毕业证书.pdf", pdf.len()),
    );
    draft.attachments.insert(
        "work.0".into(),
        attachment(&pdf_id, "毕业证书.pdf", pdf.len()),
    );
    let unrelated = b"not referenced".to_vec();
    let files = vec![
        (sha256_hex(&unrelated), "text/plain".into(), unrelated),
        (pdf_id, "application/pdf".into(), pdf),
        (photo_id, "image/jpeg".into(), photo),
    ];
    (draft, files)
}

pub(super) fn exported() -> String {
    let (draft, files) = fixture();
    export_backup(&draft, &files, EXPORTED_AT)
}

/// A backup whose envelope is written by hand around `draft` and `files`.
pub(super) fn hand_made(format_version: &str, draft: &str, files: &str) -> String {
    format!(
        "{{\"format\":\"zhicheng-yanlian-backup\",\"format_version\":{format_version},\"exported_at\":\"{EXPORTED_AT}\",\"draft\":{draft},\"files\":{files}}}"
    )
}

pub(super) fn file_json(id: &str, mime: &str, size: usize, data: &str) -> String {
    format!("{{\"id\":\"{id}\",\"mime\":\"{mime}\",\"size\":{size},\"data\":\"{data}\"}}")
}

#[test]
fn a_draft_and_its_files_round_trip_each_file_once() {
    let (draft, files) = fixture();
    let text = export_backup(&draft, &files, EXPORTED_AT);
    assert!(text.starts_with(
        "{\"format\":\"zhicheng-yanlian-backup\",\"format_version\":1,\"exported_at\":\"2026-11-26T18:00:00\",\"app_version\":\""
    ));
    assert_eq!(text.matches("\"data\":").count(), 2, "photo and one PDF");
    let backup = read_backup(&text).expect("own export reads back");
    assert_eq!(backup.draft, draft);
    assert_eq!(backup.exported_at, EXPORTED_AT);
    assert_eq!(backup.app_version, env!("CARGO_PKG_VERSION"));
    assert_eq!(backup.missing_files, Vec::<String>::new());
    let expected = vec![
        BackupFile {
            id: files[2].0.clone(),
            mime: "image/jpeg".into(),
            bytes: photo_bytes(),
        },
        BackupFile {
            id: files[1].0.clone(),
            mime: "application/pdf".into(),
            bytes: pdf_bytes("学历"),
        },
    ];
    assert_eq!(backup.files, expected);
    // The bytes as the file holds them read the same way.
    assert_eq!(read_backup_bytes(text.as_bytes()), Ok(backup));
}

#[test]
fn an_empty_draft_round_trips_with_no_files() {
    let text = export_backup(&Draft::default(), &[], "");
    let backup = read_backup(&text).expect("empty draft backup");
    assert!(backup.draft.is_empty());
    assert_eq!(backup.files, vec![]);
    assert_eq!(backup.missing_files, Vec::<String>::new());
    assert_eq!(backup.exported_at, "");
}

#[test]
fn referenced_ids_are_photo_first_then_items_each_once() {
    let (mut draft, _) = fixture();
    let photo_id = draft.photo.as_ref().map(|p| p.file_id.clone()).unwrap();
    let pdf_id = draft.attachments["education.0"].file_id.clone();
    assert_eq!(
        referenced_file_ids(&draft),
        vec![photo_id.clone(), pdf_id.clone()]
    );
    draft
        .attachments
        .insert("award.0".into(), attachment("cc", "获奖.pdf", 1));
    draft
        .attachments
        .insert("paper.0".into(), attachment(&photo_id, "照片.jpg", 1));
    // BTreeMap order: award.0, education.0, paper.0, work.0.
    assert_eq!(
        referenced_file_ids(&draft),
        vec![photo_id.clone(), "cc".to_string(), pdf_id.clone()]
    );
    draft.photo = None;
    assert_eq!(
        referenced_file_ids(&draft),
        vec!["cc".to_string(), pdf_id, photo_id]
    );
    assert_eq!(referenced_file_ids(&Draft::default()), Vec::<String>::new());
}

#[test]
fn files_the_shell_did_not_find_are_listed_as_missing() {
    let (draft, files) = fixture();
    let photo_only = vec![files[2].clone()];
    let backup = read_backup(&export_backup(&draft, &photo_only, EXPORTED_AT)).unwrap();
    assert_eq!(backup.missing_files, vec![files[1].0.clone()]);
    assert_eq!(backup.files.len(), 1);
    assert_eq!(backup.files[0].id, files[2].0);

    let backup = read_backup(&export_backup(&draft, &[], EXPORTED_AT)).unwrap();
    assert_eq!(
        backup.missing_files,
        vec![files[2].0.clone(), files[1].0.clone()]
    );
    assert_eq!(backup.files, vec![]);
    assert_eq!(backup.draft, draft);
}

#[test]
fn a_stored_file_whose_bytes_changed_is_left_out_of_the_export() {
    let (draft, mut files) = fixture();
    files[2].2[10] ^= 1;
    let text = export_backup(&draft, &files, EXPORTED_AT);
    assert_eq!(text.matches("\"data\":").count(), 1);
    let backup = read_backup(&text).unwrap();
    assert_eq!(backup.missing_files, vec![files[2].0.clone()]);
}

#[test]
fn unknown_and_repeated_file_entries_are_ignored_and_unsafe_mime_types_neutralised() {
    let (draft, files) = fixture();
    let photo = &files[2];
    let pdf = &files[1];
    let entries = format!(
        "[{},{},{},{}]",
        file_json("00ff", "text/plain", 3, "!!!!"),
        file_json(
            &photo.0,
            "text/html",
            photo.2.len(),
            &base64::encode(&photo.2)
        ),
        file_json(&photo.0, "image/jpeg", 1, "AA=="),
        file_json(
            &pdf.0,
            "APPLICATION/PDF",
            pdf.2.len(),
            &base64::encode(&pdf.2)
        ),
    );
    let backup = read_backup(&hand_made("1", &draft.to_stored(), &entries)).unwrap();
    let mimes: Vec<&str> = backup.files.iter().map(|f| f.mime.as_str()).collect();
    assert_eq!(mimes, ["application/octet-stream", "application/pdf"]);
    assert_eq!(backup.files[0].bytes, photo.2);
    assert_eq!(backup.missing_files, Vec::<String>::new());
}

#[test]
fn the_draft_is_found_wherever_it_stands_and_however_its_key_is_written() {
    let (draft, files) = fixture();
    let photo = &files[2];
    let entry = file_json(
        &photo.0,
        "image/jpeg",
        photo.2.len(),
        &base64::encode(&photo.2),
    );
    let cases = [
        format!(
            "{{\"files\":[{entry}],\"format_version\":1,\"draft\":{},\"format\":\"zhicheng-yanlian-backup\"}}",
            draft.to_stored()
        ),
        format!(
            " \n{{ \"format\" : \"zhicheng-yanlian-backup\" , \"format_version\" : 1 , \"files\" : [ {entry} ] , \"dr\\u0061ft\" : {} }}\n",
            draft.to_stored()
        ),
    ];
    for text in cases {
        let backup = read_backup(&text).unwrap();
        assert_eq!(backup.draft, draft);
        assert_eq!(backup.exported_at, "");
        assert_eq!(backup.missing_files, vec![files[1].0.clone()]);
    }
}

#[test]
fn truncated_text_at_any_point_is_reported_as_truncated() {
    let text = exported();
    let name_at = text.find("张三").unwrap();
    let data_at = text.find("\"data\":\"").unwrap() + 20;
    let cuts = [
        1,
        2,
        10,
        45,
        name_at,
        name_at + "张".len(),
        data_at,
        text.len() / 2,
        text.len() - 3,
        text.len() - 2,
        text.len() - 1,
    ];
    for cut in cuts {
        assert_eq!(
            read_backup(&text[..cut]),
            Err(BackupError::Truncated),
            "cut at {cut}"
        );
    }
    // Bytes cut inside a character of 张.
    let bytes = text.as_bytes();
    for cut in [name_at + 1, name_at + 2] {
        assert_eq!(
            read_backup_bytes(&bytes[..cut]),
            Err(BackupError::Truncated),
            "byte cut at {cut}"
        );
    }
}
