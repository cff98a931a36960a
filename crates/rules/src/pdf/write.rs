//! Writing a PDF (ISO 32000-1 §7.5): numbered objects, streams, the page tree, a classic
//! cross-reference table with exact byte offsets, and the trailer. Image pages carry their JPEG
//! as it is (`/DCTDecode`); copied pages come from copy.rs. The output of the same input is the
//! same bytes: no dates, no random ids.

use super::*;

/// A4 in points (1/72 inch), rounded as most writers do.
pub const A4_POINTS: (u32, u32) = (595, 842);
/// White space kept around an image on its page, in points (about 8 mm).
pub const PAGE_MARGIN_POINTS: u32 = 24;

/// One page of the PDF to be made.
#[derive(Clone, Copy, Debug)]
pub enum PageSource<'a> {
    /// A JPEG, placed on an A4 page as it is (baseline or progressive, greyscale or colour; see
    /// [`jpeg_fits_as_is`]). Its EXIF orientation is applied by the page, not by re-encoding.
    Jpeg(&'a [u8]),
    /// Page `index` (from 0) of a PDF, copied with everything it uses.
    PdfPage { pdf: &'a [u8], index: u32 },
}

#[derive(Clone, Copy, Debug)]
pub struct ComposePage<'a> {
    pub source: PageSource<'a>,
    /// Quarter turns clockwise chosen by the applicant, on top of the picture's own orientation.
    pub turns: u8,
}

/// Why a PDF could not be made, in Chinese, naming the page (from 1).
#[derive(Clone, Debug, PartialEq)]
pub struct ComposeError {
    pub page: usize,
    pub message: String,
}

/// Whether a JPEG can go into the PDF as it is: a PDF reader must decode it (baseline, extended
/// or progressive Huffman coding, 8 bits, 1 or 3 components) and it must end where the picture
/// ends. Everything else is redrawn by the browser first.
pub fn jpeg_fits_as_is(info: &crate::photo::JpegInfo) -> bool {
    matches!(info.sof, 0xC0..=0xC2)
        && info.precision == 8
        && matches!(info.components, 1 | 3)
        && info.complete
}

/// The pages a PDF would give the composer, or why it cannot be copied (step 5's messages for
/// a file that is not a PDF, encrypted, damaged or cut off; a page that cannot be read).
pub fn pages_to_copy(bytes: &[u8]) -> Result<u32, String> {
    copy::Source::open(bytes).map(|source| source.page_count())
}

/// The orientation of a picture on its page: which stored axis runs across the page and whether
/// each runs backwards. One of the eight EXIF orientations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Orientation {
    /// The stored rows run down the page (the picture is on its side).
    swap: bool,
    flip_x: bool,
    flip_y: bool,
}

impl Orientation {
    /// EXIF orientation 1–8 (anything else counts as 1).
    pub(super) fn from_exif(value: u16) -> Self {
        let (swap, flip_x, flip_y) = match value {
            2 => (false, true, false),
            3 => (false, true, true),
            4 => (false, false, true),
            5 => (true, false, false),
            6 => (true, true, false),
            7 => (true, true, true),
            8 => (true, false, true),
            _ => (false, false, false),
        };
        Orientation {
            swap,
            flip_x,
            flip_y,
        }
    }

    /// Turned a quarter clockwise more.
    pub(super) fn turned(self) -> Self {
        Orientation {
            swap: !self.swap,
            flip_x: !self.flip_y,
            flip_y: self.flip_x,
        }
    }

    /// Where the stored point (`u` across, `r` down, both 0–1) appears on the page: (across,
    /// down), both 0–1.
    fn place(self, u: f64, r: f64) -> (f64, f64) {
        let (p, q) = if self.swap { (r, u) } else { (u, r) };
        (
            if self.flip_x { 1.0 - p } else { p },
            if self.flip_y { 1.0 - q } else { q },
        )
    }
}

/// The page size (points) and the image matrix `a b c d e f` that draws a `width × height`
/// picture in `orientation`, fitted inside the margin and centred. Landscape when the picture
/// is wider than tall as shown.
pub(super) fn image_page(
    width: u32,
    height: u32,
    orientation: Orientation,
) -> ((u32, u32), [f64; 6]) {
    let (shown_w, shown_h) = if orientation.swap {
        (f64::from(height), f64::from(width))
    } else {
        (f64::from(width), f64::from(height))
    };
    let (short, long) = A4_POINTS;
    let (page_w, page_h) = if shown_w > shown_h {
        (long, short)
    } else {
        (short, long)
    };
    let margin = f64::from(PAGE_MARGIN_POINTS);
    let scale = ((f64::from(page_w) - 2.0 * margin) / shown_w)
        .min((f64::from(page_h) - 2.0 * margin) / shown_h);
    let (draw_w, draw_h) = (shown_w * scale, shown_h * scale);
    let (x0, y0) = (
        (f64::from(page_w) - draw_w) / 2.0,
        (f64::from(page_h) - draw_h) / 2.0,
    );
    // PDF draws an image into the unit square with its first row at the top (v = 1); the page's
    // y runs upwards. Map three corners of the image space and read the matrix off them.
    let at = |u: f64, v: f64| {
        let (across, down) = orientation.place(u, 1.0 - v);
        (x0 + across * draw_w, y0 + (1.0 - down) * draw_h)
    };
    let (o, ux, vy) = (at(0.0, 0.0), at(1.0, 0.0), at(0.0, 1.0));
    (
        (page_w, page_h),
        [ux.0 - o.0, ux.1 - o.1, vy.0 - o.0, vy.1 - o.1, o.0, o.1],
    )
}

/// The file being written: bytes so far and where each object starts.
pub(super) struct Writer {
    pub(super) out: Vec<u8>,
    /// Offset of object `n` at index `n - 1`; 0 while not yet written.
    offsets: Vec<usize>,
}

impl Writer {
    pub(super) fn new() -> Self {
        let mut out = Vec::new();
        // The second line's bytes above 127 tell tools the file is binary (ISO 32000-1 7.5.2).
        out.extend_from_slice(b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
        Writer {
            out,
            offsets: Vec::new(),
        }
    }

    /// A new object number, to be written later.
    pub(super) fn reserve(&mut self) -> u32 {
        self.offsets.push(0);
        self.offsets.len() as u32
    }

    fn begin(&mut self, number: u32) {
        self.offsets[number as usize - 1] = self.out.len();
        self.out
            .extend_from_slice(format!("{number} 0 obj\n").as_bytes());
    }

    /// Object `number` whose text is `body`.
    pub(super) fn object(&mut self, number: u32, body: &[u8]) {
        self.begin(number);
        self.out.extend_from_slice(body);
        self.out.extend_from_slice(b"\nendobj\n");
    }

    /// A stream object: `dict` is the dictionary's inside without /Length, which is added.
    pub(super) fn stream(&mut self, number: u32, dict: &[u8], data: &[u8]) {
        self.begin(number);
        self.out.extend_from_slice(b"<<");
        self.out.extend_from_slice(dict);
        self.out
            .extend_from_slice(format!("/Length {}>>\nstream\n", data.len()).as_bytes());
        self.out.extend_from_slice(data);
        self.out.extend_from_slice(b"\nendstream\nendobj\n");
    }

    /// The cross-reference table, trailer and end marker. Every reserved object has been written
    /// (a page that fails stops the whole file before this).
    pub(super) fn finish(mut self, root: u32, version: &str) -> Vec<u8> {
        // The header was written as 1.4; a copied page may need its own file's later version.
        if version.len() == 3 && version > "1.4" {
            self.out[5..8].copy_from_slice(version.as_bytes());
        }
        let start = self.out.len();
        let size = self.offsets.len() + 1;
        let mut table = format!("xref\n0 {size}\n0000000000 65535 f \n");
        for offset in &self.offsets {
            table.push_str(&format!("{offset:010} 00000 n \n"));
        }
        table.push_str(&format!(
            "trailer\n<</Size {size}/Root {root} 0 R>>\nstartxref\n{start}\n%%EOF\n"
        ));
        self.out.extend_from_slice(table.as_bytes());
        self.out
    }
}

/// Makes one PDF of `pages`, in order. A JPEG that cannot be read, or a PDF that is encrypted,
/// damaged or has no such page, stops it with the page's number and what to do.
pub fn compose_pdf(pages: &[ComposePage<'_>]) -> Result<Vec<u8>, ComposeError> {
    let mut writer = Writer::new();
    let catalog = writer.reserve();
    let tree = writer.reserve();
    let mut kids = Vec::new();
    let mut sources: Vec<copy::Source<'_>> = Vec::new();
    for (at, page) in pages.iter().enumerate() {
        let fail = |message: String| ComposeError {
            page: at + 1,
            message,
        };
        let number = match page.source {
            PageSource::Jpeg(bytes) => {
                let info = crate::photo::read_jpeg(bytes)
                    .ok()
                    .filter(jpeg_fits_as_is)
                    .ok_or_else(|| {
                        fail("这张 JPEG 图片无法直接放入 PDF（文件不完整或编码特殊）。".to_string())
                    })?;
                let mut orientation = Orientation::from_exif(info.orientation);
                for _ in 0..page.turns % 4 {
                    orientation = orientation.turned();
                }
                image_page_object(&mut writer, tree, bytes, &info, orientation)
            }
            PageSource::PdfPage { pdf, index } => {
                let known = sources.iter().position(|s| std::ptr::eq(s.bytes, pdf));
                let source = match known {
                    Some(i) => &mut sources[i],
                    None => {
                        sources.push(copy::Source::open(pdf).map_err(fail)?);
                        sources.last_mut().expect("just pushed")
                    }
                };
                source
                    .copy_page(&mut writer, tree, index, page.turns)
                    .map_err(fail)?
            }
        };
        kids.push(number);
    }
    let kids_text: Vec<String> = kids.iter().map(|k| format!("{k} 0 R")).collect();
    writer.object(
        tree,
        format!(
            "<</Type/Pages/Kids[{}]/Count {}>>",
            kids_text.join(" "),
            kids.len()
        )
        .as_bytes(),
    );
    writer.object(
        catalog,
        format!("<</Type/Catalog/Pages {tree} 0 R>>").as_bytes(),
    );
    let version = sources
        .iter()
        .map(|s| s.version.as_str())
        .max()
        .unwrap_or("1.4");
    Ok(writer.finish(catalog, version))
}

/// An image page: the image, its one-line content stream and the page. Returns the page's number.
fn image_page_object(
    writer: &mut Writer,
    tree: u32,
    jpeg: &[u8],
    info: &crate::photo::JpegInfo,
    orientation: Orientation,
) -> u32 {
    let (image, content, page) = (writer.reserve(), writer.reserve(), writer.reserve());
    let colours = if info.components == 1 {
        "DeviceGray"
    } else {
        "DeviceRGB"
    };
    writer.stream(
        image,
        format!(
            "/Type/XObject/Subtype/Image/Width {}/Height {}/ColorSpace/{colours}/BitsPerComponent 8/Filter/DCTDecode",
            info.width, info.height
        )
        .as_bytes(),
        jpeg,
    );
    let ((w, h), m) = image_page(info.width, info.height, orientation);
    // At most two decimals, no exponent: the score figures' formatter serves content streams too.
    let matrix: Vec<String> = m.iter().map(|v| crate::verdict::num(*v)).collect();
    writer.stream(
        content,
        b"",
        format!("q {} cm /Im0 Do Q", matrix.join(" ")).as_bytes(),
    );
    writer.object(
        page,
        format!(
            "<</Type/Page/Parent {tree} 0 R/MediaBox[0 0 {w} {h}]/Resources<</XObject<</Im0 {image} 0 R>>>>/Contents {content} 0 R>>"
        )
        .as_bytes(),
    );
    page
}
