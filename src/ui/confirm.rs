//! The inline confirmation a destructive action asks first: an alertdialog that takes focus when
//! it opens, closes on 取消 or Escape, and then gives focus back to the button that opened it.

use super::{focus_after_render, on_escape};
use leptos::prelude::*;

#[component]
pub fn InlineConfirm(
    /// The dialog's element id; `{id}-title` and `{id}-detail` label and describe it.
    id: String,
    /// The button that opened it: focus goes back there on 取消 and Escape.
    opener_id: String,
    title: String,
    #[prop(optional)] detail: Option<&'static str>,
    confirm_label: &'static str,
    /// The action itself; where focus goes next is its business (its button is gone after it).
    on_confirm: Callback<()>,
    /// Closes the dialog (the caller owns the open/closed state).
    on_cancel: Callback<()>,
) -> impl IntoView {
    focus_after_render(&id);
    let cancel = {
        let opener_id = opener_id.clone();
        move || {
            on_cancel.run(());
            focus_after_render(&opener_id);
        }
    };
    let title_id = format!("{id}-title");
    let detail_id = detail.map(|_| format!("{id}-detail"));
    let (labelled_by, described_by) = (title_id.clone(), detail_id.clone());
    let cancel_on_escape = cancel.clone();
    view! {
        <div class="confirm" id=id tabindex="-1" role="alertdialog"
            aria-labelledby=labelled_by aria-describedby=described_by
            on:keydown=on_escape(cancel_on_escape)>
            <p id=title_id><strong>{title}</strong></p>
            {detail.map(|text| view! { <p id=detail_id>{text}</p> })}
            <div class="button-row">
                <button type="button" class="button button--warning" on:click=move |_| on_confirm.run(())>
                    {confirm_label}
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| cancel()>"取消"</button>
            </div>
        </div>
    }
}
