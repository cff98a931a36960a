//! 职称申报演练: the rules core (plain Rust, no browser) and the Leptos shell around it.
pub mod rules;
pub mod ui;
