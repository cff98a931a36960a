//! The JPEG structure: frame size and components, progressive coding, EXIF orientation, the end marker.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JpegInfo {
    pub width: u32,
    pub height: u32,
    /// 1 = greyscale, 3 = YCbCr/RGB, 4 = CMYK/YCCK.
    pub components: u8,
    pub progressive: bool,
    /// The frame marker (0xC0 baseline, 0xC1 extended, 0xC2 progressive, others: lossless,
    /// hierarchical or arithmetic, which PDF readers do not decode, ISO 32000-1 7.4.8).
    pub sof: u8,
    /// Bits per sample (8, or 12 for some scanners).
    pub precision: u8,
    /// An end-of-image marker follows the first scan, even if more bytes follow it (the video
    /// that motion photos append): the picture itself is whole.
    pub picture_ends: bool,
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
    let mut frame: Option<(u32, u32, u8, u8, u8)> = None;
    let mut scan_at = None;
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
                frame = Some((width, height, body[5], marker, body[0]));
            }
            0xE1 if body.starts_with(b"Exif\0\0") => {
                if let Some(value) = exif_orientation(&body[6..]) {
                    orientation = value;
                }
            }
            0xDA => {
                scan_at = Some(at);
                break;
            }
            _ => {}
        }
        at += 2 + length;
    }
    let (width, height, components, sof, precision) = frame.ok_or(JpegError::CutBeforeFrame)?;
    if width == 0 || height == 0 {
        return Err(JpegError::Malformed);
    }
    Ok(JpegInfo {
        width,
        height,
        components,
        progressive: matches!(sof, 0xC2 | 0xC6 | 0xCA | 0xCE),
        sof,
        precision,
        // In the entropy-coded data a 0xFF is always followed by 0x00 or a restart marker.
        picture_ends: scan_at.is_some_and(|at| bytes[at..].windows(2).any(|w| w == [0xFF, 0xD9])),
        orientation,
        complete: ends_with_eoi(bytes),
    })
}

/// Encoders may leave a few padding bytes after EOI; look at the last 32.
pub(super) fn ends_with_eoi(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(32)..];
    tail.windows(2).any(|w| w == [0xFF, 0xD9])
}

/// Tag 0x0112 of IFD0 in a TIFF structure (the EXIF payload after "Exif\0\0").
pub(super) fn exif_orientation(tiff: &[u8]) -> Option<u16> {
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
