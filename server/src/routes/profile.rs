use crate::error::Result;
use crate::extract::{AuthUser, Query};
use crate::service::profile::{self, Export, ListParams, Mine};
use crate::state::AppState;
use axum::extract::State;
use axum::http::header::CONTENT_DISPOSITION;
use axum::routing::get;
use axum::Router;
use schwarm_wire::{Comment, Idea, Page};

/// `/me` itself (read, edit, delete) lives in `routes::auth`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/me/ideas", get(my_ideas))
        .route("/me/votes", get(my_votes))
        .route("/me/comments", get(my_comments))
        .route("/me/export", get(export))
}

async fn my_ideas(
    State(state): State<AppState>,
    user: AuthUser,
    Query(params): Query<ListParams>,
) -> Result<axum::Json<Page<Idea>>> {
    Ok(axum::Json(
        profile::ideas(&state, user.id(), Mine::Written, &params).await?,
    ))
}

async fn my_votes(
    State(state): State<AppState>,
    user: AuthUser,
    Query(params): Query<ListParams>,
) -> Result<axum::Json<Page<Idea>>> {
    Ok(axum::Json(
        profile::ideas(&state, user.id(), Mine::Voted, &params).await?,
    ))
}

async fn my_comments(
    State(state): State<AppState>,
    user: AuthUser,
    Query(params): Query<ListParams>,
) -> Result<axum::Json<Page<Comment>>> {
    Ok(axum::Json(profile::comments(&state, user.id(), &params).await?))
}

/// A download: the browser saves it as a file.
async fn export(
    State(state): State<AppState>,
    user: AuthUser,
) -> Result<([(axum::http::HeaderName, &'static str); 1], axum::Json<Export>)> {
    let data = profile::export(&state, &user.user).await?;
    Ok((
        [(CONTENT_DISPOSITION, "attachment; filename=\"schwarm-my-data.json\"")],
        axum::Json(data),
    ))
}
