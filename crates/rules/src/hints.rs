//! Routes that may suit the applicant better than a review: 初定 (第十一条, determination from a
//! related education plus years) and 直接晋升工程师 (第十二条, awards or two of four honours).

use super::applicant::{Achievement, Applicant, Level, TitleLevel, YesNo};
use super::conditions::Facts;
use super::date::CivilDate;
use super::held::current_title_since;
use super::plan::Plan;
use super::verdict::years_check;

#[derive(Clone, Debug, PartialEq)]
pub struct Hint {
    /// 「第十一条（二）」, 「第十二条（一）」…
    pub cite: String,
    /// The title the route leads to.
    pub leads_to: Level,
    pub message: String,
    /// True when the route reaches a level at least as high as the one applied for.
    pub fits_better: bool,
}

fn level_rank(level: Level) -> u8 {
    match level {
        Level::Technician => 1,
        Level::AssistantEngineer => 2,
        Level::Engineer => 3,
        Level::Unset => 0,
    }
}

fn title_rank(title: TitleLevel) -> u8 {
    match title {
        TitleLevel::Technician => 1,
        TitleLevel::AssistantEngineer => 2,
        TitleLevel::Engineer | TitleLevel::SeniorEngineer => 3,
        _ => 0,
    }
}

pub(crate) fn hints(a: &Applicant, plan: &Plan, f: &Facts) -> Vec<Hint> {
    let mut out = Vec::new();
    if let Some(hint) = initial_determination(a, plan, f) {
        out.push(hint);
    }
    out.extend(direct_promotion(a, plan));
    out
}

/// 第十一条: the highest 初定 level the applicant's related education and years reach.
fn initial_determination(a: &Applicant, plan: &Plan, f: &Facts) -> Option<Hint> {
    let mut best: Option<(Level, &'static str, String)> = None;
    // 第十八条's 技工院校 equivalence is for 申报评审 only: those classes do not open 初定 (READING.md,
    // 2026-12).
    // Only an education held by the achievements cut-off counts (READING.md, 2026-12).
    for e in f
        .held
        .education
        .iter()
        .filter(|e| e.relatedness().is_related() && !e.level.is_tech_school())
    {
        let Ok(graduated) = CivilDate::parse(&e.graduation_date) else {
            continue;
        };
        // Work after the education counts from the later of graduation and the work start; with
        // no work start known, no years of work are assumed (only 博士 needs none).
        let start = match &f.professional_start {
            Ok(p) if *p > graduated => Some(*p),
            Ok(_) => Some(graduated),
            Err(_) => None,
        };
        // A higher related education also satisfies the lower items (研究生 ⊇ 本科 ⊇ 大专 ⊇ 中专).
        let tier = e.level.tier();
        let mut options: Vec<(Level, &'static str, u32)> = Vec::new();
        if tier >= 6 {
            options.push((Level::Engineer, "第十一条（三）", 0));
        }
        if tier >= 5 {
            options.push((Level::Engineer, "第十一条（三）", 3));
        }
        if tier >= 4 {
            options.push((Level::AssistantEngineer, "第十一条（二）", 1));
        }
        if tier >= 3 {
            options.push((Level::AssistantEngineer, "第十一条（二）", 3));
        }
        if tier >= 2 {
            options.push((Level::Technician, "第十一条（一）", 1));
        }
        let Some((level, cite, years)) = options.into_iter().find(|(_, _, years)| match start {
            Some(start) => years_check(start, *years, plan.seniority_cutoff).reached,
            None => *years == 0,
        }) else {
            continue;
        };
        if best
            .as_ref()
            .is_some_and(|(l, ..)| level_rank(*l) >= level_rank(level))
        {
            continue;
        }
        let what = if years == 0 {
            format!("具有本专业或相近专业{}", e.level.label())
        } else {
            format!(
                "取得本专业或相近专业{}学历后实际从事专业工作满 {years} 年",
                e.level.label()
            )
        };
        best = Some((level, cite, what));
    }
    let (level, cite, what) = best?;
    if title_rank(a.current_title) >= level_rank(level) {
        return None;
    }
    let fits_better = a.level == Level::Unset || level_rank(level) >= level_rank(a.level);
    Some(Hint {
        cite: cite.to_string(),
        leads_to: level,
        message: format!(
            "你{what}，可按{cite}经考核合格初定{}资格（初定不经评审）{}",
            level.label(),
            if fits_better {
                "，比申报评审更合适；初定请向受理点咨询（乐清受理点不受理初定）"
            } else {
                ""
            }
        ),
        fits_better,
    })
}

fn counts(e: &Achievement, plan: &Plan, title_date: &Result<Option<CivilDate>, String>) -> bool {
    let Ok(date) = CivilDate::parse(&e.date) else {
        return false;
    };
    e.selected
        && e.related != YesNo::No
        && date <= plan.achievements_cutoff
        && title_date
            .as_ref()
            .is_ok_and(|t| t.is_none_or(|t| date >= t))
}

/// 第十二条 (一) and (二).
fn direct_promotion(a: &Applicant, plan: &Plan) -> Vec<Hint> {
    let title_date = current_title_since(a);
    let valid: Vec<&Achievement> = a
        .achievements
        .iter()
        .filter(|e| counts(e, plan, &title_date))
        .collect();
    let ranked = |row: &str, max_rank: u32| {
        valid
            .iter()
            .filter(|e| e.row == row && (1..=max_rank).contains(&e.rank))
            .count()
    };
    let mut out = Vec::new();
    let fits_better = a.level != Level::Engineer;
    // 国家级科学技术奖 is higher than a provincial one: ranked within the provincial 一等奖 limit
    // (前 9) it is shown too, marked as inferred (READING.md, 2026-12).
    let awards = [
        (
            "award.national",
            9,
            1,
            "国家级科学技术奖 1 项（排名前 9；国家级高于省级，此条为推断，以评委会解释为准）",
        ),
        (
            "award.provincial.first",
            9,
            1,
            "省级科学技术奖一等奖 1 项（排名前 9）",
        ),
        (
            "award.provincial.second",
            7,
            1,
            "省级科学技术奖二等奖 1 项（排名前 7）",
        ),
        (
            "award.provincial.third",
            5,
            1,
            "省级科学技术奖三等奖 1 项（排名前 5）",
        ),
        (
            "award.city.first",
            5,
            1,
            "市级科学技术奖一等奖 1 项（排名前 5）",
        ),
        (
            "award.city.second",
            3,
            1,
            "市级科学技术奖二等奖 1 项（排名前 3）",
        ),
        (
            "award.city.third",
            5,
            2,
            "市级科学技术奖三等奖 2 项（排名前 5）",
        ),
    ];
    if let Some((_, _, _, what)) = awards
        .iter()
        .find(|(row, max, needed, _)| ranked(row, *max) >= *needed)
    {
        out.push(Hint {
            cite: "第十二条（一）".into(),
            leads_to: Level::Engineer,
            message: format!(
                "你获{what}，符合第十二条（一）：理论考试和面试答辩合格、经评委会同意，可直接晋升工程师任职资格"
            ),
            fits_better,
        });
    }
    let any_row = |rows: &[&str]| valid.iter().any(|e| rows.contains(&e.row.as_str()));
    let mut items = Vec::new();
    if any_row(&[
        "honour.labour_model.city",
        "honour.labour_model.county",
        "honour.advanced_worker.city",
        "honour.advanced_worker.county",
    ]) {
        items.push("县级以上劳动模范或科技（生产）先进工作者");
    }
    if any_row(&[
        "competition.national.first",
        "competition.provincial.first",
        "competition.city.first",
    ]) {
        items.push("市级以上相关专业竞赛主要获奖者（前 3 名）");
    }
    if ranked("standard.national", 3) + ranked("standard.industry", 3) + ranked("standard.local", 3)
        > 0
    {
        items.push("国家、行业或地方标准的主要起草者（前 3 名）");
    }
    if ranked("product.provincial", 3) + ranked("product.national", 3) >= 2 {
        items.push("省级新产品 2 项以上的主要开发者（前 3 名）");
    }
    if items.len() >= 2 {
        out.push(Hint {
            cite: "第十二条（二）".into(),
            leads_to: Level::Engineer,
            message: format!(
                "你具备第十二条（二）中的 {} 项（{}）：理论考试和面试答辩合格、经评委会同意，可直接晋升工程师任职资格",
                items.len(),
                items.join("；")
            ),
            fits_better,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::applicant::{Education, EducationLevel};
    use crate::rules_file::latest_plan;

    fn edu(level: EducationLevel, graduated: &str) -> Education {
        Education {
            level,
            major: "机械设计制造及其自动化".into(),
            related: YesNo::Yes,
            graduation_date: graduated.into(),
            ..Education::default()
        }
    }

    #[test]
    fn initial_determination_by_education_and_years() {
        let plan = latest_plan();
        let cases = [
            (
                EducationLevel::Secondary,
                "2021-12-31",
                Some(("第十一条（一）", Level::Technician)),
            ),
            (EducationLevel::Secondary, "2022-01-01", None),
            (
                EducationLevel::Bachelor,
                "2021-12-31",
                Some(("第十一条（二）", Level::AssistantEngineer)),
            ),
            (EducationLevel::Bachelor, "2022-01-01", None),
            (
                EducationLevel::JuniorCollege,
                "2019-12-31",
                Some(("第十一条（二）", Level::AssistantEngineer)),
            ),
            (
                EducationLevel::JuniorCollege,
                "2020-01-01",
                Some(("第十一条（一）", Level::Technician)),
            ),
            (EducationLevel::JuniorCollege, "2022-01-01", None),
            // READING.md (2026-12): 第十八条's equivalence is for 申报评审 only, not 初定.
            (EducationLevel::TechSchoolPreTechnician, "2021-07-01", None),
            (
                EducationLevel::Postgraduate,
                "2019-12-31",
                Some(("第十一条（三）", Level::Engineer)),
            ),
            (
                EducationLevel::Postgraduate,
                "2020-01-01",
                Some(("第十一条（二）", Level::AssistantEngineer)),
            ),
            (
                EducationLevel::Doctor,
                "2022-07-01",
                Some(("第十一条（三）", Level::Engineer)),
            ),
        ];
        for (level, graduated, expected) in cases {
            let a = Applicant {
                level: Level::Technician,
                education: vec![edu(level, graduated)],
                professional_start_date: "2005-03-01".into(),
                ..Applicant::default()
            };
            let hint = initial_determination(&a, plan, &crate::conditions::facts(&a, plan));
            assert_eq!(
                hint.as_ref().map(|h| (h.cite.as_str(), h.leads_to)),
                expected,
                "{level:?} {graduated}"
            );
            if let Some(h) = hint {
                assert!(h.fits_better);
            }
        }
    }

    /// 第十一条 asks for years of work after the education: without a work start date the hint
    /// must not assume them (only 博士 needs none).
    #[test]
    fn initial_determination_needs_the_work_years_it_cites() {
        let plan = latest_plan();
        let cases = [
            (EducationLevel::Bachelor, "2010-07-01", "", None),
            (EducationLevel::Secondary, "2010-07-01", "", None),
            (EducationLevel::Postgraduate, "2010-07-01", "", None),
            (
                EducationLevel::Doctor,
                "2010-07-01",
                "",
                Some(("第十一条（三）", Level::Engineer)),
            ),
            // Work that started later than graduation counts from its own start.
            (EducationLevel::Bachelor, "2010-07-01", "2022-01-01", None),
            (
                EducationLevel::Bachelor,
                "2010-07-01",
                "2021-12-31",
                Some(("第十一条（二）", Level::AssistantEngineer)),
            ),
        ];
        for (level, graduated, work_start, expected) in cases {
            let a = Applicant {
                level: Level::Technician,
                education: vec![edu(level, graduated)],
                professional_start_date: work_start.into(),
                ..Applicant::default()
            };
            let hint = initial_determination(&a, plan, &crate::conditions::facts(&a, plan));
            assert_eq!(
                hint.as_ref().map(|h| (h.cite.as_str(), h.leads_to)),
                expected,
                "{level:?} {graduated} work from 「{work_start}」"
            );
        }
    }

    #[test]
    fn direct_promotion_by_awards_or_two_of_four() {
        let plan = latest_plan();
        let ach = |row: &str, rank| Achievement {
            row: row.into(),
            rank,
            date: "2021-05-01".into(),
            ..Achievement::default()
        };
        let a = Applicant {
            level: Level::AssistantEngineer,
            achievements: vec![ach("award.city.third", 5)],
            ..Applicant::default()
        };
        assert!(
            direct_promotion(&a, plan).is_empty(),
            "one 三等奖 is not enough"
        );
        let a = Applicant {
            achievements: vec![ach("award.city.third", 5), ach("award.city.third", 4)],
            ..a
        };
        let hints = direct_promotion(&a, plan);
        assert_eq!(hints.len(), 1);
        assert_eq!(hints[0].cite, "第十二条（一）");
        let a = Applicant {
            level: Level::Engineer,
            achievements: vec![
                ach("award.provincial.second", 8),
                ach("honour.labour_model.county", 0),
                ach("standard.industry", 3),
            ],
            ..Applicant::default()
        };
        let hints = direct_promotion(&a, plan);
        assert_eq!(hints.len(), 1);
        assert_eq!(hints[0].cite, "第十二条（二）");
        assert!(!hints[0].fits_better);

        // 第十七条: with a title but no date of it, no achievement is confirmed.
        let awards = vec![ach("award.city.second", 3)];
        let cases = [
            (TitleLevel::AssistantEngineer, "", 0),
            (TitleLevel::AssistantEngineer, "2021-05-02", 0),
            (TitleLevel::AssistantEngineer, "2021-05-01", 1),
            (TitleLevel::NoTitle, "", 1),
        ];
        for (title, date, expected) in cases {
            let a = Applicant {
                level: Level::AssistantEngineer,
                current_title: title,
                current_title_date: date.into(),
                achievements: awards.clone(),
                ..Applicant::default()
            };
            assert_eq!(
                direct_promotion(&a, plan).len(),
                expected,
                "{title:?} {date}"
            );
        }
    }

    #[test]
    fn national_award_within_nine_is_an_inferred_direct_promotion_hint() {
        let plan = latest_plan();
        for (rank, expected) in [(1, 1), (9, 1), (10, 0), (0, 0)] {
            let a = Applicant {
                level: Level::Engineer,
                achievements: vec![Achievement {
                    row: "award.national".into(),
                    rank,
                    date: "2021-05-01".into(),
                    ..Achievement::default()
                }],
                ..Applicant::default()
            };
            let hints = direct_promotion(&a, plan);
            assert_eq!(hints.len(), expected, "rank {rank}");
            if let Some(h) = hints.first() {
                assert_eq!(h.cite, "第十二条（一）");
                assert!(h.message.contains("推断"), "{}", h.message);
            }
        }
    }

    /// 转评: an award before the other specialty's title (held since 2020-01-01) gives no hint.
    #[test]
    fn transfer_award_before_the_other_title_gives_no_hint() {
        let plan = latest_plan();
        for (date, expected) in [("2019-06-01", 0), ("2020-01-01", 1)] {
            let a = Applicant {
                level: Level::Engineer,
                mode: crate::applicant::ApplyMode::Transfer,
                other_title: TitleLevel::Engineer,
                other_title_date: "2020-01-01".into(),
                achievements: vec![Achievement {
                    row: "award.provincial.first".into(),
                    rank: 3,
                    date: date.into(),
                    ..Achievement::default()
                }],
                ..Applicant::default()
            };
            assert_eq!(direct_promotion(&a, plan).len(), expected, "{date}");
        }
    }

    /// 第十一条 is for 学历; a 技工院校 class (第十八条, 申报评审 only) opens no 初定 route.
    #[test]
    fn tech_school_classes_do_not_open_initial_determination() {
        let plan = latest_plan();
        for (level, expected) in [
            (EducationLevel::TechSchoolAdvanced, false),
            (EducationLevel::TechSchoolPreTechnician, false),
            (EducationLevel::TechSchoolIntermediate, false),
            (EducationLevel::JuniorCollege, true),
        ] {
            let a = Applicant {
                education: vec![edu(level, "2015-07-01")],
                professional_start_date: "2015-08-01".into(),
                ..Applicant::default()
            };
            assert_eq!(
                initial_determination(&a, plan, &crate::conditions::facts(&a, plan)).is_some(),
                expected,
                "{level:?}"
            );
        }
    }
}
