//! The functional core: every rule of the guide as plain Rust that takes values and returns
//! verdicts. Nothing here touches the browser, so all of it is tested natively with `cargo test`.

pub mod applicant;
pub mod assess;
pub mod backup;
pub mod base64;
pub mod basic_info;
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
    /// ARCHITECTURE.md's first invariant: the rules core never imports the browser shell's crates.
    #[test]
    fn the_rules_core_never_imports_browser_crates() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rules");
        let mut checked = 0;
        for entry in std::fs::read_dir(dir).expect("src/rules is readable") {
            let path = entry.expect("directory entry").path();
            let text = std::fs::read_to_string(&path).expect("source file is text");
            for forbidden in ["leptos", "web_sys", "gloo", "wasm_bindgen", "js_sys"] {
                let uses = text
                    .lines()
                    .filter(|line| !line.trim_start().starts_with("//"))
                    .filter(|line| line.contains(&format!("{forbidden}::")))
                    .count();
                assert_eq!(uses, 0, "{} uses {forbidden}", path.display());
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
            for prefix in ["super::", "crate::rules::"] {
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
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rules");
        let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
            .expect("src/rules is readable")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "rs"))
            .map(|p| {
                let name = p.file_stem().unwrap().to_string_lossy().to_string();
                (name, std::fs::read_to_string(&p).expect("text"))
            })
            .filter(|(name, _)| !name.ends_with("_tests") && name != "assess_properties")
            .collect();
        files.sort();
        let modules: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
        let graph: Vec<(String, Vec<String>)> = files
            .iter()
            .map(|(name, text)| (name.clone(), uses(name, text, &modules)))
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
            assert_eq!(circle, None, "an import circle in src/rules");
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
