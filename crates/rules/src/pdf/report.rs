//! The verdict on a PDF: `inspect_pdf`, its report, problems and warnings.

use super::*;

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

pub(super) fn inspect(bytes: &[u8], file_type: FileType) -> Result<PdfInfo, PdfProblem> {
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

pub(super) fn header_version(bytes: &[u8], base: usize) -> String {
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
pub(super) fn has_eof_marker(bytes: &[u8]) -> bool {
    let mut end = bytes.len();
    while end > 0 && is_whitespace(bytes[end - 1]) {
        end -= 1;
    }
    let tail = &bytes[end.saturating_sub(EOF_SEARCH_BYTES)..end];
    find(tail, 0, b"%%EOF").is_some()
}

/// The offset after the last `startxref` keyword in the last 4 KB.
pub(super) fn find_startxref(bytes: &[u8]) -> Option<u64> {
    let from = bytes.len().saturating_sub(4096);
    let at = rfind(bytes, from, b"startxref")?;
    let pos = skip_whitespace(bytes, at + 9);
    let (value, _) = parse_uint(bytes, pos)?;
    Some(value)
}
