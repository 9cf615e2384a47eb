//! Keyset cursors. A cursor names the last item of a page by its sort key
//! and id, so the next page starts strictly after it: ideas created in the
//! meantime can neither repeat nor shift an item out of the list, as they
//! would with offsets.
//!
//! The form is `KEY.ID`: the key's 64 bits in hex, the id in decimal. Every
//! string of that shape is a valid position, so a cursor can never be "broken", only point somewhere
//! (a cursor of another sort just starts at that sort's equivalent key).
//! Clients still treat it as opaque.

/// The position after which the next page starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    /// The sort key of the last item: `created_at` for new, `vote_count` for
    /// top, the score's bits for trending and relevance.
    pub key: i64,
    pub id: i64,
}

impl Cursor {
    pub fn encode(&self) -> String {
        format!("{:x}.{}", self.key as u64, self.id)
    }

    /// `None` for anything not of the form `KEY.ID`.
    pub fn decode(s: &str) -> Option<Cursor> {
        let (key, id) = s.split_once('.')?;
        let hex = !key.is_empty() && key.len() <= 16 && key.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        let decimal = !id.is_empty() && id.len() <= 18 && id.bytes().all(|b| b.is_ascii_digit());
        if !hex || !decimal {
            return None;
        }
        Some(Cursor {
            key: u64::from_str_radix(key, 16).ok()? as i64,
            id: id.parse().ok()?,
        })
    }
}

/// The cursor of lists paged by id alone (comments, notifications): the id
/// in decimal, nothing else (no sign, at most 18 digits).
pub fn parse_id(s: &str) -> Option<i64> {
    let digits = !s.is_empty() && s.len() <= 18 && s.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| s.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_cursors_are_plain_decimal() {
        assert_eq!(parse_id("42"), Some(42));
        for bad in ["", "-1", "+1", " 1", "1e3", "1234567890123456789"] {
            assert_eq!(parse_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn round_trips_and_rejects_other_shapes() {
        for key in [-12, 0, 1_700_000_000_000, 0.5f64.to_bits() as i64, i64::MIN, i64::MAX] {
            let c = Cursor { key, id: 99 };
            assert_eq!(Cursor::decode(&c.encode()), Some(c));
        }
        for bad in [
            "not a cursor",
            "1.2.3",
            "1.",
            ".2",
            "+1.2",
            "1.-2",
            "A.1",
            "11111111111111111.1",
            "",
        ] {
            assert_eq!(Cursor::decode(bad), None, "{bad}");
        }
    }
}
