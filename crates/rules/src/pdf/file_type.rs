//! The real type of a file from its bytes (PDF, office formats, archives, images, text).

use super::*;

/// The file's real type from its content. Builds on `photo::sniff` and refines its zip, OLE and
/// unknown answers into the finer `FileType`s (which program wrote it, archives, text).
pub fn file_type(bytes: &[u8]) -> FileType {
    let header = pdf_header(bytes);
    if header == Some(0) || (!bytes.is_empty() && b"%PDF-".starts_with(bytes)) {
        return FileType::Pdf;
    }
    match sniff(bytes) {
        FileType::Zip => zip_type(bytes),
        FileType::OfficeLegacy => ole_type(bytes),
        FileType::Unknown if header.is_some() => FileType::Pdf,
        FileType::Unknown if bytes.starts_with(b"Rar!\x1a\x07") => FileType::Rar,
        FileType::Unknown if bytes.starts_with(b"7z\xbc\xaf\x27\x1c") => FileType::SevenZip,
        FileType::Unknown => text_type(bytes),
        known => known,
    }
}

/// Offset of `%PDF-` if it starts within the first 1024 bytes.
pub(super) fn pdf_header(bytes: &[u8]) -> Option<usize> {
    let window = &bytes[..bytes.len().min(HEADER_SEARCH_BYTES + 5)];
    find(window, 0, b"%PDF-")
}

/// The names in a zip's local and central directory headers decide what it is.
pub(super) fn zip_type(bytes: &[u8]) -> FileType {
    let mut at = 0;
    let mut entries = 0;
    while let Some(found) = find(bytes, at, b"PK") {
        at = found + 2;
        let name_at = match bytes.get(found + 2..found + 4) {
            Some([3, 4]) => (found + 26, found + 30),
            Some([1, 2]) => (found + 28, found + 46),
            _ => continue,
        };
        let Some(length) = bytes.get(name_at.0..name_at.0 + 2) else {
            break;
        };
        let length = u16::from_le_bytes([length[0], length[1]]) as usize;
        let Some(name) = bytes.get(name_at.1..name_at.1 + length) else {
            break;
        };
        if name.starts_with(b"word/") {
            return FileType::Docx;
        } else if name.starts_with(b"xl/") {
            return FileType::Xlsx;
        } else if name.starts_with(b"ppt/") {
            return FileType::Pptx;
        } else if name.eq_ignore_ascii_case(b"OFD.xml") {
            return FileType::Ofd;
        }
        entries += 1;
        if entries > MAX_ENTRIES {
            break;
        }
    }
    FileType::Zip
}

/// The stream names in an OLE compound file's directory (UTF-16LE) say which program wrote it.
pub(super) fn ole_type(bytes: &[u8]) -> FileType {
    let utf16 =
        |text: &str| -> Vec<u8> { text.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    if find(bytes, 0, &utf16("WordDocument")).is_some() {
        FileType::Doc
    } else if find(bytes, 0, &utf16("Workbook")).is_some()
        || find(bytes, 0, &utf16("Book\0")).is_some()
    {
        FileType::Xls
    } else if find(bytes, 0, &utf16("PowerPoint Document")).is_some() {
        FileType::Ppt
    } else {
        FileType::OfficeLegacy
    }
}

/// Text has no control bytes besides whitespace (and ESC) in its first 4 KB; any encoding.
pub(super) fn text_type(bytes: &[u8]) -> FileType {
    let head = &bytes[..bytes.len().min(4096)];
    let utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    let texty = head
        .iter()
        .all(|&b| matches!(b, b'\t' | b'\n' | 0x0C | b'\r' | 0x1B | 0x20..=0x7E | 0x80..=0xFF));
    if !utf16 && !texty {
        return FileType::Unknown;
    }
    let lower: Vec<u8> = head.iter().take(2048).map(u8::to_ascii_lowercase).collect();
    let html = [&b"<!doctype html"[..], b"<html", b"multipart/related"]
        .iter()
        .any(|mark| find(&lower, 0, mark).is_some());
    if html {
        FileType::Html
    } else {
        FileType::Text
    }
}
