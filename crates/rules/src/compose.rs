//! 合成 PDF, the composer's rules: which files it takes (and what it says about the others), how
//! a picture is prepared, the page list the applicant arranges (add to a part, move, turn,
//! remove), which parts are still missing, and the name of the file it makes. The browser shell
//! (ui/composer.rs) reads files, redraws pictures and calls `pdf::compose_pdf`.

use crate::pdf::{file_type, jpeg_fits_as_is, pages_to_copy, FileType};
use crate::photo::read_jpeg;

/// A4 at 200 dpi, in pixels: pictures are redrawn no larger than this (about 0.3–0.8 MB a page
/// as JPEG), which prints and reads like the paper.
pub const REDRAW_LONG_SIDE: u32 = 2339;
pub const REDRAW_SHORT_SIDE: u32 = 1654;
/// A JPEG goes in as it is only up to this size and A4 at 300 dpi; a larger one (a phone photo,
/// 3–5 MB) is redrawn smaller, so ten photos stay under about 8 MB.
pub const AS_IS_MAX_BYTES: usize = 1_500_000;
pub const AS_IS_LONG_SIDE: u32 = 3508;
pub const AS_IS_SHORT_SIDE: u32 = 2480;
/// The JPEG quality of a redrawn page (0–100).
pub const REDRAW_QUALITY: u8 = 85;

/// What the composer does with a chosen file.
#[derive(Clone, Debug, PartialEq)]
pub enum Intake {
    /// A JPEG that goes onto its page as it is (no re-encoding).
    JpegAsIs,
    /// A picture the browser redraws first (a large JPEG, PNG, WebP, GIF, BMP, AVIF), upright
    /// and at most A4 at 200 dpi.
    Redraw,
    /// A PDF whose `pages` pages are copied.
    Pdf { pages: u32 },
    /// Not taken, and why, in the applicant's words.
    Refused(String),
}

/// The HEIC message: iPhones save photos as HEIC, which browsers other than Safari cannot open.
pub const HEIC_MESSAGE: &str = "这是苹果手机的 HEIC 格式照片，浏览器读不了。请先变成 JPG：在 iPhone 的「文件」App 里长按这张照片，选「快速操作 → 转换图像 → JPEG」；或在「设置 → 相机 → 格式」选「兼容性最佳」后重新拍。在手机浏览器里直接拍照或从相册选择时，通常会自动变成 JPG。";

/// Looks at the bytes (never the file name) and says what the composer will do with them.
pub fn intake(bytes: &[u8]) -> Intake {
    match file_type(bytes) {
        FileType::Empty => Intake::Refused(
            "文件是空的（0 字节），可能没有下载或拷贝完整。请重新选择。".to_string(),
        ),
        FileType::Heic => Intake::Refused(HEIC_MESSAGE.to_string()),
        FileType::Tiff => Intake::Refused(
            "这是 TIFF 格式的图片，浏览器读不了。请用扫描软件或画图工具另存为 JPG 或 PDF 后再选择。"
                .to_string(),
        ),
        FileType::Jpeg => match read_jpeg(bytes) {
            // A motion photo: the picture, then a video. The browser draws the picture.
            Ok(info) if !info.complete && info.picture_ends => Intake::Redraw,
            Ok(info) if !info.complete => Intake::Refused(
                "这张 JPG 图片不完整（文件被截断），请重新拍摄或重新拷贝后再选择。".to_string(),
            ),
            Ok(info) => {
                let (long, short) = (info.width.max(info.height), info.width.min(info.height));
                if jpeg_fits_as_is(&info)
                    && bytes.len() <= AS_IS_MAX_BYTES
                    && long <= AS_IS_LONG_SIDE
                    && short <= AS_IS_SHORT_SIDE
                {
                    Intake::JpegAsIs
                } else {
                    Intake::Redraw
                }
            }
            Err(_) => Intake::Refused(
                "这张 JPG 图片已损坏，打不开。请重新拍摄或重新导出后再选择。".to_string(),
            ),
        },
        kind if kind.is_image() => Intake::Redraw,
        _ => match pages_to_copy(bytes) {
            Ok(pages) => Intake::Pdf { pages },
            Err(message) => Intake::Refused(message),
        },
    }
}

/// The size a picture shown `width × height` (upright) is redrawn at: fitted inside A4 at
/// 200 dpi in its own orientation, never enlarged.
pub fn redraw_size(width: u32, height: u32) -> (u32, u32) {
    let (width, height) = (width.max(1), height.max(1));
    let (max_w, max_h) = if width > height {
        (REDRAW_LONG_SIDE, REDRAW_SHORT_SIDE)
    } else {
        (REDRAW_SHORT_SIDE, REDRAW_LONG_SIDE)
    };
    let scale = (f64::from(max_w) / f64::from(width))
        .min(f64::from(max_h) / f64::from(height))
        .min(1.0);
    (
        ((f64::from(width) * scale).round() as u32).max(1),
        ((f64::from(height) * scale).round() as u32).max(1),
    )
}

/// Below this many pixels on its long side a picture is unreadable on A4 (about 70 dpi).
pub const SMALL_LONG_SIDE: u32 = 800;

/// The size a picture is shown at (EXIF orientation applied), read from its header: JPEG and
/// PNG; other formats are not looked into.
pub fn picture_size(bytes: &[u8]) -> Option<(u32, u32)> {
    match file_type(bytes) {
        FileType::Jpeg => read_jpeg(bytes).ok().map(|info| info.displayed_size()),
        FileType::Png => {
            let ihdr = bytes.get(16..24)?;
            let width = u32::from_be_bytes(ihdr[..4].try_into().ok()?);
            let height = u32::from_be_bytes(ihdr[4..].try_into().ok()?);
            Some((width, height))
        }
        _ => None,
    }
}

/// What to tell the applicant about a picture too small to read on paper, if it is.
pub fn small_picture_note(width: u32, height: u32) -> Option<String> {
    (width.max(height) < SMALL_LONG_SIDE).then(|| {
        format!("只有 {width} × {height} 像素，放到 A4 纸上会看不清；如有更清楚的照片或扫描件，请换用。")
    })
}

/// One page of the composition: which part it belongs to, which chosen file, which page of it
/// (0 for a picture) and the applicant's quarter turns clockwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    pub part: usize,
    pub file: usize,
    pub page: u32,
    pub turns: u8,
}

/// Adds the pages of a file chosen for `part` after that part's last page, or, for a part that
/// has none yet, after the pages of the parts before it: the list stays in the parts' order
/// unless the applicant moves pages.
pub fn add_to_part(pieces: &mut Vec<Piece>, part: usize, file: usize, pages: u32) {
    let at = pieces
        .iter()
        .rposition(|p| p.part <= part)
        .map_or(0, |i| i + 1);
    for page in (0..pages.max(1)).rev() {
        pieces.insert(
            at,
            Piece {
                part,
                file,
                page,
                turns: 0,
            },
        );
    }
}

/// Moves page `index` one place up (`by` = -1) or down (+1); nothing at either end.
pub fn move_piece(pieces: &mut [Piece], index: usize, by: isize) {
    let Some(to) = index.checked_add_signed(by) else {
        return;
    };
    if index < pieces.len() && to < pieces.len() {
        pieces.swap(index, to);
    }
}

/// Turns page `index` a quarter clockwise.
pub fn turn_piece(pieces: &mut [Piece], index: usize) {
    if let Some(piece) = pieces.get_mut(index) {
        piece.turns = (piece.turns + 1) % 4;
    }
}

pub fn remove_piece(pieces: &mut Vec<Piece>, index: usize) {
    if index < pieces.len() {
        pieces.remove(index);
    }
}

/// The parts that have no page yet, in order.
pub fn missing_parts<'a>(parts: &[&'a str], pieces: &[Piece]) -> Vec<&'a str> {
    parts
        .iter()
        .enumerate()
        .filter(|(i, _)| !pieces.iter().any(|p| p.part == *i))
        .map(|(_, part)| *part)
        .collect()
}

/// What to say before making a PDF whose parts are not all chosen yet; `None` when all are.
pub fn missing_message(parts: &[&str], pieces: &[Piece]) -> Option<String> {
    let missing: Vec<String> = missing_parts(parts, pieces)
        .into_iter()
        .map(|p| format!("「{}」", short_part(p)))
        .collect();
    let them = if missing.len() > 1 { "它们" } else { "它" };
    (!missing.is_empty()).then(|| {
        format!(
            "还缺{}：请先为{them}选择照片或文件，再合成。",
            missing.join("、")
        )
    })
}

/// The note for a picture whose file name says PDF (its bytes decide what it is).
pub fn renamed_picture_note(file_name: &str) -> Option<String> {
    file_name
        .to_ascii_lowercase()
        .ends_with(".pdf")
        .then(|| format!("「{file_name}」的文件名是 .pdf，其实是一张图片：已按图片放入。"))
}

/// The material's title when it has none (the composer on its own page): the first chosen
/// file's name without its ending.
pub fn title_from_file_name(file_name: &str) -> &str {
    file_name
        .rsplit_once('.')
        .map_or(file_name, |(stem, _)| stem)
}

/// A part's name without its bracketed note: 「劳动合同书（遗失的可用…）」 → 「劳动合同书」.
pub fn short_part(part: &str) -> &str {
    part.split(['（', '(']).next().unwrap_or(part).trim()
}

/// The made file's name: 「张三-学历证明（备案表+毕业证书）.pdf」. Characters a file name cannot
/// hold become 「-」; a name longer than 32 characters keeps the title only.
pub fn composed_file_name(applicant: &str, title: &str, parts: &[&str]) -> String {
    let clean = |text: &str| -> String {
        text.trim()
            .chars()
            .map(|c| {
                if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
                    || c.is_control()
                {
                    '-'
                } else {
                    c
                }
            })
            .collect()
    };
    let mut name = String::new();
    if !applicant.trim().is_empty() {
        name.push_str(&clean(applicant));
        name.push('-');
    }
    name.push_str(&clean(if title.trim().is_empty() {
        "合成的PDF"
    } else {
        title
    }));
    let shorts: Vec<String> = parts.iter().map(|p| clean(short_part(p))).collect();
    let with_parts = format!("{name}（{}）", shorts.join("+"));
    if parts.len() >= 2 && with_parts.chars().count() <= 32 {
        name = with_parts;
    }
    name.push_str(".pdf");
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(width: u16, height: u16) -> Vec<u8> {
        let mut out = Vec::new();
        jpeg_encoder::Encoder::new(&mut out, 80)
            .encode(
                &vec![100u8; usize::from(width) * usize::from(height) * 3],
                width,
                height,
                jpeg_encoder::ColorType::Rgb,
            )
            .unwrap();
        out
    }

    #[test]
    fn intake_by_content() {
        let small = jpeg(40, 30);
        assert_eq!(intake(&small), Intake::JpegAsIs);
        // Larger than A4 at 300 dpi: redrawn.
        assert_eq!(intake(&jpeg(3600, 16)), Intake::Redraw);
        let png = [
            0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R',
        ];
        assert_eq!(intake(&png), Intake::Redraw);
        let mut heic = vec![0, 0, 0, 24];
        heic.extend_from_slice(b"ftypheic\0\0\0\0mif1heic");
        assert_eq!(intake(&heic), Intake::Refused(HEIC_MESSAGE.to_string()));
        match intake(b"") {
            Intake::Refused(m) => assert!(m.starts_with("文件是空的（0 字节）")),
            other => panic!("{other:?}"),
        }
        match intake(&small[..small.len() - 20]) {
            Intake::Refused(m) => assert!(m.contains("不完整"), "{m}"),
            other => panic!("{other:?}"),
        }
        let pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
        assert_eq!(intake(pdf), Intake::Pdf { pages: 1 });
        // A Word file is refused with step 5's own message. (A JPEG renamed .pdf is a JPEG: the
        // name is never looked at.)
        let mut word = b"PK\x03\x04".to_vec();
        word.extend_from_slice(&[0; 26]);
        word.extend_from_slice(b"word/document.xml");
        match intake(&word) {
            Intake::Refused(m) => assert!(!m.is_empty()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn small_pictures_are_named_before_they_go_on_a4() {
        assert_eq!(picture_size(&jpeg(40, 30)), Some((40, 30)));
        let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        png.extend_from_slice(b"IHDR");
        png.extend_from_slice(&1200u32.to_be_bytes());
        png.extend_from_slice(&1600u32.to_be_bytes());
        assert_eq!(picture_size(&png), Some((1200, 1600)));
        assert_eq!(picture_size(b"%PDF-1.4"), None);
        assert!(small_picture_note(40, 30)
            .unwrap()
            .starts_with("只有 40 × 30 像素"));
        assert_eq!(small_picture_note(600, 800), None);
        assert!(small_picture_note(799, 500).is_some());
    }

    #[test]
    fn redrawn_pictures_fit_a4_at_200_dpi_and_are_never_enlarged() {
        assert_eq!(redraw_size(4000, 3000), (2205, 1654));
        assert_eq!(redraw_size(3000, 4000), (1654, 2205));
        assert_eq!(redraw_size(800, 600), (800, 600));
        assert_eq!(redraw_size(0, 0), (1, 1));
    }

    #[test]
    fn pages_are_added_in_the_order_of_the_parts_and_can_be_arranged() {
        let mut pieces = Vec::new();
        add_to_part(&mut pieces, 1, 0, 1);
        add_to_part(&mut pieces, 0, 1, 2);
        add_to_part(&mut pieces, 1, 2, 1);
        add_to_part(&mut pieces, 0, 3, 1);
        let order: Vec<(usize, usize, u32)> =
            pieces.iter().map(|p| (p.part, p.file, p.page)).collect();
        assert_eq!(
            order,
            [(0, 1, 0), (0, 1, 1), (0, 3, 0), (1, 0, 0), (1, 2, 0)]
        );
        move_piece(&mut pieces, 0, -1);
        move_piece(&mut pieces, 4, 1);
        assert_eq!(pieces[0].file, 1);
        move_piece(&mut pieces, 3, 1);
        assert_eq!((pieces[3].file, pieces[4].file), (2, 0));
        for _ in 0..5 {
            turn_piece(&mut pieces, 2);
        }
        assert_eq!(pieces[2].turns, 1);
        assert_eq!(
            missing_parts(&["备案表", "毕业证", "其他"], &pieces),
            ["其他"]
        );
        remove_piece(&mut pieces, 3);
        remove_piece(&mut pieces, 3);
        remove_piece(&mut pieces, 9);
        assert_eq!(missing_parts(&["备案表", "毕业证"], &pieces), ["毕业证"]);
        assert_eq!(
            missing_message(&["备案表（电子）", "毕业证"], &pieces).unwrap(),
            "还缺「毕业证」：请先为它选择照片或文件，再合成。"
        );
        assert_eq!(
            missing_message(&["备案表", "毕业证", "其他"], &[]).unwrap(),
            "还缺「备案表」、「毕业证」、「其他」：请先为它们选择照片或文件，再合成。"
        );
        assert_eq!(missing_message(&["备案表"], &pieces), None);
    }

    #[test]
    fn what_file_names_give() {
        assert_eq!(
            renamed_picture_note("备案表.PDF").unwrap(),
            "「备案表.PDF」的文件名是 .pdf，其实是一张图片：已按图片放入。"
        );
        assert_eq!(renamed_picture_note("证书.jpg"), None);
        assert_eq!(title_from_file_name("IMG_0.jpg"), "IMG_0");
        assert_eq!(title_from_file_name("a.b.pdf"), "a.b");
        assert_eq!(title_from_file_name("扫描件"), "扫描件");
    }

    #[test]
    fn the_made_file_is_named_after_the_applicant_the_item_and_its_parts() {
        assert_eq!(
            composed_file_name("张三", "学历证明", &["学历证书电子注册备案表", "毕业证书"]),
            "张三-学历证明（学历证书电子注册备案表+毕业证书）.pdf"
        );
        assert_eq!(
            composed_file_name(
                " ",
                "工作经历：A/B 公司",
                &["劳动合同书（遗失的可用单位出具的工作证明代替）"]
            ),
            "工作经历：A-B 公司.pdf"
        );
        let long = "很长的部分名称".repeat(5);
        assert_eq!(
            composed_file_name("李四", "继续教育", &[&long, &long]),
            "李四-继续教育.pdf"
        );
        assert_eq!(composed_file_name("", "", &[]), "合成的PDF.pdf");
    }
}
