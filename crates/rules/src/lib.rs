//! The functional core: every rule of the guide as plain Rust that takes values and returns
//! verdicts. Nothing here touches the browser, so all of it is tested natively with `cargo test`.

pub mod achievement_fields;
pub mod applicant;
pub mod archive_fields;
pub mod assess;
pub mod backup;
pub mod base64;
pub mod basic_info;
pub mod choices;
pub mod compose;
pub mod conditions;
pub mod date;
pub mod draft;
pub mod education;
pub mod eligibility;
pub mod evidence;
pub mod form_checks;
pub mod form_fields;
pub mod held;
pub mod hints;
pub mod info_fields;
pub mod json;
pub mod json_value;
pub mod number_text;
pub mod pdf;
pub mod photo;
pub mod plan;
pub mod progress;
pub mod review;
pub mod roster;
pub mod routes;
pub mod rules_changes;
pub mod rules_file;
pub mod score_achievements;
pub mod score_line;
pub mod score_table;
pub mod scoring;
pub mod seniority;
pub mod sha256;
pub mod small_sort;
pub mod verdict;

#[cfg(test)]
mod invariants {
    /// Every source file of the rules core: (module, file name, text). A module that is a folder
    /// (`pdf/`) is named by its folder, for all of its files.
    fn rules_sources() -> Vec<(String, String, String)> {
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
        let mut found = Vec::new();
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("src is readable")
            .map(|e| e.expect("directory entry").path())
            .collect();
        entries.sort();
        for path in entries {
            let stem = path.file_stem().unwrap().to_string_lossy().to_string();
            if path.is_dir() {
                let mut inner: Vec<_> = std::fs::read_dir(&path)
                    .expect("folder is readable")
                    .map(|e| e.expect("directory entry").path())
                    .filter(|p| p.extension().is_some_and(|x| x == "rs"))
                    .collect();
                inner.sort();
                for file in inner {
                    let text = std::fs::read_to_string(&file).expect("source file is text");
                    let name = file.file_name().unwrap().to_string_lossy().to_string();
                    found.push((stem.clone(), format!("{stem}/{name}"), text));
                }
            } else if path.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&path).expect("source file is text");
                let name = path.file_name().unwrap().to_string_lossy().to_string();
                found.push((stem, name, text));
            }
        }
        found
    }

    /// ARCHITECTURE.md's first invariant: the rules core never imports the browser shell's crates.
    #[test]
    fn the_rules_core_never_imports_browser_crates() {
        let mut checked = 0;
        for (_, file, text) in rules_sources() {
            for forbidden in ["leptos", "web_sys", "gloo", "wasm_bindgen", "js_sys"] {
                let uses = text
                    .lines()
                    .filter(|line| !line.trim_start().starts_with("//"))
                    .filter(|line| line.contains(&format!("{forbidden}::")))
                    .count();
                assert_eq!(uses, 0, "crates/rules/src/{file} uses {forbidden}");
            }
            checked += 1;
        }
        assert!(
            checked >= 4,
            "expected the rules modules, found {checked} files"
        );
    }

    /// The modules of the rules core that `name`'s code (tests left out) uses.
    fn uses(name: &str, text: &str, modules: &[String]) -> Vec<String> {
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let mut found = Vec::new();
        for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for prefix in ["super::", "crate::"] {
                for (i, _) in line.match_indices(prefix) {
                    let rest = &line[i + prefix.len()..];
                    let module: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                        .collect();
                    if module != name && modules.contains(&module) && !found.contains(&module) {
                        found.push(module);
                    }
                }
            }
        }
        // `use super::{a, b}` lists several.
        for (i, _) in code.match_indices("super::{") {
            let list = &code[i + 8..];
            let list = &list[..list.find('}').unwrap_or(0)];
            for item in list.split(',') {
                let module = item.trim().split("::").next().unwrap_or("").to_string();
                if module != name && modules.contains(&module) && !found.contains(&module) {
                    found.push(module);
                }
            }
        }
        found
    }

    /// ARCHITECTURE.md's pipeline invariant: no module of the rules core uses one that uses it
    /// back, directly or through others.
    #[test]
    fn the_rules_modules_import_one_way() {
        // Test files and the files a folder module keeps for its tests are left out.
        let is_test = |file: &str| {
            file.ends_with("_tests.rs")
                || file == "assess_properties.rs"
                || file.ends_with("/fixtures.rs")
        };
        let mut modules: Vec<String> = Vec::new();
        let mut texts: Vec<(String, String)> = Vec::new();
        for (module, file, text) in rules_sources() {
            if is_test(&file) {
                continue;
            }
            if !modules.contains(&module) {
                modules.push(module.clone());
            }
            texts.push((module, text));
        }
        let graph: Vec<(String, Vec<String>)> = modules
            .iter()
            .map(|m| {
                let mut deps = Vec::new();
                for (_, text) in texts.iter().filter(|(owner, _)| owner == m) {
                    for dep in uses(m, text, &modules) {
                        if !deps.contains(&dep) {
                            deps.push(dep);
                        }
                    }
                }
                (m.clone(), deps)
            })
            .collect();
        assert!(
            graph
                .iter()
                .any(|(n, deps)| n == "assess" && deps.contains(&"scoring".to_string())),
            "the scan finds imports"
        );
        // Depth-first search; a module met again while still on the path closes a circle.
        fn visit(
            at: &str,
            graph: &[(String, Vec<String>)],
            path: &mut Vec<String>,
            done: &mut Vec<String>,
        ) -> Option<Vec<String>> {
            if let Some(i) = path.iter().position(|p| p == at) {
                let mut circle = path[i..].to_vec();
                circle.push(at.to_string());
                return Some(circle);
            }
            if done.iter().any(|d| d == at) {
                return None;
            }
            path.push(at.to_string());
            let deps = graph.iter().find(|(n, _)| n == at).map(|(_, d)| d.clone());
            for dep in deps.unwrap_or_default() {
                if let Some(circle) = visit(&dep, graph, path, done) {
                    return Some(circle);
                }
            }
            path.pop();
            done.push(at.to_string());
            None
        }
        let mut done = Vec::new();
        for (name, _) in &graph {
            let circle = visit(name, &graph, &mut Vec::new(), &mut done);
            assert_eq!(circle, None, "an import circle in the rules core");
        }
    }

    #[test]
    fn the_import_scan_sees_a_circle() {
        let modules = vec!["a".to_string(), "b".to_string()];
        assert_eq!(uses("a", "use super::b::X;\nfn f() {}", &modules), ["b"]);
        assert_eq!(uses("b", "use super::{a::Y, c};", &modules), ["a"]);
        assert!(uses("a", "#[cfg(test)]\nmod tests { use super::b; }", &modules).is_empty());
    }
}
