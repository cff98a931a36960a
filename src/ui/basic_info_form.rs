//! Step 3's 个人基本信息 section: one labelled input per field of the rules core's field list.

use super::persist::Persistence;
use super::today;
use crate::rules::basic_info::{self, FieldKind, FieldSpec, SERIES};
use leptos::prelude::*;

#[component]
pub fn BasicInfoForm() -> impl IntoView {
    let persistence = expect_context::<Persistence>();
    let draft = persistence.draft;
    let today = today();
    let problems = Memo::new(move |_| draft.with(|d| basic_info::problems(&d.basic, today)));
    let fields = basic_info::BASIC_FIELDS
        .iter()
        .map(|spec| view! { <Field spec=*spec problems=problems/> })
        .collect::<Vec<_>>();
    view! {
        <section class="form-section" aria-labelledby="basic-title">
            <h2 id="basic-title">"个人基本信息"</h2>
            <p class="hint">"以下各项在申报平台上都是必填项。日期按 年-月-日 填写。"</p>
            {fields}
            <div class="field">
                <label for="series">"所属专业技术职务系列"</label>
                <input id="series" type="text" value=SERIES readonly aria-describedby="series-hint"/>
                <p class="hint" id="series-hint">
                    "机电专业固定选「工程技术」：平台提示不同系列对应不同的业绩档案内容项，选错要重填。"
                </p>
            </div>
        </section>
    }
}

#[component]
fn Field(spec: FieldSpec, problems: Memo<Vec<basic_info::FieldProblem>>) -> impl IntoView {
    let persistence = expect_context::<Persistence>();
    let draft = persistence.draft;
    let field = spec.field;
    let id = spec.id;
    let value = move || draft.with(|d| d.basic.get(field).to_string());
    let set = move |new: String| draft.update(|d| d.basic.set(field, new));
    let message = Memo::new(move |_| {
        problems.with(|all| {
            all.iter()
                .filter(|p| p.field == field)
                .map(|p| p.message.clone())
                .collect::<Vec<_>>()
                .join("；")
        })
    });
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let mut ids = vec![error_id.clone()];
        if spec.hint.is_some() {
            ids.insert(0, hint_id.clone());
        }
        ids.join(" ")
    };
    let invalid = move || (!message.get().is_empty()).to_string();
    let input = match spec.kind {
        FieldKind::Choice(options) => {
            let options = options
                .iter()
                .map(|option| {
                    let option = *option;
                    view! {
                        <option value=option selected=move || value() == option>{option}</option>
                    }
                })
                .collect::<Vec<_>>();
            view! {
                <select id=id aria-describedby=described_by aria-invalid=invalid
                    on:change=move |ev| set(event_target_value(&ev))>
                    <option value="" selected=move || value().is_empty()>"请选择"</option>
                    {options}
                </select>
            }
            .into_any()
        }
        FieldKind::Date => view! {
            <input id=id type="date" min="1900-01-01" max="2099-12-31" autocomplete="off"
                aria-describedby=described_by aria-invalid=invalid
                prop:value=value on:input=move |ev| set(event_target_value(&ev))/>
        }
        .into_any(),
        FieldKind::Suggested(suggestions) => {
            let list_id = format!("{id}-suggestions");
            let options = suggestions
                .iter()
                .map(|s| view! { <option value=*s></option> })
                .collect::<Vec<_>>();
            view! {
                <input id=id type="text" list=list_id.clone() autocomplete="off"
                    aria-describedby=described_by aria-invalid=invalid
                    prop:value=value on:input=move |ev| set(event_target_value(&ev))/>
                <datalist id=list_id>{options}</datalist>
            }
            .into_any()
        }
        FieldKind::Text { .. } => view! {
            <input id=id type="text" autocomplete="off"
                aria-describedby=described_by aria-invalid=invalid
                prop:value=value on:input=move |ev| set(event_target_value(&ev))/>
        }
        .into_any(),
    };
    view! {
        <div class="field" class:field--error=move || !message.get().is_empty()>
            <label for=id>{spec.label}</label>
            {spec.hint.map(|hint| view! { <p class="hint" id=hint_id>{hint}</p> })}
            <p class="error-text" id=error_id aria-live="polite">{move || message.get()}</p>
            {input}
        </div>
    }
}
