//! What a candidate rules file changes against the rules in use, in plain Chinese, for the
//! association to read before it publishes the file; and the rules as labelled rows, for the
//! 规则数据 page. Both read the same field lists, so what the page shows is what the summary
//! compares.

use super::plan::Plan;
use super::rules_file::RuleSet;
use super::score_table::{BasicTable, Row};
use super::verdict::num;

/// A plan's dates and texts as (label, value), in the order the notice gives them.
pub fn plan_fields(p: &Plan) -> Vec<(&'static str, String)> {
    let years = |ys: &[i32]| {
        ys.iter()
            .map(|y| y.to_string())
            .collect::<Vec<_>>()
            .join("、")
    };
    vec![
        ("计划编号", p.code.clone()),
        ("计划名称", p.name.clone()),
        ("评审委员会", p.committee.clone()),
        ("通知文号", p.notice.clone()),
        ("评价条件文件", p.conditions.clone()),
        ("个人申报开始", p.application_start.iso()),
        ("个人申报截止", p.application_end.iso()),
        ("单位推荐截止", p.unit_deadline.iso()),
        ("资历计算截止日", p.seniority_cutoff.iso()),
        ("业绩截止日", p.achievements_cutoff.iso()),
        ("年度考核年份", years(&p.evaluation_years)),
        ("继续教育年份", years(&p.continuing_education_years)),
        ("温州山区五县", p.wenzhou_mountain_counties.join("、")),
    ]
}

/// The 基本条件 points as (label, value).
pub fn basic_fields(b: &BasicTable) -> Vec<(&'static str, String)> {
    let pair = |p: [f64; 2]| format!("对口 {} / 不对口 {}", num(p[0]), num(p[1]));
    let ce = &b.continuing_education;
    vec![
        ("学历·研究生", pair(b.education.postgraduate)),
        ("学历·本科", pair(b.education.bachelor)),
        ("学历·大专", pair(b.education.college)),
        ("学历·中专", pair(b.education.secondary)),
        ("学历·有学位加分", num(b.education.degree_bonus)),
        (
            "技能等级",
            format!(
                "中级工 {}、高级工 {}、技师 {}、高级技师 {}",
                num(b.skill.intermediate),
                num(b.skill.advanced),
                num(b.skill.technician),
                num(b.skill.senior_technician)
            ),
        ),
        (
            "外语",
            format!(
                "六级或职称外语 {}、四级 {}",
                num(b.foreign.cet6),
                num(b.foreign.cet4)
            ),
        ),
        (
            "计算机",
            format!(
                "4 个模块以上 {}、3 个模块 {}",
                num(b.computer.four_modules),
                num(b.computer.three_modules)
            ),
        ),
        (
            "资历（专业工作年限、职称任职年限）",
            format!(
                "达到年限 {}，每多 1 年加 {}，最多 {}",
                num(b.seniority.reached),
                num(b.seniority.per_extra_year),
                num(b.seniority.max)
            ),
        ),
        (
            "技术职务",
            format!(
                "单位技术负责人 {} / {}，部门技术负责人 {} / {}（大中型 / 小微）",
                num(b.tech_post.unit_large),
                num(b.tech_post.unit_small),
                num(b.tech_post.dept_large),
                num(b.tech_post.dept_small)
            ),
        ),
        (
            "年度考核优秀",
            format!(
                "每年 {}，最多 {}",
                num(b.evaluation.per_excellent_year),
                num(b.evaluation.max)
            ),
        ),
        ("工资薪金", num(b.income)),
        (
            "继续教育",
            format!(
                "学时达到标准 + {} 的年份每年 {}，最多 {}；标准 {} 学时（{} 年以前 {} 学时）",
                num(ce.margin),
                num(ce.per_year),
                num(ce.max),
                num(ce.standard),
                ce.standard_from_year,
                num(ce.standard_before)
            ),
        ),
    ]
}

/// How a score row scores: 「第1-7名 14→2（每名减 2 分）」, 「8 分」 or its no-points note.
pub fn row_scoring(row: &Row) -> String {
    let mut text = if row.is_ranked() {
        row.ladder
            .iter()
            .map(|s| {
                if s.from == s.to {
                    format!("第{}名 {} 分", s.from, num(s.top))
                } else {
                    format!(
                        "第{}-{}名 {}→{}（每名减 {} 分）",
                        s.from,
                        s.to,
                        num(s.top),
                        num(s.bottom),
                        num(s.step)
                    )
                }
            })
            .collect::<Vec<_>>()
            .join("，")
    } else if let Some(points) = row.points {
        format!("{} 分", num(points))
    } else {
        format!("不计分：{}", row.no_points.clone().unwrap_or_default())
    };
    if let Some(limit) = row.count_limit {
        text.push_str(&format!("；限 {limit} 项"));
    }
    if row.needs_stamp {
        text.push_str("；需单位盖章");
    }
    if row.inferred {
        text.push_str("；分值据原表推断");
    }
    text
}

fn added_removed(what: &str, old: &[String], new: &[String], out: &mut Vec<String>) {
    let added: Vec<&str> = new
        .iter()
        .filter(|x| !old.contains(x))
        .map(String::as_str)
        .collect();
    let removed: Vec<&str> = old
        .iter()
        .filter(|x| !new.contains(x))
        .map(String::as_str)
        .collect();
    if !added.is_empty() {
        out.push(format!("{what}：新增 {}", added.join("、")));
    }
    if !removed.is_empty() {
        out.push(format!("{what}：删除 {}", removed.join("、")));
    }
}

fn plan_changes(old: &Plan, new: &Plan, out: &mut Vec<String>) {
    let y = new.year;
    for ((label, a), (_, b)) in plan_fields(old).into_iter().zip(plan_fields(new)) {
        if a != b {
            out.push(format!("{y} 年度 · {label}：{a} → {b}"));
        }
    }
    let counties = |p: &Plan| {
        p.mountain_counties
            .iter()
            .map(|c| c.county.clone())
            .collect::<Vec<_>>()
    };
    added_removed(
        &format!("{y} 年度 · 山区县"),
        &counties(old),
        &counties(new),
        out,
    );
    let names = |p: &Plan| {
        p.acceptance_points
            .iter()
            .map(|a| a.name.clone())
            .collect::<Vec<_>>()
    };
    added_removed(&format!("{y} 年度 · 受理点"), &names(old), &names(new), out);
    for point in &new.acceptance_points {
        if let Some(before) = old.acceptance_points.iter().find(|a| a.name == point.name) {
            if before.phones != point.phones {
                out.push(format!(
                    "{y} 年度 · {} 电话：{} → {}",
                    point.name,
                    before.phones.join("、"),
                    point.phones.join("、")
                ));
            }
            if before.organizer != point.organizer {
                out.push(format!(
                    "{y} 年度 · {} 主办单位：{} → {}",
                    point.name, before.organizer, point.organizer
                ));
            }
        }
    }
    added_removed(
        &format!("{y} 年度 · 常用专业"),
        &old.common_specialties,
        &new.common_specialties,
        out,
    );
}

/// Every difference between the rules in use (`old`) and a candidate (`new`), one line each;
/// empty when the candidate says the same.
pub fn changes(old: &RuleSet, new: &RuleSet) -> Vec<String> {
    let mut out = Vec::new();
    for plan in &new.plans {
        match old.plans.iter().find(|p| p.year == plan.year) {
            Some(before) => plan_changes(before, plan, &mut out),
            None => out.push(format!(
                "新增 {} 年度计划（编号 {}，个人申报 {} 至 {}）",
                plan.year, plan.code, plan.application_start, plan.application_end
            )),
        }
    }
    for plan in &old.plans {
        if !new.plans.iter().any(|p| p.year == plan.year) {
            out.push(format!(
                "删除了 {} 年度计划：该年度将按往年规律推算",
                plan.year
            ));
        }
    }
    let (a, b) = (&old.conditions, &new.conditions);
    if a.document != b.document {
        out.push(format!("评价条件文件：{} → {}", a.document, b.document));
    }
    let ce = |c: &super::rules_file::CeHours| {
        format!(
            "专业科目 {}、公需科目 {}",
            num(c.professional),
            num(c.public)
        )
    };
    if a.continuing_education != b.continuing_education {
        out.push(format!(
            "继续教育每年学时：{} → {}",
            ce(&a.continuing_education),
            ce(&b.continuing_education)
        ));
    }
    if a.social_insurance_months != b.social_insurance_months {
        out.push(format!(
            "在温社保月数：{} → {}",
            a.social_insurance_months, b.social_insurance_months
        ));
    }
    for route in &b.routes {
        if let Some(before) = a.route(&route.id) {
            if before.years != route.years {
                let shown = |y: Option<u32>| y.map_or("无".to_string(), |y| format!("{y} 年"));
                out.push(format!(
                    "{}「{}」年限：{} → {}",
                    route.cite,
                    route.title,
                    shown(before.years),
                    shown(route.years)
                ));
            }
            if before.title != route.title || before.cite != route.cite {
                out.push(format!(
                    "途径 {} 的文字：{}{} → {}{}",
                    route.id, before.cite, before.title, route.cite, route.title
                ));
            }
        }
    }
    let (ta, tb) = (&a.score_table, &b.score_table);
    let caps = |t: &super::score_table::ScoreTable| {
        format!(
            "基本条件最高 {}，成果业绩最高 {}，破格 {} 分，山区县每年 {} 最多 {}",
            num(t.caps.basic),
            num(t.caps.achievements),
            num(t.caps.exceptional_threshold),
            num(t.caps.mountain_per_year),
            num(t.caps.mountain_max)
        )
    };
    if ta.caps != tb.caps {
        out.push(format!("量化评价标准 · 封顶：{} → {}", caps(ta), caps(tb)));
    }
    for ((label, x), (_, y)) in basic_fields(&ta.basic)
        .into_iter()
        .zip(basic_fields(&tb.basic))
    {
        if x != y {
            out.push(format!("量化评价标准 · {label}：{x} → {y}"));
        }
    }
    for cat in &tb.categories {
        match ta.category(&cat.id) {
            None => out.push(format!("量化评价标准 · 新增类别「{}」", cat.name)),
            Some(before) if before != cat => out.push(format!(
                "量化评价标准 · 类别「{}」的名称、计分方式或说明有变化",
                cat.name
            )),
            _ => {}
        }
    }
    for row in &tb.rows {
        match ta.row(&row.id) {
            None => out.push(format!(
                "量化评价标准 · 新增「{}」：{}",
                row.label,
                row_scoring(row)
            )),
            Some(before) => {
                let (x, y) = (row_scoring(before), row_scoring(row));
                if x != y {
                    out.push(format!("量化评价标准 · {}：{x} → {y}", row.label));
                } else if before.label != row.label || before.category != row.category {
                    out.push(format!(
                        "量化评价标准 · 「{}」改为「{}」",
                        before.label, row.label
                    ));
                }
            }
        }
    }
    for row in &ta.rows {
        if tb.row(&row.id).is_none() {
            out.push(format!("量化评价标准 · 删除「{}」", row.label));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules_file::{built_in, parse, BUILT_IN_JSON};
    use serde_json::Value;

    fn candidate(edit: impl FnOnce(&mut Value)) -> RuleSet {
        let mut v: Value = serde_json::from_str(BUILT_IN_JSON).unwrap();
        edit(&mut v);
        parse(&v.to_string()).unwrap_or_else(|p| panic!("{p:?}"))
    }

    #[test]
    fn the_same_rules_change_nothing() {
        assert_eq!(changes(built_in(), built_in()), Vec::<String>::new());
    }

    #[test]
    fn each_kind_of_change_is_named() {
        let new = candidate(|v| {
            let p = &mut v["plans"][0];
            p["application_end"] = "2022-10-25".into();
            p["mountain_counties"][0] =
                serde_json::json!({"city": "温州市", "county": "瑞安", "suffix": "市"});
            p["acceptance_points"][1]["phones"] = serde_json::json!(["0577-88990000"]);
            p["common_specialties"][0] = "电气工程".into();
            let c = &mut v["conditions"];
            c["social_insurance_months"] = 6.into();
            c["routes"][0]["years"] = 5.into();
            c["score_table"]["rows"][6]["ladder"][0] =
                serde_json::json!({"from": 1, "to": 7, "top": 15, "bottom": 3, "step": 2});
            c["score_table"]["basic"]["skill"]["technician"] = 3.5.into();
        });
        let found = changes(built_in(), &new);
        for expected in [
            "2022 年度 · 个人申报截止：2022-10-20 → 2022-10-25",
            "2022 年度 · 山区县：新增 瑞安",
            "2022 年度 · 山区县：删除 淳安",
            "2022 年度 · 温州市鹿城区人力资源和社会保障局（职称申报受理点） 电话：0577-88990782 → 0577-88990000",
            "2022 年度 · 常用专业：新增 电气工程",
            "2022 年度 · 常用专业：删除 电气",
            "在温社保月数：3 → 6",
            "第八条（一）「高中毕业，从事相关专业工作 6 年以上」年限：6 年 → 5 年",
            "量化评价标准 · 市厅级科学技术奖 三等奖：第1-7名 14→2（每名减 2 分） → 第1-7名 15→3（每名减 2 分）",
            "量化评价标准 · 技能等级：中级工 1、高级工 2、技师 3、高级技师 4 → 中级工 1、高级工 2、技师 3.5、高级技师 4",
        ] {
            assert!(found.iter().any(|f| f == expected), "{expected} not in {found:#?}");
        }
        assert_eq!(found.len(), 10, "{found:#?}");
    }

    #[test]
    fn added_and_removed_years_and_rows_are_named() {
        let new = candidate(|v| {
            let mut p = v["plans"][0].clone();
            p["year"] = 2026.into();
            p["code"] = "2026-00001".into();
            for (k, d) in [
                ("application_start", "2026-08-01"),
                ("application_end", "2026-10-20"),
                ("unit_deadline", "2026-11-02"),
                ("seniority_cutoff", "2026-12-31"),
                ("achievements_cutoff", "2026-07-31"),
            ] {
                p[k] = d.into();
            }
            p["evaluation_years"] = serde_json::json!([2025, 2024, 2023]);
            p["continuing_education_years"] = serde_json::json!([2026, 2025, 2024, 2023]);
            v["plans"] = serde_json::json!([p]);
            v["conditions"]["score_table"]["rows"]
                .as_array_mut()
                .unwrap()
                .remove(0);
        });
        let found = changes(built_in(), &new);
        assert!(found.contains(
            &"新增 2026 年度计划（编号 2026-00001，个人申报 2026-08-01 至 2026-10-20）".to_string()
        ));
        assert!(found.contains(&"删除了 2022 年度计划：该年度将按往年规律推算".to_string()));
        assert!(found.contains(&"量化评价标准 · 删除「国家级科学技术奖」".to_string()));
    }
}
