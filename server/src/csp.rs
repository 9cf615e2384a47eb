//! The Content-Security-Policy of every answer.
//!
//! Trunk's `index.html` starts the wasm with one inline module script. Rather
//! than allow inline scripts in general, the policy names that script by its
//! SHA-256, computed from the `index.html` being served; nothing else inline
//! can run, so an injected `<script>` or `onerror=` stays inert even if it
//! ever got past the Markdown sanitiser.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::Path;

/// The policy for a web app whose indexes are `dist/index.html`,
/// `dist/more/index.html` and `dist/pm/index.html` (any may be missing, e.g.
/// in API-only tests: then no inline script of it is allowed).
pub fn policy(dist: &Path) -> String {
    let read = |path: std::path::PathBuf| std::fs::read_to_string(path).unwrap_or_default();
    let index = read(dist.join("index.html"))
        + &read(dist.join("more").join("index.html"))
        + &read(dist.join("pm").join("index.html"));
    let hashes: String = inline_scripts(&index)
        .map(|script| format!(" 'sha256-{}'", STANDARD.encode(Sha256::digest(script.as_bytes()))))
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         img-src 'self' https: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'self'"
    )
}

/// The policy with `frame-ancestors` widened from `'self'` to these origins
/// too (each already an exact `scheme://host[:port]`, see
/// `schwarm_wire::embed::normalize_origin`).
pub fn with_frame_ancestors(policy: &str, origins: &[String]) -> String {
    let extra: String = origins.iter().map(|o| format!(" {o}")).collect();
    policy.replace("frame-ancestors 'self'", &format!("frame-ancestors 'self'{extra}"))
}

/// The bodies of `<script>` elements without a `src`.
pub fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (attrs, after) = rest.split_once('>')?;
        let (body, _) = after.split_once("</script>")?;
        (!attrs.contains("src=")).then_some(body)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_each_inline_script_and_skips_external_ones() {
        let html = "<script type=\"module\">boot()</script><script src=\"/x.js\"></script><script>b</script>";
        let bodies: Vec<_> = inline_scripts(html).collect();
        assert_eq!(bodies, ["boot()", "b"]);
    }

    #[test]
    fn the_policy_names_the_inline_boot_script() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), "<script type=\"module\">boot()</script>").unwrap();
        let p = policy(dir.path());
        let expected = STANDARD.encode(Sha256::digest(b"boot()"));
        assert!(p.contains(&format!("'sha256-{expected}'")), "{p}");
        assert!(p.contains("object-src 'none'") && p.contains("base-uri 'none'"), "{p}");
        assert!(!policy(Path::new("/nonexistent")).contains("sha256"));
    }

    #[test]
    fn frame_ancestors_name_the_sites() {
        let p = with_frame_ancestors(
            &policy(Path::new("/nonexistent")),
            &["https://a.example".into(), "http://b:8080".into()],
        );
        assert!(
            p.ends_with("frame-ancestors 'self' https://a.example http://b:8080"),
            "{p}"
        );
    }
}
