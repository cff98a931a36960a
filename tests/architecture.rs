//! ARCHITECTURE.md names every source file: a file added, moved or renamed without its line in
//! the codemap fails here. A folder module's `mod.rs` is named by its folder (`pdf/`).

use std::fs;
use std::path::Path;

fn walk(dir: &Path, found: &mut Vec<String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path.to_string_lossy().replace('\\', "/"));
        }
    }
}

#[test]
fn the_codemap_names_every_source_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let map = fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let mut files = Vec::new();
    walk(&root.join("src"), &mut files);
    walk(&root.join("crates/rules/src"), &mut files);
    walk(&root.join("tests"), &mut files);
    assert!(files.len() > 50, "found only {} files", files.len());
    let mut missing = Vec::new();
    for file in &files {
        let name = Path::new(file)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let wanted = if name == "mod.rs" {
            let folder = Path::new(file).parent().unwrap().file_name().unwrap();
            format!("{}/", folder.to_string_lossy())
        } else {
            name
        };
        if !map.contains(&format!("{wanted}`")) {
            missing.push(file.trim_start_matches(root.to_str().unwrap()).to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md does not name: {missing:#?}"
    );
}

/// Files stay small enough to read: none over 600 lines (a long table would be the exception,
/// named here with its reason; there is none today).
#[test]
fn no_source_file_is_over_600_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    walk(&root.join("src"), &mut files);
    walk(&root.join("crates/rules/src"), &mut files);
    walk(&root.join("tests"), &mut files);
    let long: Vec<(String, usize)> = files
        .iter()
        .map(|f| (f.clone(), fs::read_to_string(f).unwrap().lines().count()))
        .filter(|(_, lines)| *lines > 600)
        .collect();
    assert!(long.is_empty(), "over 600 lines: {long:?}");
}
