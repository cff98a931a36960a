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
pub mod score_table;
pub mod scoring;
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
}
