//! Markdown → safe HTML, once, on write. The client never parses Markdown
//! (that keeps the wasm small) and shows only what this returns.
//!
//! pulldown-cmark renders CommonMark; raw HTML in the source is shown as
//! text, never passed through; ammonia then removes anything that could run
//! (scripts, event handlers, `javascript:` and `data:` URLs) and marks every
//! link as user-generated.

use ammonia::Builder;
use pulldown_cmark::{html, Event, Options, Parser};
use std::collections::HashSet;
use std::sync::OnceLock;

pub fn render(source: &str) -> String {
    let parser =
        Parser::new_ext(source, Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES).map(|event| match event {
            // Raw HTML becomes visible text: what the author typed.
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            other => other,
        });
    let mut unsafe_html = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut unsafe_html, parser);
    sanitizer().clean(&unsafe_html).to_string()
}

/// Markdown together with its rendering, ready to store.
pub fn rendered(source: &str) -> crate::store::Rendered {
    crate::store::Rendered {
        md: source.to_owned(),
        html: render(source),
    }
}

fn sanitizer() -> &'static Builder<'static> {
    static CLEANER: OnceLock<Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let mut b = Builder::default();
        b.link_rel(Some("nofollow ugc noopener"))
            .url_schemes(HashSet::from(["http", "https", "mailto"]));
        b
    })
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn renders_markdown() {
        assert_eq!(render("Hello **world**"), "<p>Hello <strong>world</strong></p>\n");
        assert!(render("- a\n- b").contains("<li>a</li>"));
    }

    #[test]
    fn raw_html_is_shown_as_text_not_run() {
        let out = render("<script>alert(1)</script> and <img src=x onerror=alert(1)>");
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<img"), "{out}");
        assert!(out.contains("&lt;script&gt;"), "{out}");
    }

    #[test]
    fn dangerous_links_lose_their_url_and_others_are_marked() {
        let out = render("[click](javascript:alert(1)) [data](data:text/html,x) [ok](https://example.org)");
        assert!(!out.contains("javascript:"), "{out}");
        assert!(!out.contains("data:text"), "{out}");
        assert!(out.contains(r#"href="https://example.org""#), "{out}");
        assert!(out.contains(r#"rel="nofollow ugc noopener""#), "{out}");
    }

    #[test]
    fn image_tricks_are_defused() {
        let out = render(r#"![x](javascript:alert(1)) ![y](https://example.org/a.png "t\" onerror=\"alert(1)")"#);
        assert!(!out.contains("javascript:"), "{out}");
        // The quote stays inside the (escaped) title: no attribute is made.
        assert!(!out.contains(r#"onerror=""#), "{out}");
        assert!(out.contains("&quot; onerror="), "{out}");
    }
}
