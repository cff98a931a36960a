//! Other tabs of the app on this browser: what they saved or cleared (the `storage` event) is
//! taken in here, so that no tab writes an older copy back.

use super::*;

impl Persistence {
    /// Another tab saved the applicant this tab shows. Without this, the tab left open with
    /// older content would write it back over the newer one on its next save.
    pub(super) fn adopt_draft_from_other_tab(self, text: Option<String>) {
        if self.save_state.get_untracked() == SaveState::Blocked {
            return;
        }
        let theirs = match load_stored(text.as_deref()) {
            Loaded::Fresh => Draft::default(),
            Loaded::Restored(draft) | Loaded::Migrated { draft, .. } => draft,
            // Not ours to judge here: that tab set it aside when it read it.
            Loaded::Damaged(_) => return,
        };
        if self.draft.with_untracked(|ours| *ours == theirs) {
            return;
        }
        // A change typed here in the last moment is overwritten by the newer save: the other
        // tab's text is what is stored now.
        self.cancel_pending();
        self.loading.set_value(true);
        self.draft.set(theirs);
        self.save_state.set(SaveState::Idle);
        self.roster_notice.set(Some(
            "这位申报人的内容刚在另一个窗口中被修改，本窗口已换成那边保存的最新内容。同一位申报人最好只在一个窗口中填写。"
                .to_string(),
        ));
    }

    pub(super) fn adopt_roster_from_other_tab(self, text: &str) {
        let keys = local_storage()
            .map(|storage| app_keys(&storage))
            .unwrap_or_default();
        let RosterLoaded::Restored(mut theirs) = load_roster(Some(text), &keys) else {
            return;
        };
        let ours = self.roster.with_untracked(|r| r.current_entry().clone());
        let deleted_there = theirs.entry(&ours.id).is_none();
        if deleted_there {
            // Deleted there while being edited here: list it again and store this tab's draft at
            // once, so what is on screen here survives; its files may be gone.
            if let Ok(n) = ours.id.parse::<u32>() {
                theirs.next_id = theirs.next_id.max(n.saturating_add(1));
            }
            theirs.applicants.push(ours.clone());
            self.roster_notice.set(Some(format!(
                "申报人「{}」已在另一个窗口中被删除。本窗口的填写内容已重新保存；照片和附件可能已被删除，请到第 1 步和第 5 步检查。如不需要这位申报人，请在「申报人」页再删除一次。",
                ours.display_name()
            )));
        }
        theirs.current = ours.id;
        theirs.note_current_name(&self.draft.with_untracked(|d| d.basic.name.clone()));
        self.roster.set(theirs);
        if deleted_there {
            self.save_now();
            let _ = self.save_roster();
        }
    }

    /// Another tab ran 清除本机全部数据: this tab must not write its applicant back.
    pub(super) fn forget_after_clear_elsewhere(self) {
        self.cancel_pending();
        journal::forget_queued();
        self.begin_new_draft();
        self.draft.set(Draft::default());
        self.roster.set(Roster::default());
        self.notice.set(StartNotice::None);
        self.save_state.set(SaveState::Idle);
        self.roster_notice.set(Some(
            "本工具保存在这个浏览器里的全部数据已在另一个窗口中被清除，本窗口已回到空白状态。"
                .to_string(),
        ));
    }
}
