//! Photo fixtures made by Rust itself (jpeg-encoder), shared by the native photo tests and by
//! `examples/make_photo_fixtures.rs`, which writes them to disk for the browser tests.
#![allow(dead_code)]

use jpeg_encoder::{ColorType, Encoder};

/// A head-and-shoulders picture: a light background (`background` RGB), a darker oval "head" and
/// "shoulders", plus a little deterministic noise so the encoder has something to keep.
pub fn portrait_rgb(width: u16, height: u16, background: [u8; 3], noise: u8) -> Vec<u8> {
    let (w, h) = (width as i64, height as i64);
    let mut seed: u32 = 0x1234_5678;
    let mut pixels = Vec::with_capacity((w * h * 3) as usize);
    for y in 0..h {
        for x in 0..w {
            let (cx, cy) = (w / 2, h * 2 / 5);
            let (rx, ry) = ((w / 5).max(1), (h / 6).max(1));
            let in_head =
                (x - cx).pow(2) * ry * ry + (y - cy).pow(2) * rx * rx <= rx * rx * ry * ry;
            let in_body = y > h * 3 / 5 && (x - cx).abs() < w / 3 + (y - h * 3 / 5) / 2;
            let mut colour = if in_head {
                [200, 160, 130]
            } else if in_body {
                [40, 50, 80]
            } else {
                background
            };
            if noise > 0 {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                let delta = (seed % (noise as u32 * 2 + 1)) as i16 - noise as i16;
                for c in colour.iter_mut() {
                    *c = (*c as i16 + delta).clamp(0, 255) as u8;
                }
            }
            pixels.extend_from_slice(&colour);
        }
    }
    pixels
}

pub fn encode(pixels: &[u8], width: u16, height: u16, colour: ColorType, quality: u8) -> Vec<u8> {
    encode_with(pixels, width, height, colour, quality, false)
}

pub fn encode_with(
    pixels: &[u8],
    width: u16,
    height: u16,
    colour: ColorType,
    quality: u8,
    progressive: bool,
) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = Encoder::new(&mut out, quality);
    encoder.set_progressive(progressive);
    encoder
        .encode(pixels, width, height, colour)
        .expect("fixture encodes");
    out
}

/// A white-background portrait JPEG of the given size.
pub fn portrait_jpeg(width: u16, height: u16) -> Vec<u8> {
    encode(
        &portrait_rgb(width, height, [250, 250, 250], 6),
        width,
        height,
        ColorType::Rgb,
        90,
    )
}

/// A noiseless white-background portrait: small files even at large pixel sizes.
pub fn plain_portrait_jpeg(width: u16, height: u16) -> Vec<u8> {
    encode(
        &portrait_rgb(width, height, [250, 250, 250], 0),
        width,
        height,
        ColorType::Rgb,
        80,
    )
}

/// Inserts JPEG comment segments right after SOI until the file is exactly `size` bytes.
/// Panics if the file is already larger, or if the gap is 1–3 bytes (a segment needs 4).
pub fn pad_to_exact_size(jpeg: Vec<u8>, size: usize) -> Vec<u8> {
    assert!(
        jpeg.len() <= size,
        "fixture already {} > {size}",
        jpeg.len()
    );
    let mut missing = size - jpeg.len();
    assert!(
        missing == 0 || missing >= 4,
        "gap of {missing} bytes cannot be padded"
    );
    let mut out = Vec::with_capacity(size);
    out.extend_from_slice(&jpeg[..2]);
    while missing > 0 {
        let mut body = missing - 4;
        if body > 65_000 {
            // Leave at least 4 bytes for the next segment.
            body = if missing - 4 - 65_000 >= 4 {
                65_000
            } else {
                60_000
            };
        }
        out.extend_from_slice(&[0xFF, 0xFE]);
        out.extend_from_slice(&((body + 2) as u16).to_be_bytes());
        out.extend(std::iter::repeat_n(b'#', body));
        missing -= body + 4;
    }
    out.extend_from_slice(&jpeg[2..]);
    assert_eq!(out.len(), size);
    out
}

/// Adds an EXIF APP1 segment with the given orientation right after SOI.
pub fn with_exif_orientation(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"MM\0*");
    tiff.extend_from_slice(&8u32.to_be_bytes());
    tiff.extend_from_slice(&1u16.to_be_bytes());
    tiff.extend_from_slice(&0x0112u16.to_be_bytes());
    tiff.extend_from_slice(&3u16.to_be_bytes());
    tiff.extend_from_slice(&1u32.to_be_bytes());
    tiff.extend_from_slice(&orientation.to_be_bytes());
    tiff.extend_from_slice(&[0, 0]);
    tiff.extend_from_slice(&0u32.to_be_bytes());
    let mut body = b"Exif\0\0".to_vec();
    body.extend_from_slice(&tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&body);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// A valid 1 × 1 PNG.
pub fn tiny_png() -> Vec<u8> {
    vec![
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F,
        0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00,
        0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49,
        0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]
}

/// The first bytes of other formats people rename to .jpg, padded to a plausible length.
pub fn other_format(magic: &[u8]) -> Vec<u8> {
    let mut bytes = magic.to_vec();
    bytes.resize(40_000, 0);
    bytes
}
