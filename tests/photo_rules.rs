//! Step 1's photo rules on fixture files that Rust makes itself (tests/support/photo_fixtures.rs).

#[path = "support/photo_fixtures.rs"]
mod fixtures;

use fixtures::*;
use jpeg_encoder::ColorType;
use zhicheng_yanlian::rules::photo::*;

fn outcome(checks: &[PhotoCheck], key: &str) -> Option<Outcome> {
    checks.iter().find(|c| c.key == key).map(|c| c.outcome)
}

fn message<'a>(checks: &'a [PhotoCheck], key: &str) -> &'a str {
    &checks.iter().find(|c| c.key == key).expect(key).message
}

#[test]
fn file_size_boundaries_are_exclusive_in_kib() {
    let base = portrait_jpeg(295, 413);
    let cases = [
        (30_720, Outcome::Fail),
        (30_721, Outcome::Pass),
        (1_048_575, Outcome::Pass),
        (1_048_576, Outcome::Fail),
    ];
    for (size, expected) in cases {
        let bytes = pad_to_exact_size(base.clone(), size);
        let checks = check_photo_bytes(&bytes);
        assert_eq!(outcome(&checks, "size"), Some(expected), "{size} bytes");
        assert_eq!(
            outcome(&checks, "type"),
            Some(Outcome::Pass),
            "{size} bytes"
        );
    }
    assert!(
        message(&check_photo_bytes(&pad_to_exact_size(base, 30_720)), "size").contains("30.0 KB")
    );
}

#[test]
fn pixel_boundaries_are_strict() {
    // (width, height, pixels, ratio)
    let cases = [
        (215, 320, Outcome::Fail, Outcome::Pass),
        (216, 320, Outcome::Pass, Outcome::Pass),
        (230, 300, Outcome::Fail, Outcome::Pass),
        (230, 301, Outcome::Pass, Outcome::Pass),
    ];
    for (w, h, pixels, ratio) in cases {
        let bytes = pad_to_exact_size(portrait_jpeg(w, h), 40_000);
        let checks = check_photo_bytes(&bytes);
        assert_eq!(outcome(&checks, "pixels"), Some(pixels), "{w}×{h}");
        assert_eq!(outcome(&checks, "ratio"), Some(ratio), "{w}×{h}");
        assert!(message(&checks, "pixels").contains(&format!("{w} × {h}")));
    }
}

#[test]
fn ratio_boundaries_are_inclusive() {
    // 260/400 = 0.65 exactly, 320/400 = 0.80 exactly.
    let cases = [
        (260, 400, Outcome::Pass, "0.65"),
        (259, 400, Outcome::Fail, "0.65"),
        (320, 400, Outcome::Pass, "0.80"),
        (321, 400, Outcome::Fail, "0.80"),
        (400, 300, Outcome::Fail, "1.33"),
    ];
    for (w, h, expected, shown) in cases {
        let bytes = pad_to_exact_size(portrait_jpeg(w, h), 40_000);
        let checks = check_photo_bytes(&bytes);
        assert_eq!(outcome(&checks, "ratio"), Some(expected), "{w}×{h}");
        assert!(
            message(&checks, "ratio").contains(shown),
            "{w}×{h}: {}",
            message(&checks, "ratio")
        );
    }
}

#[test]
fn the_real_type_decides_not_the_name() {
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (tiny_png(), "PNG"),
        (other_format(b"GIF89a"), "GIF"),
        (other_format(b"RIFF\0\0\0\0WEBPVP8 "), "WebP"),
        (other_format(b"\0\0\0\x18ftypheic"), "HEIC"),
        (other_format(b"BM\0\0\0\0\0\0\0\0\0\0\0\0"), "BMP"),
        (other_format(b"%PDF-1.7\n"), "PDF"),
        (other_format(b"PK\x03\x04"), "Word/Excel"),
        (other_format(b"II*\0"), "TIFF"),
        (other_format(b"hello world"), "未知格式"),
    ];
    for (bytes, name) in cases {
        let checks = check_photo_bytes(&bytes);
        assert_eq!(outcome(&checks, "type"), Some(Outcome::Fail), "{name}");
        let text = message(&checks, "type");
        assert!(text.contains(&format!("文件实际格式为 {name}")), "{text}");
        assert!(text.contains("请另存为 JPG"), "{text}");
        assert!(!all_hard_checks_pass(&checks));
    }
}

#[test]
fn empty_and_truncated_files_say_so() {
    let empty = check_photo_bytes(&[]);
    assert_eq!(empty.len(), 1);
    assert!(message(&empty, "type").contains("文件是空的"));

    let whole = portrait_jpeg(295, 413);
    let cut_in_scan = &whole[..whole.len() * 2 / 3];
    let checks = check_photo_bytes(cut_in_scan);
    assert_eq!(outcome(&checks, "type"), Some(Outcome::Fail));
    assert!(message(&checks, "type").contains("不完整"));
    // Dimensions are still read from the header that survived.
    assert_eq!(outcome(&checks, "pixels"), Some(Outcome::Pass));

    let cut_in_header = &whole[..20];
    let checks = check_photo_bytes(cut_in_header);
    assert!(message(&checks, "type").contains("记录照片尺寸之前就结束了"));
}

#[test]
fn exif_orientation_6_warns_about_sideways_display() {
    let stored = portrait_jpeg(413, 295);
    let bytes = with_exif_orientation(&stored, 6);
    let info = read_jpeg(&bytes).unwrap();
    assert_eq!(info.orientation, 6);
    assert_eq!(info.displayed_size(), (295, 413));
    let checks = check_photo_bytes(&bytes);
    assert_eq!(outcome(&checks, "orientation"), Some(Outcome::Warn));
    assert!(message(&checks, "orientation").contains("413 × 295"));
    assert_eq!(
        outcome(
            &check_photo_bytes(&with_exif_orientation(&stored, 1)),
            "orientation"
        ),
        None
    );
    assert_eq!(
        outcome(
            &check_photo_bytes(&with_exif_orientation(&stored, 3)),
            "orientation"
        ),
        Some(Outcome::Note)
    );
}

#[test]
fn cmyk_greyscale_and_progressive_get_notes_not_failures() {
    let (w, h) = (295u16, 413u16);
    let rgb = portrait_rgb(w, h, [250, 250, 250], 6);
    let cmyk: Vec<u8> = rgb
        .chunks(3)
        .flat_map(|p| [255 - p[0], 255 - p[1], 255 - p[2], 0])
        .collect();
    let grey: Vec<u8> = rgb.chunks(3).map(|p| p[1]).collect();
    let cases = [
        (encode(&cmyk, w, h, ColorType::Cmyk, 90), "color", "CMYK"),
        (encode(&grey, w, h, ColorType::Luma, 90), "color", "黑白"),
        (
            encode_with(&rgb, w, h, ColorType::Rgb, 90, true),
            "progressive",
            "渐进式",
        ),
    ];
    for (bytes, key, words) in cases {
        let checks = check_photo_bytes(&pad_to_exact_size(bytes, 40_000));
        assert_eq!(outcome(&checks, key), Some(Outcome::Note), "{words}");
        assert!(message(&checks, key).contains(words));
        assert!(all_hard_checks_pass(&checks), "{words}: {checks:?}");
    }
}

fn decode_rgba(jpeg: &[u8]) -> (Vec<u8>, u32, u32) {
    let mut decoder = jpeg_decoder::Decoder::new(jpeg);
    let pixels = decoder.decode().unwrap();
    let info = decoder.info().unwrap();
    let rgba = pixels
        .chunks(3)
        .flat_map(|p| [p[0], p[1], p[2], 255])
        .collect();
    (rgba, info.width as u32, info.height as u32)
}

#[test]
fn grey_background_is_a_warning_with_measurements() {
    let (w, h) = (120u16, 160u16);
    let white = encode(
        &portrait_rgb(w, h, [248, 248, 248], 4),
        w,
        h,
        ColorType::Rgb,
        90,
    );
    let grey = encode(
        &portrait_rgb(w, h, [150, 150, 155], 4),
        w,
        h,
        ColorType::Rgb,
        90,
    );
    let blue = encode(
        &portrait_rgb(w, h, [60, 120, 220], 4),
        w,
        h,
        ColorType::Rgb,
        90,
    );
    let (rgba, dw, dh) = decode_rgba(&white);
    let verdict = background_check(&rgba, dw, dh);
    assert_eq!(verdict.outcome, Outcome::Pass, "{}", verdict.message);
    for (jpeg, label, words) in [(grey, "grey", "灰色"), (blue, "blue", "偏蓝色")] {
        let (rgba, dw, dh) = decode_rgba(&jpeg);
        let verdict = background_check(&rgba, dw, dh);
        assert_eq!(verdict.outcome, Outcome::Warn, "{label}");
        assert!(
            verdict.message.contains("% 接近白色"),
            "{}",
            verdict.message
        );
        // The colour in words, never as numbers (issue 16).
        assert!(verdict.message.contains(words), "{}", verdict.message);
        assert!(!verdict.message.contains("RGB"), "{}", verdict.message);
    }
    for (rgb, words) in [
        ([250, 250, 250], "白色"),
        ([200, 200, 205], "浅灰色"),
        ([128, 128, 128], "灰色"),
        ([20, 20, 30], "深色"),
        ([60, 120, 220], "偏蓝色"),
        ([200, 60, 50], "偏红色"),
        ([60, 180, 70], "偏绿色"),
        ([230, 220, 150], "偏黄色"),
    ] {
        assert_eq!(colour_words(rgb[0], rgb[1], rgb[2]), words, "{rgb:?}");
    }
    assert_eq!(background_check(&[], 0, 0).outcome, Outcome::Note);
}

#[test]
fn crop_plans_scale_down_never_up() {
    // A 3000 × 4000 photo: full height is too tall for the ratio, so width limits.
    let plan = plan_crop(3000, 4000, IdPhotoSize::OneInch, 0.0, 0.0).unwrap();
    assert_eq!((plan.output_width, plan.output_height), (295, 413));
    assert_eq!(plan.source_width, 2857);
    assert_eq!(plan.source_height, 4000);
    // (3000 - 2857) / 2 = 71.5, rounded to the nearer pixel.
    assert_eq!(plan.source_x, 72);
    // A landscape photo is cut from the middle, or the left edge when shifted fully left.
    let plan = plan_crop(4000, 3000, IdPhotoSize::TwoInch, -1.0, 0.0).unwrap();
    assert_eq!((plan.source_x, plan.source_y), (0, 0));
    assert_eq!((plan.output_width, plan.output_height), (413, 579));
    let right = plan_crop(4000, 3000, IdPhotoSize::TwoInch, 1.0, 0.0).unwrap();
    assert_eq!(right.source_x + right.source_width, 4000);
    // Between 215 × 300 and the target: kept at its own size.
    let plan = plan_crop(250, 350, IdPhotoSize::OneInch, 0.0, 0.0).unwrap();
    assert_eq!(
        (plan.output_width, plan.output_height),
        (plan.source_width, plan.source_height)
    );
    assert!(plan.output_width > 215 && plan.output_height > 300);
    // Too small: refused with the measured sizes.
    let refused = plan_crop(200, 280, IdPhotoSize::OneInch, 0.0, 0.0).unwrap_err();
    assert!(refused.contains("200 × 280"), "{refused}");
    // Every plan's output passes the ratio rule.
    for (w, h) in [
        (3000, 4000),
        (4000, 3000),
        (216, 301),
        (1000, 1000),
        (300, 2000),
    ] {
        for size in [IdPhotoSize::OneInch, IdPhotoSize::TwoInch] {
            if let Ok(plan) = plan_crop(w, h, size, 0.3, -0.7) {
                let (ow, oh) = (plan.output_width as u64, plan.output_height as u64);
                assert!(
                    100 * ow >= 65 * oh && 5 * ow <= 4 * oh,
                    "{w}×{h} → {ow}×{oh}"
                );
                assert!(ow > 215 && oh > 300);
                assert!(plan.source_x + plan.source_width <= w);
                assert!(plan.source_y + plan.source_height <= h);
            }
        }
    }
}

#[test]
fn quality_search_and_padding_land_inside_the_size_window() {
    assert_eq!(next_quality(20_000, 90), Some(94));
    assert_eq!(next_quality(20_000, 100), None);
    assert_eq!(next_quality(30_720, 98), Some(100));
    assert_eq!(next_quality(1_048_576, 90), Some(80));
    assert_eq!(next_quality(2_000_000, 30), None);
    assert_eq!(next_quality(200_000, 90), None);
    let small = portrait_jpeg(295, 413);
    assert!(small.len() < 30_720, "fixture is {} bytes", small.len());
    let padded = pad_jpeg_over_minimum(small.clone());
    assert!(padded.len() > 30_720 && padded.len() < 32_000);
    assert!(all_hard_checks_pass(&check_photo_bytes(&padded)));
    assert_eq!(read_jpeg(&padded).unwrap(), read_jpeg(&small).unwrap());
    // The pixels are untouched.
    assert_eq!(decode_rgba(&padded).0, decode_rgba(&small).0);
}

#[test]
fn a_twenty_megabyte_file_is_refused_on_its_size_alone() {
    let verdict = size_check(20 * 1024 * 1024);
    assert_eq!(verdict.outcome, Outcome::Fail);
    assert!(verdict.message.contains("20.0 MB"), "{}", verdict.message);
    // It is never read, so the generator cannot shrink it: the advice must not point there.
    assert!(
        !verdict.message.contains("生成合规照片"),
        "{}",
        verdict.message
    );
    assert!(
        verdict.message.contains("先用手机或电脑把照片缩小"),
        "{}",
        verdict.message
    );
    let two_mb = size_check(2 * 1024 * 1024);
    assert!(
        two_mb.message.contains("生成合规照片"),
        "{}",
        two_mb.message
    );
}

#[test]
fn a_phone_portrait_stored_sideways_is_explained_not_contradicted() {
    // A portrait that looks upright (EXIF 6) but is stored 4:3 wide: the ratio fails on the stored
    // pixels, and the message says why and what fixes it instead of only 「太宽」.
    let bytes = with_exif_orientation(&portrait_jpeg(400, 300), 6);
    let checks = check_photo_bytes(&bytes);
    assert_eq!(outcome(&checks, "ratio"), Some(Outcome::Fail));
    let ratio = message(&checks, "ratio");
    assert!(ratio.contains("手机把这张照片横着存了"), "{ratio}");
    assert!(ratio.contains("生成合规照片"), "{ratio}");
    // The same pixels without the mark get the plain message.
    let unmarked = check_photo_bytes(&portrait_jpeg(400, 300));
    let plain = message(&unmarked, "ratio");
    assert!(plain.contains("照片太宽。请裁剪左右"), "{plain}");
}

#[test]
fn the_generator_zooms_into_the_middle_and_refuses_a_zoom_that_leaves_too_few_pixels() {
    // (picture, zoom %, crop size, or the refusal's words)
    let whole = plan_crop(3000, 4000, IdPhotoSize::OneInch, 0.0, 0.0).unwrap();
    assert_eq!(
        plan_crop_zoomed(3000, 4000, IdPhotoSize::OneInch, 100, 0.0, 0.0).unwrap(),
        whole,
        "100 % is the plain crop"
    );
    let twice = plan_crop_zoomed(3000, 4000, IdPhotoSize::OneInch, 200, 0.0, 0.0).unwrap();
    assert_eq!((twice.source_width, twice.source_height), (1428, 2000));
    assert_eq!((twice.source_x, twice.source_y), (786, 1000), "centred");
    assert_eq!((twice.output_width, twice.output_height), (295, 413));
    // Out of range is clamped: 50 % is 100 %, 900 % is the most offered.
    assert_eq!(
        plan_crop_zoomed(3000, 4000, IdPhotoSize::OneInch, 50, 0.0, 0.0).unwrap(),
        whole
    );
    let most = plan_crop_zoomed(3000, 4000, IdPhotoSize::OneInch, 900, 0.0, 0.0).unwrap();
    assert_eq!(most.source_width, 2857 * 100 / MAX_ZOOM_PERCENT);
    // A small picture cannot be zoomed far: the refusal names how far it can.
    let refused = plan_crop_zoomed(400, 560, IdPhotoSize::OneInch, 200, 0.0, 0.0).unwrap_err();
    assert!(refused.contains("放大到 200%"), "{refused}");
    assert!(refused.contains("最多放大到 180%"), "{refused}");
    assert!(plan_crop_zoomed(400, 560, IdPhotoSize::OneInch, 180, 0.0, 0.0).is_ok());
    // Every zoomed plan stays inside the picture and passes the ratio and pixel rules.
    for zoom in (100..=MAX_ZOOM_PERCENT).step_by(10) {
        for (sx, sy) in [(-1.0, -1.0), (0.0, 0.0), (1.0, 1.0), (0.3, -0.7)] {
            let p = plan_crop_zoomed(4032, 3024, IdPhotoSize::TwoInch, zoom, sx, sy).unwrap();
            let (ow, oh) = (p.output_width as u64, p.output_height as u64);
            assert!(
                100 * ow >= 65 * oh && 5 * ow <= 4 * oh,
                "{zoom} → {ow}×{oh}"
            );
            assert!(ow > 215 && oh > 300);
            assert!(p.source_x + p.source_width <= 4032 && p.source_y + p.source_height <= 3024);
        }
    }
}
