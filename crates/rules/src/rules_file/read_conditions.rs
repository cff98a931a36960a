//! The conditions: continuing-education hours, social-insurance months, route years and texts.

use super::*;

pub(super) const CONDITION_KEYS: &[&str] = &[
    "document",
    "continuing_education",
    "social_insurance_months",
    "routes",
    "score_table",
];

pub(super) fn read_conditions(r: &mut Reader, v: &Value, place: &str) -> Conditions {
    let empty = Map::new();
    let m = if v.is_null() {
        &empty
    } else {
        r.object(v, place, CONDITION_KEYS).unwrap_or(&empty)
    };
    let present = v.is_object();
    let mut quiet = Reader::default();
    let r = if present { r } else { &mut quiet };
    let ce_value = m
        .get("continuing_education")
        .cloned()
        .unwrap_or(Value::Null);
    let [professional, public] = if present && ce_value.is_null() {
        r.fail(&join(place, "continuing_education"), "缺少这个字段");
        [0.0; 2]
    } else {
        r.numbers(
            &ce_value,
            &join(place, "continuing_education"),
            ["professional", "public"],
            1000.0,
        )
    };
    let mut routes: Vec<RouteText> = Vec::new();
    for (i, item) in r.list(m, place, "routes").iter().enumerate() {
        let here = format!("{place}.routes[{i}]");
        let Some(o) = r.object(item, &here, &["id", "cite", "title", "years"]) else {
            continue;
        };
        let id = r.text(o, &here, "id");
        let years = o
            .get("years")
            .map(|y| r.whole_value(y, &join(&here, "years"), 0, 30) as u32);
        if !id.is_empty() && !ROUTE_IDS.contains(&id.as_str()) {
            r.fail(
                &join(&here, "id"),
                format!(
                    "本工具没有「{id}」这条途径（可以有的：{}）",
                    ROUTE_IDS.join("、")
                ),
            );
        }
        if years.is_none()
            && !ROUTES_WITHOUT_YEARS.contains(&id.as_str())
            && ROUTE_IDS.contains(&id.as_str())
        {
            r.fail(&join(&here, "years"), "缺少这个字段（这条途径要求的年限）");
        }
        if routes.iter().any(|x| x.id == id) {
            r.fail(&here, format!("途径「{id}」写了两次"));
        }
        routes.push(RouteText {
            cite: r.text(o, &here, "cite"),
            title: r.text(o, &here, "title"),
            id,
            years,
        });
    }
    if m.contains_key("routes") {
        for id in ROUTE_IDS {
            if !routes.iter().any(|x| x.id == id) {
                r.fail(&join(place, "routes"), format!("缺少途径「{id}」"));
            }
        }
    }
    let score_value = m.get("score_table").cloned().unwrap_or(Value::Null);
    if present && score_value.is_null() {
        r.fail(&join(place, "score_table"), "缺少这个字段");
    }
    let score_table = read_score_table(r, &score_value, &join(place, "score_table"));
    let total = score_table.basic.continuing_education.standard;
    if present && professional + public > total {
        r.fail(
            &join(place, "continuing_education"),
            format!(
                "专业科目 {} 和公需科目 {} 学时之和超过了每年总学时 {}（score_table.basic.continuing_education.standard）",
                num(professional),
                num(public),
                num(total)
            ),
        );
    }
    Conditions {
        document: if present {
            r.text(m, place, "document")
        } else {
            String::new()
        },
        continuing_education: CeHours {
            professional,
            public,
        },
        social_insurance_months: if present {
            r.whole(m, place, "social_insurance_months", 0, 60) as u32
        } else {
            0
        },
        routes,
        score_table,
    }
}
