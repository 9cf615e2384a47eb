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

/// A page size from the query string: decimal digits only (no sign, no
/// blank), within `1..=max`.
pub fn parse_limit(s: &str, max: u32) -> Option<u32> {
    let digits = !s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit());
    digits
        .then(|| s.parse().ok())
        .flatten()
        .filter(|n| (1..=max).contains(n))
}

#[cfg(test)]
mod tests {
    use super::{page_of, parse_limit};

    #[test]
    fn limits_are_plain_numbers_in_range() {
        assert_eq!(parse_limit("20", 100), Some(20));
        for bad in ["", "0", "101", "+5", " 5", "5.0", "9999999999"] {
            assert_eq!(parse_limit(bad, 100), None, "{bad}");
        }
    }

    #[test]
    fn the_extra_row_makes_a_cursor_and_is_not_shown() {
        let page = page_of(vec![1, 2, 3], 2, |n| n.to_string(), |n| n * 10);
        assert_eq!(page.items, [10, 20]);
        assert_eq!(page.next_cursor.as_deref(), Some("2"));
        let last = page_of(vec![1, 2], 2, |n| n.to_string(), |n| n);
        assert_eq!(last.next_cursor, None);
    }
}
