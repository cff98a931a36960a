//! The page tree: the catalog from the trailer or, failing that, every catalog the scan finds;
//! pages counted by walking /Kids with loops and depth bounded.

use super::*;

impl Doc<'_> {
    /// The trailer's catalog first; when that fails or has unreadable pages, every catalog the
    /// scan finds (and then the file counts as rebuilt). The first complete page tree wins, else
    /// the one with the most pages.
    pub(super) fn count_pages(&mut self) -> Result<PageTree, Damage> {
        let mut best: Option<(PageTree, bool)> = None;
        let mut damage = Damage::NoCatalog;
        let mut tried = HashSet::new();
        for scanning in [false, true] {
            if scanning {
                self.parse_scanned(0);
            }
            let mut catalogs: Vec<u32> = self
                .trailers
                .iter()
                .filter_map(|t| match get(t, b"Root") {
                    Some(Obj::Ref(r)) => Some(*r),
                    _ => None,
                })
                .collect();
            if scanning {
                catalogs.extend(self.scanned_catalogs.iter().copied());
            }
            for catalog in catalogs {
                if !tried.insert(catalog) {
                    continue;
                }
                match self.read_page_tree(catalog) {
                    Ok(tree) if tree.unreadable == 0 => {
                        self.rebuilt |= scanning;
                        return Ok(tree);
                    }
                    Ok(tree) => {
                        if best.as_ref().is_none_or(|(b, _)| b.pages < tree.pages) {
                            best = Some((tree, scanning));
                        }
                    }
                    Err(found) => {
                        if damage == Damage::NoCatalog {
                            damage = found;
                        }
                    }
                }
            }
        }
        let (tree, scanned) = best.ok_or(damage)?;
        self.rebuilt |= scanned;
        Ok(tree)
    }

    pub(super) fn read_page_tree(&mut self, catalog: u32) -> Result<PageTree, Damage> {
        let dict = match self.resolve(catalog, 0) {
            Some(Obj::Dict(d)) => d,
            _ => return Err(Damage::NoCatalog),
        };
        let catalog_version = get_name(&dict, b"Version")
            .filter(|v| v.len() <= 4 && v.iter().all(|b| b.is_ascii_digit() || *b == b'.'))
            .map(|v| v.iter().map(|&b| char::from(b)).collect());
        let Some(root) = get(&dict, b"Pages").cloned() else {
            return Err(Damage::NoCatalog);
        };
        let declared = match &root {
            Obj::Ref(r) => match self.resolve(*r, 0) {
                Some(Obj::Dict(d)) => get_int(&d, b"Count"),
                _ => None,
            },
            Obj::Dict(d) => get_int(d, b"Count"),
            _ => None,
        };
        let mut walk = Walk {
            collect: self.collect_pages,
            ..Walk::default()
        };
        self.walk(&root, 0, &mut walk, None);
        if walk.leaves == 0 {
            return Err(if walk.unreadable > 0 {
                Damage::PageTreeUnreadable
            } else {
                Damage::NoPages
            });
        }
        Ok(PageTree {
            pages: walk.leaves,
            declared,
            looped: walk.looped,
            unreadable: walk.unreadable,
            catalog_version,
            dicts: walk.dicts,
            inherited: walk.inherited,
        })
    }

    /// `inherited`: where the attributes a page takes from its ancestors are (ISO 32000-1
    /// 7.7.3.4) in `walk.inherited`, kept only when collecting.
    pub(super) fn walk(
        &mut self,
        node: &Obj,
        depth: usize,
        walk: &mut Walk,
        inherited: Option<usize>,
    ) {
        if walk.leaves >= MAX_PAGES || self.lookups >= MAX_LOOKUPS {
            return;
        }
        if depth > MAX_TREE_DEPTH {
            walk.unreadable += 1;
            return;
        }
        let dict = match node {
            Obj::Ref(number) => {
                if !walk.visited.insert(*number) {
                    walk.looped = true;
                    return;
                }
                match self.resolve(*number, 0) {
                    Some(Obj::Dict(d)) => d,
                    _ => {
                        walk.unreadable += 1;
                        return;
                    }
                }
            }
            Obj::Dict(d) => d.clone(),
            _ => {
                walk.unreadable += 1;
                return;
            }
        };
        let kids = match get(&dict, b"Kids") {
            Some(Obj::Array(items)) => Some(items.clone()),
            Some(Obj::Ref(r)) => match self.resolve(*r, 0) {
                Some(Obj::Array(items)) => Some(items),
                _ => None,
            },
            _ => None,
        };
        let mut leaf = || {
            walk.leaves += 1;
            if walk.collect {
                walk.dicts.push((dict.clone(), inherited));
            }
        };
        match (get_name(&dict, b"Type"), kids) {
            (Some(b"Page"), _) => leaf(),
            (Some(b"Pages") | None, Some(kids)) => {
                let own: Dict = dict
                    .iter()
                    .filter(|(key, _)| walk.collect && INHERITED.contains(&key.as_slice()))
                    .cloned()
                    .collect();
                let passed_on = if own.is_empty() {
                    inherited
                } else {
                    walk.inherited.push((own, inherited));
                    Some(walk.inherited.len() - 1)
                };
                for kid in &kids {
                    self.walk(kid, depth + 1, walk, passed_on);
                }
            }
            // Some writers leave out /Type on pages.
            (None, None)
                if get(&dict, b"MediaBox").is_some() || get(&dict, b"Contents").is_some() =>
            {
                leaf()
            }
            _ => walk.unreadable += 1,
        }
    }
}

/// The page attributes a page tree node passes on to its pages.
const INHERITED: [&[u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];

/// `dict` with the attributes it inherits (from entry `at` of `chain` upwards) and does not set
/// itself.
pub(super) fn with_inherited(
    dict: &Dict,
    chain: &[(Dict, Option<usize>)],
    mut at: Option<usize>,
) -> Dict {
    let mut out = dict.clone();
    // Each entry's parent was pushed before it: the walk up always ends.
    while let Some(index) = at {
        let Some((own, parent)) = chain.get(index) else {
            break;
        };
        for (key, value) in own {
            if get(&out, key).is_none() {
                out.push((key.clone(), value.clone()));
            }
        }
        at = parent.filter(|p| *p < index);
    }
    out
}
