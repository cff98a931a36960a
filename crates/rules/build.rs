//! The built-in rules (src/wenzhou-jidian.json, the same file the association edits) go into the
//! program without the whitespace that makes them readable: about 7 KB less in every download of
//! the app, same values (the tests parse both).

use std::path::Path;

fn main() {
    let source = Path::new("src/wenzhou-jidian.json");
    println!("cargo:rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(source).expect("src/wenzhou-jidian.json is readable");
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&dir).join("wenzhou-jidian.min.json"), out)
        .expect("OUT_DIR is writable");
}
