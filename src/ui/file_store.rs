//! The applicants' files (photos and evidence PDFs) in IndexedDB, addressed by the SHA-256 of
//! their bytes so that one file serving two purposes, or two applicants, is stored once. The
//! drafts in localStorage only hold these ids.
//!
//! Plain web-sys rather than an IndexedDB crate: the app needs four calls (open, put, get,
//! delete), each a few lines over a Promise, and the crates reviewed (idb, rexie,
//! indexed_db_futures) add an error type hierarchy and, for some, their own futures runtime to the
//! wasm bundle for no behaviour the app uses.

use super::persist::Persistence;
use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest};

const DATABASE: &str = "zhicheng-yanlian";
const STORE: &str = "files";
/// The durable copy of what the app wrote to localStorage (persist/journal.rs): its own database,
/// so that adding it changed no version of the files' one (a tab still running the previous
/// release would be refused by a newer version).
const JOURNAL_DATABASE: &str = "zhicheng-yanlian-journal";
const JOURNAL: &str = "journal";

/// A stored file as IndexedDB keeps it: the bytes and the MIME type they were saved with.
pub struct StoredFile {
    pub bytes: Vec<u8>,
    pub mime: String,
}

fn error_text(value: JsValue) -> String {
    let name = js_sys::Reflect::get(&value, &"name".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        "浏览器存储空间已满，文件没有保存。请删除不用的申报人或文件后再试。".to_string()
    } else {
        format!("浏览器无法保存文件（{name}）。如果是隐私/无痕窗口，请换用普通窗口。")
    }
}

/// A Promise that settles when the transaction has committed (or failed): a request's success
/// only means the value was accepted, not that it is on disk.
fn transaction_done(transaction: &web_sys::IdbTransaction) -> Promise {
    let transaction = transaction.clone();
    Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        // A failed request ends in `error`, then `abort`: whichever comes first rejects.
        let failure = |reject: js_sys::Function| {
            let failed = transaction.clone();
            Closure::once_into_js(move |_: web_sys::Event| {
                let error = failed
                    .error()
                    .map(JsValue::from)
                    .unwrap_or(JsValue::UNDEFINED);
                let _ = reject.call1(&JsValue::NULL, &error);
            })
        };
        let on_error = failure(reject.clone());
        let on_abort = failure(reject);
        transaction.set_oncomplete(Some(on_complete.unchecked_ref()));
        transaction.set_onerror(Some(on_error.unchecked_ref()));
        transaction.set_onabort(Some(on_abort.unchecked_ref()));
    })
}

/// A read-write transaction that the browser commits to disk before it reports it complete
/// (`durability: "strict"`), so that 已自动保存 is never shown for a file still in memory.
fn durable_transaction(db: &IdbDatabase, store: &str) -> Result<web_sys::IdbTransaction, String> {
    // web-sys has the options dictionary only behind its unstable flag: built by hand.
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"durability".into(), &"strict".into()).map_err(error_text)?;
    let transaction: js_sys::Function = js_sys::Reflect::get(db, &"transaction".into())
        .map_err(error_text)?
        .dyn_into()
        .map_err(error_text)?;
    transaction
        .call3(db, &store.into(), &"readwrite".into(), &options)
        .map_err(error_text)?
        .dyn_into()
        .map_err(error_text)
}

/// Turns an IndexedDB request into a Promise of its result.
fn request_done(request: &IdbRequest) -> Promise {
    let request = request.clone();
    Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let on_success = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let error = failed
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::UNDEFINED);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    })
}

async fn open() -> Result<IdbDatabase, String> {
    open_database(DATABASE, STORE).await
}

/// Opens `name` (version 1), creating its one object store `store` the first time.
async fn open_database(name: &str, store: &'static str) -> Result<IdbDatabase, String> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or("此浏览器不能保存文件（IndexedDB 不可用，可能是隐私/无痕模式）。")?;
    let request = factory.open_with_u32(name, 1).map_err(error_text)?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        if let Ok(result) = upgrading.result() {
            let db: IdbDatabase = result.unchecked_into();
            if !db.object_store_names().contains(store) {
                let _ = db.create_object_store(store);
            }
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    let db = JsFuture::from(request_done(&request))
        .await
        .map_err(error_text)?;
    Ok(db.unchecked_into())
}

/// The lowercase hex SHA-256 of `bytes` (the file's id).
pub async fn content_id(bytes: &[u8]) -> Result<String, String> {
    let subtle = web_sys::window()
        .ok_or("没有浏览器窗口")?
        .crypto()
        .map_err(|_| "浏览器不支持加密摘要")?
        .subtle();
    let digest = subtle
        .digest_with_str_and_u8_array("SHA-256", bytes)
        .map_err(|_| "浏览器不支持 SHA-256")?;
    let digest = JsFuture::from(digest)
        .await
        .map_err(|_| "计算文件摘要失败")?;
    Ok(Uint8Array::new(&digest)
        .to_vec()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Stores the bytes (as a Blob of `mime`) and returns their id. Storing the same bytes twice
/// keeps one copy.
pub async fn put(bytes: &[u8], mime: &str) -> Result<String, String> {
    let id = content_id(bytes).await?;
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes).into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(error_text)?;
    let db = open().await?;
    let transaction = durable_transaction(&db, STORE)?;
    let committed = transaction_done(&transaction);
    let store = transaction.object_store(STORE).map_err(error_text)?;
    let request = store
        .put_with_key(&blob, &JsValue::from_str(&id))
        .map_err(error_text)?;
    JsFuture::from(request_done(&request))
        .await
        .map_err(error_text)?;
    JsFuture::from(committed).await.map_err(error_text)?;
    db.close();
    Ok(id)
}

pub async fn get(id: &str) -> Result<Option<StoredFile>, String> {
    let db = open().await?;
    let transaction = db.transaction_with_str(STORE).map_err(error_text)?;
    let store = transaction.object_store(STORE).map_err(error_text)?;
    let request = store.get(&JsValue::from_str(id)).map_err(error_text)?;
    let value = JsFuture::from(request_done(&request))
        .await
        .map_err(error_text)?;
    db.close();
    let Ok(blob) = value.dyn_into::<web_sys::Blob>() else {
        return Ok(None);
    };
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|_| "读取已保存的文件失败".to_string())?;
    Ok(Some(StoredFile {
        bytes: Uint8Array::new(&buffer).to_vec(),
        mime: blob.type_(),
    }))
}

/// How many files are stored (for 清除本机全部数据's report).
pub async fn count() -> Result<u32, String> {
    let db = open().await?;
    let transaction = db.transaction_with_str(STORE).map_err(error_text)?;
    let store = transaction.object_store(STORE).map_err(error_text)?;
    let request = store.count().map_err(error_text)?;
    let value = JsFuture::from(request_done(&request))
        .await
        .map_err(error_text)?;
    db.close();
    Ok(value.as_f64().unwrap_or(0.0) as u32)
}

/// Removes every stored file and the durable copy of the drafts by deleting both databases.
pub async fn delete_everything() -> Result<(), String> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or("此浏览器不能访问 IndexedDB")?;
    for name in [JOURNAL_DATABASE, DATABASE] {
        let request = factory.delete_database(name).map_err(error_text)?;
        JsFuture::from(request_done(&request))
            .await
            .map_err(error_text)?;
    }
    Ok(())
}

/// What localStorage should hold under `key` (`text` None: nothing) as of `stamp`, the app's
/// save counter (persist/journal.rs).
pub struct JournalEntry {
    pub key: String,
    pub text: Option<String>,
    pub stamp: u64,
}

/// Writes `entries` in one transaction and returns once it is on disk.
pub async fn journal_write(entries: &[JournalEntry]) -> Result<(), String> {
    let db = open_database(JOURNAL_DATABASE, JOURNAL).await?;
    let transaction = durable_transaction(&db, JOURNAL)?;
    let committed = transaction_done(&transaction);
    let store = transaction.object_store(JOURNAL).map_err(error_text)?;
    for entry in entries {
        let key = JsValue::from_str(&entry.key);
        let record = js_sys::Array::of3(
            &key,
            &entry
                .text
                .as_deref()
                .map_or(JsValue::NULL, JsValue::from_str),
            &JsValue::from_f64(entry.stamp as f64),
        );
        store.put_with_key(&record, &key).map_err(error_text)?;
    }
    let done = JsFuture::from(committed).await.map_err(error_text);
    db.close();
    done.map(|_| ())
}

/// Every entry of the journal; anything unreadable in it is skipped.
pub async fn journal_read() -> Result<Vec<JournalEntry>, String> {
    let db = open_database(JOURNAL_DATABASE, JOURNAL).await?;
    let transaction = db.transaction_with_str(JOURNAL).map_err(error_text)?;
    let store = transaction.object_store(JOURNAL).map_err(error_text)?;
    let values = JsFuture::from(request_done(&store.get_all().map_err(error_text)?))
        .await
        .map_err(error_text)?;
    db.close();
    Ok(js_sys::Array::from(&values)
        .iter()
        .filter_map(|value| {
            let record = value.dyn_into::<js_sys::Array>().ok()?;
            Some(JournalEntry {
                key: record.get(0).as_string()?,
                text: record.get(1).as_string(),
                stamp: record.get(2).as_f64()? as u64,
            })
        })
        .collect())
}

pub async fn delete(id: &str) -> Result<(), String> {
    let db = open().await?;
    let transaction = durable_transaction(&db, STORE)?;
    let committed = transaction_done(&transaction);
    let store = transaction.object_store(STORE).map_err(error_text)?;
    let request = store.delete(&JsValue::from_str(id)).map_err(error_text)?;
    JsFuture::from(request_done(&request))
        .await
        .map_err(error_text)?;
    JsFuture::from(committed).await.map_err(error_text)?;
    db.close();
    Ok(())
}

/// Deletes the files among `candidates` that no applicant's draft uses any more (files are shared
/// by content, so one applicant's file may be another's too). Returns how many were deleted.
pub async fn delete_unused(persistence: Persistence, candidates: Vec<String>) -> u32 {
    let in_use = persistence.file_ids_in_use();
    let mut deleted = 0;
    for id in candidates {
        if !in_use.contains(&id) && delete(&id).await.is_ok() {
            deleted += 1;
        }
    }
    deleted
}

/// Stores `bytes` and puts the file in the draft in place of the one it replaces (photo or an
/// evidence item): `current` reads that file's id from the draft, `install` writes the new
/// record. When `stale` says that a newer choice or another applicant came while the bytes were
/// being stored, the draft is left alone and the copy just stored is deleted unless someone uses
/// it. The replaced file is deleted unless someone else still uses it.
pub async fn store_in_place(
    persistence: Persistence,
    bytes: &[u8],
    mime: &str,
    stale: impl Fn() -> bool,
    current: impl Fn(&crate::rules::draft::Draft) -> Option<String>,
    install: impl FnOnce(&mut crate::rules::draft::Draft, String),
) -> Result<(), String> {
    use leptos::prelude::{Update, WithUntracked};
    let file_id = put(bytes, mime).await?;
    let draft = persistence.draft;
    if stale() {
        if draft.with_untracked(|d| current(d)).as_deref() != Some(file_id.as_str()) {
            delete_unused(persistence, vec![file_id]).await;
        }
        return Ok(());
    }
    let previous = draft.with_untracked(|d| current(d));
    let id = file_id.clone();
    draft.update(|d| install(d, id));
    if let Some(old) = previous.filter(|old| *old != file_id) {
        delete_unused(persistence, vec![old]).await;
    }
    Ok(())
}
