//! The registry of one achievement entry's fields in step 4: each part's id, label, input and
//! hint, which parts a row of the score table asks for (the extra fields of a section, the stamp
//! of an unpublished work, the rank of a ranked row), and how each part is read from and written
//! to an `Achievement`. Step 4 draws an entry by iterating `fields_for`; the preview and the
//! browser tests reach a part by `Part::id`.

use super::applicant::Achievement;
use super::score_table::{Grouping, Row, ScoreTable};

/// One part of an achievement entry, in the order of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Row,
    Title,
    Rank,
    Date,
    Detail,
    Group,
    Finished,
    Stamped,
    End,
    LongTerm,
    Claim,
    Related,
    Selected,
}

/// How a part is entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// A choice among the rows of the entry's section.
    RowChoice,
    Text,
    Date,
    /// 本人排名: a whole number from 1, parsed by `form_fields::parse_rank`.
    Rank,
    Check,
    /// 是 / 否 / not given.
    YesNo,
}

/// A part as the form shows it for one row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryField {
    pub part: Part,
    pub label: &'static str,
    pub input: Input,
    pub optional: bool,
    pub hint: Option<&'static str>,
}

impl Part {
    /// The last part of the input's id: `ach-{i}-{suffix}`.
    pub fn suffix(self) -> &'static str {
        match self {
            Part::Row => "row",
            Part::Title => "title",
            Part::Rank => "rank",
            Part::Date => "date",
            Part::Detail => "detail",
            Part::Group => "group",
            Part::Finished => "finished",
            Part::Stamped => "stamped",
            Part::End => "end",
            Part::LongTerm => "long-term",
            Part::Claim => "claim",
            Part::Related => "related",
            Part::Selected => "selected",
        }
    }

    /// The input's id for entry `index` of the achievements list.
    pub fn id(self, index: usize) -> String {
        format!("ach-{index}-{}", self.suffix())
    }
}

/// What the 说明 field of a section is called on the portal.
pub fn detail_label(category: &str) -> &'static str {
    match category {
        "award" | "honour" | "skill_title" | "competition" => "授予单位",
        "research" | "engineering" => "立项单位 / 项目来源",
        "paper" => "刊物名称或出版社",
        "patent" => "专利号 / 登记号",
        "standard" => "标准编号",
        "product" => "认定单位",
        "part_time" => "兼职机构",
        "certificate" => "发证机关",
        "reward" => "决定单位",
        _ => "说明",
    }
}

const fn field(part: Part, label: &'static str, input: Input, optional: bool) -> EntryField {
    EntryField {
        part,
        label,
        input,
        optional,
        hint: None,
    }
}

/// The parts an entry of `row` asks for, in the order of the form.
pub fn fields_for(table: &ScoreTable, row: &Row) -> Vec<EntryField> {
    let category = row.category.as_str();
    let grouping = table.category(category).map(|c| c.grouping);
    let mut fields = vec![
        field(Part::Row, "类别", Input::RowChoice, false),
        field(Part::Title, "名称", Input::Text, false),
    ];
    if !row.ladder.is_empty() {
        fields.push(field(Part::Rank, "本人排名（第几名）", Input::Rank, false));
    }
    fields.push(field(
        Part::Date,
        "取得（发表、授权）日期",
        Input::Date,
        false,
    ));
    fields.push(field(
        Part::Detail,
        detail_label(category),
        Input::Text,
        true,
    ));
    if grouping == Some(Grouping::SameResult) && category != "other" {
        fields.push(EntryField {
            hint: Some("同一成果（同一项目、相同内容）获得多项时填相同的标识，只计最高的一项"),
            ..field(Part::Group, "同一成果标识", Input::Text, true)
        });
    }
    if category == "research" {
        fields.push(field(Part::Finished, "已结题验收", Input::Check, false));
    }
    if row.needs_stamp {
        fields.push(field(
            Part::Stamped,
            "已经单位审核盖章",
            Input::Check,
            false,
        ));
    }
    if category == "certificate" {
        fields.push(field(Part::End, "有效期至", Input::Date, true));
        fields.push(field(Part::LongTerm, "长期有效", Input::Check, false));
    }
    if category == "other" {
        fields.push(field(
            Part::Claim,
            "说明（自述 0–5 分的理由）",
            Input::Text,
            false,
        ));
    }
    fields.push(field(Part::Related, "与机电专业相关", Input::YesNo, false));
    fields.push(field(Part::Selected, "选入本次申报", Input::Check, false));
    fields
}

/// A text part as the form shows it (the rank blank while not given).
pub fn text(a: &Achievement, part: Part) -> String {
    match part {
        Part::Row => a.row.clone(),
        Part::Title => a.title.clone(),
        Part::Rank if a.rank == 0 => String::new(),
        Part::Rank => a.rank.to_string(),
        Part::Date => a.date.clone(),
        Part::Detail => a.detail.clone(),
        Part::Group => a.group_key.clone(),
        Part::End => a.end_date.clone(),
        Part::Claim => a.claim.clone(),
        _ => String::new(),
    }
}

/// Writes a text part as typed (the rank goes through `put_rank`).
pub fn put_text(a: &mut Achievement, part: Part, value: String) {
    match part {
        Part::Row => a.row = value,
        Part::Title => a.title = value,
        Part::Date => a.date = value,
        Part::Detail => a.detail = value,
        Part::Group => a.group_key = value,
        Part::End => a.end_date = value,
        Part::Claim => a.claim = value,
        _ => {}
    }
}

pub fn flag(a: &Achievement, part: Part) -> bool {
    match part {
        Part::Finished => a.finished,
        Part::Stamped => a.unit_stamped,
        Part::LongTerm => a.long_term,
        Part::Selected => a.selected,
        _ => false,
    }
}

pub fn put_flag(a: &mut Achievement, part: Part, value: bool) {
    match part {
        Part::Finished => a.finished = value,
        Part::Stamped => a.unit_stamped = value,
        Part::LongTerm => a.long_term = value,
        Part::Selected => a.selected = value,
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules_file::table;

    fn parts(row: &str) -> Vec<Part> {
        let t = table();
        fields_for(t, t.row(row).unwrap())
            .iter()
            .map(|f| f.part)
            .collect()
    }

    /// The extra parts each kind of row asks for, and only those.
    #[test]
    fn each_row_asks_for_its_own_parts() {
        use Part::*;
        let cases: &[(&str, &[Part], &[Part])] = &[
            (
                "paper.core",
                &[Rank, Detail, Group],
                &[Stamped, Finished, End, Claim],
            ),
            ("paper.unpublished", &[Rank, Stamped], &[Finished, End]),
            ("research.city", &[Rank, Finished], &[Stamped, End, Claim]),
            (
                "patent.invention",
                &[Rank],
                &[Stamped, Finished, End, Claim],
            ),
        ];
        for (row, has, lacks) in cases {
            let got = parts(row);
            assert_eq!(got[..2], [Row, Title], "{row}");
            assert_eq!(got[got.len() - 2..], [Related, Selected], "{row}");
            for p in *has {
                assert!(got.contains(p), "{row} should ask {p:?}: {got:?}");
            }
            for p in *lacks {
                assert!(!got.contains(p), "{row} should not ask {p:?}: {got:?}");
            }
        }
        let t = table();
        for row in &t.rows {
            let got = parts(&row.id);
            assert_eq!(got.contains(&Rank), !row.ladder.is_empty(), "{}", row.id);
            assert_eq!(got.contains(&Stamped), row.needs_stamp, "{}", row.id);
            assert_eq!(
                got.contains(&End) && got.contains(&LongTerm),
                row.category == "certificate",
                "{}",
                row.id
            );
            assert_eq!(got.contains(&Claim), row.category == "other", "{}", row.id);
            if row.category == "other" {
                assert!(!got.contains(&Group), "{}", row.id);
            }
        }
    }

    #[test]
    fn the_detail_is_named_as_the_portal_names_it() {
        let t = table();
        let label = |row: &str| {
            fields_for(t, t.row(row).unwrap())
                .into_iter()
                .find(|f| f.part == Part::Detail)
                .unwrap()
                .label
        };
        assert_eq!(label("paper.core"), "刊物名称或出版社");
        assert_eq!(label("patent.invention"), "专利号 / 登记号");
        assert_eq!(label("standard.national"), "标准编号");
        assert_eq!(detail_label("no such section"), "说明");
    }

    #[test]
    fn every_part_reads_back_what_was_written() {
        let mut a = Achievement::default();
        for (i, part) in [
            Part::Row,
            Part::Title,
            Part::Date,
            Part::Detail,
            Part::Group,
            Part::End,
            Part::Claim,
        ]
        .into_iter()
        .enumerate()
        {
            let value = format!("值 {i}");
            put_text(&mut a, part, value.clone());
            assert_eq!(text(&a, part), value, "{part:?}");
        }
        for part in [
            Part::Finished,
            Part::Stamped,
            Part::LongTerm,
            Part::Selected,
        ] {
            put_flag(&mut a, part, true);
            assert!(flag(&a, part), "{part:?}");
            put_flag(&mut a, part, false);
            assert!(!flag(&a, part), "{part:?}");
        }
        assert_eq!(text(&a, Part::Rank), "", "rank 0 is shown blank");
        a.rank = 3;
        assert_eq!(text(&a, Part::Rank), "3");
        assert_eq!(Part::LongTerm.id(7), "ach-7-long-term");
    }
}
