//! Step 3's fields that the score and eligibility rules do not read (身份证号, phone, 现从事专业,
//! 受理点, the qualifications behind 资格类型, the appointment), the numbers kept as typed, and
//! the parsers for what people type into them.

use super::date::{normalize_digits, CivilDate};
use super::json::json_struct;
#[cfg(test)]
use serde::{Deserialize, Serialize};

/// The certificate behind 资格类型 (the portal takes up to two).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
#[cfg_attr(test, serde(default))]
pub struct Qualification {
    pub name: String,
    pub date: String,
    pub authority: String,
}

pub const MAX_QUALIFICATIONS: usize = 2;

/// The parts of 填写申报信息 that only the form itself checks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
#[cfg_attr(test, serde(default))]
pub struct ApplicationForm {
    pub id_number: String,
    pub phone: String,
    /// 现从事专业.
    pub specialty: String,
    /// The 受理点's name, as listed in the plan.
    pub acceptance_point: String,
    pub qualifications: Vec<Qualification>,
    /// 聘任情况 = 有: the post appointed to and the 聘期.
    pub appointment_title: String,
    pub appointment_from: String,
    pub appointment_to: String,
    /// Numbers exactly as typed, so that 「十二」 or 「12个月」 is shown back with a message instead
    /// of vanishing; the rules read the parsed values copied into the applicant.
    pub insurance_months: String,
    pub computer_modules: String,
    pub mountain_years: String,
    pub expert_recommendations: String,
}

/// The pledge of step 2.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
#[cfg_attr(test, serde(default))]
pub struct Pledge {
    pub agreed: bool,
    pub name: String,
    pub date: String,
}

json_struct!(Qualification {
    name,
    date,
    authority
});
json_struct!(ApplicationForm {
    id_number,
    phone,
    specialty,
    acceptance_point,
    qualifications,
    appointment_title,
    appointment_from,
    appointment_to,
    insurance_months,
    computer_modules,
    mountain_years,
    expert_recommendations,
});
// Drafts saved before issue 16 also hold `validated` in both: which problems are shown now
// belongs to one visit of a step (the app's FormCtx), so the key is read past and not written.
json_struct!(Pledge { agreed, name, date });

/// A count typed by a person: ASCII or full-width digits, surrounding spaces allowed; empty is
/// `None`. Anything else is refused with the form that is accepted.
pub fn parse_count(text: &str) -> Result<Option<u32>, String> {
    let text = normalize_digits(text.trim());
    if text.is_empty() {
        return Ok(None);
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "「{text}」不是整数，请只填数字，例如 12（全角、半角数字都可以）"
        ));
    }
    match text.parse::<u32>() {
        Ok(n) if n <= 10_000 => Ok(Some(n)),
        _ => Err(format!("「{text}」太大了，请检查")),
    }
}

/// A year typed by a person (4 digits, ASCII or full-width), between 1950 and 2100.
pub fn parse_year(text: &str) -> Result<i32, String> {
    let text = normalize_digits(text.trim());
    match text.parse::<i32>() {
        Ok(year) if (1950..=2100).contains(&year) => Ok(year),
        _ => Err(format!("「{text}」不是年份，请填 4 位数字，例如 2021")),
    }
}

/// 本人排名 as typed: empty is "not given" (0 in the draft); a typed 0 is a slip and refused.
pub fn parse_rank(text: &str) -> Result<u32, String> {
    match parse_count(text)? {
        Some(0) => Err("「0」不是名次：本人排名从 1 开始，第一名填 1".to_string()),
        rank => Ok(rank.unwrap_or(0)),
    }
}

/// The year a new 继续教育 or 年度考核 entry starts with: the first year the plan asks for that
/// the list does not hold yet, or 0 (the applicant types it) when all are there.
pub fn next_year_to_add(wanted: &[i32], have: &[i32]) -> i32 {
    wanted
        .iter()
        .copied()
        .find(|y| !have.contains(y))
        .unwrap_or(0)
}

/// Hours of continuing education as typed: ASCII or full-width digits, one decimal point allowed
/// (some courses give half hours); empty is 0.
pub fn parse_hours(text: &str) -> Result<f64, String> {
    let text = normalize_digits(text.trim());
    if text.is_empty() {
        return Ok(0.0);
    }
    let valid = text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && text.bytes().filter(|b| *b == b'.').count() <= 1
        && !text.starts_with('.')
        && !text.ends_with('.');
    match text.parse::<f64>() {
        Ok(hours) if valid && hours <= 1000.0 => Ok(hours),
        // All digits, just far too many: saying 「请只填数字」 would not help.
        Ok(_) if valid => Err(format!(
            "「{text}」学时太多，一年的学时不会超过 1000，请按学时证明核对"
        )),
        _ => Err(format!("「{text}」不是学时数，请只填数字，例如 60 或 7.5")),
    }
}

const ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS: &[u8; 11] = b"10X98765432";

/// The GB 11643 check character for the first 17 digits.
pub fn id_check_char(first17: &str) -> Option<char> {
    if first17.len() != 17 || !first17.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = first17
        .bytes()
        .zip(ID_WEIGHTS)
        .map(|(b, w)| (b - b'0') as u32 * w)
        .sum();
    Some(ID_CHECK_CHARS[(sum % 11) as usize] as char)
}

/// Checks a 居民身份证号码 (GB 11643): 18 characters, digits with a final digit or X, a real birth
/// date in positions 7–14, the check character, and (when known) the same birth date as 出生日期.
pub fn check_id_number(text: &str, birth_date: Option<CivilDate>) -> Result<(), String> {
    let id = normalize_digits(text.trim()).replace(['Ｘ', 'ｘ', 'x'], "X");
    let chars = id.chars().count();
    if chars != 18 {
        return Err(format!("身份证号应为 18 位，现在是 {chars} 位"));
    }
    let (first17, last) = id.split_at(17);
    if !first17.bytes().all(|b| b.is_ascii_digit())
        || !last.chars().all(|c| c.is_ascii_digit() || c == 'X')
    {
        return Err("身份证号只能是数字，最后一位可以是 X".to_string());
    }
    let born = CivilDate::parse(&format!(
        "{}-{}-{}",
        &first17[6..10],
        &first17[10..12],
        &first17[12..14]
    ))
    .map_err(|_| {
        format!(
            "身份证号第 7–14 位（{}）不是有效的出生日期",
            &first17[6..14]
        )
    })?;
    let expected = id_check_char(first17).unwrap_or('?');
    if !last.starts_with(expected) {
        return Err("身份证号校验位不对，可能有数字输错了，请逐位核对".to_string());
    }
    if let Some(birth) = birth_date {
        if birth != born {
            return Err(format!(
                "身份证号中的出生日期是 {}，与填写的出生日期 {} 不一致",
                born.chinese(),
                birth.chinese()
            ));
        }
    }
    Ok(())
}

/// An 11-digit mainland mobile number (1 followed by 3–9, then 9 digits); spaces and dashes are
/// ignored.
pub fn check_mobile(text: &str) -> Result<(), String> {
    let digits: String = normalize_digits(text)
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .collect();
    let ok = digits.len() == 11
        && digits.bytes().all(|b| b.is_ascii_digit())
        && digits.starts_with('1')
        && matches!(digits.as_bytes()[1], b'3'..=b'9');
    if ok {
        Ok(())
    } else {
        Err("手机号应为 11 位数字、以 1 开头，例如 13812345678".to_string())
    }
}

/// 现从事专业: 1–8 characters (an error beyond), usually 4 (a note otherwise). A name from the
/// plan's own list of common specialties (`known`, the suggestions shown under the field, such as
/// 机电 or 电气) never gets the note.
pub fn check_specialty(text: &str, known: &[String]) -> (Option<String>, Option<String>) {
    let chars = text.trim().chars().count();
    match chars {
        0 => (None, None),
        1..=8 if chars == 4 || known.iter().any(|k| k == text.trim()) => (None, None),
        1..=8 => (
            None,
            Some(format!(
                "现从事专业一般为 4 个字（现在 {chars} 个字），请确认与平台选项一致"
            )),
        ),
        _ => (
            Some(format!("现从事专业最多 8 个字，现在 {chars} 个字")),
            None,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_accept_full_width_digits_and_refuse_words() {
        let cases = [
            ("12", Ok(Some(12))),
            (" １２ ", Ok(Some(12))),
            ("0", Ok(Some(0))),
            ("", Ok(None)),
            ("   ", Ok(None)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_count(text), expected, "{text:?}");
        }
        for text in ["十二", "12个月", "1.5", "-3", "12a", "99999999999"] {
            let error = parse_count(text).unwrap_err();
            assert!(error.contains('「'), "{text}: {error}");
        }
    }

    #[test]
    fn years_ranks_and_the_next_year_to_add() {
        assert_eq!(parse_year("2021"), Ok(2021));
        assert_eq!(parse_year(" ２０２１ "), Ok(2021));
        for text in ["21", "1949", "2101", "二〇二一", ""] {
            assert!(parse_year(text).unwrap_err().contains("不是年份"), "{text}");
        }
        assert_eq!(parse_rank(""), Ok(0));
        assert_eq!(parse_rank("３"), Ok(3));
        assert!(parse_rank("0").unwrap_err().contains("本人排名从 1 开始"));
        assert!(parse_rank("第一").is_err());
        let wanted = [2021, 2020, 2019];
        assert_eq!(next_year_to_add(&wanted, &[]), 2021);
        assert_eq!(next_year_to_add(&wanted, &[2021]), 2020);
        assert_eq!(next_year_to_add(&wanted, &[2020, 2021, 2018]), 2019);
        assert_eq!(next_year_to_add(&wanted, &[2019, 2020, 2021]), 0);
        assert_eq!(next_year_to_add(&[], &[]), 0);
    }

    #[test]
    fn hours_accept_halves_and_full_width() {
        let cases = [
            ("60", Ok(60.0)),
            ("７.５", Ok(7.5)),
            ("", Ok(0.0)),
            (" 18 ", Ok(18.0)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_hours(text), expected, "{text:?}");
        }
        for bad in ["六十", "60学时", "1.2.3", ".5", "5.", "-3"] {
            let error = parse_hours(bad).expect_err(bad);
            assert!(error.contains("不是学时数"), "{bad}: {error}");
        }
        for too_many in ["99999", "1000.5", "99999999999999999999"] {
            let error = parse_hours(too_many).expect_err(too_many);
            assert!(error.contains("学时太多"), "{too_many}: {error}");
        }
    }

    #[test]
    fn id_numbers_follow_gb_11643() {
        // Real-format numbers from the standard's examples, with correct check characters.
        let born = |t| CivilDate::parse(t).ok();
        assert_eq!(
            check_id_number("11010519491231002X", born("1949-12-31")),
            Ok(())
        );
        assert_eq!(check_id_number("11010519491231002x", None), Ok(()));
        assert_eq!(
            check_id_number("440524188001010014", born("1880-01-01")),
            Ok(())
        );
        assert_eq!(
            check_id_number("１１０１０５１９４９１２３１００２Ｘ", None),
            Ok(())
        );
        let cases = [
            ("110105194912310021", "校验位"),
            ("11010519491231002", "18 位"),
            ("1101051949123100212", "18 位"),
            ("11010519491331002X", "不是有效的出生日期"),
            ("1101051949123100AX", "只能是数字"),
        ];
        for (id, words) in cases {
            let error = check_id_number(id, None).unwrap_err();
            assert!(error.contains(words), "{id}: {error}");
        }
        let error = check_id_number("11010519491231002X", born("1950-01-01")).unwrap_err();
        assert!(error.contains("不一致"), "{error}");
        assert_eq!(id_check_char("11010519491231002"), Some('X'));
        assert_eq!(id_check_char("44052418800101001"), Some('4'));
    }

    #[test]
    fn mobiles_are_eleven_digits_from_13_to_19() {
        for ok in [
            "13812345678",
            "138 1234 5678",
            "１３８１２３４５６７８",
            "199-1234-5678",
        ] {
            assert_eq!(check_mobile(ok), Ok(()), "{ok}");
        }
        for bad in [
            "12812345678",
            "1381234567",
            "138123456789",
            "0577-88888888",
            "abc",
        ] {
            assert!(check_mobile(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn specialty_length() {
        let known = ["电气".to_string(), "机械".to_string(), "机电".to_string()];
        assert_eq!(check_specialty("机械设计", &[]), (None, None));
        assert!(check_specialty("电气", &[]).1.unwrap().contains("2 个字"));
        // The field's own suggestions are never questioned.
        for name in &known {
            assert_eq!(check_specialty(name, &known), (None, None), "{name}");
            assert_eq!(check_specialty(&format!(" {name} "), &known), (None, None));
        }
        assert!(check_specialty("电工", &known)
            .1
            .unwrap()
            .contains("2 个字"));
        assert!(check_specialty("机械设计及其自动化", &known)
            .0
            .unwrap()
            .contains("9 个字"));
        assert_eq!(check_specialty("", &known), (None, None));
    }
}
