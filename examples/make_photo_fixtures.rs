//! Writes the photo fixtures of the browser tests into a folder:
//! `cargo run --example make_photo_fixtures -- <folder>`.

#[path = "../tests/support/photo_fixtures.rs"]
mod photo_fixtures;

use photo_fixtures::*;
use std::path::PathBuf;

fn main() {
    let folder = PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: make_photo_fixtures <folder>"),
    );
    std::fs::create_dir_all(&folder).expect("fixture folder");
    let write = |name: &str, bytes: Vec<u8>| {
        std::fs::write(folder.join(name), &bytes).expect("fixture written");
        println!("{name}: {} bytes", bytes.len());
    };
    // Passes every hard rule: 330 × 450 (ratio 0.73), padded to 60 000 bytes.
    write(
        "passing.jpg",
        pad_to_exact_size(portrait_jpeg(330, 450), 60_000),
    );
    // Too small in pixels: 200 × 280.
    write(
        "too-small.jpg",
        pad_to_exact_size(portrait_jpeg(200, 280), 40_000),
    );
    // A PNG renamed .jpg.
    let mut png = tiny_png();
    png.resize(40_000, 0);
    write("renamed-png.jpg", png);
    // A 5 MB camera-sized photo: 2400 × 3200, padded to exactly 5 MiB.
    write(
        "five-mb.jpg",
        pad_to_exact_size(plain_portrait_jpeg(2400, 3200), 5 * 1024 * 1024),
    );
    // 4000 × 3000 landscape, 1 MB: the speed case, and an oversized source for 生成合规照片.
    write(
        "landscape-4000x3000-1mb.jpg",
        pad_to_exact_size(plain_portrait_jpeg(4000, 3000), 1024 * 1024),
    );
    // 20 MB: refused on its size alone.
    write(
        "twenty-mb.jpg",
        pad_to_exact_size(portrait_jpeg(600, 800), 20 * 1024 * 1024),
    );
}
