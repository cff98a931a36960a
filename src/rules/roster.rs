//! The 申报人 list of one browser (help sessions): who the applicants are, which one is being
//! edited, where each one's draft is stored, and how a damaged list is rebuilt from the drafts.

use serde::{Deserialize, Serialize};

pub const ROSTER_VERSION: u32 = 1;
/// Long enough for a name plus a distinguishing note, short enough for the header at 320 px.
pub const LABEL_MAX_CHARS: usize = 20;
const DRAFT_KEY_PREFIX: &str = "zhicheng-yanlian.draft";
/// The first applicant keeps the key drafts had before there was a list, so a draft saved by an
/// older version of the app needs no move.
const FIRST_ID: &str = "1";

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct RosterEntry {
    pub id: String,
    /// What staff called the applicant; empty until someone names them.
    pub label: String,
    /// The 姓名 last saved in this applicant's draft, so the list needs no draft to show it.
    pub name: String,
    /// Local time of the last save, `YYYY-MM-DD HH:MM`; empty if never saved.
    pub saved_at: String,
}

impl RosterEntry {
    fn new(id: String, label: String) -> RosterEntry {
        RosterEntry {
            id,
            label,
            ..RosterEntry::default()
        }
    }

    /// What the header and the list call this applicant: the label, else the 姓名 typed in the
    /// draft (cut to the label's length, so a pasted essay cannot fill the header), else a
    /// numbered placeholder.
    pub fn display_name(&self) -> String {
        let label = visible_text(&self.label);
        let name = visible_text(&self.name);
        if !label.is_empty() {
            label
        } else if !name.is_empty() {
            if name.chars().count() > LABEL_MAX_CHARS {
                let cut: String = name.chars().take(LABEL_MAX_CHARS).collect();
                format!("{cut}…")
            } else {
                name
            }
        } else {
            format!("未命名申报人 {}", self.id)
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roster {
    pub version: u32,
    pub current: String,
    /// Ids are never reused, so a draft key left behind by a failed delete cannot become a new
    /// applicant's draft.
    pub next_id: u32,
    pub applicants: Vec<RosterEntry>,
}

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
        Some(text) => match serde_json::from_str::<Roster>(text) {
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
        missing.sort_by_key(|id| id.parse::<u32>().unwrap_or(u32::MAX));
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
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_string())
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
            .find(|shown| shown.to_lowercase() == label.to_lowercase());
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
        let key = name.to_lowercase();
        let shared = self
            .applicants
            .iter()
            .any(|other| other.id != id && other.display_name().to_lowercase() == key);
        if shared {
            format!("{name}（编号 {id}）")
        } else {
            name
        }
    }

    /// The applicant the list shows under this name, if any (for 「导入会覆盖谁」).
    pub fn find_by_display_name(&self, name: &str) -> Option<&RosterEntry> {
        let name = name.trim().to_lowercase();
        self.applicants
            .iter()
            .find(|e| e.display_name().to_lowercase() == name)
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
mod tests {
    use super::*;

    fn keys(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|id| draft_key(id)).collect()
    }

    fn named(labels: &[&str]) -> Roster {
        let mut roster = Roster::default();
        roster.applicants[0].label = labels[0].to_string();
        for label in &labels[1..] {
            roster.add(label).expect("free name");
        }
        roster
    }

    #[test]
    fn draft_keys_round_trip_and_the_first_applicant_keeps_the_old_key() {
        assert_eq!(draft_key("1"), "zhicheng-yanlian.draft");
        assert_eq!(draft_key("7"), "zhicheng-yanlian.draft.7");
        for id in ["1", "2", "12", "305"] {
            assert_eq!(id_of_draft_key(&draft_key(id)).as_deref(), Some(id));
        }
        for key in [
            "zhicheng-yanlian.draftx",
            "zhicheng-yanlian.draft.",
            "zhicheng-yanlian.draft.0",
            "zhicheng-yanlian.draft.07",
            "zhicheng-yanlian.draft.a",
            "zhicheng-yanlian.damaged.123",
            "zhicheng-yanlian.prefs",
        ] {
            assert_eq!(id_of_draft_key(key), None, "{key}");
        }
    }

    #[test]
    fn loading_covers_first_visits_old_drafts_stored_lists_and_damage() {
        let fresh = load_roster(None, &[]);
        assert_eq!(fresh, RosterLoaded::Fresh(Roster::default()));

        // A draft saved before the list existed becomes applicant 1, under the same key.
        let old = load_roster(None, &keys(&["1"]));
        assert_eq!(old.roster().applicants.len(), 1);
        assert_eq!(old.roster().current_draft_key(), "zhicheng-yanlian.draft");

        let mut stored = named(&["张三", "李四"]);
        stored.switch_to("2");
        let restored = load_roster(Some(&stored.to_stored()), &keys(&["1", "2"]));
        assert_eq!(restored, RosterLoaded::Restored(stored.clone()));

        for (text, reason) in [
            ("{\"version\":1,", "申报人名单已损坏"),
            ("[]", "申报人名单已损坏"),
            (
                "{\"version\":9,\"current\":\"1\",\"next_id\":2,\"applicants\":[]}",
                "申报人名单来自其他版本的本工具（名单版本 9）",
            ),
        ] {
            let loaded = load_roster(Some(text), &keys(&["1", "3"]));
            let RosterLoaded::Rebuilt {
                roster,
                reason: found,
            } = loaded
            else {
                panic!("{text} should be rebuilt");
            };
            assert_eq!(found, reason);
            let ids: Vec<&str> = roster.applicants.iter().map(|e| e.id.as_str()).collect();
            assert_eq!(ids, ["1", "3"], "every stored draft is listed again");
            assert_eq!(roster.next_id, 4);
        }
    }

    #[test]
    fn reconciling_lists_unknown_drafts_drops_duplicates_and_repairs_current() {
        let text = r#"{"version":1,"current":"9","next_id":2,"applicants":[
            {"id":"1","label":"张三"},{"id":"1","label":"重复"},{"id":"x","label":"坏编号"}]}"#;
        let roster = load_roster(Some(text), &keys(&["1", "5", "2"]));
        let roster = roster.roster();
        let shown: Vec<(String, String)> = roster
            .applicants
            .iter()
            .map(|e| (e.id.clone(), e.display_name()))
            .collect();
        assert_eq!(
            shown,
            [
                ("1".to_string(), "张三".to_string()),
                ("2".to_string(), "未命名申报人 2".to_string()),
                ("5".to_string(), "未命名申报人 5".to_string()),
            ]
        );
        assert_eq!(roster.current, "1");
        assert_eq!(roster.next_id, 6);
    }

    #[test]
    fn names_are_checked_for_emptiness_length_and_clashes_with_what_the_list_shows() {
        let mut roster = named(&["张三"]);
        roster.applicants[0].label.clear();
        roster.applicants[0].name = "张三".to_string();
        let cases: [(&str, Result<&str, LabelProblem>); 7] = [
            ("  ", Err(LabelProblem::Empty)),
            ("\u{7}", Err(LabelProblem::Empty)),
            (" 李四 ", Ok("李四")),
            (
                "张三",
                Err(LabelProblem::Taken {
                    existing: "张三".into(),
                }),
            ),
            ("张三（车间）", Ok("张三（车间）")),
            (
                "一二三四五六七八九十一二三四五六七八九十",
                Ok("一二三四五六七八九十一二三四五六七八九十"),
            ),
            (
                "一二三四五六七八九十一二三四五六七八九十一",
                Err(LabelProblem::TooLong { chars: 21 }),
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(
                roster.check_label(input, None),
                expected.map(str::to_string),
                "{input:?}"
            );
        }
        // Renaming an applicant to the name it already shows is fine.
        assert_eq!(roster.check_label("张三", Some("1")), Ok("张三".into()));
        assert!(LabelProblem::Taken {
            existing: "张三".into()
        }
        .message()
        .contains("张三（车间）"));
        assert!(LabelProblem::TooLong { chars: 21 }.message().contains("21"));
    }

    #[test]
    fn add_rename_switch_and_remove_keep_the_list_consistent() {
        let mut roster = Roster::default();
        let li = roster.add("李四").expect("free");
        let wang = roster.add("王五").expect("free");
        assert_eq!((li.as_str(), wang.as_str()), ("2", "3"));
        assert_eq!(roster.current, "1", "adding does not switch");
        assert_eq!(
            roster.add("李四"),
            Err(LabelProblem::Taken {
                existing: "李四".into()
            })
        );

        assert!(roster.switch_to(&wang));
        assert!(!roster.switch_to("99"));
        assert_eq!(roster.current_draft_key(), "zhicheng-yanlian.draft.3");

        roster.rename(&li, "李四（二车间）").expect("free");
        assert_eq!(
            roster.entry(&li).map(|e| e.display_name()),
            Some("李四（二车间）".into())
        );
        assert!(roster.rename(&li, "王五").is_err());

        assert!(roster.remove(&wang));
        assert_eq!(
            roster.current, "1",
            "the first remaining one becomes current"
        );
        assert!(!roster.remove(&wang));
        assert!(roster.remove("1"));
        assert!(roster.remove(&li));
        let ids: Vec<&str> = roster.applicants.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            ["4"],
            "an empty list gets a fresh applicant with an unused id"
        );
        assert_eq!(roster.current, "4");
        assert_eq!(roster.add("赵六"), Ok("5".into()), "ids are never reused");
    }

    #[test]
    fn names_that_would_look_the_same_get_their_number() {
        let mut roster = named(&["李四"]);
        roster.add("王五").expect("free");
        let id = roster.add("赵六").expect("free");
        // Applicant 1 has no label and types 姓名 李四 while 2 is labelled 李四: nothing stops
        // that, so the list must tell them apart.
        roster.applicants[0].label.clear();
        roster.applicants[0].name = "李四".into();
        roster.applicants[1].label = "李四".into();
        assert_eq!(roster.shown_name("1"), "李四（编号 1）");
        assert_eq!(roster.shown_name("2"), "李四（编号 2）");
        assert_eq!(roster.shown_name(&id), "赵六");
        assert_eq!(roster.shown_name("99"), "");
    }

    #[test]
    fn invisible_and_overlong_names_do_not_make_invisible_or_huge_entries() {
        let roster = Roster::default();
        for invisible in [
            "\u{200B}",
            " \u{FEFF}\u{200D} ",
            "\u{202E}",
            "\u{2800}",
            "\u{3164}",
            "\u{00AD}",
            "\u{2060}\u{180E}",
        ] {
            assert_eq!(
                roster.check_label(invisible, None),
                Err(LabelProblem::Empty),
                "{invisible:?}"
            );
        }
        assert_eq!(roster.check_label("李\u{200B}四", None), Ok("李四".into()));
        assert_eq!(roster.unique_label("\u{200B}"), "导入的申报人");
        let mut entry = RosterEntry::new("3".into(), String::new());
        entry.name = "\u{200B}".into();
        assert_eq!(entry.display_name(), "未命名申报人 3");
        entry.name = "长".repeat(5000);
        assert_eq!(
            entry.display_name(),
            format!("{}…", "长".repeat(LABEL_MAX_CHARS))
        );
    }

    #[test]
    fn saving_records_the_name_and_time_only_when_they_change() {
        let mut roster = Roster::default();
        assert!(roster.note_saved(" 张三 ", "2026-11-26 19:00"));
        assert!(!roster.note_saved("张三", "2026-11-26 19:00"));
        assert!(roster.note_saved("张三", "2026-11-26 19:01"));
        assert_eq!(roster.current_entry().display_name(), "张三");
        assert_eq!(roster.current_entry().saved_at, "2026-11-26 19:01");
        roster.note_current_name(" 张三丰 ");
        assert_eq!(roster.current_entry().display_name(), "张三丰");
        assert_eq!(
            roster.check_label("张三丰", None),
            Err(LabelProblem::Taken {
                existing: "张三丰".into()
            })
        );
    }

    #[test]
    fn imported_applicants_get_a_free_name() {
        let roster = named(&["张三", "张三（2）"]);
        assert_eq!(roster.unique_label("李四"), "李四");
        assert_eq!(roster.unique_label(" 张三 "), "张三（3）");
        assert_eq!(roster.unique_label(""), "导入的申报人");
        let long = "一二三四五六七八九十一二三四五六七八九十";
        assert_eq!(roster.unique_label(long), long, "a free name is kept whole");
        let mut taken = roster.clone();
        taken.add(long).expect("free");
        assert_eq!(
            taken.unique_label(long),
            "一二三四五六七八九十一二三四五六七（2）",
            "the suffix replaces the end of a name that is taken and already long"
        );
        assert_eq!(
            taken.unique_label(&format!("{long}一二三")),
            "一二三四五六七八九十一二三四五六七（2）",
            "a name longer than allowed is cut first"
        );
        assert_eq!(
            roster.find_by_display_name("张三").map(|e| e.id.as_str()),
            Some("1")
        );
        assert_eq!(roster.find_by_display_name("李四"), None);
    }

    #[test]
    fn file_ids_are_found_even_in_text_that_no_longer_parses() {
        let a = "a".repeat(64);
        let b = format!("{}0", "b".repeat(63));
        let text = format!(
            "{{\"photo\":{{\"file_id\":\"{a}\"}},\"x\":\"{b}\",\"y\":\"{a}\",\"z\":\"{}\" trunc",
            "c".repeat(65)
        );
        assert_eq!(mentioned_file_ids(&text), vec![a, b]);
        assert!(mentioned_file_ids("").is_empty());
        assert!(
            mentioned_file_ids(&"A".repeat(64)).is_empty(),
            "ids are lowercase"
        );
    }
}
