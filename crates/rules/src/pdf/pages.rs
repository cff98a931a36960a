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
        let mut walk = Walk::default();
        self.walk(&root, 0, &mut walk);
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
        })
    }

    pub(super) fn walk(&mut self, node: &Obj, depth: usize, walk: &mut Walk) {
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
        match (get_name(&dict, b"Type"), kids) {
            (Some(b"Page"), _) => walk.leaves += 1,
            (Some(b"Pages") | None, Some(kids)) => {
                for kid in &kids {
                    self.walk(kid, depth + 1, walk);
                }
            }
            // Some writers leave out /Type on pages.
            (None, None)
                if get(&dict, b"MediaBox").is_some() || get(&dict, b"Contents").is_some() =>
            {
                walk.leaves += 1
            }
            _ => walk.unreadable += 1,
        }
    }
}
