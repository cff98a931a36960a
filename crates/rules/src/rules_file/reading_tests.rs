use super::*;
use crate::applicant::Applicant;
use proptest::prelude::*;
use serde_json::Value;

fn built_in_value() -> Value {
    serde_json::from_str(BUILT_IN_JSON).expect("the built-in file is JSON")
}

/// Numbers as f64, so `20` and `20.0` compare equal (the file writes whole numbers without `.0`).
fn normalized(v: &Value) -> Value {
    match v {
        Value::Number(n) => serde_json::json!(n.as_f64().unwrap()),
        Value::Array(items) => Value::Array(items.iter().map(normalized).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), normalized(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

#[test]
fn the_built_in_copy_is_the_edited_file_without_its_whitespace() {
    let edited = include_str!("../wenzhou-jidian.json");
    let as_edited: Value = serde_json::from_str(edited).unwrap();
    assert_eq!(built_in_value(), as_edited);
    assert!(
        BUILT_IN_JSON.len() < edited.len() * 9 / 10,
        "whitespace is gone"
    );
    assert!(!BUILT_IN_JSON.contains("\n  "));
}

#[test]
fn the_built_in_file_is_valid() {
    let rules = parse(BUILT_IN_JSON).unwrap_or_else(|p| panic!("{:?}", p));
    assert_eq!(rules.plans.len(), 1);
    assert_eq!(rules.plans[0].year, 2022);
    assert_eq!(rules.conditions.routes.len(), ROUTE_IDS.len());
    assert_eq!(rules.conditions.social_insurance_months, 3);
    assert_eq!(rules.conditions.continuing_education.professional, 60.0);
    assert_eq!(*built_in(), rules);
}

#[test]
fn the_schema_round_trips_the_built_in_data_exactly() {
    let rules = parse(BUILT_IN_JSON).unwrap();
    let written = serde_json::to_value(&rules).unwrap();
    assert_eq!(normalized(&written), normalized(&built_in_value()));
    // And what is written reads back to the same rules.
    let again = parse(&serde_json::to_string_pretty(&written).unwrap()).unwrap();
    assert_eq!(again, rules);
}

#[test]
fn every_route_the_program_evaluates_has_its_text_and_years() {
    let verdicts = crate::routes::check_routes(&Applicant::default(), latest_plan(), None);
    let ids: Vec<&str> = verdicts.iter().map(|v| v.verdict.id.as_str()).collect();
    assert_eq!(ids, ROUTE_IDS);
    for v in &verdicts {
        assert!(!v.verdict.title.is_empty(), "{}", v.verdict.id);
        assert!(v.verdict.cite.starts_with('第'), "{}", v.verdict.id);
    }
    let c = &active().conditions;
    assert_eq!(c.route_years("8.1.a"), 6);
    assert_eq!(c.route_years("10.1.b"), 4);
    assert_eq!(c.route_years("9.3"), 0);
}

#[test]
fn todays_round_is_the_next_one_an_applicant_can_apply_in() {
    let rules = built_in();
    let d = |s: &str| CivilDate::parse(s).unwrap();
    for (today, round) in [
        ("2022-01-01", 2022),
        ("2022-10-20", 2022),
        ("2022-10-21", 2023),
        ("2026-01-15", 2026),
        ("2026-12-01", 2027),
        ("2026-12-06", 2027),
    ] {
        assert_eq!(round_for(d(today), rules), round, "{today}");
    }
}

/// The built-in file with one change at a path (`a.b[2].c`); `None` removes the key.
fn edited(path: &str, new: Option<Value>) -> String {
    let mut root = built_in_value();
    let mut parts: Vec<&str> = path.split('.').collect();
    let last = parts.pop().unwrap();
    let mut here = &mut root;
    for part in parts {
        here = step(here, part);
    }
    match (last.find('['), new) {
        (Some(_), Some(v)) => *step(here, last) = v,
        (None, Some(v)) => {
            here.as_object_mut().unwrap().insert(last.to_string(), v);
        }
        (None, None) => {
            here.as_object_mut().unwrap().remove(last);
        }
        (Some(_), None) => panic!("cannot remove an array item"),
    }
    serde_json::to_string(&root).unwrap()
}

fn step<'v>(v: &'v mut Value, part: &str) -> &'v mut Value {
    match part.split_once('[') {
        Some((key, index)) => {
            let i: usize = index.trim_end_matches(']').parse().unwrap();
            &mut v[key][i]
        }
        None => &mut v[part],
    }
}

fn problems_of(text: &str) -> Vec<String> {
    match parse(text) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(Problem::text).collect(),
    }
}

fn assert_problem(text: &str, expected: &str) {
    let found = problems_of(text);
    assert!(
        found.iter().any(|p| p.contains(expected)),
        "expected 「{expected}」 among {found:#?}"
    );
}

fn j(text: &str) -> Option<Value> {
    Some(serde_json::from_str(text).unwrap())
}

#[test]
fn every_validation_message_names_its_place() {
    let cases: Vec<(String, &str)> = vec![
        // Syntax and shape.
        (String::new(), "文件是空的"),
        ("{\"schema\": 1,".into(), "第 1 行第 13 列：文件在这里意外结束"),
        ("{\"schema\": 1,}".into(), "第 1 行第 14 列：这里不是有效的 JSON"),
        ("[1, 2]".into(), "应是用 { } 括起的一组字段，现在是列表"),
        (edited("schema", j("2")), "schema：本工具只读得懂第 1 版的规则文件"),
        (edited("schema", None), "schema：缺少这个字段（应为 1）"),
        (edited("about", j("3")), "about：应是文字"),
        (edited("plan", j("{}")), "plan：本工具不认识这个字段"),
        (edited("plans", j("{}")), "plans：应是用 [ ] 括起的列表"),
        (edited("plans", j("[]")), "plans：至少要有一个年度的计划"),
        (edited("conditions", None), "conditions：缺少这个字段"),
        (edited("plans[0]", j("\"2022\"")), "plans[0]：应是用 { } 括起的一组字段"),
        // Plan fields.
        (edited("plans[0].seniority_cutoff", j("\"2022-13-01\"")), "plans[0].seniority_cutoff：「2022-13-01」不是日期"),
        (edited("plans[0].seniority_cutoff", j("\"2022/12/31\"")), "plans[0].seniority_cutoff：「2022/12/31」请写成 2022-07-31"),
        (edited("plans[0].seniority_cutoff", j("20221231")), "plans[0].seniority_cutoff：应是带引号的日期"),
        (edited("plans[0].seniority_cutoff", None), "plans[0].seniority_cutoff：缺少这个字段"),
        (edited("plans[0].year", j("\"2022\"")), "plans[0].year：应是整数"),
        (edited("plans[0].year", j("1999")), "plans[0].year：1999 不在 2000 到 2100 之间"),
        (edited("plans[0].code", j("\"\"")), "plans[0].code：不能是空的"),
        (edited("plans[0].name", j("7")), "plans[0].name：应是用英文双引号括起的文字"),
        (edited("plans[0].application_end", j("\"2022-07-01\"")), "plans[0].application_end：申报开始日应早于申报截止日"),
        (edited("plans[0].unit_deadline", j("\"2022-10-01\"")), "plans[0].unit_deadline：申报截止日应早于单位推荐截止日"),
        (edited("plans[0].achievements_cutoff", j("\"2023-01-31\"")), "plans[0].achievements_cutoff：业绩截止日 2023-01-31 晚于资历截止日"),
        (edited("plans[0].seniority_cutoff", j("\"2032-12-31\"")), "plans[0].seniority_cutoff：2032-12-31 与计划年度 2022 相差太远"),
        (edited("plans[0].evaluation_years", j("[2021, 2021, 2019]")), "plans[0].evaluation_years：应是计划年度之前的三个不同年份"),
        (edited("plans[0].evaluation_years[0]", j("\"2021\"")), "plans[0].evaluation_years[0]：应是整数"),
        (edited("plans[0].continuing_education_years", j("[2023]")), "plans[0].continuing_education_years：应是计划年度及之前几年"),
        (edited("plans[0].acceptance_points", j("[]")), "plans[0].acceptance_points：至少要有一个受理点"),
        (edited("plans[0].acceptance_points[1].phones", j("[]")), "plans[0].acceptance_points[1].phones：至少写一个电话"),
        (edited("plans[0].acceptance_points[1].phones", j("[\"0577-8899 0782\"]")), "plans[0].acceptance_points[1].phones：「0577-8899 0782」不像电话号码"),
        (edited("plans[0].acceptance_points[1].phones[0]", j("\"\"")), "plans[0].acceptance_points[1].phones[0]：应是不为空的文字"),
        (edited("plans[0].acceptance_points[2].name", j("\"温州市鹿城区人力资源和社会保障局（职称申报受理点）\"")), "plans[0].acceptance_points[2]：受理点列表有重复"),
        (edited("plans[0].acceptance_points[1].phone", j("[]")), "plans[0].acceptance_points[1].phone：本工具不认识这个字段"),
        (edited("plans[0].mountain_counties[5].county", j("\"文成\"")), "plans[0].mountain_counties：山区县列表有重复：文成"),
        (edited("plans[0].mountain_counties[4].county", j("\"文成县\"")), "plans[0].mountain_counties[4].county：「文成县」请写不带「县」「区」「市」的简称"),
        (edited("plans[0].mountain_counties[4].city", None), "plans[0].mountain_counties[4].city：缺少这个字段"),
        (edited("plans[0].mountain_counties[4].suffix", j("\"镇\"")), "plans[0].mountain_counties[4].suffix：「镇」应是这个县自己的后缀"),
        (edited("plans[0].wenzhou_mountain_counties", j("[\"瑞安\"]")), "plans[0].wenzhou_mountain_counties：「瑞安」不在本年度的山区县列表"),
        (edited("plans[0].common_specialties", j("[\"机电\", \"机电\"]")), "plans[0].common_specialties：常用专业列表有重复：机电"),
        (edited("plans[0].common_specialties", j("[\"机械设计制造及其自动化工程管理\"]")), "plans[0].common_specialties[0]：「机械设计制造及其自动化工程管理」太长"),
        // Conditions.
        (edited("conditions.document", j("\"\"")), "conditions.document：不能是空的"),
        (edited("conditions.continuing_education", None), "conditions.continuing_education：缺少这个字段"),
        (edited("conditions.continuing_education", j("{\"professional\": 80, \"public\": 18}")), "conditions.continuing_education：专业科目 80 和公需科目 18 学时之和超过了每年总学时 90"),
        (edited("conditions.continuing_education", j("{\"professional\": -1, \"public\": 18}")), "conditions.continuing_education.professional：-1 不在 0 到 1000 之间"),
        (edited("conditions.continuing_education", j("{\"professional\": \"60\", \"public\": 18}")), "conditions.continuing_education.professional：应是数字"),
        (edited("conditions.social_insurance_months", j("3.5")), "conditions.social_insurance_months：应是整数"),
        (edited("conditions.routes[0].id", j("\"8.9\"")), "conditions.routes[0].id：本工具没有「8.9」这条途径"),
        (edited("conditions.routes[0].id", j("\"8.1.b\"")), "conditions.routes[1]：途径「8.1.b」写了两次"),
        (edited("conditions.routes[0].id", j("\"8.1.b\"")), "conditions.routes：缺少途径「8.1.a」"),
        (edited("conditions.routes[0].years", None), "conditions.routes[0].years：缺少这个字段"),
        (edited("conditions.routes[0].years", j("31")), "conditions.routes[0].years：31 不在 0 到 30 之间"),
        (edited("conditions.score_table", None), "conditions.score_table：缺少这个字段"),
        (edited("conditions.score_table.caps.basic", j("120")), "conditions.score_table.caps.basic：120 不在 0 到 100 之间"),
        (edited("conditions.score_table.caps.basics", j("20")), "conditions.score_table.caps.basics：本工具不认识这个字段"),
        (edited("conditions.score_table.basic.education.bachelor", j("[4]")), "conditions.score_table.basic.education.bachelor：应是两个分数"),
        (edited("conditions.score_table.basic.skill", None), "conditions.score_table.basic.skill：缺少这个字段"),
        (edited("conditions.score_table.basic.continuing_education.standard_from_year", j("17")), "conditions.score_table.basic.continuing_education.standard_from_year：应是 2000 到 2100 之间的年份"),
        (edited("conditions.score_table.categories[0].grouping", j("\"same\"")), "conditions.score_table.categories[0].grouping：应是 \"same_result\""),
        (edited("conditions.score_table.categories[1].id", j("\"award\"")), "conditions.score_table.categories[1]：类别「award」写了两次"),
        (edited("conditions.score_table.categories[1].id", j("\"award\"")), "conditions.score_table.categories：缺少类别「research」"),
        (edited("conditions.score_table.rows[4].category", j("\"prize\"")), "conditions.score_table.rows[4]（award.city.first）.category：没有「prize」这个类别"),
        (edited("conditions.score_table.rows[5].id", j("\"award.city.first\"")), "conditions.score_table.rows[5]：计分行「award.city.first」写了两次"),
        (edited("conditions.score_table.rows[6].ladder[0].bottom", j("3")), "conditions.score_table.rows[6]（award.city.third）.ladder[0]：第1-7名从 14 分起每名减 2 分，第7名应是 2 分，但 bottom 写的是 3"),
        (edited("conditions.score_table.rows[6].ladder[0].from", j("0")), "conditions.score_table.rows[6]（award.city.third）.ladder[0]：名次 from、to 应是整数"),
        (edited("conditions.score_table.rows[6].ladder", j("[]")), "conditions.score_table.rows[6]（award.city.third）.ladder：名次段列表是空的"),
        (edited("conditions.score_table.rows[17].ladder[1]", j(r#"{"from": 5, "to": 8, "top": 5.5, "bottom": 1, "step": 1.5}"#)), "conditions.score_table.rows[17]（patent.invention）.ladder[1]：名次应接着上一段"),
        (edited("conditions.score_table.rows[6].points", j("3")), "conditions.score_table.rows[6]（award.city.third）：每个计分行只能有 ladder"),
        (edited("conditions.score_table.rows[6].inferred", j("\"yes\"")), "conditions.score_table.rows[6]（award.city.third）.inferred：应是 true 或 false"),
        (edited("conditions.score_table.rows[16].count_limit", j("0")), "conditions.score_table.rows[16]（paper.unpublished）.count_limit：0 不在 1 到 100 之间"),
    ];
    for (text, expected) in &cases {
        assert_problem(text, expected);
    }
    let mut twice = built_in_value();
    let plan = twice["plans"][0].clone();
    twice["plans"].as_array_mut().unwrap().push(plan);
    assert_problem(&twice.to_string(), "plans[1]：2022 年度的计划写了两次");
}

#[test]
fn a_deep_mistake_does_not_hide_the_others() {
    let mut v = built_in_value();
    v["plans"][0]["seniority_cutoff"] = j("\"2022-02-30\"").unwrap();
    v["plans"][0]["mountain_counties"][0]["county"] = j("\"文成\"").unwrap();
    v["conditions"]["routes"][0]["years"] = j("\"6\"").unwrap();
    let found = problems_of(&v.to_string());
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found.iter().any(|p| p.contains("2022 年 2 月没有 30 日")));
}

#[test]
fn an_edited_file_changes_what_it_says() {
    let mut v = built_in_value();
    let mut plan = v["plans"][0].clone();
    plan["year"] = j("2026").unwrap();
    plan["code"] = j("\"2026-00001\"").unwrap();
    for (key, date) in [
        ("application_start", "2026-07-01"),
        ("application_end", "2026-09-30"),
        ("unit_deadline", "2026-10-15"),
        ("seniority_cutoff", "2026-12-31"),
        ("achievements_cutoff", "2026-06-30"),
    ] {
        plan[key] = Value::String(date.into());
    }
    plan["evaluation_years"] = j("[2025, 2024, 2023]").unwrap();
    plan["continuing_education_years"] = j("[2026, 2025, 2024, 2023]").unwrap();
    v["plans"].as_array_mut().unwrap().push(plan);
    v["conditions"]["routes"][0]["years"] = j("5").unwrap();
    let rules = parse(&v.to_string()).unwrap();
    assert_eq!(rules.plans.len(), 2);
    assert_eq!(rules.plans[1].year, 2026);
    assert_eq!(rules.conditions.route_years("8.1.a"), 5);
    let d = |s: &str| CivilDate::parse(s).unwrap();
    assert_eq!(round_for(d("2026-09-30"), &rules), 2026);
    assert_eq!(round_for(d("2026-10-01"), &rules), 2027);
    let derived = crate::plan::plan_in(&rules.plans, 2027);
    assert!(derived.derived);
    assert_eq!(derived.lists_from, 2026);
    assert_eq!(derived.application_end, d("2027-09-30"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_text_gets_an_answer_and_never_a_panic(text in ".{0,200}") {
        let _ = parse(&text);
    }

    #[test]
    fn any_json_gets_an_answer_and_never_a_panic(v in json_value()) {
        let _ = parse(&v.to_string());
    }

    /// A single field of the built-in file replaced by any JSON value: a clear answer, never a
    /// panic, and a problem that names the field's place unless the value happens to be valid.
    #[test]
    fn any_field_replaced_by_anything_is_answered(index in 0usize..400, v in json_value()) {
        let mut paths = Vec::new();
        collect_paths(&built_in_value(), "", &mut paths);
        let path = &paths[index % paths.len()];
        let mut root = built_in_value();
        *root.pointer_mut(path).unwrap() = v;
        let _ = parse(&root.to_string());
    }
}

fn collect_paths(v: &Value, at: &str, out: &mut Vec<String>) {
    out.push(at.to_string());
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                collect_paths(x, &format!("{at}/{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                collect_paths(x, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        any::<f64>().prop_map(|x| serde_json::json!(x)),
        "[a-z0-9\\-年]{0,12}".prop_map(Value::String),
        Just(Value::String("2022-07-31".into())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("schema".to_string()),
                    Just("plans".to_string()),
                    Just("conditions".to_string()),
                    Just("year".to_string()),
                    Just("score_table".to_string()),
                    "[a-z_]{1,8}"
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

#[test]
fn the_rounds_offered_are_published_ones_and_derived_ones_up_to_today() {
    // Native tests run with no installed file: today's round is the latest published, 2022.
    let years: Vec<i32> = offered_rounds(0).iter().map(|p| p.year).collect();
    assert_eq!(years, [2022]);
    let years: Vec<i32> = offered_rounds(2024).iter().map(|p| p.year).collect();
    assert_eq!(years, [2024, 2022]);
    assert!(offered_rounds(2024)[0].derived);
    assert_eq!(newer_round_note(2022), None);
    assert_eq!(newer_round_note(0), None);
    let (year, text) = newer_round_note(2020).unwrap();
    assert_eq!(year, 2022);
    assert!(text.starts_with("这份草稿按 2020 年度计划填写。现在申报的是 2022 年度（计划已发布）"));
}
