//! A durable copy of every draft and list write. A browser writes localStorage to disk some
//! seconds after the page changed it, so a browser killed in that time (power cut, task manager,
//! a phone ending the app) starts again with older text: measured here, a kill 0–3 s after
//! 已自动保存 lost the change, 6 s kept it. Every write of a draft or of the 申报人 list therefore
//! goes through `store`: localStorage at once, and the same text into IndexedDB with durability
//! `strict`, which reports done only once it is on disk; 已自动保存 waits for that. Each write
//! carries the app's save counter (a stamp, kept in localStorage beside the drafts); at start,
//! `recover` puts back every journal entry newer than the counter localStorage holds, before
//! anything reads localStorage. An entry not newer changes nothing, so text written by other means
//! (a test, another tab's later save) is never overwritten by an older copy.

use super::super::file_store::{journal_read, journal_write, JournalEntry};
use super::local_storage;
use std::cell::{Cell, RefCell};
use web_sys::Storage;

/// The stamp of the app's last write to localStorage.
const STAMP_KEY: &str = "zhicheng-yanlian.saved-stamp";

pub(super) type Done = Box<dyn FnOnce()>;

thread_local! {
    /// Writes waiting for the journal, in order, each with what to do once it is on disk.
    static QUEUE: RefCell<Vec<(JournalEntry, Option<Done>)>> = const { RefCell::new(Vec::new()) };
    static WRITING: Cell<bool> = const { Cell::new(false) };
}

fn stored_stamp(storage: &Storage) -> u64 {
    storage
        .get_item(STAMP_KEY)
        .ok()
        .flatten()
        .and_then(|text| text.parse().ok())
        .unwrap_or(0)
}

/// Writes `text` under `key` (None: removes it), then journals it; `done` runs once the journal
/// has it on disk, or at once when the journal cannot be written (localStorage is then all the
/// browser offers). Err: localStorage refused, and nothing was journaled.
pub(super) fn store(
    storage: &Storage,
    key: &str,
    text: Option<&str>,
    done: Option<Done>,
) -> Result<(), wasm_bindgen::JsValue> {
    let stamp = (js_sys::Date::now() as u64).max(stored_stamp(storage) + 1);
    match text {
        Some(text) => storage.set_item(key, text)?,
        None => storage.remove_item(key)?,
    }
    // After the text, so that localStorage never holds a stamp newer than its text. A refused
    // stamp only means that a restart puts back this same text.
    let _ = storage.set_item(STAMP_KEY, &stamp.to_string());
    let entry = JournalEntry {
        key: key.to_string(),
        text: text.map(str::to_string),
        stamp,
    };
    QUEUE.with_borrow_mut(|queue| queue.push((entry, done)));
    if !WRITING.replace(true) {
        wasm_bindgen_futures::spawn_local(write_queued());
    }
    Ok(())
}

/// Writes what is queued, one transaction per batch, in order, until nothing is left.
async fn write_queued() {
    loop {
        let batch = QUEUE.take();
        if batch.is_empty() {
            WRITING.set(false);
            return;
        }
        let (entries, done): (Vec<_>, Vec<_>) = batch.into_iter().unzip();
        // Later writes of a key replace earlier ones in the transaction, as in localStorage.
        let _ = journal_write(&entries).await;
        for done in done.into_iter().flatten() {
            done();
        }
    }
}

/// 清除本机全部数据 (here or in another tab): writes not yet in the journal are dropped, so that
/// none of them recreates it after it was deleted.
pub(super) fn forget_queued() {
    QUEUE.take();
}

/// Puts back what a killed browser lost from localStorage. Returns how many keys it restored.
pub async fn recover() -> usize {
    let Ok(storage) = local_storage() else {
        return 0;
    };
    let Ok(entries) = journal_read().await else {
        return 0;
    };
    let known = stored_stamp(&storage);
    let mut newest = known;
    let mut restored = 0;
    for entry in entries.iter().filter(|entry| entry.stamp > known) {
        let written = match &entry.text {
            Some(text) => storage.set_item(&entry.key, text),
            None => storage.remove_item(&entry.key),
        };
        if written.is_ok() {
            restored += 1;
            newest = newest.max(entry.stamp);
        }
    }
    if newest > known {
        let _ = storage.set_item(STAMP_KEY, &newest.to_string());
    }
    restored
}
