//! The one error type of the API. Every failure becomes
//! `{"error":{"code","message","fields"}}` with the right status; a 500 is
//! logged in full and answered with a generic message, so nothing internal
//! leaks to clients.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use schwarm_wire::error::codes;
use schwarm_wire::{ErrorBody, ErrorDetail, FieldErrors};
use std::collections::BTreeMap;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Malformed(String),
    /// 422 naming every bad field.
    #[error("some fields are invalid")]
    Validation(FieldErrors),
    /// 422 for a request whose JSON had the wrong shape at one field.
    #[error("{message}")]
    BadField { field: String, message: String },
    #[error("sign in first")]
    Unauthorized,
    /// The same answer for an unknown email and a wrong password.
    #[error("wrong email or password")]
    InvalidCredentials,
    /// A signed-login token that is refused; `code` says why.
    #[error("{message}")]
    Sso { code: &'static str, message: &'static str },
    #[error("this is not yours to change")]
    Forbidden,
    /// A moderator blocked this account: it may read, not write.
    #[error("this account is blocked from posting, voting and commenting")]
    Blocked,
    #[error("this request came from another site")]
    CsrfOrigin,
    #[error("not found")]
    NotFound,
    #[error("{message}")]
    Conflict { code: &'static str, message: String },
    #[error("the request body is too large")]
    TooLarge,
    #[error("send JSON with Content-Type: application/json")]
    UnsupportedMediaType,
    #[error("this method is not allowed here")]
    MethodNotAllowed,
    #[error("too many attempts; try again in {retry_after} seconds")]
    RateLimited { retry_after: u64 },
    #[error("database error")]
    Sqlx(#[from] sqlx::Error),
    #[error("internal error")]
    Internal(#[from] anyhow::Error),
}

impl Error {
    pub fn status(&self) -> StatusCode {
        match self {
            Error::Malformed(_) => StatusCode::BAD_REQUEST,
            Error::Validation(_) | Error::BadField { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Error::Unauthorized | Error::InvalidCredentials | Error::Sso { .. } => StatusCode::UNAUTHORIZED,
            Error::Forbidden | Error::CsrfOrigin | Error::Blocked => StatusCode::FORBIDDEN,
            Error::NotFound => StatusCode::NOT_FOUND,
            Error::Conflict { .. } => StatusCode::CONFLICT,
            Error::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Error::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Error::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Error::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            Error::Sqlx(_) | Error::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            Error::Malformed(_) => codes::MALFORMED,
            Error::Validation(_) | Error::BadField { .. } => codes::VALIDATION,
            Error::Unauthorized => codes::UNAUTHORIZED,
            Error::InvalidCredentials => codes::INVALID_CREDENTIALS,
            Error::Sso { code, .. } => code,
            Error::Forbidden => codes::FORBIDDEN,
            Error::Blocked => codes::BLOCKED,
            Error::CsrfOrigin => codes::CSRF,
            Error::NotFound => codes::NOT_FOUND,
            Error::Conflict { code, .. } => code,
            Error::TooLarge => codes::TOO_LARGE,
            Error::UnsupportedMediaType => codes::UNSUPPORTED_MEDIA_TYPE,
            Error::MethodNotAllowed => codes::METHOD_NOT_ALLOWED,
            Error::RateLimited { .. } => codes::RATE_LIMITED,
            Error::Sqlx(_) | Error::Internal(_) => codes::INTERNAL,
        }
    }

    pub fn invalid(field: &str, problem: schwarm_wire::Problem) -> Error {
        let mut errors = FieldErrors::default();
        errors.insert(field, problem);
        Error::Validation(errors)
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            // The details stay in the log; the client learns only that it failed.
            tracing::error!(error = ?self, "request failed");
        }
        let fields = match &self {
            Error::Validation(errors) => errors.to_messages(),
            Error::BadField { field, message } => BTreeMap::from([(field.clone(), message.clone())]),
            _ => BTreeMap::new(),
        };
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code().to_owned(),
                message: self.to_string(),
                fields,
            },
        };
        let mut response = (status, Json(body)).into_response();
        if let Error::RateLimited { retry_after } = self {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after.max(1)));
        }
        if matches!(self, Error::Unauthorized | Error::InvalidCredentials) {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Session"));
        }
        response
    }
}

/// Maps a unique-constraint violation to a 409 with the given code, so a
/// race between two identical inserts answers "conflict", not 500.
pub trait ResultExt<T> {
    fn on_unique_violation(self, code: &'static str, message: &str) -> Result<T>;
}

impl<T, E: Into<Error>> ResultExt<T> for std::result::Result<T, E> {
    fn on_unique_violation(self, code: &'static str, message: &str) -> Result<T> {
        self.map_err(|e| match e.into() {
            Error::Sqlx(sqlx::Error::Database(db)) if db.is_unique_violation() => Error::Conflict {
                code,
                message: message.to_owned(),
            },
            other => other,
        })
    }
}
