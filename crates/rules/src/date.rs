//! Calendar dates as the rules count them: civil dates, full years (周年) and "还差 x 年 y 个月".

use serde::{Deserialize, Serialize};
use std::fmt;

/// A proleptic Gregorian calendar date; no time of day and no time zone, because every rule in the
/// guide is stated in whole days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CivilDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    Empty,
    Malformed,
    NoSuchDay { year: i32, month: u32, day: u32 },
}

impl DateError {
    pub fn message(&self) -> String {
        match self {
            DateError::Empty => "未填写日期".to_string(),
            DateError::Malformed => {
                "日期格式不对，请写成 2015-07-01、2015/7/1 或 2015年7月1日".to_string()
            }
            DateError::NoSuchDay { year, month, day } => {
                format!("{year} 年 {month} 月没有 {day} 日，请检查日期")
            }
        }
    }
}

/// Full-width digits and separators (１２－０７) as ASCII; everything else unchanged.
pub fn normalize_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '－' => '-',
            '／' => '/',
            '．' => '.',
            '　' => ' ',
            other => other,
        })
        .collect()
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl CivilDate {
    pub fn new(year: i32, month: u32, day: u32) -> Result<Self, DateError> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(DateError::NoSuchDay { year, month, day });
        }
        Ok(CivilDate { year, month, day })
    }

    /// Parses the three forms applicants use: `2022-07-31` (what the portal shows),
    /// `2022/7/31` and `2022年7月31日`, with ASCII or full-width digits (１２) and separators.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let text = normalize_digits(text.trim());
        if text.is_empty() {
            return Err(DateError::Empty);
        }
        let text = text.strip_suffix('日').unwrap_or(&text);
        let mut parts = text.split(['-', '/', '.', '年', '月']);
        let mut next_number = || -> Result<i64, DateError> {
            let part = parts.next().ok_or(DateError::Malformed)?.trim();
            if part.is_empty() || part.len() > 5 || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(DateError::Malformed);
            }
            part.parse::<i64>().map_err(|_| DateError::Malformed)
        };
        let year = next_number()?;
        let month = next_number()?;
        let day = next_number()?;
        if parts.next().is_some() || !(1000..=9999).contains(&year) || month > 99 || day > 99 {
            return Err(DateError::Malformed);
        }
        CivilDate::new(year as i32, month as u32, day as u32)
    }

    /// Full years (周年) from `self` to `later`: the number of anniversaries reached by `later`.
    /// An anniversary of 29 February falls on 28 February in common years.
    pub fn full_years_until(&self, later: CivilDate) -> i32 {
        self.years_months_until(later).0
    }

    /// Whole years and months from `self` to `later` (negative durations give (0, 0)).
    pub fn years_months_until(&self, later: CivilDate) -> (i32, u32) {
        let total = self.whole_months_until(later);
        if total <= 0 {
            return (0, 0);
        }
        (total / 12, (total % 12) as u32)
    }

    /// Whole calendar months from `self` to `later`; a month counts once its day is reached
    /// (clamped to the month's last day).
    pub fn whole_months_until(&self, later: CivilDate) -> i32 {
        let mut months = (later.year - self.year) * 12 + later.month as i32 - self.month as i32;
        let anniversary_day = self.day.min(days_in_month(later.year, later.month));
        if later.day < anniversary_day {
            months -= 1;
        }
        months
    }

    /// The same day `years` later, clamped to the month's end (29 Feb → 28 Feb).
    pub fn add_years(&self, years: i32) -> CivilDate {
        self.add_months(years * 12)
    }

    /// The same day `months` later, clamped to the month's end.
    pub fn add_months(&self, months: i32) -> CivilDate {
        let index = self.year * 12 + self.month as i32 - 1 + months;
        let year = index.div_euclid(12);
        let month = index.rem_euclid(12) as u32 + 1;
        CivilDate {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    pub fn chinese(&self) -> String {
        format!("{} 年 {} 月 {} 日", self.year, self.month, self.day)
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// "1 年 3 个月", "8 个月", "2 年" — for the "还差 …" messages.
pub fn describe_months(months: i32) -> String {
    let months = months.max(0);
    match (months / 12, months % 12) {
        (0, m) => format!("{m} 个月"),
        (y, 0) => format!("{y} 年"),
        (y, m) => format!("{y} 年 {m} 个月"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> CivilDate {
        CivilDate::parse(text).unwrap()
    }

    #[test]
    fn parses_what_people_type() {
        let ok = |year, month, day| Ok(CivilDate { year, month, day });
        let cases = [
            ("2022-12-31", ok(2022, 12, 31)),
            (" 2022/7/1 ", ok(2022, 7, 1)),
            ("2020-02-29", ok(2020, 2, 29)),
            ("2000-02-29", ok(2000, 2, 29)),
            (
                "2021-02-29",
                Err(DateError::NoSuchDay {
                    year: 2021,
                    month: 2,
                    day: 29,
                }),
            ),
            (
                "1900-02-29",
                Err(DateError::NoSuchDay {
                    year: 1900,
                    month: 2,
                    day: 29,
                }),
            ),
            (
                "2022-13-01",
                Err(DateError::NoSuchDay {
                    year: 2022,
                    month: 13,
                    day: 1,
                }),
            ),
            (
                "2022-04-31",
                Err(DateError::NoSuchDay {
                    year: 2022,
                    month: 4,
                    day: 31,
                }),
            ),
            ("", Err(DateError::Empty)),
            ("二〇二二年", Err(DateError::Malformed)),
            ("2022-1a-01", Err(DateError::Malformed)),
            ("2022-01", Err(DateError::Malformed)),
            ("2022-01-01-01", Err(DateError::Malformed)),
            ("99999-01-01", Err(DateError::Malformed)),
            ("2022-999-01", Err(DateError::Malformed)),
            ("2022年7月31日", ok(2022, 7, 31)),
            ("2022年07月31", ok(2022, 7, 31)),
            ("２０２２－０７－３１", ok(2022, 7, 31)),
            ("２０２２年７月３１日", ok(2022, 7, 31)),
            (
                "2022年2月30日",
                Err(DateError::NoSuchDay {
                    year: 2022,
                    month: 2,
                    day: 30,
                }),
            ),
            ("2022年7月", Err(DateError::Malformed)),
            ("七月三十一日", Err(DateError::Malformed)),
        ];
        for (text, expected) in cases {
            assert_eq!(CivilDate::parse(text), expected, "input {text:?}");
        }
    }

    #[test]
    fn full_years_count_anniversaries() {
        let cases = [
            ("2018-12-31", "2022-12-31", 4),
            ("2019-01-01", "2022-12-31", 3),
            ("2018-12-31", "2022-12-30", 3),
            ("2020-02-29", "2021-02-28", 1),
            ("2020-02-29", "2021-02-27", 0),
            ("2020-02-29", "2024-02-28", 3),
            ("2020-02-29", "2024-02-29", 4),
            ("2022-12-31", "2021-01-01", 0),
        ];
        for (from, to, years) in cases {
            assert_eq!(d(from).full_years_until(d(to)), years, "{from} → {to}");
        }
    }

    #[test]
    fn months_and_description() {
        assert_eq!(d("2021-09-30").years_months_until(d("2022-12-31")), (1, 3));
        assert_eq!(d("2022-01-31").whole_months_until(d("2022-02-28")), 1);
        assert_eq!(describe_months(15), "1 年 3 个月");
        assert_eq!(describe_months(8), "8 个月");
        assert_eq!(describe_months(24), "2 年");
        assert_eq!(d("2020-02-29").add_years(1), d("2021-02-28"));
        assert_eq!(d("2022-01-31").add_months(1), d("2022-02-28"));
        assert_eq!(d("2022-01-15").add_months(-13), d("2020-12-15"));
    }
}
