//! Embedding a board in another site: the sites allowed to, their widget
//! theme, and signed login (SSO) from them.

use crate::validate::{FieldErrors, Problem};
use crate::User;
use serde::{Deserialize, Serialize};

/// Light, dark, or following the visitor's system.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum ThemeMode {
    Light,
    Dark,
    #[default]
    Auto,
}

impl ThemeMode {
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeMode::Light => "light",
            ThemeMode::Dark => "dark",
            ThemeMode::Auto => "auto",
        }
    }

    pub fn parse(s: &str) -> Option<ThemeMode> {
        [ThemeMode::Light, ThemeMode::Dark, ThemeMode::Auto]
            .into_iter()
            .find(|m| m.as_str() == s)
    }
}

/// How the widget looks on a site; applied as CSS custom properties.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmbedTheme {
    /// `#rrggbb`.
    pub accent: String,
    pub mode: ThemeMode,
    /// A CSS font-family list; empty keeps the board's.
    #[serde(default)]
    pub font: String,
    /// Corner radius in pixels, 0 to 24.
    pub radius: u8,
}

impl Default for EmbedTheme {
    fn default() -> Self {
        EmbedTheme {
            accent: "#0b57d0".into(),
            mode: ThemeMode::Auto,
            font: String::new(),
            radius: 10,
        }
    }
}

pub const FONT_MAX: usize = 80;
pub const RADIUS_MAX: u8 = 24;
pub const SITE_NAME_MAX: usize = 60;

impl EmbedTheme {
    fn check(&self, errors: &mut FieldErrors) {
        let hex = self.accent.len() == 7
            && self.accent.starts_with('#')
            && self.accent[1..].bytes().all(|b| b.is_ascii_hexdigit());
        if !hex {
            errors.insert("theme.accent", Problem::Invalid);
        }
        // Letters, digits, spaces, commas, quotes and dashes: a font list,
        // never a way out of the CSS value.
        let font_ok = self.font.chars().count() <= FONT_MAX
            && self
                .font
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | ',' | '-' | '"' | '\''));
        if !font_ok {
            errors.insert("theme.font", Problem::Invalid);
        }
        if self.radius > RADIUS_MAX {
            errors.insert("theme.radius", Problem::OutOfRange(0, u32::from(RADIUS_MAX)));
        }
    }
}

/// A site allowed to embed a board, as admins see it (never its secret).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Site {
    pub id: i64,
    pub name: String,
    /// `https://www.example.com`: the only origin that may frame the widget
    /// and the audience of its SSO tokens.
    pub origin: String,
    /// The embedded board's slug.
    pub board: String,
    pub theme: EmbedTheme,
    pub created_at: String,
}

/// `POST /api/v1/admin/sites` and `PUT /api/v1/admin/sites/{id}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SiteInput {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub name: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub origin: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub board: String,
    #[serde(default)]
    pub theme: EmbedTheme,
}

/// A site's input after checking; the origin in its normal form.
#[derive(Debug, PartialEq, Eq)]
pub struct ValidSite {
    pub name: String,
    pub origin: String,
    pub board: String,
    pub theme: EmbedTheme,
}

impl SiteInput {
    pub fn validate(&self) -> Result<ValidSite, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = self.name.trim();
        if name.is_empty() {
            errors.insert("name", Problem::Required);
        } else if name.chars().count() > SITE_NAME_MAX {
            errors.insert("name", Problem::TooLong(SITE_NAME_MAX));
        } else if name.chars().any(char::is_control) {
            errors.insert("name", Problem::Invalid);
        }
        let origin = normalize_origin(&self.origin);
        if origin.is_none() {
            errors.insert("origin", Problem::Invalid);
        }
        if self.board.trim().is_empty() {
            errors.insert("board", Problem::Required);
        }
        self.theme.check(&mut errors);
        match origin {
            Some(origin) if errors.is_empty() => Ok(ValidSite {
                name: name.to_owned(),
                origin,
                board: self.board.trim().to_owned(),
                theme: self.theme.clone(),
            }),
            _ => Err(errors),
        }
    }
}

/// `scheme://host[:port]` in lower case, or `None` if `s` is not exactly an
/// http(s) origin (no path, query, user info or wildcard).
pub fn normalize_origin(s: &str) -> Option<String> {
    let s = s.trim().trim_end_matches('/').to_ascii_lowercase();
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"))?;
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (rest, None),
    };
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && host
            .split('.')
            .all(|label| !label.is_empty() && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.parse::<u16>().is_ok_and(|n| n > 0));
    (host_ok && port_ok).then_some(s)
}

/// The answer to creating a site or rotating its secret: the only time the
/// secret is shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SiteWithSecret {
    pub site: Site,
    pub sso_secret: String,
}

/// `GET /api/v1/embed/{board}?host=ORIGIN`: what the widget needs to know
/// of the site it is embedded in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmbedConfig {
    pub site: String,
    /// The origin the widget may talk to (postMessage) and be framed by.
    pub origin: String,
    pub board: String,
    pub theme: EmbedTheme,
}

/// `POST /api/v1/auth/sso`: a JWT signed by the embedding site.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SsoLogin {
    pub token: String,
}

/// A session for clients without cookies (the embedded widget): the token
/// goes into `Authorization: Bearer`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenSession {
    pub token: String,
    pub user: User,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_exact_and_normalised() {
        assert_eq!(
            normalize_origin(" HTTPS://Shop.Example.com/ ").as_deref(),
            Some("https://shop.example.com")
        );
        assert_eq!(
            normalize_origin("http://localhost:8080").as_deref(),
            Some("http://localhost:8080")
        );
        for bad in [
            "shop.example.com",
            "ftp://x.org",
            "https://x.org/path",
            "https://*.x.org",
            "https://a@x.org",
            "https://x.org:0",
            "https://x.org:99999",
            "https://",
        ] {
            assert_eq!(normalize_origin(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_site_names_each_bad_field() {
        let input = SiteInput {
            name: " ".into(),
            origin: "nope".into(),
            board: String::new(),
            theme: EmbedTheme {
                accent: "red".into(),
                mode: ThemeMode::Dark,
                font: "Inter; } body { x".into(),
                radius: 99,
            },
        };
        let errors = input.validate().unwrap_err();
        for field in ["name", "origin", "board", "theme.accent", "theme.font", "theme.radius"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }
}
