//! The checked reader: walks the JSON value, records every problem with its place (「plans[1].seniority_cutoff：…」), and reads numbers, dates, texts and lists.

use super::*;

pub(super) fn problem(place: &str, message: impl Into<String>) -> Problem {
    Problem {
        place: place.to_string(),
        message: message.into(),
    }
}

pub(super) fn syntax_problem(error: &crate::json_value::Error) -> Problem {
    let what = if error.is_eof() {
        "文件在这里意外结束：可能少了结尾的 } 或 ]，或文件没有传完整"
    } else {
        "这里不是有效的 JSON：常见原因是少了逗号或引号、最后一项后面多了逗号、用了中文引号或中文逗号"
    };
    problem(
        &format!("第 {} 行第 {} 列", error.line(), error.column()),
        what,
    )
}

#[derive(Default)]
pub(super) struct Reader {
    pub(super) problems: Vec<Problem>,
}

pub(super) fn join(place: &str, key: &str) -> String {
    if place.is_empty() {
        key.to_string()
    } else {
        format!("{place}.{key}")
    }
}

/// A JSON number as written for people (no float formatting code: `num` works in hundredths).
pub(super) fn number_text(n: &crate::json_value::Number) -> String {
    match n.as_i64() {
        Some(i) => i.to_string(),
        None => num(n.as_f64().unwrap_or(0.0)),
    }
}

/// How a JSON value looks, for messages.
pub(super) fn shown(v: &Value) -> String {
    match v {
        Value::Null => "空值 null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("数字 {}", number_text(n)),
        Value::String(s) => format!("「{}」", s.chars().take(40).collect::<String>()),
        Value::Array(_) => "列表 [ … ]".into(),
        Value::Object(_) => "一组字段 { … }".into(),
    }
}

impl Reader {
    pub(super) fn fail(&mut self, place: &str, message: impl Into<String>) {
        // One file can hold thousands of the same mistake; the first 200 are enough to fix it.
        if self.problems.len() < 200 {
            self.problems.push(problem(place, message));
        }
    }

    /// `v` as an object whose keys are all in `keys` (an unknown key is a typo until shown
    /// otherwise: the field it was meant to be would silently keep its old value).
    pub(super) fn object<'v>(
        &mut self,
        v: &'v Value,
        place: &str,
        keys: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(map) = v.as_object() else {
            self.fail(
                place,
                format!("应是用 {{ }} 括起的一组字段，现在是{}", shown(v)),
            );
            return None;
        };
        for key in map.keys() {
            if !keys.contains(&key.as_str()) {
                self.fail(
                    &join(place, key),
                    format!(
                        "本工具不认识这个字段（拼写是否有误？这里可以有的字段：{}）",
                        keys.join("、")
                    ),
                );
            }
        }
        Some(map)
    }

    pub(super) fn get<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        place: &str,
        key: &str,
    ) -> Option<&'v Value> {
        let v = map.get(key);
        if v.is_none() {
            self.fail(&join(place, key), "缺少这个字段");
        }
        v
    }

    pub(super) fn text(&mut self, map: &Map<String, Value>, place: &str, key: &str) -> String {
        match self.get(map, place, key) {
            Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
            Some(Value::String(_)) => {
                self.fail(&join(place, key), "不能是空的");
                String::new()
            }
            Some(other) => {
                self.fail(
                    &join(place, key),
                    format!("应是用英文双引号括起的文字，现在是{}", shown(other)),
                );
                String::new()
            }
            None => String::new(),
        }
    }

    pub(super) fn optional_text(
        &mut self,
        map: &Map<String, Value>,
        place: &str,
        key: &str,
    ) -> Option<String> {
        map.contains_key(key).then(|| self.text(map, place, key))
    }

    pub(super) fn number(
        &mut self,
        map: &Map<String, Value>,
        place: &str,
        key: &str,
        max: f64,
    ) -> f64 {
        let here = join(place, key);
        match self.get(map, place, key) {
            Some(Value::Number(n)) => {
                let x = n.as_f64().unwrap_or(f64::NAN);
                if (0.0..=max).contains(&x) {
                    x
                } else {
                    self.fail(
                        &here,
                        format!("{} 不在 0 到 {} 之间", number_text(n), num(max)),
                    );
                    0.0
                }
            }
            Some(other) => {
                self.fail(
                    &here,
                    format!("应是数字（不加引号，如 2 或 0.5），现在是{}", shown(other)),
                );
                0.0
            }
            None => 0.0,
        }
    }

    pub(super) fn whole(
        &mut self,
        map: &Map<String, Value>,
        place: &str,
        key: &str,
        min: i64,
        max: i64,
    ) -> i64 {
        let Some(v) = self.get(map, place, key) else {
            return min;
        };
        self.whole_value(v, &join(place, key), min, max)
    }

    pub(super) fn whole_value(&mut self, v: &Value, place: &str, min: i64, max: i64) -> i64 {
        match v.as_i64() {
            Some(n) if (min..=max).contains(&n) => n,
            Some(n) => {
                self.fail(place, format!("{n} 不在 {min} 到 {max} 之间"));
                min
            }
            None => {
                self.fail(
                    place,
                    format!("应是整数（不加引号，如 2022），现在是{}", shown(v)),
                );
                min
            }
        }
    }

    pub(super) fn flag(&mut self, map: &Map<String, Value>, place: &str, key: &str) -> bool {
        match map.get(key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.fail(
                    &join(place, key),
                    format!("应是 true 或 false（不加引号），现在是{}", shown(other)),
                );
                false
            }
        }
    }

    pub(super) fn date(&mut self, map: &Map<String, Value>, place: &str, key: &str) -> CivilDate {
        let fallback = CivilDate {
            year: 2000,
            month: 1,
            day: 1,
        };
        let here = join(place, key);
        match self.get(map, place, key) {
            Some(Value::String(s)) => {
                let well_formed = s.len() == 10
                    && s.bytes().enumerate().all(|(i, b)| {
                        if i == 4 || i == 7 {
                            b == b'-'
                        } else {
                            b.is_ascii_digit()
                        }
                    });
                match CivilDate::parse(s) {
                    Ok(date) if well_formed => date,
                    Ok(_) => {
                        self.fail(
                            &here,
                            format!("「{s}」请写成 2022-07-31 这样的年-月-日（月、日各两位）"),
                        );
                        fallback
                    }
                    Err(error) => {
                        self.fail(&here, format!("「{s}」不是日期：{}", error.message()));
                        fallback
                    }
                }
            }
            Some(other) => {
                self.fail(
                    &here,
                    format!(
                        "应是带引号的日期，如 \"2022-07-31\"，现在是{}",
                        shown(other)
                    ),
                );
                fallback
            }
            None => fallback,
        }
    }

    pub(super) fn list<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        place: &str,
        key: &str,
    ) -> &'v [Value] {
        match self.get(map, place, key) {
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.fail(
                    &join(place, key),
                    format!("应是用 [ ] 括起的列表，现在是{}", shown(other)),
                );
                &[]
            }
            None => &[],
        }
    }

    pub(super) fn texts(
        &mut self,
        map: &Map<String, Value>,
        place: &str,
        key: &str,
    ) -> Vec<String> {
        let here = join(place, key);
        let mut out = Vec::new();
        for (i, item) in self.list(map, place, key).iter().enumerate() {
            match item {
                Value::String(s) if !s.trim().is_empty() => out.push(s.clone()),
                other => self.fail(
                    &format!("{here}[{i}]"),
                    format!("应是不为空的文字，现在是{}", shown(other)),
                ),
            }
        }
        out
    }

    /// Several numeric fields of one object, in `keys` order; no other keys allowed.
    pub(super) fn numbers<const N: usize>(
        &mut self,
        v: &Value,
        place: &str,
        keys: [&str; N],
        max: f64,
    ) -> [f64; N] {
        let mut out = [0.0; N];
        self.numbers_into(v, place, &keys, max, &mut out);
        out
    }

    /// The work of [`Reader::numbers`], once for every `N` (a copy per `N` costs wasm bytes).
    #[inline(never)]
    pub(super) fn numbers_into(
        &mut self,
        v: &Value,
        place: &str,
        keys: &[&str],
        max: f64,
        out: &mut [f64],
    ) {
        if let Some(map) = self.object(v, place, keys) {
            for (slot, key) in out.iter_mut().zip(keys) {
                *slot = self.number(map, place, key, max);
            }
        }
    }

    /// `[对口, 不对口]` points.
    pub(super) fn pair(&mut self, map: &Map<String, Value>, place: &str, key: &str) -> [f64; 2] {
        let here = join(place, key);
        let items = self.list(map, place, key);
        let values: Vec<f64> = items.iter().filter_map(Value::as_f64).collect();
        if items.len() != 2
            || values.len() != 2
            || values.iter().any(|x| !(0.0..=100.0).contains(x))
        {
            if map.contains_key(key) {
                self.fail(&here, "应是两个分数 [对口, 不对口]，如 [5, 4]");
            }
            return [0.0; 2];
        }
        [values[0], values[1]]
    }
}
