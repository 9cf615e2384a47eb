use crate::error::Result;
use crate::extract::Path;
use crate::service::boards;
use crate::state::AppState;
use axum::extract::State;
use axum::routing::get;
use axum::Router;
use schwarm_wire::Board;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/boards", get(list))
        .route("/boards/{slug}", get(show))
}

/// The OpenAPI description of these routes (see `crate::openapi`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(list, show))]
pub(super) struct Api;

#[utoipa::path(
    get,
    path = "/api/v1/boards",
    operation_id = "list_boards",
    tag = "boards",
    responses((status = 200, body = Vec<Board>))
)]
async fn list(State(state): State<AppState>) -> Result<axum::Json<Vec<Board>>> {
    Ok(axum::Json(boards::list(&state).await?))
}

#[utoipa::path(
    get,
    path = "/api/v1/boards/{slug}",
    operation_id = "get_board",
    tag = "boards",
    params(("slug" = String, Path, description = "The board's slug")),
    responses((status = 200, body = Board))
)]
async fn show(State(state): State<AppState>, Path(slug): Path<String>) -> Result<axum::Json<Board>> {
    Ok(axum::Json(boards::get(&state, &slug).await?))
}
