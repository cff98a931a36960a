//! Step 1's photo rules: the file's real type from its bytes, JPEG frame size, EXIF orientation,
//! the portal's size/pixel/ratio limits, the background heuristic, and the crop plan for
//! 生成合规照片. Bytes and pixels in, checks out.

/// The portal: "大于 30K 小于 1M"; K = 1024 bytes, M = 1024 × 1024 bytes (READING.md).
pub const MIN_BYTES_EXCLUSIVE: u64 = 30 * 1024;
pub const MAX_BYTES_EXCLUSIVE: u64 = 1024 * 1024;
/// "大于 215 × 300", read strictly (READING.md).
pub const MIN_WIDTH_EXCLUSIVE: u32 = 215;
pub const MIN_HEIGHT_EXCLUSIVE: u32 = 300;
/// Files above this are refused before reading them: even 生成合规照片 would decode tens of
/// megapixels, and no camera photo of a person needs it.
pub const LARGEST_FILE_HANDLED: u64 = 15 * 1024 * 1024;

use super::number_text::decimal;

const RULE: &str = "申报平台上传证件照要求";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Pass,
    Fail,
    /// A heuristic or display concern: worth fixing, never blocks the step.
    Warn,
    /// Information only.
    Note,
}

impl Outcome {
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Pass => "通过",
            Outcome::Fail => "不通过",
            Outcome::Warn | Outcome::Note => "请注意",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::Warn => "warn",
            Outcome::Note => "note",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct PhotoCheck {
    /// Stable key for the DOM and tests: "type", "size", "pixels", "ratio", "orientation",
    /// "background", "color", "progressive".
    pub key: &'static str,
    pub title: &'static str,
    pub outcome: Outcome,
    pub message: String,
    pub rule: &'static str,
}

fn check(key: &'static str, title: &'static str, outcome: Outcome, message: String) -> PhotoCheck {
    PhotoCheck {
        key,
        title,
        outcome,
        message,
        rule: RULE,
    }
}

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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JpegInfo {
    pub width: u32,
    pub height: u32,
    /// 1 = greyscale, 3 = YCbCr/RGB, 4 = CMYK/YCCK.
    pub components: u8,
    pub progressive: bool,
    /// EXIF orientation 1–8; 1 when absent.
    pub orientation: u16,
    /// The end-of-image marker is present: the file was not cut off.
    pub complete: bool,
}

impl JpegInfo {
    /// Orientations 5–8 turn the picture by 90°: viewers show it with width and height swapped.
    pub fn is_turned(&self) -> bool {
        (5..=8).contains(&self.orientation)
    }

    /// The size a viewer that honours EXIF shows.
    pub fn displayed_size(&self) -> (u32, u32) {
        if self.is_turned() {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JpegError {
    NotJpeg,
    /// The file ends before the frame header that holds the pixel size.
    CutBeforeFrame,
    Malformed,
}

/// Reads the JPEG markers up to the first scan: the frame size (SOFn), the coding process and the
/// EXIF orientation (APP1). Never reads past the end of `bytes`.
pub fn read_jpeg(bytes: &[u8]) -> Result<JpegInfo, JpegError> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return Err(JpegError::NotJpeg);
    }
    let mut orientation = 1;
    let mut frame: Option<(u32, u32, u8, bool)> = None;
    let mut at = 2;
    loop {
        // Skip fill bytes between segments.
        while at < bytes.len() && bytes[at] == 0xFF && bytes.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        if at + 4 > bytes.len() {
            break;
        }
        if bytes[at] != 0xFF {
            return Err(JpegError::Malformed);
        }
        let marker = bytes[at + 1];
        if marker == 0xD9 {
            break;
        }
        // Stand-alone markers have no length.
        if marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            at += 2;
            continue;
        }
        let length = u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]) as usize;
        if length < 2 {
            return Err(JpegError::Malformed);
        }
        let body_start = at + 4;
        let body_end = (at + 2 + length).min(bytes.len());
        let body = &bytes[body_start.min(body_end)..body_end];
        match marker {
            0xC0..=0xCF
                if marker != 0xC4 && marker != 0xC8 && marker != 0xCC && body.len() >= 6 =>
            {
                let height = u16::from_be_bytes([body[1], body[2]]) as u32;
                let width = u16::from_be_bytes([body[3], body[4]]) as u32;
                let progressive = matches!(marker, 0xC2 | 0xC6 | 0xCA | 0xCE);
                frame = Some((width, height, body[5], progressive));
            }
            0xE1 if body.starts_with(b"Exif\0\0") => {
                if let Some(value) = exif_orientation(&body[6..]) {
                    orientation = value;
                }
            }
            0xDA => break,
            _ => {}
        }
        at += 2 + length;
    }
    let (width, height, components, progressive) = frame.ok_or(JpegError::CutBeforeFrame)?;
    if width == 0 || height == 0 {
        return Err(JpegError::Malformed);
    }
    Ok(JpegInfo {
        width,
        height,
        components,
        progressive,
        orientation,
        complete: ends_with_eoi(bytes),
    })
}

/// Encoders may leave a few padding bytes after EOI; look at the last 32.
fn ends_with_eoi(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(32)..];
    tail.windows(2).any(|w| w == [0xFF, 0xD9])
}

/// Tag 0x0112 of IFD0 in a TIFF structure (the EXIF payload after "Exif\0\0").
fn exif_orientation(tiff: &[u8]) -> Option<u16> {
    let little = match tiff.get(..2)? {
        b"II" => true,
        b"MM" => false,
        _ => return None,
    };
    let u16_at = |at: usize| -> Option<u16> {
        let b = tiff.get(at..at + 2)?;
        Some(if little {
            u16::from_le_bytes([b[0], b[1]])
        } else {
            u16::from_be_bytes([b[0], b[1]])
        })
    };
    let u32_at = |at: usize| -> Option<u32> {
        let b = tiff.get(at..at + 4)?;
        let b = [b[0], b[1], b[2], b[3]];
        Some(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    let ifd = u32_at(4)? as usize;
    let entries = u16_at(ifd)? as usize;
    for index in 0..entries.min(512) {
        let entry = ifd + 2 + index * 12;
        if u16_at(entry)? == 0x0112 {
            let value = u16_at(entry + 8)?;
            return (1..=8).contains(&value).then_some(value);
        }
    }
    None
}

pub fn kb(bytes: u64) -> String {
    format!("{} KB", decimal(bytes, 1024, 1))
}

pub fn mb(bytes: u64) -> String {
    format!("{} MB", decimal(bytes, 1024 * 1024, 1))
}

/// The size check alone: usable before reading the file.
pub fn size_check(size: u64) -> PhotoCheck {
    let title = "文件大小";
    if size <= MIN_BYTES_EXCLUSIVE {
        check(
            "size",
            title,
            Outcome::Fail,
            format!(
                "文件只有 {}，平台要求大于 30 KB。请用更高的画质重新保存，或用下方「生成合规照片」。",
                kb(size)
            ),
        )
    } else if size > LARGEST_FILE_HANDLED {
        // Never read, so 生成合规照片 cannot work on it either.
        check(
            "size",
            title,
            Outcome::Fail,
            format!(
                "文件有 {}，平台要求小于 1 MB（1024 KB）。本工具不读取超过 15 MB 的文件，请先用手机或电脑把照片缩小后再选择。",
                mb(size)
            ),
        )
    } else if size >= MAX_BYTES_EXCLUSIVE {
        check(
            "size",
            title,
            Outcome::Fail,
            format!(
                "文件有 {}（{}），平台要求小于 1 MB（1024 KB）。请用下方「生成合规照片」缩小。",
                kb(size),
                mb(size)
            ),
        )
    } else {
        check(
            "size",
            title,
            Outcome::Pass,
            format!("{}，在 30 KB 到 1024 KB 之间。", kb(size)),
        )
    }
}

/// Every check that the bytes alone decide. `bytes` is the whole file.
pub fn check_photo_bytes(bytes: &[u8]) -> Vec<PhotoCheck> {
    let kind = sniff(bytes);
    let mut checks = Vec::new();
    if kind == FileKind::Empty {
        checks.push(check(
            "type",
            "文件格式",
            Outcome::Fail,
            "文件是空的（0 字节），可能没有下载或拷贝完整。请重新导出照片再选择。".to_string(),
        ));
        return checks;
    }
    if kind != FileKind::Jpeg {
        checks.push(check(
            "type",
            "文件格式",
            Outcome::Fail,
            format!(
                "文件实际格式为 {}，请另存为 JPG（改文件名的后缀没有用）。也可以用下方「生成合规照片」直接转成 JPG。",
                kind.name()
            ),
        ));
        checks.push(size_check(bytes.len() as u64));
        return checks;
    }
    let info = match read_jpeg(bytes) {
        Ok(info) => info,
        Err(error) => {
            let message = match error {
                JpegError::CutBeforeFrame => {
                    "这是一个不完整的 JPG 文件：文件在记录照片尺寸之前就结束了，可能下载或拷贝中断。请重新导出照片。"
                }
                _ => "JPG 文件内部结构损坏，无法读取照片尺寸。请用看图软件打开后重新另存为 JPG。",
            };
            checks.push(check(
                "type",
                "文件格式",
                Outcome::Fail,
                message.to_string(),
            ));
            checks.push(size_check(bytes.len() as u64));
            return checks;
        }
    };
    checks.push(if info.complete {
        check(
            "type",
            "文件格式",
            Outcome::Pass,
            "JPG 格式（按文件内容判断）。".to_string(),
        )
    } else {
        check(
            "type",
            "文件格式",
            Outcome::Fail,
            "JPG 文件不完整：缺少结束标记，照片下半部分可能是灰色或缺失。请重新导出照片。"
                .to_string(),
        )
    });
    checks.push(size_check(bytes.len() as u64));
    checks.extend(dimension_checks(&info));
    checks
}

fn dimension_checks(info: &JpegInfo) -> Vec<PhotoCheck> {
    let (w, h) = (info.width, info.height);
    let mut checks = Vec::new();
    let pixels_ok = w > MIN_WIDTH_EXCLUSIVE && h > MIN_HEIGHT_EXCLUSIVE;
    checks.push(if pixels_ok {
        check(
            "pixels",
            "像素尺寸",
            Outcome::Pass,
            format!("{w} × {h} 像素（宽 × 高），大于 215 × 300。"),
        )
    } else {
        let mut short = Vec::new();
        if w <= MIN_WIDTH_EXCLUSIVE {
            short.push(format!("宽 {w} 须大于 215"));
        }
        if h <= MIN_HEIGHT_EXCLUSIVE {
            short.push(format!("高 {h} 须大于 300"));
        }
        check(
            "pixels",
            "像素尺寸",
            Outcome::Fail,
            format!(
                "{w} × {h} 像素：{}。照片太小，放大会模糊，请用原始照片或重新拍摄。",
                short.join("，")
            ),
        )
    });
    // Integer comparisons, so that exactly 0.65 and 0.80 are inside: 100w ≥ 65h and 5w ≤ 4h.
    let (w64, h64) = (w as u64, h as u64);
    let ratio_text = decimal(w64, h64, 2);
    checks.push(if 100 * w64 < 65 * h64 {
        check(
            "ratio",
            "宽高比",
            Outcome::Fail,
            format!("宽 ÷ 高 = {ratio_text}，小于 0.65：照片太瘦长。请裁剪上下，或用「生成合规照片」。"),
        )
    } else if 5 * w64 > 4 * h64 {
        check(
            "ratio",
            "宽高比",
            Outcome::Fail,
            format!("宽 ÷ 高 = {ratio_text}，大于 0.80：照片太宽。请裁剪左右（证件照是竖的），或用「生成合规照片」。"),
        )
    } else {
        check(
            "ratio",
            "宽高比",
            Outcome::Pass,
            format!("宽 ÷ 高 = {ratio_text}，在 0.65 到 0.80 之间。"),
        )
    });
    if info.is_turned() {
        let (dw, dh) = info.displayed_size();
        checks.push(check(
            "orientation",
            "照片方向",
            Outcome::Warn,
            format!(
                "照片带有旋转标记（EXIF 方向 = {}）：文件里存的是 {w} × {h}，看图软件会转 90° 显示成 {dw} × {dh}。平台按存储的 {w} × {h} 判断，显示时可能横躺。请用「生成合规照片」按正确方向重新保存。",
                info.orientation
            ),
        ));
    } else if info.orientation != 1 {
        checks.push(check(
            "orientation",
            "照片方向",
            Outcome::Note,
            format!(
                "照片带有翻转/倒转标记（EXIF 方向 = {}），部分网站会显示成倒置或镜像。用「生成合规照片」可去掉这个标记。",
                info.orientation
            ),
        ));
    }
    match info.components {
        4 => checks.push(check(
            "color",
            "色彩模式",
            Outcome::Note,
            "这是 CMYK（印刷用）色彩的 JPG，部分浏览器显示颜色会失真。建议用「生成合规照片」转成普通 RGB 照片。".to_string(),
        )),
        1 => checks.push(check(
            "color",
            "色彩模式",
            Outcome::Note,
            "这是黑白（灰度）照片。证件照一般要求彩色，请确认平台能接受。".to_string(),
        )),
        _ => {}
    }
    if info.progressive {
        checks.push(check(
            "progressive",
            "编码方式",
            Outcome::Note,
            "这是渐进式 JPG，一般能正常显示；如平台预览异常，可用「生成合规照片」转存为普通 JPG。"
                .to_string(),
        ));
    }
    checks
}

/// Whether the photo passes every hard rule (warnings and notes do not count).
pub fn all_hard_checks_pass(checks: &[PhotoCheck]) -> bool {
    !checks.is_empty() && checks.iter().all(|c| c.outcome != Outcome::Fail)
}

/// The background heuristic from the decoded picture. `rgba` is a small rendering of the photo
/// as it is displayed (`width` × `height` pixels, 4 bytes each). The border band — the top and the
/// upper two thirds of both sides, where an ID photo shows only background — is compared with
/// white. Always a warning at worst: whiteness cannot be judged exactly (READING.md).
pub fn background_check(rgba: &[u8], width: u32, height: u32) -> PhotoCheck {
    let (w, h) = (width as usize, height as usize);
    if w < 4 || h < 4 || rgba.len() < w * h * 4 {
        return check(
            "background",
            "背景颜色",
            Outcome::Note,
            "无法取样判断背景颜色，请自行确认是白色背景。".to_string(),
        );
    }
    let band_x = (w / 10).max(1);
    let band_y = (h / 12).max(1);
    let (mut total, mut near_white) = (0u64, 0u64);
    let (mut sum_r, mut sum_g, mut sum_b) = (0u64, 0u64, 0u64);
    for y in 0..(h * 2 / 3) {
        for x in 0..w {
            if y >= band_y && x >= band_x && x < w - band_x {
                continue;
            }
            let p = (y * w + x) * 4;
            let (r, g, b) = (rgba[p] as u64, rgba[p + 1] as u64, rgba[p + 2] as u64);
            sum_r += r;
            sum_g += g;
            sum_b += b;
            total += 1;
            let (lo, hi) = (r.min(g).min(b), r.max(g).max(b));
            if lo >= 215 && hi - lo <= 30 {
                near_white += 1;
            }
        }
    }
    let share = near_white * 100 / total.max(1);
    let mean = |sum: u64| sum / total.max(1);
    let measured = format!(
        "边缘 {share}% 的像素接近白色，平均颜色 RGB({}, {}, {})",
        mean(sum_r),
        mean(sum_g),
        mean(sum_b)
    );
    if share >= 85 {
        check(
            "background",
            "背景颜色",
            Outcome::Pass,
            format!("{measured}，看起来是白色背景。（自动判断仅供参考）"),
        )
    } else {
        check(
            "background",
            "背景颜色",
            Outcome::Warn,
            format!("{measured}，可能不是白色背景。证件照要求白底，请换白底照片或到照相馆处理。（自动判断仅供参考，不影响上传）"),
        )
    }
}

/// The two standard ID-photo sizes the helper produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdPhotoSize {
    OneInch,
    TwoInch,
}

impl IdPhotoSize {
    pub fn pixels(self) -> (u32, u32) {
        match self {
            IdPhotoSize::OneInch => (295, 413),
            IdPhotoSize::TwoInch => (413, 579),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            IdPhotoSize::OneInch => "一寸（295 × 413）",
            IdPhotoSize::TwoInch => "二寸（413 × 579）",
        }
    }
}

/// Where to cut the source (already upright) and the size to draw it at.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CropPlan {
    pub source_x: u32,
    pub source_y: u32,
    pub source_width: u32,
    pub source_height: u32,
    pub output_width: u32,
    pub output_height: u32,
}

/// Plans the largest crop of the standard ratio (295 : 413) inside a `width` × `height` upright
/// picture. `shift_x` and `shift_y` run from -1.0 (left/top) to 1.0 (right/bottom), 0 centred.
/// Scales down to `size`, never up: a smaller crop is kept at its own size if it still beats
/// 215 × 300, otherwise the plan is refused with the reason.
pub fn plan_crop(
    width: u32,
    height: u32,
    size: IdPhotoSize,
    shift_x: f64,
    shift_y: f64,
) -> Result<CropPlan, String> {
    let (target_w, target_h) = size.pixels();
    if width == 0 || height == 0 {
        return Err("无法读取照片尺寸，不能生成。".to_string());
    }
    // Largest crop with crop_w / crop_h = 295 / 413 (both sizes share this ratio closely).
    let (crop_w, crop_h) = if width as u64 * 413 > height as u64 * 295 {
        let crop_h = height;
        ((crop_h as u64 * 295 / 413) as u32, crop_h)
    } else {
        let crop_w = width;
        (crop_w, (crop_w as u64 * 413 / 295) as u32)
    };
    if crop_w <= MIN_WIDTH_EXCLUSIVE || crop_h <= MIN_HEIGHT_EXCLUSIVE {
        return Err(format!(
            "照片只有 {width} × {height} 像素，按证件照比例裁剪后是 {crop_w} × {crop_h}，达不到平台要求的大于 215 × 300。放大会模糊，请用原始照片或重新拍摄。"
        ));
    }
    let clamp = |v: f64| v.clamp(-1.0, 1.0);
    let free_x = (width - crop_w) as f64;
    let free_y = (height - crop_h) as f64;
    let source_x = (free_x * (clamp(shift_x) + 1.0) / 2.0).round() as u32;
    let source_y = (free_y * (clamp(shift_y) + 1.0) / 2.0).round() as u32;
    let (output_width, output_height) = if crop_w >= target_w && crop_h >= target_h {
        (target_w, target_h)
    } else {
        (crop_w, crop_h)
    };
    Ok(CropPlan {
        source_x: source_x.min(width - crop_w),
        source_y: source_y.min(height - crop_h),
        source_width: crop_w,
        source_height: crop_h,
        output_width,
        output_height,
    })
}

/// Where the JPEG quality search goes next: the encoded file at `quality` percent (30–100) was
/// `size` bytes. `None` means keep this one.
pub fn next_quality(size: u64, quality: u8) -> Option<u8> {
    if size <= MIN_BYTES_EXCLUSIVE && quality < 100 {
        Some((quality + 4).min(100))
    } else if size >= MAX_BYTES_EXCLUSIVE && quality > 30 {
        Some(quality.saturating_sub(10).max(30))
    } else {
        None
    }
}

/// A generated photo of a very plain picture can stay under 30 KB even at full quality. A JPEG
/// comment segment (ignored by every decoder) then brings the file just over the limit; the
/// pixels are untouched. Returns the bytes unchanged when they are not a JPEG or large enough.
pub fn pad_jpeg_over_minimum(bytes: Vec<u8>) -> Vec<u8> {
    let target = MIN_BYTES_EXCLUSIVE as usize + 512;
    if bytes.len() > MIN_BYTES_EXCLUSIVE as usize || !bytes.starts_with(&[0xFF, 0xD8]) {
        return bytes;
    }
    let mut missing = target - bytes.len();
    let mut out = Vec::with_capacity(target + 8);
    out.extend_from_slice(&bytes[..2]);
    while missing > 0 {
        let body = missing.min(65_000);
        out.extend_from_slice(&[0xFF, 0xFE]);
        out.extend_from_slice(&((body + 2) as u16).to_be_bytes());
        out.extend(std::iter::repeat_n(b' ', body));
        missing = missing.saturating_sub(body + 4);
    }
    out.extend_from_slice(&bytes[2..]);
    out
}
