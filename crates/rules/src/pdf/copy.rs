//! Copying pages out of a PDF into the one being written (write.rs): the page's dictionary with
//! what it inherits, and every object it uses, renumbered, streams byte for byte as they are
//! (nothing is decompressed or re-encoded). Links to other pages (annotations, the page tree)
//! are left out, so one page never drags the rest of its file along.

use super::write::Writer;
use super::*;

/// The page attributes copied onto the new page; everything else (annotations, thumbnails,
/// article beads, structure) stays behind.
const KEPT: [&[u8]; 9] = [
    b"MediaBox",
    b"CropBox",
    b"BleedBox",
    b"TrimBox",
    b"ArtBox",
    b"Resources",
    b"Contents",
    b"Group",
    b"UserUnit",
];

/// A PDF opened for copying: its pages and which of its objects are already in the new file.
pub(super) struct Source<'a> {
    pub(super) bytes: &'a [u8],
    doc: Doc<'a>,
    pages: Vec<(Dict, Option<usize>)>,
    inherited: Vec<(Dict, Option<usize>)>,
    /// Old object number → new, for objects shared by several copied pages (fonts, images).
    copied: HashMap<u32, u32>,
    /// The file's PDF version when it is `1.x` or `2.0` (the made file declares the highest).
    pub(super) version: String,
}

impl<'a> Source<'a> {
    /// Opens `bytes`; a file that step 5 would refuse (not a PDF, encrypted, damaged, cut off)
    /// is refused with the same message.
    pub(super) fn open(bytes: &'a [u8]) -> Result<Self, String> {
        if let Some(failed) = check_evidence_file(bytes, 1, &[])
            .into_iter()
            .find(|c| c.outcome == Outcome::Fail)
        {
            return Err(failed.message);
        }
        let base = pdf_header(bytes).unwrap_or(0);
        let mut doc = Doc::new(bytes, base);
        doc.collect_pages = true;
        if let Some(offset) = find_startxref(bytes) {
            doc.load_xref(offset as usize);
        }
        let tree = doc
            .count_pages()
            .map_err(|_| "PDF 的页面无法读取，请用原软件重新导出 PDF。".to_string())?;
        if tree.unreadable > 0 {
            return Err(format!(
                "PDF 有 {} 页无法读取，请用原软件重新导出 PDF。",
                tree.unreadable
            ));
        }
        let version = match inspect_pdf(bytes).kind {
            Ok(info) if is_version(&info.version) => info.version,
            _ => "1.4".to_string(),
        };
        Ok(Source {
            version,
            bytes,
            doc,
            pages: tree.dicts,
            inherited: tree.inherited,
            copied: HashMap::new(),
        })
    }

    pub(super) fn page_count(&self) -> u32 {
        self.pages.len() as u32
    }

    /// Writes page `index` (from 0) under `tree`, turned `turns` quarters clockwise more than it
    /// was. Returns the new page's object number.
    pub(super) fn copy_page(
        &mut self,
        writer: &mut Writer,
        tree: u32,
        index: u32,
        turns: u8,
    ) -> Result<u32, String> {
        let (own, inherited) = self.pages.get(index as usize).ok_or_else(|| {
            format!(
                "PDF 只有 {} 页，没有第 {} 页。",
                self.pages.len(),
                index + 1
            )
        })?;
        let dict = pages::with_inherited(own, &self.inherited, *inherited);
        let number = writer.reserve();
        let mut pending = Vec::new();
        let mut text = format!("<</Type/Page/Parent {tree} 0 R").into_bytes();
        if get(&dict, b"MediaBox").is_none() {
            let (w, h) = write::A4_POINTS;
            text.extend_from_slice(format!("/MediaBox[0 0 {w} {h}]").as_bytes());
        }
        self.write_entries(
            &mut text,
            &dict,
            |key| KEPT.contains(&key),
            writer,
            &mut pending,
        );
        // Whatever the file says (a hostile file may say anything), a multiple of 90 in 0–270.
        let own_rotate = get_int(&dict, b"Rotate").unwrap_or(0).rem_euclid(360) / 90 * 90;
        let rotate = (own_rotate + 90 * i64::from(turns % 4)) % 360;
        if rotate != 0 {
            text.extend_from_slice(format!("/Rotate {rotate}").as_bytes());
        }
        text.extend_from_slice(b">>");
        writer.object(number, &text);
        while let Some((old, new)) = pending.pop() {
            self.copy_object(old, new, writer, &mut pending);
        }
        Ok(number)
    }

    /// Object `old` of this file as object `new` of the new one.
    fn copy_object(
        &mut self,
        old: u32,
        new: u32,
        writer: &mut Writer,
        pending: &mut Vec<(u32, u32)>,
    ) {
        let mut text = Vec::new();
        match self.doc.resolve(old, 0) {
            Some(Obj::Stream(dict, start, end)) => {
                let dict: Dict = dict.into_iter().filter(|(k, _)| k != b"Length").collect();
                self.write_dict_inside(&mut text, &dict, writer, pending);
                writer.stream(new, &text, &self.bytes[start..end]);
            }
            Some(obj) => {
                self.write_obj(&mut text, &obj, writer, pending);
                writer.object(new, &text);
            }
            // A reference to nothing is null (ISO 32000-1 7.3.10).
            None => writer.object(new, b"null"),
        }
    }

    fn write_obj(
        &mut self,
        out: &mut Vec<u8>,
        obj: &Obj,
        writer: &mut Writer,
        pending: &mut Vec<(u32, u32)>,
    ) {
        match obj {
            Obj::Null | Obj::Stream(..) => out.extend_from_slice(b"null"),
            Obj::Bool(value) => out.extend_from_slice(if *value { b"true" } else { b"false" }),
            Obj::Int(value) => out.extend_from_slice(value.to_string().as_bytes()),
            Obj::Real(text) | Obj::Str(text) => out.extend_from_slice(text),
            Obj::Name(name) => write_name(out, name),
            Obj::Array(items) => {
                out.push(b'[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(b' ');
                    }
                    self.write_obj(out, item, writer, pending);
                }
                out.push(b']');
            }
            Obj::Dict(dict) if is_page_node(dict) => out.extend_from_slice(b"null"),
            Obj::Dict(dict) => {
                out.extend_from_slice(b"<<");
                self.write_dict_inside(out, dict, writer, pending);
                out.extend_from_slice(b">>");
            }
            Obj::Ref(old) => {
                let new = match self.copied.get(old).copied() {
                    Some(new) => new,
                    None if self.points_at_page_node(*old) => {
                        out.extend_from_slice(b"null");
                        return;
                    }
                    None => {
                        let new = writer.reserve();
                        self.copied.insert(*old, new);
                        pending.push((*old, new));
                        new
                    }
                };
                out.extend_from_slice(format!("{new} 0 R").as_bytes());
            }
        }
    }

    /// A dictionary's keys and values; /Parent (a way back up to pages or fields) is left out.
    fn write_dict_inside(
        &mut self,
        out: &mut Vec<u8>,
        dict: &Dict,
        writer: &mut Writer,
        pending: &mut Vec<(u32, u32)>,
    ) {
        self.write_entries(out, dict, |key| key != b"Parent", writer, pending);
    }

    /// The entries of `dict` whose key `keep` accepts, as `/Key value`.
    fn write_entries(
        &mut self,
        out: &mut Vec<u8>,
        dict: &Dict,
        keep: impl Fn(&[u8]) -> bool,
        writer: &mut Writer,
        pending: &mut Vec<(u32, u32)>,
    ) {
        for (key, value) in dict {
            if keep(key) {
                write_name(out, key);
                space_before(out, value);
                self.write_obj(out, value, writer, pending);
            }
        }
    }

    fn points_at_page_node(&mut self, number: u32) -> bool {
        matches!(self.doc.resolve(number, 0), Some(Obj::Dict(d)) if is_page_node(&d))
    }
}

/// `1.0`–`1.7` or `2.0`.
fn is_version(text: &str) -> bool {
    matches!(
        text.as_bytes(),
        [b'1', b'.', b'0'..=b'7'] | [b'2', b'.', b'0']
    )
}

/// The space a key needs before a value that does not start with a delimiter.
fn space_before(out: &mut Vec<u8>, value: &Obj) {
    if !matches!(
        value,
        Obj::Name(_) | Obj::Array(_) | Obj::Dict(_) | Obj::Str(_)
    ) {
        out.push(b' ');
    }
}

/// A page or page tree node: never copied as a resource (that would copy its whole file).
fn is_page_node(dict: &Dict) -> bool {
    matches!(get_name(dict, b"Type"), Some(b"Page" | b"Pages"))
}

/// `/name`, with the bytes a name cannot hold as `#xx` (ISO 32000-1 7.3.5).
fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &b in name {
        if b <= b' ' || b > b'~' || b == b'#' || is_delimiter(b) {
            out.extend_from_slice(format!("#{b:02X}").as_bytes());
        } else {
            out.push(b);
        }
    }
}
