//! Pages of a list: the store is asked for one row more than the page
//! holds; that extra row only tells that another page exists.

use schwarm_wire::Page;

/// A page from `limit + 1` fetched rows; the cursor names the last row shown.
pub fn page_of<R, T>(
    mut rows: Vec<R>,
    limit: u32,
    cursor: impl Fn(&R) -> String,
    to_wire: impl FnMut(R) -> T,
) -> Page<T> {
    let next_cursor = if rows.len() > limit as usize {
        rows.truncate(limit as usize);
        rows.last().map(cursor)
    } else {
        None
    };
    Page {
        items: rows.into_iter().map(to_wire).collect(),
        next_cursor,
    }
}

#[cfg(test)]
mod tests {
    use super::page_of;

    #[test]
    fn the_extra_row_makes_a_cursor_and_is_not_shown() {
        let page = page_of(vec![1, 2, 3], 2, |n| n.to_string(), |n| n * 10);
        assert_eq!(page.items, [10, 20]);
        assert_eq!(page.next_cursor.as_deref(), Some("2"));
        let last = page_of(vec![1, 2], 2, |n| n.to_string(), |n| n);
        assert_eq!(last.next_cursor, None);
    }
}
