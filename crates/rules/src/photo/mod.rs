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

pub(super) const RULE: &str = "申报平台上传证件照要求";

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

pub(super) fn check(
    key: &'static str,
    title: &'static str,
    outcome: Outcome,
    message: String,
) -> PhotoCheck {
    PhotoCheck {
        key,
        title,
        outcome,
        message,
        rule: RULE,
    }
}

mod background;
mod checks;
mod generate;
mod jpeg;
mod sniff;

pub use background::*;
pub use checks::*;
pub use generate::*;
pub use jpeg::*;
pub use sniff::*;
