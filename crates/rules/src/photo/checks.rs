//! The portal's limits on the bytes: type, size, pixels, ratio, orientation, colour, progressive.

use super::*;

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
    if kind == FileType::Empty {
        checks.push(check(
            "type",
            "文件格式",
            Outcome::Fail,
            "文件是空的（0 字节），可能没有下载或拷贝完整。请重新导出照片再选择。".to_string(),
        ));
        return checks;
    }
    if kind != FileType::Jpeg {
        checks.push(check(
            "type",
            "文件格式",
            Outcome::Fail,
            format!(
                "文件实际格式为 {}，请另存为 JPG（改文件名的后缀没有用）。也可以用下方「生成合规照片」直接转成 JPG。",
                kind.first_bytes_name()
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

pub(super) fn dimension_checks(info: &JpegInfo) -> Vec<PhotoCheck> {
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
    } else if 5 * w64 > 4 * h64 && info.is_turned() {
        // A phone portrait stored sideways: upright on screen, too wide by the stored pixels,
        // which are what the portal checks (issue 16: say so instead of contradicting the eye).
        check(
            "ratio",
            "宽高比",
            Outcome::Fail,
            format!("手机把这张照片横着存了（屏幕上看是竖的，只因文件里记着“显示时转正”）。平台按横着的 {w} × {h} 判断，宽 ÷ 高 = {ratio_text}，太宽。用下面的「生成合规照片」按你看到的方向重新保存，就能通过。"),
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
                "照片是横着存的，只记着“显示时转 90°”：文件里是 {w} × {h}，看图软件显示成 {dw} × {dh}。平台按横着的 {w} × {h} 判断，上传后也可能横躺。用「生成合规照片」按你看到的方向重新保存即可。（技术细节：EXIF 方向 = {}）",
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
