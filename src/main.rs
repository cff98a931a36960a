//! Browser entry point: mounts the app shell on the page body.
fn main() {
    zhicheng_yanlian::ui::start();
}
