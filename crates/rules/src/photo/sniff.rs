//! The file's real type from its first bytes; names and extensions are never trusted.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Empty,
    Jpeg,
    Png,
    Gif,
    WebP,
    Heic,
    Avif,
    Bmp,
    Tiff,
    Pdf,
    /// Zip containers: .docx, .xlsx, .zip.
    Zip,
    /// Old Word/Excel (OLE compound file).
    OfficeLegacy,
    Unknown,
}

impl FileKind {
    pub fn name(self) -> &'static str {
        match self {
            FileKind::Empty => "空文件",
            FileKind::Jpeg => "JPG",
            FileKind::Png => "PNG",
            FileKind::Gif => "GIF",
            FileKind::WebP => "WebP",
            FileKind::Heic => "HEIC（苹果手机照片）",
            FileKind::Avif => "AVIF",
            FileKind::Bmp => "BMP",
            FileKind::Tiff => "TIFF",
            FileKind::Pdf => "PDF",
            FileKind::Zip => "Word/Excel 或压缩包",
            FileKind::OfficeLegacy => "Word/Excel（旧版 .doc/.xls）",
            FileKind::Unknown => "未知格式",
        }
    }
}

/// The file's real type from its first bytes; names and extensions are never trusted.
pub fn sniff(bytes: &[u8]) -> FileKind {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    let ftyp_brand = || (bytes.len() >= 12 && &bytes[4..8] == b"ftyp").then(|| &bytes[8..12]);
    if bytes.is_empty() {
        FileKind::Empty
    } else if starts(&[0xFF, 0xD8, 0xFF]) {
        FileKind::Jpeg
    } else if starts(b"\x89PNG\r\n\x1a\n") {
        FileKind::Png
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        FileKind::Gif
    } else if bytes.len() >= 12 && starts(b"RIFF") && &bytes[8..12] == b"WEBP" {
        FileKind::WebP
    } else if let Some(brand) = ftyp_brand() {
        match brand {
            b"avif" | b"avis" => FileKind::Avif,
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"mif1" | b"msf1" | b"heim" | b"heis" => {
                FileKind::Heic
            }
            _ => FileKind::Unknown,
        }
    } else if starts(b"BM") && bytes.len() >= 14 {
        FileKind::Bmp
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        FileKind::Tiff
    } else if bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        FileKind::Pdf
    } else if starts(b"PK\x03\x04") {
        FileKind::Zip
    } else if starts(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        FileKind::OfficeLegacy
    } else {
        FileKind::Unknown
    }
}
