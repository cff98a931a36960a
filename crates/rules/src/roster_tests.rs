//! The 申报人 list's rules, table by table.

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

#[test]
fn names_compare_without_the_case_of_latin_letters_only() {
    let cases = [
        ("Li Si", "li si", true),
        ("LI SI", "li si", true),
        ("ＬＩ ＳＩ", "ｌｉ ｓｉ", true),
        ("ＬＩ", "LI", false),
        ("张三", "张三", true),
        ("张三", "張三", false),
        ("李四", "李四 ", false),
        ("", "", true),
    ];
    for (a, b, same) in cases {
        assert_eq!(same_name(a, b), same, "{a:?} vs {b:?}");
        assert_eq!(same_name(b, a), same, "{b:?} vs {a:?}");
        // The same answer as Unicode's lower case, for the letters a roster holds.
        assert_eq!(a.to_lowercase() == b.to_lowercase(), same, "{a:?} vs {b:?}");
    }
}

/// The list is written byte for byte as serde's derive wrote it, and read back the same.
#[test]
fn the_list_is_stored_as_before() {
    let mut roster = Roster::default();
    roster.add("李四 \"二车间\"").unwrap();
    let text = roster.to_stored();
    assert_eq!(text, serde_json::to_string(&roster).unwrap());
    assert_eq!(serde_json::from_str::<Roster>(&text).unwrap(), roster);
    let RosterLoaded::Restored(back) = load_roster(Some(&text), &[]) else {
        panic!("not restored: {text}");
    };
    assert_eq!(back.applicants.len(), 2);
}

#[test]
fn the_list_shows_the_typed_name_with_a_staff_note_beside_it_and_asks_about_a_different_name() {
    // (label given on the list, 姓名 typed in step 3, what the list and header show, fit)
    let cases: &[(&str, &str, &str, LabelFit)] = &[
        ("孙七", "", "孙七", LabelFit::Same),
        ("", "孙琪", "孙琪", LabelFit::Same),
        ("孙琪", "孙琪", "孙琪", LabelFit::Same),
        ("Li Si", "li si", "li si", LabelFit::Same),
        ("孙七", "孙琪", "孙琪", LabelFit::Differs("孙七".into())),
        ("李四", "李思远", "李思远", LabelFit::Differs("李四".into())),
        (
            "二车间",
            "张伟",
            "张伟（二车间）",
            LabelFit::Note("二车间".into()),
        ),
        (
            "张伟（二车间）",
            "张伟",
            "张伟（二车间）",
            LabelFit::Note("二车间".into()),
        ),
        (
            "张伟 下午",
            "张伟",
            "张伟（下午）",
            LabelFit::Note("下午".into()),
        ),
        ("（张伟）", "张伟", "张伟", LabelFit::Same),
        ("", "", "未命名申报人 1", LabelFit::Same),
    ];
    for (label, name, shown, fit) in cases {
        let entry = RosterEntry {
            id: "1".into(),
            label: label.to_string(),
            name: name.to_string(),
            ..RosterEntry::default()
        };
        assert_eq!(entry.display_name(), *shown, "{label} / {name}");
        assert_eq!(entry.label_fit(), *fit, "{label} / {name}");
    }
    let long = RosterEntry {
        id: "1".into(),
        label: "车间上午来的师傅甲乙丙丁".into(),
        name: "欧阳一二三四五六七八九十".into(),
        ..RosterEntry::default()
    };
    assert_eq!(long.display_name().chars().count(), LABEL_MAX_CHARS + 1);
}

#[test]
fn the_list_records_level_and_progress_only_when_they_change() {
    let mut roster = Roster::default();
    assert_eq!(
        roster.current_entry().progress_text(),
        "未选申报级别 · 0/6 步"
    );
    assert!(roster.note_progress("助理工程师", 3));
    assert!(!roster.note_progress("助理工程师", 3));
    assert_eq!(
        roster.current_entry().progress_text(),
        "助理工程师 · 3/6 步"
    );
    let stored = roster.to_stored();
    let back = load_roster(Some(&stored), &[]).roster().clone();
    assert_eq!(back.current_entry().steps_done, 3, "{stored}");
    // A list stored before these fields were kept reads as not known yet.
    let old = r#"{"version":1,"current":"1","next_id":2,"applicants":[{"id":"1","label":"张三","name":"","saved_at":""}]}"#;
    let read = load_roster(Some(old), &[]).roster().clone();
    assert_eq!(
        read.current_entry().progress_text(),
        "未选申报级别 · 0/6 步"
    );
}

#[test]
fn a_reload_in_the_same_sitting_is_not_announced_as_restored() {
    for (saved, now, same) in [
        ("2026-12-07 10:00", "2026-12-07 10:00", true),
        ("2026-12-07 10:00", "2026-12-07 10:29", true),
        ("2026-12-07 10:00", "2026-12-07 10:30", false),
        ("2026-12-06 23:59", "2026-12-07 00:01", false),
        ("2026-12-07 10:05", "2026-12-07 10:00", false),
        ("", "2026-12-07 10:00", false),
        ("2026-12-07 25:00", "2026-12-07 10:00", false),
        ("垃圾", "2026-12-07 10:00", false),
    ] {
        assert_eq!(saved_in_this_sitting(saved, now), same, "{saved} → {now}");
    }
}
