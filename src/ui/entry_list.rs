//! A list the applicant keeps in the draft (学历, 工作经历, 资格证书, 技能等级证书, 继续教育, 年度考核):
//! one fieldset per entry with its 删除 button, and the 添加 button. One component for all of
//! them, so that each list behaves the same: removing an entry moves the focus to 添加 (the button
//! removed is gone), and the fields of an entry are the only thing a list defines.

use super::fields::{set, FormCtx, Read, Write};
use super::focus_after_render;
use crate::rules::draft::Draft;
use leptos::prelude::*;

/// What differs between the lists of entries of type `T`.
pub struct ListSpec<T: 'static> {
    /// The 添加 button's id (focus goes there after a removal).
    pub add_id: &'static str,
    pub add_label: &'static str,
    /// A compact row (继续教育, 年度考核) instead of a full-width block.
    pub row: bool,
    pub items: fn(&Draft) -> &Vec<T>,
    pub items_mut: fn(&mut Draft) -> &mut Vec<T>,
    /// The entry's legend (read again when the draft changes: 「2021 年继续教育」).
    pub legend: fn(&Draft, usize) -> String,
    pub remove_label: fn(usize) -> String,
}

impl<T> Clone for ListSpec<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for ListSpec<T> {}

impl<T: 'static> ListSpec<T> {
    /// Entry `i`'s text field `f`, for an input (empty once the entry is gone).
    pub fn text(self, ctx: FormCtx, i: usize, f: fn(&T) -> String) -> Read {
        ctx.get(move |d| (self.items)(d).get(i).map(f).unwrap_or_default())
    }

    /// Writes an input's text into entry `i` with `f` (nothing once the entry is gone).
    pub fn put(self, i: usize, f: fn(&mut T, String)) -> Write {
        set(move |d, v| {
            if let Some(entry) = (self.items_mut)(d).get_mut(i) {
                f(entry, v)
            }
        })
    }
}

/// The entries, each drawn by `fields(i)` inside its fieldset, with its 删除 button.
pub fn entries<T: 'static>(
    draft: RwSignal<Draft>,
    spec: ListSpec<T>,
    fields: impl Fn(usize) -> AnyView + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let count = Memo::new(move |_| draft.with(|d| (spec.items)(d).len()));
    move || {
        (0..count.get())
            .map(|i| {
                let remove = move |_| {
                    draft.update(|d| {
                        let items = (spec.items_mut)(d);
                        if i < items.len() {
                            items.remove(i);
                        }
                    });
                    // The button is gone with its entry; 添加 is the next place to be.
                    focus_after_render(spec.add_id);
                };
                view! {
                    <fieldset class=if spec.row { "entry entry--row" } else { "entry" }>
                        <legend>{move || draft.with(|d| (spec.legend)(d, i))}</legend>
                        {fields(i)}
                        <button type="button" class="link-button" on:click=remove>
                            {(spec.remove_label)(i)}
                        </button>
                    </fieldset>
                }
            })
            .collect::<Vec<_>>()
    }
}

/// The 添加 button; `add` appends the new entry.
pub fn add_button<T: 'static>(
    draft: RwSignal<Draft>,
    spec: ListSpec<T>,
    add: impl Fn(&mut Draft) + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <button type="button" id=spec.add_id class="button button--secondary"
            on:click=move |_| draft.update(|d| add(d))>
            {spec.add_label}
        </button>
    }
}
