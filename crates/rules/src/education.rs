//! Continuing education (第六条: every year 90 学时, 专业科目 60, 公需 18; 32 before 2017) and
//! annual evaluation (第五条: the three years before the plan year 合格/称职 or better): which year
//! is short by how much, which years are missing, and the years that feed the score table.

use super::applicant::{Applicant, EvaluationGrade};
use super::plan::Plan;
use super::verdict::{num, Status, Verdict};
use std::collections::BTreeMap;

/// The hours of 第六条 from the rules in use: from `standard_from_year` (2017, 温人社发〔2017〕264号)
/// `standard` a year (90), of which 专业科目 and 公需 at least (60, 18); before, a `standard_before`
/// total (32).
struct Standard {
    total: f64,
    total_before: f64,
    from_year: i32,
    professional: f64,
    public: f64,
}

fn standard() -> Standard {
    let rules = super::rules_file::active();
    let ce = &rules.conditions.score_table.basic.continuing_education;
    Standard {
        total: ce.standard,
        total_before: ce.standard_before,
        from_year: ce.standard_from_year,
        professional: rules.conditions.continuing_education.professional,
        public: rules.conditions.continuing_education.public,
    }
}

/// The yearly total the rules expect in `year`.
pub fn standard_hours(year: i32) -> f64 {
    let s = standard();
    if year < s.from_year {
        s.total_before
    } else {
        s.total
    }
}

/// One year's hours (all entries of the year added up).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct YearHours {
    pub general_public: f64,
    pub industry_public: f64,
    pub professional: f64,
}

impl YearHours {
    pub fn public(&self) -> f64 {
        self.general_public + self.industry_public
    }

    pub fn total(&self) -> f64 {
        self.public() + self.professional
    }
}

fn clean(hours: f64) -> f64 {
    if hours.is_finite() && hours > 0.0 {
        hours.min(10_000.0)
    } else {
        0.0
    }
}

/// The applicant's hours per year; entries of the same year are added up, impossible values
/// (negative, not a number) count as 0.
pub fn hours_by_year(applicant: &Applicant) -> BTreeMap<i32, YearHours> {
    let mut years: BTreeMap<i32, YearHours> = BTreeMap::new();
    for entry in &applicant.continuing_education {
        let year = years.entry(entry.year).or_default();
        year.general_public += clean(entry.general_public);
        year.industry_public += clean(entry.industry_public);
        year.professional += clean(entry.professional);
    }
    years
}

#[derive(Clone, Debug, PartialEq)]
pub struct CeYearCheck {
    pub year: i32,
    /// `None` when the year has no record at all.
    pub hours: Option<YearHours>,
    pub status: Status,
    /// e.g. 「2021 年专业科目差 5 学时」.
    pub shortfalls: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CeReport {
    /// 「第六条」: met only when every checked year is complete.
    pub verdict: Verdict,
    pub years: Vec<CeYearCheck>,
    /// Years (up to the plan year) whose total reaches the standard + 10 学时, newest first; the
    /// score table gives 1 point for each, at most 3.
    pub bonus_years: Vec<i32>,
}

/// Checks one year against 第六条.
pub fn check_year(year: i32, hours: Option<YearHours>) -> CeYearCheck {
    let Some(h) = hours else {
        return CeYearCheck {
            year,
            hours: None,
            status: Status::Missing,
            shortfalls: vec![format!("缺少 {year} 年继续教育学时记录")],
        };
    };
    let mut shortfalls = Vec::new();
    let s = standard();
    if year >= s.from_year {
        if h.professional < s.professional {
            shortfalls.push(format!(
                "{year} 年专业科目差 {} 学时",
                num(s.professional - h.professional)
            ));
        }
        if h.public() < s.public {
            shortfalls.push(format!(
                "{year} 年公需科目（一般公需 + 行业公需）差 {} 学时",
                num(s.public - h.public())
            ));
        }
    }
    let standard = standard_hours(year);
    if h.total() < standard {
        shortfalls.push(format!(
            "{year} 年合计差 {} 学时",
            num(standard - h.total())
        ));
    }
    CeYearCheck {
        year,
        hours: Some(h),
        status: if shortfalls.is_empty() {
            Status::Met
        } else {
            Status::NotMet
        },
        shortfalls,
    }
}

pub fn check_continuing_education(applicant: &Applicant, plan: &Plan) -> CeReport {
    let by_year = hours_by_year(applicant);
    let years: Vec<CeYearCheck> = plan
        .continuing_education_years
        .iter()
        .map(|&year| check_year(year, by_year.get(&year).copied()))
        .collect();
    let status = Status::all(years.iter().map(|y| y.status));
    let mut messages: Vec<String> = years.iter().flat_map(|y| y.shortfalls.clone()).collect();
    let listed = plan
        .continuing_education_years
        .iter()
        .map(|y| y.to_string())
        .collect::<Vec<_>>()
        .join("、");
    let s = standard();
    let (total, professional, public) = (num(s.total), num(s.professional), num(s.public));
    match status {
        Status::Met => messages.push(format!(
            "{listed} 年继续教育学时均已达标（每年合计 {total} 学时，其中专业科目 {professional}、公需科目 {public}）"
        )),
        _ => messages.push(format!(
            "第六条要求每年继续教育不少于 {total} 学时（专业科目不少于 {professional} 学时，一般公需和行业公需不少于 {public} 学时）；请在温州继续教育网补齐学时，学时齐了再申报",
        )),
    }
    let bonus_years = by_year
        .iter()
        .rev()
        .filter(|(year, h)| **year <= plan.year && h.total() >= standard_hours(**year) + 10.0)
        .map(|(year, _)| *year)
        .collect();
    CeReport {
        verdict: Verdict {
            id: "general.continuing_education".into(),
            cite: "第六条".into(),
            title: format!("{listed} 年每年继续教育不少于 {total} 学时（专业科目 {professional}、公需科目 {public}）"),
            status,
            messages,
            shortfall: None,
        },
        years,
        bonus_years,
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct EvaluationReport {
    /// 「第五条」: the plan's three evaluation years present and 合格/称职 or better.
    pub verdict: Verdict,
    /// Each evaluation year with the grade found (the lowest, when a year is entered twice).
    pub by_year: Vec<(i32, Option<EvaluationGrade>)>,
    /// Years rated 优秀 (up to the year before the plan year), newest first; 1 point each, max 3.
    pub excellent_years: Vec<i32>,
}

fn severity(grade: EvaluationGrade) -> u8 {
    match grade {
        EvaluationGrade::Fail => 0,
        EvaluationGrade::BasicCompetent => 1,
        EvaluationGrade::NotEvaluated => 2,
        EvaluationGrade::Pass | EvaluationGrade::Competent => 3,
        EvaluationGrade::Good => 4,
        EvaluationGrade::Excellent => 5,
        EvaluationGrade::Unknown => 6,
    }
}

/// The grade of each year entered; when a year is entered twice the lower grade is kept.
pub fn grades_by_year(applicant: &Applicant) -> BTreeMap<i32, EvaluationGrade> {
    let mut years: BTreeMap<i32, EvaluationGrade> = BTreeMap::new();
    for entry in &applicant.evaluations {
        if !entry.grade.is_set() {
            continue;
        }
        let slot = years.entry(entry.year).or_insert(entry.grade);
        if severity(entry.grade) < severity(*slot) {
            *slot = entry.grade;
        }
    }
    years
}

pub fn check_evaluations(applicant: &Applicant, plan: &Plan) -> EvaluationReport {
    let grades = grades_by_year(applicant);
    let mut statuses = Vec::new();
    let mut messages = Vec::new();
    let mut by_year = Vec::new();
    for &year in &plan.evaluation_years {
        let grade = grades.get(&year).copied();
        by_year.push((year, grade));
        match grade {
            None => {
                statuses.push(Status::Missing);
                messages.push(format!(
                    "缺少 {year} 年年度考核结果，请填写并上传该年度的年度考核表"
                ));
            }
            Some(EvaluationGrade::NotEvaluated) => {
                statuses.push(Status::Missing);
                messages.push(format!(
                    "{year} 年单位未开展年度考核：可由单位按指南模板出具该年度的考核证明（合格以上）"
                ));
            }
            Some(g) if g.passes() => statuses.push(Status::Met),
            Some(g) => {
                statuses.push(Status::NotMet);
                messages.push(format!(
                    "{year} 年年度考核为「{}」，第五条要求近三年年度考核合格（称职）以上",
                    g.label()
                ));
            }
        }
    }
    let status = Status::all(statuses);
    let listed = plan
        .evaluation_years
        .iter()
        .map(|y| y.to_string())
        .collect::<Vec<_>>()
        .join("、");
    if status == Status::Met {
        messages.push(format!("{listed} 年年度考核均为合格（称职）以上"));
    }
    let excellent_years = grades
        .iter()
        .rev()
        .filter(|(year, grade)| **year < plan.year && **grade == EvaluationGrade::Excellent)
        .map(|(year, _)| *year)
        .collect();
    EvaluationReport {
        verdict: Verdict {
            id: "general.evaluation".into(),
            cite: "第五条".into(),
            title: format!("{listed} 年年度考核合格（称职）以上"),
            status,
            messages,
            shortfall: None,
        },
        by_year,
        excellent_years,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::applicant::{AnnualEvaluation, ContinuingEducationYear};
    use crate::rules_file::latest_plan;

    fn ce(year: i32, general: f64, industry: f64, professional: f64) -> ContinuingEducationYear {
        ContinuingEducationYear {
            year,
            general_public: general,
            industry_public: industry,
            professional,
            ..ContinuingEducationYear::default()
        }
    }

    fn full(year: i32) -> ContinuingEducationYear {
        ce(year, 18.0, 12.0, 60.0)
    }

    #[test]
    fn each_year_is_checked_to_the_hour() {
        let h = |g, i, p| {
            Some(YearHours {
                general_public: g,
                industry_public: i,
                professional: p,
            })
        };
        let cases: Vec<(i32, Option<YearHours>, Status, Vec<&str>)> = vec![
            (2021, h(18.0, 12.0, 60.0), Status::Met, vec![]),
            (2021, h(18.0, 0.0, 72.0), Status::Met, vec![]),
            (
                2021,
                h(18.0, 12.0, 59.0),
                Status::NotMet,
                vec!["2021 年专业科目差 1 学时", "2021 年合计差 1 学时"],
            ),
            (
                2021,
                h(17.0, 0.0, 73.0),
                Status::NotMet,
                vec!["2021 年公需科目（一般公需 + 行业公需）差 1 学时"],
            ),
            (
                2021,
                h(18.0, 11.0, 60.0),
                Status::NotMet,
                vec!["2021 年合计差 1 学时"],
            ),
            (
                2021,
                h(18.0, 12.0, 55.0),
                Status::NotMet,
                vec!["2021 年专业科目差 5 学时", "2021 年合计差 5 学时"],
            ),
            (2016, h(0.0, 0.0, 32.0), Status::Met, vec![]),
            (
                2016,
                h(0.0, 0.0, 31.0),
                Status::NotMet,
                vec!["2016 年合计差 1 学时"],
            ),
            (
                2020,
                None,
                Status::Missing,
                vec!["缺少 2020 年继续教育学时记录"],
            ),
            (
                2019,
                h(18.0, 12.0, 59.5),
                Status::NotMet,
                vec!["2019 年专业科目差 0.5 学时", "2019 年合计差 0.5 学时"],
            ),
        ];
        for (year, hours, status, shortfalls) in cases {
            let check = check_year(year, hours);
            assert_eq!(check.status, status, "{year} {hours:?}");
            assert_eq!(check.shortfalls, shortfalls, "{year} {hours:?}");
        }
    }

    #[test]
    fn the_plan_years_are_checked_and_entries_of_a_year_add_up() {
        let plan = latest_plan();
        let mut a = Applicant {
            continuing_education: vec![
                full(2022),
                full(2021),
                ce(2020, 18.0, 12.0, 30.0),
                ce(2020, 0.0, 0.0, 30.0),
                ce(2019, 18.0, 12.0, 55.0),
            ],
            ..Applicant::default()
        };
        let report = check_continuing_education(&a, plan);
        assert_eq!(report.verdict.status, Status::NotMet);
        assert_eq!(report.verdict.cite, "第六条");
        assert_eq!(report.years.len(), 4);
        assert_eq!(report.years[2].status, Status::Met, "2020 adds up to 90");
        assert!(report
            .verdict
            .messages
            .contains(&"2019 年专业科目差 5 学时".to_string()));
        a.continuing_education[4] = full(2019);
        let report = check_continuing_education(&a, plan);
        assert_eq!(report.verdict.status, Status::Met);
        a.continuing_education.remove(0);
        let report = check_continuing_education(&a, plan);
        assert_eq!(report.verdict.status, Status::Missing);
        assert_eq!(report.verdict.messages[0], "缺少 2022 年继续教育学时记录");
    }

    #[test]
    fn bonus_years_need_the_standard_plus_ten_hours() {
        let plan = latest_plan();
        let a = Applicant {
            continuing_education: vec![
                ce(2021, 18.0, 12.0, 70.0),
                ce(2020, 18.0, 12.0, 69.0),
                ce(2016, 0.0, 0.0, 42.0),
                ce(2015, 0.0, 0.0, 41.0),
                ce(2023, 18.0, 12.0, 90.0),
                ce(2019, f64::NAN, -5.0, 1e300),
            ],
            ..Applicant::default()
        };
        let report = check_continuing_education(&a, plan);
        assert_eq!(report.bonus_years, vec![2021, 2019, 2016]);
    }

    #[test]
    fn evaluations_of_the_three_years() {
        let plan = latest_plan();
        let ev = |year, grade| AnnualEvaluation { year, grade };
        use EvaluationGrade::*;
        let a = Applicant {
            evaluations: vec![ev(2021, Excellent), ev(2020, Competent), ev(2019, Pass)],
            ..Applicant::default()
        };
        let report = check_evaluations(&a, plan);
        assert_eq!(report.verdict.status, Status::Met);
        assert_eq!(report.excellent_years, vec![2021]);

        let a = Applicant {
            evaluations: vec![
                ev(2021, Excellent),
                ev(2021, BasicCompetent),
                ev(2020, Excellent),
                ev(2018, Excellent),
                ev(2022, Excellent),
            ],
            ..Applicant::default()
        };
        let report = check_evaluations(&a, plan);
        assert_eq!(report.verdict.status, Status::NotMet);
        assert_eq!(
            report.verdict.messages,
            vec![
                "2021 年年度考核为「基本称职（基本合格）」，第五条要求近三年年度考核合格（称职）以上",
                "缺少 2019 年年度考核结果，请填写并上传该年度的年度考核表",
            ]
        );
        assert_eq!(report.excellent_years, vec![2020, 2018]);

        let report = check_evaluations(&Applicant::default(), plan);
        assert_eq!(report.verdict.status, Status::Missing);
        assert_eq!(report.verdict.messages.len(), 3);
    }
}
