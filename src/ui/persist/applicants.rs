//! The 申报人 operations on storage: switching, creating, renaming, deleting and importing
//! applicants, and which stored files anyone still uses.

use super::*;

impl Persistence {
    /// What the header calls the applicant being edited; follows 姓名 as it is typed when staff
    /// gave no other name.
    pub fn current_name(self) -> String {
        let typed = self.draft.with(|d| d.basic.name.clone());
        self.roster
            .with(|roster| shown_with_typed_name(roster, &typed))
    }

    /// Brings the list's copy of the current applicant's 姓名 up to date with the draft (it is
    /// otherwise refreshed on save), without re-rendering anything: name checks compare with it.
    pub fn sync_current_name(self) {
        let name = self.draft.with_untracked(|d| d.basic.name.clone());
        self.roster
            .update_untracked(|roster| roster.note_current_name(&name));
    }

    /// Records the current applicant's level and steps done on the list (shown there as
    /// 「助理工程师 · 3/6 步」); stores the list only when they changed.
    pub fn note_progress(self, level: &str, steps_done: u32) {
        let mut changed = false;
        self.roster
            .update_untracked(|r| changed = r.note_progress(level, steps_done));
        if changed {
            self.roster.notify();
            let _ = self.save_roster();
        }
    }

    /// One applicant's draft as stored (the current one as it is now), for a backup made from the
    /// list. Err with the reason when it cannot be read.
    pub fn draft_of(self, id: &str) -> Result<Draft, String> {
        if self.roster.with_untracked(|r| r.current == id) {
            return Ok(self.draft.get_untracked());
        }
        let text = local_storage()?.get_item(&draft_key(id)).ok().flatten();
        match load_stored(text.as_deref()) {
            Loaded::Damaged(reason) => Err(format!(
                "这位申报人保存的内容无法读取：{}。请先切换到这位申报人处理。",
                reason.message()
            )),
            loaded => Ok(loaded.draft()),
        }
    }

    /// Opens another applicant's draft. Refused while the current one's last change is unsaved,
    /// since switching would lose it.
    pub fn switch_to(self, id: &str) -> Result<(), String> {
        if self.roster.with_untracked(|r| r.current == id) {
            return Ok(());
        }
        self.ensure_saved()?;
        let mut known = false;
        self.roster.update(|r| known = r.switch_to(id));
        if !known {
            return Err("名单里没有这位申报人，请刷新页面后再试。".to_string());
        }
        let _ = self.save_roster();
        self.open_current_announcing();
        Ok(())
    }

    /// Writes the current applicant's last change (again, if the last attempt failed, e.g. after
    /// the user freed space). Err when it still cannot be saved: leaving this applicant now would
    /// lose it.
    pub(super) fn ensure_saved(self) -> Result<(), String> {
        let failed = matches!(self.save_state.get_untracked(), SaveState::Failed { .. });
        if self.pending.get_value().is_some() || failed {
            self.save_now();
        }
        match self.save_state.get_untracked() {
            SaveState::Failed { message } => Err(format!(
                "现在这位申报人的修改没有保存成功，为免丢失，暂不切换。{message}"
            )),
            _ => Ok(()),
        }
    }

    /// Opens the current applicant's draft and says whose it is (unless there is something more
    /// important to say about it, such as damage).
    pub(super) fn open_current_announcing(self) {
        self.open_current();
        if matches!(
            self.notice.get_untracked(),
            StartNotice::Restored { .. } | StartNotice::None
        ) {
            self.notice.set(StartNotice::Switched {
                name: self.current_name_untracked(),
            });
        }
    }

    pub(super) fn current_name_untracked(self) -> String {
        let typed = self.draft.with_untracked(|d| d.basic.name.clone());
        self.roster
            .with_untracked(|roster| shown_with_typed_name(roster, &typed))
    }

    /// Adds an applicant with an empty draft and switches to them.
    pub fn create(self, label: &str) -> Result<(), String> {
        self.ensure_saved()?;
        // Checked before touching the signal: a refused name must not re-render the list.
        self.sync_current_name();
        self.roster
            .with_untracked(|r| r.check_label(label, None))
            .map_err(|problem| problem.message())?;
        let mut added = Err(LabelProblem::Empty);
        self.roster.update(|r| added = r.add(label));
        let id = added.map_err(|problem| problem.message())?;
        if let Err(error) = self.save_roster() {
            self.roster.update(|r| {
                r.remove(&id);
            });
            return Err(error);
        }
        self.switch_to(&id)
    }

    pub fn rename(self, id: &str, label: &str) -> Result<(), String> {
        self.sync_current_name();
        self.roster
            .with_untracked(|r| r.check_label(label, Some(id)))
            .map_err(|problem| problem.message())?;
        let mut renamed = Ok(());
        self.roster.update(|r| renamed = r.rename(id, label));
        renamed.map_err(|problem| problem.message())?;
        self.save_roster()
    }

    /// Takes an applicant and their draft off this browser. Returns the ids of the files their
    /// draft used, for the caller to delete unless another applicant still uses them.
    pub fn remove(self, id: &str) -> Result<Vec<String>, String> {
        let key = draft_key(id);
        let is_current = self.roster.with_untracked(|r| r.current == id);
        if is_current {
            self.cancel_pending();
        }
        let storage = local_storage()?;
        let mut files = storage
            .get_item(&key)
            .ok()
            .flatten()
            .map(|text| mentioned_file_ids(&text))
            .unwrap_or_default();
        if is_current {
            for file in self.draft.with_untracked(referenced_file_ids) {
                if !files.contains(&file) {
                    files.push(file);
                }
            }
        }
        journal::store(&storage, &key, None, None).map_err(|error| write_error_message(&error))?;
        self.roster.update(|r| {
            r.remove(id);
        });
        let _ = self.save_roster();
        if is_current {
            self.open_current_announcing();
        }
        Ok(files)
    }

    /// Stores an imported draft as a new applicant under `label` and switches to them, or, when
    /// `replace` names an applicant (after the user agreed), overwrites that applicant's draft.
    /// Returns the ids of files the replaced draft used.
    pub fn import(
        self,
        draft: &Draft,
        label: &str,
        replace: Option<&str>,
    ) -> Result<Vec<String>, String> {
        let storage = local_storage()?;
        // Refused up front, so that a failure cannot come after the import is already stored.
        self.ensure_saved()?;
        let id = match replace {
            Some(id) => id.to_string(),
            None => {
                let mut added = Err(LabelProblem::Empty);
                self.roster.update(|r| added = r.add(label));
                added.map_err(|problem| problem.message())?
            }
        };
        let key = draft_key(&id);
        let replaced = match replace {
            Some(_) if self.roster.with_untracked(|r| r.current == id) => {
                self.cancel_pending();
                self.draft.with_untracked(referenced_file_ids)
            }
            Some(_) => storage
                .get_item(&key)
                .ok()
                .flatten()
                .map(|text| mentioned_file_ids(&text))
                .unwrap_or_default(),
            None => Vec::new(),
        };
        if let Err(error) = journal::store(&storage, &key, Some(&draft.to_stored()), None) {
            if replace.is_none() {
                self.roster.update(|r| {
                    r.remove(&id);
                });
            }
            return Err(write_error_message(&error));
        }
        if self.roster.with_untracked(|r| r.current == id) {
            self.open_current();
        } else {
            self.roster.update(|r| {
                r.switch_to(&id);
            });
            self.open_current_announcing();
        }
        // The list shows the imported 姓名 and time at once, not 「还没有填写内容」.
        let (name, stamp) = (draft.basic.name.clone(), now_stamp());
        self.roster.update(|r| {
            r.note_saved(&name, &stamp);
        });
        let _ = self.save_roster();
        Ok(replaced)
    }

    /// Every file id some stored text of this app mentions, apart from the current applicant's
    /// stored draft (which may be about to change), plus those the current draft uses in memory.
    /// A file outside this set is used by nobody.
    pub fn file_ids_in_use(self) -> Vec<String> {
        let mut ids = self.draft.with_untracked(referenced_file_ids);
        let current_key = self.roster.with_untracked(Roster::current_draft_key);
        // While saving is blocked the stored text is damaged data not yet set aside: it counts.
        let skip_current = self.save_state.get_untracked() != SaveState::Blocked;
        if let Ok(storage) = local_storage() {
            for key in app_keys(&storage) {
                if skip_current && key == current_key {
                    continue;
                }
                if let Some(text) = storage.get_item(&key).ok().flatten() {
                    for id in mentioned_file_ids(&text) {
                        if !ids.contains(&id) {
                            ids.push(id);
                        }
                    }
                }
            }
        }
        ids
    }

    /// 清除本机全部数据 (localStorage part): every applicant, draft, damaged backup and
    /// preference. Returns (applicants, damaged backups) removed.
    pub fn forget_everything(self) -> (u32, u32) {
        self.cancel_pending();
        journal::forget_queued();
        let listed = self.roster.with_untracked(|r| r.applicants.len()) as u32;
        let (drafts, damaged) = remove_all_app_keys();
        self.begin_new_draft();
        self.draft.set(Draft::default());
        self.roster.set(Roster::default());
        self.roster_notice.set(None);
        self.notice.set(StartNotice::None);
        self.save_state.set(SaveState::Idle);
        (listed.max(drafts), damaged)
    }
}

/// The current applicant's name as the list would show it once `typed` (the 姓名 being typed) is
/// saved.
fn shown_with_typed_name(roster: &Roster, typed: &str) -> String {
    let mut roster = roster.clone();
    roster.note_current_name(typed);
    roster.shown_name(&roster.current)
}
