//! 生成合规照片: the standard ID-photo sizes, the crop plan, the quality steps and the padding.

use super::*;

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

/// The generator's zoom, in percent of the largest crop: 100 (the whole width or height) up to
/// this, for a phone portrait whose head is small in the frame.
pub const MAX_ZOOM_PERCENT: u32 = 300;

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
    plan_crop_zoomed(width, height, size, 100, shift_x, shift_y)
}

/// [`plan_crop`] with a zoom: the crop is `100 / zoom_percent` of the largest one (100–
/// [`MAX_ZOOM_PERCENT`], clamped), centred where the shifts put it. A zoom that leaves fewer
/// pixels than the portal's 215 × 300 is refused with the largest zoom this picture allows.
pub fn plan_crop_zoomed(
    width: u32,
    height: u32,
    size: IdPhotoSize,
    zoom_percent: u32,
    shift_x: f64,
    shift_y: f64,
) -> Result<CropPlan, String> {
    let (target_w, target_h) = size.pixels();
    if width == 0 || height == 0 {
        return Err("无法读取照片尺寸，不能生成。".to_string());
    }
    // Largest crop with crop_w / crop_h = 295 / 413 (both sizes share this ratio closely).
    let (full_w, full_h) = if width as u64 * 413 > height as u64 * 295 {
        let crop_h = height;
        ((crop_h as u64 * 295 / 413) as u32, crop_h)
    } else {
        let crop_w = width;
        (crop_w, (crop_w as u64 * 413 / 295) as u32)
    };
    if full_w <= MIN_WIDTH_EXCLUSIVE || full_h <= MIN_HEIGHT_EXCLUSIVE {
        return Err(format!(
            "照片只有 {width} × {height} 像素，按证件照比例裁剪后是 {full_w} × {full_h}，达不到平台要求的大于 215 × 300。放大会模糊，请用原始照片或重新拍摄。"
        ));
    }
    let zoom = zoom_percent.clamp(100, MAX_ZOOM_PERCENT) as u64;
    let crop_w = (full_w as u64 * 100 / zoom) as u32;
    let crop_h = (full_h as u64 * 100 / zoom) as u32;
    if crop_w <= MIN_WIDTH_EXCLUSIVE || crop_h <= MIN_HEIGHT_EXCLUSIVE {
        // The largest zoom, in steps of 10 %, whose crop still beats 215 × 300.
        let most = (100..=zoom as u32)
            .step_by(10)
            .take_while(|z| {
                full_w as u64 * 100 / *z as u64 > MIN_WIDTH_EXCLUSIVE as u64
                    && full_h as u64 * 100 / *z as u64 > MIN_HEIGHT_EXCLUSIVE as u64
            })
            .last()
            .unwrap_or(100);
        return Err(format!(
            "放大到 {zoom}% 后只剩 {crop_w} × {crop_h} 像素，达不到平台要求的大于 215 × 300。这张照片最多放大到 {most}%。"
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
