//! The white-background heuristic on pixels the shell supplies.

use super::*;

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
        "照片边缘约 {share}% 接近白色，整体看是{}",
        colour_words(mean(sum_r), mean(sum_g), mean(sum_b))
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

/// A colour in words an applicant uses (白色, 浅灰色, 偏蓝…), not numbers: for the background
/// line of step 1 (issue 16).
pub fn colour_words(r: u64, g: u64, b: u64) -> &'static str {
    let (lo, hi) = (r.min(g).min(b), r.max(g).max(b));
    if hi - lo <= 30 {
        return match lo {
            215.. => "白色",
            160.. => "浅灰色",
            80.. => "灰色",
            _ => "深色",
        };
    }
    if hi < 80 {
        "深色"
    } else if b == hi && b >= r + 25 && b >= g {
        "偏蓝色"
    } else if r == hi && g + 25 <= r && b + 25 <= r {
        "偏红色"
    } else if g == hi && r + 25 <= g && b + 25 <= g {
        "偏绿色"
    } else if b + 25 <= r && b + 25 <= g {
        "偏黄色"
    } else {
        "彩色"
    }
}
