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
pub use super::photo::FileType;
use super::photo::{sniff, Outcome};

/// Above this a size note suggests compressing the file.
pub const LARGE_FILE_BYTES: u64 = 5 * 1024 * 1024;
/// Readers accept junk before `%PDF-` if the header starts within the first 1024 bytes.
pub const HEADER_SEARCH_BYTES: usize = 1024;
/// Never inflate more than this in total for one file (cross-reference and object streams only;
/// page contents and images are never decompressed).
pub const MAX_INFLATE_BYTES: usize = 64 * 1024 * 1024;

/// `%%EOF` must be in the last 1024 bytes (after trailing whitespace), as readers require.
pub(super) const EOF_SEARCH_BYTES: usize = 1024;
/// Nesting of arrays and dictionaries inside one object.
pub(super) const MAX_NESTING: usize = 64;
/// Levels of the page tree.
pub(super) const MAX_TREE_DEPTH: usize = 64;
/// Nested look-ups while reading one object (a /Length kept in another object, an object stream).
pub(super) const MAX_RESOLVE_DEPTH: usize = 8;
pub(super) const MAX_XREF_SECTIONS: usize = 1024;
/// The largest object number ISO 32000-1 Annex C allows.
pub(super) const MAX_OBJECT_NUMBER: u64 = 8_388_607;
/// Far more pages than any evidence file; the walk stops here.
pub(super) const MAX_PAGES: u32 = 1_000_000;
/// Object look-ups per file: a hostile file cannot keep the checker busy for long.
pub(super) const MAX_LOOKUPS: u32 = 1_000_000;
/// A trailer dictionary is read from at most this many bytes.
pub(super) const MAX_TRAILER_BYTES: usize = 1024 * 1024;
/// Entries read from a zip directory or an object stream header.
pub(super) const MAX_ENTRIES: usize = 1_000_000;

mod checks;
mod copy;
mod document;
mod file_type;
mod filters;
mod lexer;
mod pages;
mod report;
mod write;
mod xref;

pub use checks::*;
use document::*;
pub use file_type::*;
use filters::*;
use lexer::*;
pub use report::*;
pub use write::{
    compose_pdf, jpeg_fits_as_is, pages_to_copy, ComposeError, ComposePage, PageSource, A4_POINTS,
    PAGE_MARGIN_POINTS,
};

#[cfg(test)]
mod checks_tests;
#[cfg(test)]
mod compose_tests;
#[cfg(test)]
mod damage_tests;
#[cfg(test)]
mod file_type_tests;
#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod reading_tests;
