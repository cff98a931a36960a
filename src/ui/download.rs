//! Offers text or bytes to the user as a file download, entirely inside the browser (a Blob URL).

use wasm_bindgen::JsCast;

pub fn offer_text_file(file_name: &str, text: &str, mime: &str) -> Result<(), String> {
    offer(file_name, &js_sys::Array::of1(&text.into()), mime)
}

pub fn offer_bytes_file(file_name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    offer(
        file_name,
        &js_sys::Array::of1(&js_sys::Uint8Array::from(bytes).into()),
        mime,
    )
}

fn offer(file_name: &str, parts: &js_sys::Array, mime: &str) -> Result<(), String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_blob_sequence_and_options(parts, &options)
        .map_err(|_| "无法生成下载文件".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "无法生成下载链接".to_string())?;
    let anchor = leptos::prelude::document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or("无法生成下载链接")?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoking at once can cancel the download in some browsers; a minute later is safe.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}
