//! Step 5's evidence files: is this really a PDF, can its page tree be read, how many pages does
//! it have, is it password-protected, truncated or damaged. Bytes in, verdict out; the file name
//! is never looked at.
//!
//! A small reader of the PDF file structure (ISO 32000-1 §7.5): classic cross-reference tables
//! and trailers, cross-reference streams (/W, /Index, /Prev), object streams (/N, /First),
//! FlateDecode with PNG/TIFF predictors, incremental updates (the newest section wins), hybrid
//! files (/XRefStm), and a scan for `N G obj` headers when the cross-reference data is broken.
//! The input is untrusted: every offset is checked before use, every loop and recursion is
//! bounded, and at most 64 MiB are ever inflated.

use std::collections::{HashMap, HashSet};

use super::number_text::decimal;
use super::photo::{sniff, FileKind, Outcome};

/// Above this a size note suggests compressing the file.
pub const LARGE_FILE_BYTES: u64 = 5 * 1024 * 1024;
/// Readers accept junk before `%PDF-` if the header starts within the first 1024 bytes.
pub const HEADER_SEARCH_BYTES: usize = 1024;
/// Never inflate more than this in total for one file (cross-reference and object streams only;
/// page contents and images are never decompressed).
pub const MAX_INFLATE_BYTES: usize = 64 * 1024 * 1024;

/// `%%EOF` must be in the last 1024 bytes (after trailing whitespace), as readers require.
const EOF_SEARCH_BYTES: usize = 1024;
/// Nesting of arrays and dictionaries inside one object.
const MAX_NESTING: usize = 64;
/// Levels of the page tree.
const MAX_TREE_DEPTH: usize = 64;
/// Nested look-ups while reading one object (a /Length kept in another object, an object stream).
const MAX_RESOLVE_DEPTH: usize = 8;
const MAX_XREF_SECTIONS: usize = 1024;
/// The largest object number ISO 32000-1 Annex C allows.
const MAX_OBJECT_NUMBER: u64 = 8_388_607;
/// Far more pages than any evidence file; the walk stops here.
const MAX_PAGES: u32 = 1_000_000;
/// Object look-ups per file: a hostile file cannot keep the checker busy for long.
const MAX_LOOKUPS: u32 = 1_000_000;
/// A trailer dictionary is read from at most this many bytes.
const MAX_TRAILER_BYTES: usize = 1024 * 1024;
/// Entries read from a zip directory or an object stream header.
const MAX_ENTRIES: usize = 1_000_000;

// ---------------------------------------------------------------------------------------------
// The real type of a file

/// What a file really is, from its bytes. Finer than `photo::FileKind` for the office and archive
/// formats people upload instead of a PDF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileType {
    Empty,
    Pdf,
    Jpeg,
    Png,
    Gif,
    WebP,
    Heic,
    Avif,
    Bmp,
    Tiff,
    /// Zip with `word/`.
    Docx,
    /// Zip with `xl/`.
    Xlsx,
    /// Zip with `ppt/`.
    Pptx,
    /// Zip with `OFD.xml`: the Chinese fixed-layout format of e-invoices and 电子证照.
    Ofd,
    /// Any other zip archive.
    Zip,
    /// OLE compound file with a `WordDocument` stream.
    Doc,
    /// OLE compound file with a `Workbook`/`Book` stream.
    Xls,
    /// OLE compound file with a `PowerPoint Document` stream.
    Ppt,
    /// Another OLE compound file.
    OfficeLegacy,
    Rar,
    SevenZip,
    /// A web page or a saved one (.html, .mht).
    Html,
    /// Text without binary control bytes (UTF-8, GBK…).
    Text,
    Unknown,
}

impl FileType {
    pub fn name(self) -> &'static str {
        match self {
            FileType::Empty => "空文件",
            FileType::Pdf => "PDF",
            FileType::Jpeg => "JPG",
            FileType::Png => "PNG",
            FileType::Gif => "GIF",
            FileType::WebP => "WebP",
            FileType::Heic => "HEIC（苹果手机照片）",
            FileType::Avif => "AVIF",
            FileType::Bmp => "BMP",
            FileType::Tiff => "TIFF",
            FileType::Docx => "Word（.docx）",
            FileType::Xlsx => "Excel（.xlsx）",
            FileType::Pptx => "PowerPoint（.pptx）",
            FileType::Ofd => "OFD",
            FileType::Zip => "ZIP 压缩包",
            FileType::Doc => "Word（.doc）",
            FileType::Xls => "Excel（.xls）",
            FileType::Ppt => "PowerPoint（.ppt）",
            FileType::OfficeLegacy => "旧版 Office 文档",
            FileType::Rar => "RAR 压缩包",
            FileType::SevenZip => "7z 压缩包",
            FileType::Html => "网页（HTML）",
            FileType::Text => "纯文本",
            FileType::Unknown => "未知格式",
        }
    }

    pub fn is_image(self) -> bool {
        matches!(
            self,
            FileType::Jpeg
                | FileType::Png
                | FileType::Gif
                | FileType::WebP
                | FileType::Heic
                | FileType::Avif
                | FileType::Bmp
                | FileType::Tiff
        )
    }
}

/// The file's real type from its content. Builds on `photo::sniff` and refines its zip, OLE and
/// unknown answers.
pub fn file_type(bytes: &[u8]) -> FileType {
    let header = pdf_header(bytes);
    if header == Some(0) || (!bytes.is_empty() && b"%PDF-".starts_with(bytes)) {
        return FileType::Pdf;
    }
    match sniff(bytes) {
        FileKind::Empty => FileType::Empty,
        FileKind::Pdf => FileType::Pdf,
        FileKind::Jpeg => FileType::Jpeg,
        FileKind::Png => FileType::Png,
        FileKind::Gif => FileType::Gif,
        FileKind::WebP => FileType::WebP,
        FileKind::Heic => FileType::Heic,
        FileKind::Avif => FileType::Avif,
        FileKind::Bmp => FileType::Bmp,
        FileKind::Tiff => FileType::Tiff,
        FileKind::Zip => zip_type(bytes),
        FileKind::OfficeLegacy => ole_type(bytes),
        FileKind::Unknown if header.is_some() => FileType::Pdf,
        FileKind::Unknown if bytes.starts_with(b"Rar!\x1a\x07") => FileType::Rar,
        FileKind::Unknown if bytes.starts_with(b"7z\xbc\xaf\x27\x1c") => FileType::SevenZip,
        FileKind::Unknown => text_type(bytes),
    }
}

/// Offset of `%PDF-` if it starts within the first 1024 bytes.
fn pdf_header(bytes: &[u8]) -> Option<usize> {
    let window = &bytes[..bytes.len().min(HEADER_SEARCH_BYTES + 5)];
    find(window, 0, b"%PDF-")
}

/// The names in a zip's local and central directory headers decide what it is.
fn zip_type(bytes: &[u8]) -> FileType {
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
fn ole_type(bytes: &[u8]) -> FileType {
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
fn text_type(bytes: &[u8]) -> FileType {
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

// ---------------------------------------------------------------------------------------------
// The verdict

#[derive(Clone, Debug, PartialEq)]
pub struct PdfReport {
    pub byte_size: u64,
    pub file_type: FileType,
    pub kind: Result<PdfInfo, PdfProblem>,
}

impl PdfReport {
    /// The page count when the page tree could be read (also for an encrypted file whose page
    /// tree is not compressed).
    pub fn pages(&self) -> Option<u32> {
        match &self.kind {
            Ok(info) => Some(info.pages),
            Err(PdfProblem::Encrypted { pages, .. }) => *pages,
            Err(_) => None,
        }
    }

    pub fn is_encrypted(&self) -> bool {
        matches!(self.kind, Err(PdfProblem::Encrypted { .. }))
    }
}

/// A readable, unencrypted PDF.
#[derive(Clone, Debug, PartialEq)]
pub struct PdfInfo {
    /// Leaves of the page tree (`/Type /Page`), counted; not the root's `/Count`.
    pub pages: u32,
    /// From the header, or the catalog's `/Version` when that is later: "1.4", "1.7", "2.0".
    pub version: String,
    pub byte_size: u64,
    /// Where `%PDF-` starts: 0 unless junk precedes it.
    pub header_offset: usize,
    /// Things a lenient reader copes with but that deserve a re-export.
    pub warnings: Vec<PdfWarning>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PdfProblem {
    /// 0 bytes.
    Empty,
    /// Not a PDF: the file's real type.
    NotPdf(FileType),
    Truncated(Truncation),
    /// `/Encrypt` in a trailer or cross-reference stream dictionary.
    Encrypted {
        version: String,
        /// Counted when the page tree is readable without decrypting (not in object streams).
        pages: Option<u32>,
    },
    Damaged(Damage),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Truncation {
    /// No `%%EOF` in the last 1024 bytes: the end of the file is missing.
    MissingEof,
    /// `startxref` gives an offset beyond the end of the file.
    XrefPastEnd { points_to: u64 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Damage {
    /// Neither the trailer's /Root nor a scan finds a `/Type /Catalog` with `/Pages`.
    NoCatalog,
    /// A catalog was found but no page in its page tree could be read.
    PageTreeUnreadable,
    /// The page tree is readable and empty.
    NoPages,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PdfWarning {
    /// The cross-reference data was missing or wrong; objects were found by scanning.
    Rebuilt,
    /// The root's `/Count` disagrees with the pages actually in the tree.
    CountMismatch { declared: i64, found: u32 },
    /// A page-tree node is referenced twice (a loop or a duplicate); counted once.
    PageTreeLoop,
    /// Page-tree entries that could not be read.
    UnreadablePages(u32),
}

/// Reads the file's structure. Never panics, whatever the bytes.
pub fn inspect_pdf(bytes: &[u8]) -> PdfReport {
    let file_type = file_type(bytes);
    PdfReport {
        byte_size: bytes.len() as u64,
        file_type,
        kind: inspect(bytes, file_type),
    }
}

fn inspect(bytes: &[u8], file_type: FileType) -> Result<PdfInfo, PdfProblem> {
    if bytes.is_empty() {
        return Err(PdfProblem::Empty);
    }
    if file_type != FileType::Pdf {
        return Err(PdfProblem::NotPdf(file_type));
    }
    let Some(base) = pdf_header(bytes) else {
        // Only a prefix of "%PDF-".
        return Err(PdfProblem::Truncated(Truncation::MissingEof));
    };
    if !has_eof_marker(bytes) {
        return Err(PdfProblem::Truncated(Truncation::MissingEof));
    }
    let startxref = find_startxref(bytes);
    if let Some(points_to) = startxref {
        if points_to >= bytes.len() as u64 {
            return Err(PdfProblem::Truncated(Truncation::XrefPastEnd { points_to }));
        }
    }
    let mut doc = Doc::new(bytes, base);
    if let Some(offset) = startxref {
        doc.load_xref(offset as usize);
    }
    let count = doc.count_pages();
    let mut version = header_version(bytes, base);
    if let Ok(tree) = &count {
        if let Some(later) = &tree.catalog_version {
            if version == "?" || later.as_str() > version.as_str() {
                version.clone_from(later);
            }
        }
    }
    if doc.encrypted() {
        return Err(PdfProblem::Encrypted {
            version,
            pages: count.ok().map(|tree| tree.pages),
        });
    }
    let tree = count.map_err(PdfProblem::Damaged)?;
    let mut warnings = Vec::new();
    if doc.rebuilt {
        warnings.push(PdfWarning::Rebuilt);
    }
    if let Some(declared) = tree.declared {
        if declared != i64::from(tree.pages) {
            warnings.push(PdfWarning::CountMismatch {
                declared,
                found: tree.pages,
            });
        }
    }
    if tree.looped {
        warnings.push(PdfWarning::PageTreeLoop);
    }
    if tree.unreadable > 0 {
        warnings.push(PdfWarning::UnreadablePages(tree.unreadable));
    }
    Ok(PdfInfo {
        pages: tree.pages,
        version,
        byte_size: bytes.len() as u64,
        header_offset: base,
        warnings,
    })
}

fn header_version(bytes: &[u8], base: usize) -> String {
    let after = bytes.get(base + 5..).unwrap_or(&[]);
    let digits: Vec<u8> = after
        .iter()
        .take(4)
        .take_while(|b| b.is_ascii_digit() || **b == b'.')
        .copied()
        .collect();
    if digits.is_empty() {
        "?".to_string()
    } else {
        digits.iter().map(|&b| char::from(b)).collect()
    }
}

/// `%%EOF` within the last 1024 bytes, not counting trailing whitespace and NUL padding.
fn has_eof_marker(bytes: &[u8]) -> bool {
    let mut end = bytes.len();
    while end > 0 && is_whitespace(bytes[end - 1]) {
        end -= 1;
    }
    let tail = &bytes[end.saturating_sub(EOF_SEARCH_BYTES)..end];
    find(tail, 0, b"%%EOF").is_some()
}

/// The offset after the last `startxref` keyword in the last 4 KB.
fn find_startxref(bytes: &[u8]) -> Option<u64> {
    let from = bytes.len().saturating_sub(4096);
    let at = rfind(bytes, from, b"startxref")?;
    let pos = skip_whitespace(bytes, at + 9);
    let (value, _) = parse_uint(bytes, pos)?;
    Some(value)
}

// ---------------------------------------------------------------------------------------------
// The checks shown next to an evidence item

#[derive(Clone, Debug, PartialEq)]
pub struct EvidenceCheck {
    /// Stable key for the DOM and tests: "type", "integrity", "encryption", "pages", "size".
    pub key: &'static str,
    pub title: &'static str,
    pub outcome: Outcome,
    pub message: String,
}

fn evidence_check(
    key: &'static str,
    title: &'static str,
    outcome: Outcome,
    message: String,
) -> EvidenceCheck {
    EvidenceCheck {
        key,
        title,
        outcome,
        message,
    }
}

/// Every check of one evidence file: `min_pages` and `parts` are the item's (evidence.rs), one
/// page at least per part.
pub fn check_evidence_file(bytes: &[u8], min_pages: u32, parts: &[&str]) -> Vec<EvidenceCheck> {
    let report = inspect_pdf(bytes);
    let mut checks = Vec::new();
    let pdf_type = |version: &str| {
        let version = if version == "?" {
            String::new()
        } else {
            format!(" {version}")
        };
        evidence_check(
            "type",
            "文件格式",
            Outcome::Pass,
            format!("PDF{version} 文件（按文件内容判断）。"),
        )
    };
    match &report.kind {
        Err(PdfProblem::Empty) => {
            checks.push(evidence_check(
                "type",
                "文件格式",
                Outcome::Fail,
                "文件是空的（0 字节），可能没有下载或拷贝完整。请重新导出 PDF 后再选择。"
                    .to_string(),
            ));
            return checks;
        }
        Err(PdfProblem::NotPdf(kind)) => {
            checks.push(evidence_check(
                "type",
                "文件格式",
                Outcome::Fail,
                not_pdf_message(*kind, parts),
            ));
        }
        Err(PdfProblem::Truncated(truncation)) => {
            checks.push(pdf_type(&header_version(
                bytes,
                pdf_header(bytes).unwrap_or(0),
            )));
            let measured = match truncation {
                Truncation::MissingEof => "结尾缺少 %%EOF 结束标记".to_string(),
                Truncation::XrefPastEnd { points_to } => format!(
                    "文件末尾记录的目录位置（第 {points_to} 字节）超出了文件长度（{} 字节）",
                    report.byte_size
                ),
            };
            checks.push(evidence_check(
                "integrity",
                "文件完整性",
                Outcome::Fail,
                format!(
                    "文件不完整：{measured}，可能下载或拷贝中断。请重新下载或重新导出 PDF 后上传。"
                ),
            ));
        }
        Err(PdfProblem::Encrypted { version, pages }) => {
            checks.push(pdf_type(version));
            checks.push(evidence_check(
                "encryption",
                "密码保护",
                Outcome::Fail,
                "PDF 有密码保护，平台无法打开，请去掉密码后重新导出（在 PDF 软件中取消「文档加密/安全性」，或用「打印 → 另存为 PDF」另存一份）。"
                    .to_string(),
            ));
            if let Some(pages) = pages {
                checks.push(pages_check(*pages, min_pages, parts));
            }
        }
        Err(PdfProblem::Damaged(damage)) => {
            checks.push(pdf_type(&header_version(
                bytes,
                pdf_header(bytes).unwrap_or(0),
            )));
            let measured = match damage {
                Damage::NoCatalog => "找不到文档目录（Catalog），阅读器无法打开",
                Damage::PageTreeUnreadable => "页面目录无法读取，数不出页数",
                Damage::NoPages => "页面目录里没有任何页面",
            };
            checks.push(evidence_check(
                "integrity",
                "文件完整性",
                Outcome::Fail,
                format!("PDF 已损坏：{measured}。请用原软件重新导出 PDF 后上传。"),
            ));
        }
        Ok(info) => {
            checks.push(pdf_type(&info.version));
            checks.push(integrity_check(&info.warnings));
            checks.push(evidence_check(
                "encryption",
                "密码保护",
                Outcome::Pass,
                "未加密，平台可以直接打开。".to_string(),
            ));
            checks.push(pages_check(info.pages, min_pages, parts));
        }
    }
    checks.push(size_check(report.byte_size));
    checks
}

fn not_pdf_message(kind: FileType, parts: &[&str]) -> String {
    let office = |program: &str| {
        format!("这是 {program} 文件，请转换为 PDF（另存为 PDF）：在 {program} 或 WPS 中选「文件 → 另存为」，类型选 PDF。")
    };
    match kind {
        kind if kind.is_image() => {
            let how = "改文件名的后缀没有用；可用扫描 App 或「打印 → 另存为 PDF」生成";
            if parts.len() >= 2 {
                format!(
                    "文件实际格式为 {}，需将 {} 合并为一个 PDF（{how}）。",
                    kind.name(),
                    parts.join("、")
                )
            } else {
                format!("文件实际格式为 {}，需转换为 PDF（{how}）。", kind.name())
            }
        }
        FileType::Docx | FileType::Doc => office("Word"),
        FileType::Xlsx | FileType::Xls => office("Excel"),
        FileType::Pptx | FileType::Ppt => office("PowerPoint"),
        FileType::OfficeLegacy => "这是旧版 Office 文件（.doc/.xls），请用 Word、Excel 或 WPS 打开后转换为 PDF（另存为 PDF）。".to_string(),
        FileType::Ofd => "这是 OFD 版式文件，平台只收 PDF：请用 OFD 阅读器（如数科阅读器）打开后「打印 → 另存为 PDF」。".to_string(),
        FileType::Zip | FileType::Rar | FileType::SevenZip => format!(
            "这是压缩包（{}），平台不收压缩包：请解压后把材料合并为一个 PDF。",
            kind.name()
        ),
        FileType::Html => "这是网页文件（HTML），不是 PDF：请在浏览器中打开后用「打印 → 另存为 PDF」。".to_string(),
        FileType::Text => "这是纯文本文件，不是 PDF：请把材料扫描或另存为 PDF 后上传。".to_string(),
        _ => "无法识别的文件格式：文件开头没有 PDF 标记（%PDF-），改文件名的后缀没有用。请用原软件另存为 PDF。".to_string(),
    }
}

fn integrity_check(warnings: &[PdfWarning]) -> EvidenceCheck {
    if warnings.is_empty() {
        return evidence_check(
            "integrity",
            "文件完整性",
            Outcome::Pass,
            "文件完整（有 %%EOF 结束标记），页面目录可读。".to_string(),
        );
    }
    let found: Vec<String> = warnings
        .iter()
        .map(|warning| match warning {
            PdfWarning::Rebuilt => "文件内部的交叉引用表有误，按对象逐个扫描才读出页面".to_string(),
            PdfWarning::CountMismatch { declared, found } => {
                format!("页面目录记录为 {declared} 页，实际只能读到 {found} 页（以实际页数为准）")
            }
            PdfWarning::PageTreeLoop => "页面目录中有重复或循环引用".to_string(),
            PdfWarning::UnreadablePages(n) => format!("有 {n} 个页面对象无法读取"),
        })
        .collect();
    evidence_check(
        "integrity",
        "文件完整性",
        Outcome::Warn,
        format!(
            "文件能读出页数，但{}。多数阅读器能自动修复，稳妥起见建议用 PDF 软件重新导出一次再上传。",
            found.join("；")
        ),
    )
}

fn pages_check(pages: u32, min_pages: u32, parts: &[&str]) -> EvidenceCheck {
    let min_pages = min_pages.max(1);
    let listed = if parts.is_empty() {
        String::new()
    } else {
        parts.join("、")
    };
    if pages >= min_pages {
        let message = if listed.is_empty() {
            format!("共 {pages} 页，至少需要 {min_pages} 页。")
        } else {
            format!("共 {pages} 页，至少需要 {min_pages} 页（{listed}）。")
        };
        evidence_check("pages", "页数", Outcome::Pass, message)
    } else {
        let message = if listed.is_empty() {
            format!("只有 {pages} 页，至少需要 {min_pages} 页。请补齐后重新导出为一个 PDF。")
        } else {
            format!("只有 {pages} 页，至少需要 {min_pages} 页：{listed}。每份材料至少一页，请全部扫描进同一个 PDF 后重新上传。")
        };
        evidence_check("pages", "页数", Outcome::Fail, message)
    }
}

/// "512 字节", "58.6 KB", "12.3 MB" (K = 1024).
pub fn size_text(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} 字节")
    } else if bytes < 1024 * 1024 {
        format!("{} KB", decimal(bytes, 1024, 1))
    } else {
        format!("{} MB", decimal(bytes, 1024 * 1024, 1))
    }
}

fn size_check(bytes: u64) -> EvidenceCheck {
    if bytes > LARGE_FILE_BYTES {
        evidence_check(
            "size",
            "文件大小",
            Outcome::Note,
            format!(
                "文件 {}，较大，建议压缩（超过 5 MB 上传慢；扫描件用 150–200 dpi 或 PDF 软件的「减小文件大小」）。",
                size_text(bytes)
            ),
        )
    } else {
        evidence_check(
            "size",
            "文件大小",
            Outcome::Pass,
            format!("文件 {}。", size_text(bytes)),
        )
    }
}

// ---------------------------------------------------------------------------------------------
// Objects and the lexer

type Dict = Vec<(Vec<u8>, Obj)>;

#[derive(Clone, Debug, PartialEq)]
enum Obj {
    Null,
    Bool,
    Int(i64),
    Real,
    /// String contents are never needed.
    Str,
    Name(Vec<u8>),
    Array(Vec<Obj>),
    Dict(Dict),
    Ref(u32),
    /// A stream's dictionary and its raw data as a range of the file.
    Stream(Dict, usize, usize),
}

fn get<'d>(dict: &'d Dict, key: &[u8]) -> Option<&'d Obj> {
    dict.iter()
        .find(|(k, _)| k.as_slice() == key)
        .map(|(_, v)| v)
}

fn get_int(dict: &Dict, key: &[u8]) -> Option<i64> {
    match get(dict, key)? {
        Obj::Int(n) => Some(*n),
        _ => None,
    }
}

fn get_name<'d>(dict: &'d Dict, key: &[u8]) -> Option<&'d [u8]> {
    match get(dict, key)? {
        Obj::Name(n) => Some(n.as_slice()),
        _ => None,
    }
}

fn is_whitespace(b: u8) -> bool {
    matches!(b, 0 | b'\t' | b'\n' | 0x0C | b'\r' | b' ')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(b: u8) -> bool {
    !is_whitespace(b) && !is_delimiter(b)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut at = from;
    while at < hay.len() {
        let rest = hay.get(at..)?;
        let hit = rest.iter().position(|&b| b == first)?;
        let start = at + hit;
        if hay.get(start..start + needle.len()) == Some(needle) {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

/// `keyword` as a token of its own (not part of `/Substream` or `endstream`).
fn find_keyword(hay: &[u8], from: usize, keyword: &[u8]) -> Option<usize> {
    let mut at = from;
    loop {
        let found = find(hay, at, keyword)?;
        let before = found.checked_sub(1).and_then(|i| hay.get(i));
        if before.is_none_or(|&b| !is_regular(b)) && keyword_at(hay, found, keyword) {
            return Some(found);
        }
        at = found + 1;
    }
}

/// The last occurrence of `needle` that starts at or after `from`.
fn rfind(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let window = hay.get(from..)?;
    window
        .windows(needle.len())
        .rposition(|w| w == needle)
        .map(|at| from + at)
}

fn skip_whitespace(buf: &[u8], mut pos: usize) -> usize {
    while let Some(&b) = buf.get(pos) {
        if is_whitespace(b) {
            pos += 1;
        } else if b == b'%' {
            while let Some(&c) = buf.get(pos) {
                if c == b'\r' || c == b'\n' {
                    break;
                }
                pos += 1;
            }
        } else {
            break;
        }
    }
    pos
}

/// `keyword` at `pos`, not followed by a regular character.
fn keyword_at(buf: &[u8], pos: usize, keyword: &[u8]) -> bool {
    buf.get(pos..pos + keyword.len()) == Some(keyword)
        && buf.get(pos + keyword.len()).is_none_or(|&b| !is_regular(b))
}

/// Decimal digits only (at most 19, so no overflow).
fn parse_uint(buf: &[u8], pos: usize) -> Option<(u64, usize)> {
    let mut value: u64 = 0;
    let mut end = pos;
    while let Some(&b) = buf.get(end) {
        if !b.is_ascii_digit() || end - pos >= 19 {
            break;
        }
        value = value * 10 + u64::from(b - b'0');
        end += 1;
    }
    (end > pos).then_some((value, end))
}

fn parse_object(buf: &[u8], pos: usize, depth: usize) -> Option<(Obj, usize)> {
    if depth > MAX_NESTING {
        return None;
    }
    let pos = skip_whitespace(buf, pos);
    match *buf.get(pos)? {
        b'/' => {
            let (name, end) = parse_name(buf, pos);
            Some((Obj::Name(name), end))
        }
        b'<' if buf.get(pos + 1) == Some(&b'<') => {
            let (dict, end) = parse_dict(buf, pos + 2, depth)?;
            Some((Obj::Dict(dict), end))
        }
        b'<' => {
            let close = find(buf, pos + 1, b">")?;
            Some((Obj::Str, close + 1))
        }
        b'(' => Some((Obj::Str, skip_literal_string(buf, pos + 1)?)),
        b'[' => {
            let mut items = Vec::new();
            let mut at = pos + 1;
            loop {
                at = skip_whitespace(buf, at);
                if *buf.get(at)? == b']' {
                    return Some((Obj::Array(items), at + 1));
                }
                let (item, end) = parse_object(buf, at, depth + 1)?;
                items.push(item);
                at = end;
            }
        }
        b'0'..=b'9' | b'+' | b'-' | b'.' => parse_number_or_ref(buf, pos),
        _ if keyword_at(buf, pos, b"true") => Some((Obj::Bool, pos + 4)),
        _ if keyword_at(buf, pos, b"false") => Some((Obj::Bool, pos + 5)),
        _ if keyword_at(buf, pos, b"null") => Some((Obj::Null, pos + 4)),
        _ => None,
    }
}

/// `pos` is at the `/`.
fn parse_name(buf: &[u8], pos: usize) -> (Vec<u8>, usize) {
    let mut name = Vec::new();
    let mut at = pos + 1;
    while let Some(&b) = buf.get(at) {
        if !is_regular(b) {
            break;
        }
        let hex = |i: usize| buf.get(i).and_then(|c| (*c as char).to_digit(16));
        match (b, hex(at + 1), hex(at + 2)) {
            (b'#', Some(high), Some(low)) => {
                name.push((high * 16 + low) as u8);
                at += 3;
            }
            _ => {
                name.push(b);
                at += 1;
            }
        }
    }
    (name, at)
}

/// `pos` is after `<<`.
fn parse_dict(buf: &[u8], pos: usize, depth: usize) -> Option<(Dict, usize)> {
    let mut dict = Dict::new();
    let mut at = pos;
    loop {
        at = skip_whitespace(buf, at);
        if buf.get(at..at + 2)? == b">>" {
            return Some((dict, at + 2));
        }
        if *buf.get(at)? != b'/' {
            return None;
        }
        let (key, end) = parse_name(buf, at);
        let (value, end) = parse_object(buf, end, depth + 1)?;
        dict.push((key, value));
        at = end;
    }
}

/// `pos` is after `(`; returns the position after the closing `)`.
fn skip_literal_string(buf: &[u8], pos: usize) -> Option<usize> {
    let mut open = 1usize;
    let mut at = pos;
    loop {
        match *buf.get(at)? {
            b'\\' => at += 1,
            b'(' => open += 1,
            b')' => {
                open -= 1;
                if open == 0 {
                    return Some(at + 1);
                }
            }
            _ => {}
        }
        at += 1;
    }
}

fn parse_number_or_ref(buf: &[u8], pos: usize) -> Option<(Obj, usize)> {
    let mut end = pos;
    if matches!(buf.get(end), Some(b'+' | b'-')) {
        end += 1;
    }
    let digits_start = end;
    while buf.get(end).is_some_and(u8::is_ascii_digit) {
        end += 1;
    }
    let int_end = end;
    if buf.get(end) == Some(&b'.') {
        end += 1;
        while buf.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
    }
    if end == digits_start || (end == digits_start + 1 && int_end == digits_start) {
        // A sign or a dot alone.
        return None;
    }
    if end != int_end {
        return Some((Obj::Real, end));
    }
    let magnitude = buf
        .get(digits_start..int_end)?
        .iter()
        .try_fold(0i64, |v, &d| {
            v.checked_mul(10)?.checked_add(i64::from(d - b'0'))
        });
    let Some(magnitude) = magnitude else {
        return Some((Obj::Real, end));
    };
    let value = if buf.get(pos) == Some(&b'-') {
        -magnitude
    } else {
        magnitude
    };
    // `N G R`: an unsigned integer, a generation number and R.
    if digits_start == pos && (0..=i64::from(u32::MAX)).contains(&value) {
        let gen_at = skip_whitespace(buf, end);
        if gen_at > end {
            if let Some((_, gen_end)) = parse_uint(buf, gen_at) {
                let r_at = skip_whitespace(buf, gen_end);
                if r_at > gen_end && keyword_at(buf, r_at, b"R") {
                    return Some((Obj::Ref(value as u32), r_at + 1));
                }
            }
        }
    }
    Some((Obj::Int(value), end))
}

/// `N G obj` at `pos` (after optional whitespace): the object number and the position after `obj`.
fn object_header(buf: &[u8], pos: usize) -> Option<(u32, usize)> {
    let at = skip_whitespace(buf, pos);
    let (number, end) = parse_uint(buf, at)?;
    let gen_at = skip_whitespace(buf, end);
    if gen_at == end {
        return None;
    }
    let (_, gen_end) = parse_uint(buf, gen_at)?;
    let obj_at = skip_whitespace(buf, gen_end);
    if number > MAX_OBJECT_NUMBER || !keyword_at(buf, obj_at, b"obj") {
        return None;
    }
    Some((number as u32, obj_at + 3))
}

// ---------------------------------------------------------------------------------------------
// Filters

/// Inflates a FlateDecode stream, charging the output to `budget`; `None` when it would exceed
/// the budget or nothing can be decoded. A damaged or cut stream gives what came out before the
/// damage, and a stream without its zlib header is read as raw deflate, as readers do.
fn inflate(data: &[u8], budget: &mut usize) -> Option<Vec<u8>> {
    let output = match inflate_with(data, true, *budget) {
        Inflated::Done(output) => output,
        Inflated::Partial(output) if !output.is_empty() => output,
        Inflated::TooLarge => return None,
        Inflated::Partial(_) => match inflate_with(data, false, *budget) {
            Inflated::Done(output) | Inflated::Partial(output) if !output.is_empty() => output,
            _ => return None,
        },
    };
    *budget = budget.saturating_sub(output.len());
    Some(output)
}

enum Inflated {
    Done(Vec<u8>),
    /// The stream failed or ended early: the bytes decoded before that.
    Partial(Vec<u8>),
    TooLarge,
}

/// miniz_oxide's low-level decompressor into a growing buffer capped at `limit` (its
/// `decompress_to_vec*` helpers return the whole zero-filled buffer on errors, not the part
/// that was decoded).
fn inflate_with(data: &[u8], zlib: bool, limit: usize) -> Inflated {
    use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    let mut flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    if zlib {
        flags |=
            inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER | inflate_flags::TINFL_FLAG_IGNORE_ADLER32;
    }
    let mut decompressor = Box::new(DecompressorOxide::new());
    let mut out = vec![0u8; data.len().saturating_mul(4).clamp(1, limit.max(1))];
    let mut input = data;
    let mut written = 0;
    loop {
        let (status, consumed, produced) =
            decompress(&mut decompressor, input, &mut out, written, flags);
        written += produced;
        input = input.get(consumed..).unwrap_or_default();
        match status {
            TINFLStatus::Done => {
                out.truncate(written);
                return Inflated::Done(out);
            }
            TINFLStatus::HasMoreOutput => {
                if out.len() >= limit {
                    return Inflated::TooLarge;
                }
                let grown = out.len().saturating_mul(2).min(limit);
                out.resize(grown, 0);
            }
            _ => {
                out.truncate(written);
                return Inflated::Partial(out);
            }
        }
    }
}

/// Undoes a /Predictor (2 = TIFF, 10–15 = PNG).
fn unpredict(data: Vec<u8>, parms: Option<&Dict>) -> Option<Vec<u8>> {
    let Some(parms) = parms else {
        return Some(data);
    };
    let predictor = get_int(parms, b"Predictor").unwrap_or(1);
    if predictor <= 1 {
        return Some(data);
    }
    let colors = get_int(parms, b"Colors").unwrap_or(1);
    let bits = get_int(parms, b"BitsPerComponent").unwrap_or(8);
    let columns = get_int(parms, b"Columns").unwrap_or(1);
    if !(1..=32).contains(&colors)
        || ![1, 2, 4, 8, 16].contains(&bits)
        || !(1..=1 << 24).contains(&columns)
    {
        return None;
    }
    let pixel_bits = (colors * bits) as usize;
    let bpp = pixel_bits.div_ceil(8);
    let row_len = (pixel_bits * columns as usize).div_ceil(8);
    if row_len >= data.len() {
        // Not one whole row (and no row buffer of an absurd size).
        return Some(Vec::new());
    }
    if predictor == 2 {
        if bits != 8 {
            return None;
        }
        let mut data = data;
        for row in data.chunks_mut(row_len) {
            for i in bpp..row.len() {
                row[i] = row[i].wrapping_add(row[i - bpp]);
            }
        }
        return Some(data);
    }
    if !(10..=15).contains(&predictor) {
        return None;
    }
    let mut out = Vec::with_capacity(data.len());
    let mut previous = vec![0u8; row_len];
    for chunk in data.chunks(row_len + 1) {
        let (&filter, row) = chunk.split_first()?;
        if row.len() < row_len {
            break;
        }
        let mut current = row.to_vec();
        for i in 0..row_len {
            let left = if i >= bpp { current[i - bpp] } else { 0 };
            let up = previous[i];
            let up_left = if i >= bpp { previous[i - bpp] } else { 0 };
            let add = match filter {
                0 => 0,
                1 => left,
                2 => up,
                3 => ((u16::from(left) + u16::from(up)) / 2) as u8,
                4 => paeth(left, up, up_left),
                _ => return None,
            };
            current[i] = current[i].wrapping_add(add);
        }
        out.extend_from_slice(&current);
        previous = current;
    }
    Some(out)
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

fn hex_decode(data: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = data
        .iter()
        .take_while(|&&b| b != b'>')
        .filter_map(|&b| (b as char).to_digit(16).map(|d| d as u8))
        .collect();
    digits
        .chunks(2)
        .map(|pair| pair[0] * 16 + pair.get(1).copied().unwrap_or(0))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The document

#[derive(Clone, Copy, Debug)]
enum XrefEntry {
    Free,
    At(usize),
    /// In object stream `.0` at index `.1`.
    InStream(u32, usize),
}

struct ObjectStream {
    data: Vec<u8>,
    /// Object number and offset in `data`, in increasing order of offset (ISO 32000-1 7.5.7).
    entries: Vec<(u32, usize)>,
}

impl ObjectStream {
    /// Entry `index`, read no further than where the next one starts.
    fn member(&self, index: usize) -> Option<Obj> {
        let offset = self.entries.get(index)?.1;
        let end = match self.entries.get(index + 1) {
            Some(&(_, next)) if next > offset => next,
            _ => self.data.len(),
        };
        parse_object(self.data.get(..end)?, offset, 0).map(|(obj, _)| obj)
    }
}

struct PageTree {
    pages: u32,
    declared: Option<i64>,
    looped: bool,
    unreadable: u32,
    catalog_version: Option<String>,
}

#[derive(Default)]
struct Walk {
    leaves: u32,
    unreadable: u32,
    looped: bool,
    visited: HashSet<u32>,
}

struct Doc<'a> {
    buf: &'a [u8],
    /// Where `%PDF-` starts: offsets may count from there when junk precedes it.
    base: usize,
    xref: HashMap<u32, XrefEntry>,
    /// Trailer and cross-reference stream dictionaries, newest first.
    trailers: Vec<Dict>,
    /// Object number → offsets of its `N G obj` headers in file order, built on first need.
    scanned: Option<HashMap<u32, Vec<usize>>>,
    /// The same headers as (number, offset) in file order.
    scanned_in_order: Vec<(u32, usize)>,
    /// Every object looked up once (a failure only once the scan is complete).
    cache: HashMap<u32, Option<Obj>>,
    /// Positions of every `endstream`, built when a stream's /Length is wrong.
    endstreams: Option<Vec<usize>>,
    /// Positions of every `endobj`, built when an object's text is long.
    endobjs: Option<Vec<usize>>,
    /// Members of object streams found by the scan, and the catalogs and trailers it found.
    scan_parsed: bool,
    scanned_in_streams: HashMap<u32, (u32, usize)>,
    scanned_catalogs: Vec<u32>,
    object_streams: HashMap<u32, Option<ObjectStream>>,
    inflate_budget: usize,
    lookups: u32,
    /// Something had to be found by scanning.
    rebuilt: bool,
}

impl<'a> Doc<'a> {
    fn new(buf: &'a [u8], base: usize) -> Self {
        Doc {
            buf,
            base,
            xref: HashMap::new(),
            trailers: Vec::new(),
            scanned: None,
            scanned_in_order: Vec::new(),
            cache: HashMap::new(),
            endstreams: None,
            endobjs: None,
            scan_parsed: false,
            scanned_in_streams: HashMap::new(),
            scanned_catalogs: Vec::new(),
            object_streams: HashMap::new(),
            inflate_budget: MAX_INFLATE_BYTES,
            lookups: 0,
            rebuilt: false,
        }
    }

    /// Candidate positions for a stored offset: as written, and counted from the header.
    fn positions(&self, offset: usize) -> impl Iterator<Item = usize> {
        let shifted = (self.base > 0)
            .then(|| offset.checked_add(self.base))
            .flatten();
        let len = self.buf.len();
        std::iter::once(Some(offset))
            .chain(std::iter::once(shifted))
            .flatten()
            .filter(move |&p| p < len)
    }

    // --- cross-reference sections

    /// Follows `startxref` and the /Prev chain; sections read earlier (newer) win.
    fn load_xref(&mut self, startxref: usize) {
        let mut next = Some(startxref);
        let mut seen = HashSet::new();
        while let Some(offset) = next.take() {
            if seen.len() >= MAX_XREF_SECTIONS || !seen.insert(offset) {
                break;
            }
            let Some(trailer) = self.read_section(offset) else {
                break;
            };
            if let Some(Obj::Int(stream_at)) = get(&trailer, b"XRefStm") {
                if let Ok(stream_at) = usize::try_from(*stream_at) {
                    if let Some(stream_dict) = self.read_section(stream_at) {
                        self.trailers.push(stream_dict);
                    }
                }
            }
            next = match get(&trailer, b"Prev") {
                Some(Obj::Int(prev)) => usize::try_from(*prev).ok(),
                _ => None,
            };
            self.trailers.push(trailer);
        }
    }

    fn read_section(&mut self, offset: usize) -> Option<Dict> {
        let candidates: Vec<usize> = self.positions(offset).collect();
        for pos in candidates {
            let at = skip_whitespace(self.buf, pos);
            if keyword_at(self.buf, at, b"xref") {
                if let Some(trailer) = self.read_xref_table(at + 4) {
                    return Some(trailer);
                }
            } else if let Some(trailer) = self.read_xref_stream(at) {
                return Some(trailer);
            }
        }
        None
    }

    fn read_xref_table(&mut self, pos: usize) -> Option<Dict> {
        let buf = self.buf;
        let mut at = pos;
        let mut section = Vec::new();
        loop {
            at = skip_whitespace(buf, at);
            if keyword_at(buf, at, b"trailer") {
                break;
            }
            let (mut first, end) = parse_uint(buf, at)?;
            let (count, end) = parse_uint(buf, skip_whitespace(buf, end))?;
            at = end;
            for i in 0..count {
                let (offset, end) = parse_uint(buf, skip_whitespace(buf, at))?;
                let (generation, end) = parse_uint(buf, skip_whitespace(buf, end))?;
                let kind_at = skip_whitespace(buf, end);
                let kind = *buf.get(kind_at)?;
                at = kind_at + 1;
                // A common writer bug: a section "1 n" that starts with object 0's free entry.
                if i == 0 && first == 1 && kind == b'f' && generation == 65535 {
                    first = 0;
                }
                let number = first.checked_add(i)?;
                if number > MAX_OBJECT_NUMBER {
                    return None;
                }
                let entry = match kind {
                    b'n' => XrefEntry::At(usize::try_from(offset).ok()?),
                    b'f' => XrefEntry::Free,
                    _ => return None,
                };
                section.push((number as u32, entry));
            }
        }
        let window = &buf[..buf.len().min(at.saturating_add(MAX_TRAILER_BYTES))];
        let (trailer, _) = parse_object(window, at + 7, 0)?;
        let Obj::Dict(trailer) = trailer else {
            return None;
        };
        for (number, entry) in section {
            self.xref.entry(number).or_insert(entry);
        }
        Some(trailer)
    }

    fn read_xref_stream(&mut self, pos: usize) -> Option<Dict> {
        let (number, _) = object_header(self.buf, pos)?;
        let Obj::Stream(dict, start, end) = self.object_at(pos, number, 0)? else {
            return None;
        };
        if get_name(&dict, b"Type") != Some(&b"XRef"[..]) {
            return None;
        }
        let widths: Vec<usize> = match get(&dict, b"W")? {
            Obj::Array(items) => items
                .iter()
                .map(|w| match w {
                    Obj::Int(n) if (0..=8).contains(n) => Some(*n as usize),
                    _ => None,
                })
                .collect::<Option<_>>()?,
            _ => return None,
        };
        let [w0, w1, w2] = widths[..] else {
            return None;
        };
        let row = w0 + w1 + w2;
        if row == 0 {
            return None;
        }
        let size = get_int(&dict, b"Size").unwrap_or(0);
        let index: Vec<i64> = match get(&dict, b"Index") {
            Some(Obj::Array(items)) => items
                .iter()
                .map(|n| match n {
                    Obj::Int(n) => Some(*n),
                    _ => None,
                })
                .collect::<Option<_>>()?,
            _ => vec![0, size],
        };
        let data = self.decode_stream(&dict, start, end)?;
        let field = |bytes: &[u8]| bytes.iter().fold(0u64, |v, &b| (v << 8) | u64::from(b));
        let mut rows = data.chunks_exact(row);
        for pair in index.chunks_exact(2) {
            let (first, count) = (pair[0], pair[1]);
            if first < 0 || count < 0 {
                return None;
            }
            for i in 0..count as u64 {
                let Some(entry) = rows.next() else {
                    break;
                };
                let number = first as u64 + i;
                if number > MAX_OBJECT_NUMBER {
                    break;
                }
                let kind = if w0 == 0 { 1 } else { field(&entry[..w0]) };
                let second = field(&entry[w0..w0 + w1]);
                let third = field(&entry[w0 + w1..]);
                let entry = match kind {
                    0 => XrefEntry::Free,
                    1 => XrefEntry::At(usize::try_from(second).ok()?),
                    2 if second <= MAX_OBJECT_NUMBER => {
                        XrefEntry::InStream(second as u32, usize::try_from(third).ok()?)
                    }
                    // Unknown types are null references (ISO 32000-1 7.5.8.3).
                    _ => continue,
                };
                self.xref.entry(number as u32).or_insert(entry);
            }
        }
        Some(dict)
    }

    // --- objects

    /// Object `number`, from the cross-reference data, else from the scan.
    fn resolve(&mut self, number: u32, depth: usize) -> Option<Obj> {
        if let Some(known) = self.cache.get(&number) {
            return known.clone();
        }
        if depth > MAX_RESOLVE_DEPTH || self.lookups >= MAX_LOOKUPS {
            return None;
        }
        self.lookups += 1;
        let found = self.look_up(number, depth);
        if found.is_some() || self.scan_parsed {
            self.cache.insert(number, found.clone());
        }
        found
    }

    fn look_up(&mut self, number: u32, depth: usize) -> Option<Obj> {
        match self.xref.get(&number).copied() {
            Some(XrefEntry::At(offset)) => {
                let candidates: Vec<usize> = self.positions(offset).collect();
                for pos in candidates {
                    if let Some(obj) = self.object_at(pos, number, depth) {
                        return Some(obj);
                    }
                }
            }
            Some(XrefEntry::InStream(stream, index)) => {
                if let Some(obj) = self.read_from_object_stream(stream, index, number, depth) {
                    return Some(obj);
                }
            }
            Some(XrefEntry::Free) | None => {}
        }
        let offsets = self.scan_table().get(&number).cloned().unwrap_or_default();
        for &pos in offsets.iter().rev() {
            if let Some(obj) = self.object_at(pos, number, depth) {
                self.rebuilt = true;
                return Some(obj);
            }
        }
        self.parse_scanned(depth);
        if let Some((stream, index)) = self.scanned_in_streams.get(&number).copied() {
            if let Some(obj) = self.read_from_object_stream(stream, index, number, depth) {
                self.rebuilt = true;
                return Some(obj);
            }
        }
        None
    }

    /// The indirect object whose header is at `pos`, if its number is `number`.
    fn object_at(&mut self, pos: usize, number: u32, depth: usize) -> Option<Obj> {
        let buf = self.buf;
        let (found, after) = object_header(buf, pos)?;
        if found != number {
            return None;
        }
        let bound = self.object_text_end(after);
        let (obj, end) = parse_object(&buf[..bound], after, 0)?;
        let stream_at = skip_whitespace(buf, end);
        let Obj::Dict(dict) = obj else {
            return Some(obj);
        };
        if !keyword_at(buf, stream_at, b"stream") {
            return Some(Obj::Dict(dict));
        }
        let mut start = stream_at + 6;
        if buf.get(start) == Some(&b'\r') {
            start += 1;
        }
        if buf.get(start) == Some(&b'\n') {
            start += 1;
        }
        let declared = match get(&dict, b"Length") {
            Some(Obj::Int(n)) => Some(*n),
            Some(Obj::Ref(r)) if *r != number => match self.resolve(*r, depth + 1) {
                Some(Obj::Int(n)) => Some(n),
                _ => None,
            },
            _ => None,
        };
        let by_length = declared
            .and_then(|n| usize::try_from(n).ok())
            .and_then(|n| start.checked_add(n))
            .filter(|&e| e <= buf.len() && keyword_at(buf, skip_whitespace(buf, e), b"endstream"));
        let end = match by_length {
            Some(end) => end,
            None => {
                let mut end = self.endstream_after(start)?;
                if end > start && buf[end - 1] == b'\n' {
                    end -= 1;
                }
                if end > start && buf[end - 1] == b'\r' {
                    end -= 1;
                }
                end
            }
        };
        Some(Obj::Stream(dict, start, end))
    }

    /// Where the text of an object that starts at `after` must end: at its `stream` keyword or
    /// `endobj`. An unterminated string or dictionary is then not read on through the rest of
    /// the file (for every object, which would take quadratic time).
    fn object_text_end(&mut self, after: usize) -> usize {
        let buf = self.buf;
        let near = &buf[..buf.len().min(after.saturating_add(1024))];
        let endobj = find_keyword(near, after, b"endobj");
        let before_endobj = &near[..endobj.unwrap_or(near.len())];
        if let Some(end) = find_keyword(before_endobj, after, b"stream").or(endobj) {
            return end;
        }
        let all = self
            .endobjs
            .get_or_insert_with(|| all_positions(buf, b"endobj"));
        all.get(all.partition_point(|&at| at < after))
            .copied()
            .unwrap_or(buf.len())
    }

    fn endstream_after(&mut self, start: usize) -> Option<usize> {
        let buf = self.buf;
        let all = self
            .endstreams
            .get_or_insert_with(|| all_positions(buf, b"endstream"));
        all.get(all.partition_point(|&at| at < start)).copied()
    }

    fn decode_stream(&mut self, dict: &Dict, start: usize, end: usize) -> Option<Vec<u8>> {
        let raw = self.buf.get(start..end)?;
        let filters: Vec<&[u8]> = match get(dict, b"Filter") {
            None | Some(Obj::Null) => Vec::new(),
            Some(Obj::Name(name)) => vec![name.as_slice()],
            Some(Obj::Array(items)) => items
                .iter()
                .map(|item| match item {
                    Obj::Name(name) => Some(name.as_slice()),
                    _ => None,
                })
                .collect::<Option<_>>()?,
            _ => return None,
        };
        if filters.len() > 4 {
            return None;
        }
        let parms = |i: usize| -> Option<&Dict> {
            match get(dict, b"DecodeParms").or_else(|| get(dict, b"DP"))? {
                Obj::Dict(d) => (i == 0).then_some(d),
                Obj::Array(items) => match items.get(i)? {
                    Obj::Dict(d) => Some(d),
                    _ => None,
                },
                _ => None,
            }
        };
        let mut data = raw.to_vec();
        for (i, filter) in filters.iter().enumerate() {
            data = match *filter {
                b"FlateDecode" | b"Fl" => {
                    unpredict(inflate(&data, &mut self.inflate_budget)?, parms(i))?
                }
                b"ASCIIHexDecode" | b"AHx" => hex_decode(&data),
                _ => return None,
            };
        }
        Some(data)
    }

    fn read_from_object_stream(
        &mut self,
        stream: u32,
        index: usize,
        number: u32,
        depth: usize,
    ) -> Option<Obj> {
        if !self.object_streams.contains_key(&stream) {
            // Mark first: an object stream that needs itself to be read ends here.
            self.object_streams.insert(stream, None);
            let loaded = self.load_object_stream(stream, depth + 1);
            self.object_streams.insert(stream, loaded);
        }
        let loaded = self.object_streams.get(&stream)?.as_ref()?;
        let index = match loaded.entries.get(index) {
            Some(&(n, _)) if n == number => index,
            _ => loaded.entries.iter().position(|(n, _)| *n == number)?,
        };
        loaded.member(index)
    }

    fn load_object_stream(&mut self, stream: u32, depth: usize) -> Option<ObjectStream> {
        let Obj::Stream(dict, start, end) = self.resolve(stream, depth)? else {
            return None;
        };
        let count = usize::try_from(get_int(&dict, b"N")?).ok()?;
        let first = usize::try_from(get_int(&dict, b"First")?).ok()?;
        let data = self.decode_stream(&dict, start, end)?;
        if count > MAX_ENTRIES || first > data.len() {
            return None;
        }
        let mut entries = Vec::with_capacity(count.min(data.len() / 4));
        let mut at = 0;
        for _ in 0..count {
            let Some((number, end)) = parse_uint(&data, skip_whitespace(&data, at)) else {
                break;
            };
            let Some((offset, end)) = parse_uint(&data, skip_whitespace(&data, end)) else {
                break;
            };
            at = end;
            let offset = usize::try_from(offset)
                .ok()
                .and_then(|o| o.checked_add(first));
            if let Some(offset) = offset.filter(|&o| o < data.len()) {
                if number <= MAX_OBJECT_NUMBER {
                    entries.push((number as u32, offset));
                }
            }
        }
        Some(ObjectStream { data, entries })
    }

    // --- the scan for broken files

    /// Every `N G obj` header in the file; the last one of a number wins (incremental updates).
    fn scan_table(&mut self) -> &HashMap<u32, Vec<usize>> {
        if self.scanned.is_none() {
            let buf = self.buf;
            let mut table = HashMap::new();
            let mut from = 0;
            while let Some(at) = find(buf, from, b"obj") {
                from = at + 3;
                if buf.get(at + 3).is_some_and(|&b| is_regular(b)) {
                    continue;
                }
                if let Some(start) = header_start(buf, at) {
                    if let Some((number, _)) = object_header(buf, start) {
                        table.entry(number).or_insert_with(Vec::new).push(start);
                        self.scanned_in_order.push((number, start));
                    }
                }
            }
            self.scanned = Some(table);
        }
        self.scanned.get_or_insert_with(HashMap::new)
    }

    /// Reads every scanned object once: catalogs, trailer-like cross-reference stream
    /// dictionaries and the members of object streams.
    fn parse_scanned(&mut self, depth: usize) {
        if self.scan_parsed || depth > 0 {
            return;
        }
        self.scan_parsed = true;
        self.scan_table();
        let objects = self.scanned_in_order.clone();
        let mut streams = Vec::new();
        let mut read = HashSet::new();
        // Newest (last in the file) first; of one number, the newest that can be read.
        for &(number, pos) in objects.iter().rev() {
            if read.contains(&number) {
                continue;
            }
            let dict = match self.object_at(pos, number, 1) {
                Some(Obj::Dict(d)) => d,
                Some(Obj::Stream(d, ..)) => d,
                _ => continue,
            };
            read.insert(number);
            match get_name(&dict, b"Type") {
                Some(b"Catalog") => self.scanned_catalogs.push(number),
                Some(b"XRef") => self.trailers.push(dict),
                Some(b"ObjStm") => streams.push(number),
                _ => {}
            }
        }
        for stream in streams {
            let Some(loaded) = self.load_object_stream(stream, 1) else {
                continue;
            };
            for (index, &(number, _)) in loaded.entries.iter().enumerate() {
                if !self
                    .scanned
                    .as_ref()
                    .is_some_and(|t| t.contains_key(&number))
                {
                    self.scanned_in_streams
                        .entry(number)
                        .or_insert((stream, index));
                }
                if let Some(Obj::Dict(d)) = loaded.member(index) {
                    if get_name(&d, b"Type") == Some(&b"Catalog"[..]) {
                        self.scanned_catalogs.push(number);
                    }
                }
            }
            self.object_streams.insert(stream, Some(loaded));
        }
        // Trailers of classic sections that the cross-reference chain did not reach.
        let buf = self.buf;
        let mut next = buf.len();
        while let Some(found) = rfind(&buf[..next], 0, b"trailer") {
            // Up to the following `trailer`: each byte is read for one trailer at most.
            let window = &buf[..next.min(found.saturating_add(MAX_TRAILER_BYTES))];
            if let Some((Obj::Dict(d), _)) = parse_object(window, found + 7, 0) {
                self.trailers.push(d);
            }
            next = found;
        }
    }

    fn encrypted(&mut self) -> bool {
        if self.trailers.is_empty() {
            self.parse_scanned(0);
        }
        self.trailers
            .iter()
            .any(|t| !matches!(get(t, b"Encrypt"), None | Some(Obj::Null)))
    }

    // --- the page tree

    /// The trailer's catalog first; when that fails or has unreadable pages, every catalog the
    /// scan finds. The first complete page tree wins, else the one with the most pages.
    /// The trailer's catalog first; when that fails or has unreadable pages, every catalog the
    /// scan finds (and then the file counts as rebuilt). The first complete page tree wins, else
    /// the one with the most pages.
    fn count_pages(&mut self) -> Result<PageTree, Damage> {
        let mut best: Option<(PageTree, bool)> = None;
        let mut damage = Damage::NoCatalog;
        let mut tried = HashSet::new();
        for scanning in [false, true] {
            if scanning {
                self.parse_scanned(0);
            }
            let mut catalogs: Vec<u32> = self
                .trailers
                .iter()
                .filter_map(|t| match get(t, b"Root") {
                    Some(Obj::Ref(r)) => Some(*r),
                    _ => None,
                })
                .collect();
            if scanning {
                catalogs.extend(self.scanned_catalogs.iter().copied());
            }
            for catalog in catalogs {
                if !tried.insert(catalog) {
                    continue;
                }
                match self.read_page_tree(catalog) {
                    Ok(tree) if tree.unreadable == 0 => {
                        self.rebuilt |= scanning;
                        return Ok(tree);
                    }
                    Ok(tree) => {
                        if best.as_ref().is_none_or(|(b, _)| b.pages < tree.pages) {
                            best = Some((tree, scanning));
                        }
                    }
                    Err(found) => {
                        if damage == Damage::NoCatalog {
                            damage = found;
                        }
                    }
                }
            }
        }
        let (tree, scanned) = best.ok_or(damage)?;
        self.rebuilt |= scanned;
        Ok(tree)
    }

    fn read_page_tree(&mut self, catalog: u32) -> Result<PageTree, Damage> {
        let dict = match self.resolve(catalog, 0) {
            Some(Obj::Dict(d)) => d,
            _ => return Err(Damage::NoCatalog),
        };
        let catalog_version = get_name(&dict, b"Version")
            .filter(|v| v.len() <= 4 && v.iter().all(|b| b.is_ascii_digit() || *b == b'.'))
            .map(|v| v.iter().map(|&b| char::from(b)).collect());
        let Some(root) = get(&dict, b"Pages").cloned() else {
            return Err(Damage::NoCatalog);
        };
        let declared = match &root {
            Obj::Ref(r) => match self.resolve(*r, 0) {
                Some(Obj::Dict(d)) => get_int(&d, b"Count"),
                _ => None,
            },
            Obj::Dict(d) => get_int(d, b"Count"),
            _ => None,
        };
        let mut walk = Walk::default();
        self.walk(&root, 0, &mut walk);
        if walk.leaves == 0 {
            return Err(if walk.unreadable > 0 {
                Damage::PageTreeUnreadable
            } else {
                Damage::NoPages
            });
        }
        Ok(PageTree {
            pages: walk.leaves,
            declared,
            looped: walk.looped,
            unreadable: walk.unreadable,
            catalog_version,
        })
    }

    fn walk(&mut self, node: &Obj, depth: usize, walk: &mut Walk) {
        if walk.leaves >= MAX_PAGES || self.lookups >= MAX_LOOKUPS {
            return;
        }
        if depth > MAX_TREE_DEPTH {
            walk.unreadable += 1;
            return;
        }
        let dict = match node {
            Obj::Ref(number) => {
                if !walk.visited.insert(*number) {
                    walk.looped = true;
                    return;
                }
                match self.resolve(*number, 0) {
                    Some(Obj::Dict(d)) => d,
                    _ => {
                        walk.unreadable += 1;
                        return;
                    }
                }
            }
            Obj::Dict(d) => d.clone(),
            _ => {
                walk.unreadable += 1;
                return;
            }
        };
        let kids = match get(&dict, b"Kids") {
            Some(Obj::Array(items)) => Some(items.clone()),
            Some(Obj::Ref(r)) => match self.resolve(*r, 0) {
                Some(Obj::Array(items)) => Some(items),
                _ => None,
            },
            _ => None,
        };
        match (get_name(&dict, b"Type"), kids) {
            (Some(b"Page"), _) => walk.leaves += 1,
            (Some(b"Pages") | None, Some(kids)) => {
                for kid in &kids {
                    self.walk(kid, depth + 1, walk);
                }
            }
            // Some writers leave out /Type on pages.
            (None, None)
                if get(&dict, b"MediaBox").is_some() || get(&dict, b"Contents").is_some() =>
            {
                walk.leaves += 1
            }
            _ => walk.unreadable += 1,
        }
    }
}

fn all_positions(buf: &[u8], needle: &[u8]) -> Vec<usize> {
    let mut all = Vec::new();
    let mut from = 0;
    while let Some(at) = find(buf, from, needle) {
        all.push(at);
        from = at + needle.len();
    }
    all
}

/// For an `obj` keyword at `at`, the start of `N G` before it, if there is one.
fn header_start(buf: &[u8], at: usize) -> Option<usize> {
    let mut i = at;
    let skip_back = |i: &mut usize, want_digit: bool| -> usize {
        let start = *i;
        while *i > 0 {
            let b = buf[*i - 1];
            let ok = if want_digit {
                b.is_ascii_digit()
            } else {
                is_whitespace(b)
            };
            if !ok || start - *i >= 20 {
                break;
            }
            *i -= 1;
        }
        start - *i
    };
    if skip_back(&mut i, false) == 0 || skip_back(&mut i, true) == 0 {
        return None;
    }
    if skip_back(&mut i, false) == 0 || skip_back(&mut i, true) == 0 {
        return None;
    }
    let before = if i == 0 { None } else { buf.get(i - 1) };
    before.is_none_or(|&b| !is_regular(b)).then_some(i)
}

#[cfg(test)]
#[path = "pdf_tests.rs"]
mod tests;
