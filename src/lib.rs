//! 职称申报演练: the rules core (plain Rust, no browser) and the Leptos shell around it.
/// The rules core is its own crate (crates/rules), so that the compiler keeps the browser crates
/// out of it; it is reached as `crate::rules` from the shell and `zhicheng_yanlian::rules` from tests.
pub use zhicheng_rules as rules;
pub mod ui;
