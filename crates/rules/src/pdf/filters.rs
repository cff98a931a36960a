//! Stream filters: FlateDecode with a budget, PNG/TIFF predictors, ASCIIHex.

use super::*;

/// Inflates a FlateDecode stream, charging the output to `budget`; `None` when it would exceed
/// the budget or nothing can be decoded. A damaged or cut stream gives what came out before the
/// damage, and a stream without its zlib header is read as raw deflate, as readers do.
pub(super) fn inflate(data: &[u8], budget: &mut usize) -> Option<Vec<u8>> {
    let output = match inflate_with(data, true, *budget) {
        Inflated::Done(output) => output,
        Inflated::Partial(output) if !output.is_empty() => output,
        Inflated::TooLarge => return None,
        Inflated::Partial(_) => match inflate_with(data, false, *budget) {
            Inflated::Done(output) | Inflated::Partial(output) if !output.is_empty() => output,
            _ => return None,
        },
    };
    *budget = budget.saturating_sub(output.len());
    Some(output)
}

pub(super) enum Inflated {
    Done(Vec<u8>),
    /// The stream failed or ended early: the bytes decoded before that.
    Partial(Vec<u8>),
    TooLarge,
}

/// miniz_oxide's low-level decompressor into a growing buffer capped at `limit` (its
/// `decompress_to_vec*` helpers return the whole zero-filled buffer on errors, not the part
/// that was decoded).
pub(super) fn inflate_with(data: &[u8], zlib: bool, limit: usize) -> Inflated {
    use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    let mut flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    if zlib {
        flags |=
            inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER | inflate_flags::TINFL_FLAG_IGNORE_ADLER32;
    }
    let mut decompressor = Box::new(DecompressorOxide::new());
    let mut out = vec![0u8; data.len().saturating_mul(4).clamp(1, limit.max(1))];
    let mut input = data;
    let mut written = 0;
    loop {
        let (status, consumed, produced) =
            decompress(&mut decompressor, input, &mut out, written, flags);
        written += produced;
        input = input.get(consumed..).unwrap_or_default();
        match status {
            TINFLStatus::Done => {
                out.truncate(written);
                return Inflated::Done(out);
            }
            TINFLStatus::HasMoreOutput => {
                if out.len() >= limit {
                    return Inflated::TooLarge;
                }
                let grown = out.len().saturating_mul(2).min(limit);
                out.resize(grown, 0);
            }
            _ => {
                out.truncate(written);
                return Inflated::Partial(out);
            }
        }
    }
}

/// Undoes a /Predictor (2 = TIFF, 10–15 = PNG).
pub(super) fn unpredict(data: Vec<u8>, parms: Option<&Dict>) -> Option<Vec<u8>> {
    let Some(parms) = parms else {
        return Some(data);
    };
    let predictor = get_int(parms, b"Predictor").unwrap_or(1);
    if predictor <= 1 {
        return Some(data);
    }
    let colors = get_int(parms, b"Colors").unwrap_or(1);
    let bits = get_int(parms, b"BitsPerComponent").unwrap_or(8);
    let columns = get_int(parms, b"Columns").unwrap_or(1);
    if !(1..=32).contains(&colors)
        || ![1, 2, 4, 8, 16].contains(&bits)
        || !(1..=1 << 24).contains(&columns)
    {
        return None;
    }
    let pixel_bits = (colors * bits) as usize;
    let bpp = pixel_bits.div_ceil(8);
    let row_len = (pixel_bits * columns as usize).div_ceil(8);
    if row_len >= data.len() {
        // Not one whole row (and no row buffer of an absurd size).
        return Some(Vec::new());
    }
    if predictor == 2 {
        if bits != 8 {
            return None;
        }
        let mut data = data;
        for row in data.chunks_mut(row_len) {
            for i in bpp..row.len() {
                row[i] = row[i].wrapping_add(row[i - bpp]);
            }
        }
        return Some(data);
    }
    if !(10..=15).contains(&predictor) {
        return None;
    }
    let mut out = Vec::with_capacity(data.len());
    let mut previous = vec![0u8; row_len];
    for chunk in data.chunks(row_len + 1) {
        let (&filter, row) = chunk.split_first()?;
        if row.len() < row_len {
            break;
        }
        let mut current = row.to_vec();
        for i in 0..row_len {
            let left = if i >= bpp { current[i - bpp] } else { 0 };
            let up = previous[i];
            let up_left = if i >= bpp { previous[i - bpp] } else { 0 };
            let add = match filter {
                0 => 0,
                1 => left,
                2 => up,
                3 => ((u16::from(left) + u16::from(up)) / 2) as u8,
                4 => paeth(left, up, up_left),
                _ => return None,
            };
            current[i] = current[i].wrapping_add(add);
        }
        out.extend_from_slice(&current);
        previous = current;
    }
    Some(out)
}

pub(super) fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

pub(super) fn hex_decode(data: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = data
        .iter()
        .take_while(|&&b| b != b'>')
        .filter_map(|&b| (b as char).to_digit(16).map(|d| d as u8))
        .collect();
    digits
        .chunks(2)
        .map(|pair| pair[0] * 16 + pair.get(1).copied().unwrap_or(0))
        .collect()
}
