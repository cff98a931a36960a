//! What every check returns: a status (met / not met / missing information), the rule it cites,
//! and Chinese messages; plus the shared wording helpers ("还差 1 年 3 个月", "12.5 分").

use super::date::{describe_months, CivilDate};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Status {
    Met,
    NotMet,
    /// Cannot be decided until the applicant gives more information.
    Missing,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Met => "符合",
            Status::NotMet => "不符合",
            Status::Missing => "信息不全",
        }
    }

    /// For CSS classes and test hooks: "met", "not-met", "missing".
    pub fn key(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "not-met",
            Status::Missing => "missing",
        }
    }

    /// Combines the statuses of conditions that must all hold: any not met → not met; else any
    /// missing → missing; else met.
    pub fn all(statuses: impl IntoIterator<Item = Status>) -> Status {
        let mut result = Status::Met;
        for status in statuses {
            match status {
                Status::NotMet => return Status::NotMet,
                Status::Missing => result = Status::Missing,
                Status::Met => {}
            }
        }
        result
    }
}

/// One verdict: the rule (e.g. 「第九条（一）」), what it asks, the status and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Verdict {
    /// Stable id for the UI and tests, e.g. `"9.1.a"`, `"general.evaluation"`.
    pub id: String,
    /// The article and item cited, e.g. 「第九条（一）」.
    pub cite: String,
    /// What the rule asks, in one line.
    pub title: String,
    pub status: Status,
    /// What is met, what is wrong and how to fix it; each message names the rule.
    pub messages: Vec<String>,
    /// When not met by time: 「还差 1 年 3 个月」.
    pub shortfall: Option<String>,
}

/// Days since 1970-01-01 (proleptic Gregorian), for day-exact differences.
pub fn day_number(date: CivilDate) -> i64 {
    let y = date.year as i64 - if date.month <= 2 { 1 } else { 0 };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = date.month as i64;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + date.day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The time from `from` to `to` as 「1 年 3 个月」, 「2 个月 1 天」 or 「1 天」 (whole months
/// first, then the remaining days).
pub fn describe_gap(from: CivilDate, to: CivilDate) -> String {
    if to <= from {
        return "0 天".to_string();
    }
    let months = from.whole_months_until(to).max(0);
    let days = day_number(to) - day_number(from.add_months(months));
    match (months, days) {
        (0, d) => format!("{d} 天"),
        (m, 0) => describe_months(m),
        (m, d) => format!("{} {d} 天", describe_months(m)),
    }
}

/// `12`, `12.5`, `0.5`, `59.25` — points and hours (rounded to hundredths) without a trailing
/// zero, by integer arithmetic so that float formatting stays out of the wasm bundle.
pub fn num(value: f64) -> String {
    if !value.is_finite() {
        return "0".to_string();
    }
    let hundredths = (value * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let h = hundredths.unsigned_abs();
    let (whole, fraction) = (h / 100, h % 100);
    match fraction {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}

/// Whether `years` full years (周年) counted from `start` are reached by `cutoff`; when not,
/// the day they are reached and the gap 「还差 …」.
pub struct YearsCheck {
    pub have: i32,
    pub reached: bool,
    pub reached_on: CivilDate,
    pub shortfall: Option<String>,
}

pub fn years_check(start: CivilDate, years: u32, cutoff: CivilDate) -> YearsCheck {
    let reached_on = start.add_years(years as i32);
    let have = if start <= cutoff {
        start.full_years_until(cutoff)
    } else {
        0
    };
    let reached = reached_on <= cutoff;
    YearsCheck {
        have,
        reached,
        reached_on,
        shortfall: (!reached).then(|| format!("还差 {}", describe_gap(cutoff, reached_on))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> CivilDate {
        CivilDate::parse(text).unwrap()
    }

    #[test]
    fn day_numbers_and_gaps() {
        assert_eq!(day_number(d("1970-01-01")), 0);
        assert_eq!(day_number(d("2000-03-01")) - day_number(d("2000-02-28")), 2);
        assert_eq!(
            day_number(d("2022-12-31")) - day_number(d("2022-01-01")),
            364
        );
        let cases = [
            ("2022-12-31", "2023-01-01", "1 天"),
            ("2022-12-31", "2024-03-31", "1 年 3 个月"),
            ("2022-12-31", "2023-03-01", "2 个月 1 天"),
            ("2022-12-31", "2022-12-31", "0 天"),
            ("2024-02-28", "2024-02-29", "1 天"),
        ];
        for (from, to, text) in cases {
            assert_eq!(describe_gap(d(from), d(to)), text, "{from} → {to}");
        }
    }

    #[test]
    fn years_are_full_years_counted_to_the_cutoff() {
        let cutoff = d("2022-12-31");
        let met = years_check(d("2018-12-31"), 4, cutoff);
        assert!(met.reached);
        assert_eq!(met.have, 4);
        let short = years_check(d("2019-01-01"), 4, cutoff);
        assert!(!short.reached);
        assert_eq!(short.shortfall.as_deref(), Some("还差 1 天"));
        let leap = years_check(d("2020-02-29"), 2, d("2022-02-28"));
        assert!(leap.reached, "29 February's anniversary is 28 February");
        let leap_short = years_check(d("2020-02-29"), 2, d("2022-02-27"));
        assert_eq!(leap_short.shortfall.as_deref(), Some("还差 1 天"));
    }

    #[test]
    fn numbers_print_without_trailing_zeros() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(0.5), "0.5");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(-3.0), "-3");
        assert_eq!(num(59.25), "59.25");
        assert_eq!(num(0.05), "0.05");
        assert_eq!(num(1e300), "92233720368547758.07");
    }
}
