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

async fn list(State(state): State<AppState>) -> Result<axum::Json<Vec<Board>>> {
    Ok(axum::Json(boards::list(&state).await?))
}

async fn show(State(state): State<AppState>, Path(slug): Path<String>) -> Result<axum::Json<Board>> {
    Ok(axum::Json(boards::get(&state, &slug).await?))
}
