//! The one module that touches browser storage: loads the draft at start, sets damaged data aside,
//! saves every change (debounced, flushed when the page is hidden) and reports what happened.

use crate::rules::draft::{load_stored, DamageReason, Draft, Loaded};
use leptos::prelude::*;
use std::time::Duration;
use web_sys::Storage;

pub const DRAFT_KEY: &str = "zhicheng-yanlian.draft";
/// Damaged drafts are kept under this prefix plus the time they were found, so a second damage
/// never overwrites the first backup.
pub const DAMAGED_KEY_PREFIX: &str = "zhicheng-yanlian.damaged.";
const SAVE_DELAY: Duration = Duration::from_millis(300);
/// Display preferences of this browser (not of an applicant): `{"large_text":true}`.
pub const PREFS_KEY: &str = "zhicheng-yanlian.prefs";

/// 大字模式 as this browser last chose it. Anything unreadable means "off".
pub fn large_text_preferred() -> bool {
    local_storage()
        .ok()
        .and_then(|s| s.get_item(PREFS_KEY).ok().flatten())
        .is_some_and(|text| text.contains("\"large_text\":true"))
}

/// Removes every key this app wrote to localStorage; returns (drafts, damaged backups) removed.
pub fn remove_all_app_keys() -> (u32, u32) {
    let Ok(storage) = local_storage() else {
        return (0, 0);
    };
    let length = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..length)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with("zhicheng-yanlian."))
        .collect();
    let (mut drafts, mut damaged) = (0, 0);
    for key in keys {
        if key == DRAFT_KEY {
            drafts += 1;
        } else if key.starts_with(DAMAGED_KEY_PREFIX) {
            damaged += 1;
        }
        let _ = storage.remove_item(&key);
    }
    (drafts, damaged)
}

/// What the browser says this site uses and may use, in bytes.
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let manager = web_sys::window()?.navigator().storage();
    let estimate = wasm_bindgen_futures::JsFuture::from(manager.estimate().ok()?)
        .await
        .ok()?;
    let estimate: web_sys::StorageEstimate = wasm_bindgen::JsCast::unchecked_into(estimate);
    Some((estimate.get_usage()?, estimate.get_quota()?))
}

/// Asks the browser not to evict this site's data under storage pressure. True when granted.
pub async fn ask_persistent_storage() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let manager = window.navigator().storage();
    let Ok(promise) = manager.persist() else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Remembers 大字模式; a refused write only means the choice is not remembered.
pub fn remember_large_text(on: bool) {
    if let Ok(storage) = local_storage() {
        let _ = storage.set_item(PREFS_KEY, &format!("{{\"large_text\":{on}}}"));
    }
}

/// What the save indicator shows.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Nothing changed since the page opened.
    Idle,
    Pending,
    Saved {
        at: String,
    },
    Failed {
        message: String,
    },
    /// Saving is held back because damaged data could not be set aside; writing would destroy it.
    Blocked,
}

/// What the user must be told about the draft the app started from.
#[derive(Clone, Debug, PartialEq)]
pub enum StartNotice {
    None,
    Restored,
    Migrated {
        from_version: u64,
    },
    /// The stored text was unusable. `backup_key` is where it now lives (None if even that
    /// failed); `text` is kept in memory so the user can download it in every case.
    Damaged {
        reason: DamageReason,
        backup_key: Option<String>,
        text: String,
    },
}

#[derive(Clone, Copy)]
pub struct Persistence {
    pub draft: RwSignal<Draft>,
    pub save_state: RwSignal<SaveState>,
    pub notice: RwSignal<StartNotice>,
    pending: StoredValue<Option<TimeoutHandle>>,
}

fn local_storage() -> Result<Storage, String> {
    let window = web_sys::window().ok_or("没有浏览器窗口")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        _ => Err("此浏览器不允许网页保存数据（例如隐私/无痕模式或禁用了网站数据），所填内容不会被保存，关闭页面后将丢失。".to_string()),
    }
}

fn write_error_message(error: &wasm_bindgen::JsValue) -> String {
    let name = js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        "浏览器存储空间已满，刚才的修改没有保存。请删除不用的申报人草稿或清理本站数据后再继续填写。"
            .to_string()
    } else {
        format!("浏览器拒绝保存（{name}），刚才的修改没有保存。请不要关闭页面，换用普通窗口再试。")
    }
}

pub fn now_hms() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:02}:{:02}:{:02}",
        now.get_hours(),
        now.get_minutes(),
        now.get_seconds()
    )
}

impl Persistence {
    /// Reads the stored draft once, sets damaged data aside before anything can overwrite it, and
    /// starts saving every later change.
    pub fn start() -> Persistence {
        let stored = local_storage().map(|storage| storage.get_item(DRAFT_KEY).ok().flatten());
        let (loaded, save_state) = match &stored {
            Ok(text) => (load_stored(text.as_deref()), SaveState::Idle),
            Err(message) => (
                Loaded::Fresh,
                SaveState::Failed {
                    message: message.clone(),
                },
            ),
        };
        let mut save_state = save_state;
        let notice = match &loaded {
            Loaded::Fresh => StartNotice::None,
            Loaded::Restored(_) => StartNotice::Restored,
            Loaded::Migrated { from_version, .. } => StartNotice::Migrated {
                from_version: *from_version,
            },
            Loaded::Damaged(reason) => {
                let text = stored.ok().flatten().unwrap_or_default();
                let backup_key = set_aside(&text);
                if backup_key.is_none() {
                    save_state = SaveState::Blocked;
                }
                StartNotice::Damaged {
                    reason: reason.clone(),
                    backup_key,
                    text,
                }
            }
        };
        let persistence = Persistence {
            draft: RwSignal::new(loaded.draft()),
            save_state: RwSignal::new(save_state),
            notice: RwSignal::new(notice),
            pending: StoredValue::new(None),
        };
        persistence.save_on_change();
        persistence
    }

    fn save_on_change(self) {
        Effect::new(move |previous: Option<()>| {
            self.draft.track();
            // The first run only registers the dependency: the loaded draft is already stored.
            if previous.is_some() {
                self.schedule_save();
            }
        });
        let flush = move || {
            if self.pending.get_value().is_some() {
                self.save_now();
            }
        };
        let on_hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
        let on_visibility = window_event_listener(leptos::ev::visibilitychange, move |_| flush());
        on_cleanup(move || {
            on_hide.remove();
            on_visibility.remove();
        });
    }

    fn schedule_save(self) {
        if self.save_state.get_untracked() == SaveState::Blocked {
            return;
        }
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
        }
        self.save_state.set(SaveState::Pending);
        let handle = set_timeout_with_handle(move || self.save_now(), SAVE_DELAY).ok();
        self.pending.set_value(handle);
        if handle.is_none() {
            self.save_now();
        }
    }

    /// Writes the draft now. Also used by the pagehide flush so a reload loses nothing.
    pub fn save_now(self) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
        }
        self.pending.set_value(None);
        if self.save_state.get_untracked() == SaveState::Blocked {
            return;
        }
        // An empty draft is stored as no draft, so that a reload after 重新开始 is a fresh start.
        let text = self
            .draft
            .with_untracked(|draft| (!draft.is_empty()).then(|| draft.to_stored()));
        let result = local_storage().and_then(|storage| {
            match &text {
                Some(text) => storage.set_item(DRAFT_KEY, text),
                None => storage.remove_item(DRAFT_KEY),
            }
            .map_err(|error| write_error_message(&error))
        });
        self.save_state.set(match result {
            Ok(()) => SaveState::Saved { at: now_hms() },
            Err(message) => SaveState::Failed { message },
        });
    }

    /// 重新开始: forgets the draft in memory and in storage. Backups of damaged data stay.
    pub fn restart(self) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
        }
        self.pending.set_value(None);
        let removed = local_storage().map(|storage| storage.remove_item(DRAFT_KEY));
        self.draft.set(Draft::default());
        self.notice.set(StartNotice::None);
        self.save_state.set(match removed {
            Ok(Ok(())) => SaveState::Idle,
            Ok(Err(error)) => SaveState::Failed {
                message: write_error_message(&error),
            },
            Err(message) => SaveState::Failed { message },
        });
    }

    /// After the user has downloaded damaged data that could not be set aside, lets saving go on
    /// (overwriting it).
    pub fn unblock(self) {
        if self.save_state.get_untracked() == SaveState::Blocked {
            self.save_state.set(SaveState::Idle);
            self.save_now();
        }
    }
}

/// Copies unusable stored text to a backup key. Returns the key, or None when the browser refused
/// (typically because the damaged text itself fills the quota).
fn set_aside(text: &str) -> Option<String> {
    let storage = local_storage().ok()?;
    let key = format!("{DAMAGED_KEY_PREFIX}{}", js_sys::Date::now() as u64);
    storage.set_item(&key, text).ok()?;
    Some(key)
}
