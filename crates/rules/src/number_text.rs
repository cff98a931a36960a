//! Decimal numbers as text without Rust's float formatting, whose code (Grisu/Dragon) would add
//! tens of kilobytes to the wasm bundle for a handful of "58.6 KB" and "0.73" strings.

/// `numerator / denominator` rounded half up to `places` decimals: (60000, 1024, 1) → "58.6".
pub fn decimal(numerator: u64, denominator: u64, places: u32) -> String {
    if denominator == 0 {
        return "—".to_string();
    }
    let scale = 10u64.pow(places);
    let scaled =
        (numerator as u128 * scale as u128 * 2 + denominator as u128) / (denominator as u128 * 2);
    let (whole, fraction) = (scaled / scale as u128, scaled % scale as u128);
    if places == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{fraction:0width$}", width = places as usize)
    }
}

/// An f64 that is a whole number of halves or tenths (scores, hours), as "4", "0.5", "12.5".
/// Values are rounded to one decimal place; a trailing ".0" is dropped.
pub fn short(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let tenths = tenths.unsigned_abs();
    if tenths.is_multiple_of(10) {
        format!("{sign}{}", tenths / 10)
    } else {
        format!("{sign}{}.{}", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_round_half_up() {
        let cases = [
            ((60_000, 1024, 1), "58.6"),
            ((30_720, 1024, 1), "30.0"),
            ((5 * 1024 * 1024, 1024 * 1024, 1), "5.0"),
            ((330, 450, 2), "0.73"),
            ((260, 400, 2), "0.65"),
            ((321, 400, 2), "0.80"),
            ((4000, 3000, 2), "1.33"),
            ((1, 8, 2), "0.13"),
            ((7, 2, 0), "4"),
            ((1, 0, 2), "—"),
        ];
        for ((n, d, p), expected) in cases {
            assert_eq!(decimal(n, d, p), expected, "{n}/{d} to {p}");
        }
    }

    #[test]
    fn short_numbers_drop_a_trailing_zero() {
        let cases = [
            (4.0, "4"),
            (0.5, "0.5"),
            (12.5, "12.5"),
            (2.25, "2.3"),
            (-1.5, "-1.5"),
            (0.0, "0"),
        ];
        for (value, expected) in cases {
            assert_eq!(short(value), expected, "{value}");
        }
    }
}
