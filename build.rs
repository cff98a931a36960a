//! Turns the embedded rule data (`src/rules/plans.json`, `src/rules/score_table.json`) into Rust
//! constructors at build time, so the browser bundle carries no JSON parser instantiations for
//! them. The JSON stays the source of truth; `score_table`/`plan` tests check that the generated
//! values equal what serde parses from the same files.

use serde_json::Value;
use std::fmt::Write as _;
use std::{env, fs, path::Path};

/// What Rust type a JSON key holds. Keys are unique enough across both files to drive the
/// emitter; an unknown key fails the build, so a new field cannot be silently dropped.
fn kind_of(key: &str) -> &'static str {
    match key {
        // score_table.json
        "caps" => "struct Caps",
        "basic" => "struct BasicTable",
        "education" => "struct EducationPoints",
        "skill" => "struct SkillPoints",
        "foreign" => "struct ForeignPoints",
        "computer" => "struct ComputerPoints",
        "seniority" => "struct SeniorityPoints",
        "tech_post" => "struct TechPostPoints",
        "evaluation" => "struct EvaluationPoints",
        "continuing_education" => "struct CePoints",
        "categories" => "vec Category",
        "rows" => "vec Row",
        "ladder" => "vec Segment",
        "grouping" => "grouping",
        "postgraduate" | "bachelor" | "college" | "secondary" => "f64 array",
        "standard_from_year" => "i32",
        "from" | "to" => "u32",
        "subtotal_cap" | "points" => "option f64",
        "count_limit" => "option usize",
        "no_points" => "option string",
        "id" | "category" | "label" | "name" | "note" => "string",
        "inferred" | "needs_stamp" => "bool",
        "basic_caps"
        | "achievements"
        | "exceptional_threshold"
        | "mountain_per_year"
        | "mountain_max"
        | "degree_bonus"
        | "intermediate"
        | "advanced"
        | "technician"
        | "senior_technician"
        | "cet6"
        | "cet4"
        | "four_modules"
        | "three_modules"
        | "reached"
        | "per_extra_year"
        | "max"
        | "unit_large"
        | "unit_small"
        | "dept_large"
        | "dept_small"
        | "per_excellent_year"
        | "income"
        | "per_year"
        | "margin"
        | "standard"
        | "standard_before"
        | "top"
        | "bottom"
        | "step" => "f64",
        // plans.json
        "plans" => "vec Plan",
        "acceptance_points" => "vec AcceptancePoint",
        "mountain_counties" => "vec MountainCounty",
        "year" => "i32",
        "code" | "committee" | "notice" | "conditions" | "organizer" | "city" | "county" => {
            "string"
        }
        "application_start"
        | "application_end"
        | "unit_deadline"
        | "seniority_cutoff"
        | "achievements_cutoff" => "date",
        "evaluation_years" | "continuing_education_years" => "i32 vec",
        "derived" => "bool",
        "phones" | "wenzhou_mountain_counties" | "common_specialties" => "string vec",
        other => panic!("build.rs: unknown key `{other}` in embedded JSON: add it to kind_of"),
    }
}

/// Structs whose JSON may leave fields out (`#[serde(default)]`/`#[serde(skip)]` in Rust).
fn has_defaults(name: &str) -> bool {
    matches!(name, "Row" | "Category")
}

fn float(v: &Value) -> String {
    format!("{:?}f64", v.as_f64().expect("number"))
}

fn string(v: &Value) -> String {
    format!("s({:?})", v.as_str().expect("string"))
}

fn emit(out: &mut String, key: &str, v: &Value) {
    let kind = kind_of(if key == "basic" && v.get("education").is_none() {
        "basic_caps"
    } else {
        key
    });
    emit_kind(out, kind, v);
}

fn emit_kind(out: &mut String, kind: &str, v: &Value) {
    match kind {
        "f64" => out.push_str(&float(v)),
        "i32" | "u32" => write!(out, "{}", v.as_i64().expect("integer")).unwrap(),
        "bool" => write!(out, "{}", v.as_bool().expect("bool")).unwrap(),
        "string" => out.push_str(&string(v)),
        "option f64" => write!(out, "Some({})", float(v)).unwrap(),
        "option usize" => write!(out, "Some({})", v.as_u64().expect("count")).unwrap(),
        "option string" => write!(out, "Some({})", string(v)).unwrap(),
        "f64 array" => {
            let items: Vec<String> = v.as_array().expect("array").iter().map(float).collect();
            write!(out, "[{}]", items.join(", ")).unwrap();
        }
        "i32 vec" => {
            let items: Vec<String> = v
                .as_array()
                .expect("array")
                .iter()
                .map(|x| x.as_i64().unwrap().to_string())
                .collect();
            write!(out, "vec![{}]", items.join(", ")).unwrap();
        }
        "string vec" => {
            let items: Vec<String> = v.as_array().expect("array").iter().map(string).collect();
            write!(out, "vec![{}]", items.join(", ")).unwrap();
        }
        "date" => {
            let text = v.as_str().expect("date");
            let parts: Vec<u32> = text
                .split('-')
                .map(|p| p.parse().expect("iso date"))
                .collect();
            assert_eq!(parts.len(), 3, "date {text}");
            write!(
                out,
                "CivilDate {{ year: {}, month: {}, day: {} }}",
                parts[0], parts[1], parts[2]
            )
            .unwrap();
        }
        "grouping" => {
            let variant = match v.as_str().expect("grouping") {
                "same_result" => "SameResult",
                "same_year" => "SameYear",
                "once" => "Once",
                other => panic!("unknown grouping {other}"),
            };
            write!(out, "Grouping::{variant}").unwrap();
        }
        // The long lists are emitted as static tuples turned into structs by one loop at run
        // time (`rows_from`, `categories_from`): a struct literal per entry costs ~300 bytes of
        // wasm each, a tuple in a static only its data.
        "vec Row" => emit_tuples(
            out,
            "rows_from",
            v,
            &[
                ("id", "string"),
                ("category", "string"),
                ("label", "string"),
                ("ladder", "segments"),
                ("points", "option f64"),
                ("no_points", "option string"),
                ("inferred", "bool"),
                ("count_limit", "option usize"),
                ("needs_stamp", "bool"),
            ],
        ),
        "vec Category" => emit_tuples(
            out,
            "categories_from",
            v,
            &[
                ("id", "string"),
                ("name", "string"),
                ("grouping", "grouping"),
                ("subtotal_cap", "option f64"),
                ("note", "string"),
            ],
        ),
        k if k.starts_with("struct ") => emit_struct(out, &k[7..], v),
        k if k.starts_with("vec ") => {
            out.push_str("vec![");
            for item in v.as_array().expect("array") {
                emit_struct(out, &k[4..], item);
                out.push_str(",\n");
            }
            out.push(']');
        }
        other => unreachable!("{other}"),
    }
}

/// A static slice of tuples, one per object, fields in `columns` order; a missing key is `None`
/// or `false` (as `#[serde(default)]` gives).
fn emit_tuples(out: &mut String, loader: &str, v: &Value, columns: &[(&str, &str)]) {
    write!(out, "{loader}(&[").unwrap();
    for item in v.as_array().expect("array") {
        let object = item.as_object().expect("object");
        for key in object.keys() {
            assert!(
                columns.iter().any(|(c, _)| c == key),
                "build.rs: no column for `{key}`"
            );
        }
        out.push('(');
        for (key, kind) in columns {
            match (object.get(*key), *kind) {
                (None, "bool") => out.push_str("false"),
                (None, k) if k.starts_with("option") => out.push_str("None"),
                (None, "segments") => out.push_str("&[]"),
                (None, _) => panic!("build.rs: `{key}` is required"),
                (Some(value), "string") => write!(out, "{:?}", value.as_str().unwrap()).unwrap(),
                (Some(value), "option string") => {
                    write!(out, "Some({:?})", value.as_str().unwrap()).unwrap()
                }
                (Some(value), "segments") => {
                    out.push_str("&[");
                    for segment in value.as_array().unwrap() {
                        emit_struct(out, "Segment", segment);
                        out.push_str(", ");
                    }
                    out.push(']');
                }
                (Some(value), other) => emit_kind(out, other, value),
            }
            out.push_str(", ");
        }
        out.push_str("),\n");
    }
    out.push_str("])");
}

fn emit_struct(out: &mut String, name: &str, v: &Value) {
    write!(out, "{name} {{ ").unwrap();
    for (key, value) in v.as_object().expect("object") {
        write!(out, "{key}: ").unwrap();
        emit(out, key, value);
        out.push_str(", ");
    }
    if name == "ScoreTable" {
        out.push_str("index: HashMap::new(), ");
    }
    if has_defaults(name) {
        out.push_str("..Default::default() ");
    }
    out.push('}');
}

fn generate(json_path: &str, fn_name: &str, ty: &str, top: &str, out_name: &str) {
    println!("cargo:rerun-if-changed={json_path}");
    let text = fs::read_to_string(json_path).expect("embedded JSON is readable");
    let value: Value = serde_json::from_str(&text).expect("embedded JSON parses");
    let mut out = String::new();
    writeln!(
        out,
        "// Generated by build.rs from {json_path}. Do not edit."
    )
    .unwrap();
    writeln!(
        out,
        "#[allow(clippy::all)]\npub(super) fn {fn_name}() -> {ty} {{"
    )
    .unwrap();
    if top.is_empty() {
        emit_struct(&mut out, ty, &value);
    } else {
        emit(&mut out, top, &value[top]);
    }
    out.push_str("\n}\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join(out_name);
    fs::write(dest, out).unwrap();
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    generate(
        "src/rules/score_table.json",
        "embedded_table",
        "ScoreTable",
        "",
        "score_table.rs",
    );
    generate(
        "src/rules/plans.json",
        "embedded_plans",
        "Vec<Plan>",
        "plans",
        "plans.rs",
    );
}
