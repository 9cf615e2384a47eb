//! Opaque keyset cursors. A cursor names the last item of a page by its sort
//! key and id, so the next page starts strictly after it: ideas created in the
//! meantime can neither repeat nor shift an item out of the list, as they
//! would with offsets.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use schwarm_wire::Sort;

/// The position after which the next page starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub sort: Sort,
    /// The sort key of the last item: `created_at` for new, `vote_count` for top.
    pub key: i64,
    pub id: i64,
}

impl Cursor {
    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(format!("{}:{}:{}", self.sort.as_str(), self.key, self.id))
    }

    /// `None` for anything that is not a cursor we made for this sort.
    pub fn decode(s: &str, sort: Sort) -> Option<Cursor> {
        let raw = URL_SAFE_NO_PAD.decode(s).ok()?;
        let raw = std::str::from_utf8(&raw).ok()?;
        let mut parts = raw.split(':');
        let cursor = Cursor {
            sort: Sort::parse(parts.next()?)?,
            key: parts.next()?.parse().ok()?,
            id: parts.next()?.parse().ok()?,
        };
        (parts.next().is_none() && cursor.sort == sort).then_some(cursor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_foreign_input() {
        let c = Cursor {
            sort: Sort::Top,
            key: 12,
            id: 99,
        };
        assert_eq!(Cursor::decode(&c.encode(), Sort::Top), Some(c));
        assert_eq!(Cursor::decode(&c.encode(), Sort::New), None, "cursor of another sort");
        assert_eq!(Cursor::decode("not a cursor", Sort::Top), None);
        assert_eq!(Cursor::decode(&URL_SAFE_NO_PAD.encode("top:1:2:3"), Sort::Top), None);
    }
}
