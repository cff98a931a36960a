//! The 申报人 list of one browser (help sessions): who the applicants are, which one is being
//! edited, where each one's draft is stored, and how a damaged list is rebuilt from the drafts.

use super::json::{json_struct, FromJson, ToJson};
#[cfg(test)]
use serde::{Deserialize, Serialize};

pub const ROSTER_VERSION: u32 = 1;
/// Long enough for a name plus a distinguishing note, short enough for the header at 320 px.
pub const LABEL_MAX_CHARS: usize = 20;
const DRAFT_KEY_PREFIX: &str = "zhicheng-yanlian.draft";
/// The first applicant keeps the key drafts had before there was a list, so a draft saved by an
/// older version of the app needs no move.
const FIRST_ID: &str = "1";

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
#[cfg_attr(test, serde(default))]
pub struct RosterEntry {
    pub id: String,
    /// What staff called the applicant; empty until someone names them.
    pub label: String,
    /// The 姓名 last saved in this applicant's draft, so the list needs no draft to show it.
    pub name: String,
    /// Local time of the last save, `YYYY-MM-DD HH:MM`; empty if never saved.
    pub saved_at: String,
    /// The 申报级别 chosen in the draft (its label), empty while none is chosen; with
    /// `steps_done`, what tells applicants apart on the list without opening their drafts.
    pub level: String,
    /// How many of the six steps were 已完成 at the last change.
    pub steps_done: u32,
}

impl RosterEntry {
    fn new(id: String, label: String) -> RosterEntry {
        RosterEntry {
            id,
            label,
            ..RosterEntry::default()
        }
    }

    /// What the header and the list call this applicant. One person, one name: the 姓名 typed in
    /// the draft once there is one, with the label beside it when the label is a staff note
    /// (「张伟（二车间）」 for 姓名 张伟 and label 二车间 or 张伟（二车间）); the label until a 姓名 is
    /// typed; else a numbered placeholder. Cut to the label's length, so a pasted essay cannot
    /// fill the header.
    pub fn display_name(&self) -> String {
        let label = visible_text(&self.label);
        let name = visible_text(&self.name);
        let shown = if name.is_empty() {
            label
        } else {
            match self.label_fit() {
                LabelFit::Note(note) => format!("{name}（{note}）"),
                LabelFit::Same | LabelFit::Differs(_) => name,
            }
        };
        if shown.is_empty() {
            format!("未命名申报人 {}", self.id)
        } else if shown.chars().count() > LABEL_MAX_CHARS {
            let cut: String = shown.chars().take(LABEL_MAX_CHARS).collect();
            format!("{cut}…")
        } else {
            shown
        }
    }

    /// How the label staff gave on the list relates to the 姓名 typed in the draft.
    pub fn label_fit(&self) -> LabelFit {
        let label = visible_text(&self.label);
        let name = visible_text(&self.name);
        if label.is_empty() || name.is_empty() || same_name(&label, &name) {
            return LabelFit::Same;
        }
        if let Some(at) = label.find(name.as_str()) {
            // 「张伟（二车间）」: the name with a note around it; the note is what is left.
            let rest = format!("{}{}", &label[..at], &label[at + name.len()..]);
            let note = rest
                .trim_matches(|c: char| c.is_whitespace() || "（）()·-—_、，,".contains(c))
                .to_string();
            return if note.is_empty() {
                LabelFit::Same
            } else {
                LabelFit::Note(note)
            };
        }
        // A label that shares a character with the name but is not it (孙七 for 孙琪, 李四 for
        // 李思远) was most likely the person's name as first written: point it out. One that shares
        // nothing (二车间, 上午第二位) is a note.
        if label.chars().any(|c| !c.is_ascii() && name.contains(c)) {
            LabelFit::Differs(label)
        } else {
            LabelFit::Note(label)
        }
    }

    /// 「助理工程师 · 3/6 步」: the level and progress at the last change, for the list.
    pub fn progress_text(&self) -> String {
        let level = if self.level.is_empty() {
            "未选申报级别"
        } else {
            self.level.as_str()
        };
        format!("{level} · {}/6 步", self.steps_done)
    }
}

/// See [`RosterEntry::label_fit`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabelFit {
    /// No label, no 姓名 yet, or the label is the 姓名 (perhaps with only brackets around it).
    Same,
    /// The label is a note beside the 姓名 (this text, without the name).
    Note(String),
    /// The label looks like another spelling of the person's name (this label): the list asks.
    Differs(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
pub struct Roster {
    pub version: u32,
    pub current: String,
    /// Ids are never reused, so a draft key left behind by a failed delete cannot become a new
    /// applicant's draft.
    pub next_id: u32,
    pub applicants: Vec<RosterEntry>,
}

json_struct!(RosterEntry {
    id,
    label,
    name,
    saved_at,
    level,
    steps_done
});

// Every field must be there, as serde's derive had it.
json_struct!(Roster required { version, current, next_id, applicants });

impl Default for Roster {
    fn default() -> Self {
        Roster {
            version: ROSTER_VERSION,
            current: FIRST_ID.to_string(),
            next_id: 2,
            applicants: vec![RosterEntry::new(FIRST_ID.to_string(), String::new())],
        }
    }
}

/// The text without what cannot be seen: control and zero-width characters, and surrounding
/// white space. A name made only of those would be an invisible entry on the list.
/// Two names the list would show alike: equal but for the case of Latin letters, half- or
/// full-width (「Li Si」, 「li si」, 「ＬＩ ＳＩ」 and 「ｌｉ ｓｉ」 stay two pairs, as Unicode's
/// lower case has them). Chinese names are compared as they are. Folding only these letters,
/// rather than all of Unicode, keeps the case tables out of the app.
pub fn same_name(a: &str, b: &str) -> bool {
    fn fold(c: char) -> char {
        match c {
            'Ａ'..='Ｚ' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
            _ => c.to_ascii_lowercase(),
        }
    }
    a.chars().map(fold).eq(b.chars().map(fold))
}

fn visible_text(text: &str) -> String {
    let invisible = |c: char| {
        c.is_control()
            || matches!(
                c,
                '\u{00AD}'
                    | '\u{034F}'
                    | '\u{115F}'
                    | '\u{1160}'
                    | '\u{17B4}'
                    | '\u{17B5}'
                    | '\u{180B}'..='\u{180F}'
                    | '\u{200B}'..='\u{200F}'
                    | '\u{202A}'..='\u{202E}'
                    | '\u{2060}'..='\u{206F}'
                    | '\u{2800}'
                    | '\u{3164}'
                    | '\u{FE00}'..='\u{FE0F}'
                    | '\u{FEFF}'
                    | '\u{FFA0}'
                    | '\u{E0000}'..='\u{E007F}'
            )
    };
    text.chars()
        .filter(|&c| !invisible(c))
        .collect::<String>()
        .trim()
        .to_string()
}

/// How long after a save a reload is taken as the same sitting (no 「已恢复上次填写的内容」).
pub const SAME_SITTING_MINUTES: u32 = 30;

/// Whether a save stamped `saved_at` was made less than [`SAME_SITTING_MINUTES`] before `now`
/// (both `YYYY-MM-DD HH:MM`, local time): a reload in the middle of work, which needs no notice
/// that the draft came back. An unreadable stamp, another day or a clock set back is not.
pub fn saved_in_this_sitting(saved_at: &str, now: &str) -> bool {
    fn parts(stamp: &str) -> Option<(&str, u32)> {
        let (day, time) = stamp.trim().split_once(' ')?;
        let (h, m) = time.split_once(':')?;
        let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
        (h < 24 && m < 60 && day.len() == 10).then_some((day, h * 60 + m))
    }
    match (parts(saved_at), parts(now)) {
        (Some((day, saved)), Some((today, now))) => {
            day == today && saved <= now && now - saved < SAME_SITTING_MINUTES
        }
        _ => false,
    }
}

/// Where an applicant's draft lives in localStorage.
pub fn draft_key(id: &str) -> String {
    if id == FIRST_ID {
        DRAFT_KEY_PREFIX.to_string()
    } else {
        format!("{DRAFT_KEY_PREFIX}.{id}")
    }
}

/// The applicant id a localStorage key belongs to, if it is a draft key.
pub fn id_of_draft_key(key: &str) -> Option<String> {
    if key == DRAFT_KEY_PREFIX {
        return Some(FIRST_ID.to_string());
    }
    let id = key.strip_prefix(DRAFT_KEY_PREFIX)?.strip_prefix('.')?;
    (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) && !id.starts_with('0'))
        .then(|| id.to_string())
}

/// Why a name for an applicant was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabelProblem {
    Empty,
    TooLong { chars: usize },
    Taken { existing: String },
}

impl LabelProblem {
    pub fn message(&self) -> String {
        match self {
            LabelProblem::Empty => "请填写申报人的姓名或称呼。".to_string(),
            LabelProblem::TooLong { chars } => format!(
                "名称有 {chars} 个字，最多 {LABEL_MAX_CHARS} 个字，请缩短。"
            ),
            LabelProblem::Taken { existing } => format!(
                "已有名为「{existing}」的申报人。请加上区分，例如「{existing}（车间）」，以免改错人。"
            ),
        }
    }
}

/// What reading the stored list gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RosterLoaded {
    /// Nothing stored: a first visit, or drafts from before the list existed.
    Fresh(Roster),
    Restored(Roster),
    /// The stored list was unusable; it was rebuilt from the drafts found (names are lost, the
    /// drafts are not).
    Rebuilt {
        roster: Roster,
        reason: String,
    },
}

impl RosterLoaded {
    pub fn roster(&self) -> &Roster {
        match self {
            RosterLoaded::Fresh(roster)
            | RosterLoaded::Restored(roster)
            | RosterLoaded::Rebuilt { roster, .. } => roster,
        }
    }
}

/// Reads the stored list and reconciles it with the draft keys present in storage: a draft the
/// list does not know gets an entry (nothing stored is ever hidden), the current applicant always
/// exists, and there is always at least one applicant.
pub fn load_roster(stored: Option<&str>, draft_keys: &[String]) -> RosterLoaded {
    let ids_found: Vec<String> = draft_keys
        .iter()
        .filter_map(|key| id_of_draft_key(key))
        .collect();
    let (roster, outcome): (Roster, Result<bool, String>) = match stored {
        None => (Roster::empty(), Ok(false)),
        Some(text) => match crate::json_value::parse(text)
            .map_err(|e| e.to_string())
            .and_then(|v| Roster::from_json(&v))
        {
            Ok(roster) if roster.version == ROSTER_VERSION => (roster, Ok(true)),
            Ok(roster) => (
                Roster::empty(),
                Err(format!(
                    "申报人名单来自其他版本的本工具（名单版本 {}）",
                    roster.version
                )),
            ),
            Err(_) => (Roster::empty(), Err("申报人名单已损坏".to_string())),
        },
    };
    let roster = roster.reconciled(&ids_found);
    match outcome {
        Ok(false) => RosterLoaded::Fresh(roster),
        Ok(true) => RosterLoaded::Restored(roster),
        Err(reason) => RosterLoaded::Rebuilt { roster, reason },
    }
}

impl Roster {
    fn empty() -> Roster {
        Roster {
            applicants: Vec::new(),
            ..Roster::default()
        }
    }

    fn reconciled(mut self, ids_found: &[String]) -> Roster {
        self.version = ROSTER_VERSION;
        let mut seen: Vec<String> = Vec::new();
        self.applicants.retain(|entry| {
            let valid = id_of_draft_key(&draft_key(&entry.id)).as_deref() == Some(&entry.id)
                && !seen.contains(&entry.id);
            seen.push(entry.id.clone());
            valid
        });
        let mut missing: Vec<&String> = ids_found
            .iter()
            .filter(|id| !self.applicants.iter().any(|e| &e.id == *id))
            .collect();
        super::small_sort::sort_by_key(&mut missing, |id| id.parse::<u32>().unwrap_or(u32::MAX));
        missing.dedup();
        for id in missing {
            self.applicants
                .push(RosterEntry::new(id.clone(), String::new()));
        }
        if self.applicants.is_empty() {
            self.applicants
                .push(RosterEntry::new(FIRST_ID.to_string(), String::new()));
        }
        let highest = self
            .applicants
            .iter()
            .filter_map(|e| e.id.parse::<u32>().ok())
            .max()
            .unwrap_or(1);
        self.next_id = self.next_id.max(highest.saturating_add(1));
        if !self.applicants.iter().any(|e| e.id == self.current) {
            self.current = self.applicants[0].id.clone();
        }
        self
    }

    pub fn to_stored(&self) -> String {
        self.to_json()
    }

    pub fn current_entry(&self) -> &RosterEntry {
        // `reconciled` and every operation keep `current` pointing at an entry; the fallback
        // keeps this total anyway.
        self.entry(&self.current)
            .unwrap_or_else(|| &self.applicants[0])
    }

    pub fn entry(&self, id: &str) -> Option<&RosterEntry> {
        self.applicants.iter().find(|e| e.id == id)
    }

    pub fn current_draft_key(&self) -> String {
        draft_key(&self.current_entry().id)
    }

    /// Trims a proposed name and checks it against the others' names as the list shows them.
    pub fn check_label(
        &self,
        label: &str,
        except_id: Option<&str>,
    ) -> Result<String, LabelProblem> {
        let label = visible_text(label);
        if label.is_empty() {
            return Err(LabelProblem::Empty);
        }
        let chars = label.chars().count();
        if chars > LABEL_MAX_CHARS {
            return Err(LabelProblem::TooLong { chars });
        }
        let taken = self
            .applicants
            .iter()
            .filter(|e| Some(e.id.as_str()) != except_id)
            .map(RosterEntry::display_name)
            .find(|shown| same_name(shown, &label));
        match taken {
            Some(existing) => Err(LabelProblem::Taken { existing }),
            None => Ok(label),
        }
    }

    /// Adds an applicant and returns its id; the current applicant does not change.
    pub fn add(&mut self, label: &str) -> Result<String, LabelProblem> {
        let label = self.check_label(label, None)?;
        let id = self.next_id.to_string();
        self.next_id = self.next_id.saturating_add(1);
        self.applicants.push(RosterEntry::new(id.clone(), label));
        Ok(id)
    }

    pub fn rename(&mut self, id: &str, label: &str) -> Result<(), LabelProblem> {
        let label = self.check_label(label, Some(id))?;
        if let Some(entry) = self.applicants.iter_mut().find(|e| e.id == id) {
            entry.label = label;
        }
        Ok(())
    }

    /// Makes `id` the applicant being edited. False (and no change) if there is no such one.
    pub fn switch_to(&mut self, id: &str) -> bool {
        let known = self.entry(id).is_some();
        if known {
            self.current = id.to_string();
        }
        known
    }

    /// Takes an applicant off the list. Removing the current one makes the first remaining one
    /// current; removing the last one leaves a new, empty, unnamed applicant.
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.applicants.len();
        self.applicants.retain(|e| e.id != id);
        if self.applicants.len() == before {
            return false;
        }
        if self.applicants.is_empty() {
            let id = self.next_id.to_string();
            self.next_id = self.next_id.saturating_add(1);
            self.applicants.push(RosterEntry::new(id, String::new()));
        }
        if self.entry(&self.current).is_none() {
            self.current = self.applicants[0].id.clone();
        }
        true
    }

    /// Records what the current applicant's draft says about them after a save. True when the
    /// list changed and must be stored too.
    pub fn note_saved(&mut self, name: &str, saved_at: &str) -> bool {
        let current = self.current.clone();
        let Some(entry) = self.applicants.iter_mut().find(|e| e.id == current) else {
            return false;
        };
        let name = name.trim();
        if entry.name == name && entry.saved_at == saved_at {
            return false;
        }
        entry.name = name.to_string();
        entry.saved_at = saved_at.to_string();
        true
    }

    /// Records the current applicant's level and number of steps done. True when the list changed
    /// and must be stored.
    pub fn note_progress(&mut self, level: &str, steps_done: u32) -> bool {
        let current = self.current.clone();
        let Some(entry) = self.applicants.iter_mut().find(|e| e.id == current) else {
            return false;
        };
        if entry.level == level && entry.steps_done == steps_done {
            return false;
        }
        entry.level = level.to_string();
        entry.steps_done = steps_done;
        true
    }

    /// Records the current applicant's 姓名 as typed, before a name check compares against it.
    pub fn note_current_name(&mut self, name: &str) {
        let current = self.current.clone();
        if let Some(entry) = self.applicants.iter_mut().find(|e| e.id == current) {
            entry.name = name.trim().to_string();
        }
    }

    /// A free name for an imported applicant: the wanted one, else with 「（2）」, 「（3）」…
    pub fn unique_label(&self, wanted: &str) -> String {
        let wanted = visible_text(wanted);
        let wanted = if wanted.is_empty() {
            "导入的申报人".to_string()
        } else {
            wanted.chars().take(LABEL_MAX_CHARS).collect()
        };
        if self.check_label(&wanted, None).is_ok() {
            return wanted;
        }
        (2u32..)
            .map(|n| {
                let suffix = format!("（{n}）");
                let room = LABEL_MAX_CHARS.saturating_sub(suffix.chars().count());
                format!("{}{suffix}", wanted.chars().take(room).collect::<String>())
            })
            .find(|label| self.check_label(label, None).is_ok())
            .unwrap_or(wanted)
    }

    /// The name the list and header show for `id`: its display name, with its number added when
    /// another applicant would show the same (a label and a typed 姓名 can meet), so that staff can
    /// always tell two entries apart.
    pub fn shown_name(&self, id: &str) -> String {
        let Some(entry) = self.entry(id) else {
            return String::new();
        };
        let name = entry.display_name();
        let shared = self
            .applicants
            .iter()
            .any(|other| other.id != id && same_name(&other.display_name(), &name));
        if shared {
            format!("{name}（编号 {id}）")
        } else {
            name
        }
    }

    /// The applicant the list shows under this name, or whose typed 姓名 it is, if any (for
    /// 「导入会覆盖谁」).
    pub fn find_by_display_name(&self, name: &str) -> Option<&RosterEntry> {
        let name = name.trim();
        self.applicants
            .iter()
            .find(|e| same_name(&e.display_name(), name) || same_name(e.name.trim(), name))
    }
}

/// Every file id (64 lowercase hex digits) mentioned anywhere in a stored text. Used to keep files
/// that another applicant's draft, or a set-aside damaged draft, may still need: it reads even
/// text that no longer parses.
pub fn mentioned_file_ids(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let is_hex = |b: u8| b.is_ascii_digit() || (b'a'..=b'f').contains(&b);
    let mut ids: Vec<String> = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        if !is_hex(bytes[start]) {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < bytes.len() && is_hex(bytes[end]) {
            end += 1;
        }
        if end - start == 64 {
            let id = text[start..end].to_string();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        start = end;
    }
    ids
}

#[cfg(test)]
#[path = "roster_tests.rs"]
mod tests;
