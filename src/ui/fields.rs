//! Labelled form fields bound to the draft, with the rules core's problems shown beside them once
//! 下一步 was pressed on this visit, and the error summary that links to them.
//!
//! Getters and setters are shared `dyn` closures so that the view code exists once in the bundle
//! rather than once per field.

use crate::rules::draft::Draft;
use crate::rules::form_checks::{FormProblem, ProblemKind};
use crate::rules::info_fields::Field;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// A reactive read: whatever it reads is what the field re-renders on.
pub type Read = Arc<dyn Fn() -> String + Send + Sync>;
pub type Write = Arc<dyn Fn(&mut Draft, String) + Send + Sync>;

/// What every field of a step needs: the draft, the step's problems, and which of them are
/// shown. Both belong to this visit of the page, not to the draft: all problems show once 下一步
/// was pressed, a field's own once the preview's 修改 link brought the applicant to it, and a
/// step left without 下一步 comes back without red. (Showing a field's problems as soon as it is
/// left moved the buttons below it under the pointer mid-click, so that is not done.)
#[derive(Clone, Copy)]
pub struct FormCtx {
    pub draft: RwSignal<Draft>,
    pub problems: Memo<Vec<FormProblem>>,
    /// 下一步 was pressed on this visit: every problem is shown, and the error summary.
    pub shown: RwSignal<bool>,
    /// The one field whose problems are shown before 下一步: the one a 修改 link leads to.
    pub revealed: RwSignal<Option<String>>,
}

impl FormCtx {
    pub fn new(draft: RwSignal<Draft>, problems: Memo<Vec<FormProblem>>) -> Self {
        FormCtx {
            draft,
            problems,
            shown: RwSignal::new(false),
            revealed: RwSignal::new(None),
        }
    }

    /// Whether `id`'s problems are shown.
    pub fn shows(self, id: &str) -> bool {
        self.shown.get() || self.revealed.with(|r| r.as_deref() == Some(id))
    }

    /// A text read from the whole draft.
    pub fn get(self, f: impl Fn(&Draft) -> String + Send + Sync + 'static) -> Read {
        let draft = self.draft;
        Arc::new(move || draft.with(|d| f(d)))
    }

    /// Any value read from the whole draft.
    pub fn read<T>(
        self,
        f: impl Fn(&Draft) -> T + Send + Sync + 'static,
    ) -> impl Fn() -> T + Send + Sync + 'static {
        let draft = self.draft;
        move || draft.with(|d| f(d))
    }

    /// The messages for one field, or nothing while they are not shown.
    fn messages_for(self, id: &str) -> Vec<FormProblem> {
        if !self.shows(id) {
            return Vec::new();
        }
        self.problems
            .with(|all| all.iter().filter(|p| p.field == id).cloned().collect())
    }
}

pub fn set(f: impl Fn(&mut Draft, String) + Send + Sync + 'static) -> Write {
    Arc::new(f)
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// Typed dates: the three accepted forms are in the hint.
    Date,
    /// Typed counts: full-width digits are accepted.
    Number,
}

/// A field's label, hint, messages and the ids that tie them to the input.
fn frame(
    ctx: FormCtx,
    id: String,
    label: String,
    optional: bool,
    hint: Option<String>,
    input: impl IntoView + 'static,
) -> impl IntoView {
    let id_for_messages = id.clone();
    let messages = Memo::new(move |_| ctx.messages_for(&id_for_messages));
    let has_error = move || messages.with(|m| m.iter().any(|p| p.kind != ProblemKind::Note));
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    // A short label without a hint fits half a row: two such fields side by side.
    let label_chars = label.chars().count() + if optional { 4 } else { 0 };
    let class = if hint.is_none() && label_chars <= 10 {
        "field field--half"
    } else {
        "field"
    };
    view! {
        <div class=class class:field--error=has_error>
            <label for=id.clone()>
                {label}
                {optional.then(|| view! { <span class="optional">"（选填）"</span> })}
            </label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id>{hint}</p> })}
            <p class="error-text" id=error_id>
                {move || {
                    messages
                        .get()
                        .into_iter()
                        .map(|p| {
                            let class = if p.kind == ProblemKind::Note { "note-text" } else { "" };
                            view! { <span class=class>{p.message}</span> }
                        })
                        .collect::<Vec<_>>()
                }}
            </p>
            {input}
        </div>
    }
}

fn described_by(id: &str, has_hint: bool) -> String {
    if has_hint {
        format!("{id}-hint {id}-error")
    } else {
        format!("{id}-error")
    }
}

fn invalid_attr(ctx: FormCtx, id: String) -> impl Fn() -> &'static str + Send + Sync + 'static {
    move || {
        let bad = ctx.shows(&id)
            && ctx.problems.with(|all| {
                all.iter()
                    .any(|p| p.field == id && p.kind != ProblemKind::Note)
            });
        if bad {
            "true"
        } else {
            "false"
        }
    }
}

/// A text, date or number input.
#[allow(clippy::too_many_arguments)]
pub fn input_field(
    ctx: FormCtx,
    id: impl Into<String>,
    label: impl Into<String>,
    kind: Kind,
    optional: bool,
    hint: Option<&str>,
    suggestions: Option<&'static str>,
    get: Read,
    set: Write,
) -> AnyView {
    let id = id.into();
    // A hint that is only an example (「如：汉族」) shows inside the box. The accepted forms of
    // a date are in the message of a date that does not read.
    let (hint, placeholder) = match hint {
        Some(h) if h.starts_with('如') => (None, Some(h.to_string())),
        Some(h) => (Some(h.to_string()), None),
        None => (
            None,
            (kind == Kind::Date).then(|| "如 2015-07-01".to_string()),
        ),
    };
    let draft = ctx.draft;
    // A memo, so that a keystroke elsewhere in a long form does not touch this input's DOM.
    let value = Memo::new(move |_| get());
    let mode = match kind {
        Kind::Number => "numeric",
        _ => "text",
    };
    let input = view! {
        <input id=id.clone() type="text" inputmode=mode autocomplete="off"
            list=suggestions placeholder=placeholder
            aria-describedby=described_by(&id, hint.is_some())
            aria-invalid=invalid_attr(ctx, id.clone())
            prop:value=move || value.get()
            on:input=move |ev| {
                let text = event_target_value(&ev);
                draft.update(|d| set(d, text));
            }/>
    };
    frame(ctx, id, label.into(), optional, hint, input).into_any()
}

/// A select's value is its option's index: the value showing `current`, or none.
pub fn option_value<T: PartialEq>(options: &[T], current: &T) -> String {
    options
        .iter()
        .position(|o| o == current)
        .map(|i| i.to_string())
        .unwrap_or_default()
}

/// The option a select's value (an index, as [`option_value`] writes it) stands for.
pub fn chosen<'a, T>(options: &'a [T], value: &str) -> Option<&'a T> {
    value.parse::<usize>().ok().and_then(|i| options.get(i))
}

/// A select box over `options` (value = index); "" is the unset choice.
#[allow(clippy::too_many_arguments)]
pub fn select_field(
    ctx: FormCtx,
    id: impl Into<String>,
    label: impl Into<String>,
    optional: bool,
    hint: Option<&str>,
    options: Vec<String>,
    get: Read,
    set: Write,
) -> AnyView {
    let id = id.into();
    let hint = hint.map(str::to_string);
    let draft = ctx.draft;
    let current = Memo::new(move |_| get());
    let options = options
        .into_iter()
        .enumerate()
        .map(|(index, text)| {
            let value = index.to_string();
            let selected_value = value.clone();
            view! {
                <option value=value selected=move || current.get() == selected_value>{text}</option>
            }
        })
        .collect::<Vec<_>>();
    let input = view! {
        <select id=id.clone()
            aria-describedby=described_by(&id, hint.is_some())
            aria-invalid=invalid_attr(ctx, id.clone())
            prop:value=move || current.get()
            on:change=move |ev| {
                let value = event_target_value(&ev);
                draft.update(|d| set(d, value));
            }>
            <option value="" selected=move || current.get().is_empty()>"请选择"</option>
            {options}
        </select>
    };
    frame(ctx, id, label.into(), optional, hint, input).into_any()
}

/// A select over a choice enum's `ALL` list.
#[allow(clippy::too_many_arguments)]
pub fn choice_field<E>(
    ctx: FormCtx,
    id: impl Into<String>,
    label: impl Into<String>,
    hint: Option<&str>,
    all: &'static [E],
    label_of: fn(E) -> &'static str,
    read: impl Fn() -> E + Send + Sync + 'static,
    write: impl Fn(&mut Draft, E) + Send + Sync + 'static,
) -> AnyView
where
    E: Copy + PartialEq + Default + Send + Sync + 'static,
{
    let options = all.iter().map(|e| label_of(*e).to_string()).collect();
    select_field(
        ctx,
        id,
        label,
        false,
        hint,
        options,
        Arc::new(move || option_value(all, &read())),
        set(move |d, value| write(d, chosen(all, &value).copied().unwrap_or_default())),
    )
}

pub fn checkbox_field(
    ctx: FormCtx,
    id: impl Into<String>,
    label: impl Into<String>,
    read: impl Fn() -> bool + Send + Sync + 'static,
    write: impl Fn(&mut Draft, bool) + Send + Sync + 'static,
) -> AnyView {
    let id = id.into();
    let draft = ctx.draft;
    let id_for_messages = id.clone();
    let messages = Memo::new(move |_| ctx.messages_for(&id_for_messages));
    let checked = Memo::new(move |_| read());
    view! {
        <div class="field field--checkbox">
            <p class="error-text" id=format!("{id}-error")>
                {move || messages.get().into_iter().map(|p| p.message).collect::<Vec<_>>().join("；")}
            </p>
            <label class="choice">
                <input id=id.clone() type="checkbox"
                    aria-describedby=format!("{id}-error")
                    prop:checked=move || checked.get()
                    on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        draft.update(|d| write(d, checked));
                    }/>
                {label.into()}
            </label>
        </div>
    }
    .into_any()
}

/// Moves focus to a field (and scrolls it into view) without touching the URL: the app's router
/// owns the part after `#`.
pub fn focus_field(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        // A field inside a fold (技能荣誉, 加分项) is unfolded first: a closed one cannot take focus.
        let mut parent = element.parent_element();
        while let Some(p) = parent {
            if p.tag_name() == "DETAILS" {
                let _ = p.set_attribute("open", "");
            }
            parent = p.parent_element();
        }
        // Centred, so that its label above it is on screen too.
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
        let _ = element.focus_with_options(&{
            let o = web_sys::FocusOptions::new();
            o.set_prevent_scroll(true);
            o
        });
    }
}

/// The problems of a step once 下一步 was pressed on this visit, each linking to its field.
/// Focused when the step is submitted with problems.
#[component]
pub fn ErrorSummary(ctx: FormCtx) -> impl IntoView {
    let visible = Memo::new(move |_| {
        if !ctx.shown.get() {
            return Vec::new();
        }
        ctx.problems.with(|all| {
            all.iter()
                .filter(|p| p.kind != ProblemKind::Note)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    move || {
        let problems = visible.get();
        (!problems.is_empty()).then(|| {
            let count = problems.len();
            let items = problems
                .into_iter()
                .map(|p| {
                    let field = p.field.clone();
                    view! {
                        <li>
                            <a href=format!("#{}", p.field) on:click=move |ev| {
                                ev.prevent_default();
                                focus_field(&field);
                            }>{p.message}</a>
                        </li>
                    }
                })
                .collect::<Vec<_>>();
            view! {
                <div class="error-summary" id="error-summary" role="alert" tabindex="-1"
                    aria-labelledby="error-summary-title">
                    <h2 id="error-summary-title">{format!("有 {count} 处需要修改")}</h2>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

/// A number typed as text. A value that does not parse stays in the box with the parser's
/// message under it, and the draft keeps its last good value.
pub fn parsed_field<T: 'static>(
    draft: RwSignal<Draft>,
    id: String,
    label: String,
    read: impl Fn() -> String + Send + Sync + 'static,
    parse: fn(&str) -> Result<T, String>,
    write: impl Fn(&mut Draft, T) + Send + Sync + 'static,
) -> AnyView {
    let value = Memo::new(move |_| read());
    let error = RwSignal::new(None::<String>);
    let error_id = format!("{id}-error");
    view! {
        <div class="field field--compact" class:field--error=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            <input id=id type="text" inputmode="decimal" autocomplete="off"
                aria-describedby=error_id.clone()
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                prop:value=move || value.get()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    match parse(&text) {
                        Ok(parsed) => {
                            error.set(None);
                            draft.update(|d| write(d, parsed));
                        }
                        Err(message) => error.set(Some(message)),
                    }
                }/>
            <p class="error-text" id=error_id>{move || error.get()}</p>
        </div>
    }
    .into_any()
}

/// A text, date or number input for a registered field (label, optional, hint from the entry).
pub fn input(
    ctx: FormCtx,
    f: &Field,
    kind: Kind,
    suggestions: Option<&'static str>,
    get: Read,
    set: Write,
) -> AnyView {
    input_field(
        ctx,
        f.id,
        f.label,
        kind,
        f.optional,
        f.hint,
        suggestions,
        get,
        set,
    )
}

/// A choice among an enum's values for a registered field.
pub fn choice<E>(
    ctx: FormCtx,
    f: &Field,
    all: &'static [E],
    label_of: fn(E) -> &'static str,
    read: impl Fn() -> E + Send + Sync + 'static,
    write: impl Fn(&mut Draft, E) + Send + Sync + 'static,
) -> AnyView
where
    E: Copy + PartialEq + Default + Send + Sync + 'static,
{
    choice_field(ctx, f.id, f.label, f.hint, all, label_of, read, write)
}

/// A select box over `options` for a registered field.
pub fn select(ctx: FormCtx, f: &Field, options: Vec<String>, get: Read, set: Write) -> AnyView {
    select_field(ctx, f.id, f.label, f.optional, f.hint, options, get, set)
}

/// A yes/no checkbox for a registered field.
pub fn checkbox(
    ctx: FormCtx,
    f: &Field,
    read: impl Fn() -> bool + Send + Sync + 'static,
    write: impl Fn(&mut Draft, bool) + Send + Sync + 'static,
) -> AnyView {
    checkbox_field(ctx, f.id, f.label, read, write)
}
