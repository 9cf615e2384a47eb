//! Embedding: the sites allowed to frame a board's widget, the widget's
//! configuration, and signed login (SSO) from those sites.

use crate::domain::time::{now_ms, rfc3339};
use crate::domain::{sso, token};
use crate::error::{Error, Result, ResultExt};
use crate::service::auth::to_wire as user_to_wire;
use crate::state::AppState;
use crate::store::SiteRow;
use schwarm_wire::embed::{normalize_origin, ThemeMode};
use schwarm_wire::error::codes;
use schwarm_wire::validate::{DisplayName, Email, DISPLAY_NAME_MAX};
use schwarm_wire::{EmbedConfig, EmbedTheme, Site, SiteInput, SiteWithSecret, TokenSession};

pub fn to_wire(row: &SiteRow) -> Site {
    Site {
        id: row.id,
        name: row.name.clone(),
        origin: row.origin.clone(),
        board: row.board.clone(),
        theme: EmbedTheme {
            accent: row.accent.clone(),
            mode: ThemeMode::parse(&row.theme).unwrap_or_default(),
            font: row.font.clone(),
            radius: u8::try_from(row.radius).unwrap_or(10),
        },
        created_at: rfc3339(row.created_at),
    }
}

pub async fn list(state: &AppState) -> Result<Vec<Site>> {
    Ok(state.store.sites().await?.iter().map(to_wire).collect())
}

async fn saved(state: &AppState, id: Option<i64>, input: &SiteInput, secret: &str) -> Result<Site> {
    let valid = input.validate().map_err(Error::Validation)?;
    let id = state
        .store
        .save_site(id, &valid, secret, now_ms())
        .await
        .on_unique_violation(codes::CONFLICT, "a site with this origin exists")?;
    let Some(id) = id else {
        // Either the board or (on update) the site is unknown; say which.
        return Err(if state.store.boards().await?.iter().any(|b| b.slug == valid.board) {
            Error::NotFound
        } else {
            Error::invalid("board", schwarm_wire::Problem::Invalid)
        });
    };
    let row = state.store.site(id).await?.ok_or(Error::NotFound)?;
    Ok(to_wire(&row))
}

/// A new site, with its SSO secret shown this once.
pub async fn create(state: &AppState, input: SiteInput) -> Result<SiteWithSecret> {
    let sso_secret = token::new_token();
    let site = saved(state, None, &input, &sso_secret).await?;
    Ok(SiteWithSecret { site, sso_secret })
}

pub async fn update(state: &AppState, id: i64, input: SiteInput) -> Result<Site> {
    saved(state, Some(id), &input, "").await
}

pub async fn delete(state: &AppState, id: i64) -> Result<()> {
    state.store.delete_site(id).await?.then_some(()).ok_or(Error::NotFound)
}

/// A new secret: tokens signed with the old one stop working, and the
/// site's sessions end.
pub async fn rotate_secret(state: &AppState, id: i64) -> Result<SiteWithSecret> {
    let sso_secret = token::new_token();
    if !state.store.set_site_secret(id, &sso_secret).await? {
        return Err(Error::NotFound);
    }
    let row = state.store.site(id).await?.ok_or(Error::NotFound)?;
    Ok(SiteWithSecret {
        site: to_wire(&row),
        sso_secret,
    })
}

/// What the widget on `host` needs; 404 unless `host` may embed `board`.
pub async fn config(state: &AppState, board: &str, host: &str) -> Result<EmbedConfig> {
    let origin = normalize_origin(host).ok_or(Error::NotFound)?;
    let site = state.store.site_by_origin(&origin).await?.ok_or(Error::NotFound)?;
    if site.board != board {
        return Err(Error::NotFound);
    }
    let wire = to_wire(&site);
    Ok(EmbedConfig {
        site: wire.name,
        origin: wire.origin,
        board: wire.board,
        theme: wire.theme,
    })
}

/// Exchanges a site's signed token for a session of the user it names
/// (made on first sight), tied to that site. The session token is for
/// `Authorization: Bearer`: the widget cannot rely on third-party cookies.
pub async fn sso(state: &AppState, token: &str) -> Result<TokenSession> {
    let audience = sso::audience(token)?;
    let wrong_audience = || Error::Sso {
        code: codes::SSO_WRONG_AUDIENCE,
        message: "the token is meant for no site registered here",
    };
    let origin = normalize_origin(&audience).ok_or_else(wrong_audience)?;
    let site = state.store.site_by_origin(&origin).await?.ok_or_else(wrong_audience)?;
    let claims = sso::verify(token, &site.sso_secret, &site.origin, now_ms() / 1000)?;
    let invalid = |message| Error::Sso {
        code: codes::SSO_INVALID,
        message,
    };
    let subject = claims.sub.trim();
    if subject.is_empty() || subject.len() > 255 {
        return Err(invalid("the token's sub is empty or too long"));
    }
    let email = Email::parse(&claims.email).map_err(|_| invalid("the token's email is not an address"))?;
    let name: String = claims.name.trim().chars().take(DISPLAY_NAME_MAX).collect();
    let name = DisplayName::parse(&name).map_err(|_| invalid("the token's name is empty or invalid"))?;
    let now = now_ms();
    let user_id = state
        .store
        .sso_user(site.id, subject, email.as_str(), name.as_str(), now)
        .await?;
    let session = token::new_token();
    state
        .store
        .insert_site_session(
            &token::hash_token(&session),
            user_id,
            site.id,
            now,
            now + state.sessions.max_ms,
        )
        .await?;
    let user = state.store.user_by_id(user_id).await?.ok_or(Error::NotFound)?;
    Ok(TokenSession {
        token: session,
        user: user_to_wire(&user),
    })
}
