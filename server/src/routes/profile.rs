use crate::error::Result;
use crate::extract::{AuthUser, Query};
use crate::service::profile::{self, CommentListParams, Export, ListParams, Mine};
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

/// The OpenAPI description of these routes (see `crate::openapi`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(my_ideas, my_votes, my_comments, export))]
pub(super) struct Api;

#[utoipa::path(
    get,
    path = "/api/v1/me/ideas",
    operation_id = "my_ideas",
    tag = "account",
    params(ListParams),
    responses((status = 200, body = Page<Idea>)),
    security(("session" = []), ("bearer" = []))
)]
async fn my_ideas(
    State(state): State<AppState>,
    user: AuthUser,
    Query(params): Query<ListParams>,
) -> Result<axum::Json<Page<Idea>>> {
    Ok(axum::Json(
        profile::ideas(&state, user.id(), Mine::Written, &params).await?,
    ))
}

#[utoipa::path(
    get,
    path = "/api/v1/me/votes",
    operation_id = "my_votes",
    tag = "account",
    params(ListParams),
    responses((status = 200, body = Page<Idea>)),
    security(("session" = []), ("bearer" = []))
)]
async fn my_votes(
    State(state): State<AppState>,
    user: AuthUser,
    Query(params): Query<ListParams>,
) -> Result<axum::Json<Page<Idea>>> {
    Ok(axum::Json(
        profile::ideas(&state, user.id(), Mine::Voted, &params).await?,
    ))
}

#[utoipa::path(
    get,
    path = "/api/v1/me/comments",
    operation_id = "my_comments",
    tag = "account",
    params(CommentListParams),
    responses((status = 200, body = Page<Comment>)),
    security(("session" = []), ("bearer" = []))
)]
async fn my_comments(
    State(state): State<AppState>,
    user: AuthUser,
    Query(params): Query<CommentListParams>,
) -> Result<axum::Json<Page<Comment>>> {
    Ok(axum::Json(profile::comments(&state, user.id(), &params).await?))
}

/// A download: the browser saves it as a file.
#[utoipa::path(
    get,
    path = "/api/v1/me/export",
    operation_id = "export_my_data",
    tag = "account",
    responses((status = 200, description = "All of the user's data, as a download", body = Export)),
    security(("session" = []), ("bearer" = []))
)]
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
