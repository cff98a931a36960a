//! Long lists read item by item: one signal per item, set only when that item changed.
//!
//! In Leptos a change marks everything that depends on it, however far down, and each marked
//! effect then asks its memos whether they changed. So 300 achievements whose fields read the
//! draft (even through a memo per entry) made every keystroke visit some 2 400 memos and effects
//! before it could paint one changed score. Here one effect reads the list; each item lives in a
//! signal of its own, which the effect sets only when the item differs. A keystroke in one entry
//! marks that effect, and then only that entry's fields.

use leptos::prelude::*;
use std::sync::Arc;

type WithList<T> = Arc<dyn Fn(&mut dyn FnMut(&[T])) + Send + Sync>;

struct Inner<T: Send + Sync + 'static> {
    slots: Vec<RwSignal<Option<T>>>,
    list: WithList<T>,
    /// Where the slots live: the component that made the list, not the item that first read one.
    owner: Owner,
}

/// The items of one list, each its own signal.
pub struct Items<T: Send + Sync + 'static>(StoredValue<Inner<T>>);

impl<T: Send + Sync + 'static> Clone for Items<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Items<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Items<T> {
    /// `list(f)` calls `f` with the list; whatever it reads is what the items follow.
    pub fn new(list: impl Fn(&mut dyn FnMut(&[T])) + Send + Sync + 'static) -> Self {
        let items = Items(StoredValue::new(Inner {
            slots: Vec::new(),
            list: Arc::new(list),
            owner: Owner::current().unwrap_or_default(),
        }));
        Effect::new(move |_| {
            let (slots, list) = items
                .0
                .with_value(|inner| (inner.slots.clone(), inner.list.clone()));
            list(&mut |all| {
                refresh(&slots, all);
            });
        });
        items
    }

    /// Item `i`'s signal (`None` once the list is shorter).
    pub fn item(self, i: usize) -> ReadSignal<Option<T>> {
        if let Some(slot) = self.0.with_value(|inner| inner.slots.get(i).copied()) {
            return slot.read_only();
        }
        let (have, list, owner) = self
            .0
            .with_value(|inner| (inner.slots.len(), inner.list.clone(), inner.owner.clone()));
        // Made outside the stored value's lock (making a signal takes the arena's), and read
        // untracked: the view that asks for an item must not re-run on every change of the list.
        let made: Vec<_> = (have..=i)
            .map(|_| owner.with(|| RwSignal::new(None)))
            .collect();
        untrack(|| {
            list(&mut |all| {
                refresh(&made, all.get(have..).unwrap_or_default());
            })
        });
        self.0.update_value(|inner| inner.slots.extend(made));
        self.0.with_value(|inner| inner.slots[i]).read_only()
    }
}

/// Sets each slot that differs from its item of `all` (`None` past the end); how many were set.
fn refresh<T: Clone + PartialEq + Send + Sync + 'static>(
    slots: &[RwSignal<Option<T>>],
    all: &[T],
) -> usize {
    let mut set = 0;
    for (i, slot) in slots.iter().enumerate() {
        let now = all.get(i);
        if slot.with_untracked(|held| held.as_ref() != now) {
            slot.set(now.cloned());
            set += 1;
        }
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The point of it: among 300 items, a change to one sets one signal, and a shorter list
    /// empties the slots past its end.
    #[test]
    fn refresh_sets_only_the_slots_that_changed() {
        let owner = Owner::new();
        owner.set();
        let mut all: Vec<u32> = (0..300).collect();
        let slots: Vec<RwSignal<Option<u32>>> = (0..300).map(|i| RwSignal::new(Some(i))).collect();
        assert_eq!(refresh(&slots, &all), 0);
        all[100] = 1000;
        assert_eq!(refresh(&slots, &all), 1);
        assert_eq!(slots[100].get_untracked(), Some(1000));
        assert_eq!(slots[99].get_untracked(), Some(99));
        all.remove(0);
        assert_eq!(refresh(&slots, &all), 300, "every item moved up one place");
        assert_eq!(slots[0].get_untracked(), Some(1));
        assert_eq!(slots[299].get_untracked(), None);
        assert_eq!(refresh(&slots, &all), 0);
    }
}
