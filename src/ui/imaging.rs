//! Pixels through the browser's own decoder (createImageBitmap + canvas): a small upright
//! rendering for the background heuristic, and the crop-scale-encode of 生成合规照片.
//! The browser already decodes JPEG, PNG, WebP and more, so the wasm bundle carries no decoder.

use crate::rules::photo::{next_quality, pad_jpeg_over_minimum, CropPlan};
use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageBitmap};

fn blob_of(bytes: &[u8], mime: &str) -> Result<web_sys::Blob, String> {
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes).into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| "无法读取图片数据".to_string())
}

/// Decodes the picture upright (EXIF orientation applied), optionally scaled to `resize`.
pub async fn decode(
    bytes: &[u8],
    mime: &str,
    resize: Option<(u32, u32)>,
) -> Result<ImageBitmap, String> {
    decode_blob(&blob_of(bytes, mime)?, resize).await
}

/// [`decode`] of a Blob (a chosen File is one): the bytes need not be copied into the program.
pub async fn decode_blob(
    blob: &web_sys::Blob,
    resize: Option<(u32, u32)>,
) -> Result<ImageBitmap, String> {
    let options = web_sys::ImageBitmapOptions::new();
    options.set_image_orientation(web_sys::ImageOrientation::FromImage);
    if let Some((w, h)) = resize {
        options.set_resize_width(w.max(1));
        options.set_resize_height(h.max(1));
        options.set_resize_quality(web_sys::ResizeQuality::Medium);
    }
    let promise = web_sys::window()
        .ok_or("没有浏览器窗口")?
        .create_image_bitmap_with_blob_and_image_bitmap_options(blob, &options)
        .map_err(|_| "浏览器无法解码这张图片".to_string())?;
    JsFuture::from(promise)
        .await
        .map(JsCast::unchecked_into)
        .map_err(|_| "浏览器无法解码这张图片（文件可能已损坏，或不是图片）".to_string())
}

fn canvas(
    width: u32,
    height: u32,
) -> Result<(HtmlCanvasElement, CanvasRenderingContext2d), String> {
    let canvas: HtmlCanvasElement = leptos::prelude::document()
        .create_element("canvas")
        .map_err(|_| "无法创建画布")?
        .unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or("无法创建画布")?
        .unchecked_into();
    Ok((canvas, context))
}

/// A small upright RGBA rendering of the photo (at most 96 × 128) for the background check.
pub async fn small_rgba(bytes: &[u8], mime: &str) -> Result<(Vec<u8>, u32, u32), String> {
    let full = decode(bytes, mime, None).await?;
    let (w, h) = (full.width().max(1), full.height().max(1));
    let scale = (96.0 / w as f64).min(128.0 / h as f64).min(1.0);
    let (sw, sh) = (
        ((w as f64 * scale).round() as u32).max(1),
        ((h as f64 * scale).round() as u32).max(1),
    );
    full.close();
    let small = decode(bytes, mime, Some((sw, sh))).await?;
    let (_, context) = canvas(sw, sh)?;
    context
        .draw_image_with_image_bitmap(&small, 0.0, 0.0)
        .map_err(|_| "无法绘制图片")?;
    small.close();
    let data = context
        .get_image_data(0.0, 0.0, sw as f64, sh as f64)
        .map_err(|_| "无法读取像素")?;
    Ok((data.data().0, sw, sh))
}

/// The upright size of the picture, as 生成合规照片 crops it.
pub async fn upright_size(bytes: &[u8], mime: &str) -> Result<(u32, u32), String> {
    let bitmap = decode(bytes, mime, None).await?;
    let size = (bitmap.width(), bitmap.height());
    bitmap.close();
    Ok(size)
}

/// The canvas as a JPEG Blob (the browser's encoder).
async fn jpeg_blob(canvas: &HtmlCanvasElement, quality: u8) -> Result<web_sys::Blob, String> {
    let canvas = canvas.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let done = Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        if canvas
            .to_blob_with_type_and_encoder_options(
                done.unchecked_ref(),
                "image/jpeg",
                &JsValue::from_f64(quality as f64 / 100.0),
            )
            .is_err()
        {
            let _ = reject.call0(&JsValue::NULL);
        }
    });
    let blob = JsFuture::from(promise)
        .await
        .map_err(|_| "浏览器无法生成 JPG".to_string())?;
    blob.dyn_into()
        .map_err(|_| "浏览器无法生成 JPG".to_string())
}

async fn encode_jpeg(canvas: &HtmlCanvasElement, quality: u8) -> Result<Vec<u8>, String> {
    let blob = jpeg_blob(canvas, quality).await?;
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|_| "浏览器无法生成 JPG")?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Crops, scales down and encodes as JPEG, searching the quality until the file lands strictly
/// between 30 KB and 1 MB (the rules core decides each next quality).
pub async fn render_compliant(bytes: &[u8], mime: &str, plan: CropPlan) -> Result<Vec<u8>, String> {
    let bitmap = decode(bytes, mime, None).await?;
    let (canvas, context) = canvas(plan.output_width, plan.output_height)?;
    // A transparent PNG would turn black in JPEG: paint white underneath.
    context.set_fill_style_str("#ffffff");
    context.fill_rect(
        0.0,
        0.0,
        plan.output_width as f64,
        plan.output_height as f64,
    );
    let _ = js_sys::Reflect::set(&context, &"imageSmoothingQuality".into(), &"high".into());
    context
        .draw_image_with_image_bitmap_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
            &bitmap,
            plan.source_x as f64,
            plan.source_y as f64,
            plan.source_width as f64,
            plan.source_height as f64,
            0.0,
            0.0,
            plan.output_width as f64,
            plan.output_height as f64,
        )
        .map_err(|_| "无法绘制图片")?;
    bitmap.close();
    let mut quality = 92;
    let mut encoded = encode_jpeg(&canvas, quality).await?;
    for _ in 0..12 {
        match next_quality(encoded.len() as u64, quality) {
            Some(next) => {
                quality = next;
                encoded = encode_jpeg(&canvas, quality).await?;
            }
            None => break,
        }
    }
    Ok(pad_jpeg_over_minimum(encoded))
}

/// A page for 合成 PDF: the picture in `blob` decoded upright (EXIF applied), scaled to `size` by
/// the browser's decoder (the full picture is never held at full size on a canvas), drawn on
/// white and encoded as JPEG. The decoded picture is released before returning: one image in
/// memory at a time.
pub async fn redraw_page(
    blob: &web_sys::Blob,
    size: Option<(u32, u32)>,
    quality: u8,
) -> Result<Vec<u8>, String> {
    let (width, height) = match size {
        Some(size) => size,
        None => {
            let full = decode_blob(blob, None).await?;
            let upright = (full.width(), full.height());
            full.close();
            crate::rules::compose::redraw_size(upright.0, upright.1)
        }
    };
    let bitmap = decode_blob(blob, Some((width, height))).await?;
    let (canvas, context) = canvas(width, height)?;
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, width as f64, height as f64);
    let drawn = context.draw_image_with_image_bitmap(&bitmap, 0.0, 0.0);
    bitmap.close();
    drawn.map_err(|_| "无法绘制图片")?;
    let encoded = encode_jpeg(&canvas, quality).await;
    // Free the canvas memory now rather than when it is collected.
    canvas.set_width(0);
    canvas.set_height(0);
    encoded
}

/// A small upright thumbnail of the picture in `blob` (144 pixels wide), as an object URL: the
/// page never has to decode and scale the full photo to show it.
pub async fn thumbnail_url(blob: &web_sys::Blob) -> Result<String, String> {
    let options = web_sys::ImageBitmapOptions::new();
    options.set_image_orientation(web_sys::ImageOrientation::FromImage);
    options.set_resize_width(144);
    options.set_resize_quality(web_sys::ResizeQuality::Low);
    let promise = web_sys::window()
        .ok_or("没有浏览器窗口")?
        .create_image_bitmap_with_blob_and_image_bitmap_options(blob, &options)
        .map_err(|_| "浏览器无法解码这张图片".to_string())?;
    let bitmap: ImageBitmap = JsFuture::from(promise)
        .await
        .map(JsCast::unchecked_into)
        .map_err(|_| "浏览器无法解码这张图片（文件可能已损坏，或不是图片）".to_string())?;
    let (width, height) = (bitmap.width().max(1), bitmap.height().max(1));
    let (canvas, context) = canvas(width, height)?;
    let drawn = context.draw_image_with_image_bitmap(&bitmap, 0.0, 0.0);
    bitmap.close();
    drawn.map_err(|_| "无法绘制图片")?;
    let blob = jpeg_blob(&canvas, 70).await?;
    web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "无法生成缩略图".to_string())
}
