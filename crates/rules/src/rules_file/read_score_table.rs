//! The score table: caps, 基本条件 points, categories and rows, each checked.

use super::*;

pub(super) fn read_score_table(r: &mut Reader, v: &Value, place: &str) -> ScoreTable {
    let empty = Map::new();
    let quiet_null = v.is_null();
    let m = if quiet_null {
        &empty
    } else {
        r.object(v, place, &["caps", "basic", "categories", "rows"])
            .unwrap_or(&empty)
    };
    let mut quiet = Reader::default();
    let r = if quiet_null { &mut quiet } else { r };
    let sub = |key: &str| m.get(key).cloned().unwrap_or(Value::Null);
    let need = |r: &mut Reader, key: &str| {
        if !m.contains_key(key) && !quiet_null {
            r.fail(&join(place, key), "缺少这个字段");
        }
    };
    need(r, "caps");
    let [basic, achievements, exceptional_threshold, mountain_per_year, mountain_max] = r.numbers(
        &sub("caps"),
        &join(place, "caps"),
        [
            "basic",
            "achievements",
            "exceptional_threshold",
            "mountain_per_year",
            "mountain_max",
        ],
        100.0,
    );
    need(r, "basic");
    let basic_place = join(place, "basic");
    let basic_value = sub("basic");
    let basic_keys = [
        "education",
        "skill",
        "foreign",
        "computer",
        "seniority",
        "tech_post",
        "evaluation",
        "income",
        "continuing_education",
    ];
    let b = r
        .object(&basic_value, &basic_place, &basic_keys)
        .cloned()
        .unwrap_or_default();
    let part = |r: &mut Reader, key: &str| {
        let v = b.get(key).cloned().unwrap_or(Value::Null);
        if v.is_null() && !quiet_null {
            r.fail(&join(&basic_place, key), "缺少这个字段");
        }
        (v, join(&basic_place, key))
    };
    let (edu, edu_place) = part(r, "education");
    let edu_map = r
        .object(
            &edu,
            &edu_place,
            &[
                "postgraduate",
                "bachelor",
                "college",
                "secondary",
                "degree_bonus",
            ],
        )
        .cloned()
        .unwrap_or_default();
    let education = EducationPoints {
        postgraduate: r.pair(&edu_map, &edu_place, "postgraduate"),
        bachelor: r.pair(&edu_map, &edu_place, "bachelor"),
        college: r.pair(&edu_map, &edu_place, "college"),
        secondary: r.pair(&edu_map, &edu_place, "secondary"),
        degree_bonus: if edu.is_object() {
            r.number(&edu_map, &edu_place, "degree_bonus", 100.0)
        } else {
            0.0
        },
    };
    let (v, p) = part(r, "skill");
    let [intermediate, advanced, technician, senior_technician] = r.numbers(
        &v,
        &p,
        [
            "intermediate",
            "advanced",
            "technician",
            "senior_technician",
        ],
        100.0,
    );
    let (v, p) = part(r, "foreign");
    let [cet6, cet4] = r.numbers(&v, &p, ["cet6", "cet4"], 100.0);
    let (v, p) = part(r, "computer");
    let [four_modules, three_modules] = r.numbers(&v, &p, ["four_modules", "three_modules"], 100.0);
    let (v, p) = part(r, "seniority");
    let [reached, per_extra_year, seniority_max] =
        r.numbers(&v, &p, ["reached", "per_extra_year", "max"], 100.0);
    let (v, p) = part(r, "tech_post");
    let [unit_large, unit_small, dept_large, dept_small] = r.numbers(
        &v,
        &p,
        ["unit_large", "unit_small", "dept_large", "dept_small"],
        100.0,
    );
    let (v, p) = part(r, "evaluation");
    let [per_excellent_year, evaluation_max] =
        r.numbers(&v, &p, ["per_excellent_year", "max"], 100.0);
    let income = if b.is_empty() {
        0.0
    } else {
        r.number(&b, &basic_place, "income", 100.0)
    };
    let (v, p) = part(r, "continuing_education");
    let [per_year, ce_max, margin, standard, standard_before, from_year] = r.numbers(
        &v,
        &p,
        [
            "per_year",
            "max",
            "margin",
            "standard",
            "standard_before",
            "standard_from_year",
        ],
        9999.0,
    );
    if v.is_object() && (from_year.fract() != 0.0 || !(2000.0..=2100.0).contains(&from_year)) {
        r.fail(
            &join(&p, "standard_from_year"),
            "应是 2000 到 2100 之间的年份",
        );
    }
    need(r, "categories");
    let mut categories: Vec<Category> = Vec::new();
    for (i, item) in r.list(m, place, "categories").iter().enumerate() {
        let here = format!("{place}.categories[{i}]");
        let Some(c) = r.object(
            item,
            &here,
            &["id", "name", "grouping", "subtotal_cap", "note"],
        ) else {
            continue;
        };
        let grouping = match c.get("grouping").and_then(Value::as_str) {
            Some("same_result") => Grouping::SameResult,
            Some("same_year") => Grouping::SameYear,
            Some("once") => Grouping::Once,
            _ => {
                r.fail(
                    &join(&here, "grouping"),
                    "应是 \"same_result\"（同一成果计一次）、\"same_year\"（同一年度计一次）或 \"once\"（只计一次）",
                );
                Grouping::SameResult
            }
        };
        let category = Category {
            id: r.text(c, &here, "id"),
            name: r.text(c, &here, "name"),
            grouping,
            subtotal_cap: c
                .contains_key("subtotal_cap")
                .then(|| r.number(c, &here, "subtotal_cap", 100.0)),
            note: r.text(c, &here, "note"),
        };
        if categories.iter().any(|x| x.id == category.id) {
            r.fail(&here, format!("类别「{}」写了两次", category.id));
        }
        categories.push(category);
    }
    if m.contains_key("categories") {
        for id in KNOWN_CATEGORIES {
            if !categories.iter().any(|c| c.id == id) {
                r.fail(&join(place, "categories"), format!("缺少类别「{id}」"));
            }
        }
    }
    need(r, "rows");
    let mut rows: Vec<Row> = Vec::new();
    for (i, item) in r.list(m, place, "rows").iter().enumerate() {
        let here = format!("{place}.rows[{i}]");
        if let Some(row) = read_row(r, item, &here, &categories) {
            if rows.iter().any(|x| x.id == row.id) {
                r.fail(&here, format!("计分行「{}」写了两次", row.id));
            }
            rows.push(row);
        }
    }
    ScoreTable {
        caps: Caps {
            basic,
            achievements,
            exceptional_threshold,
            mountain_per_year,
            mountain_max,
        },
        basic: BasicTable {
            education,
            skill: SkillPoints {
                intermediate,
                advanced,
                technician,
                senior_technician,
            },
            foreign: ForeignPoints { cet6, cet4 },
            computer: ComputerPoints {
                four_modules,
                three_modules,
            },
            seniority: SeniorityPoints {
                reached,
                per_extra_year,
                max: seniority_max,
            },
            tech_post: TechPostPoints {
                unit_large,
                unit_small,
                dept_large,
                dept_small,
            },
            evaluation: EvaluationPoints {
                per_excellent_year,
                max: evaluation_max,
            },
            income,
            continuing_education: CePoints {
                per_year,
                max: ce_max,
                margin,
                standard,
                standard_before,
                standard_from_year: from_year as i32,
            },
        },
        categories,
        rows,
        index: Default::default(),
    }
    .prepare()
}

pub(super) const ROW_KEYS: &[&str] = &[
    "id",
    "category",
    "label",
    "ladder",
    "points",
    "no_points",
    "inferred",
    "count_limit",
    "needs_stamp",
];

pub(super) fn read_row(
    r: &mut Reader,
    v: &Value,
    place: &str,
    categories: &[Category],
) -> Option<Row> {
    let o = r.object(v, place, ROW_KEYS)?;
    let id = r.text(o, place, "id");
    let named = if id.is_empty() {
        place.to_string()
    } else {
        format!("{place}（{id}）")
    };
    let category = r.text(o, &named, "category");
    if !category.is_empty() && !categories.iter().any(|c| c.id == category) {
        r.fail(
            &join(&named, "category"),
            format!("没有「{category}」这个类别（见 categories）"),
        );
    }
    let mut ladder: Vec<Segment> = Vec::new();
    if o.contains_key("ladder") {
        for (i, item) in r.list(o, &named, "ladder").iter().enumerate() {
            let here = format!("{named}.ladder[{i}]");
            let [from, to, top, bottom, step] =
                r.numbers(item, &here, ["from", "to", "top", "bottom", "step"], 100.0);
            let segment = Segment {
                from: from as u32,
                to: to as u32,
                top,
                bottom,
                step,
            };
            if from.fract() != 0.0 || to.fract() != 0.0 || from < 1.0 || to < from {
                r.fail(&here, "名次 from、to 应是整数，from 从 1 起且不大于 to");
            } else if (top - step * (to - from) - bottom).abs() > 1e-9 {
                r.fail(
                    &here,
                    format!(
                        "第{}-{}名从 {} 分起每名减 {} 分，第{}名应是 {} 分，但 bottom 写的是 {}：请改 step 或 bottom，让最后一名正好落在 bottom 上",
                        segment.from,
                        segment.to,
                        num(top),
                        num(step),
                        segment.to,
                        num(top - step * (to - from)),
                        num(bottom)
                    ),
                );
            } else if let Some(last) = ladder.last() {
                if segment.from != last.to + 1 {
                    r.fail(
                        &here,
                        format!(
                            "名次应接着上一段：上一段到第{}名，这一段应从第{}名起",
                            last.to,
                            last.to + 1
                        ),
                    );
                }
            }
            ladder.push(segment);
        }
        if ladder.is_empty() {
            r.fail(&join(&named, "ladder"), "名次段列表是空的");
        }
    }
    let points = o
        .contains_key("points")
        .then(|| r.number(o, &named, "points", 100.0));
    let no_points = r.optional_text(o, &named, "no_points");
    let kinds = [
        !ladder.is_empty() || o.contains_key("ladder"),
        points.is_some(),
        no_points.is_some(),
    ];
    if kinds.iter().filter(|k| **k).count() != 1 {
        r.fail(
            &named,
            "每个计分行只能有 ladder（按名次）、points（固定分）、no_points（不计分的说明）三者之一",
        );
    }
    let count_limit = o
        .get("count_limit")
        .map(|c| r.whole_value(c, &join(&named, "count_limit"), 1, 100) as usize);
    Some(Row {
        label: r.text(o, &named, "label"),
        inferred: r.flag(o, &named, "inferred"),
        needs_stamp: r.flag(o, &named, "needs_stamp"),
        id,
        category,
        ladder,
        points,
        no_points,
        count_limit,
        ..Row::default()
    })
}
