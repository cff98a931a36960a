//! The file as a whole and its plans: dates, cut-offs, 受理点, 山区县, common specialties, each checked.

use super::*;

pub(super) const TOP_KEYS: &[&str] = &["schema", "about", "plans", "conditions"];

pub(super) fn read_rules(r: &mut Reader, v: &Value) -> RuleSet {
    let empty = Map::new();
    let map = r.object(v, "", TOP_KEYS).unwrap_or(&empty);
    if !map.is_empty() || v.is_object() {
        match map.get("schema") {
            Some(s) if s.as_u64() == Some(SCHEMA) => {}
            Some(s) => r.fail(
                "schema",
                format!("本工具只读得懂第 {SCHEMA} 版的规则文件（schema 应为 {SCHEMA}），这个文件写的是{}", shown(s)),
            ),
            None => r.fail("schema", format!("缺少这个字段（应为 {SCHEMA}）")),
        }
    }
    let about = match map.get("about") {
        Some(Value::String(s)) => s.clone(),
        Some(other) => {
            r.fail("about", format!("应是文字，现在是{}", shown(other)));
            String::new()
        }
        None => String::new(),
    };
    let mut plans: Vec<Plan> = Vec::new();
    let items = if map.is_empty() && !v.is_object() {
        &[][..]
    } else {
        r.list(map, "", "plans")
    };
    for (i, item) in items.iter().enumerate() {
        let place = format!("plans[{i}]");
        if let Some(plan) = read_plan(r, item, &place) {
            if plans.iter().any(|p| p.year == plan.year) {
                r.fail(&place, format!("{} 年度的计划写了两次", plan.year));
            }
            plans.push(plan);
        }
    }
    if map.contains_key("plans") && plans.is_empty() && r.problems.is_empty() {
        r.fail("plans", "至少要有一个年度的计划");
    }
    crate::small_sort::sort_by_key(&mut plans, |p| p.year);
    let conditions = match map.get("conditions") {
        Some(c) => read_conditions(r, c, "conditions"),
        None => {
            if v.is_object() {
                r.fail("conditions", "缺少这个字段");
            }
            read_conditions(&mut Reader::default(), &Value::Null, "conditions")
        }
    };
    RuleSet {
        schema: SCHEMA,
        about,
        plans,
        conditions,
    }
}

pub(super) const PLAN_KEYS: &[&str] = &[
    "year",
    "code",
    "name",
    "committee",
    "notice",
    "conditions",
    "application_start",
    "application_end",
    "unit_deadline",
    "seniority_cutoff",
    "achievements_cutoff",
    "evaluation_years",
    "continuing_education_years",
    "acceptance_points",
    "mountain_counties",
    "wenzhou_mountain_counties",
    "common_specialties",
];

pub(super) fn read_plan(r: &mut Reader, v: &Value, place: &str) -> Option<Plan> {
    let m = r.object(v, place, PLAN_KEYS)?;
    let year = r.whole(m, place, "year", 2000, 2100) as i32;
    let years = |r: &mut Reader, key: &str| -> Vec<i32> {
        let here = join(place, key);
        r.list(m, place, key)
            .iter()
            .enumerate()
            .map(|(i, y)| r.whole_value(y, &format!("{here}[{i}]"), 2000, 2100) as i32)
            .collect()
    };
    let evaluation_years = years(r, "evaluation_years");
    let continuing_education_years = years(r, "continuing_education_years");
    let mut acceptance_points: Vec<AcceptancePoint> = Vec::new();
    for (i, item) in r.list(m, place, "acceptance_points").iter().enumerate() {
        let here = format!("{place}.acceptance_points[{i}]");
        let Some(p) = r.object(item, &here, &["name", "organizer", "phones"]) else {
            continue;
        };
        let point = AcceptancePoint {
            name: r.text(p, &here, "name"),
            organizer: r.text(p, &here, "organizer"),
            phones: r.texts(p, &here, "phones"),
        };
        if p.contains_key("phones") && point.phones.is_empty() {
            r.fail(&join(&here, "phones"), "至少写一个电话");
        }
        for phone in &point.phones {
            let digits = phone.bytes().filter(u8::is_ascii_digit).count();
            if !phone.bytes().all(|b| b.is_ascii_digit() || b == b'-')
                || !(7..=16).contains(&digits)
            {
                r.fail(
                    &join(&here, "phones"),
                    format!("「{phone}」不像电话号码（只用数字和 -，如 0577-88879705）"),
                );
            }
        }
        if acceptance_points.iter().any(|a| a.name == point.name) && !point.name.is_empty() {
            r.fail(&here, format!("受理点列表有重复：{}", point.name));
        }
        acceptance_points.push(point);
    }
    let mut mountain_counties: Vec<MountainCounty> = Vec::new();
    for (i, item) in r.list(m, place, "mountain_counties").iter().enumerate() {
        let here = format!("{place}.mountain_counties[{i}]");
        let Some(c) = r.object(item, &here, &["city", "county", "suffix"]) else {
            continue;
        };
        let county = MountainCounty {
            city: r.text(c, &here, "city"),
            county: r.text(c, &here, "county"),
            suffix: r.text(c, &here, "suffix"),
        };
        if !["县", "区", "市", "自治县", "畲族自治县"].contains(&county.suffix.as_str())
            && !county.suffix.is_empty()
        {
            r.fail(
                &join(&here, "suffix"),
                format!(
                    "「{}」应是这个县自己的后缀：县、区、市或畲族自治县",
                    county.suffix
                ),
            );
        }
        if county.county.chars().count() > 1
            && ["县", "区", "市"]
                .iter()
                .any(|s| county.county.ends_with(s))
        {
            r.fail(
                &join(&here, "county"),
                format!(
                    "「{}」请写不带「县」「区」「市」的简称，如「文成」",
                    county.county
                ),
            );
        }
        if !county.county.is_empty() && mountain_counties.iter().any(|c| c.county == county.county)
        {
            r.fail(
                &format!("{place}.mountain_counties"),
                format!("山区县列表有重复：{}", county.county),
            );
        }
        mountain_counties.push(county);
    }
    let wenzhou_mountain_counties = r.texts(m, place, "wenzhou_mountain_counties");
    for county in &wenzhou_mountain_counties {
        if !mountain_counties.iter().any(|c| &c.county == county) {
            r.fail(
                &format!("{place}.wenzhou_mountain_counties"),
                format!("「{county}」不在本年度的山区县列表（mountain_counties）里"),
            );
        }
    }
    let common_specialties = r.texts(m, place, "common_specialties");
    for (i, name) in common_specialties.iter().enumerate() {
        if name.chars().count() > 12 {
            r.fail(
                &format!("{place}.common_specialties[{i}]"),
                format!("「{name}」太长：专业名称最多 8 个字左右"),
            );
        }
        if common_specialties[..i].contains(name) {
            r.fail(
                &format!("{place}.common_specialties"),
                format!("常用专业列表有重复：{name}"),
            );
        }
    }
    let plan = Plan {
        year,
        code: r.text(m, place, "code"),
        name: r.text(m, place, "name"),
        committee: r.text(m, place, "committee"),
        notice: r.text(m, place, "notice"),
        conditions: r.text(m, place, "conditions"),
        application_start: r.date(m, place, "application_start"),
        application_end: r.date(m, place, "application_end"),
        unit_deadline: r.date(m, place, "unit_deadline"),
        seniority_cutoff: r.date(m, place, "seniority_cutoff"),
        achievements_cutoff: r.date(m, place, "achievements_cutoff"),
        evaluation_years,
        continuing_education_years,
        derived: false,
        lists_from: year,
        acceptance_points,
        mountain_counties,
        wenzhou_mountain_counties,
        common_specialties,
    };
    check_plan(r, &plan, m, place);
    Some(plan)
}

/// The plan's dates and years agree with each other (checked only when each was readable).
pub(super) fn check_plan(r: &mut Reader, p: &Plan, m: &Map<String, Value>, place: &str) {
    let dates_read = r.problems.iter().all(|x| !x.place.starts_with(place));
    if !dates_read {
        return;
    }
    let order = [
        (
            "application_start",
            p.application_start,
            "application_end",
            p.application_end,
            "申报开始日应早于申报截止日",
        ),
        (
            "application_end",
            p.application_end,
            "unit_deadline",
            p.unit_deadline,
            "申报截止日应早于单位推荐截止日",
        ),
    ];
    for (a, da, b, db, what) in order {
        if da >= db {
            r.fail(&join(place, b), format!("{what}（{a} {da}，{b} {db}）"));
        }
    }
    if p.achievements_cutoff > p.seniority_cutoff {
        r.fail(
            &join(place, "achievements_cutoff"),
            format!(
                "业绩截止日 {} 晚于资历截止日 {}：业绩截止日应不晚于资历截止日",
                p.achievements_cutoff, p.seniority_cutoff
            ),
        );
    }
    for (key, date) in [
        ("application_start", p.application_start),
        ("seniority_cutoff", p.seniority_cutoff),
    ] {
        if (date.year - p.year).abs() > 1 {
            r.fail(
                &join(place, key),
                format!("{date} 与计划年度 {} 相差太远，请检查年份", p.year),
            );
        }
    }
    if m.contains_key("evaluation_years") {
        let years = &p.evaluation_years;
        let distinct = (0..years.len()).all(|i| !years[..i].contains(&years[i]));
        if years.len() != 3 || !distinct || years.iter().any(|y| *y >= p.year || *y < p.year - 5) {
            r.fail(
                &join(place, "evaluation_years"),
                format!(
                    "应是计划年度之前的三个不同年份，如 [{}, {}, {}]",
                    p.year - 1,
                    p.year - 2,
                    p.year - 3
                ),
            );
        }
        if m.contains_key("continuing_education_years")
            && (p.continuing_education_years.is_empty()
                || p.continuing_education_years
                    .iter()
                    .any(|y| *y > p.year || *y < p.year - 6))
        {
            r.fail(
                &join(place, "continuing_education_years"),
                format!(
                    "应是计划年度及之前几年，如 [{}, {}, {}, {}]",
                    p.year,
                    p.year - 1,
                    p.year - 2,
                    p.year - 3
                ),
            );
        }
    }
    if m.contains_key("acceptance_points") && p.acceptance_points.is_empty() {
        r.fail(&join(place, "acceptance_points"), "至少要有一个受理点");
    }
}
