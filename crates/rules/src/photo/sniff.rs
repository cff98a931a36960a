//! The file's real type from its first bytes; names and extensions are never trusted.

/// What a file really is, from its bytes. `sniff` answers from the first bytes (a zip or OLE
/// file not looked into is `Zip` / `OfficeLegacy`); `pdf::file_type` looks inside and names the
/// office and archive formats people upload instead of a PDF.
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

    /// The name for a type known from the first bytes only: a zip or OLE file that was not
    /// looked into is named for what it usually is.
    pub fn first_bytes_name(self) -> &'static str {
        match self {
            FileType::Zip => "Word/Excel 或压缩包",
            FileType::OfficeLegacy => "Word/Excel（旧版 .doc/.xls）",
            other => other.name(),
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

/// The file's real type from its first bytes; names and extensions are never trusted.
pub fn sniff(bytes: &[u8]) -> FileType {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    let ftyp_brand = || (bytes.len() >= 12 && &bytes[4..8] == b"ftyp").then(|| &bytes[8..12]);
    if bytes.is_empty() {
        FileType::Empty
    } else if starts(&[0xFF, 0xD8, 0xFF]) {
        FileType::Jpeg
    } else if starts(b"\x89PNG\r\n\x1a\n") {
        FileType::Png
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        FileType::Gif
    } else if bytes.len() >= 12 && starts(b"RIFF") && &bytes[8..12] == b"WEBP" {
        FileType::WebP
    } else if let Some(brand) = ftyp_brand() {
        match brand {
            b"avif" | b"avis" => FileType::Avif,
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"mif1" | b"msf1" | b"heim" | b"heis" => {
                FileType::Heic
            }
            _ => FileType::Unknown,
        }
    } else if starts(b"BM") && bytes.len() >= 14 {
        FileType::Bmp
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        FileType::Tiff
    } else if bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        FileType::Pdf
    } else if starts(b"PK\x03\x04") {
        FileType::Zip
    } else if starts(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        FileType::OfficeLegacy
    } else {
        FileType::Unknown
    }
}
