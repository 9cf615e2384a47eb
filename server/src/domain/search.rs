//! Turning what a person typed into a full-text query.
//!
//! Users type free text, not query syntax: quotes, `-`, `*`, `:` or `&`
//! would be operators to FTS5 and to `to_tsquery` and could make the query
//! fail. So the text is cut into words (runs of letters and digits), and
//! each backend builds its own query from the words: every word as a prefix
//! ("dark mo" finds "dark mode"), all required for a search, any one enough
//! for the duplicate hints.

/// At most this many words count; the rest is ignored.
pub const MAX_TERMS: usize = 8;
const MAX_TERM_CHARS: usize = 40;

/// The words of a query, lower-cased.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Search {
    pub terms: Vec<String>,
    /// Any word suffices (duplicate hints) rather than all (search).
    pub any: bool,
}

impl Search {
    /// `None` when the text has no words at all.
    pub fn parse(text: &str, any: bool) -> Option<Search> {
        let terms: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| w.chars().take(MAX_TERM_CHARS).collect::<String>().to_lowercase())
            .take(MAX_TERMS)
            .collect();
        (!terms.is_empty()).then_some(Search { terms, any })
    }

    /// SQLite FTS5: `"dark"* AND "mode"*`.
    pub fn fts5(&self) -> String {
        let joiner = if self.any { " OR " } else { " AND " };
        self.terms
            .iter()
            .map(|t| format!("\"{t}\"*"))
            .collect::<Vec<_>>()
            .join(joiner)
    }

    /// PostgreSQL `to_tsquery('simple', …)`: `dark:* & mode:*`.
    pub fn tsquery(&self) -> String {
        let joiner = if self.any { " | " } else { " & " };
        self.terms
            .iter()
            .map(|t| format!("{t}:*"))
            .collect::<Vec<_>>()
            .join(joiner)
    }
}

#[cfg(test)]
mod tests {
    use super::Search;

    #[test]
    fn operators_and_quotes_become_plain_words() {
        let s = Search::parse(r#"  "Dark" mode -OR* näher:& x"#, false).unwrap();
        assert_eq!(s.terms, ["dark", "mode", "or", "näher", "x"]);
        assert_eq!(s.fts5(), r#""dark"* AND "mode"* AND "or"* AND "näher"* AND "x"*"#);
        assert_eq!(s.tsquery(), "dark:* & mode:* & or:* & näher:* & x:*");
        assert_eq!(Search::parse("a b", true).unwrap().tsquery(), "a:* | b:*");
        assert_eq!(Search::parse(" !!! ", false), None);
        assert_eq!(
            Search::parse(&"w ".repeat(20), false).unwrap().terms.len(),
            super::MAX_TERMS
        );
    }
}
