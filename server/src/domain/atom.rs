//! The changelog as an Atom feed (RFC 4287). Written by hand: the feed is a
//! dozen fixed elements, and an XML or feed crate would add more code than
//! it saves; every text goes through `escape`.

use crate::domain::time::rfc3339;
use crate::store::ChangelogRow;

/// Escapes text for XML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids (the sanitiser lets none through,
            // titles refuse them; this is the last line).
            c if c.is_control() && !matches!(c, '\n' | '\t' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

pub fn feed(public_url: &str, rows: &[ChangelogRow]) -> String {
    let updated = rows.iter().filter_map(|r| r.published_at).max().unwrap_or(0);
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    xml.push_str("  <title>Changelog</title>\n");
    xml.push_str(&format!("  <id>{}/changelog</id>\n", escape(public_url)));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}/changelog\"/>\n",
        escape(public_url)
    ));
    xml.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}/changelog.atom\"/>\n",
        escape(public_url)
    ));
    xml.push_str(&format!("  <updated>{}</updated>\n", rfc3339(updated)));
    for row in rows {
        let published = rfc3339(row.published_at.unwrap_or(row.created_at));
        let link = format!("{public_url}/changelog#entry-{}", row.id);
        let mut content = row.body_html.clone();
        if !row.ideas.is_empty() {
            content.push_str("<ul>");
            for (id, title) in &row.ideas {
                content.push_str(&format!(
                    "<li><a href=\"{}/ideas/{id}\">{}</a></li>",
                    escape(public_url),
                    escape(title)
                ));
            }
            content.push_str("</ul>");
        }
        xml.push_str("  <entry>\n");
        xml.push_str(&format!("    <title>{}</title>\n", escape(&row.title)));
        xml.push_str(&format!("    <id>{}</id>\n", escape(&link)));
        xml.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(&link)
        ));
        xml.push_str(&format!("    <published>{published}</published>\n"));
        xml.push_str(&format!(
            "    <updated>{}</updated>\n",
            rfc3339(row.updated_at.max(row.published_at.unwrap_or(0)))
        ));
        xml.push_str("    <author><name>Schwarm</name></author>\n");
        xml.push_str(&format!("    <content type=\"html\">{}</content>\n", escape(&content)));
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_forbidden_characters_dropped() {
        assert_eq!(escape("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&apos;");
    }

    #[test]
    fn the_feed_links_its_entries_and_their_ideas() {
        let row = ChangelogRow {
            id: 3,
            title: "Dark mode <shipped>".into(),
            body_md: String::new(),
            body_html: "<p>Hi</p>".into(),
            published_at: Some(1_700_000_000_000),
            created_at: 1_700_000_000_000,
            updated_at: 1_700_000_000_000,
            ideas: vec![(9, "Dark & light".into())],
        };
        let xml = feed("https://ideas.example", &[row]);
        assert!(xml.contains("<title>Dark mode &lt;shipped&gt;</title>"));
        assert!(xml.contains("<id>https://ideas.example/changelog#entry-3</id>"));
        assert!(xml.contains("&lt;a href=&quot;https://ideas.example/ideas/9&quot;&gt;Dark &amp;amp; light"));
    }
}
