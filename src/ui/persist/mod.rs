//! The one module that touches localStorage: the 申报人 list, each applicant's draft (loaded at
//! start and on switching, damaged data set aside, every change saved — debounced, flushed when the
//! page is hidden) and what happened, for the user to see.

use crate::rules::backup::referenced_file_ids;
use crate::rules::draft::{load_stored, DamageReason, Draft, Loaded};
use crate::rules::roster::{
    draft_key, id_of_draft_key, load_roster, mentioned_file_ids, saved_in_this_sitting,
    LabelProblem, Roster, RosterLoaded,
};
use leptos::prelude::*;

mod applicants;
mod journal;
mod tabs;
pub use journal::recover;
use std::time::Duration;
use web_sys::Storage;

/// The list of applicants and which one is being edited; drafts live under `roster::draft_key`.
pub const ROSTER_KEY: &str = "zhicheng-yanlian.roster";
/// Every key of this app starts with this.
const APP_PREFIX: &str = "zhicheng-yanlian.";
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

/// Every key this app has in localStorage.
fn app_keys(storage: &Storage) -> Vec<String> {
    let length = storage.length().unwrap_or(0);
    (0..length)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(APP_PREFIX))
        .collect()
}

/// Removes every key this app wrote to localStorage; returns (drafts, damaged backups) removed.
fn remove_all_app_keys() -> (u32, u32) {
    let Ok(storage) = local_storage() else {
        return (0, 0);
    };
    let (mut drafts, mut damaged) = (0, 0);
    for key in app_keys(&storage) {
        if id_of_draft_key(&key).is_some() {
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
    /// The draft came back from an earlier sitting (not shown for a reload minutes after the last
    /// save, issue 16); `saved_at` is when it was last saved, if known.
    Restored {
        saved_at: String,
    },
    /// Another applicant's draft was opened from the 申报人 list.
    Switched {
        name: String,
    },
    /// 重新开始 emptied this applicant's draft.
    Restarted {
        name: String,
    },
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
    /// Who the applicants are and which one `draft` belongs to.
    pub roster: RwSignal<Roster>,
    /// Set when the list could not be read and was rebuilt from the drafts.
    pub roster_notice: RwSignal<Option<String>>,
    pending: StoredValue<Option<TimeoutHandle>>,
    /// A draft just loaded from storage is already stored: its `set` must not count as an edit.
    loading: StoredValue<bool>,
    /// Changes whenever `draft` starts holding another applicant (or a fresh start), so async
    /// work begun for one applicant never writes into another's draft.
    generation: StoredValue<u64>,
    /// Counts the draft's saves: only the newest one's journal write may show 已自动保存.
    saves: StoredValue<u64>,
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

/// Local date and minute, as the 申报人 list shows when each draft was last saved.
fn now_stamp() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
        now.get_minutes()
    )
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

/// Gives applicants the list knows no name for (a rebuilt list, a draft from before the list) the
/// 姓名 their stored draft holds, so the list does not show placeholders for named people.
fn name_unnamed_from_drafts(storage: &Storage, roster: &mut Roster) {
    for entry in &mut roster.applicants {
        if entry.label.trim().is_empty() && entry.name.trim().is_empty() {
            if let Some(text) = storage.get_item(&draft_key(&entry.id)).ok().flatten() {
                entry.name = load_stored(Some(&text))
                    .draft()
                    .basic
                    .name
                    .trim()
                    .to_string();
            }
        }
    }
}

/// A draft read from storage, and what the user must be told about it.
struct Opened {
    draft: Draft,
    notice: StartNotice,
    save_state: SaveState,
}

/// Reads one applicant's draft; damaged text is copied aside before anything can overwrite it.
fn open_draft(key: &str) -> Opened {
    let stored = local_storage().map(|storage| storage.get_item(key).ok().flatten());
    let (loaded, mut save_state) = match &stored {
        Ok(text) => (load_stored(text.as_deref()), SaveState::Idle),
        Err(message) => (
            Loaded::Fresh,
            SaveState::Failed {
                message: message.clone(),
            },
        ),
    };
    let notice = match &loaded {
        Loaded::Fresh => StartNotice::None,
        Loaded::Restored(_) => StartNotice::Restored {
            saved_at: String::new(),
        },
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
    let mut draft = loaded.draft();
    // Saved before drafts kept their round: it was started on the then default, the latest plan.
    draft.pin_round(crate::rules::rules_file::latest_plan().year);
    Opened {
        draft,
        notice,
        save_state,
    }
}

impl Persistence {
    /// Reads the 申报人 list and the current applicant's draft once, sets damaged data aside
    /// before anything can overwrite it, and starts saving every later change.
    pub fn start() -> Persistence {
        let (roster, roster_notice) = match local_storage() {
            Ok(storage) => {
                let keys = app_keys(&storage);
                let stored = storage.get_item(ROSTER_KEY).ok().flatten();
                let loaded = load_roster(stored.as_deref(), &keys);
                let notice = match &loaded {
                    RosterLoaded::Rebuilt { reason, .. } => {
                        let kept = stored.as_deref().and_then(set_aside);
                        Some(format!(
                            "{reason}，已按本机保存的草稿重新列出申报人（填写内容都在，名称需要重新填写）。{}",
                            kept.map(|key| format!("原来的名单另存在 {key}。"))
                                .unwrap_or_default()
                        ))
                    }
                    _ => None,
                };
                let mut roster = loaded.roster().clone();
                name_unnamed_from_drafts(&storage, &mut roster);
                (roster, notice)
            }
            Err(_) => (Roster::default(), None),
        };
        let mut opened = open_draft(&roster.current_draft_key());
        if let StartNotice::Restored { saved_at } = &mut opened.notice {
            *saved_at = roster.current_entry().saved_at.clone();
            if saved_in_this_sitting(saved_at, &now_stamp()) {
                opened.notice = StartNotice::None;
            }
        }
        let persistence = Persistence {
            draft: RwSignal::new(opened.draft),
            save_state: RwSignal::new(opened.save_state),
            notice: RwSignal::new(opened.notice),
            roster: RwSignal::new(roster),
            roster_notice: RwSignal::new(roster_notice),
            pending: StoredValue::new(None),
            loading: StoredValue::new(true),
            generation: StoredValue::new(0),
            saves: StoredValue::new(0),
        };
        persistence.save_on_change();
        persistence
    }

    fn save_on_change(self) {
        Effect::new(move |_| {
            self.draft.track();
            // A draft that was just read from storage (at start or on switching) is not an edit.
            if self.loading.get_value() {
                self.loading.set_value(false);
            } else {
                self.schedule_save();
            }
        });
        let flush = move || {
            if self.pending.get_value().is_some() {
                self.save_now();
            }
        };
        // Another tab of this app changed the list (staff may keep two open): show its version,
        // keeping this tab's applicant, so this tab's next save does not write back a stale list.
        let on_storage = window_event_listener(leptos::ev::storage, move |event| {
            // `key` is None when another tab called localStorage.clear().
            let key = event.key();
            let list_changed = key.as_deref().is_none_or(|key| key == ROSTER_KEY);
            let current_key = self.roster.with_untracked(Roster::current_draft_key);
            if list_changed {
                match event.new_value() {
                    Some(text) => self.adopt_roster_from_other_tab(&text),
                    None => self.forget_after_clear_elsewhere(),
                }
            } else if key.as_deref() == Some(current_key.as_str()) {
                self.adopt_draft_from_other_tab(event.new_value());
            }
        });
        let on_hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
        let on_visibility = window_event_listener(leptos::ev::visibilitychange, move |_| flush());
        on_cleanup(move || {
            on_storage.remove();
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

    fn cancel_pending(self) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
        }
        self.pending.set_value(None);
    }

    /// Writes the draft now. Also used by the pagehide flush so a reload loses nothing.
    pub fn save_now(self) {
        self.cancel_pending();
        if self.save_state.get_untracked() == SaveState::Blocked {
            return;
        }
        // A draft keeps the round it was started with (today's round at its first save).
        let round = crate::rules::rules_file::in_use().default_year;
        self.draft.update_untracked(|draft| {
            draft.pin_round(round);
        });
        // An empty draft is stored as no draft, so that a reload after 重新开始 is a fresh start.
        let (text, name) = self.draft.with_untracked(|draft| {
            (
                (!draft.is_empty()).then(|| draft.to_stored()),
                draft.basic.name.clone(),
            )
        });
        let key = self.roster.with_untracked(Roster::current_draft_key);
        // Whether anything was written or removed: an empty draft that was never stored (a tab
        // just emptied by 清除本机全部数据 elsewhere) changes nothing, so it must not write the
        // list back either.
        let save = self.saves.get_value().wrapping_add(1);
        self.saves.set_value(save);
        let generation = self.generation.get_value();
        // 已自动保存 once the text is on disk (journal.rs), and only for the newest save of this
        // applicant: a later keystroke shows 正在保存… until its own write is there.
        let on_disk: journal::Done = Box::new(move || {
            if self.saves.get_value() == save
                && self.generation.get_value() == generation
                && self.save_state.get_untracked() == SaveState::Pending
            {
                self.save_state.set(SaveState::Saved { at: now_hms() });
            }
        });
        let result = local_storage().and_then(|storage| {
            match &text {
                Some(text) => {
                    journal::store(&storage, &key, Some(text), Some(on_disk)).map(|()| true)
                }
                None => {
                    let stored = storage.get_item(&key).ok().flatten().is_some();
                    journal::store(&storage, &key, None, Some(on_disk)).map(|()| stored)
                }
            }
            .map_err(|error| write_error_message(&error))
        });
        if result == Ok(true) {
            let stamp = now_stamp();
            let mut changed = false;
            self.roster
                .update(|roster| changed = roster.note_saved(&name, &stamp));
            if changed {
                let _ = self.save_roster();
            }
        }
        self.save_state.set(match result {
            Ok(_) => SaveState::Pending,
            Err(message) => SaveState::Failed { message },
        });
    }

    /// Stores the 申报人 list. Refusals are rare (the list is small) and only lose names and
    /// times: the list is rebuilt from the drafts on the next start.
    fn save_roster(self) -> Result<(), String> {
        let text = self.roster.with_untracked(Roster::to_stored);
        local_storage().and_then(|storage| {
            journal::store(&storage, ROSTER_KEY, Some(&text), None)
                .map_err(|error| write_error_message(&error))
        })
    }

    /// Which applicant's draft `draft` holds now; compare with `same_applicant` after an await.
    pub fn generation(self) -> u64 {
        self.generation.get_value()
    }

    pub fn same_applicant(self, generation: u64) -> bool {
        self.generation.get_value() == generation
    }

    fn begin_new_draft(self) {
        self.loading.set_value(true);
        self.generation
            .set_value(self.generation.get_value().wrapping_add(1));
    }

    fn open_current(self) {
        let opened = open_draft(&self.roster.with_untracked(Roster::current_draft_key));
        self.begin_new_draft();
        self.draft.set(opened.draft);
        self.notice.set(opened.notice);
        self.save_state.set(opened.save_state);
    }

    /// 重新开始: forgets the current applicant's draft in memory and in storage; they stay on the
    /// list. Backups of damaged data stay. Returns the ids of files the draft used.
    pub fn restart(self) -> Vec<String> {
        let name = self.current_name_untracked();
        self.cancel_pending();
        let files = self.draft.with_untracked(referenced_file_ids);
        let key = self.roster.with_untracked(Roster::current_draft_key);
        let removed = local_storage().map(|storage| journal::store(&storage, &key, None, None));
        self.begin_new_draft();
        self.draft.set(Draft::default());
        self.roster.update(|r| {
            r.note_saved("", "");
        });
        let _ = self.save_roster();
        self.notice.set(StartNotice::Restarted { name });
        self.save_state.set(match removed {
            Ok(Ok(())) => SaveState::Idle,
            Ok(Err(error)) => SaveState::Failed {
                message: write_error_message(&error),
            },
            Err(message) => SaveState::Failed { message },
        });
        files
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
    let now = js_sys::Date::now() as u64;
    // The list and a draft can both be set aside in the same millisecond.
    let key = (0..)
        .map(|n| match n {
            0 => format!("{DAMAGED_KEY_PREFIX}{now}"),
            n => format!("{DAMAGED_KEY_PREFIX}{now}-{n}"),
        })
        .find(|key| storage.get_item(key).ok().flatten().is_none())?;
    storage.set_item(&key, text).ok()?;
    Some(key)
}
